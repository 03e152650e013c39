/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The data areas a core write can change. A write names its area with
 * acu_store_changed() (acu-store-private.h); once its transaction commits
 * the store emits AcuStore::changed once per area, with the area's nick
 * ("visits", "people", …) as the detail. Pages and report sections name
 * the areas they show or read. A new area of the desk adds one value
 * here, at the end, and nothing else. */
typedef enum
{
  ACU_AREA_NONE         = 0,
  ACU_AREA_IDENTITY     = 1 << 0,  /* who is identified at the desk */
  ACU_AREA_DESK_PEOPLE  = 1 << 1,  /* people of the desk, PINs, key slots */
  ACU_AREA_SETTINGS     = 1 << 2,  /* settings kept in the database */
  ACU_AREA_AUDIT        = 1 << 3,  /* the audit log */
  ACU_AREA_CATALOGUES   = 1 << 4,  /* the lists of Preferences (acu-catalogue.h) */
  ACU_AREA_PEOPLE       = 1 << 5,  /* persons and households */
  ACU_AREA_CONFIDENTIAL = 1 << 6,  /* confidential notes */
  ACU_AREA_VISITS       = 1 << 7,  /* the reception log */
  ACU_AREA_FOOD         = 1 << 8,  /* food aid: access, days, services */
  ACU_AREA_GOODS        = 1 << 9,  /* the goods ledger and its stock */
} AcuAreas;

#define ACU_TYPE_AREAS (acu_areas_get_type ())
GType        acu_areas_get_type (void);

/* The nick of a single area ("visits"), the signal's detail */
const char  *acu_area_get_nick (AcuAreas area);
GQuark       acu_area_get_detail (AcuAreas area);

G_END_DECLS
