/*
 * test_upload.c - the upload core on an in-memory database: inference,
 * returns, occurrence keys, upsert and replace, data_updates, decimal and
 * date decisions over the whole file, dry runs, and that a bad file
 * stores nothing.
 */
#include <errno.h>
#include <pthread.h>
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
#include "ayni/aggregate.h"
#include "ayni/mapping.h"
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

/* Upload text as a file named "t.csv" into company 1, with options o. */
static int
load_with(ayni_db *db, const char *text, ayni_upload_opts *o,
    ayni_upload_result *res, ayni_error *err)
{
	FILE *fp = fmemopen((void *)text, strlen(text), "r");
	int rc;

	assert_non_null(fp);
	o->name = "t.csv";
	o->company_id = 1;
	rc = ayni_upload_run(db, fp, o, res, err);
	fclose(fp);
	return rc;
}

static int
load(ayni_db *db, const char *text, ayni_upload_mode mode, int dry,
    ayni_upload_result *res, ayni_error *err)
{
	ayni_upload_opts o;

	memset(&o, 0, sizeof(o));
	o.mode = mode;
	o.dry_run = dry;
	return load_with(db, text, &o, res, err);
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
	/* The same file again: every line unchanged, nothing written. */
	assert_int_equal(load(db, csv, AYNI_UPLOAD_UPSERT, 0, &r, &err), 0);
	assert_int_equal(r.rows_inserted, 0);
	assert_int_equal(r.rows_updated, 0);
	assert_int_equal(r.rows_unchanged, 3);
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
	assert_int_equal(r.rows_updated, 1);
	assert_int_equal(r.rows_unchanged, 2);
	assert_query(db, "SELECT count(*), sum(price_total) FROM"
	    " raw_transactions", "4|46000");
	/* Only the changed and the new line moved to the third upload. */
	assert_query(db, "SELECT product_id, occurrence, upload_id FROM"
	    " raw_transactions ORDER BY product_id, occurrence",
	    "A|1|1\nA|2|3\nB|1|1\nC|1|3");
	/*
	 * The data transaction ran with foreign keys unchecked (upload.c):
	 * what it wrote refers to rows that exist, and the connection has
	 * them checked again afterwards.
	 */
	assert_query(db, "PRAGMA foreign_key_check", "");
	assert_query(db, "PRAGMA foreign_keys", "1");
	/* data_updates of that last upload, month level. */
	assert_query(db, "SELECT period, rows_before, rows_after, rows_added,"
	    " rows_updated, rows_deleted FROM data_updates WHERE upload_id ="
	    " (SELECT max(id) FROM uploads) AND period_type = 'monthly'",
	    "2025-10|3|4|1|1|0");
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

/* Upload with replace options. */
static int
load_replace(ayni_db *db, const char *text, ayni_replace_period period,
    const char *from, const char *to, ayni_upload_result *res,
    ayni_error *err)
{
	ayni_upload_opts o;

	memset(&o, 0, sizeof(o));
	o.mode = AYNI_UPLOAD_REPLACE;
	o.replace_period = period;
	o.replace_from = from;
	o.replace_to = to;
	return load_with(db, text, &o, res, err);
}

static void
assert_verified(ayni_db *db)
{
	ayni_error err;
	long ndiff = -1;

	if (ayni_aggregate_verify(db, 1, &ndiff, &err) != 0)
		fail_msg("verify: %s", err.msg);
	assert_int_equal(ndiff, 0);
}

/* Each collision that lost a sale with the version 2 key. */
static void
test_key_collisions(void **state)
{
	ayni_db *db = *state;
	ayni_upload_result r;
	ayni_error err;

	/* boleta 1200 and factura 1200, same product, same day */
	assert_int_equal(load(db, "fecha;tipo dte;folio;sku;cantidad;total\n"
	    "01-10-2025;39;1200;A;1;100\n", AYNI_UPLOAD_UPSERT, 0, &r, &err),
	    0);
	assert_int_equal(load(db, "fecha;tipo dte;folio;sku;cantidad;total\n"
	    "01-10-2025;33;1200;A;3;900\n", AYNI_UPLOAD_UPSERT, 0, &r, &err),
	    0);
	assert_int_equal(r.rows_inserted, 1);
	assert_int_equal(r.rows_updated, 0);
	/* ticket 1 of two days, and of two cash registers */
	assert_int_equal(load(db, "fecha;caja;ticket;sku;cantidad;total\n"
	    "02-10-2025;1;1;A;1;10\n02-10-2025;2;1;A;1;20\n",
	    AYNI_UPLOAD_UPSERT, 0, &r, &err), 0);
	assert_int_equal(r.rows_inserted, 2);
	assert_int_equal(r.rows_other_day, 0);
	assert_int_equal(load(db, "fecha;caja;ticket;sku;cantidad;total\n"
	    "03-10-2025;1;1;A;1;30\n", AYNI_UPLOAD_UPSERT, 0, &r, &err), 0);
	assert_int_equal(r.rows_inserted, 1);
	assert_int_equal(r.rows_other_day, 1);
	assert_query(db, "SELECT transaction_date, branch, doc_type,"
	    " transaction_id, price_total FROM raw_transactions ORDER BY id",
	    "2025-10-01 00:00:00||39|1200|10000\n"
	    "2025-10-01 00:00:00||33|1200|90000\n"
	    "2025-10-02 00:00:00|1||1|1000\n"
	    "2025-10-02 00:00:00|2||1|2000\n"
	    "2025-10-03 00:00:00|1||1|3000");
	/* five different sales, not two */
	assert_query(db, "SELECT transactions, revenue FROM"
	    " monthly_aggregations WHERE company_id = 1", "5|106000");
	assert_verified(db);
	/* a nota de crédito by its SII code is a return */
	assert_int_equal(load(db, "fecha;tipo dte;folio;sku;cantidad;total\n"
	    "04-10-2025;61;77;A;1;100\n", AYNI_UPLOAD_UPSERT, 0, &r, &err),
	    0);
	assert_query(db, "SELECT is_return FROM raw_transactions WHERE"
	    " transaction_id = '77'", "1");
	assert_verified(db);
	/*
	 * A ticket and product on two days of one file, neither stored
	 * before: lines are stored one by one as the merge goes, but only
	 * those stored before the upload count as "another day".
	 */
	assert_int_equal(load(db, "fecha;caja;ticket;sku;cantidad;total\n"
	    "06-10-2025;1;5;B;1;10\n05-10-2025;1;5;B;1;10\n"
	    "05-10-2025;1;5;B;1;10\n", AYNI_UPLOAD_UPSERT, 0, &r, &err), 0);
	assert_int_equal(r.rows_inserted, 3);
	assert_int_equal(r.rows_other_day, 0);
	/* stored now: the same lines unchanged, one changed, one new day */
	assert_int_equal(load(db, "fecha;caja;ticket;sku;cantidad;total\n"
	    "06-10-2025;1;5;B;1;10\n05-10-2025;1;5;B;1;10\n"
	    "05-10-2025;1;5;B;2;20\n07-10-2025;1;5;B;1;10\n",
	    AYNI_UPLOAD_UPSERT, 0, &r, &err), 0);
	assert_int_equal(r.rows_unchanged, 2);
	assert_int_equal(r.rows_updated, 1);
	assert_int_equal(r.rows_inserted, 1);
	assert_int_equal(r.rows_other_day, 1);
	assert_query(db, "SELECT substr(transaction_date, 1, 10), occurrence,"
	    " quantity FROM raw_transactions WHERE transaction_id = '5'"
	    " ORDER BY 1, 2", "2025-10-05|1|1000\n2025-10-05|2|2000\n"
	    "2025-10-06|1|1000\n2025-10-07|1|1000");
	assert_verified(db);
}

static void
test_replace_periods(void **state)
{
	ayni_db *db = *state;
	ayni_upload_result r;
	ayni_error err;

	assert_int_equal(load(db, "fecha;ticket;sku;cantidad;total\n"
	    "30-09-2025;1;A;1;1\n01-10-2025;2;A;1;1\n15-10-2025;3;A;1;1\n"
	    "31-10-2025;4;A;1;1\n01-11-2025;5;A;1;1\n", AYNI_UPLOAD_UPSERT,
	    0, &r, &err), 0);
	/* by day: the 1st to the 15th, not the 31st */
	assert_int_equal(load_replace(db, "fecha;ticket;sku;cantidad;total\n"
	    "01-10-2025;9;A;1;1\n15-10-2025;9;B;1;1\n", AYNI_REPLACE_DAY,
	    NULL, NULL, &r, &err), 0);
	assert_int_equal(r.rows_deleted, 2);
	assert_query(db, "SELECT group_concat(transaction_id, '') FROM"
	    " (SELECT * FROM raw_transactions ORDER BY transaction_date, id)",
	    "19945");
	/* by month: all of October */
	assert_int_equal(load_replace(db, "fecha;ticket;sku;cantidad;total\n"
	    "10-10-2025;8;A;1;1\n", AYNI_REPLACE_MONTH, NULL, NULL, &r,
	    &err), 0);
	assert_int_equal(r.rows_deleted, 3);
	assert_query(db, "SELECT group_concat(transaction_id, '') FROM"
	    " (SELECT * FROM raw_transactions ORDER BY transaction_date, id)",
	    "185");
	/* an explicit range may be wider than the file, never narrower */
	assert_int_equal(load_replace(db, "fecha;ticket;sku;cantidad;total\n"
	    "10-10-2025;7;A;1;1\n", AYNI_REPLACE_RANGE, "2025-09-01",
	    "2025-10-31", &r, &err), 0);
	assert_int_equal(r.rows_deleted, 2);
	assert_int_equal(load_replace(db, "fecha;ticket;sku;cantidad;total\n"
	    "10-10-2025;7;A;1;1\n", AYNI_REPLACE_RANGE, "2025-10-11",
	    "2025-10-31", &r, &err), AYNI_EDATA);
	assert_query(db, "SELECT group_concat(transaction_id, '') FROM"
	    " (SELECT * FROM raw_transactions ORDER BY transaction_date, id)",
	    "75");
	assert_verified(db);
}

static void
test_delete_leaves_trace(void **state)
{
	ayni_db *db = *state;
	ayni_upload_result r;
	ayni_upload_deletion d;
	ayni_error err;
	int64_t id;

	assert_int_equal(load(db, "fecha;ticket;sku;cantidad;total\n"
	    "30-09-2025;1;A;1;1\n01-10-2025;2;A;1;1\n",
	    AYNI_UPLOAD_UPSERT, 0, &r, &err), 0);
	id = r.upload_id;
	/* a later upload that changes line 2 takes it over */
	assert_int_equal(load(db, "fecha;ticket;sku;cantidad;total\n"
	    "01-10-2025;2;A;1;5\n", AYNI_UPLOAD_UPSERT, 0, &r, &err), 0);
	assert_int_equal(ayni_upload_delete(db, 1, id, 0, 1, &d, &err), 0);
	assert_string_equal(d.status, "dry-run");
	assert_int_equal(d.rows_deleted, 1);
	assert_string_equal(d.months, "2025-09: 1");
	assert_query(db, "SELECT count(*) FROM raw_transactions", "2");
	assert_int_equal(ayni_upload_delete(db, 1, id, 0, 0, &d, &err), 0);
	assert_string_equal(d.status, "deleted");
	assert_query(db, "SELECT transaction_id FROM raw_transactions", "2");
	assert_query(db, "SELECT status, removed_rows, deleted_at IS NOT NULL"
	    " FROM uploads WHERE id = 1", "deleted|1|1");
	assert_query(db, "SELECT period, rows_before, rows_after, rows_deleted"
	    " FROM data_updates WHERE upload_id = 1 AND action = 'delete'"
	    " AND period_type = 'monthly'", "2025-09|1|0|1");
	assert_int_equal(ayni_upload_delete(db, 1, id, 0, 0, &d, &err),
	    AYNI_EEXISTS);
	assert_int_equal(ayni_upload_delete(db, 2, r.upload_id, 0, 0, &d,
	    &err), AYNI_ENOTFOUND);
	assert_verified(db);
}

/* --returns replaces the built-in markers; negative lines without any. */
static void
test_returns_pattern(void **state)
{
	ayni_db *db = *state;
	ayni_upload_opts o;
	ayni_upload_result r;
	ayni_error err;
	const char *csv = "fecha;boleta;sku;cantidad;total;tipo\n"
	    "01-10-2025;1;A;1;100;VTA\n01-10-2025;2;A;1;100;DEV\n"
	    "01-10-2025;3;A;1;100;devolucion\n";

	assert_int_equal(load(db, csv, AYNI_UPLOAD_UPSERT, 0, &r, &err), 0);
	assert_query(db, "SELECT group_concat(is_return, '') FROM"
	    " (SELECT * FROM raw_transactions ORDER BY line_no)", "001");
	memset(&o, 0, sizeof(o));
	o.returns = "^dev$";
	assert_int_equal(load_with(db, csv, &o, &r, &err), 0);
	assert_int_equal(r.rows_updated, 2);
	assert_query(db, "SELECT group_concat(is_return, '') FROM"
	    " (SELECT * FROM raw_transactions ORDER BY line_no)", "010");
	assert_query(db, "SELECT json_extract(dialect, '$.returns') FROM"
	    " uploads WHERE id = 2", "^dev$");
	memset(&o, 0, sizeof(o));
	o.returns = "(dev";
	assert_int_equal(load_with(db, csv, &o, &r, &err), AYNI_EUSAGE);
	assert_string_equal(err.msg, "invalid returns pattern '(dev' at "
	    "offset 4: missing closing parenthesis");
	/* no type column at all: negative quantity and total is a return */
	assert_int_equal(load(db, "fecha;boleta;sku;cantidad;total\n"
	    "02-10-2025;9;A;-2;-200\n02-10-2025;9;B;-1;50\n",
	    AYNI_UPLOAD_UPSERT, 0, &r, &err), 0);
	assert_query(db, "SELECT product_id, is_return, quantity, price_total"
	    " FROM raw_transactions WHERE transaction_id = '9' ORDER BY"
	    " product_id", "A|1|2000|20000\nB|0|-1000|5000");
	assert_verified(db);
}

/* Revenue is net of IVA: a net column first, else gross minus tax. */
static void
test_net_not_gross(void **state)
{
	ayni_db *db = *state;
	ayni_upload_opts o;
	ayni_upload_result r;
	ayni_error err;

	assert_int_equal(load(db, "Fecha;Ticket;SKU;Cantidad;Total;IVA\n"
	    "01-10-2025;1;A;1;1.190;190\n01-10-2025;2;A;-1;-1.190;-190\n",
	    AYNI_UPLOAD_UPSERT, 0, &r, &err), 0);
	assert_query(db, "SELECT price_total, is_return FROM raw_transactions"
	    " ORDER BY line_no", "100000|0\n100000|1");
	assert_int_equal(load(db, "Fecha de Emisi\xc3\xb3n;Tipo Documento;"
	    "N\xc2\xb0 Documento;SKU;Cantidad;Subtotal Neto;IVA;Total\n"
	    "02-10-2025;Boleta Electr\xc3\xb3nica;7;B;2;2.000;380;2.380\n",
	    AYNI_UPLOAD_UPSERT, 0, &r, &err), 0);
	assert_query(db, "SELECT doc_type, price_total FROM raw_transactions"
	    " WHERE transaction_id = '7'", "Boleta Electr\xc3\xb3nica|200000");
	/* a mapping that names the column is taken at its word */
	memset(&o, 0, sizeof(o));
	o.mapping = NULL;
	{
		ayni_mapping m;

		memset(&m, 0, sizeof(m));
		assert_int_equal(ayni_mapping_add_pair(&m,
		    "in_price_total=Total", &err), 0);
		o.mapping = &m;
		assert_int_equal(load_with(db, "Fecha;Ticket;SKU;Cantidad;"
		    "Total;IVA\n03-10-2025;3;A;1;1.190;190\n", &o, &r, &err),
		    0);
		ayni_mapping_release(&m);
	}
	assert_query(db, "SELECT price_total FROM raw_transactions WHERE"
	    " transaction_id = '3'", "119000");
	assert_verified(db);
}

/* Dates with no evidence of their order, and Excel serial numbers. */
static void
test_date_guesses(void **state)
{
	ayni_db *db = *state;
	ayni_upload_result r;
	ayni_error err;

	/* English headers and decimal points: a US export, month first */
	assert_int_equal(load(db, "Date,Order,SKU,Qty,Total\n"
	    "03/04/2025,1,A,1,10.50\n03/05/2025,2,A,2,21.00\n",
	    AYNI_UPLOAD_UPSERT, 0, &r, &err), 0);
	assert_query(db, "SELECT substr(transaction_date, 1, 10) FROM"
	    " raw_transactions ORDER BY line_no", "2025-03-04\n2025-03-05");
	/* the same dates in a Chilean file: day first */
	assert_int_equal(load(db, "fecha;boleta;sku;cantidad;total\n"
	    "03/04/2025;7;A;1;1.050\n", AYNI_UPLOAD_UPSERT, 0, &r, &err), 0);
	assert_query(db, "SELECT transaction_date FROM raw_transactions"
	    " WHERE transaction_id = '7'", "2025-04-03 00:00:00");
	/* a date column that Excel turned into serial numbers */
	assert_int_equal(load(db, "fecha;boleta;sku;cantidad;total\n"
	    "45933;8;A;1;100\n45934,75;9;A;1;100\n", AYNI_UPLOAD_UPSERT, 0,
	    &r, &err), 0);
	assert_query(db, "SELECT transaction_date FROM raw_transactions"
	    " WHERE transaction_id IN ('8', '9') ORDER BY line_no",
	    "2025-10-03 00:00:00\n2025-10-04 18:00:00");
	assert_query(db, "SELECT json_extract(dialect, '$.date_order') FROM"
	    " uploads ORDER BY id", "month-first\nday-first\nexcel-serial");
	assert_verified(db);
}

/* Warnings an upload gave, one per line. */
static char warnings[2048];

static void
capture(void *arg, const ayni_upload_progress *p)
{
	size_t n = strlen(warnings);

	(void)arg;
	if (p->event == AYNI_UPLOAD_EV_WARNING)
		snprintf(warnings + n, sizeof(warnings) - n, "%s\n",
		    p->message);
}

/* Decimal marks decided across columns, and a guess said out loud. */
static void
test_marks_across_columns(void **state)
{
	ayni_db *db = *state;
	ayni_upload_opts o;
	ayni_upload_result r;
	ayni_error err;

	/* a butcher's scale: 1.250 kg at 15990 for 19988 is 1,25 kg */
	memset(&o, 0, sizeof(o));
	o.progress = capture;
	warnings[0] = '\0';
	assert_int_equal(load_with(db, "Fecha;Boleta;PLU;Cantidad;Precio;"
	    "Total\n14-10-2025;1;101;1.250;15990;19988\n"
	    "14-10-2025;2;102;2.100;12990;27279\n"
	    "14-10-2025;3;103;1;4990;4990\n", &o, &r, &err), 0);
	assert_query(db, "SELECT quantity, price_unit, price_total FROM"
	    " raw_transactions ORDER BY line_no", "1250|1599000|1998800\n"
	    "2100|1299000|2727900\n1000|499000|499000");
	assert_query(db, "SELECT json_extract(dialect, '$.decimal.in_quantity')"
	    " || json_extract(dialect, '$.columns.in_price_unit') FROM"
	    " uploads", ".Precio");
	assert_string_equal(warnings, "");
	/* no unit price, nothing else to tell: read the Chilean way, said */
	memset(&o, 0, sizeof(o));
	o.progress = capture;
	assert_int_equal(load_with(db, "fecha;boleta;sku;cantidad;total\n"
	    "15-10-2025;9;A;1.250;1000\n", &o, &r, &err), 0);
	assert_query(db, "SELECT quantity FROM raw_transactions WHERE"
	    " transaction_id = '9'", "1250000");
	assert_string_equal(warnings, "t.csv: nothing shows whether '1.250' "
	    "in 'cantidad' has a decimal point or a thousands point; read "
	    "'.' as thousands, as in Chile; if not, give --decimal .\n");
	assert_verified(db);
}

/* Shopify's orders export: order totals only on the first row. */
static void
test_shopify(void **state)
{
	ayni_db *db = *state;
	ayni_upload_result r;
	ayni_error err;

	assert_int_equal(load(db, "Name,Email,Financial Status,Paid at,"
	    "Currency,Subtotal,Shipping,Taxes,Total,Discount Code,"
	    "Discount Amount,Created at,Lineitem quantity,Lineitem name,"
	    "Lineitem price,Lineitem sku\n"
	    "#1001,ana@example.cl,paid,2025-10-03 14:25:00 -0300,CLP,"
	    "35970.00,3990.00,5743.00,39960.00,OTONO,2000.00,"
	    "2025-10-03 14:22:01 -0300,2,Taza de cer\xc3\xa1mica,12990.00,"
	    "TZ-01\n"
	    "#1001,ana@example.cl,,,,,,,,,,2025-10-03 14:22:01 -0300,1,"
	    "Posavasos de cobre,9990.00,\n"
	    "#1002,juan@example.cl,paid,,CLP,4990.00,0.00,797.00,4990.00,,"
	    "0.00,2025-10-04T09:00:00Z,1,Vela de soya,4990.00,VL-07\n",
	    AYNI_UPLOAD_UPSERT, 0, &r, &err), 0);
	assert_int_equal(r.rows_inserted, 3);
	assert_query(db, "SELECT transaction_id, transaction_date, product_id,"
	    " quantity, price_unit, price_total, discount_total, customer_id"
	    " FROM raw_transactions ORDER BY line_no",
	    "#1001|2025-10-03 14:22:01|TZ-01|2000|1299000|2398000|200000|"
	    "ana@example.cl\n"
	    "#1001|2025-10-03 14:22:01|Posavasos de cobre|1000|999000|999000|"
	    "0|ana@example.cl\n"
	    "#1002|2025-10-04 09:00:00|VL-07|1000|499000|499000|0|"
	    "juan@example.cl");
	/* the orders' revenue: 35970 - 2000 and 4990 */
	assert_query(db, "SELECT sum(price_total) FROM raw_transactions",
	    "3896000");
	assert_query(db, "SELECT json_extract(dialect, '$.export') FROM"
	    " uploads", "shopify");
	/* a line item without its price has no revenue to compute */
	assert_int_equal(load(db, "Name,Created at,Lineitem quantity,"
	    "Lineitem price,Lineitem sku\n#1003,2025-10-05 10:00:00,1,,X\n",
	    AYNI_UPLOAD_UPSERT, 0, &r, &err), AYNI_EDATA);
	assert_string_equal(r.errors[0], "t.csv:2: field 'in_price_unit' "
	    "(header 'Lineitem price'): empty, and the file has no line total "
	    "to read instead");
	assert_verified(db);
}

/* A report's title above the header, its totals below the sales. */
static void
test_preamble_and_footer(void **state)
{
	ayni_db *db = *state;
	ayni_upload_opts o;
	ayni_upload_result r;
	ayni_error err;

	memset(&o, 0, sizeof(o));
	o.progress = capture;
	warnings[0] = '\0';
	assert_int_equal(load_with(db, "Reporte de Ventas Detallado\n"
	    "Desde: 01/10/2025;Hasta: 31/10/2025\n\nSucursal Centro\n"
	    "Fecha;Boleta;SKU;Cantidad;Total\n"
	    "16-10-2025;1;A;1;1.000\n17-10-2025;2;B;2;2.000\n;;;;\n"
	    "TOTAL;;;3;3.000\nResumen: 2 boletas;;;;\n", &o, &r, &err), 0);
	assert_int_equal(r.rows_read, 5);
	assert_int_equal(r.rows_inserted, 2);
	assert_int_equal(r.rows_skipped, 3);
	assert_string_equal(warnings, "t.csv:9: 2 total rows below the last "
	    "sale skipped\n");
	assert_query(db, "SELECT json_extract(dialect, '$.header_line'),"
	    " (SELECT group_concat(line_no) FROM raw_transactions) FROM"
	    " uploads", "5|6,7");
	/* Excel's rounded product codes: loaded, and said */
	warnings[0] = '\0';
	assert_int_equal(load_with(db, "Fecha;Boleta;SKU;Cantidad;Total\n"
	    "18-10-2025;5;7,80161E+12;1;1.000\n18-10-2025;5;7,80161E+12;1;"
	    "1.000\n18-10-2025;5;A-1;1;1.000\n", &o, &r, &err), 0);
	assert_string_equal(warnings, "t.csv: 2 product codes look like "
	    "numbers Excel rounded ('7,80161E+12'); different products may "
	    "share one; export the column as text\n");
	/* the same row among the sales is an invalid line */
	assert_int_equal(load(db, "Fecha;Boleta;SKU;Cantidad;Total\n"
	    "16-10-2025;1;A;1;1.000\nTotal;;;1;1.000\n"
	    "17-10-2025;2;B;2;2.000\n", AYNI_UPLOAD_UPSERT, 0, &r, &err),
	    AYNI_EDATA);
	assert_string_equal(r.errors[0], "t.csv:3: a total row ('Total') among "
	    "the sales lines");
	/* no header in the first 50 rows: the first row is named */
	assert_int_equal(load(db, "Reporte\nFecha;Nada\n1;2\n",
	    AYNI_UPLOAD_UPSERT, 0, &r, &err), AYNI_EDATA);
	assert_string_equal(err.msg, "t.csv: missing required fields 'in_dt', "
	    "'in_trans_id', 'in_product_id', 'in_quantity', 'in_price_total'; "
	    "headers found: 'Reporte'; name them with --map FIELD=HEADER");
	assert_verified(db);
}

/*
 * Random files over a few days, branches and document types, uploaded,
 * replaced and deleted in random order: after each step the rollups
 * equal a recomputation from the raw lines, and the summary adds up.
 */
static void
test_randomized_uploads(void **state)
{
	ayni_db *db = *state;
	ayni_upload_result r;
	ayni_upload_deletion d;
	ayni_error err;
	unsigned seed = 12345;
	char *buf;
	size_t len;
	int round, i, rc;

#define RND(n) (seed = seed * 1103515245u + 12345u, (seed >> 16) % (n))
	for (round = 0; round < 40; round++) {
		FILE *fp = open_memstream(&buf, &len);
		int n = 1 + (int)RND(30);

		fputs("fecha;sucursal;tipo documento;ticket;sku;cantidad;total;"
		    "tipo;categoria\n", fp);
		for (i = 0; i < n; i++) {
			unsigned v[9];
			int k;

			/* one draw per value, in a fixed order */
			for (k = 0; k < 9; k++)
				v[k] = RND(24);
			fprintf(fp, "%02u-10-2025 %02u:00;%s;%s;%u;P%u;%u;%u;%s;"
			    "%s\n", 1 + v[0] % 5, v[1], v[2] % 2 ? "" : "B2",
			    v[3] % 3 ? "Boleta" : "Factura", v[4] % 6, v[5] % 4,
			    1 + v[6] % 3, 100 * (1 + v[7] % 9),
			    v[8] % 8 ? "venta" : "devolucion",
			    v[8] % 3 ? "c1" : "");
		}
		fclose(fp);
		switch (RND(6)) {
		case 0:
			rc = load_replace(db, buf, RND(2) ? AYNI_REPLACE_DAY :
			    AYNI_REPLACE_MONTH, NULL, NULL, &r, &err);
			break;
		case 1:
			rc = load_replace(db, buf, AYNI_REPLACE_RANGE,
			    "2025-10-01", "2025-10-06", &r, &err);
			break;
		default:
			rc = load(db, buf, AYNI_UPLOAD_UPSERT, 0, &r, &err);
		}
		free(buf);
		if (rc != 0)
			fail_msg("round %d: %s", round, err.msg);
		assert_int_equal(r.rows_read, r.rows_inserted + r.rows_updated +
		    r.rows_unchanged + r.rows_rejected + r.rows_skipped);
		if (RND(4) == 0) {
			char sql[128];
			int64_t id = 1 + (int64_t)RND((unsigned)r.upload_id);

			snprintf(sql, sizeof(sql), "SELECT count(*) FROM"
			    " uploads WHERE id = %lld AND status = 'deleted'",
			    (long long)id);
			rc = ayni_upload_delete(db, 1, id, 0, 0, &d, &err);
			assert_true(rc == 0 || rc == AYNI_EEXISTS);
			assert_query(db, sql, "1");
		}
		assert_verified(db);
	}
#undef RND
}

/*
 * pthread_create, wrapped at link time (CMakeLists.txt): it fails while
 * no_threads is set, as when a process may start no more threads.
 */
static int no_threads;
int __real_pthread_create(pthread_t *, const pthread_attr_t *,
    void *(*)(void *), void *);
int __wrap_pthread_create(pthread_t *, const pthread_attr_t *,
    void *(*)(void *), void *);

int
__wrap_pthread_create(pthread_t *t, const pthread_attr_t *a,
    void *(*fn)(void *), void *arg)
{
	if (no_threads)
		return EAGAIN;
	return __real_pthread_create(t, a, fn, arg);
}

/*
 * Occurrences against a model: files of lines drawn from a few keys (so
 * that most keys repeat within a file and across files) are uploaded one
 * after another; the k-th line of a key in a file is stored occurrence k,
 * replacing that occurrence's values, and occurrences beyond the file's
 * count stay as they were.  The store numbers them without a table of
 * the file's keys (store.c), so this checks it line by line.
 */
#define NKEYS 12
#define MAXOCC 64
static void
test_occurrences_model(void **state)
{
	ayni_db *db = *state;
	ayni_upload_result r;
	ayni_error err;
	static long model[NKEYS][MAXOCC];
	int nocc[NKEYS] = { 0 };
	unsigned seed = 777;
	char *buf, *want;
	size_t len, wlen;
	int round, i, k;

#define RND(n) (seed = seed * 1103515245u + 12345u, (seed >> 16) % (n))
	for (round = 0; round < 12; round++) {
		FILE *fp = open_memstream(&buf, &len);
		int seen[NKEYS] = { 0 }, n = 1 + (int)RND(200);

		fputs("fecha;ticket;sku;cantidad;total\n", fp);
		for (i = 0; i < n; i++) {
			long total = 1 + (long)RND(9999);

			/* key k: day 1 + k / 6, ticket k / 3 % 2, sku k % 3 */
			k = (int)RND(NKEYS);
			fprintf(fp, "0%d-10-2025;%d;P%d;1;%ld\n", 1 + k / 6,
			    k / 3 % 2, k % 3, total);
			model[k][seen[k]++] = total * 100;
		}
		fclose(fp);
		for (k = 0; k < NKEYS; k++)
			if (seen[k] > nocc[k])
				nocc[k] = seen[k];
		assert_int_equal(load(db, buf, AYNI_UPLOAD_UPSERT, 0, &r, &err),
		    0);
		free(buf);
		fp = open_memstream(&want, &wlen);
		for (k = 0; k < NKEYS; k++)
			for (i = 0; i < nocc[k]; i++)
				fprintf(fp, "%s%d|%d|P%d|%d|%ld", ftell(fp) ?
				    "\n" : "", 1 + k / 6, k / 3 % 2, k % 3,
				    i + 1, model[k][i]);
		fclose(fp);
		assert_query(db, "SELECT CAST(substr(transaction_date, 10, 1)"
		    " AS INTEGER), transaction_id, product_id, occurrence,"
		    " price_total FROM raw_transactions ORDER BY"
		    " transaction_date, transaction_id, product_id, occurrence",
		    want);
		free(want);
		assert_verified(db);
	}
#undef RND
}
#undef NKEYS
#undef MAXOCC

/* The same without the store's reader thread: it reads for itself. */
static void
test_occurrences_model_one_thread(void **state)
{
	no_threads = 1;
	test_occurrences_model(state);
	no_threads = 0;
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
		cmocka_unit_test_setup_teardown(test_key_collisions, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_replace_periods, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_delete_leaves_trace, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_occurrences_model, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(
		    test_occurrences_model_one_thread, setup, teardown),
		cmocka_unit_test_setup_teardown(test_randomized_uploads, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_returns_pattern, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_net_not_gross, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_date_guesses, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_marks_across_columns,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_shopify, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_preamble_and_footer,
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
