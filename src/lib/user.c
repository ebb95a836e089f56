/*
 * user.c - users, password hashing and policy, sessions, API token lookup
 * and the per-database token file.
 *
 * Secrets never reach the database: passwords are stored as argon2id
 * encoded hashes, tokens as a deterministic argon2id hash (they are 256-bit
 * random values, so a fixed salt and minimal cost lose nothing and make the
 * hash a lookup key).  Nothing here prompts, prints or exits.
 */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include <argon2.h>
#include <sqlite3.h>

#include "ayni/user.h"

void
ayni_wipe(void *p, size_t len)
{
	volatile unsigned char *v = p;

	while (len-- > 0)
		*v++ = 0;
}

int
ayni_email_normalize(const char *in, char *out, size_t len, ayni_error *err)
{
	const char *s = in, *at;
	size_t n, i;

	while (isspace((unsigned char)*s))
		s++;
	n = strlen(s);
	while (n > 0 && isspace((unsigned char)s[n - 1]))
		n--;
	at = memchr(s, '@', n);
	if (n == 0 || n >= len || n > 254 || at == NULL || at == s ||
	    at == s + n - 1 || memchr(at + 1, '@', n - (size_t)(at - s) - 1) ||
	    memchr(at + 1, '.', n - (size_t)(at - s) - 1) == NULL ||
	    s[n - 1] == '.' || at[1] == '.')
		return ayni_error_set(err, AYNI_EUSAGE,
		    "invalid email '%s': expected name@domain", in);
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c <= ' ' || c == '"' || c == ',' || c == ';' || c == '<' ||
		    c == '>' || c == '\\')
			return ayni_error_set(err, AYNI_EUSAGE,
			    "invalid email '%s': it contains '%c'", in,
			    c <= ' ' ? ' ' : c);
		out[i] = (char)tolower(c);
	}
	out[n] = '\0';
	return 0;
}

int
ayni_password_policy(const char *pw, const char *email, ayni_error *err)
{
	size_t i, n = strlen(pw);
	int digits = 1;

	if (n < 8)
		return ayni_error_set(err, AYNI_EUSAGE,
		    "password too short: at least 8 characters");
	if (n > 1024)
		return ayni_error_set(err, AYNI_EUSAGE,
		    "password too long: at most 1024 characters");
	for (i = 0; i < n; i++)
		if (!isdigit((unsigned char)pw[i]))
			digits = 0;
	if (digits)
		return ayni_error_set(err, AYNI_EUSAGE,
		    "password must not be all digits");
	if (email != NULL && strcasecmp(pw, email) == 0)
		return ayni_error_set(err, AYNI_EUSAGE,
		    "password must not be the email address");
	return 0;
}

int
ayni_password_hash(const char *pw, char *out, size_t len, ayni_error *err)
{
	unsigned char salt[16];
	int rc;

	if (getrandom(salt, sizeof(salt), 0) != (ssize_t)sizeof(salt))
		return ayni_error_set(err, AYNI_EINTERNAL,
		    "cannot get random bytes: %s", strerror(errno));
	rc = argon2id_hash_encoded(AYNI_ARGON2_T, AYNI_ARGON2_M_KIB,
	    AYNI_ARGON2_P, pw, strlen(pw), salt, sizeof(salt), 32, out, len);
	if (rc != ARGON2_OK)
		return ayni_error_set(err, rc == ARGON2_MEMORY_ALLOCATION_ERROR ?
		    AYNI_ENOMEM : AYNI_EINTERNAL, "cannot hash password: %s",
		    argon2_error_message(rc));
	return 0;
}

int
ayni_password_verify(const char *encoded, const char *pw)
{
	return argon2id_verify(encoded, pw, strlen(pw)) == ARGON2_OK;
}

int
ayni_user_create(ayni_db *db, const char *email, const char *name,
    const char *password, int is_superuser, int64_t *out_id, ayni_error *err)
{
	sqlite3 *h = ayni_db_handle(db);
	sqlite3_stmt *st = NULL;
	char norm[256], hash[256], now[20];
	int rc;

	if ((rc = ayni_email_normalize(email, norm, sizeof(norm), err)) != 0)
		return rc;
	if ((rc = ayni_password_policy(password, norm, err)) != 0)
		return rc;
	if ((rc = ayni_password_hash(password, hash, sizeof(hash), err)) != 0)
		return rc;
	ayni_db_timestamp(ayni_db_now(db), now);
	if (sqlite3_prepare_v2(h,
	    "INSERT INTO users (email, name, password_hash, is_superuser,"
	    " created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?5)", -1, &st,
	    NULL) != SQLITE_OK) {
		rc = ayni_db_error(db, err, "creating user");
		goto out;
	}
	sqlite3_bind_text(st, 1, norm, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, name ? name : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, hash, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 4, is_superuser != 0);
	sqlite3_bind_text(st, 5, now, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_DONE) {
		if (sqlite3_extended_errcode(h) == SQLITE_CONSTRAINT_UNIQUE)
			rc = ayni_error_set(err, AYNI_EEXISTS,
			    "user '%s' already exists", norm);
		else
			rc = ayni_db_error(db, err, "creating user");
		goto out;
	}
	if (out_id != NULL)
		*out_id = sqlite3_last_insert_rowid(h);
out:
	sqlite3_finalize(st);
	ayni_wipe(hash, sizeof(hash));
	return rc;
}

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

int
ayni_session_create(ayni_db *db, int64_t user_id, const char *host,
    char token[AYNI_TOKEN_LEN + 1], ayni_error *err)
{
	sqlite3_stmt *st = NULL;
	char hash[65], now[20], exp[20];
	time_t t = ayni_db_now(db);
	int rc;

	if ((rc = ayni_token_random(token, err)) != 0 ||
	    (rc = ayni_token_hash(token, hash, sizeof(hash), err)) != 0)
		return rc;
	ayni_db_timestamp(t, now);
	ayni_db_timestamp(t + (time_t)AYNI_SESSION_DAYS * 86400, exp);
	if (sqlite3_prepare_v2(ayni_db_handle(db),
	    "INSERT INTO sessions (user_id, kind, token_hash, host,"
	    " created_at, expires_at) VALUES (?1, 'session', ?2, ?3, ?4, ?5)",
	    -1, &st, NULL) != SQLITE_OK) {
		rc = ayni_db_error(db, err, "creating session");
		goto out;
	}
	sqlite3_bind_int64(st, 1, user_id);
	sqlite3_bind_text(st, 2, hash, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, host, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, now, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, exp, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_DONE)
		rc = ayni_db_error(db, err, "creating session");
out:
	sqlite3_finalize(st);
	return rc;
}

#define NOT_LOGGED_IN "not logged in: run 'ayni login'"

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
	    " u.email FROM sessions s JOIN users u ON u.id = s.user_id"
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
		break;
	case SQLITE_DONE:
		rc = ayni_error_set(err, AYNI_EPERM, NOT_LOGGED_IN);
		break;
	default:
		rc = ayni_db_error(db, err, "checking the session");
	}
out:
	sqlite3_finalize(st);
	return rc;
}

/*
 * The token file of a database: $XDG_CONFIG_HOME/ayni/session-<h>, where
 * <h> is a hash of the database's absolute path, so one person keeps one
 * session per database.  The file holds the path (to be read by people)
 * and the token.
 */
static int
token_file_path(const char *db_path, char *dir, size_t dlen, char *file,
    size_t flen, ayni_error *err)
{
	const char *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");
	char h[65];
	int rc;

	if (xdg != NULL && xdg[0] == '/')
		snprintf(dir, dlen, "%s/ayni", xdg);
	else if (home != NULL && home[0] != '\0')
		snprintf(dir, dlen, "%s/.config/ayni", home);
	else
		return ayni_error_set(err, AYNI_ECONFIG,
		    "cannot find a place for the session file: set HOME or "
		    "XDG_CONFIG_HOME");
	if ((rc = ayni_token_hash(db_path, h, sizeof(h), err)) != 0)
		return rc;
	h[16] = '\0';
	snprintf(file, flen, "%s/session-%s", dir, h);
	return 0;
}

int
ayni_token_file_read(const char *db_path, char token[AYNI_TOKEN_LEN + 1],
    ayni_error *err)
{
	char dir[PATH_MAX], file[PATH_MAX + 32], line[PATH_MAX + 80];
	FILE *fp;
	int rc = AYNI_ENOTFOUND;

	if ((rc = token_file_path(db_path, dir, sizeof(dir), file, sizeof(file),
	    err)) != 0)
		return rc;
	if ((fp = fopen(file, "re")) == NULL)
		return ayni_error_set(err, AYNI_ENOTFOUND, "no session");
	rc = ayni_error_set(err, AYNI_ENOTFOUND, "no session");
	while (fgets(line, sizeof(line), fp) != NULL) {
		if (strncmp(line, "token ", 6) == 0 &&
		    strlen(line + 6) >= AYNI_TOKEN_LEN) {
			memcpy(token, line + 6, AYNI_TOKEN_LEN);
			token[AYNI_TOKEN_LEN] = '\0';
			rc = 0;
		}
	}
	ayni_wipe(line, sizeof(line));
	fclose(fp);
	return rc;
}

int
ayni_token_file_write(const char *db_path, const char *token,
    ayni_error *err)
{
	char dir[PATH_MAX], file[PATH_MAX + 32], tmp[PATH_MAX + 64];
	char parent[PATH_MAX], *slash;
	FILE *fp;
	int fd, rc;

	if ((rc = token_file_path(db_path, dir, sizeof(dir), file, sizeof(file),
	    err)) != 0)
		return rc;
	/* ~/.config may not exist yet either. */
	snprintf(parent, sizeof(parent), "%s", dir);
	if ((slash = strrchr(parent, '/')) != NULL && slash != parent) {
		*slash = '\0';
		if (mkdir(parent, 0700) == -1 && errno != EEXIST)
			return ayni_error_set(err, AYNI_ECANTCREAT,
			    "cannot create '%s': %s", parent, strerror(errno));
	}
	if (mkdir(dir, 0700) == -1 && errno != EEXIST)
		return ayni_error_set(err, AYNI_ECANTCREAT,
		    "cannot create '%s': %s", dir, strerror(errno));
	snprintf(tmp, sizeof(tmp), "%s.%ld", file, (long)getpid());
	fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW,
	    0600);
	if (fd == -1 || (fp = fdopen(fd, "w")) == NULL) {
		if (fd != -1)
			close(fd);
		return ayni_error_set(err, AYNI_ECANTCREAT,
		    "cannot create '%s': %s", tmp, strerror(errno));
	}
	fprintf(fp, "# ayni session for this database; keep it secret\n"
	    "database %s\ntoken %s\n", db_path, token);
	if (fflush(fp) != 0 || fsync(fd) != 0) {
		fclose(fp);
		unlink(tmp);
		return ayni_error_set(err, AYNI_EIO, "cannot write '%s': %s",
		    tmp, strerror(errno));
	}
	fclose(fp);
	if (rename(tmp, file) == -1) {
		unlink(tmp);
		return ayni_error_set(err, AYNI_EIO, "cannot write '%s': %s",
		    file, strerror(errno));
	}
	return 0;
}

int
ayni_token_file_remove(const char *db_path, ayni_error *err)
{
	char dir[PATH_MAX], file[PATH_MAX + 32];
	int rc;

	if ((rc = token_file_path(db_path, dir, sizeof(dir), file, sizeof(file),
	    err)) != 0)
		return rc;
	if (unlink(file) == -1 && errno != ENOENT)
		return ayni_error_set(err, AYNI_EIO, "cannot remove '%s': %s",
		    file, strerror(errno));
	return 0;
}
