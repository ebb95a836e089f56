/*
 * cmd_export.c - 'ayni export': the company's raw lines or a rollup level
 * as csv (RFC 4180, UTF-8), json, or csv for Spanish-locale Excel
 * (--excel: BOM, ';', decimal comma, CRLF), to stdout or to a file
 * written atomically (-o, the rule of outfile.h).  Needs "export".
 *
 * What is exported is src/lib/export.c; how, the writer.  This file only
 * wires options, the format and the destination together.
 */
#include "ayni/export.h"
#include "ayni/outfile.h"
#include "cli.h"

/* raw, and the levels of ayni_agg_level_parse(): ayni_export_what_parse(). */
static const char *const whats[] = { "raw", "day", "week", "month",
	"quarter", "year", "product", "customer", "category", NULL };

static const struct opt_spec export_opts[] = {
	{ .name = "what", .kind = OPT_CHOICE, .choices = whats,
	    .help = N_("the sales lines (raw, the default) or a rollup") },
	{ .name = "from", .kind = OPT_DATE, .argname = "DATE",
	    .help = N_("only sales on or after DATE (YYYY-MM-DD)") },
	{ .name = "to", .kind = OPT_DATE, .argname = "DATE",
	    .help = N_("only sales on or before DATE (YYYY-MM-DD)") },
	{ .name = "excel", .kind = OPT_FLAG,
	    .help = N_("csv that Spanish-locale Excel opens: BOM, "
	    "';', decimal comma, CRLF") },
	{ .name = "output", .shortopt = 'o', .kind = OPT_STR, .argname = "FILE",
	    .help = N_("write to FILE (atomically) instead of "
	    "standard output") },
	{ .name = NULL }
};

static int
cmd_export_run(struct cmd_ctx *ctx)
{
	ayni_export_opts o = { 1, AYNI_AGG_DAY, NULL, NULL };
	const char *what = opt_get(ctx, "what"), *path = opt_get(ctx, "output");
	int excel = opt_has(ctx, "excel"), rc, n;
	ayni_format fmt = AYNI_FORMAT_CSV;
	const ayni_column *cols;
	ayni_outfile *f = NULL;
	ayni_writer *w = NULL;
	FILE *fp = ctx->out;

	if (what != NULL &&
	    (rc = ayni_export_what_parse(what, &o, &ctx->err)) != 0)
		return rc;
	o.from = opt_get(ctx, "from");
	o.to = opt_get(ctx, "to");
	/* an export is for programs: csv unless json is asked for */
	if (ctx->format_explicit && ctx->format == AYNI_FORMAT_TABLE)
		return ayni_error_set(&ctx->err, AYNI_EUSAGE, "%s",
		    _("an export is csv or json: for a table, use 'ayni "
		    "aggregate'"));
	if (ctx->format_explicit && ctx->format == AYNI_FORMAT_JSON) {
		if (excel)
			return ayni_error_set(&ctx->err, AYNI_EUSAGE, "%s",
			    _("--excel writes csv: drop --format json"));
		fmt = AYNI_FORMAT_JSON;
	}
	if (path != NULL) {
		if ((rc = ayni_outfile_open(&f, path, 0600,
		    ayni_db_path(ctx->db), &ctx->err)) != 0)
			return rc;
		fp = ayni_outfile_fp(f);
	}
	ayni_export_columns(&o, &cols, &n);
	if ((rc = ayni_writer_new(&w, fp, fmt, AYNI_WRITER_LIST, cols, n,
	    &ctx->err)) != 0)
		goto out;
	if (excel) {
		ayni_writer_excel(w);
		fputs("\xEF\xBB\xBF", fp);
	}
	if ((rc = ayni_export_write(ctx->db, ctx->company.company_id, &o, w,
	    &ctx->err)) == 0)
		rc = ayni_writer_finish(w, &ctx->err);
out:
	if (f != NULL) {
		if (rc == 0)
			rc = ayni_outfile_commit(f, &ctx->err);
		else
			ayni_outfile_abort(f);
		if (rc == 0)
			cli_note(ctx, P_("exported %ld row to '%s'",
			    "exported %ld rows to '%s'", ayni_writer_rows(w)),
			    ayni_writer_rows(w), path);
	}
	ayni_writer_free(w);
	return rc;
}

const struct cmd_entry cmd_export_cmds[] = {
	{ NULL, cmd_export_run, CMD_DB | CMD_AUTH | CMD_COMPANY,
	    AYNI_PERM_EXPORT, export_opts, NULL, 0, 0,
	    N_("the sales lines or a rollup as csv, json or for Excel") },
	{ NULL, NULL, 0, 0, NULL, NULL, 0, 0, NULL }
};
