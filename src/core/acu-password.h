/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define ACU_PASSWORD_ERROR (acu_password_error_quark ())

typedef enum
{
  ACU_PASSWORD_ERROR_EMPTY,
  ACU_PASSWORD_ERROR_TOO_WEAK,     /* under the CNIL 80-bit rule */
  ACU_PASSWORD_ERROR_DICTIONARY,   /* libpwquality / cracklib refused it */
  ACU_PASSWORD_ERROR_CONTAINS_NAME,
  ACU_PASSWORD_ERROR_INVALID,      /* not UTF-8 */
} AcuPasswordError;

GQuark   acu_password_error_quark (void);

double   acu_password_entropy_bits (const char *password);
gboolean acu_password_check (const char  *password,
                             const char  *person_name,
                             double      *strength,
                             GError     **error);

G_END_DECLS
