/*
 * db.h - opening an ayni database and bringing its schema up to date.
 *
 * An ayni_db wraps one connection, to a SQLite file or to a PostgreSQL
 * database (a postgresql:// URL), with the settings every command needs
 * (for SQLite: WAL, foreign keys, busy timeout) and a clock that tests
 * can set.
 * It does not know about users or companies; those modules take an ayni_db.
 */
#ifndef AYNI_DB_H
#define AYNI_DB_H

#include <stdint.h>
#include <time.h>

#include "ayni/error.h"

typedef struct ayni_db ayni_db;

/*
 * PRAGMA application_id of an ayni database: ASCII "ayni".  A SQLite file
 * with tables and without it is another application's, and is refused.
 */
#define AYNI_APPLICATION_ID	0x61796E69

enum {
	AYNI_DB_CREATE = 1 << 0,	/* create the file (mode 0600) if missing */
	AYNI_DB_READONLY = 1 << 1,	/* open read-only; never migrates */
	AYNI_DB_NOMIGRATE = 1 << 2	/* leave an older schema as it is */
};

/*
 * Open the database at path.  Without AYNI_DB_CREATE a missing file is
 * AYNI_ENOINPUT and nothing is created.  A database older than this binary
 * is migrated forward in one transaction; a newer one is AYNI_ECONFIG.
 * A SQLite file of another application (tables, no AYNI_APPLICATION_ID)
 * is AYNI_EDATA, and nothing in it is changed, not even its journal mode;
 * an ayni database from before the mark gets it.  A database in a
 * directory we cannot write (or a read-only file) is opened read-only:
 * reads work, and a write fails with a message that says why.
 * path ":memory:" opens a private in-memory database (for tests).
 *
 * A path that is a postgresql:// (or postgres://) URL opens that
 * PostgreSQL database instead, with its own schema (schema/pg/): an empty
 * database is given the schema; no server is AYNI_EUNAVAIL, no such
 * database AYNI_ENOINPUT, a newer schema AYNI_ECONFIG, as for a file.
 */
int	ayni_db_open(ayni_db **out, const char *path, int flags,
	    ayni_error *err);
void	ayni_db_close(ayni_db *db);

/* Apply every migration newer than the database's user_version. */
int	ayni_db_migrate(ayni_db *db, ayni_error *err);
/* The database's user_version, and the newest this binary knows. */
int	ayni_db_version(ayni_db *db);
int	ayni_db_schema_version(void);

const char *ayni_db_path(const ayni_db *db);
/*
 * A PostgreSQL URL as messages and the session file show it: without the
 * password of "user:password@" or of a "password=" parameter (give it
 * with PGPASSFILE or PGPASSWORD instead).  malloc'd; NULL when out of
 * memory.  ayni_db_path() of a PostgreSQL database is this.
 */
char	*ayni_db_url_public(const char *url);
/* 1 if a --db value is a PostgreSQL URL (postgresql:// or postgres://). */
int	ayni_db_is_url(const char *path);	/* absolute, ":memory:", a URL */

/*
 * Transactions.  ayni_db_begin takes the write lock at once (BEGIN
 * IMMEDIATE) so that a busy database is reported before any work is done.
 * Begin/commit nest by counting: only the outermost pair talks to SQLite,
 * and a rollback anywhere rolls back the outermost transaction.
 */
int	ayni_db_begin(ayni_db *db, ayni_error *err);
int	ayni_db_commit(ayni_db *db, ayni_error *err);
void	ayni_db_rollback(ayni_db *db);

/* How long a locked database is waited for, in milliseconds. */
void	ayni_db_set_busy_timeout(ayni_db *db, int ms);

/*
 * The clock.  ayni_db_now() is the current time, or the time set with
 * ayni_db_set_now() (0 goes back to the real clock): tests use it to move
 * through lockouts and expiries without sleeping.  ayni_db_timestamp()
 * formats a time as the schema's 'YYYY-MM-DD HH:MM:SS' UTC text.
 */
time_t	ayni_db_now(const ayni_db *db);
void	ayni_db_set_now(ayni_db *db, time_t now);
void	ayni_db_timestamp(time_t t, char buf[20]);

/*
 * Translate the connection's last error into err (the one place).
 * what, the action that failed ("adding the company"), is marked N_()
 * where it is written and shown in the user's language.
 */
int	ayni_db_error(ayni_db *db, ayni_error *err, const char *what);

/*
 * Stop the statement under way, if any: it fails as AYNI_ECANCELED.  Safe
 * from a signal handler (SQLite checks a flag, libpq sends a cancel
 * request); db may be NULL.
 */
void	ayni_db_interrupt(ayni_db *db);

#endif /* AYNI_DB_H */
