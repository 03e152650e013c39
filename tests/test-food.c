/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Food aid and the goods ledger: access, the reste-à-vivre helper,
 * distribution days, serving a parcel or a basket, roles, the ledger.
 * Every expected value is worked out by hand in the comments. */
#define _GNU_SOURCE
#include "config.h"

#include <string.h>

#include <check.h>
#include <glib.h>

#include "acu-audit.h"
#include "acu-catalogue.h"
#include "acu-date.h"
#include "acu-desk-people.h"
#include "acu-food.h"
#include "acu-goods.h"
#include "acu-people.h"
#include "acu-store-private.h"
#include "acu-visits.h"

#include "acu-test-util.h"
#include "acu-test-changes.h"

#define SITE      "Tiers-lieu de Lectoure"
#define PERSON    "Hélène Martin"
#define PASSWORD  "Tr3s-Secret!Gers#2026"
#define STAFF     "Sophie Lacoste"
#define STAFF_PW  "Assistante-Sociale#32"
#define VOLUNTEER "Paul Vidal"
#define PIN       "3691"

/* Ids of the defaults of migration 5, in the order it inserts them */
#define CAT_FRUIT    1
#define CAT_STARCHY  2
#define CAT_DAIRY    3
#define CAT_BABY     8
#define CAT_HYGIENE  9
#define LABEL_WAGES  1
#define LABEL_RSA    2
#define LABEL_CAF    3
#define LABEL_RENT   7
#define LABEL_ENERGY 8
#define PARTNER_CCAS 1

static AcuStore *
create_store (void)
{
  g_autoptr(GError) error = NULL;
  AcuStore *store = acu_store_create (acu_test_db_path, SITE, PERSON, PASSWORD, NULL, &error);

  ck_assert_msg (store != NULL, "create failed: %s", error ? error->message : "(no error)");
  return store;
}

static void
close_store (AcuStore *store)
{
  acu_store_close (store);
  g_object_unref (store);
}

static gint64
add_person (AcuStore    *store,
            const char  *first,
            const char  *last,
            const char  *birth,
            gint64       household_id)
{
  g_autoptr(GError) error = NULL;
  AcuPersonDraft draft = { .first_name = first, .last_name = last, .birth_date = birth,
                           .household_id = household_id };
  gint64 id = acu_person_add (store, &draft, &error);

  ck_assert_msg (id > 0, "adding %s: %s", first, error ? error->message : "");
  return id;
}

static gint64
household_of (AcuStore *store,
              gint64    person_id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT household_id FROM person WHERE id = %" G_GINT64_FORMAT,
                                          person_id);

  return acu_test_query_int (store, sql);
}

static char *
day_from_today (int days)
{
  g_autofree char *today = acu_date_today ();

  return acu_date_add_days (today, days);
}

/* A single mother born in 1980 and her son born on 15 June 2015: under
 * 14 and under 18 whatever today is in 2026–2028 */
static gint64
add_family (AcuStore *store,
            gint64   *child)
{
  gint64 mother = add_person (store, "Amina", "Benali", "1980-03-03", 0);

  *child = add_person (store, "Yanis", "Benali", "2015-06-15", household_of (store, mother));
  return mother;
}

static gint64
grant (AcuStore     *store,
       gint64        household_id,
       AcuFoodMode   mode,
       guint         times,
       int           from,
       int           to)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *start = day_from_today (from);
  g_autofree char *end = day_from_today (to);
  AcuFoodAccessDraft draft = {
    .household_id = household_id, .partner_id = PARTNER_CCAS, .worker = "Mme Duprat",
    .start_day = start, .end_day = end, .mode = mode, .times = times,
    .period = ACU_FOOD_PERIOD_WEEK, .right_cents = -1, .rate_bp = -1,
  };
  gint64 id = acu_food_access_grant (store, &draft, &error);

  ck_assert_msg (id > 0, "grant: %s", error ? error->message : "");
  return id;
}

static void
become_volunteer (AcuStore *store)
{
  g_autoptr(GError) error = NULL;
  gint64 id = acu_desk_person_add (store, VOLUNTEER, ACU_ROLE_VOLUNTEER, PIN, &error);

  ck_assert_msg (id > 0, "%s", error ? error->message : "");
  ck_assert (acu_store_identify_with_pin (store, id, PIN, &error));
}

static gint64
add_staff (AcuStore *store)
{
  g_autoptr(GError) error = NULL;
  gint64 id = acu_desk_person_add (store, STAFF, ACU_ROLE_STAFF, STAFF_PW, &error);

  ck_assert_msg (id > 0, "%s", error ? error->message : "");
  return id;
}

START_TEST (test_access_grant_and_status)
{
  g_autoptr(AcuStore) store = create_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autofree char *end = day_from_today (60);
  AcuFoodStatus status;
  gint64 child, mother = add_family (store, &child);
  gint64 household = household_of (store, mother);
  gint64 first, second;

  ck_assert (acu_food_get_status (store, household, NULL, &status, &error));
  ck_assert_int_eq (status.state, ACU_FOOD_ACCESS_NONE);

  first = grant (store, household, ACU_FOOD_MODE_BOTH, 1, -100, -10);
  ck_assert (acu_food_get_status (store, household, NULL, &status, &error));
  ck_assert_int_eq (status.state, ACU_FOOD_ACCESS_EXPIRED);
  ck_assert_int_eq (status.access_id, first);
  /* One adult and one child: 20 € + 5 € by the default rule */
  ck_assert_int_eq (status.right_cents, 2500);
  ck_assert_int_eq (status.rate_bp, 2000);

  /* Renewal follows the last record */
  {
    g_autofree char *start = day_from_today (-9);
    AcuFoodAccessDraft draft = {
      .household_id = household, .follows_id = first, .start_day = start, .end_day = end,
      .mode = ACU_FOOD_MODE_PARCEL, .times = 2, .period = ACU_FOOD_PERIOD_MONTH, .right_cents = -1,
      .rate_bp = 1000,
    };

    second = acu_food_access_grant (store, &draft, &error);
    ck_assert_msg (second > 0, "%s", error ? error->message : "");
    /* A second renewal of the first record is refused: it is not the last */
    ck_assert_int_eq (acu_food_access_grant (store, &draft, &error), 0);
    ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID);
    g_clear_error (&error);
  }
  ck_assert (acu_food_get_status (store, household, NULL, &status, &error));
  ck_assert_int_eq (status.state, ACU_FOOD_ACCESS_VALID);
  ck_assert_int_eq (status.access_id, second);
  ck_assert_str_eq (status.end_day, end);
  ck_assert_int_eq (status.right_cents, -1);   /* parcels only */
  ck_assert_int_eq (status.times, 2);

  history = acu_food_access_list (store, household, &error);
  ck_assert_int_eq (history->len, 2);
  ck_assert_int_eq (((AcuFoodAccess *) g_ptr_array_index (history, 0))->id, second);
  ck_assert_int_eq (((AcuFoodAccess *) g_ptr_array_index (history, 0))->follows_id, first);
  ck_assert_str_eq (((AcuFoodAccess *) g_ptr_array_index (history, 1))->partner, "CCAS");
  close_store (g_steal_pointer (&store));
}
END_TEST

START_TEST (test_access_bad_input)
{
  g_autoptr(AcuStore) store = create_store ();
  g_autoptr(GError) error = NULL;
  gint64 child, household = household_of (store, add_family (store, &child));
  AcuFoodAccessDraft draft = {
    .household_id = household, .start_day = "2026-05-10", .end_day = "2026-05-09",
    .mode = ACU_FOOD_MODE_PARCEL, .times = 1, .period = ACU_FOOD_PERIOD_WEEK, .right_cents = -1, .rate_bp = -1,
  };
  const struct { const char *start, *end; int rate; guint times; } bad[] = {
    { "2026-05-10", "2026-05-09", -1, 1 },    /* end before start */
    { "2026-02-30", "2026-05-09", -1, 1 },    /* no such day */
    { "2026-05-01", "2026-08-01", 10001, 1 }, /* over 100 % */
    { "2026-05-01", "2026-08-01", -1, 0 },    /* never */
    { "2026-05-01", "2026-08-01", -1, 8 },    /* 8 times a week */
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      draft.start_day = bad[i].start;
      draft.end_day = bad[i].end;
      draft.rate_bp = bad[i].rate;
      draft.times = bad[i].times;
      ck_assert_int_eq (acu_food_access_grant (store, &draft, &error), 0);
      ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID);
      g_clear_error (&error);
    }
  ck_assert_int_eq (acu_test_query_int (store, "SELECT count (*) FROM food_access"), 0);
  close_store (g_steal_pointer (&store));
}
END_TEST

START_TEST (test_serve_parcel)
{
  g_autoptr(AcuStore) store = create_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) preset = NULL;
  g_autofree char *today = acu_date_today ();
  g_autofree char *sql = NULL;
  gint64 child, mother = add_family (store, &child);
  gint64 household = household_of (store, mother);
  AcuFoodServiceDraft draft = { .person_id = mother, .mode = ACU_FOOD_MODE_PARCEL, .value_cents = -1,
                                .paid_cents = 150 };
  AcuFoodStatus status;
  gint64 service, visit = 0;

  grant (store, household, ACU_FOOD_MODE_PARCEL, 1, -7, 80);
  /* Two persons: fruit 2 × 1 500 g, starchy 2 × 1 000 g … hygiene 2 × 200 g */
  preset = acu_food_parcel_preset (store, 2, &error);
  ck_assert_int_eq (preset->len, 9);
  ck_assert_int_eq (g_array_index (preset, AcuFoodWeight, 0).category_id, CAT_FRUIT);
  ck_assert_int_eq (g_array_index (preset, AcuFoodWeight, 0).grams, 3000);
  ck_assert_int_eq (g_array_index (preset, AcuFoodWeight, 1).grams, 2000);
  ck_assert_int_eq (g_array_index (preset, AcuFoodWeight, 7).grams, 0);     /* baby food */
  ck_assert_int_eq (g_array_index (preset, AcuFoodWeight, 8).grams, 400);   /* hygiene */
  draft.weights = (const AcuFoodWeight *) preset->data;
  draft.n_weights = preset->len;
  ck_assert_int_eq (acu_food_check (store, &draft, NULL, &error), ACU_FOOD_WARNING_NONE);

  /* Hosted by a friend: "affected by housing exclusion" for the FSE+ */
  ck_assert (acu_store_exec (store, "UPDATE household SET housing = 'precarious'", &error));
  service = acu_food_serve (store, &draft, &visit, &error);
  ck_assert_msg (service > 0, "%s", error ? error->message : "");
  ck_assert_int_gt (visit, 0);
  /* The visit of the day, with the food-aid reason (1) */
  sql = g_strdup_printf ("SELECT count (*) FROM visit v JOIN visit_reason r ON r.visit_id = v.id "
                         "WHERE v.id = %" G_GINT64_FORMAT " AND v.person_id = %" G_GINT64_FORMAT
                         " AND r.reason_id = 1 AND v.day = '%s'", visit, mother, today);
  ck_assert_int_eq (acu_test_query_int (store, sql), 1);
  ck_assert_int_eq (acu_test_query_int (store, "SELECT persons FROM food_service"), 2);
  ck_assert_int_eq (acu_test_query_int (store, "SELECT paid_cents FROM food_service"), 150);
  /* One row a member; the son is in 4–14 */
  ck_assert_int_eq (acu_test_query_int (store, "SELECT count (*) FROM food_service_person"), 2);
  ck_assert_int_eq (acu_test_query_int (store, "SELECT count (*) FROM food_service_person WHERE age = '4-14'"), 1);
  ck_assert_int_eq (acu_test_query_int (store, "SELECT count (*) FROM food_service_person WHERE homeless = 1"), 2);
  /* Eight movements out (baby food weighs nothing): 3 000 + 2 000 + 1 600
   * + 1 000 + 200 + 600 + 1 000 + 0 + 400 = 9 800 g */
  ck_assert_int_eq (acu_test_query_int (store, "SELECT count (*) FROM goods_movement WHERE reason = 'served'"), 8);
  ck_assert_int_eq (acu_test_query_int (store, "SELECT sum (grams) FROM goods_movement"), 9800);
  ck_assert_int_eq (acu_test_query_int (store, "SELECT grams FROM goods_stock WHERE category_id = 1"), -3000);

  /* Once a week: a second parcel is over the frequency */
  ck_assert (acu_food_get_status (store, household, NULL, &status, &error));
  ck_assert_int_eq (status.served, 1);
  ck_assert_str_eq (status.last_served, today);
  ck_assert_int_eq (acu_food_check (store, &draft, NULL, &error), ACU_FOOD_WARNING_FREQUENCY);

  /* The visit goes only with its food aid */
  ck_assert (!acu_visit_delete (store, visit, &error));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_IN_USE);
  g_clear_error (&error);
  ck_assert_int_eq (acu_food_service_find (store, visit, &error), service);
  ck_assert (acu_food_service_cancel (store, service, &error));
  /* Corrected, not erased: 8 movements out and 8 back; stock back to 0 */
  ck_assert_int_eq (acu_test_query_int (store, "SELECT count (*) FROM goods_movement"), 16);
  ck_assert_int_eq (acu_test_query_int (store, "SELECT grams FROM goods_stock WHERE category_id = 1"), 0);
  ck_assert_int_eq (acu_test_query_int (store, "SELECT count (*) FROM visit"), 0);
  ck_assert_int_eq (acu_test_query_int (store, "SELECT cancelled FROM food_service"), 1);
  ck_assert (acu_food_get_status (store, household, NULL, &status, &error));
  ck_assert_int_eq (status.served, 0);
  ck_assert (!acu_food_service_cancel (store, service, &error));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_NO_RECORD);
  g_clear_error (&error);
  close_store (g_steal_pointer (&store));
}
END_TEST

START_TEST (test_serve_grocery_basket)
{
  g_autoptr(AcuStore) store = create_store ();
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  gint64 child, mother = add_family (store, &child);
  gint64 household = household_of (store, mother);
  /* 4 × 2,50 € = 10,00 €; 1,5 kg at 3,99 €/kg = 5,985 € → 5,99 €; shelf 15,99 € */
  AcuBasketLine lines[] = {
    { CAT_DAIRY, "Yaourts", 250, 4, 0 },
    { CAT_FRUIT, "Pommes", 399, 0, 1500 },
  };
  AcuBasketLine dear[] = { { CAT_STARCHY, NULL, 15000, 1, 0 } };
  AcuFoodServiceDraft draft = { .person_id = mother, .mode = ACU_FOOD_MODE_GROCERY, .lines = lines,
                                .n_lines = G_N_ELEMENTS (lines), .value_cents = -1, .paid_cents = -1 };
  AcuFoodStatus status;

  ck_assert_int_eq (acu_basket_line_cents (&lines[0]), 1000);
  ck_assert_int_eq (acu_basket_line_cents (&lines[1]), 599);
  /* 20 % of 15,99 € = 3,198 € → 3,20 € */
  ck_assert_int_eq (acu_food_participation (1599, 2000), 320);
  grant (store, household, ACU_FOOD_MODE_GROCERY, 2, -7, 80);
  ck_assert_msg (acu_food_serve (store, &draft, NULL, &error) > 0, "%s", error ? error->message : "");
  ck_assert_int_eq (acu_test_query_int (store, "SELECT shelf_cents FROM food_service"), 1599);
  ck_assert_int_eq (acu_test_query_int (store, "SELECT paid_cents FROM food_service"), 320);
  ck_assert_int_eq (acu_test_query_int (store, "SELECT count (*) FROM food_basket_line"), 2);
  /* Dairy: 4 pieces, no weight; fruit 1 500 g */
  ck_assert_int_eq (acu_test_query_int (store, "SELECT pieces FROM goods_movement WHERE category_id = 3"), 4);
  /* not weighed: 4 pieces of 500 g, estimated */
  ck_assert_int_eq (acu_test_query_int (store, "SELECT grams FROM goods_movement WHERE category_id = 3"), 2000);
  ck_assert_int_eq (acu_test_query_int (store, "SELECT estimated FROM goods_movement WHERE category_id = 3"), 1);
  ck_assert_int_eq (acu_test_query_int (store, "SELECT grams FROM goods_movement WHERE category_id = 1"), 1500);
  /* The right: 25,00 € − 3,20 € = 21,80 € left */
  ck_assert (acu_food_get_status (store, household, NULL, &status, &error));
  ck_assert_int_eq (status.spent_cents, 320);
  ck_assert_int_eq (status.left_cents, 2180);

  /* 150 € on the shelf is 30 € to pay: past the 21,80 € left */
  draft.lines = dear;
  draft.n_lines = 1;
  ck_assert_int_eq (acu_food_check (store, &draft, &message, &error), ACU_FOOD_WARNING_OVER_RIGHT);
  ck_assert_ptr_nonnull (message);
  ck_assert_int_eq (acu_food_serve (store, &draft, NULL, &error), 0);
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID);   /* the coordinator: give a reason */
  g_clear_error (&error);
  ck_assert_int_eq (acu_test_query_int (store, "SELECT count (*) FROM food_service"), 1);
  close_store (g_steal_pointer (&store));
}
END_TEST

START_TEST (test_serve_bad_input)
{
  g_autoptr(AcuStore) store = create_store ();
  g_autoptr(GError) error = NULL;
  gint64 child, mother = add_family (store, &child);
  AcuFoodWeight heavy[] = { { CAT_FRUIT, 500001 } };
  AcuFoodWeight negative[] = { { CAT_FRUIT, -1 } };
  AcuFoodWeight split[] = { { CAT_FRUIT, 300000 }, { CAT_STARCHY, 300000 } };
  AcuBasketLine free_line[] = { { CAT_FRUIT, NULL, 0, 1, 0 } };
  AcuFoodServiceDraft draft = { .person_id = mother, .mode = ACU_FOOD_MODE_PARCEL, .value_cents = -1,
                                .paid_cents = -1 };

  grant (store, household_of (store, mother), ACU_FOOD_MODE_BOTH, 3, -7, 80);
  draft.weights = heavy, draft.n_weights = 1;
  ck_assert_int_eq (acu_food_serve (store, &draft, NULL, &error), 0);
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID);
  g_clear_error (&error);
  draft.weights = negative;
  ck_assert_int_eq (acu_food_serve (store, &draft, NULL, &error), 0);
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID);
  g_clear_error (&error);
  draft.weights = split, draft.n_weights = 2;   /* 600 kg in all */
  ck_assert_int_eq (acu_food_serve (store, &draft, NULL, &error), 0);
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID);
  g_clear_error (&error);
  /* An empty basket: nothing stops it yet (the dialog asks before the
   * first line), but it is not served */
  draft.mode = ACU_FOOD_MODE_GROCERY, draft.lines = NULL, draft.n_lines = 0;
  ck_assert_int_eq (acu_food_check (store, &draft, NULL, &error), ACU_FOOD_WARNING_NONE);
  ck_assert_ptr_null (error);
  ck_assert_int_eq (acu_food_serve (store, &draft, NULL, &error), 0);
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID);
  g_clear_error (&error);
  draft.lines = free_line, draft.n_lines = 1;
  ck_assert_int_eq (acu_food_serve (store, &draft, NULL, &error), 0);
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID);
  g_clear_error (&error);
  draft.day = day_from_today (1);   /* tomorrow */
  draft.mode = ACU_FOOD_MODE_PARCEL, draft.weights = negative + 0, draft.n_weights = 0;
  ck_assert_int_eq (acu_food_serve (store, &draft, NULL, &error), 0);
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_free ((char *) draft.day);
  ck_assert_int_eq (acu_test_query_int (store, "SELECT count (*) FROM food_service"), 0);
  ck_assert_int_eq (acu_test_query_int (store, "SELECT count (*) FROM visit"), 0);
  ck_assert_int_eq (acu_test_query_int (store, "SELECT count (*) FROM goods_movement"), 0);
  close_store (g_steal_pointer (&store));
}
END_TEST

/* Expired access: a volunteer is refused, staff override with a reason,
 * and the override is in the service and the audit log */
START_TEST (test_serve_override)
{
  g_autoptr(AcuStore) store = create_store ();
  g_autoptr(GError) error = NULL;
  gint64 child, mother = add_family (store, &child);
  gint64 staff = add_staff (store);
  AcuFoodWeight weights[] = { { CAT_FRUIT, 2000 } };
  AcuFoodServiceDraft draft = { .person_id = mother, .mode = ACU_FOOD_MODE_PARCEL, .weights = weights,
                                .n_weights = 1, .value_cents = -1, .paid_cents = -1 };

  grant (store, household_of (store, mother), ACU_FOOD_MODE_PARCEL, 1, -100, -1);
  become_volunteer (store);
  ck_assert_int_eq (acu_food_check (store, &draft, NULL, &error), ACU_FOOD_WARNING_EXPIRED);
  draft.override_reason = "Renouvellement en cours";
  ck_assert_int_eq (acu_food_serve (store, &draft, NULL, &error), 0);
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_FORBIDDEN);
  g_clear_error (&error);
  ck_assert_int_eq (acu_test_query_int (store, "SELECT count (*) FROM visit"), 0);

  ck_assert (acu_store_identify_with_password (store, staff, STAFF_PW, &error));
  draft.override_reason = "  ";
  ck_assert_int_eq (acu_food_serve (store, &draft, NULL, &error), 0);
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID);
  g_clear_error (&error);
  draft.override_reason = "Renouvellement en cours";
  ck_assert_msg (acu_food_serve (store, &draft, NULL, &error) > 0, "%s", error ? error->message : "");
  ck_assert_int_eq (acu_test_query_int (store, "SELECT count (*) FROM food_service "
                                               "WHERE override_reason = 'Renouvellement en cours'"), 1);
  ck_assert_int_eq (acu_test_query_int (store, "SELECT count (*) FROM audit WHERE action = 'food-override'"), 1);
  /* A volunteer does not cancel what someone else served */
  ck_assert (acu_store_identify_with_pin (store, acu_test_query_int (store, "SELECT id FROM desk_person "
                                                                            "WHERE display_name = 'Paul Vidal'"),
                                          PIN, &error));
  ck_assert (!acu_food_service_cancel (store, acu_test_query_int (store, "SELECT id FROM food_service"), &error));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_FORBIDDEN);
  g_clear_error (&error);
  close_store (g_steal_pointer (&store));
}
END_TEST

START_TEST (test_roles)
{
  g_autoptr(AcuStore) store = create_store ();
  g_autoptr(GError) error = NULL;
  gint64 child, mother = add_family (store, &child);
  gint64 household = household_of (store, mother);
  AcuBudgetLine lines[] = { { LABEL_RSA, 60000 } };
  AcuFoodSettings settings;
  AcuResteAVivre rav;
  AcuFoodStatus status;
  g_autoptr(GArray) read = NULL;
  g_autoptr(GPtrArray) list = NULL;
  AcuFoodAccessDraft draft = {
    .household_id = household, .start_day = "2026-01-01", .end_day = "2026-12-31",
    .mode = ACU_FOOD_MODE_PARCEL, .times = 1, .period = ACU_FOOD_PERIOD_WEEK, .right_cents = -1, .rate_bp = -1,
  };

  ck_assert (acu_food_budget_save (store, household, lines, 1, &error));
  become_volunteer (store);
  /* What a volunteer may know */
  ck_assert (acu_food_get_status (store, household, NULL, &status, &error));
  ck_assert (acu_food_get_settings (store, &settings, &error));
  /* What they may not */
  ck_assert_int_eq (acu_food_access_grant (store, &draft, &error), 0);
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_FORBIDDEN);
  g_clear_error (&error);
  ck_assert_ptr_null ((list = acu_food_access_list (store, household, &error)));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_FORBIDDEN);
  g_clear_error (&error);
  ck_assert_ptr_null ((read = acu_food_budget_read (store, household, &error)));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_FORBIDDEN);
  g_clear_error (&error);
  ck_assert (!acu_food_budget_save (store, household, lines, 1, &error));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_FORBIDDEN);
  g_clear_error (&error);
  ck_assert (!acu_food_reste_a_vivre (store, household, lines, 1, &rav, &error));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_FORBIDDEN);
  g_clear_error (&error);
  ck_assert (!acu_food_set_settings (store, &settings, &error));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_FORBIDDEN);
  g_clear_error (&error);
  ck_assert_int_eq (acu_food_rule_add (store, 2, "14:00", "17:00", ACU_FOOD_MODE_PARCEL, "2026-01-06", NULL,
                                       &error), 0);
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_FORBIDDEN);
  g_clear_error (&error);
  ck_assert (!acu_goods_close_month (store, "2026-01", &error));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_FORBIDDEN);
  g_clear_error (&error);
  close_store (g_steal_pointer (&store));
}
END_TEST

START_TEST (test_reste_a_vivre)
{
  g_autoptr(AcuStore) store = create_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) read = NULL;
  g_autofree char *sql = NULL;
  gint64 child, mother = add_family (store, &child);
  gint64 household = household_of (store, mother);
  /* Resources 600 + 350 = 950 €, charges 400 + 80 = 480 €: 470 € left */
  AcuBudgetLine lines[] = {
    { LABEL_RSA, 60000 }, { LABEL_CAF, 35000 }, { LABEL_RENT, 40000 }, { LABEL_ENERGY, 8000 },
  };
  AcuFoodSettings settings;
  AcuResteAVivre rav;

  ck_assert (acu_food_reste_a_vivre (store, household, lines, G_N_ELEMENTS (lines), &rav, &error));
  ck_assert_int_eq (rav.resources_cents, 95000);
  ck_assert_int_eq (rav.charges_cents, 48000);
  /* A single parent and a child: 2 shares + 0.5; 470 ÷ 2.5 ÷ 30 = 6.266… → 6,27 € */
  ck_assert_int_eq (rav.shares_x100, 250);
  ck_assert_int_eq (rav.per_day_cents, 627);
  ck_assert_int_eq (rav.threshold_cents, 800);
  ck_assert (rav.below);

  /* OECD units: 1 for the mother, 0.3 for a son under 14: 470 ÷ 1.3 ÷ 30 = 12.05… */
  ck_assert (acu_food_get_settings (store, &settings, &error));
  settings.scale = ACU_FOOD_SCALE_OECD;
  ck_assert (acu_food_set_settings (store, &settings, &error));
  ck_assert (acu_food_reste_a_vivre (store, household, lines, G_N_ELEMENTS (lines), &rav, &error));
  ck_assert_int_eq (rav.shares_x100, 130);
  ck_assert_int_eq (rav.per_day_cents, 1205);
  ck_assert (!rav.below);

  /* Sealed, read back, and the reading audited */
  ck_assert (acu_food_budget_save (store, household, lines, G_N_ELEMENTS (lines), &error));
  read = acu_food_budget_read (store, household, &error);
  ck_assert_int_eq (read->len, 4);
  ck_assert_int_eq (g_array_index (read, AcuBudgetLine, 2).label_id, LABEL_RENT);
  ck_assert_int_eq (g_array_index (read, AcuBudgetLine, 2).cents, 40000);
  ck_assert_int_eq (acu_test_query_int (store, "SELECT count (*) FROM audit WHERE action = 'food-budget-read'"), 1);
  /* Sealed for this household: moved to another one, it does not open */
  {
    gint64 other = household_of (store, add_person (store, "Jean", "Dupont", NULL, 0));
    g_autoptr(GArray) none = NULL;

    sql = g_strdup_printf ("UPDATE food_budget SET household_id = %" G_GINT64_FORMAT, other);
    ck_assert (acu_store_exec (store, sql, &error));
    ck_assert_ptr_null ((none = acu_food_budget_read (store, other, &error)));
    ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_DAMAGED);
    g_clear_error (&error);
  }
  close_store (g_steal_pointer (&store));
}
END_TEST

/* The amounts typed are nowhere in the database file in clear */
START_TEST (test_budget_not_in_file)
{
  g_autoptr(AcuStore) store = create_store ();
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  gint64 child, household = household_of (store, add_family (store, &child));
  /* 1 234 567 cents, as 8 little-endian bytes in the sealed lines */
  AcuBudgetLine lines[] = { { LABEL_RSA, 1234567 } };
  const guint8 pattern[] = { 0x87, 0xd6, 0x12, 0x00, 0x00, 0x00, 0x00, 0x00 };

  ck_assert (acu_food_budget_save (store, household, lines, 1, &error));
  ck_assert_int_eq (acu_test_query_int (store, "SELECT count (*) FROM food_budget"), 1);
  /* Not even in the decrypted pages: the ciphertext does not hold it */
  ck_assert_int_eq (acu_test_query_int (store, "SELECT instr (ciphertext, x'87d6120000000000') FROM food_budget"), 0);
  close_store (g_steal_pointer (&store));
  ck_assert (g_file_get_contents (acu_test_db_path, &contents, &length, NULL));
  ck_assert_ptr_null (memmem (contents, length, pattern, sizeof pattern));
}
END_TEST

START_TEST (test_days_and_expected)
{
  g_autoptr(AcuStore) store = create_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) days = NULL;
  g_autoptr(GPtrArray) expected = NULL;
  gint64 child, mother = add_family (store, &child);
  gint64 other = add_person (store, "Jean", "Dupont", "1950-01-01", 0);
  gint64 third = add_person (store, "Zoé", "Arnaud", "1990-07-07", 0);
  AcuFoodWeight weights[] = { { CAT_FRUIT, 2000 } };
  AcuFoodServiceDraft draft = { .person_id = other, .mode = ACU_FOOD_MODE_PARCEL, .weights = weights,
                                .n_weights = 1, .value_cents = -1, .paid_cents = -1 };
  g_autofree char *today = acu_date_today ();

  /* Tuesdays 14:00–17:00 from Tuesday 6 January 2026 to 3 February;
   * 20 January closed; a one-off Saturday 24 January */
  ck_assert (acu_food_rule_add (store, 2, "14:00", "17:00", ACU_FOOD_MODE_PARCEL, "2026-01-06", "2026-02-03",
                                &error) > 0);
  ck_assert (acu_food_day_set_closed (store, "2026-01-20", ACU_FOOD_MODE_PARCEL, TRUE, &error));
  ck_assert (acu_food_day_add (store, "2026-01-24", "09:00", "12:00", ACU_FOOD_MODE_GROCERY, &error) > 0);
  ck_assert_int_eq (acu_food_day_add (store, "2026-01-24", "13:00", "15:00", ACU_FOOD_MODE_GROCERY, &error), 0);
  g_clear_error (&error);
  ck_assert_int_eq (acu_food_day_add (store, "2026-01-25", "15:00", "13:00", ACU_FOOD_MODE_GROCERY, &error), 0);
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID);
  g_clear_error (&error);
  /* 6, 13, 20 (closed), 24 (grocery), 27 January; 3 February is outside */
  days = acu_food_day_list (store, "2026-01-01", "2026-01-31", &error);
  ck_assert_int_eq (days->len, 5);
  ck_assert_str_eq (g_array_index (days, AcuFoodDay, 0).day, "2026-01-06");
  ck_assert_str_eq (g_array_index (days, AcuFoodDay, 2).day, "2026-01-20");
  ck_assert (g_array_index (days, AcuFoodDay, 2).closed);
  ck_assert_str_eq (g_array_index (days, AcuFoodDay, 3).day, "2026-01-24");
  ck_assert_int_eq (g_array_index (days, AcuFoodDay, 3).mode, ACU_FOOD_MODE_GROCERY);
  ck_assert_str_eq (g_array_index (days, AcuFoodDay, 4).day, "2026-01-27");
  ck_assert (!g_array_index (days, AcuFoodDay, 4).closed);

  /* Today's parcels closed: a warning, which staff may override */
  ck_assert (acu_food_rule_add (store, acu_date_get_weekday (today), "08:00", "09:00", ACU_FOOD_MODE_PARCEL,
                                "2026-01-01", NULL, &error) > 0);
  ck_assert (acu_food_day_set_closed (store, today, ACU_FOOD_MODE_PARCEL, TRUE, &error));
  grant (store, household_of (store, other), ACU_FOOD_MODE_PARCEL, 1, -3, 30);
  ck_assert_int_eq (acu_food_check (store, &draft, NULL, &error), ACU_FOOD_WARNING_CLOSED);
  ck_assert (acu_food_day_set_closed (store, today, ACU_FOOD_MODE_PARCEL, FALSE, &error));
  ck_assert_int_eq (acu_food_check (store, &draft, NULL, &error), ACU_FOOD_WARNING_NONE);

  /* Expected today for parcels: Benali and Dupont (valid, parcel or
   * both), not Arnaud (grocery only); sorted by name */
  grant (store, household_of (store, mother), ACU_FOOD_MODE_BOTH, 1, -3, 30);
  grant (store, household_of (store, third), ACU_FOOD_MODE_GROCERY, 1, -3, 30);
  ck_assert_int_eq (acu_food_day_count_expected (store, today, ACU_FOOD_MODE_PARCEL, &error), 2);
  ck_assert_msg (acu_food_serve (store, &draft, NULL, &error) > 0, "%s", error ? error->message : "");
  expected = acu_food_day_expected (store, today, ACU_FOOD_MODE_PARCEL, 0, 10, &error);
  ck_assert_int_eq (expected->len, 2);
  ck_assert_str_eq (acu_food_expected_get_name (g_ptr_array_index (expected, 0)), "Benali Amina");
  ck_assert_int_eq (acu_food_expected_get_persons (g_ptr_array_index (expected, 0)), 2);
  ck_assert (!acu_food_expected_get_served_today (g_ptr_array_index (expected, 0)));
  ck_assert_str_eq (acu_food_expected_get_name (g_ptr_array_index (expected, 1)), "Dupont Jean");
  ck_assert (acu_food_expected_get_served_today (g_ptr_array_index (expected, 1)));
  ck_assert_int_eq (acu_food_expected_get_served (g_ptr_array_index (expected, 1)), 1);
  g_clear_pointer (&expected, g_ptr_array_unref);
  expected = acu_food_day_expected (store, today, ACU_FOOD_MODE_PARCEL, 1, 10, &error);
  ck_assert_int_eq (expected->len, 1);
  g_clear_pointer (&expected, g_ptr_array_unref);

  /* The list follows the names (kept by the triggers of schema 6): Jean
   * Dupont renamed Jean Abadie comes first; Aaron joins the Benalis and
   * their household is listed under him; he moves out and it is Amina's
   * again, after Arnaud Zoé (grocery only, never listed) */
  {
    AcuPersonDraft rename = { .first_name = "Jean", .last_name = "Abadie", .birth_date = "1950-01-01" };
    gint64 aaron;

    ck_assert_msg (acu_person_update (store, other, &rename, &error), "%s", error ? error->message : "");
    aaron = add_person (store, "Aaron", "Benali", "2001-02-02", household_of (store, mother));
    expected = acu_food_day_expected (store, today, ACU_FOOD_MODE_PARCEL, 0, 10, &error);
    ck_assert_int_eq (expected->len, 2);
    ck_assert_str_eq (acu_food_expected_get_name (g_ptr_array_index (expected, 0)), "Abadie Jean");
    ck_assert_str_eq (acu_food_expected_get_name (g_ptr_array_index (expected, 1)), "Benali Aaron");
    ck_assert_int_eq (acu_food_expected_get_persons (g_ptr_array_index (expected, 1)), 3);
    g_clear_pointer (&expected, g_ptr_array_unref);
    ck_assert_int_eq (acu_test_query_int (store, "SELECT count (*) FROM food_access WHERE sort_key = 'benali aaron'"),
                      1);

    ck_assert (acu_person_move (store, aaron, 0, NULL, &error));
    expected = acu_food_day_expected (store, today, ACU_FOOD_MODE_PARCEL, 0, 10, &error);
    ck_assert_str_eq (acu_food_expected_get_name (g_ptr_array_index (expected, 1)), "Benali Amina");
  }
  close_store (g_steal_pointer (&store));
}
END_TEST

START_TEST (test_goods_ledger)
{
  g_autoptr(AcuStore) store = create_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) stock = NULL;
  g_autoptr(GPtrArray) list = NULL;
  AcuGoodsDraft in = { .day = "2026-03-10", .category_id = CAT_STARCHY, .direction = 1,
                       .reason = ACU_GOODS_DELIVERY, .source = ACU_FOOD_SOURCE_BANQUE_ALIMENTAIRE,
                       .grams = 120000, .value_cents = -1 };
  AcuGoodsDraft loss = { .day = "2026-03-12", .category_id = CAT_STARCHY, .direction = -1,
                         .reason = ACU_GOODS_EXPIRED, .grams = 5000, .value_cents = -1 };
  AcuGoodsDraft bad = in;
  gint64 delivery, correction;

  delivery = acu_goods_record (store, &in, &error);
  ck_assert_msg (delivery > 0, "%s", error ? error->message : "");
  ck_assert (acu_goods_record (store, &loss, &error) > 0);
  /* 120 kg in, 5 kg out: 115 kg of starchy food */
  stock = acu_goods_stock (store, ACU_GOODS_KINDS_FOOD_AID, 0, &error);
  ck_assert_int_eq (stock->len, 9);
  ck_assert_int_eq (((AcuGoodsStock *) g_ptr_array_index (stock, 1))->grams, 115000);
  ck_assert_int_eq (((AcuGoodsStock *) g_ptr_array_index (stock, 0))->grams, 0);

  /* Bad input writes nothing */
  bad.grams = ACU_GOODS_MAX_GRAMS + 1;
  ck_assert_int_eq (acu_goods_record (store, &bad, &error), 0);
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID);
  g_clear_error (&error);
  bad = in, bad.direction = -1;          /* a delivery going out */
  ck_assert_int_eq (acu_goods_record (store, &bad, &error), 0);
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID);
  g_clear_error (&error);
  bad = in, bad.grams = 0;               /* nothing */
  ck_assert_int_eq (acu_goods_record (store, &bad, &error), 0);
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID);
  g_clear_error (&error);
  bad = in, bad.day = "2026-13-01";
  ck_assert_int_eq (acu_goods_record (store, &bad, &error), 0);
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID);
  g_clear_error (&error);
  ck_assert_int_eq (acu_test_query_int (store, "SELECT count (*) FROM goods_movement"), 2);

  /* Several categories at once: all or none */
  {
    g_autofree char *tomorrow = day_from_today (1);
    AcuGoodsDraft many[2] = { in, in };
    guint refused = 99;

    many[0].day = "2026-03-11";
    many[1].day = tomorrow;          /* not yet */
    ck_assert (!acu_goods_record_many (store, many, 2, &refused, &error));
    ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID);
    g_clear_error (&error);
    ck_assert_int_eq (refused, 1);
    ck_assert_int_eq (acu_test_query_int (store, "SELECT count (*) FROM goods_movement"), 2);
  }

  /* A correction is a new movement the other way; the first one stays */
  correction = acu_goods_correct (store, delivery, &error);
  ck_assert_msg (correction > 0, "%s", error ? error->message : "");
  ck_assert_int_eq (acu_test_query_int (store, "SELECT count (*) FROM goods_movement"), 3);
  ck_assert_int_eq (acu_test_query_int (store, "SELECT grams FROM goods_stock WHERE category_id = 2"), -5000);
  ck_assert_int_eq (acu_goods_correct (store, delivery, &error), 0);     /* twice */
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID);
  g_clear_error (&error);
  list = acu_goods_list (store, ACU_GOODS_KINDS_FOOD_AID, NULL, NULL, 0, 10, &error);
  ck_assert_int_eq (list->len, 3);
  ck_assert_int_eq (acu_goods_movement_get_id (g_ptr_array_index (list, 0)), correction);
  ck_assert (acu_goods_movement_get_corrected (g_ptr_array_index (list, 2)));
  ck_assert_int_eq (acu_goods_movement_get_direction (g_ptr_array_index (list, 0)), -1);

  /* The ledger never changes, even by hand */
  ck_assert (!acu_store_exec (store, "UPDATE goods_movement SET grams = 1", NULL));
  ck_assert (!acu_store_exec (store, "DELETE FROM goods_movement", NULL));

  /* A closed month takes no movement; the month's totals stay */
  ck_assert (acu_goods_close_month (store, "2026-03", &error));
  ck_assert_int_eq (acu_goods_record (store, &loss, &error), 0);
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID);
  g_clear_error (&error);
  ck_assert (!acu_store_exec (store, "INSERT INTO goods_movement (day, place_id, category_id, direction, reason, "
                                     "grams, created_at) VALUES ('2026-03-31', 1, 2, 1, 'donation', 10, 0)", NULL));
  ck_assert_int_eq (acu_test_query_int (store, "SELECT grams FROM goods_month WHERE month = '2026-03' "
                                               "AND reason = 'delivery'"), 120000);
  close_store (g_steal_pointer (&store));
}
END_TEST

START_TEST (test_writes_tell_their_area)
{
  g_autoptr(AcuStore) store = create_store ();
  g_autoptr(AcuChangeLog) log = NULL;
  g_autoptr(GError) error = NULL;
  gint64 child, mother = add_family (store, &child);
  gint64 household = household_of (store, mother);
  AcuFoodWeight weights[] = { { CAT_FRUIT, 2000 } };
  AcuFoodServiceDraft draft = { .person_id = mother, .mode = ACU_FOOD_MODE_PARCEL, .weights = weights,
                                .n_weights = 1, .value_cents = -1, .paid_cents = -1 };
  AcuGoodsDraft in = { .category_id = CAT_HYGIENE, .direction = 1, .reason = ACU_GOODS_DONATION,
                       .grams = 3000, .value_cents = -1 };
  AcuBudgetLine lines[] = { { LABEL_RSA, 60000 } };
  AcuFoodSettings settings;
  g_autoptr(GArray) read = NULL;

  log = acu_change_log_new (store);
  grant (store, household, ACU_FOOD_MODE_PARCEL, 1, 0, 30);
  ACU_ASSERT_CHANGES (log, ACU_AREA_FOOD | ACU_AREA_AUDIT);
  ck_assert (acu_food_serve (store, &draft, NULL, &error) > 0);
  ACU_ASSERT_CHANGES (log, ACU_AREA_FOOD | ACU_AREA_GOODS | ACU_AREA_VISITS | ACU_AREA_AUDIT);
  /* refused: over the frequency, no reason */
  ck_assert_int_eq (acu_food_serve (store, &draft, NULL, &error), 0);
  g_clear_error (&error);
  ACU_ASSERT_CHANGES (log, ACU_AREA_NONE);
  ck_assert (acu_goods_record (store, &in, &error) > 0);
  ACU_ASSERT_CHANGES (log, ACU_AREA_GOODS | ACU_AREA_AUDIT);
  ck_assert (acu_food_budget_save (store, household, lines, 1, &error));
  ACU_ASSERT_CHANGES (log, ACU_AREA_FOOD | ACU_AREA_AUDIT);
  read = acu_food_budget_read (store, household, &error);
  ACU_ASSERT_CHANGES (log, ACU_AREA_AUDIT);
  ck_assert (acu_food_rule_add (store, 5, "09:30", "12:00", ACU_FOOD_MODE_GROCERY, "2026-01-02", NULL, &error));
  ACU_ASSERT_CHANGES (log, ACU_AREA_FOOD | ACU_AREA_AUDIT);
  ck_assert (acu_food_get_settings (store, &settings, &error));
  ck_assert (acu_food_set_settings (store, &settings, &error));
  ACU_ASSERT_CHANGES (log, ACU_AREA_FOOD | ACU_AREA_SETTINGS | ACU_AREA_AUDIT);
  close_store (g_steal_pointer (&store));
}
END_TEST


/* Food records follow a household merge, and keep a household whose
 * last member moves out */
START_TEST (test_household_links)
{
  g_autoptr(AcuStore) store = create_store ();
  g_autoptr(GError) error = NULL;
  gint64 child, mother = add_family (store, &child);
  gint64 kept = household_of (store, mother);
  gint64 alone = add_person (store, "Jean", "Dupont", "1950-01-01", 0);
  gint64 merged = household_of (store, alone);
  AcuBudgetLine lines[] = { { LABEL_RSA, 60000 } };
  g_autofree char *sql = NULL;

  grant (store, merged, ACU_FOOD_MODE_PARCEL, 1, -3, 30);
  ck_assert (acu_food_budget_save (store, merged, lines, 1, &error));
  ck_assert_msg (acu_household_merge (store, kept, merged, &error), "%s", error ? error->message : "");
  sql = g_strdup_printf ("SELECT count (*) FROM food_access WHERE household_id = %" G_GINT64_FORMAT, kept);
  ck_assert_int_eq (acu_test_query_int (store, sql), 1);
  g_free (sql);
  sql = g_strdup_printf ("SELECT count (*) FROM food_budget WHERE household_id = %" G_GINT64_FORMAT, kept);
  ck_assert_int_eq (acu_test_query_int (store, sql), 1);

  /* Jean leaves for a household of his own: the one with the access stays */
  ck_assert_msg (acu_person_move (store, alone, 0, NULL, &error), "%s", error ? error->message : "");
  ck_assert_msg (acu_person_move (store, mother, household_of (store, alone), NULL, &error), "%s",
                 error ? error->message : "");
  ck_assert_msg (acu_person_move (store, child, household_of (store, alone), NULL, &error), "%s",
                 error ? error->message : "");
  ck_assert (acu_household_exists (store, kept, &error));
  close_store (g_steal_pointer (&store));
}
END_TEST

/* The lists of food aid in Preferences (acu-catalogue.c) */

/* A table's ids in the order of their positions: "3,1,2" */
static char *
ids_by_position (AcuStore   *store,
                 const char *table)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) ids = g_string_new (NULL);
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM %s ORDER BY position, id", table);
  sqlite3_stmt *stmt = acu_store_prepare (store, sql, &error);

  ck_assert_msg (stmt != NULL, "%s", error ? error->message : "");
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, ids->len > 0 ? "," : "",
                            (gint64) sqlite3_column_int64 (stmt, 0));
  sqlite3_reset (stmt);
  return g_string_free (g_steal_pointer (&ids), FALSE);
}

static void
assert_list (AcuStore           *store,
             AcuCatalogue        catalogue,
             gboolean            include_hidden,
             const char *const  *expected,
             guint               n_expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = acu_catalogue_list (store, catalogue, include_hidden, &error);

  ck_assert_msg (entries != NULL, "%s", error ? error->message : "");
  for (guint i = 0; i < MIN (entries->len, n_expected); i++)
    ck_assert_str_eq (((AcuCatalogueEntry *) g_ptr_array_index (entries, i))->label, expected[i]);
  ck_assert_uint_eq (entries->len, n_expected);
}

static AcuBudgetLabel *
budget_label (GPtrArray *labels,
              gint64     id)
{
  for (guint i = 0; i < labels->len; i++)
    if (((AcuBudgetLabel *) g_ptr_array_index (labels, i))->id == id)
      return g_ptr_array_index (labels, i);
  ck_abort_msg ("no budget label %" G_GINT64_FORMAT, id);
  return NULL;
}

START_TEST (test_lists_budget_lines)
{
  g_autoptr(AcuStore) store = create_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) labels = NULL;
  g_autoptr(GArray) read = NULL;
  g_autofree char *order = NULL;
  gint64 child, mother = add_family (store, &child);
  gint64 household = household_of (store, mother);
  AcuBudgetLine lines[] = { { LABEL_RSA, 60000 }, { LABEL_RENT, 40000 } };
  AcuResteAVivre rav;
  gint64 bonus;
  static const char *const resources[] = {
    "Wages", "RSA", "CAF benefits", "Pensions", "Unemployment benefit", "Other resources",
  };
  static const char *const charges[] = { "Rent", "Energy", "Insurance", "Loans", "Water", "Other charges" };
  static const char *const moved[] = {
    "Prime d’activité", "Wages", "RSA", "Allocations familiales", "Pensions", "Unemployment benefit",
    "Other resources",
  };
  static const char *const shown_charges[] = { "Energy", "Insurance", "Loans", "Water", "Other charges" };

  /* The defaults, by kind, in the reader's language */
  assert_list (store, ACU_CATALOGUE_BUDGET_RESOURCE, TRUE, resources, G_N_ELEMENTS (resources));
  assert_list (store, ACU_CATALOGUE_BUDGET_CHARGE, TRUE, charges, G_N_ELEMENTS (charges));
  ck_assert_str_eq (acu_catalogue_default_label (ACU_CATALOGUE_BUDGET_CHARGE, "loans"), "Loans");

  /* Added as a resource, last of the table: 12 lines before it */
  bonus = acu_catalogue_add (store, ACU_CATALOGUE_BUDGET_RESOURCE, " Prime d’activité ", &error);
  ck_assert_msg (bonus == 13, "%s", error ? error->message : "");
  ck_assert_int_eq (acu_test_query_int (store, "SELECT count (*) FROM budget_label "
                                               "WHERE id = 13 AND kind = 'resource' AND position = 13 "
                                               "AND label = 'Prime d’activité' AND code IS NULL"), 1);
  ck_assert_int_eq (acu_catalogue_add (store, ACU_CATALOGUE_BUDGET_RESOURCE, "prime d’ACTIVITÉ", &error), 0);
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Renamed; a resource is no charge */
  ck_assert (acu_catalogue_rename (store, ACU_CATALOGUE_BUDGET_RESOURCE, LABEL_CAF, "Allocations familiales",
                                   &error));
  ck_assert (!acu_catalogue_rename (store, ACU_CATALOGUE_BUDGET_CHARGE, LABEL_RSA, "Loyer", &error));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_NO_RECORD);
  g_clear_error (&error);

  /* First of the resources: the resources take the places they held
   * (1 to 6 and 13), the charges keep theirs (7 to 12) */
  ck_assert (acu_catalogue_move (store, ACU_CATALOGUE_BUDGET_RESOURCE, bonus, 0, &error));
  assert_list (store, ACU_CATALOGUE_BUDGET_RESOURCE, TRUE, moved, G_N_ELEMENTS (moved));
  order = ids_by_position (store, "budget_label");
  ck_assert_str_eq (order, "13,1,2,3,4,5,7,8,9,10,11,12,6");

  /* Rent hidden: no longer offered, but a budget that has it keeps it */
  ck_assert (acu_food_budget_save (store, household, lines, G_N_ELEMENTS (lines), &error));
  ck_assert (acu_catalogue_set_hidden (store, ACU_CATALOGUE_BUDGET_CHARGE, LABEL_RENT, TRUE, &error));
  assert_list (store, ACU_CATALOGUE_BUDGET_CHARGE, FALSE, shown_charges, G_N_ELEMENTS (shown_charges));
  labels = acu_food_budget_labels (store, &error);
  ck_assert_uint_eq (labels->len, 13);
  ck_assert (budget_label (labels, LABEL_RENT)->hidden);
  ck_assert_str_eq (budget_label (labels, LABEL_RENT)->label, "Rent");
  ck_assert (!budget_label (labels, LABEL_CAF)->hidden);
  ck_assert_str_eq (budget_label (labels, LABEL_CAF)->label, "Allocations familiales");
  ck_assert_int_eq (budget_label (labels, bonus)->kind, ACU_BUDGET_RESOURCE);
  read = acu_food_budget_read (store, household, &error);
  ck_assert_uint_eq (read->len, 2);
  ck_assert_int_eq (g_array_index (read, AcuBudgetLine, 1).label_id, LABEL_RENT);
  /* 600 € of RSA, 400 € of rent still counted as a charge */
  ck_assert (acu_food_reste_a_vivre (store, household, lines, G_N_ELEMENTS (lines), &rav, &error));
  ck_assert_int_eq (rav.resources_cents, 60000);
  ck_assert_int_eq (rav.charges_cents, 40000);

  /* Sealed budgets name lines no query can see: never deleted, even unused */
  ck_assert (!acu_catalogue_can_delete (ACU_CATALOGUE_BUDGET_RESOURCE));
  ck_assert (!acu_catalogue_remove (store, ACU_CATALOGUE_BUDGET_RESOURCE, bonus, &error));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_IN_USE);
  g_clear_error (&error);
  ck_assert_int_eq (acu_test_query_int (store, "SELECT count (*) FROM budget_label"), 13);
  close_store (g_steal_pointer (&store));
}
END_TEST

START_TEST (test_lists_food_categories)
{
  g_autoptr(AcuStore) store = create_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) categories = NULL;
  g_autoptr(GPtrArray) stock = NULL;
  g_autofree char *order = NULL;
  AcuGoodsDraft tins = { .day = "2026-03-10", .direction = 1, .reason = ACU_GOODS_DONATION,
                         .pieces = 3, .grams = -1, .value_cents = -1 };
  gint64 preserves, delicacies, nappies, movement, child, mother = add_family (store, &child);
  g_autofree char *sql = NULL;
  static const char *const food[] = {
    "Fruit and vegetables", "Starchy foods", "Dairy products", "Meat, fish, eggs", "Fats",
    "Sweet and salty products", "Drinks", "Baby food",
  };
  static const char *const hygiene[] = { "Hygiene and cleaning" };
  static const char *const moved[] = {
    "Conserves", "Fruit and vegetables", "Starchy foods", "Produits laitiers frais", "Meat, fish, eggs", "Fats",
    "Sweet and salty products", "Drinks", "Baby food",
  };

  /* Food and non-food apart, their weights per piece from migration 5 */
  assert_list (store, ACU_CATALOGUE_FOOD_CATEGORY, TRUE, food, G_N_ELEMENTS (food));
  assert_list (store, ACU_CATALOGUE_HYGIENE_CATEGORY, TRUE, hygiene, G_N_ELEMENTS (hygiene));
  ck_assert (acu_catalogue_has_weights (ACU_CATALOGUE_FOOD_CATEGORY));
  ck_assert (!acu_catalogue_has_weights (ACU_CATALOGUE_REASON));
  categories = acu_catalogue_list (store, ACU_CATALOGUE_FOOD_CATEGORY, TRUE, &error);
  ck_assert_int_eq (((AcuCatalogueEntry *) g_ptr_array_index (categories, 0))->grams_per_piece, 1000);
  ck_assert_int_eq (((AcuCatalogueEntry *) g_ptr_array_index (categories, 4))->grams_per_piece, 250);
  g_clear_pointer (&categories, g_ptr_array_unref);

  /* Added: a food category, last, without a weight per piece */
  preserves = acu_catalogue_add (store, ACU_CATALOGUE_FOOD_CATEGORY, "Conserves", &error);
  ck_assert_msg (preserves == 24, "%s", error ? error->message : "");
  ck_assert_int_eq (acu_test_query_int (store, "SELECT count (*) FROM goods_category WHERE id = 24 "
                                               "AND kind = 'food' AND position = 24 AND label = 'Conserves' "
                                               "AND grams_per_piece IS NULL AND parent_id IS NULL"), 1);
  nappies = acu_catalogue_add (store, ACU_CATALOGUE_HYGIENE_CATEGORY, "Couches", &error);
  ck_assert_int_eq (acu_test_query_int (store, "SELECT count (*) FROM goods_category WHERE id = 25 "
                                               "AND kind = 'hygiene' AND label = 'Couches'"), 1);
  ck_assert_int_eq (nappies, 25);
  /* The food pages read it: 9 + 2 categories, each with a stock */
  categories = acu_goods_category_list (store, ACU_GOODS_KINDS_FOOD_AID, &error);
  ck_assert_uint_eq (categories->len, 11);
  ck_assert_str_eq (((AcuGoodsCategory *) g_ptr_array_index (categories, 9))->label, "Conserves");
  g_clear_pointer (&categories, g_ptr_array_unref);
  stock = acu_goods_stock (store, ACU_GOODS_KINDS_FOOD_AID, 0, &error);
  ck_assert_uint_eq (stock->len, 11);
  ck_assert_str_eq (((AcuGoodsStock *) g_ptr_array_index (stock, 10))->category, "Couches");
  g_clear_pointer (&stock, g_ptr_array_unref);

  /* The weight of a piece: 1 g to 50 kg; outside, nothing written */
  ck_assert (acu_catalogue_set_grams_per_piece (store, ACU_CATALOGUE_FOOD_CATEGORY, preserves, 400, &error));
  ck_assert_int_eq (acu_test_query_int (store, "SELECT grams_per_piece FROM goods_category WHERE id = 24"), 400);
  for (gint64 bad[] = { -1, 50001, G_MAXINT64 }, *b = bad; b < bad + G_N_ELEMENTS (bad); b++)
    {
      ck_assert (!acu_catalogue_set_grams_per_piece (store, ACU_CATALOGUE_FOOD_CATEGORY, preserves, *b, &error));
      ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID);
      ck_assert_str_eq (error->message, "The weight of one piece must be between 1 g and 50 000 g.");
      g_clear_error (&error);
    }
  ck_assert_int_eq (acu_test_query_int (store, "SELECT grams_per_piece FROM goods_category WHERE id = 24"), 400);
  ck_assert (acu_catalogue_set_grams_per_piece (store, ACU_CATALOGUE_FOOD_CATEGORY, CAT_DAIRY, 50000, &error));
  ck_assert (acu_catalogue_set_grams_per_piece (store, ACU_CATALOGUE_FOOD_CATEGORY, CAT_DAIRY, 1, &error));
  ck_assert_int_eq (acu_test_query_int (store, "SELECT grams_per_piece FROM goods_category WHERE id = 3"), 1);
  /* 0: none, weighed only */
  ck_assert (acu_catalogue_set_grams_per_piece (store, ACU_CATALOGUE_FOOD_CATEGORY, CAT_DAIRY, 0, &error));
  ck_assert_int_eq (acu_test_query_int (store, "SELECT grams_per_piece IS NULL FROM goods_category WHERE id = 3"),
                    1);
  /* Three tins counted by the piece: 3 × 400 g, estimated */
  tins.category_id = preserves;
  movement = acu_goods_record (store, &tins, &error);
  ck_assert_msg (movement > 0, "%s", error ? error->message : "");
  ck_assert_int_eq (acu_test_query_int (store, "SELECT grams FROM goods_movement WHERE category_id = 24 "
                                               "AND estimated = 1 AND pieces = 3"), 1200);

  /* Renamed: the pages read the new name */
  ck_assert (acu_catalogue_rename (store, ACU_CATALOGUE_FOOD_CATEGORY, CAT_DAIRY, "Produits laitiers frais",
                                   &error));
  stock = acu_goods_stock (store, ACU_GOODS_KINDS_FOOD_AID, 0, &error);
  ck_assert_str_eq (((AcuGoodsStock *) g_ptr_array_index (stock, 2))->category, "Produits laitiers frais");
  g_clear_pointer (&stock, g_ptr_array_unref);
  /* hygiene is not a food category */
  ck_assert (!acu_catalogue_rename (store, ACU_CATALOGUE_FOOD_CATEGORY, CAT_HYGIENE, "Hygiène", &error));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_NO_RECORD);
  g_clear_error (&error);

  /* First: the food categories take the places they held (1 to 8, 24),
   * hygiene (9), the clothes and goods of migration 7 (10 to 23) and the
   * nappies (25) keep theirs */
  ck_assert (acu_catalogue_move (store, ACU_CATALOGUE_FOOD_CATEGORY, preserves, 0, &error));
  assert_list (store, ACU_CATALOGUE_FOOD_CATEGORY, TRUE, moved, G_N_ELEMENTS (moved));
  order = ids_by_position (store, "goods_category");
  ck_assert_str_eq (order, "24,1,2,3,4,5,6,7,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,8,25");

  /* Hidden: no longer offered, still in Preferences */
  ck_assert (acu_catalogue_set_hidden (store, ACU_CATALOGUE_FOOD_CATEGORY, CAT_STARCHY, TRUE, &error));
  categories = acu_goods_category_list (store, ACU_GOODS_KINDS_FOOD_AID, &error);
  ck_assert_uint_eq (categories->len, 10);
  for (guint i = 0; i < categories->len; i++)
    ck_assert_int_ne (((AcuGoodsCategory *) g_ptr_array_index (categories, i))->id, CAT_STARCHY);
  g_clear_pointer (&categories, g_ptr_array_unref);
  categories = acu_catalogue_list (store, ACU_CATALOGUE_FOOD_CATEGORY, TRUE, &error);
  ck_assert (((AcuCatalogueEntry *) g_ptr_array_index (categories, 2))->hidden);
  g_clear_pointer (&categories, g_ptr_array_unref);

  /* In use, never deleted: by the ledger (the tins), by a standard parcel
   * (fruit and vegetables), by a basket, by a sub-category */
  ck_assert (acu_catalogue_can_delete (ACU_CATALOGUE_FOOD_CATEGORY));
  ck_assert (!acu_catalogue_remove (store, ACU_CATALOGUE_FOOD_CATEGORY, preserves, &error));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_IN_USE);
  g_clear_error (&error);
  ck_assert (!acu_catalogue_remove (store, ACU_CATALOGUE_FOOD_CATEGORY, CAT_FRUIT, &error));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_IN_USE);
  g_clear_error (&error);
  delicacies = acu_catalogue_add (store, ACU_CATALOGUE_FOOD_CATEGORY, "Épicerie fine", &error);
  ck_assert_int_eq (delicacies, 26);
  ck_assert (acu_store_exec (store, "INSERT INTO goods_category (label, position, kind, parent_id) "
                                    "VALUES ('Chocolat', 27, 'food', 26)", &error));
  ck_assert (!acu_catalogue_remove (store, ACU_CATALOGUE_FOOD_CATEGORY, delicacies, &error));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_IN_USE);
  g_clear_error (&error);
  ck_assert (acu_store_exec (store, "DELETE FROM goods_category WHERE id = 27", &error));
  /* a basket line alone (its movement out written apart here) */
  sql = g_strdup_printf ("INSERT INTO food_service (day, household_id, mode, persons, created_at) "
                         "VALUES ('2026-03-10', %" G_GINT64_FORMAT ", 'grocery', 1, 0); "
                         "INSERT INTO food_basket_line (service_id, category_id, price_cents, quantity, line_cents) "
                         "VALUES (last_insert_rowid (), 26, 100, 1, 100)", household_of (store, mother));
  ck_assert_msg (acu_store_exec (store, sql, &error), "%s", error ? error->message : "");
  ck_assert (!acu_catalogue_remove (store, ACU_CATALOGUE_FOOD_CATEGORY, delicacies, &error));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_IN_USE);
  g_clear_error (&error);
  ck_assert_int_eq (acu_test_query_int (store, "SELECT count (*) FROM goods_category"), 26);

  /* Unused: baby food, whose standard parcels weigh 0 g, goes with them */
  ck_assert_int_eq (acu_test_query_int (store, "SELECT count (*) FROM food_parcel_preset WHERE category_id = 8"), 6);
  ck_assert_msg (acu_catalogue_remove (store, ACU_CATALOGUE_FOOD_CATEGORY, CAT_BABY, &error), "%s",
                 error ? error->message : "");
  ck_assert_int_eq (acu_test_query_int (store, "SELECT count (*) FROM food_parcel_preset WHERE category_id = 8"), 0);
  ck_assert_int_eq (acu_test_query_int (store, "SELECT count (*) FROM goods_category WHERE id = 8"), 0);
  ck_assert (acu_catalogue_remove (store, ACU_CATALOGUE_HYGIENE_CATEGORY, nappies, &error));
  ck_assert_int_eq (acu_test_query_int (store, "SELECT count (*) FROM goods_category"), 24);
  close_store (g_steal_pointer (&store));
}
END_TEST

/* Lists are read by who needs them and written by coordinators only;
 * every write is in the audit log and tells its areas */
START_TEST (test_lists_roles_and_audit)
{
  g_autoptr(AcuStore) store = create_store ();
  g_autoptr(AcuChangeLog) log = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  gint64 staff = add_staff (store);
  gint64 volunteer = acu_desk_person_add (store, VOLUNTEER, ACU_ROLE_VOLUNTEER, PIN, &error);
  gint64 added, line;

  log = acu_change_log_new (store);
  added = acu_catalogue_add (store, ACU_CATALOGUE_FOOD_CATEGORY, "Conserves", &error);
  ck_assert_int_eq (added, 24);
  ACU_ASSERT_CHANGES (log, ACU_AREA_CATALOGUES | ACU_AREA_GOODS | ACU_AREA_AUDIT);
  ck_assert (acu_catalogue_set_grams_per_piece (store, ACU_CATALOGUE_FOOD_CATEGORY, added, 400, &error));
  ACU_ASSERT_CHANGES (log, ACU_AREA_CATALOGUES | ACU_AREA_GOODS | ACU_AREA_AUDIT);
  ck_assert (acu_catalogue_rename (store, ACU_CATALOGUE_HYGIENE_CATEGORY, CAT_HYGIENE, "Hygiène", &error));
  ACU_ASSERT_CHANGES (log, ACU_AREA_CATALOGUES | ACU_AREA_GOODS | ACU_AREA_AUDIT);
  ck_assert (!acu_catalogue_set_grams_per_piece (store, ACU_CATALOGUE_FOOD_CATEGORY, added, 50001, &error));
  g_clear_error (&error);
  ACU_ASSERT_CHANGES (log, ACU_AREA_NONE);
  line = acu_catalogue_add (store, ACU_CATALOGUE_BUDGET_CHARGE, "Mutuelle", &error);
  ck_assert_int_eq (line, 13);
  ACU_ASSERT_CHANGES (log, ACU_AREA_CATALOGUES | ACU_AREA_AUDIT);
  ck_assert (acu_catalogue_set_hidden (store, ACU_CATALOGUE_BUDGET_RESOURCE, LABEL_WAGES, TRUE, &error));
  ACU_ASSERT_CHANGES (log, ACU_AREA_CATALOGUES | ACU_AREA_AUDIT);
  ck_assert (acu_catalogue_move (store, ACU_CATALOGUE_BUDGET_CHARGE, line, 0, &error));
  ACU_ASSERT_CHANGES (log, ACU_AREA_CATALOGUES | ACU_AREA_AUDIT);
  ck_assert (acu_catalogue_remove (store, ACU_CATALOGUE_FOOD_CATEGORY, added, &error));
  ACU_ASSERT_CHANGES (log, ACU_AREA_CATALOGUES | ACU_AREA_GOODS | ACU_AREA_AUDIT);
  /* each of the 7 writes its row, naming the entry */
  ck_assert_int_eq (acu_test_query_int (store, "SELECT count (*) FROM audit WHERE action = 'food-categories-changed' "
                                               "AND object = 'goods_category 24' AND person_id = 1"), 3);
  ck_assert_int_eq (acu_test_query_int (store, "SELECT count (*) FROM audit WHERE action = 'food-categories-changed' "
                                               "AND object = 'goods_category 9'"), 1);
  ck_assert_int_eq (acu_test_query_int (store, "SELECT count (*) FROM audit WHERE action = 'budget-lines-changed' "
                                               "AND object = 'budget_label 13'"), 2);
  ck_assert_int_eq (acu_test_query_int (store, "SELECT count (*) FROM audit WHERE action = 'budget-lines-changed' "
                                               "AND object = 'budget_label 1'"), 1);
  {
    g_autofree char *object = acu_audit_object_get_label ("goods_category 10");

    ck_assert_str_eq (object, "list entry no. 10");
  }

  /* Staff read the budget lines, change no list */
  ck_assert (acu_store_identify_with_password (store, staff, STAFF_PW, &error));
  list = acu_catalogue_list (store, ACU_CATALOGUE_BUDGET_CHARGE, TRUE, &error);
  ck_assert_uint_eq (list->len, 7);
  g_clear_pointer (&list, g_ptr_array_unref);
  ck_assert_int_eq (acu_catalogue_add (store, ACU_CATALOGUE_BUDGET_CHARGE, "Cantine", &error), 0);
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_FORBIDDEN);
  g_clear_error (&error);
  ck_assert (!acu_catalogue_rename (store, ACU_CATALOGUE_FOOD_CATEGORY, CAT_FRUIT, "Fruits", &error));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_FORBIDDEN);
  g_clear_error (&error);

  /* A volunteer sees the food categories, not the budget lines, and
   * changes nothing */
  ck_assert (acu_store_identify_with_pin (store, volunteer, PIN, &error));
  g_clear_pointer (&log, acu_change_log_free);
  log = acu_change_log_new (store);
  list = acu_catalogue_list (store, ACU_CATALOGUE_FOOD_CATEGORY, FALSE, &error);
  ck_assert_uint_eq (list->len, 8);
  ck_assert_ptr_null (acu_catalogue_list (store, ACU_CATALOGUE_BUDGET_RESOURCE, TRUE, &error));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_FORBIDDEN);
  g_clear_error (&error);
  ck_assert_int_eq (acu_catalogue_add (store, ACU_CATALOGUE_FOOD_CATEGORY, "Surgelés", &error), 0);
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_FORBIDDEN);
  g_clear_error (&error);
  ck_assert (!acu_catalogue_set_grams_per_piece (store, ACU_CATALOGUE_FOOD_CATEGORY, CAT_FRUIT, 500, &error));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_FORBIDDEN);
  g_clear_error (&error);
  ck_assert (!acu_catalogue_set_hidden (store, ACU_CATALOGUE_FOOD_CATEGORY, CAT_FRUIT, TRUE, &error));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_FORBIDDEN);
  g_clear_error (&error);
  ck_assert (!acu_catalogue_move (store, ACU_CATALOGUE_FOOD_CATEGORY, CAT_FRUIT, 3, &error));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_FORBIDDEN);
  g_clear_error (&error);
  ck_assert (!acu_catalogue_remove (store, ACU_CATALOGUE_HYGIENE_CATEGORY, CAT_HYGIENE, &error));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_FORBIDDEN);
  g_clear_error (&error);
  ACU_ASSERT_CHANGES (log, ACU_AREA_NONE);
  ck_assert_int_eq (acu_test_query_int (store, "SELECT count (*) FROM goods_category"), 23);
  ck_assert_int_eq (acu_test_query_int (store, "SELECT grams_per_piece FROM goods_category WHERE id = 1"), 1000);
  ck_assert_int_eq (acu_test_query_int (store, "SELECT count (*) FROM audit WHERE action LIKE '%-changed'"), 7);
  close_store (g_steal_pointer (&store));
}
END_TEST

/* A partner that food aid names is in use too */
START_TEST (test_lists_partner_used_by_access)
{
  g_autoptr(AcuStore) store = create_store ();
  g_autoptr(GError) error = NULL;
  gint64 child, mother = add_family (store, &child);

  grant (store, household_of (store, mother), ACU_FOOD_MODE_PARCEL, 1, 0, 30);
  ck_assert (!acu_catalogue_remove (store, ACU_CATALOGUE_PARTNER, PARTNER_CCAS, &error));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_IN_USE);
  g_clear_error (&error);
  ck_assert_int_eq (acu_test_query_int (store, "SELECT count (*) FROM referral_partner WHERE id = 1"), 1);
  close_store (g_steal_pointer (&store));
}
END_TEST

static Suite *
food_suite (void)
{
  Suite *suite = suite_create ("food");
  TCase *tc = acu_test_tcase_new ("food", acu_test_db_setup, acu_test_db_teardown);

  tcase_add_test (tc, test_access_grant_and_status);
  tcase_add_test (tc, test_access_bad_input);
  tcase_add_test (tc, test_serve_parcel);
  tcase_add_test (tc, test_serve_grocery_basket);
  tcase_add_test (tc, test_serve_bad_input);
  tcase_add_test (tc, test_serve_override);
  tcase_add_test (tc, test_roles);
  tcase_add_test (tc, test_reste_a_vivre);
  tcase_add_test (tc, test_budget_not_in_file);
  tcase_add_test (tc, test_days_and_expected);
  tcase_add_test (tc, test_goods_ledger);
  tcase_add_test (tc, test_household_links);
  tcase_add_test (tc, test_writes_tell_their_area);
  tcase_add_test (tc, test_lists_budget_lines);
  tcase_add_test (tc, test_lists_food_categories);
  tcase_add_test (tc, test_lists_roles_and_audit);
  tcase_add_test (tc, test_lists_partner_used_by_access);
  suite_add_tcase (suite, tc);
  return suite;
}

int
main (void)
{
  acu_test_use_fast_kdf ();

  return acu_test_run (food_suite ());
}
