/*
 * internal.h - helpers shared by modules of libayni and by nothing else:
 * not part of the public API in include/ayni/.  Nothing here is for src/cli.
 */
#ifndef AYNI_INTERNAL_H
#define AYNI_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include <sqlite3.h>

#include "ayni/db.h"
#include "ayni/error.h"

/*
 * SQL helpers (dbutil.c), over the storage seam (sql.h): the same calls on
 * SQLite and on PostgreSQL.  The SQL is written whole at the call site;
 * these only bind, step, finalize and report.  what names the action for
 * messages ("adding a member"), as ayni_db_error takes it, and every
 * driver failure goes through ayni_db_error.  err comes before the SQL in
 * these, not last: the arguments to bind are.
 *
 * args describes the arguments that follow, one letter each, bound to ?1,
 * ?2, ... in order: 'i' int, 'I' int64_t, 'd' double, 't' const char *
 * (NULL binds NULL).  Text is bound by reference: it must live until the
 * statement is finalized.  "" or NULL binds nothing.  More letters than
 * the statement has parameters is AYNI_EINTERNAL, with no argument read;
 * the compiler cannot check the letters against the arguments, so keep
 * them next to each other.
 *
 * ayni_sql_prepare: *st ready to step (the caller finalizes it), or NULL.
 * ayni_sql_exec: run to the end, rows it returns ignored; the number of
 *	rows changed (>= 0), or a negative ayni_code.  After a failure the
 *	connection still holds the error, so a caller can tell a unique key
 *	(ayni_sql_is_dup, sql.h) and say "already exists".
 * ayni_sql_row: *st at its first row (the caller reads the columns and
 *	finalizes it); no row is AYNI_ENOTFOUND "<what>: not found", which
 *	the caller usually replaces with its own words.  *st is NULL on any
 *	error.
 * ayni_sql_int: the first column of the first row; no row is
 *	AYNI_ENOTFOUND as for ayni_sql_row.
 * ayni_sql_script: one or more statements without arguments (BEGIN,
 *	migrations).
 *
 * ayni_sql_prepare and ayni_sql_row take an ayni_stmt ** (sql.h).  The
 * modules not yet ported to the seam (upload, rollups, report, benchmark,
 * check, export: part 2 of the PostgreSQL work) still pass a
 * sqlite3_stmt **, and _Generic sends them to SQLite-only twins in
 * sql_sqlite.c; those commands refuse a PostgreSQL database before they
 * run (src/cli, CMD_SQLITE).  Part 2 removes the twins.
 */
struct ayni_stmt;
int	ayni_stmt_prepare(ayni_db *db, struct ayni_stmt **st, ayni_error *err,
	    const char *what, const char *sql, const char *args, ...);
int	ayni_stmt_row(ayni_db *db, struct ayni_stmt **st, ayni_error *err,
	    const char *what, const char *sql, const char *args, ...);
int	ayni_sqlite_prepare(ayni_db *db, sqlite3_stmt **st, ayni_error *err,
	    const char *what, const char *sql, const char *args, ...);
int	ayni_sqlite_row(ayni_db *db, sqlite3_stmt **st, ayni_error *err,
	    const char *what, const char *sql, const char *args, ...);
#define ayni_sql_prepare(db, st, ...) _Generic((st),			\
	sqlite3_stmt **: ayni_sqlite_prepare,				\
	default: ayni_stmt_prepare)((db), (st), __VA_ARGS__)
#define ayni_sql_row(db, st, ...) _Generic((st),			\
	sqlite3_stmt **: ayni_sqlite_row,				\
	default: ayni_stmt_row)((db), (st), __VA_ARGS__)
int	ayni_sql_exec(ayni_db *db, ayni_error *err, const char *what,
	    const char *sql, const char *args, ...);
int	ayni_sql_int(ayni_db *db, int64_t *out, ayni_error *err,
	    const char *what, const char *sql, const char *args, ...);
int	ayni_sql_script(ayni_db *db, ayni_error *err, const char *what,
	    const char *sql);
/*
 * ayni_sql_mprintf: sqlite3_mprintf (so %q, %Q and %w quote), for SQL
 * whose identifiers vary; free the result with sqlite3_free.  NULL
 * with AYNI_ENOMEM in err.  Values are bound, never printed in.
 * sql_sqlite.c, for the modules not yet ported.
 */
char	*ayni_sql_mprintf(ayni_error *err, const char *fmt, ...);

/*
 * The writer over a statement (output.c): step st to its end, one writer
 * row per result row; value i is read from result column i as the writer
 * column's type says.  A sqlite3_stmt goes to the SQLite-only twin in
 * sql_sqlite.c, as above.
 */
struct ayni_writer;
int	ayni_writer_query(struct ayni_writer *w, struct ayni_stmt *st,
	    ayni_error *err);
int	ayni_writer_sqlite(struct ayni_writer *w, sqlite3_stmt *st,
	    ayni_error *err);
#define ayni_writer_stmt(w, st, err) _Generic((st),			\
	sqlite3_stmt *: ayni_writer_sqlite,				\
	default: ayni_writer_query)((w), (st), (err))

/*
 * The SQLite handle of a SQLite database, NULL on PostgreSQL: for the
 * modules not yet ported, and the tests that look inside a file.
 */
struct sqlite3 *ayni_db_handle(ayni_db *db);

/*
 * Opening (db.c, for the drivers): AYNI_DB_MIGRATE_ is set in the flags
 * by a driver's open when the schema is to be migrated; the newest
 * migration this binary has for db's engine; AYNI_ECONFIG when db's
 * schema is newer than that (the message names shown, else db's path).
 */
#define AYNI_DB_MIGRATE_	(1 << 16)
int	ayni_db_newest(const ayni_db *db);
int	ayni_db_check_newer(ayni_db *db, const char *shown,
	    ayni_error *err);

/*
 * End the transaction begun with ayni_db_begin: commit when rc is 0 (and
 * return the commit's result), else roll back and return rc.  So a
 * function ends "return ayni_db_end(db, rc, err);".
 */
int	ayni_db_end(ayni_db *db, int rc, ayni_error *err);

/*
 * Savepoints, for undoing part of a transaction: begin marks, release
 * keeps what was done since (and forgets the mark), rollback undoes it
 * and forgets the mark; the enclosing transaction goes on either way.
 * Outside a transaction a savepoint starts a deferred one, so begin one
 * with ayni_db_begin first.  name is an identifier chosen in the code.
 */
int	ayni_savepoint_begin(ayni_db *db, const char *name, ayni_error *err);
int	ayni_savepoint_release(ayni_db *db, const char *name,
	    ayni_error *err);
void	ayni_savepoint_rollback(ayni_db *db, const char *name);

/*
 * Triggers set aside (SQLite): ayni_triggers_aside drops the triggers of
 * table, keeping their text from sqlite_schema, and ayni_triggers_back
 * creates them again from it (err may be NULL: then only the return
 * says it failed).  Both inside the caller's write transaction, so that
 * a rollback or a crash restores them and no other connection sees the
 * table without them.  For a deferred company's bulk writes
 * (agg_deferred): its triggers would only skip themselves, but their
 * presence makes every INSERT a statement that SQLite must be able to
 * undo alone, journalling each page it touches (store.c, refresh.c).
 */
struct ayni_triggers {
	char	*sql[16];
	int	 n;
};
int	ayni_triggers_aside(ayni_db *db, const char *table,
	    struct ayni_triggers *t, ayni_error *err);
int	ayni_triggers_back(ayni_db *db, struct ayni_triggers *t,
	    ayni_error *err);

/*
 * The body of rollup view name (schema/0002_rollups.sql), what follows
 * "AS", with its markers turned into parameters: ?1 the first day, ?2 the
 * last day, ?3 the company.  The caller frees *out.  aggregate.c.
 */
int	ayni_agg_view_sql(ayni_db *db, const char *name, char **out,
	    ayni_error *err);

/*
 * Upload liveness (uplock.c).  A running upload holds a lock on byte
 * upload_id of the file "<database>-lock" from before its record is
 * committed until after its final status is; the kernel drops the lock
 * when the process ends, however it ends.
 *
 * ayni_uplock_hold: *fd is the lock's descriptor for release, or -1 when
 * the file system has no record locks (then liveness falls back to pid
 * and host).  ayni_uplock_alive: 1 held (the upload runs), 0 not held
 * (its process is gone), -1 cannot tell.
 */
int	ayni_uplock_hold(const char *dbpath, int64_t upload_id, int *fd,
	    ayni_error *err);
void	ayni_uplock_release(int fd);
int	ayni_uplock_alive(const char *dbpath, int64_t upload_id);

/*
 * The users' half of ayni_user_deactivate (user.c), inside the caller's
 * transaction: refuse an inactive user, the last active superuser and the
 * last active owner of a company, else set is_active = 0.  auth.c ends the
 * sessions, so that user.c never calls auth.c.
 */
int	ayni_user_set_inactive(ayni_db *db, int64_t user_id, ayni_error *err);

/*
 * UTF-8, in text.c and nowhere else.  ayni_utf8_seqn: the sequence at s,
 * of which n >= 1 bytes are there to read: its length (1 to 4) when it is
 * well-formed, 0 when it is not (a stray or invalid byte, an overlong
 * form, a surrogate, beyond U+10FFFF), AYNI_UTF8_CUT when the n bytes
 * are a well-formed start of a longer sequence (a buffer that ends in the
 * middle of a character).  A byte below 0x80, NUL included, is 1.
 * ayni_utf8_seq: the same for a NUL-terminated string, which is never cut
 * (s must not be at its terminating NUL).
 */
#define AYNI_UTF8_CUT	((size_t)-1)
size_t	ayni_utf8_seqn(const char *s, size_t n);
size_t	ayni_utf8_seq(const char *s);

/*
 * 1 if s is well-formed UTF-8 (no overlongs, surrogates or > U+10FFFF).
 * Text from argv is checked with it before it is stored, so that JSON
 * output is always valid.
 */
int	ayni_utf8_valid(const char *s);

/*
 * s as one RFC 4180 csv cell between separators seps ("," or ";", or ";,"
 * for a file either may read): quoted, its quotes doubled, when it holds
 * a separator, a quote or a line break, or starts or ends with a space
 * (spreadsheets trim those); else as it is.  put receives the cell in
 * pieces.  output.c; the writer's csv cells (ayni_csv_cell) and the
 * sample generator's are this one rule.
 */
void	ayni_csv_quote(const char *s, const char *seps,
	    void (*put)(void *arg, const char *p, size_t n), void *arg);

/*
 * A benchmark statistic of metric m (an ayni_bench_metric) as people read
 * it: "$1.234" for money, "29,41 %", "631,197" units, counts as integers
 * or with one decimal when a median falls between two.  report.c; used by
 * both report layouts.
 */
void	ayni_report_bench_fmt(int m, double v, char *buf, size_t len);

#endif /* AYNI_INTERNAL_H */
