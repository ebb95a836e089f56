/*
 * cli.h - the command table, the option parser and what the driver hands a
 * command.  Everything a command needs set up (database, session, company,
 * permission, transaction) is declared as flags on its table entry and
 * done by the driver in main.c, so commands never repeat that plumbing.
 *
 * Adding a command: see the checklist in docs/README.md.  In short: core
 * function in include/ayni/, an entry in the group's table (cmd_<group>.c),
 * output through the writer, a unit and a CLI test, the man page.
 */
#ifndef AYNI_CLI_H
#define AYNI_CLI_H

#include <stdint.h>
#include <signal.h>
#include <stdio.h>

#include "ayni/company.h"
#include "ayni/db.h"
#include "ayni/error.h"
#include "ayni/intl.h"
#include "ayni/output.h"
#include "ayni/user.h"

/*
 * One option of a command, or a global one.  The same table parses the
 * command line, checks and converts each value, and prints usage, --help,
 * and what the completion script reads, so they cannot disagree.
 *
 * A bad value is refused while parsing, before anything is opened, with
 * one message: "invalid --NAME 'VALUE': use ..." and exit 64.
 *
 * If you add a kind, add it to check_value() and show_arg() in opt.c.
 */
enum opt_kind {
	OPT_FLAG = 0,	/* no value: --dry-run; may be repeated */
	OPT_STR,	/* any text (checked by the command or the core) */
	OPT_INT,	/* a whole number from min to max: opt_int() */
	OPT_U64,	/* a whole number from 0 to UINT64_MAX: opt_u64() */
	OPT_CHOICE,	/* one of choices[]: opt_choice() is its index */
	OPT_DATE	/* a day that exists, YYYY-MM-DD: opt_get() */
};

struct opt_spec {
	const char		*name;		/* long name without "--" */
	char			 shortopt;	/* or 0 */
	enum opt_kind		 kind;
	int			 required;	/* usage shows it without [] */
	int			 repeatable;	/* values kept in order; else a
						   second one is refused */
	int			 hidden;	/* not in usage (--help) */
	const char		*argname;	/* "EMAIL" in "--email EMAIL";
						   a choice's usage shows its
						   choices unless it has one */
	const char		*help;		/* N_("..."): printed with _() */
	long long		 min, max;	/* OPT_INT */
	const char *const	*choices;	/* OPT_CHOICE, NULL-terminated */
};

#define OPT_MAX		24
#define OPT_MULTI_MAX	64
#define ARG_MAX		16

struct opt_values {
	int		 count[OPT_MAX];
	const char	*val[OPT_MAX];			/* last value */
	const char	*multi[OPT_MAX][OPT_MULTI_MAX];	/* all values */
	long long	 num[OPT_MAX];	/* OPT_INT value, OPT_CHOICE index */
	uint64_t	 u64[OPT_MAX];	/* OPT_U64 value */
	int		 nargs;
	const char	*args[ARG_MAX];			/* positionals */
};

/* Flags on a command entry: what the driver prepares before calling it. */
enum {
	CMD_DB = 1 << 0,	/* open the existing database (66 if none) */
	CMD_DB_CREATE = 1 << 1,	/* open, creating it if missing (init) */
	CMD_AUTH = 1 << 2,	/* a valid session or API token (77) */
	CMD_COMPANY = 1 << 3,	/* resolve the company and the caller's role */
	CMD_TXN = 1 << 4,	/* run inside one transaction */
	CMD_DATA = 1 << 5,	/* prints company data: csv/json need export */
	CMD_SUPERUSER = 1 << 6,	/* only a superuser (77) */
	CMD_COMPANY_ARG = 1 << 7, /* with CMD_COMPANY: the first positional,
				   when given, names the company */
	CMD_OWN_HEAD = 1 << 8,	/* with CMD_DATA: prints its own heading,
				   so no caption line (report) */
	CMD_COMPANY_FILE = 1 << 9 /* with CMD_COMPANY: without --company, a
				   RUT in the first positional's file name
				   (RCV_VENTA_<RUT>_<YYYYMM>.csv) names it */
};

struct cmd_ctx;

struct cmd_entry {
	const char		*name;	/* verb, or verbs: "member add";
					   NULL: the group itself */
	int			(*fn)(struct cmd_ctx *);
	int			 flags;
	ayni_perm		 perm;	/* with CMD_COMPANY */
	const struct opt_spec	*opts;	/* terminated by a zeroed entry */
	const char		*args;	/* positionals for usage: "FILE|-" */
	int			 min_args, max_args;
	const char		*summary;	/* N_("..."): printed with _() */
};

struct cmd_group {
	const char		*name;
	const struct cmd_entry	*cmds;	/* terminated by a zeroed entry */
	const char		*summary;	/* N_("...") */
	const char		*page;	/* man page, if not ayni-<name> */
	int			 sqlite_only; /* 69 on PostgreSQL (part 2) */
};

/* What the driver prepared, handed to every command. */
struct cmd_ctx {
	const struct cmd_group	*group;
	const struct cmd_entry	*cmd;
	struct opt_values	 o;
	const char		*db_path;
	ayni_db			*db;		/* with CMD_DB */
	ayni_actor		 actor;		/* with CMD_AUTH */
	ayni_membership		 company;	/* with CMD_COMPANY */
	ayni_format		 format;
	int			 format_explicit;
	int			 quiet;
	int			 verbose;
	const char		*company_arg;	/* --company, or NULL */
	FILE			*out;		/* results: stdout */
	FILE			*notes;		/* held cli_note()s, or NULL */
	ayni_error		 err;		/* a failing command fills it */
};

/* Every group, in the order of 'ayni help'.  main.c. */
extern const struct cmd_group cmd_groups[];

/*
 * The roles as --role takes them (company member, user add), in the order
 * of ayni_role_parse()'s message.  cmd_company.c.
 */
extern const char *const cli_roles[];

/* The options every command takes (--db, --format, -q, ...).  opt.c. */
extern const struct opt_spec opt_globals[];

/* The value of option name (the last one given), or NULL; its count. */
const char	*opt_get(const struct cmd_ctx *ctx, const char *name);
int		 opt_has(const struct cmd_ctx *ctx, const char *name);
/* Values of a repeatable option; returns their number. */
int		 opt_list(const struct cmd_ctx *ctx, const char *name,
		    const char *const **out);
/*
 * The checked value of a typed option, or dflt when it was not given.
 * Asking for an option the command does not have, or of another kind, is
 * a bug: it aborts, so that a test finds it.
 */
long long	 opt_int(const struct cmd_ctx *ctx, const char *name,
		    long long dflt);
uint64_t	 opt_u64(const struct cmd_ctx *ctx, const char *name,
		    uint64_t dflt);
int		 opt_choice(const struct cmd_ctx *ctx, const char *name,
		    int dflt);

/*
 * Whether s is a whole number from min to max, as every integer option
 * reads one: digits only (a '-' first if min < 0), no spaces, no '+'.
 */
int	opt_number(const char *s, long long min, long long max,
	    long long *out);
/*
 * The first of argv[i..] that is not an option of spec (nor the value of
 * one): how the driver finds the command words among global options.
 */
int	opt_skip(const struct opt_spec *spec, int argc, char **argv, int i);
/*
 * Parse argv against spec and the global options in one pass: values go
 * to out and gout.  AYNI_EUSAGE with a message on a bad line (an unknown
 * option, a bad value, a missing required option or argument); even then
 * the whole line is read, so that -h or --version anywhere still counts.
 */
int	opt_parse(const struct opt_spec *spec, const struct opt_spec *globals,
	    int min_args, int max_args, int argc, char **argv,
	    struct opt_values *out, struct opt_values *gout, ayni_error *err);
/* "usage: ayni company add --rut RUT --name NAME [--industry ...]..." */
void	opt_usage(FILE *fp, const struct cmd_group *g,
	    const struct cmd_entry *c);
void	opt_help(FILE *fp, const struct cmd_group *g,
	    const struct cmd_entry *c);
/* "[--db PATH] [--company RUT] ... [-q] [-v]", from opt_globals. */
void	opt_global_usage(FILE *fp);
/* " or ", in the user's language: what joins "a, b or c". */
const char *opt_or(void);

/*
 * Print "ayni: ..." on stderr, always: an error.  Like cli_warn and
 * cli_note, the text goes through ayni_fputs_safe(): a value from a file
 * or argv never reaches the terminal as control characters.
 */
void	cli_error(const char *fmt, ...)
	    __attribute__((format(printf, 1, 2)));
/*
 * The signal that stopped a command (SIGINT, SIGTERM, SIGHUP), for its
 * exit status 128 + signal when it returns AYNI_ECANCELED; 0 if none.
 */
extern volatile sig_atomic_t cli_stop_signal;

/* Print "ayni: warning: ..." on stderr unless --quiet. */
void	cli_warn(const struct cmd_ctx *ctx, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
/* Print "ayni: ..." on stderr unless --quiet (progress, notes). */
void	cli_note(const struct cmd_ctx *ctx, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));

/*
 * Read a secret: from stdin when --password-stdin was given (one line, the
 * newline dropped), else from the terminal without echo, prompting with
 * prompt on stderr.  The caller wipes and frees it.  If confirm is set and
 * the terminal is used, asks twice.
 */
int	cli_read_secret(const struct cmd_ctx *ctx, const char *prompt,
	    int confirm, char **out, ayni_error *err);

/*
 * Ask question on a terminal ("... [y/N] "): 0 with *yes set to the
 * answer.  With no terminal on stdin and stderr, AYNI_EUSAGE telling to
 * use yes_option: a script must say what it means.
 */
int	cli_confirm(const struct cmd_ctx *ctx, const char *question,
	    const char *yes_option, int *yes, ayni_error *err);
/*
 * Read a single-use token (never from argv, which ps shows): the first line
 * of standard input when it is not a terminal or --password-stdin was
 * given (the password is then the next line), else from the terminal
 * without echo.  A NUL byte in a secret is refused, not cut.
 */
int	cli_read_token(const struct cmd_ctx *ctx, const char *prompt,
	    char **out, ayni_error *err);

/* A writer on ctx->out in ctx->format. */
int	cli_writer(struct cmd_ctx *ctx, int shape, const ayni_column *cols,
	    int ncols, ayni_writer **out);

/*
 * Log in as user_id: create a session and store its token in the token
 * file for this database (main.c's auth plumbing; used by init and login).
 */
int	cli_session_start(struct cmd_ctx *ctx, int64_t user_id);

#endif /* AYNI_CLI_H */
