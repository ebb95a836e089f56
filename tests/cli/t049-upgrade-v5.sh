#!/bin/sh
# t049-upgrade-v5.sh - a database made by the previous version (schema 5,
# tests/data/v5/database.sql: the database of t044 as version 5 upgraded
# and left it) upgrades in place to the schema with the customers' months
# (schema/0006_customer_month.sql): the lines and the rollup tables that
# version wrote are untouched, agg_customer_month holds the sums of
# agg_customer_day per customer and month, the rollups verify, and every
# level prints byte for byte what version 5 printed (tests/data/v5/*:
# csv of every level, the customer level also for ranges that cut months
# and as a table, and a report).  Then the triggers keep the months exact
# under direct SQL, and a wrong month is found and rebuilt.
. "$(dirname "$0")/lib.sh"

V5="$AYNI_TEST_DATA/v5"
LATEST=$(ls "$AYNI_SRC"/schema/[0-9][0-9][0-9][0-9]_*.sql | wc -l)
db="$T/old.db"
export AYNI_DB="$db"
sqlite3 "$db" <"$V5/database.sql"
sqlite3 "$db" "PRAGMA user_version = 5; PRAGMA application_id = 1635348073"
chmod 600 "$db"
check "the fixture is a version 5 database" test "$(sqlite3 "$db" 'PRAGMA user_version')" = 5

snapshot() {
	sqlite3 -csv "$db" "SELECT * FROM raw_transactions ORDER BY id;
	    SELECT * FROM agg_day ORDER BY 1, 2;
	    SELECT * FROM agg_product_day ORDER BY 1, 2, 3, 4, 5;
	    SELECT * FROM agg_customer_day ORDER BY 1, 2, 3;
	    SELECT * FROM agg_category_day ORDER BY 1, 2, 3;
	    SELECT * FROM agg_period ORDER BY 1, 2;
	    SELECT * FROM agg_irregular ORDER BY 1, 2;
	    SELECT * FROM agg_hour ORDER BY 1, 2, 3" | sha256sum
}
# The months as the day rows give them, and as the table holds them.
day_months() {
	sqlite3 -csv "$db" "SELECT company_id, customer_id, substr(day, 1, 7),
	    sum(lines), sum(revenue), sum(trans), count(*), min(day), max(day)
	    FROM agg_customer_day GROUP BY 1, 2, 3 ORDER BY 1, 2, 3"
}
months() {
	sqlite3 -csv "$db" "SELECT * FROM agg_customer_month ORDER BY 1, 2, 3"
}
before=$(snapshot)

run_in "$PW" login --email root@example.cl --password-stdin
expect_rc 0
check "now at the latest schema ($LATEST)" test "$(sqlite3 "$db" 'PRAGMA user_version')" = "$LATEST"
check "lines and rollup tables untouched" test "$(snapshot)" = "$before"
check "agg_customer_month has rows" test "$(sqlite3 "$db" 'SELECT count(*) FROM agg_customer_month')" -gt 0
check "agg_customer_month is the day rows' months" test "$(months)" = "$(day_months)"
check "integrity" test "$(sqlite3 "$db" 'PRAGMA integrity_check')" = ok

# every level, and the customer level over ranges, as version 5 wrote them
same_as_v5() {
	for c in 76086428-5 11111111-1; do
		run --company "$c" aggregate verify
		expect_rc 0
		for l in day week month quarter year product customer \
		    category; do
			run --company "$c" --format csv aggregate --level "$l"
			expect_rc 0
			printf '%s\n' "$out" >"$T/got"
			check "$1: $c $l as version 5 wrote it" \
			    cmp -s "$T/got" "$V5/$c-$l.csv"
		done
		for r in "cut 2025-09-10 2025-10-20" \
		    "month 2025-10-01 2025-10-31" \
		    "inside 2025-10-03 2025-10-17"; do
			set -- $r
			run --company "$c" --format csv aggregate --level \
			    customer --from "$2" --to "$3"
			expect_rc 0
			printf '%s\n' "$out" >"$T/got"
			check "$1: $c customers $2..$3 as version 5 wrote it" \
			    cmp -s "$T/got" "$V5/$c-customer-$1.csv"
		done
		run --company "$c" --format table aggregate --level customer
		expect_rc 0
		printf '%s\n' "$out" >"$T/got"
		check "$c customer table as version 5 wrote it" \
		    cmp -s "$T/got" "$V5/$c-customer.txt"
		run --company "$c" --format csv report --period 2025-10
		expect_rc 0
		printf '%s\n' "$out" >"$T/got"
		check "$c report as version 5 wrote it" \
		    cmp -s "$T/got" "$V5/$c-report-2025-10.csv"
	done
}
same_as_v5 upgraded

# A rebuild writes the same months (the refresh engine's part).
for c in 76086428-5 11111111-1; do
	run --company "$c" aggregate rebuild
	expect_rc 0
done
check "rebuilt months are the day rows' months" test "$(months)" = "$(day_months)"
same_as_v5 rebuilt

# Direct SQL, outside any upload: the triggers keep the months exact,
# through inserts, updates (sums, a customer, a day into another month)
# and deletes, and a day row moved by hand.
check "direct SQL runs" sqlite3 "$db" "PRAGMA foreign_keys = ON;
    UPDATE raw_transactions SET transaction_date = '2025-11-02 10:00:00'
	WHERE id = (SELECT min(id) FROM raw_transactions WHERE company_id = 2
	AND customer_id IS NOT NULL);
    UPDATE raw_transactions SET price_total = price_total + 100,
	is_return = 1 - is_return, customer_id = 'C-moved'
	WHERE id = (SELECT max(id) FROM raw_transactions WHERE company_id = 2
	AND customer_id IS NOT NULL);
    DELETE FROM raw_transactions WHERE company_id = 1
	AND substr(transaction_date, 1, 7) = '2025-09';
    INSERT INTO raw_transactions (company_id, upload_id, line_no,
	transaction_date, transaction_id, product_id, quantity, price_total,
	customer_id, processed_at)
	VALUES (1, 1, 99, '2025-10-14 00:00:00', 'T-new', 'P-new', 1000,
	12345, 'C-new', '2025-11-30 12:00:00'), (1, 1, 100,
	'2025-10-15 00:10:00', 'T-new2', 'P-new2', 1000, 100, 'C-new',
	'2025-11-30 12:00:00')"
check "the new customer has one month" test "$(sqlite3 "$db" "SELECT days || ' ' || first_day || ' ' || last_day FROM agg_customer_month WHERE customer_id = 'C-new'")" = "2 2025-10-14 2025-10-15"
check "months follow inserts, updates and deletes" test "$(months)" = "$(day_months)"
check "an emptied month has no row" test "$(sqlite3 "$db" "SELECT count(*) FROM agg_customer_month WHERE company_id = 1 AND month = '2025-09' OR lines = 0")" = 0
check "a day row moved by hand moves its month" sqlite3 "$db" "UPDATE agg_customer_day SET day = '2025-12-01' WHERE customer_id = 'C-new' AND day = '2025-10-15'"
check "months follow a moved day row" test "$(months)" = "$(day_months)"
for c in 76086428-5 11111111-1; do
	run --company "$c" aggregate rebuild
	expect_rc 0
	run --company "$c" aggregate verify
	expect_rc 0
done

# A wrong month is found, and a rebuild puts it right.
sqlite3 "$db" "UPDATE agg_customer_month SET revenue = revenue + 1
    WHERE (company_id, customer_id, month) = (SELECT company_id,
	customer_id, month FROM agg_customer_month WHERE company_id = 2
	LIMIT 1)"
run --company 11111111-1 aggregate verify
expect_rc 65
expect_err_has "customer_aggregations: company 2 customer_id '.*': revenue"
run --company 11111111-1 aggregate rebuild
expect_rc 0
run --company 11111111-1 aggregate verify
expect_rc 0
check "rebuilt months are the day rows' months" test "$(months)" = "$(day_months)"

done_testing
