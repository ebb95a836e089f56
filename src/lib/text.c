/*
 * text.c - the one UTF-8 validator of libayni (internal.h): csvread.c reads
 * files with it, output.c escapes with it, and text from argv is checked
 * with it before it is stored.  It does not convert encodings: csvread.c
 * does that for files.
 */
#include "internal.h"

/*
 * Well-formed UTF-8 as Unicode's table 3-7 gives it: the second byte's
 * range depends on the first (that is what refuses overlongs, surrogates
 * and code points above U+10FFFF), later bytes are 80..BF.
 */
size_t
ayni_utf8_seqn(const char *str, size_t n)
{
	const unsigned char *s = (const unsigned char *)str;
	unsigned char c = s[0], lo = 0x80, hi = 0xBF;
	size_t need, k;

	if (c < 0x80)
		return 1;
	if (c >= 0xC2 && c <= 0xDF)
		need = 1;
	else if (c >= 0xE0 && c <= 0xEF) {
		need = 2;
		if (c == 0xE0)
			lo = 0xA0;
		else if (c == 0xED)
			hi = 0x9F;
	} else if (c >= 0xF0 && c <= 0xF4) {
		need = 3;
		if (c == 0xF0)
			lo = 0x90;
		else if (c == 0xF4)
			hi = 0x8F;
	} else
		return 0;
	/* In order, so a NUL (never a continuation) ends the reading. */
	for (k = 1; k <= need; k++) {
		if (k >= n)
			return AYNI_UTF8_CUT;
		if (s[k] < (k == 1 ? lo : 0x80) || s[k] > (k == 1 ? hi : 0xBF))
			return 0;
	}
	return need + 1;
}

size_t
ayni_utf8_seq(const char *s)
{
	/* A string ends in a NUL, which the reading stops at: never cut. */
	return ayni_utf8_seqn(s, 4);
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
