/*
 * returns.h - which lines are returns (docs/contract.md §5 "Returns"): the one
 * home of the rule.
 *
 * A line is a return when its transaction type or document type is a
 * return marker: by default the built-in markers (ayni_is_return():
 * devolución, nota de crédito, NC, SII codes 61 and 112 ...), or, for
 * sources with codes of their own, a PCRE2 pattern given with --returns or
 * stored in a mapping, which then replaces them.  With neither column in
 * the file, a line with a negative quantity and a negative total is a
 * return (in a file without quantities, a negative total).
 *
 * Not here: what a return does to the numbers (record.c makes them
 * magnitudes, the rollups subtract them).
 */
#ifndef AYNI_RETURNS_H
#define AYNI_RETURNS_H

#include "ayni/error.h"

#define AYNI_RETURNS_MAX	255	/* bytes of a pattern */

typedef struct ayni_returns ayni_returns;

/*
 * A matcher for pattern (NULL or "": the built-in markers).  The pattern
 * is matched caseless and unanchored against the whole value, as UTF-8;
 * an invalid one is AYNI_EUSAGE naming the offset and PCRE2's reason.
 */
int	ayni_returns_new(ayni_returns **out, const char *pattern,
	    ayni_error *err);
void	ayni_returns_free(ayni_returns *r);

/*
 * 1 if value (NULL: no value) marks a return, 0 if not; AYNI_EDATA when
 * the pattern gives up on the value (PCRE2's match limit: a pattern that
 * backtracks without end), with err saying so.
 */
int	ayni_returns_match(const ayni_returns *r, const char *value,
	    ayni_error *err);

/* The pattern, or NULL for the built-in markers. */
const char *ayni_returns_pattern(const ayni_returns *r);

#endif /* AYNI_RETURNS_H */
