/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "acu-password"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>
#include <pwquality.h>

#include "acu-fold.h"
#include "acu-password.h"

/* The CNIL's 2022 recommendation for a password used alone (no lockout can
 * protect a file copied and attacked offline): at least 80 bits of entropy,
 * given as examples by 12 characters of the 4 kinds, 14 characters of 3
 * kinds, or a passphrase of 7 words (see DOMAIN.md). */
#define CNIL_MIN_BITS 80.0

G_DEFINE_QUARK (acu-password-error-quark, acu_password_error)

typedef struct
{
  guint length;
  guint kinds;
  guint words;
  double bits;
} PasswordShape;

static void
measure (const char    *password,
         PasswordShape *shape)
{
  gboolean lower = FALSE, upper = FALSE, digit = FALSE, other = FALSE;
  guint pool = 0;
  guint word_len = 0;

  memset (shape, 0, sizeof *shape);

  for (const char *p = password; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      shape->length++;
      if (g_unichar_isdigit (c))
        digit = TRUE;
      else if (g_unichar_isupper (c))
        upper = TRUE;
      else if (g_unichar_isalpha (c))
        lower = TRUE;
      else
        other = TRUE;

      if (g_unichar_isalpha (c))
        word_len++;
      else
        {
          if (word_len >= 3)
            shape->words++;
          word_len = 0;
        }
    }
  if (word_len >= 3)
    shape->words++;

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
  if (shape->words >= 7)
    return TRUE;
  return shape->bits >= CNIL_MIN_BITS;
}

static gboolean
contains_name (const char *password,
               const char *person_name)
{
  g_autofree char *folded_password = NULL;
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

/* Checks a slot password. On success returns TRUE with *strength = 1.
 * Otherwise sets a translated error telling the person what to change, and
 * *strength to a fraction in [0, 1) for a strength bar. */
gboolean
acu_password_check (const char  *password,
                    const char  *person_name,
                    double      *strength,
                    GError     **error)
{
  PasswordShape shape;
  double fraction;
  pwquality_settings_t *pwq;
  void *auxerror = NULL;
  int score;

  g_return_val_if_fail (password != NULL, FALSE);

  measure (password, &shape);
  fraction = MIN (shape.bits / CNIL_MIN_BITS, 0.99);
  if (strength != NULL)
    *strength = fraction;

  if (shape.length == 0)
    {
      g_set_error_literal (error, ACU_PASSWORD_ERROR, ACU_PASSWORD_ERROR_EMPTY,
                           _("Type a password."));
      return FALSE;
    }

  if (contains_name (password, person_name))
    {
      if (strength != NULL)
        *strength = MIN (fraction, 0.3);
      g_set_error_literal (error, ACU_PASSWORD_ERROR, ACU_PASSWORD_ERROR_CONTAINS_NAME,
                           _("The password must not contain your name."));
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
      if (strength != NULL)
        *strength = MIN (fraction, 0.4);

      switch (score)
        {
        case PWQ_ERROR_USER_CHECK:
          g_set_error_literal (error, ACU_PASSWORD_ERROR, ACU_PASSWORD_ERROR_CONTAINS_NAME,
                               _("The password must not contain your name."));
          break;
        default:
          g_set_error_literal (error, ACU_PASSWORD_ERROR, ACU_PASSWORD_ERROR_DICTIONARY,
                               _("Too easy to guess: it is based on a dictionary word or a "
                                 "simple pattern. Add unrelated words, digits or symbols."));
          break;
        }
      return FALSE;
    }

  if (strength != NULL)
    *strength = 1.0;
  return TRUE;
}
