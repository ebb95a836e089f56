/*
 * fuzz_check.h - what the fuzz harnesses share: an assertion that survives
 * NDEBUG (RelWithDebInfo keeps asserts, but a Release build would make a
 * harness that cannot fail) and a UTF-8 validator for output oracles.
 */
#ifndef AYNI_FUZZ_CHECK_H
#define AYNI_FUZZ_CHECK_H

#include <stdio.h>
#include <stdlib.h>

#define FUZZ_CHECK(cond, ...) do {					\
	if (!(cond)) {							\
		fprintf(stderr, "%s:%d: check failed: %s: ", __FILE__,	\
		    __LINE__, #cond);					\
		fprintf(stderr, __VA_ARGS__);				\
		fputc('\n', stderr);					\
		abort();						\
	}								\
} while (0)

/* 1 if s[0..n) is well-formed UTF-8 (no overlongs, surrogates, NUL). */
static inline int
fuzz_utf8_valid(const unsigned char *s, size_t n)
{
	size_t i = 0, k, need;
	unsigned char c, lo, hi;

	while (i < n) {
		c = s[i];
		if (c == 0)
			return 0;
		if (c < 0x80) {
			i++;
			continue;
		}
		lo = 0x80;
		hi = 0xBF;
		if (c >= 0xC2 && c <= 0xDF)
			need = 1;
		else if (c == 0xE0) {
			need = 2;
			lo = 0xA0;
		} else if (c == 0xED) {
			need = 2;
			hi = 0x9F;
		} else if (c >= 0xE1 && c <= 0xEF)
			need = 2;
		else if (c == 0xF0) {
			need = 3;
			lo = 0x90;
		} else if (c >= 0xF1 && c <= 0xF3)
			need = 3;
		else if (c == 0xF4) {
			need = 3;
			hi = 0x8F;
		} else
			return 0;
		for (k = 1; k <= need; k++)
			if (i + k >= n || s[i + k] < (k == 1 ? lo : 0x80) ||
			    s[i + k] > (k == 1 ? hi : 0xBF))
				return 0;
		i += need + 1;
	}
	return 1;
}

#endif /* AYNI_FUZZ_CHECK_H */
