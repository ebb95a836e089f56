-- expect: trigger on tenant table 'uploads'
CREATE TABLE companies (id bigserial PRIMARY KEY, rut text NOT NULL UNIQUE);
CREATE TABLE uploads (
	id		bigserial,
	company_id	bigint NOT NULL REFERENCES companies (id),
	PRIMARY KEY (company_id, id)
) PARTITION BY HASH (company_id);
SELECT ayni_partition('uploads');
CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	RETURN NEW;
END
$$;
CREATE TRIGGER uploads_t AFTER INSERT ON uploads
    FOR EACH ROW EXECUTE FUNCTION f();
SELECT create_reference_table('companies');
SELECT create_distributed_table('uploads', 'company_id');
