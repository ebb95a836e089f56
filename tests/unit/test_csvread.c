/*
 * test_csvread.c - the streaming CSV reader on the fixtures in tests/data
 * and on generated streams (pipes, files larger than the sniff buffer).
 * It checks codes, dialect, field values and physical line numbers; it does
 * not test value parsing (test_parse.c) or header matching (test_fields.c).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ayni/csvread.h"

static FILE *
fixture(const char *name)
{
	const char *dir = getenv("AYNI_TEST_DATA");
	char path[1024];
	FILE *fp;

	assert_non_null(dir);
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	fp = fopen(path, "rb");
	assert_non_null(fp);
	return fp;
}

static ayni_csv *
open_ok(FILE *fp, const char *name, const ayni_csv_opts *opts)
{
	ayni_csv *csv = NULL;
	ayni_error err = { 0, "", 0 };
	int rc;

	rc = ayni_csv_open(&csv, fp, name, opts, &err);
	if (rc != 0)
		fail_msg("open %s: %s", name, err.msg);
	assert_non_null(csv);
	return csv;
}

static const ayni_csv_record *
next_ok(ayni_csv *csv)
{
	const ayni_csv_record *rec = NULL;
	ayni_error err = { 0, "", 0 };
	int rc;

	rc = ayni_csv_next(csv, &rec, &err);
	if (rc != 1)
		fail_msg("next: rc %d: %s", rc, err.msg);
	assert_non_null(rec);
	return rec;
}

static void
expect_eof(ayni_csv *csv)
{
	const ayni_csv_record *rec;
	ayni_error err = { 0, "", 0 };

	assert_int_equal(ayni_csv_next(csv, &rec, &err), 0);
	assert_null(rec);
	/* And it stays at the end. */
	assert_int_equal(ayni_csv_next(csv, &rec, &err), 0);
}

static void
test_bom_crlf(void **state)
{
	FILE *fp = fixture("bom_crlf.csv");
	ayni_csv *csv = open_ok(fp, "bom_crlf.csv", NULL);
	const ayni_csv_record *r;
	const char *const *h;
	ayni_csv_dialect d;

	(void)state;
	assert_int_equal(ayni_csv_header(csv, &h), 5);
	assert_string_equal(h[0], "Fecha venta");	/* BOM gone */
	assert_string_equal(h[1], "N\xc2\xb0 doc. venta");
	assert_string_equal(h[4], "Total neto");
	ayni_csv_dialect_get(csv, &d);
	assert_int_equal(d.encoding, AYNI_ENC_UTF8);
	assert_true(d.encoding_detected);
	assert_true(d.bom);
	assert_int_equal(d.delimiter, ',');
	assert_true(d.delimiter_detected);
	assert_int_equal(d.encoding_switch_line, 0);

	r = next_ok(csv);
	assert_int_equal(r->line, 2);
	assert_int_equal(r->nfields, 5);
	assert_string_equal(r->fields[0], "05-03-2024");
	assert_string_equal(r->fields[4], "1.234");	/* no CR left */
	r = next_ok(csv);
	assert_int_equal(r->line, 3);
	assert_string_equal(r->fields[0], "06-03-2024 14:30");
	assert_string_equal(r->fields[3], "1,5");
	assert_string_equal(r->fields[4], "500");
	assert_int_equal(r->lens[4], 3);
	expect_eof(csv);
	assert_int_equal(ayni_csv_bytes_read(csv), 121);
	ayni_csv_free(csv);
	fclose(fp);
}

static void
test_cp1252(void **state)
{
	FILE *fp = fixture("cp1252_semicolon.csv");
	ayni_csv *csv = open_ok(fp, "cp1252_semicolon.csv", NULL);
	const ayni_csv_record *r;
	const char *const *h;
	ayni_csv_dialect d;

	(void)state;
	assert_int_equal(ayni_csv_header(csv, &h), 3);
	assert_string_equal(h[1], "Descripci\xc3\xb3n");
	ayni_csv_dialect_get(csv, &d);
	assert_int_equal(d.encoding, AYNI_ENC_CP1252);
	assert_true(d.encoding_detected);
	assert_false(d.bom);
	assert_int_equal(d.delimiter, ';');
	r = next_ok(csv);
	assert_int_equal(r->line, 2);
	/* é, “ and ” */
	assert_string_equal(r->fields[1],
	    "Caf\xc3\xa9 \xe2\x80\x9c" "especial\xe2\x80\x9d");
	assert_string_equal(r->fields[2], "1.234,56");
	r = next_ok(csv);
	assert_int_equal(r->line, 3);
	/* € and – */
	assert_string_equal(r->fields[1],
	    "Precio \xe2\x82\xac 5 \xe2\x80\x93 oferta");
	expect_eof(csv);
	ayni_csv_free(csv);
	fclose(fp);
}

static void
test_cp1252_given(void **state)
{
	FILE *fp = fixture("cp1252_semicolon.csv");
	ayni_csv_opts o = { AYNI_ENC_LATIN1, ';', NULL, NULL };
	ayni_csv *csv = open_ok(fp, "x", &o);
	const ayni_csv_record *r;
	ayni_csv_dialect d;

	(void)state;
	ayni_csv_dialect_get(csv, &d);
	assert_int_equal(d.encoding, AYNI_ENC_LATIN1);
	assert_false(d.encoding_detected);
	assert_false(d.delimiter_detected);
	r = next_ok(csv);
	/* latin1 is read as windows-1252: “ is not U+0093. */
	assert_string_equal(r->fields[1],
	    "Caf\xc3\xa9 \xe2\x80\x9c" "especial\xe2\x80\x9d");
	ayni_csv_free(csv);
	fclose(fp);
}

static void
test_utf8_given_on_cp1252(void **state)
{
	FILE *fp = fixture("cp1252_semicolon.csv");
	ayni_csv_opts o = { AYNI_ENC_UTF8, 0, NULL, NULL };
	ayni_csv *csv = NULL;
	ayni_error err = { 0, "", 0 };

	(void)state;
	/* The header already has ó (0xF3). */
	assert_int_equal(ayni_csv_open(&csv, fp, "w.csv", &o, &err),
	    AYNI_EDATA);
	assert_null(csv);
	assert_int_equal(err.line, 1);
	assert_non_null(strstr(err.msg, "w.csv:1: invalid utf-8 (byte 0xf3)"));
	assert_non_null(strstr(err.msg, "--encoding windows-1252"));
	fclose(fp);
}

static void
test_quoted(void **state)
{
	FILE *fp = fixture("quoted.csv");
	ayni_csv *csv = open_ok(fp, "quoted.csv", NULL);
	const ayni_csv_record *r;

	(void)state;
	assert_int_equal(ayni_csv_header(csv, NULL), 3);
	r = next_ok(csv);
	assert_int_equal(r->line, 2);
	assert_string_equal(r->fields[1], "Queso, mantecoso");
	r = next_ok(csv);
	assert_int_equal(r->line, 3);
	assert_string_equal(r->fields[1],
	    "L\xc3\xadnea uno\nl\xc3\xadnea dos\nl\xc3\xadnea tres");
	assert_string_equal(r->fields[2], "200");
	r = next_ok(csv);
	assert_int_equal(r->line, 6);
	assert_string_equal(r->fields[1], "Dice \"hola\"");
	r = next_ok(csv);
	assert_int_equal(r->line, 7);
	assert_string_equal(r->fields[1], "crlf\r\ninside");
	r = next_ok(csv);
	assert_int_equal(r->line, 9);
	/* Unquoted: surrounding spaces dropped; quoted: kept. */
	assert_string_equal(r->fields[1], "spaced");
	r = next_ok(csv);
	assert_int_equal(r->line, 10);
	assert_string_equal(r->fields[1], "  kept  ");
	expect_eof(csv);
	ayni_csv_free(csv);
	fclose(fp);
}

static void
test_tab_and_pipe(void **state)
{
	FILE *fp = fixture("tab.tsv");
	ayni_csv *csv = open_ok(fp, "tab.tsv", NULL);
	const ayni_csv_record *r;
	ayni_csv_dialect d;

	(void)state;
	ayni_csv_dialect_get(csv, &d);
	assert_int_equal(d.delimiter, '\t');
	r = next_ok(csv);
	assert_string_equal(r->fields[1], "Queso, mantecoso");
	r = next_ok(csv);
	assert_int_equal(r->nfields, 3);
	assert_string_equal(r->fields[1], "");
	assert_int_equal(r->lens[1], 0);
	assert_string_equal(r->fields[2], "200");
	expect_eof(csv);
	ayni_csv_free(csv);
	fclose(fp);

	fp = fixture("pipe.csv");
	csv = open_ok(fp, "pipe.csv", NULL);
	ayni_csv_dialect_get(csv, &d);
	assert_int_equal(d.delimiter, '|');
	r = next_ok(csv);
	assert_int_equal(r->nfields, 3);
	assert_string_equal(r->fields[1], "Queso; mantecoso, fresco");
	ayni_csv_free(csv);
	fclose(fp);
}

static void
test_blank_lines(void **state)
{
	FILE *fp = fixture("blank_lines.csv");
	ayni_csv *csv = open_ok(fp, "blank_lines.csv", NULL);
	const ayni_csv_record *r;
	const char *const *h;

	(void)state;
	assert_int_equal(ayni_csv_header(csv, &h), 2);
	assert_string_equal(h[0], "sku");
	r = next_ok(csv);
	assert_int_equal(r->line, 5);
	assert_string_equal(r->fields[0], "A1");
	r = next_ok(csv);
	assert_int_equal(r->line, 8);
	assert_string_equal(r->fields[1], "200");
	expect_eof(csv);
	ayni_csv_free(csv);
	fclose(fp);
}

static void
test_bare_cr(void **state)
{
	FILE *fp = fixture("bare_cr.csv");
	ayni_csv *csv = open_ok(fp, "bare_cr.csv", NULL);
	const ayni_csv_record *r;

	(void)state;
	r = next_ok(csv);
	assert_int_equal(r->line, 2);
	r = next_ok(csv);
	assert_int_equal(r->line, 3);
	assert_string_equal(r->fields[1], "two\rlines");
	r = next_ok(csv);
	assert_int_equal(r->line, 5);	/* no final line end */
	assert_string_equal(r->fields[1], "300");
	expect_eof(csv);
	ayni_csv_free(csv);
	fclose(fp);
}

static void
test_ragged(void **state)
{
	FILE *fp = fixture("ragged.csv");
	ayni_csv *csv = open_ok(fp, "ragged.csv", NULL);
	const ayni_csv_record *r;

	(void)state;
	assert_int_equal(ayni_csv_header(csv, NULL), 3);
	r = next_ok(csv);
	assert_int_equal(r->nfields, 3);
	r = next_ok(csv);
	assert_int_equal(r->nfields, 2);
	assert_int_equal(r->line, 3);
	r = next_ok(csv);
	assert_int_equal(r->nfields, 4);
	assert_string_equal(r->fields[3], "extra");
	expect_eof(csv);
	ayni_csv_free(csv);
	fclose(fp);
}

static void
test_unterminated(void **state)
{
	FILE *fp = fixture("unterminated.csv");
	ayni_csv *csv = open_ok(fp, "unterminated.csv", NULL);
	const ayni_csv_record *r;
	ayni_error err = { 0, "", 0 };

	(void)state;
	r = next_ok(csv);
	assert_int_equal(r->line, 2);
	assert_int_equal(ayni_csv_next(csv, &r, &err), AYNI_EDATA);
	assert_int_equal(err.line, 3);
	assert_non_null(strstr(err.msg,
	    "unterminated.csv:3: unterminated quoted field"));
	/* A reader that failed does not pretend to have ended. */
	assert_int_equal(ayni_csv_next(csv, &r, &err), AYNI_EINTERNAL);
	ayni_csv_free(csv);
	fclose(fp);
}

/*
 * docs/contract.md §5: a quote inside an unquoted field is a literal character,
 * as Excel and DuckDB read it; text after a closing quote is still an error,
 * naming the line and the field.
 */
static void
test_stray_quote(void **state)
{
	FILE *fp = fixture("stray_quote.csv");
	ayni_csv *csv = open_ok(fp, "stray_quote.csv", NULL);
	const ayni_csv_record *r;
	ayni_error err = { 0, "", 0 };
	char text[] = "sku;nombre;total\n"
	    "A1;Clavos 2\";100\n"
	    "A2;\"Tubo 3\"\" x 2\" ; 7\n"
	    "A3;5\" \"x\";8\n"
	    "A4;\"ab\"c;200\n";

	(void)state;
	next_ok(csv);
	r = next_ok(csv);
	assert_int_equal(r->line, 3);
	assert_int_equal(r->nfields, 3);
	assert_string_equal(r->fields[1], "ab\"c");
	expect_eof(csv);
	ayni_csv_free(csv);
	fclose(fp);

	fp = fmemopen(text, strlen(text), "r");
	csv = open_ok(fp, "q.csv", NULL);
	r = next_ok(csv);
	assert_string_equal(r->fields[1], "Clavos 2\"");
	assert_string_equal(r->fields[2], "100");
	r = next_ok(csv);
	assert_string_equal(r->fields[1], "Tubo 3\" x 2");
	assert_string_equal(r->fields[2], "7");
	r = next_ok(csv);
	assert_string_equal(r->fields[1], "5\" \"x\"");
	assert_int_equal(ayni_csv_next(csv, &r, &err), AYNI_EDATA);
	assert_int_equal(err.line, 5);
	assert_string_equal(err.msg, "q.csv:5: misplaced quote in field 2: "
	    "text after its closing quote; a quoted field must be quoted "
	    "whole, with inner quotes doubled");
	ayni_csv_free(csv);
	fclose(fp);
}

/*
 * docs/contract.md §5: a first line "sep=;" (Excel's hint) sets the
 * delimiter.
 */
static void
test_sep_line(void **state)
{
	char text[] = "sep=;\r\na,b;c\r\n1,5;2\r\n", bad[] = "sep=x\nA\n";
	ayni_csv_opts given = { AYNI_ENC_AUTO, '|', NULL, NULL };
	ayni_csv_dialect d;
	const ayni_csv_record *r;
	const char *const *names;
	ayni_csv *csv = NULL;
	ayni_error err = { 0, "", 0 };
	FILE *fp;

	(void)state;
	fp = fmemopen(text, strlen(text), "r");
	csv = open_ok(fp, "s.csv", NULL);
	assert_int_equal(ayni_csv_header(csv, &names), 2);
	assert_string_equal(names[0], "a,b");
	r = next_ok(csv);
	assert_int_equal(r->line, 3);
	assert_string_equal(r->fields[0], "1,5");
	ayni_csv_dialect_get(csv, &d);
	assert_int_equal(d.delimiter, ';');
	assert_int_equal(d.delimiter_detected, 0);
	assert_int_equal(d.sep_line, 1);
	ayni_csv_free(csv);
	fclose(fp);
	/* --delimiter wins; the hint is still no record */
	fp = fmemopen(text, strlen(text), "r");
	csv = open_ok(fp, "s.csv", &given);
	assert_int_equal(ayni_csv_header(csv, &names), 1);
	assert_string_equal(names[0], "a,b;c");
	ayni_csv_free(csv);
	fclose(fp);
	fp = fmemopen(bad, strlen(bad), "r");
	assert_int_equal(ayni_csv_open(&csv, fp, "b.csv", NULL, &err),
	    AYNI_EDATA);
	assert_string_equal(err.msg, "b.csv:1: 'sep=x' names an unsupported "
	    "delimiter; use ',', ';', '|' or tab");
	fclose(fp);
}

static void
test_empty_and_utf16(void **state)
{
	ayni_csv *csv = NULL;
	ayni_error err = { 0, "", 0 };
	char blank[] = "\n\n  \n", utf16[] = "\xff\xfes\0k\0u\0";
	FILE *fp;

	(void)state;
	fp = tmpfile();
	assert_int_equal(ayni_csv_open(&csv, fp, "e.csv", NULL, &err),
	    AYNI_EDATA);
	assert_string_equal(err.msg,
	    "e.csv: the file is empty; expected a header line");
	fclose(fp);

	fp = fmemopen(blank, strlen(blank), "r");
	assert_int_equal(ayni_csv_open(&csv, fp, "b.csv", NULL, &err),
	    AYNI_EDATA);
	assert_string_equal(err.msg, "b.csv: no header line, only blank lines");
	fclose(fp);

	/* half a utf-16 character at the end */
	fp = fmemopen(utf16, sizeof(utf16), "r");
	assert_int_equal(ayni_csv_open(&csv, fp, "u.csv", NULL, &err),
	    AYNI_EDATA);
	assert_string_equal(err.msg, "u.csv: the file ends in half a utf-16 "
	    "character");
	assert_null(csv);
	fclose(fp);
}

/* Excel's "Unicode text": UTF-16 with a BOM, TAB-separated, CRLF. */
static void
test_utf16(void **state)
{
	ayni_csv *csv;
	const ayni_csv_record *r;
	ayni_csv_dialect d;
	ayni_csv_opts opts = { AYNI_ENC_UTF8, 0, NULL, NULL };
	ayni_error err = { 0, "", 0 };
	FILE *fp;
	long i, n = 20000;
	int be;

	(void)state;
	for (be = 0; be <= 1; be++) {
		const char *text;
		char line[64];
		size_t k;

		fp = tmpfile();
		assert_non_null(fp);
		fputs(be ? "\xfe\xff" : "\xff\xfe", fp);
		for (i = 0; i <= n; i++) {
			if (i == 0)
				text = "fecha\tcaf\xc3\xa9\r\n";
			else {
				snprintf(line, sizeof(line),
				    "%ld\tni\xc3\xb1o %ld\r\n", i, i);
				text = line;
			}
			/* UTF-8 to UTF-16: only BMP characters here */
			for (k = 0; text[k] != '\0'; k++) {
				unsigned cp = (unsigned char)text[k];

				if (cp >= 0xc0) {
					cp = (cp & 0x1f) << 6 |
					    ((unsigned char)text[++k] & 0x3f);
				}
				fputc(be ? (int)(cp >> 8) : (int)(cp & 0xff),
				    fp);
				fputc(be ? (int)(cp & 0xff) : (int)(cp >> 8),
				    fp);
			}
		}
		rewind(fp);
		csv = open_ok(fp, "u.txt", NULL);
		ayni_csv_dialect_get(csv, &d);
		assert_int_equal(d.encoding, be ? AYNI_ENC_UTF16BE :
		    AYNI_ENC_UTF16LE);
		assert_true(d.bom);
		assert_int_equal(d.delimiter, '\t');
		for (i = 1; i <= n; i++) {
			r = next_ok(csv);
			snprintf(line, sizeof(line), "ni\xc3\xb1o %ld", i);
			assert_int_equal(r->line, i + 1);
			assert_string_equal(r->fields[1], line);
		}
		expect_eof(csv);
		assert_true(ayni_csv_bytes_read(csv) > 400000);
		ayni_csv_free(csv);
		rewind(fp);
		/* a byte order mark beats a contrary --encoding */
		assert_int_equal(ayni_csv_open(&csv, fp, "u.txt", &opts, &err),
		    AYNI_EDATA);
		assert_string_equal(err.msg, "u.txt: the file starts with a "
		    "utf-16 bom but --encoding utf-8 was given; drop "
		    "--encoding");
		fclose(fp);
	}
	/* a lone surrogate is not utf-16 */
	{
		static char bad[] = "\xff\xfe" "a\0\n\0" "\x00\xd8" "b\0\n\0";

		fp = fmemopen(bad, sizeof(bad) - 1, "r");
		csv = NULL;
		assert_int_equal(ayni_csv_open(&csv, fp, "s.txt", NULL, &err),
		    AYNI_EDATA);
		assert_string_equal(err.msg, "s.txt: invalid utf-16 after line 1");
		assert_null(csv);
		fclose(fp);
	}
}

static void
test_opts_parse(void **state)
{
	ayni_encoding enc;
	ayni_error err = { 0, "", 0 };
	char d;

	(void)state;
	assert_int_equal(ayni_csv_encoding_parse("UTF-8", &enc, &err), 0);
	assert_int_equal(enc, AYNI_ENC_UTF8);
	assert_int_equal(ayni_csv_encoding_parse("latin1", &enc, &err), 0);
	assert_int_equal(enc, AYNI_ENC_LATIN1);
	assert_int_equal(ayni_csv_encoding_parse("windows-1252", &enc, &err),
	    0);
	assert_int_equal(enc, AYNI_ENC_CP1252);
	assert_int_equal(ayni_csv_encoding_parse("ebcdic", &enc, &err),
	    AYNI_EUSAGE);
	assert_string_equal(ayni_csv_encoding_name(AYNI_ENC_CP1252),
	    "windows-1252");
	assert_int_equal(ayni_csv_delimiter_parse("tab", &d, &err), 0);
	assert_int_equal(d, '\t');
	assert_int_equal(ayni_csv_delimiter_parse(";", &d, &err), 0);
	assert_int_equal(d, ';');
	assert_int_equal(ayni_csv_delimiter_parse("::", &d, &err),
	    AYNI_EUSAGE);
}

/* Rows written to a pipe by a child: well past the 64 KiB sniff buffer. */
#define PIPE_ROWS	20000

static void
test_pipe_stream(void **state)
{
	int fds[2], status;
	pid_t pid;
	FILE *fp, *w;
	ayni_csv *csv;
	const ayni_csv_record *r;
	ayni_csv_dialect d;
	char want[64];
	long i, line = 2;

	(void)state;
	assert_int_equal(pipe(fds), 0);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		close(fds[0]);
		w = fdopen(fds[1], "w");
		fputs("fecha;sku;desc;total\r\n", w);
		for (i = 0; i < PIPE_ROWS; i++) {
			if (i % 1000 == 7)
				/* a quoted field spanning two lines */
				fprintf(w, "05-03-2024;S%ld;\"a;\r\nb\";%ld,5"
				    "\r\n", i, i);
			else
				fprintf(w, "05-03-2024;S%ld;caf\xc3\xa9;"
				    "%ld,5\r\n", i, i);
		}
		fclose(w);
		_exit(0);
	}
	close(fds[1]);
	fp = fdopen(fds[0], "r");
	csv = open_ok(fp, "-", NULL);
	ayni_csv_dialect_get(csv, &d);
	assert_int_equal(d.delimiter, ';');
	assert_int_equal(d.encoding, AYNI_ENC_UTF8);
	for (i = 0; i < PIPE_ROWS; i++) {
		r = next_ok(csv);
		assert_int_equal(r->line, line);
		assert_int_equal(r->nfields, 4);
		snprintf(want, sizeof(want), "S%ld", i);
		assert_string_equal(r->fields[1], want);
		snprintf(want, sizeof(want), "%ld,5", i);
		assert_string_equal(r->fields[3], want);
		line += i % 1000 == 7 ? 2 : 1;
	}
	expect_eof(csv);
	assert_true(ayni_csv_bytes_read(csv) > 3 * AYNI_CSV_SNIFF_SIZE);
	ayni_csv_free(csv);
	fclose(fp);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_int_equal(status, 0);
}

/* ASCII for more than the sample, then a row with text. */
static FILE *
late_file(const char *text)
{
	FILE *fp = tmpfile();
	long i;

	assert_non_null(fp);
	fputs("sku,desc\n", fp);
	for (i = 0; i < 10000; i++)
		fprintf(fp, "A%ld,plain\n", i);
	fprintf(fp, "Z,%s\n", text);
	rewind(fp);
	return fp;
}

static void
test_late_cp1252_switches(void **state)
{
	FILE *fp = late_file("caf\xe9 \x80");
	ayni_csv *csv = open_ok(fp, "late.csv", NULL);
	const ayni_csv_record *r;
	ayni_csv_dialect d;
	long i;

	(void)state;
	ayni_csv_dialect_get(csv, &d);
	assert_int_equal(d.encoding, AYNI_ENC_UTF8);
	for (i = 0; i < 10000; i++)
		r = next_ok(csv);
	r = next_ok(csv);
	assert_int_equal(r->line, 10002);
	assert_string_equal(r->fields[1], "caf\xc3\xa9 \xe2\x82\xac");
	expect_eof(csv);
	ayni_csv_dialect_get(csv, &d);
	assert_int_equal(d.encoding, AYNI_ENC_CP1252);
	assert_true(d.encoding_detected);
	assert_int_equal(d.encoding_switch_line, 10002);
	ayni_csv_free(csv);
	fclose(fp);
}

static void
test_late_invalid_after_utf8(void **state)
{
	/* "é" in UTF-8 on line 2, a cp1252 é on the last line. */
	FILE *fp = tmpfile();
	ayni_csv *csv;
	const ayni_csv_record *r;
	ayni_error err = { 0, "", 0 };
	long i;
	int rc;

	(void)state;
	fputs("sku,desc\nX,caf\xc3\xa9\n", fp);
	for (i = 0; i < 10000; i++)
		fprintf(fp, "A%ld,plain\n", i);
	fputs("Z,caf\xe9\n", fp);
	rewind(fp);
	csv = open_ok(fp, "mixed.csv", NULL);
	for (i = 0; i < 10001; i++)
		next_ok(csv);
	rc = ayni_csv_next(csv, &r, &err);
	assert_int_equal(rc, AYNI_EDATA);
	assert_int_equal(err.line, 10003);
	assert_non_null(strstr(err.msg,
	    "mixed.csv:10003: invalid utf-8 (byte 0xe9)"));
	assert_non_null(strstr(err.msg, "--encoding windows-1252"));
	ayni_csv_free(csv);
	fclose(fp);
}

static void
test_undefined_cp1252(void **state)
{
	/* 0x81 has no character in cp1252: U+0081, not an error. */
	char data[] = "a;b\n\x81x;\x9f\n";
	FILE *fp = fmemopen(data, strlen(data), "r");
	ayni_csv *csv = open_ok(fp, "u.csv", NULL);
	const ayni_csv_record *r;

	(void)state;
	r = next_ok(csv);
	assert_string_equal(r->fields[0], "\xc2\x81x");
	assert_string_equal(r->fields[1], "\xc5\xb8");	/* Ÿ */
	ayni_csv_free(csv);
	fclose(fp);
}

static void
test_nul_byte(void **state)
{
	char data[] = "a,b\n1,2\n3\0,4\n";
	FILE *fp = fmemopen(data, sizeof(data) - 1, "r");
	ayni_csv *csv = open_ok(fp, "n.csv", NULL);
	const ayni_csv_record *r;
	ayni_error err = { 0, "", 0 };

	(void)state;
	next_ok(csv);
	assert_int_equal(ayni_csv_next(csv, &r, &err), AYNI_EDATA);
	assert_int_equal(err.line, 3);
	assert_non_null(strstr(err.msg, "n.csv:3: NUL byte"));
	ayni_csv_free(csv);
	fclose(fp);
}

static void
test_record_too_long(void **state)
{
	FILE *fp = tmpfile();
	ayni_csv *csv;
	const ayni_csv_record *r;
	ayni_error err = { 0, "", 0 };
	long i;

	(void)state;
	fputs("a,b\n1,2\n3,\"open\n", fp);
	for (i = 0; i < 30000; i++)
		fputs("a line inside a quote that never ends, 42\n", fp);
	rewind(fp);
	csv = open_ok(fp, "long.csv", NULL);
	next_ok(csv);
	assert_int_equal(ayni_csv_next(csv, &r, &err), AYNI_EDATA);
	assert_int_equal(err.line, 3);
	assert_non_null(strstr(err.msg, "long.csv:3: record longer than"));
	ayni_csv_free(csv);
	fclose(fp);
}

static void
test_crlf_split_by_buffer(void **state)
{
	/* A CR at the last byte of the first 64 KiB read, its LF after. */
	size_t size = AYNI_CSV_SNIFF_SIZE + 64, len, pad;
	char *data = malloc(size);
	FILE *fp;
	ayni_csv *csv;
	const ayni_csv_record *r;
	long rows = 0, i;

	(void)state;
	assert_non_null(data);
	len = (size_t)sprintf(data, "a,b\r\n");
	while (len + 2 * 11 < AYNI_CSV_SNIFF_SIZE) {
		len += (size_t)sprintf(data + len, "r%04ld,xyz\r\n",
		    rows % 10000);
		rows++;
	}
	/* "z," + padding + CR, the CR landing on the buffer's last byte */
	pad = AYNI_CSV_SNIFF_SIZE - 1 - len - 2;
	memcpy(data + len, "z,", 2);
	memset(data + len + 2, 'p', pad);
	len += 2 + pad;
	data[len++] = '\r';
	assert_int_equal(len, AYNI_CSV_SNIFF_SIZE);
	len += (size_t)sprintf(data + len, "\nafter,1\r\nlast,2\r\n");
	fp = fmemopen(data, len, "r");
	csv = open_ok(fp, "split.csv", NULL);
	for (i = 0; i < rows; i++)
		next_ok(csv);
	r = next_ok(csv);
	assert_int_equal(r->line, rows + 2);
	assert_int_equal(r->lens[1], pad);
	r = next_ok(csv);
	assert_int_equal(r->line, rows + 3);
	assert_string_equal(r->fields[0], "after");
	r = next_ok(csv);
	assert_int_equal(r->line, rows + 4);
	expect_eof(csv);
	ayni_csv_free(csv);
	fclose(fp);
	free(data);
}

static void
test_bom_with_latin1(void **state)
{
	/* --encoding says what the text is; the mark is skipped */
	static char text[] = "\xef\xbb\xbf" "fecha;caf\xe9\n1;ni\xf1o\n";
	FILE *fp = fmemopen(text, sizeof(text) - 1, "r");
	ayni_csv_opts o = { AYNI_ENC_LATIN1, 0, NULL, NULL };
	const ayni_csv_record *r;
	ayni_csv_dialect d;
	ayni_csv *csv;

	(void)state;
	csv = open_ok(fp, "b.csv", &o);
	r = next_ok(csv);
	assert_string_equal(r->fields[1], "ni\xc3\xb1o");
	ayni_csv_free(csv);
	fclose(fp);
	/* detected: the bytes after the mark are not utf-8, so cp1252 */
	fp = fmemopen(text, sizeof(text) - 1, "r");
	csv = open_ok(fp, "b.csv", NULL);
	r = next_ok(csv);
	assert_string_equal(r->fields[1], "ni\xc3\xb1o");
	ayni_csv_dialect_get(csv, &d);
	assert_true(d.bom);
	assert_int_equal(d.encoding, AYNI_ENC_CP1252);
	assert_int_equal(d.encoding_switch_line, 1);
	ayni_csv_free(csv);
	fclose(fp);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bom_crlf),
		cmocka_unit_test(test_cp1252),
		cmocka_unit_test(test_cp1252_given),
		cmocka_unit_test(test_utf8_given_on_cp1252),
		cmocka_unit_test(test_quoted),
		cmocka_unit_test(test_tab_and_pipe),
		cmocka_unit_test(test_blank_lines),
		cmocka_unit_test(test_bare_cr),
		cmocka_unit_test(test_ragged),
		cmocka_unit_test(test_unterminated),
		cmocka_unit_test(test_stray_quote),
		cmocka_unit_test(test_sep_line),
		cmocka_unit_test(test_empty_and_utf16),
		cmocka_unit_test(test_utf16),
		cmocka_unit_test(test_opts_parse),
		cmocka_unit_test(test_pipe_stream),
		cmocka_unit_test(test_late_cp1252_switches),
		cmocka_unit_test(test_late_invalid_after_utf8),
		cmocka_unit_test(test_undefined_cp1252),
		cmocka_unit_test(test_nul_byte),
		cmocka_unit_test(test_record_too_long),
		cmocka_unit_test(test_crlf_split_by_buffer),
		cmocka_unit_test(test_bom_with_latin1),
	};

	return cmocka_run_group_tests_name("csvread", tests, NULL, NULL);
}
