/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <check.h>
#include <glib.h>

#include "acu-password.h"
#include "acu-test-util.h"

/* Checks that @password is refused with @code, and that the strength given
 * for the bar is a fraction in [0, 1). */
static void
assert_refused (const char *password,
                const char *person_name,
                int         code)
{
  g_autoptr(GError) error = NULL;
  double strength = -1.0;
  gboolean ok;

  ok = acu_password_check (password, person_name, &strength, &error);

  ck_assert_msg (!ok, "\"%s\" was accepted", password);
  ck_assert_msg (error != NULL, "\"%s\" refused without an error", password);
  ck_assert_msg (g_error_matches (error, ACU_PASSWORD_ERROR, code),
                 "\"%s\": expected code %d, got %s %d (%s)", password, code,
                 g_quark_to_string (error->domain), error->code, error->message);
  ck_assert_msg (error->message != NULL && *error->message != '\0',
                 "\"%s\": empty error message", password);
  ck_assert_msg (strength >= 0.0 && strength < 1.0,
                 "\"%s\": strength %f not in [0, 1)", password, strength);
}

static void
assert_accepted (const char *password,
                 const char *person_name)
{
  g_autoptr(GError) error = NULL;
  double strength = -1.0;
  gboolean ok;

  ok = acu_password_check (password, person_name, &strength, &error);

  ck_assert_msg (ok, "\"%s\" was refused: %s", password, error ? error->message : "(no error)");
  ck_assert_ptr_null (error);
  ck_assert_double_eq_tol (strength, 1.0, 1e-9);
}

START_TEST (test_password_accepts_four_kinds)
{
  assert_accepted ("Tr3s-Secret!Gers#2026", "Marie Dupont");
  assert_accepted ("Autre-Mot2Passe!Auch", "Marie Dupont");
}
END_TEST

START_TEST (test_password_accepts_passphrase)
{
  /* 7 words, lower case only: the CNIL's passphrase example */
  assert_accepted ("cheval rouge mange pomme verte sous pluie", "Marie Dupont");
}
END_TEST

START_TEST (test_password_accepts_without_name)
{
  assert_accepted ("Nouveau#Secret-2027x", NULL);
  assert_accepted ("Nouveau#Secret-2027x", "");
}
END_TEST

START_TEST (test_password_refuses_short)
{
  /* 8 characters of 4 kinds: about 52 bits, under 80 */
  assert_refused ("Abc1!xyz", "Marie Dupont", ACU_PASSWORD_ERROR_TOO_WEAK);
  assert_refused ("abcdefghij", "Marie Dupont", ACU_PASSWORD_ERROR_TOO_WEAK);
}
END_TEST

START_TEST (test_password_refuses_empty)
{
  g_autoptr(GError) error = NULL;
  double strength = -1.0;

  ck_assert (!acu_password_check ("", "Marie Dupont", &strength, &error));
  ck_assert (g_error_matches (error, ACU_PASSWORD_ERROR, ACU_PASSWORD_ERROR_EMPTY));
  ck_assert_double_eq_tol (strength, 0.0, 1e-9);
}
END_TEST

START_TEST (test_password_refuses_name)
{
  /* Long, four kinds: only the surname makes it refused */
  assert_refused ("Dupont!2026-Lectoure#", "Marie Dupont", ACU_PASSWORD_ERROR_CONTAINS_NAME);
  /* The comparison folds case */
  assert_refused ("Tr3s-MARTIN!Gers#2026", "Hélène Martin", ACU_PASSWORD_ERROR_CONTAINS_NAME);
}
END_TEST

/* BUG (src/core/acu-password.c, contains_name): the person's name is split
 * with g_regex_split_simple ("[^[:alnum:]]+", ..., G_REGEX_RAW, 0); in raw
 * (byte) mode the UTF-8 bytes of "é" and "è" are separators, so "Hélène"
 * becomes "H", "l", "ne" and is never looked for. A password containing an
 * accented first or last name is accepted. This test asserts the intended
 * behaviour and fails until that is fixed. */
START_TEST (test_password_refuses_accented_name)
{
  /* The comparison folds accents: "Helene" is "Hélène" typed without them */
  assert_refused ("Helene#Secret-2026x", "Hélène Martin", ACU_PASSWORD_ERROR_CONTAINS_NAME);
  assert_refused ("Tr3s-Hélène!Gers#2026", "Hélène Martin", ACU_PASSWORD_ERROR_CONTAINS_NAME);
}
END_TEST

START_TEST (test_password_refuses_dictionary)
{
  /* 13 characters of the four kinds pass the CNIL rule, but libpwquality's
   * cracklib check refuses them as "too simplistic/systematic" (checked
   * against the installed dictionary; "Password1234!" is accepted by it, so
   * it is not used here). */
  assert_refused ("Azerty123456!", "Marie Dupont", ACU_PASSWORD_ERROR_DICTIONARY);
  assert_refused ("Qwerty123456!", "Marie Dupont", ACU_PASSWORD_ERROR_DICTIONARY);
}
END_TEST

START_TEST (test_password_entropy)
{
  /* 8 × log2(26) = 37.60 bits */
  ck_assert_double_eq_tol (acu_password_entropy_bits ("abcdefgh"), 37.6, 0.1);
  /* 8 × log2(26 + 26 + 10 + 33) = 8 × log2(95) = 52.56 bits */
  ck_assert_double_eq_tol (acu_password_entropy_bits ("Abc1!xyz"), 52.56, 0.1);
  ck_assert_double_eq_tol (acu_password_entropy_bits (""), 0.0, 1e-9);
}
END_TEST

START_TEST (test_password_refuses_long_but_guessable)
{
  /* Long, but a naive length × alphabet estimate would call them 80 bits */
  assert_refused ("bonjour bonjour bonjour", NULL, ACU_PASSWORD_ERROR_DICTIONARY);
  assert_refused ("soleilsoleilsoleilsoleil", NULL, ACU_PASSWORD_ERROR_DICTIONARY);
  assert_refused ("motdepassemotdepasse", NULL, ACU_PASSWORD_ERROR_DICTIONARY);
  /* Common passwords dressed up with digits and symbols */
  assert_refused ("Password123!", NULL, ACU_PASSWORD_ERROR_DICTIONARY);
  assert_refused ("Azertyuiop123!", NULL, ACU_PASSWORD_ERROR_DICTIONARY);
  assert_refused ("Motdepasse-2026", NULL, ACU_PASSWORD_ERROR_DICTIONARY);
  /* Long, two kinds only, and not 7 words */
  assert_refused ("jaimelepainetlebeurre", NULL, ACU_PASSWORD_ERROR_TOO_WEAK);
  assert_refused ("le chat est sur le tapis", NULL, ACU_PASSWORD_ERROR_TOO_WEAK);
}
END_TEST

START_TEST (test_password_passphrase_counts_short_words)
{
  /* 7 distinct words, some of two letters */
  assert_accepted ("je vais au marché le lundi matin", NULL);
  /* 7 words, but the same ones again */
  assert_refused ("pain lait pain lait pain lait pain", NULL, ACU_PASSWORD_ERROR_TOO_WEAK);
}
END_TEST

START_TEST (test_password_refuses_invalid_text)
{
  /* Latin-1 "é" from a terminal that is not UTF-8 */
  assert_refused ("Tr3s-Secret!Gers#2026\xe9", NULL, ACU_PASSWORD_ERROR_INVALID);
}
END_TEST

static Suite *
password_suite (void)
{
  Suite *suite = suite_create ("password");
  TCase *tc = tcase_create ("acu_password_check");

  tcase_set_timeout (tc, 120);
  tcase_add_test (tc, test_password_accepts_four_kinds);
  tcase_add_test (tc, test_password_accepts_passphrase);
  tcase_add_test (tc, test_password_accepts_without_name);
  tcase_add_test (tc, test_password_refuses_short);
  tcase_add_test (tc, test_password_refuses_empty);
  tcase_add_test (tc, test_password_refuses_name);
  tcase_add_test (tc, test_password_refuses_accented_name);
  tcase_add_test (tc, test_password_refuses_dictionary);
  tcase_add_test (tc, test_password_entropy);
  tcase_add_test (tc, test_password_refuses_long_but_guessable);
  tcase_add_test (tc, test_password_passphrase_counts_short_words);
  tcase_add_test (tc, test_password_refuses_invalid_text);
  suite_add_tcase (suite, tc);

  return suite;
}

int
main (void)
{
  return acu_test_run (password_suite ());
}
