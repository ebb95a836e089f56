/*
 * cmd_login.c - 'ayni login', 'ayni logout' and 'ayni whoami': starting,
 * ending and showing the session kept in the token file of a database.
 *
 * The checks (password, lockout, expiry) are in the core (src/lib/auth.c);
 * this file only reads the password and moves the token between the core
 * and the token file.  It never prints a token.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ayni/rut.h"
#include "cli.h"

static const struct opt_spec login_opts[] = {
	{ .name = "email", .kind = OPT_STR, .required = 1, .argname = "EMAIL",
	    .help = N_("who logs in") },
	{ .name = "password-stdin", .kind = OPT_FLAG,
	    .help = N_("read the password from standard input, not the terminal") },
	{ .name = NULL }
};

static int
cmd_login(struct cmd_ctx *ctx)
{
	const char *email = opt_get(ctx, "email");
	char norm[256], host[256] = "", old[AYNI_TOKEN_LEN + 1];
	char *pw = NULL;
	int64_t uid;
	int rc, had;

	if ((rc = ayni_email_normalize(email, norm, sizeof(norm), &ctx->err))
	    != 0)
		return rc;
	if ((rc = cli_read_secret(ctx, _("password: "), 0, &pw, &ctx->err))
	    != 0)
		return rc;
	gethostname(host, sizeof(host) - 1);
	rc = ayni_login(ctx->db, norm, pw, host, 1, &uid, &ctx->err);
	ayni_wipe(pw, strlen(pw));
	free(pw);
	if (rc != 0)
		return rc;
	/*
	 * The session this file held before is over: end it for good, but
	 * only once the new one is stored and its token kept.
	 */
	had = ayni_token_file_read(ayni_db_path(ctx->db), old, NULL) == 0;
	if ((rc = cli_session_start(ctx, uid)) == 0 && had)
		(void)ayni_session_end(ctx->db, old, NULL);
	ayni_wipe(old, sizeof(old));
	if (rc != 0)
		return rc;
	cli_note(ctx, P_("logged in as '%s' (for %d day, or until 'ayni "
	    "logout')", "logged in as '%s' (for %d days, or until 'ayni "
	    "logout')", AYNI_SESSION_DAYS), norm, AYNI_SESSION_DAYS);
	return 0;
}

static int
cmd_logout(struct cmd_ctx *ctx)
{
	char token[AYNI_TOKEN_LEN + 1];
	const char *env = getenv("AYNI_TOKEN"), *tok = NULL;
	int rc, from_file = 0;

	if (env != NULL && env[0] != '\0')
		tok = env;
	else if (ayni_token_file_read(ayni_db_path(ctx->db), token, NULL)
	    == 0) {
		tok = token;
		from_file = 1;
	}
	if (tok == NULL) {
		cli_note(ctx, "%s", _("not logged in"));
		return 0;
	}
	rc = ayni_session_end(ctx->db, tok, &ctx->err);
	ayni_wipe(token, sizeof(token));
	/* A session the database no longer knows is over all the same. */
	if (rc == AYNI_ENOTFOUND)
		rc = 0;
	if (rc == 0 && from_file)
		rc = ayni_token_file_remove(ayni_db_path(ctx->db), &ctx->err);
	if (rc == 0)
		cli_note(ctx, "%s", _("logged out"));
	return rc;
}

static int
cmd_whoami(struct cmd_ctx *ctx)
{
	ayni_membership m;
	ayni_writer *w = NULL;
	ayni_error e;
	char rut[AYNI_RUT_MAX];
	int rc, have;

	/*
	 * The company a command would use now (--company, 'company use' or
	 * the only one), so a person or a script sees whose data comes next;
	 * none chosen is not an error here.
	 */
	have = ayni_company_resolve(ctx->db, &ctx->actor, ctx->company_arg,
	    &m, &e) == 0;
	if (have)
		ayni_rut_display(m.rut, rut);
	if ((rc = cli_writer(ctx, AYNI_WRITER_RECORD, ayni_whoami_columns,
	    ayni_whoami_ncolumns, &w)) == 0 &&
	    (rc = ayni_whoami(ctx->db, &ctx->actor, have ? rut : NULL,
	    have ? m.name : NULL, have ? ayni_role_name(m.role) : NULL, w,
	    &ctx->err)) == 0)
		rc = ayni_writer_finish(w, &ctx->err);
	ayni_writer_free(w);
	return rc;
}

const struct cmd_entry cmd_login_cmds[] = {
	{ NULL, cmd_login, CMD_DB, AYNI_PERM_NONE, login_opts, NULL, 0, 0,
	    N_("log in to the database and keep the session in the token file") },
	{ NULL, NULL, 0, 0, NULL, NULL, 0, 0, NULL }
};

const struct cmd_entry cmd_logout_cmds[] = {
	{ NULL, cmd_logout, CMD_DB, AYNI_PERM_NONE, NULL, NULL, 0, 0,
	    N_("end the session and remove its token file") },
	{ NULL, NULL, 0, 0, NULL, NULL, 0, 0, NULL }
};

const struct cmd_entry cmd_whoami_cmds[] = {
	{ NULL, cmd_whoami, CMD_DB | CMD_AUTH, AYNI_PERM_NONE, NULL, NULL, 0, 0,
	    N_("show who the session or API token belongs to") },
	{ NULL, NULL, 0, 0, NULL, NULL, 0, 0, NULL }
};
