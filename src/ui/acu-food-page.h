/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "acu-page.h"

G_BEGIN_DECLS

#define ACU_TYPE_FOOD_PAGE (acu_food_page_get_type ())

G_DECLARE_FINAL_TYPE (AcuFoodPage, acu_food_page, ACU, FOOD_PAGE, AcuPage)

/* The distribution day chosen ("YYYY-MM-DD"), or NULL */
const char *acu_food_page_get_day (AcuFoodPage *self);
gboolean    acu_food_page_choose_day (AcuFoodPage *self,
                                      const char  *day);
/* The day's sign-in sheet, with a print dialog; with @export_path, to
 * that PDF file without a dialog (as the dialog's "Print to File") */
gboolean    acu_food_page_print (AcuFoodPage  *self,
                                 const char   *export_path,
                                 GError      **error);
guint       acu_food_page_get_sheet_pages (AcuFoodPage *self);

G_END_DECLS
