/*
 * output.c - the table, csv and json writers behind output.h.
 *
 * Formats differ only in how a header, a cell and a row end are written, so
 * each is a small set of functions chosen once.  Table output needs every
 * row to align the columns and is therefore kept in memory until
 * ayni_writer_finish(); it is for people, so its size is a screenful, not a
 * data set.  csv and json stream row by row.
 *
 * Not here: deciding the format (the command line does), formula
 * anything but text safety: csv text cells that a spreadsheet would run as
 * a formula are neutralised here, for every command, and control
 * characters in table cells and messages are escaped here
 * (ayni_text_safe), for every command.
 */
#include <errno.h>
#include <inttypes.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ayni/intl.h"
#include "ayni/output.h"
#include "internal.h"
#include "sql.h"

struct ayni_writer {
	FILE		*fp;
	ayni_format	 fmt;
	int		 shape;
	int		 ncols;
	ayni_column	*cols;
	long		 nrows;
	int		 begun;		/* header or '[' written */
	char		 sep;		/* csv: ',' or ';' (excel) */
	int		 dec_comma;	/* csv: 1234,5 (excel) */
	char		*line;		/* csv: the row being written */
	size_t		 nline, capline;
	int		 line_oom;	/* a cell did not fit in memory */
	/* table only: cells as text, row-major */
	char		*date;		/* per column: holds days */
	char		**cells;
	size_t		 ncells, capcells;
};

int
ayni_format_parse(const char *s, ayni_format *out, ayni_error *err)
{
	if (strcmp(s, "table") == 0)
		*out = AYNI_FORMAT_TABLE;
	else if (strcmp(s, "csv") == 0)
		*out = AYNI_FORMAT_CSV;
	else if (strcmp(s, "json") == 0)
		*out = AYNI_FORMAT_JSON;
	else
		return ayni_error_set(err, AYNI_EUSAGE,
		    _("unknown format '%s': use table, csv or json"), s);
	return 0;
}

const char *
ayni_format_name(ayni_format f)
{
	switch (f) {
	case AYNI_FORMAT_TABLE:	return "table";
	case AYNI_FORMAT_CSV:	return "csv";
	case AYNI_FORMAT_JSON:	return "json";
	}
	return "?";
}

ayni_value
ayni_v_text(const char *s)
{
	ayni_value v = { s == NULL, 0, 0, s };
	return v;
}

ayni_value
ayni_v_int(int64_t i)
{
	ayni_value v = { 0, i, 0, NULL };
	return v;
}

ayni_value
ayni_v_real(double r)
{
	ayni_value v = { 0, 0, r, NULL };
	return v;
}

ayni_value
ayni_v_null(void)
{
	ayni_value v = { 1, 0, 0, NULL };
	return v;
}

/*
 * Headings of table output (csv and json keep the column names).  In
 * English a heading is the column's name; other languages translate it in
 * the context "column" (msgctxt), so that "period" the heading and a
 * "period" elsewhere are translated apart.  date: the column holds days,
 * YYYY-MM-DD or a time stamp that begins with one; a person reading
 * Spanish sees them dd-mm-yyyy (ayni_date_for_people).  Sorted by name.
 * A column missing here is headed by its name in every language.
 */
#define NC_(c, s)	(s)
#define HEADING_CTX	"column"

static const struct heading {
	const char	*name;
	int		 date;
} headings[] = {
	/*
	 * TRANSLATORS: the headings of tables on a terminal, in context
	 * "column"; the English text is the column's name in csv and json.
	 * Short: a heading sets the width of its column.
	 */
	{ NC_("column", "abc"), 0 },
	{ NC_("column", "active"), 0 },
	{ NC_("column", "avg_order"), 0 },
	{ NC_("column", "avg_ticket"), 0 },
	{ NC_("column", "benchmark"), 0 },
	{ NC_("column", "category"), 0 },
	{ NC_("column", "check"), 0 },
	{ NC_("column", "company"), 0 },
	{ NC_("column", "company_name"), 0 },
	{ NC_("column", "completed_at"), 1 },
	{ NC_("column", "cost"), 0 },
	{ NC_("column", "created_at"), 1 },
	{ NC_("column", "customer_id"), 0 },
	{ NC_("column", "customers"), 0 },
	{ NC_("column", "data_updates"), 0 },
	{ NC_("column", "default"), 0 },
	{ NC_("column", "deleted_at"), 1 },
	{ NC_("column", "deleted_by"), 0 },
	{ NC_("column", "description"), 0 },
	{ NC_("column", "dialect"), 0 },
	{ NC_("column", "discount"), 0 },
	{ NC_("column", "documents"), 0 },
	{ NC_("column", "elapsed_s"), 0 },
	{ NC_("column", "email"), 0 },
	{ NC_("column", "error"), 0 },
	{ NC_("column", "errors"), 0 },
	{ NC_("column", "expires_at"), 1 },
	{ NC_("column", "failed_logins"), 0 },
	{ NC_("column", "fields"), 0 },
	{ NC_("column", "file"), 0 },
	{ NC_("column", "filename"), 0 },
	{ NC_("column", "first_date"), 1 },
	{ NC_("column", "first_purchase"), 1 },
	{ NC_("column", "first_sale"), 1 },
	{ NC_("column", "industry"), 0 },
	{ NC_("column", "kind"), 0 },
	{ NC_("column", "last_date"), 1 },
	{ NC_("column", "last_login"), 1 },
	{ NC_("column", "last_login_host"), 0 },
	{ NC_("column", "last_purchase"), 1 },
	{ NC_("column", "last_sale"), 1 },
	{ NC_("column", "last_used_at"), 1 },
	{ NC_("column", "lines"), 0 },
	{ NC_("column", "locked_until"), 1 },
	{ NC_("column", "margin"), 0 },
	{ NC_("column", "margin_pct"), 0 },
	{ NC_("column", "mean"), 0 },
	{ NC_("column", "median"), 0 },
	{ NC_("column", "metric"), 0 },
	{ NC_("column", "mode"), 0 },
	{ NC_("column", "month"), 0 },
	{ NC_("column", "months"), 0 },
	{ NC_("column", "name"), 0 },
	{ NC_("column", "p25"), 0 },
	{ NC_("column", "p75"), 0 },
	{ NC_("column", "period"), 1 },
	{ NC_("column", "problem"), 0 },
	{ NC_("column", "product_id"), 0 },
	{ NC_("column", "products"), 0 },
	{ NC_("column", "profile"), 0 },
	{ NC_("column", "purchase_days"), 0 },
	{ NC_("column", "quadrant"), 0 },
	{ NC_("column", "recency_days"), 0 },
	{ NC_("column", "replace_from"), 1 },
	{ NC_("column", "replace_to"), 1 },
	{ NC_("column", "returns"), 0 },
	{ NC_("column", "revenue"), 0 },
	{ NC_("column", "role"), 0 },
	{ NC_("column", "rows"), 0 },
	{ NC_("column", "rows_deleted"), 0 },
	{ NC_("column", "rows_inserted"), 0 },
	{ NC_("column", "rows_read"), 0 },
	{ NC_("column", "rows_rejected"), 0 },
	{ NC_("column", "rows_removed"), 0 },
	{ NC_("column", "rows_skipped"), 0 },
	{ NC_("column", "rows_unchanged"), 0 },
	{ NC_("column", "rows_updated"), 0 },
	{ NC_("column", "rut"), 0 },
	{ NC_("column", "share_pct"), 0 },
	{ NC_("column", "size"), 0 },
	{ NC_("column", "standing"), 0 },
	{ NC_("column", "status"), 0 },
	{ NC_("column", "subject"), 0 },
	{ NC_("column", "superuser"), 0 },
	{ NC_("column", "token"), 0 },
	{ NC_("column", "token_name"), 0 },
	{ NC_("column", "transactions"), 0 },
	{ NC_("column", "units"), 0 },
	{ NC_("column", "updated_at"), 1 },
	{ NC_("column", "upload_id"), 0 },
	{ NC_("column", "user"), 0 },
	{ NC_("column", "value"), 0 },
	{ NC_("column", "velocity"), 0 },
	{ NC_("column", "verified"), 0 },
	{ NC_("column", "you"), 0 },
};

static const struct heading *
find_heading(const char *name)
{
	size_t lo = 0, hi = sizeof(headings) / sizeof(headings[0]), mid;
	int c;

	while (lo < hi) {
		mid = (lo + hi) / 2;
		if ((c = strcmp(name, headings[mid].name)) == 0)
			return &headings[mid];
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

const char *
ayni_heading(const char *name)
{
	char key[96];
	const char *t;

	if (find_heading(name) == NULL ||
	    (size_t)snprintf(key, sizeof(key), "%s%c%s", HEADING_CTX, '\004',
	    name) >= sizeof(key))
		return name;
	t = dgettext(AYNI_TEXTDOMAIN, key);
	/* untranslated: gettext hands the key back */
	return t == key ? name : t;
}

/* Whether s begins with a day, YYYY-MM-DD, alone or before a time. */
static int
starts_with_day(const char *s)
{
	int i;

	for (i = 0; i < 10; i++)
		if (i == 4 || i == 7 ? s[i] != '-' : s[i] < '0' || s[i] > '9')
			return 0;
	return s[10] == '\0' || s[10] == ' ' || s[10] == 'T';
}

const char *
ayni_date_for_people(const char *s, char *buf, size_t len)
{
	if (!ayni_intl_spanish() || !starts_with_day(s))
		snprintf(buf, len, "%s", s);
	else
		snprintf(buf, len, "%.2s-%.2s-%.4s%s", s + 8, s + 5, s,
		    s + 10);
	return buf;
}

/* Digits of n grouped by sep every three: 1234567 -> 1.234.567. */
static void
group(uint64_t n, char sep, char *buf, size_t len)
{
	char tmp[32];
	size_t i, j = 0, nd;

	nd = (size_t)snprintf(tmp, sizeof(tmp), "%" PRIu64, n);
	for (i = 0; i < nd && j + 2 < len; i++) {
		if (i > 0 && (nd - i) % 3 == 0)
			buf[j++] = sep;
		buf[j++] = tmp[i];
	}
	buf[j] = '\0';
}

static uint64_t
uabs(int64_t v)
{
	return v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
}

void
ayni_fmt_clp(int64_t cents, char *buf, size_t len)
{
	uint64_t a = uabs(cents);
	char digits[32];

	/* CLP has no minor unit: whole pesos, half away from zero. */
	group((a + 50) / 100, '.', digits, sizeof(digits));
	snprintf(buf, len, "%s$%s", cents < 0 && a >= 50 ? "-" : "", digits);
}

/*
 * Exact decimal text of v / 10^scale (scale 0, 2 or 3), trailing zeros
 * of the fraction dropped: 1234.5.  By hand, not snprintf: a long level
 * writes hundreds of thousands of these.
 */
void
ayni_fmt_fixed(int64_t v, int scale, char *buf, size_t len)
{
	uint64_t a = uabs(v);
	char tmp[32], *p = tmp + sizeof(tmp);
	int i, zeros = 1;
	size_t n;

	*--p = '\0';
	for (i = 0; i < scale; i++) {
		char d = (char)('0' + a % 10);

		a /= 10;
		if (zeros && d == '0')
			continue;
		zeros = 0;
		*--p = d;
	}
	if (!zeros)
		*--p = '.';
	do {
		*--p = (char)('0' + a % 10);
		a /= 10;
	} while (a > 0);
	if (v < 0)
		*--p = '-';
	if (len == 0)
		return;
	n = (size_t)(tmp + sizeof(tmp) - 1 - p);
	if (n >= len)
		n = len - 1;
	memcpy(buf, p, n);
	buf[n] = '\0';
}

/* "1234.5" (plain, dot decimal) as es-CL: "1.234,5", then suffix. */
static void
es_cl(const char *plain, const char *suffix, char *buf, size_t len)
{
	const char *s = plain[0] == '-' ? plain + 1 : plain, *dot;
	char ip[40];

	dot = strchr(s, '.');
	group(strtoull(s, NULL, 10), '.', ip, sizeof(ip));
	snprintf(buf, len, "%s%s%s%s%s", plain[0] == '-' ? "-" : "", ip,
	    dot ? "," : "", dot ? dot + 1 : "", suffix);
}

void
ayni_fmt_qty(int64_t thousandths, char *buf, size_t len)
{
	char tmp[40];

	ayni_fmt_fixed(thousandths, 3, tmp, sizeof(tmp));
	es_cl(tmp, "", buf, len);
}

void
ayni_fmt_pct(double v, int sign, char *buf, size_t len)
{
	char *dot;

	snprintf(buf, len, sign ? "%+.2f %%" : "%.2f %%", v);
	if ((dot = strchr(buf, '.')) != NULL)
		*dot = ',';
}

/* Plain real with at most 2 decimals, trailing zeros dropped. */
static void
real2(double r, char *buf, size_t len)
{
	int n;

	if (!isfinite(r)) {
		snprintf(buf, len, "null");
		return;
	}
	n = snprintf(buf, len, "%.2f", r);
	while (n > 0 && buf[n - 1] == '0')
		buf[--n] = '\0';
	if (n > 0 && buf[n - 1] == '.')
		buf[--n] = '\0';
	if (strcmp(buf, "-0") == 0)
		snprintf(buf, len, "0");
}

/* A cell as text for csv and json: plain numbers, dot decimal. */
static void
plain(const ayni_column *c, const ayni_value *v, char *buf, size_t len)
{
	switch (c->type) {
	case AYNI_T_INT:
		ayni_fmt_fixed(v->i, 0, buf, len);
		break;
	case AYNI_T_BOOL:
		snprintf(buf, len, "%d", v->i != 0);
		break;
	case AYNI_T_MONEY:
		ayni_fmt_fixed(v->i, 2, buf, len);
		break;
	case AYNI_T_QTY:
		ayni_fmt_fixed(v->i, 3, buf, len);
		break;
	case AYNI_T_REAL:
	case AYNI_T_PCT:
		real2(v->r, buf, len);
		break;
	case AYNI_T_TEXT:
	case AYNI_T_JSON:
		snprintf(buf, len, "%s", v->s);
		break;
	}
}

/* A cell for people: es-CL numbers ("1.234,5"), CLP as "$1.234". */
static void
human(const ayni_column *c, const ayni_value *v, char *buf, size_t len)
{
	char tmp[64];

	if (c->type == AYNI_T_MONEY) {
		ayni_fmt_clp(v->i, buf, len);
		return;
	}
	if (c->type == AYNI_T_BOOL) {
		/* TRANSLATORS: a yes/no cell of a table */
		snprintf(buf, len, "%s", v->i ? _("yes") : _("no"));
		return;
	}
	if (c->type == AYNI_T_TEXT || c->type == AYNI_T_INT ||
	    c->type == AYNI_T_JSON) {
		plain(c, v, buf, len);
		return;
	}
	/* QTY, REAL, PCT: group the integer part, decimal comma. */
	plain(c, v, tmp, sizeof(tmp));
	if (strcmp(tmp, "null") == 0) {
		buf[0] = '\0';
		return;
	}
	es_cl(tmp, c->type == AYNI_T_PCT ? " %" : "", buf, len);
}

static int
numeric(ayni_type t)
{
	return t != AYNI_T_TEXT && t != AYNI_T_BOOL && t != AYNI_T_JSON;
}

/*
 * Escape s into out (NULL: only count); returns the length of the result
 * without its NUL.
 */
static size_t
text_escape(const char *str, char *out)
{
	static const char hex[] = "0123456789abcdef";
	const unsigned char *s = (const unsigned char *)str;
	size_t n = 0, k;
	char e[8];

	while (*s != '\0') {
		k = ayni_utf8_seq((const char *)s);
		if (k == 1 && (s[0] == '\t' || (s[0] >= 0x20 && s[0] != 0x7F))) {
			if (out)
				out[n] = (char)s[0];
			n++;
			s++;
			continue;
		}
		if (k == 2 && s[0] == 0xC2 && s[1] <= 0x9F) {
			/* C1: U+0080 .. U+009F */
			memcpy(e, "\\u00", 4);
			e[4] = hex[s[1] >> 4];
			e[5] = hex[s[1] & 0xF];
			k = 6;
			s += 2;
		} else if (k == 0 || k == 1) {
			/* C0, DEL, or a byte that is not UTF-8 */
			e[0] = '\\';
			e[1] = 'x';
			e[2] = hex[s[0] >> 4];
			e[3] = hex[s[0] & 0xF];
			k = 4;
			s++;
		} else {
			if (out)
				memcpy(out + n, s, k);
			n += k;
			s += k;
			continue;
		}
		if (out)
			memcpy(out + n, e, k);
		n += k;
	}
	if (out)
		out[n] = '\0';
	return n;
}

char *
ayni_text_safe(const char *s)
{
	size_t n = text_escape(s, NULL);
	char *out = malloc(n + 1);

	if (out != NULL)
		text_escape(s, out);
	return out;
}

void
ayni_fputs_safe(const char *s, FILE *fp)
{
	char *t = ayni_text_safe(s);

	/* Out of memory: a message is still shown, its controls as '?'. */
	if (t == NULL) {
		for (; *s != '\0'; s++)
			fputc((unsigned char)*s < 0x20 && *s != '\t' ? '?' : *s,
			    fp);
		return;
	}
	fputs(t, fp);
	free(t);
}

void
ayni_csv_quote(const char *s, const char *seps,
    void (*put)(void *arg, const char *p, size_t n), void *arg)
{
	size_t n = strlen(s), k;

	if (s[strcspn(s, seps)] == '\0' && strpbrk(s, "\"\r\n") == NULL &&
	    (n == 0 || (s[0] != ' ' && s[n - 1] != ' '))) {
		put(arg, s, n);
		return;
	}
	put(arg, "\"", 1);
	for (; (k = strcspn(s, "\"")), s[k] != '\0'; s += k + 1) {
		put(arg, s, k);
		put(arg, "\"\"", 2);
	}
	put(arg, s, k);
	put(arg, "\"", 1);
}

static void
put_file(void *fp, const char *p, size_t n)
{
	fwrite(p, 1, n, fp);
}

void
ayni_csv_cell(FILE *fp, const char *s)
{
	ayni_csv_quote(s, ",", put_file, fp);
}

static void
json_string(FILE *fp, const char *s)
{
	const unsigned char *p;
	size_t n;

	fputc('"', fp);
	for (p = (const unsigned char *)s; *p != '\0'; p++) {
		switch (*p) {
		case '"':	fputs("\\\"", fp); break;
		case '\\':	fputs("\\\\", fp); break;
		case '\n':	fputs("\\n", fp); break;
		case '\r':	fputs("\\r", fp); break;
		case '\t':	fputs("\\t", fp); break;
		default:
			if (*p < 0x20)
				fprintf(fp, "\\u%04x", *p);
			else if (*p < 0x80)
				fputc(*p, fp);
			else if ((n = ayni_utf8_seq((const char *)p)) == 0)
				/*
				 * Text stored before names were checked, or
				 * by another tool: JSON stays valid.
				 */
				fputs("\\ufffd", fp);
			else {
				fwrite(p, 1, n, fp);
				p += n - 1;
			}
		}
	}
	fputc('"', fp);
}

int
ayni_writer_new(ayni_writer **out, FILE *fp, ayni_format fmt, int shape,
    const ayni_column *cols, int ncols, ayni_error *err)
{
	ayni_writer *w;
	int i;

	*out = NULL;
	if ((w = calloc(1, sizeof(*w))) == NULL ||
	    (w->cols = calloc((size_t)ncols, sizeof(*w->cols))) == NULL) {
		free(w);
		return ayni_error_set(err, AYNI_ENOMEM, _("out of memory"));
	}
	w->fp = fp;
	w->fmt = fmt;
	w->sep = ',';
	w->shape = shape;
	w->ncols = ncols;
	if (fmt == AYNI_FORMAT_TABLE &&
	    (w->date = calloc((size_t)ncols, 1)) == NULL) {
		ayni_writer_free(w);
		return ayni_error_set(err, AYNI_ENOMEM, _("out of memory"));
	}
	for (i = 0; i < ncols; i++) {
		const struct heading *h = find_heading(cols[i].name);

		if (w->date != NULL)
			w->date[i] = h != NULL && h->date &&
			    cols[i].type == AYNI_T_TEXT;
		w->cols[i].type = cols[i].type;
		if ((w->cols[i].name = strdup(cols[i].name)) == NULL) {
			ayni_writer_free(w);
			return ayni_error_set(err, AYNI_ENOMEM, _("out of memory"));
		}
	}
	*out = w;
	return 0;
}

/*
 * The opening of the output, written with the first row or at the finish:
 * a command that fails before any row (no such upload) prints nothing.
 */
static void
begin(ayni_writer *w)
{
	int i;

	if (w->begun)
		return;
	w->begun = 1;
	if (w->fmt == AYNI_FORMAT_CSV) {
		for (i = 0; i < w->ncols; i++) {
			if (i > 0)
				fputc(w->sep, w->fp);
			ayni_csv_cell(w->fp, w->cols[i].name);
		}
		fputs("\r\n", w->fp);
	} else if (w->fmt == AYNI_FORMAT_JSON && w->shape == AYNI_WRITER_LIST)
		fputc('[', w->fp);
}

static int
table_push(ayni_writer *w, const char *s, ayni_error *err)
{
	if (w->ncells == w->capcells) {
		size_t n = w->capcells ? w->capcells * 2 : 64;
		char **p = realloc(w->cells, n * sizeof(*p));

		if (p == NULL)
			return ayni_error_set(err, AYNI_ENOMEM, _("out of memory"));
		w->cells = p;
		w->capcells = n;
	}
	/* a cell is text from a file: shown, never obeyed */
	if ((w->cells[w->ncells] = ayni_text_safe(s)) == NULL)
		return ayni_error_set(err, AYNI_ENOMEM, _("out of memory"));
	w->ncells++;
	return 0;
}

void
ayni_writer_excel(ayni_writer *w)
{
	w->sep = ';';
	w->dec_comma = 1;
}

/*
 * A csv row is gathered here and written with one fwrite: a call (and a
 * lock of the FILE) per piece of a cell was a fifth of writing a long
 * level.
 */
static void
put_line(void *arg, const char *p, size_t n)
{
	ayni_writer *w = arg;
	size_t cap;
	char *t;

	if (w->nline + n > w->capline) {
		cap = w->capline ? w->capline : 256;
		while (cap < w->nline + n)
			cap *= 2;
		if ((t = realloc(w->line, cap)) == NULL) {
			w->line_oom = 1;
			return;
		}
		w->line = t;
		w->capline = cap;
	}
	memcpy(w->line + w->nline, p, n);
	w->nline += n;
}

/* A csv cell between sep separators: quoted when it holds one of them. */
static void
csv_cell_sep(ayni_writer *w, const char *s)
{
	char seps[] = { w->sep, '\0' };

	ayni_csv_quote(s, seps, put_line, w);
}

/*
 * Cell i of a csv row: s (NULL: empty), which is buf when the writer
 * formatted it, with a decimal comma if asked for.
 */
static int
csv_put(ayni_writer *w, int i, const ayni_column *c, const char *s,
    char *buf, ayni_error *err)
{
	char *q;

	if (i > 0)
		put_line(w, &w->sep, 1);
	if (s == NULL)
		return 0;
	if (w->dec_comma && s == buf && numeric(c->type) &&
	    strchr(buf, '.') != NULL)
		*strchr(buf, '.') = ',';
	/*
	 * A text cell a spreadsheet would run as a formula (=, +, -, @, or a
	 * leading tab or CR) gets a leading quote, as OWASP advises: csv
	 * output is opened in Excel, and its text comes from uploaded files.
	 */
	if (!(c->type == AYNI_T_TEXT && strchr("=+-@\t\r", s[0]) != NULL &&
	    s[0] != '\0')) {
		csv_cell_sep(w, s);
		return 0;
	}
	if ((q = malloc(strlen(s) + 2)) == NULL)
		return ayni_error_set(err, AYNI_ENOMEM, _("out of memory"));
	q[0] = '\'';
	strcpy(q + 1, s);
	csv_cell_sep(w, q);
	free(q);
	return 0;
}

/* Member i of a json row: s as csv_put's, v the value (for booleans). */
static void
json_put(ayni_writer *w, int i, const ayni_column *c, const ayni_value *v,
    const char *s, const char *buf)
{
	if (i == 0)
		fputs(w->shape == AYNI_WRITER_LIST ?
		    (w->nrows > 0 ? ",\n  {" : "\n  {") : "{", w->fp);
	else
		fputs(", ", w->fp);
	json_string(w->fp, c->name);
	fputs(": ", w->fp);
	if (s == NULL || (s == buf && strcmp(buf, "null") == 0))
		fputs("null", w->fp);
	else if (c->type == AYNI_T_TEXT)
		json_string(w->fp, s);
	else if (c->type == AYNI_T_JSON)
		fputs(s, w->fp);
	else if (c->type == AYNI_T_BOOL)
		fputs(v->i ? "true" : "false", w->fp);
	else
		fputs(s, w->fp);
}

int
ayni_writer_row(ayni_writer *w, const ayni_value *vals, ayni_error *err)
{
	char buf[128];
	int i, rc;

	if (w->shape == AYNI_WRITER_RECORD && w->nrows > 0)
		return ayni_error_set(err, AYNI_EINTERNAL,
		    _("a record writer takes one row"));
	begin(w);
	for (i = 0; i < w->ncols; i++) {
		const ayni_column *c = &w->cols[i];
		const ayni_value *v = &vals[i];
		const char *s = buf;

		if (v->is_null || ((c->type == AYNI_T_TEXT ||
		    c->type == AYNI_T_JSON) && v->s == NULL))
			s = NULL;
		else if (c->type == AYNI_T_TEXT || c->type == AYNI_T_JSON)
			s = v->s;
		else if (w->fmt == AYNI_FORMAT_TABLE)
			human(c, v, buf, sizeof(buf));
		else
			plain(c, v, buf, sizeof(buf));

		switch (w->fmt) {
		case AYNI_FORMAT_TABLE:
			if (s != NULL && w->date[i] && starts_with_day(s) &&
			    strlen(s) < sizeof(buf))
				s = ayni_date_for_people(s, buf, sizeof(buf));
			if ((rc = table_push(w, s ? s : "", err)) != 0)
				return rc;
			break;
		case AYNI_FORMAT_CSV:
			if ((rc = csv_put(w, i, c, s, buf, err)) != 0) {
				w->nline = 0;
				return rc;
			}
			break;
		case AYNI_FORMAT_JSON:
			json_put(w, i, c, v, s, buf);
			break;
		}
	}
	if (w->fmt == AYNI_FORMAT_CSV) {
		put_line(w, "\r\n", 2);
		if (w->line_oom) {
			w->nline = 0;
			w->line_oom = 0;
			return ayni_error_set(err, AYNI_ENOMEM,
			    _("out of memory"));
		}
		fwrite(w->line, 1, w->nline, w->fp);
		w->nline = 0;
	} else if (w->fmt == AYNI_FORMAT_JSON)
		fputc('}', w->fp);
	w->nrows++;
	return 0;
}

/* Display width of UTF-8 text: code points (no wide-character tables). */
static size_t
width(const char *s)
{
	size_t n = 0;

	for (; *s != '\0'; s++)
		if (((unsigned char)*s & 0xc0) != 0x80)
			n++;
	return n;
}

static void
pad(FILE *fp, size_t n)
{
	while (n-- > 0)
		fputc(' ', fp);
}

static int
table_finish(ayni_writer *w, ayni_error *err)
{
	size_t *wd, r, nrows = w->ncells / (size_t)w->ncols;
	int i;

	if (w->shape == AYNI_WRITER_RECORD) {
		size_t kw = 0;

		for (i = 0; i < w->ncols; i++)
			if (width(ayni_heading(w->cols[i].name)) > kw)
				kw = width(ayni_heading(w->cols[i].name));
		for (i = 0; nrows > 0 && i < w->ncols; i++) {
			const char *h = ayni_heading(w->cols[i].name);

			fputs(h, w->fp);
			fputc(':', w->fp);
			pad(w->fp, kw - width(h) + 1);
			fputs(w->cells[i], w->fp);
			fputc('\n', w->fp);
		}
		return 0;
	}
	/* Never a silent empty table that exits 0. */
	if ((wd = calloc((size_t)w->ncols, sizeof(*wd))) == NULL)
		return ayni_error_set(err, AYNI_ENOMEM,
		    _("out of memory writing the table"));
	for (i = 0; i < w->ncols; i++)
		wd[i] = width(ayni_heading(w->cols[i].name));
	for (r = 0; r < nrows; r++)
		for (i = 0; i < w->ncols; i++) {
			size_t n = width(w->cells[r * (size_t)w->ncols + (size_t)i]);

			if (n > wd[i])
				wd[i] = n;
		}
	for (r = 0; r <= nrows; r++) {
		for (i = 0; i < w->ncols; i++) {
			const char *s = r == 0 ?
			    ayni_heading(w->cols[i].name) :
			    w->cells[(r - 1) * (size_t)w->ncols + (size_t)i];
			size_t gap = wd[i] - width(s);
			int last = i == w->ncols - 1;

			if (i > 0)
				fputs("  ", w->fp);
			if (numeric(w->cols[i].type)) {
				pad(w->fp, gap);
				fputs(s, w->fp);
			} else {
				fputs(s, w->fp);
				if (!last)
					pad(w->fp, gap);
			}
		}
		fputc('\n', w->fp);
	}
	free(wd);
	return 0;
}

int
ayni_writer_finish(ayni_writer *w, ayni_error *err)
{
	int rc;

	begin(w);
	switch (w->fmt) {
	case AYNI_FORMAT_TABLE:
		if ((rc = table_finish(w, err)) != 0)
			return rc;
		break;
	case AYNI_FORMAT_CSV:
		break;
	case AYNI_FORMAT_JSON:
		if (w->shape == AYNI_WRITER_LIST)
			fputs(w->nrows > 0 ? "\n]\n" : "]\n", w->fp);
		else if (w->nrows > 0)
			fputc('\n', w->fp);
		else
			fputs("null\n", w->fp);
		break;
	}
	/* The writer's FILE may be buffered: push it out to see the error. */
	if (fflush(w->fp) != 0 || ferror(w->fp))
		return ayni_error_set(err, AYNI_EIO, _("cannot write output: %s"),
		    errno != 0 ? strerror(errno) : "write error");
	return 0;
}

long
ayni_writer_rows(const ayni_writer *w)
{
	return w->nrows;
}

void
ayni_writer_free(ayni_writer *w)
{
	size_t i;
	int c;

	if (w == NULL)
		return;
	free(w->line);
	for (i = 0; i < w->ncells; i++)
		free(w->cells[i]);
	free(w->cells);
	for (c = 0; c < w->ncols && w->cols != NULL; c++)
		free((char *)w->cols[c].name);
	free(w->cols);
	free(w->date);
	free(w);
}

/*
 * Column i of st as a cell of type t: only the member that t reads, so
 * that SQLite converts nothing it need not (an integer to text and to a
 * double for each cell was a third of writing a long level).
 */
static void
stmt_value(ayni_stmt *st, int i, ayni_type t, ayni_value *v)
{
	memset(v, 0, sizeof(*v));
	v->is_null = ayni_col_type(st, i) == SQL_NULL;
	switch (t) {
	case AYNI_T_TEXT:
	case AYNI_T_JSON:
		v->s = ayni_col_text(st, i);
		break;
	case AYNI_T_REAL:
	case AYNI_T_PCT:
		v->r = ayni_col_double(st, i);
		break;
	default:
		v->i = ayni_col_int64(st, i);
		break;
	}
}

int
ayni_writer_query(ayni_writer *w, ayni_stmt *st, ayni_error *err)
{
	ayni_value *vals;
	int i, rc = 0, r;

	if ((vals = calloc((size_t)w->ncols, sizeof(*vals))) == NULL)
		return ayni_error_set(err, AYNI_ENOMEM, _("out of memory"));
	ayni_stmt_stream(st);	/* a large result is not held whole */
	while ((r = ayni_stmt_step(st)) == SQL_ROW) {
		for (i = 0; i < w->ncols; i++)
			stmt_value(st, i, w->cols[i].type, &vals[i]);
		if ((rc = ayni_writer_row(w, vals, err)) != 0)
			goto out;
	}
	if (r != SQL_DONE)
		rc = ayni_db_error(ayni_stmt_db(st), err, N_("reading the results"));
out:
	free(vals);
	return rc;
}
