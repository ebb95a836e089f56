/*
 * csvread.h - a streaming CSV reader for sales exports.
 *
 * Reads a FILE * (a file, a pipe or stdin: it never seeks) record by
 * record, in memory bounded by the longest record, and hands out fields as
 * NUL-terminated UTF-8 together with the physical line each record starts
 * on.  It sniffs the encoding (UTF-8 with or without BOM, else
 * Windows-1252) and the delimiter (, ; TAB |) from the first 64 KiB, unless
 * told.  It does not interpret values (see parse.h) nor map headers to
 * fields (see fields.h), and it never decides what a ragged row means:
 * that is the caller's business.
 */
#ifndef AYNI_CSVREAD_H
#define AYNI_CSVREAD_H

#include <stddef.h>
#include <stdio.h>

#include "ayni/error.h"

/* How many bytes are sniffed for encoding and delimiter. */
#define AYNI_CSV_SNIFF_SIZE	(64 * 1024)
/*
 * A record longer than this is refused: in a sales export it can only be an
 * unterminated quote swallowing the rest of the file, and refusing it keeps
 * memory bounded whatever the input.
 */
#define AYNI_CSV_MAX_RECORD	(1024 * 1024)

/*
 * If you add an encoding here, also update ayni_csv_encoding_name() and
 * ayni_csv_encoding_parse() in src/lib/csvread.c and --encoding in
 * man/ayni-upload.1.
 */
typedef enum ayni_encoding {
	AYNI_ENC_AUTO = 0,	/* detect: UTF-8 if valid, else Windows-1252 */
	AYNI_ENC_UTF8,
	AYNI_ENC_LATIN1,	/* read as Windows-1252, as browsers do */
	AYNI_ENC_CP1252,
	AYNI_ENC_UTF16LE,	/* Excel's "Unicode text": only with its BOM */
	AYNI_ENC_UTF16BE
} ayni_encoding;

/*
 * Non-blank records searched for the header (docs/contract.md §5: report
 * titles and other preamble rows above it).
 */
#define AYNI_CSV_HEADER_SEARCH	50

typedef struct ayni_csv_opts {
	ayni_encoding	encoding;	/* AYNI_ENC_AUTO to detect */
	char		delimiter;	/* 0 to detect among , ; TAB | */
	/*
	 * The header is the first of the first AYNI_CSV_HEADER_SEARCH
	 * non-blank records that header_ok accepts (1); the records above it
	 * (a report's title, "Desde: 01/10/2025", a branch name) are a
	 * preamble, skipped.  When none is accepted, or header_ok is NULL,
	 * the first record is the header.
	 */
	int		(*header_ok)(void *arg, const char *const *fields,
			    size_t n);
	void		*header_arg;
} ayni_csv_opts;

/* What the reader is using, and whether it guessed it or was told. */
typedef struct ayni_csv_dialect {
	ayni_encoding	encoding;	/* never AYNI_ENC_AUTO once open */
	int		encoding_detected;
	int		bom;		/* a BOM was found and skipped */
	char		delimiter;
	int		delimiter_detected;
	int		sep_line;	/* a first line "sep=;" named it */
	/*
	 * Non-zero when the first 64 KiB were plain ASCII, so UTF-8 was
	 * assumed, and a byte that is not UTF-8 showed up on this line: from
	 * there on the file is read as Windows-1252.  Everything before was
	 * ASCII, which both encodings read alike, so nothing already handed
	 * out changes meaning.
	 */
	long		encoding_switch_line;
	long		header_line;	/* physical line of the header */
	long		preamble_rows;	/* non-blank records above it */
} ayni_csv_dialect;

typedef struct ayni_csv_record {
	long		  line;		/* physical line the record starts on */
	size_t		  nfields;	/* may differ from the header's count */
	const char	**fields;	/* NUL-terminated UTF-8, never NULL */
	const size_t	 *lens;		/* 0: empty field ("" or nothing) */
} ayni_csv_record;

typedef struct ayni_csv ayni_csv;

/*
 * Sniff the dialect from the start of fp and read the header record.  name
 * is used in messages ("ventas.csv:12: ..."); opts may be NULL.  fp stays
 * the caller's: ayni_csv_free() does not close it.
 */
int	ayni_csv_open(ayni_csv **out, FILE *fp, const char *name,
	    const ayni_csv_opts *opts, ayni_error *err);

/* Number of header fields; *names (if names is not NULL) gets them. */
size_t	ayni_csv_header(const ayni_csv *csv, const char *const **names);

/*
 * Read the next non-blank record into *rec: 1 for a record, 0 at the end,
 * or a negative code (AYNI_EDATA with err->line set for a malformed file,
 * AYNI_EIO, AYNI_ENOMEM).  *rec and its strings stay valid until the next
 * call or ayni_csv_free().
 */
int	ayni_csv_next(ayni_csv *csv, const ayni_csv_record **rec,
	    ayni_error *err);

/* The dialect in use; read it again at the end, the encoding may switch. */
void	ayni_csv_dialect_get(const ayni_csv *csv, ayni_csv_dialect *out);

/* Bytes taken from fp so far (including the sniffed read-ahead). */
unsigned long long ayni_csv_bytes_read(const ayni_csv *csv);

void	ayni_csv_free(ayni_csv *csv);

/* "utf-8", "latin1", "windows-1252", "utf-16le", "utf-16be" or "auto". */
const char *ayni_csv_encoding_name(ayni_encoding enc);
/* Accepts utf-8, utf8, latin1, latin-1, iso-8859-1, windows-1252, cp1252. */
int	ayni_csv_encoding_parse(const char *s, ayni_encoding *out,
	    ayni_error *err);
/* Accepts one of , ; | or a tab, "\t" or "tab". */
int	ayni_csv_delimiter_parse(const char *s, char *out, ayni_error *err);

#endif /* AYNI_CSVREAD_H */
