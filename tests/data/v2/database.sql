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
INSERT INTO users VALUES(1,'root@example.cl','','$argon2id$v=19$m=65536,t=3,p=1$QIFFlo4Fl3ej3uZ1lS1Lhw$/OvBubUU/Z/xT8Ha/ifgCGYIEvhj0tSXsGUs293tOIc',1,1,0,0,NULL,NULL,NULL,'2026-11-30 17:51:07','2026-11-30 17:51:07');
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
INSERT INTO sessions VALUES(1,1,'session',NULL,'d81e074cf5ab7a30a010ebf56caf20cb3beacd2b899f91db95105937abf48397',NULL,'vm','2026-11-30 17:51:07','2026-12-30 17:51:07','2026-11-30 17:51:07',NULL);
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
INSERT INTO companies VALUES(1,'76086428-5','Minimarket Los Andes','other','micro',0,1,'2026-11-30 17:51:07','2026-11-30 17:51:07');
INSERT INTO companies VALUES(2,'11111111-1','Panaderia Sur','other','micro',0,1,'2026-11-30 17:51:07','2026-11-30 17:51:07');
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
INSERT INTO user_companies VALUES(1,1,1,'owner',1,'2026-11-30 17:51:07','2026-11-30 17:51:07');
INSERT INTO user_companies VALUES(2,1,2,'owner',1,'2026-11-30 17:51:07','2026-11-30 17:51:07');
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
INSERT INTO uploads VALUES(1,1,1,'/work/main/examples/ventas-multilinea.csv',2157,NULL,'upsert','completed',4262,'vm','{"encoding":"utf-8","encoding_detected":true,"bom":false,"delimiter":",","delimiter_detected":true,"date_order":"day-first","columns":{"in_dt":"date","in_trans_id":"transaction id","in_product_id":"product id","in_quantity":"qty","in_price_total":"total","in_trans_type":"type","in_customer_id":"customer","in_description":"description","in_category":"category"},"decimal":{"in_quantity":".","in_price_total":"."}}','{"in_dt":"date","in_trans_id":"transaction id","in_product_id":"product id","in_quantity":"qty","in_price_total":"total","in_trans_type":"type","in_customer_id":"customer","in_description":"description","in_category":"category"}',21,21,0,0,0,'2025-07-30','2025-08-09',NULL,NULL,'2026-11-30 17:51:07','2026-11-30 17:51:07','2026-11-30 17:51:07');
INSERT INTO uploads VALUES(2,2,1,'s.csv',42554,NULL,'upsert','completed',4264,'vm','{"encoding":"utf-8","encoding_detected":true,"bom":false,"delimiter":";","delimiter_detected":true,"date_order":"day-first","columns":{"in_dt":"Fecha venta","in_trans_id":"N° doc. venta","in_product_id":"SKU","in_quantity":"Cantidad","in_price_total":"Total neto","in_trans_type":"Método pago","in_customer_id":"Nombre cliente","in_description":"Nombre","in_category":"Categoría","in_unit_type":"Tipo unidad","in_cost_unit":"Costo unitario","in_cost_total":"Total costo","in_price_unit":"Precio unitario","in_discount_total":"Total descuento","in_commission_total":"Total comisión","in_margin":"Utilidad aprox."},"decimal":{"in_quantity":",","in_price_total":",","in_cost_unit":",","in_cost_total":",","in_price_unit":",","in_discount_total":",","in_commission_total":",","in_margin":","}}','{"in_dt":"Fecha venta","in_trans_id":"N° doc. venta","in_product_id":"SKU","in_quantity":"Cantidad","in_price_total":"Total neto","in_trans_type":"Método pago","in_customer_id":"Nombre cliente","in_description":"Nombre","in_category":"Categoría","in_unit_type":"Tipo unidad","in_cost_unit":"Costo unitario","in_cost_total":"Total costo","in_price_unit":"Precio unitario","in_discount_total":"Total descuento","in_commission_total":"Total comisión","in_margin":"Utilidad aprox."}',300,300,0,0,0,'2025-01-02','2025-03-31',NULL,NULL,'2026-11-30 17:51:07','2026-11-30 17:51:07','2026-11-30 17:51:07');
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
INSERT INTO raw_transactions VALUES(1,1,1,2,'2025-07-30 00:00:00','T-1001','GR-001',1,'sale',0,'ana.vidal@example.cl','Caja regalo "Sabores del Sur", 6 productos','Regalos',NULL,1000,NULL,1499000,NULL,NULL,1499000,NULL,NULL,NULL,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(2,1,1,3,'2025-07-30 00:00:00','T-1001','DL-014',1,'sale',0,'ana.vidal@example.cl','Queso de cabra madurado, por kilo','Delicatessen',NULL,500,NULL,649500,NULL,NULL,1299000,NULL,NULL,NULL,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(3,1,1,4,'2025-07-30 00:00:00','T-1002','DL-020',1,'sale',0,NULL,'Mermelada de murta 250 g','Delicatessen',NULL,2000,NULL,798000,NULL,NULL,399000,NULL,NULL,NULL,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(4,1,1,5,'2025-07-31 00:00:00','T-1003','GR-002',1,'sale',0,'Tomás Aguilera',replace('Canasta "Fiestas Patrias"\nincluye: vino, pebre, sopaipillas','\n',char(10)),'Regalos',NULL,1000,NULL,2499000,NULL,NULL,2499000,NULL,NULL,NULL,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(5,1,1,7,'2025-07-31 00:00:00','T-1003','VN-101',1,'sale',0,'Tomás Aguilera','Vino Carménère 750 cc','Vinos',NULL,2000,NULL,1198000,NULL,NULL,599000,NULL,NULL,NULL,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(6,1,1,8,'2025-07-31 00:00:00','T-1004','DL-014',1,'sale',0,NULL,'Queso de cabra madurado, por kilo','Delicatessen',NULL,1250,NULL,1623800,NULL,NULL,1299040,NULL,NULL,NULL,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(7,1,1,9,'2025-08-01 00:00:00','T-1005','DL-031',1,'sale',0,'ana.vidal@example.cl','Aceite de oliva "Extra Virgen", 500 ml','Delicatessen',NULL,3000,NULL,897000,NULL,NULL,299000,NULL,NULL,NULL,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(8,1,1,10,'2025-08-01 00:00:00','T-1005','GR-001',1,'sale',0,'ana.vidal@example.cl','Caja regalo "Sabores del Sur", 6 productos','Regalos',NULL,1000,NULL,1499000,NULL,NULL,1499000,NULL,NULL,NULL,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(9,1,1,11,'2025-08-01 00:00:00','T-1006','VN-101',1,'sale',0,NULL,'Vino Carménère 750 cc','Vinos',NULL,1000,NULL,599000,NULL,NULL,599000,NULL,NULL,NULL,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(10,1,1,12,'2025-08-02 00:00:00','T-1007','GR-003',1,'sale',0,'Tomás Aguilera',replace('Tabla de quesos\n- 3 quesos\n- nueces, miel','\n',char(10)),'Regalos',NULL,1000,NULL,1999000,NULL,NULL,1999000,NULL,NULL,NULL,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(11,1,1,15,'2025-08-02 00:00:00','T-1007','DL-020',1,'sale',0,'Tomás Aguilera','Mermelada de murta 250 g','Delicatessen',NULL,1000,NULL,399000,NULL,NULL,399000,NULL,NULL,NULL,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(12,1,1,16,'2025-08-02 00:00:00','T-1007','DL-040',1,'sale',0,'Tomás Aguilera','Aceitunas de Azapa, "jumbo"','Delicatessen',NULL,375,NULL,562100,NULL,NULL,1498933,NULL,NULL,NULL,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(13,1,1,17,'2025-08-04 00:00:00','T-1008','GR-002',1,'return',1,NULL,replace('Canasta "Fiestas Patrias"\nincluye: vino, pebre, sopaipillas','\n',char(10)),'Regalos',NULL,1000,NULL,2499000,NULL,NULL,2499000,NULL,NULL,NULL,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(14,1,1,19,'2025-08-05 00:00:00','T-1009','VN-205',1,'sale',0,'Bodega Los Andes SpA','Espumante brut, 750 cc (caja de 6)','Vinos',NULL,6000,NULL,4194000,NULL,NULL,699000,NULL,NULL,NULL,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(15,1,1,20,'2025-08-05 00:00:00','T-1009','DL-031',1,'sale',0,'Bodega Los Andes SpA','Aceite de oliva "Extra Virgen", 500 ml','Delicatessen',NULL,2000,NULL,598000,NULL,NULL,299000,NULL,NULL,NULL,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(16,1,1,21,'2025-08-06 00:00:00','T-1010','DL-014',1,'sale',0,NULL,'Queso de cabra madurado, por kilo','Delicatessen',NULL,500,NULL,649500,NULL,NULL,1299000,NULL,NULL,NULL,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(17,1,1,22,'2025-08-07 00:00:00','T-1011','GR-001',1,'sale',0,'María Inés Lagos','Caja regalo "Sabores del Sur", 6 productos','Regalos',NULL,2000,NULL,2998000,NULL,NULL,1499000,NULL,NULL,NULL,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(18,1,1,23,'2025-08-07 00:00:00','T-1011','VN-101',1,'sale',0,'María Inés Lagos','Vino Carménère 750 cc','Vinos',NULL,2000,NULL,1198000,NULL,NULL,599000,NULL,NULL,NULL,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(19,1,1,24,'2025-08-08 00:00:00','T-1012','DL-020',1,'NC',1,'María Inés Lagos','Mermelada de murta 250 g','Delicatessen',NULL,1000,NULL,399000,NULL,NULL,399000,NULL,NULL,NULL,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(20,1,1,25,'2025-08-09 00:00:00','T-1013','DL-040',1,'sale',0,NULL,'Aceitunas de Azapa, "jumbo"','Delicatessen',NULL,250,NULL,374800,NULL,NULL,1499200,NULL,NULL,NULL,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(21,1,1,26,'2025-08-09 00:00:00','T-1013','GR-003',1,'sale',0,NULL,replace('Tabla de quesos\n- 3 quesos\n- nueces, miel','\n',char(10)),'Regalos',NULL,1000,NULL,1999000,NULL,NULL,1999000,NULL,NULL,NULL,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(22,2,2,2,'2025-01-02 13:49:00','19866','MM-0120',1,'Efectivo',0,NULL,'Plátano','Frutas y verduras','Kilo',1773,NULL,246400,80600,142900,139000,0,0,103500,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(23,2,2,3,'2025-01-02 16:06:00','19867','7802387261202',1,'Efectivo',0,'77.706.087-2','Arroz grado 2, 1 kg','Abarrotes','Unidad',2000,NULL,318000,116000,232000,159000,0,0,86000,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(24,2,2,4,'2025-01-02 16:06:00','19867','MM-0121',1,'Efectivo',0,'77.706.087-2','Papas','Frutas y verduras','Kilo',821,NULL,73100,47100,38700,89000,0,0,34400,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(25,2,2,5,'2025-01-03 09:41:00','19868','MM-0116',1,'Débito',0,'Verónica Martínez González','Pan marraqueta','Panadería','Kilo',710,NULL,148400,114900,81600,209000,0,0,66800,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(26,2,2,6,'2025-01-03 12:25:00','19869','7805825747306',1,'Efectivo',0,'14.103.497-9','Jugo néctar durazno 1 L','Bebidas','Unidad',1000,NULL,139000,76400,76400,139000,0,0,62600,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(27,2,2,7,'2025-01-03 15:50:00','19870','7807259975003',1,'Efectivo',0,'Patricio Morales Contreras','Harina sin polvos 1 kg','Abarrotes','Unidad',1000,NULL,109000,86100,86100,109000,0,0,22900,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(28,2,2,8,'2025-01-03 20:35:00','19871','7807652990672',1,'Nota de crédito',1,NULL,'Huevos blancos 12 un.','Huevos','Unidad',1000,NULL,379000,291800,291800,379000,0,0,87200,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(29,2,2,9,'2025-01-03 21:28:00','19872','7800000000009',1,'Efectivo',0,'Tomás Ibáñez','Coca-Cola 1,5 L','Bebidas','Unidad',2000,NULL,378000,NULL,NULL,189000,0,0,NULL,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(30,2,2,10,'2025-01-04 13:28:00','19873','7807734625843',1,'Transferencia',0,NULL,'Lavalozas "Brillo" 500 ml','Limpieza y hogar','Unidad',3000,NULL,477000,96900,290700,159000,0,0,186300,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(31,2,2,11,'2025-01-04 13:28:00','19873','7801318934635',1,'Transferencia',0,NULL,'Fideos spaghetti N°5 400 g','Abarrotes','Unidad',1000,NULL,85000,58600,58600,85000,0,0,26400,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(32,2,2,12,'2025-01-04 13:28:00','19873','MM-0122',1,'Transferencia',0,NULL,'Limón','Frutas y verduras','Kilo',762,NULL,151600,111400,84900,199000,0,0,66700,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(33,2,2,13,'2025-01-04 20:46:00','19874','7800148318561',1,'Débito',0,'Tomás Ibáñez','Leche entera 1 L','Lácteos','Unidad',2000,NULL,218000,81700,163400,109000,0,0,54600,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(34,2,2,14,'2025-01-04 20:46:00','19874','7807734625843',1,'Débito',0,'Tomás Ibáñez','Lavalozas "Brillo" 500 ml','Limpieza y hogar','Unidad',2000,NULL,318000,96900,193800,159000,0,0,124200,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(35,2,2,15,'2025-01-05 14:42:00','19875','MM-0107',1,'Débito',0,NULL,'Queso gauda laminado','Fiambrería','Kilo',319,NULL,344200,766000,244400,1079000,0,0,99800,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(36,2,2,16,'2025-01-05 14:42:00','19875','7804078117836',1,'Débito',0,NULL,'Empanada de pino','Rotisería','Unidad',8000,NULL,1512000,86900,695200,189000,0,0,816800,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(37,2,2,17,'2025-01-05 14:42:00','19875','7808941032059',1,'Débito',0,NULL,'Papel higiénico doble hoja 4 rollos','Limpieza y hogar','Unidad',5000,NULL,1345000,185600,928000,269000,0,0,417000,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(38,2,2,18,'2025-01-05 14:42:00','19875','MM-0122',1,'Débito',0,NULL,'Limón','Frutas y verduras','Kilo',327,NULL,65100,111400,36400,199000,0,0,28700,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(39,2,2,19,'2025-01-06 17:58:00','19876','7804078117836',1,'Efectivo',0,NULL,'Empanada de pino','Rotisería','Unidad',1000,NULL,189000,86900,86900,189000,0,0,102100,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(40,2,2,20,'2025-01-06 19:20:00','19877','MM-0122',1,'Efectivo',0,'Francisca Rojas Álvarez','Limón','Frutas y verduras','Kilo',781,NULL,155400,111400,87000,199000,0,0,68400,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(41,2,2,21,'2025-01-06 19:20:00','19878','7801550152095',1,'Efectivo',0,'Benjamín Martínez','Café instantáneo 170 g','Abarrotes','Unidad',1000,NULL,509000,361300,361300,509000,0,0,147700,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(42,2,2,22,'2025-01-07 16:23:00','19879','7805534088776',1,'Transferencia',0,'19.212.766-1','Azúcar 1 kg','Abarrotes','Unidad',2000,NULL,258000,103200,206400,129000,0,0,51600,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(43,2,2,23,'2025-01-07 16:23:00','19879','7800000000009',1,'Transferencia',0,'19.212.766-1','Coca-Cola 1,5 L','Bebidas','Unidad',3000,NULL,567000,NULL,NULL,189000,0,0,NULL,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(44,2,2,24,'2025-01-07 16:23:00','19879','7807259975003',1,'Transferencia',0,'19.212.766-1','Harina sin polvos 1 kg','Abarrotes','Unidad',1000,NULL,109000,86100,86100,109000,0,0,22900,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(45,2,2,25,'2025-01-08 11:40:00','19880','7802387261202',1,'Débito',0,'Juan Espinoza Araya','Arroz grado 2, 1 kg','Abarrotes','Unidad',2000,NULL,318000,116000,232000,159000,0,0,86000,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(46,2,2,26,'2025-01-08 11:40:00','19880','7804078117836',1,'Débito',0,'Juan Espinoza Araya','Empanada de pino','Rotisería','Unidad',4000,NULL,756000,86900,347600,189000,0,0,408400,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(47,2,2,27,'2025-01-08 18:57:00','19881','7805534088776',1,'Efectivo',0,NULL,'Azúcar 1 kg','Abarrotes','Unidad',2000,NULL,258000,103200,206400,129000,0,0,51600,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(48,2,2,28,'2025-01-09 21:47:00','19882','MM-0122',1,'Efectivo',0,'Juan Espinoza Araya','Limón','Frutas y verduras','Kilo',535,NULL,106500,111400,59600,199000,0,0,46900,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(49,2,2,29,'2025-01-09 21:47:00','19882','7805825747306',1,'Efectivo',0,'Juan Espinoza Araya','Jugo néctar durazno 1 L','Bebidas','Unidad',1000,NULL,139000,76400,76400,139000,0,0,62600,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(50,2,2,30,'2025-01-09 21:47:00','19882','7804078117836',1,'Efectivo',0,'Juan Espinoza Araya','Empanada de pino','Rotisería','Unidad',2000,NULL,378000,86900,173800,189000,0,0,204200,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(51,2,2,31,'2025-01-10 19:35:00','19883','7809887161469',1,'Débito',0,NULL,'Cerveza lata 470 cc','Bebidas alcohólicas','Unidad',1000,NULL,100000,69000,69000,100000,0,0,31000,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(52,2,2,32,'2025-01-10 19:35:00','19883','7804078117836',1,'Débito',0,NULL,'Empanada de pino','Rotisería','Unidad',1000,NULL,189000,86900,86900,189000,0,0,102100,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(53,2,2,33,'2025-01-10 19:35:00','19883','7800000000009',1,'Débito',0,NULL,'Coca-Cola 1,5 L','Bebidas','Unidad',1000,NULL,189000,NULL,NULL,189000,0,0,NULL,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(54,2,2,34,'2025-01-11 18:29:00','19884','7805534088776',1,'Débito',0,NULL,'Azúcar 1 kg','Abarrotes','Unidad',1000,NULL,129000,103200,103200,129000,0,0,25800,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(55,2,2,35,'2025-01-11 18:29:00','19884','7802387261202',1,'Débito',0,NULL,'Arroz grado 2, 1 kg','Abarrotes','Unidad',1000,NULL,159000,116000,116000,159000,0,0,43000,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(56,2,2,36,'2025-01-11 18:29:00','19884','7805534088776',2,'Débito',0,NULL,'Azúcar 1 kg','Abarrotes','Unidad',1000,NULL,129000,103200,103200,129000,0,0,25800,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(57,2,2,37,'2025-01-11 20:21:00','19886','7804078117836',1,'Débito',0,NULL,'Empanada de pino','Rotisería','Unidad',1000,NULL,189000,86900,86900,189000,0,0,102100,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(58,2,2,38,'2025-01-11 20:21:00','19886','MM-0122',1,'Débito',0,NULL,'Limón','Frutas y verduras','Kilo',754,NULL,150000,111400,84000,199000,0,0,66000,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(59,2,2,39,'2025-01-12 10:07:00','19887','7801318934635',1,'Débito',0,'Patricio Morales Contreras','Fideos spaghetti N°5 400 g','Abarrotes','Unidad',1000,NULL,85000,58600,58600,85000,0,0,26400,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(60,2,2,40,'2025-01-12 19:53:00','19888','7804078117836',1,'Efectivo',0,NULL,'Empanada de pino','Rotisería','Unidad',1000,NULL,189000,86900,86900,189000,0,0,102100,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(61,2,2,41,'2025-01-13 19:15:00','19889','7807652990672',1,'Nota de crédito',1,'Tomás Ibáñez','Huevos blancos 12 un.','Huevos','Unidad',1000,NULL,379000,291800,291800,379000,0,0,87200,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(62,2,2,42,'2025-01-13 19:15:00','19889','7804078117836',1,'Nota de crédito',1,'Tomás Ibáñez','Empanada de pino','Rotisería','Unidad',1000,NULL,189000,86900,86900,189000,0,0,102100,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(63,2,2,43,'2025-01-13 21:12:00','19890','7804078117836',1,'Nota de crédito',1,'11.447.967-5','Empanada de pino','Rotisería','Unidad',1000,NULL,189000,86900,86900,189000,0,0,102100,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(64,2,2,44,'2025-01-14 20:42:00','19891','MM-0108',1,'Débito',0,'Tomás Ibáñez','Jamón de pierna','Fiambrería','Kilo',327,NULL,279300,607300,198600,949000,31000,0,80700,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(65,2,2,45,'2025-01-14 20:42:00','19891','MM-0119',1,'Débito',0,'Tomás Ibáñez','Tomate','Frutas y verduras','Kilo',813,NULL,121100,87900,71500,149000,0,0,49600,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(66,2,2,46,'2025-01-14 20:42:00','19891','7805534088776',1,'Débito',0,'Tomás Ibáñez','Azúcar 1 kg','Abarrotes','Unidad',2000,NULL,258000,103200,206400,129000,0,0,51600,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(67,2,2,47,'2025-01-15 16:05:00','19892','MM-0108',1,'Efectivo',0,'Héctor Pérez','Jamón de pierna','Fiambrería','Kilo',175,NULL,166100,607300,106300,949000,0,0,59800,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(68,2,2,48,'2025-01-15 16:05:00','19892','MM-0122',1,'Efectivo',0,'Héctor Pérez','Limón','Frutas y verduras','Kilo',716,NULL,142500,111400,79800,199000,0,0,62700,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(69,2,2,49,'2025-01-15 16:05:00','19892','7804078117836',1,'Efectivo',0,'Héctor Pérez','Empanada de pino','Rotisería','Unidad',2000,NULL,378000,86900,173800,189000,0,0,204200,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(70,2,2,50,'2025-01-16 17:28:00','19893','7802754631324',1,'Débito',0,'19.212.766-1','Mantequilla con sal 250 g','Lácteos','Unidad',2000,NULL,598000,NULL,NULL,299000,0,0,NULL,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(71,2,2,51,'2025-01-16 17:28:00','19893','7807792961624',1,'Débito',0,'19.212.766-1','Papas fritas corte americano 230 g','Snacks y dulces','Unidad',2000,NULL,438000,127000,254000,219000,0,0,184000,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(72,2,2,52,'2025-01-16 17:28:00','19893','7804078117836',1,'Débito',0,'19.212.766-1','Empanada de pino','Rotisería','Unidad',7000,NULL,1323000,86900,608300,189000,0,0,714700,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(73,2,2,53,'2025-01-17 12:27:00','19894','7804078117836',1,'Nota de crédito',1,'Patricio Morales Contreras','Empanada de pino','Rotisería','Unidad',1000,NULL,189000,86900,86900,189000,0,0,102100,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(74,2,2,54,'2025-01-17 21:59:00','19895','7801550152095',1,'Débito',0,'Patricio Morales Contreras','Café instantáneo 170 g','Abarrotes','Unidad',1000,NULL,509000,361300,361300,509000,0,0,147700,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(75,2,2,55,'2025-01-17 21:59:00','19895','7805534088776',1,'Débito',0,'Patricio Morales Contreras','Azúcar 1 kg','Abarrotes','Unidad',1000,NULL,116100,103200,103200,129000,12900,0,12900,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(76,2,2,56,'2025-01-17 21:59:00','19895','7803821802173',1,'Débito',0,'Patricio Morales Contreras','Aceite maravilla 1 L','Abarrotes','Unidad',1000,NULL,289000,216700,216700,289000,0,0,72300,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(77,2,2,57,'2025-01-17 21:59:00','19895','7807734625843',1,'Débito',0,'Patricio Morales Contreras','Lavalozas "Brillo" 500 ml','Limpieza y hogar','Unidad',1000,NULL,159000,96900,96900,159000,0,0,62100,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(78,2,2,58,'2025-01-18 09:16:00','19896','7801318934635',1,'Débito',0,NULL,'Fideos spaghetti N°5 400 g','Abarrotes','Unidad',1000,NULL,85000,58600,58600,85000,0,0,26400,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(79,2,2,59,'2025-01-18 09:16:00','19896','7805534088776',1,'Débito',0,NULL,'Azúcar 1 kg','Abarrotes','Unidad',7000,NULL,903000,103200,722400,129000,0,0,180600,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(80,2,2,60,'2025-01-18 09:16:00','19896','7804078117836',1,'Débito',0,NULL,'Empanada de pino','Rotisería','Unidad',1000,NULL,189000,86900,86900,189000,0,0,102100,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(81,2,2,61,'2025-01-18 20:59:00','19897','7805534088776',1,'Débito',0,NULL,'Azúcar 1 kg','Abarrotes','Unidad',1000,NULL,129000,103200,103200,129000,0,0,25800,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(82,2,2,62,'2025-01-19 18:29:00','19898','MM-0120',1,'Nota de crédito',1,'Verónica Martínez González','Plátano','Frutas y verduras','Kilo',1706,NULL,237100,80600,137500,139000,0,0,99600,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(83,2,2,63,'2025-01-19 18:39:00','19899','7805825747306',1,'Crédito',0,'19.212.766-1','Jugo néctar durazno 1 L','Bebidas','Unidad',2000,NULL,236300,76400,152800,139000,41700,0,83500,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(84,2,2,64,'2025-01-19 18:48:00','19900','MM-0108',1,'Efectivo',0,NULL,'Jamón de pierna','Fiambrería','Kilo',359,NULL,340700,607300,218000,949000,0,0,122700,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(85,2,2,65,'2025-01-20 09:06:00','19901','MM-0116',1,'Transferencia',0,'Patricio Morales Contreras','Pan marraqueta','Panadería','Kilo',512,NULL,107000,114900,58800,209000,0,0,48200,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(86,2,2,66,'2025-01-20 18:47:00','19902','7805534088776',1,'Transferencia',0,'Francisca Rojas Álvarez','Azúcar 1 kg','Abarrotes','Unidad',1000,NULL,129000,103200,103200,129000,0,0,25800,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(87,2,2,67,'2025-01-20 18:47:00','19902','7807652990672',1,'Transferencia',0,'Francisca Rojas Álvarez','Huevos blancos 12 un.','Huevos','Unidad',3000,NULL,1137000,291800,875400,379000,0,0,261600,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(88,2,2,68,'2025-01-21 18:48:00','19903','7801550152095',1,'Efectivo',0,NULL,'Café instantáneo 170 g','Abarrotes','Unidad',2000,NULL,1018000,361300,722600,509000,0,0,295400,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(89,2,2,69,'2025-01-21 18:48:00','19903','7805534088776',1,'Efectivo',0,NULL,'Azúcar 1 kg','Abarrotes','Unidad',8000,NULL,1032000,103200,825600,129000,0,0,206400,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(90,2,2,70,'2025-01-21 18:48:00','19903','7805194467126',1,'Efectivo',0,NULL,'Detergente líquido 3 L','Limpieza y hogar','Unidad',2000,NULL,1558000,490700,981400,779000,0,0,576600,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(91,2,2,71,'2025-01-22 14:26:00','19904','7808656632520',1,'Débito',0,'Juan Espinoza Araya','Yoghurt batido frutilla 165 g','Lácteos','Unidad',1000,NULL,48000,32100,32100,48000,0,0,15900,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(92,2,2,72,'2025-01-22 14:26:00','19904','MM-0122',1,'Débito',0,'Juan Espinoza Araya','Limón','Frutas y verduras','Kilo',744,NULL,148100,111400,82900,199000,0,0,65200,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(93,2,2,73,'2025-01-22 17:16:00','19905','7805534088776',1,'Débito',0,NULL,'Azúcar 1 kg','Abarrotes','Unidad',1000,NULL,129000,103200,103200,129000,0,0,25800,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(94,2,2,74,'2025-01-23 17:26:00','19906','7807652990672',1,'Débito',0,'Patricio Morales Contreras','Huevos blancos 12 un.','Huevos','Unidad',2000,NULL,758000,291800,583600,379000,0,0,174400,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(95,2,2,75,'2025-01-23 17:26:00','19906','7808656632520',1,'Débito',0,'Patricio Morales Contreras','Yoghurt batido frutilla 165 g','Lácteos','Unidad',1000,NULL,48000,32100,32100,48000,0,0,15900,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(96,2,2,76,'2025-01-23 17:26:00','19906','MM-0122',1,'Débito',0,'Patricio Morales Contreras','Limón','Frutas y verduras','Kilo',532,NULL,105900,111400,59300,199000,0,0,46600,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(97,2,2,77,'2025-01-24 20:22:00','19907','7802387261202',1,'Crédito',0,'Juan Espinoza Araya','Arroz grado 2, 1 kg','Abarrotes','Unidad',1000,NULL,159000,116000,116000,159000,0,0,43000,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(98,2,2,78,'2025-01-24 20:22:00','19907','7808795309611',1,'Crédito',0,'Juan Espinoza Araya','Té negro 100 bolsitas','Abarrotes','Unidad',1000,NULL,329000,197400,197400,329000,0,0,131600,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(99,2,2,79,'2025-01-24 20:22:00','19907','7805534088776',1,'Crédito',0,'Juan Espinoza Araya','Azúcar 1 kg','Abarrotes','Unidad',1000,NULL,129000,103200,103200,129000,0,0,25800,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(100,2,2,80,'2025-01-25 09:57:00','19908','7804078117836',1,'Efectivo',0,'Sofía Espinoza','Empanada de pino','Rotisería','Unidad',1000,NULL,189000,86900,86900,189000,0,0,102100,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(101,2,2,81,'2025-01-25 09:57:00','19908','MM-0108',1,'Efectivo',0,'Sofía Espinoza','Jamón de pierna','Fiambrería','Kilo',329,NULL,312200,607300,199800,949000,0,0,112400,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(102,2,2,82,'2025-01-25 09:57:00','19908','MM-0122',1,'Efectivo',0,'Sofía Espinoza','Limón','Frutas y verduras','Kilo',828,NULL,164800,111400,92200,199000,0,0,72600,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(103,2,2,83,'2025-01-25 09:57:00','19908','7807652990672',1,'Efectivo',0,'Sofía Espinoza','Huevos blancos 12 un.','Huevos','Unidad',1000,NULL,379000,291800,291800,379000,0,0,87200,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(104,2,2,84,'2025-01-26 13:43:00','19909','7805534088776',1,'Nota de crédito',1,NULL,'Azúcar 1 kg','Abarrotes','Unidad',1000,NULL,129000,103200,103200,129000,0,0,25800,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(105,2,2,85,'2025-01-26 18:23:00','19910','7804078117836',1,'Débito',0,NULL,'Empanada de pino','Rotisería','Unidad',1000,NULL,189000,86900,86900,189000,0,0,102100,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(106,2,2,86,'2025-01-26 18:23:00','19910','MM-0108',1,'Débito',0,NULL,'Jamón de pierna','Fiambrería','Kilo',170,NULL,161300,607300,103200,949000,0,0,58100,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(107,2,2,87,'2025-01-27 15:39:00','19911','7804078117836',1,'Débito',0,NULL,'Empanada de pino','Rotisería','Unidad',1000,NULL,189000,86900,86900,189000,0,0,102100,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(108,2,2,88,'2025-01-27 15:39:00','19911','7804078117836',2,'Débito',0,NULL,'Empanada de pino','Rotisería','Unidad',1000,NULL,189000,86900,86900,189000,0,0,102100,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(109,2,2,89,'2025-01-28 09:10:00','19912','7805534088776',1,'Nota de crédito',1,'Patricio Morales Contreras','Azúcar 1 kg','Abarrotes','Unidad',1000,NULL,129000,103200,103200,129000,0,0,25800,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(110,2,2,90,'2025-01-28 10:04:00','19913','7800000000009',1,'Nota de crédito',1,'Juan Espinoza Araya','Coca-Cola 1,5 L','Bebidas','Unidad',1000,NULL,189000,NULL,NULL,189000,0,0,NULL,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(111,2,2,91,'2025-01-28 10:04:00','19913','MM-0116',1,'Nota de crédito',1,'Juan Espinoza Araya','Pan marraqueta','Panadería','Kilo',374,NULL,78200,114900,43000,209000,0,0,35200,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(112,2,2,92,'2025-01-28 11:23:00','19914','MM-0108',1,'Efectivo',0,'Patricio Morales Contreras','Jamón de pierna','Fiambrería','Kilo',314,NULL,298000,607300,190700,949000,0,0,107300,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(113,2,2,93,'2025-01-29 09:52:00','19915','MM-0117',1,'Efectivo',0,NULL,'Pan hallulla','Panadería','Kilo',404,NULL,96600,124200,50200,239000,0,0,46400,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(114,2,2,94,'2025-01-29 09:52:00','19915','7808941032059',1,'Efectivo',0,NULL,'Papel higiénico doble hoja 4 rollos','Limpieza y hogar','Unidad',1000,NULL,269000,185600,185600,269000,0,0,83400,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(115,2,2,95,'2025-01-29 09:52:00','19915','MM-0108',1,'Efectivo',0,NULL,'Jamón de pierna','Fiambrería','Kilo',339,NULL,321700,607300,205900,949000,0,0,115800,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(116,2,2,96,'2025-01-30 13:06:00','19916','7805534088776',1,'Efectivo',0,'Juan Espinoza Araya','Azúcar 1 kg','Abarrotes','Unidad',1000,NULL,129000,103200,103200,129000,0,0,25800,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(117,2,2,97,'2025-01-30 13:06:00','19916','7805194467126',1,'Efectivo',0,'Juan Espinoza Araya','Detergente líquido 3 L','Limpieza y hogar','Unidad',1000,NULL,740000,490700,490700,779000,39000,0,249300,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(118,2,2,98,'2025-01-30 13:06:00','19916','7800148318561',1,'Efectivo',0,'Juan Espinoza Araya','Leche entera 1 L','Lácteos','Unidad',1000,NULL,109000,81700,81700,109000,0,0,27300,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(119,2,2,99,'2025-01-30 14:36:00','19917','MM-0116',1,'Efectivo',0,'19.242.048-2','Pan marraqueta','Panadería','Kilo',253,NULL,52900,114900,29100,209000,0,0,23800,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(120,2,2,100,'2025-01-31 16:16:00','19918','7804078117836',1,'Transferencia',0,'Vicente Espinoza','Empanada de pino','Rotisería','Unidad',1000,NULL,189000,86900,86900,189000,0,0,102100,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(121,2,2,101,'2025-01-31 16:16:00','19918','MM-0108',1,'Transferencia',0,'Vicente Espinoza','Jamón de pierna','Fiambrería','Kilo',134,NULL,127200,607300,81400,949000,0,0,45800,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(122,2,2,102,'2025-01-31 16:16:00','19918','7804078117836',2,'Transferencia',0,'Vicente Espinoza','Empanada de pino','Rotisería','Unidad',1000,NULL,189000,86900,86900,189000,0,0,102100,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(123,2,2,103,'2025-01-31 16:16:00','19918','7805825747306',1,'Transferencia',0,'Vicente Espinoza','Jugo néctar durazno 1 L','Bebidas','Unidad',10000,NULL,1390000,76400,764000,139000,0,0,626000,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(124,2,2,104,'2025-02-01 18:35:00','19919','7802754631324',1,'Nota de crédito',1,'Verónica Martínez González','Mantequilla con sal 250 g','Lácteos','Unidad',1000,NULL,299000,NULL,NULL,299000,0,0,NULL,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(125,2,2,105,'2025-02-01 21:33:00','19920','7804078117836',1,'Débito',0,NULL,'Empanada de pino','Rotisería','Unidad',1000,NULL,189000,86900,86900,189000,0,0,102100,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(126,2,2,106,'2025-02-01 21:33:00','19920','7805534088776',1,'Débito',0,NULL,'Azúcar 1 kg','Abarrotes','Unidad',1000,NULL,129000,103200,103200,129000,0,0,25800,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(127,2,2,107,'2025-02-01 21:33:00','19920','7805534088776',2,'Débito',0,NULL,'Azúcar 1 kg','Abarrotes','Unidad',1000,NULL,129000,103200,103200,129000,0,0,25800,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(128,2,2,108,'2025-02-01 21:33:00','19920','7805534088776',3,'Débito',0,NULL,'Azúcar 1 kg','Abarrotes','Unidad',1000,NULL,129000,103200,103200,129000,0,0,25800,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(129,2,2,109,'2025-02-02 17:31:00','19921','7800148318561',1,'Débito',0,NULL,'Leche entera 1 L','Lácteos','Unidad',1000,NULL,109000,81700,81700,109000,0,0,27300,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(130,2,2,110,'2025-02-02 17:31:00','19921','7804078117836',1,'Débito',0,NULL,'Empanada de pino','Rotisería','Unidad',1000,NULL,189000,86900,86900,189000,0,0,102100,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(131,2,2,111,'2025-02-02 17:31:00','19921','7803798771168',1,'Débito',0,NULL,'Galletas de vino 180 g','Snacks y dulces','Unidad',1000,NULL,63000,37100,37100,63000,0,0,25900,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(132,2,2,112,'2025-02-02 17:31:00','19921','MM-0116',1,'Débito',0,NULL,'Pan marraqueta','Panadería','Kilo',666,NULL,139200,114900,76500,209000,0,0,62700,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(133,2,2,113,'2025-02-03 14:05:00','19922','7804078117836',1,'Nota de crédito',1,'19.212.766-1','Empanada de pino','Rotisería','Unidad',1000,NULL,189000,86900,86900,189000,0,0,102100,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(134,2,2,114,'2025-02-03 21:11:00','19923','7804078117836',1,'Débito',0,NULL,'Empanada de pino','Rotisería','Unidad',1000,NULL,189000,86900,86900,189000,0,0,102100,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(135,2,2,115,'2025-02-04 19:26:00','19924','MM-0121',1,'Débito',0,'Vicente Núñez Díaz','Papas','Frutas y verduras','Kilo',1583,NULL,140900,47100,74600,89000,0,0,66300,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(136,2,2,116,'2025-02-04 19:35:00','19925','7804078117836',1,'Débito',0,NULL,'Empanada de pino','Rotisería','Unidad',1000,NULL,189000,86900,86900,189000,0,0,102100,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(137,2,2,117,'2025-02-04 19:35:00','19925','MM-0122',1,'Débito',0,NULL,'Limón','Frutas y verduras','Kilo',377,NULL,75000,111400,42000,199000,0,0,33000,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(138,2,2,118,'2025-02-04 19:35:00','19925','MM-0120',1,'Débito',0,NULL,'Plátano','Frutas y verduras','Kilo',961,NULL,133600,80600,77500,139000,0,0,56100,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(139,2,2,119,'2025-02-05 17:46:00','19926','MM-0108',1,'Efectivo',0,NULL,'Jamón de pierna','Fiambrería','Kilo',235,NULL,223000,607300,142700,949000,0,0,80300,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(140,2,2,120,'2025-02-05 17:46:00','19926','7800000000009',1,'Efectivo',0,NULL,'Coca-Cola 1,5 L','Bebidas','Unidad',1000,NULL,189000,NULL,NULL,189000,0,0,NULL,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(141,2,2,121,'2025-02-05 17:46:00','19926','7805534088776',1,'Efectivo',0,NULL,'Azúcar 1 kg','Abarrotes','Unidad',1000,NULL,129000,103200,103200,129000,0,0,25800,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(142,2,2,122,'2025-02-06 13:24:00','19927','7804078117836',1,'Transferencia',0,'Juan Espinoza Araya','Empanada de pino','Rotisería','Unidad',3000,NULL,567000,86900,260700,189000,0,0,306300,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(143,2,2,123,'2025-02-06 13:24:00','19927','7805534088776',1,'Transferencia',0,'Juan Espinoza Araya','Azúcar 1 kg','Abarrotes','Unidad',2000,NULL,258000,103200,206400,129000,0,0,51600,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(144,2,2,124,'2025-02-06 13:24:00','19927','MM-0121',1,'Transferencia',0,'Juan Espinoza Araya','Papas','Frutas y verduras','Kilo',948,NULL,84400,47100,44700,89000,0,0,39700,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(145,2,2,125,'2025-02-07 10:50:00','19928','MM-0122',1,'Débito',0,NULL,'Limón','Frutas y verduras','Kilo',214,NULL,42600,111400,23800,199000,0,0,18800,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(146,2,2,126,'2025-02-07 10:50:00','19928','7804078117836',1,'Débito',0,NULL,'Empanada de pino','Rotisería','Unidad',1000,NULL,151200,86900,86900,189000,37800,0,64300,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(147,2,2,127,'2025-02-07 10:50:00','19928','MM-0117',1,'Débito',0,NULL,'Pan hallulla','Panadería','Kilo',521,NULL,112000,124200,64700,239000,12500,0,47300,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(148,2,2,128,'2025-02-07 10:50:00','19928','7802387261202',1,'Débito',0,NULL,'Arroz grado 2, 1 kg','Abarrotes','Unidad',2000,NULL,318000,116000,232000,159000,0,0,86000,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(149,2,2,129,'2025-02-08 17:28:00','19929','MM-0120',1,'Nota de crédito',1,NULL,'Plátano','Frutas y verduras','Kilo',1684,NULL,234100,80600,135700,139000,0,0,98400,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(150,2,2,130,'2025-02-08 18:58:00','19930','7805825747306',1,'Débito',0,'9.539.999-1','Jugo néctar durazno 1 L','Bebidas','Unidad',2000,NULL,278000,76400,152800,139000,0,0,125200,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(151,2,2,131,'2025-02-08 18:58:00','19930','7809887161469',1,'Débito',0,'9.539.999-1','Cerveza lata 470 cc','Bebidas alcohólicas','Unidad',1000,NULL,100000,69000,69000,100000,0,0,31000,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(152,2,2,132,'2025-02-08 18:58:00','19930','MM-0107',1,'Débito',0,'9.539.999-1','Queso gauda laminado','Fiambrería','Kilo',250,NULL,269800,766000,191500,1079000,0,0,78300,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(153,2,2,133,'2025-02-09 17:35:00','19931','7807652990672',1,'Débito',0,'Verónica Martínez González','Huevos blancos 12 un.','Huevos','Unidad',1000,NULL,379000,291800,291800,379000,0,0,87200,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(154,2,2,134,'2025-02-09 17:35:00','19931','7805534088776',1,'Débito',0,'Verónica Martínez González','Azúcar 1 kg','Abarrotes','Unidad',1000,NULL,129000,103200,103200,129000,0,0,25800,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(155,2,2,135,'2025-02-09 17:35:00','19931','7807792961624',1,'Débito',0,'Verónica Martínez González','Papas fritas corte americano 230 g','Snacks y dulces','Unidad',1000,NULL,219000,127000,127000,219000,0,0,92000,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(156,2,2,136,'2025-02-10 14:15:00','19932','7804078117836',1,'Débito',0,'9.539.999-1','Empanada de pino','Rotisería','Unidad',1000,NULL,189000,86900,86900,189000,0,0,102100,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(157,2,2,137,'2025-02-10 14:15:00','19932','MM-0108',1,'Débito',0,'9.539.999-1','Jamón de pierna','Fiambrería','Kilo',104,NULL,98700,607300,63200,949000,0,0,35500,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(158,2,2,138,'2025-02-10 19:48:00','19933','7805825747306',1,'Débito',0,NULL,'Jugo néctar durazno 1 L','Bebidas','Unidad',2000,NULL,278000,76400,152800,139000,0,0,125200,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(159,2,2,139,'2025-02-11 17:23:00','19934','MM-0116',1,'Débito',0,'77.544.310-3','Pan marraqueta','Panadería','Kilo',866,NULL,181000,114900,99500,209000,0,0,81500,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(160,2,2,140,'2025-02-11 17:57:00','19935','7804078117836',1,'Débito',0,'Francisca Rojas Álvarez','Empanada de pino','Rotisería','Unidad',1000,NULL,189000,86900,86900,189000,0,0,102100,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(161,2,2,141,'2025-02-11 17:57:00','19935','7800148318561',1,'Débito',0,'Francisca Rojas Álvarez','Leche entera 1 L','Lácteos','Unidad',1000,NULL,109000,81700,81700,109000,0,0,27300,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(162,2,2,142,'2025-02-12 09:47:00','19936','7804078117836',1,'Débito',0,NULL,'Empanada de pino','Rotisería','Unidad',1000,NULL,189000,86900,86900,189000,0,0,102100,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(163,2,2,143,'2025-02-12 19:45:00','19937','MM-0119',1,'Efectivo',0,'Raúl Ibáñez Pérez','Tomate','Frutas y verduras','Kilo',1303,NULL,194100,87900,114500,149000,0,0,79600,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(164,2,2,144,'2025-02-12 19:45:00','19937','7804078117836',1,'Efectivo',0,'Raúl Ibáñez Pérez','Empanada de pino','Rotisería','Unidad',2000,NULL,378000,86900,173800,189000,0,0,204200,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(165,2,2,145,'2025-02-13 15:36:00','19938','7805534088776',1,'Débito',0,'Juan Espinoza Araya','Azúcar 1 kg','Abarrotes','Unidad',1000,NULL,129000,103200,103200,129000,0,0,25800,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(166,2,2,146,'2025-02-13 15:36:00','19938','7807259975003',1,'Débito',0,'Juan Espinoza Araya','Harina sin polvos 1 kg','Abarrotes','Unidad',1000,NULL,109000,86100,86100,109000,0,0,22900,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(167,2,2,147,'2025-02-13 15:36:00','19938','MM-0119',1,'Débito',0,'Juan Espinoza Araya','Tomate','Frutas y verduras','Kilo',590,NULL,87900,87900,51900,149000,0,0,36000,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(168,2,2,148,'2025-02-13 15:36:00','19938','7804078117836',1,'Débito',0,'Juan Espinoza Araya','Empanada de pino','Rotisería','Unidad',1000,NULL,189000,86900,86900,189000,0,0,102100,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(169,2,2,149,'2025-02-14 19:08:00','19939','MM-0121',1,'Débito',0,NULL,'Papas','Frutas y verduras','Kilo',842,NULL,74900,47100,39700,89000,0,0,35200,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(170,2,2,150,'2025-02-14 19:08:00','19939','MM-0116',1,'Débito',0,NULL,'Pan marraqueta','Panadería','Kilo',212,NULL,44300,114900,24400,209000,0,0,19900,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(171,2,2,151,'2025-02-14 19:08:00','19939','7804078117836',1,'Débito',0,NULL,'Empanada de pino','Rotisería','Unidad',1000,NULL,189000,86900,86900,189000,0,0,102100,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(172,2,2,152,'2025-02-15 18:07:00','19940','7805534088776',1,'Débito',0,'Francisca Rojas Álvarez','Azúcar 1 kg','Abarrotes','Unidad',1000,NULL,129000,103200,103200,129000,0,0,25800,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(173,2,2,153,'2025-02-15 19:13:00','19941','7804078117836',1,'Débito',0,NULL,'Empanada de pino','Rotisería','Unidad',1000,NULL,189000,86900,86900,189000,0,0,102100,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(174,2,2,154,'2025-02-15 19:13:00','19941','7801318934635',1,'Débito',0,NULL,'Fideos spaghetti N°5 400 g','Abarrotes','Unidad',2000,NULL,170000,58600,117200,85000,0,0,52800,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(175,2,2,155,'2025-02-15 21:33:00','19942','7807652990672',1,'Efectivo',0,'Tomás Ibáñez','Huevos blancos 12 un.','Huevos','Unidad',1000,NULL,379000,291800,291800,379000,0,0,87200,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(176,2,2,156,'2025-02-15 21:33:00','19942','7800000000009',1,'Efectivo',0,'Tomás Ibáñez','Coca-Cola 1,5 L','Bebidas','Unidad',1000,NULL,189000,NULL,NULL,189000,0,0,NULL,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(177,2,2,157,'2025-02-16 13:20:00','19943','7805534088776',1,'Débito',0,'Verónica Fernández','Azúcar 1 kg','Abarrotes','Unidad',2000,NULL,258000,103200,206400,129000,0,0,51600,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(178,2,2,158,'2025-02-16 13:20:00','19943','7809887161469',1,'Débito',0,'Verónica Fernández','Cerveza lata 470 cc','Bebidas alcohólicas','Unidad',1000,NULL,100000,69000,69000,100000,0,0,31000,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(179,2,2,159,'2025-02-16 16:07:00','19944','7805534088776',1,'Débito',0,'Tomás Ibáñez','Azúcar 1 kg','Abarrotes','Unidad',1000,NULL,129000,103200,103200,129000,0,0,25800,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(180,2,2,160,'2025-02-16 16:07:00','19944','MM-0116',1,'Débito',0,'Tomás Ibáñez','Pan marraqueta','Panadería','Kilo',455,NULL,95100,114900,52300,209000,0,0,42800,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(181,2,2,161,'2025-02-17 14:18:00','19945','7805534088776',1,'Débito',0,NULL,'Azúcar 1 kg','Abarrotes','Unidad',1000,NULL,129000,103200,103200,129000,0,0,25800,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(182,2,2,162,'2025-02-17 19:55:00','19946','7804078117836',1,'Nota de crédito',1,NULL,'Empanada de pino','Rotisería','Unidad',1000,NULL,189000,86900,86900,189000,0,0,102100,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(183,2,2,163,'2025-02-18 12:09:00','19947','MM-0108',1,'Crédito',0,'9.539.999-1','Jamón de pierna','Fiambrería','Kilo',284,NULL,269500,607300,172500,949000,0,0,97000,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(184,2,2,164,'2025-02-18 12:09:00','19947','MM-0122',1,'Crédito',0,'9.539.999-1','Limón','Frutas y verduras','Kilo',454,NULL,90300,111400,50600,199000,0,0,39700,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(185,2,2,165,'2025-02-18 12:09:00','19947','7805534088776',1,'Crédito',0,'9.539.999-1','Azúcar 1 kg','Abarrotes','Unidad',1000,NULL,129000,103200,103200,129000,0,0,25800,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(186,2,2,166,'2025-02-19 15:41:00','19948','7807652990672',1,'Efectivo',0,NULL,'Huevos blancos 12 un.','Huevos','Unidad',1000,NULL,303200,291800,291800,379000,75800,0,11400,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(187,2,2,167,'2025-02-19 15:41:00','19948','7805534088776',1,'Efectivo',0,NULL,'Azúcar 1 kg','Abarrotes','Unidad',1000,NULL,129000,103200,103200,129000,0,0,25800,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(188,2,2,168,'2025-02-19 15:41:00','19948','7804078117836',1,'Efectivo',0,NULL,'Empanada de pino','Rotisería','Unidad',2000,NULL,378000,86900,173800,189000,0,0,204200,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(189,2,2,169,'2025-02-20 12:31:00','19949','7804078117836',1,'Efectivo',0,NULL,'Empanada de pino','Rotisería','Unidad',2000,NULL,378000,86900,173800,189000,0,0,204200,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(190,2,2,170,'2025-02-20 13:05:00','19950','7808795309611',1,'Transferencia',0,'Vicente Núñez Díaz','Té negro 100 bolsitas','Abarrotes','Unidad',1000,NULL,329000,197400,197400,329000,0,0,131600,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(191,2,2,171,'2025-02-20 13:05:00','19950','MM-0119',1,'Transferencia',0,'Vicente Núñez Díaz','Tomate','Frutas y verduras','Kilo',919,NULL,136900,87900,80800,149000,0,0,56100,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(192,2,2,172,'2025-02-21 17:47:00','19951','MM-0119',1,'Débito',0,NULL,'Tomate','Frutas y verduras','Kilo',968,NULL,144200,87900,85100,149000,0,0,59100,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(193,2,2,173,'2025-02-21 17:47:00','19951','7807259975003',1,'Débito',0,NULL,'Harina sin polvos 1 kg','Abarrotes','Unidad',1000,NULL,109000,86100,86100,109000,0,0,22900,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(194,2,2,174,'2025-02-21 17:47:00','19951','7808941032059',1,'Débito',0,NULL,'Papel higiénico doble hoja 4 rollos','Limpieza y hogar','Unidad',1000,NULL,269000,185600,185600,269000,0,0,83400,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(195,2,2,175,'2025-02-22 10:36:00','19952','7808795309611',1,'Efectivo',0,NULL,'Té negro 100 bolsitas','Abarrotes','Unidad',1000,NULL,329000,197400,197400,329000,0,0,131600,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(196,2,2,176,'2025-02-22 15:57:00','19953','7805825747306',1,'Efectivo',0,NULL,'Jugo néctar durazno 1 L','Bebidas','Unidad',1000,NULL,139000,76400,76400,139000,0,0,62600,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(197,2,2,177,'2025-02-22 15:57:00','19953','7804078117836',1,'Efectivo',0,NULL,'Empanada de pino','Rotisería','Unidad',1000,NULL,189000,86900,86900,189000,0,0,102100,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(198,2,2,178,'2025-02-22 15:57:00','19953','7801318934635',1,'Efectivo',0,NULL,'Fideos spaghetti N°5 400 g','Abarrotes','Unidad',1000,NULL,85000,58600,58600,85000,0,0,26400,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(199,2,2,179,'2025-02-22 15:57:00','19953','7805194467126',1,'Efectivo',0,NULL,'Detergente líquido 3 L','Limpieza y hogar','Unidad',1000,NULL,779000,490700,490700,779000,0,0,288300,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(200,2,2,180,'2025-02-23 18:10:00','19954','7804078117836',1,'Débito',0,'Vicente Espinoza','Empanada de pino','Rotisería','Unidad',2000,NULL,378000,86900,173800,189000,0,0,204200,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(201,2,2,181,'2025-02-23 18:10:00','19954','7805534088776',1,'Débito',0,'Vicente Espinoza','Azúcar 1 kg','Abarrotes','Unidad',1000,NULL,129000,103200,103200,129000,0,0,25800,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(202,2,2,182,'2025-02-24 11:27:00','19955','7805534088776',1,'Débito',0,NULL,'Azúcar 1 kg','Abarrotes','Unidad',1000,NULL,129000,103200,103200,129000,0,0,25800,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(203,2,2,183,'2025-02-24 18:16:00','19956','7803821802173',1,'Débito',0,'Javiera Morales Flores','Aceite maravilla 1 L','Abarrotes','Unidad',1000,NULL,289000,216700,216700,289000,0,0,72300,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(204,2,2,184,'2025-02-24 20:55:00','19957','7805534088776',1,'Débito',0,NULL,'Azúcar 1 kg','Abarrotes','Unidad',1000,NULL,129000,103200,103200,129000,0,0,25800,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(205,2,2,185,'2025-02-25 19:32:00','19958','7804078117836',1,'Débito',0,'Juan Espinoza Araya','Empanada de pino','Rotisería','Unidad',1000,NULL,189000,86900,86900,189000,0,0,102100,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(206,2,2,186,'2025-02-25 19:32:00','19958','MM-0116',1,'Débito',0,'Juan Espinoza Araya','Pan marraqueta','Panadería','Kilo',341,NULL,71300,114900,39200,209000,0,0,32100,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(207,2,2,187,'2025-02-25 19:32:00','19958','7804078117836',2,'Débito',0,'Juan Espinoza Araya','Empanada de pino','Rotisería','Unidad',1000,NULL,189000,86900,86900,189000,0,0,102100,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(208,2,2,188,'2025-02-26 10:30:00','19959','7805534088776',1,'Débito',0,'9.539.999-1','Azúcar 1 kg','Abarrotes','Unidad',1000,NULL,129000,103200,103200,129000,0,0,25800,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(209,2,2,189,'2025-02-26 10:30:00','19959','7800148318561',1,'Débito',0,'9.539.999-1','Leche entera 1 L','Lácteos','Unidad',1000,NULL,109000,81700,81700,109000,0,0,27300,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(210,2,2,190,'2025-02-26 10:30:00','19959','7804078117836',1,'Débito',0,'9.539.999-1','Empanada de pino','Rotisería','Unidad',1000,NULL,160600,86900,86900,189000,28400,0,73700,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(211,2,2,191,'2025-02-27 12:03:00','19960','7804078117836',1,'Débito',0,'Ximena Torres','Empanada de pino','Rotisería','Unidad',1000,NULL,189000,86900,86900,189000,0,0,102100,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(212,2,2,192,'2025-02-27 12:03:00','19960','7805825747306',1,'Débito',0,'Ximena Torres','Jugo néctar durazno 1 L','Bebidas','Unidad',11000,NULL,1529000,76400,840400,139000,0,0,688600,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(213,2,2,193,'2025-02-27 20:34:00','19961','7808941032059',1,'Crédito',0,'19.242.048-2','Papel higiénico doble hoja 4 rollos','Limpieza y hogar','Unidad',1000,NULL,269000,185600,185600,269000,0,0,83400,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(214,2,2,194,'2025-02-28 10:02:00','19962','7804078117836',1,'Crédito',0,'19.212.766-1','Empanada de pino','Rotisería','Unidad',1000,NULL,189000,86900,86900,189000,0,0,102100,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(215,2,2,195,'2025-02-28 10:02:00','19962','7809405787898',1,'Crédito',0,'19.212.766-1','Agua mineral sin gas 1,6 L','Bebidas','Unidad',4000,NULL,376000,53500,214000,94000,0,0,162000,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(216,2,2,196,'2025-02-28 14:35:00','19963','7804078117836',1,'Efectivo',0,NULL,'Empanada de pino','Rotisería','Unidad',8000,NULL,1512000,86900,695200,189000,0,0,816800,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(217,2,2,197,'2025-02-28 17:21:00','19964','7804078117836',1,'Transferencia',0,'Vicente Núñez Díaz','Empanada de pino','Rotisería','Unidad',1000,NULL,189000,86900,86900,189000,0,0,102100,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(218,2,2,198,'2025-03-01 09:10:00','19965','7804078117836',1,'Crédito',0,'Juan Espinoza Araya','Empanada de pino','Rotisería','Unidad',1000,NULL,189000,86900,86900,189000,0,0,102100,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(219,2,2,199,'2025-03-01 18:30:00','19966','7805534088776',1,'Crédito',0,NULL,'Azúcar 1 kg','Abarrotes','Unidad',2000,NULL,258000,103200,206400,129000,0,0,51600,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(220,2,2,200,'2025-03-01 18:30:00','19966','MM-0116',1,'Crédito',0,NULL,'Pan marraqueta','Panadería','Kilo',463,NULL,96800,114900,53200,209000,0,0,43600,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(221,2,2,201,'2025-03-01 18:30:00','19966','MM-0108',1,'Crédito',0,NULL,'Jamón de pierna','Fiambrería','Kilo',118,NULL,112000,607300,71700,949000,0,0,40300,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(222,2,2,202,'2025-03-01 18:30:00','19966','7804078117836',1,'Crédito',0,NULL,'Empanada de pino','Rotisería','Unidad',1000,NULL,189000,86900,86900,189000,0,0,102100,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(223,2,2,203,'2025-03-02 13:30:00','19967','7807792961624',1,'Débito',0,'Benjamín Martínez','Papas fritas corte americano 230 g','Snacks y dulces','Unidad',2000,NULL,438000,127000,254000,219000,0,0,184000,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(224,2,2,204,'2025-03-02 13:30:00','19967','7804078117836',1,'Débito',0,'Benjamín Martínez','Empanada de pino','Rotisería','Unidad',1000,NULL,189000,86900,86900,189000,0,0,102100,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(225,2,2,205,'2025-03-02 13:30:00','19967','MM-0116',1,'Débito',0,'Benjamín Martínez','Pan marraqueta','Panadería','Kilo',239,NULL,50000,114900,27500,209000,0,0,22500,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(226,2,2,206,'2025-03-03 14:11:00','19968','7804078117836',1,'Nota de crédito',1,'Patricio Morales Contreras','Empanada de pino','Rotisería','Unidad',1000,NULL,189000,86900,86900,189000,0,0,102100,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(227,2,2,207,'2025-03-03 19:33:00','19969','MM-0116',1,'Efectivo',0,NULL,'Pan marraqueta','Panadería','Kilo',706,NULL,147600,114900,81100,209000,0,0,66500,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(228,2,2,208,'2025-03-03 19:33:00','19969','7805534088776',1,'Efectivo',0,NULL,'Azúcar 1 kg','Abarrotes','Unidad',1000,NULL,129000,103200,103200,129000,0,0,25800,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(229,2,2,209,'2025-03-04 09:28:00','19970','MM-0122',1,'Transferencia',0,'Juan Espinoza Araya','Limón','Frutas y verduras','Kilo',661,NULL,131500,111400,73600,199000,0,0,57900,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(230,2,2,210,'2025-03-04 09:28:00','19970','7804078117836',1,'Transferencia',0,'Juan Espinoza Araya','Empanada de pino','Rotisería','Unidad',1000,NULL,189000,86900,86900,189000,0,0,102100,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(231,2,2,211,'2025-03-04 09:28:00','19970','7805534088776',1,'Transferencia',0,'Juan Espinoza Araya','Azúcar 1 kg','Abarrotes','Unidad',1000,NULL,129000,103200,103200,129000,0,0,25800,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(232,2,2,212,'2025-03-04 09:28:00','19970','7807652990672',1,'Transferencia',0,'Juan Espinoza Araya','Huevos blancos 12 un.','Huevos','Unidad',5000,NULL,1895000,291800,1459000,379000,0,0,436000,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(233,2,2,213,'2025-03-05 11:46:00','19971','7808795309611',1,'Efectivo',0,'Antonia Espinoza','Té negro 100 bolsitas','Abarrotes','Unidad',1000,NULL,279600,197400,197400,329000,49400,0,82200,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(234,2,2,214,'2025-03-05 11:46:00','19971','7804078117836',1,'Efectivo',0,'Antonia Espinoza','Empanada de pino','Rotisería','Unidad',2000,NULL,378000,86900,173800,189000,0,0,204200,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(235,2,2,215,'2025-03-05 21:37:00','19972','7805825747306',1,'Efectivo',0,'Vicente Espinoza','Jugo néctar durazno 1 L','Bebidas','Unidad',2000,NULL,278000,76400,152800,139000,0,0,125200,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(236,2,2,216,'2025-03-06 10:14:00','19973','7800000000009',1,'Débito',0,'Juan Espinoza Araya','Coca-Cola 1,5 L','Bebidas','Unidad',2000,NULL,378000,NULL,NULL,189000,0,0,NULL,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(237,2,2,217,'2025-03-06 10:14:00','19973','MM-0116',1,'Débito',0,'Juan Espinoza Araya','Pan marraqueta','Panadería','Kilo',762,NULL,159300,114900,87600,209000,0,0,71700,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(238,2,2,218,'2025-03-06 20:28:00','19974','7804078117836',1,'Débito',0,'Héctor Pérez','Empanada de pino','Rotisería','Unidad',1000,NULL,189000,86900,86900,189000,0,0,102100,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(239,2,2,219,'2025-03-07 14:56:00','19975','7805825747306',1,'Crédito',0,NULL,'Jugo néctar durazno 1 L','Bebidas','Unidad',1000,NULL,139000,76400,76400,139000,0,0,62600,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(240,2,2,220,'2025-03-07 18:23:00','19976','7805534088776',1,'Efectivo',0,'Juan Espinoza Araya','Azúcar 1 kg','Abarrotes','Unidad',1000,NULL,129000,103200,103200,129000,0,0,25800,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(241,2,2,221,'2025-03-07 18:23:00','19976','7804078117836',1,'Efectivo',0,'Juan Espinoza Araya','Empanada de pino','Rotisería','Unidad',1000,NULL,189000,86900,86900,189000,0,0,102100,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(242,2,2,222,'2025-03-07 18:23:00','19976','7809405787898',1,'Efectivo',0,'Juan Espinoza Araya','Agua mineral sin gas 1,6 L','Bebidas','Unidad',1000,NULL,94000,53500,53500,94000,0,0,40500,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(243,2,2,223,'2025-03-08 08:20:00','19977','7805825747306',1,'Débito',0,'Juan Espinoza Araya','Jugo néctar durazno 1 L','Bebidas','Unidad',1000,NULL,139000,76400,76400,139000,0,0,62600,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(244,2,2,224,'2025-03-08 08:20:00','19977','7805534088776',1,'Débito',0,'Juan Espinoza Araya','Azúcar 1 kg','Abarrotes','Unidad',1000,NULL,129000,103200,103200,129000,0,0,25800,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(245,2,2,225,'2025-03-08 21:32:00','19978','7805534088776',1,'Débito',0,'Patricio Morales Contreras','Azúcar 1 kg','Abarrotes','Unidad',1000,NULL,129000,103200,103200,129000,0,0,25800,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(246,2,2,226,'2025-03-08 21:32:00','19978','7803821802173',1,'Débito',0,'Patricio Morales Contreras','Aceite maravilla 1 L','Abarrotes','Unidad',1000,NULL,289000,216700,216700,289000,0,0,72300,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(247,2,2,227,'2025-03-08 21:32:00','19978','MM-0116',1,'Débito',0,'Patricio Morales Contreras','Pan marraqueta','Panadería','Kilo',376,NULL,78600,114900,43200,209000,0,0,35400,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(248,2,2,228,'2025-03-09 19:57:00','19980','MM-0108',1,'Efectivo',0,NULL,'Jamón de pierna','Fiambrería','Kilo',222,NULL,210700,607300,134800,949000,0,0,75900,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(249,2,2,229,'2025-03-09 19:57:00','19980','7805534088776',1,'Efectivo',0,NULL,'Azúcar 1 kg','Abarrotes','Unidad',1000,NULL,129000,103200,103200,129000,0,0,25800,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(250,2,2,230,'2025-03-09 19:57:00','19980','7804078117836',1,'Efectivo',0,NULL,'Empanada de pino','Rotisería','Unidad',9000,NULL,1701000,86900,782100,189000,0,0,918900,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(251,2,2,231,'2025-03-10 09:57:00','19981','7804078117836',1,'Crédito',0,NULL,'Empanada de pino','Rotisería','Unidad',3000,NULL,567000,86900,260700,189000,0,0,306300,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(252,2,2,232,'2025-03-10 09:57:00','19981','7808795309611',1,'Crédito',0,NULL,'Té negro 100 bolsitas','Abarrotes','Unidad',1000,NULL,296100,197400,197400,329000,32900,0,98700,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(253,2,2,233,'2025-03-10 10:37:00','19982','7803821802173',1,'Transferencia',0,'Francisca Rojas Álvarez','Aceite maravilla 1 L','Abarrotes','Unidad',2000,NULL,578000,216700,433400,289000,0,0,144600,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(254,2,2,234,'2025-03-11 11:12:00','19983','7807792961624',1,'Nota de crédito',1,NULL,'Papas fritas corte americano 230 g','Snacks y dulces','Unidad',1000,NULL,219000,127000,127000,219000,0,0,92000,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(255,2,2,235,'2025-03-11 18:31:00','19984','MM-0122',1,'Transferencia',0,'Verónica Fernández','Limón','Frutas y verduras','Kilo',456,NULL,90700,111400,50800,199000,0,0,39900,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(256,2,2,236,'2025-03-12 14:38:00','19985','MM-0119',1,'Débito',0,NULL,'Tomate','Frutas y verduras','Kilo',1441,NULL,214700,87900,126700,149000,0,0,88000,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(257,2,2,237,'2025-03-12 14:38:00','19985','7808941032059',1,'Débito',0,NULL,'Papel higiénico doble hoja 4 rollos','Limpieza y hogar','Unidad',1000,NULL,269000,185600,185600,269000,0,0,83400,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(258,2,2,238,'2025-03-12 14:38:00','19985','7800148318561',1,'Débito',0,NULL,'Leche entera 1 L','Lácteos','Unidad',1000,NULL,109000,81700,81700,109000,0,0,27300,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(259,2,2,239,'2025-03-13 08:16:00','19987','7807259975003',1,'Débito',0,'14.103.497-9','Harina sin polvos 1 kg','Abarrotes','Unidad',1000,NULL,109000,86100,86100,109000,0,0,22900,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(260,2,2,240,'2025-03-13 08:16:00','19987','7802387261202',1,'Débito',0,'14.103.497-9','Arroz grado 2, 1 kg','Abarrotes','Unidad',1000,NULL,159000,116000,116000,159000,0,0,43000,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(261,2,2,241,'2025-03-13 08:16:00','19987','7804078117836',1,'Débito',0,'14.103.497-9','Empanada de pino','Rotisería','Unidad',1000,NULL,189000,86900,86900,189000,0,0,102100,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(262,2,2,242,'2025-03-13 08:16:00','19987','7807652990672',1,'Débito',0,'14.103.497-9','Huevos blancos 12 un.','Huevos','Unidad',1000,NULL,379000,291800,291800,379000,0,0,87200,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(263,2,2,243,'2025-03-14 10:31:00','19988','MM-0108',1,'Débito',0,'77.544.310-3','Jamón de pierna','Fiambrería','Kilo',158,NULL,149900,607300,96000,949000,0,0,53900,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(264,2,2,244,'2025-03-14 17:17:00','19989','MM-0116',1,'Nota de crédito',1,'19.212.766-1','Pan marraqueta','Panadería','Kilo',790,NULL,165100,114900,90800,209000,0,0,74300,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(265,2,2,245,'2025-03-14 19:24:00','19990','7804078117836',1,'Efectivo',0,'Sofía Espinoza','Empanada de pino','Rotisería','Unidad',1000,NULL,189000,86900,86900,189000,0,0,102100,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(266,2,2,246,'2025-03-15 13:23:00','19991','MM-0122',1,'Débito',0,NULL,'Limón','Frutas y verduras','Kilo',602,NULL,119800,111400,67100,199000,0,0,52700,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(267,2,2,247,'2025-03-15 13:23:00','19991','7800148318561',1,'Débito',0,NULL,'Leche entera 1 L','Lácteos','Unidad',1000,NULL,109000,81700,81700,109000,0,0,27300,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(268,2,2,248,'2025-03-15 13:23:00','19991','7805825747306',1,'Débito',0,NULL,'Jugo néctar durazno 1 L','Bebidas','Unidad',1000,NULL,139000,76400,76400,139000,0,0,62600,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(269,2,2,249,'2025-03-15 13:23:00','19991','MM-0121',1,'Débito',0,NULL,'Papas','Frutas y verduras','Kilo',2865,NULL,255000,47100,134900,89000,0,0,120100,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(270,2,2,250,'2025-03-16 12:12:00','19992','MM-0108',1,'Efectivo',0,'19.212.766-1','Jamón de pierna','Fiambrería','Kilo',302,NULL,286600,607300,183400,949000,0,0,103200,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(271,2,2,251,'2025-03-16 12:12:00','19992','7805194467126',1,'Efectivo',0,'19.212.766-1','Detergente líquido 3 L','Limpieza y hogar','Unidad',1000,NULL,779000,490700,490700,779000,0,0,288300,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(272,2,2,252,'2025-03-17 10:27:00','19993','7803798771168',1,'Crédito',0,'Antonia Espinoza','Galletas de vino 180 g','Snacks y dulces','Unidad',2000,NULL,126000,37100,74200,63000,0,0,51800,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(273,2,2,253,'2025-03-17 12:09:00','19994','7809887161469',1,'Débito',0,'Vicente Espinoza','Cerveza lata 470 cc','Bebidas alcohólicas','Unidad',5000,NULL,500000,69000,345000,100000,0,0,155000,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(274,2,2,254,'2025-03-17 12:09:00','19994','MM-0122',1,'Débito',0,'Vicente Espinoza','Limón','Frutas y verduras','Kilo',763,NULL,151800,111400,85000,199000,0,0,66800,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(275,2,2,255,'2025-03-18 14:56:00','19995','7804078117836',1,'Débito',0,'20.574.148-8','Empanada de pino','Rotisería','Unidad',1000,NULL,189000,86900,86900,189000,0,0,102100,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(276,2,2,256,'2025-03-18 14:56:00','19995','7804078117836',2,'Débito',0,'20.574.148-8','Empanada de pino','Rotisería','Unidad',1000,NULL,189000,86900,86900,189000,0,0,102100,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(277,2,2,257,'2025-03-18 20:12:00','19996','7808941032059',1,'Efectivo',0,'Juan Espinoza Araya','Papel higiénico doble hoja 4 rollos','Limpieza y hogar','Unidad',1000,NULL,269000,185600,185600,269000,0,0,83400,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(278,2,2,258,'2025-03-19 12:05:00','19997','7804078117836',1,'Débito',0,'Antonia Espinoza','Empanada de pino','Rotisería','Unidad',1000,NULL,189000,86900,86900,189000,0,0,102100,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(279,2,2,259,'2025-03-19 12:05:00','19997','MM-0122',1,'Débito',0,'Antonia Espinoza','Limón','Frutas y verduras','Kilo',477,NULL,94900,111400,53100,199000,0,0,41800,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(280,2,2,260,'2025-03-19 12:05:00','19997','MM-0116',1,'Débito',0,'Antonia Espinoza','Pan marraqueta','Panadería','Kilo',776,NULL,154100,114900,89200,209000,8100,0,64900,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(281,2,2,261,'2025-03-20 08:03:00','19998','7805534088776',1,'Efectivo',0,'11.447.967-5','Azúcar 1 kg','Abarrotes','Unidad',1000,NULL,129000,103200,103200,129000,0,0,25800,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(282,2,2,262,'2025-03-20 14:10:00','19999','7801318934635',1,'Débito',0,NULL,'Fideos spaghetti N°5 400 g','Abarrotes','Unidad',1000,NULL,85000,58600,58600,85000,0,0,26400,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(283,2,2,263,'2025-03-20 14:10:00','19999','MM-0121',1,'Débito',0,NULL,'Papas','Frutas y verduras','Kilo',3161,NULL,281300,47100,148900,89000,0,0,132400,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(284,2,2,264,'2025-03-21 12:14:00','20000','7807259975003',1,'Efectivo',0,'Patricio Morales Contreras','Harina sin polvos 1 kg','Abarrotes','Unidad',1000,NULL,109000,86100,86100,109000,0,0,22900,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(285,2,2,265,'2025-03-21 12:14:00','20000','7804078117836',1,'Efectivo',0,'Patricio Morales Contreras','Empanada de pino','Rotisería','Unidad',1000,NULL,189000,86900,86900,189000,0,0,102100,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(286,2,2,266,'2025-03-21 12:14:00','20000','7805825747306',1,'Efectivo',0,'Patricio Morales Contreras','Jugo néctar durazno 1 L','Bebidas','Unidad',1000,NULL,139000,76400,76400,139000,0,0,62600,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(287,2,2,267,'2025-03-21 17:23:00','20001','7808795309611',1,'Débito',0,'19.212.766-1','Té negro 100 bolsitas','Abarrotes','Unidad',7000,NULL,1957500,197400,1381800,329000,345500,0,575700,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(288,2,2,268,'2025-03-22 14:31:00','20002','7807652990672',1,'Débito',0,'14.103.497-9','Huevos blancos 12 un.','Huevos','Unidad',1000,NULL,360000,291800,291800,379000,19000,0,68200,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(289,2,2,269,'2025-03-22 14:31:00','20002','7805194467126',1,'Débito',0,'14.103.497-9','Detergente líquido 3 L','Limpieza y hogar','Unidad',1000,NULL,779000,490700,490700,779000,0,0,288300,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(290,2,2,270,'2025-03-22 14:31:00','20002','MM-0117',1,'Débito',0,'14.103.497-9','Pan hallulla','Panadería','Kilo',266,NULL,63600,124200,33000,239000,0,0,30600,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(291,2,2,271,'2025-03-22 18:39:00','20003','7804078117836',1,'Nota de crédito',1,NULL,'Empanada de pino','Rotisería','Unidad',1000,NULL,189000,86900,86900,189000,0,0,102100,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(292,2,2,272,'2025-03-23 14:00:00','20004','7802754631324',1,'Débito',0,'Sofía Espinoza','Mantequilla con sal 250 g','Lácteos','Unidad',1000,NULL,299000,NULL,NULL,299000,0,0,NULL,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(293,2,2,273,'2025-03-23 14:00:00','20004','7804078117836',1,'Débito',0,'Sofía Espinoza','Empanada de pino','Rotisería','Unidad',3000,NULL,567000,86900,260700,189000,0,0,306300,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(294,2,2,274,'2025-03-23 15:18:00','20005','MM-0116',1,'Transferencia',0,'19.212.766-1','Pan marraqueta','Panadería','Kilo',703,NULL,146900,114900,80800,209000,0,0,66100,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(295,2,2,275,'2025-03-23 15:25:00','20006','MM-0122',1,'Efectivo',0,'Tomás Ibáñez','Limón','Frutas y verduras','Kilo',846,NULL,168400,111400,94200,199000,0,0,74200,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(296,2,2,276,'2025-03-24 20:05:00','20007','MM-0107',1,'Efectivo',0,'19.212.766-1','Queso gauda laminado','Fiambrería','Kilo',300,NULL,323700,766000,229800,1079000,0,0,93900,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(297,2,2,277,'2025-03-24 20:25:00','20008','MM-0116',1,'Débito',0,NULL,'Pan marraqueta','Panadería','Kilo',336,NULL,70200,114900,38600,209000,0,0,31600,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(298,2,2,278,'2025-03-25 12:24:00','20009','MM-0122',1,'Efectivo',0,'Tomás Ibáñez','Limón','Frutas y verduras','Kilo',890,NULL,177100,111400,99100,199000,0,0,78000,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(299,2,2,279,'2025-03-25 12:24:00','20009','7804078117836',1,'Efectivo',0,'Tomás Ibáñez','Empanada de pino','Rotisería','Unidad',1000,NULL,189000,86900,86900,189000,0,0,102100,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(300,2,2,280,'2025-03-25 21:01:00','20010','7807259975003',1,'Crédito',0,NULL,'Harina sin polvos 1 kg','Abarrotes','Unidad',1000,NULL,109000,86100,86100,109000,0,0,22900,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(301,2,2,281,'2025-03-26 09:28:00','20011','7804078117836',1,'Nota de crédito',1,'Vicente Espinoza','Empanada de pino','Rotisería','Unidad',1000,NULL,189000,86900,86900,189000,0,0,102100,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(302,2,2,282,'2025-03-26 13:35:00','20012','7805534088776',1,'Débito',0,NULL,'Azúcar 1 kg','Abarrotes','Unidad',1000,NULL,129000,103200,103200,129000,0,0,25800,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(303,2,2,283,'2025-03-26 19:32:00','20013','MM-0116',1,'Nota de crédito',1,NULL,'Pan marraqueta','Panadería','Kilo',274,NULL,57300,114900,31500,209000,0,0,25800,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(304,2,2,284,'2025-03-27 18:19:00','20014','7805194467126',1,'Efectivo',0,'Juan Espinoza Araya','Detergente líquido 3 L','Limpieza y hogar','Unidad',2000,NULL,1558000,490700,981400,779000,0,0,576600,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(305,2,2,285,'2025-03-27 18:19:00','20014','7808795309611',1,'Efectivo',0,'Juan Espinoza Araya','Té negro 100 bolsitas','Abarrotes','Unidad',2000,NULL,658000,197400,394800,329000,0,0,263200,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(306,2,2,286,'2025-03-28 15:34:00','20015','7805534088776',1,'Débito',0,NULL,'Azúcar 1 kg','Abarrotes','Unidad',1000,NULL,129000,103200,103200,129000,0,0,25800,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(307,2,2,287,'2025-03-28 18:58:00','20016','7802387261202',1,'Efectivo',0,NULL,'Arroz grado 2, 1 kg','Abarrotes','Unidad',10000,NULL,1590000,116000,1160000,159000,0,0,430000,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(308,2,2,288,'2025-03-28 21:59:00','20017','7808941032059',1,'Débito',0,'Juan Espinoza Araya','Papel higiénico doble hoja 4 rollos','Limpieza y hogar','Unidad',2000,NULL,484200,185600,371200,269000,53800,0,113000,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(309,2,2,289,'2025-03-28 21:59:00','20017','7800000000009',1,'Débito',0,'Juan Espinoza Araya','Coca-Cola 1,5 L','Bebidas','Unidad',1000,NULL,189000,NULL,NULL,189000,0,0,NULL,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(310,2,2,290,'2025-03-29 18:17:00','20018','7805534088776',1,'Efectivo',0,'9.539.999-1','Azúcar 1 kg','Abarrotes','Unidad',6000,NULL,774000,103200,619200,129000,0,0,154800,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(311,2,2,291,'2025-03-29 18:17:00','20018','7804078117836',1,'Efectivo',0,'9.539.999-1','Empanada de pino','Rotisería','Unidad',1000,NULL,189000,86900,86900,189000,0,0,102100,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(312,2,2,292,'2025-03-29 18:17:00','20018','MM-0119',1,'Efectivo',0,'9.539.999-1','Tomate','Frutas y verduras','Kilo',1168,NULL,174000,87900,102700,149000,0,0,71300,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(313,2,2,293,'2025-03-29 18:17:00','20018','7805534088776',2,'Efectivo',0,'9.539.999-1','Azúcar 1 kg','Abarrotes','Unidad',2000,NULL,258000,103200,206400,129000,0,0,51600,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(314,2,2,294,'2025-03-30 13:58:00','20019','MM-0116',1,'Débito',0,'Juan Espinoza Araya','Pan marraqueta','Panadería','Kilo',776,NULL,162200,114900,89200,209000,0,0,73000,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(315,2,2,295,'2025-03-30 17:35:00','20020','7805825747306',1,'Efectivo',0,NULL,'Jugo néctar durazno 1 L','Bebidas','Unidad',1000,NULL,139000,76400,76400,139000,0,0,62600,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(316,2,2,296,'2025-03-30 17:52:00','20021','7804078117836',1,'Débito',0,NULL,'Empanada de pino','Rotisería','Unidad',3000,NULL,567000,86900,260700,189000,0,0,306300,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(317,2,2,297,'2025-03-30 18:51:00','20022','7804078117836',1,'Crédito',0,'Patricio Morales Contreras','Empanada de pino','Rotisería','Unidad',1000,NULL,189000,86900,86900,189000,0,0,102100,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(318,2,2,298,'2025-03-30 19:52:00','20023','7808656632520',1,'Crédito',0,'Benjamín Martínez','Yoghurt batido frutilla 165 g','Lácteos','Unidad',1000,NULL,48000,32100,32100,48000,0,0,15900,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(319,2,2,299,'2025-03-31 11:52:00','20024','MM-0122',1,'Efectivo',0,NULL,'Limón','Frutas y verduras','Kilo',562,NULL,111800,111400,62600,199000,0,0,49200,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(320,2,2,300,'2025-03-31 11:52:00','20024','7800148318561',1,'Efectivo',0,NULL,'Leche entera 1 L','Lácteos','Unidad',1000,NULL,109000,81700,81700,109000,0,0,27300,NULL,'2026-11-30 17:51:07');
INSERT INTO raw_transactions VALUES(321,2,2,301,'2025-03-31 15:08:00','20025','MM-0120',1,'Débito',0,'9.539.999-1','Plátano','Frutas y verduras','Kilo',749,NULL,104100,80600,60400,139000,0,0,43700,NULL,'2026-11-30 17:51:07');
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
INSERT INTO data_updates VALUES(1,1,1,1,'2025-07-30','daily',0,3,3,0,0,NULL,'2026-11-30 17:51:07');
INSERT INTO data_updates VALUES(2,1,1,1,'2025-07-31','daily',0,3,3,0,0,NULL,'2026-11-30 17:51:07');
INSERT INTO data_updates VALUES(3,1,1,1,'2025-08-01','daily',0,3,3,0,0,NULL,'2026-11-30 17:51:07');
INSERT INTO data_updates VALUES(4,1,1,1,'2025-08-02','daily',0,3,3,0,0,NULL,'2026-11-30 17:51:07');
INSERT INTO data_updates VALUES(5,1,1,1,'2025-08-04','daily',0,1,1,0,0,NULL,'2026-11-30 17:51:07');
INSERT INTO data_updates VALUES(6,1,1,1,'2025-08-05','daily',0,2,2,0,0,NULL,'2026-11-30 17:51:07');
INSERT INTO data_updates VALUES(7,1,1,1,'2025-08-06','daily',0,1,1,0,0,NULL,'2026-11-30 17:51:07');
INSERT INTO data_updates VALUES(8,1,1,1,'2025-08-07','daily',0,2,2,0,0,NULL,'2026-11-30 17:51:07');
INSERT INTO data_updates VALUES(9,1,1,1,'2025-08-08','daily',0,1,1,0,0,NULL,'2026-11-30 17:51:07');
INSERT INTO data_updates VALUES(10,1,1,1,'2025-08-09','daily',0,2,2,0,0,NULL,'2026-11-30 17:51:07');
INSERT INTO data_updates VALUES(11,1,1,1,'2025-W31','weekly',0,12,12,0,0,NULL,'2026-11-30 17:51:07');
INSERT INTO data_updates VALUES(12,1,1,1,'2025-W32','weekly',0,9,9,0,0,NULL,'2026-11-30 17:51:07');
INSERT INTO data_updates VALUES(13,1,1,1,'2025-07','monthly',0,6,6,0,0,NULL,'2026-11-30 17:51:07');
INSERT INTO data_updates VALUES(14,1,1,1,'2025-08','monthly',0,15,15,0,0,NULL,'2026-11-30 17:51:07');
INSERT INTO data_updates VALUES(15,1,1,1,'2025-Q3','quarterly',0,21,21,0,0,NULL,'2026-11-30 17:51:07');
INSERT INTO data_updates VALUES(16,1,1,1,'2025','yearly',0,21,21,0,0,NULL,'2026-11-30 17:51:07');
INSERT INTO data_updates VALUES(17,2,2,1,'2025-01-02','daily',0,3,3,0,0,NULL,'2026-11-30 17:51:07');
INSERT INTO data_updates VALUES(18,2,2,1,'2025-01-03','daily',0,5,5,0,0,NULL,'2026-11-30 17:51:07');
INSERT INTO data_updates VALUES(19,2,2,1,'2025-01-04','daily',0,5,5,0,0,NULL,'2026-11-30 17:51:07');
INSERT INTO data_updates VALUES(20,2,2,1,'2025-01-05','daily',0,4,4,0,0,NULL,'2026-11-30 17:51:07');
INSERT INTO data_updates VALUES(21,2,2,1,'2025-01-06','daily',0,3,3,0,0,NULL,'2026-11-30 17:51:07');
INSERT INTO data_updates VALUES(22,2,2,1,'2025-01-07','daily',0,3,3,0,0,NULL,'2026-11-30 17:51:07');
INSERT INTO data_updates VALUES(23,2,2,1,'2025-01-08','daily',0,3,3,0,0,NULL,'2026-11-30 17:51:07');
INSERT INTO data_updates VALUES(24,2,2,1,'2025-01-09','daily',0,3,3,0,0,NULL,'2026-11-30 17:51:07');
INSERT INTO data_updates VALUES(25,2,2,1,'2025-01-10','daily',0,3,3,0,0,NULL,'2026-11-30 17:51:07');
INSERT INTO data_updates VALUES(26,2,2,1,'2025-01-11','daily',0,5,5,0,0,NULL,'2026-11-30 17:51:07');
INSERT INTO data_updates VALUES(27,2,2,1,'2025-01-12','daily',0,2,2,0,0,NULL,'2026-11-30 17:51:07');
INSERT INTO data_updates VALUES(28,2,2,1,'2025-01-13','daily',0,3,3,0,0,NULL,'2026-11-30 17:51:07');
INSERT INTO data_updates VALUES(29,2,2,1,'2025-01-14','daily',0,3,3,0,0,NULL,'2026-11-30 17:51:07');
INSERT INTO data_updates VALUES(30,2,2,1,'2025-01-15','daily',0,3,3,0,0,NULL,'2026-11-30 17:51:07');
INSERT INTO data_updates VALUES(31,2,2,1,'2025-01-16','daily',0,3,3,0,0,NULL,'2026-11-30 17:51:07');
INSERT INTO data_updates VALUES(32,2,2,1,'2025-01-17','daily',0,5,5,0,0,NULL,'2026-11-30 17:51:07');
INSERT INTO data_updates VALUES(33,2,2,1,'2025-01-18','daily',0,4,4,0,0,NULL,'2026-11-30 17:51:07');
INSERT INTO data_updates VALUES(34,2,2,1,'2025-01-19','daily',0,3,3,0,0,NULL,'2026-11-30 17:51:07');
INSERT INTO data_updates VALUES(35,2,2,1,'2025-01-20','daily',0,3,3,0,0,NULL,'2026-11-30 17:51:07');
INSERT INTO data_updates VALUES(36,2,2,1,'2025-01-21','daily',0,3,3,0,0,NULL,'2026-11-30 17:51:07');
INSERT INTO data_updates VALUES(37,2,2,1,'2025-01-22','daily',0,3,3,0,0,NULL,'2026-11-30 17:51:07');
INSERT INTO data_updates VALUES(38,2,2,1,'2025-01-23','daily',0,3,3,0,0,NULL,'2026-11-30 17:51:07');
INSERT INTO data_updates VALUES(39,2,2,1,'2025-01-24','daily',0,3,3,0,0,NULL,'2026-11-30 17:51:07');
INSERT INTO data_updates VALUES(40,2,2,1,'2025-01-25','daily',0,4,4,0,0,NULL,'2026-11-30 17:51:07');
INSERT INTO data_updates VALUES(41,2,2,1,'2025-01-26','daily',0,3,3,0,0,NULL,'2026-11-30 17:51:07');
INSERT INTO data_updates VALUES(42,2,2,1,'2025-01-27','daily',0,2,2,0,0,NULL,'2026-11-30 17:51:07');
INSERT INTO data_updates VALUES(43,2,2,1,'2025-01-28','daily',0,4,4,0,0,NULL,'2026-11-30 17:51:07');
INSERT INTO data_updates VALUES(44,2,2,1,'2025-01-29','daily',0,3,3,0,0,NULL,'2026-11-30 17:51:07');
INSERT INTO data_updates VALUES(45,2,2,1,'2025-01-30','daily',0,4,4,0,0,NULL,'2026-11-30 17:51:07');
INSERT INTO data_updates VALUES(46,2,2,1,'2025-01-31','daily',0,4,4,0,0,NULL,'2026-11-30 17:51:07');
INSERT INTO data_updates VALUES(47,2,2,1,'2025-02-01','daily',0,5,5,0,0,NULL,'2026-11-30 17:51:07');
INSERT INTO data_updates VALUES(48,2,2,1,'2025-02-02','daily',0,4,4,0,0,NULL,'2026-11-30 17:51:07');
INSERT INTO data_updates VALUES(49,2,2,1,'2025-02-03','daily',0,2,2,0,0,NULL,'2026-11-30 17:51:07');
INSERT INTO data_updates VALUES(50,2,2,1,'2025-02-04','daily',0,4,4,0,0,NULL,'2026-11-30 17:51:07');
INSERT INTO data_updates VALUES(51,2,2,1,'2025-02-05','daily',0,3,3,0,0,NULL,'2026-11-30 17:51:07');
INSERT INTO data_updates VALUES(52,2,2,1,'2025-02-06','daily',0,3,3,0,0,NULL,'2026-11-30 17:51:07');
INSERT INTO data_updates VALUES(53,2,2,1,'2025-02-07','daily',0,4,4,0,0,NULL,'2026-11-30 17:51:07');
INSERT INTO data_updates VALUES(54,2,2,1,'2025-02-08','daily',0,4,4,0,0,NULL,'2026-11-30 17:51:07');
INSERT INTO data_updates VALUES(55,2,2,1,'2025-02-09','daily',0,3,3,0,0,NULL,'2026-11-30 17:51:07');
INSERT INTO data_updates VALUES(56,2,2,1,'2025-02-10','daily',0,3,3,0,0,NULL,'2026-11-30 17:51:07');
INSERT INTO data_updates VALUES(57,2,2,1,'2025-02-11','daily',0,3,3,0,0,NULL,'2026-11-30 17:51:07');
INSERT INTO data_updates VALUES(58,2,2,1,'2025-02-12','daily',0,3,3,0,0,NULL,'2026-11-30 17:51:07');
INSERT INTO data_updates VALUES(59,2,2,1,'2025-02-13','daily',0,4,4,0,0,NULL,'2026-11-30 17:51:07');
INSERT INTO data_updates VALUES(60,2,2,1,'2025-02-14','daily',0,3,3,0,0,NULL,'2026-11-30 17:51:07');
INSERT INTO data_updates VALUES(61,2,2,1,'2025-02-15','daily',0,5,5,0,0,NULL,'2026-11-30 17:51:07');
INSERT INTO data_updates VALUES(62,2,2,1,'2025-02-16','daily',0,4,4,0,0,NULL,'2026-11-30 17:51:07');
INSERT INTO data_updates VALUES(63,2,2,1,'2025-02-17','daily',0,2,2,0,0,NULL,'2026-11-30 17:51:07');
INSERT INTO data_updates VALUES(64,2,2,1,'2025-02-18','daily',0,3,3,0,0,NULL,'2026-11-30 17:51:07');
INSERT INTO data_updates VALUES(65,2,2,1,'2025-02-19','daily',0,3,3,0,0,NULL,'2026-11-30 17:51:07');
INSERT INTO data_updates VALUES(66,2,2,1,'2025-02-20','daily',0,3,3,0,0,NULL,'2026-11-30 17:51:07');
INSERT INTO data_updates VALUES(67,2,2,1,'2025-02-21','daily',0,3,3,0,0,NULL,'2026-11-30 17:51:07');
INSERT INTO data_updates VALUES(68,2,2,1,'2025-02-22','daily',0,5,5,0,0,NULL,'2026-11-30 17:51:07');
INSERT INTO data_updates VALUES(69,2,2,1,'2025-02-23','daily',0,2,2,0,0,NULL,'2026-11-30 17:51:07');
INSERT INTO data_updates VALUES(70,2,2,1,'2025-02-24','daily',0,3,3,0,0,NULL,'2026-11-30 17:51:07');
INSERT INTO data_updates VALUES(71,2,2,1,'2025-02-25','daily',0,3,3,0,0,NULL,'2026-11-30 17:51:07');
INSERT INTO data_updates VALUES(72,2,2,1,'2025-02-26','daily',0,3,3,0,0,NULL,'2026-11-30 17:51:07');
INSERT INTO data_updates VALUES(73,2,2,1,'2025-02-27','daily',0,3,3,0,0,NULL,'2026-11-30 17:51:07');
INSERT INTO data_updates VALUES(74,2,2,1,'2025-02-28','daily',0,4,4,0,0,NULL,'2026-11-30 17:51:07');
INSERT INTO data_updates VALUES(75,2,2,1,'2025-03-01','daily',0,5,5,0,0,NULL,'2026-11-30 17:51:07');
INSERT INTO data_updates VALUES(76,2,2,1,'2025-03-02','daily',0,3,3,0,0,NULL,'2026-11-30 17:51:07');
INSERT INTO data_updates VALUES(77,2,2,1,'2025-03-03','daily',0,3,3,0,0,NULL,'2026-11-30 17:51:07');
INSERT INTO data_updates VALUES(78,2,2,1,'2025-03-04','daily',0,4,4,0,0,NULL,'2026-11-30 17:51:07');
INSERT INTO data_updates VALUES(79,2,2,1,'2025-03-05','daily',0,3,3,0,0,NULL,'2026-11-30 17:51:07');
INSERT INTO data_updates VALUES(80,2,2,1,'2025-03-06','daily',0,3,3,0,0,NULL,'2026-11-30 17:51:07');
INSERT INTO data_updates VALUES(81,2,2,1,'2025-03-07','daily',0,4,4,0,0,NULL,'2026-11-30 17:51:07');
INSERT INTO data_updates VALUES(82,2,2,1,'2025-03-08','daily',0,5,5,0,0,NULL,'2026-11-30 17:51:07');
INSERT INTO data_updates VALUES(83,2,2,1,'2025-03-09','daily',0,3,3,0,0,NULL,'2026-11-30 17:51:07');
INSERT INTO data_updates VALUES(84,2,2,1,'2025-03-10','daily',0,3,3,0,0,NULL,'2026-11-30 17:51:07');
INSERT INTO data_updates VALUES(85,2,2,1,'2025-03-11','daily',0,2,2,0,0,NULL,'2026-11-30 17:51:07');
INSERT INTO data_updates VALUES(86,2,2,1,'2025-03-12','daily',0,3,3,0,0,NULL,'2026-11-30 17:51:07');
INSERT INTO data_updates VALUES(87,2,2,1,'2025-03-13','daily',0,4,4,0,0,NULL,'2026-11-30 17:51:07');
INSERT INTO data_updates VALUES(88,2,2,1,'2025-03-14','daily',0,3,3,0,0,NULL,'2026-11-30 17:51:07');
INSERT INTO data_updates VALUES(89,2,2,1,'2025-03-15','daily',0,4,4,0,0,NULL,'2026-11-30 17:51:07');
INSERT INTO data_updates VALUES(90,2,2,1,'2025-03-16','daily',0,2,2,0,0,NULL,'2026-11-30 17:51:07');
INSERT INTO data_updates VALUES(91,2,2,1,'2025-03-17','daily',0,3,3,0,0,NULL,'2026-11-30 17:51:07');
INSERT INTO data_updates VALUES(92,2,2,1,'2025-03-18','daily',0,3,3,0,0,NULL,'2026-11-30 17:51:07');
INSERT INTO data_updates VALUES(93,2,2,1,'2025-03-19','daily',0,3,3,0,0,NULL,'2026-11-30 17:51:07');
INSERT INTO data_updates VALUES(94,2,2,1,'2025-03-20','daily',0,3,3,0,0,NULL,'2026-11-30 17:51:07');
INSERT INTO data_updates VALUES(95,2,2,1,'2025-03-21','daily',0,4,4,0,0,NULL,'2026-11-30 17:51:07');
INSERT INTO data_updates VALUES(96,2,2,1,'2025-03-22','daily',0,4,4,0,0,NULL,'2026-11-30 17:51:07');
INSERT INTO data_updates VALUES(97,2,2,1,'2025-03-23','daily',0,4,4,0,0,NULL,'2026-11-30 17:51:07');
INSERT INTO data_updates VALUES(98,2,2,1,'2025-03-24','daily',0,2,2,0,0,NULL,'2026-11-30 17:51:07');
INSERT INTO data_updates VALUES(99,2,2,1,'2025-03-25','daily',0,3,3,0,0,NULL,'2026-11-30 17:51:07');
INSERT INTO data_updates VALUES(100,2,2,1,'2025-03-26','daily',0,3,3,0,0,NULL,'2026-11-30 17:51:07');
INSERT INTO data_updates VALUES(101,2,2,1,'2025-03-27','daily',0,2,2,0,0,NULL,'2026-11-30 17:51:07');
INSERT INTO data_updates VALUES(102,2,2,1,'2025-03-28','daily',0,4,4,0,0,NULL,'2026-11-30 17:51:07');
INSERT INTO data_updates VALUES(103,2,2,1,'2025-03-29','daily',0,4,4,0,0,NULL,'2026-11-30 17:51:07');
INSERT INTO data_updates VALUES(104,2,2,1,'2025-03-30','daily',0,5,5,0,0,NULL,'2026-11-30 17:51:07');
INSERT INTO data_updates VALUES(105,2,2,1,'2025-03-31','daily',0,3,3,0,0,NULL,'2026-11-30 17:51:07');
INSERT INTO data_updates VALUES(106,2,2,1,'2025-W01','weekly',0,17,17,0,0,NULL,'2026-11-30 17:51:07');
INSERT INTO data_updates VALUES(107,2,2,1,'2025-W02','weekly',0,22,22,0,0,NULL,'2026-11-30 17:51:07');
INSERT INTO data_updates VALUES(108,2,2,1,'2025-W03','weekly',0,24,24,0,0,NULL,'2026-11-30 17:51:07');
INSERT INTO data_updates VALUES(109,2,2,1,'2025-W04','weekly',0,22,22,0,0,NULL,'2026-11-30 17:51:07');
INSERT INTO data_updates VALUES(110,2,2,1,'2025-W05','weekly',0,26,26,0,0,NULL,'2026-11-30 17:51:07');
INSERT INTO data_updates VALUES(111,2,2,1,'2025-W06','weekly',0,23,23,0,0,NULL,'2026-11-30 17:51:07');
INSERT INTO data_updates VALUES(112,2,2,1,'2025-W07','weekly',0,25,25,0,0,NULL,'2026-11-30 17:51:07');
INSERT INTO data_updates VALUES(113,2,2,1,'2025-W08','weekly',0,21,21,0,0,NULL,'2026-11-30 17:51:07');
INSERT INTO data_updates VALUES(114,2,2,1,'2025-W09','weekly',0,24,24,0,0,NULL,'2026-11-30 17:51:07');
INSERT INTO data_updates VALUES(115,2,2,1,'2025-W10','weekly',0,25,25,0,0,NULL,'2026-11-30 17:51:07');
INSERT INTO data_updates VALUES(116,2,2,1,'2025-W11','weekly',0,21,21,0,0,NULL,'2026-11-30 17:51:07');
INSERT INTO data_updates VALUES(117,2,2,1,'2025-W12','weekly',0,24,24,0,0,NULL,'2026-11-30 17:51:07');
INSERT INTO data_updates VALUES(118,2,2,1,'2025-W13','weekly',0,23,23,0,0,NULL,'2026-11-30 17:51:07');
INSERT INTO data_updates VALUES(119,2,2,1,'2025-W14','weekly',0,3,3,0,0,NULL,'2026-11-30 17:51:07');
INSERT INTO data_updates VALUES(120,2,2,1,'2025-01','monthly',0,102,102,0,0,NULL,'2026-11-30 17:51:07');
INSERT INTO data_updates VALUES(121,2,2,1,'2025-02','monthly',0,94,94,0,0,NULL,'2026-11-30 17:51:07');
INSERT INTO data_updates VALUES(122,2,2,1,'2025-03','monthly',0,104,104,0,0,NULL,'2026-11-30 17:51:07');
INSERT INTO data_updates VALUES(123,2,2,1,'2025-Q1','quarterly',0,300,300,0,0,NULL,'2026-11-30 17:51:07');
INSERT INTO data_updates VALUES(124,2,2,1,'2025','yearly',0,300,300,0,0,NULL,'2026-11-30 17:51:07');
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
INSERT INTO agg_day VALUES(1,'2025-07-30',3,2946500,3500,0,0,0,0,0,0,0,0,0,0,2,3,1);
INSERT INTO agg_day VALUES(1,'2025-07-31',3,5320800,4250,0,0,0,0,0,0,0,0,0,0,2,3,1);
INSERT INTO agg_day VALUES(1,'2025-08-01',3,2995000,5000,0,0,0,0,0,0,0,0,0,0,2,3,1);
INSERT INTO agg_day VALUES(1,'2025-08-02',3,2960100,2375,0,0,0,0,0,0,0,0,0,0,1,3,1);
INSERT INTO agg_day VALUES(1,'2025-08-04',1,-2499000,-1000,0,0,0,0,0,0,0,0,0,1,1,1,0);
INSERT INTO agg_day VALUES(1,'2025-08-05',2,4792000,8000,0,0,0,0,0,0,0,0,0,0,1,2,1);
INSERT INTO agg_day VALUES(1,'2025-08-06',1,649500,500,0,0,0,0,0,0,0,0,0,0,1,1,0);
INSERT INTO agg_day VALUES(1,'2025-08-07',2,4196000,4000,0,0,0,0,0,0,0,0,0,0,1,2,1);
INSERT INTO agg_day VALUES(1,'2025-08-08',1,-399000,-1000,0,0,0,0,0,0,0,0,0,1,1,1,1);
INSERT INTO agg_day VALUES(1,'2025-08-09',2,2373800,1250,0,0,0,0,0,0,0,0,0,0,1,2,0);
INSERT INTO agg_day VALUES(2,'2025-01-02',3,637500,4594,413600,3,223900,3,637500,223900,3,0,3,0,2,3,1);
INSERT INTO agg_day VALUES(2,'2025-01-03',5,395400,3710,-47700,4,65100,4,17400,65100,4,0,5,1,5,5,4);
INSERT INTO agg_day VALUES(2,'2025-01-04',5,1249600,8762,791400,5,458200,5,1249600,458200,5,0,5,0,2,4,1);
INSERT INTO agg_day VALUES(2,'2025-01-05',4,3266300,13646,1904000,4,1362300,4,3266300,1362300,4,0,4,0,1,4,0);
INSERT INTO agg_day VALUES(2,'2025-01-06',3,853400,2781,535200,3,318200,3,853400,318200,3,0,3,0,3,3,2);
INSERT INTO agg_day VALUES(2,'2025-01-07',3,934000,6000,292500,2,74500,2,367000,74500,2,0,3,0,1,3,1);
INSERT INTO agg_day VALUES(2,'2025-01-08',3,1332000,8000,786000,3,546000,3,1332000,546000,3,0,3,0,2,3,1);
INSERT INTO agg_day VALUES(2,'2025-01-09',3,623500,3535,309800,3,313700,3,623500,313700,3,0,3,0,1,3,1);
INSERT INTO agg_day VALUES(2,'2025-01-10',3,478000,3000,155900,2,133100,2,289000,133100,2,0,3,0,1,3,0);
INSERT INTO agg_day VALUES(2,'2025-01-11',5,756000,4754,493300,5,262700,5,756000,262700,5,0,5,0,2,4,0);
INSERT INTO agg_day VALUES(2,'2025-01-12',2,274000,2000,145500,2,128500,2,274000,128500,2,0,2,0,2,2,1);
INSERT INTO agg_day VALUES(2,'2025-01-13',3,-757000,-3000,-465600,3,-291400,3,-757000,-291400,3,0,3,3,2,2,2);
INSERT INTO agg_day VALUES(2,'2025-01-14',3,658400,3140,476500,3,181900,3,658400,181900,3,31000,3,0,1,3,1);
INSERT INTO agg_day VALUES(2,'2025-01-15',3,686600,2891,359900,3,326700,3,686600,326700,3,0,3,0,1,3,1);
INSERT INTO agg_day VALUES(2,'2025-01-16',3,2359000,11000,862300,2,898700,2,1761000,898700,2,0,3,0,1,3,1);
INSERT INTO agg_day VALUES(2,'2025-01-17',5,884100,3000,691200,5,192900,5,884100,192900,5,12900,5,1,2,5,1);
INSERT INTO agg_day VALUES(2,'2025-01-18',4,1306000,10000,971100,4,334900,4,1306000,334900,4,0,4,0,2,3,0);
INSERT INTO agg_day VALUES(2,'2025-01-19',3,339900,653,233300,3,106600,3,339900,106600,3,41700,3,1,3,3,2);
INSERT INTO agg_day VALUES(2,'2025-01-20',3,1373000,4512,1037400,3,335600,3,1373000,335600,3,0,3,0,2,3,2);
INSERT INTO agg_day VALUES(2,'2025-01-21',3,3608000,12000,2529600,3,1078400,3,3608000,1078400,3,0,3,0,1,3,0);
INSERT INTO agg_day VALUES(2,'2025-01-22',3,325100,2744,218200,3,106900,3,325100,106900,3,0,3,0,2,3,1);
INSERT INTO agg_day VALUES(2,'2025-01-23',3,911900,3532,675000,3,236900,3,911900,236900,3,0,3,0,1,3,1);
INSERT INTO agg_day VALUES(2,'2025-01-24',3,617000,3000,416600,3,200400,3,617000,200400,3,0,3,0,1,3,1);
INSERT INTO agg_day VALUES(2,'2025-01-25',4,1045000,3157,670700,4,374300,4,1045000,374300,4,0,4,0,1,4,1);
INSERT INTO agg_day VALUES(2,'2025-01-26',3,221300,170,86900,3,134400,3,221300,134400,3,0,3,1,2,3,0);
INSERT INTO agg_day VALUES(2,'2025-01-27',2,378000,2000,173800,2,204200,2,378000,204200,2,0,2,0,1,1,0);
INSERT INTO agg_day VALUES(2,'2025-01-28',4,-98200,-2060,44500,3,46300,3,90800,46300,3,0,4,3,3,4,2);
INSERT INTO agg_day VALUES(2,'2025-01-29',3,687300,1743,441700,3,245600,3,687300,245600,3,0,3,0,1,3,0);
INSERT INTO agg_day VALUES(2,'2025-01-30',4,1030900,3253,704700,4,326200,4,1030900,326200,4,39000,4,0,2,4,2);
INSERT INTO agg_day VALUES(2,'2025-01-31',4,1895200,12134,1019200,4,876000,4,1895200,876000,4,0,4,0,1,3,1);
INSERT INTO agg_day VALUES(2,'2025-02-01',5,277000,3000,396500,4,179500,4,576000,179500,4,0,5,1,2,3,1);
INSERT INTO agg_day VALUES(2,'2025-02-02',4,500200,3666,282200,4,218000,4,500200,218000,4,0,4,0,1,4,0);
INSERT INTO agg_day VALUES(2,'2025-02-03',2,0,0,0,2,0,2,0,0,2,0,2,1,2,1,1);
INSERT INTO agg_day VALUES(2,'2025-02-04',4,538500,3921,281000,4,257500,4,538500,257500,4,0,4,0,2,4,1);
INSERT INTO agg_day VALUES(2,'2025-02-05',3,541000,2235,245900,2,106100,2,352000,106100,2,0,3,0,1,3,0);
INSERT INTO agg_day VALUES(2,'2025-02-06',3,909400,5948,511800,3,397600,3,909400,397600,3,0,3,0,1,3,1);
INSERT INTO agg_day VALUES(2,'2025-02-07',4,623800,3735,407400,4,216400,4,623800,216400,4,50300,4,0,1,4,0);
INSERT INTO agg_day VALUES(2,'2025-02-08',4,413700,1566,277600,4,136100,4,413700,136100,4,0,4,1,2,4,1);
INSERT INTO agg_day VALUES(2,'2025-02-09',3,727000,3000,522000,3,205000,3,727000,205000,3,0,3,0,1,3,1);
INSERT INTO agg_day VALUES(2,'2025-02-10',3,565700,3104,302900,3,262800,3,565700,262800,3,0,3,0,2,3,1);
INSERT INTO agg_day VALUES(2,'2025-02-11',3,479000,2866,268100,3,210900,3,479000,210900,3,0,3,0,2,3,2);
INSERT INTO agg_day VALUES(2,'2025-02-12',3,761100,4303,375200,3,385900,3,761100,385900,3,0,3,0,2,2,1);
INSERT INTO agg_day VALUES(2,'2025-02-13',4,514900,3590,328100,4,186800,4,514900,186800,4,0,4,0,1,4,1);
INSERT INTO agg_day VALUES(2,'2025-02-14',3,308200,2054,151000,3,157200,3,308200,157200,3,0,3,0,1,3,0);
INSERT INTO agg_day VALUES(2,'2025-02-15',5,1056000,6000,599100,4,267900,4,867000,267900,4,0,5,0,3,5,2);
INSERT INTO agg_day VALUES(2,'2025-02-16',4,582100,4455,430900,4,151200,4,582100,151200,4,0,4,0,2,3,2);
INSERT INTO agg_day VALUES(2,'2025-02-17',2,-60000,0,16300,2,-76300,2,-60000,-76300,2,0,2,1,2,2,0);
INSERT INTO agg_day VALUES(2,'2025-02-18',3,488800,1738,326300,3,162500,3,488800,162500,3,0,3,0,1,3,1);
INSERT INTO agg_day VALUES(2,'2025-02-19',3,810200,4000,568800,3,241400,3,810200,241400,3,75800,3,0,1,3,0);
INSERT INTO agg_day VALUES(2,'2025-02-20',3,843900,3919,452000,3,391900,3,843900,391900,3,0,3,0,2,3,1);
INSERT INTO agg_day VALUES(2,'2025-02-21',3,522200,2968,356800,3,165400,3,522200,165400,3,0,3,0,1,3,0);
INSERT INTO agg_day VALUES(2,'2025-02-22',5,1521000,5000,910000,5,611000,5,1521000,611000,5,0,5,0,2,5,0);
INSERT INTO agg_day VALUES(2,'2025-02-23',2,507000,3000,277000,2,230000,2,507000,230000,2,0,2,0,1,2,1);
INSERT INTO agg_day VALUES(2,'2025-02-24',3,547000,3000,423100,3,123900,3,547000,123900,3,0,3,0,3,2,1);
INSERT INTO agg_day VALUES(2,'2025-02-25',3,449300,2341,213000,3,236300,3,449300,236300,3,0,3,0,1,2,1);
INSERT INTO agg_day VALUES(2,'2025-02-26',3,398600,3000,271800,3,126800,3,398600,126800,3,28400,3,0,1,3,1);
INSERT INTO agg_day VALUES(2,'2025-02-27',3,1987000,13000,1112900,3,874100,3,1987000,874100,3,0,3,0,2,3,2);
INSERT INTO agg_day VALUES(2,'2025-02-28',4,2266000,14000,1083000,4,1183000,4,2266000,1183000,4,0,4,0,3,2,2);
INSERT INTO agg_day VALUES(2,'2025-03-01',5,844800,4581,505100,5,339700,5,844800,339700,5,0,5,0,2,4,1);
INSERT INTO agg_day VALUES(2,'2025-03-02',3,677000,3239,368400,3,308600,3,677000,308600,3,0,3,0,1,3,1);
INSERT INTO agg_day VALUES(2,'2025-03-03',3,87600,706,97400,3,-9800,3,87600,-9800,3,0,3,1,2,3,1);
INSERT INTO agg_day VALUES(2,'2025-03-04',4,2344500,7661,1722700,4,621800,4,2344500,621800,4,0,4,0,1,4,1);
INSERT INTO agg_day VALUES(2,'2025-03-05',3,935600,5000,524000,3,411600,3,935600,411600,3,49400,3,0,2,3,2);
INSERT INTO agg_day VALUES(2,'2025-03-06',3,726300,3762,174500,2,173800,2,348300,173800,2,0,3,0,2,3,2);
INSERT INTO agg_day VALUES(2,'2025-03-07',4,551000,4000,320000,4,231000,4,551000,231000,4,0,4,0,2,4,1);
INSERT INTO agg_day VALUES(2,'2025-03-08',5,764600,4376,542700,5,221900,5,764600,221900,5,0,5,0,2,4,2);
INSERT INTO agg_day VALUES(2,'2025-03-09',3,2040700,10222,1020100,3,1020600,3,2040700,1020600,3,0,3,0,1,3,0);
INSERT INTO agg_day VALUES(2,'2025-03-10',3,1441100,6000,891500,3,549600,3,1441100,549600,3,32900,3,0,2,3,1);
INSERT INTO agg_day VALUES(2,'2025-03-11',2,-128300,-544,-76200,2,-52100,2,-128300,-52100,2,0,2,1,2,2,1);
INSERT INTO agg_day VALUES(2,'2025-03-12',3,592700,3441,394000,3,198700,3,592700,198700,3,0,3,0,1,3,0);
INSERT INTO agg_day VALUES(2,'2025-03-13',4,836000,4000,580800,4,255200,4,836000,255200,4,0,4,0,1,4,1);
INSERT INTO agg_day VALUES(2,'2025-03-14',3,173800,368,92100,3,81700,3,173800,81700,3,0,3,1,3,3,3);
INSERT INTO agg_day VALUES(2,'2025-03-15',4,622800,5467,360100,4,262700,4,622800,262700,4,0,4,0,1,4,0);
INSERT INTO agg_day VALUES(2,'2025-03-16',2,1065600,1302,674100,2,391500,2,1065600,391500,2,0,2,0,1,2,1);
INSERT INTO agg_day VALUES(2,'2025-03-17',3,777800,7763,504200,3,273600,3,777800,273600,3,0,3,0,2,3,2);
INSERT INTO agg_day VALUES(2,'2025-03-18',3,647000,3000,359400,3,287600,3,647000,287600,3,0,3,0,2,2,2);
INSERT INTO agg_day VALUES(2,'2025-03-19',3,438000,2253,229200,3,208800,3,438000,208800,3,8100,3,0,1,3,1);
INSERT INTO agg_day VALUES(2,'2025-03-20',3,495300,5161,310700,3,184600,3,495300,184600,3,0,3,0,2,3,1);
INSERT INTO agg_day VALUES(2,'2025-03-21',4,2394500,10000,1631200,4,763300,4,2394500,763300,4,345500,4,0,2,4,2);
INSERT INTO agg_day VALUES(2,'2025-03-22',4,1013600,1266,728600,4,285000,4,1013600,285000,4,19000,4,1,2,4,1);
INSERT INTO agg_day VALUES(2,'2025-03-23',4,1181300,5549,435700,3,446600,3,882300,446600,3,0,4,0,3,4,3);
INSERT INTO agg_day VALUES(2,'2025-03-24',2,393900,636,268400,2,125500,2,393900,125500,2,0,2,0,2,2,1);
INSERT INTO agg_day VALUES(2,'2025-03-25',3,475100,2890,272100,3,203000,3,475100,203000,3,0,3,0,2,3,1);
INSERT INTO agg_day VALUES(2,'2025-03-26',3,-117300,-274,-15200,3,-102100,3,-117300,-102100,3,0,3,2,3,3,1);
INSERT INTO agg_day VALUES(2,'2025-03-27',2,2216000,4000,1376200,2,839800,2,2216000,839800,2,0,2,0,1,2,1);
INSERT INTO agg_day VALUES(2,'2025-03-28',4,2392200,14000,1634400,3,568800,3,2203200,568800,3,53800,4,0,3,4,1);
INSERT INTO agg_day VALUES(2,'2025-03-29',4,1395000,10168,1015200,4,379800,4,1395000,379800,4,0,4,0,1,3,1);
INSERT INTO agg_day VALUES(2,'2025-03-30',5,1105200,6776,545300,5,559900,5,1105200,559900,5,0,5,0,5,4,3);
INSERT INTO agg_day VALUES(2,'2025-03-31',3,324900,2311,204700,3,120200,3,324900,120200,3,0,3,0,2,3,1);
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
INSERT INTO agg_product_day VALUES(1,'2025-07-30','DL-014','Delicatessen','Queso de cabra madurado, por kilo',1,649500,500,0,0,0,0,0,1);
INSERT INTO agg_product_day VALUES(1,'2025-07-30','DL-020','Delicatessen','Mermelada de murta 250 g',1,798000,2000,0,0,0,0,0,1);
INSERT INTO agg_product_day VALUES(1,'2025-07-30','GR-001','Regalos','Caja regalo "Sabores del Sur", 6 productos',1,1499000,1000,0,0,0,0,0,1);
INSERT INTO agg_product_day VALUES(1,'2025-07-31','DL-014','Delicatessen','Queso de cabra madurado, por kilo',1,1623800,1250,0,0,0,0,0,1);
INSERT INTO agg_product_day VALUES(1,'2025-07-31','GR-002','Regalos',replace('Canasta "Fiestas Patrias"\nincluye: vino, pebre, sopaipillas','\n',char(10)),1,2499000,1000,0,0,0,0,0,1);
INSERT INTO agg_product_day VALUES(1,'2025-07-31','VN-101','Vinos','Vino Carménère 750 cc',1,1198000,2000,0,0,0,0,0,1);
INSERT INTO agg_product_day VALUES(1,'2025-08-01','DL-031','Delicatessen','Aceite de oliva "Extra Virgen", 500 ml',1,897000,3000,0,0,0,0,0,1);
INSERT INTO agg_product_day VALUES(1,'2025-08-01','GR-001','Regalos','Caja regalo "Sabores del Sur", 6 productos',1,1499000,1000,0,0,0,0,0,1);
INSERT INTO agg_product_day VALUES(1,'2025-08-01','VN-101','Vinos','Vino Carménère 750 cc',1,599000,1000,0,0,0,0,0,1);
INSERT INTO agg_product_day VALUES(1,'2025-08-02','DL-020','Delicatessen','Mermelada de murta 250 g',1,399000,1000,0,0,0,0,0,1);
INSERT INTO agg_product_day VALUES(1,'2025-08-02','DL-040','Delicatessen','Aceitunas de Azapa, "jumbo"',1,562100,375,0,0,0,0,0,1);
INSERT INTO agg_product_day VALUES(1,'2025-08-02','GR-003','Regalos',replace('Tabla de quesos\n- 3 quesos\n- nueces, miel','\n',char(10)),1,1999000,1000,0,0,0,0,0,1);
INSERT INTO agg_product_day VALUES(1,'2025-08-04','GR-002','Regalos',replace('Canasta "Fiestas Patrias"\nincluye: vino, pebre, sopaipillas','\n',char(10)),1,-2499000,-1000,0,0,0,0,0,1);
INSERT INTO agg_product_day VALUES(1,'2025-08-05','DL-031','Delicatessen','Aceite de oliva "Extra Virgen", 500 ml',1,598000,2000,0,0,0,0,0,1);
INSERT INTO agg_product_day VALUES(1,'2025-08-05','VN-205','Vinos','Espumante brut, 750 cc (caja de 6)',1,4194000,6000,0,0,0,0,0,1);
INSERT INTO agg_product_day VALUES(1,'2025-08-06','DL-014','Delicatessen','Queso de cabra madurado, por kilo',1,649500,500,0,0,0,0,0,1);
INSERT INTO agg_product_day VALUES(1,'2025-08-07','GR-001','Regalos','Caja regalo "Sabores del Sur", 6 productos',1,2998000,2000,0,0,0,0,0,1);
INSERT INTO agg_product_day VALUES(1,'2025-08-07','VN-101','Vinos','Vino Carménère 750 cc',1,1198000,2000,0,0,0,0,0,1);
INSERT INTO agg_product_day VALUES(1,'2025-08-08','DL-020','Delicatessen','Mermelada de murta 250 g',1,-399000,-1000,0,0,0,0,0,1);
INSERT INTO agg_product_day VALUES(1,'2025-08-09','DL-040','Delicatessen','Aceitunas de Azapa, "jumbo"',1,374800,250,0,0,0,0,0,1);
INSERT INTO agg_product_day VALUES(1,'2025-08-09','GR-003','Regalos',replace('Tabla de quesos\n- 3 quesos\n- nueces, miel','\n',char(10)),1,1999000,1000,0,0,0,0,0,1);
INSERT INTO agg_product_day VALUES(2,'2025-01-02','7802387261202','Abarrotes','Arroz grado 2, 1 kg',1,318000,2000,86000,1,318000,86000,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-01-02','MM-0120','Frutas y verduras','Plátano',1,246400,1773,103500,1,246400,103500,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-01-02','MM-0121','Frutas y verduras','Papas',1,73100,821,34400,1,73100,34400,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-01-03','7800000000009','Bebidas','Coca-Cola 1,5 L',1,378000,2000,0,0,0,0,0,1);
INSERT INTO agg_product_day VALUES(2,'2025-01-03','7805825747306','Bebidas','Jugo néctar durazno 1 L',1,139000,1000,62600,1,139000,62600,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-01-03','7807259975003','Abarrotes','Harina sin polvos 1 kg',1,109000,1000,22900,1,109000,22900,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-01-03','7807652990672','Huevos','Huevos blancos 12 un.',1,-379000,-1000,-87200,1,-379000,-87200,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-01-03','MM-0116','Panadería','Pan marraqueta',1,148400,710,66800,1,148400,66800,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-01-04','7800148318561','Lácteos','Leche entera 1 L',1,218000,2000,54600,1,218000,54600,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-01-04','7801318934635','Abarrotes','Fideos spaghetti N°5 400 g',1,85000,1000,26400,1,85000,26400,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-01-04','7807734625843','Limpieza y hogar','Lavalozas "Brillo" 500 ml',2,795000,5000,310500,2,795000,310500,2,2);
INSERT INTO agg_product_day VALUES(2,'2025-01-04','MM-0122','Frutas y verduras','Limón',1,151600,762,66700,1,151600,66700,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-01-05','7804078117836','Rotisería','Empanada de pino',1,1512000,8000,816800,1,1512000,816800,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-01-05','7808941032059','Limpieza y hogar','Papel higiénico doble hoja 4 rollos',1,1345000,5000,417000,1,1345000,417000,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-01-05','MM-0107','Fiambrería','Queso gauda laminado',1,344200,319,99800,1,344200,99800,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-01-05','MM-0122','Frutas y verduras','Limón',1,65100,327,28700,1,65100,28700,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-01-06','7801550152095','Abarrotes','Café instantáneo 170 g',1,509000,1000,147700,1,509000,147700,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-01-06','7804078117836','Rotisería','Empanada de pino',1,189000,1000,102100,1,189000,102100,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-01-06','MM-0122','Frutas y verduras','Limón',1,155400,781,68400,1,155400,68400,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-01-07','7800000000009','Bebidas','Coca-Cola 1,5 L',1,567000,3000,0,0,0,0,0,1);
INSERT INTO agg_product_day VALUES(2,'2025-01-07','7805534088776','Abarrotes','Azúcar 1 kg',1,258000,2000,51600,1,258000,51600,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-01-07','7807259975003','Abarrotes','Harina sin polvos 1 kg',1,109000,1000,22900,1,109000,22900,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-01-08','7802387261202','Abarrotes','Arroz grado 2, 1 kg',1,318000,2000,86000,1,318000,86000,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-01-08','7804078117836','Rotisería','Empanada de pino',1,756000,4000,408400,1,756000,408400,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-01-08','7805534088776','Abarrotes','Azúcar 1 kg',1,258000,2000,51600,1,258000,51600,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-01-09','7804078117836','Rotisería','Empanada de pino',1,378000,2000,204200,1,378000,204200,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-01-09','7805825747306','Bebidas','Jugo néctar durazno 1 L',1,139000,1000,62600,1,139000,62600,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-01-09','MM-0122','Frutas y verduras','Limón',1,106500,535,46900,1,106500,46900,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-01-10','7800000000009','Bebidas','Coca-Cola 1,5 L',1,189000,1000,0,0,0,0,0,1);
INSERT INTO agg_product_day VALUES(2,'2025-01-10','7804078117836','Rotisería','Empanada de pino',1,189000,1000,102100,1,189000,102100,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-01-10','7809887161469','Bebidas alcohólicas','Cerveza lata 470 cc',1,100000,1000,31000,1,100000,31000,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-01-11','7802387261202','Abarrotes','Arroz grado 2, 1 kg',1,159000,1000,43000,1,159000,43000,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-01-11','7804078117836','Rotisería','Empanada de pino',1,189000,1000,102100,1,189000,102100,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-01-11','7805534088776','Abarrotes','Azúcar 1 kg',2,258000,2000,51600,2,258000,51600,2,1);
INSERT INTO agg_product_day VALUES(2,'2025-01-11','MM-0122','Frutas y verduras','Limón',1,150000,754,66000,1,150000,66000,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-01-12','7801318934635','Abarrotes','Fideos spaghetti N°5 400 g',1,85000,1000,26400,1,85000,26400,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-01-12','7804078117836','Rotisería','Empanada de pino',1,189000,1000,102100,1,189000,102100,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-01-13','7804078117836','Rotisería','Empanada de pino',2,-378000,-2000,-204200,2,-378000,-204200,2,2);
INSERT INTO agg_product_day VALUES(2,'2025-01-13','7807652990672','Huevos','Huevos blancos 12 un.',1,-379000,-1000,-87200,1,-379000,-87200,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-01-14','7805534088776','Abarrotes','Azúcar 1 kg',1,258000,2000,51600,1,258000,51600,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-01-14','MM-0108','Fiambrería','Jamón de pierna',1,279300,327,80700,1,279300,80700,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-01-14','MM-0119','Frutas y verduras','Tomate',1,121100,813,49600,1,121100,49600,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-01-15','7804078117836','Rotisería','Empanada de pino',1,378000,2000,204200,1,378000,204200,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-01-15','MM-0108','Fiambrería','Jamón de pierna',1,166100,175,59800,1,166100,59800,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-01-15','MM-0122','Frutas y verduras','Limón',1,142500,716,62700,1,142500,62700,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-01-16','7802754631324','Lácteos','Mantequilla con sal 250 g',1,598000,2000,0,0,0,0,0,1);
INSERT INTO agg_product_day VALUES(2,'2025-01-16','7804078117836','Rotisería','Empanada de pino',1,1323000,7000,714700,1,1323000,714700,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-01-16','7807792961624','Snacks y dulces','Papas fritas corte americano 230 g',1,438000,2000,184000,1,438000,184000,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-01-17','7801550152095','Abarrotes','Café instantáneo 170 g',1,509000,1000,147700,1,509000,147700,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-01-17','7803821802173','Abarrotes','Aceite maravilla 1 L',1,289000,1000,72300,1,289000,72300,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-01-17','7804078117836','Rotisería','Empanada de pino',1,-189000,-1000,-102100,1,-189000,-102100,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-01-17','7805534088776','Abarrotes','Azúcar 1 kg',1,116100,1000,12900,1,116100,12900,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-01-17','7807734625843','Limpieza y hogar','Lavalozas "Brillo" 500 ml',1,159000,1000,62100,1,159000,62100,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-01-18','7801318934635','Abarrotes','Fideos spaghetti N°5 400 g',1,85000,1000,26400,1,85000,26400,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-01-18','7804078117836','Rotisería','Empanada de pino',1,189000,1000,102100,1,189000,102100,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-01-18','7805534088776','Abarrotes','Azúcar 1 kg',2,1032000,8000,206400,2,1032000,206400,2,2);
INSERT INTO agg_product_day VALUES(2,'2025-01-19','7805825747306','Bebidas','Jugo néctar durazno 1 L',1,236300,2000,83500,1,236300,83500,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-01-19','MM-0108','Fiambrería','Jamón de pierna',1,340700,359,122700,1,340700,122700,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-01-19','MM-0120','Frutas y verduras','Plátano',1,-237100,-1706,-99600,1,-237100,-99600,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-01-20','7805534088776','Abarrotes','Azúcar 1 kg',1,129000,1000,25800,1,129000,25800,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-01-20','7807652990672','Huevos','Huevos blancos 12 un.',1,1137000,3000,261600,1,1137000,261600,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-01-20','MM-0116','Panadería','Pan marraqueta',1,107000,512,48200,1,107000,48200,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-01-21','7801550152095','Abarrotes','Café instantáneo 170 g',1,1018000,2000,295400,1,1018000,295400,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-01-21','7805194467126','Limpieza y hogar','Detergente líquido 3 L',1,1558000,2000,576600,1,1558000,576600,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-01-21','7805534088776','Abarrotes','Azúcar 1 kg',1,1032000,8000,206400,1,1032000,206400,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-01-22','7805534088776','Abarrotes','Azúcar 1 kg',1,129000,1000,25800,1,129000,25800,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-01-22','7808656632520','Lácteos','Yoghurt batido frutilla 165 g',1,48000,1000,15900,1,48000,15900,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-01-22','MM-0122','Frutas y verduras','Limón',1,148100,744,65200,1,148100,65200,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-01-23','7807652990672','Huevos','Huevos blancos 12 un.',1,758000,2000,174400,1,758000,174400,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-01-23','7808656632520','Lácteos','Yoghurt batido frutilla 165 g',1,48000,1000,15900,1,48000,15900,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-01-23','MM-0122','Frutas y verduras','Limón',1,105900,532,46600,1,105900,46600,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-01-24','7802387261202','Abarrotes','Arroz grado 2, 1 kg',1,159000,1000,43000,1,159000,43000,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-01-24','7805534088776','Abarrotes','Azúcar 1 kg',1,129000,1000,25800,1,129000,25800,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-01-24','7808795309611','Abarrotes','Té negro 100 bolsitas',1,329000,1000,131600,1,329000,131600,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-01-25','7804078117836','Rotisería','Empanada de pino',1,189000,1000,102100,1,189000,102100,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-01-25','7807652990672','Huevos','Huevos blancos 12 un.',1,379000,1000,87200,1,379000,87200,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-01-25','MM-0108','Fiambrería','Jamón de pierna',1,312200,329,112400,1,312200,112400,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-01-25','MM-0122','Frutas y verduras','Limón',1,164800,828,72600,1,164800,72600,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-01-26','7804078117836','Rotisería','Empanada de pino',1,189000,1000,102100,1,189000,102100,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-01-26','7805534088776','Abarrotes','Azúcar 1 kg',1,-129000,-1000,-25800,1,-129000,-25800,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-01-26','MM-0108','Fiambrería','Jamón de pierna',1,161300,170,58100,1,161300,58100,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-01-27','7804078117836','Rotisería','Empanada de pino',2,378000,2000,204200,2,378000,204200,2,1);
INSERT INTO agg_product_day VALUES(2,'2025-01-28','7800000000009','Bebidas','Coca-Cola 1,5 L',1,-189000,-1000,0,0,0,0,0,1);
INSERT INTO agg_product_day VALUES(2,'2025-01-28','7805534088776','Abarrotes','Azúcar 1 kg',1,-129000,-1000,-25800,1,-129000,-25800,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-01-28','MM-0108','Fiambrería','Jamón de pierna',1,298000,314,107300,1,298000,107300,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-01-28','MM-0116','Panadería','Pan marraqueta',1,-78200,-374,-35200,1,-78200,-35200,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-01-29','7808941032059','Limpieza y hogar','Papel higiénico doble hoja 4 rollos',1,269000,1000,83400,1,269000,83400,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-01-29','MM-0108','Fiambrería','Jamón de pierna',1,321700,339,115800,1,321700,115800,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-01-29','MM-0117','Panadería','Pan hallulla',1,96600,404,46400,1,96600,46400,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-01-30','7800148318561','Lácteos','Leche entera 1 L',1,109000,1000,27300,1,109000,27300,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-01-30','7805194467126','Limpieza y hogar','Detergente líquido 3 L',1,740000,1000,249300,1,740000,249300,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-01-30','7805534088776','Abarrotes','Azúcar 1 kg',1,129000,1000,25800,1,129000,25800,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-01-30','MM-0116','Panadería','Pan marraqueta',1,52900,253,23800,1,52900,23800,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-01-31','7804078117836','Rotisería','Empanada de pino',2,378000,2000,204200,2,378000,204200,2,1);
INSERT INTO agg_product_day VALUES(2,'2025-01-31','7805825747306','Bebidas','Jugo néctar durazno 1 L',1,1390000,10000,626000,1,1390000,626000,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-01-31','MM-0108','Fiambrería','Jamón de pierna',1,127200,134,45800,1,127200,45800,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-02-01','7802754631324','Lácteos','Mantequilla con sal 250 g',1,-299000,-1000,0,0,0,0,0,1);
INSERT INTO agg_product_day VALUES(2,'2025-02-01','7804078117836','Rotisería','Empanada de pino',1,189000,1000,102100,1,189000,102100,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-02-01','7805534088776','Abarrotes','Azúcar 1 kg',3,387000,3000,77400,3,387000,77400,3,1);
INSERT INTO agg_product_day VALUES(2,'2025-02-02','7800148318561','Lácteos','Leche entera 1 L',1,109000,1000,27300,1,109000,27300,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-02-02','7803798771168','Snacks y dulces','Galletas de vino 180 g',1,63000,1000,25900,1,63000,25900,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-02-02','7804078117836','Rotisería','Empanada de pino',1,189000,1000,102100,1,189000,102100,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-02-02','MM-0116','Panadería','Pan marraqueta',1,139200,666,62700,1,139200,62700,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-02-03','7804078117836','Rotisería','Empanada de pino',2,0,0,0,2,0,0,2,2);
INSERT INTO agg_product_day VALUES(2,'2025-02-04','7804078117836','Rotisería','Empanada de pino',1,189000,1000,102100,1,189000,102100,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-02-04','MM-0120','Frutas y verduras','Plátano',1,133600,961,56100,1,133600,56100,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-02-04','MM-0121','Frutas y verduras','Papas',1,140900,1583,66300,1,140900,66300,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-02-04','MM-0122','Frutas y verduras','Limón',1,75000,377,33000,1,75000,33000,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-02-05','7800000000009','Bebidas','Coca-Cola 1,5 L',1,189000,1000,0,0,0,0,0,1);
INSERT INTO agg_product_day VALUES(2,'2025-02-05','7805534088776','Abarrotes','Azúcar 1 kg',1,129000,1000,25800,1,129000,25800,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-02-05','MM-0108','Fiambrería','Jamón de pierna',1,223000,235,80300,1,223000,80300,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-02-06','7804078117836','Rotisería','Empanada de pino',1,567000,3000,306300,1,567000,306300,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-02-06','7805534088776','Abarrotes','Azúcar 1 kg',1,258000,2000,51600,1,258000,51600,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-02-06','MM-0121','Frutas y verduras','Papas',1,84400,948,39700,1,84400,39700,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-02-07','7802387261202','Abarrotes','Arroz grado 2, 1 kg',1,318000,2000,86000,1,318000,86000,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-02-07','7804078117836','Rotisería','Empanada de pino',1,151200,1000,64300,1,151200,64300,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-02-07','MM-0117','Panadería','Pan hallulla',1,112000,521,47300,1,112000,47300,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-02-07','MM-0122','Frutas y verduras','Limón',1,42600,214,18800,1,42600,18800,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-02-08','7805825747306','Bebidas','Jugo néctar durazno 1 L',1,278000,2000,125200,1,278000,125200,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-02-08','7809887161469','Bebidas alcohólicas','Cerveza lata 470 cc',1,100000,1000,31000,1,100000,31000,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-02-08','MM-0107','Fiambrería','Queso gauda laminado',1,269800,250,78300,1,269800,78300,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-02-08','MM-0120','Frutas y verduras','Plátano',1,-234100,-1684,-98400,1,-234100,-98400,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-02-09','7805534088776','Abarrotes','Azúcar 1 kg',1,129000,1000,25800,1,129000,25800,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-02-09','7807652990672','Huevos','Huevos blancos 12 un.',1,379000,1000,87200,1,379000,87200,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-02-09','7807792961624','Snacks y dulces','Papas fritas corte americano 230 g',1,219000,1000,92000,1,219000,92000,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-02-10','7804078117836','Rotisería','Empanada de pino',1,189000,1000,102100,1,189000,102100,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-02-10','7805825747306','Bebidas','Jugo néctar durazno 1 L',1,278000,2000,125200,1,278000,125200,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-02-10','MM-0108','Fiambrería','Jamón de pierna',1,98700,104,35500,1,98700,35500,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-02-11','7800148318561','Lácteos','Leche entera 1 L',1,109000,1000,27300,1,109000,27300,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-02-11','7804078117836','Rotisería','Empanada de pino',1,189000,1000,102100,1,189000,102100,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-02-11','MM-0116','Panadería','Pan marraqueta',1,181000,866,81500,1,181000,81500,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-02-12','7804078117836','Rotisería','Empanada de pino',2,567000,3000,306300,2,567000,306300,2,2);
INSERT INTO agg_product_day VALUES(2,'2025-02-12','MM-0119','Frutas y verduras','Tomate',1,194100,1303,79600,1,194100,79600,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-02-13','7804078117836','Rotisería','Empanada de pino',1,189000,1000,102100,1,189000,102100,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-02-13','7805534088776','Abarrotes','Azúcar 1 kg',1,129000,1000,25800,1,129000,25800,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-02-13','7807259975003','Abarrotes','Harina sin polvos 1 kg',1,109000,1000,22900,1,109000,22900,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-02-13','MM-0119','Frutas y verduras','Tomate',1,87900,590,36000,1,87900,36000,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-02-14','7804078117836','Rotisería','Empanada de pino',1,189000,1000,102100,1,189000,102100,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-02-14','MM-0116','Panadería','Pan marraqueta',1,44300,212,19900,1,44300,19900,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-02-14','MM-0121','Frutas y verduras','Papas',1,74900,842,35200,1,74900,35200,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-02-15','7800000000009','Bebidas','Coca-Cola 1,5 L',1,189000,1000,0,0,0,0,0,1);
INSERT INTO agg_product_day VALUES(2,'2025-02-15','7801318934635','Abarrotes','Fideos spaghetti N°5 400 g',1,170000,2000,52800,1,170000,52800,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-02-15','7804078117836','Rotisería','Empanada de pino',1,189000,1000,102100,1,189000,102100,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-02-15','7805534088776','Abarrotes','Azúcar 1 kg',1,129000,1000,25800,1,129000,25800,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-02-15','7807652990672','Huevos','Huevos blancos 12 un.',1,379000,1000,87200,1,379000,87200,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-02-16','7805534088776','Abarrotes','Azúcar 1 kg',2,387000,3000,77400,2,387000,77400,2,2);
INSERT INTO agg_product_day VALUES(2,'2025-02-16','7809887161469','Bebidas alcohólicas','Cerveza lata 470 cc',1,100000,1000,31000,1,100000,31000,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-02-16','MM-0116','Panadería','Pan marraqueta',1,95100,455,42800,1,95100,42800,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-02-17','7804078117836','Rotisería','Empanada de pino',1,-189000,-1000,-102100,1,-189000,-102100,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-02-17','7805534088776','Abarrotes','Azúcar 1 kg',1,129000,1000,25800,1,129000,25800,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-02-18','7805534088776','Abarrotes','Azúcar 1 kg',1,129000,1000,25800,1,129000,25800,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-02-18','MM-0108','Fiambrería','Jamón de pierna',1,269500,284,97000,1,269500,97000,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-02-18','MM-0122','Frutas y verduras','Limón',1,90300,454,39700,1,90300,39700,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-02-19','7804078117836','Rotisería','Empanada de pino',1,378000,2000,204200,1,378000,204200,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-02-19','7805534088776','Abarrotes','Azúcar 1 kg',1,129000,1000,25800,1,129000,25800,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-02-19','7807652990672','Huevos','Huevos blancos 12 un.',1,303200,1000,11400,1,303200,11400,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-02-20','7804078117836','Rotisería','Empanada de pino',1,378000,2000,204200,1,378000,204200,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-02-20','7808795309611','Abarrotes','Té negro 100 bolsitas',1,329000,1000,131600,1,329000,131600,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-02-20','MM-0119','Frutas y verduras','Tomate',1,136900,919,56100,1,136900,56100,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-02-21','7807259975003','Abarrotes','Harina sin polvos 1 kg',1,109000,1000,22900,1,109000,22900,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-02-21','7808941032059','Limpieza y hogar','Papel higiénico doble hoja 4 rollos',1,269000,1000,83400,1,269000,83400,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-02-21','MM-0119','Frutas y verduras','Tomate',1,144200,968,59100,1,144200,59100,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-02-22','7801318934635','Abarrotes','Fideos spaghetti N°5 400 g',1,85000,1000,26400,1,85000,26400,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-02-22','7804078117836','Rotisería','Empanada de pino',1,189000,1000,102100,1,189000,102100,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-02-22','7805194467126','Limpieza y hogar','Detergente líquido 3 L',1,779000,1000,288300,1,779000,288300,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-02-22','7805825747306','Bebidas','Jugo néctar durazno 1 L',1,139000,1000,62600,1,139000,62600,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-02-22','7808795309611','Abarrotes','Té negro 100 bolsitas',1,329000,1000,131600,1,329000,131600,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-02-23','7804078117836','Rotisería','Empanada de pino',1,378000,2000,204200,1,378000,204200,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-02-23','7805534088776','Abarrotes','Azúcar 1 kg',1,129000,1000,25800,1,129000,25800,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-02-24','7803821802173','Abarrotes','Aceite maravilla 1 L',1,289000,1000,72300,1,289000,72300,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-02-24','7805534088776','Abarrotes','Azúcar 1 kg',2,258000,2000,51600,2,258000,51600,2,2);
INSERT INTO agg_product_day VALUES(2,'2025-02-25','7804078117836','Rotisería','Empanada de pino',2,378000,2000,204200,2,378000,204200,2,1);
INSERT INTO agg_product_day VALUES(2,'2025-02-25','MM-0116','Panadería','Pan marraqueta',1,71300,341,32100,1,71300,32100,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-02-26','7800148318561','Lácteos','Leche entera 1 L',1,109000,1000,27300,1,109000,27300,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-02-26','7804078117836','Rotisería','Empanada de pino',1,160600,1000,73700,1,160600,73700,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-02-26','7805534088776','Abarrotes','Azúcar 1 kg',1,129000,1000,25800,1,129000,25800,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-02-27','7804078117836','Rotisería','Empanada de pino',1,189000,1000,102100,1,189000,102100,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-02-27','7805825747306','Bebidas','Jugo néctar durazno 1 L',1,1529000,11000,688600,1,1529000,688600,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-02-27','7808941032059','Limpieza y hogar','Papel higiénico doble hoja 4 rollos',1,269000,1000,83400,1,269000,83400,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-02-28','7804078117836','Rotisería','Empanada de pino',3,1890000,10000,1021000,3,1890000,1021000,3,3);
INSERT INTO agg_product_day VALUES(2,'2025-02-28','7809405787898','Bebidas','Agua mineral sin gas 1,6 L',1,376000,4000,162000,1,376000,162000,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-03-01','7804078117836','Rotisería','Empanada de pino',2,378000,2000,204200,2,378000,204200,2,2);
INSERT INTO agg_product_day VALUES(2,'2025-03-01','7805534088776','Abarrotes','Azúcar 1 kg',1,258000,2000,51600,1,258000,51600,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-03-01','MM-0108','Fiambrería','Jamón de pierna',1,112000,118,40300,1,112000,40300,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-03-01','MM-0116','Panadería','Pan marraqueta',1,96800,463,43600,1,96800,43600,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-03-02','7804078117836','Rotisería','Empanada de pino',1,189000,1000,102100,1,189000,102100,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-03-02','7807792961624','Snacks y dulces','Papas fritas corte americano 230 g',1,438000,2000,184000,1,438000,184000,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-03-02','MM-0116','Panadería','Pan marraqueta',1,50000,239,22500,1,50000,22500,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-03-03','7804078117836','Rotisería','Empanada de pino',1,-189000,-1000,-102100,1,-189000,-102100,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-03-03','7805534088776','Abarrotes','Azúcar 1 kg',1,129000,1000,25800,1,129000,25800,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-03-03','MM-0116','Panadería','Pan marraqueta',1,147600,706,66500,1,147600,66500,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-03-04','7804078117836','Rotisería','Empanada de pino',1,189000,1000,102100,1,189000,102100,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-03-04','7805534088776','Abarrotes','Azúcar 1 kg',1,129000,1000,25800,1,129000,25800,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-03-04','7807652990672','Huevos','Huevos blancos 12 un.',1,1895000,5000,436000,1,1895000,436000,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-03-04','MM-0122','Frutas y verduras','Limón',1,131500,661,57900,1,131500,57900,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-03-05','7804078117836','Rotisería','Empanada de pino',1,378000,2000,204200,1,378000,204200,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-03-05','7805825747306','Bebidas','Jugo néctar durazno 1 L',1,278000,2000,125200,1,278000,125200,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-03-05','7808795309611','Abarrotes','Té negro 100 bolsitas',1,279600,1000,82200,1,279600,82200,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-03-06','7800000000009','Bebidas','Coca-Cola 1,5 L',1,378000,2000,0,0,0,0,0,1);
INSERT INTO agg_product_day VALUES(2,'2025-03-06','7804078117836','Rotisería','Empanada de pino',1,189000,1000,102100,1,189000,102100,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-03-06','MM-0116','Panadería','Pan marraqueta',1,159300,762,71700,1,159300,71700,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-03-07','7804078117836','Rotisería','Empanada de pino',1,189000,1000,102100,1,189000,102100,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-03-07','7805534088776','Abarrotes','Azúcar 1 kg',1,129000,1000,25800,1,129000,25800,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-03-07','7805825747306','Bebidas','Jugo néctar durazno 1 L',1,139000,1000,62600,1,139000,62600,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-03-07','7809405787898','Bebidas','Agua mineral sin gas 1,6 L',1,94000,1000,40500,1,94000,40500,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-03-08','7803821802173','Abarrotes','Aceite maravilla 1 L',1,289000,1000,72300,1,289000,72300,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-03-08','7805534088776','Abarrotes','Azúcar 1 kg',2,258000,2000,51600,2,258000,51600,2,2);
INSERT INTO agg_product_day VALUES(2,'2025-03-08','7805825747306','Bebidas','Jugo néctar durazno 1 L',1,139000,1000,62600,1,139000,62600,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-03-08','MM-0116','Panadería','Pan marraqueta',1,78600,376,35400,1,78600,35400,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-03-09','7804078117836','Rotisería','Empanada de pino',1,1701000,9000,918900,1,1701000,918900,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-03-09','7805534088776','Abarrotes','Azúcar 1 kg',1,129000,1000,25800,1,129000,25800,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-03-09','MM-0108','Fiambrería','Jamón de pierna',1,210700,222,75900,1,210700,75900,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-03-10','7803821802173','Abarrotes','Aceite maravilla 1 L',1,578000,2000,144600,1,578000,144600,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-03-10','7804078117836','Rotisería','Empanada de pino',1,567000,3000,306300,1,567000,306300,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-03-10','7808795309611','Abarrotes','Té negro 100 bolsitas',1,296100,1000,98700,1,296100,98700,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-03-11','7807792961624','Snacks y dulces','Papas fritas corte americano 230 g',1,-219000,-1000,-92000,1,-219000,-92000,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-03-11','MM-0122','Frutas y verduras','Limón',1,90700,456,39900,1,90700,39900,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-03-12','7800148318561','Lácteos','Leche entera 1 L',1,109000,1000,27300,1,109000,27300,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-03-12','7808941032059','Limpieza y hogar','Papel higiénico doble hoja 4 rollos',1,269000,1000,83400,1,269000,83400,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-03-12','MM-0119','Frutas y verduras','Tomate',1,214700,1441,88000,1,214700,88000,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-03-13','7802387261202','Abarrotes','Arroz grado 2, 1 kg',1,159000,1000,43000,1,159000,43000,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-03-13','7804078117836','Rotisería','Empanada de pino',1,189000,1000,102100,1,189000,102100,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-03-13','7807259975003','Abarrotes','Harina sin polvos 1 kg',1,109000,1000,22900,1,109000,22900,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-03-13','7807652990672','Huevos','Huevos blancos 12 un.',1,379000,1000,87200,1,379000,87200,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-03-14','7804078117836','Rotisería','Empanada de pino',1,189000,1000,102100,1,189000,102100,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-03-14','MM-0108','Fiambrería','Jamón de pierna',1,149900,158,53900,1,149900,53900,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-03-14','MM-0116','Panadería','Pan marraqueta',1,-165100,-790,-74300,1,-165100,-74300,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-03-15','7800148318561','Lácteos','Leche entera 1 L',1,109000,1000,27300,1,109000,27300,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-03-15','7805825747306','Bebidas','Jugo néctar durazno 1 L',1,139000,1000,62600,1,139000,62600,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-03-15','MM-0121','Frutas y verduras','Papas',1,255000,2865,120100,1,255000,120100,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-03-15','MM-0122','Frutas y verduras','Limón',1,119800,602,52700,1,119800,52700,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-03-16','7805194467126','Limpieza y hogar','Detergente líquido 3 L',1,779000,1000,288300,1,779000,288300,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-03-16','MM-0108','Fiambrería','Jamón de pierna',1,286600,302,103200,1,286600,103200,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-03-17','7803798771168','Snacks y dulces','Galletas de vino 180 g',1,126000,2000,51800,1,126000,51800,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-03-17','7809887161469','Bebidas alcohólicas','Cerveza lata 470 cc',1,500000,5000,155000,1,500000,155000,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-03-17','MM-0122','Frutas y verduras','Limón',1,151800,763,66800,1,151800,66800,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-03-18','7804078117836','Rotisería','Empanada de pino',2,378000,2000,204200,2,378000,204200,2,1);
INSERT INTO agg_product_day VALUES(2,'2025-03-18','7808941032059','Limpieza y hogar','Papel higiénico doble hoja 4 rollos',1,269000,1000,83400,1,269000,83400,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-03-19','7804078117836','Rotisería','Empanada de pino',1,189000,1000,102100,1,189000,102100,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-03-19','MM-0116','Panadería','Pan marraqueta',1,154100,776,64900,1,154100,64900,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-03-19','MM-0122','Frutas y verduras','Limón',1,94900,477,41800,1,94900,41800,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-03-20','7801318934635','Abarrotes','Fideos spaghetti N°5 400 g',1,85000,1000,26400,1,85000,26400,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-03-20','7805534088776','Abarrotes','Azúcar 1 kg',1,129000,1000,25800,1,129000,25800,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-03-20','MM-0121','Frutas y verduras','Papas',1,281300,3161,132400,1,281300,132400,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-03-21','7804078117836','Rotisería','Empanada de pino',1,189000,1000,102100,1,189000,102100,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-03-21','7805825747306','Bebidas','Jugo néctar durazno 1 L',1,139000,1000,62600,1,139000,62600,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-03-21','7807259975003','Abarrotes','Harina sin polvos 1 kg',1,109000,1000,22900,1,109000,22900,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-03-21','7808795309611','Abarrotes','Té negro 100 bolsitas',1,1957500,7000,575700,1,1957500,575700,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-03-22','7804078117836','Rotisería','Empanada de pino',1,-189000,-1000,-102100,1,-189000,-102100,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-03-22','7805194467126','Limpieza y hogar','Detergente líquido 3 L',1,779000,1000,288300,1,779000,288300,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-03-22','7807652990672','Huevos','Huevos blancos 12 un.',1,360000,1000,68200,1,360000,68200,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-03-22','MM-0117','Panadería','Pan hallulla',1,63600,266,30600,1,63600,30600,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-03-23','7802754631324','Lácteos','Mantequilla con sal 250 g',1,299000,1000,0,0,0,0,0,1);
INSERT INTO agg_product_day VALUES(2,'2025-03-23','7804078117836','Rotisería','Empanada de pino',1,567000,3000,306300,1,567000,306300,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-03-23','MM-0116','Panadería','Pan marraqueta',1,146900,703,66100,1,146900,66100,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-03-23','MM-0122','Frutas y verduras','Limón',1,168400,846,74200,1,168400,74200,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-03-24','MM-0107','Fiambrería','Queso gauda laminado',1,323700,300,93900,1,323700,93900,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-03-24','MM-0116','Panadería','Pan marraqueta',1,70200,336,31600,1,70200,31600,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-03-25','7804078117836','Rotisería','Empanada de pino',1,189000,1000,102100,1,189000,102100,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-03-25','7807259975003','Abarrotes','Harina sin polvos 1 kg',1,109000,1000,22900,1,109000,22900,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-03-25','MM-0122','Frutas y verduras','Limón',1,177100,890,78000,1,177100,78000,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-03-26','7804078117836','Rotisería','Empanada de pino',1,-189000,-1000,-102100,1,-189000,-102100,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-03-26','7805534088776','Abarrotes','Azúcar 1 kg',1,129000,1000,25800,1,129000,25800,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-03-26','MM-0116','Panadería','Pan marraqueta',1,-57300,-274,-25800,1,-57300,-25800,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-03-27','7805194467126','Limpieza y hogar','Detergente líquido 3 L',1,1558000,2000,576600,1,1558000,576600,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-03-27','7808795309611','Abarrotes','Té negro 100 bolsitas',1,658000,2000,263200,1,658000,263200,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-03-28','7800000000009','Bebidas','Coca-Cola 1,5 L',1,189000,1000,0,0,0,0,0,1);
INSERT INTO agg_product_day VALUES(2,'2025-03-28','7802387261202','Abarrotes','Arroz grado 2, 1 kg',1,1590000,10000,430000,1,1590000,430000,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-03-28','7805534088776','Abarrotes','Azúcar 1 kg',1,129000,1000,25800,1,129000,25800,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-03-28','7808941032059','Limpieza y hogar','Papel higiénico doble hoja 4 rollos',1,484200,2000,113000,1,484200,113000,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-03-29','7804078117836','Rotisería','Empanada de pino',1,189000,1000,102100,1,189000,102100,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-03-29','7805534088776','Abarrotes','Azúcar 1 kg',2,1032000,8000,206400,2,1032000,206400,2,1);
INSERT INTO agg_product_day VALUES(2,'2025-03-29','MM-0119','Frutas y verduras','Tomate',1,174000,1168,71300,1,174000,71300,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-03-30','7804078117836','Rotisería','Empanada de pino',2,756000,4000,408400,2,756000,408400,2,2);
INSERT INTO agg_product_day VALUES(2,'2025-03-30','7805825747306','Bebidas','Jugo néctar durazno 1 L',1,139000,1000,62600,1,139000,62600,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-03-30','7808656632520','Lácteos','Yoghurt batido frutilla 165 g',1,48000,1000,15900,1,48000,15900,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-03-30','MM-0116','Panadería','Pan marraqueta',1,162200,776,73000,1,162200,73000,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-03-31','7800148318561','Lácteos','Leche entera 1 L',1,109000,1000,27300,1,109000,27300,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-03-31','MM-0120','Frutas y verduras','Plátano',1,104100,749,43700,1,104100,43700,1,1);
INSERT INTO agg_product_day VALUES(2,'2025-03-31','MM-0122','Frutas y verduras','Limón',1,111800,562,49200,1,111800,49200,1,1);
CREATE TABLE agg_customer_day (
	company_id	INTEGER NOT NULL,
	day		TEXT NOT NULL,
	customer_id	TEXT NOT NULL,
	lines		INTEGER NOT NULL,
	revenue		INTEGER NOT NULL,
	trans		INTEGER NOT NULL,
	PRIMARY KEY (company_id, day, customer_id)
) WITHOUT ROWID;
INSERT INTO agg_customer_day VALUES(1,'2025-07-30','ana.vidal@example.cl',2,2148500,1);
INSERT INTO agg_customer_day VALUES(1,'2025-07-31','Tomás Aguilera',2,3697000,1);
INSERT INTO agg_customer_day VALUES(1,'2025-08-01','ana.vidal@example.cl',2,2396000,1);
INSERT INTO agg_customer_day VALUES(1,'2025-08-02','Tomás Aguilera',3,2960100,1);
INSERT INTO agg_customer_day VALUES(1,'2025-08-05','Bodega Los Andes SpA',2,4792000,1);
INSERT INTO agg_customer_day VALUES(1,'2025-08-07','María Inés Lagos',2,4196000,1);
INSERT INTO agg_customer_day VALUES(1,'2025-08-08','María Inés Lagos',1,-399000,1);
INSERT INTO agg_customer_day VALUES(2,'2025-01-02','77.706.087-2',2,391100,1);
INSERT INTO agg_customer_day VALUES(2,'2025-01-03','14.103.497-9',1,139000,1);
INSERT INTO agg_customer_day VALUES(2,'2025-01-03','Patricio Morales Contreras',1,109000,1);
INSERT INTO agg_customer_day VALUES(2,'2025-01-03','Tomás Ibáñez',1,378000,1);
INSERT INTO agg_customer_day VALUES(2,'2025-01-03','Verónica Martínez González',1,148400,1);
INSERT INTO agg_customer_day VALUES(2,'2025-01-04','Tomás Ibáñez',2,536000,1);
INSERT INTO agg_customer_day VALUES(2,'2025-01-06','Benjamín Martínez',1,509000,1);
INSERT INTO agg_customer_day VALUES(2,'2025-01-06','Francisca Rojas Álvarez',1,155400,1);
INSERT INTO agg_customer_day VALUES(2,'2025-01-07','19.212.766-1',3,934000,1);
INSERT INTO agg_customer_day VALUES(2,'2025-01-08','Juan Espinoza Araya',2,1074000,1);
INSERT INTO agg_customer_day VALUES(2,'2025-01-09','Juan Espinoza Araya',3,623500,1);
INSERT INTO agg_customer_day VALUES(2,'2025-01-12','Patricio Morales Contreras',1,85000,1);
INSERT INTO agg_customer_day VALUES(2,'2025-01-13','11.447.967-5',1,-189000,1);
INSERT INTO agg_customer_day VALUES(2,'2025-01-13','Tomás Ibáñez',2,-568000,1);
INSERT INTO agg_customer_day VALUES(2,'2025-01-14','Tomás Ibáñez',3,658400,1);
INSERT INTO agg_customer_day VALUES(2,'2025-01-15','Héctor Pérez',3,686600,1);
INSERT INTO agg_customer_day VALUES(2,'2025-01-16','19.212.766-1',3,2359000,1);
INSERT INTO agg_customer_day VALUES(2,'2025-01-17','Patricio Morales Contreras',5,884100,2);
INSERT INTO agg_customer_day VALUES(2,'2025-01-19','19.212.766-1',1,236300,1);
INSERT INTO agg_customer_day VALUES(2,'2025-01-19','Verónica Martínez González',1,-237100,1);
INSERT INTO agg_customer_day VALUES(2,'2025-01-20','Francisca Rojas Álvarez',2,1266000,1);
INSERT INTO agg_customer_day VALUES(2,'2025-01-20','Patricio Morales Contreras',1,107000,1);
INSERT INTO agg_customer_day VALUES(2,'2025-01-22','Juan Espinoza Araya',2,196100,1);
INSERT INTO agg_customer_day VALUES(2,'2025-01-23','Patricio Morales Contreras',3,911900,1);
INSERT INTO agg_customer_day VALUES(2,'2025-01-24','Juan Espinoza Araya',3,617000,1);
INSERT INTO agg_customer_day VALUES(2,'2025-01-25','Sofía Espinoza',4,1045000,1);
INSERT INTO agg_customer_day VALUES(2,'2025-01-28','Juan Espinoza Araya',2,-267200,1);
INSERT INTO agg_customer_day VALUES(2,'2025-01-28','Patricio Morales Contreras',2,169000,2);
INSERT INTO agg_customer_day VALUES(2,'2025-01-30','19.242.048-2',1,52900,1);
INSERT INTO agg_customer_day VALUES(2,'2025-01-30','Juan Espinoza Araya',3,978000,1);
INSERT INTO agg_customer_day VALUES(2,'2025-01-31','Vicente Espinoza',4,1895200,1);
INSERT INTO agg_customer_day VALUES(2,'2025-02-01','Verónica Martínez González',1,-299000,1);
INSERT INTO agg_customer_day VALUES(2,'2025-02-03','19.212.766-1',1,-189000,1);
INSERT INTO agg_customer_day VALUES(2,'2025-02-04','Vicente Núñez Díaz',1,140900,1);
INSERT INTO agg_customer_day VALUES(2,'2025-02-06','Juan Espinoza Araya',3,909400,1);
INSERT INTO agg_customer_day VALUES(2,'2025-02-08','9.539.999-1',3,647800,1);
INSERT INTO agg_customer_day VALUES(2,'2025-02-09','Verónica Martínez González',3,727000,1);
INSERT INTO agg_customer_day VALUES(2,'2025-02-10','9.539.999-1',2,287700,1);
INSERT INTO agg_customer_day VALUES(2,'2025-02-11','77.544.310-3',1,181000,1);
INSERT INTO agg_customer_day VALUES(2,'2025-02-11','Francisca Rojas Álvarez',2,298000,1);
INSERT INTO agg_customer_day VALUES(2,'2025-02-12','Raúl Ibáñez Pérez',2,572100,1);
INSERT INTO agg_customer_day VALUES(2,'2025-02-13','Juan Espinoza Araya',4,514900,1);
INSERT INTO agg_customer_day VALUES(2,'2025-02-15','Francisca Rojas Álvarez',1,129000,1);
INSERT INTO agg_customer_day VALUES(2,'2025-02-15','Tomás Ibáñez',2,568000,1);
INSERT INTO agg_customer_day VALUES(2,'2025-02-16','Tomás Ibáñez',2,224100,1);
INSERT INTO agg_customer_day VALUES(2,'2025-02-16','Verónica Fernández',2,358000,1);
INSERT INTO agg_customer_day VALUES(2,'2025-02-18','9.539.999-1',3,488800,1);
INSERT INTO agg_customer_day VALUES(2,'2025-02-20','Vicente Núñez Díaz',2,465900,1);
INSERT INTO agg_customer_day VALUES(2,'2025-02-23','Vicente Espinoza',2,507000,1);
INSERT INTO agg_customer_day VALUES(2,'2025-02-24','Javiera Morales Flores',1,289000,1);
INSERT INTO agg_customer_day VALUES(2,'2025-02-25','Juan Espinoza Araya',3,449300,1);
INSERT INTO agg_customer_day VALUES(2,'2025-02-26','9.539.999-1',3,398600,1);
INSERT INTO agg_customer_day VALUES(2,'2025-02-27','19.242.048-2',1,269000,1);
INSERT INTO agg_customer_day VALUES(2,'2025-02-27','Ximena Torres',2,1718000,1);
INSERT INTO agg_customer_day VALUES(2,'2025-02-28','19.212.766-1',2,565000,1);
INSERT INTO agg_customer_day VALUES(2,'2025-02-28','Vicente Núñez Díaz',1,189000,1);
INSERT INTO agg_customer_day VALUES(2,'2025-03-01','Juan Espinoza Araya',1,189000,1);
INSERT INTO agg_customer_day VALUES(2,'2025-03-02','Benjamín Martínez',3,677000,1);
INSERT INTO agg_customer_day VALUES(2,'2025-03-03','Patricio Morales Contreras',1,-189000,1);
INSERT INTO agg_customer_day VALUES(2,'2025-03-04','Juan Espinoza Araya',4,2344500,1);
INSERT INTO agg_customer_day VALUES(2,'2025-03-05','Antonia Espinoza',2,657600,1);
INSERT INTO agg_customer_day VALUES(2,'2025-03-05','Vicente Espinoza',1,278000,1);
INSERT INTO agg_customer_day VALUES(2,'2025-03-06','Héctor Pérez',1,189000,1);
INSERT INTO agg_customer_day VALUES(2,'2025-03-06','Juan Espinoza Araya',2,537300,1);
INSERT INTO agg_customer_day VALUES(2,'2025-03-07','Juan Espinoza Araya',3,412000,1);
INSERT INTO agg_customer_day VALUES(2,'2025-03-08','Juan Espinoza Araya',2,268000,1);
INSERT INTO agg_customer_day VALUES(2,'2025-03-08','Patricio Morales Contreras',3,496600,1);
INSERT INTO agg_customer_day VALUES(2,'2025-03-10','Francisca Rojas Álvarez',1,578000,1);
INSERT INTO agg_customer_day VALUES(2,'2025-03-11','Verónica Fernández',1,90700,1);
INSERT INTO agg_customer_day VALUES(2,'2025-03-13','14.103.497-9',4,836000,1);
INSERT INTO agg_customer_day VALUES(2,'2025-03-14','19.212.766-1',1,-165100,1);
INSERT INTO agg_customer_day VALUES(2,'2025-03-14','77.544.310-3',1,149900,1);
INSERT INTO agg_customer_day VALUES(2,'2025-03-14','Sofía Espinoza',1,189000,1);
INSERT INTO agg_customer_day VALUES(2,'2025-03-16','19.212.766-1',2,1065600,1);
INSERT INTO agg_customer_day VALUES(2,'2025-03-17','Antonia Espinoza',1,126000,1);
INSERT INTO agg_customer_day VALUES(2,'2025-03-17','Vicente Espinoza',2,651800,1);
INSERT INTO agg_customer_day VALUES(2,'2025-03-18','20.574.148-8',2,378000,1);
INSERT INTO agg_customer_day VALUES(2,'2025-03-18','Juan Espinoza Araya',1,269000,1);
INSERT INTO agg_customer_day VALUES(2,'2025-03-19','Antonia Espinoza',3,438000,1);
INSERT INTO agg_customer_day VALUES(2,'2025-03-20','11.447.967-5',1,129000,1);
INSERT INTO agg_customer_day VALUES(2,'2025-03-21','19.212.766-1',1,1957500,1);
INSERT INTO agg_customer_day VALUES(2,'2025-03-21','Patricio Morales Contreras',3,437000,1);
INSERT INTO agg_customer_day VALUES(2,'2025-03-22','14.103.497-9',3,1202600,1);
INSERT INTO agg_customer_day VALUES(2,'2025-03-23','19.212.766-1',1,146900,1);
INSERT INTO agg_customer_day VALUES(2,'2025-03-23','Sofía Espinoza',2,866000,1);
INSERT INTO agg_customer_day VALUES(2,'2025-03-23','Tomás Ibáñez',1,168400,1);
INSERT INTO agg_customer_day VALUES(2,'2025-03-24','19.212.766-1',1,323700,1);
INSERT INTO agg_customer_day VALUES(2,'2025-03-25','Tomás Ibáñez',2,366100,1);
INSERT INTO agg_customer_day VALUES(2,'2025-03-26','Vicente Espinoza',1,-189000,1);
INSERT INTO agg_customer_day VALUES(2,'2025-03-27','Juan Espinoza Araya',2,2216000,1);
INSERT INTO agg_customer_day VALUES(2,'2025-03-28','Juan Espinoza Araya',2,673200,1);
INSERT INTO agg_customer_day VALUES(2,'2025-03-29','9.539.999-1',4,1395000,1);
INSERT INTO agg_customer_day VALUES(2,'2025-03-30','Benjamín Martínez',1,48000,1);
INSERT INTO agg_customer_day VALUES(2,'2025-03-30','Juan Espinoza Araya',1,162200,1);
INSERT INTO agg_customer_day VALUES(2,'2025-03-30','Patricio Morales Contreras',1,189000,1);
INSERT INTO agg_customer_day VALUES(2,'2025-03-31','9.539.999-1',1,104100,1);
CREATE TABLE agg_category_day (
	company_id	INTEGER NOT NULL,
	day		TEXT NOT NULL,
	category	TEXT NOT NULL,		-- '' for none
	lines		INTEGER NOT NULL,
	trans		INTEGER NOT NULL,
	PRIMARY KEY (company_id, day, category)
) WITHOUT ROWID;
INSERT INTO agg_category_day VALUES(1,'2025-07-30','Delicatessen',2,2);
INSERT INTO agg_category_day VALUES(1,'2025-07-30','Regalos',1,1);
INSERT INTO agg_category_day VALUES(1,'2025-07-31','Delicatessen',1,1);
INSERT INTO agg_category_day VALUES(1,'2025-07-31','Regalos',1,1);
INSERT INTO agg_category_day VALUES(1,'2025-07-31','Vinos',1,1);
INSERT INTO agg_category_day VALUES(1,'2025-08-01','Delicatessen',1,1);
INSERT INTO agg_category_day VALUES(1,'2025-08-01','Regalos',1,1);
INSERT INTO agg_category_day VALUES(1,'2025-08-01','Vinos',1,1);
INSERT INTO agg_category_day VALUES(1,'2025-08-02','Delicatessen',2,1);
INSERT INTO agg_category_day VALUES(1,'2025-08-02','Regalos',1,1);
INSERT INTO agg_category_day VALUES(1,'2025-08-04','Regalos',1,1);
INSERT INTO agg_category_day VALUES(1,'2025-08-05','Delicatessen',1,1);
INSERT INTO agg_category_day VALUES(1,'2025-08-05','Vinos',1,1);
INSERT INTO agg_category_day VALUES(1,'2025-08-06','Delicatessen',1,1);
INSERT INTO agg_category_day VALUES(1,'2025-08-07','Regalos',1,1);
INSERT INTO agg_category_day VALUES(1,'2025-08-07','Vinos',1,1);
INSERT INTO agg_category_day VALUES(1,'2025-08-08','Delicatessen',1,1);
INSERT INTO agg_category_day VALUES(1,'2025-08-09','Delicatessen',1,1);
INSERT INTO agg_category_day VALUES(1,'2025-08-09','Regalos',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-01-02','Abarrotes',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-01-02','Frutas y verduras',2,2);
INSERT INTO agg_category_day VALUES(2,'2025-01-03','Abarrotes',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-01-03','Bebidas',2,2);
INSERT INTO agg_category_day VALUES(2,'2025-01-03','Huevos',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-01-03','Panadería',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-01-04','Abarrotes',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-01-04','Frutas y verduras',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-01-04','Limpieza y hogar',2,2);
INSERT INTO agg_category_day VALUES(2,'2025-01-04','Lácteos',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-01-05','Fiambrería',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-01-05','Frutas y verduras',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-01-05','Limpieza y hogar',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-01-05','Rotisería',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-01-06','Abarrotes',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-01-06','Frutas y verduras',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-01-06','Rotisería',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-01-07','Abarrotes',2,1);
INSERT INTO agg_category_day VALUES(2,'2025-01-07','Bebidas',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-01-08','Abarrotes',2,2);
INSERT INTO agg_category_day VALUES(2,'2025-01-08','Rotisería',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-01-09','Bebidas',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-01-09','Frutas y verduras',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-01-09','Rotisería',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-01-10','Bebidas',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-01-10','Bebidas alcohólicas',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-01-10','Rotisería',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-01-11','Abarrotes',3,1);
INSERT INTO agg_category_day VALUES(2,'2025-01-11','Frutas y verduras',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-01-11','Rotisería',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-01-12','Abarrotes',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-01-12','Rotisería',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-01-13','Huevos',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-01-13','Rotisería',2,2);
INSERT INTO agg_category_day VALUES(2,'2025-01-14','Abarrotes',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-01-14','Fiambrería',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-01-14','Frutas y verduras',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-01-15','Fiambrería',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-01-15','Frutas y verduras',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-01-15','Rotisería',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-01-16','Lácteos',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-01-16','Rotisería',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-01-16','Snacks y dulces',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-01-17','Abarrotes',3,1);
INSERT INTO agg_category_day VALUES(2,'2025-01-17','Limpieza y hogar',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-01-17','Rotisería',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-01-18','Abarrotes',3,2);
INSERT INTO agg_category_day VALUES(2,'2025-01-18','Rotisería',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-01-19','Bebidas',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-01-19','Fiambrería',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-01-19','Frutas y verduras',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-01-20','Abarrotes',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-01-20','Huevos',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-01-20','Panadería',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-01-21','Abarrotes',2,1);
INSERT INTO agg_category_day VALUES(2,'2025-01-21','Limpieza y hogar',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-01-22','Abarrotes',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-01-22','Frutas y verduras',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-01-22','Lácteos',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-01-23','Frutas y verduras',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-01-23','Huevos',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-01-23','Lácteos',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-01-24','Abarrotes',3,1);
INSERT INTO agg_category_day VALUES(2,'2025-01-25','Fiambrería',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-01-25','Frutas y verduras',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-01-25','Huevos',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-01-25','Rotisería',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-01-26','Abarrotes',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-01-26','Fiambrería',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-01-26','Rotisería',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-01-27','Rotisería',2,1);
INSERT INTO agg_category_day VALUES(2,'2025-01-28','Abarrotes',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-01-28','Bebidas',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-01-28','Fiambrería',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-01-28','Panadería',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-01-29','Fiambrería',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-01-29','Limpieza y hogar',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-01-29','Panadería',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-01-30','Abarrotes',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-01-30','Limpieza y hogar',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-01-30','Lácteos',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-01-30','Panadería',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-01-31','Bebidas',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-01-31','Fiambrería',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-01-31','Rotisería',2,1);
INSERT INTO agg_category_day VALUES(2,'2025-02-01','Abarrotes',3,1);
INSERT INTO agg_category_day VALUES(2,'2025-02-01','Lácteos',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-02-01','Rotisería',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-02-02','Lácteos',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-02-02','Panadería',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-02-02','Rotisería',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-02-02','Snacks y dulces',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-02-03','Rotisería',2,2);
INSERT INTO agg_category_day VALUES(2,'2025-02-04','Frutas y verduras',3,2);
INSERT INTO agg_category_day VALUES(2,'2025-02-04','Rotisería',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-02-05','Abarrotes',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-02-05','Bebidas',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-02-05','Fiambrería',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-02-06','Abarrotes',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-02-06','Frutas y verduras',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-02-06','Rotisería',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-02-07','Abarrotes',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-02-07','Frutas y verduras',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-02-07','Panadería',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-02-07','Rotisería',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-02-08','Bebidas',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-02-08','Bebidas alcohólicas',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-02-08','Fiambrería',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-02-08','Frutas y verduras',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-02-09','Abarrotes',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-02-09','Huevos',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-02-09','Snacks y dulces',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-02-10','Bebidas',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-02-10','Fiambrería',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-02-10','Rotisería',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-02-11','Lácteos',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-02-11','Panadería',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-02-11','Rotisería',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-02-12','Frutas y verduras',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-02-12','Rotisería',2,2);
INSERT INTO agg_category_day VALUES(2,'2025-02-13','Abarrotes',2,1);
INSERT INTO agg_category_day VALUES(2,'2025-02-13','Frutas y verduras',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-02-13','Rotisería',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-02-14','Frutas y verduras',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-02-14','Panadería',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-02-14','Rotisería',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-02-15','Abarrotes',2,2);
INSERT INTO agg_category_day VALUES(2,'2025-02-15','Bebidas',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-02-15','Huevos',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-02-15','Rotisería',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-02-16','Abarrotes',2,2);
INSERT INTO agg_category_day VALUES(2,'2025-02-16','Bebidas alcohólicas',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-02-16','Panadería',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-02-17','Abarrotes',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-02-17','Rotisería',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-02-18','Abarrotes',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-02-18','Fiambrería',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-02-18','Frutas y verduras',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-02-19','Abarrotes',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-02-19','Huevos',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-02-19','Rotisería',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-02-20','Abarrotes',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-02-20','Frutas y verduras',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-02-20','Rotisería',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-02-21','Abarrotes',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-02-21','Frutas y verduras',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-02-21','Limpieza y hogar',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-02-22','Abarrotes',2,2);
INSERT INTO agg_category_day VALUES(2,'2025-02-22','Bebidas',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-02-22','Limpieza y hogar',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-02-22','Rotisería',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-02-23','Abarrotes',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-02-23','Rotisería',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-02-24','Abarrotes',3,3);
INSERT INTO agg_category_day VALUES(2,'2025-02-25','Panadería',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-02-25','Rotisería',2,1);
INSERT INTO agg_category_day VALUES(2,'2025-02-26','Abarrotes',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-02-26','Lácteos',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-02-26','Rotisería',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-02-27','Bebidas',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-02-27','Limpieza y hogar',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-02-27','Rotisería',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-02-28','Bebidas',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-02-28','Rotisería',3,3);
INSERT INTO agg_category_day VALUES(2,'2025-03-01','Abarrotes',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-03-01','Fiambrería',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-03-01','Panadería',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-03-01','Rotisería',2,2);
INSERT INTO agg_category_day VALUES(2,'2025-03-02','Panadería',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-03-02','Rotisería',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-03-02','Snacks y dulces',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-03-03','Abarrotes',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-03-03','Panadería',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-03-03','Rotisería',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-03-04','Abarrotes',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-03-04','Frutas y verduras',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-03-04','Huevos',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-03-04','Rotisería',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-03-05','Abarrotes',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-03-05','Bebidas',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-03-05','Rotisería',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-03-06','Bebidas',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-03-06','Panadería',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-03-06','Rotisería',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-03-07','Abarrotes',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-03-07','Bebidas',2,2);
INSERT INTO agg_category_day VALUES(2,'2025-03-07','Rotisería',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-03-08','Abarrotes',3,2);
INSERT INTO agg_category_day VALUES(2,'2025-03-08','Bebidas',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-03-08','Panadería',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-03-09','Abarrotes',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-03-09','Fiambrería',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-03-09','Rotisería',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-03-10','Abarrotes',2,2);
INSERT INTO agg_category_day VALUES(2,'2025-03-10','Rotisería',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-03-11','Frutas y verduras',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-03-11','Snacks y dulces',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-03-12','Frutas y verduras',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-03-12','Limpieza y hogar',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-03-12','Lácteos',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-03-13','Abarrotes',2,1);
INSERT INTO agg_category_day VALUES(2,'2025-03-13','Huevos',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-03-13','Rotisería',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-03-14','Fiambrería',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-03-14','Panadería',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-03-14','Rotisería',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-03-15','Bebidas',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-03-15','Frutas y verduras',2,1);
INSERT INTO agg_category_day VALUES(2,'2025-03-15','Lácteos',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-03-16','Fiambrería',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-03-16','Limpieza y hogar',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-03-17','Bebidas alcohólicas',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-03-17','Frutas y verduras',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-03-17','Snacks y dulces',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-03-18','Limpieza y hogar',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-03-18','Rotisería',2,1);
INSERT INTO agg_category_day VALUES(2,'2025-03-19','Frutas y verduras',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-03-19','Panadería',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-03-19','Rotisería',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-03-20','Abarrotes',2,2);
INSERT INTO agg_category_day VALUES(2,'2025-03-20','Frutas y verduras',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-03-21','Abarrotes',2,2);
INSERT INTO agg_category_day VALUES(2,'2025-03-21','Bebidas',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-03-21','Rotisería',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-03-22','Huevos',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-03-22','Limpieza y hogar',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-03-22','Panadería',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-03-22','Rotisería',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-03-23','Frutas y verduras',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-03-23','Lácteos',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-03-23','Panadería',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-03-23','Rotisería',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-03-24','Fiambrería',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-03-24','Panadería',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-03-25','Abarrotes',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-03-25','Frutas y verduras',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-03-25','Rotisería',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-03-26','Abarrotes',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-03-26','Panadería',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-03-26','Rotisería',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-03-27','Abarrotes',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-03-27','Limpieza y hogar',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-03-28','Abarrotes',2,2);
INSERT INTO agg_category_day VALUES(2,'2025-03-28','Bebidas',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-03-28','Limpieza y hogar',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-03-29','Abarrotes',2,1);
INSERT INTO agg_category_day VALUES(2,'2025-03-29','Frutas y verduras',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-03-29','Rotisería',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-03-30','Bebidas',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-03-30','Lácteos',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-03-30','Panadería',1,1);
INSERT INTO agg_category_day VALUES(2,'2025-03-30','Rotisería',2,2);
INSERT INTO agg_category_day VALUES(2,'2025-03-31','Frutas y verduras',2,2);
INSERT INTO agg_category_day VALUES(2,'2025-03-31','Lácteos',1,1);
CREATE TABLE agg_period (
	company_id	INTEGER NOT NULL,
	period		TEXT NOT NULL,
	products	INTEGER NOT NULL,
	customers	INTEGER NOT NULL,
	PRIMARY KEY (company_id, period)
) WITHOUT ROWID;
INSERT INTO agg_period VALUES(1,'2025',9,4);
INSERT INTO agg_period VALUES(1,'2025-07',5,2);
INSERT INTO agg_period VALUES(1,'2025-08',9,4);
INSERT INTO agg_period VALUES(1,'2025-Q3',9,4);
INSERT INTO agg_period VALUES(1,'2025-W31',8,2);
INSERT INTO agg_period VALUES(1,'2025-W32',9,2);
INSERT INTO agg_period VALUES(2,'2025',29,23);
INSERT INTO agg_period VALUES(2,'2025-01',27,14);
INSERT INTO agg_period VALUES(2,'2025-02',26,14);
INSERT INTO agg_period VALUES(2,'2025-03',27,16);
INSERT INTO agg_period VALUES(2,'2025-Q1',29,23);
INSERT INTO agg_period VALUES(2,'2025-W01',15,5);
INSERT INTO agg_period VALUES(2,'2025-W02',10,5);
INSERT INTO agg_period VALUES(2,'2025-W03',14,6);
INSERT INTO agg_period VALUES(2,'2025-W04',11,4);
INSERT INTO agg_period VALUES(2,'2025-W05',12,5);
INSERT INTO agg_period VALUES(2,'2025-W06',14,5);
INSERT INTO agg_period VALUES(2,'2025-W07',13,7);
INSERT INTO agg_period VALUES(2,'2025-W08',12,3);
INSERT INTO agg_period VALUES(2,'2025-W09',10,8);
INSERT INTO agg_period VALUES(2,'2025-W10',11,5);
INSERT INTO agg_period VALUES(2,'2025-W11',16,6);
INSERT INTO agg_period VALUES(2,'2025-W12',16,10);
INSERT INTO agg_period VALUES(2,'2025-W13',14,7);
INSERT INTO agg_period VALUES(2,'2025-W14',3,1);
CREATE TABLE agg_irregular (
	company_id	INTEGER NOT NULL,
	transaction_id	TEXT NOT NULL,
	PRIMARY KEY (company_id, transaction_id)
) WITHOUT ROWID;
CREATE TABLE agg_deferred (
	company_id	INTEGER PRIMARY KEY,
	from_day	TEXT,
	to_day		TEXT
);
CREATE TABLE agg_line_change (
	sign		INTEGER NOT NULL,
	xid		INTEGER NOT NULL,
	company_id	INTEGER NOT NULL,
	day		TEXT NOT NULL,
	transaction_id	TEXT NOT NULL,
	product_id	TEXT NOT NULL,
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
CREATE INDEX uploads_company_status ON uploads (company_id, status);
CREATE INDEX uploads_created_at ON uploads (created_at);
CREATE UNIQUE INDEX uploads_one_active ON uploads (company_id)
    WHERE status IN ('pending', 'processing');
CREATE UNIQUE INDEX column_mappings_one_default ON column_mappings (company_id)
    WHERE is_default = 1;
CREATE INDEX raw_transactions_company_date
    ON raw_transactions (company_id, transaction_date);
CREATE INDEX raw_transactions_upload ON raw_transactions (upload_id);
CREATE INDEX data_updates_company ON data_updates (company_id, period_type);
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
CREATE VIEW agg_irregular_lines AS
SELECT r.company_id, r.transaction_id,
    substr(r.transaction_date, 1, 10) AS day, r.product_id,
    coalesce(r.category, '') AS category,
    coalesce(r.description, '') AS description,
    nullif(r.customer_id, '') AS customer_id
FROM agg_irregular i CROSS JOIN raw_transactions r	-- CROSS: i first
    ON r.company_id = i.company_id AND r.transaction_id = i.transaction_id
;
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
		AND r.transaction_id = NEW.transaction_id AND r.id <> NEW.xid
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
	VALUES (NEW.company_id, NEW.day, NEW.product_id, NEW.category,
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
		AND r.transaction_id = NEW.transaction_id
		AND r.product_id = NEW.product_id AND r.id <> NEW.xid
		AND substr(r.transaction_date, 1, 10) = NEW.day
		AND coalesce(r.category, '') = NEW.category
		AND coalesce(r.description, '') = NEW.description))
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
		AND r.transaction_id = NEW.transaction_id AND r.id <> NEW.xid
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
	VALUES (NEW.company_id, NEW.day, NEW.category, NEW.sign,
	    NEW.sign * NOT EXISTS (SELECT 1 FROM raw_transactions r
		WHERE r.company_id = NEW.company_id
		AND r.transaction_id = NEW.transaction_id AND r.id <> NEW.xid
		AND substr(r.transaction_date, 1, 10) = NEW.day
		AND coalesce(r.category, '') = NEW.category))
	ON CONFLICT DO UPDATE SET lines = lines + excluded.lines,
	    trans = trans + excluded.trans;
	DELETE FROM agg_category_day WHERE NEW.sign < 0 AND lines = 0
	    AND company_id = NEW.company_id AND day = NEW.day
	    AND category = NEW.category;

	DELETE FROM agg_day WHERE NEW.sign < 0 AND lines = 0
	    AND company_id = NEW.company_id AND day = NEW.day;

	INSERT OR IGNORE INTO agg_irregular (company_id, transaction_id)
	SELECT NEW.company_id, NEW.transaction_id
	WHERE NEW.sign > 0 AND EXISTS (SELECT 1 FROM raw_transactions r
	    WHERE r.company_id = NEW.company_id
	    AND r.transaction_id = NEW.transaction_id AND r.id <> NEW.xid
	    AND (substr(r.transaction_date, 1, 10) <> NEW.day
		OR (r.product_id = NEW.product_id
		    AND (coalesce(r.category, '') <> NEW.category
			OR coalesce(r.description, '') <> NEW.description))));

	SELECT RAISE(IGNORE);
END;
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
CREATE TRIGGER raw_transactions_agg_insert AFTER INSERT ON raw_transactions
WHEN NOT EXISTS (SELECT 1 FROM agg_deferred
    WHERE company_id = NEW.company_id)
BEGIN
	INSERT INTO agg_line_change VALUES (1, NEW.id, NEW.company_id,
	    substr(NEW.transaction_date, 1, 10), NEW.transaction_id,
	    NEW.product_id, coalesce(NEW.category, ''),
	    coalesce(NEW.description, ''), nullif(NEW.customer_id, ''),
	    NEW.is_return,
	    CASE WHEN NEW.is_return THEN -abs(NEW.price_total)
		ELSE NEW.price_total END,
	    CASE WHEN NEW.is_return THEN -abs(NEW.quantity)
		ELSE NEW.quantity END,
	    CASE WHEN NEW.is_return THEN -abs(NEW.cost_total)
		ELSE NEW.cost_total END,
	    CASE WHEN NEW.is_return THEN -NEW.margin
		ELSE NEW.margin END,
	    NEW.discount_total);
END;
CREATE TRIGGER raw_transactions_agg_delete AFTER DELETE ON raw_transactions
WHEN NOT EXISTS (SELECT 1 FROM agg_deferred
    WHERE company_id = OLD.company_id)
BEGIN
	INSERT INTO agg_line_change VALUES (-1, OLD.id, OLD.company_id,
	    substr(OLD.transaction_date, 1, 10), OLD.transaction_id,
	    OLD.product_id, coalesce(OLD.category, ''),
	    coalesce(OLD.description, ''), nullif(OLD.customer_id, ''),
	    OLD.is_return,
	    CASE WHEN OLD.is_return THEN -abs(OLD.price_total)
		ELSE OLD.price_total END,
	    CASE WHEN OLD.is_return THEN -abs(OLD.quantity)
		ELSE OLD.quantity END,
	    CASE WHEN OLD.is_return THEN -abs(OLD.cost_total)
		ELSE OLD.cost_total END,
	    CASE WHEN OLD.is_return THEN -OLD.margin
		ELSE OLD.margin END,
	    OLD.discount_total);
END;
CREATE TRIGGER raw_transactions_agg_update AFTER UPDATE ON raw_transactions
WHEN OLD.company_id IS NOT NEW.company_id
    OR OLD.transaction_date IS NOT NEW.transaction_date
    OR OLD.transaction_id IS NOT NEW.transaction_id
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
	    substr(OLD.transaction_date, 1, 10), OLD.transaction_id,
	    OLD.product_id, coalesce(OLD.category, ''),
	    coalesce(OLD.description, ''), nullif(OLD.customer_id, ''),
	    OLD.is_return,
	    CASE WHEN OLD.is_return THEN -abs(OLD.price_total)
		ELSE OLD.price_total END,
	    CASE WHEN OLD.is_return THEN -abs(OLD.quantity)
		ELSE OLD.quantity END,
	    CASE WHEN OLD.is_return THEN -abs(OLD.cost_total)
		ELSE OLD.cost_total END,
	    CASE WHEN OLD.is_return THEN -OLD.margin
		ELSE OLD.margin END,
	    OLD.discount_total
	WHERE NOT EXISTS (SELECT 1 FROM agg_deferred
	    WHERE company_id = OLD.company_id);
	INSERT INTO agg_line_change SELECT 1, NEW.id, NEW.company_id,
	    substr(NEW.transaction_date, 1, 10), NEW.transaction_id,
	    NEW.product_id, coalesce(NEW.category, ''),
	    coalesce(NEW.description, ''), nullif(NEW.customer_id, ''),
	    NEW.is_return,
	    CASE WHEN NEW.is_return THEN -abs(NEW.price_total)
		ELSE NEW.price_total END,
	    CASE WHEN NEW.is_return THEN -abs(NEW.quantity)
		ELSE NEW.quantity END,
	    CASE WHEN NEW.is_return THEN -abs(NEW.cost_total)
		ELSE NEW.cost_total END,
	    CASE WHEN NEW.is_return THEN -NEW.margin
		ELSE NEW.margin END,
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
SELECT company_id, level, period, year, num, lo, hi, revenue, units,
    transactions, lines,
    CAST(round(1.0 * revenue / transactions) AS INTEGER) AS avg_ticket,
    nullif(customers, 0) AS customers, products, cost, margin, margin_pct,
    discount, returns
FROM (SELECT g.*,
	g.trans - (SELECT count(*) - count(DISTINCT x.transaction_id)
	    FROM (SELECT DISTINCT y.transaction_id, y.day
		FROM agg_irregular_lines y
		WHERE y.company_id = g.company_id
		AND y.day BETWEEN g.lo AND g.hi) AS x) AS transactions,
	CASE WHEN g.level = 'day' THEN g.day_products
	    WHEN g.whole THEN (SELECT a.products FROM agg_period a
		WHERE a.company_id = g.company_id AND a.period = g.period)
	    ELSE (SELECT count(DISTINCT x.product_id) FROM agg_product_day x
		WHERE x.company_id = g.company_id
		AND x.day BETWEEN g.lo AND g.hi) END AS products,
	CASE WHEN g.level = 'day' THEN g.day_customers
	    WHEN g.whole THEN (SELECT a.customers FROM agg_period a
		WHERE a.company_id = g.company_id AND a.period = g.period)
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
CREATE VIEW product_aggregations AS
WITH pd AS (
	SELECT * FROM agg_product_day
	WHERE day BETWEEN '0000-01-01' AND '9999-12-31' AND company_id > 0),
corr AS (
	SELECT company_id, product_id,
	    count(*) - count(DISTINCT transaction_id) AS n
	FROM (SELECT DISTINCT company_id, product_id, transaction_id, day,
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
	    count(*) - count(DISTINCT transaction_id) AS n
	FROM (SELECT DISTINCT company_id, customer_id, transaction_id, day
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
	    count(*) - count(DISTINCT transaction_id) AS n
	FROM (SELECT DISTINCT company_id, category, transaction_id, day
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
SELECT company_id, substr(transaction_date, 1, 10) AS day, transaction_id,
    product_id, coalesce(category, '') AS category,
    coalesce(description, '') AS description,
    nullif(customer_id, '') AS customer_id, is_return,
    CASE WHEN is_return THEN -abs(price_total) ELSE price_total END
	AS revenue,
    CASE WHEN is_return THEN -abs(quantity) ELSE quantity END AS units,
    CASE WHEN is_return THEN -abs(cost_total) ELSE cost_total END AS cost,
    CASE WHEN is_return THEN -margin ELSE margin END AS margin,
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
	count(DISTINCT transaction_id) AS transactions, count(*) AS lines,
	nullif(count(DISTINCT customer_id), 0) AS customers,
	count(DISTINCT product_id) AS products, sum(cost) AS cost,
	sum(margin) AS margin,
	100.0 * sum(CASE WHEN costed THEN margin END)
	    / sum(CASE WHEN costed THEN revenue END) AS margin_pct,
	sum(discount) AS discount, sum(is_return) AS returns
    FROM l GROUP BY company_id, level, period);
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
CREATE VIEW agg_expected_product AS
WITH p AS (
	SELECT company_id, product_id, sum(revenue) AS revenue,
	    sum(units) AS units,
	    count(DISTINCT transaction_id) AS transactions,
	    sum(margin) AS margin,
	    100.0 * sum(CASE WHEN costed THEN margin END)
		/ sum(CASE WHEN costed THEN revenue END) AS margin_pct,
	    count(DISTINCT day) AS days, min(day) AS first_sale,
	    max(day) AS last_sale
	FROM agg_expected_lines GROUP BY company_id, product_id),
latest AS (
	SELECT company_id, product_id, category, description,
	    max(day || x'1f' || description || x'1f' || category)
	FROM agg_expected_lines GROUP BY company_id, product_id),
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
	count(DISTINCT transaction_id) AS transactions,
	min(day) AS first_purchase, max(day) AS last_purchase,
	count(DISTINCT day) AS purchase_days
    FROM agg_expected_lines WHERE customer_id IS NOT NULL
    GROUP BY company_id, customer_id) AS c
JOIN latest USING (company_id);
CREATE VIEW agg_expected_category AS
SELECT company_id, nullif(category, '') AS category, revenue, units,
    products, transactions, margin, margin_pct,
    CASE WHEN sum(revenue) OVER w <> 0
	THEN 100.0 * revenue / sum(revenue) OVER w END AS share_pct
FROM (SELECT company_id, category, sum(revenue) AS revenue,
	sum(units) AS units, count(DISTINCT product_id) AS products,
	count(DISTINCT transaction_id) AS transactions,
	sum(margin) AS margin,
	100.0 * sum(CASE WHEN costed THEN margin END)
	    / sum(CASE WHEN costed THEN revenue END) AS margin_pct
    FROM agg_expected_lines GROUP BY company_id, category)
WINDOW w AS (PARTITION BY company_id);
COMMIT;
