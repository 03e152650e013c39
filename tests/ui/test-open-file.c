/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <check.h>
#include <stdlib.h>
#include <adwaita.h>

#include "acu-application.h"
#include "acu-store.h"
#include "acu-test-util.h"
#include "acu-ui-test.h"
#include "acu-unlock-page.h"
#include "acu-window.h"

/* A database given to the application, as a file manager's double-click
 * gives it (the desktop file's "acuelh %f"): launched with a file, the
 * window shows that file's unlock page; a key file stands for its
 * database, or gets a message when the database is not beside it; an open
 * desk stays open. Run in French and in Occitan. */

#define PERSON   "Hélène Martin"
#define PASSWORD "Tr3s-Secret!Gers#2026"

typedef struct
{
  const char *lang;
  const char *lonely_keys;      /* lonely.acuelh-keys given alone */
  const char *another_open;     /* other.acuelh given while the desk is open */
} Expected;

static const Expected expected_by_lang[] = {
  { "en",
    "“lonely.acuelh-keys” is the key file of a database, and only opens with it: keep the two files together, then open the database.",
    "Another database is open. Close the desk first, then open “other.acuelh”." },
  { "fr",
    "« lonely.acuelh-keys » est le fichier de clés d’une base de données, et ne s’ouvre qu’avec elle : "
    "gardez les deux fichiers ensemble, puis ouvrez la base de données.",
    "Une autre base de données est ouverte. Fermez d’abord l’accueil, puis ouvrez « other.acuelh »." },
  { "oc",
    "« lonely.acuelh-keys » es lo fichièr de claus d'una basa de donadas, e se dobrís pas qu'amb ela : "
    "gardatz los dos fichièrs amassa, puèi dobrissètz la basa de donadas.",
    "Una autra basa de donadas es dobèrta. Tampatz d'en primièr l'acuèlh, puèi dobrissètz « other.acuelh »." },
};

static const Expected *expected;

#define child acu_ui_test_child
#define WAIT_UNTIL ACU_UI_WAIT_UNTIL

/* A label showing @text anywhere under @widget (a toast's title) */
static gboolean
shows_label (GtkWidget  *widget,
             const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0
      && gtk_widget_get_mapped (widget))
    return TRUE;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    if (shows_label (c, text))
      return TRUE;
  return FALSE;
}

static char *
make_database (const char *name)
{
  g_autofree char *path = g_build_filename (acu_ui_test_data_dir, name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(AcuStore) store = acu_store_create (path, "Tiers-lieu de Lectoure", PERSON, PASSWORD, NULL, &error);

  ck_assert_msg (store != NULL, "%s", error ? error->message : "");
  acu_store_close (store);
  return g_steal_pointer (&path);
}

static void
open_path (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  /* What GApplication does with a command line's files, and with a
   * second launch's: the open signal */
  g_application_open (G_APPLICATION (acu_ui_test_app), &file, 1, "");
}

static AcuWindow *
the_window (void)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (acu_ui_test_app));

  ck_assert_int_eq (g_list_length (windows), 1);
  return ACU_WINDOW (windows->data);
}

static const char *
unlock_path (AcuWindow *window)
{
  return acu_unlock_page_get_database (child (window, ACU_TYPE_WINDOW, "unlock_page"));
}

/* The launch with a file, through g_application_run () and its command
 * line: a poll records what the window shows once it is up, then quits */
static guint poll_id, timeout_id;
static struct
{
  char     *page;
  char     *path;
  char     *description;
  guint     n_names;
} launched;

static gboolean
launched_poll_cb (gpointer data)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (acu_ui_test_app));
  AcuWindow *window;
  AcuUnlockPage *page;

  if (windows == NULL || !gtk_widget_get_mapped (windows->data))
    return G_SOURCE_CONTINUE;
  window = windows->data;
  page = child (window, ACU_TYPE_WINDOW, "unlock_page");
  launched.page = g_strdup (acu_window_get_visible_page (window));
  launched.path = g_strdup (acu_unlock_page_get_database (page));
  launched.description = g_strdup (adw_status_page_get_description (child (page, ACU_TYPE_UNLOCK_PAGE, "status_page")));
  launched.n_names = g_list_model_get_n_items (G_LIST_MODEL (child (page, ACU_TYPE_UNLOCK_PAGE, "names")));
  gtk_window_destroy (GTK_WINDOW (window));
  g_application_quit (G_APPLICATION (acu_ui_test_app));
  poll_id = 0;
  return G_SOURCE_REMOVE;
}

static gboolean
launch_timeout_cb (gpointer data)
{
  g_application_quit (G_APPLICATION (acu_ui_test_app));
  timeout_id = 0;
  return G_SOURCE_REMOVE;
}

START_TEST (test_open_file)
{
  g_autofree char *desk = make_database ("desk.acuelh");
  g_autofree char *other = make_database ("other.acuelh");
  g_autofree char *desk_keys = g_strconcat (desk, "-keys", NULL);
  g_autofree char *lonely_keys = g_build_filename (acu_ui_test_data_dir, "lonely.acuelh-keys", NULL);
  g_autofree char *other_display = g_filename_display_name (other);
  g_autoptr(GError) error = NULL;
  AcuWindow *window;
  AcuUnlockPage *unlock_page;
  char *argv[] = { (char *) "acuelh", other, NULL };
  int status;

  /* Given to the application with no window yet: a window, at that
   * database's unlock page */
  open_path (desk);
  window = the_window ();
  ck_assert_str_eq (acu_window_get_visible_page (window), "unlock");
  ck_assert_str_eq (unlock_path (window), desk);

  /* Given to a running instance: the window it has; the key file stands
   * for the database beside it */
  open_path (other);
  ck_assert_str_eq (unlock_path (window), other);
  open_path (desk_keys);
  ck_assert_ptr_eq (the_window (), window);
  ck_assert_str_eq (unlock_path (window), desk);

  /* A key file alone never opens: a message, the page stays */
  ck_assert (g_file_set_contents (lonely_keys, "{}", -1, &error));
  open_path (lonely_keys);
  WAIT_UNTIL (shows_label (GTK_WIDGET (window), expected->lonely_keys));
  ck_assert_str_eq (acu_window_get_visible_page (window), "unlock");
  ck_assert_str_eq (unlock_path (window), desk);

  /* Unlocked, the desk stays open when another database is given */
  unlock_page = child (window, ACU_TYPE_WINDOW, "unlock_page");
  gtk_editable_set_text (child (unlock_page, ACU_TYPE_UNLOCK_PAGE, "password_row"), PASSWORD);
  g_signal_emit_by_name (child (unlock_page, ACU_TYPE_UNLOCK_PAGE, "unlock_button"), "clicked");
  WAIT_UNTIL (g_str_equal (acu_window_get_visible_page (window), "reception"));
  open_path (other);
  WAIT_UNTIL (shows_label (GTK_WIDGET (window), expected->another_open));
  ck_assert_str_eq (acu_window_get_visible_page (window), "reception");
  ck_assert_str_eq (acu_store_get_path (acu_window_get_store (window)), desk);
  /* Its own file again: nothing to say */
  open_path (desk);
  ck_assert_str_eq (acu_window_get_visible_page (window), "reception");
  gtk_window_destroy (GTK_WINDOW (window));

  /* Launched with a database ("acuelh other.acuelh"), last since the
   * application shuts down after: its unlock page, with its people */
  poll_id = g_timeout_add (50, launched_poll_cb, NULL);
  timeout_id = g_timeout_add_seconds (30, launch_timeout_cb, NULL);
  status = g_application_run (G_APPLICATION (acu_ui_test_app), 2, argv);
  g_clear_handle_id (&poll_id, g_source_remove);
  g_clear_handle_id (&timeout_id, g_source_remove);
  ck_assert_int_eq (status, 0);
  ck_assert_msg (launched.page != NULL, "no window came up");
  ck_assert_str_eq (launched.page, "unlock");
  ck_assert_str_eq (launched.path, other);
  ck_assert_str_eq (launched.description, other_display);
  ck_assert_int_eq (launched.n_names, 1);
}
END_TEST

int
main (int    argc,
      char **argv)
{
  AcuUiTestLanguage languages[G_N_ELEMENTS (expected_by_lang)];

  for (guint i = 0; i < G_N_ELEMENTS (expected_by_lang); i++)
    languages[i] = (AcuUiTestLanguage) { expected_by_lang[i].lang, &expected_by_lang[i] };
  return acu_ui_test_run ("open-file", test_open_file, languages, G_N_ELEMENTS (languages),
                          (gconstpointer *) &expected, TRUE);
}
