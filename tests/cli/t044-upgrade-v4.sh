#!/bin/sh
# t044-upgrade-v4.sh - a database made by the previous version (schema 4,
# tests/data/v4/database.sql: what ayni wrote for two companies from seven
# real-style exports, lines with and without a time of day, one upload
# deleted) upgrades in place to the schema with the hour rollup
# (schema/0005_hour_rollup.sql): the lines and the rollup tables that
# version wrote are untouched, agg_hour equals the raw lines' hours, the
# rollups verify, and every report reads byte for byte as that version
# wrote it (tests/data/v4/report-*: csv, table and two HTML pages with
# their weekday x hour heat maps), now from agg_hour instead of the lines.
# Then the triggers keep agg_hour exact under direct SQL.
. "$(dirname "$0")/lib.sh"

V4="$AYNI_TEST_DATA/v4"
LATEST=$(ls "$AYNI_SRC"/schema/[0-9][0-9][0-9][0-9]_*.sql | wc -l)
db="$T/old.db"
export AYNI_DB="$db"
sqlite3 "$db" <"$V4/database.sql"
sqlite3 "$db" "PRAGMA user_version = 4; PRAGMA application_id = 1635348073"
chmod 600 "$db"
check "the fixture is a version 4 database" test "$(sqlite3 "$db" 'PRAGMA user_version')" = 4
check "the fixture has lines with and without a time" test "$(sqlite3 "$db" "SELECT count(DISTINCT substr(transaction_date, 12) = '00:00:00') FROM raw_transactions")" = 2

snapshot() {
	sqlite3 -csv "$db" "SELECT * FROM raw_transactions ORDER BY id;
	    SELECT * FROM agg_day ORDER BY 1, 2;
	    SELECT * FROM agg_product_day ORDER BY 1, 2, 3, 4, 5;
	    SELECT * FROM agg_customer_day ORDER BY 1, 2, 3;
	    SELECT * FROM agg_category_day ORDER BY 1, 2, 3;
	    SELECT * FROM agg_period ORDER BY 1, 2;
	    SELECT * FROM agg_irregular ORDER BY 1, 2" | sha256sum
}
# The hours as the report read them from the lines before 0005.
raw_hours() {
	sqlite3 -csv "$db" "SELECT company_id, substr(transaction_date, 1, 10),
	    CAST(substr(transaction_date, 12, 2) AS INTEGER), count(*),
	    sum(net_revenue), sum(substr(transaction_date, 12) = '00:00:00')
	    FROM raw_transactions GROUP BY 1, 2, 3 ORDER BY 1, 2, 3"
}
hours() {
	sqlite3 -csv "$db" "SELECT * FROM agg_hour ORDER BY 1, 2, 3"
}
before=$(snapshot)

run_in "$PW" login --email root@example.cl --password-stdin
expect_rc 0
check "now at the latest schema ($LATEST)" test "$(sqlite3 "$db" 'PRAGMA user_version')" = "$LATEST"
check "lines and rollup tables untouched" test "$(snapshot)" = "$before"
check "agg_hour has rows" test "$(sqlite3 "$db" 'SELECT count(*) FROM agg_hour')" -gt 0
check "agg_hour is the lines' hours" test "$(hours)" = "$(raw_hours)"
check "integrity" test "$(sqlite3 "$db" 'PRAGMA integrity_check')" = ok
check "no rollup refresh left pending" test "$(sqlite3 "$db" 'SELECT count(*) FROM agg_deferred')" = 0

for c in 76086428-5 11111111-1; do
	run --company "$c" aggregate verify
	expect_rc 0
	for p in 2025-09 2025-10 2025-Q4; do
		run --company "$c" --format csv report --period "$p"
		expect_rc 0
		printf '%s\n' "$out" >"$T/got"
		check "report $c $p csv as version 4 wrote it" \
		    cmp -s "$T/got" "$V4/report-$c-$p.csv"
		run --company "$c" --format table report --period "$p"
		expect_rc 0
		printf '%s\n' "$out" >"$T/got"
		check "report $c $p table as version 4 wrote it" \
		    cmp -s "$T/got" "$V4/report-$c-$p.txt"
	done
done
run --company 76086428-5 report --period 2025-10 --html "$T/a.html"
expect_rc 0
check "the HTML page of a month, heat map and all" \
    cmp -s "$T/a.html" "$V4/report-76086428-5-2025-10.html"
run --company 11111111-1 report --period 2025-Q4 --html "$T/b.html"
expect_rc 0
check "the HTML page of a quarter" \
    cmp -s "$T/b.html" "$V4/report-11111111-1-2025-Q4.html"

# Direct SQL, outside any upload: the triggers keep agg_hour exact.
check "direct SQL runs" sqlite3 "$db" "PRAGMA foreign_keys = ON;
    UPDATE raw_transactions SET transaction_date = '2025-10-14 23:30:00'
	WHERE id = (SELECT min(id) FROM raw_transactions WHERE company_id = 1);
    UPDATE raw_transactions SET price_total = price_total + 100,
	is_return = 1 - is_return
	WHERE id = (SELECT max(id) FROM raw_transactions WHERE company_id = 1);
    DELETE FROM raw_transactions WHERE company_id = 2
	AND substr(transaction_date, 1, 7) = '2025-09';
    INSERT INTO raw_transactions (company_id, upload_id, line_no,
	transaction_date, transaction_id, product_id, quantity, price_total,
	processed_at)
	VALUES (1, 1, 99, '2025-10-14 00:00:00', 'T-new', 'P-new', 1000,
	12345, '2025-11-30 12:00:00'), (1, 1, 100, '2025-10-14 00:10:00',
	'T-new', 'P-new2', 1000, 100, '2025-11-30 12:00:00')"
check "the new lines are there" test "$(sqlite3 "$db" "SELECT count(*) FROM raw_transactions WHERE transaction_id = 'T-new'")" = 2
check "agg_hour follows updates, deletes and inserts" test "$(hours)" = "$(raw_hours)"
check "an emptied hour has no row" test "$(sqlite3 "$db" "SELECT count(*) FROM agg_hour WHERE company_id = 2 AND day LIKE '2025-09%' OR lines = 0")" = 0
for c in 76086428-5 11111111-1; do
	run --company "$c" aggregate verify
	expect_rc 0
done

# A wrong hour is found, and a rebuild puts it right.
sqlite3 "$db" "UPDATE agg_hour SET revenue = revenue + 1
    WHERE (company_id, day, hour) = (SELECT company_id, day, hour
	FROM agg_hour WHERE company_id = 1 LIMIT 1)"
run --company 76086428-5 aggregate verify
expect_rc 65
expect_err_has 'agg_hour'
run --company 76086428-5 aggregate rebuild
expect_rc 0
run --company 76086428-5 aggregate verify
expect_rc 0
check "rebuilt hours are the lines' hours" test "$(hours)" = "$(raw_hours)"

done_testing
