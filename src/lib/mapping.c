/*
 * mapping.c - saved column mappings behind mapping.h: validating --map
 * pairs and reading options, and keeping them as JSON in column_mappings.
 *
 * cJSON builds and parses the two JSON columns; its failures become ayni
 * codes in json_error() only.  Not here: roles (the caller checks them)
 * and applying a mapping to a header row (dialect.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "ayni/csvread.h"
#include "ayni/mapping.h"
#include "ayni/parse.h"
#include "internal.h"
#include "sql.h"
#include "ayni/intl.h"

const ayni_column ayni_mapping_list_columns[] = {
	{ "name", AYNI_T_TEXT },
	{ "fields", AYNI_T_INT },
	{ "default", AYNI_T_BOOL },
	{ "updated_at", AYNI_T_TEXT },
};
const int ayni_mapping_list_ncolumns = (int)(sizeof(ayni_mapping_list_columns)
    / sizeof(ayni_mapping_list_columns[0]));

const ayni_column ayni_mapping_show_columns[] = {
	{ "kind", AYNI_T_TEXT },
	{ "name", AYNI_T_TEXT },
	{ "value", AYNI_T_TEXT },
};
const int ayni_mapping_show_ncolumns = (int)(sizeof(ayni_mapping_show_columns)
    / sizeof(ayni_mapping_show_columns[0]));

/*
 * The one place cJSON failures become ayni codes.  cJSON only answers NULL:
 * building or printing fails for lack of memory alone (detail NULL);
 * reading fails when the stored text is not what this module writes
 * (detail says how), which only another program can have caused.
 */
static int
json_error(ayni_error *err, const char *name, const char *detail)
{
	if (detail == NULL)
		return ayni_error_set(err, AYNI_ENOMEM,
		    _("out of memory writing mapping '%s'"), name);
	return ayni_error_set(err, AYNI_EDATA, _("mapping '%s' is damaged: %s; "
	    "save it again"), name, detail);
}

static int
all_space(const char *s)
{
	for (; *s != '\0'; s++)
		if (*s != ' ' && *s != '\t')
			return 0;
	return 1;
}

void
ayni_mapping_release(ayni_mapping *m)
{
	int i;

	if (m == NULL)
		return;
	for (i = 0; i < AYNI_FIELD_COUNT; i++) {
		free(m->header[i]);
		m->header[i] = NULL;
	}
}

int
ayni_mapping_add_pair(ayni_mapping *m, const char *pair, ayni_error *err)
{
	const char *eq = strchr(pair, '='), *header;
	char field[32];
	ayni_field_id id;
	ayni_error ferr;
	size_t n;

	if (eq == NULL)
		return ayni_error_set(err, AYNI_EUSAGE, _("bad --map '%s': "
		    "expected FIELD=HEADER, e.g. in_dt=Fecha"), pair);
	n = (size_t)(eq - pair);
	header = eq + 1;
	if (n == 0)
		return ayni_error_set(err, AYNI_EUSAGE, _("bad --map '%s': "
		    "no field before '=', e.g. in_dt=Fecha"), pair);
	snprintf(field, sizeof(field), "%.*s", (int)n, pair);
	if (n >= sizeof(field))
		ayni_error_set(&ferr, AYNI_ENOTFOUND, _("unknown field '%.*s'"),
		    (int)n, pair);
	if (n >= sizeof(field) || ayni_field_lookup(field, &id, &ferr) != 0)
		return ayni_error_set(err, AYNI_EUSAGE, _("bad --map '%s': %s"),
		    pair, ferr.msg);
	if (all_space(header))
		return ayni_error_set(err, AYNI_EUSAGE, _("bad --map '%s': "
		    "empty header after '='"), pair);
	if (!ayni_utf8_valid(header))
		return ayni_error_set(err, AYNI_EUSAGE, _("bad --map '%s': the "
		    "header is not valid UTF-8"), pair);
	if (m->header[id] != NULL)
		return ayni_error_set(err, AYNI_EUSAGE, _("field '%s' mapped "
		    "twice: to '%s' and to '%s'"), field, m->header[id], header);
	if ((m->header[id] = strdup(header)) == NULL)
		return ayni_error_set(err, AYNI_ENOMEM, _("out of memory"));
	return 0;
}

int
ayni_mapping_set_date_format(ayni_mapping *m, const char *fmt,
    ayni_error *err)
{
	int rc;

	if (strlen(fmt) >= sizeof(m->date_format))
		return ayni_error_set(err, AYNI_EUSAGE, _("date format "
		    "'%.20s...' is too long: at most %zu bytes"), fmt,
		    sizeof(m->date_format) - 1);
	if ((rc = ayni_date_format_check(fmt, err)) != 0)
		return rc;
	snprintf(m->date_format, sizeof(m->date_format), "%s", fmt);
	return 0;
}

int
ayni_mapping_set_decimal(ayni_mapping *m, const char *s, ayni_error *err)
{
	if (strcmp(s, ",") != 0 && strcmp(s, ".") != 0)
		return ayni_error_set(err, AYNI_EUSAGE, _("bad decimal mark "
		    "'%s': use ',' or '.'"), s);
	m->decimal = s[0];
	return 0;
}

/* Encodings and delimiters: the names upload's reader accepts (csvread.c). */
int
ayni_mapping_set_encoding(ayni_mapping *m, const char *s, ayni_error *err)
{
	ayni_encoding enc;
	int rc;

	if ((rc = ayni_csv_encoding_parse(s, &enc, err)) != 0)
		return rc;
	snprintf(m->encoding, sizeof(m->encoding), "%s",
	    ayni_csv_encoding_name(enc));
	return 0;
}

int
ayni_mapping_set_date_order(ayni_mapping *m, const char *s, ayni_error *err)
{
	if (strcmp(s, "day-first") == 0)
		m->date_order = 'd';
	else if (strcmp(s, "month-first") == 0)
		m->date_order = 'm';
	else
		return ayni_error_set(err, AYNI_EUSAGE, _("bad date order '%s': "
		    "use day-first or month-first"), s);
	return 0;
}

int
ayni_mapping_set_delimiter(ayni_mapping *m, const char *s, ayni_error *err)
{
	return ayni_csv_delimiter_parse(s, &m->delimiter, err);
}

int
ayni_mapping_set_returns(ayni_mapping *m, const char *s, ayni_error *err)
{
	ayni_returns *r;
	int rc;

	/* compiled once here so that a bad pattern is never stored */
	if ((rc = ayni_returns_new(&r, s, err)) != 0)
		return rc;
	ayni_returns_free(r);
	snprintf(m->returns, sizeof(m->returns), "%s", s);
	return 0;
}

int
ayni_mapping_from_upload(ayni_db *db, int64_t company_id, int64_t upload_id,
    ayni_mapping *m, ayni_error *err)
{
	ayni_stmt *st;
	cJSON *d = NULL, *it;
	const char *text;
	char mark = 0;
	int rc, mixed = 0;
	ayni_field_id id;

	if ((rc = ayni_sql_row(db, &st, err, N_("reading the upload"),
	    "SELECT dialect FROM uploads WHERE id = ?1 AND company_id = ?2"
	    " AND dialect IS NOT NULL", "II", upload_id, company_id)) != 0)
		return rc == AYNI_ENOTFOUND ? ayni_error_set(err, rc, _("no "
		    "upload %lld with a dialect in this company: see 'ayni "
		    "uploads list'"), (long long)upload_id) : rc;
	text = ayni_col_text(st, 0);
	if ((d = cJSON_Parse(text)) == NULL) {
		rc = ayni_error_set(err, AYNI_EDATA, _("the dialect stored with "
		    "upload %lld is not valid JSON"), (long long)upload_id);
		goto out;
	}
	cJSON_ArrayForEach(it, cJSON_GetObjectItemCaseSensitive(d, "columns")) {
		if (!cJSON_IsString(it) ||
		    ayni_field_lookup(it->string, &id, NULL) != 0 ||
		    m->header[id] != NULL)
			continue;
		if ((m->header[id] = strdup(it->valuestring)) == NULL) {
			rc = ayni_error_set(err, AYNI_ENOMEM, _("out of memory"));
			goto out;
		}
	}
	cJSON_ArrayForEach(it, cJSON_GetObjectItemCaseSensitive(d, "decimal"))
		if (cJSON_IsString(it) && it->valuestring[0] != '\0') {
			if (mark != 0 && mark != it->valuestring[0])
				mixed = 1;
			mark = it->valuestring[0];
		}
	/* One mark per mapping: columns that disagreed stay detected. */
	if (m->decimal == 0 && !mixed)
		m->decimal = mark;
	it = cJSON_GetObjectItemCaseSensitive(d, "encoding");
	if (m->encoding[0] == '\0' && cJSON_IsString(it) &&
	    (rc = ayni_mapping_set_encoding(m, it->valuestring, err)) != 0)
		goto out;
	it = cJSON_GetObjectItemCaseSensitive(d, "delimiter");
	if (m->delimiter == 0 && cJSON_IsString(it) &&
	    (rc = ayni_mapping_set_delimiter(m, it->valuestring, err)) != 0)
		goto out;
	it = cJSON_GetObjectItemCaseSensitive(d, "returns");
	if (m->returns[0] == '\0' && cJSON_IsString(it) &&
	    (rc = ayni_mapping_set_returns(m, it->valuestring, err)) != 0)
		goto out;
	it = cJSON_GetObjectItemCaseSensitive(d, "date_format");
	if (m->date_format[0] == '\0' && cJSON_IsString(it) &&
	    (rc = ayni_mapping_set_date_format(m, it->valuestring, err)) != 0)
		goto out;
	/*
	 * Month-first is only ever decided on proof, so it is kept; day-first
	 * may have been the default for want of proof, and is not.
	 */
	it = cJSON_GetObjectItemCaseSensitive(d, "date_order");
	if (m->date_order == 0 && m->date_format[0] == '\0' &&
	    cJSON_IsString(it) && strcmp(it->valuestring, "month-first") == 0)
		m->date_order = 'm';
out:
	cJSON_Delete(d);
	ayni_stmt_finalize(st);
	return rc;
}

static int
check_name(const char *name, ayni_error *err)
{
	const unsigned char *p;

	if (name[0] == '\0')
		return ayni_error_set(err, AYNI_EUSAGE, _("empty mapping name"));
	if (strlen(name) > AYNI_MAPPING_NAME_MAX)
		return ayni_error_set(err, AYNI_EUSAGE, _("mapping name "
		    "'%.20s...' is too long: at most %d bytes"), name,
		    AYNI_MAPPING_NAME_MAX);
	for (p = (const unsigned char *)name; *p != '\0'; p++)
		if (*p < 0x20 || *p == 0x7f)
			return ayni_error_set(err, AYNI_EUSAGE, _("mapping name "
			    "must not contain control characters"));
	if (!ayni_utf8_valid(name))
		return ayni_error_set(err, AYNI_EUSAGE, _("mapping name is not "
		    "valid UTF-8"));
	return 0;
}

/* The two JSON columns of m; the caller cJSON_free()s both. */
static int
to_json(const ayni_mapping *m, char **mappings, char **formats,
    ayni_error *err)
{
	cJSON *mo = cJSON_CreateObject(), *fo = cJSON_CreateObject();
	char dec[2] = { m->decimal, '\0' }, del[2] = { m->delimiter, '\0' };
	int i, ok = mo != NULL && fo != NULL;

	*mappings = *formats = NULL;
	for (i = 0; ok && i < AYNI_FIELD_COUNT; i++)
		if (m->header[i] != NULL)
			ok = cJSON_AddStringToObject(mo, ayni_fields[i].name,
			    m->header[i]) != NULL;
	/* Only what was given: an absent option is detected at upload. */
	if (ok && m->date_format[0] != '\0')
		ok = cJSON_AddStringToObject(fo, "date_format",
		    m->date_format) != NULL;
	if (ok && m->decimal != 0)
		ok = cJSON_AddStringToObject(fo, "decimal", dec) != NULL;
	if (ok && m->encoding[0] != '\0')
		ok = cJSON_AddStringToObject(fo, "encoding", m->encoding) !=
		    NULL;
	if (ok && m->delimiter != 0)
		ok = cJSON_AddStringToObject(fo, "delimiter", del) != NULL;
	if (ok && m->date_order != 0)
		ok = cJSON_AddStringToObject(fo, "date_order",
		    m->date_order == 'm' ? "month-first" : "day-first") != NULL;
	if (ok && m->returns[0] != '\0')
		ok = cJSON_AddStringToObject(fo, "returns", m->returns) != NULL;
	if (ok)
		ok = (*mappings = cJSON_PrintUnformatted(mo)) != NULL;
	if (ok)
		ok = (*formats = cJSON_PrintUnformatted(fo)) != NULL;
	cJSON_Delete(mo);
	cJSON_Delete(fo);
	if (!ok) {
		cJSON_free(*mappings);
		*mappings = NULL;
		return json_error(err, m->name, NULL);
	}
	return 0;
}

/* Fill m's fields from the mappings column. */
static int
fields_from_json(ayni_mapping *m, const char *text, ayni_error *err)
{
	cJSON *o, *it;
	ayni_field_id id;
	char detail[160];
	int rc = 0;

	if ((o = cJSON_Parse(text)) == NULL || !cJSON_IsObject(o)) {
		cJSON_Delete(o);
		return json_error(err, m->name, _("its fields are not a JSON "
		    "object"));
	}
	cJSON_ArrayForEach(it, o) {
		if (ayni_field_lookup(it->string, &id, NULL) != 0) {
			snprintf(detail, sizeof(detail),
			    _("unknown field '%.40s'"), it->string);
			rc = json_error(err, m->name, detail);
			break;
		}
		if (!cJSON_IsString(it) || all_space(it->valuestring) ||
		    m->header[id] != NULL) {
			snprintf(detail, sizeof(detail),
			    _("bad header for '%s'"), it->string);
			rc = json_error(err, m->name, detail);
			break;
		}
		if ((m->header[id] = strdup(it->valuestring)) == NULL) {
			rc = ayni_error_set(err, AYNI_ENOMEM, _("out of memory"));
			break;
		}
	}
	cJSON_Delete(o);
	return rc;
}

/* Fill m's options from the formats column (NULL: none). */
static int
formats_from_json(ayni_mapping *m, const char *text, ayni_error *err)
{
	static const struct {
		const char *key;
		int (*set)(ayni_mapping *, const char *, ayni_error *);
	} opts[] = {
		{ "date_format", ayni_mapping_set_date_format },
		{ "decimal", ayni_mapping_set_decimal },
		{ "encoding", ayni_mapping_set_encoding },
		{ "delimiter", ayni_mapping_set_delimiter },
		{ "date_order", ayni_mapping_set_date_order },
		{ "returns", ayni_mapping_set_returns },
	};
	cJSON *o, *it;
	ayni_error oerr;
	size_t i;
	int rc = 0;

	if (text == NULL)
		return 0;
	if ((o = cJSON_Parse(text)) == NULL || !cJSON_IsObject(o)) {
		cJSON_Delete(o);
		return json_error(err, m->name, _("its formats are not a JSON "
		    "object"));
	}
	/* Keys this version does not know are left alone. */
	for (i = 0; rc == 0 && i < sizeof(opts) / sizeof(opts[0]); i++) {
		if ((it = cJSON_GetObjectItemCaseSensitive(o, opts[i].key)) ==
		    NULL)
			continue;
		if (!cJSON_IsString(it))
			rc = json_error(err, m->name, _("an option is not text"));
		else if (opts[i].set(m, it->valuestring, &oerr) != 0)
			rc = json_error(err, m->name, oerr.msg);
	}
	cJSON_Delete(o);
	return rc;
}

int
ayni_mapping_get(ayni_db *db, int64_t company_id, const char *name,
    ayni_mapping *out, ayni_error *err)
{
	ayni_stmt *st;
	int rc;

	memset(out, 0, sizeof(*out));
	rc = ayni_sql_row(db, &st, err, N_("reading a mapping"),
	    "SELECT mapping_name, mappings, formats, is_default"
	    " FROM column_mappings WHERE company_id = ?1"
	    " AND (?2 IS NULL AND is_default = 1 OR mapping_name = ?2)",
	    "It", company_id, name);
	if (rc == AYNI_ENOTFOUND && name != NULL)
		return ayni_error_set(err, rc, _("no mapping '%s'"), name);
	if (rc == AYNI_ENOTFOUND)
		return ayni_error_set(err, rc, _("no default mapping: save one "
		    "with --default"));
	if (rc != 0)
		return rc;
	snprintf(out->name, sizeof(out->name), "%s",
	    ayni_col_text(st, 0));
	out->is_default = ayni_col_int(st, 3);
	if ((rc = fields_from_json(out,
	    ayni_col_text(st, 1), err)) != 0)
		goto out;
	rc = formats_from_json(out, ayni_col_text(st, 2),
	    err);
out:
	ayni_stmt_finalize(st);
	if (rc != 0) {
		ayni_mapping_release(out);
		memset(out, 0, sizeof(*out));
	}
	return rc;
}

/*
 * Saving a mapping.  PostgreSQL keeps the two JSON columns as json
 * (schema/pg/0001), which a text value enters only by a cast; SQLite has
 * no json type, and its CAST would turn the text into a number.
 */
#define SAVE_MAPPING(json)						\
	"INSERT INTO column_mappings (company_id, mapping_name,"	\
	" mappings, formats, is_default, created_at, updated_at)"	\
	" VALUES (?1, ?2, ?3" json ", ?4" json ", ?5, ?6, ?6)"		\
	" ON CONFLICT (company_id, mapping_name) DO UPDATE SET"		\
	" mappings = excluded.mappings, formats = excluded.formats,"	\
	" is_default = excluded.is_default,"				\
	" updated_at = excluded.updated_at"
static const char save_sqlite[] = SAVE_MAPPING("");
static const char save_pg[] = SAVE_MAPPING("::json");

int
ayni_mapping_save(ayni_db *db, int64_t company_id, const ayni_mapping *m,
    ayni_mapping_saved *out, ayni_error *err)
{
	ayni_stmt *st;
	ayni_mapping_saved saved;
	char *mappings = NULL, *formats = NULL, now[20];
	int rc, i, n = 0;

	memset(&saved, 0, sizeof(saved));
	if ((rc = check_name(m->name, err)) != 0)
		return rc;
	for (i = 0; i < AYNI_FIELD_COUNT; i++)
		n += m->header[i] != NULL;
	if (n == 0)
		return ayni_error_set(err, AYNI_EUSAGE, _("mapping '%s' maps no "
		    "field: give at least one --map FIELD=HEADER"), m->name);
	if ((rc = to_json(m, &mappings, &formats, err)) != 0)
		return rc;
	ayni_db_timestamp(ayni_db_now(db), now);
	if ((rc = ayni_db_begin(db, err)) != 0)
		goto out;

	/* What is replaced, read without parsing it: it may be damaged. */
	rc = ayni_sql_row(db, &st, err, N_("saving a mapping"),
	    "SELECT is_default FROM column_mappings"
	    " WHERE company_id = ?1 AND mapping_name = ?2", "It", company_id,
	    m->name);
	if (rc == 0) {
		saved.replaced = 1;
		saved.was_default = ayni_col_int(st, 0);
		ayni_stmt_finalize(st);
	}
	/* At most one row: the schema allows one default. */
	if ((rc == 0 || rc == AYNI_ENOTFOUND) && m->is_default &&
	    (rc = ayni_sql_row(db, &st, err, N_("saving a mapping"),
	    "UPDATE column_mappings SET is_default = 0, updated_at = ?3"
	    " WHERE company_id = ?1 AND is_default = 1"
	    " AND mapping_name <> ?2 RETURNING mapping_name", "Itt",
	    company_id, m->name, now)) == 0) {
		snprintf(saved.prev_default, sizeof(saved.prev_default), "%s",
		    ayni_col_text(st, 0));
		ayni_stmt_finalize(st);
	}
	if (rc == 0 || rc == AYNI_ENOTFOUND)
		rc = ayni_sql_exec(db, err, N_("saving a mapping"),
		    ayni_db_dialect(db) == SQL_PG ? save_pg : save_sqlite,
		    "Itttit", company_id,
		    m->name, mappings, formats, m->is_default != 0, now);
	rc = ayni_db_end(db, rc < 0 ? rc : 0, err);
	if (rc == 0 && out != NULL)
		*out = saved;
out:
	cJSON_free(mappings);
	cJSON_free(formats);
	return rc;
}

int
ayni_mapping_remove(ayni_db *db, int64_t company_id, const char *name,
    int *out_was_default, ayni_error *err)
{
	ayni_stmt *st;
	int rc;

	/* At most one row: the name is unique in the company. */
	if ((rc = ayni_sql_row(db, &st, err, N_("removing a mapping"),
	    "DELETE FROM column_mappings WHERE company_id = ?1"
	    " AND mapping_name = ?2 RETURNING is_default", "It", company_id,
	    name)) != 0)
		return rc == AYNI_ENOTFOUND ? ayni_error_set(err, rc,
		    _("no mapping '%s'"), name) : rc;
	if (out_was_default != NULL)
		*out_was_default = ayni_col_int(st, 0);
	ayni_stmt_finalize(st);
	return 0;
}

int
ayni_mapping_list(ayni_db *db, int64_t company_id, ayni_writer *w,
    ayni_error *err)
{
	ayni_stmt *st;
	int rc;

	/* Columns in the order of ayni_mapping_list_columns. */
	if ((rc = ayni_sql_prepare(db, &st, err, N_("listing mappings"),
	    "SELECT mapping_name, (SELECT count(*) FROM json_each(mappings)),"
	    " is_default, updated_at FROM column_mappings"
	    " WHERE company_id = ?1 ORDER BY mapping_name", "I",
	    company_id)) != 0)
		return rc;
	rc = ayni_writer_stmt(w, st, err);
	ayni_stmt_finalize(st);
	return rc;
}

static int
write_row(ayni_writer *w, const char *kind, const char *name,
    const char *value, ayni_error *err)
{
	ayni_value v[3];

	v[0] = ayni_v_text(kind);
	v[1] = ayni_v_text(name);
	v[2] = ayni_v_text(value);
	return ayni_writer_row(w, v, err);
}

int
ayni_mapping_write(const ayni_mapping *m, ayni_writer *w, ayni_error *err)
{
	char dec[2] = { m->decimal, '\0' }, del[2] = { m->delimiter, '\0' };
	int i, rc = 0;

	for (i = 0; rc == 0 && i < AYNI_FIELD_COUNT; i++)
		if (m->header[i] != NULL)
			rc = write_row(w, "field", ayni_fields[i].name,
			    m->header[i], err);
	if (rc == 0)
		rc = write_row(w, "option", "date_format",
		    m->date_format[0] ? m->date_format : NULL, err);
	/* Only mappings made from a month-first upload carry an order. */
	if (rc == 0 && m->date_order != 0)
		rc = write_row(w, "option", "date_order", m->date_order == 'm' ?
		    "month-first" : "day-first", err);
	if (rc == 0)
		rc = write_row(w, "option", "decimal", m->decimal ? dec : NULL,
		    err);
	if (rc == 0)
		rc = write_row(w, "option", "encoding",
		    m->encoding[0] ? m->encoding : NULL, err);
	if (rc == 0)
		rc = write_row(w, "option", "delimiter", m->delimiter == '\t' ?
		    "tab" : m->delimiter ? del : NULL, err);
	if (rc == 0)
		rc = write_row(w, "option", "returns",
		    m->returns[0] ? m->returns : NULL, err);
	if (rc == 0)
		rc = write_row(w, "option", "default",
		    m->is_default ? "yes" : "no", err);
	return rc;
}
