/*
 * calendar.c - day numbers, ISO weeks, and the one rule of which dates
 * exist (ayni_date_valid: parse.c and the generator ask it too).  Exact
 * integer arithmetic over 400-year eras; no time_t, no time zone.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ayni/calendar.h"

long
ayni_days_from_civil(int y, int m, int d)
{
	long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void
ayni_civil_from_days(long z, int *y, int *m, int *d)
{
	long era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

int
ayni_weekday(long day)
{
	/* 1970-01-01 was a Thursday (3 with Monday 0). */
	return (int)(((day % 7) + 7 + 3) % 7);
}

void
ayni_iso_week(long day, int *iso_year, int *week)
{
	long thursday = day - ayni_weekday(day) + 3;
	int y, m, d;

	ayni_civil_from_days(thursday, &y, &m, &d);
	*iso_year = y;
	*week = (int)((thursday - ayni_days_from_civil(y, 1, 1)) / 7 + 1);
}

int
ayni_month_days(int y, int m)
{
	static const int mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };

	return mdays[m - 1] + (m == 2 && ((y % 4 == 0 && y % 100 != 0) ||
	    y % 400 == 0));
}

int
ayni_date_valid(int y, int m, int d)
{
	return m >= 1 && m <= 12 && d >= 1 && d <= ayni_month_days(y, m);
}

int
ayni_iso_date(const char *s, long *day)
{
	int i, y, m, d;

	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return 0;
	for (i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return 0;
	y = atoi(s);
	m = atoi(s + 5);
	d = atoi(s + 8);
	if (!ayni_date_valid(y, m, d))
		return 0;
	if (day != NULL)
		*day = ayni_days_from_civil(y, m, d);
	return 1;
}

void
ayni_latest_full_month(const char *day, char label[16])
{
	int y = atoi(day), m = atoi(day + 5), d = atoi(day + 8);

	if (d < ayni_month_days(y, m) && --m == 0) {
		m = 12;
		y--;
	}
	snprintf(label, 16, "%04d-%02d", y, m);
}
