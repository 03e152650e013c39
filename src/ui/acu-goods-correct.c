/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "acu-goods-correct"

#include "config.h"

#include <glib/gi18n.h>

#include "acu-goods-correct.h"

/* A movement of the goods ledger is never changed: staff correct it by a
 * new movement that cancels it, confirmed first */

static void
correct_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     AcuPage          *page)
{
  AcuStore *store = acu_page_get_store (page);
  AcuGoodsCorrectError show_error = (AcuGoodsCorrectError) g_object_get_data (G_OBJECT (dialog), "show-error");
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "movement-id"));
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "correct") || store == NULL)
    return;
  if (acu_goods_correct (store, id, &error) == 0)
    {
      show_error (page, error->message);
      return;
    }
  show_error (page, NULL);
  acu_page_show_toast (page, _("Movement corrected: a new movement cancels it."));
}

void
acu_goods_correct_ask (AcuPage              *page,
                       AcuGoodsMovement     *movement,
                       const char           *title,
                       AcuGoodsCorrectError  show_error)
{
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  g_return_if_fail (ACU_IS_PAGE (page) && ACU_IS_GOODS_MOVEMENT (movement) && show_error != NULL);

  if (acu_goods_movement_get_corrected (movement) || acu_goods_movement_get_corrects_id (movement) != 0)
    {
      show_error (page, acu_goods_movement_get_corrected (movement)
                        ? _("This movement is corrected already.")
                        : _("A correction is not corrected: record the movement again."));
      return;
    }
  body = g_strdup_printf (_("%s\n\nA new movement dated today cancels it; both stay in the ledger."), title);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (page))),
                                                       _("Correct This Movement?"), body));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "correct", _("C_orrect"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "correct", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data (G_OBJECT (dialog), "movement-id",
                     GSIZE_TO_POINTER ((gsize) acu_goods_movement_get_id (movement)));
  g_object_set_data (G_OBJECT (dialog), "show-error", (gpointer) show_error);
  g_signal_connect_object (dialog, "response", G_CALLBACK (correct_response_cb), page, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
