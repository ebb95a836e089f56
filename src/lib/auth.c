/*
 * auth.c - logins and lockout, sessions, API tokens and the single-use
 * password reset and email verification tokens (docs/contract.md §3).
 *
 * Every token is 256 random bits from getrandom(2) handed out once; the
 * database keeps only a deterministic argon2id hash of it (the tokens are
 * random, so a fixed salt and minimal cost lose nothing and make the hash a
 * lookup key).  The clock is ayni_db_now(), so tests move through lockouts
 * and expiries without sleeping; there is deliberately no other way to set
 * it.  Nothing here prompts, prints or decides who may call what.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>

#include <argon2.h>
#include <sqlite3.h>

#include "ayni/user.h"

#define NOT_LOGGED_IN	"not logged in: run 'ayni login'"
#define BAD_LOGIN	"wrong email or password"

int
ayni_token_random(char buf[AYNI_TOKEN_LEN + 1], ayni_error *err)
{
	unsigned char raw[AYNI_TOKEN_LEN / 2];
	size_t i;

	if (getrandom(raw, sizeof(raw), 0) != (ssize_t)sizeof(raw))
		return ayni_error_set(err, AYNI_EINTERNAL,
		    "cannot get random bytes: %s", strerror(errno));
	for (i = 0; i < sizeof(raw); i++)
		snprintf(buf + 2 * i, 3, "%02x", raw[i]);
	ayni_wipe(raw, sizeof(raw));
	return 0;
}

int
ayni_token_hash(const char *token, char *buf, size_t len, ayni_error *err)
{
	static const char salt[] = "ayni-token-salt1";	/* 16 bytes */
	unsigned char raw[32];
	size_t i;
	int rc;

	if (len < 2 * sizeof(raw) + 1)
		return ayni_error_set(err, AYNI_EINTERNAL, "token buffer");
	rc = argon2id_hash_raw(1, 8, 1, token, strlen(token), salt,
	    sizeof(salt) - 1, raw, sizeof(raw));
	if (rc != ARGON2_OK)
		return ayni_error_set(err, AYNI_EINTERNAL,
		    "cannot hash token: %s", argon2_error_message(rc));
	for (i = 0; i < sizeof(raw); i++)
		snprintf(buf + 2 * i, 3, "%02x", raw[i]);
	return 0;
}

/* 'YYYY-MM-DD HH:MM:SS' UTC back to a time; 0 if it is not one. */
static time_t
parse_timestamp(const char *s)
{
	struct tm tm;

	memset(&tm, 0, sizeof(tm));
	if (s == NULL || sscanf(s, "%d-%d-%d %d:%d:%d", &tm.tm_year,
	    &tm.tm_mon, &tm.tm_mday, &tm.tm_hour, &tm.tm_min,
	    &tm.tm_sec) != 6)
		return 0;
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	return timegm(&tm);
}

static int
session_insert(ayni_db *db, int64_t user_id, const char *kind,
    const char *name, const char *host, time_t life,
    char token[AYNI_TOKEN_LEN + 1], char expires_at[20], ayni_error *err)
{
	sqlite3 *h = ayni_db_handle(db);
	sqlite3_stmt *st = NULL;
	char hash[65], now[20], exp[20];
	time_t t = ayni_db_now(db);
	int rc;

	if ((rc = ayni_token_random(token, err)) != 0 ||
	    (rc = ayni_token_hash(token, hash, sizeof(hash), err)) != 0)
		return rc;
	ayni_db_timestamp(t, now);
	ayni_db_timestamp(t + life, exp);
	if (sqlite3_prepare_v2(h,
	    "INSERT INTO sessions (user_id, kind, name, token_hash, host,"
	    " created_at, expires_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
	    -1, &st, NULL) != SQLITE_OK) {
		rc = ayni_db_error(db, err, "creating a session");
		goto out;
	}
	sqlite3_bind_int64(st, 1, user_id);
	sqlite3_bind_text(st, 2, kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, hash, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, host, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, now, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, exp, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_DONE) {
		if (sqlite3_extended_errcode(h) == SQLITE_CONSTRAINT_UNIQUE &&
		    name != NULL)
			rc = ayni_error_set(err, AYNI_EEXISTS,
			    "token '%s' already exists: revoke it with 'ayni "
			    "token revoke %s' or choose another name", name,
			    name);
		else
			rc = ayni_db_error(db, err, "creating a session");
		goto out;
	}
	if (expires_at != NULL)
		memcpy(expires_at, exp, sizeof(exp));
out:
	sqlite3_finalize(st);
	if (rc != 0)
		ayni_wipe(token, AYNI_TOKEN_LEN + 1);
	return rc;
}

int
ayni_session_create(ayni_db *db, int64_t user_id, const char *host,
    char token[AYNI_TOKEN_LEN + 1], ayni_error *err)
{
	return session_insert(db, user_id, "session", NULL, host,
	    (time_t)AYNI_SESSION_DAYS * 86400, token, NULL, err);
}

int
ayni_session_end(ayni_db *db, const char *token, ayni_error *err)
{
	sqlite3_stmt *st = NULL;
	char hash[65], now[20];
	int rc = 0;

	if ((rc = ayni_token_hash(token, hash, sizeof(hash), err)) != 0)
		return rc;
	ayni_db_timestamp(ayni_db_now(db), now);
	if (sqlite3_prepare_v2(ayni_db_handle(db),
	    "SELECT kind FROM sessions WHERE token_hash = ?1", -1, &st,
	    NULL) != SQLITE_OK)
		return ayni_db_error(db, err, "ending the session");
	sqlite3_bind_text(st, 1, hash, -1, SQLITE_STATIC);
	switch (sqlite3_step(st)) {
	case SQLITE_ROW:
		if (strcmp((const char *)sqlite3_column_text(st, 0), "api")
		    == 0)
			rc = ayni_error_set(err, AYNI_EUSAGE,
			    "this is an API token, not a login session: end it "
			    "with 'ayni token revoke NAME'");
		break;
	case SQLITE_DONE:
		rc = ayni_error_set(err, AYNI_ENOTFOUND, "no such session");
		break;
	default:
		rc = ayni_db_error(db, err, "ending the session");
	}
	sqlite3_finalize(st);
	st = NULL;
	if (rc != 0)
		return rc;
	if (sqlite3_prepare_v2(ayni_db_handle(db),
	    "UPDATE sessions SET revoked_at = ?2 WHERE token_hash = ?1"
	    " AND revoked_at IS NULL", -1, &st, NULL) != SQLITE_OK)
		return ayni_db_error(db, err, "ending the session");
	sqlite3_bind_text(st, 1, hash, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, now, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_DONE)
		rc = ayni_db_error(db, err, "ending the session");
	sqlite3_finalize(st);
	return rc;
}

int
ayni_sessions_revoke(ayni_db *db, int64_t user_id, int kinds,
    int64_t except_id, ayni_error *err)
{
	sqlite3_stmt *st = NULL;
	char now[20];
	int rc = 0;

	ayni_db_timestamp(ayni_db_now(db), now);
	if (sqlite3_prepare_v2(ayni_db_handle(db),
	    "UPDATE sessions SET revoked_at = ?2 WHERE user_id = ?1"
	    " AND revoked_at IS NULL AND id <> ?3"
	    " AND ((kind = 'session' AND ?4) OR (kind = 'api' AND ?5))", -1,
	    &st, NULL) != SQLITE_OK)
		return ayni_db_error(db, err, "revoking sessions");
	sqlite3_bind_int64(st, 1, user_id);
	sqlite3_bind_text(st, 2, now, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, except_id);
	sqlite3_bind_int(st, 4, (kinds & AYNI_REVOKE_SESSIONS) != 0);
	sqlite3_bind_int(st, 5, (kinds & AYNI_REVOKE_API) != 0);
	if (sqlite3_step(st) != SQLITE_DONE)
		rc = ayni_db_error(db, err, "revoking sessions");
	sqlite3_finalize(st);
	return rc;
}

/*
 * Remember when a token was last used.  Best effort and never waiting: a
 * read-only command must not block (or fail) because an upload holds the
 * write lock, so the busy timeout is set to zero around the write.
 */
static void
touch_session(ayni_db *db, int64_t id)
{
	sqlite3 *h = ayni_db_handle(db);
	sqlite3_stmt *st = NULL;
	char now[20];
	int ms = 5000;

	if (!sqlite3_get_autocommit(h))
		return;
	if (sqlite3_prepare_v2(h, "PRAGMA busy_timeout", -1, &st, NULL) ==
	    SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
		ms = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	st = NULL;
	ayni_db_timestamp(ayni_db_now(db), now);
	sqlite3_busy_timeout(h, 0);
	if (sqlite3_prepare_v2(h, "UPDATE sessions SET last_used_at = ?2"
	    " WHERE id = ?1", -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_text(st, 2, now, -1, SQLITE_STATIC);
		sqlite3_step(st);
	}
	sqlite3_finalize(st);
	sqlite3_busy_timeout(h, ms);
}

/*
 * A token that matched no live session: say why, so that a cron job's log
 * tells an expired or revoked token from a typo (docs/contract.md §8).  A hash
 * that matches nothing, or a removed user, is only "not logged in".
 */
static int
dead_token(ayni_db *db, const char *hash, const char *now, ayni_error *err)
{
	sqlite3_stmt *st = NULL;
	const char *name, *exp, *rev;
	int rc, api;

	if (sqlite3_prepare_v2(ayni_db_handle(db), "SELECT s.kind = 'api',"
	    " s.name, s.expires_at, s.revoked_at FROM sessions s"
	    " JOIN users u ON u.id = s.user_id"
	    " WHERE s.token_hash = ?1 AND u.is_active = 1", -1, &st,
	    NULL) != SQLITE_OK)
		return ayni_db_error(db, err, "checking the session");
	sqlite3_bind_text(st, 1, hash, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_ROW) {
		rc = ayni_error_set(err, AYNI_EPERM, NOT_LOGGED_IN);
		goto out;
	}
	api = sqlite3_column_int(st, 0);
	name = (const char *)sqlite3_column_text(st, 1);
	exp = (const char *)sqlite3_column_text(st, 2);
	rev = (const char *)sqlite3_column_text(st, 3);
	if (api && rev != NULL)
		rc = ayni_error_set(err, AYNI_EPERM, "token '%s' was revoked "
		    "on %.10s: create a new one with 'ayni token create "
		    "--name %s'", name, rev, name);
	else if (api && exp != NULL && strcmp(exp, now) <= 0)
		rc = ayni_error_set(err, AYNI_EPERM, "token '%s' expired on "
		    "%.10s: create a new one with 'ayni token create "
		    "--name %s'", name, exp, name);
	else if (rev != NULL)
		rc = ayni_error_set(err, AYNI_EPERM, "session ended on %.10s "
		    "(logged out): run 'ayni login'", rev);
	else if (exp != NULL && strcmp(exp, now) <= 0)
		rc = ayni_error_set(err, AYNI_EPERM, "session expired on "
		    "%.10s: run 'ayni login'", exp);
	else
		rc = ayni_error_set(err, AYNI_EPERM, NOT_LOGGED_IN);
out:
	sqlite3_finalize(st);
	return rc;
}

int
ayni_auth_resolve(ayni_db *db, const char *token, ayni_actor *out,
    ayni_error *err)
{
	sqlite3_stmt *st = NULL;
	char hash[65], now[20];
	int rc;

	memset(out, 0, sizeof(*out));
	if (token == NULL || strlen(token) != AYNI_TOKEN_LEN)
		return ayni_error_set(err, AYNI_EPERM, NOT_LOGGED_IN);
	if ((rc = ayni_token_hash(token, hash, sizeof(hash), err)) != 0)
		return rc;
	ayni_db_timestamp(ayni_db_now(db), now);
	if (sqlite3_prepare_v2(ayni_db_handle(db),
	    "SELECT s.id, u.id, u.is_superuser, ifnull(s.company_id, 0),"
	    " u.email, s.kind = 'api'"
	    " FROM sessions s JOIN users u ON u.id = s.user_id"
	    " WHERE s.token_hash = ?1 AND s.revoked_at IS NULL"
	    " AND s.expires_at > ?2 AND u.is_active = 1", -1, &st,
	    NULL) != SQLITE_OK) {
		rc = ayni_db_error(db, err, "checking the session");
		goto out;
	}
	sqlite3_bind_text(st, 1, hash, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, now, -1, SQLITE_STATIC);
	switch (sqlite3_step(st)) {
	case SQLITE_ROW:
		out->session_id = sqlite3_column_int64(st, 0);
		out->user_id = sqlite3_column_int64(st, 1);
		out->is_superuser = sqlite3_column_int(st, 2);
		out->company_id = sqlite3_column_int64(st, 3);
		snprintf(out->email, sizeof(out->email), "%s",
		    (const char *)sqlite3_column_text(st, 4));
		out->is_api = sqlite3_column_int(st, 5);
		break;
	case SQLITE_DONE:
		rc = dead_token(db, hash, now, err);
		break;
	default:
		rc = ayni_db_error(db, err, "checking the session");
	}
out:
	sqlite3_finalize(st);
	if (rc == 0)
		touch_session(db, out->session_id);
	return rc;
}

/* If you change these columns, also change the SELECT in ayni_whoami. */
const ayni_column ayni_whoami_columns[] = {
	{ "email", AYNI_T_TEXT },
	{ "name", AYNI_T_TEXT },
	{ "superuser", AYNI_T_BOOL },
	{ "kind", AYNI_T_TEXT },
	{ "token_name", AYNI_T_TEXT },
	{ "expires_at", AYNI_T_TEXT },
	{ "company", AYNI_T_TEXT },
	{ "company_name", AYNI_T_TEXT },
	{ "role", AYNI_T_TEXT },
};
const int ayni_whoami_ncolumns =
    (int)(sizeof(ayni_whoami_columns) / sizeof(ayni_whoami_columns[0]));

int
ayni_whoami(ayni_db *db, const ayni_actor *actor, const char *company,
    const char *company_name, const char *role, ayni_writer *w,
    ayni_error *err)
{
	sqlite3_stmt *st = NULL;
	int rc;

	if (sqlite3_prepare_v2(ayni_db_handle(db),
	    "SELECT u.email, u.name, u.is_superuser, s.kind, s.name,"
	    " s.expires_at, ?2, ?3, ?4 FROM sessions s"
	    " JOIN users u ON u.id = s.user_id WHERE s.id = ?1", -1, &st,
	    NULL) != SQLITE_OK)
		return ayni_db_error(db, err, "reading the session");
	sqlite3_bind_int64(st, 1, actor->session_id);
	sqlite3_bind_text(st, 2, company, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, company_name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, role, -1, SQLITE_STATIC);
	rc = ayni_writer_stmt(w, st, err);
	sqlite3_finalize(st);
	return rc;
}

/*
 * Spend what checking a password costs, so that an unknown email takes as
 * long as a wrong password: one argon2 run at the current cost.
 */
static void
dummy_verify(const char *pw)
{
	char dummy[256];

	(void)ayni_password_hash(pw, dummy, sizeof(dummy), NULL);
	ayni_wipe(dummy, sizeof(dummy));
}

static int
locked_error(ayni_error *err, time_t left)
{
	long min = (long)((left + 59) / 60);

	return ayni_error_set(err, AYNI_EPERM,
	    "account locked after %d failed logins: try again in %ld "
	    "minute%s", AYNI_LOCKOUT_FAILURES, min, min == 1 ? "" : "s");
}

int
ayni_login(ayni_db *db, const char *email, const char *password,
    const char *host, int record_login, int64_t *out_id, ayni_error *err)
{
	sqlite3 *h = ayni_db_handle(db);
	sqlite3_stmt *st = NULL;
	char norm[256], *stored = NULL, newhash[256], now_s[20], until_s[20];
	const char *bad = record_login ? BAD_LOGIN : "wrong current password";
	time_t now = ayni_db_now(db), until;
	int64_t id = 0;
	int rc, active = 0, failed = 0, ok, rehash;

	*out_id = 0;
	newhash[0] = '\0';
	if ((rc = ayni_email_normalize(email, norm, sizeof(norm), err)) != 0)
		return rc;
	/*
	 * One write transaction from reading the failure count to storing
	 * the new one: two guesses at once cannot both see 4 failures.
	 */
	if ((rc = ayni_db_begin(db, err)) != 0)
		return rc;
	if (sqlite3_prepare_v2(h, "SELECT id, password_hash, is_active,"
	    " failed_login_attempts, lockout_until FROM users"
	    " WHERE email = ?1", -1, &st, NULL) != SQLITE_OK) {
		rc = ayni_db_error(db, err, "logging in");
		goto out;
	}
	sqlite3_bind_text(st, 1, norm, -1, SQLITE_STATIC);
	switch (sqlite3_step(st)) {
	case SQLITE_ROW:
		id = sqlite3_column_int64(st, 0);
		stored = strdup((const char *)sqlite3_column_text(st, 1));
		active = sqlite3_column_int(st, 2);
		failed = sqlite3_column_int(st, 3);
		until = parse_timestamp(
		    (const char *)sqlite3_column_text(st, 4));
		break;
	case SQLITE_DONE:
		dummy_verify(password);
		rc = ayni_error_set(err, AYNI_EPERM, BAD_LOGIN);
		goto out;
	default:
		rc = ayni_db_error(db, err, "logging in");
		goto out;
	}
	sqlite3_finalize(st);
	st = NULL;
	if (stored == NULL) {
		rc = ayni_error_set(err, AYNI_ENOMEM, "out of memory");
		goto out;
	}
	if (until > now) {
		rc = locked_error(err, until - now);
		goto out;
	}
	/* A lockout that has ended starts the count again. */
	if (until != 0)
		failed = 0;
	ok = ayni_password_verify(stored, password);
	if (!active) {
		rc = ayni_error_set(err, AYNI_EPERM, "%s", bad);
		goto out;
	}
	ayni_db_timestamp(now, now_s);
	if (!ok) {
		failed++;
		if (failed >= AYNI_LOCKOUT_FAILURES)
			ayni_db_timestamp(now + AYNI_LOCKOUT_SECONDS, until_s);
		if (sqlite3_prepare_v2(h, "UPDATE users SET"
		    " failed_login_attempts = ?2, lockout_until = ?3,"
		    " updated_at = ?4 WHERE id = ?1", -1, &st, NULL) !=
		    SQLITE_OK) {
			rc = ayni_db_error(db, err, "logging in");
			goto out;
		}
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_int(st, 2, failed);
		if (failed >= AYNI_LOCKOUT_FAILURES)
			sqlite3_bind_text(st, 3, until_s, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 4, now_s, -1, SQLITE_STATIC);
		if (sqlite3_step(st) != SQLITE_DONE) {
			rc = ayni_db_error(db, err, "logging in");
			goto out;
		}
		/* The failure is committed; the caller still gets the no. */
		sqlite3_finalize(st);
		st = NULL;
		if ((rc = ayni_db_commit(db, err)) != 0)
			goto done;
		rc = ayni_error_set(err, AYNI_EPERM, "%s", bad);
		goto done;
	}
	rehash = ayni_password_needs_rehash(stored);
	if (rehash && (rc = ayni_password_hash(password, newhash,
	    sizeof(newhash), err)) != 0)
		goto out;
	if (sqlite3_prepare_v2(h, "UPDATE users SET failed_login_attempts = 0,"
	    " lockout_until = NULL,"
	    " last_login = CASE WHEN ?2 THEN ?3 ELSE last_login END,"
	    " last_login_host = CASE WHEN ?2 THEN ?4 ELSE last_login_host END,"
	    " password_hash = ifnull(?5, password_hash) WHERE id = ?1", -1,
	    &st, NULL) != SQLITE_OK) {
		rc = ayni_db_error(db, err, "logging in");
		goto out;
	}
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int(st, 2, record_login != 0);
	sqlite3_bind_text(st, 3, now_s, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, host, -1, SQLITE_STATIC);
	if (rehash)
		sqlite3_bind_text(st, 5, newhash, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_DONE)
		rc = ayni_db_error(db, err, "logging in");
	else
		*out_id = id;
out:
	sqlite3_finalize(st);
	if (rc == 0)
		rc = ayni_db_commit(db, err);
	else
		ayni_db_rollback(db);
done:
	if (stored != NULL) {
		ayni_wipe(stored, strlen(stored));
		free(stored);
	}
	ayni_wipe(newhash, sizeof(newhash));
	if (rc != 0)
		*out_id = 0;
	return rc;
}

static int
token_name_ok(const char *name)
{
	size_t i, n = strlen(name);

	if (n == 0 || n > 64)
		return 0;
	for (i = 0; i < n; i++)
		if (!((name[i] >= 'a' && name[i] <= 'z') ||
		    (name[i] >= 'A' && name[i] <= 'Z') ||
		    (name[i] >= '0' && name[i] <= '9') || name[i] == '.' ||
		    name[i] == '_' || name[i] == '-'))
			return 0;
	return 1;
}

int
ayni_apitoken_create(ayni_db *db, int64_t user_id, const char *name,
    int days, char token[AYNI_TOKEN_LEN + 1], char expires_at[20],
    ayni_error *err)
{
	if (!token_name_ok(name))
		return ayni_error_set(err, AYNI_EUSAGE,
		    "invalid token name '%s': use 1 to 64 letters, digits, "
		    "'.', '_' or '-'", name);
	if (days < 1 || days > AYNI_API_TOKEN_MAX_DAYS)
		return ayni_error_set(err, AYNI_EUSAGE,
		    "invalid expiry '%d' days: give 1 to %d", days,
		    AYNI_API_TOKEN_MAX_DAYS);
	return session_insert(db, user_id, "api", name, NULL,
	    (time_t)days * 86400, token, expires_at, err);
}

int
ayni_apitoken_revoke(ayni_db *db, int64_t user_id, const char *name,
    ayni_error *err)
{
	sqlite3_stmt *st = NULL;
	char now[20];
	int rc = 0;

	ayni_db_timestamp(ayni_db_now(db), now);
	if (sqlite3_prepare_v2(ayni_db_handle(db),
	    "UPDATE sessions SET revoked_at = ?3 WHERE user_id = ?1"
	    " AND kind = 'api' AND name = ?2 AND revoked_at IS NULL", -1, &st,
	    NULL) != SQLITE_OK)
		return ayni_db_error(db, err, "revoking the token");
	sqlite3_bind_int64(st, 1, user_id);
	sqlite3_bind_text(st, 2, name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, now, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_DONE)
		rc = ayni_db_error(db, err, "revoking the token");
	else if (sqlite3_changes(ayni_db_handle(db)) == 0)
		rc = ayni_error_set(err, AYNI_ENOTFOUND,
		    "no token '%s': see 'ayni token list'", name);
	sqlite3_finalize(st);
	return rc;
}

/* If you change these columns, also change ayni_apitoken_list's SELECT. */
const ayni_column ayni_apitoken_columns[] = {
	{ "name", AYNI_T_TEXT },
	{ "created_at", AYNI_T_TEXT },
	{ "expires_at", AYNI_T_TEXT },
	{ "last_used_at", AYNI_T_TEXT },
	{ "status", AYNI_T_TEXT },
};
const int ayni_apitoken_ncolumns =
    (int)(sizeof(ayni_apitoken_columns) / sizeof(ayni_apitoken_columns[0]));

int
ayni_apitoken_list(ayni_db *db, int64_t user_id, ayni_writer *w,
    ayni_error *err)
{
	sqlite3_stmt *st = NULL;
	char now[20];
	int rc;

	ayni_db_timestamp(ayni_db_now(db), now);
	if (sqlite3_prepare_v2(ayni_db_handle(db),
	    "SELECT name, created_at, expires_at, last_used_at,"
	    " CASE WHEN expires_at > ?2 THEN 'active' ELSE 'expired' END"
	    " FROM sessions WHERE user_id = ?1 AND kind = 'api'"
	    " AND revoked_at IS NULL ORDER BY name", -1, &st, NULL) !=
	    SQLITE_OK)
		return ayni_db_error(db, err, "listing tokens");
	sqlite3_bind_int64(st, 1, user_id);
	sqlite3_bind_text(st, 2, now, -1, SQLITE_STATIC);
	rc = ayni_writer_stmt(w, st, err);
	sqlite3_finalize(st);
	return rc;
}

/*
 * The two kinds of single-use token share their shape: a table, the column
 * that marks a token consumed, a life and words for messages.
 */
struct onetime {
	const char	*table;
	const char	*flag;
	time_t		 life;
	const char	*what;		/* "password reset" */
	const char	*request;	/* "reset-request" */
};

static const struct onetime reset_kind = {
	"password_reset_tokens", "used", AYNI_RESET_SECONDS,
	"password reset", "reset-request"
};
static const struct onetime verify_kind = {
	"email_verification_tokens", "verified", AYNI_VERIFY_SECONDS,
	"email verification", "verify-request"
};

static int
onetime_request(ayni_db *db, const struct onetime *k, const char *email,
    char token[AYNI_TOKEN_LEN + 1], char expires_at[20], ayni_error *err)
{
	sqlite3 *h = ayni_db_handle(db);
	sqlite3_stmt *st = NULL;
	char sql[256], hash[65], now[20], norm[256];
	time_t t = ayni_db_now(db);
	int64_t uid;
	int rc, active;

	if ((rc = ayni_user_find(db, email, &uid, err)) != 0)
		return rc;
	ayni_email_normalize(email, norm, sizeof(norm), NULL);
	if (sqlite3_prepare_v2(h, "SELECT is_active FROM users WHERE id = ?1",
	    -1, &st, NULL) != SQLITE_OK)
		return ayni_db_error(db, err, "reading the user");
	sqlite3_bind_int64(st, 1, uid);
	active = sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	st = NULL;
	if (!active)
		return ayni_error_set(err, AYNI_EPERM,
		    "user '%s' is inactive", norm);
	if ((rc = ayni_token_random(token, err)) != 0 ||
	    (rc = ayni_token_hash(token, hash, sizeof(hash), err)) != 0)
		return rc;
	ayni_db_timestamp(t, now);
	ayni_db_timestamp(t + k->life, expires_at);
	if ((rc = ayni_db_begin(db, err)) != 0)
		goto wipe;
	/* Only the newest token of a user works: end the earlier ones. */
	snprintf(sql, sizeof(sql), "UPDATE %s SET expires_at = ?2"
	    " WHERE user_id = ?1 AND %s = 0 AND expires_at > ?2", k->table,
	    k->flag);
	if (sqlite3_prepare_v2(h, sql, -1, &st, NULL) != SQLITE_OK) {
		rc = ayni_db_error(db, err, k->what);
		goto out;
	}
	sqlite3_bind_int64(st, 1, uid);
	sqlite3_bind_text(st, 2, now, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_DONE) {
		rc = ayni_db_error(db, err, k->what);
		goto out;
	}
	sqlite3_finalize(st);
	snprintf(sql, sizeof(sql), "INSERT INTO %s (user_id, token_hash,"
	    " created_at, expires_at) VALUES (?1, ?2, ?3, ?4)", k->table);
	if (sqlite3_prepare_v2(h, sql, -1, &st, NULL) != SQLITE_OK) {
		rc = ayni_db_error(db, err, k->what);
		goto out;
	}
	sqlite3_bind_int64(st, 1, uid);
	sqlite3_bind_text(st, 2, hash, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, now, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, expires_at, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_DONE)
		rc = ayni_db_error(db, err, k->what);
out:
	sqlite3_finalize(st);
	if (rc == 0)
		rc = ayni_db_commit(db, err);
	else
		ayni_db_rollback(db);
wipe:
	if (rc != 0)
		ayni_wipe(token, AYNI_TOKEN_LEN + 1);
	return rc;
}

/*
 * Mark the token consumed inside the caller's transaction; *uid is its
 * user.  Unknown, used, expired, or of an inactive user: AYNI_EPERM.
 */
static int
onetime_take(ayni_db *db, const struct onetime *k, const char *token,
    int64_t *uid, char *out_email, ayni_error *err)
{
	sqlite3 *h = ayni_db_handle(db);
	sqlite3_stmt *st = NULL;
	char sql[320], hash[65], now[20];
	int64_t id = 0;
	int rc = 0;

	ayni_db_timestamp(ayni_db_now(db), now);
	if (strlen(token) != AYNI_TOKEN_LEN)
		goto bad;
	if ((rc = ayni_token_hash(token, hash, sizeof(hash), err)) != 0)
		return rc;
	snprintf(sql, sizeof(sql), "SELECT t.id, t.user_id, u.email FROM %s t"
	    " JOIN users u ON u.id = t.user_id WHERE t.token_hash = ?1"
	    " AND t.%s = 0 AND t.expires_at > ?2 AND u.is_active = 1",
	    k->table, k->flag);
	if (sqlite3_prepare_v2(h, sql, -1, &st, NULL) != SQLITE_OK)
		return ayni_db_error(db, err, k->what);
	sqlite3_bind_text(st, 1, hash, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, now, -1, SQLITE_STATIC);
	switch (sqlite3_step(st)) {
	case SQLITE_ROW:
		id = sqlite3_column_int64(st, 0);
		*uid = sqlite3_column_int64(st, 1);
		if (out_email != NULL)
			snprintf(out_email, 256, "%s",
			    (const char *)sqlite3_column_text(st, 2));
		break;
	case SQLITE_DONE:
		break;
	default:
		rc = ayni_db_error(db, err, k->what);
	}
	sqlite3_finalize(st);
	st = NULL;
	if (rc != 0)
		return rc;
	if (id == 0)
		goto bad;
	snprintf(sql, sizeof(sql), "UPDATE %s SET %s = 1 WHERE id = ?1",
	    k->table, k->flag);
	if (sqlite3_prepare_v2(h, sql, -1, &st, NULL) != SQLITE_OK)
		return ayni_db_error(db, err, k->what);
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) != SQLITE_DONE)
		rc = ayni_db_error(db, err, k->what);
	sqlite3_finalize(st);
	return rc;
bad:
	return ayni_error_set(err, AYNI_EPERM,
	    "%s token is invalid, used or expired: ask a superuser for a "
	    "new one ('ayni user %s')", k->what, k->request);
}

int
ayni_reset_request(ayni_db *db, const char *email,
    char token[AYNI_TOKEN_LEN + 1], char expires_at[20], ayni_error *err)
{
	return onetime_request(db, &reset_kind, email, token, expires_at,
	    err);
}

int
ayni_verify_request(ayni_db *db, const char *email,
    char token[AYNI_TOKEN_LEN + 1], char expires_at[20], ayni_error *err)
{
	return onetime_request(db, &verify_kind, email, token, expires_at,
	    err);
}

int
ayni_reset_consume(ayni_db *db, const char *token, const char *password,
    char *out_email, ayni_error *err)
{
	int64_t uid = 0;
	int rc;

	if ((rc = ayni_db_begin(db, err)) != 0)
		return rc;
	if ((rc = onetime_take(db, &reset_kind, token, &uid, out_email, err))
	    == 0 && (rc = ayni_password_set(db, uid, password, err)) == 0)
		rc = ayni_sessions_revoke(db, uid,
		    AYNI_REVOKE_SESSIONS | AYNI_REVOKE_API, 0, err);
	if (rc != 0) {
		ayni_db_rollback(db);
		return rc;
	}
	return ayni_db_commit(db, err);
}

int
ayni_verify_consume(ayni_db *db, const char *token, char *out_email,
    ayni_error *err)
{
	sqlite3_stmt *st = NULL;
	char now[20];
	int64_t uid = 0;
	int rc;

	if ((rc = ayni_db_begin(db, err)) != 0)
		return rc;
	if ((rc = onetime_take(db, &verify_kind, token, &uid, out_email, err))
	    != 0)
		goto out;
	ayni_db_timestamp(ayni_db_now(db), now);
	if (sqlite3_prepare_v2(ayni_db_handle(db), "UPDATE users SET"
	    " is_email_verified = 1, updated_at = ?2 WHERE id = ?1", -1, &st,
	    NULL) != SQLITE_OK) {
		rc = ayni_db_error(db, err, "verifying the email");
		goto out;
	}
	sqlite3_bind_int64(st, 1, uid);
	sqlite3_bind_text(st, 2, now, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_DONE)
		rc = ayni_db_error(db, err, "verifying the email");
out:
	sqlite3_finalize(st);
	if (rc != 0) {
		ayni_db_rollback(db);
		return rc;
	}
	return ayni_db_commit(db, err);
}
