/*
 * cmd_user.c - 'ayni user ...': accounts (add, list, show, passwd, remove,
 * unlock) and the single-use password reset and email verification tokens.
 *
 * Who may do what is decided here, from the actor the driver resolved:
 * a superuser administers every account; a company admin (manage users)
 * may add a new member to their company; everyone may see themselves and
 * change their own password.  Commands that read a password run their own
 * transaction after reading it, so the database is never locked while
 * someone types.
 */
#include <stdlib.h>
#include <string.h>

#include "ayni/rut.h"
#include "cli.h"

static void
free_secret(char *s)
{
	if (s != NULL) {
		ayni_wipe(s, strlen(s));
		free(s);
	}
}

/* msg: "permission denied: ... is for superusers", already translated. */
static int
need_superuser(struct cmd_ctx *ctx, const char *msg)
{
	return ayni_error_set(&ctx->err, AYNI_EPERM, "%s", msg);
}

/* "created user '%s', viewer of '%s'": the note for a new member. */
static void
note_created_member(struct cmd_ctx *ctx, ayni_role r, const char *email,
    const char *rut)
{
	switch (r) {
	case AYNI_ROLE_VIEWER:
		cli_note(ctx, _("created user '%s', viewer of '%s'"), email,
		    rut);
		return;
	case AYNI_ROLE_ANALYST:
		cli_note(ctx, _("created user '%s', analyst of '%s'"), email,
		    rut);
		return;
	case AYNI_ROLE_MANAGER:
		cli_note(ctx, _("created user '%s', manager of '%s'"), email,
		    rut);
		return;
	case AYNI_ROLE_ADMIN:
		cli_note(ctx, _("created user '%s', admin of '%s'"), email,
		    rut);
		return;
	case AYNI_ROLE_OWNER:
	case AYNI_ROLE_NONE:
		break;
	}
	cli_note(ctx, _("created user '%s', owner of '%s'"), email, rut);
}

static const struct opt_spec add_opts[] = {
	{ .name = "email", .kind = OPT_STR, .required = 1, .argname = "EMAIL",
	    .help = N_("login of the new user") },
	{ .name = "name", .kind = OPT_STR, .argname = "NAME",
	    .help = N_("display name") },
	{ .name = "role", .kind = OPT_CHOICE, .choices = cli_roles,
	    .help = N_("with --company: add the user to it with this role") },
	{ .name = "superuser", .kind = OPT_FLAG,
	    .help = N_("make the new user a superuser") },
	{ .name = "password-stdin", .kind = OPT_FLAG,
	    .help = N_("read the password from standard input, not the terminal") },
	{ .name = NULL }
};

static int
cmd_user_add(struct cmd_ctx *ctx)
{
	const char *email = opt_get(ctx, "email"), *role_s = opt_get(ctx,
	    "role");
	int member = role_s != NULL || ctx->company_arg != NULL;
	int super = opt_has(ctx, "superuser");
	ayni_membership m;
	ayni_role role = AYNI_ROLE_NONE;
	char norm[256], rut[AYNI_RUT_MAX], *pw = NULL;
	int64_t uid;
	int rc;

	if ((rc = ayni_email_normalize(email, norm, sizeof(norm), &ctx->err))
	    != 0)
		return rc;
	if (super && !ctx->actor.is_superuser)
		return need_superuser(ctx, _("permission denied: "
		    "'--superuser' is for superusers"));
	if (member) {
		/*
		 * The company is resolved here rather than by the driver
		 * (CMD_COMPANY) because a superuser adds users without
		 * belonging to any company.
		 */
		if (role_s == NULL)
			return ayni_error_set(&ctx->err, AYNI_EUSAGE, "%s",
			    _("give the new member's --role ROLE"));
		if ((rc = ayni_role_parse(role_s, &role, &ctx->err)) != 0)
			return rc;
		if ((rc = ayni_company_resolve(ctx->db, &ctx->actor,
		    ctx->company_arg, &m, &ctx->err)) != 0)
			return rc;
		if ((rc = ayni_membership_check(&m, AYNI_PERM_MANAGE_USERS,
		    &ctx->err)) != 0)
			return rc;
		/* An admin must not create someone with more rights. */
		if (role == AYNI_ROLE_OWNER && m.role != AYNI_ROLE_OWNER) {
			ayni_rut_display(m.rut, rut);
			return ayni_error_set(&ctx->err, AYNI_EPERM,
			    _("permission denied: only an owner of '%s' adds "
			    "an owner"), rut);
		}
	} else if (!ctx->actor.is_superuser)
		return ayni_error_set(&ctx->err, AYNI_EPERM, "%s",
		    _("permission denied: 'ayni user add' is for superusers; "
		    "a company admin adds a member with --company RUT "
		    "--role ROLE"));
	if ((rc = cli_read_secret(ctx, _("password of the new user: "), 1,
	    &pw, &ctx->err)) != 0)
		return rc;
	if ((rc = ayni_db_begin(ctx->db, &ctx->err)) != 0)
		goto out;
	rc = ayni_user_create(ctx->db, norm, opt_get(ctx, "name"), pw, super,
	    &uid, &ctx->err);
	if (rc == AYNI_EEXISTS && member)
		ayni_error_set(&ctx->err, rc, _("user '%s' already exists: "
		    "add them with 'ayni company member add'"), norm);
	if (rc == 0 && member)
		rc = ayni_member_add(ctx->db, m.company_id, uid, role,
		    &ctx->err);
	if (rc == 0)
		rc = ayni_db_commit(ctx->db, &ctx->err);
	else
		ayni_db_rollback(ctx->db);
	if (rc == 0 && member) {
		ayni_rut_display(m.rut, rut);
		note_created_member(ctx, role, norm, rut);
	} else if (rc == 0)
		cli_note(ctx, super ? _("created superuser '%s'") :
		    _("created user '%s'"), norm);
out:
	free_secret(pw);
	return rc;
}

static int
user_rows(struct cmd_ctx *ctx, const char *email, int shape)
{
	ayni_writer *w = NULL;
	int rc;

	if ((rc = cli_writer(ctx, shape, ayni_user_columns, ayni_user_ncolumns,
	    &w)) == 0 &&
	    (rc = ayni_user_list(ctx->db, email, w, &ctx->err)) == 0)
		rc = ayni_writer_finish(w, &ctx->err);
	ayni_writer_free(w);
	return rc;
}

static int
cmd_user_list(struct cmd_ctx *ctx)
{
	return user_rows(ctx, NULL, AYNI_WRITER_LIST);
}

/* Whether email (NULL: the caller) is the caller; -1 if it is invalid. */
static int
is_self(struct cmd_ctx *ctx, const char *email)
{
	char norm[256];

	if (email == NULL)
		return 1;
	if (ayni_email_normalize(email, norm, sizeof(norm), &ctx->err) != 0)
		return -1;
	return strcmp(norm, ctx->actor.email) == 0;
}

static int
cmd_user_show(struct cmd_ctx *ctx)
{
	const char *email = ctx->o.nargs > 0 ? ctx->o.args[0] : NULL;
	int self = is_self(ctx, email);

	if (self < 0)
		return ctx->err.code;
	if (!self && !ctx->actor.is_superuser)
		return need_superuser(ctx, _("permission denied: showing "
		    "another user is for superusers"));
	return user_rows(ctx, self ? ctx->actor.email : email,
	    AYNI_WRITER_RECORD);
}

static const struct opt_spec passwd_opts[] = {
	{ .name = "password-stdin", .kind = OPT_FLAG,
	    .help = N_("read the passwords from standard input, one a line") },
	{ .name = NULL }
};

static int
cmd_user_passwd(struct cmd_ctx *ctx)
{
	const char *email = ctx->o.nargs > 0 ? ctx->o.args[0] : NULL;
	char *cur = NULL, *pw = NULL;
	int64_t uid, checked;
	int rc, self = is_self(ctx, email);

	if (self < 0)
		return ctx->err.code;
	if (!self && !ctx->actor.is_superuser)
		return need_superuser(ctx, _("permission denied: changing "
		    "another user's password is for superusers"));
	if (self) {
		uid = ctx->actor.user_id;
		if ((rc = cli_read_secret(ctx, _("current password: "), 0,
		    &cur, &ctx->err)) != 0)
			return rc;
		/* Counts as a login attempt: a session cannot guess freely. */
		rc = ayni_login(ctx->db, ctx->actor.email, cur, NULL, 0,
		    &checked, &ctx->err);
		free_secret(cur);
		if (rc != 0)
			return rc;
	} else if ((rc = ayni_user_find(ctx->db, email, &uid, &ctx->err)) != 0)
		return rc;
	if ((rc = cli_read_secret(ctx, _("new password: "), 1, &pw,
	    &ctx->err)) != 0)
		return rc;
	if ((rc = ayni_db_begin(ctx->db, &ctx->err)) != 0)
		goto out;
	rc = ayni_password_set(ctx->db, uid, pw, &ctx->err);
	/*
	 * Changing one's own password ends one's other logins (API tokens
	 * stay, or cron would break); a superuser setting someone's
	 * password is a recovery, so that user's tokens end too.
	 */
	if (rc == 0)
		rc = ayni_sessions_revoke(ctx->db, uid, self ?
		    AYNI_REVOKE_SESSIONS : AYNI_REVOKE_SESSIONS |
		    AYNI_REVOKE_API, self ? ctx->actor.session_id : 0,
		    &ctx->err);
	if (rc == 0)
		rc = ayni_db_commit(ctx->db, &ctx->err);
	else
		ayni_db_rollback(ctx->db);
	if (rc == 0 && self)
		cli_note(ctx, "%s", _("password changed; your other sessions "
		    "are logged out"));
	else if (rc == 0)
		cli_note(ctx, _("password of '%s' changed; their sessions and "
		    "tokens are revoked"), email);
out:
	free_secret(pw);
	return rc;
}

static int
cmd_user_remove(struct cmd_ctx *ctx)
{
	int64_t uid;
	int rc;

	if ((rc = ayni_user_find(ctx->db, ctx->o.args[0], &uid, &ctx->err))
	    != 0 || (rc = ayni_user_deactivate(ctx->db, uid, &ctx->err)) != 0)
		return rc;
	cli_note(ctx, _("user '%s' deactivated; their sessions and tokens "
	    "are revoked"), ctx->o.args[0]);
	return 0;
}

static int
cmd_user_restore(struct cmd_ctx *ctx)
{
	int64_t uid;
	int rc;

	if ((rc = ayni_user_find(ctx->db, ctx->o.args[0], &uid, &ctx->err))
	    != 0 || (rc = ayni_user_reactivate(ctx->db, uid, &ctx->err)) != 0)
		return rc;
	cli_note(ctx, _("user '%s' reactivated: they log in with their "
	    "password"), ctx->o.args[0]);
	return 0;
}

static int
cmd_user_unlock(struct cmd_ctx *ctx)
{
	int64_t uid;
	int rc;

	if ((rc = ayni_user_find(ctx->db, ctx->o.args[0], &uid, &ctx->err))
	    != 0 || (rc = ayni_user_unlock(ctx->db, uid, &ctx->err)) != 0)
		return rc;
	cli_note(ctx, _("user '%s' unlocked"), ctx->o.args[0]);
	return 0;
}

static const struct opt_spec request_opts[] = {
	{ .name = "email", .kind = OPT_STR, .required = 1, .argname = "EMAIL",
	    .help = N_("the user the token is for") },
	{ .name = NULL }
};

/* Print {email, token, expires_at} of a new single-use token. */
static int
request(struct cmd_ctx *ctx, int reset)
{
	static const ayni_column cols[] = {
		{ "email", AYNI_T_TEXT },
		{ "token", AYNI_T_TEXT },
		{ "expires_at", AYNI_T_TEXT },
	};
	const char *email = opt_get(ctx, "email");
	char norm[256], token[AYNI_TOKEN_LEN + 1], exp[20];
	ayni_value vals[3];
	ayni_writer *w = NULL;
	int rc;

	if ((rc = ayni_email_normalize(email, norm, sizeof(norm), &ctx->err))
	    != 0)
		return rc;
	rc = reset ? ayni_reset_request(ctx->db, norm, token, exp, &ctx->err) :
	    ayni_verify_request(ctx->db, norm, token, exp, &ctx->err);
	if (rc != 0)
		return rc;
	vals[0] = ayni_v_text(norm);
	vals[1] = ayni_v_text(token);
	vals[2] = ayni_v_text(exp);
	if ((rc = cli_writer(ctx, AYNI_WRITER_RECORD, cols, 3, &w)) == 0 &&
	    (rc = ayni_writer_row(w, vals, &ctx->err)) == 0)
		rc = ayni_writer_finish(w, &ctx->err);
	ayni_writer_free(w);
	ayni_wipe(token, sizeof(token));
	return rc;
}

static int
cmd_user_reset_request(struct cmd_ctx *ctx)
{
	return request(ctx, 1);
}

static int
cmd_user_verify_request(struct cmd_ctx *ctx)
{
	return request(ctx, 0);
}

/*
 * The token is read, never taken from argv (ps shows argv): from the
 * terminal, or the first line of standard input.
 */
static const struct opt_spec reset_opts[] = {
	{ .name = "password-stdin", .kind = OPT_FLAG,
	    .help = N_("read the token, then the new password, from standard input") },
	{ .name = NULL }
};

static int
cmd_user_reset(struct cmd_ctx *ctx)
{
	char email[256] = "", *pw = NULL, *token = NULL;
	int rc;

	if ((rc = cli_read_token(ctx, _("reset token: "), &token,
	    &ctx->err)) != 0)
		return rc;
	if ((rc = cli_read_secret(ctx, _("new password: "), 1, &pw,
	    &ctx->err)) != 0) {
		free_secret(token);
		return rc;
	}
	rc = ayni_reset_consume(ctx->db, token, pw, email, &ctx->err);
	free_secret(token);
	free_secret(pw);
	if (rc == 0)
		cli_note(ctx, _("password of '%s' changed: log in with 'ayni "
		    "login --email %s'"), email, email);
	return rc;
}

static int
cmd_user_verify(struct cmd_ctx *ctx)
{
	char email[256] = "", *token = NULL;
	int rc;

	if ((rc = cli_read_token(ctx, _("verification token: "), &token,
	    &ctx->err)) != 0)
		return rc;
	rc = ayni_verify_consume(ctx->db, token, email, &ctx->err);
	free_secret(token);
	if (rc == 0)
		cli_note(ctx, _("email '%s' verified"), email);
	return rc;
}

#define SU	(CMD_DB | CMD_AUTH | CMD_SUPERUSER)

const struct cmd_entry cmd_user_cmds[] = {
	{ "add", cmd_user_add, CMD_DB | CMD_AUTH, AYNI_PERM_NONE, add_opts,
	    NULL, 0, 0, N_("create a user (superuser, or a company admin adding "
	    "a member)") },
	{ "list", cmd_user_list, SU, AYNI_PERM_NONE, NULL, NULL, 0, 0,
	    N_("list every user") },
	{ "show", cmd_user_show, CMD_DB | CMD_AUTH, AYNI_PERM_NONE, NULL,
	    "EMAIL", 0, 1, N_("show a user (default: yourself)") },
	{ "passwd", cmd_user_passwd, CMD_DB | CMD_AUTH, AYNI_PERM_NONE,
	    passwd_opts, "EMAIL", 0, 1,
	    N_("change your password, or (superuser) another user's") },
	{ "remove", cmd_user_remove, SU | CMD_TXN, AYNI_PERM_NONE, NULL,
	    "EMAIL", 1, 1, N_("deactivate a user and revoke their sessions") },
	{ "restore", cmd_user_restore, SU | CMD_TXN, AYNI_PERM_NONE, NULL,
	    "EMAIL", 1, 1, N_("reactivate a removed user") },
	{ "unlock", cmd_user_unlock, SU | CMD_TXN, AYNI_PERM_NONE, NULL,
	    "EMAIL", 1, 1, N_("end a lockout after failed logins") },
	{ "reset-request", cmd_user_reset_request, SU | CMD_TXN,
	    AYNI_PERM_NONE, request_opts, NULL, 0, 0,
	    N_("make a password reset token (valid 1 hour) and print it") },
	{ "reset", cmd_user_reset, CMD_DB, AYNI_PERM_NONE, reset_opts, NULL, 0,
	    0, N_("set a new password with a reset token") },
	{ "verify-request", cmd_user_verify_request, SU | CMD_TXN,
	    AYNI_PERM_NONE, request_opts, NULL, 0, 0,
	    N_("make an email verification token (valid 24 hours) and print it") },
	{ "verify", cmd_user_verify, CMD_DB, AYNI_PERM_NONE, NULL, NULL,
	    0, 0, N_("mark an email verified with its token") },
	{ NULL, NULL, 0, 0, NULL, NULL, 0, 0, NULL }
};
