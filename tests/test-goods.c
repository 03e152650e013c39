/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The vestiaire and the ressourcerie on the goods ledger: places,
 * categories of clothes and goods, goods in, transfers, gifts to a
 * household from the desk (with their visit), the stock they may not
 * pass unless staff force it, low-stock thresholds, roles. Every expected
 * value is worked out by hand in the comments. */
#include "config.h"

#include <string.h>

#include <check.h>
#include <glib.h>

#include "acu-desk-people.h"
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

/* Ids of migration 7's defaults, after the nine of migration 5 */
#define CAT_WOMEN     10
#define CAT_CHILDREN  12
#define CAT_SHOES     14
#define CAT_FURNITURE 16
#define CAT_TOYS      20
#define PLACE_FOOD    1
#define PLACE_VESTIAIRE 2
#define PLACE_STOREROOM 3
/* Reasons of migration 2, in the order it inserts them */
#define REASON_CLOTHING  2
#define REASON_FURNITURE 3

static AcuStore *
create_store (void)
{
  g_autoptr(GError) error = NULL;
  AcuStore *store = acu_store_create (acu_test_db_path, SITE, PERSON, PASSWORD, NULL, &error);

  ck_assert_msg (store != NULL, "create failed: %s", error ? error->message : "(no error)");
  return store;
}

static gint64
add_person (AcuStore    *store,
            const char  *first,
            const char  *last)
{
  g_autoptr(GError) error = NULL;
  AcuPersonDraft draft = { .first_name = first, .last_name = last, .birth_date = "1984-02-29" };
  gint64 id = acu_person_add (store, &draft, &error);

  ck_assert_msg (id > 0, "adding %s: %s", first, error ? error->message : "");
  return id;
}

static gint64
stock_of (AcuStore    *store,
          gint64       place_id,
          gint64       category_id,
          const char  *column)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM goods_stock WHERE place_id = %" G_GINT64_FORMAT
                                          " AND category_id = %" G_GINT64_FORMAT, column, place_id, category_id);

  return acu_test_query_int (store, sql);
}

static gint64
add_volunteer (AcuStore *store)
{
  g_autoptr(GError) error = NULL;
  gint64 id = acu_desk_person_add (store, VOLUNTEER, ACU_ROLE_VOLUNTEER, PIN, &error);

  ck_assert_msg (id > 0, "%s", error ? error->message : "");
  return id;
}

static gint64
add_staff (AcuStore *store)
{
  g_autoptr(GError) error = NULL;
  gint64 id = acu_desk_person_add (store, STAFF, ACU_ROLE_STAFF, STAFF_PW, &error);

  ck_assert_msg (id > 0, "%s", error ? error->message : "");
  return id;
}

/* A bag of children's clothes weighed in, shoes counted and not weighed */
static void
receive_clothes (AcuStore *store)
{
  g_autoptr(GError) error = NULL;
  AcuGoodsDraft drafts[] = {
    { .category_id = CAT_CHILDREN, .direction = 1, .reason = ACU_GOODS_DONATION, .pieces = 20, .grams = 6500,
      .value_cents = -1 },
    { .category_id = CAT_SHOES, .direction = 1, .reason = ACU_GOODS_DONATION, .pieces = 3, .grams = -1,
      .value_cents = -1 },
  };

  ck_assert_msg (acu_goods_record_many (store, drafts, G_N_ELEMENTS (drafts), NULL, &error), "%s",
                 error ? error->message : "");
}

START_TEST (test_places_and_categories)
{
  g_autoptr(AcuStore) store = create_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) places = acu_goods_place_list (store, &error);
  g_autoptr(GPtrArray) clothes = acu_goods_category_list (store, ACU_GOODS_KIND_TEXTILE, &error);
  g_autoptr(GPtrArray) second_hand = acu_goods_category_list (store, ACU_GOODS_KINDS_SECOND_HAND, &error);
  AcuGoodsCategory *women;

  ck_assert_uint_eq (places->len, 3);
  ck_assert_str_eq (((AcuGoodsPlace *) g_ptr_array_index (places, 0))->label, "Food store");
  ck_assert_str_eq (((AcuGoodsPlace *) g_ptr_array_index (places, 1))->label, "Clothing room");
  ck_assert_int_eq (((AcuGoodsPlace *) g_ptr_array_index (places, 2))->id, PLACE_STOREROOM);
  /* women, men, children, babies, shoes, linen */
  ck_assert_uint_eq (clothes->len, 6);
  women = g_ptr_array_index (clothes, 0);
  ck_assert_int_eq (women->id, CAT_WOMEN);
  ck_assert_str_eq (women->label, "Clothing for women");
  ck_assert_int_eq (women->grams_per_piece, 400);
  ck_assert_int_eq (women->low_pieces, 0);
  /* 6 textiles, furniture, appliances and 6 others */
  ck_assert_uint_eq (second_hand->len, 14);
  acu_store_close (store);
}
END_TEST

START_TEST (test_in_and_transfer)
{
  g_autoptr(AcuStore) store = create_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(AcuChangeLog) changes = acu_change_log_new (store);
  gint64 out_id;

  /* Clothes with no place go to the clothing room: 20 pieces, 6.5 kg;
   * 3 pairs of shoes, 3 × 800 g = 2.4 kg estimated */
  receive_clothes (store);
  ACU_ASSERT_CHANGES (changes, ACU_AREA_GOODS | ACU_AREA_AUDIT);
  ck_assert_int_eq (stock_of (store, PLACE_VESTIAIRE, CAT_CHILDREN, "pieces"), 20);
  ck_assert_int_eq (stock_of (store, PLACE_VESTIAIRE, CAT_CHILDREN, "grams"), 6500);
  ck_assert_int_eq (stock_of (store, PLACE_VESTIAIRE, CAT_SHOES, "grams"), 2400);
  ck_assert_int_eq (acu_test_query_int (store, "SELECT estimated FROM goods_movement WHERE category_id = 14"), 1);
  ck_assert_int_eq (acu_test_query_int (store, "SELECT count (*) FROM goods_stock WHERE place_id = 1"), 0);

  /* 5 pieces to the storeroom, not weighed: 5 × 250 g = 1.25 kg */
  ck_assert_msg (acu_goods_transfer (store, NULL, PLACE_VESTIAIRE, PLACE_STOREROOM, CAT_CHILDREN, 5, -1, NULL, &error),
                 "%s", error ? error->message : "");
  ACU_ASSERT_CHANGES (changes, ACU_AREA_GOODS | ACU_AREA_AUDIT);
  ck_assert_int_eq (stock_of (store, PLACE_VESTIAIRE, CAT_CHILDREN, "pieces"), 15);
  ck_assert_int_eq (stock_of (store, PLACE_VESTIAIRE, CAT_CHILDREN, "grams"), 5250);
  ck_assert_int_eq (stock_of (store, PLACE_STOREROOM, CAT_CHILDREN, "pieces"), 5);
  ck_assert_int_eq (stock_of (store, PLACE_STOREROOM, CAT_CHILDREN, "grams"), 1250);
  out_id = acu_test_query_int (store, "SELECT id FROM goods_movement WHERE reason = 'transfer' AND direction = -1");
  ck_assert_int_eq (acu_test_query_int (store, "SELECT pair_id FROM goods_movement "
                                               "WHERE reason = 'transfer' AND direction = 1"), out_id);
  ck_assert_int_eq (acu_test_query_int (store, "SELECT count (*) FROM audit WHERE action = 'goods-transfer'"), 1);

  /* The same place, or more than the storeroom holds without a reason:
   * refused, nothing written */
  ck_assert (!acu_goods_transfer (store, NULL, PLACE_STOREROOM, PLACE_STOREROOM, CAT_CHILDREN, 1, -1, NULL, &error));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID);
  g_clear_error (&error);
  ck_assert (!acu_goods_transfer (store, NULL, PLACE_STOREROOM, PLACE_VESTIAIRE, CAT_CHILDREN, 6, -1, NULL, &error));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_SHORT);
  ck_assert_ptr_nonnull (strstr (error->message, "Only 5 pieces"));
  g_clear_error (&error);
  ACU_ASSERT_CHANGES (changes, ACU_AREA_NONE);
  ck_assert_int_eq (acu_test_query_int (store, "SELECT count (*) FROM goods_movement"), 4);

  /* The coordinator forces it with a reason: the out keeps the reason,
   * the storeroom goes to 5 − 6 = −1 piece, the clothing room to 15 + 6 = 21 */
  ck_assert_msg (acu_goods_transfer (store, NULL, PLACE_STOREROOM, PLACE_VESTIAIRE, CAT_CHILDREN, 6, -1,
                                     "Un sac oublié au garage", &error), "%s", error ? error->message : "");
  ck_assert_int_eq (stock_of (store, PLACE_STOREROOM, CAT_CHILDREN, "pieces"), -1);
  ck_assert_int_eq (stock_of (store, PLACE_VESTIAIRE, CAT_CHILDREN, "pieces"), 21);
  ck_assert_int_eq (acu_test_query_int (store, "SELECT count (*) FROM goods_movement "
                                               "WHERE forced_reason = 'Un sac oublié au garage' AND direction = -1"), 1);
  ck_assert_int_eq (acu_test_query_int (store, "SELECT count (*) FROM audit WHERE action = 'goods-forced'"), 1);

  /* A gift goes through the desk, not through the ledger's form */
  {
    AcuGoodsDraft given = { .category_id = CAT_CHILDREN, .direction = -1, .reason = ACU_GOODS_GIVEN,
                            .pieces = 1, .grams = -1, .value_cents = -1 };

    ck_assert_int_eq (acu_goods_record (store, &given, &error), 0);
    ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID);
    g_clear_error (&error);
  }
  acu_store_close (store);
}
END_TEST

START_TEST (test_give_and_cancel)
{
  g_autoptr(AcuStore) store = create_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) given = NULL;
  gint64 person, household, volunteer, staff, visit = 0, staff_visit = 0;
  AcuGoodsLine three = { .category_id = CAT_CHILDREN, .pieces = 3, .grams = -1 };
  AcuGoodsLine wardrobe = { .category_id = CAT_FURNITURE, .pieces = 1, .grams = 60000 };
  AcuGoodsLine none = { .category_id = CAT_CHILDREN, .pieces = 0, .grams = -1 };

  receive_clothes (store);
  person = add_person (store, "Inès", "Garcia");
  household = acu_test_query_int (store, "SELECT household_id FROM person");
  volunteer = add_volunteer (store);
  staff = add_staff (store);
  ck_assert (acu_store_identify_with_pin (store, volunteer, PIN, &error));

  /* Nothing, or a line of 0 pieces: refused, no visit */
  ck_assert (!acu_goods_give (store, person, 0, &three, 0, NULL, &visit, &error));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID);
  g_clear_error (&error);
  ck_assert (!acu_goods_give (store, person, 0, &none, 1, NULL, &visit, &error));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* 3 children's pieces from the clothing room: a visit for clothing,
   * a movement given to her household, 20 − 3 = 17 left */
  ck_assert_msg (acu_goods_give (store, person, 0, &three, 1, NULL, &visit, &error), "%s",
                 error ? error->message : "");
  ck_assert_int_gt (visit, 0);
  ck_assert_int_eq (acu_test_query_int (store, "SELECT reason_id FROM visit_reason"), REASON_CLOTHING);
  ck_assert_int_eq (stock_of (store, PLACE_VESTIAIRE, CAT_CHILDREN, "pieces"), 17);
  ck_assert_int_eq (acu_test_query_int (store, "SELECT household_id FROM goods_movement WHERE reason = 'given'"),
                    household);
  ck_assert_int_eq (acu_test_query_int (store, "SELECT grams FROM goods_movement WHERE reason = 'given'"), 750);
  ck_assert_int_eq (acu_test_query_int (store, "SELECT count (*) FROM audit WHERE action = 'goods-give'"), 1);

  /* A wardrobe the clothing room does not hold: refused for a volunteer,
   * nothing written; staff must give a reason, then it is recorded */
  ck_assert (!acu_goods_give (store, person, 0, &wardrobe, 1, "Livré par le partenaire", NULL, &error));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_SHORT);
  g_clear_error (&error);
  ck_assert_int_eq (acu_test_query_int (store, "SELECT count (*) FROM visit"), 1);
  ck_assert (acu_store_identify_with_password (store, staff, STAFF_PW, &error));
  ck_assert (!acu_goods_give (store, person, 0, &wardrobe, 1, "  ", NULL, &error));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_SHORT);
  g_clear_error (&error);
  ck_assert_msg (acu_goods_give (store, person, 0, &wardrobe, 1, "Livré par le partenaire", &staff_visit, &error),
                 "%s", error ? error->message : "");
  ck_assert_int_eq (acu_test_query_int (store, "SELECT count (*) FROM goods_movement "
                                               "WHERE forced_reason = 'Livré par le partenaire'"), 1);
  ck_assert_int_eq (acu_test_query_int (store, "SELECT count (*) FROM audit WHERE action = 'goods-forced'"), 1);
  ck_assert_int_eq (stock_of (store, PLACE_VESTIAIRE, CAT_FURNITURE, "pieces"), -1);
  /* no clothes: the visit is for furniture */
  {
    g_autofree char *sql = g_strdup_printf ("SELECT reason_id FROM visit_reason WHERE visit_id = %" G_GINT64_FORMAT,
                                            staff_visit);

    ck_assert_int_eq (acu_test_query_int (store, sql), REASON_FURNITURE);
  }
  given = acu_goods_list_household (store, household, 0, 10, &error);
  ck_assert_uint_eq (given->len, 2);
  ck_assert_int_eq (acu_goods_movement_get_category_id (g_ptr_array_index (given, 0)), CAT_FURNITURE);

  /* The visit goes only with its gift: deleting it alone is refused */
  ck_assert (!acu_visit_delete (store, visit, &error));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_IN_USE);
  g_clear_error (&error);

  /* The volunteer cancels her own gift (not staff's): corrected, 20 again */
  ck_assert (acu_store_identify_with_pin (store, volunteer, PIN, &error));
  ck_assert (!acu_goods_gift_cancel (store, staff_visit, &error));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_FORBIDDEN);
  g_clear_error (&error);
  ck_assert_msg (acu_goods_gift_cancel (store, visit, &error), "%s", error ? error->message : "");
  ck_assert_int_eq (stock_of (store, PLACE_VESTIAIRE, CAT_CHILDREN, "pieces"), 20);
  ck_assert_int_eq (acu_test_query_int (store, "SELECT count (*) FROM visit"), 1);
  ck_assert_int_eq (acu_test_query_int (store, "SELECT count (*) FROM goods_movement WHERE reason = 'correction'"), 1);
  ck_assert (!acu_goods_gift_cancel (store, visit, &error));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_NO_RECORD);
  g_clear_error (&error);
  acu_store_close (store);
}
END_TEST

START_TEST (test_short_and_thresholds)
{
  g_autoptr(AcuStore) store = create_store ();
  g_autoptr(GError) error = NULL;
  gint64 volunteer;
  AcuGoodsDraft recycled = { .category_id = CAT_CHILDREN, .direction = -1, .reason = ACU_GOODS_RECYCLED,
                             .pieces = 21, .grams = -1, .value_cents = -1 };

  receive_clothes (store);
  volunteer = add_volunteer (store);

  /* No threshold yet: nothing short. 20 children's pieces below 25 and
   * toys (0 pieces) below 1: two short; shoes (3) above 2 are not */
  ck_assert_uint_eq (acu_goods_count_short (store, ACU_GOODS_KINDS_SECOND_HAND, &error), 0);
  ck_assert (acu_goods_category_set_low_pieces (store, CAT_CHILDREN, 25, &error));
  ck_assert (acu_goods_category_set_low_pieces (store, CAT_TOYS, 1, &error));
  ck_assert (acu_goods_category_set_low_pieces (store, CAT_SHOES, 2, &error));
  ck_assert_uint_eq (acu_goods_count_short (store, ACU_GOODS_KINDS_SECOND_HAND, &error), 2);
  ck_assert_uint_eq (acu_goods_count_short (store, ACU_GOODS_KINDS_FOOD_AID, &error), 0);
  ck_assert (!acu_goods_category_set_low_pieces (store, CAT_TOYS, -4, &error));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID);
  g_clear_error (&error);
  ck_assert (acu_goods_category_set_low_pieces (store, CAT_TOYS, 0, &error));
  ck_assert_uint_eq (acu_goods_count_short (store, ACU_GOODS_KINDS_SECOND_HAND, &error), 1);

  /* A volunteer neither sets a threshold nor sends 21 of 20 pieces to recycling */
  ck_assert (acu_store_identify_with_pin (store, volunteer, PIN, &error));
  ck_assert (!acu_goods_category_set_low_pieces (store, CAT_TOYS, 3, &error));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_FORBIDDEN);
  g_clear_error (&error);
  ck_assert_int_eq (acu_goods_record (store, &recycled, &error), 0);
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_SHORT);
  ck_assert_ptr_nonnull (strstr (error->message, "Only 20 pieces"));
  g_clear_error (&error);
  recycled.pieces = 20;
  ck_assert (acu_goods_record (store, &recycled, &error) > 0);
  ck_assert_int_eq (stock_of (store, PLACE_VESTIAIRE, CAT_CHILDREN, "pieces"), 0);
  ck_assert_uint_eq (acu_goods_count_short (store, ACU_GOODS_KINDS_SECOND_HAND, &error), 1);

  /* Food is not held to its stock: kilos served are not counted back */
  {
    AcuGoodsDraft lost = { .category_id = 2, .direction = -1, .reason = ACU_GOODS_EXPIRED, .grams = 5000,
                           .value_cents = -1 };

    ck_assert (acu_goods_record (store, &lost, &error) > 0);
    ck_assert_int_eq (stock_of (store, PLACE_FOOD, 2, "grams"), -5000);
  }
  acu_store_close (store);
}
END_TEST

static Suite *
goods_suite (void)
{
  Suite *suite = suite_create ("goods");
  TCase *tc = acu_test_tcase_new ("goods", acu_test_db_setup, acu_test_db_teardown);

  tcase_add_test (tc, test_places_and_categories);
  tcase_add_test (tc, test_in_and_transfer);
  tcase_add_test (tc, test_give_and_cancel);
  tcase_add_test (tc, test_short_and_thresholds);
  suite_add_tcase (suite, tc);
  return suite;
}

int
main (void)
{
  acu_test_use_fast_kdf ();

  return acu_test_run (goods_suite ());
}
