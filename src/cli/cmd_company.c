/*
 * cmd_company.c - 'ayni company': companies, the session's default company
 * and members (docs/contract.md §4).  The rules live in the core (company.c);
 * this file reads options, selects the company, and hands rows to the writer.
 *
 * Most verbs name their company with a RUT argument: their entries carry
 * CMD_COMPANY_ARG, and the driver selects that company and checks the
 * permission.  The member verbs are entries like the others, named by two
 * words ("member add"), so the same driver finds them and checks each
 * one's permission.
 */
#include <string.h>

#include "cli.h"

/* Keep in the order of ayni_role_parse()'s message. */
const char *const cli_roles[] = { "owner", "admin", "manager", "analyst",
	"viewer", NULL };

static const char *const onoff[] = { "on", "off", NULL };


static int
read_fields(struct cmd_ctx *ctx, ayni_company_fields *f)
{
	f->name = opt_get(ctx, "name");
	f->industry = opt_get(ctx, "industry");
	f->size = opt_get(ctx, "size");
	switch (opt_choice(ctx, "benchmark", -1)) {
	case 0:		f->benchmark = 1; break;	/* on */
	case 1:		f->benchmark = 0; break;	/* off */
	default:	f->benchmark = -1; break;	/* unchanged */
	}
	return 0;
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

	if ((rc = read_fields(ctx, &f)) != 0)
		return rc;
	if ((rc = ayni_rut_parse(rut, canon, &ctx->err)) != 0)
		return usage_rc(rc);
	if ((rc = ayni_company_create(ctx->db, ctx->actor.user_id, canon, &f,
	    NULL, &ctx->err)) != 0)
		return rc;
	ayni_rut_display(canon, disp);
	cli_note(ctx, _("added company '%s': you are its owner"), disp);
	return 0;
}

static int
cmd_company_list(struct cmd_ctx *ctx)
{
	ayni_writer *w = NULL;
	int all = opt_has(ctx, "all") != 0, rc;

	if (all && !ctx->actor.is_superuser)
		return ayni_error_set(&ctx->err, AYNI_EPERM, "%s",
		    _("permission denied: 'ayni company list --all' is for "
		    "superusers"));
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
	cli_note(ctx, _("changed company '%s'"), disp);
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
	cli_note(ctx, _("removed company '%s': its data is kept, and a "
	    "superuser can restore it"), disp);
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
	cli_note(ctx, _("restored company '%s'"), disp);
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
	cli_note(ctx, is_api ? _("using company '%s' by default for every "
	    "command run with this API token") : _("using company '%s' by "
	    "default in this session"), disp);
	return 0;
}

/* --email, and --role when the verb has one. */
static int
member_opts(struct cmd_ctx *ctx, const char **email, ayni_role *role)
{
	const char *r = opt_get(ctx, "role");

	*email = opt_get(ctx, "email");
	*role = AYNI_ROLE_NONE;
	return r != NULL ? ayni_role_parse(r, role, &ctx->err) : 0;
}

static int
cmd_member_add(struct cmd_ctx *ctx)
{
	char disp[AYNI_RUT_MAX];
	const char *email;
	ayni_role had, role;
	int64_t uid;
	int rc;

	if ((rc = member_opts(ctx, &email, &role)) != 0)
		return rc;
	if ((rc = ayni_member_find(ctx->db, ctx->company.company_id, email,
	    &uid, &had, &ctx->err)) != 0)
		return rc;
	ayni_rut_display(ctx->company.rut, disp);
	if (had != AYNI_ROLE_NONE)
		return ayni_error_set(&ctx->err, AYNI_EEXISTS,
		    _("'%s' is already %s of '%s': use 'ayni company member "
		    "role'"), email, ayni_role_title(had), disp);
	if ((rc = ayni_member_may_assign(&ctx->company, AYNI_ROLE_NONE, role,
	    &ctx->err)) != 0)
		return rc;
	if ((rc = ayni_member_add(ctx->db, ctx->company.company_id, uid, role,
	    &ctx->err)) != 0)
		return rc;
	cli_note(ctx, _("'%s' is now %s of '%s'"), email, ayni_role_title(role),
	    disp);
	return 0;
}

static int
cmd_member_list(struct cmd_ctx *ctx)
{
	ayni_writer *w = NULL;
	int rc;

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
		    _("'%s' is not a member of '%s'"), email, disp);
	return 0;
}

static int
cmd_member_role(struct cmd_ctx *ctx)
{
	char disp[AYNI_RUT_MAX];
	const char *email;
	ayni_role role;
	int64_t uid;
	int rc;

	if ((rc = member_opts(ctx, &email, &role)) != 0 ||
	    (rc = find_member(ctx, email, &uid)) != 0)
		return rc;
	if ((rc = ayni_member_set_role(ctx->db, &ctx->company, uid, role,
	    &ctx->err)) != 0)
		return rc;
	ayni_rut_display(ctx->company.rut, disp);
	cli_note(ctx, _("'%s' is now %s of '%s'"), email, ayni_role_title(role),
	    disp);
	return 0;
}

static int
cmd_member_remove(struct cmd_ctx *ctx)
{
	char disp[AYNI_RUT_MAX];
	const char *email;
	ayni_role role;
	int64_t uid;
	int rc;

	if ((rc = member_opts(ctx, &email, &role)) != 0 ||
	    (rc = find_member(ctx, email, &uid)) != 0)
		return rc;
	if ((rc = ayni_member_remove(ctx->db, &ctx->company, uid, &ctx->err))
	    != 0)
		return rc;
	ayni_rut_display(ctx->company.rut, disp);
	cli_note(ctx, _("'%s' is no longer a member of '%s'"), email, disp);
	return 0;
}

static const struct opt_spec add_opts[] = {
	{ .name = "rut", .kind = OPT_STR, .required = 1, .argname = "RUT",
	    .help = N_("the company's RUT, e.g. 76.123.456-0") },
	{ .name = "name", .kind = OPT_STR, .required = 1, .argname = "NAME",
	    .help = N_("its name (at least 2 characters)") },
	{ .name = "industry", .kind = OPT_STR, .argname = "CODE",
	    .help = N_("retail, food, manufacturing, "
	    "services, technology, construction, agriculture, healthcare, "
	    "education or other (default)") },
	{ .name = "size", .kind = OPT_STR, .argname = "SIZE",
	    .help = N_("micro (default), small or medium") },
	{ .name = "benchmark", .kind = OPT_CHOICE, .choices = onoff,
	    .help = N_("take part in anonymous industry benchmarks (default off)") },
	{ .name = NULL }
};

static const struct opt_spec edit_opts[] = {
	{ .name = "name", .kind = OPT_STR, .argname = "NAME",
	    .help = N_("new name (at least 2 characters)") },
	{ .name = "industry", .kind = OPT_STR, .argname = "CODE",
	    .help = N_("new industry") },
	{ .name = "size", .kind = OPT_STR, .argname = "SIZE",
	    .help = N_("micro, small or medium") },
	{ .name = "benchmark", .kind = OPT_CHOICE, .choices = onoff,
	    .help = N_("take part in anonymous industry benchmarks") },
	{ .name = NULL }
};

static const struct opt_spec list_opts[] = {
	{ .name = "all",
	    .help = N_("every company, removed ones too (superuser)") },
	{ .name = NULL }
};

static const struct opt_spec member_add_opts[] = {
	{ .name = "email", .kind = OPT_STR, .required = 1, .argname = "EMAIL",
	    .help = N_("the user to add") },
	{ .name = "role", .kind = OPT_CHOICE, .required = 1,
	    .choices = cli_roles, .help = N_("their role in the company") },
	{ .name = NULL }
};

static const struct opt_spec member_role_opts[] = {
	{ .name = "email", .kind = OPT_STR, .required = 1, .argname = "EMAIL",
	    .help = N_("the member") },
	{ .name = "role", .kind = OPT_CHOICE, .required = 1,
	    .choices = cli_roles, .help = N_("their new role") },
	{ .name = NULL }
};

static const struct opt_spec member_remove_opts[] = {
	{ .name = "email", .kind = OPT_STR, .required = 1, .argname = "EMAIL",
	    .help = N_("the member") },
	{ .name = NULL }
};

/*
 * SCOPED entries get their company, and their permission checked, from the
 * driver.
 * If you add a verb, add it to ayni-company(1) and, when company-scoped,
 * a row to tests/cli/t032-permissions.sh.
 */
#define AUTH	(CMD_DB | CMD_AUTH)
/* The driver selects the company named by the RUT argument, else as usual. */
#define SCOPED	(AUTH | CMD_COMPANY | CMD_COMPANY_ARG)
const struct cmd_entry cmd_company_cmds[] = {
	{ "add", cmd_company_add, AUTH | CMD_TXN, AYNI_PERM_NONE, add_opts,
	    NULL, 0, 0, N_("register a company; you become its owner") },
	{ "list", cmd_company_list, AUTH, AYNI_PERM_NONE, list_opts, NULL, 0,
	    0, N_("the companies you are a member of, with your role") },
	{ "show", cmd_company_show, SCOPED, AYNI_PERM_VIEW, NULL, "RUT", 0, 1,
	    N_("show a company (default: the selected one)") },
	{ "edit", cmd_company_edit, SCOPED | CMD_TXN, AYNI_PERM_MANAGE_COMPANY,
	    edit_opts, "RUT", 1, 1, N_("change a company's name, industry, size "
	    "or benchmark choice (owner)") },
	{ "remove", cmd_company_remove, SCOPED | CMD_TXN,
	    AYNI_PERM_MANAGE_COMPANY, NULL, "RUT", 1, 1,
	    N_("remove a company: hidden, its data kept (owner)") },
	{ "restore", cmd_company_restore, AUTH | CMD_SUPERUSER | CMD_TXN,
	    AYNI_PERM_NONE, NULL, "RUT", 1, 1,
	    N_("bring back a removed company (superuser)") },
	{ "use", cmd_company_use, SCOPED, AYNI_PERM_VIEW, NULL, "RUT", 1, 1,
	    N_("make a company the default of this session or API token") },
	{ "member add", cmd_member_add, SCOPED | CMD_TXN,
	    AYNI_PERM_MANAGE_USERS, member_add_opts, "RUT", 1, 1,
	    N_("make a user a member of the company (manage users)") },
	{ "member list", cmd_member_list, SCOPED | CMD_TXN, AYNI_PERM_VIEW,
	    NULL, "RUT", 1, 1, N_("the company's members and their roles (view)") },
	{ "member role", cmd_member_role, SCOPED | CMD_TXN,
	    AYNI_PERM_MANAGE_USERS, member_role_opts, "RUT", 1, 1,
	    N_("change a member's role (manage users)") },
	{ "member remove", cmd_member_remove, SCOPED | CMD_TXN,
	    AYNI_PERM_MANAGE_USERS, member_remove_opts, "RUT", 1, 1,
	    N_("end a membership (manage users)") },
	{ NULL, NULL, 0, 0, NULL, NULL, 0, 0, NULL }
};
