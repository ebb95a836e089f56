/*
 * aggregate_int.h - what aggregate.c, refresh.c and verify.c share, and
 * nothing else of libayni needs.  Not part of the public API.
 */
#ifndef AYNI_AGGREGATE_INT_H
#define AYNI_AGGREGATE_INT_H

/* A malloc'd printf, or NULL when out of memory.  aggregate.c. */
char	*ayni_agg_xprintf(const char *fmt, ...)
	    __attribute__((format(printf, 1, 2)));

#endif /* AYNI_AGGREGATE_INT_H */
