/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "acu-context.h"

G_BEGIN_DECLS

#define ACU_TYPE_PAGE (acu_page_get_type ())

G_DECLARE_DERIVABLE_TYPE (AcuPage, acu_page, ACU, PAGE, AdwBin)

/* The base of every area page of the sidebar (an extension point, as
 * gnome-control-center's CcPanel and sysprof's sections). A page
 * describes itself in its template: title and icon (its sidebar row),
 * the role it requires, its Mallard help page, and the data areas it
 * shows. The window builds the sidebar, the role rules and F1 from them;
 * the base class tells the page when its store opens or closes and when
 * one of its areas changed. */
struct _AcuPageClass
{
  AdwBinClass parent_class;

  /* Called with the open store, or NULL once it is closed: forget
   * everything shown then. */
  void (*store_changed)  (AcuPage  *self,
                          AcuStore *store);
  /* One of the page's areas (its "areas" property) changed: a single
   * AcuAreas value */
  void (*areas_changed)  (AcuPage  *self,
                          AcuAreas  area);
  /* The window shows the page: put the focus where its work starts */
  void (*activate)       (AcuPage  *self);
  /* Show one record of the page (win.show-record): a household, … */
  void (*show_record)    (AcuPage  *self,
                          gint64    id);
  /* Optional: a count for the page's sidebar row (0: no badge), and in
   * @description what it means for screen readers ("3 categories
   * short"). Asked once the person at the desk has the page's role,
   * then each time one of the page's areas changed (list "identity" in
   * them for the badge to follow who is at the desk). */
  guint (*get_badge)     (AcuPage  *self,
                          char    **description);

  gpointer padding[7];
};

AcuContext *acu_page_get_context       (AcuPage *self);
void        acu_page_set_context       (AcuPage    *self,
                                        AcuContext *context);
AcuStore   *acu_page_get_store         (AcuPage *self);
const char *acu_page_get_title         (AcuPage *self);
const char *acu_page_get_icon_name     (AcuPage *self);
AcuRole     acu_page_get_required_role (AcuPage *self);
const char *acu_page_get_help_id       (AcuPage *self);
AcuAreas    acu_page_get_areas         (AcuPage *self);
gboolean    acu_page_is_allowed        (AcuPage *self);
void        acu_page_activate          (AcuPage *self);
void        acu_page_show_record       (AcuPage *self,
                                        gint64   id);
void        acu_page_show_toast        (AcuPage    *self,
                                        const char *message);
/* The badge of the sidebar row ("badge", "badge-description") */
guint       acu_page_get_badge         (AcuPage *self);
const char *acu_page_get_badge_description (AcuPage *self);
void        acu_page_update_badge      (AcuPage *self);

G_END_DECLS
