#!/bin/sh
# t043-upgrade-v3.sh - a database made by the previous version (schema 3,
# tests/data/v3/database.sql: what ayni wrote for two companies from nine
# uploads of real-style exports, with branches, document types, returns,
# a replace and a deleted upload) upgrades in place to a schema where a
# line may have no product: every line keeps its id and values, every
# rollup level reads exactly as that version exported it
# (tests/data/v3/agg-*.csv), the rollups verify, and re-uploading a file
# the old version loaded changes nothing.
. "$(dirname "$0")/lib.sh"

V3="$AYNI_TEST_DATA/v3"
EXPORTS="$AYNI_TEST_DATA/exports"
LATEST=$(ls "$AYNI_SRC"/schema/[0-9][0-9][0-9][0-9]_*.sql | wc -l)
db="$T/old.db"
export AYNI_DB="$db"
sqlite3 "$db" <"$V3/database.sql"
sqlite3 "$db" "PRAGMA user_version = 3; PRAGMA application_id = 1635348073"
chmod 600 "$db"
check "the fixture is a version 3 database" test "$(sqlite3 "$db" 'PRAGMA user_version')" = 3

snapshot() {
	sqlite3 -csv "$db" "SELECT id, company_id, upload_id, line_no,
	    transaction_date, branch, doc_type, transaction_id, product_id,
	    occurrence, trans_type, is_return, customer_id, description,
	    category, unit_type, quantity, stock, price_total, cost_unit,
	    cost_total, price_unit, discount_total, commission_total, margin,
	    data, processed_at, txn_key, net_revenue, net_units
	    FROM raw_transactions ORDER BY id" | sha256sum
}
rollups() {
	sqlite3 -csv "$db" "SELECT * FROM agg_day ORDER BY 1, 2;
	    SELECT * FROM agg_product_day ORDER BY 1, 2, 3, 4, 5;
	    SELECT * FROM agg_customer_day ORDER BY 1, 2, 3;
	    SELECT * FROM agg_category_day ORDER BY 1, 2, 3;
	    SELECT * FROM agg_period ORDER BY 1, 2" | sha256sum
}
before=$(snapshot)
rbefore=$(rollups)
nlines=$(sqlite3 "$db" "SELECT count(*) FROM raw_transactions")
check "the fixture has lines of both companies" test "$(sqlite3 "$db" "SELECT count(DISTINCT company_id) FROM raw_transactions")" = 2
check "the fixture has branches and document types" test "$(sqlite3 "$db" "SELECT count(*) FROM raw_transactions WHERE branch <> '' AND doc_type <> ''")" -gt 0

run_in "$PW" login --email root@example.cl --password-stdin
expect_rc 0
check "now at the latest schema ($LATEST)" test "$(sqlite3 "$db" 'PRAGMA user_version')" = "$LATEST"
check "every line kept, values and all" test "$(snapshot)" = "$before"
check "as many lines" test "$(sqlite3 "$db" "SELECT count(*) FROM raw_transactions")" = "$nlines"
check "every line has a product" test "$(sqlite3 "$db" "SELECT count(*) FROM raw_transactions WHERE product_id IS NULL OR product_key <> product_id")" = 0
check "rollup tables untouched" test "$(rollups)" = "$rbefore"
check "integrity" test "$(sqlite3 "$db" 'PRAGMA integrity_check')" = ok
check "foreign keys" test -z "$(sqlite3 "$db" 'PRAGMA foreign_key_check')"
check "no rollup refresh left pending" test "$(sqlite3 "$db" 'SELECT count(*) FROM agg_deferred')" = 0

for c in 76086428-5 11111111-1; do
	run --company "$c" aggregate verify
	expect_rc 0
	for level in day month week product customer category; do
		run --company "$c" --format csv aggregate --level "$level"
		expect_rc 0
		printf '%s\n' "$out" | tr -d '\r' >"$T/got.csv"
		tr -d '\r' <"$V3/agg-$c-$level.csv" >"$T/want.csv"
		check "company $c, level $level as version 3 wrote it" \
		    cmp -s "$T/got.csv" "$T/want.csv"
	done
done
run --company 11111111-1 --format csv uploads list
expect_out_has '^9,shopify-orders.csv,deleted,'
expect_out_has '^8,pos-ticket-diario.csv,completed,'

# The old keys are the new keys: the same exports again change nothing.
cd "$EXPORTS" || exit 1
for f in pos-dos-cajas.csv sii-tipo-dte.csv bsale-detalle-ventas.csv; do
	run --company 76086428-5 --format csv upload "$f"
	expect_rc 0
	expect_out_has '^[0-9]+,completed,([0-9]+),0,0,\1,0,0,0,'
done
cd "$T" || exit 1
check "still the same lines" test "$(snapshot)" = "$before"
check "still the same rollups" test "$(rollups)" = "$rbefore"

run --company 76086428-5 aggregate verify
expect_rc 0
check "still schema $LATEST" test "$(sqlite3 "$db" 'PRAGMA user_version')" = "$LATEST"

done_testing
