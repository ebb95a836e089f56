-- expect: would set company_id on delete
CREATE TABLE companies (id bigserial PRIMARY KEY, rut text NOT NULL UNIQUE);
CREATE TABLE uploads (
	id		bigserial,
	company_id	bigint NOT NULL REFERENCES companies (id),
	PRIMARY KEY (company_id, id)
) PARTITION BY HASH (company_id);
SELECT ayni_partition('uploads');
CREATE TABLE data_updates (
	id		bigserial,
	company_id	bigint,
	upload_id	bigint,
	PRIMARY KEY (company_id, id),
	FOREIGN KEY (company_id, upload_id) REFERENCES uploads (company_id, id)
	    ON DELETE SET NULL
) PARTITION BY HASH (company_id);
SELECT ayni_partition('data_updates');
SELECT create_reference_table('companies');
SELECT create_distributed_table('uploads', 'company_id');
SELECT create_distributed_table('data_updates', 'company_id');
