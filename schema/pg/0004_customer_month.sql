-- 0004_customer_month.sql: agg_customer_month of
-- schema/0006_customer_month.sql on PostgreSQL, the table only.
--
-- Per company, customer and month: the lines, revenue, transactions and
-- days with a purchase, and the first and last of those days, so that the
-- customer level over whole months reads one row a customer and month
-- instead of one a customer and day.  As in 0002_rollups.sql, no
-- triggers: on PostgreSQL the rollups are written only by the set-based
-- refresh (part 2).  A tenant table, keyed by company_id first and
-- hash-partitioned by it, colocated with the raw lines (citus.sql).
CREATE TABLE agg_customer_month (
	company_id	bigint NOT NULL,
	customer_id	text NOT NULL,
	month		text NOT NULL,
	lines		bigint NOT NULL,
	revenue		bigint NOT NULL,
	trans		bigint NOT NULL,
	days		bigint NOT NULL,	-- days with a purchase
	first_day	text NOT NULL,
	last_day	text NOT NULL,
	PRIMARY KEY (company_id, customer_id, month)
) PARTITION BY HASH (company_id);
SELECT ayni_partition('agg_customer_month');
