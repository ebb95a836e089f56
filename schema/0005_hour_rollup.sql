-- 0005_hour_rollup.sql: the revenue of each hour of each day, so that
-- 'ayni report' reads a month's peak hour and weekday x hour heat map
-- from at most 24 rows a day instead of every line of the month.
--
-- Why.  The report was the one reader of raw_transactions: a month of
-- four million lines over a quarter is 1.3 million lines, read and
-- grouped on every report (issue 14: 0.97 s; the goal is 50 ms).  The
-- other rollups keep no time of day.
--
-- How.  agg_hour holds, per company, day and hour (0-23), the lines, their
-- signed revenue (net_revenue, schema/0003_line_identity.sql, as the
-- report summed it) and how many of them are at exactly 00:00:00, which a
-- file without times gives every line: a day has hours when some line is
-- not.  A row exists while it has lines.  Outside an upload the triggers
-- below keep it equal to the raw lines after every statement; a deferred
-- company (agg_deferred, schema/0002_rollups.sql) is left to
-- ayni_aggregate_refresh(), which rewrites the hours of the days it
-- refreshes with the other day tables (src/lib/refresh.c), and 'ayni
-- aggregate verify' recomputes it from the raw lines (src/lib/verify.c).
-- These triggers are their own, next to those of 0004: a deferred
-- company's line costs each of them one WHEN.
CREATE TABLE agg_hour (
	company_id	INTEGER NOT NULL,
	day		TEXT NOT NULL,
	hour		INTEGER NOT NULL,
	lines		INTEGER NOT NULL,
	revenue		INTEGER NOT NULL,
	midnight	INTEGER NOT NULL,	-- lines at 00:00:00
	PRIMARY KEY (company_id, day, hour)
) WITHOUT ROWID;

INSERT INTO agg_hour (company_id, day, hour, lines, revenue, midnight)
SELECT company_id, substr(transaction_date, 1, 10),
    CAST(substr(transaction_date, 12, 2) AS INTEGER), count(*),
    sum(net_revenue), sum(substr(transaction_date, 12) = '00:00:00')
FROM raw_transactions GROUP BY 1, 2, 3;

CREATE TRIGGER raw_transactions_hour_insert AFTER INSERT ON raw_transactions
WHEN NOT EXISTS (SELECT 1 FROM agg_deferred
    WHERE company_id = NEW.company_id)
BEGIN
	INSERT INTO agg_hour (company_id, day, hour, lines, revenue, midnight)
	VALUES (NEW.company_id, substr(NEW.transaction_date, 1, 10),
	    CAST(substr(NEW.transaction_date, 12, 2) AS INTEGER), 1,
	    NEW.net_revenue, substr(NEW.transaction_date, 12) = '00:00:00')
	ON CONFLICT DO UPDATE SET lines = lines + 1,
	    revenue = revenue + excluded.revenue,
	    midnight = midnight + excluded.midnight;
END;

CREATE TRIGGER raw_transactions_hour_delete AFTER DELETE ON raw_transactions
WHEN NOT EXISTS (SELECT 1 FROM agg_deferred
    WHERE company_id = OLD.company_id)
BEGIN
	UPDATE agg_hour SET lines = lines - 1,
	    revenue = revenue - OLD.net_revenue,
	    midnight = midnight - (substr(OLD.transaction_date, 12) =
		'00:00:00')
	WHERE company_id = OLD.company_id
	    AND day = substr(OLD.transaction_date, 1, 10)
	    AND hour = CAST(substr(OLD.transaction_date, 12, 2) AS INTEGER);
	DELETE FROM agg_hour WHERE company_id = OLD.company_id
	    AND day = substr(OLD.transaction_date, 1, 10)
	    AND hour = CAST(substr(OLD.transaction_date, 12, 2) AS INTEGER)
	    AND lines = 0;
END;

-- An update is the old line leaving and the new one entering, each half
-- only for a company that is not deferred (0004's update trigger widens
-- a deferred company's days to refresh, both the old and the new).
CREATE TRIGGER raw_transactions_hour_update AFTER UPDATE ON raw_transactions
WHEN OLD.company_id IS NOT NEW.company_id
    OR OLD.transaction_date IS NOT NEW.transaction_date
    OR OLD.is_return IS NOT NEW.is_return
    OR OLD.price_total IS NOT NEW.price_total
BEGIN
	UPDATE agg_hour SET lines = lines - 1,
	    revenue = revenue - OLD.net_revenue,
	    midnight = midnight - (substr(OLD.transaction_date, 12) =
		'00:00:00')
	WHERE company_id = OLD.company_id
	    AND day = substr(OLD.transaction_date, 1, 10)
	    AND hour = CAST(substr(OLD.transaction_date, 12, 2) AS INTEGER)
	    AND NOT EXISTS (SELECT 1 FROM agg_deferred
		WHERE company_id = OLD.company_id);
	DELETE FROM agg_hour WHERE company_id = OLD.company_id
	    AND day = substr(OLD.transaction_date, 1, 10)
	    AND hour = CAST(substr(OLD.transaction_date, 12, 2) AS INTEGER)
	    AND lines = 0;
	INSERT INTO agg_hour (company_id, day, hour, lines, revenue, midnight)
	SELECT NEW.company_id, substr(NEW.transaction_date, 1, 10),
	    CAST(substr(NEW.transaction_date, 12, 2) AS INTEGER), 1,
	    NEW.net_revenue, substr(NEW.transaction_date, 12) = '00:00:00'
	WHERE NOT EXISTS (SELECT 1 FROM agg_deferred
	    WHERE company_id = NEW.company_id)
	ON CONFLICT DO UPDATE SET lines = lines + 1,
	    revenue = revenue + excluded.revenue,
	    midnight = midnight + excluded.midnight;
END;
