/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "acu-secret.h"
#include "acu-store-error.h"

G_BEGIN_DECLS

typedef enum
{
  ACU_ROLE_VOLUNTEER,
  ACU_ROLE_STAFF,
  ACU_ROLE_COORDINATOR,
} AcuRole;

#define ACU_TYPE_ROLE (acu_role_get_type ())
GType        acu_role_get_type (void);

typedef enum
{
  ACU_SLOT_PASSWORD,
  ACU_SLOT_RECOVERY,
} AcuSlotKind;

typedef struct _AcuKeyFile AcuKeyFile;
typedef struct _AcuKeySlot AcuKeySlot;

const char  *acu_role_to_string (AcuRole role);
gboolean     acu_role_from_string (const char *text,
                                   AcuRole    *role);
const char  *acu_role_get_label (AcuRole role);

AcuKeyFile  *acu_key_file_new (void);
AcuKeyFile  *acu_key_file_load (const char  *path,
                                GError     **error);
gboolean     acu_key_file_save (AcuKeyFile  *self,
                                const char  *path,
                                GError     **error);
void         acu_key_file_free (AcuKeyFile *self);

guint        acu_key_file_get_n_slots (AcuKeyFile *self);
AcuKeySlot  *acu_key_file_get_slot (AcuKeyFile *self,
                                    guint       index);
AcuKeySlot  *acu_key_file_find_slot (AcuKeyFile *self,
                                     guint       slot_id);
GStrv        acu_key_file_dup_person_names (AcuKeyFile *self);

guint        acu_key_file_add_slot (AcuKeyFile      *self,
                                    const char      *name,
                                    AcuRole          role,
                                    AcuSlotKind      kind,
                                    const char      *secret,
                                    const AcuSecret *db_key,
                                    const AcuSecret *conf_key,
                                    GError         **error);
gboolean     acu_key_file_rewrap_slot (AcuKeyFile  *self,
                                       guint        slot_id,
                                       const char  *old_secret,
                                       const char  *new_secret,
                                       GError     **error);
gboolean     acu_key_file_remove_slot (AcuKeyFile *self,
                                       guint       slot_id);
AcuKeySlot  *acu_key_file_unlock (AcuKeyFile  *self,
                                  const char  *name,
                                  AcuSlotKind  kind,
                                  const char  *secret,
                                  AcuSecret  **db_key,
                                  AcuSecret  **conf_key,
                                  GError     **error);

guint        acu_key_slot_get_id (const AcuKeySlot *slot);
const char  *acu_key_slot_get_name (const AcuKeySlot *slot);
AcuRole      acu_key_slot_get_role (const AcuKeySlot *slot);
AcuSlotKind  acu_key_slot_get_kind (const AcuKeySlot *slot);
gint64       acu_key_slot_get_created (const AcuKeySlot *slot);

char        *acu_recovery_code_generate (void);
char        *acu_recovery_code_normalize (const char  *text,
                                          GError     **error);

void         acu_key_file_set_kdf_limits (guint64 opslimit,
                                          gsize   memlimit);
char        *acu_key_file_path_for (const char *database_path);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AcuKeyFile, acu_key_file_free)

G_END_DECLS
