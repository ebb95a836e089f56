/*
 * parse.c - numbers, dates and return markers, without the C locale.
 *
 * Numbers are read digit by digit into scaled int64 (never through double:
 * 0.1 + 0.2 must add up in a ledger).  Dates are validated against the
 * calendar and written as ISO text.  Nothing here knows columns or files:
 * the detectors only count votes the caller feeds them.
 *
 * Precision: a value with more decimals than its scale is refused unless
 * the extra digits are zeros (1234,50 is fine as money, 12,345 is not);
 * rounding would make totals disagree with the source without a word.
 */
#include <stdio.h>
#include <string.h>

#include "ayni/intl.h"
#include "ayni/calendar.h"
#include "ayni/fields.h"
#include "ayni/parse.h"

#define IS_DIGIT(c)	((c) >= '0' && (c) <= '9')

static const char *
skip_space(const char *p)
{
	for (;;) {
		if (*p == ' ' || *p == '\t')
			p++;
		else if ((unsigned char)p[0] == 0xC2 &&
		    (unsigned char)p[1] == 0xA0)
			p += 2;		/* no-break space, as Excel writes */
		else
			return p;
	}
}

/* A number with sign, currency and parentheses taken off. */
struct num_body {
	const char	*p;
	size_t		 len;
	int		 neg;
	int		 nonfinite;
};

static int
num_strip(const char *s, struct num_body *b)
{
	const char *p = skip_space(s);
	int paren = 0, sign = 0;

	memset(b, 0, sizeof(*b));
	if (*p == '(') {
		paren = 1;
		p = skip_space(p + 1);
	}
	if (*p == '+' || *p == '-') {
		sign = *p;
		p = skip_space(p + 1);
	}
	if (*p == '$')
		p = skip_space(p + 1);
	if (!sign && (*p == '+' || *p == '-')) {
		sign = *p;
		p = skip_space(p + 1);
	}
	b->p = p;
	while (IS_DIGIT(*p) || *p == '.' || *p == ',')
		p++;
	b->len = p - b->p;
	if (b->len == 0 && (strncmp(p, "nan", 3) == 0 ||
	    strncmp(p, "NaN", 3) == 0 || strncmp(p, "NAN", 3) == 0 ||
	    strncmp(p, "inf", 3) == 0 || strncmp(p, "Inf", 3) == 0 ||
	    strncmp(p, "INF", 3) == 0))
		b->nonfinite = 1;
	p = skip_space(p);
	if (paren) {
		if (*p != ')')
			return -1;
		p = skip_space(p + 1);
	}
	/* "(-1)" could mean -1 or 1: refuse rather than pick. */
	if (*p != '\0' || b->len == 0 || (paren && sign))
		return -1;
	b->neg = paren || sign == '-';
	return 0;
}

/*
 * Read body with mark as decimal mark.  Returns 0 and the integer digits
 * in *ip (saturating, *big set on overflow) and the decimals in frac/nfrac,
 * or -1 when the shape does not fit: a thousands group that is not three
 * digits, a first group over three digits or starting with 0, a second
 * mark, no digits.
 */
static int
num_shape(const struct num_body *b, char mark, unsigned long long *ip,
    int *big, const char **frac, size_t *nfrac)
{
	const char *p = b->p, *end = b->p + b->len;
	char thou = mark == ',' ? '.' : ',';
	size_t first = 0, groups = 0, k;

	*ip = 0;
	*big = 0;
	*frac = NULL;
	*nfrac = 0;
	for (; p < end && IS_DIGIT(*p); p++, first++) {
		if (*ip > (~0ULL - 9) / 10)
			*big = 1;
		else
			*ip = *ip * 10 + (*p - '0');
	}
	while (p < end && *p == thou) {
		p++;
		for (k = 0; k < 3; k++, p++) {
			if (p >= end || !IS_DIGIT(*p))
				return -1;
			if (*ip > (~0ULL - 9) / 10)
				*big = 1;
			else
				*ip = *ip * 10 + (*p - '0');
		}
		if (p < end && IS_DIGIT(*p))
			return -1;
		groups++;
	}
	if (groups > 0 && (first == 0 || first > 3 || b->p[0] == '0'))
		return -1;
	if (p < end && *p == mark) {
		p++;
		*frac = p;
		while (p < end && IS_DIGIT(*p))
			p++;
		*nfrac = p - *frac;
		if (*nfrac == 0)
			return -1;
	}
	if (p != end || (first == 0 && *nfrac == 0))
		return -1;
	return 0;
}

int
ayni_num_parse(const char *s, char mark, int scale, int64_t *out,
    ayni_error *err)
{
	struct num_body b;
	unsigned long long ip, pow = 1, f = 0;
	const char *frac;
	size_t nfrac, i;
	int big;

	if (num_strip(s, &b) != 0) {
		if (b.nonfinite)
			return ayni_error_set(err, AYNI_EDATA,
			    _("'%.64s' is not a finite number"), s);
		return ayni_error_set(err, AYNI_EDATA, _("'%.64s' is not a "
		    "number"), s);
	}
	if (num_shape(&b, mark, &ip, &big, &frac, &nfrac) != 0)
		return ayni_error_set(err, AYNI_EDATA, _("'%.64s' is not a "
		    "number with '%c' as decimal mark"), s, mark);
	for (i = 0; i < nfrac; i++) {
		if ((int)i < scale)
			f = f * 10 + (frac[i] - '0');
		else if (frac[i] != '0')
			return ayni_error_set(err, AYNI_EDATA, _("'%.64s' has "
			    "more than %d decimals"), s, scale);
	}
	for (i = nfrac; (int)i < scale; i++)
		f *= 10;
	for (i = 0; (int)i < scale; i++)
		pow *= 10;
	if (big || ip > ((unsigned long long)INT64_MAX - f) / pow)
		return ayni_error_set(err, AYNI_EDATA, _("'%.64s' is too large"),
		    s);
	*out = (int64_t)(ip * pow + f);
	if (b.neg)
		*out = -*out;
	return 0;
}

void
ayni_num_evidence_add(ayni_num_evidence *ev, const char *s)
{
	ayni_num_evidence_add_scaled(ev, s, -1);
}

void
ayni_num_evidence_add_scaled(ayni_num_evidence *ev, const char *s, int scale)
{
	struct num_body b;
	unsigned long long ip;
	const char *frac;
	size_t nfrac;
	int big, comma, dot;

	if (num_strip(s, &b) != 0)
		return;
	if (memchr(b.p, '.', b.len) == NULL && memchr(b.p, ',', b.len) == NULL)
		return;
	/*
	 * A value votes for the marks under which it reads at all, and, in
	 * a column of a known scale, without more decimals than the scale
	 * holds: in a money column 1.234 cannot be a peso and a fraction of
	 * a cent, so it says '.' groups thousands.
	 */
	comma = num_shape(&b, ',', &ip, &big, &frac, &nfrac) == 0 &&
	    (scale < 0 || nfrac <= (size_t)scale);
	dot = num_shape(&b, '.', &ip, &big, &frac, &nfrac) == 0 &&
	    (scale < 0 || nfrac <= (size_t)scale);
	if (comma && dot) {
		if (ev->ambiguous++ == 0)
			snprintf(ev->example, sizeof(ev->example), "%.*s",
			    (int)(b.len < 23 ? b.len : 23), b.p);
	} else if (comma)
		ev->comma++;
	else if (dot)
		ev->dot++;
}

char
ayni_num_evidence_mark(const ayni_num_evidence *ev)
{
	if (ev->comma > ev->dot)
		return ',';
	if (ev->dot > ev->comma)
		return '.';
	return 0;
}

void
ayni_num_decide(const ayni_num_evidence *ev, size_t n, char *marks,
    ayni_mark_source *why)
{
	ayni_num_evidence votes = { 0 }, sum = { 0 };
	char m, file;
	size_t i;

	/* One vote per column, so one long column cannot outvote the rest. */
	for (i = 0; i < n; i++) {
		m = ayni_num_evidence_mark(&ev[i]);
		votes.comma += m == ',';
		votes.dot += m == '.';
		sum.comma += ev[i].comma;
		sum.dot += ev[i].dot;
	}
	if ((file = ayni_num_evidence_mark(&votes)) == 0)
		file = ayni_num_evidence_mark(&sum);
	for (i = 0; i < n; i++) {
		if ((m = ayni_num_evidence_mark(&ev[i])) != 0) {
			marks[i] = m;
			if (why)
				why[i] = AYNI_MARK_COLUMN;
		} else if (file != 0) {
			marks[i] = file;
			if (why)
				why[i] = AYNI_MARK_FILE;
		} else {
			marks[i] = ',';
			if (why)
				why[i] = AYNI_MARK_DEFAULT;
		}
	}
}

/* Read between min and max digits; -1 if fewer, else how many. */
static int
read_num(const char **pp, int min, int max, int *out)
{
	const char *p = *pp;
	int n = 0, v = 0;

	while (n < max && IS_DIGIT(*p)) {
		v = v * 10 + (*p++ - '0');
		n++;
	}
	if (n < min)
		return -1;
	*pp = p;
	*out = v;
	return n;
}

/* POSIX strptime's %y: 69-99 are 19xx, 00-68 are 20xx. */
static int
pivot_year(int yy)
{
	return yy >= 69 ? 1900 + yy : 2000 + yy;
}

struct dt {
	int	y, m, d, hh, mm, ss;
};

static void
put_digits(char *p, int v, int n)
{
	while (n-- > 0) {
		p[n] = (char)('0' + v % 10);
		v /= 10;
	}
}

static int
dt_out(const char *s, const struct dt *t, char out[AYNI_DATE_LEN],
    ayni_error *err)
{
	/*
	 * docs/contract.md §2: years outside 1900-2199 are impossible.
	 * 31/12/9999 is a common ERP "no date" placeholder and 01/01/0001 an
	 * empty DateTime: bad data, not sales, and every period of a stored day
	 * must have a label (SQLite's date() ends at 9999-12-31, and an
	 * ISO week may end in the next year).
	 */
	if (t->y < AYNI_YEAR_MIN || t->y > AYNI_YEAR_MAX)
		return ayni_error_set(err, AYNI_EDATA, _("'%.64s' is an "
		    "impossible date: years %d-%d only"), s, AYNI_YEAR_MIN,
		    AYNI_YEAR_MAX);
	if (!ayni_date_valid(t->y, t->m, t->d))
		return ayni_error_set(err, AYNI_EDATA, _("'%.64s' is an "
		    "impossible date (year %d, month %d, day %d)"), s, t->y,
		    t->m, t->d);
	if (t->hh > 23 || t->mm > 59 || t->ss > 59)
		return ayni_error_set(err, AYNI_EDATA, _("'%.64s' has an "
		    "impossible time"), s);
	/*
	 * By hand: every part is range-checked above, which snprintf's
	 * truncation warning cannot see.
	 */
	put_digits(out, t->y, 4);
	out[4] = '-';
	put_digits(out + 5, t->m, 2);
	out[7] = '-';
	put_digits(out + 8, t->d, 2);
	out[10] = ' ';
	put_digits(out + 11, t->hh, 2);
	out[13] = ':';
	put_digits(out + 14, t->mm, 2);
	out[16] = ':';
	put_digits(out + 17, t->ss, 2);
	out[19] = '\0';
	return 0;
}

static int
lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

/*
 * HH:MM[:SS][.fff] [am|pm|a. m.|p. m.] [Z|+HH[:MM]|-HH[:MM]] at *pp.
 * Returns 0, or -1 when it is not a time (range checks come later).
 */
static int
parse_time(const char **pp, struct dt *t)
{
	const char *p = *pp, *q;
	int ap, dummy;

	if (read_num(&p, 1, 2, &t->hh) < 0 || *p++ != ':' ||
	    read_num(&p, 2, 2, &t->mm) < 0)
		return -1;
	if (*p == ':') {
		p++;
		if (read_num(&p, 2, 2, &t->ss) < 0)
			return -1;
		if ((*p == '.' || *p == ',') && IS_DIGIT(p[1]))
			for (p++; IS_DIGIT(*p); p++)
				;
	}
	q = skip_space(p);
	ap = lower(*q);
	if (ap == 'a' || ap == 'p') {
		q++;
		if (*q == '.')
			q = skip_space(q + 1);
		if (lower(*q) != 'm')
			return -1;
		q++;
		if (*q == '.')
			q++;
		if (t->hh < 1 || t->hh > 12)
			t->hh = 99;	/* refused by the range check */
		else
			t->hh = t->hh % 12 + (ap == 'p' ? 12 : 0);
		p = q;
	}
	/* Shopify writes "14:22:01 -0300": an offset may follow a space */
	q = skip_space(p);
	if ((*q == 'Z' && q[1] == '\0') || ((*q == '+' || *q == '-') &&
	    IS_DIGIT(q[1]) && IS_DIGIT(q[2])))
		p = q;
	if (*p == 'Z')
		p++;
	else if ((*p == '+' || *p == '-') && IS_DIGIT(p[1])) {
		p++;
		if (read_num(&p, 2, 2, &dummy) < 0)
			return -1;
		if (*p == ':')
			p++;
		if (IS_DIGIT(*p) && read_num(&p, 2, 2, &dummy) < 0)
			return -1;
	}
	*pp = p;
	return 0;
}

/*
 * An Excel serial: whole days since 1899-12-30 (Excel counts a 29 Feb 1900
 * that never was, so for every date after it the epoch is the 30th), and
 * an optional fraction of a day for the time.  -1 when s is not one.
 */
static int
excel_serial(const char *s, struct dt *t)
{
	const char *p = skip_space(s);
	long days = 0, frac = 0, scale = 1, secs;
	int n = 0;

	for (; IS_DIGIT(*p) && n < 6; p++, n++)
		days = days * 10 + (*p - '0');
	if (n == 0 || IS_DIGIT(*p))
		return -1;
	if (*p == '.' || *p == ',') {
		for (p++; IS_DIGIT(*p); p++)
			if (scale < 100000000L) {
				frac = frac * 10 + (*p - '0');
				scale *= 10;
			}
	}
	if (*skip_space(p) != '\0' || days < AYNI_EXCEL_SERIAL_MIN ||
	    days > AYNI_EXCEL_SERIAL_MAX)
		return -1;
	ayni_civil_from_days(days + ayni_days_from_civil(1899, 12, 30),
	    &t->y, &t->m, &t->d);
	/* to the nearest second: 0.5 is 12:00:00 */
	secs = (long)(((long long)frac * 86400 + scale / 2) / scale);
	if (secs >= 86400)
		secs = 86399;
	t->hh = (int)(secs / 3600);
	t->mm = (int)(secs / 60 % 60);
	t->ss = (int)(secs % 60);
	return 0;
}

int
ayni_date_parse(const char *s, ayni_date_order order,
    char out[AYNI_DATE_LEN], ayni_error *err)
{
	struct dt t = { 0, 0, 0, 0, 0, 0 };
	const char *p = skip_space(s), *q;
	int a, b, c, na, nc;
	char sep;

	if (order == AYNI_DATE_EXCEL_SERIAL) {
		if (excel_serial(s, &t) == 0)
			return dt_out(s, &t, out, err);
		return ayni_error_set(err, AYNI_EDATA, _("'%.64s' is not a date: "
		    "the column holds Excel serial numbers (%d to %d)"), s,
		    AYNI_EXCEL_SERIAL_MIN, AYNI_EXCEL_SERIAL_MAX);
	}

	if ((na = read_num(&p, 1, 4, &a)) < 0 || na == 3 ||
	    (*p != '-' && *p != '/'))
		goto bad;
	sep = *p++;
	if (read_num(&p, 1, 2, &b) < 0 || *p++ != sep ||
	    (nc = read_num(&p, 1, 4, &c)) < 0)
		goto bad;
	if (na == 4) {
		if (nc > 2)
			goto bad;
		t.y = a;
		t.m = b;
		t.d = c;
	} else {
		if (nc != 2 && nc != 4)
			goto bad;
		t.y = nc == 2 ? pivot_year(c) : c;
		t.d = order == AYNI_DATE_DAY_FIRST ? a : b;
		t.m = order == AYNI_DATE_DAY_FIRST ? b : a;
	}
	if (*p == 'T') {
		p++;
		if (parse_time(&p, &t) != 0)
			goto bad;
	} else if (*p == ' ' || *p == '\t') {
		q = skip_space(p);
		if (IS_DIGIT(*q)) {
			p = q;
			if (parse_time(&p, &t) != 0)
				goto bad;
		}
	}
	if (*skip_space(p) != '\0')
		goto bad;
	return dt_out(s, &t, out, err);
bad:
	return ayni_error_set(err, AYNI_EDATA, _("'%.64s' is not a date; "
	    "expected DD-MM-YYYY, DD/MM/YYYY or YYYY-MM-DD with optional "
	    "HH:MM[:SS], or give --date-format"), s);
}

void
ayni_date_evidence_add(ayni_date_evidence *ev, const char *s)
{
	const char *p = skip_space(s);
	struct dt t;
	int a, b, c, nc;
	char sep;

	if (*p == '\0')
		return;
	if (excel_serial(p, &t) == 0) {
		ev->serial++;
		return;
	}
	if (read_num(&p, 1, 2, &a) < 0 || (*p != '-' && *p != '/') ||
	    (sep = *p++, read_num(&p, 1, 2, &b) < 0) || *p++ != sep ||
	    (nc = read_num(&p, 2, 4, &c)) < 0 || nc == 3) {
		ev->other++;
		return;
	}
	if (a > 12 && b <= 12)
		ev->day_first++;
	else if (b > 12 && a <= 12)
		ev->month_first++;
	else if (a != b) {
		if (ev->ambiguous++ == 0)
			snprintf(ev->example, sizeof(ev->example), "%s",
			    skip_space(s));
	}
	else
		ev->other++;	/* 05/05/2025 reads the same both ways */
}

ayni_date_order
ayni_date_evidence_order(const ayni_date_evidence *ev)
{
	if (ev->serial > 0 && ev->other == 0 && ev->day_first == 0 &&
	    ev->month_first == 0 && ev->ambiguous == 0)
		return AYNI_DATE_EXCEL_SERIAL;
	if (ev->month_first > 0 && ev->day_first == 0)
		return AYNI_DATE_MONTH_FIRST;
	return AYNI_DATE_DAY_FIRST;
}

int
ayni_date_evidence_guessed(const ayni_date_evidence *ev)
{
	return ev->ambiguous > 0 && ev->day_first == 0 &&
	    ev->month_first == 0;
}

int
ayni_date_format_check(const char *fmt, ayni_error *err)
{
	int y = 0, m = 0, d = 0;
	const char *f;

	for (f = fmt; *f != '\0'; f++) {
		if (*f != '%')
			continue;
		switch (*++f) {
		case 'd':
			d = 1;
			break;
		case 'm':
			m = 1;
			break;
		case 'Y':
		case 'y':
			y = 1;
			break;
		case 'H':
		case 'M':
		case 'S':
		case '%':
			break;
		case '\0':
			return ayni_error_set(err, AYNI_EUSAGE, _("date format "
			    "'%s' ends with a lone '%%'"), fmt);
		default:
			return ayni_error_set(err, AYNI_EUSAGE, _("date format "
			    "'%s': '%%%c' is not supported; use %%d %%m %%Y "
			    "%%y %%H %%M %%S %%%%"), fmt, *f);
		}
	}
	if (!y || !m || !d)
		return ayni_error_set(err, AYNI_EUSAGE, _("date format '%s' "
		    "needs %%d, %%m and %%Y or %%y"), fmt);
	return 0;
}

int
ayni_date_parse_format(const char *s, const char *fmt,
    char out[AYNI_DATE_LEN], ayni_error *err)
{
	struct dt t = { 0, 0, 0, 0, 0, 0 };
	const char *p = skip_space(s), *f;
	int rc, n;

	if ((rc = ayni_date_format_check(fmt, err)) != 0)
		return rc;
	for (f = fmt; *f != '\0'; f++) {
		if (*f == ' ') {
			p = skip_space(p);
			continue;
		}
		if (*f != '%') {
			if (*p++ != *f)
				goto bad;
			continue;
		}
		switch (*++f) {
		case 'd':
			rc = read_num(&p, 1, 2, &t.d);
			break;
		case 'm':
			rc = read_num(&p, 1, 2, &t.m);
			break;
		case 'Y':
			rc = read_num(&p, 4, 4, &t.y);
			break;
		case 'y':
			if ((rc = read_num(&p, 2, 2, &n)) >= 0)
				t.y = pivot_year(n);
			break;
		case 'H':
			rc = read_num(&p, 1, 2, &t.hh);
			break;
		case 'M':
			rc = read_num(&p, 1, 2, &t.mm);
			break;
		case 'S':
			rc = read_num(&p, 1, 2, &t.ss);
			break;
		default:	/* '%', the only other one check lets by */
			rc = *p++ == '%' ? 0 : -1;
			break;
		}
		if (rc < 0)
			goto bad;
	}
	if (*skip_space(p) != '\0')
		goto bad;
	return dt_out(s, &t, out, err);
bad:
	return ayni_error_set(err, AYNI_EDATA, _("'%.64s' does not match date "
	    "format '%s'"), s, fmt);
}

/* Whether text, normalised as a header is, is one of keys. */
static int
key_in(const char *text, const char *const *keys, size_t n)
{
	char key[64];
	size_t i;

	if (text == NULL)
		return 0;
	ayni_field_normalize(text, key, sizeof(key));
	for (i = 0; i < n; i++)
		if (strcmp(key, keys[i]) == 0)
			return 1;
	return 0;
}

int
ayni_is_return(const char *trans_type)
{
	static const char *const keys[] = {
		"return", "devolucion", "notadecredito", "notacredito",
		"notadecreditoelectronica", "notacreditoelectronica", "nc",
		"n/c",
		"61",		/* SII: nota de crédito electrónica */
		"112",		/* SII: nota de crédito de exportación */
	};

	return key_in(trans_type, keys, sizeof(keys) / sizeof(keys[0]));
}

int
ayni_is_not_sale(const char *doc_type)
{
	static const char *const keys[] = {
		"52", "guiadedespacho", "guiadespacho",
		"guiadedespachoelectronica", "guiadespachoelectronica",
	};

	return key_in(doc_type, keys, sizeof(keys) / sizeof(keys[0]));
}
