-- citus.sql: how each table of schema/pg is placed on a Citus cluster.
--
-- Not a migration (no number: the migration runner never applies it).  On
-- a Citus coordinator, run it once, right after 'ayni init' made the
-- tables and before any data goes in:
--	psql -v ON_ERROR_STOP=1 -f schema/pg/citus.sql DATABASE
-- It is also the list that tests/schema/pg_lint.py reads to tell tenant
-- tables from reference tables: every table with a company_id column must
-- be here, and a migration that adds a table adds its line here.
--
-- Order matters to Citus: a table is placed after every table its foreign
-- keys point to (reference tables first, then uploads, then the tenant
-- tables that refer to uploads).  Tenant tables are distributed by
-- company_id and colocated, so that a company's lines, uploads and
-- rollups are on one node and join there.  The hash partitions of each
-- tenant table (ayni_partition) go along: Citus distributes a partitioned
-- table together with its partitions.
-- ayni_schema_version stays a plain table on the coordinator: only the
-- migration runner reads it, through the coordinator.

SELECT create_reference_table('users');
SELECT create_reference_table('password_reset_tokens');
SELECT create_reference_table('email_verification_tokens');
SELECT create_reference_table('companies');
SELECT create_reference_table('sessions');
SELECT create_reference_table('user_companies');
SELECT create_reference_table('benchmarks');
SELECT create_reference_table('calendar');

SELECT create_distributed_table('uploads', 'company_id');
SELECT create_distributed_table('column_mappings', 'company_id',
    colocate_with => 'uploads');
SELECT create_distributed_table('raw_transactions', 'company_id',
    colocate_with => 'uploads');
SELECT create_distributed_table('data_updates', 'company_id',
    colocate_with => 'uploads');
SELECT create_distributed_table('agg_day', 'company_id',
    colocate_with => 'uploads');
SELECT create_distributed_table('agg_product_day', 'company_id',
    colocate_with => 'uploads');
SELECT create_distributed_table('agg_customer_day', 'company_id',
    colocate_with => 'uploads');
SELECT create_distributed_table('agg_category_day', 'company_id',
    colocate_with => 'uploads');
SELECT create_distributed_table('agg_period', 'company_id',
    colocate_with => 'uploads');
SELECT create_distributed_table('agg_irregular', 'company_id',
    colocate_with => 'uploads');
SELECT create_distributed_table('agg_deferred', 'company_id',
    colocate_with => 'uploads');
SELECT create_distributed_table('agg_hour', 'company_id',
    colocate_with => 'uploads');
SELECT create_distributed_table('agg_customer_month', 'company_id',
    colocate_with => 'uploads');
