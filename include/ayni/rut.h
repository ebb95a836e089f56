/*
 * rut.h - the Chilean RUT (Rol Único Tributario): parsing, the mod-11 check
 * digit, the canonical stored form and the dotted display form.
 */
#ifndef AYNI_RUT_H
#define AYNI_RUT_H

#include <stddef.h>

#include "ayni/error.h"

#define AYNI_RUT_MAX	16	/* buffer for either form, with NUL */

/* Check digit ('0'-'9' or 'K') of a body of digits. */
char	ayni_rut_check_digit(const char *body);

/*
 * Parse "76.123.456-0", "76123456-0", "761234560", lower-case k and
 * surrounding spaces into the canonical "76123456-0".  AYNI_EDATA names
 * what is wrong; a wrong check digit names the expected one.
 */
int	ayni_rut_parse(const char *in, char out[AYNI_RUT_MAX], ayni_error *err);

/* "76.123.456-0" from a canonical RUT. */
void	ayni_rut_display(const char *canonical, char out[AYNI_RUT_MAX]);

#endif /* AYNI_RUT_H */
