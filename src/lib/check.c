/*
 * check.c - the checks of check.h.  Read-only: findings are reported,
 * never repaired (aggregate rebuild, the next upload's reaping and chmod
 * are the fixes, and each finding names its own).
 */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "ayni/intl.h"
#include "ayni/aggregate.h"
#include "ayni/check.h"
#include "ayni/rut.h"
#include "internal.h"

const ayni_column ayni_check_columns[] = {
	{ "check", AYNI_T_TEXT },
	{ "subject", AYNI_T_TEXT },
	{ "problem", AYNI_T_TEXT },
};
const int ayni_check_ncolumns = 3;

/* An upload left 'pending' or 'processing' this long is stale anywhere. */
#define STALE_SECONDS	(24 * 3600)

struct run {
	ayni_writer	*w;
	long		 n;
};

static int
finding(struct run *r, const char *check, const char *subject,
    const char *problem, ayni_error *err)
{
	ayni_value v[3];

	v[0] = ayni_v_text(check);
	v[1] = ayni_v_text(subject);
	v[2] = ayni_v_text(problem);
	r->n++;
	return ayni_writer_row(r->w, v, err);
}

static int
integrity(ayni_db *db, struct run *r, ayni_error *err)
{
	sqlite3_stmt *st;
	char subject[128], problem[512];
	int rc, src;

	if ((rc = ayni_sql_prepare(db, &st, err, N_("checking integrity"),
	    "PRAGMA integrity_check", NULL)) != 0)
		return rc;
	while (rc == 0 && (src = sqlite3_step(st)) == SQLITE_ROW) {
		const char *s = (const char *)sqlite3_column_text(st, 0);

		if (s != NULL && strcmp(s, "ok") != 0)
			rc = finding(r, "integrity", "database", s, err);
	}
	sqlite3_finalize(st);
	if (rc != 0)
		return rc;
	if ((rc = ayni_sql_prepare(db, &st, err, N_("checking foreign keys"),
	    "PRAGMA foreign_key_check", NULL)) != 0)
		return rc;
	while (rc == 0 && (src = sqlite3_step(st)) == SQLITE_ROW) {
		snprintf(subject, sizeof(subject), "%s row %lld",
		    (const char *)sqlite3_column_text(st, 0),
		    (long long)sqlite3_column_int64(st, 1));
		snprintf(problem, sizeof(problem), "refers to a missing row "
		    "of %s", (const char *)sqlite3_column_text(st, 2));
		rc = finding(r, "foreign_keys", subject, problem, err);
	}
	sqlite3_finalize(st);
	return rc;
}

/* Rollups and uploads of the companies actor is an active member of. */
static int
companies(ayni_db *db, const ayni_actor *actor, struct run *r, long *nc,
    ayni_error *err)
{
	sqlite3_stmt *st = NULL, *up = NULL;
	char rut[AYNI_RUT_MAX], host[256] = "", subject[96], problem[640];
	time_t now = ayni_db_now(db);
	int rc = 0, src;

	gethostname(host, sizeof(host) - 1);
	if ((rc = ayni_sql_prepare(db, &st, err, N_("checking companies"),
	    "SELECT c.id, c.rut FROM companies c"
	    " JOIN user_companies m ON m.company_id = c.id"
	    " WHERE m.user_id = ?1 AND m.is_active = 1 ORDER BY c.rut", "I",
	    actor->user_id)) != 0 ||
	    (rc = ayni_sql_prepare(db, &up, err, N_("checking companies"),
	    "SELECT id, status, pid, host,"
	    " CAST(strftime('%s', coalesce(started_at, created_at))"
	    " AS INTEGER) FROM uploads WHERE company_id = ?1"
	    " AND status IN ('pending', 'processing') ORDER BY id", NULL)) != 0)
		goto out;
	while (rc == 0 && (src = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(st, 0);
		ayni_error e;
		long nd = 0;

		ayni_rut_display((const char *)sqlite3_column_text(st, 1), rut);
		(*nc)++;
		memset(&e, 0, sizeof(e));
		if (ayni_aggregate_verify(db, id, &nd, &e) != 0) {
			snprintf(problem, sizeof(problem), "%.500s: run 'ayni "
			    "--company %s aggregate rebuild'", e.msg, rut);
			if ((rc = finding(r, "rollups", rut, problem,
			    err)) != 0)
				break;
		}
		sqlite3_bind_int64(up, 1, id);
		while (rc == 0 && sqlite3_step(up) == SQLITE_ROW) {
			const char *h = (const char *)sqlite3_column_text(up, 3);
			pid_t pid = (pid_t)sqlite3_column_int64(up, 2);
			int64_t t = sqlite3_column_int64(up, 4);
			int here = h != NULL && strcmp(h, host) == 0;

			snprintf(subject, sizeof(subject), "upload %lld of %s",
			    (long long)sqlite3_column_int64(up, 0), rut);
			if (here && !(pid > 0 && (kill(pid, 0) == 0 ||
			    errno == EPERM)))
				snprintf(problem, sizeof(problem), "is '%s' but "
				    "its process %d is gone (interrupted): the "
				    "next upload or 'ayni uploads list' marks "
				    "it failed", sqlite3_column_text(up, 1),
				    (int)pid);
			else if (now - t > STALE_SECONDS)
				snprintf(problem, sizeof(problem), "has been "
				    "'%s' since %lld seconds ago (on host '%s'): "
				    "stale", sqlite3_column_text(up, 1),
				    (long long)(now - t), h ? h : "");
			else
				continue;
			rc = finding(r, "uploads", subject, problem, err);
		}
		sqlite3_reset(up);
	}
out:
	sqlite3_finalize(st);
	sqlite3_finalize(up);
	return rc;
}

/* A file others may read or write: mode & 077.  Missing: fine. */
static int
mode(struct run *r, const char *path, int is_dir, ayni_error *err)
{
	char problem[PATH_MAX + 64];
	struct stat sb;

	if (lstat(path, &sb) != 0 || (sb.st_mode & 077) == 0)
		return 0;
	if (S_ISLNK(sb.st_mode))
		return 0;
	snprintf(problem, sizeof(problem), "mode %04o lets others %s it: "
	    "run 'chmod %s %s'", (unsigned)(sb.st_mode & 07777),
	    (sb.st_mode & 022) ? "change" : "read", is_dir ? "700" : "600",
	    path);
	return finding(r, "file_mode", path, problem, err);
}

static int
modes(ayni_db *db, struct run *r, ayni_error *err)
{
	const char *db_path = ayni_db_path(db);
	char path[PATH_MAX + 272], dir[PATH_MAX];
	struct dirent *de;
	ayni_error e;
	DIR *d;
	int rc;

	if (strcmp(db_path, ":memory:") == 0)
		return 0;
	if ((rc = mode(r, db_path, 0, err)) != 0)
		return rc;
	snprintf(path, sizeof(path), "%s-wal", db_path);
	if ((rc = mode(r, path, 0, err)) != 0)
		return rc;
	snprintf(path, sizeof(path), "%s-shm", db_path);
	if ((rc = mode(r, path, 0, err)) != 0)
		return rc;
	if (ayni_token_dir(dir, sizeof(dir), &e) != 0 ||
	    (d = opendir(dir)) == NULL)
		return 0;
	rc = mode(r, dir, 1, err);
	while (rc == 0 && (de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, de->d_name);
		rc = mode(r, path, 0, err);
	}
	closedir(d);
	return rc;
}

int
ayni_check_run(ayni_db *db, const ayni_actor *actor, ayni_writer *w,
    long *nfound, long *ncompanies, ayni_error *err)
{
	struct run r = { w, 0 };
	int rc;

	*ncompanies = 0;
	if ((rc = integrity(db, &r, err)) == 0 &&
	    (rc = companies(db, actor, &r, ncompanies, err)) == 0)
		rc = modes(db, &r, err);
	*nfound = r.n;
	return rc;
}
