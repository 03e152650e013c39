/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "acu-catalogue.h"
#include "acu-store.h"

G_BEGIN_DECLS

#define ACU_TYPE_CATALOGUE_EDITOR (acu_catalogue_editor_get_type ())

G_DECLARE_FINAL_TYPE (AcuCatalogueEditor, acu_catalogue_editor, ACU, CATALOGUE_EDITOR, AdwPreferencesGroup)

/* A section of the group for @catalogue, after those added before */
void  acu_catalogue_editor_add_catalogue (AcuCatalogueEditor *self,
                                          AcuCatalogue        catalogue);
void  acu_catalogue_editor_set_store     (AcuCatalogueEditor *self,
                                          AcuStore           *store);

G_END_DECLS
