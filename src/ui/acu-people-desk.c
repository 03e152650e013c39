/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "acu-people-desk"

#include "config.h"

#include <glib/gi18n.h>

#include "acu-date.h"
#include "acu-desk-area.h"
#include "acu-ui-util.h"

/* People and households at the desk: the household of the person picked,
 * its composition and commune, its members; Household opens it */

static char *
describe_household (AcuStore  *store,
                    AcuPerson *person,
                    GError   **error)
{
  g_autoptr(GPtrArray) members = acu_household_list_members (store, acu_person_get_household_id (person), error);
  g_autofree char *today = acu_date_today ();
  g_autofree char *summary = NULL;
  GString *text;

  if (members == NULL)
    return NULL;

  text = g_string_new (NULL);
  summary = acu_household_summary (members, today);
  g_string_append_printf (text, _("Household no. %lld"), (long long) acu_person_get_household_id (person));
  g_string_append_printf (text, " · %s", summary);
  if (acu_person_get_commune (person) != NULL)
    g_string_append_printf (text, " · %s", acu_person_get_commune (person));
  if (members->len > 1)
    {
      g_string_append_c (text, '\n');
      for (guint i = 0; i < members->len; i++)
        {
          g_autofree char *member = acu_person_dup_display_name (g_ptr_array_index (members, i));

          g_string_append_printf (text, "%s%s", i > 0 ? ", " : "", member);
        }
    }
  return g_string_free (text, FALSE);
}

static void
open_household (GtkWidget *page,
                AcuStore  *store,
                AcuPerson *person)
{
  gtk_widget_activate_action (page, "win.show-record", "(sx)",
                              "people", acu_person_get_household_id (person));
}

static const AcuDeskAction household_actions[] = {
  { "open-household", N_("_Household"), N_("Open the Household"), open_household, ACU_ROLE_VOLUNTEER },
};

const AcuDeskArea acu_desk_area_household = {
  "household", ACU_ROLE_VOLUNTEER, ACU_AREA_PEOPLE | ACU_AREA_CATALOGUES,
  describe_household, household_actions, G_N_ELEMENTS (household_actions),
};
