/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A fresh temporary folder, removed with its files by acu_test_tmpdir_free */
char  *acu_test_tmpdir_new (void);
void   acu_test_tmpdir_free (char *dir);

/* SHA-256 of a file's bytes, hex; NULL if it cannot be read */
char  *acu_test_file_checksum (const char *path);

/* Argon2id at libsodium's minimum limits: unit tests create many slots */
void   acu_test_use_fast_kdf (void);

G_END_DECLS
