/*
 * aggregate.c - reading the rollups of schema/0002_rollups.sql: the
 * levels, their writer columns and the reports.  The bulk refresh engine
 * is refresh.c, verification verify.c.
 *
 * Every report reads a rollup view restricted to one company and a range
 * of days by bound parameters (scoped_sql below), never by editing the
 * view's text.  Nothing here checks roles, prints, or decides the output
 * format.
 */
#include <assert.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "ayni/aggregate.h"
#include "ayni/calendar.h"
#include "aggregate_int.h"
#include "internal.h"
#include "ayni/intl.h"

static const struct level {
	const char	*name;
	const char	*view;		/* the view the report reads */
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
    "nullif(products, 0), cost, margin, margin_pct, discount, returns";

/*
 * Writer columns; names are the stable csv/json interface
 * (docs/contract.md §6).
 */
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
	return ayni_error_set(err, AYNI_EUSAGE, _("unknown level '%s': use day, "
	    "week, month, quarter, year, product, customer or category"), s);
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

int
ayni_aggregate_opts_check(const ayni_aggregate_opts *opts, ayni_error *err)
{
	if ((int)opts->level < 0 || (int)opts->level >= NLEVELS)
		return ayni_error_set(err, AYNI_EUSAGE, _("unknown level"));
	if (opts->from != NULL && !ayni_iso_date(opts->from, NULL))
		return ayni_error_set(err, AYNI_EUSAGE, _("invalid --from date "
		    "'%s': use YYYY-MM-DD"), opts->from);
	if (opts->to != NULL && !ayni_iso_date(opts->to, NULL))
		return ayni_error_set(err, AYNI_EUSAGE, _("invalid --to date "
		    "'%s': use YYYY-MM-DD"), opts->to);
	if (opts->from != NULL && opts->to != NULL &&
	    strcmp(opts->from, opts->to) > 0)
		return ayni_error_set(err, AYNI_EUSAGE, _("--from '%s' is after "
		    "--to '%s'"), opts->from, opts->to);
	if (opts->top < 0)
		return ayni_error_set(err, AYNI_EUSAGE, _("--top must be a "
		    "positive number, not %ld"), opts->top);
	return 0;
}

/* A malloc'd printf, or NULL when out of memory (aggregate_int.h). */
char *
ayni_agg_xprintf(const char *fmt, ...)
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

/*
 * The rollup views of schema/ (0003_line_identity.sql; agg_time_rollup
 * as 0004_document_lines.sql and customer_aggregations as
 * 0006_customer_month.sql changed them), each restricted
 * to one company and a range of days by bound parameters: ?1 the first
 * day, ?2 the last, ?3 the company.  Every base table they read is
 * filtered by "company_id = ?3", and scoped() puts the same filter on the
 * rows that come out, so no row of another company can: an unbound ?3 is
 * NULL and matches nothing.  The views keep the open range and all
 * companies for sqlite3 users; test_aggregate.c checks that the two
 * agree.  If you change a view, change its twin here (and the test
 * tells you if you did not).
 */
#define TIME_HEAD \
    "SELECT company_id, level, period, year, num, lo, hi, revenue," \
      " CASE WHEN products > 0 THEN units END AS units, transactions, lines," \
      " CAST(round(1.0 * revenue / transactions) AS INTEGER) AS avg_ticket," \
      " nullif(customers, 0) AS customers, products, cost, margin," \
      " margin_pct," \
      " discount, returns" \
    " FROM (SELECT g.*," \
      " g.trans - (SELECT count(*) - count(DISTINCT x.txn_key)" \
        " FROM (SELECT DISTINCT y.txn_key, y.day" \
        " FROM agg_irregular_lines y" \
        " WHERE y.company_id = g.company_id" \
        " AND y.day BETWEEN g.lo AND g.hi) AS x) AS transactions," \
      " CASE WHEN g.level = 'day' THEN g.day_products" \
        " WHEN g.whole THEN coalesce((SELECT a.products FROM agg_period a" \
        " WHERE a.company_id = g.company_id AND a.period = g.period), 0)" \
        " ELSE (SELECT count(DISTINCT x.product_id) FROM agg_product_day x" \
        " WHERE x.company_id = g.company_id" \
        " AND x.day BETWEEN g.lo AND g.hi) END AS products," \
      " CASE WHEN g.level = 'day' THEN g.day_customers" \
        " WHEN g.whole THEN coalesce((SELECT a.customers FROM agg_period a" \
        " WHERE a.company_id = g.company_id AND a.period = g.period), 0)" \
        " ELSE (SELECT count(DISTINCT x.customer_id)" \
        " FROM agg_customer_day x" \
        " WHERE x.company_id = g.company_id" \
        " AND x.day BETWEEN g.lo AND g.hi) END AS customers" \
      " FROM (SELECT company_id, level, period, year, num," \
        " max(lo, ?1) AS lo, min(hi, ?2) AS hi," \
        " lo >= ?1 AND hi <= ?2 AS whole," \
        " sum(lines) AS lines, sum(revenue) AS revenue," \
        " sum(units) AS units," \
        " CASE WHEN sum(cost_lines) > 0 THEN sum(cost) END AS cost," \
        " CASE WHEN sum(margin_lines) > 0 THEN sum(margin) END AS margin," \
        " CASE WHEN sum(costed_lines) > 0" \
        " THEN 100.0 * sum(margin_c) / sum(revenue_c) END AS margin_pct," \
        " CASE WHEN sum(discount_lines) > 0" \
        " THEN sum(discount) END AS discount," \
        " sum(returns) AS returns, sum(trans) AS trans," \
        " sum(products) AS day_products, sum(customers) AS day_customers" \
      " FROM agg_day_period" \
      " WHERE day BETWEEN ?1 AND ?2 AND company_id = ?3"

#define TIME_TAIL \
      " GROUP BY company_id, level, period) AS g)"

static const char product_sql[] =
    "WITH pd AS ("
      " SELECT * FROM agg_product_day"
      " WHERE day BETWEEN ?1 AND ?2 AND company_id = ?3),"
    " corr AS ("
      " SELECT company_id, product_id,"
        " count(*) - count(DISTINCT txn_key) AS n"
      " FROM (SELECT DISTINCT company_id, product_id, txn_key, day,"
        " category, description"
        " FROM agg_irregular_lines"
        " WHERE day BETWEEN ?1 AND ?2"
        " AND company_id = ?3)"
      " GROUP BY company_id, product_id),"
    " latest AS ("
      /* bare columns come from the row holding the max() */
      " SELECT company_id, product_id, category, description,"
        " max(day || x'1f' || description || x'1f' || category)"
      " FROM pd GROUP BY company_id, product_id),"
    " p AS ("
      " SELECT company_id, product_id, sum(revenue) AS revenue,"
        " sum(units) AS units, sum(trans) AS trans,"
        " CASE WHEN sum(margin_lines) > 0 THEN sum(margin) END AS margin,"
        " CASE WHEN sum(costed_lines) > 0"
        " THEN 100.0 * sum(margin_c) / sum(revenue_c) END AS margin_pct,"
        " count(DISTINCT day) AS days, min(day) AS first_sale,"
        " max(day) AS last_sale"
      " FROM pd GROUP BY company_id, product_id),"
    " r AS ("
      " SELECT p.company_id, p.product_id,"
        " nullif(l.description, '') AS description,"
        " nullif(l.category, '') AS category, p.revenue, p.units,"
        " p.trans - coalesce(c.n, 0) AS transactions, p.margin,"
        " p.margin_pct, p.units / 1000.0 / p.days AS velocity,"
        " p.first_sale, p.last_sale"
      " FROM p JOIN latest l USING (company_id, product_id)"
      " LEFT JOIN corr c USING (company_id, product_id)),"
    " k AS ("
      " SELECT r.*,"
        " sum(revenue) OVER (PARTITION BY company_id) AS total,"
        " sum(revenue) OVER (PARTITION BY company_id"
        " ORDER BY revenue DESC, product_id ROWS UNBOUNDED PRECEDING)"
        " AS cum,"
        " row_number() OVER (PARTITION BY company_id"
        " ORDER BY velocity, product_id) AS vrank,"
        " row_number() OVER (PARTITION BY company_id"
        " ORDER BY revenue, product_id) AS rrank,"
        " count(*) OVER (PARTITION BY company_id) AS n"
      " FROM r),"
    " m AS ("
      " SELECT company_id,"
        " avg(CASE WHEN vrank IN ((n + 1) / 2, (n + 2) / 2)"
        " THEN velocity END) AS med_velocity,"
        " avg(CASE WHEN rrank IN ((n + 1) / 2, (n + 2) / 2)"
        " THEN revenue END) AS med_revenue"
      " FROM k GROUP BY company_id)"
    " SELECT company_id, product_id, description, category, revenue, units,"
      " transactions, margin, margin_pct, velocity, first_sale, last_sale,"
      " CASE WHEN total <> 0 THEN 100.0 * revenue / total END AS share_pct,"
      " CASE WHEN cum * 100 <= total * 80 THEN 'A'"
      " WHEN cum * 100 <= total * 95 THEN 'B' ELSE 'C' END AS abc,"
      " CASE WHEN velocity > med_velocity THEN"
        " CASE WHEN revenue > med_revenue THEN 'STAR' ELSE 'WORKHORSE' END"
      " WHEN revenue > med_revenue THEN 'CASH_COW'"
      " ELSE 'DEAD_STOCK' END AS quadrant"
    " FROM k JOIN m USING (company_id)";

/*
 * The customers of [?1, ?2]: the months the range covers whole from
 * agg_customer_month (schema/0006), read in its key order and grouped
 * without a sort ("m"); the days of the (at most two) months it cuts,
 * from agg_customer_day ("e", small); a customer seen in both is one row.
 * "Whole" is month || '-01' >= ?1 AND month || '-31' <= ?2, written as
 * bounds on the month that SQLite computes once.
 */
#define WHOLE_MONTH(m) \
    " " m " >= substr(?1, 1, 7) ||" \
      " CASE WHEN substr(?1, 1, 7) || '-01' >= ?1 THEN '' ELSE '~' END" \
    " AND " m " < substr(?2, 1, 7) ||" \
      " CASE WHEN substr(?2, 1, 7) || '-31' <= ?2 THEN '~' ELSE '' END"

static const char customer_sql[] =
    "WITH corr AS ("
      " SELECT company_id, customer_id,"
        " count(*) - count(DISTINCT txn_key) AS n"
      " FROM (SELECT DISTINCT company_id, customer_id, txn_key, day"
        " FROM agg_irregular_lines"
        " WHERE customer_id IS NOT NULL"
        " AND day BETWEEN ?1 AND ?2"
        " AND company_id = ?3)"
      " GROUP BY company_id, customer_id),"
    " e AS ("
      " SELECT company_id, customer_id, sum(revenue) AS revenue,"
        " sum(trans) AS trans, min(day) AS first_day, max(day) AS last_day,"
        " count(*) AS days"
      " FROM (SELECT company_id, customer_id, revenue, trans, day"
        " FROM agg_customer_day"
        " WHERE day BETWEEN ?1 AND min(?2, substr(?1, 1, 7) || '-31')"
        " AND company_id = ?3"
        " AND NOT (" WHOLE_MONTH("substr(?1, 1, 7)") ")"
        " UNION ALL"
        " SELECT company_id, customer_id, revenue, trans, day"
        " FROM agg_customer_day"
        " WHERE day BETWEEN max(?1, substr(?2, 1, 7) || '-01') AND ?2"
        " AND company_id = ?3"
        " AND substr(?2, 1, 7) > substr(?1, 1, 7)"
        " AND NOT (" WHOLE_MONTH("substr(?2, 1, 7)") "))"
      " GROUP BY company_id, customer_id),"
    " m AS ("
      " SELECT company_id, customer_id, sum(revenue) AS revenue,"
        " sum(trans) AS trans, min(first_day) AS first_day,"
        " max(last_day) AS last_day, sum(days) AS days"
      " FROM agg_customer_month"
      " WHERE company_id = ?3 AND" WHOLE_MONTH("month")
      " GROUP BY company_id, customer_id),"
    " c AS ("
      " SELECT m.company_id, m.customer_id,"
        " m.revenue + coalesce(e.revenue, 0) AS revenue,"
        " m.trans + coalesce(e.trans, 0) AS trans,"
        " CASE WHEN e.customer_id IS NULL THEN m.first_day"
        " ELSE min(m.first_day, e.first_day) END AS first_purchase,"
        " CASE WHEN e.customer_id IS NULL THEN m.last_day"
        " ELSE max(m.last_day, e.last_day) END AS last_purchase,"
        " m.days + coalesce(e.days, 0) AS purchase_days"
      " FROM m LEFT JOIN e USING (company_id, customer_id)"
      " UNION ALL"
      " SELECT company_id, customer_id, revenue, trans, first_day, last_day,"
        " days"
      " FROM e WHERE NOT EXISTS (SELECT 1 FROM agg_customer_month x"
        " WHERE x.company_id = e.company_id"
        " AND x.customer_id = e.customer_id AND" WHOLE_MONTH("x.month") "))"
    " SELECT company_id, customer_id, revenue, transactions,"
      " CAST(round(1.0 * revenue / transactions) AS INTEGER) AS avg_order,"
      " first_purchase, last_purchase, recency_days, purchase_days"
    " FROM (SELECT c.company_id, c.customer_id, c.revenue,"
      " c.trans - coalesce(corr.n, 0) AS transactions, c.first_purchase,"
      " c.last_purchase,"
      " CAST(julianday((SELECT max(day) FROM agg_day"
        " WHERE day BETWEEN ?1 AND ?2 AND company_id = ?3))"
        " - julianday(c.last_purchase) AS INTEGER) AS recency_days,"
      " c.purchase_days"
      " FROM c LEFT JOIN corr USING (company_id, customer_id))";

static const char category_sql[] =
    "WITH corr AS ("
      " SELECT company_id, category,"
        " count(*) - count(DISTINCT txn_key) AS n"
      " FROM (SELECT DISTINCT company_id, category, txn_key, day"
        " FROM agg_irregular_lines"
        " WHERE day BETWEEN ?1 AND ?2"
        " AND company_id = ?3)"
      " GROUP BY company_id, category),"
    " s AS ("
      " SELECT company_id, category, sum(revenue) AS revenue,"
        " sum(units) AS units, count(DISTINCT product_id) AS products,"
        " CASE WHEN sum(margin_lines) > 0 THEN sum(margin) END AS margin,"
        " CASE WHEN sum(costed_lines) > 0"
        " THEN 100.0 * sum(margin_c) / sum(revenue_c) END AS margin_pct"
      " FROM agg_product_day"
      " WHERE day BETWEEN ?1 AND ?2 AND company_id = ?3"
      " GROUP BY company_id, category),"
    " t AS ("
      " SELECT company_id, category, sum(trans) AS trans"
      " FROM agg_category_day"
      " WHERE day BETWEEN ?1 AND ?2 AND company_id = ?3"
      " GROUP BY company_id, category)"
    " SELECT s.company_id, nullif(s.category, '') AS category, s.revenue,"
      " s.units, s.products, t.trans - coalesce(corr.n, 0) AS transactions,"
      " s.margin, s.margin_pct,"
      " CASE WHEN sum(s.revenue) OVER w <> 0"
      " THEN 100.0 * s.revenue / sum(s.revenue) OVER w END AS share_pct"
    " FROM s JOIN t USING (company_id, category)"
    " LEFT JOIN corr USING (company_id, category)"
    " WINDOW w AS (PARTITION BY s.company_id)";

static const char time_sql[] = TIME_HEAD TIME_TAIL;
/* one level and period (?4, ?5) chosen before grouping: benchmark.c */
static const char period_sql[] =
    TIME_HEAD " AND level = ?4 AND period = ?5" TIME_TAIL;

static const struct scoped {
	const char	*name;
	const char	*sql;
} scoped_sql[] = {
	{ "agg_time_rollup", time_sql },
	{ "agg_time_rollup_period", period_sql },
	{ "product_aggregations", product_sql },
	{ "customer_aggregations", customer_sql },
	{ "category_aggregations", category_sql },
};

const char *
ayni_agg_scoped_sql(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(scoped_sql) / sizeof(scoped_sql[0]); i++)
		if (strcmp(scoped_sql[i].name, name) == 0)
			return scoped_sql[i].sql;
	return NULL;
}

/*
 * "head (view of company ?3 in [?1, ?2]) tail", prepared.  The company
 * filter is outside the view's text as well as inside it.
 */
int
ayni_agg_prepare(ayni_db *db, const char *view, const char *head,
    const char *tail, sqlite3_stmt **st, ayni_error *err)
{
	const char *body = ayni_agg_scoped_sql(view);
	char *sql;
	int rc;

	*st = NULL;
	if (body == NULL)
		return ayni_error_set(err, AYNI_EINTERNAL, _("no rollup view "
		    "'%s'"), view);
	if ((sql = ayni_agg_xprintf("%s (SELECT * FROM (%s) WHERE "
	    "company_id = ?3) %s", head, body, tail)) == NULL)
		return ayni_error_set(err, AYNI_ENOMEM, _("out of memory"));
	rc = ayni_sql_prepare(db, st, err, N_("preparing the report"), sql, NULL);
	free(sql);
	return rc;
}

int
ayni_aggregate_no_products(ayni_db *db, int64_t company_id, int *out,
    ayni_error *err)
{
	int64_t v;
	int rc;

	/* both probes are a prefix of a primary key: no scan */
	if ((rc = ayni_sql_int(db, &v, err, N_("reading the rollups"),
	    "SELECT EXISTS (SELECT 1 FROM agg_day WHERE company_id = ?1)"
	    " AND NOT EXISTS (SELECT 1 FROM agg_product_day"
	    " WHERE company_id = ?1)", "I", company_id)) == 0)
		*out = (int)v;
	return rc;
}

int
ayni_aggregate_write(ayni_db *db, int64_t company_id,
    const ayni_aggregate_opts *opts, ayni_writer *w, ayni_error *err)
{
	const struct level *lv;
	sqlite3_stmt *st = NULL;
	char *head = NULL, *tail = NULL;
	int rc, is_time;

	if ((rc = ayni_aggregate_opts_check(opts, err)) != 0)
		return rc;
	lv = &levels[opts->level];
	is_time = lv->select == NULL;
	head = ayni_agg_xprintf("SELECT %s FROM",
	    is_time ? time_select : lv->select);
	/*
	 * No LIMIT without --top: with one, even -1, SQLite sorts into a
	 * B-tree that can drop rows as it goes, slower than its merge sort.
	 */
	tail = ayni_agg_xprintf("%s ORDER BY %s%s",
	    is_time ? "WHERE level = ?4" : "", lv->order,
	    opts->top > 0 ? " LIMIT ?5" : "");
	if (head == NULL || tail == NULL) {
		rc = ayni_error_set(err, AYNI_ENOMEM, _("out of memory"));
		goto out;
	}
	if ((rc = ayni_agg_prepare(db, lv->view, head, tail, &st, err)) != 0)
		goto out;
	sqlite3_bind_text(st, 1, opts->from ? opts->from : "0000-01-01", -1,
	    SQLITE_STATIC);
	sqlite3_bind_text(st, 2, opts->to ? opts->to : "9999-12-31", -1,
	    SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, company_id);
	if (is_time)
		sqlite3_bind_text(st, 4, lv->name, -1, SQLITE_STATIC);
	if (opts->top > 0)
		sqlite3_bind_int64(st, 5, opts->top);
	rc = ayni_writer_stmt(w, st, err);
out:
	sqlite3_finalize(st);
	free(head);
	free(tail);
	return rc;
}
