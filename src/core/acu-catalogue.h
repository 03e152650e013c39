/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "acu-store.h"

G_BEGIN_DECLS

typedef enum
{
  ACU_CATALOGUE_REASON,
  ACU_CATALOGUE_PARTNER,
  ACU_CATALOGUE_COMMUNE,
} AcuCatalogue;

typedef struct
{
  gint64    id;
  char     *code;    /* NULL for entries added at the desk */
  char     *label;   /* what the desk reads: the custom label, or the code's translation */
  int       position;
  gboolean  hidden;
} AcuCatalogueEntry;

void               acu_catalogue_entry_free (AcuCatalogueEntry *entry);

GPtrArray         *acu_catalogue_list (AcuStore      *store,
                                       AcuCatalogue   catalogue,
                                       gboolean       include_hidden,
                                       GError       **error);
char              *acu_catalogue_get_label (AcuStore      *store,
                                            AcuCatalogue   catalogue,
                                            gint64         id);
gboolean           acu_catalogue_exists (AcuStore      *store,
                                         AcuCatalogue   catalogue,
                                         gint64         id,
                                         GError       **error);
gint64             acu_catalogue_add (AcuStore      *store,
                                      AcuCatalogue   catalogue,
                                      const char    *label,
                                      GError       **error);
gboolean           acu_catalogue_rename (AcuStore      *store,
                                         AcuCatalogue   catalogue,
                                         gint64         id,
                                         const char    *label,
                                         GError       **error);
gboolean           acu_catalogue_move (AcuStore      *store,
                                       AcuCatalogue   catalogue,
                                       gint64         id,
                                       int            new_index,
                                       GError       **error);
gboolean           acu_catalogue_set_hidden (AcuStore      *store,
                                             AcuCatalogue   catalogue,
                                             gint64         id,
                                             gboolean       hidden,
                                             GError       **error);
gboolean           acu_catalogue_remove (AcuStore      *store,
                                         AcuCatalogue   catalogue,
                                         gint64         id,
                                         GError       **error);

const char        *acu_catalogue_default_label (AcuCatalogue  catalogue,
                                                const char   *code);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AcuCatalogueEntry, acu_catalogue_entry_free)

G_END_DECLS
