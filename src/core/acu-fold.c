/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "acu-fold"

#include "config.h"

#include "acu-fold.h"

/* Letters that do not decompose into a base letter and a mark */
static const char *
fold_special (gunichar c)
{
  switch (c)
    {
    case 0x00DF: return "ss"; /* ß */
    case 0x00E6: return "ae"; /* æ */
    case 0x0153: return "oe"; /* œ */
    case 0x00F8: return "o";  /* ø */
    case 0x0142: return "l";  /* ł */
    case 0x0111: return "d";  /* đ */
    case 0x00F0: return "d";  /* ð */
    case 0x00FE: return "th"; /* þ */
    case 0x0131: return "i";  /* dotless ı */
    case 0x2019: return "'";  /* typographic apostrophe */
    default:     return NULL;
    }
}

/* Folds a name for searching and comparing: lower case, accents dropped,
 * a few letters mapped (ł → l, ø → o, æ → ae, ß → ss, ...); letters of
 * other scripts are kept, lower-cased, never replaced by '?' as
 * g_str_to_ascii would do. Spaces are collapsed and trimmed. */
char *
acu_fold (const char *text)
{
  g_autofree char *lower = NULL;
  g_autofree char *decomposed = NULL;
  GString *out;
  gboolean space = FALSE;

  g_return_val_if_fail (text != NULL, NULL);

  lower = g_utf8_strdown (text, -1);
  decomposed = g_utf8_normalize (lower, -1, G_NORMALIZE_NFKD);
  if (decomposed == NULL) /* invalid UTF-8 */
    return g_strdup ("");

  out = g_string_sized_new (strlen (decomposed));
  for (const char *p = decomposed; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      const char *special;

      if (g_unichar_ismark (c))
        continue;
      if (g_unichar_isspace (c))
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        {
          g_string_append_c (out, ' ');
          space = FALSE;
        }
      special = fold_special (c);
      if (special != NULL)
        g_string_append (out, special);
      else
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}
