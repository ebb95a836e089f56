/*
 * export.h - the company's data for other programs (docs/contract.md §8, 'ayni
 * export'): the raw sales lines, or any rollup level of aggregate.h, in
 * pesos (never the cents the database stores), through the writer, so
 * csv cells that a spreadsheet would run are neutralised as everywhere.
 *
 * This module chooses what is written; the writer how (csv, json, the
 * Excel dialect).  It does not check roles or open files.
 */
#ifndef AYNI_EXPORT_H
#define AYNI_EXPORT_H

#include <stdint.h>

#include "ayni/aggregate.h"
#include "ayni/db.h"
#include "ayni/error.h"
#include "ayni/output.h"

/* What an export holds: "raw" or an aggregate level. */
typedef struct ayni_export_opts {
	int		 raw;		/* 1: raw lines; 0: level */
	ayni_agg_level	 level;
	const char	*from, *to;	/* 'YYYY-MM-DD' inclusive, or NULL */
} ayni_export_opts;

/* "raw", "day" ... "category"; AYNI_EUSAGE naming the accepted words. */
int	ayni_export_what_parse(const char *s, ayni_export_opts *out,
	    ayni_error *err);

/*
 * The columns of an export (static storage).  raw: date, branch,
 * doc_type, transaction_id, product_id, occurrence, trans_type,
 * is_return, customer_id, description, category, unit_type, quantity,
 * stock, price_total, cost_unit, cost_total, price_unit, discount_total,
 * commission_total, margin, upload_id; a level: aggregate.h's.
 */
void	ayni_export_columns(const ayni_export_opts *o,
	    const ayni_column **out, int *ncols);

/*
 * Write company_id's rows to w (made with ayni_export_columns): raw lines
 * by date, then upload line; a level as ayni_aggregate_write.  Dates are
 * checked as aggregate does (AYNI_EUSAGE).  Does not finish w.
 */
int	ayni_export_write(ayni_db *db, int64_t company_id,
	    const ayni_export_opts *o, ayni_writer *w, ayni_error *err);

#endif /* AYNI_EXPORT_H */
