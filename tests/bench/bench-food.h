/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "acu-store.h"

G_BEGIN_DECLS

/* bench-food.c: food aid's lines on the scale's database (it serves, so
 * it runs after the lines that read) */
void bench_food (const char *scale,
                 AcuStore   *store);

G_END_DECLS
