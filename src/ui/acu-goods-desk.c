/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "acu-goods-desk"

#include "config.h"

#include <glib/gi18n.h>

#include "acu-date.h"
#include "acu-desk-area.h"
#include "acu-goods.h"
#include "acu-goods-gift-dialog.h"

/* Clothes and goods at the desk: what the household of the person picked
 * was given last (the newest day of its gifts, a cancelled gift left
 * out); Give Clothes or Goods opens the gift dialog. */

/* The categories the line names; the others are counted */
#define MAX_NAMED 3
/* The household's newest gifts read */
#define PAGE 50

static char *
describe_goods (AcuStore  *store,
                AcuPerson *person,
                GError   **error)
{
  g_autoptr(GPtrArray) given = acu_goods_list_household (store, acu_person_get_household_id (person), 0, PAGE, error);
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autoptr(GArray) pieces = g_array_new (FALSE, TRUE, sizeof (gint64));
  g_autoptr(GString) items = g_string_new (NULL);
  g_autofree char *today = acu_date_today ();
  g_autofree char *shown = NULL;
  const char *day = NULL;

  if (given == NULL)
    return NULL;
  /* newest first: the first day still given, by category in its order */
  for (guint i = 0; i < given->len; i++)
    {
      AcuGoodsMovement *movement = g_ptr_array_index (given, i);
      const char *label = acu_goods_movement_get_category (movement);
      guint j;

      if (acu_goods_movement_get_corrected (movement))
        continue;
      if (day == NULL)
        day = acu_goods_movement_get_day (movement);
      else if (g_strcmp0 (day, acu_goods_movement_get_day (movement)) != 0)
        break;
      for (j = 0; j < labels->len && g_strcmp0 (g_ptr_array_index (labels, j), label) != 0; j++)
        ;
      if (j == labels->len)
        {
          gint64 zero = 0;

          g_ptr_array_add (labels, (gpointer) label);
          g_array_append_val (pieces, zero);
        }
      g_array_index (pieces, gint64, j) += acu_goods_movement_get_pieces (movement);
    }
  if (day == NULL)
    return NULL;

  /* categories were added newest first: the gift's own order is the reverse */
  for (guint k = 0; k < labels->len && k < MAX_NAMED; k++)
    {
      guint j = labels->len - 1 - k;

      if (items->len > 0)
        g_string_append (items, ", ");
      /* Translators: a line of a gift: "3 × Clothing for children" */
      g_string_append_printf (items, _("%lld × %s"), (long long) g_array_index (pieces, gint64, j),
                              (const char *) g_ptr_array_index (labels, j));
    }
  if (labels->len > MAX_NAMED)
    {
      guint more = labels->len - MAX_NAMED;

      g_string_append (items, " ");
      /* Translators: after the categories named of a gift, how many others */
      g_string_append_printf (items, ngettext ("and %u other category", "and %u other categories", more), more);
    }
  if (g_strcmp0 (day, today) == 0)
    /* Translators: what the household was given today: "3 × Clothing for children, 1 × Furniture" */
    return g_strdup_printf (_("Given today: %s"), items->str);
  shown = acu_date_to_display (day);
  /* Translators: the day of the household's last gift, then what it was given */
  return g_strdup_printf (_("Given on %s: %s"), shown, items->str);
}

static void
give_goods (GtkWidget *page,
            AcuStore  *store,
            AcuPerson *person)
{
  acu_goods_gift_dialog_present (page, store, acu_person_get_id (person));
}

static const AcuDeskAction goods_actions[] = {
  { "give-goods", N_("Give _Clothes or Goods…"),
    N_("Give clothes, furniture or household goods to the household of the person picked"), give_goods,
    ACU_ROLE_VOLUNTEER },
};

const AcuDeskArea acu_desk_area_goods = {
  "goods", ACU_ROLE_VOLUNTEER, ACU_AREA_GOODS,
  describe_goods, goods_actions, G_N_ELEMENTS (goods_actions),
};
