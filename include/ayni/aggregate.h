/*
 * aggregate.h - the aggregation rollups of docs/contract.md §6: reports by day,
 * ISO week, month, quarter, year, product, customer and category, their
 * verification against the raw lines, and the bulk-load hooks.
 *
 * The rollups themselves live in schema/0002_rollups.sql (base tables
 * kept by triggers, views with the original names).  This module reads
 * those views, restricted to a company and a date range, into a writer;
 * it does not check roles (the caller does) and never prints.
 */
#ifndef AYNI_AGGREGATE_H
#define AYNI_AGGREGATE_H

#include <stdint.h>

#include "ayni/db.h"
#include "ayni/error.h"
#include "ayni/intl.h"
#include "ayni/output.h"

/* If you add a level, also update levels[] in aggregate.c and the man page. */
typedef enum ayni_agg_level {
	AYNI_AGG_DAY,
	AYNI_AGG_WEEK,
	AYNI_AGG_MONTH,
	AYNI_AGG_QUARTER,
	AYNI_AGG_YEAR,
	AYNI_AGG_PRODUCT,
	AYNI_AGG_CUSTOMER,
	AYNI_AGG_CATEGORY
} ayni_agg_level;

/* "day" ... "category"; AYNI_EUSAGE naming the accepted words. */
int	ayni_agg_level_parse(const char *s, ayni_agg_level *out,
	    ayni_error *err);
const char *ayni_agg_level_name(ayni_agg_level level);

typedef struct ayni_aggregate_opts {
	ayni_agg_level	 level;
	const char	*from;	/* 'YYYY-MM-DD' inclusive, or NULL */
	const char	*to;	/* 'YYYY-MM-DD' inclusive, or NULL */
	long		 top;	/* at most this many rows; 0: all */
} ayni_aggregate_opts;

/*
 * The writer columns of a level (static storage), for ayni_writer_new:
 * time levels: period, revenue, units, transactions, lines, avg_ticket,
 * customers, products, cost, margin, margin_pct, discount, returns;
 * product, customer and category as in docs/contract.md §6.
 */
void	ayni_aggregate_columns(ayni_agg_level level,
	    const ayni_column **out, int *ncols);

/*
 * Check opts: known level, valid dates, from <= to, top >= 0.
 * AYNI_EUSAGE naming the bad value.
 */
int	ayni_aggregate_opts_check(const ayni_aggregate_opts *opts,
	    ayni_error *err);

/*
 * *out = 1 when company_id has sales lines and none of them has a product
 * (only document-level files, such as the SII sales register, were
 * uploaded): the product and category levels are then empty and the time
 * levels have no units, and what a person reads says so, in these words.
 */
int	ayni_aggregate_no_products(ayni_db *db, int64_t company_id, int *out,
	    ayni_error *err);
/* Marked N_(): print it with _(AYNI_NO_PRODUCTS). */
#define AYNI_NO_PRODUCTS \
	N_("this company's data has no products: its files have one row " \
	"per document (such as the SII sales register), so units, " \
	"products and categories are not counted")

/*
 * Write the level's rows for company_id to w, which must have been made
 * with ayni_aggregate_columns(opts->level).  Time levels oldest first,
 * one row per period with data; product, customer and category by
 * revenue, highest first.  A period cut by --from/--to counts only its
 * days in the range.  Does not call ayni_writer_finish().
 */
int	ayni_aggregate_write(ayni_db *db, int64_t company_id,
	    const ayni_aggregate_opts *opts, ayni_writer *w, ayni_error *err);

/*
 * Recompute every level of company_id (0: every company) from the raw
 * lines and compare with the views.  0 when equal; else AYNI_EDATA with a
 * message naming the first difference (view, key, field, expected and
 * found values) and the number of differing rows, also stored in
 * *ndiff when ndiff is not NULL.
 */
int	ayni_aggregate_verify(ayni_db *db, int64_t company_id, long *ndiff,
	    ayni_error *err);

/* Recompute the base tables of company_id (0: all) from the raw lines. */
int	ayni_aggregate_rebuild(ayni_db *db, int64_t company_id,
	    ayni_error *err);

/*
 * The bulk path for an upload, inside the caller's transaction:
 *	ayni_db_begin();
 *	ayni_aggregate_defer(db, company);
 *	... insert, update, delete raw_transactions of that company ...
 *	ayni_aggregate_refresh(db, company);
 *	ayni_db_commit();
 * defer switches the per-line triggers off for the company, which then
 * only remember the days touched; refresh recomputes those days and the
 * weeks, months, quarters and years around them set-based and switches
 * the triggers back on.  Committing between the two leaves the rollups
 * stale (verify says so).  refresh without defer does nothing.
 */
int	ayni_aggregate_defer(ayni_db *db, int64_t company_id,
	    ayni_error *err);
int	ayni_aggregate_refresh(ayni_db *db, int64_t company_id,
	    ayni_error *err);

#endif /* AYNI_AGGREGATE_H */
