/*
 * test_user.c - users, passwords, logins and lockout, sessions, API tokens,
 * the single-use tokens and the token file (src/lib/user.c, auth.c).
 *
 * Runs on ":memory:" databases (and again on PostgreSQL: testdb.h) with
 * the clock set through ayni_db_set_now,
 * and hashes at a low argon2 cost (ayni_password_test_cost) so that the
 * many hashes stay fast; one test checks the real policy's cost.  It does
 * not test the command line: tests/cli/t02[0-2]-*.sh do.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "ayni/db.h"
#include "testdb.h"
#include "ayni/error.h"
#include "ayni/output.h"
#include "ayni/user.h"

#define PW	"correct horse 42"
#define T0	((time_t)1760000000)	/* 2025-10-09 08:53:20 UTC */

static int
setup(void **state)
{
	ayni_db *db;
	ayni_error err;

	ayni_password_test_cost(1, 8);
	if (testdb_open(&db, AYNI_DB_CREATE, &err) != 0)
		return -1;
	ayni_db_set_now(db, T0);
	*state = db;
	return 0;
}

static int
teardown(void **state)
{
	ayni_db_close(*state);
	ayni_password_test_cost(0, 0);
	return 0;
}

static int64_t
mkuser(ayni_db *db, const char *email, int super)
{
	ayni_error err;
	int64_t id = 0;

	assert_int_equal(ayni_user_create(db, email, "N", PW, super, &id,
	    &err), 0);
	return id;
}

static long long
q1(ayni_db *db, const char *sql)
{
	return (long long)testdb_int(db, sql);
}

static void
exec(ayni_db *db, const char *sql)
{
	assert_int_equal(testdb_exec(db, sql), 0);
}

static void
test_email_and_policy(void **state)
{
	ayni_error err;
	char out[256];

	(void)state;
	assert_int_equal(ayni_email_normalize(" Ana@Tienda.CL ", out,
	    sizeof(out), &err), 0);
	assert_string_equal(out, "ana@tienda.cl");
	assert_int_equal(ayni_email_normalize("ana", out, sizeof(out), &err),
	    AYNI_EUSAGE);
	assert_string_equal(err.msg, "invalid email 'ana': expected "
	    "name@domain");
	assert_int_equal(ayni_email_normalize("a@b", out, sizeof(out), &err),
	    AYNI_EUSAGE);
	assert_int_equal(ayni_email_normalize("a b@c.cl", out, sizeof(out),
	    &err), AYNI_EUSAGE);

	assert_int_equal(ayni_password_policy("short1", NULL, &err),
	    AYNI_EUSAGE);
	assert_string_equal(err.msg, "password too short: at least 8 "
	    "characters");
	assert_int_equal(ayni_password_policy("1234567890", NULL, &err),
	    AYNI_EUSAGE);
	assert_string_equal(err.msg, "password must not be all digits");
	assert_int_equal(ayni_password_policy("Ana@Tienda.cl",
	    "ana@tienda.cl", &err), AYNI_EUSAGE);
	assert_string_equal(err.msg, "password must not be the email address");
	assert_int_equal(ayni_password_policy("12345678a", NULL, &err), 0);
}

static void
test_hash_policy_cost(void **state)
{
	char h[256];
	unsigned v, m, t, p;
	ayni_error err;

	(void)state;
	/* The real policy: argon2id, at or above OWASP (19 MiB, t=2, p=1). */
	ayni_password_test_cost(0, 0);
	assert_int_equal(ayni_password_hash(PW, h, sizeof(h), &err), 0);
	assert_int_equal(sscanf(h, "$argon2id$v=%u$m=%u,t=%u,p=%u$", &v, &m,
	    &t, &p), 4);
	assert_true(m >= 19 * 1024);
	assert_true(t >= 2);
	assert_int_equal(p, 1);
	assert_true(ayni_password_verify(h, PW));
	assert_false(ayni_password_verify(h, "correct horse 43"));
	assert_false(ayni_password_needs_rehash(h));
	assert_true(ayni_password_needs_rehash(
	    "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaA"));
	assert_true(ayni_password_needs_rehash(
	    "$argon2i$v=19$m=65536,t=3,p=1$c2FsdHNhbHQ$aGFzaA"));
	assert_true(ayni_password_needs_rehash("$2b$10$bcrypt"));
	assert_false(ayni_password_verify("$2b$10$bcrypt", PW));
	ayni_password_test_cost(1, 8);
}

static void
test_create_and_find(void **state)
{
	ayni_db *db = *state;
	ayni_error err;
	int64_t id, found;

	id = mkuser(db, "Ana@Tienda.cl", 1);
	assert_int_equal(ayni_user_find(db, "ANA@tienda.cl", &found, &err), 0);
	assert_int_equal(found, id);
	assert_int_equal(ayni_user_create(db, "ana@tienda.cl", NULL, PW, 0,
	    NULL, &err), AYNI_EEXISTS);
	assert_string_equal(err.msg, "user 'ana@tienda.cl' already exists");
	assert_int_equal(ayni_user_find(db, "no@tienda.cl", &found, &err),
	    AYNI_ENOTFOUND);
	assert_string_equal(err.msg, "no user 'no@tienda.cl'");
	assert_int_equal(ayni_user_create(db, "b@tienda.cl", NULL,
	    "b@tienda.cl", 0, NULL, &err), AYNI_EUSAGE);
	/* Nothing in clear. */
	assert_int_equal(q1(db, "SELECT count(*) FROM users WHERE"
	    " password_hash LIKE '%correct horse%'"), 0);
}

static int
login(ayni_db *db, const char *email, const char *pw, ayni_error *err)
{
	int64_t id;

	return ayni_login(db, email, pw, "host1", 1, &id, err);
}

static void
test_login_same_answer(void **state)
{
	ayni_db *db = *state;
	ayni_error e1, e2;
	int64_t id, got;

	id = mkuser(db, "ana@tienda.cl", 0);
	assert_int_equal(ayni_login(db, "Ana@Tienda.cl", PW, "host1", 1, &got,
	    &e1), 0);
	assert_int_equal(got, id);
	assert_int_equal(q1(db, "SELECT last_login = '2025-10-09 08:53:20'"
	    " AND last_login_host = 'host1' FROM users"), 1);
	assert_int_equal(login(db, "nobody@tienda.cl", PW, &e1), AYNI_EPERM);
	assert_int_equal(login(db, "ana@tienda.cl", "wrong pass", &e2),
	    AYNI_EPERM);
	assert_string_equal(e1.msg, "wrong email or password");
	assert_string_equal(e1.msg, e2.msg);
	/* Inactive: the same answer, even with the right password. */
	exec(db, "UPDATE users SET is_active = 0");
	assert_int_equal(login(db, "ana@tienda.cl", PW, &e2), AYNI_EPERM);
	assert_string_equal(e2.msg, "wrong email or password");
}

static void
test_lockout_clock(void **state)
{
	ayni_db *db = *state;
	ayni_error err;
	int i;

	mkuser(db, "ana@tienda.cl", 0);
	for (i = 0; i < 4; i++)
		assert_int_equal(login(db, "ana@tienda.cl", "bad pass", &err),
		    AYNI_EPERM);
	assert_int_equal(q1(db, "SELECT failed_login_attempts FROM users"), 4);
	assert_int_equal(q1(db, "SELECT lockout_until IS NULL FROM users"), 1);
	assert_int_equal(login(db, "ana@tienda.cl", "bad pass", &err),
	    AYNI_EPERM);
	assert_string_equal(err.msg, "wrong email or password");
	/* Locked: even the right password is refused, with the time left. */
	assert_int_equal(login(db, "ana@tienda.cl", PW, &err), AYNI_EPERM);
	assert_string_equal(err.msg, "account locked after 5 failed logins: "
	    "try again in 15 minutes");
	ayni_db_set_now(db, T0 + 14 * 60 + 1);
	assert_int_equal(login(db, "ana@tienda.cl", PW, &err), AYNI_EPERM);
	assert_string_equal(err.msg, "account locked after 5 failed logins: "
	    "try again in 1 minute");
	/* Ended: the count starts again, one failure does not relock. */
	ayni_db_set_now(db, T0 + 15 * 60);
	assert_int_equal(login(db, "ana@tienda.cl", "bad pass", &err),
	    AYNI_EPERM);
	assert_string_equal(err.msg, "wrong email or password");
	assert_int_equal(q1(db, "SELECT failed_login_attempts FROM users"), 1);
	assert_int_equal(login(db, "ana@tienda.cl", PW, &err), 0);
	assert_int_equal(q1(db, "SELECT failed_login_attempts = 0 AND"
	    " lockout_until IS NULL FROM users"), 1);
	/* Four more after a success are not five in a row. */
	for (i = 0; i < 4; i++)
		login(db, "ana@tienda.cl", "bad pass", &err);
	assert_int_equal(login(db, "ana@tienda.cl", PW, &err), 0);
	for (i = 0; i < 4; i++)
		login(db, "ana@tienda.cl", "bad pass", &err);
	assert_int_equal(login(db, "ana@tienda.cl", PW, &err), 0);
	/* Unlock ends a lockout at once. */
	for (i = 0; i < 5; i++)
		login(db, "ana@tienda.cl", "bad pass", &err);
	assert_int_equal(login(db, "ana@tienda.cl", PW, &err), AYNI_EPERM);
	assert_int_equal(ayni_user_unlock(db, q1(db, "SELECT id FROM users"),
	    &err), 0);
	assert_int_equal(login(db, "ana@tienda.cl", PW, &err), 0);
}

static void
test_rehash_on_login(void **state)
{
	ayni_db *db = *state;
	ayni_error err;
	int64_t id;

	mkuser(db, "ana@tienda.cl", 0);		/* at m=8, t=1 */
	ayni_password_test_cost(2, 16);
	/* A failed login does not rehash. */
	assert_int_equal(login(db, "ana@tienda.cl", "bad pass", &err),
	    AYNI_EPERM);
	assert_int_equal(q1(db, "SELECT password_hash LIKE"
	    " '$argon2id$v=19$m=8,t=1,p=1$%' FROM users"), 1);
	assert_int_equal(ayni_login(db, "ana@tienda.cl", PW, "h", 1, &id,
	    &err), 0);
	assert_int_equal(q1(db, "SELECT password_hash LIKE"
	    " '$argon2id$v=19$m=16,t=2,p=1$%' FROM users"), 1);
	assert_int_equal(login(db, "ana@tienda.cl", PW, &err), 0);
}

static void
test_sessions(void **state)
{
	ayni_db *db = *state;
	ayni_error err;
	ayni_actor a;
	char tok[AYNI_TOKEN_LEN + 1], tok2[AYNI_TOKEN_LEN + 1], h[65];
	char sql[400], c;
	int64_t id;

	id = mkuser(db, "ana@tienda.cl", 1);
	assert_int_equal(ayni_session_create(db, id, "h", tok, &err), 0);
	assert_int_equal(strlen(tok), AYNI_TOKEN_LEN);
	assert_int_equal(ayni_token_hash(tok, h, sizeof(h), &err), 0);
	snprintf(sql, sizeof(sql), "SELECT count(*) FROM sessions WHERE"
	    " token_hash = '%s' AND token_hash <> '%s'", h, tok);
	assert_int_equal(q1(db, sql), 1);
	assert_int_equal(ayni_auth_resolve(db, tok, &a, &err), 0);
	assert_int_equal(a.user_id, id);
	assert_int_equal(a.is_superuser, 1);
	assert_int_equal(a.is_api, 0);
	assert_string_equal(a.email, "ana@tienda.cl");
	assert_int_equal(ayni_auth_resolve(db, NULL, &a, &err), AYNI_EPERM);
	assert_string_equal(err.msg, "not logged in: run 'ayni login'");
	assert_int_equal(ayni_auth_resolve(db, "abc", &a, &err), AYNI_EPERM);
	c = tok[0];
	tok[0] = c == 'a' ? 'b' : 'a';
	assert_int_equal(ayni_auth_resolve(db, tok, &a, &err), AYNI_EPERM);
	tok[0] = c;
	/* 30 days. */
	ayni_db_set_now(db, T0 + 30 * 86400 - 1);
	assert_int_equal(ayni_auth_resolve(db, tok, &a, &err), 0);
	ayni_db_set_now(db, T0 + 30 * 86400);
	assert_int_equal(ayni_auth_resolve(db, tok, &a, &err), AYNI_EPERM);
	ayni_db_set_now(db, T0);
	/* End one; revoke others. */
	assert_int_equal(ayni_session_create(db, id, "h", tok2, &err), 0);
	assert_int_equal(ayni_session_end(db, tok, &err), 0);
	assert_int_equal(ayni_auth_resolve(db, tok, &a, &err), AYNI_EPERM);
	assert_int_equal(ayni_auth_resolve(db, tok2, &a, &err), 0);
	assert_int_equal(ayni_sessions_revoke(db, id, AYNI_REVOKE_SESSIONS,
	    a.session_id, &err), 0);
	assert_int_equal(ayni_auth_resolve(db, tok2, &a, &err), 0);
	assert_int_equal(ayni_sessions_revoke(db, id, AYNI_REVOKE_API, 0,
	    &err), 0);
	assert_int_equal(ayni_auth_resolve(db, tok2, &a, &err), 0);
	assert_int_equal(ayni_sessions_revoke(db, id, AYNI_REVOKE_SESSIONS, 0,
	    &err), 0);
	assert_int_equal(ayni_auth_resolve(db, tok2, &a, &err), AYNI_EPERM);
	assert_int_equal(ayni_session_end(db, "0000", &err), AYNI_ENOTFOUND);
}

static void
test_api_tokens(void **state)
{
	ayni_db *db = *state;
	ayni_error err;
	ayni_actor a;
	char tok[AYNI_TOKEN_LEN + 1], tok2[AYNI_TOKEN_LEN + 1], exp[20];
	int64_t id, other;

	id = mkuser(db, "ana@tienda.cl", 0);
	other = mkuser(db, "bea@tienda.cl", 0);
	assert_int_equal(ayni_apitoken_create(db, id, "nightly", 7, tok, exp,
	    &err), 0);
	assert_string_equal(exp, "2025-10-16 08:53:20");
	assert_int_equal(ayni_auth_resolve(db, tok, &a, &err), 0);
	assert_int_equal(a.user_id, id);
	assert_int_equal(a.is_api, 1);
	assert_int_equal(ayni_session_end(db, tok, &err), AYNI_EUSAGE);
	assert_int_equal(ayni_auth_resolve(db, tok, &a, &err), 0);
	assert_int_equal(ayni_apitoken_create(db, id, "nightly", 7, tok2, exp,
	    &err), AYNI_EEXISTS);
	assert_int_equal(ayni_apitoken_create(db, other, "nightly", 7, tok2,
	    exp, &err), 0);
	assert_int_equal(ayni_apitoken_create(db, id, "a b", 7, tok2, exp,
	    &err), AYNI_EUSAGE);
	assert_int_equal(ayni_apitoken_create(db, id, "x", 0, tok2, exp,
	    &err), AYNI_EUSAGE);
	assert_int_equal(ayni_apitoken_create(db, id, "x", 3651, tok2, exp,
	    &err), AYNI_EUSAGE);
	ayni_db_set_now(db, T0 + 7 * 86400);
	assert_int_equal(ayni_auth_resolve(db, tok, &a, &err), AYNI_EPERM);
	ayni_db_set_now(db, T0);
	assert_int_equal(ayni_apitoken_revoke(db, other, "nightly", &err), 0);
	assert_int_equal(ayni_auth_resolve(db, tok, &a, &err), 0);
	assert_int_equal(ayni_apitoken_revoke(db, id, "nightly", &err), 0);
	assert_int_equal(ayni_auth_resolve(db, tok, &a, &err), AYNI_EPERM);
	assert_int_equal(ayni_apitoken_revoke(db, id, "nightly", &err),
	    AYNI_ENOTFOUND);
	assert_string_equal(err.msg, "no token 'nightly': see 'ayni token "
	    "list'");
	/* The name is free again once revoked. */
	assert_int_equal(ayni_apitoken_create(db, id, "nightly", 7, tok2, exp,
	    &err), 0);
}

static void
test_reset_tokens(void **state)
{
	ayni_db *db = *state;
	ayni_error err;
	char tok[AYNI_TOKEN_LEN + 1], old[AYNI_TOKEN_LEN + 1], exp[20];
	char email[256], sess[AYNI_TOKEN_LEN + 1];
	ayni_actor a;
	int64_t id;

	id = mkuser(db, "ana@tienda.cl", 0);
	assert_int_equal(ayni_session_create(db, id, "h", sess, &err), 0);
	assert_int_equal(ayni_reset_request(db, "nobody@tienda.cl", tok, exp,
	    &err), AYNI_ENOTFOUND);
	assert_int_equal(ayni_reset_request(db, "ana@tienda.cl", old, exp,
	    &err), 0);
	assert_int_equal(ayni_reset_request(db, "ana@tienda.cl", tok, exp,
	    &err), 0);
	assert_string_equal(exp, "2025-10-09 09:53:20");
	/* The newer request ended the older token. */
	assert_int_equal(ayni_reset_consume(db, old, "new password 1", NULL,
	    &err), AYNI_EPERM);
	/* A refused password leaves the token usable. */
	assert_int_equal(ayni_reset_consume(db, tok, "short", NULL, &err),
	    AYNI_EUSAGE);
	/* Lock the account: a reset ends the lockout. */
	exec(db, "UPDATE users SET failed_login_attempts = 5,"
	    " lockout_until = '2025-10-09 09:00:00'");
	assert_int_equal(ayni_reset_consume(db, tok, "new password 1", email,
	    &err), 0);
	assert_string_equal(email, "ana@tienda.cl");
	assert_int_equal(ayni_reset_consume(db, tok, "new password 2", NULL,
	    &err), AYNI_EPERM);
	assert_string_equal(err.msg, "password reset token is invalid, used "
	    "or expired: ask a superuser for a new one ('ayni user "
	    "reset-request')");
	assert_int_equal(login(db, "ana@tienda.cl", "new password 1", &err), 0);
	assert_int_equal(ayni_auth_resolve(db, sess, &a, &err), AYNI_EPERM);
	/* One hour. */
	assert_int_equal(ayni_reset_request(db, "ana@tienda.cl", tok, exp,
	    &err), 0);
	ayni_db_set_now(db, T0 + 3600);
	assert_int_equal(ayni_reset_consume(db, tok, "new password 3", NULL,
	    &err), AYNI_EPERM);
	ayni_db_set_now(db, T0);
	assert_int_equal(ayni_reset_consume(db, "zz", "new password 3", NULL,
	    &err), AYNI_EPERM);
	assert_int_equal(q1(db, "SELECT count(*) FROM password_reset_tokens"
	    " WHERE length(token_hash) = 64"), 3);
}

static void
test_verify_tokens(void **state)
{
	ayni_db *db = *state;
	ayni_error err;
	char tok[AYNI_TOKEN_LEN + 1], exp[20], email[256];

	mkuser(db, "ana@tienda.cl", 0);
	assert_int_equal(ayni_verify_request(db, "ana@tienda.cl", tok, exp,
	    &err), 0);
	assert_string_equal(exp, "2025-10-10 08:53:20");
	ayni_db_set_now(db, T0 + 86399);
	assert_int_equal(ayni_verify_consume(db, tok, email, &err), 0);
	assert_string_equal(email, "ana@tienda.cl");
	assert_int_equal(q1(db, "SELECT is_email_verified FROM users"), 1);
	assert_int_equal(ayni_verify_consume(db, tok, email, &err), AYNI_EPERM);
	ayni_db_set_now(db, T0);
	assert_int_equal(ayni_verify_request(db, "ana@tienda.cl", tok, exp,
	    &err), 0);
	ayni_db_set_now(db, T0 + 86400);
	assert_int_equal(ayni_verify_consume(db, tok, email, &err), AYNI_EPERM);
	assert_string_equal(err.msg, "email verification token is invalid, "
	    "used or expired: ask a superuser for a new one ('ayni user "
	    "verify-request')");
}

static void
test_deactivate(void **state)
{
	ayni_db *db = *state;
	ayni_error err;
	ayni_actor a;
	char s[AYNI_TOKEN_LEN + 1], t[AYNI_TOKEN_LEN + 1], exp[20];
	int64_t root, bob;

	root = mkuser(db, "root@tienda.cl", 1);
	bob = mkuser(db, "bob@tienda.cl", 0);
	assert_int_equal(ayni_user_deactivate(db, root, &err), AYNI_EPERM);
	assert_string_equal(err.msg, "cannot remove 'root@tienda.cl': it is "
	    "the last active superuser");
	assert_int_equal(ayni_session_create(db, bob, "h", s, &err), 0);
	assert_int_equal(ayni_apitoken_create(db, bob, "cron", 5, t, exp,
	    &err), 0);
	assert_int_equal(ayni_user_deactivate(db, bob, &err), 0);
	assert_int_equal(ayni_auth_resolve(db, s, &a, &err), AYNI_EPERM);
	assert_int_equal(ayni_auth_resolve(db, t, &a, &err), AYNI_EPERM);
	assert_int_equal(q1(db, "SELECT count(*) FROM sessions"
	    " WHERE revoked_at IS NULL"), 0);
	assert_int_equal(ayni_user_deactivate(db, bob, &err), AYNI_EEXISTS);
	assert_int_equal(ayni_reset_request(db, "bob@tienda.cl", t, exp, &err),
	    AYNI_EPERM);
}

static void
test_password_set(void **state)
{
	ayni_db *db = *state;
	ayni_error err;
	int64_t id;

	id = mkuser(db, "ana@tienda.cl", 0);
	assert_int_equal(ayni_password_set(db, id, "ana@tienda.cl", &err),
	    AYNI_EUSAGE);
	assert_int_equal(ayni_password_set(db, id, "new password 1", &err), 0);
	assert_int_equal(login(db, "ana@tienda.cl", PW, &err), AYNI_EPERM);
	assert_int_equal(login(db, "ana@tienda.cl", "new password 1", &err), 0);
	/* Checking the current password (record_login 0) says so. */
	assert_int_equal(ayni_login(db, "ana@tienda.cl", "bad pass", NULL, 0,
	    &id, &err), AYNI_EPERM);
	assert_string_equal(err.msg, "wrong current password");
}

static void
test_token_file(void **state)
{
	char dir[] = "/tmp/ayni-ut.XXXXXX", path[512], tok[AYNI_TOKEN_LEN + 1];
	char cfg[300], cmd[600];
	const char *want =
	    "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
	ayni_error err;
	struct stat sb;
	FILE *fp;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(cfg, sizeof(cfg), "%s/cfg/deep", dir);
	setenv("XDG_CONFIG_HOME", cfg, 1);
	snprintf(path, sizeof(path), "%s/a.db", dir);
	assert_int_equal(ayni_token_file_read(path, tok, &err),
	    AYNI_ENOTFOUND);
	umask(022);
	assert_int_equal(ayni_token_file_write(path, want, &err), 0);
	assert_int_equal(ayni_token_file_read(path, tok, &err), 0);
	assert_string_equal(tok, want);
	snprintf(cmd, sizeof(cmd), "%s/ayni", cfg);
	assert_int_equal(stat(cmd, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0700);
	snprintf(cmd, sizeof(cmd), "stat -c %%a %s/ayni/session-*", cfg);
	fp = popen(cmd, "r");
	assert_non_null(fp);
	assert_non_null(fgets(path + 400, 100, fp));
	pclose(fp);
	assert_string_equal(path + 400, "600\n");
	/* Another database has no session. */
	snprintf(path, sizeof(path), "%s/b.db", dir);
	assert_int_equal(ayni_token_file_read(path, tok, &err),
	    AYNI_ENOTFOUND);
	snprintf(path, sizeof(path), "%s/a.db", dir);
	assert_int_equal(ayni_token_file_remove(path, &err), 0);
	assert_int_equal(ayni_token_file_read(path, tok, &err),
	    AYNI_ENOTFOUND);
	assert_int_equal(ayni_token_file_remove(path, &err), 0);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
	unsetenv("XDG_CONFIG_HOME");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_email_and_policy),
		cmocka_unit_test(test_hash_policy_cost),
		cmocka_unit_test_setup_teardown(test_create_and_find, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_login_same_answer, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_lockout_clock, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_rehash_on_login, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_sessions, setup, teardown),
		cmocka_unit_test_setup_teardown(test_api_tokens, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_reset_tokens, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_verify_tokens, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_deactivate, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_password_set, setup,
		    teardown),
		cmocka_unit_test(test_token_file),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
