/*
 * benchmark.c - industry comparisons (docs/contract.md §7): who contributes,
 * the statistics and the percentile rank, and the anonymous rows of the
 * benchmarks table.
 *
 * A company's numbers for a period are one row of agg_time_rollup
 * (schema/0002_rollups.sql) read for the period's days and the company
 * through ayni_agg_prepare (aggregate_int.h), so a benchmark and
 * 'ayni aggregate' cannot disagree, and nothing here reads raw lines.
 * The privacy rules and definitions are man/ayni-benchmark.1's; this file
 * does not check roles, print, or decide the output format.
 */
#include <assert.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "ayni/benchmark.h"
#include "ayni/calendar.h"
#include "ayni/parse.h"
#include "ayni/rut.h"
#include "aggregate_int.h"
#include "internal.h"
#include "ayni/intl.h"

/* Names as in benchmarks.metric_name; col: agg_time_rollup's column. */
static const struct metric {
	const char	*name;
	const char	*col;
	double		 scale;		/* stored unit -> reported unit */
	const char	*lacking;	/* why a company may not have it */
} metrics[AYNI_BM_COUNT] = {
	[AYNI_BM_REVENUE] = { "revenue", "revenue", 100.0, NULL },
	[AYNI_BM_TRANSACTIONS] = { "transactions", "transactions", 1.0,
	    NULL },
	[AYNI_BM_AVG_TICKET] = { "avg_ticket", "avg_ticket", 100.0,
	    N_("no transactions") },
	[AYNI_BM_MARGIN_PCT] = { "margin_pct", "margin_pct", 1.0,
	    N_("no line with a cost") },
	[AYNI_BM_CUSTOMERS] = { "customers", "customers", 1.0,
	    N_("no customer ids") },
	[AYNI_BM_UNITS] = { "units", "units", 1000.0,
	    N_("no lines with a product") },
};

static const char *const kind_names[] = { "month", "quarter", "year" };
static const char *const kind_types[] = { "monthly", "quarterly", "yearly" };

int
ayni_bench_metric_parse(const char *s, ayni_bench_metric *out,
    ayni_error *err)
{
	int i;

	for (i = 0; i < AYNI_BM_COUNT; i++)
		if (strcmp(s, metrics[i].name) == 0) {
			*out = (ayni_bench_metric)i;
			return 0;
		}
	return ayni_error_set(err, AYNI_EUSAGE, _("invalid metric '%.40s': "
	    "expected revenue, transactions, avg_ticket, margin_pct, "
	    "customers or units"), s);
}

const char *
ayni_bench_metric_name(ayni_bench_metric m)
{
	assert(m >= 0 && m < AYNI_BM_COUNT);
	return metrics[m].name;
}

const char *
ayni_bench_kind_name(ayni_bench_kind k)
{
	return kind_names[k];
}

const char *
ayni_bench_kind_type(ayni_bench_kind k)
{
	return kind_types[k];
}

static int
digits(const char *s, int n)
{
	int i;

	for (i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

int
ayni_bench_period_parse(const char *s, ayni_bench_period *out,
    ayni_error *err)
{
	size_t n = strlen(s);
	int y, m, q;

	memset(out, 0, sizeof(*out));
	if (n < 4 || !digits(s, 4))
		goto bad;
	y = atoi(s);
	/* the years a stored date may have (docs/contract.md §2) */
	if (y < AYNI_YEAR_MIN || y > AYNI_YEAR_MAX)
		goto bad;
	if (n == 4) {
		out->kind = AYNI_BP_YEAR;
		snprintf(out->lo, sizeof(out->lo), "%04d-01-01", y);
		snprintf(out->hi, sizeof(out->hi), "%04d-12-31", y);
	} else if (n == 7 && s[4] == '-' && s[5] == 'Q' && s[6] >= '1' &&
	    s[6] <= '4') {
		q = s[6] - '0';
		out->kind = AYNI_BP_QUARTER;
		snprintf(out->lo, sizeof(out->lo), "%04d-%02d-01", y,
		    3 * q - 2);
		snprintf(out->hi, sizeof(out->hi), "%04d-%02d-31", y, 3 * q);
	} else if (n == 7 && s[4] == '-' && digits(s + 5, 2) &&
	    (m = atoi(s + 5)) >= 1 && m <= 12) {
		out->kind = AYNI_BP_MONTH;
		snprintf(out->lo, sizeof(out->lo), "%04d-%02d-01", y, m);
		snprintf(out->hi, sizeof(out->hi), "%04d-%02d-31", y, m);
	} else
		goto bad;
	memcpy(out->label, s, n + 1);
	return 0;
bad:
	return ayni_error_set(err, AYNI_EUSAGE, _("invalid period '%.40s': "
	    "expected a month (2025-10), a quarter (2025-Q4) or a year (2025)"),
	    s);
}

double
ayni_bench_quantile(const double *x, int n, double p)
{
	double h = (n - 1) * p + 1, f = floor(h);
	int j = (int)f;

	assert(n >= 1 && p >= 0 && p <= 1);
	if (j >= n)
		return x[n - 1];
	return x[j - 1] + (h - f) * (x[j] - x[j - 1]);
}

double
ayni_bench_mean(const double *x, int n)
{
	int k = n >= AYNI_BENCH_TRIM_MIN ? n / 20 : 0, i;
	double s = 0;

	assert(n >= 1);
	for (i = k; i < n - k; i++)
		s += x[i];
	return s / (n - 2 * k);
}

/*
 * Whether positions i and i + 1 (1-based, of n) are pooled: a quartile
 * interpolated between positions lo and lo + 1 gives the other of the two
 * to whoever knows it holds one of them, so lo is pooled with lo - 1 and
 * lo + 1 with lo + 2, and no position next to an interpolated quartile
 * can be told from its outer neighbour.
 */
static int
pooled(int i, int n)
{
	static const double ps[] = { 0.25, 0.5, 0.75 };
	double h;
	int k, lo;

	for (k = 0; k < 3; k++) {
		h = (n - 1) * ps[k] + 1;
		lo = (int)floor(h);
		if (h == floor(h))
			continue;	/* one value: no partner to give */
		if ((i == lo - 1 && lo > 1) || (i == lo + 1 && lo + 2 <= n))
			return 1;
	}
	return 0;
}

int
ayni_bench_rank(const double *x, int n, double v)
{
	int below = 0, eq = 0, i, j, lo, hi;

	assert(n >= 2);
	for (i = 0; i < n; i++) {
		below += x[i] < v;
		eq += x[i] == v;
	}
	assert(eq >= 1);
	/* 1-based position; equal values share the middle of theirs */
	j = below + 1 + (eq - 1) / 2;
	/* pools are runs of adjacent positions: report the run's middle */
	for (lo = j; lo > 1 && pooled(lo - 1, n); lo--)
		;
	for (hi = j; hi < n && pooled(hi, n); hi++)
		;
	return (int)lround(100.0 * ((lo + hi) / 2.0 - 1) / (n - 1));
}

/* ---- reading the rollups ---- */

struct cvals {
	int64_t	id;
	int	has[AYNI_BM_COUNT];
	double	v[AYNI_BM_COUNT];
};

struct group {
	char		 industry[32];
	struct cvals	*c;
	int		 n, cap;
};

static int
sql_error(ayni_db *db, ayni_error *err, const char *what)
{
	return ayni_db_error(db, err, what);
}

/*
 * One prepared statement: a company's metrics in a period, or no row.
 * The level and period are chosen before the view groups (its
 * agg_time_rollup_period form), not after: grouping every level of a
 * year's days first would cost some 430 groups a company.
 */
static int
prepare_values(ayni_db *db, sqlite3_stmt **out, ayni_error *err)
{
	return ayni_agg_prepare(db, "agg_time_rollup_period", "SELECT "
	    "revenue, transactions, avg_ticket, margin_pct, customers, units "
	    "FROM", "WHERE level = ?4 AND period = ?5", out, err);
}

/*
 * The opted-in active companies of industry with sales in period, and
 * their metrics, into g (emptied first).
 */
static int
load_group(ayni_db *db, sqlite3_stmt *vals, const char *industry,
    const ayni_bench_period *p, struct group *g, ayni_error *err)
{
	sqlite3_stmt *st = NULL;
	struct cvals *c;
	int rc = 0, i, s;

	g->n = 0;
	snprintf(g->industry, sizeof(g->industry), "%s", industry);
	if ((rc = ayni_sql_prepare(db, &st, err, N_("reading the companies"),
	    "SELECT id FROM companies"
	    " WHERE industry = ?1 AND benchmark = 1 AND is_active = 1"
	    " ORDER BY id", "t", industry)) != 0)
		return rc;
	sqlite3_bind_text(vals, 1, p->lo, -1, SQLITE_STATIC);
	sqlite3_bind_text(vals, 2, p->hi, -1, SQLITE_STATIC);
	sqlite3_bind_text(vals, 4, kind_names[p->kind], -1, SQLITE_STATIC);
	sqlite3_bind_text(vals, 5, p->label, -1, SQLITE_STATIC);
	while ((s = sqlite3_step(st)) == SQLITE_ROW) {
		sqlite3_reset(vals);
		sqlite3_bind_int64(vals, 3, sqlite3_column_int64(st, 0));
		if ((s = sqlite3_step(vals)) != SQLITE_ROW) {
			if (s != SQLITE_DONE) {
				rc = sql_error(db, err, N_("reading the rollups"));
				goto out;
			}
			continue;	/* no sales in the period */
		}
		if (g->n == g->cap) {
			int cap = g->cap ? 2 * g->cap : 64;
			void *q = realloc(g->c, (size_t)cap * sizeof(*g->c));

			if (q == NULL) {
				rc = ayni_error_set(err, AYNI_ENOMEM,
				    _("out of memory"));
				goto out;
			}
			g->c = q;
			g->cap = cap;
		}
		c = &g->c[g->n++];
		c->id = sqlite3_column_int64(st, 0);
		for (i = 0; i < AYNI_BM_COUNT; i++) {
			c->has[i] = sqlite3_column_type(vals, i) != SQLITE_NULL;
			c->v[i] = sqlite3_column_double(vals, i) /
			    metrics[i].scale;
		}
	}
	if (s != SQLITE_DONE)
		rc = sql_error(db, err, N_("reading the companies"));
out:
	sqlite3_reset(vals);
	sqlite3_finalize(st);
	return rc;
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/* The sorted values of metric m in g; returns their number. */
static int
metric_values(const struct group *g, int m, double *out)
{
	int i, n = 0;

	for (i = 0; i < g->n; i++)
		if (g->c[i].has[m])
			out[n++] = g->c[i].v[m];
	qsort(out, (size_t)n, sizeof(*out), cmp_double);
	return n;
}

static void
fill_stats(ayni_bench_result *r, const double *x, int n)
{
	r->companies = n;
	r->shown = n >= AYNI_BENCH_MIN;
	if (!r->shown)
		return;
	r->p25 = ayni_bench_quantile(x, n, 0.25);
	r->p50 = ayni_bench_quantile(x, n, 0.5);
	r->p75 = ayni_bench_quantile(x, n, 0.75);
	r->mean = ayni_bench_mean(x, n);
}

/* ---- the stored statistics ---- */

/*
 * The time of the latest change a benchmark depends on: an upload that
 * finished, lines added, changed or deleted (data_updates, appended in
 * time order, so its last row is its latest and no scan is needed), a
 * company opting in or out, changing industry, removed or restored.
 */
static int
data_time(ayni_db *db, char out[20], ayni_error *err)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = ayni_sql_row(db, &st, err, N_("reading the time of the data"),
	    "SELECT max(coalesce(("
	    "SELECT timestamp FROM data_updates ORDER BY id DESC LIMIT 1),"
	    " ''), coalesce((SELECT max(completed_at) FROM uploads), ''),"
	    " coalesce((SELECT max(updated_at) FROM companies), ''))",
	    NULL)) != 0)
		return rc;
	snprintf(out, 20, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return 0;
}

/*
 * r's statistics from benchmarks when a row is newer than the data (a
 * change in the same second counts as newer: timestamps have whole
 * seconds) and counts the same companies; else r is left alone.
 */
static int
stored_stats(ayni_db *db, ayni_bench_result *r, const ayni_bench_period *p,
    const char *since, ayni_error *err)
{
	sqlite3_stmt *st;
	int rc, s;

	if ((rc = ayni_sql_prepare(db, &st, err, N_("reading benchmarks"),
	    "SELECT sample_size,"
	    " value, percentile_25, percentile_50, percentile_75"
	    " FROM benchmarks WHERE industry = ?1 AND metric_name = ?2"
	    " AND period = ?3 AND period_type = ?4 AND updated_at > ?5",
	    "ttttt", r->industry, metrics[r->metric].name, p->label,
	    kind_types[p->kind], since)) != 0)
		return rc;
	if ((s = sqlite3_step(st)) == SQLITE_ROW) {
		if (sqlite3_column_int(st, 0) == r->companies) {
			r->mean = sqlite3_column_double(st, 1);
			r->p25 = sqlite3_column_double(st, 2);
			r->p50 = sqlite3_column_double(st, 3);
			r->p75 = sqlite3_column_double(st, 4);
			r->from_store = 1;
		}
	} else if (s != SQLITE_DONE)
		rc = sql_error(db, err, N_("reading benchmarks"));
	sqlite3_finalize(st);
	return rc;
}

/* ---- comparing one company ---- */

struct self {
	char	rut[AYNI_RUT_MAX];	/* display form */
	char	industry[32];
	int	benchmark, is_active;
	char	last_day[11];		/* latest sale, or "" */
};

static int
load_self(ayni_db *db, int64_t company_id, struct self *me,
    ayni_error *err)
{
	sqlite3_stmt *st;
	int rc;

	memset(me, 0, sizeof(*me));
	if ((rc = ayni_sql_row(db, &st, err, N_("reading the company"),
	    "SELECT rut, industry,"
	    " benchmark, is_active, (SELECT max(day) FROM agg_day"
	    " WHERE company_id = ?1) FROM companies WHERE id = ?1",
	    "I", company_id)) != 0)
		return rc == AYNI_ENOTFOUND ? ayni_error_set(err,
		    AYNI_ENOTFOUND, _("no company %lld"),
		    (long long)company_id) : rc;
	ayni_rut_display((const char *)sqlite3_column_text(st, 0), me->rut);
	snprintf(me->industry, sizeof(me->industry), "%s",
	    (const char *)sqlite3_column_text(st, 1));
	me->benchmark = sqlite3_column_int(st, 2);
	me->is_active = sqlite3_column_int(st, 3);
	if (sqlite3_column_type(st, 4) != SQLITE_NULL)
		snprintf(me->last_day, sizeof(me->last_day), "%s",
		    (const char *)sqlite3_column_text(st, 4));
	sqlite3_finalize(st);
	return 0;
}

/*
 * The company as benchmarks see it, into *me, and the period into *p:
 * period, or the latest full month of its sales when period is NULL.  A
 * removed company, one that has not opted in or one without sales is
 * refused with the reason.
 */
static int
compare_who(ayni_db *db, int64_t company_id, const char *period,
    struct self *me, ayni_bench_period *p, ayni_error *err)
{
	char label[16];
	int rc;

	if (period != NULL &&
	    (rc = ayni_bench_period_parse(period, p, err)) != 0)
		return rc;
	if ((rc = load_self(db, company_id, me, err)) != 0)
		return rc;
	if (!me->is_active)
		return ayni_error_set(err, AYNI_ENOTFOUND, _("%s was removed: "
		    "it has no benchmark"), me->rut);
	if (!me->benchmark)
		return ayni_error_set(err, AYNI_EUNAVAIL, _("%s has not opted "
		    "in to benchmarks, so it is neither compared nor counted: "
		    "run 'ayni company edit %s --benchmark on' to take part"),
		    me->rut, me->rut);
	if (period != NULL)
		return 0;
	if (me->last_day[0] == '\0')
		return ayni_error_set(err, AYNI_EUNAVAIL, _("%s has no "
		    "sales yet: nothing to compare"), me->rut);
	ayni_latest_full_month(me->last_day, label);
	/* only a sale in January 1900 leads out of the years */
	if (ayni_bench_period_parse(label, p, err) != 0)
		return ayni_error_set(err, AYNI_EUNAVAIL, _("%s has no "
		    "full month of sales yet (latest sale %s): give "
		    "--period %.7s"), me->rut, me->last_day, me->last_day);
	return 0;
}

/*
 * r: metric m of the company (mine) against its group g, with the
 * group's values sorted into x; the stored statistics when they are up
 * to date (since).
 */
static int
compare_metric(ayni_db *db, const struct self *me, const ayni_bench_period *p,
    const struct group *g, const struct cvals *mine, int m, double *x,
    const char *since, ayni_bench_result *r, ayni_error *err)
{
	int n;

	memset(r, 0, sizeof(*r));
	snprintf(r->industry, sizeof(r->industry), "%s", me->industry);
	snprintf(r->period, sizeof(r->period), "%s", p->label);
	r->metric = (ayni_bench_metric)m;
	n = metric_values(g, m, x);
	fill_stats(r, x, n);
	r->has_value = mine->has[m];
	r->value = mine->v[m];
	/* no free ride: a company sees only what it contributes to */
	if (!r->has_value)
		r->shown = 0;
	if (!r->shown)
		return 0;
	r->percentile = ayni_bench_rank(x, n, r->value);
	return stored_stats(db, r, p, since, err);
}

/* Why metric m of r is not shown to the company, as an error. */
static int
not_shown(const struct self *me, const ayni_bench_period *p,
    const ayni_bench_result *r, int m, ayni_error *err)
{
	if (!r->has_value)
		return ayni_error_set(err, AYNI_EUNAVAIL, _("%s has no %s "
		    "in %s (%s): nothing to compare"), me->rut,
		    metrics[m].name, p->label, _(metrics[m].lacking));
	return ayni_error_set(err, AYNI_EUNAVAIL, _("needs %d "
	    "companies, has %d (opted-in %s companies with "
	    "%s in %s)"), AYNI_BENCH_MIN, r->companies, me->industry,
	    metrics[m].name, p->label);
}

int
ayni_benchmark_compare(ayni_db *db, int64_t company_id, const char *period,
    int metric, ayni_bench_result *out, int *nout, ayni_error *err)
{
	ayni_bench_period p;
	sqlite3_stmt *vals = NULL;
	struct group g = { "", NULL, 0, 0 };
	struct self me;
	const struct cvals *mine = NULL;
	double *x = NULL;
	char since[20];
	int rc, i, m;

	assert(metric < AYNI_BM_COUNT);
	*nout = 0;
	if ((rc = compare_who(db, company_id, period, &me, &p, err)) != 0)
		return rc;
	if ((rc = prepare_values(db, &vals, err)) != 0)
		return rc;
	if ((rc = load_group(db, vals, me.industry, &p, &g, err)) != 0)
		goto out;
	for (i = 0; i < g.n; i++)
		if (g.c[i].id == company_id)
			mine = &g.c[i];
	if (mine == NULL) {
		if (period == NULL)
			rc = ayni_error_set(err, AYNI_EUNAVAIL, _("%s has no "
			    "full month of sales yet (latest sale %s): give "
			    "--period %.7s"), me.rut, me.last_day, me.last_day);
		else
			rc = ayni_error_set(err, AYNI_EUNAVAIL, _("%s has no "
			    "sales in %s: nothing to compare"), me.rut,
			    p.label);
		goto out;
	}
	if (g.n < AYNI_BENCH_MIN) {
		rc = ayni_error_set(err, AYNI_EUNAVAIL, _("needs %d companies, "
		    "has %d (opted-in %s companies with sales in %s)"),
		    AYNI_BENCH_MIN, g.n, me.industry, p.label);
		goto out;
	}
	if ((x = malloc((size_t)g.n * sizeof(*x))) == NULL) {
		rc = ayni_error_set(err, AYNI_ENOMEM, _("out of memory"));
		goto out;
	}
	if ((rc = data_time(db, since, err)) != 0)
		goto out;
	for (m = 0; m < AYNI_BM_COUNT; m++) {
		if (metric >= 0 && m != metric)
			continue;
		if ((rc = compare_metric(db, &me, &p, &g, mine, m, x, since,
		    &out[*nout], err)) != 0)
			goto out;
		(*nout)++;
		if (metric >= 0 && !out[*nout - 1].shown) {
			rc = not_shown(&me, &p, &out[*nout - 1], m, err);
			*nout = 0;
		}
	}
out:
	free(x);
	free(g.c);
	sqlite3_finalize(vals);
	return rc;
}

/* ---- refresh ---- */

/* Every period with sales of an opted-in company of the industry. */
static const char periods_sql[] =
    "WITH m AS (SELECT DISTINCT substr(day, 1, 7) AS p FROM agg_day"
    " WHERE company_id IN (SELECT id FROM companies WHERE industry = ?1"
    "  AND benchmark = 1 AND is_active = 1))"
    " SELECT p FROM m"
    " UNION SELECT substr(p, 1, 5) || 'Q' || ((substr(p, 6, 2) + 2) / 3)"
    "  FROM m"
    " UNION SELECT substr(p, 1, 4) FROM m";

static int
store(ayni_db *db, sqlite3_stmt *ins, const ayni_bench_result *r,
    const ayni_bench_period *p, const char *now, ayni_error *err)
{
	sqlite3_reset(ins);
	sqlite3_bind_text(ins, 1, r->industry, -1, SQLITE_STATIC);
	sqlite3_bind_text(ins, 2, metrics[r->metric].name, -1,
	    SQLITE_STATIC);
	sqlite3_bind_text(ins, 3, p->label, -1, SQLITE_STATIC);
	sqlite3_bind_text(ins, 4, kind_types[p->kind], -1, SQLITE_STATIC);
	sqlite3_bind_int(ins, 5, r->companies);
	sqlite3_bind_double(ins, 6, r->mean);
	sqlite3_bind_double(ins, 7, r->p25);
	sqlite3_bind_double(ins, 8, r->p50);
	sqlite3_bind_double(ins, 9, r->p75);
	sqlite3_bind_text(ins, 10, now, -1, SQLITE_STATIC);
	if (sqlite3_step(ins) != SQLITE_DONE)
		return sql_error(db, err, N_("storing benchmarks"));
	return 0;
}

static int
refresh_industry(ayni_db *db, sqlite3_stmt *vals, sqlite3_stmt *ins,
    const char *industry, const char *now, long *nrows, ayni_error *err)
{
	sqlite3_stmt *st = NULL;
	struct group g = { "", NULL, 0, 0 };
	ayni_bench_period p;
	ayni_bench_result r;
	double *x = NULL;
	int rc = 0, s, m;

	if ((rc = ayni_sql_prepare(db, &st, err, N_("listing periods"),
	    periods_sql, "t", industry)) != 0)
		return rc;
	while ((s = sqlite3_step(st)) == SQLITE_ROW) {
		if ((rc = ayni_bench_period_parse((const char *)
		    sqlite3_column_text(st, 0), &p, err)) != 0 ||
		    (rc = load_group(db, vals, industry, &p, &g, err)) != 0)
			goto out;
		if (g.n < AYNI_BENCH_MIN)
			continue;
		free(x);
		if ((x = malloc((size_t)g.n * sizeof(*x))) == NULL) {
			rc = ayni_error_set(err, AYNI_ENOMEM, _("out of memory"));
			goto out;
		}
		for (m = 0; m < AYNI_BM_COUNT; m++) {
			memset(&r, 0, sizeof(r));
			snprintf(r.industry, sizeof(r.industry), "%s",
			    industry);
			r.metric = (ayni_bench_metric)m;
			fill_stats(&r, x, metric_values(&g, m, x));
			if (!r.shown)
				continue;
			if ((rc = store(db, ins, &r, &p, now, err)) != 0)
				goto out;
			(*nrows)++;
		}
	}
	if (s != SQLITE_DONE)
		rc = sql_error(db, err, N_("listing periods"));
out:
	free(x);
	free(g.c);
	sqlite3_finalize(st);
	return rc;
}

int
ayni_benchmark_refresh(ayni_db *db, long *nrows, ayni_error *err)
{
	sqlite3_stmt *inds = NULL, *vals = NULL, *ins = NULL;
	char now[20];
	long n = 0;
	int rc, s;

	if ((rc = ayni_db_begin(db, err)) != 0)
		return rc;
	ayni_db_timestamp(ayni_db_now(db), now);
	if ((rc = ayni_sql_script(db, err, N_("clearing benchmarks"),
	    "DELETE FROM benchmarks")) != 0 ||
	    (rc = prepare_values(db, &vals, err)) != 0 ||
	    (rc = ayni_sql_prepare(db, &ins, err, N_("preparing benchmarks"),
	    "INSERT INTO benchmarks"
	    " (industry, metric_name, period, period_type, sample_size, value,"
	    " percentile_25, percentile_50, percentile_75, created_at,"
	    " updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10,"
	    " ?10)", NULL)) != 0 ||
	    (rc = ayni_sql_prepare(db, &inds, err, N_("preparing benchmarks"),
	    "SELECT industry"
	    " FROM companies WHERE benchmark = 1 AND is_active = 1"
	    " GROUP BY industry HAVING count(*) >= ?1 ORDER BY industry",
	    "i", AYNI_BENCH_MIN)) != 0)
		goto out;
	while ((s = sqlite3_step(inds)) == SQLITE_ROW)
		if ((rc = refresh_industry(db, vals, ins, (const char *)
		    sqlite3_column_text(inds, 0), now, &n, err)) != 0)
			goto out;
	if (s != SQLITE_DONE)
		rc = sql_error(db, err, N_("listing industries"));
out:
	sqlite3_finalize(inds);
	sqlite3_finalize(vals);
	sqlite3_finalize(ins);
	if (rc == 0 && nrows != NULL)
		*nrows = n;
	return ayni_db_end(db, rc, err);
}
