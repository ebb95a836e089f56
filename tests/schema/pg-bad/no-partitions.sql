-- expect: tenant table 'agg_day' has no partitions
CREATE TABLE companies (id bigserial PRIMARY KEY, rut text NOT NULL UNIQUE);
CREATE TABLE uploads (
	id		bigserial,
	company_id	bigint NOT NULL REFERENCES companies (id),
	PRIMARY KEY (company_id, id)
) PARTITION BY HASH (company_id);
SELECT ayni_partition('uploads');
-- in a string, a partition does not count
SELECT 'CREATE TABLE agg_day_p0 PARTITION OF agg_day';
CREATE TABLE agg_day (
	company_id	bigint NOT NULL,
	day		text NOT NULL,
	PRIMARY KEY (company_id, day)
) PARTITION BY HASH (company_id);
SELECT create_reference_table('companies');
SELECT create_distributed_table('uploads', 'company_id');
SELECT create_distributed_table('agg_day', 'company_id');
