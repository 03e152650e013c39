/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "acu-store.h"

G_BEGIN_DECLS

/* The people who work at the desk. Staff and coordinators have a key slot
 * and a password; volunteers have a PIN that works only while the desk is
 * open. */
typedef struct
{
  gint64    id;
  char     *name;
  AcuRole   role;
  gboolean  active;
  gboolean  has_password;   /* a key slot */
  gboolean  has_pin;
  gboolean  pin_locked;     /* three wrong PINs */
  guint     slot_id;
} AcuDeskPerson;

#define ACU_PIN_MAX_FAILURES 3

void           acu_desk_person_free (AcuDeskPerson *person);

GPtrArray     *acu_desk_people_list (AcuStore  *store,
                                     gboolean   include_inactive,
                                     GError   **error);
AcuDeskPerson *acu_desk_person_get (AcuStore  *store,
                                    gint64     person_id,
                                    GError   **error);
gint64         acu_desk_person_find (AcuStore    *store,
                                     const char  *name,
                                     GError     **error);

gboolean       acu_pin_check (const char  *pin,
                              GError     **error);

gint64         acu_desk_person_add (AcuStore    *store,
                                    const char  *name,
                                    AcuRole      role,
                                    const char  *secret,
                                    GError     **error);
gboolean       acu_desk_person_set_role (AcuStore    *store,
                                         gint64       person_id,
                                         AcuRole      role,
                                         const char  *secret,
                                         GError     **error);
gboolean       acu_desk_person_deactivate (AcuStore  *store,
                                           gint64     person_id,
                                           GError   **error);
gboolean       acu_desk_person_reset_secret (AcuStore    *store,
                                             gint64       person_id,
                                             const char  *secret,
                                             GError     **error);
gboolean       acu_desk_person_change_pin (AcuStore    *store,
                                           const char  *old_pin,
                                           const char  *new_pin,
                                           GError     **error);

gboolean       acu_store_identify_with_pin (AcuStore    *store,
                                            gint64       person_id,
                                            const char  *pin,
                                            GError     **error);

/* Identifying with a password runs Argon2id (about half a second): the
 * check is made on the main thread, run anywhere, applied on the main
 * thread */
typedef struct _AcuIdentityCheck AcuIdentityCheck;

AcuIdentityCheck *acu_store_new_identity_check (AcuStore  *store,
                                                gint64     person_id,
                                                GError   **error);
gboolean       acu_identity_check_run (AcuIdentityCheck  *check,
                                       const char        *password,
                                       GError           **error);
gboolean       acu_store_apply_identity_check (AcuStore          *store,
                                               AcuIdentityCheck  *check,
                                               GError           **error);
void           acu_identity_check_free (AcuIdentityCheck *check);
gboolean       acu_store_identify_with_password (AcuStore    *store,
                                                 gint64       person_id,
                                                 const char  *password,
                                                 GError     **error);

/* Tests only: the PIN hash at libsodium's minimum limits */
void           acu_desk_people_set_pin_limits_for_tests (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AcuDeskPerson, acu_desk_person_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AcuIdentityCheck, acu_identity_check_free)

G_END_DECLS
