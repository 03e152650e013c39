/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "acu-area"

#include "config.h"

#include "acu-area.h"

G_DEFINE_FLAGS_TYPE (AcuAreas, acu_areas,
                     G_DEFINE_ENUM_VALUE (ACU_AREA_NONE, "none"),
                     G_DEFINE_ENUM_VALUE (ACU_AREA_IDENTITY, "identity"),
                     G_DEFINE_ENUM_VALUE (ACU_AREA_DESK_PEOPLE, "desk-people"),
                     G_DEFINE_ENUM_VALUE (ACU_AREA_SETTINGS, "settings"),
                     G_DEFINE_ENUM_VALUE (ACU_AREA_AUDIT, "audit"),
                     G_DEFINE_ENUM_VALUE (ACU_AREA_CATALOGUES, "catalogues"),
                     G_DEFINE_ENUM_VALUE (ACU_AREA_PEOPLE, "people"),
                     G_DEFINE_ENUM_VALUE (ACU_AREA_CONFIDENTIAL, "confidential"),
                     G_DEFINE_ENUM_VALUE (ACU_AREA_VISITS, "visits"),
                     G_DEFINE_ENUM_VALUE (ACU_AREA_FOOD, "food"),
                     G_DEFINE_ENUM_VALUE (ACU_AREA_GOODS, "goods"))

const char *
acu_area_get_nick (AcuAreas area)
{
  g_autoptr(GFlagsClass) klass = g_type_class_ref (ACU_TYPE_AREAS);
  GFlagsValue *value = g_flags_get_first_value (klass, area);

  g_return_val_if_fail (value != NULL && value->value == (guint) area, NULL);
  return value->value_nick;
}

GQuark
acu_area_get_detail (AcuAreas area)
{
  return g_quark_from_static_string (acu_area_get_nick (area));
}
