-- expect: unique key (token) does not start with company_id
CREATE TABLE companies (id bigserial PRIMARY KEY, rut text NOT NULL UNIQUE);
CREATE TABLE uploads (
	id		bigserial,
	company_id	bigint NOT NULL REFERENCES companies (id),
	PRIMARY KEY (company_id, id)
) PARTITION BY HASH (company_id);
SELECT ayni_partition('uploads');
ALTER TABLE uploads ADD COLUMN token text,
    ADD CONSTRAINT uploads_token UNIQUE (token);
SELECT create_reference_table('companies');
SELECT create_distributed_table('uploads', 'company_id');
