-- 0001_core.sql: the data model of ayni on PostgreSQL 15, as SQLite has it
-- after schema/0004_document_lines.sql, ready for Citus from the start.
--
-- Same table and column names as the SQLite schema, so that one SQL text
-- serves both backends wherever it can; schema/pg/README.md says why each
-- difference is there.  In short:
--   * times are still UTC text 'YYYY-MM-DD HH:MM:SS' (the C code formats
--     them, and text compares and prints the same on both backends);
--     money and quantities bigint, as SQLite's 64-bit INTEGER; booleans
--     integer 0/1 with a CHECK, so 'is_active = 1' works on both;
--   * an id is a bigint from the table's sequence: read it back with
--     'INSERT ... RETURNING id' (SQLite 3.35 and later accept it too);
--   * tenant tables, everything that belongs to one company, are keyed
--     (company_id, id) with company_id first in every primary and unique
--     key, refer to each other by composite foreign keys (company_id, x),
--     and are PARTITION BY HASH (company_id): the stand-in for Citus's
--     distribution by company_id where Citus is absent;
--   * users, companies, memberships, benchmarks and the calendar are
--     reference tables (Citus copies them to every node); none of them
--     refers to a tenant table;
--   * no triggers, on tenant tables least of all (Citus refuses them): the
--     rollups of 0002_rollups.sql are refreshed set-based by C.
-- Migrations are applied inside one transaction by the migration runner,
-- which also records the version in ayni_schema_version: no BEGIN, COMMIT
-- or version rows here.

-- The database must compare and case-fold text as SQLite does, byte by
-- byte and ASCII only, or ORDER BY and lower() would give other results
-- than SQLite for the same rows.
DO $$
BEGIN
	IF (SELECT datcollate NOT IN ('C', 'POSIX')
	    OR datctype NOT IN ('C', 'POSIX')
	    OR pg_encoding_to_char(encoding) <> 'UTF8'
	    FROM pg_database WHERE datname = current_database()) THEN
		RAISE EXCEPTION 'database ''%'' must have encoding UTF8 and '
		    'locale C', current_database()
		    USING HINT = 'createdb --encoding=UTF8 --locale=C '
		    '--template=template0 NAME';
	END IF;
END
$$;

-- Which migrations this database has: one row per schema/pg file applied,
-- written by the migration runner in the file's transaction; the version
-- is the highest (schema/pg/README.md).  Its presence also marks the
-- database as ayni's, as application_id does a SQLite file.
CREATE TABLE ayni_schema_version (
	version		integer PRIMARY KEY CHECK (version > 0),
	name		text NOT NULL,		-- '0001_core.sql'
	applied_at	text NOT NULL		-- UTC 'YYYY-MM-DD HH:MM:SS'
);

-- Reference tables -------------------------------------------------------

CREATE TABLE users (
	id			bigserial PRIMARY KEY,
	email			text NOT NULL UNIQUE
				    CHECK (email = lower(email) AND email LIKE '%_@_%'),
	name			text NOT NULL DEFAULT '',
	password_hash		text NOT NULL CHECK (password_hash LIKE '$argon2%'),
	is_active		integer NOT NULL DEFAULT 1 CHECK (is_active IN (0, 1)),
	is_superuser		integer NOT NULL DEFAULT 0 CHECK (is_superuser IN (0, 1)),
	is_email_verified	integer NOT NULL DEFAULT 0
				    CHECK (is_email_verified IN (0, 1)),
	failed_login_attempts	integer NOT NULL DEFAULT 0
				    CHECK (failed_login_attempts >= 0),
	lockout_until		text,
	last_login		text,
	last_login_host		text,
	created_at		text NOT NULL,
	updated_at		text NOT NULL
);
CREATE INDEX users_created_at ON users (created_at);

-- Single-use tokens: only a hash of the token is kept (token_hash), so a
-- copy of the database does not let anyone reset a password.  A user's,
-- not a company's: reference tables like users.
CREATE TABLE password_reset_tokens (
	id		bigserial PRIMARY KEY,
	user_id		bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	token_hash	text NOT NULL UNIQUE,
	created_at	text NOT NULL,
	expires_at	text NOT NULL,
	used		integer NOT NULL DEFAULT 0 CHECK (used IN (0, 1))
);
CREATE INDEX password_reset_tokens_expires ON password_reset_tokens (expires_at);

CREATE TABLE email_verification_tokens (
	id		bigserial PRIMARY KEY,
	user_id		bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	token_hash	text NOT NULL UNIQUE,
	created_at	text NOT NULL,
	expires_at	text NOT NULL,
	verified	integer NOT NULL DEFAULT 0 CHECK (verified IN (0, 1))
);
CREATE INDEX email_verification_tokens_expires
    ON email_verification_tokens (expires_at);

CREATE TABLE companies (
	id		bigserial PRIMARY KEY,
	-- canonical form '76123456-0': body without dots or leading zeros,
	-- a hyphen, the check digit (0-9 or K)
	rut		text NOT NULL UNIQUE
			    CHECK (rut ~ '^[1-9][0-9]*-[0-9K]$'
				AND length(rut) BETWEEN 3 AND 10),
	name		text NOT NULL CHECK (length(trim(name)) >= 2
				AND name = trim(name)),
	industry	text NOT NULL DEFAULT 'other' CHECK (industry IN ('retail',
			    'food', 'manufacturing', 'services', 'technology',
			    'construction', 'agriculture', 'healthcare',
			    'education', 'other')),
	size		text NOT NULL DEFAULT 'micro'
			    CHECK (size IN ('micro', 'small', 'medium')),
	benchmark	integer NOT NULL DEFAULT 0 CHECK (benchmark IN (0, 1)),
	is_active	integer NOT NULL DEFAULT 1 CHECK (is_active IN (0, 1)),
	created_at	text NOT NULL,
	updated_at	text NOT NULL
);
CREATE INDEX companies_industry ON companies (industry, benchmark)
    WHERE is_active = 1;

-- A login session or a named API token.  Both are random 256-bit secrets
-- of which only token_hash is stored; kind says which.  A session remembers
-- the company chosen with 'ayni company use' (company_id may be NULL, so
-- it cannot be a distribution column: a session is the user's).
CREATE TABLE sessions (
	id		bigserial PRIMARY KEY,
	user_id		bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	kind		text NOT NULL DEFAULT 'session'
			    CHECK (kind IN ('session', 'api')),
	name		text,
	token_hash	text NOT NULL UNIQUE,
	company_id	bigint REFERENCES companies (id) ON DELETE SET NULL,
	host		text,
	created_at	text NOT NULL,
	expires_at	text NOT NULL,
	last_used_at	text,
	revoked_at	text,
	CHECK ((kind = 'api') = (name IS NOT NULL))
);
CREATE INDEX sessions_user ON sessions (user_id, kind);
-- An API token's name is unique among its creator's live tokens.
CREATE UNIQUE INDEX api_tokens_name ON sessions (user_id, name)
    WHERE kind = 'api' AND revoked_at IS NULL;

-- Memberships.  A reference table, not a tenant one: every command looks
-- up the caller's role in one company, and 'company list' looks up all of
-- a user's companies, which by company_id would ask every shard; the table
-- is small and changes rarely, and on every node it joins locally with the
-- tenant tables.
CREATE TABLE user_companies (
	id		bigserial PRIMARY KEY,
	user_id		bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	company_id	bigint NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
	role		text NOT NULL DEFAULT 'viewer' CHECK (role IN ('owner',
			    'admin', 'manager', 'analyst', 'viewer')),
	is_active	integer NOT NULL DEFAULT 1 CHECK (is_active IN (0, 1)),
	created_at	text NOT NULL,
	updated_at	text NOT NULL,
	UNIQUE (user_id, company_id)
);
CREATE INDEX user_companies_company ON user_companies (company_id, role)
    WHERE is_active = 1;

-- Anonymous industry statistics: no company column, by design.  Rows exist
-- only for groups of at least 10 contributing companies (sample_size).
CREATE TABLE benchmarks (
	id		bigserial PRIMARY KEY,
	industry	text NOT NULL,
	metric_name	text NOT NULL CHECK (metric_name IN ('revenue',
			    'transactions', 'avg_ticket', 'margin_pct',
			    'customers', 'units')),
	period		text NOT NULL,
	period_type	text NOT NULL CHECK (period_type IN ('daily', 'weekly',
			    'monthly', 'quarterly', 'yearly', 'all_time')),
	sample_size	integer NOT NULL CHECK (sample_size >= 10),
	value		double precision,	-- mean (trimmed when >= 20)
	percentile_25	double precision,
	percentile_50	double precision,
	percentile_75	double precision,
	created_at	text NOT NULL,
	updated_at	text NOT NULL,
	UNIQUE (industry, metric_name, period, period_type)
);

-- Every period a sales day belongs to, computed once here instead of by
-- SQLite's date() and strftime() tricks in each view (schema/0002): the
-- ISO week of a day is that of its Thursday, so 2024-12-30 is in 2025-W01
-- and 2021-01-03 in 2020-W53.  Labels as the SQLite views write them;
-- lo and hi are each period's first and last day.  Days of the years a
-- stored date may have (AYNI_YEAR_MIN..AYNI_YEAR_MAX, include/ayni/parse.h)
-- are added by ayni_calendar_fill(), which the rollup refresh calls for
-- the days it touches: a full table would cost every 'ayni init' 110,000
-- rows it mostly never reads.
CREATE TABLE calendar (
	day		text PRIMARY KEY
			    CHECK (day ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
	year		integer NOT NULL,	-- 2025
	week		text NOT NULL,		-- '2025-W41' (ISO)
	week_year	integer NOT NULL,	-- 2025, the ISO year
	week_number	integer NOT NULL,	-- 41
	week_start	text NOT NULL,		-- its Monday
	week_end	text NOT NULL,		-- its Sunday
	month		text NOT NULL,		-- '2025-10'
	month_number	integer NOT NULL,	-- 10
	month_start	text NOT NULL,
	month_end	text NOT NULL,
	quarter		text NOT NULL,		-- '2025-Q4'
	quarter_number	integer NOT NULL,	-- 4
	quarter_start	text NOT NULL,
	quarter_end	text NOT NULL
);

-- The days from first to last, both 'YYYY-MM-DD', that the calendar lacks;
-- returns how many it added.  Idempotent, so concurrent uploads may both
-- call it.
CREATE FUNCTION ayni_calendar_fill(first text, last text) RETURNS bigint
LANGUAGE sql AS $$
	WITH d AS (
		SELECT g::date AS d
		FROM generate_series(first::date, last::date, '1 day') AS g),
	ins AS (
		INSERT INTO calendar
		SELECT to_char(d, 'YYYY-MM-DD'), extract(year FROM d),
		    to_char(d, 'IYYY-"W"IW'), extract(isoyear FROM d),
		    extract(week FROM d),
		    to_char(date_trunc('week', d), 'YYYY-MM-DD'),
		    to_char(date_trunc('week', d) + interval '6 days',
			'YYYY-MM-DD'),
		    to_char(d, 'YYYY-MM'), extract(month FROM d),
		    to_char(date_trunc('month', d), 'YYYY-MM-DD'),
		    to_char(date_trunc('month', d) + interval '1 month'
			- interval '1 day', 'YYYY-MM-DD'),
		    to_char(d, 'YYYY-"Q"Q'), extract(quarter FROM d),
		    to_char(date_trunc('quarter', d), 'YYYY-MM-DD'),
		    to_char(date_trunc('quarter', d) + interval '3 months'
			- interval '1 day', 'YYYY-MM-DD')
		FROM d
		ON CONFLICT (day) DO NOTHING
		RETURNING 1)
	SELECT count(*) FROM ins;
$$;

-- Tenant tables ----------------------------------------------------------
-- Each is PARTITION BY HASH (company_id), its partitions made by
-- ayni_partition() right after it; on Citus the same tables are
-- distributed by company_id (schema/pg/README.md).

-- The hash partitions of a tenant table: 8, enough to keep each index
-- small and to let VACUUM work a part at a time, few enough that a fresh
-- database is made in a blink.  Named <table>_p0 .. <table>_p7.
CREATE FUNCTION ayni_partition(tab text) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
	FOR i IN 0..7 LOOP
		EXECUTE format('CREATE TABLE %I PARTITION OF %I '
		    'FOR VALUES WITH (MODULUS 8, REMAINDER %s)',
		    tab || '_p' || i, tab, i);
	END LOOP;
END
$$;

-- dialect: JSON of what was detected or given (encoding, delimiter, decimal
-- marks, date order, header -> field), so the next upload of the same
-- source can be reproduced.  error_details: JSON array of the first errors.
CREATE TABLE uploads (
	id		bigserial,
	company_id	bigint NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
	user_id		bigint REFERENCES users (id) ON DELETE SET NULL,
	filename	text NOT NULL,
	file_size	bigint CHECK (file_size >= 0),
	file_sha256	text,
	mode		text NOT NULL DEFAULT 'upsert'
			    CHECK (mode IN ('upsert', 'replace')),
	status		text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending',
			    'processing', 'completed', 'failed', 'cancelled',
			    'deleted')),
	pid		bigint,		-- process doing the work, to spot a kill -9
	host		text,
	dialect		text,
	column_mappings	text,
	original_rows	bigint NOT NULL DEFAULT 0 CHECK (original_rows >= 0),
	processed_rows	bigint NOT NULL DEFAULT 0 CHECK (processed_rows >= 0),
	updated_rows	bigint NOT NULL DEFAULT 0 CHECK (updated_rows >= 0),
	unchanged_rows	bigint NOT NULL DEFAULT 0 CHECK (unchanged_rows >= 0),
	deleted_rows	bigint NOT NULL DEFAULT 0 CHECK (deleted_rows >= 0),
	error_rows	bigint NOT NULL DEFAULT 0 CHECK (error_rows >= 0),
	skipped_rows	bigint NOT NULL DEFAULT 0 CHECK (skipped_rows >= 0),
	first_date	text,
	last_date	text,
	-- --mode replace: the days whose stored lines were deleted first
	replace_from	text,
	replace_to	text,
	error_message	text,
	error_details	text,
	created_at	text NOT NULL,
	started_at	text,
	completed_at	text,
	-- 'ayni uploads delete': the lines went, the record stays
	deleted_at	text,
	deleted_by	bigint REFERENCES users (id) ON DELETE SET NULL,
	removed_rows	bigint CHECK (removed_rows >= 0),	-- lines it took
	CHECK ((status = 'deleted') = (deleted_at IS NOT NULL)),
	PRIMARY KEY (company_id, id)
) PARTITION BY HASH (company_id);
SELECT ayni_partition('uploads');
CREATE INDEX uploads_company_status ON uploads (company_id, status);
CREATE INDEX uploads_created_at ON uploads (created_at);
-- One active upload per company, enforced by the database itself.
CREATE UNIQUE INDEX uploads_one_active ON uploads (company_id)
    WHERE status IN ('pending', 'processing');

-- mappings: JSON object {in_field: source header}; formats: JSON object of
-- options that go with it (date_format, decimal, encoding, delimiter).
-- Type json (not jsonb) keeps the text exactly as written, so it prints
-- as SQLite prints it, and json_each(mappings) works on both.
CREATE TABLE column_mappings (
	id		bigserial,
	company_id	bigint NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
	mapping_name	text NOT NULL CHECK (length(mapping_name) BETWEEN 1 AND 100),
	mappings	json NOT NULL CHECK (json_typeof(mappings) = 'object'),
	formats		json,
	defaults	json,
	is_default	integer NOT NULL DEFAULT 0 CHECK (is_default IN (0, 1)),
	created_at	text NOT NULL,
	updated_at	text NOT NULL,
	PRIMARY KEY (company_id, id),
	UNIQUE (company_id, mapping_name)
) PARTITION BY HASH (company_id);
SELECT ayni_partition('column_mappings');
-- At most one default mapping per company.
CREATE UNIQUE INDEX column_mappings_one_default ON column_mappings (company_id)
    WHERE is_default = 1;

-- One sales line, keyed as docs/line-identity.md says:
-- (company_id, txn_key, product_key, occurrence).  The generated columns
-- are SQLite's virtual ones, stored here (PostgreSQL 15 has no virtual
-- columns): the return rule (net_*) and the line key are written once, in
-- the table, for both backends.  If you change txn_key or product_key,
-- change the upload's staging SQL too: its upsert matches on them.
CREATE TABLE raw_transactions (
	id			bigserial,
	company_id		bigint NOT NULL
				    REFERENCES companies (id) ON DELETE CASCADE,
	upload_id		bigint NOT NULL,
	line_no			bigint NOT NULL CHECK (line_no > 0),
	transaction_date	text NOT NULL CHECK (transaction_date ~
	    '^[0-9]{4}-[0-1][0-9]-[0-3][0-9] [0-2][0-9]:[0-5][0-9]:[0-5][0-9]$'),
	branch			text NOT NULL DEFAULT ''
				    CHECK (strpos(branch, chr(31)) = 0),
	doc_type		text NOT NULL DEFAULT ''
				    CHECK (strpos(doc_type, chr(31)) = 0),
	transaction_id		text NOT NULL CHECK (transaction_id <> ''
				    AND strpos(transaction_id, chr(31)) = 0),
	product_id		text CHECK (product_id <> ''),
	occurrence		bigint NOT NULL DEFAULT 1 CHECK (occurrence >= 1),
	trans_type		text,
	is_return		integer NOT NULL DEFAULT 0 CHECK (is_return IN (0, 1)),
	customer_id		text,
	description		text,
	category		text,
	unit_type		text,
	quantity		bigint,		-- thousandths
	stock			bigint,		-- thousandths
	price_total		bigint NOT NULL,	-- cents, net line revenue
	cost_unit		bigint,
	cost_total		bigint,
	price_unit		bigint,
	discount_total		bigint,
	commission_total	bigint,
	margin			bigint,
	data			json,
	processed_at		text NOT NULL,
	-- The line as the rollups count it: a return subtracts its revenue,
	-- units and cost whatever their sign in the file, and gives its
	-- margin back.
	net_revenue		bigint GENERATED ALWAYS AS (CASE WHEN is_return = 1
				    THEN -abs(price_total) ELSE price_total END)
				    STORED,
	net_units		bigint GENERATED ALWAYS AS (CASE WHEN is_return = 1
				    THEN -abs(quantity) ELSE quantity END) STORED,
	net_cost		bigint GENERATED ALWAYS AS (CASE WHEN is_return = 1
				    THEN -abs(cost_total) ELSE cost_total END)
				    STORED,
	net_margin		bigint GENERATED ALWAYS AS (CASE WHEN is_return = 1
				    THEN -margin ELSE margin END) STORED,
	txn_key			text GENERATED ALWAYS AS (branch || chr(31) ||
				    doc_type || chr(31) || transaction_id ||
				    chr(31) || substr(transaction_date, 1, 10))
				    STORED,
	product_key		text GENERATED ALWAYS AS (coalesce(product_id, ''))
				    STORED,
	CHECK ((product_id IS NULL) = (quantity IS NULL)),
	PRIMARY KEY (company_id, id),
	UNIQUE (company_id, txn_key, product_key, occurrence),
	FOREIGN KEY (company_id, upload_id)
	    REFERENCES uploads (company_id, id) ON DELETE CASCADE
) PARTITION BY HASH (company_id);
SELECT ayni_partition('raw_transactions');
CREATE INDEX raw_transactions_company_date
    ON raw_transactions (company_id, transaction_date);
CREATE INDEX raw_transactions_upload ON raw_transactions (company_id, upload_id);

-- What one upload added, or its deletion removed, in one period.
CREATE TABLE data_updates (
	id		bigserial,
	company_id	bigint NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
	upload_id	bigint NOT NULL,
	user_id		bigint REFERENCES users (id) ON DELETE SET NULL,
	action		text NOT NULL DEFAULT 'upload'
			    CHECK (action IN ('upload', 'delete')),
	period		text NOT NULL,
	period_type	text NOT NULL CHECK (period_type IN ('daily', 'weekly',
			    'monthly', 'quarterly', 'yearly')),
	rows_before	bigint NOT NULL DEFAULT 0 CHECK (rows_before >= 0),
	rows_after	bigint NOT NULL DEFAULT 0 CHECK (rows_after >= 0),
	rows_added	bigint NOT NULL DEFAULT 0 CHECK (rows_added >= 0),
	rows_updated	bigint NOT NULL DEFAULT 0 CHECK (rows_updated >= 0),
	rows_deleted	bigint NOT NULL DEFAULT 0 CHECK (rows_deleted >= 0),
	net_change	bigint GENERATED ALWAYS AS (rows_added - rows_deleted)
			    STORED,
	changes_summary	json,
	timestamp	text NOT NULL,
	PRIMARY KEY (company_id, id),
	UNIQUE (company_id, upload_id, action, period_type, period),
	FOREIGN KEY (company_id, upload_id)
	    REFERENCES uploads (company_id, id) ON DELETE CASCADE
) PARTITION BY HASH (company_id);
SELECT ayni_partition('data_updates');
CREATE INDEX data_updates_company ON data_updates (company_id, period_type);
