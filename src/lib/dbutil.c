/*
 * dbutil.c - the few helpers that every module's SQL goes through: prepare
 * with bound arguments, run to the end, read one row or one integer, end a
 * transaction, savepoints (internal.h); and the statement calls of the
 * storage seam, which pass through to the statement's driver (sql.h).
 *
 * The SQL stays at the call site, whole and readable; only the plumbing
 * around it (binding, stepping, finalizing, turning a driver's failure
 * into an ayni_error through ayni_db_error) lives here.  Nothing here
 * decides what a missing row means to the user: callers say that in their
 * own words.  Nothing here knows an engine.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "internal.h"
#include "sql.h"
#include "ayni/intl.h"

/*
 * Bind the arguments args describes (see internal.h) to ?1, ?2, ...
 * 1 for a bad list (more letters than parameters, an unknown letter),
 * -1 for the driver's failure.
 */
static int
bind_args(ayni_stmt *st, const char *args, va_list ap)
{
	const struct sql_driver *d = st->drv;
	const char *t;
	int i, r = 0;

	/* More letters than parameters is a bug: read no argument then. */
	if (args != NULL && strlen(args) > (size_t)d->nparams(st))
		return 1;
	for (i = 1; args != NULL && args[i - 1] != '\0' && r == 0; i++) {
		switch (args[i - 1]) {
		case 'i':
			r = d->bind_int64(st, i, va_arg(ap, int));
			break;
		case 'I':
			r = d->bind_int64(st, i, va_arg(ap, int64_t));
			break;
		case 'd':
			r = d->bind_double(st, i, va_arg(ap, double));
			break;
		case 't':
			t = va_arg(ap, const char *);
			r = t == NULL ? d->bind_null(st, i) :
			    d->bind_text(st, i, t);
			break;
		default:
			return 1;
		}
	}
	return r;
}

int
ayni_sql_vprepare(ayni_db *db, ayni_stmt **st, ayni_error *err,
    const char *what, const char *sql, const char *args, va_list ap)
{
	int r;

	*st = NULL;
	if (db->drv->prepare(db, sql, st) != 0)
		return ayni_db_error(db, err, what);
	if ((r = bind_args(*st, args, ap)) != 0) {
		ayni_stmt_finalize(*st);
		*st = NULL;
		return r == 1 ? ayni_error_set(err, AYNI_EINTERNAL,
		    _("%s: bad argument list '%s'"), what, args) :
		    ayni_db_error(db, err, what);
	}
	return 0;
}

/* The first step of a prepared statement: 0 at a row, AYNI_ENOTFOUND. */
int
ayni_sql_vrow(ayni_db *db, ayni_stmt **st, ayni_error *err,
    const char *what, const char *sql, const char *args, va_list ap)
{
	int rc;

	if ((rc = ayni_sql_vprepare(db, st, err, what, sql, args, ap)) != 0)
		return rc;
	switch (ayni_stmt_step(*st)) {
	case SQL_ROW:
		return 0;
	case SQL_DONE:
		rc = ayni_error_set(err, AYNI_ENOTFOUND, _("%s: not found"),
		    what[0] != '\0' ? _(what) : what);
		break;
	default:
		rc = ayni_db_error(db, err, what);
	}
	ayni_stmt_finalize(*st);
	*st = NULL;
	return rc;
}

int
ayni_stmt_prepare(ayni_db *db, ayni_stmt **st, ayni_error *err,
    const char *what, const char *sql, const char *args, ...)
{
	va_list ap;
	int rc;

	va_start(ap, args);
	rc = ayni_sql_vprepare(db, st, err, what, sql, args, ap);
	va_end(ap);
	return rc;
}

int
ayni_sql_exec(ayni_db *db, ayni_error *err, const char *what,
    const char *sql, const char *args, ...)
{
	ayni_stmt *st;
	va_list ap;
	int rc, r;

	va_start(ap, args);
	rc = ayni_sql_vprepare(db, &st, err, what, sql, args, ap);
	va_end(ap);
	if (rc != 0)
		return rc;
	while ((r = ayni_stmt_step(st)) == SQL_ROW)
		;
	if (r == SQL_DONE)
		rc = (int)db->drv->changes(db);
	else
		rc = ayni_db_error(db, err, what);
	/* The connection keeps the step's error for callers to look at. */
	ayni_stmt_finalize(st);
	return rc;
}

int
ayni_stmt_row(ayni_db *db, ayni_stmt **st, ayni_error *err,
    const char *what, const char *sql, const char *args, ...)
{
	va_list ap;
	int rc;

	va_start(ap, args);
	rc = ayni_sql_vrow(db, st, err, what, sql, args, ap);
	va_end(ap);
	return rc;
}

int
ayni_sql_int(ayni_db *db, int64_t *out, ayni_error *err, const char *what,
    const char *sql, const char *args, ...)
{
	ayni_stmt *st;
	va_list ap;
	int rc;

	va_start(ap, args);
	rc = ayni_sql_vrow(db, &st, err, what, sql, args, ap);
	va_end(ap);
	if (rc != 0)
		return rc;
	*out = ayni_col_int64(st, 0);
	ayni_stmt_finalize(st);
	return 0;
}

int
ayni_sql_script(ayni_db *db, ayni_error *err, const char *what,
    const char *sql)
{
	if (db->drv->exec(db, sql) != 0)
		return ayni_db_error(db, err, what);
	return 0;
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
	char sql[256];
	size_t n;

	n = (size_t)snprintf(sql, sizeof(sql), "%s \"", verb);
	for (; *name != '\0' && n + 3 < sizeof(sql); name++) {
		if (*name == '"')
			sql[n++] = '"';
		sql[n++] = *name;
	}
	if (*name != '\0')
		return ayni_error_set(err, AYNI_EINTERNAL,
		    _("savepoint name too long"));
	sql[n++] = '"';
	sql[n] = '\0';
	return ayni_sql_script(db, err, sql, sql);
}

int
ayni_savepoint_begin(ayni_db *db, const char *name, ayni_error *err)
{
	return savepoint(db, "SAVEPOINT", name, err);
}

int
ayni_savepoint_release(ayni_db *db, const char *name, ayni_error *err)
{
	return savepoint(db, "RELEASE SAVEPOINT", name, err);
}

void
ayni_savepoint_rollback(ayni_db *db, const char *name)
{
	if (savepoint(db, "ROLLBACK TO SAVEPOINT", name, NULL) == 0)
		savepoint(db, "RELEASE SAVEPOINT", name, NULL);
}

int
ayni_sql_is_dup(ayni_db *db)
{
	const char *msg, *extra;

	return db->drv->error(db, &msg, &extra) == SQL_EDUP;
}

int
ayni_stmt_step(ayni_stmt *st)
{
	return st->drv->step(st);
}

void
ayni_stmt_reset(ayni_stmt *st)
{
	st->drv->reset(st);
}

void
ayni_stmt_stream(ayni_stmt *st)
{
	if (st->drv->stream != NULL)
		st->drv->stream(st);
}

void
ayni_stmt_finalize(ayni_stmt *st)
{
	if (st != NULL)
		st->drv->finalize(st);
}

int
ayni_col_count(ayni_stmt *st)
{
	return st->drv->column_count(st);
}

int
ayni_col_type(ayni_stmt *st, int i)
{
	return st->drv->column_type(st, i);
}

int64_t
ayni_col_int64(ayni_stmt *st, int i)
{
	return st->drv->column_int64(st, i);
}

int
ayni_col_int(ayni_stmt *st, int i)
{
	return (int)st->drv->column_int64(st, i);
}

double
ayni_col_double(ayni_stmt *st, int i)
{
	return st->drv->column_double(st, i);
}

const char *
ayni_col_text(ayni_stmt *st, int i)
{
	return st->drv->column_text(st, i);
}

const char *
ayni_col_name(ayni_stmt *st, int i)
{
	return st->drv->column_name(st, i);
}

ayni_db *
ayni_stmt_db(ayni_stmt *st)
{
	return st->db;
}
