/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "acu-goods.h"

G_BEGIN_DECLS

#define ACU_TYPE_GOODS_LINES (acu_goods_lines_get_type ())

G_DECLARE_FINAL_TYPE (AcuGoodsLines, acu_goods_lines, ACU, GOODS_LINES, AdwBin)

/* Lines of goods typed in a form: a category, a number of pieces and, if
 * known, the weight in kilograms; a line added or removed with a button.
 * Used by the movement dialog and the gift dialog. */
GtkWidget *acu_goods_lines_new            (void);
/* The categories offered (@kinds of @store's catalogue); the lines
 * typed are cleared. FALSE (and @error) when they cannot be read. */
gboolean   acu_goods_lines_set_kinds      (AcuGoodsLines  *self,
                                           AcuStore       *store,
                                           AcuGoodsKinds   kinds,
                                           GError        **error);
/* The lines typed (AcuGoodsLine, grams -1 when no weight was typed),
 * empty lines left out; NULL when one is not understood: its message is
 * then shown by its field, which gets the focus. */
GArray    *acu_goods_lines_get_lines      (AcuGoodsLines  *self);
/* @message by the line @index of the last acu_goods_lines_get_lines()
 * (a refusal of the core), or under the lines when @index is out of
 * range; NULL @message hides it */
void       acu_goods_lines_show_error     (AcuGoodsLines  *self,
                                           guint           index,
                                           const char     *message);
/* Whether lines can be added (a transfer takes one); TRUE at first */
void       acu_goods_lines_set_can_add    (AcuGoodsLines  *self,
                                           gboolean        can_add);
/* The message shown, or NULL (for tests) */
const char *acu_goods_lines_get_error     (AcuGoodsLines  *self);
/* Focus the first line's category */
void       acu_goods_lines_grab_focus     (AcuGoodsLines  *self);
/* The first line: its category (by id), pieces and weight text, for
 * the page to preset and for tests */
void       acu_goods_lines_set_line       (AcuGoodsLines  *self,
                                           guint           index,
                                           gint64          category_id,
                                           const char     *pieces,
                                           const char     *kg);

G_END_DECLS
