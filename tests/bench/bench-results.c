/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bench"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <json-glib/json-glib.h>

#include "bench.h"

/* Every line measured, in order, and what each scale held */

typedef struct
{
  char   *scale;
  guint   households;
  guint   persons;
  guint   visits;
  double  fill_seconds;
} BenchScale;

static GPtrArray *lines;
static GPtrArray *scales;

double
bench_now_ms (void)
{
  struct timespec now;

  clock_gettime (CLOCK_MONOTONIC, &now);
  return now.tv_sec * 1e3 + now.tv_nsec / 1e6;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* Nearest rank: the median of an even number of samples is the upper
 * middle one; the p95 is the slow end (the 5th percentile of rates) */
void
bench_stats (double     *samples,
             guint       n,
             BenchSense  sense,
             double     *median,
             double     *p95)
{
  guint rank;

  g_assert_cmpuint (n, >, 0);
  qsort (samples, n, sizeof (double), compare_doubles);
  *median = samples[n / 2];
  rank = (guint) ((n * 95 + 99) / 100);  /* ceil (0.95 n) */
  rank = CLAMP (rank, 1, n);
  *p95 = sense == BENCH_TIME ? samples[rank - 1] : samples[n - rank];
}

BenchLine *
bench_add_line (const char *scale,
                const char *name,
                const char *unit,
                BenchSense  sense,
                double     *samples,
                guint       n,
                double     *floors,
                guint       n_floors)
{
  BenchLine *line = g_new0 (BenchLine, 1);

  line->scale = g_strdup (scale);
  line->name = g_strdup (name);
  line->unit = g_strdup (unit);
  line->sense = sense;
  line->runs = n;
  bench_stats (samples, n, sense, &line->median, &line->p95);
  bench_stats (floors, n_floors, sense, &line->floor_median, &line->floor_p95);
  line->ratio = line->floor_median > 0 ? line->median / line->floor_median : 0;
  if (lines == NULL)
    lines = g_ptr_array_new ();
  g_ptr_array_add (lines, line);
  return line;
}

void
bench_line_set_target (BenchLine  *line,
                       const char *target,
                       gboolean    met)
{
  g_free (line->target);
  line->target = g_strdup (target);
  line->met = met;
}

static const char *
value_format (const BenchLine *line)
{
  if (g_str_equal (line->unit, "ms"))
    return line->median < 10 ? "%.3f" : "%.1f";
  return "%.0f";
}

static char *
format_value (const BenchLine *line,
              double           value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup (g_ascii_formatd (buf, sizeof buf, value_format (line), value));
}

/* printf pads bytes, not characters: "≤" is three bytes */
static char *
pad (const char *text,
     guint       width)
{
  glong len = g_utf8_strlen (text, -1);
  GString *padded = g_string_new (text);

  for (glong i = len; i < (glong) width; i++)
    g_string_append_c (padded, ' ');
  return g_string_free (padded, FALSE);
}

static const char *
verdict (const BenchLine *line)
{
  if (line->target == NULL)
    return "";
  return line->met ? "met" : "MISSED";
}

/* name value unit floor ratio, then the p95s and the target */
void
bench_print_line (const BenchLine *line)
{
  g_autofree char *name = g_strdup_printf ("%s/%s", line->scale, line->name);
  g_autofree char *median = format_value (line, line->median);
  g_autofree char *floor_median = format_value (line, line->floor_median);
  g_autofree char *p95 = format_value (line, line->p95);
  g_autofree char *floor_p95 = format_value (line, line->floor_p95);

  printf ("%-30s %10s %-6s %10s %6.2f   p95 %s / %s %s, %u runs%s%s%s%s\n",
          name, median, line->unit, floor_median, line->ratio,
          p95, floor_p95, line->unit, line->runs,
          line->target ? "; target " : "", line->target ? line->target : "",
          line->target ? ": " : "", verdict (line));
  fflush (stdout);
}

void
bench_add_scale (const char *scale,
                 guint       households,
                 guint       persons,
                 guint       visits,
                 double      fill_seconds)
{
  BenchScale *s = g_new0 (BenchScale, 1);

  s->scale = g_strdup (scale);
  s->households = households;
  s->persons = persons;
  s->visits = visits;
  s->fill_seconds = fill_seconds;
  if (scales == NULL)
    scales = g_ptr_array_new ();
  g_ptr_array_add (scales, s);
}

void
bench_print_summary (void)
{
  guint met = 0, missed = 0;

  printf ("\n# Summary (median and p95 of each line and of its floor; ratio of the medians;\n"
          "# the targets are for the stress scale, shown at both)\n");
  for (guint i = 0; scales != NULL && i < scales->len; i++)
    {
      BenchScale *s = g_ptr_array_index (scales, i);

      printf ("# %s: %u households, %u persons, %u visits, written in %.1f s\n",
              s->scale, s->households, s->persons, s->visits, s->fill_seconds);
    }
  printf ("%-7s %-20s %10s %10s %10s %10s %-6s %6s  %-26s %s\n",
          "scale", "line", "median", "p95", "floor", "floor p95", "unit", "ratio", "target", "");
  for (guint i = 0; lines != NULL && i < lines->len; i++)
    {
      BenchLine *line = g_ptr_array_index (lines, i);
      g_autofree char *median = format_value (line, line->median);
      g_autofree char *p95 = format_value (line, line->p95);
      g_autofree char *floor_median = format_value (line, line->floor_median);
      g_autofree char *floor_p95 = format_value (line, line->floor_p95);
      g_autofree char *target = pad (line->target ? line->target : "-", 26);

      printf ("%-7s %-20s %10s %10s %10s %10s %-6s %6.2f  %s %s\n",
              line->scale, line->name, median, p95, floor_median, floor_p95, line->unit,
              line->ratio, target, verdict (line));
      if (line->target != NULL && g_str_equal (line->scale, "stress"))
        {
          if (line->met)
            met++;
          else
            missed++;
        }
    }
  if (met + missed > 0)
    printf ("# stress targets: %u met, %u missed\n", met, missed);
  fflush (stdout);
}

static char *
cpu_model (void)
{
  g_autofree char *cpuinfo = NULL;
  g_auto(GStrv) rows = NULL;

  if (!g_file_get_contents ("/proc/cpuinfo", &cpuinfo, NULL, NULL))
    return g_strdup ("unknown");
  rows = g_strsplit (cpuinfo, "\n", -1);
  for (guint i = 0; rows[i] != NULL; i++)
    if (g_str_has_prefix (rows[i], "model name"))
      {
        const char *colon = strchr (rows[i], ':');

        if (colon != NULL)
          return g_strstrip (g_strdup (colon + 1));
      }
  return g_strdup ("unknown");
}

static void
add_double (JsonBuilder *builder,
            const char  *member,
            double       value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_double_value (builder, value);
}

gboolean
bench_write_json (const char  *path,
                  const char  *build_type,
                  GError     **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *date = g_date_time_format_iso8601 (now);
  g_autofree char *cpu = cpu_model ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "date");
  json_builder_add_string_value (builder, date);
  json_builder_set_member_name (builder, "machine");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "cores");
  json_builder_add_int_value (builder, g_get_num_processors ());
  json_builder_set_member_name (builder, "cpu");
  json_builder_add_string_value (builder, cpu);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "build_type");
  json_builder_add_string_value (builder, build_type ? build_type : "unknown");

  json_builder_set_member_name (builder, "scales");
  json_builder_begin_array (builder);
  for (guint i = 0; scales != NULL && i < scales->len; i++)
    {
      BenchScale *s = g_ptr_array_index (scales, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "scale");
      json_builder_add_string_value (builder, s->scale);
      json_builder_set_member_name (builder, "households");
      json_builder_add_int_value (builder, s->households);
      json_builder_set_member_name (builder, "persons");
      json_builder_add_int_value (builder, s->persons);
      json_builder_set_member_name (builder, "visits");
      json_builder_add_int_value (builder, s->visits);
      add_double (builder, "fill_seconds", s->fill_seconds);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "lines");
  json_builder_begin_array (builder);
  for (guint i = 0; lines != NULL && i < lines->len; i++)
    {
      BenchLine *line = g_ptr_array_index (lines, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "scale");
      json_builder_add_string_value (builder, line->scale);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, line->name);
      json_builder_set_member_name (builder, "unit");
      json_builder_add_string_value (builder, line->unit);
      json_builder_set_member_name (builder, "runs");
      json_builder_add_int_value (builder, line->runs);
      add_double (builder, "median", line->median);
      add_double (builder, "p95", line->p95);
      add_double (builder, "floor_median", line->floor_median);
      add_double (builder, "floor_p95", line->floor_p95);
      add_double (builder, "ratio", line->ratio);
      json_builder_set_member_name (builder, "target");
      if (line->target != NULL)
        json_builder_add_string_value (builder, line->target);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "met");
      if (line->target != NULL)
        json_builder_add_boolean_value (builder, line->met);
      else
        json_builder_add_null_value (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  return json_generator_to_file (generator, path, error);
}
