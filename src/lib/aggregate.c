/*
 * aggregate.c - reading, verifying and rebuilding the rollups of
 * schema/0002_rollups.sql.
 *
 * The SQL of every report is the text of its view: the view is written
 * with an open range ('0000-01-01' .. '9999-12-31') and "company_id > 0",
 * and this file reads it back from sqlite_schema and binds those markers,
 * so the views sqlite3 users query and the reports cannot disagree.
 * Nothing here checks roles, prints, or decides the output format.
 */
#include <assert.h>
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "ayni/aggregate.h"

static const struct level {
	const char	*name;
	const char	*view;		/* view whose text is the report */
	const char	*select;	/* its columns, in writer order */
	const char	*order;		/* ORDER BY of the report */
} levels[] = {
	[AYNI_AGG_DAY] = { "day", "agg_time_rollup", NULL, "period" },
	[AYNI_AGG_WEEK] = { "week", "agg_time_rollup", NULL, "period" },
	[AYNI_AGG_MONTH] = { "month", "agg_time_rollup", NULL, "period" },
	[AYNI_AGG_QUARTER] = { "quarter", "agg_time_rollup", NULL,
	    "period" },
	[AYNI_AGG_YEAR] = { "year", "agg_time_rollup", NULL, "period" },
	[AYNI_AGG_PRODUCT] = { "product", "product_aggregations",
	    "product_id, description, category, revenue, units, "
	    "transactions, margin, margin_pct, velocity, first_sale, "
	    "last_sale, share_pct, abc, quadrant",
	    "revenue DESC, product_id" },
	[AYNI_AGG_CUSTOMER] = { "customer", "customer_aggregations",
	    "customer_id, revenue, transactions, avg_order, first_purchase, "
	    "last_purchase, recency_days, purchase_days",
	    "revenue DESC, customer_id" },
	[AYNI_AGG_CATEGORY] = { "category", "category_aggregations",
	    "category, revenue, units, products, transactions, margin, "
	    "margin_pct, share_pct",
	    "revenue DESC, category" },
};
#define NLEVELS ((int)(sizeof(levels) / sizeof(levels[0])))

static const char time_select[] =
    "period, revenue, units, transactions, lines, avg_ticket, customers, "
    "products, cost, margin, margin_pct, discount, returns";

/* Writer columns; names are the stable csv/json interface (SPEC 6). */
static const ayni_column time_cols[] = {
	{ "period", AYNI_T_TEXT }, { "revenue", AYNI_T_MONEY },
	{ "units", AYNI_T_QTY }, { "transactions", AYNI_T_INT },
	{ "lines", AYNI_T_INT }, { "avg_ticket", AYNI_T_MONEY },
	{ "customers", AYNI_T_INT }, { "products", AYNI_T_INT },
	{ "cost", AYNI_T_MONEY }, { "margin", AYNI_T_MONEY },
	{ "margin_pct", AYNI_T_PCT }, { "discount", AYNI_T_MONEY },
	{ "returns", AYNI_T_INT },
};
static const ayni_column product_cols[] = {
	{ "product_id", AYNI_T_TEXT }, { "description", AYNI_T_TEXT },
	{ "category", AYNI_T_TEXT }, { "revenue", AYNI_T_MONEY },
	{ "units", AYNI_T_QTY }, { "transactions", AYNI_T_INT },
	{ "margin", AYNI_T_MONEY }, { "margin_pct", AYNI_T_PCT },
	{ "velocity", AYNI_T_REAL }, { "first_sale", AYNI_T_TEXT },
	{ "last_sale", AYNI_T_TEXT }, { "share_pct", AYNI_T_PCT },
	{ "abc", AYNI_T_TEXT }, { "quadrant", AYNI_T_TEXT },
};
static const ayni_column customer_cols[] = {
	{ "customer_id", AYNI_T_TEXT }, { "revenue", AYNI_T_MONEY },
	{ "transactions", AYNI_T_INT }, { "avg_order", AYNI_T_MONEY },
	{ "first_purchase", AYNI_T_TEXT }, { "last_purchase", AYNI_T_TEXT },
	{ "recency_days", AYNI_T_INT }, { "purchase_days", AYNI_T_INT },
};
static const ayni_column category_cols[] = {
	{ "category", AYNI_T_TEXT }, { "revenue", AYNI_T_MONEY },
	{ "units", AYNI_T_QTY }, { "products", AYNI_T_INT },
	{ "transactions", AYNI_T_INT }, { "margin", AYNI_T_MONEY },
	{ "margin_pct", AYNI_T_PCT }, { "share_pct", AYNI_T_PCT },
};
#define NCOLS(a) ((int)(sizeof(a) / sizeof((a)[0])))

int
ayni_agg_level_parse(const char *s, ayni_agg_level *out, ayni_error *err)
{
	int i;

	for (i = 0; i < NLEVELS; i++)
		if (strcmp(s, levels[i].name) == 0) {
			*out = (ayni_agg_level)i;
			return 0;
		}
	return ayni_error_set(err, AYNI_EUSAGE, "unknown level '%s': use day, "
	    "week, month, quarter, year, product, customer or category", s);
}

const char *
ayni_agg_level_name(ayni_agg_level level)
{
	assert((int)level >= 0 && (int)level < NLEVELS);
	return levels[level].name;
}

void
ayni_aggregate_columns(ayni_agg_level level, const ayni_column **out,
    int *ncols)
{
	switch (level) {
	case AYNI_AGG_PRODUCT:
		*out = product_cols;
		*ncols = NCOLS(product_cols);
		break;
	case AYNI_AGG_CUSTOMER:
		*out = customer_cols;
		*ncols = NCOLS(customer_cols);
		break;
	case AYNI_AGG_CATEGORY:
		*out = category_cols;
		*ncols = NCOLS(category_cols);
		break;
	default:
		*out = time_cols;
		*ncols = NCOLS(time_cols);
		break;
	}
}

/* A real calendar date written exactly 'YYYY-MM-DD'. */
static int
valid_date(const char *s)
{
	static const int mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };
	int i, y, m, d;

	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return 0;
	for (i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return 0;
	y = atoi(s);
	m = atoi(s + 5);
	d = atoi(s + 8);
	if (m < 1 || m > 12 || d < 1 || d > mdays[m - 1])
		return 0;
	if (m == 2 && d == 29 && !(y % 4 == 0 && (y % 100 != 0 ||
	    y % 400 == 0)))
		return 0;
	return 1;
}

int
ayni_aggregate_opts_check(const ayni_aggregate_opts *opts, ayni_error *err)
{
	if ((int)opts->level < 0 || (int)opts->level >= NLEVELS)
		return ayni_error_set(err, AYNI_EUSAGE, "unknown level");
	if (opts->from != NULL && !valid_date(opts->from))
		return ayni_error_set(err, AYNI_EUSAGE, "invalid --from date "
		    "'%s': use YYYY-MM-DD", opts->from);
	if (opts->to != NULL && !valid_date(opts->to))
		return ayni_error_set(err, AYNI_EUSAGE, "invalid --to date "
		    "'%s': use YYYY-MM-DD", opts->to);
	if (opts->from != NULL && opts->to != NULL &&
	    strcmp(opts->from, opts->to) > 0)
		return ayni_error_set(err, AYNI_EUSAGE, "--from '%s' is after "
		    "--to '%s'", opts->from, opts->to);
	if (opts->top < 0)
		return ayni_error_set(err, AYNI_EUSAGE, "--top must be a "
		    "positive number, not %ld", opts->top);
	return 0;
}

static int
sql_error(ayni_db *db, ayni_error *err, const char *what)
{
	return ayni_db_error(db, err, what);
}

/* A malloc'd printf, or NULL when out of memory. */
static char *
xprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static char *
xprintf(const char *fmt, ...)
{
	va_list ap;
	char *s;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0 || (s = malloc((size_t)n + 1)) == NULL)
		return NULL;
	va_start(ap, fmt);
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return s;
}

/* Replace every occurrence of from in *s by to; *s is malloc'd. */
static int
replace_all(char **s, const char *from, const char *to)
{
	size_t nf = strlen(from), nt = strlen(to), n = 0, len;
	const char *p;
	char *out, *q;

	for (p = *s; (p = strstr(p, from)) != NULL; p += nf)
		n++;
	len = strlen(*s) + n * nt + 1;
	if ((out = malloc(len)) == NULL)
		return -1;
	for (p = *s, q = out; ; ) {
		const char *hit = strstr(p, from);

		if (hit == NULL) {
			strcpy(q, p);
			break;
		}
		memcpy(q, p, (size_t)(hit - p));
		q += hit - p;
		memcpy(q, to, nt);
		q += nt;
		p = hit + nf;
	}
	free(*s);
	*s = out;
	return 0;
}

/*
 * The body of view name (what follows "AS") with its range and company
 * markers turned into ?1 (from), ?2 (to) and ?3 (company).
 */
static int
view_query(ayni_db *db, const char *name, char **out, ayni_error *err)
{
	sqlite3 *h = ayni_db_handle(db);
	sqlite3_stmt *st = NULL;
	const char *text, *p;
	char *body = NULL;
	int rc = 0;

	*out = NULL;
	if (sqlite3_prepare_v2(h, "SELECT sql FROM sqlite_schema "
	    "WHERE type = 'view' AND name = ?", -1, &st, NULL) != SQLITE_OK)
		return sql_error(db, err, "reading the rollup views");
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_ROW) {
		rc = ayni_error_set(err, AYNI_EINTERNAL, "no view '%s': the "
		    "database schema is incomplete", name);
		goto out;
	}
	text = (const char *)sqlite3_column_text(st, 0);
	/* "CREATE VIEW name AS ..." */
	p = text + strlen("CREATE VIEW ") + strlen(name);
	while (isspace((unsigned char)*p))
		p++;
	if (strncmp(text, "CREATE VIEW ", 12) != 0 ||
	    strncmp(p, "AS", 2) != 0 || !isspace((unsigned char)p[2])) {
		rc = ayni_error_set(err, AYNI_EINTERNAL, "cannot read view "
		    "'%s'", name);
		goto out;
	}
	if ((body = strdup(p + 2)) == NULL ||
	    replace_all(&body, "'0000-01-01'", "?1") != 0 ||
	    replace_all(&body, "'9999-12-31'", "?2") != 0 ||
	    replace_all(&body, "company_id > 0", "company_id = ?3") != 0) {
		free(body);
		rc = ayni_error_set(err, AYNI_ENOMEM, "out of memory");
		goto out;
	}
	*out = body;
out:
	sqlite3_finalize(st);
	return rc;
}

int
ayni_aggregate_write(ayni_db *db, int64_t company_id,
    const ayni_aggregate_opts *opts, ayni_writer *w, ayni_error *err)
{
	const struct level *lv;
	sqlite3_stmt *st = NULL;
	char *body = NULL, *sql = NULL;
	int rc, is_time;

	if ((rc = ayni_aggregate_opts_check(opts, err)) != 0)
		return rc;
	lv = &levels[opts->level];
	is_time = lv->select == NULL;
	if ((rc = view_query(db, lv->view, &body, err)) != 0)
		return rc;
	if ((sql = xprintf("SELECT %s FROM (%s)%s ORDER BY %s LIMIT ?5",
	    is_time ? time_select : lv->select, body,
	    is_time ? " WHERE level = ?4" : "", lv->order)) == NULL) {
		rc = ayni_error_set(err, AYNI_ENOMEM, "out of memory");
		goto out;
	}
	if (sqlite3_prepare_v2(ayni_db_handle(db), sql, -1, &st, NULL) !=
	    SQLITE_OK) {
		rc = sql_error(db, err, "preparing the report");
		goto out;
	}
	sqlite3_bind_text(st, 1, opts->from ? opts->from : "0000-01-01", -1,
	    SQLITE_STATIC);
	sqlite3_bind_text(st, 2, opts->to ? opts->to : "9999-12-31", -1,
	    SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, company_id);
	if (is_time)
		sqlite3_bind_text(st, 4, lv->name, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 5, opts->top > 0 ? opts->top : -1);
	rc = ayni_writer_stmt(w, st, err);
out:
	sqlite3_finalize(st);
	free(sql);
	free(body);
	return rc;
}

/* Run a ';'-separated script with ?1 bound to company and ?2.. to days. */
static int
run(ayni_db *db, const char *script, int64_t company_id, const char **days,
    int ndays, ayni_error *err)
{
	sqlite3 *h = ayni_db_handle(db);
	sqlite3_stmt *st;
	const char *tail = script;
	int i, src;

	while (*tail != '\0') {
		if (sqlite3_prepare_v2(h, tail, -1, &st, &tail) != SQLITE_OK)
			return sql_error(db, err, "updating the rollups");
		if (st == NULL)
			continue;	/* trailing blanks */
		sqlite3_bind_int64(st, 1, company_id);
		for (i = 0; i < ndays && i + 2 <= sqlite3_bind_parameter_count(st);
		    i++)
			sqlite3_bind_text(st, i + 2, days[i], -1,
			    SQLITE_TRANSIENT);
		while ((src = sqlite3_step(st)) == SQLITE_ROW)
			;
		sqlite3_finalize(st);
		if (src != SQLITE_DONE)
			return sql_error(db, err, "updating the rollups");
	}
	return 0;
}

int
ayni_aggregate_defer(ayni_db *db, int64_t company_id, ayni_error *err)
{
	return run(db, "INSERT INTO agg_deferred (company_id) VALUES (?1) "
	    "ON CONFLICT DO NOTHING", company_id, NULL, 0, err);
}

/*
 * The set-based refresh of days [?2, ?3] of company ?1; ?4 .. ?5 covers
 * every week, month, quarter and year that meets those days, whose
 * distinct counts are recomputed whole.  The day-set triggers are off
 * (the company is in agg_deferred) until the last statement.
 */
static const char refresh_sql[] =
    "DELETE FROM agg_period WHERE company_id = ?1 AND period IN ("
    "  SELECT period FROM agg_day_period WHERE company_id = ?1"
    "  AND day BETWEEN ?4 AND ?5 AND level <> 'day');"
    "DELETE FROM agg_day WHERE company_id = ?1 AND day BETWEEN ?2 AND ?3;"
    "DELETE FROM agg_product_day WHERE company_id = ?1"
    "  AND day BETWEEN ?2 AND ?3;"
    "DELETE FROM agg_customer_day WHERE company_id = ?1"
    "  AND day BETWEEN ?2 AND ?3;"
    "DELETE FROM agg_category_day WHERE company_id = ?1"
    "  AND day BETWEEN ?2 AND ?3;"
    "INSERT INTO agg_day (company_id, day, lines, revenue, units, cost,"
    "  cost_lines, margin, margin_lines, revenue_c, margin_c, costed_lines,"
    "  discount, discount_lines, returns, trans, products, customers)"
    " SELECT ?1, day, count(*), sum(revenue), sum(units),"
    "  coalesce(sum(cost), 0), count(cost), coalesce(sum(margin), 0),"
    "  count(margin), total(CASE WHEN costed THEN revenue END),"
    "  coalesce(sum(CASE WHEN costed THEN margin END), 0), sum(costed),"
    "  coalesce(sum(discount), 0), count(discount), sum(is_return),"
    "  count(DISTINCT transaction_id), count(DISTINCT product_id),"
    "  count(DISTINCT customer_id)"
    " FROM agg_expected_lines WHERE company_id = ?1"
    "  AND transaction_date BETWEEN ?2 || ' 00:00:00' AND ?3 || ' 23:59:59'"
    " GROUP BY day;"
    "INSERT INTO agg_product_day (company_id, day, product_id, category,"
    "  description, lines, revenue, units, margin, margin_lines, revenue_c,"
    "  margin_c, costed_lines, trans)"
    " SELECT ?1, day, product_id, category, description, count(*),"
    "  sum(revenue), sum(units), coalesce(sum(margin), 0), count(margin),"
    "  coalesce(sum(CASE WHEN costed THEN revenue END), 0),"
    "  coalesce(sum(CASE WHEN costed THEN margin END), 0), sum(costed),"
    "  count(DISTINCT transaction_id)"
    " FROM agg_expected_lines WHERE company_id = ?1"
    "  AND transaction_date BETWEEN ?2 || ' 00:00:00' AND ?3 || ' 23:59:59'"
    " GROUP BY day, product_id, category, description;"
    "INSERT INTO agg_customer_day (company_id, day, customer_id, lines,"
    "  revenue, trans)"
    " SELECT ?1, day, customer_id, count(*), sum(revenue),"
    "  count(DISTINCT transaction_id)"
    " FROM agg_expected_lines WHERE company_id = ?1"
    "  AND transaction_date BETWEEN ?2 || ' 00:00:00' AND ?3 || ' 23:59:59'"
    "  AND customer_id IS NOT NULL"
    " GROUP BY day, customer_id;"
    "INSERT INTO agg_category_day (company_id, day, category, lines, trans)"
    " SELECT ?1, day, category, count(*), count(DISTINCT transaction_id)"
    " FROM agg_expected_lines WHERE company_id = ?1"
    "  AND transaction_date BETWEEN ?2 || ' 00:00:00' AND ?3 || ' 23:59:59'"
    " GROUP BY day, category;"
    "INSERT INTO agg_period (company_id, period, products, customers)"
    " SELECT ?1, q.period,"
    "  (SELECT count(DISTINCT x.product_id) FROM agg_product_day x"
    "   WHERE x.company_id = ?1 AND x.day BETWEEN q.lo AND q.hi),"
    "  (SELECT count(DISTINCT x.customer_id) FROM agg_customer_day x"
    "   WHERE x.company_id = ?1 AND x.day BETWEEN q.lo AND q.hi)"
    " FROM (SELECT DISTINCT period, lo, hi FROM agg_day_period"
    "  WHERE company_id = ?1 AND day BETWEEN ?4 AND ?5"
    "  AND level <> 'day') AS q;"
    "INSERT OR IGNORE INTO agg_irregular (company_id, transaction_id)"
    " SELECT DISTINCT ?1, a.transaction_id FROM raw_transactions a"
    " JOIN raw_transactions b ON b.company_id = ?1"
    "  AND b.transaction_id = a.transaction_id AND b.id <> a.id"
    " WHERE a.company_id = ?1"
    "  AND a.transaction_date BETWEEN ?2 || ' 00:00:00' AND ?3 || ' 23:59:59'"
    "  AND (substr(a.transaction_date, 1, 10)"
    "    <> substr(b.transaction_date, 1, 10)"
    "   OR (a.product_id = b.product_id"
    "    AND (coalesce(a.category, '') <> coalesce(b.category, '')"
    "     OR coalesce(a.description, '') <> coalesce(b.description, ''))));"
    "DELETE FROM agg_deferred WHERE company_id = ?1;";

/*
 * refresh_sql with a page cache of at least 64 MiB: its inserts into the
 * day sets' secondary indexes come in random order, and with SQLite's
 * default 2 MB cache they re-read pages all the time (measured: twice
 * as slow on a million lines).  The connection's own setting is put
 * back afterwards.
 */
static int
refresh_days(ayni_db *db, int64_t company_id, const char **days,
    ayni_error *err)
{
	sqlite3 *h = ayni_db_handle(db);
	sqlite3_stmt *st;
	long long old = -2000;
	char sql[64];
	int rc;

	if (sqlite3_prepare_v2(h, "PRAGMA cache_size", -1, &st, NULL) ==
	    SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW)
			old = sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
	}
	if (old > -65536 && old < 65536 / 4)
		sqlite3_exec(h, "PRAGMA cache_size = -65536", NULL, NULL,
		    NULL);
	rc = run(db, refresh_sql, company_id, days, 4, err);
	snprintf(sql, sizeof(sql), "PRAGMA cache_size = %lld", old);
	sqlite3_exec(h, sql, NULL, NULL, NULL);
	return rc;
}

int
ayni_aggregate_refresh(ayni_db *db, int64_t company_id, ayni_error *err)
{
	sqlite3_stmt *st = NULL;
	char days[4][11];
	const char *dp[4];
	int i, rc, src, found = 0, empty = 0;

	/*
	 * The days touched, and the first and last day of the periods
	 * around them: a year's start, or the Monday of the ISO week of
	 * the first day when that is earlier; likewise at the end.
	 */
	if (sqlite3_prepare_v2(ayni_db_handle(db),
	    "SELECT from_day, to_day,"
	    " min(substr(from_day, 1, 4) || '-01-01',"
	    "  date(from_day, '-3 days', 'weekday 4', '-3 days')),"
	    " max(substr(to_day, 1, 4) || '-12-31',"
	    "  date(to_day, '-3 days', 'weekday 4', '+3 days'))"
	    " FROM agg_deferred WHERE company_id = ?", -1, &st, NULL) !=
	    SQLITE_OK)
		return sql_error(db, err, "reading the deferred days");
	sqlite3_bind_int64(st, 1, company_id);
	if ((src = sqlite3_step(st)) == SQLITE_ROW) {
		found = 1;
		empty = sqlite3_column_type(st, 0) == SQLITE_NULL;
		for (i = 0; i < 4 && !empty; i++) {
			const char *v = (const char *)sqlite3_column_text(st,
			    i);

			snprintf(days[i], sizeof(days[i]), "%s",
			    v ? v : "");
			dp[i] = days[i];
		}
	}
	sqlite3_finalize(st);
	if (src != SQLITE_ROW && src != SQLITE_DONE)
		return sql_error(db, err, "reading the deferred days");
	if (!found)
		return 0;
	if ((rc = ayni_db_begin(db, err)) != 0)
		return rc;
	if (empty)
		rc = run(db, "DELETE FROM agg_deferred WHERE company_id = ?1",
		    company_id, NULL, 0, err);
	else
		rc = refresh_days(db, company_id, dp, err);
	if (rc != 0) {
		ayni_db_rollback(db);
		return rc;
	}
	return ayni_db_commit(db, err);
}

static int
rebuild_one(ayni_db *db, int64_t company_id, ayni_error *err)
{
	int rc;

	if ((rc = run(db,
	    "INSERT INTO agg_deferred (company_id) VALUES (?1)"
	    " ON CONFLICT DO NOTHING;"
	    "DELETE FROM agg_day WHERE company_id = ?1;"
	    "DELETE FROM agg_product_day WHERE company_id = ?1;"
	    "DELETE FROM agg_customer_day WHERE company_id = ?1;"
	    "DELETE FROM agg_category_day WHERE company_id = ?1;"
	    "DELETE FROM agg_period WHERE company_id = ?1;"
	    "DELETE FROM agg_irregular WHERE company_id = ?1;"
	    "UPDATE agg_deferred SET"
	    " from_day = (SELECT substr(min(transaction_date), 1, 10)"
	    "  FROM raw_transactions WHERE company_id = ?1),"
	    " to_day = (SELECT substr(max(transaction_date), 1, 10)"
	    "  FROM raw_transactions WHERE company_id = ?1)"
	    " WHERE company_id = ?1;", company_id, NULL, 0, err)) != 0)
		return rc;
	return ayni_aggregate_refresh(db, company_id, err);
}

int
ayni_aggregate_rebuild(ayni_db *db, int64_t company_id, ayni_error *err)
{
	sqlite3_stmt *st = NULL;
	int rc, src;

	if ((rc = ayni_db_begin(db, err)) != 0)
		return rc;
	if (company_id != 0) {
		rc = rebuild_one(db, company_id, err);
		goto out;
	}
	/* Every company that has lines or rollups, even a removed one. */
	if (sqlite3_prepare_v2(ayni_db_handle(db),
	    "SELECT DISTINCT company_id FROM raw_transactions"
	    " UNION SELECT company_id FROM agg_day"
	    " UNION SELECT company_id FROM agg_irregular"
	    " UNION SELECT company_id FROM agg_period", -1, &st, NULL) !=
	    SQLITE_OK) {
		rc = sql_error(db, err, "listing companies");
		goto out;
	}
	/*
	 * The statement reads tables that rebuild_one() writes: collect
	 * the ids first.
	 */
	{
		int64_t *ids = NULL, *nids;
		size_t n = 0, cap = 0, k;

		while ((src = sqlite3_step(st)) == SQLITE_ROW) {
			if (n == cap) {
				cap = cap ? 2 * cap : 16;
				if ((nids = realloc(ids, cap *
				    sizeof(*ids))) == NULL) {
					free(ids);
					rc = ayni_error_set(err, AYNI_ENOMEM,
					    "out of memory");
					goto out;
				}
				ids = nids;
			}
			ids[n++] = sqlite3_column_int64(st, 0);
		}
		if (src != SQLITE_DONE)
			rc = sql_error(db, err, "listing companies");
		sqlite3_finalize(st);
		st = NULL;
		for (k = 0; rc == 0 && k < n; k++)
			rc = rebuild_one(db, ids[k], err);
		free(ids);
	}
out:
	sqlite3_finalize(st);
	if (rc != 0) {
		ayni_db_rollback(db);
		return rc;
	}
	return ayni_db_commit(db, err);
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
	sql = xprintf("SELECT * FROM %s WHERE company_id = ?1 AND %s IS ?2",
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

int
ayni_aggregate_verify(ayni_db *db, int64_t company_id, long *ndiff,
    ayni_error *err)
{
	sqlite3_stmt *st = NULL;
	char first[512] = "", *sql = NULL;
	long n = 0, nk = 0;
	size_t k;
	int side, rc = 0, src;

	if (ndiff != NULL)
		*ndiff = 0;
	/* A deferred refresh that never came: stale rollups. */
	if (sqlite3_prepare_v2(ayni_db_handle(db), "SELECT company_id, "
	    "from_day, to_day FROM agg_deferred WHERE ?1 = 0 OR "
	    "company_id = ?1 ORDER BY company_id", -1, &st, NULL) !=
	    SQLITE_OK)
		return sql_error(db, err, "verifying the rollups");
	sqlite3_bind_int64(st, 1, company_id);
	while ((src = sqlite3_step(st)) == SQLITE_ROW) {
		if (n++ == 0)
			snprintf(first, sizeof(first), "company %lld: refresh "
			    "of days %s to %s still pending: run 'ayni "
			    "aggregate rebuild'",
			    (long long)sqlite3_column_int64(st, 0),
			    sqlite3_column_text(st, 1) ?
			    (const char *)sqlite3_column_text(st, 1) : "-",
			    sqlite3_column_text(st, 2) ?
			    (const char *)sqlite3_column_text(st, 2) : "-");
	}
	sqlite3_finalize(st);
	st = NULL;
	if (src != SQLITE_DONE)
		return sql_error(db, err, "verifying the rollups");

	for (k = 0; k < sizeof(checks) / sizeof(checks[0]); k++) {
		const struct check *c = &checks[k];

		/*
		 * Differing rows, counted once by key: a changed row is
		 * on both sides of the EXCEPTs.  Then the first one, field
		 * by field, if it is the first difference found.
		 */
		for (side = -1; side < 2; side++) {
			/* each side computed once: the expected one is slow */
			if (side == -1)
				sql = xprintf("WITH a AS MATERIALIZED (SELECT * "
				    "FROM %s WHERE %s), b AS MATERIALIZED "
				    "(SELECT * FROM %s WHERE %s) "
				    "SELECT count(*) FROM ("
				    "SELECT company_id, %s FROM (SELECT * "
				    "FROM a EXCEPT SELECT * FROM b) UNION "
				    "SELECT company_id, %s FROM (SELECT * "
				    "FROM b EXCEPT SELECT * FROM a))", c->view,
				    COMPANY, c->expected, COMPANY, c->key,
				    c->key);
			else
				sql = xprintf("SELECT * FROM %s WHERE %s "
				    "EXCEPT SELECT * FROM %s WHERE %s "
				    "ORDER BY 1, 2 LIMIT 1",
				    side == 0 ? c->view : c->expected, COMPANY,
				    side == 0 ? c->expected : c->view,
				    COMPANY);
			if (sql == NULL) {
				rc = ayni_error_set(err, AYNI_ENOMEM,
				    "out of memory");
				goto out;
			}
			if (sqlite3_prepare_v2(ayni_db_handle(db), sql, -1,
			    &st, NULL) != SQLITE_OK) {
				rc = sql_error(db, err,
				    "verifying the rollups");
				goto out;
			}
			sqlite3_bind_int64(st, 1, company_id);
			if ((src = sqlite3_step(st)) == SQLITE_ROW) {
				if (side == -1) {
					nk = sqlite3_column_int64(st, 0);
					n += nk;
				} else if (first[0] == '\0')
					describe(db, c, st, side == 0, first,
					    sizeof(first));
			}
			sqlite3_finalize(st);
			st = NULL;
			free(sql);
			sql = NULL;
			if (src != SQLITE_DONE && src != SQLITE_ROW) {
				rc = sql_error(db, err,
				    "verifying the rollups");
				goto out;
			}
			if (side == -1 && nk == 0)
				break;
		}
	}
	if (ndiff != NULL)
		*ndiff = n;
	if (n > 0)
		rc = ayni_error_set(err, AYNI_EDATA, "%s (%ld difference%s)",
		    first, n, n == 1 ? "" : "s");
out:
	sqlite3_finalize(st);
	free(sql);
	return rc;
}
