/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <check.h>
#include <glib.h>

#include "acu-catalogue.h"
#include "acu-date.h"
#include "acu-demo.h"
#include "acu-desk-people.h"
#include "acu-food.h"
#include "acu-people.h"
#include "acu-store-private.h"
#include "acu-visits.h"
#include "acu-test-util.h"
#include "acu-test-changes.h"

#define SITE     "Tiers-lieu de Lectoure"
#define PERSON   "Hélène Martin"
#define PASSWORD "Tr3s-Secret!Gers#2026"

/* Ids of the default entries: the migration inserts them in this order */
#define REASON_FOOD_AID      1
#define REASON_CLOTHING      2
#define REASON_FURNITURE     3
#define REASON_DIGITAL_HELP  4
#define REASON_COFFEE        8
#define REASON_WORKSHOP      9
#define REASON_OTHER         10
#define PARTNER_CCAS         1
#define PARTNER_CAF          7
#define COMMUNE_AUCH         2
#define COMMUNE_LECTOURE     12
#define COMMUNE_MARCIAC      14

#define UNKNOWN_ID           9999


/* Helpers */

static AcuStore *
create_store_at (const char *path)
{
  g_autoptr(GError) error = NULL;
  AcuStore *store = acu_store_create (path, SITE, PERSON, PASSWORD, NULL, &error);

  ck_assert_msg (store != NULL, "create failed: %s", error ? error->message : "(no error)");
  ck_assert_ptr_null (error);
  return store;
}

static AcuStore *
create_store (void)
{
  return create_store_at (acu_test_db_path);
}

static void
close_store (AcuStore *store)
{
  acu_store_close (store);
  g_object_unref (store);
}

static gint64
count_rows (AcuStore   *store,
            const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);

  return acu_test_query_int (store, sql);
}

/* Every row of @sql, columns joined with "|", rows with "\n" */
static char *
dump_query (AcuStore   *store,
            const char *sql)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = acu_store_prepare (store, sql, &error);
  GString *out = g_string_new (NULL);
  int rc;

  ck_assert_msg (stmt != NULL, "%s: %s", sql, error ? error->message : "");
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        {
          const char *text = (const char *) sqlite3_column_text (stmt, i);

          if (i > 0)
            g_string_append_c (out, '|');
          g_string_append (out, text ? text : "NULL");
        }
      g_string_append_c (out, '\n');
    }
  ck_assert_msg (rc == SQLITE_DONE, "%s: %d", sql, rc);
  sqlite3_reset (stmt);
  return g_string_free (out, FALSE);
}

static gint64
add_person_full (AcuStore    *store,
                 const char  *first_name,
                 const char  *last_name,
                 const char  *birth_date,
                 gint64       household_id,
                 gint64       commune_id)
{
  g_autoptr(GError) error = NULL;
  AcuPersonDraft draft = {
    .first_name = first_name,
    .last_name = last_name,
    .birth_date = birth_date,
    .household_id = household_id,
    .commune_id = commune_id,
  };
  gint64 id = acu_person_add (store, &draft, &error);

  ck_assert_msg (id > 0, "adding %s %s failed: %s", first_name, last_name,
                 error ? error->message : "(no error)");
  ck_assert_ptr_null (error);
  return id;
}

static gint64
add_person (AcuStore   *store,
            const char *first_name,
            const char *last_name,
            gint64      household_id)
{
  return add_person_full (store, first_name, last_name, NULL, household_id, 0);
}

static gint64
household_of (AcuStore *store,
              gint64    person_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AcuPerson) person = acu_person_get (store, person_id, &error);

  ck_assert_msg (person != NULL, "person %" G_GINT64_FORMAT ": %s", person_id,
                 error ? error->message : "(no error)");
  return acu_person_get_household_id (person);
}

static gint64
log_visit (AcuStore     *store,
           const char   *day,
           const char   *time,
           gint64        person_id,
           const gint64 *reason_ids,
           guint         n_reasons)
{
  g_autoptr(GError) error = NULL;
  AcuVisitDraft draft = {
    .day = day,
    .time = time,
    .person_id = person_id,
    .reason_ids = reason_ids,
    .n_reasons = n_reasons,
  };
  gint64 id = acu_visit_log (store, &draft, &error);

  ck_assert_msg (id > 0, "logging a visit on %s %s failed: %s", day, time,
                 error ? error->message : "(no error)");
  ck_assert_ptr_null (error);
  return id;
}

static gint64
log_simple_visit (AcuStore   *store,
                  const char *day,
                  const char *time,
                  gint64      person_id,
                  gint64      reason_id)
{
  return log_visit (store, day, time, person_id, &reason_id, 1);
}

/* The labels of a catalogue, in order */
static void
assert_labels (AcuStore           *store,
               AcuCatalogue        catalogue,
               gboolean            include_hidden,
               const char *const  *expected,
               guint               n_expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = acu_catalogue_list (store, catalogue, include_hidden, &error);

  ck_assert_ptr_nonnull (entries);
  ck_assert_ptr_null (error);
  ck_assert_uint_eq (entries->len, n_expected);
  for (guint i = 0; i < n_expected; i++)
    {
      AcuCatalogueEntry *entry = g_ptr_array_index (entries, i);

      ck_assert_msg (g_strcmp0 (entry->label, expected[i]) == 0,
                     "entry %u: expected \"%s\", got \"%s\"", i, expected[i], entry->label);
    }
}

static guint
catalogue_length (AcuStore     *store,
                  AcuCatalogue  catalogue,
                  gboolean      include_hidden)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = acu_catalogue_list (store, catalogue, include_hidden, &error);

  ck_assert_ptr_nonnull (entries);
  return entries->len;
}

/* The display names a search returns, in order, joined with ", " */
static char *
search_names (AcuStore   *store,
              const char *query,
              guint       offset,
              guint       limit)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) people = acu_people_search (store, query, offset, limit, &error);
  g_autoptr(GString) out = g_string_new (NULL);

  ck_assert_msg (people != NULL, "search \"%s\": %s", query, error ? error->message : "(no error)");
  ck_assert_ptr_null (error);
  for (guint i = 0; i < people->len; i++)
    {
      AcuPerson *person = g_ptr_array_index (people, i);

      if (i > 0)
        g_string_append (out, ", ");
      g_string_append_printf (out, "%s %s", acu_person_get_first_name (person),
                              acu_person_get_last_name (person));
    }
  return g_strdup (out->str);
}

#define ASSERT_SEARCH(store, query, offset, limit, expected)                  \
  G_STMT_START {                                                              \
    g_autofree char *found_ = search_names ((store), (query), (offset), (limit)); \
    ck_assert_msg (g_strcmp0 (found_, (expected)) == 0,                       \
                   "search \"%s\" (%u, %u): expected \"%s\", got \"%s\"",     \
                   (query), (guint) (offset), (guint) (limit), (expected), found_); \
  } G_STMT_END

static void
assert_reasons (AcuVisit     *visit,
                const gint64 *expected,
                guint         n_expected)
{
  guint n = 0;
  const gint64 *ids = acu_visit_get_reason_ids (visit, &n);

  ck_assert_uint_eq (n, n_expected);
  for (guint i = 0; i < n_expected; i++)
    ck_assert_int_eq (ids[i], expected[i]);
}

static void
assert_counts (const AcuVisitCounts *counts,
               guint                 visits,
               guint                 persons,
               guint                 households,
               guint                 anonymous)
{
  ck_assert_uint_eq (counts->visits, visits);
  ck_assert_uint_eq (counts->persons, persons);
  ck_assert_uint_eq (counts->households, households);
  ck_assert_uint_eq (counts->anonymous, anonymous);
}

/* Catalogues */

static const char *const default_reasons[] = {
  "Food aid",
  "Clothing",
  "Furniture and household goods",
  "Digital help",
  "Appointment with a social worker",
  "Information and access to rights",
  "Administrative help (mail, forms)",
  "Coffee, meeting people",
  "Workshop",
  "Other",
};

START_TEST (test_catalogue_defaults)
{
  AcuStore *store = create_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) reasons = acu_catalogue_list (store, ACU_CATALOGUE_REASON, TRUE, &error);
  g_autoptr(GPtrArray) partners = acu_catalogue_list (store, ACU_CATALOGUE_PARTNER, TRUE, &error);
  g_autoptr(GPtrArray) communes = acu_catalogue_list (store, ACU_CATALOGUE_COMMUNE, TRUE, &error);
  AcuCatalogueEntry *entry;
  g_autofree char *label = NULL;

  ck_assert_ptr_null (error);
  assert_labels (store, ACU_CATALOGUE_REASON, FALSE, default_reasons, G_N_ELEMENTS (default_reasons));
  ck_assert_uint_eq (reasons->len, 10);
  entry = g_ptr_array_index (reasons, 0);
  ck_assert_int_eq (entry->id, REASON_FOOD_AID);
  ck_assert_str_eq (entry->code, "food-aid");
  ck_assert_str_eq (entry->label, "Food aid");
  ck_assert_int_eq (entry->position, 1);
  ck_assert (!entry->hidden);
  entry = g_ptr_array_index (reasons, 9);
  ck_assert_str_eq (entry->code, "other");
  ck_assert_int_eq (entry->position, 10);

  ck_assert_uint_eq (partners->len, 15);
  entry = g_ptr_array_index (partners, 0);
  ck_assert_str_eq (entry->code, "ccas");
  ck_assert_str_eq (entry->label, "CCAS");
  entry = g_ptr_array_index (partners, 5);
  ck_assert_str_eq (entry->label, "Restos du cœur");
  entry = g_ptr_array_index (partners, 6);
  ck_assert_int_eq (entry->id, PARTNER_CAF);
  ck_assert_str_eq (entry->label, "CAF");
  entry = g_ptr_array_index (partners, 14);
  ck_assert_str_eq (entry->code, "other");
  ck_assert_str_eq (entry->label, "Other");

  ck_assert_uint_eq (communes->len, 30);
  entry = g_ptr_array_index (communes, 0);
  ck_assert_ptr_null (entry->code);
  ck_assert_str_eq (entry->label, "Aignan");
  entry = g_ptr_array_index (communes, 3);
  ck_assert_str_eq (entry->label, "Castéra-Verduzan");
  entry = g_ptr_array_index (communes, 11);
  ck_assert_int_eq (entry->id, COMMUNE_LECTOURE);
  ck_assert_str_eq (entry->label, "Lectoure");
  entry = g_ptr_array_index (communes, 29);
  ck_assert_str_eq (entry->label, "Vic-Fezensac");

  label = acu_catalogue_get_label (store, ACU_CATALOGUE_REASON, REASON_DIGITAL_HELP);
  ck_assert_str_eq (label, "Digital help");
  ck_assert_ptr_null (acu_catalogue_get_label (store, ACU_CATALOGUE_REASON, UNKNOWN_ID));
  ck_assert (acu_catalogue_exists (store, ACU_CATALOGUE_COMMUNE, COMMUNE_AUCH, NULL));
  ck_assert (!acu_catalogue_exists (store, ACU_CATALOGUE_COMMUNE, UNKNOWN_ID, &error));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_NO_RECORD);

  close_store (store);
}
END_TEST

START_TEST (test_catalogue_add)
{
  AcuStore *store = create_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  AcuCatalogueEntry *entry;
  gint64 id;

  id = acu_catalogue_add (store, ACU_CATALOGUE_REASON, "  Legal advice ", &error);
  ck_assert_ptr_null (error);
  ck_assert_int_gt (id, REASON_OTHER);
  entries = acu_catalogue_list (store, ACU_CATALOGUE_REASON, FALSE, &error);
  ck_assert_uint_eq (entries->len, 11);
  entry = g_ptr_array_index (entries, 10);
  ck_assert_int_eq (entry->id, id);
  ck_assert_ptr_null (entry->code);
  ck_assert_str_eq (entry->label, "Legal advice");
  ck_assert_int_eq (entry->position, 11);
  ck_assert_int_eq (count_rows (store, "reason"), 11);

  /* Empty labels */
  ck_assert_int_eq (acu_catalogue_add (store, ACU_CATALOGUE_REASON, "", &error), 0);
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID);
  g_clear_error (&error);
  ck_assert_int_eq (acu_catalogue_add (store, ACU_CATALOGUE_REASON, "   ", &error), 0);
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID);
  g_clear_error (&error);
  ck_assert_int_eq (acu_catalogue_add (store, ACU_CATALOGUE_REASON, NULL, &error), 0);
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID);
  g_clear_error (&error);
  ck_assert_int_eq (count_rows (store, "reason"), 11);

  /* Duplicates, whatever the case: a default entry, an added one, a commune */
  ck_assert_int_eq (acu_catalogue_add (store, ACU_CATALOGUE_REASON, "food AID", &error), 0);
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID);
  g_clear_error (&error);
  ck_assert_int_eq (acu_catalogue_add (store, ACU_CATALOGUE_REASON, "LEGAL ADVICE", &error), 0);
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID);
  g_clear_error (&error);
  ck_assert_int_eq (count_rows (store, "reason"), 11);
  ck_assert_int_eq (acu_catalogue_add (store, ACU_CATALOGUE_COMMUNE, "lectoure", &error), 0);
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID);
  g_clear_error (&error);
  ck_assert_int_eq (acu_catalogue_add (store, ACU_CATALOGUE_COMMUNE, "CASTÉRA-VERDUZAN", &error), 0);
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID);
  g_clear_error (&error);
  ck_assert_int_eq (count_rows (store, "commune"), 30);

  /* A hidden entry is still taken */
  ck_assert (acu_catalogue_set_hidden (store, ACU_CATALOGUE_REASON, REASON_WORKSHOP, TRUE, &error));
  ck_assert_int_eq (acu_catalogue_add (store, ACU_CATALOGUE_REASON, "workshop", &error), 0);
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID);
  g_clear_error (&error);
  ck_assert_int_eq (count_rows (store, "reason"), 11);

  /* The same label in another catalogue is fine */
  id = acu_catalogue_add (store, ACU_CATALOGUE_PARTNER, "Food aid", &error);
  ck_assert_ptr_null (error);
  ck_assert_int_gt (id, 0);
  ck_assert_uint_eq (catalogue_length (store, ACU_CATALOGUE_PARTNER, FALSE), 16);

  close_store (store);
}
END_TEST

START_TEST (test_catalogue_rename)
{
  AcuStore *store = create_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  AcuCatalogueEntry *entry;
  static const char *const expected[] = {
    "Food aid", "Clothes and shoes", "Furniture and household goods", "Digital help",
    "Appointment with a social worker", "Information and access to rights",
    "Administrative help (mail, forms)", "Coffee, meeting people", "Workshop", "Other",
  };

  ck_assert (acu_catalogue_rename (store, ACU_CATALOGUE_REASON, REASON_CLOTHING, " Clothes and shoes ", &error));
  ck_assert_ptr_null (error);
  assert_labels (store, ACU_CATALOGUE_REASON, TRUE, expected, G_N_ELEMENTS (expected));
  entries = acu_catalogue_list (store, ACU_CATALOGUE_REASON, TRUE, &error);
  entry = g_ptr_array_index (entries, 1);
  ck_assert_int_eq (entry->id, REASON_CLOTHING);
  ck_assert_str_eq (entry->code, "clothing");

  /* Another entry's label, an empty one, an unknown entry */
  ck_assert (!acu_catalogue_rename (store, ACU_CATALOGUE_REASON, REASON_CLOTHING, "OTHER", &error));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID);
  g_clear_error (&error);
  ck_assert (!acu_catalogue_rename (store, ACU_CATALOGUE_REASON, REASON_CLOTHING, " ", &error));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID);
  g_clear_error (&error);
  ck_assert (!acu_catalogue_rename (store, ACU_CATALOGUE_REASON, UNKNOWN_ID, "Anything", &error));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_NO_RECORD);
  g_clear_error (&error);
  assert_labels (store, ACU_CATALOGUE_REASON, TRUE, expected, G_N_ELEMENTS (expected));

  /* Its own label in another case is not a duplicate */
  ck_assert (acu_catalogue_rename (store, ACU_CATALOGUE_REASON, REASON_CLOTHING, "Clothes And Shoes", &error));
  ck_assert_ptr_null (error);
  {
    g_autofree char *label = acu_catalogue_get_label (store, ACU_CATALOGUE_REASON, REASON_CLOTHING);

    ck_assert_str_eq (label, "Clothes And Shoes");
  }

  close_store (store);
}
END_TEST

START_TEST (test_catalogue_move)
{
  AcuStore *store = create_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  static const char *const other_first[] = {
    "Other", "Food aid", "Clothing", "Furniture and household goods", "Digital help",
    "Appointment with a social worker", "Information and access to rights",
    "Administrative help (mail, forms)", "Coffee, meeting people", "Workshop",
  };
  static const char *const food_last[] = {
    "Other", "Clothing", "Furniture and household goods", "Digital help",
    "Appointment with a social worker", "Information and access to rights",
    "Administrative help (mail, forms)", "Coffee, meeting people", "Workshop", "Food aid",
  };
  static const char *const digital_third[] = {
    "Other", "Clothing", "Digital help", "Furniture and household goods",
    "Appointment with a social worker", "Information and access to rights",
    "Administrative help (mail, forms)", "Coffee, meeting people", "Workshop", "Food aid",
  };

  ck_assert (acu_catalogue_move (store, ACU_CATALOGUE_REASON, REASON_OTHER, 0, &error));
  ck_assert_ptr_null (error);
  assert_labels (store, ACU_CATALOGUE_REASON, TRUE, other_first, G_N_ELEMENTS (other_first));

  /* Past the end: the last place */
  ck_assert (acu_catalogue_move (store, ACU_CATALOGUE_REASON, REASON_FOOD_AID, 99, &error));
  assert_labels (store, ACU_CATALOGUE_REASON, TRUE, food_last, G_N_ELEMENTS (food_last));

  ck_assert (acu_catalogue_move (store, ACU_CATALOGUE_REASON, REASON_DIGITAL_HELP, 2, &error));
  assert_labels (store, ACU_CATALOGUE_REASON, TRUE, digital_third, G_N_ELEMENTS (digital_third));

  /* Positions are 1..n in the new order */
  entries = acu_catalogue_list (store, ACU_CATALOGUE_REASON, TRUE, &error);
  for (guint i = 0; i < entries->len; i++)
    ck_assert_int_eq (((AcuCatalogueEntry *) g_ptr_array_index (entries, i))->position, i + 1);

  ck_assert (!acu_catalogue_move (store, ACU_CATALOGUE_REASON, UNKNOWN_ID, 0, &error));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_NO_RECORD);
  assert_labels (store, ACU_CATALOGUE_REASON, TRUE, digital_third, G_N_ELEMENTS (digital_third));

  close_store (store);
}
END_TEST

START_TEST (test_catalogue_hide)
{
  AcuStore *store = create_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = NULL;
  static const char *const visible[] = {
    "Food aid", "Clothing", "Furniture and household goods", "Digital help",
    "Appointment with a social worker", "Information and access to rights",
    "Administrative help (mail, forms)", "Workshop", "Other",
  };

  ck_assert (acu_catalogue_set_hidden (store, ACU_CATALOGUE_REASON, REASON_COFFEE, TRUE, &error));
  ck_assert_ptr_null (error);
  assert_labels (store, ACU_CATALOGUE_REASON, FALSE, visible, G_N_ELEMENTS (visible));
  assert_labels (store, ACU_CATALOGUE_REASON, TRUE, default_reasons, G_N_ELEMENTS (default_reasons));
  all = acu_catalogue_list (store, ACU_CATALOGUE_REASON, TRUE, &error);
  ck_assert (((AcuCatalogueEntry *) g_ptr_array_index (all, 7))->hidden);
  ck_assert (!((AcuCatalogueEntry *) g_ptr_array_index (all, 6))->hidden);

  ck_assert (acu_catalogue_set_hidden (store, ACU_CATALOGUE_REASON, REASON_COFFEE, FALSE, &error));
  assert_labels (store, ACU_CATALOGUE_REASON, FALSE, default_reasons, G_N_ELEMENTS (default_reasons));

  ck_assert (!acu_catalogue_set_hidden (store, ACU_CATALOGUE_REASON, UNKNOWN_ID, TRUE, &error));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_NO_RECORD);

  close_store (store);
}
END_TEST

/* A list's write and its audit entry are one transaction: when the entry
 * cannot be written, the change is not either, and nobody is told */
START_TEST (test_catalogue_write_with_its_audit)
{
  AcuStore *store = create_store ();
  g_autoptr(AcuChangeLog) log = NULL;
  g_autoptr(GError) error = NULL;
  static const char *const expected[] = {
    "Food aid", "Clothing", "Furniture and household goods", "Digital help",
    "Appointment with a social worker", "Information and access to rights",
    "Administrative help (mail, forms)", "Coffee, meeting people", "Workshop", "Other",
    "Jardin partagé",
  };
  gint64 added = acu_catalogue_add (store, ACU_CATALOGUE_REASON, "Jardin partagé", &error);

  ck_assert_int_gt (added, 0);
  ck_assert (acu_store_exec (store, "CREATE TEMP TRIGGER refuse_audit BEFORE INSERT ON main.audit "
                                    "BEGIN SELECT RAISE (ABORT, 'audit refused'); END;", &error));
  log = acu_change_log_new (store);

  ck_assert_int_eq (acu_catalogue_add (store, ACU_CATALOGUE_REASON, "Atelier vélo", &error), 0);
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_FAILED);
  g_clear_error (&error);
  ck_assert (!acu_catalogue_rename (store, ACU_CATALOGUE_REASON, added, "Jardin", &error));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_FAILED);
  g_clear_error (&error);
  ck_assert (!acu_catalogue_move (store, ACU_CATALOGUE_REASON, added, 0, &error));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_FAILED);
  g_clear_error (&error);
  ck_assert (!acu_catalogue_set_hidden (store, ACU_CATALOGUE_REASON, added, TRUE, &error));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_FAILED);
  g_clear_error (&error);
  ck_assert (!acu_catalogue_remove (store, ACU_CATALOGUE_REASON, added, &error));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_FAILED);
  g_clear_error (&error);

  ACU_ASSERT_CHANGES (log, ACU_AREA_NONE);
  assert_labels (store, ACU_CATALOGUE_REASON, FALSE, expected, G_N_ELEMENTS (expected));
  ck_assert_int_eq (count_rows (store, "reason"), 11);

  ck_assert (acu_store_exec (store, "DROP TRIGGER temp.refuse_audit;", &error));
  g_clear_pointer (&log, acu_change_log_free);
  close_store (store);
}
END_TEST

START_TEST (test_catalogue_remove)
{
  AcuStore *store = create_store ();
  g_autoptr(GError) error = NULL;
  gint64 person, added;
  static const char *const without_workshop[] = {
    "Food aid", "Clothing", "Furniture and household goods", "Digital help",
    "Appointment with a social worker", "Information and access to rights",
    "Administrative help (mail, forms)", "Coffee, meeting people", "Other",
  };
  AcuVisitDraft draft = { 0 };
  gint64 reason = REASON_DIGITAL_HELP;

  /* A reason, a partner and two communes in use */
  person = add_person_full (store, "Jean", "Dupuis", NULL, 0, COMMUNE_AUCH);
  draft.day = "2025-03-04";
  draft.time = "10:00";
  draft.person_id = person;
  draft.reason_ids = &reason;
  draft.n_reasons = 1;
  draft.referral_id = PARTNER_CAF;
  ck_assert_int_gt (acu_visit_log (store, &draft, &error), 0);
  ck_assert_ptr_null (error);
  memset (&draft, 0, sizeof draft);
  draft.day = "2025-03-04";
  draft.time = "11:00";
  draft.reason_ids = &reason;
  draft.n_reasons = 1;
  draft.anon_commune_id = COMMUNE_MARCIAC;
  ck_assert_int_gt (acu_visit_log (store, &draft, &error), 0);
  ck_assert_ptr_null (error);

  ck_assert (!acu_catalogue_remove (store, ACU_CATALOGUE_REASON, REASON_DIGITAL_HELP, &error));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_IN_USE);
  g_clear_error (&error);
  assert_labels (store, ACU_CATALOGUE_REASON, TRUE, default_reasons, G_N_ELEMENTS (default_reasons));
  ck_assert (!acu_catalogue_remove (store, ACU_CATALOGUE_PARTNER, PARTNER_CAF, &error));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_IN_USE);
  g_clear_error (&error);
  ck_assert (!acu_catalogue_remove (store, ACU_CATALOGUE_COMMUNE, COMMUNE_AUCH, &error));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_IN_USE);
  g_clear_error (&error);
  ck_assert (!acu_catalogue_remove (store, ACU_CATALOGUE_COMMUNE, COMMUNE_MARCIAC, &error));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_IN_USE);
  g_clear_error (&error);
  ck_assert_int_eq (count_rows (store, "reason"), 10);
  ck_assert_int_eq (count_rows (store, "referral_partner"), 15);
  ck_assert_int_eq (count_rows (store, "commune"), 30);

  /* Unused entries go */
  ck_assert (acu_catalogue_remove (store, ACU_CATALOGUE_REASON, REASON_WORKSHOP, &error));
  ck_assert_ptr_null (error);
  assert_labels (store, ACU_CATALOGUE_REASON, TRUE, without_workshop, G_N_ELEMENTS (without_workshop));
  ck_assert (!acu_catalogue_remove (store, ACU_CATALOGUE_REASON, REASON_WORKSHOP, &error));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_NO_RECORD);
  g_clear_error (&error);

  ck_assert (acu_catalogue_remove (store, ACU_CATALOGUE_PARTNER, PARTNER_CCAS, &error));
  ck_assert_uint_eq (catalogue_length (store, ACU_CATALOGUE_PARTNER, TRUE), 14);
  ck_assert (acu_catalogue_remove (store, ACU_CATALOGUE_COMMUNE, COMMUNE_LECTOURE, &error));
  ck_assert_uint_eq (catalogue_length (store, ACU_CATALOGUE_COMMUNE, TRUE), 29);

  added = acu_catalogue_add (store, ACU_CATALOGUE_COMMUNE, "Saint-Puy", &error);
  ck_assert_int_gt (added, 0);
  ck_assert (acu_catalogue_remove (store, ACU_CATALOGUE_COMMUNE, added, &error));
  ck_assert_ptr_null (error);
  ck_assert_uint_eq (catalogue_length (store, ACU_CATALOGUE_COMMUNE, TRUE), 29);

  close_store (store);
}
END_TEST

/* People */

START_TEST (test_person_add)
{
  AcuStore *store = create_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(AcuPerson) person = NULL;
  g_autoptr(AcuPerson) second = NULL;
  g_autoptr(AcuHousehold) household = NULL;
  g_autoptr(GPtrArray) members = NULL;
  g_autofree char *today = acu_date_today ();
  g_autofree char *display = NULL;
  AcuPersonDraft draft = {
    .first_name = " Hélène ",
    .last_name = "Dupont-Martin",
    .birth_date = "1980-05-01",
    .gender = ACU_GENDER_WOMAN,
    .informed_on = "2025-03-04",
    .household_id = 0,
    .commune_id = COMMUNE_LECTOURE,
  };
  gint64 id, id2, household_id;

  id = acu_person_add (store, &draft, &error);
  ck_assert_ptr_null (error);
  ck_assert_int_gt (id, 0);
  ck_assert_int_eq (count_rows (store, "person"), 1);
  ck_assert_int_eq (count_rows (store, "household"), 1);

  person = acu_person_get (store, id, &error);
  ck_assert_ptr_nonnull (person);
  ck_assert_int_eq (acu_person_get_id (person), id);
  ck_assert_str_eq (acu_person_get_first_name (person), "Hélène");
  ck_assert_str_eq (acu_person_get_last_name (person), "Dupont-Martin");
  ck_assert_str_eq (acu_person_get_birth_date (person), "1980-05-01");
  ck_assert_int_eq (acu_person_get_gender (person), ACU_GENDER_WOMAN);
  ck_assert_str_eq (acu_person_get_informed_on (person), "2025-03-04");
  ck_assert_str_eq (acu_person_get_commune (person), "Lectoure");
  display = acu_person_dup_display_name (person);
  ck_assert_str_eq (display, "Hélène DUPONT-MARTIN");
  ck_assert_int_eq (acu_person_get_age (person, "2025-04-30"), 44);
  ck_assert_int_eq (acu_person_get_age (person, "2025-05-01"), 45);

  household_id = acu_person_get_household_id (person);
  ck_assert_int_gt (household_id, 0);
  household = acu_household_get (store, household_id, &error);
  ck_assert_ptr_nonnull (household);
  ck_assert_int_eq (household->id, household_id);
  ck_assert_int_eq (household->commune_id, COMMUNE_LECTOURE);
  ck_assert_str_eq (household->commune, "Lectoure");
  ck_assert_str_eq (household->created_on, today);
  ck_assert_ptr_null (household->address);

  /* Into the same household: older, a year alone, no gender */
  draft.first_name = "Jean";
  draft.last_name = "Dupont-Martin";
  draft.birth_date = "1975";
  draft.gender = ACU_GENDER_NOT_STATED;
  draft.informed_on = NULL;
  draft.household_id = household_id;
  draft.commune_id = 0;
  id2 = acu_person_add (store, &draft, &error);
  ck_assert_ptr_null (error);
  ck_assert_int_gt (id2, id);
  second = acu_person_get (store, id2, &error);
  ck_assert_int_eq (acu_person_get_household_id (second), household_id);
  ck_assert_str_eq (acu_person_get_birth_date (second), "1975");
  ck_assert_int_eq (acu_person_get_gender (second), ACU_GENDER_NOT_STATED);
  ck_assert_ptr_null (acu_person_get_informed_on (second));
  ck_assert_int_eq (acu_person_get_age (second, "2025-01-01"), 50);
  ck_assert_int_eq (count_rows (store, "person"), 2);
  ck_assert_int_eq (count_rows (store, "household"), 1);

  /* Members: the oldest first */
  members = acu_household_list_members (store, household_id, &error);
  ck_assert_uint_eq (members->len, 2);
  ck_assert_int_eq (acu_person_get_id (g_ptr_array_index (members, 0)), id2);
  ck_assert_int_eq (acu_person_get_id (g_ptr_array_index (members, 1)), id);

  /* A new household without a commune */
  id = add_person (store, "Łukasz", "Nowak", 0);
  ck_assert_int_eq (count_rows (store, "household"), 2);
  ck_assert_int_ne (household_of (store, id), household_id);

  ck_assert_ptr_null (acu_person_get (store, UNKNOWN_ID, &error));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_NO_RECORD);

  close_store (store);
}
END_TEST

static void
assert_add_fails (AcuStore              *store,
                  const AcuPersonDraft  *draft,
                  int                    code)
{
  g_autoptr(GError) error = NULL;
  gint64 persons = count_rows (store, "person");
  gint64 households = count_rows (store, "household");
  gint64 words = count_rows (store, "person_word");

  ck_assert_msg (acu_person_add (store, draft, &error) == 0, "added %s %s (%s)",
                 draft->first_name, draft->last_name, draft->birth_date);
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, code);
  ck_assert_int_eq (count_rows (store, "person"), persons);
  ck_assert_int_eq (count_rows (store, "household"), households);
  ck_assert_int_eq (count_rows (store, "person_word"), words);
}

START_TEST (test_person_add_invalid)
{
  AcuStore *store = create_store ();
  gint64 household_id = household_of (store, add_person (store, "Jean", "Dupuis", 0));
  AcuPersonDraft good = {
    .first_name = "Marie",
    .last_name = "Dupuis",
    .birth_date = "1980-05-01",
    .household_id = household_id,
  };
  AcuPersonDraft draft;

  ck_assert_int_eq (count_rows (store, "person"), 1);

  draft = good, draft.first_name = "";
  assert_add_fails (store, &draft, ACU_STORE_ERROR_INVALID);
  draft = good, draft.first_name = NULL;
  assert_add_fails (store, &draft, ACU_STORE_ERROR_INVALID);
  draft = good, draft.last_name = "  \t ";
  assert_add_fails (store, &draft, ACU_STORE_ERROR_INVALID);
  /* a birth year typed in the first name's field */
  draft = good, draft.first_name = "1980";
  assert_add_fails (store, &draft, ACU_STORE_ERROR_INVALID);
  draft = good, draft.last_name = "- '";
  assert_add_fails (store, &draft, ACU_STORE_ERROR_INVALID);
  draft = good, draft.birth_date = "2999-01-01";
  assert_add_fails (store, &draft, ACU_STORE_ERROR_INVALID);
  draft = good, draft.birth_date = "2999";
  assert_add_fails (store, &draft, ACU_STORE_ERROR_INVALID);
  draft = good, draft.birth_date = "1980-02-30";
  assert_add_fails (store, &draft, ACU_STORE_ERROR_INVALID);
  draft = good, draft.birth_date = "1980-5-1";
  assert_add_fails (store, &draft, ACU_STORE_ERROR_INVALID);
  draft = good, draft.birth_date = "01/05/1980";
  assert_add_fails (store, &draft, ACU_STORE_ERROR_INVALID);
  draft = good, draft.birth_date = "1850";
  assert_add_fails (store, &draft, ACU_STORE_ERROR_INVALID);
  draft = good, draft.informed_on = "2999-01-01";
  assert_add_fails (store, &draft, ACU_STORE_ERROR_INVALID);
  draft = good, draft.gender = ACU_GENDER_OTHER + 1;
  assert_add_fails (store, &draft, ACU_STORE_ERROR_INVALID);
  draft = good, draft.household_id = UNKNOWN_ID;
  assert_add_fails (store, &draft, ACU_STORE_ERROR_NO_RECORD);
  draft = good, draft.household_id = 0, draft.commune_id = UNKNOWN_ID;
  assert_add_fails (store, &draft, ACU_STORE_ERROR_NO_RECORD);

  ck_assert_int_eq (count_rows (store, "person"), 1);
  ck_assert_int_eq (count_rows (store, "household"), 1);

  /* The good draft itself goes in */
  ck_assert_int_gt (add_person_full (store, good.first_name, good.last_name, good.birth_date,
                                     good.household_id, 0), 0);
  ck_assert_int_eq (count_rows (store, "person"), 2);

  close_store (store);
}
END_TEST

START_TEST (test_person_update)
{
  AcuStore *store = create_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(AcuPerson) person = NULL;
  gint64 id = add_person_full (store, "Jean", "Dupuis", "1970-01-15", 0, 0);
  gint64 other = add_person (store, "Marie", "Curie", 0);
  gint64 household_id = household_of (store, id);
  AcuPersonDraft draft = {
    .first_name = "Jeanne",
    .last_name = "Lafitte",
    .birth_date = "1971",
    .gender = ACU_GENDER_WOMAN,
    .informed_on = "2025-03-04",
    .household_id = household_of (store, other),   /* ignored */
  };

  ck_assert (acu_person_update (store, id, &draft, &error));
  ck_assert_ptr_null (error);
  person = acu_person_get (store, id, &error);
  ck_assert_str_eq (acu_person_get_first_name (person), "Jeanne");
  ck_assert_str_eq (acu_person_get_last_name (person), "Lafitte");
  ck_assert_str_eq (acu_person_get_birth_date (person), "1971");
  ck_assert_int_eq (acu_person_get_gender (person), ACU_GENDER_WOMAN);
  ck_assert_str_eq (acu_person_get_informed_on (person), "2025-03-04");
  ck_assert_int_eq (acu_person_get_household_id (person), household_id);
  g_clear_object (&person);

  /* The search follows the new name */
  ASSERT_SEARCH (store, "dupuis", 0, 10, "");
  ASSERT_SEARCH (store, "jean", 0, 10, "Jeanne Lafitte");
  ASSERT_SEARCH (store, "lafitte", 0, 10, "Jeanne Lafitte");
  ASSERT_SEARCH (store, "jeanne", 0, 10, "Jeanne Lafitte");

  /* Bad input changes nothing */
  draft.first_name = " ";
  ck_assert (!acu_person_update (store, id, &draft, &error));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID);
  g_clear_error (&error);
  draft.first_name = "Jeanne";
  draft.birth_date = "2999-01-01";
  ck_assert (!acu_person_update (store, id, &draft, &error));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID);
  g_clear_error (&error);
  person = acu_person_get (store, id, &error);
  ck_assert_str_eq (acu_person_get_first_name (person), "Jeanne");
  ck_assert_str_eq (acu_person_get_birth_date (person), "1971");

  draft.birth_date = NULL;
  ck_assert (!acu_person_update (store, UNKNOWN_ID, &draft, &error));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_NO_RECORD);
  ck_assert_int_eq (count_rows (store, "person"), 2);

  close_store (store);
}
END_TEST

/* The sensitive answers of the FSE+ indicators (disability, nationality,
 * background) */

static void
set_sensitive_flags (AcuStore *store,
                     gboolean  disability,
                     gboolean  third_country,
                     gboolean  foreign_background)
{
  g_autoptr(GError) error = NULL;
  AcuFoodSettings settings;

  ck_assert (acu_food_get_settings (store, &settings, &error));
  settings.record_disability = disability;
  settings.record_third_country = third_country;
  settings.record_foreign_background = foreign_background;
  ck_assert_msg (acu_food_set_settings (store, &settings, &error), "%s", error ? error->message : "");
}

/* The three columns of @person_id as the file holds them */
static char *
sensitive_columns (AcuStore *store,
                   gint64    person_id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT disability, third_country, foreign_background FROM person "
                                          "WHERE id = %" G_GINT64_FORMAT, person_id);

  return dump_query (store, sql);
}

/* Forgets the areas told so far, by any number of writes */
static void
forget_changes (AcuChangeLog *log)
{
  g_autofree char *problem = NULL;

  acu_change_log_take (log, &problem);
}

#define ASSERT_SENSITIVE_COLUMNS(store, id, expected)            \
  G_STMT_START {                                                \
    g_autofree char *got_ = sensitive_columns ((store), (id));  \
    ck_assert_str_eq (got_, (expected));                        \
  } G_STMT_END

static void
assert_read (AcuStore    *store,
             gint64       person_id,
             AcuTristate  disability,
             AcuTristate  third_country,
             AcuTristate  foreign_background)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AcuPerson) person = acu_person_get (store, person_id, &error);

  ck_assert_msg (person != NULL, "%s", error ? error->message : "");
  ck_assert_int_eq (acu_person_get_sensitive (person, ACU_SENSITIVE_DISABILITY), disability);
  ck_assert_int_eq (acu_person_get_sensitive (person, ACU_SENSITIVE_THIRD_COUNTRY), third_country);
  ck_assert_int_eq (acu_person_get_sensitive (person, ACU_SENSITIVE_FOREIGN_BACKGROUND), foreign_background);
}

/* A site that stops recording a question for good erases every answer:
 * the persons' and the copies in food aid's snapshots; coordinators only */
START_TEST (test_person_sensitive_erase)
{
  AcuStore *store = create_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(AcuChangeLog) log = acu_change_log_new (store);
  AcuPersonDraft draft = {
    .first_name = "Amina",
    .last_name = "Benali",
    .sensitive = { [ACU_SENSITIVE_DISABILITY] = ACU_TRISTATE_YES, [ACU_SENSITIVE_THIRD_COUNTRY] = ACU_TRISTATE_NO },
  };
  gint64 volunteer, amina;

  volunteer = acu_desk_person_add (store, "Louise Dupré", ACU_ROLE_VOLUNTEER, "2580", &error);
  ck_assert_int_gt (volunteer, 0);
  set_sensitive_flags (store, TRUE, TRUE, FALSE);
  amina = acu_person_add (store, &draft, &error);
  ck_assert_int_gt (amina, 0);
  /* a year's snapshot of her, as food aid's triggers keep it */
  ck_assert (acu_store_exec (store, "INSERT INTO food_person_year VALUES (2026, 1, '2026-03-03', 1, '30-54', "
                                    "'woman', 1, 0, NULL, 0)", &error));
  ck_assert_uint_eq (acu_people_count_sensitive (store, ACU_SENSITIVE_DISABILITY, &error), 1);
  ck_assert_uint_eq (acu_people_count_sensitive (store, ACU_SENSITIVE_FOREIGN_BACKGROUND, &error), 0);
  forget_changes (log);

  ck_assert_msg (acu_people_erase_sensitive (store, ACU_SENSITIVE_DISABILITY, &error), "%s",
                 error ? error->message : "");
  ACU_ASSERT_CHANGES (log, ACU_AREA_PEOPLE | ACU_AREA_FOOD | ACU_AREA_AUDIT);
  /* disability gone everywhere; nationality kept */
  ASSERT_SENSITIVE_COLUMNS (store, amina, "NULL|0|NULL\n");
  ck_assert_int_eq (acu_test_query_int (store, "SELECT count (*) FROM food_person_year WHERE disabled IS NULL "
                                               "AND third_country = 0"), 1);
  ck_assert_uint_eq (acu_people_count_sensitive (store, ACU_SENSITIVE_DISABILITY, &error), 0);
  ck_assert_int_eq (acu_test_query_int (store, "SELECT count (*) FROM audit WHERE action = 'erase-disability'"), 1);

  /* A volunteer neither counts nor erases */
  ck_assert (acu_store_identify_with_pin (store, volunteer, "2580", &error));
  ck_assert_uint_eq (acu_people_count_sensitive (store, ACU_SENSITIVE_THIRD_COUNTRY, &error), 0);
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_FORBIDDEN);
  g_clear_error (&error);
  ck_assert (!acu_people_erase_sensitive (store, ACU_SENSITIVE_THIRD_COUNTRY, &error));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_FORBIDDEN);
  g_clear_error (&error);
  ck_assert_int_eq (acu_test_query_int (store, "SELECT third_country FROM person"), 0);
  close_store (store);
}
END_TEST

START_TEST (test_person_sensitive)
{
  AcuStore *store = create_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(AcuChangeLog) log = acu_change_log_new (store);
  g_autoptr(GPtrArray) members = NULL;
  AcuPersonDraft draft = {
    .first_name = "Amina",
    .last_name = "Benali",
    .sensitive = { [ACU_SENSITIVE_DISABILITY] = ACU_TRISTATE_YES },
  };
  gboolean fields[ACU_SENSITIVE_N];
  gint64 staff, volunteer, amina;

  staff = acu_desk_person_add (store, "Karim Haddad", ACU_ROLE_STAFF, "Autre-Mot2Passe!Auch", &error);
  ck_assert_int_gt (staff, 0);
  volunteer = acu_desk_person_add (store, "Louise Dupré", ACU_ROLE_VOLUNTEER, "2580", &error);
  ck_assert_int_gt (volunteer, 0);
  forget_changes (log);

  /* Off by default: an answer is refused, nothing is written, nothing told */
  ck_assert (acu_people_get_sensitive_fields (store, fields, &error));
  ck_assert (!fields[0] && !fields[1] && !fields[2]);
  assert_add_fails (store, &draft, ACU_STORE_ERROR_INVALID);
  ACU_ASSERT_CHANGES (log, ACU_AREA_NONE);
  draft.sensitive[ACU_SENSITIVE_DISABILITY] = ACU_TRISTATE_UNKNOWN;
  draft.sensitive[ACU_SENSITIVE_FOREIGN_BACKGROUND] = ACU_TRISTATE_NO;
  assert_add_fails (store, &draft, ACU_STORE_ERROR_INVALID);
  /* Not an answer of the list */
  draft.sensitive[ACU_SENSITIVE_FOREIGN_BACKGROUND] = ACU_TRISTATE_NO + 1;
  assert_add_fails (store, &draft, ACU_STORE_ERROR_INVALID);
  /* Unanswered, the person goes in with the three columns NULL */
  draft.sensitive[ACU_SENSITIVE_FOREIGN_BACKGROUND] = ACU_TRISTATE_UNKNOWN;
  amina = acu_person_add (store, &draft, &error);
  ck_assert_int_gt (amina, 0);
  ASSERT_SENSITIVE_COLUMNS (store, amina, "NULL|NULL|NULL\n");
  forget_changes (log);

  /* Disability and nationality turned on; the background stays off */
  set_sensitive_flags (store, TRUE, TRUE, FALSE);
  ck_assert (acu_people_get_sensitive_fields (store, fields, &error));
  ck_assert (fields[ACU_SENSITIVE_DISABILITY] && fields[ACU_SENSITIVE_THIRD_COUNTRY]
             && !fields[ACU_SENSITIVE_FOREIGN_BACKGROUND]);
  forget_changes (log);

  /* Staff record them */
  ck_assert (acu_store_identify_with_password (store, staff, "Autre-Mot2Passe!Auch", &error));
  ck_assert_int_eq (acu_store_get_role (store), ACU_ROLE_STAFF);
  forget_changes (log);
  draft.sensitive[ACU_SENSITIVE_DISABILITY] = ACU_TRISTATE_YES;
  draft.sensitive[ACU_SENSITIVE_THIRD_COUNTRY] = ACU_TRISTATE_NO;
  ck_assert_msg (acu_person_update (store, amina, &draft, &error), "%s", error ? error->message : "");
  ACU_ASSERT_CHANGES (log, ACU_AREA_PEOPLE | ACU_AREA_AUDIT);
  ASSERT_SENSITIVE_COLUMNS (store, amina, "1|0|NULL\n");
  assert_read (store, amina, ACU_TRISTATE_YES, ACU_TRISTATE_NO, ACU_TRISTATE_UNKNOWN);
  /* A field still off is refused, and the others are not written either */
  draft.sensitive[ACU_SENSITIVE_DISABILITY] = ACU_TRISTATE_NO;
  draft.sensitive[ACU_SENSITIVE_FOREIGN_BACKGROUND] = ACU_TRISTATE_YES;
  ck_assert (!acu_person_update (store, amina, &draft, &error));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID);
  g_clear_error (&error);
  ACU_ASSERT_CHANGES (log, ACU_AREA_NONE);
  ASSERT_SENSITIVE_COLUMNS (store, amina, "1|0|NULL\n");
  /* Added with answers */
  {
    AcuPersonDraft son = {
      .first_name = "Yanis", .last_name = "Benali", .household_id = household_of (store, amina),
      .sensitive = { [ACU_SENSITIVE_THIRD_COUNTRY] = ACU_TRISTATE_YES },
    };
    gint64 yanis = acu_person_add (store, &son, &error);

    ck_assert_msg (yanis > 0, "%s", error ? error->message : "");
    ASSERT_SENSITIVE_COLUMNS (store, yanis, "NULL|1|NULL\n");
    assert_read (store, yanis, ACU_TRISTATE_UNKNOWN, ACU_TRISTATE_YES, ACU_TRISTATE_UNKNOWN);
  }
  /* Lists and searches never carry them */
  members = acu_household_list_members (store, household_of (store, amina), &error);
  ck_assert_uint_eq (members->len, 2);
  for (guint i = 0; i < members->len; i++)
    for (AcuSensitive f = 0; f < ACU_SENSITIVE_N; f++)
      ck_assert_int_eq (acu_person_get_sensitive (g_ptr_array_index (members, i), f), ACU_TRISTATE_UNKNOWN);

  /* A volunteer reads none of them, and may not answer them */
  ck_assert (acu_store_identify_with_pin (store, volunteer, "2580", &error));
  ck_assert (acu_people_get_sensitive_fields (store, fields, &error));
  ck_assert (!fields[0] && !fields[1] && !fields[2]);
  assert_read (store, amina, ACU_TRISTATE_UNKNOWN, ACU_TRISTATE_UNKNOWN, ACU_TRISTATE_UNKNOWN);
  forget_changes (log);
  draft.first_name = "Aminata";
  draft.sensitive[ACU_SENSITIVE_DISABILITY] = ACU_TRISTATE_NO;
  draft.sensitive[ACU_SENSITIVE_FOREIGN_BACKGROUND] = ACU_TRISTATE_UNKNOWN;
  ck_assert (!acu_person_update (store, amina, &draft, &error));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_FORBIDDEN);
  g_clear_error (&error);
  ACU_ASSERT_CHANGES (log, ACU_AREA_NONE);
  ck_assert_int_eq (acu_test_query_int (store, "SELECT count(*) FROM person WHERE first_name = 'Aminata'"), 0);
  draft.household_id = household_of (store, amina);
  assert_add_fails (store, &draft, ACU_STORE_ERROR_FORBIDDEN);
  /* Her change of a name, the answers unknown to her, leaves them as they were */
  draft.sensitive[ACU_SENSITIVE_DISABILITY] = ACU_TRISTATE_UNKNOWN;
  draft.sensitive[ACU_SENSITIVE_THIRD_COUNTRY] = ACU_TRISTATE_UNKNOWN;
  ck_assert_msg (acu_person_update (store, amina, &draft, &error), "%s", error ? error->message : "");
  ASSERT_SENSITIVE_COLUMNS (store, amina, "1|0|NULL\n");
  ck_assert_int_eq (acu_test_query_int (store, "SELECT count(*) FROM person WHERE first_name = 'Aminata'"), 1);

  /* Back to the coordinator, who sees the answers: "not recorded" clears one */
  ck_assert (acu_store_identify_with_password (store, 1, PASSWORD, &error));
  assert_read (store, amina, ACU_TRISTATE_YES, ACU_TRISTATE_NO, ACU_TRISTATE_UNKNOWN);
  draft.sensitive[ACU_SENSITIVE_DISABILITY] = ACU_TRISTATE_YES;
  draft.sensitive[ACU_SENSITIVE_THIRD_COUNTRY] = ACU_TRISTATE_UNKNOWN;
  ck_assert (acu_person_update (store, amina, &draft, &error));
  ASSERT_SENSITIVE_COLUMNS (store, amina, "1|NULL|NULL\n");
  assert_read (store, amina, ACU_TRISTATE_YES, ACU_TRISTATE_UNKNOWN, ACU_TRISTATE_UNKNOWN);

  /* Disability turned off: the answer stays in the file, hidden and
   * unused, and an edit keeps it */
  set_sensitive_flags (store, FALSE, TRUE, FALSE);
  assert_read (store, amina, ACU_TRISTATE_UNKNOWN, ACU_TRISTATE_UNKNOWN, ACU_TRISTATE_UNKNOWN);
  draft.first_name = "Amina";
  draft.sensitive[ACU_SENSITIVE_DISABILITY] = ACU_TRISTATE_UNKNOWN;
  ck_assert (acu_person_update (store, amina, &draft, &error));
  ASSERT_SENSITIVE_COLUMNS (store, amina, "1|NULL|NULL\n");
  draft.sensitive[ACU_SENSITIVE_DISABILITY] = ACU_TRISTATE_NO;
  ck_assert (!acu_person_update (store, amina, &draft, &error));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID);
  g_clear_error (&error);
  ASSERT_SENSITIVE_COLUMNS (store, amina, "1|NULL|NULL\n");
  /* On again: the answer shows again */
  set_sensitive_flags (store, TRUE, TRUE, FALSE);
  assert_read (store, amina, ACU_TRISTATE_YES, ACU_TRISTATE_UNKNOWN, ACU_TRISTATE_UNKNOWN);

  g_clear_pointer (&log, acu_change_log_free);
  close_store (store);
}
END_TEST

static guint
count_duplicates (AcuStore   *store,
                  const char *first_name,
                  const char *last_name,
                  const char *birth_date,
                  gint64      expected_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = acu_person_find_duplicates (store, first_name, last_name, birth_date, &error);

  ck_assert_ptr_nonnull (found);
  ck_assert_ptr_null (error);
  if (found->len > 0 && expected_id != 0)
    ck_assert_int_eq (acu_person_get_id (g_ptr_array_index (found, 0)), expected_id);
  return found->len;
}

START_TEST (test_person_duplicates)
{
  AcuStore *store = create_store ();
  gint64 helene = add_person_full (store, "Hélène", "Dupont", "1980-05-01", 0, 0);
  gint64 year_only = add_person_full (store, "Jean", "Nowak", "1975", 0, 0);
  gint64 no_date = add_person (store, "Paul", "Strauß", 0);

  ck_assert_uint_eq (count_duplicates (store, "helene", "DUPONT", "1980-05-01", helene), 1);
  ck_assert_uint_eq (count_duplicates (store, " Hélène ", "dupont", "1980-05-01", helene), 1);
  ck_assert_uint_eq (count_duplicates (store, "Hélène", "Dupont", "1980", helene), 1);
  ck_assert_uint_eq (count_duplicates (store, "Hélène", "Dupont", "1980-05-02", 0), 0);
  ck_assert_uint_eq (count_duplicates (store, "Hélène", "Dupont", "1981", 0), 0);
  ck_assert_uint_eq (count_duplicates (store, "Hélène", "Dupont", NULL, 0), 0);
  ck_assert_uint_eq (count_duplicates (store, "Hélène", "Dupond", "1980-05-01", 0), 0);
  ck_assert_uint_eq (count_duplicates (store, "Dupont", "Hélène", "1980-05-01", 0), 0);

  ck_assert_uint_eq (count_duplicates (store, "jean", "nowak", "1975-06-01", year_only), 1);
  ck_assert_uint_eq (count_duplicates (store, "Jean", "Nowak", "1976-06-01", 0), 0);

  ck_assert_uint_eq (count_duplicates (store, "Paul", "STRAUSS", NULL, no_date), 1);
  ck_assert_uint_eq (count_duplicates (store, "Paul", "Strauss", "", no_date), 1);
  ck_assert_uint_eq (count_duplicates (store, "Paul", "Strauss", "1960", 0), 0);

  /* Two of them */
  add_person_full (store, "HELENE", "dupont", "1980-05-01", 0, 0);
  ck_assert_uint_eq (count_duplicates (store, "Hélène", "Dupont", "1980-05-01", helene), 2);

  close_store (store);
}
END_TEST

/* Search */

START_TEST (test_search_names)
{
  AcuStore *store = create_store ();

  add_person (store, "Hélène", "Dupont-Martin", 0);
  add_person (store, "Jean", "Dupuis", 0);
  add_person (store, "Jean-Marc", "Durand", 0);
  add_person (store, "Łukasz", "Nowak", 0);
  add_person (store, "Johann", "Strauß", 0);

  ASSERT_SEARCH (store, "helene", 0, 20, "Hélène Dupont-Martin");
  ASSERT_SEARCH (store, "HÉL", 0, 20, "Hélène Dupont-Martin");
  /* Decomposed é */
  ASSERT_SEARCH (store, "he\xcc\x81le\xcc\x80ne", 0, 20, "Hélène Dupont-Martin");
  ASSERT_SEARCH (store, "dup", 0, 20, "Hélène Dupont-Martin, Jean Dupuis");
  ASSERT_SEARCH (store, "DUP", 0, 20, "Hélène Dupont-Martin, Jean Dupuis");
  ASSERT_SEARCH (store, "mart", 0, 20, "Hélène Dupont-Martin");
  ASSERT_SEARCH (store, "dupont-martin", 0, 20, "Hélène Dupont-Martin");
  ASSERT_SEARCH (store, "jean dup", 0, 20, "Jean Dupuis");
  ASSERT_SEARCH (store, "dup jean", 0, 20, "Jean Dupuis");
  ASSERT_SEARCH (store, "  jean   dup ", 0, 20, "Jean Dupuis");
  ASSERT_SEARCH (store, "jean", 0, 20, "Jean Dupuis, Jean-Marc Durand");
  ASSERT_SEARCH (store, "marc", 0, 20, "Jean-Marc Durand");
  ASSERT_SEARCH (store, "du", 0, 20, "Hélène Dupont-Martin, Jean Dupuis, Jean-Marc Durand");
  ASSERT_SEARCH (store, "lukasz", 0, 20, "Łukasz Nowak");
  ASSERT_SEARCH (store, "Łuk", 0, 20, "Łukasz Nowak");
  ASSERT_SEARCH (store, "strauss", 0, 20, "Johann Strauß");
  ASSERT_SEARCH (store, "strauß", 0, 20, "Johann Strauß");
  ASSERT_SEARCH (store, "STRAUSS", 0, 20, "Johann Strauß");

  /* Nothing */
  ASSERT_SEARCH (store, "dupx", 0, 20, "");
  ASSERT_SEARCH (store, "upont", 0, 20, "");
  ASSERT_SEARCH (store, "jean dupont", 0, 20, "");
  ASSERT_SEARCH (store, "", 0, 20, "");
  ASSERT_SEARCH (store, "   ", 0, 20, "");
  ASSERT_SEARCH (store, "-", 0, 20, "");

  /* Pages */
  ASSERT_SEARCH (store, "dup", 0, 1, "Hélène Dupont-Martin");
  ASSERT_SEARCH (store, "dup", 1, 1, "Jean Dupuis");
  ASSERT_SEARCH (store, "dup", 2, 1, "");
  ASSERT_SEARCH (store, "du", 1, 5, "Jean Dupuis, Jean-Marc Durand");
  ASSERT_SEARCH (store, "du", 0, 0, "");

  close_store (store);
}
END_TEST

/* A person two of whose words match appears once, and pages stay right */
START_TEST (test_search_once)
{
  AcuStore *store = create_store ();

  add_person (store, "Marie", "Martin", 0);
  add_person (store, "Marc", "Dupont", 0);
  add_person (store, "Mario", "Rossi", 0);
  add_person (store, "Anne", "Marty", 0);

  /* By the matching word: marc, marie (not again for martin), mario, marty */
  ASSERT_SEARCH (store, "mar", 0, 20, "Marc Dupont, Marie Martin, Mario Rossi, Anne Marty");
  ASSERT_SEARCH (store, "mar", 0, 2, "Marc Dupont, Marie Martin");
  ASSERT_SEARCH (store, "mar", 2, 2, "Mario Rossi, Anne Marty");
  ASSERT_SEARCH (store, "mar", 4, 2, "");
  ASSERT_SEARCH (store, "mart", 0, 20, "Marie Martin, Anne Marty");
  ASSERT_SEARCH (store, "mar mar", 0, 20, "Marc Dupont, Marie Martin, Mario Rossi, Anne Marty");

  close_store (store);
}
END_TEST

START_TEST (test_search_household_number)
{
  AcuStore *store = create_store ();
  gint64 lukasz = add_person (store, "Łukasz", "Nowak", 0);
  gint64 household_id = household_of (store, lukasz);
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, household_id);
  g_autofree char *hash = g_strdup_printf ("#%" G_GINT64_FORMAT, household_id);

  add_person (store, "Jean", "Dupuis", 0);
  add_person (store, "Anna", "Nowak", household_id);
  add_person (store, "Zoé", "Abadie", household_id);

  ASSERT_SEARCH (store, number, 0, 20, "Zoé Abadie, Anna Nowak, Łukasz Nowak");
  ASSERT_SEARCH (store, hash, 0, 20, "Zoé Abadie, Anna Nowak, Łukasz Nowak");
  ASSERT_SEARCH (store, hash, 1, 1, "Anna Nowak");
  ASSERT_SEARCH (store, "9999", 0, 20, "");
  ASSERT_SEARCH (store, "#9999", 0, 20, "");

  close_store (store);
}
END_TEST

/* Households */

START_TEST (test_person_move)
{
  AcuStore *store = create_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(AcuHousehold) made = NULL;
  g_autoptr(AcuHousehold) gone = NULL;
  g_autoptr(GPtrArray) members = NULL;
  gint64 alice = add_person_full (store, "Alice", "Martin", NULL, 0, COMMUNE_AUCH);
  gint64 h1 = household_of (store, alice);
  gint64 bob = add_person (store, "Bob", "Martin", h1);
  gint64 carla = add_person_full (store, "Carla", "Rossi", NULL, 0, COMMUNE_LECTOURE);
  gint64 h2 = household_of (store, carla);
  gint64 h3 = -1;

  /* To another household: the one left still has Alice */
  ck_assert (acu_person_move (store, bob, h2, NULL, &error));
  ck_assert_ptr_null (error);
  ck_assert_int_eq (household_of (store, bob), h2);
  members = acu_household_list_members (store, h2, &error);
  ck_assert_uint_eq (members->len, 2);
  g_clear_pointer (&members, g_ptr_array_unref);
  made = acu_household_get (store, h1, &error);
  ck_assert_ptr_nonnull (made);
  g_clear_pointer (&made, acu_household_free);
  ck_assert_int_eq (count_rows (store, "household"), 2);

  /* To a new one, at the same commune: the emptied one goes */
  ck_assert (acu_person_move (store, alice, 0, &h3, &error));
  ck_assert_ptr_null (error);
  ck_assert_int_gt (h3, 0);
  ck_assert_int_ne (h3, h1);
  ck_assert_int_ne (h3, h2);
  ck_assert_int_eq (household_of (store, alice), h3);
  made = acu_household_get (store, h3, &error);
  ck_assert_ptr_nonnull (made);
  ck_assert_int_eq (made->commune_id, COMMUNE_AUCH);
  gone = acu_household_get (store, h1, &error);
  ck_assert_ptr_null (gone);
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_NO_RECORD);
  g_clear_error (&error);
  ck_assert_int_eq (count_rows (store, "household"), 2);

  /* Nowhere */
  ck_assert (!acu_person_move (store, carla, h2, NULL, &error));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID);
  g_clear_error (&error);
  ck_assert (!acu_person_move (store, carla, UNKNOWN_ID, NULL, &error));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_NO_RECORD);
  g_clear_error (&error);
  ck_assert (!acu_person_move (store, UNKNOWN_ID, h2, NULL, &error));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_NO_RECORD);
  g_clear_error (&error);
  ck_assert_int_eq (household_of (store, carla), h2);
  ck_assert_int_eq (count_rows (store, "household"), 2);

  /* Alone in her household, to a new one: still two households */
  h3 = 0;
  ck_assert (acu_person_move (store, alice, 0, &h3, &error));
  ck_assert_int_gt (h3, 0);
  ck_assert_int_eq (count_rows (store, "household"), 2);

  close_store (store);
}
END_TEST

START_TEST (test_household_update)
{
  AcuStore *store = create_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(AcuHousehold) read = NULL;
  gint64 h = household_of (store, add_person (store, "Alice", "Martin", 0));
  AcuHousehold household = {
    .id = h,
    .address = " 3 rue du Barry ",
    .commune_id = COMMUNE_LECTOURE,
    .phone = "05 62 68 00 00",
    .email = "alice@example.org",
    .referring_worker = "Mme Abadie",
    .note = "Comes on Tuesdays",
    .housing = ACU_HOUSING_PRECARIOUS,
  };

  read = acu_household_get (store, h, &error);
  ck_assert_int_eq (read->housing, ACU_HOUSING_NOT_STATED);
  g_clear_pointer (&read, acu_household_free);
  ck_assert (acu_household_update (store, &household, &error));
  ck_assert_ptr_null (error);
  ck_assert_int_eq (acu_test_query_int (store, "SELECT count(*) FROM household WHERE housing = 'precarious'"), 1);
  read = acu_household_get (store, h, &error);
  ck_assert_int_eq (read->housing, ACU_HOUSING_PRECARIOUS);
  ck_assert_str_eq (read->address, "3 rue du Barry");
  ck_assert_int_eq (read->commune_id, COMMUNE_LECTOURE);
  ck_assert_str_eq (read->commune, "Lectoure");
  ck_assert_str_eq (read->phone, "05 62 68 00 00");
  ck_assert_str_eq (read->email, "alice@example.org");
  ck_assert_str_eq (read->referring_worker, "Mme Abadie");
  ck_assert_str_eq (read->note, "Comes on Tuesdays");
  g_clear_pointer (&read, acu_household_free);

  household.phone = "05 62 abc";
  ck_assert (!acu_household_update (store, &household, &error));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID);
  g_clear_error (&error);
  household.phone = NULL;
  household.email = "alice.example.org";
  ck_assert (!acu_household_update (store, &household, &error));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID);
  g_clear_error (&error);
  household.email = NULL;
  household.housing = ACU_HOUSING_HOMELESS + 1;
  ck_assert (!acu_household_update (store, &household, &error));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID);
  g_clear_error (&error);
  household.housing = ACU_HOUSING_HOMELESS;
  household.commune_id = UNKNOWN_ID;
  ck_assert (!acu_household_update (store, &household, &error));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_NO_RECORD);
  g_clear_error (&error);
  read = acu_household_get (store, h, &error);
  ck_assert_int_eq (read->housing, ACU_HOUSING_PRECARIOUS);
  ck_assert_str_eq (read->phone, "05 62 68 00 00");
  ck_assert_str_eq (read->email, "alice@example.org");
  ck_assert_int_eq (read->commune_id, COMMUNE_LECTOURE);

  /* Empty fields are cleared */
  household.commune_id = 0;
  household.address = "  ";
  household.housing = ACU_HOUSING_NOT_STATED;
  ck_assert (acu_household_update (store, &household, &error));
  g_clear_pointer (&read, acu_household_free);
  read = acu_household_get (store, h, &error);
  ck_assert_ptr_null (read->address);
  ck_assert_ptr_null (read->phone);
  ck_assert_ptr_null (read->commune);
  ck_assert_int_eq (read->commune_id, 0);
  ck_assert_int_eq (read->housing, ACU_HOUSING_NOT_STATED);
  ck_assert_int_eq (acu_test_query_int (store, "SELECT count(*) FROM household WHERE housing IS NULL"), 1);

  household.id = UNKNOWN_ID;
  ck_assert (!acu_household_update (store, &household, &error));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_NO_RECORD);

  close_store (store);
}
END_TEST

START_TEST (test_household_merge)
{
  AcuStore *store = create_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(AcuHousehold) kept = NULL;
  g_autoptr(AcuHousehold) gone = NULL;
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GPtrArray) visits = NULL;
  AcuVisitCounts counts;
  gint64 alice = add_person_full (store, "Alice", "Martin", "1970-01-01", 0, COMMUNE_LECTOURE);
  gint64 bob = add_person_full (store, "Bob", "Martin", "1972-01-01", 0, COMMUNE_AUCH);
  gint64 carla = add_person_full (store, "Carla", "Martin", "2010-01-01", 0, 0);
  gint64 h1 = household_of (store, alice);
  gint64 h2 = household_of (store, bob);
  gint64 h3 = household_of (store, carla);
  AcuHousehold first = {
    .id = h1, .address = "3 rue du Barry", .commune_id = COMMUNE_LECTOURE,
    .note = "Comes on Tuesdays",
  };
  AcuHousehold second = {
    .id = h2, .address = "12 place de la Mairie", .commune_id = COMMUNE_AUCH,
    .phone = "05 62 00 00 00", .email = "bob@example.org", .referring_worker = "Mme Abadie",
    .note = "Has a car", .housing = ACU_HOUSING_HOMELESS,
  };

  ck_assert (acu_household_update (store, &first, &error));
  ck_assert (acu_household_update (store, &second, &error));
  ck_assert_ptr_null (error);
  log_simple_visit (store, "2025-03-04", "10:00", alice, REASON_FOOD_AID);
  log_simple_visit (store, "2025-03-06", "10:00", bob, REASON_FOOD_AID);
  log_simple_visit (store, "2025-03-11", "10:00", bob, REASON_CLOTHING);
  ck_assert (acu_visit_count (store, "2025-03-01", "2025-03-31", &counts, &error));
  assert_counts (&counts, 3, 2, 2, 0);

  ck_assert (acu_household_merge (store, h1, h2, &error));
  ck_assert_ptr_null (error);

  gone = acu_household_get (store, h2, &error);
  ck_assert_ptr_null (gone);
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_NO_RECORD);
  g_clear_error (&error);

  kept = acu_household_get (store, h1, &error);
  ck_assert_ptr_nonnull (kept);
  ck_assert_str_eq (kept->address, "3 rue du Barry");
  ck_assert_int_eq (kept->commune_id, COMMUNE_LECTOURE);
  ck_assert_str_eq (kept->phone, "05 62 00 00 00");
  ck_assert_str_eq (kept->email, "bob@example.org");
  ck_assert_str_eq (kept->referring_worker, "Mme Abadie");
  ck_assert_str_eq (kept->note, "Comes on Tuesdays\nHas a car");
  /* not stated here: the merged household's situation */
  ck_assert_int_eq (kept->housing, ACU_HOUSING_HOMELESS);

  members = acu_household_list_members (store, h1, &error);
  ck_assert_uint_eq (members->len, 2);
  ck_assert_int_eq (acu_person_get_id (g_ptr_array_index (members, 0)), alice);
  ck_assert_int_eq (acu_person_get_id (g_ptr_array_index (members, 1)), bob);
  ck_assert_int_eq (household_of (store, bob), h1);

  visits = acu_visit_list_household (store, h1, 0, 10, &error);
  ck_assert_uint_eq (visits->len, 3);
  ck_assert_str_eq (acu_visit_get_day (g_ptr_array_index (visits, 0)), "2025-03-11");
  ck_assert_str_eq (acu_visit_get_day (g_ptr_array_index (visits, 2)), "2025-03-04");
  ck_assert_int_eq (acu_visit_get_household_id (g_ptr_array_index (visits, 0)), h1);
  ck_assert (acu_visit_count (store, "2025-03-01", "2025-03-31", &counts, &error));
  assert_counts (&counts, 3, 2, 1, 0);
  ck_assert_int_eq (count_rows (store, "household"), 2);

  /* An empty kept note takes the merged one */
  ck_assert (acu_household_merge (store, h3, h1, &error));
  g_clear_pointer (&kept, acu_household_free);
  kept = acu_household_get (store, h3, &error);
  ck_assert_str_eq (kept->note, "Comes on Tuesdays\nHas a car");
  ck_assert_str_eq (kept->address, "3 rue du Barry");
  ck_assert_int_eq (kept->commune_id, COMMUNE_LECTOURE);
  ck_assert_int_eq (count_rows (store, "household"), 1);
  ck_assert_int_eq (count_rows (store, "person"), 3);

  /* Refused */
  ck_assert (!acu_household_merge (store, h3, h3, &error));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID);
  g_clear_error (&error);
  ck_assert (!acu_household_merge (store, h3, UNKNOWN_ID, &error));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_NO_RECORD);
  g_clear_error (&error);
  ck_assert (!acu_household_merge (store, UNKNOWN_ID, h3, &error));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_NO_RECORD);
  ck_assert_int_eq (count_rows (store, "household"), 1);

  close_store (store);
}
END_TEST

/* Visits */

START_TEST (test_visit_log_anonymous)
{
  AcuStore *store = create_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(AcuVisit) visit = NULL;
  gint64 reason = REASON_FOOD_AID;
  static const gint64 expected[] = { REASON_FOOD_AID };
  AcuVisitDraft draft = {
    .day = "2025-03-04",
    .time = "10:15",
    .reason_ids = &reason,
    .n_reasons = 1,
    .anon_gender = ACU_GENDER_WOMAN,
    .anon_age = ACU_AGE_30_54,
    .anon_commune_id = COMMUNE_AUCH,
  };
  gint64 id = acu_visit_log (store, &draft, &error);

  ck_assert_ptr_null (error);
  ck_assert_int_gt (id, 0);
  visit = acu_visit_get (store, id, &error);
  ck_assert_ptr_nonnull (visit);
  ck_assert_int_eq (acu_visit_get_id (visit), id);
  ck_assert_str_eq (acu_visit_get_day (visit), "2025-03-04");
  ck_assert_str_eq (acu_visit_get_time (visit), "10:15");
  ck_assert_int_eq (acu_visit_get_person_id (visit), 0);
  ck_assert_ptr_null (acu_visit_get_person_name (visit));
  ck_assert_int_eq (acu_visit_get_household_id (visit), 0);
  assert_reasons (visit, expected, G_N_ELEMENTS (expected));
  ck_assert_str_eq (acu_visit_get_reasons_label (visit), "Food aid");
  ck_assert_int_eq (acu_visit_get_referral_id (visit), 0);
  ck_assert_ptr_null (acu_visit_get_referral_label (visit));
  ck_assert_ptr_null (acu_visit_get_note (visit));
  ck_assert_str_eq (acu_visit_get_logged_by (visit), PERSON);
  ck_assert_int_eq (acu_visit_get_anon_gender (visit), ACU_GENDER_WOMAN);
  ck_assert_int_eq (acu_visit_get_anon_age (visit), ACU_AGE_30_54);
  ck_assert_int_eq (acu_visit_get_anon_commune_id (visit), COMMUNE_AUCH);
  ck_assert_int_eq (count_rows (store, "visit"), 1);
  ck_assert_int_eq (count_rows (store, "visit_reason"), 1);

  /* Nothing stated */
  memset (&draft, 0, sizeof draft);
  draft.day = "2025-03-04";
  draft.time = "10:20";
  draft.reason_ids = &reason;
  draft.n_reasons = 1;
  id = acu_visit_log (store, &draft, &error);
  ck_assert_int_gt (id, 0);
  g_clear_object (&visit);
  visit = acu_visit_get (store, id, &error);
  ck_assert_int_eq (acu_visit_get_anon_gender (visit), ACU_GENDER_NOT_STATED);
  ck_assert_int_eq (acu_visit_get_anon_age (visit), ACU_AGE_NOT_STATED);
  ck_assert_int_eq (acu_visit_get_anon_commune_id (visit), 0);

  ck_assert_ptr_null (acu_visit_get (store, UNKNOWN_ID, &error));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_NO_RECORD);

  close_store (store);
}
END_TEST

START_TEST (test_visit_log_identified)
{
  AcuStore *store = create_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(AcuVisit) visit = NULL;
  g_autofree char *today = acu_date_today ();
  gint64 person = add_person_full (store, "Jean", "Dupuis", NULL, 0, COMMUNE_AUCH);
  /* Given out of the catalogue's order, and one twice */
  gint64 reasons[] = { REASON_DIGITAL_HELP, REASON_FOOD_AID, REASON_DIGITAL_HELP };
  static const gint64 expected[] = { REASON_FOOD_AID, REASON_DIGITAL_HELP };
  AcuVisitDraft draft = {
    .day = "2025-03-04",
    .time = "14:30",
    .person_id = person,
    .reason_ids = reasons,
    .n_reasons = G_N_ELEMENTS (reasons),
    .referral_id = PARTNER_CAF,
    .note = "  Brought a neighbour ",
    /* ignored for a known person */
    .anon_gender = ACU_GENDER_MAN,
    .anon_age = ACU_AGE_65_PLUS,
    .anon_commune_id = COMMUNE_LECTOURE,
  };
  gint64 id = acu_visit_log (store, &draft, &error);

  ck_assert_ptr_null (error);
  ck_assert_int_gt (id, 0);
  visit = acu_visit_get (store, id, &error);
  ck_assert_int_eq (acu_visit_get_person_id (visit), person);
  ck_assert_str_eq (acu_visit_get_person_name (visit), "Jean DUPUIS");
  ck_assert_int_eq (acu_visit_get_household_id (visit), household_of (store, person));
  assert_reasons (visit, expected, G_N_ELEMENTS (expected));
  ck_assert_str_eq (acu_visit_get_reasons_label (visit), "Food aid, Digital help");
  ck_assert_int_eq (acu_visit_get_referral_id (visit), PARTNER_CAF);
  ck_assert_str_eq (acu_visit_get_referral_label (visit), "CAF");
  ck_assert_str_eq (acu_visit_get_note (visit), "Brought a neighbour");
  ck_assert_int_eq (acu_visit_get_anon_gender (visit), ACU_GENDER_NOT_STATED);
  ck_assert_int_eq (acu_visit_get_anon_age (visit), ACU_AGE_NOT_STATED);
  ck_assert_int_eq (acu_visit_get_anon_commune_id (visit), 0);
  ck_assert_int_eq (count_rows (store, "visit_reason"), 2);
  g_clear_object (&visit);

  /* No day, no time: now */
  draft.day = NULL;
  draft.time = NULL;
  draft.note = "   ";
  id = acu_visit_log (store, &draft, &error);
  ck_assert_ptr_null (error);
  visit = acu_visit_get (store, id, &error);
  ck_assert_str_eq (acu_visit_get_day (visit), today);
  ck_assert_uint_eq (strlen (acu_visit_get_time (visit)), 5);
  ck_assert_ptr_null (acu_visit_get_note (visit));

  close_store (store);
}
END_TEST

/* The records' properties, as the lists bound in .ui files read them */
START_TEST (test_record_properties)
{
  AcuStore *store = create_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(AcuPerson) person = NULL;
  g_autoptr(AcuVisit) visit = NULL;
  g_autofree char *first = NULL, *last = NULL, *display = NULL, *birth = NULL, *informed = NULL;
  g_autofree char *commune = NULL, *day = NULL, *time = NULL, *name = NULL, *reasons_label = NULL;
  g_autofree char *referral = NULL, *note = NULL, *logged_by = NULL;
  gint64 reasons[] = { REASON_FOOD_AID, REASON_DIGITAL_HELP };
  AcuPersonDraft person_draft = {
    .first_name = "Jean",
    .last_name = "Dupuis",
    .birth_date = "1980-05-01",
    .gender = ACU_GENDER_MAN,
    .informed_on = "2025-03-04",
    .commune_id = COMMUNE_AUCH,
  };
  AcuVisitDraft visit_draft = {
    .day = "2025-03-04",
    .time = "14:30",
    .reason_ids = reasons,
    .n_reasons = G_N_ELEMENTS (reasons),
    .referral_id = PARTNER_CAF,
    .note = "Brought a neighbour",
  };
  gint64 person_id, visit_id, id, household_id, person_of_visit, referral_id, anon_commune;
  AcuGender gender;
  AcuAgeBracket age;

  person_id = acu_person_add (store, &person_draft, &error);
  ck_assert_int_gt (person_id, 0);
  person = acu_person_get (store, person_id, &error);
  ck_assert_ptr_nonnull (person);
  /* Read-only: the store writes them, the interface only reads */
  ck_assert_uint_eq (g_object_class_find_property (G_OBJECT_GET_CLASS (person), "display-name")->flags
                     & (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY), G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY);
  g_object_get (person,
                "id", &id,
                "household-id", &household_id,
                "first-name", &first,
                "last-name", &last,
                "display-name", &display,
                "birth-date", &birth,
                "gender", &gender,
                "informed-on", &informed,
                "commune", &commune,
                NULL);
  ck_assert_int_eq (id, person_id);
  /* the first household of an empty database */
  ck_assert_int_eq (household_id, 1);
  ck_assert_str_eq (first, "Jean");
  ck_assert_str_eq (last, "Dupuis");
  ck_assert_str_eq (display, "Jean DUPUIS");
  ck_assert_str_eq (birth, "1980-05-01");
  ck_assert_int_eq (gender, ACU_GENDER_MAN);
  ck_assert_str_eq (informed, "2025-03-04");
  ck_assert_str_eq (commune, "Auch");

  visit_draft.person_id = person_id;
  visit_id = acu_visit_log (store, &visit_draft, &error);
  ck_assert_int_gt (visit_id, 0);
  visit = acu_visit_get (store, visit_id, &error);
  ck_assert_ptr_nonnull (visit);
  g_object_get (visit,
                "id", &id,
                "day", &day,
                "time", &time,
                "person-id", &person_of_visit,
                "person-name", &name,
                "household-id", &household_id,
                "reasons-label", &reasons_label,
                "referral-id", &referral_id,
                "referral-label", &referral,
                "note", &note,
                "logged-by", &logged_by,
                "anon-gender", &gender,
                "anon-age", &age,
                "anon-commune-id", &anon_commune,
                NULL);
  ck_assert_int_eq (id, visit_id);
  ck_assert_str_eq (day, "2025-03-04");
  ck_assert_str_eq (time, "14:30");
  ck_assert_int_eq (person_of_visit, person_id);
  ck_assert_str_eq (name, "Jean DUPUIS");
  ck_assert_int_eq (household_id, 1);
  ck_assert_str_eq (reasons_label, "Food aid, Digital help");
  ck_assert_int_eq (referral_id, PARTNER_CAF);
  ck_assert_str_eq (referral, "CAF");
  ck_assert_str_eq (note, "Brought a neighbour");
  ck_assert_str_eq (logged_by, "Hélène Martin");
  ck_assert_int_eq (gender, ACU_GENDER_NOT_STATED);
  ck_assert_int_eq (age, ACU_AGE_NOT_STATED);
  ck_assert_int_eq (anon_commune, 0);
  g_clear_object (&visit);
  g_clear_pointer (&name, g_free);
  g_clear_pointer (&referral, g_free);

  /* Anonymous: no name, what is known of them */
  memset (&visit_draft, 0, sizeof visit_draft);
  visit_draft.day = "2025-03-04";
  visit_draft.time = "15:00";
  visit_draft.reason_ids = reasons;
  visit_draft.n_reasons = 1;
  visit_draft.anon_gender = ACU_GENDER_WOMAN;
  visit_draft.anon_age = ACU_AGE_30_54;
  visit_draft.anon_commune_id = COMMUNE_LECTOURE;
  visit = acu_visit_get (store, acu_visit_log (store, &visit_draft, &error), &error);
  ck_assert_ptr_nonnull (visit);
  g_object_get (visit,
                "person-id", &person_of_visit,
                "person-name", &name,
                "referral-label", &referral,
                "anon-gender", &gender,
                "anon-age", &age,
                "anon-commune-id", &anon_commune,
                NULL);
  ck_assert_int_eq (person_of_visit, 0);
  ck_assert_ptr_null (name);
  ck_assert_ptr_null (referral);
  ck_assert_int_eq (gender, ACU_GENDER_WOMAN);
  ck_assert_int_eq (age, ACU_AGE_30_54);
  ck_assert_int_eq (anon_commune, COMMUNE_LECTOURE);

  close_store (store);
}
END_TEST

static void
assert_log_fails (AcuStore             *store,
                  const AcuVisitDraft  *draft,
                  int                   code)
{
  g_autoptr(GError) error = NULL;
  gint64 visits = count_rows (store, "visit");
  gint64 reasons = count_rows (store, "visit_reason");

  ck_assert_msg (acu_visit_log (store, draft, &error) == 0, "logged a visit on %s at %s",
                 draft->day, draft->time);
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, code);
  ck_assert_int_eq (count_rows (store, "visit"), visits);
  ck_assert_int_eq (count_rows (store, "visit_reason"), reasons);
}

START_TEST (test_visit_log_invalid)
{
  AcuStore *store = create_store ();
  g_autofree char *today = acu_date_today ();
  g_autofree char *tomorrow = acu_date_add_days (today, 1);
  gint64 person = add_person (store, "Jean", "Dupuis", 0);
  gint64 reason = REASON_FOOD_AID;
  gint64 unknown = UNKNOWN_ID;
  gint64 half_unknown[] = { REASON_FOOD_AID, UNKNOWN_ID };
  AcuVisitDraft good = {
    .day = "2025-03-04",
    .time = "10:00",
    .person_id = person,
    .reason_ids = &reason,
    .n_reasons = 1,
  };
  AcuVisitDraft draft;

  log_simple_visit (store, "2025-03-04", "09:00", person, REASON_CLOTHING);
  ck_assert_int_eq (count_rows (store, "visit"), 1);

  draft = good, draft.n_reasons = 0;
  assert_log_fails (store, &draft, ACU_STORE_ERROR_INVALID);
  draft = good, draft.reason_ids = NULL, draft.n_reasons = 0;
  assert_log_fails (store, &draft, ACU_STORE_ERROR_INVALID);
  draft = good, draft.reason_ids = &unknown;
  assert_log_fails (store, &draft, ACU_STORE_ERROR_NO_RECORD);
  draft = good, draft.reason_ids = half_unknown, draft.n_reasons = 2;
  assert_log_fails (store, &draft, ACU_STORE_ERROR_NO_RECORD);
  draft = good, draft.day = tomorrow;
  assert_log_fails (store, &draft, ACU_STORE_ERROR_INVALID);
  draft = good, draft.day = "2999-01-01";
  assert_log_fails (store, &draft, ACU_STORE_ERROR_INVALID);
  draft = good, draft.day = "2025-02-29";
  assert_log_fails (store, &draft, ACU_STORE_ERROR_INVALID);
  draft = good, draft.day = "04/03/2025";
  assert_log_fails (store, &draft, ACU_STORE_ERROR_INVALID);
  draft = good, draft.time = "25:00";
  assert_log_fails (store, &draft, ACU_STORE_ERROR_INVALID);
  draft = good, draft.time = "12:60";
  assert_log_fails (store, &draft, ACU_STORE_ERROR_INVALID);
  draft = good, draft.time = "9:30";
  assert_log_fails (store, &draft, ACU_STORE_ERROR_INVALID);
  draft = good, draft.time = "09h30";
  assert_log_fails (store, &draft, ACU_STORE_ERROR_INVALID);
  draft = good, draft.person_id = UNKNOWN_ID;
  assert_log_fails (store, &draft, ACU_STORE_ERROR_NO_RECORD);
  draft = good, draft.referral_id = UNKNOWN_ID;
  assert_log_fails (store, &draft, ACU_STORE_ERROR_NO_RECORD);
  draft = good, draft.person_id = 0, draft.anon_commune_id = UNKNOWN_ID;
  assert_log_fails (store, &draft, ACU_STORE_ERROR_NO_RECORD);
  draft = good, draft.person_id = 0, draft.anon_age = ACU_N_AGE_BRACKETS;
  assert_log_fails (store, &draft, ACU_STORE_ERROR_INVALID);

  ck_assert_int_eq (count_rows (store, "visit"), 1);
  ck_assert_int_eq (count_rows (store, "visit_reason"), 1);

  /* Today and midnight are fine */
  draft = good, draft.day = today, draft.time = "00:00";
  ck_assert_int_gt (acu_visit_log (store, &draft, NULL), 0);
  ck_assert_int_eq (count_rows (store, "visit"), 2);

  close_store (store);
}
END_TEST

START_TEST (test_visit_update)
{
  AcuStore *store = create_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(AcuVisit) visit = NULL;
  g_autofree char *today = acu_date_today ();
  gint64 person = add_person (store, "Jean", "Dupuis", 0);
  gint64 food = REASON_FOOD_AID;
  gint64 new_reasons[] = { REASON_DIGITAL_HELP, REASON_CLOTHING };
  static const gint64 expected[] = { REASON_CLOTHING, REASON_DIGITAL_HELP };
  AcuVisitDraft draft = {
    .day = today,
    .time = "09:00",
    .reason_ids = &food,
    .n_reasons = 1,
    .anon_gender = ACU_GENDER_MAN,
    .anon_age = ACU_AGE_18_29,
  };
  gint64 id = acu_visit_log (store, &draft, &error);
  gint64 past;

  ck_assert_int_gt (id, 0);

  /* Anonymous becomes Jean; the day stays */
  memset (&draft, 0, sizeof draft);
  draft.day = "2025-03-04";
  draft.time = "09:30";
  draft.person_id = person;
  draft.reason_ids = new_reasons;
  draft.n_reasons = G_N_ELEMENTS (new_reasons);
  draft.referral_id = PARTNER_CCAS;
  draft.note = "Came back later";
  ck_assert (acu_visit_update (store, id, &draft, &error));
  ck_assert_ptr_null (error);
  visit = acu_visit_get (store, id, &error);
  ck_assert_str_eq (acu_visit_get_day (visit), today);
  ck_assert_str_eq (acu_visit_get_time (visit), "09:30");
  ck_assert_int_eq (acu_visit_get_person_id (visit), person);
  ck_assert_int_eq (acu_visit_get_anon_gender (visit), ACU_GENDER_NOT_STATED);
  ck_assert_int_eq (acu_visit_get_anon_age (visit), ACU_AGE_NOT_STATED);
  assert_reasons (visit, expected, G_N_ELEMENTS (expected));
  ck_assert_int_eq (acu_visit_get_referral_id (visit), PARTNER_CCAS);
  ck_assert_str_eq (acu_visit_get_note (visit), "Came back later");
  ck_assert_int_eq (count_rows (store, "visit_reason"), 2);
  g_clear_object (&visit);

  /* No time: it keeps its own */
  draft.time = NULL;
  draft.n_reasons = 1;
  draft.note = NULL;
  draft.referral_id = 0;
  ck_assert (acu_visit_update (store, id, &draft, &error));
  visit = acu_visit_get (store, id, &error);
  ck_assert_str_eq (acu_visit_get_time (visit), "09:30");
  ck_assert_ptr_null (acu_visit_get_note (visit));
  ck_assert_int_eq (acu_visit_get_referral_id (visit), 0);
  ck_assert_int_eq (count_rows (store, "visit_reason"), 1);
  g_clear_object (&visit);

  /* Bad input changes nothing */
  draft.n_reasons = 0;
  ck_assert (!acu_visit_update (store, id, &draft, &error));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID);
  g_clear_error (&error);
  draft.n_reasons = 1;
  draft.time = "24:00";
  ck_assert (!acu_visit_update (store, id, &draft, &error));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID);
  g_clear_error (&error);
  visit = acu_visit_get (store, id, &error);
  ck_assert_str_eq (acu_visit_get_time (visit), "09:30");
  ck_assert_int_eq (count_rows (store, "visit_reason"), 1);

  /* A past day is closed */
  past = log_simple_visit (store, "2025-03-04", "10:00", person, REASON_FOOD_AID);
  draft.time = "11:00";
  ck_assert (!acu_visit_update (store, past, &draft, &error));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_FORBIDDEN);
  g_clear_error (&error);
  ck_assert (!acu_visit_update (store, UNKNOWN_ID, &draft, &error));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_NO_RECORD);

  close_store (store);
}
END_TEST

START_TEST (test_visit_delete_restore)
{
  AcuStore *store = create_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(AcuVisit) visit = NULL;
  g_autoptr(AcuVisit) back = NULL;
  g_autoptr(AcuVisit) still = NULL;
  g_autofree char *today = acu_date_today ();
  gint64 person = add_person (store, "Jean", "Dupuis", 0);
  gint64 reasons[] = { REASON_CLOTHING, REASON_COFFEE };
  static const gint64 expected[] = { REASON_CLOTHING, REASON_COFFEE };
  AcuVisitDraft draft = {
    .day = today,
    .time = "10:45",
    .person_id = person,
    .reason_ids = reasons,
    .n_reasons = G_N_ELEMENTS (reasons),
    .referral_id = PARTNER_CAF,
    .note = "Asked for a food parcel",
  };
  gint64 id = acu_visit_log (store, &draft, &error);
  gint64 past, later;

  ck_assert_int_gt (id, 0);
  later = log_simple_visit (store, today, "11:00", 0, REASON_FOOD_AID);
  visit = acu_visit_get (store, id, &error);
  ck_assert_ptr_nonnull (visit);

  ck_assert (acu_visit_delete (store, id, &error));
  ck_assert_ptr_null (error);
  ck_assert_ptr_null (acu_visit_get (store, id, &error));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_NO_RECORD);
  g_clear_error (&error);
  ck_assert_int_eq (count_rows (store, "visit"), 1);
  ck_assert_int_eq (count_rows (store, "visit_reason"), 1);

  /* Twice */
  ck_assert (!acu_visit_delete (store, id, &error));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_NO_RECORD);
  g_clear_error (&error);

  ck_assert (acu_visit_restore (store, visit, &error));
  ck_assert_ptr_null (error);
  back = acu_visit_get (store, id, &error);
  ck_assert_ptr_nonnull (back);
  ck_assert_int_eq (acu_visit_get_id (back), id);
  ck_assert_str_eq (acu_visit_get_day (back), today);
  ck_assert_str_eq (acu_visit_get_time (back), "10:45");
  ck_assert_int_eq (acu_visit_get_person_id (back), person);
  assert_reasons (back, expected, G_N_ELEMENTS (expected));
  ck_assert_str_eq (acu_visit_get_reasons_label (back), "Clothing, Coffee, meeting people");
  ck_assert_int_eq (acu_visit_get_referral_id (back), PARTNER_CAF);
  ck_assert_str_eq (acu_visit_get_note (back), "Asked for a food parcel");
  ck_assert_str_eq (acu_visit_get_logged_by (back), PERSON);
  ck_assert_int_eq (count_rows (store, "visit"), 2);
  ck_assert_int_eq (count_rows (store, "visit_reason"), 3);

  /* Restoring what is there already fails and changes nothing */
  ck_assert (!acu_visit_restore (store, visit, &error));
  ck_assert_ptr_nonnull (error);
  g_clear_error (&error);
  ck_assert_int_eq (count_rows (store, "visit"), 2);
  ck_assert_int_eq (count_rows (store, "visit_reason"), 3);

  /* A visit of a past day stays */
  past = log_simple_visit (store, "2025-03-04", "10:00", person, REASON_FOOD_AID);
  ck_assert (!acu_visit_delete (store, past, &error));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_FORBIDDEN);
  still = acu_visit_get (store, past, NULL);
  ck_assert_ptr_nonnull (still);
  ck_assert_int_eq (count_rows (store, "visit"), 3);
  ck_assert_int_gt (later, 0);

  close_store (store);
}
END_TEST

/* The report's counts by day (0004-report.sql) against the visits
 * themselves, counted here by plain SQL: no row differs either way */
static const struct
{
  const char *dimension;
  const char *expected;   /* day, key, n */
} day_counts[] = {
  { "all", "SELECT day, '' AS key, count (*) AS n FROM visit GROUP BY 1" },
  { "identified", "SELECT day, '' AS key, count (*) AS n FROM visit WHERE person_id IS NOT NULL GROUP BY 1" },
  { "hour", "SELECT day, substr (time, 1, 2) AS key, count (*) AS n FROM visit GROUP BY 1, 2" },
  { "reason", "SELECT day, reason_id AS key, count (*) AS n FROM visit_reason GROUP BY 1, 2" },
  { "partner", "SELECT day, referral_id AS key, count (*) AS n FROM visit WHERE referral_id IS NOT NULL GROUP BY 1, 2" },
  { "anon-commune", "SELECT day, coalesce (anon_commune_id, '') AS key, count (*) AS n FROM visit "
                    "WHERE person_id IS NULL GROUP BY 1, 2" },
  { "anon-gender", "SELECT day, coalesce (anon_gender, '') AS key, count (*) AS n FROM visit "
                   "WHERE person_id IS NULL GROUP BY 1, 2" },
  { "anon-age", "SELECT day, coalesce (anon_age, '') AS key, count (*) AS n FROM visit "
                "WHERE person_id IS NULL GROUP BY 1, 2" },
};

static void
assert_day_counts (AcuStore *store)
{
  for (guint i = 0; i < G_N_ELEMENTS (day_counts); i++)
    {
      g_autofree char *missing = g_strdup_printf (
        "SELECT count (*) FROM (%s) e WHERE e.n IS NOT (SELECT visits FROM visit_day_count c "
        "WHERE c.day = e.day AND c.dimension = '%s' AND c.key = e.key)",
        day_counts[i].expected, day_counts[i].dimension);
      g_autofree char *extra = g_strdup_printf (
        "SELECT count (*) FROM visit_day_count c WHERE c.dimension = '%s' AND c.visits <> 0 "
        "AND NOT EXISTS (SELECT 1 FROM (%s) e WHERE e.day = c.day AND e.key = c.key)",
        day_counts[i].dimension, day_counts[i].expected);

      ck_assert_msg (acu_test_query_int (store, missing) == 0, "%s: a count is wrong", day_counts[i].dimension);
      ck_assert_msg (acu_test_query_int (store, extra) == 0, "%s: a count too many", day_counts[i].dimension);
    }
  ck_assert_int_eq (acu_test_query_int (store,
                                        "SELECT count (*) FROM (SELECT CAST (substr (day, 1, 4) AS INTEGER) AS year, "
                                        "person_id, count (*) AS n FROM visit WHERE person_id IS NOT NULL GROUP BY 1, 2) e "
                                        "WHERE e.n IS NOT (SELECT visits FROM person_year y "
                                        "WHERE y.year = e.year AND y.person_id = e.person_id)"), 0);
  ck_assert_int_eq (acu_test_query_int (store,
                                        "SELECT count (*) FROM person_year y WHERE visits <> 0 AND visits IS NOT "
                                        "(SELECT count (*) FROM visit WHERE person_id = y.person_id "
                                        "AND substr (day, 1, 4) = CAST (y.year AS TEXT))"), 0);
}

static gint64
day_count (AcuStore   *store,
           const char *day,
           const char *dimension,
           const char *key)
{
  g_autofree char *sql = g_strdup_printf ("SELECT coalesce ((SELECT visits FROM visit_day_count WHERE day = '%s' "
                                          "AND dimension = '%s' AND key = %s), 0)", day, dimension, key);

  return acu_test_query_int (store, sql);
}

START_TEST (test_report_counts_follow_visits)
{
  AcuStore *store = create_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(AcuVisit) deleted = NULL;
  g_autofree char *today = acu_date_today ();
  g_autofree char *year_sql = NULL;
  gint64 jean = add_person (store, "Jean", "Dupuis", 0);
  gint64 lucie = add_person (store, "Lucie", "Marty", 0);
  gint64 food = REASON_FOOD_AID;
  gint64 two[] = { REASON_CLOTHING, REASON_COFFEE };
  AcuVisitDraft anon = {
    .day = today, .time = "09:10", .reason_ids = &food, .n_reasons = 1,
    .anon_gender = ACU_GENDER_WOMAN, .anon_age = ACU_AGE_30_54, .anon_commune_id = COMMUNE_AUCH,
  };
  AcuVisitDraft known = {
    .day = today, .time = "14:05", .person_id = jean, .reason_ids = two, .n_reasons = 2,
    .referral_id = PARTNER_CAF,
  };
  gint64 a, b, c;

  a = acu_visit_log (store, &anon, &error);
  b = acu_visit_log (store, &known, &error);
  known.person_id = lucie;
  known.time = "14:20";
  c = acu_visit_log (store, &known, &error);
  ck_assert (a > 0 && b > 0 && c > 0);
  log_simple_visit (store, "2025-03-04", "10:00", jean, REASON_FOOD_AID);
  assert_day_counts (store);
  /* written by hand: three visits today, one anonymous at 9, two at 14 */
  ck_assert_int_eq (day_count (store, today, "all", "''"), 3);
  ck_assert_int_eq (day_count (store, today, "identified", "''"), 2);
  ck_assert_int_eq (day_count (store, today, "hour", "'09'"), 1);
  ck_assert_int_eq (day_count (store, today, "hour", "'14'"), 2);
  ck_assert_int_eq (day_count (store, today, "reason", "2"), 2);
  ck_assert_int_eq (day_count (store, today, "partner", "7"), 2);
  ck_assert_int_eq (day_count (store, today, "anon-commune", "2"), 1);
  ck_assert_int_eq (day_count (store, today, "anon-gender", "'woman'"), 1);
  ck_assert_int_eq (day_count (store, "2025-03-04", "all", "''"), 1);

  /* The anonymous visit was Lucie, at 10; Jean's had one reason only */
  anon.person_id = lucie;
  anon.time = "10:30";
  ck_assert_msg (acu_visit_update (store, a, &anon, &error), "%s", error ? error->message : "");
  known.person_id = jean;
  known.n_reasons = 1;
  known.referral_id = 0;
  known.time = "14:05";
  ck_assert (acu_visit_update (store, b, &known, &error));
  assert_day_counts (store);
  ck_assert_int_eq (day_count (store, today, "identified", "''"), 3);
  ck_assert_int_eq (day_count (store, today, "hour", "'09'"), 0);
  ck_assert_int_eq (day_count (store, today, "hour", "'10'"), 1);
  ck_assert_int_eq (day_count (store, today, "reason", "8"), 1);
  ck_assert_int_eq (day_count (store, today, "partner", "7"), 1);
  ck_assert_int_eq (day_count (store, today, "anon-gender", "'woman'"), 0);
  year_sql = g_strdup_printf ("SELECT visits FROM person_year WHERE year = %.4s AND person_id = %" G_GINT64_FORMAT,
                              today, lucie);
  ck_assert_int_eq (acu_test_query_int (store, year_sql), 2);

  /* Deleted (its reasons go by cascade), then put back by Undo */
  deleted = acu_visit_get (store, c, &error);
  ck_assert (acu_visit_delete (store, c, &error));
  assert_day_counts (store);
  ck_assert_int_eq (day_count (store, today, "all", "''"), 2);
  ck_assert_int_eq (day_count (store, today, "reason", "8"), 0);
  ck_assert_int_eq (acu_test_query_int (store, year_sql), 1);
  ck_assert (acu_visit_restore (store, deleted, &error));
  assert_day_counts (store);
  ck_assert_int_eq (day_count (store, today, "all", "''"), 3);
  ck_assert_int_eq (acu_test_query_int (store, year_sql), 2);

  close_store (store);
}
END_TEST

START_TEST (test_visit_list_day)
{
  AcuStore *store = create_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) visits = NULL;
  gint64 person = add_person (store, "Jean", "Dupuis", 0);
  gint64 first, second;

  first = log_simple_visit (store, "2025-03-06", "14:05", person, REASON_FOOD_AID);
  log_simple_visit (store, "2025-03-06", "09:10", 0, REASON_CLOTHING);
  log_simple_visit (store, "2025-03-06", "11:30", person, REASON_COFFEE);
  log_simple_visit (store, "2025-03-07", "16:00", person, REASON_FOOD_AID);
  second = log_simple_visit (store, "2025-03-06", "14:05", 0, REASON_OTHER);

  visits = acu_visit_list_day (store, "2025-03-06", &error);
  ck_assert_ptr_null (error);
  ck_assert_uint_eq (visits->len, 4);
  /* The same time: the later logged first */
  ck_assert_int_eq (acu_visit_get_id (g_ptr_array_index (visits, 0)), second);
  ck_assert_int_eq (acu_visit_get_id (g_ptr_array_index (visits, 1)), first);
  ck_assert_str_eq (acu_visit_get_time (g_ptr_array_index (visits, 0)), "14:05");
  ck_assert_str_eq (acu_visit_get_time (g_ptr_array_index (visits, 1)), "14:05");
  ck_assert_str_eq (acu_visit_get_time (g_ptr_array_index (visits, 2)), "11:30");
  ck_assert_str_eq (acu_visit_get_time (g_ptr_array_index (visits, 3)), "09:10");
  ck_assert_str_eq (acu_visit_get_reasons_label (g_ptr_array_index (visits, 2)), "Coffee, meeting people");
  ck_assert_str_eq (acu_visit_get_person_name (g_ptr_array_index (visits, 2)), "Jean DUPUIS");
  ck_assert_ptr_null (acu_visit_get_person_name (g_ptr_array_index (visits, 3)));
  g_clear_pointer (&visits, g_ptr_array_unref);

  visits = acu_visit_list_day (store, "2025-03-07", &error);
  ck_assert_uint_eq (visits->len, 1);
  g_clear_pointer (&visits, g_ptr_array_unref);
  visits = acu_visit_list_day (store, "2025-03-08", &error);
  ck_assert_ptr_nonnull (visits);
  ck_assert_uint_eq (visits->len, 0);

  close_store (store);
}
END_TEST

START_TEST (test_visit_counts)
{
  AcuStore *store = create_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) days = NULL;
  g_autoptr(GPtrArray) by_reason = NULL;
  g_autofree char *last = NULL;
  AcuVisitCounts counts;
  gint64 a = add_person (store, "Alice", "Martin", 0);
  gint64 b = add_person (store, "Bob", "Martin", household_of (store, a));
  gint64 c = add_person (store, "Carla", "Rossi", 0);
  gint64 d = add_person (store, "Didier", "Rossi", 0);
  gint64 food_clothing[] = { REASON_FOOD_AID, REASON_CLOTHING };
  static const struct { const char *label; guint visits; } expected_reasons[] = {
    { "Food aid", 3 },
    { "Clothing", 1 },
    { "Furniture and household goods", 0 },
    { "Digital help", 1 },
    { "Appointment with a social worker", 0 },
    { "Information and access to rights", 0 },
    { "Administrative help (mail, forms)", 0 },
    { "Coffee, meeting people", 1 },
    { "Workshop", 0 },
    { "Other", 0 },
  };

  /* March 2025: A twice, B once (same household), two anonymous */
  log_simple_visit (store, "2025-03-04", "10:00", a, REASON_FOOD_AID);
  log_visit (store, "2025-03-11", "10:00", a, food_clothing, 2);
  log_simple_visit (store, "2025-03-04", "11:00", b, REASON_DIGITAL_HELP);
  log_simple_visit (store, "2025-03-04", "12:00", 0, REASON_FOOD_AID);
  log_simple_visit (store, "2025-03-13", "09:00", 0, REASON_COFFEE);
  /* Around it: C in another household */
  log_simple_visit (store, "2025-02-28", "10:00", c, REASON_FOOD_AID);
  log_simple_visit (store, "2025-04-01", "10:00", c, REASON_OTHER);

  ck_assert (acu_visit_count (store, "2025-03-01", "2025-03-31", &counts, &error));
  ck_assert_ptr_null (error);
  assert_counts (&counts, 5, 2, 1, 2);
  ck_assert (acu_visit_count (store, "2025-03-04", "2025-03-04", &counts, &error));
  assert_counts (&counts, 3, 2, 1, 1);
  ck_assert (acu_visit_count (store, "2025-02-28", "2025-04-01", &counts, &error));
  assert_counts (&counts, 7, 3, 2, 2);
  ck_assert (acu_visit_count (store, "2025-03-14", "2025-03-31", &counts, &error));
  assert_counts (&counts, 0, 0, 0, 0);

  ck_assert (!acu_visit_count (store, "2025-03-31", "2025-03-01", &counts, &error));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID);
  g_clear_error (&error);
  ck_assert (!acu_visit_count (store, "2025-03-01", "2025-02-30", &counts, &error));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID);
  g_clear_error (&error);

  days = acu_visit_count_by_day (store, "2025-03-01", "2025-03-31", &error);
  ck_assert_ptr_nonnull (days);
  ck_assert_uint_eq (days->len, 3);
  ck_assert_str_eq (g_array_index (days, AcuDayCounts, 0).day, "2025-03-04");
  assert_counts (&g_array_index (days, AcuDayCounts, 0).counts, 3, 2, 1, 1);
  ck_assert_str_eq (g_array_index (days, AcuDayCounts, 1).day, "2025-03-11");
  assert_counts (&g_array_index (days, AcuDayCounts, 1).counts, 1, 1, 1, 0);
  ck_assert_str_eq (g_array_index (days, AcuDayCounts, 2).day, "2025-03-13");
  assert_counts (&g_array_index (days, AcuDayCounts, 2).counts, 1, 0, 0, 1);
  ck_assert_ptr_null (acu_visit_count_by_day (store, "2025-04-01", "2025-03-01", &error));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* A visit with two reasons counts for both */
  by_reason = acu_visit_count_by_reason (store, "2025-03-01", "2025-03-31", &error);
  ck_assert_ptr_nonnull (by_reason);
  ck_assert_uint_eq (by_reason->len, G_N_ELEMENTS (expected_reasons));
  for (guint i = 0; i < by_reason->len; i++)
    {
      AcuReasonCount *count = g_ptr_array_index (by_reason, i);

      ck_assert_str_eq (count->label, expected_reasons[i].label);
      ck_assert_uint_eq (count->visits, expected_reasons[i].visits);
    }
  ck_assert_int_eq (((AcuReasonCount *) g_ptr_array_index (by_reason, 0))->reason_id, REASON_FOOD_AID);
  g_clear_pointer (&by_reason, g_ptr_array_unref);

  /* A hidden reason shows only with visits in the period */
  ck_assert (acu_catalogue_set_hidden (store, ACU_CATALOGUE_REASON, REASON_COFFEE, TRUE, &error));
  ck_assert (acu_catalogue_set_hidden (store, ACU_CATALOGUE_REASON, REASON_WORKSHOP, TRUE, &error));
  by_reason = acu_visit_count_by_reason (store, "2025-03-01", "2025-03-31", &error);
  ck_assert_uint_eq (by_reason->len, 9);
  ck_assert_str_eq (((AcuReasonCount *) g_ptr_array_index (by_reason, 7))->label, "Coffee, meeting people");
  ck_assert_uint_eq (((AcuReasonCount *) g_ptr_array_index (by_reason, 7))->visits, 1);
  ck_assert_str_eq (((AcuReasonCount *) g_ptr_array_index (by_reason, 8))->label, "Other");
  g_clear_pointer (&by_reason, g_ptr_array_unref);
  by_reason = acu_visit_count_by_reason (store, "2025-04-01", "2025-04-30", &error);
  ck_assert_uint_eq (by_reason->len, 8);
  ck_assert_uint_eq (((AcuReasonCount *) g_ptr_array_index (by_reason, 0))->visits, 0);
  ck_assert_uint_eq (((AcuReasonCount *) g_ptr_array_index (by_reason, 7))->visits, 1);

  /* Last visits */
  last = acu_visit_get_last_day (store, a, &error);
  ck_assert_str_eq (last, "2025-03-11");
  g_clear_pointer (&last, g_free);
  last = acu_visit_get_last_day (store, b, &error);
  ck_assert_str_eq (last, "2025-03-04");
  g_clear_pointer (&last, g_free);
  last = acu_visit_get_last_day (store, c, &error);
  ck_assert_str_eq (last, "2025-04-01");
  g_clear_pointer (&last, g_free);
  ck_assert_ptr_null (acu_visit_get_last_day (store, d, &error));
  ck_assert_ptr_null (error);

  close_store (store);
}
END_TEST

START_TEST (test_visit_list_household)
{
  AcuStore *store = create_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) visits = NULL;
  gint64 a = add_person (store, "Alice", "Martin", 0);
  gint64 h = household_of (store, a);
  gint64 b = add_person (store, "Bob", "Martin", h);
  gint64 c = add_person (store, "Carla", "Rossi", 0);

  log_simple_visit (store, "2025-03-04", "10:00", a, REASON_FOOD_AID);
  log_simple_visit (store, "2025-03-11", "09:00", b, REASON_FOOD_AID);
  log_simple_visit (store, "2025-03-11", "15:00", a, REASON_CLOTHING);
  log_simple_visit (store, "2025-03-06", "10:00", c, REASON_FOOD_AID);
  log_simple_visit (store, "2025-03-06", "10:00", 0, REASON_FOOD_AID);

  visits = acu_visit_list_household (store, h, 0, 10, &error);
  ck_assert_uint_eq (visits->len, 3);
  ck_assert_str_eq (acu_visit_get_time (g_ptr_array_index (visits, 0)), "15:00");
  ck_assert_str_eq (acu_visit_get_time (g_ptr_array_index (visits, 1)), "09:00");
  ck_assert_int_eq (acu_visit_get_person_id (g_ptr_array_index (visits, 1)), b);
  ck_assert_str_eq (acu_visit_get_day (g_ptr_array_index (visits, 2)), "2025-03-04");
  g_clear_pointer (&visits, g_ptr_array_unref);
  visits = acu_visit_list_household (store, h, 1, 1, &error);
  ck_assert_uint_eq (visits->len, 1);
  ck_assert_int_eq (acu_visit_get_person_id (g_ptr_array_index (visits, 0)), b);

  close_store (store);
}
END_TEST

/* Dates */

/* Every write of the reception's areas tells its area (and the audit
 * log's), once its transaction commits, and nothing when it fails or
 * rolls back: the pages refresh from this alone */
START_TEST (test_writes_tell_their_area)
{
  AcuStore *store = create_store ();
  g_autoptr(AcuChangeLog) log = acu_change_log_new (store);
  g_autoptr(GError) error = NULL;
  g_autofree char *today = acu_date_today ();
  g_autoptr(AcuVisit) deleted = NULL;
  g_autoptr(AcuHousehold) household = NULL;
  gint64 reason = REASON_FOOD_AID;
  AcuVisitDraft draft = { .day = today, .time = "09:30", .reason_ids = &reason, .n_reasons = 1 };
  AcuPersonDraft person_draft = { .first_name = "Jeanne", .last_name = "Lafitte" };
  gint64 entry, person, other, visit, moved_to = 0;

  /* Lists */
  entry = acu_catalogue_add (store, ACU_CATALOGUE_REASON, "Jardin partagé", &error);
  ck_assert_int_gt (entry, 0);
  ACU_ASSERT_CHANGES (log, ACU_AREA_CATALOGUES | ACU_AREA_AUDIT);
  ck_assert (acu_catalogue_rename (store, ACU_CATALOGUE_REASON, entry, "Jardin", &error));
  ACU_ASSERT_CHANGES (log, ACU_AREA_CATALOGUES | ACU_AREA_AUDIT);
  ck_assert (acu_catalogue_move (store, ACU_CATALOGUE_REASON, entry, 0, &error));
  ACU_ASSERT_CHANGES (log, ACU_AREA_CATALOGUES | ACU_AREA_AUDIT);
  ck_assert (acu_catalogue_set_hidden (store, ACU_CATALOGUE_REASON, entry, TRUE, &error));
  ACU_ASSERT_CHANGES (log, ACU_AREA_CATALOGUES | ACU_AREA_AUDIT);
  ck_assert (acu_catalogue_remove (store, ACU_CATALOGUE_REASON, entry, &error));
  ACU_ASSERT_CHANGES (log, ACU_AREA_CATALOGUES | ACU_AREA_AUDIT);
  ck_assert_int_eq (acu_catalogue_add (store, ACU_CATALOGUE_REASON, "   ", &error), 0);
  g_clear_error (&error);
  ACU_ASSERT_CHANGES (log, ACU_AREA_NONE);

  /* People and households */
  person = acu_person_add (store, &person_draft, &error);
  ck_assert_int_gt (person, 0);
  ACU_ASSERT_CHANGES (log, ACU_AREA_PEOPLE | ACU_AREA_AUDIT);
  person_draft.first_name = "Jeannette";
  ck_assert (acu_person_update (store, person, &person_draft, &error));
  ACU_ASSERT_CHANGES (log, ACU_AREA_PEOPLE | ACU_AREA_AUDIT);
  other = add_person (store, "Paul", "Lafitte", 0);
  ACU_ASSERT_CHANGES (log, ACU_AREA_PEOPLE | ACU_AREA_AUDIT);
  ck_assert (acu_person_move (store, other, household_of (store, person), &moved_to, &error));
  ACU_ASSERT_CHANGES (log, ACU_AREA_PEOPLE | ACU_AREA_AUDIT);
  household = acu_household_get (store, household_of (store, person), &error);
  ck_assert (acu_household_update (store, household, &error));
  ACU_ASSERT_CHANGES (log, ACU_AREA_PEOPLE | ACU_AREA_AUDIT);
  other = add_person (store, "Luc", "Bourdieu", 0);
  g_clear_pointer (&household, acu_household_free);
  ACU_ASSERT_CHANGES (log, ACU_AREA_PEOPLE | ACU_AREA_AUDIT);
  ck_assert (acu_household_merge (store, household_of (store, person), household_of (store, other), &error));
  ACU_ASSERT_CHANGES (log, ACU_AREA_PEOPLE | ACU_AREA_CONFIDENTIAL | ACU_AREA_VISITS | ACU_AREA_FOOD
                      | ACU_AREA_GOODS | ACU_AREA_AUDIT);
  person_draft.first_name = "";
  ck_assert_int_eq (acu_person_add (store, &person_draft, &error), 0);
  g_clear_error (&error);
  ACU_ASSERT_CHANGES (log, ACU_AREA_NONE);

  /* The reception log */
  visit = acu_visit_log (store, &draft, &error);
  ck_assert_int_gt (visit, 0);
  ACU_ASSERT_CHANGES (log, ACU_AREA_VISITS | ACU_AREA_AUDIT);
  draft.time = "09:45";
  ck_assert (acu_visit_update (store, visit, &draft, &error));
  ACU_ASSERT_CHANGES (log, ACU_AREA_VISITS | ACU_AREA_AUDIT);
  deleted = acu_visit_get (store, visit, &error);
  ck_assert (acu_visit_delete (store, visit, &error));
  ACU_ASSERT_CHANGES (log, ACU_AREA_VISITS | ACU_AREA_AUDIT);
  ck_assert (acu_visit_restore (store, deleted, &error));
  ACU_ASSERT_CHANGES (log, ACU_AREA_VISITS | ACU_AREA_AUDIT);
  draft.n_reasons = 0;
  ck_assert_int_eq (acu_visit_log (store, &draft, &error), 0);
  g_clear_error (&error);
  ACU_ASSERT_CHANGES (log, ACU_AREA_NONE);
  draft.n_reasons = 1;

  /* Inside a longer transaction: told at its commit, never if it rolls back */
  ck_assert (acu_store_begin (store, &error));
  ck_assert_int_gt (acu_visit_log (store, &draft, &error), 0);
  ACU_ASSERT_CHANGES (log, ACU_AREA_NONE);
  acu_store_rollback (store);
  ACU_ASSERT_CHANGES (log, ACU_AREA_NONE);
  ck_assert (acu_store_begin (store, &error));
  ck_assert_int_gt (add_person (store, "Rose", "Darré", 0), 0);
  ACU_ASSERT_CHANGES (log, ACU_AREA_NONE);
  ck_assert (acu_store_commit (store, &error));
  ACU_ASSERT_CHANGES (log, ACU_AREA_PEOPLE | ACU_AREA_AUDIT);
  /* a savepoint rolled back inside a transaction that commits */
  ck_assert (acu_store_begin (store, &error));
  ck_assert_int_gt (add_person (store, "Louis", "Darré", 0), 0);
  ck_assert (acu_store_begin (store, &error));
  ck_assert_int_gt (acu_visit_log (store, &draft, &error), 0);
  acu_store_rollback (store);
  ck_assert (acu_store_commit (store, &error));
  ACU_ASSERT_CHANGES (log, ACU_AREA_PEOPLE | ACU_AREA_AUDIT);
  ck_assert (acu_store_begin (store, &error));
  ck_assert (acu_store_begin (store, &error));
  ck_assert_int_gt (acu_visit_log (store, &draft, &error), 0);
  ck_assert (acu_store_commit (store, &error));
  ACU_ASSERT_CHANGES (log, ACU_AREA_NONE);
  ck_assert (acu_store_commit (store, &error));
  ACU_ASSERT_CHANGES (log, ACU_AREA_VISITS | ACU_AREA_AUDIT);

  /* Reading tells nothing */
  g_clear_object (&deleted);
  deleted = acu_visit_get (store, visit, &error);
  ck_assert_ptr_nonnull (deleted);
  ACU_ASSERT_CHANGES (log, ACU_AREA_NONE);

  g_clear_pointer (&log, acu_change_log_free);
  close_store (store);
}
END_TEST

START_TEST (test_date)
{
  GDate date;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;
  g_autofree char *d = NULL;
  g_autofree char *e = NULL;
  g_autofree char *f = NULL;

  ck_assert (acu_date_parse ("2024-02-29", &date));
  ck_assert_uint_eq (g_date_get_year (&date), 2024);
  ck_assert_uint_eq (g_date_get_month (&date), 2);
  ck_assert_uint_eq (g_date_get_day (&date), 29);
  ck_assert (!acu_date_parse ("2025-02-29", NULL));
  ck_assert (!acu_date_parse ("2025-13-01", NULL));
  ck_assert (!acu_date_parse ("2025-00-10", NULL));
  ck_assert (!acu_date_parse ("2025-3-1", NULL));
  ck_assert (!acu_date_parse ("2025-03-1x", NULL));
  ck_assert (!acu_date_parse ("2025-03- 1", NULL));
  ck_assert (!acu_date_parse ("2025-+3-01", NULL));
  ck_assert (!acu_date_parse ("2025-03-+1", NULL));
  ck_assert (!acu_date_parse ("0000-01-01", NULL));
  ck_assert (!acu_date_parse ("", NULL));
  ck_assert (!acu_date_parse (NULL, NULL));

  a = acu_date_add_days ("2024-02-28", 1);
  ck_assert_str_eq (a, "2024-02-29");
  b = acu_date_add_days ("2025-02-28", 1);
  ck_assert_str_eq (b, "2025-03-01");
  c = acu_date_add_days ("2025-01-01", -1);
  ck_assert_str_eq (c, "2024-12-31");
  ck_assert_ptr_null (acu_date_add_days ("2025-02-30", 1));

  ck_assert_int_eq (acu_date_get_weekday ("2026-11-24"), G_DATE_TUESDAY);
  ck_assert_int_eq (acu_date_get_weekday ("2025-03-08"), G_DATE_SATURDAY);
  ck_assert_int_eq (acu_date_get_weekday ("nothing"), 0);
  ck_assert_int_lt (acu_date_compare ("2025-03-04", "2025-03-11"), 0);
  ck_assert_int_eq (acu_date_compare ("2025-03-04", "2025-03-04"), 0);

  d = acu_date_to_display ("2025-03-04");
  ck_assert_str_eq (d, "04/03/2025");
  e = acu_date_to_display ("1980");
  ck_assert_str_eq (e, "1980");
  f = acu_date_today ();
  ck_assert (acu_date_parse (f, NULL));
}
END_TEST

/* Demo data */

static const AcuDemoOptions demo_options = { 50, 2, 7, "2026-11-24" };

static void
fill_demo (AcuStore             *store,
           const AcuDemoOptions *options)
{
  g_autoptr(GError) error = NULL;

  ck_assert_msg (acu_demo_fill (store, options, NULL, NULL, NULL, &error),
                 "demo fill failed: %s", error ? error->message : "(no error)");
  ck_assert_ptr_null (error);
}

/* The food aid and the goods ledger, without the clock's timestamps */
static char *
dump_food (AcuStore *store)
{
  const char *queries[] = {
    "SELECT id, household_id, follows_id, partner_id, worker, start_day, end_day, mode, times, period, "
    "right_cents, right_by_hand, rate_bp, created_by FROM food_access ORDER BY id",
    "SELECT id, weekday, start_time, end_time, mode, from_day, until_day FROM food_rule ORDER BY id",
    "SELECT id, day, start_time, end_time, mode, rule_id, closed FROM food_day ORDER BY id",
    "SELECT id, day, household_id, mode, food_day_id, access_id, visit_id, persons, value_cents, shelf_cents, "
    "paid_cents, override_reason, cancelled, served_by FROM food_service ORDER BY id",
    "SELECT * FROM food_service_person ORDER BY service_id, person_id",
    "SELECT * FROM food_basket_line ORDER BY id",
    "SELECT id, day, place_id, category_id, direction, reason, source, pieces, grams, estimated, value_cents, "
    "household_id, service_id, lot, expiry, corrects_id, recorded_by FROM goods_movement ORDER BY id",
    "SELECT * FROM goods_stock ORDER BY place_id, category_id",
  };
  GString *dump = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autofree char *part = dump_query (store, queries[i]);

      g_string_append (dump, part);
      g_string_append (dump, "--\n");
    }
  return g_string_free (dump, FALSE);
}

/* The content, without the clock's timestamps */
static char *
dump_content (AcuStore *store)
{
  g_autofree char *households = dump_query (store,
    "SELECT id, commune_id, created_on, housing FROM household ORDER BY id");
  g_autofree char *people = dump_query (store,
    "SELECT id, household_id, first_name, last_name, sort_key, birth_date, gender, informed_on "
    "FROM person ORDER BY id");
  g_autofree char *visits = dump_query (store,
    "SELECT id, day, time, person_id, anon_gender, anon_age, anon_commune_id, referral_id, note, logged_by "
    "FROM visit ORDER BY id");
  g_autofree char *reasons = dump_query (store,
    "SELECT visit_id, reason_id FROM visit_reason ORDER BY visit_id, reason_id");
  g_autofree char *desk = dump_query (store, "SELECT id, display_name, role FROM desk_person ORDER BY id");
  g_autofree char *food = dump_food (store);

  return g_strconcat (households, "--\n", people, "--\n", visits, "--\n", reasons, "--\n", desk, "--\n",
                      food, NULL);
}

START_TEST (test_demo_same_seed)
{
  g_autofree char *other_path = g_build_filename (acu_test_dir, "other.acuelh", NULL);
  AcuStore *first = create_store ();
  AcuStore *second = create_store_at (other_path);
  g_autofree char *first_dump = NULL;
  g_autofree char *second_dump = NULL;

  fill_demo (first, &demo_options);
  fill_demo (second, &demo_options);
  first_dump = dump_content (first);
  second_dump = dump_content (second);
  ck_assert_int_eq (count_rows (first, "visit"), count_rows (second, "visit"));
  ck_assert_int_gt (count_rows (first, "visit"), 0);
  ck_assert_int_gt (count_rows (first, "food_service"), 0);
  ck_assert_int_gt (count_rows (first, "goods_movement"), 0);
  ck_assert_msg (g_str_equal (first_dump, second_dump), "the same seed gave different data");

  close_store (first);
  close_store (second);
}
END_TEST

START_TEST (test_demo_other_seed)
{
  g_autofree char *other_path = g_build_filename (acu_test_dir, "other.acuelh", NULL);
  AcuStore *first = create_store ();
  AcuStore *second = create_store_at (other_path);
  AcuDemoOptions options = demo_options;
  g_autofree char *first_dump = NULL;
  g_autofree char *second_dump = NULL;

  options.seed = 8;
  fill_demo (first, &demo_options);
  fill_demo (second, &options);
  first_dump = dump_content (first);
  second_dump = dump_content (second);
  ck_assert_msg (!g_str_equal (first_dump, second_dump), "two seeds gave the same data");
  ck_assert_int_eq (count_rows (second, "household"), 50);
  g_free (first_dump);
  g_free (second_dump);
  first_dump = dump_food (first);
  second_dump = dump_food (second);
  ck_assert_msg (!g_str_equal (first_dump, second_dump), "two seeds gave the same food aid");

  close_store (first);
  close_store (second);
}
END_TEST

/* Visits that are not a food-aid service's */
#define RECEPTION_VISIT "WHERE id NOT IN (SELECT visit_id FROM food_service) "

START_TEST (test_demo_content)
{
  AcuStore *store = create_store ();

  fill_demo (store, &demo_options);
  ck_assert_int_eq (count_rows (store, "household"), 50);
  /* Every household has someone; between 50 and 50 × 6 people */
  ck_assert_int_eq (acu_test_query_int (store, "SELECT count(*) FROM household h "
                                      "WHERE NOT EXISTS (SELECT 1 FROM person WHERE household_id = h.id)"), 0);
  ck_assert_int_ge (count_rows (store, "person"), 50);
  ck_assert_int_le (count_rows (store, "person"), 300);
  /* Each household comes at least once */
  ck_assert_int_eq (acu_test_query_int (store, "SELECT count(DISTINCT p.household_id) FROM visit v "
                                      "JOIN person p ON p.id = v.person_id"), 50);
  /* Every visit has a reason, within the two years to the last day; those
   * of the reception on an opening day (Tuesday, Thursday, Saturday) and
   * hour, those of food aid at a distribution (below) */
  ck_assert_int_eq (acu_test_query_int (store, "SELECT count(*) FROM visit v "
                                      "WHERE NOT EXISTS (SELECT 1 FROM visit_reason WHERE visit_id = v.id)"), 0);
  ck_assert_int_eq (acu_test_query_int (store, "SELECT count(*) FROM visit "
                                      "WHERE day < '2024-11-25' OR day > '2026-11-24'"), 0);
  ck_assert_int_eq (acu_test_query_int (store, "SELECT count(*) FROM visit " RECEPTION_VISIT
                                      "AND strftime('%w', day) NOT IN ('2', '4', '6')"), 0);
  ck_assert_int_eq (acu_test_query_int (store, "SELECT count(*) FROM visit " RECEPTION_VISIT
                                      "AND (time < '09:00' OR time >= '17:00' "
                                      "OR (time >= '12:00' AND time < '14:00'))"), 0);
  ck_assert_int_eq (acu_test_query_int (store, "SELECT count(*) FROM visit " RECEPTION_VISIT
                                      "AND strftime('%w', day) = '6' AND time >= '12:00'"), 0);
  ck_assert_int_eq (acu_test_query_int (store, "SELECT count(*) FROM visit " RECEPTION_VISIT
                                      "AND substr(day, 6, 2) = '08' AND substr(day, 9, 2) <= '21'"), 0);
  /* Birth dates: none after the last day, none malformed */
  ck_assert_int_eq (acu_test_query_int (store, "SELECT count(*) FROM person WHERE birth_date > '2026-11-24' "
                                      "OR length(birth_date) NOT IN (4, 10)"), 0);
  /* Four volunteers joined the coordinator */
  ck_assert_int_eq (count_rows (store, "desk_person"), 5);
  /* The search index knows them all */
  ck_assert_int_eq (acu_test_query_int (store, "SELECT count(*) FROM person p "
                                      "WHERE NOT EXISTS (SELECT 1 FROM person_word WHERE person_id = p.id)"), 0);

  close_store (store);
}
END_TEST

START_TEST (test_demo_refused)
{
  AcuStore *store = create_store ();
  g_autoptr(GError) error = NULL;
  AcuDemoOptions options = demo_options;
  gint64 households, visits;

  options.households = 0;
  ck_assert (!acu_demo_fill (store, &options, NULL, NULL, NULL, &error));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID);
  g_clear_error (&error);
  options = demo_options;
  options.years = 0;
  ck_assert (!acu_demo_fill (store, &options, NULL, NULL, NULL, &error));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID);
  g_clear_error (&error);
  options = demo_options;
  options.until = "2026-02-30";
  ck_assert (!acu_demo_fill (store, &options, NULL, NULL, NULL, &error));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID);
  g_clear_error (&error);
  ck_assert_int_eq (count_rows (store, "household"), 0);
  ck_assert_int_eq (count_rows (store, "person"), 0);
  ck_assert_int_eq (count_rows (store, "desk_person"), 1);

  /* Not into a database with data */
  fill_demo (store, &demo_options);
  households = count_rows (store, "household");
  visits = count_rows (store, "visit");
  ck_assert (!acu_demo_fill (store, &demo_options, NULL, NULL, NULL, &error));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID);
  g_clear_error (&error);
  ck_assert_int_eq (count_rows (store, "household"), households);
  ck_assert_int_eq (count_rows (store, "visit"), visits);
  ck_assert_int_eq (count_rows (store, "desk_person"), 5);

  close_store (store);
}
END_TEST

START_TEST (test_demo_refused_one_person)
{
  AcuStore *store = create_store ();
  g_autoptr(GError) error = NULL;

  add_person (store, "Jean", "Dupuis", 0);
  ck_assert (!acu_demo_fill (store, &demo_options, NULL, NULL, NULL, &error));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID);
  ck_assert_int_eq (count_rows (store, "household"), 1);
  ck_assert_int_eq (count_rows (store, "person"), 1);
  ck_assert_int_eq (count_rows (store, "visit"), 0);

  close_store (store);
}
END_TEST

/* The demo's food aid, against the rules it follows, written here by
 * hand: the DOMAIN.md rules and the demo's choices (a Tuesday parcel
 * distribution, a Friday grocery, closures at Christmas and on public
 * holidays) */

static const AcuDemoOptions food_demo_options = { 200, 2, 7, "2026-11-24" };

/* A query that counts what breaks a rule */
static void
assert_none (AcuStore   *store,
             const char *rule,
             const char *sql)
{
  gint64 n = acu_test_query_int (store, sql);

  ck_assert_msg (n == 0, "%s: %" G_GINT64_FORMAT " rows break it", rule, n);
}

/* A person's age on day D from their birth date B, as the reports count
 * it (a year alone is the 1st of July), whether they were born by then,
 * and the age bracket */
#define AGE(D, B) \
  "max (0, CAST (substr (" D ", 1, 4) AS INTEGER) - CAST (substr (" B ", 1, 4) AS INTEGER) " \
  "- (substr (" D ", 6, 5) < CASE WHEN length (" B ") = 10 THEN substr (" B ", 6, 5) ELSE '07-01' END))"
#define BORN(D, B) \
  "(CASE WHEN length (" B ") = 10 THEN " B " <= " D " ELSE substr (" B ", 1, 4) <= substr (" D ", 1, 4) END)"
#define BRACKET(D, B) \
  "(CASE WHEN " B " IS NULL THEN '' WHEN " AGE (D, B) " <= 3 THEN '0-3' WHEN " AGE (D, B) " <= 14 THEN '4-14' " \
  "WHEN " AGE (D, B) " <= 17 THEN '15-17' WHEN " AGE (D, B) " <= 29 THEN '18-29' " \
  "WHEN " AGE (D, B) " <= 54 THEN '30-54' WHEN " AGE (D, B) " <= 64 THEN '55-64' ELSE '65+' END)"
#define MEMBERS_BORN(HOUSEHOLD, D) \
  "(SELECT count(*) FROM person p WHERE p.household_id = " HOUSEHOLD " AND " BORN (D, "p.birth_date") ")"
#define CHILDREN_BORN(HOUSEHOLD, D) \
  "(SELECT count(*) FROM person p WHERE p.household_id = " HOUSEHOLD " AND " BORN (D, "p.birth_date") \
  " AND p.birth_date IS NOT NULL AND " AGE (D, "p.birth_date") " < 18)"

/* The food-aid core reads each service of the demo as one it would have
 * let through: access valid that day, the record the service names, not
 * over the frequency, not over the month's right */
static void
assert_status_follows (AcuStore *store)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = acu_store_prepare (store, "SELECT household_id, day, access_id, mode FROM food_service "
                                                 "ORDER BY id", &error);
  guint n = 0;

  ck_assert_msg (stmt != NULL, "%s", error ? error->message : "");
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autofree char *day = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      gint64 household = sqlite3_column_int64 (stmt, 0), access = sqlite3_column_int64 (stmt, 2);
      gboolean grocery = g_str_equal ((const char *) sqlite3_column_text (stmt, 3), "grocery");
      AcuFoodStatus status;

      ck_assert_msg (acu_food_get_status (store, household, day, &status, &error), "%s",
                     error ? error->message : "");
      ck_assert_msg (status.state == ACU_FOOD_ACCESS_VALID && status.access_id == access,
                     "household %" G_GINT64_FORMAT " on %s: state %d, record %" G_GINT64_FORMAT,
                     household, day, status.state, status.access_id);
      ck_assert_msg (status.served >= 1 && status.served <= status.times,
                     "household %" G_GINT64_FORMAT " on %s: served %u of %u", household, day, status.served,
                     status.times);
      ck_assert (status.mode == ACU_FOOD_MODE_BOTH
                 || status.mode == (grocery ? ACU_FOOD_MODE_GROCERY : ACU_FOOD_MODE_PARCEL));
      if (grocery)
        ck_assert_int_le (status.spent_cents, status.right_cents);
      n++;
    }
  sqlite3_reset (stmt);
  ck_assert_int_eq (n, count_rows (store, "food_service"));
}

START_TEST (test_demo_food_access)
{
  AcuStore *store = create_store ();
  g_autofree char *rules = NULL;

  fill_demo (store, &food_demo_options);

  /* About one household in four (50 of 200 on average) */
  ck_assert_int_ge (acu_test_query_int (store, "SELECT count(DISTINCT household_id) FROM food_access"), 30);
  ck_assert_int_le (acu_test_query_int (store, "SELECT count(DISTINCT household_id) FROM food_access"), 75);
  /* Housing stated for most, some precarious, a few homeless */
  ck_assert_int_ge (acu_test_query_int (store, "SELECT count(*) FROM household WHERE housing IS NOT NULL"), 160);
  ck_assert_int_ge (acu_test_query_int (store, "SELECT count(*) FROM household WHERE housing = 'precarious'"), 10);
  ck_assert_int_ge (acu_test_query_int (store, "SELECT count(*) FROM household WHERE housing = 'homeless'"), 1);
  ck_assert_int_lt (acu_test_query_int (store, "SELECT count(*) FROM household WHERE housing = 'homeless'"),
                    acu_test_query_int (store, "SELECT count(*) FROM household WHERE housing = 'precarious'"));

  /* Records of 3 or 6 months, both kinds */
  assert_none (store, "3 or 6 months",
               "SELECT count(*) FROM food_access WHERE NOT (julianday (end_day) - julianday (start_day) "
               "BETWEEN 88 AND 91 OR julianday (end_day) - julianday (start_day) BETWEEN 179 AND 183)");
  ck_assert_int_gt (acu_test_query_int (store, "SELECT count(*) FROM food_access "
                                        "WHERE julianday (end_day) - julianday (start_day) < 100"), 0);
  ck_assert_int_gt (acu_test_query_int (store, "SELECT count(*) FROM food_access "
                                        "WHERE julianday (end_day) - julianday (start_day) > 100"), 0);
  /* Starting by the last day, once the household was known; for those
   * known from the first week, maybe in the six months before the data */
  assert_none (store, "starts once the household is known",
               "SELECT count(*) FROM food_access a JOIN household h ON h.id = a.household_id "
               "WHERE a.start_day > '2026-11-24' OR (a.start_day < h.created_on "
               "AND (h.created_on > '2024-12-01' OR a.start_day < date (h.created_on, '-180 days')))");
  ck_assert_int_gt (acu_test_query_int (store, "SELECT count(*) FROM food_access WHERE start_day < '2024-11-25'"), 0);
  /* so the first Tuesday and Friday of the data are distributions */
  ck_assert_int_gt (acu_test_query_int (store, "SELECT count(*) FROM food_service WHERE day = '2024-11-26'"), 0);
  ck_assert_int_gt (acu_test_query_int (store, "SELECT count(*) FROM food_service WHERE day = '2024-11-29'"), 0);

  /* Renewals: each follows the last record of its household, after it;
   * one first record a household; no two records at once */
  ck_assert_int_gt (acu_test_query_int (store, "SELECT count(*) FROM food_access WHERE follows_id IS NOT NULL"), 0);
  assert_none (store, "a renewal follows its household's record, after it",
               "SELECT count(*) FROM food_access a JOIN food_access f ON f.id = a.follows_id "
               "WHERE f.household_id <> a.household_id OR f.end_day >= a.start_day");
  assert_none (store, "one chain a household",
               "SELECT count(*) FROM (SELECT household_id FROM food_access WHERE follows_id IS NULL "
               "GROUP BY household_id HAVING count(*) > 1)");
  assert_none (store, "no overlap",
               "SELECT count(*) FROM food_access a JOIN food_access b ON b.household_id = a.household_id "
               "AND b.id > a.id WHERE a.start_day <= b.end_day AND b.start_day <= a.end_day");

  /* Mostly parcels, some grocery, some both; mostly once a week, some
   * twice a month; 20 % mostly, some 10 and 30 % */
  ck_assert_int_gt (acu_test_query_int (store, "SELECT count(*) FROM food_access WHERE mode = 'parcel'"),
                    acu_test_query_int (store, "SELECT count(*) FROM food_access WHERE mode = 'grocery'"));
  ck_assert_int_gt (acu_test_query_int (store, "SELECT count(*) FROM food_access WHERE mode = 'grocery'"), 0);
  ck_assert_int_gt (acu_test_query_int (store, "SELECT count(*) FROM food_access WHERE mode = 'both'"), 0);
  assert_none (store, "once a week or twice a month",
               "SELECT count(*) FROM food_access WHERE NOT ((times = 1 AND period = 'week') "
               "OR (times = 2 AND period = 'month'))");
  ck_assert_int_gt (acu_test_query_int (store, "SELECT count(*) FROM food_access WHERE period = 'week'"),
                    acu_test_query_int (store, "SELECT count(*) FROM food_access WHERE period = 'month'"));
  ck_assert_int_gt (acu_test_query_int (store, "SELECT count(*) FROM food_access WHERE period = 'month'"), 0);
  assert_none (store, "a rate of 10, 20 or 30 %",
               "SELECT count(*) FROM food_access WHERE rate_bp NOT IN (1000, 2000, 3000)");
  ck_assert_int_gt (acu_test_query_int (store, "SELECT count(*) FROM food_access WHERE rate_bp = 2000"),
                    acu_test_query_int (store, "SELECT count(*) FROM food_access WHERE rate_bp <> 2000"));

  /* The grocery right by the rule: 20 € one adult, 30 € two or more,
   * 5 € a child under 18, on the first day of the record; none for
   * parcels */
  assert_none (store, "no right for parcels",
               "SELECT count(*) FROM food_access WHERE mode = 'parcel' AND right_cents IS NOT NULL");
  assert_none (store, "the right by the rule",
               "SELECT count(*) FROM food_access a WHERE mode <> 'parcel' AND right_cents IS NOT "
               "(CASE WHEN " MEMBERS_BORN ("a.household_id", "a.start_day") " - "
               CHILDREN_BORN ("a.household_id", "a.start_day") " >= 2 THEN 3000 ELSE 2000 END "
               "+ 500 * " CHILDREN_BORN ("a.household_id", "a.start_day") ")");
  ck_assert_int_gt (acu_test_query_int (store, "SELECT count(*) FROM food_access WHERE right_cents > 3000"), 0);
  assert_none (store, "rights by the rule, not by hand", "SELECT count(*) FROM food_access WHERE right_by_hand <> 0");

  /* Sent by a partner of the list, most by a named worker */
  assert_none (store, "a referring partner",
               "SELECT count(*) FROM food_access WHERE partner_id IS NULL "
               "OR partner_id NOT IN (SELECT id FROM referral_partner)");
  ck_assert_int_lt (acu_test_query_int (store, "SELECT count(*) FROM food_access WHERE worker IS NULL") * 5,
                    count_rows (store, "food_access"));

  /* Two weekly distributions from the first day */
  rules = dump_query (store, "SELECT weekday, start_time, end_time, mode, from_day, until_day FROM food_rule "
                             "ORDER BY weekday");
  ck_assert_str_eq (rules, "2|14:00|17:00|parcel|2024-11-25|NULL\n"
                           "5|09:30|12:00|grocery|2024-11-25|NULL\n");

  close_store (store);
}
END_TEST

START_TEST (test_demo_food_services)
{
  AcuStore *store = create_store ();
  g_autofree char *closed = NULL;

  fill_demo (store, &food_demo_options);
  ck_assert_int_gt (count_rows (store, "food_service"), 0);

  /* Closed between Christmas and New Year and on public holidays that
   * fall on a Tuesday or a Friday */
  closed = dump_query (store, "SELECT day, mode FROM food_day WHERE closed = 1 ORDER BY day");
  ck_assert_str_eq (closed, "2024-12-24|parcel\n2024-12-27|grocery\n2024-12-31|parcel\n2025-08-15|grocery\n"
                            "2025-11-11|parcel\n2025-12-26|grocery\n2025-12-30|parcel\n2026-05-01|grocery\n"
                            "2026-05-08|grocery\n2026-07-14|parcel\n");
  assert_none (store, "days of their rule, within the data",
               "SELECT count(*) FROM food_day d JOIN food_rule r ON r.id = d.rule_id WHERE d.mode <> r.mode "
               "OR d.start_time <> r.start_time OR d.end_time <> r.end_time "
               "OR CAST (strftime ('%w', d.day) AS INTEGER) <> r.weekday "
               "OR d.day < '2024-11-25' OR d.day > '2026-11-24'");
  assert_none (store, "every day has its rule", "SELECT count(*) FROM food_day WHERE rule_id IS NULL");
  /* Open days are those served; a service on its day */
  assert_none (store, "an open day was served",
               "SELECT count(*) FROM food_day d WHERE closed = 0 "
               "AND NOT EXISTS (SELECT 1 FROM food_service WHERE food_day_id = d.id)");
  assert_none (store, "a service on an open day of its mode",
               "SELECT count(*) FROM food_service s LEFT JOIN food_day d ON d.id = s.food_day_id "
               "WHERE d.id IS NULL OR d.day <> s.day OR d.mode <> s.mode OR d.closed <> 0");

  /* Served with valid access for the mode, never more than its
   * frequency (a week is Monday to Sunday, a month the calendar's) */
  assert_none (store, "a service within its household's access",
               "SELECT count(*) FROM food_service s LEFT JOIN food_access a ON a.id = s.access_id "
               "WHERE a.id IS NULL OR a.household_id <> s.household_id OR s.day < a.start_day "
               "OR s.day > a.end_day OR (a.mode <> 'both' AND a.mode <> s.mode)");
  assert_none (store, "not over the frequency",
               "SELECT count(*) FROM food_service s JOIN food_access a ON a.id = s.access_id "
               "WHERE a.times < (SELECT count(*) FROM food_service o WHERE o.household_id = s.household_id "
               "AND CASE a.period WHEN 'week' "
               "THEN date (o.day, '-6 days', 'weekday 1') = date (s.day, '-6 days', 'weekday 1') "
               "ELSE substr (o.day, 1, 7) = substr (s.day, 1, 7) END)");
  ck_assert_int_eq (acu_test_query_int (store, "SELECT date ('2025-12-30', '-6 days', 'weekday 1') = '2025-12-29' "
                                        "AND date ('2026-01-04', '-6 days', 'weekday 1') = '2025-12-29' "
                                        "AND date ('2025-12-29', '-6 days', 'weekday 1') = '2025-12-29'"), 1);
  /* Most households expected come, not all */
  ck_assert_int_lt (count_rows (store, "food_service"),
                    acu_test_query_int (store, "SELECT count(*) FROM food_day d JOIN food_access a "
                                               "ON a.start_day <= d.day AND a.end_day >= d.day "
                                               "AND a.mode IN (d.mode, 'both') WHERE d.closed = 0"));
  ck_assert_int_gt (count_rows (store, "food_service") * 2,
                    acu_test_query_int (store, "SELECT count(*) FROM food_day d JOIN food_access a "
                                               "ON a.start_day <= d.day AND a.end_day >= d.day "
                                               "AND a.mode IN (d.mode, 'both') WHERE d.closed = 0"));
  assert_none (store, "nothing cancelled or overridden",
               "SELECT count(*) FROM food_service WHERE cancelled <> 0 OR override_reason IS NOT NULL");
  assert_status_follows (store);

  /* Its visit: that day, someone of the household, the food-aid reason
   * alone, at the distribution's hours, logged by who served */
  assert_none (store, "a visit of its own",
               "SELECT count(*) - count(DISTINCT visit_id) FROM food_service");
  assert_none (store, "the service's visit",
               "SELECT count(*) FROM food_service s LEFT JOIN visit v ON v.id = s.visit_id "
               "WHERE v.id IS NULL OR v.day <> s.day OR v.logged_by IS NOT s.served_by "
               "OR v.person_id NOT IN (SELECT id FROM person WHERE household_id = s.household_id) "
               "OR (s.mode = 'parcel' AND (v.time < '14:00' OR v.time >= '17:00')) "
               "OR (s.mode = 'grocery' AND (v.time < '09:30' OR v.time >= '12:00'))");
  assert_none (store, "the food-aid reason alone",
               "SELECT count(*) FROM food_service s WHERE (SELECT group_concat (r.code) FROM visit_reason vr "
               "JOIN reason r ON r.id = vr.reason_id WHERE vr.visit_id = s.visit_id) IS NOT 'food-aid'");
  assert_none (store, "served by the desk's volunteers",
               "SELECT count(*) FROM food_service WHERE served_by NOT IN "
               "(SELECT id FROM desk_person WHERE role = 'volunteer')");
  /* and the counts by day still follow the visits */
  assert_day_counts (store);

  /* Every member born by the day, as they were: age bracket, gender,
   * homeless from the household's housing; the sensitive flags not
   * recorded */
  assert_none (store, "persons counted",
               "SELECT count(*) FROM food_service s WHERE s.persons < 1 "
               "OR s.persons <> (SELECT count(*) FROM food_service_person WHERE service_id = s.id) "
               "OR s.persons <> " MEMBERS_BORN ("s.household_id", "s.day"));
  assert_none (store, "a person as they were that day",
               "SELECT count(*) FROM food_service_person f JOIN food_service s ON s.id = f.service_id "
               "JOIN person p ON p.id = f.person_id JOIN household h ON h.id = s.household_id "
               "WHERE p.household_id <> s.household_id OR f.day <> s.day "
               "OR NOT " BORN ("s.day", "p.birth_date") " OR f.age <> " BRACKET ("s.day", "p.birth_date") " "
               "OR f.gender IS NOT p.gender OR f.homeless <> coalesce (h.housing IN ('homeless', 'precarious'), 0) "
               "OR f.disabled IS NOT NULL OR f.third_country IS NOT NULL OR f.foreign_background IS NOT NULL");
  ck_assert_int_gt (acu_test_query_int (store, "SELECT count(*) FROM food_service_person WHERE homeless = 1"), 0);
  ck_assert_int_gt (acu_test_query_int (store, "SELECT count(*) FROM food_service_person "
                                        "WHERE age IN ('0-3', '4-14', '15-17')"), 0);
  ck_assert_int_gt (acu_test_query_int (store, "SELECT count(*) FROM food_service_person WHERE age = '65+'"), 0);

  /* A parcel: the standard one for the household's size (six and more
   * alike), each category within 15 % (to 10 g), out of the ledger */
  assert_none (store, "a parcel has no price",
               "SELECT count(*) FROM food_service s WHERE mode = 'parcel' AND (shelf_cents <> 0 OR paid_cents <> 0 "
               "OR value_cents IS NOT NULL OR EXISTS (SELECT 1 FROM food_basket_line WHERE service_id = s.id))");
  assert_none (store, "a movement out for each category of the standard parcel",
               "SELECT count(*) FROM food_service s WHERE mode = 'parcel' "
               "AND (SELECT count(*) FROM goods_movement WHERE service_id = s.id) <> "
               "(SELECT count(*) FROM food_parcel_preset WHERE persons = min (s.persons, 6) AND grams > 0)");
  assert_none (store, "the standard parcel within 15 %",
               "SELECT count(*) FROM food_service s JOIN goods_movement m ON m.service_id = s.id "
               "LEFT JOIN food_parcel_preset pp ON pp.persons = min (s.persons, 6) "
               "AND pp.category_id = m.category_id WHERE s.mode = 'parcel' AND (pp.grams IS NULL "
               "OR m.grams * 100 < pp.grams * 85 - 1000 OR m.grams * 100 > pp.grams * 115 + 1000)");
  ck_assert_int_gt (acu_test_query_int (store, "SELECT count(*) FROM food_service s JOIN goods_movement m "
                                        "ON m.service_id = s.id JOIN food_parcel_preset pp "
                                        "ON pp.persons = min (s.persons, 6) AND pp.category_id = m.category_id "
                                        "WHERE s.mode = 'parcel' AND m.grams <> pp.grams"), 0);
  assert_none (store, "served out of the food store to the household",
               "SELECT count(*) FROM goods_movement m JOIN food_service s ON s.id = m.service_id "
               "WHERE m.direction <> -1 OR m.reason <> 'served' OR m.source <> '' OR m.day <> s.day "
               "OR m.household_id IS NOT s.household_id "
               "OR m.place_id <> (SELECT id FROM goods_place WHERE code = 'food-store')");
  assert_none (store, "only services are served",
               "SELECT count(*) FROM goods_movement WHERE (reason = 'served') <> (service_id IS NOT NULL)");

  /* A grocery basket: lines at shelf prices (a piece, or a kg weighed),
   * the participation at the household's rate to the nearest cent, within
   * what is left of the month's right; its kg out by category */
  assert_none (store, "a line's price",
               "SELECT count(*) FROM food_basket_line WHERE price_cents <= 0 OR item IS NULL "
               "OR (quantity IS NULL) = (grams IS NULL) OR line_cents <> CASE WHEN quantity IS NOT NULL "
               "THEN price_cents * quantity ELSE (price_cents * grams + 500) / 1000 END");
  ck_assert_int_gt (acu_test_query_int (store, "SELECT count(*) FROM food_basket_line WHERE grams IS NOT NULL"), 0);
  assert_none (store, "a basket's total and participation",
               "SELECT count(*) FROM food_service s JOIN food_access a ON a.id = s.access_id "
               "WHERE s.mode = 'grocery' AND (s.shelf_cents IS NOT (SELECT sum (line_cents) FROM food_basket_line "
               "WHERE service_id = s.id) OR s.paid_cents <> (s.shelf_cents * a.rate_bp + 5000) / 10000 "
               "OR s.value_cents IS NOT s.shelf_cents)");
  ck_assert_int_eq (acu_test_query_int (store, "SELECT (1234 * 2000 + 5000) / 10000"), 247);
  assert_none (store, "within the month's right",
               "SELECT count(*) FROM food_service s JOIN food_access a ON a.id = s.access_id "
               "WHERE s.mode = 'grocery' AND a.right_cents < (SELECT sum (paid_cents) FROM food_service o "
               "WHERE o.household_id = s.household_id AND o.mode = 'grocery' "
               "AND substr (o.day, 1, 7) = substr (s.day, 1, 7) AND o.id <= s.id)");
  assert_none (store, "out by the categories of the basket",
               "SELECT count(*) FROM food_service s WHERE s.mode = 'grocery' AND "
               "(SELECT group_concat (category_id) FROM (SELECT DISTINCT category_id FROM food_basket_line "
               "WHERE service_id = s.id ORDER BY 1)) IS NOT (SELECT group_concat (category_id) FROM "
               "(SELECT category_id FROM goods_movement WHERE service_id = s.id ORDER BY 1))");
  assert_none (store, "the weighed grams out",
               "SELECT count(*) FROM goods_movement m JOIN food_service s ON s.id = m.service_id "
               "WHERE s.mode = 'grocery' AND m.grams < (SELECT coalesce (sum (grams), 0) FROM food_basket_line "
               "WHERE service_id = s.id AND category_id = m.category_id)");
  assert_none (store, "baby food and nappies for the babies",
               "SELECT count(*) FROM food_basket_line l JOIN goods_category c ON c.id = l.category_id "
               "WHERE (c.code = 'baby-food' OR l.item LIKE 'Couches%') AND NOT EXISTS (SELECT 1 "
               "FROM food_service_person WHERE service_id = l.service_id AND age = '0-3')");
  ck_assert_int_gt (acu_test_query_int (store, "SELECT count(*) FROM food_basket_line l JOIN goods_category c "
                                        "ON c.id = l.category_id WHERE c.code = 'baby-food'"), 0);

  close_store (store);
}
END_TEST

START_TEST (test_demo_food_goods)
{
  AcuStore *store = create_store ();
  g_autofree char *collections = NULL;

  fill_demo (store, &food_demo_options);

  /* The stock kept by the triggers is the ledger's sum, by place and
   * category; so are the months */
  assert_none (store, "the stock is the ledger's sum",
               "SELECT count(*) FROM (SELECT place_id, category_id, sum (direction * pieces) AS pieces, "
               "sum (direction * grams) AS grams FROM goods_movement GROUP BY 1, 2) r "
               "LEFT JOIN goods_stock s ON s.place_id = r.place_id AND s.category_id = r.category_id "
               "WHERE s.grams IS NOT r.grams OR s.pieces IS NOT r.pieces");
  ck_assert_int_eq (count_rows (store, "goods_stock"),
                    acu_test_query_int (store, "SELECT count(*) FROM (SELECT DISTINCT place_id, category_id "
                                               "FROM goods_movement)"));
  assert_none (store, "the months are the ledger's sums",
               "SELECT count(*) FROM (SELECT substr (day, 1, 7) AS month, category_id, direction, reason, source, "
               "count(*) AS n, sum (grams) AS grams, sum (coalesce (value_cents, 0)) AS value "
               "FROM goods_movement GROUP BY 1, 2, 3, 4, 5) r LEFT JOIN goods_month m ON m.month = r.month "
               "AND m.category_id = r.category_id AND m.direction = r.direction AND m.reason = r.reason "
               "AND m.source = r.source WHERE m.movements IS NOT r.n OR m.grams IS NOT r.grams "
               "OR m.value_cents IS NOT r.value");
  /* Never below zero at the end of a month, more than nothing today in
   * every category but baby food */
  assert_none (store, "stock at every month's end",
               "SELECT count(*) FROM (SELECT DISTINCT month, category_id FROM goods_month) x "
               "WHERE (SELECT sum (direction * grams) FROM goods_month g WHERE g.category_id = x.category_id "
               "AND g.month <= x.month) < 0");
  assert_none (store, "stock today",
               "SELECT count(*) FROM goods_category c LEFT JOIN goods_stock s ON s.category_id = c.id "
               "WHERE c.kind IN ('food', 'hygiene') AND c.code <> 'baby-food' AND coalesce (s.grams, 0) <= 0");

  /* Food in: the Banque alimentaire's weekly delivery, most of all;
   * the FSE+ products with their lot and date; the two collections of
   * the year on their Saturday; purchases with their price, donations */
  ck_assert_int_ge (acu_test_query_int (store, "SELECT count(DISTINCT day) FROM goods_movement "
                                        "WHERE source = 'banque-alimentaire'"), 80);
  assert_none (store, "the Banque alimentaire on Mondays",
               "SELECT count(*) FROM goods_movement WHERE source = 'banque-alimentaire' "
               "AND (reason <> 'delivery' OR strftime ('%w', day) <> '1')");
  ck_assert_int_gt (acu_test_query_int (store, "SELECT sum (grams) FROM goods_movement "
                                        "WHERE source = 'banque-alimentaire'"),
                    acu_test_query_int (store, "SELECT sum (grams) FROM goods_movement "
                                        "WHERE direction = 1 AND source <> 'banque-alimentaire'"));
  ck_assert_int_gt (acu_test_query_int (store, "SELECT count(*) FROM goods_movement WHERE source = 'fse-plus'"), 0);
  assert_none (store, "FSE+ products with their lot and date",
               "SELECT count(*) FROM goods_movement WHERE (source = 'fse-plus') "
               "<> (lot IS NOT NULL AND expiry > day AND reason = 'delivery')");
  collections = dump_query (store, "SELECT group_concat (day) FROM (SELECT DISTINCT day FROM goods_movement "
                                  "WHERE reason = 'collection' ORDER BY day)");
  ck_assert_str_eq (collections, "2024-11-30,2025-04-05,2025-11-29,2026-04-04\n");
  assert_none (store, "collections come from collections",
               "SELECT count(*) FROM goods_movement WHERE (reason = 'collection') <> (source = 'collection')");
  ck_assert_int_gt (acu_test_query_int (store, "SELECT count(*) FROM goods_movement WHERE source = 'donation'"), 0);
  ck_assert_int_gt (acu_test_query_int (store, "SELECT count(*) FROM goods_movement WHERE source = 'purchase'"), 0);
  assert_none (store, "a purchase has its price",
               "SELECT count(*) FROM goods_movement WHERE source = 'purchase' "
               "AND (reason <> 'purchase' OR value_cents IS NULL OR value_cents <= 0)");
  assert_none (store, "food in is in",
               "SELECT count(*) FROM goods_movement WHERE (source <> '') <> (direction = 1 AND reason <> 'adjustment')");
  /* A few losses a month, expired or damaged */
  ck_assert_int_gt (acu_test_query_int (store, "SELECT count(*) FROM goods_movement WHERE reason = 'expired'"), 0);
  ck_assert_int_gt (acu_test_query_int (store, "SELECT count(*) FROM goods_movement WHERE reason = 'damaged'"), 0);
  ck_assert_int_ge (acu_test_query_int (store, "SELECT count(*) FROM goods_movement "
                                        "WHERE reason IN ('expired', 'damaged')"), 24);
  ck_assert_int_le (acu_test_query_int (store, "SELECT count(*) FROM goods_movement "
                                        "WHERE reason IN ('expired', 'damaged')"), 24 * 6);
  assert_none (store, "losses go out",
               "SELECT count(*) FROM goods_movement WHERE reason IN ('expired', 'damaged') AND direction <> -1");
  /* Within the data, positive, no piece counts for food, no lorry over 40 t */
  assert_none (store, "movements within the data",
               "SELECT count(*) FROM goods_movement WHERE day < '2024-11-25' OR day > '2026-11-24' "
               "OR grams <= 0 OR grams > 40000000 OR pieces <> 0 OR corrects_id IS NOT NULL");

  close_store (store);
}
END_TEST

static Suite *
reception_suite (void)
{
  Suite *suite = suite_create ("reception");
  TCase *tc;

  tc = acu_test_tcase_new ("catalogues", acu_test_db_setup, acu_test_db_teardown);
  tcase_add_test (tc, test_catalogue_defaults);
  tcase_add_test (tc, test_catalogue_add);
  tcase_add_test (tc, test_catalogue_rename);
  tcase_add_test (tc, test_catalogue_move);
  tcase_add_test (tc, test_catalogue_hide);
  tcase_add_test (tc, test_catalogue_remove);
  tcase_add_test (tc, test_catalogue_write_with_its_audit);
  suite_add_tcase (suite, tc);

  tc = acu_test_tcase_new ("people", acu_test_db_setup, acu_test_db_teardown);
  tcase_add_test (tc, test_person_add);
  tcase_add_test (tc, test_person_add_invalid);
  tcase_add_test (tc, test_person_update);
  tcase_add_test (tc, test_person_sensitive);
  tcase_add_test (tc, test_person_sensitive_erase);
  tcase_add_test (tc, test_person_duplicates);
  suite_add_tcase (suite, tc);

  tc = acu_test_tcase_new ("search", acu_test_db_setup, acu_test_db_teardown);
  tcase_add_test (tc, test_search_names);
  tcase_add_test (tc, test_search_once);
  tcase_add_test (tc, test_search_household_number);
  suite_add_tcase (suite, tc);

  tc = acu_test_tcase_new ("households", acu_test_db_setup, acu_test_db_teardown);
  tcase_add_test (tc, test_person_move);
  tcase_add_test (tc, test_household_update);
  tcase_add_test (tc, test_household_merge);
  suite_add_tcase (suite, tc);

  tc = acu_test_tcase_new ("visits", acu_test_db_setup, acu_test_db_teardown);
  tcase_add_test (tc, test_visit_log_anonymous);
  tcase_add_test (tc, test_visit_log_identified);
  tcase_add_test (tc, test_record_properties);
  tcase_add_test (tc, test_visit_log_invalid);
  tcase_add_test (tc, test_visit_update);
  tcase_add_test (tc, test_visit_delete_restore);
  tcase_add_test (tc, test_report_counts_follow_visits);
  tcase_add_test (tc, test_visit_list_day);
  tcase_add_test (tc, test_visit_counts);
  tcase_add_test (tc, test_visit_list_household);
  tcase_add_test (tc, test_writes_tell_their_area);
  suite_add_tcase (suite, tc);

  tc = tcase_create ("dates");
  tcase_add_test (tc, test_date);
  suite_add_tcase (suite, tc);

  tc = acu_test_tcase_new ("demo", acu_test_db_setup, acu_test_db_teardown);
  tcase_add_test (tc, test_demo_same_seed);
  tcase_add_test (tc, test_demo_other_seed);
  tcase_add_test (tc, test_demo_content);
  tcase_add_test (tc, test_demo_refused);
  tcase_add_test (tc, test_demo_refused_one_person);
  tcase_add_test (tc, test_demo_food_access);
  tcase_add_test (tc, test_demo_food_services);
  tcase_add_test (tc, test_demo_food_goods);
  suite_add_tcase (suite, tc);

  return suite;
}

int
main (void)
{
  acu_test_use_fast_kdf ();

  return acu_test_run (reception_suite ());
}
