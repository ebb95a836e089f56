/*
 * cmd_uploads.c - 'ayni uploads list|show|delete': the history of a
 * company's uploads, what each changed, and taking one back.
 */
#include <inttypes.h>
#include <limits.h>

#include "ayni/upload.h"
#include "cli.h"

static int
upload_id(struct cmd_ctx *ctx, int64_t *out)
{
	const char *s = ctx->o.args[0];
	long long v = 0;

	if (!opt_number(s, 1, LLONG_MAX, &v))
		return ayni_error_set(&ctx->err, AYNI_EUSAGE,
		    _("invalid upload id '%s': expected a positive number"), s);
	*out = v;
	return 0;
}

static int
cmd_uploads_list(struct cmd_ctx *ctx)
{
	ayni_writer *w;
	int rc;

	if ((rc = cli_writer(ctx, AYNI_WRITER_LIST, ayni_upload_list_columns,
	    ayni_upload_list_ncolumns, &w)) != 0)
		return rc;
	if ((rc = ayni_upload_list(ctx->db, ctx->company.company_id, w,
	    &ctx->err)) == 0)
		rc = ayni_writer_finish(w, &ctx->err);
	ayni_writer_free(w);
	return rc;
}

static int
cmd_uploads_show(struct cmd_ctx *ctx)
{
	ayni_writer *w;
	int64_t id = 0;
	int rc;

	if ((rc = upload_id(ctx, &id)) != 0)
		return rc;
	if ((rc = cli_writer(ctx, AYNI_WRITER_RECORD, ayni_upload_show_columns,
	    ayni_upload_show_ncolumns, &w)) != 0)
		return rc;
	if ((rc = ayni_upload_show(ctx->db, ctx->company.company_id, id, w,
	    &ctx->err)) == 0)
		rc = ayni_writer_finish(w, &ctx->err);
	ayni_writer_free(w);
	return rc;
}

static const struct opt_spec delete_opts[] = {
	{ .name = "yes", .shortopt = 'y', .kind = OPT_FLAG,
	    .help = N_("do not ask for confirmation") },
	{ .name = "dry-run", .shortopt = 'n', .kind = OPT_FLAG,
	    .help = N_("say what would be removed, remove nothing") },
	{ .name = NULL }
};

/*
 * A deletion first runs as a dry run, so that the question can say what
 * goes ("42 lines of 2025-09: 5, 2025-10: 37"); then for real.
 */
static int
cmd_uploads_delete(struct cmd_ctx *ctx)
{
	ayni_upload_deletion d;
	ayni_writer *w = NULL;
	char q[sizeof(d.months) + sizeof(d.filename) + 128];
	int64_t id = 0;
	int rc, yes = opt_has(ctx, "yes") > 0, dry = opt_has(ctx, "dry-run") > 0;

	if ((rc = upload_id(ctx, &id)) != 0)
		return rc;
	if (!yes && !dry) {
		if ((rc = ayni_upload_delete(ctx->db, ctx->company.company_id,
		    id, ctx->actor.user_id, 1, &d, &ctx->err)) != 0)
			return rc;
		if (d.months[0] != '\0')
			snprintf(q, sizeof(q), P_("delete upload %lld ('%s') "
			    "and its %ld line (%s)?", "delete upload %lld "
			    "('%s') and its %ld lines (%s)?", d.rows_deleted),
			    (long long)id, d.filename, d.rows_deleted,
			    d.months);
		else
			snprintf(q, sizeof(q), P_("delete upload %lld ('%s') "
			    "and its %ld line?", "delete upload %lld ('%s') "
			    "and its %ld lines?", d.rows_deleted),
			    (long long)id, d.filename, d.rows_deleted);
		if ((rc = cli_confirm(ctx, q, "--yes", &yes, &ctx->err)) != 0)
			return rc;
		if (!yes) {
			cli_note(ctx, "%s", _("nothing deleted"));
			return 0;
		}
	}
	if ((rc = ayni_upload_delete(ctx->db, ctx->company.company_id, id,
	    ctx->actor.user_id, dry, &d, &ctx->err)) != 0)
		return rc;
	if ((rc = cli_writer(ctx, AYNI_WRITER_RECORD,
	    ayni_upload_deletion_columns, ayni_upload_deletion_ncolumns, &w))
	    == 0 && (rc = ayni_upload_deletion_write(&d, w, &ctx->err)) == 0)
		rc = ayni_writer_finish(w, &ctx->err);
	ayni_writer_free(w);
	return rc;
}

const struct cmd_entry cmd_uploads_cmds[] = {
	{ "list", cmd_uploads_list, CMD_DB | CMD_AUTH | CMD_COMPANY | CMD_DATA,
	    AYNI_PERM_VIEW, NULL, NULL, 0, 0,
	    N_("list the company's uploads, oldest first") },
	{ "show", cmd_uploads_show, CMD_DB | CMD_AUTH | CMD_COMPANY | CMD_DATA,
	    AYNI_PERM_VIEW, NULL, "ID", 1, 1,
	    N_("one upload with its dialect, changes per period and errors") },
	{ "delete", cmd_uploads_delete, CMD_DB | CMD_AUTH | CMD_COMPANY,
	    AYNI_PERM_DELETE_DATA, delete_opts, "ID", 1, 1,
	    N_("take back the lines an upload stored; the record stays") },
	{ NULL, NULL, 0, 0, NULL, NULL, 0, 0, NULL }
};
