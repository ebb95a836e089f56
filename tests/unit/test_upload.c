/*
 * test_upload.c - the upload core on an in-memory database: inference,
 * returns, occurrence keys, upsert and replace, data_updates, decimal and
 * date decisions over the whole file, dry runs, and that a bad file
 * stores nothing.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "ayni/db.h"
#include "ayni/upload.h"
#include "internal.h"

static int
setup(void **state)
{
	ayni_db *db;
	ayni_error err;

	if (ayni_db_open(&db, ":memory:", 0, &err) != 0)
		return -1;
	if (sqlite3_exec(ayni_db_handle(db),
	    "INSERT INTO companies (rut, name, created_at, updated_at)"
	    " VALUES ('76123456-0', 'Tienda', 'n', 'n');"
	    "INSERT INTO companies (rut, name, created_at, updated_at)"
	    " VALUES ('12345678-5', 'Otra', 'n', 'n');",
	    NULL, NULL, NULL) != SQLITE_OK)
		return -1;
	*state = db;
	return 0;
}

static int
teardown(void **state)
{
	ayni_db_close(*state);
	return 0;
}

/* Upload text as a file named "t.csv" into company 1. */
static int
load(ayni_db *db, const char *text, ayni_upload_mode mode, int dry,
    ayni_upload_result *res, ayni_error *err)
{
	ayni_upload_opts o;
	FILE *fp = fmemopen((void *)text, strlen(text), "r");
	int rc;

	assert_non_null(fp);
	memset(&o, 0, sizeof(o));
	o.name = "t.csv";
	o.company_id = 1;
	o.mode = mode;
	o.dry_run = dry;
	rc = ayni_upload_run(db, fp, &o, res, err);
	fclose(fp);
	return rc;
}

static char *
query(ayni_db *db, const char *sql)
{
	sqlite3_stmt *st;
	char *out = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&out, &len);
	int i, first = 1;

	assert_int_equal(sqlite3_prepare_v2(ayni_db_handle(db), sql, -1, &st,
	    NULL), SQLITE_OK);
	while (sqlite3_step(st) == SQLITE_ROW) {
		if (!first)
			fputc('\n', fp);
		first = 0;
		for (i = 0; i < sqlite3_column_count(st); i++) {
			const unsigned char *t = sqlite3_column_text(st, i);

			fprintf(fp, "%s%s", i ? "|" : "", t ? (const char *)t :
			    "NULL");
		}
	}
	sqlite3_finalize(st);
	fclose(fp);
	return out;
}

#define assert_query(db, sql, want) do {				\
	char *got_ = query((db), (sql));				\
	assert_string_equal(got_, (want));				\
	free(got_);							\
} while (0)

static void
test_inference(void **state)
{
	ayni_db *db = *state;
	ayni_upload_result r;
	ayni_error err;
	/*
	 * Line 2: cost_total given -> cost_unit; price_unit given with a
	 * discount revealed; margin minus commission.
	 * Line 3: cost_unit given -> cost_total; no price_unit -> inferred,
	 * and no discount: nothing to infer it from, so NULL.
	 * Line 4: no cost at all -> no margin; quantity 0 -> no unit values.
	 */
	const char *csv =
	    "fecha;boleta;sku;cantidad;total;total costo;costo unitario;"
	    "precio unitario;total comision\n"
	    "01-10-2025;1;A;2;1.800;1.000;;1.000;50\n"
	    "01-10-2025;1;B;1,5;3.000;;800;;\n"
	    "01-10-2025;2;C;0;500;;;;\n";

	assert_int_equal(load(db, csv, AYNI_UPLOAD_UPSERT, 0, &r, &err), 0);
	assert_int_equal(r.rows_inserted, 3);
	assert_query(db, "SELECT product_id, quantity, price_total, cost_unit,"
	    " cost_total, price_unit, discount_total, commission_total, margin"
	    " FROM raw_transactions ORDER BY line_no",
	    "A|2000|180000|50000|100000|100000|20000|5000|75000\n"
	    "B|1500|300000|80000|120000|200000|NULL|NULL|180000\n"
	    "C|0|50000|NULL|NULL|NULL|NULL|NULL|NULL");
}

static void
test_chilean_default_and_file_evidence(void **state)
{
	ayni_db *db = *state;
	ayni_upload_result r;
	ayni_error err;

	/* No column proves anything: 1.234 is 1234 pesos (Chilean). */
	assert_int_equal(load(db, "fecha;boleta;sku;cantidad;total\n"
	    "01-10-2025;1;A;1;1.234\n", AYNI_UPLOAD_UPSERT, 0, &r, &err), 0);
	assert_query(db, "SELECT price_total FROM raw_transactions"
	    " WHERE transaction_id = '1'", "123400");
	/*
	 * stock's 1.234 is ambiguous, but quantity's 0.5 proves a dot
	 * decimal in this file: stock follows the file.  In a money column
	 * 1.234 cannot have three decimals: it is 1234 pesos whatever the
	 * rest of the file says.
	 */
	assert_int_equal(load(db, "fecha,boleta,sku,cantidad,stock,total\n"
	    "01-10-2025,2,A,0.5,1.234,100\n", AYNI_UPLOAD_UPSERT, 0, &r,
	    &err), 0);
	assert_query(db, "SELECT quantity, stock, price_total FROM"
	    " raw_transactions WHERE transaction_id = '2'", "500|1234|10000");
	assert_int_equal(load(db, "fecha,boleta,sku,cantidad,total\n"
	    "01-10-2025,4,A,0.5,1.234\n", AYNI_UPLOAD_UPSERT, 0, &r, &err),
	    0);
	assert_query(db, "SELECT quantity, price_total FROM raw_transactions"
	    " WHERE transaction_id = '4'", "500|123400");
	/* A value late in the file decides the whole column. */
	assert_int_equal(load(db, "fecha;boleta;sku;cantidad;total\n"
	    "01-10-2025;3;A;1;1.500\n01-10-2025;3;B;1;2.250,5\n",
	    AYNI_UPLOAD_UPSERT, 0, &r, &err), 0);
	assert_query(db, "SELECT group_concat(price_total, ',') FROM"
	    " (SELECT price_total FROM raw_transactions WHERE"
	    " transaction_id = '3' ORDER BY line_no)", "150000,225050");
}

static void
test_month_first_proven(void **state)
{
	ayni_db *db = *state;
	ayni_upload_result r;
	ayni_error err;

	/* 10/25/2025 proves month-first, so 10/02/2025 is October 2nd. */
	assert_int_equal(load(db, "date,ticket,sku,qty,total\n"
	    "10/02/2025 09:30,1,A,1,100\n10/25/2025,2,A,1,100\n",
	    AYNI_UPLOAD_UPSERT, 0, &r, &err), 0);
	assert_query(db, "SELECT transaction_date FROM raw_transactions"
	    " ORDER BY line_no", "2025-10-02 09:30:00\n2025-10-25 00:00:00");
	assert_string_equal(r.first_date, "2025-10-02");
	assert_string_equal(r.last_date, "2025-10-25");
}

static void
test_returns_flagged(void **state)
{
	ayni_db *db = *state;
	ayni_upload_result r;
	ayni_error err;

	assert_int_equal(load(db, "fecha;boleta;sku;cantidad;total;tipo\n"
	    "01-10-2025;1;A;1;100;Venta\n"
	    "01-10-2025;2;A;1;100;Devolución\n"
	    "01-10-2025;3;A;1;-100;NOTA DE CREDITO\n"
	    "01-10-2025;4;A;1;100;nc\n", AYNI_UPLOAD_UPSERT, 0, &r, &err), 0);
	assert_query(db, "SELECT group_concat(is_return, '') FROM"
	    " (SELECT is_return FROM raw_transactions ORDER BY line_no)",
	    "0111");
}

static void
test_return_signs(void **state)
{
	ayni_db *db = *state;
	ayni_upload_result r;
	ayni_error err;

	/*
	 * Credit notes come with negative totals, positive ones, or mixed
	 * on one line: all are stored as magnitudes, no discount is made up
	 * from a sign, and a given margin follows the total's sign (line 4:
	 * the return of a sale that lost 200 keeps margin -200).
	 */
	assert_int_equal(load(db, "fecha;boleta;sku;cantidad;total;tipo;"
	    "costo unitario;precio unitario;utilidad\n"
	    "08-10-2025;1;A;1;-1.000;devolucion;500;1.000;\n"
	    "08-10-2025;2;A;-1;-1.000;NC;-500;-1.000;\n"
	    "08-10-2025;3;A;1;1.000;NC;500;1.000;\n"
	    "08-10-2025;4;A;1;-800;NC;1.000;800;200\n", AYNI_UPLOAD_UPSERT,
	    0, &r, &err), 0);
	assert_query(db, "SELECT quantity, price_total, cost_total,"
	    " discount_total, margin FROM raw_transactions ORDER BY line_no",
	    "1000|100000|50000|0|50000\n1000|100000|50000|0|50000\n"
	    "1000|100000|50000|0|50000\n1000|80000|100000|0|-20000");
}

static void
test_occurrences_and_upsert(void **state)
{
	ayni_db *db = *state;
	ayni_upload_result r;
	ayni_error err;
	/* Ticket 7 sells A twice on two lines: two keys, occurrence 1, 2. */
	const char *csv = "fecha;boleta;sku;cantidad;total\n"
	    "01-10-2025;7;A;1;100\n01-10-2025;7;A;2;200\n"
	    "01-10-2025;7;B;1;50\n";

	assert_int_equal(load(db, csv, AYNI_UPLOAD_UPSERT, 0, &r, &err), 0);
	assert_int_equal(r.rows_inserted, 3);
	assert_query(db, "SELECT product_id, occurrence, quantity FROM"
	    " raw_transactions ORDER BY line_no", "A|1|1000\nA|2|2000\nB|1|1000");
	/* The same file again: every line updated, nothing added. */
	assert_int_equal(load(db, csv, AYNI_UPLOAD_UPSERT, 0, &r, &err), 0);
	assert_int_equal(r.rows_inserted, 0);
	assert_int_equal(r.rows_updated, 3);
	assert_query(db, "SELECT count(*), sum(price_total) FROM"
	    " raw_transactions", "3|35000");
	/* Nothing changed, so the lines still belong to the first upload. */
	assert_query(db, "SELECT group_concat(DISTINCT upload_id) FROM"
	    " raw_transactions", "1");
	/* A corrected export: the second A line changed, a C line added. */
	assert_int_equal(load(db, "fecha;boleta;sku;cantidad;total\n"
	    "01-10-2025;7;A;1;100\n01-10-2025;7;A;3;300\n"
	    "01-10-2025;7;B;1;50\n01-10-2025;7;C;1;10\n", AYNI_UPLOAD_UPSERT,
	    0, &r, &err), 0);
	assert_int_equal(r.rows_inserted, 1);
	assert_int_equal(r.rows_updated, 3);
	assert_query(db, "SELECT count(*), sum(price_total) FROM"
	    " raw_transactions", "4|46000");
	/* Only the changed and the new line moved to the third upload. */
	assert_query(db, "SELECT product_id, occurrence, upload_id FROM"
	    " raw_transactions ORDER BY product_id, occurrence",
	    "A|1|1\nA|2|3\nB|1|1\nC|1|3");
	/* data_updates of that last upload, month level. */
	assert_query(db, "SELECT period, rows_before, rows_after, rows_added,"
	    " rows_updated, rows_deleted FROM data_updates WHERE upload_id ="
	    " (SELECT max(id) FROM uploads) AND period_type = 'monthly'",
	    "2025-10|3|4|1|3|0");
}

static void
test_replace_mode(void **state)
{
	ayni_db *db = *state;
	ayni_upload_result r;
	ayni_error err;

	assert_int_equal(load(db, "fecha;boleta;sku;cantidad;total\n"
	    "30-09-2025;1;A;1;100\n01-10-2025;2;A;1;100\n"
	    "02-10-2025;3;A;1;100\n03-10-2025;4;A;1;100\n",
	    AYNI_UPLOAD_UPSERT, 0, &r, &err), 0);
	/* Replace 01..02 October: ticket 5 instead of 2 and 3. */
	assert_int_equal(load(db, "fecha;boleta;sku;cantidad;total\n"
	    "01-10-2025;5;A;1;700\n02-10-2025;5;B;1;1\n",
	    AYNI_UPLOAD_REPLACE, 0, &r, &err), 0);
	assert_int_equal(r.rows_deleted, 2);
	assert_int_equal(r.rows_inserted, 2);
	assert_query(db, "SELECT group_concat(transaction_id, ',') FROM"
	    " (SELECT transaction_id FROM raw_transactions ORDER BY"
	    " transaction_date, product_id)", "1,5,5,4");
	assert_query(db, "SELECT period, rows_before, rows_after, rows_added,"
	    " rows_deleted FROM data_updates WHERE upload_id = (SELECT max(id)"
	    " FROM uploads) AND period_type = 'daily' ORDER BY period",
	    "2025-10-01|1|1|1|1\n2025-10-02|1|1|1|1");
	/* The other company is untouched by company 1's replace. */
	assert_query(db, "SELECT count(*) FROM raw_transactions"
	    " WHERE company_id <> 1", "0");
}

static void
test_bad_file_stores_nothing(void **state)
{
	ayni_db *db = *state;
	ayni_upload_result r;
	ayni_error err;

	assert_int_equal(load(db, "fecha;boleta;sku;cantidad;total\n"
	    "01-10-2025;1;A;1;100\n"
	    "01-10-2025;2;A;1;1e400\n", AYNI_UPLOAD_UPSERT, 0, &r, &err),
	    AYNI_EDATA);
	assert_int_equal(r.rows_rejected, 1);
	assert_int_equal(r.rows_inserted, 0);
	assert_int_equal(r.nerrors, 1);
	assert_string_equal(r.errors[0], "t.csv:3: field 'in_price_total'"
	    " (header 'total'): '1e400' is not a number");
	assert_string_equal(r.status, "failed");
	assert_query(db, "SELECT count(*) FROM raw_transactions", "0");
	assert_query(db, "SELECT status, error_rows FROM uploads", "failed|1");
	/* A file without a required column says which. */
	assert_int_equal(load(db, "fecha;boleta;cantidad;total\n"
	    "01-10-2025;1;1;100\n", AYNI_UPLOAD_UPSERT, 0, &r, &err),
	    AYNI_EDATA);
	assert_non_null(strstr(err.msg, "in_product_id"));
	/* Extra values past the header's columns are an error, not lost. */
	assert_int_equal(load(db, "fecha;boleta;sku;cantidad;total\n"
	    "01-10-2025;1;A;1;100;sobra\n", AYNI_UPLOAD_UPSERT, 0, &r, &err),
	    AYNI_EDATA);
	assert_string_equal(r.errors[0], "t.csv:2: expected 5 fields, found 6"
	    " ('sobra' after the last column)");
}

static void
test_absurd_amounts_refused(void **state)
{
	ayni_db *db = *state;
	ayni_upload_result r;
	ayni_error err;

	assert_int_equal(load(db, "fecha,boleta,sku,cantidad,total\n"
	    "2025-02-01,B1,P,1,90000000000000000\n", AYNI_UPLOAD_UPSERT, 0,
	    &r, &err), AYNI_EDATA);
	assert_string_equal(r.errors[0], "t.csv:2: field 'in_price_total'"
	    " (header 'total'): '90000000000000000' is too large for one"
	    " sales line");
	assert_query(db, "SELECT count(*) FROM raw_transactions", "0");
}

static void
test_dry_run(void **state)
{
	ayni_db *db = *state;
	ayni_upload_result r;
	ayni_error err;

	assert_int_equal(load(db, "fecha;boleta;sku;cantidad;total\n"
	    "01-10-2025;1;A;1;100\n", AYNI_UPLOAD_UPSERT, 1, &r, &err), 0);
	assert_string_equal(r.status, "dry-run");
	assert_int_equal(r.rows_inserted, 1);
	assert_int_equal(r.upload_id, 0);
	assert_query(db, "SELECT count(*) FROM raw_transactions", "0");
	assert_query(db, "SELECT count(*) FROM uploads", "0");
}

static void
test_one_active_upload(void **state)
{
	ayni_db *db = *state;
	ayni_upload_result r;
	ayni_error err;
	char sql[256];

	/* An active upload by this very process (alive, so not reaped). */
	snprintf(sql, sizeof(sql), "INSERT INTO uploads (company_id, filename,"
	    " status, pid, host, created_at, started_at) VALUES (1, 'x.csv',"
	    " 'processing', %ld, 'elsewhere', 'n', '2026-01-01 10:00:00')",
	    (long)getpid());
	assert_int_equal(sqlite3_exec(ayni_db_handle(db), sql, NULL, NULL,
	    NULL), SQLITE_OK);
	assert_int_equal(load(db, "fecha;boleta;sku;cantidad;total\n"
	    "01-10-2025;1;A;1;100\n", AYNI_UPLOAD_UPSERT, 0, &r, &err),
	    AYNI_EBUSY);
	assert_string_equal(err.msg, "upload 1 ('x.csv') is still processing"
	    " for this company, since 2026-01-01 10:00:00: wait for it to"
	    " finish");
}

/*
 * uplock.c: a running upload's lock is seen from another descriptor (as
 * another process or container sees it), and is gone once released --
 * as when the process dies.  Where there is no file, nobody can tell.
 */
static void
test_upload_lock(void **state)
{
	char dir[] = "/tmp/ayni-uplock.XXXXXX", db[64], lock[80];
	ayni_error err;
	int fd = -1;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(db, sizeof(db), "%s/a.db", dir);
	snprintf(lock, sizeof(lock), "%s-lock", db);
	assert_int_equal(ayni_uplock_alive(":memory:", 7), -1);
	assert_int_equal(ayni_uplock_alive(db, 7), 0);
	assert_int_equal(ayni_uplock_hold(db, 7, &fd, &err), 0);
	assert_true(fd >= 0);
	assert_int_equal(ayni_uplock_alive(db, 7), 1);
	assert_int_equal(ayni_uplock_alive(db, 8), 0);
	ayni_uplock_release(fd);
	assert_int_equal(ayni_uplock_alive(db, 7), 0);
	unlink(lock);
	rmdir(dir);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_inference, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(
		    test_chilean_default_and_file_evidence, setup, teardown),
		cmocka_unit_test_setup_teardown(test_month_first_proven,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_returns_flagged, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_return_signs, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_occurrences_and_upsert,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_replace_mode, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_bad_file_stores_nothing,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_absurd_amounts_refused,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_dry_run, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_one_active_upload, setup,
		    teardown),
		cmocka_unit_test(test_upload_lock),
	};

	return cmocka_run_group_tests_name("upload", tests, NULL, NULL);
}
