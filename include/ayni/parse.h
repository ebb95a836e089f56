/*
 * parse.h - reading the values of a sales export: numbers, dates, returns.
 *
 * Everything here is independent of the process locale: numbers become
 * exact scaled integers (never double), dates become ISO text.  The
 * detectors take evidence from sample values and decide per column; they
 * never see a file or a database, and they never guess silently where a
 * value could be read two ways: the column, the file or the Chilean
 * convention decides, and the caller can report which.
 */
#ifndef AYNI_PARSE_H
#define AYNI_PARSE_H

#include <stddef.h>
#include <stdint.h>

#include "ayni/error.h"

/* Decimals kept: money in hundredths, quantities (kg) in thousandths. */
#define AYNI_SCALE_MONEY	2
#define AYNI_SCALE_QTY		3

/*
 * Parse s with mark ('.' or ',') as decimal mark and the other one as
 * thousands separator, into *out = value * 10^scale.  Accepts surrounding
 * spaces, '+' or '-', a '$', and (1.234) as negative.  Thousands groups must
 * have three digits.  More decimals than scale are refused unless they are
 * zeros; so are garbage, nan/inf and values beyond int64.  AYNI_EDATA.
 */
int	ayni_num_parse(const char *s, char mark, int scale, int64_t *out,
	    ayni_error *err);

/* Votes from a column's values on its decimal mark. */
typedef struct ayni_num_evidence {
	long	comma;		/* values readable only with ',' decimal */
	long	dot;		/* values readable only with '.' decimal */
	long	ambiguous;	/* e.g. 1.234 or 1,088 */
	char	example[24];	/* the first ambiguous value */
} ayni_num_evidence;

void	ayni_num_evidence_add(ayni_num_evidence *ev, const char *s);
/*
 * The same for a column of a known scale (AYNI_SCALE_MONEY...): a mark
 * that would read more decimals than the scale holds gets no vote.
 */
void	ayni_num_evidence_add_scaled(ayni_num_evidence *ev, const char *s,
	    int scale);
/* ',' or '.' by majority, 0 when there is no evidence or a tie. */
char	ayni_num_evidence_mark(const ayni_num_evidence *ev);

typedef enum ayni_mark_source {
	AYNI_MARK_COLUMN,	/* the column's own values decided */
	AYNI_MARK_FILE,		/* the file's other numeric columns did */
	AYNI_MARK_DEFAULT,	/* no evidence at all: Chilean ',' */
	AYNI_MARK_ROWS		/* quantity x unit price = total held
				   under this reading (the upload's
				   cross-column check) */
} ayni_mark_source;

/*
 * Decide the decimal mark of n numeric columns: marks[i] is ',' or '.',
 * and why[i] (if why is not NULL) says where it came from.
 */
void	ayni_num_decide(const ayni_num_evidence *ev, size_t n, char *marks,
	    ayni_mark_source *why);

/*
 * The years a date may have (docs/contract.md §2); others are impossible
 * dates.
 */
#define AYNI_YEAR_MIN	1900
#define AYNI_YEAR_MAX	2199

/* "YYYY-MM-DD HH:MM:SS" and its NUL. */
#define AYNI_DATE_LEN	20

typedef enum ayni_date_order {
	AYNI_DATE_DAY_FIRST = 0,	/* DD-MM-YYYY, the default */
	AYNI_DATE_MONTH_FIRST,		/* MM-DD-YYYY, only when proven */
	AYNI_DATE_EXCEL_SERIAL		/* 45933 = 2025-10-03: days since
					   1899-12-30, a fraction for the
					   time (a column that lost its
					   date format in Excel) */
} ayni_date_order;

/* Excel serial numbers taken as dates: 1954-10-03 .. 2119-01-10. */
#define AYNI_EXCEL_SERIAL_MIN	20000
#define AYNI_EXCEL_SERIAL_MAX	80000

typedef struct ayni_date_evidence {
	long	day_first;	/* values like 25/03/2024 */
	long	month_first;	/* values like 03/25/2024 */
	long	ambiguous;	/* values like 03/04/2024: either */
	long	serial;		/* whole or decimal numbers 20000-80000 */
	long	other;		/* anything else that is not empty */
	char	example[24];	/* the first ambiguous value */
} ayni_date_evidence;

void	ayni_date_evidence_add(ayni_date_evidence *ev, const char *s);
/*
 * Month-first only when some value proves it and none contradicts it;
 * Excel serials when every value is one.
 */
ayni_date_order ayni_date_evidence_order(const ayni_date_evidence *ev);
/* 1 when the order is day-first for want of proof, with values it decides. */
int	ayni_date_evidence_guessed(const ayni_date_evidence *ev);

/*
 * Parse YYYY-MM-DD, DD-MM-YYYY, DD/MM/YYYY, YYYY/MM/DD (or MM before DD
 * when order says so; a two-digit year is 19yy from 69, else 20yy), each
 * with optional " HH:MM[:SS]" or ISO "THH:MM[:SS]", fractional seconds
 * (dropped), am/pm, and a trailing Z or UTC offset ("-03:00", " -0300");
 * or, with order AYNI_DATE_EXCEL_SERIAL, a serial number.  An offset is
 * dropped: the
 * time is kept as written, the store's wall clock, because converting needs
 * a zone the file does not give.  A date alone is 00:00:00.  Impossible
 * dates and times, and years outside AYNI_YEAR_MIN..AYNI_YEAR_MAX, are
 * refused.  AYNI_EDATA.
 */
int	ayni_date_parse(const char *s, ayni_date_order order,
	    char out[AYNI_DATE_LEN], ayni_error *err);

/*
 * An explicit strptime-like format: %d %m %Y %y %H %M %S %% and literal
 * characters; a space matches any run of spaces.  It needs %d, %m and %Y
 * or %y.  ayni_date_format_check() says AYNI_EUSAGE for a bad format.
 */
int	ayni_date_format_check(const char *fmt, ayni_error *err);
int	ayni_date_parse_format(const char *s, const char *fmt,
	    char out[AYNI_DATE_LEN], ayni_error *err);

/*
 * True when a transaction type marks a return: return, devolución,
 * devolucion, nota de crédito, nota de credito, nc (any case, accents,
 * spaces or dots, e.g. "N.C."), and the SII's credit notes 61 and 112.
 */
int	ayni_is_return(const char *trans_type);

/*
 * True when a document type is not a sale: the SII's guía de despacho
 * (52), which moves goods that a factura, counted already, sells.
 */
int	ayni_is_not_sale(const char *doc_type);

#endif /* AYNI_PARSE_H */
