#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# What a file manager makes of Acuèlh's files, from the built MIME
# package and desktop file installed in a throw-away data folder: a
# database is application/x-acuelh-database and opens in Acuèlh, which
# takes the file (%f); its key file is application/x-acuelh-keys, and no
# application opens it. TAP output.
# Usage: check-mime.sh MIME_XML DESKTOP_FILE ACUELH
set -u
mime_xml=$1 desktop=$2
# GIO lists an application only when its Exec is found
PATH=$(cd "$(dirname "$3")" && pwd):$PATH
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/data/mime/packages" "$tmp/data/applications" "$tmp/files" "$tmp/config"
cp "$mime_xml" "$tmp/data/mime/packages/"
cp "$desktop" "$tmp/data/applications/"
update-mime-database "$tmp/data/mime" >/dev/null 2>&1
update-desktop-database "$tmp/data/applications" >/dev/null 2>&1 || true
# What SQLCipher writes looks random from its first byte on: the same
# 4 KiB of it every run
python3 -c 'import hashlib, sys
sys.stdout.buffer.write(b"".join(hashlib.sha256(b"%d" % i).digest() for i in range(128)))' >"$tmp/files/desk.acuelh"
echo '{}' >"$tmp/files/desk.acuelh-keys"
export XDG_DATA_HOME=$tmp/data XDG_DATA_DIRS=$tmp/data XDG_CONFIG_HOME=$tmp/config XDG_CONFIG_DIRS=$tmp/config
export GIO_USE_VFS=local LC_ALL=C.UTF-8

n=0 failed=0
check() {  # description, expected, actual
  n=$((n + 1))
  if [ "$2" = "$3" ]; then echo "ok $n - $1"
  else echo "not ok $n - $1: expected “$2”, got “$3”"; failed=$((failed + 1)); fi
}
content_type() {
  gio info -a standard::content-type "$1" 2>&1 | sed -n 's/^ *standard::content-type: //p'
}
default_app() {
  gio mime "$1" 2>&1 | sed -n 's/^Default application for “[^”]*”: //p'
}

check "a database is recognised by its name" application/x-acuelh-database "$(content_type "$tmp/files/desk.acuelh")"
check "its key file is recognised by its name" application/x-acuelh-keys "$(content_type "$tmp/files/desk.acuelh-keys")"
check "a database opens in Acuèlh" io.github.acuelh.Acuelh.desktop "$(default_app application/x-acuelh-database)"
check "no application opens a key file" "" "$(default_app application/x-acuelh-keys)"
check "Acuèlh is given the file" "Exec=acuelh %f" "$(grep '^Exec=' "$desktop")"
echo "1..$n"
[ "$failed" -eq 0 ]
