-- 0001_core.sql: the whole data model of ayni.
--
-- The 18 relations of the original platform (users, password_reset_tokens,
-- email_verification_tokens, companies, user_companies, uploads,
-- column_mappings, raw_transactions, data_updates, the eight aggregation
-- relations and benchmarks) plus sessions and api_tokens for the command
-- line.  The aggregation relations are created by 0002_rollups.sql as views
-- over small trigger-maintained base tables.
--
-- Conventions, so every later migration reads the same way:
--   * times are UTC text 'YYYY-MM-DD HH:MM:SS'; sales dates are the shop's
--     local wall-clock time as written in the export, same text form;
--   * money is INTEGER hundredths of a peso ("cents"), quantities INTEGER
--     thousandths ("milli-units"): sums never drift;
--   * secrets are never stored: only argon2 encoded hashes or token hashes;
--   * booleans are INTEGER 0/1 with a CHECK.
-- Migrations are applied inside one transaction; do not put BEGIN/COMMIT or
-- PRAGMA user_version here: src/lib/db.c owns both.

CREATE TABLE users (
	id			INTEGER PRIMARY KEY,
	email			TEXT NOT NULL UNIQUE
				    CHECK (email = lower(email) AND email LIKE '%_@_%'),
	name			TEXT NOT NULL DEFAULT '',
	password_hash		TEXT NOT NULL CHECK (password_hash LIKE '$argon2%'),
	is_active		INTEGER NOT NULL DEFAULT 1 CHECK (is_active IN (0, 1)),
	is_superuser		INTEGER NOT NULL DEFAULT 0 CHECK (is_superuser IN (0, 1)),
	is_email_verified	INTEGER NOT NULL DEFAULT 0
				    CHECK (is_email_verified IN (0, 1)),
	failed_login_attempts	INTEGER NOT NULL DEFAULT 0
				    CHECK (failed_login_attempts >= 0),
	lockout_until		TEXT,
	last_login		TEXT,
	last_login_host		TEXT,
	created_at		TEXT NOT NULL,
	updated_at		TEXT NOT NULL
);
CREATE INDEX users_created_at ON users (created_at);

-- Single-use tokens: only a hash of the token is kept (token_hash), so a
-- copy of the database does not let anyone reset a password.
CREATE TABLE password_reset_tokens (
	id		INTEGER PRIMARY KEY,
	user_id		INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	token_hash	TEXT NOT NULL UNIQUE,
	created_at	TEXT NOT NULL,
	expires_at	TEXT NOT NULL,
	used		INTEGER NOT NULL DEFAULT 0 CHECK (used IN (0, 1))
);
CREATE INDEX password_reset_tokens_expires ON password_reset_tokens (expires_at);

CREATE TABLE email_verification_tokens (
	id		INTEGER PRIMARY KEY,
	user_id		INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	token_hash	TEXT NOT NULL UNIQUE,
	created_at	TEXT NOT NULL,
	expires_at	TEXT NOT NULL,
	verified	INTEGER NOT NULL DEFAULT 0 CHECK (verified IN (0, 1))
);
CREATE INDEX email_verification_tokens_expires
    ON email_verification_tokens (expires_at);

-- A login session or a named API token.  Both are random 256-bit secrets
-- of which only token_hash is stored; kind says which.  A session remembers
-- the company chosen with 'ayni company use'.
CREATE TABLE sessions (
	id		INTEGER PRIMARY KEY,
	user_id		INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	kind		TEXT NOT NULL DEFAULT 'session'
			    CHECK (kind IN ('session', 'api')),
	name		TEXT,
	token_hash	TEXT NOT NULL UNIQUE,
	company_id	INTEGER REFERENCES companies (id) ON DELETE SET NULL,
	host		TEXT,
	created_at	TEXT NOT NULL,
	expires_at	TEXT NOT NULL,
	last_used_at	TEXT,
	revoked_at	TEXT,
	CHECK ((kind = 'api') = (name IS NOT NULL))
);
CREATE INDEX sessions_user ON sessions (user_id, kind);
-- An API token's name is unique among its creator's live tokens.
CREATE UNIQUE INDEX api_tokens_name ON sessions (user_id, name)
    WHERE kind = 'api' AND revoked_at IS NULL;

CREATE TABLE companies (
	id		INTEGER PRIMARY KEY,
	-- canonical form '76123456-0': body without dots or leading zeros,
	-- a hyphen, the check digit (0-9 or K)
	rut		TEXT NOT NULL UNIQUE
			    CHECK (rut GLOB '[1-9]*-[0-9K]'
				AND length(rut) BETWEEN 3 AND 10
				AND substr(rut, 1, length(rut) - 2)
				    NOT GLOB '*[^0-9]*'),
	name		TEXT NOT NULL CHECK (length(trim(name)) >= 2
				AND name = trim(name)),
	industry	TEXT NOT NULL DEFAULT 'other' CHECK (industry IN ('retail',
			    'food', 'manufacturing', 'services', 'technology',
			    'construction', 'agriculture', 'healthcare',
			    'education', 'other')),
	size		TEXT NOT NULL DEFAULT 'micro'
			    CHECK (size IN ('micro', 'small', 'medium')),
	benchmark	INTEGER NOT NULL DEFAULT 0 CHECK (benchmark IN (0, 1)),
	is_active	INTEGER NOT NULL DEFAULT 1 CHECK (is_active IN (0, 1)),
	created_at	TEXT NOT NULL,
	updated_at	TEXT NOT NULL
);
CREATE INDEX companies_industry ON companies (industry, benchmark)
    WHERE is_active = 1;

CREATE TABLE user_companies (
	id		INTEGER PRIMARY KEY,
	user_id		INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	company_id	INTEGER NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
	role		TEXT NOT NULL DEFAULT 'viewer' CHECK (role IN ('owner',
			    'admin', 'manager', 'analyst', 'viewer')),
	is_active	INTEGER NOT NULL DEFAULT 1 CHECK (is_active IN (0, 1)),
	created_at	TEXT NOT NULL,
	updated_at	TEXT NOT NULL,
	UNIQUE (user_id, company_id)
);
CREATE INDEX user_companies_company ON user_companies (company_id, role)
    WHERE is_active = 1;

-- dialect: JSON of what was detected or given (encoding, delimiter, decimal
-- marks, date order, header -> field), so the next upload of the same
-- source can be reproduced.  error_details: JSON array of the first errors.
CREATE TABLE uploads (
	id		INTEGER PRIMARY KEY,
	company_id	INTEGER NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
	user_id		INTEGER REFERENCES users (id) ON DELETE SET NULL,
	filename	TEXT NOT NULL,
	file_size	INTEGER CHECK (file_size >= 0),
	file_sha256	TEXT,
	mode		TEXT NOT NULL DEFAULT 'upsert'
			    CHECK (mode IN ('upsert', 'replace')),
	status		TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending',
			    'processing', 'completed', 'failed', 'cancelled')),
	pid		INTEGER,	-- process doing the work, to spot a kill -9
	host		TEXT,
	dialect		TEXT,
	column_mappings	TEXT,
	original_rows	INTEGER NOT NULL DEFAULT 0 CHECK (original_rows >= 0),
	processed_rows	INTEGER NOT NULL DEFAULT 0 CHECK (processed_rows >= 0),
	updated_rows	INTEGER NOT NULL DEFAULT 0 CHECK (updated_rows >= 0),
	deleted_rows	INTEGER NOT NULL DEFAULT 0 CHECK (deleted_rows >= 0),
	error_rows	INTEGER NOT NULL DEFAULT 0 CHECK (error_rows >= 0),
	first_date	TEXT,
	last_date	TEXT,
	error_message	TEXT,
	error_details	TEXT,
	created_at	TEXT NOT NULL,
	started_at	TEXT,
	completed_at	TEXT
);
CREATE INDEX uploads_company_status ON uploads (company_id, status);
CREATE INDEX uploads_created_at ON uploads (created_at);
-- One active upload per company, enforced by the database itself.
CREATE UNIQUE INDEX uploads_one_active ON uploads (company_id)
    WHERE status IN ('pending', 'processing');

-- mappings: JSON object {in_field: source header}; formats: JSON object of
-- options that go with it (date_format, decimal, encoding, delimiter).
CREATE TABLE column_mappings (
	id		INTEGER PRIMARY KEY,
	company_id	INTEGER NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
	mapping_name	TEXT NOT NULL CHECK (length(mapping_name) BETWEEN 1 AND 100),
	mappings	TEXT NOT NULL CHECK (json_valid(mappings)
				AND json_type(mappings) = 'object'),
	formats		TEXT CHECK (formats IS NULL OR json_valid(formats)),
	defaults	TEXT CHECK (defaults IS NULL OR json_valid(defaults)),
	is_default	INTEGER NOT NULL DEFAULT 0 CHECK (is_default IN (0, 1)),
	created_at	TEXT NOT NULL,
	updated_at	TEXT NOT NULL,
	UNIQUE (company_id, mapping_name)
);
-- At most one default mapping per company.
CREATE UNIQUE INDEX column_mappings_one_default ON column_mappings (company_id)
    WHERE is_default = 1;

-- One sales line.  (company_id, transaction_id, product_id, occurrence) is
-- the stable key that makes re-uploading a file change nothing: occurrence
-- numbers identical (transaction, product) pairs within one file, 1, 2, ...
-- Amounts are stored as the file gives them; is_return says the line is a
-- return, and the rollups subtract it whatever its sign.
CREATE TABLE raw_transactions (
	id			INTEGER PRIMARY KEY,
	company_id		INTEGER NOT NULL
				    REFERENCES companies (id) ON DELETE CASCADE,
	upload_id		INTEGER NOT NULL
				    REFERENCES uploads (id) ON DELETE CASCADE,
	line_no			INTEGER NOT NULL CHECK (line_no > 0),
	transaction_date	TEXT NOT NULL CHECK (transaction_date GLOB
	    '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9] [0-2][0-9]:[0-5][0-9]:[0-5][0-9]'),
	transaction_id		TEXT NOT NULL CHECK (transaction_id <> ''),
	product_id		TEXT NOT NULL CHECK (product_id <> ''),
	occurrence		INTEGER NOT NULL DEFAULT 1 CHECK (occurrence >= 1),
	trans_type		TEXT,
	is_return		INTEGER NOT NULL DEFAULT 0 CHECK (is_return IN (0, 1)),
	customer_id		TEXT,
	description		TEXT,
	category		TEXT,
	unit_type		TEXT,
	quantity		INTEGER NOT NULL,	-- thousandths
	stock			INTEGER,		-- thousandths
	price_total		INTEGER NOT NULL,	-- cents, net line revenue
	cost_unit		INTEGER,
	cost_total		INTEGER,
	price_unit		INTEGER,
	discount_total		INTEGER,
	commission_total	INTEGER,
	margin			INTEGER,
	data			TEXT CHECK (data IS NULL OR json_valid(data)),
	processed_at		TEXT NOT NULL,
	UNIQUE (company_id, transaction_id, product_id, occurrence)
);
CREATE INDEX raw_transactions_company_date
    ON raw_transactions (company_id, transaction_date);
CREATE INDEX raw_transactions_upload ON raw_transactions (upload_id);

-- What one upload changed in one period.  net_change is derived.
CREATE TABLE data_updates (
	id		INTEGER PRIMARY KEY,
	company_id	INTEGER NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
	upload_id	INTEGER NOT NULL REFERENCES uploads (id) ON DELETE CASCADE,
	user_id		INTEGER REFERENCES users (id) ON DELETE SET NULL,
	period		TEXT NOT NULL,
	period_type	TEXT NOT NULL CHECK (period_type IN ('daily', 'weekly',
			    'monthly', 'quarterly', 'yearly')),
	rows_before	INTEGER NOT NULL DEFAULT 0 CHECK (rows_before >= 0),
	rows_after	INTEGER NOT NULL DEFAULT 0 CHECK (rows_after >= 0),
	rows_added	INTEGER NOT NULL DEFAULT 0 CHECK (rows_added >= 0),
	rows_updated	INTEGER NOT NULL DEFAULT 0 CHECK (rows_updated >= 0),
	rows_deleted	INTEGER NOT NULL DEFAULT 0 CHECK (rows_deleted >= 0),
	net_change	INTEGER GENERATED ALWAYS AS (rows_added - rows_deleted)
			    VIRTUAL,
	changes_summary	TEXT CHECK (changes_summary IS NULL
				OR json_valid(changes_summary)),
	timestamp	TEXT NOT NULL,
	UNIQUE (upload_id, period_type, period)
);
CREATE INDEX data_updates_company ON data_updates (company_id, period_type);

-- Anonymous industry statistics: no company column, by design.  Rows exist
-- only for groups of at least 10 contributing companies (sample_size).
CREATE TABLE benchmarks (
	id		INTEGER PRIMARY KEY,
	industry	TEXT NOT NULL,
	metric_name	TEXT NOT NULL CHECK (metric_name IN ('revenue',
			    'transactions', 'avg_ticket', 'margin_pct',
			    'customers', 'units')),
	period		TEXT NOT NULL,
	period_type	TEXT NOT NULL CHECK (period_type IN ('daily', 'weekly',
			    'monthly', 'quarterly', 'yearly', 'all_time')),
	sample_size	INTEGER NOT NULL CHECK (sample_size >= 10),
	value		REAL,		-- mean (trimmed when sample_size >= 20)
	percentile_25	REAL,
	percentile_50	REAL,
	percentile_75	REAL,
	created_at	TEXT NOT NULL,
	updated_at	TEXT NOT NULL,
	UNIQUE (industry, metric_name, period, period_type)
);
