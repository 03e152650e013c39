/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "acu-password"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>
#include <pwquality.h>
#include <sodium.h>

#include "acu-fold.h"
#include "acu-password.h"

/* The CNIL's 2022 recommendation for a password used alone (no lockout can
 * protect a file copied and attacked offline): at least 80 bits of entropy,
 * which it spells out as 12 characters of the 4 kinds, 14 characters of 3
 * kinds, or a passphrase of 7 words (see DOMAIN.md). Those three forms are
 * the rule here: a naive length × alphabet estimate would take "bonjour
 * bonjour bonjour" for 80 bits. The estimate only moves the strength bar. */
#define CNIL_MIN_BITS 80.0
#define CNIL_MIN_WORDS 7

/* Passwords that attackers try first, for a French desk; compared with
 * the letters of the password alone, accents and case folded, so that
 * "Azerty123456!" or "Motdepasse-2026" are refused. cracklib's dictionary
 * is English. */
static const char * const common_passwords[] = {
  "abc", "abcd", "abcdef", "abcdefgh", "acuelh", "accueil", "admin", "administrateur",
  "azerty", "azertyuiop", "bienvenue", "bonjour", "chocolat", "chouchou", "coucou",
  "doudou", "football", "france", "iloveyou", "jetaime", "letmein", "loulou", "marseille",
  "motdepasse", "monmotdepasse", "paris", "passe", "passw", "password", "princesse",
  "qwerty", "qwertyuiop", "secret", "soleil", "test", "toulouse", "welcome",
};

G_DEFINE_QUARK (acu-password-error-quark, acu_password_error)

/* Copies of the password are wiped before they are freed */
typedef char AcuWipedString;

static void
wiped_string_free (AcuWipedString *text)
{
  if (text == NULL)
    return;
  sodium_memzero (text, strlen (text));
  g_free (text);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AcuWipedString, wiped_string_free)

typedef struct
{
  guint length;
  guint kinds;
  guint words;      /* distinct words of 2 letters or more */
  double bits;
} PasswordShape;

static void
measure (const char    *password,
         PasswordShape *shape)
{
  gboolean lower = FALSE, upper = FALSE, digit = FALSE, other = FALSE;
  g_autoptr(GHashTable) words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *word = NULL;
  guint pool = 0;

  memset (shape, 0, sizeof *shape);

  for (const char *p = password;; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gboolean letter = *p != '\0' && g_unichar_isalpha (c);

      if (letter && word == NULL)
        word = p;
      else if (!letter && word != NULL)
        {
          g_autofree char *raw = g_strndup (word, p - word);

          if (g_utf8_strlen (raw, -1) >= 2)
            g_hash_table_add (words, acu_fold (raw));
          word = NULL;
        }
      if (*p == '\0')
        break;

      shape->length++;
      if (g_unichar_isdigit (c))
        digit = TRUE;
      else if (g_unichar_isupper (c))
        upper = TRUE;
      else if (g_unichar_isalpha (c))
        lower = TRUE;
      else
        other = TRUE;
    }

  shape->words = g_hash_table_size (words);
  shape->kinds = lower + upper + digit + other;
  pool = (lower ? 26 : 0) + (upper ? 26 : 0) + (digit ? 10 : 0) + (other ? 33 : 0);
  shape->bits = pool > 0 ? shape->length * log2 (pool) : 0.0;
}

double
acu_password_entropy_bits (const char *password)
{
  PasswordShape shape;

  g_return_val_if_fail (password != NULL, 0.0);
  measure (password, &shape);
  return shape.bits;
}

static gboolean
meets_cnil_rule (const PasswordShape *shape)
{
  if (shape->kinds == 4 && shape->length >= 12)
    return TRUE;
  if (shape->kinds >= 3 && shape->length >= 14)
    return TRUE;
  return shape->words >= CNIL_MIN_WORDS;
}

/* The letters alone, folded: "Azerty-123!" → "azerty" */
static char *
letters_of (const char *password)
{
  g_autoptr(AcuWipedString) folded = acu_fold (password);
  g_autoptr(AcuWipedString) letters = g_malloc0 (strlen (folded) + 1);
  char *end = letters;

  for (const char *p = folded; *p; p = g_utf8_next_char (p))
    if (g_unichar_isalpha (g_utf8_get_char (p)))
      end += g_unichar_to_utf8 (g_utf8_get_char (p), end);
  return g_steal_pointer (&letters);
}

/* "soleilsoleil", "abcabcabc": a short run said again and again */
static gboolean
is_repetition (const char *text)
{
  gsize len = strlen (text);

  for (gsize period = 1; period <= len / 2; period++)
    {
      gboolean repeats = len % period == 0;

      for (gsize i = period; repeats && i < len; i++)
        repeats = text[i] == text[i - period];
      if (repeats)
        return TRUE;
    }
  return FALSE;
}

static gboolean
is_common (const char *password)
{
  g_autoptr(AcuWipedString) letters = letters_of (password);
  gboolean common = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (common_passwords) && !common; i++)
    {
      gsize n = strlen (common_passwords[i]);

      /* The word itself, or the word said again */
      if (strncmp (letters, common_passwords[i], n) == 0
          && (letters[n] == '\0' || (strlen (letters) % n == 0 && is_repetition (letters))))
        common = TRUE;
    }
  if (!common && strlen (letters) >= 4 && is_repetition (letters))
    common = TRUE;
  return common;
}

static gboolean
contains_name (const char *password,
               const char *person_name)
{
  g_autoptr(AcuWipedString) folded_password = NULL;
  g_autofree char *folded_name = NULL;
  const char *word = NULL;

  if (person_name == NULL || *person_name == '\0')
    return FALSE;

  folded_password = acu_fold (password);
  folded_name = acu_fold (person_name);

  /* Each word of the name (letters and digits, in any script) */
  for (const char *p = folded_name;; p = g_utf8_next_char (p))
    {
      gboolean in_word = *p != '\0' && g_unichar_isalnum (g_utf8_get_char (p));

      if (in_word && word == NULL)
        word = p;
      else if (!in_word && word != NULL)
        {
          g_autofree char *part = g_strndup (word, p - word);

          if (g_utf8_strlen (part, -1) >= 3 && strstr (folded_password, part) != NULL)
            return TRUE;
          word = NULL;
        }
      if (*p == '\0')
        break;
    }
  return FALSE;
}

static void
set_guessable_error (GError **error)
{
  g_set_error_literal (error, ACU_PASSWORD_ERROR, ACU_PASSWORD_ERROR_DICTIONARY,
                       _("Too easy to guess: it is based on a dictionary word or a "
                         "simple pattern. Add unrelated words, digits or symbols."));
}

static gboolean
check_normalized (const char  *password,
                  const char  *person_name,
                  double      *strength,
                  GError     **error)
{
  PasswordShape shape;
  double fraction;
  pwquality_settings_t *pwq;
  void *auxerror = NULL;
  int score;

  measure (password, &shape);
  fraction = MIN (shape.bits / CNIL_MIN_BITS, 0.99);
  *strength = fraction;

  if (shape.length == 0)
    {
      g_set_error_literal (error, ACU_PASSWORD_ERROR, ACU_PASSWORD_ERROR_EMPTY,
                           _("Type a password."));
      return FALSE;
    }

  if (contains_name (password, person_name))
    {
      *strength = MIN (fraction, 0.3);
      g_set_error_literal (error, ACU_PASSWORD_ERROR, ACU_PASSWORD_ERROR_CONTAINS_NAME,
                           _("The password must not contain your name."));
      return FALSE;
    }

  if (is_common (password))
    {
      *strength = MIN (fraction, 0.3);
      set_guessable_error (error);
      return FALSE;
    }

  if (!meets_cnil_rule (&shape))
    {
      g_set_error_literal (error, ACU_PASSWORD_ERROR, ACU_PASSWORD_ERROR_TOO_WEAK,
                           _("Too easy to guess: use at least 12 characters mixing lower case, "
                             "upper case, digits and symbols, 14 characters of three of these kinds, "
                             "or a sentence of 7 words."));
      return FALSE;
    }

  /* Dictionary words and simple patterns, as GNOME Settings checks them */
  pwq = pwquality_default_settings ();
  pwquality_read_config (pwq, NULL, &auxerror);
  auxerror = NULL;
  score = pwquality_check (pwq, password, NULL, person_name, &auxerror);
  pwquality_free_settings (pwq);

  if (score < 0)
    {
      *strength = MIN (fraction, 0.4);
      if (score == PWQ_ERROR_USER_CHECK)
        g_set_error_literal (error, ACU_PASSWORD_ERROR, ACU_PASSWORD_ERROR_CONTAINS_NAME,
                             _("The password must not contain your name."));
      else
        set_guessable_error (error);
      return FALSE;
    }

  *strength = 1.0;
  return TRUE;
}

/* Checks a slot password. On success returns TRUE with *strength = 1.
 * Otherwise sets a translated error telling the person what to change, and
 * *strength to a fraction in [0, 1) for a strength bar. */
gboolean
acu_password_check (const char  *password,
                    const char  *person_name,
                    double      *strength,
                    GError     **error)
{
  g_autoptr(AcuWipedString) normalized = NULL;
  double ignored;
  gboolean ok;

  g_return_val_if_fail (password != NULL, FALSE);

  if (strength == NULL)
    strength = &ignored;
  *strength = 0.0;

  /* User input, not a programmer error: a terminal may send Latin-1 */
  if (!g_utf8_validate (password, -1, NULL))
    {
      g_set_error_literal (error, ACU_PASSWORD_ERROR, ACU_PASSWORD_ERROR_INVALID,
                           _("The password is not valid text."));
      return FALSE;
    }

  /* The same form Argon2id sees (acu-key-file.c) */
  normalized = g_utf8_normalize (password, -1, G_NORMALIZE_NFC);
  ok = check_normalized (normalized, person_name, strength, error);
  return ok;
}
