#!/bin/sh
# t060-aggregate.sh - 'ayni aggregate': every level from a real export,
# totals equal to the ones computed by hand in examples/README.md, range
# and --top, verify (ok, and exit 65 naming a tampered rollup), rebuild,
# direct sqlite3 changes kept consistent by the triggers, usage errors.
. "$(dirname "$0")/lib.sh"

EX="$AYNI_SRC/examples"
new_db
run company add --rut 76.123.456-0 --name 'Minimarket Uno'
expect_rc 0
run -q upload "$EX/ventas-minimarket-cp1252.csv"
expect_rc 0
db=$AYNI_DB

# --- months: the hand totals of examples/README.md ---
run --format csv aggregate
expect_rc 0
# csv lines end in CRLF (RFC 4180)
check "monthly csv" test "$(printf '%s\n' "$out" | tr -d '\r')" = \
"period,revenue,units,transactions,lines,avg_ticket,customers,products,cost,margin,margin_pct,discount,returns
2025-09,62407.94,23.786,8,18,7800.99,4,14,,,,0,1
2025-10,82972.11,45.259,10,23,8297.21,4,14,,,,0,1"

run --format json aggregate --level week --from 2025-10-01
expect_rc 0
expect_out '[
  {"period": "2025-W40", "revenue": 82972.11, "units": 45.259, "transactions": 10, "lines": 23, "avg_ticket": 8297.21, "customers": 4, "products": 14, "cost": null, "margin": null, "margin_pct": null, "discount": 0, "returns": 1}
]'

# every level answers, with its header
for level in day week month quarter year product customer category; do
	run --format csv aggregate --level "$level"
	expect_rc 0
done
run --format csv aggregate --level quarter
expect_out_has '^2025-Q3,62407\.94,'
expect_out_has '^2025-Q4,82972\.11,'
run --format csv aggregate --level year
expect_out_has '^2025,145380\.05,69\.045,18,41,'
run --format csv aggregate --level product --top 2
expect_rc 0
check "product --top 2 gives 2 rows" test "$(printf '%s\n' "$out" | wc -l)" -eq 3
expect_out_has '^product_id,description,category,revenue,units,transactions,margin,margin_pct,velocity,first_sale,last_sale,share_pct,abc,quadrant'
run --format csv aggregate --level category --to 2025-09-30
expect_rc 0
expect_out_has '^category,revenue,units,products,transactions,margin,margin_pct,share_pct'

# --- verify and rebuild ---
run aggregate verify
expect_rc 0
expect_err 'ayni: rollups of 76.123.456-0 match the raw lines'
sqlite3 "$db" "UPDATE agg_day SET revenue = revenue + 1 WHERE day = '2025-10-01'"
run aggregate verify
expect_rc 65
expect_err_has "^ayni: daily_aggregations: company 1 period '2025-10-01': revenue expected [0-9]+, found [0-9]+ \(5 differences\)"
run aggregate rebuild
expect_rc 0
expect_err 'ayni: rebuilt the rollups of 76.123.456-0'
run aggregate verify
expect_rc 0

# --- plain sqlite3 on raw_transactions: the triggers keep up ---
sqlite3 "$db" "DELETE FROM raw_transactions WHERE transaction_date < '2025-09-30';
    UPDATE raw_transactions SET is_return = 1 - is_return WHERE id % 3 = 0;
    UPDATE raw_transactions SET transaction_date = '2025-12-31 10:00:00'
        WHERE id % 5 = 0"
run aggregate verify
expect_rc 0
check "views equal their recomputation" test -z "$(sqlite3 "$db" \
    "SELECT * FROM monthly_aggregations EXCEPT
     SELECT * FROM agg_expected_monthly")"

# --- usage ---
run aggregate --level weekly
expect_rc 64
expect_err_has "^ayni: invalid --level 'weekly': use day, week, month, quarter, year, product, customer or category$"
run aggregate --from 2025-02-30
expect_rc 64
expect_err_has "^ayni: invalid --from '2025-02-30': use YYYY-MM-DD$"
run aggregate --from 2025-10-02 --to 2025-10-01
expect_rc 64
run aggregate --top 0
expect_rc 64

done_testing
