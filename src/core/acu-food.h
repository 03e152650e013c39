/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "acu-goods.h"
#include "acu-store.h"

G_BEGIN_DECLS

/* Food aid (DOMAIN.md): access records on households, the reste-à-vivre
 * helper, distribution days, households served with a parcel or a
 * grocery basket. Roles: volunteers see whether access is valid and what
 * is left this month, and serve; staff grant access, read and write the
 * budget lines (sealed, audited) and override warnings; coordinators
 * change the settings. */

typedef enum
{
  ACU_FOOD_MODE_PARCEL,
  ACU_FOOD_MODE_GROCERY,
  ACU_FOOD_MODE_BOTH,     /* access only */
} AcuFoodMode;

typedef enum
{
  ACU_FOOD_PERIOD_WEEK,   /* Monday to Sunday */
  ACU_FOOD_PERIOD_MONTH,  /* the calendar month */
} AcuFoodPeriod;

const char   *acu_food_mode_to_string (AcuFoodMode mode);
AcuFoodMode   acu_food_mode_from_string (const char *text);
const char   *acu_food_mode_get_label (AcuFoodMode mode);
/* "Once a week", "Twice a month", "3 times a month"… */
char         *acu_food_frequency_dup_label (guint         times,
                                            AcuFoodPeriod period);

/* Settings (coordinators change them; everyone reads them) */
typedef enum
{
  ACU_FOOD_SCALE_DEFAULT,  /* 1 share a person, +0.5 for a single parent */
  ACU_FOOD_SCALE_OECD,     /* 1 first adult, 0.5 other 14+, 0.3 under 14 */
} AcuFoodScale;

typedef struct
{
  gint64        right_single_cents;   /* grocery right a month, one adult */
  gint64        right_couple_cents;   /* two adults or more */
  gint64        right_child_cents;    /* each child under 18 */
  int           rate_bp;              /* default participation, 2000 = 20 % */
  AcuFoodScale  scale;
  gint64        threshold_cents;      /* reste à vivre a share a day */
  gboolean      record_disability;    /* sensitive: off unless turned on */
  gboolean      record_third_country;
  gboolean      record_foreign_background;
} AcuFoodSettings;

gboolean      acu_food_get_settings (AcuStore         *store,
                                     AcuFoodSettings  *settings,
                                     GError          **error);
gboolean      acu_food_set_settings (AcuStore               *store,
                                     const AcuFoodSettings  *settings,
                                     GError                **error);

/* The household as food aid counts it, from its members' birth dates */
typedef struct
{
  guint persons;
  guint adults;        /* 18 and over, or age not stated */
  guint children;      /* under 18 */
  guint under_14;
  guint over_14;       /* 14 and over, the first adult included */
} AcuFoodHousehold;

gboolean      acu_food_count_household (AcuStore          *store,
                                        gint64             household_id,
                                        const char        *day,
                                        AcuFoodHousehold  *out,
                                        GError           **error);
/* The grocery right a month by the rule of the settings */
gint64        acu_food_right_by_rule (const AcuFoodSettings   *settings,
                                      const AcuFoodHousehold  *household);

/* Access records */
typedef struct
{
  gint64          household_id;
  gint64          follows_id;     /* the record renewed; 0 for a first one */
  gint64          partner_id;     /* referral partner; 0: none */
  const char     *worker;         /* referring worker */
  const char     *start_day;
  const char     *end_day;
  AcuFoodMode     mode;
  guint           times;          /* services a period */
  AcuFoodPeriod   period;
  gint64          right_cents;    /* grocery right a month; -1: by the rule */
  int             rate_bp;        /* participation; -1: the settings' */
} AcuFoodAccessDraft;

typedef struct
{
  gint64          id;
  gint64          household_id;
  gint64          follows_id;
  gint64          partner_id;
  char           *partner;        /* its label, or NULL */
  char           *worker;
  char            start_day[11];
  char            end_day[11];
  AcuFoodMode     mode;
  guint           times;
  AcuFoodPeriod   period;
  gint64          right_cents;    /* -1 for parcels only */
  gboolean        right_by_hand;
  int             rate_bp;
  gint64          created_at;
} AcuFoodAccess;

void           acu_food_access_free (AcuFoodAccess *access);
/* Staff: the new record's id, or 0 */
gint64         acu_food_access_grant (AcuStore                  *store,
                                      const AcuFoodAccessDraft  *draft,
                                      GError                   **error);
/* Staff: the household's records, newest first */
GPtrArray     *acu_food_access_list (AcuStore  *store,
                                     gint64     household_id,
                                     GError   **error);

/* What anyone at the desk may know of a household's access: no resources */
typedef enum
{
  ACU_FOOD_ACCESS_NONE,      /* never had access */
  ACU_FOOD_ACCESS_VALID,
  ACU_FOOD_ACCESS_EXPIRED,
  ACU_FOOD_ACCESS_NOT_YET,   /* starts later */
} AcuFoodAccessState;

typedef struct
{
  AcuFoodAccessState  state;
  gint64              access_id;       /* the record that applies, or 0 */
  char                start_day[11];
  char                end_day[11];
  AcuFoodMode         mode;
  guint               times;
  AcuFoodPeriod       period;
  guint               served;          /* services in the current period */
  char                last_served[11]; /* "" if never */
  gint64              right_cents;     /* -1: no grocery */
  gint64              spent_cents;     /* participation paid this month */
  gint64              left_cents;      /* never below 0 */
  int                 rate_bp;
} AcuFoodStatus;

/* Volunteers and up; @day NULL: today */
gboolean      acu_food_get_status (AcuStore       *store,
                                   gint64          household_id,
                                   const char     *day,
                                   AcuFoodStatus  *status,
                                   GError        **error);

/* Reste à vivre: the budget lines, sealed with the confidential key */
typedef enum
{
  ACU_BUDGET_RESOURCE,
  ACU_BUDGET_CHARGE,
} AcuBudgetKind;

typedef struct
{
  gint64         id;
  char          *code;
  char          *label;
  AcuBudgetKind  kind;
  gboolean       hidden;     /* no longer offered; budgets that have it keep it */
} AcuBudgetLabel;

typedef struct
{
  gint64  label_id;
  gint64  cents;        /* a month, >= 0 */
} AcuBudgetLine;

typedef struct
{
  gint64  resources_cents;
  gint64  charges_cents;
  guint   shares_x100;        /* 250 = 2.5 shares */
  gint64  per_day_cents;      /* a share a day; may be negative */
  gint64  threshold_cents;
  gboolean below;             /* per_day_cents < threshold */
  AcuFoodScale scale;
} AcuResteAVivre;

void          acu_budget_label_free (AcuBudgetLabel *label);
/* Staff: every label in its order, hidden ones too (Preferences edits
 * them: acu-catalogue.h) */
GPtrArray    *acu_food_budget_labels (AcuStore  *store,
                                      GError   **error);
/* Staff: replaces the household's budget by @lines (a new sealed row) */
gboolean      acu_food_budget_save (AcuStore             *store,
                                    gint64               household_id,
                                    const AcuBudgetLine *lines,
                                    guint                n_lines,
                                    GError             **error);
/* Staff: the current lines (a GArray of AcuBudgetLine, maybe empty);
 * the reading is recorded in the audit log */
GArray       *acu_food_budget_read (AcuStore  *store,
                                    gint64     household_id,
                                    GError   **error);
/* Staff: the helper's result for @lines and the household's members */
gboolean      acu_food_reste_a_vivre (AcuStore             *store,
                                      gint64               household_id,
                                      const AcuBudgetLine *lines,
                                      guint                n_lines,
                                      AcuResteAVivre      *out,
                                      GError             **error);

/* Distribution days */
typedef struct
{
  gint64       id;            /* 0: a rule's day not yet opened */
  char         day[11];
  char         start_time[6];
  char         end_time[6];
  AcuFoodMode  mode;          /* parcel or grocery */
  gint64       rule_id;       /* 0: a one-off day */
  gboolean     closed;
} AcuFoodDay;

typedef struct
{
  gint64       id;
  int          weekday;       /* 1 Monday … 7 Sunday */
  char         start_time[6];
  char         end_time[6];
  AcuFoodMode  mode;
  char         from_day[11];
  char         until_day[11]; /* "" : no end */
} AcuFoodRule;

/* Staff */
gint64        acu_food_rule_add (AcuStore     *store,
                                 int           weekday,
                                 const char   *start_time,
                                 const char   *end_time,
                                 AcuFoodMode   mode,
                                 const char   *from_day,
                                 const char   *until_day,
                                 GError      **error);
gboolean      acu_food_rule_end (AcuStore    *store,
                                 gint64       rule_id,
                                 const char  *until_day,
                                 GError     **error);
GArray       *acu_food_rule_list (AcuStore  *store,
                                  GError   **error);
gint64        acu_food_day_add (AcuStore     *store,
                                const char   *day,
                                const char   *start_time,
                                const char   *end_time,
                                AcuFoodMode   mode,
                                GError      **error);
/* Closes (or opens again) the distribution of @day in @mode */
gboolean      acu_food_day_set_closed (AcuStore     *store,
                                       const char   *day,
                                       AcuFoodMode   mode,
                                       gboolean      closed,
                                       GError      **error);
/* Volunteers and up: the distributions from @from to @to, rules and
 * one-off days together, closed ones included (a GArray of AcuFoodDay) */
GArray       *acu_food_day_list (AcuStore    *store,
                                 const char  *from,
                                 const char  *to,
                                 GError     **error);

/* The households expected on a distribution day: valid access in that
 * mode, by name; served ones are marked. A row of the day's list, with
 * properties for its .ui factory. */
#define ACU_TYPE_FOOD_EXPECTED (acu_food_expected_get_type ())
G_DECLARE_FINAL_TYPE (AcuFoodExpected, acu_food_expected, ACU, FOOD_EXPECTED, GObject)

gint64        acu_food_expected_get_household_id (AcuFoodExpected *self);
gint64        acu_food_expected_get_person_id (AcuFoodExpected *self);  /* the member named */
const char   *acu_food_expected_get_name (AcuFoodExpected *self);      /* the first member by name */
guint         acu_food_expected_get_persons (AcuFoodExpected *self);
const char   *acu_food_expected_get_end_day (AcuFoodExpected *self);
guint         acu_food_expected_get_served (AcuFoodExpected *self);    /* in the current period */
guint         acu_food_expected_get_times (AcuFoodExpected *self);
gboolean      acu_food_expected_get_served_today (AcuFoodExpected *self);
GPtrArray    *acu_food_day_expected (AcuStore     *store,
                                     const char   *day,
                                     AcuFoodMode   mode,
                                     guint         offset,
                                     guint         limit,
                                     GError      **error);
guint         acu_food_day_count_expected (AcuStore     *store,
                                           const char   *day,
                                           AcuFoodMode   mode,
                                           GError      **error);

/* Volunteers and up: the day's sign-in sheet (names of the households
 * expected) is printed or saved; recorded in the audit log before it
 * goes out, as every export of names is */
gboolean      acu_food_record_sheet (AcuStore     *store,
                                     const char   *day,
                                     GError      **error);

/* Serving a household */
typedef struct
{
  gint64  category_id;
  gint64  grams;
} AcuFoodWeight;

typedef struct
{
  gint64       category_id;
  const char  *item;          /* optional */
  gint64       price_cents;   /* shelf price, a piece or a kg */
  guint        quantity;      /* pieces; 0 when weighed */
  gint64       grams;         /* when sold by weight; 0 otherwise */
} AcuBasketLine;

/* The price of a line: price × quantity, or price a kg × grams / 1000 */
gint64        acu_basket_line_cents (const AcuBasketLine *line);
/* The household's participation for @shelf_cents at @rate_bp, rounded
 * to the nearest cent */
gint64        acu_food_participation (gint64 shelf_cents,
                                      int    rate_bp);

typedef struct
{
  const char           *day;            /* NULL: today */
  gint64                person_id;      /* the person at the desk */
  AcuFoodMode           mode;           /* parcel or grocery */
  const AcuFoodWeight  *weights;        /* parcel: kg by category */
  guint                 n_weights;
  const AcuBasketLine  *lines;          /* grocery: the basket */
  guint                 n_lines;
  gint64                value_cents;    /* -1: not known */
  gint64                paid_cents;     /* parcel: participation paid, -1 none;
                                           grocery: computed, ignored */
  const char           *override_reason; /* staff, to serve despite a warning */
} AcuFoodServiceDraft;

/* The warnings that stop a service unless staff override them */
typedef enum
{
  ACU_FOOD_WARNING_NONE          = 0,
  ACU_FOOD_WARNING_NO_ACCESS     = 1 << 0,
  ACU_FOOD_WARNING_EXPIRED       = 1 << 1,
  ACU_FOOD_WARNING_FREQUENCY     = 1 << 2,
  ACU_FOOD_WARNING_MODE          = 1 << 3,   /* access for the other mode */
  ACU_FOOD_WARNING_OVER_RIGHT    = 1 << 4,   /* the basket passes the right left */
  ACU_FOOD_WARNING_CLOSED        = 1 << 5,   /* the day's distribution is closed */
} AcuFoodWarnings;

/* Volunteers and up: what would stop @draft, and a sentence saying it
 * (NULL when nothing). An empty basket is not an error here (the dialog
 * asks before the first line); acu_food_serve refuses it. */
AcuFoodWarnings acu_food_check (AcuStore                   *store,
                                const AcuFoodServiceDraft  *draft,
                                char                      **message,
                                GError                    **error);
/* Volunteers and up: records the visit (food aid) and the service, with
 * the kg out of the ledger, in one transaction. A warning fails with
 * ACU_STORE_ERROR_FORBIDDEN for a volunteer, and ACU_STORE_ERROR_INVALID
 * for staff who give no override reason. The service's id, or 0. */
gint64        acu_food_serve (AcuStore                   *store,
                              const AcuFoodServiceDraft  *draft,
                              gint64                     *visit_id,
                              GError                    **error);
/* The service that came with a visit, or 0 (volunteers and up) */
gint64        acu_food_service_find (AcuStore  *store,
                                     gint64     visit_id,
                                     GError   **error);
/* The household's service of @day that counts (the last one), or 0 */
gint64        acu_food_service_find_on_day (AcuStore    *store,
                                            gint64       household_id,
                                            const char  *day,
                                            GError     **error);
/* Cancels a service: its movements are corrected (the ledger keeps
 * both), the service counts no more, and its visit is deleted. Staff, or
 * the volunteer who served it, the same day. */
gboolean      acu_food_service_cancel (AcuStore  *store,
                                       gint64     service_id,
                                       GError   **error);
/* The standard parcel for a household of @persons (6 for more) */
GArray       *acu_food_parcel_preset (AcuStore  *store,
                                      guint      persons,
                                      GError   **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AcuFoodAccess, acu_food_access_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AcuBudgetLabel, acu_budget_label_free)

G_END_DECLS
