/*
 * upload_int.h - what the parts of an upload share, and nothing else
 * includes: the state of one upload and the functions each part offers
 * the others.  The pipeline (docs/README.md):
 *
 *   dialect.c   pass 1: headers to fields, evidence, decisions, the spool
 *   spool.c     the records between pass 1 and pass 2
 *   record.c    one record into one line (public: ayni/record.h)
 *   upload.c    pass 2, replace, data_updates, the upload record;
 *               ayni_upload_run()
 *   store.c     the lines into raw_transactions, one write each
 *   uploads.c   the uploads commands: reap, list, show, delete
 *
 * Not for the rest of libayni: helpers shared more widely belong in
 * internal.h.
 */
#ifndef AYNI_UPLOAD_INT_H
#define AYNI_UPLOAD_INT_H

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include <sqlite3.h>

#include "ayni/csvread.h"
#include "ayni/db.h"
#include "ayni/error.h"
#include "ayni/fields.h"
#include "ayni/mapping.h"
#include "ayni/parse.h"
#include "ayni/record.h"
#include "ayni/returns.h"
#include "ayni/upload.h"

struct upload;

/* --- days and periods (upload.c) --- */

enum { P_DAY, P_WEEK, P_MONTH, P_QUARTER, P_YEAR, P_COUNT };

/*
 * Per-day counters, sorted by day.  Their number is bounded by the
 * calendar, not by the file.
 */
struct daystat {
	long	day;
	long	before, after, added, updated, deleted;
	int	touched;	/* the file has a line on this day */
};

struct days {
	struct daystat	*v;
	size_t		 n, cap;
};

/* The day number of "YYYY-MM-DD..." (calendar.h). */
long	ayni_upload_day_of(const char *iso);
/* The label of the period of type P_* that day falls in: "2025-W07". */
void	ayni_upload_period_label(long day, int type, char buf[16]);
/*
 * The counters in u->days of the day in column col of st, added if new;
 * NULL when out of memory.
 */
struct daystat *ayni_upload_day_at(struct upload *u, sqlite3_stmt *st,
	    int col);

/* --- the spool (spool.c) --- */

/* One spooled record, read back; its buffers are reused by the next. */
struct spool_rec {
	int64_t		  line;
	uint32_t	  n;
	char		 *buf;		/* fields, each NUL-terminated */
	size_t		  cap;
	const char	**f;
	size_t		  fcap;
};

/* --- one upload --- */

struct upload {
	ayni_db			*db;
	sqlite3			*h;
	const ayni_upload_opts	*o;
	ayni_upload_result	*res;
	const char		*name;		/* for messages */
	ayni_mapping		 dflt;		/* company default, if used */
	const ayni_mapping	*map;		/* explicit mapping or NULL */
	char			**header;	/* copies of the header names */
	ayni_returns		*ret;		/* return markers */
	char			 forced_order;	/* from a mapping: 'd', 'm' */
	char			 decimal;	/* given, or 0 */

	/* Pass 1 (dialect.c): the evidence and what it decides. */
	ayni_record_format	 fmt;		/* how records are read */
	ayni_mark_source	 why[AYNI_FIELD_COUNT];
	ayni_num_evidence	 ev[AYNI_FIELD_COUNT];
	long			 rows_fit[8];	/* see rows_evidence() */
	ayni_date_evidence	 dev;
	ayni_export		 known;		/* a recognised export */
	int			 document_level; /* no product, no quantity */
	/* The mode in force: the options', or a register's (above). */
	ayni_upload_mode	 mode;
	ayni_replace_period	 replace_period;
	int			 source_replaces; /* the register decided it */
	int64_t			 last_data_line; /* of a row not a total */
	ayni_csv_dialect	 dialect;
	FILE			*spool;
	char			 spool_dir[256];	/* for messages */

	/* Pass 2 and the store (upload.c, uploads.c). */
	long			 footer_rows;	/* totals below it, skipped */
	int64_t			 footer_line;	/* the first of them */
	long			 not_sales;	/* dispatch guides, skipped */
	long			 sci_codes;	/* product ids like 7,8E+12 */
	char			 sci_example[32];
	int64_t			 upload_id;
	int			 lockfd;	/* see uplock.c, or -1 */
	struct days		 days;
	long			 first_day, last_day;
	long			 valid_lines;	/* pass 2's lines to store */
	char			 now[20];
	struct timespec		 t0;
	double			 step_t0;	/* elapsed() at the step's start */
};

/* Progress and notes, through the caller's callback if there is one. */
static inline void
notify(struct upload *u, ayni_upload_event ev, long rows, long total,
    unsigned long long bytes, const char *msg)
{
	ayni_upload_progress p;

	if (u->o->progress == NULL)
		return;
	memset(&p, 0, sizeof(p));
	p.event = ev;
	p.rows = rows;
	p.rows_total = total;
	p.bytes = bytes;
	p.message = msg;
	u->o->progress(u->o->progress_arg, &p);
}

static inline void
notifyf(struct upload *u, ayni_upload_event ev, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static inline void
notifyf(struct upload *u, ayni_upload_event ev, const char *fmt, ...)
{
	char buf[512];
	va_list ap;

	if (u->o->progress == NULL)
		return;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	notify(u, ev, 0, 0, 0, buf);
}

/* --- the store (upload.c, store.c), also used by uploads.c --- */

/* The counters in u->days of a day, added if new; NULL out of memory. */
struct daystat *ayni_upload_day(struct upload *u, long day);
/*
 * Pass 2 for one spooled record: 1 and *l for a valid line, else 0.  With
 * report, also count skipped rows, reject invalid ones and note warnings
 * (the scan); without, only answer (the store reads the spool again).
 * In two halves, for the store's reader thread: ayni_upload_classify
 * reads only the record and u's decisions (one of AYNI_REC_*, *l for a
 * line, e->msg for an invalid record); ayni_upload_account does the rest.
 */
enum { AYNI_REC_LINE, AYNI_REC_FOOTER, AYNI_REC_INVALID, AYNI_REC_NOT_SALE };
int	ayni_upload_classify(const struct upload *u,
	    const struct spool_rec *r, ayni_record *l, ayni_error *e);
int	ayni_upload_account(struct upload *u, const struct spool_rec *r,
	    const ayni_record *l, int kind, const ayni_error *e, int report);
int	ayni_upload_line(struct upload *u, const struct spool_rec *r,
	    ayni_record *l, int report);
/*
 * A valid line's day noted in u->days and the file's first and last day
 * (pass 2); what pass 2 noticed and did not refuse, said once at the end.
 */
int	ayni_upload_scan_line(struct upload *u, const ayni_record *l,
	    ayni_error *err);
void	ayni_upload_scan_warnings(struct upload *u);
/*
 * Write the valid lines of the spool, about lines of them, into
 * raw_transactions: added, updated or unchanged, counted in u->res and
 * per day (store.c).  scan: this is pass 2 too (ayni_upload_line's
 * report, ayni_upload_scan_line); once more rows are rejected than
 * --max-errors allows, nothing more is written.
 */
int	ayni_upload_store(struct upload *u, long lines, int scan,
	    ayni_error *err);

/*
 * Lines per day of the company over days [from, to], into the before or
 * (after != 0) after counters of u->days.
 */
int	ayni_upload_count_days(struct upload *u, long from, long to,
	    int after, ayni_error *err);
/*
 * data_updates: one row per affected period of each type, from u->days;
 * action is 'upload' or 'delete'.
 */
int	ayni_upload_write_updates(struct upload *u, const char *action,
	    ayni_error *err);
/*
 * Run sql once with parameters bound from the arguments, one per letter of
 * fmt: 'i' an int64_t, 's' a string or NULL.  what names the step in an
 * error.
 */
int	ayni_upload_exec_bound(struct upload *u, const char *sql,
	    const char *what, ayni_error *err, const char *fmt, ...);

/* --- dialect.c --- */

/*
 * Pass 1: read fp once, map its header (AYNI_EDATA when a required field
 * has no column), gather the evidence and spool the records; u->spool is
 * then rewound for pass 2.
 */
int	ayni_dialect_pass1(struct upload *u, FILE *fp, ayni_error *err);
/* Decimal marks and the date order from the evidence, into u->fmt. */
void	ayni_dialect_decide(struct upload *u);
/* The decisions as lines of the callback, and as JSON (cJSON_free). */
void	ayni_dialect_report(struct upload *u);
char   *ayni_dialect_json(const struct upload *u);

/* --- spool.c --- */

/*
 * An unlinked temporary file in $TMPDIR (else /tmp); dir receives the
 * directory, for messages.  NULL with errno set.
 */
FILE   *ayni_spool_open(char *dir, size_t dirlen);
int	ayni_spool_put(FILE *sp, const ayni_csv_record *r);	/* 0, -1 */
/* 1 for a record, 0 at the end, -1 on a read error. */
int	ayni_spool_get(FILE *sp, struct spool_rec *r);
void	ayni_spool_rec_free(struct spool_rec *r);

#endif /* AYNI_UPLOAD_INT_H */
