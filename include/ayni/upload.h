/*
 * upload.h - loading one sales export into a company's data (docs/contract.md
 * §5).
 *
 * An upload reads the file once to learn it (encoding, delimiter, and the
 * decimal mark and date order of each column from every value, not from a
 * sample) while spooling its records to an anonymous temporary file, then
 * parses the spool and writes the lines inside one transaction.  Memory
 * does not grow with the file.  Either every line lands, with the upload
 * record marked completed and its data_updates written, or nothing does.
 *
 * Not here: choosing the company or checking the role (the driver does),
 * printing (progress and notes go through the callback).
 */
#ifndef AYNI_UPLOAD_H
#define AYNI_UPLOAD_H

#include <signal.h>
#include <stdint.h>
#include <stdio.h>

#include "ayni/csvread.h"
#include "ayni/db.h"
#include "ayni/error.h"
#include "ayni/mapping.h"
#include "ayni/output.h"

/*
 * A line's key is (company, branch, document type, sale day, transaction
 * id, product id, occurrence): occurrence numbers identical tuples within
 * one file.  docs/line-identity.md says why each part is there.
 */
typedef enum ayni_upload_mode {
	AYNI_UPLOAD_UPSERT = 0,	/* update lines whose key exists, add the rest */
	AYNI_UPLOAD_REPLACE	/* first delete the company's lines in the
				   period the file covers (ayni_replace_period) */
} ayni_upload_mode;

/* What --mode replace deletes before loading. */
typedef enum ayni_replace_period {
	AYNI_REPLACE_DAY = 0,	/* every day from the file's first to its last */
	AYNI_REPLACE_MONTH,	/* the whole months the file touches */
	AYNI_REPLACE_RANGE	/* replace_from .. replace_to, which must hold
				   every line of the file */
} ayni_replace_period;

/* What the callback is told about. */
typedef enum ayni_upload_event {
	AYNI_UPLOAD_EV_READING,	/* pass 1: bytes and rows so far */
	AYNI_UPLOAD_EV_WRITING,	/* pass 2: rows so far of rows_read */
	AYNI_UPLOAD_EV_WAITING,	/* the database is busy; waiting */
	AYNI_UPLOAD_EV_DIALECT,	/* message holds one line of the dialect */
	AYNI_UPLOAD_EV_WARNING,	/* message holds a warning */
	AYNI_UPLOAD_EV_NOTE	/* message holds what the upload decided
				   that a person should know (not -v only) */
} ayni_upload_event;

typedef struct ayni_upload_progress {
	ayni_upload_event	 event;
	unsigned long long	 bytes;		/* read so far */
	unsigned long long	 total_bytes;	/* file size, or 0 if unknown */
	long			 rows;		/* rows so far */
	long			 rows_total;	/* for WRITING */
	const char		*message;	/* DIALECT, WARNING, WAITING */
} ayni_upload_progress;

typedef struct ayni_upload_opts {
	const char	*name;		/* file name for messages; "-" stdin */
	int64_t		 company_id;
	int64_t		 user_id;
	ayni_upload_mode mode;
	/*
	 * 0: mode is the default, and a source that is the whole truth of
	 * its months (the SII sales register) replaces them instead, as if
	 * AYNI_REPLACE_MONTH had been asked for, saying so in a note.
	 */
	int		 mode_explicit;
	ayni_replace_period replace_period;
	const char	*replace_from;	/* YYYY-MM-DD, for AYNI_REPLACE_RANGE */
	const char	*replace_to;
	const ayni_mapping *mapping;	/* explicit fields and formats, or
					   NULL: the company default, if any */
	ayni_csv_opts	 csv;		/* encoding/delimiter overrides */
	char		 decimal;	/* ',' '.' or 0: detect per column */
	const char	*date_format;	/* or NULL: detect */
	const char	*returns;	/* PCRE2 return markers (returns.h), or
					   NULL: the mapping's, or built-in */
	long		 max_errors;	/* store valid rows if at most this
					   many are invalid; default 0 */
	FILE		*rejects;	/* invalid rows as CSV, or NULL */
	int		 dry_run;	/* do everything, commit nothing */
	int		 wait_seconds;	/* for a busy database: 0 means the
					   default, 600; negative, no wait */
	/*
	 * Set (by a signal handler) to stop: the upload rolls back, is
	 * marked 'cancelled' and returns AYNI_ECANCELED.  A handler that
	 * also calls sqlite3_interrupt() stops a statement under way.
	 */
	volatile sig_atomic_t *cancel;
	void		(*progress)(void *arg, const ayni_upload_progress *p);
	void		*progress_arg;
} ayni_upload_opts;

#define AYNI_UPLOAD_FIRST_ERRORS	10

/* The steps of an upload whose wall time the result gives (-v). */
enum {
	AYNI_UPLOAD_STEP_READ,		/* reading and checking the file */
	AYNI_UPLOAD_STEP_STORE,		/* storing the lines */
	AYNI_UPLOAD_STEP_ROLLUPS,	/* refreshing the rollups */
	AYNI_UPLOAD_STEP_COMMIT,	/* COMMIT, and SQLite's checkpoint */
	AYNI_UPLOAD_NSTEPS
};

typedef struct ayni_upload_result {
	int64_t		upload_id;	/* 0 for a dry run */
	const char	*status;	/* completed, failed, or "dry-run" */
	/* rows_read = inserted + updated + unchanged + rejected + skipped */
	long		rows_read;
	long		rows_inserted;	/* lines with a new key */
	long		rows_updated;	/* stored lines whose values changed */
	long		rows_unchanged;	/* stored lines given the same values */
	long		rows_deleted;	/* removed first by --mode replace */
	long		rows_rejected;	/* invalid rows */
	long		rows_skipped;	/* rows with no value at all */
	/* lines added whose ticket and product are stored on another day */
	long		rows_other_day;
	/* lines added whose day, ticket and product are stored without the
	   branch or document type this file gives */
	long		rows_less_key;
	char		first_date[11];	/* YYYY-MM-DD, or "" */
	char		last_date[11];
	double		elapsed_s;
	double		step_s[AYNI_UPLOAD_NSTEPS];	/* wall, of each */
	/* The first invalid rows, "file:line: field ...: reason". */
	int		nerrors;
	char		errors[AYNI_UPLOAD_FIRST_ERRORS][512];
} ayni_upload_result;

/*
 * Load fp into the company.  On bad data returns AYNI_EDATA with result
 * filled (rows_rejected, errors) and nothing stored; the upload record is
 * left 'failed' with the reason.  Another active upload of the same company
 * is AYNI_EBUSY at once, naming it.
 */
int	ayni_upload_run(ayni_db *db, FILE *fp, const ayni_upload_opts *opts,
	    ayni_upload_result *result, ayni_error *err);

/* The summary columns (docs/contract.md §5 JSON keys) and one row of them. */
extern const ayni_column ayni_upload_summary_columns[];
extern const int ayni_upload_summary_ncolumns;
int	ayni_upload_summary_write(const ayni_upload_result *r,
	    ayni_writer *w, ayni_error *err);

/*
 * Mark uploads whose process died (status still pending or processing,
 * started on this host by a process that no longer exists) as failed,
 * "interrupted".  Returns how many were marked, or a negative code.
 */
int	ayni_upload_reap(ayni_db *db, ayni_error *err);

/* Listing, showing and deleting uploads of a company. */
extern const ayni_column ayni_upload_list_columns[];
extern const int ayni_upload_list_ncolumns;
int	ayni_upload_list(ayni_db *db, int64_t company_id, ayni_writer *w,
	    ayni_error *err);
/*
 * One upload as a record, with its dialect, its data_updates and its first
 * errors as nested JSON.  AYNI_ENOTFOUND if the company has no such upload.
 */
extern const ayni_column ayni_upload_show_columns[];
extern const int ayni_upload_show_ncolumns;
int	ayni_upload_show(ayni_db *db, int64_t company_id, int64_t upload_id,
	    ayni_writer *w, ayni_error *err);
/*
 * Deleting an upload takes back the lines it stored (those whose values
 * came from it: a later upload that changed a line owns it), records per
 * period what went in data_updates (action 'delete'), and marks the
 * upload 'deleted' with who and when; the record stays.  The caller
 * checks the delete-data permission.  With dry_run nothing is committed,
 * and the result says what would go.  AYNI_ENOTFOUND: no such upload in
 * the company; AYNI_EEXISTS: already deleted; AYNI_EBUSY: still running.
 */
#define AYNI_UPLOAD_DELETE_MONTHS	24	/* months itemised, at most */

typedef struct ayni_upload_deletion {
	int64_t		upload_id;
	char		filename[256];
	const char	*status;	/* "deleted" or "dry-run" */
	long		rows_deleted;
	char		first_date[11];	/* of the lines removed, or "" */
	char		last_date[11];
	/* "2025-09: 5, 2025-10: 37" (and "... N more months") */
	char		months[AYNI_UPLOAD_DELETE_MONTHS * 16 + 32];
} ayni_upload_deletion;

int	ayni_upload_delete(ayni_db *db, int64_t company_id, int64_t upload_id,
	    int64_t user_id, int dry_run, ayni_upload_deletion *out,
	    ayni_error *err);

extern const ayni_column ayni_upload_deletion_columns[];
extern const int ayni_upload_deletion_ncolumns;
int	ayni_upload_deletion_write(const ayni_upload_deletion *d,
	    ayni_writer *w, ayni_error *err);

#endif /* AYNI_UPLOAD_H */
