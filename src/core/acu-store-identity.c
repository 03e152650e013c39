/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "acu-store"

#include "config.h"

#include <glib/gi18n.h>

#include "acu-audit.h"
#include "acu-store-internal.h"

/* Who is identified at the desk, and what their role may do */

/* Who is now identified at the desk; takes @conf_key (NULL for a
 * volunteer: the confidential key is then wiped from memory) */
void
acu_store_set_identity (AcuStore   *self,
                        gint64      person_id,
                        const char *name,
                        AcuRole     role,
                        guint       slot_id,
                        AcuSecret  *conf_key)
{
  g_return_if_fail (ACU_IS_STORE (self));

  g_clear_pointer (&self->conf_key, acu_secret_free);
  self->conf_key = conf_key;
  g_free (self->person_name);
  self->person_name = g_strdup (name);
  self->person_id = person_id;
  self->role = role;
  self->slot_id = slot_id;
  self->slot_kind = ACU_SLOT_PASSWORD;
  self->identified = TRUE;
  acu_store_changed (self, ACU_AREA_IDENTITY);
}

/* The idle lock: nobody is identified any more and the confidential key
 * is wiped; the database stays open for the next person to identify */
void
acu_store_forget_identity (AcuStore *self)
{
  gboolean was_identified;

  g_return_if_fail (ACU_IS_STORE (self));

  was_identified = self->identified;
  if (self->db != NULL && self->identified)
    acu_audit_record (self, "desk-lock", NULL, 0, NULL);
  g_clear_pointer (&self->conf_key, acu_secret_free);
  g_clear_pointer (&self->person_name, g_free);
  self->person_id = 0;
  self->role = ACU_ROLE_VOLUNTEER;
  self->slot_id = 0;
  self->identified = FALSE;
  if (was_identified)
    acu_store_changed (self, ACU_AREA_IDENTITY);
}

const AcuSecret *
acu_store_peek_confidential_key (AcuStore *self)
{
  g_return_val_if_fail (ACU_IS_STORE (self), NULL);
  return self->identified ? self->conf_key : NULL;
}

/* The core refuses what a role may not do, whatever the interface shows */
gboolean
acu_store_require_role (AcuStore  *self,
                        AcuRole    role,
                        GError   **error)
{
  g_return_val_if_fail (ACU_IS_STORE (self), FALSE);

  if (self->db == NULL)
    {
      g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_FAILED,
                           _("The database is closed."));
      return FALSE;
    }
  if (!self->identified)
    {
      g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_FORBIDDEN,
                           _("Nobody is identified at the desk. Choose your name, then type your PIN or password."));
      return FALSE;
    }
  if (self->role < role)
    {
      g_set_error (error, ACU_STORE_ERROR, ACU_STORE_ERROR_FORBIDDEN,
                   _("Only a person with the role “%s” or above may do this."),
                   acu_role_get_label (role));
      return FALSE;
    }
  return TRUE;
}
