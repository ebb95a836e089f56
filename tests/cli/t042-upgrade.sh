#!/bin/sh
# t042-upgrade.sh - a database made by the previous version (schema 2,
# tests/data/v2/database.sql: a dump of what ayni 0.1 wrote for two
# companies) upgrades in place on first use: every line keeps its id,
# values and occurrence, every rollup level reads as before (the exports
# of tests/data/v2/agg-*.csv were written by that version), the rollups
# verify, and re-uploading a file the old version loaded changes nothing.
. "$(dirname "$0")/lib.sh"

V2="$AYNI_TEST_DATA/v2"
# every migration runs, in order, up to the newest of schema/
LATEST=$(ls "$AYNI_SRC"/schema/[0-9][0-9][0-9][0-9]_*.sql | wc -l)
db="$T/old.db"
export AYNI_DB="$db"
sqlite3 "$db" <"$V2/database.sql"
sqlite3 "$db" "PRAGMA user_version = 2"
chmod 600 "$db"
check "the fixture is a version 2 database" test "$(sqlite3 "$db" 'PRAGMA user_version')" = 2

# every stored value of every line, in id order
snapshot() {
	sqlite3 -csv "$db" "SELECT id, company_id, upload_id, line_no,
	    transaction_date, transaction_id, product_id, occurrence,
	    trans_type, is_return, customer_id, description, category,
	    unit_type, quantity, stock, price_total, cost_unit, cost_total,
	    price_unit, discount_total, commission_total, margin, data,
	    processed_at FROM raw_transactions ORDER BY id" | sha256sum
}
before=$(snapshot)
nlines=$(sqlite3 "$db" "SELECT count(*) FROM raw_transactions")
nupd=$(sqlite3 "$db" "SELECT count(*) FROM data_updates")
check "the fixture has lines" test "$nlines" -gt 300

# The first command that opens it migrates it.
run_in "$PW" login --email root@example.cl --password-stdin
expect_rc 0
check "now at the latest schema ($LATEST)" test "$(sqlite3 "$db" 'PRAGMA user_version')" = "$LATEST"
check "every line kept, values and all" test "$(snapshot)" = "$before"
check "no key column invented" test "$(sqlite3 "$db" "SELECT count(*) FROM raw_transactions WHERE branch <> '' OR doc_type <> ''")" = 0
check "data_updates kept" test "$(sqlite3 "$db" "SELECT count(*) FROM data_updates WHERE action = 'upload'")" = "$nupd"
check "integrity" test "$(sqlite3 "$db" 'PRAGMA integrity_check')" = ok
check "foreign keys" test -z "$(sqlite3 "$db" 'PRAGMA foreign_key_check')"
check "no rollup refresh left pending" test "$(sqlite3 "$db" 'SELECT count(*) FROM agg_deferred')" = 0

for c in 76086428-5 11111111-1; do
	run --company "$c" aggregate verify
	expect_rc 0
	for level in month week product customer category; do
		run --company "$c" --format csv aggregate --level "$level"
		expect_rc 0
		printf '%s\n' "$out" | tr -d '\r' >"$T/got.csv"
		tr -d '\r' <"$V2/agg-$c-$level.csv" >"$T/want.csv"
		check "company $c, level $level as version 2 wrote it" \
		    cmp -s "$T/got.csv" "$T/want.csv"
	done
done
run --company 76086428-5 --format csv uploads list
expect_out_has '^1,.*ventas-multilinea.csv,completed,upsert,21,21,0,0,0,0,2025-07-30,2025-08-09,'

# The old keys are the new keys: the same export again changes nothing.
run --company 76086428-5 --format csv upload "$AYNI_SRC/examples/ventas-multilinea.csv"
expect_rc 0
expect_out_has '^[0-9]+,completed,21,0,0,21,0,0,0,2025-07-30,2025-08-09,'
check "still the same lines" test "$(snapshot)" = "$before"

# A second open does not migrate again.
run --company 76086428-5 aggregate verify
expect_rc 0
check "still schema $LATEST" test "$(sqlite3 "$db" 'PRAGMA user_version')" = "$LATEST"

done_testing
