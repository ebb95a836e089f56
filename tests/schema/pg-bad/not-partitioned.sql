-- expect: tenant table 'agg_day' is not PARTITION BY HASH (company_id)
CREATE TABLE companies (id bigserial PRIMARY KEY, rut text NOT NULL UNIQUE);
CREATE TABLE uploads (
	id		bigserial,
	company_id	bigint NOT NULL REFERENCES companies (id),
	PRIMARY KEY (company_id, id)
) PARTITION BY HASH (company_id);
SELECT ayni_partition('uploads');
CREATE TABLE agg_day (
	company_id	bigint NOT NULL,
	day		text NOT NULL,
	PRIMARY KEY (company_id, day)
);
SELECT create_reference_table('companies');
SELECT create_distributed_table('uploads', 'company_id');
SELECT create_distributed_table('agg_day', 'company_id');
