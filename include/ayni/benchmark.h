/*
 * benchmark.h - industry comparisons under a privacy floor (docs/contract.md
 * §7).
 *
 * A company that opted in (companies.benchmark = 1) is compared with the
 * other active, opted-in companies of its industry that have sales in a
 * month, quarter or year: how many they are, the quartiles and the mean
 * of each metric, its own value and its percentile rank.  Below
 * AYNI_BENCH_MIN companies only the count is given.  The numbers are read
 * from the rollups (agg_time_rollup of schema/0002_rollups.sql), never
 * from the raw lines.  man/ayni-benchmark.1 states the definitions and
 * privacy rules; this module does not check roles, print or exit.
 */
#ifndef AYNI_BENCHMARK_H
#define AYNI_BENCHMARK_H

#include <stdint.h>

#include "ayni/db.h"
#include "ayni/error.h"

/* Fewer contributing companies than this: only their count is shown. */
#define AYNI_BENCH_MIN		10
/* From this many on, the mean drops the top and bottom 5 % (n / 20). */
#define AYNI_BENCH_TRIM_MIN	20

/* If you add a metric, also update metrics[] in benchmark.c, the
 * CHECK of benchmarks.metric_name and the man page. */
typedef enum ayni_bench_metric {
	AYNI_BM_REVENUE,
	AYNI_BM_TRANSACTIONS,
	AYNI_BM_AVG_TICKET,
	AYNI_BM_MARGIN_PCT,
	AYNI_BM_CUSTOMERS,
	AYNI_BM_UNITS,
	AYNI_BM_COUNT
} ayni_bench_metric;

/* "revenue" ...; AYNI_EUSAGE naming the accepted words. */
int	ayni_bench_metric_parse(const char *s, ayni_bench_metric *out,
	    ayni_error *err);
const char *ayni_bench_metric_name(ayni_bench_metric m);

/* A benchmark period: a month '2025-10', a quarter '2025-Q4' or a year. */
typedef enum ayni_bench_kind {
	AYNI_BP_MONTH,
	AYNI_BP_QUARTER,
	AYNI_BP_YEAR
} ayni_bench_kind;

typedef struct ayni_bench_period {
	ayni_bench_kind	kind;
	char		label[16];	/* '2025-10', '2025-Q4', '2025' */
	char		lo[16];		/* first day '2025-10-01' */
	char		hi[16];		/* '2025-10-31' (the views' bound:
					   always day 31) */
} ayni_bench_period;

/* Parse a label; AYNI_EUSAGE saying what a period looks like. */
int	ayni_bench_period_parse(const char *s, ayni_bench_period *out,
	    ayni_error *err);
/* "month", "quarter", "year"; "monthly" ... as in benchmarks.period_type. */
const char *ayni_bench_kind_name(ayni_bench_kind k);
const char *ayni_bench_kind_type(ayni_bench_kind k);

/*
 * The statistics, on values sorted ascending (n >= 1).  Quantiles are
 * Hyndman and Fan's type 7 (R's default, Excel's PERCENTILE.INC):
 * h = (n - 1) p + 1, x[floor h] + (h - floor h)(x[floor h + 1] - x[floor h]),
 * 1-based.  The mean drops the n / 20 lowest and highest values when
 * n >= AYNI_BENCH_TRIM_MIN.
 */
double	ayni_bench_quantile(const double *sorted, int n, double p);
double	ayni_bench_mean(const double *sorted, int n);

/*
 * The percentile rank (0-100) of value v, which is one of sorted[0..n-1]:
 * the p at which the type-7 quantile reaches v, 100 (j - 1) / (n - 1) for
 * its position j (equal values share the middle of their positions),
 * coarsened so that a company cannot tell that it is one of the two values
 * an interpolated quartile is made of: such a position is pooled with the
 * next one outwards, and the pool's mean position is reported.  n >= 2.
 */
int	ayni_bench_rank(const double *sorted, int n, double v);

/* One metric of a comparison. */
typedef struct ayni_bench_result {
	char		industry[32];
	char		period[16];
	ayni_bench_metric metric;
	int		companies;	/* contributing to this metric */
	int		shown;		/* 0: only the count may be shown */
	double		p25, p50, p75, mean;	/* when shown */
	int		has_value;	/* the company has this metric */
	double		value;		/* its value, when has_value */
	int		percentile;	/* its rank, when shown */
	int		from_store;	/* statistics read from benchmarks */
} ayni_bench_result;

/*
 * Compare company_id in period (NULL: its latest full month, the latest
 * month whose last calendar day is on or before its latest sale) on one
 * metric (metric >= 0) or all (metric < 0), filling out[0..*nout-1] in
 * metric order.  Values are in pesos (revenue, avg_ticket), units, percent
 * (margin_pct) or counts.  A metric's contributors are the period's
 * contributors that have it (margin_pct needs costs, customers needs
 * customer ids); a metric with fewer than AYNI_BENCH_MIN, or that the
 * company itself lacks, is not shown (only its count).  Errors, all
 * AYNI_EUNAVAIL unless noted: the company has not opted in; it has no
 * sales in the period (or no full month); fewer than AYNI_BENCH_MIN
 * companies have sales in the period ("needs 10 companies, has N"); the
 * one metric asked for is not shown; AYNI_EUSAGE for a bad period.
 * Stored statistics (ayni_benchmark_refresh) are used when they are newer
 * than every upload, deletion and company change; else recomputed.
 */
int	ayni_benchmark_compare(ayni_db *db, int64_t company_id,
	    const char *period, int metric, ayni_bench_result *out, int *nout,
	    ayni_error *err);

/*
 * Replace the contents of benchmarks with the statistics of every
 * industry, metric and month, quarter and year that has at least
 * AYNI_BENCH_MIN contributors, in one transaction; *nrows (may be NULL)
 * gets the number of rows stored.  The rows name no company.
 */
int	ayni_benchmark_refresh(ayni_db *db, long *nrows, ayni_error *err);

#endif /* AYNI_BENCHMARK_H */
