/*
 * rut.c - Chilean RUT check digit and forms.  The check digit is the
 * textbook mod 11: body digits from the right times 2,3,4,5,6,7,2,...;
 * 11 - (sum mod 11), with 11 giving '0' and 10 giving 'K'.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

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

int
ayni_rut_parse(const char *in, char out[AYNI_RUT_MAX], ayni_error *err)
{
	char body[AYNI_RUT_MAX], dv = 0, want;
	size_t n = 0, i, len;
	const char *s = in;
	int hyphen = 0;

	while (isspace((unsigned char)*s))
		s++;
	len = strlen(s);
	while (len > 0 && isspace((unsigned char)s[len - 1]))
		len--;
	if (len == 0)
		return ayni_error_set(err, AYNI_EDATA, "empty RUT");
	/* Collect digits; dots only between digit groups, one hyphen. */
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (isdigit(c) || ((c == 'k' || c == 'K') && i == len - 1)) {
			if (n + 1 >= sizeof(body))
				return ayni_error_set(err, AYNI_EDATA,
				    "invalid RUT '%s': too long", in);
			body[n++] = (char)toupper(c);
		} else if (c == '.' && !hyphen && n > 0)
			continue;
		else if (c == '-' && !hyphen && i == len - 2 && n > 0)
			hyphen = 1;
		else
			return ayni_error_set(err, AYNI_EDATA,
			    "invalid RUT '%s': unexpected '%c'", in, c);
	}
	if (n < 2)
		return ayni_error_set(err, AYNI_EDATA,
		    "invalid RUT '%s': too short", in);
	dv = body[--n];
	body[n] = '\0';
	if (strchr(body, 'K') != NULL)
		return ayni_error_set(err, AYNI_EDATA,
		    "invalid RUT '%s': 'K' can only be the check digit", in);
	/* Leading zeros are not part of the number. */
	for (i = 0; body[i] == '0' && body[i + 1] != '\0'; i++)
		;
	memmove(body, body + i, n - i + 1);
	n -= i;
	if (n < 1 || n > 8 || strcmp(body, "0") == 0)
		return ayni_error_set(err, AYNI_EDATA,
		    "invalid RUT '%s': the number before the check digit must "
		    "have 1 to 8 digits", in);
	want = ayni_rut_check_digit(body);
	if (dv != want)
		return ayni_error_set(err, AYNI_EDATA,
		    "invalid RUT '%s': check digit should be '%c', not '%c'",
		    in, want, dv);
	/* n <= 8 was checked: body, hyphen, digit and NUL fit. */
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
