/*
 * cmd_token.c - 'ayni token create|list|revoke': named API tokens for
 * scripts (cron), used through $AYNI_TOKEN and acting with the rights of
 * the user who created them.
 *
 * A token is printed once, by 'create'; the database keeps only its hash,
 * so nothing here can show it again.
 */
#include <string.h>
#include <unistd.h>

#include "cli.h"

static const struct opt_spec create_opts[] = {
	{ .name = "name", .kind = OPT_STR, .required = 1, .argname = "NAME",
	    .help = N_("what the token is for: 'nightly-upload'") },
	{ .name = "expires", .kind = OPT_INT, .argname = "DAYS",
	    .min = 1, .max = AYNI_API_TOKEN_MAX_DAYS,
	    .help = N_("valid this many days, default 365") },
	{ .name = NULL }
};

static int
cmd_token_create(struct cmd_ctx *ctx)
{
	static const ayni_column cols[] = {
		{ "name", AYNI_T_TEXT },
		{ "token", AYNI_T_TEXT },
		{ "expires_at", AYNI_T_TEXT },
	};
	const char *name = opt_get(ctx, "name");
	char token[AYNI_TOKEN_LEN + 1], expires_at[20];
	ayni_value vals[3];
	ayni_writer *w = NULL;
	int days = (int)opt_int(ctx, "expires", AYNI_API_TOKEN_DAYS);
	int rc;

	/*
	 * A leaked API token must not be able to outlive its revocation by
	 * minting others: only a login session creates tokens.
	 */
	if (ctx->actor.is_api)
		return ayni_error_set(&ctx->err, AYNI_EPERM, "%s",
		    _("permission denied: an API token cannot create tokens; "
		    "log in with 'ayni login'"));
	if ((rc = ayni_apitoken_create(ctx->db, ctx->actor.user_id, name,
	    days, token, expires_at, &ctx->err)) != 0)
		return rc;
	/*
	 * For a script ('ayni token create --name cron > file'): the bare
	 * token, which AYNI_TOKEN=$(cat file) can use; --format for more.
	 */
	if (!ctx->format_explicit && !isatty(STDOUT_FILENO)) {
		fprintf(ctx->out, "%s\n", token);
		ayni_wipe(token, sizeof(token));
		cli_note(ctx, _("token '%s' created, valid until %s: it is "
		    "shown only this once; use it as AYNI_TOKEN"), name,
		    expires_at);
		return 0;
	}
	vals[0] = ayni_v_text(name);
	vals[1] = ayni_v_text(token);
	vals[2] = ayni_v_text(expires_at);
	if ((rc = cli_writer(ctx, AYNI_WRITER_RECORD, cols, 3, &w)) == 0 &&
	    (rc = ayni_writer_row(w, vals, &ctx->err)) == 0)
		rc = ayni_writer_finish(w, &ctx->err);
	ayni_writer_free(w);
	ayni_wipe(token, sizeof(token));
	if (rc == 0)
		cli_note(ctx, _("token '%s' created: it is shown only this "
		    "once; use it as AYNI_TOKEN"), name);
	return rc;
}

static int
cmd_token_list(struct cmd_ctx *ctx)
{
	ayni_writer *w = NULL;
	int rc;

	if ((rc = cli_writer(ctx, AYNI_WRITER_LIST, ayni_apitoken_columns,
	    ayni_apitoken_ncolumns, &w)) == 0 &&
	    (rc = ayni_apitoken_list(ctx->db, ctx->actor.user_id, w,
	    &ctx->err)) == 0)
		rc = ayni_writer_finish(w, &ctx->err);
	ayni_writer_free(w);
	return rc;
}

static int
cmd_token_revoke(struct cmd_ctx *ctx)
{
	int rc;

	if ((rc = ayni_apitoken_revoke(ctx->db, ctx->actor.user_id,
	    ctx->o.args[0], &ctx->err)) == 0)
		cli_note(ctx, _("token '%s' revoked"), ctx->o.args[0]);
	return rc;
}

const struct cmd_entry cmd_token_cmds[] = {
	{ "create", cmd_token_create, CMD_DB | CMD_AUTH | CMD_TXN,
	    AYNI_PERM_NONE, create_opts, NULL, 0, 0,
	    N_("create an API token and print it once") },
	{ "list", cmd_token_list, CMD_DB | CMD_AUTH, AYNI_PERM_NONE, NULL,
	    NULL, 0, 0, N_("list your API tokens that are not revoked") },
	{ "revoke", cmd_token_revoke, CMD_DB | CMD_AUTH | CMD_TXN,
	    AYNI_PERM_NONE, NULL, "NAME", 1, 1, N_("revoke an API token") },
	{ NULL, NULL, 0, 0, NULL, NULL, 0, 0, NULL }
};
