/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <check.h>
#include <gio/gio.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "acu-audit.h"
#include "acu-catalogue.h"
#include "acu-demo.h"
#include "acu-desk-people.h"
#include "acu-report-export.h"
#include "acu-store-private.h"
#include "acu-visits.h"
#include "acu-test-util.h"

/* The activity summary as CSV, JSON and the network's anonymous JSON:
 * read back, every figure is the report's; the network file holds no
 * name and no small count; only a coordinator exports, every export is
 * recorded, and a failed one leaves everything as it was. Expected
 * values come from the AcuReport or from SQL, never from the export. */

#define SITE             "Tiers-lieu de Lectoure"
#define COORDINATOR      "Hélène Martin"
#define COORD_PASSWORD   "Tr3s-Secret!Gers#2026"
#define VOLUNTEER        "Louise Dupré"
#define PIN              "2580"
#define COORDINATOR_ID   1

/* Two years of demo data up to the end of the month reported on, so
 * that the year before counts too */
#define DEMO_UNTIL       "2025-10-31"
#define REPORT_YEAR      2025
#define REPORT_MONTH     10
#define CUSTOM_DAY       "2025-10-14"

/* Reasons a coordinator added: free text, one that a spreadsheet would
 * run as a formula */
#define FORMULA_REASON   "=SUM(A1)"
#define FORMULA_VISITS   2
#define OTHER_REASON     "Atelier vélo ZQXWV"
#define OTHER_VISITS     4

#define BOM              "\xef\xbb\xbf"

typedef struct
{
  AcuStore  *store;
  AcuReport *report;
} Fixture;

/* Helpers */

static void
log_custom_visits (AcuStore *store,
                   gint64    person_id,
                   gint64    reason_id,
                   guint     n)
{
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GError) error = NULL;
      AcuVisitDraft draft = {
        .day = CUSTOM_DAY,
        .time = "10:30",
        .person_id = person_id,
        .reason_ids = &reason_id,
        .n_reasons = 1,
      };

      ck_assert_msg (acu_visit_log (store, &draft, &error) > 0, "visit: %s", error ? error->message : "");
    }
}

/* A store with demo data, two reasons added by the coordinator and
 * visits for them in the month, and the report of that month */
static void
fixture_init (Fixture *fx)
{
  g_autoptr(GError) error = NULL;
  AcuDemoOptions options = { .households = 40, .years = 2, .seed = 20251031, .until = DEMO_UNTIL };
  AcuPeriod period;
  gint64 formula, other, person;

  fx->store = acu_store_create (acu_test_db_path, SITE, COORDINATOR, COORD_PASSWORD, NULL, &error);
  ck_assert_msg (fx->store != NULL, "create: %s", error ? error->message : "");
  ck_assert_msg (acu_demo_fill (fx->store, &options, NULL, NULL, NULL, &error), "demo: %s",
                 error ? error->message : "");

  formula = acu_catalogue_add (fx->store, ACU_CATALOGUE_REASON, FORMULA_REASON, &error);
  ck_assert_msg (formula > 0, "add reason: %s", error ? error->message : "");
  other = acu_catalogue_add (fx->store, ACU_CATALOGUE_REASON, OTHER_REASON, &error);
  ck_assert_msg (other > 0, "add reason: %s", error ? error->message : "");
  person = acu_test_query_int (fx->store, "SELECT min (id) FROM person");
  log_custom_visits (fx->store, person, formula, FORMULA_VISITS);
  log_custom_visits (fx->store, person, other, OTHER_VISITS);

  acu_period_init_month (&period, REPORT_YEAR, REPORT_MONTH);
  fx->report = acu_report_compute (fx->store, &period, NULL, NULL, NULL, &error);
  ck_assert_msg (fx->report != NULL, "report: %s", error ? error->message : "");
}

static void
fixture_clear (Fixture *fx)
{
  g_clear_pointer (&fx->report, acu_report_free);
  acu_store_close (fx->store);
  g_clear_object (&fx->store);
}

/* The CSV's fields, unquoted: "" inside quotes is one " */
static GPtrArray *
csv_split_line (const char *line)
{
  GPtrArray *fields = g_ptr_array_new_with_free_func (g_free);
  GString *field = g_string_new (NULL);
  gboolean quoted = FALSE;

  for (const char *p = line; *p; p++)
    {
      if (quoted)
        {
          if (*p == '"' && p[1] == '"')
            {
              g_string_append_c (field, '"');
              p++;
            }
          else if (*p == '"')
            quoted = FALSE;
          else
            g_string_append_c (field, *p);
        }
      else if (*p == '"')
        quoted = TRUE;
      else if (*p == ';')
        {
          g_ptr_array_add (fields, g_string_free (field, FALSE));
          field = g_string_new (NULL);
        }
      else
        g_string_append_c (field, *p);
    }
  ck_assert_msg (!quoted, "unbalanced quotes in \"%s\"", line);
  g_ptr_array_add (fields, g_string_free (field, FALSE));
  return fields;
}

/* Lines without their "\r" */
static GStrv
csv_lines (const char *text)
{
  GStrv lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      gsize len = strlen (lines[i]);

      if (len > 0 && lines[i][len - 1] == '\r')
        lines[i][len - 1] = '\0';
    }
  return lines;
}

static const char *
field (GPtrArray *fields,
       guint      i)
{
  ck_assert_msg (i < fields->len, "no field %u (%u fields)", i, fields->len);
  return g_ptr_array_index (fields, i);
}

static gint64
csv_int (const char *text)
{
  char *end = NULL;
  gint64 value;

  ck_assert_msg (text[0] != '\0', "empty count");
  value = g_ascii_strtoll (text, &end, 10);
  ck_assert_msg (*end == '\0', "\"%s\" is not a plain integer", text);
  return value;
}

static guint
count_figures (const AcuReport *report)
{
  guint n = 0;

  for (guint s = 0; s < report->sections->len; s++)
    {
      AcuReportSection *section = g_ptr_array_index (report->sections, s);

      for (guint t = 0; t < section->tables->len; t++)
        n += ((AcuFigureTable *) g_ptr_array_index (section->tables, t))->figures->len;
    }
  return n;
}

static gint64
audit_count (AcuStore *store)
{
  return acu_test_query_int (store, "SELECT count (*) FROM audit WHERE action = 'report-export'");
}

static void
identify_volunteer (AcuStore *store)
{
  g_autoptr(GError) error = NULL;
  gint64 id = acu_desk_person_add (store, VOLUNTEER, ACU_ROLE_VOLUNTEER, PIN, &error);

  ck_assert_msg (id > 0, "volunteer: %s", error ? error->message : "");
  ck_assert_msg (acu_store_identify_with_pin (store, id, PIN, &error), "PIN: %s", error ? error->message : "");
  ck_assert_int_eq (acu_store_get_role (store), ACU_ROLE_VOLUNTEER);
}

static void
identify_coordinator (AcuStore *store)
{
  g_autoptr(GError) error = NULL;

  ck_assert_msg (acu_store_identify_with_password (store, COORDINATOR_ID, COORD_PASSWORD, &error),
                 "password: %s", error ? error->message : "");
  ck_assert_int_eq (acu_store_get_role (store), ACU_ROLE_COORDINATOR);
}

static char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  ck_assert_msg (g_file_get_contents (path, &contents, NULL, &error), "%s: %s", path, error ? error->message : "");
  return contents;
}

static JsonObject *
parse_object (JsonParser *parser,
              const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonNode *root;

  ck_assert_msg (json_parser_load_from_data (parser, text, -1, &error), "JSON: %s", error ? error->message : "");
  root = json_parser_get_root (parser);
  ck_assert (JSON_NODE_HOLDS_OBJECT (root));
  return json_node_get_object (root);
}

static JsonObject *
member_object (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  ck_assert_msg (node != NULL && JSON_NODE_HOLDS_OBJECT (node), "no object \"%s\"", name);
  return json_node_get_object (node);
}

static JsonArray *
member_array (JsonObject *object,
              const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  ck_assert_msg (node != NULL && JSON_NODE_HOLDS_ARRAY (node), "no array \"%s\"", name);
  return json_node_get_array (node);
}

/* 1. CSV */

START_TEST (test_csv)
{
  Fixture fx = { 0 };
  g_autofree char *csv = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GHashTable) rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                      (GDestroyNotify) g_ptr_array_unref);
  const AcuPeriod *period;
  guint n_lines, n_changes = 0;
  gboolean formula_seen = FALSE;

  fixture_init (&fx);
  period = &fx.report->periods[ACU_REPORT_NOW];
  csv = acu_report_to_csv (fx.report);
  ck_assert (g_utf8_validate (csv, -1, NULL));
  ck_assert_msg (g_str_has_prefix (csv, BOM), "no BOM");
  lines = csv_lines (csv + strlen (BOM));
  n_lines = g_strv_length (lines);

  /* The site, the period, an empty line, the header */
  ck_assert_uint_ge (n_lines, 4);
  {
    g_autoptr(GPtrArray) site = csv_split_line (lines[0]);
    g_autoptr(GPtrArray) dates = csv_split_line (lines[1]);
    g_autoptr(GPtrArray) header = csv_split_line (lines[3]);

    ck_assert_str_eq (field (site, 0), "Site");
    ck_assert_str_eq (field (site, 1), SITE);
    ck_assert_str_eq (field (dates, 0), "Period");
    ck_assert_str_eq (field (dates, 1), "October 2025");
    ck_assert_str_eq (field (dates, 2), "2025-10-01");
    ck_assert_str_eq (field (dates, 3), "2025-10-31");
    ck_assert_str_eq (lines[2], "");
    ck_assert_uint_eq (header->len, 10);
    ck_assert_str_eq (field (header, 0), "Section");
    ck_assert_str_eq (field (header, 1), "Table");
    ck_assert_str_eq (field (header, 2), "Key");
    ck_assert_str_eq (field (header, 3), "Row");
    ck_assert_str_eq (field (header, 4), "October 2025");
    ck_assert_str_eq (field (header, 5), "September 2025");
    ck_assert_str_eq (field (header, 6), "October 2024");
    ck_assert_str_eq (field (header, 7), "Change (%)");
    ck_assert_str_eq (field (header, 8), "Unit");
    ck_assert_str_eq (field (header, 9), "Kind");
    ck_assert_str_eq (period->from, "2025-10-01");
  }

  /* One line per figure, then the final line break */
  ck_assert_str_eq (lines[n_lines - 1], "");
  ck_assert_uint_eq (n_lines - 5, count_figures (fx.report));
  for (guint i = 4; i < n_lines - 1; i++)
    {
      GPtrArray *fields = csv_split_line (lines[i]);
      char *id;

      ck_assert_msg (fields->len == 10, "line %u has %u fields: %s", i, fields->len, lines[i]);
      /* No text field a spreadsheet would run */
      for (guint f = 0; f < 4; f++)
        ck_assert_msg (strchr ("=+-@", field (fields, f)[0]) == NULL || field (fields, f)[0] == '\0',
                       "line %u: field %u is a formula: %s", i, f, field (fields, f));
      /* Quoted in the file, so Calc reads it as text */
      ck_assert_msg (g_str_has_prefix (lines[i], "\""), "line %u: %s", i, lines[i]);
      if (g_str_equal (field (fields, 3), "'" FORMULA_REASON))
        {
          formula_seen = TRUE;
          ck_assert (strstr (lines[i], "\"'=SUM(A1)\"") != NULL);
        }
      /* section, table, and the key, or the label of a row without one */
      id = g_strjoin ("\x1f", field (fields, 0), field (fields, 1),
                      field (fields, 2)[0] ? field (fields, 2) : field (fields, 3), NULL);
      ck_assert_msg (!g_hash_table_contains (rows, id), "two lines for %s", lines[i]);
      g_hash_table_insert (rows, id, fields);
    }
  ck_assert_msg (formula_seen, "no line for the reason " FORMULA_REASON);

  for (guint s = 0; s < fx.report->sections->len; s++)
    {
      AcuReportSection *section = g_ptr_array_index (fx.report->sections, s);

      for (guint t = 0; t < section->tables->len; t++)
        {
          AcuFigureTable *table = g_ptr_array_index (section->tables, t);

          for (guint f = 0; f < table->figures->len; f++)
            {
              AcuFigure *figure = g_ptr_array_index (table->figures, f);
              g_autofree char *label = figure->label[0] == '=' ? g_strconcat ("'", figure->label, NULL)
                                                               : g_strdup (figure->label);
              g_autofree char *id = g_strjoin ("\x1f", section->title, table->title,
                                               figure->key ? figure->key : label, NULL);
              GPtrArray *fields = g_hash_table_lookup (rows, id);
              gint64 now = figure->values[ACU_REPORT_NOW];
              gint64 before = figure->values[ACU_REPORT_YEAR_BEFORE];
              const char *change;

              ck_assert_msg (fields != NULL, "no line for %s / %s / %s", section->id, table->id, label);
              ck_assert_str_eq (field (fields, 3), label);
              /* The reception counts people and visits */
              if (g_str_equal (section->id, "reception"))
                ck_assert_msg (acu_figure_kind_is_count (figure->kind), "%s / %s", table->id, label);
              ck_assert_str_eq (field (fields, 8), acu_figure_kind_get_unit (figure->kind));
              ck_assert_str_eq (field (fields, 9), acu_figure_kind_to_string (figure->kind));
              for (guint c = 0; c < ACU_REPORT_N_COLUMNS; c++)
                {
                  const char *value = field (fields, 4 + c);

                  /* A row the site does not record says so, never 0 */
                  if (figure->not_recorded)
                    ck_assert_str_eq (value, "Not recorded");
                  /* Counts and days as integers (test_kinds_csv checks
                   * the other kinds' decimals) */
                  else if (acu_figure_kind_is_count (figure->kind) || figure->kind == ACU_FIGURE_DAYS)
                    ck_assert_msg (csv_int (value) == figure->values[c],
                                   "%s / %s / %s, column %u: %s, not %" G_GINT64_FORMAT,
                                   section->id, table->id, label, c, value, figure->values[c]);
                  else
                    ck_assert_msg (strchr (value, ',') != NULL, "%s / %s: %s", table->id, label, value);
                }

              /* The change from one year earlier: a number with a
               * decimal comma, without "%" */
              change = field (fields, 7);
              if (before == 0 || figure->not_recorded)
                ck_assert_msg (change[0] == '\0', "a change from 0: %s", change);
              else
                {
                  g_autofree char *dotted = g_strdup (change);
                  double expected = 100.0 * (now - before) / before;
                  char *comma = strchr (dotted, ',');
                  char *end = NULL;
                  double value;

                  ck_assert_msg (comma != NULL && strchr (change, '.') == NULL && strchr (change, '%') == NULL,
                                 "change \"%s\"", change);
                  *comma = '.';
                  value = g_ascii_strtod (dotted, &end);
                  ck_assert_msg (*end == '\0', "change \"%s\"", change);
                  ck_assert_msg (value - expected < 0.0501 && expected - value < 0.0501,
                                 "change %s for %" G_GINT64_FORMAT " from %" G_GINT64_FORMAT, change, now, before);
                  n_changes++;
                }
            }
        }
    }
  ck_assert_uint_gt (n_changes, 0);

  fixture_clear (&fx);
}
END_TEST

/* 2. JSON */

START_TEST (test_json)
{
  Fixture fx = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *json = NULL;
  JsonObject *root, *periods;
  JsonArray *sections;
  const char *names[] = { "period", "previous", "year_before" };

  fixture_init (&fx);
  json = acu_report_to_json (fx.report);
  root = parse_object (parser, json);

  ck_assert_str_eq (json_object_get_string_member (root, "format"), "acuelh-report");
  ck_assert_int_eq (json_object_get_int_member (root, "version"), 3);
  ck_assert_str_eq (json_object_get_string_member (root, "site"), SITE);
  ck_assert_str_eq (json_object_get_string_member (root, "title"), "Activity summary");
  {
    g_autoptr(GDateTime) made_at = g_date_time_new_from_iso8601 (json_object_get_string_member (root, "made_at"),
                                                                 NULL);

    ck_assert_ptr_nonnull (made_at);
    ck_assert_int_eq (g_date_time_to_unix (made_at), g_date_time_to_unix (fx.report->made_at));
  }

  periods = member_object (root, "periods");
  for (guint c = 0; c < ACU_REPORT_N_COLUMNS; c++)
    {
      JsonObject *period = member_object (periods, names[c]);

      ck_assert_str_eq (json_object_get_string_member (period, "kind"), "month");
      ck_assert_str_eq (json_object_get_string_member (period, "from"), fx.report->periods[c].from);
      ck_assert_str_eq (json_object_get_string_member (period, "to"), fx.report->periods[c].to);
      ck_assert_str_ne (json_object_get_string_member (period, "label"), "");
    }
  ck_assert_str_eq (json_object_get_string_member (member_object (periods, "year_before"), "from"), "2024-10-01");

  sections = member_array (root, "sections");
  ck_assert_uint_eq (json_array_get_length (sections), fx.report->sections->len);
  for (guint s = 0; s < fx.report->sections->len; s++)
    {
      AcuReportSection *section = g_ptr_array_index (fx.report->sections, s);
      JsonObject *jsection = json_array_get_object_element (sections, s);
      JsonArray *tables = member_array (jsection, "tables");

      ck_assert_str_eq (json_object_get_string_member (jsection, "id"), section->id);
      ck_assert_str_eq (json_object_get_string_member (jsection, "title"), section->title);
      ck_assert_uint_eq (json_array_get_length (tables), section->tables->len);
      for (guint t = 0; t < section->tables->len; t++)
        {
          AcuFigureTable *table = g_ptr_array_index (section->tables, t);
          JsonObject *jtable = json_array_get_object_element (tables, t);
          JsonArray *rows = member_array (jtable, "rows");
          const char *charts[] = { "none", "bars", "columns", "trend" };

          ck_assert_str_eq (json_object_get_string_member (jtable, "id"), table->id);
          ck_assert_str_eq (json_object_get_string_member (jtable, "title"), table->title);
          ck_assert_str_eq (json_object_get_string_member (jtable, "kind"), acu_figure_kind_to_string (table->kind));
          ck_assert (!json_object_has_member (jtable, "unit"));
          ck_assert_str_eq (json_object_get_string_member (jtable, "chart"), charts[table->chart]);
          ck_assert_int_eq (json_object_get_boolean_member (jtable, "compared"), table->compared);
          ck_assert_uint_eq (json_array_get_length (rows), table->figures->len);
          for (guint f = 0; f < table->figures->len; f++)
            {
              AcuFigure *figure = g_ptr_array_index (table->figures, f);
              JsonObject *row = json_array_get_object_element (rows, f);

              if (figure->key != NULL)
                ck_assert_str_eq (json_object_get_string_member (row, "key"), figure->key);
              else
                ck_assert (json_object_get_null_member (row, "key"));
              ck_assert_str_eq (json_object_get_string_member (row, "label"), figure->label);
              ck_assert_int_eq (json_object_get_int_member (row, "level"), figure->level);
              ck_assert_str_eq (json_object_get_string_member (row, "kind"),
                                acu_figure_kind_to_string (figure->kind));
              /* counts and days have no households of their own */
              ck_assert_int_eq (json_object_has_member (row, "households"),
                                acu_figure_kind_has_households (figure->kind));
              /* A row the site does not record says so, with no value */
              ck_assert_int_eq (json_object_has_member (row, "recorded"), figure->not_recorded);
              if (figure->not_recorded)
                ck_assert (!json_object_get_boolean_member (row, "recorded"));
              for (guint c = 0; c < ACU_REPORT_N_COLUMNS; c++)
                {
                  JsonNode *node = json_object_get_member (row, names[c]);

                  ck_assert_ptr_nonnull (node);
                  if (figure->not_recorded)
                    ck_assert (JSON_NODE_HOLDS_NULL (node));
                  else
                    ck_assert_msg (JSON_NODE_HOLDS_VALUE (node) && json_node_get_int (node) == figure->values[c],
                                   "%s / %s / %s: %s", section->id, table->id, figure->label, names[c]);
                }
            }
        }
    }
  /* The reason added as free text is there, with its visits */
  ck_assert (strstr (json, "\"=SUM(A1)\"") != NULL);

  fixture_clear (&fx);
}
END_TEST

/* 3. The network's JSON */

/* @expected as the network sees it: 0, "<5", or the count itself */
static void
assert_masked (JsonObject *table,
               const char *key,
               gint64      expected,
               guint      *n_small,
               guint      *n_large)
{
  JsonNode *node = json_object_get_member (table, key);

  ck_assert_msg (node != NULL && JSON_NODE_HOLDS_VALUE (node), "no count for \"%s\"", key);
  if (expected >= 1 && expected <= 4)
    {
      ck_assert_msg (json_node_get_value_type (node) == G_TYPE_STRING, "%s: %" G_GINT64_FORMAT " in clear",
                     key, expected);
      ck_assert_str_eq (json_node_get_string (node), "<5");
      (*n_small)++;
    }
  else
    {
      gint64 value;

      ck_assert_msg (json_node_get_value_type (node) == G_TYPE_INT64, "%s: not a number", key);
      /* 0 stays 0; from 5 on, the nearest multiple of 5 */
      value = json_node_get_int (node);
      ck_assert_msg (value % 5 == 0 && value >= expected - 2 && value <= expected + 2,
                     "%s: %" G_GINT64_FORMAT " for %" G_GINT64_FORMAT, key, value, expected);
      if (expected >= 5)
        (*n_large)++;
    }
}

START_TEST (test_network_json)
{
  Fixture fx = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *json = NULL;
  JsonObject *root, *sections;
  sqlite3_stmt *stmt = NULL;
  guint n_names = 0, n_small = 0, n_large = 0;
  int rc;

  fixture_init (&fx);
  json = acu_report_to_network_json (fx.report);
  ck_assert (g_utf8_validate (json, -1, NULL));

  /* No name of anyone in the database, no id, no free text */
  ck_assert_int_eq (sqlite3_prepare_v2 (acu_store_get_db (fx.store), "SELECT first_name, last_name FROM person",
                                        -1, &stmt, NULL), SQLITE_OK);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    for (int i = 0; i < 2; i++)
      {
        const char *name = (const char *) sqlite3_column_text (stmt, i);

        if (name == NULL || g_utf8_strlen (name, -1) <= 2)
          continue;
        ck_assert_msg (strstr (json, name) == NULL, "\"%s\" in the network file", name);
        n_names++;
      }
  ck_assert_int_eq (rc, SQLITE_DONE);
  sqlite3_finalize (stmt);
  ck_assert_uint_gt (n_names, 40);
  ck_assert_ptr_null (strstr (json, "\"id\""));
  ck_assert_ptr_null (strstr (json, "SUM"));
  ck_assert_ptr_null (strstr (json, "ZQXWV"));

  root = parse_object (parser, json);
  ck_assert_str_eq (json_object_get_string_member (root, "format"), "acuelh-network");
  ck_assert_int_eq (json_object_get_int_member (root, "version"), 2);
  ck_assert_str_eq (json_object_get_string_member (root, "site"), SITE);
  ck_assert_str_eq (json_object_get_string_member (root, "from"), "2025-10-01");
  ck_assert_str_eq (json_object_get_string_member (root, "to"), "2025-10-31");
  ck_assert_uint_eq (json_object_get_size (root), 6);

  sections = member_object (root, "sections");
  ck_assert_uint_eq (json_object_get_size (sections), fx.report->sections->len);
  for (guint s = 0; s < fx.report->sections->len; s++)
    {
      AcuReportSection *section = g_ptr_array_index (fx.report->sections, s);
      JsonObject *jsection = member_object (sections, section->id);

      guint n_tables = 0;

      for (guint t = 0; t < section->tables->len; t++)
        n_tables += !((AcuFigureTable *) g_ptr_array_index (section->tables, t))->local;
      ck_assert_uint_eq (json_object_get_size (jsection), n_tables);
      for (guint t = 0; t < section->tables->len; t++)
        {
          AcuFigureTable *table = g_ptr_array_index (section->tables, t);
          JsonObject *jtable, *jrows;
          gint64 custom = 0;
          guint n_custom = 0, n_keys = 0;

          /* visits by commune stay at the site */
          if (table->local)
            {
              ck_assert (!json_object_has_member (jsection, table->id));
              continue;
            }
          jtable = member_object (jsection, table->id);
          jrows = member_object (jtable, "rows");
          ck_assert_str_eq (json_object_get_string_member (jtable, "kind"), acu_figure_kind_to_string (table->kind));
          /* the kind, the rows, and the rows of another kind if any */
          ck_assert_uint_eq (json_object_get_size (jtable), json_object_has_member (jtable, "row_kinds") ? 3 : 2);

          for (guint f = 0; f < table->figures->len; f++)
            {
              AcuFigure *figure = g_ptr_array_index (table->figures, f);

              if (figure->key == NULL && !table->places)
                {
                  custom += figure->values[ACU_REPORT_NOW];
                  n_custom++;
                  continue;
                }
              n_keys++;
              /* not recorded: null, never 0 */
              if (figure->not_recorded)
                {
                  ck_assert (json_object_get_null_member (jrows, figure->key));
                  continue;
                }
              /* a number of days counts no one: as it is */
              if (figure->kind == ACU_FIGURE_DAYS)
                {
                  ck_assert_int_eq (json_object_get_int_member (jrows, figure->key), figure->values[ACU_REPORT_NOW]);
                  continue;
                }
              /* masses and money: in full from 5 households on, 0 for
               * nothing, null otherwise (test_kinds_network_json) */
              if (!acu_figure_kind_is_count (figure->kind))
                {
                  JsonNode *node = json_object_get_member (jrows, figure->key);

                  ck_assert_ptr_nonnull (node);
                  if (figure->households[ACU_REPORT_NOW] >= 5
                      || (figure->values[ACU_REPORT_NOW] == 0 && figure->households[ACU_REPORT_NOW] == 0))
                    ck_assert_int_eq (json_node_get_int (node), figure->values[ACU_REPORT_NOW]);
                  else
                    ck_assert (JSON_NODE_HOLDS_NULL (node));
                  continue;
                }
              /* a commune by its name; "not-stated" stays a code */
              assert_masked (jrows, figure->key ? figure->key : figure->label,
                             figure->values[ACU_REPORT_NOW], &n_small, &n_large);
            }
          if (n_custom > 0)
            {
              assert_masked (jrows, "custom", custom, &n_small, &n_large);
              n_keys++;
            }
          else
            ck_assert (!json_object_has_member (jrows, "custom"));
          /* Nothing else: no earlier periods */
          ck_assert_uint_eq (json_object_get_size (jrows), n_keys);
        }
    }
  ck_assert_uint_gt (n_small, 0);
  ck_assert_uint_gt (n_large, 0);

  /* The two reasons added by the coordinator, summed: 6 visits */
  {
    JsonObject *reasons = member_object (member_object (member_object (sections, "reception"), "by-reason"),
                                         "rows");
    AcuFigureTable *table = acu_report_find_table (fx.report, "reception", "by-reason");
    gint64 expected = acu_test_query_int (fx.store,
                                          "SELECT count (*) FROM visit_reason vr JOIN reason r ON r.id = vr.reason_id "
                                          "WHERE r.code IS NULL AND vr.day BETWEEN '2025-10-01' AND '2025-10-31'");

    ck_assert_int_eq (expected, FORMULA_VISITS + OTHER_VISITS);
    /* 6 visits, rounded to 5 */
    ck_assert_int_eq (json_object_get_int_member (reasons, "custom"), 5);
    {
      gint64 food = acu_report_get_value (fx.report, "reception", "by-reason", "food-aid", ACU_REPORT_NOW);
      gint64 sent = json_object_get_int_member (reasons, "food-aid");

      ck_assert_int_ge (food, 5);
      ck_assert (sent % 5 == 0 && sent >= food - 2 && sent <= food + 2);
    }
    ck_assert_ptr_nonnull (table);
  }
  /* The communes by name, the trend over the period's twelve months */
  {
    JsonObject *reception = member_object (sections, "reception");
    JsonObject *trend = member_object (member_object (reception, "trend"), "rows");
    AcuFigureTable *communes = acu_report_find_table (fx.report, "reception", "households-by-commune");

    ck_assert_uint_gt (communes->figures->len, 1);
    ck_assert (json_object_has_member (member_object (member_object (reception, "households-by-commune"), "rows"),
                                       ((AcuFigure *) g_ptr_array_index (communes->figures, 0))->label));
    ck_assert (!json_object_has_member (reception, "by-commune"));
    ck_assert_uint_eq (json_object_get_size (trend), 12);
    ck_assert (json_object_has_member (trend, "2025-10"));
    ck_assert (json_object_has_member (trend, "2024-11"));
    ck_assert (!json_object_has_member (trend, "2024-10"));
  }
  /* A table of persons, with its two rows of households */
  {
    JsonObject *people = member_object (member_object (sections, "reception"), "people");
    JsonObject *row_kinds = member_object (people, "row_kinds");

    ck_assert_str_eq (json_object_get_string_member (people, "kind"), "persons");
    ck_assert_uint_eq (json_object_get_size (row_kinds), 2);
    ck_assert_str_eq (json_object_get_string_member (row_kinds, "households"), "households");
    ck_assert_str_eq (json_object_get_string_member (row_kinds, "new-households"), "households");
    ck_assert (!json_object_has_member (member_object (member_object (sections, "reception"), "visits"),
                                        "row_kinds"));
  }

  fixture_clear (&fx);
}
END_TEST

/* 4. Figures of every kind, on a report made by hand: masses, money,
 * durations, rates and counts, each written by its kind; the values
 * expected are written here */

/* A row of the period, the previous period and one year earlier, and
 * the households each value describes */
static AcuFigure *
add_row (AcuFigureTable *table,
         const char     *key,
         const char     *label,
         gint64          now,
         gint64          previous,
         gint64          year_before,
         gint64          households_now)
{
  AcuFigure *figure = acu_figure_table_add (table, key, label);

  figure->values[ACU_REPORT_NOW] = now;
  figure->values[ACU_REPORT_PREVIOUS] = previous;
  figure->values[ACU_REPORT_YEAR_BEFORE] = year_before;
  figure->households[ACU_REPORT_NOW] = households_now;
  figure->households[ACU_REPORT_PREVIOUS] = 20;
  figure->households[ACU_REPORT_YEAR_BEFORE] = 30;
  return figure;
}

static AcuReport *
kinds_report_new (void)
{
  g_autoptr(GDateTime) made_at = g_date_time_new_local (2026, 11, 3, 9, 30, 0);
  AcuReport *report;
  AcuReportSection *section;
  AcuFigureTable *table;
  AcuPeriod october;

  /* the previous period is September 2026, a year before October 2025 */
  acu_period_init_month (&october, 2026, 10);
  report = acu_report_new (SITE, &october, made_at);

  section = acu_report_add_section (report, "food-aid", "Food aid");
  table = acu_report_section_add_table (section, "served", "Food served", ACU_FIGURE_GRAMS, ACU_CHART_BARS);
  add_row (table, "fresh", "Fresh produce", 3000, 2500, 0, 7);
  add_row (table, "dry", "Dry goods", 2000, 1000, 1500, 3);
  add_row (table, "frozen", "Frozen food", 1234567, 1000000, 987654, 40);
  add_row (table, "none", "Baby food", 0, 0, 0, 0);
  /* Two gifts a coordinator added: 3 and 4 households, maybe the same */
  add_row (table, NULL, "Gift from the bakery", 1000, 0, 0, 3);
  add_row (table, NULL, "Gift from the market", 1500, 0, 0, 4);
  table = acu_report_section_add_table (section, "contributions", "Contributions", ACU_FIGURE_CENTS,
                                        ACU_CHART_NONE);
  add_row (table, "paid", "Paid", 123456, 100000, 120000, 12);
  add_row (table, "waived", "Waived", 150, 0, 0, 2);

  section = acu_report_add_section (report, "digital", "Digital help");
  table = acu_report_section_add_table (section, "time", "Time spent helping", ACU_FIGURE_MINUTES, ACU_CHART_NONE);
  add_row (table, "help", "Help", 200, 150, 100, 9);
  add_row (table, "short", "Short questions", 45, 30, 0, 4);
  table = acu_report_section_add_table (section, "rates", "Procedures completed", ACU_FIGURE_RATE,
                                        ACU_CHART_NONE);
  add_row (table, "completed", "Completed", 1250, 1000, 1100, 8);
  add_row (table, "small", "Completed by few", 3333, 0, 0, 4);
  table = acu_report_section_add_table (section, "people", "Persons helped", ACU_FIGURE_PERSONS, ACU_CHART_NONE);
  add_row (table, "persons", "Persons", 3, 2, 4, 0);
  add_row (table, "adults", "Adults", 12, 10, 9, 0);
  add_row (table, "households", "Households", 7, 6, 5, 0)->kind = ACU_FIGURE_HOUSEHOLDS;
  return report;
}

START_TEST (test_kinds_csv)
{
  g_autoptr(AcuReport) report = kinds_report_new ();
  g_autofree char *csv = acu_report_to_csv (report);
  g_autofree char *expected = NULL;

  expected = g_strjoin ("\r\n",
    BOM "\"Site\";\"" SITE "\"",
    "\"Period\";\"October 2026\";\"2026-10-01\";\"2026-10-31\"",
    "",
    "\"Section\";\"Table\";\"Key\";\"Row\";\"October 2026\";\"September 2026\";\"October 2025\";"
    "\"Change (%)\";\"Unit\";\"Kind\"",
    /* kilograms, exactly */
    "\"Food aid\";\"Food served\";\"fresh\";\"Fresh produce\";3,000;2,500;0,000;;\"kg\";\"grams\"",
    "\"Food aid\";\"Food served\";\"dry\";\"Dry goods\";2,000;1,000;1,500;33,3;\"kg\";\"grams\"",
    "\"Food aid\";\"Food served\";\"frozen\";\"Frozen food\";1234,567;1000,000;987,654;25,0;\"kg\";\"grams\"",
    "\"Food aid\";\"Food served\";\"none\";\"Baby food\";0,000;0,000;0,000;;\"kg\";\"grams\"",
    "\"Food aid\";\"Food served\";\"\";\"Gift from the bakery\";1,000;0,000;0,000;;\"kg\";\"grams\"",
    "\"Food aid\";\"Food served\";\"\";\"Gift from the market\";1,500;0,000;0,000;;\"kg\";\"grams\"",
    /* euros */
    "\"Food aid\";\"Contributions\";\"paid\";\"Paid\";1234,56;1000,00;1200,00;2,9;\"€\";\"cents\"",
    "\"Food aid\";\"Contributions\";\"waived\";\"Waived\";1,50;0,00;0,00;;\"€\";\"cents\"",
    /* minutes */
    "\"Digital help\";\"Time spent helping\";\"help\";\"Help\";200;150;100;100,0;\"min\";\"minutes\"",
    "\"Digital help\";\"Time spent helping\";\"short\";\"Short questions\";45;30;0;;\"min\";\"minutes\"",
    /* percent, and no change in percent of a rate */
    "\"Digital help\";\"Procedures completed\";\"completed\";\"Completed\";12,50;10,00;11,00;;\"%\";\"rate\"",
    "\"Digital help\";\"Procedures completed\";\"small\";\"Completed by few\";33,33;0,00;0,00;;\"%\";\"rate\"",
    /* counts, and a row of households in a table of persons */
    "\"Digital help\";\"Persons helped\";\"persons\";\"Persons\";3;2;4;-25,0;\"persons\";\"persons\"",
    "\"Digital help\";\"Persons helped\";\"adults\";\"Adults\";12;10;9;33,3;\"persons\";\"persons\"",
    "\"Digital help\";\"Persons helped\";\"households\";\"Households\";7;6;5;40,0;\"households\";\"households\"",
    "",
    NULL);
  ck_assert_str_eq (csv, expected);
}
END_TEST

/* The row @key of the table @table_id in @section */
static JsonObject *
json_row (JsonObject *root,
          guint       section,
          const char *table_id,
          const char *key)
{
  JsonArray *tables = member_array (json_array_get_object_element (member_array (root, "sections"), section),
                                    "tables");

  for (guint t = 0; t < json_array_get_length (tables); t++)
    {
      JsonObject *table = json_array_get_object_element (tables, t);
      JsonArray *rows = member_array (table, "rows");

      if (!g_str_equal (json_object_get_string_member (table, "id"), table_id))
        continue;
      for (guint r = 0; r < json_array_get_length (rows); r++)
        {
          JsonObject *row = json_array_get_object_element (rows, r);

          if (g_strcmp0 (json_object_get_string_member (row, "key"), key) == 0)
            return row;
        }
    }
  ck_abort_msg ("no row %s in %s", key, table_id);
  return NULL;
}

static void
assert_values (JsonObject *row,
               gint64      period,
               gint64      previous,
               gint64      year_before)
{
  ck_assert_int_eq (json_object_get_int_member (row, "period"), period);
  ck_assert_int_eq (json_object_get_int_member (row, "previous"), previous);
  ck_assert_int_eq (json_object_get_int_member (row, "year_before"), year_before);
}

START_TEST (test_kinds_json)
{
  g_autoptr(AcuReport) report = kinds_report_new ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *json = acu_report_to_json (report);
  JsonObject *root = parse_object (parser, json);
  JsonArray *food_tables, *digital_tables;
  JsonObject *row;

  ck_assert_int_eq (json_object_get_int_member (root, "version"), 3);
  food_tables = member_array (json_array_get_object_element (member_array (root, "sections"), 0), "tables");
  digital_tables = member_array (json_array_get_object_element (member_array (root, "sections"), 1), "tables");
  ck_assert_str_eq (json_object_get_string_member (json_array_get_object_element (food_tables, 0), "kind"),
                    "grams");
  ck_assert_str_eq (json_object_get_string_member (json_array_get_object_element (food_tables, 1), "kind"),
                    "cents");
  ck_assert_str_eq (json_object_get_string_member (json_array_get_object_element (digital_tables, 0), "kind"),
                    "minutes");
  ck_assert_str_eq (json_object_get_string_member (json_array_get_object_element (digital_tables, 1), "kind"),
                    "rate");
  ck_assert_str_eq (json_object_get_string_member (json_array_get_object_element (digital_tables, 2), "kind"),
                    "persons");

  /* The integers of the report, in grams, cents, minutes, basis points */
  row = json_row (root, 0, "served", "frozen");
  ck_assert_str_eq (json_object_get_string_member (row, "kind"), "grams");
  assert_values (row, 1234567, 1000000, 987654);
  assert_values (member_object (row, "households"), 40, 20, 30);
  row = json_row (root, 0, "contributions", "paid");
  ck_assert_str_eq (json_object_get_string_member (row, "kind"), "cents");
  assert_values (row, 123456, 100000, 120000);
  assert_values (member_object (row, "households"), 12, 20, 30);
  row = json_row (root, 1, "time", "help");
  assert_values (row, 200, 150, 100);
  assert_values (member_object (row, "households"), 9, 20, 30);
  row = json_row (root, 1, "rates", "completed");
  assert_values (row, 1250, 1000, 1100);
  assert_values (member_object (row, "households"), 8, 20, 30);
  /* Counts, without households */
  row = json_row (root, 1, "people", "persons");
  ck_assert_str_eq (json_object_get_string_member (row, "kind"), "persons");
  assert_values (row, 3, 2, 4);
  ck_assert (!json_object_has_member (row, "households"));
  row = json_row (root, 1, "people", "households");
  ck_assert_str_eq (json_object_get_string_member (row, "kind"), "households");
  assert_values (row, 7, 6, 5);
}
END_TEST

/* @key of @rows is null: left out */
#define ASSERT_LEFT_OUT(rows, key)                                                      \
  ck_assert_msg (json_object_has_member ((rows), (key))                                 \
                 && JSON_NODE_HOLDS_NULL (json_object_get_member ((rows), (key))),      \
                 "%s is not left out", (key))

START_TEST (test_kinds_network)
{
  g_autoptr(AcuReport) report = kinds_report_new ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *json = acu_report_to_network_json (report);
  JsonObject *root = parse_object (parser, json);
  JsonObject *sections = member_object (root, "sections");
  JsonObject *food = member_object (sections, "food-aid");
  JsonObject *digital = member_object (sections, "digital");
  JsonObject *table, *rows;

  ck_assert_int_eq (json_object_get_int_member (root, "version"), 2);

  /* Masses: 3 kg served to 7 households stays, to the gram; 2 kg served
   * to 3 households is left out; nothing served to nobody is 0; two
   * gifts to 3 and to 4 households may be the same 4 households: left
   * out. Not rounded to 5 as counts are. */
  table = member_object (food, "served");
  ck_assert_str_eq (json_object_get_string_member (table, "kind"), "grams");
  ck_assert (!json_object_has_member (table, "row_kinds"));
  rows = member_object (table, "rows");
  ck_assert_uint_eq (json_object_get_size (rows), 5);
  ck_assert_int_eq (json_object_get_int_member (rows, "fresh"), 3000);
  ASSERT_LEFT_OUT (rows, "dry");
  ck_assert_int_eq (json_object_get_int_member (rows, "frozen"), 1234567);
  ck_assert_int_eq (json_object_get_int_member (rows, "none"), 0);
  ASSERT_LEFT_OUT (rows, "custom");
  ck_assert_ptr_null (strstr (json, "Gift"));

  /* Money the same way */
  table = member_object (food, "contributions");
  ck_assert_str_eq (json_object_get_string_member (table, "kind"), "cents");
  rows = member_object (table, "rows");
  ck_assert_int_eq (json_object_get_int_member (rows, "paid"), 123456);
  ASSERT_LEFT_OUT (rows, "waived");

  /* Durations the same way */
  rows = member_object (member_object (digital, "time"), "rows");
  ck_assert_int_eq (json_object_get_int_member (rows, "help"), 200);
  ASSERT_LEFT_OUT (rows, "short");

  /* A rate over 8 households stays, over 4 is left out */
  table = member_object (digital, "rates");
  ck_assert_str_eq (json_object_get_string_member (table, "kind"), "rate");
  rows = member_object (table, "rows");
  ck_assert_int_eq (json_object_get_int_member (rows, "completed"), 1250);
  ASSERT_LEFT_OUT (rows, "small");

  /* Counts of people, masked: 3 persons are "<5", 12 adults 10, 7
   * households 5 */
  table = member_object (digital, "people");
  ck_assert_str_eq (json_object_get_string_member (table, "kind"), "persons");
  ck_assert_uint_eq (json_object_get_size (member_object (table, "row_kinds")), 1);
  ck_assert_str_eq (json_object_get_string_member (member_object (table, "row_kinds"), "households"),
                    "households");
  rows = member_object (table, "rows");
  ck_assert_str_eq (json_object_get_string_member (rows, "persons"), "<5");
  ck_assert_int_eq (json_object_get_int_member (rows, "adults"), 10);
  ck_assert_int_eq (json_object_get_int_member (rows, "households"), 5);
}
END_TEST

/* 5. Writing the file */

static void
assert_no_file (const char *path)
{
  g_autofree char *partial = g_strconcat (path, ".partial", NULL);

  ck_assert_msg (!g_file_test (path, G_FILE_TEST_EXISTS), "%s written", path);
  ck_assert_msg (!g_file_test (partial, G_FILE_TEST_EXISTS), "%s left", partial);
}

START_TEST (test_export_roles)
{
  Fixture fx = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *expected = NULL;

  fixture_init (&fx);
  path = g_build_filename (acu_test_dir, "report.csv", NULL);
  ck_assert_int_eq (audit_count (fx.store), 0);

  /* A volunteer: refused, nothing written, nothing recorded */
  identify_volunteer (fx.store);
  ck_assert (!acu_report_export (fx.store, fx.report, ACU_REPORT_FORMAT_CSV, path, &error));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_FORBIDDEN);
  g_clear_error (&error);
  assert_no_file (path);
  ck_assert (!acu_report_record_export (fx.store, &error));
  ACU_ASSERT_ERROR (error, ACU_STORE_ERROR, ACU_STORE_ERROR_FORBIDDEN);
  g_clear_error (&error);
  ck_assert_int_eq (audit_count (fx.store), 0);

  /* The coordinator: the file and one entry, without object */
  identify_coordinator (fx.store);
  ck_assert_msg (acu_report_export (fx.store, fx.report, ACU_REPORT_FORMAT_CSV, path, &error),
                 "export: %s", error ? error->message : "");
  ck_assert_ptr_null (error);
  ck_assert_int_eq (audit_count (fx.store), 1);
  ck_assert_int_eq (acu_test_query_int (fx.store, "SELECT count (*) FROM audit WHERE action = 'report-export' "
                                                  "AND object IS NULL AND person_id = 1"), 1);
  contents = read_file (path);
  expected = acu_report_to_csv (fx.report);
  ck_assert (g_str_has_prefix (contents, BOM "\"Site\";\"" SITE "\""));
  ck_assert_str_eq (contents, expected);
  {
    g_autofree char *partial = g_strconcat (path, ".partial", NULL);

    ck_assert (!g_file_test (partial, G_FILE_TEST_EXISTS));
  }
  ck_assert_str_ne (acu_audit_action_get_label ("report-export"), "report-export");

  /* The PDF is drawn elsewhere; its export is recorded on its own */
  {
    g_autofree char *pdf = g_build_filename (acu_test_dir, "report.pdf", NULL);

    ck_assert (!acu_report_export (fx.store, fx.report, ACU_REPORT_FORMAT_PDF, pdf, &error));
    ACU_ASSERT_ERROR (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
    g_clear_error (&error);
    assert_no_file (pdf);
    ck_assert_int_eq (audit_count (fx.store), 1);
  }
  ck_assert (acu_report_record_export (fx.store, &error));
  ck_assert_ptr_null (error);
  ck_assert_int_eq (audit_count (fx.store), 2);

  /* Each format, over the file of the one before */
  for (AcuReportFormat format = ACU_REPORT_FORMAT_CSV; format <= ACU_REPORT_FORMAT_NETWORK_JSON; format++)
    {
      g_autofree char *text = NULL;
      g_autofree char *written = NULL;

      ck_assert_msg (acu_report_export (fx.store, fx.report, format, path, &error), "%s: %s",
                     acu_report_format_to_string (format), error ? error->message : "");
      text = format == ACU_REPORT_FORMAT_CSV ? acu_report_to_csv (fx.report)
             : format == ACU_REPORT_FORMAT_JSON ? acu_report_to_json (fx.report)
             : acu_report_to_network_json (fx.report);
      written = read_file (path);
      ck_assert_str_eq (written, text);
      ck_assert_int_eq (audit_count (fx.store), 3 + (format - ACU_REPORT_FORMAT_CSV));
    }

  fixture_clear (&fx);
}
END_TEST

START_TEST (test_export_failures)
{
  Fixture fx = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *missing = NULL;
  g_autofree char *path = NULL;
  g_autofree char *partial = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  fixture_init (&fx);

  /* A folder that does not exist */
  missing = g_build_filename (acu_test_dir, "no-such-folder", "report.csv", NULL);
  ck_assert (!acu_report_export (fx.store, fx.report, ACU_REPORT_FORMAT_CSV, missing, &error));
  ACU_ASSERT_ERROR (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  ck_assert (strstr (error->message, "report.csv") != NULL);
  g_clear_error (&error);
  assert_no_file (missing);
  ck_assert_int_eq (audit_count (fx.store), 0);

  /* A folder where the file should be */
  path = g_build_filename (acu_test_dir, "folder.json", NULL);
  ck_assert_int_eq (g_mkdir (path, 0700), 0);
  ck_assert (!acu_report_export (fx.store, fx.report, ACU_REPORT_FORMAT_JSON, path, &error));
  ACU_ASSERT_ERROR (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_clear_error (&error);
  ck_assert (g_file_test (path, G_FILE_TEST_IS_DIR));
  ck_assert_int_eq (audit_count (fx.store), 0);
  g_clear_pointer (&path, g_free);

  /* An existing file, when the audit entry cannot be written: the file
   * stays as it was, no .partial, no entry */
  path = g_build_filename (acu_test_dir, "network.json", NULL);
  partial = g_strconcat (path, ".partial", NULL);
  ck_assert (g_file_set_contents (path, "{\"earlier\": true}\n", -1, NULL));
  before = acu_test_file_checksum (path);
  ck_assert (acu_store_exec (fx.store,
                             "CREATE TEMP TRIGGER refuse_audit BEFORE INSERT ON main.audit "
                             "BEGIN SELECT RAISE (ABORT, 'refused'); END;", NULL));
  ck_assert (!acu_report_export (fx.store, fx.report, ACU_REPORT_FORMAT_NETWORK_JSON, path, &error));
  ck_assert_ptr_nonnull (error);
  g_clear_error (&error);
  after = acu_test_file_checksum (path);
  ck_assert_str_eq (after, before);
  ck_assert (!g_file_test (partial, G_FILE_TEST_EXISTS));
  ck_assert (!acu_report_record_export (fx.store, &error));
  ck_assert_ptr_nonnull (error);
  g_clear_error (&error);
  ck_assert (acu_store_exec (fx.store, "DROP TRIGGER temp.refuse_audit;", NULL));
  ck_assert_int_eq (audit_count (fx.store), 0);

  /* A .partial left by a crash is replaced, then gone */
  ck_assert (g_file_set_contents (partial, "half a file", -1, NULL));
  ck_assert (acu_report_export (fx.store, fx.report, ACU_REPORT_FORMAT_NETWORK_JSON, path, &error));
  ck_assert_ptr_null (error);
  ck_assert (!g_file_test (partial, G_FILE_TEST_EXISTS));
  g_clear_pointer (&after, g_free);
  after = acu_test_file_checksum (path);
  ck_assert_str_ne (after, before);
  ck_assert_int_eq (audit_count (fx.store), 1);

  fixture_clear (&fx);
}
END_TEST

/* 6. Format names */

START_TEST (test_formats)
{
  const struct
  {
    const char      *name;
    AcuReportFormat  format;
    const char      *extension;
  } cases[] = {
    { "pdf", ACU_REPORT_FORMAT_PDF, "pdf" },
    { "csv", ACU_REPORT_FORMAT_CSV, "csv" },
    { "json", ACU_REPORT_FORMAT_JSON, "json" },
    { "network-json", ACU_REPORT_FORMAT_NETWORK_JSON, "json" },
  };
  AcuReportFormat format = ACU_REPORT_FORMAT_PDF;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      ck_assert (acu_report_format_from_string (cases[i].name, &format));
      ck_assert_int_eq (format, cases[i].format);
      ck_assert_str_eq (acu_report_format_to_string (cases[i].format), cases[i].name);
      ck_assert_str_eq (acu_report_format_get_extension (cases[i].format), cases[i].extension);
    }
  format = ACU_REPORT_FORMAT_CSV;
  ck_assert (!acu_report_format_from_string ("xml", &format));
  ck_assert (!acu_report_format_from_string ("CSV", &format));
  ck_assert (!acu_report_format_from_string ("", &format));
  ck_assert (!acu_report_format_from_string (NULL, &format));
  ck_assert_int_eq (format, ACU_REPORT_FORMAT_CSV);
}
END_TEST

static Suite *
report_export_suite (void)
{
  Suite *suite = suite_create ("report-export");
  TCase *tc;

  tc = acu_test_tcase_new ("files", acu_test_db_setup, acu_test_db_teardown);
  tcase_add_test (tc, test_csv);
  tcase_add_test (tc, test_json);
  tcase_add_test (tc, test_network_json);
  suite_add_tcase (suite, tc);

  tc = tcase_create ("kinds");
  tcase_add_test (tc, test_kinds_csv);
  tcase_add_test (tc, test_kinds_json);
  tcase_add_test (tc, test_kinds_network);
  suite_add_tcase (suite, tc);

  tc = acu_test_tcase_new ("export", acu_test_db_setup, acu_test_db_teardown);
  tcase_add_test (tc, test_export_roles);
  tcase_add_test (tc, test_export_failures);
  tcase_add_test (tc, test_formats);
  suite_add_tcase (suite, tc);

  return suite;
}

int
main (void)
{
  acu_test_use_fast_kdf ();

  return acu_test_run (report_export_suite ());
}
