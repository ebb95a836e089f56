/*
 * sql_sqlite.c - the SQLite driver of the storage seam (sql.h): one
 * connection set up the way every ayni command needs it (the file made
 * 0600, read-only when its directory is, WAL, foreign keys, a busy
 * timeout), ayni's mark and version in the file's header, and SQLite's
 * error codes sorted into the seam's classes.
 *
 * It decides no message and no exit code: db.c does, from the class.  It
 * also holds the SQLite-only twins of the SQL helpers and of the writer
 * for the modules not yet ported to the seam (internal.h); nothing else
 * in libayni calls sqlite3_ outside those modules.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sqlite3.h>

#include "ayni/aggregate.h"
#include "ayni/db.h"
#include "ayni/intl.h"
#include "ayni/output.h"
#include "internal.h"
#include "schema.h"
#include "sql.h"

struct lite {
	sqlite3	*h;
	char	*rodir;		/* opened read-only: this directory is */
	int	 rofile;	/* opened read-only: the file is */
};

struct lite_stmt {
	struct ayni_stmt base;
	sqlite3_stmt	*s;
};

#define LITE(db)	((struct lite *)(db)->conn)
#define LS(st)		(((struct lite_stmt *)(st))->s)

static int
lite_prepare(ayni_db *db, const char *sql, ayni_stmt **out)
{
	struct lite_stmt *st;

	*out = NULL;
	if ((st = calloc(1, sizeof(*st))) == NULL)
		return -1;
	st->base.drv = &ayni_sql_sqlite;
	st->base.db = db;
	if (sqlite3_prepare_v2(LITE(db)->h, sql, -1, &st->s, NULL) !=
	    SQLITE_OK) {
		free(st);
		return -1;
	}
	*out = &st->base;
	return 0;
}

static int
lite_nparams(ayni_stmt *st)
{
	return sqlite3_bind_parameter_count(LS(st));
}

static int
lite_bind_int64(ayni_stmt *st, int i, int64_t v)
{
	return sqlite3_bind_int64(LS(st), i, v) == SQLITE_OK ? 0 : -1;
}

static int
lite_bind_double(ayni_stmt *st, int i, double v)
{
	return sqlite3_bind_double(LS(st), i, v) == SQLITE_OK ? 0 : -1;
}

static int
lite_bind_text(ayni_stmt *st, int i, const char *v)
{
	return sqlite3_bind_text(LS(st), i, v, -1, SQLITE_STATIC) ==
	    SQLITE_OK ? 0 : -1;
}

static int
lite_bind_null(ayni_stmt *st, int i)
{
	return sqlite3_bind_null(LS(st), i) == SQLITE_OK ? 0 : -1;
}

static int
lite_step(ayni_stmt *st)
{
	switch (sqlite3_step(LS(st))) {
	case SQLITE_ROW:
		return SQL_ROW;
	case SQLITE_DONE:
		return SQL_DONE;
	}
	return SQL_ERROR;
}

static int
lite_column_count(ayni_stmt *st)
{
	return sqlite3_column_count(LS(st));
}

static int
lite_column_type(ayni_stmt *st, int i)
{
	switch (sqlite3_column_type(LS(st), i)) {
	case SQLITE_NULL:
		return SQL_NULL;
	case SQLITE_INTEGER:
		return SQL_INT;
	case SQLITE_FLOAT:
		return SQL_FLOAT;
	}
	return SQL_TEXT;
}

static int64_t
lite_column_int64(ayni_stmt *st, int i)
{
	return sqlite3_column_int64(LS(st), i);
}

static double
lite_column_double(ayni_stmt *st, int i)
{
	return sqlite3_column_double(LS(st), i);
}

static const char *
lite_column_text(ayni_stmt *st, int i)
{
	return (const char *)sqlite3_column_text(LS(st), i);
}

static const char *
lite_column_name(ayni_stmt *st, int i)
{
	return sqlite3_column_name(LS(st), i);
}

static void
lite_reset(ayni_stmt *st)
{
	sqlite3_reset(LS(st));
}

static void
lite_finalize(ayni_stmt *st)
{
	sqlite3_finalize(LS(st));
	free(st);
}

static int
lite_exec(ayni_db *db, const char *sql)
{
	return sqlite3_exec(LITE(db)->h, sql, NULL, NULL, NULL) == SQLITE_OK ?
	    0 : -1;
}

static int64_t
lite_changes(ayni_db *db)
{
	return sqlite3_changes(LITE(db)->h);
}

static int
lite_in_transaction(ayni_db *db)
{
	return !sqlite3_get_autocommit(LITE(db)->h);
}

static void
lite_set_timeout(ayni_db *db, int ms)
{
	sqlite3_busy_timeout(LITE(db)->h, ms);
}

static void
lite_interrupt(ayni_db *db)
{
	sqlite3_interrupt(LITE(db)->h);
}

/* SQLite's result codes in the seam's classes (db.c words them). */
static int
lite_error(ayni_db *db, const char **msg, const char **extra)
{
	struct lite *l = LITE(db);
	int rc = sqlite3_extended_errcode(l->h);

	*msg = sqlite3_errmsg(l->h);
	*extra = NULL;
	if (rc == SQLITE_CONSTRAINT_UNIQUE ||
	    rc == SQLITE_CONSTRAINT_PRIMARYKEY)
		return SQL_EDUP;
	switch (rc & 0xff) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return SQL_EBUSY;
	case SQLITE_CONSTRAINT:
		return SQL_ECONSTRAINT;
	case SQLITE_INTERRUPT:
		return SQL_EINTERRUPT;
	case SQLITE_NOMEM:
		return SQL_ENOMEM;
	case SQLITE_IOERR:
	case SQLITE_FULL:
		return SQL_EIO;
	case SQLITE_READONLY:
		*extra = l->rodir;
		if (l->rodir != NULL)
			return SQL_EROFS_DIR;
		if (l->rofile)
			return SQL_EROFS_FILE;
		/* FALLTHROUGH */
	case SQLITE_CANTOPEN:
	case SQLITE_PERM:
	case SQLITE_AUTH:
		return SQL_ECANTOPEN;
	case SQLITE_NOTADB:
	case SQLITE_CORRUPT:
		return SQL_ENOTADB;
	}
	return SQL_EOTHER;
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
		LITE(db)->rodir = strdup(dir);
	else if (access(path, W_OK) == -1 && (errno == EACCES ||
	    errno == EROFS))
		LITE(db)->rofile = 1;
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
	if (LITE(db)->rodir != NULL || LITE(db)->rofile)
		*flags |= AYNI_DB_READONLY;
	oflags = (*flags & AYNI_DB_READONLY) ? SQLITE_OPEN_READONLY :
	    SQLITE_OPEN_READWRITE;
	if (LITE(db)->rodir != NULL && immutable_uri(db, uri, sizeof(uri)) == 0) {
		opath = uri;
		oflags |= SQLITE_OPEN_URI;
	}
	/*
	 * ayni uses SQLite from one thread: no mutexes, and no allocation
	 * statistics (each malloc took a global mutex for them).  The
	 * upload's second thread (pipe.c) reads and parses only, and never
	 * calls SQLite.  Refused, harmlessly, once SQLite is initialized.
	 * bench/README.md.
	 */
	sqlite3_config(SQLITE_CONFIG_SINGLETHREAD);
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
	if (sqlite3_open_v2(opath, &LITE(db)->h, oflags | SQLITE_OPEN_NOMUTEX,
	    NULL) != SQLITE_OK)
		return LITE(db)->h != NULL ? ayni_db_error(db, err, N_("opening")) :
		    ayni_error_set(err, AYNI_ENOMEM, _("out of memory"));
	sqlite3_extended_result_codes(LITE(db)->h, 1);
	ayni_db_set_busy_timeout(db, 5000);
	return ayni_sql_script(db, err, N_("opening"),
	    "PRAGMA foreign_keys = ON") != 0 ? err->code :
	    ayni_sql_script(db, err, N_("reading the schema"),
	    "SELECT count(*) FROM sqlite_schema");
}

/*
 * The schema: refused when newer than this ayni knows (before WAL is
 * switched on: a newer ayni may not want it), migrated when older,
 * unless the database cannot be written (db.c migrates).
 */
static int
open_schema(ayni_db *db, const char *path, int *flags, int memory,
    ayni_error *err)
{
	int rc, mark = 0;

	if (!memory && (rc = check_ours(db, &mark, err)) != 0)
		return rc;
	if ((rc = ayni_db_check_newer(db, path, err)) != 0)
		return rc;
	if (!memory && !(*flags & AYNI_DB_READONLY) &&
	    (rc = ayni_sql_script(db, err, N_("enabling WAL"),
	    "PRAGMA journal_mode = WAL")) != 0)
		return rc;
	if ((rc = ayni_sql_script(db, err, N_("opening"),
	    "PRAGMA synchronous = NORMAL")) != 0)
		return rc;
	if ((*flags & AYNI_DB_NOMIGRATE) ||
	    (ayni_db_version(db) >= ayni_db_schema_version() && !mark))
		return 0;
	if (!(*flags & AYNI_DB_READONLY)) {
		*flags |= AYNI_DB_MIGRATE_;
		return 0;
	}
	if ((LITE(db)->rodir != NULL || LITE(db)->rofile) &&
	    ayni_db_version(db) < ayni_db_schema_version())
		return LITE(db)->rodir != NULL ? ayni_error_set(err,
		    AYNI_ECANTCREAT, _("database '%s' needs an upgrade "
		    "to schema version %d, but '%s' is a read-only "
		    "directory"), path, ayni_db_schema_version(),
		    LITE(db)->rodir) : ayni_error_set(err, AYNI_EIO,
		    _("database '%s' needs an upgrade to schema version "
		    "%d, but it is read-only"), path,
		    ayni_db_schema_version());
	return 0;
}

static int
lite_open(ayni_db *db, const char *path, int *flags, ayni_error *err)
{
	int memory = strcmp(path, ":memory:") == 0;
	int rc;

	if ((db->conn = calloc(1, sizeof(struct lite))) == NULL ||
	    (db->path = absolute(path)) == NULL)
		return ayni_error_set(err, AYNI_ENOMEM, _("out of memory"));
	if ((!memory && (rc = open_file(path, *flags, err)) != 0) ||
	    (rc = open_connection(db, path, flags, err)) != 0)
		return rc;
	return open_schema(db, path, flags, memory, err);
}

static void
lite_close(ayni_db *db)
{
	struct lite *l = LITE(db);

	if (l->h != NULL)
		sqlite3_close_v2(l->h);
	free(l->rodir);
	free(l);
	db->conn = NULL;
}

static int
lite_version(ayni_db *db)
{
	return (int)query_int(db, "PRAGMA user_version");
}

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
	ayni_stmt *st;
	int rc;

	if ((rc = ayni_sql_row(db, &st, err, N_("checking foreign keys"),
	    "PRAGMA foreign_key_check", NULL)) != 0)
		return rc == AYNI_ENOTFOUND ? 0 : rc;
	rc = ayni_error_set(err, AYNI_EINTERNAL, _("migrating '%s' broke a "
	    "reference from table '%s': nothing was changed"), db->path,
	    ayni_col_text(st, 0));
	ayni_stmt_finalize(st);
	return rc;
}

static int
lite_migrate_check(ayni_db *db, ayni_error *err)
{
	int rc;

	if ((rc = refresh_deferred(db, err)) != 0)
		return rc;
	return check_foreign_keys(db, err);
}

/*
 * Migrations rebuild tables the way SQLite documents for changes that
 * ALTER TABLE cannot make (create, copy, drop, rename).  That needs
 * foreign keys off (with them on, dropping the old table would cascade
 * into its children) and legacy_alter_table on (so a rename does not
 * rewrite other tables' references); both are set outside the
 * transaction, as SQLite requires, and the keys are checked before COMMIT.
 */
static int
lite_migrate_begin(ayni_db *db, ayni_error *err)
{
	return ayni_sql_script(db, err, N_("preparing a migration"),
	    "PRAGMA foreign_keys = OFF; PRAGMA legacy_alter_table = ON");
}

static int
lite_migrate_end(ayni_db *db, ayni_error *err)
{
	return ayni_sql_script(db, err, N_("ending a migration"),
	    "PRAGMA legacy_alter_table = OFF; PRAGMA foreign_keys = ON");
}

/* The mark and the version live in the file's header. */
static int
lite_migrate_mark(ayni_db *db, int version, ayni_error *err)
{
	char pragma[64];
	int rc;

	snprintf(pragma, sizeof(pragma), "PRAGMA application_id = %d",
	    AYNI_APPLICATION_ID);
	if ((rc = ayni_sql_script(db, err, N_("marking the database"),
	    pragma)) != 0)
		return rc;
	snprintf(pragma, sizeof(pragma), "PRAGMA user_version = %d", version);
	return ayni_sql_script(db, err, N_("setting the schema version"),
	    pragma);
}

const struct sql_driver ayni_sql_sqlite = {
	.dialect = SQL_SQLITE,
	.begin_sql = "BEGIN IMMEDIATE",
	.open = lite_open,
	.close = lite_close,
	.prepare = lite_prepare,
	.nparams = lite_nparams,
	.bind_int64 = lite_bind_int64,
	.bind_double = lite_bind_double,
	.bind_text = lite_bind_text,
	.bind_null = lite_bind_null,
	.step = lite_step,
	.column_count = lite_column_count,
	.column_type = lite_column_type,
	.column_int64 = lite_column_int64,
	.column_double = lite_column_double,
	.column_text = lite_column_text,
	.column_name = lite_column_name,
	.reset = lite_reset,
	.finalize = lite_finalize,
	.exec = lite_exec,
	.changes = lite_changes,
	.in_transaction = lite_in_transaction,
	.set_timeout = lite_set_timeout,
	.error = lite_error,
	.interrupt = lite_interrupt,
	.migrations = ayni_migrations,
	.migration_count = &ayni_migration_count,
	.version = lite_version,
	.migrate_begin = lite_migrate_begin,
	.migrate_check = lite_migrate_check,
	.migrate_mark = lite_migrate_mark,
	.migrate_end = lite_migrate_end
};

/*
 * The SQLite-only twins for the modules not yet ported (internal.h).  They
 * prepare through the seam and hand the caller SQLite's statement.
 */
struct sqlite3 *
ayni_db_handle(ayni_db *db)
{
	return db->drv == &ayni_sql_sqlite ? LITE(db)->h : NULL;
}

/* Take SQLite's statement out of a seam statement, which is freed. */
static sqlite3_stmt *
unwrap(ayni_stmt *st)
{
	sqlite3_stmt *s;

	if (st == NULL)
		return NULL;
	s = LS(st);
	free(st);
	return s;
}

static int
vtwin(int row, ayni_db *db, sqlite3_stmt **out, ayni_error *err,
    const char *what, const char *sql, const char *args, va_list ap)
{
	ayni_stmt *st = NULL;
	int rc;

	*out = NULL;
	if (db->drv != &ayni_sql_sqlite)
		return ayni_error_set(err, AYNI_EUNAVAIL, _("%s: not yet "
		    "available on PostgreSQL (part 2)"), _(what));
	rc = row ? ayni_sql_vrow(db, &st, err, what, sql, args, ap) :
	    ayni_sql_vprepare(db, &st, err, what, sql, args, ap);
	*out = unwrap(st);
	return rc;
}

int
ayni_sqlite_prepare(ayni_db *db, sqlite3_stmt **st, ayni_error *err,
    const char *what, const char *sql, const char *args, ...)
{
	va_list ap;
	int rc;

	va_start(ap, args);
	rc = vtwin(0, db, st, err, what, sql, args, ap);
	va_end(ap);
	return rc;
}

int
ayni_sqlite_row(ayni_db *db, sqlite3_stmt **st, ayni_error *err,
    const char *what, const char *sql, const char *args, ...)
{
	va_list ap;
	int rc;

	va_start(ap, args);
	rc = vtwin(1, db, st, err, what, sql, args, ap);
	va_end(ap);
	return rc;
}

/* The writer over SQLite's statement: lent to a seam statement. */
int
ayni_writer_sqlite(struct ayni_writer *w, sqlite3_stmt *s, ayni_error *err)
{
	sqlite3 *h = sqlite3_db_handle(s);
	struct lite l = { h, NULL, 0 };
	ayni_db db = { .drv = &ayni_sql_sqlite, .conn = &l,
	    .path = (char *)sqlite3_db_filename(h, "main") };
	struct lite_stmt st = { { &ayni_sql_sqlite, &db }, s };

	return ayni_writer_query(w, &st.base, err);
}

char *
ayni_sql_mprintf(ayni_error *err, const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = sqlite3_vmprintf(fmt, ap);
	va_end(ap);
	if (s == NULL)
		ayni_error_set(err, AYNI_ENOMEM, _("out of memory"));
	return s;
}

/* --- triggers set aside (internal.h), for the modules not yet ported --- */

int
ayni_triggers_aside(ayni_db *db, const char *table, struct ayni_triggers *t,
    ayni_error *err)
{
	sqlite3 *h = LITE(db)->h;
	sqlite3_stmt *st = NULL;
	char *drop;
	int rc = 0, src;

	if (sqlite3_prepare_v2(h, "SELECT name, sql FROM sqlite_schema"
	    " WHERE type = 'trigger' AND tbl_name = ?1 ORDER BY name", -1,
	    &st, NULL) != SQLITE_OK)
		return ayni_db_error(db, err, N_("setting triggers aside"));
	sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
	while (rc == 0 && (src = sqlite3_step(st)) == SQLITE_ROW) {
		if (t->n == (int)(sizeof(t->sql) / sizeof(t->sql[0])))
			return sqlite3_finalize(st), ayni_error_set(err,
			    AYNI_EINTERNAL, _("%s: more triggers than can be "
			    "set aside"), table);
		drop = sqlite3_mprintf("DROP TRIGGER \"%w\"",
		    (const char *)sqlite3_column_text(st, 0));
		if (drop == NULL || (t->sql[t->n] = strdup((const char *)
		    sqlite3_column_text(st, 1))) == NULL)
			rc = ayni_error_set(err, AYNI_ENOMEM,
			    _("out of memory"));
		else if (t->n++, sqlite3_exec(h, drop, NULL, NULL, NULL) !=
		    SQLITE_OK)
			rc = ayni_db_error(db, err, N_("setting triggers aside"));
		sqlite3_free(drop);
	}
	if (rc == 0 && src != SQLITE_DONE)
		rc = ayni_db_error(db, err, N_("setting triggers aside"));
	sqlite3_finalize(st);
	return rc;
}

int
ayni_triggers_back(ayni_db *db, struct ayni_triggers *t, ayni_error *err)
{
	int i, rc = 0;

	for (i = 0; i < t->n; i++) {
		if (rc == 0 && sqlite3_exec(LITE(db)->h, t->sql[i], NULL,
		    NULL, NULL) != SQLITE_OK)
			rc = ayni_db_error(db, err, N_("putting triggers back"));
		free(t->sql[i]);
	}
	t->n = 0;
	return rc;
}
