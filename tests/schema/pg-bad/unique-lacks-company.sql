-- expect: unique key (mapping_name) does not start with company_id
CREATE TABLE companies (id bigserial PRIMARY KEY, rut text NOT NULL UNIQUE);
CREATE TABLE uploads (
	id		bigserial,
	company_id	bigint NOT NULL REFERENCES companies (id),
	PRIMARY KEY (company_id, id)
) PARTITION BY HASH (company_id);
SELECT ayni_partition('uploads');
CREATE TABLE column_mappings (
	id		bigserial,
	company_id	bigint NOT NULL,
	mapping_name	text NOT NULL UNIQUE,
	PRIMARY KEY (company_id, id)
) PARTITION BY HASH (company_id);
SELECT ayni_partition('column_mappings');
SELECT create_reference_table('companies');
SELECT create_distributed_table('uploads', 'company_id');
SELECT create_distributed_table('column_mappings', 'company_id');
