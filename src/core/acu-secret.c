/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "acu-secret"

#include "config.h"

#include <sodium.h>

#include "acu-secret.h"

struct _AcuSecret
{
  gsize   size;
  guint8 *data; /* sodium_malloc'd */
};

static AcuSecretFreeHook free_hook;

/* Tests only: called with each key buffer as it is freed, after it was
 * wiped and before its memory is given back */
void
acu_secret_set_free_hook_for_tests (AcuSecretFreeHook hook)
{
  free_hook = hook;
}

gboolean
acu_crypto_init (void)
{
  return sodium_init () >= 0;
}

AcuSecret *
acu_secret_new_from_bytes (const guint8 *bytes,
                           gsize         len)
{
  AcuSecret *secret;

  g_return_val_if_fail (len > 0, NULL);

  if (!acu_crypto_init ())
    g_error ("libsodium could not be initialised");

  secret = g_new0 (AcuSecret, 1);
  secret->size = len;
  secret->data = sodium_malloc (len);
  if (secret->data == NULL)
    g_error ("Could not allocate guarded memory for a key");
  if (bytes != NULL)
    memcpy (secret->data, bytes, len);
  else
    sodium_memzero (secret->data, len);

  return secret;
}

AcuSecret *
acu_secret_new_random (void)
{
  AcuSecret *secret = acu_secret_new_from_bytes (NULL, ACU_KEY_BYTES);

  randombytes_buf (secret->data, secret->size);
  return secret;
}

const guint8 *
acu_secret_get_data (const AcuSecret *secret)
{
  g_return_val_if_fail (secret != NULL, NULL);
  return secret->data;
}

gsize
acu_secret_get_size (const AcuSecret *secret)
{
  g_return_val_if_fail (secret != NULL, 0);
  return secret->size;
}

AcuSecret *
acu_secret_copy (const AcuSecret *secret)
{
  g_return_val_if_fail (secret != NULL, NULL);
  return acu_secret_new_from_bytes (secret->data, secret->size);
}

/* Zeroes the key in place; the buffer stays allocated (used by tests to
 * check that a wipe really happened before the memory is released). */
void
acu_secret_wipe (AcuSecret *secret)
{
  g_return_if_fail (secret != NULL);
  sodium_memzero (secret->data, secret->size);
}

gboolean
acu_secret_is_wiped (const AcuSecret *secret)
{
  g_return_val_if_fail (secret != NULL, FALSE);
  return sodium_is_zero (secret->data, secret->size) == 1;
}

void
acu_secret_free (AcuSecret *secret)
{
  if (secret == NULL)
    return;
  /* sodium_free wipes the buffer before unmapping it */
  sodium_memzero (secret->data, secret->size);
  if (free_hook != NULL)
    free_hook (secret->data, secret->size);
  sodium_free (secret->data);
  g_free (secret);
}
