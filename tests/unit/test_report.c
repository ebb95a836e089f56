/*
 * test_report.c - src/lib/report*.c and export.c on a small fixture
 * computed by hand: KPIs of a month against the previous month and the
 * same month a year before, margin band, ABC and Pareto, weekday and hour
 * peaks, the default period (latest full month), the benchmark's absence
 * explained; the record and the HTML page carry the same numbers; the
 * Excel csv dialect and formula neutralisation of the writer; raw export
 * in pesos.
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

#include "ayni/db.h"
#include "internal.h"	/* ayni_db_handle */
#include "ayni/export.h"
#include "ayni/output.h"
#include "ayni/report.h"

static void
exec_sql(ayni_db *db, const char *sql)
{
	char *msg = NULL;

	if (sqlite3_exec(ayni_db_handle(db), sql, NULL, NULL, &msg) !=
	    SQLITE_OK)
		fail_msg("%s: %s", sql, msg);
}

/*
 * Company 1, money in cents:
 *   2024-01-10 10:00  T0 P1 1 u  $1.000                 (a year before)
 *   2024-12-02 11:00  T1 P1 1 u  $2.000                 (previous month)
 *   2025-01-06 09:00  T2 P1 2 u  $4.000 margin $1.600   Monday
 *   2025-01-06 09:00  T2 P2 1 u  $1.000 no cost
 *   2025-01-07 18:30  T3 P3 1 u  $10.000 margin $1.000  Tuesday
 *   2025-01-31 18:10  T4 P2 1 u  $500                   Friday
 * January: revenue $15.500, 3 transactions, margin $2.600 on $14.000
 * of costed revenue (18,57 %: low); P3 $10.000 (64,5 %: A), P1 $4.000
 * (90,3 %: B), P2 $1.500 (C): 2 products make 80 %.
 */
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
	    " VALUES (1, '76123456-0', 'Almacen <Uno>', 'x', 'x');"
	    "INSERT INTO uploads (id, company_id, filename, status,"
	    " created_at) VALUES (1, 1, 'a.csv', 'completed', 'x');"
	    "INSERT INTO raw_transactions (company_id, upload_id, line_no,"
	    " transaction_date, transaction_id, product_id, description,"
	    " category, quantity, price_total, cost_total, margin,"
	    " processed_at) VALUES"
	    " (1, 1, 1, '2024-01-10 10:00:00', 'T0', 'P1', 'Uno', 'A',"
	    "  1000, 100000, NULL, NULL, 'x'),"
	    " (1, 1, 2, '2024-12-02 11:00:00', 'T1', 'P1', 'Uno', 'A',"
	    "  1000, 200000, NULL, NULL, 'x'),"
	    " (1, 1, 3, '2025-01-06 09:00:00', 'T2', 'P1', 'Uno', 'A',"
	    "  2000, 400000, 240000, 160000, 'x'),"
	    " (1, 1, 4, '2025-01-06 09:00:00', 'T2', 'P2', 'Dos', 'B',"
	    "  1000, 100000, NULL, NULL, 'x'),"
	    " (1, 1, 5, '2025-01-07 18:30:00', 'T3', 'P3', '=cmd|x', 'B',"
	    "  1000, 1000000, 900000, 100000, 'x'),"
	    " (1, 1, 6, '2025-01-31 18:10:00', 'T4', 'P2', 'Dos', 'B',"
	    "  1000, 50000, NULL, NULL, 'x');");
	return db;
}

static void
test_bands(void **state)
{
	double d;

	(void)state;
	assert_string_equal(ayni_margin_band(-3), "critical");
	assert_string_equal(ayni_margin_band(14.99), "critical");
	assert_string_equal(ayni_margin_band(15), "low");
	assert_string_equal(ayni_margin_band(24.99), "low");
	assert_string_equal(ayni_margin_band(25), "healthy");
	assert_string_equal(ayni_margin_band(34.99), "healthy");
	assert_string_equal(ayni_margin_band(35), "excellent");
	assert_int_equal(ayni_report_change(150, 100, &d), 1);
	assert_true(d > 49.999 && d < 50.001);
	assert_int_equal(ayni_report_change(50, -100, &d), 1);
	assert_true(d > 149.999 && d < 150.001);
	assert_int_equal(ayni_report_change(5, 0, &d), 0);
	assert_string_equal(ayni_weekday_name(0), "Monday");
	assert_string_equal(ayni_weekday_name(6), "Sunday");
}

static void
test_build(void **state)
{
	ayni_db *db = new_db();
	ayni_report *r;
	ayni_error err;
	int h;

	(void)state;
	/* the latest sale is on January's last day: January is full */
	assert_int_equal(ayni_report_build(db, 1, NULL, &r, &err), 0);
	assert_string_equal(r->period.label, "2025-01");
	assert_string_equal(r->last_day, "2025-01-31");
	assert_string_equal(r->rut, "76.123.456-0");
	assert_int_equal(r->cur.has, 1);
	assert_int_equal(r->cur.revenue, 1550000);
	assert_int_equal(r->cur.transactions, 3);
	assert_int_equal(r->cur.lines, 4);
	assert_int_equal(r->cur.units, 5000);
	assert_int_equal(r->cur.margin, 260000);
	assert_true(r->cur.has_margin_pct);
	assert_true(r->cur.margin_pct > 18.57 && r->cur.margin_pct < 18.58);
	assert_string_equal(r->prev.period, "2024-12");
	assert_int_equal(r->prev.revenue, 200000);
	assert_string_equal(r->year_ago.period, "2024-01");
	assert_int_equal(r->year_ago.revenue, 100000);
	assert_int_equal(r->nproducts, 3);
	assert_string_equal(r->top[0].id, "P3");
	assert_int_equal(r->top[0].revenue, 1000000);
	assert_int_equal(r->abc[0], 1);
	assert_int_equal(r->abc[1], 1);
	assert_int_equal(r->abc[2], 1);
	assert_int_equal(r->pareto, 2);
	assert_int_equal(r->ncategories, 2);
	assert_string_equal(r->cat[0].id, "B");
	assert_int_equal(r->cat[0].revenue, 1150000);
	assert_int_equal(r->best_wd, 1);	/* Tuesday */
	assert_int_equal(r->worst_wd, 4);	/* Friday */
	assert_int_equal(r->wd_revenue[0], 500000);
	assert_int_equal(r->has_hours, 1);
	assert_int_equal(r->peak_hour, 18);
	assert_int_equal(r->hour_revenue[18], 1050000);
	assert_int_equal(r->heat[1][18], 1000000);
	assert_int_equal(r->heat[4][18], 50000);
	/* the weekday sums of the hours equal those of the daily rollup */
	for (h = 0; h < 24; h++)
		r->wd_revenue[0] -= r->heat[0][h];
	assert_int_equal(r->wd_revenue[0], 0);
	assert_int_equal(r->ndays, 31);
	assert_int_equal(r->days[5], 500000);
	assert_int_equal(r->nprev_days, 31);
	assert_int_equal(r->prev_days[1], 200000);
	assert_int_equal(r->nbench, 0);
	assert_non_null(strstr(r->bench_why, "has not opted in"));
	ayni_report_free(r);

	/* a quarter: the previous one and a year before */
	assert_int_equal(ayni_report_build(db, 1, "2025-Q1", &r, &err), 0);
	assert_string_equal(r->prev.period, "2024-Q4");
	assert_string_equal(r->year_ago.period, "2024-Q1");
	assert_int_equal(r->cur.revenue, 1550000);
	assert_int_equal(r->prev.revenue, 200000);
	ayni_report_free(r);

	/* a period without sales is a report; a bad period is not */
	assert_int_equal(ayni_report_build(db, 1, "2023-05", &r, &err), 0);
	assert_int_equal(r->cur.has, 0);
	assert_int_equal(r->best_wd, -1);
	ayni_report_free(r);
	assert_int_equal(ayni_report_build(db, 1, "2025-1", &r, &err),
	    AYNI_EUSAGE);
	assert_null(r);
	ayni_db_close(db);
}

static void
test_no_sales(void **state)
{
	ayni_db *db = new_db();
	ayni_report *r;
	ayni_error err;

	(void)state;
	exec_sql(db, "DELETE FROM raw_transactions");
	assert_int_equal(ayni_report_build(db, 1, NULL, &r, &err),
	    AYNI_ENOTFOUND);
	assert_string_equal(err.msg, "76.123.456-0 has no sales yet: upload "
	    "a file first");
	ayni_db_close(db);
}

/* Render into a string. */
static char *
render(const ayni_report *r, int html)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);
	ayni_error err;

	assert_non_null(fp);
	assert_int_equal(html ? ayni_report_html(r, fp, &err) :
	    ayni_report_text(r, fp, &err), 0);
	fclose(fp);
	return buf;
}

static void
test_render(void **state)
{
	ayni_db *db = new_db();
	ayni_report *r;
	ayni_error err;
	char *s;

	(void)state;
	assert_int_equal(ayni_report_build(db, 1, "2025-01", &r, &err), 0);
	s = render(r, 0);
	assert_non_null(strstr(s, "Almacen <Uno>  76.123.456-0  2025-01 "
	    "(2025-01-01 to 2025-01-31)\n"));
	assert_non_null(strstr(s, "\nrevenue               $15.500          "
	    "$2.000   +675,00 %          $1.000  +1450,00 %\n"));
	assert_non_null(strstr(s, "margin: $2.600, 18,57 % of the revenue of "
	    "lines with a cost: low\n"));
	assert_non_null(strstr(s, "3 sold; ABC: A 1, B 1, C 1; 2 make 80 %"));
	assert_non_null(strstr(s, "weekdays: best Tuesday ($10.000 on 1 "
	    "day), worst Friday ($500 on 1 day)\n"));
	assert_non_null(strstr(s, "peak hour: 18:00-18:59 ($10.500)\n"));
	free(s);
	s = render(r, 1);
	/* markup in names is text; no script; the plain values are there */
	assert_non_null(strstr(s, "<h1>Almacen &lt;Uno&gt;</h1>"));
	assert_null(strstr(s, "<script"));
	assert_non_null(strstr(s, "data-k=\"revenue\" data-v=\"15500\""));
	assert_non_null(strstr(s, "data-k=\"prev_revenue\" data-v=\"2000\""));
	assert_non_null(strstr(s, "data-k=\"year_ago_revenue\" "
	    "data-v=\"1000\""));
	assert_non_null(strstr(s, "data-k=\"margin_pct\" data-v=\"18.57\""));
	assert_non_null(strstr(s, "data-k=\"pareto_products\" data-v=\"2\""));
	assert_non_null(strstr(s, "data-k=\"peak_hour\" data-v=\"18\""));
	assert_non_null(strstr(s, "=cmd|x"));
	free(s);
	ayni_report_free(r);
	ayni_db_close(db);
}

/* A csv writer on a string; excel: the Excel dialect. */
static char *
csv_rows(int excel, const ayni_value (*rows)[2], int n)
{
	static const ayni_column cols[] = {
		{ "name", AYNI_T_TEXT }, { "amount", AYNI_T_MONEY },
	};
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);
	ayni_writer *w;
	ayni_error err;
	int i;

	assert_int_equal(ayni_writer_new(&w, fp, AYNI_FORMAT_CSV,
	    AYNI_WRITER_LIST, cols, 2, &err), 0);
	if (excel)
		ayni_writer_excel(w);
	for (i = 0; i < n; i++)
		assert_int_equal(ayni_writer_row(w, rows[i], &err), 0);
	assert_int_equal(ayni_writer_finish(w, &err), 0);
	ayni_writer_free(w);
	fclose(fp);
	return buf;
}

static void
test_excel(void **state)
{
	ayni_value rows[5][2];
	char *s;

	(void)state;
	rows[0][0] = ayni_v_text("=SUM(A1)");
	rows[0][1] = ayni_v_int(123450);
	rows[1][0] = ayni_v_text("a;b, c");
	rows[1][1] = ayni_v_int(-5);
	rows[2][0] = ayni_v_text("@x");
	rows[2][1] = ayni_v_null();
	rows[3][0] = ayni_v_text("\tTAB");
	rows[3][1] = ayni_v_int(100);
	rows[4][0] = ayni_v_text("-2+3;x");
	rows[4][1] = ayni_v_int(0);
	s = csv_rows(1, (const ayni_value (*)[2])rows, 5);
	assert_string_equal(s, "name;amount\r\n"
	    "'=SUM(A1);1234,5\r\n"
	    "\"a;b, c\";-0,05\r\n"
	    "'@x;\r\n"
	    "'\tTAB;1\r\n"
	    "\"'-2+3;x\";0\r\n");
	free(s);
	s = csv_rows(0, (const ayni_value (*)[2])rows, 5);
	assert_string_equal(s, "name,amount\r\n"
	    "'=SUM(A1),1234.5\r\n"
	    "\"a;b, c\",-0.05\r\n"
	    "'@x,\r\n"
	    "'\tTAB,1\r\n"
	    "'-2+3;x,0\r\n");
	free(s);
}

static void
test_export_raw(void **state)
{
	ayni_db *db = new_db();
	ayni_export_opts o = { 0, AYNI_AGG_DAY, NULL, NULL };
	const ayni_column *cols;
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);
	ayni_writer *w;
	ayni_error err;
	int n;

	(void)state;
	assert_int_equal(ayni_export_what_parse("raw", &o, &err), 0);
	assert_int_equal(o.raw, 1);
	assert_int_equal(ayni_export_what_parse("lines", &o, &err),
	    AYNI_EUSAGE);
	assert_int_equal(ayni_export_what_parse("raw", &o, &err), 0);
	o.from = "2025-01-07";
	o.to = "2025-01-31";
	ayni_export_columns(&o, &cols, &n);
	assert_int_equal(n, 22);
	assert_int_equal(ayni_writer_new(&w, fp, AYNI_FORMAT_CSV,
	    AYNI_WRITER_LIST, cols, n, &err), 0);
	assert_int_equal(ayni_export_write(db, 1, &o, w, &err), 0);
	assert_int_equal(ayni_writer_finish(w, &err), 0);
	ayni_writer_free(w);
	fclose(fp);
	/* pesos, not cents; the line at 18:10 of --to is in; formulas not */
	assert_non_null(strstr(buf, "\r\n2025-01-07 18:30:00,,,T3,P3,1,,0,,"
	    "'=cmd|x,B,,1,,10000,,9000,,,,1000,1\r\n"));
	assert_non_null(strstr(buf, "\r\n2025-01-31 18:10:00,,,T4,P2,1,,0,,"
	    "Dos,B,,1,,500,,,,,,,1\r\n"));
	assert_null(strstr(buf, "2025-01-06"));
	free(buf);
	o.to = "2025-01-01";
	assert_int_equal(ayni_export_write(db, 1, &o, NULL, &err),
	    AYNI_EUSAGE);
	ayni_db_close(db);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bands),
		cmocka_unit_test(test_build),
		cmocka_unit_test(test_no_sales),
		cmocka_unit_test(test_render),
		cmocka_unit_test(test_excel),
		cmocka_unit_test(test_export_raw),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
