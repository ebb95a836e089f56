/*
 * internal.h - small helpers shared by core modules (src/lib) and not part
 * of the public API.  Nothing here prints or touches the database.
 */
#ifndef AYNI_INTERNAL_H
#define AYNI_INTERNAL_H

#include <stddef.h>

/*
 * Length (1 to 4) of the well-formed UTF-8 sequence s starts with, or 0 if
 * it is not one (s must not be at its terminating NUL).
 */
size_t	ayni_utf8_seq(const char *s);

/*
 * 1 if s is well-formed UTF-8 (no overlongs, surrogates or > U+10FFFF).
 * Text from argv is checked with it before it is stored, so that JSON
 * output is always valid.  (mapping.c keeps an older private copy.)
 */
int	ayni_utf8_valid(const char *s);

#endif /* AYNI_INTERNAL_H */
