/*
 * bench_rollups.c - how much the rollup triggers cost an upload, and how
 * fast the views answer, on generated lines.  Not a test: it prints
 * timings.  Built and run by bench/rollups.sh.
 *
 *	bench_rollups DB MODE LINES
 * MODE: raw (rollup triggers dropped), trigger (per-line triggers),
 * defer (ayni_aggregate_defer + load + ayni_aggregate_refresh), then the
 * queries (and verify when $VERIFY is set).  One company, 730 days, 800 products, 5,000 customers,
 * 3 lines per ticket, 1 in 20 lines a return, 2 in 3 with a cost.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sqlite3.h>

#include "ayni/aggregate.h"
#include "ayni/db.h"
#include "internal.h"	/* ayni_db_handle */
#include "ayni/output.h"

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void
must(ayni_db *db, const char *sql)
{
	char *msg = NULL;

	if (sqlite3_exec(ayni_db_handle(db), sql, NULL, NULL, &msg) !=
	    SQLITE_OK) {
		fprintf(stderr, "%s: %s\n", sql, msg);
		exit(1);
	}
}

static const char gen[] =
    "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n"
    " WHERE i < %d - 1)"
    " INSERT INTO raw_transactions (company_id, upload_id, line_no,"
    " transaction_date, transaction_id, product_id, is_return, customer_id,"
    " description, category, quantity, price_total, cost_total, margin,"
    " discount_total, processed_at)"
    " SELECT 1, 1, i + 1, date('2024-01-01', '+' || (i / 3 * 730 / (%d / 3"
    " + 1)) || ' days') || printf(' %%02d:%%02d:00', 9 + i / 3 %% 12,"
    " i %% 60), 'T' || (i / 3), 'P' || ((i * 7919) %% 800),"
    " i %% 20 = 7, CASE WHEN i %% 4 = 0 THEN NULL"
    " ELSE 'C' || ((i / 3 * 104729) %% 5000) END,"
    " 'product ' || ((i * 7919) %% 800), 'cat' || ((i * 7919) %% 800 %% 17),"
    " 1000 * (1 + i %% 3), 100 * (500 + (i * 31) %% 9000),"
    " CASE WHEN i %% 3 = 0 THEN NULL ELSE 100 * (300 + (i * 31) %% 5000) END,"
    " CASE WHEN i %% 3 = 0 THEN NULL"
    "  ELSE 100 * (200 + (i * 31) %% 4000) END, NULL, 'x' FROM n";

static void
timed_query(ayni_db *db, const char *label, ayni_agg_level level,
    const char *from, const char *to)
{
	ayni_aggregate_opts o = { level, from, to, 0 };
	const ayni_column *cols;
	ayni_writer *w;
	ayni_error err;
	FILE *fp = fopen("/dev/null", "w");
	double t;
	int n;

	ayni_aggregate_columns(level, &cols, &n);
	ayni_writer_new(&w, fp, AYNI_FORMAT_CSV, AYNI_WRITER_LIST, cols, n,
	    &err);
	t = now();
	if (ayni_aggregate_write(db, 1, &o, w, &err) != 0) {
		fprintf(stderr, "%s\n", err.msg);
		exit(1);
	}
	printf("%-40s %8.1f ms\n", label, (now() - t) * 1000);
	ayni_writer_finish(w, &err);
	ayni_writer_free(w);
	fclose(fp);
}

int
main(int argc, char **argv)
{
	ayni_db *db;
	ayni_error err;
	char sql[sizeof(gen) + 64];
	double t;
	int lines;

	if (argc != 4) {
		fprintf(stderr, "usage: bench_rollups DB raw|trigger|defer "
		    "LINES\n");
		return 64;
	}
	lines = atoi(argv[3]);
	setvbuf(stdout, NULL, _IOLBF, 0);
	if (ayni_db_open(&db, argv[1], AYNI_DB_CREATE, &err) != 0) {
		fprintf(stderr, "%s\n", err.msg);
		return 1;
	}
	must(db, "INSERT INTO users (id, email, password_hash, created_at,"
	    " updated_at) VALUES (1, 'a@b.cl', '$argon2id$x', 'x', 'x');"
	    "INSERT INTO companies (id, rut, name, created_at, updated_at)"
	    " VALUES (1, '76123456-0', 'Bench', 'x', 'x');"
	    "INSERT INTO uploads (id, company_id, filename, status, created_at)"
	    " VALUES (1, 1, 'bench.csv', 'completed', 'x');");
	if (strcmp(argv[2], "raw") == 0)
		must(db, "DROP TRIGGER raw_transactions_agg_insert;");
	snprintf(sql, sizeof(sql), gen, lines, lines);
	t = now();
	ayni_db_begin(db, &err);
	if (strcmp(argv[2], "defer") == 0)
		ayni_aggregate_defer(db, 1, &err);
	must(db, sql);
	printf("%-40s %8.2f s\n", "insert", now() - t);
	if (strcmp(argv[2], "defer") == 0) {
		double r = now();

		if (ayni_aggregate_refresh(db, 1, &err) != 0) {
			fprintf(stderr, "%s\n", err.msg);
			return 1;
		}
		printf("%-40s %8.2f s\n", "refresh", now() - r);
	}
	if (ayni_db_commit(db, &err) != 0) {
		fprintf(stderr, "%s\n", err.msg);
		return 1;
	}
	printf("%-40s %8.2f s\n", "total, committed", now() - t);
	if (strcmp(argv[2], "raw") == 0) {
		t = now();
		if (ayni_aggregate_rebuild(db, 1, &err) != 0) {
			fprintf(stderr, "%s\n", err.msg);
			return 1;
		}
		printf("%-40s %8.2f s\n", "rebuild", now() - t);
	}
	timed_query(db, "month level, all months", AYNI_AGG_MONTH, NULL, NULL);
	timed_query(db, "month level, one month", AYNI_AGG_MONTH,
	    "2025-10-01", "2025-10-31");
	timed_query(db, "month level, range cutting months",
	    AYNI_AGG_MONTH, "2025-03-15", "2025-06-15");
	timed_query(db, "week level, all weeks", AYNI_AGG_WEEK, NULL, NULL);
	timed_query(db, "day level, all days", AYNI_AGG_DAY, NULL, NULL);
	timed_query(db, "year level", AYNI_AGG_YEAR, NULL, NULL);
	timed_query(db, "product level, all time", AYNI_AGG_PRODUCT, NULL,
	    NULL);
	timed_query(db, "product level, one month", AYNI_AGG_PRODUCT,
	    "2025-10-01", "2025-10-31");
	timed_query(db, "customer level, all time", AYNI_AGG_CUSTOMER, NULL,
	    NULL);
	timed_query(db, "category level, all time", AYNI_AGG_CATEGORY, NULL,
	    NULL);
	if (getenv("VERIFY") == NULL)
		goto out;
	t = now();
	if (ayni_aggregate_verify(db, 1, NULL, &err) != 0) {
		fprintf(stderr, "verify: %s\n", err.msg);
		return 1;
	}
	printf("%-40s %8.2f s\n", "verify", now() - t);
out:
	ayni_db_close(db);
	return 0;
}
