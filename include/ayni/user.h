/*
 * user.h - users, passwords, sessions, API tokens and the single-use
 * password reset and email verification tokens (docs/contract.md §3).
 *
 * Passwords are hashed with argon2id and only the encoded hash is stored.
 * Sessions, API tokens and single-use tokens are random 256-bit secrets
 * handed to the user once; the database keeps only a hash of each.
 * Nothing here prompts or prints: reading a password from the terminal is
 * the command line's job.  Who may call what (superuser, company admin) is
 * also decided by the caller; these functions do what they are asked.
 *
 * Implemented in src/lib/user.c (users, passwords, the token file) and
 * src/lib/auth.c (logins, lockout, sessions and tokens), over the hashes
 * and random tokens of src/lib/secret.c (ayni/secret.h, included here).
 * auth.c builds on user.c, never the other way round.
 */
#ifndef AYNI_USER_H
#define AYNI_USER_H

#include <stddef.h>
#include <stdint.h>

#include "ayni/db.h"
#include "ayni/error.h"
#include "ayni/output.h"
#include "ayni/secret.h"

/* Who is calling: set by ayni_auth_resolve from a session or API token. */
typedef struct ayni_actor {
	int64_t	user_id;
	int64_t	session_id;
	int	is_superuser;
	int64_t	company_id;	/* chosen with 'company use', or 0 */
	char	email[256];
	int	is_api;		/* authenticated by an API token */
} ayni_actor;

#define AYNI_SESSION_DAYS	30
#define AYNI_API_TOKEN_DAYS	365	/* default life of an API token */
#define AYNI_API_TOKEN_MAX_DAYS	3650
#define AYNI_RESET_SECONDS	3600		/* password reset: 1 hour */
#define AYNI_VERIFY_SECONDS	(24 * 3600)	/* email verification */
#define AYNI_LOCKOUT_FAILURES	5	/* consecutive failed logins ... */
#define AYNI_LOCKOUT_SECONDS	(15 * 60)	/* ... lock for 15 minutes */

/* Lower-case and validate an email address into out. */
int	ayni_email_normalize(const char *in, char *out, size_t len,
	    ayni_error *err);
/* At least 8 characters, not all digits, not the email (case-blind). */
int	ayni_password_policy(const char *password, const char *email,
	    ayni_error *err);

/* Create a user; the email must be new.  Checks the password policy. */
int	ayni_user_create(ayni_db *db, const char *email, const char *name,
	    const char *password, int is_superuser, int64_t *out_id,
	    ayni_error *err);
/* The id of the user with this email (active or not): AYNI_ENOTFOUND. */
int	ayni_user_find(ayni_db *db, const char *email, int64_t *out_id,
	    ayni_error *err);
/*
 * Set a user's password (policy checked against the user's email) and
 * clear a lockout.  Sessions are left alone: see ayni_sessions_revoke.
 */
int	ayni_password_set(ayni_db *db, int64_t user_id, const char *password,
	    ayni_error *err);
/*
 * Deactivate a user (is_active = 0) and revoke all their sessions and API
 * tokens (in auth.c, since it ends sessions).  The last active superuser cannot be deactivated (AYNI_EPERM);
 * nor the last active owner of a company (AYNI_EEXISTS, naming it), whoever
 * asks; an inactive one is AYNI_EEXISTS.
 */
int	ayni_user_deactivate(ayni_db *db, int64_t user_id, ayni_error *err);
/*
 * Undo ayni_user_deactivate: active again, with no lockout; their old
 * sessions and tokens stay revoked.  An active user is AYNI_EEXISTS.
 */
int	ayni_user_reactivate(ayni_db *db, int64_t user_id, ayni_error *err);
/* Clear failed logins and any lockout. */
int	ayni_user_unlock(ayni_db *db, int64_t user_id, ayni_error *err);

/*
 * Users as rows for the writer, columns ayni_user_columns: every user
 * (email NULL) or one (AYNI_ENOTFOUND).  locked_until is set only while a
 * lockout lasts.
 */
extern const ayni_column ayni_user_columns[];
extern const int ayni_user_ncolumns;
int	ayni_user_list(ayni_db *db, const char *email, ayni_writer *w,
	    ayni_error *err);

/*
 * Log in: check email and password.  On success *out_id is the user, the
 * failure count is reset, last_login and last_login_host are recorded and
 * a hash weaker than the policy is replaced.  On failure AYNI_EPERM with
 * the same message for an unknown email, a wrong password and an inactive
 * user; AYNI_LOCKOUT_FAILURES consecutive failures lock the account for
 * AYNI_LOCKOUT_SECONDS ("account locked: try again in N minutes"), and a
 * failure after a lockout ended counts from one again.
 *
 * Runs its own transaction and commits a failure's count, so it must not
 * be called inside a transaction that may roll back.  With record_login 0
 * (re-checking the current password of a logged-in user) last_login is
 * left alone.
 */
int	ayni_login(ayni_db *db, const char *email, const char *password,
	    const char *host, int record_login, int64_t *out_id,
	    ayni_error *err);

/*
 * Start a login session for user_id, valid AYNI_SESSION_DAYS: writes the
 * token (to be given to the user once) into token.
 */
int	ayni_session_create(ayni_db *db, int64_t user_id, const char *host,
	    char token[AYNI_TOKEN_LEN + 1], ayni_error *err);
/*
 * End the login session whose secret is token (whatever its state):
 * AYNI_ENOTFOUND when the token is unknown, AYNI_EUSAGE (and nothing
 * revoked) when it is an API token: those end with ayni_apitoken_revoke.
 */
int	ayni_session_end(ayni_db *db, const char *token, ayni_error *err);

enum {
	AYNI_REVOKE_SESSIONS = 1 << 0,	/* login sessions */
	AYNI_REVOKE_API = 1 << 1	/* API tokens */
};
/* Revoke a user's live sessions and/or tokens, except session except_id. */
int	ayni_sessions_revoke(ayni_db *db, int64_t user_id, int kinds,
	    int64_t except_id, ayni_error *err);

/*
 * Who holds token (a session or an API token): AYNI_EPERM "not logged in:
 * run 'ayni login'" when token is NULL, unknown, revoked or expired, or the
 * user is inactive.  Records when the token was last used, if the database
 * lets it do so at once.
 */
int	ayni_auth_resolve(ayni_db *db, const char *token, ayni_actor *out,
	    ayni_error *err);

/* The caller as one row for the writer, columns ayni_whoami_columns. */
extern const ayni_column ayni_whoami_columns[];
extern const int ayni_whoami_ncolumns;
/* company (display RUT), its name and the role in it: the company that
 * commands would use (NULL when none is chosen). */
int	ayni_whoami(ayni_db *db, const ayni_actor *actor, const char *company,
	    const char *company_name, const char *role, ayni_writer *w,
	    ayni_error *err);

/*
 * API tokens, for cron: named, unique among the user's live tokens
 * (AYNI_EEXISTS), valid days (1 to AYNI_API_TOKEN_MAX_DAYS) days.  The
 * token and its expiry ('YYYY-MM-DD HH:MM:SS' UTC) are written to token
 * and expires_at.
 */
int	ayni_apitoken_create(ayni_db *db, int64_t user_id, const char *name,
	    int days, char token[AYNI_TOKEN_LEN + 1], char expires_at[20],
	    ayni_error *err);
/* Revoke the user's live token called name: AYNI_ENOTFOUND. */
int	ayni_apitoken_revoke(ayni_db *db, int64_t user_id, const char *name,
	    ayni_error *err);
/* The user's live (not revoked) tokens, ayni_apitoken_columns. */
extern const ayni_column ayni_apitoken_columns[];
extern const int ayni_apitoken_ncolumns;
int	ayni_apitoken_list(ayni_db *db, int64_t user_id, ayni_writer *w,
	    ayni_error *err);

/*
 * Single-use tokens.  A request makes a new token for the user with this
 * email (AYNI_ENOTFOUND if none, AYNI_EPERM if inactive), valid
 * AYNI_RESET_SECONDS or AYNI_VERIFY_SECONDS, and invalidates the user's
 * earlier unused ones.  Consuming a token that is unknown, used or expired
 * is AYNI_EPERM.  A reset sets the password (policy checked first: a
 * refused password leaves the token usable), clears a lockout and revokes
 * every session and API token of the user.  out_email, if not NULL,
 * receives the user's email (>= 256 bytes).
 */
int	ayni_reset_request(ayni_db *db, const char *email,
	    char token[AYNI_TOKEN_LEN + 1], char expires_at[20],
	    ayni_error *err);
int	ayni_reset_consume(ayni_db *db, const char *token,
	    const char *password, char *out_email, ayni_error *err);
int	ayni_verify_request(ayni_db *db, const char *email,
	    char token[AYNI_TOKEN_LEN + 1], char expires_at[20],
	    ayni_error *err);
int	ayni_verify_consume(ayni_db *db, const char *token, char *out_email,
	    ayni_error *err);

/*
 * The token file: the token of this person's session with the database at
 * db_path (absolute), kept in $XDG_CONFIG_HOME/ayni/ (else ~/.config/ayni/)
 * in a file of mode 0600.  read gives AYNI_ENOTFOUND when there is none.
 */
int	ayni_token_file_read(const char *db_path, char token[AYNI_TOKEN_LEN + 1],
	    ayni_error *err);
int	ayni_token_file_write(const char *db_path, const char *token,
	    ayni_error *err);
int	ayni_token_file_remove(const char *db_path, ayni_error *err);
/* The directory of the token files, for 'ayni check' to look at. */
int	ayni_token_dir(char *dir, size_t len, ayni_error *err);

#endif /* AYNI_USER_H */
