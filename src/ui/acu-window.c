/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "acu-window"

#include "config.h"

#include <glib/gi18n.h>

#include "acu-key-file.h"
#include "acu-page.h"
#include "acu-window-private.h"

/* One window: the locked pages (welcome, create, recovery code, unlock)
 * before any data is shown, then the leaflet with the sidebar of areas. */


G_DEFINE_FINAL_TYPE (AcuWindow, acu_window, ADW_TYPE_APPLICATION_WINDOW)

static void       sidebar_row_activated_cb (GtkListBox    *box,
                                            GtkListBoxRow *row,
                                            AcuWindow     *self);
static void       leaflet_back_clicked_cb (GtkButton *button,
                                           AcuWindow *self);
static void       desk_page_recovery_code_replaced_cb (AcuPage     *page,
                                                       const char  *code,
                                                       AcuWindow   *self);
static GtkWidget *create_sidebar_row (gpointer item,
                                      gpointer user_data);

void
acu_window_toast (AcuWindow  *self,
                  const char *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

char *
acu_window_dup_demo_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "acuelh", "demo.acuelh", NULL);
}

void
acu_window_show_locked_page (AcuWindow  *self,
                             const char *name)
{
  gtk_stack_set_visible_child_name (self->outer_stack, "locked");
  gtk_stack_set_visible_child_name (self->lock_stack, name);
  gtk_widget_set_visible (self->back_button,
                          g_str_equal (name, "create") && acu_context_get_store (self->context) == NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.close-database", FALSE);
  if (acu_context_get_store (self->context) == NULL)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.preferences", FALSE);

  if (g_str_equal (name, "create"))
    {
      adw_window_title_set_title (self->locked_title, _("New Database"));
      acu_create_page_reset (self->create_page);
    }
  else if (g_str_equal (name, "unlock"))
    {
      adw_window_title_set_title (self->locked_title, _("Unlock"));
      acu_unlock_page_focus (self->unlock_page);
    }
  else if (g_str_equal (name, "recovery"))
    adw_window_title_set_title (self->locked_title, _("Recovery Code"));
  else
    adw_window_title_set_title (self->locked_title, _("Acuèlh"));
}

void
acu_window_show_unlock (AcuWindow  *self,
                        const char *path)
{
  g_autofree char *demo = acu_window_dup_demo_path ();

  acu_unlock_page_set_database (self->unlock_page, path,
                                g_str_equal (path, demo) ? ACU_DEMO_PASSWORD : NULL);
  acu_window_show_locked_page (self, "unlock");
}

GtkStackPage *
acu_window_find_area (AcuWindow  *self,
                      const char *name)
{
  GtkWidget *child = self->content_stack ? gtk_stack_get_child_by_name (self->content_stack, name) : NULL;

  return child ? gtk_stack_get_page (self->content_stack, child) : NULL;
}

/* The home page: the first of the sidebar (reception) */
static const char *
home_area (AcuWindow *self)
{
  GtkWidget *first = gtk_widget_get_first_child (GTK_WIDGET (self->content_stack));

  return gtk_stack_page_get_name (gtk_stack_get_page (self->content_stack, first));
}

void
acu_window_show_area (AcuWindow  *self,
                      const char *name)
{
  GtkStackPage *page = acu_window_find_area (self, name);
  GtkListBoxRow *row;

  if (page == NULL)
    return;

  gtk_stack_set_visible_child_name (self->content_stack, name);
  adw_window_title_set_title (self->page_title, gtk_stack_page_get_title (page));
  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->sidebar, i)) != NULL; i++)
    if (g_strcmp0 (gtk_widget_get_name (GTK_WIDGET (row)), name) == 0 && !gtk_list_box_row_is_selected (row))
      gtk_list_box_select_row (self->sidebar, row);
}

/* What the person identified may use, as each page says of itself: the
 * core refuses the rest anyway */
static void
update_for_identity (AcuWindow *self)
{
  AcuStore *store = acu_context_get_store (self->context);
  AcuRole role = store && acu_store_is_identified (store) ? acu_store_get_role (store) : ACU_ROLE_VOLUNTEER;
  GListModel *pages;
  gboolean visible_hidden = FALSE;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.preferences",
                                 store != NULL && role == ACU_ROLE_COORDINATOR);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.change-pin",
                                 store != NULL && acu_store_is_identified (store) && role == ACU_ROLE_VOLUNTEER);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.lock-desk", store != NULL);
  if (self->content_stack == NULL)
    return;
  pages = G_LIST_MODEL (gtk_stack_get_pages (self->content_stack));

  for (guint i = 0; i < g_list_model_get_n_items (pages); i++)
    {
      GtkStackPage *page = g_list_model_get_item (pages, i);
      GtkWidget *child = gtk_stack_page_get_child (page);
      gboolean allowed = acu_page_is_allowed (ACU_PAGE (child));

      gtk_stack_page_set_visible (page, allowed);
      if (!allowed && child == gtk_stack_get_visible_child (self->content_stack))
        visible_hidden = TRUE;
      g_object_unref (page);
    }
  g_object_unref (pages);
  if (visible_hidden)
    acu_window_show_area (self, home_area (self));

  if (store != NULL)
    adw_window_title_set_subtitle (self->site_title, acu_store_get_person_name (store));
}

/* The sidebar and the area pages: about 1,400 widgets that the unlock
 * page does not need, built when a database first opens rather than
 * with the window (tests/bench/README.md: start-up to first frame) */
static void
ensure_main (AcuWindow *self)
{
  g_autoptr(GtkBuilderScope) scope = NULL;
  g_autoptr(GError) error = NULL;
  GtkSelectionModel *pages;

  if (self->main_builder != NULL)
    return;

  scope = gtk_builder_cscope_new ();
  gtk_builder_cscope_add_callback_symbols (GTK_BUILDER_CSCOPE (scope),
                                           "sidebar_row_activated_cb", G_CALLBACK (sidebar_row_activated_cb),
                                           "leaflet_back_clicked_cb", G_CALLBACK (leaflet_back_clicked_cb),
                                           "desk_page_recovery_code_replaced_cb",
                                           G_CALLBACK (desk_page_recovery_code_replaced_cb),
                                           NULL);
  self->main_builder = gtk_builder_new ();
  gtk_builder_set_scope (self->main_builder, scope);
  gtk_builder_set_current_object (self->main_builder, G_OBJECT (self));
  if (!gtk_builder_add_from_resource (self->main_builder, "/io/github/acuelh/Acuelh/acu-window-main.ui", &error))
    g_error ("acu-window-main.ui: %s", error->message);

  self->leaflet = ADW_LEAFLET (gtk_builder_get_object (self->main_builder, "leaflet"));
  self->site_title = ADW_WINDOW_TITLE (gtk_builder_get_object (self->main_builder, "site_title"));
  self->page_title = ADW_WINDOW_TITLE (gtk_builder_get_object (self->main_builder, "page_title"));
  self->sidebar = GTK_LIST_BOX (gtk_builder_get_object (self->main_builder, "sidebar"));
  self->content_stack = GTK_STACK (gtk_builder_get_object (self->main_builder, "content_stack"));
  gtk_stack_add_named (self->outer_stack, GTK_WIDGET (self->leaflet), "main");

  pages = gtk_stack_get_pages (self->content_stack);
  gtk_list_box_bind_model (self->sidebar, G_LIST_MODEL (pages), create_sidebar_row, NULL, NULL);
  /* Every area page describes itself (its sidebar row, its role, its
   * help) and shares the window's context, and so its store */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (pages)); i++)
    {
      GtkStackPage *page = g_list_model_get_item (G_LIST_MODEL (pages), i);
      AcuPage *child = ACU_PAGE (gtk_stack_page_get_child (page));

      g_object_set (page,
                    "title", acu_page_get_title (child),
                    "icon-name", acu_page_get_icon_name (child),
                    NULL);
      acu_page_set_context (child, self->context);
      g_object_unref (page);
    }
  g_object_unref (pages);
}

static void
enter_main (AcuWindow *self)
{
  AcuStore *store = acu_context_get_store (self->context);

  ensure_main (self);

  adw_window_title_set_title (self->site_title, acu_store_get_site_name (store));
  update_for_identity (self);
  acu_window_show_area (self, home_area (self));
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  gtk_stack_set_visible_child_name (self->outer_stack, "main");
  acu_page_activate (ACU_PAGE (gtk_stack_get_visible_child (self->content_stack)));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.close-database", TRUE);
}

/* Closing the previous store wipes its keys; pages follow notify::store */
/* Dialogs of this window (a note being written, a person being changed,
 * preferences) go when the desk locks or closes: nothing stays on screen */
gboolean
acu_window_is_our_dialog (AcuWindow *self,
                          GtkWindow *window)
{
  for (GtkWindow *parent = gtk_window_get_transient_for (window); parent != NULL;
       parent = gtk_window_get_transient_for (parent))
    if (parent == GTK_WINDOW (self))
      return TRUE;
  return FALSE;
}

static void
close_dialogs (AcuWindow *self)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    g_object_ref (l->data);
  /* A GtkDialog (the print dialog, a file chooser) is answered "cancel"
   * first: whoever waits for its answer (a print operation's own main
   * loop) stops waiting. Looked up by name: GtkDialog is deprecated after
   * GTK 4.8, and this still builds without warnings against newer GTK. */
  GType dialog_type = g_type_from_name ("GtkDialog");

  for (GList *l = toplevels; l != NULL; l = l->next)
    {
      if (acu_window_is_our_dialog (self, l->data))
        {
          if (dialog_type != 0 && g_type_is_a (G_OBJECT_TYPE (l->data), dialog_type))
            g_signal_emit_by_name (l->data, "response", GTK_RESPONSE_CANCEL);
          gtk_window_destroy (l->data);
        }
      g_object_unref (l->data);
    }
}


void
acu_window_set_store (AcuWindow *self,
                      AcuStore  *store)
{
  /* Nothing of a closed database stays on screen */
  close_dialogs (self);
  if (store == NULL)
    acu_identify_page_forget (self->identify_page);
  acu_context_set_store (self->context, store);
  self->last_activity = g_get_monotonic_time ();
  update_for_identity (self);
}

/* Pages */

static void
create_page_created_cb (AcuCreatePage *page,
                        AcuStore      *store,
                        const char    *recovery_code,
                        AcuWindow     *self)
{
  acu_window_set_store (self, store);
  acu_recovery_page_show_code (self->recovery_page, recovery_code,
                               acu_store_get_site_name (store), acu_store_get_path (store));
  acu_window_show_locked_page (self, "recovery");
}

static void
recovery_page_done_cb (AcuRecoveryPage *page,
                       AcuWindow       *self)
{
  acu_recovery_page_forget (self->recovery_page);
  if (acu_context_get_store (self->context) != NULL)
    enter_main (self);
  else
    acu_window_show_locked_page (self, "welcome");
}

static void
unlock_page_unlocked_cb (AcuUnlockPage *page,
                         AcuStore      *store,
                         AcuWindow     *self)
{
  acu_window_set_store (self, store);
  enter_main (self);
}

static void
identify_page_identified_cb (AcuIdentifyPage *page,
                             AcuWindow       *self)
{
  self->last_activity = g_get_monotonic_time ();
  acu_identify_page_show (self->identify_page, NULL);
  enter_main (self);
}

/* Back to identifying: nothing of the data stays on screen, the
 * confidential key is wiped; the database stays open */
void
acu_window_lock_desk (AcuWindow *self)
{
  AcuStore *store = acu_context_get_store (self->context);

  if (store == NULL)
    return;
  close_dialogs (self);
  acu_store_forget_identity (store);
  update_for_identity (self);
  acu_identify_page_show (self->identify_page, store);
  acu_window_show_locked_page (self, "identify");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.close-database", TRUE);
  adw_window_title_set_title (self->locked_title, acu_store_get_site_name (store));
}

void
acu_window_close_desk (AcuWindow *self)
{
  g_autofree char *path = NULL;

  if (acu_context_get_store (self->context) == NULL)
    return;
  path = g_strdup (acu_store_get_path (acu_context_get_store (self->context)));
  acu_window_set_store (self, NULL);
  acu_window_show_unlock (self, path);
}





static void
desk_page_recovery_code_replaced_cb (AcuPage     *page,
                                     const char  *code,
                                     AcuWindow   *self)
{
  AcuStore *store = acu_context_get_store (self->context);

  acu_recovery_page_show_code (self->recovery_page, code,
                               acu_store_get_site_name (store), acu_store_get_path (store));
  acu_window_show_locked_page (self, "recovery");
}

static gboolean
badge_to_label (GBinding     *binding,
                const GValue *from,
                GValue       *to,
                gpointer      user_data)
{
  g_value_take_string (to, g_strdup_printf ("%u", g_value_get_uint (from)));
  return TRUE;
}

static gboolean
badge_to_visible (GBinding     *binding,
                  const GValue *from,
                  GValue       *to,
                  gpointer      user_data)
{
  g_value_set_boolean (to, g_value_get_uint (from) > 0);
  return TRUE;
}

/* The row's name for screen readers: its title, and its badge's meaning */
static void
sidebar_row_update_label (AcuPage    *page,
                          GParamSpec *pspec,
                          GtkWidget  *row)
{
  const char *description = acu_page_get_badge_description (page);
  g_autofree char *label = NULL;

  if (acu_page_get_badge (page) > 0 && description != NULL)
    label = g_strdup_printf ("%s, %s", acu_page_get_title (page), description);
  else
    label = g_strdup (acu_page_get_title (page));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

/* One sidebar row per area page of content_stack, following its title,
 * icon, badge and visibility (pages a role may not use are hidden) */
static GtkWidget *
create_sidebar_row (gpointer item,
                    gpointer user_data)
{
  GtkStackPage *page = item;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *image = gtk_image_new ();
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *badge = gtk_label_new (NULL);
  AcuPage *child = ACU_PAGE (gtk_stack_page_get_child (page));

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_widget_set_name (badge, "sidebar-badge");
  gtk_widget_add_css_class (badge, "acu-sidebar-badge");
  gtk_widget_add_css_class (badge, "numeric");
  g_object_bind_property_full (child, "badge", badge, "label", G_BINDING_SYNC_CREATE,
                               badge_to_label, NULL, NULL, NULL);
  g_object_bind_property_full (child, "badge", badge, "visible", G_BINDING_SYNC_CREATE,
                               badge_to_visible, NULL, NULL, NULL);
  g_signal_connect_object (child, "notify::badge", G_CALLBACK (sidebar_row_update_label), row, 0);
  g_signal_connect_object (child, "notify::badge-description", G_CALLBACK (sidebar_row_update_label), row, 0);
  sidebar_row_update_label (child, NULL, row);
  g_object_bind_property (page, "icon-name", image, "icon-name", G_BINDING_SYNC_CREATE);
  g_object_bind_property (page, "title", label, "label", G_BINDING_SYNC_CREATE);
  g_object_bind_property (page, "visible", row, "visible", G_BINDING_SYNC_CREATE);
  gtk_widget_set_name (row, gtk_stack_page_get_name (page));
  gtk_box_append (GTK_BOX (box), image);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), badge);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

static void
sidebar_row_activated_cb (GtkListBox    *box,
                          GtkListBoxRow *row,
                          AcuWindow     *self)
{
  acu_window_show_area (self, gtk_widget_get_name (GTK_WIDGET (row)));
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  /* The keyboard follows: the page's first field (a search) gets the focus */
  gtk_widget_child_focus (gtk_stack_get_visible_child (self->content_stack), GTK_DIR_TAB_FORWARD);
}

static void
leaflet_back_clicked_cb (GtkButton *button,
                         AcuWindow *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* Overrides */

static gboolean
acu_window_close_request (GtkWindow *window)
{
  AcuWindow *self = ACU_WINDOW (window);
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  acu_settings_set_window_size (acu_context_get_settings (self->context),
                                width, height, gtk_window_is_maximized (window));
  acu_window_set_store (self, NULL);

  return GTK_WINDOW_CLASS (acu_window_parent_class)->close_request (window);
}

static void
acu_window_dispose (GObject *object)
{
  AcuWindow *self = ACU_WINDOW (object);

  g_clear_handle_id (&self->idle_source, g_source_remove);
  if (self->context != NULL)
    acu_context_set_store (self->context, NULL);
  g_clear_object (&self->context);
  gtk_widget_dispose_template (GTK_WIDGET (object), ACU_TYPE_WINDOW);
  g_clear_object (&self->main_builder);

  G_OBJECT_CLASS (acu_window_parent_class)->dispose (object);
}

static void
acu_window_class_init (AcuWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = acu_window_dispose;
  window_class->close_request = acu_window_close_request;

  g_type_ensure (ACU_TYPE_CREATE_PAGE);
  g_type_ensure (ACU_TYPE_RECOVERY_PAGE);
  g_type_ensure (ACU_TYPE_UNLOCK_PAGE);
  g_type_ensure (ACU_TYPE_IDENTIFY_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/acuelh/Acuelh/acu-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AcuWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, AcuWindow, outer_stack);
  gtk_widget_class_bind_template_child (widget_class, AcuWindow, lock_stack);
  gtk_widget_class_bind_template_child (widget_class, AcuWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, AcuWindow, locked_title);
  gtk_widget_class_bind_template_child (widget_class, AcuWindow, create_page);
  gtk_widget_class_bind_template_child (widget_class, AcuWindow, recovery_page);
  gtk_widget_class_bind_template_child (widget_class, AcuWindow, unlock_page);
  gtk_widget_class_bind_template_child (widget_class, AcuWindow, identify_page);
  gtk_widget_class_bind_template_callback (widget_class, identify_page_identified_cb);
  gtk_widget_class_bind_template_child (widget_class, AcuWindow, welcome_page);
  gtk_widget_class_bind_template_child (widget_class, AcuWindow, welcome_create_button);
  gtk_widget_class_bind_template_child (widget_class, AcuWindow, welcome_open_button);
  gtk_widget_class_bind_template_child (widget_class, AcuWindow, welcome_demo_button);
  gtk_widget_class_bind_template_callback (widget_class, create_page_created_cb);
  gtk_widget_class_bind_template_callback (widget_class, recovery_page_done_cb);
  gtk_widget_class_bind_template_callback (widget_class, unlock_page_unlocked_cb);

  acu_window_class_install_actions (widget_class);


}

static void
acu_window_init (AcuWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  acu_window_watch_idle (self);
}

static void
restore_state (AcuWindow *self)
{
  AcuSettings *settings = acu_context_get_settings (self->context);
  const char *last = acu_settings_get_last_database (settings);
  int width, height;
  gboolean maximized;

  acu_settings_get_window_size (settings, &width, &height, &maximized);
  gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (maximized)
    gtk_window_maximize (GTK_WINDOW (self));

  /* The last database used opens at its unlock page */
  if (*last != '\0' && g_file_test (last, G_FILE_TEST_EXISTS))
    acu_window_show_unlock (self, last);
  else
    acu_window_show_locked_page (self, "welcome");
}

AcuWindow *
acu_window_new (AcuApplication *application)
{
  AcuWindow *self = g_object_new (ACU_TYPE_WINDOW, "application", application, NULL);

  self->context = acu_context_new (acu_application_get_settings (application));
  restore_state (self);
  return self;
}

/* A file given to the application ("acuelh FILE", a double-click in a
 * file manager): a database opens at its unlock page, which says itself
 * when the file is missing or is no database. A key file
 * (NAME.acuelh-keys) is never opened alone: it stands for the database
 * beside it, or gets a message when that one is not there. An open desk
 * is never closed for a file: whoever is at it closes it first. */
void
acu_window_open_file (AcuWindow *self,
                      GFile     *file)
{
  AcuStore *store;
  g_autofree char *path = NULL;

  g_return_if_fail (ACU_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  path = g_file_get_path (file);
  if (path == NULL)
    {
      acu_window_toast (self, _("Choose a file on this computer or on a USB stick."));
      return;
    }

  if (g_str_has_suffix (path, "-keys"))
    {
      g_autofree char *database = g_strndup (path, strlen (path) - strlen ("-keys"));
      g_autofree char *key_path = acu_key_file_path_for (database);

      if (g_str_equal (key_path, path) && g_file_test (database, G_FILE_TEST_IS_REGULAR))
        {
          g_free (path);
          path = g_steal_pointer (&database);
        }
      else
        {
          g_autofree char *name = g_filename_display_basename (path);
          /* Translators: %s is a file name, such as "desk.acuelh-keys" */
          g_autofree char *message = g_strdup_printf (_("“%s” is the key file of a database, and only opens with it: "
                                                        "keep the two files together, then open the database."),
                                                      name);

          acu_window_toast (self, message);
          return;
        }
    }

  store = acu_context_get_store (self->context);
  if (store != NULL)
    {
      g_autofree char *name = NULL;
      g_autofree char *message = NULL;

      if (g_strcmp0 (acu_store_get_path (store), path) == 0)
        return;
      name = g_filename_display_basename (path);
      /* Translators: %s is a file name; "Close the Desk" is the menu item */
      message = g_strdup_printf (_("Another database is open. Close the desk first, then open “%s”."), name);
      acu_window_toast (self, message);
      return;
    }

  acu_window_show_unlock (self, path);
}

/* The objects of the open desk (acu-window-main.ui) by id, once built:
 * the area pages, for the UI tests */
GObject *
acu_window_get_main_object (AcuWindow  *self,
                            const char *id)
{
  g_return_val_if_fail (ACU_IS_WINDOW (self), NULL);
  return self->main_builder ? gtk_builder_get_object (self->main_builder, id) : NULL;
}

AcuStore *
acu_window_get_store (AcuWindow *self)
{
  g_return_val_if_fail (ACU_IS_WINDOW (self), NULL);
  return acu_context_get_store (self->context);
}

/* "welcome", "create", "recovery", "unlock", or the area page's name */
const char *
acu_window_get_visible_page (AcuWindow *self)
{
  g_return_val_if_fail (ACU_IS_WINDOW (self), NULL);

  if (self->content_stack != NULL && g_strcmp0 (gtk_stack_get_visible_child_name (self->outer_stack), "main") == 0)
    return gtk_stack_get_visible_child_name (self->content_stack);
  return gtk_stack_get_visible_child_name (self->lock_stack);
}
