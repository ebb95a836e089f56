/*
 * test_db.c - opening databases and the embedded migrations: the schema
 * applies, its constraints reject bad rows, a missing file is not created,
 * a newer database is refused.  Run again on PostgreSQL (testdb.h): what
 * is about the seam (the schema, its constraints, versions, transactions)
 * with the same assertions; what is about files is SQLite's and skipped.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sqlite3.h>

#include "ayni/aggregate.h"
#include "ayni/db.h"
#include "internal.h"	/* ayni_db_handle */
#include "schema.h"
#include "testdb.h"

static char tmpdir[] = "/tmp/ayni-test-db.XXXXXX";

static int
setup_dir(void **state)
{
	(void)state;
	return mkdtemp(tmpdir) == NULL ? -1 : 0;
}

static int
teardown_dir(void **state)
{
	char cmd[256];

	(void)state;
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", tmpdir);
	return system(cmd) == 0 ? 0 : -1;
}

static int
exec_rc(ayni_db *db, const char *sql)
{
	/* a broken constraint is AYNI_EDATA on both engines */
	return testdb_exec(db, sql);
}

static int64_t
scalar(ayni_db *db, const char *sql)
{
	return testdb_int(db, sql);
}

static void
test_memory_migrates_to_latest(void **state)
{
	ayni_db *db;
	ayni_error err;

	(void)state;
	assert_int_equal(testdb_open(&db, 0, &err), 0);
	assert_true(ayni_db_schema_version() >= 1);
	if (testdb_pg()) {
		assert_int_equal(ayni_db_version(db), ayni_db_newest(db));
		assert_int_equal(ayni_db_version(db),
		    ayni_pg_migrations[ayni_pg_migration_count - 1].version);
	} else {
		assert_int_equal(ayni_db_version(db),
		    ayni_db_schema_version());
		assert_int_equal(ayni_db_version(db),
		    ayni_migrations[ayni_migration_count - 1].version);
		assert_int_equal(scalar(db, "PRAGMA foreign_keys"), 1);
	}
	ayni_db_close(db);
}

static void
test_every_table_exists(void **state)
{
	static const char *tables[] = {
		"users", "password_reset_tokens", "email_verification_tokens",
		"companies", "user_companies", "uploads", "column_mappings",
		"raw_transactions", "data_updates", "benchmarks", "sessions",
	};
	ayni_db *db;
	ayni_error err;
	char sql[256];
	size_t i;

	(void)state;
	assert_int_equal(testdb_open(&db, 0, &err), 0);
	for (i = 0; i < sizeof(tables) / sizeof(tables[0]); i++) {
		snprintf(sql, sizeof(sql), "SELECT count(*) FROM %s"
		    " WHERE 0 = 1", tables[i]);
		if (scalar(db, sql) != 0)
			fail_msg("table '%s' missing", tables[i]);
	}
	ayni_db_close(db);
}

static void
test_constraints_reject_bad_rows(void **state)
{
	ayni_db *db;
	ayni_error err;

	(void)state;
	assert_int_equal(testdb_open(&db, 0, &err), 0);
	/* email must be lower case; password must be an argon2 hash */
	assert_int_equal(exec_rc(db, "INSERT INTO users (email, password_hash,"
	    " created_at, updated_at) VALUES ('A@b.cl', '$argon2id$x', 'n',"
	    " 'n')"), AYNI_EDATA);
	assert_int_equal(exec_rc(db, "INSERT INTO users (email, password_hash,"
	    " created_at, updated_at) VALUES ('a@b.cl', 'plain', 'n', 'n')"),
	    AYNI_EDATA);
	/* ids given: a refused row uses up a PostgreSQL sequence's value */
	assert_int_equal(exec_rc(db, "INSERT INTO users (id, email,"
	    " password_hash, created_at, updated_at) VALUES (1, 'a@b.cl',"
	    " '$argon2id$x', 'n', 'n')"), 0);
	/* companies: canonical RUT, known industry and size */
	assert_int_equal(exec_rc(db, "INSERT INTO companies (rut, name,"
	    " created_at, updated_at) VALUES ('76.123.456-0', 'Shop', 'n',"
	    " 'n')"), AYNI_EDATA);
	assert_int_equal(exec_rc(db, "INSERT INTO companies (rut, name,"
	    " industry, created_at, updated_at) VALUES ('76123456-0', 'Shop',"
	    " 'mining', 'n', 'n')"), AYNI_EDATA);
	assert_int_equal(exec_rc(db, "INSERT INTO companies (rut, name,"
	    " created_at, updated_at) VALUES ('76123456-0', 'S', 'n', 'n')"),
	    AYNI_EDATA);
	assert_int_equal(exec_rc(db, "INSERT INTO companies (id, rut, name,"
	    " created_at, updated_at) VALUES (1, '76123456-0', 'Shop', 'n',"
	    " 'n')"), 0);
	/* roles */
	assert_int_equal(exec_rc(db, "INSERT INTO user_companies (user_id,"
	    " company_id, role, created_at, updated_at) VALUES (1, 1, 'boss',"
	    " 'n', 'n')"), AYNI_EDATA);
	/* upload statuses, and one active upload per company */
	assert_int_equal(exec_rc(db, "INSERT INTO uploads (company_id,"
	    " filename, status, created_at) VALUES (1, 'f', 'validating',"
	    " 'n')"), AYNI_EDATA);
	assert_int_equal(exec_rc(db, "INSERT INTO uploads (id, company_id,"
	    " filename, status, created_at) VALUES (1, 1, 'f', 'processing',"
	    " 'n')"), 0);
	assert_int_equal(exec_rc(db, "INSERT INTO uploads (company_id,"
	    " filename, status, created_at) VALUES (1, 'g', 'pending', 'n')"),
	    AYNI_EDATA);
	/* foreign keys are on */
	assert_int_equal(exec_rc(db, "INSERT INTO uploads (company_id,"
	    " filename, created_at) VALUES (99, 'f', 'n')"), AYNI_EDATA);
	/* raw lines: the date form and the stable key */
	assert_int_equal(exec_rc(db, "INSERT INTO raw_transactions (company_id,"
	    " upload_id, line_no, transaction_date, transaction_id, product_id,"
	    " quantity, price_total, processed_at) VALUES (1, 1, 2,"
	    " '05/03/2025', 'T1', 'P1', 1000, 100, 'n')"), AYNI_EDATA);
	assert_int_equal(exec_rc(db, "INSERT INTO raw_transactions (company_id,"
	    " upload_id, line_no, transaction_date, transaction_id, product_id,"
	    " quantity, price_total, processed_at) VALUES (1, 1, 2,"
	    " '2025-03-05 10:00:00', 'T1', 'P1', 1000, 100, 'n')"), 0);
	assert_int_equal(exec_rc(db, "INSERT INTO raw_transactions (company_id,"
	    " upload_id, line_no, transaction_date, transaction_id, product_id,"
	    " quantity, price_total, processed_at) VALUES (1, 1, 3,"
	    " '2025-03-05 10:00:00', 'T1', 'P1', 1000, 100, 'n')"),
	    AYNI_EDATA);
	/* benchmarks never hold a group below the privacy threshold */
	assert_int_equal(exec_rc(db, "INSERT INTO benchmarks (industry,"
	    " metric_name, period, period_type, sample_size, created_at,"
	    " updated_at) VALUES ('retail', 'revenue', '2025-10', 'monthly',"
	    " 9, 'n', 'n')"), AYNI_EDATA);
	ayni_db_close(db);
}

static void
test_missing_file_not_created(void **state)
{
	char path[256];
	ayni_db *db = NULL;
	ayni_error err;
	struct stat sb;

	(void)state;
	if (testdb_pg()) {	/* no such database: the same code */
		testdb_newdb(path, sizeof(path));	/* the server's there */
		snprintf(path, sizeof(path), "postgresql:///none_%d?host=%s",
		    (int)getpid(), getenv("PGHOST"));
		assert_int_equal(ayni_db_open(&db, path, 0, &err),
		    AYNI_ENOINPUT);
		assert_null(db);
		assert_non_null(strstr(err.msg, "no database at '"));
		return;
	}
	snprintf(path, sizeof(path), "%s/none.db", tmpdir);
	assert_int_equal(ayni_db_open(&db, path, 0, &err), AYNI_ENOINPUT);
	assert_null(db);
	assert_non_null(strstr(err.msg, "no database at '"));
	assert_non_null(strstr(err.msg, "run 'ayni init' or set AYNI_DB"));
	assert_int_equal(stat(path, &sb), -1);
}

static void
test_create_mode_0600_and_wal(void **state)
{
	char path[256];
	ayni_db *db;
	ayni_error err;
	struct stat sb;
	mode_t old = umask(0);

	(void)state;
	TESTDB_SQLITE_ONLY();
	snprintf(path, sizeof(path), "%s/new.db", tmpdir);
	assert_int_equal(ayni_db_open(&db, path, AYNI_DB_CREATE, &err), 0);
	umask(old);
	assert_int_equal(stat(path, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	assert_int_equal(ayni_db_version(db), ayni_db_schema_version());
	assert_int_equal(scalar(db, "SELECT journal_mode = 'wal' FROM"
	    " pragma_journal_mode"), 1);
	assert_string_equal(ayni_db_path(db), path);
	ayni_db_close(db);
}

static void
test_newer_database_refused(void **state)
{
	char path[1024], sql[96];
	ayni_db *db;
	ayni_error err;

	(void)state;
	if (testdb_pg())
		testdb_newdb(path, sizeof(path));
	else
		snprintf(path, sizeof(path), "%s/newer.db", tmpdir);
	assert_int_equal(ayni_db_open(&db, path, AYNI_DB_CREATE, &err), 0);
	if (testdb_pg())
		snprintf(sql, sizeof(sql), "INSERT INTO ayni_schema_version"
		    " VALUES (%d, 'x', 'x')", ayni_db_newest(db) + 1);
	else
		snprintf(sql, sizeof(sql), "PRAGMA user_version = %d",
		    ayni_db_schema_version() + 1);
	assert_int_equal(exec_rc(db, sql), 0);
	ayni_db_close(db);
	assert_int_equal(ayni_db_open(&db, path, 0, &err), AYNI_ECONFIG);
	assert_non_null(strstr(err.msg, "use a newer ayni"));
}

/* What a file's header says, read with plain SQLite. */
static long long
raw_scalar(const char *path, const char *sql)
{
	sqlite3 *h;
	sqlite3_stmt *st;
	long long v = -1;

	assert_int_equal(sqlite3_open(path, &h), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(h, sql, -1, &st, NULL), SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(h);
	return v;
}

static void
test_older_database_migrated(void **state)
{
	char path[256];
	sqlite3 *h;
	ayni_db *db;
	ayni_error err;

	(void)state;
	TESTDB_SQLITE_ONLY();
	/*
	 * An ayni database made before the application_id mark, at schema
	 * version 1: migrated forward and marked.
	 */
	snprintf(path, sizeof(path), "%s/old.db", tmpdir);
	assert_int_equal(sqlite3_open(path, &h), SQLITE_OK);
	assert_int_equal(sqlite3_exec(h, ayni_migrations[0].sql, NULL, NULL,
	    NULL), SQLITE_OK);
	assert_int_equal(sqlite3_exec(h, "PRAGMA user_version = 1", NULL,
	    NULL, NULL), SQLITE_OK);
	sqlite3_close(h);
	assert_int_equal(ayni_db_open(&db, path, 0, &err), 0);
	assert_int_equal(ayni_db_version(db), ayni_db_schema_version());
	assert_int_equal(scalar(db, "PRAGMA application_id"),
	    AYNI_APPLICATION_ID);
	ayni_db_close(db);

	/* One at the latest version but unmarked: marked on opening. */
	assert_int_equal(sqlite3_open(path, &h), SQLITE_OK);
	assert_int_equal(sqlite3_exec(h, "PRAGMA application_id = 0", NULL,
	    NULL, NULL), SQLITE_OK);
	sqlite3_close(h);
	assert_int_equal(ayni_db_open(&db, path, 0, &err), 0);
	ayni_db_close(db);
	assert_int_equal(raw_scalar(path, "PRAGMA application_id"),
	    AYNI_APPLICATION_ID);
}

static void
test_empty_file_becomes_a_database(void **state)
{
	char path[256];
	FILE *fp;
	ayni_db *db;
	ayni_error err;

	(void)state;
	TESTDB_SQLITE_ONLY();
	snprintf(path, sizeof(path), "%s/empty.db", tmpdir);
	assert_non_null(fp = fopen(path, "w"));
	fclose(fp);
	/* Only init (AYNI_DB_CREATE) makes a database of an empty file. */
	assert_int_equal(ayni_db_open(&db, path, 0, &err), AYNI_ENOINPUT);
	assert_non_null(strstr(err.msg, "(the file is empty)"));
	assert_int_equal(ayni_db_open(&db, path, AYNI_DB_CREATE, &err), 0);
	assert_int_equal(ayni_db_version(db), ayni_db_schema_version());
	assert_int_equal(scalar(db, "PRAGMA application_id"),
	    AYNI_APPLICATION_ID);
	ayni_db_close(db);
}

/* Another application's PostgreSQL database: refused, left alone. */
static void
foreign_pg(void)
{
	char url[1024], cmd[1200];
	ayni_db *db;
	ayni_error err;

	testdb_newdb(url, sizeof(url));
	snprintf(cmd, sizeof(cmd), "\"${AYNI_PG_BIN:-/usr/lib/postgresql/15/bin}"
	    "/psql\" -XAtq -d '%s' -c 'CREATE TABLE keep (x integer)'", url);
	assert_int_equal(system(cmd), 0);
	assert_int_equal(ayni_db_open(&db, url, 0, &err), AYNI_EDATA);
	assert_null(db);
	assert_non_null(strstr(err.msg, "is not an ayni database: it has 1 "
	    "tables and no ayni schema"));
	assert_int_equal(ayni_db_open(&db, url, AYNI_DB_CREATE, &err),
	    AYNI_EDATA);
	snprintf(cmd, sizeof(cmd), "test \"$(\"${AYNI_PG_BIN:-/usr/lib/"
	    "postgresql/15/bin}/psql\" -XAtq -d '%s' -c \"SELECT count(*)"
	    " FROM pg_tables WHERE schemaname = 'public'\")\" = 1", url);
	assert_int_equal(system(cmd), 0);
}

/* Issue 10 item 6: another application's SQLite file is left alone. */
static void
test_foreign_database_refused(void **state)
{
	char path[256];
	sqlite3 *h;
	ayni_db *db;
	ayni_error err;

	(void)state;
	if (testdb_pg()) {
		foreign_pg();
		return;
	}
	snprintf(path, sizeof(path), "%s/other-app.sqlite", tmpdir);
	assert_int_equal(sqlite3_open(path, &h), SQLITE_OK);
	assert_int_equal(sqlite3_exec(h, "CREATE TABLE keep (x);"
	    " PRAGMA user_version = 7;", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(h);
	assert_int_equal(ayni_db_open(&db, path, 0, &err), AYNI_EDATA);
	assert_null(db);
	assert_non_null(strstr(err.msg, "is not an ayni database: it is a "
	    "SQLite file of another application"));
	assert_int_equal(raw_scalar(path, "SELECT count(*) FROM sqlite_schema"),
	    1);
	assert_int_equal(raw_scalar(path, "SELECT journal_mode = 'delete'"
	    " FROM pragma_journal_mode"), 1);
	assert_int_equal(raw_scalar(path, "PRAGMA user_version"), 7);
	/* Marked by someone else: refused even with no tables. */
	snprintf(path, sizeof(path), "%s/marked.sqlite", tmpdir);
	assert_int_equal(sqlite3_open(path, &h), SQLITE_OK);
	assert_int_equal(sqlite3_exec(h, "PRAGMA application_id = 42;", NULL,
	    NULL, NULL), SQLITE_OK);
	sqlite3_close(h);
	assert_int_equal(ayni_db_open(&db, path, AYNI_DB_CREATE, &err),
	    AYNI_EDATA);
}

/*
 * A version 2 database (0001 and 0002 only) in which ticket T was sold on
 * two days (v2 numbered the second A line occurrence 2): upgrading keeps
 * every line as it was, and the rollups are recomputed with the new
 * meaning of a transaction (one per sale day), verified against the raw
 * lines.
 */
static void
test_version2_upgrade(void **state)
{
	char path[256];
	sqlite3 *h;
	ayni_db *db;
	ayni_error err;
	long ndiff = -1;
	int i;

	(void)state;
	TESTDB_SQLITE_ONLY();
	snprintf(path, sizeof(path), "%s/v2.db", tmpdir);
	assert_int_equal(sqlite3_open(path, &h), SQLITE_OK);
	assert_int_equal(sqlite3_exec(h, "BEGIN", NULL, NULL, NULL),
	    SQLITE_OK);
	for (i = 0; i < ayni_migration_count && ayni_migrations[i].version <= 2;
	    i++)
		assert_int_equal(sqlite3_exec(h, ayni_migrations[i].sql, NULL,
		    NULL, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_exec(h,
	    "INSERT INTO users (id, email, password_hash, created_at,"
	    " updated_at) VALUES (1, 'a@b.cl', '$argon2id$x', 'x', 'x');"
	    "INSERT INTO companies (id, rut, name, created_at, updated_at)"
	    " VALUES (1, '76086428-5', 'Uno', 'x', 'x');"
	    "INSERT INTO uploads (id, company_id, user_id, filename, status,"
	    " created_at) VALUES (1, 1, 1, 'v.csv', 'completed', 'x');"
	    "INSERT INTO raw_transactions (id, company_id, upload_id, line_no,"
	    " transaction_date, transaction_id, product_id, occurrence,"
	    " is_return, quantity, price_total, processed_at) VALUES"
	    " (10, 1, 1, 2, '2025-03-03 10:00:00', 'T', 'A', 1, 0, 1000, 500,"
	    "  'x'),"
	    " (11, 1, 1, 3, '2025-03-04 10:00:00', 'T', 'A', 2, 0, 1000, 700,"
	    "  'x'),"
	    " (12, 1, 1, 4, '2025-03-04 10:00:00', 'T', 'B', 1, 0, 2000, 900,"
	    "  'x'),"
	    " (13, 1, 1, 5, '2025-03-04 11:00:00', 'U', 'A', 1, 1, 1000, 500,"
	    "  'x');"
	    "INSERT INTO data_updates (company_id, upload_id, period,"
	    " period_type, rows_added, timestamp) VALUES (1, 1, '2025-03',"
	    " 'monthly', 4, 'x');"
	    "PRAGMA user_version = 2;"
	    "COMMIT", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(h);

	assert_int_equal(ayni_db_open(&db, path, 0, &err), 0);
	assert_int_equal(ayni_db_version(db), ayni_db_schema_version());
	assert_int_equal(scalar(db, "SELECT count(*) FROM raw_transactions"
	    " WHERE (id, occurrence) IN (VALUES (10, 1), (11, 2), (12, 1),"
	    " (13, 1)) AND branch = '' AND doc_type = ''"), 4);
	assert_int_equal(scalar(db, "SELECT sum(price_total * (1 - 2 *"
	    " is_return)) FROM raw_transactions"), 1600);
	assert_int_equal(scalar(db, "SELECT count(*) FROM data_updates"
	    " WHERE action = 'upload'"), 1);
	assert_int_equal(scalar(db, "SELECT count(*) FROM agg_deferred"), 0);
	/* T on the 3rd, T on the 4th, U: three sales (v2 said two) */
	assert_int_equal(scalar(db, "SELECT transactions FROM"
	    " monthly_aggregations WHERE company_id = 1"), 3);
	assert_int_equal(scalar(db, "SELECT revenue FROM"
	    " monthly_aggregations WHERE company_id = 1"), 1600);	/* cents */
	assert_int_equal(ayni_aggregate_verify(db, 1, &ndiff, &err), 0);
	assert_int_equal(ndiff, 0);
	/* the old second key is still unique under the new one */
	assert_int_equal(exec_rc(db, "INSERT INTO raw_transactions"
	    " (company_id, upload_id, line_no, transaction_date,"
	    " transaction_id, product_id, occurrence, quantity, price_total,"
	    " processed_at) VALUES (1, 1, 9, '2025-03-04 12:00:00', 'T', 'A',"
	    " 2, 1000, 1, 'x')"), AYNI_EDATA);
	ayni_db_close(db);
}

static void
test_not_a_database(void **state)
{
	char path[256];
	FILE *fp;
	ayni_db *db;
	ayni_error err;

	(void)state;
	TESTDB_SQLITE_ONLY();
	snprintf(path, sizeof(path), "%s/text.db", tmpdir);
	assert_non_null(fp = fopen(path, "w"));
	fputs("this is a sales export, not a database\n", fp);
	fclose(fp);
	assert_int_equal(ayni_db_open(&db, path, 0, &err), AYNI_EDATA);
	assert_non_null(strstr(err.msg, "is not an ayni database"));
}

static void
test_nested_transactions(void **state)
{
	ayni_db *db;
	ayni_error err;

	(void)state;
	assert_int_equal(testdb_open(&db, 0, &err), 0);
	assert_int_equal(ayni_db_begin(db, &err), 0);
	assert_int_equal(ayni_db_begin(db, &err), 0);
	assert_int_equal(exec_rc(db, "INSERT INTO users (email, password_hash,"
	    " created_at, updated_at) VALUES ('a@b.cl', '$argon2id$x', 'n',"
	    " 'n')"), 0);
	ayni_db_rollback(db);	/* inner failure dooms the outer one */
	assert_int_equal(ayni_db_commit(db, &err), AYNI_EINTERNAL);
	assert_int_equal(scalar(db, "SELECT count(*) FROM users"), 0);
	ayni_db_close(db);
}

static void
test_clock_is_settable(void **state)
{
	ayni_db *db;
	ayni_error err;
	char buf[20];

	(void)state;
	assert_int_equal(testdb_open(&db, 0, &err), 0);
	ayni_db_set_now(db, 1735516800);	/* 2024-12-30 00:00:00 UTC */
	assert_int_equal(ayni_db_now(db), 1735516800);
	ayni_db_timestamp(ayni_db_now(db), buf);
	assert_string_equal(buf, "2024-12-30 00:00:00");
	ayni_db_set_now(db, 0);
	assert_true(ayni_db_now(db) > 1735516800);
	ayni_db_close(db);
}

/* A password in a URL is never shown (messages, the session file). */
static void
test_url_public(void **state)
{
	static const char *const cases[][2] = {
		{ "postgresql:///ayni?host=/run/pg",
		    "postgresql:///ayni?host=/run/pg" },
		{ "postgresql://ana:s3cret@db.example.cl:5432/ayni",
		    "postgresql://ana@db.example.cl:5432/ayni" },
		{ "postgres://ana:p@ss@h/ayni", "postgres://ana@h/ayni" },
		{ "postgresql://ana@h/ayni?password=s3cret",
		    "postgresql://ana@h/ayni" },
		{ "postgresql:///ayni?host=/tmp&password=s3cret&sslmode=off",
		    "postgresql:///ayni?host=/tmp&sslmode=off" },
		{ "postgresql:///ayni?password=s3cret&host=/tmp",
		    "postgresql:///ayni?host=/tmp" },
	};
	size_t i;
	char *s;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		assert_non_null(s = ayni_db_url_public(cases[i][0]));
		assert_string_equal(s, cases[i][1]);
		free(s);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_memory_migrates_to_latest),
		cmocka_unit_test(test_every_table_exists),
		cmocka_unit_test(test_constraints_reject_bad_rows),
		cmocka_unit_test(test_missing_file_not_created),
		cmocka_unit_test(test_create_mode_0600_and_wal),
		cmocka_unit_test(test_newer_database_refused),
		cmocka_unit_test(test_older_database_migrated),
		cmocka_unit_test(test_version2_upgrade),
		cmocka_unit_test(test_empty_file_becomes_a_database),
		cmocka_unit_test(test_foreign_database_refused),
		cmocka_unit_test(test_not_a_database),
		cmocka_unit_test(test_nested_transactions),
		cmocka_unit_test(test_clock_is_settable),
		cmocka_unit_test(test_url_public),
	};

	return cmocka_run_group_tests_name("db", tests, setup_dir,
	    teardown_dir);
}
