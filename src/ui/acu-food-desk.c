/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "acu-food-desk"

#include "config.h"

#include <glib/gi18n.h>

#include "acu-date.h"
#include "acu-desk-area.h"
#include "acu-food.h"
#include "acu-food-access-dialog.h"
#include "acu-food-serve-dialog.h"
#include "acu-report.h"

/* Food aid at the desk: whether the household of the person picked has
 * access, until when, how often it was served in the period and what is
 * left of its grocery right this month (what a volunteer may know: never
 * the resources behind it); Serve Food Aid serves it in one step. */

/* "Food aid: valid until 31/03/2027 · served 1 of 1 this week · 12,00 €
 * left this month", "Food aid: expired on 28/02/2027", "No food aid
 * access" */
char *
acu_food_status_dup_line (const AcuFoodStatus *status)
{
  g_autofree char *end = acu_date_to_display (status->end_day);
  g_autofree char *start = acu_date_to_display (status->start_day);
  GString *line;

  switch (status->state)
    {
    case ACU_FOOD_ACCESS_EXPIRED:
      return g_strdup_printf (_("Food aid: expired on %s"), end);
    case ACU_FOOD_ACCESS_NOT_YET:
      return g_strdup_printf (_("Food aid: from %s"), start);
    case ACU_FOOD_ACCESS_VALID:
      break;
    case ACU_FOOD_ACCESS_NONE:
    default:
      return g_strdup (_("No food aid access"));
    }

  line = g_string_new (NULL);
  g_string_append_printf (line, _("Food aid: valid until %s"), end);
  g_string_append (line, " · ");
  if (status->period == ACU_FOOD_PERIOD_WEEK)
    /* Translators: how often the household was served, of how often it may be */
    g_string_append_printf (line, _("served %u of %u this week"), status->served, status->times);
  else
    /* Translators: how often the household was served, of how often it may be */
    g_string_append_printf (line, _("served %u of %u this month"), status->served, status->times);
  if (status->right_cents >= 0)
    {
      g_autofree char *left = acu_figure_kind_format (ACU_FIGURE_CENTS, status->left_cents);

      g_string_append (line, " · ");
      /* Translators: what is left of the grocery right: "12,00 € left this month" */
      g_string_append_printf (line, _("%s left this month"), left);
    }
  return g_string_free (line, FALSE);
}

static char *
describe_food (AcuStore  *store,
               AcuPerson *person,
               GError   **error)
{
  AcuFoodStatus status;

  if (!acu_food_get_status (store, acu_person_get_household_id (person), NULL, &status, error))
    return NULL;
  return acu_food_status_dup_line (&status);
}

static void
serve_food (GtkWidget *page,
            AcuStore  *store,
            AcuPerson *person)
{
  acu_food_serve_dialog_present (page, store, acu_person_get_id (person), ACU_FOOD_MODE_BOTH);
}

/* Staff: the household's access records and the reste-à-vivre helper */
static void
food_access (GtkWidget *page,
             AcuStore  *store,
             AcuPerson *person)
{
  acu_food_access_dialog_present (page, store, acu_person_get_household_id (person));
}

static const AcuDeskAction food_actions[] = {
  { "serve-food", N_("_Serve Food Aid"), N_("Serve food aid to the household of the person picked"), serve_food,
    ACU_ROLE_VOLUNTEER },
  { "food-access", N_("_Grant Access…"),
    N_("Food aid access of the household of the person picked, and the reste-à-vivre helper"), food_access,
    ACU_ROLE_STAFF },
};

const AcuDeskArea acu_desk_area_food = {
  "food", ACU_ROLE_VOLUNTEER, ACU_AREA_FOOD,
  describe_food, food_actions, G_N_ELEMENTS (food_actions),
};
