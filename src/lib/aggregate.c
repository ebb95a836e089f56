/*
 * aggregate.c - reading the rollups of schema/0002_rollups.sql: the
 * levels, their writer columns and the reports.  The bulk refresh engine
 * is refresh.c, verification verify.c.
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
#include "ayni/calendar.h"
#include "aggregate_int.h"
#include "internal.h"

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
	return ayni_iso_date(s, NULL);
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

/* For other core modules: benchmark.c reads agg_time_rollup so. */
int
ayni_agg_view_sql(ayni_db *db, const char *name, char **out, ayni_error *err)
{
	return view_query(db, name, out, err);
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
	if ((sql = ayni_agg_xprintf("SELECT %s FROM (%s)%s ORDER BY %s "
	    "LIMIT ?5",
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

