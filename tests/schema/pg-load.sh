#!/bin/sh
# pg-load.sh - schema/pg loads into a real PostgreSQL and keeps companies
# apart: the ctest schema/pg-load (label pg).
#
# Runs under scripts/pg-test.sh, which sets AYNI_TEST_PG; without it the
# test is skipped (77), never passed.  Applies every schema/pg/NNNN_*.sql
# in order, each whole in one transaction with its ayni_schema_version
# row, as the migration runner does; then checks, on rows of two companies, that
# the keys, foreign keys and generated columns do what schema/pg/README.md
# says, that a database in another locale is refused, and that citus.sql
# places every table (against stand-ins for the two Citus functions); and
# that the tables and columns are SQLite's (sqlite3 builds schema/).
# What it does not check: Citus itself (no package for Debian 12).
set -u
if [ -z "${AYNI_TEST_PG:-}" ]; then
	echo "pg-load.sh: AYNI_TEST_PG is not set: skipped" \
	    "(run under scripts/pg-test.sh)"
	exit 77
fi
src=${AYNI_SRC:-$(cd "$(dirname "$0")/../.." && pwd)}
# the server's own client: Debian's /usr/bin/psql is a Perl wrapper that
# costs more than most of the queries below
bin=${AYNI_PG_BIN:-/usr/lib/postgresql/15/bin}
T=$(mktemp -d "${TMPDIR:-/tmp}/ayni-pgload.XXXXXX")
trap 'rm -rf "$T"' EXIT
passed=0
failed=0

ok() { passed=$((passed + 1)); }
not_ok() {
	failed=$((failed + 1))
	printf 'FAIL pg-load: %s\n' "$*" >&2
}

# sql SQL: run it in $db; its rows in $out (unaligned, '|'), psql's exit
# status in $rc, its messages in $err (verbose: with the SQLSTATE).
sql() {
	"$bin/psql" "$db" -X -q -tA -v ON_ERROR_STOP=1 -v VERBOSITY=verbose \
	    -c "$1" >"$T/out" 2>"$T/err"
	rc=$?
	out=$(cat "$T/out")
	err=$(cat "$T/err")
}

# is DESCRIPTION SQL EXPECTED: SQL succeeds and prints EXPECTED.
is() {
	sql "$2"
	if [ "$rc" -eq 0 ] && [ "$out" = "$3" ]; then ok; else
		not_ok "$1: expected '$3', got '$out' (exit $rc) $err"; fi
}

# refused DESCRIPTION SQLSTATE SQL: SQL fails with that SQLSTATE.
refused() {
	sql "$3"
	if [ "$rc" -ne 0 ] && grep -q "ERROR:  $2:" "$T/err"; then ok; else
		not_ok "$1: expected SQLSTATE $2, got exit $rc: $out $err"; fi
}

db=$(sh "$src/scripts/pg-newdb.sh") || { echo "pg-newdb.sh failed" >&2;
    exit 1; }

# 1. Every migration, in order, each in one transaction, as the runner.
n=0
# The tenant tables are those citus.sql distributes.
tenants=$(grep -c '^SELECT create_distributed_table' "$src/schema/pg/citus.sql")
for f in "$src"/schema/pg/[0-9][0-9][0-9][0-9]_*.sql; do
	n=$((n + 1))
	base=${f##*/}
	# -c sends the file whole in one query, as the runner does (-f would
	# split it into statements)
	if "$bin/psql" "$db" -X -q -1 -v ON_ERROR_STOP=1 -c "$(cat "$f")" \
	    -c "INSERT INTO ayni_schema_version VALUES ($n, '$base',
		to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS'))" \
	    >/dev/null 2>"$T/err"; then ok; else
		not_ok "$base does not load: $(cat "$T/err")"; fi
done
is "the version is the last file's" \
    "SELECT max(version) FROM ayni_schema_version" "$n"
is "tenant tables are hash-partitioned, 8 partitions each" \
    "SELECT count(DISTINCT p.relname) || ' ' || count(*)
	FROM pg_class p JOIN pg_inherits i ON i.inhparent = p.oid
	JOIN pg_partitioned_table pt ON pt.partrelid = p.oid
	WHERE pt.partstrat = 'h'" "$tenants $((tenants * 8))"
is "no triggers but the foreign keys' own" \
    "SELECT count(*) FROM pg_trigger WHERE NOT tgisinternal" "0"

# The same tables and columns, in the same order, as SQLite's schema after
# its last migration, but for what schema/pg/README.md explains:
# agg_line_change (the triggers' bookkeeping), the version table and the
# calendar.
{
	echo "PRAGMA foreign_keys = OFF; PRAGMA legacy_alter_table = ON;"
	cat "$src"/schema/[0-9][0-9][0-9][0-9]_*.sql
	echo "SELECT m.name || '.' || p.name FROM sqlite_schema m,
	    pragma_table_xinfo(m.name) p WHERE m.type = 'table'
	    AND m.name <> 'agg_line_change' ORDER BY m.name, p.cid;"
} | sqlite3 "$T/sqlite.db" >"$T/sqlite.cols" 2>"$T/err" ||
    not_ok "sqlite3 cannot build schema/: $(cat "$T/err")"
is "the tables and columns of the SQLite schema" \
    "SELECT c.relname || '.' || a.attname FROM pg_class c
	JOIN pg_namespace n ON n.oid = c.relnamespace
	JOIN pg_attribute a ON a.attrelid = c.oid
	WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
	AND NOT c.relispartition AND a.attnum > 0 AND NOT a.attisdropped
	AND c.relname NOT IN ('ayni_schema_version', 'calendar')
	ORDER BY c.relname, a.attnum" "$(cat "$T/sqlite.cols")"

# 2. Two companies, an upload each, lines with the same key in both.
now="'2025-01-01 00:00:00'"
is "a user and two companies" \
    "INSERT INTO users (email, password_hash, created_at, updated_at)
	VALUES ('ana@example.cl', '\$argon2id\$v=19\$x', $now, $now);
    INSERT INTO companies (rut, name, created_at, updated_at)
	VALUES ('76123456-0', 'Uno', $now, $now),
	('12345678-K', 'Dos', $now, $now) RETURNING id" "1
2"
is "an upload for each company" \
    "INSERT INTO uploads (company_id, user_id, filename, status, created_at)
	VALUES (1, 1, 'a.csv', 'completed', $now),
	(2, 1, 'b.csv', 'completed', $now) RETURNING id" "1
2"
lines="INSERT INTO raw_transactions (company_id, upload_id, line_no,
	transaction_date, branch, doc_type, transaction_id, product_id,
	occurrence, is_return, quantity, price_total, processed_at) VALUES"
is "the same line key in two companies" \
    "$lines (1, 1, 1, '2025-03-04 10:00:00', '', '', 'T1', 'P1', 1, 0,
	2000, 1500, $now),
    (1, 1, 2, '2025-03-04 10:00:00', '', '', 'T1', NULL, 1, 1, NULL, 700,
	$now),
    (2, 2, 1, '2025-03-04 10:00:00', '', '', 'T1', 'P1', 1, 0, 2000, 1500,
	$now)
    RETURNING company_id" "1
1
2"
is "each company sees its own lines" \
    "SELECT company_id, count(*) FROM raw_transactions GROUP BY 1
	ORDER BY 1" "1|2
2|1"
is "the generated columns: line key and the return rule" \
    "SELECT replace(txn_key, chr(31), '/'), product_key, net_revenue,
	coalesce(net_units, 0)
	FROM raw_transactions WHERE company_id = 1 ORDER BY line_no" \
    "//T1/2025-03-04|P1|1500|2000
//T1/2025-03-04||-700|0"
is "text sorts byte by byte, as in SQLite" \
    "SELECT string_agg(x, ' ' ORDER BY x) FROM (VALUES ('b'), ('B'), ('a'),
	('Ñ'), ('_')) AS v (x)" "B _ a b Ñ"

is "the calendar adds the days it lacks, once" \
    "SELECT ayni_calendar_fill('2024-12-28', '2025-01-06')
	|| ' ' || ayni_calendar_fill('2020-12-31', '2025-01-01')
	|| ' ' || ayni_calendar_fill('2021-01-01', '2021-01-03')" "10 1458 0"
is "ISO weeks, months and quarters as the SQLite views label them" \
    "SELECT day, week, week_start, week_end, month, month_end, quarter,
	quarter_start, quarter_end FROM calendar
	WHERE day IN ('2024-12-30', '2021-01-03', '2024-02-29')
	ORDER BY day" \
    "2021-01-03|2020-W53|2020-12-28|2021-01-03|2021-01|2021-01-31|2021-Q1|2021-01-01|2021-03-31
2024-02-29|2024-W09|2024-02-26|2024-03-03|2024-02|2024-02-29|2024-Q1|2024-01-01|2024-03-31
2024-12-30|2025-W01|2024-12-30|2025-01-05|2024-12|2024-12-31|2024-Q4|2024-10-01|2024-12-31"

# 3. What must be refused.
refused "a duplicate line key" 23505 \
    "$lines (1, 1, 3, '2025-03-04 11:00:00', '', '', 'T1', 'P1', 1, 0,
	1000, 10, $now)"
refused "a second line without product, same key" 23505 \
    "$lines (1, 1, 3, '2025-03-04 11:00:00', '', '', 'T1', NULL, 1, 0,
	NULL, 10, $now)"
refused "a line of company 2 in an upload of company 1" 23503 \
    "$lines (2, 1, 2, '2025-03-04 10:00:00', '', '', 'T2', 'P1', 1, 0,
	1000, 10, $now)"
refused "a line of an unknown company" 23503 \
    "INSERT INTO uploads (company_id, filename, created_at)
	VALUES (3, 'x.csv', $now)"
is "one active upload in company 1" \
    "INSERT INTO uploads (company_id, filename, created_at)
	VALUES (1, 'c.csv', $now) RETURNING status" "pending"
refused "a second active upload in company 1" 23505 \
    "INSERT INTO uploads (company_id, filename, created_at)
	VALUES (1, 'd.csv', $now)"
is "while company 2 may start one" \
    "INSERT INTO uploads (company_id, filename, created_at)
	VALUES (2, 'e.csv', $now) RETURNING status" "pending"
refused "a duplicate mapping name in one company" 23505 \
    "INSERT INTO column_mappings (company_id, mapping_name, mappings,
	created_at, updated_at) VALUES
	(1, 'pos', '{\"fecha\": \"date\"}', $now, $now),
	(1, 'pos', '{}', $now, $now)"
is "a mapping keeps its JSON text as written" \
    "INSERT INTO column_mappings (company_id, mapping_name, mappings,
	created_at, updated_at)
	VALUES (2, 'pos', '{\"b\": 1,  \"a\": 2}', $now, $now);
    SELECT mappings, (SELECT count(*) FROM json_each(mappings))
	FROM column_mappings" '{"b": 1,  "a": 2}|2'
refused "a mapping that is not a JSON object" 23514 \
    "INSERT INTO column_mappings (company_id, mapping_name, mappings,
	created_at, updated_at) VALUES (1, 'x', '[1]', $now, $now)"
refused "a RUT with leading zeros" 23514 \
    "INSERT INTO companies (rut, name, created_at, updated_at)
	VALUES ('076123456-0', 'Tres', $now, $now)"
refused "a date SQLite would refuse" 23514 \
    "$lines (1, 1, 9, '2025-3-4 10:00:00', '', '', 'T9', 'P1', 1, 0, 1, 1,
	$now)"

# 4. Deleting a company takes its rows, and only its rows.
is "deleting company 1" \
    "DELETE FROM companies WHERE id = 1;
    SELECT (SELECT count(*) FROM raw_transactions) || ' ' ||
	(SELECT count(*) FROM uploads) || ' ' ||
	(SELECT count(*) FROM column_mappings)" "1 2 1"

# 5. A database that would sort or fold text differently is refused.
if "$bin/createdb" -T template0 \
    -E UTF8 --locale=C.UTF-8 "other_locale_$$" 2>"$T/err"; then
	other=$(printf '%s' "$db" | sed "s|///[^?]*|///other_locale_$$|")
	if "$bin/psql" "$other" -X -q -1 -v ON_ERROR_STOP=1 \
	    -f "$src/schema/pg/0001_core.sql" >/dev/null 2>"$T/err"; then
		not_ok "0001 loaded into a database of locale C.UTF-8"
	elif grep -q "must have encoding UTF8 and locale C" "$T/err"; then ok
	else not_ok "0001 in locale C.UTF-8: $(cat "$T/err")"; fi
else
	not_ok "createdb --locale=C.UTF-8: $(cat "$T/err")"
fi

# 6. citus.sql places every table once, against stand-ins that record
# the calls (regclass: a misspelt table fails here).
sql "CREATE TABLE placed (tab regclass, how text);
    CREATE FUNCTION create_reference_table(t regclass) RETURNS void
	LANGUAGE sql AS 'INSERT INTO placed VALUES (t, ''reference'')';
    CREATE FUNCTION create_distributed_table(t regclass, col text,
	colocate_with text DEFAULT 'default') RETURNS void
	LANGUAGE sql AS 'INSERT INTO placed VALUES (t, col)';
    $(cat "$src/schema/pg/citus.sql")"
if [ "$rc" -eq 0 ]; then ok; else not_ok "citus.sql: $err"; fi
is "citus.sql places every table but the version table" \
    "SELECT count(*) FROM pg_class c
	JOIN pg_namespace n ON n.oid = c.relnamespace
	WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
	AND NOT c.relispartition AND c.relname NOT IN ('placed',
	    'ayni_schema_version')
	AND (SELECT count(*) FROM placed p WHERE p.tab = c.oid) <> 1" "0"
is "tenant tables by company_id, the rest as reference tables" \
    "SELECT how, count(*) FROM placed GROUP BY how ORDER BY how" \
    "company_id|$tenants
reference|8"

printf 'pg-load: %d passed, %d failed\n' "$passed" "$failed"
[ "$failed" -eq 0 ]
