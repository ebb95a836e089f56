/*
 * calendar.h - proleptic Gregorian day numbers and ISO 8601 weeks, the
 * arithmetic behind periods (upload's data_updates, the generator's
 * calendar).  Day 0 is 1970-01-01; no time zones, no locale.
 */
#ifndef AYNI_CALENDAR_H
#define AYNI_CALENDAR_H

/* Days since 1970-01-01 of y-m-d (H. Hinnant's algorithm). */
long	ayni_days_from_civil(int y, int m, int d);
/* The date of a day number. */
void	ayni_civil_from_days(long day, int *y, int *m, int *d);
/*
 * 1 if y-m-d is a day of the proleptic Gregorian calendar (2024-02-29 is,
 * 2023-02-29 and 1900-02-29 are not), else 0.  Any year: which years a
 * stored date may have is the upload's rule (AYNI_YEAR_MIN..AYNI_YEAR_MAX,
 * ayni/parse.h), checked there.
 */
int	ayni_date_valid(int y, int m, int d);
/*
 * A real calendar date written exactly 'YYYY-MM-DD' (a --from or --to):
 * 1 and its day number in *day (if not NULL), or 0.
 */
int	ayni_iso_date(const char *s, long *day);
/* Weekday, Monday 0 .. Sunday 6. */
int	ayni_weekday(long day);
/* ISO week and its year: the week belongs to the year of its Thursday. */
void	ayni_iso_week(long day, int *iso_year, int *week);

/* Days in month m (1-12) of year y. */
int	ayni_month_days(int y, int m);
/*
 * The latest full month of data whose latest sale is day ('YYYY-MM-DD'):
 * that sale's month if the sale is on the month's last calendar day, else
 * the month before; label gets '2025-10'.  Only the data decides, not the
 * clock, so the answer does not change overnight.  The default period of
 * 'ayni benchmark' and 'ayni report': one rule, here.
 */
void	ayni_latest_full_month(const char *day, char label[16]);

#endif /* AYNI_CALENDAR_H */
