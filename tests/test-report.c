/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <check.h>
#include <stdlib.h>
#include <glib/gstdio.h>

#include "acu-recovery-sheet.h"
#include "acu-test-util.h"

/* PDF files hold NUL bytes: g_strstr_len would stop at the first one */
static gboolean
contains (const char *data,
          gsize       len,
          const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= len; i++)
    if (memcmp (data + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

static const char *code = "7K3QD-M9XTR-ABCDE-FGHJK-MNPQR-STVWX";

START_TEST (test_sheet_saves_a_one_page_pdf)
{
  g_autofree char *dir = acu_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "code.pdf", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GDateTime) made = g_date_time_new_local (2026, 11, 25, 10, 0, 0);
  g_autoptr(GError) error = NULL;
  AcuRecoverySheet sheet = { "Tiers-lieu de Lectoure", "lectoure.acuelh", code, made };
  gsize len;

  ck_assert (acu_recovery_sheet_save_pdf (&sheet, path, &error));
  ck_assert_ptr_null (error);
  ck_assert (g_file_get_contents (path, &contents, &len, NULL));
  ck_assert (len > 1000);
  ck_assert (g_str_has_prefix (contents, "%PDF-"));
  {
    GStatBuf st;

    /* The code opens the database: the file is its owner's alone */
    ck_assert_int_eq (g_stat (path, &st), 0);
    ck_assert_int_eq (st.st_mode & 0777, 0600);
  }
  /* One A4 page */
  ck_assert (contains (contents, len, "/Count 1"));
  ck_assert (contains (contents, len, "/MediaBox [ 0 0 595 842 ]"));

  g_unlink (path);
  acu_test_tmpdir_free (g_steal_pointer (&dir));
}
END_TEST

START_TEST (test_sheet_reports_an_unwritable_path)
{
  g_autoptr(GError) error = NULL;
  AcuRecoverySheet sheet = { "Site", "site.acuelh", code, NULL };

  ck_assert (!acu_recovery_sheet_save_pdf (&sheet, "/nonexistent-folder/code.pdf", &error));
  ck_assert_ptr_nonnull (error);
  ck_assert (g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_FAILED));
  ck_assert (!g_file_test ("/nonexistent-folder/code.pdf", G_FILE_TEST_EXISTS));
}
END_TEST

int
main (void)
{
  Suite *suite = suite_create ("report");
  TCase *tcase = tcase_create ("recovery-sheet");

  tcase_add_test (tcase, test_sheet_saves_a_one_page_pdf);
  tcase_add_test (tcase, test_sheet_reports_an_unwritable_path);
  suite_add_tcase (suite, tcase);
  return acu_test_run (suite);
}
