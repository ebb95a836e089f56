/*
 * user.c - users, the password policy, and the per-database token file.
 * Logins, lockout, sessions and tokens are in auth.c, which builds on this
 * file; nothing here calls auth.c.  Hashing is secret.c's.
 *
 * Secrets never reach the database: passwords are stored as argon2id
 * encoded hashes.  Nothing here prompts, prints, exits or decides who may
 * do what: the command line checks the caller's rights.
 */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>


#include "ayni/rut.h"
#include "internal.h"
#include "sql.h"
#include "ayni/intl.h"
#include "ayni/user.h"

int
ayni_email_normalize(const char *in, char *out, size_t len, ayni_error *err)
{
	const char *s = in, *at;
	size_t n, i;

	if (!ayni_utf8_valid(in))
		return ayni_error_set(err, AYNI_EDATA, _("invalid email: not "
		    "valid UTF-8 (check the terminal's encoding)"));
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
		    _("invalid email '%s': expected name@domain"), in);
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c <= ' ' || c == '"' || c == ',' || c == ';' || c == '<' ||
		    c == '>' || c == '\\')
			return ayni_error_set(err, AYNI_EUSAGE,
			    _("invalid email '%s': it contains '%c'"), in,
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
		    _("password too short: at least 8 characters"));
	if (n > 1024)
		return ayni_error_set(err, AYNI_EUSAGE,
		    _("password too long: at most 1024 characters"));
	for (i = 0; i < n; i++)
		if (!isdigit((unsigned char)pw[i]))
			digits = 0;
	if (digits)
		return ayni_error_set(err, AYNI_EUSAGE,
		    _("password must not be all digits"));
	if (email != NULL && strcasecmp(pw, email) == 0)
		return ayni_error_set(err, AYNI_EUSAGE,
		    _("password must not be the email address"));
	return 0;
}

int
ayni_user_create(ayni_db *db, const char *email, const char *name,
    const char *password, int is_superuser, int64_t *out_id, ayni_error *err)
{
	char norm[256], hash[256], now[20];
	int64_t id;
	int rc;

	if ((rc = ayni_email_normalize(email, norm, sizeof(norm), err)) != 0)
		return rc;
	if (name != NULL && !ayni_utf8_valid(name))
		return ayni_error_set(err, AYNI_EDATA, _("invalid user name: not "
		    "valid UTF-8 (check the terminal's encoding)"));
	if ((rc = ayni_password_policy(password, norm, err)) != 0)
		return rc;
	if ((rc = ayni_password_hash(password, hash, sizeof(hash), err)) != 0)
		return rc;
	ayni_db_timestamp(ayni_db_now(db), now);
	rc = ayni_sql_int(db, &id, err, N_("creating user"),
	    "INSERT INTO users (email, name, password_hash, is_superuser,"
	    " created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?5)"
	    " RETURNING id", "tttit",
	    norm, name ? name : "", hash, is_superuser != 0, now);
	ayni_wipe(hash, sizeof(hash));
	if (rc < 0 && ayni_sql_is_dup(db))
		return ayni_error_set(err, AYNI_EEXISTS,
		    _("user '%s' already exists"), norm);
	if (rc < 0)
		return rc;
	if (out_id != NULL)
		*out_id = id;
	return 0;
}

int
ayni_user_find(ayni_db *db, const char *email, int64_t *out_id,
    ayni_error *err)
{
	char norm[256];
	int rc;

	if ((rc = ayni_email_normalize(email, norm, sizeof(norm), err)) != 0)
		return rc;
	rc = ayni_sql_int(db, out_id, err, N_("finding the user"),
	    "SELECT id FROM users WHERE email = ?1", "t", norm);
	if (rc == AYNI_ENOTFOUND)
		ayni_error_set(err, rc, _("no user '%s'"), norm);
	return rc;
}

/* Run one statement with (?1 user id, ?2 now, ?3 text); 0 rows is
   AYNI_ENOTFOUND. */
static int
user_update(ayni_db *db, const char *sql, int64_t user_id, const char *text,
    const char *what, ayni_error *err)
{
	char now[20];
	int rc;

	ayni_db_timestamp(ayni_db_now(db), now);
	if ((rc = ayni_sql_exec(db, err, what, sql, text != NULL ? "Itt" :
	    "It", user_id, now, text)) == 0)
		return ayni_error_set(err, AYNI_ENOTFOUND, _("no such user"));
	return rc < 0 ? rc : 0;
}

/* The email of user_id into out (>= 256 bytes). */
static int
user_email(ayni_db *db, int64_t user_id, char *out, size_t len,
    int *is_active, int *is_superuser, ayni_error *err)
{
	ayni_stmt *st;
	int rc;

	if ((rc = ayni_sql_row(db, &st, err, N_("reading the user"),
	    "SELECT email, is_active, is_superuser FROM users WHERE id = ?1",
	    "I", user_id)) != 0) {
		if (rc == AYNI_ENOTFOUND)
			ayni_error_set(err, rc, _("no such user"));
		return rc;
	}
	snprintf(out, len, "%s", ayni_col_text(st, 0));
	if (is_active != NULL)
		*is_active = ayni_col_int(st, 1);
	if (is_superuser != NULL)
		*is_superuser = ayni_col_int(st, 2);
	ayni_stmt_finalize(st);
	return 0;
}

int
ayni_password_set(ayni_db *db, int64_t user_id, const char *password,
    ayni_error *err)
{
	char email[256], hash[256];
	int rc;

	if ((rc = user_email(db, user_id, email, sizeof(email), NULL, NULL,
	    err)) != 0)
		return rc;
	if ((rc = ayni_password_policy(password, email, err)) != 0)
		return rc;
	if ((rc = ayni_password_hash(password, hash, sizeof(hash), err)) != 0)
		return rc;
	rc = user_update(db, "UPDATE users SET password_hash = ?3,"
	    " failed_login_attempts = 0, lockout_until = NULL,"
	    " updated_at = ?2 WHERE id = ?1", user_id, hash,
	    "setting the password", err);
	ayni_wipe(hash, sizeof(hash));
	return rc;
}

/*
 * AYNI_EEXISTS naming the company when user_id is the last active owner
 * of one (removed companies too: they can be restored), docs/contract.md §3/§4.
 */
static int
last_owner_of(ayni_db *db, int64_t user_id, const char *email,
    ayni_error *err)
{
	ayni_stmt *st;
	char disp[AYNI_RUT_MAX];
	int rc;

	rc = ayni_sql_row(db, &st, err, N_("looking up companies"),
	    "SELECT c.rut, c.name FROM user_companies m"
	    " JOIN companies c ON c.id = m.company_id"
	    " WHERE m.user_id = ?1 AND m.role = 'owner' AND m.is_active = 1"
	    " AND NOT EXISTS (SELECT 1 FROM user_companies o"
	    "  JOIN users ou ON ou.id = o.user_id"
	    "  WHERE o.company_id = m.company_id AND o.user_id <> ?1"
	    "  AND o.role = 'owner' AND o.is_active = 1 AND ou.is_active = 1)"
	    " ORDER BY c.rut LIMIT 1", "I", user_id);
	if (rc == AYNI_ENOTFOUND)
		return 0;
	if (rc != 0)
		return rc;
	ayni_rut_display(ayni_col_text(st, 0), disp);
	rc = ayni_error_set(err, AYNI_EEXISTS, _("cannot remove '%s': the last "
	    "active owner of '%s' (%s): make another member owner first"),
	    email, disp, ayni_col_text(st, 1));
	ayni_stmt_finalize(st);
	return rc;
}

int
ayni_user_reactivate(ayni_db *db, int64_t user_id, ayni_error *err)
{
	char email[256];
	int rc, active;

	if ((rc = user_email(db, user_id, email, sizeof(email), &active,
	    NULL, err)) != 0)
		return rc;
	if (active)
		return ayni_error_set(err, AYNI_EEXISTS,
		    _("user '%s' is already active"), email);
	return user_update(db, "UPDATE users SET is_active = 1,"
	    " failed_login_attempts = 0, lockout_until = NULL,"
	    " updated_at = ?2 WHERE id = ?1", user_id, NULL,
	    "reactivating the user", err);
}

int
ayni_user_set_inactive(ayni_db *db, int64_t user_id, ayni_error *err)
{
	char email[256];
	int64_t others;
	int rc, active, super;

	if ((rc = user_email(db, user_id, email, sizeof(email), &active,
	    &super, err)) != 0)
		return rc;
	if (!active)
		return ayni_error_set(err, AYNI_EEXISTS,
		    _("user '%s' is already inactive"), email);
	if (super) {
		if ((rc = ayni_sql_int(db, &others, err, N_("counting superusers"),
		    "SELECT count(*) FROM users WHERE is_superuser = 1"
		    " AND is_active = 1 AND id <> ?1", "I", user_id)) != 0)
			return rc;
		if (others == 0)
			return ayni_error_set(err, AYNI_EPERM,
			    _("cannot remove '%s': it is the last active "
			    "superuser"), email);
	}
	if ((rc = last_owner_of(db, user_id, email, err)) != 0)
		return rc;
	return user_update(db, "UPDATE users SET is_active = 0,"
	    " updated_at = ?2 WHERE id = ?1", user_id, NULL,
	    "deactivating the user", err);
}

int
ayni_user_unlock(ayni_db *db, int64_t user_id, ayni_error *err)
{
	return user_update(db, "UPDATE users SET failed_login_attempts = 0,"
	    " lockout_until = NULL, updated_at = ?2 WHERE id = ?1", user_id,
	    NULL, "unlocking the user", err);
}

/* If you change these columns, also change the SELECT in ayni_user_list. */
const ayni_column ayni_user_columns[] = {
	{ "email", AYNI_T_TEXT },
	{ "name", AYNI_T_TEXT },
	{ "superuser", AYNI_T_BOOL },
	{ "active", AYNI_T_BOOL },
	{ "verified", AYNI_T_BOOL },
	{ "failed_logins", AYNI_T_INT },
	{ "locked_until", AYNI_T_TEXT },
	{ "last_login", AYNI_T_TEXT },
	{ "last_login_host", AYNI_T_TEXT },
	{ "created_at", AYNI_T_TEXT },
};
const int ayni_user_ncolumns =
    (int)(sizeof(ayni_user_columns) / sizeof(ayni_user_columns[0]));

int
ayni_user_list(ayni_db *db, const char *email, ayni_writer *w,
    ayni_error *err)
{
	ayni_stmt *st;
	char norm[256], now[20];
	int64_t id;
	int rc;

	if (email != NULL) {
		if ((rc = ayni_user_find(db, email, &id, err)) != 0)
			return rc;
		ayni_email_normalize(email, norm, sizeof(norm), NULL);
	}
	ayni_db_timestamp(ayni_db_now(db), now);
	if ((rc = ayni_sql_prepare(db, &st, err, N_("listing users"),
	    "SELECT email, name, is_superuser, is_active, is_email_verified,"
	    " failed_login_attempts,"
	    " CASE WHEN lockout_until > ?2 THEN lockout_until END,"
	    " last_login, last_login_host, created_at FROM users"
	    " WHERE ?1 IS NULL OR email = ?1 ORDER BY email", "tt",
	    email != NULL ? norm : NULL, now)) != 0)
		return rc;
	rc = ayni_writer_stmt(w, st, err);
	ayni_stmt_finalize(st);
	return rc;
}

/*
 * The token file of a database: $XDG_CONFIG_HOME/ayni/session-<h>, where
 * <h> is a hash of the database's absolute path (with links resolved when
 * the file exists, so two spellings of one database share a session), so
 * one person keeps one session per database.  The file holds the path (to
 * be read by people, and checked on reading) and the token.
 */
static int
token_file_path(const char *db_path, char *canon, size_t clen, char *dir,
    size_t dlen, char *file, size_t flen, ayni_error *err)
{
	const char *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");
	char h[65], real[PATH_MAX];
	int rc;

	if (realpath(db_path, real) != NULL)
		snprintf(canon, clen, "%s", real);
	else
		snprintf(canon, clen, "%s", db_path);
	if (xdg != NULL && xdg[0] == '/')
		snprintf(dir, dlen, "%s/ayni", xdg);
	else if (home != NULL && home[0] != '\0')
		snprintf(dir, dlen, "%s/.config/ayni", home);
	else
		return ayni_error_set(err, AYNI_ECONFIG,
		    _("cannot find a place for the session file: set HOME or "
		    "XDG_CONFIG_HOME"));
	if ((rc = ayni_token_hash(canon, h, sizeof(h), err)) != 0)
		return rc;
	h[16] = '\0';
	snprintf(file, flen, "%s/session-%s", dir, h);
	return 0;
}

int
ayni_token_dir(char *dir, size_t len, ayni_error *err)
{
	char canon[PATH_MAX], file[PATH_MAX + 32];

	return token_file_path("/", canon, sizeof(canon), dir, len, file,
	    sizeof(file), err);
}

int
ayni_token_file_read(const char *db_path, char token[AYNI_TOKEN_LEN + 1],
    ayni_error *err)
{
	char canon[PATH_MAX], dir[PATH_MAX], file[PATH_MAX + 32];
	char line[PATH_MAX + 80];
	size_t n;
	FILE *fp;
	int rc, same = 0, found = 0;

	if ((rc = token_file_path(db_path, canon, sizeof(canon), dir,
	    sizeof(dir), file, sizeof(file), err)) != 0)
		return rc;
	if ((fp = fopen(file, "re")) == NULL)
		return ayni_error_set(err, AYNI_ENOTFOUND, _("no session"));
	while (fgets(line, sizeof(line), fp) != NULL) {
		n = strlen(line);
		while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
			line[--n] = '\0';
		if (strncmp(line, "database ", 9) == 0)
			same = strcmp(line + 9, canon) == 0;
		else if (strncmp(line, "token ", 6) == 0 &&
		    n - 6 == AYNI_TOKEN_LEN) {
			memcpy(token, line + 6, AYNI_TOKEN_LEN);
			token[AYNI_TOKEN_LEN] = '\0';
			found = 1;
		}
	}
	ayni_wipe(line, sizeof(line));
	fclose(fp);
	/* A hash collision of two paths must not log in elsewhere. */
	if (!found || !same) {
		ayni_wipe(token, AYNI_TOKEN_LEN + 1);
		return ayni_error_set(err, AYNI_ENOTFOUND, _("no session"));
	}
	return 0;
}

int
ayni_token_file_write(const char *db_path, const char *token,
    ayni_error *err)
{
	char canon[PATH_MAX], dir[PATH_MAX], file[PATH_MAX + 32];
	char tmp[PATH_MAX + 64], parent[PATH_MAX], *slash;
	FILE *fp;
	int fd, rc;

	if ((rc = token_file_path(db_path, canon, sizeof(canon), dir,
	    sizeof(dir), file, sizeof(file), err)) != 0)
		return rc;
	/* ~/.config, or all of $XDG_CONFIG_HOME, may not exist yet. */
	snprintf(parent, sizeof(parent), "%s", dir);
	for (slash = parent + 1; (slash = strchr(slash, '/')) != NULL;
	    slash++) {
		*slash = '\0';
		if (mkdir(parent, 0700) == -1 && errno != EEXIST)
			return ayni_error_set(err, AYNI_ECANTCREAT,
			    _("cannot create '%s': %s"), parent, strerror(errno));
		*slash = '/';
	}
	if (mkdir(dir, 0700) == -1 && errno != EEXIST)
		return ayni_error_set(err, AYNI_ECANTCREAT,
		    _("cannot create '%s': %s"), dir, strerror(errno));
	/* A fresh file, so a stale one's looser mode is never inherited. */
	snprintf(tmp, sizeof(tmp), "%s.%ld", file, (long)getpid());
	unlink(tmp);
	fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW,
	    0600);
	if (fd == -1 || (fp = fdopen(fd, "w")) == NULL) {
		if (fd != -1)
			close(fd);
		return ayni_error_set(err, AYNI_ECANTCREAT,
		    _("cannot create '%s': %s"), tmp, strerror(errno));
	}
	fprintf(fp, "# ayni session for this database; keep it secret\n"
	    "database %s\ntoken %s\n", canon, token);
	if (fflush(fp) != 0 || fsync(fd) != 0) {
		fclose(fp);
		unlink(tmp);
		return ayni_error_set(err, AYNI_EIO, _("cannot write '%s': %s"),
		    tmp, strerror(errno));
	}
	fclose(fp);
	if (rename(tmp, file) == -1) {
		unlink(tmp);
		return ayni_error_set(err, AYNI_EIO, _("cannot write '%s': %s"),
		    file, strerror(errno));
	}
	return 0;
}

int
ayni_token_file_remove(const char *db_path, ayni_error *err)
{
	char canon[PATH_MAX], dir[PATH_MAX], file[PATH_MAX + 32];
	int rc;

	if ((rc = token_file_path(db_path, canon, sizeof(canon), dir,
	    sizeof(dir), file, sizeof(file), err)) != 0)
		return rc;
	if (unlink(file) == -1 && errno != ENOENT)
		return ayni_error_set(err, AYNI_EIO, _("cannot remove '%s': %s"),
		    file, strerror(errno));
	return 0;
}
