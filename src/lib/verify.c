/*
 * verify.c - 'ayni aggregate verify': the base tables of the rollups
 * against plain SQL GROUP BYs of raw_transactions, and, when they differ,
 * every public view against its agg_expected_* twin (schema/) to name
 * the first difference.  It shares no code with the refresh engine
 * (refresh.c) or the triggers, so a bug in either shows here.  Nothing
 * here writes or prints.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "ayni/aggregate.h"
#include "aggregate_int.h"

static int
sql_error(ayni_db *db, ayni_error *err, const char *what)
{
	return ayni_db_error(db, err, what);
}

/*
 * Verification: each public view against its agg_expected_* twin, which
 * computes the same columns from raw_transactions alone.  key: the
 * columns that identify a row (after company_id).
 */
static const struct check {
	const char	*view, *expected, *key;
} checks[] = {
	{ "daily_aggregations", "agg_expected_daily", "period" },
	{ "weekly_aggregations", "agg_expected_weekly", "period" },
	{ "monthly_aggregations", "agg_expected_monthly", "period" },
	{ "quarterly_aggregations", "agg_expected_quarterly", "period" },
	{ "yearly_aggregations", "agg_expected_yearly", "period" },
	{ "product_aggregations", "agg_expected_product", "product_id" },
	{ "customer_aggregations", "agg_expected_customer", "customer_id" },
	{ "category_aggregations", "agg_expected_category", "category" },
};

#define COMPANY "(?1 = 0 OR company_id = ?1)"

/*
 * What each base table must hold for company ?1, recomputed from
 * raw_transactions by plain GROUP BYs: nothing of the refresh engine or
 * of the triggers is used, so a bug in either shows here.  Columns in
 * the table's order; a line's signed amounts are the net_* columns
 * (schema/0003_line_identity.sql); a line without a product
 * (schema/0004_document_lines.sql) has no units and is in no product or
 * category set.  A period label SQLite's date()
 * cannot name (the ISO week of 27-31 Dec 9999) is left out, as the
 * writers leave it out.
 */
#define VLINES \
    "SELECT substr(transaction_date, 1, 10) AS day, txn_key, product_id," \
    " coalesce(category, '') AS category," \
    " coalesce(description, '') AS description," \
    " nullif(customer_id, '') AS customer_id, is_return," \
    " net_revenue AS revenue, coalesce(net_units, 0) AS units," \
    " net_cost AS cost," \
    " net_margin AS margin, discount_total AS discount," \
    " cost_total IS NOT NULL AND margin IS NOT NULL AS costed" \
    " FROM raw_transactions WHERE company_id = ?1"
#define VCOSTED \
    " coalesce(sum(CASE WHEN costed THEN revenue END), 0)," \
    " coalesce(sum(CASE WHEN costed THEN margin END), 0), sum(costed)"
/* The ISO week of day d, as agg_day_period writes it. */
#define VWEEK(d) \
    "strftime('%Y', date(" d ", '-3 days', 'weekday 4')) || '-W' ||" \
    " printf('%02d', (strftime('%j', date(" d ", '-3 days'," \
    " 'weekday 4')) - 1) / 7 + 1)"

static const struct vtable {
	const char	*table;
	const char	*expected;	/* rows of company ?1 */
	const char	*stored;	/* same columns, same order */
	int		 superset;	/* only missing rows differ */
} vtables[] = {
	{ "agg_day",
	    "SELECT day, count(*), sum(revenue), sum(units),"
	    " coalesce(sum(cost), 0), count(cost), coalesce(sum(margin), 0),"
	    " count(margin)," VCOSTED ", coalesce(sum(discount), 0),"
	    " count(discount), sum(is_return), count(DISTINCT txn_key),"
	    " count(DISTINCT product_id), count(DISTINCT customer_id)"
	    " FROM (" VLINES ") GROUP BY day",
	    "SELECT day, lines, revenue, units, cost, cost_lines, margin,"
	    " margin_lines, revenue_c, margin_c, costed_lines, discount,"
	    " discount_lines, returns, trans, products, customers"
	    " FROM agg_day WHERE company_id = ?1", 0 },
	{ "agg_product_day",
	    "SELECT day, product_id, category, description, count(*),"
	    " sum(revenue), sum(units), coalesce(sum(margin), 0),"
	    " count(margin)," VCOSTED ", count(DISTINCT txn_key)"
	    " FROM (" VLINES ") WHERE product_id IS NOT NULL"
	    " GROUP BY day, product_id, category, description",
	    "SELECT day, product_id, category, description, lines, revenue,"
	    " units, margin, margin_lines, revenue_c, margin_c, costed_lines,"
	    " trans FROM agg_product_day WHERE company_id = ?1", 0 },
	{ "agg_customer_day",
	    "SELECT day, customer_id, count(*), sum(revenue),"
	    " count(DISTINCT txn_key) FROM (" VLINES ")"
	    " WHERE customer_id IS NOT NULL GROUP BY day, customer_id",
	    "SELECT day, customer_id, lines, revenue, trans"
	    " FROM agg_customer_day WHERE company_id = ?1", 0 },
	{ "agg_category_day",
	    "SELECT day, category, count(*), count(DISTINCT txn_key)"
	    " FROM (" VLINES ") WHERE product_id IS NOT NULL"
	    " GROUP BY day, category",
	    "SELECT day, category, lines, trans FROM agg_category_day"
	    " WHERE company_id = ?1", 0 },
	/*
	 * Irregular: lines on several days, or one product with lines of
	 * different category or description.
	 */
	{ "agg_irregular",
	    "SELECT txn_key FROM (" VLINES ") GROUP BY txn_key"
	    " HAVING min(day) <> max(day)"
	    " UNION SELECT txn_key FROM (" VLINES ")"
	    " WHERE product_id IS NOT NULL GROUP BY txn_key, product_id"
	    " HAVING min(category) <> max(category)"
	    " OR min(description) <> max(description)",
	    "SELECT txn_key FROM agg_irregular WHERE company_id = ?1", 1 },
	/*
	 * Distinct (day, product) and (day, customer) pairs (kind 0, 1),
	 * each labelled with its week, month, quarter and year.
	 */
	{ "agg_period",
	    "WITH x AS MATERIALIZED ("
	    "  SELECT DISTINCT substr(transaction_date, 1, 10) AS day,"
	    "   0 AS kind, product_id AS key FROM raw_transactions"
	    "   WHERE company_id = ?1 AND product_id IS NOT NULL"
	    "  UNION ALL SELECT DISTINCT substr(transaction_date, 1, 10), 1,"
	    "   customer_id FROM raw_transactions WHERE company_id = ?1"
	    "   AND nullif(customer_id, '') IS NOT NULL),"
	    " l AS (SELECT " VWEEK("day") " AS period, kind, key FROM x"
	    "  UNION ALL SELECT substr(day, 1, 7), kind, key FROM x"
	    "  UNION ALL SELECT substr(day, 1, 4) || '-Q' ||"
	    "   ((substr(day, 6, 2) + 2) / 3), kind, key FROM x"
	    "  UNION ALL SELECT substr(day, 1, 4), kind, key FROM x)"
	    " SELECT period, count(DISTINCT CASE kind WHEN 0 THEN key END),"
	    " count(DISTINCT CASE kind WHEN 1 THEN key END)"
	    " FROM l WHERE period IS NOT NULL GROUP BY period",
	    "SELECT period, products, customers FROM agg_period"
	    " WHERE company_id = ?1", 0 },
};
#define NVTABLES ((int)(sizeof(vtables) / sizeof(vtables[0])))

/*
 * Rows of table t that differ for company: rows only recomputed plus
 * rows only stored (only the first for a superset table).
 */
static int
vtable_diff(ayni_db *db, const struct vtable *t, int64_t company, long *d,
    ayni_error *err)
{
	sqlite3_stmt *st = NULL;
	char *sql;
	int rc = 0;

	/* each side computed once: the recomputed one is the slow one */
	sql = ayni_agg_xprintf("WITH e AS MATERIALIZED (%s),"
	    " s AS MATERIALIZED (%s)"
	    " SELECT (SELECT count(*) FROM (SELECT * FROM e EXCEPT"
	    " SELECT * FROM s)), (SELECT count(*) FROM (SELECT * FROM s"
	    " EXCEPT SELECT * FROM e))", t->expected, t->stored);
	if (sql == NULL)
		return ayni_error_set(err, AYNI_ENOMEM, "out of memory");
	if (sqlite3_prepare_v2(ayni_db_handle(db), sql, -1, &st, NULL) !=
	    SQLITE_OK || sqlite3_bind_int64(st, 1, company) != SQLITE_OK ||
	    sqlite3_step(st) != SQLITE_ROW)
		rc = sql_error(db, err, "verifying the rollups");
	else
		*d = (long)sqlite3_column_int64(st, 0) + (t->superset ? 0 :
		    (long)sqlite3_column_int64(st, 1));
	sqlite3_finalize(st);
	free(sql);
	return rc;
}

/*
 * The base tables of company against their recomputation from the raw
 * lines: *ndiff rows differ, the first in table *what.  Equal base tables
 * make equal views; only when they differ does verify compute the views
 * from the raw lines (agg_expected_*, slow) to name the difference.
 */
static int
check_company(ayni_db *db, int64_t company, long *ndiff, const char **what,
    ayni_error *err)
{
	long d = 0;
	int i, rc;

	for (i = 0; i < NVTABLES; i++) {
		if ((rc = vtable_diff(db, &vtables[i], company, &d, err)) != 0)
			return rc;
		if (d > 0 && *ndiff == 0)
			*what = vtables[i].table;
		*ndiff += d;
	}
	return 0;
}

/* Every company that has lines or rollups (even a removed one), or id. */
static int
company_ids(ayni_db *db, int64_t id, int64_t **out, size_t *n,
    ayni_error *err)
{
	sqlite3_stmt *st = NULL;
	int64_t *ids = NULL, *nids;
	size_t cap = 0;
	int rc = 0, src;

	*out = NULL;
	*n = 0;
	if (sqlite3_prepare_v2(ayni_db_handle(db),
	    "SELECT DISTINCT company_id FROM raw_transactions"
	    " UNION SELECT company_id FROM agg_day"
	    " UNION SELECT company_id FROM agg_irregular"
	    " UNION SELECT company_id FROM agg_period", -1, &st, NULL) !=
	    SQLITE_OK)
		return sql_error(db, err, "listing companies");
	while ((src = sqlite3_step(st)) == SQLITE_ROW) {
		if (id != 0 && sqlite3_column_int64(st, 0) != id)
			continue;
		if (*n == cap) {
			cap = cap ? 2 * cap : 16;
			if ((nids = realloc(ids, cap * sizeof(*ids))) == NULL) {
				rc = ayni_error_set(err, AYNI_ENOMEM,
				    "out of memory");
				goto out;
			}
			ids = nids;
		}
		ids[(*n)++] = sqlite3_column_int64(st, 0);
	}
	if (src != SQLITE_DONE)
		rc = sql_error(db, err, "listing companies");
out:
	sqlite3_finalize(st);
	if (rc != 0) {
		free(ids);
		*n = 0;
	} else
		*out = ids;
	return rc;
}

static void
value_text(sqlite3_stmt *st, int i, char *buf, size_t len)
{
	switch (sqlite3_column_type(st, i)) {
	case SQLITE_NULL:
		snprintf(buf, len, "null");
		break;
	case SQLITE_FLOAT:
		snprintf(buf, len, "%.17g", sqlite3_column_double(st, i));
		break;
	default:
		snprintf(buf, len, "%s", sqlite3_column_text(st, i));
		break;
	}
}

/*
 * Describe the first row of st (a row of one side only) as the
 * difference: the other side's row with the same key, field by field.
 */
static void
describe(ayni_db *db, const struct check *c, sqlite3_stmt *st, int in_view,
    char *buf, size_t len)
{
	sqlite3_stmt *o = NULL;
	char *sql = NULL, key[96], a[48], b[48];
	int i, n = sqlite3_column_count(st);

	value_text(st, 1, key, sizeof(key));
	sql = ayni_agg_xprintf("SELECT * FROM %s WHERE company_id = ?1 "
	    "AND %s IS ?2",
	    in_view ? c->expected : c->view, c->key);
	if (sql == NULL || sqlite3_prepare_v2(ayni_db_handle(db), sql, -1,
	    &o, NULL) != SQLITE_OK)
		goto plain;
	sqlite3_bind_value(o, 1, sqlite3_column_value(st, 0));
	sqlite3_bind_value(o, 2, sqlite3_column_value(st, 1));
	if (sqlite3_step(o) != SQLITE_ROW)
		goto plain;
	for (i = 2; i < n; i++) {
		sqlite3_stmt *v = in_view ? st : o, *e = in_view ? o : st;

		value_text(e, i, a, sizeof(a));
		value_text(v, i, b, sizeof(b));
		if (strcmp(a, b) != 0) {
			snprintf(buf, len, "%s: company %lld %s '%s': %s "
			    "expected %s, found %s", c->view,
			    (long long)sqlite3_column_int64(st, 0), c->key,
			    key, sqlite3_column_name(st, i), a, b);
			goto out;
		}
	}
plain:
	snprintf(buf, len, "%s: company %lld %s '%s': %s", c->view,
	    (long long)sqlite3_column_int64(st, 0), c->key, key, in_view ?
	    "found but not expected" : "expected but missing");
out:
	sqlite3_finalize(o);
	free(sql);
}

/* Deferred refreshes that never came: stale rollups, counted in *n. */
static int
pending(ayni_db *db, int64_t company_id, long *n, char *first, size_t len,
    ayni_error *err)
{
	sqlite3_stmt *st;
	int src;

	if (sqlite3_prepare_v2(ayni_db_handle(db), "SELECT company_id, "
	    "from_day, to_day FROM agg_deferred WHERE ?1 = 0 OR "
	    "company_id = ?1 ORDER BY company_id", -1, &st, NULL) !=
	    SQLITE_OK)
		return sql_error(db, err, "verifying the rollups");
	sqlite3_bind_int64(st, 1, company_id);
	while ((src = sqlite3_step(st)) == SQLITE_ROW) {
		if ((*n)++ == 0)
			snprintf(first, len, "company %lld: refresh "
			    "of days %s to %s still pending: run 'ayni "
			    "aggregate rebuild'",
			    (long long)sqlite3_column_int64(st, 0),
			    sqlite3_column_text(st, 1) ?
			    (const char *)sqlite3_column_text(st, 1) : "-",
			    sqlite3_column_text(st, 2) ?
			    (const char *)sqlite3_column_text(st, 2) : "-");
	}
	sqlite3_finalize(st);
	return src == SQLITE_DONE ? 0 :
	    sql_error(db, err, "verifying the rollups");
}

/* The base tables of every company concerned: *nbase rows differ. */
static int
check_bases(ayni_db *db, int64_t company_id, long *nbase, char *base,
    size_t len, ayni_error *err)
{
	int64_t *ids = NULL;
	size_t k, nids = 0;
	int rc;

	if ((rc = company_ids(db, company_id, &ids, &nids, err)) != 0)
		return rc;
	for (k = 0; k < nids; k++) {
		const char *w = NULL;
		long d = 0;

		if ((rc = check_company(db, ids[k], &d, &w, err)) != 0)
			break;
		if (d > 0 && *nbase == 0)
			snprintf(base, len, "%s: company %lld differs "
			    "from the raw lines: run 'ayni aggregate rebuild'",
			    w, (long long)ids[k]);
		*nbase += d;
	}
	free(ids);
	return rc;
}

/*
 * One query of view check c: side -1 counts the differing rows into *nk,
 * once by key (a changed row is on both sides of the EXCEPTs, each side
 * computed once: the expected one is slow); side 0 (a row only in the
 * view) and 1 (only expected) describe the first one into first, if
 * nothing is there yet.
 */
static int
view_side(ayni_db *db, const struct check *c, int side, int64_t company_id,
    long *nk, char *first, size_t len, ayni_error *err)
{
	sqlite3_stmt *st = NULL;
	char *sql;
	int rc = 0, src;

	if (side == -1)
		sql = ayni_agg_xprintf("WITH a AS MATERIALIZED (SELECT * "
		    "FROM %s WHERE %s), b AS MATERIALIZED "
		    "(SELECT * FROM %s WHERE %s) "
		    "SELECT count(*) FROM ("
		    "SELECT company_id, %s FROM (SELECT * "
		    "FROM a EXCEPT SELECT * FROM b) UNION "
		    "SELECT company_id, %s FROM (SELECT * "
		    "FROM b EXCEPT SELECT * FROM a))", c->view,
		    COMPANY, c->expected, COMPANY, c->key, c->key);
	else
		sql = ayni_agg_xprintf("SELECT * FROM %s WHERE %s "
		    "EXCEPT SELECT * FROM %s WHERE %s "
		    "ORDER BY 1, 2 LIMIT 1",
		    side == 0 ? c->view : c->expected, COMPANY,
		    side == 0 ? c->expected : c->view, COMPANY);
	if (sql == NULL)
		return ayni_error_set(err, AYNI_ENOMEM, "out of memory");
	if (sqlite3_prepare_v2(ayni_db_handle(db), sql, -1, &st, NULL) !=
	    SQLITE_OK) {
		rc = sql_error(db, err, "verifying the rollups");
		goto out;
	}
	sqlite3_bind_int64(st, 1, company_id);
	if ((src = sqlite3_step(st)) == SQLITE_ROW) {
		if (side == -1)
			*nk = sqlite3_column_int64(st, 0);
		else if (first[0] == '\0')
			describe(db, c, st, side == 0, first, len);
	} else if (src != SQLITE_DONE)
		rc = sql_error(db, err, "verifying the rollups");
out:
	sqlite3_finalize(st);
	free(sql);
	return rc;
}

/* Every public view against its twin: *n more rows differ. */
static int
check_views(ayni_db *db, int64_t company_id, long *n, char *first,
    size_t len, ayni_error *err)
{
	size_t k;
	int side, rc;

	for (k = 0; k < sizeof(checks) / sizeof(checks[0]); k++) {
		long nk = 0;

		for (side = -1; side < 2; side++) {
			if ((rc = view_side(db, &checks[k], side, company_id,
			    &nk, first, len, err)) != 0)
				return rc;
			if (side == -1) {
				*n += nk;
				if (nk == 0)
					break;
			}
		}
	}
	return 0;
}

int
ayni_aggregate_verify(ayni_db *db, int64_t company_id, long *ndiff,
    ayni_error *err)
{
	char first[512] = "", base[256] = "";
	long n = 0, nbase = 0, nview;
	int rc;

	if (ndiff != NULL)
		*ndiff = 0;
	if ((rc = pending(db, company_id, &n, first, sizeof(first), err)) !=
	    0)
		return rc;
	/* the base tables first: when they are right, so are the views */
	if ((rc = check_bases(db, company_id, &nbase, base, sizeof(base),
	    err)) != 0)
		return rc;
	nview = n;
	if (nbase > 0 && (rc = check_views(db, company_id, &n, first,
	    sizeof(first), err)) != 0)
		return rc;
	/* base tables that differ where no view shows it */
	if (n == nview) {
		n += nbase;
		if (first[0] == '\0' && nbase > 0)
			snprintf(first, sizeof(first), "%s", base);
	}
	if (ndiff != NULL)
		*ndiff = n;
	if (n > 0)
		return ayni_error_set(err, AYNI_EDATA, "%s (%ld difference%s)",
		    first, n, n == 1 ? "" : "s");
	return 0;
}
