/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Times are better low, rates better high: the "p95" of a line is always
 * its slow end (the 95th percentile of times, the 5th of rates) */
typedef enum
{
  BENCH_TIME,
  BENCH_RATE,
} BenchSense;

typedef struct
{
  char      *scale;          /* "site", "stress" */
  char      *name;           /* "search-3-letters" */
  char      *unit;           /* "ms", "rows/s", "MiB" */
  BenchSense sense;
  guint      runs;
  double     median;
  double     p95;
  double     floor_median;
  double     floor_p95;
  double     ratio;          /* median / floor median */
  char      *target;         /* NULL: no target */
  gboolean   met;
} BenchLine;

/* bench-results.c: samples, lines, the summary and the JSON */
double     bench_now_ms (void);
void       bench_stats (double     *samples,
                        guint       n,
                        BenchSense  sense,
                        double     *median,
                        double     *p95);
BenchLine *bench_add_line (const char *scale,
                           const char *name,
                           const char *unit,
                           BenchSense  sense,
                           double     *samples,
                           guint       n,
                           double     *floors,
                           guint       n_floors);
void       bench_line_set_target (BenchLine  *line,
                                  const char *target,
                                  gboolean    met);
void       bench_print_line (const BenchLine *line);
void       bench_add_scale (const char *scale,
                            guint       households,
                            guint       persons,
                            guint       visits,
                            double      fill_seconds);
void       bench_print_summary (void);
gboolean   bench_write_json (const char  *path,
                             const char  *build_type,
                             GError     **error);

/* bench-startup.c: the real application against a minimal window, under
 * an X server started here (or the one in DISPLAY) */
gboolean   bench_display_start (GError **error);
void       bench_display_stop (void);
gboolean   bench_first_frame (const char  *program,
                              const char  *argument,
                              double      *ms,
                              double      *peak_rss_mib,
                              GError     **error);

G_END_DECLS
