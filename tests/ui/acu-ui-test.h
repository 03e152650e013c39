/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <check.h>
#include <adwaita.h>

#include "acu-application.h"
#include "acu-window.h"

G_BEGIN_DECLS

/* What the UI tests share: one application per process, a data folder,
 * waiting on the main loop, template children. */

typedef struct
{
  const char *lang;            /* en, fr or oc: ACU_TEST_LANGUAGE */
  gconstpointer expected;      /* the test's hand-written strings for it */
} AcuUiTestLanguage;

extern AcuApplication *acu_ui_test_app;
extern char           *acu_ui_test_data_dir;

gboolean  acu_ui_test_wake_cb (gpointer data);
void      acu_ui_test_settle (guint ms);
gpointer  acu_ui_test_child (gpointer    widget,
                             GType       type,
                             const char *name);

/* The @index-th row a list view shows, and the text of its @nth label
 * (depth first), or NULL */
GtkWidget  *acu_ui_test_nth_row   (GtkListView *view,
                                   guint        index);
const char *acu_ui_test_row_label (GtkListView *view,
                                   guint        index,
                                   guint        nth);

/* On the identify page: picks @name, types @secret, presses Identify */
void      acu_ui_test_identify (AcuWindow  *window,
                                const char *name,
                                const char *secret);

/* Picks the entry of @languages named by ACU_TEST_LANGUAGE, sets up i18n,
 * GTK and the application, runs @test in one Check suite, and returns the
 * exit status for main() */
int       acu_ui_test_run (const char              *name,
                           const TTest             *test,
                           const AcuUiTestLanguage *languages,
                           guint                    n_languages,
                           gconstpointer           *expected,
                           gboolean                 fast_kdf);

/* Runs the main loop until @cond holds or 30 s pass */
#define ACU_UI_WAIT_UNTIL(cond)                                          \
  G_STMT_START {                                                         \
    gint64 _deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;    \
    guint _wake = g_timeout_add (10, acu_ui_test_wake_cb, NULL);         \
    while (!(cond) && g_get_monotonic_time () < _deadline)               \
      g_main_context_iteration (NULL, TRUE);                             \
    g_source_remove (_wake);                                             \
    ck_assert_msg ((cond), "timed out waiting for: %s", #cond);          \
  } G_STMT_END

G_END_DECLS
