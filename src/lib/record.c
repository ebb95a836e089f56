/*
 * record.c - one CSV record into one sales line under the formats the
 * upload decided for its file: parse every mapped field, then mark
 * returns and infer what docs/contract.md §5 lets us infer.
 *
 * Everything here is a function of the record and the format alone, so
 * it is tested without a database (tests/unit/test_record.c).
 *
 * Not here: deciding the formats (dialect.c), the spool, storing and
 * merging the lines (upload.c, store.c).
 */
#include <inttypes.h>
#include <string.h>

#include "ayni/intl.h"
#include "ayni/fields.h"
#include "ayni/parse.h"
#include "ayni/record.h"
#include "ayni/rut.h"
#include "ayni/returns.h"

/* Round a / b half away from zero (b > 0). */
static int64_t
div_round(__int128 a, __int128 b)
{
	__int128 q = (a < 0 ? a - b / 2 : a + b / 2) / b;

	return (int64_t)q;
}

static int
fits(__int128 v)
{
	return v >= INT64_MIN && v <= INT64_MAX;
}

/*
 * A return is stored as magnitudes, whatever signs the file used (POS
 * exports write credit notes both ways, sometimes mixed on one line); the
 * rollups subtract it.  A margin given with the file's negative convention
 * is turned around with the total, so a return of a sale that lost money
 * keeps its (negative) margin and the rollup gives it back.
 */
static void
unsign_return(ayni_record *l)
{
	static const int f[] = { AYNI_F_QUANTITY, AYNI_F_PRICE_TOTAL,
	    AYNI_F_COST_UNIT, AYNI_F_COST_TOTAL, AYNI_F_PRICE_UNIT,
	    AYNI_F_DISCOUNT_TOTAL, AYNI_F_COMMISSION_TOTAL };
	int negative = l->num[AYNI_F_PRICE_TOTAL] < 0;
	size_t i;

	for (i = 0; i < sizeof(f) / sizeof(f[0]); i++)
		if (l->num[f[i]] < 0)
			l->num[f[i]] = -l->num[f[i]];
	if (negative && l->has[AYNI_F_MARGIN])
		l->num[AYNI_F_MARGIN] = -l->num[AYNI_F_MARGIN];
}

/*
 * Inference, docs/contract.md §5: only from inputs that exist; nothing
 * invented.
 */
static void
infer(ayni_record *l)
{
	int64_t q = l->num[AYNI_F_QUANTITY];
	int given_pu = l->has[AYNI_F_PRICE_UNIT];
	__int128 v;

	if (!l->has[AYNI_F_COST_UNIT] && l->has[AYNI_F_COST_TOTAL] && q != 0) {
		l->num[AYNI_F_COST_UNIT] = div_round(
		    (__int128)l->num[AYNI_F_COST_TOTAL] * 1000, q);
		l->has[AYNI_F_COST_UNIT] = 1;
	}
	if (!l->has[AYNI_F_COST_TOTAL] && l->has[AYNI_F_COST_UNIT]) {
		v = (__int128)l->num[AYNI_F_COST_UNIT] * q;
		if (fits(v / 1000)) {
			l->num[AYNI_F_COST_TOTAL] = div_round(v, 1000);
			l->has[AYNI_F_COST_TOTAL] = 1;
		}
	}
	if (!l->has[AYNI_F_PRICE_UNIT] && q != 0) {
		l->num[AYNI_F_PRICE_UNIT] = div_round(
		    (__int128)l->num[AYNI_F_PRICE_TOTAL] * 1000, q);
		l->has[AYNI_F_PRICE_UNIT] = 1;
	}
	/*
	 * Only a price_unit from the file can reveal a discount; without
	 * one there is nothing to infer it from, and it stays NULL.
	 */
	if (!l->has[AYNI_F_DISCOUNT_TOTAL] && given_pu) {
		int64_t d = 0;

		v = (__int128)l->num[AYNI_F_PRICE_UNIT] * q;
		if (fits(v / 1000)) {
			d = div_round(v, 1000) - l->num[AYNI_F_PRICE_TOTAL];
			if (d < 0)
				d = 0;
		}
		l->num[AYNI_F_DISCOUNT_TOTAL] = d;
		l->has[AYNI_F_DISCOUNT_TOTAL] = 1;
	}
	if (!l->has[AYNI_F_MARGIN] && l->has[AYNI_F_COST_TOTAL]) {
		l->num[AYNI_F_MARGIN] = l->num[AYNI_F_PRICE_TOTAL] -
		    l->num[AYNI_F_COST_TOTAL] -
		    (l->has[AYNI_F_COMMISSION_TOTAL] ?
		    l->num[AYNI_F_COMMISSION_TOTAL] : 0);
		l->has[AYNI_F_MARGIN] = 1;
	}
}

/*
 * Whether l is a return (returns.h has the rule): a marker in its
 * transaction or document type, or, with neither column in the file, a
 * negative quantity and a negative total.
 */
static int
mark_return(const ayni_record_format *fmt, int64_t line, ayni_record *l,
    ayni_error *err)
{
	static const ayni_field_id marker[] = {
		AYNI_F_TRANS_TYPE, AYNI_F_DOC_TYPE
	};
	ayni_error e;
	size_t i;
	int rc;

	for (i = 0; i < sizeof(marker) / sizeof(marker[0]); i++) {
		if (fmt->col[marker[i]] < 0)
			continue;
		if ((rc = ayni_returns_match(fmt->ret, l->text[marker[i]],
		    &e)) < 0)
			return ayni_error_set_line(err, AYNI_EDATA, line,
			    _("%s:%" PRId64 ": field '%s' (header '%s'): %s"),
			    fmt->name, line, ayni_fields[marker[i]].name,
			    fmt->header[fmt->col[marker[i]]], e.msg);
		if (rc == 1) {
			l->is_return = 1;
			return 0;
		}
	}
	/*
	 * No marker column: a negative quantity and total, or in a
	 * document-level file (no quantity) a negative total, is a return.
	 */
	if (fmt->col[AYNI_F_TRANS_TYPE] < 0 && fmt->col[AYNI_F_DOC_TYPE] < 0 &&
	    l->num[AYNI_F_PRICE_TOTAL] < 0 && (l->num[AYNI_F_QUANTITY] < 0 ||
	    fmt->col[AYNI_F_QUANTITY] < 0))
		l->is_return = 1;
	return 0;
}

/*
 * A file without a line total (Shopify's orders export): the revenue is
 * quantity x unit price, less the discount the line carries.
 */
static int
total_from_unit(const ayni_record_format *fmt, int64_t line, ayni_record *l,
    ayni_error *err)
{
	__int128 v;

	if (!l->has[AYNI_F_PRICE_UNIT])
		return ayni_error_set_line(err, AYNI_EDATA, line,
		    _("%s:%" PRId64 ": field 'in_price_unit' (header '%s'): "
		    "empty, and the file has no line total to read instead"),
		    fmt->name, line, fmt->header[fmt->col[AYNI_F_PRICE_UNIT]]);
	v = (__int128)l->num[AYNI_F_QUANTITY] * l->num[AYNI_F_PRICE_UNIT];
	v = v >= 0 ? (v + 500) / 1000 : (v - 500) / 1000;
	if (l->has[AYNI_F_DISCOUNT_TOTAL])
		v -= l->num[AYNI_F_DISCOUNT_TOTAL];
	if (v > AYNI_RECORD_MAX || v < -AYNI_RECORD_MAX)
		return ayni_error_set_line(err, AYNI_EDATA, line,
		    _("%s:%" PRId64 ": quantity x unit price is too large for "
		    "one sales line"), fmt->name, line);
	l->num[AYNI_F_PRICE_TOTAL] = (int64_t)v;
	l->has[AYNI_F_PRICE_TOTAL] = 1;
	return 0;
}

/* A record as wide as the header, or with only empty cells beyond it. */
static int
check_width(const ayni_record_format *fmt, int64_t line,
    const char *const *fields, size_t n, ayni_error *err)
{
	size_t f;

	if (n < fmt->nheader)
		return ayni_error_set_line(err, AYNI_EDATA, line,
		    _("%s:%" PRId64 ": expected %zu fields, found %zu"),
		    fmt->name, line, fmt->nheader, n);
	for (f = fmt->nheader; f < n; f++)
		if (fields[f][0] != '\0')
			return ayni_error_set_line(err, AYNI_EDATA, line,
			    _("%s:%" PRId64 ": expected %zu fields, found %zu "
			    "('%.40s' after the last column)"), fmt->name,
			    line, fmt->nheader, n, fields[f]);
	return 0;
}

/*
 * An empty cell of field f: an error if the field is required, worded by
 * its likely cause.
 */
static int
empty_field(const ayni_record_format *fmt, int64_t line, size_t n, int f,
    ayni_error *err)
{
	int c = fmt->col[f];

	if (!ayni_fields[f].required)
		return 0;
	/*
	 * Empty because the line's fields do not line up with the
	 * header's: say that, it is the cause.
	 */
	if (n != fmt->nheader)
		return ayni_error_set_line(err, AYNI_EDATA, line,
		    _("%s:%" PRId64 ": expected %zu fields, found %zu (field "
		    "'%s', header '%s', is empty)"), fmt->name, line,
		    fmt->nheader, n, ayni_fields[f].name, fmt->header[c]);
	return ayni_error_set_line(err, AYNI_EDATA, line, _("%s:%" PRId64
	    ": field '%s' (header '%s'): empty"), fmt->name, line,
	    ayni_fields[f].name, fmt->header[c]);
}

/* The non-empty value s of field f into l; e says why not. */
static int
parse_value(const ayni_record_format *fmt, int f, const char *s,
    ayni_record *l, ayni_error *e)
{
	int rc;

	switch (ayni_fields[f].kind) {
	case AYNI_KIND_TEXT:
		l->text[f] = s;
		return 0;
	case AYNI_KIND_DATE:
		return fmt->date_format != NULL ?
		    ayni_date_parse_format(s, fmt->date_format, l->dt, e) :
		    ayni_date_parse(s, fmt->order, l->dt, e);
	case AYNI_KIND_MONEY:
		rc = ayni_num_parse(s, fmt->mark[f], AYNI_SCALE_MONEY,
		    &l->num[f], e);
		/*
		 * Unit prices and costs may carry more decimals than a peso
		 * has cents (833,3333): round those to cents.  Totals must
		 * be exact: they are what is summed.
		 */
		if (rc != 0 && (f == AYNI_F_PRICE_UNIT ||
		    f == AYNI_F_COST_UNIT) && ayni_num_parse(s, fmt->mark[f],
		    6, &l->num[f], NULL) == 0) {
			l->num[f] = div_round(l->num[f], 10000);
			rc = 0;
		}
		break;
	case AYNI_KIND_QTY:
	default:
		rc = ayni_num_parse(s, fmt->mark[f], AYNI_SCALE_QTY,
		    &l->num[f], e);
		break;
	}
	l->has[f] = rc == 0;
	if (rc == 0 && (l->num[f] > AYNI_RECORD_MAX ||
	    l->num[f] < -AYNI_RECORD_MAX))
		rc = ayni_error_set(e, AYNI_EDATA, _("'%.64s' is too large for "
		    "one sales line"), s);
	return rc;
}

/* Every mapped field of the record into l. */
static int
parse_fields(const ayni_record_format *fmt, int64_t line,
    const char *const *fields, size_t n, ayni_record *l, ayni_error *err)
{
	ayni_error e;
	const char *s;
	int f, c;

	for (f = 0; f < AYNI_FIELD_COUNT; f++) {
		if ((c = fmt->col[f]) < 0)
			continue;
		s = fields[c];
		if (s[0] == '\0' && f == AYNI_F_PRODUCT_ID &&
		    fmt->product_alt >= 0 && (size_t)fmt->product_alt < n)
			s = fields[fmt->product_alt];	/* no SKU: its name */
		if (s[0] == '\0') {
			if (empty_field(fmt, line, n, f, err) != 0)
				return AYNI_EDATA;
			continue;
		}
		if (parse_value(fmt, f, s, l, &e) != 0)
			return ayni_error_set_line(err, AYNI_EDATA, line,
			    _("%s:%" PRId64 ": field '%s' (header '%s'): %s"),
			    fmt->name, line, ayni_fields[f].name,
			    fmt->header[c], e.msg);
	}
	return 0;
}

/* U+001F joins the parts of txn_key: it cannot be one of them. */
static int
check_key(const ayni_record_format *fmt, int64_t line, const ayni_record *l,
    ayni_error *err)
{
	static const ayni_field_id joined[] = {
		AYNI_F_TRANS_ID, AYNI_F_DOC_TYPE, AYNI_F_BRANCH
	};
	size_t i;
	int f;

	for (i = 0; i < sizeof(joined) / sizeof(joined[0]); i++) {
		f = joined[i];
		if (l->text[f] != NULL && strchr(l->text[f], 0x1f) != NULL)
			return ayni_error_set_line(err, AYNI_EDATA, line,
			    _("%s:%" PRId64 ": field '%s' (header '%s'): control "
			    "character U+001F in a key field"), fmt->name,
			    line, ayni_fields[f].name,
			    fmt->header[fmt->col[f]]);
	}
	return 0;
}

int
ayni_record_parse(const ayni_record_format *fmt, int64_t line,
    const char *const *fields, size_t n, ayni_record *l, ayni_error *err)
{
	int rc;

	memset(l, 0, sizeof(*l));
	if ((rc = check_width(fmt, line, fields, n, err)) != 0 ||
	    (rc = parse_fields(fmt, line, fields, n, l, err)) != 0 ||
	    (rc = check_key(fmt, line, l, err)) != 0)
		return rc;
	if (fmt->total_from_unit &&
	    (rc = total_from_unit(fmt, line, l, err)) != 0)
		return rc;
	/* Both are bounded by AYNI_RECORD_MAX: the difference fits. */
	if (fmt->net_from_tax && l->has[AYNI_F_TAX])
		l->num[AYNI_F_PRICE_TOTAL] -= l->num[AYNI_F_TAX];
	/* So is the sum of a net and an exempt amount. */
	if (fmt->add_exempt && l->has[AYNI_F_EXEMPT])
		l->num[AYNI_F_PRICE_TOTAL] += l->num[AYNI_F_EXEMPT];
	l->not_sale = ayni_is_not_sale(l->text[AYNI_F_DOC_TYPE]);
	if (fmt->customer_rut && l->text[AYNI_F_CUSTOMER_ID] != NULL &&
	    ayni_rut_parse(l->text[AYNI_F_CUSTOMER_ID], l->customer,
	    NULL) == 0)
		l->text[AYNI_F_CUSTOMER_ID] = l->customer;
	if ((rc = mark_return(fmt, line, l, err)) != 0)
		return rc;
	if (l->is_return)
		unsign_return(l);
	infer(l);
	return 0;
}

int
ayni_record_is_total(const char *const *f, size_t n)
{
	static const char *const keys[] = { "total", "subtotal", "resumen" };
	char key[64];
	size_t i, k;

	for (i = 0; i < n && f[i][0] == '\0'; i++)
		;
	if (i == n)
		return 0;
	ayni_field_normalize(f[i], key, sizeof(key));
	for (k = 0; k < sizeof(keys) / sizeof(keys[0]); k++)
		if (strncmp(key, keys[k], strlen(keys[k])) == 0)
			return 1;
	return 0;
}

int
ayni_record_code_rounded(const char *s)
{
	const char *p = s;

	if (p == NULL || *p < '0' || *p > '9')	/* NULL: no product */
		return 0;
	while (*p >= '0' && *p <= '9')
		p++;
	if (*p == ',' || *p == '.')
		for (p++; *p >= '0' && *p <= '9'; p++)
			;
	if (*p != 'E' && *p != 'e')
		return 0;
	p += p[1] == '+' ? 2 : 1;
	if (*p < '0' || *p > '9')
		return 0;
	while (*p >= '0' && *p <= '9')
		p++;
	return *p == '\0';
}
