/*
 * fuzz_parse.c - the value readers on arbitrary strings: numbers and their
 * evidence, dates (both orders, and an explicit format that is fuzzed
 * too), header normalisation and matching, RUTs, return markers.
 *
 * Input: one control byte, then NUL-separated strings, each copied to its
 * own exact-size allocation so that a read past a terminator is caught.
 * The first string is the value, the second the date format; all of them
 * together are a header row.  The control byte sizes the normalisation
 * buffer.
 *
 * Oracles: numbers agree across scales and marks where they must; a parsed
 * date is "YYYY-MM-DD HH:MM:SS" and parses back to itself; a parsed RUT is
 * canonical and its canonical and display forms parse back to it; header
 * matching names only real columns; option names (field, encoding,
 * delimiter) give only what they may.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ayni/csvread.h"
#include "ayni/fields.h"
#include "ayni/parse.h"
#include "ayni/rut.h"
#include "fuzz_check.h"

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAX_PIECES	24

static void
check_num(const char *s)
{
	static const int scales[] = { AYNI_SCALE_MONEY, AYNI_SCALE_QTY };
	int64_t v[2][2];	/* [mark][scale] */
	int ok[2][2], k, j, has_mark;
	ayni_num_evidence ev[2];
	char marks[2];
	ayni_mark_source why[2];
	ayni_error err;

	for (k = 0; k < 2; k++)
		for (j = 0; j < 2; j++)
			ok[k][j] = ayni_num_parse(s, k ? '.' : ',', scales[j],
			    &v[k][j], &err) == 0;
	has_mark = strchr(s, ',') != NULL || strchr(s, '.') != NULL;
	for (k = 0; k < 2; k++) {
		if (ok[k][0] && ok[k][1])
			FUZZ_CHECK(v[k][1] == v[k][0] * 10, "'%s': %lld vs "
			    "%lld", s, (long long)v[k][0], (long long)v[k][1]);
		if (ok[k][1] && v[k][1] % 10 == 0)
			FUZZ_CHECK(ok[k][0], "'%s' fits scale 3, not 2", s);
	}
	if (!has_mark)
		for (j = 0; j < 2; j++) {
			FUZZ_CHECK(ok[0][j] == ok[1][j], "'%s': marks differ "
			    "with no mark in it", s);
			FUZZ_CHECK(!ok[0][j] || v[0][j] == v[1][j], "'%s'", s);
		}

	memset(ev, 0, sizeof(ev));
	ayni_num_evidence_add(&ev[0], s);
	ayni_num_evidence_add_scaled(&ev[1], s, AYNI_SCALE_MONEY);
	for (k = 0; k < 2; k++)
		FUZZ_CHECK(ev[k].comma + ev[k].dot + ev[k].ambiguous <= 1,
		    "'%s' voted twice", s);
	if (has_mark) {
		/* A value that reads with a mark votes for it. */
		if (ok[0][1])
			FUZZ_CHECK(ev[0].comma + ev[0].ambiguous == 1,
			    "'%s' reads with ',' but no vote", s);
		if (ok[1][1])
			FUZZ_CHECK(ev[0].dot + ev[0].ambiguous == 1,
			    "'%s' reads with '.' but no vote", s);
	} else
		FUZZ_CHECK(ev[0].comma + ev[0].dot + ev[0].ambiguous == 0,
		    "'%s' voted without a mark", s);
	ayni_num_decide(ev, 2, marks, why);
	for (k = 0; k < 2; k++)
		FUZZ_CHECK(marks[k] == ',' || marks[k] == '.', "mark");
}

static int
date_shaped(const char *d)
{
	static const char shape[] = "dddd-dd-dd dd:dd:dd";
	size_t i;

	for (i = 0; i < sizeof(shape) - 1; i++)
		if (shape[i] == 'd' ? d[i] < '0' || d[i] > '9' :
		    d[i] != shape[i])
			return 0;
	return d[i] == '\0';
}

static void
check_date_out(const char *s, const char *out)
{
	char again[AYNI_DATE_LEN];
	ayni_error err;

	FUZZ_CHECK(date_shaped(out), "'%s' -> '%s'", s, out);
	FUZZ_CHECK(ayni_date_parse(out, AYNI_DATE_MONTH_FIRST, again,
	    &err) == 0 && strcmp(out, again) == 0, "'%s' -> '%s' does not "
	    "parse back: %s", s, out, err.msg);
}

static void
check_dates(const char *s, const char *fmt)
{
	char out[AYNI_DATE_LEN];
	ayni_date_evidence ev = { 0 };
	ayni_error err;
	int rc;

	if (ayni_date_parse(s, AYNI_DATE_DAY_FIRST, out, &err) == 0)
		check_date_out(s, out);
	if (ayni_date_parse(s, AYNI_DATE_MONTH_FIRST, out, &err) == 0)
		check_date_out(s, out);
	if (ayni_date_parse(s, AYNI_DATE_EXCEL_SERIAL, out, &err) == 0)
		check_date_out(s, out);
	ayni_date_evidence_add(&ev, s);
	FUZZ_CHECK(ev.day_first + ev.month_first + ev.ambiguous + ev.serial +
	    ev.other <= 1, "'%s' voted twice", s);
	(void)ayni_date_evidence_order(&ev);

	rc = ayni_date_parse_format(s, fmt, out, &err);
	if (ayni_date_format_check(fmt, &err) != 0)
		FUZZ_CHECK(rc == AYNI_EUSAGE, "bad format '%s' gave %d", fmt,
		    rc);
	else if (rc == 0)
		check_date_out(s, out);
	else
		FUZZ_CHECK(rc == AYNI_EDATA, "'%s' '%s' gave %d", s, fmt, rc);
}

static void
check_rut(const char *s)
{
	char out[AYNI_RUT_MAX], again[AYNI_RUT_MAX], disp[AYNI_RUT_MAX];
	char body[AYNI_RUT_MAX];
	ayni_error err;
	size_t n;

	ayni_rut_display(s, disp);	/* garbage in: must not overflow */
	FUZZ_CHECK(strlen(disp) < AYNI_RUT_MAX, "display");
	if (ayni_rut_parse(s, out, &err) != 0)
		return;
	n = strlen(out);
	FUZZ_CHECK(n >= 3 && n <= 10 && out[0] >= '1' && out[0] <= '9' &&
	    out[n - 2] == '-' && strspn(out, "0123456789") == n - 2,
	    "'%s' -> '%s'", s, out);
	memcpy(body, out, n - 2);
	body[n - 2] = '\0';
	FUZZ_CHECK(out[n - 1] == ayni_rut_check_digit(body), "'%s' -> '%s': "
	    "wrong check digit", s, out);
	FUZZ_CHECK(ayni_rut_parse(out, again, &err) == 0 &&
	    strcmp(out, again) == 0, "'%s' -> '%s' does not parse back", s,
	    out);
	ayni_rut_display(out, disp);
	FUZZ_CHECK(ayni_rut_parse(disp, again, &err) == 0 &&
	    strcmp(out, again) == 0, "display '%s' of '%s'", disp, out);
}

static void
check_fields(const char *const *pieces, size_t n, size_t outsz)
{
	ayni_header_map m;
	ayni_error err;
	char *key;
	size_t i;

	/* Exactly outsz bytes, so a write past them is caught. */
	if ((key = malloc(outsz ? outsz : 1)) == NULL)
		return;
	ayni_field_normalize(pieces[0], key, outsz);
	if (outsz > 0)
		FUZZ_CHECK(strlen(key) < outsz, "normalize overran");
	free(key);
	ayni_header_match(pieces, n, &m);
	for (i = 0; i < AYNI_FIELD_COUNT; i++) {
		FUZZ_CHECK(m.col[i] >= -1 && m.col[i] < (int)n, "col");
		FUZZ_CHECK(m.dup[i] >= -1 && m.dup[i] < (int)n, "dup");
		FUZZ_CHECK(m.dup[i] < 0 || (m.col[i] >= 0 &&
		    m.dup[i] != m.col[i]), "dup without col");
	}
	if (ayni_header_check(&m, pieces, n, &err) != 0)
		FUZZ_CHECK(err.msg[0] != '\0', "check without a message");
	(void)ayni_is_return(pieces[0]);
}

/* The option values a user types: --map FIELD=, --encoding, --delimiter. */
static void
check_names(const char *s)
{
	ayni_field_id f;
	ayni_encoding enc;
	ayni_error err;
	char d;

	if (ayni_field_lookup(s, &f, &err) == 0)
		FUZZ_CHECK(strcmp(ayni_fields[f].name, s) == 0, "'%s'", s);
	if (ayni_csv_encoding_parse(s, &enc, &err) == 0)
		FUZZ_CHECK(enc != AYNI_ENC_AUTO, "'%s' is auto", s);
	if (ayni_csv_delimiter_parse(s, &d, &err) == 0)
		FUZZ_CHECK(d == ',' || d == ';' || d == '|' || d == '\t',
		    "'%s' -> 0x%02x", s, (unsigned char)d);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *pieces[MAX_PIECES];
	const uint8_t *p, *end, *z;
	size_t n = 0, len, i;

	if (size < 1)
		return 0;
	p = data + 1;
	end = data + size;
	while (n < MAX_PIECES) {
		z = memchr(p, 0, end - p);
		len = z ? (size_t)(z - p) : (size_t)(end - p);
		if ((pieces[n] = malloc(len + 1)) == NULL)
			break;
		memcpy(pieces[n], p, len);
		pieces[n][len] = '\0';
		n++;
		if (z == NULL)
			break;
		p = z + 1;
	}
	if (n > 0) {
		check_num(pieces[0]);
		check_dates(pieces[0], n > 1 ? pieces[1] : "%d-%m-%Y");
		check_rut(pieces[0]);
		check_fields((const char *const *)pieces, n, data[0] & 0x7f);
		check_names(pieces[0]);
	}
	for (i = 0; i < n; i++)
		free(pieces[i]);
	return 0;
}
