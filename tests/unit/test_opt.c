/*
 * test_opt.c - the option parser of the command line (src/cli/opt.c, built
 * into this test): kinds, required and repeatable options, global options
 * in the same pass, and usage printed from the same table.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char *const modes[] = { "upsert", "replace", NULL };

static const struct opt_spec spec[] = {
	{ .name = "name", .kind = OPT_STR, .required = 1, .argname = "NAME",
	    .help = "a name" },
	{ .name = "max", .kind = OPT_INT, .min = 1, .max = 10,
	    .argname = "N", .help = "a number" },
	{ .name = "mode", .kind = OPT_CHOICE, .choices = modes,
	    .help = "a choice" },
	{ .name = "from", .kind = OPT_DATE, .argname = "DATE",
	    .help = "a day" },
	{ .name = "seed", .kind = OPT_U64, .argname = "S", .help = "any" },
	{ .name = "map", .kind = OPT_STR, .repeatable = 1,
	    .argname = "K=V", .help = "pairs" },
	{ .name = "dry-run", .shortopt = 'n', .help = "a flag" },
	{ .name = NULL }
};

static const struct cmd_entry entry = {
	"add", NULL, 0, AYNI_PERM_NONE, spec, "FILE", 0, 1, "test"
};
static const struct cmd_group group = { "test", &entry, "test", NULL, 0 };

static struct opt_values o, g;
static ayni_error err;

/* Parse the NULL-terminated words; 0 or the code. */
static int
parse(const char *first, ...)
{
	char *argv[32];
	const char *a;
	va_list ap;
	int argc = 0;

	va_start(ap, first);
	for (a = first; a != NULL && argc < 31; a = va_arg(ap, const char *))
		argv[argc++] = (char *)a;
	va_end(ap);
	argv[argc] = NULL;
	memset(&err, 0, sizeof(err));
	return opt_parse(spec, opt_globals, 0, 1, argc, argv, &o, &g, &err);
}

static void
test_kinds(void **state)
{
	(void)state;
	assert_int_equal(parse("--name", "x", "--max=10", "--mode", "replace",
	    "--from", "2024-02-29", "--seed", "18446744073709551615", "-n",
	    "file", NULL), 0);
	assert_string_equal(o.val[0], "x");
	assert_int_equal(o.num[1], 10);
	assert_int_equal(o.num[2], 1);
	assert_string_equal(o.val[3], "2024-02-29");
	assert_true(o.u64[4] == UINT64_MAX);
	assert_int_equal(o.count[6], 1);
	assert_int_equal(o.nargs, 1);
	assert_string_equal(o.args[0], "file");
}

static void
test_bad_values(void **state)
{
	(void)state;
	assert_int_equal(parse("--name", "x", "--max", "11", NULL),
	    AYNI_EUSAGE);
	assert_string_equal(err.msg,
	    "invalid --max '11': use a whole number from 1 to 10");
	assert_int_equal(parse("--name", "x", "--max", "+5", NULL),
	    AYNI_EUSAGE);
	assert_int_equal(parse("--name", "x", "--max", "", NULL),
	    AYNI_EUSAGE);
	assert_int_equal(parse("--name", "x", "--mode", "merge", NULL),
	    AYNI_EUSAGE);
	assert_string_equal(err.msg,
	    "invalid --mode 'merge': use upsert or replace");
	assert_int_equal(parse("--name", "x", "--from", "2025-02-29", NULL),
	    AYNI_EUSAGE);
	assert_string_equal(err.msg,
	    "invalid --from '2025-02-29': use YYYY-MM-DD");
	assert_int_equal(parse("--name", "x", "--seed", "-1", NULL),
	    AYNI_EUSAGE);
	assert_int_equal(parse("--name", "x", "--seed",
	    "18446744073709551616", NULL), AYNI_EUSAGE);
	assert_int_equal(parse("--name", "x", "--dry-run=1", NULL),
	    AYNI_EUSAGE);
}

static void
test_required_and_repeats(void **state)
{
	(void)state;
	assert_int_equal(parse("--max", "2", NULL), AYNI_EUSAGE);
	assert_string_equal(err.msg, "option '--name' is required");
	assert_int_equal(parse("--name", "a", "--name", "b", NULL),
	    AYNI_EUSAGE);
	assert_string_equal(err.msg, "option '--name' given twice");
	assert_int_equal(parse("--name", "a", "--map", "k=1", "--map", "j=2",
	    "-n", "-n", NULL), 0);
	assert_int_equal(o.count[5], 2);
	assert_string_equal(o.multi[5][0], "k=1");
	assert_string_equal(o.multi[5][1], "j=2");
}

static void
test_globals(void **state)
{
	(void)state;
	/* A value is never a global option; globals go to their table. */
	assert_int_equal(parse("--name", "-q", "--db", "a.db", "-v",
	    "--format=json", "--db", "b.db", NULL), 0);
	assert_string_equal(o.val[0], "-q");
	assert_int_equal(g.count[3], 0);		/* quiet */
	assert_int_equal(g.count[4], 1);		/* verbose */
	assert_string_equal(g.val[0], "b.db");		/* the last --db */
	assert_int_equal(g.num[2], 2);			/* json */
	/* After a bad word the rest is read: -h still counts. */
	assert_int_equal(parse("--frob", "--max", "99", "-h", NULL),
	    AYNI_EUSAGE);
	assert_string_equal(err.msg, "unknown option '--frob'");
	assert_int_equal(g.count[5], 1);		/* help */
	assert_int_equal(parse("--name", "x", "--format", "xml", NULL),
	    AYNI_EUSAGE);
	assert_string_equal(err.msg,
	    "invalid --format 'xml': use table, csv or json");
}

static void
test_skip(void **state)
{
	char *argv[] = { "--db", "x", "-q", "--format=csv", "company", "-v",
	    "member", NULL };

	(void)state;
	assert_int_equal(opt_skip(opt_globals, 7, argv, 0), 4);
	assert_int_equal(opt_skip(opt_globals, 7, argv, 5), 6);
	assert_int_equal(opt_skip(opt_globals, 1, argv, 0), 1);
}

static void
test_usage(void **state)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);

	(void)state;
	assert_non_null(fp);
	opt_usage(fp, &group, &entry);
	fclose(fp);
	assert_string_equal(buf, "usage: ayni test add --name NAME [--max N] "
	    "[--mode upsert|replace] [--from DATE] [--seed S] "
	    "[--map K=V ...] [--dry-run] [FILE]\n");
	free(buf);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_kinds),
		cmocka_unit_test(test_bad_values),
		cmocka_unit_test(test_required_and_repeats),
		cmocka_unit_test(test_globals),
		cmocka_unit_test(test_skip),
		cmocka_unit_test(test_usage),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
