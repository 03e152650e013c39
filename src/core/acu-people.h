/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "acu-store.h"

G_BEGIN_DECLS

typedef enum
{
  ACU_GENDER_NOT_STATED,
  ACU_GENDER_WOMAN,
  ACU_GENDER_MAN,
  ACU_GENDER_OTHER,
} AcuGender;

#define ACU_TYPE_GENDER (acu_gender_get_type ())

GType        acu_gender_get_type (void) G_GNUC_CONST;
const char  *acu_gender_to_string (AcuGender gender);
AcuGender    acu_gender_from_string (const char *text);
const char  *acu_gender_get_label (AcuGender gender);

/* An answer that may not have been recorded (a NULL column) */
typedef enum
{
  ACU_TRISTATE_UNKNOWN,   /* not recorded */
  ACU_TRISTATE_YES,
  ACU_TRISTATE_NO,
} AcuTristate;

#define ACU_TRISTATE_LAST ACU_TRISTATE_NO

/* "Not recorded", "Yes", "No" */
const char  *acu_tristate_get_label (AcuTristate value);

/* The sensitive fields of a person that the FSE+ indicators of food aid
 * count: disability is health data, nationality and background are
 * sensitive too (GDPR, article 9). A site records each one only while a
 * coordinator keeps its setting on (AcuFoodSettings: record_disability…),
 * and only staff and coordinators read or write them: see
 * acu_people_get_sensitive_fields(). */
typedef enum
{
  ACU_SENSITIVE_DISABILITY,
  ACU_SENSITIVE_THIRD_COUNTRY,
  ACU_SENSITIVE_FOREIGN_BACKGROUND,
  ACU_SENSITIVE_N
} AcuSensitive;

/* "Disability", "Third-country national", "Foreign background or minority" */
const char  *acu_sensitive_get_label (AcuSensitive field);

/* What the desk types for a person: input of add and update */
typedef struct
{
  const char *first_name;
  const char *last_name;
  const char *birth_date;    /* "YYYY-MM-DD", "YYYY" or NULL */
  AcuGender   gender;
  const char *informed_on;   /* "YYYY-MM-DD" or NULL */
  gint64      household_id;  /* add: 0 makes a new household */
  gint64      commune_id;    /* add with a new household: its commune, or 0 */
  /* Yes or No is refused unless the field is one of
   * acu_people_get_sensitive_fields(). An update writes only those fields
   * (UNKNOWN there clears the answer) and leaves the others as they are. */
  AcuTristate sensitive[ACU_SENSITIVE_N];
} AcuPersonDraft;

#define ACU_TYPE_PERSON (acu_person_get_type ())

G_DECLARE_FINAL_TYPE (AcuPerson, acu_person, ACU, PERSON, GObject)

gint64       acu_person_get_id (AcuPerson *self);
gint64       acu_person_get_household_id (AcuPerson *self);
const char  *acu_person_get_first_name (AcuPerson *self);
const char  *acu_person_get_last_name (AcuPerson *self);
char        *acu_person_dup_display_name (AcuPerson *self);
const char  *acu_person_get_birth_date (AcuPerson *self);
AcuGender    acu_person_get_gender (AcuPerson *self);
const char  *acu_person_get_informed_on (AcuPerson *self);
const char  *acu_person_get_commune (AcuPerson *self);
int          acu_person_get_age (AcuPerson  *self,
                                 const char *on_day);
/* Filled by acu_person_get() alone, and only for the fields of
 * acu_people_get_sensitive_fields(); UNKNOWN otherwise (lists and
 * searches never read them) */
AcuTristate  acu_person_get_sensitive (AcuPerson    *self,
                                       AcuSensitive  field);

/* The housing situation of a household (the FSE+ indicators count the
 * homeless and those affected by housing exclusion): an ordinary field */
typedef enum
{
  ACU_HOUSING_NOT_STATED,
  ACU_HOUSING_HOUSED,
  ACU_HOUSING_PRECARIOUS,   /* hosted, hotel, emergency shelter, squat… */
  ACU_HOUSING_HOMELESS,     /* sleeping rough */
} AcuHousing;

#define ACU_HOUSING_LAST ACU_HOUSING_HOMELESS

const char  *acu_housing_to_string (AcuHousing housing);       /* NULL when not stated */
AcuHousing   acu_housing_from_string (const char *text);
const char  *acu_housing_get_label (AcuHousing housing);

typedef struct
{
  gint64  id;               /* also its number at the desk */
  char   *address;
  gint64  commune_id;       /* 0: none */
  char   *commune;          /* its label, read only */
  char   *phone;
  char   *email;
  char   *referring_worker;
  char   *note;             /* factual, not confidential */
  AcuHousing housing;
  char   *created_on;
} AcuHousehold;

void          acu_household_free (AcuHousehold *household);

/* The sensitive fields the person identified at the desk reads and
 * writes: those whose setting is on, for staff and coordinators; none
 * for volunteers. @fields[field] is TRUE for each. */
gboolean      acu_people_get_sensitive_fields (AcuStore  *store,
                                               gboolean   fields[ACU_SENSITIVE_N],
                                               GError   **error);
/* Coordinators: how many persons have an answer to @field, and erasing
 * every answer to it, the person's and the copies food aid's snapshots
 * keep (a site that stops recording it for good; audited) */
guint         acu_people_count_sensitive (AcuStore      *store,
                                          AcuSensitive   field,
                                          GError       **error);
gboolean      acu_people_erase_sensitive (AcuStore      *store,
                                          AcuSensitive   field,
                                          GError       **error);

gint64        acu_person_add (AcuStore              *store,
                              const AcuPersonDraft  *draft,
                              GError               **error);
gboolean      acu_person_update (AcuStore              *store,
                                 gint64                 person_id,
                                 const AcuPersonDraft  *draft,
                                 GError               **error);
AcuPerson    *acu_person_get (AcuStore  *store,
                              gint64     person_id,
                              GError   **error);
gboolean      acu_person_move (AcuStore  *store,
                               gint64     person_id,
                               gint64     household_id,
                               gint64    *new_household_id,
                               GError   **error);
GPtrArray    *acu_person_find_duplicates (AcuStore    *store,
                                          const char  *first_name,
                                          const char  *last_name,
                                          const char  *birth_date,
                                          GError     **error);

GPtrArray    *acu_people_search (AcuStore    *store,
                                 const char  *query,
                                 guint        offset,
                                 guint        limit,
                                 GError     **error);

GPtrArray    *acu_people_list_all (AcuStore  *store,
                                   guint      offset,
                                   guint      limit,
                                   GError   **error);

gboolean      acu_household_exists (AcuStore  *store,
                                    gint64     household_id,
                                    GError   **error);
AcuHousehold *acu_household_get (AcuStore  *store,
                                 gint64     household_id,
                                 GError   **error);
gboolean      acu_household_update (AcuStore            *store,
                                    const AcuHousehold  *household,
                                    GError             **error);
GPtrArray    *acu_household_list_members (AcuStore  *store,
                                          gint64     household_id,
                                          GError   **error);
gboolean      acu_household_merge (AcuStore  *store,
                                   gint64     kept_id,
                                   gint64     merged_id,
                                   GError   **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AcuHousehold, acu_household_free)

G_END_DECLS
