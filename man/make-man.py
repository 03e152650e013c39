#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds a man page: an scdoc(5) source whose lines @COMMANDS@ and
# @EXIT_STATUS@ are replaced by what "acuelh-cli --man-commands" and
# "--man-exit-status" print in the page's language (from the command
# table and the built catalogues), then turned into roff by scdoc(1).
# Usage: make-man.py SCDOC CLI LOCALEDIR LANG INPUT OUTPUT
import os
import subprocess
import sys

scdoc, cli, localedir, lang, source, output = sys.argv[1:]

env = dict(os.environ)
for name in ('LC_ALL', 'LC_MESSAGES', 'LANG', 'LANGUAGE'):
    env.pop(name, None)
# C.UTF-8 with LANGUAGE: gettext reads LANGUAGE under any locale but "C"
env.update(LC_ALL='C.UTF-8', ACUELH_LOCALEDIR=localedir)
if lang != 'en':
    env['LANGUAGE'] = lang


def generated(option):
    return subprocess.run([cli, option], env=env, check=True, capture_output=True,
                          text=True, encoding='utf-8').stdout.rstrip('\n')


parts = {'@COMMANDS@': '--man-commands', '@EXIT_STATUS@': '--man-exit-status'}
lines = []
with open(source, encoding='utf-8') as f:
    for line in f:
        key = line.strip()
        lines.append(generated(parts[key]) + '\n' if key in parts else line)

with open(output, 'w', encoding='utf-8') as out:
    subprocess.run([scdoc], input=''.join(lines), stdout=out, check=True, text=True, encoding='utf-8')
