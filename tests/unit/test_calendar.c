/*
 * test_calendar.c - day numbers round-trip, weekdays, ISO weeks at the
 * year boundaries where calendar year and ISO year differ, and the one
 * date validator (ayni_date_valid, ayni_iso_date).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "ayni/calendar.h"

static void
test_round_trip(void **state)
{
	long day;
	int y, m, d;

	(void)state;
	assert_int_equal(ayni_days_from_civil(1970, 1, 1), 0);
	assert_int_equal(ayni_days_from_civil(2000, 3, 1), 11017);
	assert_int_equal(ayni_days_from_civil(1969, 12, 31), -1);
	for (day = ayni_days_from_civil(1900, 1, 1);
	    day <= ayni_days_from_civil(2100, 12, 31); day++) {
		ayni_civil_from_days(day, &y, &m, &d);
		if (ayni_days_from_civil(y, m, d) != day)
			fail_msg("day %ld -> %d-%d-%d does not round-trip",
			    day, y, m, d);
	}
	ayni_civil_from_days(ayni_days_from_civil(2024, 2, 29), &y, &m, &d);
	assert_int_equal(y * 10000 + m * 100 + d, 20240229);
}

static void
test_weekday(void **state)
{
	(void)state;
	assert_int_equal(ayni_weekday(ayni_days_from_civil(1970, 1, 1)), 3);
	assert_int_equal(ayni_weekday(ayni_days_from_civil(2024, 12, 30)), 0);
	assert_int_equal(ayni_weekday(ayni_days_from_civil(2025, 10, 5)), 6);
	assert_int_equal(ayni_weekday(ayni_days_from_civil(1969, 12, 29)), 0);
}

static void
check_week(int y, int m, int d, int wy, int w)
{
	int gy, gw;

	ayni_iso_week(ayni_days_from_civil(y, m, d), &gy, &gw);
	if (gy != wy || gw != w)
		fail_msg("%04d-%02d-%02d: %d-W%02d, expected %d-W%02d", y, m,
		    d, gy, gw, wy, w);
}

static void
test_iso_week(void **state)
{
	(void)state;
	check_week(2020, 12, 31, 2020, 53);
	check_week(2021, 1, 3, 2020, 53);
	check_week(2021, 1, 4, 2021, 1);
	check_week(2024, 12, 29, 2024, 52);
	check_week(2024, 12, 30, 2025, 1);
	check_week(2025, 10, 7, 2025, 41);
	check_week(2026, 12, 31, 2026, 53);
	check_week(2027, 1, 3, 2026, 53);
	check_week(2027, 1, 4, 2027, 1);
	check_week(2008, 12, 29, 2009, 1);
	check_week(2010, 1, 3, 2009, 53);
}

/* The default period of benchmark and report: one rule, tested once. */
static void
test_latest_full_month(void **state)
{
	char label[16];

	(void)state;
	assert_int_equal(ayni_month_days(2024, 2), 29);
	assert_int_equal(ayni_month_days(1900, 2), 28);
	assert_int_equal(ayni_month_days(2000, 2), 29);
	assert_int_equal(ayni_month_days(2025, 11), 30);
	ayni_latest_full_month("2025-10-31", label);
	assert_string_equal(label, "2025-10");
	ayni_latest_full_month("2025-10-30", label);
	assert_string_equal(label, "2025-09");
	ayni_latest_full_month("2024-02-29", label);
	assert_string_equal(label, "2024-02");
	ayni_latest_full_month("2025-02-28", label);
	assert_string_equal(label, "2025-02");
	ayni_latest_full_month("2025-01-15", label);
	assert_string_equal(label, "2024-12");
}

/* The one rule of which days exist: leap years, month ends, shapes. */
static void
test_date_valid(void **state)
{
	long day;

	(void)state;
	assert_true(ayni_date_valid(2024, 2, 29));
	assert_false(ayni_date_valid(2023, 2, 29));
	assert_false(ayni_date_valid(1900, 2, 29));	/* not leap */
	assert_true(ayni_date_valid(2000, 2, 29));	/* leap: 400 */
	assert_false(ayni_date_valid(2100, 2, 29));
	assert_true(ayni_date_valid(1900, 1, 1));
	assert_true(ayni_date_valid(2199, 12, 31));
	assert_false(ayni_date_valid(2025, 4, 31));
	assert_false(ayni_date_valid(2025, 0, 1));
	assert_false(ayni_date_valid(2025, 13, 1));
	assert_false(ayni_date_valid(2025, 1, 0));
	assert_true(ayni_iso_date("2024-02-29", &day));
	assert_int_equal(day, ayni_days_from_civil(2024, 2, 29));
	assert_false(ayni_iso_date("2023-02-29", NULL));
	assert_false(ayni_iso_date("1900-02-29", NULL));
	assert_true(ayni_iso_date("1900-01-01", NULL));
	assert_true(ayni_iso_date("2199-12-31", NULL));
	/* any year: --from and --to are not limited to stored years */
	assert_true(ayni_iso_date("1800-01-01", NULL));
	assert_false(ayni_iso_date("2024-2-29", NULL));
	assert_false(ayni_iso_date("2024-02-29 ", NULL));
	assert_false(ayni_iso_date("2024/02/29", NULL));
	assert_false(ayni_iso_date("2024-0a-01", NULL));
	assert_false(ayni_iso_date("", NULL));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_weekday),
		cmocka_unit_test(test_iso_week),
		cmocka_unit_test(test_latest_full_month),
		cmocka_unit_test(test_date_valid),
	};

	return cmocka_run_group_tests_name("calendar", tests, NULL, NULL);
}
