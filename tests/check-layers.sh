#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The layers of HACKING.md, checked on the sources: no GTK in src/core; no
# SQL, no private core header outside src/core; the interface never tells
# the store's change notification, the core does. TAP output.
# Usage: check-layers.sh SOURCE_ROOT
set -u
cd "$1" || exit 1
n=0; failed=0

# check DESCRIPTION FILES...: ok when no file is given
check() {
  local what=$1; shift
  n=$((n + 1))
  if [ $# -eq 0 ]; then echo "ok $n - $what"
  else echo "not ok $n - $what: $*"; failed=$((failed + 1)); fi
}

outside_core=$(find src/ui src/cli src/report -name '*.[ch]' | sort)
check "src/core includes no GTK" $(grep -lE '#include <(gtk|gdk|adwaita)' src/core/*.[ch])
check "no SQL outside src/core" $(grep -lE 'sqlite3|#include <sqlite3.h>' $outside_core)
core_private=$(cd src/core && ls *-private.h *-internal.h | sed 's/[.]/[.]/g' | paste -sd'|')
check "no private core header outside src/core" $(grep -lE "#include \"($core_private)\"" $outside_core)
check "only the core tells a change" $(grep -lE 'acu_store_changed|acu_store_emit_area' $outside_core)
check "the store's internals stay in acu-store*.c" \
  $(grep -lE '#include "acu-store-internal\.h"' src/core/*.c | grep -v '/acu-store[a-z-]*\.c$')
check "public headers of the core do not expose SQLite" \
  $(grep -lE '#include <sqlite3.h>' $(ls src/core/*.h | grep -vE -- '-(private|internal)\.h$'))

echo "1..$n"
[ "$failed" -eq 0 ]
