/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "acu-demo"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "acu-catalogue.h"
#include "acu-confidential.h"
#include "acu-desk-people.h"
#include "acu-date.h"
#include "acu-demo.h"
#include "acu-demo-private.h"
#include "acu-sql-private.h"
#include "acu-people-private.h"
#include "acu-visits-private.h"
#include "acu-store-private.h"
#include "acu-visits.h"

/* Demo data: a seed in, the same records out (GRand is a Mersenne
 * Twister, the same on every platform). Households of realistic
 * composition from the Gers, visits on the opening days and hours of a
 * rural third place, over several years, and their food aid
 * (acu-demo-food.c). Only for a new database. */

#define HOUSEHOLDS_PER_COMMIT 500
/* The part of the progress that the households take; the weeks of food
 * aid take the rest */
#define HOUSEHOLDS_SHARE 0.65

static const char *const last_names[] = {
  "Dupont", "Dupuis", "Dupont-Martin", "Martin", "Bernard", "Thomas", "Petit", "Durand", "Leroy",
  "Moreau", "Simon", "Laurent", "Lefèvre", "Michel", "Garcia", "David", "Bertrand", "Roux",
  "Vincent", "Fournier", "Morel", "Girard", "André", "Mercier", "Blanc", "Guérin", "Boyer",
  "Faure", "Rousseau", "Lambert", "Fontaine", "Chevalier", "Robin", "Masson", "Sanchez",
  "Muller", "Lopez", "Bonnet", "François", "Legrand", "Gauthier", "Perrin", "Fabre",
  "Lacoste", "Dubarry", "Castaing", "Lafitte", "Daubian", "Laborde", "Lasserre", "Dufau",
  "Cazaux", "Darrigade", "Labat", "Soulé", "Barrère", "Abadie", "Baylac", "Dartigues",
  "Larrieu", "Pujol", "Sarrade", "Lacroix", "Duffour", "Ducasse", "Lalanne", "Tournié",
  "Nguyễn", "Trần", "Benali", "Haddad", "Benmoussa", "Diallo", "Traoré", "Kowalski",
  "Łukaszewicz", "Da Silva", "Ferreira", "Pereira", "Rodrigues", "Strauß", "Øvrebø",
  "O'Brien", "Le Gall", "Saint-Martin", "De Oliveira", "Yılmaz", "Popescu", "Ivanova",
  "Hélias", "Bégué", "Courrège", "Escoubet", "Pédeboy", "Sempé", "Tuchagues",
};

static const char *const women[] = {
  "Marie", "Hélène", "Nathalie", "Isabelle", "Sylvie", "Catherine", "Françoise", "Monique",
  "Christine", "Valérie", "Sandrine", "Céline", "Julie", "Aurélie", "Émilie", "Laura",
  "Sarah", "Léa", "Chloé", "Manon", "Camille", "Inès", "Fatima", "Aïcha", "Thi Lan",
  "Agnieszka", "Ana", "Joséphine", "Geneviève", "Odette", "Paulette", "Jeanne", "Zoé",
  "Maëlle", "Élodie", "Noémie", "Amandine", "Cécile", "Brigitte", "Danièle",
};

static const char *const men[] = {
  "Jean", "Pierre", "Michel", "André", "Philippe", "Alain", "Bernard", "Jacques", "Daniel",
  "Patrick", "Christophe", "Nicolas", "Stéphane", "Julien", "Thomas", "Kévin", "Lucas",
  "Hugo", "Théo", "Nathan", "Jean-Pierre", "Jean-Luc", "Mohamed", "Karim", "Mamadou",
  "Văn Minh", "Łukasz", "João", "Øyvind", "Serge", "Gérard", "René", "Joël", "Loïc",
  "Raphaël", "Mathéo", "Noah", "Gabriel", "Baptiste", "Rémi",
};

static const char *const volunteers[] = {
  "Monique Lafitte", "Jean-Pierre Dubarry", "Sylvie Castaing", "Bernard Lacoste",
};

/* Weights in the default catalogues' order */
static const guint reason_weights[] = { 35, 15, 5, 12, 8, 8, 8, 6, 2, 1 };
static const guint partner_weights[] = { 20, 10, 10, 6, 6, 6, 10, 6, 4, 8, 4, 4, 4, 2, 0 };

typedef struct
{
  AcuStore          *store;
  GRand             *rand;
  GPtrArray         *days;          /* opening days, in order */
  GArray            *reasons;       /* gint64 */
  GArray            *partners;      /* gint64 */
  GArray            *communes;      /* gint64 */
  AcuDemoFood       *food;
  gint64             desk[G_N_ELEMENTS (volunteers) + 1];
  guint              n_desk;
  char              *first_day;     /* of the data */
  char              *until;
  gint64             now;
} Demo;

static const char *
pick (Demo              *demo,
      const char *const *names,
      guint              n)
{
  return names[g_rand_int_range (demo->rand, 0, n)];
}

static guint
pick_weighted (Demo        *demo,
               const guint *weights,
               guint        n)
{
  guint total = 0, r;

  for (guint i = 0; i < n; i++)
    total += weights[i];
  r = g_rand_int_range (demo->rand, 0, total);
  for (guint i = 0; i < n; i++)
    {
      if (r < weights[i])
        return i;
      r -= weights[i];
    }
  return n - 1;
}

/* A commune, the nearest ones (first in a skewed draw) more often */
static gint64
pick_commune (Demo *demo)
{
  guint a = g_rand_int_range (demo->rand, 0, demo->communes->len);
  guint b = g_rand_int_range (demo->rand, 0, demo->communes->len);

  return g_array_index (demo->communes, gint64, MIN (a, b));
}

static char *
birth_date (Demo *demo,
            int   min_age,
            int   max_age)
{
  GDate date;
  int age = g_rand_int_range (demo->rand, min_age, max_age + 1);

  acu_date_parse (demo->until, &date);
  g_date_subtract_years (&date, age);
  g_date_subtract_days (&date, g_rand_int_range (demo->rand, 0, 365));
  /* One adult in six gave the year alone */
  if (min_age >= 18 && g_rand_int_range (demo->rand, 0, 6) == 0)
    return g_strdup_printf ("%04u", g_date_get_year (&date));
  return acu_date_format (&date);
}

/* Tuesday, Thursday and Saturday; closed in the first three weeks of
 * August and between Christmas and New Year */
static gboolean
is_opening_day (const GDate *date)
{
  GDateWeekday weekday = g_date_get_weekday (date);
  GDateMonth month = g_date_get_month (date);
  guint day = g_date_get_day (date);

  if (weekday != G_DATE_TUESDAY && weekday != G_DATE_THURSDAY && weekday != G_DATE_SATURDAY)
    return FALSE;
  if (month == G_DATE_AUGUST && day <= 21)
    return FALSE;
  if ((month == G_DATE_DECEMBER && day >= 24) || (month == G_DATE_JANUARY && day == 1))
    return FALSE;
  return TRUE;
}

static void
list_opening_days (Demo  *demo,
                   guint  years)
{
  GDate date, end;

  acu_date_parse (demo->until, &end);
  date = end;
  g_date_subtract_years (&date, years);
  g_date_add_days (&date, 1);
  demo->first_day = acu_date_format (&date);
  for (; g_date_compare (&date, &end) <= 0; g_date_add_days (&date, 1))
    if (is_opening_day (&date))
      g_ptr_array_add (demo->days, acu_date_format (&date));
}

/* 9:00 to 12:00, and 14:00 to 17:00 except on Saturdays */
static void
opening_time (Demo       *demo,
              const char *day,
              char        time[6])
{
  gboolean afternoon = acu_date_get_weekday (day) != G_DATE_SATURDAY
                       && g_rand_boolean (demo->rand);
  int minutes = g_rand_int_range (demo->rand, 0, 180);

  g_snprintf (time, 6, "%02d:%02d", (afternoon ? 14 : 9) + minutes / 60, minutes % 60);
}

static GArray *
catalogue_ids (AcuStore      *store,
               AcuCatalogue   catalogue,
               GError       **error)
{
  g_autoptr(GPtrArray) entries = acu_catalogue_list (store, catalogue, FALSE, error);
  GArray *ids;

  if (entries == NULL)
    return NULL;
  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < entries->len; i++)
    g_array_append_val (ids, ((AcuCatalogueEntry *) g_ptr_array_index (entries, i))->id);
  return ids;
}

/* The demo's volunteers all have the PIN the unlock page shows */
#define DEMO_PIN "2580"

static gboolean
add_desk_people (Demo    *demo,
                 GError **error)
{
  demo->desk[demo->n_desk++] = acu_store_get_person_id (demo->store);
  for (guint i = 0; i < G_N_ELEMENTS (volunteers); i++)
    {
      gint64 id = acu_desk_person_add (demo->store, volunteers[i], ACU_ROLE_VOLUNTEER, DEMO_PIN, error);

      if (id == 0)
        return FALSE;
      demo->desk[demo->n_desk++] = id;
    }
  return TRUE;
}

/* Social situations, as a social worker would note them: facts only */
static const char *const confidential_notes[] = {
  "Dette de loyer de trois mois ; dossier FSL déposé, réponse attendue.",
  "Séparation récente ; hébergée chez sa sœur en attendant un logement social.",
  "Facture d'énergie impayée ; échéancier négocié avec le fournisseur.",
  "Perte d'emploi en septembre ; ouverture des droits France Travail en cours.",
  "Dossier de surendettement déposé à la Banque de France ; recevable.",
};

/* The members of the household being written, as the food aid needs
 * them */
typedef struct
{
  AcuDemoMember  member[8];
  char           birth[8][11];
  guint          len;
} Members;

/* Adds a member to @members; its id is 0 if it could not be written,
 * and nothing more is written after that */
static void
add_member (Demo        *demo,
            gint64       household_id,
            Members     *members,
            const char  *last_name,
            AcuGender    gender,
            int          min_age,
            int          max_age,
            const char  *informed_on,
            GError     **error)
{
  AcuDemoMember *member = &members->member[members->len];
  g_autofree char *birth = NULL;
  AcuPersonDraft draft = { 0 };

  if (members->len > 0 && members->member[members->len - 1].id == 0)
    return;
  birth = birth_date (demo, min_age, max_age);
  draft.first_name = gender == ACU_GENDER_WOMAN ? pick (demo, women, G_N_ELEMENTS (women))
                                                : pick (demo, men, G_N_ELEMENTS (men));
  draft.last_name = last_name;
  draft.birth_date = birth;
  draft.gender = gender;
  draft.informed_on = informed_on;
  draft.household_id = household_id;
  g_strlcpy (members->birth[members->len], birth, sizeof members->birth[0]);
  member->birth_date = members->birth[members->len];
  member->gender = gender;
  member->id = acu_people_insert_unchecked (demo->store, &draft, demo->now, error);
  members->len++;
}

static AcuGender
any_gender (Demo *demo)
{
  return g_rand_boolean (demo->rand) ? ACU_GENDER_WOMAN : ACU_GENDER_MAN;
}

static gboolean
add_visit (Demo        *demo,
           const char  *day,
           gint64       person_id,
           GError     **error)
{
  gint64 reasons[2];
  char time[6];
  AcuVisitDraft draft = { 0 };

  opening_time (demo, day, time);
  reasons[0] = g_array_index (demo->reasons, gint64,
                              pick_weighted (demo, reason_weights, MIN (demo->reasons->len,
                                                                         G_N_ELEMENTS (reason_weights))));
  draft.n_reasons = 1;
  if (g_rand_int_range (demo->rand, 0, 4) == 0)
    {
      reasons[1] = g_array_index (demo->reasons, gint64,
                                  pick_weighted (demo, reason_weights, MIN (demo->reasons->len,
                                                                             G_N_ELEMENTS (reason_weights))));
      if (reasons[1] != reasons[0])
        draft.n_reasons = 2;
    }
  draft.day = day;
  draft.time = time;
  draft.person_id = person_id;
  draft.reason_ids = reasons;
  if (g_rand_int_range (demo->rand, 0, 8) == 0)
    draft.referral_id = g_array_index (demo->partners, gint64,
                                       pick_weighted (demo, partner_weights, MIN (demo->partners->len,
                                                                                   G_N_ELEMENTS (partner_weights))));
  if (person_id == 0)
    {
      if (g_rand_int_range (demo->rand, 0, 10) < 7)
        draft.anon_gender = g_rand_int_range (demo->rand, ACU_GENDER_WOMAN, ACU_GENDER_OTHER + 1);
      if (g_rand_int_range (demo->rand, 0, 10) < 6)
        draft.anon_age = g_rand_int_range (demo->rand, ACU_AGE_18_29, ACU_N_AGE_BRACKETS);
      if (g_rand_int_range (demo->rand, 0, 10) < 5)
        draft.anon_commune_id = pick_commune (demo);
    }
  return acu_visit_insert_unchecked (demo->store, &draft,
                                     demo->desk[g_rand_int_range (demo->rand, 0, demo->n_desk)],
                                     demo->now, error) != 0;
}

/* One household: its members, then its visits */
static gboolean
add_household (Demo    *demo,
               GError **error)
{
  const char *last = pick (demo, last_names, G_N_ELEMENTS (last_names));
  guint n_days = demo->days->len;
  guint start, span, n_visits, kind, n_children = 0;
  Members members = { 0 };
  gint64 household_id;
  const char *created_on;
  double mean;

  /* Half the households were already known when the data starts; three
   * in five still come today */
  start = g_rand_boolean (demo->rand) ? 0 : g_rand_int_range (demo->rand, 0, n_days);
  if (g_rand_int_range (demo->rand, 0, 5) < 3)
    span = n_days - start;
  else
    span = 1 + g_rand_int_range (demo->rand, 0, n_days - start);
  created_on = g_ptr_array_index (demo->days, start);

  household_id = acu_household_insert_unchecked (demo->store, pick_commune (demo), created_on, demo->now, error);
  if (household_id == 0)
    return FALSE;

  kind = g_rand_int_range (demo->rand, 0, 100);
  if (kind < 36)          /* a person alone */
    add_member (demo, household_id, &members, last, any_gender (demo), 18, 85, created_on, error);
  else if (kind < 48)     /* a couple */
    {
      add_member (demo, household_id, &members, last, ACU_GENDER_WOMAN, 20, 80, created_on, error);
      add_member (demo, household_id, &members, last, ACU_GENDER_MAN, 20, 80, created_on, error);
    }
  else if (kind < 70)     /* a couple with children */
    {
      add_member (demo, household_id, &members, last, ACU_GENDER_WOMAN, 22, 50, created_on, error);
      add_member (demo, household_id, &members, last, ACU_GENDER_MAN, 22, 55, created_on, error);
      n_children = g_rand_int_range (demo->rand, 1, 5);
    }
  else if (kind < 90)     /* a single parent, most often a mother */
    {
      AcuGender parent = g_rand_int_range (demo->rand, 0, 10) < 8 ? ACU_GENDER_WOMAN : ACU_GENDER_MAN;

      add_member (demo, household_id, &members, last, parent, 20, 50, created_on, error);
      n_children = g_rand_int_range (demo->rand, 1, 4);
    }
  else                    /* an adult with an elderly parent */
    {
      add_member (demo, household_id, &members, last, any_gender (demo), 35, 60, created_on, error);
      add_member (demo, household_id, &members, last, any_gender (demo), 75, 95, created_on, error);
    }
  for (guint i = 0; i < n_children; i++)
    add_member (demo, household_id, &members, last, any_gender (demo), 0, 17, NULL, error);
  if (members.member[members.len - 1].id == 0)
    return FALSE;

  /* Its housing and food aid, from the food's own random stream */
  if (!acu_demo_food_add_household (demo->food, household_id, created_on,
                                    g_ptr_array_index (demo->days, start + span - 1),
                                    members.member, members.len, error))
    return FALSE;

  /* One household in forty has a confidential note, sealed with the
   * confidential key of the coordinator who fills the demo */
  if (g_rand_int_range (demo->rand, 0, 40) == 0
      && acu_confidential_add (demo->store, household_id,
                               pick (demo, confidential_notes, G_N_ELEMENTS (confidential_notes)), error) == 0)
    return FALSE;

  /* A visit every twenty-six opening days of its time at the desk on
   * average, drawn from an exponential law: many come a few times, some
   * every week. About 20 visits a household over five years, anonymous
   * ones included. */
  mean = span * 0.039;
  n_visits = 1 + (guint) (-log (1.0 - g_rand_double (demo->rand)) * mean);
  n_visits = MIN (n_visits, span);
  for (guint i = 0; i < n_visits; i++)
    {
      const char *day = g_ptr_array_index (demo->days, start + g_rand_int_range (demo->rand, 0, span));
      /* mostly the first adult */
      gint64 person = g_rand_int_range (demo->rand, 0, 10) < 7
                      ? members.member[0].id
                      : members.member[g_rand_int_range (demo->rand, 0, MIN (members.len, 2))].id;

      if (!add_visit (demo, day, person, error))
        return FALSE;
      /* one anonymous visit for about eight identified ones */
      if (g_rand_int_range (demo->rand, 0, 8) == 0
          && !add_visit (demo, g_ptr_array_index (demo->days, g_rand_int_range (demo->rand, 0, n_days)), 0, error))
        return FALSE;
    }
  return TRUE;
}

/* One transaction */
static gboolean
add_batch (Demo      *demo,
           gboolean   with_desk_people,
           guint      n_households,
           GError   **error)
{
  gboolean ok;

  if (!acu_store_begin (demo->store, error))
    return FALSE;
  ok = !with_desk_people || add_desk_people (demo, error);
  for (guint i = 0; ok && i < n_households; i++)
    ok = add_household (demo, error);
  return acu_sql_finish (demo->store, ok, error);
}

/* One transaction: a week of food aid */
static gboolean
add_food_week (Demo    *demo,
               GError **error)
{
  gboolean ok;

  if (!acu_store_begin (demo->store, error))
    return FALSE;
  ok = acu_demo_food_add_week (demo->food, demo->desk, demo->n_desk, error);
  return acu_sql_finish (demo->store, ok, error);
}

static gboolean
is_empty (AcuStore  *store,
          GError   **error)
{
  sqlite3_stmt *stmt = acu_store_prepare (store,
                                          "SELECT NOT EXISTS (SELECT 1 FROM household) "
                                          "AND NOT EXISTS (SELECT 1 FROM visit)", error);
  gboolean empty;

  if (stmt == NULL)
    return FALSE;
  empty = sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  if (!empty)
    g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID,
                         _("Demo data only goes into a new, empty database."));
  return empty;
}

static void
demo_clear (Demo *demo)
{
  g_clear_pointer (&demo->rand, g_rand_free);
  g_clear_pointer (&demo->days, g_ptr_array_unref);
  g_clear_pointer (&demo->reasons, g_array_unref);
  g_clear_pointer (&demo->partners, g_array_unref);
  g_clear_pointer (&demo->communes, g_array_unref);
  g_clear_pointer (&demo->food, acu_demo_food_free);
  g_clear_pointer (&demo->first_day, g_free);
  g_clear_pointer (&demo->until, g_free);
}

gboolean
acu_demo_fill (AcuStore              *store,
               const AcuDemoOptions  *options,
               AcuDemoProgress        progress,
               gpointer               user_data,
               GCancellable          *cancellable,
               GError               **error)
{
  Demo demo = { 0 };
  gboolean ok = FALSE;
  guint done = 0, n_weeks;

  g_return_val_if_fail (ACU_IS_STORE (store), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);

  if (options->households == 0 || options->households > 1000000
      || options->years == 0 || options->years > 20)
    {
      g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID,
                           _("Demo data needs from 1 to 1,000,000 households and from 1 to 20 years."));
      return FALSE;
    }
  if (options->until != NULL && !acu_date_parse (options->until, NULL))
    {
      g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID,
                           _("The last day of the demo data is not a date."));
      return FALSE;
    }
  if (!acu_store_require_role (store, ACU_ROLE_COORDINATOR, error) || !is_empty (store, error))
    return FALSE;

  demo.store = store;
  demo.rand = g_rand_new_with_seed (options->seed);
  demo.days = g_ptr_array_new_with_free_func (g_free);
  demo.until = options->until ? g_strdup (options->until) : acu_date_today ();
  demo.now = g_get_real_time () / G_USEC_PER_SEC;
  list_opening_days (&demo, options->years);
  if (demo.days->len == 0
      || (demo.reasons = catalogue_ids (store, ACU_CATALOGUE_REASON, error)) == NULL
      || (demo.partners = catalogue_ids (store, ACU_CATALOGUE_PARTNER, error)) == NULL
      || (demo.communes = catalogue_ids (store, ACU_CATALOGUE_COMMUNE, error)) == NULL)
    goto out;
  if (demo.reasons->len == 0 || demo.partners->len == 0 || demo.communes->len == 0)
    {
      g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID,
                           _("Demo data needs reasons, partners and communes in the lists."));
      goto out;
    }
  demo.food = acu_demo_food_new (store, options->seed, demo.first_day, demo.until, error);
  if (demo.food == NULL)
    goto out;

  /* A commit every few hundred households keeps the WAL small; the
   * people of the desk come with the first */
  while (done < options->households)
    {
      guint batch = MIN (HOUSEHOLDS_PER_COMMIT, options->households - done);

      if (!add_batch (&demo, done == 0, batch, error))
        goto out;
      done += batch;
      if (progress != NULL)
        progress (HOUSEHOLDS_SHARE * done / options->households, user_data);
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        goto out;
    }

  /* Then the food aid, a week at a time, in the order of the days: the
   * distributions, what came in and went out */
  n_weeks = acu_demo_food_get_n_weeks (demo.food);
  for (guint week = 1; week <= n_weeks; week++)
    {
      if (!add_food_week (&demo, error))
        goto out;
      if (progress != NULL)
        progress (HOUSEHOLDS_SHARE + (1 - HOUSEHOLDS_SHARE) * week / n_weeks, user_data);
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        goto out;
    }
  ok = TRUE;

out:
  demo_clear (&demo);
  if (done > 0)
    acu_store_changed (store, ACU_AREA_PEOPLE | ACU_AREA_VISITS | ACU_AREA_CONFIDENTIAL | ACU_AREA_DESK_PEOPLE
                              | ACU_AREA_FOOD | ACU_AREA_GOODS);
  return ok;
}
