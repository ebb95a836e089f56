/*
 * test_output.c - the writer: exact bytes of every format for the same
 * rows, money and quantities from exact integers, quoting, nulls; and the
 * writer over a statement, on SQLite and again on PostgreSQL (testdb.h).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ayni/db.h"
#include "testdb.h"
#include "ayni/output.h"

/*
 * Allocation failure on demand: calloc is interposed (glibc's own is
 * __libc_calloc) and fails once when calloc_fail is set.  Not under
 * AddressSanitizer, which owns the allocator.
 */
#if defined(__GLIBC__) && !defined(__SANITIZE_ADDRESS__)
#define HAVE_FAIL_CALLOC 1
extern void *__libc_calloc(size_t, size_t);
static int calloc_fail;

void *
calloc(size_t n, size_t size)
{
	if (calloc_fail) {
		calloc_fail = 0;
		return NULL;
	}
	return __libc_calloc(n, size);
}
#endif

static const ayni_column cols[] = {
	{ "product", AYNI_T_TEXT },
	{ "units", AYNI_T_QTY },
	{ "revenue", AYNI_T_MONEY },
	{ "lines", AYNI_T_INT },
	{ "margin_pct", AYNI_T_PCT },
	{ "active", AYNI_T_BOOL },
};

/* Write two rows in fmt/shape and return what came out (caller frees). */
static char *
render(ayni_format fmt, int shape, int nrows)
{
	ayni_value rows[2][6] = {
		{ ayni_v_text("Pan amasado, \"kg\""), ayni_v_int(1088),
		  ayni_v_int(123456789), ayni_v_int(3), ayni_v_real(25.5),
		  ayni_v_int(1) },
		{ ayni_v_text("Té"), ayni_v_int(-2000), ayni_v_int(-150),
		  ayni_v_int(1234), ayni_v_null(), ayni_v_int(0) },
	};
	ayni_writer *w;
	ayni_error err;
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);
	int i;

	assert_non_null(fp);
	assert_int_equal(ayni_writer_new(&w, fp, fmt, shape, cols, 6, &err), 0);
	for (i = 0; i < nrows; i++)
		assert_int_equal(ayni_writer_row(w, rows[i], &err), 0);
	assert_int_equal(ayni_writer_finish(w, &err), 0);
	ayni_writer_free(w);
	fclose(fp);
	return buf;
}

static void
test_csv(void **state)
{
	char *s = render(AYNI_FORMAT_CSV, AYNI_WRITER_LIST, 2);

	(void)state;
	assert_string_equal(s,
	    "product,units,revenue,lines,margin_pct,active\r\n"
	    "\"Pan amasado, \"\"kg\"\"\",1.088,1234567.89,3,25.5,1\r\n"
	    "Té,-2,-1.5,1234,,0\r\n");
	free(s);
}

static void
test_csv_formulas_neutralised(void **state)
{
	static const ayni_column c1[] = { { "description", AYNI_T_TEXT },
	    { "revenue", AYNI_T_MONEY } };
	static const char *const cells[] = { "=HYPERLINK(\"http://x\")",
	    "+1", "-5% promo", "@SUM(A1)", "\tx", "plain", "" };
	ayni_writer *w;
	ayni_error err;
	char *buf = NULL;
	size_t len = 0, i;
	FILE *fp = open_memstream(&buf, &len);

	(void)state;
	assert_int_equal(ayni_writer_new(&w, fp, AYNI_FORMAT_CSV,
	    AYNI_WRITER_LIST, c1, 2, &err), 0);
	for (i = 0; i < sizeof(cells) / sizeof(cells[0]); i++) {
		ayni_value v[2] = { ayni_v_text(cells[i]), ayni_v_int(-150) };

		assert_int_equal(ayni_writer_row(w, v, &err), 0);
	}
	assert_int_equal(ayni_writer_finish(w, &err), 0);
	ayni_writer_free(w);
	fclose(fp);
	/* Text is neutralised; numbers, negative ones too, are not. */
	assert_string_equal(buf, "description,revenue\r\n"
	    "\"'=HYPERLINK(\"\"http://x\"\")\",-1.5\r\n"
	    "'+1,-1.5\r\n'-5% promo,-1.5\r\n'@SUM(A1),-1.5\r\n"
	    "'\tx,-1.5\r\nplain,-1.5\r\n,-1.5\r\n");
	free(buf);
}

static void
test_json_list(void **state)
{
	char *s = render(AYNI_FORMAT_JSON, AYNI_WRITER_LIST, 2);

	(void)state;
	assert_string_equal(s, "[\n"
	    "  {\"product\": \"Pan amasado, \\\"kg\\\"\", \"units\": 1.088,"
	    " \"revenue\": 1234567.89, \"lines\": 3, \"margin_pct\": 25.5,"
	    " \"active\": true},\n"
	    "  {\"product\": \"Té\", \"units\": -2, \"revenue\": -1.5,"
	    " \"lines\": 1234, \"margin_pct\": null, \"active\": false}\n"
	    "]\n");
	free(s);
}

/* Issue 10 item 12: bytes that are not UTF-8 never make invalid JSON. */
static void
test_json_invalid_utf8_replaced(void **state)
{
	static const ayni_column c1[] = { { "name", AYNI_T_TEXT } };
	ayni_value v[1];
	ayni_writer *w;
	ayni_error err;
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);

	(void)state;
	assert_non_null(fp);
	assert_int_equal(ayni_writer_new(&w, fp, AYNI_FORMAT_JSON,
	    AYNI_WRITER_RECORD, c1, 1, &err), 0);
	/* Latin-1 é, a lone continuation byte, a truncated sequence, ñ. */
	v[0] = ayni_v_text("Caf\xe9 \x80x \xe2\x82 \xc3\xb1");
	assert_int_equal(ayni_writer_row(w, v, &err), 0);
	assert_int_equal(ayni_writer_finish(w, &err), 0);
	ayni_writer_free(w);
	fclose(fp);
	assert_string_equal(buf, "{\"name\": \"Caf\\ufffd \\ufffdx "
	    "\\ufffd\\ufffd \xc3\xb1\"}\n");
	free(buf);
}

static void
test_json_empty_and_record(void **state)
{
	char *s = render(AYNI_FORMAT_JSON, AYNI_WRITER_LIST, 0);

	(void)state;
	assert_string_equal(s, "[]\n");
	free(s);
	s = render(AYNI_FORMAT_JSON, AYNI_WRITER_RECORD, 1);
	assert_string_equal(s, "{\"product\": \"Pan amasado, \\\"kg\\\"\","
	    " \"units\": 1.088, \"revenue\": 1234567.89, \"lines\": 3,"
	    " \"margin_pct\": 25.5, \"active\": true}\n");
	free(s);
}

static void
test_table(void **state)
{
	char *s = render(AYNI_FORMAT_TABLE, AYNI_WRITER_LIST, 2);

	(void)state;
	assert_string_equal(s,
	    "product            units     revenue  lines  margin_pct  active\n"
	    "Pan amasado, \"kg\"  1,088  $1.234.568      3      25,5 %  yes\n"
	    "Té                    -2         -$2   1234              no\n");
	free(s);
}

static void
test_table_record(void **state)
{
	char *s = render(AYNI_FORMAT_TABLE, AYNI_WRITER_RECORD, 1);

	(void)state;
	assert_string_equal(s,
	    "product:    Pan amasado, \"kg\"\n"
	    "units:      1,088\n"
	    "revenue:    $1.234.568\n"
	    "lines:      3\n"
	    "margin_pct: 25,5 %\n"
	    "active:     yes\n");
	free(s);
}

/* Text with controls, through fmt: what came out (caller frees). */
static char *
render_text(ayni_format fmt, const char *text)
{
	static const ayni_column c1[] = { { "d", AYNI_T_TEXT } };
	ayni_value v[1] = { ayni_v_text(text) };
	ayni_writer *w;
	ayni_error err;
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);

	assert_non_null(fp);
	assert_int_equal(ayni_writer_new(&w, fp, fmt, AYNI_WRITER_LIST, c1, 1,
	    &err), 0);
	assert_int_equal(ayni_writer_row(w, v, &err), 0);
	assert_int_equal(ayni_writer_finish(w, &err), 0);
	ayni_writer_free(w);
	fclose(fp);
	return buf;
}

/* docs/contract.md §2: text from files is data, never terminal control. */
static void
test_controls_escaped(void **state)
{
	static const char evil[] = "a\x1b[2Jb\tc\xc2\x9b" "d\x7f\r\ne\xff"
	    "\xc3\xb1\xe2\x82\xac";
	char *s;

	(void)state;
	s = ayni_text_safe(evil);
	assert_string_equal(s, "a\\x1b[2Jb\tc\\u009bd\\x7f\\x0d\\x0ae"
	    "\\xff\xc3\xb1\xe2\x82\xac");
	free(s);
	s = ayni_text_safe("\xc2");	/* cut sequence */
	assert_string_equal(s, "\\xc2");
	free(s);
	s = ayni_text_safe("\xc2\xa0ok");	/* U+00A0 is not C1 */
	assert_string_equal(s, "\xc2\xa0ok");
	free(s);
	s = render_text(AYNI_FORMAT_TABLE, evil);
	assert_string_equal(s, "d\na\\x1b[2Jb\tc\\u009bd\\x7f\\x0d\\x0ae"
	    "\\xff\xc3\xb1\xe2\x82\xac\n");
	free(s);
	/* csv keeps the exact bytes; json escapes C0 its own way */
	s = render_text(AYNI_FORMAT_CSV, "a\x1b[2Jb\xc2\x9b");
	assert_string_equal(s, "d\r\na\x1b[2Jb\xc2\x9b\r\n");
	free(s);
	s = render_text(AYNI_FORMAT_JSON, "a\x1b[2Jb");
	assert_non_null(strstr(s, "\"a\\u001b[2Jb\""));
	free(s);
}

static void
test_clp(void **state)
{
	char buf[32];

	(void)state;
	ayni_fmt_clp(0, buf, sizeof(buf));
	assert_string_equal(buf, "$0");
	ayni_fmt_clp(49, buf, sizeof(buf));
	assert_string_equal(buf, "$0");
	ayni_fmt_clp(50, buf, sizeof(buf));
	assert_string_equal(buf, "$1");
	ayni_fmt_clp(-49, buf, sizeof(buf));
	assert_string_equal(buf, "$0");
	ayni_fmt_clp(99999900, buf, sizeof(buf));
	assert_string_equal(buf, "$999.999");
	ayni_fmt_clp(100000000, buf, sizeof(buf));
	assert_string_equal(buf, "$1.000.000");
	ayni_fmt_clp(INT64_MAX, buf, sizeof(buf));
	assert_string_equal(buf, "$92.233.720.368.547.758");
}

/* The other formats reports share with the writer. */
static void
test_fmt_numbers(void **state)
{
	char buf[40];

	(void)state;
	ayni_fmt_qty(1624714, buf, sizeof(buf));
	assert_string_equal(buf, "1.624,714");
	ayni_fmt_qty(-2500, buf, sizeof(buf));
	assert_string_equal(buf, "-2,5");
	ayni_fmt_qty(7000, buf, sizeof(buf));
	assert_string_equal(buf, "7");
	ayni_fmt_fixed(123450, 2, buf, sizeof(buf));
	assert_string_equal(buf, "1234.5");
	ayni_fmt_fixed(-5, 3, buf, sizeof(buf));
	assert_string_equal(buf, "-0.005");
	ayni_fmt_fixed(42, 0, buf, sizeof(buf));
	assert_string_equal(buf, "42");
	ayni_fmt_fixed(0, 2, buf, sizeof(buf));
	assert_string_equal(buf, "0");
	ayni_fmt_fixed(-1, 2, buf, sizeof(buf));
	assert_string_equal(buf, "-0.01");
	ayni_fmt_fixed(120000, 2, buf, sizeof(buf));
	assert_string_equal(buf, "1200");
	ayni_fmt_fixed(1005, 3, buf, sizeof(buf));
	assert_string_equal(buf, "1.005");
	ayni_fmt_fixed(INT64_MIN, 0, buf, sizeof(buf));
	assert_string_equal(buf, "-9223372036854775808");
	ayni_fmt_fixed(INT64_MIN, 2, buf, sizeof(buf));
	assert_string_equal(buf, "-92233720368547758.08");
	ayni_fmt_fixed(INT64_MAX, 3, buf, sizeof(buf));
	assert_string_equal(buf, "9223372036854775.807");
	/* cut to the buffer, always terminated */
	ayni_fmt_fixed(-123456, 2, buf, 5);
	assert_string_equal(buf, "-123");
	ayni_fmt_pct(23.456, 0, buf, sizeof(buf));
	assert_string_equal(buf, "23,46 %");
	ayni_fmt_pct(-8.5, 1, buf, sizeof(buf));
	assert_string_equal(buf, "-8,50 %");
	ayni_fmt_pct(1.954, 1, buf, sizeof(buf));
	assert_string_equal(buf, "+1,95 %");
}

static void
test_format_parse(void **state)
{
	ayni_format f;
	ayni_error err;

	(void)state;
	assert_int_equal(ayni_format_parse("json", &f, &err), 0);
	assert_int_equal(f, AYNI_FORMAT_JSON);
	assert_int_equal(ayni_format_parse("xml", &f, &err), AYNI_EUSAGE);
	assert_string_equal(err.msg,
	    "unknown format 'xml': use table, csv or json");
}

static void
test_stmt(void **state)
{
	static const ayni_column c2[] = {
		{ "day", AYNI_T_TEXT }, { "revenue", AYNI_T_MONEY },
	};
	ayni_db *db;
	ayni_writer *w;
	ayni_error err;
	ayni_stmt *st;
	char *buf = NULL;
	size_t len = 0;
	FILE *fp;

	(void)state;
	assert_int_equal(testdb_open(&db, 0, &err), 0);
	assert_int_equal(ayni_sql_prepare(db, &st, &err, "test",
	    "SELECT '2025-10-07', 150 UNION ALL SELECT NULL, NULL", NULL), 0);
	assert_non_null(fp = open_memstream(&buf, &len));
	assert_int_equal(ayni_writer_new(&w, fp, AYNI_FORMAT_JSON,
	    AYNI_WRITER_LIST, c2, 2, &err), 0);
	assert_int_equal(ayni_writer_stmt(w, st, &err), 0);
	assert_int_equal(ayni_writer_finish(w, &err), 0);
	ayni_writer_free(w);
	ayni_stmt_finalize(st);
	fclose(fp);
	assert_string_equal(buf, "[\n  {\"day\": \"2025-10-07\", \"revenue\":"
	    " 1.5},\n  {\"day\": null, \"revenue\": null}\n]\n");
	free(buf);
	ayni_db_close(db);
}

/*
 * The writer reads a statement to its end a row at a time (on PostgreSQL
 * in single-row mode: ayni_stmt_stream); every row comes, in order, and
 * the connection is free for the next statement after it.
 */
static void
test_stmt_many_rows(void **state)
{
	static const ayni_column c1[] = { { "n", AYNI_T_INT } };
	ayni_db *db;
	ayni_writer *w;
	ayni_error err;
	ayni_stmt *st;
	char *buf = NULL, *want, *p;
	size_t len = 0;
	int64_t n = 0;
	FILE *fp;
	int i;

	(void)state;
	assert_int_equal(testdb_open(&db, 0, &err), 0);
	assert_int_equal(ayni_sql_prepare(db, &st, &err, "test",
	    "WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s"
	    " WHERE n < ?1) SELECT n FROM s ORDER BY n", "i", 5000), 0);
	assert_non_null(fp = open_memstream(&buf, &len));
	assert_int_equal(ayni_writer_new(&w, fp, AYNI_FORMAT_CSV,
	    AYNI_WRITER_LIST, c1, 1, &err), 0);
	assert_int_equal(ayni_writer_stmt(w, st, &err), 0);
	assert_int_equal(ayni_writer_finish(w, &err), 0);
	ayni_writer_free(w);
	ayni_stmt_finalize(st);
	fclose(fp);
	assert_non_null(p = want = malloc(64 * 1024));
	p += sprintf(p, "n\r\n");		/* RFC 4180 lines */
	for (i = 1; i <= 5000; i++)
		p += sprintf(p, "%d\r\n", i);
	assert_string_equal(buf, want);
	free(want);
	free(buf);
	assert_int_equal(ayni_sql_int(db, &n, &err, "test",
	    "SELECT count(*) FROM users", NULL), 0);
	assert_int_equal(n, 0);
	/* a statement given up half way leaves the connection usable */
	assert_int_equal(ayni_sql_prepare(db, &st, &err, "test",
	    "WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s"
	    " WHERE n < 100000) SELECT n FROM s", NULL), 0);
	ayni_stmt_stream(st);
	assert_int_equal(ayni_stmt_step(st), SQL_ROW);
	assert_int_equal(ayni_col_int64(st, 0), 1);
	assert_int_equal(ayni_stmt_step(st), SQL_ROW);
	assert_int_equal(ayni_col_int64(st, 0), 2);
	ayni_stmt_finalize(st);
	assert_int_equal(ayni_sql_int(db, &n, &err, "test",
	    "SELECT count(*) FROM companies", NULL), 0);
	assert_int_equal(n, 0);
	ayni_db_close(db);
}

static void
test_write_error_reported(void **state)
{
	ayni_writer *w;
	ayni_error err;
	ayni_value v[6] = { ayni_v_text("x"), ayni_v_int(1), ayni_v_int(1),
	    ayni_v_int(1), ayni_v_real(1), ayni_v_int(1) };
	FILE *fp = fopen("/dev/full", "w");
	int i;

	(void)state;
	if (fp == NULL)
		skip();
	setvbuf(fp, NULL, _IONBF, 0);
	assert_int_equal(ayni_writer_new(&w, fp, AYNI_FORMAT_CSV,
	    AYNI_WRITER_LIST, cols, 6, &err), 0);
	for (i = 0; i < 3; i++)
		assert_int_equal(ayni_writer_row(w, v, &err), 0);
	assert_int_equal(ayni_writer_finish(w, &err), AYNI_EIO);
	ayni_writer_free(w);
	fclose(fp);
}

/* Issue 10 item 12: a table that cannot be laid out is an error, not
 * silence and exit 0. */
static void
test_table_alloc_failure_reported(void **state)
{
#ifdef HAVE_FAIL_CALLOC
	ayni_writer *w;
	ayni_error err;
	ayni_value v[6] = { ayni_v_text("x"), ayni_v_int(1), ayni_v_int(1),
	    ayni_v_int(1), ayni_v_real(1), ayni_v_int(1) };
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);

	(void)state;
	assert_non_null(fp);
	fputs("caption\n", fp);
	fflush(fp);
	assert_int_equal(ayni_writer_new(&w, fp, AYNI_FORMAT_TABLE,
	    AYNI_WRITER_LIST, cols, 6, &err), 0);
	assert_int_equal(ayni_writer_row(w, v, &err), 0);
	calloc_fail = 1;
	assert_int_equal(ayni_writer_finish(w, &err), AYNI_ENOMEM);
	calloc_fail = 0;
	assert_string_equal(err.msg, "out of memory writing the table");
	ayni_writer_free(w);
	fclose(fp);
	free(buf);
#else
	(void)state;
	skip();
#endif
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_csv),
		cmocka_unit_test(test_fmt_numbers),
		cmocka_unit_test(test_csv_formulas_neutralised),
		cmocka_unit_test(test_json_list),
		cmocka_unit_test(test_json_invalid_utf8_replaced),
		cmocka_unit_test(test_json_empty_and_record),
		cmocka_unit_test(test_table),
		cmocka_unit_test(test_table_record),
		cmocka_unit_test(test_controls_escaped),
		cmocka_unit_test(test_clp),
		cmocka_unit_test(test_format_parse),
		cmocka_unit_test(test_stmt),
		cmocka_unit_test(test_stmt_many_rows),
		cmocka_unit_test(test_write_error_reported),
		cmocka_unit_test(test_table_alloc_failure_reported),
	};

	return cmocka_run_group_tests_name("output", tests, NULL, NULL);
}
