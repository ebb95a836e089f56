-- expect: primary key (id) does not start with company_id
CREATE TABLE companies (id bigserial PRIMARY KEY, rut text NOT NULL UNIQUE);
CREATE TABLE uploads (
	id		bigserial,
	company_id	bigint NOT NULL REFERENCES companies (id),
	PRIMARY KEY (company_id, id)
) PARTITION BY HASH (company_id);
SELECT ayni_partition('uploads');
CREATE TABLE lines (
	id		bigserial PRIMARY KEY,
	company_id	bigint NOT NULL
) PARTITION BY HASH (company_id);
SELECT ayni_partition('lines');
SELECT create_reference_table('companies');
SELECT create_distributed_table('uploads', 'company_id');
SELECT create_distributed_table('lines', 'company_id');
