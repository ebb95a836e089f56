/*
 * opt.c - parse a command's options, and the global ones, from their specs;
 * check and convert each value by its kind; and print usage and help from
 * the same specs (libgit2's cli/opt.c idea): what --help says is what the
 * parser accepts, and what the completion script offers.
 *
 * Long options take "--name VALUE" or "--name=VALUE"; short ones "-x
 * VALUE".  "--" ends options.  "-" alone is a positional (stdin).  A
 * command's option and a global one are read in the same pass, wherever
 * they are, so "--name -q" names something "-q".
 */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "ayni/calendar.h"
#include "ayni/intl.h"
#include "cli.h"

static const char *const formats[] = { "table", "csv", "json", NULL };

/*
 * A second --db, --company or --format replaces the first, as it always
 * has: a wrapper script may add one to what its caller gave.
 */
const struct opt_spec opt_globals[] = {
	{ .name = "db", .kind = OPT_STR, .repeatable = 1, .argname = "PATH",
	    .help = N_("the database (default $AYNI_DB, else ./ayni.db)") },
	{ .name = "company", .kind = OPT_STR, .repeatable = 1,
	    .argname = "RUT", .help = N_("the company to work on") },
	{ .name = "format", .kind = OPT_CHOICE, .repeatable = 1,
	    .choices = formats, .help = N_("how results are printed") },
	{ .name = "quiet", .shortopt = 'q', .help = N_("no notes or warnings") },
	{ .name = "verbose", .shortopt = 'v', .help = N_("more notes") },
	{ .name = "help", .shortopt = 'h', .hidden = 1, .help = N_("this help") },
	{ .name = "version", .hidden = 1, .help = N_("the version") },
	{ .name = NULL }
};

static int
spec_len(const struct opt_spec *spec)
{
	int n = 0;

	while (spec != NULL && spec[n].name != NULL)
		n++;
	return n;
}

static int
find_long(const struct opt_spec *spec, const char *name, size_t n)
{
	int i;

	for (i = 0; spec != NULL && spec[i].name != NULL; i++)
		if (strlen(spec[i].name) == n && strncmp(spec[i].name, name,
		    n) == 0)
			return i;
	return -1;
}

static int
find_short(const struct opt_spec *spec, char c)
{
	int i;

	for (i = 0; spec != NULL && spec[i].name != NULL; i++)
		if (spec[i].shortopt == c)
			return i;
	return -1;
}

int
opt_number(const char *s, long long min, long long max, long long *out)
{
	const char *d = s[0] == '-' && min < 0 ? s + 1 : s;
	char *end;
	long long v;

	if (d[0] < '0' || d[0] > '9')
		return 0;
	errno = 0;
	v = strtoll(s, &end, 10);
	if (*end != '\0' || errno == ERANGE || v < min || v > max)
		return 0;
	*out = v;
	return 1;
}

/* "a, b or c" into buf. */
static void
list_choices(const char *const *c, char *buf, size_t len)
{
	size_t n = 0;
	int i;

	buf[0] = '\0';
	for (i = 0; c[i] != NULL && n < len; i++)
		n += (size_t)snprintf(buf + n, len - n, "%s%s", i == 0 ? "" :
		    c[i + 1] == NULL ? opt_or() : ", ", c[i]);
}

const char *
opt_or(void)
{
	/*
	 * TRANSLATORS: joins the last two of a list of values the user
	 * types, "day, week or month"; keep the spaces around it.
	 */
	return _(" or ");
}

/* Check val against o's kind and keep its converted form. */
static int
check_value(const struct opt_spec *o, const char *val, struct opt_values *out,
    int k, ayni_error *err)
{
	char want[512];
	unsigned long long u;
	char *end;
	int i;

	switch (o->kind) {
	case OPT_FLAG:
	case OPT_STR:
		return 0;
	case OPT_INT:
		if (opt_number(val, o->min, o->max, &out->num[k]))
			return 0;
		if (o->max == LLONG_MAX && o->min == 1)
			snprintf(want, sizeof(want), "%s",
			    _("a positive whole number"));
		else if (o->max == LLONG_MAX)
			snprintf(want, sizeof(want),
			    _("a whole number from %lld"), o->min);
		else
			snprintf(want, sizeof(want),
			    _("a whole number from %lld to %lld"), o->min,
			    o->max);
		break;
	case OPT_U64:
		errno = 0;
		u = strtoull(val, &end, 10);
		if (val[0] >= '0' && val[0] <= '9' && *end == '\0' &&
		    errno != ERANGE) {
			out->u64[k] = (uint64_t)u;
			return 0;
		}
		snprintf(want, sizeof(want), _("a whole number from 0 to %llu"),
		    (unsigned long long)UINT64_MAX);
		break;
	case OPT_CHOICE:
		for (i = 0; o->choices[i] != NULL; i++)
			if (strcmp(val, o->choices[i]) == 0) {
				out->num[k] = i;
				return 0;
			}
		list_choices(o->choices, want, sizeof(want));
		break;
	case OPT_DATE:
		if (ayni_iso_date(val, NULL))
			return 0;
		/* TRANSLATORS: how a date is written; Spanish: AAAA-MM-DD */
		snprintf(want, sizeof(want), "%s", _("YYYY-MM-DD"));
		break;
	default:
		return ayni_error_set(err, AYNI_EINTERNAL,
		    _("option '--%s' has no kind"), o->name);
	}
	return ayni_error_set(err, AYNI_EUSAGE,
	    _("invalid --%s '%.64s': use %s"), o->name, val, want);
}

static int
store(const struct opt_spec *o, int k, const char *val,
    struct opt_values *out, ayni_error *err)
{
	int rc;

	/*
	 * A script that says --mode twice means one of them by mistake:
	 * refused, not the last one taken.  A flag twice says the same.
	 */
	if (o->kind != OPT_FLAG && !o->repeatable && out->count[k] > 0)
		return ayni_error_set(err, AYNI_EUSAGE,
		    _("option '--%s' given twice"), o->name);
	if (out->count[k] >= OPT_MULTI_MAX)
		return ayni_error_set(err, AYNI_EUSAGE,
		    _("option '--%s' given too many times"), o->name);
	if ((rc = check_value(o, val, out, k, err)) != 0)
		return rc;
	out->multi[k][out->count[k]++] = val;
	out->val[k] = val;
	return 0;
}

int
opt_skip(const struct opt_spec *spec, int argc, char **argv, int i)
{
	const char *a, *eq;
	int k, valued;

	for (; i < argc; i += valued ? 2 : 1) {
		a = argv[i];
		if (a[0] != '-' || a[1] == '\0' || strcmp(a, "--") == 0)
			break;
		if (a[1] == '-') {
			eq = strchr(a + 2, '=');
			k = find_long(spec, a + 2, eq ? (size_t)(eq - a - 2) :
			    strlen(a + 2));
			valued = k >= 0 && eq == NULL;
		} else {
			k = a[2] == '\0' ? find_short(spec, a[1]) : -1;
			valued = 1;
		}
		if (k < 0)
			break;
		valued = valued && spec[k].kind != OPT_FLAG;
	}
	return i < argc ? i : argc;
}

/*
 * The long option argv[*i] ("--name", "--name=value"), looked up in the
 * command's table, then the globals' (tab), stored in vals; its value
 * may be the next word, and *i then moves on to it.
 */
static int
long_option(const struct opt_spec *const tab[2], struct opt_values *vals[2],
    int argc, char **argv, int *i, ayni_error *e)
{
	const char *a = argv[*i], *eq = strchr(a + 2, '=');
	size_t n = eq ? (size_t)(eq - a - 2) : strlen(a + 2);
	int t, k;

	for (t = 0, k = -1; t < 2 && k < 0; t++)
		k = find_long(tab[t], a + 2, n);
	t--;
	if (k < 0)
		return ayni_error_set(e, AYNI_EUSAGE,
		    _("unknown option '%.*s'"), (int)n + 2, a);
	if (tab[t][k].kind == OPT_FLAG)
		return eq != NULL ? ayni_error_set(e, AYNI_EUSAGE,
		    _("option '--%s' takes no value"),
		    tab[t][k].name) : store(&tab[t][k], k, "", vals[t], e);
	if (eq != NULL)
		return store(&tab[t][k], k, eq + 1, vals[t], e);
	if (*i + 1 < argc)
		return store(&tab[t][k], k, argv[++*i], vals[t], e);
	return ayni_error_set(e, AYNI_EUSAGE,
	    _("option '--%s' needs a value (%s)"),
	    tab[t][k].name, tab[t][k].argname ?
	    tab[t][k].argname : _("see --help"));
}

/* The short option argv[*i] ("-n"), as long_option does the long ones. */
static int
short_option(const struct opt_spec *const tab[2], struct opt_values *vals[2],
    int argc, char **argv, int *i, ayni_error *e)
{
	const char *a = argv[*i];
	int t, k;

	for (t = 0, k = -1; t < 2 && k < 0 && a[2] == '\0'; t++)
		k = find_short(tab[t], a[1]);
	t--;
	if (k < 0)
		return ayni_error_set(e, AYNI_EUSAGE,
		    _("unknown option '%s'"), a);
	if (tab[t][k].kind == OPT_FLAG)
		return store(&tab[t][k], k, "", vals[t], e);
	if (*i + 1 < argc)
		return store(&tab[t][k], k, argv[++*i], vals[t], e);
	return ayni_error_set(e, AYNI_EUSAGE,
	    _("option '-%c' needs a value (%s)"), a[1],
	    tab[t][k].argname ? tab[t][k].argname : _("see --help"));
}

int
opt_parse(const struct opt_spec *spec, const struct opt_spec *globals,
    int min_args, int max_args, int argc, char **argv, struct opt_values *out,
    struct opt_values *gout, ayni_error *err)
{
	const struct opt_spec *tab[2] = { spec, gout ? globals : NULL };
	struct opt_values *vals[2] = { out, gout };
	ayni_error junk;
	int i, k, r, rc = 0, only_args = 0;

	memset(out, 0, sizeof(*out));
	if (gout != NULL)
		memset(gout, 0, sizeof(*gout));
	if (spec_len(tab[0]) > OPT_MAX || spec_len(tab[1]) > OPT_MAX)
		return ayni_error_set(err, AYNI_EINTERNAL,
		    _("more than %d options in one table"), OPT_MAX);
	/* After a bad word, the rest is still read, for -h and --version. */
	for (i = 0; i < argc; i++) {
		const char *a = argv[i];
		ayni_error *e = rc != 0 ? &junk : err;

		r = 0;
		if (only_args || a[0] != '-' || a[1] == '\0') {
			if (out->nargs >= ARG_MAX || out->nargs >= max_args)
				r = ayni_error_set(e, AYNI_EUSAGE,
				    _("unexpected argument '%s'"), a);
			else
				out->args[out->nargs++] = a;
		} else if (strcmp(a, "--") == 0)
			only_args = 1;
		else if (a[1] == '-')
			r = long_option(tab, vals, argc, argv, &i, e);
		else
			r = short_option(tab, vals, argc, argv, &i, e);
		if (rc == 0)
			rc = r;
	}
	if (rc == 0 && out->nargs < min_args)
		rc = ayni_error_set(err, AYNI_EUSAGE,
		    _("missing argument"));
	for (k = 0; rc == 0 && spec != NULL && spec[k].name != NULL; k++)
		if (spec[k].required && out->count[k] == 0)
			rc = ayni_error_set(err, AYNI_EUSAGE,
			    _("option '--%s' is required"), spec[k].name);
	return rc;
}

/* The option of the command named name; a missing one is a bug. */
static int
find_opt(const struct cmd_ctx *ctx, const char *name, int kind)
{
	const struct opt_spec *o;

	for (o = ctx->cmd->opts; o != NULL && o->name != NULL; o++)
		if (strcmp(o->name, name) == 0) {
			if (kind >= 0 && (int)o->kind != kind)
				break;
			return (int)(o - ctx->cmd->opts);
		}
	if (kind < 0)
		return -1;
	fprintf(stderr, "ayni: bug: no option '--%s' of that kind in "
	    "'ayni %s %s'\n", name, ctx->group->name, ctx->cmd->name ?
	    ctx->cmd->name : "");
	abort();
}

const char *
opt_get(const struct cmd_ctx *ctx, const char *name)
{
	int k = find_opt(ctx, name, -1);

	return k < 0 ? NULL : ctx->o.val[k];
}

int
opt_has(const struct cmd_ctx *ctx, const char *name)
{
	int k = find_opt(ctx, name, -1);

	return k < 0 ? 0 : ctx->o.count[k];
}

int
opt_list(const struct cmd_ctx *ctx, const char *name,
    const char *const **out)
{
	int k = find_opt(ctx, name, -1);

	*out = k < 0 ? NULL : ctx->o.multi[k];
	return k < 0 ? 0 : ctx->o.count[k];
}

long long
opt_int(const struct cmd_ctx *ctx, const char *name, long long dflt)
{
	int k = find_opt(ctx, name, OPT_INT);

	return ctx->o.count[k] > 0 ? ctx->o.num[k] : dflt;
}

uint64_t
opt_u64(const struct cmd_ctx *ctx, const char *name, uint64_t dflt)
{
	int k = find_opt(ctx, name, OPT_U64);

	return ctx->o.count[k] > 0 ? ctx->o.u64[k] : dflt;
}

int
opt_choice(const struct cmd_ctx *ctx, const char *name, int dflt)
{
	int k = find_opt(ctx, name, OPT_CHOICE);

	return ctx->o.count[k] > 0 ? (int)ctx->o.num[k] : dflt;
}

/*
 * " EMAIL", " upsert|replace", or nothing for a flag.  In usage, a choice
 * with an argname shows that ("METRIC"): a list too long for a line; its
 * --help line always shows the choices.
 */
static void
show_arg(FILE *fp, const struct opt_spec *o, int usage)
{
	int i;

	if (o->kind == OPT_FLAG)
		return;
	if (o->kind != OPT_CHOICE || (usage && o->argname != NULL)) {
		fprintf(fp, " %s", o->argname ? o->argname : "VALUE");
		return;
	}
	for (i = 0; o->choices[i] != NULL; i++)
		fprintf(fp, "%c%s", i == 0 ? ' ' : '|', o->choices[i]);
}

static void
cmd_name(FILE *fp, const struct cmd_group *g, const struct cmd_entry *c)
{
	fprintf(fp, "ayni %s", g->name);
	if (c->name != NULL)
		fprintf(fp, " %s", c->name);
}

void
opt_usage(FILE *fp, const struct cmd_group *g, const struct cmd_entry *c)
{
	const struct opt_spec *o;

	/* TRANSLATORS: starts a usage line: "usage: ayni upload FILE|-" */
	fputs(_("usage: "), fp);
	cmd_name(fp, g, c);
	if (c->args != NULL && c->min_args > 0)
		fprintf(fp, " %s", c->args);
	for (o = c->opts; o != NULL && o->name != NULL; o++) {
		if (o->hidden)
			continue;
		fprintf(fp, " %s--%s", o->required ? "" : "[", o->name);
		show_arg(fp, o, 1);
		fprintf(fp, "%s%s", o->repeatable ? " ..." : "",
		    o->required ? "" : "]");
	}
	if (c->args != NULL && c->min_args == 0)
		fprintf(fp, " [%s]", c->args);
	fputc('\n', fp);
}

void
opt_global_usage(FILE *fp)
{
	const struct opt_spec *o;

	for (o = opt_globals; o->name != NULL; o++) {
		if (o->hidden)
			continue;
		if (o->kind == OPT_FLAG && o->shortopt)
			fprintf(fp, "%s[-%c]", o == opt_globals ? "" : " ",
			    o->shortopt);
		else {
			fprintf(fp, "%s[--%s", o == opt_globals ? "" : " ",
			    o->name);
			show_arg(fp, o, 1);
			fputc(']', fp);
		}
	}
}

void
opt_help(FILE *fp, const struct cmd_group *g, const struct cmd_entry *c)
{
	const struct opt_spec *o;
	const struct cmd_entry *e;
	char *left = NULL;
	size_t len = 0;
	FILE *lf;

	opt_usage(fp, g, c);
	fprintf(fp, "\n%s.\n", _(c->summary));
	if (c->opts != NULL && c->opts[0].name != NULL)
		fprintf(fp, "\n%s\n", _("options:"));
	for (o = c->opts; o != NULL && o->name != NULL; o++) {
		if (o->hidden || (lf = open_memstream(&left, &len)) == NULL)
			continue;
		if (o->shortopt)
			fprintf(lf, "-%c, ", o->shortopt);
		fprintf(lf, "--%s", o->name);
		show_arg(lf, o, 0);
		fclose(lf);
		/* A long choice list puts the help on a line of its own. */
		if (len > 26)
			fprintf(fp, "  %s\n  %-26s %s", left, "", _(o->help));
		else
			fprintf(fp, "  %-26s %s", left, _(o->help));
		if (o->kind == OPT_INT && o->max != LLONG_MAX) {
			fputc(' ', fp);
			/* TRANSLATORS: the range of a number option */
			fprintf(fp, _("(%lld to %lld)"), o->min, o->max);
		}
		if (o->required)
			fprintf(fp, " %s", _("(required)"));
		fputc('\n', fp);
		free(left);
		left = NULL;
	}
	/* A group's default command lists the group's other verbs. */
	if (c->name == NULL && g->cmds[1].fn != NULL) {
		/* TRANSLATORS: heads the list of a group's other commands */
		fprintf(fp, "\n%s\n", _("also:"));
		for (e = g->cmds; e->fn != NULL; e++)
			if (e->name != NULL)
				fprintf(fp, "  ayni %s %-12s %s\n", g->name,
				    e->name, _(e->summary));
	}
	fprintf(fp, "\n%s", _("global options:"));
	for (o = opt_globals; o->name != NULL; o++) {
		if (o->hidden)
			continue;
		fputs(o == opt_globals ? " " : ", ", fp);
		if (o->kind == OPT_FLAG && o->shortopt)
			fprintf(fp, "-%c", o->shortopt);
		else {
			fprintf(fp, "--%s", o->name);
			show_arg(fp, o, 0);
		}
	}
	fputc('\n', fp);
	if (g->page != NULL)
		fprintf(fp, _("see also: man %s"), g->page);
	else
		fprintf(fp, _("see also: man ayni-%s"), g->name);
	fputc('\n', fp);
}
