#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Every message of the sources (po/POTFILES.in) and of the help pages is
# translated in French and Occitan, none fuzzy: no English slips into a
# French or Occitan screen. TAP output. Usage: check-po.sh SOURCE_ROOT
set -u
src=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=0; failed=0

check() {   # check PO POT
  local po=$1 pot=$2 stats
  n=$((n + 1))
  msgmerge --quiet --no-fuzzy-matching "$po" "$pot" -o "$tmp/merged.po" 2>"$tmp/err" || { cat "$tmp/err"; }
  stats=$(LC_ALL=C msgfmt -c --statistics -o /dev/null "$tmp/merged.po" 2>&1)
  if [ $? -eq 0 ] && ! grep -qE 'fuzzy|untranslated' <<<"$stats"; then
    echo "ok $n - ${po#$src/}: $stats"
  else
    echo "not ok $n - ${po#$src/}: $stats"
    msgattrib --untranslated --only-fuzzy "$tmp/merged.po" 2>/dev/null | grep '^msgid' | head -5 | sed 's/^/# /'
    msgattrib --untranslated "$tmp/merged.po" 2>/dev/null | grep '^msgid' | head -5 | sed 's/^/# /'
    failed=$((failed + 1))
  fi
}

# The interface: the same extraction as meson's i18n "glib" preset
(cd "$src" && xgettext --from-code=UTF-8 --add-comments --package-name=acuelh \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
  --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
  -f <(grep -v '^#' po/POTFILES.in | grep .) -o "$tmp/ui.pot") || { echo "Bail out! xgettext failed"; exit 1; }
for lang in $(cat "$src/po/LINGUAS"); do
  check "$src/po/$lang.po" "$tmp/ui.pot"
done

# The help pages
(cd "$src/help" && itstool -o "$tmp/help.pot" C/*.page) || { echo "Bail out! itstool failed"; exit 1; }
for lang in $(cat "$src/help/LINGUAS"); do
  check "$src/help/$lang/$lang.po" "$tmp/help.pot"
done

echo "1..$n"
[ "$failed" -eq 0 ]
