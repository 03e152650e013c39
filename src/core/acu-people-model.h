/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "acu-people.h"

G_BEGIN_DECLS

#define ACU_TYPE_PEOPLE_MODEL (acu_people_model_get_type ())

G_DECLARE_FINAL_TYPE (AcuPeopleModel, acu_people_model, ACU, PEOPLE_MODEL, GObject)

AcuPeopleModel *acu_people_model_new (AcuStore *store);
void            acu_people_model_set_query (AcuPeopleModel *self,
                                            const char     *query);
void            acu_people_model_reload (AcuPeopleModel *self);
void            acu_people_model_set_store (AcuPeopleModel *self,
                                            AcuStore       *store);

G_END_DECLS
