/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "acu-visits"

#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>

#include "acu-audit.h"
#include "acu-catalogue.h"
#include "acu-date.h"
#include "acu-sql-private.h"
#include "acu-visits-private.h"
#include "acu-store-private.h"
#include "acu-visits.h"

/* The audit log's actions of this area (acu-audit.h) */
static const AcuAuditAction visits_actions[] = {
  { "visit-add", N_("Visit logged"), ACU_AREA_VISITS },
  { "visit-edit", N_("Visit changed"), ACU_AREA_VISITS },
  { "visit-delete", N_("Visit deleted"), ACU_AREA_VISITS },
  { "visit-restore", N_("Deleted visit restored"), ACU_AREA_VISITS },
};

const AcuAuditActions acu_audit_visits_actions = ACU_AUDIT_ACTIONS (visits_actions);

#define MAX_NOTE_LENGTH 500

struct _AcuVisit
{
  GObject        parent_instance;

  gint64         id;
  char          *day;
  char          *time;
  gint64         person_id;
  char          *person_name;
  gint64         household_id;
  GArray        *reason_ids;
  char          *reasons_label;
  gint64         referral_id;
  char          *referral_label;
  char          *note;
  gint64         logged_by_id;
  char          *logged_by;
  AcuGender      anon_gender;
  AcuAgeBracket  anon_age;
  gint64         anon_commune_id;
  gint64         created_at;
};

G_DEFINE_FINAL_TYPE (AcuVisit, acu_visit, G_TYPE_OBJECT)

/* Its read-only properties, for lists bound in .ui files */
enum
{
  VISIT_PROP_0,
  VISIT_PROP_ID,
  VISIT_PROP_DAY,
  VISIT_PROP_TIME,
  VISIT_PROP_PERSON_ID,
  VISIT_PROP_PERSON_NAME,
  VISIT_PROP_HOUSEHOLD_ID,
  VISIT_PROP_REASONS_LABEL,
  VISIT_PROP_REFERRAL_ID,
  VISIT_PROP_REFERRAL_LABEL,
  VISIT_PROP_NOTE,
  VISIT_PROP_LOGGED_BY,
  VISIT_PROP_ANON_GENDER,
  VISIT_PROP_ANON_AGE,
  VISIT_PROP_ANON_COMMUNE_ID,
  VISIT_N_PROPS
};

static GParamSpec *visit_props[VISIT_N_PROPS];

#define VISIT_COLUMNS \
  "v.id, v.day, v.time, v.person_id, p.first_name, p.last_name, p.household_id, v.referral_id, " \
  "rp.code, rp.label, v.note, v.logged_by, dp.display_name, v.anon_gender, v.anon_age, " \
  "v.anon_commune_id, v.created_at"
#define VISIT_JOINS \
  " LEFT JOIN person p ON p.id = v.person_id" \
  " LEFT JOIN referral_partner rp ON rp.id = v.referral_id" \
  " LEFT JOIN desk_person dp ON dp.id = v.logged_by"

/* Age brackets */

static const struct
{
  const char *code;
  const char *label;
} age_brackets[ACU_N_AGE_BRACKETS] = {
  { NULL, N_("Not stated") },
  { "0-3", N_("0 to 3 years") },
  { "4-14", N_("4 to 14 years") },
  { "15-17", N_("15 to 17 years") },
  { "18-29", N_("18 to 29 years") },
  { "30-54", N_("30 to 54 years") },
  { "55-64", N_("55 to 64 years") },
  { "65+", N_("65 and over") },
};

G_DEFINE_ENUM_TYPE (AcuAgeBracket, acu_age_bracket,
                    G_DEFINE_ENUM_VALUE (ACU_AGE_NOT_STATED, "not-stated"),
                    G_DEFINE_ENUM_VALUE (ACU_AGE_0_3, "0-3"),
                    G_DEFINE_ENUM_VALUE (ACU_AGE_4_14, "4-14"),
                    G_DEFINE_ENUM_VALUE (ACU_AGE_15_17, "15-17"),
                    G_DEFINE_ENUM_VALUE (ACU_AGE_18_29, "18-29"),
                    G_DEFINE_ENUM_VALUE (ACU_AGE_30_54, "30-54"),
                    G_DEFINE_ENUM_VALUE (ACU_AGE_55_64, "55-64"),
                    G_DEFINE_ENUM_VALUE (ACU_AGE_65_PLUS, "65-plus"))

const char *
acu_age_bracket_to_string (AcuAgeBracket bracket)
{
  g_return_val_if_fail (bracket < ACU_N_AGE_BRACKETS, NULL);
  return age_brackets[bracket].code;
}

AcuAgeBracket
acu_age_bracket_from_string (const char *text)
{
  for (guint i = 1; i < ACU_N_AGE_BRACKETS; i++)
    if (g_strcmp0 (text, age_brackets[i].code) == 0)
      return i;
  return ACU_AGE_NOT_STATED;
}

AcuAgeBracket
acu_age_bracket_for_age (int age)
{
  if (age < 0)
    return ACU_AGE_NOT_STATED;
  if (age <= 3)
    return ACU_AGE_0_3;
  if (age <= 14)
    return ACU_AGE_4_14;
  if (age <= 17)
    return ACU_AGE_15_17;
  if (age <= 29)
    return ACU_AGE_18_29;
  if (age <= 54)
    return ACU_AGE_30_54;
  if (age <= 64)
    return ACU_AGE_55_64;
  return ACU_AGE_65_PLUS;
}

const char *
acu_age_bracket_get_label (AcuAgeBracket bracket)
{
  g_return_val_if_fail (bracket < ACU_N_AGE_BRACKETS, NULL);
  return _(age_brackets[bracket].label);
}

/* AcuVisit */

static void
acu_visit_finalize (GObject *object)
{
  AcuVisit *self = ACU_VISIT (object);

  g_free (self->day);
  g_free (self->time);
  g_free (self->person_name);
  g_clear_pointer (&self->reason_ids, g_array_unref);
  g_free (self->reasons_label);
  g_free (self->referral_label);
  g_free (self->note);
  g_free (self->logged_by);
  G_OBJECT_CLASS (acu_visit_parent_class)->finalize (object);
}

static void
acu_visit_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  AcuVisit *self = ACU_VISIT (object);

  switch (prop_id)
    {
    case VISIT_PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case VISIT_PROP_DAY:
      g_value_set_string (value, self->day);
      break;
    case VISIT_PROP_TIME:
      g_value_set_string (value, self->time);
      break;
    case VISIT_PROP_PERSON_ID:
      g_value_set_int64 (value, self->person_id);
      break;
    case VISIT_PROP_PERSON_NAME:
      g_value_set_string (value, self->person_name);
      break;
    case VISIT_PROP_HOUSEHOLD_ID:
      g_value_set_int64 (value, self->household_id);
      break;
    case VISIT_PROP_REASONS_LABEL:
      g_value_set_string (value, self->reasons_label);
      break;
    case VISIT_PROP_REFERRAL_ID:
      g_value_set_int64 (value, self->referral_id);
      break;
    case VISIT_PROP_REFERRAL_LABEL:
      g_value_set_string (value, self->referral_label);
      break;
    case VISIT_PROP_NOTE:
      g_value_set_string (value, self->note);
      break;
    case VISIT_PROP_LOGGED_BY:
      g_value_set_string (value, self->logged_by);
      break;
    case VISIT_PROP_ANON_GENDER:
      g_value_set_enum (value, self->anon_gender);
      break;
    case VISIT_PROP_ANON_AGE:
      g_value_set_enum (value, self->anon_age);
      break;
    case VISIT_PROP_ANON_COMMUNE_ID:
      g_value_set_int64 (value, self->anon_commune_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
acu_visit_class_init (AcuVisitClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = acu_visit_finalize;
  object_class->get_property = acu_visit_get_property;

  visit_props[VISIT_PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  /* "YYYY-MM-DD" */
  visit_props[VISIT_PROP_DAY] =
    g_param_spec_string ("day", NULL, NULL, NULL, flags);
  /* "HH:MM" */
  visit_props[VISIT_PROP_TIME] =
    g_param_spec_string ("time", NULL, NULL, NULL, flags);
  /* 0: an anonymous visit */
  visit_props[VISIT_PROP_PERSON_ID] =
    g_param_spec_int64 ("person-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  /* "Jean DUPUIS", NULL for an anonymous visit */
  visit_props[VISIT_PROP_PERSON_NAME] =
    g_param_spec_string ("person-name", NULL, NULL, NULL, flags);
  visit_props[VISIT_PROP_HOUSEHOLD_ID] =
    g_param_spec_int64 ("household-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  /* "Food aid, Digital help", in the reader's language */
  visit_props[VISIT_PROP_REASONS_LABEL] =
    g_param_spec_string ("reasons-label", NULL, NULL, NULL, flags);
  visit_props[VISIT_PROP_REFERRAL_ID] =
    g_param_spec_int64 ("referral-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  /* NULL: not referred */
  visit_props[VISIT_PROP_REFERRAL_LABEL] =
    g_param_spec_string ("referral-label", NULL, NULL, NULL, flags);
  visit_props[VISIT_PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL, NULL, flags);
  /* the name of who logged it at the desk */
  visit_props[VISIT_PROP_LOGGED_BY] =
    g_param_spec_string ("logged-by", NULL, NULL, NULL, flags);
  /* anonymous visits only */
  visit_props[VISIT_PROP_ANON_GENDER] =
    g_param_spec_enum ("anon-gender", NULL, NULL, ACU_TYPE_GENDER, ACU_GENDER_NOT_STATED, flags);
  visit_props[VISIT_PROP_ANON_AGE] =
    g_param_spec_enum ("anon-age", NULL, NULL, ACU_TYPE_AGE_BRACKET, ACU_AGE_NOT_STATED, flags);
  visit_props[VISIT_PROP_ANON_COMMUNE_ID] =
    g_param_spec_int64 ("anon-commune-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  g_object_class_install_properties (object_class, VISIT_N_PROPS, visit_props);
}

static void
acu_visit_init (AcuVisit *self)
{
  self->reason_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
}

gint64 acu_visit_get_id (AcuVisit *self) { return self->id; }
const char *acu_visit_get_day (AcuVisit *self) { return self->day; }
const char *acu_visit_get_time (AcuVisit *self) { return self->time; }
gint64 acu_visit_get_person_id (AcuVisit *self) { return self->person_id; }
/* NULL for an anonymous visit */
const char *acu_visit_get_person_name (AcuVisit *self) { return self->person_name; }
gint64 acu_visit_get_household_id (AcuVisit *self) { return self->household_id; }
const char *acu_visit_get_reasons_label (AcuVisit *self) { return self->reasons_label; }
gint64 acu_visit_get_referral_id (AcuVisit *self) { return self->referral_id; }
const char *acu_visit_get_referral_label (AcuVisit *self) { return self->referral_label; }
const char *acu_visit_get_note (AcuVisit *self) { return self->note; }
const char *acu_visit_get_logged_by (AcuVisit *self) { return self->logged_by; }
AcuGender acu_visit_get_anon_gender (AcuVisit *self) { return self->anon_gender; }
AcuAgeBracket acu_visit_get_anon_age (AcuVisit *self) { return self->anon_age; }
gint64 acu_visit_get_anon_commune_id (AcuVisit *self) { return self->anon_commune_id; }

const gint64 *
acu_visit_get_reason_ids (AcuVisit *self,
                          guint    *n_reasons)
{
  g_return_val_if_fail (ACU_IS_VISIT (self), NULL);
  if (n_reasons != NULL)
    *n_reasons = self->reason_ids->len;
  return (const gint64 *) (gpointer) self->reason_ids->data;
}

void
acu_reason_count_free (AcuReasonCount *count)
{
  if (count == NULL)
    return;
  g_free (count->label);
  g_free (count);
}

static AcuVisit *
visit_from_row (sqlite3_stmt *stmt)
{
  AcuVisit *self = g_object_new (ACU_TYPE_VISIT, NULL);
  const char *first = (const char *) sqlite3_column_text (stmt, 4);
  const char *last = (const char *) sqlite3_column_text (stmt, 5);
  const char *code = (const char *) sqlite3_column_text (stmt, 8);
  const char *label = (const char *) sqlite3_column_text (stmt, 9);

  self->id = sqlite3_column_int64 (stmt, 0);
  self->day = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  self->time = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  self->person_id = sqlite3_column_int64 (stmt, 3);
  if (self->person_id != 0 && first != NULL && last != NULL)
    {
      g_autofree char *upper = g_utf8_strup (last, -1);

      self->person_name = g_strdup_printf ("%s %s", first, upper);
    }
  self->household_id = sqlite3_column_int64 (stmt, 6);
  self->referral_id = sqlite3_column_int64 (stmt, 7);
  if (self->referral_id != 0)
    self->referral_label = g_strdup (label ? label : acu_catalogue_default_label (ACU_CATALOGUE_PARTNER, code));
  self->note = g_strdup ((const char *) sqlite3_column_text (stmt, 10));
  self->logged_by_id = sqlite3_column_int64 (stmt, 11);
  self->logged_by = g_strdup ((const char *) sqlite3_column_text (stmt, 12));
  self->anon_gender = acu_gender_from_string ((const char *) sqlite3_column_text (stmt, 13));
  self->anon_age = acu_age_bracket_from_string ((const char *) sqlite3_column_text (stmt, 14));
  self->anon_commune_id = sqlite3_column_int64 (stmt, 15);
  self->created_at = sqlite3_column_int64 (stmt, 16);
  return self;
}

static gboolean
load_reasons (AcuStore  *store,
              AcuVisit  *visit,
              GError   **error)
{
  g_autoptr(GString) labels = g_string_new (NULL);
  sqlite3_stmt *stmt;
  int rc;

  stmt = acu_store_prepare (store,
                            "SELECT r.id, r.code, r.label FROM visit_reason vr JOIN reason r ON r.id = vr.reason_id "
                            "WHERE vr.visit_id = :id ORDER BY r.position, r.id", error);
  if (stmt == NULL)
    return FALSE;
  acu_sql_bind_int64 (stmt, ":id", visit->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      const char *code = (const char *) sqlite3_column_text (stmt, 1);
      const char *label = (const char *) sqlite3_column_text (stmt, 2);

      g_array_append_val (visit->reason_ids, id);
      if (labels->len > 0)
        g_string_append (labels, ", ");
      g_string_append (labels, label ? label : acu_catalogue_default_label (ACU_CATALOGUE_REASON, code));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      acu_store_set_sqlite_error (store, error);
      return FALSE;
    }
  visit->reasons_label = g_string_free (g_steal_pointer (&labels), FALSE);
  return TRUE;
}

static GPtrArray *
collect_visits (AcuStore      *store,
                sqlite3_stmt  *stmt,
                GError       **error)
{
  g_autoptr(GPtrArray) visits = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (visits, visit_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      acu_store_set_sqlite_error (store, error);
      return NULL;
    }
  for (guint i = 0; i < visits->len; i++)
    if (!load_reasons (store, g_ptr_array_index (visits, i), error))
      return NULL;
  return g_steal_pointer (&visits);
}

/* Validation */

typedef struct
{
  char  *day;
  char  *time;
  char  *note;
} CleanVisit;

static void
clean_visit_clear (CleanVisit *clean)
{
  g_free (clean->day);
  g_free (clean->time);
  g_free (clean->note);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CleanVisit, clean_visit_clear)

static gboolean
valid_time (const char *text)
{
  unsigned hours, minutes;
  char tail;

  return text != NULL && strlen (text) == 5 && text[2] == ':'
         && g_ascii_isdigit (text[0]) && g_ascii_isdigit (text[1])
         && g_ascii_isdigit (text[3]) && g_ascii_isdigit (text[4])
         && sscanf (text, "%2u:%2u%c", &hours, &minutes, &tail) == 2
         && hours < 24 && minutes < 60;
}

static gboolean
person_exists (AcuStore  *store,
               gint64     person_id,
               GError   **error)
{
  g_autoptr(AcuPerson) person = acu_person_get (store, person_id, error);

  return person != NULL;
}

static gboolean
clean_visit (AcuStore             *store,
             const AcuVisitDraft  *draft,
             CleanVisit           *clean,
             GError              **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  memset (clean, 0, sizeof *clean);
  clean->day = g_strdup (draft->day ? draft->day : today);
  clean->time = draft->time ? g_strdup (draft->time) : g_date_time_format (now, "%H:%M");

  if (!acu_date_parse (clean->day, NULL))
    {
      g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID,
                           _("The day of the visit is not a date."));
      return FALSE;
    }
  if (strcmp (clean->day, today) > 0)
    {
      g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID,
                           _("The day of the visit is in the future. Check it."));
      return FALSE;
    }
  if (!valid_time (clean->time))
    {
      g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID,
                           _("The time of the visit is not a time. Type it as 14:30."));
      return FALSE;
    }
  if (draft->n_reasons == 0)
    {
      g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID,
                           _("Choose at least one reason for the visit."));
      return FALSE;
    }
  for (guint i = 0; i < draft->n_reasons; i++)
    if (!acu_catalogue_exists (store, ACU_CATALOGUE_REASON, draft->reason_ids[i], error))
      return FALSE;
  if (draft->referral_id != 0
      && !acu_catalogue_exists (store, ACU_CATALOGUE_PARTNER, draft->referral_id, error))
    return FALSE;
  if (draft->person_id != 0 && !person_exists (store, draft->person_id, error))
    return FALSE;
  if (draft->person_id == 0)
    {
      if (draft->anon_gender > ACU_GENDER_OTHER || draft->anon_age >= ACU_N_AGE_BRACKETS)
        {
          g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID,
                               _("Choose the gender and the age from their lists."));
          return FALSE;
        }
      if (draft->anon_commune_id != 0
          && !acu_catalogue_exists (store, ACU_CATALOGUE_COMMUNE, draft->anon_commune_id, error))
        return FALSE;
    }
  if (draft->note != NULL)
    {
      if (!g_utf8_validate (draft->note, -1, NULL))
        {
          g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID,
                               _("The text contains characters that are not valid. Type it again."));
          return FALSE;
        }
      clean->note = g_utf8_normalize (draft->note, -1, G_NORMALIZE_NFC);
      g_strstrip (clean->note);
      if (*clean->note == '\0')
        g_clear_pointer (&clean->note, g_free);
      else if (g_utf8_strlen (clean->note, -1) > MAX_NOTE_LENGTH)
        {
          g_set_error (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID,
                       _("The note is too long: %d characters at most."), MAX_NOTE_LENGTH);
          return FALSE;
        }
    }
  return TRUE;
}

/* Writing */

static gboolean
write_reasons (AcuStore      *store,
               gint64         visit_id,
               const gint64  *reason_ids,
               guint          n_reasons,
               gboolean       replace,
               GError       **error)
{
  sqlite3_stmt *stmt;

  if (replace && !acu_sql_run_for_id (store, "DELETE FROM visit_reason WHERE visit_id = :id", visit_id, error))
    return FALSE;

  stmt = acu_store_prepare (store,
                            "INSERT OR IGNORE INTO visit_reason (visit_id, reason_id, day) "
                            "VALUES (:visit, :reason, (SELECT day FROM visit WHERE id = :visit))", error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < n_reasons; i++)
    {
      acu_sql_bind_int64 (stmt, ":visit", visit_id);
      acu_sql_bind_int64 (stmt, ":reason", reason_ids[i]);
      if (!acu_store_step_done (store, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* The fields a visit's insert and its update both write, bound by this
 * one function so that the two statements cannot drift apart */
static void
bind_visit_fields (sqlite3_stmt         *stmt,
                   const AcuVisitDraft  *draft,
                   const char           *time,
                   const char           *note,
                   gint64                now)
{
  gboolean anonymous = draft->person_id == 0;

  acu_sql_bind_text (stmt, ":time", time);
  acu_sql_bind_id (stmt, ":person", draft->person_id);
  acu_sql_bind_text (stmt, ":gender", anonymous ? acu_gender_to_string (draft->anon_gender) : NULL);
  acu_sql_bind_text (stmt, ":age", anonymous ? acu_age_bracket_to_string (draft->anon_age) : NULL);
  acu_sql_bind_id (stmt, ":commune", anonymous ? draft->anon_commune_id : 0);
  acu_sql_bind_id (stmt, ":referral", draft->referral_id);
  acu_sql_bind_text (stmt, ":note", note);
  acu_sql_bind_int64 (stmt, ":now", now);
}

/* @id 0 gives the visit a new number */
static gint64
insert_visit (AcuStore             *store,
              gint64                id,
              const char           *day,
              const char           *time,
              const AcuVisitDraft  *draft,
              const char           *note,
              gint64                logged_by,
              gint64                created_at,
              gint64                now,
              GError              **error)
{
  sqlite3_stmt *stmt;

  stmt = acu_store_prepare (store,
                            "INSERT INTO visit (id, day, time, person_id, anon_gender, anon_age, anon_commune_id, "
                            "referral_id, note, logged_by, created_at, updated_at) "
                            "VALUES (:id, :day, :time, :person, :gender, :age, :commune, :referral, :note, "
                            ":by, :created, :now)", error);
  if (stmt == NULL)
    return 0;
  acu_sql_bind_id (stmt, ":id", id);
  acu_sql_bind_text (stmt, ":day", day);
  bind_visit_fields (stmt, draft, time, note, now);
  acu_sql_bind_id (stmt, ":by", logged_by);
  acu_sql_bind_int64 (stmt, ":created", created_at);
  if (!acu_store_step_done (store, stmt, error))
    return 0;
  id = sqlite3_last_insert_rowid (acu_store_get_db (store));
  if (!write_reasons (store, id, draft->reason_ids, draft->n_reasons, FALSE, error))
    return 0;
  return id;
}

static gboolean
update_visit (AcuStore             *store,
              gint64                id,
              const AcuVisitDraft  *draft,
              const CleanVisit     *clean,
              GError              **error)
{
  sqlite3_stmt *stmt;

  stmt = acu_store_prepare (store,
                            "UPDATE visit SET time = :time, person_id = :person, anon_gender = :gender, "
                            "anon_age = :age, anon_commune_id = :commune, referral_id = :referral, "
                            "note = :note, updated_at = :now WHERE id = :id", error);
  if (stmt == NULL)
    return FALSE;
  acu_sql_bind_int64 (stmt, ":id", id);
  bind_visit_fields (stmt, draft, clean->time, clean->note, g_get_real_time () / G_USEC_PER_SEC);
  return acu_store_step_done (store, stmt, error)
         && write_reasons (store, id, draft->reason_ids, draft->n_reasons, TRUE, error);
}

gint64
acu_visit_insert_unchecked (AcuStore             *store,
                            const AcuVisitDraft  *draft,
                            gint64                logged_by,
                            gint64                now,
                            GError              **error)
{
  return insert_visit (store, 0, draft->day, draft->time, draft, draft->note, logged_by, now, now, error);
}

/* Logs a visit, by the person identified at the desk. One transaction:
 * the visit and its reasons are all written, or nothing is. */
gint64
acu_visit_log (AcuStore             *store,
               const AcuVisitDraft  *draft,
               GError              **error)
{
  g_auto(CleanVisit) clean = { 0 };
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gint64 id;
  gboolean ok;

  g_return_val_if_fail (ACU_IS_STORE (store), 0);
  g_return_val_if_fail (draft != NULL, 0);

  if (!acu_store_require_role (store, ACU_ROLE_VOLUNTEER, error)
      || !clean_visit (store, draft, &clean, error)
      || !acu_store_begin (store, error))
    return 0;
  id = insert_visit (store, 0, clean.day, clean.time, draft, clean.note,
                     acu_store_get_person_id (store), now, now, error);
  ok = id != 0 && acu_audit_record (store, "visit-add", "visit", id, error);
  return acu_sql_finish (store, ok, error) ? id : 0;
}

AcuVisit *
acu_visit_get (AcuStore  *store,
               gint64     visit_id,
               GError   **error)
{
  g_autoptr(GPtrArray) visits = NULL;
  sqlite3_stmt *stmt;

  if (!acu_store_require_role (store, ACU_ROLE_VOLUNTEER, error))
    return NULL;
  stmt = acu_store_prepare (store, "SELECT " VISIT_COLUMNS " FROM visit v" VISIT_JOINS " WHERE v.id = :id", error);
  if (stmt == NULL)
    return NULL;
  acu_sql_bind_int64 (stmt, ":id", visit_id);
  visits = collect_visits (store, stmt, error);
  if (visits == NULL)
    return NULL;
  if (visits->len == 0)
    {
      g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_NO_RECORD,
                           _("This visit is no longer in the log."));
      return NULL;
    }
  return g_object_ref (g_ptr_array_index (visits, 0));
}

/* Past days are closed: only a visit of today may change */
static AcuVisit *
get_changeable (AcuStore  *store,
                gint64     visit_id,
                GError   **error)
{
  g_autoptr(AcuVisit) visit = NULL;
  g_autofree char *today = acu_date_today ();

  if (!acu_store_require_role (store, ACU_ROLE_VOLUNTEER, error)
      || (visit = acu_visit_get (store, visit_id, error)) == NULL)
    return NULL;
  if (!g_str_equal (visit->day, today))
    {
      g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_FORBIDDEN,
                           _("Only the visits of today can be changed or deleted."));
      return NULL;
    }
  return g_steal_pointer (&visit);
}

/* Changes a visit of today: who, reasons, referral, note, time. Its day
 * stays; the draft's day is ignored. */
gboolean
acu_visit_update (AcuStore             *store,
                  gint64                visit_id,
                  const AcuVisitDraft  *draft,
                  GError              **error)
{
  g_autoptr(AcuVisit) visit = NULL;
  g_auto(CleanVisit) clean = { 0 };
  AcuVisitDraft adjusted;
  gboolean ok;

  if ((visit = get_changeable (store, visit_id, error)) == NULL)
    return FALSE;
  adjusted = *draft;
  adjusted.day = visit->day;
  if (adjusted.time == NULL)
    adjusted.time = visit->time;
  if (!clean_visit (store, &adjusted, &clean, error) || !acu_store_begin (store, error))
    return FALSE;
  ok = update_visit (store, visit_id, &adjusted, &clean, error)
       && acu_audit_record (store, "visit-edit", "visit", visit_id, error);
  return acu_sql_finish (store, ok, error);
}

gboolean
acu_visit_delete (AcuStore  *store,
                  gint64     visit_id,
                  GError   **error)
{
  g_autoptr(AcuVisit) visit = NULL;
  gboolean ok;

  if ((visit = get_changeable (store, visit_id, error)) == NULL || !acu_store_begin (store, error))
    return FALSE;
  /* visit_reason rows go with it (ON DELETE CASCADE) */
  ok = acu_sql_run_for_id (store, "DELETE FROM visit WHERE id = :id", visit_id, error)
       && acu_audit_record (store, "visit-delete", "visit", visit_id, error);
  return acu_sql_finish (store, ok, error);
}

/* A deleted visit written again as it was, with its number */
static gboolean
insert_again (AcuStore  *store,
              AcuVisit  *visit,
              GError   **error)
{
  AcuVisitDraft draft = {
    .day = visit->day,
    .time = visit->time,
    .person_id = visit->person_id,
    .reason_ids = (const gint64 *) (gpointer) visit->reason_ids->data,
    .n_reasons = visit->reason_ids->len,
    .referral_id = visit->referral_id,
    .note = visit->note,
    .anon_gender = visit->anon_gender,
    .anon_age = visit->anon_age,
    .anon_commune_id = visit->anon_commune_id,
  };

  return insert_visit (store, visit->id, visit->day, visit->time, &draft, visit->note,
                       visit->logged_by_id, visit->created_at,
                       g_get_real_time () / G_USEC_PER_SEC, error) != 0;
}

/* Undoes a delete: the visit comes back as it was, with its number */
gboolean
acu_visit_restore (AcuStore  *store,
                   AcuVisit  *visit,
                   GError   **error)
{
  gboolean ok;

  g_return_val_if_fail (ACU_IS_VISIT (visit), FALSE);

  if (!acu_store_require_role (store, ACU_ROLE_VOLUNTEER, error) || !acu_store_begin (store, error))
    return FALSE;
  ok = insert_again (store, visit, error)
       && acu_audit_record (store, "visit-restore", "visit", visit->id, error);
  return acu_sql_finish (store, ok, error);
}

/* Reading */

/* A day's visits, latest first: at most a few hundred */
GPtrArray *
acu_visit_list_day (AcuStore    *store,
                    const char  *day,
                    GError     **error)
{
  sqlite3_stmt *stmt;

  if (!acu_store_require_role (store, ACU_ROLE_VOLUNTEER, error))
    return NULL;
  stmt = acu_store_prepare (store,
                            "SELECT " VISIT_COLUMNS " FROM visit v" VISIT_JOINS
                            " WHERE v.day = :day ORDER BY v.time DESC, v.id DESC", error);
  if (stmt == NULL)
    return NULL;
  acu_sql_bind_text (stmt, ":day", day);
  return collect_visits (store, stmt, error);
}

/* A page of a household's visits (by any of its present members), latest first */
GPtrArray *
acu_visit_list_household (AcuStore  *store,
                          gint64     household_id,
                          guint      offset,
                          guint      limit,
                          GError   **error)
{
  sqlite3_stmt *stmt;

  if (!acu_store_require_role (store, ACU_ROLE_VOLUNTEER, error))
    return NULL;
  stmt = acu_store_prepare (store,
                            "SELECT " VISIT_COLUMNS " FROM person m CROSS JOIN visit v ON v.person_id = m.id"
                            VISIT_JOINS " WHERE m.household_id = :household "
                            "ORDER BY v.day DESC, v.time DESC, v.id DESC LIMIT :limit OFFSET :offset", error);
  if (stmt == NULL)
    return NULL;
  acu_sql_bind_int64 (stmt, ":household", household_id);
  acu_sql_bind_int (stmt, ":limit", limit);
  acu_sql_bind_int (stmt, ":offset", offset);
  return collect_visits (store, stmt, error);
}

/* The day of a person's last visit, or NULL if they never came */
char *
acu_visit_get_last_day (AcuStore  *store,
                        gint64     person_id,
                        GError   **error)
{
  sqlite3_stmt *stmt;
  char *day = NULL;

  if (!acu_store_require_role (store, ACU_ROLE_VOLUNTEER, error))
    return NULL;
  stmt = acu_store_prepare (store, "SELECT max (day) FROM visit WHERE person_id = :id", error);
  if (stmt == NULL)
    return NULL;
  acu_sql_bind_int64 (stmt, ":id", person_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    day = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return day;
}

/* Today's counters are for everyone at the desk; figures over other
 * days are the activity summary's, for coordinators */
static gboolean
require_counts_role (AcuStore    *store,
                     const char  *from,
                     const char  *to,
                     GError     **error)
{
  g_autofree char *today = acu_date_today ();
  gboolean today_only = g_strcmp0 (from, today) == 0 && g_strcmp0 (to, today) == 0;

  return acu_store_require_role (store, today_only ? ACU_ROLE_VOLUNTEER : ACU_ROLE_COORDINATOR, error);
}

static gboolean
check_range (const char  *from,
             const char  *to,
             GError     **error)
{
  if (!acu_date_parse (from, NULL) || !acu_date_parse (to, NULL))
    {
      g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID, _("The start or the end of the period is not a date."));
      return FALSE;
    }
  if (strcmp (from, to) > 0)
    {
      g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID,
                           _("The period ends before it starts."));
      return FALSE;
    }
  return TRUE;
}

static void
read_counts (sqlite3_stmt   *stmt,
             int             first,
             AcuVisitCounts *counts)
{
  counts->visits = sqlite3_column_int (stmt, first);
  counts->persons = sqlite3_column_int (stmt, first + 1);
  counts->households = sqlite3_column_int (stmt, first + 2);
  counts->anonymous = sqlite3_column_int (stmt, first + 3);
}

#define COUNT_COLUMNS \
  "count (*), count (DISTINCT v.person_id), count (DISTINCT p.household_id), " \
  "total (v.person_id IS NULL)"

/* Visits, distinct persons, distinct households and anonymous visits from
 * @from to @to, both included. A household is counted by its members'
 * present household. */
gboolean
acu_visit_count (AcuStore        *store,
                 const char      *from,
                 const char      *to,
                 AcuVisitCounts  *counts,
                 GError         **error)
{
  sqlite3_stmt *stmt;

  memset (counts, 0, sizeof *counts);
  if (!require_counts_role (store, from, to, error))
    return FALSE;
  if (!check_range (from, to, error))
    return FALSE;
  stmt = acu_store_prepare (store,
                            "SELECT " COUNT_COLUMNS " FROM visit v LEFT JOIN person p ON p.id = v.person_id "
                            "WHERE v.day BETWEEN :from AND :to", error);
  if (stmt == NULL)
    return FALSE;
  acu_sql_bind_text (stmt, ":from", from);
  acu_sql_bind_text (stmt, ":to", to);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      acu_store_set_sqlite_error (store, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  read_counts (stmt, 0, counts);
  sqlite3_reset (stmt);
  return TRUE;
}

/* The same counts for each day with visits, in order */
GArray *
acu_visit_count_by_day (AcuStore    *store,
                        const char  *from,
                        const char  *to,
                        GError     **error)
{
  g_autoptr(GArray) days = g_array_new (FALSE, TRUE, sizeof (AcuDayCounts));
  sqlite3_stmt *stmt;
  int rc;

  if (!require_counts_role (store, from, to, error))
    return NULL;
  if (!check_range (from, to, error))
    return NULL;
  stmt = acu_store_prepare (store,
                            "SELECT v.day, " COUNT_COLUMNS " FROM visit v LEFT JOIN person p ON p.id = v.person_id "
                            "WHERE v.day BETWEEN :from AND :to GROUP BY v.day ORDER BY v.day", error);
  if (stmt == NULL)
    return NULL;
  acu_sql_bind_text (stmt, ":from", from);
  acu_sql_bind_text (stmt, ":to", to);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AcuDayCounts day = { { 0 } };

      g_strlcpy (day.day, (const char *) sqlite3_column_text (stmt, 0), sizeof day.day);
      read_counts (stmt, 1, &day.counts);
      g_array_append_val (days, day);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      acu_store_set_sqlite_error (store, error);
      return NULL;
    }
  return g_steal_pointer (&days);
}

/* Visits per reason, in the catalogue's order; a visit with two reasons
 * counts once for each. Reasons without visits are listed with 0. */
GPtrArray *
acu_visit_count_by_reason (AcuStore    *store,
                           const char  *from,
                           const char  *to,
                           GError     **error)
{
  g_autoptr(GPtrArray) counts = g_ptr_array_new_with_free_func ((GDestroyNotify) acu_reason_count_free);
  sqlite3_stmt *stmt;
  int rc;

  if (!require_counts_role (store, from, to, error))
    return NULL;
  if (!check_range (from, to, error))
    return NULL;
  stmt = acu_store_prepare (store,
                            "SELECT r.id, r.code, r.label, "
                            "(SELECT count (*) FROM visit v CROSS JOIN visit_reason vr ON vr.visit_id = v.id "
                            " WHERE v.day BETWEEN :from AND :to AND vr.reason_id = r.id) AS n "
                            "FROM reason r WHERE r.hidden = 0 OR n > 0 ORDER BY r.position, r.id", error);
  if (stmt == NULL)
    return NULL;
  acu_sql_bind_text (stmt, ":from", from);
  acu_sql_bind_text (stmt, ":to", to);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AcuReasonCount *count = g_new0 (AcuReasonCount, 1);
      const char *code = (const char *) sqlite3_column_text (stmt, 1);
      const char *label = (const char *) sqlite3_column_text (stmt, 2);

      count->reason_id = sqlite3_column_int64 (stmt, 0);
      count->label = g_strdup (label ? label : acu_catalogue_default_label (ACU_CATALOGUE_REASON, code));
      count->visits = sqlite3_column_int (stmt, 3);
      g_ptr_array_add (counts, count);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      acu_store_set_sqlite_error (store, error);
      return NULL;
    }
  return g_steal_pointer (&counts);
}
