/*
 * company.c - the permission matrix of SPEC §4 and company selection.
 * The matrix is data: one row per role, one column per permission, so the
 * tests can generate their cases from the same table.
 */
#include <stdio.h>
#include <string.h>

#include <sqlite3.h>

#include "ayni/company.h"
#include "ayni/rut.h"

/* If you change this table, also change SPEC §4's and ayni-company(1)'s. */
static const struct {
	const char	*name;
	unsigned	 perms;		/* bit 1 << ayni_perm */
} roles[] = {
#define P(x) (1u << AYNI_PERM_##x)
	[AYNI_ROLE_NONE] = { "none", 0 },
	[AYNI_ROLE_VIEWER] = { "viewer", P(VIEW) },
	[AYNI_ROLE_ANALYST] = { "analyst", P(VIEW) | P(EXPORT) },
	[AYNI_ROLE_MANAGER] = { "manager", P(VIEW) | P(UPLOAD) | P(EXPORT) },
	[AYNI_ROLE_ADMIN] = { "admin", P(VIEW) | P(UPLOAD) | P(EXPORT) |
	    P(MANAGE_USERS) },
	[AYNI_ROLE_OWNER] = { "owner", P(VIEW) | P(UPLOAD) | P(EXPORT) |
	    P(MANAGE_USERS) | P(DELETE_DATA) | P(MANAGE_COMPANY) },
#undef P
};

int
ayni_role_can(ayni_role role, ayni_perm perm)
{
	if (role <= AYNI_ROLE_NONE || role > AYNI_ROLE_OWNER)
		return 0;
	if (perm == AYNI_PERM_NONE)
		return 1;
	return (roles[role].perms & (1u << perm)) != 0;
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
	return ayni_error_set(err, AYNI_EUSAGE, "unknown role '%s': use owner, "
	    "admin, manager, analyst or viewer", s);
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
	sqlite3_stmt *st = NULL;
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
	if (sqlite3_prepare_v2(ayni_db_handle(db), sql, -1, &st, NULL) !=
	    SQLITE_OK)
		return ayni_db_error(db, err, "selecting the company");
	sqlite3_bind_int64(st, 1, actor->user_id);
	if (rut != NULL)
		sqlite3_bind_text(st, 2, canon, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, 2);
	sqlite3_bind_int64(st, 3, rut == NULL ? actor->company_id : 0);
	while ((src = sqlite3_step(st)) == SQLITE_ROW) {
		if (n++ > 0)
			break;
		out->company_id = sqlite3_column_int64(st, 0);
		out->role = (ayni_role)role_from_text(
		    (const char *)sqlite3_column_text(st, 1));
		snprintf(out->rut, sizeof(out->rut), "%s",
		    (const char *)sqlite3_column_text(st, 2));
		snprintf(out->name, sizeof(out->name), "%s",
		    (const char *)sqlite3_column_text(st, 3));
	}
	if (src != SQLITE_ROW && src != SQLITE_DONE) {
		rc = ayni_db_error(db, err, "selecting the company");
		goto out;
	}
	if (rut != NULL && n == 0)
		rc = ayni_error_set(err, AYNI_EPERM,
		    "no access to company '%s': not a member, or no such "
		    "company", rut);
	else if (rut == NULL && n == 0 && actor->company_id != 0)
		rc = ayni_error_set(err, AYNI_EPERM,
		    "no access to the company chosen with 'ayni company use': "
		    "choose another with --company RUT");
	else if (n == 0)
		rc = ayni_error_set(err, AYNI_EUSAGE,
		    "you are not a member of any company: add one with "
		    "'ayni company add' or name one with --company RUT");
	else if (n > 1)
		rc = ayni_error_set(err, AYNI_EUSAGE,
		    "you belong to several companies: choose one with "
		    "--company RUT or 'ayni company use RUT'");
out:
	sqlite3_finalize(st);
	if (rc != 0)
		memset(out, 0, sizeof(*out));
	return rc;
}

int
ayni_member_add(ayni_db *db, int64_t company_id, int64_t user_id,
    ayni_role role, ayni_error *err)
{
	sqlite3 *h = ayni_db_handle(db);
	sqlite3_stmt *st = NULL;
	char now[20], rut[AYNI_RUT_MAX] = "", email[256] = "";
	int rc = 0, src, active = -1;

	if (role <= AYNI_ROLE_NONE || role > AYNI_ROLE_OWNER)
		return ayni_error_set(err, AYNI_EUSAGE, "no role given");
	if (sqlite3_prepare_v2(h,
	    "SELECT c.rut, u.email, m.is_active FROM companies c, users u"
	    " LEFT JOIN user_companies m ON m.company_id = c.id"
	    " AND m.user_id = u.id"
	    " WHERE c.id = ?1 AND c.is_active = 1 AND u.id = ?2"
	    " AND u.is_active = 1", -1, &st, NULL) != SQLITE_OK)
		return ayni_db_error(db, err, "adding a member");
	sqlite3_bind_int64(st, 1, company_id);
	sqlite3_bind_int64(st, 2, user_id);
	if ((src = sqlite3_step(st)) == SQLITE_ROW) {
		ayni_rut_display((const char *)sqlite3_column_text(st, 0), rut);
		snprintf(email, sizeof(email), "%s",
		    (const char *)sqlite3_column_text(st, 1));
		if (sqlite3_column_type(st, 2) != SQLITE_NULL)
			active = sqlite3_column_int(st, 2);
	} else if (src == SQLITE_DONE)
		rc = ayni_error_set(err, AYNI_ENOTFOUND,
		    "no such active company or user");
	else
		rc = ayni_db_error(db, err, "adding a member");
	sqlite3_finalize(st);
	st = NULL;
	if (rc != 0)
		return rc;
	if (active == 1)
		return ayni_error_set(err, AYNI_EEXISTS,
		    "'%s' is already a member of '%s'", email, rut);
	ayni_db_timestamp(ayni_db_now(db), now);
	if (sqlite3_prepare_v2(h,
	    "INSERT INTO user_companies (user_id, company_id, role, is_active,"
	    " created_at, updated_at) VALUES (?1, ?2, ?3, 1, ?4, ?4)"
	    " ON CONFLICT (user_id, company_id) DO UPDATE SET role = ?3,"
	    " is_active = 1, updated_at = ?4", -1, &st, NULL) != SQLITE_OK)
		return ayni_db_error(db, err, "adding a member");
	sqlite3_bind_int64(st, 1, user_id);
	sqlite3_bind_int64(st, 2, company_id);
	sqlite3_bind_text(st, 3, ayni_role_name(role), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, now, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_DONE)
		rc = ayni_db_error(db, err, "adding a member");
	sqlite3_finalize(st);
	return rc;
}
