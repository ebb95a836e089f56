/*
 * fuzz_csv.c - the streaming CSV reader on arbitrary bytes.
 *
 * Input: one control byte, one offset byte, then the file.  Control bits
 * 0-1 pick the encoding (auto or forced), 2-4 the delimiter (sniffed or
 * given); with bits 5 and 6 both set the file is pushed to straddle the
 * 64 KiB sniff buffer: an ASCII prefix of (64 KiB - offset) bytes puts the fuzzed bytes
 * across the first refill, where a UTF-8 sequence or a CRLF is cut and an
 * ASCII-only sample switches to windows-1252.
 *
 * Oracles, beyond the sanitizers: open and next fail only with AYNI_EDATA
 * (never ENOMEM, EINTERNAL or a crash) and leave the reader or record
 * NULL; every header and field is valid UTF-8 whose length matches
 * lens[]; line numbers never go back; the end and an error are sticky.
 * Not here: what fields mean (fuzz_parse, fuzz_upload).
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "ayni/csvread.h"
#include "fuzz_check.h"

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
check_text(const char *s, size_t len, const char *what)
{
	FUZZ_CHECK(s != NULL, "%s is NULL", what);
	FUZZ_CHECK(strlen(s) == len, "%s: length %zu, lens says %zu", what,
	    strlen(s), len);
	FUZZ_CHECK(fuzz_utf8_valid((const unsigned char *)s, len),
	    "%s is not utf-8", what);
}

static void
run(const uint8_t *buf, size_t size, const ayni_csv_opts *opts)
{
	ayni_csv *csv = NULL;
	const ayni_csv_record *rec;
	const char *const *names;
	ayni_csv_dialect d;
	ayni_error err;
	FILE *fp;
	size_t n, i, lines = 1;
	long last = 0, nrec = 0;
	int rc;

	if ((fp = fmemopen((void *)buf, size, "r")) == NULL)
		return;
	for (i = 0; i < size; i++)
		lines += buf[i] == '\n' || buf[i] == '\r';
	memset(&err, 0, sizeof(err));
	rc = ayni_csv_open(&csv, fp, "fuzz.csv", opts, &err);
	if (rc != 0) {
		FUZZ_CHECK(rc == AYNI_EDATA, "open: %d %s", rc, err.msg);
		FUZZ_CHECK(csv == NULL, "open failed but gave a reader");
		FUZZ_CHECK(err.msg[0] != '\0', "open failed without a message");
		goto out;
	}
	FUZZ_CHECK(csv != NULL, "open succeeded without a reader");
	ayni_csv_dialect_get(csv, &d);
	FUZZ_CHECK(d.encoding != AYNI_ENC_AUTO, "encoding still auto");
	FUZZ_CHECK(opts->encoding == AYNI_ENC_AUTO ||
	    d.encoding == opts->encoding, "forced encoding %d became %d",
	    opts->encoding, d.encoding);
	FUZZ_CHECK(d.delimiter == ',' || d.delimiter == ';' ||
	    d.delimiter == '\t' || d.delimiter == '|', "delimiter 0x%02x",
	    (unsigned char)d.delimiter);
	FUZZ_CHECK(!opts->delimiter || d.delimiter == opts->delimiter,
	    "forced delimiter lost");
	n = ayni_csv_header(csv, &names);
	FUZZ_CHECK(n >= 1, "a header with no fields");
	for (i = 0; i < n; i++)
		check_text(names[i], strlen(names[i]), "header");
	for (;;) {
		rc = ayni_csv_next(csv, &rec, &err);
		if (rc <= 0)
			break;
		FUZZ_CHECK(rc == 1, "next returned %d", rc);
		FUZZ_CHECK(rec != NULL && rec->nfields >= 1, "empty record");
		FUZZ_CHECK(rec->line >= last && rec->line >= 1 &&
		    (size_t)rec->line <= lines, "line %ld after %ld (of %zu)",
		    rec->line, last, lines);
		last = rec->line;
		for (i = 0; i < rec->nfields; i++)
			check_text(rec->fields[i], rec->lens[i], "field");
		FUZZ_CHECK(++nrec <= (long)size, "more records than bytes");
	}
	if (rc < 0) {
		FUZZ_CHECK(rc == AYNI_EDATA, "next: %d %s", rc, err.msg);
		FUZZ_CHECK(rec == NULL, "error with a record");
		FUZZ_CHECK(err.line >= 1 && (size_t)err.line <= lines,
		    "error line %ld of %zu", err.line, lines);
		/* An error is sticky: no half-read record after it. */
		FUZZ_CHECK(ayni_csv_next(csv, &rec, &err) == AYNI_EINTERNAL,
		    "read after an error did not fail");
	} else
		FUZZ_CHECK(ayni_csv_next(csv, &rec, &err) == 0 && rec == NULL,
		    "the end is not sticky");
	FUZZ_CHECK(ayni_csv_bytes_read(csv) <= size, "read %llu of %zu",
	    ayni_csv_bytes_read(csv), size);
out:
	ayni_csv_free(csv);
	fclose(fp);
}

/* A stand-in for upload's header test: three fields, the first named. */
static int
wide_row(void *arg, const char *const *fields, size_t n)
{
	(void)arg;
	return n >= 3 && fields[0][0] != '\0';
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const ayni_encoding encs[] = { AYNI_ENC_AUTO, AYNI_ENC_UTF8,
	    AYNI_ENC_LATIN1, AYNI_ENC_CP1252 };
	static const char delims[] = { 0, ',', ';', '\t', '|', 0, 0, 0 };
	static uint8_t big[AYNI_CSV_SNIFF_SIZE + 4096];
	ayni_csv_opts opts;
	size_t pre, i;

	if (size < 2)
		return 0;
	memset(&opts, 0, sizeof(opts));
	opts.encoding = encs[data[0] & 3];
	/* sometimes a header that is not the first row (a preamble) */
	if (data[0] & 0x80)
		opts.header_ok = wide_row;
	opts.delimiter = delims[(data[0] >> 2) & 7];
	if ((data[0] & 0x60) == 0x60) {
		if (size - 2 > sizeof(big) - AYNI_CSV_SNIFF_SIZE)
			return 0;
		/*
		 * "x,xxx...\n" lines of 256 bytes (few records: this runs
		 * often) up to 64 KiB - offset, then the input.
		 */
		pre = AYNI_CSV_SNIFF_SIZE - data[1];
		for (i = 0; i < pre; i++)
			big[i] = i % 256 == 255 || i == pre - 1 ? '\n' :
			    i % 256 == 1 ? ',' : 'x';
		memcpy(big + pre, data + 2, size - 2);
		run(big, pre + size - 2, &opts);
	} else
		run(data + 2, size - 2, &opts);
	return 0;
}
