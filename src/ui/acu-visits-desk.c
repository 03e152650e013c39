/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "acu-visits-desk"

#include "config.h"

#include <glib/gi18n.h>

#include "acu-date.h"
#include "acu-desk-area.h"
#include "acu-visits.h"

/* The reception log at the desk: the last visit of the person picked */

static char *
describe_last_visit (AcuStore  *store,
                     AcuPerson *person,
                     GError   **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *last = acu_visit_get_last_day (store, acu_person_get_id (person), &local_error);
  g_autofree char *display = NULL;

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (last == NULL)
    return g_strdup (_("First visit"));
  display = acu_date_to_display (last);
  return g_strdup_printf (_("Last visit: %s"), display);
}

const AcuDeskArea acu_desk_area_visits = {
  "visits", ACU_ROLE_VOLUNTEER, ACU_AREA_VISITS,
  describe_last_visit, NULL, 0,
};
