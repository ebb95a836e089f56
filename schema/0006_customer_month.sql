-- 0006_customer_month.sql: each customer's sums per month, so that the
-- customer level reads one row per customer and month instead of one per
-- customer and day.
--
-- Why.  'ayni aggregate --level customer' grouped every agg_customer_day
-- row of the range by customer: 181,000 rows at a million sample lines,
-- 650,000 at four million, through a temp B-tree (issue 14: 0.21 s and
-- 0.65 s; the goals are 100 and 200 ms).  Per month there are about half
-- as many rows, fewer the longer the history.
--
-- What.  agg_customer_month holds, per company, customer and month
-- ('2025-10'), the sums of that customer's agg_customer_day rows of the
-- month: lines, revenue, transactions, the days with a purchase and the
-- first and last of them.  The transactions add up exactly: a
-- transaction's key holds its day (txn_key, schema/0003_line_identity.sql),
-- so each transaction of a customer is counted on one day only.  The key
-- is (company_id, customer_id, month), the order in which the customer
-- level groups, so all time needs no sort to group.  A row exists while
-- the customer has a day in the month.  The customer level reads whole
-- months of a range here and the days of a month the range cuts from
-- agg_customer_day (src/lib/aggregate.c, the view below).
--
-- How it stays exact.  It is kept from agg_customer_day, not from the
-- lines: outside an upload the triggers below follow every change of a
-- day row (the per-line triggers of 0004 write those); a deferred company
-- (agg_deferred) is left to ayni_aggregate_refresh(), which recomputes
-- the months of the days it refreshes from the day rows it has just
-- written (src/lib/refresh.c), as a rebuild does.  'ayni aggregate
-- verify' checks it against the day rows once those equal the raw
-- lines, else against the raw lines (src/lib/verify.c).
CREATE TABLE agg_customer_month (
	company_id	INTEGER NOT NULL,
	customer_id	TEXT NOT NULL,
	month		TEXT NOT NULL,
	lines		INTEGER NOT NULL,
	revenue		INTEGER NOT NULL,
	trans		INTEGER NOT NULL,
	days		INTEGER NOT NULL,	-- days with a purchase
	first_day	TEXT NOT NULL,
	last_day	TEXT NOT NULL,
	PRIMARY KEY (company_id, customer_id, month)
) WITHOUT ROWID;

INSERT INTO agg_customer_month (company_id, customer_id, month, lines,
    revenue, trans, days, first_day, last_day)
SELECT company_id, customer_id, substr(day, 1, 7), sum(lines),
    sum(revenue), sum(trans), count(*), min(day), max(day)
FROM agg_customer_day GROUP BY company_id, customer_id, substr(day, 1, 7);

-- A day row appears: its month gains a day.
CREATE TRIGGER agg_customer_month_insert AFTER INSERT ON agg_customer_day
WHEN NOT EXISTS (SELECT 1 FROM agg_deferred
    WHERE company_id = NEW.company_id)
BEGIN
	INSERT INTO agg_customer_month (company_id, customer_id, month,
	    lines, revenue, trans, days, first_day, last_day)
	VALUES (NEW.company_id, NEW.customer_id, substr(NEW.day, 1, 7),
	    NEW.lines, NEW.revenue, NEW.trans, 1, NEW.day, NEW.day)
	ON CONFLICT DO UPDATE SET lines = lines + excluded.lines,
	    revenue = revenue + excluded.revenue,
	    trans = trans + excluded.trans, days = days + 1,
	    first_day = min(first_day, excluded.first_day),
	    last_day = max(last_day, excluded.last_day);
END;

-- A day row's sums change (a line comes or goes): the month's by as much.
CREATE TRIGGER agg_customer_month_update AFTER UPDATE ON agg_customer_day
WHEN OLD.company_id = NEW.company_id AND OLD.day = NEW.day
    AND OLD.customer_id = NEW.customer_id
    AND NOT EXISTS (SELECT 1 FROM agg_deferred
	WHERE company_id = NEW.company_id)
BEGIN
	UPDATE agg_customer_month SET lines = lines + NEW.lines - OLD.lines,
	    revenue = revenue + NEW.revenue - OLD.revenue,
	    trans = trans + NEW.trans - OLD.trans
	WHERE company_id = NEW.company_id AND customer_id = NEW.customer_id
	    AND month = substr(NEW.day, 1, 7);
END;

-- A day row goes, or (by hand) changes its key: the months concerned are
-- summed again from their day rows, at most 31 each by the (company_id,
-- customer_id, day) index.
CREATE TRIGGER agg_customer_month_delete AFTER DELETE ON agg_customer_day
WHEN NOT EXISTS (SELECT 1 FROM agg_deferred
    WHERE company_id = OLD.company_id)
BEGIN
	DELETE FROM agg_customer_month WHERE company_id = OLD.company_id
	    AND customer_id = OLD.customer_id
	    AND month = substr(OLD.day, 1, 7);
	INSERT INTO agg_customer_month (company_id, customer_id, month,
	    lines, revenue, trans, days, first_day, last_day)
	SELECT company_id, customer_id, substr(day, 1, 7), sum(lines),
	    sum(revenue), sum(trans), count(*), min(day), max(day)
	FROM agg_customer_day WHERE company_id = OLD.company_id
	    AND customer_id = OLD.customer_id
	    AND day BETWEEN substr(OLD.day, 1, 7) || '-01'
		AND substr(OLD.day, 1, 7) || '-31'
	GROUP BY company_id, customer_id;
END;

CREATE TRIGGER agg_customer_month_rekey AFTER UPDATE ON agg_customer_day
WHEN NOT (OLD.company_id = NEW.company_id AND OLD.day = NEW.day
    AND OLD.customer_id = NEW.customer_id)
BEGIN
	DELETE FROM agg_customer_month WHERE NOT EXISTS (SELECT 1
	    FROM agg_deferred WHERE company_id = OLD.company_id)
	    AND company_id = OLD.company_id
	    AND customer_id = OLD.customer_id
	    AND month = substr(OLD.day, 1, 7);
	INSERT INTO agg_customer_month (company_id, customer_id, month,
	    lines, revenue, trans, days, first_day, last_day)
	SELECT company_id, customer_id, substr(day, 1, 7), sum(lines),
	    sum(revenue), sum(trans), count(*), min(day), max(day)
	FROM agg_customer_day WHERE NOT EXISTS (SELECT 1
	    FROM agg_deferred WHERE company_id = OLD.company_id)
	    AND company_id = OLD.company_id
	    AND customer_id = OLD.customer_id
	    AND day BETWEEN substr(OLD.day, 1, 7) || '-01'
		AND substr(OLD.day, 1, 7) || '-31'
	GROUP BY company_id, customer_id;
	DELETE FROM agg_customer_month WHERE NOT EXISTS (SELECT 1
	    FROM agg_deferred WHERE company_id = NEW.company_id)
	    AND company_id = NEW.company_id
	    AND customer_id = NEW.customer_id
	    AND month = substr(NEW.day, 1, 7);
	INSERT INTO agg_customer_month (company_id, customer_id, month,
	    lines, revenue, trans, days, first_day, last_day)
	SELECT company_id, customer_id, substr(day, 1, 7), sum(lines),
	    sum(revenue), sum(trans), count(*), min(day), max(day)
	FROM agg_customer_day WHERE NOT EXISTS (SELECT 1
	    FROM agg_deferred WHERE company_id = NEW.company_id)
	    AND company_id = NEW.company_id
	    AND customer_id = NEW.customer_id
	    AND day BETWEEN substr(NEW.day, 1, 7) || '-01'
		AND substr(NEW.day, 1, 7) || '-31'
	GROUP BY company_id, customer_id;
END;

-- Customers: lifetime value (revenue), frequency (transactions), recency
-- in days from the last purchase to the company's latest sale, as in
-- 0003, now summed from the months the range holds whole and the days of
-- the (at most two) months it cuts: the month of its first day unless
-- that month is whole, and the month of its last day unless whole or the
-- same.  A month counts as whole when its first day and its 31st are in
-- the range (a shorter month ending on the range's last day is read from
-- its days: the same numbers).
DROP VIEW customer_aggregations;
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
	    sum(trans) AS trans, min(first_day) AS first_purchase,
	    max(last_day) AS last_purchase, sum(days) AS purchase_days
	FROM (SELECT company_id, customer_id, revenue, trans, first_day,
		last_day, days
	    FROM agg_customer_month
	    WHERE month || '-01' >= '0000-01-01'
		AND month || '-31' <= '9999-12-31' AND company_id > 0
	    UNION ALL
	    SELECT company_id, customer_id, revenue, trans, day, day, 1
	    FROM agg_customer_day
	    WHERE day BETWEEN '0000-01-01'
		AND min('9999-12-31', substr('0000-01-01', 1, 7) || '-31')
		AND company_id > 0
		AND NOT (substr('0000-01-01', 1, 7) || '-01' >= '0000-01-01'
		AND substr('0000-01-01', 1, 7) || '-31' <= '9999-12-31')
	    UNION ALL
	    SELECT company_id, customer_id, revenue, trans, day, day, 1
	    FROM agg_customer_day
	    WHERE day BETWEEN max('0000-01-01',
		substr('9999-12-31', 1, 7) || '-01') AND '9999-12-31'
		AND company_id > 0
		AND substr('9999-12-31', 1, 7) > substr('0000-01-01', 1, 7)
		AND NOT (substr('9999-12-31', 1, 7) || '-01' >= '0000-01-01'
		AND substr('9999-12-31', 1, 7) || '-31' <= '9999-12-31'))
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
