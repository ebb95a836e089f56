/*
 * report.h - the page a shop owner reads at the end of a month
 * (docs/contract.md §8): one period's KPIs against the previous period and the
 * same period a year before, the margin band, top products and categories, ABC
 * and Pareto, weekday and hour peaks, returns and the benchmark position.
 *
 * Every number is read from the rollup views that 'ayni aggregate' reads
 * (agg_time_rollup, product_aggregations, category_aggregations of
 * schema/), bound to the period's first and last day, so a report and
 * 'ayni aggregate --from FIRST --to LAST' cannot disagree.  The one
 * exception is the hour of day, which no rollup keeps: it is summed from
 * the raw lines with the rollups' revenue rule (returns subtracted).
 *
 * The module builds the numbers and renders them as text, as one writer
 * record (csv/json) or as one self-contained HTML page, always to a FILE *
 * it is given.  It does not check roles, choose files, print or exit.
 */
#ifndef AYNI_REPORT_H
#define AYNI_REPORT_H

#include <stdint.h>
#include <stdio.h>

#include "ayni/benchmark.h"
#include "ayni/db.h"
#include "ayni/error.h"
#include "ayni/output.h"

/* Top products and categories shown. */
#define AYNI_REPORT_TOP		10

/* One period's row of agg_time_rollup (money in cents, units in
 * thousandths, as the rollups store them). */
typedef struct ayni_report_kpi {
	char	period[16];
	int	has;		/* the period has sales */
	int	has_units;	/* ... and lines with a product */
	int64_t	revenue, avg_ticket, units;
	int64_t	transactions, lines, products, returns;
	int	has_customers;
	int64_t	customers;
	int	has_cost, has_margin, has_margin_pct;
	int64_t	cost, margin;
	double	margin_pct;
} ayni_report_kpi;

typedef struct ayni_report_item {
	char	id[128];	/* product id or category ("" none) */
	char	description[128];
	int64_t	revenue, units;
	int	has_margin_pct;
	double	margin_pct;
	double	share_pct;
	char	abc;		/* products: 'A', 'B' or 'C' */
} ayni_report_item;

typedef struct ayni_report_day {
	char	day[11];
	int64_t	revenue;
} ayni_report_day;

typedef struct ayni_report {
	char		 company[256];
	char		 rut[16];		/* display form */
	ayni_bench_period period;
	char		 last_day[11];		/* the period's real last day */
	char		 data_last_day[11];	/* the company's latest sale */
	ayni_report_kpi	 cur, prev, year_ago;
	int		 ntop, ncat;
	ayni_report_item top[AYNI_REPORT_TOP];
	ayni_report_item cat[AYNI_REPORT_TOP];
	/*
	 * The company's lines have no products (only document-level files,
	 * such as the SII sales register, were uploaded): units, products,
	 * categories, ABC and Pareto are not shown, rather than as zeros.
	 */
	int		 no_products;
	long		 nproducts, ncategories;
	long		 abc[3];		/* products in A, B, C */
	long		 pareto;	/* fewest products making 80 % */
	/* weekdays, Monday 0 .. Sunday 6, from the daily rollup */
	int64_t		 wd_revenue[7];
	int		 wd_days[7];		/* days with sales */
	int		 best_wd, worst_wd;	/* -1: no sales */
	/* hours, from the raw lines: has_hours is 0 when every line of the
	 * period is at 00:00 (a file with dates only) */
	int		 has_hours;
	int64_t		 hour_revenue[24];
	int64_t		 heat[7][24];
	int		 peak_hour;		/* -1: none */
	/* daily revenue of the period and of the previous one, day by day
	 * from each period's first day (0 on a day without sales) */
	int		 ndays, nprev_days;
	int64_t		*days, *prev_days;
	/* the benchmark (docs/contract.md §7), or why there is none */
	int		 nbench;
	ayni_bench_result bench[AYNI_BM_COUNT];
	char		 bench_why[512];	/* in the user's language */
	char		 bench_note[512];	/* the same in English: csv,
						   json */
} ayni_report;

/*
 * Build the report of company_id for period (a month '2025-10', quarter
 * '2025-Q4' or year '2025'; NULL: the company's latest full month, the
 * rule of ayni_latest_full_month).  AYNI_EUSAGE for a bad period;
 * AYNI_ENOTFOUND when the company has no sales at all (a period without
 * sales is a report that says so).  *out is the caller's: ayni_report_free.
 */
int	ayni_report_build(ayni_db *db, int64_t company_id, const char *period,
	    ayni_report **out, ayni_error *err);
void	ayni_report_free(ayni_report *r);

/* "critical" (< 15 %), "low" (< 25 %), "healthy" (< 35 %), "excellent". */
const char *ayni_margin_band(double margin_pct);
/* Monday 0 .. Sunday 6. */
const char *ayni_weekday_name(int wd);
/*
 * The words above as a person reads them, in the user's language
 * (include/ayni/intl.h); those above stay English for csv and json.
 * ayni_weekday_abbr: "Mon" .. "Sun".  ayni_report_metric_text: a
 * benchmark metric ("avg_ticket" in English).
 */
const char *ayni_margin_band_text(double margin_pct);
const char *ayni_weekday_text(int wd);
const char *ayni_weekday_abbr(int wd);
const char *ayni_report_metric_text(ayni_bench_metric m);
/*
 * A day '2025-10-31' as a person reads it: '31-10-2025' when messages
 * are in Spanish, as given otherwise.  Returns out.
 */
const char *ayni_report_date(const char *iso, char out[11]);
/*
 * The change from before to now in percent: 1 and *pct when before is a
 * sale total other than 0, else 0 (nothing to compare with).
 */
int	ayni_report_change(int64_t now, int64_t before, double *pct);

/* The text for a terminal or a mail. */
int	ayni_report_text(const ayni_report *r, FILE *fp, ayni_error *err);
/* One self-contained HTML page: inline SVG and CSS, no script, no fetch. */
int	ayni_report_html(const ayni_report *r, FILE *fp, ayni_error *err);
/*
 * The report's numbers as one record for csv and json: the columns
 * (static storage) and the row.  Names are a stable interface, listed in
 * man/ayni-report.1.
 */
void	ayni_report_columns(const ayni_column **out, int *ncols);
int	ayni_report_write(const ayni_report *r, ayni_writer *w,
	    ayni_error *err);

#endif /* AYNI_REPORT_H */
