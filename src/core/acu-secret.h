/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define ACU_KEY_BYTES 32

/* A key held in guarded memory (libsodium's sodium_malloc: guard pages,
 * locked in RAM, never swapped); freeing wipes it. */
typedef struct _AcuSecret AcuSecret;

AcuSecret    *acu_secret_new_random (void);
AcuSecret    *acu_secret_new_from_bytes (const guint8 *bytes,
                                         gsize         len);
const guint8 *acu_secret_get_data (const AcuSecret *secret);
gsize         acu_secret_get_size (const AcuSecret *secret);
AcuSecret    *acu_secret_copy (const AcuSecret *secret);
gboolean      acu_secret_is_wiped (const AcuSecret *secret);
void          acu_secret_wipe (AcuSecret *secret);
void          acu_secret_free (AcuSecret *secret);

gboolean      acu_crypto_init (void);

typedef void (*AcuSecretFreeHook) (const guint8 *data,
                                   gsize         size);
void          acu_secret_set_free_hook_for_tests (AcuSecretFreeHook hook);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AcuSecret, acu_secret_free)

G_END_DECLS
