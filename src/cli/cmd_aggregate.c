/*
 * cmd_aggregate.c - 'ayni aggregate [verify|rebuild]': the rollups of
 * docs/contract.md §6 by day, week, month, quarter, year, product, customer or
 * category; their check against the raw lines, and their rebuild.
 *
 * The numbers come from src/lib/aggregate.c through the writer; this file
 * only turns options into an ayni_aggregate_opts.  Reading needs "view"
 * (csv/json need "export", as for all company data); a rebuild rewrites
 * only derived tables, so it asks for "upload", the right to change them.
 */
#include <limits.h>

#include "ayni/aggregate.h"
#include "ayni/rut.h"
#include "cli.h"

/* Those of ayni_agg_level_parse() (aggregate.c), in its order. */
static const char *const levels[] = { "day", "week", "month", "quarter",
	"year", "product", "customer", "category", NULL };

static const struct opt_spec report_opts[] = {
	{ .name = "level", .kind = OPT_CHOICE, .choices = levels,
	    .help = N_("rows by this (default month)") },
	{ .name = "from", .kind = OPT_DATE, .argname = "DATE",
	    .help = N_("only sales on or after DATE (YYYY-MM-DD)") },
	{ .name = "to", .kind = OPT_DATE, .argname = "DATE",
	    .help = N_("only sales on or before DATE (YYYY-MM-DD)") },
	{ .name = "top", .kind = OPT_INT, .min = 1, .max = LONG_MAX,
	    .argname = "N", .help = N_("at most N rows") },
	{ .name = NULL }
};

static int
cmd_aggregate_report(struct cmd_ctx *ctx)
{
	ayni_aggregate_opts o = { AYNI_AGG_MONTH, NULL, NULL, 0 };
	const ayni_column *cols;
	const char *v;
	ayni_writer *w;
	char rut[AYNI_RUT_MAX];
	int n, rc, none;

	if ((v = opt_get(ctx, "level")) != NULL &&
	    (rc = ayni_agg_level_parse(v, &o.level, &ctx->err)) != 0)
		return rc;
	o.from = opt_get(ctx, "from");
	o.to = opt_get(ctx, "to");
	o.top = (long)opt_int(ctx, "top", 0);
	if ((rc = ayni_aggregate_opts_check(&o, &ctx->err)) != 0)
		return rc;
	ayni_aggregate_columns(o.level, &cols, &n);
	if ((rc = cli_writer(ctx, AYNI_WRITER_LIST, cols, n, &w)) != 0)
		return rc;
	if ((rc = ayni_aggregate_write(ctx->db, ctx->company.company_id, &o,
	    w, &ctx->err)) == 0)
		rc = ayni_writer_finish(w, &ctx->err);
	ayni_writer_free(w);
	/* an empty product level must not look like a failed one */
	if (rc == 0 && (rc = ayni_aggregate_no_products(ctx->db,
	    ctx->company.company_id, &none, &ctx->err)) == 0 && none &&
	    o.level != AYNI_AGG_CUSTOMER) {
		ayni_rut_display(ctx->company.rut, rut);
		cli_note(ctx, "%s: %s", rut, _(AYNI_NO_PRODUCTS));
	}
	return rc;
}

static int
cmd_aggregate_verify(struct cmd_ctx *ctx)
{
	char rut[AYNI_RUT_MAX];
	long n;
	int rc;

	if ((rc = ayni_aggregate_verify(ctx->db, ctx->company.company_id, &n,
	    &ctx->err)) == 0) {
		ayni_rut_display(ctx->company.rut, rut);
		cli_note(ctx, _("rollups of %s match the raw lines"), rut);
	}
	return rc;
}

static int
cmd_aggregate_rebuild(struct cmd_ctx *ctx)
{
	char rut[AYNI_RUT_MAX];
	int rc;

	if ((rc = ayni_aggregate_rebuild(ctx->db, ctx->company.company_id,
	    &ctx->err)) == 0) {
		ayni_rut_display(ctx->company.rut, rut);
		cli_note(ctx, _("rebuilt the rollups of %s"), rut);
	}
	return rc;
}

static const struct opt_spec no_opts[] = {
	{ .name = NULL }
};

const struct cmd_entry cmd_aggregate_cmds[] = {
	{ NULL, cmd_aggregate_report,
	    CMD_DB | CMD_AUTH | CMD_COMPANY | CMD_DATA, AYNI_PERM_VIEW,
	    report_opts, NULL, 0, 0,
	    N_("sales by period, product, customer or category") },
	{ "verify", cmd_aggregate_verify, CMD_DB | CMD_AUTH | CMD_COMPANY,
	    AYNI_PERM_VIEW, no_opts, NULL, 0, 0,
	    N_("recompute every level from the raw lines and compare") },
	{ "rebuild", cmd_aggregate_rebuild, CMD_DB | CMD_AUTH | CMD_COMPANY,
	    AYNI_PERM_UPLOAD, no_opts, NULL, 0, 0,
	    N_("recompute the rollups from the raw lines") },
	{ NULL, NULL, 0, 0, NULL, NULL, 0, 0, NULL }
};
