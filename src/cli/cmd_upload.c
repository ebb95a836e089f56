/*
 * cmd_upload.c - 'ayni upload FILE|-': the command line around
 * ayni_upload_run(): options to upload options, the progress bar on a
 * terminal, the dialect with -v, the first errors, and the summary through
 * the writer.  The loading itself is all in src/lib/upload.c.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "ayni/outfile.h"
#include "ayni/upload.h"
#include "cli.h"

/* Choice indexes are what options() reads: keep the orders. */
static const char *const decimals[] = { ",", ".", NULL };
static const char *const modes[] = { "upsert", "replace", NULL };
static const char *const periods[] = { "day", "month", NULL };

static const struct opt_spec upload_opts[] = {
	{ .name = "mapping", .kind = OPT_STR, .argname = "NAME",
	    .help = N_("use the saved mapping NAME") },
	{ .name = "map", .kind = OPT_STR, .repeatable = 1, .argname = "FIELD=HEADER",
	    .help = N_("read FIELD from column HEADER (repeatable)") },
	{ .name = "delimiter", .kind = OPT_STR, .argname = "C",
	    .help = N_("field delimiter: , ; tab or |") },
	{ .name = "encoding", .kind = OPT_STR, .argname = "ENC",
	    .help = N_("utf-8, latin1, windows-1252, utf-16le/be") },
	{ .name = "decimal", .kind = OPT_CHOICE, .choices = decimals,
	    .help = N_("decimal mark of every number") },
	{ .name = "date-format", .kind = OPT_STR, .argname = "FMT",
	    .help = N_("dates as FMT, e.g. %d/%m/%Y %H:%M") },
	{ .name = "mode", .kind = OPT_CHOICE, .choices = modes,
	    .help = N_("upsert (default; the SII register replaces its months) "
	    "or replace the period the file covers") },
	{ .name = "period", .kind = OPT_CHOICE, .choices = periods,
	    .help = N_("with replace: the file's days (default) or whole months") },
	{ .name = "from", .kind = OPT_DATE, .argname = "DATE",
	    .help = N_("with replace: first day to replace") },
	{ .name = "to", .kind = OPT_DATE, .argname = "DATE",
	    .help = N_("with replace: last day to replace") },
	{ .name = "returns", .kind = OPT_STR, .argname = "REGEX",
	    .help = N_("return markers in the type columns, instead of the built-in") },
	{ .name = "max-errors", .kind = OPT_INT, .argname = "N",
	    .min = 0, .max = 1000000000,
	    .help = N_("store the valid rows if at most N are invalid") },
	{ .name = "rejects", .kind = OPT_STR, .argname = "FILE",
	    .help = N_("write invalid rows, with line and "
	    "reason, to FILE") },
	{ .name = "dry-run", .shortopt = 'n', .kind = OPT_FLAG,
	    .help = N_("do everything but store") },
	{ .name = "wait", .kind = OPT_INT, .argname = "SECONDS",
	    .min = 0, .max = 86400,
	    .help = N_("wait this long for a busy database, default 600; 0: "
	    "do not wait") },
	{ .name = NULL }
};

struct bar {
	const struct cmd_ctx	*ctx;
	int			 tty;		/* draw a progress bar */
	struct timespec		 t0;
	unsigned long long	 size;		/* file size, or 0 */
	int			 drawn;
};

static double
since(const struct timespec *t0)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)(t.tv_sec - t0->tv_sec) +
	    (double)(t.tv_nsec - t0->tv_nsec) / 1e9;
}

static void
progress(void *arg, const ayni_upload_progress *p)
{
	struct bar *b = arg;
	double s = since(&b->t0), rate;

	switch (p->event) {
	case AYNI_UPLOAD_EV_DIALECT:
		if (b->ctx->verbose)
			cli_note(b->ctx, "%s", p->message);
		return;
	case AYNI_UPLOAD_EV_NOTE:
		if (b->drawn)
			fputs("\r\033[K", stderr);
		b->drawn = 0;
		cli_note(b->ctx, "%s", p->message);
		return;
	case AYNI_UPLOAD_EV_WARNING:
	case AYNI_UPLOAD_EV_WAITING:
		if (b->drawn)
			fputs("\r\033[K", stderr);
		b->drawn = 0;
		cli_warn(b->ctx, "%s", p->message);
		return;
	case AYNI_UPLOAD_EV_READING:
		if (!b->tty)
			return;
		rate = s > 0 ? (double)p->rows / s : 0;
		fputs("\r\033[K", stderr);
		/* TRANSLATORS: the progress bar, on one line of a terminal */
		fprintf(stderr, _("reading  %6.1f MB"),
		    (double)p->bytes / 1e6);
		if (b->size > 0 && p->bytes > 0 && s > 0.2) {
			double eta = s * (double)(b->size - p->bytes) /
			    (double)p->bytes;

			/* TRANSLATORS: ETA: the time left, in seconds */
			fprintf(stderr, _(" of %.1f MB  %3.0f%%  ETA %.0fs"),
			    (double)b->size / 1e6, 100.0 * (double)p->bytes /
			    (double)b->size, eta);
		}
		fprintf(stderr, _("  %ld rows  %.0f rows/s"), p->rows, rate);
		break;
	case AYNI_UPLOAD_EV_WRITING:
		if (!b->tty)
			return;
		fputs("\r\033[K", stderr);
		fprintf(stderr, _("writing  %ld of %ld rows  %3.0f%%"),
		    p->rows, p->rows_total, p->rows_total ? 100.0 *
		    (double)p->rows / (double)p->rows_total : 100.0);
		break;
	}
	b->drawn = 1;
	fflush(stderr);
}

/* --period, --from and --to: what --mode replace replaces. */
static int
replace_options(struct cmd_ctx *ctx, ayni_upload_opts *o)
{
	const char *p = opt_get(ctx, "period"), *from = opt_get(ctx, "from"),
	    *to = opt_get(ctx, "to");

	if ((p != NULL || from != NULL || to != NULL) &&
	    o->mode != AYNI_UPLOAD_REPLACE)
		return ayni_error_set(&ctx->err, AYNI_EUSAGE,
		    _("--%s goes with --mode replace"), p != NULL ? "period" :
		    from != NULL ? "from" : "to");
	if (p != NULL && (from != NULL || to != NULL))
		return ayni_error_set(&ctx->err, AYNI_EUSAGE, "%s",
		    _("--period and --from/--to are two ways to say what to "
		    "replace: use one"));
	if ((from == NULL) != (to == NULL))
		return ayni_error_set(&ctx->err, AYNI_EUSAGE, "%s",
		    _("--from and --to go together"));
	if (from != NULL) {
		if (strcmp(from, to) > 0)
			return ayni_error_set(&ctx->err, AYNI_EUSAGE,
			    _("--from '%s' is after --to '%s'"), from, to);
		o->replace_period = AYNI_REPLACE_RANGE;
		o->replace_from = from;
		o->replace_to = to;
	} else
		o->replace_period = opt_choice(ctx, "period", 0) == 1 ?
		    AYNI_REPLACE_MONTH : AYNI_REPLACE_DAY;
	return 0;
}

/* Fill upload options from the command line. */
static int
options(struct cmd_ctx *ctx, ayni_upload_opts *o, ayni_mapping *m,
    int *have_map)
{
	const char *const *pairs;
	const char *s;
	long wait;
	int i, n, rc;

	o->company_id = ctx->company.company_id;
	o->user_id = ctx->actor.user_id;
	if ((s = opt_get(ctx, "mapping")) != NULL) {
		if ((rc = ayni_mapping_get(ctx->db, o->company_id, s, m,
		    &ctx->err)) != 0)
			return rc == AYNI_ENOTFOUND ? ayni_error_set(&ctx->err,
			    AYNI_EUSAGE, _("no mapping '%s' in this company: "
			    "see 'ayni mapping list'"), s) : rc;
		*have_map = 1;
	}
	/* --map pairs override the saved mapping's fields one by one. */
	n = opt_list(ctx, "map", &pairs);
	for (i = 0; i < n; i++) {
		ayni_mapping one;
		int f;

		memset(&one, 0, sizeof(one));
		if ((rc = ayni_mapping_add_pair(&one, pairs[i], &ctx->err))
		    != 0)
			return rc;
		for (f = 0; f < AYNI_FIELD_COUNT; f++)
			if (one.header[f] != NULL && m->header[f] != NULL &&
			    opt_get(ctx, "mapping") != NULL) {
				free(m->header[f]);
				m->header[f] = NULL;
			}
		ayni_mapping_release(&one);
		if ((rc = ayni_mapping_add_pair(m, pairs[i], &ctx->err)) != 0)
			return rc;
	}
	if (n > 0)
		*have_map = 1;
	if ((s = opt_get(ctx, "delimiter")) != NULL &&
	    (rc = ayni_csv_delimiter_parse(s, &o->csv.delimiter, &ctx->err))
	    != 0)
		return rc;
	if ((s = opt_get(ctx, "encoding")) != NULL &&
	    (rc = ayni_csv_encoding_parse(s, &o->csv.encoding, &ctx->err))
	    != 0)
		return rc;
	if ((s = opt_get(ctx, "decimal")) != NULL)
		o->decimal = s[0];
	o->date_format = opt_get(ctx, "date-format");
	o->returns = opt_get(ctx, "returns");
	if (opt_choice(ctx, "mode", 0) == 1)
		o->mode = AYNI_UPLOAD_REPLACE;
	o->mode_explicit = opt_has(ctx, "mode");
	if ((rc = replace_options(ctx, o)) != 0)
		return rc;
	o->max_errors = (long)opt_int(ctx, "max-errors", 0);
	wait = (long)opt_int(ctx, "wait", 600);
	o->wait_seconds = wait == 0 ? -1 : (int)wait;
	o->dry_run = opt_has(ctx, "dry-run") > 0;
	return 0;
}

/*
 * Ctrl-C, SIGTERM or SIGHUP during an upload: stop it (the statement under
 * way too), so that it rolls back and is marked 'cancelled' instead of
 * dying as 'processing'; the exit status is then 128 + the signal.
 */
static volatile sig_atomic_t upload_cancel;
static ayni_db *upload_db;

static void
upload_stop(int sig)
{
	cli_stop_signal = sig;
	upload_cancel = 1;
	ayni_db_interrupt(upload_db);
}

static void
catch_stop(int on, struct sigaction old[3])
{
	static const int sigs[3] = { SIGINT, SIGTERM, SIGHUP };
	struct sigaction sa;
	int i;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = upload_stop;	/* no SA_RESTART: a read stops */
	sigemptyset(&sa.sa_mask);
	for (i = 0; i < 3; i++)
		if (on)
			sigaction(sigs[i], &sa, &old[i]);
		else
			sigaction(sigs[i], &old[i], NULL);
}

/*
 * The file to upload: path, or standard input for "-".  *sb is the
 * file's status (zeroed for standard input), and the progress bar's size
 * that of a regular file.
 */
static int
open_input(struct cmd_ctx *ctx, const char *path, FILE **fp,
    struct stat *sb, ayni_upload_opts *o, struct bar *bar)
{
	if (strcmp(path, "-") == 0) {
		*fp = stdin;
		o->name = "<stdin>";
		return 0;
	}
	if ((*fp = fopen(path, "rb")) == NULL)
		return ayni_error_set(&ctx->err, AYNI_ENOINPUT,
		    _("cannot open '%s': %s"), path, strerror(errno));
	if (fstat(fileno(*fp), sb) == 0 && S_ISDIR(sb->st_mode))
		return ayni_error_set(&ctx->err, AYNI_ENOINPUT,
		    _("'%s' is a directory, not a CSV file"), path);
	if (S_ISREG(sb->st_mode))
		bar->size = (unsigned long long)sb->st_size;
	o->name = path;
	return 0;
}

/* Open --rejects FILE, never the input itself, whatever path names it. */
static int
open_rejects(struct cmd_ctx *ctx, const char *rejects, FILE *fp,
    const struct stat *sb, ayni_outfile **rjf)
{
	struct stat rs;

	if (fp != stdin && stat(rejects, &rs) == 0 &&
	    rs.st_dev == sb->st_dev && rs.st_ino == sb->st_ino)
		return ayni_error_set(&ctx->err, AYNI_EUSAGE,
		    _("--rejects '%s' is the file being uploaded"),
		    rejects);
	/*
	 * Refused here, before anything is read or stored, when it
	 * is the database, a directory or a link (outfile.h).  A
	 * clean upload leaves an existing file alone.
	 */
	return ayni_outfile_open(rjf, rejects, 0600, ayni_db_path(ctx->db),
	    &ctx->err);
}

/* The upload itself, with the progress bar and a stop on a signal. */
static int
run_upload(struct cmd_ctx *ctx, FILE *fp, ayni_upload_opts *o,
    struct bar *bar, ayni_upload_result *res)
{
	struct sigaction old[3];
	int rc;

	bar->ctx = ctx;
	bar->tty = !ctx->quiet && isatty(STDERR_FILENO);
	clock_gettime(CLOCK_MONOTONIC, &bar->t0);
	o->progress = progress;
	o->progress_arg = bar;

	upload_db = ctx->db;
	upload_cancel = 0;
	o->cancel = &upload_cancel;
	catch_stop(1, old);
	rc = ayni_upload_run(ctx->db, fp, o, res, &ctx->err);
	catch_stop(0, old);
	upload_db = NULL;
	if (bar->drawn)
		fputs("\r\033[K", stderr);
	if (rc == 0 && ctx->verbose)
		/* TRANSLATORS: -v, after an upload: seconds of each step */
		cli_note(ctx, _("time: reading %.2f s, storing %.2f s, "
		    "rollups %.2f s, commit %.2f s"),
		    res->step_s[AYNI_UPLOAD_STEP_READ],
		    res->step_s[AYNI_UPLOAD_STEP_STORE],
		    res->step_s[AYNI_UPLOAD_STEP_ROLLUPS],
		    res->step_s[AYNI_UPLOAD_STEP_COMMIT]);
	return rc;
}

/* The first invalid rows, and how many more there were. */
static void
show_errors(struct cmd_ctx *ctx, const ayni_upload_opts *o,
    const ayni_upload_result *res, int rc)
{
	int i;

	/* docs/contract.md §5: a day the shop was closed is not an error. */
	if (rc == 0 && res->rows_read == res->rows_skipped)
		cli_note(ctx, _("no sales lines in %s"), o->name);
	for (i = 0; i < res->nerrors; i++)
		cli_error("%s", res->errors[i]);
	if (res->rows_rejected > res->nerrors)
		cli_error(P_("... and %ld more invalid row",
		    "... and %ld more invalid rows", res->rows_rejected -
		    res->nerrors), res->rows_rejected - res->nerrors);
}

/*
 * Keep the rejects file when rows were rejected (or it is written in
 * place), else drop it; the upload's result rc, or the file's error.
 */
static int
close_rejects(struct cmd_ctx *ctx, ayni_outfile *rjf,
    const ayni_upload_result *res, int rc)
{
	int wrc = 0;

	if (res->rows_rejected > 0 || ayni_outfile_is_direct(rjf))
		wrc = ayni_outfile_commit(rjf, rc == 0 ? &ctx->err : NULL);
	else
		ayni_outfile_abort(rjf);
	return rc == 0 ? wrc : rc;
}

/*
 * The summary is printed whatever happened once the upload was
 * recorded or reading began: --format json scripts get the status.
 */
static int
show_summary(struct cmd_ctx *ctx, const ayni_upload_result *res, int rc,
    ayni_writer **w)
{
	int wrc;

	if (!(res->rows_read > 0 || res->upload_id > 0 || rc == 0))
		return rc;
	wrc = cli_writer(ctx, AYNI_WRITER_RECORD, ayni_upload_summary_columns,
	    ayni_upload_summary_ncolumns, w);
	if (wrc == 0 && (wrc = ayni_upload_summary_write(res, *w,
	    rc == 0 ? &ctx->err : NULL)) == 0)
		wrc = ayni_writer_finish(*w, rc == 0 ? &ctx->err : NULL);
	return rc == 0 ? wrc : rc;
}

static int
cmd_upload(struct cmd_ctx *ctx)
{
	const char *path = ctx->o.args[0], *rejects = opt_get(ctx, "rejects");
	ayni_upload_opts o;
	ayni_upload_result res;
	ayni_mapping m;
	ayni_writer *w = NULL;
	struct bar bar;
	struct stat sb;
	ayni_outfile *rjf = NULL;
	FILE *fp = NULL;
	int rc, have_map = 0;

	memset(&o, 0, sizeof(o));
	memset(&m, 0, sizeof(m));
	memset(&sb, 0, sizeof(sb));
	memset(&bar, 0, sizeof(bar));
	if ((rc = options(ctx, &o, &m, &have_map)) != 0)
		goto out;
	o.mapping = have_map ? &m : NULL;
	if ((rc = open_input(ctx, path, &fp, &sb, &o, &bar)) != 0)
		goto out;
	if (rejects != NULL) {
		if ((rc = open_rejects(ctx, rejects, fp, &sb, &rjf)) != 0)
			goto out;
		o.rejects = ayni_outfile_fp(rjf);
	}
	rc = run_upload(ctx, fp, &o, &bar, &res);
	show_errors(ctx, &o, &res, rc);
	if (rjf != NULL) {
		rc = close_rejects(ctx, rjf, &res, rc);
		rjf = NULL;
	}
	rc = show_summary(ctx, &res, rc, &w);
out:
	ayni_writer_free(w);
	ayni_outfile_abort(rjf);
	if (fp != NULL && fp != stdin)
		fclose(fp);
	ayni_mapping_release(&m);
	return rc;
}

const struct cmd_entry cmd_upload_cmds[] = {
	{ NULL, cmd_upload, CMD_DB | CMD_AUTH | CMD_COMPANY | CMD_COMPANY_FILE,
	    AYNI_PERM_UPLOAD,
	    upload_opts, "FILE|-", 1, 1,
	    N_("load a sales export into the company, all or nothing") },
	{ NULL, NULL, 0, 0, NULL, NULL, 0, 0, NULL }
};
