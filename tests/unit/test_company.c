/*
 * test_company.c - companies, memberships and the permission matrix
 * (src/lib/company.c) on :memory: databases (and again on PostgreSQL,
 * testdb.h: a CHECK broken is AYNI_EDATA on both): the matrix against
 * docs/contract.md §4, the schema's canonical-RUT and list CHECKs,
 * create/find/update, soft delete and restore, company selection, 'company
 * use', and the member rules (owners made by owners, the last owner kept).  The
 * command line and its exit codes are tests/cli/t03*.sh's business.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "ayni/company.h"
#include "ayni/db.h"
#include "testdb.h"
#include "ayni/user.h"

#define PW "correct horse 42"

struct fx {
	ayni_db		*db;
	int64_t		 u[4];		/* owner, second, third, superuser */
	ayni_actor	 a[4];
};

static int
setup(void **state)
{
	static struct fx fx;
	static const char *const emails[] = { "owner@x.cl", "two@x.cl",
		"three@x.cl", "root@x.cl" };
	char token[AYNI_TOKEN_LEN + 1];
	ayni_error err;
	int i;

	memset(&fx, 0, sizeof(fx));
	if (testdb_open(&fx.db, 0, &err) != 0)
		return -1;
	for (i = 0; i < 4; i++) {
		if (ayni_user_create(fx.db, emails[i], NULL, PW, i == 3,
		    &fx.u[i], &err) != 0)
			return -1;
		if (ayni_session_create(fx.db, fx.u[i], "test", token,
		    &err) != 0 ||
		    ayni_auth_resolve(fx.db, token, &fx.a[i], &err) != 0)
			return -1;
	}
	*state = &fx;
	return 0;
}

static int
teardown(void **state)
{
	struct fx *fx = *state;

	ayni_db_close(fx->db);
	return 0;
}

static int
exec_rc(ayni_db *db, const char *sql)
{
	return testdb_exec(db, sql);
}

static int64_t
create(struct fx *fx, int who, const char *rut, const char *name)
{
	ayni_company_fields f = { name, NULL, NULL, -1 };
	ayni_error err = { 0 };
	int64_t id = 0;
	int rc = ayni_company_create(fx->db, fx->u[who], rut, &f, &id, &err);

	if (rc != 0)
		fail_msg("create '%s': %s", rut, err.msg);
	return id;
}

static void
test_matrix(void **state)
{
	/*
	 * The table of docs/contract.md §4, written out again so a change to
	 * either is noticed.
	 */
	static const char *const want[] = {
		/* view upload export users delete company */
		[AYNI_ROLE_OWNER] = "111111",
		[AYNI_ROLE_ADMIN] = "111100",
		[AYNI_ROLE_MANAGER] = "111000",
		[AYNI_ROLE_ANALYST] = "101000",
		[AYNI_ROLE_VIEWER] = "100000",
	};
	ayni_role r, parsed;
	ayni_perm p;
	ayni_error err;

	(void)state;
	for (r = AYNI_ROLE_VIEWER; r <= AYNI_ROLE_OWNER; r++) {
		for (p = AYNI_PERM_VIEW; p <= AYNI_PERM_MANAGE_COMPANY; p++)
			assert_int_equal(ayni_role_can(r, p),
			    want[r][p - AYNI_PERM_VIEW] == '1');
		assert_true(ayni_role_can(r, AYNI_PERM_NONE));
		assert_int_equal(ayni_role_parse(ayni_role_name(r), &parsed,
		    &err), 0);
		assert_int_equal(parsed, r);
	}
	for (p = AYNI_PERM_NONE; p <= AYNI_PERM_MANAGE_COMPANY; p++)
		assert_false(ayni_role_can(AYNI_ROLE_NONE, p));
	assert_int_equal(ayni_role_parse("Owner", &parsed, &err), AYNI_EUSAGE);
	assert_int_equal(ayni_role_parse("superuser", &parsed, &err),
	    AYNI_EUSAGE);
}

static void
test_schema_checks(void **state)
{
	struct fx *fx = *state;
	static const char *const bad[] = { "76.123.456-0", "761234560",
		"76123456-k", "076123456-0", "-0", "76123456-", "7612345K-0",
		" 76123456-0", "123456789-0", "76123456-00" };
	char sql[256];
	size_t i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		snprintf(sql, sizeof(sql), "INSERT INTO companies (rut, name,"
		    " created_at, updated_at) VALUES ('%s', 'Acme', 'x', 'x')",
		    bad[i]);
		if (exec_rc(fx->db, sql) != AYNI_EDATA)
			fail_msg("schema accepted rut '%s'", bad[i]);
	}
	assert_int_equal(exec_rc(fx->db, "INSERT INTO companies (rut, name,"
	    " industry, created_at, updated_at) VALUES ('1-9', 'Acme',"
	    " 'mining', 'x', 'x')"), AYNI_EDATA);
	assert_int_equal(exec_rc(fx->db, "INSERT INTO companies (rut, name,"
	    " size, created_at, updated_at) VALUES ('1-9', 'Acme', 'large',"
	    " 'x', 'x')"), AYNI_EDATA);
	assert_int_equal(exec_rc(fx->db, "INSERT INTO companies (rut, name,"
	    " created_at, updated_at) VALUES ('1-9', ' A', 'x', 'x')"),
	    AYNI_EDATA);
	assert_int_equal(exec_rc(fx->db, "INSERT INTO companies (rut, name,"
	    " created_at, updated_at) VALUES ('1-9', 'Acme', 'x', 'x')"),
	    0);
}

static void
test_create_find_update(void **state)
{
	struct fx *fx = *state;
	ayni_company_fields f = { "  Acme SpA\t", "retail", "small", 1 };
	ayni_company c;
	ayni_error err;
	int64_t id;

	assert_int_equal(ayni_company_create(fx->db, fx->u[0], " 76.123.456-0 ",
	    &f, &id, &err), 0);
	assert_int_equal(ayni_company_find(fx->db, "761234560", 0, &c, &err),
	    0);
	assert_int_equal(c.id, id);
	assert_string_equal(c.rut, "76123456-0");
	assert_string_equal(c.name, "Acme SpA");
	assert_string_equal(c.industry, "retail");
	assert_string_equal(c.size, "small");
	assert_int_equal(c.benchmark, 1);
	/* Unique whatever the spelling. */
	f.name = "Other";
	assert_int_equal(ayni_company_create(fx->db, fx->u[1], "76123456-0",
	    &f, NULL, &err), AYNI_EEXISTS);
	assert_string_equal(err.msg, "company '76.123.456-0' already exists");
	assert_int_equal(ayni_company_create(fx->db, fx->u[1], "76.123.456-K",
	    &f, NULL, &err), AYNI_EDATA);
	assert_non_null(strstr(err.msg, "should be '0'"));
	f.name = "A ";
	assert_int_equal(ayni_company_create(fx->db, fx->u[1], "1-9", &f,
	    NULL, &err), AYNI_EUSAGE);
	f.name = "Ok";
	f.industry = "mining";
	assert_int_equal(ayni_company_create(fx->db, fx->u[1], "1-9", &f,
	    NULL, &err), AYNI_EUSAGE);
	assert_non_null(strstr(err.msg, "unknown industry 'mining'"));
	f.industry = NULL;
	f.size = "huge";
	assert_int_equal(ayni_company_create(fx->db, fx->u[1], "1-9", &f,
	    NULL, &err), AYNI_EUSAGE);
	/* Defaults. */
	f.size = NULL;
	f.benchmark = -1;
	assert_int_equal(ayni_company_create(fx->db, fx->u[1], "1-9", &f,
	    NULL, &err), 0);
	assert_int_equal(ayni_company_find(fx->db, "1-9", 0, &c, &err), 0);
	assert_string_equal(c.industry, "other");
	assert_string_equal(c.size, "micro");
	assert_int_equal(c.benchmark, 0);
	/* Update what is set, nothing else; nothing set is a usage error. */
	memset(&f, 0, sizeof(f));
	f.benchmark = -1;
	assert_int_equal(ayni_company_update(fx->db, id, &f, &err),
	    AYNI_EUSAGE);
	f.size = "medium";
	assert_int_equal(ayni_company_update(fx->db, id, &f, &err), 0);
	assert_int_equal(ayni_company_find(fx->db, "76123456-0", 0, &c, &err),
	    0);
	assert_string_equal(c.name, "Acme SpA");
	assert_string_equal(c.size, "medium");
	assert_int_equal(c.benchmark, 1);
	assert_int_equal(ayni_company_find(fx->db, "12.531.909-2", 0, &c,
	    &err), AYNI_ENOTFOUND);
}

static void
test_names(void **state)
{
	char out[256];
	ayni_error err;

	(void)state;
	assert_int_equal(ayni_company_name_clean(" Ñu ", out, sizeof(out),
	    &err), 0);
	assert_string_equal(out, "Ñu");
	assert_int_equal(ayni_company_name_clean("Ñ", out, sizeof(out), &err),
	    AYNI_EUSAGE);
	assert_int_equal(ayni_company_name_clean("   ", out, sizeof(out),
	    &err), AYNI_EUSAGE);
	assert_int_equal(ayni_company_name_clean("a\nb", out, sizeof(out),
	    &err), AYNI_EUSAGE);
}

static void
test_members_and_owners(void **state)
{
	struct fx *fx = *state;
	ayni_membership own, adm, two;
	ayni_error err;
	ayni_role role;
	int64_t id, uid;

	id = create(fx, 0, "76.086.428-5", "Acme");
	assert_int_equal(ayni_company_resolve(fx->db, &fx->a[0], "76086428-5",
	    &own, &err), 0);
	assert_int_equal(own.role, AYNI_ROLE_OWNER);
	assert_int_equal(own.company_id, id);
	/* Add, twice, remove, re-add with another role. */
	assert_int_equal(ayni_member_add(fx->db, id, fx->u[1],
	    AYNI_ROLE_ADMIN, &err), 0);
	assert_int_equal(ayni_member_add(fx->db, id, fx->u[1],
	    AYNI_ROLE_VIEWER, &err), AYNI_EEXISTS);
	assert_int_equal(ayni_member_find(fx->db, id, "TWO@x.cl", &uid, &role,
	    &err), 0);
	assert_int_equal(uid, fx->u[1]);
	assert_int_equal(role, AYNI_ROLE_ADMIN);
	assert_int_equal(ayni_member_find(fx->db, id, "nobody@x.cl", &uid,
	    &role, &err), AYNI_ENOTFOUND);
	assert_int_equal(ayni_member_find(fx->db, id, "three@x.cl", &uid,
	    &role, &err), 0);
	assert_int_equal(role, AYNI_ROLE_NONE);
	assert_int_equal(ayni_company_resolve(fx->db, &fx->a[1], "76086428-5",
	    &adm, &err), 0);
	assert_int_equal(adm.role, AYNI_ROLE_ADMIN);
	/* An admin manages users but makes and unmakes no owner. */
	assert_int_equal(ayni_member_may_assign(&adm, AYNI_ROLE_NONE,
	    AYNI_ROLE_MANAGER, &err), 0);
	assert_int_equal(ayni_member_may_assign(&adm, AYNI_ROLE_NONE,
	    AYNI_ROLE_OWNER, &err), AYNI_EPERM);
	assert_int_equal(ayni_member_set_role(fx->db, &adm, fx->u[0],
	    AYNI_ROLE_VIEWER, &err), AYNI_EPERM);
	assert_int_equal(ayni_member_remove(fx->db, &adm, fx->u[0], &err),
	    AYNI_EPERM);
	/* The last owner is neither demoted nor removed, even by itself. */
	assert_int_equal(ayni_member_set_role(fx->db, &own, fx->u[0],
	    AYNI_ROLE_ADMIN, &err), AYNI_EPERM);
	assert_string_equal(err.msg, "'owner@x.cl' is the last owner of "
	    "'76.086.428-5': make another member owner first");
	assert_int_equal(ayni_member_remove(fx->db, &own, fx->u[0], &err),
	    AYNI_EPERM);
	assert_int_equal(ayni_member_set_role(fx->db, &own, fx->u[0],
	    AYNI_ROLE_OWNER, &err), 0);
	/* With a second owner, the first may go. */
	assert_int_equal(ayni_member_set_role(fx->db, &own, fx->u[1],
	    AYNI_ROLE_OWNER, &err), 0);
	assert_int_equal(ayni_company_resolve(fx->db, &fx->a[1], "76086428-5",
	    &two, &err), 0);
	assert_int_equal(ayni_member_set_role(fx->db, &own, fx->u[0],
	    AYNI_ROLE_ANALYST, &err), 0);
	assert_int_equal(ayni_member_set_role(fx->db, &two, fx->u[1],
	    AYNI_ROLE_ADMIN, &err), AYNI_EPERM);
	/* An owner whose account is inactive does not count. */
	assert_int_equal(ayni_member_set_role(fx->db, &two, fx->u[0],
	    AYNI_ROLE_OWNER, &err), 0);
	assert_int_equal(exec_rc(fx->db, "UPDATE users SET is_active = 0"
	    " WHERE email = 'owner@x.cl'"), 0);
	assert_int_equal(ayni_member_remove(fx->db, &two, fx->u[1], &err),
	    AYNI_EPERM);
	assert_int_equal(exec_rc(fx->db, "UPDATE users SET is_active = 1"),
	    0);
	assert_int_equal(ayni_member_remove(fx->db, &two, fx->u[1], &err), 0);
	assert_int_equal(ayni_company_resolve(fx->db, &fx->a[1], "76086428-5",
	    &two, &err), AYNI_EPERM);
	/* Not a member: the same message as a company that does not exist. */
	assert_string_equal(err.msg, "no access to company '76086428-5': not "
	    "a member, or no such company");
	assert_int_equal(ayni_member_remove(fx->db, &own, fx->u[1], &err),
	    AYNI_ENOTFOUND);
	/* Re-activation. */
	assert_int_equal(ayni_member_add(fx->db, id, fx->u[1],
	    AYNI_ROLE_VIEWER, &err), 0);
	assert_int_equal(ayni_company_resolve(fx->db, &fx->a[1], "76086428-5",
	    &two, &err), 0);
	assert_int_equal(two.role, AYNI_ROLE_VIEWER);
	assert_int_equal(ayni_member_may_assign(&two, AYNI_ROLE_NONE,
	    AYNI_ROLE_VIEWER, &err), AYNI_EPERM);
}

static void
test_soft_delete_and_selection(void **state)
{
	struct fx *fx = *state;
	ayni_membership m, m2;
	ayni_company c;
	ayni_error err;
	int64_t a, b;
	int is_api = -1;

	a = create(fx, 2, "12.531.909-2", "Alfa");
	/* The only company is the default. */
	assert_int_equal(ayni_company_resolve(fx->db, &fx->a[2], NULL, &m,
	    &err), 0);
	assert_int_equal(m.company_id, a);
	b = create(fx, 2, "10.000.013-K", "Beta");
	assert_int_equal(ayni_company_resolve(fx->db, &fx->a[2], NULL, &m,
	    &err), AYNI_EUSAGE);
	/* 'company use' picks one for the session. */
	assert_int_equal(ayni_company_use(fx->db, &fx->a[2], b, &is_api, &err),
	    0);
	assert_int_equal(is_api, 0);
	fx->a[2].company_id = b;
	assert_int_equal(ayni_company_resolve(fx->db, &fx->a[2], NULL, &m,
	    &err), 0);
	assert_int_equal(m.company_id, b);
	/* Not for a company one is not a member of. */
	assert_int_equal(ayni_company_use(fx->db, &fx->a[1], b, NULL, &err),
	    AYNI_EPERM);
	/* Only an owner removes; removed is gone from lookups, kept in the
	   table. */
	assert_int_equal(ayni_member_add(fx->db, b, fx->u[1], AYNI_ROLE_ADMIN,
	    &err), 0);
	assert_int_equal(ayni_company_resolve(fx->db, &fx->a[1], "10000013-K",
	    &m2, &err), 0);
	assert_int_equal(ayni_company_remove(fx->db, &m2, &err), AYNI_EPERM);
	assert_int_equal(ayni_company_remove(fx->db, &m, &err), 0);
	assert_int_equal(ayni_company_resolve(fx->db, &fx->a[2], "10000013-K",
	    &m, &err), AYNI_EPERM);
	assert_int_equal(ayni_company_resolve(fx->db, &fx->a[2], NULL, &m,
	    &err), AYNI_EPERM);		/* the session's choice is gone */
	fx->a[2].company_id = 0;
	assert_int_equal(ayni_company_resolve(fx->db, &fx->a[2], NULL, &m,
	    &err), 0);			/* the only one left */
	assert_int_equal(m.company_id, a);
	assert_int_equal(ayni_company_find(fx->db, "10000013-K", 0, &c, &err),
	    AYNI_ENOTFOUND);
	assert_int_equal(ayni_company_find(fx->db, "10000013-K", 1, &c, &err),
	    0);
	assert_int_equal(c.is_active, 0);
	/* A removed RUT cannot be registered again: it is restored. */
	{
		ayni_company_fields f = { "Gamma", NULL, NULL, -1 };

		assert_int_equal(ayni_company_create(fx->db, fx->u[1],
		    "10.000.013-k", &f, NULL, &err), AYNI_EEXISTS);
		assert_non_null(strstr(err.msg, "restore"));
	}
	/* Only a superuser restores, and only what was removed. */
	assert_int_equal(ayni_company_restore(fx->db, &fx->a[2], "10000013-K",
	    &c, &err), AYNI_EPERM);
	assert_int_equal(ayni_company_restore(fx->db, &fx->a[3], "10000013-K",
	    &c, &err), 0);
	assert_int_equal(ayni_company_restore(fx->db, &fx->a[3], "10000013-K",
	    &c, &err), AYNI_EEXISTS);
	assert_int_equal(ayni_company_restore(fx->db, &fx->a[3], "1.000.000-9",
	    &c, &err), AYNI_ENOTFOUND);
	assert_int_equal(ayni_company_resolve(fx->db, &fx->a[1], "10000013-K",
	    &m2, &err), 0);
	assert_int_equal(m2.role, AYNI_ROLE_ADMIN);
	/* A superuser sees company data only as a member. */
	assert_int_equal(ayni_company_resolve(fx->db, &fx->a[3], "10000013-K",
	    &m, &err), AYNI_EPERM);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_matrix),
		cmocka_unit_test(test_names),
		cmocka_unit_test_setup_teardown(test_schema_checks, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_create_find_update, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_members_and_owners, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_soft_delete_and_selection,
		    setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
