/*
 * cmd_init.c - 'ayni init': create a database and its first user, a
 * superuser, and log that user in.  On an existing database it only brings
 * the schema up to date (opening does that).
 *
 * An empty file counts as no database (a fresh init); any other file that
 * is not a SQLite database is never replaced (73), and another
 * application's SQLite file is refused by opening (65).
 *
 * A failed init leaves no file behind: the password is checked before the
 * database is created, and a database this command created is removed if
 * anything after that fails (an empty file that was there stays empty).
 * Messages name the database as ayni_db_path() does: a URL without its
 * password.  A PostgreSQL database is left as empty as it was: its DDL is
 * transactional, so the schema, the first user and the session go in one
 * transaction.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

static const struct opt_spec init_opts[] = {
	{ .name = "email", .kind = OPT_STR, .argname = "EMAIL",
	    .help = N_("login of the first user (a superuser)") },
	{ .name = "name", .kind = OPT_STR, .argname = "NAME",
	    .help = N_("display name of the first user") },
	{ .name = "password-stdin", .kind = OPT_FLAG,
	    .help = N_("read the password from standard input, not the terminal") },
	{ .name = NULL }
};

/* Undo a failed init; an empty file that was there is left empty. */
static void
remove_db(const char *path, int keep_empty)
{
	static const char *const sfx[] = { "", "-wal", "-shm", "-journal" };
	char p[4096];
	size_t i;

	for (i = 0; i < sizeof(sfx) / sizeof(sfx[0]); i++) {
		snprintf(p, sizeof(p), "%s%s", path, sfx[i]);
		if (i == 0 && keep_empty)
			(void)truncate(p, 0);
		else
			unlink(p);
	}
}

/*
 * A PostgreSQL database is given the schema when it is empty (or missing:
 * then opening it says so); an ayni database is "there" as a SQLite file
 * is; anything else is refused by opening it.
 */
static int
existing_pg(struct cmd_ctx *ctx, int *there)
{
	ayni_db *db;
	int rc;

	if ((rc = ayni_db_open(&db, ctx->db_path, AYNI_DB_NOMIGRATE,
	    &ctx->err)) == 0) {
		ayni_db_close(db);
		*there = 1;
	}
	return rc == AYNI_ENOINPUT ? 0 : rc;
}

/*
 * What is at path already: 0 nothing or an empty file (a fresh init), 1 a
 * SQLite file (ayni's, to migrate, or another application's, refused by
 * opening), or an error: init never replaces a file of any other kind.
 */
static int
existing(struct cmd_ctx *ctx, int *sqlite, int *empty)
{
	static const char magic[16] = "SQLite format 3";
	char head[16];
	struct stat sb;
	ssize_t n = -1;
	int fd;

	*sqlite = *empty = 0;
	if (ayni_db_is_url(ctx->db_path))
		return existing_pg(ctx, sqlite);
	if (stat(ctx->db_path, &sb) == -1)
		return errno == ENOENT ? 0 : ayni_error_set(&ctx->err,
		    AYNI_ECANTCREAT, _("cannot create database '%s': %s"),
		    ctx->db_path, strerror(errno));
	if (S_ISREG(sb.st_mode) && sb.st_size == 0) {
		*empty = 1;
		return 0;
	}
	if (S_ISREG(sb.st_mode) && (fd = open(ctx->db_path,
	    O_RDONLY | O_CLOEXEC)) != -1) {
		n = read(fd, head, sizeof(head));
		close(fd);
	}
	if (n == (ssize_t)sizeof(head) && memcmp(head, magic, 16) == 0) {
		*sqlite = 1;
		return 0;
	}
	if (S_ISDIR(sb.st_mode))
		return ayni_error_set(&ctx->err, AYNI_ECANTCREAT,
		    _("cannot create database '%s': a directory is in the "
		    "way"), ctx->db_path);
	if (S_ISREG(sb.st_mode))
		return ayni_error_set(&ctx->err, AYNI_ECANTCREAT,
		    _("cannot create database '%s': a file that is not a "
		    "database is in the way"), ctx->db_path);
	return ayni_error_set(&ctx->err, AYNI_ECANTCREAT,
	    _("cannot create database '%s': something that is not a file "
	    "is in the way"), ctx->db_path);
}

static int
cmd_init(struct cmd_ctx *ctx)
{
	const char *email = opt_get(ctx, "email");
	char norm[256], *pw = NULL;
	int64_t uid;
	int rc, sqlite, empty, url = ayni_db_is_url(ctx->db_path);

	if ((rc = existing(ctx, &sqlite, &empty)) != 0)
		return rc;
	if (sqlite) {
		if ((rc = ayni_db_open(&ctx->db, ctx->db_path, 0, &ctx->err))
		    != 0)
			return rc;
		if (email != NULL)
			cli_warn(ctx, _("database '%s' exists: '--email' "
			    "ignored; use 'ayni user add'"),
			    ayni_db_path(ctx->db));
		cli_note(ctx, _("database '%s' is at schema version %d"),
		    ayni_db_path(ctx->db), ayni_db_version(ctx->db));
		return 0;
	}
	if (email == NULL)
		return ayni_error_set(&ctx->err, AYNI_EUSAGE, "%s",
		    _("a new database needs its first user: give --email"));
	if ((rc = ayni_email_normalize(email, norm, sizeof(norm), &ctx->err))
	    != 0)
		return rc;
	if ((rc = cli_read_secret(ctx, _("password: "), 1, &pw, &ctx->err))
	    != 0)
		return rc;
	if ((rc = ayni_password_policy(pw, norm, &ctx->err)) != 0)
		goto out;
	/* An empty file someone made becomes a database: make it private. */
	if (empty && !url && chmod(ctx->db_path, 0600) == -1) {
		rc = ayni_error_set(&ctx->err, AYNI_ECANTCREAT,
		    _("cannot create database '%s': %s"), ctx->db_path,
		    strerror(errno));
		goto out;
	}
	if ((rc = ayni_db_open(&ctx->db, ctx->db_path, AYNI_DB_CREATE |
	    (url ? AYNI_DB_NOMIGRATE : 0), &ctx->err)) != 0)
		goto out;
	if ((rc = ayni_db_begin(ctx->db, &ctx->err)) != 0)
		goto out;
	if (url)
		rc = ayni_db_migrate(ctx->db, &ctx->err);
	if (rc == 0)
		rc = ayni_user_create(ctx->db, norm, opt_get(ctx, "name"), pw, 1, &uid,
	    &ctx->err);
	if (rc == 0)
		rc = cli_session_start(ctx, uid);
	if (rc == 0)
		rc = ayni_db_commit(ctx->db, &ctx->err);
	else
		ayni_db_rollback(ctx->db);
	if (rc == 0)
		cli_note(ctx, _("created database '%s' with superuser '%s' "
		    "(logged in)"), ayni_db_path(ctx->db), norm);
out:
	if (pw != NULL) {
		ayni_wipe(pw, strlen(pw));
		free(pw);
	}
	if (rc != 0 && ctx->db != NULL) {
		ayni_db_close(ctx->db);
		ctx->db = NULL;
		if (!url)
			remove_db(ctx->db_path, empty);
	}
	return rc;
}

const struct cmd_entry cmd_init_cmds[] = {
	{ NULL, cmd_init, 0, AYNI_PERM_NONE, init_opts, NULL, 0, 0,
	    N_("create a database and its first user, or migrate an existing "
	    "one") },
	{ NULL, NULL, 0, 0, NULL, NULL, 0, 0, NULL }
};
