/*
 * test_record.c - one record into one sales line, without a database:
 * field parsing under given marks and date order, returns by marker and
 * by sign, what is inferred (unit price, cost, discount, margin, the
 * revenue of a file without a total, the net of a gross total), and the
 * records refused, each with its one-line reason.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "ayni/fields.h"
#include "ayni/record.h"
#include "ayni/returns.h"

/* A record split on ';', as the CSV reader hands it over. */
struct row {
	char		 buf[512];
	const char	*f[32];
	size_t		 n;
};

static void
split(struct row *r, const char *text)
{
	char *p;

	assert_true(strlen(text) < sizeof(r->buf));
	strcpy(r->buf, text);
	r->n = 0;
	r->f[r->n++] = r->buf;
	for (p = r->buf; *p != '\0'; p++)
		if (*p == ';') {
			*p = '\0';
			assert_true(r->n < 32);
			r->f[r->n++] = p + 1;
		}
}

/*
 * The format of a file whose columns hold fields[0..n) (-1: a column no
 * field takes), read the Chilean way: decimal comma, day first.
 */
static void
format(ayni_record_format *fmt, const char *const *header,
    const int *fields, size_t n, const ayni_returns *ret)
{
	size_t i;
	int f;

	memset(fmt, 0, sizeof(*fmt));
	fmt->name = "t.csv";
	fmt->header = header;
	fmt->nheader = n;
	fmt->product_alt = -1;
	fmt->order = AYNI_DATE_DAY_FIRST;
	fmt->ret = ret;
	for (f = 0; f < AYNI_FIELD_COUNT; f++) {
		fmt->col[f] = -1;
		if (ayni_fields[f].kind == AYNI_KIND_MONEY ||
		    ayni_fields[f].kind == AYNI_KIND_QTY)
			fmt->mark[f] = ',';
	}
	for (i = 0; i < n; i++)
		if (fields[i] >= 0)
			fmt->col[fields[i]] = (int)i;
}

static int
parse(const ayni_record_format *fmt, int64_t line, struct row *r,
    const char *text, ayni_record *l, ayni_error *err)
{
	split(r, text);
	memset(err, 0, sizeof(*err));
	return ayni_record_parse(fmt, line, r->f, r->n, l, err);
}

/* The five required fields, and a wider file with costs and prices. */
static const char *const basic_hdr[] = {
	"Fecha", "Boleta", "SKU", "Cantidad", "Total"
};
static const int basic_fields[] = {
	AYNI_F_DT, AYNI_F_TRANS_ID, AYNI_F_PRODUCT_ID, AYNI_F_QUANTITY,
	AYNI_F_PRICE_TOTAL
};
static const char *const wide_hdr[] = {
	"Fecha", "Boleta", "SKU", "Cantidad", "Total", "Total costo",
	"Costo unitario", "Precio unitario", "Comision"
};
static const int wide_fields[] = {
	AYNI_F_DT, AYNI_F_TRANS_ID, AYNI_F_PRODUCT_ID, AYNI_F_QUANTITY,
	AYNI_F_PRICE_TOTAL, AYNI_F_COST_TOTAL, AYNI_F_COST_UNIT,
	AYNI_F_PRICE_UNIT, AYNI_F_COMMISSION_TOTAL
};
#define N(a)	(sizeof(a) / sizeof((a)[0]))

static void
test_fields(void **state)
{
	ayni_record_format fmt;
	ayni_record l;
	ayni_error err;
	struct row r;

	(void)state;
	format(&fmt, basic_hdr, basic_fields, N(basic_hdr), NULL);
	assert_int_equal(parse(&fmt, 2, &r, "01-10-2025 09:30;B-7;A;1,5;"
	    "1.234,5", &l, &err), 0);
	assert_string_equal(l.dt, "2025-10-01 09:30:00");
	assert_string_equal(l.text[AYNI_F_TRANS_ID], "B-7");
	assert_string_equal(l.text[AYNI_F_PRODUCT_ID], "A");
	assert_null(l.text[AYNI_F_BRANCH]);
	assert_int_equal(l.num[AYNI_F_QUANTITY], 1500);
	assert_int_equal(l.num[AYNI_F_PRICE_TOTAL], 123450);
	assert_int_equal(l.is_return, 0);
	/* the same cells under a decimal point and month first */
	fmt.mark[AYNI_F_QUANTITY] = '.';
	fmt.order = AYNI_DATE_MONTH_FIRST;
	assert_int_equal(parse(&fmt, 2, &r, "01-10-2025;B-7;A;1.5;1.234",
	    &l, &err), 0);
	assert_string_equal(l.dt, "2025-01-10 00:00:00");
	assert_int_equal(l.num[AYNI_F_QUANTITY], 1500);
	assert_int_equal(l.num[AYNI_F_PRICE_TOTAL], 123400);
	/* a given format wins over the order */
	fmt.date_format = "%Y/%m/%d";
	assert_int_equal(parse(&fmt, 2, &r, "2025/10/03;1;A;1;1", &l, &err),
	    0);
	assert_string_equal(l.dt, "2025-10-03 00:00:00");
}

static void
test_inference(void **state)
{
	ayni_record_format fmt;
	ayni_record l;
	ayni_error err;
	struct row r;

	(void)state;
	format(&fmt, wide_hdr, wide_fields, N(wide_hdr), NULL);
	/*
	 * cost_total given -> cost_unit; a given unit price reveals the
	 * discount; the margin is net of the commission.
	 */
	assert_int_equal(parse(&fmt, 2, &r, "01-10-2025;1;A;2;1.800;1.000;;"
	    "1.000;50", &l, &err), 0);
	assert_int_equal(l.num[AYNI_F_COST_UNIT], 50000);
	assert_int_equal(l.num[AYNI_F_COST_TOTAL], 100000);
	assert_int_equal(l.num[AYNI_F_PRICE_UNIT], 100000);
	assert_true(l.has[AYNI_F_DISCOUNT_TOTAL]);
	assert_int_equal(l.num[AYNI_F_DISCOUNT_TOTAL], 20000);
	assert_int_equal(l.num[AYNI_F_MARGIN], 180000 - 100000 - 5000);
	/*
	 * cost_unit given -> cost_total; the unit price inferred from the
	 * total, and then no discount: nothing to infer it from.
	 */
	assert_int_equal(parse(&fmt, 3, &r, "01-10-2025;1;B;1,5;3.000;;800;;",
	    &l, &err), 0);
	assert_int_equal(l.num[AYNI_F_COST_TOTAL], 120000);
	assert_int_equal(l.num[AYNI_F_PRICE_UNIT], 200000);
	assert_false(l.has[AYNI_F_DISCOUNT_TOTAL]);
	assert_false(l.has[AYNI_F_COMMISSION_TOTAL]);
	assert_int_equal(l.num[AYNI_F_MARGIN], 180000);
	/* quantity 0: no unit values, no cost, no margin */
	assert_int_equal(parse(&fmt, 4, &r, "01-10-2025;2;C;0;500;;;;", &l,
	    &err), 0);
	assert_false(l.has[AYNI_F_PRICE_UNIT]);
	assert_false(l.has[AYNI_F_COST_UNIT]);
	assert_false(l.has[AYNI_F_MARGIN]);
	/* a unit price above the total is no negative discount */
	assert_int_equal(parse(&fmt, 5, &r, "01-10-2025;3;D;1;900;;;800;", &l,
	    &err), 0);
	assert_int_equal(l.num[AYNI_F_DISCOUNT_TOTAL], 0);
}

static void
test_unit_price_rounding(void **state)
{
	ayni_record_format fmt;
	ayni_record l;
	ayni_error err;
	struct row r;

	(void)state;
	format(&fmt, wide_hdr, wide_fields, N(wide_hdr), NULL);
	/* more decimals than a peso has cents: rounded, half away from 0 */
	assert_int_equal(parse(&fmt, 2, &r, "01-10-2025;1;A;3;2.500;;0,125;"
	    "833,3333;", &l, &err), 0);
	assert_int_equal(l.num[AYNI_F_PRICE_UNIT], 83333);
	assert_int_equal(l.num[AYNI_F_COST_UNIT], 13);
	assert_int_equal(l.num[AYNI_F_COST_TOTAL], 39);
	assert_int_equal(parse(&fmt, 3, &r, "01-10-2025;1;A;-1;-100;;-0,125;;",
	    &l, &err), 0);
	assert_int_equal(l.num[AYNI_F_COST_UNIT], 13);	/* a return: |x| */
	/* a total must be exact: it is what is summed */
	assert_int_equal(parse(&fmt, 4, &r, "01-10-2025;1;A;1;2,505;;;;",
	    &l, &err), AYNI_EDATA);
	assert_int_equal(err.line, 4);
	assert_non_null(strstr(err.msg, "t.csv:4: field 'in_price_total' "
	    "(header 'Total'): "));
}

static void
test_returns_by_marker(void **state)
{
	static const char *const hdr[] = {
		"Fecha", "Boleta", "SKU", "Cantidad", "Total", "Tipo",
		"Utilidad"
	};
	static const int fields[] = {
		AYNI_F_DT, AYNI_F_TRANS_ID, AYNI_F_PRODUCT_ID,
		AYNI_F_QUANTITY, AYNI_F_PRICE_TOTAL, AYNI_F_TRANS_TYPE,
		AYNI_F_MARGIN
	};
	ayni_record_format fmt;
	ayni_returns *ret;
	ayni_record l;
	ayni_error err;
	struct row r;

	(void)state;
	assert_int_equal(ayni_returns_new(&ret, NULL, &err), 0);
	format(&fmt, hdr, fields, N(hdr), ret);
	assert_int_equal(parse(&fmt, 2, &r, "01-10-2025;1;A;1;100;Venta;",
	    &l, &err), 0);
	assert_int_equal(l.is_return, 0);
	/* every sign convention ends as magnitudes */
	assert_int_equal(parse(&fmt, 3, &r, "01-10-2025;2;A;1;-1.000;"
	    "Devolución;", &l, &err), 0);
	assert_int_equal(l.is_return, 1);
	assert_int_equal(l.num[AYNI_F_QUANTITY], 1000);
	assert_int_equal(l.num[AYNI_F_PRICE_TOTAL], 100000);
	assert_int_equal(parse(&fmt, 4, &r, "01-10-2025;3;A;-2;-1.000;NC;",
	    &l, &err), 0);
	assert_int_equal(l.is_return, 1);
	assert_int_equal(l.num[AYNI_F_QUANTITY], 2000);
	/* a given margin follows the total's sign: a loss stays a loss */
	assert_int_equal(parse(&fmt, 5, &r, "01-10-2025;4;A;1;-800;NC;200",
	    &l, &err), 0);
	assert_int_equal(l.num[AYNI_F_PRICE_TOTAL], 80000);
	assert_int_equal(l.num[AYNI_F_MARGIN], -20000);
	/* with a type column, signs alone do not make a return */
	assert_int_equal(parse(&fmt, 6, &r, "01-10-2025;5;A;-1;-100;Venta;",
	    &l, &err), 0);
	assert_int_equal(l.is_return, 0);
	assert_int_equal(l.num[AYNI_F_QUANTITY], -1000);
	assert_int_equal(l.num[AYNI_F_PRICE_TOTAL], -10000);
	ayni_returns_free(ret);

	/* a source's own codes replace the built-in markers */
	assert_int_equal(ayni_returns_new(&ret, "^DV$", &err), 0);
	fmt.ret = ret;
	assert_int_equal(parse(&fmt, 2, &r, "01-10-2025;1;A;1;100;dv;", &l,
	    &err), 0);
	assert_int_equal(l.is_return, 1);
	assert_int_equal(parse(&fmt, 3, &r, "01-10-2025;1;A;1;100;Devolución;",
	    &l, &err), 0);
	assert_int_equal(l.is_return, 0);
	ayni_returns_free(ret);
}

static void
test_returns_by_sign(void **state)
{
	ayni_record_format fmt;
	ayni_record l;
	ayni_error err;
	struct row r;

	(void)state;
	format(&fmt, basic_hdr, basic_fields, N(basic_hdr), NULL);
	/* no type column: negative quantity and total make a return */
	assert_int_equal(parse(&fmt, 2, &r, "01-10-2025;1;A;-1;-1.190", &l,
	    &err), 0);
	assert_int_equal(l.is_return, 1);
	assert_int_equal(l.num[AYNI_F_QUANTITY], 1000);
	assert_int_equal(l.num[AYNI_F_PRICE_TOTAL], 119000);
	assert_int_equal(l.num[AYNI_F_PRICE_UNIT], 119000);
	/* one negative alone is not one */
	assert_int_equal(parse(&fmt, 3, &r, "01-10-2025;1;A;-1;1.190", &l,
	    &err), 0);
	assert_int_equal(l.is_return, 0);
	assert_int_equal(l.num[AYNI_F_QUANTITY], -1000);
	assert_int_equal(parse(&fmt, 4, &r, "01-10-2025;1;A;1;-1.190", &l,
	    &err), 0);
	assert_int_equal(l.is_return, 0);
	assert_int_equal(l.num[AYNI_F_PRICE_TOTAL], -119000);
}

static void
test_net_of_tax(void **state)
{
	static const char *const hdr[] = {
		"Fecha", "Ticket", "SKU", "Cantidad", "Total", "IVA"
	};
	static const int fields[] = {
		AYNI_F_DT, AYNI_F_TRANS_ID, AYNI_F_PRODUCT_ID,
		AYNI_F_QUANTITY, AYNI_F_PRICE_TOTAL, AYNI_F_TAX
	};
	ayni_record_format fmt;
	ayni_record l;
	ayni_error err;
	struct row r;

	(void)state;
	format(&fmt, hdr, fields, N(hdr), NULL);
	/* a net total is taken as it is, tax or not */
	assert_int_equal(parse(&fmt, 2, &r, "01-10-2025;1;A;1;1.190;190", &l,
	    &err), 0);
	assert_int_equal(l.num[AYNI_F_PRICE_TOTAL], 119000);
	/* a gross one loses its tax, a return's too */
	fmt.net_from_tax = 1;
	assert_int_equal(parse(&fmt, 2, &r, "01-10-2025;1;A;1;1.190;190", &l,
	    &err), 0);
	assert_int_equal(l.num[AYNI_F_PRICE_TOTAL], 100000);
	assert_int_equal(l.num[AYNI_F_TAX], 19000);
	assert_int_equal(parse(&fmt, 3, &r, "01-10-2025;2;A;-1;-1.190;-190",
	    &l, &err), 0);
	assert_int_equal(l.is_return, 1);
	assert_int_equal(l.num[AYNI_F_PRICE_TOTAL], 100000);
	/* no tax on the line: the total stands */
	assert_int_equal(parse(&fmt, 4, &r, "01-10-2025;3;A;1;1.190;", &l,
	    &err), 0);
	assert_int_equal(l.num[AYNI_F_PRICE_TOTAL], 119000);
}

static void
test_total_from_unit(void **state)
{
	static const char *const hdr[] = {
		"Created at", "Name", "Lineitem sku", "Lineitem quantity",
		"Lineitem price", "Lineitem discount"
	};
	static const int fields[] = {
		AYNI_F_DT, AYNI_F_TRANS_ID, AYNI_F_PRODUCT_ID,
		AYNI_F_QUANTITY, AYNI_F_PRICE_UNIT, AYNI_F_DISCOUNT_TOTAL
	};
	ayni_record_format fmt;
	ayni_record l;
	ayni_error err;
	struct row r;

	(void)state;
	format(&fmt, hdr, fields, N(hdr), NULL);
	fmt.total_from_unit = 1;
	assert_int_equal(parse(&fmt, 2, &r, "01-10-2025;#1001;A;3;1.990;500",
	    &l, &err), 0);
	assert_int_equal(l.num[AYNI_F_PRICE_TOTAL], (3 * 1990 - 500) * 100);
	assert_int_equal(l.num[AYNI_F_DISCOUNT_TOTAL], 50000);
	/* rounded half away from zero, to the cent */
	assert_int_equal(parse(&fmt, 3, &r, "01-10-2025;#1002;A;0,333;1,5;",
	    &l, &err), 0);
	assert_int_equal(l.num[AYNI_F_PRICE_TOTAL], 50);
	/* the unit price is given: the discount is known to be none */
	assert_true(l.has[AYNI_F_DISCOUNT_TOTAL]);
	assert_int_equal(l.num[AYNI_F_DISCOUNT_TOTAL], 0);
	/* a negative quantity gives a negative total: a return, unsigned */
	assert_int_equal(parse(&fmt, 4, &r, "01-10-2025;#1003;A;-0,333;1,5;",
	    &l, &err), 0);
	assert_int_equal(l.is_return, 1);
	assert_int_equal(l.num[AYNI_F_PRICE_TOTAL], 50);
	/* without a unit price there is no revenue to compute */
	assert_int_equal(parse(&fmt, 7, &r, "01-10-2025;#1004;A;1;;", &l,
	    &err), AYNI_EDATA);
	assert_int_equal(err.line, 7);
	assert_string_equal(err.msg, "t.csv:7: field 'in_price_unit' (header "
	    "'Lineitem price'): empty, and the file has no line total to "
	    "read instead");
	/* each value fits, the product does not */
	assert_int_equal(parse(&fmt, 8, &r, "01-10-2025;#1005;A;1.000.000;"
	    "1.000.000.000;", &l, &err), AYNI_EDATA);
	assert_string_equal(err.msg, "t.csv:8: quantity x unit price is too "
	    "large for one sales line");
}

static void
test_refused(void **state)
{
	ayni_record_format fmt;
	ayni_record l;
	ayni_error err;
	struct row r;

	(void)state;
	format(&fmt, basic_hdr, basic_fields, N(basic_hdr), NULL);
	assert_int_equal(parse(&fmt, 5, &r, "01-10-2025;1;A;1", &l, &err),
	    AYNI_EDATA);
	assert_int_equal(err.line, 5);
	assert_string_equal(err.msg, "t.csv:5: expected 5 fields, found 4");
	assert_int_equal(parse(&fmt, 6, &r, "01-10-2025;1;A;1;100;x", &l,
	    &err), AYNI_EDATA);
	assert_string_equal(err.msg, "t.csv:6: expected 5 fields, found 6 "
	    "('x' after the last column)");
	/* empty cells past the header are Excel's: harmless */
	assert_int_equal(parse(&fmt, 7, &r, "01-10-2025;1;A;1;100;;", &l,
	    &err), 0);
	/* a required field empty, and the likely cause when rows are ragged */
	assert_int_equal(parse(&fmt, 8, &r, "01-10-2025;;A;1;100", &l, &err),
	    AYNI_EDATA);
	assert_string_equal(err.msg, "t.csv:8: field 'in_trans_id' (header "
	    "'Boleta'): empty");
	assert_int_equal(parse(&fmt, 9, &r, "01-10-2025;;A;1;100;", &l, &err),
	    AYNI_EDATA);
	assert_string_equal(err.msg, "t.csv:9: expected 5 fields, found 6 "
	    "(field 'in_trans_id', header 'Boleta', is empty)");
	/* a value that is no number, no date */
	assert_int_equal(parse(&fmt, 10, &r, "01-10-2025;1;A;uno;100", &l,
	    &err), AYNI_EDATA);
	assert_non_null(strstr(err.msg, "t.csv:10: field 'in_quantity' "
	    "(header 'Cantidad'): "));
	assert_int_equal(parse(&fmt, 11, &r, "32-10-2025;1;A;1;100", &l,
	    &err), AYNI_EDATA);
	assert_non_null(strstr(err.msg, "t.csv:11: field 'in_dt' (header "
	    "'Fecha'): "));
	/* the separator of txn_key cannot be part of a key */
	assert_int_equal(parse(&fmt, 12, &r, "01-10-2025;1\x1f" "2;A;1;100",
	    &l, &err), AYNI_EDATA);
	assert_string_equal(err.msg, "t.csv:12: field 'in_trans_id' (header "
	    "'Boleta'): control character U+001F in a key field");
}

static void
test_too_large(void **state)
{
	ayni_record_format fmt;
	ayni_record l;
	ayni_error err;
	struct row r;

	(void)state;
	format(&fmt, basic_hdr, basic_fields, N(basic_hdr), NULL);
	assert_int_equal(parse(&fmt, 2, &r, "01-10-2025;1;A;1;"
	    "999.999.999.999", &l, &err), 0);
	assert_int_equal(l.num[AYNI_F_PRICE_TOTAL], AYNI_RECORD_MAX - 100);
	assert_int_equal(parse(&fmt, 3, &r, "01-10-2025;1;A;1;"
	    "1.000.000.000.001", &l, &err), AYNI_EDATA);
	assert_string_equal(err.msg, "t.csv:3: field 'in_price_total' "
	    "(header 'Total'): '1.000.000.000.001' is too large for one "
	    "sales line");
	assert_int_equal(parse(&fmt, 4, &r, "01-10-2025;1;A;"
	    "-2.000.000.000.000;1", &l, &err), AYNI_EDATA);
	assert_string_equal(err.msg, "t.csv:4: field 'in_quantity' "
	    "(header 'Cantidad'): '-2.000.000.000.000' is too large for one "
	    "sales line");
}

static void
test_product_alt(void **state)
{
	static const char *const hdr[] = {
		"Fecha", "Boleta", "SKU", "Producto", "Cantidad", "Total"
	};
	static const int fields[] = {
		AYNI_F_DT, AYNI_F_TRANS_ID, AYNI_F_PRODUCT_ID,
		AYNI_F_DESCRIPTION, AYNI_F_QUANTITY, AYNI_F_PRICE_TOTAL
	};
	ayni_record_format fmt;
	ayni_record l;
	ayni_error err;
	struct row r;

	(void)state;
	format(&fmt, hdr, fields, N(hdr), NULL);
	assert_int_equal(parse(&fmt, 2, &r, "01-10-2025;1;;Pan;1;100", &l,
	    &err), AYNI_EDATA);
	fmt.product_alt = 3;
	assert_int_equal(parse(&fmt, 2, &r, "01-10-2025;1;;Pan;1;100", &l,
	    &err), 0);
	assert_string_equal(l.text[AYNI_F_PRODUCT_ID], "Pan");
	assert_int_equal(parse(&fmt, 3, &r, "01-10-2025;1;P-1;Pan;1;100", &l,
	    &err), 0);
	assert_string_equal(l.text[AYNI_F_PRODUCT_ID], "P-1");
}

static void
test_totals_and_codes(void **state)
{
	const char *total[] = { "", "Totales:", "", "1.000" };
	const char *sub[] = { "SUB-TOTAL", "1" };
	const char *sale[] = { "01-10-2025", "Total" };
	const char *blank[] = { "", "" };

	(void)state;
	assert_true(ayni_record_is_total(total, 4));
	assert_true(ayni_record_is_total(sub, 2));
	assert_false(ayni_record_is_total(sale, 2));
	assert_false(ayni_record_is_total(blank, 2));
	assert_true(ayni_record_code_rounded("7,80161E+12"));
	assert_true(ayni_record_code_rounded("7.8e12"));
	assert_false(ayni_record_code_rounded("7801610001234"));
	assert_false(ayni_record_code_rounded("E12"));
	assert_false(ayni_record_code_rounded("7,8E+"));
	assert_false(ayni_record_code_rounded("7,8E+12x"));
}

/*
 * A document-level file (no product, no quantity): lines without either;
 * an exempt amount adds to the net; a credit note is a return and a
 * dispatch guide not a sale; where customers are RUTs they are stored
 * canonical; with no type column a negative total alone is a return.
 */
static void
test_document_level(void **state)
{
	static const char *const hdr[] = {
		"Tipo Doc", "Rut cliente", "Folio", "Fecha Docto",
		"Monto Exento", "Monto Neto"
	};
	static const int fields[] = {
		AYNI_F_DOC_TYPE, AYNI_F_CUSTOMER_ID, AYNI_F_TRANS_ID, AYNI_F_DT,
		AYNI_F_EXEMPT, AYNI_F_PRICE_TOTAL
	};
	static const char *const hdr2[] = { "Fecha", "Folio", "Total" };
	static const int fields2[] = {
		AYNI_F_DT, AYNI_F_TRANS_ID, AYNI_F_PRICE_TOTAL
	};
	ayni_record_format fmt;
	ayni_returns *ret;
	ayni_record l;
	ayni_error err;
	struct row r;

	(void)state;
	assert_int_equal(ayni_returns_new(&ret, NULL, &err), 0);
	format(&fmt, hdr, fields, N(hdr), ret);
	fmt.add_exempt = 1;
	fmt.customer_rut = 1;
	assert_int_equal(parse(&fmt, 2, &r,
	    "33;76.086.428-5;1501;01/10/2025;12000;230450", &l, &err), 0);
	assert_null(l.text[AYNI_F_PRODUCT_ID]);
	assert_false(l.has[AYNI_F_QUANTITY]);
	assert_int_equal(l.num[AYNI_F_PRICE_TOTAL], 24245000);	/* cents */
	assert_false(l.has[AYNI_F_PRICE_UNIT]);		/* no quantity */
	assert_string_equal(l.text[AYNI_F_CUSTOMER_ID], "76086428-5");
	assert_false(l.is_return);
	assert_false(l.not_sale);
	/* an invalid RUT is kept as written; an empty exempt adds nothing */
	assert_int_equal(parse(&fmt, 3, &r,
	    "61;96512340-K;301;09/10/2025;;15000", &l, &err), 0);
	assert_string_equal(l.text[AYNI_F_CUSTOMER_ID], "96512340-K");
	assert_true(l.is_return);
	assert_int_equal(l.num[AYNI_F_PRICE_TOTAL], 1500000);
	assert_int_equal(parse(&fmt, 4, &r,
	    "112;76086428-5;7;09/10/2025;5000;0", &l, &err), 0);
	assert_true(l.is_return);			/* export credit note */
	assert_int_equal(parse(&fmt, 5, &r,
	    "52;76086428-5;4410;06/10/2025;0;230450", &l, &err), 0);
	assert_true(l.not_sale);
	assert_false(l.is_return);
	/* without the flags: the net alone, the customer as written */
	fmt.add_exempt = 0;
	fmt.customer_rut = 0;
	assert_int_equal(parse(&fmt, 2, &r,
	    "33;76.086.428-5;1501;01/10/2025;12000;230450", &l, &err), 0);
	assert_int_equal(l.num[AYNI_F_PRICE_TOTAL], 23045000);
	assert_string_equal(l.text[AYNI_F_CUSTOMER_ID], "76.086.428-5");
	ayni_returns_free(ret);

	/* no type column, no quantity: a negative total is a return */
	format(&fmt, hdr2, fields2, N(hdr2), NULL);
	assert_int_equal(parse(&fmt, 2, &r, "01-10-2025;9;-1.190", &l,
	    &err), 0);
	assert_true(l.is_return);
	assert_int_equal(l.num[AYNI_F_PRICE_TOTAL], 119000);
	assert_int_equal(parse(&fmt, 3, &r, "01-10-2025;10;1.190", &l,
	    &err), 0);
	assert_false(l.is_return);
	assert_false(ayni_record_code_rounded(NULL));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fields),
		cmocka_unit_test(test_inference),
		cmocka_unit_test(test_unit_price_rounding),
		cmocka_unit_test(test_returns_by_marker),
		cmocka_unit_test(test_returns_by_sign),
		cmocka_unit_test(test_net_of_tax),
		cmocka_unit_test(test_total_from_unit),
		cmocka_unit_test(test_refused),
		cmocka_unit_test(test_too_large),
		cmocka_unit_test(test_product_alt),
		cmocka_unit_test(test_totals_and_codes),
		cmocka_unit_test(test_document_level),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
