/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "acu-area.h"
#include "acu-key-file.h"
#include "acu-store-error.h"

G_BEGIN_DECLS

#define ACU_TYPE_STORE (acu_store_get_type ())

G_DECLARE_FINAL_TYPE (AcuStore, acu_store, ACU, STORE, GObject)

typedef struct
{
  guint    slot_id;
  char    *name;
  AcuRole  role;
  AcuSlotKind kind;
  gboolean is_me;
} AcuSlotInfo;

void          acu_slot_info_free (AcuSlotInfo *info);

int           acu_store_get_latest_schema_version (void);

AcuStore     *acu_store_create (const char  *path,
                                const char  *site_name,
                                const char  *person_name,
                                const char  *password,
                                char       **recovery_code,
                                GError     **error);
AcuStore     *acu_store_open (const char  *path,
                              const char  *person_name,
                              const char  *password,
                              GError     **error);
AcuStore     *acu_store_open_with_recovery_code (const char  *path,
                                                 const char  *recovery_code,
                                                 GError     **error);
GStrv         acu_store_list_person_names (const char  *path,
                                           GError     **error);
/* A read-only connection for one long read in a worker thread. It
 * keeps the identity of the moment it opened: whoever holds it must drop
 * it when the desk locks or changes hands (the Reports page does). */
AcuStore     *acu_store_open_reader (AcuStore  *self,
                                     GError   **error);
void          acu_store_close (AcuStore *self);
gboolean      acu_store_is_open (AcuStore *self);

const char   *acu_store_get_path (AcuStore *self);
const char   *acu_store_get_site_name (AcuStore *self);
const char   *acu_store_get_person_name (AcuStore *self);
gint64        acu_store_get_person_id (AcuStore *self);
gboolean      acu_store_is_identified (AcuStore *self);
void          acu_store_forget_identity (AcuStore *self);
gboolean      acu_store_require_role (AcuStore  *self,
                                      AcuRole    role,
                                      GError   **error);
AcuRole       acu_store_get_role (AcuStore *self);
gboolean      acu_store_has_confidential_key (AcuStore *self);
int           acu_store_get_schema_version (AcuStore *self);
gint64        acu_store_get_created (AcuStore *self);
const char   *acu_store_get_created_by (AcuStore *self);

gboolean      acu_store_check_integrity (AcuStore  *self,
                                         GError   **error);

typedef struct _AcuIntegrityCheck AcuIntegrityCheck;

AcuIntegrityCheck *acu_store_new_integrity_check (AcuStore *self);
gboolean      acu_integrity_check_run (AcuIntegrityCheck  *check,
                                       GError            **error);
void          acu_integrity_check_free (AcuIntegrityCheck *check);

/* Staff and coordinators */
GPtrArray    *acu_store_list_slots (AcuStore  *self,
                                    GError   **error);
guint         acu_store_add_slot (AcuStore    *self,
                                  const char  *person_name,
                                  AcuRole      role,
                                  const char  *password,
                                  GError     **error);
gboolean      acu_store_remove_slot (AcuStore  *self,
                                     guint      slot_id,
                                     GError   **error);
gboolean      acu_store_change_password (AcuStore    *self,
                                         const char  *old_password,
                                         const char  *new_password,
                                         GError     **error);
char         *acu_store_replace_recovery_code (AcuStore  *self,
                                               GError   **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AcuSlotInfo, acu_slot_info_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AcuIntegrityCheck, acu_integrity_check_free)

G_END_DECLS
