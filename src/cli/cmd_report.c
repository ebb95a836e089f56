/*
 * cmd_report.c - 'ayni report [--period P] [--html FILE]': the page a shop
 * owner reads at the end of a month (docs/contract.md §8), as text (table), one
 * record (csv, json) or a self-contained HTML file written atomically.
 *
 * The numbers and their rendering are src/lib/report*.c; this file only
 * chooses where they go.  Reading needs "view"; csv and json, as all
 * company data, need "export" (the driver's CMD_DATA).
 */
#include "ayni/outfile.h"
#include "ayni/report.h"
#include "cli.h"

static const struct opt_spec report_opts[] = {
	{ .name = "period", .kind = OPT_STR, .argname = "P",
	    .help = N_("a month (2025-10), quarter (2025-Q4) or "
	    "year (2025); default: the latest full month") },
	{ .name = "html", .kind = OPT_STR, .argname = "FILE",
	    .help = N_("write the report as one HTML page to "
	    "FILE") },
	{ .name = NULL }
};

static int
write_html(struct cmd_ctx *ctx, const ayni_report *r, const char *path)
{
	ayni_outfile *f;
	int rc;

	if ((rc = ayni_outfile_open(&f, path, 0600, ayni_db_path(ctx->db),
	    &ctx->err)) != 0)
		return rc;
	if ((rc = ayni_report_html(r, ayni_outfile_fp(f), &ctx->err)) != 0) {
		ayni_outfile_abort(f);
		return rc;
	}
	if ((rc = ayni_outfile_commit(f, &ctx->err)) == 0)
		cli_note(ctx, _("report of %s for %s written to '%s'"), r->rut,
		    r->period.label, path);
	return rc;
}

static int
cmd_report_show(struct cmd_ctx *ctx)
{
	const char *html = opt_get(ctx, "html");
	const ayni_column *cols;
	ayni_report *r = NULL;
	ayni_writer *w = NULL;
	int rc, n;

	if ((rc = ayni_report_build(ctx->db, ctx->company.company_id,
	    opt_get(ctx, "period"), &r, &ctx->err)) != 0)
		return rc;
	if (html != NULL)
		rc = write_html(ctx, r, html);
	else if (ctx->format == AYNI_FORMAT_TABLE)
		rc = ayni_report_text(r, ctx->out, &ctx->err);
	else {
		ayni_report_columns(&cols, &n);
		if ((rc = cli_writer(ctx, AYNI_WRITER_RECORD, cols, n,
		    &w)) == 0 && (rc = ayni_report_write(r, w,
		    &ctx->err)) == 0)
			rc = ayni_writer_finish(w, &ctx->err);
		ayni_writer_free(w);
	}
	ayni_report_free(r);
	return rc;
}

const struct cmd_entry cmd_report_cmds[] = {
	{ NULL, cmd_report_show,
	    CMD_DB | CMD_AUTH | CMD_COMPANY | CMD_DATA | CMD_OWN_HEAD,
	    AYNI_PERM_VIEW, report_opts, NULL, 0, 0,
	    N_("a period's sales, margin, products, peaks and benchmark") },
	{ NULL, NULL, 0, 0, NULL, NULL, 0, 0, NULL }
};
