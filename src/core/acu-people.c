/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "acu-people"

#include "config.h"

#include <glib/gi18n.h>

#include "acu-audit.h"
#include "acu-catalogue.h"
#include "acu-date.h"
#include "acu-fold.h"
#include "acu-people.h"
#include "acu-sql-private.h"
#include "acu-people-private.h"
#include "acu-store-private.h"

/* The audit log's actions of this area (acu-audit.h) */
static const AcuAuditAction people_actions[] = {
  { "person-add", N_("Person added"), ACU_AREA_PEOPLE },
  { "person-edit", N_("Person changed"), ACU_AREA_PEOPLE },
  { "person-move", N_("Person moved to another household"), ACU_AREA_PEOPLE },
  { "household-edit", N_("Household changed"), ACU_AREA_PEOPLE },
  /* the merged household's notes and visits go to the kept one */
  { "household-merge", N_("Households merged"),
    ACU_AREA_PEOPLE | ACU_AREA_CONFIDENTIAL | ACU_AREA_VISITS | ACU_AREA_FOOD | ACU_AREA_GOODS },
  /* the indicators read the snapshots' copies too */
  { "erase-disability", N_("Every answer about disability erased"), ACU_AREA_PEOPLE | ACU_AREA_FOOD },
  { "erase-third-country", N_("Every answer about nationality erased"), ACU_AREA_PEOPLE | ACU_AREA_FOOD },
  { "erase-foreign-background", N_("Every answer about background erased"), ACU_AREA_PEOPLE | ACU_AREA_FOOD },
};

const AcuAuditActions acu_audit_people_actions = ACU_AUDIT_ACTIONS (people_actions);

#define MAX_NAME_LENGTH   100
#define MAX_TEXT_LENGTH   2000
#define MAX_QUERY_WORDS   4
/* Above every folded letter: the end of a prefix range */
#define PREFIX_END        "\xf4\x8f\xbf\xbf"

struct _AcuPerson
{
  GObject    parent_instance;

  gint64     id;
  gint64     household_id;
  char      *first_name;
  char      *last_name;
  char      *birth_date;
  AcuGender  gender;
  char      *informed_on;
  char      *commune;
  AcuTristate sensitive[ACU_SENSITIVE_N];   /* read by acu_person_get() alone */
};

G_DEFINE_FINAL_TYPE (AcuPerson, acu_person, G_TYPE_OBJECT)

/* Its read-only properties, for lists bound in .ui files */
enum
{
  PERSON_PROP_0,
  PERSON_PROP_ID,
  PERSON_PROP_HOUSEHOLD_ID,
  PERSON_PROP_FIRST_NAME,
  PERSON_PROP_LAST_NAME,
  PERSON_PROP_DISPLAY_NAME,
  PERSON_PROP_BIRTH_DATE,
  PERSON_PROP_GENDER,
  PERSON_PROP_INFORMED_ON,
  PERSON_PROP_COMMUNE,
  PERSON_N_PROPS
};

static GParamSpec *person_props[PERSON_N_PROPS];

/* The columns every person query reads, in this order (PERSON_N_COLUMNS) */
#define PERSON_N_COLUMNS 8
#define PERSON_COLUMNS \
  "p.id, p.household_id, p.first_name, p.last_name, p.birth_date, p.gender, p.informed_on, c.label"
#define PERSON_JOINS \
  " JOIN household h ON h.id = p.household_id LEFT JOIN commune c ON c.id = h.commune_id"
/* The sensitive columns, in the order of AcuSensitive, after PERSON_COLUMNS */
#define PERSON_SENSITIVE_COLUMNS "p.disability, p.third_country, p.foreign_background"

/* Their parameters in a person's insert and update, in the same order */
static const char *const sensitive_params[ACU_SENSITIVE_N] = {
  ":disability", ":third_country", ":foreign_background",
};
/* An update writes a field only where its :set_ parameter is 1 */
static const char *const sensitive_set_params[ACU_SENSITIVE_N] = {
  ":set_disability", ":set_third_country", ":set_foreign_background",
};

static AcuPerson *
person_from_row (sqlite3_stmt *stmt)
{
  AcuPerson *self = g_object_new (ACU_TYPE_PERSON, NULL);

  self->id = sqlite3_column_int64 (stmt, 0);
  self->household_id = sqlite3_column_int64 (stmt, 1);
  self->first_name = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  self->last_name = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
  self->birth_date = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
  self->gender = acu_gender_from_string ((const char *) sqlite3_column_text (stmt, 5));
  self->informed_on = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
  self->commune = g_strdup ((const char *) sqlite3_column_text (stmt, 7));
  return self;
}

static GPtrArray *
collect_people (AcuStore      *store,
                sqlite3_stmt  *stmt,
                GError       **error)
{
  g_autoptr(GPtrArray) people = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (people, person_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      acu_store_set_sqlite_error (store, error);
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&people);
}

/* Gender */

const char *
acu_gender_to_string (AcuGender gender)
{
  switch (gender)
    {
    case ACU_GENDER_WOMAN: return "woman";
    case ACU_GENDER_MAN:   return "man";
    case ACU_GENDER_OTHER: return "other";
    case ACU_GENDER_NOT_STATED:
    default:               return NULL;
    }
}

AcuGender
acu_gender_from_string (const char *text)
{
  if (g_strcmp0 (text, "woman") == 0)
    return ACU_GENDER_WOMAN;
  if (g_strcmp0 (text, "man") == 0)
    return ACU_GENDER_MAN;
  if (g_strcmp0 (text, "other") == 0)
    return ACU_GENDER_OTHER;
  return ACU_GENDER_NOT_STATED;
}

G_DEFINE_ENUM_TYPE (AcuGender, acu_gender,
                    G_DEFINE_ENUM_VALUE (ACU_GENDER_NOT_STATED, "not-stated"),
                    G_DEFINE_ENUM_VALUE (ACU_GENDER_WOMAN, "woman"),
                    G_DEFINE_ENUM_VALUE (ACU_GENDER_MAN, "man"),
                    G_DEFINE_ENUM_VALUE (ACU_GENDER_OTHER, "other"))

const char *
acu_gender_get_label (AcuGender gender)
{
  switch (gender)
    {
    case ACU_GENDER_WOMAN: return C_("gender", "Woman");
    case ACU_GENDER_MAN:   return C_("gender", "Man");
    case ACU_GENDER_OTHER: return C_("gender", "Other");
    case ACU_GENDER_NOT_STATED:
    default:               return C_("gender", "Not stated");
    }
}

/* Housing */

const char *
acu_housing_to_string (AcuHousing housing)
{
  switch (housing)
    {
    case ACU_HOUSING_HOUSED:     return "housed";
    case ACU_HOUSING_PRECARIOUS: return "precarious";
    case ACU_HOUSING_HOMELESS:   return "homeless";
    case ACU_HOUSING_NOT_STATED:
    default:                     return NULL;
    }
}

AcuHousing
acu_housing_from_string (const char *text)
{
  if (g_strcmp0 (text, "housed") == 0)
    return ACU_HOUSING_HOUSED;
  if (g_strcmp0 (text, "precarious") == 0)
    return ACU_HOUSING_PRECARIOUS;
  if (g_strcmp0 (text, "homeless") == 0)
    return ACU_HOUSING_HOMELESS;
  return ACU_HOUSING_NOT_STATED;
}

const char *
acu_housing_get_label (AcuHousing housing)
{
  switch (housing)
    {
    case ACU_HOUSING_HOUSED:     return C_("housing", "Housed");
    /* Translators: hosted by others, in a hotel, a shelter, a squat… */
    case ACU_HOUSING_PRECARIOUS: return C_("housing", "Precarious housing (hosted, shelter, hotel…)");
    /* Translators: sleeping rough, with no shelter */
    case ACU_HOUSING_HOMELESS:   return C_("housing", "Homeless");
    case ACU_HOUSING_NOT_STATED:
    default:                     return C_("housing", "Not stated");
    }
}

/* Answers and sensitive fields */

const char *
acu_tristate_get_label (AcuTristate value)
{
  switch (value)
    {
    case ACU_TRISTATE_YES:     return C_("answer", "Yes");
    case ACU_TRISTATE_NO:      return C_("answer", "No");
    case ACU_TRISTATE_UNKNOWN:
    default:                   return C_("answer", "Not recorded");
    }
}

const char *
acu_sensitive_get_label (AcuSensitive field)
{
  switch (field)
    {
    case ACU_SENSITIVE_DISABILITY:         return _("Disability");
    /* Translators: a nationality outside the European Union */
    case ACU_SENSITIVE_THIRD_COUNTRY:      return _("Third-country national");
    case ACU_SENSITIVE_FOREIGN_BACKGROUND: return _("Foreign background or minority");
    case ACU_SENSITIVE_N:
    default:                               g_return_val_if_reached (NULL);
    }
}

/* 1, 0, or -1 for NULL */
static int
tristate_to_column (AcuTristate value)
{
  return value == ACU_TRISTATE_YES ? 1 : value == ACU_TRISTATE_NO ? 0 : -1;
}

static AcuTristate
tristate_from_column (sqlite3_stmt *stmt,
                      int           column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return ACU_TRISTATE_UNKNOWN;
  return sqlite3_column_int (stmt, column) != 0 ? ACU_TRISTATE_YES : ACU_TRISTATE_NO;
}

/* Their settings (written by acu_food_set_settings), by AcuSensitive */
static const char *const sensitive_settings[ACU_SENSITIVE_N] = {
  "record-disability", "record-third-country", "record-foreign-background",
};

gboolean
acu_people_get_sensitive_fields (AcuStore  *store,
                                 gboolean   fields[ACU_SENSITIVE_N],
                                 GError   **error)
{
  sqlite3_stmt *stmt;
  int rc;

  for (guint i = 0; i < ACU_SENSITIVE_N; i++)
    fields[i] = FALSE;
  if (!acu_store_require_role (store, ACU_ROLE_VOLUNTEER, error))
    return FALSE;
  /* Health and origin: never for volunteers */
  if (acu_store_get_role (store) < ACU_ROLE_STAFF)
    return TRUE;
  stmt = acu_store_prepare (store,
                            "SELECT key FROM setting WHERE key IN (:disability, :third_country, :foreign_background) "
                            "AND value = '1'", error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < ACU_SENSITIVE_N; i++)
    acu_sql_bind_text (stmt, sensitive_params[i], sensitive_settings[i]);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    for (guint i = 0; i < ACU_SENSITIVE_N; i++)
      fields[i] |= g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), sensitive_settings[i]) == 0;
  if (rc != SQLITE_DONE)
    acu_store_set_sqlite_error (store, error);
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE;
}

/* The person's column of each field, and the snapshots' */
static const char *const sensitive_columns[ACU_SENSITIVE_N] = {
  "disability", "third_country", "foreign_background",
};
static const char *const snapshot_columns[ACU_SENSITIVE_N] = {
  "disabled", "third_country", "foreign_background",
};
static const char *const erase_actions[ACU_SENSITIVE_N] = {
  "erase-disability", "erase-third-country", "erase-foreign-background",
};

guint
acu_people_count_sensitive (AcuStore      *store,
                            AcuSensitive   field,
                            GError       **error)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  guint n = 0;

  g_return_val_if_fail (field < ACU_SENSITIVE_N, 0);

  if (!acu_store_require_role (store, ACU_ROLE_COORDINATOR, error))
    return 0;
  /* the column's name is one of the constants above */
  sql = g_strdup_printf ("SELECT count (*) FROM person WHERE %s IS NOT NULL", sensitive_columns[field]);
  stmt = acu_store_prepare (store, sql, error);
  if (stmt == NULL)
    return 0;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int (stmt, 0);
  else
    acu_store_set_sqlite_error (store, error);
  sqlite3_reset (stmt);
  return n;
}

gboolean
acu_people_erase_sensitive (AcuStore      *store,
                            AcuSensitive   field,
                            GError       **error)
{
  const char *tables[] = { "food_service_person", "food_person_year", "food_person_month" };
  g_autofree char *sql = NULL;
  gboolean ok;

  g_return_val_if_fail (field < ACU_SENSITIVE_N, FALSE);

  if (!acu_store_require_role (store, ACU_ROLE_COORDINATOR, error) || !acu_store_begin (store, error))
    return FALSE;
  sql = g_strdup_printf ("UPDATE person SET %s = NULL WHERE %s IS NOT NULL",
                         sensitive_columns[field], sensitive_columns[field]);
  ok = acu_store_exec (store, sql, error);
  for (guint i = 0; ok && i < G_N_ELEMENTS (tables); i++)
    {
      g_free (sql);
      sql = g_strdup_printf ("UPDATE %s SET %s = NULL WHERE %s IS NOT NULL", tables[i],
                             snapshot_columns[field], snapshot_columns[field]);
      ok = acu_store_exec (store, sql, error);
    }
  ok = ok && acu_audit_record (store, erase_actions[field], NULL, 0, error);
  return acu_sql_finish (store, ok, error);
}

/* AcuPerson */

static void
acu_person_finalize (GObject *object)
{
  AcuPerson *self = ACU_PERSON (object);

  g_free (self->first_name);
  g_free (self->last_name);
  g_free (self->birth_date);
  g_free (self->informed_on);
  g_free (self->commune);
  G_OBJECT_CLASS (acu_person_parent_class)->finalize (object);
}

static void
acu_person_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  AcuPerson *self = ACU_PERSON (object);

  switch (prop_id)
    {
    case PERSON_PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PERSON_PROP_HOUSEHOLD_ID:
      g_value_set_int64 (value, self->household_id);
      break;
    case PERSON_PROP_FIRST_NAME:
      g_value_set_string (value, self->first_name);
      break;
    case PERSON_PROP_LAST_NAME:
      g_value_set_string (value, self->last_name);
      break;
    case PERSON_PROP_DISPLAY_NAME:
      g_value_take_string (value, acu_person_dup_display_name (self));
      break;
    case PERSON_PROP_BIRTH_DATE:
      g_value_set_string (value, self->birth_date);
      break;
    case PERSON_PROP_GENDER:
      g_value_set_enum (value, self->gender);
      break;
    case PERSON_PROP_INFORMED_ON:
      g_value_set_string (value, self->informed_on);
      break;
    case PERSON_PROP_COMMUNE:
      g_value_set_string (value, self->commune);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
acu_person_class_init (AcuPersonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = acu_person_finalize;
  object_class->get_property = acu_person_get_property;

  person_props[PERSON_PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  /* also its number at the desk */
  person_props[PERSON_PROP_HOUSEHOLD_ID] =
    g_param_spec_int64 ("household-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  person_props[PERSON_PROP_FIRST_NAME] =
    g_param_spec_string ("first-name", NULL, NULL, NULL, flags);
  person_props[PERSON_PROP_LAST_NAME] =
    g_param_spec_string ("last-name", NULL, NULL, NULL, flags);
  /* "Hélène DUPONT-MARTIN" */
  person_props[PERSON_PROP_DISPLAY_NAME] =
    g_param_spec_string ("display-name", NULL, NULL, NULL, flags);
  /* "YYYY-MM-DD", "YYYY" or NULL */
  person_props[PERSON_PROP_BIRTH_DATE] =
    g_param_spec_string ("birth-date", NULL, NULL, NULL, flags);
  person_props[PERSON_PROP_GENDER] =
    g_param_spec_enum ("gender", NULL, NULL, ACU_TYPE_GENDER, ACU_GENDER_NOT_STATED, flags);
  /* "YYYY-MM-DD" or NULL */
  person_props[PERSON_PROP_INFORMED_ON] =
    g_param_spec_string ("informed-on", NULL, NULL, NULL, flags);
  /* the household's commune, or NULL */
  person_props[PERSON_PROP_COMMUNE] =
    g_param_spec_string ("commune", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, PERSON_N_PROPS, person_props);
}

static void
acu_person_init (AcuPerson *self)
{
}

gint64
acu_person_get_id (AcuPerson *self)
{
  g_return_val_if_fail (ACU_IS_PERSON (self), 0);
  return self->id;
}

gint64
acu_person_get_household_id (AcuPerson *self)
{
  g_return_val_if_fail (ACU_IS_PERSON (self), 0);
  return self->household_id;
}

const char *
acu_person_get_first_name (AcuPerson *self)
{
  g_return_val_if_fail (ACU_IS_PERSON (self), NULL);
  return self->first_name;
}

const char *
acu_person_get_last_name (AcuPerson *self)
{
  g_return_val_if_fail (ACU_IS_PERSON (self), NULL);
  return self->last_name;
}

/* "Hélène DUPONT-MARTIN": the last name in capitals, as French forms do */
char *
acu_person_dup_display_name (AcuPerson *self)
{
  g_autofree char *upper = NULL;

  g_return_val_if_fail (ACU_IS_PERSON (self), NULL);
  upper = g_utf8_strup (self->last_name, -1);
  return g_strdup_printf ("%s %s", self->first_name, upper);
}

const char *
acu_person_get_birth_date (AcuPerson *self)
{
  g_return_val_if_fail (ACU_IS_PERSON (self), NULL);
  return self->birth_date;
}

AcuGender
acu_person_get_gender (AcuPerson *self)
{
  g_return_val_if_fail (ACU_IS_PERSON (self), ACU_GENDER_NOT_STATED);
  return self->gender;
}

const char *
acu_person_get_informed_on (AcuPerson *self)
{
  g_return_val_if_fail (ACU_IS_PERSON (self), NULL);
  return self->informed_on;
}

/* The household's commune */
const char *
acu_person_get_commune (AcuPerson *self)
{
  g_return_val_if_fail (ACU_IS_PERSON (self), NULL);
  return self->commune;
}

/* Age in whole years on @on_day, -1 if the birth date is not known. With
 * the year alone, the age reached during that year. */
int
acu_person_get_age (AcuPerson  *self,
                    const char *on_day)
{
  int age;

  g_return_val_if_fail (ACU_IS_PERSON (self), -1);

  if (self->birth_date == NULL || on_day == NULL || strlen (on_day) < 10)
    return -1;
  age = atoi (on_day) - atoi (self->birth_date);
  if (strlen (self->birth_date) == 10 && strcmp (on_day + 5, self->birth_date + 5) < 0)
    age--;
  return MAX (age, 0);
}

AcuTristate
acu_person_get_sensitive (AcuPerson    *self,
                          AcuSensitive  field)
{
  g_return_val_if_fail (ACU_IS_PERSON (self), ACU_TRISTATE_UNKNOWN);
  g_return_val_if_fail (field < ACU_SENSITIVE_N, ACU_TRISTATE_UNKNOWN);
  return self->sensitive[field];
}

/* Households */

void
acu_household_free (AcuHousehold *household)
{
  if (household == NULL)
    return;
  g_free (household->address);
  g_free (household->commune);
  g_free (household->phone);
  g_free (household->email);
  g_free (household->referring_worker);
  g_free (household->note);
  g_free (household->created_on);
  g_free (household);
}

/* Validation: bad input gets a message for the desk and writes nothing */

/* @too_long_message is one of this file's literals, with one %d */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
static char *
clean_text (const char  *text,
            gsize        max_length,
            const char  *too_long_message,
            GError     **error)
{
  g_autofree char *clean = NULL;

  if (text == NULL)
    return NULL;
  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID,
                           _("The text contains characters that are not valid. Type it again."));
      return NULL;
    }
  clean = g_utf8_normalize (text, -1, G_NORMALIZE_NFC);
  g_strstrip (clean);
  if (g_utf8_strlen (clean, -1) > (glong) max_length)
    {
      g_set_error (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID, too_long_message, (int) max_length);
      return NULL;
    }
  if (*clean == '\0')
    return NULL;
  return g_steal_pointer (&clean);
}
#pragma GCC diagnostic pop

static gboolean
check_birth_date (const char  *text,
                  GError     **error)
{
  g_autofree char *today = acu_date_today ();
  gboolean valid;

  if (text == NULL)
    return TRUE;
  if (strlen (text) == 4)
    valid = g_ascii_isdigit (text[0]) && g_ascii_isdigit (text[1])
            && g_ascii_isdigit (text[2]) && g_ascii_isdigit (text[3]);
  else
    valid = acu_date_parse (text, NULL);
  if (!valid || strncmp (text, "1900", 4) < 0)
    {
      g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID,
                           _("The birth date is not a date. Type it as 31/12/1980, or the year alone."));
      return FALSE;
    }
  if (strncmp (text, today, strlen (text)) > 0)
    {
      g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID,
                           _("The birth date is in the future. Check it."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_informed_on (const char  *text,
                   GError     **error)
{
  g_autofree char *today = acu_date_today ();

  if (text == NULL)
    return TRUE;
  if (!acu_date_parse (text, NULL))
    {
      g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID,
                           _("The date the person was informed is not a date."));
      return FALSE;
    }
  if (strcmp (text, today) > 0)
    {
      g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID,
                           _("The date the person was informed is in the future. Check it."));
      return FALSE;
    }
  return TRUE;
}

typedef struct
{
  char       *first_name;
  char       *last_name;
  char       *birth_date;
  const char *gender;
  char       *informed_on;
  char       *sort_key;
  int         sensitive[ACU_SENSITIVE_N];        /* 1, 0, or -1 for NULL */
  gboolean    write_sensitive[ACU_SENSITIVE_N];  /* an update writes it */
} CleanPerson;

static void
clean_person_clear (CleanPerson *clean)
{
  g_free (clean->first_name);
  g_free (clean->last_name);
  g_free (clean->birth_date);
  g_free (clean->informed_on);
  g_free (clean->sort_key);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CleanPerson, clean_person_clear)

static gboolean
has_letter (const char *text)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (g_unichar_isalpha (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

/* The sensitive answers: staff and coordinators alone give them, for the
 * fields the site records; an update writes those fields only, so that a
 * volunteer's change of a name, or a field whose setting was turned off,
 * keeps what was recorded (hidden and unused while its setting is off) */
static gboolean
clean_sensitive (AcuStore              *store,
                 const AcuPersonDraft  *draft,
                 CleanPerson           *clean,
                 GError               **error)
{
  gboolean fields[ACU_SENSITIVE_N];
  gboolean answered = FALSE;

  for (guint i = 0; i < ACU_SENSITIVE_N; i++)
    {
      if ((guint) draft->sensitive[i] > ACU_TRISTATE_LAST)
        {
          g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID,
                               _("Choose an answer from the list."));
          return FALSE;
        }
      answered |= draft->sensitive[i] != ACU_TRISTATE_UNKNOWN;
    }
  if ((answered && !acu_store_require_role (store, ACU_ROLE_STAFF, error))
      || !acu_people_get_sensitive_fields (store, fields, error))
    return FALSE;
  for (guint i = 0; i < ACU_SENSITIVE_N; i++)
    {
      if (draft->sensitive[i] != ACU_TRISTATE_UNKNOWN && !fields[i])
        {
          const char *message;

          if (i == ACU_SENSITIVE_DISABILITY)
            message = _("This site does not record disabilities. Only a coordinator can turn this on, "
                        "in Preferences.");
          else if (i == ACU_SENSITIVE_THIRD_COUNTRY)
            message = _("This site does not record third-country nationals. Only a coordinator can turn this on, "
                        "in Preferences.");
          else
            message = _("This site does not record a foreign background or minority. Only a coordinator can "
                        "turn this on, in Preferences.");
          g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID, message);
          return FALSE;
        }
      clean->sensitive[i] = tristate_to_column (draft->sensitive[i]);
      clean->write_sensitive[i] = fields[i];
    }
  return TRUE;
}

static gboolean
clean_person (AcuStore              *store,
              const AcuPersonDraft  *draft,
              CleanPerson           *clean,
              GError               **error)
{
  GError *local_error = NULL;

  memset (clean, 0, sizeof *clean);
  clean->first_name = clean_text (draft->first_name, MAX_NAME_LENGTH,
                                  _("The first name is too long: %d characters at most."), &local_error);
  if (local_error == NULL)
    clean->last_name = clean_text (draft->last_name, MAX_NAME_LENGTH,
                                   _("The last name is too long: %d characters at most."), &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  if (clean->first_name == NULL)
    {
      g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID, _("Type the person’s first name."));
      return FALSE;
    }
  if (clean->last_name == NULL)
    {
      g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID, _("Type the person’s last name."));
      return FALSE;
    }
  if (!has_letter (clean->first_name) || !has_letter (clean->last_name))
    {
      g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID,
                           _("A name needs letters. Type the first name and the last name in their fields."));
      return FALSE;
    }
  clean->birth_date = draft->birth_date && *draft->birth_date ? g_strdup (draft->birth_date) : NULL;
  clean->informed_on = draft->informed_on && *draft->informed_on ? g_strdup (draft->informed_on) : NULL;
  if (!check_birth_date (clean->birth_date, error) || !check_informed_on (clean->informed_on, error))
    return FALSE;
  if (draft->gender > ACU_GENDER_OTHER)
    {
      g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID, _("Choose a gender from the list."));
      return FALSE;
    }
  clean->gender = acu_gender_to_string (draft->gender);
  {
    g_autofree char *full = g_strdup_printf ("%s %s", clean->last_name, clean->first_name);
    clean->sort_key = acu_fold (full);
  }
  return clean_sensitive (store, draft, clean, error);
}

/* The words a search matches: the folded name cut at spaces, hyphens and
 * apostrophes ("Dupont-Martin" is found from "dup" and from "mart") */
static GStrv
name_words (const char *folded)
{
  g_auto(GStrv) parts = g_strsplit_set (folded, " -'", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    {
      gboolean seen = FALSE;

      if (*parts[i] == '\0')
        continue;
      for (guint j = 0; j < i; j++)
        seen |= g_str_equal (parts[i], parts[j]);
      if (!seen)
        g_strv_builder_add (builder, parts[i]);
    }
  return g_strv_builder_end (builder);
}

static gboolean
index_words (AcuStore     *store,
             gint64        person_id,
             const char   *first_name,
             const char   *last_name,
             const char   *sort_key,
             gboolean      replace,
             GError      **error)
{
  g_autofree char *full = g_strdup_printf ("%s %s", first_name, last_name);
  g_autofree char *folded = acu_fold (full);
  g_auto(GStrv) words = name_words (folded);
  sqlite3_stmt *stmt;

  if (replace && !acu_sql_run_for_id (store, "DELETE FROM person_word WHERE person_id = :id", person_id, error))
    return FALSE;

  stmt = acu_store_prepare (store,
                            "INSERT INTO person_word (word, sort_key, person_id) VALUES (:word, :key, :id)",
                            error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; words[i] != NULL; i++)
    {
      acu_sql_bind_text (stmt, ":word", words[i]);
      acu_sql_bind_text (stmt, ":key", sort_key);
      acu_sql_bind_int64 (stmt, ":id", person_id);
      if (!acu_store_step_done (store, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* The household exists, or an error names its number */
gboolean
acu_household_exists (AcuStore  *store,
                      gint64     household_id,
                      GError   **error)
{
  sqlite3_stmt *stmt;
  gboolean found;

  stmt = acu_store_prepare (store, "SELECT 1 FROM household WHERE id = :id", error);
  if (stmt == NULL)
    return FALSE;
  acu_sql_bind_int64 (stmt, ":id", household_id);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  if (!found)
    g_set_error (error, ACU_STORE_ERROR, ACU_STORE_ERROR_NO_RECORD,
                 _("There is no household number %lld."), (long long) household_id);
  return found;
}

static gint64
now_seconds (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

gint64
acu_household_insert_unchecked (AcuStore    *store,
                                gint64       commune_id,
                                const char  *created_on,
                                gint64       now,
                                GError     **error)
{
  sqlite3_stmt *stmt;

  stmt = acu_store_prepare (store,
                            "INSERT INTO household (commune_id, created_on, created_at, updated_at, created_by) "
                            "VALUES (:commune, :on, :now, :now, :by)", error);
  if (stmt == NULL)
    return 0;
  acu_sql_bind_id (stmt, ":commune", MAX (commune_id, 0));
  acu_sql_bind_text (stmt, ":on", created_on);
  acu_sql_bind_int64 (stmt, ":now", now);
  acu_sql_bind_id (stmt, ":by", acu_store_get_person_id (store));
  if (!acu_store_step_done (store, stmt, error))
    return 0;
  return sqlite3_last_insert_rowid (acu_store_get_db (store));
}

/* The fields a person's insert and update both write, bound by this one
 * function so that the two statements cannot drift apart */
static void
bind_person_fields (sqlite3_stmt       *stmt,
                    const CleanPerson  *clean,
                    gint64              now)
{
  acu_sql_bind_text (stmt, ":first", clean->first_name);
  acu_sql_bind_text (stmt, ":last", clean->last_name);
  acu_sql_bind_text (stmt, ":key", clean->sort_key);
  acu_sql_bind_text (stmt, ":birth", clean->birth_date);
  acu_sql_bind_text (stmt, ":gender", clean->gender);
  acu_sql_bind_text (stmt, ":informed", clean->informed_on);
  for (guint i = 0; i < ACU_SENSITIVE_N; i++)
    if (clean->sensitive[i] < 0)
      acu_sql_bind_null (stmt, sensitive_params[i]);
    else
      acu_sql_bind_int (stmt, sensitive_params[i], clean->sensitive[i]);
  acu_sql_bind_int64 (stmt, ":now", now);
}

static gint64
insert_person (AcuStore           *store,
               const CleanPerson  *clean,
               gint64              household_id,
               gint64              now,
               GError            **error)
{
  sqlite3_stmt *stmt;
  gint64 id;

  stmt = acu_store_prepare (store,
                            "INSERT INTO person (household_id, first_name, last_name, sort_key, birth_date, "
                            "gender, informed_on, disability, third_country, foreign_background, "
                            "created_at, updated_at, created_by) "
                            "VALUES (:household, :first, :last, :key, :birth, :gender, :informed, :disability, "
                            ":third_country, :foreign_background, :now, :now, :by)",
                            error);
  if (stmt == NULL)
    return 0;
  acu_sql_bind_int64 (stmt, ":household", household_id);
  bind_person_fields (stmt, clean, now);
  acu_sql_bind_id (stmt, ":by", acu_store_get_person_id (store));
  if (!acu_store_step_done (store, stmt, error))
    return 0;
  id = sqlite3_last_insert_rowid (acu_store_get_db (store));
  if (!index_words (store, id, clean->first_name, clean->last_name, clean->sort_key, FALSE, error))
    return 0;
  return id;
}

static gboolean
update_person (AcuStore           *store,
               gint64              person_id,
               const CleanPerson  *clean,
               GError            **error)
{
  sqlite3_stmt *stmt;

  stmt = acu_store_prepare (store,
                            "UPDATE person SET first_name = :first, last_name = :last, sort_key = :key, "
                            "birth_date = :birth, gender = :gender, informed_on = :informed, "
                            "disability = CASE WHEN :set_disability THEN :disability ELSE disability END, "
                            "third_country = CASE WHEN :set_third_country THEN :third_country "
                            "ELSE third_country END, "
                            "foreign_background = CASE WHEN :set_foreign_background THEN :foreign_background "
                            "ELSE foreign_background END, "
                            "updated_at = :now WHERE id = :id", error);
  if (stmt == NULL)
    return FALSE;
  acu_sql_bind_int64 (stmt, ":id", person_id);
  bind_person_fields (stmt, clean, now_seconds ());
  for (guint i = 0; i < ACU_SENSITIVE_N; i++)
    acu_sql_bind_int (stmt, sensitive_set_params[i], clean->write_sensitive[i] ? 1 : 0);
  return acu_store_step_done (store, stmt, error)
         && index_words (store, person_id, clean->first_name, clean->last_name, clean->sort_key, TRUE, error);
}

/* The demo generator's path: the draft is trusted, the caller holds a
 * transaction */
gint64
acu_people_insert_unchecked (AcuStore              *store,
                             const AcuPersonDraft  *draft,
                             gint64                 now,
                             GError               **error)
{
  g_autofree char *full = g_strdup_printf ("%s %s", draft->last_name, draft->first_name);
  CleanPerson clean = {
    .first_name = (char *) draft->first_name, .last_name = (char *) draft->last_name,
    .birth_date = (char *) draft->birth_date, .gender = acu_gender_to_string (draft->gender),
    .informed_on = (char *) draft->informed_on, .sort_key = acu_fold (full),
  };
  gint64 id;

  for (guint i = 0; i < ACU_SENSITIVE_N; i++)
    clean.sensitive[i] = tristate_to_column (draft->sensitive[i]);
  id = insert_person (store, &clean, draft->household_id, now, error);

  g_free (clean.sort_key);
  return id;
}

/* Adds a person to an existing household, or to a new one made with the
 * draft's commune */
gint64
acu_person_add (AcuStore              *store,
                const AcuPersonDraft  *draft,
                GError               **error)
{
  g_auto(CleanPerson) clean = { 0 };
  g_autofree char *today = acu_date_today ();
  gint64 now = now_seconds ();
  gint64 household_id, id = 0;
  gboolean ok;

  g_return_val_if_fail (ACU_IS_STORE (store), 0);
  g_return_val_if_fail (draft != NULL, 0);

  if (!acu_store_require_role (store, ACU_ROLE_VOLUNTEER, error)
      || !clean_person (store, draft, &clean, error)
      || (draft->household_id != 0 && !acu_household_exists (store, draft->household_id, error))
      || (draft->household_id == 0 && draft->commune_id != 0
          && !acu_catalogue_exists (store, ACU_CATALOGUE_COMMUNE, draft->commune_id, error))
      || !acu_store_begin (store, error))
    return 0;
  household_id = draft->household_id;
  if (household_id == 0)
    household_id = acu_household_insert_unchecked (store, draft->commune_id, today, now, error);
  if (household_id != 0)
    id = insert_person (store, &clean, household_id, now, error);
  ok = id != 0 && acu_audit_record (store, "person-add", "person", id, error);
  return acu_sql_finish (store, ok, error) ? id : 0;
}

/* Changes a person's name, birth date, gender and information date, and
 * the sensitive answers the identity may write; the draft's household
 * fields are ignored (see acu_person_move) */
gboolean
acu_person_update (AcuStore              *store,
                   gint64                 person_id,
                   const AcuPersonDraft  *draft,
                   GError               **error)
{
  g_auto(CleanPerson) clean = { 0 };
  g_autoptr(AcuPerson) existing = NULL;
  gboolean ok;

  if (!acu_store_require_role (store, ACU_ROLE_VOLUNTEER, error)
      || (existing = acu_person_get (store, person_id, error)) == NULL
      || !clean_person (store, draft, &clean, error)
      || !acu_store_begin (store, error))
    return FALSE;
  ok = update_person (store, person_id, &clean, error)
       && acu_audit_record (store, "person-edit", "person", person_id, error);
  return acu_sql_finish (store, ok, error);
}

AcuPerson *
acu_person_get (AcuStore  *store,
                gint64     person_id,
                GError   **error)
{
  sqlite3_stmt *stmt;
  AcuPerson *person = NULL;
  gboolean fields[ACU_SENSITIVE_N];

  if (!acu_store_require_role (store, ACU_ROLE_VOLUNTEER, error)
      || !acu_people_get_sensitive_fields (store, fields, error))
    return NULL;
  stmt = acu_store_prepare (store, "SELECT " PERSON_COLUMNS ", " PERSON_SENSITIVE_COLUMNS " FROM person p"
                            PERSON_JOINS " WHERE p.id = :id", error);
  if (stmt == NULL)
    return NULL;
  acu_sql_bind_int64 (stmt, ":id", person_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      person = person_from_row (stmt);
      /* Only the fields this person at the desk may read, while recorded */
      for (guint i = 0; i < ACU_SENSITIVE_N; i++)
        if (fields[i])
          person->sensitive[i] = tristate_from_column (stmt, PERSON_N_COLUMNS + i);
    }
  sqlite3_reset (stmt);
  if (person == NULL)
    g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_NO_RECORD,
                         _("This person is no longer in the database."));
  return person;
}

/* A household left without members, and used by nothing else, goes */
static gboolean
drop_if_empty (AcuStore  *store,
               gint64     household_id,
               GError   **error)
{
  g_autoptr(GString) sql = g_string_new ("DELETE FROM household WHERE id = :id "
                                         "AND NOT EXISTS (SELECT 1 FROM person WHERE household_id = :id)");

  for (guint i = 0; acu_household_tables[i] != NULL; i++)
    g_string_append_printf (sql, " AND NOT EXISTS (SELECT 1 FROM %s WHERE household_id = :id)",
                            acu_household_tables[i]);
  return acu_sql_run_for_id (store, sql->str, household_id, error);
}

/* A new household at the commune of @like_id; its number, or 0 */
static gint64
insert_household_like (AcuStore  *store,
                       gint64     like_id,
                       gint64     now,
                       GError   **error)
{
  g_autoptr(AcuHousehold) like = acu_household_get (store, like_id, error);
  g_autofree char *today = acu_date_today ();

  if (like == NULL)
    return 0;
  return acu_household_insert_unchecked (store, like->commune_id, today, now, error);
}

static gboolean
set_household (AcuStore  *store,
               gint64     person_id,
               gint64     household_id,
               gint64     now,
               GError   **error)
{
  sqlite3_stmt *stmt;

  stmt = acu_store_prepare (store, "UPDATE person SET household_id = :to, updated_at = :now WHERE id = :id",
                            error);
  if (stmt == NULL)
    return FALSE;
  acu_sql_bind_int64 (stmt, ":to", household_id);
  acu_sql_bind_int64 (stmt, ":now", now);
  acu_sql_bind_int64 (stmt, ":id", person_id);
  return acu_store_step_done (store, stmt, error);
}

/* Moves a person to another household, or to a new one (@household_id 0)
 * at the same commune. The household they leave goes if it is left empty. */
gboolean
acu_person_move (AcuStore  *store,
                 gint64     person_id,
                 gint64     household_id,
                 gint64    *new_household_id,
                 GError   **error)
{
  g_autoptr(AcuPerson) person = NULL;
  gint64 now = now_seconds ();
  gint64 to_id = household_id;
  gboolean ok;

  if (!acu_store_require_role (store, ACU_ROLE_VOLUNTEER, error)
      || (person = acu_person_get (store, person_id, error)) == NULL
      || (household_id != 0 && !acu_household_exists (store, household_id, error)))
    return FALSE;
  if (household_id == person->household_id)
    {
      g_set_error (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID,
                   _("This person is already in household number %lld."), (long long) household_id);
      return FALSE;
    }
  if (!acu_store_begin (store, error))
    return FALSE;
  if (to_id == 0)
    to_id = insert_household_like (store, person->household_id, now, error);
  ok = to_id != 0
       && set_household (store, person_id, to_id, now, error)
       && drop_if_empty (store, person->household_id, error)
       && acu_audit_record (store, "person-move", "person", person_id, error);
  if (!acu_sql_finish (store, ok, error))
    return FALSE;
  if (new_household_id != NULL)
    *new_household_id = to_id;
  return TRUE;
}

static gboolean
same_birth (const char *a,
            const char *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  /* A year alone matches any date of that year */
  if (strlen (a) == 4 || strlen (b) == 4)
    return strncmp (a, b, 4) == 0;
  return g_str_equal (a, b);
}

/* People with the same folded name and birth date (a year alone matches
 * any date of that year; no date matches no date) */
GPtrArray *
acu_person_find_duplicates (AcuStore    *store,
                            const char  *first_name,
                            const char  *last_name,
                            const char  *birth_date,
                            GError     **error)
{
  g_autofree char *full = NULL;
  g_autofree char *key = NULL;
  g_autoptr(GPtrArray) candidates = NULL;
  g_autoptr(GPtrArray) duplicates = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;

  if (!acu_store_require_role (store, ACU_ROLE_VOLUNTEER, error))
    return NULL;
  if (first_name == NULL || last_name == NULL)
    return g_steal_pointer (&duplicates);
  if (birth_date != NULL && *birth_date == '\0')
    birth_date = NULL;
  full = g_strdup_printf ("%s %s", last_name, first_name);
  key = acu_fold (full);
  stmt = acu_store_prepare (store,
                            "SELECT " PERSON_COLUMNS " FROM person p" PERSON_JOINS
                            " WHERE p.sort_key = :key ORDER BY p.id", error);
  if (stmt == NULL)
    return NULL;
  acu_sql_bind_text (stmt, ":key", key);
  candidates = collect_people (store, stmt, error);
  if (candidates == NULL)
    return NULL;
  for (guint i = 0; i < candidates->len; i++)
    {
      AcuPerson *person = g_ptr_array_index (candidates, i);

      if (same_birth (person->birth_date, birth_date))
        g_ptr_array_add (duplicates, g_object_ref (person));
    }
  return g_steal_pointer (&duplicates);
}

/* Search */

static gboolean
parse_household_number (const char *query,
                        gint64     *number)
{
  const char *p = query;
  char *end = NULL;
  guint64 value;

  while (g_ascii_isspace (*p))
    p++;
  if (*p == '#')
    p++;
  if (!g_ascii_isdigit (*p))
    return FALSE;
  value = g_ascii_strtoull (p, &end, 10);
  while (end && g_ascii_isspace (*end))
    end++;
  if (end == NULL || *end != '\0' || value > G_MAXINT64)
    return FALSE;
  *number = (gint64) value;
  return TRUE;
}

static int
longest_first (gconstpointer a,
               gconstpointer b)
{
  return (int) strlen (*(char **) b) - (int) strlen (*(char **) a);
}

/* A page of people whose name has a word starting with each typed word,
 * accents and case folded; or the members of a household when the query
 * is its number ("12" or "#12"). Ordered by the matching word then the
 * name, straight from the index: the first page stops after @limit rows. */
GPtrArray *
acu_people_search (AcuStore    *store,
                   const char  *query,
                   guint        offset,
                   guint        limit,
                   GError     **error)
{
  g_autofree char *folded = NULL;
  g_auto(GStrv) words = NULL;
  g_autoptr(GString) sql = NULL;
  sqlite3_stmt *stmt;
  guint n_words;
  gint64 number;

  if (!acu_store_require_role (store, ACU_ROLE_VOLUNTEER, error))
    return NULL;
  g_return_val_if_fail (ACU_IS_STORE (store), NULL);

  if (query == NULL || !g_utf8_validate (query, -1, NULL))
    return g_ptr_array_new_with_free_func (g_object_unref);

  if (parse_household_number (query, &number))
    {
      stmt = acu_store_prepare (store,
                                "SELECT " PERSON_COLUMNS " FROM person p" PERSON_JOINS
                                " WHERE p.household_id = :number ORDER BY p.sort_key, p.id "
                                "LIMIT :limit OFFSET :offset", error);
      if (stmt == NULL)
        return NULL;
      acu_sql_bind_int64 (stmt, ":number", number);
      acu_sql_bind_int (stmt, ":limit", limit);
      acu_sql_bind_int (stmt, ":offset", offset);
      return collect_people (store, stmt, error);
    }

  folded = acu_fold (query);
  words = name_words (folded);
  n_words = g_strv_length (words);
  if (n_words == 0)
    return g_ptr_array_new_with_free_func (g_object_unref);
  /* The longest word walks the index; the others filter */
  qsort (words, n_words, sizeof (char *), longest_first);
  n_words = MIN (n_words, MAX_QUERY_WORDS);

  sql = g_string_new ("SELECT " PERSON_COLUMNS " FROM person_word w "
                      "JOIN person p ON p.id = w.person_id" PERSON_JOINS
                      " WHERE w.word >= :from0 AND w.word < :to0"
                      /* one row per person: the first of their words that matches */
                      " AND NOT EXISTS (SELECT 1 FROM person_word d WHERE d.person_id = w.person_id"
                      " AND d.word >= :from0 AND d.word < w.word)");
  for (guint i = 1; i < n_words; i++)
    g_string_append_printf (sql, " AND EXISTS (SELECT 1 FROM person_word x%u WHERE x%u.person_id = w.person_id"
                            " AND x%u.word >= :from%u AND x%u.word < :to%u)",
                            i, i, i, i, i, i);
  g_string_append (sql, " ORDER BY w.word, w.sort_key, w.person_id LIMIT :limit OFFSET :offset");

  stmt = acu_store_prepare (store, sql->str, error);
  if (stmt == NULL)
    return NULL;
  /* Word i's range: from :fromI up to :toI */
  for (guint i = 0; i < n_words; i++)
    {
      g_autofree char *from = g_strdup_printf (":from%u", i);
      g_autofree char *to = g_strdup_printf (":to%u", i);
      g_autofree char *end = g_strconcat (words[i], PREFIX_END, NULL);

      acu_sql_bind_text (stmt, from, words[i]);
      acu_sql_bind_text (stmt, to, end);
    }
  acu_sql_bind_int (stmt, ":limit", limit);
  acu_sql_bind_int (stmt, ":offset", offset);
  return collect_people (store, stmt, error);
}

/* Everyone, by name: a page */
GPtrArray *
acu_people_list_all (AcuStore  *store,
                     guint      offset,
                     guint      limit,
                     GError   **error)
{
  sqlite3_stmt *stmt;

  if (!acu_store_require_role (store, ACU_ROLE_VOLUNTEER, error))
    return NULL;
  stmt = acu_store_prepare (store,
                            "SELECT " PERSON_COLUMNS " FROM person p" PERSON_JOINS
                            " ORDER BY p.sort_key, p.id LIMIT :limit OFFSET :offset", error);
  if (stmt == NULL)
    return NULL;
  acu_sql_bind_int (stmt, ":limit", limit);
  acu_sql_bind_int (stmt, ":offset", offset);
  return collect_people (store, stmt, error);
}

/* Households */

AcuHousehold *
acu_household_get (AcuStore  *store,
                   gint64     household_id,
                   GError   **error)
{
  sqlite3_stmt *stmt;
  AcuHousehold *household = NULL;

  if (!acu_store_require_role (store, ACU_ROLE_VOLUNTEER, error))
    return NULL;
  stmt = acu_store_prepare (store,
                            "SELECT h.id, h.address, h.commune_id, c.label, h.phone, h.email, "
                            "h.referring_worker, h.note, h.created_on, h.housing "
                            "FROM household h LEFT JOIN commune c ON c.id = h.commune_id WHERE h.id = :id",
                            error);
  if (stmt == NULL)
    return NULL;
  acu_sql_bind_int64 (stmt, ":id", household_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      household = g_new0 (AcuHousehold, 1);
      household->id = sqlite3_column_int64 (stmt, 0);
      household->address = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      household->commune_id = sqlite3_column_int64 (stmt, 2);
      household->commune = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      household->phone = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      household->email = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
      household->referring_worker = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
      household->note = g_strdup ((const char *) sqlite3_column_text (stmt, 7));
      household->created_on = g_strdup ((const char *) sqlite3_column_text (stmt, 8));
      household->housing = acu_housing_from_string ((const char *) sqlite3_column_text (stmt, 9));
    }
  sqlite3_reset (stmt);
  if (household == NULL)
    g_set_error (error, ACU_STORE_ERROR, ACU_STORE_ERROR_NO_RECORD,
                 _("There is no household number %lld."), (long long) household_id);
  return household;
}

/* The fields a household's update and a merge both write, bound by this
 * one function so that the two statements cannot drift apart */
static void
bind_household_fields (sqlite3_stmt        *stmt,
                       const AcuHousehold  *fields,
                       gint64               now)
{
  acu_sql_bind_text (stmt, ":address", fields->address);
  acu_sql_bind_id (stmt, ":commune", fields->commune_id);
  acu_sql_bind_text (stmt, ":phone", fields->phone);
  acu_sql_bind_text (stmt, ":email", fields->email);
  acu_sql_bind_text (stmt, ":worker", fields->referring_worker);
  acu_sql_bind_text (stmt, ":note", fields->note);
  acu_sql_bind_text (stmt, ":housing", acu_housing_to_string (fields->housing));
  acu_sql_bind_int64 (stmt, ":now", now);
}

static gboolean
update_household (AcuStore            *store,
                  const AcuHousehold  *household,
                  GError             **error)
{
  sqlite3_stmt *stmt;

  stmt = acu_store_prepare (store,
                            "UPDATE household SET address = :address, commune_id = :commune, phone = :phone, "
                            "email = :email, referring_worker = :worker, note = :note, housing = :housing, "
                            "updated_at = :now "
                            "WHERE id = :id", error);
  if (stmt == NULL)
    return FALSE;
  acu_sql_bind_int64 (stmt, ":id", household->id);
  bind_household_fields (stmt, household, now_seconds ());
  return acu_store_step_done (store, stmt, error);
}

/* Updates the contact, commune, referring worker, housing and note */
gboolean
acu_household_update (AcuStore            *store,
                      const AcuHousehold  *household,
                      GError             **error)
{
  g_autofree char *address = NULL;
  g_autofree char *phone = NULL;
  g_autofree char *email = NULL;
  g_autofree char *worker = NULL;
  g_autofree char *note = NULL;
  GError *local_error = NULL;
  AcuHousehold clean;
  gboolean ok;

  if (!acu_store_require_role (store, ACU_ROLE_VOLUNTEER, error)
      || !acu_household_exists (store, household->id, error))
    return FALSE;

  address = clean_text (household->address, 200, _("The address is too long: %d characters at most."), &local_error);
  if (local_error == NULL)
    phone = clean_text (household->phone, 40, _("The phone number is too long: %d characters at most."), &local_error);
  if (local_error == NULL)
    email = clean_text (household->email, 200, _("The e-mail address is too long: %d characters at most."), &local_error);
  if (local_error == NULL)
    worker = clean_text (household->referring_worker, MAX_NAME_LENGTH,
                         _("The referring worker’s name is too long: %d characters at most."), &local_error);
  if (local_error == NULL)
    note = clean_text (household->note, MAX_TEXT_LENGTH, _("The note is too long: %d characters at most."), &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  if (phone != NULL)
    for (const char *p = phone; *p; p++)
      if (!g_ascii_isdigit (*p) && !strchr (" .+-()", *p))
        {
          g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID,
                               _("The phone number may only contain digits, spaces, dots and “+”."));
          return FALSE;
        }
  if (email != NULL && (strchr (email, '@') == NULL || strchr (email, ' ') != NULL))
    {
      g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID,
                           _("The e-mail address is not valid: it needs an “@” and no spaces."));
      return FALSE;
    }
  if ((guint) household->housing > ACU_HOUSING_LAST)
    {
      g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID,
                           _("Choose a housing situation from the list."));
      return FALSE;
    }
  if (household->commune_id != 0
      && !acu_catalogue_exists (store, ACU_CATALOGUE_COMMUNE, household->commune_id, error))
    return FALSE;

  clean = (AcuHousehold) {
    .id = household->id, .address = address, .commune_id = household->commune_id, .phone = phone,
    .email = email, .referring_worker = worker, .note = note, .housing = household->housing,
  };
  if (!acu_store_begin (store, error))
    return FALSE;
  ok = update_household (store, &clean, error)
       && acu_audit_record (store, "household-edit", "household", household->id, error);
  return acu_sql_finish (store, ok, error);
}

/* Members, adults first (oldest first), then by name */
GPtrArray *
acu_household_list_members (AcuStore  *store,
                            gint64     household_id,
                            GError   **error)
{
  sqlite3_stmt *stmt;

  if (!acu_store_require_role (store, ACU_ROLE_VOLUNTEER, error))
    return NULL;
  stmt = acu_store_prepare (store,
                            "SELECT " PERSON_COLUMNS " FROM person p" PERSON_JOINS
                            " WHERE p.household_id = :id "
                            "ORDER BY p.birth_date IS NULL, p.birth_date, p.sort_key, p.id", error);
  if (stmt == NULL)
    return NULL;
  acu_sql_bind_int64 (stmt, ":id", household_id);
  return collect_people (store, stmt, error);
}

static char *
join_texts (const char *kept,
            const char *merged)
{
  if (kept == NULL || *kept == '\0')
    return g_strdup (merged);
  if (merged == NULL || *merged == '\0' || g_str_equal (kept, merged))
    return g_strdup (kept);
  return g_strdup_printf ("%s\n%s", kept, merged);
}

/* The kept household's fields win; empty ones take the merged one's;
 * notes join */
static gboolean
merge_fields (AcuStore  *store,
              gint64     kept_id,
              gint64     merged_id,
              gint64     now,
              GError   **error)
{
  g_autoptr(AcuHousehold) kept = acu_household_get (store, kept_id, error);
  g_autoptr(AcuHousehold) merged = kept ? acu_household_get (store, merged_id, error) : NULL;
  g_autofree char *note = NULL;
  AcuHousehold fields;
  sqlite3_stmt *stmt;

  if (merged == NULL)
    return FALSE;
  note = join_texts (kept->note, merged->note);
  fields = *merged;
  fields.note = note;
  stmt = acu_store_prepare (store,
                            "UPDATE household SET "
                            "address = ifnull (address, :address), commune_id = ifnull (commune_id, :commune), "
                            "phone = ifnull (phone, :phone), email = ifnull (email, :email), "
                            "referring_worker = ifnull (referring_worker, :worker), note = :note, "
                            "housing = ifnull (housing, :housing), "
                            "created_on = min (created_on, :created), updated_at = :now WHERE id = :id", error);
  if (stmt == NULL)
    return FALSE;
  acu_sql_bind_int64 (stmt, ":id", kept_id);
  bind_household_fields (stmt, &fields, now);
  acu_sql_bind_text (stmt, ":created", merged->created_on);
  return acu_store_step_done (store, stmt, error);
}

/* The merged household's members, and its records of every area
 * (acu_household_tables), join the kept one */
static gboolean
move_members (AcuStore  *store,
              gint64     kept_id,
              gint64     merged_id,
              gint64     now,
              GError   **error)
{
  sqlite3_stmt *stmt;

  stmt = acu_store_prepare (store,
                            "UPDATE person SET household_id = :kept, updated_at = :now WHERE household_id = :merged",
                            error);
  if (stmt == NULL)
    return FALSE;
  acu_sql_bind_int64 (stmt, ":kept", kept_id);
  acu_sql_bind_int64 (stmt, ":now", now);
  acu_sql_bind_int64 (stmt, ":merged", merged_id);
  if (!acu_store_step_done (store, stmt, error))
    return FALSE;

  for (guint i = 0; acu_household_tables[i] != NULL; i++)
    {
      g_autofree char *sql = g_strdup_printf ("UPDATE %s SET household_id = :kept WHERE household_id = :merged",
                                              acu_household_tables[i]);

      stmt = acu_store_prepare (store, sql, error);
      if (stmt == NULL)
        return FALSE;
      acu_sql_bind_int64 (stmt, ":kept", kept_id);
      acu_sql_bind_int64 (stmt, ":merged", merged_id);
      if (!acu_store_step_done (store, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* Two households that turn out to be the same: the members (and so their
 * visits) of @merged_id join @kept_id, whose fields win where both are
 * filled; notes are joined. @merged_id no longer exists afterwards. */
gboolean
acu_household_merge (AcuStore  *store,
                     gint64     kept_id,
                     gint64     merged_id,
                     GError   **error)
{
  gint64 now = now_seconds ();
  gboolean ok;

  if (!acu_store_require_role (store, ACU_ROLE_VOLUNTEER, error)
      || !acu_household_exists (store, kept_id, error)
      || !acu_household_exists (store, merged_id, error))
    return FALSE;
  if (kept_id == merged_id)
    {
      g_set_error_literal (error, ACU_STORE_ERROR, ACU_STORE_ERROR_INVALID,
                           _("A household cannot be merged with itself. Choose another household number."));
      return FALSE;
    }
  if (!acu_store_begin (store, error))
    return FALSE;
  ok = merge_fields (store, kept_id, merged_id, now, error)
       && move_members (store, kept_id, merged_id, now, error)
       && acu_sql_run_for_id (store, "DELETE FROM household WHERE id = :id", merged_id, error)
       && acu_audit_record (store, "household-merge", "household", merged_id, error);
  return acu_sql_finish (store, ok, error);
}
