/*
 * test_parse.c - numbers, decimal-mark detection, dates, date-order
 * detection, --date-format and return markers.  Values only: no files.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "ayni/parse.h"

static void
num_ok(const char *s, char mark, int scale, int64_t want)
{
	ayni_error err = { 0, "", 0 };
	int64_t v = -777;
	int rc;

	rc = ayni_num_parse(s, mark, scale, &v, &err);
	if (rc != 0)
		fail_msg("'%s' with '%c': %s", s, mark, err.msg);
	if (v != want)
		fail_msg("'%s' with '%c' scale %d: got %lld, want %lld", s,
		    mark, scale, (long long)v, (long long)want);
}

static void
num_bad(const char *s, char mark, int scale, const char *msg)
{
	ayni_error err = { 0, "", 0 };
	int64_t v = -777;

	assert_int_equal(ayni_num_parse(s, mark, scale, &v, &err),
	    AYNI_EDATA);
	assert_int_equal(v, -777);
	if (strstr(err.msg, msg) == NULL)
		fail_msg("'%s': message '%s' lacks '%s'", s, err.msg, msg);
}

static void
test_num_comma(void **state)
{
	(void)state;
	num_ok("1234", ',', 2, 123400);
	num_ok("1.234", ',', 2, 123400);
	num_ok("1.234,56", ',', 2, 123456);
	num_ok("1234,5", ',', 2, 123450);
	num_ok("$ 1.234", ',', 2, 123400);
	num_ok("$1.234.567", ',', 2, 123456700);
	num_ok("-1.234", ',', 2, -123400);
	num_ok("(1.234)", ',', 2, -123400);
	num_ok("( $ 1.234,5 )", ',', 2, -123450);
	num_ok("  +1.234,56  ", ',', 2, 123456);
	num_ok("-$ 12", ',', 2, -1200);
	num_ok("$-12", ',', 2, -1200);
	num_ok("\xc2\xa0" "12,5\xc2\xa0", ',', 2, 1250);
	num_ok("0,5", ',', 2, 50);
	num_ok(",5", ',', 2, 50);
	num_ok("1234,500", ',', 2, 123450);	/* zeros past the scale */
	num_ok("1,088", ',', 3, 1088);		/* 1.088 kg */
	num_ok("2", ',', 3, 2000);
	num_ok("0", ',', 2, 0);
	num_ok("-0", ',', 2, 0);
	num_bad("1,234.56", ',', 2, "with ',' as decimal mark");
	num_bad("1.23", ',', 2, "with ',' as decimal mark");
	num_bad("12.34.5", ',', 2, "with ',' as decimal mark");
	num_bad("0.123", ',', 2, "with ',' as decimal mark");
	num_bad("1234,567", ',', 2, "more than 2 decimals");
	num_bad("1,0885", ',', 3, "more than 3 decimals");
}

static void
test_num_dot_forms(void **state)
{
	(void)state;
	num_ok("1234", '.', 2, 123400);
	num_ok("1,234.56", '.', 2, 123456);
	num_ok("1,234", '.', 2, 123400);
	num_ok("1234.5", '.', 2, 123450);
	num_ok("$ 1,234", '.', 2, 123400);
	num_ok("-1,234", '.', 2, -123400);
	num_ok("(1,234.50)", '.', 2, -123450);
	num_ok("+0.5", '.', 3, 500);
	num_ok("1.088", '.', 3, 1088);
	num_bad("1.234,56", '.', 2, "with '.' as decimal mark");
	num_bad("1234,5", '.', 2, "with '.' as decimal mark");
	num_bad("1.234", '.', 2, "more than 2 decimals");
}

static void
test_num_garbage(void **state)
{
	(void)state;
	num_bad("", ',', 2, "is not a number");
	num_bad("   ", ',', 2, "is not a number");
	num_bad("abc", ',', 2, "is not a number");
	num_bad("12abc", ',', 2, "is not a number");
	num_bad("1 234", ',', 2, "is not a number");
	num_bad("1e5", '.', 2, "is not a number");
	num_bad("(-12)", ',', 2, "is not a number");
	num_bad("(12", ',', 2, "is not a number");
	num_bad("--1", ',', 2, "is not a number");
	num_bad("$", ',', 2, "is not a number");
	num_bad(",", ',', 2, "with ',' as decimal mark");
	num_bad("12,", ',', 2, "with ',' as decimal mark");
	num_bad("nan", '.', 2, "is not a finite number");
	num_bad("-Infinity", '.', 2, "is not a finite number");
	num_bad("inf", ',', 2, "is not a finite number");
	/* int64 holds 92233720368547758.07 in hundredths */
	num_ok("92233720368547758,07", ',', 2, INT64_MAX);
	num_ok("-92233720368547758,07", ',', 2, -INT64_MAX);
	num_bad("92233720368547758,08", ',', 2, "is too large");
	num_bad("92.233.720.368.547.759", ',', 2, "is too large");
	num_bad("999999999999999999999999", ',', 0, "is too large");
}

static char
mark_of(const char *const *vals)
{
	ayni_num_evidence ev = { 0 };

	for (; *vals != NULL; vals++)
		ayni_num_evidence_add(&ev, *vals);
	return ayni_num_evidence_mark(&ev);
}

static void
test_num_evidence(void **state)
{
	static const char *const comma[] = { "1.234", "1234,5", "12", NULL };
	static const char *const comma2[] = { "1.234.567", NULL };
	static const char *const comma3[] = { "1.234,56", NULL };
	static const char *const dot[] = { "1,234.56", "7", NULL };
	static const char *const dot2[] = { "0.123", NULL };
	static const char *const dot3[] = { "1234.567", NULL };
	static const char *const dot4[] = { "1,234,567", "$ 2,000", NULL };
	static const char *const amb[] = { "1.234", "(2.000)", "-1,088", NULL };
	static const char *const none[] = { "12", "$ 5", "x", "", NULL };
	ayni_num_evidence ev = { 0 };

	(void)state;
	assert_int_equal(mark_of(comma), ',');
	assert_int_equal(mark_of(comma2), ',');
	assert_int_equal(mark_of(comma3), ',');
	assert_int_equal(mark_of(dot), '.');
	assert_int_equal(mark_of(dot2), '.');
	assert_int_equal(mark_of(dot3), '.');
	assert_int_equal(mark_of(dot4), '.');
	assert_int_equal(mark_of(amb), 0);
	assert_int_equal(mark_of(none), 0);
	ayni_num_evidence_add(&ev, "1.234");
	ayni_num_evidence_add(&ev, "1,5");
	ayni_num_evidence_add(&ev, "2,5");
	ayni_num_evidence_add(&ev, "2.5");
	assert_int_equal(ev.ambiguous, 1);
	assert_int_equal(ev.comma, 2);
	assert_int_equal(ev.dot, 1);
	assert_int_equal(ayni_num_evidence_mark(&ev), ',');	/* majority */
}

static void
test_num_decide(void **state)
{
	ayni_num_evidence ev[4];
	ayni_mark_source why[4];
	char marks[4];

	(void)state;
	/* Column 0 proves '.', column 1 is ambiguous: follows the file. */
	memset(ev, 0, sizeof(ev));
	ayni_num_evidence_add(&ev[0], "1,234.50");
	ayni_num_evidence_add(&ev[1], "1,088");
	ayni_num_decide(ev, 2, marks, why);
	assert_int_equal(marks[0], '.');
	assert_int_equal(why[0], AYNI_MARK_COLUMN);
	assert_int_equal(marks[1], '.');
	assert_int_equal(why[1], AYNI_MARK_FILE);

	/* Each column keeps its own proof; the ambiguous one follows. */
	memset(ev, 0, sizeof(ev));
	ayni_num_evidence_add(&ev[0], "12,5");
	ayni_num_evidence_add(&ev[1], "1.234");
	ayni_num_evidence_add(&ev[2], "3.5");
	ayni_num_evidence_add(&ev[3], "1.234,5");
	ayni_num_decide(ev, 4, marks, why);
	assert_int_equal(marks[0], ',');
	assert_int_equal(marks[1], ',');	/* 2 columns ',' vs 1 '.' */
	assert_int_equal(why[1], AYNI_MARK_FILE);
	assert_int_equal(marks[2], '.');
	assert_int_equal(why[2], AYNI_MARK_COLUMN);
	assert_int_equal(marks[3], ',');

	/* No evidence anywhere: Chilean, 1.234 is 1234 pesos. */
	memset(ev, 0, sizeof(ev));
	ayni_num_evidence_add(&ev[0], "1.234");
	ayni_num_evidence_add(&ev[1], "500");
	ayni_num_decide(ev, 2, marks, NULL);
	assert_int_equal(marks[0], ',');
	assert_int_equal(marks[1], ',');
	ayni_num_decide(ev, 2, marks, why);
	assert_int_equal(why[0], AYNI_MARK_DEFAULT);
	assert_int_equal(why[1], AYNI_MARK_DEFAULT);
}

static void
date_ok(const char *s, ayni_date_order o, const char *want)
{
	ayni_error err = { 0, "", 0 };
	char out[AYNI_DATE_LEN];

	if (ayni_date_parse(s, o, out, &err) != 0)
		fail_msg("'%s': %s", s, err.msg);
	if (strcmp(out, want) != 0)
		fail_msg("'%s': got '%s', want '%s'", s, out, want);
}

static void
date_bad(const char *s, ayni_date_order o, const char *msg)
{
	ayni_error err = { 0, "", 0 };
	char out[AYNI_DATE_LEN] = "untouched";

	assert_int_equal(ayni_date_parse(s, o, out, &err), AYNI_EDATA);
	assert_string_equal(out, "untouched");
	if (strstr(err.msg, msg) == NULL)
		fail_msg("'%s': message '%s' lacks '%s'", s, err.msg, msg);
}

static void
test_dates(void **state)
{
	const ayni_date_order D = AYNI_DATE_DAY_FIRST;
	const ayni_date_order M = AYNI_DATE_MONTH_FIRST;

	(void)state;
	date_ok("2024-03-05", D, "2024-03-05 00:00:00");
	date_ok("05-03-2024", D, "2024-03-05 00:00:00");
	date_ok("05/03/2024", D, "2024-03-05 00:00:00");
	date_ok("2024/03/05", D, "2024-03-05 00:00:00");
	date_ok("5/3/2024", D, "2024-03-05 00:00:00");
	date_ok("05/03/24", D, "2024-03-05 00:00:00");
	date_ok("05/03/99", D, "1999-03-05 00:00:00");
	date_ok("2024-03-05 14:30", D, "2024-03-05 14:30:00");
	date_ok("05-03-2024 14:30:15", D, "2024-03-05 14:30:15");
	date_ok("05/03/2024 9:05", D, "2024-03-05 09:05:00");
	date_ok("2024/03/05 23:59:59", D, "2024-03-05 23:59:59");
	date_ok("  2024-03-05   08:00  ", D, "2024-03-05 08:00:00");
	date_ok("2024-03-05T14:30", D, "2024-03-05 14:30:00");
	date_ok("2024-03-05T14:30:15", D, "2024-03-05 14:30:15");
	date_ok("2024-03-05T14:30:15.250Z", D, "2024-03-05 14:30:15");
	date_ok("2024-03-05T14:30:15-03:00", D, "2024-03-05 14:30:15");
	date_ok("2024-03-05T14:30:15+0100", D, "2024-03-05 14:30:15");
	date_ok("05/03/2024 2:30 p. m.", D, "2024-03-05 14:30:00");
	date_ok("05/03/2024 12:10 AM", D, "2024-03-05 00:10:00");
	date_ok("05/03/2024 12:10 pm", D, "2024-03-05 12:10:00");
	date_ok("29-02-2024", D, "2024-02-29 00:00:00");	/* leap */
	date_ok("29-02-2000", D, "2000-02-29 00:00:00");
	/* Month-first order swaps only the D-M-Y forms. */
	date_ok("03/25/2024", M, "2024-03-25 00:00:00");
	date_ok("03/05/2024 10:00", M, "2024-03-05 10:00:00");
	date_ok("2024-03-05", M, "2024-03-05 00:00:00");
}

static void
test_dates_impossible(void **state)
{
	const ayni_date_order D = AYNI_DATE_DAY_FIRST;

	(void)state;
	/* docs/contract.md §2: years 1900-2199, the edges included */
	date_ok("01/01/1900", D, "1900-01-01 00:00:00");
	date_ok("31/12/2199 23:59:59", D, "2199-12-31 23:59:59");
	date_bad("31/12/9999", D, "'31/12/9999' is an impossible date: "
	    "years 1900-2199 only");
	date_bad("9999-12-28", D, "years 1900-2199 only");
	date_bad("31/12/1899", D, "years 1900-2199 only");
	date_bad("01/01/2200", D, "years 1900-2199 only");
	date_bad("01/01/0001", D, "'01/01/0001' is an impossible date: "
	    "years 1900-2199 only");
	date_bad("31-02-2025", D, "impossible date");
	date_bad("29-02-2025", D, "impossible date");
	date_bad("29-02-1900", D, "impossible date");
	date_bad("01-13-2024", D, "impossible date");
	date_bad("00-01-2024", D, "impossible date");
	date_bad("2024-04-31", D, "impossible date");
	date_bad("03/25/2024", D, "impossible date");	/* day-first */
	date_bad("2024-03-05 25:00", D, "impossible time");
	date_bad("2024-03-05 23:60", D, "impossible time");
	date_bad("2024-03-05 23:59:60", D, "impossible time");
	date_bad("05/03/2024 13:00 pm", D, "impossible time");
	date_bad("05/03/2024 0:30 am", D, "impossible time");
	date_bad("", D, "is not a date");
	date_bad("hoy", D, "is not a date");
	date_bad("2024-03", D, "is not a date");
	date_bad("2024-03/05", D, "is not a date");
	date_bad("20240305", D, "is not a date");
	date_bad("05/03/202", D, "is not a date");
	date_bad("2024-03-05T", D, "is not a date");
	date_bad("2024-03-05 14", D, "is not a date");
	date_bad("2024-03-05 14:30 hrs", D, "is not a date");
	date_bad("45356", D, "is not a date");	/* an Excel serial */
}

static void
test_date_order(void **state)
{
	ayni_date_evidence ev = { 0 };

	(void)state;
	/* No value decides: day-first, said to be a guess. */
	ayni_date_evidence_add(&ev, "05/03/2024");
	ayni_date_evidence_add(&ev, "2024-03-25");
	ayni_date_evidence_add(&ev, "garbage");
	assert_int_equal(ayni_date_evidence_order(&ev), AYNI_DATE_DAY_FIRST);
	assert_int_equal(ev.day_first + ev.month_first, 0);
	assert_int_equal(ev.ambiguous, 1);
	assert_true(ayni_date_evidence_guessed(&ev));
	/* 03/25 proves month-first. */
	ayni_date_evidence_add(&ev, "03/25/2024 10:00");
	assert_int_equal(ev.month_first, 1);
	assert_int_equal(ayni_date_evidence_order(&ev), AYNI_DATE_MONTH_FIRST);
	/* 25/03 contradicts it: back to day-first, bad values get reported. */
	ayni_date_evidence_add(&ev, "25-03-24");
	assert_int_equal(ev.day_first, 1);
	assert_int_equal(ayni_date_evidence_order(&ev), AYNI_DATE_DAY_FIRST);
	assert_false(ayni_date_evidence_guessed(&ev));
}

/* A column of Excel serials, and offsets after a space. */
static void
test_date_excel_and_offsets(void **state)
{
	ayni_date_evidence ev = { 0 };
	ayni_error err = { 0, "", 0 };
	char out[AYNI_DATE_LEN];

	(void)state;
	ayni_date_evidence_add(&ev, "45933");
	ayni_date_evidence_add(&ev, "45933.75");
	ayni_date_evidence_add(&ev, "");
	assert_int_equal(ayni_date_evidence_order(&ev),
	    AYNI_DATE_EXCEL_SERIAL);
	assert_int_equal(ayni_date_parse("45933", AYNI_DATE_EXCEL_SERIAL, out,
	    &err), 0);
	assert_string_equal(out, "2025-10-03 00:00:00");
	assert_int_equal(ayni_date_parse("45933,5", AYNI_DATE_EXCEL_SERIAL,
	    out, &err), 0);
	assert_string_equal(out, "2025-10-03 12:00:00");
	assert_int_equal(ayni_date_parse("45933.999999",
	    AYNI_DATE_EXCEL_SERIAL, out, &err), 0);
	assert_string_equal(out, "2025-10-03 23:59:59");
	assert_int_equal(ayni_date_parse("1234", AYNI_DATE_EXCEL_SERIAL, out,
	    &err), AYNI_EDATA);
	assert_string_equal(err.msg, "'1234' is not a date: the column holds "
	    "Excel serial numbers (20000 to 80000)");
	/* one real date among them: not a serial column */
	ayni_date_evidence_add(&ev, "03/10/2025");
	assert_int_equal(ayni_date_evidence_order(&ev), AYNI_DATE_DAY_FIRST);
	/* offsets are accepted and dropped: the wall clock is kept */
	assert_int_equal(ayni_date_parse("2025-10-03 14:22:01 -0300",
	    AYNI_DATE_DAY_FIRST, out, &err), 0);
	assert_string_equal(out, "2025-10-03 14:22:01");
	assert_int_equal(ayni_date_parse("2025-10-03T14:22:01-03:00",
	    AYNI_DATE_DAY_FIRST, out, &err), 0);
	assert_string_equal(out, "2025-10-03 14:22:01");
	assert_int_equal(ayni_date_parse("2025-10-03T14:22:01Z",
	    AYNI_DATE_DAY_FIRST, out, &err), 0);
	assert_string_equal(out, "2025-10-03 14:22:01");
	assert_int_equal(ayni_date_parse("2025-10-03 14:22:01 Z",
	    AYNI_DATE_DAY_FIRST, out, &err), 0);
	assert_int_equal(ayni_date_parse("2025-10-03 14:22:01 -x",
	    AYNI_DATE_DAY_FIRST, out, &err), AYNI_EDATA);
}

static void
test_date_format(void **state)
{
	ayni_error err = { 0, "", 0 };
	char out[AYNI_DATE_LEN];

	(void)state;
	assert_int_equal(ayni_date_parse_format("05/03/2024 14:30",
	    "%d/%m/%Y %H:%M", out, &err), 0);
	assert_string_equal(out, "2024-03-05 14:30:00");
	assert_int_equal(ayni_date_parse_format("03.25.24", "%m.%d.%y", out,
	    &err), 0);
	assert_string_equal(out, "2024-03-25 00:00:00");
	assert_int_equal(ayni_date_parse_format("20240305 081502",
	    "%Y%m%d %H%M%S", out, &err), 0);
	assert_string_equal(out, "2024-03-05 08:15:02");
	assert_int_equal(ayni_date_parse_format("5-3-2024 at 100%",
	    "%d-%m-%Y at 100%%", out, &err), 0);
	assert_string_equal(out, "2024-03-05 00:00:00");

	assert_int_equal(ayni_date_parse_format("31/02/2024", "%d/%m/%Y",
	    out, &err), AYNI_EDATA);
	assert_non_null(strstr(err.msg, "impossible date"));
	/* the same year range as the automatic parser */
	assert_int_equal(ayni_date_parse_format("9999-12-31", "%Y-%m-%d",
	    out, &err), AYNI_EDATA);
	assert_string_equal(err.msg, "'9999-12-31' is an impossible date: "
	    "years 1900-2199 only");
	assert_int_equal(ayni_date_parse_format("31/12/68", "%d/%m/%y",
	    out, &err), 0);
	assert_string_equal(out, "2068-12-31 00:00:00");
	assert_int_equal(ayni_date_parse_format("05/03/2024 25:00",
	    "%d/%m/%Y %H:%M", out, &err), AYNI_EDATA);
	assert_non_null(strstr(err.msg, "impossible time"));
	assert_int_equal(ayni_date_parse_format("2024-03-05", "%d/%m/%Y",
	    out, &err), AYNI_EDATA);
	assert_string_equal(err.msg,
	    "'2024-03-05' does not match date format '%d/%m/%Y'");
	assert_int_equal(ayni_date_parse_format("05/03/2024 extra",
	    "%d/%m/%Y", out, &err), AYNI_EDATA);

	assert_int_equal(ayni_date_format_check("%d/%m/%Y", &err), 0);
	assert_int_equal(ayni_date_format_check("%d/%b/%Y", &err),
	    AYNI_EUSAGE);
	assert_non_null(strstr(err.msg, "'%b' is not supported"));
	assert_int_equal(ayni_date_format_check("%d/%m", &err), AYNI_EUSAGE);
	assert_int_equal(ayni_date_format_check("%d/%m/%Y %", &err),
	    AYNI_EUSAGE);
	assert_int_equal(ayni_date_parse_format("05/03", "%d/%m", out, &err),
	    AYNI_EUSAGE);
}

static void
test_returns(void **state)
{
	(void)state;
	assert_true(ayni_is_return("return"));
	assert_true(ayni_is_return("RETURN"));
	assert_true(ayni_is_return("Devolución"));
	assert_true(ayni_is_return("DEVOLUCIÓN"));
	assert_true(ayni_is_return("devolucion"));
	assert_true(ayni_is_return("Nota de Crédito"));
	assert_true(ayni_is_return("nota de credito"));
	assert_true(ayni_is_return("  NC "));
	assert_true(ayni_is_return("N.C."));
	assert_false(ayni_is_return("venta"));
	assert_false(ayni_is_return("Efectivo"));
	assert_false(ayni_is_return("nota de débito"));
	assert_true(ayni_is_return("112"));	/* export credit note */
	assert_false(ayni_is_return("111"));	/* export debit note */
	assert_false(ayni_is_return("56"));
	/* a dispatch guide is not a sale, whatever its spelling */
	assert_true(ayni_is_not_sale("52"));
	assert_true(ayni_is_not_sale("Guía de Despacho"));
	assert_true(ayni_is_not_sale("GUIA DE DESPACHO ELECTRONICA"));
	assert_false(ayni_is_not_sale("33"));
	assert_false(ayni_is_not_sale("Factura"));
	assert_false(ayni_is_not_sale(NULL));
	assert_false(ayni_is_return("nc2"));
	assert_false(ayni_is_return(""));
	assert_false(ayni_is_return(NULL));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_num_comma),
		cmocka_unit_test(test_num_dot_forms),
		cmocka_unit_test(test_num_garbage),
		cmocka_unit_test(test_num_evidence),
		cmocka_unit_test(test_num_decide),
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_dates_impossible),
		cmocka_unit_test(test_date_order),
		cmocka_unit_test(test_date_excel_and_offsets),
		cmocka_unit_test(test_date_format),
		cmocka_unit_test(test_returns),
	};

	return cmocka_run_group_tests_name("parse", tests, NULL, NULL);
}
