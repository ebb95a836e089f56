/*
 * fields.c - the canonical field table and automatic header matching.
 *
 * Matching is exact on normalised keys (no fuzzy or substring matching):
 * "Tipo documento" must not become a transaction type because it contains
 * "tipo", and a wrong guess silently corrupts an upload while a missing one
 * only asks for --map.  Saved mappings and --map are the caller's.
 */
#include <assert.h>
#include <stdio.h>
#include <string.h>

#include "ayni/intl.h"
#include "ayni/fields.h"

const ayni_field_def ayni_fields[AYNI_FIELD_COUNT] = {
	[AYNI_F_DT] =		{ "in_dt", AYNI_KIND_DATE, 1, 0 },
	[AYNI_F_TRANS_ID] =	{ "in_trans_id", AYNI_KIND_TEXT, 1, 0 },
	[AYNI_F_PRODUCT_ID] =	{ "in_product_id", AYNI_KIND_TEXT, 1, 0 },
	[AYNI_F_QUANTITY] =	{ "in_quantity", AYNI_KIND_QTY, 1, 0 },
	[AYNI_F_PRICE_TOTAL] =	{ "in_price_total", AYNI_KIND_MONEY, 1, 0 },
	[AYNI_F_TRANS_TYPE] =	{ "in_trans_type", AYNI_KIND_TEXT, 0, 0 },
	[AYNI_F_CUSTOMER_ID] =	{ "in_customer_id", AYNI_KIND_TEXT, 0, 0 },
	[AYNI_F_DESCRIPTION] =	{ "in_description", AYNI_KIND_TEXT, 0, 0 },
	[AYNI_F_CATEGORY] =	{ "in_category", AYNI_KIND_TEXT, 0, 0 },
	[AYNI_F_UNIT_TYPE] =	{ "in_unit_type", AYNI_KIND_TEXT, 0, 0 },
	[AYNI_F_DOC_TYPE] =	{ "in_doc_type", AYNI_KIND_TEXT, 0, 0 },
	[AYNI_F_BRANCH] =	{ "in_branch", AYNI_KIND_TEXT, 0, 0 },
	[AYNI_F_STOCK] =	{ "in_stock", AYNI_KIND_QTY, 0, 0 },
	[AYNI_F_COST_UNIT] =	{ "in_cost_unit", AYNI_KIND_MONEY, 0, 1 },
	[AYNI_F_COST_TOTAL] =	{ "in_cost_total", AYNI_KIND_MONEY, 0, 1 },
	[AYNI_F_PRICE_UNIT] =	{ "in_price_unit", AYNI_KIND_MONEY, 0, 1 },
	[AYNI_F_DISCOUNT_TOTAL] = { "in_discount_total", AYNI_KIND_MONEY,
				    0, 1 },
	[AYNI_F_COMMISSION_TOTAL] = { "in_commission_total", AYNI_KIND_MONEY,
				    0, 1 },
	[AYNI_F_MARGIN] =	{ "in_margin", AYNI_KIND_MONEY, 0, 1 },
	[AYNI_F_TAX] =		{ "in_tax", AYNI_KIND_MONEY, 0, 0 },
	[AYNI_F_EXEMPT] =	{ "in_exempt", AYNI_KIND_MONEY, 0, 0 },
};

/*
 * Normalised synonyms, best first within a field: a header matching an
 * earlier entry wins over one matching a later entry.  A key must appear
 * once in the whole table (test_fields checks it).  The canonical names
 * (normalised: "indt") come first so that ayni's own exports read back.
 */
static const struct synonym {
	const char	*key;
	ayni_field_id	 field;
} synonyms[] = {
	{ "indt", AYNI_F_DT },
	{ "intransid", AYNI_F_TRANS_ID },
	{ "inproductid", AYNI_F_PRODUCT_ID },
	{ "inquantity", AYNI_F_QUANTITY },
	{ "inpricetotal", AYNI_F_PRICE_TOTAL },
	{ "intranstype", AYNI_F_TRANS_TYPE },
	{ "incustomerid", AYNI_F_CUSTOMER_ID },
	{ "indescription", AYNI_F_DESCRIPTION },
	{ "incategory", AYNI_F_CATEGORY },
	{ "inunittype", AYNI_F_UNIT_TYPE },
	{ "indoctype", AYNI_F_DOC_TYPE },
	{ "inbranch", AYNI_F_BRANCH },
	{ "instock", AYNI_F_STOCK },
	{ "incostunit", AYNI_F_COST_UNIT },
	{ "incosttotal", AYNI_F_COST_TOTAL },
	{ "inpriceunit", AYNI_F_PRICE_UNIT },
	{ "indiscounttotal", AYNI_F_DISCOUNT_TOTAL },
	{ "incommissiontotal", AYNI_F_COMMISSION_TOTAL },
	{ "inmargin", AYNI_F_MARGIN },
	{ "intax", AYNI_F_TAX },
	{ "inexempt", AYNI_F_EXEMPT },

	{ "fechaventa", AYNI_F_DT },
	{ "fecha", AYNI_F_DT },
	{ "fechahora", AYNI_F_DT },
	{ "fechadeventa", AYNI_F_DT },
	{ "fechaemision", AYNI_F_DT },
	{ "fechadeemision", AYNI_F_DT },
	{ "fechadocto", AYNI_F_DT },
	{ "datetime", AYNI_F_DT },
	{ "date", AYNI_F_DT },
	{ "timestamp", AYNI_F_DT },

	{ "ndocventa", AYNI_F_TRANS_ID },
	{ "nrodocventa", AYNI_F_TRANS_ID },
	{ "nodocventa", AYNI_F_TRANS_ID },
	{ "transactionid", AYNI_F_TRANS_ID },
	{ "transid", AYNI_F_TRANS_ID },
	{ "idtransaccion", AYNI_F_TRANS_ID },
	{ "boleta", AYNI_F_TRANS_ID },
	{ "nboleta", AYNI_F_TRANS_ID },
	{ "folio", AYNI_F_TRANS_ID },
	{ "ndocumento", AYNI_F_TRANS_ID },
	{ "nrodocumento", AYNI_F_TRANS_ID },
	{ "numerodocumento", AYNI_F_TRANS_ID },
	{ "documento", AYNI_F_TRANS_ID },
	{ "idventa", AYNI_F_TRANS_ID },
	{ "nventa", AYNI_F_TRANS_ID },
	{ "ticket", AYNI_F_TRANS_ID },
	{ "nticket", AYNI_F_TRANS_ID },
	{ "nroticket", AYNI_F_TRANS_ID },
	{ "numeroticket", AYNI_F_TRANS_ID },
	{ "nroboleta", AYNI_F_TRANS_ID },
	{ "numeroboleta", AYNI_F_TRANS_ID },
	{ "nfolio", AYNI_F_TRANS_ID },
	{ "nrofolio", AYNI_F_TRANS_ID },
	{ "orderid", AYNI_F_TRANS_ID },
	{ "ordernumber", AYNI_F_TRANS_ID },
	{ "order", AYNI_F_TRANS_ID },
	{ "pedido", AYNI_F_TRANS_ID },
	{ "npedido", AYNI_F_TRANS_ID },
	{ "nropedido", AYNI_F_TRANS_ID },

	{ "sku", AYNI_F_PRODUCT_ID },
	{ "productid", AYNI_F_PRODUCT_ID },
	{ "idproducto", AYNI_F_PRODUCT_ID },
	{ "codigoproducto", AYNI_F_PRODUCT_ID },
	{ "codproducto", AYNI_F_PRODUCT_ID },
	{ "codigo", AYNI_F_PRODUCT_ID },
	{ "plu", AYNI_F_PRODUCT_ID },
	{ "producto", AYNI_F_PRODUCT_ID },
	{ "product", AYNI_F_PRODUCT_ID },

	{ "cantidad", AYNI_F_QUANTITY },
	{ "cant", AYNI_F_QUANTITY },
	{ "quantity", AYNI_F_QUANTITY },
	{ "qty", AYNI_F_QUANTITY },
	{ "unidades", AYNI_F_QUANTITY },
	{ "units", AYNI_F_QUANTITY },

	/* net before gross: IVA is not the shop's revenue */
	{ "totalneto", AYNI_F_PRICE_TOTAL },
	{ "subtotalneto", AYNI_F_PRICE_TOTAL },
	{ "montoneto", AYNI_F_PRICE_TOTAL },
	{ "valorneto", AYNI_F_PRICE_TOTAL },
	{ "ventaneta", AYNI_F_PRICE_TOTAL },
	{ "neto", AYNI_F_PRICE_TOTAL },
	{ "afecto", AYNI_F_PRICE_TOTAL },
	{ "montoafecto", AYNI_F_PRICE_TOTAL },
	{ "totalventa", AYNI_F_PRICE_TOTAL },
	{ "pricetotal", AYNI_F_PRICE_TOTAL },
	{ "total", AYNI_F_PRICE_TOTAL },
	{ "monto", AYNI_F_PRICE_TOTAL },
	{ "montototal", AYNI_F_PRICE_TOTAL },
	{ "totalbruto", AYNI_F_PRICE_TOTAL },
	{ "montobruto", AYNI_F_PRICE_TOTAL },
	{ "totalconiva", AYNI_F_PRICE_TOTAL },
	{ "venta", AYNI_F_PRICE_TOTAL },
	{ "revenue", AYNI_F_PRICE_TOTAL },
	{ "precio", AYNI_F_PRICE_TOTAL },
	{ "price", AYNI_F_PRICE_TOTAL },

	/*
	 * Not "tipo documento": boleta vs factura is not a payment method;
	 * it is in_doc_type, below.
	 */
	{ "metodopago", AYNI_F_TRANS_TYPE },
	{ "metododepago", AYNI_F_TRANS_TYPE },
	{ "tipotransaccion", AYNI_F_TRANS_TYPE },
	{ "transtype", AYNI_F_TRANS_TYPE },
	{ "tipo", AYNI_F_TRANS_TYPE },
	{ "type", AYNI_F_TRANS_TYPE },

	{ "nombrecliente", AYNI_F_CUSTOMER_ID },
	{ "rutcliente", AYNI_F_CUSTOMER_ID },
	{ "customerid", AYNI_F_CUSTOMER_ID },
	{ "idcliente", AYNI_F_CUSTOMER_ID },
	{ "cliente", AYNI_F_CUSTOMER_ID },
	{ "customer", AYNI_F_CUSTOMER_ID },

	{ "nombre", AYNI_F_DESCRIPTION },
	{ "descripcion", AYNI_F_DESCRIPTION },
	{ "description", AYNI_F_DESCRIPTION },
	{ "nombreproducto", AYNI_F_DESCRIPTION },
	{ "productname", AYNI_F_DESCRIPTION },
	{ "detalle", AYNI_F_DESCRIPTION },

	{ "categoria", AYNI_F_CATEGORY },
	{ "category", AYNI_F_CATEGORY },
	{ "familia", AYNI_F_CATEGORY },

	{ "tipounidad", AYNI_F_UNIT_TYPE },
	{ "unittype", AYNI_F_UNIT_TYPE },
	{ "unidad", AYNI_F_UNIT_TYPE },
	{ "unidadmedida", AYNI_F_UNIT_TYPE },

	/*
	 * The document type and the branch are part of a line's key: folio
	 * 1200 of a boleta and of a factura are different sales, and so are
	 * ticket 7 of two cash registers.  "documento" alone stays a
	 * transaction id (docs/contract.md §5: "n° documento").
	 */
	{ "tipodocumento", AYNI_F_DOC_TYPE },
	{ "tipodedocumento", AYNI_F_DOC_TYPE },
	{ "tipodoc", AYNI_F_DOC_TYPE },
	{ "tipodte", AYNI_F_DOC_TYPE },
	{ "dte", AYNI_F_DOC_TYPE },
	{ "documenttype", AYNI_F_DOC_TYPE },
	{ "doctype", AYNI_F_DOC_TYPE },

	{ "sucursal", AYNI_F_BRANCH },
	{ "local", AYNI_F_BRANCH },
	{ "tienda", AYNI_F_BRANCH },
	{ "caja", AYNI_F_BRANCH },
	{ "terminal", AYNI_F_BRANCH },
	{ "puntodeventa", AYNI_F_BRANCH },
	{ "branch", AYNI_F_BRANCH },
	{ "store", AYNI_F_BRANCH },

	{ "stockactual", AYNI_F_STOCK },
	{ "stock", AYNI_F_STOCK },
	{ "inventario", AYNI_F_STOCK },
	{ "inventory", AYNI_F_STOCK },

	{ "costounitario", AYNI_F_COST_UNIT },
	{ "costunit", AYNI_F_COST_UNIT },
	{ "unitcost", AYNI_F_COST_UNIT },

	{ "totalcosto", AYNI_F_COST_TOTAL },
	{ "costototal", AYNI_F_COST_TOTAL },
	{ "costtotal", AYNI_F_COST_TOTAL },
	{ "costo", AYNI_F_COST_TOTAL },
	{ "cost", AYNI_F_COST_TOTAL },

	{ "preciounitario", AYNI_F_PRICE_UNIT },
	{ "priceunit", AYNI_F_PRICE_UNIT },
	{ "unitprice", AYNI_F_PRICE_UNIT },

	{ "totaldescuento", AYNI_F_DISCOUNT_TOTAL },
	{ "descuentototal", AYNI_F_DISCOUNT_TOTAL },
	{ "discounttotal", AYNI_F_DISCOUNT_TOTAL },
	{ "descuento", AYNI_F_DISCOUNT_TOTAL },
	{ "discount", AYNI_F_DISCOUNT_TOTAL },

	{ "totalcomision", AYNI_F_COMMISSION_TOTAL },
	{ "comisiontotal", AYNI_F_COMMISSION_TOTAL },
	{ "commissiontotal", AYNI_F_COMMISSION_TOTAL },
	{ "comision", AYNI_F_COMMISSION_TOTAL },
	{ "commission", AYNI_F_COMMISSION_TOTAL },

	{ "utilidadaprox", AYNI_F_MARGIN },
	{ "utilidad", AYNI_F_MARGIN },
	{ "margen", AYNI_F_MARGIN },
	{ "margin", AYNI_F_MARGIN },
	{ "ganancia", AYNI_F_MARGIN },

	{ "iva", AYNI_F_TAX },
	{ "montoiva", AYNI_F_TAX },
	{ "totaliva", AYNI_F_TAX },
	{ "valoriva", AYNI_F_TAX },
	{ "impuesto", AYNI_F_TAX },
	{ "impuestos", AYNI_F_TAX },

	/* amounts only: a column "Exento" may be a yes/no flag */
	{ "montoexento", AYNI_F_EXEMPT },
	{ "totalexento", AYNI_F_EXEMPT },
	{ "valorexento", AYNI_F_EXEMPT },
	{ "exemptamount", AYNI_F_EXEMPT },
	{ "tax", AYNI_F_TAX },
	{ "taxes", AYNI_F_TAX },
};

/* in_price_total synonyms that include IVA (test_fields checks them). */
static const char *const gross_keys[] = {
	"total", "monto", "montototal", "totalventa", "venta", "totalbruto",
	"montobruto", "totalconiva",
};

int
ayni_field_unit_price(const char *header)
{
	char key[128];

	ayni_field_normalize(header, key, sizeof(key));
	return strcmp(key, "precio") == 0 || strcmp(key, "price") == 0;
}

int
ayni_field_gross(const char *header)
{
	char key[128];
	size_t i;

	ayni_field_normalize(header, key, sizeof(key));
	for (i = 0; i < sizeof(gross_keys) / sizeof(gross_keys[0]); i++)
		if (strcmp(key, gross_keys[i]) == 0)
			return 1;
	return 0;
}

/* Accent-free letter for U+00C0..U+00FF (UTF-8 C3 80..C3 BF), 0 to keep. */
static const char latin1_fold[64] =
    "aaaaaa\0ceeeeiiii\0nooooo\0ouuuuy\0\0"
    "aaaaaa\0ceeeeiiii\0nooooo\0ouuuuy\0y";

void
ayni_field_normalize(const char *in, char *out, size_t outsz)
{
	const unsigned char *s = (const unsigned char *)in;
	size_t o = 0;
	unsigned char c;

	if (outsz == 0)
		return;
	while (*s != '\0' && o + 1 < outsz) {
		c = *s;
		if (c == ' ' || c == '\t' || c == '\r' || c == '\n' ||
		    c == '_' || c == '-' || c == '.') {
			s++;
			continue;
		}
		/* NBSP, °, º */
		if (c == 0xC2 && (s[1] == 0xA0 || s[1] == 0xB0 ||
		    s[1] == 0xBA)) {
			s += 2;
			continue;
		}
		if (c == 0xEF && s[1] == 0xBB && s[2] == 0xBF) {
			s += 3;
			continue;
		}
		if (c == 0xC3 && s[1] >= 0x80 && s[1] <= 0xBF &&
		    latin1_fold[s[1] - 0x80] != '\0') {
			out[o++] = latin1_fold[s[1] - 0x80];
			s += 2;
			continue;
		}
		out[o++] = (c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c;
		s++;
	}
	out[o] = '\0';
}

int
ayni_field_lookup(const char *name, ayni_field_id *out, ayni_error *err)
{
	int i;

	for (i = 0; i < AYNI_FIELD_COUNT; i++)
		if (strcmp(name, ayni_fields[i].name) == 0) {
			*out = (ayni_field_id)i;
			return 0;
		}
	return ayni_error_set(err, AYNI_ENOTFOUND, _("unknown field '%s'; "
	    "fields are named like in_dt, in_quantity (see ayni-csv(5))"),
	    name);
}

int
ayni_field_synonym(size_t i, const char **key, ayni_field_id *field)
{
	if (i >= sizeof(synonyms) / sizeof(synonyms[0]))
		return AYNI_ENOTFOUND;
	*key = synonyms[i].key;
	*field = synonyms[i].field;
	return 0;
}

/* The rank of a header's key in synonyms[], or -1. */
static int
synonym_rank(const char *header)
{
	char key[128];
	size_t i;

	ayni_field_normalize(header, key, sizeof(key));
	for (i = 0; i < sizeof(synonyms) / sizeof(synonyms[0]); i++)
		if (strcmp(key, synonyms[i].key) == 0)
			return (int)i;
	return -1;
}

const char *
ayni_export_name(ayni_export e)
{
	return e == AYNI_EXPORT_SHOPIFY ? "shopify" :
	    e == AYNI_EXPORT_BSALE ? "bsale" :
	    e == AYNI_EXPORT_SII_RCV ? "sii-rcv" : NULL;
}

/* The column whose key is key, or -1. */
static int
column_of(const char *const *headers, size_t n, const char *key)
{
	char k[128];
	size_t i;

	for (i = 0; i < n; i++) {
		ayni_field_normalize(headers[i], k, sizeof(k));
		if (strcmp(k, key) == 0)
			return (int)i;
	}
	return -1;
}

/* A column a known export is recognised by, and the field it feeds. */
#define SIG_MAX	8	/* columns of a signature, at most */
struct sigcol {
	const char	*key;		/* normalised header */
	ayni_field_id	 field;
};

/*
 * Whether the headers hold every column of a known export's signature;
 * if so, m maps exactly those columns (the export's meaning, not the
 * synonyms', decides) and says which export it is.
 */
static int
match_signature(const char *const *headers, size_t n,
    const struct sigcol *cols, size_t ncols, ayni_export known,
    ayni_header_map *m)
{
	int c[SIG_MAX];
	size_t i;

	assert(ncols <= SIG_MAX);
	for (i = 0; i < ncols; i++)
		if ((c[i] = column_of(headers, n, cols[i].key)) < 0)
			return 0;
	for (i = 0; i < AYNI_FIELD_COUNT; i++)
		m->col[i] = m->dup[i] = -1;
	for (i = 0; i < ncols; i++)
		m->col[cols[i].field] = c[i];
	m->known = known;
	return 1;
}

/*
 * Shopify's orders export: one row per line item, the order's number in
 * "Name" (#1001), its totals ("Subtotal", "Total", "Taxes", "Discount
 * Amount") only on its first row.  Line revenue is then quantity x
 * "Lineitem price", less the order's discount on its first line, so the
 * order-level "Total" must not be read as a line's.
 */
static int
match_shopify(const char *const *headers, size_t n, ayni_header_map *m)
{
	static const struct sigcol cols[] = {
		{ "name", AYNI_F_TRANS_ID },
		{ "createdat", AYNI_F_DT },
		{ "lineitemquantity", AYNI_F_QUANTITY },
		{ "lineitemprice", AYNI_F_PRICE_UNIT },
		{ "lineitemsku", AYNI_F_PRODUCT_ID },
	};

	if (!match_signature(headers, n, cols, sizeof(cols) / sizeof(cols[0]),
	    AYNI_EXPORT_SHOPIFY, m))
		return 0;
	m->col[AYNI_F_DESCRIPTION] = column_of(headers, n, "lineitemname");
	m->col[AYNI_F_CUSTOMER_ID] = column_of(headers, n, "email");
	m->col[AYNI_F_DISCOUNT_TOTAL] = column_of(headers, n,
	    "discountamount");
	m->product_alt = m->col[AYNI_F_DESCRIPTION];
	return 1;
}

/*
 * The SII sales register as an accountant downloads it from the SII
 * (RCV_VENTA_<RUT>_<YYYYMM>.csv): one row per tax document, "Nro;Tipo Doc;
 * Tipo Venta;Rut cliente;Razon Social;Folio;Fecha Docto;...;Monto Exento;
 * Monto Neto;Monto IVA;Monto total;...".  The transaction is the document
 * type and folio; the revenue is the net plus the exempt amount, never the
 * total with IVA.  What the document types mean is the upload's
 * (docs/contract.md §5 "Document-level files").
 */
static int
match_rcv(const char *const *headers, size_t n, ayni_header_map *m)
{
	static const struct sigcol cols[] = {
		{ "fechadocto", AYNI_F_DT },
		{ "folio", AYNI_F_TRANS_ID },
		{ "tipodoc", AYNI_F_DOC_TYPE },
		{ "rutcliente", AYNI_F_CUSTOMER_ID },
		{ "montoneto", AYNI_F_PRICE_TOTAL },
		{ "montoexento", AYNI_F_EXEMPT },
	};

	return match_signature(headers, n, cols,
	    sizeof(cols) / sizeof(cols[0]), AYNI_EXPORT_SII_RCV, m);
}

int
ayni_header_document_level(const ayni_header_map *m)
{
	return m->col[AYNI_F_PRODUCT_ID] < 0 && m->col[AYNI_F_QUANTITY] < 0;
}

void
ayni_header_match(const char *const *headers, size_t n, ayni_header_map *m)
{
	int rank[AYNI_FIELD_COUNT], r;
	ayni_field_id f;
	size_t i;

	m->known = AYNI_EXPORT_NONE;
	m->product_alt = -1;
	if (match_shopify(headers, n, m) || match_rcv(headers, n, m))
		return;
	/*
	 * Bsale's detalle de ventas: the synonyms pick its columns (the net
	 * subtotal over the gross total, SKU over the product's name); the
	 * signature only says the choices were meant.
	 */
	if (column_of(headers, n, "fechadeemision") >= 0 &&
	    column_of(headers, n, "tipodocumento") >= 0 &&
	    column_of(headers, n, "ndocumento") >= 0 &&
	    column_of(headers, n, "subtotalneto") >= 0)
		m->known = AYNI_EXPORT_BSALE;
	for (i = 0; i < AYNI_FIELD_COUNT; i++) {
		m->col[i] = -1;
		m->dup[i] = -1;
	}
	for (i = 0; i < n; i++) {
		if ((r = synonym_rank(headers[i])) < 0)
			continue;
		f = synonyms[r].field;
		if (m->col[f] < 0) {
			m->col[f] = (int)i;
			rank[f] = r;
		} else if (r < rank[f]) {
			m->dup[f] = m->col[f];
			m->col[f] = (int)i;
			rank[f] = r;
		} else if (m->dup[f] < 0)
			m->dup[f] = (int)i;
	}
}

/*
 * Whether a required field other than product and quantity has no column:
 * then a file without those two is more likely one whose headers were not
 * recognised than a document-level file, and the error lists them all.
 */
static int
other_missing(const ayni_header_map *m)
{
	int f;

	for (f = 0; f < AYNI_FIELD_COUNT; f++)
		if (ayni_fields[f].required && m->col[f] < 0 &&
		    f != AYNI_F_PRODUCT_ID && f != AYNI_F_QUANTITY)
			return 1;
	return 0;
}

int
ayni_header_check(const ayni_header_map *m, const char *const *headers,
    size_t n, ayni_error *err)
{
	char missing[128], found[192];
	size_t mlen = 0, flen = 0, i;
	int f, w;

	missing[0] = found[0] = '\0';
	for (f = 0; f < AYNI_FIELD_COUNT; f++) {
		if (!ayni_fields[f].required || m->col[f] >= 0)
			continue;
		if ((f == AYNI_F_PRODUCT_ID || f == AYNI_F_QUANTITY) &&
		    ayni_header_document_level(m) && !other_missing(m))
			continue;
		if (f == AYNI_F_PRICE_TOTAL && m->col[AYNI_F_QUANTITY] >= 0 &&
		    m->col[AYNI_F_PRICE_UNIT] >= 0)
			continue;	/* quantity x unit price */
		w = snprintf(missing + mlen, sizeof(missing) - mlen, "%s'%s'",
		    mlen ? ", " : "", ayni_fields[f].name);
		if (w > 0 && (size_t)w < sizeof(missing) - mlen)
			mlen += w;
	}
	if (mlen == 0)
		return 0;
	for (i = 0; i < n; i++) {
		w = snprintf(found + flen, sizeof(found) - flen, "%s'%s'",
		    flen ? ", " : "", headers[i]);
		if (w < 0 || (size_t)w >= sizeof(found) - flen) {
			/* Too many to list: say so rather than cut a name. */
			snprintf(found + flen, sizeof(found) - flen, ", ...");
			break;
		}
		flen += w;
	}
	return ayni_error_set(err, AYNI_EDATA, _("missing required fields %s; "
	    "headers found: %s; name them with --map FIELD=HEADER"), missing,
	    n ? found : "none");
}
