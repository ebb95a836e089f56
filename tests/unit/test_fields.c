/*
 * test_fields.c - the field table, header normalisation and automatic
 * header matching, including the real POS export's header row.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "ayni/fields.h"

static void
norm_is(const char *in, const char *want)
{
	char out[64];

	ayni_field_normalize(in, out, sizeof(out));
	if (strcmp(out, want) != 0)
		fail_msg("'%s': got '%s', want '%s'", in, out, want);
}

static void
test_normalize(void **state)
{
	char small[4];

	(void)state;
	norm_is("Fecha Venta", "fechaventa");
	norm_is("N\xc2\xb0 doc. venta", "ndocventa");		/* N° */
	norm_is("N\xc2\xba_doc-venta", "ndocventa");		/* Nº */
	norm_is("Categor\xc3\xad" "a", "categoria");
	norm_is("M\xc3\x89TODO PAGO", "metodopago");
	norm_is("Descripci\xc3\xb3n", "descripcion");
	norm_is("A\xc3\xb1o \xc3\x91" "and\xc3\xba", "anonandu");
	norm_is("ping\xc3\xbc" "ino", "pinguino");
	norm_is("\xef\xbb\xbf" "fecha", "fecha");		/* BOM */
	norm_is("total\xc2\xa0neto", "totalneto");		/* NBSP */
	norm_is("Total ($)", "total($)");
	norm_is("", "");
	ayni_field_normalize("abcdef", small, sizeof(small));
	assert_string_equal(small, "abc");
}

static void
test_table(void **state)
{
	ayni_field_id id;
	ayni_error err = { 0, "", 0 };
	int i, required = 0;

	(void)state;
	for (i = 0; i < AYNI_FIELD_COUNT; i++) {
		assert_non_null(ayni_fields[i].name);
		assert_int_equal(ayni_field_lookup(ayni_fields[i].name, &id,
		    &err), 0);
		assert_int_equal(id, i);
		required += ayni_fields[i].required;
	}
	assert_int_equal(required, 5);
	assert_string_equal(ayni_fields[AYNI_F_DT].name, "in_dt");
	assert_int_equal(ayni_fields[AYNI_F_DT].kind, AYNI_KIND_DATE);
	assert_int_equal(ayni_fields[AYNI_F_QUANTITY].kind, AYNI_KIND_QTY);
	assert_int_equal(ayni_fields[AYNI_F_STOCK].kind, AYNI_KIND_QTY);
	assert_int_equal(ayni_fields[AYNI_F_MARGIN].kind, AYNI_KIND_MONEY);
	assert_true(ayni_fields[AYNI_F_MARGIN].inferable);
	assert_false(ayni_fields[AYNI_F_TRANS_TYPE].required);
	assert_int_equal(ayni_field_lookup("in_foo", &id, &err),
	    AYNI_ENOTFOUND);
	assert_non_null(strstr(err.msg, "unknown field 'in_foo'"));
}

/* Header name -> field index, or -1, through a one-header match. */
static int
field_of(const char *h)
{
	ayni_header_map m;
	int f;

	ayni_header_match(&h, 1, &m);
	for (f = 0; f < AYNI_FIELD_COUNT; f++)
		if (m.col[f] == 0)
			return f;
	return -1;
}

static void
test_synonyms(void **state)
{
	static const struct {
		const char	*header;
		int		 field;
	} cases[] = {
		/* docs/contract.md §5 */
		{ "fecha", AYNI_F_DT }, { "Fecha Venta", AYNI_F_DT },
		{ "date", AYNI_F_DT },
		{ "boleta", AYNI_F_TRANS_ID }, { "Folio", AYNI_F_TRANS_ID },
		{ "N\xc2\xb0 doc. venta", AYNI_F_TRANS_ID },
		{ "documento", AYNI_F_TRANS_ID },
		{ "Transaction ID", AYNI_F_TRANS_ID },
		/* the line key's document type and branch */
		{ "Tipo documento", AYNI_F_DOC_TYPE },
		{ "Tipo DTE", AYNI_F_DOC_TYPE }, { "in_doc_type", AYNI_F_DOC_TYPE },
		{ "Sucursal", AYNI_F_BRANCH }, { "Caja", AYNI_F_BRANCH },
		{ "Local", AYNI_F_BRANCH }, { "terminal", AYNI_F_BRANCH },
		{ "in_branch", AYNI_F_BRANCH },
		{ "SKU", AYNI_F_PRODUCT_ID }, { "producto", AYNI_F_PRODUCT_ID },
		{ "C\xc3\xb3" "digo", AYNI_F_PRODUCT_ID },
		{ "Product ID", AYNI_F_PRODUCT_ID },
		{ "cantidad", AYNI_F_QUANTITY }, { "cant", AYNI_F_QUANTITY },
		{ "qty", AYNI_F_QUANTITY },
		{ "total", AYNI_F_PRICE_TOTAL },
		{ "total neto", AYNI_F_PRICE_TOTAL },
		{ "monto", AYNI_F_PRICE_TOTAL },
		{ "venta", AYNI_F_PRICE_TOTAL },
		{ "total venta", AYNI_F_PRICE_TOTAL },
		{ "cliente", AYNI_F_CUSTOMER_ID },
		{ "nombre cliente", AYNI_F_CUSTOMER_ID },
		{ "rut cliente", AYNI_F_CUSTOMER_ID },
		{ "nombre", AYNI_F_DESCRIPTION },
		{ "descripci\xc3\xb3n", AYNI_F_DESCRIPTION },
		{ "categor\xc3\xad" "a", AYNI_F_CATEGORY },
		{ "familia", AYNI_F_CATEGORY },
		{ "costo unitario", AYNI_F_COST_UNIT },
		{ "total costo", AYNI_F_COST_TOTAL },
		{ "precio unitario", AYNI_F_PRICE_UNIT },
		{ "total descuento", AYNI_F_DISCOUNT_TOTAL },
		{ "total comisi\xc3\xb3n", AYNI_F_COMMISSION_TOTAL },
		{ "utilidad", AYNI_F_MARGIN }, { "margen", AYNI_F_MARGIN },
		{ "stock actual", AYNI_F_STOCK },
		{ "tipo unidad", AYNI_F_UNIT_TYPE },
		{ "m\xc3\xa9todo pago", AYNI_F_TRANS_TYPE },
		{ "tipo", AYNI_F_TRANS_TYPE },
		/* the frontend's list */
		{ "datetime", AYNI_F_DT }, { "transid", AYNI_F_TRANS_ID },
		{ "idtransaccion", AYNI_F_TRANS_ID },
		{ "productid", AYNI_F_PRODUCT_ID },
		{ "idproducto", AYNI_F_PRODUCT_ID },
		{ "quantity", AYNI_F_QUANTITY },
		{ "price", AYNI_F_PRICE_TOTAL },
		{ "pricetotal", AYNI_F_PRICE_TOTAL },
		{ "precio", AYNI_F_PRICE_TOTAL },
		{ "revenue", AYNI_F_PRICE_TOTAL },
		{ "customer", AYNI_F_CUSTOMER_ID },
		{ "customerid", AYNI_F_CUSTOMER_ID },
		{ "description", AYNI_F_DESCRIPTION },
		{ "category", AYNI_F_CATEGORY },
		{ "cost", AYNI_F_COST_TOTAL },
		{ "costtotal", AYNI_F_COST_TOTAL },
		{ "costo", AYNI_F_COST_TOTAL },
		{ "stock", AYNI_F_STOCK }, { "inventory", AYNI_F_STOCK },
		{ "inventario", AYNI_F_STOCK },
		{ "margin", AYNI_F_MARGIN },
		{ "discount", AYNI_F_DISCOUNT_TOTAL },
		{ "descuento", AYNI_F_DISCOUNT_TOTAL },
		/* canonical names read back */
		{ "in_dt", AYNI_F_DT }, { "in_margin", AYNI_F_MARGIN },
		{ "IN_COMMISSION_TOTAL", AYNI_F_COMMISSION_TOTAL },
		/* and what must not match */
		{ "Fecha documento", -1 },
		{ "totales", -1 }, { "", -1 },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		if (field_of(cases[i].header) != cases[i].field)
			fail_msg("'%s' matched %d, want %d", cases[i].header,
			    field_of(cases[i].header), cases[i].field);
}

static void
test_pos_export(void **state)
{
	/* The real POS export's header row, as read from a BOM'd file. */
	static const char *const h[] = {
		"Fecha venta", "Tipo documento", "N\xc2\xb0 doc. venta",
		"M\xc3\xa9todo pago", "Nombre cliente", "SKU", "Nombre",
		("Categor\xc3\xad" "a"), "Tipo unidad", "Stock actual",
		"Cantidad", "Costo unitario", "Total costo",
		"Precio unitario", "Total neto", "Total descuento",
		"Total comisi\xc3\xb3n", "Utilidad aprox.",
	};
	ayni_header_map m;
	ayni_error err = { 0, "", 0 };
	int f;

	(void)state;
	ayni_header_match(h, 18, &m);
	assert_int_equal(m.col[AYNI_F_DT], 0);
	assert_int_equal(m.col[AYNI_F_TRANS_ID], 2);
	assert_int_equal(m.col[AYNI_F_TRANS_TYPE], 3);
	assert_int_equal(m.col[AYNI_F_CUSTOMER_ID], 4);
	assert_int_equal(m.col[AYNI_F_PRODUCT_ID], 5);
	assert_int_equal(m.col[AYNI_F_DESCRIPTION], 6);
	assert_int_equal(m.col[AYNI_F_CATEGORY], 7);
	assert_int_equal(m.col[AYNI_F_UNIT_TYPE], 8);
	assert_int_equal(m.col[AYNI_F_STOCK], 9);
	assert_int_equal(m.col[AYNI_F_QUANTITY], 10);
	assert_int_equal(m.col[AYNI_F_COST_UNIT], 11);
	assert_int_equal(m.col[AYNI_F_COST_TOTAL], 12);
	assert_int_equal(m.col[AYNI_F_PRICE_UNIT], 13);
	assert_int_equal(m.col[AYNI_F_PRICE_TOTAL], 14);
	assert_int_equal(m.col[AYNI_F_DISCOUNT_TOTAL], 15);
	assert_int_equal(m.col[AYNI_F_COMMISSION_TOTAL], 16);
	assert_int_equal(m.col[AYNI_F_MARGIN], 17);
	for (f = 0; f < AYNI_FIELD_COUNT; f++)
		assert_int_equal(m.dup[f], -1);
	assert_int_equal(ayni_header_check(&m, h, 18, &err), 0);
}

static void
test_bom_header(void **state)
{
	/* If a BOM ever reaches a header, it still matches. */
	static const char *const h[] = {
		("\xef\xbb\xbf" "fecha"), "boleta", "sku", "qty", "total",
	};
	ayni_header_map m;
	ayni_error err = { 0, "", 0 };

	(void)state;
	ayni_header_match(h, 5, &m);
	assert_int_equal(m.col[AYNI_F_DT], 0);
	assert_int_equal(ayni_header_check(&m, h, 5, &err), 0);
}

static void
test_duplicates_and_missing(void **state)
{
	static const char *const h[] = {
		"Total", "fecha", "TOTAL NETO", "total", "sku",
	};
	static const char *const h2[] = { "fecha", "Fecha" };
	ayni_header_map m;
	ayni_error err = { 0, "", 0 };

	(void)state;
	ayni_header_match(h, 5, &m);
	/* "total neto" ranks before "total" */
	assert_int_equal(m.col[AYNI_F_PRICE_TOTAL], 2);
	assert_int_equal(m.dup[AYNI_F_PRICE_TOTAL], 0);
	assert_int_equal(m.col[AYNI_F_PRODUCT_ID], 4);
	assert_int_equal(m.col[AYNI_F_QUANTITY], -1);
	assert_int_equal(ayni_header_check(&m, h, 5, &err), AYNI_EDATA);
	assert_string_equal(err.msg, "missing required fields "
	    "'in_trans_id', 'in_quantity'; headers found: 'Total', 'fecha', "
	    "'TOTAL NETO', 'total', 'sku'; name them with --map FIELD=HEADER");

	/* Equal rank: the leftmost wins. */
	ayni_header_match(h2, 2, &m);
	assert_int_equal(m.col[AYNI_F_DT], 0);
	assert_int_equal(m.dup[AYNI_F_DT], 1);
}

static void
test_synonyms_unique(void **state)
{
	/*
	 * Each key maps to one field (a header matching two fields would
	 * silently pick one), is already normalised, and matches its field.
	 */
	const char *key, *other;
	ayni_field_id f, g;
	char norm[64];
	size_t i, j;

	(void)state;
	for (i = 0; ayni_field_synonym(i, &key, &f) == 0; i++) {
		ayni_field_normalize(key, norm, sizeof(norm));
		assert_string_equal(norm, key);
		assert_int_equal(field_of(key), f);
		for (j = i + 1; ayni_field_synonym(j, &other, &g) == 0; j++)
			if (strcmp(key, other) == 0)
				fail_msg("'%s' is listed twice", key);
	}
	assert_true(i > 100);
	for (f = 0; f < AYNI_FIELD_COUNT; f++)
		assert_int_equal(field_of(ayni_fields[f].name), f);
	/* a gross key is a revenue synonym; a net one is not gross */
	for (i = 0; ayni_field_synonym(i, &key, &f) == 0; i++)
		if (ayni_field_gross(key))
			assert_int_equal(f, AYNI_F_PRICE_TOTAL);
	assert_true(ayni_field_gross("Total"));
	assert_true(ayni_field_gross("Monto Total"));
	assert_false(ayni_field_gross("Total Neto"));
	assert_false(ayni_field_gross("Subtotal Neto"));
	assert_false(ayni_field_gross("in_price_total"));
}

/* Bsale's "detalle de ventas" and other real headers, with no --map. */
static void
test_real_headers(void **state)
{
	static const char *const bsale[] = {
		"Fecha de Emisi\xc3\xb3n", "Tipo Documento", "N\xc2\xb0 Documento",
		"Sucursal", "SKU", "Cantidad", "Subtotal Neto", "IVA", "Total",
	};
	static const char *const pos[] = {
		"Fecha", "Caja", "Nro Ticket", "Producto", "Cant", "Total",
		"Impuesto",
	};
	ayni_header_map m;

	(void)state;
	ayni_header_match(bsale, 9, &m);
	assert_int_equal(m.col[AYNI_F_DT], 0);
	assert_int_equal(m.col[AYNI_F_DOC_TYPE], 1);
	assert_int_equal(m.col[AYNI_F_TRANS_ID], 2);
	assert_int_equal(m.col[AYNI_F_BRANCH], 3);
	assert_int_equal(m.col[AYNI_F_PRICE_TOTAL], 6);	/* net, not gross */
	assert_int_equal(m.dup[AYNI_F_PRICE_TOTAL], 8);
	assert_int_equal(m.col[AYNI_F_TAX], 7);
	ayni_header_match(pos, 7, &m);
	assert_int_equal(m.col[AYNI_F_BRANCH], 1);
	assert_int_equal(m.col[AYNI_F_TRANS_ID], 2);
	assert_int_equal(m.col[AYNI_F_PRICE_TOTAL], 5);
	assert_int_equal(m.col[AYNI_F_TAX], 6);
}

/*
 * The SII sales register is recognised by its headers; a file with no
 * product and no quantity column is document-level, but one that also
 * lacks a date (say) still lists every missing field.
 */
static void
test_document_level(void **state)
{
	static const char *const rcv[] = {
		"Nro", "Tipo Doc", "Tipo Venta", "Rut cliente", "Razon Social",
		"Folio", "Fecha Docto", "Fecha Recepcion", "Fecha Acuse Reclamo",
		"Fecha Reclamo", "Monto Exento", "Monto Neto", "Monto IVA",
		"Monto total", "IVA Retenido Total",
	};
	static const char *const invoices[] = {
		"Fecha", "Folio", "Cliente", "Total neto", "Total exento",
	};
	static const char *const bad[] = { "Folio", "Producto", "Monto" };
	static const char *const noproduct[] = {
		"Fecha", "Folio", "Cantidad", "Total",
	};
	ayni_header_map m;
	ayni_error err = { 0, "", 0 };
	int f;

	(void)state;
	ayni_header_match(rcv, 15, &m);
	assert_int_equal(m.known, AYNI_EXPORT_SII_RCV);
	assert_string_equal(ayni_export_name(m.known), "sii-rcv");
	assert_int_equal(m.col[AYNI_F_DT], 6);
	assert_int_equal(m.col[AYNI_F_TRANS_ID], 5);
	assert_int_equal(m.col[AYNI_F_DOC_TYPE], 1);
	assert_int_equal(m.col[AYNI_F_CUSTOMER_ID], 3);
	assert_int_equal(m.col[AYNI_F_PRICE_TOTAL], 11);	/* net */
	assert_int_equal(m.col[AYNI_F_EXEMPT], 10);
	/* nothing else: not "Monto IVA" as a tax, not "Nro" */
	for (f = 0; f < AYNI_FIELD_COUNT; f++)
		if (f != AYNI_F_DT && f != AYNI_F_TRANS_ID &&
		    f != AYNI_F_DOC_TYPE && f != AYNI_F_CUSTOMER_ID &&
		    f != AYNI_F_PRICE_TOTAL && f != AYNI_F_EXEMPT)
			assert_int_equal(m.col[f], -1);
	assert_true(ayni_header_document_level(&m));
	assert_int_equal(ayni_header_check(&m, rcv, 15, &err), 0);

	/* any invoice list: synonyms, no signature */
	ayni_header_match(invoices, 5, &m);
	assert_int_equal(m.known, AYNI_EXPORT_NONE);
	assert_int_equal(m.col[AYNI_F_EXEMPT], 4);
	assert_true(ayni_header_document_level(&m));
	assert_int_equal(ayni_header_check(&m, invoices, 5, &err), 0);

	/* a product but no quantity is not document-level */
	ayni_header_match(bad, 3, &m);
	assert_false(ayni_header_document_level(&m));
	assert_int_equal(ayni_header_check(&m, bad, 3, &err), AYNI_EDATA);
	assert_non_null(strstr(err.msg, "'in_dt', 'in_quantity'"));

	/* nor is a quantity without a product: its header went unseen */
	ayni_header_match(noproduct, 4, &m);
	assert_false(ayni_header_document_level(&m));
	assert_int_equal(ayni_header_check(&m, noproduct, 4, &err),
	    AYNI_EDATA);
	assert_non_null(strstr(err.msg, "missing required fields "
	    "'in_product_id';"));

	/* no product or quantity, and no date: all of them are named */
	ayni_header_match(bad + 0, 1, &m);
	assert_int_equal(ayni_header_check(&m, bad, 1, &err), AYNI_EDATA);
	assert_non_null(strstr(err.msg, "'in_dt', 'in_product_id', "
	    "'in_quantity', 'in_price_total'"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_normalize),
		cmocka_unit_test(test_table),
		cmocka_unit_test(test_synonyms),
		cmocka_unit_test(test_pos_export),
		cmocka_unit_test(test_bom_header),
		cmocka_unit_test(test_duplicates_and_missing),
		cmocka_unit_test(test_synonyms_unique),
		cmocka_unit_test(test_real_headers),
		cmocka_unit_test(test_document_level),
	};

	return cmocka_run_group_tests_name("fields", tests, NULL, NULL);
}
