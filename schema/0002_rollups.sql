-- 0002_rollups.sql: the aggregation rollups (SPEC 6), kept exact by triggers.
--
-- The eight relations of the original platform (daily_, weekly_,
-- monthly_, quarterly_, yearly_, product_, customer_ and
-- category_aggregations) are VIEWS over a few small base tables that
-- triggers on raw_transactions keep equal to the raw lines after every
-- statement.  This file does not print, choose output columns or check
-- permissions: src/lib/aggregate.c does, and binds --from/--to (below).
--
-- Money is INTEGER cents and quantities INTEGER thousandths, as in
-- raw_transactions; a return line (is_return = 1) counts as -abs(value)
-- for revenue, units and cost whatever its sign, and as -margin for the
-- margin: the upload stores a return's margin as the margin of the sale
-- it undoes (negative when that sale lost money), so subtracting it gives
-- the loss back instead of adding to it.
-- discount is the plain sum of discount_total (SPEC 6 says nothing of
-- returns for it).  margin_pct is over "costed" lines: lines with both a
-- cost_total and a margin (the upload infers margin whenever a cost
-- exists): 100 * sum(margin) / sum(price_total) over those lines.
-- NULL and '' are the same "none" for category, description and customer.
--
-- Design.  Sums are additive, so one row per (company, day) is enough
-- and weeks, months, quarters and years are GROUP BYs over at most 366
-- day rows each.  Distinct counts are not additive; they stay exact thus:
--   * transactions: agg_day.trans is exact per day.  A transaction whose
--     lines fall on several days is "irregular" and listed in
--     agg_irregular (a superset: never shrunk by triggers, so stale rows
--     are harmless); coarser levels subtract, per period, the days a
--     transaction was counted more than once, computed from the raw lines
--     of irregular transactions only (usually none).  The same correction
--     serves product, customer and category levels, whose day tables also
--     count transactions per day (a transaction in which one product has
--     lines of different category/description is irregular too).
--   * products and customers: agg_product_day / agg_customer_day hold the
--     (day, key) sets; agg_day.products/customers and agg_period (one row
--     per company and week/month/quarter/year label) hold the distinct
--     counts, maintained by triggers on those set tables that fire only
--     when a key appears in or leaves a day (not once per line).
--   * "is this the first line of ... on that day?" is answered by the raw
--     table's own UNIQUE (company_id, transaction_id, product_id, ...)
--     index: a transaction's few lines, no extra set table.
-- Per raw line a trigger writes one change row into agg_line_change, whose
-- BEFORE INSERT trigger does the bookkeeping once for all four cases
-- (insert, delete, both halves of an update) and then RAISE(IGNORE)s the
-- row away: the change table stays empty.  An UPDATE that leaves every
-- rollup column as it was (re-uploading the same file) costs nothing.
--
-- Bulk path.  Per-line triggers cost about as much as the insert itself
-- (numbers below), so an upload may instead, inside its own transaction:
-- ayni_aggregate_defer(company) - a row in agg_deferred switches the
-- per-line bookkeeping off for that company and only widens the row's
-- [from_day, to_day] to every day touched - then load, then
-- ayni_aggregate_refresh(company) before COMMIT, which recomputes those
-- days and the periods around them and deletes the row: one read of the
-- days' raw lines in (company_id, transaction_date) order, each day
-- grouped in memory (aggregate.c), and one ordered scan of each day
-- set's (key, day) index for the periods' distinct counts.  A
-- leftover agg_deferred row means stale rollups; 'ayni aggregate verify'
-- reports it.  sqlite3 users never see it: without the row the triggers
-- do everything.
--
-- Ranges.  The views are written so that the C code can reuse their text:
-- it reads each view from sqlite_schema and binds '0000-01-01' -> ?1
-- (from), '9999-12-31' -> ?2 (to) and 'company_id = company_id' ->
-- 'company_id = ?3'.  Keep those three markers exactly where a range or a
-- company filter applies, and nowhere else.  A period cut by the range is
-- computed from the day tables (its distinct counts from the day sets).
--
-- Cost, measured with 'sh bench/rollups.sh 1000000' (1 company, 1,000,000
-- generated lines over 730 days, 800 products, 5,000 customers, 3 lines
-- a ticket; pessimistic: ~584,000 (day, product) rows; Debian 12,
-- SQLite 3.40.1, one core of two shared, wall time, best of two):
--   insert, rollup triggers dropped                 4.6-5.2 s
--   insert, per-line triggers                      39.2 s   (~34 us/line)
--   insert deferred + ayni_aggregate_refresh  4.9 + 6.9 s  (was + 11-17)
--   ayni_aggregate_rebuild of the company           7.0 s   (was 15-16)
--   month level, all 24 months / one month       6-14 ms / 0.8-1.2 ms
--   week, day, year level, all periods           7 / 10 / 6 ms
--   month level, range cutting two months       12-18 ms
--   product level all time / one month    1.7-1.9 s / 64 ms
--   customer / category level, all time      0.3 / 0.6-0.8 s
--   ayni_aggregate_verify (recomputes from raw)      3.1 s   (was 64-70)
--   size: raw_transactions + its indexes 155 MB; agg_product_day + index
--   64 MB, agg_customer_day + index 18 MB, the rest < 1 MB.
-- Of the refresh, reading and grouping the lines is ~1.8 s; the rest is
-- writing ~920,000 day-set rows (~1 s of it the day sets' AFTER INSERT
-- triggers, which only check agg_deferred and return).
-- So: periods answer in milliseconds whatever the size, because they read
-- at most one agg_day row per day; products, customers and categories
-- cost in proportion to the (day, key) rows in the range.  Uploads take
-- the deferred path (upload.c does); direct SQL pays ~34 us per line.

-- One row per company and sales day.  *_lines count the lines that had
-- the value, so that a sum over none is NULL, not 0.
CREATE TABLE agg_day (
	company_id	INTEGER NOT NULL,
	day		TEXT NOT NULL,
	lines		INTEGER NOT NULL,
	revenue		INTEGER NOT NULL,
	units		INTEGER NOT NULL,
	cost		INTEGER NOT NULL,
	cost_lines	INTEGER NOT NULL,
	margin		INTEGER NOT NULL,
	margin_lines	INTEGER NOT NULL,
	revenue_c	INTEGER NOT NULL,	-- revenue of costed lines
	margin_c	INTEGER NOT NULL,	-- margin of costed lines
	costed_lines	INTEGER NOT NULL,
	discount	INTEGER NOT NULL,
	discount_lines	INTEGER NOT NULL,
	returns		INTEGER NOT NULL,
	trans		INTEGER NOT NULL,	-- distinct transactions
	products	INTEGER NOT NULL DEFAULT 0,
	customers	INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (company_id, day)
) WITHOUT ROWID;

-- (day, product) set with the product's sums; category and description
-- are part of the key so that category rollups stay exact when a product
-- changes category.  trans: distinct transactions with such a line.
CREATE TABLE agg_product_day (
	company_id	INTEGER NOT NULL,
	day		TEXT NOT NULL,
	product_id	TEXT NOT NULL,
	category	TEXT NOT NULL,		-- '' for none
	description	TEXT NOT NULL,		-- '' for none
	lines		INTEGER NOT NULL,
	revenue		INTEGER NOT NULL,
	units		INTEGER NOT NULL,
	margin		INTEGER NOT NULL,
	margin_lines	INTEGER NOT NULL,
	revenue_c	INTEGER NOT NULL,
	margin_c	INTEGER NOT NULL,
	costed_lines	INTEGER NOT NULL,
	trans		INTEGER NOT NULL,
	PRIMARY KEY (company_id, day, product_id, category, description)
) WITHOUT ROWID;
CREATE INDEX agg_product_day_product
    ON agg_product_day (company_id, product_id, day);

CREATE TABLE agg_customer_day (
	company_id	INTEGER NOT NULL,
	day		TEXT NOT NULL,
	customer_id	TEXT NOT NULL,
	lines		INTEGER NOT NULL,
	revenue		INTEGER NOT NULL,
	trans		INTEGER NOT NULL,
	PRIMARY KEY (company_id, day, customer_id)
) WITHOUT ROWID;
CREATE INDEX agg_customer_day_customer
    ON agg_customer_day (company_id, customer_id, day);

-- Only what agg_product_day cannot give: distinct transactions per
-- category and day.
CREATE TABLE agg_category_day (
	company_id	INTEGER NOT NULL,
	day		TEXT NOT NULL,
	category	TEXT NOT NULL,		-- '' for none
	lines		INTEGER NOT NULL,
	trans		INTEGER NOT NULL,
	PRIMARY KEY (company_id, day, category)
) WITHOUT ROWID;

-- Distinct products and customers per week ('2025-W41'), month
-- ('2025-10'), quarter ('2025-Q4') and year ('2025').
CREATE TABLE agg_period (
	company_id	INTEGER NOT NULL,
	period		TEXT NOT NULL,
	products	INTEGER NOT NULL,
	customers	INTEGER NOT NULL,
	PRIMARY KEY (company_id, period)
) WITHOUT ROWID;

-- Transactions whose lines span several days, or in which one product
-- has lines of different category or description (a superset).
CREATE TABLE agg_irregular (
	company_id	INTEGER NOT NULL,
	transaction_id	TEXT NOT NULL,
	PRIMARY KEY (company_id, transaction_id)
) WITHOUT ROWID;

-- Companies whose bookkeeping is deferred to ayni_aggregate_refresh()
-- within the current transaction, and the days touched meanwhile.
CREATE TABLE agg_deferred (
	company_id	INTEGER PRIMARY KEY,
	from_day	TEXT,
	to_day		TEXT
);

-- Always empty: a row inserted here is one line entering (sign 1) or
-- leaving (sign -1) the rollups, with its values already signed for
-- returns; xid is the raw row to leave out of "other lines" checks.
CREATE TABLE agg_line_change (
	sign		INTEGER NOT NULL,
	xid		INTEGER NOT NULL,
	company_id	INTEGER NOT NULL,
	day		TEXT NOT NULL,
	transaction_id	TEXT NOT NULL,
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


-- Every period a sales day belongs to, with its label, number and first
-- and last day (lo, hi), next to the day's sums: the one place where
-- period labels are computed from the base tables.  The ISO week is the
-- week of its Thursday, date(day, '-3 days', 'weekday 4') (SQLite 3.40
-- has no %V/%G): ISO year = the Thursday's year, week = (day-of-year of
-- the Thursday - 1) / 7 + 1, so 2024-12-30 is 2025-W01 and 2021-01-03 is
-- 2020-W53.  agg_expected_line_period repeats these expressions over raw
-- lines; change both or neither.
CREATE VIEW agg_day_period AS
SELECT 'day' AS level, day AS period, CAST(substr(day, 1, 4) AS INTEGER)
	AS year, NULL AS num, day AS lo, day AS hi, *
FROM agg_day
UNION ALL
SELECT 'week', strftime('%Y', date(day, '-3 days', 'weekday 4')) || '-W' ||
	printf('%02d', (strftime('%j', date(day, '-3 days', 'weekday 4')) - 1)
	    / 7 + 1),
    CAST(strftime('%Y', date(day, '-3 days', 'weekday 4')) AS INTEGER),
    (strftime('%j', date(day, '-3 days', 'weekday 4')) - 1) / 7 + 1,
    date(day, '-3 days', 'weekday 4', '-3 days'),
    date(day, '-3 days', 'weekday 4', '+3 days'), *
FROM agg_day
UNION ALL
SELECT 'month', substr(day, 1, 7), CAST(substr(day, 1, 4) AS INTEGER),
    CAST(substr(day, 6, 2) AS INTEGER), substr(day, 1, 7) || '-01',
    substr(day, 1, 7) || '-31', *
FROM agg_day
UNION ALL
SELECT 'quarter', substr(day, 1, 4) || '-Q' || ((substr(day, 6, 2) + 2) / 3),
    CAST(substr(day, 1, 4) AS INTEGER), (substr(day, 6, 2) + 2) / 3,
    substr(day, 1, 5) || printf('%02d', (substr(day, 6, 2) + 2) / 3 * 3 - 2)
	|| '-01',
    substr(day, 1, 5) || printf('%02d', (substr(day, 6, 2) + 2) / 3 * 3)
	|| '-31', *
FROM agg_day
UNION ALL
SELECT 'year', substr(day, 1, 4), CAST(substr(day, 1, 4) AS INTEGER), NULL,
    substr(day, 1, 4) || '-01-01', substr(day, 1, 4) || '-12-31', *
FROM agg_day;

-- The raw lines of irregular transactions, which the distinct counts of
-- transactions subtract from (usually no rows).
CREATE VIEW agg_irregular_lines AS
SELECT r.company_id, r.transaction_id,
    substr(r.transaction_date, 1, 10) AS day, r.product_id,
    coalesce(r.category, '') AS category,
    coalesce(r.description, '') AS description,
    nullif(r.customer_id, '') AS customer_id
FROM agg_irregular i CROSS JOIN raw_transactions r	-- CROSS: i first
    ON r.company_id = i.company_id AND r.transaction_id = i.transaction_id;

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
		AND r.transaction_id = NEW.transaction_id AND r.id <> NEW.xid
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
		AND r.transaction_id = NEW.transaction_id
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
		AND r.transaction_id = NEW.transaction_id AND r.id <> NEW.xid
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
		AND r.transaction_id = NEW.transaction_id AND r.id <> NEW.xid
		AND substr(r.transaction_date, 1, 10) = NEW.day
		AND coalesce(r.category, '') = NEW.category))
	ON CONFLICT DO UPDATE SET lines = lines + excluded.lines,
	    trans = trans + excluded.trans;
	DELETE FROM agg_category_day WHERE NEW.sign < 0 AND lines = 0
	    AND company_id = NEW.company_id AND day = NEW.day
	    AND category = NEW.category;

	DELETE FROM agg_day WHERE NEW.sign < 0 AND lines = 0
	    AND company_id = NEW.company_id AND day = NEW.day;

	INSERT OR IGNORE INTO agg_irregular (company_id, transaction_id)
	SELECT NEW.company_id, NEW.transaction_id
	WHERE NEW.sign > 0 AND EXISTS (SELECT 1 FROM raw_transactions r
	    WHERE r.company_id = NEW.company_id
	    AND r.transaction_id = NEW.transaction_id AND r.id <> NEW.xid
	    AND (substr(r.transaction_date, 1, 10) <> NEW.day
		OR (r.product_id = NEW.product_id
		    AND (coalesce(r.category, '') <> NEW.category
			OR coalesce(r.description, '') <> NEW.description))));

	SELECT RAISE(IGNORE);
END;

-- A product entering or leaving a day's set: the distinct product counts
-- of that day (agg_day) and of its week, month, quarter and year
-- (agg_period), when no other row of the product is in the period.
-- Customers likewise.  Switched off while the company is deferred.
CREATE TRIGGER agg_product_day_insert AFTER INSERT ON agg_product_day
WHEN NOT EXISTS (SELECT 1 FROM agg_deferred
    WHERE company_id = NEW.company_id)
BEGIN
	UPDATE agg_day SET products = products + 1
	WHERE company_id = NEW.company_id AND day = NEW.day
	    AND NOT EXISTS (SELECT 1 FROM agg_product_day x
		WHERE x.company_id = NEW.company_id AND x.day = NEW.day
		AND x.product_id = NEW.product_id
		AND NOT (x.category = NEW.category
		    AND x.description = NEW.description));
	INSERT INTO agg_period (company_id, period, products, customers)
	SELECT NEW.company_id, p.period, 1, 0 FROM agg_day_period p
	WHERE p.company_id = NEW.company_id AND p.day = NEW.day
	    AND p.level <> 'day'
	    AND NOT EXISTS (SELECT 1 FROM agg_product_day x
		WHERE x.company_id = NEW.company_id
		AND x.product_id = NEW.product_id
		AND x.day BETWEEN p.lo AND p.hi
		AND NOT (x.day = NEW.day AND x.category = NEW.category
		    AND x.description = NEW.description))
	ON CONFLICT DO UPDATE SET products = products + 1;
END;

CREATE TRIGGER agg_product_day_delete AFTER DELETE ON agg_product_day
WHEN NOT EXISTS (SELECT 1 FROM agg_deferred
    WHERE company_id = OLD.company_id)
BEGIN
	UPDATE agg_day SET products = products - 1
	WHERE company_id = OLD.company_id AND day = OLD.day
	    AND NOT EXISTS (SELECT 1 FROM agg_product_day x
		WHERE x.company_id = OLD.company_id AND x.day = OLD.day
		AND x.product_id = OLD.product_id);
	UPDATE agg_period SET products = agg_period.products - 1
	FROM agg_day_period p
	WHERE p.company_id = OLD.company_id AND p.day = OLD.day
	    AND p.level <> 'day'
	    AND agg_period.company_id = OLD.company_id
	    AND agg_period.period = p.period
	    AND NOT EXISTS (SELECT 1 FROM agg_product_day x
		WHERE x.company_id = OLD.company_id
		AND x.product_id = OLD.product_id
		AND x.day BETWEEN p.lo AND p.hi);
	DELETE FROM agg_period WHERE company_id = OLD.company_id
	    AND products = 0 AND customers = 0
	    AND period IN (SELECT period FROM agg_day_period
		WHERE company_id = OLD.company_id AND day = OLD.day);
END;

CREATE TRIGGER agg_customer_day_insert AFTER INSERT ON agg_customer_day
WHEN NOT EXISTS (SELECT 1 FROM agg_deferred
    WHERE company_id = NEW.company_id)
BEGIN
	UPDATE agg_day SET customers = customers + 1
	WHERE company_id = NEW.company_id AND day = NEW.day;
	INSERT INTO agg_period (company_id, period, products, customers)
	SELECT NEW.company_id, p.period, 0, 1 FROM agg_day_period p
	WHERE p.company_id = NEW.company_id AND p.day = NEW.day
	    AND p.level <> 'day'
	    AND NOT EXISTS (SELECT 1 FROM agg_customer_day x
		WHERE x.company_id = NEW.company_id
		AND x.customer_id = NEW.customer_id
		AND x.day BETWEEN p.lo AND p.hi AND x.day <> NEW.day)
	ON CONFLICT DO UPDATE SET customers = customers + 1;
END;

CREATE TRIGGER agg_customer_day_delete AFTER DELETE ON agg_customer_day
WHEN NOT EXISTS (SELECT 1 FROM agg_deferred
    WHERE company_id = OLD.company_id)
BEGIN
	UPDATE agg_day SET customers = customers - 1
	WHERE company_id = OLD.company_id AND day = OLD.day;
	UPDATE agg_period SET customers = agg_period.customers - 1
	FROM agg_day_period p
	WHERE p.company_id = OLD.company_id AND p.day = OLD.day
	    AND p.level <> 'day'
	    AND agg_period.company_id = OLD.company_id
	    AND agg_period.period = p.period
	    AND NOT EXISTS (SELECT 1 FROM agg_customer_day x
		WHERE x.company_id = OLD.company_id
		AND x.customer_id = OLD.customer_id
		AND x.day BETWEEN p.lo AND p.hi);
	DELETE FROM agg_period WHERE company_id = OLD.company_id
	    AND products = 0 AND customers = 0
	    AND period IN (SELECT period FROM agg_day_period
		WHERE company_id = OLD.company_id AND day = OLD.day);
END;

-- raw_transactions -> agg_line_change.  If you add a column that a rollup
-- reads, add it to the UPDATE trigger's WHEN list too.
CREATE TRIGGER raw_transactions_agg_insert AFTER INSERT ON raw_transactions
WHEN NOT EXISTS (SELECT 1 FROM agg_deferred
    WHERE company_id = NEW.company_id)
BEGIN
	INSERT INTO agg_line_change VALUES (1, NEW.id, NEW.company_id,
	    substr(NEW.transaction_date, 1, 10), NEW.transaction_id,
	    NEW.product_id, coalesce(NEW.category, ''),
	    coalesce(NEW.description, ''), nullif(NEW.customer_id, ''),
	    NEW.is_return,
	    CASE WHEN NEW.is_return THEN -abs(NEW.price_total)
		ELSE NEW.price_total END,
	    CASE WHEN NEW.is_return THEN -abs(NEW.quantity)
		ELSE NEW.quantity END,
	    CASE WHEN NEW.is_return THEN -abs(NEW.cost_total)
		ELSE NEW.cost_total END,
	    CASE WHEN NEW.is_return THEN -NEW.margin
		ELSE NEW.margin END,
	    NEW.discount_total);
END;

CREATE TRIGGER raw_transactions_agg_delete AFTER DELETE ON raw_transactions
WHEN NOT EXISTS (SELECT 1 FROM agg_deferred
    WHERE company_id = OLD.company_id)
BEGIN
	INSERT INTO agg_line_change VALUES (-1, OLD.id, OLD.company_id,
	    substr(OLD.transaction_date, 1, 10), OLD.transaction_id,
	    OLD.product_id, coalesce(OLD.category, ''),
	    coalesce(OLD.description, ''), nullif(OLD.customer_id, ''),
	    OLD.is_return,
	    CASE WHEN OLD.is_return THEN -abs(OLD.price_total)
		ELSE OLD.price_total END,
	    CASE WHEN OLD.is_return THEN -abs(OLD.quantity)
		ELSE OLD.quantity END,
	    CASE WHEN OLD.is_return THEN -abs(OLD.cost_total)
		ELSE OLD.cost_total END,
	    CASE WHEN OLD.is_return THEN -OLD.margin
		ELSE OLD.margin END,
	    OLD.discount_total);
END;

-- An update is the old line leaving and the new one entering; each half
-- leaves the (updated) row itself out of its "other lines" checks.
CREATE TRIGGER raw_transactions_agg_update AFTER UPDATE ON raw_transactions
WHEN OLD.company_id IS NOT NEW.company_id
    OR OLD.transaction_date IS NOT NEW.transaction_date
    OR OLD.transaction_id IS NOT NEW.transaction_id
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
	    substr(OLD.transaction_date, 1, 10), OLD.transaction_id,
	    OLD.product_id, coalesce(OLD.category, ''),
	    coalesce(OLD.description, ''), nullif(OLD.customer_id, ''),
	    OLD.is_return,
	    CASE WHEN OLD.is_return THEN -abs(OLD.price_total)
		ELSE OLD.price_total END,
	    CASE WHEN OLD.is_return THEN -abs(OLD.quantity)
		ELSE OLD.quantity END,
	    CASE WHEN OLD.is_return THEN -abs(OLD.cost_total)
		ELSE OLD.cost_total END,
	    CASE WHEN OLD.is_return THEN -OLD.margin
		ELSE OLD.margin END,
	    OLD.discount_total
	WHERE NOT EXISTS (SELECT 1 FROM agg_deferred
	    WHERE company_id = OLD.company_id);
	INSERT INTO agg_line_change SELECT 1, NEW.id, NEW.company_id,
	    substr(NEW.transaction_date, 1, 10), NEW.transaction_id,
	    NEW.product_id, coalesce(NEW.category, ''),
	    coalesce(NEW.description, ''), nullif(NEW.customer_id, ''),
	    NEW.is_return,
	    CASE WHEN NEW.is_return THEN -abs(NEW.price_total)
		ELSE NEW.price_total END,
	    CASE WHEN NEW.is_return THEN -abs(NEW.quantity)
		ELSE NEW.quantity END,
	    CASE WHEN NEW.is_return THEN -abs(NEW.cost_total)
		ELSE NEW.cost_total END,
	    CASE WHEN NEW.is_return THEN -NEW.margin
		ELSE NEW.margin END,
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
	g.trans - (SELECT count(*) - count(DISTINCT x.transaction_id)
	    FROM (SELECT DISTINCT y.transaction_id, y.day
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

-- The public time levels.  Money in integer cents, units in thousandths,
-- as in raw_transactions.  One row per company and period with data.
CREATE VIEW daily_aggregations AS
SELECT company_id, period, period AS date, revenue, units, transactions,
    lines, avg_ticket, customers, products, cost, margin, margin_pct,
    discount, returns
FROM agg_time_rollup WHERE level = 'day';

CREATE VIEW weekly_aggregations AS
SELECT company_id, period, year, num AS week_number, lo AS week_start,
    revenue, units, transactions, lines, avg_ticket, customers, products,
    cost, margin, margin_pct, discount, returns
FROM agg_time_rollup WHERE level = 'week';

CREATE VIEW monthly_aggregations AS
SELECT company_id, period, year, num AS month, revenue, units,
    transactions, lines, avg_ticket, customers, products, cost, margin,
    margin_pct, discount, returns
FROM agg_time_rollup WHERE level = 'month';

CREATE VIEW quarterly_aggregations AS
SELECT company_id, period, year, num AS quarter, revenue, units,
    transactions, lines, avg_ticket, customers, products, cost, margin,
    margin_pct, discount, returns
FROM agg_time_rollup WHERE level = 'quarter';

CREATE VIEW yearly_aggregations AS
SELECT company_id, period, year, revenue, units, transactions, lines,
    avg_ticket, customers, products, cost, margin, margin_pct, discount,
    returns
FROM agg_time_rollup WHERE level = 'year';

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
	    count(*) - count(DISTINCT transaction_id) AS n
	FROM (SELECT DISTINCT company_id, product_id, transaction_id, day,
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
	    count(*) - count(DISTINCT transaction_id) AS n
	FROM (SELECT DISTINCT company_id, customer_id, transaction_id, day
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
	    count(*) - count(DISTINCT transaction_id) AS n
	FROM (SELECT DISTINCT company_id, category, transaction_id, day
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
-- compares the base tables with one recomputation from the raw lines
-- (equal base tables make equal views) and, only when they differ, each
-- public view with these to name the difference; anyone can, e.g.
--   SELECT * FROM monthly_aggregations EXCEPT
--   SELECT * FROM agg_expected_monthly;
CREATE VIEW agg_expected_lines AS
SELECT company_id, substr(transaction_date, 1, 10) AS day, transaction_id,
    product_id, coalesce(category, '') AS category,
    coalesce(description, '') AS description,
    nullif(customer_id, '') AS customer_id, is_return,
    CASE WHEN is_return THEN -abs(price_total) ELSE price_total END
	AS revenue,
    CASE WHEN is_return THEN -abs(quantity) ELSE quantity END AS units,
    CASE WHEN is_return THEN -abs(cost_total) ELSE cost_total END AS cost,
    CASE WHEN is_return THEN -margin ELSE margin END AS margin,
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
	count(DISTINCT transaction_id) AS transactions, count(*) AS lines,
	nullif(count(DISTINCT customer_id), 0) AS customers,
	count(DISTINCT product_id) AS products, sum(cost) AS cost,
	sum(margin) AS margin,
	100.0 * sum(CASE WHEN costed THEN margin END)
	    / sum(CASE WHEN costed THEN revenue END) AS margin_pct,
	sum(discount) AS discount, sum(is_return) AS returns
    FROM l GROUP BY company_id, level, period);

CREATE VIEW agg_expected_daily AS
SELECT company_id, period, period AS date, revenue, units, transactions,
    lines, avg_ticket, customers, products, cost, margin, margin_pct,
    discount, returns
FROM agg_expected_time WHERE level = 'day';

CREATE VIEW agg_expected_weekly AS
SELECT company_id, period, year, num AS week_number, lo AS week_start,
    revenue, units, transactions, lines, avg_ticket, customers, products,
    cost, margin, margin_pct, discount, returns
FROM agg_expected_time WHERE level = 'week';

CREATE VIEW agg_expected_monthly AS
SELECT company_id, period, year, num AS month, revenue, units,
    transactions, lines, avg_ticket, customers, products, cost, margin,
    margin_pct, discount, returns
FROM agg_expected_time WHERE level = 'month';

CREATE VIEW agg_expected_quarterly AS
SELECT company_id, period, year, num AS quarter, revenue, units,
    transactions, lines, avg_ticket, customers, products, cost, margin,
    margin_pct, discount, returns
FROM agg_expected_time WHERE level = 'quarter';

CREATE VIEW agg_expected_yearly AS
SELECT company_id, period, year, revenue, units, transactions, lines,
    avg_ticket, customers, products, cost, margin, margin_pct, discount,
    returns
FROM agg_expected_time WHERE level = 'year';

CREATE VIEW agg_expected_product AS
WITH p AS (
	SELECT company_id, product_id, sum(revenue) AS revenue,
	    sum(units) AS units,
	    count(DISTINCT transaction_id) AS transactions,
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
	count(DISTINCT transaction_id) AS transactions,
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
	count(DISTINCT transaction_id) AS transactions,
	sum(margin) AS margin,
	100.0 * sum(CASE WHEN costed THEN margin END)
	    / sum(CASE WHEN costed THEN revenue END) AS margin_pct
    FROM agg_expected_lines GROUP BY company_id, category)
WINDOW w AS (PARTITION BY company_id);
