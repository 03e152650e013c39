/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "acu-context.h"

G_BEGIN_DECLS

#define ACU_TYPE_PAGE (acu_page_get_type ())

G_DECLARE_DERIVABLE_TYPE (AcuPage, acu_page, ACU, PAGE, AdwBin)

/* The base of every area page of the sidebar (an extension point, as
 * gnome-control-center's CcPanel): it holds the context and tells the
 * subclass when the store opens or closes. */
struct _AcuPageClass
{
  AdwBinClass parent_class;

  /* Called with the open store, or NULL once it is closed: forget
   * everything shown then. */
  void (*store_changed) (AcuPage  *self,
                         AcuStore *store);

  gpointer padding[8];
};

AcuContext *acu_page_get_context (AcuPage *self);
void        acu_page_set_context (AcuPage    *self,
                                  AcuContext *context);
AcuStore   *acu_page_get_store (AcuPage *self);
const char *acu_page_get_help_id (AcuPage *self);
void        acu_page_show_toast (AcuPage    *self,
                                 const char *message);

G_END_DECLS
