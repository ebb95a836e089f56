/*
 * auth.c - logins and lockout, sessions, API tokens and the single-use
 * password reset and email verification tokens (docs/contract.md §3).
 *
 * Every token is 256 random bits handed out once; the database keeps only
 * its hash (secret.c makes both).  This file builds on user.c (users and
 * passwords) and is the only one of the two that knows sessions: a user's
 * deactivation, which ends their sessions, is completed here.  The clock is ayni_db_now(), so tests move through lockouts
 * and expiries without sleeping; there is deliberately no other way to set
 * it.  Nothing here prompts, prints or decides who may call what.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>


#include "ayni/intl.h"
#include "ayni/user.h"
#include "internal.h"
#include "sql.h"

#define NOT_LOGGED_IN	_("not logged in: run 'ayni login'")
#define BAD_LOGIN	N_("wrong email or password")

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
	char hash[65], now[20], exp[20];
	time_t t = ayni_db_now(db);
	int rc;

	if ((rc = ayni_token_random(token, err)) != 0 ||
	    (rc = ayni_token_hash(token, hash, sizeof(hash), err)) != 0)
		return rc;
	ayni_db_timestamp(t, now);
	ayni_db_timestamp(t + life, exp);
	rc = ayni_sql_exec(db, err, N_("creating a session"),
	    "INSERT INTO sessions (user_id, kind, name, token_hash, host,"
	    " created_at, expires_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
	    "Itttttt", user_id, kind, name, hash, host, now, exp);
	if (rc < 0 && name != NULL && ayni_sql_is_dup(db))
		rc = ayni_error_set(err, AYNI_EEXISTS,
		    _("token '%s' already exists: revoke it with 'ayni token "
		    "revoke %s' or choose another name"), name, name);
	if (rc < 0) {
		ayni_wipe(token, AYNI_TOKEN_LEN + 1);
		return rc;
	}
	if (expires_at != NULL)
		memcpy(expires_at, exp, sizeof(exp));
	return 0;
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
	ayni_stmt *st;
	char hash[65], now[20];
	int rc, api;

	if ((rc = ayni_token_hash(token, hash, sizeof(hash), err)) != 0)
		return rc;
	ayni_db_timestamp(ayni_db_now(db), now);
	if ((rc = ayni_sql_row(db, &st, err, N_("ending the session"),
	    "SELECT kind = 'api' FROM sessions WHERE token_hash = ?1", "t",
	    hash)) != 0)
		return rc == AYNI_ENOTFOUND ? ayni_error_set(err, rc,
		    _("no such session")) : rc;
	api = ayni_col_int(st, 0);
	ayni_stmt_finalize(st);
	if (api)
		return ayni_error_set(err, AYNI_EUSAGE, _("this is an API token, "
		    "not a login session: end it with 'ayni token revoke "
		    "NAME'"));
	rc = ayni_sql_exec(db, err, N_("ending the session"),
	    "UPDATE sessions SET revoked_at = ?2 WHERE token_hash = ?1"
	    " AND revoked_at IS NULL", "tt", hash, now);
	return rc < 0 ? rc : 0;
}

int
ayni_sessions_revoke(ayni_db *db, int64_t user_id, int kinds,
    int64_t except_id, ayni_error *err)
{
	char now[20];
	int rc;

	ayni_db_timestamp(ayni_db_now(db), now);
	rc = ayni_sql_exec(db, err, N_("revoking sessions"),
	    "UPDATE sessions SET revoked_at = ?2 WHERE user_id = ?1"
	    " AND revoked_at IS NULL AND id <> ?3"
	    " AND ((kind = 'session' AND ?4 <> 0) OR (kind = 'api' AND ?5 <> 0))",
	    "ItIii", user_id, now, except_id,
	    (kinds & AYNI_REVOKE_SESSIONS) != 0,
	    (kinds & AYNI_REVOKE_API) != 0);
	return rc < 0 ? rc : 0;
}

int
ayni_user_deactivate(ayni_db *db, int64_t user_id, ayni_error *err)
{
	int rc;

	if ((rc = ayni_db_begin(db, err)) != 0)
		return rc;
	if ((rc = ayni_user_set_inactive(db, user_id, err)) == 0)
		rc = ayni_sessions_revoke(db, user_id,
		    AYNI_REVOKE_SESSIONS | AYNI_REVOKE_API, 0, err);
	return ayni_db_end(db, rc, err);
}

/*
 * Remember when a token was last used.  Best effort and never waiting: a
 * read-only command must not block (or fail) because an upload holds the
 * write lock, so the busy timeout is set to zero around the write.
 */
static void
touch_session(ayni_db *db, int64_t id)
{
	char now[20];
	int ms = ayni_db_busy_timeout(db);

	if (ayni_db_in_transaction(db))
		return;
	ayni_db_timestamp(ayni_db_now(db), now);
	ayni_db_set_busy_timeout(db, 0);
	ayni_sql_exec(db, NULL, "", "UPDATE sessions SET last_used_at = ?2"
	    " WHERE id = ?1", "It", id, now);
	ayni_db_set_busy_timeout(db, ms);
}

/*
 * A token that matched no live session: say why, so that a cron job's log
 * tells an expired or revoked token from a typo (docs/contract.md §8).  A hash
 * that matches nothing, or a removed user, is only "not logged in".
 */
static int
dead_token(ayni_db *db, const char *hash, const char *now, ayni_error *err)
{
	ayni_stmt *st;
	const char *name, *exp, *rev;
	int rc, api;

	if ((rc = ayni_sql_row(db, &st, err, N_("checking the session"),
	    "SELECT s.kind = 'api', s.name, s.expires_at, s.revoked_at"
	    " FROM sessions s JOIN users u ON u.id = s.user_id"
	    " WHERE s.token_hash = ?1 AND u.is_active = 1", "t", hash)) != 0)
		return rc == AYNI_ENOTFOUND ? ayni_error_set(err, AYNI_EPERM,
		    NOT_LOGGED_IN) : rc;
	api = ayni_col_int(st, 0);
	name = ayni_col_text(st, 1);
	exp = ayni_col_text(st, 2);
	rev = ayni_col_text(st, 3);
	if (api && rev != NULL)
		rc = ayni_error_set(err, AYNI_EPERM, _("token '%s' was revoked "
		    "on %.10s: create a new one with 'ayni token create "
		    "--name %s'"), name, rev, name);
	else if (api && exp != NULL && strcmp(exp, now) <= 0)
		rc = ayni_error_set(err, AYNI_EPERM, _("token '%s' expired on "
		    "%.10s: create a new one with 'ayni token create "
		    "--name %s'"), name, exp, name);
	else if (rev != NULL)
		rc = ayni_error_set(err, AYNI_EPERM, _("session ended on %.10s "
		    "(logged out): run 'ayni login'"), rev);
	else if (exp != NULL && strcmp(exp, now) <= 0)
		rc = ayni_error_set(err, AYNI_EPERM, _("session expired on "
		    "%.10s: run 'ayni login'"), exp);
	else
		rc = ayni_error_set(err, AYNI_EPERM, NOT_LOGGED_IN);
	ayni_stmt_finalize(st);
	return rc;
}

int
ayni_auth_resolve(ayni_db *db, const char *token, ayni_actor *out,
    ayni_error *err)
{
	ayni_stmt *st;
	char hash[65], now[20];
	int rc;

	memset(out, 0, sizeof(*out));
	if (token == NULL || strlen(token) != AYNI_TOKEN_LEN)
		return ayni_error_set(err, AYNI_EPERM, NOT_LOGGED_IN);
	if ((rc = ayni_token_hash(token, hash, sizeof(hash), err)) != 0)
		return rc;
	ayni_db_timestamp(ayni_db_now(db), now);
	rc = ayni_sql_row(db, &st, err, N_("checking the session"),
	    "SELECT s.id, u.id, u.is_superuser, coalesce(s.company_id, 0),"
	    " u.email, s.kind = 'api'"
	    " FROM sessions s JOIN users u ON u.id = s.user_id"
	    " WHERE s.token_hash = ?1 AND s.revoked_at IS NULL"
	    " AND s.expires_at > ?2 AND u.is_active = 1", "tt", hash, now);
	if (rc == AYNI_ENOTFOUND)
		return dead_token(db, hash, now, err);
	if (rc != 0)
		return rc;
	out->session_id = ayni_col_int64(st, 0);
	out->user_id = ayni_col_int64(st, 1);
	out->is_superuser = ayni_col_int(st, 2);
	out->company_id = ayni_col_int64(st, 3);
	snprintf(out->email, sizeof(out->email), "%s",
	    ayni_col_text(st, 4));
	out->is_api = ayni_col_int(st, 5);
	ayni_stmt_finalize(st);
	touch_session(db, out->session_id);
	return 0;
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
	ayni_stmt *st;
	int rc;

	if ((rc = ayni_sql_prepare(db, &st, err, N_("reading the session"),
	    "SELECT u.email, u.name, u.is_superuser, s.kind, s.name,"
	    " s.expires_at, ?2, ?3, ?4 FROM sessions s"
	    " JOIN users u ON u.id = s.user_id WHERE s.id = ?1", "Ittt",
	    actor->session_id, company, company_name, role)) != 0)
		return rc;
	rc = ayni_writer_stmt(w, st, err);
	ayni_stmt_finalize(st);
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
	    P_("account locked after %d failed logins: try again in %ld "
	    "minute", "account locked after %d failed logins: try again in "
	    "%ld minutes", min), AYNI_LOCKOUT_FAILURES, min);
}

/*
 * A wrong password for user id, which had failed failed times before:
 * count it, lock the account at AYNI_LOCKOUT_FAILURES, and end the
 * transaction: the failure is committed, and the caller still gets the
 * no (bad).
 */
static int
login_failed(ayni_db *db, int64_t id, int failed, time_t now,
    const char *bad, ayni_error *err)
{
	char now_s[20], until_s[20];
	int rc;

	ayni_db_timestamp(now, now_s);
	failed++;
	if (failed >= AYNI_LOCKOUT_FAILURES)
		ayni_db_timestamp(now + AYNI_LOCKOUT_SECONDS, until_s);
	if ((rc = ayni_sql_exec(db, err, N_("logging in"),
	    "UPDATE users SET failed_login_attempts = ?2,"
	    " lockout_until = ?3, updated_at = ?4 WHERE id = ?1",
	    "Iitt", id, failed, failed >= AYNI_LOCKOUT_FAILURES ?
	    until_s : NULL, now_s)) < 0)
		return ayni_db_end(db, rc, err);
	if ((rc = ayni_db_commit(db, err)) != 0)
		return rc;
	return ayni_error_set(err, AYNI_EPERM, "%s", bad);
}

/*
 * The right password for user id (its hash stored): the failures
 * forgotten, the login recorded when record_login, the hash renewed when
 * its cost is out of date.
 */
static int
login_ok(ayni_db *db, int64_t id, const char *password, const char *stored,
    const char *host, int record_login, time_t now, ayni_error *err)
{
	char newhash[256], now_s[20];
	int rc, rehash;

	newhash[0] = '\0';
	ayni_db_timestamp(now, now_s);
	rehash = ayni_password_needs_rehash(stored);
	if (rehash && (rc = ayni_password_hash(password, newhash,
	    sizeof(newhash), err)) != 0)
		goto out;
	if ((rc = ayni_sql_exec(db, err, N_("logging in"),
	    "UPDATE users SET failed_login_attempts = 0, lockout_until = NULL,"
	    " last_login = CASE WHEN ?2 <> 0 THEN ?3 ELSE last_login END,"
	    " last_login_host = CASE WHEN ?2 <> 0 THEN ?4"
	    " ELSE last_login_host END,"
	    " password_hash = coalesce(?5, password_hash) WHERE id = ?1",
	    "Iittt", id, record_login != 0, now_s, host,
	    rehash ? newhash : NULL)) >= 0)
		rc = 0;
out:
	ayni_wipe(newhash, sizeof(newhash));
	return rc;
}

int
ayni_login(ayni_db *db, const char *email, const char *password,
    const char *host, int record_login, int64_t *out_id, ayni_error *err)
{
	ayni_stmt *st;
	char norm[256], *stored = NULL;
	const char *bad = record_login ? _(BAD_LOGIN) :
	    _("wrong current password");
	time_t now = ayni_db_now(db), until;
	int64_t id = 0;
	int rc, active = 0, failed = 0, ok;

	*out_id = 0;
	if ((rc = ayni_email_normalize(email, norm, sizeof(norm), err)) != 0)
		return rc;
	/*
	 * One write transaction from reading the failure count to storing
	 * the new one: two guesses at once cannot both see 4 failures.
	 */
	if ((rc = ayni_db_begin(db, err)) != 0)
		return rc;
	rc = ayni_sql_row(db, &st, err, N_("logging in"),
	    "SELECT id, password_hash, is_active, failed_login_attempts,"
	    " lockout_until FROM users WHERE email = ?1", "t", norm);
	if (rc == AYNI_ENOTFOUND) {
		dummy_verify(password);
		rc = ayni_error_set(err, AYNI_EPERM, "%s", _(BAD_LOGIN));
	}
	if (rc != 0)
		goto out;
	id = ayni_col_int64(st, 0);
	stored = strdup(ayni_col_text(st, 1));
	active = ayni_col_int(st, 2);
	failed = ayni_col_int(st, 3);
	until = parse_timestamp(ayni_col_text(st, 4));
	ayni_stmt_finalize(st);
	if (stored == NULL) {
		rc = ayni_error_set(err, AYNI_ENOMEM, _("out of memory"));
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
	if (!ok) {
		rc = login_failed(db, id, failed, now, bad, err);
		goto done;
	}
	if ((rc = login_ok(db, id, password, stored, host, record_login, now,
	    err)) == 0)
		*out_id = id;
out:
	rc = ayni_db_end(db, rc, err);
done:
	if (stored != NULL) {
		ayni_wipe(stored, strlen(stored));
		free(stored);
	}
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
		    _("invalid token name '%s': use 1 to 64 letters, digits, "
		    "'.', '_' or '-'"), name);
	if (days < 1 || days > AYNI_API_TOKEN_MAX_DAYS)
		return ayni_error_set(err, AYNI_EUSAGE,
		    _("invalid expiry '%d' days: give 1 to %d"), days,
		    AYNI_API_TOKEN_MAX_DAYS);
	return session_insert(db, user_id, "api", name, NULL,
	    (time_t)days * 86400, token, expires_at, err);
}

int
ayni_apitoken_revoke(ayni_db *db, int64_t user_id, const char *name,
    ayni_error *err)
{
	char now[20];
	int rc;

	ayni_db_timestamp(ayni_db_now(db), now);
	if ((rc = ayni_sql_exec(db, err, N_("revoking the token"),
	    "UPDATE sessions SET revoked_at = ?3 WHERE user_id = ?1"
	    " AND kind = 'api' AND name = ?2 AND revoked_at IS NULL", "Itt",
	    user_id, name, now)) == 0)
		return ayni_error_set(err, AYNI_ENOTFOUND,
		    _("no token '%s': see 'ayni token list'"), name);
	return rc < 0 ? rc : 0;
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
	ayni_stmt *st;
	char now[20];
	int rc;

	ayni_db_timestamp(ayni_db_now(db), now);
	if ((rc = ayni_sql_prepare(db, &st, err, N_("listing tokens"),
	    "SELECT name, created_at, expires_at, last_used_at,"
	    " CASE WHEN expires_at > ?2 THEN 'active' ELSE 'expired' END"
	    " FROM sessions WHERE user_id = ?1 AND kind = 'api'"
	    " AND revoked_at IS NULL ORDER BY name", "It", user_id, now)) != 0)
		return rc;
	rc = ayni_writer_stmt(w, st, err);
	ayni_stmt_finalize(st);
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
	const char	*invalid;	/* for a person, N_() */
};

static const struct onetime reset_kind = {
	"password_reset_tokens", "used", AYNI_RESET_SECONDS,
	"password reset", "reset-request",
	N_("password reset token is invalid, used or expired: ask a "
	"superuser for a new one ('ayni user reset-request')")
};
static const struct onetime verify_kind = {
	"email_verification_tokens", "verified", AYNI_VERIFY_SECONDS,
	"email verification", "verify-request",
	N_("email verification token is invalid, used or expired: ask a "
	"superuser for a new one ('ayni user verify-request')")
};

static int
onetime_request(ayni_db *db, const struct onetime *k, const char *email,
    char token[AYNI_TOKEN_LEN + 1], char expires_at[20], ayni_error *err)
{
	char sql[256], hash[65], now[20], norm[256];
	time_t t = ayni_db_now(db);
	int64_t uid, active;
	int rc;

	if ((rc = ayni_user_find(db, email, &uid, err)) != 0)
		return rc;
	ayni_email_normalize(email, norm, sizeof(norm), NULL);
	if ((rc = ayni_sql_int(db, &active, err, N_("reading the user"),
	    "SELECT is_active FROM users WHERE id = ?1", "I", uid)) < 0 &&
	    rc != AYNI_ENOTFOUND)
		return rc;
	if (rc != 0 || !active)
		return ayni_error_set(err, AYNI_EPERM,
		    _("user '%s' is inactive"), norm);
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
	if ((rc = ayni_sql_exec(db, err, k->what, sql, "It", uid, now)) >= 0) {
		snprintf(sql, sizeof(sql), "INSERT INTO %s (user_id,"
		    " token_hash, created_at, expires_at)"
		    " VALUES (?1, ?2, ?3, ?4)", k->table);
		rc = ayni_sql_exec(db, err, k->what, sql, "Ittt", uid, hash,
		    now, expires_at);
	}
	rc = ayni_db_end(db, rc < 0 ? rc : 0, err);
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
	ayni_stmt *st;
	char sql[320], hash[65], now[20];
	int64_t id;
	int rc;

	ayni_db_timestamp(ayni_db_now(db), now);
	if (strlen(token) != AYNI_TOKEN_LEN)
		goto bad;
	if ((rc = ayni_token_hash(token, hash, sizeof(hash), err)) != 0)
		return rc;
	snprintf(sql, sizeof(sql), "SELECT t.id, t.user_id, u.email FROM %s t"
	    " JOIN users u ON u.id = t.user_id WHERE t.token_hash = ?1"
	    " AND t.%s = 0 AND t.expires_at > ?2 AND u.is_active = 1",
	    k->table, k->flag);
	rc = ayni_sql_row(db, &st, err, k->what, sql, "tt", hash, now);
	if (rc == AYNI_ENOTFOUND)
		goto bad;
	if (rc != 0)
		return rc;
	id = ayni_col_int64(st, 0);
	*uid = ayni_col_int64(st, 1);
	if (out_email != NULL)
		snprintf(out_email, 256, "%s",
		    ayni_col_text(st, 2));
	ayni_stmt_finalize(st);
	snprintf(sql, sizeof(sql), "UPDATE %s SET %s = 1 WHERE id = ?1",
	    k->table, k->flag);
	rc = ayni_sql_exec(db, err, k->what, sql, "I", id);
	return rc < 0 ? rc : 0;
bad:
	return ayni_error_set(err, AYNI_EPERM, "%s", _(k->invalid));
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
	return ayni_db_end(db, rc, err);
}

int
ayni_verify_consume(ayni_db *db, const char *token, char *out_email,
    ayni_error *err)
{
	char now[20];
	int64_t uid = 0;
	int rc;

	if ((rc = ayni_db_begin(db, err)) != 0)
		return rc;
	ayni_db_timestamp(ayni_db_now(db), now);
	if ((rc = onetime_take(db, &verify_kind, token, &uid, out_email,
	    err)) == 0 && (rc = ayni_sql_exec(db, err, N_("verifying the email"),
	    "UPDATE users SET is_email_verified = 1, updated_at = ?2"
	    " WHERE id = ?1", "It", uid, now)) > 0)
		rc = 0;
	return ayni_db_end(db, rc, err);
}
