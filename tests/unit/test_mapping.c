/*
 * test_mapping.c - saved column mappings (src/lib/mapping.c) on :memory:
 * databases (and again on PostgreSQL: testdb.h) with two companies inserted by SQL: --map pairs and option
 * values, save/get round trips, the JSON as stored, one default per
 * company, replacing by name, removing, scoping by company, damaged rows,
 * and the list and show rows.  Roles and exit codes are the CLI test's
 * (tests/cli/t045-mapping.sh).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ayni/db.h"
#include "testdb.h"
#include "ayni/mapping.h"
#include "ayni/output.h"

#define T0	1764000000	/* 2025-11-24 16:00:00 UTC */

struct fx {
	ayni_db	*db;
	int64_t	 c1, c2;	/* two companies */
};

static int
setup(void **state)
{
	static struct fx fx;
	ayni_error err;

	memset(&fx, 0, sizeof(fx));
	if (testdb_open(&fx.db, 0, &err) != 0)
		return -1;
	ayni_db_set_now(fx.db, T0);
	if (testdb_exec(fx.db, "INSERT INTO companies (rut, name, created_at,"
	    " updated_at) VALUES ('76123456-0', 'Ferretería Ñuñoa',"
	    " '2025-01-01 00:00:00', '2025-01-01 00:00:00'),"
	    " ('11111111-1', 'Panadería', '2025-01-01 00:00:00',"
	    " '2025-01-01 00:00:00')") != 0)
		return -1;
	fx.c1 = 1;
	fx.c2 = 2;
	*state = &fx;
	return 0;
}

static int
teardown(void **state)
{
	struct fx *fx = *state;

	ayni_db_close(fx->db);
	return 0;
}

/* The first column of the first row of sql, as text ("" if none). */
static const char *
text1(ayni_db *db, const char *sql)
{
	static char buf[512];
	ayni_stmt *st;
	ayni_error err;
	int rc;

	buf[0] = '\0';
	rc = ayni_sql_row(db, &st, &err, "test", sql, NULL);
	if (rc == AYNI_ENOTFOUND)
		return buf;
	assert_int_equal(rc, 0);
	if (ayni_col_type(st, 0) != SQL_NULL)
		snprintf(buf, sizeof(buf), "%s", ayni_col_text(st, 0));
	ayni_stmt_finalize(st);
	return buf;
}

/* A mapping named name with the given pairs (NULL-terminated). */
static void
make(ayni_mapping *m, const char *name, int is_default, ...)
{
	const char *pair;
	ayni_error err;
	va_list ap;

	memset(m, 0, sizeof(*m));
	snprintf(m->name, sizeof(m->name), "%s", name);
	m->is_default = is_default;
	va_start(ap, is_default);
	while ((pair = va_arg(ap, const char *)) != NULL)
		assert_int_equal(ayni_mapping_add_pair(m, pair, &err), 0);
	va_end(ap);
}

/* Save m, which must work; what changed is in the returned struct. */
static ayni_mapping_saved
save(struct fx *fx, int64_t company, const ayni_mapping *m)
{
	ayni_mapping_saved saved;
	ayni_error err = { 0 };

	memset(&saved, 0x5a, sizeof(saved));
	if (ayni_mapping_save(fx->db, company, m, &saved, &err) != 0)
		fail_msg("save '%s': %s", m->name, err.msg);
	return saved;
}

static void
test_pairs(void **state)
{
	ayni_mapping m = { 0 };
	ayni_error err;

	(void)state;
	assert_int_equal(ayni_mapping_add_pair(&m, "in_dt=Fecha", &err), 0);
	assert_string_equal(m.header[AYNI_F_DT], "Fecha");
	/* The pair splits at the first '=': a header may contain one. */
	assert_int_equal(ayni_mapping_add_pair(&m, "in_margin=a=b", &err), 0);
	assert_string_equal(m.header[AYNI_F_MARGIN], "a=b");
	assert_int_equal(ayni_mapping_add_pair(&m,
	    "in_trans_id=N° Doc. Venta", &err), 0);
	assert_string_equal(m.header[AYNI_F_TRANS_ID], "N° Doc. Venta");
	ayni_mapping_release(&m);
	assert_null(m.header[AYNI_F_DT]);
	ayni_mapping_release(&m);	/* twice is harmless */
}

static void
test_bad_pairs(void **state)
{
	static const struct {
		const char *pair, *msg;
	} bad[] = {
		{ "in_dt", "bad --map 'in_dt': expected FIELD=HEADER, e.g. "
		    "in_dt=Fecha" },
		{ "=Fecha", "bad --map '=Fecha': no field before '=', e.g. "
		    "in_dt=Fecha" },
		{ "in_dt=", "bad --map 'in_dt=': empty header after '='" },
		{ "in_dt=  ", "bad --map 'in_dt=  ': empty header after '='" },
		{ "in_dt=\xe9t\xe9", "bad --map 'in_dt=\xe9t\xe9': the header "
		    "is not valid UTF-8" },
		{ "in_quantity=Cant", "field 'in_quantity' mapped twice: to "
		    "'Cantidad' and to 'Cant'" },
	};
	ayni_mapping m = { 0 };
	ayni_error err;
	size_t i;

	(void)state;
	assert_int_equal(ayni_mapping_add_pair(&m, "in_quantity=Cantidad",
	    &err), 0);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		memset(&err, 0, sizeof(err));
		assert_int_equal(ayni_mapping_add_pair(&m, bad[i].pair, &err),
		    AYNI_EUSAGE);
		assert_string_equal(err.msg, bad[i].msg);
	}
	/* Unknown fields, including case and a long name: fields.c words it. */
	assert_int_equal(ayni_mapping_add_pair(&m, "fecha=Fecha", &err),
	    AYNI_EUSAGE);
	assert_non_null(strstr(err.msg, "bad --map 'fecha=Fecha': unknown "
	    "field 'fecha'"));
	assert_int_equal(ayni_mapping_add_pair(&m, "IN_DT=Fecha", &err),
	    AYNI_EUSAGE);
	assert_int_equal(ayni_mapping_add_pair(&m,
	    "in_dt_with_a_very_long_name_indeed_xxxxxxxx=F", &err),
	    AYNI_EUSAGE);
	assert_non_null(strstr(err.msg, "unknown field 'in_dt_with_a_very"));
	/* A refused pair changes nothing. */
	assert_null(m.header[AYNI_F_DT]);
	assert_string_equal(m.header[AYNI_F_QUANTITY], "Cantidad");
	ayni_mapping_release(&m);
}

static void
test_options(void **state)
{
	ayni_mapping m = { 0 };
	ayni_error err;

	(void)state;
	assert_int_equal(ayni_mapping_set_decimal(&m, ",", &err), 0);
	assert_int_equal(m.decimal, ',');
	assert_int_equal(ayni_mapping_set_decimal(&m, ".", &err), 0);
	assert_int_equal(m.decimal, '.');
	assert_int_equal(ayni_mapping_set_decimal(&m, ",,", &err),
	    AYNI_EUSAGE);
	assert_string_equal(err.msg, "bad decimal mark ',,': use ',' or '.'");
	assert_int_equal(m.decimal, '.');

	assert_int_equal(ayni_mapping_set_encoding(&m, "UTF8", &err), 0);
	assert_string_equal(m.encoding, "utf-8");
	assert_int_equal(ayni_mapping_set_encoding(&m, "ISO-8859-1", &err), 0);
	assert_string_equal(m.encoding, "latin1");
	assert_int_equal(ayni_mapping_set_encoding(&m, "cp1252", &err), 0);
	assert_string_equal(m.encoding, "windows-1252");
	assert_int_equal(ayni_mapping_set_encoding(&m, "ebcdic", &err),
	    AYNI_EUSAGE);
	assert_string_equal(err.msg, "unknown encoding 'ebcdic'; use utf-8, "
	    "latin1, windows-1252, utf-16le or utf-16be");
	assert_string_equal(m.encoding, "windows-1252");

	assert_int_equal(ayni_mapping_set_delimiter(&m, ";", &err), 0);
	assert_int_equal(m.delimiter, ';');
	assert_int_equal(ayni_mapping_set_delimiter(&m, "|", &err), 0);
	assert_int_equal(m.delimiter, '|');
	assert_int_equal(ayni_mapping_set_delimiter(&m, "\\t", &err), 0);
	assert_int_equal(m.delimiter, '\t');
	m.delimiter = 0;
	assert_int_equal(ayni_mapping_set_delimiter(&m, "TAB", &err), 0);
	assert_int_equal(m.delimiter, '\t');
	m.delimiter = 0;
	assert_int_equal(ayni_mapping_set_delimiter(&m, "\t", &err), 0);
	assert_int_equal(m.delimiter, '\t');
	assert_int_equal(ayni_mapping_set_delimiter(&m, ":", &err),
	    AYNI_EUSAGE);
	assert_string_equal(err.msg, "unsupported delimiter ':'; use ',', ';', "
	    "'|' or tab");
	assert_int_equal(ayni_mapping_set_delimiter(&m, "", &err),
	    AYNI_EUSAGE);

	assert_int_equal(ayni_mapping_set_date_format(&m, "%d/%m/%Y %H:%M",
	    &err), 0);
	assert_string_equal(m.date_format, "%d/%m/%Y %H:%M");
	assert_int_equal(ayni_mapping_set_date_format(&m, "%Y", &err),
	    AYNI_EUSAGE);
	assert_non_null(strstr(err.msg, "'%Y'"));
	assert_int_equal(ayni_mapping_set_date_format(&m,
	    "%d/%m/%Y ......................................................."
	    "........", &err), AYNI_EUSAGE);
	assert_non_null(strstr(err.msg, "too long"));
	assert_string_equal(m.date_format, "%d/%m/%Y %H:%M");
}

static void
test_roundtrip(void **state)
{
	struct fx *fx = *state;
	ayni_mapping m, got;
	ayni_error err;
	int i;

	make(&m, "Defontana POS", 0, "in_price_total=Total Neto",
	    "in_dt=Fecha", "in_trans_id=N° Doc. Venta", "in_product_id=SKU",
	    "in_quantity=Cant.", NULL);
	assert_int_equal(ayni_mapping_set_date_format(&m, "%d-%m-%Y", &err),
	    0);
	assert_int_equal(ayni_mapping_set_decimal(&m, ",", &err), 0);
	assert_int_equal(ayni_mapping_set_encoding(&m, "latin1", &err), 0);
	assert_int_equal(ayni_mapping_set_delimiter(&m, "tab", &err), 0);
	save(fx, fx->c1, &m);

	/* Stored as JSON in field-table order, options only when given. */
	assert_string_equal(text1(fx->db, "SELECT mappings FROM column_mappings"
	    " WHERE mapping_name = 'Defontana POS'"),
	    "{\"in_dt\":\"Fecha\",\"in_trans_id\":\"N° Doc. Venta\","
	    "\"in_product_id\":\"SKU\",\"in_quantity\":\"Cant.\","
	    "\"in_price_total\":\"Total Neto\"}");
	assert_string_equal(text1(fx->db, "SELECT formats FROM column_mappings"
	    " WHERE mapping_name = 'Defontana POS'"),
	    "{\"date_format\":\"%d-%m-%Y\",\"decimal\":\",\","
	    "\"encoding\":\"latin1\",\"delimiter\":\"\\t\"}");
	assert_string_equal(text1(fx->db, "SELECT created_at || ' ' ||"
	    " updated_at || ' ' || is_default FROM column_mappings"),
	    "2025-11-24 16:00:00 2025-11-24 16:00:00 0");

	memset(&got, 0x5a, sizeof(got));	/* get must not trust *out */
	assert_int_equal(ayni_mapping_get(fx->db, fx->c1, "Defontana POS",
	    &got, &err), 0);
	assert_string_equal(got.name, "Defontana POS");
	for (i = 0; i < AYNI_FIELD_COUNT; i++) {
		if (m.header[i] == NULL)
			assert_null(got.header[i]);
		else
			assert_string_equal(got.header[i], m.header[i]);
	}
	assert_string_equal(got.date_format, "%d-%m-%Y");
	assert_int_equal(got.decimal, ',');
	assert_string_equal(got.encoding, "latin1");
	assert_int_equal(got.delimiter, '\t');
	assert_int_equal(got.is_default, 0);
	ayni_mapping_release(&got);

	/* No options given: none stored, none read back. */
	ayni_mapping_release(&m);
	make(&m, "plain", 0, "in_dt=date", NULL);
	save(fx, fx->c1, &m);
	assert_string_equal(text1(fx->db, "SELECT formats FROM column_mappings"
	    " WHERE mapping_name = 'plain'"), "{}");
	assert_int_equal(ayni_mapping_get(fx->db, fx->c1, "plain", &got, &err),
	    0);
	assert_string_equal(got.header[AYNI_F_DT], "date");
	assert_string_equal(got.date_format, "");
	assert_int_equal(got.decimal, 0);
	assert_string_equal(got.encoding, "");
	assert_int_equal(got.delimiter, 0);
	ayni_mapping_release(&got);
	ayni_mapping_release(&m);

	/* Names are exact: case matters. */
	assert_int_equal(ayni_mapping_get(fx->db, fx->c1, "defontana pos",
	    &got, &err), AYNI_ENOTFOUND);
	assert_string_equal(err.msg, "no mapping 'defontana pos'");
	assert_null(got.header[AYNI_F_DT]);
	ayni_mapping_release(&got);
}

static int64_t
ndefaults(struct fx *fx, int64_t company)
{
	char sql[128];

	snprintf(sql, sizeof(sql), "SELECT count(*) FROM column_mappings"
	    " WHERE is_default = 1 AND company_id = %lld", (long long)company);
	return atoll(text1(fx->db, sql));
}

static void
test_default_switching(void **state)
{
	struct fx *fx = *state;
	ayni_mapping a, b, c, got;
	ayni_mapping_saved saved;
	ayni_error err;

	/* No default yet. */
	memset(&err, 0, sizeof(err));
	assert_int_equal(ayni_mapping_get(fx->db, fx->c1, NULL, &got, &err),
	    AYNI_ENOTFOUND);
	assert_string_equal(err.msg, "no default mapping: save one with "
	    "--default");
	make(&a, "a", 0, "in_dt=A", NULL);
	save(fx, fx->c1, &a);
	assert_int_equal(ayni_mapping_get(fx->db, fx->c1, NULL, &got, &err),
	    AYNI_ENOTFOUND);

	make(&b, "b", 1, "in_dt=B", NULL);
	saved = save(fx, fx->c1, &b);
	assert_int_equal(saved.replaced, 0);
	assert_int_equal(saved.was_default, 0);
	assert_string_equal(saved.prev_default, "");
	make(&c, "c", 1, "in_dt=C", NULL);
	saved = save(fx, fx->c1, &c);
	assert_string_equal(saved.prev_default, "b");
	assert_int_equal(ndefaults(fx, fx->c1), 1);
	assert_int_equal(ayni_mapping_get(fx->db, fx->c1, NULL, &got, &err),
	    0);
	assert_string_equal(got.name, "c");
	assert_string_equal(got.header[AYNI_F_DT], "C");
	assert_int_equal(got.is_default, 1);
	ayni_mapping_release(&got);

	/* Making an older one the default moves the flag back. */
	saved = save(fx, fx->c1, &b);
	assert_int_equal(saved.replaced, 1);
	assert_int_equal(saved.was_default, 0);
	assert_string_equal(saved.prev_default, "c");
	assert_int_equal(ndefaults(fx, fx->c1), 1);
	assert_int_equal(ayni_mapping_get(fx->db, fx->c1, NULL, &got, &err),
	    0);
	assert_string_equal(got.name, "b");
	ayni_mapping_release(&got);
	assert_int_equal(ayni_mapping_get(fx->db, fx->c1, "c", &got, &err), 0);
	assert_int_equal(got.is_default, 0);
	ayni_mapping_release(&got);

	/* Saving the default again as the default keeps exactly one. */
	saved = save(fx, fx->c1, &b);
	assert_int_equal(saved.was_default, 1);
	assert_string_equal(saved.prev_default, "");
	assert_int_equal(ndefaults(fx, fx->c1), 1);

	/* Another company's default is its own business. */
	save(fx, fx->c2, &a);
	save(fx, fx->c2, &c);
	assert_int_equal(ndefaults(fx, fx->c2), 1);
	assert_int_equal(ndefaults(fx, fx->c1), 1);
	assert_int_equal(ayni_mapping_get(fx->db, fx->c1, NULL, &got, &err),
	    0);
	assert_string_equal(got.name, "b");
	ayni_mapping_release(&got);

	/* Re-saving the default without the flag leaves the company none. */
	b.is_default = 0;
	saved = save(fx, fx->c1, &b);
	assert_int_equal(saved.replaced, 1);
	assert_int_equal(saved.was_default, 1);
	assert_string_equal(saved.prev_default, "");
	assert_int_equal(ndefaults(fx, fx->c1), 0);
	assert_int_equal(ayni_mapping_get(fx->db, fx->c1, NULL, &got, &err),
	    AYNI_ENOTFOUND);
	ayni_mapping_release(&a);
	ayni_mapping_release(&b);
	ayni_mapping_release(&c);
}

static void
test_replace_by_name(void **state)
{
	struct fx *fx = *state;
	ayni_mapping m, got;
	ayni_error err;

	make(&m, "pos", 1, "in_dt=Fecha", "in_quantity=Cantidad", NULL);
	assert_int_equal(ayni_mapping_set_decimal(&m, ",", &err), 0);
	save(fx, fx->c1, &m);
	ayni_mapping_release(&m);

	ayni_db_set_now(fx->db, T0 + 3600);
	make(&m, "pos", 1, "in_dt=Date", NULL);
	assert_int_equal(save(fx, fx->c1, &m).replaced, 1);
	ayni_mapping_release(&m);

	assert_string_equal(text1(fx->db, "SELECT count(*) FROM column_mappings"
	    " WHERE mapping_name = 'pos'"), "1");
	/* Everything is replaced; the row's creation time is kept. */
	assert_string_equal(text1(fx->db, "SELECT created_at || ' ' ||"
	    " updated_at FROM column_mappings WHERE mapping_name = 'pos'"),
	    "2025-11-24 16:00:00 2025-11-24 17:00:00");
	assert_int_equal(ayni_mapping_get(fx->db, fx->c1, "pos", &got, &err),
	    0);
	assert_string_equal(got.header[AYNI_F_DT], "Date");
	assert_null(got.header[AYNI_F_QUANTITY]);
	assert_int_equal(got.decimal, 0);
	assert_int_equal(got.is_default, 1);
	ayni_mapping_release(&got);

	/* The same name in another company is another mapping. */
	make(&m, "pos", 0, "in_dt=Fecha Venta", NULL);
	assert_int_equal(save(fx, fx->c2, &m).replaced, 0);
	ayni_mapping_release(&m);
	assert_int_equal(ayni_mapping_get(fx->db, fx->c1, "pos", &got, &err),
	    0);
	assert_string_equal(got.header[AYNI_F_DT], "Date");
	ayni_mapping_release(&got);
	assert_int_equal(ayni_mapping_get(fx->db, fx->c2, "pos", &got, &err),
	    0);
	assert_string_equal(got.header[AYNI_F_DT], "Fecha Venta");
	ayni_mapping_release(&got);
}

static void
test_remove(void **state)
{
	struct fx *fx = *state;
	ayni_mapping m, got;
	ayni_error err;
	int wd;

	make(&m, "x", 1, "in_dt=Fecha", NULL);
	save(fx, fx->c1, &m);
	save(fx, fx->c2, &m);
	ayni_mapping_release(&m);

	wd = -1;
	assert_int_equal(ayni_mapping_remove(fx->db, fx->c1, "x", &wd, &err),
	    0);
	assert_int_equal(wd, 1);
	assert_int_equal(ayni_mapping_get(fx->db, fx->c1, "x", &got, &err),
	    AYNI_ENOTFOUND);
	assert_int_equal(ayni_mapping_get(fx->db, fx->c1, NULL, &got, &err),
	    AYNI_ENOTFOUND);
	memset(&err, 0, sizeof(err));
	wd = -1;
	assert_int_equal(ayni_mapping_remove(fx->db, fx->c1, "x", &wd, &err),
	    AYNI_ENOTFOUND);
	assert_string_equal(err.msg, "no mapping 'x'");
	assert_int_equal(wd, -1);
	/* Only the company's own. */
	assert_int_equal(ayni_mapping_get(fx->db, fx->c2, "x", &got, &err), 0);
	ayni_mapping_release(&got);
	assert_int_equal(ayni_mapping_remove(fx->db, fx->c1, "X", NULL, &err),
	    AYNI_ENOTFOUND);
	/* A mapping that is not the default. */
	make(&m, "y", 0, "in_dt=Fecha", NULL);
	save(fx, fx->c2, &m);
	ayni_mapping_release(&m);
	assert_int_equal(ayni_mapping_remove(fx->db, fx->c2, "y", &wd, &err),
	    0);
	assert_int_equal(wd, 0);
}

static void
test_save_refused(void **state)
{
	struct fx *fx = *state;
	ayni_mapping m = { 0 };
	ayni_error err;
	char sql[] = "SELECT count(*) FROM column_mappings";

	/* No field mapped. */
	snprintf(m.name, sizeof(m.name), "empty");
	assert_int_equal(ayni_mapping_save(fx->db, fx->c1, &m, NULL, &err),
	    AYNI_EUSAGE);
	assert_string_equal(err.msg, "mapping 'empty' maps no field: give at "
	    "least one --map FIELD=HEADER");
	assert_int_equal(ayni_mapping_add_pair(&m, "in_dt=F", &err), 0);

	m.name[0] = '\0';
	assert_int_equal(ayni_mapping_save(fx->db, fx->c1, &m, NULL, &err),
	    AYNI_EUSAGE);
	assert_string_equal(err.msg, "empty mapping name");
	snprintf(m.name, sizeof(m.name), "a\nb");
	assert_int_equal(ayni_mapping_save(fx->db, fx->c1, &m, NULL, &err),
	    AYNI_EUSAGE);
	memset(m.name, 'n', AYNI_MAPPING_NAME_MAX);
	m.name[AYNI_MAPPING_NAME_MAX] = '\0';
	assert_int_equal(ayni_mapping_save(fx->db, fx->c1, &m, NULL, &err), 0);
	assert_string_equal(text1(fx->db, sql), "1");

	/* A company that does not exist: the foreign key says no. */
	snprintf(m.name, sizeof(m.name), "orphan");
	assert_int_equal(ayni_mapping_save(fx->db, 99, &m, NULL, &err),
	    AYNI_EDATA);
	assert_string_equal(text1(fx->db, sql), "1");
	ayni_mapping_release(&m);
}

static void
test_damaged(void **state)
{
	static const struct {
		const char *mappings, *formats, *msg;
	} bad[] = {
		{ "{\"in_foo\":\"x\"}", NULL, "mapping 'd' is damaged: unknown "
		    "field 'in_foo'; save it again" },
		{ "{\"in_dt\":3}", NULL, "mapping 'd' is damaged: bad header "
		    "for 'in_dt'; save it again" },
		{ "{\"in_dt\":\"a\",\"in_dt\":\"b\"}", NULL, "mapping 'd' is "
		    "damaged: bad header for 'in_dt'; save it again" },
		{ "{\"in_dt\":\"a\"}", "[]", "mapping 'd' is damaged: its "
		    "formats are not a JSON object; save it again" },
		{ "{\"in_dt\":\"a\"}", "{\"decimal\":\"x\"}", "mapping 'd' is "
		    "damaged: bad decimal mark 'x': use ',' or '.'; save it "
		    "again" },
		{ "{\"in_dt\":\"a\"}", "{\"encoding\":1}", "mapping 'd' is "
		    "damaged: an option is not text; save it again" },
	};
	struct fx *fx = *state;
	ayni_mapping got, fix;
	ayni_error err;
	size_t i;
	int rc;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		assert_int_equal(testdb_exec(fx->db, "DELETE FROM"
		    " column_mappings WHERE mapping_name = 'd'"), 0);
		rc = ayni_sql_exec(fx->db, &err, "damaging", testdb_pg() ?
		    "INSERT INTO column_mappings (company_id, mapping_name,"
		    " mappings, formats, created_at, updated_at)"
		    " VALUES (1, 'd', ?1::json, ?2::json, '', '')" :
		    "INSERT INTO column_mappings (company_id, mapping_name,"
		    " mappings, formats, created_at, updated_at)"
		    " VALUES (1, 'd', ?1, ?2, '', '')", "tt",
		    bad[i].mappings, bad[i].formats);
		assert_int_equal(rc, 1);
		memset(&err, 0, sizeof(err));
		assert_int_equal(ayni_mapping_get(fx->db, fx->c1, "d", &got,
		    &err), AYNI_EDATA);
		assert_string_equal(err.msg, bad[i].msg);
		assert_null(got.header[AYNI_F_DT]);	/* nothing leaked */
	}
	/* A damaged mapping can be replaced and removed. */
	make(&fix, "d", 0, "in_dt=Fecha", NULL);
	assert_int_equal(save(fx, fx->c1, &fix).replaced, 1);
	assert_int_equal(ayni_mapping_get(fx->db, fx->c1, "d", &got, &err), 0);
	ayni_mapping_release(&got);
	assert_int_equal(testdb_exec(fx->db, "UPDATE"
	    " column_mappings SET mappings = '{\"x\":1}'"), 0);
	assert_int_equal(ayni_mapping_remove(fx->db, fx->c1, "d", NULL, &err),
	    0);
	save(fx, fx->c1, &fix);
	ayni_mapping_release(&fix);

	/* Unknown option keys (a later version's) are left alone. */
	assert_int_equal(testdb_exec(fx->db, "UPDATE"
	    " column_mappings SET formats ="
	    " '{\"quote\":\"x\",\"decimal\":\".\"}'"), 0);
	assert_int_equal(ayni_mapping_get(fx->db, fx->c1, "d", &got, &err), 0);
	assert_int_equal(got.decimal, '.');
	ayni_mapping_release(&got);
}

/* What the list (show 0) or m's rows (show 1) look like in fmt; freed by the caller. */
static char *
render(struct fx *fx, ayni_format fmt, int show, const ayni_mapping *m)
{
	ayni_writer *w;
	ayni_error err;
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);

	assert_non_null(fp);
	assert_int_equal(ayni_writer_new(&w, fp, fmt, AYNI_WRITER_LIST,
	    show ? ayni_mapping_show_columns : ayni_mapping_list_columns,
	    show ? ayni_mapping_show_ncolumns : ayni_mapping_list_ncolumns,
	    &err), 0);
	if (show)
		assert_int_equal(ayni_mapping_write(m, w, &err), 0);
	else
		assert_int_equal(ayni_mapping_list(fx->db, fx->c1, w, &err), 0);
	assert_int_equal(ayni_writer_finish(w, &err), 0);
	ayni_writer_free(w);
	fclose(fp);
	return buf;
}

static void
test_list_and_show(void **state)
{
	struct fx *fx = *state;
	ayni_mapping m;
	ayni_error err;
	char *s;

	s = render(fx, AYNI_FORMAT_CSV, 0, NULL);
	assert_string_equal(s, "name,fields,default,updated_at\r\n");
	free(s);

	make(&m, "pos", 1, "in_dt=Fecha", "in_price_total=Total, neto",
	    NULL);
	save(fx, fx->c1, &m);
	ayni_mapping_release(&m);
	make(&m, "excel", 0, "in_dt=Date", NULL);
	save(fx, fx->c1, &m);
	save(fx, fx->c2, &m);	/* not listed for c1 */
	ayni_mapping_release(&m);

	s = render(fx, AYNI_FORMAT_CSV, 0, NULL);
	assert_string_equal(s, "name,fields,default,updated_at\r\n"
	    "excel,1,0,2025-11-24 16:00:00\r\n"
	    "pos,2,1,2025-11-24 16:00:00\r\n");
	free(s);
	s = render(fx, AYNI_FORMAT_JSON, 0, NULL);
	assert_string_equal(s, "[\n"
	    "  {\"name\": \"excel\", \"fields\": 1, \"default\": false, "
	    "\"updated_at\": \"2025-11-24 16:00:00\"},\n"
	    "  {\"name\": \"pos\", \"fields\": 2, \"default\": true, "
	    "\"updated_at\": \"2025-11-24 16:00:00\"}\n]\n");
	free(s);

	assert_int_equal(ayni_mapping_get(fx->db, fx->c1, "pos", &m, &err), 0);
	s = render(fx, AYNI_FORMAT_CSV, 1, &m);
	assert_string_equal(s, "kind,name,value\r\n"
	    "field,in_dt,Fecha\r\n"
	    "field,in_price_total,\"Total, neto\"\r\n"
	    "option,date_format,\r\n"
	    "option,decimal,\r\n"
	    "option,encoding,\r\n"
	    "option,delimiter,\r\n"
	    "option,returns,\r\n"
	    "option,default,yes\r\n");
	free(s);
	assert_int_equal(ayni_mapping_set_delimiter(&m, "tab", &err), 0);
	assert_int_equal(ayni_mapping_set_decimal(&m, ",", &err), 0);
	assert_int_equal(ayni_mapping_set_returns(&m, "^(61|nc)$", &err), 0);
	assert_int_equal(ayni_mapping_set_returns(&m, "(61", &err),
	    AYNI_EUSAGE);
	assert_string_equal(err.msg, "invalid returns pattern '(61' at "
	    "offset 3: missing closing parenthesis");
	m.is_default = 0;
	s = render(fx, AYNI_FORMAT_JSON, 1, &m);
	assert_string_equal(s, "[\n"
	    "  {\"kind\": \"field\", \"name\": \"in_dt\", "
	    "\"value\": \"Fecha\"},\n"
	    "  {\"kind\": \"field\", \"name\": \"in_price_total\", "
	    "\"value\": \"Total, neto\"},\n"
	    "  {\"kind\": \"option\", \"name\": \"date_format\", "
	    "\"value\": null},\n"
	    "  {\"kind\": \"option\", \"name\": \"decimal\", "
	    "\"value\": \",\"},\n"
	    "  {\"kind\": \"option\", \"name\": \"encoding\", "
	    "\"value\": null},\n"
	    "  {\"kind\": \"option\", \"name\": \"delimiter\", "
	    "\"value\": \"tab\"},\n"
	    "  {\"kind\": \"option\", \"name\": \"returns\", "
	    "\"value\": \"^(61|nc)$\"},\n"
	    "  {\"kind\": \"option\", \"name\": \"default\", "
	    "\"value\": \"no\"}\n"
	    "]\n");
	free(s);
	ayni_mapping_release(&m);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pairs),
		cmocka_unit_test(test_bad_pairs),
		cmocka_unit_test(test_options),
		cmocka_unit_test_setup_teardown(test_roundtrip, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_default_switching, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_replace_by_name, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_remove, setup, teardown),
		cmocka_unit_test_setup_teardown(test_save_refused, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_damaged, setup, teardown),
		cmocka_unit_test_setup_teardown(test_list_and_show, setup,
		    teardown),
	};

	return cmocka_run_group_tests_name("mapping", tests, NULL, NULL);
}
