-- expect: table 'sessions' has a company_id column but is neither
CREATE TABLE companies (id bigserial PRIMARY KEY, rut text NOT NULL UNIQUE);
CREATE TABLE uploads (
	id		bigserial,
	company_id	bigint NOT NULL REFERENCES companies (id),
	PRIMARY KEY (company_id, id)
) PARTITION BY HASH (company_id);
SELECT ayni_partition('uploads');
CREATE TABLE sessions (
	id		bigserial PRIMARY KEY,
	company_id	bigint REFERENCES companies (id)
);
SELECT create_reference_table('companies');
SELECT create_distributed_table('uploads', 'company_id');
