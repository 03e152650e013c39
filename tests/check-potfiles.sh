#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Every file with translatable strings is listed in po/POTFILES.in, and
# every listed file exists. TAP output. Usage: check-potfiles.sh SOURCE_ROOT
set -u
cd "$1" || exit 1
n=0; failed=0
listed=$(grep -v '^#' po/POTFILES.in | grep .)
for f in $(find src data \( -name '*.c' -o -name '*.ui' -o -name '*.in' -o -name '*.gschema.xml' \) | sort); do
  if grep -qE '\b(_|N_|C_|NC_)\(|translatable="yes"|<summary>' "$f"; then
    n=$((n + 1))
    if grep -qxF "$f" <<<"$listed"; then echo "ok $n - $f is in POTFILES.in"
    else echo "not ok $n - $f has translatable strings but is not in po/POTFILES.in"; failed=$((failed + 1)); fi
  fi
done
for f in $listed; do
  n=$((n + 1))
  if [ -f "$f" ]; then echo "ok $n - $f exists"
  else echo "not ok $n - po/POTFILES.in lists $f, which does not exist"; failed=$((failed + 1)); fi
done
echo "1..$n"
[ "$failed" -eq 0 ]
