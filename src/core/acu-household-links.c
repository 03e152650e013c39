/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "acu-people"

#include "config.h"

#include "acu-people-private.h"

/* The tables that keep records on a household (a household_id column),
 * besides its members. Merging two households moves their rows to the
 * household kept, and a household that one of them uses is never dropped
 * when its last member leaves. An area that keeps records on households
 * adds its tables here: one line each (HACKING.md, "How to add an area"). */
const char *const acu_household_tables[] = {
  "confidential_note",
  "food_access",        /* acu-food.c */
  "food_budget",
  "food_service",
  "goods_movement",     /* acu-goods.c */
  NULL
};
