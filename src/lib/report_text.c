/*
 * report_text.c - 'ayni report' as text for a terminal or a mail, and as
 * one writer record for csv and json (report.h).  Numbers are formatted
 * as the table writer does (CLP as $1.234.567, decimal comma); text from
 * files is shown with control characters escaped (docs/contract.md §2).  It
 * does not compute anything: report.c did.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "ayni/aggregate.h"
#include "ayni/intl.h"
#include "ayni/report.h"
#include "internal.h"

/* Display width of UTF-8 text: code points, as the table writer counts. */
static int
text_width(const char *s)
{
	int n = 0;

	for (; *s != '\0'; s++)
		if (((unsigned char)*s & 0xc0) != 0x80)
			n++;
	return n;
}

/*
 * Text from uploaded files: C0, DEL and C1 controls escaped (\xNN), at
 * most max code points (0: all; a cut shows as "~"), padded to width.
 */
static void
put_text(FILE *fp, const char *s, int width, int max)
{
	const unsigned char *p = (const unsigned char *)s;
	int n = 0;

	for (; *p != '\0'; p++) {
		if ((*p & 0xc0) != 0x80 && max > 0 && n == max - 1 &&
		    text_width((const char *)p) > 1) {
			fputc('~', fp);
			n++;
			break;
		}
		if (*p < 0x20 || *p == 0x7f) {
			n += fprintf(fp, "\\x%02x", *p);
			continue;
		}
		if (*p == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f) {
			n += fprintf(fp, "\\u%04x", p[1]);
			p++;
			continue;
		}
		fputc(*p, fp);
		if ((*p & 0xc0) != 0x80)
			n++;
	}
	for (; n < width; n++)
		fputc(' ', fp);
}

/* s (our own text, no controls) in width code points: right-aligned
 * when right, else left; printf's widths count bytes, not letters. */
static void
pad(FILE *fp, const char *s, int width, int right)
{
	int n = text_width(s);

	if (!right)
		fputs(s, fp);
	for (; n < width; n++)
		fputc(' ', fp);
	if (right)
		fputs(s, fp);
}

static const char *
clp(int64_t cents, char buf[32])
{
	ayni_fmt_clp(cents, buf, 32);
	return buf;
}

/* The writer's formats (output.h), as expressions. */
static const char *
qty(int64_t v, char buf[40])
{
	ayni_fmt_qty(v, buf, 40);
	return buf;
}

static const char *
pct(double v, int sign, char buf[40])
{
	ayni_fmt_pct(v, sign, buf, 40);
	return buf;
}

static const char *
count(int64_t v, char buf[40])
{
	snprintf(buf, 40, "%" PRId64, v);
	return buf;
}

/* One KPI line: now, before, change, a year before, change. */
static void
kpi_line(FILE *fp, int lw, const char *name, int64_t now, int has_now,
    int64_t before, int has_before, int64_t year, int has_year,
    const char *(*fmt)(int64_t, char *))
{
	char a[40], b[40], c[40];
	double d;

	pad(fp, name, lw, 0);
	fprintf(fp, " %14s", has_now ? fmt(now, a) : "-");
	fprintf(fp, "  %14s", has_before ? fmt(before, b) : "-");
	fprintf(fp, "  %10s", has_before && has_now &&
	    ayni_report_change(now, before, &d) ? pct(d, 1, c) : "");
	fprintf(fp, "  %14s", has_year ? fmt(year, b) : "-");
	fprintf(fp, "  %10s\n", has_year && has_now &&
	    ayni_report_change(now, year, &d) ? pct(d, 1, c) : "");
}

static const char *
clp40(int64_t v, char *buf)
{
	return clp(v, buf);
}

static const char *
qty40(int64_t v, char *buf)
{
	return qty(v, buf);
}

static const char *
count40(int64_t v, char *buf)
{
	return count(v, buf);
}

static void
items(FILE *fp, const ayni_report_item *it, int n, int is_product)
{
	char a[40], b[40];
	int i, wid = 4;

	for (i = 0; i < n; i++)
		if (text_width(it[i].id) > wid)
			wid = text_width(it[i].id);
	if (wid > 20)
		wid = 20;
	for (i = 0; i < n; i++) {
		fprintf(fp, "%4d  ", i + 1);
		if (is_product) {
			put_text(fp, it[i].id, wid, 20);
			fputs("  ", fp);
			put_text(fp, it[i].description, 30, 30);
		} else
			/* TRANSLATORS: the category of lines without one */
			put_text(fp, it[i].id[0] ? it[i].id :
			    _("(no category)"), 30, 30);
		fprintf(fp, "  %12s  %9s", clp(it[i].revenue, a),
		    pct(it[i].share_pct, 0, b));
		if (is_product)
			fprintf(fp, "  %c", it[i].abc);
		fputc('\n', fp);
	}
}

/* The heading: company, RUT, period; a line when it has no sales. */
static void
text_head(FILE *fp, const ayni_report *r)
{
	char d0[11], d1[11];

	put_text(fp, r->company, 0, 0);
	fprintf(fp, "  %s  ", r->rut);
	/* TRANSLATORS: a period and its first and last day: "2025-10
	 * (2025-10-01 to 2025-10-31)" */
	fprintf(fp, _("%s (%s to %s)"), r->period.label,
	    ayni_report_date(r->period.lo, d0),
	    ayni_report_date(r->last_day, d1));
	fputs("\n\n", fp);
	if (!r->cur.has) {
		if (r->data_last_day[0] != '\0')
			/* TRANSLATORS: a period without sales, and the day
			 * of the company's latest sale */
			fprintf(fp, _("no sales in %s (latest sale: %s)"),
			    r->period.label,
			    ayni_report_date(r->data_last_day, d0));
		else
			fprintf(fp, _("no sales in %s (latest sale: none)"),
			    r->period.label);
		fputs("\n\n", fp);
	}
}

/* The KPI table: the period, the one before and the year before. */
static void
text_kpis(FILE *fp, const ayni_report *r)
{
	const ayni_report_kpi *c = &r->cur, *p = &r->prev, *y = &r->year_ago;
	const char *label[6], *change;
	int i, lw = 14;

	label[0] = _("revenue");
	label[1] = _("transactions");
	label[2] = _("avg ticket");
	label[3] = _("units");
	label[4] = _("customers");
	label[5] = _("returns");
	for (i = 0; i < 6; i++)
		if (text_width(label[i]) > lw)
			lw = text_width(label[i]);
	/* TRANSLATORS: heading of the columns of change, in percent */
	change = _("change");
	pad(fp, "", lw, 0);
	fprintf(fp, " %14s  %14s  ", c->period, p->period);
	pad(fp, change, 10, 1);
	fprintf(fp, "  %14s  ", y->period);
	pad(fp, change, 10, 1);
	fputc('\n', fp);
	kpi_line(fp, lw, label[0], c->revenue, c->has, p->revenue, p->has,
	    y->revenue, y->has, clp40);
	kpi_line(fp, lw, label[1], c->transactions, c->has, p->transactions,
	    p->has, y->transactions, y->has, count40);
	kpi_line(fp, lw, label[2], c->avg_ticket, c->has, p->avg_ticket,
	    p->has, y->avg_ticket, y->has, clp40);
	/* a period of documents only (no product) has no units: "-" */
	if (!r->no_products)
		kpi_line(fp, lw, label[3], c->units, c->has && c->has_units,
		    p->units, p->has && p->has_units, y->units,
		    y->has && y->has_units, qty40);
	kpi_line(fp, lw, label[4], c->customers, c->has, p->customers,
	    p->has && p->has_customers, y->customers,
	    y->has && y->has_customers, count40);
	kpi_line(fp, lw, label[5], c->returns, c->has, p->returns, p->has,
	    y->returns, y->has, count40);
}

/* Margin and returns of the period. */
static void
text_margin(FILE *fp, const ayni_report *r)
{
	const ayni_report_kpi *c = &r->cur;
	char a[40], b[40];

	fputc('\n', fp);
	if (c->has_margin_pct)
		/* TRANSLATORS: margin in pesos, the same in percent, and
		 * its band (critical, low, healthy, excellent) */
		fprintf(fp, _("margin: %s, %s of the revenue of lines with a "
		    "cost: %s"), clp(c->margin, a), pct(c->margin_pct, 0, b),
		    ayni_margin_band_text(c->margin_pct));
	else
		fputs(_("margin: no costs in the data"), fp);
	fputc('\n', fp);
	fprintf(fp, P_("returns: %lld of %lld line", "returns: %lld of %lld "
	    "lines", c->lines), (long long)c->returns, (long long)c->lines);
	fputc('\n', fp);
}

/* Top products with ABC and Pareto, top categories. */
static void
text_products(FILE *fp, const ayni_report *r)
{
	fputc('\n', fp);
	if (r->no_products) {
		fprintf(fp, _("products: none; %s"), _(AYNI_NO_PRODUCTS));
		fputc('\n', fp);
		return;
	}
	/* TRANSLATORS: how many products had sales; the ten with
	 * the most sales are listed below */
	fprintf(fp, _("top products: %ld sold"), r->nproducts);
	fprintf(fp, "; ABC: A %ld, B %ld, C %ld; ", r->abc[0],
	    r->abc[1], r->abc[2]);
	/* TRANSLATORS: the fewest products whose sales add up to
	 * 80 % of the revenue (Pareto) */
	fprintf(fp, P_("%ld makes 80 %% of the revenue",
	    "%ld make 80 %% of the revenue", r->pareto), r->pareto);
	fputc('\n', fp);
	items(fp, r->top, r->ntop, 1);
	fputc('\n', fp);
	/* TRANSLATORS: how many categories had sales; the ten with
	 * the most sales are listed below */
	fprintf(fp, _("top categories: %ld"), r->ncategories);
	fputc('\n', fp);
	items(fp, r->cat, r->ncat, 0);
}

/* The best and worst weekday, the peak hour. */
static void
text_when(FILE *fp, const ayni_report *r)
{
	char a[40], b[40];

	fputc('\n', fp);
	if (r->best_wd >= 0) {
		/* TRANSLATORS: the weekday with the most sales, its sales
		 * and on how many days of the period (the next message
		 * ends the sentence with the weekday with the least) */
		fprintf(fp, P_("weekdays: best %s (%s on %d day)",
		    "weekdays: best %s (%s on %d days)",
		    r->wd_days[r->best_wd]), ayni_weekday_text(r->best_wd),
		    clp(r->wd_revenue[r->best_wd], a), r->wd_days[r->best_wd]);
		/* TRANSLATORS: ends "weekdays: best ..." */
		fprintf(fp, P_(", worst %s (%s on %d day)",
		    ", worst %s (%s on %d days)", r->wd_days[r->worst_wd]),
		    ayni_weekday_text(r->worst_wd),
		    clp(r->wd_revenue[r->worst_wd], b),
		    r->wd_days[r->worst_wd]);
		fputc('\n', fp);
	}
	if (r->has_hours && r->peak_hour >= 0)
		/* TRANSLATORS: the hour of the day with the most sales */
		fprintf(fp, _("peak hour: %02d:00-%02d:59 (%s)"), r->peak_hour,
		    r->peak_hour, clp(r->hour_revenue[r->peak_hour], a));
	else
		fputs(_("peak hour: the data has dates without times"), fp);
	fputc('\n', fp);
}

/* The industry benchmark, or why there is none. */
static void
text_benchmark(FILE *fp, const ayni_report *r)
{
	char a[40], b[40];
	int i, lw;

	fputc('\n', fp);
	if (r->nbench == 0) {
		/* TRANSLATORS: followed by why there is no comparison */
		fputs(_("benchmark: not available: "), fp);
		put_text(fp, r->bench_why, 0, 0);
		fputc('\n', fp);
		return;
	}
	/* TRANSLATORS: industry, period and how many companies the
	 * comparison counts */
	fprintf(fp, P_("benchmark: %s, %s, %d company",
	    "benchmark: %s, %s, %d companies", r->bench[0].companies),
	    r->bench[0].industry, r->bench[0].period,
	    r->bench[0].companies);
	fputc('\n', fp);
	for (lw = 13, i = 0; i < r->nbench; i++)
		if (text_width(ayni_report_metric_text(
		    r->bench[i].metric)) > lw)
			lw = text_width(ayni_report_metric_text(
			    r->bench[i].metric));
	for (i = 0; i < r->nbench; i++) {
		const ayni_bench_result *x = &r->bench[i];

		fputs("  ", fp);
		pad(fp, ayni_report_metric_text(x->metric), lw + 1, 0);
		if (!x->shown) {
			/* TRANSLATORS: too few companies have this
			 * metric to compare it */
			fprintf(fp, P_("not shown (%d company has "
			    "it)", "not shown (%d companies have it)",
			    x->companies), x->companies);
			fputc('\n', fp);
			continue;
		}
		ayni_report_bench_fmt(x->metric, x->value, a, sizeof(a));
		ayni_report_bench_fmt(x->metric, x->p50, b, sizeof(b));
		/* TRANSLATORS: the company's percentile among its
		 * industry, its value and the industry's median */
		fprintf(fp, _("percentile %3d  you %s, median %s"),
		    x->percentile, a, b);
		fputc('\n', fp);
	}
}

int
ayni_report_text(const ayni_report *r, FILE *fp, ayni_error *err)
{
	text_head(fp, r);
	text_kpis(fp, r);
	if (r->cur.has) {
		text_margin(fp, r);
		text_products(fp, r);
		text_when(fp, r);
		text_benchmark(fp, r);
	}
	if (fflush(fp) != 0 || ferror(fp))
		return ayni_error_set(err, AYNI_EIO, _("cannot write the "
		    "report: %s"), strerror(errno));
	return 0;
}

/* If you change these, also change ayni_report_write and the man page. */
static const ayni_column report_cols[] = {
	{ "company", AYNI_T_TEXT }, { "rut", AYNI_T_TEXT },
	{ "period", AYNI_T_TEXT }, { "from", AYNI_T_TEXT },
	{ "to", AYNI_T_TEXT },
	{ "revenue", AYNI_T_MONEY }, { "transactions", AYNI_T_INT },
	{ "avg_ticket", AYNI_T_MONEY }, { "units", AYNI_T_QTY },
	{ "customers", AYNI_T_INT }, { "products", AYNI_T_INT },
	{ "lines", AYNI_T_INT }, { "margin", AYNI_T_MONEY },
	{ "margin_pct", AYNI_T_PCT }, { "margin_band", AYNI_T_TEXT },
	{ "returns", AYNI_T_INT },
	{ "prev_period", AYNI_T_TEXT }, { "prev_revenue", AYNI_T_MONEY },
	{ "revenue_change_pct", AYNI_T_PCT },
	{ "year_ago_period", AYNI_T_TEXT },
	{ "year_ago_revenue", AYNI_T_MONEY },
	{ "revenue_year_change_pct", AYNI_T_PCT },
	{ "abc_a", AYNI_T_INT }, { "abc_b", AYNI_T_INT },
	{ "abc_c", AYNI_T_INT }, { "pareto_products", AYNI_T_INT },
	{ "top_product", AYNI_T_TEXT }, { "top_category", AYNI_T_TEXT },
	{ "best_weekday", AYNI_T_TEXT }, { "worst_weekday", AYNI_T_TEXT },
	{ "peak_hour", AYNI_T_INT },
	{ "benchmark_companies", AYNI_T_INT },
	{ "benchmark_revenue_percentile", AYNI_T_INT },
	{ "benchmark_note", AYNI_T_TEXT },
};

void
ayni_report_columns(const ayni_column **out, int *ncols)
{
	*out = report_cols;
	*ncols = (int)(sizeof(report_cols) / sizeof(report_cols[0]));
}

int
ayni_report_write(const ayni_report *r, ayni_writer *w, ayni_error *err)
{
	const ayni_report_kpi *c = &r->cur;
	ayni_value v[sizeof(report_cols) / sizeof(report_cols[0])];
	const ayni_bench_result *rev = NULL;
	double d;
	int i = 0, k;

	for (k = 0; k < r->nbench; k++)
		if (r->bench[k].metric == AYNI_BM_REVENUE && r->bench[k].shown)
			rev = &r->bench[k];
	v[i++] = ayni_v_text(r->company);
	v[i++] = ayni_v_text(r->rut);
	v[i++] = ayni_v_text(r->period.label);
	v[i++] = ayni_v_text(r->period.lo);
	v[i++] = ayni_v_text(r->last_day);
	v[i++] = c->has ? ayni_v_int(c->revenue) : ayni_v_null();
	v[i++] = c->has ? ayni_v_int(c->transactions) : ayni_v_null();
	v[i++] = c->has ? ayni_v_int(c->avg_ticket) : ayni_v_null();
	v[i++] = c->has && c->has_units ? ayni_v_int(c->units) :
	    ayni_v_null();
	v[i++] = c->has_customers ? ayni_v_int(c->customers) : ayni_v_null();
	v[i++] = c->has && !r->no_products ? ayni_v_int(c->products) :
	    ayni_v_null();
	v[i++] = c->has ? ayni_v_int(c->lines) : ayni_v_null();
	v[i++] = c->has_margin ? ayni_v_int(c->margin) : ayni_v_null();
	v[i++] = c->has_margin_pct ? ayni_v_real(c->margin_pct) :
	    ayni_v_null();
	v[i++] = ayni_v_text(c->has_margin_pct ?
	    ayni_margin_band(c->margin_pct) : NULL);
	v[i++] = c->has ? ayni_v_int(c->returns) : ayni_v_null();
	v[i++] = ayni_v_text(r->prev.period);
	v[i++] = r->prev.has ? ayni_v_int(r->prev.revenue) : ayni_v_null();
	v[i++] = c->has && r->prev.has &&
	    ayni_report_change(c->revenue, r->prev.revenue, &d) ?
	    ayni_v_real(d) : ayni_v_null();
	v[i++] = ayni_v_text(r->year_ago.period);
	v[i++] = r->year_ago.has ? ayni_v_int(r->year_ago.revenue) :
	    ayni_v_null();
	v[i++] = c->has && r->year_ago.has &&
	    ayni_report_change(c->revenue, r->year_ago.revenue, &d) ?
	    ayni_v_real(d) : ayni_v_null();
	for (k = 0; k < 3; k++)
		v[i++] = r->no_products ? ayni_v_null() : ayni_v_int(r->abc[k]);
	v[i++] = r->no_products ? ayni_v_null() : ayni_v_int(r->pareto);
	v[i++] = ayni_v_text(r->ntop > 0 ? r->top[0].id : NULL);
	v[i++] = ayni_v_text(r->ncat > 0 ? r->cat[0].id : NULL);
	v[i++] = ayni_v_text(r->best_wd >= 0 ?
	    ayni_weekday_name(r->best_wd) : NULL);
	v[i++] = ayni_v_text(r->worst_wd >= 0 ?
	    ayni_weekday_name(r->worst_wd) : NULL);
	v[i++] = r->has_hours && r->peak_hour >= 0 ?
	    ayni_v_int(r->peak_hour) : ayni_v_null();
	v[i++] = r->nbench > 0 ? ayni_v_int(r->bench[0].companies) :
	    ayni_v_null();
	v[i++] = rev != NULL ? ayni_v_int(rev->percentile) : ayni_v_null();
	v[i++] = ayni_v_text(r->nbench == 0 ? r->bench_note : NULL);
	return ayni_writer_row(w, v, err);
}
