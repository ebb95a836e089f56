/*
 * report_html.c - 'ayni report --html': one self-contained page
 * (docs/contract.md §8).
 *
 * Inline CSS and SVG only: no script, no font, no image or link to fetch,
 * so the page opens offline, from a mail attachment, and prints on A4
 * (@page, sections that do not break across pages).  Every number a test
 * or a script may check carries its plain value (dot decimal, pesos) in a
 * data-v attribute next to the es-CL text people read, with a data-k key
 * named as the csv/json columns.  Nothing is computed here: report.c did.
 */
#include <errno.h>
#include <inttypes.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ayni/calendar.h"
#include "ayni/aggregate.h"
#include "ayni/intl.h"
#include "ayni/report.h"
#include "internal.h"

#define BLUE	"#1f5fa8"
#define GREY	"#9a9a9a"

/* Text as HTML: markup characters as entities, controls as \xNN. */
static void
esc(FILE *fp, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	for (; *p != '\0'; p++) {
		switch (*p) {
		case '&':	fputs("&amp;", fp); break;
		case '<':	fputs("&lt;", fp); break;
		case '>':	fputs("&gt;", fp); break;
		case '"':	fputs("&quot;", fp); break;
		case '\'':	fputs("&#39;", fp); break;
		default:
			if (*p < 0x20 || *p == 0x7f)
				fprintf(fp, "\\x%02x", *p);
			else if (*p == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f)
				fprintf(fp, "\\u%04x", *++p);
			else
				fputc(*p, fp);
		}
	}
}

/*
 * Text as HTML into buf (cut at len - 1 bytes, never inside a
 * character), for a translated sentence that takes it as %s.
 */
static const char *
esc_buf(const char *s, char *buf, size_t len)
{
	FILE *m = fmemopen(buf, len, "w");
	size_t n;

	if (m == NULL) {
		buf[0] = '\0';
		return buf;
	}
	setbuf(m, NULL);
	esc(m, s);
	n = (size_t)ftell(m);
	fclose(m);
	n = n < len ? n : len - 1;
	while (n > 0 && ((unsigned char)buf[n] & 0xc0) == 0x80)
		n--;
	buf[n] = '\0';
	return buf;
}

/* The writer's formats (output.h), as expressions. */
static const char *
plain(int64_t v, int scale, char buf[40])
{
	ayni_fmt_fixed(v, scale, buf, 40);
	return buf;
}

static const char *
clp(int64_t cents, char buf[40])
{
	ayni_fmt_clp(cents, buf, 40);
	return buf;
}

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

enum kind { K_MONEY, K_QTY, K_INT };

/* A table cell with its plain value: data-k="key" data-v="1234.5". */
static void
cell(FILE *fp, const char *key, int has, int64_t v, enum kind k)
{
	char a[40], b[40];

	if (!has) {
		fputs("<td class=\"num\">&ndash;</td>", fp);
		return;
	}
	fprintf(fp, "<td class=\"num\" data-k=\"%s\" data-v=\"%s\">%s</td>",
	    key, plain(v, k == K_MONEY ? 2 : k == K_QTY ? 3 : 0, a),
	    k == K_MONEY ? clp(v, b) : k == K_QTY ? qty(v, b) :
	    plain(v, 0, b));
}

static void
change(FILE *fp, int has, int64_t now, int64_t before)
{
	char a[40];
	double d;

	if (has && ayni_report_change(now, before, &d))
		fprintf(fp, "<td class=\"num %s\">%s</td>", d < 0 ? "down" :
		    "up", pct(d, 1, a));
	else
		fputs("<td></td>", fp);
}

static void
kpi_row(FILE *fp, const ayni_report *r, const char *label, const char *key,
    int64_t now, int64_t prev, int hp, int64_t year, int hy, enum kind k)
{
	char pk[48];

	fprintf(fp, "<tr><th>%s</th>", label);
	cell(fp, key, r->cur.has, now, k);
	snprintf(pk, sizeof(pk), "prev_%s", key);
	cell(fp, pk, hp, prev, k);
	change(fp, r->cur.has && hp, now, prev);
	snprintf(pk, sizeof(pk), "year_ago_%s", key);
	cell(fp, pk, hy, year, k);
	change(fp, r->cur.has && hy, now, year);
	fputs("</tr>\n", fp);
}

static void
kpis(FILE *fp, const ayni_report *r)
{
	const ayni_report_kpi *c = &r->cur, *p = &r->prev, *y = &r->year_ago;

	/* TRANSLATORS: heading of the columns of change, in percent */
	const char *chg = _("change");

	fprintf(fp, "<table class=\"kpi\"><thead><tr><th></th>"
	    "<th class=\"num\">%s</th><th class=\"num\">%s</th>"
	    "<th class=\"num\">%s</th><th class=\"num\">%s</th>"
	    "<th class=\"num\">%s</th></tr></thead><tbody>\n",
	    c->period, p->period, chg, y->period, chg);
	kpi_row(fp, r, _("Revenue"), "revenue", c->revenue, p->revenue,
	    p->has, y->revenue, y->has, K_MONEY);
	kpi_row(fp, r, _("Transactions"), "transactions", c->transactions,
	    p->transactions, p->has, y->transactions, y->has, K_INT);
	kpi_row(fp, r, _("Average ticket"), "avg_ticket", c->avg_ticket,
	    p->avg_ticket, p->has, y->avg_ticket, y->has, K_MONEY);
	/* a period of documents only (no product) has no units */
	if (!r->no_products) {
		fprintf(fp, "<tr><th>%s</th>", _("Units"));
		cell(fp, "units", c->has && c->has_units, c->units, K_QTY);
		cell(fp, "prev_units", p->has && p->has_units, p->units,
		    K_QTY);
		change(fp, c->has && c->has_units && p->has && p->has_units,
		    c->units, p->units);
		cell(fp, "year_ago_units", y->has && y->has_units, y->units,
		    K_QTY);
		change(fp, c->has && c->has_units && y->has && y->has_units,
		    c->units, y->units);
		fputs("</tr>\n", fp);
	}
	fprintf(fp, "<tr><th>%s</th>", _("Customers"));
	cell(fp, "customers", c->has_customers, c->customers, K_INT);
	cell(fp, "prev_customers", p->has_customers, p->customers, K_INT);
	change(fp, c->has_customers && p->has_customers, c->customers,
	    p->customers);
	cell(fp, "year_ago_customers", y->has_customers, y->customers, K_INT);
	change(fp, c->has_customers && y->has_customers, c->customers,
	    y->customers);
	fputs("</tr>\n", fp);
	/* TRANSLATORS: how many sales lines are returns */
	kpi_row(fp, r, _("Returns (lines)"), "returns", c->returns,
	    p->returns, p->has, y->returns, y->has, K_INT);
	fputs("</tbody></table>\n", fp);
}

/* y of value v on a chart whose plot runs from top to bottom. */
static double
ypos(int64_t v, int64_t lo, int64_t hi, double top, double bottom)
{
	if (hi == lo)
		return bottom;
	return bottom - (bottom - top) * (double)(v - lo) / (double)(hi - lo);
}

static void
polyline(FILE *fp, const int64_t *v, int n, int slots, int64_t lo,
    int64_t hi, const char *style)
{
	int i;

	if (n == 0)
		return;
	fprintf(fp, "<polyline fill=\"none\" %s points=\"", style);
	for (i = 0; i < n; i++)
		fprintf(fp, "%s%.1f,%.1f", i ? " " : "",
		    60 + 620.0 * i / (slots > 1 ? slots - 1 : 1),
		    ypos(v[i], lo, hi, 20, 200));
	fputs("\"/>\n", fp);
}

static void
daily_chart(FILE *fp, const ayni_report *r)
{
	int64_t lo = 0, hi = 0;
	char a[40];
	long d0;
	int i, y, m, d, slots = r->ndays > r->nprev_days ? r->ndays :
	    r->nprev_days;

	for (i = 0; i < r->ndays; i++) {
		hi = r->days[i] > hi ? r->days[i] : hi;
		lo = r->days[i] < lo ? r->days[i] : lo;
	}
	for (i = 0; i < r->nprev_days; i++) {
		hi = r->prev_days[i] > hi ? r->prev_days[i] : hi;
		lo = r->prev_days[i] < lo ? r->prev_days[i] : lo;
	}
	fprintf(fp, "<svg viewBox=\"0 0 700 240\" role=\"img\" "
	    "aria-label=\"%s\">\n"
	    "<rect x=\"60\" y=\"20\" width=\"620\" height=\"180\" "
	    "fill=\"#fafafa\" stroke=\"#ddd\"/>\n", _("daily revenue"));
	fprintf(fp, "<text x=\"56\" y=\"24\" class=\"ax\" "
	    "text-anchor=\"end\">%s</text>\n", clp(hi, a));
	fprintf(fp, "<text x=\"56\" y=\"%.1f\" class=\"ax\" "
	    "text-anchor=\"end\">%s</text>\n", ypos(lo, lo, hi, 20, 200) + 4,
	    clp(lo, a));
	if (lo < 0)
		fprintf(fp, "<line x1=\"60\" x2=\"680\" y1=\"%.1f\" "
		    "y2=\"%.1f\" stroke=\"#bbb\"/>\n", ypos(0, lo, hi, 20, 200),
		    ypos(0, lo, hi, 20, 200));
	/* ticks: weekly in a month, monthly in a quarter or year */
	ayni_iso_date(r->period.lo, &d0);
	for (i = 0; i < slots; i++) {
		ayni_civil_from_days(d0 + i, &y, &m, &d);
		if (slots <= 31 ? i % 7 != 0 : d != 1)
			continue;
		fprintf(fp, "<text x=\"%.1f\" y=\"216\" class=\"ax\" "
		    "text-anchor=\"middle\">%s%d</text>\n",
		    60 + 620.0 * i / (slots > 1 ? slots - 1 : 1),
		    slots <= 31 ? "" : "1/", slots <= 31 ? d : m);
	}
	polyline(fp, r->prev_days, r->nprev_days, slots, lo, hi,
	    "stroke=\"" GREY "\" stroke-width=\"1.5\" "
	    "stroke-dasharray=\"4 3\"");
	polyline(fp, r->days, r->ndays, slots, lo, hi,
	    "stroke=\"" BLUE "\" stroke-width=\"2\"");
	fprintf(fp, "<line x1=\"420\" x2=\"450\" y1=\"234\" y2=\"234\" "
	    "stroke=\"" BLUE "\" stroke-width=\"2\"/><text x=\"455\" "
	    "y=\"238\" class=\"ax\">%s</text>\n", r->cur.period);
	fprintf(fp, "<line x1=\"540\" x2=\"570\" y1=\"234\" y2=\"234\" "
	    "stroke=\"" GREY "\" stroke-width=\"1.5\" "
	    "stroke-dasharray=\"4 3\"/><text x=\"575\" y=\"238\" "
	    "class=\"ax\">%s</text>\n", r->prev.period);
	fputs("</svg>\n", fp);
}

/* A label of at most max code points, "…" when cut. */
static void
esc_cut(FILE *fp, const char *s, int max)
{
	char buf[256];
	int n = 0;
	size_t i;

	for (i = 0; s[i] != '\0' && i < sizeof(buf) - 4; i++) {
		if (((unsigned char)s[i] & 0xc0) != 0x80 && ++n > max)
			break;
		buf[i] = s[i];
	}
	buf[i] = '\0';
	esc(fp, buf);
	if (s[i] != '\0')
		fputs("&#8230;", fp);
}

static void
product_chart(FILE *fp, const ayni_report *r)
{
	int64_t hi = 0;
	char a[40];
	int i;

	for (i = 0; i < r->ntop; i++)
		hi = r->top[i].revenue > hi ? r->top[i].revenue : hi;
	fprintf(fp, "<svg viewBox=\"0 0 700 %d\" role=\"img\" "
	    "aria-label=\"%s\">\n", r->ntop * 24 + 6, _("top products"));
	for (i = 0; i < r->ntop; i++) {
		const ayni_report_item *it = &r->top[i];
		double w = hi > 0 && it->revenue > 0 ?
		    360.0 * (double)it->revenue / (double)hi : 0;

		fprintf(fp, "<text x=\"236\" y=\"%d\" class=\"lb\" "
		    "text-anchor=\"end\">", i * 24 + 17);
		esc_cut(fp, it->description[0] ? it->description : it->id,
		    34);
		fprintf(fp, "</text><rect x=\"242\" y=\"%d\" width=\"%.1f\" "
		    "height=\"16\" fill=\"" BLUE "\"/><text x=\"%.1f\" "
		    "y=\"%d\" class=\"lb\">%s</text>\n", i * 24 + 4, w,
		    246 + w, i * 24 + 17, clp(it->revenue, a));
	}
	fputs("</svg>\n", fp);
}

static void
heat_map(FILE *fp, const ayni_report *r)
{
	int64_t hi = 0;
	char a[40];
	int d, h;

	for (d = 0; d < 7; d++)
		for (h = 0; h < 24; h++)
			hi = r->heat[d][h] > hi ? r->heat[d][h] : hi;
	fprintf(fp, "<svg viewBox=\"0 0 700 190\" role=\"img\" "
	    "aria-label=\"%s\">\n", _("revenue by weekday and hour"));
	for (h = 0; h < 24; h += 2)
		fprintf(fp, "<text x=\"%d\" y=\"14\" class=\"ax\" "
		    "text-anchor=\"middle\">%02d</text>\n", 50 + h * 26 + 13,
		    h);
	for (d = 0; d < 7; d++) {
		fprintf(fp, "<text x=\"44\" y=\"%d\" class=\"ax\" "
		    "text-anchor=\"end\">%s</text>\n", 20 + d * 24 + 16,
		    ayni_weekday_abbr(d));
		for (h = 0; h < 24; h++) {
			double t = hi > 0 && r->heat[d][h] > 0 ?
			    (double)r->heat[d][h] / (double)hi : 0;

			fprintf(fp, "<rect x=\"%d\" y=\"%d\" width=\"24\" "
			    "height=\"22\" fill=\"#eef1f5\"/>", 50 + h * 26,
			    20 + d * 24);
			if (t > 0)
				fprintf(fp, "<rect x=\"%d\" y=\"%d\" "
				    "width=\"24\" height=\"22\" fill=\"" BLUE
				    "\" fill-opacity=\"%.2f\"><title>%s "
				    "%02d:00 %s</title></rect>", 50 + h * 26,
				    20 + d * 24, 0.12 + 0.88 * t,
				    ayni_weekday_abbr(d), h,
				    clp(r->heat[d][h], a));
			fputc('\n', fp);
		}
	}
	fputs("</svg>\n", fp);
}

static void
items(FILE *fp, const ayni_report_item *it, int n, int is_product)
{
	char a[40], b[40];
	int i;

	fputs("<table class=\"list\"><thead><tr><th>#</th>", fp);
	if (is_product)
		fprintf(fp, "<th>%s</th><th>%s</th>", _("product"),
		    _("description"));
	else
		fprintf(fp, "<th>%s</th>", _("category"));
	/* TRANSLATORS: a product's or category's part of the revenue */
	fprintf(fp, "<th class=\"num\">%s</th><th class=\"num\">%s</th>"
	    "<th class=\"num\">%s</th>%s</tr></thead><tbody>\n",
	    _("revenue"), _("share"), _("margin"),
	    is_product ? "<th>ABC</th>" : "");
	for (i = 0; i < n; i++) {
		fprintf(fp, "<tr><td>%d</td><td>", i + 1);
		/* TRANSLATORS: the category of lines without one */
		esc(fp, it[i].id[0] || is_product ? it[i].id :
		    _("(no category)"));
		if (is_product) {
			fputs("</td><td>", fp);
			esc_cut(fp, it[i].description, 40);
		}
		fprintf(fp, "</td><td class=\"num\" data-k=\"%s_revenue\" "
		    "data-v=\"%s\">%s</td>", is_product ? "product" :
		    "category", plain(it[i].revenue, 2, a),
		    clp(it[i].revenue, b));
		fprintf(fp, "<td class=\"num\">%s</td>",
		    pct(it[i].share_pct, 0, a));
		fprintf(fp, "<td class=\"num\">%s</td>",
		    it[i].has_margin_pct ? pct(it[i].margin_pct, 0, a) :
		    "&ndash;");
		if (is_product)
			fprintf(fp, "<td>%c</td>", it[i].abc);
		fputs("</tr>\n", fp);
	}
	fputs("</tbody></table>\n", fp);
}

/* Top products and categories, for a company whose lines have them. */
static void
product_sections(FILE *fp, const ayni_report *r)
{
	char n[80];

	fprintf(fp, "<section><h2>%s</h2>\n<p>", _("Top products"));
	snprintf(n, sizeof(n), "<span data-k=\"products\" data-v=\"%ld\">"
	    "%ld</span>", r->nproducts, r->nproducts);
	/* TRANSLATORS: %s is the number of products with sales */
	fprintf(fp, P_("%s product sold", "%s products sold", r->nproducts),
	    n);
	fprintf(fp, "; ABC: A <b data-k=\"abc_a\" data-v=\"%ld\">"
	    "%ld</b>, B <b data-k=\"abc_b\" data-v=\"%ld\">%ld</b>, "
	    "C <b data-k=\"abc_c\" data-v=\"%ld\">%ld</b>; ",
	    r->abc[0], r->abc[0], r->abc[1], r->abc[1], r->abc[2], r->abc[2]);
	snprintf(n, sizeof(n), "<b data-k=\"pareto_products\" "
	    "data-v=\"%ld\">%ld</b>", r->pareto, r->pareto);
	/* TRANSLATORS: %s is the fewest products whose sales add up to
	 * 80 % of the revenue (Pareto) */
	fprintf(fp, P_("%s product makes 80 %% of the revenue.",
	    "%s products make 80 %% of the revenue.", r->pareto), n);
	fputs("</p>\n", fp);
	product_chart(fp, r);
	items(fp, r->top, r->ntop, 1);
	fputs("</section>\n", fp);

	fprintf(fp, "<section><h2>%s</h2>\n", _("Top categories"));
	items(fp, r->cat, r->ncat, 0);
	fputs("</section>\n", fp);
}

static void
bench_value(FILE *fp, ayni_bench_metric m, double v)
{
	char buf[40];

	ayni_report_bench_fmt(m, v, buf, sizeof(buf));
	fputs(buf, fp);
}

/* "(n companies have it)": too few to show the metric */
static void
not_shown(FILE *fp, int companies)
{
	/* TRANSLATORS: too few companies have this metric to compare it */
	fprintf(fp, P_("not shown (%d company has it)",
	    "not shown (%d companies have it)", companies), companies);
}

static void
benchmark(FILE *fp, const ayni_report *r)
{
	char ind[512];
	int i;

	if (r->nbench == 0) {
		/* TRANSLATORS: followed by why there is no comparison */
		fprintf(fp, "<p class=\"note\">%s", _("Not available: "));
		esc(fp, r->bench_why);
		fputs("</p>\n", fp);
		return;
	}
	fputs("<p>", fp);
	/* TRANSLATORS: how many companies are compared, their industry
	 * (in quotes) and the period */
	fprintf(fp, P_("Among %d opted-in company of the industry "
	    "&ldquo;%s&rdquo; with sales in %s; no other company's value is "
	    "shown.", "Among %d opted-in companies of the industry "
	    "&ldquo;%s&rdquo; with sales in %s; no other company's value is "
	    "shown.", r->bench[0].companies), r->bench[0].companies,
	    esc_buf(r->bench[0].industry, ind, sizeof(ind)),
	    r->bench[0].period);
	/* TRANSLATORS: headings of the benchmark table: the metric, the
	 * company's percentile, its own value ("you"), quartiles */
	fprintf(fp, "</p>\n<table class=\"list\"><thead><tr><th>%s</th>"
	    "<th class=\"num\">%s</th><th class=\"num\">%s</th>"
	    "<th class=\"num\">p25</th><th class=\"num\">%s</th>"
	    "<th class=\"num\">p75</th></tr></thead><tbody>\n",
	    _("metric"), _("percentile"), _("you"), _("median"));
	for (i = 0; i < r->nbench; i++) {
		const ayni_bench_result *x = &r->bench[i];

		fprintf(fp, "<tr><td>%s</td>", ayni_report_metric_text(
		    x->metric));
		if (!x->shown) {
			fputs("<td colspan=\"5\">", fp);
			not_shown(fp, x->companies);
			fputs("</td></tr>\n", fp);
			continue;
		}
		fprintf(fp, "<td class=\"num\" data-k=\"percentile_%s\" "
		    "data-v=\"%d\">%d</td><td class=\"num\">",
		    ayni_bench_metric_name(x->metric), x->percentile,
		    x->percentile);
		bench_value(fp, x->metric, x->value);
		fputs("</td><td class=\"num\">", fp);
		bench_value(fp, x->metric, x->p25);
		fputs("</td><td class=\"num\">", fp);
		bench_value(fp, x->metric, x->p50);
		fputs("</td><td class=\"num\">", fp);
		bench_value(fp, x->metric, x->p75);
		fputs("</td></tr>\n", fp);
	}
	fputs("</tbody></table>\n", fp);
}

static const char css[] =
    "@page{size:A4;margin:14mm}\n"
    "*{box-sizing:border-box}\n"
    "body{font:10.5pt/1.4 'DejaVu Sans','Liberation Sans',Arial,"
    "sans-serif;color:#222;background:#fff;max-width:182mm;"
    "margin:0 auto;padding:8mm 6mm}\n"
    "h1{font-size:17pt;margin:0}\n"
    "h2{font-size:12pt;margin:0 0 2mm;border-bottom:2px solid " BLUE ";"
    "padding-bottom:1mm}\n"
    ".sub{color:#555;margin:1mm 0 4mm}\n"
    "section{margin:0 0 6mm;break-inside:avoid;page-break-inside:avoid}\n"
    "table{border-collapse:collapse;width:100%}\n"
    "th,td{padding:1.2mm 2mm;border-bottom:1px solid #e2e2e2;"
    "text-align:left;vertical-align:top}\n"
    ".num{text-align:right;font-variant-numeric:tabular-nums;"
    "white-space:nowrap}\n"
    ".up{color:#1b7a3a}.down{color:#b3261e}\n"
    ".band{display:inline-block;padding:0 2mm;border-radius:2mm;"
    "color:#fff;font-weight:bold}\n"
    ".critical{background:#b3261e}.low{background:#c77700}"
    ".healthy{background:#1b7a3a}.excellent{background:" BLUE "}\n"
    ".facts{display:flex;flex-wrap:wrap;gap:2mm 8mm;margin:2mm 0}\n"
    "svg{width:100%;height:auto;display:block}\n"
    ".ax{font-size:11px;fill:#555}.lb{font-size:12px;fill:#222}\n"
    ".note{color:#555}\n"
    "footer{color:#777;font-size:8.5pt;margin-top:4mm}\n"
    "@media print{body{padding:0;max-width:none}}\n";

/* The document's head and the page's header: company, RUT, period. */
static void
html_head(FILE *fp, const ayni_report *r)
{
	char d0[11], d1[11], x[160];

	fprintf(fp, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n"
	    "<meta charset=\"utf-8\">\n<meta name=\"viewport\" "
	    "content=\"width=device-width, initial-scale=1\">\n<title>",
	    ayni_intl_spanish() ? "es-CL" : "en");
	esc(fp, r->company);
	/* TRANSLATORS: the page's title after the company's name: the
	 * period of the report ("2025-10") */
	fprintf(fp, " &middot; %s</title>\n<style>\n%s</style>\n</head>\n"
	    "<body>\n<header><h1>", r->period.label, css);
	esc(fp, r->company);
	fprintf(fp, "</h1><p class=\"sub\">RUT <span data-k=\"rut\">%s"
	    "</span> &middot; ", r->rut);
	snprintf(x, sizeof(x), "<b data-k=\"period\">%s</b>",
	    r->period.label);
	/* TRANSLATORS: the period (in bold) and its first and last day */
	fprintf(fp, _("sales of %s (%s to %s)"), x,
	    ayni_report_date(r->period.lo, d0),
	    ayni_report_date(r->last_day, d1));
	fputs("</p></header>\n", fp);
}

/* The facts under the KPIs: margin, weekdays, peak hour, returns. */
static void
html_facts(FILE *fp, const ayni_report *r)
{
	const ayni_report_kpi *c = &r->cur;
	char a[40], b[40], d[40], e[40], x[160], z[160];

	fputs("<div class=\"facts\">", fp);
	if (c->has_margin_pct) {
		snprintf(x, sizeof(x), "<b data-k=\"margin\" data-v=\"%s\">"
		    "%s</b>", plain(c->margin, 2, a), clp(c->margin, b));
		snprintf(z, sizeof(z), "<b data-k=\"margin_pct\" "
		    "data-v=\"%s\">%s</b>", plain(llround(c->margin_pct *
		    100), 2, d), pct(c->margin_pct, 0, e));
		fputs("<span>", fp);
		/* TRANSLATORS: the margin in pesos, in percent, then its
		 * band (critical, low, healthy, excellent) */
		fprintf(fp, _("Margin %s, %s of the revenue of lines with a "
		    "cost:"), x, z);
		fprintf(fp, " <span class=\"band %s\">%s</span></span>",
		    ayni_margin_band(c->margin_pct),
		    ayni_margin_band_text(c->margin_pct));
	} else if (c->has)
		fprintf(fp, "<span>%s</span>",
		    _("Margin: no costs in the data"));
	if (r->best_wd >= 0) {
		snprintf(x, sizeof(x), "<b>%s</b>",
		    ayni_weekday_text(r->best_wd));
		snprintf(z, sizeof(z), "<b>%s</b>",
		    ayni_weekday_text(r->worst_wd));
		fputs("<span>", fp);
		/* TRANSLATORS: the weekday with the most sales and its
		 * sales, the one with the least and its sales */
		fprintf(fp, _("Best weekday %s (%s), worst %s (%s)"), x,
		    clp(r->wd_revenue[r->best_wd], a), z,
		    clp(r->wd_revenue[r->worst_wd], b));
		fputs("</span>", fp);
	}
	if (r->has_hours && r->peak_hour >= 0) {
		snprintf(x, sizeof(x), "<b data-k=\"peak_hour\" "
		    "data-v=\"%d\">%02d:00&ndash;%02d:59</b>", r->peak_hour,
		    r->peak_hour, r->peak_hour);
		fputs("<span>", fp);
		/* TRANSLATORS: the hour of the day with the most sales */
		fprintf(fp, _("Peak hour %s (%s)"), x,
		    clp(r->hour_revenue[r->peak_hour], a));
		fputs("</span>", fp);
	}
	if (c->has) {
		fputs("<span>", fp);
		fprintf(fp, P_("Returns: %lld of %lld line",
		    "Returns: %lld of %lld lines", c->lines),
		    (long long)c->returns, (long long)c->lines);
		fputs("</span>", fp);
	}
	fputs("</div>\n", fp);
}

/* The sections of a period with sales: daily chart, products, heat map. */
static void
html_sales(FILE *fp, const ayni_report *r)
{
	fputs("<section><h2>", fp);
	/* TRANSLATORS: the period's daily revenue drawn over the
	 * previous period's */
	fprintf(fp, _("Daily revenue, %s against %s"), r->cur.period,
	    r->prev.period);
	fputs("</h2>\n", fp);
	daily_chart(fp, r);
	fputs("</section>\n", fp);

	if (r->no_products) {
		fprintf(fp, "<section><h2>%s</h2>\n"
		    "<p data-k=\"no_products\">", _("Products"));
		fprintf(fp, _("None: %s."), _(AYNI_NO_PRODUCTS));
		fputs("</p></section>\n", fp);
	} else
		product_sections(fp, r);

	fprintf(fp, "<section><h2>%s</h2>\n",
	    _("Revenue by weekday and hour"));
	if (r->has_hours)
		heat_map(fp, r);
	else
		fprintf(fp, "<p class=\"note\">%s</p>\n",
		    _("The data has dates without times."));
	fputs("</section>\n", fp);
}

int
ayni_report_html(const ayni_report *r, FILE *fp, ayni_error *err)
{
	char d0[11], x[160];

	html_head(fp, r);
	fprintf(fp, "<section><h2>%s</h2>\n", _("Summary"));
	if (!r->cur.has) {
		fputs("<p class=\"note\">", fp);
		if (r->data_last_day[0] != '\0')
			fprintf(fp, _("No sales in %s (latest sale: %s)."),
			    r->period.label,
			    ayni_report_date(r->data_last_day, d0));
		else
			fprintf(fp, _("No sales in %s (latest sale: none)."),
			    r->period.label);
		fputs("</p>\n", fp);
	}
	kpis(fp, r);
	html_facts(fp, r);
	fputs("</section>\n", fp);
	if (r->cur.has)
		html_sales(fp, r);
	fprintf(fp, "<section><h2>%s</h2>\n", _("Benchmark"));
	benchmark(fp, r);
	fputs("</section>\n", fp);
	snprintf(x, sizeof(x), "<code>ayni aggregate --from %s --to %s</code>",
	    r->period.lo, r->last_day);
	fputs("<footer>ayni report &middot; ", fp);
	/* TRANSLATORS: the footer of the page: %s is the command that
	 * gives the same numbers */
	fprintf(fp, _("numbers equal %s; money in pesos (CLP), net of "
	    "returns."), x);
	fputs("</footer>\n</body>\n</html>\n", fp);
	if (ferror(fp))
		return ayni_error_set(err, AYNI_EIO, _("cannot write the "
		    "report: %s"), strerror(errno));
	return 0;
}
