/*
 * test_aggregate.c - the rollups of schema/0002_rollups.sql and
 * src/lib/aggregate.c: every level on a small fixture computed by hand
 * (returns, kg, lines without cost, days without customers, a ticket of
 * several products, ISO weeks across year ends), --from/--to cutting
 * periods, the deferred bulk path, and a randomized run of inserts,
 * updates and deletes with verify after each step.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "ayni/aggregate.h"
#include "ayni/db.h"
#include "internal.h"	/* ayni_db_handle */
#include "ayni/output.h"
#include "aggregate_int.h"

static void
exec_sql(ayni_db *db, const char *sql)
{
	char *msg = NULL;

	if (sqlite3_exec(ayni_db_handle(db), sql, NULL, NULL, &msg) !=
	    SQLITE_OK)
		fail_msg("%s: %s", sql, msg);
}

/* A migrated in-memory database with a user, two companies, uploads. */
static ayni_db *
new_db(void)
{
	ayni_db *db;
	ayni_error err;

	assert_int_equal(ayni_db_open(&db, ":memory:", 0, &err), 0);
	exec_sql(db,
	    "INSERT INTO users (id, email, password_hash, created_at,"
	    " updated_at) VALUES (1, 'a@b.cl', '$argon2id$x', 'x', 'x');"
	    "INSERT INTO companies (id, rut, name, created_at, updated_at)"
	    " VALUES (1, '76123456-0', 'Almacen', 'x', 'x'),"
	    " (2, '11111111-1', 'Otra', 'x', 'x');"
	    "INSERT INTO uploads (id, company_id, filename, status,"
	    " created_at) VALUES (1, 1, 'a.csv', 'completed', 'x'),"
	    " (2, 2, 'b.csv', 'completed', 'x');");
	return db;
}

/*
 * Hand-computed fixture, company 1 (money in cents, quantities in
 * thousandths):
 *   2024-12-30 (2025-W01)  T5 P2 2 kg      $2.000            no customer
 *   2025-01-06 (2025-W02)  T1 P1 2 u       $2.000 cost 1.200 C1
 *                          T1 P2 1,088 kg  $1.088 no cost    C1 disc $5
 *                          T2 P1 1 u       $1.000 cost 600
 *   2025-01-07 (2025-W02)  T3 P1 1 u       return $1.000 cost 600  C2
 *                          T4 P3 0,5 u     $500  (no category)
 *                          T4 P4 1 u       $5.000
 *                          T4 P5 9 u       $90
 * plus one line of company 2, which must never show.
 */
static void
load_fixture(ayni_db *db)
{
	exec_sql(db,
	    "INSERT INTO raw_transactions (company_id, upload_id, line_no,"
	    " transaction_date, transaction_id, product_id, is_return,"
	    " customer_id, description, category, quantity, price_total,"
	    " cost_total, margin, discount_total, processed_at) VALUES"
	    " (1, 1, 1, '2024-12-30 10:00:00', 'T5', 'P2', 0, NULL, 'Pan',"
	    "  'Panaderia', 2000, 200000, NULL, NULL, NULL, 'x'),"
	    " (1, 1, 2, '2025-01-06 09:00:00', 'T1', 'P1', 0, 'C1', 'Coca',"
	    "  'Bebidas', 2000, 200000, 120000, 80000, NULL, 'x'),"
	    " (1, 1, 3, '2025-01-06 09:00:00', 'T1', 'P2', 0, 'C1', 'Pan',"
	    "  'Panaderia', 1088, 108800, NULL, NULL, 500, 'x'),"
	    " (1, 1, 4, '2025-01-06 18:30:00', 'T2', 'P1', 0, '', 'Coca',"
	    "  'Bebidas', 1000, 100000, 60000, 40000, NULL, 'x'),"
	    " (1, 1, 5, '2025-01-07 11:00:00', 'T3', 'P1', 1, 'C2', 'Coca',"
	    "  'Bebidas', 1000, 100000, 60000, 40000, NULL, 'x'),"
	    " (1, 1, 6, '2025-01-07 12:00:00', 'T4', 'P3', 0, NULL, NULL,"
	    "  NULL, 500, 50000, NULL, NULL, NULL, 'x'),"
	    " (1, 1, 7, '2025-01-07 12:00:00', 'T4', 'P4', 0, NULL, 'Pisco',"
	    "  'Licores', 1000, 500000, NULL, NULL, NULL, 'x'),"
	    " (1, 1, 8, '2025-01-07 12:00:00', 'T4', 'P5', 0, NULL, 'Agua',"
	    "  'Bebidas', 9000, 9000, NULL, NULL, NULL, 'x'),"
	    " (2, 2, 1, '2025-01-06 10:00:00', 'T1', 'P1', 0, 'C1', 'Coca',"
	    "  'Bebidas', 1000, 99999900, NULL, NULL, NULL, 'x');");
}

/* The report of a level as csv (caller frees). */
static char *
report(ayni_db *db, int64_t company, ayni_agg_level level,
    const char *from, const char *to, long top)
{
	ayni_aggregate_opts o = { level, from, to, top };
	const ayni_column *cols;
	ayni_writer *w;
	ayni_error err;
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);
	int n, rc;

	assert_non_null(fp);
	ayni_aggregate_columns(level, &cols, &n);
	assert_int_equal(ayni_writer_new(&w, fp, AYNI_FORMAT_CSV,
	    AYNI_WRITER_LIST, cols, n, &err), 0);
	rc = ayni_aggregate_write(db, company, &o, w, &err);
	if (rc != 0)
		fail_msg("%s", err.msg);
	assert_int_equal(ayni_writer_finish(w, &err), 0);
	ayni_writer_free(w);
	fclose(fp);
	return buf;
}

static void
assert_report(ayni_db *db, ayni_agg_level level, const char *from,
    const char *to, long top, const char *want)
{
	char *got = report(db, 1, level, from, to, top), *p, *q;

	/* csv lines end in CRLF (RFC 4180); compare as lines */
	for (p = q = got; *p != '\0'; p++)
		if (*p != '\r')
			*q++ = *p;
	*q = '\0';
	if (strcmp(got, want) != 0)
		fail_msg("level %s:\n--- want\n%s--- got\n%s",
		    ayni_agg_level_name(level), want, got);
	free(got);
}

/*
 * verify compares the base tables with a recomputation; the views'
 * logic is checked here, each view against its agg_expected_* twin
 * computed from the raw lines alone.
 */
static void
assert_views_expected(ayni_db *db)
{
	static const char *const pairs[][2] = {
		{ "daily_aggregations", "agg_expected_daily" },
		{ "weekly_aggregations", "agg_expected_weekly" },
		{ "monthly_aggregations", "agg_expected_monthly" },
		{ "quarterly_aggregations", "agg_expected_quarterly" },
		{ "yearly_aggregations", "agg_expected_yearly" },
		{ "product_aggregations", "agg_expected_product" },
		{ "customer_aggregations", "agg_expected_customer" },
		{ "category_aggregations", "agg_expected_category" },
	};
	sqlite3_stmt *st;
	char sql[256];
	size_t i;
	int side;

	for (i = 0; i < sizeof(pairs) / sizeof(pairs[0]); i++)
		for (side = 0; side < 2; side++) {
			snprintf(sql, sizeof(sql), "SELECT count(*) FROM"
			    " (SELECT * FROM %s EXCEPT SELECT * FROM %s)",
			    pairs[i][side], pairs[i][!side]);
			assert_int_equal(sqlite3_prepare_v2(
			    ayni_db_handle(db), sql, -1, &st, NULL),
			    SQLITE_OK);
			assert_int_equal(sqlite3_step(st), SQLITE_ROW);
			if (sqlite3_column_int(st, 0) != 0)
				fail_msg("%s: %d rows", sql,
				    sqlite3_column_int(st, 0));
			sqlite3_finalize(st);
		}
}

static void
assert_verified(ayni_db *db)
{
	ayni_error err;
	long n = -1;

	if (ayni_aggregate_verify(db, 0, &n, &err) != 0)
		fail_msg("verify: %s", err.msg);
	assert_int_equal(n, 0);
	assert_views_expected(db);
}

/* verify finds a base table tampered with; rebuild mends it. */
static void
assert_tamper_found(ayni_db *db, const char *sql, const char *msg)
{
	ayni_error err;
	long n = 0;

	exec_sql(db, sql);
	assert_int_equal(ayni_aggregate_verify(db, 1, &n, &err), AYNI_EDATA);
	assert_true(n > 0);
	if (strstr(err.msg, msg) == NULL)
		fail_msg("'%s' not in '%s'", msg, err.msg);
	assert_int_equal(ayni_aggregate_rebuild(db, 1, &err), 0);
	assert_verified(db);
}

/* Any change sql makes to company 1's rollups is found, and mended. */
static void
assert_tamper_any(ayni_db *db, const char *sql)
{
	ayni_error err;
	long n = 0;

	exec_sql(db, sql);
	if (ayni_aggregate_verify(db, 1, &n, &err) != AYNI_EDATA)
		fail_msg("not found: %s", sql);
	assert_true(n > 0);
	if (ayni_aggregate_verify(db, 2, &n, &err) != 0)
		fail_msg("%s: %s", sql, err.msg);
	assert_int_equal(ayni_aggregate_rebuild(db, 1, &err), 0);
	assert_verified(db);
}

#define TIME_HDR "period,revenue,units,transactions,lines,avg_ticket," \
	"customers,products,cost,margin,margin_pct,discount,returns\n"

static void
test_time_levels(void **state)
{
	ayni_db *db = new_db();

	(void)state;
	load_fixture(db);
	assert_verified(db);
	/*
	 * 2025-01-06: 2.000 + 1.088 + 1.000; 2 tickets; cost 1.800 and
	 * margin 1.200 over the costed revenue 3.000 = 40 %.
	 * 2025-01-07: -1.000 (return) + 500 + 5.000 + 90.
	 */
	assert_report(db, AYNI_AGG_DAY, NULL, NULL, 0, TIME_HDR
	    "2024-12-30,2000,2,1,1,2000,,1,,,,,0\n"
	    "2025-01-06,4088,4.088,2,3,2044,1,2,1800,1200,40,5,0\n"
	    "2025-01-07,4590,9.5,2,4,2295,1,4,-600,-400,40,,1\n");
	assert_report(db, AYNI_AGG_WEEK, NULL, NULL, 0, TIME_HDR
	    "2025-W01,2000,2,1,1,2000,,1,,,,,0\n"
	    "2025-W02,8678,13.588,4,7,2169.5,2,5,1200,800,40,5,1\n");
	assert_report(db, AYNI_AGG_MONTH, NULL, NULL, 0, TIME_HDR
	    "2024-12,2000,2,1,1,2000,,1,,,,,0\n"
	    "2025-01,8678,13.588,4,7,2169.5,2,5,1200,800,40,5,1\n");
	assert_report(db, AYNI_AGG_QUARTER, NULL, NULL, 0, TIME_HDR
	    "2024-Q4,2000,2,1,1,2000,,1,,,,,0\n"
	    "2025-Q1,8678,13.588,4,7,2169.5,2,5,1200,800,40,5,1\n");
	assert_report(db, AYNI_AGG_YEAR, NULL, NULL, 0, TIME_HDR
	    "2024,2000,2,1,1,2000,,1,,,,,0\n"
	    "2025,8678,13.588,4,7,2169.5,2,5,1200,800,40,5,1\n");
	/* --top keeps the first rows of the order */
	assert_report(db, AYNI_AGG_DAY, NULL, NULL, 1, TIME_HDR
	    "2024-12-30,2000,2,1,1,2000,,1,,,,,0\n");
	ayni_db_close(db);
}

static void
test_range_cuts_periods(void **state)
{
	ayni_db *db = new_db();

	(void)state;
	load_fixture(db);
	/* only 2025-01-07 of week 2: its distinct counts, not the week's */
	assert_report(db, AYNI_AGG_WEEK, "2025-01-07", NULL, 0, TIME_HDR
	    "2025-W02,4590,9.5,2,4,2295,1,4,-600,-400,40,,1\n");
	assert_report(db, AYNI_AGG_MONTH, "2024-12-01", "2025-01-06", 0,
	    TIME_HDR
	    "2024-12,2000,2,1,1,2000,,1,,,,,0\n"
	    "2025-01,4088,4.088,2,3,2044,1,2,1800,1200,40,5,0\n");
	assert_report(db, AYNI_AGG_YEAR, "2026-01-01", NULL, 0, TIME_HDR);
	/* customers: recency measured to the range's latest sale */
	assert_report(db, AYNI_AGG_CUSTOMER, NULL, "2025-01-06", 0,
	    "customer_id,revenue,transactions,avg_order,first_purchase,"
	    "last_purchase,recency_days,purchase_days\n"
	    "C1,3088,1,3088,2025-01-06,2025-01-06,0,1\n");
	ayni_db_close(db);
}

static void
test_product_level(void **state)
{
	ayni_db *db = new_db();

	(void)state;
	load_fixture(db);
	/*
	 * Revenue 5.000 + 3.088 + 2.000 + 500 + 90 = 10.678: cumulative
	 * 46.8 % A, 75.7 % A, 94.5 % B, 99.2 % C, 100 % C.  Medians:
	 * velocity 1 (0.5 1 1 1.544 9), revenue 2.000.  P1: 2 u over two
	 * days, the return taking one back; 3 tickets.
	 */
	assert_report(db, AYNI_AGG_PRODUCT, NULL, NULL, 0,
	    "product_id,description,category,revenue,units,transactions,"
	    "margin,margin_pct,velocity,first_sale,last_sale,share_pct,abc,"
	    "quadrant\n"
	    "P4,Pisco,Licores,5000,1,1,,,1,2025-01-07,2025-01-07,46.83,"
	    "A,CASH_COW\n"
	    "P2,Pan,Panaderia,3088,3.088,2,,,1.54,2024-12-30,2025-01-06,"
	    "28.92,A,STAR\n"
	    "P1,Coca,Bebidas,2000,2,3,800,40,1,2025-01-06,2025-01-07,"
	    "18.73,B,DEAD_STOCK\n"
	    "P3,,,500,0.5,1,,,0.5,2025-01-07,2025-01-07,4.68,C,"
	    "DEAD_STOCK\n"
	    "P5,Agua,Bebidas,90,9,1,,,9,2025-01-07,2025-01-07,0.84,C,"
	    "WORKHORSE\n");
	assert_report(db, AYNI_AGG_PRODUCT, NULL, NULL, 2,
	    "product_id,description,category,revenue,units,transactions,"
	    "margin,margin_pct,velocity,first_sale,last_sale,share_pct,abc,"
	    "quadrant\n"
	    "P4,Pisco,Licores,5000,1,1,,,1,2025-01-07,2025-01-07,46.83,"
	    "A,CASH_COW\n"
	    "P2,Pan,Panaderia,3088,3.088,2,,,1.54,2024-12-30,2025-01-06,"
	    "28.92,A,STAR\n");
	ayni_db_close(db);
}

static void
test_customer_and_category(void **state)
{
	ayni_db *db = new_db();

	(void)state;
	load_fixture(db);
	/* the empty customer id of T2 is no customer */
	assert_report(db, AYNI_AGG_CUSTOMER, NULL, NULL, 0,
	    "customer_id,revenue,transactions,avg_order,first_purchase,"
	    "last_purchase,recency_days,purchase_days\n"
	    "C1,3088,1,3088,2025-01-06,2025-01-06,1,1\n"
	    "C2,-1000,1,-1000,2025-01-07,2025-01-07,0,1\n");
	/* T1 holds lines of two categories: one ticket in each */
	assert_report(db, AYNI_AGG_CATEGORY, NULL, NULL, 0,
	    "category,revenue,units,products,transactions,margin,margin_pct,"
	    "share_pct\n"
	    "Licores,5000,1,1,1,,,46.83\n"
	    "Panaderia,3088,3.088,1,2,,,28.92\n"
	    "Bebidas,2090,11,2,4,800,40,19.57\n"
	    ",500,0.5,1,1,,,4.68\n");
	ayni_db_close(db);
}

/* ISO weeks at year ends, through the rollups and the expected views. */
static void
test_iso_weeks(void **state)
{
	static const char *cases[][2] = {
		{ "2020-12-31", "2020-W53" }, { "2021-01-03", "2020-W53" },
		{ "2021-01-04", "2021-W01" }, { "2024-12-29", "2024-W52" },
		{ "2024-12-30", "2025-W01" }, { "2026-12-31", "2026-W53" },
		{ "2027-01-01", "2026-W53" }, { "2025-10-07", "2025-W41" },
	};
	ayni_db *db = new_db();
	sqlite3_stmt *st;
	char sql[512];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		snprintf(sql, sizeof(sql), "INSERT INTO raw_transactions"
		    " (company_id, upload_id, line_no, transaction_date,"
		    " transaction_id, product_id, quantity, price_total,"
		    " processed_at) VALUES (1, 1, 1, '%s 12:00:00', 'W%zu',"
		    " 'P', 1000, 100, 'x')", cases[i][0], i);
		exec_sql(db, sql);
	}
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		assert_int_equal(sqlite3_prepare_v2(ayni_db_handle(db),
		    "SELECT period FROM agg_day_period WHERE level = 'week'"
		    " AND day = ?", -1, &st, NULL), SQLITE_OK);
		sqlite3_bind_text(st, 1, cases[i][0], -1, SQLITE_STATIC);
		assert_int_equal(sqlite3_step(st), SQLITE_ROW);
		assert_string_equal(sqlite3_column_text(st, 0), cases[i][1]);
		sqlite3_finalize(st);
	}
	/* 2020-12-31 and 2021-01-03 share a week, as do 2026/2027 */
	assert_report(db, AYNI_AGG_WEEK, NULL, NULL, 0, TIME_HDR
	    "2020-W53,2,2,2,2,1,,1,,,,,0\n"
	    "2021-W01,1,1,1,1,1,,1,,,,,0\n"
	    "2024-W52,1,1,1,1,1,,1,,,,,0\n"
	    "2025-W01,1,1,1,1,1,,1,,,,,0\n"
	    "2025-W41,1,1,1,1,1,,1,,,,,0\n"
	    "2026-W53,2,2,2,2,1,,1,,,,,0\n");
	assert_verified(db);
	ayni_db_close(db);
}

/* A ticket whose lines fall on two days counts once in the week. */
static void
test_ticket_across_midnight(void **state)
{
	ayni_db *db = new_db();

	(void)state;
	/*
	 * The sale day is part of a transaction's identity (ticket numbers
	 * restart every day in many POS), so a ticket whose lines straddle
	 * midnight counts as one sale on each day, at every level.
	 */
	exec_sql(db, "INSERT INTO raw_transactions (company_id, upload_id,"
	    " line_no, transaction_date, transaction_id, product_id,"
	    " occurrence, customer_id, quantity, price_total, processed_at)"
	    " VALUES"
	    " (1, 1, 1, '2025-03-03 23:59:00', 'T', 'A', 1, 'C', 1000, 100,"
	    "  'x'),"
	    " (1, 1, 2, '2025-03-04 00:01:00', 'T', 'A', 1, 'C', 1000, 100,"
	    "  'x'),"
	    " (1, 1, 3, '2025-03-04 00:01:00', 'T', 'B', 1, 'C', 1000, 100,"
	    "  'x')");
	assert_verified(db);
	assert_report(db, AYNI_AGG_DAY, NULL, NULL, 0, TIME_HDR
	    "2025-03-03,1,1,1,1,1,1,1,,,,,0\n"
	    "2025-03-04,2,2,1,2,2,1,2,,,,,0\n");
	assert_report(db, AYNI_AGG_WEEK, NULL, NULL, 0, TIME_HDR
	    "2025-W10,3,3,2,3,1.5,1,2,,,,,0\n");
	assert_report(db, AYNI_AGG_CUSTOMER, NULL, NULL, 0,
	    "customer_id,revenue,transactions,avg_order,first_purchase,"
	    "last_purchase,recency_days,purchase_days\n"
	    "C,3,2,1.5,2025-03-03,2025-03-04,0,2\n");
	/* and once more when the range cuts the ticket in two */
	assert_report(db, AYNI_AGG_WEEK, "2025-03-04", NULL, 0, TIME_HDR
	    "2025-W10,2,2,1,2,2,1,2,,,,,0\n");
	/* each base table checked: the sets, the counts */
	assert_tamper_found(db, "UPDATE agg_product_day SET trans = 2"
	    " WHERE product_id = 'A'", "product_aggregations");
	assert_tamper_found(db, "UPDATE agg_customer_day SET lines = 5",
	    "agg_customer_day: company 1 differs from the raw lines");
	assert_tamper_found(db, "UPDATE agg_category_day SET trans = 0"
	    " WHERE day = '2025-03-03'", "transactions expected");
	assert_tamper_found(db, "UPDATE agg_period SET products = 3",
	    "products expected 2, found 3");
	assert_tamper_found(db, "INSERT INTO agg_period VALUES (1, '2031',"
	    " 1, 1)", "agg_period: company 1 differs");
	assert_tamper_found(db, "UPDATE agg_day SET customers = 0"
	    " WHERE day = '2025-03-04'", "customers expected 1, found null");
	ayni_db_close(db);
}

/*
 * A deferred load of a few days long after the first ones: the refresh
 * recounts only the periods around them (by primary key, not the whole
 * day sets), and finds the ticket it continues on a day it did not read.
 */
static void
test_refresh_few_days(void **state)
{
	static const char ins[] = "INSERT INTO raw_transactions (company_id,"
	    " upload_id, line_no, transaction_date, transaction_id,"
	    " product_id, occurrence, customer_id, category, quantity,"
	    " price_total, processed_at) VALUES";
	ayni_db *db = new_db();
	ayni_error err;
	char sql[2048];

	(void)state;
	snprintf(sql, sizeof(sql), "%s"
	    " (1, 1, 1, '2025-03-01 10:00:00', 'T1', 'A', 1, 'C1', 'x', 1000,"
	    "  100, 'x'),"
	    " (1, 1, 2, '2025-03-02 10:00:00', 'T2', 'B', 1, 'C2', 'y', 1000,"
	    "  200, 'x'),"
	    " (1, 1, 3, '2025-12-30 10:00:00', 'T3', 'A', 1, NULL, 'x', 1000,"
	    "  300, 'x'),"
	    " (1, 1, 4, '2026-06-08 10:00:00', 'T4', 'B', 1, 'C1', 'y', 1000,"
	    "  400, 'x')", ins);
	exec_sql(db, sql);
	assert_verified(db);
	assert_int_equal(ayni_db_begin(db, &err), 0);
	assert_int_equal(ayni_aggregate_defer(db, 1, &err), 0);
	/* T1 again, a year later; a new product; a new customer */
	snprintf(sql, sizeof(sql), "%s"
	    " (1, 1, 5, '2026-06-10 09:00:00', 'T1', 'A', 2, 'C1', 'x', 1000,"
	    "  500, 'x'),"
	    " (1, 1, 6, '2026-06-10 09:00:00', 'T5', 'C', 1, 'C3', 'z', 1000,"
	    "  600, 'x'),"
	    " (1, 1, 7, '2026-06-11 09:00:00', 'T6', 'B', 1, 'C1', 'y', 1000,"
	    "  700, 'x')", ins);
	exec_sql(db, sql);
	assert_int_equal(ayni_aggregate_refresh(db, 1, &err), 0);
	assert_int_equal(ayni_db_commit(db, &err), 0);
	assert_verified(db);
	assert_report(db, AYNI_AGG_YEAR, NULL, NULL, 0, TIME_HDR
	    "2025,6,3,3,3,2,2,2,,,,,0\n"
	    "2026,22,4,4,4,5.5,2,3,,,,,0\n");
	assert_report(db, AYNI_AGG_WEEK, "2026-06-08", NULL, 0, TIME_HDR
	    "2026-W24,22,4,4,4,5.5,2,3,,,,,0\n");
	/* and removing them again */
	assert_int_equal(ayni_db_begin(db, &err), 0);
	assert_int_equal(ayni_aggregate_defer(db, 1, &err), 0);
	exec_sql(db, "DELETE FROM raw_transactions WHERE line_no >= 6");
	assert_int_equal(ayni_aggregate_refresh(db, 1, &err), 0);
	assert_int_equal(ayni_db_commit(db, &err), 0);
	assert_verified(db);
	ayni_db_close(db);
}

static void
test_verify_names_difference(void **state)
{
	ayni_db *db = new_db();
	ayni_error err;
	long n = 0;

	(void)state;
	load_fixture(db);
	exec_sql(db, "UPDATE agg_day SET revenue = revenue + 1"
	    " WHERE company_id = 1 AND day = '2025-01-06'");
	assert_int_equal(ayni_aggregate_verify(db, 1, &n, &err), AYNI_EDATA);
	/* the day, its week, month, quarter, year */
	assert_int_equal(n, 5);
	assert_string_equal(err.msg, "daily_aggregations: company 1 period "
	    "'2025-01-06': revenue expected 408800, found 408801 "
	    "(5 differences)");
	/* company 2 is untouched */
	assert_int_equal(ayni_aggregate_verify(db, 2, &n, &err), 0);
	assert_int_equal(ayni_aggregate_rebuild(db, 1, &err), 0);
	assert_verified(db);
	/* a deferred refresh left pending is a difference too */
	assert_int_equal(ayni_aggregate_defer(db, 1, &err), 0);
	assert_int_equal(ayni_aggregate_verify(db, 0, &n, &err), AYNI_EDATA);
	assert_non_null(strstr(err.msg, "still pending"));
	assert_int_equal(ayni_aggregate_refresh(db, 1, &err), 0);
	assert_verified(db);
	ayni_db_close(db);
}

/*
 * Lines dated at the end of year 9999 (an ERP's "no date"), put in
 * with SQL as a database made before uploads refused them would hold:
 * SQLite's date() has no day after 9999-12-31 and no ISO week for
 * 27-31 Dec 9999, so their week period is NULL.  Verify and rebuild
 * must neither crash on that nor lose the other days' rollups.
 */
static void
verify_9999(ayni_db *db)
{
	ayni_error err;
	long n = 0;
	int rc;

	/*
	 * The views bound a week with date(), which has no 10000-01-02:
	 * 9999-W52 (27-31 Dec) may differ, and nothing else may.
	 */
	rc = ayni_aggregate_verify(db, 1, &n, &err);
	if (rc != 0 && (rc != AYNI_EDATA || n != 1 ||
	    strstr(err.msg, "'9999-W52'") == NULL))
		fail_msg("%d %ld %s", rc, n, err.msg);
}

static void
test_year_9999(void **state)
{
	ayni_db *db = new_db();
	ayni_error err;
	char *before, *after;

	(void)state;
	load_fixture(db);
	before = report(db, 1, AYNI_AGG_MONTH, NULL, NULL, 0);
	exec_sql(db,
	    "INSERT INTO raw_transactions (company_id, upload_id, line_no,"
	    " transaction_date, transaction_id, product_id, is_return,"
	    " customer_id, description, category, quantity, price_total,"
	    " cost_total, margin, discount_total, processed_at) VALUES"
	    " (1, 1, 20, '9999-12-28 00:00:00', 'T9', 'P9', 0, 'C9', 'X',"
	    "  'Y', 1000, 100, NULL, NULL, NULL, 'x'),"
	    " (1, 1, 21, '9999-12-31 00:00:00', 'T9', 'P8', 0, 'C9', 'X',"
	    "  'Y', 1000, 100, NULL, NULL, NULL, 'x');");
	verify_9999(db);
	assert_int_equal(ayni_aggregate_rebuild(db, 1, &err), 0);
	verify_9999(db);
	after = report(db, 1, AYNI_AGG_MONTH, NULL, "2025-12-31", 0);
	assert_string_equal(before, after);
	free(after);
	after = report(db, 1, AYNI_AGG_MONTH, "9999-12-01", NULL, 0);
	/* T9 on two days is two sales: the day is part of its identity */
	assert_non_null(strstr(after, "\n9999-12,2,2,2,2,1,1,2,"));
	free(after);
	exec_sql(db, "DELETE FROM raw_transactions WHERE line_no >= 20");
	assert_verified(db);
	after = report(db, 1, AYNI_AGG_MONTH, NULL, NULL, 0);
	assert_string_equal(before, after);
	free(after);
	free(before);
	ayni_db_close(db);
}

static void
test_bad_options(void **state)
{
	ayni_aggregate_opts o = { AYNI_AGG_MONTH, "2025-02-29", NULL, 0 };
	ayni_agg_level lv;
	ayni_error err;

	(void)state;
	assert_int_equal(ayni_aggregate_opts_check(&o, &err), AYNI_EUSAGE);
	assert_string_equal(err.msg, "invalid --from date '2025-02-29': use "
	    "YYYY-MM-DD");
	o.from = "2024-02-29";
	o.to = "2024-01-01";
	assert_int_equal(ayni_aggregate_opts_check(&o, &err), AYNI_EUSAGE);
	o.to = "2024-3-01";
	assert_int_equal(ayni_aggregate_opts_check(&o, &err), AYNI_EUSAGE);
	o.to = NULL;
	assert_int_equal(ayni_aggregate_opts_check(&o, &err), 0);
	assert_int_equal(ayni_agg_level_parse("week", &lv, &err), 0);
	assert_int_equal(lv, AYNI_AGG_WEEK);
	assert_int_equal(ayni_agg_level_parse("weekly", &lv, &err),
	    AYNI_EUSAGE);
}

/* A small fixed-seed PRNG, so that a failure can be replayed. */
static uint64_t rng = 0x9e3779b97f4a7c15ULL;

static unsigned
rnd(unsigned n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned)(rng % n);
}

static void
random_lines(ayni_db *db, int company, int upload, int n, int *line)
{
	char sql[1024], cust[16], cost[48];
	int i;

	for (i = 0; i < n; i++) {
		int qty = 1 + (int)rnd(5000), price = (int)rnd(200000);
		int ret = rnd(10) == 0;

		if (rnd(4) == 0)
			snprintf(cust, sizeof(cust), "NULL");
		else
			snprintf(cust, sizeof(cust), "'C%u'", rnd(12));
		if (rnd(3) == 0)
			snprintf(cost, sizeof(cost), "NULL, NULL");
		else {
			int c = (int)rnd(150000);

			snprintf(cost, sizeof(cost), "%d, %d", c, price - c);
		}
		snprintf(sql, sizeof(sql), "INSERT INTO raw_transactions"
		    " (company_id, upload_id, line_no, transaction_date,"
		    " transaction_id, product_id, occurrence, is_return,"
		    " customer_id, description, category, quantity,"
		    " price_total, cost_total, margin, discount_total,"
		    " processed_at) VALUES (%d, %d, %d,"
		    " date('2024-12-20', '+%u days') || ' %02u:00:00',"
		    " 'T%u', 'P%u', %d, %d, %s, %s, %s, %d, %d, %s, %s, 'x')"
		    " ON CONFLICT DO NOTHING",
		    company, upload, ++*line, rnd(60), rnd(24), rnd(80),
		    rnd(15), 1 + (int)rnd(2), ret, cust,
		    rnd(5) ? "'d'" : "'e'", rnd(6) ? "'cat1'" : "NULL",
		    qty, ret && rnd(2) ? -price : price, cost,
		    rnd(2) ? "NULL" : "100");
		exec_sql(db, sql);
	}
}

/* Run one statement with ?1 bound to r. */
static void
exec_with(ayni_db *db, const char *sql, unsigned r)
{
	sqlite3_stmt *st;

	assert_int_equal(sqlite3_prepare_v2(ayni_db_handle(db), sql, -1, &st,
	    NULL), SQLITE_OK);
	sqlite3_bind_int(st, 1, (int)r);
	if (sqlite3_step(st) != SQLITE_DONE)
		fail_msg("%s: %s", sql, sqlite3_errmsg(ayni_db_handle(db)));
	sqlite3_finalize(st);
}

/*
 * The customer level of a range, whole months read from
 * agg_customer_month and cut months from agg_customer_day, equals the
 * range's days summed straight from agg_customer_day (which verify ties
 * to the lines), for ranges that cut a month at either end, at both, or
 * none.
 */
static void
assert_customer_ranges(ayni_db *db, int company)
{
	static const char *const from[] = { "0000-01-01", "2024-12-01",
	    "2024-12-20", "2024-12-25", "2025-01-01", "2025-01-15",
	    "2025-02-01", "2025-02-28" };
	static const char *const to[] = { "2024-12-24", "2024-12-31",
	    "2025-01-10", "2025-01-31", "2025-02-14", "2025-02-28",
	    "2025-03-31", "9999-12-31" };
	static const char cols[] = "customer_id, revenue, first_purchase,"
	    " last_purchase, purchase_days, recency_days";
	static const char ref[] = "SELECT customer_id, sum(revenue),"
	    " min(day), max(day), count(*),"
	    " CAST(julianday((SELECT max(day) FROM agg_day"
	    " WHERE company_id = ?3 AND day BETWEEN ?1 AND ?2))"
	    " - julianday(max(day)) AS INTEGER)"
	    " FROM agg_customer_day WHERE company_id = ?3"
	    " AND day BETWEEN ?1 AND ?2 GROUP BY customer_id";
	char head[512], tail[512];
	sqlite3_stmt *st;
	ayni_error err;
	size_t f, t;
	int side;

	for (f = 0; f < sizeof(from) / sizeof(from[0]); f++)
		for (t = 0; t < sizeof(to) / sizeof(to[0]); t++)
			for (side = 0; side < 2; side++) {
				if (strcmp(from[f], to[t]) > 0)
					continue;
				if (side == 0) {
					snprintf(head, sizeof(head),
					    "SELECT count(*) FROM (SELECT %s"
					    " FROM", cols);
					snprintf(tail, sizeof(tail),
					    "EXCEPT %s)", ref);
				} else {
					snprintf(head, sizeof(head),
					    "SELECT count(*) FROM (%s EXCEPT"
					    " SELECT %s FROM", ref, cols);
					snprintf(tail, sizeof(tail), ")");
				}
				assert_int_equal(ayni_agg_prepare(db,
				    "customer_aggregations", head, tail, &st,
				    &err), 0);
				sqlite3_bind_text(st, 1, from[f], -1,
				    SQLITE_STATIC);
				sqlite3_bind_text(st, 2, to[t], -1,
				    SQLITE_STATIC);
				sqlite3_bind_int(st, 3, company);
				assert_int_equal(sqlite3_step(st), SQLITE_ROW);
				if (sqlite3_column_int(st, 0) != 0)
					fail_msg("customers %s..%s, side %d: "
					    "%d rows differ", from[f], to[t],
					    side, sqlite3_column_int(st, 0));
				sqlite3_finalize(st);
			}
}

static void
test_randomized(void **state)
{
	/* ?1: a number from the PRNG, so each round picks other rows */
	static const char *mutations[] = {
	    /* OR IGNORE: a line whose key the next day already has stays */
	    "UPDATE OR IGNORE raw_transactions SET transaction_date ="
	    " date(transaction_date, '+1 day') || substr(transaction_date, 11)"
	    " WHERE (id * 7919 + ?1) % 10 = 0",
	    "UPDATE raw_transactions SET customer_id = CASE WHEN customer_id"
	    " IS NULL THEN 'C99' ELSE NULL END WHERE id % 7 = ?1 % 7",
	    "UPDATE raw_transactions SET category = 'cat2', description = 'z'"
	    " WHERE id % 9 = ?1 % 9",
	    "UPDATE raw_transactions SET is_return = 1 - is_return"
	    " WHERE id % 11 = ?1 % 11",
	    "UPDATE raw_transactions SET price_total = price_total + 1,"
	    " quantity = quantity * 2 WHERE id % 5 = ?1 % 5",
	    "UPDATE raw_transactions SET line_no = line_no + 1 + ?1 % 2",
	    "DELETE FROM raw_transactions WHERE (id * 104729 + ?1) % 8 = 0",
	    "DELETE FROM raw_transactions WHERE company_id = 1 AND"
	    " transaction_date BETWEEN date('2024-12-20', '+' || (?1 % 50)"
	    " || ' days') AND date('2024-12-30', '+' || (?1 % 50) || ' days')",
	    /* agg_hour: another hour, and 00:30, a time in hour 0 */
	    "UPDATE OR IGNORE raw_transactions SET transaction_date ="
	    " substr(transaction_date, 1, 11) || CASE ?1 % 2 WHEN 0"
	    " THEN '00:30:00' ELSE '17:00:00' END WHERE id % 6 = ?1 % 6",
	};
	ayni_db *db = new_db();
	ayni_error err;
	int round, line = 0;
	size_t m;

	(void)state;
	for (round = 0; round < 4; round++) {
		random_lines(db, 1, 1, 150, &line);
		random_lines(db, 2, 2, 50, &line);
		assert_verified(db);
		assert_customer_ranges(db, 1);
		assert_customer_ranges(db, 2);
		for (m = 0; m < sizeof(mutations) / sizeof(mutations[0]);
		    m++) {
			exec_with(db, mutations[m], rnd(1000));
			assert_verified(db);
		}
		/* the bulk path: defer, load and change, refresh */
		assert_int_equal(ayni_db_begin(db, &err), 0);
		assert_int_equal(ayni_aggregate_defer(db, 1, &err), 0);
		random_lines(db, 1, 1, 200, &line);
		exec_with(db, mutations[0], rnd(1000));
		exec_with(db, mutations[6], rnd(1000));
		assert_int_equal(ayni_aggregate_refresh(db, 1, &err), 0);
		assert_int_equal(ayni_db_commit(db, &err), 0);
		assert_verified(db);
		assert_customer_ranges(db, 1);
		assert_int_equal(ayni_aggregate_rebuild(db, 0, &err), 0);
		assert_verified(db);
	}
	exec_sql(db, "DELETE FROM raw_transactions");
	assert_verified(db);
	ayni_db_close(db);
}

/* Scalar of sql (an integer), with ?1 bound to n. */
static long long
scalar(ayni_db *db, const char *sql, long long n)
{
	sqlite3_stmt *st;
	long long v;

	if (sqlite3_prepare_v2(ayni_db_handle(db), sql, -1, &st, NULL) !=
	    SQLITE_OK)
		fail_msg("%s: %s", sql, sqlite3_errmsg(ayni_db_handle(db)));
	sqlite3_bind_int64(st, 1, n);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

/*
 * A rollup row corrupted by hand, in each base table: verify, which
 * recomputes them from the raw lines with SQL of its own, reports it.
 */
static void
test_verify_finds_corruption(void **state)
{
	static const char *const bad[] = {
		"UPDATE agg_day SET units = units + 1"
		" WHERE company_id = 1 AND day = '2025-01-06'",
		"UPDATE agg_product_day SET revenue = revenue - 7"
		" WHERE product_id = 'P4'",
		"DELETE FROM agg_customer_day WHERE customer_id = 'C2'",
		"UPDATE agg_category_day SET lines = 9"
		" WHERE category = 'Licores'",
		"UPDATE agg_period SET customers = customers + 1"
		" WHERE company_id = 1 AND period = '2025-01'",
		"UPDATE agg_hour SET midnight = midnight + 1"
		" WHERE company_id = 1 AND day = (SELECT min(day)"
		" FROM agg_hour WHERE company_id = 1)",
		/* schema/0006: a cell, a missing and an extra month */
		"UPDATE agg_customer_month SET trans = trans + 1"
		" WHERE company_id = 1 AND customer_id = (SELECT"
		" min(customer_id) FROM agg_customer_month"
		" WHERE company_id = 1)",
		"UPDATE agg_customer_month SET first_day = month || '-00'"
		" WHERE company_id = 1",
		"DELETE FROM agg_customer_month WHERE company_id = 1"
		" AND customer_id = (SELECT max(customer_id)"
		" FROM agg_customer_month WHERE company_id = 1)",
		"INSERT INTO agg_customer_month SELECT company_id,"
		" customer_id, '2031-01', lines, revenue, trans, days,"
		" '2031-01-05', '2031-01-05' FROM agg_customer_month"
		" WHERE company_id = 1 LIMIT 1",
		"INSERT INTO agg_day SELECT company_id, '2031-01-01', lines,"
		" revenue, units, cost, cost_lines, margin, margin_lines,"
		" revenue_c, margin_c, costed_lines, discount, discount_lines,"
		" returns, trans, products, customers FROM agg_day"
		" WHERE company_id = 1 LIMIT 1",
	};
	ayni_db *db = new_db();
	ayni_error err;
	size_t i;
	long n;

	(void)state;
	load_fixture(db);
	assert_verified(db);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		exec_sql(db, bad[i]);
		n = 0;
		if (ayni_aggregate_verify(db, 1, &n, &err) != AYNI_EDATA)
			fail_msg("not found: %s", bad[i]);
		assert_true(n > 0);
		/* the other company is not concerned */
		if (ayni_aggregate_verify(db, 2, &n, &err) != 0)
			fail_msg("%s: %s", bad[i], err.msg);
		assert_int_equal(ayni_aggregate_rebuild(db, 1, &err), 0);
		assert_verified(db);
	}
	ayni_db_close(db);
}

/*
 * The refresh engine and verify agree on randomized data: loads through
 * the bulk path verify clean, and one changed cell of a base table,
 * chosen at random, is always found.
 */
static void
test_engine_and_verify_agree(void **state)
{
	static const char *const cells[][3] = {
		{ "agg_day", "revenue", "day" },
		{ "agg_day", "trans", "day" },
		{ "agg_day", "customers", "day" },
		{ "agg_product_day", "margin_c", "day" },
		{ "agg_product_day", "trans", "product_id" },
		{ "agg_customer_day", "revenue", "customer_id" },
		{ "agg_category_day", "trans", "day" },
		{ "agg_period", "products", "period" },
		{ "agg_hour", "revenue", "day" },
		{ "agg_hour", "midnight", "day" },
		{ "agg_customer_month", "revenue", "customer_id" },
		{ "agg_customer_month", "days", "customer_id" },
	};
	ayni_db *db = new_db();
	ayni_error err;
	char sql[512];
	int round, line = 0;
	long n;

	(void)state;
	for (round = 0; round < 8; round++) {
		int c = (int)rnd(sizeof(cells) / sizeof(cells[0]));

		assert_int_equal(ayni_db_begin(db, &err), 0);
		assert_int_equal(ayni_aggregate_defer(db, 1, &err), 0);
		random_lines(db, 1, 1, 120, &line);
		exec_sql(db, "DELETE FROM raw_transactions WHERE id % 13 = 0");
		assert_int_equal(ayni_aggregate_refresh(db, 1, &err), 0);
		assert_int_equal(ayni_db_commit(db, &err), 0);
		assert_verified(db);
		/* a row picked at random: every row with its key */
		snprintf(sql, sizeof(sql), "UPDATE %s SET %s = %s + 1"
		    " WHERE company_id = 1 AND %s = (SELECT %s FROM %s"
		    " WHERE company_id = 1 ORDER BY 1 LIMIT 1 OFFSET %u)",
		    cells[c][0], cells[c][1], cells[c][1], cells[c][2],
		    cells[c][2], cells[c][0], rnd(3));
		exec_sql(db, sql);
		n = 0;
		assert_int_equal(ayni_aggregate_verify(db, 1, &n, &err),
		    AYNI_EDATA);
		assert_true(n > 0);
		assert_int_equal(ayni_aggregate_rebuild(db, 1, &err), 0);
		assert_verified(db);
	}
	ayni_db_close(db);
}

/*
 * Lines without a product (a document-level file, schema/0004) next to
 * product lines, and irregular transactions (one product with lines of
 * another description), through the bulk path: verify is clean, and
 * each cell or row changed below is found, those verify counts from the
 * day sets and from repeated products included.
 */
static void
test_verify_documents_and_irregular(void **state)
{
	static const char *const bad[] = {
		"UPDATE agg_day SET customers = customers + 1"
		" WHERE company_id = 1 AND day = '2025-06-15'",
		"UPDATE agg_day SET products = products + 1"
		" WHERE company_id = 1 AND day = (SELECT min(day) FROM agg_day"
		" WHERE company_id = 1)",
		"UPDATE agg_period SET customers = customers + 1"
		" WHERE company_id = 1 AND period = '2025-01'",
		"UPDATE agg_period SET products = products - 1"
		" WHERE company_id = 1 AND period = '2025-W02'",
		"UPDATE agg_period SET products = products + 1"
		" WHERE company_id = 1 AND period = '2025-Q1'",
		"UPDATE agg_period SET customers = customers + 1"
		" WHERE company_id = 1 AND period = '2025'",
		"DELETE FROM agg_period WHERE company_id = 1"
		" AND period = '2025-06'",
		"DELETE FROM agg_irregular WHERE company_id = 1 AND txn_key ="
		" (SELECT min(txn_key) FROM agg_irregular WHERE company_id = 1)",
		/* a day set and the periods together */
		"DELETE FROM agg_customer_day WHERE company_id = 1"
		" AND customer_id = 'C3';"
		"UPDATE agg_period SET customers = customers + 1"
		" WHERE company_id = 1 AND period = '2025-01'",
	};
	ayni_db *db = new_db();
	ayni_error err;
	size_t i;
	int line = 0;
	long n;

	(void)state;
	assert_int_equal(ayni_db_begin(db, &err), 0);
	assert_int_equal(ayni_aggregate_defer(db, 1, &err), 0);
	random_lines(db, 1, 1, 200, &line);
	exec_sql(db, "INSERT INTO raw_transactions (company_id, upload_id,"
	    " line_no, transaction_date, transaction_id, product_id,"
	    " quantity, is_return, customer_id, price_total, processed_at)"
	    " VALUES (1, 1, 1001, '2025-01-02 10:00:00', 'F1', NULL, NULL, 0,"
	    "  'C3', 11900, 'x'),"
	    " (1, 1, 1002, '2025-01-02 11:00:00', 'F2', NULL, NULL, 1,"
	    "  'C99', 5000, 'x'),"
	    " (1, 1, 1003, '2025-01-03 12:00:00', 'F3', NULL, NULL, 0,"
	    "  NULL, 7000, 'x'),"
	    " (1, 1, 1004, '2025-06-15 09:00:00', 'F4', NULL, NULL, 0,"
	    "  'C98', 1000, 'x'),"
	    " (1, 1, 1005, '2025-06-15 09:30:00', 'F5', NULL, NULL, 0,"
	    "  NULL, 2000, 'x')");
	exec_sql(db, "INSERT INTO raw_transactions (company_id, upload_id,"
	    " line_no, transaction_date, transaction_id, product_id,"
	    " occurrence, quantity, description, price_total, processed_at)"
	    " VALUES (1, 1, 1007, '2025-01-06 10:00:00', 'TX', 'P1', 1, 1000,"
	    "  'one', 100, 'x'),"
	    " (1, 1, 1008, '2025-01-06 10:00:00', 'TX', 'P1', 2, 1000,"
	    "  'other', 100, 'x')");
	assert_int_equal(ayni_aggregate_refresh(db, 1, &err), 0);
	assert_int_equal(ayni_db_commit(db, &err), 0);
	assert_verified(db);
	assert_true(scalar(db, "SELECT count(*) FROM agg_irregular"
	    " WHERE company_id = ?1", 1) > 0);
	assert_true(scalar(db, "SELECT count(*) FROM agg_period"
	    " WHERE company_id = ?1 AND period = '2025-06'", 1) == 1);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		exec_sql(db, bad[i]);
		n = 0;
		if (ayni_aggregate_verify(db, 1, &n, &err) != AYNI_EDATA)
			fail_msg("not found: %s", bad[i]);
		assert_true(n > 0);
		assert_int_equal(ayni_aggregate_rebuild(db, 1, &err), 0);
		assert_verified(db);
	}
	ayni_db_close(db);
}

/*
 * Each table verify recomputes from one read of the lines (the day
 * tables and the hours): a row missing in the middle, an extra row
 * before the first, between two stored rows and after the last, and a
 * changed cell are each found, and company 2 stays clean.
 */
static void
test_verify_day_tables_rows(void **state)
{
	static const char *const tables[][3] = {
		/* table, key columns after day, the other columns */
		{ "agg_day", "", "lines, revenue, units, cost, cost_lines,"
		    " margin, margin_lines, revenue_c, margin_c, costed_lines,"
		    " discount, discount_lines, returns, trans, products,"
		    " customers" },
		{ "agg_product_day", ", product_id, category, description",
		    "lines, revenue, units, margin, margin_lines, revenue_c,"
		    " margin_c, costed_lines, trans" },
		{ "agg_customer_day", ", customer_id",
		    "lines, revenue, trans" },
		{ "agg_category_day", ", category", "lines, trans" },
		{ "agg_hour", ", hour", "lines, revenue, midnight" },
	};
	static const char *const cells[] = {
	    "agg_day SET costed_lines = costed_lines + 1",
	    "agg_day SET discount_lines = 0",
	    "agg_product_day SET units = units + 1",
	    "agg_product_day SET margin_c = margin_c - 1",
	    "agg_customer_day SET trans = trans + 1",
	    "agg_category_day SET trans = trans + 1",
	    "agg_hour SET lines = lines + 1" };
	ayni_db *db = new_db();
	char sql[1024];
	size_t i;
	int k;

	(void)state;
	load_fixture(db);
	assert_verified(db);
	for (i = 0; i < sizeof(tables) / sizeof(tables[0]); i++) {
		const char *t = tables[i][0], *key = tables[i][1];

		for (k = 0; k < 4; k++) {
			if (k == 0)	/* the second row in key order */
				snprintf(sql, sizeof(sql), "DELETE FROM %s"
				    " WHERE company_id = 1 AND (day%s) = (SELECT"
				    " day%s FROM %s WHERE company_id = 1 ORDER BY"
				    " day%s LIMIT 1 OFFSET 1)", t, key, key, t,
				    key);
			else	/* a copy of a row on a day of its own */
				snprintf(sql, sizeof(sql), "INSERT INTO %s"
				    " (company_id, day%s, %s) SELECT company_id,"
				    " %s%s, %s FROM %s WHERE company_id = 1"
				    " ORDER BY day%s LIMIT 1 OFFSET 1", t, key,
				    tables[i][2], k == 1 ? "'2000-01-01'" :
				    k == 2 ? "day || 'x'" : "'2099-12-31'", key,
				    tables[i][2], t, key);
			assert_tamper_any(db, sql);
		}
	}
	for (i = 0; i < sizeof(cells) / sizeof(cells[0]); i++) {
		snprintf(sql, sizeof(sql), "UPDATE %s WHERE company_id = 1",
		    cells[i]);
		assert_tamper_any(db, sql);
	}
	ayni_db_close(db);
}

/*
 * Reports read the views for one company through bound parameters: a
 * report of company 1 is the same whatever company 2 holds, on the same
 * days, products and customers; left unbound, a scoped view returns no
 * row at all; and with the open range each equals its public view.
 */
static void
test_company_isolation(void **state)
{
	static const char *const views[] = { "agg_time_rollup",
	    "product_aggregations", "customer_aggregations",
	    "category_aggregations" };
	ayni_db *db = new_db();
	char *alone[AYNI_AGG_CATEGORY + 1], *got, sql[256], head[256];
	char tail[256];
	sqlite3_stmt *st;
	ayni_error err;
	int lv, line = 100, c, side;
	size_t i;

	(void)state;
	load_fixture(db);
	exec_sql(db, "DELETE FROM raw_transactions WHERE company_id = 2");
	for (lv = 0; lv <= AYNI_AGG_CATEGORY; lv++)
		alone[lv] = report(db, 1, (ayni_agg_level)lv, NULL, NULL, 0);
	/* company 2: the same lines, ten times the money, and more */
	exec_sql(db, "INSERT INTO raw_transactions (company_id, upload_id,"
	    " line_no, transaction_date, transaction_id, product_id,"
	    " is_return, customer_id, description, category, quantity,"
	    " price_total, cost_total, margin, discount_total, processed_at)"
	    " SELECT 2, 2, line_no, transaction_date, transaction_id,"
	    " product_id, is_return, customer_id, description, category,"
	    " quantity, price_total * 10, cost_total, margin, discount_total,"
	    " 'x' FROM raw_transactions WHERE company_id = 1");
	random_lines(db, 2, 2, 80, &line);
	assert_verified(db);
	for (lv = 0; lv <= AYNI_AGG_CATEGORY; lv++) {
		got = report(db, 1, (ayni_agg_level)lv, NULL, NULL, 0);
		assert_string_equal(got, alone[lv]);
		free(got);
		free(alone[lv]);
	}
	for (i = 0; i < sizeof(views) / sizeof(views[0]); i++) {
		/* nothing bound: no company, no row */
		assert_int_equal(ayni_agg_prepare(db, views[i],
		    "SELECT count(*) FROM", "", &st, &err), 0);
		assert_int_equal(sqlite3_step(st), SQLITE_ROW);
		assert_int_equal(sqlite3_column_int(st, 0), 0);
		sqlite3_finalize(st);
		/* open range: the public view's rows of each company */
		for (c = 1; c <= 2; c++)
			for (side = 0; side < 3; side++) {
				snprintf(head, sizeof(head), side == 0 ?
				    "SELECT count(*) FROM (SELECT * FROM %s"
				    " WHERE company_id = ?3 EXCEPT SELECT *"
				    " FROM" : side == 1 ? "SELECT count(*)"
				    " FROM (SELECT * FROM" : "SELECT count(*)"
				    " FROM", views[i]);
				if (side == 1)
					snprintf(tail, sizeof(tail), "EXCEPT "
					    "SELECT * FROM %s WHERE company_id"
					    " = ?3)", views[i]);
				else
					snprintf(tail, sizeof(tail), "%s",
					    side == 0 ? ")" : "");
				assert_int_equal(ayni_agg_prepare(db, views[i],
				    head, tail, &st, &err), 0);
				sqlite3_bind_text(st, 1, "0000-01-01", -1,
				    SQLITE_STATIC);
				sqlite3_bind_text(st, 2, "9999-12-31", -1,
				    SQLITE_STATIC);
				sqlite3_bind_int(st, 3, c);
				assert_int_equal(sqlite3_step(st), SQLITE_ROW);
				snprintf(sql, sizeof(sql), "SELECT count(*)"
				    " FROM %s WHERE company_id = ?1", views[i]);
				if (side == 2)
					assert_int_equal(sqlite3_column_int64(
					    st, 0), scalar(db, sql, c));
				else
					assert_int_equal(sqlite3_column_int64(
					    st, 0), 0);
				sqlite3_finalize(st);
			}
	}
	ayni_db_close(db);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_time_levels),
		cmocka_unit_test(test_range_cuts_periods),
		cmocka_unit_test(test_product_level),
		cmocka_unit_test(test_customer_and_category),
		cmocka_unit_test(test_iso_weeks),
		cmocka_unit_test(test_ticket_across_midnight),
		cmocka_unit_test(test_refresh_few_days),
		cmocka_unit_test(test_verify_names_difference),
		cmocka_unit_test(test_year_9999),
		cmocka_unit_test(test_bad_options),
		cmocka_unit_test(test_randomized),
		cmocka_unit_test(test_verify_finds_corruption),
		cmocka_unit_test(test_engine_and_verify_agree),
		cmocka_unit_test(test_verify_documents_and_irregular),
		cmocka_unit_test(test_verify_day_tables_rows),
		cmocka_unit_test(test_company_isolation),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
