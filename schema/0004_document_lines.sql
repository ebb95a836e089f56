-- 0004_document_lines.sql: a sales line may have no product.
--
-- Why.  Some files hold one row per tax document, not per product sold:
-- the SII sales register (Registro de Compras y Ventas) that an
-- accountant downloads for each client every month is the main one.
-- Such a row is a line with no product and no quantity.  Periods,
-- transactions, customers, returns and benchmarks count it; the product
-- and category rollups leave it out, and the reports say that a company
-- whose lines have no products has no products (docs/contract.md §5
-- "Document-level files").
--
-- How.  raw_transactions is rebuilt (new table, copy, drop, rename, as in
-- 0003; db.c runs this with foreign keys off and legacy_alter_table on):
--   - product_id and quantity may be NULL, together and only together;
--     '' is still refused, so NULL is the one spelling of "no product";
--   - the line key becomes (company_id, txn_key, product_key, occurrence)
--     where the virtual column product_key is product_id, or '' for a
--     line without one.  A UNIQUE key over product_id itself would hold
--     any number of NULLs (SQL's NULLs are distinct): re-uploading a
--     document-level file would then double it instead of matching it.
-- Every line keeps its id and values.  The views that read
-- raw_transactions keep working across the rename (legacy_alter_table
-- leaves their text alone); its triggers go with the old table and are
-- created again below, and agg_line_change is rebuilt because its
-- product_id may now be NULL.  No existing line lacks a product, so the
-- rollups stay exactly as they are: nothing to recompute.

DROP TRIGGER agg_line_change_apply;
DROP TABLE agg_line_change;

CREATE TABLE raw_transactions_v4 (
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
	product_id		TEXT CHECK (product_id <> ''),
	occurrence		INTEGER NOT NULL DEFAULT 1 CHECK (occurrence >= 1),
	trans_type		TEXT,
	is_return		INTEGER NOT NULL DEFAULT 0 CHECK (is_return IN (0, 1)),
	customer_id		TEXT,
	description		TEXT,
	category		TEXT,
	unit_type		TEXT,
	quantity		INTEGER,		-- thousandths
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
	-- The line as the rollups count it: a return subtracts its revenue,
	-- units and cost whatever their sign in the file, and gives its
	-- margin back.  The one place this rule is written: triggers, views
	-- and the C rollup code read these columns.
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
	-- If you change txn_key or product_key, change the upload's staging
	-- SQL too: its upsert matches on them.
	txn_key			TEXT GENERATED ALWAYS AS (branch || char(31) ||
				    doc_type || char(31) || transaction_id ||
				    char(31) || substr(transaction_date, 1, 10))
				    VIRTUAL,
	product_key		TEXT GENERATED ALWAYS AS (ifnull(product_id, ''))
				    VIRTUAL,
	CHECK ((product_id IS NULL) = (quantity IS NULL)),
	UNIQUE (company_id, txn_key, product_key, occurrence)
);
INSERT INTO raw_transactions_v4 (id, company_id, upload_id, line_no,
    transaction_date, branch, doc_type, transaction_id, product_id,
    occurrence, trans_type, is_return, customer_id, description, category,
    unit_type, quantity, stock, price_total, cost_unit, cost_total,
    price_unit, discount_total, commission_total, margin, data,
    processed_at)
SELECT id, company_id, upload_id, line_no, transaction_date, branch,
    doc_type, transaction_id, product_id, occurrence, trans_type,
    is_return, customer_id, description, category, unit_type, quantity,
    stock, price_total, cost_unit, cost_total, price_unit, discount_total,
    commission_total, margin, data, processed_at
FROM raw_transactions;
DROP TABLE raw_transactions;
ALTER TABLE raw_transactions_v4 RENAME TO raw_transactions;
CREATE INDEX raw_transactions_company_date
    ON raw_transactions (company_id, transaction_date);
CREATE INDEX raw_transactions_upload ON raw_transactions (upload_id);

-- As in 0003, with product_id NULL for a line without a product.
CREATE TABLE agg_line_change (
	sign		INTEGER NOT NULL,
	xid		INTEGER NOT NULL,
	company_id	INTEGER NOT NULL,
	day		TEXT NOT NULL,
	txn_key		TEXT NOT NULL,
	product_id	TEXT,
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

-- The triggers of 0003, changed only so that a line without a product
-- (product_id and quantity NULL) counts in agg_day and agg_customer_day
-- with 0 units, and not in agg_product_day or agg_category_day.

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
	SELECT NEW.company_id, NEW.day, NEW.product_id, NEW.category,
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
		AND coalesce(r.description, '') = NEW.description)
	WHERE NEW.product_id IS NOT NULL
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
	SELECT NEW.company_id, NEW.day, NEW.category, NEW.sign,
	    NEW.sign * NOT EXISTS (SELECT 1 FROM raw_transactions r
		WHERE r.company_id = NEW.company_id
		AND r.txn_key = NEW.txn_key AND r.id <> NEW.xid
		AND substr(r.transaction_date, 1, 10) = NEW.day
		AND r.product_id IS NOT NULL
		AND coalesce(r.category, '') = NEW.category)
	WHERE NEW.product_id IS NOT NULL
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
	    NEW.is_return, NEW.net_revenue, coalesce(NEW.net_units, 0),
	    NEW.net_cost,
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
	    OLD.is_return, OLD.net_revenue, coalesce(OLD.net_units, 0),
	    OLD.net_cost,
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
	    OLD.is_return, OLD.net_revenue, coalesce(OLD.net_units, 0),
	    OLD.net_cost,
	    OLD.net_margin,
	    OLD.discount_total
	WHERE NOT EXISTS (SELECT 1 FROM agg_deferred
	    WHERE company_id = OLD.company_id);
	INSERT INTO agg_line_change SELECT 1, NEW.id, NEW.company_id,
	    substr(NEW.transaction_date, 1, 10), NEW.txn_key,
	    NEW.product_id, coalesce(NEW.category, ''),
	    coalesce(NEW.description, ''), nullif(NEW.customer_id, ''),
	    NEW.is_return, NEW.net_revenue, coalesce(NEW.net_units, 0),
	    NEW.net_cost,
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

-- The views that must tell a line without a product apart, as 0003 made
-- them but for that.  A period whose lines have no product has no units:
-- NULL, not a sum of nothing (src/lib/aggregate.c has the scoped twin of
-- agg_time_rollup); and it has no agg_period row when its lines have no
-- customer either (the triggers write none, nor does the refresh engine),
-- so a whole period's distinct counts are 0 when the row is missing.  The
-- expected product and category rows, which 'aggregate verify' compares
-- the public views with, leave such lines out as the rollups do.
DROP VIEW agg_time_rollup;
DROP VIEW agg_expected_product;
DROP VIEW agg_expected_category;

CREATE VIEW agg_time_rollup AS
SELECT company_id, level, period, year, num, lo, hi, revenue,
    CASE WHEN products > 0 THEN units END AS units, transactions, lines,
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
	    WHEN g.whole THEN coalesce((SELECT a.products FROM agg_period a
		WHERE a.company_id = g.company_id AND a.period = g.period), 0)
	    ELSE (SELECT count(DISTINCT x.product_id) FROM agg_product_day x
		WHERE x.company_id = g.company_id
		AND x.day BETWEEN g.lo AND g.hi) END AS products,
	CASE WHEN g.level = 'day' THEN g.day_customers
	    WHEN g.whole THEN coalesce((SELECT a.customers FROM agg_period a
		WHERE a.company_id = g.company_id AND a.period = g.period), 0)
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
	FROM agg_expected_lines WHERE product_id IS NOT NULL
	GROUP BY company_id, product_id),
latest AS (
	SELECT company_id, product_id, category, description,
	    max(day || x'1f' || description || x'1f' || category)
	FROM agg_expected_lines WHERE product_id IS NOT NULL
	GROUP BY company_id, product_id),
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
    FROM agg_expected_lines WHERE product_id IS NOT NULL
    GROUP BY company_id, category)
WINDOW w AS (PARTITION BY company_id);
