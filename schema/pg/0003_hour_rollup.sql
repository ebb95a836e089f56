-- 0003_hour_rollup.sql: agg_hour of schema/0005_hour_rollup.sql on
-- PostgreSQL, the table only.
--
-- Per company, sales day and hour (0-23): the lines, their signed revenue
-- and how many of them are at exactly 00:00:00, so that 'ayni report'
-- reads a month's peak hour and weekday x hour map from at most 24 rows a
-- day.  As in 0002_rollups.sql, no triggers: on PostgreSQL the rollups
-- are written only by the set-based refresh (part 2).  A tenant table,
-- keyed by company_id first and hash-partitioned by it, colocated with
-- the raw lines it sums (citus.sql).
CREATE TABLE agg_hour (
	company_id	bigint NOT NULL,
	day		text NOT NULL,
	hour		bigint NOT NULL,
	lines		bigint NOT NULL,
	revenue		bigint NOT NULL,
	midnight	bigint NOT NULL,	-- lines at 00:00:00
	PRIMARY KEY (company_id, day, hour)
) PARTITION BY HASH (company_id);
SELECT ayni_partition('agg_hour');
