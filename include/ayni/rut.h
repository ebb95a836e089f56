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

/*
 * 1 if s is a RUT written with its hyphen ("76.123.456-0", "76123456-k",
 * spaces around) whose check digit is right, with out its canonical form;
 * else 0.  Values from files are canonicalised with it, so that a customer
 * written with and without dots is one customer; the hyphen is required so
 * that a plain number (a customer code) is never taken for one.
 */
int	ayni_rut_match(const char *s, char out[AYNI_RUT_MAX]);

/*
 * The RUT a file name holds: "RCV_VENTA_76123456-0_202510.csv" gives
 * "76123456-0".  Looks for digits (dots allowed), a hyphen and a check
 * digit, not touching other digits or letters on either side.  Returns 1
 * with out filled when the name holds exactly one valid RUT (one written
 * twice counts once), 0 when it holds none, -1 when several differ.
 */
int	ayni_rut_in_name(const char *name, char out[AYNI_RUT_MAX]);

/* "76.123.456-0" from a canonical RUT. */
void	ayni_rut_display(const char *canonical, char out[AYNI_RUT_MAX]);

#endif /* AYNI_RUT_H */
