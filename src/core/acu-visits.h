/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "acu-people.h"

G_BEGIN_DECLS

/* The age brackets of DOMAIN.md, as anonymous visits record them */
typedef enum
{
  ACU_AGE_NOT_STATED,
  ACU_AGE_0_3,
  ACU_AGE_4_14,
  ACU_AGE_15_17,
  ACU_AGE_18_29,
  ACU_AGE_30_54,
  ACU_AGE_55_64,
  ACU_AGE_65_PLUS,
  ACU_N_AGE_BRACKETS
} AcuAgeBracket;

#define ACU_TYPE_AGE_BRACKET (acu_age_bracket_get_type ())

GType          acu_age_bracket_get_type (void) G_GNUC_CONST;
const char    *acu_age_bracket_to_string (AcuAgeBracket bracket);
AcuAgeBracket  acu_age_bracket_from_string (const char *text);
AcuAgeBracket  acu_age_bracket_for_age (int age);
const char    *acu_age_bracket_get_label (AcuAgeBracket bracket);

typedef struct
{
  const char     *day;           /* "YYYY-MM-DD"; NULL: today */
  const char     *time;          /* "HH:MM"; NULL: now */
  gint64          person_id;     /* 0: an anonymous visit */
  const gint64   *reason_ids;
  guint           n_reasons;
  gint64          referral_id;   /* 0: none */
  const char     *note;
  /* anonymous visits only; ignored for a known person */
  AcuGender       anon_gender;
  AcuAgeBracket   anon_age;
  gint64          anon_commune_id;
} AcuVisitDraft;

#define ACU_TYPE_VISIT (acu_visit_get_type ())

G_DECLARE_FINAL_TYPE (AcuVisit, acu_visit, ACU, VISIT, GObject)

gint64         acu_visit_get_id (AcuVisit *self);
const char    *acu_visit_get_day (AcuVisit *self);
const char    *acu_visit_get_time (AcuVisit *self);
gint64         acu_visit_get_person_id (AcuVisit *self);
const char    *acu_visit_get_person_name (AcuVisit *self);
gint64         acu_visit_get_household_id (AcuVisit *self);
const gint64  *acu_visit_get_reason_ids (AcuVisit *self,
                                         guint    *n_reasons);
const char    *acu_visit_get_reasons_label (AcuVisit *self);
gint64         acu_visit_get_referral_id (AcuVisit *self);
const char    *acu_visit_get_referral_label (AcuVisit *self);
const char    *acu_visit_get_note (AcuVisit *self);
const char    *acu_visit_get_logged_by (AcuVisit *self);
AcuGender      acu_visit_get_anon_gender (AcuVisit *self);
AcuAgeBracket  acu_visit_get_anon_age (AcuVisit *self);
gint64         acu_visit_get_anon_commune_id (AcuVisit *self);

typedef struct
{
  guint visits;
  guint persons;       /* distinct persons */
  guint households;    /* distinct households */
  guint anonymous;     /* anonymous visits */
} AcuVisitCounts;

typedef struct
{
  char            day[11];
  AcuVisitCounts  counts;
} AcuDayCounts;

typedef struct
{
  gint64  reason_id;
  char   *label;
  guint   visits;
} AcuReasonCount;

void           acu_reason_count_free (AcuReasonCount *count);

gint64         acu_visit_log (AcuStore             *store,
                              const AcuVisitDraft  *draft,
                              GError              **error);
gboolean       acu_visit_update (AcuStore             *store,
                                 gint64                visit_id,
                                 const AcuVisitDraft  *draft,
                                 GError              **error);
AcuVisit      *acu_visit_get (AcuStore  *store,
                              gint64     visit_id,
                              GError   **error);
gboolean       acu_visit_delete (AcuStore  *store,
                                 gint64     visit_id,
                                 GError   **error);
gboolean       acu_visit_restore (AcuStore  *store,
                                  AcuVisit  *visit,
                                  GError   **error);

GPtrArray     *acu_visit_list_day (AcuStore    *store,
                                   const char  *day,
                                   GError     **error);
GPtrArray     *acu_visit_list_household (AcuStore  *store,
                                         gint64     household_id,
                                         guint      offset,
                                         guint      limit,
                                         GError   **error);
char          *acu_visit_get_last_day (AcuStore  *store,
                                       gint64     person_id,
                                       GError   **error);

gboolean       acu_visit_count (AcuStore        *store,
                                const char      *from,
                                const char      *to,
                                AcuVisitCounts  *counts,
                                GError         **error);
GArray        *acu_visit_count_by_day (AcuStore    *store,
                                       const char  *from,
                                       const char  *to,
                                       GError     **error);
GPtrArray     *acu_visit_count_by_reason (AcuStore    *store,
                                          const char  *from,
                                          const char  *to,
                                          GError     **error);


G_DEFINE_AUTOPTR_CLEANUP_FUNC (AcuReasonCount, acu_reason_count_free)

G_END_DECLS
