/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <check.h>
#include <glib.h>

#include "acu-fold.h"
#include "acu-test-util.h"

/* Each expected value is written by hand: the folded search key a person
 * at the desk expects to match what they type on a French keyboard. */
static void
assert_folds_to (const char *input,
                 const char *expected)
{
  g_autofree char *folded = acu_fold (input);

  ck_assert_msg (folded != NULL, "acu_fold (\"%s\") returned NULL", input);
  ck_assert_msg (g_strcmp0 (folded, expected) == 0,
                 "acu_fold (\"%s\") = \"%s\", expected \"%s\"", input, folded, expected);
}

START_TEST (test_fold_accents_and_case)
{
  assert_folds_to ("Hélène", "helene");
  assert_folds_to ("DUPONT-Martin", "dupont-martin");
  assert_folds_to ("Nguyễn", "nguyen");
  assert_folds_to ("François Çağlar", "francois caglar");
}
END_TEST

START_TEST (test_fold_special_letters)
{
  assert_folds_to ("Łukasz", "lukasz");
  assert_folds_to ("Øyvind", "oyvind");
  assert_folds_to ("Strauß", "strauss");
  assert_folds_to ("Æsa", "aesa");
  assert_folds_to ("Œuvre", "oeuvre");
  assert_folds_to ("Đorđe", "dorde");
}
END_TEST

START_TEST (test_fold_other_scripts_kept)
{
  g_autofree char *cyrillic = acu_fold ("Иван");
  g_autofree char *arabic = acu_fold ("محمد");

  /* Lower-cased, never replaced by '?' as g_str_to_ascii would */
  ck_assert_str_eq (cyrillic, "иван");
  ck_assert_ptr_null (strchr (cyrillic, '?'));
  /* Arabic has no case: unchanged */
  ck_assert_str_eq (arabic, "محمد");
  ck_assert_ptr_null (strchr (arabic, '?'));
}
END_TEST

START_TEST (test_fold_spaces)
{
  assert_folds_to ("  Jean   Pierre ", "jean pierre");
  assert_folds_to ("Jean\tPierre", "jean pierre");
  assert_folds_to ("   ", "");
}
END_TEST

START_TEST (test_fold_empty)
{
  assert_folds_to ("", "");
}
END_TEST

static Suite *
fold_suite (void)
{
  Suite *suite = suite_create ("fold");
  TCase *tc = tcase_create ("acu_fold");

  tcase_set_timeout (tc, 120);
  tcase_add_test (tc, test_fold_accents_and_case);
  tcase_add_test (tc, test_fold_special_letters);
  tcase_add_test (tc, test_fold_other_scripts_kept);
  tcase_add_test (tc, test_fold_spaces);
  tcase_add_test (tc, test_fold_empty);
  suite_add_tcase (suite, tc);

  return suite;
}

int
main (void)
{
  return acu_test_run (fold_suite ());
}
