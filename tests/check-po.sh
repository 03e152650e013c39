#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Each catalogue compiles cleanly and is complete: no untranslated or fuzzy
# message, so no English slips into a French or Occitan screen. TAP output.
# Usage: check-po.sh FILE.po...
set -u
n=0; failed=0
for po in "$@"; do
  n=$((n + 1))
  stats=$(LC_ALL=C msgfmt -c --statistics -o /dev/null "$po" 2>&1)
  if [ $? -eq 0 ] && ! grep -qE 'fuzzy|untranslated' <<<"$stats"; then
    echo "ok $n - $po: $stats"
  else
    echo "not ok $n - $po: $stats"; failed=$((failed + 1))
  fi
done
echo "1..$n"
[ "$failed" -eq 0 ]
