-- expect: reference table 'benchmarks' has a foreign key to tenant table 'uploads'
CREATE TABLE companies (id bigserial PRIMARY KEY, rut text NOT NULL UNIQUE);
CREATE TABLE uploads (
	id		bigserial,
	company_id	bigint NOT NULL REFERENCES companies (id),
	PRIMARY KEY (company_id, id)
) PARTITION BY HASH (company_id);
SELECT ayni_partition('uploads');
CREATE TABLE benchmarks (
	id		bigserial PRIMARY KEY,
	company_id	bigint,
	upload_id	bigint,
	FOREIGN KEY (company_id, upload_id) REFERENCES uploads (company_id, id)
);
SELECT create_reference_table('companies');
SELECT create_distributed_table('uploads', 'company_id');
SELECT create_reference_table('benchmarks');
