/*
 * db.c - one SQLite connection set up the way every ayni command needs it,
 * and the schema migrations.  This is also the one place where SQLite's
 * error codes become ayni_codes (ayni_db_error).
 *
 * It does not decide which file to open: the command line resolves --db,
 * $AYNI_DB and ./ayni.db and passes a path.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sqlite3.h>

#include "ayni/aggregate.h"
#include "ayni/db.h"
#include "internal.h"
#include "ayni/intl.h"
#include "schema.h"

struct ayni_db {
	sqlite3	*h;
	char	*path;
	char	*rodir;		/* opened read-only: this directory is */
	int	 rofile;	/* opened read-only: the file is */
	int	 depth;		/* nesting of ayni_db_begin */
	int	 failed;	/* an inner level rolled back */
	time_t	 now;		/* 0: real clock */
};

int
ayni_db_error(ayni_db *db, ayni_error *err, const char *what)
{
	int rc = sqlite3_extended_errcode(db->h);
	const char *msg = sqlite3_errmsg(db->h);

	/* what is marked N_() where it is written: the action, translated
	   ("" would fetch the catalogue's header) */
	if (what[0] != '\0')
		what = _(what);

	switch (rc & 0xff) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return ayni_error_set(err, AYNI_EBUSY,
		    _("database '%s' is locked by another process: %s; try "
		    "again later"), db->path, what);
	case SQLITE_CONSTRAINT:
		return ayni_error_set(err, AYNI_EDATA, "%s: %s", what, msg);
	case SQLITE_INTERRUPT:	/* sqlite3_interrupt(), from a signal */
		return ayni_error_set(err, AYNI_ECANCELED, _("%s: interrupted"),
		    what);
	case SQLITE_NOMEM:
		return ayni_error_set(err, AYNI_ENOMEM, _("%s: out of memory"),
		    what);
	case SQLITE_IOERR:
	case SQLITE_FULL:
		return ayni_error_set(err, AYNI_EIO, "%s: %s", what, msg);
	case SQLITE_READONLY:
		/* "attempt to write a readonly database" does not say why. */
		if (db->rodir != NULL)
			return ayni_error_set(err, AYNI_ECANTCREAT,
			    _("%s: cannot create '%s-wal' in '%s': read-only "
			    "directory"), what, db->path, db->rodir);
		if (db->rofile)
			return ayni_error_set(err, AYNI_EIO,
			    _("%s: database '%s' is read-only"), what, db->path);
		/* FALLTHROUGH */
	case SQLITE_CANTOPEN:
	case SQLITE_PERM:
	case SQLITE_AUTH:
		return ayni_error_set(err, AYNI_EIO, "%s: %s ('%s')", what, msg,
		    db->path);
	case SQLITE_NOTADB:
	case SQLITE_CORRUPT:
		return ayni_error_set(err, AYNI_EDATA,
		    _("'%s' is not an ayni database: %s"), db->path, msg);
	}
	return ayni_error_set(err, AYNI_EINTERNAL, "%s: %s", what, msg);
}

int
ayni_db_schema_version(void)
{
	return ayni_migration_count > 0 ?
	    ayni_migrations[ayni_migration_count - 1].version : 0;
}

int
ayni_db_version(ayni_db *db)
{
	int64_t v = -1;

	ayni_sql_int(db, &v, NULL, "", "PRAGMA user_version", NULL);
	return (int)v;
}

static int	migrate(ayni_db *, ayni_error *);

/*
 * A migration that leaves rows in agg_deferred asks for those companies'
 * rollups to be recomputed (0003 does, after changing what a transaction
 * is): the refresh engine is C, so it runs here, inside the migration's
 * transaction.
 */
static int
refresh_deferred(ayni_db *db, ayni_error *err)
{
	int64_t id;
	int rc;

	/* One company at a time: a refresh deletes its own row. */
	while ((rc = ayni_sql_int(db, &id, err, N_("refreshing the rollups"),
	    "SELECT company_id FROM agg_deferred ORDER BY company_id LIMIT 1",
	    NULL)) == 0)
		if ((rc = ayni_aggregate_refresh(db, id, err)) != 0)
			return rc;
	return rc == AYNI_ENOTFOUND ? 0 : rc;
}

/* Rows of PRAGMA foreign_key_check: a migration must leave none. */
static int
check_foreign_keys(ayni_db *db, ayni_error *err)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = ayni_sql_row(db, &st, err, N_("checking foreign keys"),
	    "PRAGMA foreign_key_check", NULL)) != 0)
		return rc == AYNI_ENOTFOUND ? 0 : rc;
	rc = ayni_error_set(err, AYNI_EINTERNAL, _("migrating '%s' broke a "
	    "reference from table '%s': nothing was changed"), db->path,
	    sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return rc;
}

/*
 * Migrations rebuild tables the way SQLite documents for changes that
 * ALTER TABLE cannot make (create, copy, drop, rename).  That needs
 * foreign keys off (with them on, dropping the old table would cascade
 * into its children) and legacy_alter_table on (so a rename does not
 * rewrite other tables' references); both are set outside the
 * transaction, as SQLite requires, and the keys are checked before COMMIT.
 */
int
ayni_db_migrate(ayni_db *db, ayni_error *err)
{
	int rc;

	if ((rc = ayni_sql_script(db, err, N_("preparing a migration"),
	    "PRAGMA foreign_keys = OFF; PRAGMA legacy_alter_table = ON")) != 0)
		return rc;
	rc = migrate(db, err);
	if (ayni_sql_script(db, rc ? NULL : err, N_("ending a migration"),
	    "PRAGMA legacy_alter_table = OFF; PRAGMA foreign_keys = ON") != 0 &&
	    rc == 0)
		rc = err != NULL ? err->code : AYNI_EINTERNAL;
	return rc;
}

static int
migrate(ayni_db *db, ayni_error *err)
{
	char pragma[64];
	int i, cur, rc;

	if ((rc = ayni_db_begin(db, err)) != 0)
		return rc;
	/* Read the version inside the write lock: two first runs race. */
	cur = ayni_db_version(db);
	if (cur < 0) {
		rc = ayni_db_error(db, err, N_("cannot read the schema version"));
		goto out;
	}
	if (cur > ayni_db_schema_version()) {
		rc = ayni_error_set(err, AYNI_ECONFIG,
		    _("database '%s' has schema version %d but this ayni knows "
		    "only up to %d: use a newer ayni"), db->path, cur,
		    ayni_db_schema_version());
		goto out;
	}
	for (i = 0; i < ayni_migration_count; i++) {
		const struct ayni_migration *m = &ayni_migrations[i];

		/* The embed script numbers files; a gap is a build bug. */
		if (m->version != i + 1) {
			rc = ayni_error_set(err, AYNI_EINTERNAL,
			    _("schema file '%s' should be number %d"), m->name,
			    i + 1);
			goto out;
		}
		if (m->version <= cur)
			continue;
		if (sqlite3_exec(db->h, m->sql, NULL, NULL, NULL) !=
		    SQLITE_OK) {
			char what[128];

			snprintf(what, sizeof(what), _("applying '%s'"),
			    m->name);
			rc = ayni_db_error(db, err, what);
			if (rc == AYNI_EDATA)
				rc = AYNI_EINTERNAL;
			goto out;
		}
	}
	if ((rc = refresh_deferred(db, err)) != 0 ||
	    (rc = check_foreign_keys(db, err)) != 0)
		goto out;
	snprintf(pragma, sizeof(pragma), "PRAGMA application_id = %d",
	    AYNI_APPLICATION_ID);
	if ((rc = ayni_sql_script(db, err, N_("marking the database"), pragma)) !=
	    0)
		goto out;
	snprintf(pragma, sizeof(pragma), "PRAGMA user_version = %d",
	    ayni_db_schema_version());
	rc = ayni_sql_script(db, err, N_("setting the schema version"), pragma);
out:
	return ayni_db_end(db, rc, err);
}

/* Make path absolute without resolving links (the file may not exist). */
static char *
absolute(const char *path)
{
	char cwd[PATH_MAX], *p;
	size_t n;

	if (path[0] == '/' || strcmp(path, ":memory:") == 0)
		return strdup(path);
	if (getcwd(cwd, sizeof(cwd)) == NULL)
		return strdup(path);
	n = strlen(cwd) + strlen(path) + 2;
	if ((p = malloc(n)) == NULL)
		return NULL;
	if (strncmp(path, "./", 2) == 0)
		path += 2;
	snprintf(p, n, "%s/%s", cwd, path);
	return p;
}

/* The first column of a one-row query, or -1. */
static long long
query_int(ayni_db *db, const char *sql)
{
	int64_t v = -1;

	ayni_sql_int(db, &v, NULL, "", sql, NULL);
	return v;
}

/*
 * Whether the file is ours (docs/contract.md §2), decided before anything is
 * written to it, journal mode included: marked with our application_id; or
 * empty (a new database); or made by an ayni from before the mark (a schema
 * version and our tables), which migration then marks.  Anything else with
 * tables is another application's file.  *mark says the mark is missing.
 */
static int
check_ours(ayni_db *db, int *mark, ayni_error *err)
{
	long long app, tables, ours;

	*mark = 0;
	app = query_int(db, "PRAGMA application_id");
	if (app == AYNI_APPLICATION_ID)
		return 0;
	tables = query_int(db, "SELECT count(*) FROM sqlite_schema");
	ours = query_int(db, "SELECT count(*) FROM sqlite_schema WHERE"
	    " type = 'table' AND name IN ('users', 'uploads')");
	if (app == 0 && (tables == 0 || (ayni_db_version(db) >= 1 &&
	    ours > 0))) {
		*mark = 1;
		return 0;
	}
	return ayni_error_set(err, AYNI_EDATA, _("'%s' is not an ayni database: "
	    "it is a SQLite file of another application (application_id %lld, "
	    "%lld objects); nothing was changed"), db->path, app, tables);
}

/*
 * A database whose directory we cannot write is opened read-only (SQLite
 * could not create its -wal or -shm there): commands that only read still
 * work, and a write says why it cannot.  Likewise a read-only file.
 */
static void
check_writable(ayni_db *db, const char *path)
{
	char dir[PATH_MAX], *slash;

	snprintf(dir, sizeof(dir), "%s", db->path);
	if ((slash = strrchr(dir, '/')) != NULL)
		*(slash == dir ? slash + 1 : slash) = '\0';
	if (access(dir, W_OK) == -1 && (errno == EACCES || errno == EROFS))
		db->rodir = strdup(dir);
	else if (access(path, W_OK) == -1 && (errno == EACCES ||
	    errno == EROFS))
		db->rofile = 1;
}

/*
 * SQLite reads a WAL database only if it can open or create the -shm file.
 * In a read-only directory with no -wal (the last writer checkpointed and
 * left), nobody is writing it, so it can be read as an immutable file.
 * Returns -1 when that does not apply.
 */
static int
immutable_uri(ayni_db *db, char *buf, size_t len)
{
	char wal[PATH_MAX + 8];
	const unsigned char *p;
	size_t n;

	snprintf(wal, sizeof(wal), "%s-wal", db->path);
	if (access(wal, F_OK) == 0 || errno != ENOENT)
		return -1;
	n = (size_t)snprintf(buf, len, "file:");
	for (p = (const unsigned char *)db->path; *p != '\0' && n + 4 < len;
	    p++) {
		if (*p == '%' || *p == '?' || *p == '#' || *p < 0x20)
			n += (size_t)snprintf(buf + n, len - n, "%%%02X", *p);
		else
			buf[n++] = (char)*p;
	}
	if (*p != '\0' || n + 16 >= len)
		return -1;
	snprintf(buf + n, len - n, "?immutable=1");
	return 0;
}

/*
 * The file before SQLite sees it: a missing one is created 0600 (with
 * AYNI_DB_CREATE) whatever the umask, since it holds password hashes and
 * sales data; an empty file or a directory is no database.
 */
static int
open_file(const char *path, int flags, ayni_error *err)
{
	struct stat sb;
	int fd;

	if (stat(path, &sb) == -1) {
		if (errno != ENOENT || !(flags & AYNI_DB_CREATE))
			return errno == ENOENT ?
			    ayni_error_set(err, AYNI_ENOINPUT,
				_("no database at '%s': run 'ayni init' or set "
				"AYNI_DB"), path) :
			    ayni_error_set(err, AYNI_ENOINPUT,
				_("cannot open database '%s': %s"), path,
				strerror(errno));
		fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
		if (fd == -1)
			return ayni_error_set(err, AYNI_ECANTCREAT,
			    _("cannot create database '%s': %s"), path,
			    strerror(errno));
		close(fd);
	} else if (S_ISREG(sb.st_mode) && sb.st_size == 0 &&
	    !(flags & AYNI_DB_CREATE)) {
		/* An empty file is no database: only init makes one of it. */
		return ayni_error_set(err, AYNI_ENOINPUT, _("no database at "
		    "'%s' (the file is empty): run 'ayni init' or set "
		    "AYNI_DB"), path);
	} else if (S_ISDIR(sb.st_mode))
		return ayni_error_set(err, AYNI_ENOINPUT,
		    _("'%s' is a directory, not a database"), path);
	return 0;
}

/*
 * The connection: read-only when the file or its directory is (then
 * through an immutable URI), without SQLite's mutexes, with extended
 * result codes, foreign keys and the busy timeout; reading the header
 * tells a file that is no database early and clearly.
 */
static int
open_connection(ayni_db *db, const char *path, int *flags, ayni_error *err)
{
	char uri[3 * PATH_MAX + 32];
	const char *opath = path;
	int oflags;

	if (strcmp(path, ":memory:") != 0)
		check_writable(db, path);
	if (db->rodir != NULL || db->rofile)
		*flags |= AYNI_DB_READONLY;
	oflags = (*flags & AYNI_DB_READONLY) ? SQLITE_OPEN_READONLY :
	    SQLITE_OPEN_READWRITE;
	if (db->rodir != NULL && immutable_uri(db, uri, sizeof(uri)) == 0) {
		opath = uri;
		oflags |= SQLITE_OPEN_URI;
	}
	/*
	 * ayni uses SQLite from one thread: no mutexes, and no allocation
	 * statistics (each malloc took a global mutex for them).  A
	 * statement that may have to undo itself alone (an insert of many
	 * rows into a table with foreign keys, the refresh's upserts) keeps
	 * the pages it changes in a statement journal: in memory up to 4 MiB
	 * a statement, not the default 64 KiB, past which every statement
	 * of an upload wrote its pages to a temporary file (1.1 s of system
	 * time in a 1M-line upload).  Refused, harmlessly, once SQLite is
	 * initialized.  bench/README.md.
	 */
	sqlite3_config(SQLITE_CONFIG_SINGLETHREAD);
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
	sqlite3_config(SQLITE_CONFIG_STMTJRNL_SPILL, 4 << 20);
	if (sqlite3_open_v2(opath, &db->h, oflags | SQLITE_OPEN_NOMUTEX,
	    NULL) != SQLITE_OK)
		return db->h != NULL ? ayni_db_error(db, err, N_("opening")) :
		    ayni_error_set(err, AYNI_ENOMEM, _("out of memory"));
	sqlite3_extended_result_codes(db->h, 1);
	ayni_db_set_busy_timeout(db, 5000);
	return ayni_sql_script(db, err, N_("opening"),
	    "PRAGMA foreign_keys = ON") != 0 ? err->code :
	    ayni_sql_script(db, err, N_("reading the schema"),
	    "SELECT count(*) FROM sqlite_schema");
}

/*
 * The schema: refused when newer than this ayni knows (before WAL is
 * switched on: a newer ayni may not want it), migrated when older,
 * unless the database cannot be written.
 */
static int
open_schema(ayni_db *db, const char *path, int flags, int memory,
    ayni_error *err)
{
	int rc, mark = 0;

	if (!memory && (rc = check_ours(db, &mark, err)) != 0)
		return rc;
	if (ayni_db_version(db) > ayni_db_schema_version())
		return ayni_error_set(err, AYNI_ECONFIG,
		    _("database '%s' has schema version %d but this ayni knows "
		    "only up to %d: use a newer ayni"), path,
		    ayni_db_version(db), ayni_db_schema_version());
	if (!memory && !(flags & AYNI_DB_READONLY) &&
	    (rc = ayni_sql_script(db, err, N_("enabling WAL"),
	    "PRAGMA journal_mode = WAL")) != 0)
		return rc;
	if ((rc = ayni_sql_script(db, err, N_("opening"),
	    "PRAGMA synchronous = NORMAL")) != 0)
		return rc;
	if ((flags & AYNI_DB_NOMIGRATE) ||
	    (ayni_db_version(db) >= ayni_db_schema_version() && !mark))
		return 0;
	if (!(flags & AYNI_DB_READONLY))
		return ayni_db_migrate(db, err);
	if ((db->rodir != NULL || db->rofile) &&
	    ayni_db_version(db) < ayni_db_schema_version())
		return db->rodir != NULL ? ayni_error_set(err,
		    AYNI_ECANTCREAT, _("database '%s' needs an upgrade "
		    "to schema version %d, but '%s' is a read-only "
		    "directory"), path, ayni_db_schema_version(),
		    db->rodir) : ayni_error_set(err, AYNI_EIO,
		    _("database '%s' needs an upgrade to schema version "
		    "%d, but it is read-only"), path,
		    ayni_db_schema_version());
	return 0;
}

int
ayni_db_open(ayni_db **out, const char *path, int flags, ayni_error *err)
{
	ayni_db *db;
	int memory = strcmp(path, ":memory:") == 0;
	int rc;

	*out = NULL;
	if ((db = calloc(1, sizeof(*db))) == NULL ||
	    (db->path = absolute(path)) == NULL) {
		free(db);
		return ayni_error_set(err, AYNI_ENOMEM, _("out of memory"));
	}
	if ((!memory && (rc = open_file(path, flags, err)) != 0) ||
	    (rc = open_connection(db, path, &flags, err)) != 0 ||
	    (rc = open_schema(db, path, flags, memory, err)) != 0) {
		ayni_db_close(db);
		return rc;
	}
	*out = db;
	return 0;
}

void
ayni_db_close(ayni_db *db)
{
	if (db == NULL)
		return;
	if (db->h != NULL)
		sqlite3_close_v2(db->h);
	free(db->rodir);
	free(db->path);
	free(db);
}

const char *
ayni_db_path(const ayni_db *db)
{
	return db->path;
}

int
ayni_db_begin(ayni_db *db, ayni_error *err)
{
	int rc;

	if (db->depth++ > 0)
		return 0;
	db->failed = 0;
	if ((rc = ayni_sql_script(db, err, N_("starting a transaction"),
	    "BEGIN IMMEDIATE")) != 0)
		db->depth = 0;
	return rc;
}

int
ayni_db_commit(ayni_db *db, ayni_error *err)
{
	if (db->depth == 0)
		return ayni_error_set(err, AYNI_EINTERNAL,
		    _("commit without a transaction"));
	if (--db->depth > 0)
		return 0;
	if (db->failed) {
		ayni_sql_script(db, NULL, N_("rolling back"), "ROLLBACK");
		return ayni_error_set(err, AYNI_EINTERNAL,
		    _("an inner transaction failed"));
	}
	if (sqlite3_exec(db->h, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
		int rc = ayni_db_error(db, err, N_("committing"));

		ayni_sql_script(db, NULL, N_("rolling back"), "ROLLBACK");
		return rc;
	}
	return 0;
}

void
ayni_db_rollback(ayni_db *db)
{
	if (db->depth == 0)
		return;
	if (--db->depth > 0) {
		db->failed = 1;
		return;
	}
	if (!sqlite3_get_autocommit(db->h))
		sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
}

void
ayni_db_set_busy_timeout(ayni_db *db, int ms)
{
	sqlite3_busy_timeout(db->h, ms);
}

time_t
ayni_db_now(const ayni_db *db)
{
	return db->now != 0 ? db->now : time(NULL);
}

void
ayni_db_set_now(ayni_db *db, time_t now)
{
	db->now = now;
}

void
ayni_db_timestamp(time_t t, char buf[20])
{
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(buf, 20, "%Y-%m-%d %H:%M:%S", &tm);
}

struct sqlite3 *
ayni_db_handle(ayni_db *db)
{
	return db->h;
}

void
ayni_db_interrupt(ayni_db *db)
{
	if (db != NULL && db->h != NULL)
		sqlite3_interrupt(db->h);
}
