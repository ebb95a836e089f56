/*
 * user.h - users, passwords, sessions and API tokens (SPEC §3).
 *
 * Passwords are hashed with argon2id and only the encoded hash is stored.
 * Sessions and API tokens are random 256-bit secrets handed to the user
 * once; the database keeps only a hash of each.  Nothing here prompts or
 * prints: reading a password from the terminal is the command line's job.
 */
#ifndef AYNI_USER_H
#define AYNI_USER_H

#include <stddef.h>
#include <stdint.h>

#include "ayni/db.h"
#include "ayni/error.h"

/* Who is calling: set by ayni_auth_resolve from a session or API token. */
typedef struct ayni_actor {
	int64_t	user_id;
	int64_t	session_id;
	int	is_superuser;
	int64_t	company_id;	/* chosen with 'company use', or 0 */
	char	email[256];
} ayni_actor;

/* argon2id cost of new hashes: above OWASP's m=19 MiB, t=2, p=1. */
#define AYNI_ARGON2_T		3
#define AYNI_ARGON2_M_KIB	(64 * 1024)
#define AYNI_ARGON2_P		1

#define AYNI_TOKEN_LEN		64	/* hex characters of a 256-bit token */
#define AYNI_SESSION_DAYS	30

/* Lower-case and validate an email address into out. */
int	ayni_email_normalize(const char *in, char *out, size_t len,
	    ayni_error *err);
/* At least 8 characters, not all digits, not the email (case-blind). */
int	ayni_password_policy(const char *password, const char *email,
	    ayni_error *err);
/* argon2id encoded hash of password into out (>= 128 bytes). */
int	ayni_password_hash(const char *password, char *out, size_t len,
	    ayni_error *err);
/* 1 if password matches the encoded hash, 0 if not. */
int	ayni_password_verify(const char *encoded, const char *password);

/* Create a user; the email must be new.  Checks the password policy. */
int	ayni_user_create(ayni_db *db, const char *email, const char *name,
	    const char *password, int is_superuser, int64_t *out_id,
	    ayni_error *err);

/* Fill buf with a new random token of AYNI_TOKEN_LEN hex characters. */
int	ayni_token_random(char buf[AYNI_TOKEN_LEN + 1], ayni_error *err);
/* The stored form of a token: a hex hash, deterministic so it can be
   looked up; buf >= 65 bytes. */
int	ayni_token_hash(const char *token, char *buf, size_t len,
	    ayni_error *err);

/*
 * Start a login session for user_id, valid AYNI_SESSION_DAYS: writes the
 * token (to be given to the user once) into token.
 */
int	ayni_session_create(ayni_db *db, int64_t user_id, const char *host,
	    char token[AYNI_TOKEN_LEN + 1], ayni_error *err);

/*
 * Who holds token (a session or an API token): AYNI_EPERM "not logged in:
 * run 'ayni login'" when token is NULL, unknown, revoked or expired, or the
 * user is inactive.
 */
int	ayni_auth_resolve(ayni_db *db, const char *token, ayni_actor *out,
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

/* Overwrite a secret in memory so it does not outlive its use. */
void	ayni_wipe(void *p, size_t len);

#endif /* AYNI_USER_H */
