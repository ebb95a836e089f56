/*
 * testdb.h - the database a unit test of a ported module runs on, and
 * reading it through the storage seam (sql.h), so that one test serves
 * both engines with the same assertions.
 *
 * A private ":memory:" SQLite database; or, when ctest runs the test a
 * second time with AYNI_TEST_BACKEND=pg (label pg, CMakeLists.txt), a
 * fresh PostgreSQL database from scripts/pg-newdb.sh on the server that
 * scripts/pg-test.sh started, one per testdb_open.  Without that server
 * such a run is skipped as a whole (exit 77).  It does not hide what
 * differs: a test of something only SQLite has asks testdb_pg().
 *
 * Static functions, for one test file each.
 */
#ifndef AYNI_TESTDB_H
#define AYNI_TESTDB_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ayni/db.h"
#include "internal.h"
#include "sql.h"

/* 1 when this run is the PostgreSQL one. */
static inline int
testdb_pg(void)
{
	const char *b = getenv("AYNI_TEST_BACKEND");

	return b != NULL && strcmp(b, "pg") == 0;
}

/* A fresh, empty PostgreSQL database: its URL in url. */
static inline void
testdb_newdb(char *url, size_t len)
{
	FILE *f;
	size_t n;

	if (getenv("AYNI_TEST_PG") == NULL || getenv("AYNI_SRC") == NULL) {
		printf("skip: no PostgreSQL test server (scripts/pg-test.sh)"
		    "\n");
		exit(77);
	}
	url[0] = '\0';
	f = popen("sh \"$AYNI_SRC/scripts/pg-newdb.sh\"", "r");
	if (f == NULL || fgets(url, (int)len, f) == NULL || pclose(f) != 0) {
		fprintf(stderr, "testdb: pg-newdb.sh failed\n");
		exit(1);
	}
	n = strcspn(url, "\n");
	url[n] = '\0';
}

/*
 * Open the test's database as ayni_db_open(out, ":memory:", flags, err)
 * does: with the schema.  A PostgreSQL database is given it (an empty one
 * needs AYNI_DB_CREATE for that).
 */
static inline int
testdb_open(ayni_db **out, int flags, ayni_error *err)
{
	char url[1024];

	if (!testdb_pg())
		return ayni_db_open(out, ":memory:", flags, err);
	testdb_newdb(url, sizeof(url));
	return ayni_db_open(out, url, flags | AYNI_DB_CREATE, err);
}

/* Run sql (one or more statements): 0, or the ayni_code of its error. */
static inline int
testdb_exec(ayni_db *db, const char *sql)
{
	ayni_error err;

	return ayni_sql_script(db, &err, "test", sql);
}

/* The first column of the first row of sql; -1 with no row. */
static inline int64_t
testdb_int(ayni_db *db, const char *sql)
{
	ayni_error err;
	int64_t v = -1;

	if (ayni_sql_int(db, &v, &err, "test", sql, NULL) != 0)
		return -1;
	return v;
}

/* The same as text in buf; "" with no row, "(null)" for NULL. */
static inline const char *
testdb_text(ayni_db *db, const char *sql, char *buf, size_t len)
{
	ayni_stmt *st;
	ayni_error err;
	const char *s;

	buf[0] = '\0';
	if (ayni_sql_row(db, &st, &err, "test", sql, NULL) != 0)
		return buf;
	s = ayni_col_text(st, 0);
	snprintf(buf, len, "%s", s != NULL ? s : "(null)");
	ayni_stmt_finalize(st);
	return buf;
}

/*
 * In a test of what only SQLite has (files, modes, PRAGMAs): on the
 * PostgreSQL run, skip the test, visibly (cmocka's SKIPPED).
 */
#define TESTDB_SQLITE_ONLY() do {					\
	if (testdb_pg()) {						\
		print_message("skip: SQLite only\n");			\
		skip();							\
	}								\
} while (0)

#endif /* AYNI_TESTDB_H */
