/*
 * output.h - the one writer every result goes through.
 *
 * Like the sqlite shell's output modes, a format is data: table for people
 * (aligned columns, CLP as $1.234.567), csv (RFC 4180 with a header row) and
 * json (an array of objects, or one object for a single record) for
 * scripts, with plain numbers.  Columns carry a type so that money and
 * quantities, stored as exact integers, print right in every format.
 *
 * The writer writes to the FILE * it is given and never decides where
 * output goes; it does not flush or close it.
 */
#ifndef AYNI_OUTPUT_H
#define AYNI_OUTPUT_H

#include <stdint.h>
#include <stdio.h>

#include "ayni/error.h"

typedef enum ayni_format {
	AYNI_FORMAT_TABLE,
	AYNI_FORMAT_CSV,
	AYNI_FORMAT_JSON
} ayni_format;

int	ayni_format_parse(const char *s, ayni_format *out, ayni_error *err);
const char *ayni_format_name(ayni_format f);

/*
 * Column types.  If you add one, also update every format in output.c.
 *   TEXT   text as is; in csv, a cell starting with = + - @ TAB or CR
 *          gets a leading ' so spreadsheets do not run it as a formula
 *   INT    integer
 *   REAL   floating point, printed with up to 2 decimals
 *   MONEY  integer cents: json/csv 1234567.5, table $1.234.568
 *   QTY    integer thousandths: 1.088 in json/csv, 1,088 in table
 *   PCT    floating point percentage, 2 decimals; table adds ' %'
 *   BOOL   0/1: json true/false, csv 0/1, table yes/no
 *   JSON   text that is already a JSON value: json embeds it as is, csv
 *          and table print the text (for nested details in one record)
 */
typedef enum ayni_type {
	AYNI_T_TEXT,
	AYNI_T_INT,
	AYNI_T_REAL,
	AYNI_T_MONEY,
	AYNI_T_QTY,
	AYNI_T_PCT,
	AYNI_T_BOOL,
	AYNI_T_JSON
} ayni_type;

typedef struct ayni_column {
	const char	*name;	/* stable: the csv header and json key; table
				   output heads it with ayni_heading(name) */
	ayni_type	 type;
} ayni_column;

typedef struct ayni_value {
	int		 is_null;
	int64_t		 i;	/* INT, MONEY, QTY, BOOL */
	double		 r;	/* REAL, PCT */
	const char	*s;	/* TEXT (copied by the writer when needed) */
} ayni_value;

typedef struct ayni_writer ayni_writer;

enum {
	AYNI_WRITER_LIST = 0,	/* many rows: json array, table with header */
	AYNI_WRITER_RECORD = 1	/* exactly one row: json object, table as
				   "name  value" lines */
};

/*
 * The writer keeps its own copy of cols' names.  Table output is buffered
 * until ayni_writer_finish() to align columns; csv and json stream.
 */
int	ayni_writer_new(ayni_writer **out, FILE *fp, ayni_format fmt,
	    int shape, const ayni_column *cols, int ncols, ayni_error *err);
int	ayni_writer_row(ayni_writer *w, const ayni_value *vals,
	    ayni_error *err);
int	ayni_writer_finish(ayni_writer *w, ayni_error *err);
/* How many rows were written so far. */
long	ayni_writer_rows(const ayni_writer *w);
void	ayni_writer_free(ayni_writer *w);
/*
 * csv as Spanish-locale Excel reads it on a double click: ';' between
 * cells and a decimal comma in numbers (1234,5).  The caller writes the
 * UTF-8 BOM first; rows already end in CRLF.  Call before the first row.
 */
void	ayni_writer_excel(ayni_writer *w);

/* Value constructors, for readable call sites. */
ayni_value ayni_v_text(const char *s);		/* NULL s gives null */
ayni_value ayni_v_int(int64_t i);
ayni_value ayni_v_real(double r);
ayni_value ayni_v_null(void);

/*
 * The heading of column name in a table, in the user's language: the name
 * itself in English, "ventas" for "revenue" in Spanish (output.c holds
 * the list).  Never for csv or json.
 */
const char *ayni_heading(const char *name);
/*
 * A day for a person, into buf: s as it is, except that in Spanish a
 * leading YYYY-MM-DD becomes DD-MM-YYYY ("01-09-2025 10:00:00").  Table
 * cells of date columns go through it; never csv or json.  Returns buf.
 */
const char *ayni_date_for_people(const char *s, char *buf, size_t len);

/* One RFC 4180 csv cell, quoted only when it must be. */
void	ayni_csv_cell(FILE *fp, const char *s);

/*
 * Text from files is data, never terminal control (docs/contract.md §2).  The
 * one home of the rule, for the table writer and the command line's messages:
 * C0 controls other than TAB, and DEL, are written \x1b; the C1 controls
 * U+0080-U+009F \u009b; a byte that is not UTF-8 \xff.  A backslash
 * stays a backslash (this is for people, not for reading back).  csv and
 * json keep the exact bytes (json escapes controls its own way).
 * ayni_text_safe() returns a copy to free, NULL when out of memory.
 */
void	ayni_fputs_safe(const char *s, FILE *fp);
char   *ayni_text_safe(const char *s);

/*
 * Numbers as the writer prints them, for code that lays out its own text
 * (reports).  One home for each rule:
 *   ayni_fmt_clp    "$1.234.568" from cents, half away from zero; len >= 32
 *   ayni_fmt_qty    "1.624,714" from thousandths (es-CL, as table output)
 *   ayni_fmt_fixed  "1624.714" from v / 10^scale, scale 0, 2 or 3, trailing
 *                   zeros dropped (as csv and json)
 *   ayni_fmt_pct    "23,46 %", or "+23,46 %" with sign: two decimals
 */
void	ayni_fmt_clp(int64_t cents, char *buf, size_t len);
void	ayni_fmt_qty(int64_t thousandths, char *buf, size_t len);
void	ayni_fmt_fixed(int64_t v, int scale, char *buf, size_t len);
void	ayni_fmt_pct(double v, int sign, char *buf, size_t len);

#endif /* AYNI_OUTPUT_H */
