/*
 * refresh.c - the bulk path of the rollups (aggregate.h): defer, refresh
 * and rebuild.  The days to refresh are read once from raw_transactions
 * and grouped in memory (pass_days(), one day_*() step per base table),
 * then the periods' distinct counts taken from the day sets
 * (pass_periods()), and the base tables of schema/0002_rollups.sql
 * written set-based.  It reads nothing back to check itself: verify.c
 * recomputes the base tables by another way.  Nothing here prints.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "ayni/intl.h"
#include "ayni/aggregate.h"
#include "aggregate_int.h"

static int
sql_error(ayni_db *db, ayni_error *err, const char *what)
{
	return ayni_db_error(db, err, what);
}

/* Run a ';'-separated script with ?1 bound to company and ?2.. to days. */
static int
run(ayni_db *db, const char *script, int64_t company_id, const char **days,
    int ndays, ayni_error *err)
{
	sqlite3 *h = ayni_db_handle(db);
	sqlite3_stmt *st;
	const char *tail = script;
	int i, src;

	while (*tail != '\0') {
		if (sqlite3_prepare_v2(h, tail, -1, &st, &tail) != SQLITE_OK)
			return sql_error(db, err, N_("updating the rollups"));
		if (st == NULL)
			continue;	/* trailing blanks */
		sqlite3_bind_int64(st, 1, company_id);
		for (i = 0; i < ndays && i + 2 <= sqlite3_bind_parameter_count(st);
		    i++)
			sqlite3_bind_text(st, i + 2, days[i], -1,
			    SQLITE_TRANSIENT);
		while ((src = sqlite3_step(st)) == SQLITE_ROW)
			;
		sqlite3_finalize(st);
		if (src != SQLITE_DONE)
			return sql_error(db, err, N_("updating the rollups"));
	}
	return 0;
}

int
ayni_aggregate_defer(ayni_db *db, int64_t company_id, ayni_error *err)
{
	return run(db, "INSERT INTO agg_deferred (company_id) VALUES (?1) "
	    "ON CONFLICT DO NOTHING", company_id, NULL, 0, err);
}

/*
 * The refresh, in one pass.  The raw lines of the days to refresh are
 * read once, in the order of the (company_id, transaction_date) index, so
 * that a day's lines arrive together; each day is grouped in memory (its
 * few thousand lines sort in well under a millisecond) and its rows of
 * agg_day, agg_product_day, agg_customer_day and agg_category_day are
 * written in key order.  The distinct counts of weeks, months, quarters
 * and years come from one ordered scan of each day set's (key, day)
 * index.  The SQL GROUP BYs this replaces read and sorted every line four
 * times, and counted periods with correlated subqueries: 2.4x slower.
 * Verification does not use this code (see check_company).
 */
struct str {
	const char	*p;		/* NULL: SQL NULL */
	int		 n;
};

/* SQLite's BINARY collation: memcmp, then the shorter first. */
static int
str_cmp(struct str a, struct str b)
{
	int c;

	if (a.p == NULL || b.p == NULL)		/* NULL (n -1) sorts last */
		return (a.p == NULL) - (b.p == NULL);
	c = memcmp(a.p, b.p, (size_t)(a.n < b.n ? a.n : b.n));
	return c != 0 ? c : (a.n > b.n) - (a.n < b.n);
}

/* Strings that stay put until arena_free(). */
struct ablock {
	struct ablock	*next;
	size_t		 used, size;
	char		 buf[];
};

struct arena {
	struct ablock	*head;
};

static int
arena_str(struct arena *a, sqlite3_stmt *st, int col, struct str *out)
{
	const char *p = (const char *)sqlite3_column_text(st, col);
	int n = sqlite3_column_bytes(st, col);
	struct ablock *b = a->head;

	if (p == NULL) {
		out->p = NULL;
		out->n = -1;
		return 0;
	}
	if (b == NULL || b->size - b->used < (size_t)n + 1) {
		size_t size = (size_t)n + 1 > 65536 ? (size_t)n + 1 : 65536;

		if ((b = malloc(sizeof(*b) + size)) == NULL)
			return -1;
		b->next = a->head;
		b->used = 0;
		b->size = size;
		a->head = b;
	}
	memcpy(b->buf + b->used, p, (size_t)n);
	b->buf[b->used + (size_t)n] = '\0';
	out->p = b->buf + b->used;
	out->n = n;
	b->used += (size_t)n + 1;
	return 0;
}

static void
arena_free(struct arena *a)
{
	struct ablock *b, *next;

	for (b = a->head; b != NULL; b = next) {
		next = b->next;
		free(b);
	}
	a->head = NULL;
}

/*
 * One raw line, its values signed for returns as in agg_expected_lines.
 * A line of a document-level file has no product (product.p NULL): it
 * counts in agg_day and agg_customer_day, not in the product or category
 * sets.
 */
enum { F_TRANS, F_PRODUCT, F_CATEGORY, F_DESCRIPTION, F_CUSTOMER, NF };

struct rline {
	struct str	 trans, product, category, description, customer;
	uint32_t	 k[NF];		/* ranks of the strings above (below) */
	uint32_t	 pcd;		/* rank of (product, category, description) */
	int64_t		 revenue, units, cost, margin, discount;
	unsigned char	 has_cost, has_margin, has_discount, is_return;
	unsigned char	 hour, midnight;	/* midnight: at 00:00:00 */
};

/* Where the rows go: one INSERT per base table. */
enum { K_DAY, K_PRODUCT, K_CUSTOMER, K_CATEGORY, K_IRREGULAR, K_PERIOD,
	K_HOUR, NSINK };

static const char *const sink_sql[NSINK] = {
	[K_DAY] =
	    "INSERT INTO agg_day (company_id, day, lines, revenue, units,"
	    " cost, cost_lines, margin, margin_lines, revenue_c, margin_c,"
	    " costed_lines, discount, discount_lines, returns, trans,"
	    " products, customers) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8,"
	    " ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)",
	[K_PRODUCT] =
	    "INSERT INTO agg_product_day (company_id, day, product_id,"
	    " category, description, lines, revenue, units, margin,"
	    " margin_lines, revenue_c, margin_c, costed_lines, trans)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13,"
	    " ?14)",
	[K_CUSTOMER] =
	    "INSERT INTO agg_customer_day (company_id, day, customer_id,"
	    " lines, revenue, trans) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
	[K_CATEGORY] =
	    "INSERT INTO agg_category_day (company_id, day, category, lines,"
	    " trans) VALUES (?1, ?2, ?3, ?4, ?5)",
	/* a superset: an irregular transaction stays listed */
	[K_IRREGULAR] =
	    "INSERT OR IGNORE INTO agg_irregular (company_id, txn_key)"
	    " VALUES (?1, ?2)",
	[K_PERIOD] =
	    "INSERT INTO agg_period (company_id, period, products, customers)"
	    " VALUES (?1, ?2, ?3, ?4)",
	[K_HOUR] =
	    "INSERT INTO agg_hour (company_id, day, hour, lines, revenue,"
	    " midnight) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
};

struct sink {
	ayni_db		*db;
	int64_t		 company;
	sqlite3_stmt	*st[NSINK];
};

static int
sink_open(struct sink *k, ayni_db *db, int64_t company, ayni_error *err)
{
	int i;

	memset(k, 0, sizeof(*k));
	k->db = db;
	k->company = company;
	for (i = 0; i < NSINK; i++) {
		if (sqlite3_prepare_v2(ayni_db_handle(db), sink_sql[i], -1,
		    &k->st[i], NULL) != SQLITE_OK)
			return sql_error(db, err, N_("updating the rollups"));
		sqlite3_bind_int64(k->st[i], 1, company);
	}
	return 0;
}

static void
sink_close(struct sink *k)
{
	int i;

	for (i = 0; i < NSINK; i++)
		sqlite3_finalize(k->st[i]);
}

/* Write the row whose parameters 2.. are bound. */
static int
sink_put(struct sink *k, int which, ayni_error *err)
{
	sqlite3_stmt *st = k->st[which];
	int src = sqlite3_step(st);

	sqlite3_reset(st);
	if (src != SQLITE_DONE)
		return sql_error(k->db, err, N_("updating the rollups"));
	return 0;
}

static void
bind_str(sqlite3_stmt *st, int i, struct str s)
{
	sqlite3_bind_text(st, i, s.p, s.n, SQLITE_STATIC);
}

/*
 * The day's distinct strings.  Each string of a line is stored once and
 * numbered; when the day is complete the strings are sorted (SQLite's
 * BINARY order, str_cmp) and each line's fields get their ranks, so that
 * the four orders of the day's lines below sort integers: equal ranks
 * are equal strings, and ranks order as the strings do.  The day's lines
 * outnumber its distinct strings (tickets, products, customers) several
 * times, and comparing strings by memcmp was a quarter of a refresh
 * (bench/README.md, issue 14).  NULL is no string: rank UINT32_MAX, last,
 * as str_cmp sorts it.
 */
struct dict {
	struct str	*v;		/* the distinct strings, in arrival */
	uint32_t	 n, cap;
	uint32_t	*slot;		/* open addressing: index + 1, 0 free */
	uint32_t	 mask;
};

#define NO_RANK	UINT32_MAX

static uint32_t
str_hash(const char *p, int n)
{
	uint32_t h = 2166136261u;	/* FNV-1a */
	int i;

	for (i = 0; i < n; i++)
		h = (h ^ (unsigned char)p[i]) * 16777619u;
	return h;
}

static int
dict_grow(struct dict *d)
{
	uint32_t mask = d->mask ? 2 * d->mask + 1 : 4095, i, j;
	uint32_t *slot = calloc((size_t)mask + 1, sizeof(*slot));

	if (slot == NULL)
		return -1;
	for (i = 0; i < d->n; i++) {
		j = str_hash(d->v[i].p, d->v[i].n) & mask;
		while (slot[j] != 0)
			j = (j + 1) & mask;
		slot[j] = i + 1;
	}
	free(d->slot);
	d->slot = slot;
	d->mask = mask;
	return 0;
}

/*
 * Column col of st as the day's copy of its text (*out) and its number
 * in the dictionary (*id; NO_RANK for NULL).
 */
static int
dict_add(struct dict *d, struct arena *a, sqlite3_stmt *st, int col,
    struct str *out, uint32_t *id)
{
	const char *p = (const char *)sqlite3_column_text(st, col);
	int n = sqlite3_column_bytes(st, col);
	uint32_t j;

	if (p == NULL) {
		out->p = NULL;
		out->n = -1;
		*id = NO_RANK;
		return 0;
	}
	/* at most half full */
	if ((d->n + 1) * 2 > d->mask && dict_grow(d) != 0)
		return -1;
	for (j = str_hash(p, n) & d->mask; d->slot[j] != 0;
	    j = (j + 1) & d->mask) {
		const struct str *e = &d->v[d->slot[j] - 1];

		if (e->n == n && memcmp(e->p, p, (size_t)n) == 0) {
			*out = *e;
			*id = d->slot[j] - 1;
			return 0;
		}
	}
	if (d->n == d->cap) {
		uint32_t cap = d->cap ? 2 * d->cap : 1024;
		struct str *v = realloc(d->v, cap * sizeof(*v));

		if (v == NULL)
			return -1;
		d->v = v;
		d->cap = cap;
	}
	if (arena_str(a, st, col, out) != 0)
		return -1;
	d->v[d->n] = *out;
	d->slot[j] = d->n + 1;
	*id = d->n++;
	return 0;
}

static const struct str *sort_v;	/* for cmp_index: qsort has no arg */

static int
cmp_index(const void *x, const void *y)
{
	return str_cmp(sort_v[*(const uint32_t *)x],
	    sort_v[*(const uint32_t *)y]);
}

/* Rank the day's strings; the lines' fields from numbers to ranks. */
static int
dict_rank(struct dict *d, struct rline *v, size_t n)
{
	uint32_t *order, *rank, i;
	size_t l;
	int f;

	if (d->n == 0)
		return 0;
	order = malloc(d->n * sizeof(*order));
	rank = malloc(d->n * sizeof(*rank));
	if (order == NULL || rank == NULL) {
		free(order);
		free(rank);
		return -1;
	}
	for (i = 0; i < d->n; i++)
		order[i] = i;
	sort_v = d->v;
	qsort(order, d->n, sizeof(*order), cmp_index);
	for (i = 0; i < d->n; i++)
		rank[order[i]] = i;
	for (l = 0; l < n; l++)
		for (f = 0; f < NF; f++)
			if (v[l].k[f] != NO_RANK)
				v[l].k[f] = rank[v[l].k[f]];
	free(order);
	free(rank);
	return 0;
}

/* Forget the day's strings (the arena holding them is freed apart). */
static void
dict_clear(struct dict *d)
{
	if (d->slot != NULL)
		memset(d->slot, 0, ((size_t)d->mask + 1) * sizeof(*d->slot));
	d->n = 0;
}

static void
dict_free(struct dict *d)
{
	free(d->v);
	free(d->slot);
	memset(d, 0, sizeof(*d));
}

/* A sort key and the index of its line in the day's lines. */
struct kv {
	uint64_t	 key;
	uint32_t	 i;
};

/* One pass over the raw lines of a company's days. */
struct pass {
	struct sink	*k;
	char		 day[11];
	struct rline	*v;
	struct rline	**o;
	size_t		 n, cap;
	struct arena	 a;		/* the day's strings, each once */
	struct dict	 d;
	struct kv	*kv, *tmp;	/* sort keys, cap of them */
};

#define KEY(l, f)	((l)->k[f])
#define SAME(a, b, f)	(KEY(a, f) == KEY(b, f))

/*
 * The day's lines in one order of the four below: each order is one
 * 64-bit key of ranks, and the lines are sorted by it with a stable radix
 * sort, no comparison function called (glibc's qsort of pointers with
 * one was still a sixth of a refresh after the ranks).
 *   product:  (product, category, description), then ticket
 *   category: lines with a product first, category, then ticket
 *   customer: customer (none last), then ticket
 *   ticket:   ticket, then (product, category, description)
 */
enum { O_PRODUCT, O_CATEGORY, O_CUSTOMER, O_TRANS };

static uint64_t
order_key(const struct rline *l, int order)
{
	switch (order) {
	case O_PRODUCT:
		return (uint64_t)l->pcd << 32 | KEY(l, F_TRANS);
	case O_CATEGORY:
		return (uint64_t)(l->product.p == NULL) << 63 |
		    (uint64_t)KEY(l, F_CATEGORY) << 32 | KEY(l, F_TRANS);
	case O_CUSTOMER:
		return (uint64_t)KEY(l, F_CUSTOMER) << 32 | KEY(l, F_TRANS);
	default:
		return (uint64_t)KEY(l, F_TRANS) << 32 | l->pcd;
	}
}

/* Sort a[0 .. n - 1] by key, stably, a byte at a time (tmp: n more). */
static void
radix_sort(struct kv *a, struct kv *tmp, size_t n)
{
	size_t count[256], i, sum;
	struct kv *src = a, *dst = tmp, *t;
	int shift;

	for (shift = 0; shift < 64; shift += 8) {
		memset(count, 0, sizeof(count));
		for (i = 0; i < n; i++)
			count[(src[i].key >> shift) & 0xff]++;
		if (n == 0 || count[(src[0].key >> shift) & 0xff] == n)
			continue;	/* one value of this byte: in order */
		for (i = 0, sum = 0; i < 256; i++) {
			size_t c = count[i];

			count[i] = sum;
			sum += c;
		}
		for (i = 0; i < n; i++)
			dst[count[(src[i].key >> shift) & 0xff]++] = src[i];
		t = src;
		src = dst;
		dst = t;
	}
	if (src != a)
		memcpy(a, src, n * sizeof(*a));
}

/* p->o: the day's lines in the order given. */
static void
order_lines(struct pass *p, int order)
{
	size_t i;

	for (i = 0; i < p->n; i++) {
		p->kv[i].key = order_key(&p->v[i], order);
		p->kv[i].i = (uint32_t)i;
	}
	radix_sort(p->kv, p->tmp, p->n);
	for (i = 0; i < p->n; i++)
		p->o[i] = &p->v[p->kv[i].i];
}

/*
 * The ranks of the day's (product, category, description) triples, in
 * that order: sorted by (category, description), then stably by product.
 */
static void
rank_triples(struct pass *p)
{
	const struct rline *l, *prev = NULL;
	uint32_t r = 0;
	size_t i;

	for (i = 0; i < p->n; i++) {
		l = &p->v[i];
		p->kv[i].key = (uint64_t)KEY(l, F_CATEGORY) << 32 |
		    KEY(l, F_DESCRIPTION);
		p->kv[i].i = (uint32_t)i;
	}
	radix_sort(p->kv, p->tmp, p->n);
	for (i = 0; i < p->n; i++)
		p->kv[i].key = KEY(&p->v[p->kv[i].i], F_PRODUCT);
	radix_sort(p->kv, p->tmp, p->n);
	for (i = 0; i < p->n; i++) {
		struct rline *x = &p->v[p->kv[i].i];

		if (prev != NULL && !(SAME(x, prev, F_PRODUCT) &&
		    SAME(x, prev, F_CATEGORY) && SAME(x, prev, F_DESCRIPTION)))
			r++;
		x->pcd = r;
		prev = x;
	}
}

static int
costed(const struct rline *l)
{
	return l->has_cost && l->has_margin;
}

/*
 * Writing one day: each step sorts the day's lines (p->o, n of them) its
 * own way and writes the rows of one base table in key order.
 */

/*
 * agg_product_day: one row per (product, category, description); lines
 * without a product sort last and are left out.  *products: distinct
 * products of the day.
 */
static int
day_products(struct pass *p, int64_t *products, ayni_error *err)
{
	struct rline **o = p->o;
	sqlite3_stmt *st = p->k->st[K_PRODUCT];
	size_t n = p->n, i, j, m;
	int64_t t, s[7];
	int rc;

	order_lines(p, O_PRODUCT);
	bind_str(st, 2, (struct str){ p->day, 10 });
	for (i = 0; i < n && o[i]->product.p != NULL; i = j) {
		memset(s, 0, sizeof(s));
		for (j = i, t = 0; j < n && o[j]->pcd == o[i]->pcd; j++) {
			t += j == i || !SAME(o[j], o[j - 1], F_TRANS);
			s[0] += o[j]->revenue;
			s[1] += o[j]->units;
			if (o[j]->has_margin) {
				s[2] += o[j]->margin;
				s[3]++;
			}
			if (costed(o[j])) {
				s[4] += o[j]->revenue;
				s[5] += o[j]->margin;
				s[6]++;
			}
		}
		*products += i == 0 || !SAME(o[i], o[i - 1], F_PRODUCT);
		bind_str(st, 3, o[i]->product);
		bind_str(st, 4, o[i]->category);
		bind_str(st, 5, o[i]->description);
		sqlite3_bind_int64(st, 6, (int64_t)(j - i));
		for (m = 0; m < 7; m++)
			sqlite3_bind_int64(st, (int)m + 7, s[m]);
		sqlite3_bind_int64(st, 14, t);
		if ((rc = sink_put(p->k, K_PRODUCT, err)) != 0)
			return rc;
	}
	return 0;
}

/* agg_category_day: lines and transactions of each category. */
static int
day_categories(struct pass *p, ayni_error *err)
{
	struct rline **o = p->o;
	sqlite3_stmt *st = p->k->st[K_CATEGORY];
	size_t n = p->n, i, j;
	int64_t t;
	int rc;

	order_lines(p, O_CATEGORY);
	bind_str(st, 2, (struct str){ p->day, 10 });
	for (i = 0; i < n && o[i]->product.p != NULL; i = j) {
		for (j = i, t = 0; j < n && o[j]->product.p != NULL &&
		    SAME(o[j], o[i], F_CATEGORY); j++)
			t += j == i || !SAME(o[j], o[j - 1], F_TRANS);
		bind_str(st, 3, o[i]->category);
		sqlite3_bind_int64(st, 4, (int64_t)(j - i));
		sqlite3_bind_int64(st, 5, t);
		if ((rc = sink_put(p->k, K_CATEGORY, err)) != 0)
			return rc;
	}
	return 0;
}

/* agg_customer_day; *customers: distinct customers of the day. */
static int
day_customers(struct pass *p, int64_t *customers, ayni_error *err)
{
	struct rline **o = p->o;
	sqlite3_stmt *st = p->k->st[K_CUSTOMER];
	size_t n = p->n, i, j;
	int64_t t, rev;
	int rc;

	order_lines(p, O_CUSTOMER);
	bind_str(st, 2, (struct str){ p->day, 10 });
	for (i = 0; i < n && o[i]->customer.p != NULL; i = j) {
		for (j = i, t = 0, rev = 0; j < n && o[j]->customer.p != NULL &&
		    SAME(o[j], o[i], F_CUSTOMER); j++) {
			t += j == i || !SAME(o[j], o[j - 1], F_TRANS);
			rev += o[j]->revenue;
		}
		(*customers)++;
		bind_str(st, 3, o[i]->customer);
		sqlite3_bind_int64(st, 4, (int64_t)(j - i));
		sqlite3_bind_int64(st, 5, rev);
		sqlite3_bind_int64(st, 6, t);
		if ((rc = sink_put(p->k, K_CUSTOMER, err)) != 0)
			return rc;
	}
	return 0;
}

/*
 * Transactions: counted into *trans, and irregular (agg_irregular) when
 * one product has lines of different category or description.  A
 * transaction never spans days: its key, txn_key, holds its day
 * (schema/0004_document_lines.sql), so nothing of a day is kept for the
 * next one and the pass needs no set of the transactions it has seen.
 */
static int
day_transactions(struct pass *p, int64_t *trans, ayni_error *err)
{
	struct rline **o = p->o;
	size_t n = p->n, i, j;
	int rc;

	order_lines(p, O_TRANS);
	for (i = 0; i < n; i = j) {
		int irregular = 0;

		for (j = i + 1; j < n && SAME(o[j], o[i], F_TRANS); j++)
			if (SAME(o[j], o[j - 1], F_PRODUCT) &&
			    o[j]->pcd != o[j - 1]->pcd)
				irregular = 1;
		(*trans)++;
		if (irregular) {
			bind_str(p->k->st[K_IRREGULAR], 2, o[i]->trans);
			if ((rc = sink_put(p->k, K_IRREGULAR, err)) != 0)
				return rc;
		}
	}
	return 0;
}

/* agg_hour (schema/0005_hour_rollup.sql): the hours that have lines. */
static int
day_hours(struct pass *p, ayni_error *err)
{
	sqlite3_stmt *st = p->k->st[K_HOUR];
	int64_t lines[24] = { 0 }, rev[24] = { 0 }, midnight[24] = { 0 };
	size_t i;
	int h, rc;

	for (i = 0; i < p->n; i++) {
		h = p->v[i].hour;
		lines[h]++;
		rev[h] += p->v[i].revenue;
		midnight[h] += p->v[i].midnight;
	}
	bind_str(st, 2, (struct str){ p->day, 10 });
	for (h = 0; h < 24; h++) {
		if (lines[h] == 0)
			continue;
		sqlite3_bind_int(st, 3, h);
		sqlite3_bind_int64(st, 4, lines[h]);
		sqlite3_bind_int64(st, 5, rev[h]);
		sqlite3_bind_int64(st, 6, midnight[h]);
		if ((rc = sink_put(p->k, K_HOUR, err)) != 0)
			return rc;
	}
	return 0;
}

/* agg_day: the day's sums, in any order, and the counts found above. */
static int
day_totals(struct pass *p, int64_t trans, int64_t products,
    int64_t customers, ayni_error *err)
{
	sqlite3_stmt *st = p->k->st[K_DAY];
	int64_t d[13] = { 0 };
	size_t i, m;

	for (i = 0; i < p->n; i++) {
		const struct rline *l = &p->v[i];

		d[0] += l->revenue;
		d[1] += l->units;
		if (l->has_cost) {
			d[2] += l->cost;
			d[3]++;
		}
		if (l->has_margin) {
			d[4] += l->margin;
			d[5]++;
		}
		if (costed(l)) {
			d[6] += l->revenue;
			d[7] += l->margin;
			d[8]++;
		}
		if (l->has_discount) {
			d[9] += l->discount;
			d[10]++;
		}
		d[11] += l->is_return;
	}
	d[12] = trans;
	bind_str(st, 2, (struct str){ p->day, 10 });
	sqlite3_bind_int64(st, 3, (int64_t)p->n);
	for (m = 0; m < 13; m++)
		sqlite3_bind_int64(st, (int)m + 4, d[m]);
	sqlite3_bind_int64(st, 17, products);
	sqlite3_bind_int64(st, 18, customers);
	return sink_put(p->k, K_DAY, err);
}

/* The rows of the day of p->v[0 .. n - 1], then an empty day. */
static int
flush_day(struct pass *p, ayni_error *err)
{
	int64_t products = 0, customers = 0, trans = 0;
	int rc;

	if (p->n == 0)
		return 0;
	if (dict_rank(&p->d, p->v, p->n) != 0)
		return ayni_error_set(err, AYNI_ENOMEM, _("out of memory"));
	rank_triples(p);
	if ((rc = day_products(p, &products, err)) != 0 ||
	    (rc = day_categories(p, err)) != 0 ||
	    (rc = day_customers(p, &customers, err)) != 0 ||
	    (rc = day_transactions(p, &trans, err)) != 0 ||
	    (rc = day_totals(p, trans, products, customers, err)) != 0 ||
	    (rc = day_hours(p, err)) != 0)
		return rc;
	p->n = 0;
	dict_clear(&p->d);
	arena_free(&p->a);
	return 0;
}

/* Values as in agg_expected_lines; ?2 .. ?3: days, ?4: the day after ?3. */
static const char pass_sql[] =
    "SELECT substr(transaction_date, 1, 10), txn_key, product_id,"
    " coalesce(category, ''), coalesce(description, ''),"
    " nullif(customer_id, ''), is_return,"
    " net_revenue, net_units, net_cost, net_margin,"
    " discount_total, CAST(substr(transaction_date, 12, 2) AS INTEGER),"
    " substr(transaction_date, 12) = '00:00:00'"
    " FROM raw_transactions WHERE company_id = ?1"
    " AND transaction_date >= ?2 AND transaction_date < ?4"
    " ORDER BY transaction_date";

/* The bound after day to: next, 12 bytes, the day after it. */
static int
pass_bounds(struct sink *k, const char *to, char *next, ayni_error *err)
{
	sqlite3_stmt *st = NULL;
	int rc = 0;

	if (sqlite3_prepare_v2(ayni_db_handle(k->db), "SELECT date(?1,"
	    " '+1 day')", -1, &st, NULL) != SQLITE_OK)
		return sql_error(k->db, err, N_("updating the rollups"));
	sqlite3_bind_text(st, 1, to, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_ROW) {
		rc = sql_error(k->db, err, N_("updating the rollups"));
		goto out;
	}
	/*
	 * date() has no day after 9999-12-31: "~" sorts after every
	 * "9999-12-31 HH:MM:SS", so the last day is still read (a NULL
	 * bound read nothing, and a rebuild emptied every rollup).
	 */
	if (sqlite3_column_type(st, 0) == SQLITE_NULL)
		snprintf(next, 12, "%.10s~", to);
	else
		snprintf(next, 12, "%s",
		    (const char *)sqlite3_column_text(st, 0));
out:
	sqlite3_finalize(st);
	return rc;
}

/* The line of row st appended to the day's lines. */
static int
pass_add(struct pass *p, sqlite3_stmt *st, ayni_error *err)
{
	struct rline *l;
	int h;

	if (p->n == p->cap) {
		size_t cap = p->cap ? 2 * p->cap : 1024;
		struct rline *v = realloc(p->v, cap * sizeof(*v));
		struct rline **o;
		struct kv *kv;

		if (v == NULL)
			return ayni_error_set(err, AYNI_ENOMEM,
			    _("out of memory"));
		p->v = v;
		if ((o = realloc(p->o, cap * sizeof(*o))) == NULL)
			return ayni_error_set(err, AYNI_ENOMEM,
			    _("out of memory"));
		p->o = o;
		if ((kv = realloc(p->kv, cap * sizeof(*kv))) == NULL)
			return ayni_error_set(err, AYNI_ENOMEM,
			    _("out of memory"));
		p->kv = kv;
		if ((kv = realloc(p->tmp, cap * sizeof(*kv))) == NULL)
			return ayni_error_set(err, AYNI_ENOMEM,
			    _("out of memory"));
		p->tmp = kv;
		p->cap = cap;
	}
	l = &p->v[p->n];
	if (dict_add(&p->d, &p->a, st, 1, &l->trans, &l->k[F_TRANS]) != 0 ||
	    dict_add(&p->d, &p->a, st, 2, &l->product,
	    &l->k[F_PRODUCT]) != 0 ||
	    dict_add(&p->d, &p->a, st, 3, &l->category,
	    &l->k[F_CATEGORY]) != 0 ||
	    dict_add(&p->d, &p->a, st, 4, &l->description,
	    &l->k[F_DESCRIPTION]) != 0 ||
	    dict_add(&p->d, &p->a, st, 5, &l->customer,
	    &l->k[F_CUSTOMER]) != 0)
		return ayni_error_set(err, AYNI_ENOMEM, _("out of memory"));
	l->is_return = (unsigned char)(sqlite3_column_int(st, 6) != 0);
	l->revenue = sqlite3_column_int64(st, 7);
	l->units = sqlite3_column_int64(st, 8);
	l->has_cost = sqlite3_column_type(st, 9) != SQLITE_NULL;
	l->cost = sqlite3_column_int64(st, 9);
	l->has_margin = sqlite3_column_type(st, 10) != SQLITE_NULL;
	l->margin = sqlite3_column_int64(st, 10);
	l->has_discount = sqlite3_column_type(st, 11) != SQLITE_NULL;
	l->discount = sqlite3_column_int64(st, 11);
	/* the schema's CHECK makes it two digits; 24-99 would be no hour */
	h = sqlite3_column_int(st, 12);
	l->hour = (unsigned char)(h >= 0 && h < 24 ? h : 0);
	l->midnight = (unsigned char)(sqlite3_column_int(st, 13) != 0);
	p->n++;
	return 0;
}

/* The raw lines of [from, next) in date order, written day by day. */
static int
pass_read(struct pass *p, const char *from, const char *next,
    ayni_error *err)
{
	struct sink *k = p->k;
	sqlite3_stmt *st = NULL;
	int rc = 0, src;

	if (sqlite3_prepare_v2(ayni_db_handle(k->db), pass_sql, -1, &st,
	    NULL) != SQLITE_OK)
		return sql_error(k->db, err, N_("reading the raw lines"));
	sqlite3_bind_int64(st, 1, k->company);
	sqlite3_bind_text(st, 2, from, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, next, -1, SQLITE_STATIC);
	while ((src = sqlite3_step(st)) == SQLITE_ROW) {
		const char *d = (const char *)sqlite3_column_text(st, 0);

		if (d == NULL || strlen(d) != 10) {
			rc = ayni_error_set(err, AYNI_EINTERNAL, _("bad "
			    "transaction_date in raw_transactions"));
			goto out;
		}
		if (memcmp(d, p->day, 10) != 0) {
			if ((rc = flush_day(p, err)) != 0)
				goto out;
			memcpy(p->day, d, 11);
		}
		if ((rc = pass_add(p, st, err)) != 0)
			goto out;
	}
	if (src != SQLITE_DONE)
		rc = sql_error(k->db, err, N_("reading the raw lines"));
	else
		rc = flush_day(p, err);
out:
	sqlite3_finalize(st);
	return rc;
}

/*
 * Recompute days [from, to] of the sink's company into the sink: day
 * sets, agg_day and the transactions that became irregular.  Memory: the
 * lines of one day at a time.
 */
static int
pass_days(struct sink *k, const char *from, const char *to,
    ayni_error *err)
{
	struct pass p;
	char next[12] = "";
	int rc;

	memset(&p, 0, sizeof(p));
	p.k = k;
	if ((rc = pass_bounds(k, to, next, err)) == 0)
		rc = pass_read(&p, from, next, err);
	free(p.v);
	free(p.o);
	free(p.kv);
	free(p.tmp);
	dict_free(&p.d);
	arena_free(&p.a);
	return rc;
}

/*
 * agg_period of the sink's company: distinct products and customers of
 * every week, month, quarter and year that has a day in [lo, hi], from
 * the day sets.  Those periods may reach beyond [lo, hi]; the day sets
 * are read over all of their days, in (key, day) order, and a key counts
 * once in each period of a day where that period's last counted key was
 * another one: memory for the periods and their days, none for the keys.
 * When those days are all the company's days (a first upload, a
 * rebuild), the order is the (key, day) index's; otherwise (an upload of
 * a few new days) the periods' days are read by primary key and sorted
 * by SQLite, in its own bounded memory (the index would read every day
 * of the company).  A hash set of the (period, key)
 * pairs seen grew with the distinct keys: 124 MB of a million-line
 * rebuild, with the set of transactions that a txn_key holding its day
 * makes useless (bench/README.md, issue 14).
 * The steps: periods_list(), periods_full(), periods_days(), then
 * periods_count() of each set and periods_write().
 */
struct period {
	char	 label[12];
	int64_t	 count[2];	/* products, customers */
	int	 last[2];	/* the key ordinal that counted last */
};

struct pday {
	char	 day[11];
	int	 period[4];	/* week, month, quarter, year; -1: none */
};

struct periods {
	struct sink	*k;
	struct period	*pv;		/* by label */
	size_t		 np, pcap;
	struct pday	*dv;		/* by day */
	size_t		 nd, dcap;
	char		 first[11], last[11];	/* days of all the periods */
	int		 full;		/* all the company's days */
	char		*pk;		/* the last key read */
	size_t		 pkcap;
};

static int
cmp_period(const void *a, const void *b)
{
	return strcmp(((const struct period *)a)->label,
	    ((const struct period *)b)->label);
}

static int
cmp_pday(const void *a, const void *b)
{
	return strcmp(((const struct pday *)a)->day,
	    ((const struct pday *)b)->day);
}

/* Room for element n of v (capacity *cap, first first): NULL if none. */
static void *
grow(void *v, size_t *cap, size_t n, size_t size, size_t first)
{
	size_t c = *cap ? 2 * *cap : first;

	if (n < *cap)
		return v;
	if ((v = realloc(v, c * size)) != NULL)
		*cap = c;
	return v;
}

/* Prepare sql with ?1 the company and ?2, ?3 bound to from, to. */
static int
periods_prepare(struct periods *ps, const char *sql, const char *from,
    const char *to, sqlite3_stmt **st, ayni_error *err)
{
	if (sqlite3_prepare_v2(ayni_db_handle(ps->k->db), sql, -1, st, NULL) !=
	    SQLITE_OK)
		return sql_error(ps->k->db, err, N_("updating the rollups"));
	sqlite3_bind_int64(*st, 1, ps->k->company);
	sqlite3_bind_text(*st, 2, from, -1, SQLITE_STATIC);
	sqlite3_bind_text(*st, 3, to, -1, SQLITE_STATIC);
	return 0;
}

/* The periods that have a day in [lo, hi], and their first and last day. */
static int
periods_list(struct periods *ps, const char *lo, const char *hi,
    ayni_error *err)
{
	sqlite3_stmt *st;
	struct period *v;
	int rc, src;

	if ((rc = periods_prepare(ps, "SELECT DISTINCT period, lo, hi"
	    " FROM agg_day_period WHERE company_id = ?1"
	    " AND day BETWEEN ?2 AND ?3 AND level <> 'day' ORDER BY period",
	    lo, hi, &st, err)) != 0)
		return rc;
	while ((src = sqlite3_step(st)) == SQLITE_ROW) {
		const char *plo = (const char *)sqlite3_column_text(st, 1);
		const char *phi = (const char *)sqlite3_column_text(st, 2);

		/*
		 * SQLite's date() ends at 9999-12-31: the ISO week of 27-31
		 * Dec 9999 has no label and no bounds.  Uploads refuse such
		 * years (docs/contract.md §2: 1900-2199), but a line put in by
		 * other means must not crash a refresh: a bound SQLite cannot
		 * name is the end of its range, a label it cannot name
		 * leaves the period out.
		 */
		if (sqlite3_column_type(st, 0) == SQLITE_NULL)
			continue;
		if (plo == NULL)
			plo = "0000-01-01";
		if (phi == NULL)
			phi = "9999-12-31";
		if ((v = grow(ps->pv, &ps->pcap, ps->np, sizeof(*v), 64)) ==
		    NULL) {
			sqlite3_finalize(st);
			return ayni_error_set(err, AYNI_ENOMEM,
			    _("out of memory"));
		}
		ps->pv = v;
		v = &ps->pv[ps->np++];
		memset(v, 0, sizeof(*v));
		v->last[0] = v->last[1] = -1;
		snprintf(v->label, sizeof(v->label), "%s",
		    (const char *)sqlite3_column_text(st, 0));
		if (ps->first[0] == '\0' || strcmp(plo, ps->first) < 0)
			snprintf(ps->first, sizeof(ps->first), "%s", plo);
		if (strcmp(phi, ps->last) > 0)
			snprintf(ps->last, sizeof(ps->last), "%s", phi);
	}
	rc = src == SQLITE_DONE ? 0 :
	    sql_error(ps->k->db, err, N_("updating the rollups"));
	sqlite3_finalize(st);
	/* ORDER BY period is BINARY; strcmp is the same on these labels */
	if (ps->np > 0)
		qsort(ps->pv, ps->np, sizeof(*ps->pv), cmp_period);
	return rc;
}

/* Whether the periods hold every day of the company (ps->full). */
static int
periods_full(struct periods *ps, ayni_error *err)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = periods_prepare(ps, "SELECT min(day) >= ?2"
	    " AND max(day) <= ?3 FROM agg_day WHERE company_id = ?1",
	    ps->first, ps->last, &st, err)) != 0)
		return rc;
	if (sqlite3_step(st) != SQLITE_ROW)
		rc = sql_error(ps->k->db, err, N_("updating the rollups"));
	else
		ps->full = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return rc;
}

/* Every day of the periods, with the ordinals of its periods in pv. */
static int
periods_days(struct periods *ps, ayni_error *err)
{
	sqlite3_stmt *st;
	struct period key, *hit;
	struct pday *v;
	int rc, src, lv;

	if ((rc = periods_prepare(ps, "SELECT day, level, period"
	    " FROM agg_day_period WHERE company_id = ?1"
	    " AND day BETWEEN ?2 AND ?3 AND level <> 'day' ORDER BY day",
	    ps->first, ps->last, &st, err)) != 0)
		return rc;
	while ((src = sqlite3_step(st)) == SQLITE_ROW) {
		const char *d = (const char *)sqlite3_column_text(st, 0);
		const char *l = (const char *)sqlite3_column_text(st, 1);

		/* A period SQLite cannot name, as in periods_list(). */
		if (d == NULL || l == NULL ||
		    sqlite3_column_type(st, 2) == SQLITE_NULL)
			continue;
		if (ps->nd == 0 || strcmp(ps->dv[ps->nd - 1].day, d) != 0) {
			if ((v = grow(ps->dv, &ps->dcap, ps->nd, sizeof(*v),
			    512)) == NULL) {
				sqlite3_finalize(st);
				return ayni_error_set(err, AYNI_ENOMEM,
				    _("out of memory"));
			}
			ps->dv = v;
			v = &ps->dv[ps->nd++];
			snprintf(v->day, sizeof(v->day), "%s", d);
			v->period[0] = v->period[1] = -1;
			v->period[2] = v->period[3] = -1;
		}
		lv = strcmp(l, "week") == 0 ? 0 : strcmp(l, "month") == 0 ?
		    1 : strcmp(l, "quarter") == 0 ? 2 : 3;
		snprintf(key.label, sizeof(key.label), "%s",
		    (const char *)sqlite3_column_text(st, 2));
		hit = bsearch(&key, ps->pv, ps->np, sizeof(*ps->pv),
		    cmp_period);
		ps->dv[ps->nd - 1].period[lv] = hit ? (int)(hit - ps->pv) : -1;
	}
	rc = src == SQLITE_DONE ? 0 :
	    sql_error(ps->k->db, err, N_("updating the rollups"));
	sqlite3_finalize(st);
	if (ps->nd > 0)
		qsort(ps->dv, ps->nd, sizeof(*ps->dv), cmp_pday);
	return rc;
}

/* Key kp of kn bytes into ps->pk. */
static int
periods_key(struct periods *ps, const char *kp, size_t kn, ayni_error *err)
{
	if (kn + 1 > ps->pkcap) {
		char *n2 = realloc(ps->pk, kn + 1);

		if (n2 == NULL)
			return ayni_error_set(err, AYNI_ENOMEM,
			    _("out of memory"));
		ps->pk = n2;
		ps->pkcap = kn + 1;
	}
	memcpy(ps->pk, kp, kn);
	return 0;
}

/* Key ordinal ord of set s seen on day d: counted in each of its periods. */
static void
periods_seen(struct periods *ps, int s, const struct pday *d, int ord)
{
	int lv, q;

	for (lv = 0; lv < 4; lv++) {
		if ((q = d->period[lv]) >= 0 && ps->pv[q].last[s] != ord) {
			ps->pv[q].last[s] = ord;
			ps->pv[q].count[s]++;
		}
	}
}

/* The distinct keys of day set s (0 products, 1 customers) per period. */
static int
periods_count(struct periods *ps, int s, ayni_error *err)
{
	static const char *const sets[2][2] = { {
		/* "+": the days by primary key, then sorted */
		"SELECT product_id, day FROM agg_product_day"
		" WHERE company_id = ?1 AND day BETWEEN ?2 AND ?3"
		" ORDER BY +product_id, day",
		"SELECT customer_id, day FROM agg_customer_day"
		" WHERE company_id = ?1 AND day BETWEEN ?2 AND ?3"
		" ORDER BY +customer_id, day",
	}, {
		"SELECT product_id, day FROM agg_product_day"
		" INDEXED BY agg_product_day_product WHERE company_id = ?1"
		" AND day BETWEEN ?2 AND ?3 ORDER BY product_id, day",
		"SELECT customer_id, day FROM agg_customer_day"
		" INDEXED BY agg_customer_day_customer WHERE company_id = ?1"
		" AND day BETWEEN ?2 AND ?3 ORDER BY customer_id, day",
	} };
	sqlite3_stmt *st;
	const struct pday *dhit = NULL;
	struct pday dkey;
	size_t kn, pklen = 0;
	int rc, src, ord = -1;

	if ((rc = periods_prepare(ps, sets[ps->full][s], ps->first, ps->last,
	    &st, err)) != 0)
		return rc;
	while ((src = sqlite3_step(st)) == SQLITE_ROW) {
		const char *kp = (const char *)sqlite3_column_text(st, 0);
		const char *d = (const char *)sqlite3_column_text(st, 1);

		kn = (size_t)sqlite3_column_bytes(st, 0);
		/* look a day up once per run of the same day */
		if (dhit == NULL || strcmp(dhit->day, d) != 0) {
			snprintf(dkey.day, sizeof(dkey.day), "%s", d);
			dhit = bsearch(&dkey, ps->dv, ps->nd, sizeof(*ps->dv),
			    cmp_pday);
		}
		/* keys come in order: a new one, a new ordinal */
		if (ord < 0 || kn != pklen || memcmp(ps->pk, kp, kn) != 0) {
			ord++;
			if ((rc = periods_key(ps, kp, kn, err)) != 0)
				break;
			pklen = kn;
		}
		if (dhit != NULL)	/* else a day set row without a day */
			periods_seen(ps, s, dhit, ord);
	}
	if (rc == 0 && src != SQLITE_DONE)
		rc = sql_error(ps->k->db, err, N_("updating the rollups"));
	sqlite3_finalize(st);
	return rc;
}

static int
periods_write(struct periods *ps, ayni_error *err)
{
	sqlite3_stmt *st = ps->k->st[K_PERIOD];
	size_t i;
	int rc;

	for (i = 0; i < ps->np; i++) {
		/*
		 * A period of lines with neither product nor customer (an
		 * invoice list without a customer column) has no row, as
		 * the triggers leave it.
		 */
		if (ps->pv[i].count[0] == 0 && ps->pv[i].count[1] == 0)
			continue;
		sqlite3_bind_text(st, 2, ps->pv[i].label, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 3, ps->pv[i].count[0]);
		sqlite3_bind_int64(st, 4, ps->pv[i].count[1]);
		if ((rc = sink_put(ps->k, K_PERIOD, err)) != 0)
			return rc;
	}
	return 0;
}

static int
pass_periods(struct sink *k, const char *lo, const char *hi,
    ayni_error *err)
{
	struct periods ps;
	int rc;

	memset(&ps, 0, sizeof(ps));
	ps.k = k;
	if ((rc = periods_list(&ps, lo, hi, err)) == 0 && ps.np > 0 &&
	    (rc = periods_full(&ps, err)) == 0 &&
	    (rc = periods_days(&ps, err)) == 0 &&
	    (rc = periods_count(&ps, 0, err)) == 0 &&
	    (rc = periods_count(&ps, 1, err)) == 0)
		rc = periods_write(&ps, err);
	free(ps.pv);
	free(ps.dv);
	free(ps.pk);
	return rc;
}

/*
 * Days [?2, ?3] of company ?1 emptied, and the weeks, months, quarters
 * and years of the days in [?4, ?5] (those that meet [?2, ?3]), before
 * pass_days() and pass_periods() write them again.  The day-set triggers
 * are off (the company is in agg_deferred) until the end.
 */
static const char refresh_clear_sql[] =
    "DELETE FROM agg_period WHERE company_id = ?1 AND period IN ("
    "  SELECT period FROM agg_day_period WHERE company_id = ?1"
    "  AND day BETWEEN ?4 AND ?5 AND level <> 'day');"
    "DELETE FROM agg_day WHERE company_id = ?1 AND day BETWEEN ?2 AND ?3;"
    "DELETE FROM agg_product_day WHERE company_id = ?1"
    "  AND day BETWEEN ?2 AND ?3;"
    "DELETE FROM agg_customer_day WHERE company_id = ?1"
    "  AND day BETWEEN ?2 AND ?3;"
    "DELETE FROM agg_category_day WHERE company_id = ?1"
    "  AND day BETWEEN ?2 AND ?3;"
    "DELETE FROM agg_hour WHERE company_id = ?1 AND day BETWEEN ?2 AND ?3;"
    "DELETE FROM agg_customer_month WHERE company_id = ?1"
    "  AND month BETWEEN substr(?2, 1, 7) AND substr(?3, 1, 7);";

/*
 * The months of days [?2, ?3] of agg_customer_month (schema/0006), once
 * pass_days() has written their days: each summed again from all its day
 * rows, those just written and those of the month outside [?2, ?3].
 */
static const char refresh_months_sql[] =
    "INSERT INTO agg_customer_month (company_id, customer_id, month, lines,"
    "  revenue, trans, days, first_day, last_day)"
    " SELECT company_id, customer_id, substr(day, 1, 7), sum(lines),"
    "  sum(revenue), sum(trans), count(*), min(day), max(day)"
    " FROM agg_customer_day WHERE company_id = ?1"
    "  AND day BETWEEN substr(?2, 1, 7) || '-01' AND substr(?3, 1, 7) || '-31'"
    " GROUP BY customer_id, substr(day, 1, 7);";

/*
 * The refresh with a page cache of 16 MiB: its inserts into the day
 * sets' secondary indexes come in random order, and SQLite's default
 * 2 MB cache may re-read their pages.  More does not pay: on a million
 * lines, with the sample's keys or with every key distinct, a rebuild
 * takes the same time with 2, 16, 32 or 64 MiB.  Less memory does: the
 * cache size is also what SQLite's sorter keeps in memory before it
 * spills, and the GROUP BY of agg_customer_month sorts one row per
 * customer and day.  So a larger cache (the upload's 24 MiB) is written
 * out and given back first, and the peak is this cache and one sorter
 * (bench/README.md, issue 14).  The connection's own setting is put
 * back afterwards.
 */
static int
refresh_days(ayni_db *db, int64_t company_id, const char **days,
    ayni_error *err)
{
	sqlite3 *h = ayni_db_handle(db);
	sqlite3_stmt *st;
	struct ayni_triggers t = { { 0 }, 0 };
	struct sink k;
	long long old = -2000;
	char sql[64];
	int rc;

	if (sqlite3_prepare_v2(h, "PRAGMA cache_size", -1, &st, NULL) ==
	    SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW)
			old = sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
	}
	if (old != -16384) {
		/* dirty pages of an open transaction go to the journal */
		if (old < -16384 || old > 16384 / 4)
			sqlite3_db_cacheflush(h);
		sqlite3_exec(h, "PRAGMA cache_size = -16384;"
		    " PRAGMA shrink_memory", NULL, NULL, NULL);
	}
	memset(&k, 0, sizeof(k));
	/*
	 * The company is deferred: the triggers of the day sets it writes
	 * (agg_product_day's of schema/0003, agg_customer_day's of 0006)
	 * would skip every row, and what they keep is computed here anyway.
	 * Set aside, they cost neither a call nor a statement journal.
	 */
	if ((rc = ayni_triggers_aside(db, "agg_product_day", &t, err)) == 0 &&
	    (rc = ayni_triggers_aside(db, "agg_customer_day", &t, err)) == 0 &&
	    (rc = run(db, refresh_clear_sql, company_id, days, 4, err)) == 0 &&
	    (rc = sink_open(&k, db, company_id, err)) == 0 &&
	    (rc = pass_days(&k, days[0], days[1], err)) == 0)
		rc = pass_periods(&k, days[2], days[3], err);
	sink_close(&k);
	if (ayni_triggers_back(db, &t, rc ? NULL : err) != 0 && rc == 0)
		rc = err->code;
	if (rc == 0)
		rc = run(db, refresh_months_sql, company_id, days, 2, err);
	if (rc == 0)
		rc = run(db, "DELETE FROM agg_deferred WHERE company_id = ?1",
		    company_id, NULL, 0, err);
	snprintf(sql, sizeof(sql), "PRAGMA cache_size = %lld", old);
	sqlite3_exec(h, sql, NULL, NULL, NULL);
	return rc;
}

int
ayni_aggregate_refresh(ayni_db *db, int64_t company_id, ayni_error *err)
{
	sqlite3_stmt *st = NULL;
	char days[4][11];
	const char *dp[4];
	int i, rc, src, found = 0, empty = 0;

	/*
	 * The days touched, and the first and last day of the periods
	 * around them: a year's start, or the Monday of the ISO week of
	 * the first day when that is earlier; likewise at the end.  A
	 * week SQLite's date() cannot reach (after 9999-12-31) is NULL,
	 * and a NULL would make the multi-argument min()/max() NULL: the
	 * year bound stands in for it.
	 */
	if (sqlite3_prepare_v2(ayni_db_handle(db),
	    "SELECT from_day, to_day,"
	    " min(substr(from_day, 1, 4) || '-01-01',"
	    "  coalesce(date(from_day, '-3 days', 'weekday 4', '-3 days'),"
	    "   substr(from_day, 1, 4) || '-01-01')),"
	    " max(substr(to_day, 1, 4) || '-12-31',"
	    "  coalesce(date(to_day, '-3 days', 'weekday 4', '+3 days'),"
	    "   substr(to_day, 1, 4) || '-12-31'))"
	    " FROM agg_deferred WHERE company_id = ?", -1, &st, NULL) !=
	    SQLITE_OK)
		return sql_error(db, err, N_("reading the deferred days"));
	sqlite3_bind_int64(st, 1, company_id);
	if ((src = sqlite3_step(st)) == SQLITE_ROW) {
		found = 1;
		empty = sqlite3_column_type(st, 0) == SQLITE_NULL;
		for (i = 0; i < 4 && !empty; i++) {
			const char *v = (const char *)sqlite3_column_text(st,
			    i);

			snprintf(days[i], sizeof(days[i]), "%s",
			    v ? v : "");
			dp[i] = days[i];
		}
	}
	sqlite3_finalize(st);
	if (src != SQLITE_ROW && src != SQLITE_DONE)
		return sql_error(db, err, N_("reading the deferred days"));
	if (!found)
		return 0;
	if ((rc = ayni_db_begin(db, err)) != 0)
		return rc;
	if (empty)
		rc = run(db, "DELETE FROM agg_deferred WHERE company_id = ?1",
		    company_id, NULL, 0, err);
	else
		rc = refresh_days(db, company_id, dp, err);
	if (rc != 0) {
		ayni_db_rollback(db);
		return rc;
	}
	return ayni_db_commit(db, err);
}

static int
rebuild_one(ayni_db *db, int64_t company_id, ayni_error *err)
{
	int rc;

	if ((rc = run(db,
	    "INSERT INTO agg_deferred (company_id) VALUES (?1)"
	    " ON CONFLICT DO NOTHING;"
	    "DELETE FROM agg_day WHERE company_id = ?1;"
	    "DELETE FROM agg_product_day WHERE company_id = ?1;"
	    "DELETE FROM agg_customer_day WHERE company_id = ?1;"
	    "DELETE FROM agg_category_day WHERE company_id = ?1;"
	    "DELETE FROM agg_hour WHERE company_id = ?1;"
	    "DELETE FROM agg_customer_month WHERE company_id = ?1;"
	    "DELETE FROM agg_period WHERE company_id = ?1;"
	    "DELETE FROM agg_irregular WHERE company_id = ?1;"
	    "UPDATE agg_deferred SET"
	    " from_day = (SELECT substr(min(transaction_date), 1, 10)"
	    "  FROM raw_transactions WHERE company_id = ?1),"
	    " to_day = (SELECT substr(max(transaction_date), 1, 10)"
	    "  FROM raw_transactions WHERE company_id = ?1)"
	    " WHERE company_id = ?1;", company_id, NULL, 0, err)) != 0)
		return rc;
	return ayni_aggregate_refresh(db, company_id, err);
}

int
ayni_aggregate_rebuild(ayni_db *db, int64_t company_id, ayni_error *err)
{
	sqlite3_stmt *st = NULL;
	int rc, src;

	if ((rc = ayni_db_begin(db, err)) != 0)
		return rc;
	if (company_id != 0) {
		rc = rebuild_one(db, company_id, err);
		goto out;
	}
	/* Every company that has lines or rollups, even a removed one. */
	if (sqlite3_prepare_v2(ayni_db_handle(db),
	    "SELECT DISTINCT company_id FROM raw_transactions"
	    " UNION SELECT company_id FROM agg_day"
	    " UNION SELECT company_id FROM agg_irregular"
	    " UNION SELECT company_id FROM agg_period"
	    " UNION SELECT company_id FROM agg_hour"
	    " UNION SELECT company_id FROM agg_customer_month", -1, &st,
	    NULL) !=
	    SQLITE_OK) {
		rc = sql_error(db, err, N_("listing companies"));
		goto out;
	}
	/*
	 * The statement reads tables that rebuild_one() writes: collect
	 * the ids first.
	 */
	{
		int64_t *ids = NULL, *nids;
		size_t n = 0, cap = 0, k;

		while ((src = sqlite3_step(st)) == SQLITE_ROW) {
			if (n == cap) {
				cap = cap ? 2 * cap : 16;
				if ((nids = realloc(ids, cap *
				    sizeof(*ids))) == NULL) {
					free(ids);
					rc = ayni_error_set(err, AYNI_ENOMEM,
					    _("out of memory"));
					goto out;
				}
				ids = nids;
			}
			ids[n++] = sqlite3_column_int64(st, 0);
		}
		if (src != SQLITE_DONE)
			rc = sql_error(db, err, N_("listing companies"));
		sqlite3_finalize(st);
		st = NULL;
		for (k = 0; rc == 0 && k < n; k++)
			rc = rebuild_one(db, ids[k], err);
		free(ids);
	}
out:
	sqlite3_finalize(st);
	if (rc != 0) {
		ayni_db_rollback(db);
		return rc;
	}
	return ayni_db_commit(db, err);
}
