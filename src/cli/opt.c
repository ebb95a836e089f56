/*
 * opt.c - parse a command's options from its spec, and print its usage and
 * help from the same spec (libgit2's cli/opt.c idea): what --help says is
 * what the parser accepts.
 *
 * Long options only take "--name VALUE" or "--name=VALUE"; short ones "-x
 * VALUE".  "--" ends options.  "-" alone is a positional (stdin).  Global
 * options are removed by main.c before this runs.
 */
#include <string.h>

#include "cli.h"

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

static int
store(const struct opt_spec *spec, int i, const char *val,
    struct opt_values *out, ayni_error *err)
{
	if (!spec[i].multi && out->count[i] > 0 && spec[i].has_arg)
		return ayni_error_set(err, AYNI_EUSAGE,
		    "option '--%s' given twice", spec[i].name);
	if (out->count[i] >= OPT_MULTI_MAX)
		return ayni_error_set(err, AYNI_EUSAGE,
		    "option '--%s' given too many times", spec[i].name);
	out->multi[i][out->count[i]++] = val;
	out->val[i] = val;
	return 0;
}

int
opt_parse(const struct opt_spec *spec, int min_args, int max_args, int argc,
    char **argv, struct opt_values *out, ayni_error *err)
{
	int i, k, rc, only_args = 0;

	memset(out, 0, sizeof(*out));
	for (i = 0; i < argc; i++) {
		const char *a = argv[i];

		if (only_args || a[0] != '-' || a[1] == '\0') {
			if (out->nargs >= ARG_MAX || out->nargs >= max_args)
				return ayni_error_set(err, AYNI_EUSAGE,
				    "unexpected argument '%s'", a);
			out->args[out->nargs++] = a;
			continue;
		}
		if (strcmp(a, "--") == 0) {
			only_args = 1;
			continue;
		}
		if (a[1] == '-') {
			const char *eq = strchr(a + 2, '=');
			size_t n = eq ? (size_t)(eq - a - 2) : strlen(a + 2);

			if ((k = find_long(spec, a + 2, n)) < 0)
				return ayni_error_set(err, AYNI_EUSAGE,
				    "unknown option '%.*s'", (int)n + 2, a);
			if (!spec[k].has_arg) {
				if (eq != NULL)
					return ayni_error_set(err, AYNI_EUSAGE,
					    "option '--%s' takes no value",
					    spec[k].name);
				rc = store(spec, k, "", out, err);
			} else if (eq != NULL)
				rc = store(spec, k, eq + 1, out, err);
			else if (i + 1 < argc)
				rc = store(spec, k, argv[++i], out, err);
			else
				return ayni_error_set(err, AYNI_EUSAGE,
				    "option '--%s' needs a value (%s)",
				    spec[k].name, spec[k].argname);
		} else {
			if ((k = find_short(spec, a[1])) < 0 || a[2] != '\0')
				return ayni_error_set(err, AYNI_EUSAGE,
				    "unknown option '%s'", a);
			if (!spec[k].has_arg)
				rc = store(spec, k, "", out, err);
			else if (i + 1 < argc)
				rc = store(spec, k, argv[++i], out, err);
			else
				return ayni_error_set(err, AYNI_EUSAGE,
				    "option '-%c' needs a value (%s)", a[1],
				    spec[k].argname);
		}
		if (rc != 0)
			return rc;
	}
	if (out->nargs < min_args)
		return ayni_error_set(err, AYNI_EUSAGE, "missing argument");
	return 0;
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

	fputs("usage: ", fp);
	cmd_name(fp, g, c);
	if (c->args != NULL && c->min_args > 0)
		fprintf(fp, " %s", c->args);
	for (o = c->opts; o != NULL && o->name != NULL; o++) {
		fprintf(fp, " [--%s", o->name);
		if (o->has_arg)
			fprintf(fp, " %s", o->argname);
		fputs(o->multi ? " ...]" : "]", fp);
	}
	if (c->args != NULL && c->min_args == 0)
		fprintf(fp, " [%s]", c->args);
	fputc('\n', fp);
}

void
opt_help(FILE *fp, const struct cmd_group *g, const struct cmd_entry *c)
{
	const struct opt_spec *o;
	const struct cmd_entry *e;
	char left[64];

	opt_usage(fp, g, c);
	fprintf(fp, "\n%s.\n", c->summary);
	if (c->opts != NULL && c->opts[0].name != NULL)
		fputs("\noptions:\n", fp);
	for (o = c->opts; o != NULL && o->name != NULL; o++) {
		if (o->shortopt)
			snprintf(left, sizeof(left), "-%c, --%s%s%s",
			    o->shortopt, o->name, o->has_arg ? " " : "",
			    o->has_arg ? o->argname : "");
		else
			snprintf(left, sizeof(left), "--%s%s%s", o->name,
			    o->has_arg ? " " : "", o->has_arg ? o->argname : "");
		fprintf(fp, "  %-26s %s\n", left, o->help);
	}
	/* A group's default command lists the group's other verbs. */
	if (c->name == NULL && g->cmds[1].fn != NULL) {
		fprintf(fp, "\nalso:\n");
		for (e = g->cmds; e->fn != NULL; e++)
			if (e->name != NULL)
				fprintf(fp, "  ayni %s %-12s %s\n", g->name,
				    e->name, e->summary);
	}
	fprintf(fp, "\nglobal options: --db PATH, --company RUT, "
	    "--format table|csv|json, -q, -v\n");
	if (g->page != NULL)
		fprintf(fp, "see also: man %s\n", g->page);
	else
		fprintf(fp, "see also: man ayni-%s\n", g->name);
}
