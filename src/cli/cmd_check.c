/*
 * cmd_check.c - 'ayni check': one line per finding of src/lib/check.c on
 * stdout, a summary on stderr, exit 65 when anything is wrong (docs/contract.md
 * §8).  It repairs nothing.
 */
#include "ayni/check.h"
#include "cli.h"

static int
cmd_check_run(struct cmd_ctx *ctx)
{
	ayni_writer *w = NULL;
	long n = 0, nc = 0;
	int rc;

	if ((rc = cli_writer(ctx, AYNI_WRITER_LIST, ayni_check_columns,
	    ayni_check_ncolumns, &w)) != 0)
		return rc;
	rc = ayni_check_run(ctx->db, &ctx->actor, w, &n, &nc, &ctx->err);
	/* a table with no rows would be a lone header: say it instead */
	if (rc == 0 && (n > 0 || ctx->format != AYNI_FORMAT_TABLE))
		rc = ayni_writer_finish(w, &ctx->err);
	ayni_writer_free(w);
	if (rc != 0)
		return rc;
	if (n > 0)
		return ayni_error_set(&ctx->err, AYNI_EDATA,
		    P_("check: %ld problem found", "check: %ld problems found",
		    n), n);
	cli_note(ctx, P_("check: no problems (integrity, foreign keys, "
	    "rollups of %ld company, uploads, file modes)", "check: no "
	    "problems (integrity, foreign keys, rollups of %ld companies, "
	    "uploads, file modes)", nc), nc);
	return 0;
}

const struct cmd_entry cmd_check_cmds[] = {
	{ NULL, cmd_check_run, CMD_DB | CMD_AUTH, AYNI_PERM_NONE, NULL, NULL,
	    0, 0, N_("integrity, rollups, stale uploads and file modes") },
	{ NULL, NULL, 0, 0, NULL, NULL, 0, 0, NULL }
};
