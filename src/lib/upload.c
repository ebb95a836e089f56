/*
 * upload.c - one sales export into raw_transactions, all or nothing: pass 2
 * and the store.
 *
 * Pass 1 (dialect.c) has read the CSV once, decided how it is written and
 * spooled its records.  Pass 2 reads the spool back and turns each record
 * into a line (record.c): invalid ones are rejected and the days of the
 * valid ones noted before anything is written.  The store (store.c) then
 * reads the spool once more and writes each line into raw_transactions,
 * inside one transaction that also marks the upload completed and records
 * data_updates.  Memory is bounded by the longest record, SQLite's caches,
 * the store's fixed-size filter and the number of distinct days, never by
 * the number of lines.
 *
 * A line's stable key is (company, branch, document type, sale day,
 * transaction id, product id, occurrence), where occurrence numbers
 * identical tuples within the file in file order (store.c).  Branch and
 * document type are '' when the file has no such column.  The database
 * holds the first five parts as one value, txn_key
 * (schema/0003_line_identity.sql); docs/line-identity.md says why each
 * part is there.
 *
 * Not here: the company and the caller's role (the driver checks them),
 * printing (the progress callback), the rollups (SQL triggers keep them),
 * the uploads commands (uploads.c).
 */
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdarg.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <cjson/cJSON.h>
#include <sqlite3.h>

#include "ayni/intl.h"
#include "ayni/aggregate.h"
#include "ayni/calendar.h"
#include "ayni/fields.h"
#include "ayni/parse.h"
#include "ayni/record.h"
#include "ayni/returns.h"
#include "ayni/upload.h"
#include "internal.h"
#include "upload_int.h"

/* --- days and periods --- */

long
ayni_upload_day_of(const char *iso)
{
	return ayni_days_from_civil(atoi(iso), atoi(iso + 5), atoi(iso + 8));
}

static const char *const period_types[P_COUNT] = {
	"daily", "weekly", "monthly", "quarterly", "yearly"
};

void
ayni_upload_period_label(long day, int type, char buf[16])
{
	int y, m, d, wy, w;

	ayni_civil_from_days(day, &y, &m, &d);
	switch (type) {
	case P_DAY:
		snprintf(buf, 16, "%04d-%02d-%02d", y % 10000, m % 100,
		    d % 100);
		break;
	case P_WEEK:
		ayni_iso_week(day, &wy, &w);
		snprintf(buf, 16, "%04d-W%02d", wy % 10000, w % 100);
		break;
	case P_MONTH:
		snprintf(buf, 16, "%04d-%02d", y % 10000, m % 100);
		break;
	case P_QUARTER:
		snprintf(buf, 16, "%04d-Q%d", y % 10000, ((m - 1) / 3 + 1) % 10);
		break;
	default:
		snprintf(buf, 16, "%04d", y % 10000);
	}
}

struct daystat *
ayni_upload_day(struct upload *u, long day)
{
	struct days *ds = &u->days;
	size_t lo = 0, hi = ds->n, mid;

	while (lo < hi) {
		mid = (lo + hi) / 2;
		if (ds->v[mid].day < day)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < ds->n && ds->v[lo].day == day)
		return &ds->v[lo];
	if (ds->n == ds->cap) {
		size_t cap = ds->cap ? ds->cap * 2 : 64;
		struct daystat *v = realloc(ds->v, cap * sizeof(*v));

		if (v == NULL)
			return NULL;
		ds->v = v;
		ds->cap = cap;
	}
	memmove(&ds->v[lo + 1], &ds->v[lo], (ds->n - lo) * sizeof(*ds->v));
	memset(&ds->v[lo], 0, sizeof(*ds->v));
	ds->v[lo].day = day;
	ds->n++;
	return &ds->v[lo];
}

struct daystat *
ayni_upload_day_at(struct upload *u, sqlite3_stmt *st, int col)
{
	return ayni_upload_day(u, ayni_upload_day_of((const char *)
	    sqlite3_column_text(st, col)));
}
/* --- pass 2: parse, infer, write --- */

static void
write_reject(struct upload *u, const struct spool_rec *r, const char *reason)
{
	FILE *fp = u->o->rejects;
	size_t i;

	if (fp == NULL)
		return;
	if (u->res->rows_rejected == 1) {
		for (i = 0; i < u->fmt.nheader; i++) {
			ayni_csv_cell(fp, u->header[i]);
			fputc(',', fp);
		}
		fputs("line,reason\r\n", fp);
	}
	for (i = 0; i < u->fmt.nheader; i++) {
		ayni_csv_cell(fp, i < r->n ? r->f[i] : "");
		fputc(',', fp);
	}
	fprintf(fp, "%" PRId64 ",", r->line);
	ayni_csv_cell(fp, reason);
	fputs("\r\n", fp);
}

static void
reject(struct upload *u, const struct spool_rec *r, const char *reason)
{
	ayni_upload_result *res = u->res;

	res->rows_rejected++;
	if (res->nerrors < AYNI_UPLOAD_FIRST_ERRORS)
		snprintf(res->errors[res->nerrors++], sizeof(res->errors[0]),
		    "%s", reason);
	write_reject(u, r, reason);
}

/*
 * Lines per day of the company over [from, to], into before or after.
 * The range spans whole years (and the ISO weeks at their edges), so
 * that each affected week, month, quarter and year is counted whole.
 */
int
ayni_upload_count_days(struct upload *u, long from, long to, int after,
    ayni_error *err)
{
	sqlite3_stmt *st = NULL;
	char a[16], b[16];
	struct daystat *ds;
	int64_t n;
	long day;
	int rc = 0;

	/*
	 * One count a day, each a range of the (company_id,
	 * transaction_date) index counted inside SQLite: a GROUP BY of the
	 * day would sort every line of the years (a sorter of 16 MB and more
	 * for a million lines), since SQLite cannot tell the day's order
	 * from the index's.
	 */
	if ((rc = ayni_sql_prepare(u->db, &st, err, N_("counting lines"),
	    "SELECT count(*) FROM raw_transactions WHERE company_id = ?1"
	    " AND transaction_date >= ?2 AND transaction_date < ?3", "I",
	    u->o->company_id)) != 0)
		return rc;
	ayni_upload_period_label(from, P_DAY, b);
	for (day = from; day <= to && rc == 0; day++) {
		memcpy(a, b, sizeof(a));
		ayni_upload_period_label(day + 1, P_DAY, b);
		sqlite3_bind_text(st, 2, a, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, b, -1, SQLITE_STATIC);
		if (sqlite3_step(st) != SQLITE_ROW) {
			rc = ayni_db_error(u->db, err, N_("counting lines"));
			break;
		}
		n = sqlite3_column_int64(st, 0);
		sqlite3_reset(st);
		if (n == 0)
			continue;
		if ((ds = ayni_upload_day(u, day)) == NULL)
			rc = ayni_error_set(err, AYNI_ENOMEM,
			    _("out of memory"));
		else if (after)
			ds->after = n;
		else
			ds->before = n;
	}
	sqlite3_finalize(st);
	return rc;
}

/* Replace mode: delete the company's lines in days [from, to]. */
static int
delete_range(struct upload *u, long from, long to, ayni_error *err)
{
	sqlite3_stmt *st = NULL;
	char a[16], b[16];
	struct daystat *ds;
	int rc = 0, src;

	ayni_upload_period_label(from, P_DAY, a);
	ayni_upload_period_label(to + 1, P_DAY, b);
	if (sqlite3_prepare_v2(u->h,
	    "DELETE FROM raw_transactions WHERE company_id = ?1"
	    " AND transaction_date >= ?2 AND transaction_date < ?3"
	    " RETURNING substr(transaction_date, 1, 10)", -1, &st, NULL) !=
	    SQLITE_OK)
		return ayni_db_error(u->db, err, N_("deleting lines"));
	sqlite3_bind_int64(st, 1, u->o->company_id);
	sqlite3_bind_text(st, 2, a, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, b, -1, SQLITE_STATIC);
	while ((src = sqlite3_step(st)) == SQLITE_ROW) {
		if ((ds = ayni_upload_day_at(u, st, 0)) == NULL) {
			rc = ayni_error_set(err, AYNI_ENOMEM, _("out of memory"));
			goto out;
		}
		ds->deleted++;
		u->res->rows_deleted++;
	}
	if (src != SQLITE_DONE)
		rc = ayni_db_error(u->db, err, N_("deleting lines"));
out:
	sqlite3_finalize(st);
	return rc;
}

/*
 * Pass 2 for one spooled record, in two halves.  What the record is
 * (ayni_upload_classify) depends only on it and on the decisions of pass
 * 1, so that the store can ask it of records read ahead on another
 * thread; what it then counts, rejects or warns about
 * (ayni_upload_account) changes the upload and stays on the thread that
 * stores.
 */
int
ayni_upload_classify(const struct upload *u, const struct spool_rec *r,
    ayni_record *l, ayni_error *e)
{
	const char *const *f = (const char *const *)r->f;

	if (r->line > u->last_data_line && ayni_record_is_total(f, r->n))
		return AYNI_REC_FOOTER;
	if (ayni_record_is_total(f, r->n)) {
		snprintf(e->msg, sizeof(e->msg), "%s:%" PRId64 ": a total row "
		    "('%.40s') among the sales lines", u->name, r->line,
		    f[0][0] ? f[0] : "total");
		return AYNI_REC_INVALID;
	}
	if (ayni_record_parse(&u->fmt, r->line, f, r->n, l, e) != 0)
		return AYNI_REC_INVALID;
	return l->not_sale ? AYNI_REC_NOT_SALE : AYNI_REC_LINE;
}

int
ayni_upload_account(struct upload *u, const struct spool_rec *r,
    const ayni_record *l, int kind, const ayni_error *e, int report)
{
	switch (kind) {
	case AYNI_REC_FOOTER:
		if (report && u->footer_rows++ == 0)
			u->footer_line = r->line;
		u->res->rows_skipped += report;
		return 0;
	case AYNI_REC_INVALID:
		if (report)
			reject(u, r, e->msg);
		return 0;
	case AYNI_REC_NOT_SALE:
		u->not_sales += report;
		u->res->rows_skipped += report;
		return 0;
	}
	if (report && ayni_record_code_rounded(l->text[AYNI_F_PRODUCT_ID]) &&
	    u->sci_codes++ == 0)
		snprintf(u->sci_example, sizeof(u->sci_example), "%s",
		    l->text[AYNI_F_PRODUCT_ID]);
	return 1;
}

int
ayni_upload_line(struct upload *u, const struct spool_rec *r,
    ayni_record *l, int report)
{
	ayni_error e;

	return ayni_upload_account(u, r, l, ayni_upload_classify(u, r, l,
	    &e), &e, report);
}

/* A valid line's day, noted. */
int
ayni_upload_scan_line(struct upload *u, const ayni_record *l, ayni_error *err)
{
	struct daystat *ds;
	long d;

	d = ayni_upload_day_of(l->dt);
	if ((ds = ayni_upload_day(u, d)) == NULL)
		return ayni_error_set(err, AYNI_ENOMEM, _("out of memory"));
	if (d < u->first_day)
		u->first_day = d;
	if (d > u->last_day)
		u->last_day = d;
	return 0;
}

/* What pass 2 noticed and did not refuse. */
void
ayni_upload_scan_warnings(struct upload *u)
{
	if (u->sci_codes > 0)
		notifyf(u, AYNI_UPLOAD_EV_WARNING, _("%s: %ld product codes look "
		    "like numbers Excel rounded ('%s'); different products may "
		    "share one; export the column as text"), u->name,
		    u->sci_codes, u->sci_example);
	if (u->not_sales > 0)
		notifyf(u, AYNI_UPLOAD_EV_NOTE, P_("%s: %ld dispatch guide "
		    "(guía de despacho, 52) skipped: not a sale",
		    "%s: %ld dispatch guides (guía de despacho, 52) skipped: "
		    "not sales", u->not_sales), u->name, u->not_sales);
	if (u->footer_rows > 0)
		notifyf(u, AYNI_UPLOAD_EV_WARNING, P_("%s:%" PRId64 ": %ld "
		    "total row below the last sale skipped", "%s:%" PRId64
		    ": %ld total rows below the last sale skipped",
		    u->footer_rows), u->name, u->footer_line, u->footer_rows);
}

/*
 * Pass 2: parse every spooled record; invalid ones are rejected, and the
 * days of the valid ones noted, before anything is written: too many bad
 * rows stop the upload here, and --mode replace needs the file's days.
 * *lines: the valid lines.
 */
static int
scan_lines(struct upload *u, long *lines, ayni_error *err)
{
	struct spool_rec r = { 0 };
	ayni_record l;
	int got, rc = 0;

	*lines = 0;
	u->first_day = LONG_MAX;
	u->last_day = LONG_MIN;
	while ((got = ayni_spool_get(u->spool, &r)) == 1) {
		if (u->o->cancel != NULL && *u->o->cancel) {
			rc = AYNI_ECANCELED;	/* said by ayni_upload_run */
			goto out;
		}
		if (ayni_upload_line(u, &r, &l, 1) != 1)
			continue;
		if ((rc = ayni_upload_scan_line(u, &l, err)) != 0)
			goto out;
		++*lines;
	}
	if (got < 0)
		rc = ayni_error_set(err, AYNI_EIO,
		    _("cannot read back a temporary file in '%s': %s"),
		    u->spool_dir, strerror(errno));
	ayni_upload_scan_warnings(u);
out:
	ayni_spool_rec_free(&r);
	return rc;
}

/*
 * data_updates: one row per affected period of each type; action is
 * 'upload' or 'delete' (ayni_upload_delete).
 */
int
ayni_upload_write_updates(struct upload *u, const char *action,
    ayni_error *err)
{
	sqlite3_stmt *st = NULL;
	char label[16], cur[16];
	size_t i, j;
	int t, rc = 0;

	if (sqlite3_prepare_v2(u->h,
	    "INSERT INTO data_updates (company_id, upload_id, user_id, period,"
	    " period_type, rows_before, rows_after, rows_added, rows_updated,"
	    " rows_deleted, timestamp, action) VALUES (?1, ?2, ?3, ?4, ?5, ?6,"
	    " ?7, ?8, ?9, ?10, ?11, ?12)", -1, &st, NULL) != SQLITE_OK)
		return ayni_db_error(u->db, err, N_("recording the changes"));
	for (t = 0; t < P_COUNT; t++) {
		/*
		 * Days are sorted, and so are the periods they fall in, but
		 * weeks and years need not be contiguous in label order
		 * only within a type; walk runs of equal labels.
		 */
		for (i = 0; i < u->days.n; i = j) {
			long before = 0, after = 0, added = 0, updated = 0;
			long deleted = 0;
			int touched = 0;

			ayni_upload_period_label(u->days.v[i].day, t, cur);
			for (j = i; j < u->days.n; j++) {
				struct daystat *d = &u->days.v[j];

				ayni_upload_period_label(d->day, t, label);
				if (strcmp(label, cur) != 0)
					break;
				before += d->before;
				after += d->after;
				added += d->added;
				updated += d->updated;
				deleted += d->deleted;
				touched |= d->touched || d->deleted;
			}
			if (!touched)
				continue;
			sqlite3_bind_int64(st, 1, u->o->company_id);
			sqlite3_bind_int64(st, 2, u->upload_id);
			if (u->o->user_id)
				sqlite3_bind_int64(st, 3, u->o->user_id);
			else
				sqlite3_bind_null(st, 3);
			sqlite3_bind_text(st, 4, cur, -1, SQLITE_TRANSIENT);
			sqlite3_bind_text(st, 5, period_types[t], -1,
			    SQLITE_STATIC);
			sqlite3_bind_int64(st, 6, before);
			sqlite3_bind_int64(st, 7, after);
			sqlite3_bind_int64(st, 8, added);
			sqlite3_bind_int64(st, 9, updated);
			sqlite3_bind_int64(st, 10, deleted);
			sqlite3_bind_text(st, 11, u->now, -1, SQLITE_STATIC);
			sqlite3_bind_text(st, 12, action, -1, SQLITE_STATIC);
			if (sqlite3_step(st) != SQLITE_DONE) {
				rc = ayni_db_error(u->db, err,
				    N_("recording the changes"));
				goto out;
			}
			sqlite3_reset(st);
		}
	}
out:
	sqlite3_finalize(st);
	return rc;
}

/* --- the upload record --- */

static void
bind_opt_text(sqlite3_stmt *st, int i, const char *s)
{
	if (s != NULL)
		sqlite3_bind_text(st, i, s, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, i);
}

int
ayni_upload_exec_bound(struct upload *u, const char *sql, const char *what,
    ayni_error *err, const char *fmt, ...)
{
	sqlite3_stmt *st = NULL;
	va_list ap;
	int i, rc = 0;

	if (sqlite3_prepare_v2(u->h, sql, -1, &st, NULL) != SQLITE_OK)
		return ayni_db_error(u->db, err, what);
	va_start(ap, fmt);
	for (i = 1; fmt[i - 1] != '\0'; i++) {
		switch (fmt[i - 1]) {
		case 'i':
			sqlite3_bind_int64(st, i, va_arg(ap, int64_t));
			break;
		case 's':
			bind_opt_text(st, i, va_arg(ap, const char *));
			break;
		}
	}
	va_end(ap);
	if (sqlite3_step(st) != SQLITE_DONE)
		rc = ayni_db_error(u->db, err, what);
	sqlite3_finalize(st);
	return rc;
}

/* The active upload of the company, as an EBUSY error, or 0. */
static int
check_active(struct upload *u, ayni_error *err)
{
	sqlite3_stmt *st = NULL;
	int rc = 0;

	if (sqlite3_prepare_v2(u->h,
	    "SELECT id, filename, status, started_at FROM uploads"
	    " WHERE company_id = ?1 AND status IN ('pending', 'processing')",
	    -1, &st, NULL) != SQLITE_OK)
		return ayni_db_error(u->db, err, N_("checking active uploads"));
	sqlite3_bind_int64(st, 1, u->o->company_id);
	if (sqlite3_step(st) == SQLITE_ROW)
		rc = ayni_error_set(err, AYNI_EBUSY,
		    _("upload %lld ('%s') is still %s for this company, since "
		    "%s: wait for it to finish"), sqlite3_column_int64(st, 0),
		    sqlite3_column_text(st, 1), sqlite3_column_text(st, 2),
		    sqlite3_column_text(st, 3) ?
		    (const char *)sqlite3_column_text(st, 3) : "now");
	sqlite3_finalize(st);
	return rc;
}

/* BEGIN IMMEDIATE, waiting for a busy database and saying so. */
static int
begin_waiting(struct upload *u, ayni_error *err)
{
	int rc, wait = u->o->wait_seconds > 0 ? u->o->wait_seconds :
	    u->o->wait_seconds < 0 ? 0 : 600;

	ayni_db_set_busy_timeout(u->db, 200);
	if ((rc = ayni_db_begin(u->db, err)) == AYNI_EBUSY && wait > 0) {
		notifyf(u, AYNI_UPLOAD_EV_WAITING, _("database is busy (another "
		    "upload is writing): waiting up to %d s"), wait);
		ayni_db_set_busy_timeout(u->db, wait * 1000);
		rc = ayni_db_begin(u->db, err);
		if (rc == AYNI_EBUSY)
			rc = ayni_error_set(err, AYNI_EBUSY, _("database '%s' "
			    "was still busy after %d s: try again later or "
			    "raise --wait"), ayni_db_path(u->db), wait);
	}
	ayni_db_set_busy_timeout(u->db, 5000);
	return rc;
}

static int
create_record(struct upload *u, ayni_error *err)
{
	char host[256] = "";
	struct stat sb;
	int64_t size = -1;
	int rc;

	gethostname(host, sizeof(host) - 1);
	if (strcmp(u->name, "-") != 0 && stat(u->name, &sb) == 0)
		size = sb.st_size;
	rc = ayni_upload_exec_bound(u,
	    "INSERT INTO uploads (company_id, user_id, filename, file_size,"
	    " mode, status, pid, host, created_at, started_at) VALUES (?1,"
	    " nullif(?2, 0), ?3, nullif(?4, -1), ?5, 'processing', ?6, ?7, ?8,"
	    " ?8)", N_("creating the upload record"), err, "iisisiss",
	    u->o->company_id, u->o->user_id, u->name, size,
	    u->mode == AYNI_UPLOAD_REPLACE ? "replace" : "upsert",
	    (int64_t)getpid(), host, u->now);
	if (rc == 0) {
		u->upload_id = sqlite3_last_insert_rowid(u->h);
		/* before the record is committed: never seen unlocked */
		rc = ayni_uplock_hold(ayni_db_path(u->db), u->upload_id,
		    &u->lockfd, err);
	} else if (err != NULL && err->code == AYNI_EDATA)
		/* the one-active-upload index: someone started meanwhile */
		return check_active(u, err) ? err->code : rc;
	return rc;
}

/* The first errors as a JSON array, or NULL when there are none. */
static char *
errors_json(struct upload *u)
{
	cJSON *a;
	char *s;
	int i;

	if (u->res->nerrors == 0 || (a = cJSON_CreateArray()) == NULL)
		return NULL;
	for (i = 0; i < u->res->nerrors; i++)
		cJSON_AddItemToArray(a, cJSON_CreateString(u->res->errors[i]));
	s = cJSON_PrintUnformatted(a);
	cJSON_Delete(a);
	return s;
}

static void
mark_failed(struct upload *u, const char *status, const char *msg)
{
	char *details;
	char now[20];

	if (u->upload_id == 0)
		return;
	details = errors_json(u);
	ayni_db_timestamp(ayni_db_now(u->db), now);
	if (begin_waiting(u, NULL) == 0) {
		ayni_upload_exec_bound(u, "UPDATE uploads SET status = ?7,"
		    " error_message = ?2, error_details = ?3, error_rows = ?4,"
		    " original_rows = ?5, completed_at = ?6 WHERE id = ?1",
		    N_("failing the upload"), NULL, "issiiss", u->upload_id, msg,
		    details, (int64_t)u->res->rows_rejected,
		    (int64_t)u->res->rows_read, now, status);
		ayni_db_commit(u->db, NULL);
	}
	cJSON_free(details);
}

static double
elapsed(const struct upload *u)
{
	struct timespec t1;

	clock_gettime(CLOCK_MONOTONIC, &t1);
	return (double)(t1.tv_sec - u->t0.tv_sec) +
	    (double)(t1.tv_nsec - u->t0.tv_nsec) / 1e9;
}

/* The step that ends now took the time since the last one ended. */
static void
step_end(struct upload *u, int step)
{
	double now = elapsed(u);

	u->res->step_s[step] += now - u->step_t0;
	u->step_t0 = now;
}

/*
 * The days --mode replace empties first, [*from, *to]: the file's first
 * to last day, the whole months they fall in, or the explicit range,
 * which must then hold every line of the file (a line outside it would be
 * added next to the lines it was meant to replace).  *from > *to: none.
 */
static int
replace_days(struct upload *u, long *from, long *to, ayni_error *err)
{
	char a[16], b[16];
	int y, m, d;

	switch (u->replace_period) {
	case AYNI_REPLACE_RANGE:
		if (u->o->replace_from == NULL || u->o->replace_to == NULL ||
		    !ayni_iso_date(u->o->replace_from, from) ||
		    !ayni_iso_date(u->o->replace_to, to) || *from > *to)
			return ayni_error_set(err, AYNI_EUSAGE, _("--from and "
			    "--to must be two dates YYYY-MM-DD, in order"));
		if (u->first_day <= u->last_day && (u->first_day < *from ||
		    u->last_day > *to)) {
			ayni_upload_period_label(u->first_day, P_DAY, a);
			ayni_upload_period_label(u->last_day, P_DAY, b);
			return ayni_error_set(err, AYNI_EDATA, _("%s has lines "
			    "from %s to %s, outside --from %s --to %s: widen "
			    "the range; nothing was stored"), u->name, a, b,
			    u->o->replace_from, u->o->replace_to);
		}
		return 0;
	case AYNI_REPLACE_MONTH:
		if (u->first_day > u->last_day)
			break;
		ayni_civil_from_days(u->first_day, &y, &m, &d);
		*from = ayni_days_from_civil(y, m, 1);
		ayni_civil_from_days(u->last_day, &y, &m, &d);
		*to = ayni_days_from_civil(m == 12 ? y + 1 : y,
		    m == 12 ? 1 : m + 1, 1) - 1;
		return 0;
	case AYNI_REPLACE_DAY:
	default:
		*from = u->first_day;
		*to = u->last_day;
		return 0;
	}
	*from = 0;
	*to = -1;
	return 0;
}

/* Whole years around days [lo, hi], and the ISO weeks at their edges. */
static void
years_around(long lo, long hi, long *from, long *to)
{
	int y, m, d;

	ayni_civil_from_days(lo, &y, &m, &d);
	*from = ayni_days_from_civil(y, 1, 1) - 7;
	ayni_civil_from_days(hi, &y, &m, &d);
	*to = ayni_days_from_civil(y, 12, 31) + 7;
}

/* Too many bad rows: the upload fails, and nothing stays stored. */
static int
too_many_rejects(struct upload *u, ayni_error *err)
{
	if (u->res->rows_rejected <= u->o->max_errors)
		return 0;
	return ayni_error_set(err, AYNI_EDATA, _("%s: %ld of %ld rows "
	    "are invalid%s; nothing was stored%s"), u->name,
	    u->res->rows_rejected, u->res->rows_read,
	    u->o->max_errors > 0 ? _(" (more than --max-errors)") : "",
	    u->o->rejects != NULL ? _(" (see the rejects file)") : "");
}

/*
 * --mode replace, once pass 2 has scanned the file: empty days [dfrom,
 * dto] (none when dfrom > dto), then store, with the lines of the years
 * around them counted before, and after from what was added and deleted,
 * for data_updates.
 */
static int
write_replacing(struct upload *u, long dfrom, long dto, ayni_error *err)
{
	long lo = u->first_day, hi = u->last_day, from, to;
	size_t i;
	int rc;

	if (dfrom <= dto) {
		if (lo > hi || dfrom < lo)
			lo = dfrom;
		if (u->first_day > u->last_day || dto > hi)
			hi = dto;
	}
	years_around(lo, hi, &from, &to);
	if ((rc = ayni_upload_count_days(u, from, to, 0, err)) != 0)
		return rc;
	if (dfrom <= dto && (rc = delete_range(u, dfrom, dto, err)) != 0)
		return rc;
	if (u->first_day <= u->last_day &&
	    (rc = ayni_upload_store(u, u->valid_lines, 0, err)) != 0)
		return rc;
	/* only these changed the lines of a day */
	for (i = 0; i < u->days.n; i++)
		u->days.v[i].after = u->days.v[i].before +
		    u->days.v[i].added - u->days.v[i].deleted;
	return ayni_upload_write_updates(u, "upload", err);
}

/*
 * --mode upsert: pass 2 and the store in one reading of the spool, each
 * record parsed once; too many bad rows fail the upload afterwards (the
 * rollback takes back what was written).  The lines of the years around
 * the file are counted after, and before from what was added.
 */
static int
write_upserting(struct upload *u, ayni_error *err)
{
	long from, to;
	size_t i;
	int rc;

	u->first_day = LONG_MAX;
	u->last_day = LONG_MIN;
	if ((rc = ayni_upload_store(u, u->res->rows_read, 1, err)) != 0 ||
	    (rc = too_many_rejects(u, err)) != 0)
		return rc;
	if (u->first_day > u->last_day)
		return 0;
	years_around(u->first_day, u->last_day, &from, &to);
	if ((rc = ayni_upload_count_days(u, from, to, 1, err)) != 0)
		return rc;
	for (i = 0; i < u->days.n; i++)
		u->days.v[i].before = u->days.v[i].after -
		    u->days.v[i].added;
	return ayni_upload_write_updates(u, "upload", err);
}

/*
 * The upload record, completed: what was read and stored, the dialect,
 * the first errors, and the replaced range rf..rt ("" for none).
 */
static int
complete_record(struct upload *u, const char *rf, const char *rt,
    ayni_error *err)
{
	char *dialect, *details;
	int rc;

	dialect = ayni_dialect_json(u);
	details = errors_json(u);
	rc = ayni_upload_exec_bound(u,
	    "UPDATE uploads SET status = 'completed',"
	    " dialect = ?2, column_mappings = json_extract(?2, '$.columns'),"
	    " error_details = ?11,"
	    " original_rows = ?3, processed_rows = ?4, updated_rows = ?5,"
	    " deleted_rows = ?6, error_rows = ?7, first_date = nullif(?8, ''),"
	    " last_date = nullif(?9, ''), completed_at = ?10,"
	    " unchanged_rows = ?12, skipped_rows = ?13,"
	    " replace_from = nullif(?14, ''), replace_to = nullif(?15, ''),"
	    " mode = ?16 WHERE id = ?1",
	    N_("completing the upload"), err, "isiiiiissssiisss", u->upload_id,
	    dialect, (int64_t)u->res->rows_read,
	    (int64_t)u->res->rows_inserted, (int64_t)u->res->rows_updated,
	    (int64_t)u->res->rows_deleted, (int64_t)u->res->rows_rejected,
	    u->res->first_date, u->res->last_date, u->now, details,
	    (int64_t)u->res->rows_unchanged, (int64_t)u->res->rows_skipped,
	    rf, rt, u->mode == AYNI_UPLOAD_REPLACE ? "replace" : "upsert");
	cJSON_free(dialect);
	cJSON_free(details);
	return rc;
}

/* Everything that happens inside the data transaction. */
static int
load(struct upload *u, ayni_error *err)
{
	char day[16], rf[16] = "", rt[16] = "";
	long dfrom = 0, dto = -1;
	int rc;

	if (u->o->dry_run && (rc = create_record(u, err)) != 0)
		return rc;
	/*
	 * Rollups: per-line triggers cost as much as the insert itself, so
	 * they are switched off for this company until the refresh below,
	 * which recomputes the touched days set-based before COMMIT.  Both
	 * live inside this transaction: a rollback undoes them together.
	 */
	if ((rc = ayni_aggregate_defer(u->db, u->o->company_id, err)) != 0)
		return rc;
	if (u->mode != AYNI_UPLOAD_REPLACE)
		rc = write_upserting(u, err);
	else if ((rc = scan_lines(u, &u->valid_lines, err)) == 0 &&
	    (rc = too_many_rejects(u, err)) == 0 &&
	    (rc = replace_days(u, &dfrom, &dto, err)) == 0) {
		if (dfrom <= dto) {
			ayni_upload_period_label(dfrom, P_DAY, rf);
			ayni_upload_period_label(dto, P_DAY, rt);
		}
		if (u->first_day <= u->last_day || dfrom <= dto)
			rc = write_replacing(u, dfrom, dto, err);
	}
	if (rc != 0)
		return rc;
	if (u->source_replaces && dfrom <= dto)
		notifyf(u, AYNI_UPLOAD_EV_NOTE, _("%s: the SII sales register "
		    "replaces the months it covers, %.7s%s%.7s (%ld stored "
		    "lines removed first); --mode upsert keeps them"), u->name,
		    rf, strncmp(rf, rt, 7) ? _(" to ") : "",
		    strncmp(rf, rt, 7) ? rt : "", u->res->rows_deleted);
	if (u->first_day <= u->last_day) {
		ayni_upload_period_label(u->first_day, P_DAY, day);
		memcpy(u->res->first_date, day, 10);
		ayni_upload_period_label(u->last_day, P_DAY, day);
		memcpy(u->res->last_date, day, 10);
	}
	step_end(u, AYNI_UPLOAD_STEP_STORE);
	if ((rc = ayni_aggregate_refresh(u->db, u->o->company_id, err)) != 0)
		return rc;
	step_end(u, AYNI_UPLOAD_STEP_ROLLUPS);
	return complete_record(u, rf, rt, err);
}

static void
upload_init(struct upload *u, ayni_db *db, const ayni_upload_opts *o,
    ayni_upload_result *res)
{
	memset(res, 0, sizeof(*res));
	memset(u, 0, sizeof(*u));
	u->lockfd = -1;
	res->status = "failed";
	u->db = db;
	u->h = ayni_db_handle(db);
	u->o = o;
	u->res = res;
	u->name = o->name != NULL ? o->name : "-";
	u->fmt.name = u->name;
	u->map = o->mapping;
	u->fmt.date_format = o->date_format;
	u->decimal = o->decimal;
	u->mode = o->mode;
	u->replace_period = o->replace_period;
	clock_gettime(CLOCK_MONOTONIC, &u->t0);
	ayni_db_timestamp(ayni_db_now(db), u->now);
}

/* The company's default mapping when none is given, and what it fixes. */
static int
use_mapping(struct upload *u, ayni_error *err)
{
	int rc;

	if (u->map == NULL) {
		rc = ayni_mapping_get(u->db, u->o->company_id, NULL, &u->dflt,
		    err);
		if (rc == 0)
			u->map = &u->dflt;
		else if (rc != AYNI_ENOTFOUND)
			return rc;
	}
	if (u->map != NULL) {
		if (u->fmt.date_format == NULL &&
		    u->map->date_format[0] != '\0')
			u->fmt.date_format = u->map->date_format;
		if (u->decimal == 0)
			u->decimal = u->map->decimal;
		u->forced_order = u->map->date_order;
	}
	return 0;
}

/*
 * Before the file is read: the options checked, no other upload running,
 * and (unless a dry run) the upload record committed as 'processing'.
 */
static int
prepare(struct upload *u, ayni_error *err)
{
	const ayni_upload_opts *o = u->o;
	int rc;

	if (u->fmt.date_format != NULL &&
	    (rc = ayni_date_format_check(u->fmt.date_format, err)) != 0)
		return rc;
	if ((rc = ayni_returns_new(&u->ret, o->returns != NULL ? o->returns :
	    u->map != NULL ? u->map->returns : NULL, err)) != 0)
		return rc;
	u->fmt.ret = u->ret;
	if ((rc = check_active(u, err)) != 0)
		return rc;
	if (o->dry_run)
		return 0;
	if ((rc = begin_waiting(u, err)) != 0)
		return rc;
	if ((rc = create_record(u, err)) == 0)
		rc = ayni_db_commit(u->db, err);
	else
		ayni_db_rollback(u->db);
	return rc;
}

/*
 * What the file's source decides when the caller did not choose a mode:
 * the SII register is the whole truth of its months, so it replaces them
 * (a credit note added since the last download changes a month; lines of
 * that month no longer in the register must go).  Said in a note, as is a
 * file without products.
 */
static void
source_mode(struct upload *u)
{
	if (u->known == AYNI_EXPORT_SII_RCV && !u->o->mode_explicit &&
	    u->o->mode == AYNI_UPLOAD_UPSERT) {
		u->mode = AYNI_UPLOAD_REPLACE;
		u->replace_period = AYNI_REPLACE_MONTH;
		u->source_replaces = 1;
	}
	if (u->document_level)
		notifyf(u, AYNI_UPLOAD_EV_NOTE, _("%s: no product or quantity "
		    "column: one line per document%s; units, products and "
		    "categories are not counted"), u->name,
		    u->known == AYNI_EXPORT_SII_RCV ? _(" (the SII sales "
		    "register)") : "");
}

/* The data transaction: begin, load, commit or roll back. */
static int
transaction(struct upload *u, ayni_error *err)
{
	int rc;

	if ((rc = begin_waiting(u, err)) != 0)
		return rc;
	rc = load(u, err);
	if (rc != 0 || u->o->dry_run) {
		ayni_db_rollback(u->db);
		if (rc != 0)
			return rc;
		u->res->status = "dry-run";
		u->res->upload_id = 0;
		return 0;
	}
	if ((rc = ayni_db_commit(u->db, err)) != 0)
		return rc;
	step_end(u, AYNI_UPLOAD_STEP_COMMIT);
	u->res->status = "completed";
	u->res->upload_id = u->upload_id;
	return 0;
}

/* Pass 1, the decisions, and pass 2 with the store in one transaction. */
static int
run_passes(struct upload *u, FILE *fp, ayni_error *err)
{
	int rc;

	u->step_t0 = elapsed(u);
	if ((rc = ayni_dialect_pass1(u, fp, err)) != 0)
		return rc;
	/*
	 * A large transaction spills SQLite's page cache to the WAL page by
	 * page; a bigger cache, bounded at 24 MiB whatever the file, keeps
	 * more of the indexes in memory.  On 1M lines 16 MiB is as fast as
	 * 32; on 4M, 32 MiB saved 12% of the time and cost 13 MB of peak
	 * memory; 24 is the most that keeps an upload under 64 MB
	 * (bench/README.md, issue 14).
	 */
	sqlite3_exec(u->h, "PRAGMA cache_size = -24576", NULL, NULL, NULL);
	ayni_dialect_decide(u);
	ayni_dialect_report(u);
	source_mode(u);
	step_end(u, AYNI_UPLOAD_STEP_READ);
	/*
	 * Foreign keys are not checked during the data transaction (SQLite
	 * takes the setting only outside one).  Everything it writes refers
	 * to the company the caller was checked for and to the upload record
	 * it has just created, and it deletes only lines, which nothing
	 * refers to.  Checked, each of the store's 64-row INSERTs is a
	 * statement that may have to undo itself, and SQLite copies every
	 * page it changes into a statement journal first, a temporary file
	 * past 64 KiB (2.3 s of system time in a 1M-line upload).  'ayni
	 * check' runs PRAGMA foreign_key_check over the whole file.
	 */
	sqlite3_exec(u->h, "PRAGMA foreign_keys = OFF", NULL, NULL, NULL);
	rc = transaction(u, err);
	sqlite3_exec(u->h, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
	return rc;
}

/* After rc stopped the passes: the result and the record say so. */
static int
failed(struct upload *u, int rc, ayni_error *err)
{
	const ayni_upload_opts *o = u->o;
	ayni_upload_result *res = u->res;

	/* Nothing was stored: the summary must not say otherwise. */
	res->rows_inserted = res->rows_updated = res->rows_deleted = 0;
	res->rows_unchanged = res->rows_other_day = res->rows_less_key = 0;
	res->first_date[0] = res->last_date[0] = '\0';
	/*
	 * Stopped by a signal: whatever failed on the way (a read cut short,
	 * an interrupted statement) was the signal's doing.
	 */
	if (o->cancel != NULL && *o->cancel && err != NULL)
		rc = ayni_error_set(err, AYNI_ECANCELED, _("%s: interrupted; "
		    "nothing was stored"), u->name);
	if (rc == AYNI_ECANCELED)
		res->status = "cancelled";
	if (!o->dry_run && err != NULL)
		mark_failed(u, res->status, err->msg);
	res->upload_id = o->dry_run ? 0 : u->upload_id;
	return rc;
}

static void
upload_free(struct upload *u)
{
	size_t i;

	/* after the final status is committed (or the record rolled back) */
	ayni_uplock_release(u->lockfd);
	u->res->elapsed_s = elapsed(u);
	if (u->spool != NULL)
		fclose(u->spool);
	for (i = 0; u->header != NULL && i < u->fmt.nheader; i++)
		free(u->header[i]);
	free(u->header);
	free(u->days.v);
	ayni_returns_free(u->ret);
	ayni_mapping_release(&u->dflt);
}

int
ayni_upload_run(ayni_db *db, FILE *fp, const ayni_upload_opts *o,
    ayni_upload_result *res, ayni_error *err)
{
	struct upload u;
	int rc;

	upload_init(&u, db, o, res);
	if ((rc = ayni_upload_reap(db, err)) < 0 ||
	    (rc = use_mapping(&u, err)) != 0)
		return rc;
	if ((rc = prepare(&u, err)) == 0 &&
	    (rc = run_passes(&u, fp, err)) != 0)
		rc = failed(&u, rc, err);
	upload_free(&u);
	return rc;
}

/* --- the summary --- */

/*
 * If you change these, change the summary keys in docs/contract.md §5 and
 * ayni-upload(1).
 */
const ayni_column ayni_upload_summary_columns[] = {
	{ "upload_id", AYNI_T_INT },
	{ "status", AYNI_T_TEXT },
	{ "rows_read", AYNI_T_INT },
	{ "rows_inserted", AYNI_T_INT },
	{ "rows_updated", AYNI_T_INT },
	{ "rows_unchanged", AYNI_T_INT },
	{ "rows_deleted", AYNI_T_INT },
	{ "rows_rejected", AYNI_T_INT },
	{ "rows_skipped", AYNI_T_INT },
	{ "first_date", AYNI_T_TEXT },
	{ "last_date", AYNI_T_TEXT },
	{ "elapsed_s", AYNI_T_REAL },
};
const int ayni_upload_summary_ncolumns =
    sizeof(ayni_upload_summary_columns) /
    sizeof(ayni_upload_summary_columns[0]);

int
ayni_upload_summary_write(const ayni_upload_result *r, ayni_writer *w,
    ayni_error *err)
{
	ayni_value v[12] = {
		r->upload_id ? ayni_v_int(r->upload_id) : ayni_v_null(),
		ayni_v_text(r->status),
		ayni_v_int(r->rows_read),
		ayni_v_int(r->rows_inserted),
		ayni_v_int(r->rows_updated),
		ayni_v_int(r->rows_unchanged),
		ayni_v_int(r->rows_deleted),
		ayni_v_int(r->rows_rejected),
		ayni_v_int(r->rows_skipped),
		ayni_v_text(r->first_date[0] ? r->first_date : NULL),
		ayni_v_text(r->last_date[0] ? r->last_date : NULL),
		ayni_v_real(r->elapsed_s),
	};

	return ayni_writer_row(w, v, err);
}
