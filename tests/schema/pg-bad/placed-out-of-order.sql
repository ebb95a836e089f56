-- expect: citus.sql places 'uploads' before 'companies'
CREATE TABLE companies (id bigserial PRIMARY KEY, rut text NOT NULL UNIQUE);
CREATE TABLE uploads (
	id		bigserial,
	company_id	bigint NOT NULL REFERENCES companies (id),
	PRIMARY KEY (company_id, id)
) PARTITION BY HASH (company_id);
SELECT ayni_partition('uploads');
SELECT create_distributed_table('uploads', 'company_id');
SELECT create_reference_table('companies');
