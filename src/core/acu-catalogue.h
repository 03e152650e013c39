/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "acu-store.h"

G_BEGIN_DECLS

/* The small lists coordinators edit in Preferences. Each is a table of
 * entries (or the rows of one kind of such a table): default entries keep
 * a code and read in the reader's language; entries are added, renamed,
 * moved, hidden, and deleted only while no record uses them. Reading
 * needs the role the list's records need (the budget lines: staff), every
 * write a coordinator, and each write is in the audit log. */
typedef enum
{
  ACU_CATALOGUE_REASON,
  ACU_CATALOGUE_PARTNER,
  ACU_CATALOGUE_COMMUNE,
  /* the lines of the reste-à-vivre helper: hidden, never deleted, since
   * budgets sealed with the confidential key name them */
  ACU_CATALOGUE_BUDGET_RESOURCE,
  ACU_CATALOGUE_BUDGET_CHARGE,
  /* the goods categories of food aid, with a weight per piece */
  ACU_CATALOGUE_FOOD_CATEGORY,
  ACU_CATALOGUE_HYGIENE_CATEGORY,    /* non-food: hygiene and cleaning */
  /* the vestiaire's and the ressourcerie's categories, by kind, and the
   * places goods are kept in */
  ACU_CATALOGUE_TEXTILE_CATEGORY,
  ACU_CATALOGUE_FURNITURE_CATEGORY,
  ACU_CATALOGUE_APPLIANCE_CATEGORY,
  ACU_CATALOGUE_OTHER_GOODS_CATEGORY,
  ACU_CATALOGUE_GOODS_PLACE,
  ACU_N_CATALOGUES
} AcuCatalogue;

/* The heaviest piece a category may give: 50 kg */
#define ACU_CATALOGUE_MAX_GRAMS_PER_PIECE 50000

typedef struct
{
  gint64    id;
  char     *code;    /* NULL for entries added at the desk */
  char     *label;   /* what the desk reads: the custom label, or the code's translation */
  int       position;
  gboolean  hidden;
  gint64    grams_per_piece;   /* lists with weights; 0: none, always weighed */
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
/* Lists with weights only; @grams 0: none (counted by weight only), else
 * 1 to ACU_CATALOGUE_MAX_GRAMS_PER_PIECE */
gboolean           acu_catalogue_set_grams_per_piece (AcuStore      *store,
                                                      AcuCatalogue   catalogue,
                                                      gint64         id,
                                                      gint64         grams,
                                                      GError       **error);

/* Whether its entries have a weight per piece */
gboolean           acu_catalogue_has_weights (AcuCatalogue catalogue);
/* FALSE when what uses an entry cannot be known: its entries are hidden */
gboolean           acu_catalogue_can_delete (AcuCatalogue catalogue);

const char        *acu_catalogue_default_label (AcuCatalogue  catalogue,
                                                const char   *code);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AcuCatalogueEntry, acu_catalogue_entry_free)

G_END_DECLS
