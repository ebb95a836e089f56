/*
 * dbutil.c - the few helpers that every module's SQL goes through: prepare
 * with bound arguments, run to the end, read one row or one integer, end a
 * transaction, savepoints, and building SQL text (internal.h).
 *
 * The SQL stays at the call site, whole and readable; only the plumbing
 * around it (binding, stepping, finalizing, turning a SQLite failure into
 * an ayni_error through ayni_db_error) lives here.  Nothing here decides
 * what a missing row means to the user: callers say that in their own
 * words.
 */
#include <stdarg.h>
#include <stdint.h>
#include <string.h>

#include <sqlite3.h>

#include "internal.h"
#include "ayni/intl.h"

/* Bind the arguments args describes (see internal.h) to ?1, ?2, ... */
static int
bind_args(sqlite3_stmt *st, const char *args, va_list ap)
{
	const char *t;
	int i, src = SQLITE_OK;

	/* More letters than parameters is a bug: read no argument then. */
	if (args != NULL && strlen(args) >
	    (size_t)sqlite3_bind_parameter_count(st))
		return SQLITE_MISUSE;
	for (i = 1; args != NULL && args[i - 1] != '\0' && src == SQLITE_OK;
	    i++) {
		switch (args[i - 1]) {
		case 'i':
			src = sqlite3_bind_int(st, i, va_arg(ap, int));
			break;
		case 'I':
			src = sqlite3_bind_int64(st, i, va_arg(ap, int64_t));
			break;
		case 'd':
			src = sqlite3_bind_double(st, i, va_arg(ap, double));
			break;
		case 't':
			t = va_arg(ap, const char *);
			src = t == NULL ? sqlite3_bind_null(st, i) :
			    sqlite3_bind_text(st, i, t, -1, SQLITE_STATIC);
			break;
		default:
			return SQLITE_MISUSE;
		}
	}
	return src;
}

static int
vprepare(ayni_db *db, sqlite3_stmt **st, ayni_error *err, const char *what,
    const char *sql, const char *args, va_list ap)
{
	int src;

	*st = NULL;
	if (sqlite3_prepare_v2(ayni_db_handle(db), sql, -1, st, NULL) !=
	    SQLITE_OK)
		return ayni_db_error(db, err, what);
	if ((src = bind_args(*st, args, ap)) != SQLITE_OK) {
		sqlite3_finalize(*st);
		*st = NULL;
		return src == SQLITE_MISUSE ? ayni_error_set(err,
		    AYNI_EINTERNAL, _("%s: bad argument list '%s'"), what, args) :
		    ayni_db_error(db, err, what);
	}
	return 0;
}

/* The first step of a prepared statement: 0 at a row, AYNI_ENOTFOUND. */
static int
vrow(ayni_db *db, sqlite3_stmt **st, ayni_error *err, const char *what,
    const char *sql, const char *args, va_list ap)
{
	int rc;

	if ((rc = vprepare(db, st, err, what, sql, args, ap)) != 0)
		return rc;
	switch (sqlite3_step(*st)) {
	case SQLITE_ROW:
		return 0;
	case SQLITE_DONE:
		rc = ayni_error_set(err, AYNI_ENOTFOUND, _("%s: not found"),
		    what[0] != '\0' ? _(what) : what);
		break;
	default:
		rc = ayni_db_error(db, err, what);
	}
	sqlite3_finalize(*st);
	*st = NULL;
	return rc;
}

int
ayni_sql_prepare(ayni_db *db, sqlite3_stmt **st, ayni_error *err,
    const char *what, const char *sql, const char *args, ...)
{
	va_list ap;
	int rc;

	va_start(ap, args);
	rc = vprepare(db, st, err, what, sql, args, ap);
	va_end(ap);
	return rc;
}

int
ayni_sql_exec(ayni_db *db, ayni_error *err, const char *what,
    const char *sql, const char *args, ...)
{
	sqlite3_stmt *st;
	va_list ap;
	int rc, src;

	va_start(ap, args);
	rc = vprepare(db, &st, err, what, sql, args, ap);
	va_end(ap);
	if (rc != 0)
		return rc;
	while ((src = sqlite3_step(st)) == SQLITE_ROW)
		;
	if (src == SQLITE_DONE)
		rc = sqlite3_changes(ayni_db_handle(db));
	else
		rc = ayni_db_error(db, err, what);
	/* The connection keeps the step's error for callers to look at. */
	sqlite3_finalize(st);
	return rc;
}

int
ayni_sql_row(ayni_db *db, sqlite3_stmt **st, ayni_error *err,
    const char *what, const char *sql, const char *args, ...)
{
	va_list ap;
	int rc;

	va_start(ap, args);
	rc = vrow(db, st, err, what, sql, args, ap);
	va_end(ap);
	return rc;
}

int
ayni_sql_int(ayni_db *db, int64_t *out, ayni_error *err, const char *what,
    const char *sql, const char *args, ...)
{
	sqlite3_stmt *st;
	va_list ap;
	int rc;

	va_start(ap, args);
	rc = vrow(db, &st, err, what, sql, args, ap);
	va_end(ap);
	if (rc != 0)
		return rc;
	*out = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return 0;
}

int
ayni_sql_script(ayni_db *db, ayni_error *err, const char *what,
    const char *sql)
{
	if (sqlite3_exec(ayni_db_handle(db), sql, NULL, NULL, NULL) !=
	    SQLITE_OK)
		return ayni_db_error(db, err, what);
	return 0;
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

int
ayni_db_end(ayni_db *db, int rc, ayni_error *err)
{
	if (rc == 0)
		return ayni_db_commit(db, err);
	ayni_db_rollback(db);
	return rc;
}

/* "<verb> "name"" run as a script; name is quoted as an identifier. */
static int
savepoint(ayni_db *db, const char *verb, const char *name, ayni_error *err)
{
	char *sql;
	int rc;

	if ((sql = ayni_sql_mprintf(err, "%s \"%w\"", verb, name)) == NULL)
		return AYNI_ENOMEM;
	rc = ayni_sql_script(db, err, sql, sql);
	sqlite3_free(sql);
	return rc;
}

int
ayni_savepoint_begin(ayni_db *db, const char *name, ayni_error *err)
{
	return savepoint(db, "SAVEPOINT", name, err);
}

int
ayni_savepoint_release(ayni_db *db, const char *name, ayni_error *err)
{
	return savepoint(db, "RELEASE", name, err);
}

void
ayni_savepoint_rollback(ayni_db *db, const char *name)
{
	if (savepoint(db, "ROLLBACK TO", name, NULL) == 0)
		savepoint(db, "RELEASE", name, NULL);
}
