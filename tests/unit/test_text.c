/*
 * test_text.c - the one UTF-8 validator (src/lib/text.c): well-formed
 * sequences of each length, the forms Unicode's table 3-7 refuses, and a
 * buffer that ends in the middle of a character.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "internal.h"

static void
test_seq_lengths(void **state)
{
	(void)state;
	assert_int_equal(ayni_utf8_seq("a"), 1);
	assert_int_equal(ayni_utf8_seq("\xc3\xb1"), 2);		/* ñ */
	assert_int_equal(ayni_utf8_seq("\xe2\x82\xac"), 3);	/* € */
	assert_int_equal(ayni_utf8_seq("\xf0\x9f\x98\x80"), 4);	/* U+1F600 */
	assert_int_equal(ayni_utf8_seq("\xf4\x8f\xbf\xbf"), 4);	/* U+10FFFF */
	assert_int_equal(ayni_utf8_seq("\xed\x9f\xbf"), 3);	/* U+D7FF */
}

static void
test_seq_refused(void **state)
{
	(void)state;
	assert_int_equal(ayni_utf8_seq("\x80"), 0);		/* stray */
	assert_int_equal(ayni_utf8_seq("\xc0\xaf"), 0);		/* overlong */
	assert_int_equal(ayni_utf8_seq("\xc1\xbf"), 0);
	assert_int_equal(ayni_utf8_seq("\xe0\x9f\xbf"), 0);	/* overlong */
	assert_int_equal(ayni_utf8_seq("\xf0\x8f\xbf\xbf"), 0);	/* overlong */
	assert_int_equal(ayni_utf8_seq("\xed\xa0\x80"), 0);	/* surrogate */
	assert_int_equal(ayni_utf8_seq("\xf4\x90\x80\x80"), 0);	/* > 10FFFF */
	assert_int_equal(ayni_utf8_seq("\xf5\x80\x80\x80"), 0);
	assert_int_equal(ayni_utf8_seq("\xff"), 0);
	/* a string that ends early is refused, not read past its NUL */
	assert_int_equal(ayni_utf8_seq("\xe2\x82"), 0);
	assert_int_equal(ayni_utf8_seq("\xc3"), 0);
}

static void
test_seqn_cut(void **state)
{
	(void)state;
	assert_int_equal(ayni_utf8_seqn("\xe2\x82\xac", 1), AYNI_UTF8_CUT);
	assert_int_equal(ayni_utf8_seqn("\xe2\x82\xac", 2), AYNI_UTF8_CUT);
	assert_int_equal(ayni_utf8_seqn("\xe2\x82\xac", 3), 3);
	/* a bad start is bad, however short the buffer */
	assert_int_equal(ayni_utf8_seqn("\xe0\x80", 2), 0);
	assert_int_equal(ayni_utf8_seqn("\xed\xa0", 2), 0);
	assert_int_equal(ayni_utf8_seqn("\x80", 1), 0);
	assert_int_equal(ayni_utf8_seqn("a", 1), 1);
}

static void
test_valid(void **state)
{
	(void)state;
	assert_true(ayni_utf8_valid(""));
	assert_true(ayni_utf8_valid("Pastelería, Café y Té €"));
	assert_false(ayni_utf8_valid("caf\xe9"));		/* latin-1 */
	assert_false(ayni_utf8_valid("ok \xed\xb0\x80"));	/* lone low */
	assert_false(ayni_utf8_valid("cut \xe2\x82"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_seq_lengths),
		cmocka_unit_test(test_seq_refused),
		cmocka_unit_test(test_seqn_cut),
		cmocka_unit_test(test_valid),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
