/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define ACU_STORE_ERROR (acu_store_error_quark ())

typedef enum
{
  ACU_STORE_ERROR_FAILED,           /* an unexpected SQLite or I/O failure */
  ACU_STORE_ERROR_WRONG_PASSWORD,   /* no slot opens with this name and secret */
  ACU_STORE_ERROR_NOT_FOUND,        /* the database file does not exist */
  ACU_STORE_ERROR_NOT_ACUELH,       /* a file, but not an Acuèlh database */
  ACU_STORE_ERROR_DAMAGED,          /* the right key, but unreadable content */
  ACU_STORE_ERROR_KEYFILE_MISSING,
  ACU_STORE_ERROR_KEYFILE_DAMAGED,
  ACU_STORE_ERROR_SCHEMA_TOO_NEW,   /* written by a newer Acuèlh */
  ACU_STORE_ERROR_NO_CIPHER,        /* linked against plain SQLite */
  ACU_STORE_ERROR_EXISTS,           /* creating over an existing file */
  ACU_STORE_ERROR_INVALID,          /* bad input from the person */
  ACU_STORE_ERROR_WEAK_PASSWORD,
  ACU_STORE_ERROR_LAST_SLOT,        /* removing the last password slot */
  ACU_STORE_ERROR_BUSY,             /* locked by another program */
  ACU_STORE_ERROR_FORBIDDEN,        /* the person's role may not do this */
  ACU_STORE_ERROR_NO_RECORD,        /* the record asked for does not exist (any more) */
  ACU_STORE_ERROR_IN_USE,           /* deleting what records still use */
  ACU_STORE_ERROR_PIN_LOCKED,       /* three wrong PINs: a staff member resets it */
  ACU_STORE_ERROR_SHORT,            /* goods out beyond the stock: staff may force it */
} AcuStoreError;

GQuark acu_store_error_quark (void);

G_END_DECLS
