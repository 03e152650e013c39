/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "acu-store.h"

G_BEGIN_DECLS

#define ACU_TYPE_GOODS_GIFT_DIALOG (acu_goods_gift_dialog_get_type ())

G_DECLARE_FINAL_TYPE (AcuGoodsGiftDialog, acu_goods_gift_dialog, ACU, GOODS_GIFT_DIALOG, AdwWindow)

/* Opens the dialog that gives clothes or goods today to the household of
 * @person_id. @from asks for it: its window is the dialog's parent, and
 * its toast overlay tells the gift, with Undo. NULL when the person
 * cannot be read (a toast says why). */
AcuGoodsGiftDialog *acu_goods_gift_dialog_present (GtkWidget *from,
                                                   AcuStore  *store,
                                                   gint64     person_id);

G_END_DECLS
