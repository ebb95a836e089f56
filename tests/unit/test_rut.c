/*
 * test_rut.c - the RUT parser, check digit and display form (src/lib/rut.c)
 * against tests/data/rut-vectors.tsv, a table computed independently of
 * rut.c (see its header), plus the vectors of peers-and-limits §5 and the
 * original project's wrong fixtures.  It does not test the companies
 * table: test_company.c does.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ayni/rut.h"

static void
expect_ok(const char *in, const char *canon)
{
	char out[AYNI_RUT_MAX];
	ayni_error err = { 0 };
	int rc = ayni_rut_parse(in, out, &err);

	if (rc != 0)
		fail_msg("'%s' rejected: %s", in, err.msg);
	if (strcmp(out, canon) != 0)
		fail_msg("'%s' gave '%s', not '%s'", in, out, canon);
}

static void
expect_bad(const char *in, const char *msg_has)
{
	char out[AYNI_RUT_MAX];
	ayni_error err = { 0 };
	int rc = ayni_rut_parse(in, out, &err);

	if (rc != AYNI_EDATA)
		fail_msg("'%s' accepted (rc %d)", in, rc);
	if (msg_has != NULL && strstr(err.msg, msg_has) == NULL)
		fail_msg("'%s': message '%s' lacks '%s'", in, err.msg, msg_has);
}

static void
test_vectors_file(void **state)
{
	const char *dir = getenv("AYNI_TEST_DATA");
	char path[1024], line[256], want[64];
	int n[3] = { 0, 0, 0 }, ks = 0;
	FILE *fp;

	(void)state;
	snprintf(path, sizeof(path), "%s/rut-vectors.tsv",
	    dir != NULL ? dir : "tests/data");
	if ((fp = fopen(path, "r")) == NULL)
		fail_msg("cannot open '%s'", path);
	while (fgets(line, sizeof(line), fp) != NULL) {
		char *kind = line, *in, *exp, *end;

		if (line[0] == '#' || line[0] == '\n')
			continue;
		line[strcspn(line, "\n")] = '\0';
		in = strchr(kind, '\t');
		assert_non_null(in);
		*in++ = '\0';
		assert_true(*in == '[');
		in++;
		end = strstr(in, "]\t");
		assert_non_null(end);
		*end = '\0';
		exp = end + 2;
		if (strcmp(kind, "ok") == 0) {
			expect_ok(in, exp);
			ks += exp[strlen(exp) - 1] == 'K';
			n[0]++;
		} else if (strcmp(kind, "dv") == 0) {
			snprintf(want, sizeof(want), "should be '%s'", exp);
			expect_bad(in, want);
			n[1]++;
		} else if (strcmp(kind, "bad") == 0) {
			expect_bad(in, "RUT");
			n[2]++;
		} else
			fail_msg("unknown kind '%s'", kind);
	}
	fclose(fp);
	/* A truncated file must not pass quietly. */
	assert_true(n[0] >= 2000);
	assert_true(n[1] >= 2000);
	assert_true(n[2] >= 30);
	assert_true(ks >= 100);
}

static void
test_peer_vectors(void **state)
{
	(void)state;
	expect_ok("76.086.428-5", "76086428-5");
	expect_ok("12.531.909-2", "12531909-2");
	expect_ok("12.345.678-5", "12345678-5");
	expect_ok("1.000.000-9", "1000000-9");
	expect_ok("99.999.999-9", "99999999-9");
	expect_ok("76.123.456-0", "76123456-0");
	expect_ok("10.000.013-K", "10000013-K");
	expect_ok("76.000.006-K", "76000006-K");
	expect_bad("12.531.909-3", "should be '2', not '3'");
	expect_bad("76086A28-5", "unexpected 'A'");
	/* a non-ASCII character is named whole, not by its first byte */
	expect_bad("7608\xc3\xb1" "28-5", "invalid RUT '7608\xc3\xb1" "28-5': "
	    "unexpected '\xc3\xb1'");
	expect_bad("76086428-\xc3\xb1", "check digit must be 0-9 or K, not "
	    "'\xc3\xb1'");
	expect_bad("7608642\xe2\x82\xac", "not '\xe2\x82\xac'");
	expect_bad("7608642\xff", "not '\xff'");
	/* The original project's fixtures are wrong; ayni says why. */
	expect_bad("12.345.678-9", "should be '5', not '9'");
	expect_bad("1.000.000-0", "should be '9', not '0'");
	expect_bad("99.999.999-K", "should be '9', not 'K'");
	expect_bad("76.123.456-K", "should be '0', not 'K'");
}

static void
test_spellings(void **state)
{
	(void)state;
	expect_ok("76.123.456-0", "76123456-0");
	expect_ok("76123456-0", "76123456-0");
	expect_ok("761234560", "76123456-0");
	expect_ok("  76.123.456-0\t\n", "76123456-0");
	expect_ok("10.000.013-k", "10000013-K");
	expect_ok("10000013k", "10000013-K");
	expect_ok("076.123.456-0", "76123456-0");	/* leading zero */
	expect_ok("1-9", "1-9");
	expect_ok("19", "1-9");
	expect_ok("123-6", "123-6");
	expect_ok("1.234-3", "1234-3");
	expect_bad("", "empty RUT");
	expect_bad("   ", "empty RUT");
	expect_bad("0-0", "1 to 8 digits");
	expect_bad("123.456.789-2", "1 to 8 digits");
	expect_bad("7.6123.456-0", "dots must separate thousands");
	expect_bad("76.123456-0", "dots must separate thousands");
	expect_bad("76.123.45-6", "dots must separate thousands");
	expect_bad("76-123-456-0", "hyphen");
	expect_bad("76123456-", "hyphen");
	expect_bad("76123456-X", "check digit must be 0-9 or K");
	expect_bad("7K123456-0", "'K' can only be the check digit");
	expect_bad("-0", "no number");
}

static void
test_check_digit_and_display(void **state)
{
	char out[AYNI_RUT_MAX];

	(void)state;
	assert_int_equal(ayni_rut_check_digit("76123456"), '0');
	assert_int_equal(ayni_rut_check_digit("10000013"), 'K');
	assert_int_equal(ayni_rut_check_digit("12531909"), '2');
	ayni_rut_display("76123456-0", out);
	assert_string_equal(out, "76.123.456-0");
	ayni_rut_display("1000000-9", out);
	assert_string_equal(out, "1.000.000-9");
	ayni_rut_display("123-6", out);
	assert_string_equal(out, "123-6");
	ayni_rut_display("1234-3", out);
	assert_string_equal(out, "1.234-3");
	ayni_rut_display("1-9", out);
	assert_string_equal(out, "1-9");
	ayni_rut_display("10000013-K", out);
	assert_string_equal(out, "10.000.013-K");
}

static void
test_rut_in_text(void **state)
{
	char out[AYNI_RUT_MAX];

	(void)state;
	assert_int_equal(ayni_rut_match("76.086.428-5", out), 1);
	assert_string_equal(out, "76086428-5");
	assert_int_equal(ayni_rut_match(" 96512344-k ", out), 1);
	assert_string_equal(out, "96512344-K");
	assert_int_equal(ayni_rut_match("760864285", out), 0);	/* no hyphen */
	assert_int_equal(ayni_rut_match("76086428-4", out), 0);	/* bad digit */
	assert_int_equal(ayni_rut_match("Juan Pérez", out), 0);
	assert_int_equal(ayni_rut_match("123456789-0", out), 0);

	assert_int_equal(ayni_rut_in_name("RCV_VENTA_76086428-5_202510.csv",
	    out), 1);
	assert_string_equal(out, "76086428-5");
	assert_int_equal(ayni_rut_in_name("/home/ana/clientes/"
	    "RCV_VENTA_11111111-1_202511.csv", out), 1);
	assert_string_equal(out, "11111111-1");
	assert_int_equal(ayni_rut_in_name("ventas 76.086.428-5 oct.csv", out),
	    1);
	assert_string_equal(out, "76086428-5");
	assert_int_equal(ayni_rut_in_name("ventas-2025-10.csv", out), 0);
	assert_int_equal(ayni_rut_in_name("RCV_VENTA_76086428-4_202510.csv",
	    out), 0);					/* wrong digit */
	assert_int_equal(ayni_rut_in_name("x76086428-5.csv", out), 0);
	assert_int_equal(ayni_rut_in_name("76086428-5a.csv", out), 0);
	assert_int_equal(ayni_rut_in_name("76086428-5_76086428-5.csv", out),
	    1);
	assert_int_equal(ayni_rut_in_name("76086428-5_11111111-1.csv", out),
	    -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_vectors_file),
		cmocka_unit_test(test_peer_vectors),
		cmocka_unit_test(test_spellings),
		cmocka_unit_test(test_check_digit_and_display),
		cmocka_unit_test(test_rut_in_text),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
