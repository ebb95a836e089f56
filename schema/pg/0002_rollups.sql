-- 0002_rollups.sql: the rollup base tables of schema/0002-0004 on
-- PostgreSQL, tables only.
--
-- The tables are SQLite's, column for column: one row per company and
-- sales day (agg_day), the (day, key) sets with their sums, the distinct
-- counts per period (agg_period), the irregular transactions, and the
-- companies whose rollups wait for a refresh (agg_deferred).  Their
-- meaning is written in schema/0002_rollups.sql and docs/README.md
-- ("Rollups: three files, three jobs").
--
-- What is not here, on purpose:
--   * no triggers.  On SQLite, triggers on raw_transactions keep these
--     tables equal to the raw lines after every statement; Citus refuses
--     triggers on distributed tables, and the upload already refreshes
--     the touched days set-based.  On PostgreSQL the rollups are written
--     only by that refresh (src/lib/refresh.c, ported in part 2): every
--     writer of raw_transactions marks the company in agg_deferred inside
--     its transaction and refreshes before COMMIT, as the upload does on
--     SQLite.  A leftover agg_deferred row means stale rollups, which
--     'ayni aggregate verify' reports;
--   * no agg_line_change: it only carried the triggers' bookkeeping;
--   * no views yet: the public *_aggregations views and their
--     agg_expected_* twins use SQLite's date functions and come with the
--     port of aggregate.c (part 2), reading periods from the calendar
--     table of 0001_core.sql.
-- Every table is a tenant table keyed by company_id first and
-- PARTITION BY HASH (company_id), like the raw lines it sums, so that on
-- Citus a company's lines and rollups live on the same node.

-- One row per company and sales day.  *_lines count the lines that had
-- the value, so that a sum over none is NULL, not 0.
CREATE TABLE agg_day (
	company_id	bigint NOT NULL,
	day		text NOT NULL,
	lines		bigint NOT NULL,
	revenue		bigint NOT NULL,
	units		bigint NOT NULL,
	cost		bigint NOT NULL,
	cost_lines	bigint NOT NULL,
	margin		bigint NOT NULL,
	margin_lines	bigint NOT NULL,
	revenue_c	bigint NOT NULL,	-- revenue of costed lines
	margin_c	bigint NOT NULL,	-- margin of costed lines
	costed_lines	bigint NOT NULL,
	discount	bigint NOT NULL,
	discount_lines	bigint NOT NULL,
	returns		bigint NOT NULL,
	trans		bigint NOT NULL,	-- distinct transactions
	products	bigint NOT NULL DEFAULT 0,
	customers	bigint NOT NULL DEFAULT 0,
	PRIMARY KEY (company_id, day)
) PARTITION BY HASH (company_id);
SELECT ayni_partition('agg_day');

-- (day, product) set with the product's sums; category and description
-- are part of the key so that category rollups stay exact when a product
-- changes category.  trans: distinct transactions with such a line.
CREATE TABLE agg_product_day (
	company_id	bigint NOT NULL,
	day		text NOT NULL,
	product_id	text NOT NULL,
	category	text NOT NULL,		-- '' for none
	description	text NOT NULL,		-- '' for none
	lines		bigint NOT NULL,
	revenue		bigint NOT NULL,
	units		bigint NOT NULL,
	margin		bigint NOT NULL,
	margin_lines	bigint NOT NULL,
	revenue_c	bigint NOT NULL,
	margin_c	bigint NOT NULL,
	costed_lines	bigint NOT NULL,
	trans		bigint NOT NULL,
	PRIMARY KEY (company_id, day, product_id, category, description)
) PARTITION BY HASH (company_id);
SELECT ayni_partition('agg_product_day');
CREATE INDEX agg_product_day_product
    ON agg_product_day (company_id, product_id, day);

CREATE TABLE agg_customer_day (
	company_id	bigint NOT NULL,
	day		text NOT NULL,
	customer_id	text NOT NULL,
	lines		bigint NOT NULL,
	revenue		bigint NOT NULL,
	trans		bigint NOT NULL,
	PRIMARY KEY (company_id, day, customer_id)
) PARTITION BY HASH (company_id);
SELECT ayni_partition('agg_customer_day');
CREATE INDEX agg_customer_day_customer
    ON agg_customer_day (company_id, customer_id, day);

-- Only what agg_product_day cannot give: distinct transactions per
-- category and day.
CREATE TABLE agg_category_day (
	company_id	bigint NOT NULL,
	day		text NOT NULL,
	category	text NOT NULL,		-- '' for none
	lines		bigint NOT NULL,
	trans		bigint NOT NULL,
	PRIMARY KEY (company_id, day, category)
) PARTITION BY HASH (company_id);
SELECT ayni_partition('agg_category_day');

-- Distinct products and customers per week ('2025-W41'), month
-- ('2025-10'), quarter ('2025-Q4') and year ('2025').
CREATE TABLE agg_period (
	company_id	bigint NOT NULL,
	period		text NOT NULL,
	products	bigint NOT NULL,
	customers	bigint NOT NULL,
	PRIMARY KEY (company_id, period)
) PARTITION BY HASH (company_id);
SELECT ayni_partition('agg_period');

-- Transactions in which one product has lines of different category or
-- description, or whose lines span several days (a superset).
CREATE TABLE agg_irregular (
	company_id	bigint NOT NULL,
	txn_key		text NOT NULL,
	PRIMARY KEY (company_id, txn_key)
) PARTITION BY HASH (company_id);
SELECT ayni_partition('agg_irregular');

-- Companies whose rollups wait for a refresh within the current
-- transaction, and the days touched meanwhile.
CREATE TABLE agg_deferred (
	company_id	bigint NOT NULL,
	from_day	text,
	to_day		text,
	PRIMARY KEY (company_id)
) PARTITION BY HASH (company_id);
SELECT ayni_partition('agg_deferred');
