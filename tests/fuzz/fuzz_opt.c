/*
 * fuzz_opt.c - the command-line option parser (src/cli/opt.c), built into
 * the harness, on arbitrary argument vectors, and the usage and help it
 * prints from the same table.
 *
 * Input: one control byte (the least and most positionals the command
 * takes), then NUL-separated arguments, each in an exact-size allocation.
 * The spec has what real commands have: flags, valued options, a short
 * option, a repeatable one, a name that prefixes another.
 *
 * Oracles: a refusal is AYNI_EUSAGE with a message; an acceptance has
 * between min and max positionals, each an argument given; every value is
 * an argument, the text after '=' in one, or "" for a flag; counts agree
 * with the values kept, a single-valued option is given at most once, and
 * nothing ever overruns OPT_MULTI_MAX or ARG_MAX.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "fuzz_check.h"

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAX_ARGS	96

static const char *const modes[] = { "upsert", "replace", NULL };

static const struct opt_spec spec[] = {
	{ .name = "email", .shortopt = 'e', .kind = OPT_STR,
	    .argname = "EMAIL", .help = "the email" },
	{ .name = "map", .kind = OPT_STR, .repeatable = 1,
	    .argname = "FIELD=HEADER", .help = "a pair" },
	{ .name = "dry-run", .help = "do not commit" },
	{ .name = "yes", .shortopt = 'y', .help = "no confirmation" },
	{ .name = "max-errors", .kind = OPT_INT, .min = 0, .max = 1000,
	    .argname = "N", .help = "a number" },
	{ .name = "max", .kind = OPT_STR, .argname = "N",
	    .help = "a prefix of max-errors" },
	{ .name = "password-stdin", .help = "read it" },
	{ .name = "mode", .kind = OPT_CHOICE, .choices = modes,
	    .help = "a choice" },
	{ .name = "from", .kind = OPT_DATE, .argname = "DATE",
	    .help = "a day" },
	{ .name = "seed", .kind = OPT_U64, .argname = "S", .help = "any" },
	{ .name = NULL }
};

static const struct cmd_entry entry = {
	"add", NULL, 0, AYNI_PERM_VIEW, spec, "FILE|-", 0, 2, "fuzz"
};

static const struct cmd_group group = { "fuzz", &entry, "fuzz", NULL, 0 };

/* v is "" (a flag), an argument, or the text after '=' in one. */
static int
from_argv(const char *v, char **argv, int argc)
{
	int i;
	size_t n;

	if (v[0] == '\0')
		return 1;
	for (i = 0; i < argc; i++) {
		n = strlen(argv[i]);
		if (v == argv[i] || (v > argv[i] && v <= argv[i] + n &&
		    v[-1] == '='))
			return 1;
	}
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *argv[MAX_ARGS + 1];
	static struct opt_values o, g;
	ayni_error err;
	const uint8_t *p, *end, *z;
	int argc = 0, min, max, i, k, rc;
	size_t len;
	char *buf = NULL;
	size_t blen = 0;
	FILE *fp;

	if (size < 1)
		return 0;
	min = data[0] & 3;
	max = min + ((data[0] >> 2) & 3);
	p = data + 1;
	end = data + size;
	while (argc < MAX_ARGS && p < end) {
		z = memchr(p, 0, end - p);
		len = z ? (size_t)(z - p) : (size_t)(end - p);
		if ((argv[argc] = malloc(len + 1)) == NULL)
			break;
		memcpy(argv[argc], p, len);
		argv[argc][len] = '\0';
		argc++;
		if (z == NULL)
			break;
		p = z + 1;
	}
	argv[argc] = NULL;

	memset(&err, 0, sizeof(err));
	rc = opt_parse(spec, opt_globals, min, max, argc, argv, &o, &g, &err);
	if (rc != 0)
		FUZZ_CHECK(rc == AYNI_EUSAGE && err.msg[0] != '\0', "rc %d",
		    rc);
	else {
		FUZZ_CHECK(o.nargs >= min && o.nargs <= max &&
		    o.nargs <= ARG_MAX, "%d positionals for %d..%d", o.nargs,
		    min, max);
		for (i = 0; i < o.nargs; i++)
			FUZZ_CHECK(from_argv(o.args[i], argv, argc),
			    "positional '%s' not from argv", o.args[i]);
		for (k = 0; spec[k].name != NULL; k++) {
			FUZZ_CHECK(o.count[k] >= 0 &&
			    o.count[k] <= OPT_MULTI_MAX, "count");
			if (!spec[k].repeatable && spec[k].kind != OPT_FLAG)
				FUZZ_CHECK(o.count[k] <= 1, "--%s %d times",
				    spec[k].name, o.count[k]);
			if (o.count[k] == 0) {
				FUZZ_CHECK(o.val[k] == NULL, "value of unset");
				continue;
			}
			FUZZ_CHECK(o.val[k] == o.multi[k][o.count[k] - 1],
			    "--%s: last value", spec[k].name);
			for (i = 0; i < o.count[k]; i++) {
				FUZZ_CHECK(o.multi[k][i] != NULL &&
				    from_argv(o.multi[k][i], argv, argc),
				    "--%s value not from argv", spec[k].name);
				if (spec[k].kind == OPT_FLAG)
					FUZZ_CHECK(o.multi[k][i][0] == '\0',
					    "flag --%s with a value",
					    spec[k].name);
			}
		}
	}

	/* usage and help from the same table never fail or overrun */
	if ((fp = open_memstream(&buf, &blen)) != NULL) {
		opt_usage(fp, &group, &entry);
		opt_help(fp, &group, &entry);
		fclose(fp);
		FUZZ_CHECK(blen > 0 && strstr(buf, "--max-errors N") != NULL,
		    "help");
		free(buf);
	}
	for (i = 0; i < argc; i++)
		free(argv[i]);
	return 0;
}
