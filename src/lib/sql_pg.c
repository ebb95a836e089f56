/*
 * sql_pg.c - the PostgreSQL driver of the storage seam (sql.h), over
 * libpq: one connection per ayni_db, statements run with PQexecParams and
 * text parameters (the SQL's ?N and ? rewritten to $N outside literals,
 * identifiers and comments), each result fetched whole at the first step;
 * SQLSTATEs sorted into the seam's classes; the schema's version kept in
 * the table ayni_schema_version (schema/pg/README.md).
 *
 * It decides no message and no exit code (db.c does, from the class), and
 * holds no SQL of the modules: they write one text for both engines.
 * Results are fetched whole (the ported commands read users, companies,
 * tokens and mappings, tens of rows, and may run a statement while
 * reading another's), except a statement that the writer reads to its end
 * (ayni_stmt_stream): that one comes a row at a time, in libpq's
 * single-row mode, so that a large result is never held whole.
 */
#include <dlfcn.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libpq-fe.h>

#include "ayni/db.h"
#include "ayni/intl.h"
#include "internal.h"
#include "schema.h"
#include "sql.h"

/* Type OIDs of pg_type that the seam reads as numbers. */
#define OID_BOOL	16
#define OID_INT8	20
#define OID_INT2	21
#define OID_INT4	23
#define OID_FLOAT4	700
#define OID_FLOAT8	701
#define OID_NUMERIC	1700
#define OID_TEXT	25

struct pg {
	PGconn		*c;
	PGcancel	*cancel;
	volatile sig_atomic_t interrupted;
	int		 cls;		/* of the last error */
	char		 msg[512];	/* its text, one line */
	int64_t		 changes;
};

struct pg_stmt {
	struct ayni_stmt base;
	char		*sql;		/* with $N */
	int		 np;
	char		**vals;		/* np text values, NULL for NULL */
	Oid		*types;		/* as bound: int8, float8, text, unknown */
	PGresult	*res;
	int		 row, nrows, run;
	int		 stream;	/* single-row mode (pg_stream) */
	int		 busy;		/* its results still coming */
};

/*
 * libpq is loaded when a PostgreSQL database is opened, not when ayni
 * starts: linked in, it and the 17 libraries it needs (Kerberos, LDAP,
 * TLS) were most of the start of every command on SQLite (4.8 ms of
 * `ayni --version`, bench/README.md).  The header still gives the types.
 */
#ifndef AYNI_LIBPQ
#define AYNI_LIBPQ "libpq.so.5"
#endif
#define PQ_FUNCS(X) \
	X(PQcancel) \
	X(PQclear) \
	X(PQcmdTuples) \
	X(PQconnectdb) \
	X(PQerrorMessage) \
	X(PQexec) \
	X(PQexecParams) \
	X(PQfinish) \
	X(PQfname) \
	X(PQfreeCancel) \
	X(PQftype) \
	X(PQgetCancel) \
	X(PQgetResult) \
	X(PQgetisnull) \
	X(PQgetvalue) \
	X(PQnfields) \
	X(PQntuples) \
	X(PQresultErrorField) \
	X(PQresultStatus) \
	X(PQsendQueryParams) \
	X(PQsetNoticeProcessor) \
	X(PQsetSingleRowMode) \
	X(PQstatus) \
	X(PQtransactionStatus)

static struct {
#define X(f) __typeof__(f) *f;
	PQ_FUNCS(X)
#undef X
	int	 loaded;
} pq;

static int
pq_load(ayni_error *err)
{
	void *h;

	if (pq.loaded)
		return 0;
	if ((h = dlopen(AYNI_LIBPQ, RTLD_NOW | RTLD_LOCAL)) == NULL)
		return ayni_error_set(err, AYNI_EUNAVAIL, _("PostgreSQL: "
		    "cannot load %s (%s); install the libpq5 package"),
		    AYNI_LIBPQ, dlerror());
	/* POSIX's way to take a function's address from dlsym */
#define X(f) \
	if ((*(void **)&pq.f = dlsym(h, #f)) == NULL) \
		return ayni_error_set(err, AYNI_EUNAVAIL, \
		    _("PostgreSQL: %s has no %s"), AYNI_LIBPQ, #f);
	PQ_FUNCS(X)
#undef X
	pq.loaded = 1;
	return 0;
}

#define PG(db)	((struct pg *)(db)->conn)
#define PS(st)	((struct pg_stmt *)(st))

/* Keep the first line of s as the connection's error text. */
static void
set_msg(struct pg *p, const char *s)
{
	size_t n;

	if (s == NULL)
		s = "";
	snprintf(p->msg, sizeof(p->msg), "%s", s);
	n = strcspn(p->msg, "\n");
	p->msg[n] = '\0';
}

/* A SQLSTATE in the seam's classes. */
static int
classify(struct pg *p, const char *state)
{
	if (state == NULL)
		return pq.PQstatus(p->c) == CONNECTION_BAD ? SQL_EDOWN :
		    SQL_EOTHER;
	if (strcmp(state, "23505") == 0)
		return SQL_EDUP;
	if (strncmp(state, "23", 2) == 0)
		return SQL_ECONSTRAINT;
	if (strcmp(state, "55P03") == 0 || strcmp(state, "40P01") == 0 ||
	    strcmp(state, "40001") == 0)
		return SQL_EBUSY;
	if (strcmp(state, "57014") == 0)
		return p->interrupted ? SQL_EINTERRUPT : SQL_EBUSY;
	if (strcmp(state, "53200") == 0)
		return SQL_ENOMEM;
	if (strncmp(state, "53", 2) == 0)
		return SQL_EIO;
	if (strncmp(state, "08", 2) == 0 || strncmp(state, "57P", 3) == 0)
		return SQL_EDOWN;
	if (strcmp(state, "3D000") == 0)
		return SQL_ENODB;
	return SQL_EOTHER;
}

/* Keep res's error (or the connection's) on the connection; -1. */
static int
fail(struct pg *p, const PGresult *res)
{
	const char *m = res != NULL ?
	    pq.PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY) : NULL;

	p->cls = classify(p, res != NULL ?
	    pq.PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL);
	set_msg(p, m != NULL ? m : pq.PQerrorMessage(p->c));
	return -1;
}

/* A result that is no error: 0, else its error kept and -1. */
static int
check(struct pg *p, PGresult *res)
{
	ExecStatusType s = pq.PQresultStatus(res);

	if (res != NULL && (s == PGRES_COMMAND_OK || s == PGRES_TUPLES_OK))
		return 0;
	return fail(p, res);
}

/*
 * sql with ?N as $N and each bare ? as the next $N, outside '...', "..."
 * and comments; *np the highest parameter number.
 */
static char *
rewrite(const char *sql, int *np)
{
	char *out, *o, q = 0;
	const char *s;
	int seq = 0, n;

	*np = 0;
	if ((out = malloc(strlen(sql) * 4 + 1)) == NULL)
		return NULL;
	for (s = sql, o = out; *s != '\0'; s++) {
		if (q == '-' && *s == '\n')
			q = 0;
		else if (q == '*' && s[0] == '*' && s[1] == '/') {
			*o++ = *s++;
			q = 0;
		} else if (q != 0 && q == *s)
			q = 0;
		else if (q == 0 && (*s == '\'' || *s == '"'))
			q = *s;
		else if (q == 0 && s[0] == '-' && s[1] == '-')
			q = '-';
		else if (q == 0 && s[0] == '/' && s[1] == '*')
			q = '*';
		else if (q == 0 && *s == '?') {
			if (s[1] >= '0' && s[1] <= '9')
				n = (int)strtol(s + 1, (char **)&s, 10), s--;
			else
				n = ++seq;
			o += sprintf(o, "$%d", n);
			if (n > *np)
				*np = n;
			continue;
		}
		*o++ = *s;
	}
	*o = '\0';
	return out;
}

static int
pg_prepare(ayni_db *db, const char *sql, ayni_stmt **out)
{
	struct pg_stmt *st;

	*out = NULL;
	if ((st = calloc(1, sizeof(*st))) == NULL ||
	    (st->sql = rewrite(sql, &st->np)) == NULL ||
	    (st->vals = calloc((size_t)st->np + 1, sizeof(char *))) == NULL ||
	    (st->types = calloc((size_t)st->np + 1, sizeof(Oid))) == NULL) {
		if (st != NULL) {
			free(st->sql);
			free(st->vals);
		}
		free(st);
		PG(db)->cls = SQL_ENOMEM;
		set_msg(PG(db), "out of memory");
		return -1;
	}
	st->base.drv = &ayni_sql_pg;
	st->base.db = db;
	*out = &st->base;
	return 0;
}

static int
pg_nparams(ayni_stmt *st)
{
	return PS(st)->np;
}

/*
 * Parameter i (from 1) as text, a copy, of type t; NULL v binds NULL.
 * Values are typed as the C value is, as SQLite keeps them: "?1 IS NULL
 * OR rut = ?1" would leave the server unable to tell.  NULL is text,
 * since only the 't' letter binds it (internal.h).  So text going into a
 * json column is cast there, in the SQL (mapping.c).
 */
static int
bind(ayni_stmt *st, int i, const char *v, Oid t)
{
	struct pg_stmt *ps = PS(st);
	char *c = NULL;

	if (i < 1 || i > ps->np || (v != NULL && (c = strdup(v)) == NULL)) {
		PG(st->db)->cls = i < 1 || i > ps->np ? SQL_EOTHER :
		    SQL_ENOMEM;
		set_msg(PG(st->db), "cannot bind a parameter");
		return -1;
	}
	free(ps->vals[i - 1]);
	ps->vals[i - 1] = c;
	ps->types[i - 1] = t;
	return 0;
}

static int
pg_bind_int64(ayni_stmt *st, int i, int64_t v)
{
	char buf[24];

	snprintf(buf, sizeof(buf), "%lld", (long long)v);
	return bind(st, i, buf, OID_INT8);
}

static int
pg_bind_double(ayni_stmt *st, int i, double v)
{
	char buf[32];

	snprintf(buf, sizeof(buf), "%.17g", v);
	return bind(st, i, buf, OID_FLOAT8);
}

static int
pg_bind_text(ayni_stmt *st, int i, const char *v)
{
	return bind(st, i, v, OID_TEXT);
}

static int
pg_bind_null(ayni_stmt *st, int i)
{
	return bind(st, i, NULL, OID_TEXT);
}

/* Read and drop what is left of a streamed statement's results. */
static void
drain(struct pg_stmt *ps, int cancel)
{
	struct pg *p = PG(ps->base.db);
	PGresult *r;
	char buf[256];

	if (!ps->busy)
		return;
	if (cancel && p->cancel != NULL)
		pq.PQcancel(p->cancel, buf, sizeof(buf));
	while ((r = pq.PQgetResult(p->c)) != NULL)
		pq.PQclear(r);
	ps->busy = 0;
}

/*
 * A streamed statement's step: the query sent at the first, then one
 * result per row (PGRES_SINGLE_TUPLE) and a last one without rows that
 * ends it.  The current row is row 0 of ps->res.
 */
static int
step_stream(struct pg_stmt *ps, struct pg *p)
{
	if (!ps->run) {
		ps->run = ps->busy = 1;
		if (!pq.PQsendQueryParams(p->c, ps->sql, ps->np, ps->types,
		    (const char *const *)ps->vals, NULL, NULL, 0) ||
		    !pq.PQsetSingleRowMode(p->c)) {
			fail(p, NULL);
			drain(ps, 1);
			return SQL_ERROR;
		}
	}
	if (!ps->busy)
		return SQL_DONE;
	pq.PQclear(ps->res);
	ps->res = pq.PQgetResult(p->c);
	ps->row = 0;
	ps->nrows = 0;
	if (pq.PQresultStatus(ps->res) == PGRES_SINGLE_TUPLE) {
		ps->nrows = 1;
		return SQL_ROW;
	}
	if (check(p, ps->res) != 0) {
		pq.PQclear(ps->res);
		ps->res = NULL;
		drain(ps, 0);
		return SQL_ERROR;
	}
	p->changes = strtoll(pq.PQcmdTuples(ps->res), NULL, 10);
	drain(ps, 0);
	return SQL_DONE;
}

/* The first step runs the statement and keeps its rows. */
static int
pg_step(ayni_stmt *st)
{
	struct pg_stmt *ps = PS(st);
	struct pg *p = PG(st->db);

	if (ps->stream)
		return step_stream(ps, p);
	if (!ps->run) {
		ps->res = pq.PQexecParams(p->c, ps->sql, ps->np, ps->types,
		    (const char *const *)ps->vals, NULL, NULL, 0);
		if (check(p, ps->res) != 0) {
			pq.PQclear(ps->res);
			ps->res = NULL;
			return SQL_ERROR;
		}
		ps->run = 1;
		ps->row = -1;
		ps->nrows = pq.PQntuples(ps->res);
		p->changes = strtoll(pq.PQcmdTuples(ps->res), NULL, 10);
	}
	return ++ps->row < ps->nrows ? SQL_ROW : SQL_DONE;
}

static int
pg_column_count(ayni_stmt *st)
{
	return PS(st)->res != NULL ? pq.PQnfields(PS(st)->res) : 0;
}

static int
pg_column_type(ayni_stmt *st, int i)
{
	struct pg_stmt *ps = PS(st);

	if (pq.PQgetisnull(ps->res, ps->row, i))
		return SQL_NULL;
	switch (pq.PQftype(ps->res, i)) {
	case OID_BOOL:
	case OID_INT2:
	case OID_INT4:
	case OID_INT8:
		return SQL_INT;
	case OID_NUMERIC:
		/* sum() of a bigint is numeric: a whole one is an integer */
		return strchr(pq.PQgetvalue(ps->res, ps->row, i), '.') == NULL ?
		    SQL_INT : SQL_FLOAT;
	case OID_FLOAT4:
	case OID_FLOAT8:
		return SQL_FLOAT;
	}
	return SQL_TEXT;
}

/* Column i of the current row as text, booleans as 1 and 0 (as SQLite). */
static const char *
pg_column_text(ayni_stmt *st, int i)
{
	struct pg_stmt *ps = PS(st);
	const char *v;

	if (ps->res == NULL || ps->row < 0 || ps->row >= ps->nrows ||
	    pq.PQgetisnull(ps->res, ps->row, i))
		return NULL;
	v = pq.PQgetvalue(ps->res, ps->row, i);
	if (pq.PQftype(ps->res, i) == OID_BOOL)
		return v[0] == 't' ? "1" : "0";
	return v;
}

static int64_t
pg_column_int64(ayni_stmt *st, int i)
{
	const char *v = pg_column_text(st, i);

	if (v == NULL)
		return 0;
	if (strpbrk(v, ".eE") != NULL)
		return (int64_t)strtod(v, NULL);
	return strtoll(v, NULL, 10);
}

static double
pg_column_double(ayni_stmt *st, int i)
{
	const char *v = pg_column_text(st, i);

	return v != NULL ? strtod(v, NULL) : 0.0;
}

static const char *
pg_column_name(ayni_stmt *st, int i)
{
	return PS(st)->res != NULL ? pq.PQfname(PS(st)->res, i) : NULL;
}

/* Before the first step only; a statement that has run keeps its mode. */
static void
pg_stream(ayni_stmt *st)
{
	if (!PS(st)->run)
		PS(st)->stream = 1;
}

/* Back to before the first step; the bound values stay, as in SQLite. */
static void
pg_reset(ayni_stmt *st)
{
	drain(PS(st), 1);
	pq.PQclear(PS(st)->res);
	PS(st)->res = NULL;
	PS(st)->run = 0;
}

static void
pg_finalize(ayni_stmt *st)
{
	struct pg_stmt *ps = PS(st);
	int i;

	drain(ps, 1);
	pq.PQclear(ps->res);
	for (i = 0; i < ps->np; i++)
		free(ps->vals[i]);
	free(ps->vals);
	free(ps->types);
	free(ps->sql);
	free(ps);
}

static int
pg_exec(ayni_db *db, const char *sql)
{
	PGresult *res = pq.PQexec(PG(db)->c, sql);
	int rc = check(PG(db), res);

	pq.PQclear(res);
	return rc;
}

static int64_t
pg_changes(ayni_db *db)
{
	return PG(db)->changes;
}

static int
pg_in_transaction(ayni_db *db)
{
	return pq.PQtransactionStatus(PG(db)->c) != PQTRANS_IDLE;
}

/*
 * SQLite's busy timeout is PostgreSQL's lock_timeout, except that 0 there
 * means forever: "do not wait" is 1 ms.
 */
static void
pg_set_timeout(ayni_db *db, int ms)
{
	char sql[64];

	if (pq.PQtransactionStatus(PG(db)->c) == PQTRANS_INERROR)
		return;
	snprintf(sql, sizeof(sql), "SET lock_timeout = %d", ms > 0 ? ms : 1);
	pg_exec(db, sql);
}

static int
pg_error(ayni_db *db, const char **msg, const char **extra)
{
	*msg = PG(db)->msg;
	*extra = NULL;
	return PG(db)->cls;
}

/* PQcancel is safe in a signal handler; the flag names the cancel. */
static void
pg_interrupt(ayni_db *db)
{
	char buf[256];

	if (PG(db)->cancel == NULL)
		return;
	PG(db)->interrupted = 1;
	pq.PQcancel(PG(db)->cancel, buf, sizeof(buf));
}

/* Server notices (CREATE ... IF NOT EXISTS says so) are not for users. */
static void
quiet(void *arg, const char *msg)
{
	(void)arg;
	(void)msg;
}

/*
 * The version: the highest row of ayni_schema_version, 0 when the table
 * is not there (an empty database), -1 when it cannot be read.
 */
static int
pg_version(ayni_db *db)
{
	int64_t v = 0;

	if (ayni_sql_int(db, &v, NULL, "", "SELECT count(*) FROM"
	    " pg_catalog.pg_tables WHERE schemaname = current_schema()"
	    " AND tablename = 'ayni_schema_version'", NULL) != 0)
		return -1;
	if (v == 0)
		return 0;
	if (ayni_sql_int(db, &v, NULL, "", "SELECT coalesce(max(version), 0)"
	    " FROM ayni_schema_version", NULL) != 0)
		return -1;
	return (int)v;
}

/*
 * Whether the database is ours (docs/contract.md §2): it has ayni's
 * version table, or is empty and we are to create (init); tables and no
 * version is another application's database, and nothing is changed.
 */
static int
open_schema(ayni_db *db, int *flags, ayni_error *err)
{
	int64_t tables = 0;
	int v, rc;

	if ((v = pg_version(db)) < 0)
		return ayni_db_error(db, err,
		    N_("cannot read the schema version"));
	if (v == 0 && (rc = ayni_sql_int(db, &tables, err, N_("opening"),
	    "SELECT count(*) FROM pg_catalog.pg_tables WHERE"
	    " schemaname = current_schema()", NULL)) != 0)
		return rc;
	if (tables > 0)
		return ayni_error_set(err, AYNI_EDATA, _("'%s' is not an ayni "
		    "database: it has %lld tables and no ayni schema; nothing "
		    "was changed"), db->path, (long long)tables);
	if (v == 0 && !(*flags & AYNI_DB_CREATE))
		return ayni_error_set(err, AYNI_ENOINPUT, _("no ayni schema in "
		    "'%s': run 'ayni init'"), db->path);
	if ((rc = ayni_db_check_newer(db, NULL, err)) != 0)
		return rc;
	if (v < ayni_db_newest(db) && !(*flags & AYNI_DB_NOMIGRATE))
		*flags |= AYNI_DB_MIGRATE_;
	return 0;
}

static int
pg_open(ayni_db *db, const char *url, int *flags, ayni_error *err)
{
	struct pg *p;
	int rc;

	if ((rc = pq_load(err)) != 0)
		return rc;
	if ((db->conn = p = calloc(1, sizeof(*p))) == NULL ||
	    (db->path = ayni_db_url_public(url)) == NULL ||
	    (p->c = pq.PQconnectdb(url)) == NULL)
		return ayni_error_set(err, AYNI_ENOMEM, _("out of memory"));
	if (pq.PQstatus(p->c) != CONNECTION_OK) {
		set_msg(p, pq.PQerrorMessage(p->c));
		p->cls = strstr(p->msg, "database \"") != NULL &&
		    strstr(p->msg, "does not exist") != NULL ? SQL_ENODB :
		    SQL_EDOWN;
		return ayni_db_error(db, err, N_("connecting"));
	}
	pq.PQsetNoticeProcessor(p->c, quiet, NULL);
	p->cancel = pq.PQgetCancel(p->c);
	if ((rc = ayni_sql_script(db, err, N_("opening"),
	    "SET client_min_messages = warning; SET TIME ZONE 'UTC'")) != 0)
		return rc;
	ayni_db_set_busy_timeout(db, 5000);
	return open_schema(db, flags, err);
}

static void
pg_close(ayni_db *db)
{
	struct pg *p = PG(db);

	if (p->cancel != NULL)
		pq.PQfreeCancel(p->cancel);
	pq.PQfinish(p->c);
	free(p);
	db->conn = NULL;
}

/* Two first runs race: the second waits, then finds the schema there. */
static int
pg_migrate_begin(ayni_db *db, ayni_error *err)
{
	return ayni_sql_script(db, err, N_("preparing a migration"),
	    "SELECT pg_advisory_lock(1635346025)");
}

static int
pg_migrate_end(ayni_db *db, ayni_error *err)
{
	return ayni_sql_script(db, err, N_("ending a migration"),
	    "SELECT pg_advisory_unlock(1635346025)");
}

static int
pg_migrate_check(ayni_db *db, ayni_error *err)
{
	(void)db;
	(void)err;
	return 0;
}

/* One row per migration in ayni_schema_version (schema/pg/0001). */
static int
pg_migrate_mark(ayni_db *db, int version, ayni_error *err)
{
	char now[20];
	int i, rc = 0;

	ayni_db_timestamp(ayni_db_now(db), now);
	for (i = 0; i < ayni_pg_migration_count && rc >= 0; i++)
		if (ayni_pg_migrations[i].version <= version)
			rc = ayni_sql_exec(db, err,
			    N_("setting the schema version"),
			    "INSERT INTO ayni_schema_version (version, name,"
			    " applied_at) VALUES (?1, ?2, ?3)"
			    " ON CONFLICT (version) DO NOTHING", "itt",
			    ayni_pg_migrations[i].version,
			    ayni_pg_migrations[i].name, now);
	return rc < 0 ? rc : 0;
}

const struct sql_driver ayni_sql_pg = {
	.dialect = SQL_PG,
	.begin_sql = "BEGIN",
	.open = pg_open,
	.close = pg_close,
	.prepare = pg_prepare,
	.nparams = pg_nparams,
	.bind_int64 = pg_bind_int64,
	.bind_double = pg_bind_double,
	.bind_text = pg_bind_text,
	.bind_null = pg_bind_null,
	.step = pg_step,
	.column_count = pg_column_count,
	.column_type = pg_column_type,
	.column_int64 = pg_column_int64,
	.column_double = pg_column_double,
	.column_text = pg_column_text,
	.column_name = pg_column_name,
	.reset = pg_reset,
	.finalize = pg_finalize,
	.stream = pg_stream,
	.exec = pg_exec,
	.changes = pg_changes,
	.in_transaction = pg_in_transaction,
	.set_timeout = pg_set_timeout,
	.error = pg_error,
	.interrupt = pg_interrupt,
	.migrations = ayni_pg_migrations,
	.migration_count = &ayni_pg_migration_count,
	.version = pg_version,
	.migrate_begin = pg_migrate_begin,
	.migrate_check = pg_migrate_check,
	.migrate_mark = pg_migrate_mark,
	.migrate_end = pg_migrate_end
};
