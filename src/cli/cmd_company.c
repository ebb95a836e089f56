/*
 * cmd_company.c - 'ayni company': companies, the session's default company
 * and members (docs/contract.md §4).  The rules live in the core (company.c);
 * this file reads options, selects the company, and hands rows to the writer.
 *
 * Most verbs name their company with a RUT argument: their entries carry
 * CMD_COMPANY_ARG, and the driver selects that company and checks the
 * permission.  'company member' has verbs of its own (add, list, role,
 * remove), each with its permission and the RUT second: a small table
 * below, dispatched by cmd_company_member(), which selects the company
 * with company_select() the way the driver does.
 */
#include <string.h>

#include "cli.h"

/*
 * Select the company named by rut (else --company, the session's choice,
 * the only company) and check that the caller's role there allows perm.
 * A company the caller is not a member of is 77 whether it exists or not.
 */
static int
company_select(struct cmd_ctx *ctx, const char *rut, ayni_perm perm)
{
	int rc;

	if ((rc = ayni_company_resolve(ctx->db, &ctx->actor,
	    rut != NULL ? rut : ctx->company_arg, &ctx->company, &ctx->err)) !=
	    0)
		return rc;
	return ayni_membership_check(&ctx->company, perm, &ctx->err);
}

static int
parse_onoff(struct cmd_ctx *ctx, int *out)
{
	const char *v = opt_get(ctx, "benchmark");

	*out = -1;
	if (v == NULL)
		return 0;
	if (strcmp(v, "on") == 0)
		*out = 1;
	else if (strcmp(v, "off") == 0)
		*out = 0;
	else
		return ayni_error_set(&ctx->err, AYNI_EUSAGE,
		    "invalid --benchmark '%s': use on or off", v);
	return 0;
}

static int
read_fields(struct cmd_ctx *ctx, ayni_company_fields *f)
{
	f->name = opt_get(ctx, "name");
	f->industry = opt_get(ctx, "industry");
	f->size = opt_get(ctx, "size");
	return parse_onoff(ctx, &f->benchmark);
}

/* A RUT typed on the command line: a bad one is a usage error. */
static int
usage_rc(int rc)
{
	return rc == AYNI_EDATA ? AYNI_EUSAGE : rc;
}

static int
cmd_company_add(struct cmd_ctx *ctx)
{
	const char *rut = opt_get(ctx, "rut");
	char canon[AYNI_RUT_MAX], disp[AYNI_RUT_MAX];
	ayni_company_fields f;
	int rc;

	if (rut == NULL || opt_get(ctx, "name") == NULL)
		return ayni_error_set(&ctx->err, AYNI_EUSAGE,
		    "'company add' needs --rut RUT and --name NAME");
	if ((rc = read_fields(ctx, &f)) != 0)
		return rc;
	if ((rc = ayni_rut_parse(rut, canon, &ctx->err)) != 0)
		return usage_rc(rc);
	if ((rc = ayni_company_create(ctx->db, ctx->actor.user_id, canon, &f,
	    NULL, &ctx->err)) != 0)
		return rc;
	ayni_rut_display(canon, disp);
	cli_note(ctx, "added company '%s': you are its owner", disp);
	return 0;
}

static int
cmd_company_list(struct cmd_ctx *ctx)
{
	ayni_writer *w = NULL;
	int all = opt_has(ctx, "all") != 0, rc;

	if (all && !ctx->actor.is_superuser)
		return ayni_error_set(&ctx->err, AYNI_EPERM, "permission "
		    "denied: 'ayni company list --all' is for superusers");
	if ((rc = cli_writer(ctx, AYNI_WRITER_LIST, ayni_company_columns,
	    AYNI_COMPANY_NCOLS + all, &w)) != 0)
		return rc;
	if ((rc = ayni_company_list(ctx->db, &ctx->actor, all, w, &ctx->err))
	    == 0)
		rc = ayni_writer_finish(w, &ctx->err);
	ayni_writer_free(w);
	return rc;
}

static int
cmd_company_show(struct cmd_ctx *ctx)
{
	ayni_writer *w = NULL;
	int rc;

	if ((rc = cli_writer(ctx, AYNI_WRITER_RECORD, ayni_company_columns,
	    AYNI_COMPANY_NCOLS, &w)) != 0)
		return rc;
	if ((rc = ayni_company_show(ctx->db, &ctx->company, w, &ctx->err)) == 0)
		rc = ayni_writer_finish(w, &ctx->err);
	ayni_writer_free(w);
	return rc;
}

static int
cmd_company_edit(struct cmd_ctx *ctx)
{
	char disp[AYNI_RUT_MAX];
	ayni_company_fields f;
	int rc;

	if ((rc = read_fields(ctx, &f)) != 0)
		return rc;
	if ((rc = ayni_company_update(ctx->db, ctx->company.company_id, &f,
	    &ctx->err)) != 0)
		return rc;
	ayni_rut_display(ctx->company.rut, disp);
	cli_note(ctx, "changed company '%s'", disp);
	return 0;
}

static int
cmd_company_remove(struct cmd_ctx *ctx)
{
	char disp[AYNI_RUT_MAX];
	int rc;

	if ((rc = ayni_company_remove(ctx->db, &ctx->company, &ctx->err)) != 0)
		return rc;
	ayni_rut_display(ctx->company.rut, disp);
	cli_note(ctx, "removed company '%s': its data is kept, and a "
	    "superuser can restore it", disp);
	return 0;
}

static int
cmd_company_restore(struct cmd_ctx *ctx)
{
	char disp[AYNI_RUT_MAX];
	ayni_company c;
	int rc;

	if ((rc = ayni_company_restore(ctx->db, &ctx->actor, ctx->o.args[0],
	    &c, &ctx->err)) != 0)
		return usage_rc(rc);
	ayni_rut_display(c.rut, disp);
	cli_note(ctx, "restored company '%s'", disp);
	return 0;
}

static int
cmd_company_use(struct cmd_ctx *ctx)
{
	char disp[AYNI_RUT_MAX];
	int rc, is_api = 0;

	if ((rc = ayni_company_use(ctx->db, &ctx->actor,
	    ctx->company.company_id, &is_api, &ctx->err)) != 0)
		return rc;
	ayni_rut_display(ctx->company.rut, disp);
	cli_note(ctx, "using company '%s' by default %s", disp, is_api ?
	    "for every command run with this API token" : "in this session");
	return 0;
}

/* 'company member VERB RUT': the verbs, each with what it needs. */
static int	member_add(struct cmd_ctx *, const char *, ayni_role);
static int	member_list(struct cmd_ctx *, const char *, ayni_role);
static int	member_role(struct cmd_ctx *, const char *, ayni_role);
static int	member_remove(struct cmd_ctx *, const char *, ayni_role);

static const struct member_verb {
	const char	*name;
	int		(*fn)(struct cmd_ctx *, const char *email,
			    ayni_role role);
	ayni_perm	 perm;
	int		 email, role;	/* needs --email, --role */
} member_verbs[] = {
	{ "add", member_add, AYNI_PERM_MANAGE_USERS, 1, 1 },
	{ "list", member_list, AYNI_PERM_VIEW, 0, 0 },
	{ "role", member_role, AYNI_PERM_MANAGE_USERS, 1, 1 },
	{ "remove", member_remove, AYNI_PERM_MANAGE_USERS, 1, 0 },
	{ NULL, NULL, AYNI_PERM_NONE, 0, 0 }
};

static int
member_add(struct cmd_ctx *ctx, const char *email, ayni_role role)
{
	char disp[AYNI_RUT_MAX];
	ayni_role had;
	int64_t uid;
	int rc;

	if ((rc = ayni_member_find(ctx->db, ctx->company.company_id, email,
	    &uid, &had, &ctx->err)) != 0)
		return rc;
	ayni_rut_display(ctx->company.rut, disp);
	if (had != AYNI_ROLE_NONE)
		return ayni_error_set(&ctx->err, AYNI_EEXISTS, "'%s' is "
		    "already a %s of '%s': use 'ayni company member role'",
		    email, ayni_role_name(had), disp);
	if ((rc = ayni_member_may_assign(&ctx->company, AYNI_ROLE_NONE, role,
	    &ctx->err)) != 0)
		return rc;
	if ((rc = ayni_member_add(ctx->db, ctx->company.company_id, uid, role,
	    &ctx->err)) != 0)
		return rc;
	cli_note(ctx, "'%s' is now %s %s of '%s'", email,
	    ayni_role_article(role), ayni_role_name(role),
	    disp);
	return 0;
}

static int
member_list(struct cmd_ctx *ctx, const char *email, ayni_role role)
{
	ayni_writer *w = NULL;
	int rc;

	(void)email;
	(void)role;
	if ((rc = cli_writer(ctx, AYNI_WRITER_LIST, ayni_member_columns,
	    AYNI_MEMBER_NCOLS, &w)) != 0)
		return rc;
	if ((rc = ayni_member_list(ctx->db, ctx->company.company_id, w,
	    &ctx->err)) == 0)
		rc = ayni_writer_finish(w, &ctx->err);
	ayni_writer_free(w);
	return rc;
}

/* The user id of a member, for role and remove. */
static int
find_member(struct cmd_ctx *ctx, const char *email, int64_t *uid)
{
	char disp[AYNI_RUT_MAX];
	ayni_role had;
	int rc;

	if ((rc = ayni_member_find(ctx->db, ctx->company.company_id, email,
	    uid, &had, &ctx->err)) != 0)
		return rc;
	ayni_rut_display(ctx->company.rut, disp);
	if (had == AYNI_ROLE_NONE)
		return ayni_error_set(&ctx->err, AYNI_ENOTFOUND,
		    "'%s' is not a member of '%s'", email, disp);
	return 0;
}

static int
member_role(struct cmd_ctx *ctx, const char *email, ayni_role role)
{
	char disp[AYNI_RUT_MAX];
	int64_t uid;
	int rc;

	if ((rc = find_member(ctx, email, &uid)) != 0)
		return rc;
	if ((rc = ayni_member_set_role(ctx->db, &ctx->company, uid, role,
	    &ctx->err)) != 0)
		return rc;
	ayni_rut_display(ctx->company.rut, disp);
	cli_note(ctx, "'%s' is now %s %s of '%s'", email,
	    ayni_role_article(role), ayni_role_name(role),
	    disp);
	return 0;
}

static int
member_remove(struct cmd_ctx *ctx, const char *email, ayni_role role)
{
	char disp[AYNI_RUT_MAX];
	int64_t uid;
	int rc;

	(void)role;
	if ((rc = find_member(ctx, email, &uid)) != 0)
		return rc;
	if ((rc = ayni_member_remove(ctx->db, &ctx->company, uid, &ctx->err))
	    != 0)
		return rc;
	ayni_rut_display(ctx->company.rut, disp);
	cli_note(ctx, "'%s' is no longer a member of '%s'", email, disp);
	return 0;
}

static int
cmd_company_member(struct cmd_ctx *ctx)
{
	const struct member_verb *v;
	const char *verb = ctx->o.args[0], *email = opt_get(ctx, "email");
	const char *rolename = opt_get(ctx, "role");
	ayni_role role = AYNI_ROLE_NONE;
	int rc;

	for (v = member_verbs; v->name != NULL; v++)
		if (strcmp(v->name, verb) == 0)
			break;
	if (v->name == NULL)
		return ayni_error_set(&ctx->err, AYNI_EUSAGE, "unknown command "
		    "'ayni company member %s': use add, list, role or remove",
		    verb);
	if (v->email != (email != NULL) || v->role != (rolename != NULL))
		return ayni_error_set(&ctx->err, AYNI_EUSAGE,
		    "'company member %s' %s", v->name, !v->email ?
		    "takes no --email or --role" : v->role ?
		    "needs --email EMAIL and --role ROLE" :
		    "needs --email EMAIL and takes no --role");
	if (rolename != NULL &&
	    (rc = ayni_role_parse(rolename, &role, &ctx->err)) != 0)
		return rc;
	if ((rc = company_select(ctx, ctx->o.args[1], v->perm)) != 0)
		return rc;
	return v->fn(ctx, email, role);
}

static const struct opt_spec add_opts[] = {
	{ .name = "rut", .kind = OPT_STR, .argname = "RUT",
	    .help = "the company's RUT, e.g. 76.123.456-0" },
	{ .name = "name", .kind = OPT_STR, .argname = "NAME",
	    .help = "its name (at least 2 characters)" },
	{ .name = "industry", .kind = OPT_STR, .argname = "CODE",
	    .help = "retail, food, manufacturing, "
	    "services, technology, construction, agriculture, healthcare, "
	    "education or other (default)" },
	{ .name = "size", .kind = OPT_STR, .argname = "SIZE",
	    .help = "micro (default), small or medium" },
	{ .name = "benchmark", .kind = OPT_STR, .argname = "on|off",
	    .help = "take part in anonymous industry benchmarks (default off)" },
	{ .name = NULL }
};

static const struct opt_spec edit_opts[] = {
	{ .name = "name", .kind = OPT_STR, .argname = "NAME",
	    .help = "new name (at least 2 characters)" },
	{ .name = "industry", .kind = OPT_STR, .argname = "CODE",
	    .help = "new industry" },
	{ .name = "size", .kind = OPT_STR, .argname = "SIZE",
	    .help = "micro, small or medium" },
	{ .name = "benchmark", .kind = OPT_STR, .argname = "on|off",
	    .help = "take part in anonymous industry benchmarks" },
	{ .name = NULL }
};

static const struct opt_spec list_opts[] = {
	{ .name = "all", .kind = OPT_FLAG,
	    .help = "every company, removed ones too (superuser)" },
	{ .name = NULL }
};

static const struct opt_spec member_opts[] = {
	{ .name = "email", .kind = OPT_STR, .argname = "EMAIL",
	    .help = "the member (add, role, remove)" },
	{ .name = "role", .kind = OPT_STR, .argname = "ROLE",
	    .help = "owner, admin, manager, analyst or viewer (add, role)" },
	{ .name = NULL }
};

/*
 * SCOPED entries get their company, and their permission checked, from the
 * driver; 'member' names its RUT second and checks each verb's permission
 * itself (company_select).
 * If you add a verb, add it to ayni-company(1) and, when company-scoped,
 * a row to tests/cli/t032-permissions.sh.
 */
#define AUTH	(CMD_DB | CMD_AUTH)
/* The driver selects the company named by the RUT argument, else as usual. */
#define SCOPED	(AUTH | CMD_COMPANY | CMD_COMPANY_ARG)
const struct cmd_entry cmd_company_cmds[] = {
	{ "add", cmd_company_add, AUTH | CMD_TXN, AYNI_PERM_NONE, add_opts,
	    NULL, 0, 0, "register a company; you become its owner" },
	{ "list", cmd_company_list, AUTH, AYNI_PERM_NONE, list_opts, NULL, 0,
	    0, "the companies you are a member of, with your role" },
	{ "show", cmd_company_show, SCOPED, AYNI_PERM_VIEW, NULL, "RUT", 0, 1,
	    "show a company (default: the selected one)" },
	{ "edit", cmd_company_edit, SCOPED | CMD_TXN, AYNI_PERM_MANAGE_COMPANY,
	    edit_opts, "RUT", 1, 1, "change a company's name, industry, size "
	    "or benchmark choice (owner)" },
	{ "remove", cmd_company_remove, SCOPED | CMD_TXN,
	    AYNI_PERM_MANAGE_COMPANY, NULL, "RUT", 1, 1,
	    "remove a company: hidden, its data kept (owner)" },
	{ "restore", cmd_company_restore, AUTH | CMD_SUPERUSER | CMD_TXN,
	    AYNI_PERM_NONE, NULL, "RUT", 1, 1,
	    "bring back a removed company (superuser)" },
	{ "use", cmd_company_use, SCOPED, AYNI_PERM_VIEW, NULL, "RUT", 1, 1,
	    "make a company the default of this session or API token" },
	{ "member", cmd_company_member, AUTH | CMD_TXN, AYNI_PERM_NONE,
	    member_opts, "add|list|role|remove RUT", 2, 2,
	    "members and their roles: add and remove members, change roles "
	    "(manage users), list them (view)" },
	{ NULL, NULL, 0, 0, NULL, NULL, 0, 0, NULL }
};
