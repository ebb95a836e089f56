/*
 * uploads.c - the uploads of a company after the fact: reaping the ones
 * whose process died, listing, showing, and deleting one (taking back
 * the lines it stored, with data_updates saying so).
 *
 * Not here: running an upload (upload.c), checking the caller's role (the
 * driver checks the delete-data permission).
 */
#include <errno.h>
#include <inttypes.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "ayni/aggregate.h"
#include "ayni/calendar.h"
#include "ayni/upload.h"
#include "internal.h"
#include "ayni/intl.h"
#include "upload_int.h"

/*
 * An upload is stale when nobody holds its lock (uplock.c): that is
 * what survives containers and reused pids.  Where the lock cannot be
 * tested, the pid on this host still decides, and another host's upload
 * is not ours to judge.
 */
int
ayni_upload_reap(ayni_db *db, ayni_error *err)
{
	sqlite3 *h = ayni_db_handle(db);
	sqlite3_stmt *st = NULL, *up = NULL;
	char host[256] = "", now[20];
	int n = 0, src, began = 0, alive;

	gethostname(host, sizeof(host) - 1);
	ayni_db_timestamp(ayni_db_now(db), now);
	if (sqlite3_prepare_v2(h, "SELECT id, pid, host FROM uploads"
	    " WHERE status IN ('pending', 'processing')", -1,
	    &st, NULL) != SQLITE_OK)
		return ayni_db_error(db, err, N_("checking stale uploads"));
	while ((src = sqlite3_step(st)) == SQLITE_ROW) {
		pid_t pid = (pid_t)sqlite3_column_int64(st, 1);
		const char *uh = (const char *)sqlite3_column_text(st, 2);

		alive = ayni_uplock_alive(ayni_db_path(db),
		    sqlite3_column_int64(st, 0));
		if (alive == 1)
			continue;
		/* Alive, or not ours to judge (EPERM means alive). */
		if (alive < 0 && (uh == NULL || strcmp(uh, host) != 0 ||
		    (pid > 0 && (kill(pid, 0) == 0 || errno == EPERM))))
			continue;
		if (!began) {
			if (ayni_db_begin(db, err) != 0)
				break;
			began = 1;
			if (sqlite3_prepare_v2(h, "UPDATE uploads SET"
			    " status = 'failed', error_message = 'interrupted:"
			    " the process doing it ended before it finished',"
			    " completed_at = ?2 WHERE id = ?1 AND status IN"
			    " ('pending', 'processing')", -1, &up, NULL) !=
			    SQLITE_OK)
				break;
		}
		sqlite3_bind_int64(up, 1, sqlite3_column_int64(st, 0));
		sqlite3_bind_text(up, 2, now, -1, SQLITE_STATIC);
		if (sqlite3_step(up) == SQLITE_DONE)
			n += sqlite3_changes(h);
		sqlite3_reset(up);
	}
	sqlite3_finalize(st);
	sqlite3_finalize(up);
	if (began && ayni_db_commit(db, err) != 0)
		return err != NULL ? err->code : AYNI_EINTERNAL;
	return n;
}

const ayni_column ayni_upload_list_columns[] = {
	{ "upload_id", AYNI_T_INT },
	{ "filename", AYNI_T_TEXT },
	{ "status", AYNI_T_TEXT },
	{ "mode", AYNI_T_TEXT },
	{ "rows_read", AYNI_T_INT },
	{ "rows_inserted", AYNI_T_INT },
	{ "rows_updated", AYNI_T_INT },
	{ "rows_unchanged", AYNI_T_INT },
	{ "rows_deleted", AYNI_T_INT },
	{ "rows_rejected", AYNI_T_INT },
	{ "first_date", AYNI_T_TEXT },
	{ "last_date", AYNI_T_TEXT },
	{ "user", AYNI_T_TEXT },
	{ "created_at", AYNI_T_TEXT },
	{ "deleted_at", AYNI_T_TEXT },
	{ "error", AYNI_T_TEXT },
};
const int ayni_upload_list_ncolumns =
    sizeof(ayni_upload_list_columns) /
    sizeof(ayni_upload_list_columns[0]);

int
ayni_upload_list(ayni_db *db, int64_t company_id, ayni_writer *w,
    ayni_error *err)
{
	sqlite3_stmt *st = NULL;
	int rc;

	if ((rc = ayni_upload_reap(db, err)) < 0)
		return rc;
	if (sqlite3_prepare_v2(ayni_db_handle(db),
	    "SELECT u.id, u.filename, u.status, u.mode, u.original_rows,"
	    " u.processed_rows, u.updated_rows, u.unchanged_rows,"
	    " u.deleted_rows, u.error_rows, u.first_date,"
	    " u.last_date, us.email, u.created_at, u.deleted_at,"
	    " u.error_message"
	    " FROM uploads u LEFT JOIN users us ON us.id = u.user_id"
	    " WHERE u.company_id = ?1 ORDER BY u.id", -1, &st, NULL) !=
	    SQLITE_OK)
		return ayni_db_error(db, err, N_("listing uploads"));
	sqlite3_bind_int64(st, 1, company_id);
	rc = ayni_writer_stmt(w, st, err);
	sqlite3_finalize(st);
	return rc;
}

const ayni_column ayni_upload_show_columns[] = {
	{ "upload_id", AYNI_T_INT },
	{ "filename", AYNI_T_TEXT },
	{ "status", AYNI_T_TEXT },
	{ "mode", AYNI_T_TEXT },
	{ "rows_read", AYNI_T_INT },
	{ "rows_inserted", AYNI_T_INT },
	{ "rows_updated", AYNI_T_INT },
	{ "rows_unchanged", AYNI_T_INT },
	{ "rows_deleted", AYNI_T_INT },
	{ "rows_rejected", AYNI_T_INT },
	{ "rows_skipped", AYNI_T_INT },
	{ "first_date", AYNI_T_TEXT },
	{ "last_date", AYNI_T_TEXT },
	{ "replace_from", AYNI_T_TEXT },
	{ "replace_to", AYNI_T_TEXT },
	{ "user", AYNI_T_TEXT },
	{ "created_at", AYNI_T_TEXT },
	{ "completed_at", AYNI_T_TEXT },
	{ "deleted_at", AYNI_T_TEXT },
	{ "deleted_by", AYNI_T_TEXT },
	{ "rows_removed", AYNI_T_INT },
	{ "error", AYNI_T_TEXT },
	{ "dialect", AYNI_T_JSON },
	{ "data_updates", AYNI_T_JSON },
	{ "errors", AYNI_T_JSON },
};
const int ayni_upload_show_ncolumns =
    sizeof(ayni_upload_show_columns) /
    sizeof(ayni_upload_show_columns[0]);

int
ayni_upload_show(ayni_db *db, int64_t company_id, int64_t upload_id,
    ayni_writer *w, ayni_error *err)
{
	sqlite3_stmt *st = NULL;
	int rc;

	if ((rc = ayni_upload_reap(db, err)) < 0)
		return rc;
	if (sqlite3_prepare_v2(ayni_db_handle(db),
	    "SELECT u.id, u.filename, u.status, u.mode, u.original_rows,"
	    " u.processed_rows, u.updated_rows, u.unchanged_rows,"
	    " u.deleted_rows, u.error_rows, u.skipped_rows,"
	    " u.first_date, u.last_date, u.replace_from, u.replace_to,"
	    " us.email, u.created_at, u.completed_at, u.deleted_at,"
	    " (SELECT email FROM users WHERE id = u.deleted_by),"
	    " u.removed_rows, u.error_message, u.dialect,"
	    " (SELECT json_group_array(json_object('action', action,"
	    "   'period_type', period_type,"
	    "   'period', period, 'rows_before', rows_before, 'rows_after',"
	    "   rows_after, 'rows_added', rows_added, 'rows_updated',"
	    "   rows_updated, 'rows_deleted', rows_deleted)) FROM (SELECT *"
	    "   FROM data_updates d WHERE d.upload_id = u.id ORDER BY"
	    "   action DESC, CASE period_type WHEN 'daily' THEN 1 WHEN 'weekly' THEN 2"
	    "   WHEN 'monthly' THEN 3 WHEN 'quarterly' THEN 4 ELSE 5 END,"
	    "   period)),"
	    " coalesce(u.error_details, '[]')"
	    " FROM uploads u LEFT JOIN users us ON us.id = u.user_id"
	    " WHERE u.id = ?1 AND u.company_id = ?2", -1, &st, NULL) !=
	    SQLITE_OK)
		return ayni_db_error(db, err, N_("showing the upload"));
	sqlite3_bind_int64(st, 1, upload_id);
	sqlite3_bind_int64(st, 2, company_id);
	if ((rc = ayni_writer_stmt(w, st, err)) == 0 &&
	    ayni_writer_rows(w) == 0)
		rc = ayni_error_set(err, AYNI_ENOTFOUND,
		    _("no upload %" PRId64 " in this company"), upload_id);
	sqlite3_finalize(st);
	return rc;
}

/* If you change these, change ayni-uploads(1). */
const ayni_column ayni_upload_deletion_columns[] = {
	{ "upload_id", AYNI_T_INT },
	{ "filename", AYNI_T_TEXT },
	{ "status", AYNI_T_TEXT },
	{ "rows_deleted", AYNI_T_INT },
	{ "first_date", AYNI_T_TEXT },
	{ "last_date", AYNI_T_TEXT },
	{ "months", AYNI_T_TEXT },
};
const int ayni_upload_deletion_ncolumns =
    sizeof(ayni_upload_deletion_columns) /
    sizeof(ayni_upload_deletion_columns[0]);

int
ayni_upload_deletion_write(const ayni_upload_deletion *d, ayni_writer *w,
    ayni_error *err)
{
	ayni_value v[7] = {
		ayni_v_int(d->upload_id),
		ayni_v_text(d->filename),
		ayni_v_text(d->status),
		ayni_v_int(d->rows_deleted),
		ayni_v_text(d->first_date[0] ? d->first_date : NULL),
		ayni_v_text(d->last_date[0] ? d->last_date : NULL),
		ayni_v_text(d->months[0] ? d->months : NULL),
	};

	return ayni_writer_row(w, v, err);
}

/* "2025-09: 5, 2025-10: 37": the months of the days with deletions. */
static void
deleted_months(const struct days *ds, char *out, size_t outsz)
{
	char cur[16] = "", label[16];
	size_t i, o = 0;
	long n = 0;
	int months = 0, more = 0;

	out[0] = '\0';
	for (i = 0; i <= ds->n; i++) {
		if (i < ds->n && ds->v[i].deleted == 0)
			continue;
		if (i < ds->n)
			ayni_upload_period_label(ds->v[i].day, P_MONTH, label);
		if (i == ds->n || strcmp(label, cur) != 0) {
			if (cur[0] != '\0' && months < AYNI_UPLOAD_DELETE_MONTHS)
				o += (size_t)snprintf(out + o, outsz - o,
				    "%s%s: %ld", months ? ", " : "", cur, n);
			else if (cur[0] != '\0')
				more++;
			if (cur[0] != '\0')
				months++;
			if (i == ds->n)
				break;
			memcpy(cur, label, sizeof(cur));
			n = 0;
		}
		n += ds->v[i].deleted;
	}
	if (more > 0)
		snprintf(out + o, outsz - o, " and %d more months", more);
}

/* Status and file name of an upload that may be deleted, or why not. */
static int
deletable(struct upload *u, ayni_upload_deletion *out, ayni_error *err)
{
	sqlite3_stmt *st = NULL;
	const char *status;
	int rc = 0, src;

	if (sqlite3_prepare_v2(u->h, "SELECT status, filename, deleted_at"
	    " FROM uploads WHERE id = ?1 AND company_id = ?2", -1, &st,
	    NULL) != SQLITE_OK)
		return ayni_db_error(u->db, err, N_("deleting the upload"));
	sqlite3_bind_int64(st, 1, u->upload_id);
	sqlite3_bind_int64(st, 2, u->o->company_id);
	if ((src = sqlite3_step(st)) == SQLITE_DONE)
		rc = ayni_error_set(err, AYNI_ENOTFOUND,
		    _("no upload %" PRId64 " in this company"), u->upload_id);
	else if (src != SQLITE_ROW)
		rc = ayni_db_error(u->db, err, N_("deleting the upload"));
	else if (strcmp(status = (const char *)sqlite3_column_text(st, 0),
	    "deleted") == 0)
		rc = ayni_error_set(err, AYNI_EEXISTS, _("upload %" PRId64
		    " was already deleted on %s"), u->upload_id,
		    sqlite3_column_text(st, 2));
	else if (strcmp(status, "processing") == 0 ||
	    strcmp(status, "pending") == 0)
		rc = ayni_error_set(err, AYNI_EBUSY, _("upload %" PRId64
		    " is still %s: wait for it to finish"), u->upload_id,
		    status);
	else
		snprintf(out->filename, sizeof(out->filename), "%s",
		    (const char *)sqlite3_column_text(st, 1));
	sqlite3_finalize(st);
	return rc;
}

/* The first and last day of the upload's lines; *first > *last: none. */
static int
upload_days(struct upload *u, long *first, long *last, ayni_error *err)
{
	sqlite3_stmt *st = NULL;
	int rc = 0;

	*first = 0;
	*last = -1;
	if (sqlite3_prepare_v2(u->h, "SELECT min(transaction_date),"
	    " max(transaction_date) FROM raw_transactions"
	    " WHERE upload_id = ?1 AND company_id = ?2", -1, &st, NULL) !=
	    SQLITE_OK)
		return ayni_db_error(u->db, err, N_("deleting the upload"));
	sqlite3_bind_int64(st, 1, u->upload_id);
	sqlite3_bind_int64(st, 2, u->o->company_id);
	if (sqlite3_step(st) != SQLITE_ROW)
		rc = ayni_db_error(u->db, err, N_("deleting the upload"));
	else if (sqlite3_column_type(st, 0) != SQLITE_NULL) {
		*first = ayni_upload_day_of((const char *)
		    sqlite3_column_text(st, 0));
		*last = ayni_upload_day_of((const char *)
		    sqlite3_column_text(st, 1));
	}
	sqlite3_finalize(st);
	return rc;
}

/* Inside the transaction: everything ayni_upload_delete() does. */
static int
delete_upload(struct upload *u, ayni_upload_deletion *out, ayni_error *err)
{
	sqlite3_stmt *st = NULL;
	struct daystat *ds;
	char label[16];
	long first, last, from, to;
	int rc, src, y, m, d;

	if ((rc = deletable(u, out, err)) != 0 ||
	    (rc = ayni_aggregate_defer(u->db, u->o->company_id, err)) != 0 ||
	    (rc = upload_days(u, &first, &last, err)) != 0)
		return rc;
	if (first <= last) {
		/* as in an upload: whole years around the days touched */
		ayni_civil_from_days(first, &y, &m, &d);
		from = ayni_days_from_civil(y, 1, 1) - 7;
		ayni_civil_from_days(last, &y, &m, &d);
		to = ayni_days_from_civil(y, 12, 31) + 7;
		if ((rc = ayni_upload_count_days(u, from, to, 0, err)) != 0)
			return rc;
		if (sqlite3_prepare_v2(u->h, "DELETE FROM raw_transactions"
		    " WHERE upload_id = ?1 AND company_id = ?2"
		    " RETURNING substr(transaction_date, 1, 10)", -1, &st,
		    NULL) != SQLITE_OK)
			return ayni_db_error(u->db, err, N_("deleting the upload"));
		sqlite3_bind_int64(st, 1, u->upload_id);
		sqlite3_bind_int64(st, 2, u->o->company_id);
		while ((src = sqlite3_step(st)) == SQLITE_ROW) {
			if ((ds = ayni_upload_day_at(u, st, 0)) == NULL) {
				sqlite3_finalize(st);
				return ayni_error_set(err, AYNI_ENOMEM,
				    _("out of memory"));
			}
			ds->deleted++;
			out->rows_deleted++;
		}
		sqlite3_finalize(st);
		if (src != SQLITE_DONE)
			return ayni_db_error(u->db, err, N_("deleting the upload"));
		if ((rc = ayni_upload_count_days(u, from, to, 1, err)) != 0 ||
		    (rc = ayni_upload_write_updates(u, "delete", err)) != 0)
			return rc;
		ayni_upload_period_label(first, P_DAY, label);
		memcpy(out->first_date, label, 10);
		ayni_upload_period_label(last, P_DAY, label);
		memcpy(out->last_date, label, 10);
		deleted_months(&u->days, out->months, sizeof(out->months));
	}
	if ((rc = ayni_upload_exec_bound(u,
	    "UPDATE uploads SET status = 'deleted',"
	    " deleted_at = ?2, deleted_by = nullif(?3, 0), removed_rows = ?4"
	    " WHERE id = ?1", N_("deleting the upload"), err, "isii",
	    u->upload_id, u->now, u->o->user_id, (int64_t)out->rows_deleted))
	    != 0)
		return rc;
	return ayni_aggregate_refresh(u->db, u->o->company_id, err);
}

int
ayni_upload_delete(ayni_db *db, int64_t company_id, int64_t upload_id,
    int64_t user_id, int dry_run, ayni_upload_deletion *out,
    ayni_error *err)
{
	struct upload u;
	ayni_upload_opts o;
	ayni_upload_result res;
	int rc;

	memset(out, 0, sizeof(*out));
	memset(&u, 0, sizeof(u));
	memset(&o, 0, sizeof(o));
	memset(&res, 0, sizeof(res));
	out->upload_id = upload_id;
	out->status = dry_run ? "dry-run" : "deleted";
	o.company_id = company_id;
	o.user_id = user_id;
	u.db = db;
	u.h = ayni_db_handle(db);
	u.o = &o;
	u.res = &res;
	u.upload_id = upload_id;
	ayni_db_timestamp(ayni_db_now(db), u.now);

	if ((rc = ayni_upload_reap(db, err)) < 0)
		return rc;
	if ((rc = ayni_db_begin(db, err)) != 0)
		return rc;
	rc = delete_upload(&u, out, err);
	free(u.days.v);
	if (rc != 0 || dry_run) {
		ayni_db_rollback(db);
		return rc;
	}
	return ayni_db_commit(db, err);
}
