/*
 * aggregate_int.h - what aggregate.c, refresh.c and verify.c share, and
 * nothing else of libayni needs.  Not part of the public API.
 */
#ifndef AYNI_AGGREGATE_INT_H
#define AYNI_AGGREGATE_INT_H

#include <sqlite3.h>

#include "ayni/db.h"
#include "ayni/error.h"
#include "internal.h"	/* ayni_db_handle, until part 2 ports the rollups */

/* A malloc'd printf, or NULL when out of memory.  aggregate.c. */
char	*ayni_agg_xprintf(const char *fmt, ...)
	    __attribute__((format(printf, 1, 2)));

/*
 * The SQL of rollup view name (agg_time_rollup, product_aggregations,
 * customer_aggregations, category_aggregations; agg_time_rollup_period:
 * agg_time_rollup of one level ?4 and period ?5) for one company ?3 and
 * the days ?1 to ?2, as bound parameters; NULL for another name.
 * Static storage.  aggregate.c; read by report.c and benchmark.c.
 */
const char *ayni_agg_scoped_sql(const char *name);

/*
 * Prepare "head (view name of company ?3 in [?1, ?2]) tail", with the
 * company filter on the view's rows as well: the parameters unbound, the
 * statement returns nothing.  AYNI_EINTERNAL for an unknown view.
 */
int	ayni_agg_prepare(ayni_db *db, const char *view, const char *head,
	    const char *tail, sqlite3_stmt **st, ayni_error *err);

#endif /* AYNI_AGGREGATE_INT_H */
