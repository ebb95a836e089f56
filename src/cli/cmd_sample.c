/*
 * cmd_sample.c - 'ayni sample': synthetic Chilean POS exports (docs/contract.md
 * §8) for the demo, the tests and the benchmarks.  One shop's CSV goes to
 * stdout; with --companies K --out DIR, K files go to DIR and stdout gets a
 * summary of them through the writer.
 *
 * This file only checks the command line and says what was written: the
 * generator (and its byte-for-byte determinism) is src/lib/sample.c.  It
 * needs no database, so its entry has no flags and the driver opens none.
 * The CSV itself is data, not a result table, so it bypasses the writer.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ayni/sample.h"
#include "cli.h"

/* Keep in the order of man/ayni-sample.1's SYNOPSIS. */
static const struct opt_spec sample_opts[] = {
	{ .name = "rows", .kind = OPT_INT, .argname = "N",
	    .min = 0, .max = AYNI_SAMPLE_MAX_ROWS,
	    .help = N_("data lines to write, default 1000") },
	{ .name = "seed", .kind = OPT_U64, .argname = "S",
	    .help = N_("random seed: same seed, same bytes (default 1)") },
	{ .name = "from", .kind = OPT_DATE, .argname = "DATE",
	    .help = N_("first day, YYYY-MM-DD (default 2025-01-01)") },
	{ .name = "days", .kind = OPT_INT, .argname = "D",
	    .min = 1, .max = AYNI_SAMPLE_MAX_DAYS,
	    .help = N_("number of days covered, default 90") },
	{ .name = "profile", .kind = OPT_STR, .argname = "NAME|N",
	    .help = N_("kind of shop, by name or 0 to 5 (default minimarket)") },
	{ .name = "companies", .kind = OPT_INT, .argname = "K",
	    .min = 1, .max = AYNI_SAMPLE_MAX_COMPANIES,
	    .help = N_("write K shops' files instead (needs --out)") },
	{ .name = "out", .kind = OPT_STR, .argname = "DIR",
	    .help = N_("where company-01.csv ... go (made if missing)") },
	{ .name = "register", .kind = OPT_FLAG,
	    .help = N_("write SII sales registers (RCV) instead: one month of "
	    "the month of --from (default 2025-10)") },
	{ .name = "months", .kind = OPT_INT, .argname = "M",
	    .min = 1, .max = AYNI_REGISTER_MAX_MONTHS,
	    .help = N_("with --register --companies: M months per company, "
	    "default 1") },
	{ .name = "documents", .kind = OPT_INT, .argname = "N",
	    .min = 1, .max = AYNI_REGISTER_MAX_DOCUMENTS,
	    .help = N_("with --register: documents a month, about (default 60)") },
	{ .name = NULL }
};

/* The summary of a --register --companies run. */
static const ayni_column register_columns[] = {
	{ "file", AYNI_T_TEXT },
	{ "rut", AYNI_T_TEXT },
	{ "name", AYNI_T_TEXT },
	{ "industry", AYNI_T_TEXT },
	{ "month", AYNI_T_TEXT },
	{ "documents", AYNI_T_INT }
};

#define REGISTER_NCOLS \
	(int)(sizeof(register_columns) / sizeof(register_columns[0]))

/* The summary of a --companies run.  Column names are a stable interface. */
static const ayni_column sample_columns[] = {
	{ "file", AYNI_T_TEXT },
	{ "profile", AYNI_T_TEXT },
	{ "industry", AYNI_T_TEXT },
	{ "rows", AYNI_T_INT }
};

#define SAMPLE_NCOLS \
	(int)(sizeof(sample_columns) / sizeof(sample_columns[0]))

/* A profile by name (any case) or by number. */
static int
parse_profile(struct cmd_ctx *ctx, int *out)
{
	const char *s = opt_get(ctx, "profile");
	int i, n = ayni_sample_profile_count();
	long long v;

	if (s == NULL)
		return 0;
	for (i = 0; i < n; i++)
		if (strcasecmp(s, ayni_sample_profile_name(i)) == 0) {
			*out = i;
			return 0;
		}
	if (opt_number(s, 0, n - 1, &v)) {
		*out = (int)v;
		return 0;
	}
	return ayni_error_set(&ctx->err, AYNI_EUSAGE,
	    _("invalid --profile '%.64s': use minimarket, panaderia, "
	    "ferreteria, farmacia, cafe, botilleria or 0 to %d"), s, n - 1);
}

static int
read_options(struct cmd_ctx *ctx, ayni_sample_options *o, long *companies)
{
	int rc;

	ayni_sample_options_init(o);
	o->rows = (long)opt_int(ctx, "rows", o->rows);
	o->seed = opt_u64(ctx, "seed", o->seed);
	o->days = (int)opt_int(ctx, "days", o->days);
	*companies = (long)opt_int(ctx, "companies", 0);
	if ((rc = parse_profile(ctx, &o->profile)) != 0)
		return rc;
	o->from = opt_get(ctx, "from");
	if (opt_has(ctx, "companies") && !opt_has(ctx, "out"))
		return ayni_error_set(&ctx->err, AYNI_EUSAGE, "%s",
		    _("option '--companies' needs '--out DIR' for the files"));
	if (opt_has(ctx, "out") && !opt_has(ctx, "companies"))
		return ayni_error_set(&ctx->err, AYNI_EUSAGE, "%s",
		    _("option '--out' needs '--companies K': one shop goes "
		    "to standard output"));
	return 0;
}

/*
 * A register's options: --seed, the month of --from, --documents; the
 * shop options mean nothing to a register and are refused, not ignored.
 */
static int
read_register_options(struct cmd_ctx *ctx, ayni_register_options *o)
{
	static const char *const shop_only[] = { "rows", "days", "profile" };
	const char *from = opt_get(ctx, "from");
	size_t i;

	for (i = 0; i < sizeof(shop_only) / sizeof(shop_only[0]); i++)
		if (opt_has(ctx, shop_only[i]))
			return ayni_error_set(&ctx->err, AYNI_EUSAGE,
			    _("option '--%s' is for shop exports, not with "
			    "'--register'"), shop_only[i]);
	if (opt_has(ctx, "months") && !opt_has(ctx, "companies"))
		return ayni_error_set(&ctx->err, AYNI_EUSAGE, "%s",
		    _("option '--months' needs '--companies K --out DIR': "
		    "one month goes to standard output"));
	ayni_register_options_init(o);
	o->seed = opt_u64(ctx, "seed", o->seed);
	o->documents = (int)opt_int(ctx, "documents", o->documents);
	if (from != NULL) {	/* OPT_DATE checked it: YYYY-MM-DD */
		o->year = atoi(from);
		o->month = atoi(from + 5);
	}
	return 0;
}

/* The registers of K clients over M months, and their summary. */
static int
write_registers(struct cmd_ctx *ctx, const ayni_register_options *base,
    int count, int months, const char *dir)
{
	ayni_register_options co, mo;
	ayni_register_client c;
	ayni_value v[REGISTER_NCOLS];
	ayni_writer *w = NULL;
	char path[4200], month[8];
	int i, k, rc;

	if ((rc = ayni_register_files(dir, count, months, base,
	    &ctx->err)) != 0)
		return rc;
	if ((rc = cli_writer(ctx, AYNI_WRITER_LIST, register_columns,
	    REGISTER_NCOLS, &w)) != 0)
		return rc;
	for (i = 1; i <= count && rc == 0; i++) {
		if ((rc = ayni_register_client_get(&c, base->seed, i,
		    &ctx->err)) != 0 ||
		    (rc = ayni_register_client_options(&co, base, i,
		    &ctx->err)) != 0)
			break;
		for (k = 0; k < months && rc == 0; k++) {
			ayni_register_month(&mo, &co, k);
			ayni_register_file_name(path, sizeof(path), dir, &c,
			    &mo);
			snprintf(month, sizeof(month), "%04d-%02d", mo.year,
			    mo.month);
			v[0] = ayni_v_text(path);
			v[1] = ayni_v_text(c.rut);
			v[2] = ayni_v_text(c.name);
			v[3] = ayni_v_text(c.industry);
			v[4] = ayni_v_text(month);
			v[5] = ayni_v_int(mo.documents);
			rc = ayni_writer_row(w, v, &ctx->err);
		}
	}
	if (rc == 0)
		rc = ayni_writer_finish(w, &ctx->err);
	ayni_writer_free(w);
	return rc;
}

/*
 * The generator checks --from; its message says what a date must look like
 * but not which option it came from, so name it (keeping the message).
 */
static int
name_from(struct cmd_ctx *ctx, int rc)
{
	char msg[sizeof(ctx->err.msg)];

	if (rc == AYNI_EUSAGE && opt_has(ctx, "from")) {
		snprintf(msg, sizeof(msg), "%s", ctx->err.msg);
		ayni_error_set(&ctx->err, rc, _("option '--from': %s"), msg);
	}
	return rc;
}

/*
 * DIR, made if missing (one level, like mkdir without -p); *made says
 * whether this run made it, so that a refused run can take it back.
 */
static int
make_dir(struct cmd_ctx *ctx, const char *dir, int *made)
{
	struct stat sb;

	*made = 0;
	if (mkdir(dir, 0777) == 0) {
		*made = 1;
		return 0;
	}
	if (errno == EEXIST && stat(dir, &sb) == 0 && S_ISDIR(sb.st_mode))
		return 0;
	if (errno == EEXIST)
		return ayni_error_set(&ctx->err, AYNI_ECANTCREAT,
		    _("cannot create directory '%.200s': a file is in the "
		    "way"), dir);
	return ayni_error_set(&ctx->err, AYNI_ECANTCREAT,
	    _("cannot create directory '%.200s': %s"), dir, strerror(errno));
}

/* --out as a directory name without trailing slashes, made if missing. */
static int
out_dir(struct cmd_ctx *ctx, char *dir, size_t len, int *made)
{
	const char *arg = opt_get(ctx, "out");
	size_t n = strlen(arg);

	if (n == 0)
		return ayni_error_set(&ctx->err, AYNI_EUSAGE, "%s",
		    _("option '--out' needs a directory name"));
	if (n >= len)
		return ayni_error_set(&ctx->err, AYNI_ECANTCREAT,
		    _("cannot create files in '%.200s...': path too long"),
		    arg);
	/* "d/" and "d" name the same files: print them one way */
	memcpy(dir, arg, n + 1);
	while (n > 1 && dir[n - 1] == '/')
		dir[--n] = '\0';
	return make_dir(ctx, dir, made);
}

static int
write_companies(struct cmd_ctx *ctx, const ayni_sample_options *base,
    int count)
{
	char dir[4096], path[4200];
	ayni_sample_options o;
	ayni_writer *w = NULL;
	ayni_value v[SAMPLE_NCOLS];
	int i, rc, made;

	if ((rc = out_dir(ctx, dir, sizeof(dir), &made)) != 0)
		return rc;
	/* The generator refuses bad options before it creates any file. */
	if ((rc = ayni_sample_companies(dir, count, base, &ctx->err)) != 0) {
		if (made && rc == AYNI_EUSAGE)
			rmdir(dir);
		return name_from(ctx, rc);
	}

	if ((rc = cli_writer(ctx, AYNI_WRITER_LIST, sample_columns,
	    SAMPLE_NCOLS, &w)) != 0)
		return rc;
	for (i = 1; i <= count && rc == 0; i++) {
		if ((rc = ayni_sample_company_options(&o, base, i, &ctx->err))
		    != 0)
			break;
		snprintf(path, sizeof(path), "%s/company-%02d.csv", dir, i);
		v[0] = ayni_v_text(path);
		v[1] = ayni_v_text(ayni_sample_profile_name(o.profile));
		v[2] = ayni_v_text(ayni_sample_profile_industry(o.profile));
		v[3] = ayni_v_int(o.rows);
		rc = ayni_writer_row(w, v, &ctx->err);
	}
	if (rc == 0)
		rc = ayni_writer_finish(w, &ctx->err);
	ayni_writer_free(w);
	return rc;
}

/* ayni sample --register: one month to stdout, or an accountant's folder. */
static int
sample_register(struct cmd_ctx *ctx, long companies)
{
	ayni_register_options o;
	char dir[4096];
	int rc, made;

	if ((rc = read_register_options(ctx, &o)) != 0)
		return rc;
	if (companies == 0)
		return ayni_register_write(ctx->out, NULL, &o, &ctx->err);
	if ((rc = out_dir(ctx, dir, sizeof(dir), &made)) != 0)
		return rc;
	rc = write_registers(ctx, &o, (int)companies,
	    (int)opt_int(ctx, "months", 1), dir);
	if (rc == AYNI_EUSAGE && made)
		rmdir(dir);
	return rc;
}

static int
cmd_sample(struct cmd_ctx *ctx)
{
	ayni_sample_options o;
	long companies;
	int rc;

	if (opt_has(ctx, "register")) {
		if (opt_has(ctx, "companies") != opt_has(ctx, "out"))
			return ayni_error_set(&ctx->err, AYNI_EUSAGE, "%s",
			    _("options '--companies' and '--out' go together"));
		return sample_register(ctx, (long)opt_int(ctx, "companies",
		    0));
	}
	if (opt_has(ctx, "months") || opt_has(ctx, "documents"))
		return ayni_error_set(&ctx->err, AYNI_EUSAGE, "%s",
		    _("options '--months' and '--documents' are for "
		    "'--register'"));
	if ((rc = read_options(ctx, &o, &companies)) != 0)
		return rc;
	if (companies > 0)
		return write_companies(ctx, &o, (int)companies);
	return name_from(ctx, ayni_sample_write(ctx->out, NULL, &o, &ctx->err));
}

const struct cmd_entry cmd_sample_cmds[] = {
	{ NULL, cmd_sample, 0, AYNI_PERM_NONE, sample_opts, NULL, 0, 0,
	    N_("write a synthetic sales export of one shop, or of K shops to "
	    "DIR; with --register, SII sales registers") },
	{ NULL, NULL, 0, 0, NULL, NULL, 0, 0, NULL }
};
