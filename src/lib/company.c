/*
 * company.c - companies, memberships, the permission matrix of docs/contract.md
 * §4 and company selection.  The matrix is data: one row per role, one column
 * per permission, so the tests can generate their cases from the same table.
 *
 * Removing is soft (is_active = 0) for companies and memberships alike:
 * every query that serves a user filters on is_active; only the
 * superuser's find/restore/list --all look past it.  Nothing here prints.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>


#include "internal.h"
#include "sql.h"
#include "ayni/intl.h"
#include "ayni/company.h"
#include "ayni/rut.h"

/*
 * If you change this table, also change the one in docs/contract.md §4
 * and ayni-company(1).
 */
static const struct {
	const char	*name;		/* typed with --role, stored, in csv */
	const char	*title;		/* for a person: ayni_role_title() */
	unsigned	 perms;		/* bit 1 << ayni_perm */
} roles[] = {
#define P(x) (1u << AYNI_PERM_##x)
	/*
	 * TRANSLATORS: a member's role with its English article, put after
	 * "is now", "is already" or before "of '<company>'" in other
	 * messages.  Spanish says the noun alone: "analista", "dueño".
	 */
	[AYNI_ROLE_NONE] = { "none", N_("no member"), 0 },
	[AYNI_ROLE_VIEWER] = { "viewer", N_("a viewer"), P(VIEW) },
	[AYNI_ROLE_ANALYST] = { "analyst", N_("an analyst"), P(VIEW) |
	    P(EXPORT) },
	[AYNI_ROLE_MANAGER] = { "manager", N_("a manager"), P(VIEW) |
	    P(UPLOAD) | P(EXPORT) },
	[AYNI_ROLE_ADMIN] = { "admin", N_("an admin"), P(VIEW) | P(UPLOAD) |
	    P(EXPORT) | P(MANAGE_USERS) },
	[AYNI_ROLE_OWNER] = { "owner", N_("an owner"), P(VIEW) | P(UPLOAD) |
	    P(EXPORT) | P(MANAGE_USERS) | P(DELETE_DATA) |
	    P(MANAGE_COMPANY) },
#undef P
};

/*
 * AYNI_EPERM "permission denied: an analyst of '76.123.456-0' cannot
 * upload": one whole sentence per permission, with the role
 * (ayni_role_title) and the company as its arguments, in that order.
 */
static int
denied(ayni_error *err, ayni_perm perm, ayni_role role, const char *rut)
{
	const char *r = ayni_role_title(role);

	switch (perm) {
	case AYNI_PERM_NONE:
	case AYNI_PERM_VIEW:
		break;
	case AYNI_PERM_UPLOAD:
		return ayni_error_set(err, AYNI_EPERM,
		    _("permission denied: %s of '%s' cannot upload"), r, rut);
	case AYNI_PERM_EXPORT:
		return ayni_error_set(err, AYNI_EPERM,
		    _("permission denied: %s of '%s' cannot export"), r, rut);
	case AYNI_PERM_MANAGE_USERS:
		return ayni_error_set(err, AYNI_EPERM,
		    _("permission denied: %s of '%s' cannot manage users"), r,
		    rut);
	case AYNI_PERM_DELETE_DATA:
		return ayni_error_set(err, AYNI_EPERM,
		    _("permission denied: %s of '%s' cannot delete data"), r,
		    rut);
	case AYNI_PERM_MANAGE_COMPANY:
		return ayni_error_set(err, AYNI_EPERM,
		    _("permission denied: %s of '%s' cannot manage company"),
		    r, rut);
	}
	return ayni_error_set(err, AYNI_EPERM,
	    _("permission denied: %s of '%s' cannot view"), r, rut);
}

int
ayni_role_can(ayni_role role, ayni_perm perm)
{
	if (role <= AYNI_ROLE_NONE || role > AYNI_ROLE_OWNER)
		return 0;
	if (perm == AYNI_PERM_NONE)
		return 1;
	return (roles[role].perms & (1u << perm)) != 0;
}

int
ayni_membership_check(const ayni_membership *m, ayni_perm perm,
    ayni_error *err)
{
	char shown[AYNI_RUT_MAX];

	if (ayni_role_can(m->role, perm))
		return 0;
	ayni_rut_display(m->rut, shown);
	return denied(err, perm, m->role, shown);
}

const char *
ayni_role_title(ayni_role role)
{
	if (role < AYNI_ROLE_NONE || role > AYNI_ROLE_OWNER)
		role = AYNI_ROLE_NONE;
	return _(roles[role].title);
}

const char *
ayni_role_name(ayni_role role)
{
	if (role < AYNI_ROLE_NONE || role > AYNI_ROLE_OWNER)
		return "none";
	return roles[role].name;
}

int
ayni_role_parse(const char *s, ayni_role *out, ayni_error *err)
{
	int r;

	for (r = AYNI_ROLE_VIEWER; r <= AYNI_ROLE_OWNER; r++)
		if (strcmp(s, roles[r].name) == 0) {
			*out = (ayni_role)r;
			return 0;
		}
	return ayni_error_set(err, AYNI_EUSAGE, _("unknown role '%s': use owner, "
	    "admin, manager, analyst or viewer"), s);
}

const char *
ayni_perm_name(ayni_perm perm)
{
	switch (perm) {
	case AYNI_PERM_NONE:		return "none";
	case AYNI_PERM_VIEW:		return "view";
	case AYNI_PERM_UPLOAD:		return "upload";
	case AYNI_PERM_EXPORT:		return "export";
	case AYNI_PERM_MANAGE_USERS:	return "manage users";
	case AYNI_PERM_DELETE_DATA:	return "delete data";
	case AYNI_PERM_MANAGE_COMPANY:	return "manage company";
	}
	return "?";
}

static int
role_from_text(const char *s)
{
	int r;

	for (r = AYNI_ROLE_VIEWER; s != NULL && r <= AYNI_ROLE_OWNER; r++)
		if (strcmp(s, roles[r].name) == 0)
			return r;
	return AYNI_ROLE_NONE;
}

int
ayni_company_resolve(ayni_db *db, const ayni_actor *actor, const char *rut,
    ayni_membership *out, ayni_error *err)
{
	ayni_stmt *st = NULL;
	char canon[AYNI_RUT_MAX];
	int rc = 0, n = 0, src;
	/*
	 * Active companies the actor is an active member of, filtered by
	 * RUT, by company id, or not at all.
	 */
	const char *sql =
	    "SELECT c.id, m.role, c.rut, c.name FROM companies c"
	    " JOIN user_companies m ON m.company_id = c.id"
	    " WHERE m.user_id = ?1 AND m.is_active = 1 AND c.is_active = 1"
	    " AND (?2 IS NULL OR c.rut = ?2) AND (?3 = 0 OR c.id = ?3)"
	    " ORDER BY c.id LIMIT 2";

	memset(out, 0, sizeof(*out));
	if (rut != NULL && (rc = ayni_rut_parse(rut, canon, err)) != 0)
		return rc == AYNI_EDATA ? AYNI_EUSAGE : rc;
	if ((rc = ayni_sql_prepare(db, &st, err, N_("selecting the company"), sql,
	    "ItI", actor->user_id, rut != NULL ? canon : NULL,
	    rut == NULL ? actor->company_id : (int64_t)0)) != 0)
		return rc;
	while ((src = ayni_stmt_step(st)) == SQL_ROW) {
		if (n++ > 0)
			break;
		out->company_id = ayni_col_int64(st, 0);
		out->role = (ayni_role)role_from_text(
		    ayni_col_text(st, 1));
		snprintf(out->rut, sizeof(out->rut), "%s",
		    ayni_col_text(st, 2));
		snprintf(out->name, sizeof(out->name), "%s",
		    ayni_col_text(st, 3));
	}
	if (src != SQL_ROW && src != SQL_DONE) {
		rc = ayni_db_error(db, err, N_("selecting the company"));
		goto out;
	}
	if (rut != NULL && n == 0)
		rc = ayni_error_set(err, AYNI_EPERM,
		    _("no access to company '%s': not a member, or no such "
		    "company"), rut);
	else if (rut == NULL && n == 0 && actor->company_id != 0)
		rc = ayni_error_set(err, AYNI_EPERM,
		    _("no access to the company chosen with 'ayni company "
		    "use': choose another with --company RUT"));
	else if (n == 0)
		rc = ayni_error_set(err, AYNI_EUSAGE,
		    _("you are not a member of any company: add one with "
		    "'ayni company add' or name one with --company RUT"));
	else if (n > 1)
		rc = ayni_error_set(err, AYNI_EUSAGE,
		    _("you belong to several companies: choose one with "
		    "--company RUT or 'ayni company use RUT'"));
out:
	ayni_stmt_finalize(st);
	if (rc != 0)
		memset(out, 0, sizeof(*out));
	return rc;
}

int
ayni_member_add(ayni_db *db, int64_t company_id, int64_t user_id,
    ayni_role role, ayni_error *err)
{
	ayni_stmt *st;
	char now[20], rut[AYNI_RUT_MAX], email[256];
	int rc, active = -1;

	if (role <= AYNI_ROLE_NONE || role > AYNI_ROLE_OWNER)
		return ayni_error_set(err, AYNI_EUSAGE, _("no role given"));
	if ((rc = ayni_sql_row(db, &st, err, N_("adding a member"),
	    "SELECT c.rut, u.email, m.is_active FROM companies c CROSS JOIN"
	    " users u"
	    " LEFT JOIN user_companies m ON m.company_id = c.id"
	    " AND m.user_id = u.id"
	    " WHERE c.id = ?1 AND c.is_active = 1 AND u.id = ?2"
	    " AND u.is_active = 1", "II", company_id, user_id)) != 0)
		return rc == AYNI_ENOTFOUND ? ayni_error_set(err, rc,
		    _("no such active company or user")) : rc;
	ayni_rut_display(ayni_col_text(st, 0), rut);
	snprintf(email, sizeof(email), "%s",
	    ayni_col_text(st, 1));
	if (ayni_col_type(st, 2) != SQL_NULL)
		active = ayni_col_int(st, 2);
	ayni_stmt_finalize(st);
	if (active == 1)
		return ayni_error_set(err, AYNI_EEXISTS,
		    _("'%s' is already a member of '%s'"), email, rut);
	ayni_db_timestamp(ayni_db_now(db), now);
	rc = ayni_sql_exec(db, err, N_("adding a member"),
	    "INSERT INTO user_companies (user_id, company_id, role, is_active,"
	    " created_at, updated_at) VALUES (?1, ?2, ?3, 1, ?4, ?4)"
	    " ON CONFLICT (user_id, company_id) DO UPDATE SET role = ?3,"
	    " is_active = 1, updated_at = ?4", "IItt", user_id, company_id,
	    ayni_role_name(role), now);
	return rc < 0 ? rc : 0;
}

/* If you change these lists, also change the CHECKs in schema/0001. */
static const char *const industries[] = { "retail", "food", "manufacturing",
	"services", "technology", "construction", "agriculture", "healthcare",
	"education", "other", NULL };
static const char *const sizes[] = { "micro", "small", "medium", NULL };

static int
in_list(const char *s, const char *const *list)
{
	for (; *list != NULL; list++)
		if (strcmp(s, *list) == 0)
			return 1;
	return 0;
}

int
ayni_industry_check(const char *industry, ayni_error *err)
{
	if (in_list(industry, industries))
		return 0;
	return ayni_error_set(err, AYNI_EUSAGE, _("unknown industry '%s': use "
	    "retail, food, manufacturing, services, technology, construction, "
	    "agriculture, healthcare, education or other"), industry);
}

int
ayni_size_check(const char *size, ayni_error *err)
{
	if (in_list(size, sizes))
		return 0;
	return ayni_error_set(err, AYNI_EUSAGE,
	    _("unknown size '%s': use micro, small or medium"), size);
}

int
ayni_company_name_clean(const char *in, char *out, size_t len,
    ayni_error *err)
{
	const char *s = in, *e;
	size_t n, chars = 0, i;

	while (isspace((unsigned char)*s))
		s++;
	e = s + strlen(s);
	while (e > s && isspace((unsigned char)e[-1]))
		e--;
	n = (size_t)(e - s);
	/* Output must stay valid JSON: refuse, do not guess the encoding. */
	if (!ayni_utf8_valid(in))
		return ayni_error_set(err, AYNI_EDATA, _("invalid company name: "
		    "not valid UTF-8 (check the terminal's encoding)"));
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c < 0x20 || c == 0x7f)
			return ayni_error_set(err, AYNI_EUSAGE, _("invalid "
			    "company name: no control characters allowed"));
		/* UTF-8 continuation bytes are not characters. */
		chars += (c & 0xc0) != 0x80;
	}
	if (chars < 2)
		return ayni_error_set(err, AYNI_EUSAGE, _("invalid company name "
		    "'%s': at least 2 characters"), in);
	if (chars > 200 || n >= len)
		return ayni_error_set(err, AYNI_EUSAGE, _("invalid company name: "
		    "at most 200 characters"));
	memcpy(out, s, n);
	out[n] = '\0';
	return 0;
}

/* Check the fields that are set; the name is cleaned into name. */
static int
check_fields(const ayni_company_fields *f, char *name, size_t len,
    ayni_error *err)
{
	int rc;

	name[0] = '\0';
	if (f->name != NULL &&
	    (rc = ayni_company_name_clean(f->name, name, len, err)) != 0)
		return rc;
	if (f->industry != NULL &&
	    (rc = ayni_industry_check(f->industry, err)) != 0)
		return rc;
	if (f->size != NULL && (rc = ayni_size_check(f->size, err)) != 0)
		return rc;
	if (f->benchmark < -1 || f->benchmark > 1)
		return ayni_error_set(err, AYNI_EUSAGE, _("benchmark is on or "
		    "off"));
	return 0;
}

int
ayni_company_create(ayni_db *db, int64_t owner_id, const char *rut,
    const ayni_company_fields *f, int64_t *out_id, ayni_error *err)
{
	char canon[AYNI_RUT_MAX], disp[AYNI_RUT_MAX], name[256], now[20];
	ayni_company old;
	int64_t id;
	int rc;

	if ((rc = ayni_rut_parse(rut, canon, err)) != 0)
		return rc;
	if (f->name == NULL)
		return ayni_error_set(err, AYNI_EUSAGE, _("a company needs a "
		    "name"));
	if ((rc = check_fields(f, name, sizeof(name), err)) != 0)
		return rc;
	ayni_rut_display(canon, disp);
	/* Only "not found" goes on: a lock timeout here must be reported
	   as such, and on PostgreSQL it has aborted the transaction. */
	if ((rc = ayni_company_find(db, canon, 1, &old, err)) == 0)
		return ayni_error_set(err, AYNI_EEXISTS, old.is_active ?
		    _("company '%s' already exists") : _("company '%s' "
		    "already exists but was removed: a superuser can restore "
		    "it"), disp);
	if (rc != AYNI_ENOTFOUND)
		return rc;
	if ((rc = ayni_db_begin(db, err)) != 0)
		return rc;
	ayni_db_timestamp(ayni_db_now(db), now);
	rc = ayni_sql_int(db, &id, err, N_("adding the company"),
	    "INSERT INTO companies (rut, name, industry, size, benchmark,"
	    " created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)"
	    " RETURNING id",
	    "ttttit", canon, name, f->industry ? f->industry : "other",
	    f->size ? f->size : "micro", f->benchmark == 1, now);
	if (rc < 0 && ayni_sql_is_dup(db))
		rc = ayni_error_set(err, AYNI_EEXISTS,
		    _("company '%s' already exists"), disp);
	if (rc < 0)
		return ayni_db_end(db, rc, err);
	if ((rc = ayni_member_add(db, id, owner_id, AYNI_ROLE_OWNER, err)) ==
	    0 && out_id != NULL)
		*out_id = id;
	return ayni_db_end(db, rc, err);
}

static void
company_from_row(ayni_stmt *st, ayni_company *out)
{
	memset(out, 0, sizeof(*out));
	out->id = ayni_col_int64(st, 0);
	snprintf(out->rut, sizeof(out->rut), "%s",
	    ayni_col_text(st, 1));
	snprintf(out->name, sizeof(out->name), "%s",
	    ayni_col_text(st, 2));
	snprintf(out->industry, sizeof(out->industry), "%s",
	    ayni_col_text(st, 3));
	snprintf(out->size, sizeof(out->size), "%s",
	    ayni_col_text(st, 4));
	out->benchmark = ayni_col_int(st, 5);
	out->is_active = ayni_col_int(st, 6);
}

int
ayni_company_find(ayni_db *db, const char *rut, int include_removed,
    ayni_company *out, ayni_error *err)
{
	ayni_stmt *st;
	char canon[AYNI_RUT_MAX], disp[AYNI_RUT_MAX];
	int rc;

	memset(out, 0, sizeof(*out));
	if ((rc = ayni_rut_parse(rut, canon, err)) != 0)
		return rc;
	if ((rc = ayni_sql_row(db, &st, err, N_("looking up the company"),
	    "SELECT id, rut, name, industry, size, benchmark, is_active"
	    " FROM companies WHERE rut = ?1 AND (?2 <> 0 OR is_active = 1)", "ti",
	    canon, include_removed != 0)) != 0) {
		ayni_rut_display(canon, disp);
		return rc == AYNI_ENOTFOUND ? ayni_error_set(err, rc,
		    _("no company '%s'"), disp) : rc;
	}
	company_from_row(st, out);
	ayni_stmt_finalize(st);
	return 0;
}

int
ayni_company_update(ayni_db *db, int64_t company_id,
    const ayni_company_fields *f, ayni_error *err)
{
	char name[256], now[20];
	int rc;

	if (f->name == NULL && f->industry == NULL && f->size == NULL &&
	    f->benchmark == -1)
		return ayni_error_set(err, AYNI_EUSAGE, _("nothing to change: "
		    "give --name, --industry, --size or --benchmark"));
	if ((rc = check_fields(f, name, sizeof(name), err)) != 0)
		return rc;
	ayni_db_timestamp(ayni_db_now(db), now);
	if ((rc = ayni_sql_exec(db, err, N_("changing the company"),
	    "UPDATE companies SET name = coalesce(?2, name),"
	    " industry = coalesce(?3, industry), size = coalesce(?4, size),"
	    " benchmark = CASE WHEN ?5 < 0 THEN benchmark ELSE ?5 END,"
	    " updated_at = ?6 WHERE id = ?1 AND is_active = 1", "Itttit",
	    company_id, f->name != NULL ? name : NULL, f->industry, f->size,
	    f->benchmark, now)) == 0)
		return ayni_error_set(err, AYNI_ENOTFOUND, _("no such company"));
	return rc < 0 ? rc : 0;
}

/* Set companies.is_active of id; the number of rows changed, or < 0. */
static int
set_active(ayni_db *db, int64_t id, int active, ayni_error *err)
{
	char now[20];

	ayni_db_timestamp(ayni_db_now(db), now);
	return ayni_sql_exec(db, err, N_("changing the company"),
	    "UPDATE companies SET is_active = ?2, updated_at = ?3"
	    " WHERE id = ?1 AND is_active <> ?2", "Iit", id, active, now);
}

int
ayni_company_remove(ayni_db *db, const ayni_membership *by, ayni_error *err)
{
	char disp[AYNI_RUT_MAX];
	int rc;

	ayni_rut_display(by->rut, disp);
	/* docs/contract.md §4 says so in words, not only through the matrix. */
	if (by->role != AYNI_ROLE_OWNER)
		return ayni_error_set(err, AYNI_EPERM, _("permission denied: "
		    "only an owner removes a company, and you are %s of "
		    "'%s'"), ayni_role_title(by->role), disp);
	if ((rc = set_active(db, by->company_id, 0, err)) < 0)
		return rc;
	if (rc == 0)
		return ayni_error_set(err, AYNI_ENOTFOUND, _("no company '%s'"),
		    disp);
	return 0;
}

int
ayni_company_restore(ayni_db *db, const ayni_actor *actor, const char *rut,
    ayni_company *out, ayni_error *err)
{
	char disp[AYNI_RUT_MAX];
	int rc;

	if (!actor->is_superuser)
		return ayni_error_set(err, AYNI_EPERM, _("permission denied: "
		    "only a superuser restores a company"));
	if ((rc = ayni_company_find(db, rut, 1, out, err)) != 0)
		return rc;
	ayni_rut_display(out->rut, disp);
	if (out->is_active)
		return ayni_error_set(err, AYNI_EEXISTS, _("company '%s' is not "
		    "removed: nothing to restore"), disp);
	if ((rc = set_active(db, out->id, 1, err)) < 0)
		return rc;
	out->is_active = 1;
	return 0;
}

int
ayni_company_use(ayni_db *db, const ayni_actor *actor, int64_t company_id,
    int *is_api, ayni_error *err)
{
	ayni_stmt *st;
	int rc;

	/* Only for a company the actor may use: checked in the same UPDATE. */
	if ((rc = ayni_sql_row(db, &st, err, N_("choosing the company"),
	    "UPDATE sessions SET company_id = ?2 WHERE id = ?1 AND user_id = ?3"
	    " AND EXISTS (SELECT 1 FROM user_companies m JOIN companies c"
	    " ON c.id = m.company_id WHERE m.company_id = ?2"
	    " AND m.user_id = ?3 AND m.is_active = 1 AND c.is_active = 1)"
	    " RETURNING kind = 'api'", "III", actor->session_id, company_id,
	    actor->user_id)) != 0)
		return rc == AYNI_ENOTFOUND ? ayni_error_set(err, AYNI_EPERM,
		    _("no access to that company: not a member, or no such "
		    "company")) : rc;
	if (is_api != NULL)
		*is_api = ayni_col_int(st, 0);
	ayni_stmt_finalize(st);
	return 0;
}

/* If you change a column here, change ayni-company(1) too: they are an
   interface. */
const ayni_column ayni_company_columns[] = {
	{ "rut", AYNI_T_TEXT },
	{ "name", AYNI_T_TEXT },
	{ "industry", AYNI_T_TEXT },
	{ "size", AYNI_T_TEXT },
	{ "benchmark", AYNI_T_BOOL },
	{ "role", AYNI_T_TEXT },
	{ "active", AYNI_T_BOOL },
};

const ayni_column ayni_member_columns[] = {
	{ "email", AYNI_T_TEXT },
	{ "name", AYNI_T_TEXT },
	{ "role", AYNI_T_TEXT },
};

/*
 * Rows of (rut, name, industry, size, benchmark, role, active) to w, which
 * takes the first 6 or all 7 of them.
 */
static int
write_companies(ayni_db *db, ayni_stmt *st, ayni_writer *w,
    ayni_error *err)
{
	char disp[AYNI_RUT_MAX];
	ayni_value v[7];
	int src, i, rc;

	while ((src = ayni_stmt_step(st)) == SQL_ROW) {
		ayni_rut_display(ayni_col_text(st, 0),
		    disp);
		v[0] = ayni_v_text(disp);
		for (i = 1; i <= 5; i++)
			v[i] = ayni_v_text(ayni_col_text(st,
			    i));
		v[4] = ayni_v_int(ayni_col_int(st, 4));
		v[6] = ayni_v_int(ayni_col_int(st, 6));
		if ((rc = ayni_writer_row(w, v, err)) != 0)
			return rc;
	}
	if (src != SQL_DONE)
		return ayni_db_error(db, err, N_("listing companies"));
	return 0;
}

int
ayni_company_list(ayni_db *db, const ayni_actor *actor, int all,
    ayni_writer *w, ayni_error *err)
{
	ayni_stmt *st;
	int rc;

	if (all && !actor->is_superuser)
		return ayni_error_set(err, AYNI_EPERM, _("permission denied: "
		    "only a superuser lists every company"));
	if ((rc = ayni_sql_prepare(db, &st, err, N_("listing companies"), all ?
	    "SELECT c.rut, c.name, c.industry, c.size, c.benchmark,"
	    " (SELECT m.role FROM user_companies m WHERE m.company_id = c.id"
	    " AND m.user_id = ?1 AND m.is_active = 1), c.is_active"
	    " FROM companies c ORDER BY c.name, c.id" :
	    "SELECT c.rut, c.name, c.industry, c.size, c.benchmark, m.role,"
	    " c.is_active FROM companies c"
	    " JOIN user_companies m ON m.company_id = c.id"
	    " WHERE m.user_id = ?1 AND m.is_active = 1 AND c.is_active = 1"
	    " ORDER BY c.name, c.id", "I", actor->user_id)) != 0)
		return rc;
	rc = write_companies(db, st, w, err);
	ayni_stmt_finalize(st);
	return rc;
}

int
ayni_company_show(ayni_db *db, const ayni_membership *m, ayni_writer *w,
    ayni_error *err)
{
	ayni_stmt *st;
	int rc;

	if ((rc = ayni_sql_prepare(db, &st, err, N_("showing the company"),
	    "SELECT rut, name, industry, size, benchmark, ?2, is_active"
	    " FROM companies WHERE id = ?1 AND is_active = 1", "It",
	    m->company_id, ayni_role_name(m->role))) != 0)
		return rc;
	rc = write_companies(db, st, w, err);
	ayni_stmt_finalize(st);
	return rc;
}

int
ayni_member_list(ayni_db *db, int64_t company_id, ayni_writer *w,
    ayni_error *err)
{
	ayni_stmt *st;
	int rc;

	if ((rc = ayni_sql_prepare(db, &st, err, N_("listing members"),
	    "SELECT u.email, u.name, m.role FROM user_companies m"
	    " JOIN users u ON u.id = m.user_id"
	    " WHERE m.company_id = ?1 AND m.is_active = 1 AND u.is_active = 1"
	    " ORDER BY CASE m.role WHEN 'owner' THEN 0 WHEN 'admin' THEN 1"
	    " WHEN 'manager' THEN 2 WHEN 'analyst' THEN 3 ELSE 4 END, u.email",
	    "I", company_id)) != 0)
		return rc;
	rc = ayni_writer_stmt(w, st, err);
	ayni_stmt_finalize(st);
	return rc;
}

int
ayni_member_find(ayni_db *db, int64_t company_id, const char *email,
    int64_t *user_id, ayni_role *role, ayni_error *err)
{
	ayni_stmt *st;
	char norm[256];
	int rc;

	*user_id = 0;
	*role = AYNI_ROLE_NONE;
	if ((rc = ayni_email_normalize(email, norm, sizeof(norm), err)) != 0)
		return rc;
	if ((rc = ayni_sql_row(db, &st, err, N_("looking up the user"),
	    "SELECT u.id, m.role FROM users u"
	    " LEFT JOIN user_companies m ON m.user_id = u.id"
	    " AND m.company_id = ?2 AND m.is_active = 1"
	    " WHERE u.email = ?1 AND u.is_active = 1", "tI", norm,
	    company_id)) != 0)
		return rc == AYNI_ENOTFOUND ? ayni_error_set(err, rc, _("no user "
		    "'%s': a superuser or an admin adds one with 'ayni user "
		    "add'"), norm) : rc;
	*user_id = ayni_col_int64(st, 0);
	*role = (ayni_role)role_from_text(
	    ayni_col_text(st, 1));
	ayni_stmt_finalize(st);
	return 0;
}

int
ayni_member_may_assign(const ayni_membership *by, ayni_role from,
    ayni_role to, ayni_error *err)
{
	char disp[AYNI_RUT_MAX];

	ayni_rut_display(by->rut, disp);
	if (!ayni_role_can(by->role, AYNI_PERM_MANAGE_USERS))
		return denied(err, AYNI_PERM_MANAGE_USERS, by->role, disp);
	if ((from == AYNI_ROLE_OWNER || to == AYNI_ROLE_OWNER) &&
	    by->role != AYNI_ROLE_OWNER)
		return ayni_error_set(err, AYNI_EPERM, _("permission denied: "
		    "only an owner of '%s' makes or unmakes owners"), disp);
	return 0;
}

/*
 * The target's email and active role, and whether the company would be
 * left without an active owner if that role went away.
 */
static int
target_of(ayni_db *db, const ayni_membership *by, int64_t user_id,
    char *email, size_t len, ayni_role *role, int *last_owner,
    ayni_error *err)
{
	ayni_stmt *st;
	int rc;

	if ((rc = ayni_sql_row(db, &st, err, N_("looking up the member"),
	    "SELECT u.email, m.role, (SELECT count(*) FROM user_companies o"
	    " JOIN users ou ON ou.id = o.user_id WHERE o.company_id = ?1"
	    " AND o.role = 'owner' AND o.is_active = 1 AND ou.is_active = 1"
	    " AND o.user_id <> ?2) FROM user_companies m"
	    " JOIN users u ON u.id = m.user_id"
	    " WHERE m.company_id = ?1 AND m.user_id = ?2 AND m.is_active = 1",
	    "II", by->company_id, user_id)) != 0)
		return rc == AYNI_ENOTFOUND ? ayni_error_set(err, rc, _("not a "
		    "member of this company")) : rc;
	snprintf(email, len, "%s", ayni_col_text(st, 0));
	*role = (ayni_role)role_from_text(
	    ayni_col_text(st, 1));
	*last_owner = *role == AYNI_ROLE_OWNER &&
	    ayni_col_int(st, 2) == 0;
	ayni_stmt_finalize(st);
	return 0;
}

/* Set role (NONE: deactivate) of an active membership, with the checks. */
static int
change_member(ayni_db *db, const ayni_membership *by, int64_t user_id,
    ayni_role to, ayni_error *err)
{
	char email[256], disp[AYNI_RUT_MAX], now[20];
	ayni_role from = AYNI_ROLE_NONE;
	int rc, last = 0;

	ayni_rut_display(by->rut, disp);
	if ((rc = target_of(db, by, user_id, email, sizeof(email), &from,
	    &last, err)) != 0) {
		if (rc == AYNI_ENOTFOUND)
			ayni_error_set(err, rc, _("not a member of '%s'"), disp);
		return rc;
	}
	if ((rc = ayni_member_may_assign(by, from, to, err)) != 0)
		return rc;
	if (last && to != AYNI_ROLE_OWNER)
		return ayni_error_set(err, AYNI_EPERM, _("'%s' is the last owner "
		    "of '%s': make another member owner first"), email, disp);
	ayni_db_timestamp(ayni_db_now(db), now);
	rc = ayni_sql_exec(db, err, N_("changing the member"),
	    to == AYNI_ROLE_NONE ?
	    "UPDATE user_companies SET is_active = 0, updated_at = ?4"
	    " WHERE company_id = ?1 AND user_id = ?2" :
	    "UPDATE user_companies SET role = ?3, updated_at = ?4"
	    " WHERE company_id = ?1 AND user_id = ?2", "IItt", by->company_id,
	    user_id, ayni_role_name(to), now);
	return rc < 0 ? rc : 0;
}

int
ayni_member_set_role(ayni_db *db, const ayni_membership *by, int64_t user_id,
    ayni_role role, ayni_error *err)
{
	if (role <= AYNI_ROLE_NONE || role > AYNI_ROLE_OWNER)
		return ayni_error_set(err, AYNI_EUSAGE, _("no role given"));
	return change_member(db, by, user_id, role, err);
}

int
ayni_member_remove(ayni_db *db, const ayni_membership *by, int64_t user_id,
    ayni_error *err)
{
	return change_member(db, by, user_id, AYNI_ROLE_NONE, err);
}
