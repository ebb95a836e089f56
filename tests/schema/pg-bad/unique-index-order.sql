-- expect: unique key (filename, company_id) does not start with company_id
CREATE TABLE companies (id bigserial PRIMARY KEY, rut text NOT NULL UNIQUE);
CREATE TABLE uploads (
	id		bigserial,
	company_id	bigint NOT NULL REFERENCES companies (id),
	PRIMARY KEY (company_id, id)
) PARTITION BY HASH (company_id);
SELECT ayni_partition('uploads');
-- company_id is there, but not first: the lint wants it first everywhere
ALTER TABLE uploads ADD COLUMN filename text;
CREATE UNIQUE INDEX uploads_name ON uploads (filename, company_id);
SELECT create_reference_table('companies');
SELECT create_distributed_table('uploads', 'company_id');
