/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "acu-goods.h"

G_BEGIN_DECLS

/* For the areas that write the ledger inside their own transactions
 * (food aid serving a household) and for the demo generator: no role
 * check and no audit entry. The caller checks the draft
 * (acu_goods_check_draft), the day, and runs inside a transaction. */
gboolean  acu_goods_check_draft (AcuStore             *store,
                                 const AcuGoodsDraft  *draft,
                                 GError              **error);
gint64    acu_goods_insert (AcuStore             *store,
                            const AcuGoodsDraft  *draft,
                            const char           *day,
                            gint64                service_id,
                            gint64                corrects_id,
                            GError              **error);
gint64    acu_goods_correct_unchecked (AcuStore    *store,
                                       gint64       movement_id,
                                       const char  *day,
                                       GError     **error);

G_END_DECLS
