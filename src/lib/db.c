/*
 * db.c - an ayni database on whichever engine --db names, the schema
 * migrations, transactions, and the one place where a driver's error class
 * becomes an ayni_code (ayni_db_error).
 *
 * It knows no engine: what is SQLite's (files, WAL, PRAGMAs) is in
 * sql_sqlite.c, what is PostgreSQL's in sql_pg.c (sql.h).  It does not
 * decide which database to open: the command line resolves --db, $AYNI_DB
 * and ./ayni.db and passes a path or a URL.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ayni/db.h"
#include "internal.h"
#include "ayni/intl.h"
#include "schema.h"
#include "sql.h"

int
ayni_db_error(ayni_db *db, ayni_error *err, const char *what)
{
	const char *msg = "", *extra = NULL;
	int cls = db->drv->error(db, &msg, &extra);

	/* what is marked N_() where it is written: the action, translated
	   ("" would fetch the catalogue's header) */
	if (what[0] != '\0')
		what = _(what);

	switch (cls) {
	case SQL_EBUSY:
		return ayni_error_set(err, AYNI_EBUSY,
		    _("database '%s' is locked by another process: %s; try "
		    "again later"), db->path, what);
	case SQL_EDUP:
	case SQL_ECONSTRAINT:
		return ayni_error_set(err, AYNI_EDATA, "%s: %s", what, msg);
	case SQL_EINTERRUPT:	/* ayni_db_interrupt(), from a signal */
		return ayni_error_set(err, AYNI_ECANCELED, _("%s: interrupted"),
		    what);
	case SQL_ENOMEM:
		return ayni_error_set(err, AYNI_ENOMEM, _("%s: out of memory"),
		    what);
	case SQL_EIO:
		return ayni_error_set(err, AYNI_EIO, "%s: %s", what, msg);
	case SQL_EROFS_DIR:
		/* "attempt to write a readonly database" does not say why. */
		return ayni_error_set(err, AYNI_ECANTCREAT,
		    _("%s: cannot create '%s-wal' in '%s': read-only "
		    "directory"), what, db->path, extra);
	case SQL_EROFS_FILE:
		return ayni_error_set(err, AYNI_EIO,
		    _("%s: database '%s' is read-only"), what, db->path);
	case SQL_ECANTOPEN:
		return ayni_error_set(err, AYNI_EIO, "%s: %s ('%s')", what, msg,
		    db->path);
	case SQL_ENOTADB:
		return ayni_error_set(err, AYNI_EDATA,
		    _("'%s' is not an ayni database: %s"), db->path, msg);
	case SQL_EDOWN:
		return ayni_error_set(err, AYNI_EUNAVAIL,
		    _("%s: database server unavailable: %s"), what, msg);
	case SQL_ENODB:
		return ayni_error_set(err, AYNI_ENOINPUT,
		    _("no database at '%s': %s"), db->path, msg);
	}
	return ayni_error_set(err, AYNI_EINTERNAL, "%s: %s", what, msg);
}

int
ayni_db_dialect(const ayni_db *db)
{
	return db->drv->dialect;
}

int
ayni_db_is_url(const char *path)
{
	return strncmp(path, "postgresql://", 13) == 0 ||
	    strncmp(path, "postgres://", 11) == 0;
}

/* Append the query's parameters after q ('?'), all but password=. */
static char *
copy_query(char *o, const char *q)
{
	char sep = '?';
	size_t n;

	while (*q == '?' || *q == '&') {
		q++;
		n = strcspn(q, "&");
		if (strncmp(q, "password=", 9) != 0) {
			*o++ = sep;
			memcpy(o, q, n);
			o += n;
			sep = '&';
		}
		q += n;
	}
	return o;
}

char *
ayni_db_url_public(const char *url)
{
	const char *auth, *end, *at = NULL, *colon = NULL, *p, *q;
	char *out, *o;

	if ((out = malloc(strlen(url) + 1)) == NULL)
		return NULL;
	auth = strstr(url, "://");
	auth = auth != NULL ? auth + 3 : url;
	end = auth + strcspn(auth, "/?");
	/* user:secret@host: the last '@' ends the user information */
	for (p = auth; p < end; p++)
		if (*p == '@')
			at = p;
	if (at != NULL)
		colon = memchr(auth, ':', (size_t)(at - auth));
	o = out;
	for (p = url; *p != '\0' && *p != '?'; p++)
		if (colon == NULL || p < colon || p >= at)
			*o++ = *p;
	q = p;
	o = copy_query(o, q);
	*o = '\0';
	return out;
}

/* The newest migration of the engine's list; 0 with none. */
static int
newest(const struct sql_driver *drv)
{
	int n = *drv->migration_count;

	return n > 0 ? drv->migrations[n - 1].version : 0;
}

/* The SQLite schema's: the number the command line reports and tests. */
int
ayni_db_schema_version(void)
{
	return ayni_migration_count > 0 ?
	    ayni_migrations[ayni_migration_count - 1].version : 0;
}

int
ayni_db_version(ayni_db *db)
{
	return db->drv->version(db);
}

int
ayni_db_newest(const ayni_db *db)
{
	return newest(db->drv);
}

int
ayni_db_check_newer(ayni_db *db, const char *shown, ayni_error *err)
{
	int cur = ayni_db_version(db);

	if (cur <= newest(db->drv))
		return 0;
	return ayni_error_set(err, AYNI_ECONFIG,
	    _("database '%s' has schema version %d but this ayni knows "
	    "only up to %d: use a newer ayni"), shown != NULL ? shown :
	    db->path, cur, newest(db->drv));
}

static int	migrate(ayni_db *, ayni_error *);

int
ayni_db_migrate(ayni_db *db, ayni_error *err)
{
	int rc;

	if ((rc = db->drv->migrate_begin(db, err)) != 0)
		return rc;
	rc = migrate(db, err);
	if (db->drv->migrate_end(db, rc ? NULL : err) != 0 && rc == 0)
		rc = err != NULL ? err->code : AYNI_EINTERNAL;
	return rc;
}

/* Apply migration m: its statements as one script. */
static int
apply(ayni_db *db, const struct ayni_migration *m, ayni_error *err)
{
	char what[128];
	int rc;

	if (db->drv->exec(db, m->sql) == 0)
		return 0;
	snprintf(what, sizeof(what), _("applying '%s'"), m->name);
	rc = ayni_db_error(db, err, what);
	return rc == AYNI_EDATA ? AYNI_EINTERNAL : rc;
}

static int
migrate(ayni_db *db, ayni_error *err)
{
	const struct sql_driver *drv = db->drv;
	int i, cur, rc;

	if ((rc = ayni_db_begin(db, err)) != 0)
		return rc;
	/* Read the version inside the write lock: two first runs race. */
	if ((cur = ayni_db_version(db)) < 0) {
		rc = ayni_db_error(db, err, N_("cannot read the schema version"));
		goto out;
	}
	if ((rc = ayni_db_check_newer(db, NULL, err)) != 0)
		goto out;
	for (i = 0; i < *drv->migration_count; i++) {
		const struct ayni_migration *m = &drv->migrations[i];

		/* The embed script numbers files; a gap is a build bug. */
		if (m->version != i + 1) {
			rc = ayni_error_set(err, AYNI_EINTERNAL,
			    _("schema file '%s' should be number %d"), m->name,
			    i + 1);
			goto out;
		}
		if (m->version > cur && (rc = apply(db, m, err)) != 0)
			goto out;
	}
	if ((rc = drv->migrate_check(db, err)) != 0)
		goto out;
	rc = drv->migrate_mark(db, newest(drv), err);
out:
	return ayni_db_end(db, rc, err);
}

int
ayni_db_open(ayni_db **out, const char *path, int flags, ayni_error *err)
{
	ayni_db *db;
	int rc;

	*out = NULL;
	if ((db = calloc(1, sizeof(*db))) == NULL)
		return ayni_error_set(err, AYNI_ENOMEM, _("out of memory"));
	db->drv = ayni_db_is_url(path) ? &ayni_sql_pg : &ayni_sql_sqlite;
	if ((rc = db->drv->open(db, path, &flags, err)) != 0 ||
	    ((flags & AYNI_DB_MIGRATE_) && (rc = ayni_db_migrate(db, err)) !=
	    0)) {
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
	if (db->conn != NULL)
		db->drv->close(db);
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
	    db->drv->begin_sql)) != 0)
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
	if (db->drv->exec(db, "COMMIT") != 0) {
		int rc = ayni_db_error(db, err, N_("committing"));

		if (db->drv->in_transaction(db))
			db->drv->exec(db, "ROLLBACK");
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
	if (db->drv->in_transaction(db))
		db->drv->exec(db, "ROLLBACK");
}

void
ayni_db_set_busy_timeout(ayni_db *db, int ms)
{
	db->timeout = ms;
	db->drv->set_timeout(db, ms);
}

int
ayni_db_busy_timeout(const ayni_db *db)
{
	return db->timeout;
}

int
ayni_db_in_transaction(ayni_db *db)
{
	return db->drv->in_transaction(db);
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

void
ayni_db_interrupt(ayni_db *db)
{
	if (db != NULL && db->conn != NULL)
		db->drv->interrupt(db);
}
