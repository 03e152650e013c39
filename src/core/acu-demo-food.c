/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "acu-demo"

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gi18n.h>

#include "acu-date.h"
#include "acu-demo-private.h"
#include "acu-food.h"
#include "acu-goods.h"
#include "acu-sql-private.h"
#include "acu-visits-private.h"

/* The demo's food aid: access records for about one household in four,
 * a parcel distribution on Tuesdays and a solidarity grocery on Fridays,
 * the food that comes in and goes out of the store. Everything is drawn
 * from its own GRand in a fixed order, so that a seed gives the same
 * data; the stock is followed in memory so that it never goes below
 * zero. */

enum
{
  CAT_FRUIT_VEG,
  CAT_STARCHY,
  CAT_DAIRY,
  CAT_MEAT,
  CAT_FATS,
  CAT_SWEET_SALTY,
  CAT_DRINKS,
  CAT_BABY,
  CAT_HYGIENE,
  N_CATS
};

static const char *const category_codes[N_CATS] = {
  "fruit-vegetables", "starchy", "dairy", "meat-fish-eggs", "fats", "sweet-salty", "drinks",
  "baby-food", "hygiene",
};

/* What a kg costs the site when it buys it, in cents */
static const gint64 cents_per_kg[N_CATS] = { 220, 160, 130, 850, 320, 420, 90, 1100, 480 };

/* The grocery's shelves: a price a piece and its weight, or a price a
 * kg for what is weighed (grams 0); some for babies only */
static const struct
{
  guint        category;
  const char  *item;
  gint64       price_cents;
  gint64       grams;
  gboolean     baby;
} grocery_items[] = {
  { CAT_FRUIT_VEG, "Pommes", 249, 0 },
  { CAT_FRUIT_VEG, "Pommes de terre", 129, 0 },
  { CAT_FRUIT_VEG, "Carottes", 149, 0 },
  { CAT_FRUIT_VEG, "Bananes", 199, 0 },
  { CAT_FRUIT_VEG, "Tomates pelées 400 g", 95, 400 },
  { CAT_FRUIT_VEG, "Haricots verts en conserve", 119, 440 },
  { CAT_STARCHY, "Pâtes 500 g", 95, 500 },
  { CAT_STARCHY, "Riz long 1 kg", 189, 1000 },
  { CAT_STARCHY, "Farine 1 kg", 89, 1000 },
  { CAT_STARCHY, "Pain de mie", 149, 500 },
  { CAT_STARCHY, "Lentilles 500 g", 169, 500 },
  { CAT_DAIRY, "Lait demi-écrémé 1 L", 99, 1030 },
  { CAT_DAIRY, "Yaourts nature ×8", 189, 1000 },
  { CAT_DAIRY, "Emmental râpé 200 g", 229, 200 },
  { CAT_DAIRY, "Beurre 250 g", 259, 250 },
  { CAT_MEAT, "Œufs ×6", 219, 360 },
  { CAT_MEAT, "Thon au naturel 140 g", 199, 140 },
  { CAT_MEAT, "Sardines à l'huile", 149, 135 },
  { CAT_MEAT, "Jambon ×4 tranches", 269, 160 },
  { CAT_MEAT, "Poulet fermier du Gers", 749, 0 },
  { CAT_FATS, "Huile de tournesol 1 L", 249, 920 },
  { CAT_FATS, "Margarine 500 g", 199, 500 },
  { CAT_SWEET_SALTY, "Sucre 1 kg", 139, 1000 },
  { CAT_SWEET_SALTY, "Biscuits secs", 129, 300 },
  { CAT_SWEET_SALTY, "Confiture de fraises", 219, 370 },
  { CAT_SWEET_SALTY, "Chocolat noir 200 g", 189, 200 },
  { CAT_DRINKS, "Café moulu 250 g", 329, 250 },
  { CAT_DRINKS, "Jus d'orange 1 L", 179, 1050 },
  { CAT_DRINKS, "Eau minérale 6 × 1,5 L", 199, 9000 },
  { CAT_BABY, "Petits pots légumes ×2", 259, 400, TRUE },
  { CAT_BABY, "Lait infantile 2e âge", 1299, 800, TRUE },
  { CAT_HYGIENE, "Savon", 119, 100 },
  { CAT_HYGIENE, "Dentifrice", 179, 75 },
  { CAT_HYGIENE, "Lessive liquide 1,5 L", 549, 1500 },
  { CAT_HYGIENE, "Papier toilette ×6", 259, 600 },
  { CAT_HYGIENE, "Couches taille 4", 1099, 1200, TRUE },
};

/* Who sends households to food aid, and how often (referral partners'
 * codes), with three workers each */
static const struct
{
  const char  *code;
  guint        weight;
  const char  *workers[3];
} referrers[] = {
  { "ccas", 30, { "Claire Duffau", "Nadia Haddad", "Pierre Lalanne" } },
  { "mds", 24, { "Sophie Laborde", "Marc Sempé", "Anne Courrège" } },
  { "msa", 8, { "Isabelle Abadie", "Jean-Marc Baylac", "Élise Dufau" } },
  { "caf", 6, { "Julien Lasserre", "Karima Benmoussa", "Lise Cazaux" } },
  { "france-services", 6, { "Lucie Tournié", "Romain Escoubet", "Marion Pédeboy" } },
  { "secours-catholique", 5, { "Bernadette Soulé", "Jacques Larrieu", "Agnès Labat" } },
  { "secours-populaire", 5, { "Gérard Pujol", "Fatou Diallo", "Yves Sarrade" } },
  { "france-travail", 4, { "Élodie Barrère", "Thomas Ducasse", "Inès Ferreira" } },
  { "mission-locale", 4, { "Kévin Dartigues", "Sarah Lacroix", "Hugo Bégué" } },
  { "croix-rouge", 3, { "Chantal Hélias", "Paul Duffour", "Mireille Daubian" } },
  { "housing", 2, { "Olivier Castaing", "Nathalie Darrigade", "Sylvain Tuchagues" } },
  { "other", 3, { "Martine Lafitte", "Joseph Saint-Martin", "Audrey Lopez" } },
};

typedef enum
{
  MODE_PARCEL,
  MODE_GROCERY,
  MODE_BOTH,
} Mode;

static const char *const mode_codes[] = { "parcel", "grocery", "both" };

/* The two weekly distributions */
static const struct
{
  int          weekday;   /* 1 Monday */
  const char  *start;
  const char  *end;
  guint        opens;     /* minutes after midnight */
  guint        length;    /* minutes */
} rules[] = {
  [MODE_PARCEL] = { 2, "14:00", "17:00", 14 * 60, 180 },
  [MODE_GROCERY] = { 5, "09:30", "12:00", 9 * 60 + 30, 150 },
};

/* How long before the data a household known from its first day may
 * have had access, in days */
#define EARLIEST_ACCESS 180


typedef struct
{
  gint64   id;
  guint16  year;       /* 0: no birth date */
  guint8   month;      /* 0: the year alone */
  guint8   day;
  guint8   gender;     /* AcuGender */
} FoodMember;

typedef struct
{
  gint64    id;
  guint     first_member;
  guint     n_members;
  gboolean  homeless;
  guint32   week;          /* the Monday of the week counted */
  guint     in_week;       /* services in that week */
  guint     month;         /* year × 12 + month of the month counted */
  guint     in_month;
  gint64    spent_cents;   /* participation paid in that month */
} FoodHousehold;

typedef struct
{
  gint64    id;
  guint     household;     /* index in households */
  guint32   start;         /* julian days */
  guint32   end;
  Mode      mode;
  guint     times;
  gboolean  monthly;       /* times a month, or a week */
  gint64    right_cents;   /* -1: parcels only */
  int       rate_bp;
} FoodAccess;

typedef struct
{
  guint32  julian;
  guint    year;
  guint    month;
  guint    dom;
  int      weekday;        /* 1 Monday */
  guint32  monday;
  guint    month_key;
  gint64   midnight;       /* the desk's midnight in UTC seconds (Paris, winter time) */
  char     text[11];
} Day;

/* A household served, before it is written */
typedef struct
{
  guint   access;
  guint   minutes;         /* after the opening */
  guint   first_line;      /* its basket in lines */
  guint   n_lines;
  gint64  grams[N_CATS];
  gint64  shelf_cents;
  gint64  paid_cents;
  guint   persons;
  gint64  person_id;       /* who came */
  gint64  desk_id;
} DayService;

typedef struct
{
  guint   item;
  guint   quantity;        /* 0 when weighed */
  gint64  grams;           /* weighed; 0 otherwise */
  gint64  line_cents;
} DayLine;

struct _AcuDemoFood
{
  AcuStore  *store;
  GRand     *rand;
  guint32    first_day;
  guint32    until;
  guint32    epoch;              /* 1970-01-01 */
  gint64     coordinator;
  gint64     reason_id;          /* food aid */
  gint64     place_id;           /* the food store */
  gint64     categories[N_CATS];
  gint64     preset[7][N_CATS];  /* grams by persons, 1 to 6 */
  gint64     partners[G_N_ELEMENTS (referrers)];
  AcuFoodSettings settings;

  GArray    *households;         /* FoodHousehold */
  GArray    *members;            /* FoodMember */
  GArray    *accesses;           /* FoodAccess */
  GArray    *by_start;           /* guint: accesses by start day */
  guint      next_start;
  GArray    *active;             /* guint: accesses begun, not yet ended */

  guint32    week;               /* the Monday of the next week */
  guint      n_weeks;
  gboolean   started;
  gint64     rule_ids[2];
  gint64     stock[N_CATS];
  gint64     need[N_CATS];       /* grams out a week, a moving average */
  gint64     out_week[N_CATS];
  guint      lot;                /* FSE+ lots received */

  char      *served_sql[N_CATS + 1];  /* by number of categories */
  GArray    *services;           /* DayService, of the day */
  GArray    *lines;              /* DayLine, of the day */
};

/* Helpers */

static guint
pick_weighted_referrer (GRand *rand)
{
  guint total = 0, r;

  for (guint i = 0; i < G_N_ELEMENTS (referrers); i++)
    total += referrers[i].weight;
  r = g_rand_int_range (rand, 0, total);
  for (guint i = 0; i < G_N_ELEMENTS (referrers); i++)
    {
      if (r < referrers[i].weight)
        return i;
      r -= referrers[i].weight;
    }
  return 0;
}

static guint32
julian_of (const char *text)
{
  GDate date;

  if (!acu_date_parse (text, &date))
    return 0;
  return g_date_get_julian (&date);
}

static void
day_init (AcuDemoFood *food,
          Day         *day,
          guint32      julian)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  day->julian = julian;
  day->year = g_date_get_year (&date);
  day->month = g_date_get_month (&date);
  day->dom = g_date_get_day (&date);
  day->weekday = g_date_get_weekday (&date);
  day->monday = julian - (day->weekday - 1);
  day->month_key = day->year * 12 + day->month - 1;
  day->midnight = (gint64) (julian - food->epoch) * 86400 - 3600;
  g_snprintf (day->text, sizeof day->text, "%04u-%02u-%02u", day->year, day->month, day->dom);
}

/* The day before the same day @months later (the end of the month when
 * it has no such day): 3 months from 2025-03-04 end on 2025-06-03 */
static guint32
add_months (guint32 julian,
            guint   months)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  g_date_add_months (&date, months);
  return g_date_get_julian (&date) - 1;
}

/* The age in whole years on @day, as the reports count it (a birth year
 * alone is the 1st of July); -1 when not stated, -2 when not born yet */
static int
age_on (const FoodMember *member,
        const Day        *day)
{
  guint month = member->month ? member->month : 7;
  guint dom = member->month ? member->day : 1;
  int age;

  if (member->year == 0)
    return -1;
  if (member->year > day->year
      || (member->month != 0 && member->year == day->year
          && (member->month > day->month || (member->month == day->month && member->day > day->dom))))
    return -2;
  age = (int) day->year - member->year - (day->month < month || (day->month == month && day->dom < dom));
  return MAX (age, 0);
}

static FoodMember *
household_members (AcuDemoFood         *food,
                   const FoodHousehold *household)
{
  return &g_array_index (food->members, FoodMember, household->first_member);
}

/* Reading what the schema set up */

static gint64
query_int64 (AcuStore    *store,
             const char  *sql,
             const char  *code,
             GError     **error)
{
  sqlite3_stmt *stmt = acu_store_prepare (store, sql, error);
  gint64 value = 0;

  if (stmt == NULL)
    return -1;
  if (code != NULL)
    acu_sql_bind_text (stmt, ":code", code);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return value;
}

static gboolean
read_schema (AcuDemoFood  *food,
             GError      **error)
{
  food->reason_id = query_int64 (food->store, "SELECT id FROM reason WHERE code = :code", "food-aid", error);
  if (food->reason_id < 0)
    return FALSE;
  for (guint i = 0; i < N_CATS; i++)
    if ((food->categories[i] = query_int64 (food->store, "SELECT id FROM goods_category WHERE code = :code",
                                            category_codes[i], error)) < 0)
      return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (referrers); i++)
    if ((food->partners[i] = query_int64 (food->store, "SELECT id FROM referral_partner WHERE code = :code",
                                          referrers[i].code, error)) < 0)
      return FALSE;
  if (food->reason_id == 0)
    {
      g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID,
                           _("Demo data needs reasons, partners and communes in the lists."));
      return FALSE;
    }
  for (guint i = 0; i < N_CATS; i++)
    if (food->categories[i] == 0)
      {
        g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID,
                             _("Demo data needs reasons, partners and communes in the lists."));
        return FALSE;
      }

  /* What the food-aid core says of the rights, the place, the parcels */
  if (!acu_food_get_settings (food->store, &food->settings, error)
      || (food->place_id = acu_goods_get_food_place (food->store, error)) == 0)
    return FALSE;
  /* a database's own rate, if it is one a basket can be paid at */
  if (food->settings.rate_bp <= 0 || food->settings.rate_bp > 10000)
    food->settings.rate_bp = 2000;
  for (guint persons = 1; persons <= 6; persons++)
    {
      g_autoptr(GArray) preset = acu_food_parcel_preset (food->store, persons, error);

      if (preset == NULL)
        return FALSE;
      for (guint i = 0; i < preset->len; i++)
        for (guint c = 0; c < N_CATS; c++)
          if (food->categories[c] == g_array_index (preset, AcuFoodWeight, i).category_id)
            food->preset[persons][c] = g_array_index (preset, AcuFoodWeight, i).grams;
    }
  return TRUE;
}

/* Households and their access */

static gboolean
set_housing (AcuDemoFood  *food,
             gint64        household_id,
             const char   *housing,
             GError      **error)
{
  sqlite3_stmt *stmt = acu_store_prepare (food->store, "UPDATE household SET housing = :housing WHERE id = :id", error);

  if (stmt == NULL)
    return FALSE;
  acu_sql_bind_text (stmt, ":housing", housing);
  acu_sql_bind_int64 (stmt, ":id", household_id);
  return acu_store_step_done (food->store, stmt, error);
}

/* The grocery right a month by the rule of the settings, from the
 * members born by @day: one adult, two or more, and each child */
static gint64
right_by_rule (AcuDemoFood         *food,
               const FoodHousehold *household,
               const Day           *day)
{
  const FoodMember *members = household_members (food, household);
  AcuFoodHousehold counted = { 0 };

  for (guint i = 0; i < household->n_members; i++)
    {
      int age = age_on (&members[i], day);

      if (age == -2)
        continue;
      counted.persons++;
      if (age >= 0 && age < 18)
        counted.children++;
      else
        counted.adults++;
    }
  return acu_food_right_by_rule (&food->settings, &counted);
}

static gint64
insert_access (AcuDemoFood       *food,
               const FoodAccess  *access,
               gint64             household_id,
               gint64             follows_id,
               guint              referrer,
               const char        *worker,
               GError           **error)
{
  sqlite3_stmt *stmt;
  Day start, end;

  day_init (food, &start, access->start);
  day_init (food, &end, access->end);
  stmt = acu_store_prepare (food->store,
                            "INSERT INTO food_access (household_id, follows_id, partner_id, worker, start_day, "
                            "end_day, mode, times, period, right_cents, right_by_hand, rate_bp, created_by, "
                            "created_at) VALUES (:household, :follows, :partner, :worker, :start, :end, :mode, "
                            ":times, :period, :right, 0, :rate, :by, :at)", error);
  if (stmt == NULL)
    return 0;
  acu_sql_bind_int64 (stmt, ":household", household_id);
  acu_sql_bind_id (stmt, ":follows", follows_id);
  acu_sql_bind_id (stmt, ":partner", food->partners[referrer]);
  acu_sql_bind_text (stmt, ":worker", worker);
  acu_sql_bind_text (stmt, ":start", start.text);
  acu_sql_bind_text (stmt, ":end", end.text);
  acu_sql_bind_text (stmt, ":mode", mode_codes[access->mode]);
  acu_sql_bind_int (stmt, ":times", access->times);
  acu_sql_bind_text (stmt, ":period", access->monthly ? "month" : "week");
  if (access->right_cents >= 0)
    acu_sql_bind_int64 (stmt, ":right", access->right_cents);
  else
    acu_sql_bind_null (stmt, ":right");
  acu_sql_bind_int (stmt, ":rate", access->rate_bp);
  acu_sql_bind_id (stmt, ":by", food->coordinator);
  /* written at the desk that morning */
  acu_sql_bind_int64 (stmt, ":at", start.midnight + 10 * 3600);
  if (!acu_store_step_done (food->store, stmt, error))
    return 0;
  return sqlite3_last_insert_rowid (acu_store_get_db (food->store));
}

/* Mostly parcels, some grocery, some both; mostly once a week, some
 * twice a month; 20 % participation, some 10 or 30 % */
static void
draw_terms (AcuDemoFood *food,
            FoodAccess  *access)
{
  guint r = g_rand_int_range (food->rand, 0, 100);

  access->mode = r < 60 ? MODE_PARCEL : r < 85 ? MODE_GROCERY : MODE_BOTH;
  if (g_rand_int_range (food->rand, 0, 100) < 80)
    {
      access->times = 1;
      access->monthly = FALSE;
    }
  else
    {
      access->times = 2;
      access->monthly = TRUE;
    }
  r = g_rand_int_range (food->rand, 0, 100);
  access->rate_bp = r < 80 ? food->settings.rate_bp : r < 90 ? 1000 : 3000;
}

static gboolean
add_accesses (AcuDemoFood    *food,
              guint           household,
              guint32         first_seen,
              guint32         last_seen,
              GError        **error)
{
  FoodHousehold *h = &g_array_index (food->households, FoodHousehold, household);
  guint referrer = pick_weighted_referrer (food->rand);
  const char *worker = referrers[referrer].workers[g_rand_int_range (food->rand, 0, 3)];
  gint64 follows = 0;
  FoodAccess access = { 0 };
  guint32 start;
  Day day;

  /* The first record starts on a weekday of its time at the desk; for a
   * household known when the data starts, maybe in the six months
   * before, so that the first distributions are not empty */
  if (first_seen < food->first_day + 7)
    first_seen -= EARLIEST_ACCESS;
  start = first_seen + g_rand_int_range (food->rand, 0, last_seen - first_seen + 1);
  day_init (food, &day, start);
  if (day.weekday >= 6 && start + (8 - day.weekday) <= last_seen)
    start += 8 - day.weekday;
  draw_terms (food, &access);

  for (;;)
    {
      access.household = household;
      access.start = start;
      access.end = add_months (start, g_rand_int_range (food->rand, 0, 100) < 55 ? 3 : 6);
      day_init (food, &day, start);
      access.right_cents = access.mode == MODE_PARCEL ? -1 : right_by_rule (food, h, &day);
      /* one record in twenty names no worker */
      access.id = insert_access (food, &access, h->id, follows,
                                 referrer, g_rand_int_range (food->rand, 0, 20) == 0 ? NULL : worker, error);
      if (access.id == 0)
        return FALSE;
      g_array_append_val (food->accesses, access);
      follows = access.id;

      /* Renewed while the household still comes, half the time; most
       * renewals start the next day, some weeks later */
      if (access.end >= food->until || access.end >= last_seen
          || g_rand_int_range (food->rand, 0, 100) >= 50)
        break;
      start = access.end + 1;
      if (g_rand_int_range (food->rand, 0, 4) == 0)
        start += 7 * g_rand_int_range (food->rand, 1, 9);
      if (start > food->until)
        break;
      if (g_rand_int_range (food->rand, 0, 5) == 0)
        {
          referrer = pick_weighted_referrer (food->rand);
          worker = referrers[referrer].workers[g_rand_int_range (food->rand, 0, 3)];
        }
      if (g_rand_int_range (food->rand, 0, 7) == 0)
        draw_terms (food, &access);
    }
  return TRUE;
}

gboolean
acu_demo_food_add_household (AcuDemoFood          *food,
                             gint64                household_id,
                             const char           *first_seen,
                             const char           *last_seen,
                             const AcuDemoMember  *members,
                             guint                 n_members,
                             GError              **error)
{
  gboolean access = g_rand_int_range (food->rand, 0, 100) < 25;
  guint r = g_rand_int_range (food->rand, 0, 100);
  const char *housing;
  FoodHousehold household = { 0 };

  /* Housing, as the desk noted it; more precarious among households
   * that need food aid */
  if (access)
    housing = r < 6 ? "homeless" : r < 28 ? "precarious" : r < 94 ? "housed" : NULL;
  else
    housing = r < 1 ? "homeless" : r < 9 ? "precarious" : r < 91 ? "housed" : NULL;
  if (housing != NULL && !set_housing (food, household_id, housing, error))
    return FALSE;
  if (!access || n_members == 0)
    return TRUE;

  household.id = household_id;
  household.first_member = food->members->len;
  household.n_members = n_members;
  household.homeless = g_strcmp0 (housing, "homeless") == 0;
  for (guint i = 0; i < n_members; i++)
    {
      FoodMember member = { members[i].id, 0, 0, 0, members[i].gender };
      const char *birth = members[i].birth_date;

      if (birth != NULL && strlen (birth) >= 4)
        {
          member.year = atoi (birth);
          if (strlen (birth) == 10)
            {
              member.month = atoi (birth + 5);
              member.day = atoi (birth + 8);
            }
        }
      g_array_append_val (food->members, member);
    }
  g_array_append_val (food->households, household);
  return add_accesses (food, food->households->len - 1, julian_of (first_seen), julian_of (last_seen), error);
}

/* Goods */

static gboolean
insert_movement (AcuDemoFood  *food,
                 const Day    *day,
                 guint         category,
                 int           direction,
                 const char   *reason,
                 const char   *source,
                 gint64        grams,
                 gint64        value_cents,
                 gint64        household_id,
                 gint64        service_id,
                 const char   *lot,
                 const char   *expiry,
                 gint64        recorded_by,
                 GError      **error)
{
  sqlite3_stmt *stmt;

  stmt = acu_store_prepare (food->store,
                            "INSERT INTO goods_movement (day, place_id, category_id, direction, reason, source, "
                            "pieces, grams, estimated, value_cents, household_id, service_id, lot, expiry, "
                            "recorded_by, created_at) VALUES (:day, :place, :category, :direction, :reason, "
                            ":source, 0, :grams, 0, :value, :household, :service, :lot, :expiry, :by, :at)", error);
  if (stmt == NULL)
    return FALSE;
  acu_sql_bind_text (stmt, ":day", day->text);
  acu_sql_bind_int64 (stmt, ":place", food->place_id);
  acu_sql_bind_int64 (stmt, ":category", food->categories[category]);
  acu_sql_bind_int (stmt, ":direction", direction);
  acu_sql_bind_text (stmt, ":reason", reason);
  acu_sql_bind_text (stmt, ":source", source);
  acu_sql_bind_int64 (stmt, ":grams", grams);
  if (value_cents >= 0)
    acu_sql_bind_int64 (stmt, ":value", value_cents);
  else
    acu_sql_bind_null (stmt, ":value");
  acu_sql_bind_id (stmt, ":household", household_id);
  acu_sql_bind_id (stmt, ":service", service_id);
  acu_sql_bind_text (stmt, ":lot", lot);
  acu_sql_bind_text (stmt, ":expiry", expiry);
  acu_sql_bind_id (stmt, ":by", recorded_by);
  acu_sql_bind_int64 (stmt, ":at", day->midnight + 11 * 3600);
  if (!acu_store_step_done (food->store, stmt, error))
    return FALSE;
  food->stock[category] += direction * grams;
  return TRUE;
}

/* Food in, rounded to 100 g, in movements of a lorry at most; @value:
 * whether its value is known (bought, or declared by the programme) */
static gboolean
receive (AcuDemoFood  *food,
         const Day    *day,
         guint         category,
         const char   *reason,
         const char   *source,
         gint64        grams,
         gboolean      value,
         const char   *lot,
         const char   *expiry,
         GError      **error)
{
  grams = (grams + 50) / 100 * 100;
  while (grams > 0)
    {
      /* a lorry at most a movement */
      gint64 part = MIN (grams, ACU_GOODS_MAX_GRAMS);

      if (!insert_movement (food, day, category, 1, reason, source, part,
                            value ? part * cents_per_kg[category] / 1000 : -1, 0, 0, lot, expiry,
                            food->coordinator, error))
        return FALSE;
      grams -= part;
    }
  return TRUE;
}

/* A fraction of a week's need, @low to @high percent */
static gint64
share_of_need (AcuDemoFood *food,
               guint        category,
               guint        low,
               guint        high)
{
  return food->need[category] * g_rand_int_range (food->rand, low, high + 1) / 100;
}

/* Monday: the Banque alimentaire's delivery, ordered to bring the store
 * back to about a week and a half of need */
static gboolean
receive_banque_alimentaire (AcuDemoFood  *food,
                            const Day    *day,
                            GError      **error)
{
  for (guint c = 0; c < N_CATS; c++)
    {
      gint64 wanted = food->need[c] * 3 / 2 - food->stock[c];

      if (c == CAT_BABY || wanted <= 0)
        continue;
      if (!receive (food, day, c, "delivery", "banque-alimentaire",
                    wanted * g_rand_int_range (food->rand, 70, 91) / 100, FALSE, NULL, NULL, error))
        return FALSE;
    }
  return TRUE;
}

/* Every other month: the European programme's products, with their lot
 * and best-before date */
static gboolean
receive_fse_plus (AcuDemoFood  *food,
                  const Day    *day,
                  GError      **error)
{
  static const guint categories[] = { CAT_STARCHY, CAT_DAIRY, CAT_MEAT, CAT_FATS, CAT_FRUIT_VEG };

  for (guint i = 0; i < G_N_ELEMENTS (categories); i++)
    {
      g_autofree char *lot = g_strdup_printf ("FSE+ %04u-%03u", day->year, ++food->lot);
      Day expiry;

      day_init (food, &expiry, day->julian + g_rand_int_range (food->rand, 180, 541));
      if (!receive (food, day, categories[i], "delivery", "fse-plus",
                    share_of_need (food, categories[i], 40, 70), TRUE, lot, expiry.text, error))
        return FALSE;
    }
  return TRUE;
}

/* The national collection (last weekend of November) and the spring one
 * (early April): dry goods, hygiene, baby food */
static gboolean
receive_collection (AcuDemoFood  *food,
                    const Day    *day,
                    GError      **error)
{
  static const guint categories[] = { CAT_STARCHY, CAT_MEAT, CAT_FATS, CAT_SWEET_SALTY, CAT_BABY, CAT_HYGIENE };

  for (guint i = 0; i < G_N_ELEMENTS (categories); i++)
    if (!receive (food, day, categories[i], "collection", "collection",
                  MAX (share_of_need (food, categories[i], 150, 250), 20000), FALSE, NULL, NULL, error))
      return FALSE;
  return TRUE;
}

/* Wednesday, one week in two: what the supermarkets and a market
 * gardener give */
static gboolean
receive_donation (AcuDemoFood  *food,
                  const Day    *day,
                  GError      **error)
{
  static const guint categories[] = { CAT_FRUIT_VEG, CAT_DAIRY, CAT_STARCHY };

  for (guint i = 0; i < G_N_ELEMENTS (categories); i++)
    if (!receive (food, day, categories[i], "donation", "donation",
                  MAX (share_of_need (food, categories[i], 5, 15), 3000), FALSE, NULL, NULL, error))
      return FALSE;
  return TRUE;
}

/* The first Thursday of the month: fresh food and hygiene bought */
static gboolean
receive_purchase (AcuDemoFood  *food,
                  const Day    *day,
                  GError      **error)
{
  static const guint categories[] = { CAT_FRUIT_VEG, CAT_DAIRY, CAT_MEAT, CAT_HYGIENE };

  for (guint i = 0; i < G_N_ELEMENTS (categories); i++)
    if (!receive (food, day, categories[i], "purchase", "purchase",
                  share_of_need (food, categories[i], 20, 40), TRUE, NULL, NULL, error))
      return FALSE;
  return TRUE;
}

/* Some days: fresh food past its date, a torn bag or a broken bottle */
static gboolean
record_loss (AcuDemoFood  *food,
             const Day    *day,
             GError      **error)
{
  gboolean expired = g_rand_boolean (food->rand);
  static const guint perishable[] = { CAT_FRUIT_VEG, CAT_DAIRY, CAT_MEAT };
  static const guint breakable[] = { CAT_STARCHY, CAT_DRINKS, CAT_SWEET_SALTY, CAT_FATS };
  guint category = expired ? perishable[g_rand_int_range (food->rand, 0, G_N_ELEMENTS (perishable))]
                           : breakable[g_rand_int_range (food->rand, 0, G_N_ELEMENTS (breakable))];
  gint64 grams = food->stock[category] * g_rand_int_range (food->rand, 5, 21) / 1000;

  grams = MIN ((MAX (grams, 500) + 50) / 100 * 100, food->stock[category]);
  if (grams <= 0)
    return TRUE;
  return insert_movement (food, day, category, -1, expired ? "expired" : "damaged", "", grams, -1, 0, 0,
                          NULL, NULL, food->coordinator, error);
}

/* Distributions */

static gboolean
insert_rules (AcuDemoFood  *food,
              GError      **error)
{
  Day first;

  day_init (food, &first, food->first_day);
  for (Mode mode = MODE_PARCEL; mode <= MODE_GROCERY; mode++)
    {
      sqlite3_stmt *stmt = acu_store_prepare (food->store,
                                              "INSERT INTO food_rule (weekday, start_time, end_time, mode, "
                                              "from_day, until_day, created_at) VALUES (:weekday, :start, :end, "
                                              ":mode, :from, NULL, :at)", error);

      if (stmt == NULL)
        return FALSE;
      acu_sql_bind_int (stmt, ":weekday", rules[mode].weekday);
      acu_sql_bind_text (stmt, ":start", rules[mode].start);
      acu_sql_bind_text (stmt, ":end", rules[mode].end);
      acu_sql_bind_text (stmt, ":mode", mode_codes[mode]);
      acu_sql_bind_text (stmt, ":from", first.text);
      acu_sql_bind_int64 (stmt, ":at", first.midnight + 9 * 3600);
      if (!acu_store_step_done (food->store, stmt, error))
        return FALSE;
      food->rule_ids[mode] = sqlite3_last_insert_rowid (acu_store_get_db (food->store));
    }
  return TRUE;
}

static gint64
insert_day (AcuDemoFood  *food,
            const Day    *day,
            Mode          mode,
            gboolean      closed,
            GError      **error)
{
  sqlite3_stmt *stmt = acu_store_prepare (food->store,
                                          "INSERT INTO food_day (day, start_time, end_time, mode, rule_id, closed) "
                                          "VALUES (:day, :start, :end, :mode, :rule, :closed)", error);

  if (stmt == NULL)
    return 0;
  acu_sql_bind_text (stmt, ":day", day->text);
  acu_sql_bind_text (stmt, ":start", rules[mode].start);
  acu_sql_bind_text (stmt, ":end", rules[mode].end);
  acu_sql_bind_text (stmt, ":mode", mode_codes[mode]);
  acu_sql_bind_int64 (stmt, ":rule", food->rule_ids[mode]);
  acu_sql_bind_int (stmt, ":closed", closed);
  if (!acu_store_step_done (food->store, stmt, error))
    return 0;
  return sqlite3_last_insert_rowid (acu_store_get_db (food->store));
}

/* Closed between Christmas and New Year, and on public holidays */
static gboolean
is_closure (const Day *day)
{
  static const guint holidays[][2] = { { 5, 1 }, { 5, 8 }, { 7, 14 }, { 8, 15 }, { 11, 1 }, { 11, 11 } };

  if ((day->month == 12 && day->dom >= 24) || (day->month == 1 && day->dom == 1))
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (holidays); i++)
    if (day->month == holidays[i][0] && day->dom == holidays[i][1])
      return TRUE;
  return FALSE;
}

/* The household's counts of the week and the month of @day */
static void
household_follow (FoodHousehold *household,
                  const Day     *day)
{
  if (household->week != day->monday)
    {
      household->week = day->monday;
      household->in_week = 0;
    }
  if (household->month != day->month_key)
    {
      household->month = day->month_key;
      household->in_month = 0;
      household->spent_cents = 0;
    }
}

/* A basket within what is left of the month's right: a share of the
 * right this time, in items of the shelves. FALSE if nothing fits. */
static gboolean
fill_basket (AcuDemoFood          *food,
             const FoodAccess     *access,
             const FoodHousehold  *household,
             gboolean              infant,
             DayService           *service)
{
  gint64 left = access->right_cents - household->spent_cents;
  gint64 share = access->right_cents * (access->monthly ? g_rand_int_range (food->rand, 40, 56)
                                                        : g_rand_int_range (food->rand, 22, 33)) / 100;
  gint64 shelf_target = MIN (left, share) * 10000 / access->rate_bp;

  service->first_line = food->lines->len;
  service->n_lines = 0;
  service->shelf_cents = 0;
  for (guint attempt = 0; attempt < 30 && service->shelf_cents < shelf_target; attempt++)
    {
      guint item = g_rand_int_range (food->rand, 0, G_N_ELEMENTS (grocery_items));
      DayLine line = { item, 0, 0, 0 };
      gboolean taken = FALSE;

      if (grocery_items[item].baby && !infant)
        continue;
      for (guint i = 0; i < service->n_lines && !taken; i++)
        taken = g_array_index (food->lines, DayLine, service->first_line + i).item == item;
      if (taken)
        continue;
      if (grocery_items[item].grams == 0)
        {
          /* weighed: a price a kg */
          line.grams = 50 * g_rand_int_range (food->rand, 10, 41);
          line.line_cents = (grocery_items[item].price_cents * line.grams + 500) / 1000;
        }
      else
        {
          line.quantity = g_rand_int_range (food->rand, 0, 4) == 0 ? 2 : 1;
          line.line_cents = grocery_items[item].price_cents * line.quantity;
        }
      if (service->shelf_cents + line.line_cents > shelf_target)
        continue;
      g_array_append_val (food->lines, line);
      service->n_lines++;
      service->shelf_cents += line.line_cents;
      service->grams[grocery_items[item].category] += line.grams ? line.grams
                                                                 : line.quantity * grocery_items[item].grams;
    }
  if (service->n_lines == 0)
    {
      memset (service->grams, 0, sizeof service->grams);
      return FALSE;
    }
  /* the household pays its rate of the shelf price, to the nearest cent */
  service->paid_cents = acu_food_participation (service->shelf_cents, access->rate_bp);
  return TRUE;
}

/* The standard parcel for the household's size, give or take 15 % by
 * category as the shelves allow, to 10 g */
static void
fill_parcel (AcuDemoFood *food,
             DayService  *service)
{
  guint size = MIN (service->persons, 6);

  for (guint c = 0; c < N_CATS; c++)
    service->grams[c] = (food->preset[size][c] * g_rand_int_range (food->rand, 8500, 11501) / 10000 + 5) / 10 * 10;
}

/* Who of the household comes, and whether it is served today */
static gboolean
draw_service (AcuDemoFood  *food,
              const Day    *day,
              Mode          mode,
              guint         access_index,
              const gint64 *desk,
              guint         n_desk,
              DayService   *service)
{
  const FoodAccess *access = &g_array_index (food->accesses, FoodAccess, access_index);
  FoodHousehold *household = &g_array_index (food->households, FoodHousehold, access->household);
  const FoodMember *members = household_members (food, household);
  gint64 adults[2] = { 0, 0 };
  gboolean infant = FALSE;
  int chance;

  household_follow (household, day);
  if ((access->monthly ? household->in_month : household->in_week) >= access->times)
    return FALSE;
  if (access->monthly)
    chance = 45;
  else if (access->mode == MODE_BOTH)
    chance = mode == MODE_PARCEL ? 30 : 80;
  else
    chance = 85;
  if (g_rand_int_range (food->rand, 0, 100) >= chance)
    return FALSE;

  memset (service, 0, sizeof *service);
  service->access = access_index;
  for (guint i = 0; i < household->n_members; i++)
    {
      int age = age_on (&members[i], day);

      if (age == -2)
        continue;
      service->persons++;
      if (age >= 0 && age <= 3)
        infant = TRUE;
      if ((age < 0 || age >= 18) && adults[0] == 0)
        adults[0] = members[i].id;
      else if ((age < 0 || age >= 18) && adults[1] == 0)
        adults[1] = members[i].id;
    }
  if (service->persons == 0 || adults[0] == 0)
    return FALSE;

  if (mode == MODE_GROCERY)
    {
      if (!fill_basket (food, access, household, infant, service))
        return FALSE;
    }
  else
    fill_parcel (food, service);

  /* Mostly the first adult; the second one time in five */
  service->person_id = adults[1] != 0 && g_rand_int_range (food->rand, 0, 5) == 0 ? adults[1] : adults[0];
  /* A queue at the opening: earlier times more often */
  service->minutes = MIN (g_rand_int_range (food->rand, 0, rules[mode].length),
                          g_rand_int_range (food->rand, 0, rules[mode].length));
  service->desk_id = n_desk > 1 ? desk[g_rand_int_range (food->rand, 1, n_desk)] : desk[0];

  household->in_week++;
  household->in_month++;
  household->spent_cents += service->paid_cents;
  return TRUE;
}

static int
compare_services (gconstpointer a,
                  gconstpointer b)
{
  const DayService *x = a, *y = b;

  if (x->minutes != y->minutes)
    return x->minutes < y->minutes ? -1 : 1;
  return x->access < y->access ? -1 : x->access > y->access;
}

/* What a service takes out of the store: a movement a category, in one
 * statement, so that the pages the ledger's trigger changes go once into
 * the statement journal rather than once a row */
static gboolean
serve_out (AcuDemoFood       *food,
           const Day         *day,
           gint64             household_id,
           gint64             service_id,
           const DayService  *service,
           GError           **error)
{
  sqlite3_stmt *stmt;
  guint n = 0;

  for (guint c = 0; c < N_CATS; c++)
    n += service->grams[c] > 0;
  if (n == 0)
    return TRUE;
  if (food->served_sql[n] == NULL)
    {
      GString *sql = g_string_new ("INSERT INTO goods_movement (day, place_id, category_id, direction, reason, "
                                   "source, pieces, grams, estimated, value_cents, household_id, service_id, "
                                   "recorded_by, created_at) VALUES ");

      for (guint i = 1; i <= n; i++)
        g_string_append_printf (sql, "%s(:day, :place, :category%u, -1, 'served', '', 0, :grams%u, 0, NULL, "
                                "        :household, :service, :by, :at)", i > 1 ? ", " : "", i, i);
      food->served_sql[n] = g_string_free (sql, FALSE);
    }
  stmt = acu_store_prepare (food->store, food->served_sql[n], error);
  if (stmt == NULL)
    return FALSE;
  acu_sql_bind_text (stmt, ":day", day->text);
  acu_sql_bind_int64 (stmt, ":place", food->place_id);
  acu_sql_bind_int64 (stmt, ":household", household_id);
  acu_sql_bind_int64 (stmt, ":service", service_id);
  acu_sql_bind_int64 (stmt, ":by", service->desk_id);
  acu_sql_bind_int64 (stmt, ":at", day->midnight + 11 * 3600);
  n = 0;
  for (guint c = 0; c < N_CATS; c++)
    {
      char name[16];

      if (service->grams[c] <= 0)
        continue;
      n++;
      g_snprintf (name, sizeof name, ":category%u", n);
      acu_sql_bind_int64 (stmt, name, food->categories[c]);
      g_snprintf (name, sizeof name, ":grams%u", n);
      acu_sql_bind_int64 (stmt, name, service->grams[c]);
      food->stock[c] -= service->grams[c];
      food->out_week[c] += service->grams[c];
    }
  return acu_store_step_done (food->store, stmt, error);
}

static gboolean
write_service (AcuDemoFood       *food,
               const Day         *day,
               Mode               mode,
               gint64             food_day_id,
               const DayService  *service,
               GError           **error)
{
  const FoodAccess *access = &g_array_index (food->accesses, FoodAccess, service->access);
  const FoodHousehold *household = &g_array_index (food->households, FoodHousehold, access->household);
  const FoodMember *members = household_members (food, household);
  guint minutes = rules[mode].opens + service->minutes;
  gint64 at = day->midnight + minutes * 60;
  char time[6];
  AcuVisitDraft draft = { 0 };
  sqlite3_stmt *stmt;
  gint64 visit_id, service_id;

  /* The visit, with its food-aid reason, as the desk logs it */
  g_snprintf (time, sizeof time, "%02u:%02u", minutes / 60, minutes % 60);
  draft.day = day->text;
  draft.time = time;
  draft.person_id = service->person_id;
  draft.reason_ids = &food->reason_id;
  draft.n_reasons = 1;
  visit_id = acu_visit_insert_unchecked (food->store, &draft, service->desk_id, at, error);
  if (visit_id == 0)
    return FALSE;

  stmt = acu_store_prepare (food->store,
                            "INSERT INTO food_service (day, household_id, mode, food_day_id, access_id, visit_id, "
                            "persons, value_cents, shelf_cents, paid_cents, served_by, created_at) "
                            "VALUES (:day, :household, :mode, :food_day, :access, :visit, :persons, :value, "
                            ":shelf, :paid, :by, :at)", error);
  if (stmt == NULL)
    return FALSE;
  acu_sql_bind_text (stmt, ":day", day->text);
  acu_sql_bind_int64 (stmt, ":household", household->id);
  acu_sql_bind_text (stmt, ":mode", mode_codes[mode]);
  acu_sql_bind_int64 (stmt, ":food_day", food_day_id);
  acu_sql_bind_int64 (stmt, ":access", access->id);
  acu_sql_bind_int64 (stmt, ":visit", visit_id);
  acu_sql_bind_int (stmt, ":persons", service->persons);
  if (mode == MODE_GROCERY)
    acu_sql_bind_int64 (stmt, ":value", service->shelf_cents);
  else
    acu_sql_bind_null (stmt, ":value");
  acu_sql_bind_int64 (stmt, ":shelf", service->shelf_cents);
  acu_sql_bind_int64 (stmt, ":paid", service->paid_cents);
  acu_sql_bind_int64 (stmt, ":by", service->desk_id);
  acu_sql_bind_int64 (stmt, ":at", at);
  if (!acu_store_step_done (food->store, stmt, error))
    return FALSE;
  service_id = sqlite3_last_insert_rowid (acu_store_get_db (food->store));

  /* The household as it was that day; the sensitive flags are not
   * recorded (their settings are off) */
  for (guint i = 0; i < household->n_members; i++)
    {
      int age = age_on (&members[i], day);
      const char *bracket;

      if (age == -2)
        continue;
      bracket = age < 0 ? NULL : acu_age_bracket_to_string (acu_age_bracket_for_age (age));
      stmt = acu_store_prepare (food->store,
                                "INSERT INTO food_service_person (service_id, person_id, day, age, gender, disabled, "
                                "third_country, foreign_background, homeless) VALUES (:service, :person, :day, :age, "
                                ":gender, NULL, NULL, NULL, :homeless)", error);
      if (stmt == NULL)
        return FALSE;
      acu_sql_bind_int64 (stmt, ":service", service_id);
      acu_sql_bind_int64 (stmt, ":person", members[i].id);
      acu_sql_bind_text (stmt, ":day", day->text);
      acu_sql_bind_text (stmt, ":age", bracket ? bracket : "");
      acu_sql_bind_text (stmt, ":gender", acu_gender_to_string (members[i].gender));
      acu_sql_bind_int (stmt, ":homeless", household->homeless);
      if (!acu_store_step_done (food->store, stmt, error))
        return FALSE;
    }

  for (guint i = 0; i < service->n_lines; i++)
    {
      const DayLine *line = &g_array_index (food->lines, DayLine, service->first_line + i);

      stmt = acu_store_prepare (food->store,
                                "INSERT INTO food_basket_line (service_id, category_id, item, price_cents, quantity, "
                                "grams, line_cents) VALUES (:service, :category, :item, :price, :quantity, :grams, "
                                ":line)", error);
      if (stmt == NULL)
        return FALSE;
      acu_sql_bind_int64 (stmt, ":service", service_id);
      acu_sql_bind_int64 (stmt, ":category", food->categories[grocery_items[line->item].category]);
      acu_sql_bind_text (stmt, ":item", grocery_items[line->item].item);
      acu_sql_bind_int64 (stmt, ":price", grocery_items[line->item].price_cents);
      acu_sql_bind_id (stmt, ":quantity", line->quantity);
      acu_sql_bind_id (stmt, ":grams", line->grams);
      acu_sql_bind_int64 (stmt, ":line", line->line_cents);
      if (!acu_store_step_done (food->store, stmt, error))
        return FALSE;
    }

  return serve_out (food, day, household->id, service_id, service, error);
}

static gboolean
distribute (AcuDemoFood   *food,
            const Day     *day,
            Mode           mode,
            const gint64  *desk,
            guint          n_desk,
            GError       **error)
{
  gint64 out[N_CATS] = { 0 };
  gint64 food_day_id;

  /* The records begun by today, without those ended before it */
  while (food->next_start < food->by_start->len)
    {
      guint index = g_array_index (food->by_start, guint, food->next_start);

      if (g_array_index (food->accesses, FoodAccess, index).start > day->julian)
        break;
      g_array_append_val (food->active, index);
      food->next_start++;
    }
  for (guint i = food->active->len; i-- > 0;)
    if (g_array_index (food->accesses, FoodAccess, g_array_index (food->active, guint, i)).end < day->julian)
      g_array_remove_index (food->active, i);

  if (is_closure (day))
    return insert_day (food, day, mode, TRUE, error) != 0;

  g_array_set_size (food->services, 0);
  g_array_set_size (food->lines, 0);
  for (guint i = 0; i < food->active->len; i++)
    {
      guint index = g_array_index (food->active, guint, i);
      Mode access_mode = g_array_index (food->accesses, FoodAccess, index).mode;
      DayService service;

      if (access_mode != MODE_BOTH && access_mode != mode)
        continue;
      if (draw_service (food, day, mode, index, desk, n_desk, &service))
        g_array_append_val (food->services, service);
    }
  if (food->services->len == 0)
    return TRUE;
  g_array_sort (food->services, compare_services);

  /* What is short is bought that morning */
  for (guint i = 0; i < food->services->len; i++)
    for (guint c = 0; c < N_CATS; c++)
      out[c] += g_array_index (food->services, DayService, i).grams[c];
  for (guint c = 0; c < N_CATS; c++)
    if (out[c] > food->stock[c]
        && !receive (food, day, c, "purchase", "purchase", out[c] - food->stock[c] + food->need[c] / 2 + 100,
                     TRUE, NULL, NULL, error))
      return FALSE;

  food_day_id = insert_day (food, day, mode, FALSE, error);
  if (food_day_id == 0)
    return FALSE;
  for (guint i = 0; i < food->services->len; i++)
    if (!write_service (food, day, mode, food_day_id, &g_array_index (food->services, DayService, i), error))
      return FALSE;
  return TRUE;
}

/* The need of the first week: the households whose access has begun by
 * then, with an average parcel */
static void
estimate_need (AcuDemoFood *food)
{
  guint active = 0;

  for (guint i = 0; i < food->accesses->len; i++)
    {
      const FoodAccess *access = &g_array_index (food->accesses, FoodAccess, i);

      if (access->start <= food->first_day + 6 && access->end >= food->first_day)
        active++;
    }
  for (guint c = 0; c < N_CATS; c++)
    food->need[c] = MAX (active, 1) * food->preset[2][c] * 6 / 5;
  food->need[CAT_BABY] = 5000;
}

static int
compare_starts (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  GArray *accesses = user_data;
  const FoodAccess *x = &g_array_index (accesses, FoodAccess, *(const guint *) a);
  const FoodAccess *y = &g_array_index (accesses, FoodAccess, *(const guint *) b);

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  return x->id < y->id ? -1 : x->id > y->id;
}

static gboolean
start (AcuDemoFood  *food,
       GError      **error)
{
  Day first;

  for (guint i = 0; i < food->accesses->len; i++)
    g_array_append_val (food->by_start, i);
  g_array_sort_with_data (food->by_start, compare_starts, food->accesses);
  estimate_need (food);
  if (!insert_rules (food, error))
    return FALSE;

  /* The ledger opens with the stock counted that day: a week's need */
  day_init (food, &first, food->first_day);
  for (guint c = 0; c < N_CATS; c++)
    if (!receive (food, &first, c, "adjustment", "", food->need[c], FALSE, NULL, NULL, error))
      return FALSE;
  food->started = TRUE;
  return TRUE;
}

/* Public API */

AcuDemoFood *
acu_demo_food_new (AcuStore    *store,
                   guint32      seed,
                   const char  *first_day,
                   const char  *until,
                   GError     **error)
{
  g_autoptr(AcuDemoFood) food = g_new0 (AcuDemoFood, 1);
  /* A stream of its own: the households of a seed stay the same */
  guint32 seeds[] = { seed, 0x666f6f64 };
  Day first;

  food->store = store;
  food->rand = g_rand_new_with_seed_array (seeds, G_N_ELEMENTS (seeds));
  food->first_day = julian_of (first_day);
  food->until = julian_of (until);
  food->epoch = julian_of ("1970-01-01");
  food->coordinator = acu_store_get_person_id (store);
  food->households = g_array_new (FALSE, FALSE, sizeof (FoodHousehold));
  food->members = g_array_new (FALSE, FALSE, sizeof (FoodMember));
  food->accesses = g_array_new (FALSE, FALSE, sizeof (FoodAccess));
  food->by_start = g_array_new (FALSE, FALSE, sizeof (guint));
  food->active = g_array_new (FALSE, FALSE, sizeof (guint));
  food->services = g_array_new (FALSE, FALSE, sizeof (DayService));
  food->lines = g_array_new (FALSE, FALSE, sizeof (DayLine));
  g_return_val_if_fail (food->first_day != 0 && food->until >= food->first_day, NULL);

  day_init (food, &first, food->first_day);
  food->week = first.monday;
  food->n_weeks = (food->until - first.monday) / 7 + 1;
  if (!read_schema (food, error))
    return NULL;
  return g_steal_pointer (&food);
}

void
acu_demo_food_free (AcuDemoFood *food)
{
  if (food == NULL)
    return;
  g_clear_pointer (&food->rand, g_rand_free);
  g_clear_pointer (&food->households, g_array_unref);
  g_clear_pointer (&food->members, g_array_unref);
  g_clear_pointer (&food->accesses, g_array_unref);
  g_clear_pointer (&food->by_start, g_array_unref);
  g_clear_pointer (&food->active, g_array_unref);
  g_clear_pointer (&food->services, g_array_unref);
  g_clear_pointer (&food->lines, g_array_unref);
  for (guint i = 0; i <= N_CATS; i++)
    g_free (food->served_sql[i]);
  g_free (food);
}

guint
acu_demo_food_get_n_weeks (AcuDemoFood *food)
{
  return food->n_weeks;
}

gboolean
acu_demo_food_add_week (AcuDemoFood   *food,
                        const gint64  *desk,
                        guint          n_desk,
                        GError       **error)
{
  g_return_val_if_fail (n_desk > 0, FALSE);

  if (!food->started && !start (food, error))
    return FALSE;

  for (guint d = 0; d < 7; d++)
    {
      gboolean ok = TRUE;
      Day day;

      if (food->week + d < food->first_day || food->week + d > food->until)
        continue;
      day_init (food, &day, food->week + d);
      switch (day.weekday)
        {
        case G_DATE_MONDAY:
          ok = receive_banque_alimentaire (food, &day, error)
               && (day.month % 2 != 0 || day.dom > 7 || receive_fse_plus (food, &day, error))
               && (g_rand_int_range (food->rand, 0, 3) != 0 || record_loss (food, &day, error));
          break;
        case G_DATE_TUESDAY:
          ok = distribute (food, &day, MODE_PARCEL, desk, n_desk, error);
          break;
        case G_DATE_WEDNESDAY:
          ok = !g_rand_boolean (food->rand) || receive_donation (food, &day, error);
          break;
        case G_DATE_THURSDAY:
          ok = (day.dom > 7 || receive_purchase (food, &day, error))
               && (g_rand_int_range (food->rand, 0, 3) != 0 || record_loss (food, &day, error));
          break;
        case G_DATE_FRIDAY:
          ok = distribute (food, &day, MODE_GROCERY, desk, n_desk, error);
          break;
        case G_DATE_SATURDAY:
          if ((day.month == 11 && day.dom >= 24) || (day.month == 4 && day.dom <= 7))
            ok = receive_collection (food, &day, error);
          break;
        default:
          break;
        }
      if (!ok)
        return FALSE;
    }

  /* The need follows what went out */
  for (guint c = 0; c < N_CATS; c++)
    {
      food->need[c] = (food->need[c] * 3 + food->out_week[c]) / 4;
      food->out_week[c] = 0;
    }
  food->week += 7;
  return TRUE;
}
