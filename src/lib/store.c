/*
 * store.c - the valid lines of an upload into raw_transactions, in file
 * order, each line written once by one prepared statement: added,
 * updated, or left alone when its stored twin has the same values.
 *
 * A line's key is (company, branch, document type, sale day, transaction,
 * product, occurrence), where occurrence numbers the lines of one file
 * that share the rest of the key, in file order (docs/line-identity.md).
 * Numbering them needs to know, for each line, how many earlier lines of
 * the same file have its key.  Nearly always none, and a Bloom filter of
 * the keys seen so far says so for certain at a fixed cost in memory.
 * When it says "maybe", the stored lines with that key are counted, those
 * this upload wrote or matched only: every earlier line of the file with
 * the key is by then a stored line with that key, either added (an id
 * above the largest one before the upload) or matched (marked in a bitmap
 * of the ids stored before).  So memory is bounded by the filter (at most
 * 16 MiB) and one bit per stored line, never by the lines of the file, and
 * no staging table, sort or window is needed.
 *
 * raw_transactions' rollup triggers are dropped for the store and
 * created again from their own text (sqlite_schema) before it returns,
 * inside the upload's transaction.  The company is deferred
 * (ayni_aggregate_defer), so all they would do for each line is widen the
 * days its refresh covers, which the store does once; and a trigger makes
 * every one-line INSERT a statement SQLite must be able to undo alone, so
 * it copies each page it touches into a statement journal first (2 GB of
 * temporary file written for 200,000 lines).  A rollback, or a crash,
 * restores them with everything else; no other connection ever sees the
 * table without them.
 *
 * Not here: which records are lines and what they hold (upload.c's pass 2
 * and record.c), the rollups (ayni_aggregate_refresh after the store).
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "ayni/intl.h"
#include "ayni/record.h"
#include "internal.h"
#include "pipe.h"
#include "upload_int.h"

/*
 * The statements below share one numbering of parameters: ?1 company, ?2
 * upload, ?3 the time, ?4 the occurrence, ?5 .. ?27 the line (bind_line),
 * ?28 a line id.
 *
 * txn_key as raw_transactions computes it (the same expression:
 * schema/0003_line_identity.sql), from the parameters, and TKEY the same
 * without the day: a prefix of txn_key, the ticket on any day.  If you
 * change raw_transactions' txn_key or product_key, change these too.
 */
#define TKEY "(?24 || char(31) || ?25 || char(31) || ?7 || char(31))"
#define TXN_KEY "(" TKEY " || ?26)"
/* The same without the branch, without the document type, or both. */
#define TXN_KEY_NO_BRANCH "(char(31) || ?25 || char(31) || ?7 || char(31)" \
    " || ?26)"
#define TXN_KEY_NO_DOC "(?24 || char(31) || char(31) || ?7 || char(31)" \
    " || ?26)"
#define TXN_KEY_BARE "(char(31) || char(31) || ?7 || char(31) || ?26)"

/*
 * The stored line with this line's key, and whether any value it stores
 * differs (an update; else it is unchanged).
 */
static const char find_sql[] =
    "SELECT id, (transaction_date, trans_type, is_return, customer_id,"
    " description, category, unit_type, quantity, stock, price_total,"
    " cost_unit, cost_total, price_unit, discount_total, commission_total,"
    " margin) IS NOT (?6, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18,"
    " ?19, ?20, ?21, ?22, ?23) FROM raw_transactions"
    " WHERE company_id = ?1 AND txn_key = " TXN_KEY
    " AND product_key = ?27 AND occurrence = ?4";

/* Every stored line with this line's key but the occurrence. */
static const char same_key_sql[] =
    "SELECT id FROM raw_transactions WHERE company_id = ?1"
    " AND txn_key = " TXN_KEY " AND product_key = ?27";

/*
 * For a new line, two kinds worth a warning because they may be a stored
 * sale again:
 *   - its ticket and product are stored on another day (the range
 *     [TKEY, TKEY || ':') of txn_key holds the ticket's every day: a day
 *     is digits and '-', all below ':');
 *   - its day, ticket and product are stored without the branch or the
 *     document type this file gives (a file of the same sales loaded
 *     before without that column).
 * Only lines stored before this upload count (id <= ?28, the largest id
 * then: new lines get larger ones, updated lines keep theirs).
 */
static const char probe_sql[] =
    "SELECT EXISTS (SELECT 1 FROM raw_transactions o"
    "  WHERE o.company_id = ?1"
    "  AND o.txn_key >= " TKEY " AND o.txn_key < " TKEY " || ':'"
    "  AND o.product_key = ?27 AND o.txn_key <> " TXN_KEY
    "  AND o.id <= ?28),"
    " (?24 <> '' OR ?25 <> '') AND EXISTS (SELECT 1"
    "  FROM raw_transactions o WHERE o.company_id = ?1"
    "  AND o.txn_key IN (" TXN_KEY_NO_BRANCH ", " TXN_KEY_NO_DOC
    "  , " TXN_KEY_BARE ")"
    "  AND o.product_key = ?27 AND o.txn_key <> " TXN_KEY
    "  AND o.id <= ?28)";

/*
 * New lines go in BATCH at a time, by one statement of BATCH rows of
 * these columns, in the order of the parameters above: row k's values are
 * ?(25 k + 1) .. ?(25 k + 25) (bind_row); the last few one by one.  One
 * statement a line spent more on starting and ending the statement
 * (opening a cursor on the table and each index) than on the line.
 *
 * OR FAIL, and foreign keys unchecked in the upload's transaction
 * (upload.c, run_passes): a statement that may have to undo its own rows
 * when a constraint fails makes SQLite copy every page it changes into a
 * statement journal first.  Here no constraint can fail but through a bug (the store
 * numbers occurrences so that keys are unique, and the company and the
 * upload exist); if one does, the upload fails and its transaction is
 * rolled back whole, which is all the undoing needed.
 */
#define BATCH		64
#define INSERT_COLS	25
static const char insert_head[] =
    "INSERT OR FAIL INTO raw_transactions (company_id, upload_id,"
    " processed_at, occurrence, line_no, transaction_date, transaction_id,"
    " product_id, trans_type, is_return, customer_id, description,"
    " category, unit_type, quantity, stock, price_total, cost_unit,"
    " cost_total, price_unit, discount_total, commission_total, margin,"
    " branch, doc_type) VALUES ";
/*
 * A stored line whose values changed, ?28.  A line whose values are all
 * the same is left alone: re-uploading an export writes nothing, and the
 * line stays with the upload that gave it these values (which is what
 * 'uploads delete' takes back).
 */
static const char update_sql[] =
    "UPDATE raw_transactions SET upload_id = ?2, line_no = ?5,"
    " transaction_date = ?6, trans_type = ?9, is_return = ?10,"
    " customer_id = ?11, description = ?12, category = ?13,"
    " unit_type = ?14, quantity = ?15, stock = ?16, price_total = ?17,"
    " cost_unit = ?18, cost_total = ?19, price_unit = ?20,"
    " discount_total = ?21, commission_total = ?22, margin = ?23,"
    " processed_at = ?3 WHERE id = ?28";

enum { ST_FIND, ST_SAME_KEY, ST_PROBE, ST_UPDATE, ST_INSERT, ST_INSERT_ONE,
    ST_COUNT };

/*
 * One spooled record read ahead by the reader (below): the record, what
 * it is, and for a line its values; a new line keeps its slot, and so the
 * text its values point into, until its batch is written.
 */
struct slot {
	struct spool_rec r;
	ayni_record	 l;
	ayni_error	 e;
	int		 kind;		/* AYNI_REC_* */
	int64_t		 occ;		/* a new line's occurrence */
};

/*
 * The store's reader (pipe.h): the spool read and each record parsed into
 * the next of RING slots on a second thread while the store writes.  The
 * slots from the store's current one on stay its own while it needs them:
 * a new line's until its batch is written.
 */
#define RING	256			/* > BATCH + 1 */
struct reader {
	struct upload	*u;
	int		 error;		/* errno of a failed read */
};

/* The state of one store. */
struct store {
	sqlite3_stmt	*st[ST_COUNT];
	struct slot	*pend[BATCH];	/* new lines waiting */
	int		 np;
	size_t		 first_pend;	/* the ring index of pend[0] */
	int		 any;		/* the company had lines before */
	int64_t		 max_id;	/* the largest line id before */
	uint64_t	*bloom;		/* keys of the file seen so far */
	uint64_t	 bloom_mask;	/* bits - 1, a power of two */
	uint8_t		*matched;	/* ids <= max_id matched, a bit each */
};

/* --- occurrences --- */

static uint64_t
key_hash(const ayni_record *l)
{
	const char *parts[5];
	uint64_t h = 0xcbf29ce484222325ULL;	/* FNV-1a */
	const unsigned char *p;
	size_t i, n;

	parts[0] = l->text[AYNI_F_BRANCH] ? l->text[AYNI_F_BRANCH] : "";
	parts[1] = l->text[AYNI_F_DOC_TYPE] ? l->text[AYNI_F_DOC_TYPE] : "";
	parts[2] = l->text[AYNI_F_TRANS_ID];
	parts[3] = l->dt;
	parts[4] = l->text[AYNI_F_PRODUCT_ID] ? l->text[AYNI_F_PRODUCT_ID] :
	    "";
	for (i = 0; i < 5; i++) {
		n = i == 3 ? 10 : strlen(parts[i]);	/* the day of dt */
		for (p = (const unsigned char *)parts[i]; n-- > 0; p++)
			h = (h ^ *p) * 0x100000001b3ULL;
		h = (h ^ 0x1f) * 0x100000001b3ULL;
	}
	/* a final mix (splitmix64), so that every bit depends on all */
	h ^= h >> 30;
	h *= 0xbf58476d1ce4e5b9ULL;
	h ^= h >> 27;
	h *= 0x94d049bb133111ebULL;
	return h ^ (h >> 31);
}

/*
 * Add the key to the filter; 1 if it may have been there before (every
 * one of its bits was set), 0 if it was certainly not.
 */
static int
bloom_add(struct store *s, uint64_t h)
{
	uint64_t step = (h >> 32) | 1, b;
	int i, seen = 1;

	for (i = 0; i < 4; i++, h += step) {
		b = h & s->bloom_mask;
		if (!(s->bloom[b >> 6] & (1ULL << (b & 63)))) {
			seen = 0;
			s->bloom[b >> 6] |= 1ULL << (b & 63);
		}
	}
	return seen;
}

static void
mark_matched(struct store *s, int64_t id)
{
	if (id > 0 && id <= s->max_id)
		s->matched[id >> 3] |= (uint8_t)(1u << (id & 7));
}

static int
is_ours(const struct store *s, int64_t id)
{
	return id > s->max_id ||
	    (id > 0 && (s->matched[id >> 3] & (1u << (id & 7))));
}

/* --- binding --- */

static void
bind_text(sqlite3_stmt *st, int i, const char *s, int n)
{
	if (s != NULL)
		sqlite3_bind_text(st, i, s, n, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, i);
}

static void
bind_num(sqlite3_stmt *st, int i, const ayni_record *l, int f)
{
	if (l->has[f])
		sqlite3_bind_int64(st, i, l->num[f]);
	else
		sqlite3_bind_null(st, i);
}

/*
 * The line into parameters ?5 .. ?25 of st, those it has, each shifted by
 * base (a row of a batch).  The text stays the record's: st must be
 * stepped while l lives.
 */
static void
bind_line(sqlite3_stmt *st, int base, const ayni_record *l,
    int64_t line_no)
{
	static const struct { int param, field, num; } cols[] = {
		{ 7, AYNI_F_TRANS_ID, 0 }, { 8, AYNI_F_PRODUCT_ID, 0 },
		{ 9, AYNI_F_TRANS_TYPE, 0 }, { 11, AYNI_F_CUSTOMER_ID, 0 },
		{ 12, AYNI_F_DESCRIPTION, 0 }, { 13, AYNI_F_CATEGORY, 0 },
		{ 14, AYNI_F_UNIT_TYPE, 0 }, { 15, AYNI_F_QUANTITY, 1 },
		{ 16, AYNI_F_STOCK, 1 }, { 17, AYNI_F_PRICE_TOTAL, 1 },
		{ 18, AYNI_F_COST_UNIT, 1 }, { 19, AYNI_F_COST_TOTAL, 1 },
		{ 20, AYNI_F_PRICE_UNIT, 1 }, { 21, AYNI_F_DISCOUNT_TOTAL, 1 },
		{ 22, AYNI_F_COMMISSION_TOTAL, 1 }, { 23, AYNI_F_MARGIN, 1 },
	};
	const char *branch = l->text[AYNI_F_BRANCH];
	const char *doc = l->text[AYNI_F_DOC_TYPE];
	int n = sqlite3_bind_parameter_count(st) - base;
	size_t i;

	sqlite3_bind_int64(st, base + 5, line_no);
	sqlite3_bind_text(st, base + 6, l->dt, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, base + 10, l->is_return);
	for (i = 0; i < sizeof(cols) / sizeof(cols[0]); i++) {
		if (cols[i].param > n)
			continue;
		if (cols[i].num)
			bind_num(st, base + cols[i].param, l, cols[i].field);
		else
			bind_text(st, base + cols[i].param,
			    l->text[cols[i].field], -1);
	}
	if (n < 24)
		return;
	bind_text(st, base + 24, branch ? branch : "", -1);
	bind_text(st, base + 25, doc ? doc : "", -1);
}

/* The line into st, a lookup by its key: ?5 .. ?27. */
static void
bind_key(sqlite3_stmt *st, const ayni_record *l, int64_t line_no)
{
	const char *product = l->text[AYNI_F_PRODUCT_ID];

	bind_line(st, 0, l, line_no);
	bind_text(st, 26, l->dt, 10);		/* the day */
	bind_text(st, 27, product != NULL ? product : "", -1);
}

/*
 * A new line as row k of an insert statement: ?1 .. ?25 of the common
 * numbering, shifted.  Its text is the record's: st is stepped while the
 * record waits in its slot.
 */
static void
bind_row(struct upload *u, sqlite3_stmt *st, int k, const ayni_record *l,
    int64_t line_no, int64_t occ)
{
	int base = k * INSERT_COLS;

	sqlite3_bind_int64(st, base + 1, u->o->company_id);
	sqlite3_bind_int64(st, base + 2, u->upload_id);
	sqlite3_bind_text(st, base + 3, u->now, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, base + 4, occ);
	bind_line(st, base, l, line_no);
}

/* Do two lines have the same key but for the occurrence? */
static int
same_key(const ayni_record *a, const ayni_record *b)
{
	static const int f[] = { AYNI_F_TRANS_ID, AYNI_F_PRODUCT_ID,
	    AYNI_F_DOC_TYPE, AYNI_F_BRANCH };
	const char *x, *y;
	size_t i;

	if (memcmp(a->dt, b->dt, 10) != 0)
		return 0;
	for (i = 0; i < sizeof(f) / sizeof(f[0]); i++) {
		x = a->text[f[i]] ? a->text[f[i]] : "";
		y = b->text[f[i]] ? b->text[f[i]] : "";
		if (strcmp(x, y) != 0)
			return 0;
	}
	return 1;
}

static int
step_done(struct upload *u, sqlite3_stmt *st, ayni_error *err)
{
	int rc = sqlite3_step(st);

	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return ayni_db_error(u->db, err, N_("storing the lines"));
	return 0;
}

/* The waiting new lines into raw_transactions: a batch, or one by one. */
static int
flush(struct upload *u, struct store *s, ayni_error *err)
{
	sqlite3_stmt *st;
	int k, rc = 0;

	if (s->np == BATCH) {
		st = s->st[ST_INSERT];
		for (k = 0; k < BATCH; k++)
			bind_row(u, st, k, &s->pend[k]->l,
			    s->pend[k]->r.line, s->pend[k]->occ);
		rc = step_done(u, st, err);
	} else {
		st = s->st[ST_INSERT_ONE];
		for (k = 0; k < s->np && rc == 0; k++) {
			bind_row(u, st, 0, &s->pend[k]->l,
			    s->pend[k]->r.line, s->pend[k]->occ);
			rc = step_done(u, st, err);
		}
	}
	s->np = 0;
	return rc;
}

/* --- one line --- */

/*
 * The line's occurrence: 1 when the filter has never seen its key, else 1
 * + the lines with its key that this upload wrote, matched, or has
 * waiting to be written.
 */
static int
occurrence(struct upload *u, struct store *s, const ayni_record *l,
    int64_t line_no, int64_t *occ, ayni_error *err)
{
	sqlite3_stmt *st = s->st[ST_SAME_KEY];
	int i, rc;

	*occ = 1;
	if (!bloom_add(s, key_hash(l)))
		return 0;
	for (i = 0; i < s->np; i++)
		*occ += same_key(&s->pend[i]->l, l);
	bind_key(st, l, line_no);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		*occ += is_ours(s, sqlite3_column_int64(st, 0));
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return ayni_db_error(u->db, err, N_("matching existing lines"));
	return 0;
}

/* The stored twin of the line: *id (0 if none), *changed. */
static int
find(struct upload *u, struct store *s, const ayni_record *l,
    int64_t line_no, int64_t occ, int64_t *id, int *changed,
    ayni_error *err)
{
	sqlite3_stmt *st = s->st[ST_FIND];
	int rc;

	*id = 0;
	*changed = 0;
	bind_key(st, l, line_no);
	sqlite3_bind_int64(st, 4, occ);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*id = sqlite3_column_int64(st, 0);
		*changed = sqlite3_column_int(st, 1);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return ayni_db_error(u->db, err, N_("matching existing lines"));
	return 0;
}

/* A new line of a company that had lines: does it look like one stored? */
static int
probe(struct upload *u, struct store *s, const ayni_record *l,
    int64_t line_no, ayni_error *err)
{
	sqlite3_stmt *st = s->st[ST_PROBE];
	int rc;

	bind_key(st, l, line_no);
	sqlite3_bind_int64(st, 28, s->max_id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		u->res->rows_other_day += sqlite3_column_int(st, 0);
		u->res->rows_less_key += sqlite3_column_int(st, 1);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW)
		return ayni_db_error(u->db, err, N_("matching existing lines"));
	return 0;
}

/*
 * The valid line of slot p, ring index i: left alone, updated, or added
 * (and, when the company had lines, probed for the warnings), and counted
 * on its day.  An added line waits in its slot for its batch.
 */
static int
store_line(struct upload *u, struct store *s, struct slot *p, size_t i,
    ayni_error *err)
{
	const ayni_record *l = &p->l;
	int64_t occ, id = 0, line_no = p->r.line;
	struct daystat *ds;
	int changed = 0, rc;

	if ((ds = ayni_upload_day(u, ayni_upload_day_of(l->dt))) == NULL)
		return ayni_error_set(err, AYNI_ENOMEM, _("out of memory"));
	ds->touched = 1;
	if ((rc = occurrence(u, s, l, line_no, &occ, err)) != 0)
		return rc;
	if (s->any && (rc = find(u, s, l, line_no, occ, &id, &changed,
	    err)) != 0)
		return rc;
	mark_matched(s, id);
	if (id != 0 && !changed) {
		u->res->rows_unchanged++;
		return 0;
	}
	if (id != 0) {
		bind_line(s->st[ST_UPDATE], 0, l, line_no);
		sqlite3_bind_int64(s->st[ST_UPDATE], 28, id);
		ds->updated++;
		u->res->rows_updated++;
		return step_done(u, s->st[ST_UPDATE], err);
	}
	if (s->any && (rc = probe(u, s, l, line_no, err)) != 0)
		return rc;
	if (s->np == 0)
		s->first_pend = i;
	p->occ = occ;
	s->pend[s->np++] = p;
	ds->added++;
	u->res->rows_inserted++;
	return s->np == BATCH ? flush(u, s, err) : 0;
}

/* --- the reader --- */

/* Read and classify the next record into its slot (pipe.h's fill). */
static int
read_slot(void *arg, void *slot)
{
	struct reader *rd = arg;
	struct slot *p = slot;
	int got;

	if ((got = ayni_spool_get(rd->u->spool, &p->r)) == 1)
		p->kind = ayni_upload_classify(rd->u, &p->r, &p->l, &p->e);
	else if (got < 0)
		rd->error = errno ? errno : EIO;
	return got;
}

static void
free_slot(void *slot)
{
	ayni_spool_rec_free(&((struct slot *)slot)->r);
}

/* --- the store --- */

/* An insert of rows lines, its parameters numbered as bind_row does. */
static int
prepare_insert(struct upload *u, sqlite3_stmt **st, int rows,
    ayni_error *err)
{
	char *sql, *p;
	size_t size;
	int k, i, rc = 0;

	size = sizeof(insert_head) + (size_t)rows * INSERT_COLS * 8;
	if ((sql = malloc(size)) == NULL)
		return ayni_error_set(err, AYNI_ENOMEM, _("out of memory"));
	p = sql + strlen(strcpy(sql, insert_head));
	for (k = 0; k < rows; k++)
		for (i = 1; i <= INSERT_COLS; i++)
			p += sprintf(p, "%s?%d%s", i == 1 ? (k ? ",(" : "(") :
			    ",", k * INSERT_COLS + i, i == INSERT_COLS ? ")" :
			    "");
	if (sqlite3_prepare_v2(u->h, sql, -1, st, NULL) != SQLITE_OK)
		rc = ayni_db_error(u->db, err, N_("storing the lines"));
	free(sql);
	return rc;
}

/* Whether the company has lines, the largest id, the memory. */
static int
store_open(struct upload *u, struct store *s, long lines, ayni_error *err)
{
	static const char *const sql[ST_INSERT] = { find_sql, same_key_sql,
	    probe_sql, update_sql };
	uint64_t bits = 1ULL << 12;
	sqlite3_stmt *st = NULL;
	int i, rc;

	if ((rc = ayni_sql_row(u->db, &st, err, N_("matching existing lines"),
	    "SELECT EXISTS (SELECT 1 FROM raw_transactions"
	    " WHERE company_id = ?1),"
	    " (SELECT ifnull(max(id), 0) FROM raw_transactions)", "I",
	    u->o->company_id)) != 0)
		return rc;
	s->any = sqlite3_column_int(st, 0);
	s->max_id = sqlite3_column_int64(st, 1);
	sqlite3_finalize(st);
	/* 16 bits a key, 4 probes: about 1 in 400 keys is a "maybe" */
	while (bits < (uint64_t)lines * 16 && bits < (1ULL << 27))
		bits <<= 1;
	s->bloom_mask = bits - 1;
	if ((s->bloom = calloc(bits / 64, sizeof(uint64_t))) == NULL ||
	    (s->any && (s->matched = calloc((size_t)(s->max_id >> 3) + 1,
	    1)) == NULL))
		return ayni_error_set(err, AYNI_ENOMEM, _("out of memory"));
	for (i = 0; i < ST_INSERT; i++) {
		if (sqlite3_prepare_v2(u->h, sql[i], -1, &s->st[i], NULL) !=
		    SQLITE_OK)
			return ayni_db_error(u->db, err,
			    N_("storing the lines"));
		sqlite3_bind_int64(s->st[i], 1, u->o->company_id);
		sqlite3_bind_int64(s->st[i], 2, u->upload_id);
		sqlite3_bind_text(s->st[i], 3, u->now, -1, SQLITE_STATIC);
	}
	if ((rc = prepare_insert(u, &s->st[ST_INSERT], BATCH, err)) != 0 ||
	    (rc = prepare_insert(u, &s->st[ST_INSERT_ONE], 1, err)) != 0)
		return rc;
	return 0;
}

static void
store_close(struct store *s)
{
	int i;

	for (i = 0; i < ST_COUNT; i++)
		sqlite3_finalize(s->st[i]);
	free(s->bloom);
	free(s->matched);
}

/* The warnings only the store can give. */
static void
store_warnings(struct upload *u)
{
	/*
	 * The sale day is part of the key, so such lines are added: ticket
	 * numbers that restart every day are different sales.  But a file
	 * that corrects the dates of stored lines would now double them:
	 * say so, with the way out.
	 */
	if (u->res->rows_other_day > 0)
		notifyf(u, AYNI_UPLOAD_EV_WARNING, _("%s: %ld lines repeat a "
		    "ticket and product stored on another day; if this file "
		    "corrects dates, use --mode replace"), u->name,
		    u->res->rows_other_day);
	/*
	 * Lines stored from a file without the branch or document type
	 * column have '' there; the same sales from a file with it have
	 * other keys.  Nothing tells them apart for sure: say so.
	 */
	if (u->res->rows_less_key > 0)
		notifyf(u, AYNI_UPLOAD_EV_WARNING, _("%s: %ld lines match the "
		    "day, ticket and product of stored lines that have no "
		    "branch or document type; if this file holds the same "
		    "sales with more columns, use --mode replace"), u->name,
		    u->res->rows_less_key);
}

/*
 * What the triggers would have done for each line written while the
 * company is deferred (ayni_aggregate_defer): widen the days its refresh
 * covers to those of the lines added or updated.  An updated line keeps
 * its day (the day is in the key).  A file that changes nothing widens
 * nothing, so its refresh has nothing to do.
 */
static int
widen_deferred(struct upload *u, ayni_error *err)
{
	char from[16], to[16];
	size_t i, lo = SIZE_MAX, hi = 0;
	int rc;

	for (i = 0; i < u->days.n; i++) {
		if (u->days.v[i].added + u->days.v[i].updated == 0)
			continue;
		if (lo == SIZE_MAX)
			lo = i;
		hi = i;
	}
	if (lo == SIZE_MAX)
		return 0;
	ayni_upload_period_label(u->days.v[lo].day, P_DAY, from);
	ayni_upload_period_label(u->days.v[hi].day, P_DAY, to);
	rc = ayni_sql_exec(u->db, err, N_("storing the lines"),
	    "UPDATE agg_deferred SET"
	    " from_day = min(coalesce(from_day, '9999-12-31'), ?2),"
	    " to_day = max(coalesce(to_day, '0000-01-01'), ?3)"
	    " WHERE company_id = ?1", "Itt", u->o->company_id, from, to);
	return rc < 0 ? rc : 0;
}

int
ayni_upload_store(struct upload *u, long lines, int scan, ayni_error *err)
{
	struct store s = { 0 };
	struct ayni_triggers t = { { 0 }, 0 };
	struct reader rd = { u, 0 };
	struct ayni_pipe pipe = { 0 };
	struct slot *p;
	size_t i = 0;
	long n = 0;
	int rc;

	if ((rc = ayni_triggers_aside(u->db, "raw_transactions", &t,
	    err)) != 0 ||
	    (rc = store_open(u, &s, lines, err)) != 0)
		goto out;
	if (fseek(u->spool, 0, SEEK_SET) != 0 ||
	    ayni_pipe_start(&pipe, RING, sizeof(struct slot), read_slot,
	    &rd, 1) != 0) {
		rc = ayni_error_set(err, AYNI_EIO, _("cannot read back a "
		    "temporary file in '%s': %s"), u->spool_dir,
		    strerror(errno));
		goto out;
	}
	while ((p = ayni_pipe_next(&pipe, s.np ? s.first_pend : pipe.next,
	    &i)) != NULL) {
		if (u->o->cancel != NULL && *u->o->cancel) {
			rc = AYNI_ECANCELED;	/* said by ayni_upload_run */
			goto out;
		}
		if (ayni_upload_account(u, &p->r, &p->l, p->kind, &p->e,
		    scan) != 1)
			continue;
		if (scan && (rc = ayni_upload_scan_line(u, &p->l, err)) != 0)
			goto out;
		if (u->res->rows_rejected > u->o->max_errors)
			continue;	/* failing: only counting now */
		if ((rc = store_line(u, &s, p, i, err)) != 0)
			goto out;
		if ((++n & 0x3fff) == 0)
			notify(u, AYNI_UPLOAD_EV_WRITING, n, lines, 0, NULL);
	}
	if (ayni_pipe_status(&pipe) < 0) {
		rc = ayni_error_set(err, AYNI_EIO,
		    _("cannot read back a temporary file in '%s': %s"),
		    u->spool_dir, strerror(rd.error));
		goto out;
	}
	if ((rc = flush(u, &s, err)) != 0)
		goto out;
	notify(u, AYNI_UPLOAD_EV_WRITING, n, lines, 0, NULL);
	if (scan)
		ayni_upload_scan_warnings(u);
	store_warnings(u);
	rc = widen_deferred(u, err);
out:
	ayni_pipe_stop(&pipe, free_slot);
	store_close(&s);
	if (ayni_triggers_back(u->db, &t, rc ? NULL : err) != 0 && rc == 0)
		rc = err->code;
	return rc;
}
