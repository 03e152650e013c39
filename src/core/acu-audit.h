/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "acu-store.h"

G_BEGIN_DECLS

typedef struct
{
  gint64  id;
  gint64  at;          /* UTC Unix seconds */
  char   *person;      /* who was identified; NULL if nobody */
  char   *action;      /* a code: "visit-add", "pin-failure"... */
  char   *object;      /* ids only: "visit 12", "household 4"; may be NULL */
} AcuAuditEntry;

/* An audit action, declared by the module of its area: its code, its
 * label and the data areas a write recorded with it changes (the store
 * emits AcuStore::changed for them, and for the audit log, once the
 * write's transaction commits). */
typedef struct
{
  const char *code;
  const char *label;   /* N_() */
  AcuAreas    areas;
} AcuAuditAction;

typedef struct
{
  const AcuAuditAction *actions;
  guint                 n_actions;
} AcuAuditActions;

#define ACU_AUDIT_ACTIONS(array) { (array), G_N_ELEMENTS (array) }

/* Each area's actions (the registry is in acu-audit.c) */
extern const AcuAuditActions acu_audit_access_actions;      /* acu-desk-people.c */
extern const AcuAuditActions acu_audit_catalogue_actions;   /* acu-catalogue.c */
extern const AcuAuditActions acu_audit_people_actions;      /* acu-people.c */
extern const AcuAuditActions acu_audit_confidential_actions; /* acu-confidential.c */
extern const AcuAuditActions acu_audit_visits_actions;      /* acu-visits.c */
extern const AcuAuditActions acu_audit_report_actions;      /* acu-report-export.c */
extern const AcuAuditActions acu_audit_goods_actions;       /* acu-goods.c */
extern const AcuAuditActions acu_audit_food_actions;        /* acu-food.c */
extern const AcuAuditActions acu_audit_food_report_actions; /* acu-report-food.c */
extern const AcuAuditActions acu_audit_log_actions;         /* acu-audit.c */

void        acu_audit_entry_free (AcuAuditEntry *entry);
const AcuAuditAction *acu_audit_action_lookup (const char *code);
const char *acu_audit_action_get_label (const char *action);
const char *const *acu_audit_list_actions (void);
char       *acu_audit_object_get_label (const char *object);

/* Written by the core itself, inside the transaction of the change */
gboolean    acu_audit_record (AcuStore    *store,
                              const char  *action,
                              const char  *object_kind,
                              gint64       object_id,
                              GError     **error);

gboolean    acu_audit_record_as (AcuStore    *store,
                                 gint64       person_id,
                                 const char  *action,
                                 const char  *object_kind,
                                 gint64       object_id,
                                 GError     **error);

/* Coordinators only */
GPtrArray  *acu_audit_list (AcuStore    *store,
                            const char  *since,
                            const char  *until,
                            gint64       person_id,
                            const char  *action,
                            guint        offset,
                            guint        limit,
                            GError     **error);
gboolean    acu_audit_export_csv (AcuStore       *store,
                                  const char     *since,
                                  const char     *until,
                                  GOutputStream  *out,
                                  GCancellable   *cancellable,
                                  GError        **error);
int         acu_audit_get_retention_days (AcuStore *store);
gboolean    acu_audit_set_retention_days (AcuStore  *store,
                                          int        days,
                                          GError   **error);
int         acu_audit_purge (AcuStore  *store,
                             GError   **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AcuAuditEntry, acu_audit_entry_free)

G_END_DECLS
