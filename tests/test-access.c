/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <check.h>
#include <gio/gio.h>
#include <glib.h>
#include <sodium.h>

#include "acu-audit.h"
#include "acu-catalogue.h"
#include "acu-confidential.h"
#include "acu-date.h"
#include "acu-desk-people.h"
#include "acu-food.h"
#include "acu-people.h"
#include "acu-report.h"
#include "acu-secret.h"
#include "acu-store-private.h"
#include "acu-visits.h"
#include "acu-test-util.h"
#include "acu-test-changes.h"

/* The access-control core: roles, PINs, key slots of the people of the
 * desk, confidential notes, the idle lock and the audit log */

#define SITE             "Tiers-lieu de Lectoure"
#define COORDINATOR      "Hélène Martin"
#define COORD_PASSWORD   "Tr3s-Secret!Gers#2026"
#define STAFF            "Karim Benali"
#define STAFF_PASSWORD   "Autre-Mot2Passe!Auch"
#define VOLUNTEER        "Louise Dupré"
#define PIN              "2580"
#define NEW_PIN          "4826"
#define NEW_PASSWORD     "Nouveau#Secret-2027x"

/* The creator's row is the first of desk_person */
#define COORDINATOR_ID   1
#define REASON_FOOD_AID  1
#define UNKNOWN_ID       9999

#define SECRET_TEXT      "Situation: dette de loyer 1234 euros ZQXWV"
#define SECRET_MARK      "ZQXWV"


/* Helpers */

static AcuStore *
create_store (void)
{
  g_autoptr(GError) error = NULL;
  AcuStore *store = acu_store_create (acu_test_db_path, SITE, COORDINATOR, COORD_PASSWORD, NULL, &error);

  ck_assert_msg (store != NULL, "create failed: %s", error ? error->message : "(no error)");
  ck_assert_int_eq (acu_store_get_person_id (store), COORDINATOR_ID);
  return store;
}

static AcuStore *
open_store (const char *person,
            const char *password)
{
  g_autoptr(GError) error = NULL;
  AcuStore *store = acu_store_open (acu_test_db_path, person, password, &error);

  ck_assert_msg (store != NULL, "open as %s failed: %s", person, error ? error->message : "(no error)");
  return store;
}

static void
close_store (AcuStore *store)
{
  acu_store_close (store);
  g_object_unref (store);
}

static void
assert_open_fails (const char *person,
                   const char *password,
                   int         code)
{
  g_autoptr(GError) error = NULL;
  AcuStore *store = acu_store_open (acu_test_db_path, person, password, &error);

  ck_assert_msg (store == NULL, "%s could open the database", person);
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, code);
}

static gint64
add_desk_person (AcuStore   *store,
                 const char *name,
                 AcuRole     role,
                 const char *secret)
{
  g_autoptr(GError) error = NULL;
  gint64 id = acu_desk_person_add (store, name, role, secret, &error);

  ck_assert_msg (id > 0, "adding %s failed: %s", name, error ? error->message : "(no error)");
  ck_assert_ptr_null (error);
  return id;
}

static void
identify_pin (AcuStore   *store,
              gint64      person_id,
              const char *pin)
{
  g_autoptr(GError) error = NULL;

  ck_assert_msg (acu_store_identify_with_pin (store, person_id, pin, &error),
                 "PIN of %" G_GINT64_FORMAT ": %s", person_id, error ? error->message : "(no error)");
  ck_assert_ptr_null (error);
  ck_assert (acu_store_is_identified (store));
  ck_assert_int_eq (acu_store_get_person_id (store), person_id);
}

static void
identify_password (AcuStore   *store,
                   gint64      person_id,
                   const char *password)
{
  g_autoptr(GError) error = NULL;

  ck_assert_msg (acu_store_identify_with_password (store, person_id, password, &error),
                 "password of %" G_GINT64_FORMAT ": %s", person_id, error ? error->message : "(no error)");
  ck_assert_ptr_null (error);
  ck_assert (acu_store_is_identified (store));
  ck_assert_int_eq (acu_store_get_person_id (store), person_id);
}

static gint64
add_person (AcuStore   *store,
            const char *first_name,
            const char *last_name,
            gint64      household_id)
{
  g_autoptr(GError) error = NULL;
  AcuPersonDraft draft = {
    .first_name = first_name,
    .last_name = last_name,
    .household_id = household_id,
  };
  gint64 id = acu_person_add (store, &draft, &error);

  ck_assert_msg (id > 0, "adding %s %s failed: %s", first_name, last_name,
                 error ? error->message : "(no error)");
  return id;
}

/* Read with SQL: it also works while nobody is identified */
static gint64
household_of (AcuStore *store,
              gint64    person_id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT household_id FROM person WHERE id = %" G_GINT64_FORMAT, person_id);

  return acu_test_query_int (store, sql);
}

static gint64
try_log_visit (AcuStore    *store,
               const char  *day,
               gint64       person_id,
               GError     **error)
{
  gint64 reason = REASON_FOOD_AID;
  AcuVisitDraft draft = {
    .day = day,
    .time = "10:00",
    .person_id = person_id,
    .reason_ids = &reason,
    .n_reasons = 1,
  };

  return acu_visit_log (store, &draft, error);
}

static gint64
log_visit (AcuStore   *store,
           const char *day,
           gint64      person_id)
{
  g_autoptr(GError) error = NULL;
  gint64 id = try_log_visit (store, day, person_id, &error);

  ck_assert_msg (id > 0, "logging a visit failed: %s", error ? error->message : "(no error)");
  return id;
}

static void
exec_sql (AcuStore   *store,
          const char *sql)
{
  g_autoptr(GError) error = NULL;

  ck_assert_msg (acu_store_exec (store, sql, &error), "%s: %s", sql, error ? error->message : "");
}

/* Audit entries of @action, straight from the table (any role) */
static gint64
count_audit (AcuStore   *store,
             const char *action)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM audit WHERE action = '%s'", action);

  return acu_test_query_int (store, sql);
}

/* memmem without _GNU_SOURCE, as in test-store.c: binary-safe */
static gboolean
contains_bytes (const char *haystack,
                gsize       len,
                const char *needle)
{
  gsize needle_len = strlen (needle);

  for (gsize i = 0; needle_len <= len && i <= len - needle_len; i++)
    if (memcmp (haystack + i, needle, needle_len) == 0)
      return TRUE;
  return FALSE;
}

/* Neither the database file nor its -wal holds @text in clear */
static void
assert_not_in_files (const char *text)
{
  const char *suffixes[] = { "", "-wal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (acu_test_db_path, suffixes[i], NULL);
      g_autofree char *contents = NULL;
      gsize len = 0;

      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        continue;
      ck_assert (g_file_get_contents (path, &contents, &len, NULL));
      ck_assert_msg (!contains_bytes (contents, len, text), "\"%s\" in clear in %s", text, path);
    }
}

/* The allowed ones succeed, the others fail with FORBIDDEN */
static void
check_right (const char  *what,
             AcuRole      role,
             gboolean     ok,
             GError     **error,
             gboolean     allowed)
{
  if (allowed)
    ck_assert_msg (ok && *error == NULL, "%s refused to %s: %s", what, acu_role_to_string (role),
                   *error ? (*error)->message : "(no error)");
  else
    {
      ck_assert_msg (!ok, "%s allowed to %s", what, acu_role_to_string (role));
      ACU_ASSERT_ERROR (*error, ACU_STORE_ERROR, ACU_STORE_ERROR_FORBIDDEN);
    }
  g_clear_error (error);
}

static guint
catalogue_length (AcuStore *store)
{
  g_autoptr(GPtrArray) entries = acu_catalogue_list (store, ACU_CATALOGUE_REASON, TRUE, NULL);

  ck_assert_ptr_nonnull (entries);
  return entries->len;
}

static GPtrArray *
audit_list (AcuStore   *store,
            gint64      person_id,
            const char *action)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *entries = acu_audit_list (store, NULL, NULL, person_id, action, 0, 1000, &error);

  ck_assert_msg (entries != NULL, "audit list: %s", error ? error->message : "(no error)");
  return entries;
}

static void
assert_entry (GPtrArray  *entries,
              guint       index,
              const char *action,
              const char *person,
              const char *object)
{
  AcuAuditEntry *entry;

  ck_assert_msg (index < entries->len, "no entry %u (%u entries)", index, entries->len);
  entry = g_ptr_array_index (entries, index);
  ck_assert_msg (g_strcmp0 (entry->action, action) == 0 && g_strcmp0 (entry->person, person) == 0
                 && g_strcmp0 (entry->object, object) == 0,
                 "entry %u: expected %s|%s|%s, got %s|%s|%s", index,
                 action, person ? person : "NULL", object ? object : "NULL",
                 entry->action, entry->person ? entry->person : "NULL",
                 entry->object ? entry->object : "NULL");
}

/* 1. Roles */

typedef struct
{
  AcuRole  role;
  gboolean catalogue_add;
  gboolean desk_person_add;
  gboolean audit;
  gboolean confidential;   /* write and read the text */
  gboolean reset_pin;      /* of a volunteer */
  gboolean sensitive;      /* a person's disability, nationality, background */
} RoleRights;

static const RoleRights role_matrix[] = {
  /* role                  catalogue desk   audit  conf.  reset PIN  sensitive */
  { ACU_ROLE_VOLUNTEER,   FALSE,    FALSE, FALSE, FALSE, FALSE,     FALSE },
  { ACU_ROLE_STAFF,       FALSE,    FALSE, FALSE, TRUE,  TRUE,      TRUE  },
  { ACU_ROLE_COORDINATOR, TRUE,     TRUE,  TRUE,  TRUE,  TRUE,      TRUE  },
};

START_TEST (test_role_matrix)
{
  const RoleRights *rights = &role_matrix[_i];
  AcuRole role = rights->role;
  AcuStore *store = create_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_auto(GStrv) texts = NULL;
  gint64 staff = add_desk_person (store, STAFF, ACU_ROLE_STAFF, STAFF_PASSWORD);
  gint64 volunteer = add_desk_person (store, VOLUNTEER, ACU_ROLE_VOLUNTEER, PIN);
  gint64 jean = add_person (store, "Jean", "Dupuis", 0);
  gint64 household = household_of (store, jean);
  guint reasons = catalogue_length (store);
  gint64 desk_people = acu_test_query_int (store, "SELECT count(*) FROM desk_person");
  gint64 note_id;
  gint64 id;
  gboolean ok;

  ck_assert_int_gt (acu_confidential_add (store, household, "Écrit par la coordinatrice", &error), 0);
  ck_assert_ptr_null (error);
  /* The site records the three sensitive fields; Jean's disability is */
  {
    AcuFoodSettings settings;
    AcuPersonDraft answered = {
      .first_name = "Jean", .last_name = "Dupuis",
      .sensitive = { [ACU_SENSITIVE_DISABILITY] = ACU_TRISTATE_YES },
    };

    ck_assert (acu_food_get_settings (store, &settings, &error));
    settings.record_disability = settings.record_third_country = settings.record_foreign_background = TRUE;
    ck_assert (acu_food_set_settings (store, &settings, &error));
    ck_assert (acu_person_update (store, jean, &answered, &error));
    ck_assert_ptr_null (error);
  }

  switch (role)
    {
    case ACU_ROLE_VOLUNTEER:
      identify_pin (store, volunteer, PIN);
      ck_assert_str_eq (acu_store_get_person_name (store), VOLUNTEER);
      break;
    case ACU_ROLE_STAFF:
      identify_password (store, staff, STAFF_PASSWORD);
      ck_assert_str_eq (acu_store_get_person_name (store), STAFF);
      break;
    case ACU_ROLE_COORDINATOR:
    default:
      identify_password (store, COORDINATOR_ID, COORD_PASSWORD);
      ck_assert_str_eq (acu_store_get_person_name (store), COORDINATOR);
      break;
    }
  ck_assert_int_eq (acu_store_get_role (store), role);

  /* Catalogues: coordinators only */
  id = acu_catalogue_add (store, ACU_CATALOGUE_REASON, "Atelier couture", &error);
  check_right ("acu_catalogue_add", role, id > 0, &error, rights->catalogue_add);
  ck_assert_uint_eq (catalogue_length (store), reasons + (rights->catalogue_add ? 1 : 0));

  /* People of the desk: coordinators only */
  id = acu_desk_person_add (store, "Paul Vidal", ACU_ROLE_VOLUNTEER, "3691", &error);
  check_right ("acu_desk_person_add", role, id > 0, &error, rights->desk_person_add);
  ck_assert_int_eq (acu_test_query_int (store, "SELECT count(*) FROM desk_person"),
                    desk_people + (rights->desk_person_add ? 1 : 0));

  /* Audit: coordinators only */
  entries = acu_audit_list (store, NULL, NULL, 0, NULL, 0, 100, &error);
  check_right ("acu_audit_list", role, entries != NULL, &error, rights->audit);
  ok = acu_audit_export_csv (store, NULL, NULL, out, NULL, &error);
  check_right ("acu_audit_export_csv", role, ok, &error, rights->audit);
  ck_assert_int_eq (count_audit (store, "export"), rights->audit ? 1 : 0);

  /* Confidential text: staff and coordinators */
  note_id = acu_confidential_add (store, household, "Écrit au guichet", &error);
  check_right ("acu_confidential_add", role, note_id > 0, &error, rights->confidential);
  ck_assert_int_eq (acu_test_query_int (store, "SELECT count(*) FROM confidential_note"),
                    rights->confidential ? 2 : 1);
  texts = acu_confidential_read (store, household, &error);
  check_right ("acu_confidential_read", role, texts != NULL, &error, rights->confidential);
  if (rights->confidential)
    {
      ck_assert_uint_eq (g_strv_length (texts), 2);
      ck_assert_str_eq (texts[0], "Écrit au guichet");
      ck_assert_str_eq (texts[1], "Écrit par la coordinatrice");
    }
  else
    ck_assert_ptr_null (acu_store_peek_confidential_key (store));

  /* That notes exist: everyone */
  notes = acu_confidential_list (store, household, &error);
  check_right ("acu_confidential_list", role, notes != NULL, &error, TRUE);
  ck_assert_uint_eq (notes->len, rights->confidential ? 2 : 1);
  ck_assert_str_eq (((AcuConfidentialNote *) g_ptr_array_index (notes, notes->len - 1))->written_by,
                    COORDINATOR);
  if (rights->confidential)
    ck_assert_str_eq (((AcuConfidentialNote *) g_ptr_array_index (notes, 0))->written_by,
                      acu_store_get_person_name (store));

  /* The reception: everyone */
  id = try_log_visit (store, NULL, jean, &error);
  check_right ("acu_visit_log", role, id > 0, &error, TRUE);

  /* Today's counters: everyone; figures over other days and the activity
   * summary: coordinators only */
  {
    g_autofree char *today = acu_date_today ();
    g_autoptr(AcuReport) report = NULL;
    AcuVisitCounts counts;
    AcuPeriod month;

    ok = acu_visit_count (store, today, today, &counts, &error);
    check_right ("acu_visit_count (today)", role, ok, &error, TRUE);
    ok = acu_visit_count (store, "2025-03-01", "2025-03-31", &counts, &error);
    check_right ("acu_visit_count (a month)", role, ok, &error, rights->audit);
    acu_period_init_month (&month, 2025, 3);
    report = acu_report_compute (store, &month, NULL, NULL, NULL, &error);
    check_right ("acu_report_compute", role, report != NULL, &error, rights->audit);
  }
  id = add_person (store, "Marie", "Dupuis", household);
  check_right ("acu_person_add", role, id > 0, &error, TRUE);

  /* A person's sensitive answers (health, nationality, background): staff
   * and coordinators read and write them; a volunteer reads "not
   * recorded", may not answer them, and her changes keep them */
  {
    g_autoptr(AcuPerson) person = acu_person_get (store, jean, &error);
    gboolean fields[ACU_SENSITIVE_N];
    AcuPersonDraft draft = {
      .first_name = "Jean", .last_name = "Dupuis",
      .sensitive = { [ACU_SENSITIVE_DISABILITY] = ACU_TRISTATE_YES,
                     [ACU_SENSITIVE_THIRD_COUNTRY] = ACU_TRISTATE_NO },
    };
    AcuPersonDraft plain = { .first_name = "Jean-Pierre", .last_name = "Dupuis" };
    g_autofree char *sql = g_strdup_printf ("SELECT coalesce (disability, 9) * 100 + coalesce (third_country, 9) * 10 "
                                            "+ coalesce (foreign_background, 9) FROM person WHERE id = %"
                                            G_GINT64_FORMAT, jean);

    ck_assert_ptr_nonnull (person);
    ck_assert_int_eq (acu_person_get_sensitive (person, ACU_SENSITIVE_DISABILITY),
                      rights->sensitive ? ACU_TRISTATE_YES : ACU_TRISTATE_UNKNOWN);
    ck_assert (acu_people_get_sensitive_fields (store, fields, &error));
    for (guint i = 0; i < ACU_SENSITIVE_N; i++)
      ck_assert_int_eq (fields[i], rights->sensitive);
    ok = acu_person_update (store, jean, &draft, &error);
    check_right ("acu_person_update (sensitive)", role, ok, &error, rights->sensitive);
    ck_assert_int_eq (acu_test_query_int (store, sql), rights->sensitive ? 109 : 199);
    id = acu_person_add (store, &draft, &error);
    check_right ("acu_person_add (sensitive)", role, id > 0, &error, rights->sensitive);
    /* Without answers: "not recorded" for staff, who clear them; a
     * volunteer's change keeps them */
    ck_assert (acu_person_update (store, jean, &plain, &error));
    ck_assert_int_eq (acu_test_query_int (store, sql), rights->sensitive ? 999 : 199);
  }

  /* A volunteer's PIN: staff and coordinators */
  ok = acu_desk_person_reset_secret (store, volunteer, NEW_PIN, &error);
  check_right ("acu_desk_person_reset_secret (PIN)", role, ok, &error, rights->reset_pin);

  /* Another's password: coordinators only (not their own) */
  if (role == ACU_ROLE_STAFF)
    {
      ck_assert (!acu_desk_person_reset_secret (store, COORDINATOR_ID, NEW_PASSWORD, &error));
      ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_FORBIDDEN);
      g_clear_error (&error);
      ck_assert (!acu_desk_person_deactivate (store, volunteer, &error));
      ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_FORBIDDEN);
      g_clear_error (&error);
      ck_assert (!acu_audit_set_retention_days (store, 90, &error));
      ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_FORBIDDEN);
      g_clear_error (&error);
    }

  close_store (store);
}
END_TEST

START_TEST (test_nobody_identified)
{
  AcuStore *store = create_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GPtrArray) all = NULL;
  gint64 volunteer = add_desk_person (store, VOLUNTEER, ACU_ROLE_VOLUNTEER, PIN);
  gint64 jean = add_person (store, "Jean", "Dupuis", 0);
  gint64 marie = add_person (store, "Marie", "Dupuis", 0);
  gint64 household = household_of (store, jean);
  AcuHousehold changed = { .id = household, .address = "3 rue du Barry" };
  AcuPersonDraft draft = { .first_name = "Paul", .last_name = "Vidal" };

  acu_store_forget_identity (store);
  ck_assert (acu_store_is_open (store));
  ck_assert (!acu_store_is_identified (store));
  ck_assert_int_eq (acu_store_get_person_id (store), 0);
  ck_assert_ptr_null (acu_store_get_person_name (store));
  ck_assert_ptr_null (acu_store_peek_confidential_key (store));
  ck_assert_int_eq (count_audit (store, "desk-lock"), 1);
  /* A second lock records nothing */
  acu_store_forget_identity (store);
  ck_assert_int_eq (count_audit (store, "desk-lock"), 1);

  ck_assert (!acu_store_require_role (store, ACU_ROLE_VOLUNTEER, &error));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_FORBIDDEN);
  g_clear_error (&error);

  /* Who can unlock, and the lists, are not for nobody either */
  ck_assert_ptr_null (acu_store_list_slots (store, &error));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_FORBIDDEN);
  g_clear_error (&error);
  ck_assert_ptr_null (acu_catalogue_list (store, ACU_CATALOGUE_REASON, TRUE, &error));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_FORBIDDEN);
  g_clear_error (&error);

  ck_assert_int_eq (try_log_visit (store, NULL, jean, &error), 0);
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_FORBIDDEN);
  g_clear_error (&error);
  ck_assert_int_eq (acu_person_add (store, &draft, &error), 0);
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_FORBIDDEN);
  g_clear_error (&error);
  ck_assert (!acu_person_update (store, jean, &draft, &error));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_FORBIDDEN);
  g_clear_error (&error);
  ck_assert (!acu_household_update (store, &changed, &error));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_FORBIDDEN);
  g_clear_error (&error);
  ck_assert (!acu_household_merge (store, household, household_of (store, marie), &error));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_FORBIDDEN);
  g_clear_error (&error);
  ck_assert_ptr_null (acu_confidential_list (store, household, &error));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_FORBIDDEN);
  g_clear_error (&error);
  ck_assert_int_eq (acu_confidential_add (store, household, "Texte", &error), 0);
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_FORBIDDEN);
  g_clear_error (&error);
  ck_assert_int_eq (acu_catalogue_add (store, ACU_CATALOGUE_REASON, "Atelier couture", &error), 0);
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_FORBIDDEN);
  g_clear_error (&error);
  ck_assert_ptr_null (acu_audit_list (store, NULL, NULL, 0, NULL, 0, 100, &error));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_FORBIDDEN);
  g_clear_error (&error);
  ck_assert (!acu_desk_person_reset_secret (store, volunteer, NEW_PIN, &error));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_FORBIDDEN);
  g_clear_error (&error);

  ck_assert_int_eq (acu_test_query_int (store, "SELECT count(*) FROM visit"), 0);
  ck_assert_int_eq (acu_test_query_int (store, "SELECT count(*) FROM person"), 2);
  ck_assert_int_eq (acu_test_query_int (store, "SELECT count(*) FROM household"), 2);
  ck_assert_int_eq (acu_test_query_int (store, "SELECT count(*) FROM confidential_note"), 0);

  /* The identification screen lists the names with nobody identified */
  /* Nothing of the people or the visits is read while nobody is identified */
  {
    g_autoptr(GPtrArray) found = acu_people_search (store, "jean", 0, 10, &error);

    ck_assert_ptr_null (found);
    ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_FORBIDDEN);
    g_clear_error (&error);
  }
  {
    g_autoptr(GPtrArray) day = acu_visit_list_day (store, "2025-03-05", &error);

    ck_assert_ptr_null (day);
    ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_FORBIDDEN);
    g_clear_error (&error);
  }
  {
    g_autoptr(AcuHousehold) h = acu_household_get (store, household, &error);

    ck_assert_ptr_null (h);
    ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_FORBIDDEN);
    g_clear_error (&error);
  }

  people = acu_desk_people_list (store, FALSE, &error);
  ck_assert_ptr_null (error);
  ck_assert_ptr_nonnull (people);
  ck_assert_uint_eq (people->len, 2);
  ck_assert_str_eq (((AcuDeskPerson *) g_ptr_array_index (people, 0))->name, COORDINATOR);
  ck_assert_int_eq (((AcuDeskPerson *) g_ptr_array_index (people, 0))->role, ACU_ROLE_COORDINATOR);
  ck_assert (((AcuDeskPerson *) g_ptr_array_index (people, 0))->has_password);
  ck_assert (!((AcuDeskPerson *) g_ptr_array_index (people, 0))->has_pin);
  ck_assert_str_eq (((AcuDeskPerson *) g_ptr_array_index (people, 1))->name, VOLUNTEER);
  ck_assert_int_eq (((AcuDeskPerson *) g_ptr_array_index (people, 1))->id, volunteer);
  ck_assert (!((AcuDeskPerson *) g_ptr_array_index (people, 1))->has_password);
  ck_assert (((AcuDeskPerson *) g_ptr_array_index (people, 1))->has_pin);
  /* Everyone, with the inactive ones: coordinators only */
  all = acu_desk_people_list (store, TRUE, &error);
  ck_assert_ptr_null (all);
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_FORBIDDEN);
  g_clear_error (&error);

  /* Then someone identifies, and may write again */
  identify_pin (store, volunteer, PIN);
  ck_assert_int_gt (log_visit (store, NULL, jean), 0);

  close_store (store);
}
END_TEST

/* 2. Confidential text */

/* With the database key alone (a volunteer's open desk), the column holds
 * the sealed text: not the text, and the database key does not open it */
static void
assert_sealed_with_database_key (AcuStore *store,
                                 gint64    note)
{
  const AcuSecret *db_key = acu_store_peek_database_key (store);
  sqlite3_stmt *stmt;

  ck_assert_ptr_nonnull (db_key);
  ck_assert_ptr_null (acu_store_peek_confidential_key (store));
  ck_assert_int_eq (sqlite3_prepare_v2 (acu_store_get_db (store),
                                        "SELECT nonce, ciphertext FROM confidential_note WHERE id = ?",
                                        -1, &stmt, NULL), SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, note);
  ck_assert_int_eq (sqlite3_step (stmt), SQLITE_ROW);
  {
    const guint8 *nonce = sqlite3_column_blob (stmt, 0);
    const char *sealed = sqlite3_column_blob (stmt, 1);
    gsize sealed_len = sqlite3_column_bytes (stmt, 1);
    g_autofree guint8 *plain = g_malloc0 (sealed_len + 1);

    ck_assert_int_eq (sqlite3_column_bytes (stmt, 0), 24);
    /* 42 bytes of text and the 16 of the MAC */
    ck_assert_uint_eq (strlen (SECRET_TEXT), 42);
    ck_assert_uint_eq (sealed_len, 42 + 16);
    ck_assert (!contains_bytes (sealed, sealed_len, SECRET_MARK));
    ck_assert (!contains_bytes (sealed, sealed_len, "loyer"));
    ck_assert_int_ne (crypto_secretbox_open_easy (plain, (const guint8 *) sealed, sealed_len, nonce,
                                                  acu_secret_get_data (db_key)), 0);
  }
  ck_assert_int_eq (sqlite3_step (stmt), SQLITE_DONE);
  sqlite3_finalize (stmt);
}

START_TEST (test_confidential_sealed)
{
  AcuStore *store = create_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_auto(GStrv) texts = NULL;
  g_autofree char *object = NULL;
  gint64 staff = add_desk_person (store, STAFF, ACU_ROLE_STAFF, STAFF_PASSWORD);
  gint64 volunteer = add_desk_person (store, VOLUNTEER, ACU_ROLE_VOLUNTEER, PIN);
  gint64 household = household_of (store, add_person (store, "Jean", "Dupuis", 0));
  g_autofree char *wal_path = g_strconcat (acu_test_db_path, "-wal", NULL);
  gint64 note;

  /* Written by staff identified with their password */
  identify_password (store, staff, STAFF_PASSWORD);
  ck_assert_ptr_nonnull (acu_store_peek_confidential_key (store));
  note = acu_confidential_add (store, household, SECRET_TEXT, &error);
  ck_assert_ptr_null (error);
  ck_assert_int_gt (note, 0);
  ck_assert_int_eq (count_audit (store, "confidential-write"), 1);

  /* Not in clear in the files while open (pages may sit in the -wal) */
  ck_assert (g_file_test (wal_path, G_FILE_TEST_EXISTS));
  assert_not_in_files (SECRET_TEXT);
  assert_not_in_files (SECRET_MARK);

  /* A volunteer: the database key, but not the confidential key */
  identify_pin (store, volunteer, PIN);
  ck_assert_str_eq (acu_store_get_person_name (store), VOLUNTEER);
  ck_assert_int_eq (acu_store_get_role (store), ACU_ROLE_VOLUNTEER);
  ck_assert_ptr_null (acu_store_peek_confidential_key (store));
  ck_assert (!acu_store_has_confidential_key (store));
  texts = acu_confidential_read (store, household, &error);
  ck_assert_ptr_null (texts);
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_FORBIDDEN);
  g_clear_error (&error);
  ck_assert_int_eq (count_audit (store, "confidential-read"), 0);

  assert_sealed_with_database_key (store, note);

  /* That a note exists, by whom: yes */
  notes = acu_confidential_list (store, household, &error);
  ck_assert_ptr_nonnull (notes);
  ck_assert_uint_eq (notes->len, 1);
  ck_assert_int_eq (((AcuConfidentialNote *) g_ptr_array_index (notes, 0))->id, note);
  ck_assert_str_eq (((AcuConfidentialNote *) g_ptr_array_index (notes, 0))->written_by, STAFF);
  ck_assert_int_gt (((AcuConfidentialNote *) g_ptr_array_index (notes, 0))->written_at, 1700000000);

  /* Staff identified with their password read it back, and that is recorded */
  identify_password (store, staff, STAFF_PASSWORD);
  texts = acu_confidential_read (store, household, &error);
  ck_assert_ptr_null (error);
  ck_assert_ptr_nonnull (texts);
  ck_assert_uint_eq (g_strv_length (texts), 1);
  ck_assert_str_eq (texts[0], SECRET_TEXT);
  g_clear_pointer (&texts, g_strfreev);
  ck_assert_int_eq (count_audit (store, "confidential-read"), 1);
  object = g_strdup_printf ("household %" G_GINT64_FORMAT, household);

  /* A household that does not exist */
  ck_assert_ptr_null (acu_confidential_read (store, UNKNOWN_ID, &error));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_NO_RECORD);
  g_clear_error (&error);
  ck_assert_int_eq (acu_confidential_add (store, UNKNOWN_ID, "Texte", &error), 0);
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_NO_RECORD);
  g_clear_error (&error);
  ck_assert_int_eq (acu_confidential_add (store, household, "   ", &error), 0);
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Closed: the WAL is folded into the file, still sealed */
  close_store (store);
  ck_assert (!g_file_test (wal_path, G_FILE_TEST_EXISTS));
  assert_not_in_files (SECRET_TEXT);
  assert_not_in_files (SECRET_MARK);

  /* Opened again, then a volunteer identified: still sealed */
  store = open_store (COORDINATOR, COORD_PASSWORD);
  identify_pin (store, volunteer, PIN);
  assert_sealed_with_database_key (store, note);
  ck_assert_ptr_null (acu_confidential_read (store, household, &error));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_FORBIDDEN);
  g_clear_error (&error);
  close_store (store);

  /* Opened by staff with their password: the text */
  store = open_store (STAFF, STAFF_PASSWORD);
  ck_assert_int_eq (acu_store_get_role (store), ACU_ROLE_STAFF);
  texts = acu_confidential_read (store, household, &error);
  ck_assert_ptr_nonnull (texts);
  ck_assert_str_eq (texts[0], SECRET_TEXT);
  g_clear_pointer (&texts, g_strfreev);
  close_store (store);

  /* The coordinator sees who read it */
  store = open_store (COORDINATOR, COORD_PASSWORD);
  entries = audit_list (store, 0, "confidential-read");
  ck_assert_uint_eq (entries->len, 2);
  assert_entry (entries, 0, "confidential-read", STAFF, object);
  assert_entry (entries, 1, "confidential-read", STAFF, object);
  g_clear_pointer (&entries, g_ptr_array_unref);
  entries = audit_list (store, 0, "confidential-write");
  ck_assert_uint_eq (entries->len, 1);
  assert_entry (entries, 0, "confidential-write", STAFF, object);
  close_store (store);
  assert_not_in_files (SECRET_MARK);
}
END_TEST

/* 3. PINs */

START_TEST (test_pin_identify)
{
  AcuStore *store = create_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(AcuDeskPerson) person = NULL;
  gint64 staff = add_desk_person (store, STAFF, ACU_ROLE_STAFF, STAFF_PASSWORD);
  gint64 volunteer = add_desk_person (store, VOLUNTEER, ACU_ROLE_VOLUNTEER, PIN);

  person = acu_desk_person_get (store, volunteer, &error);
  ck_assert_ptr_nonnull (person);
  ck_assert_str_eq (person->name, VOLUNTEER);
  ck_assert_int_eq (person->role, ACU_ROLE_VOLUNTEER);
  ck_assert (person->active);
  ck_assert (person->has_pin);
  ck_assert (!person->has_password);
  ck_assert (!person->pin_locked);
  ck_assert_uint_eq (person->slot_id, 0);

  acu_store_forget_identity (store);
  identify_pin (store, volunteer, PIN);
  ck_assert_str_eq (acu_store_get_person_name (store), VOLUNTEER);
  ck_assert_int_eq (acu_store_get_role (store), ACU_ROLE_VOLUNTEER);
  ck_assert_ptr_null (acu_store_peek_confidential_key (store));
  ck_assert_int_eq (count_audit (store, "pin-identified"), 1);

  /* Staff identify with their password, never a PIN */
  ck_assert (!acu_store_identify_with_pin (store, staff, PIN, &error));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID);
  g_clear_error (&error);
  ck_assert (!acu_store_identify_with_pin (store, COORDINATOR_ID, PIN, &error));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID);
  g_clear_error (&error);
  /* and volunteers never with a password */
  ck_assert (!acu_store_identify_with_password (store, volunteer, PIN, &error));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID);
  g_clear_error (&error);
  ck_assert (!acu_store_identify_with_pin (store, UNKNOWN_ID, PIN, &error));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_NO_RECORD);
  g_clear_error (&error);

  /* A staff password is checked on the person's own slot */
  ck_assert (!acu_store_identify_with_password (store, staff, COORD_PASSWORD, &error));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_WRONG_PASSWORD);
  g_clear_error (&error);
  identify_password (store, staff, STAFF_PASSWORD);
  ck_assert_str_eq (acu_store_get_person_name (store), STAFF);
  ck_assert_int_eq (acu_store_get_role (store), ACU_ROLE_STAFF);
  ck_assert_ptr_nonnull (acu_store_peek_confidential_key (store));

  close_store (store);
}
END_TEST

START_TEST (test_pin_lockout)
{
  AcuStore *store = create_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(AcuDeskPerson) person = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *object = NULL;
  gint64 staff = add_desk_person (store, STAFF, ACU_ROLE_STAFF, STAFF_PASSWORD);
  gint64 volunteer = add_desk_person (store, VOLUNTEER, ACU_ROLE_VOLUNTEER, PIN);

  acu_store_forget_identity (store);

  /* Two wrong PINs: two more tries, then one */
  ck_assert (!acu_store_identify_with_pin (store, volunteer, "1357", &error));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_WRONG_PASSWORD);
  g_clear_error (&error);
  ck_assert (!acu_store_is_identified (store));
  ck_assert (!acu_store_identify_with_pin (store, volunteer, "1358", &error));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_WRONG_PASSWORD);
  g_clear_error (&error);
  person = acu_desk_person_get (store, volunteer, NULL);
  ck_assert (!person->pin_locked);
  g_clear_pointer (&person, acu_desk_person_free);

  /* The third locks it */
  ck_assert (!acu_store_identify_with_pin (store, volunteer, "1359", &error));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_PIN_LOCKED);
  g_clear_error (&error);
  person = acu_desk_person_get (store, volunteer, NULL);
  ck_assert (person->pin_locked);
  g_clear_pointer (&person, acu_desk_person_free);

  /* Even the right PIN */
  ck_assert (!acu_store_identify_with_pin (store, volunteer, PIN, &error));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_PIN_LOCKED);
  g_clear_error (&error);
  ck_assert (!acu_store_is_identified (store));
  ck_assert_int_eq (count_audit (store, "pin-failure"), 3);
  ck_assert_int_eq (count_audit (store, "pin-locked"), 1);
  ck_assert_int_eq (count_audit (store, "pin-identified"), 0);

  /* A staff member sets a new one: unlocked */
  identify_password (store, staff, STAFF_PASSWORD);
  ck_assert (!acu_desk_person_reset_secret (store, volunteer, "1234", &error));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_WEAK_PASSWORD);
  g_clear_error (&error);
  ck_assert (acu_desk_person_reset_secret (store, volunteer, NEW_PIN, &error));
  ck_assert_ptr_null (error);
  person = acu_desk_person_get (store, volunteer, NULL);
  ck_assert (!person->pin_locked);
  ck_assert (person->has_pin);
  g_clear_pointer (&person, acu_desk_person_free);
  ck_assert_int_eq (count_audit (store, "pin-changed"), 1);

  identify_pin (store, volunteer, NEW_PIN);
  ck_assert_str_eq (acu_store_get_person_name (store), VOLUNTEER);

  /* The audit log, as a coordinator reads it */
  identify_password (store, COORDINATOR_ID, COORD_PASSWORD);
  object = g_strdup_printf ("desk_person %" G_GINT64_FORMAT, volunteer);
  entries = audit_list (store, 0, "pin-failure");
  ck_assert_uint_eq (entries->len, 3);
  for (guint i = 0; i < entries->len; i++)
    ck_assert_str_eq (((AcuAuditEntry *) g_ptr_array_index (entries, i))->object, object);
  g_clear_pointer (&entries, g_ptr_array_unref);
  entries = audit_list (store, 0, "pin-locked");
  ck_assert_uint_eq (entries->len, 1);
  ck_assert_str_eq (((AcuAuditEntry *) g_ptr_array_index (entries, 0))->object, object);
  g_clear_pointer (&entries, g_ptr_array_unref);
  entries = audit_list (store, 0, "pin-changed");
  ck_assert_uint_eq (entries->len, 1);
  assert_entry (entries, 0, "pin-changed", STAFF, object);
  g_clear_pointer (&entries, g_ptr_array_unref);
  entries = audit_list (store, 0, "pin-identified");
  ck_assert_uint_eq (entries->len, 1);
  assert_entry (entries, 0, "pin-identified", VOLUNTEER, object);

  /* The old PIN no longer works */
  ck_assert (!acu_store_identify_with_pin (store, volunteer, PIN, &error));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_WRONG_PASSWORD);

  close_store (store);
}
END_TEST

START_TEST (test_pin_rules)
{
  static const char *const refused[] = {
    "123", "123456789", "12a4", "1111", "1234", "9876", "", "00000000", "12345678", "4321", " 2580",
  };
  static const char *const accepted[] = { "2580", "1357", "97310", "25801470" };
  AcuStore *store = create_store ();
  g_autoptr(GError) error = NULL;
  gint64 people = acu_test_query_int (store, "SELECT count(*) FROM desk_person");

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      ck_assert_msg (!acu_pin_check (refused[i], &error), "PIN \"%s\" accepted", refused[i]);
      ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_WEAK_PASSWORD);
      g_clear_error (&error);
      ck_assert_int_eq (acu_desk_person_add (store, VOLUNTEER, ACU_ROLE_VOLUNTEER, refused[i], &error), 0);
      ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_WEAK_PASSWORD);
      g_clear_error (&error);
    }
  ck_assert (!acu_pin_check (NULL, &error));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_WEAK_PASSWORD);
  g_clear_error (&error);
  ck_assert_int_eq (acu_test_query_int (store, "SELECT count(*) FROM desk_person"), people);

  for (guint i = 0; i < G_N_ELEMENTS (accepted); i++)
    {
      ck_assert_msg (acu_pin_check (accepted[i], &error), "PIN \"%s\" refused: %s", accepted[i],
                     error ? error->message : "");
      ck_assert_ptr_null (error);
    }
  ck_assert_int_gt (add_desk_person (store, VOLUNTEER, ACU_ROLE_VOLUNTEER, "2580"), 0);

  /* The same name twice, accents and case folded */
  ck_assert_int_eq (acu_desk_person_add (store, "louise dupre", ACU_ROLE_VOLUNTEER, "1357", &error), 0);
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID);
  g_clear_error (&error);
  ck_assert_int_eq (acu_desk_person_add (store, "   ", ACU_ROLE_VOLUNTEER, "1357", &error), 0);
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID);
  g_clear_error (&error);
  /* Staff need a password of the CNIL rule */
  ck_assert_int_eq (acu_desk_person_add (store, STAFF, ACU_ROLE_STAFF, "2580", &error), 0);
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_WEAK_PASSWORD);
  g_clear_error (&error);
  ck_assert_int_eq (acu_desk_person_add (store, STAFF, ACU_ROLE_STAFF, "Karim Benali#2026x", &error), 0);
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_WEAK_PASSWORD);
  g_clear_error (&error);
  ck_assert_int_eq (acu_test_query_int (store, "SELECT count(*) FROM desk_person"), people + 1);

  close_store (store);
}
END_TEST

START_TEST (test_pin_change)
{
  AcuStore *store = create_store ();
  g_autoptr(GError) error = NULL;
  gint64 staff = add_desk_person (store, STAFF, ACU_ROLE_STAFF, STAFF_PASSWORD);
  gint64 volunteer = add_desk_person (store, VOLUNTEER, ACU_ROLE_VOLUNTEER, PIN);

  identify_pin (store, volunteer, PIN);
  ck_assert (!acu_desk_person_change_pin (store, "1357", NEW_PIN, &error));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_WRONG_PASSWORD);
  g_clear_error (&error);
  ck_assert (!acu_desk_person_change_pin (store, PIN, "1111", &error));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_WEAK_PASSWORD);
  g_clear_error (&error);
  ck_assert (acu_desk_person_change_pin (store, PIN, NEW_PIN, &error));
  ck_assert_ptr_null (error);
  ck_assert_int_eq (count_audit (store, "pin-changed"), 1);

  identify_pin (store, volunteer, NEW_PIN);
  ck_assert (!acu_store_identify_with_pin (store, volunteer, PIN, &error));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_WRONG_PASSWORD);
  g_clear_error (&error);

  /* Staff have no PIN to change */
  identify_password (store, staff, STAFF_PASSWORD);
  ck_assert (!acu_desk_person_change_pin (store, PIN, NEW_PIN, &error));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Nobody identified: nobody's PIN */
  acu_store_forget_identity (store);
  ck_assert (!acu_desk_person_change_pin (store, NEW_PIN, PIN, &error));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_FORBIDDEN);

  close_store (store);
}
END_TEST

/* 4. Deactivation removes the key slot */

START_TEST (test_deactivate_staff)
{
  AcuStore *store = create_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) visits = NULL;
  g_autoptr(GPtrArray) active = NULL;
  g_autoptr(GPtrArray) everyone = NULL;
  g_autoptr(GPtrArray) slots = NULL;
  g_autoptr(AcuDeskPerson) person = NULL;
  gint64 staff = add_desk_person (store, STAFF, ACU_ROLE_STAFF, STAFF_PASSWORD);
  gint64 jean = add_person (store, "Jean", "Dupuis", 0);
  gint64 visit;

  /* The staff member can open the database, and logs a visit */
  close_store (open_store (STAFF, STAFF_PASSWORD));
  identify_password (store, staff, STAFF_PASSWORD);
  visit = log_visit (store, "2025-03-04", jean);

  /* They leave */
  identify_password (store, COORDINATOR_ID, COORD_PASSWORD);
  ck_assert (acu_desk_person_deactivate (store, staff, &error));
  ck_assert_ptr_null (error);
  ck_assert_int_eq (count_audit (store, "user-deactivated"), 1);

  assert_open_fails (STAFF, STAFF_PASSWORD, ACU_STORE_ERROR_WRONG_PASSWORD);
  ck_assert (!acu_store_identify_with_password (store, staff, STAFF_PASSWORD, &error));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID);
  g_clear_error (&error);
  /* A password tried forgets whoever was identified, even when it fails */
  ck_assert (!acu_store_is_identified (store));
  identify_password (store, COORDINATOR_ID, COORD_PASSWORD);
  ck_assert_int_eq (acu_store_get_person_id (store), COORDINATOR_ID);

  slots = acu_store_list_slots (store, NULL);
  for (guint i = 0; i < slots->len; i++)
    ck_assert_str_ne (((AcuSlotInfo *) g_ptr_array_index (slots, i))->name, STAFF);

  person = acu_desk_person_get (store, staff, &error);
  ck_assert_ptr_nonnull (person);
  ck_assert (!person->active);
  ck_assert (!person->has_password);
  active = acu_desk_people_list (store, FALSE, &error);
  ck_assert_uint_eq (active->len, 1);
  ck_assert_str_eq (((AcuDeskPerson *) g_ptr_array_index (active, 0))->name, COORDINATOR);
  everyone = acu_desk_people_list (store, TRUE, &error);
  ck_assert_uint_eq (everyone->len, 2);
  ck_assert_str_eq (((AcuDeskPerson *) g_ptr_array_index (everyone, 1))->name, STAFF);

  /* Their past visit keeps their name */
  visits = acu_visit_list_day (store, "2025-03-04", &error);
  ck_assert_ptr_nonnull (visits);
  ck_assert_uint_eq (visits->len, 1);
  ck_assert_int_eq (acu_visit_get_id (g_ptr_array_index (visits, 0)), visit);
  ck_assert_str_eq (acu_visit_get_logged_by (g_ptr_array_index (visits, 0)), STAFF);

  /* Twice: nothing more to do */
  ck_assert (acu_desk_person_deactivate (store, staff, &error));
  ck_assert_int_eq (count_audit (store, "user-deactivated"), 1);

  /* Not oneself */
  ck_assert (!acu_desk_person_deactivate (store, COORDINATOR_ID, &error));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_pointer (&person, acu_desk_person_free);
  person = acu_desk_person_get (store, COORDINATOR_ID, NULL);
  ck_assert (person->active);
  ck_assert (person->has_password);
  ck_assert (!acu_desk_person_deactivate (store, UNKNOWN_ID, &error));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_NO_RECORD);
  g_clear_error (&error);

  close_store (store);
  /* Reopened: still refused, the coordinator still opens */
  assert_open_fails (STAFF, STAFF_PASSWORD, ACU_STORE_ERROR_WRONG_PASSWORD);
  store = open_store (COORDINATOR, COORD_PASSWORD);
  close_store (store);
}
END_TEST

START_TEST (test_deactivate_volunteer)
{
  AcuStore *store = create_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(AcuDeskPerson) person = NULL;
  g_autoptr(GPtrArray) visits = NULL;
  gint64 volunteer = add_desk_person (store, VOLUNTEER, ACU_ROLE_VOLUNTEER, PIN);
  gint64 visit;

  identify_pin (store, volunteer, PIN);
  visit = log_visit (store, "2025-03-05", 0);
  identify_password (store, COORDINATOR_ID, COORD_PASSWORD);

  ck_assert (acu_desk_person_deactivate (store, volunteer, &error));
  ck_assert_ptr_null (error);
  person = acu_desk_person_get (store, volunteer, NULL);
  ck_assert (!person->active);
  ck_assert (!person->has_pin);

  ck_assert (!acu_store_identify_with_pin (store, volunteer, PIN, &error));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_WRONG_PASSWORD);
  g_clear_error (&error);
  /* A PIN tried at the desk forgets whoever was identified, even when it fails */
  ck_assert (!acu_store_is_identified (store));
  identify_password (store, COORDINATOR_ID, COORD_PASSWORD);
  ck_assert (!acu_desk_person_reset_secret (store, volunteer, NEW_PIN, &error));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID);
  g_clear_error (&error);
  ck_assert (!acu_desk_person_set_role (store, volunteer, ACU_ROLE_STAFF, NEW_PASSWORD, &error));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID);
  g_clear_error (&error);

  visits = acu_visit_list_day (store, "2025-03-05", &error);
  ck_assert_uint_eq (visits->len, 1);
  ck_assert_int_eq (acu_visit_get_id (g_ptr_array_index (visits, 0)), visit);
  ck_assert_str_eq (acu_visit_get_logged_by (g_ptr_array_index (visits, 0)), VOLUNTEER);

  close_store (store);
}
END_TEST

/* 5. The idle lock wipes keys */

static guint freed_buffers;
static guint dirty_buffers;

static void
check_wiped_hook (const guint8 *data,
                  gsize         size)
{
  freed_buffers++;
  if (sodium_is_zero (data, size) != 1)
    dirty_buffers++;
}

START_TEST (test_idle_lock_wipes_keys)
{
  AcuStore *store = create_store ();
  gint64 staff = add_desk_person (store, STAFF, ACU_ROLE_STAFF, STAFF_PASSWORD);
  gint64 volunteer = add_desk_person (store, VOLUNTEER, ACU_ROLE_VOLUNTEER, PIN);
  const AcuSecret *conf_key;
  guint after_lock;

  acu_secret_set_free_hook_for_tests (check_wiped_hook);

  /* The creator holds the confidential key; a PIN wipes it */
  ck_assert_ptr_nonnull (acu_store_peek_confidential_key (store));
  freed_buffers = dirty_buffers = 0;
  identify_pin (store, volunteer, PIN);
  ck_assert_uint_ge (freed_buffers, 1);
  ck_assert_uint_eq (dirty_buffers, 0);
  ck_assert_ptr_null (acu_store_peek_confidential_key (store));
  ck_assert (!acu_store_has_confidential_key (store));

  /* Staff with their password: the key comes back */
  identify_password (store, staff, STAFF_PASSWORD);
  conf_key = acu_store_peek_confidential_key (store);
  ck_assert_ptr_nonnull (conf_key);
  ck_assert_uint_eq (acu_secret_get_size (conf_key), ACU_KEY_BYTES);
  ck_assert (!acu_secret_is_wiped (conf_key));
  ck_assert_uint_eq (dirty_buffers, 0);

  /* The idle lock */
  freed_buffers = dirty_buffers = 0;
  acu_store_forget_identity (store);
  ck_assert_uint_ge (freed_buffers, 1);
  ck_assert_uint_eq (dirty_buffers, 0);
  ck_assert_ptr_null (acu_store_peek_confidential_key (store));
  ck_assert (!acu_store_has_confidential_key (store));
  ck_assert (!acu_store_is_identified (store));
  /* The database stays open, with its key */
  ck_assert (acu_store_is_open (store));
  ck_assert_ptr_nonnull (acu_store_peek_database_key (store));
  after_lock = freed_buffers;

  /* Closing: the database key goes too */
  acu_store_close (store);
  ck_assert_uint_gt (freed_buffers, after_lock);
  ck_assert_uint_eq (dirty_buffers, 0);
  ck_assert_ptr_null (acu_store_peek_database_key (store));
  ck_assert_ptr_null (acu_store_peek_confidential_key (store));

  acu_secret_set_free_hook_for_tests (NULL);
  g_object_unref (store);
}
END_TEST

/* 6. The audit log */

/* What a page listening to the people of the desk reads when told */
static void
count_slots_cb (AcuStore *store,
                AcuAreas  area,
                guint    *n_slots)
{
  g_autoptr(GPtrArray) slots = acu_store_list_slots (store, NULL);

  *n_slots = slots != NULL ? slots->len : 0;
}

/* Every write of access tells its area, the audit log's too, once it
 * commits; a refused one tells nothing */
START_TEST (test_writes_tell_their_area)
{
  AcuStore *store = create_store ();
  g_autoptr(AcuChangeLog) log = acu_change_log_new (store);
  g_autoptr(GError) error = NULL;
  g_autofree char *recovery = NULL;
  g_auto(GStrv) texts = NULL;
  gint64 volunteer, staff, household;

  guint n_slots = 0;

  /* the creator's slot and the recovery code */
  g_signal_connect (store, "changed::desk-people", G_CALLBACK (count_slots_cb), &n_slots);
  volunteer = add_desk_person (store, VOLUNTEER, ACU_ROLE_VOLUNTEER, PIN);
  ACU_ASSERT_CHANGES (log, ACU_AREA_DESK_PEOPLE | ACU_AREA_AUDIT);
  ck_assert_uint_eq (n_slots, 2);
  staff = add_desk_person (store, STAFF, ACU_ROLE_STAFF, STAFF_PASSWORD);
  ACU_ASSERT_CHANGES (log, ACU_AREA_DESK_PEOPLE | ACU_AREA_AUDIT);
  /* told once the new key file is the store's: the listener sees the slot */
  ck_assert_uint_eq (n_slots, 3);
  ck_assert (acu_desk_person_reset_secret (store, volunteer, NEW_PIN, &error));
  ACU_ASSERT_CHANGES (log, ACU_AREA_DESK_PEOPLE | ACU_AREA_AUDIT);
  ck_assert (acu_desk_person_set_role (store, staff, ACU_ROLE_COORDINATOR, NULL, &error));
  ACU_ASSERT_CHANGES (log, ACU_AREA_DESK_PEOPLE | ACU_AREA_AUDIT);
  ck_assert (!acu_desk_person_reset_secret (store, volunteer, "1111", &error));
  g_clear_error (&error);
  ACU_ASSERT_CHANGES (log, ACU_AREA_NONE);
  recovery = acu_store_replace_recovery_code (store, &error);
  ck_assert_ptr_nonnull (recovery);
  ACU_ASSERT_CHANGES (log, ACU_AREA_DESK_PEOPLE | ACU_AREA_AUDIT);
  ck_assert (acu_audit_set_retention_days (store, 180, &error));
  ACU_ASSERT_CHANGES (log, ACU_AREA_SETTINGS | ACU_AREA_AUDIT);
  ck_assert (!acu_audit_set_retention_days (store, 2, &error));
  g_clear_error (&error);
  ACU_ASSERT_CHANGES (log, ACU_AREA_NONE);

  /* Confidential notes: writing changes them, reading only the audit log */
  household = household_of (store, add_person (store, "Jean", "Dupuis", 0));
  ACU_ASSERT_CHANGES (log, ACU_AREA_PEOPLE | ACU_AREA_AUDIT);
  ck_assert_int_gt (acu_confidential_add (store, household, "Écrit au guichet", &error), 0);
  ACU_ASSERT_CHANGES (log, ACU_AREA_CONFIDENTIAL | ACU_AREA_AUDIT);
  texts = acu_confidential_read (store, household, &error);
  ck_assert_ptr_nonnull (texts);
  ACU_ASSERT_CHANGES (log, ACU_AREA_AUDIT);

  /* Who is at the desk */
  acu_store_forget_identity (store);
  ACU_ASSERT_CHANGES (log, ACU_AREA_IDENTITY | ACU_AREA_AUDIT);
  ck_assert (!acu_store_identify_with_pin (store, volunteer, PIN, &error));
  g_clear_error (&error);
  ACU_ASSERT_CHANGES (log, ACU_AREA_DESK_PEOPLE | ACU_AREA_AUDIT);
  identify_pin (store, volunteer, NEW_PIN);
  ACU_ASSERT_CHANGES (log, ACU_AREA_IDENTITY | ACU_AREA_AUDIT);
  ck_assert (acu_desk_person_change_pin (store, NEW_PIN, "7391", &error));
  ACU_ASSERT_CHANGES (log, ACU_AREA_DESK_PEOPLE | ACU_AREA_AUDIT);
  acu_store_forget_identity (store);
  ACU_ASSERT_CHANGES (log, ACU_AREA_IDENTITY | ACU_AREA_AUDIT);
  identify_password (store, COORDINATOR_ID, COORD_PASSWORD);
  ACU_ASSERT_CHANGES (log, ACU_AREA_IDENTITY | ACU_AREA_AUDIT);
  ck_assert (acu_desk_person_deactivate (store, staff, &error));
  ACU_ASSERT_CHANGES (log, ACU_AREA_DESK_PEOPLE | ACU_AREA_AUDIT);
  ck_assert_uint_eq (n_slots, 2);
  g_signal_handlers_disconnect_by_func (store, count_slots_cb, &n_slots);

  g_clear_pointer (&log, acu_change_log_free);
  close_store (store);
}
END_TEST

START_TEST (test_audit_actions)
{
  AcuStore *store = create_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autofree char *today = acu_date_today ();
  g_autofree char *csv = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GRegex) object_shape = g_regex_new ("^[a-z_]+ [0-9]+$", 0, 0, NULL);
  gint64 volunteer = add_desk_person (store, VOLUNTEER, ACU_ROLE_VOLUNTEER, PIN);
  gint64 jean = add_person (store, "Jean", "Dupuis", 0);
  gint64 marie = add_person (store, "Marie", "Dupuis", 0);
  gint64 visit;

  ck_assert_int_eq (volunteer, 2);
  ck_assert_int_eq (jean, 1);
  ck_assert_int_eq (marie, 2);
  ck_assert_int_eq (household_of (store, marie), 2);
  ck_assert_int_eq (log_visit (store, today, jean), 1);

  identify_pin (store, volunteer, PIN);
  visit = log_visit (store, today, marie);
  ck_assert_int_eq (visit, 2);
  ck_assert (acu_visit_delete (store, visit, &error));
  ck_assert_ptr_null (error);

  identify_password (store, COORDINATOR_ID, COORD_PASSWORD);
  ck_assert (acu_household_merge (store, 1, 2, &error));
  ck_assert_ptr_null (error);

  /* Newest first */
  entries = audit_list (store, 0, NULL);
  ck_assert_uint_eq (entries->len, 12);
  assert_entry (entries, 0, "household-merge", COORDINATOR, "household 2");
  assert_entry (entries, 1, "password-identified", COORDINATOR, "desk_person 1");
  assert_entry (entries, 2, "desk-lock", VOLUNTEER, NULL);
  assert_entry (entries, 3, "visit-delete", VOLUNTEER, "visit 2");
  assert_entry (entries, 4, "visit-add", VOLUNTEER, "visit 2");
  assert_entry (entries, 5, "pin-identified", VOLUNTEER, "desk_person 2");
  assert_entry (entries, 6, "desk-lock", COORDINATOR, NULL);
  assert_entry (entries, 7, "visit-add", COORDINATOR, "visit 1");
  assert_entry (entries, 8, "person-add", COORDINATOR, "person 2");
  assert_entry (entries, 9, "person-add", COORDINATOR, "person 1");
  assert_entry (entries, 10, "user-added", COORDINATOR, "desk_person 2");
  assert_entry (entries, 11, "desk-open", COORDINATOR, NULL);

  /* Ids only, never the data: no name of a person or household */
  for (guint i = 0; i < entries->len; i++)
    {
      AcuAuditEntry *entry = g_ptr_array_index (entries, i);

      ck_assert_msg (entry->object == NULL || g_regex_match (object_shape, entry->object, 0, NULL),
                     "entry %u: object \"%s\"", i, entry->object);
      ck_assert_int_gt (entry->at, 1700000000);
      ck_assert_int_gt (entry->id, 0);
      ck_assert_ptr_nonnull (acu_audit_action_get_label (entry->action));
      ck_assert_str_ne (acu_audit_action_get_label (entry->action), entry->action);
      ck_assert_ptr_null (strstr (entry->object ? entry->object : "", "Dupuis"));
    }
  ck_assert_int_eq (acu_test_query_int (store, "SELECT count(*) FROM audit WHERE object LIKE '%Dupuis%' "
                                      "OR object LIKE '%Jean%' OR action LIKE '%Dupuis%'"), 0);
  g_clear_pointer (&entries, g_ptr_array_unref);

  /* Filters */
  entries = audit_list (store, 0, "visit-add");
  ck_assert_uint_eq (entries->len, 2);
  assert_entry (entries, 0, "visit-add", VOLUNTEER, "visit 2");
  assert_entry (entries, 1, "visit-add", COORDINATOR, "visit 1");
  g_clear_pointer (&entries, g_ptr_array_unref);
  entries = audit_list (store, volunteer, NULL);
  ck_assert_uint_eq (entries->len, 4);
  assert_entry (entries, 0, "desk-lock", VOLUNTEER, NULL);
  assert_entry (entries, 1, "visit-delete", VOLUNTEER, "visit 2");
  assert_entry (entries, 2, "visit-add", VOLUNTEER, "visit 2");
  assert_entry (entries, 3, "pin-identified", VOLUNTEER, "desk_person 2");
  g_clear_pointer (&entries, g_ptr_array_unref);
  entries = audit_list (store, COORDINATOR_ID, "person-add");
  ck_assert_uint_eq (entries->len, 2);
  assert_entry (entries, 0, "person-add", COORDINATOR, "person 2");
  assert_entry (entries, 1, "person-add", COORDINATOR, "person 1");
  g_clear_pointer (&entries, g_ptr_array_unref);
  entries = audit_list (store, volunteer, "household-merge");
  ck_assert_uint_eq (entries->len, 0);
  g_clear_pointer (&entries, g_ptr_array_unref);

  /* A page; a period */
  entries = acu_audit_list (store, NULL, NULL, 0, NULL, 2, 3, &error);
  ck_assert_uint_eq (entries->len, 3);
  assert_entry (entries, 0, "desk-lock", VOLUNTEER, NULL);
  assert_entry (entries, 1, "visit-delete", VOLUNTEER, "visit 2");
  assert_entry (entries, 2, "visit-add", VOLUNTEER, "visit 2");
  g_clear_pointer (&entries, g_ptr_array_unref);
  entries = acu_audit_list (store, today, today, 0, NULL, 0, 100, &error);
  ck_assert_uint_eq (entries->len, 12);
  g_clear_pointer (&entries, g_ptr_array_unref);
  entries = acu_audit_list (store, "2020-01-01", "2020-12-31", 0, NULL, 0, 100, &error);
  ck_assert_uint_eq (entries->len, 0);
  g_clear_pointer (&entries, g_ptr_array_unref);
  ck_assert_ptr_null (acu_audit_list (store, "2025-13-45", NULL, 0, NULL, 0, 100, &error));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* CSV: a header, one line per entry */
  ck_assert (acu_audit_export_csv (store, NULL, NULL, out, NULL, &error));
  ck_assert_ptr_null (error);
  ck_assert (g_output_stream_close (out, NULL, NULL));
  csv = g_strndup (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (out)),
                   g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (out)));
  ck_assert (g_str_has_suffix (csv, "\r\n"));
  lines = g_strsplit (csv, "\r\n", -1);
  /* 12 entries, the header, and the empty string after the last \r\n */
  ck_assert_uint_eq (g_strv_length (lines), 14);
  ck_assert_str_eq (lines[0], "\"Date\";\"Time\";\"Who\";\"What\";\"Record\"");
  ck_assert_str_eq (lines[13], "");
  for (guint i = 1; i <= 12; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], ";", -1);

      ck_assert_msg (g_strv_length (fields) == 5, "line %u: %s", i, lines[i]);
      ck_assert_msg (g_regex_match_simple ("^[0-9]{2}/[0-9]{2}/[0-9]{4}$", fields[0], 0, 0), "%s", fields[0]);
      ck_assert_msg (g_regex_match_simple ("^[0-9]{2}:[0-9]{2}:[0-9]{2}$", fields[1], 0, 0), "%s", fields[1]);
    }
  ck_assert (g_str_has_suffix (lines[1], ";\"Hélène Martin\";\"Households merged\";\"household no. 2\""));
  ck_assert (g_str_has_suffix (lines[3], ";\"Louise Dupré\";\"Desk locked\";\"\""));
  ck_assert (g_str_has_suffix (lines[5], ";\"Louise Dupré\";\"Visit logged\";\"visit no. 2\""));
  ck_assert (g_str_has_suffix (lines[12], ";\"Hélène Martin\";\"Opened the desk\";\"\""));

  /* The export is itself recorded */
  entries = audit_list (store, 0, NULL);
  ck_assert_uint_eq (entries->len, 13);
  assert_entry (entries, 0, "export", COORDINATOR, "audit 12");

  close_store (store);
}
END_TEST

START_TEST (test_audit_retention)
{
  AcuStore *store = create_store ();
  g_autoptr(GError) error = NULL;
  g_autofree char *old = NULL;
  g_autofree char *recent = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gint64 before;

  ck_assert_int_eq (acu_audit_get_retention_days (store), 365);
  ck_assert (!acu_audit_set_retention_days (store, 10, &error));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID);
  g_clear_error (&error);
  ck_assert (!acu_audit_set_retention_days (store, 29, &error));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID);
  g_clear_error (&error);
  ck_assert (!acu_audit_set_retention_days (store, 1099, &error));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID);
  g_clear_error (&error);
  ck_assert_int_eq (acu_audit_get_retention_days (store), 365);
  ck_assert_int_eq (count_audit (store, "audit-retention"), 0);

  ck_assert (acu_audit_set_retention_days (store, 30, &error));
  ck_assert_ptr_null (error);
  ck_assert_int_eq (acu_audit_get_retention_days (store), 30);
  ck_assert_int_eq (count_audit (store, "audit-retention"), 1);

  old = g_strdup_printf ("INSERT INTO audit (at, person_id, action, object) "
                         "VALUES (%" G_GINT64_FORMAT ", 1, 'visit-add', 'visit 99')", now - 40 * 86400);
  recent = g_strdup_printf ("INSERT INTO audit (at, person_id, action, object) "
                            "VALUES (%" G_GINT64_FORMAT ", 1, 'visit-add', 'visit 98')", now - 29 * 86400);
  exec_sql (store, old);
  exec_sql (store, recent);
  before = acu_test_query_int (store, "SELECT count(*) FROM audit");

  ck_assert_int_eq (acu_audit_purge (store, &error), 1);
  ck_assert_ptr_null (error);
  ck_assert_int_eq (acu_test_query_int (store, "SELECT count(*) FROM audit WHERE object = 'visit 99'"), 0);
  ck_assert_int_eq (acu_test_query_int (store, "SELECT count(*) FROM audit WHERE object = 'visit 98'"), 1);
  ck_assert_int_eq (acu_test_query_int (store, "SELECT count(*) FROM audit"), before - 1);
  /* Nothing more to purge */
  ck_assert_int_eq (acu_audit_purge (store, &error), 0);

  /* The setting is kept with the data */
  close_store (store);
  store = open_store (COORDINATOR, COORD_PASSWORD);
  ck_assert_int_eq (acu_audit_get_retention_days (store), 30);
  close_store (store);
}
END_TEST

START_TEST (test_audit_purge_on_open)
{
  AcuStore *store = create_store ();
  g_autofree char *old = NULL;
  g_autofree char *kept = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  /* The default retention: 365 days */
  old = g_strdup_printf ("INSERT INTO audit (at, person_id, action, object) "
                         "VALUES (%" G_GINT64_FORMAT ", 1, 'visit-add', 'visit 99')", now - 400 * 86400);
  kept = g_strdup_printf ("INSERT INTO audit (at, person_id, action, object) "
                          "VALUES (%" G_GINT64_FORMAT ", 1, 'visit-add', 'visit 98')", now - 300 * 86400);
  exec_sql (store, old);
  exec_sql (store, kept);
  ck_assert_int_eq (acu_test_query_int (store, "SELECT count(*) FROM audit WHERE object = 'visit 99'"), 1);
  close_store (store);

  store = open_store (COORDINATOR, COORD_PASSWORD);
  ck_assert_int_eq (acu_test_query_int (store, "SELECT count(*) FROM audit WHERE object = 'visit 99'"), 0);
  ck_assert_int_eq (acu_test_query_int (store, "SELECT count(*) FROM audit WHERE object = 'visit 98'"), 1);
  ck_assert_int_eq (count_audit (store, "desk-open"), 2);
  ck_assert_int_eq (count_audit (store, "desk-close"), 1);
  close_store (store);
}
END_TEST

/* 7. Role changes */

START_TEST (test_role_volunteer_to_staff_and_back)
{
  AcuStore *store = create_store ();
  AcuStore *other;
  g_autoptr(GError) error = NULL;
  g_autoptr(AcuDeskPerson) person = NULL;
  gint64 volunteer = add_desk_person (store, VOLUNTEER, ACU_ROLE_VOLUNTEER, PIN);
  gint64 people = acu_test_query_int (store, "SELECT count(*) FROM desk_person");

  /* Volunteer → staff: a password of the rule makes a key slot */
  ck_assert (!acu_desk_person_set_role (store, volunteer, ACU_ROLE_STAFF, "2580", &error));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_WEAK_PASSWORD);
  g_clear_error (&error);
  ck_assert (acu_desk_person_set_role (store, volunteer, ACU_ROLE_STAFF, NEW_PASSWORD, &error));
  ck_assert_ptr_null (error);
  person = acu_desk_person_get (store, volunteer, &error);
  ck_assert_int_eq (person->id, volunteer);
  ck_assert_str_eq (person->name, VOLUNTEER);
  ck_assert_int_eq (person->role, ACU_ROLE_STAFF);
  ck_assert (person->active);
  ck_assert (person->has_password);
  ck_assert (!person->has_pin);
  ck_assert_uint_gt (person->slot_id, 0);
  g_clear_pointer (&person, acu_desk_person_free);
  ck_assert_int_eq (acu_test_query_int (store, "SELECT count(*) FROM desk_person"), people);
  ck_assert_int_eq (count_audit (store, "user-role"), 1);

  other = open_store (VOLUNTEER, NEW_PASSWORD);
  ck_assert_int_eq (acu_store_get_person_id (other), volunteer);
  ck_assert_int_eq (acu_store_get_role (other), ACU_ROLE_STAFF);
  ck_assert (acu_store_has_confidential_key (other));
  close_store (other);

  /* The PIN went with the old role */
  ck_assert (!acu_store_identify_with_pin (store, volunteer, PIN, &error));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID);
  g_clear_error (&error);
  identify_password (store, volunteer, NEW_PASSWORD);
  ck_assert_int_eq (acu_store_get_role (store), ACU_ROLE_STAFF);
  ck_assert_ptr_nonnull (acu_store_peek_confidential_key (store));

  /* Staff may not change roles */
  ck_assert (!acu_desk_person_set_role (store, COORDINATOR_ID, ACU_ROLE_STAFF, NULL, &error));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_FORBIDDEN);
  g_clear_error (&error);

  /* Staff → volunteer: the key slot goes, a PIN comes */
  identify_password (store, COORDINATOR_ID, COORD_PASSWORD);
  ck_assert (!acu_desk_person_set_role (store, volunteer, ACU_ROLE_VOLUNTEER, "1111", &error));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_WEAK_PASSWORD);
  g_clear_error (&error);
  close_store (open_store (VOLUNTEER, NEW_PASSWORD));
  ck_assert (acu_desk_person_set_role (store, volunteer, ACU_ROLE_VOLUNTEER, NEW_PIN, &error));
  ck_assert_ptr_null (error);
  person = acu_desk_person_get (store, volunteer, &error);
  ck_assert_int_eq (person->id, volunteer);
  ck_assert_int_eq (person->role, ACU_ROLE_VOLUNTEER);
  ck_assert (person->active);
  ck_assert (!person->has_password);
  ck_assert (person->has_pin);
  g_clear_pointer (&person, acu_desk_person_free);
  ck_assert_int_eq (acu_test_query_int (store, "SELECT count(*) FROM desk_person"), people);
  ck_assert_int_eq (count_audit (store, "user-role"), 2);

  assert_open_fails (VOLUNTEER, NEW_PASSWORD, ACU_STORE_ERROR_WRONG_PASSWORD);
  ck_assert (!acu_store_identify_with_password (store, volunteer, NEW_PASSWORD, &error));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID);
  g_clear_error (&error);
  identify_pin (store, volunteer, NEW_PIN);
  ck_assert_int_eq (acu_store_get_role (store), ACU_ROLE_VOLUNTEER);
  ck_assert_str_eq (acu_store_get_person_name (store), VOLUNTEER);
  ck_assert_ptr_null (acu_store_peek_confidential_key (store));

  close_store (store);
}
END_TEST

START_TEST (test_role_staff_to_coordinator)
{
  AcuStore *store = create_store ();
  AcuStore *other;
  g_autoptr(GError) error = NULL;
  g_autoptr(AcuDeskPerson) before = NULL;
  g_autoptr(AcuDeskPerson) after = NULL;
  gint64 staff = add_desk_person (store, STAFF, ACU_ROLE_STAFF, STAFF_PASSWORD);

  before = acu_desk_person_get (store, staff, &error);
  ck_assert (acu_desk_person_set_role (store, staff, ACU_ROLE_COORDINATOR, NULL, &error));
  ck_assert_ptr_null (error);
  after = acu_desk_person_get (store, staff, &error);
  ck_assert_int_eq (after->role, ACU_ROLE_COORDINATOR);
  ck_assert_uint_eq (after->slot_id, before->slot_id);

  /* The role the database holds is the one that counts */
  other = open_store (STAFF, STAFF_PASSWORD);
  ck_assert_int_eq (acu_store_get_role (other), ACU_ROLE_COORDINATOR);
  close_store (other);
  identify_password (store, staff, STAFF_PASSWORD);
  ck_assert_int_eq (acu_store_get_role (store), ACU_ROLE_COORDINATOR);

  /* Not one's own role */
  ck_assert (!acu_desk_person_set_role (store, staff, ACU_ROLE_STAFF, NULL, &error));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* The new coordinator changes the first one's role */
  ck_assert (acu_desk_person_set_role (store, COORDINATOR_ID, ACU_ROLE_STAFF, NULL, &error));
  ck_assert_ptr_null (error);
  other = open_store (COORDINATOR, COORD_PASSWORD);
  ck_assert_int_eq (acu_store_get_role (other), ACU_ROLE_STAFF);
  close_store (other);

  close_store (store);
}
END_TEST

static Suite *
access_suite (void)
{
  Suite *suite = suite_create ("access");
  TCase *tc;

  tc = acu_test_tcase_new ("roles", acu_test_db_setup, acu_test_db_teardown);
  tcase_add_loop_test (tc, test_role_matrix, 0, G_N_ELEMENTS (role_matrix));
  tcase_add_test (tc, test_nobody_identified);
  suite_add_tcase (suite, tc);

  tc = acu_test_tcase_new ("confidential", acu_test_db_setup, acu_test_db_teardown);
  tcase_add_test (tc, test_confidential_sealed);
  suite_add_tcase (suite, tc);

  tc = acu_test_tcase_new ("pin", acu_test_db_setup, acu_test_db_teardown);
  tcase_add_test (tc, test_pin_identify);
  tcase_add_test (tc, test_pin_lockout);
  tcase_add_test (tc, test_pin_rules);
  tcase_add_test (tc, test_pin_change);
  suite_add_tcase (suite, tc);

  tc = acu_test_tcase_new ("deactivation", acu_test_db_setup, acu_test_db_teardown);
  tcase_add_test (tc, test_deactivate_staff);
  tcase_add_test (tc, test_deactivate_volunteer);
  suite_add_tcase (suite, tc);

  tc = acu_test_tcase_new ("idle-lock", acu_test_db_setup, acu_test_db_teardown);
  tcase_add_test (tc, test_idle_lock_wipes_keys);
  suite_add_tcase (suite, tc);

  tc = acu_test_tcase_new ("audit", acu_test_db_setup, acu_test_db_teardown);
  tcase_add_test (tc, test_audit_actions);
  tcase_add_test (tc, test_writes_tell_their_area);
  tcase_add_test (tc, test_audit_retention);
  tcase_add_test (tc, test_audit_purge_on_open);
  suite_add_tcase (suite, tc);

  tc = acu_test_tcase_new ("role-changes", acu_test_db_setup, acu_test_db_teardown);
  tcase_add_test (tc, test_role_volunteer_to_staff_and_back);
  tcase_add_test (tc, test_role_staff_to_coordinator);
  suite_add_tcase (suite, tc);

  return suite;
}

int
main (void)
{
  acu_test_use_fast_kdf ();

  return acu_test_run (access_suite ());
}
