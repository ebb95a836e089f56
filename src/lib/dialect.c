/*
 * dialect.c - how one export is written, learnt from the whole file:
 * pass 1 of an upload.
 *
 * It reads the CSV once: maps the header to fields (a mapping's, then
 * automatic matching), gathers the evidence that decides each numeric
 * column's decimal mark and the date order from every value in the file,
 * and spools the records for pass 2 (spool.c).  Then it decides, says
 * what it decided and why (the -v lines, the warnings, the dialect JSON of
 * the upload record), and leaves the decisions in u->fmt, which is all
 * that reading a record needs (record.h).
 *
 * Not here: parsing a line (record.c), the database (upload.c).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <cjson/cJSON.h>

#include "ayni/intl.h"
#include "ayni/fields.h"
#include "ayni/parse.h"
#include "ayni/returns.h"
#include "pipe.h"
#include "upload_int.h"

/* --- header mapping --- */

/* Index of the header named name (exactly, else normalised), or -1. */
static int
find_header(const char *const *hdr, size_t n, const char *name)
{
	char a[256], b[256];
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(hdr[i], name) == 0)
			return (int)i;
	ayni_field_normalize(name, a, sizeof(a));
	for (i = 0; i < n; i++) {
		ayni_field_normalize(hdr[i], b, sizeof(b));
		if (strcmp(a, b) == 0)
			return (int)i;
	}
	return -1;
}

/*
 * Fields to columns for header row hdr: the mapping's, then automatic
 * matching for the rest; AYNI_EDATA when a required field has no column.
 * No side effects: the reader also asks it of rows above the header.
 */
static int
build_map(const struct upload *u, const char *const *hdr, size_t n,
    ayni_header_map *m, ayni_error *err)
{
	int f, g, c;

	ayni_header_match(hdr, n, m);
	/*
	 * A mapping names some fields; automatic matching fills the rest
	 * from headers the mapping did not take.
	 */
	if (u->map != NULL) {
		for (f = 0; f < AYNI_FIELD_COUNT; f++) {
			if (u->map->header[f] == NULL)
				continue;
			if ((c = find_header(hdr, n, u->map->header[f])) < 0)
				return ayni_error_set(err, AYNI_EDATA,
				    _("%s: the mapping gives header '%s' for "
				    "field '%s' but the file has no such "
				    "header"), u->name, u->map->header[f],
				    ayni_fields[f].name);
			for (g = 0; g < AYNI_FIELD_COUNT; g++)
				if (m->col[g] == c && u->map->header[g] == NULL)
					m->col[g] = -1;
			m->col[f] = c;
		}
	}
	if (ayni_header_check(m, hdr, n, err) != 0) {
		char msg[sizeof(err->msg)];

		if (err == NULL)
			return AYNI_EDATA;
		memcpy(msg, err->msg, sizeof(msg));
		return ayni_error_set(err, AYNI_EDATA, "%.100s: %.400s",
		    u->name, msg);
	}
	return 0;
}

/* For the reader: is this row the header? */
static int
header_ok(void *arg, const char *const *fields, size_t n)
{
	ayni_header_map m;

	return build_map(arg, fields, n, &m, NULL) == 0;
}

static int
map_headers(struct upload *u, ayni_error *err)
{
	ayni_header_map m;
	int f, rc;

	if ((rc = build_map(u, (const char *const *)u->header, u->fmt.nheader,
	    &m, err)) != 0)
		return rc;
	/*
	 * "Precio" beside "Total" is the unit price: a column of prices that
	 * lost the line total to a better header is one, when the file has
	 * no unit price of its own and no mapping named either.
	 */
	if (m.dup[AYNI_F_PRICE_TOTAL] >= 0 && m.col[AYNI_F_PRICE_UNIT] < 0 &&
	    (u->map == NULL || (u->map->header[AYNI_F_PRICE_TOTAL] == NULL &&
	    u->map->header[AYNI_F_PRICE_UNIT] == NULL)) &&
	    ayni_field_unit_price(u->header[m.dup[AYNI_F_PRICE_TOTAL]])) {
		m.col[AYNI_F_PRICE_UNIT] = m.dup[AYNI_F_PRICE_TOTAL];
		m.dup[AYNI_F_PRICE_TOTAL] = -1;
	}
	for (f = 0; f < AYNI_FIELD_COUNT; f++) {
		u->fmt.col[f] = m.col[f];
		/* Two headers fit one field: say which won, and how to choose. */
		if (m.dup[f] >= 0 && m.col[f] >= 0 && m.dup[f] != m.col[f] &&
		    (u->map == NULL || u->map->header[f] == NULL) &&
		    m.known == AYNI_EXPORT_NONE)
			notifyf(u, AYNI_UPLOAD_EV_WARNING, _("%s: headers '%s' "
			    "and '%s' both match %s; using '%s' (choose with "
			    "--map %s=HEADER)"), u->name, u->header[m.col[f]],
			    u->header[m.dup[f]], ayni_fields[f].name,
			    u->header[m.col[f]], ayni_fields[f].name);
	}
	/*
	 * Revenue is net of IVA.  A net column wins the match by rank
	 * (fields.c); a gross total with a tax column beside it gives the
	 * net as their difference, unless a mapping chose the column.
	 */
	u->known = m.known;
	u->fmt.product_alt = m.product_alt;
	u->fmt.total_from_unit = u->fmt.col[AYNI_F_PRICE_TOTAL] < 0;
	u->fmt.net_from_tax = u->fmt.col[AYNI_F_TAX] >= 0 &&
	    u->fmt.col[AYNI_F_PRICE_TOTAL] >= 0 &&
	    (u->map == NULL || u->map->header[AYNI_F_PRICE_TOTAL] == NULL) &&
	    ayni_field_gross(u->header[u->fmt.col[AYNI_F_PRICE_TOTAL]]);
	/* An exempt amount adds to a net total; a gross one holds it. */
	u->fmt.add_exempt = u->fmt.col[AYNI_F_EXEMPT] >= 0 &&
	    u->fmt.col[AYNI_F_PRICE_TOTAL] >= 0 && !u->fmt.net_from_tax &&
	    !ayni_field_gross(u->header[u->fmt.col[AYNI_F_PRICE_TOTAL]]);
	u->document_level = ayni_header_document_level(&m);
	u->fmt.customer_rut = m.known == AYNI_EXPORT_SII_RCV;
	return 0;
}

/* --- pass 1 --- */

/* The three numbers that quantity x unit price = total ties together. */
static const ayni_field_id tied[3] = {
	AYNI_F_QUANTITY, AYNI_F_PRICE_UNIT, AYNI_F_PRICE_TOTAL
};

/* A unit price, which may have more decimals than a peso has cents. */
static int
unit_money(const char *s, char mark, int64_t *out)
{
	if (ayni_num_parse(s, mark, AYNI_SCALE_MONEY, out, NULL) == 0)
		return 0;
	if (ayni_num_parse(s, mark, 6, out, NULL) != 0)
		return -1;
	*out /= 10000;
	return 0;
}

/*
 * Evidence across columns: of the eight ways to read the decimal marks
 * of quantity, unit price and total, count the rows under which quantity
 * x unit price = total holds (to a peso or 0.5 %).  A scale's "1.250" kg
 * at "15990" for "19988" is 1.25 kg, which no single column can tell.
 * Bit 0 of a way is the quantity's mark, bit 1 the unit price's, bit 2 the
 * total's: set for '.', clear for ','.
 */
static void
rows_evidence(struct upload *u, const ayni_csv_record *r)
{
	const char *v[3];
	int64_t n[3];
	__int128 diff, tol;
	int i, way, marks = 0;

	for (i = 0; i < 3; i++) {
		int c = u->fmt.col[tied[i]];

		if (c < 0 || (size_t)c >= r->nfields || r->lens[c] == 0)
			return;
		v[i] = r->fields[c];
		marks |= strpbrk(v[i], ".,") != NULL;
	}
	if (!marks)		/* every reading is the same */
		return;
	for (way = 0; way < 8; way++) {
		if (ayni_num_parse(v[0], way & 1 ? '.' : ',', AYNI_SCALE_QTY,
		    &n[0], NULL) != 0 || unit_money(v[1], way & 2 ? '.' : ',',
		    &n[1]) != 0 || ayni_num_parse(v[2], way & 4 ? '.' : ',',
		    AYNI_SCALE_MONEY, &n[2], NULL) != 0 || n[2] == 0)
			continue;
		diff = (__int128)n[0] * n[1] / 1000 - n[2];
		tol = n[2] < 0 ? -n[2] / 200 : n[2] / 200;
		if (tol < 100)
			tol = 100;
		if (diff <= tol && diff >= -tol)
			u->rows_fit[way]++;
	}
}

/* The reader, with the encoding and delimiter the options or mapping give. */
static int
open_csv(struct upload *u, FILE *fp, ayni_csv **csv, ayni_error *err)
{
	ayni_csv_opts copts = u->o->csv;
	int rc;

	if (u->map != NULL && copts.encoding == AYNI_ENC_AUTO &&
	    u->map->encoding[0] != '\0' &&
	    (rc = ayni_csv_encoding_parse(u->map->encoding, &copts.encoding,
	    err)) != 0)
		return rc;
	if (u->map != NULL && copts.delimiter == 0)
		copts.delimiter = u->map->delimiter;
	copts.header_ok = header_ok;
	copts.header_arg = u;
	return ayni_csv_open(csv, fp, u->name, &copts, err);
}

/* Copies of the header names, which outlive the reader. */
static int
copy_header(struct upload *u, ayni_csv *csv, ayni_error *err)
{
	const char *const *names;
	size_t i;

	u->fmt.nheader = ayni_csv_header(csv, &names);
	if ((u->header = calloc(u->fmt.nheader + 1, sizeof(char *))) == NULL)
		return ayni_error_set(err, AYNI_ENOMEM, _("out of memory"));
	u->fmt.header = (const char *const *)u->header;
	for (i = 0; i < u->fmt.nheader; i++)
		if ((u->header[i] = strdup(names[i])) == NULL)
			return ayni_error_set(err, AYNI_ENOMEM,
			    _("out of memory"));
	return 0;
}

/* What the values of record r show about their columns' formats. */
static void
add_evidence(struct upload *u, const ayni_csv_record *r)
{
	int f;

	for (f = 0; f < AYNI_FIELD_COUNT; f++) {
		int c = u->fmt.col[f];

		if (c < 0 || (size_t)c >= r->nfields || r->lens[c] == 0)
			continue;
		if (ayni_fields[f].kind == AYNI_KIND_MONEY &&
		    f != AYNI_F_PRICE_UNIT && f != AYNI_F_COST_UNIT)
			ayni_num_evidence_add_scaled(&u->ev[f],
			    r->fields[c], AYNI_SCALE_MONEY);
		else if (ayni_fields[f].kind == AYNI_KIND_MONEY ||
		    ayni_fields[f].kind == AYNI_KIND_QTY)
			ayni_num_evidence_add(&u->ev[f], r->fields[c]);
		else if (ayni_fields[f].kind == AYNI_KIND_DATE)
			ayni_date_evidence_add(&u->dev, r->fields[c]);
	}
	rows_evidence(u, r);
}

/* One record of pass 1: counted, and skipped or learnt from and spooled. */
static int
read_record(struct upload *u, unsigned long long bytes,
    const ayni_csv_record *r, ayni_error *err)
{
	size_t i;

	u->res->rows_read++;
	/*
	 * docs/contract.md §5: a row of only delimiters (",,,,",
	 * Excel's empty rows) is skipped, and counted as such.
	 */
	for (i = 0; i < r->nfields && r->lens[i] == 0; i++)
		;
	if (i == r->nfields) {
		u->res->rows_skipped++;
		return 0;
	}
	if (!ayni_record_is_total(r->fields, r->nfields))
		u->last_data_line = r->line;
	add_evidence(u, r);
	if (ayni_spool_put(u->spool, r) != 0)
		return ayni_error_set(err, AYNI_EIO,
		    _("cannot write a temporary file in '%s': %s (set "
		    "TMPDIR to a directory with room)"), u->spool_dir,
		    strerror(errno));
	if ((u->res->rows_read & 0xffff) == 0)
		notify(u, AYNI_UPLOAD_EV_READING, u->res->rows_read, 0, bytes,
		    NULL);
	return 0;
}

/*
 * Pass 1's reader (pipe.h): the CSV read, decoded and split into records
 * on a second thread, each copied into the next slot of a ring, while
 * this thread gathers the evidence and spools them.
 */
struct csv_slot {
	ayni_csv_record	 r;
	char		*buf;
	size_t		 cap;
	const char	**f;
	size_t		*lens, fcap;
	unsigned long long bytes;	/* of the file read by then */
};

struct csv_reader {
	ayni_csv	*csv;
	ayni_error	 err;		/* of a failed read */
};

static int
read_csv_slot(void *arg, void *slot)
{
	struct csv_reader *cr = arg;
	struct csv_slot *s = slot;
	const ayni_csv_record *r;
	size_t i, need = 0;
	char *p;
	int rc;

	if ((rc = ayni_csv_next(cr->csv, &r, &cr->err)) != 1)
		return rc;
	for (i = 0; i < r->nfields; i++)
		need += r->lens[i] + 1;
	if (need > s->cap) {
		if ((p = realloc(s->buf, need * 2)) == NULL)
			return ayni_error_set(&cr->err, AYNI_ENOMEM,
			    _("out of memory"));
		s->buf = p;
		s->cap = need * 2;
	}
	if (r->nfields > s->fcap) {
		const char **f = realloc(s->f, r->nfields * sizeof(*f));
		size_t *lens = f == NULL ? NULL : realloc(s->lens,
		    r->nfields * sizeof(*lens));

		if (f != NULL)
			s->f = f;
		if (lens == NULL)
			return ayni_error_set(&cr->err, AYNI_ENOMEM,
			    _("out of memory"));
		s->lens = lens;
		s->fcap = r->nfields;
	}
	for (i = 0, p = s->buf; i < r->nfields; i++) {
		memcpy(p, r->fields[i], r->lens[i] + 1);
		s->f[i] = p;
		s->lens[i] = r->lens[i];
		p += r->lens[i] + 1;
	}
	s->r.line = r->line;
	s->r.nfields = r->nfields;
	s->r.fields = s->f;
	s->r.lens = s->lens;
	s->bytes = ayni_csv_bytes_read(cr->csv);
	return 1;
}

static void
free_csv_slot(void *slot)
{
	struct csv_slot *s = slot;

	free(s->buf);
	free(s->f);
	free(s->lens);
}

/* Every record after the header: counted, learnt from, spooled. */
static int
read_records(struct upload *u, FILE *fp, ayni_csv *csv, ayni_error *err)
{
	struct csv_reader cr = { csv, { 0, "", 0 } };
	struct ayni_pipe pipe = { 0 };
	struct csv_slot *s;
	struct stat st;
	size_t i;
	int rc = 0, threaded = 0;

	/*
	 * Only a regular file is read on the second thread: a read from a
	 * pipe or a terminal may wait for ever, and Ctrl-C must stop it
	 * where the cancel is seen (SA_RESTART is off for that).
	 */
	if (fstat(fileno(fp), &st) == 0 && S_ISREG(st.st_mode))
		threaded = 1;
	if (ayni_pipe_start(&pipe, 256, sizeof(struct csv_slot),
	    read_csv_slot, &cr, threaded) != 0)
		return ayni_error_set(err, AYNI_ENOMEM, _("out of memory"));
	while ((s = ayni_pipe_next(&pipe, pipe.next, &i)) != NULL) {
		if (u->o->cancel != NULL && *u->o->cancel) {
			rc = AYNI_ECANCELED;	/* said by ayni_upload_run */
			break;
		}
		if ((rc = read_record(u, s->bytes, &s->r, err)) != 0)
			break;
	}
	if (s == NULL && ayni_pipe_status(&pipe) < 0) {
		*err = cr.err;
		rc = ayni_pipe_status(&pipe);
	}
	ayni_pipe_stop(&pipe, free_csv_slot);
	return rc;
}


int
ayni_dialect_pass1(struct upload *u, FILE *fp, ayni_error *err)
{
	ayni_csv *csv = NULL;
	int rc;

	if ((rc = open_csv(u, fp, &csv, err)) != 0)
		return rc;
	if ((rc = copy_header(u, csv, err)) != 0 ||
	    (rc = map_headers(u, err)) != 0)
		goto out;
	if ((u->spool = ayni_spool_open(u->spool_dir, sizeof(u->spool_dir))) ==
	    NULL) {
		rc = ayni_error_set(err, AYNI_ECANTCREAT,
		    _("cannot create a temporary file in '%s': %s (set TMPDIR "
		    "to a writable directory)"), u->spool_dir,
		    strerror(errno));
		goto out;
	}
	if ((rc = read_records(u, fp, csv, err)) != 0)
		goto out;
	ayni_csv_dialect_get(csv, &u->dialect);
	notify(u, AYNI_UPLOAD_EV_READING, u->res->rows_read, 0,
	    ayni_csv_bytes_read(csv), NULL);
	if (fflush(u->spool) != 0 || fseek(u->spool, 0, SEEK_SET) != 0)
		rc = ayni_error_set(err, AYNI_EIO,
		    _("cannot write a temporary file in '%s': %s (set TMPDIR "
		    "to a directory with room)"), u->spool_dir,
		    strerror(errno));
out:
	ayni_csv_free(csv);
	return rc;
}

/*
 * No value shows the date order: day-first, as Chilean files write it,
 * unless the file is clearly from the US (an English date header and
 * money written with a decimal point).  Either way the guess is said.
 */
static void
guess_date_order(struct upload *u)
{
	static const char *const english[] = {
		"date", "datetime", "timestamp", "createdat", "orderdate",
		"saledate", "transactiondate",
	};
	char key[64], sep;
	size_t i;
	int us = 0, colons;

	ayni_field_normalize(u->header[u->fmt.col[AYNI_F_DT]], key,
	    sizeof(key));
	for (i = 0; i < sizeof(english) / sizeof(english[0]); i++)
		if (strcmp(key, english[i]) == 0)
			us = u->fmt.mark[AYNI_F_PRICE_TOTAL] == '.' &&
			    u->why[AYNI_F_PRICE_TOTAL] != AYNI_MARK_DEFAULT;
	u->fmt.order = us ? AYNI_DATE_MONTH_FIRST : AYNI_DATE_DAY_FIRST;
	/* the format that reads the example the other way */
	sep = strchr(u->dev.example, '/') != NULL ? '/' : '-';
	colons = (int)(strchr(u->dev.example, ':') != NULL) +
	    (int)(strchr(u->dev.example, ':') != NULL &&
	    strchr(strchr(u->dev.example, ':') + 1, ':') != NULL);
	notifyf(u, AYNI_UPLOAD_EV_WARNING, _("%s: no date shows whether '%s' "
	    "is day or month first; read %s (%s); if not, give "
	    "--date-format '%%%c%c%%%c%c%%Y%s'"), u->name, u->dev.example, us ?
	    _("month first") : _("day first"), us ? _("English headers and "
	    "decimal points") : _("as in Chile"), us ? 'd' : 'm', sep,
	    us ? 'm' : 'd',
	    sep, colons == 2 ? " %H:%M:%S" : colons == 1 ? " %H:%M" : "");
}

/*
 * A mark that its own column did not decide follows the rows: of the
 * readings that keep the decided marks, those with '.' for it against
 * those with ',', by the rows where quantity x unit price = total holds.
 * Columns whose values read the same either way tie, and keep theirs.
 */
static void
rows_decide(struct upload *u)
{
	long dot, comma;
	int i, way, fixed = 0, want = 0;

	for (i = 0; i < 3; i++) {
		if (u->fmt.col[tied[i]] < 0)
			return;
		if (u->why[tied[i]] == AYNI_MARK_COLUMN) {
			fixed |= 1 << i;
			if (u->fmt.mark[tied[i]] == '.')
				want |= 1 << i;
		}
	}
	for (i = 0; i < 3; i++) {
		if (fixed & (1 << i))
			continue;
		dot = comma = 0;
		for (way = 0; way < 8; way++)
			if ((way & fixed) == want) {
				if (way & (1 << i))
					dot += u->rows_fit[way];
				else
					comma += u->rows_fit[way];
			}
		if (dot == comma)
			continue;
		u->fmt.mark[tied[i]] = dot > comma ? '.' : ',';
		u->why[tied[i]] = AYNI_MARK_ROWS;
	}
}

void
ayni_dialect_decide(struct upload *u)
{
	ayni_num_evidence ev[AYNI_FIELD_COUNT];
	char marks[AYNI_FIELD_COUNT];
	ayni_mark_source why[AYNI_FIELD_COUNT];
	int idx[AYNI_FIELD_COUNT], n = 0, f, i;

	for (f = 0; f < AYNI_FIELD_COUNT; f++) {
		if (u->fmt.col[f] < 0 ||
		    (ayni_fields[f].kind != AYNI_KIND_MONEY &&
		    ayni_fields[f].kind != AYNI_KIND_QTY))
			continue;
		idx[n] = f;
		ev[n++] = u->ev[f];
	}
	ayni_num_decide(ev, (size_t)n, marks, why);
	for (i = 0; i < n; i++) {
		u->fmt.mark[idx[i]] = u->decimal ? u->decimal : marks[i];
		u->why[idx[i]] = why[i];
	}
	if (u->decimal == 0)
		rows_decide(u);
	/* A reading with no evidence at all is a guess: say it. */
	for (f = 0; f < AYNI_FIELD_COUNT; f++)
		if (u->fmt.col[f] >= 0 && u->why[f] == AYNI_MARK_DEFAULT &&
		    u->decimal == 0 && u->ev[f].ambiguous > 0)
			notifyf(u, AYNI_UPLOAD_EV_WARNING, _("%s: nothing shows "
			    "whether '%s' in '%s' has a decimal point or a "
			    "thousands point; read '.' as thousands, as in "
			    "Chile; if not, give --decimal ."), u->name,
			    u->ev[f].example, u->header[u->fmt.col[f]]);
	u->fmt.order = u->forced_order == 'm' ? AYNI_DATE_MONTH_FIRST :
	    u->forced_order == 'd' ? AYNI_DATE_DAY_FIRST :
	    ayni_date_evidence_order(&u->dev);
	if (u->forced_order == 0 && u->fmt.date_format == NULL &&
	    ayni_date_evidence_guessed(&u->dev))
		guess_date_order(u);
}

/* The dialect, as JSON for the upload record and as lines for -v. */
char *
ayni_dialect_json(const struct upload *u)
{
	cJSON *o = cJSON_CreateObject(), *cols, *dec;
	char d[2] = { u->dialect.delimiter, '\0' }, m[2] = { 0, 0 };
	char *s = NULL;
	int f;

	if (o == NULL)
		return NULL;
	cJSON_AddStringToObject(o, "encoding",
	    ayni_csv_encoding_name(u->dialect.encoding));
	cJSON_AddBoolToObject(o, "encoding_detected",
	    u->dialect.encoding_detected);
	cJSON_AddBoolToObject(o, "bom", u->dialect.bom);
	cJSON_AddStringToObject(o, "delimiter", d);
	cJSON_AddBoolToObject(o, "delimiter_detected",
	    u->dialect.delimiter_detected);
	if (u->fmt.date_format != NULL)
		cJSON_AddStringToObject(o, "date_format", u->fmt.date_format);
	else
		cJSON_AddStringToObject(o, "date_order",
		    u->fmt.order == AYNI_DATE_MONTH_FIRST ? "month-first" :
		    u->fmt.order == AYNI_DATE_EXCEL_SERIAL ? "excel-serial" :
		    "day-first");
	if (ayni_returns_pattern(u->ret) != NULL)
		cJSON_AddStringToObject(o, "returns",
		    ayni_returns_pattern(u->ret));
	if (u->known != AYNI_EXPORT_NONE)
		cJSON_AddStringToObject(o, "export",
		    ayni_export_name(u->known));
	if (u->dialect.preamble_rows > 0)
		cJSON_AddNumberToObject(o, "header_line",
		    (double)u->dialect.header_line);
	cols = cJSON_AddObjectToObject(o, "columns");
	dec = cJSON_AddObjectToObject(o, "decimal");
	for (f = 0; f < AYNI_FIELD_COUNT; f++) {
		if (u->fmt.col[f] < 0)
			continue;
		cJSON_AddStringToObject(cols, ayni_fields[f].name,
		    u->header[u->fmt.col[f]]);
		if (u->fmt.mark[f] != 0) {
			m[0] = u->fmt.mark[f];
			cJSON_AddStringToObject(dec, ayni_fields[f].name, m);
		}
	}
	s = cJSON_PrintUnformatted(o);
	cJSON_Delete(o);
	return s;
}

void
ayni_dialect_report(struct upload *u)
{
	static const char *const whys[] = { N_("from its values"),
	    N_("from the file's other columns"), N_("Chilean default"),
	    N_("quantity x unit price = total") };
	int f;

	notifyf(u, AYNI_UPLOAD_EV_DIALECT, _("encoding: %s%s%s"),
	    ayni_csv_encoding_name(u->dialect.encoding),
	    u->dialect.bom ? _(" with BOM") : "",
	    u->dialect.encoding_detected ? _(" (detected)") : _(" (given)"));
	notifyf(u, AYNI_UPLOAD_EV_DIALECT, _("delimiter: '%s' %s"),
	    u->dialect.delimiter == '\t' ? "\\t" :
	    (char[2]){ u->dialect.delimiter, '\0' },
	    u->dialect.delimiter_detected ? _("(detected)") :
	    u->dialect.sep_line && u->o->csv.delimiter == 0 ?
	    _("(sep= line)") : _("(given)"));
	if (u->fmt.date_format != NULL)
		notifyf(u, AYNI_UPLOAD_EV_DIALECT, _("dates: '%s' (given)"),
		    u->fmt.date_format);
	else
		notifyf(u, AYNI_UPLOAD_EV_DIALECT, _("dates: %s"),
		    u->forced_order != 0 ?
		    (u->fmt.order == AYNI_DATE_MONTH_FIRST ?
		    _("month first (given)") : _("day first (given)")) :
		    u->fmt.order == AYNI_DATE_EXCEL_SERIAL ?
		    _("Excel serial numbers (every value is one)") :
		    u->fmt.order == AYNI_DATE_MONTH_FIRST ?
		    (ayni_date_evidence_guessed(&u->dev) ?
		    _("month first (guessed)") :
		    _("month first (proven by a value)")) : _("day first"));
	for (f = 0; f < AYNI_FIELD_COUNT; f++) {
		if (u->fmt.col[f] < 0)
			continue;
		if (u->fmt.mark[f] != 0)
			notifyf(u, AYNI_UPLOAD_EV_DIALECT,
			    _("%s <- '%s', decimal '%c' (%s)"), ayni_fields[f].name,
			    u->header[u->fmt.col[f]], u->fmt.mark[f],
			    u->decimal ? _("given") : _(whys[u->why[f]]));
		else
			notifyf(u, AYNI_UPLOAD_EV_DIALECT, "%s <- '%s'",
			    ayni_fields[f].name, u->header[u->fmt.col[f]]);
	}
	if (u->dialect.preamble_rows > 0)
		notifyf(u, AYNI_UPLOAD_EV_DIALECT, _("header: line %ld; the %ld "
		    "rows above it (titles, dates) skipped"),
		    u->dialect.header_line, u->dialect.preamble_rows);
	if (u->known == AYNI_EXPORT_SHOPIFY)
		notifyf(u, AYNI_UPLOAD_EV_DIALECT, _("export: Shopify orders "
		    "(recognised by its headers)"));
	if (u->known == AYNI_EXPORT_BSALE)
		notifyf(u, AYNI_UPLOAD_EV_DIALECT, _("export: Bsale detalle de "
		    "ventas (recognised by its headers)"));
	if (u->known == AYNI_EXPORT_SII_RCV)
		notifyf(u, AYNI_UPLOAD_EV_DIALECT, _("export: the SII sales "
		    "register (recognised by its headers)"));
	if (u->fmt.add_exempt)
		notifyf(u, AYNI_UPLOAD_EV_DIALECT, _("revenue: '%s' plus '%s' "
		    "(the exempt amount)"),
		    u->header[u->fmt.col[AYNI_F_PRICE_TOTAL]],
		    u->header[u->fmt.col[AYNI_F_EXEMPT]]);
	if (u->fmt.total_from_unit)
		notifyf(u, AYNI_UPLOAD_EV_DIALECT, _("revenue: '%s' x '%s'%s%s%s"),
		    u->header[u->fmt.col[AYNI_F_QUANTITY]],
		    u->header[u->fmt.col[AYNI_F_PRICE_UNIT]],
		    u->fmt.col[AYNI_F_DISCOUNT_TOTAL] >= 0 ? " minus '" : "",
		    u->fmt.col[AYNI_F_DISCOUNT_TOTAL] >= 0 ?
		    u->header[u->fmt.col[AYNI_F_DISCOUNT_TOTAL]] : "",
		    u->fmt.col[AYNI_F_DISCOUNT_TOTAL] >= 0 ? "'" : "");
	if (u->fmt.net_from_tax)
		notifyf(u, AYNI_UPLOAD_EV_DIALECT, _("revenue: '%s' minus '%s' "
		    "(the total includes the tax)"),
		    u->header[u->fmt.col[AYNI_F_PRICE_TOTAL]],
		    u->header[u->fmt.col[AYNI_F_TAX]]);
	if (u->dialect.encoding_switch_line > 0)
		notifyf(u, AYNI_UPLOAD_EV_WARNING, _("%s:%ld: not UTF-8; read "
		    "as windows-1252 from this line on (use --encoding to "
		    "choose)"), u->name, u->dialect.encoding_switch_line);
}
