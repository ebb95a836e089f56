/*
 * text.c - text checks shared by core modules (internal.h).  It does not
 * convert encodings: csvread.c does that for files.
 */
#include "internal.h"

size_t
ayni_utf8_seq(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	unsigned c = *p;
	unsigned long cp;
	size_t n, i;

	if (c < 0x80)
		return 1;
	if (c >= 0xc2 && c <= 0xdf)
		n = 1, cp = c & 0x1f;
	else if (c >= 0xe0 && c <= 0xef)
		n = 2, cp = c & 0x0f;
	else if (c >= 0xf0 && c <= 0xf4)
		n = 3, cp = c & 0x07;
	else
		return 0;
	for (i = 1; i <= n; i++) {
		/* A NUL is not a continuation byte: never reads past it. */
		if ((p[i] & 0xc0) != 0x80)
			return 0;
		cp = cp << 6 | (p[i] & 0x3f);
	}
	if ((n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) ||
	    cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		return 0;
	return n + 1;
}

int
ayni_utf8_valid(const char *s)
{
	size_t n;

	for (; *s != '\0'; s += n)
		if ((n = ayni_utf8_seq(s)) == 0)
			return 0;
	return 1;
}
