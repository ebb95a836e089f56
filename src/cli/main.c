/*
 * main.c - the ayni driver: global options, the group table, and the set-up
 * that command flags ask for (database, session, company, permission,
 * transaction).  It is also the one place where an ayni_code becomes a
 * process exit status (sysexits.h values, docs/contract.md §2).
 *
 * Commands live in cmd_<group>.c; this file holds no command logic.
 */
#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <termios.h>
#include <unistd.h>

#include "ayni/intl.h"
#include "ayni/rut.h"
#include "cli.h"

extern const struct cmd_entry cmd_init_cmds[];
extern const struct cmd_entry cmd_login_cmds[];
extern const struct cmd_entry cmd_logout_cmds[];
extern const struct cmd_entry cmd_whoami_cmds[];
extern const struct cmd_entry cmd_user_cmds[];
extern const struct cmd_entry cmd_token_cmds[];
extern const struct cmd_entry cmd_company_cmds[];
extern const struct cmd_entry cmd_mapping_cmds[];
extern const struct cmd_entry cmd_upload_cmds[];
extern const struct cmd_entry cmd_uploads_cmds[];
extern const struct cmd_entry cmd_sample_cmds[];
extern const struct cmd_entry cmd_aggregate_cmds[];
extern const struct cmd_entry cmd_benchmark_cmds[];
extern const struct cmd_entry cmd_report_cmds[];
extern const struct cmd_entry cmd_export_cmds[];
extern const struct cmd_entry cmd_check_cmds[];

/*
 * 'ayni help' lists groups in this order; page: its man page if not
 * ayni-<name>; the last field: the group runs on SQLite only, until part
 * 2 of the PostgreSQL work ports its modules to the seam.
 */
const struct cmd_group cmd_groups[] = {
	{ "init", cmd_init_cmds, N_("create a database and its first user"), NULL, 0 },
	{ "login", cmd_login_cmds, N_("log in to a database"), NULL, 0 },
	{ "logout", cmd_logout_cmds, N_("end the session"), "ayni-login", 0 },
	{ "whoami", cmd_whoami_cmds, N_("show who is logged in"), "ayni-login", 0 },
	{ "user", cmd_user_cmds,
	    N_("users, passwords, resets and lockouts"), NULL, 0 },
	{ "token", cmd_token_cmds, N_("API tokens for scripts"), NULL, 0 },
	{ "company", cmd_company_cmds, N_("companies, members and roles"), NULL, 0 },
	{ "mapping", cmd_mapping_cmds,
	    N_("saved column mappings for uploads"), NULL, 0 },
	{ "upload", cmd_upload_cmds,
	    N_("load a sales export, all or nothing"), NULL, 1 },
	{ "uploads", cmd_uploads_cmds, N_("list, show and delete uploads"), NULL, 1 },
	{ "sample", cmd_sample_cmds,
	    N_("synthetic sales exports for tests"), NULL, 0 },
	{ "aggregate", cmd_aggregate_cmds,
	    N_("sales rollups and their check"), NULL, 1 },
	{ "benchmark", cmd_benchmark_cmds,
	    N_("compare a company with its industry"), NULL, 1 },
	{ "report", cmd_report_cmds,
	    N_("a period's report for the owner, text or HTML"), NULL, 1 },
	{ "export", cmd_export_cmds,
	    N_("sales lines or rollups for other programs and Excel"), NULL, 1 },
	{ "check", cmd_check_cmds,
	    N_("database integrity, rollups, uploads and file modes"), NULL, 1 },
	{ NULL, NULL, NULL, NULL, 0 }
};

volatile sig_atomic_t cli_stop_signal;

/* The exit status of a code.  If you add a code, add it here too. */
static int
exit_status(int code)
{
	switch (code) {
	case AYNI_OK:		return EX_OK;
	case AYNI_ENOTFOUND:
	case AYNI_EEXISTS:	return 1;
	case AYNI_EUSAGE:	return EX_USAGE;
	case AYNI_EDATA:	return EX_DATAERR;
	case AYNI_ENOINPUT:	return EX_NOINPUT;
	case AYNI_EUNAVAIL:	return EX_UNAVAILABLE;
	case AYNI_ECANTCREAT:	return EX_CANTCREAT;
	case AYNI_EIO:		return EX_IOERR;
	case AYNI_EBUSY:	return EX_TEMPFAIL;
	case AYNI_EPERM:	return EX_NOPERM;
	case AYNI_ECONFIG:	return EX_CONFIG;
	case AYNI_ECANCELED:	return 128 + (cli_stop_signal ?
				    cli_stop_signal : SIGINT);
	case AYNI_EINTERNAL:
	case AYNI_ENOMEM:
	default:		return EX_SOFTWARE;
	}
}

static void
vmsg(FILE *fp, const char *prefix, const char *fmt, va_list ap)
    __attribute__((format(printf, 3, 0)));

static void
vmsg(FILE *fp, const char *prefix, const char *fmt, va_list ap)
{
	char buf[2048];

	vsnprintf(buf, sizeof(buf), fmt, ap);
	fprintf(fp, "ayni: %s", prefix);
	ayni_fputs_safe(buf, fp);
	fputc('\n', fp);
}

void
cli_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmsg(stderr, "", fmt, ap);
	va_end(ap);
}

void
cli_warn(const struct cmd_ctx *ctx, const char *fmt, ...)
{
	va_list ap;

	if (ctx->quiet)
		return;
	va_start(ap, fmt);
	vmsg(stderr, _("warning: "), fmt, ap);
	va_end(ap);
}

void
cli_note(const struct cmd_ctx *ctx, const char *fmt, ...)
{
	va_list ap;

	if (ctx->quiet)
		return;
	va_start(ap, fmt);
	vmsg(ctx->notes ? ctx->notes : stderr, "", fmt, ap);
	va_end(ap);
}

int
cli_writer(struct cmd_ctx *ctx, int shape, const ayni_column *cols, int ncols,
    ayni_writer **out)
{
	return ayni_writer_new(out, ctx->out, ctx->format, shape, cols, ncols,
	    &ctx->err);
}

/* What read_line() reads, for its messages. */
enum secret { SECRET_PASSWORD, SECRET_TOKEN };

/* One line of fp, the newline dropped. */
static int
read_line(FILE *fp, enum secret what, char **out, ayni_error *err)
{
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;

	errno = 0;
	if ((n = getline(&line, &cap, fp)) < 0) {
		int e = errno;

		free(line);
		if (e != 0)
			return ayni_error_set(err, AYNI_EUSAGE,
			    what == SECRET_TOKEN ?
			    _("cannot read the token: %s") :
			    _("cannot read the password: %s"), strerror(e));
		return ayni_error_set(err, AYNI_EUSAGE, "%s",
		    what == SECRET_TOKEN ?
		    _("no token given on standard input") :
		    _("no password given on standard input"));
	}
	while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
		line[--n] = '\0';
	/* C strings end at a NUL: the secret would be silently cut there. */
	if (memchr(line, '\0', (size_t)n) != NULL) {
		ayni_wipe(line, (size_t)n);
		free(line);
		return ayni_error_set(err, AYNI_EUSAGE, "%s",
		    what == SECRET_TOKEN ? _("the token contains a NUL byte") :
		    _("the password contains a NUL byte"));
	}
	*out = line;
	return 0;
}

/*
 * While echo is off, a Ctrl-C, SIGTERM or SIGHUP must not leave the
 * terminal without it (docs/contract.md §2): the handler puts it back and exits
 * 128 + the signal.  Only async-signal-safe calls in it.
 */
static volatile sig_atomic_t tty_fd = -1;
static struct termios tty_saved;

static void
tty_restore_exit(int sig)
{
	if (tty_fd != -1)
		tcsetattr(tty_fd, TCSAFLUSH, &tty_saved);
	(void)!write(STDERR_FILENO, "\n", 1);
	_exit(128 + sig);
}

static int
read_tty(FILE *tty, const char *prompt, enum secret what, char **out,
    ayni_error *err)
{
	static const int sigs[] = { SIGINT, SIGTERM, SIGHUP };
	struct sigaction sa, old[3];
	struct termios noecho;
	int rc, i;

	fputs(prompt, stderr);
	fflush(stderr);
	if (tcgetattr(fileno(tty), &tty_saved) == -1)
		return ayni_error_set(err, AYNI_EIO,
		    _("cannot read the terminal: %s"), strerror(errno));
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = tty_restore_exit;
	sigemptyset(&sa.sa_mask);
	tty_fd = fileno(tty);
	for (i = 0; i < 3; i++)
		sigaction(sigs[i], &sa, &old[i]);
	noecho = tty_saved;
	noecho.c_lflag &= ~(tcflag_t)ECHO;
	noecho.c_lflag |= ECHONL;
	tcsetattr(fileno(tty), TCSAFLUSH, &noecho);
	rc = read_line(tty, what, out, err);
	tcsetattr(fileno(tty), TCSAFLUSH, &tty_saved);
	tty_fd = -1;
	for (i = 0; i < 3; i++)
		sigaction(sigs[i], &old[i], NULL);
	return rc;
}

int
cli_read_secret(const struct cmd_ctx *ctx, const char *prompt, int confirm,
    char **out, ayni_error *err)
{
	FILE *tty;
	char *again = NULL;
	int rc;

	*out = NULL;
	if (opt_has(ctx, "password-stdin"))
		return read_line(stdin, SECRET_PASSWORD, out, err);
	if ((tty = fopen("/dev/tty", "r+e")) == NULL)
		return ayni_error_set(err, AYNI_EUSAGE, "%s",
		    _("no terminal to read the password from: use "
		    "--password-stdin"));
	rc = read_tty(tty, prompt, SECRET_PASSWORD, out, err);
	if (rc == 0 && confirm) {
		/* TRANSLATORS: asks for the same password a second time */
		rc = read_tty(tty, _("again: "), SECRET_PASSWORD, &again,
		    err);
		if (rc == 0 && strcmp(*out, again) != 0)
			rc = ayni_error_set(err, AYNI_EUSAGE, "%s",
			    _("the passwords do not match"));
		if (again != NULL) {
			ayni_wipe(again, strlen(again));
			free(again);
		}
	}
	fclose(tty);
	if (rc != 0 && *out != NULL) {
		ayni_wipe(*out, strlen(*out));
		free(*out);
		*out = NULL;
	}
	return rc;
}

/*
 * Whether an answer is yes: "y" or "yes" in any language, "s", "si" or
 * "sí" too (what a Chilean types), in any case, blanks around ignored.
 */
static int
is_yes(const char *line)
{
	static const char *const yes[] = { "y", "yes", "s", "si", "s\xc3\xad",
		"s\xc3\x8d" };
	char w[16];
	size_t n = 0, i;

	while (*line == ' ' || *line == '\t')
		line++;
	for (; *line != '\0' && *line != '\n' && *line != '\r' &&
	    n < sizeof(w) - 1; line++)
		w[n++] = *line >= 'A' && *line <= 'Z' ? (char)(*line + 32) :
		    *line;
	while (n > 0 && (w[n - 1] == ' ' || w[n - 1] == '\t'))
		n--;
	w[n] = '\0';
	for (i = 0; i < sizeof(yes) / sizeof(yes[0]); i++)
		if (strcmp(w, yes[i]) == 0)
			return 1;
	return 0;
}

int
cli_confirm(const struct cmd_ctx *ctx, const char *question,
    const char *yes_option, int *yes, ayni_error *err)
{
	char line[64];

	(void)ctx;
	*yes = 0;
	if (!isatty(STDIN_FILENO) || !isatty(STDERR_FILENO))
		return ayni_error_set(err, AYNI_EUSAGE,
		    _("not asking without a terminal: add %s to confirm"),
		    yes_option);
	/*
	 * TRANSLATORS: a yes/no question, no the default; is_yes() in
	 * main.c takes y, yes, s, si and sí whatever the language.
	 */
	fprintf(stderr, _("%s [y/N] "), question);
	fflush(stderr);
	if (fgets(line, sizeof(line), stdin) == NULL) {
		fputc('\n', stderr);
		return 0;
	}
	*yes = is_yes(line);
	return 0;
}

int
cli_read_token(const struct cmd_ctx *ctx, const char *prompt, char **out,
    ayni_error *err)
{
	FILE *tty;
	int rc;

	*out = NULL;
	if (opt_has(ctx, "password-stdin") || !isatty(STDIN_FILENO))
		return read_line(stdin, SECRET_TOKEN, out, err);
	if ((tty = fopen("/dev/tty", "r+e")) == NULL)
		return ayni_error_set(err, AYNI_EUSAGE, "%s",
		    _("no terminal to read the token from: give it on "
		    "standard input"));
	rc = read_tty(tty, prompt, SECRET_TOKEN, out, err);
	fclose(tty);
	return rc;
}

int
cli_session_start(struct cmd_ctx *ctx, int64_t user_id)
{
	char token[AYNI_TOKEN_LEN + 1], host[256] = "";
	int rc;

	gethostname(host, sizeof(host) - 1);
	/*
	 * A session whose token could not be kept is a secret nobody has:
	 * it is stored only if the token file was written.
	 */
	if ((rc = ayni_db_begin(ctx->db, &ctx->err)) != 0)
		return rc;
	if ((rc = ayni_session_create(ctx->db, user_id, host, token,
	    &ctx->err)) == 0)
		rc = ayni_token_file_write(ayni_db_path(ctx->db), token,
		    &ctx->err);
	if (rc == 0 && (rc = ayni_db_commit(ctx->db, &ctx->err)) != 0)
		(void)ayni_token_file_remove(ayni_db_path(ctx->db), NULL);
	else if (rc != 0)
		ayni_db_rollback(ctx->db);
	ayni_wipe(token, sizeof(token));
	return rc;
}

static void
list_groups(FILE *fp)
{
	const struct cmd_group *g;

	fprintf(fp, "%sayni ", _("usage: "));
	opt_global_usage(fp);
	fprintf(fp, " COMMAND [ARGS]\n\n%s\n", _("commands:"));
	for (g = cmd_groups; g->name != NULL; g++)
		fprintf(fp, "  %-10s %s\n", g->name, _(g->summary));
	fprintf(fp, "  %-10s %s\n\n", "help", _("show help for a command"));
	fputs(_("'ayni help COMMAND' or 'ayni COMMAND --help' tells more; "
	    "man ayni for all"), fp);
	fputc('\n', fp);
}

static const struct cmd_group *
find_group(const char *name)
{
	const struct cmd_group *g;

	for (g = cmd_groups; g->name != NULL; g++)
		if (strcmp(g->name, name) == 0)
			return g;
	return NULL;
}

/* Whether the words of name ("member add") begin w; *used: how many. */
static int
name_is(const char *name, const char *const *w, int n, int *used)
{
	size_t len;
	int k;

	for (k = 0; *name != '\0'; k++) {
		len = strcspn(name, " ");
		if (k >= n || strlen(w[k]) != len || strncmp(w[k], name, len))
			return 0;
		name += len;
		name += *name == ' ';
	}
	*used = k;
	return 1;
}

/*
 * The verb named by the words w (one, or more for "member add"), else
 * the group's default command; *used: how many words named it.
 */
static const struct cmd_entry *
find_cmd(const struct cmd_group *g, const char *const *w, int n, int *used)
{
	const struct cmd_entry *c, *dflt = NULL;

	*used = 0;
	for (c = g->cmds; c->fn != NULL; c++) {
		if (c->name == NULL)
			dflt = c;
		else if (name_is(c->name, w, n, used))
			return c;
	}
	return dflt;
}

/*
 * The verbs under a first word ("member": add, list, role, remove) as
 * "add, list, role or remove" in buf; their number.
 */
static int
sub_verbs(const struct cmd_group *g, const char *first, char *buf,
    size_t len)
{
	const struct cmd_entry *c, *last = NULL;
	size_t n = strlen(first), at = 0;
	int k = 0;

	buf[0] = '\0';
	for (c = g->cmds; c->fn != NULL; c++)
		if (c->name != NULL && strncmp(c->name, first, n) == 0 &&
		    c->name[n] == ' ')
			last = c;
	for (c = g->cmds; c->fn != NULL && at < len; c++)
		if (c->name != NULL && strncmp(c->name, first, n) == 0 &&
		    c->name[n] == ' ')
			at += (size_t)snprintf(buf + at, len - at, "%s%s",
			    k++ == 0 ? "" : c == last ? opt_or() : ", ",
			    c->name + n + 1);
	return k;
}

/* The usage lines of a group's verbs, or of those under first. */
static void
group_usage(FILE *fp, const struct cmd_group *g, const char *first)
{
	const struct cmd_entry *c;
	size_t n = first ? strlen(first) : 0;

	for (c = g->cmds; c->fn != NULL; c++)
		if (first == NULL || (c->name != NULL &&
		    strncmp(c->name, first, n) == 0 && c->name[n] == ' '))
			opt_usage(fp, g, c);
}

static int
cmd_help(int argc, const char *const *argv)
{
	const struct cmd_group *g;
	const struct cmd_entry *c;
	char verbs[256];
	int used;

	if (argc == 0) {
		list_groups(stdout);
		return 0;
	}
	if ((g = find_group(argv[0])) == NULL) {
		cli_error(_("unknown command '%s': see 'ayni help'"),
		    argv[0]);
		return EX_USAGE;
	}
	c = find_cmd(g, argv + 1, argc - 1, &used);
	if (argc == 2 && (c == NULL || used == 0) &&
	    sub_verbs(g, argv[1], verbs, sizeof(verbs)) > 0) {
		group_usage(stdout, g, argv[1]);
		return 0;
	}
	if (c == NULL || (argc > 1 && used != argc - 1)) {
		if (argc > 1) {
			cli_error(_("unknown command 'ayni %s %s': "
			    "see 'ayni help %s'"), g->name, argv[1], g->name);
			return EX_USAGE;
		}
		printf("ayni %s: %s\n\n", g->name, _(g->summary));
		group_usage(stdout, g, NULL);
		return 0;
	}
	opt_help(stdout, g, c);
	return 0;
}

/* How many times global option name was given; its last value. */
static int
global(const struct opt_values *gv, const char *name, const char **val)
{
	int k;

	for (k = 0; opt_globals[k].name != NULL; k++)
		if (strcmp(opt_globals[k].name, name) == 0) {
			if (val != NULL)
				*val = gv->val[k];
			return gv->count[k];
		}
	abort();
}

static int
choose_format(struct cmd_ctx *ctx, const char *arg)
{
	const char *env = getenv("AYNI_FORMAT");

	if (arg != NULL) {
		ctx->format_explicit = 1;
		return ayni_format_parse(arg, &ctx->format, &ctx->err);
	}
	/* A default, not a choice: a viewer still gets a table. */
	if (env != NULL && env[0] != '\0')
		return ayni_format_parse(env, &ctx->format, &ctx->err);
	ctx->format = isatty(STDOUT_FILENO) ? AYNI_FORMAT_TABLE :
	    AYNI_FORMAT_CSV;
	return 0;
}

/*
 * The one-line caption over a table of company data on a terminal
 * (docs/contract.md §8): whose data, and which dates when the command was given
 * some.  Not in a pipe or a file, where it would be data.  Company names are
 * cleaned of control characters when stored (ayni_company_name_clean).
 */
static void
caption(struct cmd_ctx *ctx)
{
	char rut[AYNI_RUT_MAX];
	const char *from = NULL, *to = NULL, *period = NULL;
	const struct opt_spec *o;
	int ranged = 0;

	for (o = ctx->cmd->opts; o != NULL && o->name != NULL; o++) {
		if (strcmp(o->name, "from") == 0) {
			from = opt_get(ctx, "from");
			ranged = 1;
		} else if (strcmp(o->name, "to") == 0)
			to = opt_get(ctx, "to");
		else if (strcmp(o->name, "period") == 0)
			period = opt_get(ctx, "period");
	}
	ayni_rut_display(ctx->company.rut, rut);
	fprintf(ctx->out, "%s  %s", ctx->company.name, rut);
	if (period != NULL)
		fprintf(ctx->out, "  %s", period);
	else if (from != NULL || to != NULL) {
		char f[32] = "", t[32] = "";

		if (from != NULL)
			ayni_date_for_people(from, f, sizeof(f));
		if (to != NULL)
			ayni_date_for_people(to, t, sizeof(t));
		fputs("  ", ctx->out);
		/* TRANSLATORS: the dates of a table: "2025-09-01 to last sale" */
		fprintf(ctx->out, _("%s to %s"), from ? f : _("first sale"),
		    to ? t : _("last sale"));
	} else if (ranged)
		fprintf(ctx->out, "  %s", _("all dates"));
	fputs("\n\n", ctx->out);
}

/*
 * Run a CMD_TXN command.  What it writes on stdout is held in memory and
 * printed only once COMMIT has succeeded: a token printed before a commit
 * that then fails (disk full, busy) would be a secret that works nowhere,
 * or a result that was never stored.  Its notes ("token created") wait
 * too.  The buffer is wiped: it may hold a secret.
 */
static int
run_txn(struct cmd_ctx *ctx)
{
	char *buf = NULL, *nbuf = NULL;
	size_t len = 0, nlen = 0;
	FILE *mem, *notes;
	int rc;

	if ((mem = open_memstream(&buf, &len)) == NULL)
		return ayni_error_set(&ctx->err, AYNI_ENOMEM, "%s",
		    _("out of memory"));
	if ((notes = open_memstream(&nbuf, &nlen)) == NULL) {
		fclose(mem);
		free(buf);
		return ayni_error_set(&ctx->err, AYNI_ENOMEM, "%s",
		    _("out of memory"));
	}
	ctx->out = mem;
	ctx->notes = notes;
	if ((rc = ayni_db_begin(ctx->db, &ctx->err)) == 0) {
		if ((rc = ctx->cmd->fn(ctx)) == 0 && fflush(mem) != 0)
			rc = ayni_error_set(&ctx->err, AYNI_ENOMEM, "%s",
			    _("out of memory"));
		if (rc == 0)
			rc = ayni_db_commit(ctx->db, &ctx->err);
		else
			ayni_db_rollback(ctx->db);
	}
	fclose(mem);
	fclose(notes);
	ctx->out = stdout;
	ctx->notes = NULL;
	if (rc == 0 && nbuf != NULL)
		fputs(nbuf, stderr);
	free(nbuf);
	if (rc == 0 && buf != NULL && len > 0 &&
	    fwrite(buf, 1, len, stdout) != len)
		rc = ayni_error_set(&ctx->err, AYNI_EIO,
		    _("cannot write to standard output: %s"), strerror(errno));
	if (buf != NULL) {
		ayni_wipe(buf, len);
		free(buf);
	}
	return rc;
}

/* Do what the command's flags ask for, then run it. */

/* Append to the error message of a failing command, as room allows. */
static void	cli_error_suffix(struct cmd_ctx *, const char *, ...)
    __attribute__((format(printf, 2, 3)));

static void
cli_error_suffix(struct cmd_ctx *ctx, const char *fmt, ...)
{
	size_t len = strlen(ctx->err.msg);
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(ctx->err.msg + len, sizeof(ctx->err.msg) - len, fmt, ap);
	va_end(ap);
}

/*
 * The company named by the file name of path (CMD_COMPANY_FILE): *file is
 * the name's last component when it holds one RUT (out is then that RUT),
 * NULL when it holds none; two different RUTs are a usage error.
 */
static int
company_in_name(struct cmd_ctx *ctx, const char *path,
    char out[AYNI_RUT_MAX], const char **file)
{
	const char *base = strrchr(path, '/');

	base = base != NULL ? base + 1 : path;
	switch (ayni_rut_in_name(base, out)) {
	case 1:
		*file = base;
		return 0;
	case 0:
		*file = NULL;
		return 0;
	default:
		return ayni_error_set(&ctx->err, AYNI_EUSAGE,
		    _("the file name '%s' holds more than one RUT: say which "
		    "company with --company"), base);
	}
}

/*
 * The company of a CMD_COMPANY command: named by --company, by the first
 * argument (CMD_COMPANY_ARG) or by the file name (CMD_COMPANY_FILE); the
 * actor's role in it checked; csv and json of company data refused to a
 * role that cannot export (docs/contract.md §4).
 */
static int
use_company(struct cmd_ctx *ctx)
{
	const struct cmd_entry *c = ctx->cmd;
	const char *rut = ctx->company_arg, *file = NULL;
	char named[AYNI_RUT_MAX];
	int rc;

	if ((c->flags & CMD_COMPANY_ARG) && ctx->o.nargs > 0)
		rut = ctx->o.args[0];
	if ((c->flags & CMD_COMPANY_FILE) && rut == NULL &&
	    ctx->o.nargs > 0) {
		if ((rc = company_in_name(ctx, ctx->o.args[0], named,
		    &file)) != 0)
			return rc;
		if (file != NULL)
			rut = named;
	}
	if ((rc = ayni_company_resolve(ctx->db, &ctx->actor, rut,
	    &ctx->company, &ctx->err)) != 0 ||
	    (rc = ayni_membership_check(&ctx->company, c->perm,
	    &ctx->err)) != 0) {
		if (file != NULL)
			/*
			 * TRANSLATORS: added after a message saying
			 * why the company cannot be used
			 */
			cli_error_suffix(ctx, _(" (the RUT in the file "
			    "name '%s'; choose with --company)"), file);
		return rc;
	}
	if (file != NULL) {
		ayni_rut_display(ctx->company.rut, named);
		cli_note(ctx, _("company %s (%s), from the file name "
		    "'%s'"), named, ctx->company.name, file);
	}
	/*
	 * csv and json of company data are an export
	 * (docs/contract.md §4).
	 */
	if ((c->flags & CMD_DATA) &&
	    !ayni_role_can(ctx->company.role, AYNI_PERM_EXPORT)) {
		if (ctx->format_explicit &&
		    ctx->format != AYNI_FORMAT_TABLE) {
			rc = ayni_membership_check(&ctx->company,
			    AYNI_PERM_EXPORT, &ctx->err);
			/*
			 * TRANSLATORS: added after "permission
			 * denied: ... cannot export"
			 */
			strncat(ctx->err.msg, _(": use --format table"),
			    sizeof(ctx->err.msg) -
			    strlen(ctx->err.msg) - 1);
			return rc;
		}
		ctx->format = AYNI_FORMAT_TABLE;
	}
	if ((c->flags & CMD_DATA) && !(c->flags & CMD_OWN_HEAD) &&
	    ctx->format == AYNI_FORMAT_TABLE && isatty(STDOUT_FILENO))
		caption(ctx);
	return 0;
}

static int
run(struct cmd_ctx *ctx)
{
	const struct cmd_entry *c = ctx->cmd;
	char token[AYNI_TOKEN_LEN + 1];
	const char *tok;
	int rc;

	if ((c->flags & (CMD_DB | CMD_DB_CREATE)) && ctx->group->sqlite_only &&
	    ayni_db_is_url(ctx->db_path))
		return ayni_error_set(&ctx->err, AYNI_EUNAVAIL,
		    _("'ayni %s' does not run on PostgreSQL yet: it comes in "
		    "part 2; use a SQLite database"), ctx->group->name);
	if (c->flags & (CMD_DB | CMD_DB_CREATE)) {
		rc = ayni_db_open(&ctx->db, ctx->db_path,
		    (c->flags & CMD_DB_CREATE) ? AYNI_DB_CREATE : 0, &ctx->err);
		if (rc != 0)
			return rc;
	}
	if (c->flags & CMD_AUTH) {
		if ((tok = getenv("AYNI_TOKEN")) == NULL || tok[0] == '\0') {
			tok = ayni_token_file_read(ayni_db_path(ctx->db), token,
			    NULL) == 0 ? token : NULL;
		}
		rc = ayni_auth_resolve(ctx->db, tok, &ctx->actor, &ctx->err);
		ayni_wipe(token, sizeof(token));
		if (rc != 0)
			return rc;
		if ((c->flags & CMD_SUPERUSER) && !ctx->actor.is_superuser)
			return ayni_error_set(&ctx->err, AYNI_EPERM,
			    _("permission denied: 'ayni %s %s' is for "
			    "superusers"),
			    ctx->group->name, c->name ? c->name : "");
	}
	if ((c->flags & CMD_COMPANY) && (rc = use_company(ctx)) != 0)
		return rc;
	if (c->flags & CMD_TXN)
		return run_txn(ctx);
	return c->fn(ctx);
}

/* At most this many words name a verb: "company member add". */
#define WORDS_MAX	3

/* The command words of a command line, global options aside. */
struct words {
	const char *word;	/* the first: the group, or NULL */
	const char *next;	/* the word after the group, or NULL */
	const char *w[WORDS_MAX]; /* the words that may name the verb */
	int	pos[WORDS_MAX];	/* their places in argv */
	int	nw;		/* how many of them */
	int	used;		/* how many of them the verb's name took */
	int	gi;		/* the group's place in argv */
};

/*
 * The command words come first, global options aside: the group, then
 * the words that may name its verb.  Sets ctx->group and ctx->cmd, and
 * takes the words used out of argv; returns the new argc.  Everything
 * else is then parsed in one pass against the command's options and the
 * global ones.
 */
static int
command_words(struct cmd_ctx *ctx, int argc, char **argv, struct words *ws)
{
	const struct cmd_group *grp = NULL;
	int i, j, k;

	if ((ws->gi = opt_skip(opt_globals, argc, argv, 0)) < argc) {
		ws->word = argv[ws->gi];
		grp = find_group(ws->word);
	}
	if (grp != NULL) {
		i = opt_skip(opt_globals, argc, argv, ws->gi + 1);
		ws->next = i < argc ? argv[i] : NULL;
		for (; ws->nw < WORDS_MAX && i < argc && argv[i][0] != '-';
		    i = opt_skip(opt_globals, argc, argv, i + 1)) {
			ws->pos[ws->nw] = i;
			ws->w[ws->nw++] = argv[i];
		}
		ctx->group = grp;
		ctx->cmd = find_cmd(grp, ws->w, ws->nw, &ws->used);
	}
	for (i = j = 0; i < argc; i++) {
		for (k = 0; k < ws->used && ws->pos[k] != i; k++)
			continue;
		if (i != ws->gi && k == ws->used)
			argv[j++] = argv[i];
	}
	return j;
}

/* A result that did not reach its reader is a failure (git does so). */
static int
flushed(int status)
{
	if (fflush(stdout) != 0 || ferror(stdout)) {
		cli_error(_("cannot write to standard output: %s"),
		    strerror(errno));
		return EX_IOERR;
	}
	return status;
}

/*
 * A group named without one of its verbs ('ayni company', 'ayni company
 * member' alone, or with a verb it does not have): its help with --help,
 * else its usage and EX_USAGE.
 */
static int
no_verb(const struct cmd_group *grp, const struct words *ws, int help)
{
	char verbs[256];

	if (ws->nw > 0 && sub_verbs(grp, ws->w[0], verbs, sizeof(verbs)) > 0) {
		if (help) {
			group_usage(stdout, grp, ws->w[0]);
			return flushed(0);
		}
		if (ws->nw > 1)
			cli_error(_("unknown command 'ayni %s %s %s': "
			    "use %s"), grp->name, ws->w[0], ws->w[1], verbs);
		else
			cli_error(_("'ayni %s %s' needs a command: %s"),
			    grp->name, ws->w[0], verbs);
		group_usage(stderr, grp, ws->w[0]);
		return EX_USAGE;
	}
	if (help) {
		cmd_help(1, &grp->name);
		return flushed(0);
	}
	if (ws->next != NULL)
		cli_error(_("unknown command 'ayni %s %s'"),
		    grp->name, ws->next);
	group_usage(stderr, grp, NULL);
	return EX_USAGE;
}

/*
 * The global options' values into ctx: --db (else AYNI_DB, else
 * ./ayni.db), --company, --quiet, --verbose; the --format value in
 * *format.  An empty value is a usage error, reported here.
 */
static int
take_globals(struct cmd_ctx *ctx, const struct opt_values *gv,
    const char **format)
{
	static const char *const gopts[] = { "db", "company", "format" };
	const char *v[3];
	int k;

	for (k = 0; k < 3; k++)
		if (global(gv, gopts[k], &v[k]) && v[k][0] == '\0') {
			cli_error(_("option '--%s' needs a value, not an "
			    "empty one"), gopts[k]);
			return EX_USAGE;
		}
	ctx->db_path = v[0] ? v[0] : getenv("AYNI_DB");
	if (ctx->db_path == NULL || ctx->db_path[0] == '\0')
		ctx->db_path = "./ayni.db";
	ctx->company_arg = v[1];
	ctx->quiet = global(gv, "quiet", NULL) > 0;
	ctx->verbose = global(gv, "verbose", NULL) > 0;
	*format = v[2];
	return 0;
}

int
main(int argc, char **argv)
{
	static struct opt_values gv;
	struct cmd_ctx ctx;
	struct words ws = { 0 };
	const struct cmd_group *grp;
	const char *format;
	char verbs[256];
	int rc, perr, help, status;

	/*
	 * Past a file size limit (ulimit -f) write() fails with EFBIG, which
	 * is reported and exits 74, instead of the default SIGXFSZ killing
	 * ayni in the middle of a write.
	 */
	signal(SIGXFSZ, SIG_IGN);
	ayni_intl_init();
	memset(&ctx, 0, sizeof(ctx));
	argc--, argv++;
	argc = command_words(&ctx, argc, argv, &ws);
	grp = ctx.group;
	perr = opt_parse(ctx.cmd ? ctx.cmd->opts : NULL, opt_globals,
	    ctx.cmd ? ctx.cmd->min_args : 0, ctx.cmd ? ctx.cmd->max_args :
	    ARG_MAX, argc, argv, &ctx.o, &gv, &ctx.err);
	if (global(&gv, "version", NULL)) {
		printf(_("ayni %s (schema %d)\n"), AYNI_VERSION,
		    ayni_db_schema_version());
		return flushed(0);
	}
	help = global(&gv, "help", NULL);
	if (ws.word == NULL) {
		if (help) {
			list_groups(stdout);
			return flushed(0);
		}
		list_groups(stderr);
		return EX_USAGE;
	}
	if (strcmp(ws.word, "help") == 0) {
		if (perr != 0) {
			cli_error("%s", ctx.err.msg);
			return EX_USAGE;
		}
		return flushed(cmd_help(ctx.o.nargs, ctx.o.args));
	}
	if (grp == NULL) {
		cli_error(_("unknown command '%s': see 'ayni help'"), ws.word);
		return EX_USAGE;
	}
	if (ctx.cmd == NULL || (ws.used == 0 && ws.nw > 0 &&
	    sub_verbs(grp, ws.w[0], verbs, sizeof(verbs)) > 0))
		return no_verb(grp, &ws, help);
	if (help) {
		opt_help(stdout, grp, ctx.cmd);
		return flushed(0);
	}
	if (perr != 0) {
		cli_error("%s", ctx.err.msg);
		opt_usage(stderr, grp, ctx.cmd);
		return EX_USAGE;
	}
	if ((status = take_globals(&ctx, &gv, &format)) != 0)
		return status;
	ctx.out = stdout;
	if ((rc = choose_format(&ctx, format)) == 0)
		rc = run(&ctx);
	ayni_db_close(ctx.db);
	if (rc != 0) {
		cli_error("%s", ctx.err.msg[0] ? ctx.err.msg :
		    ayni_code_name(rc));
		if (rc == AYNI_EUSAGE)
			opt_usage(stderr, grp, ctx.cmd);
		fflush(stdout);
		return exit_status(rc);
	}
	return flushed(0);
}
