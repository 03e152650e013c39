#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The built man pages read without a warning from man and groff, and
# acuelh-cli's, in English and French, list every command its --help
# lists and every exit status. TAP output.
# Usage: check-man.sh CLI PAGE…   (acuelh-cli's pages are named so)
set -u
cli=$1; shift
n=0 failed=0
ok() { n=$((n + 1)); echo "ok $n - $*"; }
not_ok() { n=$((n + 1)); echo "not ok $n - $*"; failed=$((failed + 1)); }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

commands=$(LC_ALL=C.UTF-8 LANGUAGE= "$cli" --help | sed -n 's/^  \([a-z][a-z-]*\) .*/\1/p')
[ -n "$commands" ] && ok "acuelh-cli --help lists commands: $(echo $commands)" || not_ok "acuelh-cli --help lists commands"

for page in "$@"; do
  name=$(basename "$(dirname "$page")")/$(basename "$page")
  if LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -E UTF-8 -l -P cat "$page" >"$tmp/text" 2>"$tmp/err" && [ ! -s "$tmp/err" ]; then
    ok "$name reads without warnings"
  else
    not_ok "$name reads without warnings: $(head -c 600 "$tmp/err")"
  fi
  case "$page" in
    *acuelh-cli.1)
      missing=
      for c in $commands; do grep -q "^   $c\$" "$tmp/text" || missing="$missing $c"; done
      [ -z "$missing" ] && ok "$name: every command" || not_ok "$name lacks the commands:$missing"
      missing=
      for code in 0 1 2 3 4 5 6 7; do grep -q "^       $code\$" "$tmp/text" || missing="$missing $code"; done
      [ -z "$missing" ] && ok "$name: every exit status" || not_ok "$name lacks the exit statuses:$missing"
      missing=
      for option in --site --name --password-file --recovery-code-file --as --secret-file --role --since \
                    --until --from --to --format --output --year --households --years --seed; do
        grep -q -- "$option" "$tmp/text" || missing="$missing $option"
      done
      [ -z "$missing" ] && ok "$name: options of every kind" || not_ok "$name lacks the options:$missing"
      ;;
  esac
done
echo "1..$n"
[ "$failed" -eq 0 ]
