/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "acu-people.h"
#include "acu-store.h"

G_BEGIN_DECLS

/* The demo generator's food aid (acu-demo-food.c), for acu-demo.c only.
 * Plain SQL inserts without role checks, like the other unchecked
 * inserts; its own random stream from the demo's seed, so that the
 * households, persons and visits of a seed stay what they were. */

/* A member as the generator wrote it */
typedef struct
{
  gint64      id;
  const char *birth_date;   /* "YYYY-MM-DD", "YYYY" or NULL */
  AcuGender   gender;
} AcuDemoMember;

typedef struct _AcuDemoFood AcuDemoFood;

/* @first_day and @until: the first and last days of the demo's data */
AcuDemoFood  *acu_demo_food_new (AcuStore    *store,
                                 guint32      seed,
                                 const char  *first_day,
                                 const char  *until,
                                 GError     **error);
void          acu_demo_food_free (AcuDemoFood *food);

/* Inside the generator's transaction, once the household and its
 * members are written: its housing, and for about one household in
 * four its access records. @first_seen and @last_seen: the days it
 * came to the desk first and last. */
gboolean      acu_demo_food_add_household (AcuDemoFood          *food,
                                           gint64                household_id,
                                           const char           *first_seen,
                                           const char           *last_seen,
                                           const AcuDemoMember  *members,
                                           guint                 n_members,
                                           GError              **error);

/* Then, once every household is written, a week at a time (Monday to
 * Sunday, one transaction each, opened by the caller): the distribution
 * rules with the first, goods in, the distributions with their visits,
 * losses. @desk: the people of the desk, the coordinator first. */
guint         acu_demo_food_get_n_weeks (AcuDemoFood *food);
gboolean      acu_demo_food_add_week (AcuDemoFood   *food,
                                      const gint64  *desk,
                                      guint          n_desk,
                                      GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AcuDemoFood, acu_demo_food_free)

G_END_DECLS
