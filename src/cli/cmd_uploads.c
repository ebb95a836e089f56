/*
 * cmd_uploads.c - 'ayni uploads list|show|delete': the history of a
 * company's uploads, what each changed, and taking one back.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>

#include "ayni/upload.h"
#include "cli.h"

static int
upload_id(struct cmd_ctx *ctx, int64_t *out)
{
	const char *s = ctx->o.args[0];
	char *end;
	long long v;

	errno = 0;
	v = strtoll(s, &end, 10);
	if (errno != 0 || end == s || *end != '\0' || v <= 0)
		return ayni_error_set(&ctx->err, AYNI_EUSAGE,
		    "invalid upload id '%s': expected a positive number", s);
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
	int64_t id;
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

static int
cmd_uploads_delete(struct cmd_ctx *ctx)
{
	int64_t id;
	long n;
	int rc;

	if ((rc = upload_id(ctx, &id)) != 0)
		return rc;
	if ((rc = ayni_upload_delete(ctx->db, ctx->company.company_id, id, &n,
	    &ctx->err)) == 0)
		cli_note(ctx, "deleted upload %" PRId64 " and its %ld lines",
		    id, n);
	return rc;
}

const struct cmd_entry cmd_uploads_cmds[] = {
	{ "list", cmd_uploads_list, CMD_DB | CMD_AUTH | CMD_COMPANY | CMD_DATA,
	    AYNI_PERM_VIEW, NULL, NULL, 0, 0,
	    "list the company's uploads, oldest first" },
	{ "show", cmd_uploads_show, CMD_DB | CMD_AUTH | CMD_COMPANY | CMD_DATA,
	    AYNI_PERM_VIEW, NULL, "ID", 1, 1,
	    "one upload with its dialect, changes per period and errors" },
	{ "delete", cmd_uploads_delete, CMD_DB | CMD_AUTH | CMD_COMPANY,
	    AYNI_PERM_DELETE_DATA, NULL, "ID", 1, 1,
	    "remove an upload and every line it stored" },
	{ NULL, NULL, 0, 0, NULL, NULL, 0, 0, NULL }
};
