/*
 * fuzz_rut.c - the RUT parser (src/lib/rut.c) on arbitrary bytes, with
 * oracles of its own (fuzz_parse only checks what parses):
 *
 * - a parsed RUT is canonical ("12345678-5"), its check digit right, and
 *   its canonical and display forms, upper or lower case k, and the input
 *   with spaces around it, all parse to the same RUT;
 * - a refused one says why, and the message of a valid UTF-8 input is
 *   valid UTF-8 (a character is never cut to its first byte);
 * - ayni_rut_display() never overruns, whatever it is given.
 *
 * Input: the bytes, copied to an exact-size allocation (a read past the
 * NUL is caught), cut at the first NUL.
 */
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ayni/rut.h"
#include "fuzz_check.h"

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
same(const char *in, const char *want)
{
	char out[AYNI_RUT_MAX];
	ayni_error err;

	FUZZ_CHECK(ayni_rut_parse(in, out, &err) == 0, "'%s' refused: %s",
	    in, err.msg);
	FUZZ_CHECK(strcmp(out, want) == 0, "'%s' -> '%s', not '%s'", in, out,
	    want);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char out[AYNI_RUT_MAX], disp[AYNI_RUT_MAX], body[AYNI_RUT_MAX];
	char *s, *v;
	ayni_error err;
	size_t n, i;
	int rc;

	n = strnlen((const char *)data, size);
	if ((s = malloc(n + 1)) == NULL)
		return 0;
	memcpy(s, data, n);
	s[n] = '\0';

	ayni_rut_display(s, disp);	/* garbage in: must not overflow */
	FUZZ_CHECK(strlen(disp) < AYNI_RUT_MAX, "display");
	memset(&err, 0, sizeof(err));
	rc = ayni_rut_parse(s, out, &err);
	if (rc != 0) {
		FUZZ_CHECK(rc == AYNI_EDATA, "'%s': rc %d", s, rc);
		FUZZ_CHECK(err.msg[0] != '\0', "'%s': no message", s);
		if (fuzz_utf8_valid((const unsigned char *)s, n))
			FUZZ_CHECK(fuzz_utf8_valid((const unsigned char *)
			    err.msg, strlen(err.msg)), "'%s': message is not "
			    "utf-8: %s", s, err.msg);
		free(s);
		return 0;
	}
	n = strlen(out);
	FUZZ_CHECK(n >= 3 && n <= 10 && out[0] >= '1' && out[0] <= '9' &&
	    out[n - 2] == '-' && strspn(out, "0123456789") == n - 2 &&
	    (isdigit((unsigned char)out[n - 1]) || out[n - 1] == 'K'),
	    "'%s' -> '%s'", s, out);
	memcpy(body, out, n - 2);
	body[n - 2] = '\0';
	FUZZ_CHECK(out[n - 1] == ayni_rut_check_digit(body), "'%s' -> '%s': "
	    "wrong check digit", s, out);
	same(out, out);
	ayni_rut_display(out, disp);
	same(disp, out);
	/* lower-case k, and spaces around: the same RUT */
	if ((v = malloc(strlen(s) + 3)) != NULL) {
		v[0] = ' ';
		strcpy(v + 1, s);
		strcat(v, "\t");
		for (i = 0; v[i] != '\0'; i++)
			if (v[i] == 'K')
				v[i] = 'k';
		same(v, out);
		free(v);
	}
	free(s);
	return 0;
}
