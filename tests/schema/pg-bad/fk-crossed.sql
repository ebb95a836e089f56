-- expect: foreign key (upload_id, company_id) to tenant table 'uploads' lacks company_id
CREATE TABLE companies (id bigserial PRIMARY KEY, rut text NOT NULL UNIQUE);
CREATE TABLE uploads (
	id		bigserial,
	company_id	bigint NOT NULL REFERENCES companies (id),
	PRIMARY KEY (company_id, id)
) PARTITION BY HASH (company_id);
SELECT ayni_partition('uploads');
-- both columns are there, but company_id is paired with uploads.id
CREATE TABLE raw_transactions (
	id		bigserial,
	company_id	bigint NOT NULL,
	upload_id	bigint NOT NULL,
	PRIMARY KEY (company_id, id),
	FOREIGN KEY (upload_id, company_id) REFERENCES uploads (company_id, id)
) PARTITION BY HASH (company_id);
SELECT ayni_partition('raw_transactions');
SELECT create_reference_table('companies');
SELECT create_distributed_table('uploads', 'company_id');
SELECT create_distributed_table('raw_transactions', 'company_id');
