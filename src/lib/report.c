/*
 * report.c - building the numbers of 'ayni report' (report.h) from the
 * rollup views that 'ayni aggregate' reads, through ayni_agg_prepare, so
 * the two share one text of SQL per number.  Rendering is in
 * report_text.c and report_html.c.  Nothing here checks roles or prints.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "ayni/calendar.h"
#include "ayni/aggregate.h"
#include "ayni/intl.h"
#include "ayni/report.h"
#include "ayni/rut.h"
#include "aggregate_int.h"
#include "internal.h"

/* The machine words (csv, json): English in every locale. */
static const char *const bands[] = { "critical", "low", "healthy",
    "excellent" };
/* The same for a person, translated where printed. */
static const char *const band_texts[] = {
	/* TRANSLATORS: margin band: below 15 % of the revenue */
	N_("critical"),
	/* TRANSLATORS: margin band: 15 % to 25 % */
	N_("low"),
	/* TRANSLATORS: margin band: 25 % to 35 % */
	N_("healthy"),
	/* TRANSLATORS: margin band: 35 % and more */
	N_("excellent"),
};

static int
band(double pct)
{
	return pct < 15 ? 0 : pct < 25 ? 1 : pct < 35 ? 2 : 3;
}

const char *
ayni_margin_band(double pct)
{
	return bands[band(pct)];
}

const char *
ayni_margin_band_text(double pct)
{
	return _(band_texts[band(pct)]);
}

const char *
ayni_weekday_name(int wd)
{
	static const char *names[] = { "Monday", "Tuesday", "Wednesday",
	    "Thursday", "Friday", "Saturday", "Sunday" };

	return wd >= 0 && wd < 7 ? names[wd] : "?";
}

const char *
ayni_weekday_text(int wd)
{
	static const char *names[] = { N_("Monday"), N_("Tuesday"),
	    N_("Wednesday"), N_("Thursday"), N_("Friday"), N_("Saturday"),
	    N_("Sunday") };

	return wd >= 0 && wd < 7 ? _(names[wd]) : "?";
}

const char *
ayni_weekday_abbr(int wd)
{
	/* TRANSLATORS: weekdays in three letters, rows of a heat map */
	static const char *names[] = { N_("Mon"), N_("Tue"), N_("Wed"),
	    N_("Thu"), N_("Fri"), N_("Sat"), N_("Sun") };

	return wd >= 0 && wd < 7 ? _(names[wd]) : "?";
}

const char *
ayni_report_metric_text(ayni_bench_metric m)
{
	/* the metrics' names (ayni_bench_metric_name), translated as
	 * the columns of 'ayni aggregate' are */
	static const char *names[AYNI_BM_COUNT] = {
		[AYNI_BM_REVENUE] = N_("revenue"),
		[AYNI_BM_TRANSACTIONS] = N_("transactions"),
		[AYNI_BM_AVG_TICKET] = N_("avg_ticket"),
		[AYNI_BM_MARGIN_PCT] = N_("margin_pct"),
		[AYNI_BM_CUSTOMERS] = N_("customers"),
		[AYNI_BM_UNITS] = N_("units"),
	};

	return m >= 0 && m < AYNI_BM_COUNT ? _(names[m]) : "?";
}

const char *
ayni_report_date(const char *iso, char out[11])
{
	if (ayni_intl_spanish() && strlen(iso) == 10 && iso[4] == '-' &&
	    iso[7] == '-')
		snprintf(out, 11, "%.2s-%.2s-%.4s", iso + 8, iso + 5, iso);
	else
		snprintf(out, 11, "%s", iso);
	return out;
}

int
ayni_report_change(int64_t now, int64_t before, double *pct)
{
	if (before == 0)
		return 0;
	*pct = 100.0 * (double)(now - before) / (double)(before < 0 ?
	    -before : before);
	return 1;
}

void
ayni_report_free(ayni_report *r)
{
	if (r == NULL)
		return;
	free(r->days);
	free(r->prev_days);
	free(r);
}

/* The label n periods before p (a year back: n = 12, 4 or 1). */
static void
shift(const ayni_bench_period *p, int n, char out[16])
{
	int y = atoi(p->label), k;

	switch (p->kind) {
	case AYNI_BP_MONTH:
		k = y * 12 + atoi(p->label + 5) - 1 - n;
		snprintf(out, 16, "%04d-%02d", k / 12, k % 12 + 1);
		break;
	case AYNI_BP_QUARTER:
		k = y * 4 + (p->label[6] - '1') - n;
		snprintf(out, 16, "%04d-Q%d", k / 4, k % 4 + 1);
		break;
	case AYNI_BP_YEAR:
		snprintf(out, 16, "%04d", y - n);
		break;
	}
}

/* The real last day of p: '2025-11-30', not the views' bound '-31'. */
static void
last_day(const ayni_bench_period *p, char out[11])
{
	int y = atoi(p->hi), m = atoi(p->hi + 5);

	snprintf(out, 11, "%04d-%02d-%02d", y, m, ayni_month_days(y, m));
}

static void
bind_range(sqlite3_stmt *st, const char *lo, const char *hi,
    int64_t company_id)
{
	sqlite3_bind_text(st, 1, lo, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, hi, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 3, company_id);
}

static void
copy_text(char *dst, size_t len, sqlite3_stmt *st, int col)
{
	const unsigned char *s = sqlite3_column_text(st, col);

	snprintf(dst, len, "%s", s != NULL ? (const char *)s : "");
}

/*
 * One whole period of agg_time_rollup: the range is the period itself,
 * so the row is the one 'ayni aggregate --level LEVEL' prints for it.
 */
static int
load_kpi(ayni_db *db, int64_t company_id, const char *label,
    ayni_report_kpi *k, ayni_error *err)
{
	ayni_bench_period p;
	sqlite3_stmt *st;
	int rc, src;

	memset(k, 0, sizeof(*k));
	snprintf(k->period, sizeof(k->period), "%s", label);
	/* before 1900 no date can be stored: a period without sales */
	if (ayni_bench_period_parse(label, &p, NULL) != 0)
		return 0;
	if ((rc = ayni_agg_prepare(db, "agg_time_rollup", "SELECT revenue, "
	    "avg_ticket, units, transactions, lines, products, returns, "
	    "customers, cost, margin, margin_pct FROM",
	    "WHERE level = ?4 AND period = ?5", &st, err)) != 0)
		return rc;
	bind_range(st, p.lo, p.hi, company_id);
	sqlite3_bind_text(st, 4, ayni_bench_kind_name(p.kind), -1,
	    SQLITE_STATIC);
	sqlite3_bind_text(st, 5, label, -1, SQLITE_TRANSIENT);
	if ((src = sqlite3_step(st)) == SQLITE_ROW) {
		k->has = 1;
		k->revenue = sqlite3_column_int64(st, 0);
		k->avg_ticket = sqlite3_column_int64(st, 1);
		/* NULL when the period's lines have no product */
		k->has_units = sqlite3_column_type(st, 2) != SQLITE_NULL;
		k->units = sqlite3_column_int64(st, 2);
		k->transactions = sqlite3_column_int64(st, 3);
		k->lines = sqlite3_column_int64(st, 4);
		k->products = sqlite3_column_int64(st, 5);
		k->returns = sqlite3_column_int64(st, 6);
		k->has_customers = sqlite3_column_type(st, 7) != SQLITE_NULL;
		k->customers = sqlite3_column_int64(st, 7);
		k->has_cost = sqlite3_column_type(st, 8) != SQLITE_NULL;
		k->cost = sqlite3_column_int64(st, 8);
		k->has_margin = sqlite3_column_type(st, 9) != SQLITE_NULL;
		k->margin = sqlite3_column_int64(st, 9);
		k->has_margin_pct = sqlite3_column_type(st, 10) != SQLITE_NULL;
		k->margin_pct = sqlite3_column_double(st, 10);
	} else if (src != SQLITE_DONE)
		rc = ayni_db_error(db, err, N_("reading the period"));
	sqlite3_finalize(st);
	return rc;
}

/* Daily revenue of [lo, hi] into a malloc'd array, one slot per day. */
static int
load_days(ayni_db *db, int64_t company_id, const ayni_bench_period *p,
    int64_t **out, int *n, ayni_report *wd, ayni_error *err)
{
	char hi[11];
	long d0, d1, d;
	sqlite3_stmt *st;
	int rc, src;

	*out = NULL;
	*n = 0;
	last_day(p, hi);
	if (!ayni_iso_date(p->lo, &d0) || !ayni_iso_date(hi, &d1))
		return ayni_error_set(err, AYNI_EINTERNAL,
		    _("bad period '%s'"), p->label);
	if ((*out = calloc((size_t)(d1 - d0 + 1), sizeof(**out))) == NULL)
		return ayni_error_set(err, AYNI_ENOMEM, _("out of memory"));
	*n = (int)(d1 - d0 + 1);
	if ((rc = ayni_agg_prepare(db, "agg_time_rollup", "SELECT period, revenue "
	    "FROM", "WHERE level = 'day' ORDER BY period", &st, err)) != 0)
		return rc;
	bind_range(st, p->lo, hi, company_id);
	while ((src = sqlite3_step(st)) == SQLITE_ROW) {
		const char *day = (const char *)sqlite3_column_text(st, 0);
		int64_t rev = sqlite3_column_int64(st, 1);

		if (!ayni_iso_date(day, &d) || d < d0 || d > d1)
			continue;
		(*out)[d - d0] = rev;
		if (wd != NULL) {
			wd->wd_revenue[ayni_weekday(d)] += rev;
			wd->wd_days[ayni_weekday(d)]++;
		}
	}
	if (src != SQLITE_DONE)
		rc = ayni_db_error(db, err, N_("reading the days"));
	sqlite3_finalize(st);
	return rc;
}

static void
load_item(ayni_report_item *it, sqlite3_stmt *st, int is_product)
{
	int c = 0;

	memset(it, 0, sizeof(*it));
	copy_text(it->id, sizeof(it->id), st, c++);
	if (is_product)
		copy_text(it->description, sizeof(it->description), st, c++);
	it->revenue = sqlite3_column_int64(st, c++);
	it->units = sqlite3_column_int64(st, c++);
	it->has_margin_pct = sqlite3_column_type(st, c) != SQLITE_NULL;
	it->margin_pct = sqlite3_column_double(st, c++);
	it->share_pct = sqlite3_column_double(st, c++);
	if (is_product)
		it->abc = (char)sqlite3_column_text(st, c)[0];
}

/* Products: the top ones, ABC counts and the Pareto line, in one pass. */
static int
load_products(ayni_db *db, int64_t company_id, ayni_report *r,
    ayni_error *err)
{
	sqlite3_stmt *st;
	int64_t total = 0, cum = 0;
	int rc, src;

	if ((rc = ayni_agg_prepare(db, "product_aggregations", "SELECT "
	    "product_id, description, revenue, units, margin_pct, share_pct, "
	    "abc, sum(revenue) OVER () FROM",
	    "ORDER BY revenue DESC, product_id", &st, err)) != 0)
		return rc;
	bind_range(st, r->period.lo, r->last_day, company_id);
	while ((src = sqlite3_step(st)) == SQLITE_ROW) {
		const char *abc = (const char *)sqlite3_column_text(st, 6);

		total = sqlite3_column_int64(st, 7);
		if (r->ntop < AYNI_REPORT_TOP)
			load_item(&r->top[r->ntop++], st, 1);
		if (abc != NULL && abc[0] >= 'A' && abc[0] <= 'C')
			r->abc[abc[0] - 'A']++;
		/* the fewest products whose revenue reaches 80 % */
		if (total > 0 && cum * 100 < total * 80) {
			cum += sqlite3_column_int64(st, 2);
			r->pareto++;
		}
		r->nproducts++;
	}
	if (src != SQLITE_DONE)
		rc = ayni_db_error(db, err, N_("reading the products"));
	sqlite3_finalize(st);
	if (rc != 0)
		return rc;

	if ((rc = ayni_agg_prepare(db, "category_aggregations", "SELECT "
	    "coalesce(category, ''), revenue, units, margin_pct, share_pct "
	    "FROM", "ORDER BY revenue DESC, category", &st, err)) != 0)
		return rc;
	bind_range(st, r->period.lo, r->last_day, company_id);
	while ((src = sqlite3_step(st)) == SQLITE_ROW) {
		if (r->ncat < AYNI_REPORT_TOP)
			load_item(&r->cat[r->ncat++], st, 0);
		r->ncategories++;
	}
	if (src != SQLITE_DONE)
		rc = ayni_db_error(db, err, N_("reading the categories"));
	sqlite3_finalize(st);
	return rc;
}

/*
 * Hours: the revenue of each weekday and hour from agg_hour
 * (schema/0005_hour_rollup.sql), at most 24 rows a day, the lines'
 * net_revenue summed as the rollups sum it.  The period has hours when
 * some line is not at exactly 00:00:00.
 */
static int
load_hours(ayni_db *db, int64_t company_id, ayni_report *r, ayni_error *err)
{
	sqlite3_stmt *st = NULL;
	int64_t best = 0;
	int rc = 0, src, h, wd, timed = 0;

	if ((rc = ayni_sql_prepare(db, &st, err, N_("reading the hours"), "SELECT "
	    "(CAST(strftime('%w', day) AS INTEGER) + 6) % 7, hour, "
	    "sum(revenue), max(lines > midnight) "
	    "FROM agg_hour WHERE company_id = ?1 "
	    "AND day BETWEEN ?2 AND ?3 GROUP BY 1, 2",
	    "Itt", company_id, r->period.lo, r->last_day)) != 0)
		return rc;
	while ((src = sqlite3_step(st)) == SQLITE_ROW) {
		wd = sqlite3_column_int(st, 0);
		h = sqlite3_column_int(st, 1);
		if (wd < 0 || wd > 6 || h < 0 || h > 23)
			continue;
		r->heat[wd][h] += sqlite3_column_int64(st, 2);
		r->hour_revenue[h] += sqlite3_column_int64(st, 2);
		timed |= sqlite3_column_int(st, 3);
	}
	if (src != SQLITE_DONE)
		rc = ayni_db_error(db, err, N_("reading the hours"));
	sqlite3_finalize(st);
	r->has_hours = timed;
	r->peak_hour = -1;
	for (h = 0; timed && h < 24; h++)
		if (r->peak_hour < 0 || r->hour_revenue[h] > best) {
			r->peak_hour = h;
			best = r->hour_revenue[h];
		}
	return rc;
}

static int
load_company(ayni_db *db, int64_t company_id, ayni_report *r,
    ayni_error *err)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = ayni_sql_row(db, &st, err, N_("reading the company"),
	    "SELECT name, rut, "
	    "(SELECT max(day) FROM agg_day WHERE company_id = ?1) "
	    "FROM companies WHERE id = ?1", "I", company_id)) != 0)
		return rc == AYNI_ENOTFOUND ? ayni_error_set(err,
		    AYNI_ENOTFOUND, _("no company %lld"),
		    (long long)company_id) : rc;
	copy_text(r->company, sizeof(r->company), st, 0);
	ayni_rut_display((const char *)sqlite3_column_text(st, 1), r->rut);
	copy_text(r->data_last_day, sizeof(r->data_last_day), st, 2);
	sqlite3_finalize(st);
	return 0;
}

/*
 * The benchmark, or why there is none: no benchmark is not a failed
 * report, it says why instead.  The why is read twice: in the user's
 * language for the text and the page (bench_why), in English for csv and
 * json (bench_note), which scripts read in any locale.
 */
static int
load_bench(ayni_db *db, int64_t company_id, ayni_report *r,
    ayni_error *err)
{
	ayni_error berr;
	char *intl;
	int rc;

	memset(&berr, 0, sizeof(berr));
	rc = ayni_benchmark_compare(db, company_id, r->period.label, -1,
	    r->bench, &r->nbench, &berr);
	if (rc != AYNI_EUNAVAIL && rc != AYNI_ENOTFOUND) {
		if (rc != 0)
			*err = berr;
		return rc;
	}
	r->nbench = 0;
	snprintf(r->bench_why, sizeof(r->bench_why), "%s", berr.msg);
	snprintf(r->bench_note, sizeof(r->bench_note), "%s", berr.msg);
	intl = ayni_intl_english();
	memset(&berr, 0, sizeof(berr));
	if (ayni_benchmark_compare(db, company_id, r->period.label, -1,
	    r->bench, &r->nbench, &berr) != 0)
		snprintf(r->bench_note, sizeof(r->bench_note), "%s",
		    berr.msg);
	ayni_intl_restore(intl);
	r->nbench = 0;
	return 0;
}

int
ayni_report_build(ayni_db *db, int64_t company_id, const char *period,
    ayni_report **out, ayni_error *err)
{
	ayni_report *r;
	ayni_bench_period prev;
	char label[16];
	int64_t best = 0, worst = 0;
	int rc, i, has_prev;

	*out = NULL;
	if ((r = calloc(1, sizeof(*r))) == NULL)
		return ayni_error_set(err, AYNI_ENOMEM, _("out of memory"));
	r->best_wd = r->worst_wd = r->peak_hour = -1;
	if ((rc = load_company(db, company_id, r, err)) != 0)
		goto out;
	if (period == NULL) {
		if (r->data_last_day[0] == '\0') {
			rc = ayni_error_set(err, AYNI_ENOTFOUND, _("%s has "
			    "no sales yet: upload a file first"), r->rut);
			goto out;
		}
		ayni_latest_full_month(r->data_last_day, label);
		period = label;
	}
	if ((rc = ayni_bench_period_parse(period, &r->period, err)) != 0)
		goto out;
	last_day(&r->period, r->last_day);
	if ((rc = load_kpi(db, company_id, r->period.label, &r->cur,
	    err)) != 0)
		goto out;
	/* a year back: 12 months, 4 quarters or 1 year */
	shift(&r->period, 1, label);
	if ((rc = load_kpi(db, company_id, label, &r->prev, err)) != 0)
		goto out;
	/* before 1900-01 no day can be stored: no previous days to draw */
	has_prev = ayni_bench_period_parse(label, &prev, NULL) == 0;
	shift(&r->period, r->period.kind == AYNI_BP_MONTH ? 12 :
	    r->period.kind == AYNI_BP_QUARTER ? 4 : 1, label);
	if ((rc = load_kpi(db, company_id, label, &r->year_ago, err)) != 0)
		goto out;
	if ((rc = load_days(db, company_id, &r->period, &r->days, &r->ndays,
	    r, err)) != 0 || (has_prev &&
	    (rc = load_days(db, company_id, &prev, &r->prev_days,
	    &r->nprev_days, NULL, err)) != 0))
		goto out;
	for (i = 0; i < 7; i++) {
		if (r->wd_days[i] == 0)
			continue;
		if (r->best_wd < 0 || r->wd_revenue[i] > best) {
			r->best_wd = i;
			best = r->wd_revenue[i];
		}
		if (r->worst_wd < 0 || r->wd_revenue[i] < worst) {
			r->worst_wd = i;
			worst = r->wd_revenue[i];
		}
	}
	if ((rc = ayni_aggregate_no_products(db, company_id, &r->no_products,
	    err)) != 0 ||
	    (rc = load_products(db, company_id, r, err)) != 0 ||
	    (rc = load_hours(db, company_id, r, err)) != 0)
		goto out;
	rc = load_bench(db, company_id, r, err);
out:
	if (rc != 0)
		ayni_report_free(r);
	else
		*out = r;
	return rc;
}

void
ayni_report_bench_fmt(int m, double v, char *buf, size_t len)
{
	switch (m) {
	case AYNI_BM_REVENUE:
	case AYNI_BM_AVG_TICKET:
		ayni_fmt_clp((int64_t)llround(v * 100), buf, len);
		break;
	case AYNI_BM_MARGIN_PCT:
		ayni_fmt_pct(v, 0, buf, len);
		break;
	case AYNI_BM_UNITS:
		ayni_fmt_qty((int64_t)llround(v * 1000), buf, len);
		break;
	default:
		/* a median of counts may fall between two: 151,5 */
		if (v == floor(v))
			snprintf(buf, len, "%.0f", v);
		else {
			snprintf(buf, len, "%.1f", v);
			if (strchr(buf, '.') != NULL)
				*strchr(buf, '.') = ',';
		}
	}
}
