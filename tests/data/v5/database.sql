PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
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
INSERT INTO users VALUES(1,'root@example.cl','','$argon2id$v=19$m=65536,t=3,p=1$hGlkrGne4iTRIpIKzf1UjQ$cfofe9lKYqlyA0dBeUm7pLORfabEdfjvFC9KzKAGK1Q',1,1,0,0,NULL,'2026-11-30 23:44:30','vm','2026-11-30 23:06:11','2026-11-30 23:06:11');
CREATE TABLE password_reset_tokens (
	id		INTEGER PRIMARY KEY,
	user_id		INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	token_hash	TEXT NOT NULL UNIQUE,
	created_at	TEXT NOT NULL,
	expires_at	TEXT NOT NULL,
	used		INTEGER NOT NULL DEFAULT 0 CHECK (used IN (0, 1))
);
CREATE TABLE email_verification_tokens (
	id		INTEGER PRIMARY KEY,
	user_id		INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	token_hash	TEXT NOT NULL UNIQUE,
	created_at	TEXT NOT NULL,
	expires_at	TEXT NOT NULL,
	verified	INTEGER NOT NULL DEFAULT 0 CHECK (verified IN (0, 1))
);
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
INSERT INTO companies VALUES(1,'76086428-5','Minimarket Los Andes','retail','micro',0,1,'2026-11-30 23:06:11','2026-11-30 23:06:11');
INSERT INTO companies VALUES(2,'11111111-1','Tienda Online','retail','micro',0,1,'2026-11-30 23:06:11','2026-11-30 23:06:11');
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
INSERT INTO user_companies VALUES(1,1,1,'owner',1,'2026-11-30 23:06:11','2026-11-30 23:06:11');
INSERT INTO user_companies VALUES(2,1,2,'owner',1,'2026-11-30 23:06:11','2026-11-30 23:06:11');
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
CREATE TABLE agg_day (
	company_id	INTEGER NOT NULL,
	day		TEXT NOT NULL,
	lines		INTEGER NOT NULL,
	revenue		INTEGER NOT NULL,
	units		INTEGER NOT NULL,
	cost		INTEGER NOT NULL,
	cost_lines	INTEGER NOT NULL,
	margin		INTEGER NOT NULL,
	margin_lines	INTEGER NOT NULL,
	revenue_c	INTEGER NOT NULL,	-- revenue of costed lines
	margin_c	INTEGER NOT NULL,	-- margin of costed lines
	costed_lines	INTEGER NOT NULL,
	discount	INTEGER NOT NULL,
	discount_lines	INTEGER NOT NULL,
	returns		INTEGER NOT NULL,
	trans		INTEGER NOT NULL,	-- distinct transactions
	products	INTEGER NOT NULL DEFAULT 0,
	customers	INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (company_id, day)
) WITHOUT ROWID;
INSERT INTO agg_day VALUES(1,'2025-09-29',7,1811000,9000,0,0,0,0,0,0,0,0,2,0,4,4,0);
INSERT INTO agg_day VALUES(1,'2025-09-30',10,6876000,44000,0,0,0,0,0,0,0,0,5,0,5,7,1);
INSERT INTO agg_day VALUES(1,'2025-10-01',7,2734000,26000,0,0,0,0,0,0,0,0,3,0,4,6,0);
INSERT INTO agg_day VALUES(1,'2025-10-02',7,6668000,42000,0,0,0,0,0,0,0,0,3,0,3,5,1);
INSERT INTO agg_day VALUES(1,'2025-10-03',4,217000,3000,0,0,0,0,0,0,0,0,4,1,2,4,0);
INSERT INTO agg_day VALUES(1,'2025-10-08',4,6088000,22000,0,0,0,0,0,0,0,0,0,0,2,4,0);
INSERT INTO agg_day VALUES(1,'2025-10-09',2,-480000,0,0,0,0,0,0,0,0,0,0,1,2,2,0);
INSERT INTO agg_day VALUES(1,'2025-10-10',5,4611000,49000,0,0,0,0,0,0,0,0,0,0,2,5,0);
INSERT INTO agg_day VALUES(1,'2025-10-11',3,-67000,-3000,0,0,0,0,0,0,0,0,0,2,2,3,0);
INSERT INTO agg_day VALUES(1,'2025-10-12',2,588000,2000,0,0,0,0,0,0,0,0,0,0,1,2,0);
INSERT INTO agg_day VALUES(1,'2025-10-14',12,3932000,18000,0,0,0,0,0,0,0,0,0,0,6,8,0);
INSERT INTO agg_day VALUES(2,'2025-09-12',3,916000,4000,0,0,0,0,0,0,0,0,0,0,2,3,0);
INSERT INTO agg_day VALUES(2,'2025-09-13',3,670000,10000,0,0,0,0,0,0,0,0,0,0,1,3,0);
INSERT INTO agg_day VALUES(2,'2025-09-14',1,279000,1000,0,0,0,0,0,0,0,0,0,0,1,1,0);
INSERT INTO agg_day VALUES(2,'2025-09-15',2,754000,6000,0,0,0,0,0,0,0,0,0,0,1,2,0);
INSERT INTO agg_day VALUES(2,'2025-09-16',3,1014000,6000,0,0,0,0,0,0,0,0,0,0,2,2,0);
INSERT INTO agg_day VALUES(2,'2025-09-17',3,696000,4000,0,0,0,0,0,0,0,0,0,0,2,3,0);
INSERT INTO agg_day VALUES(2,'2025-09-18',1,87000,3000,0,0,0,0,0,0,0,0,0,0,1,1,0);
INSERT INTO agg_day VALUES(2,'2025-10-03',2,3497000,3000,0,0,0,0,0,0,0,0,2,0,1,2,1);
INSERT INTO agg_day VALUES(2,'2025-10-15',2,3297000,3000,0,0,0,0,0,0,0,200000,2,0,1,2,1);
INSERT INTO agg_day VALUES(2,'2025-10-31',1,1299000,1000,0,0,0,0,0,0,0,0,1,0,1,1,1);
INSERT INTO agg_day VALUES(2,'2025-11-02',3,4345000,5000,0,0,0,0,0,0,0,150000,3,0,1,3,1);
INSERT INTO agg_day VALUES(2,'2025-11-14',2,5097000,3000,0,0,0,0,0,0,0,0,2,0,1,2,1);
INSERT INTO agg_day VALUES(2,'2025-11-30',1,1897000,4000,0,0,0,0,0,0,0,99000,1,0,1,1,1);
CREATE TABLE agg_product_day (
	company_id	INTEGER NOT NULL,
	day		TEXT NOT NULL,
	product_id	TEXT NOT NULL,
	category	TEXT NOT NULL,		-- '' for none
	description	TEXT NOT NULL,		-- '' for none
	lines		INTEGER NOT NULL,
	revenue		INTEGER NOT NULL,
	units		INTEGER NOT NULL,
	margin		INTEGER NOT NULL,
	margin_lines	INTEGER NOT NULL,
	revenue_c	INTEGER NOT NULL,
	margin_c	INTEGER NOT NULL,
	costed_lines	INTEGER NOT NULL,
	trans		INTEGER NOT NULL,
	PRIMARY KEY (company_id, day, product_id, category, description)
) WITHOUT ROWID;
INSERT INTO agg_product_day VALUES(1,'2025-09-29','7801234000011','','',1,178000,2000,0,0,0,0,0,1);
INSERT INTO agg_product_day VALUES(1,'2025-09-29','7801234000011','','Leche entera 1L',2,178000,2000,0,0,0,0,0,1);
INSERT INTO agg_product_day VALUES(1,'2025-09-29','7801234000028','','Pan hallulla kg',1,199000,1000,0,0,0,0,0,1);
INSERT INTO agg_product_day VALUES(1,'2025-09-29','7801234000035','','',1,349000,1000,0,0,0,0,0,1);
INSERT INTO agg_product_day VALUES(1,'2025-09-29','7801234000035','','Café molido 250g',1,349000,1000,0,0,0,0,0,1);
INSERT INTO agg_product_day VALUES(1,'2025-09-29','7801234000066','','Té Ceylán 100 bolsitas',1,558000,2000,0,0,0,0,0,1);
INSERT INTO agg_product_day VALUES(1,'2025-09-30','7801234000011','','Leche entera 1L',2,178000,2000,0,0,0,0,0,1);
INSERT INTO agg_product_day VALUES(1,'2025-09-30','7801234000028','','',1,199000,1000,0,0,0,0,0,1);
INSERT INTO agg_product_day VALUES(1,'2025-09-30','7801234000028','','Pan hallulla kg',1,199000,1000,0,0,0,0,0,1);
INSERT INTO agg_product_day VALUES(1,'2025-09-30','7801234000035','','Café molido 250g',1,349000,1000,0,0,0,0,0,1);
INSERT INTO agg_product_day VALUES(1,'2025-09-30','7801234000042','','',1,478000,2000,0,0,0,0,0,1);
INSERT INTO agg_product_day VALUES(1,'2025-09-30','7801234000059','','',1,109000,1000,0,0,0,0,0,1);
INSERT INTO agg_product_day VALUES(1,'2025-09-30','7801234000066','','',1,2790000,10000,0,0,0,0,0,1);
INSERT INTO agg_product_day VALUES(1,'2025-09-30','7801234000073','','',1,2376000,24000,0,0,0,0,0,1);
INSERT INTO agg_product_day VALUES(1,'2025-09-30','7801234000073','','Harina sin polvos 1kg',1,198000,2000,0,0,0,0,0,1);
INSERT INTO agg_product_day VALUES(1,'2025-10-01','7801234000011','','',1,534000,6000,0,0,0,0,0,1);
INSERT INTO agg_product_day VALUES(1,'2025-10-01','7801234000011','','Leche entera 1L',1,178000,2000,0,0,0,0,0,1);
INSERT INTO agg_product_day VALUES(1,'2025-10-01','7801234000035','','',1,1047000,3000,0,0,0,0,0,1);
INSERT INTO agg_product_day VALUES(1,'2025-10-01','7801234000042','','Aceite maravilla 1L',1,239000,1000,0,0,0,0,0,1);
INSERT INTO agg_product_day VALUES(1,'2025-10-01','7801234000059','','Azúcar 1kg',1,109000,1000,0,0,0,0,0,1);
INSERT INTO agg_product_day VALUES(1,'2025-10-01','7801234000066','','Té Ceylán 100 bolsitas',1,279000,1000,0,0,0,0,0,1);
INSERT INTO agg_product_day VALUES(1,'2025-10-01','7801234000080','','',1,348000,12000,0,0,0,0,0,1);
INSERT INTO agg_product_day VALUES(1,'2025-10-02','7801234000011','','Leche entera 1L',1,178000,2000,0,0,0,0,0,1);
INSERT INTO agg_product_day VALUES(1,'2025-10-02','7801234000028','','',1,995000,5000,0,0,0,0,0,1);
INSERT INTO agg_product_day VALUES(1,'2025-10-02','7801234000042','','',1,2868000,12000,0,0,0,0,0,1);
INSERT INTO agg_product_day VALUES(1,'2025-10-02','7801234000042','','Aceite maravilla 1L',1,239000,1000,0,0,0,0,0,1);
INSERT INTO agg_product_day VALUES(1,'2025-10-02','7801234000059','','',1,2180000,20000,0,0,0,0,0,1);
INSERT INTO agg_product_day VALUES(1,'2025-10-02','7801234000059','','Azúcar 1kg',1,109000,1000,0,0,0,0,0,1);
INSERT INTO agg_product_day VALUES(1,'2025-10-02','7801234000073','','Harina sin polvos 1kg',1,99000,1000,0,0,0,0,0,1);
INSERT INTO agg_product_day VALUES(1,'2025-10-03','7801234000011','','',1,89000,1000,0,0,0,0,0,1);
INSERT INTO agg_product_day VALUES(1,'2025-10-03','7801234000035','','',1,-349000,-1000,0,0,0,0,0,1);
INSERT INTO agg_product_day VALUES(1,'2025-10-03','7801234000066','','',1,279000,1000,0,0,0,0,0,1);
INSERT INTO agg_product_day VALUES(1,'2025-10-03','7801234000073','','',1,198000,2000,0,0,0,0,0,1);
INSERT INTO agg_product_day VALUES(1,'2025-10-08','7801234000011','','Leche entera 1L',1,267000,3000,0,0,0,0,0,1);
INSERT INTO agg_product_day VALUES(1,'2025-10-08','7801234000028','','Pan hallulla kg',1,199000,1000,0,0,0,0,0,1);
INSERT INTO agg_product_day VALUES(1,'2025-10-08','7801234000035','','Café molido 250g',1,4188000,12000,0,0,0,0,0,1);
INSERT INTO agg_product_day VALUES(1,'2025-10-08','7801234000042','','Aceite maravilla 1L',1,1434000,6000,0,0,0,0,0,1);
INSERT INTO agg_product_day VALUES(1,'2025-10-09','7801234000035','','Café molido 250g',1,-698000,-2000,0,0,0,0,0,1);
INSERT INTO agg_product_day VALUES(1,'2025-10-09','7801234000059','','Azúcar 1kg',1,218000,2000,0,0,0,0,0,1);
INSERT INTO agg_product_day VALUES(1,'2025-10-10','7801234000011','','Leche entera 1L',1,2136000,24000,0,0,0,0,0,1);
INSERT INTO agg_product_day VALUES(1,'2025-10-10','7801234000059','','Azúcar 1kg',1,1090000,10000,0,0,0,0,0,1);
INSERT INTO agg_product_day VALUES(1,'2025-10-10','7801234000066','','Té Ceylán 100 bolsitas',1,279000,1000,0,0,0,0,0,1);
INSERT INTO agg_product_day VALUES(1,'2025-10-10','7801234000073','','Harina sin polvos 1kg',1,990000,10000,0,0,0,0,0,1);
INSERT INTO agg_product_day VALUES(1,'2025-10-10','7801234000080','','Jugo en polvo piña',1,116000,4000,0,0,0,0,0,1);
INSERT INTO agg_product_day VALUES(1,'2025-10-11','7801234000011','','Leche entera 1L',1,-356000,-4000,0,0,0,0,0,1);
INSERT INTO agg_product_day VALUES(1,'2025-10-11','7801234000028','','Pan hallulla kg',1,398000,2000,0,0,0,0,0,1);
INSERT INTO agg_product_day VALUES(1,'2025-10-11','7801234000059','','Azúcar 1kg',1,-109000,-1000,0,0,0,0,0,1);
INSERT INTO agg_product_day VALUES(1,'2025-10-12','7801234000035','','Café molido 250g',1,349000,1000,0,0,0,0,0,1);
INSERT INTO agg_product_day VALUES(1,'2025-10-12','7801234000042','','Aceite maravilla 1L',1,239000,1000,0,0,0,0,0,1);
INSERT INTO agg_product_day VALUES(1,'2025-10-14','7801234000011','','Leche entera 1L',1,89000,1000,0,0,0,0,0,1);
INSERT INTO agg_product_day VALUES(1,'2025-10-14','7801234000028','','Pan hallulla kg',1,398000,2000,0,0,0,0,0,1);
INSERT INTO agg_product_day VALUES(1,'2025-10-14','7801234000035','','Café molido 250g',2,1396000,4000,0,0,0,0,0,2);
INSERT INTO agg_product_day VALUES(1,'2025-10-14','7801234000042','','Aceite maravilla 1L',2,478000,2000,0,0,0,0,0,2);
INSERT INTO agg_product_day VALUES(1,'2025-10-14','7801234000059','','Azúcar 1kg',2,327000,3000,0,0,0,0,0,2);
INSERT INTO agg_product_day VALUES(1,'2025-10-14','7801234000066','','Té Ceylán 100 bolsitas',2,1116000,4000,0,0,0,0,0,2);
INSERT INTO agg_product_day VALUES(1,'2025-10-14','7801234000073','','Harina sin polvos 1kg',1,99000,1000,0,0,0,0,0,1);
INSERT INTO agg_product_day VALUES(1,'2025-10-14','7801234000080','','Jugo en polvo piña',1,29000,1000,0,0,0,0,0,1);
INSERT INTO agg_product_day VALUES(2,'2025-09-12','7801234000011','','Leche entera 1L',1,89000,1000,0,0,0,0,0,1);
INSERT INTO agg_product_day VALUES(2,'2025-09-12','7801234000035','','Café molido 250g',1,349000,1000,0,0,0,0,0,1);
INSERT INTO agg_product_day VALUES(2,'2025-09-12','7801234000042','','Aceite maravilla 1L',1,478000,2000,0,0,0,0,0,1);
INSERT INTO agg_product_day VALUES(2,'2025-09-13','7801234000059','','Azúcar 1kg',1,327000,3000,0,0,0,0,0,1);
INSERT INTO agg_product_day VALUES(2,'2025-09-13','7801234000073','','Harina sin polvos 1kg',1,198000,2000,0,0,0,0,0,1);
INSERT INTO agg_product_day VALUES(2,'2025-09-13','7801234000080','','Jugo en polvo piña',1,145000,5000,0,0,0,0,0,1);
INSERT INTO agg_product_day VALUES(2,'2025-09-14','7801234000066','','Té Ceylán 100 bolsitas',1,279000,1000,0,0,0,0,0,1);
INSERT INTO agg_product_day VALUES(2,'2025-09-15','7801234000011','','Leche entera 1L',1,356000,4000,0,0,0,0,0,1);
INSERT INTO agg_product_day VALUES(2,'2025-09-15','7801234000028','','Pan hallulla kg',1,398000,2000,0,0,0,0,0,1);
INSERT INTO agg_product_day VALUES(2,'2025-09-16','7801234000042','','Aceite maravilla 1L',2,717000,3000,0,0,0,0,0,2);
INSERT INTO agg_product_day VALUES(2,'2025-09-16','7801234000073','','Harina sin polvos 1kg',1,297000,3000,0,0,0,0,0,1);
INSERT INTO agg_product_day VALUES(2,'2025-09-17','7801234000028','','Pan hallulla kg',1,199000,1000,0,0,0,0,0,1);
INSERT INTO agg_product_day VALUES(2,'2025-09-17','7801234000059','','Azúcar 1kg',1,218000,2000,0,0,0,0,0,1);
INSERT INTO agg_product_day VALUES(2,'2025-09-17','7801234000066','','Té Ceylán 100 bolsitas',1,279000,1000,0,0,0,0,0,1);
INSERT INTO agg_product_day VALUES(2,'2025-09-18','7801234000080','','Jugo en polvo piña',1,87000,3000,0,0,0,0,0,1);
INSERT INTO agg_product_day VALUES(2,'2025-10-03','GOR-01','','Gorro lana, azul',1,899000,1000,0,0,0,0,0,1);
INSERT INTO agg_product_day VALUES(2,'2025-10-03','POL-M','','Polera algodón M',1,2598000,2000,0,0,0,0,0,1);
INSERT INTO agg_product_day VALUES(2,'2025-10-15','Calcetines "pack" 3','','Calcetines "pack" 3',1,998000,2000,0,0,0,0,0,1);
INSERT INTO agg_product_day VALUES(2,'2025-10-15','POL-XL','','Polerón canguro XL',1,2299000,1000,0,0,0,0,0,1);
INSERT INTO agg_product_day VALUES(2,'2025-10-31','POL-L','','Polera algodón L',1,1299000,1000,0,0,0,0,0,1);
INSERT INTO agg_product_day VALUES(2,'2025-11-02','Calcetines "pack" 3','','Calcetines "pack" 3',1,499000,1000,0,0,0,0,0,1);
INSERT INTO agg_product_day VALUES(2,'2025-11-02','GOR-01','','Gorro lana, azul',1,2547000,3000,0,0,0,0,0,1);
INSERT INTO agg_product_day VALUES(2,'2025-11-02','POL-M','','Polera algodón M',1,1299000,1000,0,0,0,0,0,1);
INSERT INTO agg_product_day VALUES(2,'2025-11-14','POL-L','','Polera algodón L',1,2598000,2000,0,0,0,0,0,1);
INSERT INTO agg_product_day VALUES(2,'2025-11-14','POL-XL','','Polerón canguro XL',1,2499000,1000,0,0,0,0,0,1);
INSERT INTO agg_product_day VALUES(2,'2025-11-30','Calcetines "pack" 3','','Calcetines "pack" 3',1,1897000,4000,0,0,0,0,0,1);
CREATE TABLE agg_customer_day (
	company_id	INTEGER NOT NULL,
	day		TEXT NOT NULL,
	customer_id	TEXT NOT NULL,
	lines		INTEGER NOT NULL,
	revenue		INTEGER NOT NULL,
	trans		INTEGER NOT NULL,
	PRIMARY KEY (company_id, day, customer_id)
) WITHOUT ROWID;
INSERT INTO agg_customer_day VALUES(1,'2025-09-30','76.086.428-5',2,5166000,1);
INSERT INTO agg_customer_day VALUES(1,'2025-10-02','76.086.428-5',3,6043000,1);
INSERT INTO agg_customer_day VALUES(2,'2025-10-03','ana@example.cl',2,3497000,1);
INSERT INTO agg_customer_day VALUES(2,'2025-10-15','pedro@example.cl',2,3297000,1);
INSERT INTO agg_customer_day VALUES(2,'2025-10-31','luz@example.cl',1,1299000,1);
INSERT INTO agg_customer_day VALUES(2,'2025-11-02','ana@example.cl',3,4345000,1);
INSERT INTO agg_customer_day VALUES(2,'2025-11-14','jose@example.cl',2,5097000,1);
INSERT INTO agg_customer_day VALUES(2,'2025-11-30','luz@example.cl',1,1897000,1);
CREATE TABLE agg_category_day (
	company_id	INTEGER NOT NULL,
	day		TEXT NOT NULL,
	category	TEXT NOT NULL,		-- '' for none
	lines		INTEGER NOT NULL,
	trans		INTEGER NOT NULL,
	PRIMARY KEY (company_id, day, category)
) WITHOUT ROWID;
INSERT INTO agg_category_day VALUES(1,'2025-09-29','',7,4);
INSERT INTO agg_category_day VALUES(1,'2025-09-30','',10,5);
INSERT INTO agg_category_day VALUES(1,'2025-10-01','',7,4);
INSERT INTO agg_category_day VALUES(1,'2025-10-02','',7,3);
INSERT INTO agg_category_day VALUES(1,'2025-10-03','',4,2);
INSERT INTO agg_category_day VALUES(1,'2025-10-08','',4,2);
INSERT INTO agg_category_day VALUES(1,'2025-10-09','',2,2);
INSERT INTO agg_category_day VALUES(1,'2025-10-10','',5,2);
INSERT INTO agg_category_day VALUES(1,'2025-10-11','',3,2);
INSERT INTO agg_category_day VALUES(1,'2025-10-12','',2,1);
INSERT INTO agg_category_day VALUES(1,'2025-10-14','',12,6);
INSERT INTO agg_category_day VALUES(2,'2025-09-12','',3,2);
INSERT INTO agg_category_day VALUES(2,'2025-09-13','',3,1);
INSERT INTO agg_category_day VALUES(2,'2025-09-14','',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-09-15','',2,1);
INSERT INTO agg_category_day VALUES(2,'2025-09-16','',3,2);
INSERT INTO agg_category_day VALUES(2,'2025-09-17','',3,2);
INSERT INTO agg_category_day VALUES(2,'2025-09-18','',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-10-03','',2,1);
INSERT INTO agg_category_day VALUES(2,'2025-10-15','',2,1);
INSERT INTO agg_category_day VALUES(2,'2025-10-31','',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-11-02','',3,1);
INSERT INTO agg_category_day VALUES(2,'2025-11-14','',2,1);
INSERT INTO agg_category_day VALUES(2,'2025-11-30','',1,1);
CREATE TABLE agg_period (
	company_id	INTEGER NOT NULL,
	period		TEXT NOT NULL,
	products	INTEGER NOT NULL,
	customers	INTEGER NOT NULL,
	PRIMARY KEY (company_id, period)
) WITHOUT ROWID;
INSERT INTO agg_period VALUES(1,'2025',8,1);
INSERT INTO agg_period VALUES(1,'2025-09',7,1);
INSERT INTO agg_period VALUES(1,'2025-10',8,1);
INSERT INTO agg_period VALUES(1,'2025-Q3',7,1);
INSERT INTO agg_period VALUES(1,'2025-Q4',8,1);
INSERT INTO agg_period VALUES(1,'2025-W40',8,1);
INSERT INTO agg_period VALUES(1,'2025-W41',8,0);
INSERT INTO agg_period VALUES(1,'2025-W42',8,0);
INSERT INTO agg_period VALUES(2,'2025',13,4);
INSERT INTO agg_period VALUES(2,'2025-09',8,0);
INSERT INTO agg_period VALUES(2,'2025-10',5,3);
INSERT INTO agg_period VALUES(2,'2025-11',5,3);
INSERT INTO agg_period VALUES(2,'2025-Q3',8,0);
INSERT INTO agg_period VALUES(2,'2025-Q4',5,4);
INSERT INTO agg_period VALUES(2,'2025-W37',7,0);
INSERT INTO agg_period VALUES(2,'2025-W38',7,0);
INSERT INTO agg_period VALUES(2,'2025-W40',2,1);
INSERT INTO agg_period VALUES(2,'2025-W42',2,1);
INSERT INTO agg_period VALUES(2,'2025-W44',4,2);
INSERT INTO agg_period VALUES(2,'2025-W46',2,1);
INSERT INTO agg_period VALUES(2,'2025-W48',1,1);
CREATE TABLE agg_deferred (
	company_id	INTEGER PRIMARY KEY,
	from_day	TEXT,
	to_day		TEXT
);
CREATE TABLE IF NOT EXISTS "uploads" (
	id		INTEGER PRIMARY KEY,
	company_id	INTEGER NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
	user_id		INTEGER REFERENCES users (id) ON DELETE SET NULL,
	filename	TEXT NOT NULL,
	file_size	INTEGER CHECK (file_size >= 0),
	file_sha256	TEXT,
	mode		TEXT NOT NULL DEFAULT 'upsert'
			    CHECK (mode IN ('upsert', 'replace')),
	status		TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending',
			    'processing', 'completed', 'failed', 'cancelled',
			    'deleted')),
	pid		INTEGER,	-- process doing the work, to spot a kill -9
	host		TEXT,
	dialect		TEXT,
	column_mappings	TEXT,
	original_rows	INTEGER NOT NULL DEFAULT 0 CHECK (original_rows >= 0),
	processed_rows	INTEGER NOT NULL DEFAULT 0 CHECK (processed_rows >= 0),
	updated_rows	INTEGER NOT NULL DEFAULT 0 CHECK (updated_rows >= 0),
	unchanged_rows	INTEGER NOT NULL DEFAULT 0 CHECK (unchanged_rows >= 0),
	deleted_rows	INTEGER NOT NULL DEFAULT 0 CHECK (deleted_rows >= 0),
	error_rows	INTEGER NOT NULL DEFAULT 0 CHECK (error_rows >= 0),
	skipped_rows	INTEGER NOT NULL DEFAULT 0 CHECK (skipped_rows >= 0),
	first_date	TEXT,
	last_date	TEXT,
	-- --mode replace: the days whose stored lines were deleted first
	replace_from	TEXT,
	replace_to	TEXT,
	error_message	TEXT,
	error_details	TEXT,
	created_at	TEXT NOT NULL,
	started_at	TEXT,
	completed_at	TEXT,
	-- 'ayni uploads delete': the lines went, the record stays
	deleted_at	TEXT,
	deleted_by	INTEGER REFERENCES users (id) ON DELETE SET NULL,
	removed_rows	INTEGER CHECK (removed_rows >= 0),	-- lines it took
	CHECK ((status = 'deleted') = (deleted_at IS NOT NULL))
);
INSERT INTO uploads VALUES(1,1,1,'pos-dos-cajas.csv',879,NULL,'upsert','completed',5007,'vm','{"encoding":"utf-8","encoding_detected":true,"bom":false,"delimiter":";","delimiter_detected":true,"date_order":"day-first","columns":{"in_dt":"Fecha","in_trans_id":"N° Ticket","in_product_id":"SKU","in_quantity":"Cantidad","in_price_total":"Total Venta","in_description":"Descripción","in_branch":"Caja"},"decimal":{"in_quantity":",","in_price_total":","}}','{"in_dt":"Fecha","in_trans_id":"N° Ticket","in_product_id":"SKU","in_quantity":"Cantidad","in_price_total":"Total Venta","in_description":"Descripción","in_branch":"Caja"}',12,12,0,0,0,0,0,'2025-10-14','2025-10-14',NULL,NULL,NULL,NULL,'2026-11-30 23:06:11','2026-11-30 23:06:11','2026-11-30 23:06:11',NULL,NULL,NULL);
INSERT INTO uploads VALUES(2,1,1,'sii-tipo-dte.csv',994,NULL,'upsert','completed',5008,'vm','{"encoding":"utf-8","encoding_detected":true,"bom":false,"delimiter":";","delimiter_detected":true,"date_order":"day-first","columns":{"in_dt":"Fecha","in_trans_id":"Folio","in_product_id":"Código","in_quantity":"Cantidad","in_price_total":"Neto","in_description":"Descripción","in_doc_type":"Tipo DTE"},"decimal":{"in_quantity":",","in_price_total":","}}','{"in_dt":"Fecha","in_trans_id":"Folio","in_product_id":"Código","in_quantity":"Cantidad","in_price_total":"Neto","in_description":"Descripción","in_doc_type":"Tipo DTE"}',16,16,0,0,0,0,0,'2025-10-08','2025-10-12',NULL,NULL,NULL,NULL,'2026-11-30 23:06:11','2026-11-30 23:06:11','2026-11-30 23:06:11',NULL,NULL,NULL);
INSERT INTO uploads VALUES(3,1,1,'bsale-detalle-ventas.csv',2225,NULL,'upsert','completed',5009,'vm','{"encoding":"utf-8","encoding_detected":true,"bom":false,"delimiter":",","delimiter_detected":true,"date_order":"day-first","export":"bsale","columns":{"in_dt":"Fecha de Emisión","in_trans_id":"N° Documento","in_product_id":"SKU","in_quantity":"Cantidad","in_price_total":"Subtotal Neto","in_customer_id":"Cliente","in_doc_type":"Tipo Documento","in_branch":"Sucursal","in_price_unit":"Precio Unitario","in_tax":"IVA"},"decimal":{"in_quantity":",","in_price_total":",","in_price_unit":",","in_tax":","}}','{"in_dt":"Fecha de Emisión","in_trans_id":"N° Documento","in_product_id":"SKU","in_quantity":"Cantidad","in_price_total":"Subtotal Neto","in_customer_id":"Cliente","in_doc_type":"Tipo Documento","in_branch":"Sucursal","in_price_unit":"Precio Unitario","in_tax":"IVA"}',17,17,0,0,0,0,0,'2025-09-29','2025-10-03',NULL,NULL,NULL,NULL,'2026-11-30 23:06:11','2026-11-30 23:06:11','2026-11-30 23:06:11',NULL,NULL,NULL);
INSERT INTO uploads VALUES(4,1,1,'pos-ticket-diario.csv',1104,NULL,'upsert','completed',5010,'vm','{"encoding":"utf-8","encoding_detected":true,"bom":false,"delimiter":";","delimiter_detected":true,"date_order":"day-first","columns":{"in_dt":"Fecha","in_trans_id":"Ticket","in_product_id":"Código","in_quantity":"Cantidad","in_price_total":"Total","in_description":"Descripción"},"decimal":{"in_quantity":",","in_price_total":","}}','{"in_dt":"Fecha","in_trans_id":"Ticket","in_product_id":"Código","in_quantity":"Cantidad","in_price_total":"Total","in_description":"Descripción"}',18,18,0,0,0,0,0,'2025-09-29','2025-10-02',NULL,NULL,NULL,NULL,'2026-11-30 23:06:11','2026-11-30 23:06:11','2026-11-30 23:06:11',NULL,NULL,NULL);
INSERT INTO uploads VALUES(5,2,1,'shopify-orders.csv',2464,NULL,'upsert','completed',5011,'vm','{"encoding":"utf-8","encoding_detected":true,"bom":false,"delimiter":",","delimiter_detected":true,"date_order":"day-first","export":"shopify","columns":{"in_dt":"Created at","in_trans_id":"Name","in_product_id":"Lineitem sku","in_quantity":"Lineitem quantity","in_customer_id":"Email","in_description":"Lineitem name","in_price_unit":"Lineitem price","in_discount_total":"Discount Amount"},"decimal":{"in_quantity":".","in_price_unit":".","in_discount_total":"."}}','{"in_dt":"Created at","in_trans_id":"Name","in_product_id":"Lineitem sku","in_quantity":"Lineitem quantity","in_customer_id":"Email","in_description":"Lineitem name","in_price_unit":"Lineitem price","in_discount_total":"Discount Amount"}',11,11,0,0,0,0,0,'2025-10-03','2025-11-30',NULL,NULL,NULL,NULL,'2026-11-30 23:06:11','2026-11-30 23:06:11','2026-11-30 23:06:11',NULL,NULL,NULL);
INSERT INTO uploads VALUES(6,2,1,'pedidos-iso-offset.csv',685,NULL,'upsert','deleted',5012,'vm','{"encoding":"utf-8","encoding_detected":true,"bom":false,"delimiter":",","delimiter_detected":true,"date_order":"day-first","columns":{"in_dt":"Fecha","in_trans_id":"N° Pedido","in_product_id":"SKU","in_quantity":"Cantidad","in_price_total":"Total","in_description":"Nombre"},"decimal":{"in_quantity":",","in_price_total":","}}','{"in_dt":"Fecha","in_trans_id":"N° Pedido","in_product_id":"SKU","in_quantity":"Cantidad","in_price_total":"Total","in_description":"Nombre"}',9,9,0,0,0,0,0,'2025-10-30','2025-11-02',NULL,NULL,NULL,NULL,'2026-11-30 23:06:11','2026-11-30 23:06:11','2026-11-30 23:06:11','2026-11-30 23:06:11',1,9);
INSERT INTO uploads VALUES(7,2,1,'pos-utf8-bom-crlf.csv',1130,NULL,'upsert','completed',5013,'vm','{"encoding":"utf-8","encoding_detected":true,"bom":true,"delimiter":",","delimiter_detected":true,"date_order":"day-first","columns":{"in_dt":"fecha","in_trans_id":"boleta","in_product_id":"sku","in_quantity":"cantidad","in_price_total":"total","in_description":"descripcion"},"decimal":{"in_quantity":",","in_price_total":","}}','{"in_dt":"fecha","in_trans_id":"boleta","in_product_id":"sku","in_quantity":"cantidad","in_price_total":"total","in_description":"descripcion"}',16,16,0,0,0,0,0,'2025-09-12','2025-09-18',NULL,NULL,NULL,NULL,'2026-11-30 23:06:11','2026-11-30 23:06:11','2026-11-30 23:06:11',NULL,NULL,NULL);
CREATE TABLE IF NOT EXISTS "data_updates" (
	id		INTEGER PRIMARY KEY,
	company_id	INTEGER NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
	upload_id	INTEGER NOT NULL REFERENCES uploads (id) ON DELETE CASCADE,
	user_id		INTEGER REFERENCES users (id) ON DELETE SET NULL,
	action		TEXT NOT NULL DEFAULT 'upload'
			    CHECK (action IN ('upload', 'delete')),
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
	UNIQUE (upload_id, action, period_type, period)
);
INSERT INTO data_updates VALUES(1,1,1,1,'upload','2025-10-14','daily',0,12,12,0,0,NULL,'2026-11-30 23:06:11');
INSERT INTO data_updates VALUES(2,1,1,1,'upload','2025-W42','weekly',0,12,12,0,0,NULL,'2026-11-30 23:06:11');
INSERT INTO data_updates VALUES(3,1,1,1,'upload','2025-10','monthly',0,12,12,0,0,NULL,'2026-11-30 23:06:11');
INSERT INTO data_updates VALUES(4,1,1,1,'upload','2025-Q4','quarterly',0,12,12,0,0,NULL,'2026-11-30 23:06:11');
INSERT INTO data_updates VALUES(5,1,1,1,'upload','2025','yearly',0,12,12,0,0,NULL,'2026-11-30 23:06:11');
INSERT INTO data_updates VALUES(6,1,2,1,'upload','2025-10-08','daily',0,4,4,0,0,NULL,'2026-11-30 23:06:11');
INSERT INTO data_updates VALUES(7,1,2,1,'upload','2025-10-09','daily',0,2,2,0,0,NULL,'2026-11-30 23:06:11');
INSERT INTO data_updates VALUES(8,1,2,1,'upload','2025-10-10','daily',0,5,5,0,0,NULL,'2026-11-30 23:06:11');
INSERT INTO data_updates VALUES(9,1,2,1,'upload','2025-10-11','daily',0,3,3,0,0,NULL,'2026-11-30 23:06:11');
INSERT INTO data_updates VALUES(10,1,2,1,'upload','2025-10-12','daily',0,2,2,0,0,NULL,'2026-11-30 23:06:11');
INSERT INTO data_updates VALUES(11,1,2,1,'upload','2025-W41','weekly',0,16,16,0,0,NULL,'2026-11-30 23:06:11');
INSERT INTO data_updates VALUES(12,1,2,1,'upload','2025-10','monthly',12,28,16,0,0,NULL,'2026-11-30 23:06:11');
INSERT INTO data_updates VALUES(13,1,2,1,'upload','2025-Q4','quarterly',12,28,16,0,0,NULL,'2026-11-30 23:06:11');
INSERT INTO data_updates VALUES(14,1,2,1,'upload','2025','yearly',12,28,16,0,0,NULL,'2026-11-30 23:06:11');
INSERT INTO data_updates VALUES(15,1,3,1,'upload','2025-09-29','daily',0,2,2,0,0,NULL,'2026-11-30 23:06:11');
INSERT INTO data_updates VALUES(16,1,3,1,'upload','2025-09-30','daily',0,5,5,0,0,NULL,'2026-11-30 23:06:11');
INSERT INTO data_updates VALUES(17,1,3,1,'upload','2025-10-01','daily',0,3,3,0,0,NULL,'2026-11-30 23:06:11');
INSERT INTO data_updates VALUES(18,1,3,1,'upload','2025-10-02','daily',0,3,3,0,0,NULL,'2026-11-30 23:06:11');
INSERT INTO data_updates VALUES(19,1,3,1,'upload','2025-10-03','daily',0,4,4,0,0,NULL,'2026-11-30 23:06:11');
INSERT INTO data_updates VALUES(20,1,3,1,'upload','2025-W40','weekly',0,17,17,0,0,NULL,'2026-11-30 23:06:11');
INSERT INTO data_updates VALUES(21,1,3,1,'upload','2025-09','monthly',0,7,7,0,0,NULL,'2026-11-30 23:06:11');
INSERT INTO data_updates VALUES(22,1,3,1,'upload','2025-10','monthly',28,38,10,0,0,NULL,'2026-11-30 23:06:11');
INSERT INTO data_updates VALUES(23,1,3,1,'upload','2025-Q3','quarterly',0,7,7,0,0,NULL,'2026-11-30 23:06:11');
INSERT INTO data_updates VALUES(24,1,3,1,'upload','2025-Q4','quarterly',28,38,10,0,0,NULL,'2026-11-30 23:06:11');
INSERT INTO data_updates VALUES(25,1,3,1,'upload','2025','yearly',28,45,17,0,0,NULL,'2026-11-30 23:06:11');
INSERT INTO data_updates VALUES(26,1,4,1,'upload','2025-09-29','daily',2,7,5,0,0,NULL,'2026-11-30 23:06:11');
INSERT INTO data_updates VALUES(27,1,4,1,'upload','2025-09-30','daily',5,10,5,0,0,NULL,'2026-11-30 23:06:11');
INSERT INTO data_updates VALUES(28,1,4,1,'upload','2025-10-01','daily',3,7,4,0,0,NULL,'2026-11-30 23:06:11');
INSERT INTO data_updates VALUES(29,1,4,1,'upload','2025-10-02','daily',3,7,4,0,0,NULL,'2026-11-30 23:06:11');
INSERT INTO data_updates VALUES(30,1,4,1,'upload','2025-W40','weekly',17,35,18,0,0,NULL,'2026-11-30 23:06:11');
INSERT INTO data_updates VALUES(31,1,4,1,'upload','2025-09','monthly',7,17,10,0,0,NULL,'2026-11-30 23:06:11');
INSERT INTO data_updates VALUES(32,1,4,1,'upload','2025-10','monthly',38,46,8,0,0,NULL,'2026-11-30 23:06:11');
INSERT INTO data_updates VALUES(33,1,4,1,'upload','2025-Q3','quarterly',7,17,10,0,0,NULL,'2026-11-30 23:06:11');
INSERT INTO data_updates VALUES(34,1,4,1,'upload','2025-Q4','quarterly',38,46,8,0,0,NULL,'2026-11-30 23:06:11');
INSERT INTO data_updates VALUES(35,1,4,1,'upload','2025','yearly',45,63,18,0,0,NULL,'2026-11-30 23:06:11');
INSERT INTO data_updates VALUES(36,2,5,1,'upload','2025-10-03','daily',0,2,2,0,0,NULL,'2026-11-30 23:06:11');
INSERT INTO data_updates VALUES(37,2,5,1,'upload','2025-10-15','daily',0,2,2,0,0,NULL,'2026-11-30 23:06:11');
INSERT INTO data_updates VALUES(38,2,5,1,'upload','2025-10-31','daily',0,1,1,0,0,NULL,'2026-11-30 23:06:11');
INSERT INTO data_updates VALUES(39,2,5,1,'upload','2025-11-02','daily',0,3,3,0,0,NULL,'2026-11-30 23:06:11');
INSERT INTO data_updates VALUES(40,2,5,1,'upload','2025-11-14','daily',0,2,2,0,0,NULL,'2026-11-30 23:06:11');
INSERT INTO data_updates VALUES(41,2,5,1,'upload','2025-11-30','daily',0,1,1,0,0,NULL,'2026-11-30 23:06:11');
INSERT INTO data_updates VALUES(42,2,5,1,'upload','2025-W40','weekly',0,2,2,0,0,NULL,'2026-11-30 23:06:11');
INSERT INTO data_updates VALUES(43,2,5,1,'upload','2025-W42','weekly',0,2,2,0,0,NULL,'2026-11-30 23:06:11');
INSERT INTO data_updates VALUES(44,2,5,1,'upload','2025-W44','weekly',0,4,4,0,0,NULL,'2026-11-30 23:06:11');
INSERT INTO data_updates VALUES(45,2,5,1,'upload','2025-W46','weekly',0,2,2,0,0,NULL,'2026-11-30 23:06:11');
INSERT INTO data_updates VALUES(46,2,5,1,'upload','2025-W48','weekly',0,1,1,0,0,NULL,'2026-11-30 23:06:11');
INSERT INTO data_updates VALUES(47,2,5,1,'upload','2025-10','monthly',0,5,5,0,0,NULL,'2026-11-30 23:06:11');
INSERT INTO data_updates VALUES(48,2,5,1,'upload','2025-11','monthly',0,6,6,0,0,NULL,'2026-11-30 23:06:11');
INSERT INTO data_updates VALUES(49,2,5,1,'upload','2025-Q4','quarterly',0,11,11,0,0,NULL,'2026-11-30 23:06:11');
INSERT INTO data_updates VALUES(50,2,5,1,'upload','2025','yearly',0,11,11,0,0,NULL,'2026-11-30 23:06:11');
INSERT INTO data_updates VALUES(51,2,6,1,'upload','2025-10-30','daily',0,1,1,0,0,NULL,'2026-11-30 23:06:11');
INSERT INTO data_updates VALUES(52,2,6,1,'upload','2025-10-31','daily',1,4,3,0,0,NULL,'2026-11-30 23:06:11');
INSERT INTO data_updates VALUES(53,2,6,1,'upload','2025-11-01','daily',0,3,3,0,0,NULL,'2026-11-30 23:06:11');
INSERT INTO data_updates VALUES(54,2,6,1,'upload','2025-11-02','daily',3,5,2,0,0,NULL,'2026-11-30 23:06:11');
INSERT INTO data_updates VALUES(55,2,6,1,'upload','2025-W44','weekly',4,13,9,0,0,NULL,'2026-11-30 23:06:11');
INSERT INTO data_updates VALUES(56,2,6,1,'upload','2025-10','monthly',5,9,4,0,0,NULL,'2026-11-30 23:06:11');
INSERT INTO data_updates VALUES(57,2,6,1,'upload','2025-11','monthly',6,11,5,0,0,NULL,'2026-11-30 23:06:11');
INSERT INTO data_updates VALUES(58,2,6,1,'upload','2025-Q4','quarterly',11,20,9,0,0,NULL,'2026-11-30 23:06:11');
INSERT INTO data_updates VALUES(59,2,6,1,'upload','2025','yearly',11,20,9,0,0,NULL,'2026-11-30 23:06:11');
INSERT INTO data_updates VALUES(60,2,7,1,'upload','2025-09-12','daily',0,3,3,0,0,NULL,'2026-11-30 23:06:11');
INSERT INTO data_updates VALUES(61,2,7,1,'upload','2025-09-13','daily',0,3,3,0,0,NULL,'2026-11-30 23:06:11');
INSERT INTO data_updates VALUES(62,2,7,1,'upload','2025-09-14','daily',0,1,1,0,0,NULL,'2026-11-30 23:06:11');
INSERT INTO data_updates VALUES(63,2,7,1,'upload','2025-09-15','daily',0,2,2,0,0,NULL,'2026-11-30 23:06:11');
INSERT INTO data_updates VALUES(64,2,7,1,'upload','2025-09-16','daily',0,3,3,0,0,NULL,'2026-11-30 23:06:11');
INSERT INTO data_updates VALUES(65,2,7,1,'upload','2025-09-17','daily',0,3,3,0,0,NULL,'2026-11-30 23:06:11');
INSERT INTO data_updates VALUES(66,2,7,1,'upload','2025-09-18','daily',0,1,1,0,0,NULL,'2026-11-30 23:06:11');
INSERT INTO data_updates VALUES(67,2,7,1,'upload','2025-W37','weekly',0,7,7,0,0,NULL,'2026-11-30 23:06:11');
INSERT INTO data_updates VALUES(68,2,7,1,'upload','2025-W38','weekly',0,9,9,0,0,NULL,'2026-11-30 23:06:11');
INSERT INTO data_updates VALUES(69,2,7,1,'upload','2025-09','monthly',0,16,16,0,0,NULL,'2026-11-30 23:06:11');
INSERT INTO data_updates VALUES(70,2,7,1,'upload','2025-Q3','quarterly',0,16,16,0,0,NULL,'2026-11-30 23:06:11');
INSERT INTO data_updates VALUES(71,2,7,1,'upload','2025','yearly',20,36,16,0,0,NULL,'2026-11-30 23:06:11');
INSERT INTO data_updates VALUES(72,2,6,1,'delete','2025-10-30','daily',1,0,0,0,1,NULL,'2026-11-30 23:06:11');
INSERT INTO data_updates VALUES(73,2,6,1,'delete','2025-10-31','daily',4,1,0,0,3,NULL,'2026-11-30 23:06:11');
INSERT INTO data_updates VALUES(74,2,6,1,'delete','2025-11-01','daily',3,0,0,0,3,NULL,'2026-11-30 23:06:11');
INSERT INTO data_updates VALUES(75,2,6,1,'delete','2025-11-02','daily',5,3,0,0,2,NULL,'2026-11-30 23:06:11');
INSERT INTO data_updates VALUES(76,2,6,1,'delete','2025-W44','weekly',13,4,0,0,9,NULL,'2026-11-30 23:06:11');
INSERT INTO data_updates VALUES(77,2,6,1,'delete','2025-10','monthly',9,5,0,0,4,NULL,'2026-11-30 23:06:11');
INSERT INTO data_updates VALUES(78,2,6,1,'delete','2025-11','monthly',11,6,0,0,5,NULL,'2026-11-30 23:06:11');
INSERT INTO data_updates VALUES(79,2,6,1,'delete','2025-Q4','quarterly',20,11,0,0,9,NULL,'2026-11-30 23:06:11');
INSERT INTO data_updates VALUES(80,2,6,1,'delete','2025','yearly',36,27,0,0,9,NULL,'2026-11-30 23:06:11');
CREATE TABLE agg_irregular (
	company_id	INTEGER NOT NULL,
	txn_key		TEXT NOT NULL,
	PRIMARY KEY (company_id, txn_key)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS "raw_transactions" (
	id			INTEGER PRIMARY KEY,
	company_id		INTEGER NOT NULL
				    REFERENCES companies (id) ON DELETE CASCADE,
	upload_id		INTEGER NOT NULL
				    REFERENCES uploads (id) ON DELETE CASCADE,
	line_no			INTEGER NOT NULL CHECK (line_no > 0),
	transaction_date	TEXT NOT NULL CHECK (transaction_date GLOB
	    '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9] [0-2][0-9]:[0-5][0-9]:[0-5][0-9]'),
	branch			TEXT NOT NULL DEFAULT ''
				    CHECK (instr(branch, char(31)) = 0),
	doc_type		TEXT NOT NULL DEFAULT ''
				    CHECK (instr(doc_type, char(31)) = 0),
	transaction_id		TEXT NOT NULL CHECK (transaction_id <> ''
				    AND instr(transaction_id, char(31)) = 0),
	product_id		TEXT CHECK (product_id <> ''),
	occurrence		INTEGER NOT NULL DEFAULT 1 CHECK (occurrence >= 1),
	trans_type		TEXT,
	is_return		INTEGER NOT NULL DEFAULT 0 CHECK (is_return IN (0, 1)),
	customer_id		TEXT,
	description		TEXT,
	category		TEXT,
	unit_type		TEXT,
	quantity		INTEGER,		-- thousandths
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
	-- The line as the rollups count it: a return subtracts its revenue,
	-- units and cost whatever their sign in the file, and gives its
	-- margin back.  The one place this rule is written: triggers, views
	-- and the C rollup code read these columns.
	net_revenue		INTEGER GENERATED ALWAYS AS (CASE WHEN is_return
				    THEN -abs(price_total) ELSE price_total END)
				    VIRTUAL,
	net_units		INTEGER GENERATED ALWAYS AS (CASE WHEN is_return
				    THEN -abs(quantity) ELSE quantity END) VIRTUAL,
	net_cost		INTEGER GENERATED ALWAYS AS (CASE WHEN is_return
				    THEN -abs(cost_total) ELSE cost_total END)
				    VIRTUAL,
	net_margin		INTEGER GENERATED ALWAYS AS (CASE WHEN is_return
				    THEN -margin ELSE margin END) VIRTUAL,
	-- If you change txn_key or product_key, change the upload's staging
	-- SQL too: its upsert matches on them.
	txn_key			TEXT GENERATED ALWAYS AS (branch || char(31) ||
				    doc_type || char(31) || transaction_id ||
				    char(31) || substr(transaction_date, 1, 10))
				    VIRTUAL,
	product_key		TEXT GENERATED ALWAYS AS (ifnull(product_id, ''))
				    VIRTUAL,
	CHECK ((product_id IS NULL) = (quantity IS NULL)),
	UNIQUE (company_id, txn_key, product_key, occurrence)
);
INSERT INTO raw_transactions VALUES(1,1,1,2,'2025-10-14 09:00:00','Caja 1','','501','7801234000011',1,NULL,0,NULL,'Leche entera 1L',NULL,NULL,1000,NULL,89000,NULL,NULL,89000,NULL,NULL,NULL,NULL,'2026-11-30 23:06:11');
INSERT INTO raw_transactions VALUES(2,1,1,3,'2025-10-14 09:00:00','Caja 1','','501','7801234000035',1,NULL,0,NULL,'Café molido 250g',NULL,NULL,1000,NULL,349000,NULL,NULL,349000,NULL,NULL,NULL,NULL,'2026-11-30 23:06:11');
INSERT INTO raw_transactions VALUES(3,1,1,4,'2025-10-14 10:10:00','Caja 1','','502','7801234000028',1,NULL,0,NULL,'Pan hallulla kg',NULL,NULL,2000,NULL,398000,NULL,NULL,199000,NULL,NULL,NULL,NULL,'2026-11-30 23:06:11');
INSERT INTO raw_transactions VALUES(4,1,1,5,'2025-10-14 10:10:00','Caja 1','','502','7801234000042',1,NULL,0,NULL,'Aceite maravilla 1L',NULL,NULL,1000,NULL,239000,NULL,NULL,239000,NULL,NULL,NULL,NULL,'2026-11-30 23:06:11');
INSERT INTO raw_transactions VALUES(5,1,1,6,'2025-10-14 11:20:00','Caja 1','','503','7801234000035',1,NULL,0,NULL,'Café molido 250g',NULL,NULL,3000,NULL,1047000,NULL,NULL,349000,NULL,NULL,NULL,NULL,'2026-11-30 23:06:11');
INSERT INTO raw_transactions VALUES(6,1,1,7,'2025-10-14 11:20:00','Caja 1','','503','7801234000059',1,NULL,0,NULL,'Azúcar 1kg',NULL,NULL,1000,NULL,109000,NULL,NULL,109000,NULL,NULL,NULL,NULL,'2026-11-30 23:06:11');
INSERT INTO raw_transactions VALUES(7,1,1,8,'2025-10-14 09:00:00','Caja 2','','501','7801234000042',1,NULL,0,NULL,'Aceite maravilla 1L',NULL,NULL,1000,NULL,239000,NULL,NULL,239000,NULL,NULL,NULL,NULL,'2026-11-30 23:06:11');
INSERT INTO raw_transactions VALUES(8,1,1,9,'2025-10-14 09:00:00','Caja 2','','501','7801234000066',1,NULL,0,NULL,'Té Ceylán 100 bolsitas',NULL,NULL,1000,NULL,279000,NULL,NULL,279000,NULL,NULL,NULL,NULL,'2026-11-30 23:06:11');
INSERT INTO raw_transactions VALUES(9,1,1,10,'2025-10-14 10:10:00','Caja 2','','502','7801234000059',1,NULL,0,NULL,'Azúcar 1kg',NULL,NULL,2000,NULL,218000,NULL,NULL,109000,NULL,NULL,NULL,NULL,'2026-11-30 23:06:11');
INSERT INTO raw_transactions VALUES(10,1,1,11,'2025-10-14 10:10:00','Caja 2','','502','7801234000073',1,NULL,0,NULL,'Harina sin polvos 1kg',NULL,NULL,1000,NULL,99000,NULL,NULL,99000,NULL,NULL,NULL,NULL,'2026-11-30 23:06:11');
INSERT INTO raw_transactions VALUES(11,1,1,12,'2025-10-14 11:20:00','Caja 2','','503','7801234000066',1,NULL,0,NULL,'Té Ceylán 100 bolsitas',NULL,NULL,3000,NULL,837000,NULL,NULL,279000,NULL,NULL,NULL,NULL,'2026-11-30 23:06:11');
INSERT INTO raw_transactions VALUES(12,1,1,13,'2025-10-14 11:20:00','Caja 2','','503','7801234000080',1,NULL,0,NULL,'Jugo en polvo piña',NULL,NULL,1000,NULL,29000,NULL,NULL,29000,NULL,NULL,NULL,NULL,'2026-11-30 23:06:11');
INSERT INTO raw_transactions VALUES(13,1,2,4,'2025-10-08 00:00:00','','33','1001','7801234000035',1,NULL,0,NULL,'Café molido 250g',NULL,NULL,12000,NULL,4188000,NULL,NULL,349000,NULL,NULL,NULL,NULL,'2026-11-30 23:06:11');
INSERT INTO raw_transactions VALUES(14,1,2,5,'2025-10-08 00:00:00','','33','1001','7801234000042',1,NULL,0,NULL,'Aceite maravilla 1L',NULL,NULL,6000,NULL,1434000,NULL,NULL,239000,NULL,NULL,NULL,NULL,'2026-11-30 23:06:11');
INSERT INTO raw_transactions VALUES(15,1,2,10,'2025-10-10 00:00:00','','33','1002','7801234000011',1,NULL,0,NULL,'Leche entera 1L',NULL,NULL,24000,NULL,2136000,NULL,NULL,89000,NULL,NULL,NULL,NULL,'2026-11-30 23:06:11');
INSERT INTO raw_transactions VALUES(16,1,2,11,'2025-10-10 00:00:00','','33','1002','7801234000059',1,NULL,0,NULL,'Azúcar 1kg',NULL,NULL,10000,NULL,1090000,NULL,NULL,109000,NULL,NULL,NULL,NULL,'2026-11-30 23:06:11');
INSERT INTO raw_transactions VALUES(17,1,2,12,'2025-10-10 00:00:00','','33','1002','7801234000073',1,NULL,0,NULL,'Harina sin polvos 1kg',NULL,NULL,10000,NULL,990000,NULL,NULL,99000,NULL,NULL,NULL,NULL,'2026-11-30 23:06:11');
INSERT INTO raw_transactions VALUES(18,1,2,2,'2025-10-08 00:00:00','','39','1001','7801234000011',1,NULL,0,NULL,'Leche entera 1L',NULL,NULL,3000,NULL,267000,NULL,NULL,89000,NULL,NULL,NULL,NULL,'2026-11-30 23:06:11');
INSERT INTO raw_transactions VALUES(19,1,2,3,'2025-10-08 00:00:00','','39','1001','7801234000028',1,NULL,0,NULL,'Pan hallulla kg',NULL,NULL,1000,NULL,199000,NULL,NULL,199000,NULL,NULL,NULL,NULL,'2026-11-30 23:06:11');
INSERT INTO raw_transactions VALUES(20,1,2,6,'2025-10-09 00:00:00','','39','1002','7801234000059',1,NULL,0,NULL,'Azúcar 1kg',NULL,NULL,2000,NULL,218000,NULL,NULL,109000,NULL,NULL,NULL,NULL,'2026-11-30 23:06:11');
INSERT INTO raw_transactions VALUES(21,1,2,8,'2025-10-10 00:00:00','','39','1003','7801234000066',1,NULL,0,NULL,'Té Ceylán 100 bolsitas',NULL,NULL,1000,NULL,279000,NULL,NULL,279000,NULL,NULL,NULL,NULL,'2026-11-30 23:06:11');
INSERT INTO raw_transactions VALUES(22,1,2,9,'2025-10-10 00:00:00','','39','1003','7801234000080',1,NULL,0,NULL,'Jugo en polvo piña',NULL,NULL,4000,NULL,116000,NULL,NULL,29000,NULL,NULL,NULL,NULL,'2026-11-30 23:06:11');
INSERT INTO raw_transactions VALUES(23,1,2,13,'2025-10-11 00:00:00','','39','1004','7801234000028',1,NULL,0,NULL,'Pan hallulla kg',NULL,NULL,2000,NULL,398000,NULL,NULL,199000,NULL,NULL,NULL,NULL,'2026-11-30 23:06:11');
INSERT INTO raw_transactions VALUES(24,1,2,17,'2025-10-12 00:00:00','','39','1005','7801234000035',1,NULL,0,NULL,'Café molido 250g',NULL,NULL,1000,NULL,349000,NULL,NULL,349000,NULL,NULL,NULL,NULL,'2026-11-30 23:06:11');
INSERT INTO raw_transactions VALUES(25,1,2,16,'2025-10-12 00:00:00','','39','1005','7801234000042',1,NULL,0,NULL,'Aceite maravilla 1L',NULL,NULL,1000,NULL,239000,NULL,NULL,239000,NULL,NULL,NULL,NULL,'2026-11-30 23:06:11');
INSERT INTO raw_transactions VALUES(26,1,2,7,'2025-10-09 00:00:00','','61','201','7801234000035',1,NULL,1,NULL,'Café molido 250g',NULL,NULL,2000,NULL,698000,NULL,NULL,349000,NULL,NULL,NULL,NULL,'2026-11-30 23:06:11');
INSERT INTO raw_transactions VALUES(27,1,2,14,'2025-10-11 00:00:00','','61','202','7801234000011',1,NULL,1,NULL,'Leche entera 1L',NULL,NULL,4000,NULL,356000,NULL,NULL,89000,NULL,NULL,NULL,NULL,'2026-11-30 23:06:11');
INSERT INTO raw_transactions VALUES(28,1,2,15,'2025-10-11 00:00:00','','61','202','7801234000059',1,NULL,1,NULL,'Azúcar 1kg',NULL,NULL,1000,NULL,109000,NULL,NULL,109000,NULL,NULL,NULL,NULL,'2026-11-30 23:06:11');
INSERT INTO raw_transactions VALUES(29,1,3,2,'2025-09-29 00:00:00','Casa Matriz','Boleta Electrónica','1200','7801234000011',1,NULL,0,NULL,NULL,NULL,NULL,2000,NULL,178000,NULL,NULL,89000,0,NULL,NULL,NULL,'2026-11-30 23:06:11');
INSERT INTO raw_transactions VALUES(30,1,3,3,'2025-09-29 00:00:00','Casa Matriz','Boleta Electrónica','1200','7801234000035',1,NULL,0,NULL,NULL,NULL,NULL,1000,NULL,349000,NULL,NULL,349000,0,NULL,NULL,NULL,'2026-11-30 23:06:11');
INSERT INTO raw_transactions VALUES(31,1,3,4,'2025-09-30 00:00:00','Casa Matriz','Boleta Electrónica','1201','7801234000028',1,NULL,0,NULL,NULL,NULL,NULL,1000,NULL,199000,NULL,NULL,199000,0,NULL,NULL,NULL,'2026-11-30 23:06:11');
INSERT INTO raw_transactions VALUES(32,1,3,5,'2025-09-30 00:00:00','Casa Matriz','Boleta Electrónica','1201','7801234000042',1,NULL,0,NULL,NULL,NULL,NULL,2000,NULL,478000,NULL,NULL,239000,0,NULL,NULL,NULL,'2026-11-30 23:06:11');
INSERT INTO raw_transactions VALUES(33,1,3,6,'2025-09-30 00:00:00','Casa Matriz','Boleta Electrónica','1201','7801234000059',1,NULL,0,NULL,NULL,NULL,NULL,1000,NULL,109000,NULL,NULL,109000,0,NULL,NULL,NULL,'2026-11-30 23:06:11');
INSERT INTO raw_transactions VALUES(34,1,3,11,'2025-10-01 00:00:00','Casa Matriz','Boleta Electrónica','1203','7801234000035',1,NULL,0,NULL,NULL,NULL,NULL,3000,NULL,1047000,NULL,NULL,349000,0,NULL,NULL,NULL,'2026-11-30 23:06:11');
INSERT INTO raw_transactions VALUES(35,1,3,7,'2025-09-30 00:00:00','Casa Matriz','Factura Electrónica','1200','7801234000066',1,NULL,0,'76.086.428-5',NULL,NULL,NULL,10000,NULL,2790000,NULL,NULL,279000,0,NULL,NULL,NULL,'2026-11-30 23:06:11');
INSERT INTO raw_transactions VALUES(36,1,3,8,'2025-09-30 00:00:00','Casa Matriz','Factura Electrónica','1200','7801234000073',1,NULL,0,'76.086.428-5',NULL,NULL,NULL,24000,NULL,2376000,NULL,NULL,99000,0,NULL,NULL,NULL,'2026-11-30 23:06:11');
INSERT INTO raw_transactions VALUES(37,1,3,15,'2025-10-03 00:00:00','Casa Matriz','Nota de Crédito Electrónica','55','7801234000035',1,NULL,1,NULL,NULL,NULL,NULL,1000,NULL,349000,NULL,NULL,349000,0,NULL,NULL,NULL,'2026-11-30 23:06:11');
INSERT INTO raw_transactions VALUES(38,1,3,9,'2025-10-01 00:00:00','Sucursal Ñuñoa','Boleta Electrónica','1202','7801234000011',1,NULL,0,NULL,NULL,NULL,NULL,6000,NULL,534000,NULL,NULL,89000,0,NULL,NULL,NULL,'2026-11-30 23:06:11');
INSERT INTO raw_transactions VALUES(39,1,3,10,'2025-10-01 00:00:00','Sucursal Ñuñoa','Boleta Electrónica','1202','7801234000080',1,NULL,0,NULL,NULL,NULL,NULL,12000,NULL,348000,NULL,NULL,29000,0,NULL,NULL,NULL,'2026-11-30 23:06:11');
INSERT INTO raw_transactions VALUES(40,1,3,17,'2025-10-03 00:00:00','Sucursal Ñuñoa','Boleta Electrónica','1204','7801234000011',1,NULL,0,NULL,NULL,NULL,NULL,1000,NULL,89000,NULL,NULL,89000,0,NULL,NULL,NULL,'2026-11-30 23:06:11');
INSERT INTO raw_transactions VALUES(41,1,3,18,'2025-10-03 00:00:00','Sucursal Ñuñoa','Boleta Electrónica','1204','7801234000066',1,NULL,0,NULL,NULL,NULL,NULL,1000,NULL,279000,NULL,NULL,279000,0,NULL,NULL,NULL,'2026-11-30 23:06:11');
INSERT INTO raw_transactions VALUES(42,1,3,16,'2025-10-03 00:00:00','Sucursal Ñuñoa','Boleta Electrónica','1204','7801234000073',1,NULL,0,NULL,NULL,NULL,NULL,2000,NULL,198000,NULL,NULL,99000,0,NULL,NULL,NULL,'2026-11-30 23:06:11');
INSERT INTO raw_transactions VALUES(43,1,3,14,'2025-10-02 00:00:00','Sucursal Ñuñoa','Factura Electrónica','1201','7801234000028',1,NULL,0,'76.086.428-5',NULL,NULL,NULL,5000,NULL,995000,NULL,NULL,199000,0,NULL,NULL,NULL,'2026-11-30 23:06:11');
INSERT INTO raw_transactions VALUES(44,1,3,12,'2025-10-02 00:00:00','Sucursal Ñuñoa','Factura Electrónica','1201','7801234000042',1,NULL,0,'76.086.428-5',NULL,NULL,NULL,12000,NULL,2868000,NULL,NULL,239000,0,NULL,NULL,NULL,'2026-11-30 23:06:11');
INSERT INTO raw_transactions VALUES(45,1,3,13,'2025-10-02 00:00:00','Sucursal Ñuñoa','Factura Electrónica','1201','7801234000059',1,NULL,0,'76.086.428-5',NULL,NULL,NULL,20000,NULL,2180000,NULL,NULL,109000,0,NULL,NULL,NULL,'2026-11-30 23:06:11');
INSERT INTO raw_transactions VALUES(46,1,4,2,'2025-09-29 00:00:00','','','1','7801234000011',1,NULL,0,NULL,'Leche entera 1L',NULL,NULL,1000,NULL,89000,NULL,NULL,89000,NULL,NULL,NULL,NULL,'2026-11-30 23:06:11');
INSERT INTO raw_transactions VALUES(47,1,4,4,'2025-09-29 00:00:00','','','1','7801234000011',2,NULL,0,NULL,'Leche entera 1L',NULL,NULL,1000,NULL,89000,NULL,NULL,89000,NULL,NULL,NULL,NULL,'2026-11-30 23:06:11');
INSERT INTO raw_transactions VALUES(48,1,4,3,'2025-09-29 00:00:00','','','1','7801234000028',1,NULL,0,NULL,'Pan hallulla kg',NULL,NULL,1000,NULL,199000,NULL,NULL,199000,NULL,NULL,NULL,NULL,'2026-11-30 23:06:11');
INSERT INTO raw_transactions VALUES(49,1,4,7,'2025-09-30 00:00:00','','','1','7801234000011',1,NULL,0,NULL,'Leche entera 1L',NULL,NULL,1000,NULL,89000,NULL,NULL,89000,NULL,NULL,NULL,NULL,'2026-11-30 23:06:11');
INSERT INTO raw_transactions VALUES(50,1,4,9,'2025-09-30 00:00:00','','','1','7801234000011',2,NULL,0,NULL,'Leche entera 1L',NULL,NULL,1000,NULL,89000,NULL,NULL,89000,NULL,NULL,NULL,NULL,'2026-11-30 23:06:11');
INSERT INTO raw_transactions VALUES(51,1,4,8,'2025-09-30 00:00:00','','','1','7801234000028',1,NULL,0,NULL,'Pan hallulla kg',NULL,NULL,1000,NULL,199000,NULL,NULL,199000,NULL,NULL,NULL,NULL,'2026-11-30 23:06:11');
INSERT INTO raw_transactions VALUES(52,1,4,13,'2025-10-01 00:00:00','','','1','7801234000011',1,NULL,0,NULL,'Leche entera 1L',NULL,NULL,2000,NULL,178000,NULL,NULL,89000,NULL,NULL,NULL,NULL,'2026-11-30 23:06:11');
INSERT INTO raw_transactions VALUES(53,1,4,12,'2025-10-01 00:00:00','','','1','7801234000042',1,NULL,0,NULL,'Aceite maravilla 1L',NULL,NULL,1000,NULL,239000,NULL,NULL,239000,NULL,NULL,NULL,NULL,'2026-11-30 23:06:11');
INSERT INTO raw_transactions VALUES(54,1,4,17,'2025-10-02 00:00:00','','','1','7801234000011',1,NULL,0,NULL,'Leche entera 1L',NULL,NULL,2000,NULL,178000,NULL,NULL,89000,NULL,NULL,NULL,NULL,'2026-11-30 23:06:11');
INSERT INTO raw_transactions VALUES(55,1,4,16,'2025-10-02 00:00:00','','','1','7801234000042',1,NULL,0,NULL,'Aceite maravilla 1L',NULL,NULL,1000,NULL,239000,NULL,NULL,239000,NULL,NULL,NULL,NULL,'2026-11-30 23:06:11');
INSERT INTO raw_transactions VALUES(56,1,4,5,'2025-09-29 00:00:00','','','2','7801234000035',1,NULL,0,NULL,'Café molido 250g',NULL,NULL,1000,NULL,349000,NULL,NULL,349000,NULL,NULL,NULL,NULL,'2026-11-30 23:06:11');
INSERT INTO raw_transactions VALUES(57,1,4,10,'2025-09-30 00:00:00','','','2','7801234000035',1,NULL,0,NULL,'Café molido 250g',NULL,NULL,1000,NULL,349000,NULL,NULL,349000,NULL,NULL,NULL,NULL,'2026-11-30 23:06:11');
INSERT INTO raw_transactions VALUES(58,1,4,14,'2025-10-01 00:00:00','','','2','7801234000059',1,NULL,0,NULL,'Azúcar 1kg',NULL,NULL,1000,NULL,109000,NULL,NULL,109000,NULL,NULL,NULL,NULL,'2026-11-30 23:06:11');
INSERT INTO raw_transactions VALUES(59,1,4,15,'2025-10-01 00:00:00','','','2','7801234000066',1,NULL,0,NULL,'Té Ceylán 100 bolsitas',NULL,NULL,1000,NULL,279000,NULL,NULL,279000,NULL,NULL,NULL,NULL,'2026-11-30 23:06:11');
INSERT INTO raw_transactions VALUES(60,1,4,18,'2025-10-02 00:00:00','','','2','7801234000059',1,NULL,0,NULL,'Azúcar 1kg',NULL,NULL,1000,NULL,109000,NULL,NULL,109000,NULL,NULL,NULL,NULL,'2026-11-30 23:06:11');
INSERT INTO raw_transactions VALUES(61,1,4,19,'2025-10-02 00:00:00','','','2','7801234000073',1,NULL,0,NULL,'Harina sin polvos 1kg',NULL,NULL,1000,NULL,99000,NULL,NULL,99000,NULL,NULL,NULL,NULL,'2026-11-30 23:06:11');
INSERT INTO raw_transactions VALUES(62,1,4,6,'2025-09-29 00:00:00','','','3','7801234000066',1,NULL,0,NULL,'Té Ceylán 100 bolsitas',NULL,NULL,2000,NULL,558000,NULL,NULL,279000,NULL,NULL,NULL,NULL,'2026-11-30 23:06:11');
INSERT INTO raw_transactions VALUES(63,1,4,11,'2025-09-30 00:00:00','','','3','7801234000073',1,NULL,0,NULL,'Harina sin polvos 1kg',NULL,NULL,2000,NULL,198000,NULL,NULL,99000,NULL,NULL,NULL,NULL,'2026-11-30 23:06:11');
INSERT INTO raw_transactions VALUES(64,2,5,3,'2025-10-03 14:22:01','','','#1001','GOR-01',1,NULL,0,'ana@example.cl','Gorro lana, azul',NULL,NULL,1000,NULL,899000,NULL,NULL,899000,0,NULL,NULL,NULL,'2026-11-30 23:06:11');
INSERT INTO raw_transactions VALUES(65,2,5,2,'2025-10-03 14:22:01','','','#1001','POL-M',1,NULL,0,'ana@example.cl','Polera algodón M',NULL,NULL,2000,NULL,2598000,NULL,NULL,1299000,0,NULL,NULL,NULL,'2026-11-30 23:06:11');
INSERT INTO raw_transactions VALUES(66,2,5,5,'2025-10-15 09:05:40','','','#1002','Calcetines "pack" 3',1,NULL,0,'pedro@example.cl','Calcetines "pack" 3',NULL,NULL,2000,NULL,998000,NULL,NULL,499000,0,NULL,NULL,NULL,'2026-11-30 23:06:11');
INSERT INTO raw_transactions VALUES(67,2,5,4,'2025-10-15 09:05:40','','','#1002','POL-XL',1,NULL,0,'pedro@example.cl','Polerón canguro XL',NULL,NULL,1000,NULL,2299000,NULL,NULL,2499000,200000,NULL,NULL,NULL,'2026-11-30 23:06:11');
INSERT INTO raw_transactions VALUES(68,2,5,6,'2025-10-31 22:30:00','','','#1003','POL-L',1,NULL,0,'luz@example.cl','Polera algodón L',NULL,NULL,1000,NULL,1299000,NULL,NULL,1299000,0,NULL,NULL,NULL,'2026-11-30 23:06:11');
INSERT INTO raw_transactions VALUES(69,2,5,9,'2025-11-02 11:00:12','','','#1004','Calcetines "pack" 3',1,NULL,0,'ana@example.cl','Calcetines "pack" 3',NULL,NULL,1000,NULL,499000,NULL,NULL,499000,0,NULL,NULL,NULL,'2026-11-30 23:06:11');
INSERT INTO raw_transactions VALUES(70,2,5,7,'2025-11-02 11:00:12','','','#1004','GOR-01',1,NULL,0,'ana@example.cl','Gorro lana, azul',NULL,NULL,3000,NULL,2547000,NULL,NULL,899000,150000,NULL,NULL,NULL,'2026-11-30 23:06:11');
INSERT INTO raw_transactions VALUES(71,2,5,8,'2025-11-02 11:00:12','','','#1004','POL-M',1,NULL,0,'ana@example.cl','Polera algodón M',NULL,NULL,1000,NULL,1299000,NULL,NULL,1299000,0,NULL,NULL,NULL,'2026-11-30 23:06:11');
INSERT INTO raw_transactions VALUES(72,2,5,10,'2025-11-14 20:45:03','','','#1005','POL-L',1,NULL,0,'jose@example.cl','Polera algodón L',NULL,NULL,2000,NULL,2598000,NULL,NULL,1299000,0,NULL,NULL,NULL,'2026-11-30 23:06:11');
INSERT INTO raw_transactions VALUES(73,2,5,11,'2025-11-14 20:45:03','','','#1005','POL-XL',1,NULL,0,'jose@example.cl','Polerón canguro XL',NULL,NULL,1000,NULL,2499000,NULL,NULL,2499000,0,NULL,NULL,NULL,'2026-11-30 23:06:11');
INSERT INTO raw_transactions VALUES(74,2,5,12,'2025-11-30 23:59:59','','','#1006','Calcetines "pack" 3',1,NULL,0,'luz@example.cl','Calcetines "pack" 3',NULL,NULL,4000,NULL,1897000,NULL,NULL,499000,99000,NULL,NULL,NULL,'2026-11-30 23:06:11');
INSERT INTO raw_transactions VALUES(84,2,7,2,'2025-09-12 10:00:00','','','A-0091','7801234000011',1,NULL,0,NULL,'Leche entera 1L',NULL,NULL,1000,NULL,89000,NULL,NULL,89000,NULL,NULL,NULL,NULL,'2026-11-30 23:06:11');
INSERT INTO raw_transactions VALUES(85,2,7,3,'2025-09-12 10:00:00','','','A-0091','7801234000035',1,NULL,0,NULL,'Café molido 250g',NULL,NULL,1000,NULL,349000,NULL,NULL,349000,NULL,NULL,NULL,NULL,'2026-11-30 23:06:11');
INSERT INTO raw_transactions VALUES(86,2,7,4,'2025-09-12 10:30:00','','','A-0092','7801234000042',1,NULL,0,NULL,'Aceite maravilla 1L',NULL,NULL,2000,NULL,478000,NULL,NULL,239000,NULL,NULL,NULL,NULL,'2026-11-30 23:06:11');
INSERT INTO raw_transactions VALUES(87,2,7,5,'2025-09-13 11:15:00','','','A-0093','7801234000059',1,NULL,0,NULL,'Azúcar 1kg',NULL,NULL,3000,NULL,327000,NULL,NULL,109000,NULL,NULL,NULL,NULL,'2026-11-30 23:06:11');
INSERT INTO raw_transactions VALUES(88,2,7,6,'2025-09-13 11:15:00','','','A-0093','7801234000073',1,NULL,0,NULL,'Harina sin polvos 1kg',NULL,NULL,2000,NULL,198000,NULL,NULL,99000,NULL,NULL,NULL,NULL,'2026-11-30 23:06:11');
INSERT INTO raw_transactions VALUES(89,2,7,7,'2025-09-13 11:15:00','','','A-0093','7801234000080',1,NULL,0,NULL,'Jugo en polvo piña',NULL,NULL,5000,NULL,145000,NULL,NULL,29000,NULL,NULL,NULL,NULL,'2026-11-30 23:06:11');
INSERT INTO raw_transactions VALUES(90,2,7,8,'2025-09-14 18:00:00','','','A-0094','7801234000066',1,NULL,0,NULL,'Té Ceylán 100 bolsitas',NULL,NULL,1000,NULL,279000,NULL,NULL,279000,NULL,NULL,NULL,NULL,'2026-11-30 23:06:11');
INSERT INTO raw_transactions VALUES(91,2,7,10,'2025-09-15 12:12:00','','','A-0095','7801234000011',1,NULL,0,NULL,'Leche entera 1L',NULL,NULL,4000,NULL,356000,NULL,NULL,89000,NULL,NULL,NULL,NULL,'2026-11-30 23:06:11');
INSERT INTO raw_transactions VALUES(92,2,7,9,'2025-09-15 12:12:00','','','A-0095','7801234000028',1,NULL,0,NULL,'Pan hallulla kg',NULL,NULL,2000,NULL,398000,NULL,NULL,199000,NULL,NULL,NULL,NULL,'2026-11-30 23:06:11');
INSERT INTO raw_transactions VALUES(93,2,7,11,'2025-09-16 10:00:00','','','A-0096','7801234000042',1,NULL,0,NULL,'Aceite maravilla 1L',NULL,NULL,2000,NULL,478000,NULL,NULL,239000,NULL,NULL,NULL,NULL,'2026-11-30 23:06:11');
INSERT INTO raw_transactions VALUES(94,2,7,13,'2025-09-16 12:00:00','','','A-0097','7801234000042',1,NULL,0,NULL,'Aceite maravilla 1L',NULL,NULL,1000,NULL,239000,NULL,NULL,239000,NULL,NULL,NULL,NULL,'2026-11-30 23:06:11');
INSERT INTO raw_transactions VALUES(95,2,7,12,'2025-09-16 12:00:00','','','A-0097','7801234000073',1,NULL,0,NULL,'Harina sin polvos 1kg',NULL,NULL,3000,NULL,297000,NULL,NULL,99000,NULL,NULL,NULL,NULL,'2026-11-30 23:06:11');
INSERT INTO raw_transactions VALUES(96,2,7,14,'2025-09-17 10:00:00','','','A-0098','7801234000028',1,NULL,0,NULL,'Pan hallulla kg',NULL,NULL,1000,NULL,199000,NULL,NULL,199000,NULL,NULL,NULL,NULL,'2026-11-30 23:06:11');
INSERT INTO raw_transactions VALUES(97,2,7,15,'2025-09-17 12:00:00','','','A-0099','7801234000059',1,NULL,0,NULL,'Azúcar 1kg',NULL,NULL,2000,NULL,218000,NULL,NULL,109000,NULL,NULL,NULL,NULL,'2026-11-30 23:06:11');
INSERT INTO raw_transactions VALUES(98,2,7,16,'2025-09-17 12:00:00','','','A-0099','7801234000066',1,NULL,0,NULL,'Té Ceylán 100 bolsitas',NULL,NULL,1000,NULL,279000,NULL,NULL,279000,NULL,NULL,NULL,NULL,'2026-11-30 23:06:11');
INSERT INTO raw_transactions VALUES(99,2,7,17,'2025-09-18 10:00:00','','','A-0100','7801234000080',1,NULL,0,NULL,'Jugo en polvo piña',NULL,NULL,3000,NULL,87000,NULL,NULL,29000,NULL,NULL,NULL,NULL,'2026-11-30 23:06:11');
CREATE TABLE agg_line_change (
	sign		INTEGER NOT NULL,
	xid		INTEGER NOT NULL,
	company_id	INTEGER NOT NULL,
	day		TEXT NOT NULL,
	txn_key		TEXT NOT NULL,
	product_id	TEXT,
	category	TEXT NOT NULL,
	description	TEXT NOT NULL,
	customer_id	TEXT,
	is_return	INTEGER NOT NULL,
	revenue		INTEGER NOT NULL,
	units		INTEGER NOT NULL,
	cost		INTEGER,
	margin		INTEGER,
	discount	INTEGER
);
CREATE TABLE agg_hour (
	company_id	INTEGER NOT NULL,
	day		TEXT NOT NULL,
	hour		INTEGER NOT NULL,
	lines		INTEGER NOT NULL,
	revenue		INTEGER NOT NULL,
	midnight	INTEGER NOT NULL,	-- lines at 00:00:00
	PRIMARY KEY (company_id, day, hour)
) WITHOUT ROWID;
INSERT INTO agg_hour VALUES(1,'2025-09-29',0,7,1811000,7);
INSERT INTO agg_hour VALUES(1,'2025-09-30',0,10,6876000,10);
INSERT INTO agg_hour VALUES(1,'2025-10-01',0,7,2734000,7);
INSERT INTO agg_hour VALUES(1,'2025-10-02',0,7,6668000,7);
INSERT INTO agg_hour VALUES(1,'2025-10-03',0,4,217000,4);
INSERT INTO agg_hour VALUES(1,'2025-10-08',0,4,6088000,4);
INSERT INTO agg_hour VALUES(1,'2025-10-09',0,2,-480000,2);
INSERT INTO agg_hour VALUES(1,'2025-10-10',0,5,4611000,5);
INSERT INTO agg_hour VALUES(1,'2025-10-11',0,3,-67000,3);
INSERT INTO agg_hour VALUES(1,'2025-10-12',0,2,588000,2);
INSERT INTO agg_hour VALUES(1,'2025-10-14',9,4,956000,0);
INSERT INTO agg_hour VALUES(1,'2025-10-14',10,4,954000,0);
INSERT INTO agg_hour VALUES(1,'2025-10-14',11,4,2022000,0);
INSERT INTO agg_hour VALUES(2,'2025-09-12',10,3,916000,0);
INSERT INTO agg_hour VALUES(2,'2025-09-13',11,3,670000,0);
INSERT INTO agg_hour VALUES(2,'2025-09-14',18,1,279000,0);
INSERT INTO agg_hour VALUES(2,'2025-09-15',12,2,754000,0);
INSERT INTO agg_hour VALUES(2,'2025-09-16',10,1,478000,0);
INSERT INTO agg_hour VALUES(2,'2025-09-16',12,2,536000,0);
INSERT INTO agg_hour VALUES(2,'2025-09-17',10,1,199000,0);
INSERT INTO agg_hour VALUES(2,'2025-09-17',12,2,497000,0);
INSERT INTO agg_hour VALUES(2,'2025-09-18',10,1,87000,0);
INSERT INTO agg_hour VALUES(2,'2025-10-03',14,2,3497000,0);
INSERT INTO agg_hour VALUES(2,'2025-10-15',9,2,3297000,0);
INSERT INTO agg_hour VALUES(2,'2025-10-31',22,1,1299000,0);
INSERT INTO agg_hour VALUES(2,'2025-11-02',11,3,4345000,0);
INSERT INTO agg_hour VALUES(2,'2025-11-14',20,2,5097000,0);
INSERT INTO agg_hour VALUES(2,'2025-11-30',23,1,1897000,0);
CREATE INDEX users_created_at ON users (created_at);
CREATE INDEX password_reset_tokens_expires ON password_reset_tokens (expires_at);
CREATE INDEX email_verification_tokens_expires
    ON email_verification_tokens (expires_at);
CREATE INDEX sessions_user ON sessions (user_id, kind);
CREATE UNIQUE INDEX api_tokens_name ON sessions (user_id, name)
    WHERE kind = 'api' AND revoked_at IS NULL;
CREATE INDEX companies_industry ON companies (industry, benchmark)
    WHERE is_active = 1;
CREATE INDEX user_companies_company ON user_companies (company_id, role)
    WHERE is_active = 1;
CREATE UNIQUE INDEX column_mappings_one_default ON column_mappings (company_id)
    WHERE is_default = 1;
CREATE INDEX agg_product_day_product
    ON agg_product_day (company_id, product_id, day);
CREATE INDEX agg_customer_day_customer
    ON agg_customer_day (company_id, customer_id, day);
CREATE VIEW agg_day_period AS
SELECT 'day' AS level, day AS period, CAST(substr(day, 1, 4) AS INTEGER)
	AS year, NULL AS num, day AS lo, day AS hi, *
FROM agg_day
UNION ALL
SELECT 'week', strftime('%Y', date(day, '-3 days', 'weekday 4')) || '-W' ||
	printf('%02d', (strftime('%j', date(day, '-3 days', 'weekday 4')) - 1)
	    / 7 + 1),
    CAST(strftime('%Y', date(day, '-3 days', 'weekday 4')) AS INTEGER),
    (strftime('%j', date(day, '-3 days', 'weekday 4')) - 1) / 7 + 1,
    date(day, '-3 days', 'weekday 4', '-3 days'),
    date(day, '-3 days', 'weekday 4', '+3 days'), *
FROM agg_day
UNION ALL
SELECT 'month', substr(day, 1, 7), CAST(substr(day, 1, 4) AS INTEGER),
    CAST(substr(day, 6, 2) AS INTEGER), substr(day, 1, 7) || '-01',
    substr(day, 1, 7) || '-31', *
FROM agg_day
UNION ALL
SELECT 'quarter', substr(day, 1, 4) || '-Q' || ((substr(day, 6, 2) + 2) / 3),
    CAST(substr(day, 1, 4) AS INTEGER), (substr(day, 6, 2) + 2) / 3,
    substr(day, 1, 5) || printf('%02d', (substr(day, 6, 2) + 2) / 3 * 3 - 2)
	|| '-01',
    substr(day, 1, 5) || printf('%02d', (substr(day, 6, 2) + 2) / 3 * 3)
	|| '-31', *
FROM agg_day
UNION ALL
SELECT 'year', substr(day, 1, 4), CAST(substr(day, 1, 4) AS INTEGER), NULL,
    substr(day, 1, 4) || '-01-01', substr(day, 1, 4) || '-12-31', *
FROM agg_day;
CREATE TRIGGER agg_product_day_insert AFTER INSERT ON agg_product_day
WHEN NOT EXISTS (SELECT 1 FROM agg_deferred
    WHERE company_id = NEW.company_id)
BEGIN
	UPDATE agg_day SET products = products + 1
	WHERE company_id = NEW.company_id AND day = NEW.day
	    AND NOT EXISTS (SELECT 1 FROM agg_product_day x
		WHERE x.company_id = NEW.company_id AND x.day = NEW.day
		AND x.product_id = NEW.product_id
		AND NOT (x.category = NEW.category
		    AND x.description = NEW.description));
	INSERT INTO agg_period (company_id, period, products, customers)
	SELECT NEW.company_id, p.period, 1, 0 FROM agg_day_period p
	WHERE p.company_id = NEW.company_id AND p.day = NEW.day
	    AND p.level <> 'day'
	    AND NOT EXISTS (SELECT 1 FROM agg_product_day x
		WHERE x.company_id = NEW.company_id
		AND x.product_id = NEW.product_id
		AND x.day BETWEEN p.lo AND p.hi
		AND NOT (x.day = NEW.day AND x.category = NEW.category
		    AND x.description = NEW.description))
	ON CONFLICT DO UPDATE SET products = products + 1;
END;
CREATE TRIGGER agg_product_day_delete AFTER DELETE ON agg_product_day
WHEN NOT EXISTS (SELECT 1 FROM agg_deferred
    WHERE company_id = OLD.company_id)
BEGIN
	UPDATE agg_day SET products = products - 1
	WHERE company_id = OLD.company_id AND day = OLD.day
	    AND NOT EXISTS (SELECT 1 FROM agg_product_day x
		WHERE x.company_id = OLD.company_id AND x.day = OLD.day
		AND x.product_id = OLD.product_id);
	UPDATE agg_period SET products = agg_period.products - 1
	FROM agg_day_period p
	WHERE p.company_id = OLD.company_id AND p.day = OLD.day
	    AND p.level <> 'day'
	    AND agg_period.company_id = OLD.company_id
	    AND agg_period.period = p.period
	    AND NOT EXISTS (SELECT 1 FROM agg_product_day x
		WHERE x.company_id = OLD.company_id
		AND x.product_id = OLD.product_id
		AND x.day BETWEEN p.lo AND p.hi);
	DELETE FROM agg_period WHERE company_id = OLD.company_id
	    AND products = 0 AND customers = 0
	    AND period IN (SELECT period FROM agg_day_period
		WHERE company_id = OLD.company_id AND day = OLD.day);
END;
CREATE TRIGGER agg_customer_day_insert AFTER INSERT ON agg_customer_day
WHEN NOT EXISTS (SELECT 1 FROM agg_deferred
    WHERE company_id = NEW.company_id)
BEGIN
	UPDATE agg_day SET customers = customers + 1
	WHERE company_id = NEW.company_id AND day = NEW.day;
	INSERT INTO agg_period (company_id, period, products, customers)
	SELECT NEW.company_id, p.period, 0, 1 FROM agg_day_period p
	WHERE p.company_id = NEW.company_id AND p.day = NEW.day
	    AND p.level <> 'day'
	    AND NOT EXISTS (SELECT 1 FROM agg_customer_day x
		WHERE x.company_id = NEW.company_id
		AND x.customer_id = NEW.customer_id
		AND x.day BETWEEN p.lo AND p.hi AND x.day <> NEW.day)
	ON CONFLICT DO UPDATE SET customers = customers + 1;
END;
CREATE TRIGGER agg_customer_day_delete AFTER DELETE ON agg_customer_day
WHEN NOT EXISTS (SELECT 1 FROM agg_deferred
    WHERE company_id = OLD.company_id)
BEGIN
	UPDATE agg_day SET customers = customers - 1
	WHERE company_id = OLD.company_id AND day = OLD.day;
	UPDATE agg_period SET customers = agg_period.customers - 1
	FROM agg_day_period p
	WHERE p.company_id = OLD.company_id AND p.day = OLD.day
	    AND p.level <> 'day'
	    AND agg_period.company_id = OLD.company_id
	    AND agg_period.period = p.period
	    AND NOT EXISTS (SELECT 1 FROM agg_customer_day x
		WHERE x.company_id = OLD.company_id
		AND x.customer_id = OLD.customer_id
		AND x.day BETWEEN p.lo AND p.hi);
	DELETE FROM agg_period WHERE company_id = OLD.company_id
	    AND products = 0 AND customers = 0
	    AND period IN (SELECT period FROM agg_day_period
		WHERE company_id = OLD.company_id AND day = OLD.day);
END;
CREATE VIEW daily_aggregations AS
SELECT company_id, period, period AS date, revenue, units, transactions,
    lines, avg_ticket, customers, products, cost, margin, margin_pct,
    discount, returns
FROM agg_time_rollup WHERE level = 'day';
CREATE VIEW weekly_aggregations AS
SELECT company_id, period, year, num AS week_number, lo AS week_start,
    revenue, units, transactions, lines, avg_ticket, customers, products,
    cost, margin, margin_pct, discount, returns
FROM agg_time_rollup WHERE level = 'week';
CREATE VIEW monthly_aggregations AS
SELECT company_id, period, year, num AS month, revenue, units,
    transactions, lines, avg_ticket, customers, products, cost, margin,
    margin_pct, discount, returns
FROM agg_time_rollup WHERE level = 'month';
CREATE VIEW quarterly_aggregations AS
SELECT company_id, period, year, num AS quarter, revenue, units,
    transactions, lines, avg_ticket, customers, products, cost, margin,
    margin_pct, discount, returns
FROM agg_time_rollup WHERE level = 'quarter';
CREATE VIEW yearly_aggregations AS
SELECT company_id, period, year, revenue, units, transactions, lines,
    avg_ticket, customers, products, cost, margin, margin_pct, discount,
    returns
FROM agg_time_rollup WHERE level = 'year';
CREATE VIEW agg_expected_daily AS
SELECT company_id, period, period AS date, revenue, units, transactions,
    lines, avg_ticket, customers, products, cost, margin, margin_pct,
    discount, returns
FROM agg_expected_time WHERE level = 'day';
CREATE VIEW agg_expected_weekly AS
SELECT company_id, period, year, num AS week_number, lo AS week_start,
    revenue, units, transactions, lines, avg_ticket, customers, products,
    cost, margin, margin_pct, discount, returns
FROM agg_expected_time WHERE level = 'week';
CREATE VIEW agg_expected_monthly AS
SELECT company_id, period, year, num AS month, revenue, units,
    transactions, lines, avg_ticket, customers, products, cost, margin,
    margin_pct, discount, returns
FROM agg_expected_time WHERE level = 'month';
CREATE VIEW agg_expected_quarterly AS
SELECT company_id, period, year, num AS quarter, revenue, units,
    transactions, lines, avg_ticket, customers, products, cost, margin,
    margin_pct, discount, returns
FROM agg_expected_time WHERE level = 'quarter';
CREATE VIEW agg_expected_yearly AS
SELECT company_id, period, year, revenue, units, transactions, lines,
    avg_ticket, customers, products, cost, margin, margin_pct, discount,
    returns
FROM agg_expected_time WHERE level = 'year';
CREATE INDEX uploads_company_status ON uploads (company_id, status);
CREATE INDEX uploads_created_at ON uploads (created_at);
CREATE UNIQUE INDEX uploads_one_active ON uploads (company_id)
    WHERE status IN ('pending', 'processing');
CREATE INDEX data_updates_company ON data_updates (company_id, period_type);
CREATE VIEW agg_irregular_lines AS
SELECT r.company_id, r.txn_key,
    substr(r.transaction_date, 1, 10) AS day, r.product_id,
    coalesce(r.category, '') AS category,
    coalesce(r.description, '') AS description,
    nullif(r.customer_id, '') AS customer_id
FROM agg_irregular i CROSS JOIN raw_transactions r	-- CROSS: i first
    ON r.company_id = i.company_id AND r.txn_key = i.txn_key
;
CREATE VIEW product_aggregations AS
WITH pd AS (
	SELECT * FROM agg_product_day
	WHERE day BETWEEN '0000-01-01' AND '9999-12-31' AND company_id > 0),
corr AS (
	SELECT company_id, product_id,
	    count(*) - count(DISTINCT txn_key) AS n
	FROM (SELECT DISTINCT company_id, product_id, txn_key, day,
		category, description
	    FROM agg_irregular_lines
	    WHERE day BETWEEN '0000-01-01' AND '9999-12-31'
		AND company_id > 0)
	GROUP BY company_id, product_id),
latest AS (
	-- bare columns come from the row holding the max()
	SELECT company_id, product_id, category, description,
	    max(day || x'1f' || description || x'1f' || category)
	FROM pd GROUP BY company_id, product_id),
p AS (
	SELECT company_id, product_id, sum(revenue) AS revenue,
	    sum(units) AS units, sum(trans) AS trans,
	    CASE WHEN sum(margin_lines) > 0 THEN sum(margin) END AS margin,
	    CASE WHEN sum(costed_lines) > 0
		THEN 100.0 * sum(margin_c) / sum(revenue_c) END AS margin_pct,
	    count(DISTINCT day) AS days, min(day) AS first_sale,
	    max(day) AS last_sale
	FROM pd GROUP BY company_id, product_id),
r AS (
	SELECT p.company_id, p.product_id,
	    nullif(l.description, '') AS description,
	    nullif(l.category, '') AS category, p.revenue, p.units,
	    p.trans - coalesce(c.n, 0) AS transactions, p.margin,
	    p.margin_pct, p.units / 1000.0 / p.days AS velocity,
	    p.first_sale, p.last_sale
	FROM p JOIN latest l USING (company_id, product_id)
	LEFT JOIN corr c USING (company_id, product_id)),
k AS (
	SELECT r.*,
	    sum(revenue) OVER (PARTITION BY company_id) AS total,
	    sum(revenue) OVER (PARTITION BY company_id
		ORDER BY revenue DESC, product_id ROWS UNBOUNDED PRECEDING)
		AS cum,
	    row_number() OVER (PARTITION BY company_id
		ORDER BY velocity, product_id) AS vrank,
	    row_number() OVER (PARTITION BY company_id
		ORDER BY revenue, product_id) AS rrank,
	    count(*) OVER (PARTITION BY company_id) AS n
	FROM r),
m AS (
	SELECT company_id,
	    avg(CASE WHEN vrank IN ((n + 1) / 2, (n + 2) / 2)
		THEN velocity END) AS med_velocity,
	    avg(CASE WHEN rrank IN ((n + 1) / 2, (n + 2) / 2)
		THEN revenue END) AS med_revenue
	FROM k GROUP BY company_id)
SELECT company_id, product_id, description, category, revenue, units,
    transactions, margin, margin_pct, velocity, first_sale, last_sale,
    CASE WHEN total <> 0 THEN 100.0 * revenue / total END AS share_pct,
    CASE WHEN cum * 100 <= total * 80 THEN 'A'
	WHEN cum * 100 <= total * 95 THEN 'B' ELSE 'C' END AS abc,
    CASE WHEN velocity > med_velocity THEN
	    CASE WHEN revenue > med_revenue THEN 'STAR' ELSE 'WORKHORSE' END
	WHEN revenue > med_revenue THEN 'CASH_COW'
	ELSE 'DEAD_STOCK' END AS quadrant
FROM k JOIN m USING (company_id)
;
CREATE VIEW customer_aggregations AS
WITH corr AS (
	SELECT company_id, customer_id,
	    count(*) - count(DISTINCT txn_key) AS n
	FROM (SELECT DISTINCT company_id, customer_id, txn_key, day
	    FROM agg_irregular_lines
	    WHERE customer_id IS NOT NULL
		AND day BETWEEN '0000-01-01' AND '9999-12-31'
		AND company_id > 0)
	GROUP BY company_id, customer_id),
latest AS (
	SELECT company_id, max(day) AS day FROM agg_day
	WHERE day BETWEEN '0000-01-01' AND '9999-12-31' AND company_id > 0
	GROUP BY company_id),
c AS (
	SELECT company_id, customer_id, sum(revenue) AS revenue,
	    sum(trans) AS trans, min(day) AS first_purchase,
	    max(day) AS last_purchase, count(*) AS purchase_days
	FROM agg_customer_day
	WHERE day BETWEEN '0000-01-01' AND '9999-12-31' AND company_id > 0
	GROUP BY company_id, customer_id)
SELECT company_id, customer_id, revenue, transactions,
    CAST(round(1.0 * revenue / transactions) AS INTEGER) AS avg_order,
    first_purchase, last_purchase, recency_days, purchase_days
FROM (SELECT c.company_id, c.customer_id, c.revenue,
	c.trans - coalesce(corr.n, 0) AS transactions, c.first_purchase,
	c.last_purchase,
	CAST(julianday(latest.day) - julianday(c.last_purchase) AS INTEGER)
	    AS recency_days,
	c.purchase_days
    FROM c JOIN latest USING (company_id)
    LEFT JOIN corr USING (company_id, customer_id));
CREATE VIEW category_aggregations AS
WITH corr AS (
	SELECT company_id, category,
	    count(*) - count(DISTINCT txn_key) AS n
	FROM (SELECT DISTINCT company_id, category, txn_key, day
	    FROM agg_irregular_lines
	    WHERE day BETWEEN '0000-01-01' AND '9999-12-31'
		AND company_id > 0)
	GROUP BY company_id, category),
s AS (
	SELECT company_id, category, sum(revenue) AS revenue,
	    sum(units) AS units, count(DISTINCT product_id) AS products,
	    CASE WHEN sum(margin_lines) > 0 THEN sum(margin) END AS margin,
	    CASE WHEN sum(costed_lines) > 0
		THEN 100.0 * sum(margin_c) / sum(revenue_c) END AS margin_pct
	FROM agg_product_day
	WHERE day BETWEEN '0000-01-01' AND '9999-12-31' AND company_id > 0
	GROUP BY company_id, category),
t AS (
	SELECT company_id, category, sum(trans) AS trans
	FROM agg_category_day
	WHERE day BETWEEN '0000-01-01' AND '9999-12-31' AND company_id > 0
	GROUP BY company_id, category)
SELECT s.company_id, nullif(s.category, '') AS category, s.revenue,
    s.units, s.products, t.trans - coalesce(corr.n, 0) AS transactions,
    s.margin, s.margin_pct,
    CASE WHEN sum(s.revenue) OVER w <> 0
	THEN 100.0 * s.revenue / sum(s.revenue) OVER w END AS share_pct
FROM s JOIN t USING (company_id, category)
LEFT JOIN corr USING (company_id, category)
WINDOW w AS (PARTITION BY s.company_id);
CREATE VIEW agg_expected_lines AS
SELECT company_id, substr(transaction_date, 1, 10) AS day, txn_key,
    product_id, coalesce(category, '') AS category,
    coalesce(description, '') AS description,
    nullif(customer_id, '') AS customer_id, is_return,
    net_revenue AS revenue, net_units AS units,
    net_cost AS cost,
    net_margin AS margin,
    discount_total AS discount,
    cost_total IS NOT NULL AND margin IS NOT NULL AS costed,
    transaction_date
FROM raw_transactions;
CREATE VIEW agg_expected_time AS
WITH l AS (
	SELECT 'day' AS level, day AS period,
	    CAST(substr(day, 1, 4) AS INTEGER) AS year, NULL AS num,
	    day AS lo, *
	FROM agg_expected_lines
	UNION ALL
	SELECT 'week', strftime('%Y', date(day, '-3 days', 'weekday 4'))
		|| '-W' || printf('%02d',
		(strftime('%j', date(day, '-3 days', 'weekday 4')) - 1) / 7
		+ 1),
	    CAST(strftime('%Y', date(day, '-3 days', 'weekday 4'))
		AS INTEGER),
	    (strftime('%j', date(day, '-3 days', 'weekday 4')) - 1) / 7 + 1,
	    date(day, '-3 days', 'weekday 4', '-3 days'), *
	FROM agg_expected_lines
	UNION ALL
	SELECT 'month', substr(day, 1, 7), CAST(substr(day, 1, 4) AS INTEGER),
	    CAST(substr(day, 6, 2) AS INTEGER), substr(day, 1, 7) || '-01', *
	FROM agg_expected_lines
	UNION ALL
	SELECT 'quarter',
	    substr(day, 1, 4) || '-Q' || ((substr(day, 6, 2) + 2) / 3),
	    CAST(substr(day, 1, 4) AS INTEGER), (substr(day, 6, 2) + 2) / 3,
	    NULL, *
	FROM agg_expected_lines
	UNION ALL
	SELECT 'year', substr(day, 1, 4), CAST(substr(day, 1, 4) AS INTEGER),
	    NULL, NULL, *
	FROM agg_expected_lines)
SELECT company_id, level, period, year, num, lo, revenue, units,
    transactions, lines,
    CAST(round(1.0 * revenue / transactions) AS INTEGER) AS avg_ticket,
    customers, products, cost, margin, margin_pct, discount, returns
FROM (SELECT company_id, level, period, year, num, lo,
	sum(revenue) AS revenue, sum(units) AS units,
	count(DISTINCT txn_key) AS transactions, count(*) AS lines,
	nullif(count(DISTINCT customer_id), 0) AS customers,
	count(DISTINCT product_id) AS products, sum(cost) AS cost,
	sum(margin) AS margin,
	100.0 * sum(CASE WHEN costed THEN margin END)
	    / sum(CASE WHEN costed THEN revenue END) AS margin_pct,
	sum(discount) AS discount, sum(is_return) AS returns
    FROM l GROUP BY company_id, level, period);
CREATE VIEW agg_expected_customer AS
WITH latest AS (
	SELECT company_id, max(day) AS day FROM agg_expected_lines
	GROUP BY company_id)
SELECT c.company_id, customer_id, revenue, transactions,
    CAST(round(1.0 * revenue / transactions) AS INTEGER) AS avg_order,
    first_purchase, last_purchase,
    CAST(julianday(latest.day) - julianday(last_purchase) AS INTEGER)
	AS recency_days,
    purchase_days
FROM (SELECT company_id, customer_id, sum(revenue) AS revenue,
	count(DISTINCT txn_key) AS transactions,
	min(day) AS first_purchase, max(day) AS last_purchase,
	count(DISTINCT day) AS purchase_days
    FROM agg_expected_lines WHERE customer_id IS NOT NULL
    GROUP BY company_id, customer_id) AS c
JOIN latest USING (company_id);
CREATE INDEX raw_transactions_company_date
    ON raw_transactions (company_id, transaction_date);
CREATE INDEX raw_transactions_upload ON raw_transactions (upload_id);
CREATE TRIGGER agg_line_change_apply BEFORE INSERT ON agg_line_change
BEGIN
	INSERT INTO agg_day (company_id, day, lines, revenue, units, cost,
	    cost_lines, margin, margin_lines, revenue_c, margin_c,
	    costed_lines, discount, discount_lines, returns, trans)
	VALUES (NEW.company_id, NEW.day, NEW.sign, NEW.sign * NEW.revenue,
	    NEW.sign * NEW.units, NEW.sign * coalesce(NEW.cost, 0),
	    NEW.sign * (NEW.cost IS NOT NULL),
	    NEW.sign * coalesce(NEW.margin, 0),
	    NEW.sign * (NEW.margin IS NOT NULL),
	    CASE WHEN NEW.cost IS NOT NULL AND NEW.margin IS NOT NULL
		THEN NEW.sign * NEW.revenue ELSE 0 END,
	    CASE WHEN NEW.cost IS NOT NULL AND NEW.margin IS NOT NULL
		THEN NEW.sign * NEW.margin ELSE 0 END,
	    NEW.sign * (NEW.cost IS NOT NULL AND NEW.margin IS NOT NULL),
	    NEW.sign * coalesce(NEW.discount, 0),
	    NEW.sign * (NEW.discount IS NOT NULL),
	    NEW.sign * NEW.is_return,
	    NEW.sign * NOT EXISTS (SELECT 1 FROM raw_transactions r
		WHERE r.company_id = NEW.company_id
		AND r.txn_key = NEW.txn_key AND r.id <> NEW.xid
		AND substr(r.transaction_date, 1, 10) = NEW.day))
	ON CONFLICT DO UPDATE SET lines = lines + excluded.lines,
	    revenue = revenue + excluded.revenue,
	    units = units + excluded.units, cost = cost + excluded.cost,
	    cost_lines = cost_lines + excluded.cost_lines,
	    margin = margin + excluded.margin,
	    margin_lines = margin_lines + excluded.margin_lines,
	    revenue_c = revenue_c + excluded.revenue_c,
	    margin_c = margin_c + excluded.margin_c,
	    costed_lines = costed_lines + excluded.costed_lines,
	    discount = discount + excluded.discount,
	    discount_lines = discount_lines + excluded.discount_lines,
	    returns = returns + excluded.returns,
	    trans = trans + excluded.trans;

	INSERT INTO agg_product_day (company_id, day, product_id, category,
	    description, lines, revenue, units, margin, margin_lines,
	    revenue_c, margin_c, costed_lines, trans)
	SELECT NEW.company_id, NEW.day, NEW.product_id, NEW.category,
	    NEW.description, NEW.sign, NEW.sign * NEW.revenue,
	    NEW.sign * NEW.units, NEW.sign * coalesce(NEW.margin, 0),
	    NEW.sign * (NEW.margin IS NOT NULL),
	    CASE WHEN NEW.cost IS NOT NULL AND NEW.margin IS NOT NULL
		THEN NEW.sign * NEW.revenue ELSE 0 END,
	    CASE WHEN NEW.cost IS NOT NULL AND NEW.margin IS NOT NULL
		THEN NEW.sign * NEW.margin ELSE 0 END,
	    NEW.sign * (NEW.cost IS NOT NULL AND NEW.margin IS NOT NULL),
	    NEW.sign * NOT EXISTS (SELECT 1 FROM raw_transactions r
		WHERE r.company_id = NEW.company_id
		AND r.txn_key = NEW.txn_key
		AND r.product_id = NEW.product_id AND r.id <> NEW.xid
		AND substr(r.transaction_date, 1, 10) = NEW.day
		AND coalesce(r.category, '') = NEW.category
		AND coalesce(r.description, '') = NEW.description)
	WHERE NEW.product_id IS NOT NULL
	ON CONFLICT DO UPDATE SET lines = lines + excluded.lines,
	    revenue = revenue + excluded.revenue,
	    units = units + excluded.units,
	    margin = margin + excluded.margin,
	    margin_lines = margin_lines + excluded.margin_lines,
	    revenue_c = revenue_c + excluded.revenue_c,
	    margin_c = margin_c + excluded.margin_c,
	    costed_lines = costed_lines + excluded.costed_lines,
	    trans = trans + excluded.trans;
	DELETE FROM agg_product_day WHERE NEW.sign < 0 AND lines = 0
	    AND company_id = NEW.company_id AND day = NEW.day
	    AND product_id = NEW.product_id AND category = NEW.category
	    AND description = NEW.description;

	INSERT INTO agg_customer_day (company_id, day, customer_id, lines,
	    revenue, trans)
	SELECT NEW.company_id, NEW.day, NEW.customer_id, NEW.sign,
	    NEW.sign * NEW.revenue,
	    NEW.sign * NOT EXISTS (SELECT 1 FROM raw_transactions r
		WHERE r.company_id = NEW.company_id
		AND r.txn_key = NEW.txn_key AND r.id <> NEW.xid
		AND substr(r.transaction_date, 1, 10) = NEW.day
		AND r.customer_id = NEW.customer_id)
	WHERE NEW.customer_id IS NOT NULL
	ON CONFLICT DO UPDATE SET lines = lines + excluded.lines,
	    revenue = revenue + excluded.revenue,
	    trans = trans + excluded.trans;
	DELETE FROM agg_customer_day WHERE NEW.sign < 0 AND lines = 0
	    AND company_id = NEW.company_id AND day = NEW.day
	    AND customer_id = NEW.customer_id;

	INSERT INTO agg_category_day (company_id, day, category, lines, trans)
	SELECT NEW.company_id, NEW.day, NEW.category, NEW.sign,
	    NEW.sign * NOT EXISTS (SELECT 1 FROM raw_transactions r
		WHERE r.company_id = NEW.company_id
		AND r.txn_key = NEW.txn_key AND r.id <> NEW.xid
		AND substr(r.transaction_date, 1, 10) = NEW.day
		AND r.product_id IS NOT NULL
		AND coalesce(r.category, '') = NEW.category)
	WHERE NEW.product_id IS NOT NULL
	ON CONFLICT DO UPDATE SET lines = lines + excluded.lines,
	    trans = trans + excluded.trans;
	DELETE FROM agg_category_day WHERE NEW.sign < 0 AND lines = 0
	    AND company_id = NEW.company_id AND day = NEW.day
	    AND category = NEW.category;

	DELETE FROM agg_day WHERE NEW.sign < 0 AND lines = 0
	    AND company_id = NEW.company_id AND day = NEW.day;

	INSERT OR IGNORE INTO agg_irregular (company_id, txn_key)
	SELECT NEW.company_id, NEW.txn_key
	WHERE NEW.sign > 0 AND EXISTS (SELECT 1 FROM raw_transactions r
	    WHERE r.company_id = NEW.company_id
	    AND r.txn_key = NEW.txn_key AND r.id <> NEW.xid
	    AND (substr(r.transaction_date, 1, 10) <> NEW.day
		OR (r.product_id = NEW.product_id
		    AND (coalesce(r.category, '') <> NEW.category
			OR coalesce(r.description, '') <> NEW.description))));

	SELECT RAISE(IGNORE);
END;
CREATE TRIGGER raw_transactions_agg_insert AFTER INSERT ON raw_transactions
WHEN NOT EXISTS (SELECT 1 FROM agg_deferred
    WHERE company_id = NEW.company_id)
BEGIN
	INSERT INTO agg_line_change VALUES (1, NEW.id, NEW.company_id,
	    substr(NEW.transaction_date, 1, 10), NEW.txn_key,
	    NEW.product_id, coalesce(NEW.category, ''),
	    coalesce(NEW.description, ''), nullif(NEW.customer_id, ''),
	    NEW.is_return, NEW.net_revenue, coalesce(NEW.net_units, 0),
	    NEW.net_cost,
	    NEW.net_margin,
	    NEW.discount_total);
END;
CREATE TRIGGER raw_transactions_agg_delete AFTER DELETE ON raw_transactions
WHEN NOT EXISTS (SELECT 1 FROM agg_deferred
    WHERE company_id = OLD.company_id)
BEGIN
	INSERT INTO agg_line_change VALUES (-1, OLD.id, OLD.company_id,
	    substr(OLD.transaction_date, 1, 10), OLD.txn_key,
	    OLD.product_id, coalesce(OLD.category, ''),
	    coalesce(OLD.description, ''), nullif(OLD.customer_id, ''),
	    OLD.is_return, OLD.net_revenue, coalesce(OLD.net_units, 0),
	    OLD.net_cost,
	    OLD.net_margin,
	    OLD.discount_total);
END;
CREATE TRIGGER raw_transactions_agg_update AFTER UPDATE ON raw_transactions
WHEN OLD.company_id IS NOT NEW.company_id
    OR OLD.transaction_date IS NOT NEW.transaction_date
    OR OLD.txn_key IS NOT NEW.txn_key
    OR OLD.product_id IS NOT NEW.product_id
    OR OLD.is_return IS NOT NEW.is_return
    OR OLD.customer_id IS NOT NEW.customer_id
    OR OLD.description IS NOT NEW.description
    OR OLD.category IS NOT NEW.category
    OR OLD.quantity IS NOT NEW.quantity
    OR OLD.price_total IS NOT NEW.price_total
    OR OLD.cost_total IS NOT NEW.cost_total
    OR OLD.margin IS NOT NEW.margin
    OR OLD.discount_total IS NOT NEW.discount_total
BEGIN
	INSERT INTO agg_line_change SELECT -1, OLD.id, OLD.company_id,
	    substr(OLD.transaction_date, 1, 10), OLD.txn_key,
	    OLD.product_id, coalesce(OLD.category, ''),
	    coalesce(OLD.description, ''), nullif(OLD.customer_id, ''),
	    OLD.is_return, OLD.net_revenue, coalesce(OLD.net_units, 0),
	    OLD.net_cost,
	    OLD.net_margin,
	    OLD.discount_total
	WHERE NOT EXISTS (SELECT 1 FROM agg_deferred
	    WHERE company_id = OLD.company_id);
	INSERT INTO agg_line_change SELECT 1, NEW.id, NEW.company_id,
	    substr(NEW.transaction_date, 1, 10), NEW.txn_key,
	    NEW.product_id, coalesce(NEW.category, ''),
	    coalesce(NEW.description, ''), nullif(NEW.customer_id, ''),
	    NEW.is_return, NEW.net_revenue, coalesce(NEW.net_units, 0),
	    NEW.net_cost,
	    NEW.net_margin,
	    NEW.discount_total
	WHERE NOT EXISTS (SELECT 1 FROM agg_deferred
	    WHERE company_id = NEW.company_id);
	-- a deferred company only remembers which days to refresh
	UPDATE agg_deferred SET
	    from_day = min(coalesce(from_day, '9999-12-31'),
		substr(OLD.transaction_date, 1, 10)),
	    to_day = max(coalesce(to_day, '0000-01-01'),
		substr(OLD.transaction_date, 1, 10))
	WHERE company_id = OLD.company_id;
	UPDATE agg_deferred SET
	    from_day = min(coalesce(from_day, '9999-12-31'),
		substr(NEW.transaction_date, 1, 10)),
	    to_day = max(coalesce(to_day, '0000-01-01'),
		substr(NEW.transaction_date, 1, 10))
	WHERE company_id = NEW.company_id;
END
;
CREATE TRIGGER raw_transactions_agg_defer_insert
AFTER INSERT ON raw_transactions
WHEN EXISTS (SELECT 1 FROM agg_deferred
    WHERE company_id = NEW.company_id)
BEGIN
	UPDATE agg_deferred SET
	    from_day = min(coalesce(from_day, '9999-12-31'),
		substr(NEW.transaction_date, 1, 10)),
	    to_day = max(coalesce(to_day, '0000-01-01'),
		substr(NEW.transaction_date, 1, 10))
	WHERE company_id = NEW.company_id AND (from_day IS NULL
	    OR substr(NEW.transaction_date, 1, 10)
		NOT BETWEEN from_day AND to_day);
END;
CREATE TRIGGER raw_transactions_agg_defer_delete
AFTER DELETE ON raw_transactions
WHEN EXISTS (SELECT 1 FROM agg_deferred
    WHERE company_id = OLD.company_id)
BEGIN
	UPDATE agg_deferred SET
	    from_day = min(coalesce(from_day, '9999-12-31'),
		substr(OLD.transaction_date, 1, 10)),
	    to_day = max(coalesce(to_day, '0000-01-01'),
		substr(OLD.transaction_date, 1, 10))
	WHERE company_id = OLD.company_id AND (from_day IS NULL
	    OR substr(OLD.transaction_date, 1, 10)
		NOT BETWEEN from_day AND to_day);
END;
CREATE VIEW agg_time_rollup AS
SELECT company_id, level, period, year, num, lo, hi, revenue,
    CASE WHEN products > 0 THEN units END AS units, transactions, lines,
    CAST(round(1.0 * revenue / transactions) AS INTEGER) AS avg_ticket,
    nullif(customers, 0) AS customers, products, cost, margin, margin_pct,
    discount, returns
FROM (SELECT g.*,
	g.trans - (SELECT count(*) - count(DISTINCT x.txn_key)
	    FROM (SELECT DISTINCT y.txn_key, y.day
		FROM agg_irregular_lines y
		WHERE y.company_id = g.company_id
		AND y.day BETWEEN g.lo AND g.hi) AS x) AS transactions,
	CASE WHEN g.level = 'day' THEN g.day_products
	    WHEN g.whole THEN coalesce((SELECT a.products FROM agg_period a
		WHERE a.company_id = g.company_id AND a.period = g.period), 0)
	    ELSE (SELECT count(DISTINCT x.product_id) FROM agg_product_day x
		WHERE x.company_id = g.company_id
		AND x.day BETWEEN g.lo AND g.hi) END AS products,
	CASE WHEN g.level = 'day' THEN g.day_customers
	    WHEN g.whole THEN coalesce((SELECT a.customers FROM agg_period a
		WHERE a.company_id = g.company_id AND a.period = g.period), 0)
	    ELSE (SELECT count(DISTINCT x.customer_id)
		FROM agg_customer_day x
		WHERE x.company_id = g.company_id
		AND x.day BETWEEN g.lo AND g.hi) END AS customers
    FROM (SELECT company_id, level, period, year, num,
	    max(lo, '0000-01-01') AS lo, min(hi, '9999-12-31') AS hi,
	    lo >= '0000-01-01' AND hi <= '9999-12-31' AS whole,
	    sum(lines) AS lines, sum(revenue) AS revenue,
	    sum(units) AS units,
	    CASE WHEN sum(cost_lines) > 0 THEN sum(cost) END AS cost,
	    CASE WHEN sum(margin_lines) > 0 THEN sum(margin) END AS margin,
	    CASE WHEN sum(costed_lines) > 0
		THEN 100.0 * sum(margin_c) / sum(revenue_c) END AS margin_pct,
	    CASE WHEN sum(discount_lines) > 0
		THEN sum(discount) END AS discount,
	    sum(returns) AS returns, sum(trans) AS trans,
	    sum(products) AS day_products, sum(customers) AS day_customers
	FROM agg_day_period
	WHERE day BETWEEN '0000-01-01' AND '9999-12-31' AND company_id > 0
	GROUP BY company_id, level, period) AS g);
CREATE VIEW agg_expected_product AS
WITH p AS (
	SELECT company_id, product_id, sum(revenue) AS revenue,
	    sum(units) AS units,
	    count(DISTINCT txn_key) AS transactions,
	    sum(margin) AS margin,
	    100.0 * sum(CASE WHEN costed THEN margin END)
		/ sum(CASE WHEN costed THEN revenue END) AS margin_pct,
	    count(DISTINCT day) AS days, min(day) AS first_sale,
	    max(day) AS last_sale
	FROM agg_expected_lines WHERE product_id IS NOT NULL
	GROUP BY company_id, product_id),
latest AS (
	SELECT company_id, product_id, category, description,
	    max(day || x'1f' || description || x'1f' || category)
	FROM agg_expected_lines WHERE product_id IS NOT NULL
	GROUP BY company_id, product_id),
r AS (
	SELECT p.company_id, p.product_id,
	    nullif(l.description, '') AS description,
	    nullif(l.category, '') AS category, p.revenue, p.units,
	    p.transactions, p.margin, p.margin_pct,
	    p.units / 1000.0 / p.days AS velocity, p.first_sale, p.last_sale
	FROM p JOIN latest l USING (company_id, product_id)),
k AS (
	SELECT r.*,
	    sum(revenue) OVER (PARTITION BY company_id) AS total,
	    sum(revenue) OVER (PARTITION BY company_id
		ORDER BY revenue DESC, product_id ROWS UNBOUNDED PRECEDING)
		AS cum,
	    row_number() OVER (PARTITION BY company_id
		ORDER BY velocity, product_id) AS vrank,
	    row_number() OVER (PARTITION BY company_id
		ORDER BY revenue, product_id) AS rrank,
	    count(*) OVER (PARTITION BY company_id) AS n
	FROM r),
m AS (
	SELECT company_id,
	    avg(CASE WHEN vrank IN ((n + 1) / 2, (n + 2) / 2)
		THEN velocity END) AS med_velocity,
	    avg(CASE WHEN rrank IN ((n + 1) / 2, (n + 2) / 2)
		THEN revenue END) AS med_revenue
	FROM k GROUP BY company_id)
SELECT company_id, product_id, description, category, revenue, units,
    transactions, margin, margin_pct, velocity, first_sale, last_sale,
    CASE WHEN total <> 0 THEN 100.0 * revenue / total END AS share_pct,
    CASE WHEN cum * 100 <= total * 80 THEN 'A'
	WHEN cum * 100 <= total * 95 THEN 'B' ELSE 'C' END AS abc,
    CASE WHEN velocity > med_velocity THEN
	    CASE WHEN revenue > med_revenue THEN 'STAR' ELSE 'WORKHORSE' END
	WHEN revenue > med_revenue THEN 'CASH_COW'
	ELSE 'DEAD_STOCK' END AS quadrant
FROM k JOIN m USING (company_id);
CREATE VIEW agg_expected_category AS
SELECT company_id, nullif(category, '') AS category, revenue, units,
    products, transactions, margin, margin_pct,
    CASE WHEN sum(revenue) OVER w <> 0
	THEN 100.0 * revenue / sum(revenue) OVER w END AS share_pct
FROM (SELECT company_id, category, sum(revenue) AS revenue,
	sum(units) AS units, count(DISTINCT product_id) AS products,
	count(DISTINCT txn_key) AS transactions,
	sum(margin) AS margin,
	100.0 * sum(CASE WHEN costed THEN margin END)
	    / sum(CASE WHEN costed THEN revenue END) AS margin_pct
    FROM agg_expected_lines WHERE product_id IS NOT NULL
    GROUP BY company_id, category)
WINDOW w AS (PARTITION BY company_id);
CREATE TRIGGER raw_transactions_hour_insert AFTER INSERT ON raw_transactions
WHEN NOT EXISTS (SELECT 1 FROM agg_deferred
    WHERE company_id = NEW.company_id)
BEGIN
	INSERT INTO agg_hour (company_id, day, hour, lines, revenue, midnight)
	VALUES (NEW.company_id, substr(NEW.transaction_date, 1, 10),
	    CAST(substr(NEW.transaction_date, 12, 2) AS INTEGER), 1,
	    NEW.net_revenue, substr(NEW.transaction_date, 12) = '00:00:00')
	ON CONFLICT DO UPDATE SET lines = lines + 1,
	    revenue = revenue + excluded.revenue,
	    midnight = midnight + excluded.midnight;
END;
CREATE TRIGGER raw_transactions_hour_delete AFTER DELETE ON raw_transactions
WHEN NOT EXISTS (SELECT 1 FROM agg_deferred
    WHERE company_id = OLD.company_id)
BEGIN
	UPDATE agg_hour SET lines = lines - 1,
	    revenue = revenue - OLD.net_revenue,
	    midnight = midnight - (substr(OLD.transaction_date, 12) =
		'00:00:00')
	WHERE company_id = OLD.company_id
	    AND day = substr(OLD.transaction_date, 1, 10)
	    AND hour = CAST(substr(OLD.transaction_date, 12, 2) AS INTEGER);
	DELETE FROM agg_hour WHERE company_id = OLD.company_id
	    AND day = substr(OLD.transaction_date, 1, 10)
	    AND hour = CAST(substr(OLD.transaction_date, 12, 2) AS INTEGER)
	    AND lines = 0;
END;
CREATE TRIGGER raw_transactions_hour_update AFTER UPDATE ON raw_transactions
WHEN OLD.company_id IS NOT NEW.company_id
    OR OLD.transaction_date IS NOT NEW.transaction_date
    OR OLD.is_return IS NOT NEW.is_return
    OR OLD.price_total IS NOT NEW.price_total
BEGIN
	UPDATE agg_hour SET lines = lines - 1,
	    revenue = revenue - OLD.net_revenue,
	    midnight = midnight - (substr(OLD.transaction_date, 12) =
		'00:00:00')
	WHERE company_id = OLD.company_id
	    AND day = substr(OLD.transaction_date, 1, 10)
	    AND hour = CAST(substr(OLD.transaction_date, 12, 2) AS INTEGER)
	    AND NOT EXISTS (SELECT 1 FROM agg_deferred
		WHERE company_id = OLD.company_id);
	DELETE FROM agg_hour WHERE company_id = OLD.company_id
	    AND day = substr(OLD.transaction_date, 1, 10)
	    AND hour = CAST(substr(OLD.transaction_date, 12, 2) AS INTEGER)
	    AND lines = 0;
	INSERT INTO agg_hour (company_id, day, hour, lines, revenue, midnight)
	SELECT NEW.company_id, substr(NEW.transaction_date, 1, 10),
	    CAST(substr(NEW.transaction_date, 12, 2) AS INTEGER), 1,
	    NEW.net_revenue, substr(NEW.transaction_date, 12) = '00:00:00'
	WHERE NOT EXISTS (SELECT 1 FROM agg_deferred
	    WHERE company_id = NEW.company_id)
	ON CONFLICT DO UPDATE SET lines = lines + 1,
	    revenue = revenue + excluded.revenue,
	    midnight = midnight + excluded.midnight;
END;
COMMIT;
