/*
 * record.h - one sales line: a CSV record read under the decisions an
 * upload made about its file (docs/contract.md §5).
 *
 * Given which column holds each field and how each column is written
 * (decimal marks, date order or format, return markers), a record becomes
 * a line of the canonical fields (fields.h), with a return's amounts as
 * magnitudes and what §5 lets it infer filled in: unit price, cost, margin,
 * discount, the revenue of a file without a line total, the net of a gross
 * total with its tax beside it.  Or it is refused with one line saying why.
 *
 * Not here: deciding the formats from the whole file (the upload does,
 * before the first record is parsed), storing the line, the database.
 */
#ifndef AYNI_RECORD_H
#define AYNI_RECORD_H

#include <stddef.h>
#include <stdint.h>

#include "ayni/error.h"
#include "ayni/fields.h"
#include "ayni/parse.h"
#include "ayni/returns.h"

/*
 * No amount or quantity of one line reaches a trillion (10^12 pesos or
 * units): beyond that it is a broken cell, and sums of millions of lines
 * must stay far from the int64 limit (9.2 * 10^18 in cents).
 */
#define AYNI_RECORD_MAX	INT64_C(100000000000000)	/* 10^12 * 100 */

/* How the records of one file are read. */
typedef struct ayni_record_format {
	const char		*name;		/* the file, for messages */
	const char *const	*header;	/* its header names */
	size_t			 nheader;	/* fields a record must have */
	int			 col[AYNI_FIELD_COUNT];	/* column, or -1 */
	int			 product_alt;	/* column read when the product
						   id is empty, or -1 */
	char			 mark[AYNI_FIELD_COUNT]; /* decimal mark of each
						   numeric field: '.' ',' */
	ayni_date_order		 order;
	const char		*date_format;	/* or NULL: order decides */
	const ayni_returns	*ret;		/* return markers */
	int			 net_from_tax;	/* revenue = gross - tax */
	int			 total_from_unit; /* no total: revenue = qty x
						    unit price - discount */
	int			 add_exempt;	/* revenue = net + in_exempt */
	int			 customer_rut;	/* customers are RUTs: stored
						   canonical (the SII register) */
} ayni_record_format;

/*
 * One parsed line, by field id.  Money is in cents (AYNI_SCALE_MONEY),
 * quantities in thousandths (AYNI_SCALE_QTY).  text[] points into the
 * record's fields, which must outlive it.
 */
typedef struct ayni_record {
	char		 dt[AYNI_DATE_LEN];	/* "YYYY-MM-DD HH:MM:SS" */
	const char	*text[AYNI_FIELD_COUNT];	/* or NULL */
	int64_t		 num[AYNI_FIELD_COUNT];
	int		 has[AYNI_FIELD_COUNT];		/* num[f] is a value */
	int		 is_return;	/* amounts are then magnitudes */
	int		 not_sale;	/* a dispatch guide: not stored */
	char		 customer[16];	/* a customer RUT, canonical, that
					   text[AYNI_F_CUSTOMER_ID] points to */
} ayni_record;

/*
 * Parse the n fields of the record on line `line` of the file into out.
 * A file with no product and no quantity column is document-level: its
 * lines have neither (has[] and text[] say so).  Where customers are RUTs
 * (fmt->customer_rut), a valid one is stored canonical ("76.086.428-5" ->
 * "76086428-5").
 * A document type that is not a sale (ayni_is_not_sale) sets not_sale.
 * On a bad record, AYNI_EDATA with err->line set and err->msg
 * "file:line: field 'x' (header 'y'): reason" (or "file:line: expected N
 * fields, found M").  out is then not a line.
 */
int	ayni_record_parse(const ayni_record_format *fmt, int64_t line,
	    const char *const *fields, size_t n, ayni_record *out,
	    ayni_error *err);

/*
 * 1 if the record's first non-empty cell says it is a total ("TOTAL",
 * "Totales", "Subtotal", "Resumen", any case or accents): below the last
 * sale an export's footer, among the sales an invalid line.
 */
int	ayni_record_is_total(const char *const *fields, size_t n);

/*
 * 1 if s looks like a product code Excel showed as a number and saved
 * rounded ("7,80161E+12"): the code is lost, different products may share
 * it.  NULL (no product) is not.
 */
int	ayni_record_code_rounded(const char *s);

#endif /* AYNI_RECORD_H */
