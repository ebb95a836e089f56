/*
 * csvread.c - streaming CSV reading: encoding, dialect sniffing, records.
 *
 * The pipeline is FILE * -> raw[] (64 KiB) -> decoded UTF-8 -> libcsv, fed
 * one physical line at a time so that line numbers are exact and at most
 * one record completes per csv_parse() call.  Memory is the raw buffer, the
 * conversion buffer and the longest record; nothing accumulates per record.
 * This file does not know what the columns mean and never seeks, so stdin
 * works.  libcsv's errors are translated here and nowhere else.
 *
 * Decisions:
 * - Encoding: a UTF-8 BOM means UTF-8 (stripped).  Without one, the first
 *   64 KiB decide: valid UTF-8 means UTF-8, else Windows-1252.  latin1 is
 *   read as Windows-1252, as browsers do: in ISO-8859-1, 0x80-0x9F are
 *   control characters no export contains, in cp1252 they are € “ ” – ...
 *   The five bytes cp1252 leaves undefined map to the C1 control of the same
 *   number (the WHATWG rule), so cp1252 decoding never fails.
 * - A byte that is not UTF-8 past the sample: if everything before it was
 *   ASCII, the guess had no evidence, so the reader switches to cp1252 there
 *   (lossless: ASCII reads the same in both) and records the line in the
 *   dialect.  If UTF-8 text was already seen (or the encoding was given),
 *   the file mixes encodings and reading fails naming the line.
 * - Unquoted fields lose their surrounding spaces and tabs (libcsv's
 *   behaviour, kept: they carry nothing in a sales export, and a value that
 *   needs them can be quoted).  Quoted fields are kept exactly.
 * - "" and an empty unquoted field are both "": an upload treats both as
 *   missing, so the distinction is not worth an API.
 * - A NUL byte is an error: it means UTF-16 or a binary file, and C strings
 *   could not carry it anyway.
 */
#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <csv.h>

#include "ayni/intl.h"
#include "ayni/csvread.h"
#include "internal.h"

#define RAW_SIZE	AYNI_CSV_SNIFF_SIZE
/* cp1252 -> UTF-8 takes at most 3 bytes per byte (€ is E2 82 AC). */
#define CONV_SIZE	(3 * RAW_SIZE)
/* Records looked at when sniffing the delimiter. */
#define SNIFF_RECORDS	1000

struct ayni_csv {
	FILE			*fp;
	char			*name;
	struct csv_parser	 parser;
	ayni_csv_dialect	 d;
	iconv_t			 cd;		/* (iconv_t)-1 unless cp1252 */
	/*
	 * UTF-16 input (it always starts with its BOM) is turned into UTF-8
	 * as it is read, below everything else: raw[] holds UTF-8 then.
	 */
	iconv_t			 u16;		/* (iconv_t)-1 unless UTF-16 */
	char			 u16buf[RAW_SIZE];
	size_t			 u16len;
	int			 u16eof;
	ayni_encoding		 utf16;		/* which, or 0 */
	int			 broken;	/* an error was returned */

	unsigned char		 raw[RAW_SIZE];
	size_t			 rpos, rlen;
	int			 eof;
	unsigned long long	 nread;
	int			 seen_non_ascii;

	unsigned char		*conv;
	const unsigned char	*dp;		/* decoded, not yet parsed */
	size_t			 dpos, dlen;

	long			 line;		/* physical line of dp[dpos] */
	int			 after_cr;	/* last byte fed was a CR */
	int			 in_record;
	long			 rec_line;
	size_t			 rec_bytes;
	int			 finished;

	/* The record being built: fields packed in buf, NUL-separated. */
	char			*buf;
	size_t			 blen, bcap;
	size_t			*off;
	size_t			*lens;
	const char		**fields;
	size_t			 nf, fcap;
	int			 rec_ready;
	int			 cb_nomem;
	/* quote state of the bytes fed so far, as libcsv sees them */
	int			 qstate;
	int			 qspaces;
	size_t			 qfield;
	ayni_csv_record		 rec;

	char			**hdr;
	size_t			 nhdr;
};

/*
 * Length of the valid UTF-8 prefix of s.  It stops early, with *bad == 0,
 * at a sequence cut by the end of the buffer (unless at_eof), and with
 * *bad == 1 at an invalid byte, an overlong form, a surrogate or a NUL.
 */
static size_t
utf8_prefix(const unsigned char *s, size_t n, int at_eof, int *bad)
{
	size_t i = 0, k;

	*bad = 0;
	while (i < n) {
		if (s[i] > 0 && s[i] < 0x80) {
			i++;
			continue;
		}
		k = s[i] == 0 ? 0 : ayni_utf8_seqn((const char *)s + i, n - i);
		if (k == AYNI_UTF8_CUT) {
			*bad = at_eof;
			return i;
		}
		if (k == 0) {
			*bad = 1;
			return i;
		}
		i += k;
	}
	return i;
}

/*
 * Field counts of the first records of the sample, split on d, honouring
 * quotes.  A record cut by the end of an incomplete sample is not counted.
 */
static size_t
sniff_counts(const unsigned char *s, size_t n, int complete, char d,
    size_t *counts)
{
	size_t i = 0, nrec = 0, fields;
	int inq, start, blank;
	unsigned char ch;

	while (i < n && nrec < SNIFF_RECORDS) {
		fields = 1;
		inq = 0;
		start = 1;
		blank = 1;
		for (; i < n; i++) {
			ch = s[i];
			if (inq) {
				if (ch == '"') {
					if (i + 1 < n && s[i + 1] == '"')
						i++;
					else
						inq = 0;
				}
				continue;
			}
			if (ch == '\r' || ch == '\n')
				break;
			if (ch == (unsigned char)d) {
				fields++;
				start = 1;
				blank = 0;
			} else if (ch == '"' && start) {
				inq = 1;
				start = 0;
				blank = 0;
			} else if (ch != ' ' && ch != '\t') {
				start = 0;
				blank = 0;
			}
		}
		if (i >= n && !complete)
			break;
		if (i < n && s[i] == '\r')
			i++;
		if (i < n && s[i] == '\n')
			i++;
		if (!blank)
			counts[nrec++] = fields;
	}
	return nrec;
}

static int
cmp_size(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;

	return (x > y) - (x < y);
}

/*
 * The delimiter whose most frequent field count (> 1) is shared by the most
 * records; ties go to the larger count, then to the order , ; TAB |.  This
 * is DuckDB's "consistent and maximal" rule, which is what separates a ';'
 * file full of decimal commas from a ',' file.
 */
static char
sniff_delimiter(const unsigned char *s, size_t n, int complete)
{
	static const char cand[] = { ',', ';', '\t', '|' };
	size_t counts[SNIFF_RECORDS], nrec, i, j, mode, agree;
	size_t best_agree = 0, best_mode = 0;
	char best = ',';
	unsigned k;

	for (k = 0; k < sizeof(cand); k++) {
		nrec = sniff_counts(s, n, complete, cand[k], counts);
		qsort(counts, nrec, sizeof(counts[0]), cmp_size);
		mode = 0;
		agree = 0;
		for (i = 0; i < nrec; i = j) {
			for (j = i; j < nrec && counts[j] == counts[i]; j++)
				;
			if (j - i >= agree) {
				agree = j - i;
				mode = counts[i];
			}
		}
		if (mode < 2)
			continue;
		if (agree > best_agree ||
		    (agree == best_agree && mode > best_mode)) {
			best = cand[k];
			best_agree = agree;
			best_mode = mode;
		}
	}
	return best;
}

/* Move the unread tail to the front and fill the rest of raw[]. */
/*
 * Fill raw[] from UTF-16 input: convert what u16buf holds, reading more
 * when it runs dry or ends in half a character.
 */
static int
read_utf16(ayni_csv *c, ayni_error *err)
{
	char *in, *out;
	size_t inleft, outleft, n;

	while (c->rlen + 8 < sizeof(c->raw)) {
		if (!c->u16eof && c->u16len < sizeof(c->u16buf)) {
			n = fread(c->u16buf + c->u16len, 1,
			    sizeof(c->u16buf) - c->u16len, c->fp);
			c->u16len += n;
			c->nread += n;
			if (n == 0) {
				if (ferror(c->fp))
					return ayni_error_set(err, AYNI_EIO,
					    _("%s: read failed: %s"), c->name,
					    strerror(errno));
				c->u16eof = 1;
			}
		}
		if (c->u16len == 0)
			break;
		in = c->u16buf;
		inleft = c->u16len;
		out = (char *)c->raw + c->rlen;
		outleft = sizeof(c->raw) - c->rlen;
		if (iconv(c->u16, &in, &inleft, &out, &outleft) == (size_t)-1 &&
		    errno != E2BIG && errno != EINVAL)
			return ayni_error_set_line(err, AYNI_EDATA, c->line,
			    _("%s: invalid utf-16 after line %ld"), c->name,
			    c->line);
		c->rlen = sizeof(c->raw) - outleft;
		memmove(c->u16buf, in, inleft);
		if (inleft == c->u16len && c->u16eof) {
			if (inleft > 0)
				return ayni_error_set(err, AYNI_EDATA,
				    _("%s: the file ends in half a utf-16 "
				    "character"), c->name);
			break;
		}
		c->u16len = inleft;
		if (outleft < 8)
			break;
	}
	if (c->u16eof && c->u16len == 0)
		c->eof = 1;
	return 0;
}

static int
read_raw(ayni_csv *c, ayni_error *err)
{
	size_t keep = c->rlen - c->rpos, n;

	memmove(c->raw, c->raw + c->rpos, keep);
	c->rpos = 0;
	c->rlen = keep;
	if (c->eof)
		return 0;
	if (c->u16 != (iconv_t)-1)
		return read_utf16(c, err);
	/* fread() blocks until the buffer is full or the input ends. */
	n = fread(c->raw + c->rlen, 1, sizeof(c->raw) - c->rlen, c->fp);
	c->rlen += n;
	c->nread += n;
	if (c->rlen < sizeof(c->raw)) {
		if (ferror(c->fp))
			return ayni_error_set(err, AYNI_EIO,
			    _("%s: read failed: %s"), c->name, strerror(errno));
		c->eof = 1;
	}
	return 0;
}

static int
nul_error(ayni_csv *c, ayni_error *err)
{
	return ayni_error_set_line(err, AYNI_EDATA, c->line,
	    _("%s:%ld: NUL byte; the file looks like utf-16 or binary, "
	    "save it as csv utf-8"), c->name, c->line);
}

static int
use_cp1252(ayni_csv *c, ayni_error *err)
{
	c->cd = iconv_open("UTF-8", "CP1252");
	if (c->cd == (iconv_t)-1)
		return ayni_error_set(err, AYNI_ECONFIG,
		    _("cannot convert from windows-1252: iconv: %s"),
		    strerror(errno));
	if ((c->conv = malloc(CONV_SIZE)) == NULL)
		return ayni_error_set(err, AYNI_ENOMEM, _("out of memory"));
	return 0;
}

/* Convert raw[] as Windows-1252 into conv[], up to the first NUL. */
static int
decode_cp1252(ayni_csv *c, ayni_error *err)
{
	char *in = (char *)c->raw + c->rpos, *out = (char *)c->conv;
	size_t inleft = c->rlen - c->rpos, outleft = CONV_SIZE;
	const unsigned char *z;

	if ((z = memchr(in, 0, inleft)) != NULL)
		inleft = z - (const unsigned char *)in;
	if (inleft == 0)
		return nul_error(c, err);
	while (inleft > 0) {
		if (iconv(c->cd, &in, &inleft, &out, &outleft) != (size_t)-1)
			break;
		if (errno != EILSEQ || outleft < 2)
			return ayni_error_set(err, AYNI_EINTERNAL,
			    _("%s: windows-1252 conversion failed: %s"),
			    c->name, strerror(errno));
		/* 0x81 0x8D 0x8F 0x90 0x9D: U+0081 ... as WHATWG says. */
		*out++ = (char)0xC2;
		*out++ = *in++;
		outleft -= 2;
		inleft--;
	}
	c->rpos = in - (char *)c->raw;
	c->dp = c->conv;
	c->dpos = 0;
	c->dlen = CONV_SIZE - outleft;
	return 1;
}

/*
 * Make the next block of UTF-8 available in dp: 1, or 0 at the end of the
 * input.  Called only when the previous block is consumed, so c->line is
 * the line of the first byte not yet decoded, which is what an encoding
 * error must name.
 */
static int
decode_more(ayni_csv *c, ayni_error *err)
{
	size_t k, i;
	int bad, rc;

	for (;;) {
		if (c->rpos == c->rlen) {
			if (c->eof)
				return 0;
			if ((rc = read_raw(c, err)) != 0)
				return rc;
			continue;
		}
		if (c->d.encoding != AYNI_ENC_UTF8 && !c->utf16)
			return decode_cp1252(c, err);
		k = utf8_prefix(c->raw + c->rpos, c->rlen - c->rpos, c->eof,
		    &bad);
		if (k > 0) {
			for (i = 0; !c->seen_non_ascii && i < k; i++)
				if (c->raw[c->rpos + i] >= 0x80)
					c->seen_non_ascii = 1;
			c->dp = c->raw + c->rpos;
			c->dpos = 0;
			c->dlen = k;
			c->rpos += k;
			return 1;
		}
		if (!bad) {
			/* A sequence cut by the buffer's end: read on. */
			if ((rc = read_raw(c, err)) != 0)
				return rc;
			continue;
		}
		if (c->raw[c->rpos] == 0)
			return nul_error(c, err);
		if (c->d.encoding_detected && !c->seen_non_ascii) {
			c->d.encoding = AYNI_ENC_CP1252;
			c->d.encoding_switch_line = c->line;
			if ((rc = use_cp1252(c, err)) != 0)
				return rc;
			continue;
		}
		return ayni_error_set_line(err, AYNI_EDATA, c->line,
		    _("%s:%ld: invalid utf-8 (byte 0x%02x); the file mixes "
		    "encodings or is windows-1252: try --encoding "
		    "windows-1252"), c->name, c->line, c->raw[c->rpos]);
	}
}

static void
cb_field(void *s, size_t len, void *data)
{
	ayni_csv *c = data;
	size_t ncap;
	void *p;

	if (c->cb_nomem)
		return;
	if (c->nf == c->fcap) {
		ncap = c->fcap ? 2 * c->fcap : 32;
		if ((p = realloc(c->off, ncap * sizeof(*c->off))) == NULL)
			goto nomem;
		c->off = p;
		if ((p = realloc(c->lens, ncap * sizeof(*c->lens))) == NULL)
			goto nomem;
		c->lens = p;
		if ((p = realloc(c->fields, ncap * sizeof(*c->fields))) == NULL)
			goto nomem;
		c->fields = p;
		c->fcap = ncap;
	}
	if (c->blen + len + 1 > c->bcap) {
		ncap = c->bcap ? c->bcap : 1024;
		while (c->blen + len + 1 > ncap)
			ncap *= 2;
		if ((p = realloc(c->buf, ncap)) == NULL)
			goto nomem;
		c->buf = p;
		c->bcap = ncap;
	}
	if (len > 0)
		memcpy(c->buf + c->blen, s, len);
	c->buf[c->blen + len] = '\0';
	c->off[c->nf] = c->blen;
	c->lens[c->nf] = len;
	c->nf++;
	c->blen += len + 1;
	return;
nomem:
	c->cb_nomem = 1;
}

static void
cb_row(int term, void *data)
{
	ayni_csv *c = data;

	(void)term;
	c->rec_ready = 1;
	c->in_record = 0;
}

static int
record_out(ayni_csv *c, const ayni_csv_record **rec)
{
	size_t i;

	/* Pointers only now: buf may have moved while fields came in. */
	for (i = 0; i < c->nf; i++)
		c->fields[i] = c->buf + c->off[i];
	c->rec.line = c->rec_line;
	c->rec.nfields = c->nf;
	c->rec.fields = c->fields;
	c->rec.lens = c->lens;
	*rec = &c->rec;
	return 1;
}

/* Count the line end that closes a chunk; CRLF may be split in two. */
static void
count_lines(ayni_csv *c, const unsigned char *s, size_t len)
{
	unsigned char last = s[len - 1];

	if (last == '\r') {
		c->line++;
		c->after_cr = 1;
		return;
	}
	if (last == '\n' && !(len == 1 && c->after_cr))
		c->line++;
	c->after_cr = 0;
}

/*
 * Quotes, as libcsv reads them without CSV_STRICT.  A quote inside an
 * unquoted field (Clavos 2") is a literal character, as Excel and DuckDB
 * read it (docs/contract.md §5), which is why the parser runs without
 * CSV_STRICT.  But non-strict libcsv also takes text after a closing quote
 * ("2"x) as part of the quoted field, which then runs on across delimiters and
 * lines: that one case is refused here, before the line reaches the parser.
 * This mirrors libcsv's states; if its rules change, change these.
 */
enum { Q_START, Q_UNQUOTED, Q_QUOTED, Q_MAYBE_END };

static int
quote_scan(ayni_csv *c, const unsigned char *s, size_t len,
    ayni_error *err)
{
	unsigned char d = (unsigned char)c->d.delimiter, ch;
	size_t i;

	for (i = 0; i < len; i++) {
		ch = s[i];
		switch (c->qstate) {
		case Q_START:
			if (ch == d)
				c->qfield++;
			else if (ch == '\r' || ch == '\n')
				c->qfield = 0;
			else if (ch == '"')
				c->qstate = Q_QUOTED;
			else if (ch != ' ' && ch != '\t')
				c->qstate = Q_UNQUOTED;
			break;
		case Q_UNQUOTED:
			if (ch == d) {
				c->qfield++;
				c->qstate = Q_START;
			} else if (ch == '\r' || ch == '\n') {
				c->qfield = 0;
				c->qstate = Q_START;
			}
			break;
		case Q_QUOTED:
			if (ch == '"') {
				c->qstate = Q_MAYBE_END;
				c->qspaces = 0;
			}
			break;
		case Q_MAYBE_END:
			if (ch == d) {
				c->qfield++;
				c->qstate = Q_START;
			} else if (ch == '\r' || ch == '\n') {
				c->qfield = 0;
				c->qstate = Q_START;
			} else if (ch == ' ' || ch == '\t')
				c->qspaces++;
			else if (ch == '"' && c->qspaces == 0)
				c->qstate = Q_QUOTED;	/* "" inside quotes */
			else
				return ayni_error_set_line(err, AYNI_EDATA,
				    c->line, _("%s:%ld: misplaced quote in field "
				    "%zu: text after its closing quote; a "
				    "quoted field must be quoted whole, with "
				    "inner quotes doubled"), c->name, c->line,
				    c->qfield + 1);
			break;
		}
	}
	return 0;
}

/* The length of the line at s, of n bytes, with its line end if any. */
static size_t
line_len(const unsigned char *s, size_t n)
{
	size_t len;

	for (len = 0; len < n && s[len] != '\r' && s[len] != '\n'; len++)
		;
	if (len < n) {
		if (s[len] == '\r' && len + 1 < n && s[len + 1] == '\n')
			len++;
		len++;
	}
	return len;
}

/*
 * Count the line s of len bytes into the record it belongs to, which
 * may start with it: a record starts on the first line with something
 * other than what libcsv skips before a row: spaces, tabs, line ends.
 * A record longer than AYNI_CSV_MAX_RECORD is refused.
 */
static int
record_bytes(ayni_csv *c, const unsigned char *s, size_t len,
    ayni_error *err)
{
	size_t i;

	if (!c->in_record) {
		for (i = 0; i < len; i++)
			if (s[i] != ' ' && s[i] != '\r' &&
			    s[i] != '\n' && !(s[i] == '\t' &&
			    c->d.delimiter != '\t'))
				break;
		if (i < len) {
			c->in_record = 1;
			c->rec_line = c->line;
			c->rec_bytes = 0;
		}
	}
	if (c->in_record) {
		c->rec_bytes += len;
		if (c->rec_bytes > AYNI_CSV_MAX_RECORD)
			return ayni_error_set_line(err, AYNI_EDATA,
			    c->rec_line, _("%s:%ld: record longer than "
			    "%d bytes; is a quote left open?"), c->name,
			    c->rec_line, AYNI_CSV_MAX_RECORD);
	}
	return 0;
}

static int
next_record(ayni_csv *c, const ayni_csv_record **rec, ayni_error *err)
{
	const unsigned char *s;
	size_t len, used;
	int rc;

	c->nf = 0;
	c->blen = 0;
	c->rec_ready = 0;
	if (c->finished)
		return 0;
	for (;;) {
		if (c->dpos == c->dlen) {
			if ((rc = decode_more(c, err)) < 0)
				return rc;
			if (rc > 0)
				continue;
			c->finished = 1;
			/*
			 * libcsv checks this only with CSV_STRICT, which
			 * would refuse literal quotes: the scan knows.
			 */
			if (c->qstate == Q_QUOTED ||
			    csv_fini(&c->parser, cb_field, cb_row, c) != 0)
				return ayni_error_set_line(err, AYNI_EDATA,
				    c->rec_line, _("%s:%ld: unterminated quoted "
				    "field: the quote opened in this record is "
				    "never closed"), c->name, c->rec_line);
			break;
		}
		s = c->dp + c->dpos;
		len = line_len(s, c->dlen - c->dpos);
		if ((rc = record_bytes(c, s, len, err)) != 0 ||
		    (rc = quote_scan(c, s, len, err)) != 0)
			return rc;
		used = csv_parse(&c->parser, s, len, cb_field, cb_row, c);
		if (c->cb_nomem)
			break;
		if (used < len) {
			if (csv_error(&c->parser) != CSV_EPARSE)
				return ayni_error_set(err, AYNI_ENOMEM,
				    "%s:%ld: %s", c->name, c->line,
				    csv_strerror(csv_error(&c->parser)));
			return ayni_error_set_line(err, AYNI_EDATA, c->line,
			    _("%s:%ld: misplaced quote in field %zu; a quoted "
			    "field must be quoted whole, with inner quotes "
			    "doubled"), c->name, c->line, c->nf + 1);
		}
		count_lines(c, s, len);
		c->dpos += len;
		if (c->rec_ready)
			break;
	}
	if (c->cb_nomem)
		return ayni_error_set(err, AYNI_ENOMEM, _("out of memory"));
	if (c->rec_ready)
		return record_out(c, rec);
	return 0;
}

int
ayni_csv_next(ayni_csv *c, const ayni_csv_record **rec, ayni_error *err)
{
	int rc;

	*rec = NULL;
	if (c->broken)
		return ayni_error_set(err, AYNI_EINTERNAL,
		    _("%s: read after an error"), c->name);
	if ((rc = next_record(c, rec, err)) < 0)
		c->broken = 1;
	return rc;
}

/* Copy rec as the header. */
static int
keep_header(ayni_csv *c, const ayni_csv_record *rec, ayni_error *err)
{
	while (c->nhdr > 0)
		free(c->hdr[--c->nhdr]);
	free(c->hdr);
	if ((c->hdr = calloc(rec->nfields ? rec->nfields : 1,
	    sizeof(*c->hdr))) == NULL)
		return ayni_error_set(err, AYNI_ENOMEM, _("out of memory"));
	for (c->nhdr = 0; c->nhdr < rec->nfields; c->nhdr++)
		if ((c->hdr[c->nhdr] = strdup(rec->fields[c->nhdr])) == NULL)
			return ayni_error_set(err, AYNI_ENOMEM,
			    _("out of memory"));
	c->d.header_line = rec->line;
	return 0;
}

/*
 * The first record is not a header the caller can use: look for one among
 * the next records.  When none fits, the first stays the header (the
 * caller then says what it lacks); the records read meanwhile are lost,
 * which is harmless, since such a file cannot be loaded anyway.
 */
static int
find_header(ayni_csv *c, const ayni_csv_opts *opts, ayni_error *err)
{
	const ayni_csv_record *rec;
	long k;
	int rc;

	if (opts->header_ok(opts->header_arg, (const char *const *)c->hdr,
	    c->nhdr))
		return 0;
	for (k = 1; k < AYNI_CSV_HEADER_SEARCH; k++) {
		if ((rc = ayni_csv_next(c, &rec, err)) < 0)
			return rc;
		if (rc == 0)
			return 0;
		if (opts->header_ok(opts->header_arg, rec->fields,
		    rec->nfields)) {
			c->d.preamble_rows = k;
			return keep_header(c, rec, err);
		}
	}
	return 0;
}

/*
 * A UTF-16 byte order mark (Excel's "Unicode text": UTF-16 with a BOM,
 * TAB-separated): from here on raw[] holds the text converted to UTF-8,
 * and *enc says so.  --encoding utf-16 without the mark is refused.
 */
static int
open_utf16(ayni_csv *c, ayni_encoding *enc, ayni_error *err)
{
	int le, rc;

	if (!(c->rlen >= 2 && ((c->raw[0] == 0xFF && c->raw[1] == 0xFE) ||
	    (c->raw[0] == 0xFE && c->raw[1] == 0xFF)))) {
		if (*enc == AYNI_ENC_UTF16LE || *enc == AYNI_ENC_UTF16BE)
			return ayni_error_set(err, AYNI_EDATA, _("%s: "
			    "--encoding %s needs the file's byte order mark, "
			    "and it has none"), c->name,
			    ayni_csv_encoding_name(*enc));
		return 0;
	}
	le = c->raw[0] == 0xFF;
	if (*enc != AYNI_ENC_AUTO && *enc != (le ? AYNI_ENC_UTF16LE :
	    AYNI_ENC_UTF16BE))
		return ayni_error_set(err, AYNI_EDATA,
		    _("%s: the file starts with a utf-16 bom but "
		    "--encoding %s was given; drop --encoding"),
		    c->name, ayni_csv_encoding_name(*enc));
	if ((c->u16 = iconv_open("UTF-8", le ? "UTF-16LE" :
	    "UTF-16BE")) == (iconv_t)-1)
		return ayni_error_set(err, AYNI_ECONFIG, _("cannot convert "
		    "from utf-16: iconv: %s"), strerror(errno));
	c->u16len = c->rlen - 2;
	memcpy(c->u16buf, c->raw + 2, c->u16len);
	c->u16eof = c->eof;
	c->eof = 0;
	c->rlen = c->rpos = 0;
	if ((rc = read_raw(c, err)) != 0)
		return rc;
	c->d.bom = 1;
	c->d.encoding_detected = *enc == AYNI_ENC_AUTO;
	*enc = AYNI_ENC_UTF8;	/* what raw[] holds from now on */
	c->utf16 = le ? AYNI_ENC_UTF16LE : AYNI_ENC_UTF16BE;
	return 0;
}

/*
 * A UTF-8 BOM is skipped whatever the encoding: a file saved by a tool
 * that wrote the mark over Windows-1252 text does exist, and --encoding
 * says what the text is.  Detected, the mark means UTF-8, and a byte that
 * is not (before any UTF-8 beyond ASCII) switches to Windows-1252 as for
 * a plain ASCII start: the mark itself is not text.
 */
static void
skip_utf8_bom(ayni_csv *c, ayni_encoding *enc)
{
	if (c->rlen >= 3 && memcmp(c->raw, "\xEF\xBB\xBF", 3) == 0) {
		c->d.bom = 1;
		c->rpos = 3;
		if (*enc == AYNI_ENC_AUTO) {
			*enc = AYNI_ENC_UTF8;
			c->d.encoding_detected = 1;
		}
	}
}

/*
 * "sep=;" alone on the first line is Excel's delimiter hint: it names
 * the delimiter (unless --delimiter does) and is no record.
 */
static int
sep_hint(ayni_csv *c, ayni_error *err)
{
	const unsigned char *p;
	size_t left, k = 0;

	if (!(c->rlen - c->rpos >= 5 && memcmp(c->raw + c->rpos, "sep=",
	    4) == 0))
		return 0;
	p = c->raw + c->rpos + 4;
	left = c->rlen - c->rpos - 4;
	if (left >= 1 && p[0] != '\r' && p[0] != '\n')
		k = 1;
	if (k == 1 && (left == 1 || p[1] == '\n' ||
	    (p[1] == '\r' && (left == 2 || p[2] == '\n')))) {
		char d[2] = { (char)p[0], '\0' };

		if (ayni_csv_delimiter_parse(d, &c->d.delimiter, NULL) != 0)
			return ayni_error_set_line(err, AYNI_EDATA, 1,
			    _("%s:1: 'sep=%s' names an unsupported "
			    "delimiter; use ',', ';', '|' or tab"),
			    c->name, d);
		c->d.sep_line = 1;
		k = 1 + (left > 1) + (left > 2 && p[1] == '\r');
		c->rpos += 4 + k;
		c->line = 2;
	}
	return 0;
}

/*
 * The text's encoding (detected when enc is AYNI_ENC_AUTO) and the
 * delimiter (--delimiter, the sep= hint, or sniffed), set up for reading.
 */
static int
choose_dialect(ayni_csv *c, const ayni_csv_opts *opts, ayni_encoding enc,
    ayni_error *err)
{
	size_t i;
	int rc, bad;

	if (enc == AYNI_ENC_AUTO) {
		c->d.encoding_detected = 1;
		i = utf8_prefix(c->raw + c->rpos, c->rlen - c->rpos, c->eof,
		    &bad);
		/* A NUL is not evidence of cp1252: let the decoder say so. */
		enc = bad && c->raw[c->rpos + i] != 0 ? AYNI_ENC_CP1252 :
		    AYNI_ENC_UTF8;
	}
	c->d.encoding = c->utf16 ? c->utf16 : enc;
	if (enc != AYNI_ENC_UTF8 && (rc = use_cp1252(c, err)) != 0)
		return rc;
	if (opts && opts->delimiter)
		c->d.delimiter = opts->delimiter;
	else if (!c->d.sep_line) {
		c->d.delimiter = sniff_delimiter(c->raw + c->rpos,
		    c->rlen - c->rpos, c->eof);
		c->d.delimiter_detected = 1;
	}
	csv_set_delim(&c->parser, (unsigned char)c->d.delimiter);
	return 0;
}

/* The first record as the header, or a later one that header_ok likes. */
static int
read_header(ayni_csv *c, const ayni_csv_opts *opts, ayni_error *err)
{
	const ayni_csv_record *rec;
	int rc;

	if ((rc = ayni_csv_next(c, &rec, err)) < 0)
		return rc;
	if (rc == 0)
		return ayni_error_set(err, AYNI_EDATA,
		    _("%s: no header line, only blank lines"), c->name);
	if ((rc = keep_header(c, rec, err)) != 0)
		return rc;
	if (opts != NULL && opts->header_ok != NULL)
		return find_header(c, opts, err);
	return 0;
}

int
ayni_csv_open(ayni_csv **out, FILE *fp, const char *name,
    const ayni_csv_opts *opts, ayni_error *err)
{
	ayni_csv *c;
	ayni_encoding enc = opts ? opts->encoding : AYNI_ENC_AUTO;
	int rc;

	*out = NULL;
	if ((c = calloc(1, sizeof(*c))) == NULL)
		return ayni_error_set(err, AYNI_ENOMEM, _("out of memory"));
	c->fp = fp;
	c->cd = (iconv_t)-1;
	c->u16 = (iconv_t)-1;
	c->line = 1;
	if ((c->name = strdup(name ? name : "-")) == NULL ||
	    csv_init(&c->parser, CSV_STRICT_FINI) != 0) {
		rc = ayni_error_set(err, AYNI_ENOMEM, _("out of memory"));
		goto out;
	}
	if ((rc = read_raw(c, err)) != 0)
		goto out;
	if (c->rlen == 0) {
		rc = ayni_error_set(err, AYNI_EDATA,
		    _("%s: the file is empty; expected a header line"), c->name);
		goto out;
	}
	if ((rc = open_utf16(c, &enc, err)) != 0)
		goto out;
	skip_utf8_bom(c, &enc);
	if ((rc = sep_hint(c, err)) != 0 ||
	    (rc = choose_dialect(c, opts, enc, err)) != 0 ||
	    (rc = read_header(c, opts, err)) != 0)
		goto out;
	*out = c;
	c = NULL;
	rc = 0;
out:
	ayni_csv_free(c);
	return rc;
}

size_t
ayni_csv_header(const ayni_csv *c, const char *const **names)
{
	if (names != NULL)
		*names = (const char *const *)c->hdr;
	return c->nhdr;
}

void
ayni_csv_dialect_get(const ayni_csv *c, ayni_csv_dialect *out)
{
	*out = c->d;
}

unsigned long long
ayni_csv_bytes_read(const ayni_csv *c)
{
	return c->nread;
}

void
ayni_csv_free(ayni_csv *c)
{
	size_t i;

	if (c == NULL)
		return;
	csv_free(&c->parser);
	if (c->cd != (iconv_t)-1)
		iconv_close(c->cd);
	if (c->u16 != (iconv_t)-1)
		iconv_close(c->u16);
	for (i = 0; i < c->nhdr; i++)
		free(c->hdr[i]);
	free(c->hdr);
	free(c->conv);
	free(c->buf);
	free(c->off);
	free(c->lens);
	free(c->fields);
	free(c->name);
	free(c);
}

const char *
ayni_csv_encoding_name(ayni_encoding enc)
{
	switch (enc) {
	case AYNI_ENC_AUTO:	return "auto";
	case AYNI_ENC_UTF8:	return "utf-8";
	case AYNI_ENC_LATIN1:	return "latin1";
	case AYNI_ENC_CP1252:	return "windows-1252";
	case AYNI_ENC_UTF16LE:	return "utf-16le";
	case AYNI_ENC_UTF16BE:	return "utf-16be";
	}
	return "unknown";
}

int
ayni_csv_encoding_parse(const char *s, ayni_encoding *out, ayni_error *err)
{
	static const struct {
		const char	*name;
		ayni_encoding	 enc;
	} names[] = {
		{ "utf-8", AYNI_ENC_UTF8 }, { "utf8", AYNI_ENC_UTF8 },
		{ "latin1", AYNI_ENC_LATIN1 }, { "latin-1", AYNI_ENC_LATIN1 },
		{ "iso-8859-1", AYNI_ENC_LATIN1 },
		{ "windows-1252", AYNI_ENC_CP1252 },
		{ "cp1252", AYNI_ENC_CP1252 },
		{ "utf-16le", AYNI_ENC_UTF16LE },
		{ "utf-16be", AYNI_ENC_UTF16BE },
	};
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strcasecmp(s, names[i].name) == 0) {
			*out = names[i].enc;
			return 0;
		}
	return ayni_error_set(err, AYNI_EUSAGE, _("unknown encoding '%s'; use "
	    "utf-8, latin1, windows-1252, utf-16le or utf-16be"), s);
}

int
ayni_csv_delimiter_parse(const char *s, char *out, ayni_error *err)
{
	if (strcmp(s, "\t") == 0 || strcmp(s, "\\t") == 0 ||
	    strcasecmp(s, "tab") == 0) {
		*out = '\t';
		return 0;
	}
	if (strlen(s) == 1 && strchr(",;|", s[0]) != NULL) {
		*out = s[0];
		return 0;
	}
	return ayni_error_set(err, AYNI_EUSAGE, _("unsupported delimiter '%s'; "
	    "use ',', ';', '|' or tab"), s);
}
