/*
 * returns.c - return markers: the built-in list or a PCRE2 pattern.
 * This is the one place PCRE2's errors become ayni_codes.  It does not
 * decide what a return does to amounts (record.c).
 */
#define PCRE2_CODE_UNIT_WIDTH 8

#include <stdlib.h>
#include <string.h>

#include <pcre2.h>

#include "ayni/intl.h"
#include "ayni/parse.h"
#include "ayni/returns.h"

/*
 * A value is a cell of a sales line, at most a few hundred bytes: a
 * pattern that needs more steps than this on one is broken, and saying
 * so beats hanging an upload.
 */
#define MATCH_LIMIT	1000000

struct ayni_returns {
	char			*pattern;	/* NULL: built-in */
	pcre2_code		*re;
	pcre2_match_data	*md;
	pcre2_match_context	*mc;
};

int
ayni_returns_new(ayni_returns **out, const char *pattern, ayni_error *err)
{
	ayni_returns *r;
	PCRE2_UCHAR msg[128];
	PCRE2_SIZE off;
	int code;

	*out = NULL;
	if ((r = calloc(1, sizeof(*r))) == NULL)
		return ayni_error_set(err, AYNI_ENOMEM, _("out of memory"));
	if (pattern == NULL || pattern[0] == '\0') {
		*out = r;
		return 0;
	}
	if (strlen(pattern) > AYNI_RETURNS_MAX) {
		free(r);
		return ayni_error_set(err, AYNI_EUSAGE, _("returns pattern "
		    "'%.20s...' is too long: at most %d bytes"), pattern,
		    AYNI_RETURNS_MAX);
	}
	r->re = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED,
	    PCRE2_CASELESS | PCRE2_UTF | PCRE2_UCP | PCRE2_MATCH_INVALID_UTF,
	    &code, &off, NULL);
	if (r->re == NULL) {
		pcre2_get_error_message(code, msg, sizeof(msg));
		free(r);
		return ayni_error_set(err, AYNI_EUSAGE, _("invalid returns "
		    "pattern '%s' at offset %zu: %s"), pattern, (size_t)off,
		    (const char *)msg);
	}
	if ((r->md = pcre2_match_data_create_from_pattern(r->re, NULL)) ==
	    NULL || (r->mc = pcre2_match_context_create(NULL)) == NULL ||
	    (r->pattern = strdup(pattern)) == NULL) {
		ayni_returns_free(r);
		return ayni_error_set(err, AYNI_ENOMEM, _("out of memory"));
	}
	pcre2_set_match_limit(r->mc, MATCH_LIMIT);
	*out = r;
	return 0;
}

void
ayni_returns_free(ayni_returns *r)
{
	if (r == NULL)
		return;
	pcre2_match_context_free(r->mc);
	pcre2_match_data_free(r->md);
	pcre2_code_free(r->re);
	free(r->pattern);
	free(r);
}

int
ayni_returns_match(const ayni_returns *r, const char *value, ayni_error *err)
{
	int rc;

	if (value == NULL || value[0] == '\0')
		return 0;
	if (r == NULL || r->re == NULL)
		return ayni_is_return(value);
	rc = pcre2_match(r->re, (PCRE2_SPTR)value, strlen(value), 0, 0, r->md,
	    r->mc);
	if (rc >= 0)
		return 1;
	if (rc == PCRE2_ERROR_NOMATCH)
		return 0;
	return ayni_error_set(err, AYNI_EDATA, _("the returns pattern '%s' "
	    "gives up on '%.40s': simplify it"), r->pattern, value);
}

const char *
ayni_returns_pattern(const ayni_returns *r)
{
	return r != NULL ? r->pattern : NULL;
}
