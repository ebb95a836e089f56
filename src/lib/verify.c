/*
 * verify.c - 'ayni aggregate verify': the base tables of the rollups
 * against plain SQL GROUP BYs of raw_transactions, walked side by side
 * in key order, and, when they differ, every public view against its
 * agg_expected_* twin (schema/) to name the first difference.  It shares
 * no code with the refresh engine (refresh.c) or the triggers, so a bug
 * in either shows here.  Nothing here writes or prints.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "ayni/intl.h"
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
 * raw_transactions by plain GROUP BYs (the day tables and the hours:
 * by check_days(), in C, from one read of the lines): nothing of the
 * refresh engine or of the triggers is used, so a bug in either shows
 * here.  Columns in
 * the table's order, rows in the order of its primary key (the GROUP BY
 * order: no second sort); a line's signed amounts are the net_* columns
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
/* The ISO week of day d, as agg_day_period writes it. */
#define VWEEK(d) \
    "strftime('%Y', date(" d ", '-3 days', 'weekday 4')) || '-W' ||" \
    " printf('%02d', (strftime('%j', date(" d ", '-3 days'," \
    " 'weekday 4')) - 1) / 7 + 1)"
#define VQUARTER(d) \
    "substr(" d ", 1, 4) || '-Q' || ((substr(" d ", 6, 2) + 2) / 3)"

/*
 * agg_period from the raw lines: the distinct (day, product) and (day,
 * customer) pairs (kind 0, 1), each labelled with its week, month,
 * quarter and year.  Slow (every pair four times through one sort); used
 * only when a day set differs, see VPERIOD_SETS.
 */
#define VPERIOD_RAW \
    "WITH x AS MATERIALIZED (" \
    "  SELECT DISTINCT substr(transaction_date, 1, 10) AS day," \
    "   0 AS kind, product_id AS key FROM raw_transactions" \
    "   WHERE company_id = ?1 AND product_id IS NOT NULL" \
    "  UNION ALL SELECT DISTINCT substr(transaction_date, 1, 10), 1," \
    "   customer_id FROM raw_transactions WHERE company_id = ?1" \
    "   AND nullif(customer_id, '') IS NOT NULL)," \
    " l AS (SELECT " VWEEK("day") " AS period, kind, key FROM x" \
    "  UNION ALL SELECT substr(day, 1, 7), kind, key FROM x" \
    "  UNION ALL SELECT " VQUARTER("day") ", kind, key FROM x" \
    "  UNION ALL SELECT substr(day, 1, 4), kind, key FROM x)" \
    " SELECT period, count(DISTINCT CASE kind WHEN 0 THEN key END)," \
    " count(DISTINCT CASE kind WHEN 1 THEN key END)" \
    " FROM l WHERE period IS NOT NULL GROUP BY period ORDER BY period"

/*
 * The distinct keys of day set t (key column k, (company_id, k, day)
 * index i) per week, month, quarter and year, as (period, n).  The
 * (key, month) pairs come from one read of the index in (key, day)
 * order, already grouped; quarters and years count from those pairs,
 * weeks through a label per day (d): the date arithmetic runs once a
 * day, not once a row.  d and m are a few thousand rows.
 */
#define VSET_PERIODS(t, k, i) \
    "SELECT * FROM (WITH d(day, w) AS MATERIALIZED (SELECT day, " \
    VWEEK("day") " FROM (SELECT DISTINCT day FROM " t \
    "  WHERE company_id = ?1))," \
    " m(key, m) AS MATERIALIZED (SELECT DISTINCT " k ", substr(day, 1, 7)" \
    "  FROM " t " INDEXED BY " i " WHERE company_id = ?1)" \
    " SELECT w AS period, count(DISTINCT s." k ") AS n" \
    "  FROM " t " s JOIN d USING (day) WHERE s.company_id = ?1 GROUP BY w" \
    " UNION ALL SELECT m, count(*) FROM m GROUP BY m" \
    " UNION ALL SELECT q, count(*) FROM (SELECT DISTINCT key, " \
    VQUARTER("m") " AS q FROM m) GROUP BY q" \
    " UNION ALL SELECT y, count(*) FROM (SELECT DISTINCT key," \
    "  substr(m, 1, 4) AS y FROM m) GROUP BY y)"

/*
 * agg_period from the day sets agg_product_day and agg_customer_day,
 * once they are found equal to their recomputation from the raw lines
 * (check_company() checks them first): then their (day, key) pairs are
 * exactly the raw lines' distinct pairs, read from the sets' (key, day)
 * indexes instead of sorted again.  Neither writer's arithmetic is used.
 */
#define VPERIOD_SETS \
    "SELECT period, sum(p), sum(c) FROM (" \
    " SELECT period, n AS p, 0 AS c FROM (" VSET_PERIODS("agg_product_day", \
    "product_id", "agg_product_day_product") ")" \
    " UNION ALL SELECT period, 0, n FROM (" VSET_PERIODS("agg_customer_day", \
    "customer_id", "agg_customer_day_customer") "))" \
    " WHERE period IS NOT NULL GROUP BY period ORDER BY period"

enum { V_DAY, V_PRODUCT, V_CUSTOMER, V_CATEGORY, V_IRREGULAR, V_PERIOD,
	V_HOUR, V_CUSTOMER_MONTH, NVTABLES };

static const struct vtable {
	const char	*table;
	const char	*expected;	/* rows of company ?1, by key */
	const char	*from_sets;	/* the same, once the day sets match */
	const char	*stored;	/* same columns, same order */
	int		 nkey;		/* the first nkey columns */
	int		 superset;	/* only missing rows differ */
} vtables[NVTABLES] = {
	/*
	 * The day tables and the hours: expected NULL, recomputed by
	 * check_days() in one read of the lines, compared with these.
	 */
	[V_DAY] = { "agg_day", NULL, NULL,
	    "SELECT day, lines, revenue, units, cost, cost_lines, margin,"
	    " margin_lines, revenue_c, margin_c, costed_lines, discount,"
	    " discount_lines, returns, trans, products, customers"
	    " FROM agg_day WHERE company_id = ?1 ORDER BY day", 1, 0 },
	[V_PRODUCT] = { "agg_product_day", NULL, NULL,
	    "SELECT day, product_id, category, description, lines, revenue,"
	    " units, margin, margin_lines, revenue_c, margin_c, costed_lines,"
	    " trans FROM agg_product_day WHERE company_id = ?1"
	    " ORDER BY day, product_id, category, description", 4, 0 },
	[V_CUSTOMER] = { "agg_customer_day", NULL, NULL,
	    "SELECT day, customer_id, lines, revenue, trans"
	    " FROM agg_customer_day WHERE company_id = ?1"
	    " ORDER BY day, customer_id", 2, 0 },
	[V_CATEGORY] = { "agg_category_day", NULL, NULL,
	    "SELECT day, category, lines, trans FROM agg_category_day"
	    " WHERE company_id = ?1 ORDER BY day, category", 2, 0 },
	/*
	 * Irregular: one product with lines of different category or
	 * description.  Two lines of one transaction and product differ in
	 * occurrence (the line key, schema/0004_document_lines.sql), so
	 * one of them has occurrence > 1: only those pairs are grouped.
	 * Lines of one transaction on several days, the other kind, cannot
	 * be: the day is part of txn_key (schema/0003_line_identity.sql).
	 */
	[V_IRREGULAR] = { "agg_irregular",
	    "SELECT DISTINCT txn_key FROM raw_transactions"
	    " WHERE company_id = ?1 AND product_id IS NOT NULL"
	    " AND (txn_key, product_key) IN (SELECT txn_key, product_key"
	    "  FROM raw_transactions WHERE company_id = ?1 AND occurrence > 1)"
	    " GROUP BY txn_key, product_key"
	    " HAVING min(coalesce(category, '')) <> max(coalesce(category, ''))"
	    " OR min(coalesce(description, ''))"
	    " <> max(coalesce(description, '')) ORDER BY 1", NULL,
	    "SELECT txn_key FROM agg_irregular WHERE company_id = ?1"
	    " ORDER BY txn_key", 1, 1 },
	[V_PERIOD] = { "agg_period", VPERIOD_RAW, VPERIOD_SETS,
	    "SELECT period, products, customers FROM agg_period"
	    " WHERE company_id = ?1 ORDER BY period", 1, 0 },
	/* The hours (schema/0005_hour_rollup.sql): check_days() too. */
	[V_HOUR] = { "agg_hour", NULL, NULL,
	    "SELECT day, hour, lines, revenue, midnight FROM agg_hour"
	    " WHERE company_id = ?1 ORDER BY day, hour", 2, 0 },
	/*
	 * The customers' months (schema/0006_customer_month.sql): from the
	 * raw lines, or, once agg_customer_day equals its recomputation,
	 * summed from its rows read in (customer, day) order by its index.
	 */
	[V_CUSTOMER_MONTH] = { "agg_customer_month",
	    "SELECT customer_id, substr(day, 1, 7), count(*), sum(revenue),"
	    " count(DISTINCT txn_key), count(DISTINCT day), min(day), max(day)"
	    " FROM (" VLINES ") WHERE customer_id IS NOT NULL"
	    " GROUP BY customer_id, substr(day, 1, 7)"
	    " ORDER BY customer_id, substr(day, 1, 7)",
	    "SELECT customer_id, substr(day, 1, 7), sum(lines), sum(revenue),"
	    " sum(trans), count(*), min(day), max(day)"
	    " FROM agg_customer_day INDEXED BY agg_customer_day_customer"
	    " WHERE company_id = ?1 GROUP BY customer_id, substr(day, 1, 7)"
	    " ORDER BY customer_id, substr(day, 1, 7)",
	    "SELECT customer_id, month, lines, revenue, trans, days,"
	    " first_day, last_day FROM agg_customer_month"
	    " WHERE company_id = ?1 ORDER BY customer_id, month", 2, 0 },
};

/* The order of checking: the day sets before what is counted from them. */
static const int vorder[NVTABLES] = { V_PRODUCT, V_CUSTOMER, V_DAY,
	V_CATEGORY, V_IRREGULAR, V_PERIOD, V_HOUR, V_CUSTOMER_MONTH };

/* Where type t sorts among values: NULL, numbers, text, blob. */
static int
type_rank(int t)
{
	return t == SQLITE_NULL ? 0 : t == SQLITE_INTEGER ||
	    t == SQLITE_FLOAT ? 1 : t == SQLITE_TEXT ? 2 : 3;
}

/*
 * Column i of a against column i of b as ORDER BY (BINARY) and EXCEPT
 * compare them: <0, 0, >0.
 */
static int
col_cmp(sqlite3_stmt *a, sqlite3_stmt *b, int i)
{
	int ta = sqlite3_column_type(a, i), tb = sqlite3_column_type(b, i);
	int na, nb, c;
	const void *pa, *pb;

	if (ta == SQLITE_INTEGER && tb == SQLITE_INTEGER) {
		sqlite3_int64 x = sqlite3_column_int64(a, i);
		sqlite3_int64 y = sqlite3_column_int64(b, i);

		return (x > y) - (x < y);
	}
	if (type_rank(ta) != type_rank(tb))
		return type_rank(ta) - type_rank(tb);
	switch (ta) {
	case SQLITE_NULL:
		return 0;
	case SQLITE_INTEGER:
	case SQLITE_FLOAT: {
		double x = sqlite3_column_double(a, i);
		double y = sqlite3_column_double(b, i);

		return (x > y) - (x < y);
	}
	case SQLITE_TEXT:
		pa = sqlite3_column_text(a, i);
		pb = sqlite3_column_text(b, i);
		break;
	default:
		pa = sqlite3_column_blob(a, i);
		pb = sqlite3_column_blob(b, i);
		break;
	}
	na = sqlite3_column_bytes(a, i);
	nb = sqlite3_column_bytes(b, i);
	if (na > 0 && nb > 0 &&
	    (c = memcmp(pa, pb, (size_t)(na < nb ? na : nb))) != 0)
		return c;
	return (na > nb) - (na < nb);
}

/* Columns [from, to) of the current rows of a and b: <0, 0, >0. */
static int
row_cmp(sqlite3_stmt *a, sqlite3_stmt *b, int from, int to)
{
	int i, c;

	for (i = from; i < to; i++)
		if ((c = col_cmp(a, b, i)) != 0)
			return c;
	return 0;
}

/*
 * Rows of table t that differ for company, counted as EXCEPT both ways
 * would count them: a row only recomputed or only stored is one, a row
 * with a cell changed is two (only the rows missing from a superset
 * table count).  Both sides come ordered by key and are walked side by
 * side, each read once: the recomputed one is the slow one.
 */
static int
vtable_diff(ayni_db *db, const struct vtable *t, const char *expected,
    int64_t company, long *d, ayni_error *err)
{
	sqlite3 *h = ayni_db_handle(db);
	sqlite3_stmt *e = NULL, *s = NULL;
	int rc = 0, er, sr, c, ncol;

	*d = 0;
	if (sqlite3_prepare_v2(h, expected, -1, &e, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(h, t->stored, -1, &s, NULL) != SQLITE_OK ||
	    sqlite3_column_count(e) != sqlite3_column_count(s)) {
		rc = sql_error(db, err, N_("verifying the rollups"));
		goto out;
	}
	ncol = sqlite3_column_count(s);
	sqlite3_bind_int64(e, 1, company);
	sqlite3_bind_int64(s, 1, company);
	er = sqlite3_step(e);
	sr = sqlite3_step(s);
	while (er == SQLITE_ROW || sr == SQLITE_ROW) {
		c = er != SQLITE_ROW ? 1 : sr != SQLITE_ROW ? -1 :
		    row_cmp(e, s, 0, t->nkey);
		if (c < 0)
			++*d;
		else if (c > 0)
			*d += !t->superset;
		else if (!t->superset && row_cmp(e, s, t->nkey, ncol) != 0)
			*d += 2;
		if (c <= 0)
			er = sqlite3_step(e);
		if (c >= 0)
			sr = sqlite3_step(s);
	}
	if (er != SQLITE_DONE || sr != SQLITE_DONE)
		rc = sql_error(db, err, N_("verifying the rollups"));
out:
	sqlite3_finalize(e);
	sqlite3_finalize(s);
	return rc;
}

/*
 * The day tables (agg_day, agg_product_day, agg_customer_day,
 * agg_category_day) and the hours (agg_hour), recomputed in C from one
 * read of the company's lines in transaction_date order, which the
 * (company_id, transaction_date) index gives without a sort: a day's
 * lines are kept (memory grows with the lines of one day, not with the
 * company's), grouped by sorting pointers to them, and each group's row
 * compared at once with the stored row read by primary key.  The sums
 * are those of the GROUP BYs they replace, column for column: a line's
 * signed amounts are the net_* columns (schema/0003_line_identity.sql),
 * a line without a product (schema/0004_document_lines.sql) counts no
 * units and is in no product or category set, NULL and '' are the same
 * "no customer".  Nothing of refresh.c is used: it is what this checks.
 */
#define VDAY_LINES \
    "SELECT transaction_date, txn_key, product_id," \
    " coalesce(category, ''), coalesce(description, '')," \
    " nullif(customer_id, ''), is_return, net_revenue," \
    " coalesce(net_units, 0), net_cost, net_margin, discount_total," \
    " cost_total IS NOT NULL AND margin IS NOT NULL" \
    " FROM raw_transactions INDEXED BY raw_transactions_company_date" \
    " WHERE company_id = ?1 ORDER BY transaction_date"

/* A text cell: p NULL is SQL NULL. */
struct vstr {
	const char	*p;
	size_t		 off;		/* in the day's arena, until fixed */
	int		 n;
};

/* One line of the day being checked. */
struct vline {
	struct vstr	 txn, product, category, description, customer;
	int64_t		 revenue, units, cost, margin, discount;
	int		 hour, midnight, is_return, costed;
	int		 has_cost, has_margin, has_discount;
};

/* The sums of a group of lines, as the GROUP BYs named them. */
struct vsum {
	int64_t		 lines, revenue, units, cost, cost_lines, margin;
	int64_t		 margin_lines, revenue_c, margin_c, costed;
	int64_t		 discount, discount_lines, returns;
	int		 overflow;	/* sum() would have failed */
};

/* An expected cell: text (s.p set, or NULL) or integer i. */
struct vcell {
	int		 text;
	struct vstr	 s;
	int64_t		 i;
};

/* A stored table walked in key order beside its recomputation. */
struct vwalk {
	sqlite3_stmt	*s;
	int		 sr, nkey, ncol;
	long		 d;
};

/* The lines of the current day. */
struct vday {
	char		 day[11];
	struct vline	*lines;
	struct vline	**by;		/* sorted views of lines */
	size_t		 n, cap;
	char		*arena;
	size_t		 used, acap;
	int		 overflow;
};

enum { W_DAY, W_PRODUCT, W_CUSTOMER, W_CATEGORY, W_HOUR, NWALK };
static const int wtable[NWALK] = { V_DAY, V_PRODUCT, V_CUSTOMER,
	V_CATEGORY, V_HOUR };

/* a against b as SQLite's BINARY collation orders them. */
static int
str_cmp(const struct vstr *a, const struct vstr *b)
{
	int c;

	if (a->p == NULL || b->p == NULL)
		return (a->p != NULL) - (b->p != NULL);
	if (a->n > 0 && b->n > 0 &&
	    (c = memcmp(a->p, b->p, (size_t)(a->n < b->n ? a->n : b->n))) != 0)
		return c;
	return (a->n > b->n) - (a->n < b->n);
}

/* Expected cell e against stored column i of s, as col_cmp() would. */
static int
cell_cmp(const struct vcell *e, sqlite3_stmt *s, int i)
{
	int t = sqlite3_column_type(s, i);
	struct vstr v;

	if (!e->text || e->s.p == NULL) {
		if (e->text)
			return t == SQLITE_NULL ? 0 : -1;
		if (t == SQLITE_INTEGER) {
			int64_t y = sqlite3_column_int64(s, i);

			return (e->i > y) - (e->i < y);
		}
		if (t == SQLITE_FLOAT) {
			double x = (double)e->i, y = sqlite3_column_double(s, i);

			return (x > y) - (x < y);
		}
		return t == SQLITE_NULL ? 1 : -1;
	}
	if (t != SQLITE_TEXT)
		return t == SQLITE_BLOB ? -1 : 1;
	v.p = (const char *)sqlite3_column_text(s, i);
	v.n = sqlite3_column_bytes(s, i);
	if (v.p == NULL)
		v.p = "";
	return str_cmp(&e->s, &v);
}

/* Cells [from, to) of row against the stored row of w: <0, 0, >0. */
static int
cells_cmp(const struct vcell *row, struct vwalk *w, int from, int to)
{
	int i, c;

	for (i = from; i < to; i++)
		if ((c = cell_cmp(&row[i], w->s, i)) != 0)
			return c;
	return 0;
}

/*
 * One recomputed row, in key order: stored rows before it are extra
 * (one difference each), a missing one is one, a changed one two, as
 * vtable_diff() counts them.
 */
static void
vwalk_row(struct vwalk *w, const struct vcell *row)
{
	int c;

	for (;;) {
		c = w->sr != SQLITE_ROW ? -1 : cells_cmp(row, w, 0, w->nkey);
		if (c < 0) {
			w->d++;
			return;
		}
		if (c == 0 && cells_cmp(row, w, w->nkey, w->ncol) != 0)
			w->d += 2;
		w->sr = sqlite3_step(w->s);
		if (c == 0)
			return;
		w->d++;
	}
}

#define VADD(s, v)	do { if (__builtin_add_overflow((s), (v), &(s))) \
	sum->overflow = 1; } while (0)

static void
vsum_add(struct vsum *sum, const struct vline *l)
{
	sum->lines++;
	VADD(sum->revenue, l->revenue);
	VADD(sum->units, l->units);
	if (l->has_cost) {
		VADD(sum->cost, l->cost);
		sum->cost_lines++;
	}
	if (l->has_margin) {
		VADD(sum->margin, l->margin);
		sum->margin_lines++;
	}
	if (l->costed) {
		VADD(sum->revenue_c, l->revenue);
		VADD(sum->margin_c, l->margin);
		sum->costed++;
	}
	if (l->has_discount) {
		VADD(sum->discount, l->discount);
		sum->discount_lines++;
	}
	sum->returns += l->is_return;
}

static void
cell_int(struct vcell *c, int64_t i)
{
	c->text = 0;
	c->i = i;
}

static void
cell_str(struct vcell *c, const struct vstr *s)
{
	c->text = 1;
	c->s = *s;
}

static int
by_txn(const void *a, const void *b)
{
	return str_cmp(&(*(struct vline *const *)a)->txn,
	    &(*(struct vline *const *)b)->txn);
}

/* agg_product_day's key within a day. */
static int
by_product_key(const struct vline *x, const struct vline *y)
{
	int c;

	if ((c = str_cmp(&x->product, &y->product)) != 0 ||
	    (c = str_cmp(&x->category, &y->category)) != 0)
		return c;
	return str_cmp(&x->description, &y->description);
}

static int
by_product(const void *a, const void *b)
{
	const struct vline *x = *(struct vline *const *)a;
	const struct vline *y = *(struct vline *const *)b;
	int c;

	if ((c = by_product_key(x, y)) != 0)
		return c;
	return str_cmp(&x->txn, &y->txn);
}

static int
by_customer(const void *a, const void *b)
{
	const struct vline *x = *(struct vline *const *)a;
	const struct vline *y = *(struct vline *const *)b;
	int c;

	if ((c = str_cmp(&x->customer, &y->customer)) != 0)
		return c;
	return str_cmp(&x->txn, &y->txn);
}

static int
by_category(const void *a, const void *b)
{
	const struct vline *x = *(struct vline *const *)a;
	const struct vline *y = *(struct vline *const *)b;
	int c;

	if ((c = str_cmp(&x->category, &y->category)) != 0)
		return c;
	return str_cmp(&x->txn, &y->txn);
}

enum { VS_ALL, VS_PRODUCT, VS_CUSTOMER };

/* The lines of set which, sorted by cmp, into v->by: how many. */
static size_t
vday_sort(struct vday *v, int which, int (*cmp)(const void *, const void *))
{
	size_t i, n = 0;

	for (i = 0; i < v->n; i++)
		if (which == VS_ALL || (which == VS_PRODUCT ?
		    v->lines[i].product.p : v->lines[i].customer.p) != NULL)
			v->by[n++] = &v->lines[i];
	qsort(v->by, n, sizeof(*v->by), cmp);
	return n;
}

/* Distinct transactions in v->by[i, j), sorted by transaction there. */
static int64_t
vday_trans(struct vday *v, size_t i, size_t j)
{
	int64_t t = 0;
	size_t k;

	for (k = i; k < j; k++)
		t += k == i || str_cmp(&v->by[k]->txn, &v->by[k - 1]->txn) != 0;
	return t;
}

/* The hours of the day, in the order read (by time). */
static void
vday_hours(struct vday *v, struct vwalk *w)
{
	struct vcell row[5];
	struct vstr day = { v->day, 0, (int)strlen(v->day) };
	size_t i, j;
	int64_t rev, mid;

	for (i = 0; i < v->n; i = j) {
		struct vsum sum = { 0 };

		rev = mid = 0;
		for (j = i; j < v->n && v->lines[j].hour == v->lines[i].hour;
		    j++) {
			vsum_add(&sum, &v->lines[j]);
			mid += v->lines[j].midnight;
		}
		rev = sum.revenue;
		v->overflow |= sum.overflow;
		cell_str(&row[0], &day);
		cell_int(&row[1], v->lines[i].hour);
		cell_int(&row[2], (int64_t)(j - i));
		cell_int(&row[3], rev);
		cell_int(&row[4], mid);
		vwalk_row(w, row);
	}
}

/* agg_product_day's rows of the day: the distinct products, counted. */
static int64_t
vday_products(struct vday *v, struct vwalk *w)
{
	struct vcell row[13];
	struct vstr day = { v->day, 0, (int)strlen(v->day) };
	size_t i, j, k, n = vday_sort(v, VS_PRODUCT, by_product);
	int64_t products = 0;

	for (i = 0; i < n; i = j) {
		struct vsum sum = { 0 };

		for (j = i; j < n && by_product_key(v->by[j], v->by[i]) == 0;
		    j++)
			vsum_add(&sum, v->by[j]);
		products += i == 0 ||
		    str_cmp(&v->by[i]->product, &v->by[i - 1]->product) != 0;
		v->overflow |= sum.overflow;
		cell_str(&row[0], &day);
		cell_str(&row[1], &v->by[i]->product);
		cell_str(&row[2], &v->by[i]->category);
		cell_str(&row[3], &v->by[i]->description);
		k = 4;
		cell_int(&row[k++], sum.lines);
		cell_int(&row[k++], sum.revenue);
		cell_int(&row[k++], sum.units);
		cell_int(&row[k++], sum.margin);
		cell_int(&row[k++], sum.margin_lines);
		cell_int(&row[k++], sum.revenue_c);
		cell_int(&row[k++], sum.margin_c);
		cell_int(&row[k++], sum.costed);
		cell_int(&row[k++], vday_trans(v, i, j));
		vwalk_row(w, row);
	}
	return products;
}

/* agg_customer_day's rows of the day: the distinct customers. */
static int64_t
vday_customers(struct vday *v, struct vwalk *w)
{
	struct vcell row[5];
	struct vstr day = { v->day, 0, (int)strlen(v->day) };
	size_t i, j, n = vday_sort(v, VS_CUSTOMER, by_customer);
	int64_t customers = 0;

	for (i = 0; i < n; i = j) {
		struct vsum sum = { 0 };

		for (j = i; j < n && str_cmp(&v->by[j]->customer,
		    &v->by[i]->customer) == 0; j++)
			vsum_add(&sum, v->by[j]);
		customers++;
		v->overflow |= sum.overflow;
		cell_str(&row[0], &day);
		cell_str(&row[1], &v->by[i]->customer);
		cell_int(&row[2], sum.lines);
		cell_int(&row[3], sum.revenue);
		cell_int(&row[4], vday_trans(v, i, j));
		vwalk_row(w, row);
	}
	return customers;
}

/* agg_category_day's rows of the day (lines with a product). */
static void
vday_categories(struct vday *v, struct vwalk *w)
{
	struct vcell row[4];
	struct vstr day = { v->day, 0, (int)strlen(v->day) };
	size_t i, j, n = vday_sort(v, VS_PRODUCT, by_category);

	for (i = 0; i < n; i = j) {
		for (j = i; j < n && str_cmp(&v->by[j]->category,
		    &v->by[i]->category) == 0; j++)
			;
		cell_str(&row[0], &day);
		cell_str(&row[1], &v->by[i]->category);
		cell_int(&row[2], (int64_t)(j - i));
		cell_int(&row[3], vday_trans(v, i, j));
		vwalk_row(w, row);
	}
}

/* Every row of the day, in each table, against the stored ones. */
static void
vday_check(struct vday *v, struct vwalk *w)
{
	struct vcell row[17];
	struct vstr day = { v->day, 0, (int)strlen(v->day) };
	struct vsum sum = { 0 };
	int64_t products, customers;
	size_t i, k = 0;

	for (i = 0; i < v->n; i++) {
		struct vline *l = &v->lines[i];

		l->txn.p = v->arena + l->txn.off;
		l->product.p = l->product.n < 0 ? NULL :
		    v->arena + l->product.off;
		l->category.p = v->arena + l->category.off;
		l->description.p = v->arena + l->description.off;
		l->customer.p = l->customer.n < 0 ? NULL :
		    v->arena + l->customer.off;
		vsum_add(&sum, l);
	}
	v->overflow |= sum.overflow;
	vday_hours(v, &w[W_HOUR]);
	products = vday_products(v, &w[W_PRODUCT]);
	customers = vday_customers(v, &w[W_CUSTOMER]);
	vday_categories(v, &w[W_CATEGORY]);
	cell_str(&row[k++], &day);
	cell_int(&row[k++], sum.lines);
	cell_int(&row[k++], sum.revenue);
	cell_int(&row[k++], sum.units);
	cell_int(&row[k++], sum.cost);
	cell_int(&row[k++], sum.cost_lines);
	cell_int(&row[k++], sum.margin);
	cell_int(&row[k++], sum.margin_lines);
	cell_int(&row[k++], sum.revenue_c);
	cell_int(&row[k++], sum.margin_c);
	cell_int(&row[k++], sum.costed);
	cell_int(&row[k++], sum.discount);
	cell_int(&row[k++], sum.discount_lines);
	cell_int(&row[k++], sum.returns);
	cell_int(&row[k++], vday_trans(v, 0, vday_sort(v, VS_ALL, by_txn)));
	cell_int(&row[k++], products);
	cell_int(&row[k++], customers);
	vwalk_row(&w[W_DAY], row);
	v->n = v->used = 0;
}

/* Copy column i of st into the day's arena: 0, or -1 out of memory. */
static int
vday_str(struct vday *v, sqlite3_stmt *st, int i, struct vstr *s)
{
	const unsigned char *p = sqlite3_column_text(st, i);
	size_t n = (size_t)sqlite3_column_bytes(st, i), cap;
	char *na;

	s->p = NULL;
	s->n = -1;
	s->off = v->used;
	if (p == NULL)
		return sqlite3_column_type(st, i) == SQLITE_NULL ? 0 : -1;
	if (v->used + n > v->acap) {
		for (cap = v->acap ? v->acap : 65536; cap < v->used + n;)
			cap *= 2;
		if ((na = realloc(v->arena, cap)) == NULL)
			return -1;
		v->arena = na;
		v->acap = cap;
	}
	memcpy(v->arena + v->used, p, n);
	v->used += n;
	s->n = (int)n;
	return 0;
}

/* The current row of st as a line of the day: 0, or -1 out of memory. */
static int
vday_add(struct vday *v, sqlite3_stmt *st)
{
	const char *date = (const char *)sqlite3_column_text(st, 0);
	struct vline *l, *nl, **nb;
	size_t cap;

	if (v->n == v->cap) {
		cap = v->cap ? 2 * v->cap : 1024;
		if ((nl = realloc(v->lines, cap * sizeof(*nl))) == NULL)
			return -1;
		v->lines = nl;
		if ((nb = realloc(v->by, cap * sizeof(*nb))) == NULL)
			return -1;
		v->by = nb;
		v->cap = cap;
	}
	l = &v->lines[v->n];
	if (vday_str(v, st, 1, &l->txn) != 0 ||
	    vday_str(v, st, 2, &l->product) != 0 ||
	    vday_str(v, st, 3, &l->category) != 0 ||
	    vday_str(v, st, 4, &l->description) != 0 ||
	    vday_str(v, st, 5, &l->customer) != 0)
		return -1;
	/* transaction_date is 'YYYY-MM-DD hh:mm:ss' (schema/0004) */
	if (sqlite3_column_bytes(st, 0) >= 13) {
		l->hour = (date[11] - '0') * 10 + (date[12] - '0');
		l->midnight = strcmp(date + 11, "00:00:00") == 0;
	} else
		l->hour = l->midnight = 0;
	l->is_return = sqlite3_column_int(st, 6);
	l->revenue = sqlite3_column_int64(st, 7);
	l->units = sqlite3_column_int64(st, 8);
	l->has_cost = sqlite3_column_type(st, 9) != SQLITE_NULL;
	l->cost = sqlite3_column_int64(st, 9);
	l->has_margin = sqlite3_column_type(st, 10) != SQLITE_NULL;
	l->margin = sqlite3_column_int64(st, 10);
	l->has_discount = sqlite3_column_type(st, 11) != SQLITE_NULL;
	l->discount = sqlite3_column_int64(st, 11);
	l->costed = sqlite3_column_int(st, 12);
	v->n++;
	return 0;
}

/*
 * Open the stored side of each day table of company, in key order:
 * 0, or an SQLite error.
 */
static int
vwalk_open(ayni_db *db, struct vwalk *w, int64_t company, ayni_error *err)
{
	const struct vtable *t;
	int k;

	for (k = 0; k < NWALK; k++) {
		t = &vtables[wtable[k]];
		if (sqlite3_prepare_v2(ayni_db_handle(db), t->stored, -1,
		    &w[k].s, NULL) != SQLITE_OK)
			return sql_error(db, err, N_("verifying the rollups"));
		sqlite3_bind_int64(w[k].s, 1, company);
		w[k].nkey = t->nkey;
		w[k].ncol = sqlite3_column_count(w[k].s);
		w[k].sr = sqlite3_step(w[k].s);
	}
	return 0;
}

/*
 * The day tables and hours of company against one read of its lines:
 * d[v] rows of table v differ (vtables' order).
 */
static int
check_days(ayni_db *db, int64_t company, long *d, ayni_error *err)
{
	struct vwalk w[NWALK] = { { NULL, SQLITE_DONE, 0, 0, 0 } };
	struct vday v = { "", NULL, NULL, 0, 0, NULL, 0, 0, 0 };
	sqlite3_stmt *st = NULL;
	const char *date;
	int rc, src = SQLITE_DONE, k;

	if ((rc = vwalk_open(db, w, company, err)) != 0)
		goto out;
	if (sqlite3_prepare_v2(ayni_db_handle(db), VDAY_LINES, -1, &st,
	    NULL) != SQLITE_OK) {
		rc = sql_error(db, err, N_("verifying the rollups"));
		goto out;
	}
	sqlite3_bind_int64(st, 1, company);
	while ((src = sqlite3_step(st)) == SQLITE_ROW) {
		date = (const char *)sqlite3_column_text(st, 0);
		if (date == NULL)
			break;
		if (v.n > 0 && strncmp(date, v.day, 10) != 0)
			vday_check(&v, w);
		if (v.n == 0)
			snprintf(v.day, sizeof(v.day), "%.10s", date);
		if (vday_add(&v, st) != 0)
			break;
	}
	if (src == SQLITE_ROW) {
		rc = ayni_error_set(err, AYNI_ENOMEM, _("out of memory"));
		goto out;
	}
	if (src != SQLITE_DONE) {
		rc = sql_error(db, err, N_("verifying the rollups"));
		goto out;
	}
	if (v.n > 0)
		vday_check(&v, w);
	if (v.overflow) {
		rc = ayni_error_set(err, AYNI_EDATA, _("%s: integer overflow"),
		    _("verifying the rollups"));
		goto out;
	}
	for (k = 0; k < NWALK; k++) {
		while (w[k].sr == SQLITE_ROW) {
			w[k].d++;
			w[k].sr = sqlite3_step(w[k].s);
		}
		if (w[k].sr != SQLITE_DONE) {
			rc = sql_error(db, err, N_("verifying the rollups"));
			goto out;
		}
		d[wtable[k]] = w[k].d;
	}
out:
	for (k = 0; k < NWALK; k++)
		sqlite3_finalize(w[k].s);
	sqlite3_finalize(st);
	free(v.lines);
	free(v.by);
	free(v.arena);
	return rc;
}

/*
 * The base tables of company against their recomputation from the raw
 * lines: *ndiff rows differ, the first in table *what (in the order of
 * vtables).  Equal base tables make equal views; only when they differ
 * does verify compute the views from the raw lines (agg_expected_*,
 * slow) to name the difference.
 */
static int
check_company(ayni_db *db, int64_t company, long *ndiff, const char **what,
    ayni_error *err)
{
	long d[NVTABLES] = { 0 };
	const char *sql;
	int i, v, rc;

	if ((rc = check_days(db, company, d, err)) != 0)
		return rc;
	for (i = 0; i < NVTABLES; i++) {
		v = vorder[i];
		if ((sql = vtables[v].expected) == NULL)
			continue;
		if (vtables[v].from_sets != NULL && d[V_PRODUCT] == 0 &&
		    d[V_CUSTOMER] == 0)
			sql = vtables[v].from_sets;
		if ((rc = vtable_diff(db, &vtables[v], sql, company, &d[v],
		    err)) != 0)
			return rc;
	}
	for (v = 0; v < NVTABLES; v++) {
		if (d[v] > 0 && *ndiff == 0)
			*what = vtables[v].table;
		*ndiff += d[v];
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
	    " UNION SELECT company_id FROM agg_period"
	    " UNION SELECT company_id FROM agg_hour"
	    " UNION SELECT company_id FROM agg_customer_month", -1, &st,
	    NULL) !=
	    SQLITE_OK)
		return sql_error(db, err, N_("listing companies"));
	while ((src = sqlite3_step(st)) == SQLITE_ROW) {
		if (id != 0 && sqlite3_column_int64(st, 0) != id)
			continue;
		if (*n == cap) {
			cap = cap ? 2 * cap : 16;
			if ((nids = realloc(ids, cap * sizeof(*ids))) == NULL) {
				rc = ayni_error_set(err, AYNI_ENOMEM,
				    _("out of memory"));
				goto out;
			}
			ids = nids;
		}
		ids[(*n)++] = sqlite3_column_int64(st, 0);
	}
	if (src != SQLITE_DONE)
		rc = sql_error(db, err, N_("listing companies"));
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
		return sql_error(db, err, N_("verifying the rollups"));
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
	    sql_error(db, err, N_("verifying the rollups"));
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
		return ayni_error_set(err, AYNI_ENOMEM, _("out of memory"));
	if (sqlite3_prepare_v2(ayni_db_handle(db), sql, -1, &st, NULL) !=
	    SQLITE_OK) {
		rc = sql_error(db, err, N_("verifying the rollups"));
		goto out;
	}
	sqlite3_bind_int64(st, 1, company_id);
	if ((src = sqlite3_step(st)) == SQLITE_ROW) {
		if (side == -1)
			*nk = sqlite3_column_int64(st, 0);
		else if (first[0] == '\0')
			describe(db, c, st, side == 0, first, len);
	} else if (src != SQLITE_DONE)
		rc = sql_error(db, err, N_("verifying the rollups"));
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
		return ayni_error_set(err, AYNI_EDATA, P_("%s (%ld difference)",
		    "%s (%ld differences)", n), first, n);
	return 0;
}
