/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "acu-people.h"
#include "acu-store.h"

G_BEGIN_DECLS

/* The person at the desk, by area. When a person is picked on the
 * reception page, each area of the desk says in one line what the desk
 * should know of them (their household; their last visit; their food-aid
 * access; what it was given lately; later: goods reserved, their next
 * appointment, an aid request pending) and offers its keyed actions
 * (Household, Serve Food Aid, Give Clothes or Goods; later: Book). The
 * reception page shows every area listed in acu-desk-areas.c and does not
 * grow with them: an area adds its own file and one line there. */

typedef struct
{
  const char *name;       /* the action "desk.NAME" */
  const char *label;      /* N_(), with a mnemonic: Alt and its letter run it */
  const char *tooltip;    /* N_() */
  /* Runs the action for @person; @page is the reception page, to reach
   * window actions (win.show-record) and to show a toast */
  void      (*activate) (GtkWidget *page,
                         AcuStore  *store,
                         AcuPerson *person);
  AcuRole     role;       /* shown to this role and above (the area's at least) */
} AcuDeskAction;

typedef struct
{
  const char          *id;
  AcuRole              role;       /* shown to this role and above */
  AcuAreas             areas;      /* its line is written again when these change */
  /* What the desk should know of @person, in a line or two (plain text),
   * or NULL when there is nothing to say */
  char              *(*describe) (AcuStore  *store,
                                  AcuPerson *person,
                                  GError   **error);
  const AcuDeskAction *actions;
  guint                n_actions;
} AcuDeskArea;

/* The registry (acu-desk-areas.c), in the order of the page */
const AcuDeskArea *const *acu_desk_areas_list (guint *n_areas);
AcuAreas                  acu_desk_areas_get_areas (void);

/* Each area's entry, in its own file */
extern const AcuDeskArea acu_desk_area_household;   /* acu-people-desk.c */
extern const AcuDeskArea acu_desk_area_visits;      /* acu-visits-desk.c */
extern const AcuDeskArea acu_desk_area_food;        /* acu-food-desk.c */
extern const AcuDeskArea acu_desk_area_goods;       /* acu-goods-desk.c */

G_END_DECLS
