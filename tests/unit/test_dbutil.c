/*
 * test_dbutil.c - the SQL helpers of src/lib/dbutil.c (internal.h): bound
 * arguments, one row, one integer, changes counted, commit-or-rollback and
 * savepoints, on a :memory: database with its own small table; run again
 * on PostgreSQL (testdb.h) with the same assertions.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include <sqlite3.h>	/* sqlite3_free, for ayni_sql_mprintf only */

#include "ayni/db.h"
#include "internal.h"
#include "testdb.h"

static int
setup(void **state)
{
	ayni_db *db;
	ayni_error err;

	if (testdb_open(&db, AYNI_DB_CREATE, &err) != 0)
		return -1;
	if (ayni_sql_script(db, &err, "creating t", testdb_pg() ?
	    "CREATE TABLE t (id bigserial PRIMARY KEY, name text UNIQUE,"
	    " n bigint, x double precision)" : "CREATE TABLE t ("
	    "id INTEGER PRIMARY KEY, name TEXT UNIQUE, n INTEGER, x REAL)") !=
	    0) {
		ayni_db_close(db);
		return -1;
	}
	*state = db;
	return 0;
}

static int
teardown(void **state)
{
	ayni_db_close(*state);
	return 0;
}

static int64_t
count(ayni_db *db)
{
	int64_t n = -1;

	assert_int_equal(ayni_sql_int(db, &n, NULL, "counting",
	    "SELECT count(*) FROM t", NULL), 0);
	return n;
}

static void
test_exec_binds_and_counts(void **state)
{
	ayni_db *db = *state;
	ayni_stmt *st;
	ayni_error err;

	assert_int_equal(ayni_sql_exec(db, &err, "inserting",
	    "INSERT INTO t (name, n, x) VALUES (?1, ?2, ?3)", "tId", "a",
	    (int64_t)1 << 40, 2.5), 1);
	assert_int_equal(ayni_sql_exec(db, &err, "inserting",
	    "INSERT INTO t (name, n) VALUES (?1, ?2)", "ti", NULL, 7), 1);
	assert_int_equal(ayni_sql_row(db, &st, &err, "reading",
	    "SELECT n, x FROM t WHERE name = ?1", "t", "a"), 0);
	assert_int_equal(ayni_col_int64(st, 0), (int64_t)1 << 40);
	assert_true(ayni_col_double(st, 1) == 2.5);
	ayni_stmt_finalize(st);
	/* a NULL text argument binds NULL */
	assert_int_equal(ayni_sql_int(db, &(int64_t){ 0 }, &err, "reading",
	    "SELECT n FROM t WHERE name IS NOT DISTINCT FROM ?1", "t", NULL), 0);
	/* changes: 0 rows is not an error, the caller decides */
	assert_int_equal(ayni_sql_exec(db, &err, "updating",
	    "UPDATE t SET n = n + 1 WHERE name = ?1", "t", "none"), 0);
	assert_int_equal(ayni_sql_exec(db, &err, "updating",
	    "UPDATE t SET n = n + 1", NULL), 2);
}

static void
test_row_not_found(void **state)
{
	ayni_db *db = *state;
	ayni_stmt *st = (ayni_stmt *)&st;
	ayni_error err;
	int64_t v = 42;

	assert_int_equal(ayni_sql_row(db, &st, &err, "finding the thing",
	    "SELECT id FROM t WHERE id = ?1", "I", (int64_t)99),
	    AYNI_ENOTFOUND);
	assert_null(st);
	assert_int_equal(err.code, AYNI_ENOTFOUND);
	assert_string_equal(err.msg, "finding the thing: not found");
	assert_int_equal(ayni_sql_int(db, &v, &err, "counting",
	    "SELECT id FROM t WHERE 0 = 1", ""), AYNI_ENOTFOUND);
	assert_int_equal(v, 42);
}

static void
test_errors_are_reported(void **state)
{
	ayni_db *db = *state;
	ayni_stmt *st;
	ayni_error err;

	/* bad SQL fails through ayni_db_error (PostgreSQL's driver sees it
	   at the first step, SQLite's at prepare) */
	assert_int_equal(ayni_sql_row(db, &st, &err, "reading",
	    "SELECT nope FROM t", NULL), AYNI_EINTERNAL);
	assert_null(st);
	assert_non_null(strstr(err.msg, "reading: "));
	/* an unknown argument letter is a bug */
	assert_int_equal(ayni_sql_exec(db, &err, "inserting",
	    "INSERT INTO t (name) VALUES (?1)", "x", "a"), AYNI_EINTERNAL);
	/* more letters than parameters: refused before reading any */
	assert_int_equal(ayni_sql_exec(db, &err, "inserting",
	    "INSERT INTO t (name) VALUES (?1)", "ti", "a"), AYNI_EINTERNAL);
	assert_int_equal(count(db), 0);
	/* a UNIQUE violation stays visible on the connection */
	assert_int_equal(ayni_sql_exec(db, &err, "inserting",
	    "INSERT INTO t (name) VALUES (?1)", "t", "a"), 1);
	assert_int_equal(ayni_sql_exec(db, &err, "inserting",
	    "INSERT INTO t (name) VALUES (?1)", "t", "a"), AYNI_EDATA);
	assert_true(ayni_sql_is_dup(db));
}

static void
test_db_end(void **state)
{
	ayni_db *db = *state;
	ayni_error err;

	assert_int_equal(ayni_db_begin(db, &err), 0);
	ayni_sql_exec(db, &err, "inserting", "INSERT INTO t (name) VALUES"
	    " ('kept')", NULL);
	assert_int_equal(ayni_db_end(db, 0, &err), 0);
	assert_int_equal(count(db), 1);
	assert_int_equal(ayni_db_begin(db, &err), 0);
	ayni_sql_exec(db, &err, "inserting", "INSERT INTO t (name) VALUES"
	    " ('lost')", NULL);
	assert_int_equal(ayni_db_end(db, AYNI_EDATA, &err), AYNI_EDATA);
	assert_int_equal(count(db), 1);
}

static void
test_savepoint_rollback_restores_rows(void **state)
{
	ayni_db *db = *state;
	ayni_error err;

	assert_int_equal(ayni_db_begin(db, &err), 0);
	ayni_sql_exec(db, &err, "inserting", "INSERT INTO t (name) VALUES"
	    " ('before')", NULL);
	assert_int_equal(ayni_savepoint_begin(db, "part", &err), 0);
	ayni_sql_exec(db, &err, "inserting", "INSERT INTO t (name) VALUES"
	    " ('inside')", NULL);
	ayni_sql_exec(db, &err, "deleting", "DELETE FROM t WHERE name ="
	    " 'before'", NULL);
	assert_int_equal(count(db), 1);
	ayni_savepoint_rollback(db, "part");
	/* the mark is gone and the transaction goes on (on SQLite even
	   after releasing the forgotten mark fails: PostgreSQL aborts a
	   transaction at any error, so the modules never try) */
	if (!testdb_pg())
		assert_int_equal(ayni_savepoint_release(db, "part", &err),
		    AYNI_EINTERNAL);
	assert_int_equal(count(db), 1);
	assert_int_equal(ayni_sql_int(db, &(int64_t){ 0 }, &err, "reading",
	    "SELECT id FROM t WHERE name = 'before'", NULL), 0);
	/* a released savepoint keeps its work */
	assert_int_equal(ayni_savepoint_begin(db, "odd \"name\"", &err), 0);
	ayni_sql_exec(db, &err, "inserting", "INSERT INTO t (name) VALUES"
	    " ('second')", NULL);
	assert_int_equal(ayni_savepoint_release(db, "odd \"name\"", &err), 0);
	assert_int_equal(ayni_db_commit(db, &err), 0);
	assert_int_equal(count(db), 2);
}

static void
test_mprintf_quotes(void **state)
{
	ayni_error err;
	char *s;

	(void)state;
	s = ayni_sql_mprintf(&err, "SELECT %Q FROM \"%w\"", "it's", "a\"b");
	assert_non_null(s);
	assert_string_equal(s, "SELECT 'it''s' FROM \"a\"\"b\"");
	sqlite3_free(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_exec_binds_and_counts,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_row_not_found, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_errors_are_reported,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_db_end, setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_savepoint_rollback_restores_rows, setup, teardown),
		cmocka_unit_test(test_mprintf_quotes),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
