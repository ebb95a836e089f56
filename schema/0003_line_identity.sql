-- 0003_line_identity.sql: a sales line's key gains its day, document
-- type and branch; uploads can be deleted with a trace.
--
-- Why.  The key of version 2, (company, transaction id, product,
-- occurrence), let two different sales overwrite each other: boleta 1200
-- and factura 1200 of one month, ticket 1 of Monday and ticket 1 of
-- Tuesday in a POS that restarts its numbering every day, ticket 7 of two
-- cash registers.  A line is now identified by
--   (company, branch, document type, sale day, transaction id, product,
--    occurrence)
-- with branch and document type '' when the file has no such column
-- (docs/line-identity.md tells the whole story).
--
-- How.  raw_transactions gets the columns branch and doc_type, and the
-- virtual column txn_key, the identity of the transaction a line belongs
-- to: branch, document type, transaction id and sale day joined by U+001F
-- (the upload refuses that character in those fields, so the join is
-- unambiguous).  The sale day comes last so that the lines of one ticket
-- on every day form one range of the (company_id, txn_key) index: that is
-- how an upload finds a ticket it already has on another day.  The UNIQUE
-- key (company_id, txn_key, product_id, occurrence) is the line key above.
-- The rollups count distinct txn_key where version 2 counted distinct
-- transaction_id, so "transactions" now means distinct sales as well; the
-- triggers and views that read transaction_id are recreated with txn_key
-- (the rest of 0002 is unchanged and stays).
--
-- uploads gains status 'deleted' (who and when in deleted_by, deleted_at),
-- the counts rows_unchanged and rows_skipped, and the replaced range
-- (replace_from, replace_to); data_updates gains action ('upload' or
-- 'delete') so that a deletion records what it removed next to what the
-- upload added.
--
-- Tables are rebuilt the way SQLite documents for changes ALTER TABLE
-- cannot make (new table, copy, drop, rename): src/lib/db.c runs every
-- migration with foreign keys off and legacy_alter_table on, then checks
-- foreign keys before COMMIT.  Every line keeps its id, its values and its
-- occurrence (version 2 keys are unique, so they stay unique with more
-- columns).  The rollups are emptied here and recomputed by db.c before
-- the same COMMIT: a migration that leaves rows in agg_deferred asks for
-- that (see ayni_db_migrate).

-- 1. Everything that reads transaction_id as an identity goes first.
DROP TRIGGER raw_transactions_agg_insert;
DROP TRIGGER raw_transactions_agg_delete;
DROP TRIGGER raw_transactions_agg_update;
DROP TRIGGER raw_transactions_agg_defer_insert;
DROP TRIGGER raw_transactions_agg_defer_delete;
DROP TRIGGER agg_line_change_apply;
DROP VIEW agg_irregular_lines;
DROP VIEW agg_time_rollup;
DROP VIEW product_aggregations;
DROP VIEW customer_aggregations;
DROP VIEW category_aggregations;
DROP VIEW agg_expected_lines;
DROP VIEW agg_expected_time;
DROP VIEW agg_expected_product;
DROP VIEW agg_expected_customer;
DROP VIEW agg_expected_category;
DROP TABLE agg_line_change;
DROP TABLE agg_irregular;

-- 2. uploads: status 'deleted', its trace, and the new counts.
CREATE TABLE uploads_v3 (
	id		INTEGER PRIMARY KEY,
	company_id	INTEGER NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
	user_id		INTEGER REFERENCES users (id) ON DELETE SET NULL,
	filename	TEXT NOT NULL,
	file_size	INTEGER CHECK (file_size >= 0),
	file_sha256	TEXT,
	mode		TEXT NOT NULL DEFAULT 'upsert'
			    CHECK (mode IN ('upsert', 'replace')),
	status		TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending',
			    'processing', 'completed', 'failed', 'cancelled',
			    'deleted')),
	pid		INTEGER,	-- process doing the work, to spot a kill -9
	host		TEXT,
	dialect		TEXT,
	column_mappings	TEXT,
	original_rows	INTEGER NOT NULL DEFAULT 0 CHECK (original_rows >= 0),
	processed_rows	INTEGER NOT NULL DEFAULT 0 CHECK (processed_rows >= 0),
	updated_rows	INTEGER NOT NULL DEFAULT 0 CHECK (updated_rows >= 0),
	unchanged_rows	INTEGER NOT NULL DEFAULT 0 CHECK (unchanged_rows >= 0),
	deleted_rows	INTEGER NOT NULL DEFAULT 0 CHECK (deleted_rows >= 0),
	error_rows	INTEGER NOT NULL DEFAULT 0 CHECK (error_rows >= 0),
	skipped_rows	INTEGER NOT NULL DEFAULT 0 CHECK (skipped_rows >= 0),
	first_date	TEXT,
	last_date	TEXT,
	-- --mode replace: the days whose stored lines were deleted first
	replace_from	TEXT,
	replace_to	TEXT,
	error_message	TEXT,
	error_details	TEXT,
	created_at	TEXT NOT NULL,
	started_at	TEXT,
	completed_at	TEXT,
	-- 'ayni uploads delete': the lines went, the record stays
	deleted_at	TEXT,
	deleted_by	INTEGER REFERENCES users (id) ON DELETE SET NULL,
	removed_rows	INTEGER CHECK (removed_rows >= 0),	-- lines it took
	CHECK ((status = 'deleted') = (deleted_at IS NOT NULL))
);
INSERT INTO uploads_v3 (id, company_id, user_id, filename, file_size,
    file_sha256, mode, status, pid, host, dialect, column_mappings,
    original_rows, processed_rows, updated_rows, deleted_rows, error_rows,
    first_date, last_date, error_message, error_details, created_at,
    started_at, completed_at)
SELECT id, company_id, user_id, filename, file_size, file_sha256, mode,
    status, pid, host, dialect, column_mappings, original_rows,
    processed_rows, updated_rows, deleted_rows, error_rows, first_date,
    last_date, error_message, error_details, created_at, started_at,
    completed_at
FROM uploads;
DROP TABLE uploads;
ALTER TABLE uploads_v3 RENAME TO uploads;
CREATE INDEX uploads_company_status ON uploads (company_id, status);
CREATE INDEX uploads_created_at ON uploads (created_at);
-- One active upload per company, enforced by the database itself.
CREATE UNIQUE INDEX uploads_one_active ON uploads (company_id)
    WHERE status IN ('pending', 'processing');

-- 3. data_updates: what an upload added and what its deletion removed.
CREATE TABLE data_updates_v3 (
	id		INTEGER PRIMARY KEY,
	company_id	INTEGER NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
	upload_id	INTEGER NOT NULL REFERENCES uploads (id) ON DELETE CASCADE,
	user_id		INTEGER REFERENCES users (id) ON DELETE SET NULL,
	action		TEXT NOT NULL DEFAULT 'upload'
			    CHECK (action IN ('upload', 'delete')),
	period		TEXT NOT NULL,
	period_type	TEXT NOT NULL CHECK (period_type IN ('daily', 'weekly',
			    'monthly', 'quarterly', 'yearly')),
	rows_before	INTEGER NOT NULL DEFAULT 0 CHECK (rows_before >= 0),
	rows_after	INTEGER NOT NULL DEFAULT 0 CHECK (rows_after >= 0),
	rows_added	INTEGER NOT NULL DEFAULT 0 CHECK (rows_added >= 0),
	rows_updated	INTEGER NOT NULL DEFAULT 0 CHECK (rows_updated >= 0),
	rows_deleted	INTEGER NOT NULL DEFAULT 0 CHECK (rows_deleted >= 0),
	net_change	INTEGER GENERATED ALWAYS AS (rows_added - rows_deleted)
			    VIRTUAL,
	changes_summary	TEXT CHECK (changes_summary IS NULL
				OR json_valid(changes_summary)),
	timestamp	TEXT NOT NULL,
	UNIQUE (upload_id, action, period_type, period)
);
INSERT INTO data_updates_v3 (id, company_id, upload_id, user_id, period,
    period_type, rows_before, rows_after, rows_added, rows_updated,
    rows_deleted, changes_summary, timestamp)
SELECT id, company_id, upload_id, user_id, period, period_type,
    rows_before, rows_after, rows_added, rows_updated, rows_deleted,
    changes_summary, timestamp
FROM data_updates;
DROP TABLE data_updates;
ALTER TABLE data_updates_v3 RENAME TO data_updates;
CREATE INDEX data_updates_company ON data_updates (company_id, period_type);

-- 4. raw_transactions with the new key.
CREATE TABLE raw_transactions_v3 (
	id			INTEGER PRIMARY KEY,
	company_id		INTEGER NOT NULL
				    REFERENCES companies (id) ON DELETE CASCADE,
	upload_id		INTEGER NOT NULL
				    REFERENCES uploads (id) ON DELETE CASCADE,
	line_no			INTEGER NOT NULL CHECK (line_no > 0),
	transaction_date	TEXT NOT NULL CHECK (transaction_date GLOB
	    '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9] [0-2][0-9]:[0-5][0-9]:[0-5][0-9]'),
	branch			TEXT NOT NULL DEFAULT ''
				    CHECK (instr(branch, char(31)) = 0),
	doc_type		TEXT NOT NULL DEFAULT ''
				    CHECK (instr(doc_type, char(31)) = 0),
	transaction_id		TEXT NOT NULL CHECK (transaction_id <> ''
				    AND instr(transaction_id, char(31)) = 0),
	product_id		TEXT NOT NULL CHECK (product_id <> ''),
	occurrence		INTEGER NOT NULL DEFAULT 1 CHECK (occurrence >= 1),
	trans_type		TEXT,
	is_return		INTEGER NOT NULL DEFAULT 0 CHECK (is_return IN (0, 1)),
	customer_id		TEXT,
	description		TEXT,
	category		TEXT,
	unit_type		TEXT,
	quantity		INTEGER NOT NULL,	-- thousandths
	stock			INTEGER,		-- thousandths
	price_total		INTEGER NOT NULL,	-- cents, net line revenue
	cost_unit		INTEGER,
	cost_total		INTEGER,
	price_unit		INTEGER,
	discount_total		INTEGER,
	commission_total	INTEGER,
	margin			INTEGER,
	data			TEXT CHECK (data IS NULL OR json_valid(data)),
	processed_at		TEXT NOT NULL,
	-- If you change this expression, change txn_key() in upload.c's
	-- staging SQL too: the upsert matches on it.
	-- The line as the rollups count it: a return subtracts its revenue,
	-- units and cost whatever their sign in the file, and gives its
	-- margin back.  The one place this rule is written: triggers, views
	-- and aggregate.c read these columns.
	net_revenue		INTEGER GENERATED ALWAYS AS (CASE WHEN is_return
				    THEN -abs(price_total) ELSE price_total END)
				    VIRTUAL,
	net_units		INTEGER GENERATED ALWAYS AS (CASE WHEN is_return
				    THEN -abs(quantity) ELSE quantity END) VIRTUAL,
	net_cost		INTEGER GENERATED ALWAYS AS (CASE WHEN is_return
				    THEN -abs(cost_total) ELSE cost_total END)
				    VIRTUAL,
	net_margin		INTEGER GENERATED ALWAYS AS (CASE WHEN is_return
				    THEN -margin ELSE margin END) VIRTUAL,
	txn_key			TEXT GENERATED ALWAYS AS (branch || char(31) ||
				    doc_type || char(31) || transaction_id ||
				    char(31) || substr(transaction_date, 1, 10))
				    VIRTUAL,
	UNIQUE (company_id, txn_key, product_id, occurrence)
);
INSERT INTO raw_transactions_v3 (id, company_id, upload_id, line_no,
    transaction_date, transaction_id, product_id, occurrence, trans_type,
    is_return, customer_id, description, category, unit_type, quantity,
    stock, price_total, cost_unit, cost_total, price_unit, discount_total,
    commission_total, margin, data, processed_at)
SELECT id, company_id, upload_id, line_no, transaction_date,
    transaction_id, product_id, occurrence, trans_type, is_return,
    customer_id, description, category, unit_type, quantity, stock,
    price_total, cost_unit, cost_total, price_unit, discount_total,
    commission_total, margin, data, processed_at
FROM raw_transactions;
DROP TABLE raw_transactions;
ALTER TABLE raw_transactions_v3 RENAME TO raw_transactions;
CREATE INDEX raw_transactions_company_date
    ON raw_transactions (company_id, transaction_date);
CREATE INDEX raw_transactions_upload ON raw_transactions (upload_id);

-- 5. The rollup tables that named transaction_id.
-- Transactions whose lines span several days, or in which one product
-- has lines of different category or description (a superset).  With the
-- day in txn_key only the second kind remains; the first is kept for
-- lines written by hand with sqlite3 (an UPDATE of transaction_date
-- moves a line, and its transaction, to another day).
CREATE TABLE agg_irregular (
	company_id	INTEGER NOT NULL,
	txn_key		TEXT NOT NULL,
	PRIMARY KEY (company_id, txn_key)
) WITHOUT ROWID;

-- Always empty: a row inserted here is one line entering (sign 1) or
-- leaving (sign -1) the rollups, with its values already signed for
-- returns; xid is the raw row to leave out of "other lines" checks.
CREATE TABLE agg_line_change (
	sign		INTEGER NOT NULL,
	xid		INTEGER NOT NULL,
	company_id	INTEGER NOT NULL,
	day		TEXT NOT NULL,
	txn_key		TEXT NOT NULL,
	product_id	TEXT NOT NULL,
	category	TEXT NOT NULL,
	description	TEXT NOT NULL,
	customer_id	TEXT,
	is_return	INTEGER NOT NULL,
	revenue		INTEGER NOT NULL,
	units		INTEGER NOT NULL,
	cost		INTEGER,
	margin		INTEGER,
	discount	INTEGER
);

-- 6. Empty the rollups and ask for their recomputation: every company
-- with lines is deferred over all its days (db.c refreshes them before
-- COMMIT).  The deferral comes first so that emptying the day sets does
-- not run their per-row triggers.
INSERT INTO agg_deferred (company_id, from_day, to_day)
SELECT company_id, substr(min(transaction_date), 1, 10),
    substr(max(transaction_date), 1, 10)
FROM raw_transactions GROUP BY company_id
ON CONFLICT (company_id) DO UPDATE SET from_day = excluded.from_day,
    to_day = excluded.to_day;
DELETE FROM agg_product_day;
DELETE FROM agg_customer_day;
DELETE FROM agg_category_day;
DELETE FROM agg_period;
DELETE FROM agg_day;

-- 7. The triggers and views of 0002 that read transaction_id, now reading
-- txn_key, and reading a line's signed amounts from the net_* columns
-- instead of spelling out the return rule each time; otherwise as they
-- were.  Their comments are 0002's.

-- The raw lines of irregular transactions, which the distinct counts of
-- transactions subtract from (usually no rows).
CREATE VIEW agg_irregular_lines AS
SELECT r.company_id, r.txn_key,
    substr(r.transaction_date, 1, 10) AS day, r.product_id,
    coalesce(r.category, '') AS category,
    coalesce(r.description, '') AS description,
    nullif(r.customer_id, '') AS customer_id
FROM agg_irregular i CROSS JOIN raw_transactions r	-- CROSS: i first
    ON r.company_id = i.company_id AND r.txn_key = i.txn_key;

-- The bookkeeping for one line entering or leaving the rollups.  Order
-- matters: agg_day first (the set tables' triggers update its counts and
-- look up its periods), emptied set rows deleted before an emptied day.
CREATE TRIGGER agg_line_change_apply BEFORE INSERT ON agg_line_change
BEGIN
	INSERT INTO agg_day (company_id, day, lines, revenue, units, cost,
	    cost_lines, margin, margin_lines, revenue_c, margin_c,
	    costed_lines, discount, discount_lines, returns, trans)
	VALUES (NEW.company_id, NEW.day, NEW.sign, NEW.sign * NEW.revenue,
	    NEW.sign * NEW.units, NEW.sign * coalesce(NEW.cost, 0),
	    NEW.sign * (NEW.cost IS NOT NULL),
	    NEW.sign * coalesce(NEW.margin, 0),
	    NEW.sign * (NEW.margin IS NOT NULL),
	    CASE WHEN NEW.cost IS NOT NULL AND NEW.margin IS NOT NULL
		THEN NEW.sign * NEW.revenue ELSE 0 END,
	    CASE WHEN NEW.cost IS NOT NULL AND NEW.margin IS NOT NULL
		THEN NEW.sign * NEW.margin ELSE 0 END,
	    NEW.sign * (NEW.cost IS NOT NULL AND NEW.margin IS NOT NULL),
	    NEW.sign * coalesce(NEW.discount, 0),
	    NEW.sign * (NEW.discount IS NOT NULL),
	    NEW.sign * NEW.is_return,
	    NEW.sign * NOT EXISTS (SELECT 1 FROM raw_transactions r
		WHERE r.company_id = NEW.company_id
		AND r.txn_key = NEW.txn_key AND r.id <> NEW.xid
		AND substr(r.transaction_date, 1, 10) = NEW.day))
	ON CONFLICT DO UPDATE SET lines = lines + excluded.lines,
	    revenue = revenue + excluded.revenue,
	    units = units + excluded.units, cost = cost + excluded.cost,
	    cost_lines = cost_lines + excluded.cost_lines,
	    margin = margin + excluded.margin,
	    margin_lines = margin_lines + excluded.margin_lines,
	    revenue_c = revenue_c + excluded.revenue_c,
	    margin_c = margin_c + excluded.margin_c,
	    costed_lines = costed_lines + excluded.costed_lines,
	    discount = discount + excluded.discount,
	    discount_lines = discount_lines + excluded.discount_lines,
	    returns = returns + excluded.returns,
	    trans = trans + excluded.trans;

	INSERT INTO agg_product_day (company_id, day, product_id, category,
	    description, lines, revenue, units, margin, margin_lines,
	    revenue_c, margin_c, costed_lines, trans)
	VALUES (NEW.company_id, NEW.day, NEW.product_id, NEW.category,
	    NEW.description, NEW.sign, NEW.sign * NEW.revenue,
	    NEW.sign * NEW.units, NEW.sign * coalesce(NEW.margin, 0),
	    NEW.sign * (NEW.margin IS NOT NULL),
	    CASE WHEN NEW.cost IS NOT NULL AND NEW.margin IS NOT NULL
		THEN NEW.sign * NEW.revenue ELSE 0 END,
	    CASE WHEN NEW.cost IS NOT NULL AND NEW.margin IS NOT NULL
		THEN NEW.sign * NEW.margin ELSE 0 END,
	    NEW.sign * (NEW.cost IS NOT NULL AND NEW.margin IS NOT NULL),
	    NEW.sign * NOT EXISTS (SELECT 1 FROM raw_transactions r
		WHERE r.company_id = NEW.company_id
		AND r.txn_key = NEW.txn_key
		AND r.product_id = NEW.product_id AND r.id <> NEW.xid
		AND substr(r.transaction_date, 1, 10) = NEW.day
		AND coalesce(r.category, '') = NEW.category
		AND coalesce(r.description, '') = NEW.description))
	ON CONFLICT DO UPDATE SET lines = lines + excluded.lines,
	    revenue = revenue + excluded.revenue,
	    units = units + excluded.units,
	    margin = margin + excluded.margin,
	    margin_lines = margin_lines + excluded.margin_lines,
	    revenue_c = revenue_c + excluded.revenue_c,
	    margin_c = margin_c + excluded.margin_c,
	    costed_lines = costed_lines + excluded.costed_lines,
	    trans = trans + excluded.trans;
	DELETE FROM agg_product_day WHERE NEW.sign < 0 AND lines = 0
	    AND company_id = NEW.company_id AND day = NEW.day
	    AND product_id = NEW.product_id AND category = NEW.category
	    AND description = NEW.description;

	INSERT INTO agg_customer_day (company_id, day, customer_id, lines,
	    revenue, trans)
	SELECT NEW.company_id, NEW.day, NEW.customer_id, NEW.sign,
	    NEW.sign * NEW.revenue,
	    NEW.sign * NOT EXISTS (SELECT 1 FROM raw_transactions r
		WHERE r.company_id = NEW.company_id
		AND r.txn_key = NEW.txn_key AND r.id <> NEW.xid
		AND substr(r.transaction_date, 1, 10) = NEW.day
		AND r.customer_id = NEW.customer_id)
	WHERE NEW.customer_id IS NOT NULL
	ON CONFLICT DO UPDATE SET lines = lines + excluded.lines,
	    revenue = revenue + excluded.revenue,
	    trans = trans + excluded.trans;
	DELETE FROM agg_customer_day WHERE NEW.sign < 0 AND lines = 0
	    AND company_id = NEW.company_id AND day = NEW.day
	    AND customer_id = NEW.customer_id;

	INSERT INTO agg_category_day (company_id, day, category, lines, trans)
	VALUES (NEW.company_id, NEW.day, NEW.category, NEW.sign,
	    NEW.sign * NOT EXISTS (SELECT 1 FROM raw_transactions r
		WHERE r.company_id = NEW.company_id
		AND r.txn_key = NEW.txn_key AND r.id <> NEW.xid
		AND substr(r.transaction_date, 1, 10) = NEW.day
		AND coalesce(r.category, '') = NEW.category))
	ON CONFLICT DO UPDATE SET lines = lines + excluded.lines,
	    trans = trans + excluded.trans;
	DELETE FROM agg_category_day WHERE NEW.sign < 0 AND lines = 0
	    AND company_id = NEW.company_id AND day = NEW.day
	    AND category = NEW.category;

	DELETE FROM agg_day WHERE NEW.sign < 0 AND lines = 0
	    AND company_id = NEW.company_id AND day = NEW.day;

	INSERT OR IGNORE INTO agg_irregular (company_id, txn_key)
	SELECT NEW.company_id, NEW.txn_key
	WHERE NEW.sign > 0 AND EXISTS (SELECT 1 FROM raw_transactions r
	    WHERE r.company_id = NEW.company_id
	    AND r.txn_key = NEW.txn_key AND r.id <> NEW.xid
	    AND (substr(r.transaction_date, 1, 10) <> NEW.day
		OR (r.product_id = NEW.product_id
		    AND (coalesce(r.category, '') <> NEW.category
			OR coalesce(r.description, '') <> NEW.description))));

	SELECT RAISE(IGNORE);
END;

-- raw_transactions -> agg_line_change.  If you add a column that a rollup
-- reads, add it to the UPDATE trigger's WHEN list too.
CREATE TRIGGER raw_transactions_agg_insert AFTER INSERT ON raw_transactions
WHEN NOT EXISTS (SELECT 1 FROM agg_deferred
    WHERE company_id = NEW.company_id)
BEGIN
	INSERT INTO agg_line_change VALUES (1, NEW.id, NEW.company_id,
	    substr(NEW.transaction_date, 1, 10), NEW.txn_key,
	    NEW.product_id, coalesce(NEW.category, ''),
	    coalesce(NEW.description, ''), nullif(NEW.customer_id, ''),
	    NEW.is_return, NEW.net_revenue, NEW.net_units, NEW.net_cost,
	    NEW.net_margin,
	    NEW.discount_total);
END;

CREATE TRIGGER raw_transactions_agg_delete AFTER DELETE ON raw_transactions
WHEN NOT EXISTS (SELECT 1 FROM agg_deferred
    WHERE company_id = OLD.company_id)
BEGIN
	INSERT INTO agg_line_change VALUES (-1, OLD.id, OLD.company_id,
	    substr(OLD.transaction_date, 1, 10), OLD.txn_key,
	    OLD.product_id, coalesce(OLD.category, ''),
	    coalesce(OLD.description, ''), nullif(OLD.customer_id, ''),
	    OLD.is_return, OLD.net_revenue, OLD.net_units, OLD.net_cost,
	    OLD.net_margin,
	    OLD.discount_total);
END;

-- An update is the old line leaving and the new one entering; each half
-- leaves the (updated) row itself out of its "other lines" checks.
CREATE TRIGGER raw_transactions_agg_update AFTER UPDATE ON raw_transactions
WHEN OLD.company_id IS NOT NEW.company_id
    OR OLD.transaction_date IS NOT NEW.transaction_date
    OR OLD.txn_key IS NOT NEW.txn_key
    OR OLD.product_id IS NOT NEW.product_id
    OR OLD.is_return IS NOT NEW.is_return
    OR OLD.customer_id IS NOT NEW.customer_id
    OR OLD.description IS NOT NEW.description
    OR OLD.category IS NOT NEW.category
    OR OLD.quantity IS NOT NEW.quantity
    OR OLD.price_total IS NOT NEW.price_total
    OR OLD.cost_total IS NOT NEW.cost_total
    OR OLD.margin IS NOT NEW.margin
    OR OLD.discount_total IS NOT NEW.discount_total
BEGIN
	INSERT INTO agg_line_change SELECT -1, OLD.id, OLD.company_id,
	    substr(OLD.transaction_date, 1, 10), OLD.txn_key,
	    OLD.product_id, coalesce(OLD.category, ''),
	    coalesce(OLD.description, ''), nullif(OLD.customer_id, ''),
	    OLD.is_return, OLD.net_revenue, OLD.net_units, OLD.net_cost,
	    OLD.net_margin,
	    OLD.discount_total
	WHERE NOT EXISTS (SELECT 1 FROM agg_deferred
	    WHERE company_id = OLD.company_id);
	INSERT INTO agg_line_change SELECT 1, NEW.id, NEW.company_id,
	    substr(NEW.transaction_date, 1, 10), NEW.txn_key,
	    NEW.product_id, coalesce(NEW.category, ''),
	    coalesce(NEW.description, ''), nullif(NEW.customer_id, ''),
	    NEW.is_return, NEW.net_revenue, NEW.net_units, NEW.net_cost,
	    NEW.net_margin,
	    NEW.discount_total
	WHERE NOT EXISTS (SELECT 1 FROM agg_deferred
	    WHERE company_id = NEW.company_id);
	-- a deferred company only remembers which days to refresh
	UPDATE agg_deferred SET
	    from_day = min(coalesce(from_day, '9999-12-31'),
		substr(OLD.transaction_date, 1, 10)),
	    to_day = max(coalesce(to_day, '0000-01-01'),
		substr(OLD.transaction_date, 1, 10))
	WHERE company_id = OLD.company_id;
	UPDATE agg_deferred SET
	    from_day = min(coalesce(from_day, '9999-12-31'),
		substr(NEW.transaction_date, 1, 10)),
	    to_day = max(coalesce(to_day, '0000-01-01'),
		substr(NEW.transaction_date, 1, 10))
	WHERE company_id = NEW.company_id;
END;

-- Every time level at once; the five public time views below pick one
-- level.  g: sums of the days in the range; a period cut by the range
-- (not "whole") takes its distinct counts from the day sets.
CREATE VIEW agg_time_rollup AS
SELECT company_id, level, period, year, num, lo, hi, revenue, units,
    transactions, lines,
    CAST(round(1.0 * revenue / transactions) AS INTEGER) AS avg_ticket,
    nullif(customers, 0) AS customers, products, cost, margin, margin_pct,
    discount, returns
FROM (SELECT g.*,
	g.trans - (SELECT count(*) - count(DISTINCT x.txn_key)
	    FROM (SELECT DISTINCT y.txn_key, y.day
		FROM agg_irregular_lines y
		WHERE y.company_id = g.company_id
		AND y.day BETWEEN g.lo AND g.hi) AS x) AS transactions,
	CASE WHEN g.level = 'day' THEN g.day_products
	    WHEN g.whole THEN (SELECT a.products FROM agg_period a
		WHERE a.company_id = g.company_id AND a.period = g.period)
	    ELSE (SELECT count(DISTINCT x.product_id) FROM agg_product_day x
		WHERE x.company_id = g.company_id
		AND x.day BETWEEN g.lo AND g.hi) END AS products,
	CASE WHEN g.level = 'day' THEN g.day_customers
	    WHEN g.whole THEN (SELECT a.customers FROM agg_period a
		WHERE a.company_id = g.company_id AND a.period = g.period)
	    ELSE (SELECT count(DISTINCT x.customer_id)
		FROM agg_customer_day x
		WHERE x.company_id = g.company_id
		AND x.day BETWEEN g.lo AND g.hi) END AS customers
    FROM (SELECT company_id, level, period, year, num,
	    max(lo, '0000-01-01') AS lo, min(hi, '9999-12-31') AS hi,
	    lo >= '0000-01-01' AND hi <= '9999-12-31' AS whole,
	    sum(lines) AS lines, sum(revenue) AS revenue,
	    sum(units) AS units,
	    CASE WHEN sum(cost_lines) > 0 THEN sum(cost) END AS cost,
	    CASE WHEN sum(margin_lines) > 0 THEN sum(margin) END AS margin,
	    CASE WHEN sum(costed_lines) > 0
		THEN 100.0 * sum(margin_c) / sum(revenue_c) END AS margin_pct,
	    CASE WHEN sum(discount_lines) > 0
		THEN sum(discount) END AS discount,
	    sum(returns) AS returns, sum(trans) AS trans,
	    sum(products) AS day_products, sum(customers) AS day_customers
	FROM agg_day_period
	WHERE day BETWEEN '0000-01-01' AND '9999-12-31' AND company_id > 0
	GROUP BY company_id, level, period) AS g);

-- Products: description and category are those of the product's latest
-- day (ties: the greatest description, then category).  velocity = units
-- per selling day; abc by cumulative revenue share in revenue order
-- (A <= 80 %, B <= 95 %, C the rest); quadrant by the medians of
-- velocity and revenue over the company's products.
CREATE VIEW product_aggregations AS
WITH pd AS (
	SELECT * FROM agg_product_day
	WHERE day BETWEEN '0000-01-01' AND '9999-12-31' AND company_id > 0),
corr AS (
	SELECT company_id, product_id,
	    count(*) - count(DISTINCT txn_key) AS n
	FROM (SELECT DISTINCT company_id, product_id, txn_key, day,
		category, description
	    FROM agg_irregular_lines
	    WHERE day BETWEEN '0000-01-01' AND '9999-12-31'
		AND company_id > 0)
	GROUP BY company_id, product_id),
latest AS (
	-- bare columns come from the row holding the max()
	SELECT company_id, product_id, category, description,
	    max(day || x'1f' || description || x'1f' || category)
	FROM pd GROUP BY company_id, product_id),
p AS (
	SELECT company_id, product_id, sum(revenue) AS revenue,
	    sum(units) AS units, sum(trans) AS trans,
	    CASE WHEN sum(margin_lines) > 0 THEN sum(margin) END AS margin,
	    CASE WHEN sum(costed_lines) > 0
		THEN 100.0 * sum(margin_c) / sum(revenue_c) END AS margin_pct,
	    count(DISTINCT day) AS days, min(day) AS first_sale,
	    max(day) AS last_sale
	FROM pd GROUP BY company_id, product_id),
r AS (
	SELECT p.company_id, p.product_id,
	    nullif(l.description, '') AS description,
	    nullif(l.category, '') AS category, p.revenue, p.units,
	    p.trans - coalesce(c.n, 0) AS transactions, p.margin,
	    p.margin_pct, p.units / 1000.0 / p.days AS velocity,
	    p.first_sale, p.last_sale
	FROM p JOIN latest l USING (company_id, product_id)
	LEFT JOIN corr c USING (company_id, product_id)),
k AS (
	SELECT r.*,
	    sum(revenue) OVER (PARTITION BY company_id) AS total,
	    sum(revenue) OVER (PARTITION BY company_id
		ORDER BY revenue DESC, product_id ROWS UNBOUNDED PRECEDING)
		AS cum,
	    row_number() OVER (PARTITION BY company_id
		ORDER BY velocity, product_id) AS vrank,
	    row_number() OVER (PARTITION BY company_id
		ORDER BY revenue, product_id) AS rrank,
	    count(*) OVER (PARTITION BY company_id) AS n
	FROM r),
m AS (
	SELECT company_id,
	    avg(CASE WHEN vrank IN ((n + 1) / 2, (n + 2) / 2)
		THEN velocity END) AS med_velocity,
	    avg(CASE WHEN rrank IN ((n + 1) / 2, (n + 2) / 2)
		THEN revenue END) AS med_revenue
	FROM k GROUP BY company_id)
SELECT company_id, product_id, description, category, revenue, units,
    transactions, margin, margin_pct, velocity, first_sale, last_sale,
    CASE WHEN total <> 0 THEN 100.0 * revenue / total END AS share_pct,
    CASE WHEN cum * 100 <= total * 80 THEN 'A'
	WHEN cum * 100 <= total * 95 THEN 'B' ELSE 'C' END AS abc,
    CASE WHEN velocity > med_velocity THEN
	    CASE WHEN revenue > med_revenue THEN 'STAR' ELSE 'WORKHORSE' END
	WHEN revenue > med_revenue THEN 'CASH_COW'
	ELSE 'DEAD_STOCK' END AS quadrant
FROM k JOIN m USING (company_id);

-- Customers: lifetime value (revenue), frequency (transactions), recency
-- in days from the last purchase to the company's latest sale.
CREATE VIEW customer_aggregations AS
WITH corr AS (
	SELECT company_id, customer_id,
	    count(*) - count(DISTINCT txn_key) AS n
	FROM (SELECT DISTINCT company_id, customer_id, txn_key, day
	    FROM agg_irregular_lines
	    WHERE customer_id IS NOT NULL
		AND day BETWEEN '0000-01-01' AND '9999-12-31'
		AND company_id > 0)
	GROUP BY company_id, customer_id),
latest AS (
	SELECT company_id, max(day) AS day FROM agg_day
	WHERE day BETWEEN '0000-01-01' AND '9999-12-31' AND company_id > 0
	GROUP BY company_id),
c AS (
	SELECT company_id, customer_id, sum(revenue) AS revenue,
	    sum(trans) AS trans, min(day) AS first_purchase,
	    max(day) AS last_purchase, count(*) AS purchase_days
	FROM agg_customer_day
	WHERE day BETWEEN '0000-01-01' AND '9999-12-31' AND company_id > 0
	GROUP BY company_id, customer_id)
SELECT company_id, customer_id, revenue, transactions,
    CAST(round(1.0 * revenue / transactions) AS INTEGER) AS avg_order,
    first_purchase, last_purchase, recency_days, purchase_days
FROM (SELECT c.company_id, c.customer_id, c.revenue,
	c.trans - coalesce(corr.n, 0) AS transactions, c.first_purchase,
	c.last_purchase,
	CAST(julianday(latest.day) - julianday(c.last_purchase) AS INTEGER)
	    AS recency_days,
	c.purchase_days
    FROM c JOIN latest USING (company_id)
    LEFT JOIN corr USING (company_id, customer_id));

CREATE VIEW category_aggregations AS
WITH corr AS (
	SELECT company_id, category,
	    count(*) - count(DISTINCT txn_key) AS n
	FROM (SELECT DISTINCT company_id, category, txn_key, day
	    FROM agg_irregular_lines
	    WHERE day BETWEEN '0000-01-01' AND '9999-12-31'
		AND company_id > 0)
	GROUP BY company_id, category),
s AS (
	SELECT company_id, category, sum(revenue) AS revenue,
	    sum(units) AS units, count(DISTINCT product_id) AS products,
	    CASE WHEN sum(margin_lines) > 0 THEN sum(margin) END AS margin,
	    CASE WHEN sum(costed_lines) > 0
		THEN 100.0 * sum(margin_c) / sum(revenue_c) END AS margin_pct
	FROM agg_product_day
	WHERE day BETWEEN '0000-01-01' AND '9999-12-31' AND company_id > 0
	GROUP BY company_id, category),
t AS (
	SELECT company_id, category, sum(trans) AS trans
	FROM agg_category_day
	WHERE day BETWEEN '0000-01-01' AND '9999-12-31' AND company_id > 0
	GROUP BY company_id, category)
SELECT s.company_id, nullif(s.category, '') AS category, s.revenue,
    s.units, s.products, t.trans - coalesce(corr.n, 0) AS transactions,
    s.margin, s.margin_pct,
    CASE WHEN sum(s.revenue) OVER w <> 0
	THEN 100.0 * s.revenue / sum(s.revenue) OVER w END AS share_pct
FROM s JOIN t USING (company_id, category)
LEFT JOIN corr USING (company_id, category)
WINDOW w AS (PARTITION BY s.company_id);

-- Verification: the same relations computed straight from the raw lines,
-- without the base tables (slow, exact).  'ayni aggregate verify'
-- Verification: the same relations computed straight from the raw lines,
-- without the base tables (slow, exact).  'ayni aggregate verify'
-- compares the base tables with one recomputation from the raw lines
-- (equal base tables make equal views) and, only when they differ, each
-- public view with these to name the difference; anyone can, e.g.
--   SELECT * FROM monthly_aggregations EXCEPT
--   SELECT * FROM agg_expected_monthly;
CREATE VIEW agg_expected_lines AS
SELECT company_id, substr(transaction_date, 1, 10) AS day, txn_key,
    product_id, coalesce(category, '') AS category,
    coalesce(description, '') AS description,
    nullif(customer_id, '') AS customer_id, is_return,
    net_revenue AS revenue, net_units AS units,
    net_cost AS cost,
    net_margin AS margin,
    discount_total AS discount,
    cost_total IS NOT NULL AND margin IS NOT NULL AS costed,
    transaction_date
FROM raw_transactions;

CREATE VIEW agg_expected_time AS
WITH l AS (
	SELECT 'day' AS level, day AS period,
	    CAST(substr(day, 1, 4) AS INTEGER) AS year, NULL AS num,
	    day AS lo, *
	FROM agg_expected_lines
	UNION ALL
	SELECT 'week', strftime('%Y', date(day, '-3 days', 'weekday 4'))
		|| '-W' || printf('%02d',
		(strftime('%j', date(day, '-3 days', 'weekday 4')) - 1) / 7
		+ 1),
	    CAST(strftime('%Y', date(day, '-3 days', 'weekday 4'))
		AS INTEGER),
	    (strftime('%j', date(day, '-3 days', 'weekday 4')) - 1) / 7 + 1,
	    date(day, '-3 days', 'weekday 4', '-3 days'), *
	FROM agg_expected_lines
	UNION ALL
	SELECT 'month', substr(day, 1, 7), CAST(substr(day, 1, 4) AS INTEGER),
	    CAST(substr(day, 6, 2) AS INTEGER), substr(day, 1, 7) || '-01', *
	FROM agg_expected_lines
	UNION ALL
	SELECT 'quarter',
	    substr(day, 1, 4) || '-Q' || ((substr(day, 6, 2) + 2) / 3),
	    CAST(substr(day, 1, 4) AS INTEGER), (substr(day, 6, 2) + 2) / 3,
	    NULL, *
	FROM agg_expected_lines
	UNION ALL
	SELECT 'year', substr(day, 1, 4), CAST(substr(day, 1, 4) AS INTEGER),
	    NULL, NULL, *
	FROM agg_expected_lines)
SELECT company_id, level, period, year, num, lo, revenue, units,
    transactions, lines,
    CAST(round(1.0 * revenue / transactions) AS INTEGER) AS avg_ticket,
    customers, products, cost, margin, margin_pct, discount, returns
FROM (SELECT company_id, level, period, year, num, lo,
	sum(revenue) AS revenue, sum(units) AS units,
	count(DISTINCT txn_key) AS transactions, count(*) AS lines,
	nullif(count(DISTINCT customer_id), 0) AS customers,
	count(DISTINCT product_id) AS products, sum(cost) AS cost,
	sum(margin) AS margin,
	100.0 * sum(CASE WHEN costed THEN margin END)
	    / sum(CASE WHEN costed THEN revenue END) AS margin_pct,
	sum(discount) AS discount, sum(is_return) AS returns
    FROM l GROUP BY company_id, level, period);

CREATE VIEW agg_expected_product AS
WITH p AS (
	SELECT company_id, product_id, sum(revenue) AS revenue,
	    sum(units) AS units,
	    count(DISTINCT txn_key) AS transactions,
	    sum(margin) AS margin,
	    100.0 * sum(CASE WHEN costed THEN margin END)
		/ sum(CASE WHEN costed THEN revenue END) AS margin_pct,
	    count(DISTINCT day) AS days, min(day) AS first_sale,
	    max(day) AS last_sale
	FROM agg_expected_lines GROUP BY company_id, product_id),
latest AS (
	SELECT company_id, product_id, category, description,
	    max(day || x'1f' || description || x'1f' || category)
	FROM agg_expected_lines GROUP BY company_id, product_id),
r AS (
	SELECT p.company_id, p.product_id,
	    nullif(l.description, '') AS description,
	    nullif(l.category, '') AS category, p.revenue, p.units,
	    p.transactions, p.margin, p.margin_pct,
	    p.units / 1000.0 / p.days AS velocity, p.first_sale, p.last_sale
	FROM p JOIN latest l USING (company_id, product_id)),
k AS (
	SELECT r.*,
	    sum(revenue) OVER (PARTITION BY company_id) AS total,
	    sum(revenue) OVER (PARTITION BY company_id
		ORDER BY revenue DESC, product_id ROWS UNBOUNDED PRECEDING)
		AS cum,
	    row_number() OVER (PARTITION BY company_id
		ORDER BY velocity, product_id) AS vrank,
	    row_number() OVER (PARTITION BY company_id
		ORDER BY revenue, product_id) AS rrank,
	    count(*) OVER (PARTITION BY company_id) AS n
	FROM r),
m AS (
	SELECT company_id,
	    avg(CASE WHEN vrank IN ((n + 1) / 2, (n + 2) / 2)
		THEN velocity END) AS med_velocity,
	    avg(CASE WHEN rrank IN ((n + 1) / 2, (n + 2) / 2)
		THEN revenue END) AS med_revenue
	FROM k GROUP BY company_id)
SELECT company_id, product_id, description, category, revenue, units,
    transactions, margin, margin_pct, velocity, first_sale, last_sale,
    CASE WHEN total <> 0 THEN 100.0 * revenue / total END AS share_pct,
    CASE WHEN cum * 100 <= total * 80 THEN 'A'
	WHEN cum * 100 <= total * 95 THEN 'B' ELSE 'C' END AS abc,
    CASE WHEN velocity > med_velocity THEN
	    CASE WHEN revenue > med_revenue THEN 'STAR' ELSE 'WORKHORSE' END
	WHEN revenue > med_revenue THEN 'CASH_COW'
	ELSE 'DEAD_STOCK' END AS quadrant
FROM k JOIN m USING (company_id);

CREATE VIEW agg_expected_customer AS
WITH latest AS (
	SELECT company_id, max(day) AS day FROM agg_expected_lines
	GROUP BY company_id)
SELECT c.company_id, customer_id, revenue, transactions,
    CAST(round(1.0 * revenue / transactions) AS INTEGER) AS avg_order,
    first_purchase, last_purchase,
    CAST(julianday(latest.day) - julianday(last_purchase) AS INTEGER)
	AS recency_days,
    purchase_days
FROM (SELECT company_id, customer_id, sum(revenue) AS revenue,
	count(DISTINCT txn_key) AS transactions,
	min(day) AS first_purchase, max(day) AS last_purchase,
	count(DISTINCT day) AS purchase_days
    FROM agg_expected_lines WHERE customer_id IS NOT NULL
    GROUP BY company_id, customer_id) AS c
JOIN latest USING (company_id);

CREATE VIEW agg_expected_category AS
SELECT company_id, nullif(category, '') AS category, revenue, units,
    products, transactions, margin, margin_pct,
    CASE WHEN sum(revenue) OVER w <> 0
	THEN 100.0 * revenue / sum(revenue) OVER w END AS share_pct
FROM (SELECT company_id, category, sum(revenue) AS revenue,
	sum(units) AS units, count(DISTINCT product_id) AS products,
	count(DISTINCT txn_key) AS transactions,
	sum(margin) AS margin,
	100.0 * sum(CASE WHEN costed THEN margin END)
	    / sum(CASE WHEN costed THEN revenue END) AS margin_pct
    FROM agg_expected_lines GROUP BY company_id, category)
WINDOW w AS (PARTITION BY company_id);

-- While a company is deferred, a line only widens the days to refresh;
-- the row is written only when the day falls outside them.
CREATE TRIGGER raw_transactions_agg_defer_insert
AFTER INSERT ON raw_transactions
WHEN EXISTS (SELECT 1 FROM agg_deferred
    WHERE company_id = NEW.company_id)
BEGIN
	UPDATE agg_deferred SET
	    from_day = min(coalesce(from_day, '9999-12-31'),
		substr(NEW.transaction_date, 1, 10)),
	    to_day = max(coalesce(to_day, '0000-01-01'),
		substr(NEW.transaction_date, 1, 10))
	WHERE company_id = NEW.company_id AND (from_day IS NULL
	    OR substr(NEW.transaction_date, 1, 10)
		NOT BETWEEN from_day AND to_day);
END;

CREATE TRIGGER raw_transactions_agg_defer_delete
AFTER DELETE ON raw_transactions
WHEN EXISTS (SELECT 1 FROM agg_deferred
    WHERE company_id = OLD.company_id)
BEGIN
	UPDATE agg_deferred SET
	    from_day = min(coalesce(from_day, '9999-12-31'),
		substr(OLD.transaction_date, 1, 10)),
	    to_day = max(coalesce(to_day, '0000-01-01'),
		substr(OLD.transaction_date, 1, 10))
	WHERE company_id = OLD.company_id AND (from_day IS NULL
	    OR substr(OLD.transaction_date, 1, 10)
		NOT BETWEEN from_day AND to_day);
END;
