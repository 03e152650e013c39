/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "acu-desk-area"

#include "config.h"

#include "acu-desk-area.h"

/* What the reception page shows of the person picked, area by area, in
 * this order. A new area adds one line. */
static const AcuDeskArea *const areas[] = {
  &acu_desk_area_household,
  &acu_desk_area_visits,
  &acu_desk_area_food,
  &acu_desk_area_goods,
};

const AcuDeskArea *const *
acu_desk_areas_list (guint *n_areas)
{
  *n_areas = G_N_ELEMENTS (areas);
  return areas;
}

/* The data areas any line reads: the page writes its lines again when
 * one of them changes */
AcuAreas
acu_desk_areas_get_areas (void)
{
  AcuAreas all = ACU_AREA_NONE;

  for (guint i = 0; i < G_N_ELEMENTS (areas); i++)
    all |= areas[i]->areas;
  return all;
}
