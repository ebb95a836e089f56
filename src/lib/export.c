/*
 * export.c - 'ayni export' (export.h): the raw lines of a company, or one
 * rollup level read by aggregate.c, handed to the writer.  Money columns
 * are AYNI_T_MONEY, so they leave as pesos (1234.5), never cents.  No
 * roles, files or formats are decided here.
 */
#include <string.h>

#include <sqlite3.h>

#include "ayni/export.h"
#include "internal.h"
#include "ayni/intl.h"

/* If you change these, also change the SELECT below and the man page. */
static const ayni_column raw_cols[] = {
	{ "date", AYNI_T_TEXT }, { "branch", AYNI_T_TEXT },
	{ "doc_type", AYNI_T_TEXT }, { "transaction_id", AYNI_T_TEXT },
	{ "product_id", AYNI_T_TEXT }, { "occurrence", AYNI_T_INT },
	{ "trans_type", AYNI_T_TEXT }, { "is_return", AYNI_T_BOOL },
	{ "customer_id", AYNI_T_TEXT }, { "description", AYNI_T_TEXT },
	{ "category", AYNI_T_TEXT }, { "unit_type", AYNI_T_TEXT },
	{ "quantity", AYNI_T_QTY }, { "stock", AYNI_T_QTY },
	{ "price_total", AYNI_T_MONEY }, { "cost_unit", AYNI_T_MONEY },
	{ "cost_total", AYNI_T_MONEY }, { "price_unit", AYNI_T_MONEY },
	{ "discount_total", AYNI_T_MONEY },
	{ "commission_total", AYNI_T_MONEY }, { "margin", AYNI_T_MONEY },
	{ "upload_id", AYNI_T_INT },
};

int
ayni_export_what_parse(const char *s, ayni_export_opts *out,
    ayni_error *err)
{
	ayni_error e;

	if (strcmp(s, "raw") == 0) {
		out->raw = 1;
		return 0;
	}
	out->raw = 0;
	if (ayni_agg_level_parse(s, &out->level, &e) != 0)
		return ayni_error_set(err, AYNI_EUSAGE, _("unknown --what '%s': "
		    "use raw, day, week, month, quarter, year, product, "
		    "customer or category"), s);
	return 0;
}

void
ayni_export_columns(const ayni_export_opts *o, const ayni_column **out,
    int *ncols)
{
	if (o->raw) {
		*out = raw_cols;
		*ncols = (int)(sizeof(raw_cols) / sizeof(raw_cols[0]));
	} else
		ayni_aggregate_columns(o->level, out, ncols);
}

int
ayni_export_write(ayni_db *db, int64_t company_id, const ayni_export_opts *o,
    ayni_writer *w, ayni_error *err)
{
	ayni_aggregate_opts a = { o->level, o->from, o->to, 0 };
	sqlite3_stmt *st;
	int rc;

	a.level = o->raw ? AYNI_AGG_DAY : o->level;
	if ((rc = ayni_aggregate_opts_check(&a, err)) != 0)
		return rc;
	if (!o->raw)
		return ayni_aggregate_write(db, company_id, &a, w, err);
	/* the range compares days: a line at 23:59 of --to is in it */
	if ((rc = ayni_sql_prepare(db, &st, err, N_("reading the sales lines"),
	    "SELECT transaction_date,"
	    " branch, doc_type, transaction_id, product_id, occurrence,"
	    " trans_type, is_return, customer_id, description, category,"
	    " unit_type, quantity, stock, price_total, cost_unit, cost_total,"
	    " price_unit, discount_total, commission_total, margin, upload_id"
	    " FROM raw_transactions WHERE company_id = ?1"
	    " AND transaction_date >= ?2 AND transaction_date < ?3 || 'x'"
	    " ORDER BY transaction_date, upload_id, line_no", "Itt", company_id,
	    o->from ? o->from : "0000-01-01", o->to ? o->to : "9999-12-31")) !=
	    0)
		return rc;
	rc = ayni_writer_stmt(w, st, err);
	sqlite3_finalize(st);
	return rc;
}
