/*
 * fields.h - the canonical sales record and how file headers map onto it.
 *
 * The field table (docs/contract.md §5, the original platform's COLUMN_SCHEMA)
 * says each field's name, kind and whether it is required; automatic matching
 * turns a header row into a column per field using normalised Spanish and
 * English synonyms.  Explicit --map pairs and saved mappings are applied by
 * the caller on top of this; nothing here reads a database.
 */
#ifndef AYNI_FIELDS_H
#define AYNI_FIELDS_H

#include <stddef.h>

#include "ayni/error.h"

/*
 * If you add a field here, also update ayni_fields[] and the synonyms in
 * src/lib/fields.c, the raw_transactions table in schema/ and ayni-csv(5).
 */
typedef enum ayni_field_id {
	AYNI_F_DT,
	AYNI_F_TRANS_ID,
	AYNI_F_PRODUCT_ID,
	AYNI_F_QUANTITY,
	AYNI_F_PRICE_TOTAL,
	AYNI_F_TRANS_TYPE,
	AYNI_F_CUSTOMER_ID,
	AYNI_F_DESCRIPTION,
	AYNI_F_CATEGORY,
	AYNI_F_UNIT_TYPE,
	AYNI_F_DOC_TYPE,	/* boleta, factura, SII code: part of the key */
	AYNI_F_BRANCH,		/* sucursal, caja: part of the key */
	AYNI_F_STOCK,
	AYNI_F_COST_UNIT,
	AYNI_F_COST_TOTAL,
	AYNI_F_PRICE_UNIT,
	AYNI_F_DISCOUNT_TOTAL,
	AYNI_F_COMMISSION_TOTAL,
	AYNI_F_MARGIN,
	AYNI_F_TAX,		/* IVA of a gross total: read, never stored */
	AYNI_F_EXEMPT,		/* tax-exempt amount, added to a net total */
	AYNI_FIELD_COUNT
} ayni_field_id;

typedef enum ayni_field_kind {
	AYNI_KIND_TEXT,
	AYNI_KIND_DATE,		/* ayni_date_parse(): "YYYY-MM-DD HH:MM:SS" */
	AYNI_KIND_MONEY,	/* ayni_num_parse(), AYNI_SCALE_MONEY */
	AYNI_KIND_QTY		/* ayni_num_parse(), AYNI_SCALE_QTY */
} ayni_field_kind;

typedef struct ayni_field_def {
	const char	*name;		/* "in_dt" */
	ayni_field_kind	 kind;
	int		 required;
	int		 inferable;	/* computed from others when absent */
} ayni_field_def;

/* Indexed by ayni_field_id. */
extern const ayni_field_def ayni_fields[AYNI_FIELD_COUNT];

/* The id of a canonical name ("in_dt"), for --map; AYNI_ENOTFOUND if none. */
int	ayni_field_lookup(const char *name, ayni_field_id *out,
	    ayni_error *err);

/*
 * The i-th automatic-matching synonym (a normalised key) and its field, best
 * first, for ayni-csv(5) and for listing; AYNI_ENOTFOUND past the last.
 */
int	ayni_field_synonym(size_t i, const char **key, ayni_field_id *field);

/*
 * 1 if header names a gross total (IVA included): "Total", "Monto",
 * "Total venta" ... as opposed to a net one ("Total neto", "Subtotal
 * neto", "Afecto").  With a tax column (in_tax) beside it, an upload takes
 * the total minus the tax as the line's net revenue.
 */
int	ayni_field_gross(const char *header);

/*
 * 1 if header is a bare price ("Precio", "Price"): a revenue synonym when
 * it is the only amount, the unit price beside a total.
 */
int	ayni_field_unit_price(const char *header);

/*
 * Write into out (at most outsz bytes, always NUL-terminated) the matching
 * key of a header or a value: ASCII lowercased, Latin-1 letters stripped of
 * accents (ñ -> n, ç -> c), and spaces, tabs, no-break spaces, '_', '-',
 * '.', '°', 'º' and a stray BOM removed.  Other bytes are kept.
 */
void	ayni_field_normalize(const char *in, char *out, size_t outsz);

typedef enum ayni_export {
	AYNI_EXPORT_NONE = 0,
	AYNI_EXPORT_SHOPIFY,	/* orders export: a line per line item */
	AYNI_EXPORT_BSALE,	/* "detalle de ventas": net and gross totals,
				   SKU and product name, by design */
	AYNI_EXPORT_SII_RCV	/* the SII sales register (Registro de
				   Compras y Ventas): a row per tax
				   document, no products */
} ayni_export;

/* "shopify", "bsale", "sii-rcv", or NULL for none. */
const char *ayni_export_name(ayni_export e);

typedef struct ayni_header_map {
	int	col[AYNI_FIELD_COUNT];	/* header index per field, or -1 */
	/*
	 * Another header that matched the same field and lost, or -1, so the
	 * caller can warn and suggest --map.  The winner is the header whose
	 * synonym ranks first in the table (the canonical name, then e.g.
	 * "total neto" before "total"); equal ranks go to the leftmost.
	 */
	int	dup[AYNI_FIELD_COUNT];
	/*
	 * A known export recognised by its header signature
	 * (docs/contract.md §5: Shopify's orders export), whose columns were
	 * chosen by that, not by synonyms; and for it, a column that stands in
	 * for an empty product id.
	 */
	ayni_export	 known;
	int		 product_alt;
} ayni_header_map;

/*
 * 1 if m has neither a product nor a quantity column: a document-level
 * file, whose rows are lines with no product and no quantity (one per
 * invoice, say).  A file with a quantity but no product column is not one:
 * its product header was not recognised, and ayni_header_check says so.
 */
int	ayni_header_document_level(const ayni_header_map *m);

/* Fill m from the header names by automatic matching; never fails. */
void	ayni_header_match(const char *const *headers, size_t n,
	    ayni_header_map *m);

/*
 * 0 if every required field has a column in m, else AYNI_EDATA naming the
 * missing fields and the headers found.  A file without a line total but
 * with quantity and unit price passes: the upload computes the total.  A
 * document-level file needs no product or quantity.
 */
int	ayni_header_check(const ayni_header_map *m,
	    const char *const *headers, size_t n, ayni_error *err);

#endif /* AYNI_FIELDS_H */
