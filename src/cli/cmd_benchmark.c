/*
 * cmd_benchmark.c - 'ayni benchmark [refresh]': where the selected company
 * stands among the opted-in companies of its industry (docs/contract.md §7),
 * and the refresh of the anonymous benchmarks table.
 *
 * The statistics and every privacy rule are src/lib/benchmark.c's; this
 * file turns options into a call and results into writer rows: the
 * stable json/csv columns of docs/contract.md §7, or for people a table whose
 * cells are already formatted per metric (pesos, percent, counts).  Reading
 * needs "view" (csv/json need "export", as for all company data).
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "ayni/benchmark.h"
#include "ayni/rut.h"
#include "cli.h"

/* Keep in the order of man/ayni-benchmark.1's SYNOPSIS. */
/* Those of ayni_bench_metric_parse() (benchmark.c), in its order. */
static const char *const metrics[] = { "revenue", "transactions",
	"avg_ticket", "margin_pct", "customers", "units", NULL };

static const struct opt_spec compare_opts[] = {
	{ .name = "period", .kind = OPT_STR, .argname = "PERIOD",
	    .help = N_("a month (2025-10), quarter (2025-Q4) "
	    "or year (2025); default: the latest full month") },
	{ .name = "metric", .kind = OPT_CHOICE, .choices = metrics,
	    .argname = "METRIC",
	    .help = N_("only this one; default: all") },
	{ .name = NULL }
};

/* The json/csv fields of docs/contract.md §7: a stable interface. */
static const ayni_column data_cols[] = {
	{ "industry", AYNI_T_TEXT }, { "period", AYNI_T_TEXT },
	{ "metric", AYNI_T_TEXT }, { "companies", AYNI_T_INT },
	{ "p25", AYNI_T_REAL }, { "p50", AYNI_T_REAL },
	{ "p75", AYNI_T_REAL }, { "mean", AYNI_T_REAL },
	{ "value", AYNI_T_REAL }, { "percentile", AYNI_T_INT }
};

/* For people; the layout may change. */
static const ayni_column table_cols[] = {
	{ "metric", AYNI_T_TEXT }, { "you", AYNI_T_TEXT },
	{ "standing", AYNI_T_TEXT }, { "p25", AYNI_T_TEXT },
	{ "median", AYNI_T_TEXT }, { "p75", AYNI_T_TEXT },
	{ "mean", AYNI_T_TEXT }
};

#define NELEM(a)	(int)(sizeof(a) / sizeof((a)[0]))

/* es-CL: "1.234,5", at most one decimal, none when whole. */
static void
fmt_num(double v, char *buf, size_t len)
{
	long long t = llround(fabs(v) * 10), whole = t / 10;
	char digits[32], grouped[48];
	int n, i, j = 0;

	n = snprintf(digits, sizeof(digits), "%lld", whole);
	for (i = 0; i < n; i++) {
		if (i > 0 && (n - i) % 3 == 0)
			grouped[j++] = '.';
		grouped[j++] = digits[i];
	}
	grouped[j] = '\0';
	if (t % 10 != 0)
		snprintf(buf, len, "%s%s,%lld", v < 0 ? "-" : "", grouped,
		    t % 10);
	else
		snprintf(buf, len, "%s%s", v < 0 && t != 0 ? "-" : "",
		    grouped);
}

static void
fmt_metric(ayni_bench_metric m, double v, char *buf, size_t len)
{
	switch (m) {
	case AYNI_BM_REVENUE:
	case AYNI_BM_AVG_TICKET:
		ayni_fmt_clp(llround(v * 100), buf, len);
		break;
	case AYNI_BM_MARGIN_PCT:
		fmt_num(v, buf, len);
		strncat(buf, " %", len - strlen(buf) - 1);
		break;
	default:
		fmt_num(v, buf, len);
		break;
	}
}

static int
table_row(ayni_writer *w, const ayni_bench_result *r, ayni_error *err)
{
	char cell[6][64];
	ayni_value v[NELEM(table_cols)];
	int i;

	memset(cell, 0, sizeof(cell));
	if (r->has_value)
		fmt_metric(r->metric, r->value, cell[0], sizeof(cell[0]));
	if (!r->has_value)
		snprintf(cell[1], sizeof(cell[1]), "%s",
		    _("you have none: not compared"));
	else if (!r->shown)
		snprintf(cell[1], sizeof(cell[1]),
		    _("needs %d companies, has %d"), AYNI_BENCH_MIN,
		    r->companies);
	else if (r->percentile == 0)
		snprintf(cell[1], sizeof(cell[1]), _("lowest of %d"),
		    r->companies);
	else if (r->percentile == 100)
		snprintf(cell[1], sizeof(cell[1]), _("highest of %d"),
		    r->companies);
	else
		snprintf(cell[1], sizeof(cell[1]),
		    P_("above %d %% of %d other", "above %d %% of %d others",
		    r->companies - 1), r->percentile, r->companies - 1);
	if (r->shown) {
		fmt_metric(r->metric, r->p25, cell[2], sizeof(cell[2]));
		fmt_metric(r->metric, r->p50, cell[3], sizeof(cell[3]));
		fmt_metric(r->metric, r->p75, cell[4], sizeof(cell[4]));
		fmt_metric(r->metric, r->mean, cell[5], sizeof(cell[5]));
	}
	/* a table for people: the metric as its column is headed */
	v[0] = ayni_v_text(ayni_heading(ayni_bench_metric_name(r->metric)));
	for (i = 0; i < 6; i++)
		v[i + 1] = ayni_v_text(cell[i]);
	return ayni_writer_row(w, v, err);
}

static int
data_row(ayni_writer *w, const ayni_bench_result *r, ayni_error *err)
{
	ayni_value v[NELEM(data_cols)];

	v[0] = ayni_v_text(r->industry);
	v[1] = ayni_v_text(r->period);
	v[2] = ayni_v_text(ayni_bench_metric_name(r->metric));
	v[3] = ayni_v_int(r->companies);
	v[4] = r->shown ? ayni_v_real(r->p25) : ayni_v_null();
	v[5] = r->shown ? ayni_v_real(r->p50) : ayni_v_null();
	v[6] = r->shown ? ayni_v_real(r->p75) : ayni_v_null();
	v[7] = r->shown ? ayni_v_real(r->mean) : ayni_v_null();
	v[8] = r->has_value ? ayni_v_real(r->value) : ayni_v_null();
	v[9] = r->shown ? ayni_v_int(r->percentile) : ayni_v_null();
	return ayni_writer_row(w, v, err);
}

static int
cmd_benchmark_compare(struct cmd_ctx *ctx)
{
	ayni_bench_result res[AYNI_BM_COUNT];
	ayni_bench_metric m;
	ayni_writer *w = NULL;
	const char *v;
	char rut[AYNI_RUT_MAX];
	int metric = -1, n, i, rc, table, stored = 0;

	if ((v = opt_get(ctx, "metric")) != NULL) {
		if ((rc = ayni_bench_metric_parse(v, &m, &ctx->err)) != 0)
			return rc;
		metric = (int)m;
	}
	if ((rc = ayni_benchmark_compare(ctx->db, ctx->company.company_id,
	    opt_get(ctx, "period"), metric, res, &n, &ctx->err)) != 0)
		return rc;
	table = ctx->format == AYNI_FORMAT_TABLE;
	for (i = 0; i < n; i++)
		stored += res[i].from_store;
	if (ctx->verbose)
		cli_note(ctx, "%s", stored ? _("statistics from the "
		    "benchmarks table ('ayni benchmark refresh')") :
		    _("statistics computed now: none stored, or older than "
		    "the data"));
	if (table) {
		ayni_rut_display(ctx->company.rut, rut);
		cli_note(ctx, _("%s (%s) among the opted-in %s companies, %s"),
		    ctx->company.name, rut, res[0].industry, res[0].period);
		rc = cli_writer(ctx, AYNI_WRITER_LIST, table_cols,
		    NELEM(table_cols), &w);
	} else
		rc = cli_writer(ctx, metric >= 0 ? AYNI_WRITER_RECORD :
		    AYNI_WRITER_LIST, data_cols, NELEM(data_cols), &w);
	for (i = 0; i < n && rc == 0; i++)
		rc = table ? table_row(w, &res[i], &ctx->err) :
		    data_row(w, &res[i], &ctx->err);
	if (rc == 0)
		rc = ayni_writer_finish(w, &ctx->err);
	ayni_writer_free(w);
	return rc;
}

static int
cmd_benchmark_refresh(struct cmd_ctx *ctx)
{
	long n;
	int rc;

	if ((rc = ayni_benchmark_refresh(ctx->db, &n, &ctx->err)) == 0)
		cli_note(ctx, P_("stored %ld benchmark row",
		    "stored %ld benchmark rows", n), n);
	return rc;
}

static const struct opt_spec no_opts[] = {
	{ .name = NULL }
};

/*
 * refresh writes only anonymous statistics of groups of at least
 * AYNI_BENCH_MIN companies, the same for every caller, so any logged-in
 * user may run it; it needs no company.
 */
const struct cmd_entry cmd_benchmark_cmds[] = {
	{ NULL, cmd_benchmark_compare,
	    CMD_DB | CMD_AUTH | CMD_COMPANY | CMD_DATA, AYNI_PERM_VIEW,
	    compare_opts, NULL, 0, 0,
	    N_("compare the company with its industry") },
	{ "refresh", cmd_benchmark_refresh, CMD_DB | CMD_AUTH,
	    AYNI_PERM_NONE, no_opts, NULL, 0, 0,
	    N_("store the statistics of every industry and period") },
	{ NULL, NULL, 0, 0, NULL, NULL, 0, 0, NULL }
};
