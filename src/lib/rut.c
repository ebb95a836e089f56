/*
 * rut.c - Chilean RUT check digit and forms.  The check digit is the
 * textbook mod 11: body digits from the right times 2,3,4,5,6,7,2,...;
 * 11 - (sum mod 11), with 11 giving '0' and 10 giving 'K'.
 *
 * Parsing is strict about shape (dots only as thousands separators, at
 * most one hyphen, right before the check digit) and lenient about the
 * rest (dots and hyphen optional, lower-case k, surrounding spaces,
 * leading zeros).  tests/data/rut-vectors.tsv holds the vectors, computed
 * independently of this file.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "ayni/intl.h"
#include "ayni/rut.h"

char
ayni_rut_check_digit(const char *body)
{
	int sum = 0, w = 2, r;
	size_t i = strlen(body);

	while (i-- > 0) {
		sum += (body[i] - '0') * w;
		w = w == 7 ? 2 : w + 1;
	}
	r = 11 - sum % 11;
	return r == 11 ? '0' : r == 10 ? 'K' : (char)('0' + r);
}

/*
 * The digits of s[0..len) into body (at most cap - 1 of them): plain
 * digits, or dotted thousands groups ("76.123.456").  0, or -1 with why.
 */
static int
take_body(const char *s, size_t len, char *body, size_t cap, const char **why)
{
	size_t i, n = 0, group = 0;
	int dotted = memchr(s, '.', len) != NULL, first = 1;

	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (isdigit(c)) {
			if (n + 1 >= cap) {
				*why = _("too long");
				return -1;
			}
			body[n++] = (char)c;
			group++;
		} else if (c == '.') {
			if (group == 0 || group > 3 || (!first && group != 3)) {
				*why = _("dots must separate thousands, as in "
				    "'76.123.456-0'");
				return -1;
			}
			first = 0;
			group = 0;
		} else {
			*why = c == 'k' || c == 'K' ? _("'K' can only be the "
			    "check digit") : NULL;
			return -1;
		}
	}
	if (dotted && (group != 3)) {
		*why = _("dots must separate thousands, as in '76.123.456-0'");
		return -1;
	}
	if (n == 0) {
		*why = _("no number before the check digit");
		return -1;
	}
	body[n] = '\0';
	return 0;
}

/*
 * The whole character at s[i] into buf, for messages: a UTF-8 sequence
 * (ñ, ó, or a byte that starts none) is never cut to its first byte.
 */
static const char *
char_at(const char *s, size_t i, size_t len, char buf[5])
{
	size_t n = 1;

	while (n < 4 && i + n < len &&
	    ((unsigned char)s[i + n] & 0xC0) == 0x80 &&
	    (unsigned char)s[i] >= 0xC0)
		n++;
	memcpy(buf, s + i, n);
	buf[n] = '\0';
	return buf;
}

/* Where the character that ends s[0..len) starts. */
static size_t
last_char(const char *s, size_t len)
{
	size_t i = len - 1;

	while (i > 0 && len - i < 4 && ((unsigned char)s[i] & 0xC0) == 0x80)
		i--;
	return ((unsigned char)s[i] & 0xC0) == 0xC0 ? i : len - 1;
}

int
ayni_rut_parse(const char *in, char out[AYNI_RUT_MAX], ayni_error *err)
{
	char body[AYNI_RUT_MAX], dv, want, ch[5];
	const char *s = in, *why = NULL, *hy;
	size_t len, blen, i, n;

	while (isspace((unsigned char)*s))
		s++;
	len = strlen(s);
	while (len > 0 && isspace((unsigned char)s[len - 1]))
		len--;
	if (len == 0)
		return ayni_error_set(err, AYNI_EDATA, _("empty RUT: give it as "
		    "'76.123.456-0'"));
	if (len < 2)
		return ayni_error_set(err, AYNI_EDATA,
		    _("invalid RUT '%s': too short"), in);
	/* The check digit is the last character; a hyphen may precede it. */
	dv = (char)toupper((unsigned char)s[len - 1]);
	blen = len - 1;
	if ((unsigned char)dv >= 0x80)
		return ayni_error_set(err, AYNI_EDATA, _("invalid RUT '%s': the "
		    "check digit must be 0-9 or K, not '%s'"), in,
		    char_at(s, last_char(s, len), len, ch));
	hy = memchr(s, '-', len);
	if (hy != NULL && hy != s + len - 2)
		return ayni_error_set(err, AYNI_EDATA, _("invalid RUT '%s': the "
		    "hyphen goes right before the check digit"), in);
	if (hy != NULL)
		blen--;
	if (!isdigit((unsigned char)dv) && dv != 'K')
		return ayni_error_set(err, AYNI_EDATA, _("invalid RUT '%s': the "
		    "check digit must be 0-9 or K, not '%s'"), in,
		    char_at(s, last_char(s, len), len, ch));
	if (take_body(s, blen, body, sizeof(body), &why) != 0) {
		if (why != NULL)
			return ayni_error_set(err, AYNI_EDATA,
			    _("invalid RUT '%s': %s"), in, why);
		for (i = 0; i < blen && (isdigit((unsigned char)s[i]) ||
		    s[i] == '.'); i++)
			;
		return ayni_error_set(err, AYNI_EDATA,
		    _("invalid RUT '%s': unexpected '%s'"), in,
		    char_at(s, i, blen, ch));
	}
	/* Leading zeros are not part of the number. */
	for (i = 0; body[i] == '0' && body[i + 1] != '\0'; i++)
		;
	n = strlen(body + i);
	memmove(body, body + i, n + 1);
	if (n > 8 || strcmp(body, "0") == 0)
		return ayni_error_set(err, AYNI_EDATA,
		    _("invalid RUT '%s': the number before the check digit must "
		    "have 1 to 8 digits"), in);
	want = ayni_rut_check_digit(body);
	if (dv != want)
		return ayni_error_set(err, AYNI_EDATA,
		    _("invalid RUT '%s': check digit should be '%c', not '%c'"),
		    in, want, dv);
	/* n <= 8: body, hyphen, digit and NUL fit in AYNI_RUT_MAX. */
	memcpy(out, body, n);
	out[n] = '-';
	out[n + 1] = dv;
	out[n + 2] = '\0';
	return 0;
}

void
ayni_rut_display(const char *canonical, char out[AYNI_RUT_MAX])
{
	const char *hy = strchr(canonical, '-');
	size_t n = hy ? (size_t)(hy - canonical) : strlen(canonical), i, j = 0;

	for (i = 0; i < n && j + 3 < AYNI_RUT_MAX; i++) {
		if (i > 0 && (n - i) % 3 == 0)
			out[j++] = '.';
		out[j++] = canonical[i];
	}
	snprintf(out + j, AYNI_RUT_MAX - j, "%s", hy ? hy : "");
}

int
ayni_rut_match(const char *s, char out[AYNI_RUT_MAX])
{
	const char *p = s;
	size_t digits = 0;

	while (isspace((unsigned char)*p))
		p++;
	for (; isdigit((unsigned char)*p) || *p == '.'; p++)
		digits += *p != '.';
	if (digits == 0 || digits > 8 || *p != '-')
		return 0;
	return ayni_rut_parse(s, out, NULL) == 0;
}

int
ayni_rut_in_name(const char *name, char out[AYNI_RUT_MAX])
{
	char cand[AYNI_RUT_MAX + 8], rut[AYNI_RUT_MAX];
	const char *p, *q;
	int found = 0;

	for (p = name; *p != '\0'; p++) {
		/* a candidate starts at a digit after no digit, letter or dot */
		if (!isdigit((unsigned char)*p) || (p > name &&
		    (isalnum((unsigned char)p[-1]) || p[-1] == '.')))
			continue;
		for (q = p; isdigit((unsigned char)*q) || *q == '.'; q++)
			;
		if (q[0] != '-' || (!isdigit((unsigned char)q[1]) &&
		    q[1] != 'k' && q[1] != 'K') ||
		    isalnum((unsigned char)q[2]) ||
		    (size_t)(q + 2 - p) >= sizeof(cand))
			continue;
		memcpy(cand, p, (size_t)(q + 2 - p));
		cand[q + 2 - p] = '\0';
		if (!ayni_rut_match(cand, rut))
			continue;
		if (found && strcmp(rut, out) != 0)
			return -1;
		memcpy(out, rut, sizeof(rut));
		found = 1;
	}
	return found;
}
