/*
 * sql.h - the storage seam: the calls every ported module makes to run SQL
 * (prepare, bind, step, read a column, transactions, the class of an
 * error), over one driver table per engine: SQLite (sql_sqlite.c) and
 * PostgreSQL through libpq (sql_pg.c).  Private to libayni; nothing in
 * include/ayni/ names an engine's type.
 *
 * SQL is written once, whole, at the call site, with ?1, ?2 ... (or ?)
 * parameters; the libpq driver rewrites them to $1, $2 ... outside string
 * literals.  Where one text cannot serve both engines, the caller picks a
 * second text next to the first by ayni_db_dialect().
 *
 * What an error means to the user is decided once, in ayni_db_error()
 * (db.c), from the class a driver reports; the drivers only classify.
 * This header does not open, migrate or version a database: db.c does,
 * through the driver's hooks below.
 */
#ifndef AYNI_SQL_H
#define AYNI_SQL_H

#include <stdarg.h>
#include <stdint.h>
#include <time.h>

#include "ayni/db.h"
#include "ayni/error.h"

typedef struct ayni_stmt ayni_stmt;

enum sql_dialect { SQL_SQLITE, SQL_PG };

/* What ayni_stmt_step returns. */
enum { SQL_DONE = 0, SQL_ROW = 1, SQL_ERROR = -1 };

/* A column's type in the current row. */
enum sql_type { SQL_NULL, SQL_INT, SQL_FLOAT, SQL_TEXT };

/*
 * The class of the last error on a connection, all that db.c needs to
 * choose an ayni_code and a message (ayni_db_error).
 */
enum sql_class {
	SQL_EOTHER,
	SQL_EDUP,	/* a unique key already holds the value */
	SQL_ECONSTRAINT,/* any other constraint */
	SQL_EBUSY,	/* locked: busy or lock timeout */
	SQL_EINTERRUPT,	/* ayni_db_interrupt */
	SQL_ENOMEM,
	SQL_EIO,
	SQL_EROFS_DIR,	/* SQLite: the directory is read-only (extra: it) */
	SQL_EROFS_FILE,	/* SQLite: the file is read-only */
	SQL_ECANTOPEN,
	SQL_ENOTADB,	/* not a database, or a corrupt one */
	SQL_EDOWN,	/* PostgreSQL: no server, or the connection broke */
	SQL_ENODB	/* PostgreSQL: no such database */
};

/* Every statement starts with this: which driver made it. */
struct ayni_stmt {
	const struct sql_driver	*drv;
	ayni_db			*db;
};

struct ayni_migration;

/*
 * One engine.  Functions that can fail return 0 or -1 and leave the
 * error on the connection, for error() to read; open and the migration
 * hooks fill an ayni_error themselves.
 */
struct sql_driver {
	int	 dialect;
	const char *begin_sql;	/* a transaction that takes the write lock */

	/* *flags may gain AYNI_DB_READONLY (a read-only SQLite file). */
	int	(*open)(ayni_db *, const char *target, int *flags,
		    ayni_error *);
	void	(*close)(ayni_db *);

	int	(*prepare)(ayni_db *, const char *sql, ayni_stmt **);
	int	(*nparams)(ayni_stmt *);
	int	(*bind_int64)(ayni_stmt *, int, int64_t);
	int	(*bind_double)(ayni_stmt *, int, double);
	int	(*bind_text)(ayni_stmt *, int, const char *); /* kept by ref */
	int	(*bind_null)(ayni_stmt *, int);
	int	(*step)(ayni_stmt *);
	int	(*column_count)(ayni_stmt *);
	int	(*column_type)(ayni_stmt *, int);
	int64_t	(*column_int64)(ayni_stmt *, int);
	double	(*column_double)(ayni_stmt *, int);
	const char *(*column_text)(ayni_stmt *, int);
	const char *(*column_name)(ayni_stmt *, int);
	void	(*reset)(ayni_stmt *);
	void	(*finalize)(ayni_stmt *);
	/* Optional: rows one at a time from the server (ayni_stmt_stream). */
	void	(*stream)(ayni_stmt *);

	int	(*exec)(ayni_db *, const char *script);
	int64_t	(*changes)(ayni_db *);
	int	(*in_transaction)(ayni_db *);
	void	(*set_timeout)(ayni_db *, int ms);
	/* The class of the last error; *msg its text, *extra a detail. */
	int	(*error)(ayni_db *, const char **msg, const char **extra);
	void	(*interrupt)(ayni_db *);	/* async-signal-safe */

	/* Schema: the engine's migrations, read and set its version. */
	const struct ayni_migration *migrations;
	const int *migration_count;
	int	(*version)(ayni_db *);		/* -1 when unreadable */
	int	(*migrate_begin)(ayni_db *, ayni_error *);
	int	(*migrate_check)(ayni_db *, ayni_error *);
	int	(*migrate_mark)(ayni_db *, int version, ayni_error *);
	int	(*migrate_end)(ayni_db *, ayni_error *);
};

extern const struct sql_driver ayni_sql_sqlite;
extern const struct sql_driver ayni_sql_pg;

/* The connection, shared by db.c and the drivers. */
struct ayni_db {
	const struct sql_driver *drv;
	void	*conn;		/* the driver's */
	char	*path;		/* absolute file, ":memory:", or the URL */
	int	 depth;		/* nesting of ayni_db_begin */
	int	 failed;	/* an inner level rolled back */
	time_t	 now;		/* 0: real clock */
	int	 timeout;	/* lock wait, ms (ayni_db_set_busy_timeout) */
};

int	ayni_db_dialect(const ayni_db *db);
int	ayni_db_busy_timeout(const ayni_db *db);	/* ms */
int	ayni_db_in_transaction(ayni_db *db);	/* the engine's, not depth */

/* Statements (dbutil.c): thin calls through st's driver. */
int	ayni_stmt_step(ayni_stmt *st);
void	ayni_stmt_reset(ayni_stmt *st);
void	ayni_stmt_finalize(ayni_stmt *st);	/* NULL is fine */
/*
 * Before the first step: st's rows are to be read once, in order, to the
 * end (the writer), with no other statement run on the connection until
 * then; PostgreSQL's driver then fetches them one at a time instead of
 * the whole result at once.  SQLite always steps row by row.
 */
void	ayni_stmt_stream(ayni_stmt *st);
int	ayni_col_count(ayni_stmt *st);
int	ayni_col_type(ayni_stmt *st, int i);
int64_t	ayni_col_int64(ayni_stmt *st, int i);
int	ayni_col_int(ayni_stmt *st, int i);
double	ayni_col_double(ayni_stmt *st, int i);
const char *ayni_col_text(ayni_stmt *st, int i);	/* NULL for NULL */
const char *ayni_col_name(ayni_stmt *st, int i);
ayni_db	*ayni_stmt_db(ayni_stmt *st);

/* ayni_sql_prepare and ayni_sql_row with a va_list (dbutil.c). */
int	ayni_sql_vprepare(ayni_db *db, ayni_stmt **st, ayni_error *err,
	    const char *what, const char *sql, const char *args, va_list ap);
int	ayni_sql_vrow(ayni_db *db, ayni_stmt **st, ayni_error *err,
	    const char *what, const char *sql, const char *args, va_list ap);

/* 1 if the last failure on db was a unique key ("already exists"). */
int	ayni_sql_is_dup(ayni_db *db);

#endif /* AYNI_SQL_H */
