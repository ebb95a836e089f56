/*
 * error.h - the error type carried explicitly through libayni.
 *
 * Every core function returns an ayni_code (0 or a negative code) and takes
 * an ayni_error * as its last argument, filled on failure with a message that
 * names what was wrong.  This header does not map codes to process exit
 * statuses: that is the command line's business (src/cli/main.c).
 */
#ifndef AYNI_ERROR_H
#define AYNI_ERROR_H

#include <stdarg.h>

/*
 * If you add a code here, also update ayni_code_name() in src/lib/error.c,
 * the exit-status table in src/cli/main.c and EXIT STATUS in man/ayni.1.
 */
typedef enum ayni_code {
	AYNI_OK = 0,
	AYNI_ENOTFOUND = -1,	/* a plain "no": no such thing (exit 1) */
	AYNI_EEXISTS = -2,	/* a plain "no": already exists (exit 1) */
	AYNI_EUSAGE = -3,	/* bad command line (exit 64) */
	AYNI_EDATA = -4,	/* bad input data (exit 65) */
	AYNI_ENOINPUT = -5,	/* input file or database missing (exit 66) */
	AYNI_EUNAVAIL = -6,	/* service unavailable, e.g. too few (exit 69) */
	AYNI_EINTERNAL = -7,	/* a bug or an impossible state (exit 70) */
	AYNI_ECANTCREAT = -8,	/* cannot create an output file (exit 73) */
	AYNI_EIO = -9,		/* read or write failed (exit 74) */
	AYNI_EBUSY = -10,	/* database locked, upload active (exit 75) */
	AYNI_EPERM = -11,	/* permission denied, not logged in (exit 77) */
	AYNI_ECONFIG = -12,	/* configuration, e.g. newer database (exit 78) */
	AYNI_ENOMEM = -13,	/* out of memory (exit 70) */
	AYNI_ECANCELED = -14	/* stopped by a signal (exit 128 + it) */
} ayni_code;

typedef struct ayni_error {
	int	code;
	char	msg[512];	/* room for a file name and a header list */
	long	line;		/* line of input the error is about, or 0 */
} ayni_error;

/*
 * Record code and a printf-style message in err (which may be NULL) and
 * return code, so that callers can write
 *	return ayni_error_set(err, AYNI_EEXISTS, "company '%s' already exists",
 *	    rut);
 */
int	ayni_error_set(ayni_error *err, int code, const char *fmt, ...)
	    __attribute__((format(printf, 3, 4)));
int	ayni_error_vset(ayni_error *err, int code, const char *fmt,
	    va_list ap) __attribute__((format(printf, 3, 0)));
/* Same as ayni_error_set, and records the input line the error is about. */
int	ayni_error_set_line(ayni_error *err, int code, long line,
	    const char *fmt, ...) __attribute__((format(printf, 4, 5)));
void	ayni_error_clear(ayni_error *err);

/* Short stable name of a code ("ENOTFOUND"), for tests and logs. */
const char *ayni_code_name(int code);

#endif /* AYNI_ERROR_H */
