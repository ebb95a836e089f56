/*
 * test_benchmark.c - src/lib/benchmark.c: type-7 percentiles against
 * values R's quantile() gives, the mean trimmed from 20 companies on, the
 * pooled percentile rank, and comparisons on a fixture written straight
 * into the rollup base tables (agg_day, agg_period), so these tests do
 * not depend on how raw lines are keyed: the 9/10 floor, opt-in, other
 * industries, removed companies and companies without sales in the period
 * left out, each period kind, metrics a company lacks, and the refresh.
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

#include "ayni/benchmark.h"
#include "ayni/db.h"
#include "internal.h"	/* ayni_db_handle */

static void
exec_sql(ayni_db *db, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void
exec_sql(ayni_db *db, const char *fmt, ...)
{
	char sql[2048], *msg = NULL;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(sql, sizeof(sql), fmt, ap);
	va_end(ap);
	if (sqlite3_exec(ayni_db_handle(db), sql, NULL, NULL, &msg) !=
	    SQLITE_OK)
		fail_msg("%s: %s", sql, msg);
}

static long
count(ayni_db *db, const char *sql)
{
	sqlite3_stmt *st;
	long n;

	assert_int_equal(sqlite3_prepare_v2(ayni_db_handle(db), sql, -1, &st,
	    NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

/* ---- the statistics ---- */

static void
test_quantile(void **state)
{
	/* R: quantile(x, c(.25, .5, .75)) (type 7) */
	double a[] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 };
	double b[] = { 1, 3, 7, 15, 31, 63, 127, 255, 511, 1023 };
	double c[] = { 10, 20, 30, 40, 50 };
	double d[] = { 42 };
	double e[] = { 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048 };

	(void)state;
	assert_float_equal(ayni_bench_quantile(a, 10, 0.25), 3.25, 1e-9);
	assert_float_equal(ayni_bench_quantile(a, 10, 0.5), 5.5, 1e-9);
	assert_float_equal(ayni_bench_quantile(a, 10, 0.75), 7.75, 1e-9);
	assert_float_equal(ayni_bench_quantile(b, 10, 0.25), 9, 1e-9);
	assert_float_equal(ayni_bench_quantile(b, 10, 0.5), 47, 1e-9);
	assert_float_equal(ayni_bench_quantile(b, 10, 0.75), 223, 1e-9);
	assert_float_equal(ayni_bench_quantile(c, 5, 0.25), 20, 1e-9);
	assert_float_equal(ayni_bench_quantile(c, 5, 0.5), 30, 1e-9);
	assert_float_equal(ayni_bench_quantile(c, 5, 0.75), 40, 1e-9);
	assert_float_equal(ayni_bench_quantile(d, 1, 0.25), 42, 1e-9);
	assert_float_equal(ayni_bench_quantile(d, 1, 1), 42, 1e-9);
	assert_float_equal(ayni_bench_quantile(a, 10, 0), 1, 1e-9);
	assert_float_equal(ayni_bench_quantile(a, 10, 1), 10, 1e-9);
	/* n = 11: h = 3.5, 6, 8.5 */
	assert_float_equal(ayni_bench_quantile(e, 11, 0.25), 12, 1e-9);
	assert_float_equal(ayni_bench_quantile(e, 11, 0.5), 64, 1e-9);
	assert_float_equal(ayni_bench_quantile(e, 11, 0.75), 384, 1e-9);
}

static void
test_mean_trimmed(void **state)
{
	double x[40];
	int i;

	(void)state;
	/* 19 values: the plain mean, the outlier included */
	for (i = 0; i < 18; i++)
		x[i] = i + 1;
	x[18] = 1000;
	assert_float_equal(ayni_bench_mean(x, 19), (171.0 + 1000) / 19,
	    1e-9);
	/* 20: one value off each end: mean of 2..19 */
	for (i = 0; i < 19; i++)
		x[i] = i + 1;
	x[19] = 1000;
	assert_float_equal(ayni_bench_mean(x, 20), 10.5, 1e-9);
	/* 39: still one; 40: two off each end */
	for (i = 0; i < 38; i++)
		x[i] = i + 1;
	x[38] = 1000;
	assert_float_equal(ayni_bench_mean(x, 39), (741.0 - 1) / 37, 1e-9);
	for (i = 0; i < 38; i++)
		x[i] = i + 1;
	x[38] = 1000;
	x[39] = 2000;
	assert_float_equal(ayni_bench_mean(x, 40), (741.0 - 1 - 2) / 36,
	    1e-9);
}

static void
test_rank(void **state)
{
	static const int r10[] = { 0, 17, 17, 39, 39, 61, 61, 83, 83, 100 };
	static const int r11[] = { 0, 15, 15, 35, 35, 50, 65, 65, 85, 85,
	    100 };
	static const int r12[] = { 0, 14, 14, 36, 36, 36, 64, 64, 64, 86, 86,
	    100 };
	double x[300];
	int i;

	(void)state;
	for (i = 0; i < 300; i++)
		x[i] = 100 + i;
	for (i = 0; i < 10; i++)
		assert_int_equal(ayni_bench_rank(x, 10, x[i]), r10[i]);
	for (i = 0; i < 11; i++)
		assert_int_equal(ayni_bench_rank(x, 11, x[i]), r11[i]);
	for (i = 0; i < 12; i++)
		assert_int_equal(ayni_bench_rank(x, 12, x[i]), r12[i]);
	/* 21: every quartile is one value, nothing to pool: exact */
	for (i = 0; i < 21; i++)
		assert_int_equal(ayni_bench_rank(x, 21, x[i]), 5 * i);
	/* 200: lowest, highest, a position away from the quartiles */
	assert_int_equal(ayni_bench_rank(x, 200, x[0]), 0);
	assert_int_equal(ayni_bench_rank(x, 200, x[199]), 100);
	assert_int_equal(ayni_bench_rank(x, 200, x[29]), 15);
	/* position 100 is next to p50 (h = 100.5): pooled with 99 */
	assert_int_equal(ayni_bench_rank(x, 200, x[99]), 49);
	/* ties share the middle: 5 equal values at positions 3..7 of 10 */
	{
		double t[] = { 1, 2, 5, 5, 5, 5, 5, 8, 9, 10 };

		/* position 5 is pooled with 4: (3 + 4) / 2 / 9 */
		assert_int_equal(ayni_bench_rank(t, 10, 5), 39);
		assert_int_equal(ayni_bench_rank(t, 10, 1), 0);
	}
}

static void
test_parse(void **state)
{
	ayni_bench_period p;
	ayni_bench_metric m;
	ayni_error err;

	(void)state;
	assert_int_equal(ayni_bench_period_parse("2025-10", &p, &err), 0);
	assert_int_equal(p.kind, AYNI_BP_MONTH);
	assert_string_equal(p.lo, "2025-10-01");
	assert_string_equal(p.hi, "2025-10-31");
	assert_int_equal(ayni_bench_period_parse("2025-Q2", &p, &err), 0);
	assert_int_equal(p.kind, AYNI_BP_QUARTER);
	assert_string_equal(p.lo, "2025-04-01");
	assert_string_equal(p.hi, "2025-06-31");
	assert_int_equal(ayni_bench_period_parse("2025", &p, &err), 0);
	assert_int_equal(p.kind, AYNI_BP_YEAR);
	assert_string_equal(p.hi, "2025-12-31");
	assert_int_equal(ayni_bench_period_parse("2025-13", &p, &err),
	    AYNI_EUSAGE);
	assert_string_equal(err.msg, "invalid period '2025-13': expected a "
	    "month (2025-10), a quarter (2025-Q4) or a year (2025)");
	assert_int_equal(ayni_bench_period_parse("2025-Q5", &p, &err),
	    AYNI_EUSAGE);
	assert_int_equal(ayni_bench_period_parse("1899", &p, &err),
	    AYNI_EUSAGE);
	assert_int_equal(ayni_bench_period_parse("2025-1", &p, &err),
	    AYNI_EUSAGE);
	assert_int_equal(ayni_bench_period_parse("", &p, &err), AYNI_EUSAGE);
	assert_int_equal(ayni_bench_metric_parse("margin_pct", &m, &err), 0);
	assert_int_equal(m, AYNI_BM_MARGIN_PCT);
	assert_int_equal(ayni_bench_metric_parse("profit", &m, &err),
	    AYNI_EUSAGE);
}

/* ---- comparisons on the rollup tables ---- */

/*
 * Company id: RUT (id + 77000000)-0, name "Tienda id".  On day, revenue
 * id x $1.000, 10 id transactions, id units, margin id % on every line,
 * id customers in the day's month, quarter and year.
 */
static void
add_company(ayni_db *db, int id, const char *industry, int benchmark,
    int active)
{
	exec_sql(db, "INSERT INTO companies (id, rut, name, industry,"
	    " benchmark, is_active, created_at, updated_at) VALUES (%d,"
	    " '%d-0', 'Tienda %d', '%s', %d, %d, '2025-01-01 00:00:00',"
	    " '2025-01-01 00:00:00')", id, 77000000 + id, id, industry,
	    benchmark, active);
}

static void
add_sales(ayni_db *db, int id, const char *day, long scale)
{
	long rev = scale * 100000;

	exec_sql(db, "INSERT INTO agg_day (company_id, day, lines, revenue,"
	    " units, cost, cost_lines, margin, margin_lines, revenue_c,"
	    " margin_c, costed_lines, discount, discount_lines, returns,"
	    " trans, products, customers) VALUES (%d, '%s', 1, %ld, %ld,"
	    " %ld, 1, %ld, 1, %ld, %ld, 1, 0, 0, 0, %ld, 1, %ld)",
	    id, day, rev, scale * 1000, rev - rev * scale / 100,
	    rev * scale / 100, rev, rev * scale / 100, 10 * scale, scale);
	exec_sql(db, "INSERT INTO agg_period (company_id, period, products,"
	    " customers) SELECT %d, p, 1, %ld FROM (SELECT substr('%s', 1, 7)"
	    " AS p UNION ALL SELECT substr('%s', 1, 5) || 'Q' ||"
	    " ((substr('%s', 6, 2) + 2) / 3) UNION ALL SELECT"
	    " substr('%s', 1, 4)) WHERE true ON CONFLICT DO UPDATE SET"
	    " customers = customers + excluded.customers", id, scale, day,
	    day, day, day);
}

/* n retail companies 1..n, opted in, with sales on 2025-10-15. */
static ayni_db *
new_db(int n)
{
	ayni_db *db;
	ayni_error err;
	int i;

	assert_int_equal(ayni_db_open(&db, ":memory:", 0, &err), 0);
	for (i = 1; i <= n; i++) {
		add_company(db, i, "retail", 1, 1);
		add_sales(db, i, "2025-10-15", i);
	}
	return db;
}

static void
test_threshold(void **state)
{
	ayni_bench_result r[AYNI_BM_COUNT];
	ayni_error err;
	ayni_db *db = new_db(9);
	int n;

	(void)state;
	assert_int_equal(ayni_benchmark_compare(db, 1, "2025-10", -1, r, &n,
	    &err), AYNI_EUNAVAIL);
	assert_string_equal(err.msg, "needs 10 companies, has 9 (opted-in "
	    "retail companies with sales in 2025-10)");
	assert_int_equal(n, 0);
	/* the tenth makes it */
	add_company(db, 10, "retail", 1, 1);
	add_sales(db, 10, "2025-10-15", 10);
	assert_int_equal(ayni_benchmark_compare(db, 1, "2025-10", -1, r, &n,
	    &err), 0);
	assert_int_equal(n, AYNI_BM_COUNT);
	assert_int_equal(r[0].companies, 10);
	ayni_db_close(db);
}

/* The hand-computed answer for companies 1..10 of new_db. */
static void
test_values(void **state)
{
	ayni_bench_result r[AYNI_BM_COUNT];
	ayni_error err;
	ayni_db *db = new_db(10);
	int n;

	(void)state;
	assert_int_equal(ayni_benchmark_compare(db, 3, "2025-10", -1, r, &n,
	    &err), 0);
	assert_int_equal(n, 6);
	assert_string_equal(r[0].industry, "retail");
	assert_string_equal(r[0].period, "2025-10");
	assert_int_equal(r[0].metric, AYNI_BM_REVENUE);
	assert_true(r[0].shown && r[0].has_value && !r[0].from_store);
	/* pesos 1000 .. 10000 */
	assert_float_equal(r[0].p25, 3250, 1e-6);
	assert_float_equal(r[0].p50, 5500, 1e-6);
	assert_float_equal(r[0].p75, 7750, 1e-6);
	assert_float_equal(r[0].mean, 5500, 1e-6);
	assert_float_equal(r[0].value, 3000, 1e-6);
	assert_int_equal(r[0].percentile, 17);
	/* transactions 10 .. 100 */
	assert_int_equal(r[1].metric, AYNI_BM_TRANSACTIONS);
	assert_float_equal(r[1].p25, 32.5, 1e-9);
	assert_float_equal(r[1].value, 30, 1e-9);
	/* avg_ticket: $100 for everyone: the middle position 5, pooled */
	assert_float_equal(r[2].p25, 100, 1e-9);
	assert_float_equal(r[2].p75, 100, 1e-9);
	assert_int_equal(r[2].percentile, 39);
	/* margin_pct: 1 .. 10 % */
	assert_float_equal(r[3].p50, 5.5, 1e-9);
	assert_float_equal(r[3].value, 3, 1e-9);
	/* customers 1 .. 10; units 1 .. 10 */
	assert_float_equal(r[4].p75, 7.75, 1e-9);
	assert_float_equal(r[5].mean, 5.5, 1e-9);
	/* the lowest and the highest */
	assert_int_equal(ayni_benchmark_compare(db, 1, "2025-10",
	    AYNI_BM_REVENUE, r, &n, &err), 0);
	assert_int_equal(n, 1);
	assert_int_equal(r[0].percentile, 0);
	assert_int_equal(ayni_benchmark_compare(db, 10, "2025-10",
	    AYNI_BM_UNITS, r, &n, &err), 0);
	assert_int_equal(r[0].metric, AYNI_BM_UNITS);
	assert_int_equal(r[0].percentile, 100);
	assert_float_equal(r[0].value, 10, 1e-9);
	ayni_db_close(db);
}

static void
test_who_counts(void **state)
{
	ayni_bench_result r[AYNI_BM_COUNT];
	ayni_error err;
	ayni_db *db = new_db(10);
	int n;

	(void)state;
	/* not counted: not opted in, other industry, removed, no sales in
	 * the period; each with a value that would move the median */
	add_company(db, 11, "retail", 0, 1);
	add_sales(db, 11, "2025-10-15", 1000);
	add_company(db, 12, "food", 1, 1);
	add_sales(db, 12, "2025-10-15", 1000);
	add_company(db, 13, "retail", 1, 0);
	add_sales(db, 13, "2025-10-15", 1000);
	add_company(db, 14, "retail", 1, 1);
	add_sales(db, 14, "2025-09-30", 1000);
	add_sales(db, 14, "2025-11-01", 1000);
	assert_int_equal(ayni_benchmark_compare(db, 5, "2025-10",
	    AYNI_BM_REVENUE, r, &n, &err), 0);
	assert_int_equal(r[0].companies, 10);
	assert_float_equal(r[0].p50, 5500, 1e-6);
	assert_float_equal(r[0].mean, 5500, 1e-6);
	/* one who did not opt in sees nothing */
	assert_int_equal(ayni_benchmark_compare(db, 11, "2025-10", -1, r, &n,
	    &err), AYNI_EUNAVAIL);
	assert_string_equal(err.msg, "77.000.011-0 has not opted in to "
	    "benchmarks, so it is neither compared nor counted: run 'ayni "
	    "company edit 77.000.011-0 --benchmark on' to take part");
	/* a removed company has no benchmark */
	assert_int_equal(ayni_benchmark_compare(db, 13, "2025-10", -1, r, &n,
	    &err), AYNI_ENOTFOUND);
	assert_string_equal(err.msg, "77.000.013-0 was removed: it has no "
	    "benchmark");
	/* food has one company */
	assert_int_equal(ayni_benchmark_compare(db, 12, "2025-10", -1, r, &n,
	    &err), AYNI_EUNAVAIL);
	assert_string_equal(err.msg, "needs 10 companies, has 1 (opted-in "
	    "food companies with sales in 2025-10)");
	/* no sales in the period */
	assert_int_equal(ayni_benchmark_compare(db, 14, "2025-10", -1, r, &n,
	    &err), AYNI_EUNAVAIL);
	assert_string_equal(err.msg, "77.000.014-0 has no sales in 2025-10: "
	    "nothing to compare");
	ayni_db_close(db);
}

static void
test_periods(void **state)
{
	ayni_bench_result r[AYNI_BM_COUNT];
	ayni_error err;
	ayni_db *db = new_db(10);
	int n, i;

	(void)state;
	/* December too for everyone, 10 x as much: the quarter and year
	 * add both months */
	for (i = 1; i <= 10; i++)
		add_sales(db, i, "2025-12-31", 10L * i);
	assert_int_equal(ayni_benchmark_compare(db, 2, "2025-12",
	    AYNI_BM_REVENUE, r, &n, &err), 0);
	assert_float_equal(r[0].p25, 32500, 1e-6);
	assert_int_equal(ayni_benchmark_compare(db, 2, "2025-Q4",
	    AYNI_BM_REVENUE, r, &n, &err), 0);
	assert_string_equal(r[0].period, "2025-Q4");
	assert_float_equal(r[0].p25, 35750, 1e-6);
	assert_float_equal(r[0].value, 22000, 1e-6);
	assert_int_equal(ayni_benchmark_compare(db, 2, "2025",
	    AYNI_BM_TRANSACTIONS, r, &n, &err), 0);
	assert_float_equal(r[0].p50, 605, 1e-9);
	/* customers of the year come from agg_period: 11 x id */
	assert_int_equal(ayni_benchmark_compare(db, 2, "2025",
	    AYNI_BM_CUSTOMERS, r, &n, &err), 0);
	assert_float_equal(r[0].value, 22, 1e-9);
	/* the default: the latest sale is on 2025-12-31, December is full */
	assert_int_equal(ayni_benchmark_compare(db, 2, NULL,
	    AYNI_BM_REVENUE, r, &n, &err), 0);
	assert_string_equal(r[0].period, "2025-12");
	/* a sale on 2026-01-05 makes December the latest full month still */
	add_sales(db, 2, "2026-01-05", 1);
	assert_int_equal(ayni_benchmark_compare(db, 2, NULL,
	    AYNI_BM_REVENUE, r, &n, &err), 0);
	assert_string_equal(r[0].period, "2025-12");
	/* nobody else has January */
	assert_int_equal(ayni_benchmark_compare(db, 2, "2026-01", -1, r, &n,
	    &err), AYNI_EUNAVAIL);
	assert_string_equal(err.msg, "needs 10 companies, has 1 (opted-in "
	    "retail companies with sales in 2026-01)");
	/* a first month that is not full */
	add_company(db, 20, "retail", 1, 1);
	assert_int_equal(ayni_benchmark_compare(db, 20, NULL, -1, r, &n,
	    &err), AYNI_EUNAVAIL);
	assert_string_equal(err.msg, "77.000.020-0 has no sales yet: "
	    "nothing to compare");
	add_sales(db, 20, "2025-12-15", 1);
	assert_int_equal(ayni_benchmark_compare(db, 20, NULL, -1, r, &n,
	    &err), AYNI_EUNAVAIL);
	assert_string_equal(err.msg, "77.000.020-0 has no full month of sales "
	    "yet (latest sale 2025-12-15): give --period 2025-12");
	ayni_db_close(db);
}

/* margin_pct only over companies with costs; a company without sees none. */
static void
test_lacking_metric(void **state)
{
	ayni_bench_result r[AYNI_BM_COUNT];
	ayni_error err;
	ayni_db *db = new_db(11);
	int n;

	(void)state;
	exec_sql(db, "UPDATE agg_day SET costed_lines = 0, revenue_c = 0,"
	    " margin_c = 0 WHERE company_id IN (1, 2)");
	assert_int_equal(ayni_benchmark_compare(db, 5, "2025-10", -1, r, &n,
	    &err), 0);
	assert_int_equal(r[0].companies, 11);
	assert_int_equal(r[3].metric, AYNI_BM_MARGIN_PCT);
	assert_int_equal(r[3].companies, 9);
	assert_false(r[3].shown);
	assert_int_equal(ayni_benchmark_compare(db, 5, "2025-10",
	    AYNI_BM_MARGIN_PCT, r, &n, &err), AYNI_EUNAVAIL);
	assert_string_equal(err.msg, "needs 10 companies, has 9 (opted-in "
	    "retail companies with margin_pct in 2025-10)");
	/* with 10 that have costs, company 1 still sees none */
	exec_sql(db, "UPDATE agg_day SET costed_lines = 1, revenue_c = revenue"
	    " WHERE company_id = 2");
	assert_int_equal(ayni_benchmark_compare(db, 1, "2025-10", -1, r, &n,
	    &err), 0);
	assert_int_equal(r[3].companies, 10);
	assert_false(r[3].shown);
	assert_false(r[3].has_value);
	assert_int_equal(ayni_benchmark_compare(db, 1, "2025-10",
	    AYNI_BM_MARGIN_PCT, r, &n, &err), AYNI_EUNAVAIL);
	assert_string_equal(err.msg, "77.000.001-0 has no margin_pct in "
	    "2025-10 (no line with a cost): nothing to compare");
	ayni_db_close(db);
}

static void
test_refresh(void **state)
{
	ayni_bench_result r[AYNI_BM_COUNT];
	ayni_error err;
	ayni_db *db = new_db(10);
	long rows;
	int n;

	(void)state;
	add_company(db, 11, "food", 1, 1);
	add_sales(db, 11, "2025-10-15", 3);
	ayni_db_set_now(db, 1767225600);	/* 2026-01-01 00:00:00 */
	assert_int_equal(ayni_benchmark_refresh(db, &rows, &err), 0);
	/* retail only (food has 1): 6 metrics x 2025-10, 2025-Q4, 2025 */
	assert_int_equal(rows, 18);
	assert_int_equal(count(db, "SELECT count(*) FROM benchmarks"), 18);
	assert_int_equal(count(db, "SELECT count(*) FROM benchmarks"
	    " WHERE industry <> 'retail' OR sample_size <> 10"), 0);
	assert_int_equal(count(db, "SELECT count(*) FROM benchmarks WHERE"
	    " metric_name = 'revenue' AND period = '2025-Q4' AND"
	    " period_type = 'quarterly' AND value = 5500 AND"
	    " percentile_25 = 3250 AND percentile_50 = 5500 AND"
	    " percentile_75 = 7750 AND updated_at = '2026-01-01 00:00:00'"),
	    1);
	/* nothing names a company */
	assert_int_equal(count(db, "SELECT count(*) FROM"
	    " pragma_table_info('benchmarks') WHERE name LIKE '%company%'"
	    " OR name LIKE '%rut%' OR name LIKE '%name%' AND name <>"
	    " 'metric_name'"), 0);
	/* fresh: read from the table */
	assert_int_equal(ayni_benchmark_compare(db, 4, "2025-Q4",
	    AYNI_BM_REVENUE, r, &n, &err), 0);
	assert_true(r[0].from_store);
	assert_float_equal(r[0].p75, 7750, 1e-6);
	assert_int_equal(r[0].percentile, 39);
	/* a company opting out afterwards makes it stale: recomputed */
	exec_sql(db, "UPDATE companies SET benchmark = 0,"
	    " updated_at = '2026-01-02 00:00:00' WHERE id = 10");
	add_company(db, 12, "retail", 1, 1);
	add_sales(db, 12, "2025-10-15", 11);
	assert_int_equal(ayni_benchmark_compare(db, 4, "2025-Q4",
	    AYNI_BM_REVENUE, r, &n, &err), 0);
	assert_false(r[0].from_store);
	assert_int_equal(r[0].companies, 10);
	/* 1..9 and 11 thousand: the quartiles as before, the mean not */
	assert_float_equal(r[0].p75, 7750, 1e-6);
	assert_float_equal(r[0].mean, 5600, 1e-6);
	/* a refresh below the floor removes the rows */
	exec_sql(db, "UPDATE companies SET benchmark = 0 WHERE id = 12");
	assert_int_equal(ayni_benchmark_refresh(db, &rows, &err), 0);
	assert_int_equal(rows, 0);
	assert_int_equal(count(db, "SELECT count(*) FROM benchmarks"), 0);
	ayni_db_close(db);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_quantile),
		cmocka_unit_test(test_mean_trimmed),
		cmocka_unit_test(test_rank),
		cmocka_unit_test(test_parse),
		cmocka_unit_test(test_threshold),
		cmocka_unit_test(test_values),
		cmocka_unit_test(test_who_counts),
		cmocka_unit_test(test_periods),
		cmocka_unit_test(test_lacking_metric),
		cmocka_unit_test(test_refresh),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
