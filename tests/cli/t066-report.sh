#!/bin/sh
# t066-report.sh - 'ayni report': the numbers of a real export equal
# 'ayni aggregate' for the same period and the hand totals of
# examples/README.md; default period (latest full month), changes against
# the previous period, ABC and Pareto from the product level, the text
# head, --html written atomically with the same numbers, a period without
# sales, usage errors and roles.
. "$(dirname "$0")/lib.sh"

EX="$AYNI_SRC/examples"
R=76.123.456-0
new_db
run company add --rut "$R" --name 'Minimarket Uno'
expect_rc 0
run report
expect_rc 1
expect_err "ayni: $R has no sales yet: upload a file first"
run -q upload "$EX/ventas-minimarket-cp1252.csv"
expect_rc 0

# field NAME of the one csv record in $out
field() {
	printf '%s\n' "$out" | tr -d '\r' | python3 -c '
import csv, sys
rows = list(csv.DictReader(sys.stdin))
print(rows[0][sys.argv[1]])' "$1"
}

# --- default period: the latest sale is 2025-10-31? no: the latest full
# month is September, whose previous month has no sales ---
run --format csv report
expect_rc 0
check "default period" test "$(field period)" = 2025-09
check "september revenue (examples/README.md)" test "$(field revenue)" = 62407.94
check "no previous month" test "$(field prev_revenue)" = ""

# --- October: every KPI equals aggregate's month row ---
run --format csv report --period 2025-10
expect_rc 0
report=$out
run --format csv aggregate --level month
agg=$(printf '%s\n' "$out" | tr -d '\r' | grep '^2025-10,')
check "aggregate row" test "$agg" = \
    "2025-10,82972.11,45.259,10,23,8297.21,4,14,,,,0,1"
out=$report
check "revenue = aggregate" test "$(field revenue)" = "$(echo "$agg" | cut -d, -f2)"
check "units = aggregate" test "$(field units)" = "$(echo "$agg" | cut -d, -f3)"
check "transactions = aggregate" test "$(field transactions)" = "$(echo "$agg" | cut -d, -f4)"
check "lines = aggregate" test "$(field lines)" = "$(echo "$agg" | cut -d, -f5)"
check "avg_ticket = aggregate" test "$(field avg_ticket)" = "$(echo "$agg" | cut -d, -f6)"
check "customers = aggregate" test "$(field customers)" = "$(echo "$agg" | cut -d, -f7)"
check "products = aggregate" test "$(field products)" = "$(echo "$agg" | cut -d, -f8)"
check "returns = aggregate" test "$(field returns)" = "$(echo "$agg" | cut -d, -f13)"
# (82972.11 - 62407.94) / 62407.94 = 32.951 %
check "previous month" test "$(field prev_period),$(field prev_revenue),$(field revenue_change_pct)" = "2025-09,62407.94,32.95"
check "a year before: no sales" test "$(field year_ago_period),$(field year_ago_revenue)" = "2024-10,"
check "no costs, no band" test "$(field margin_pct),$(field margin_band)" = ","

# products and categories: aggregate --level product for the same days
run --format csv aggregate --level product --from 2025-10-01 --to 2025-10-31
prod=$(printf '%s\n' "$out" | tr -d '\r' | sed 1d)
out=$report
check "top product" test "$(field top_product)" = "$(echo "$prod" | head -1 | cut -d, -f1)"
for k in A B C; do
	n=$(echo "$prod" | awk -F, -v k=$k '$13 == k' | wc -l)
	lk=$(echo "$k" | tr ABC abc)
	check "abc $k = aggregate" test "$(field abc_$lk)" = "$n"
done
check "abc counts" test "$(field abc_a),$(field abc_b),$(field abc_c)" = "7,4,3"
# Pareto: 7 A products make 79.85 %, the 8th reaches 80 %
check "pareto" test "$(field pareto_products)" = 8
check "top category" test "$(field top_category)" = "Bebidas"
check "weekday and hour" test "$(field best_weekday),$(field worst_weekday),$(field peak_hour)" = "Wednesday,Saturday,10"
check "benchmark note" test "$(field benchmark_note)" = "$R has not opted in to benchmarks, so it is neither compared nor counted: run 'ayni company edit $R --benchmark on' to take part"

# --- the text a shop owner reads ---
run --format table report --period 2025-10
expect_rc 0
check "head line" test "$(printf '%s\n' "$out" | head -1)" = \
    "Minimarket Uno  $R  2025-10 (2025-10-01 to 2025-10-31)"
expect_out_has '^revenue +\$82\.972 +\$62\.408 +\+32,95 % +- *$'
expect_out_has '^transactions +10 +8 +\+25,00 %'
expect_out_has '^units +45,259 +23,786 '
expect_out_has '^margin: no costs in the data$'
expect_out_has '^returns: 1 of 23 lines$'
expect_out_has '^top products: 14 sold; ABC: A 7, B 4, C 3; 8 make 80 % of the revenue$'
expect_out_has '^   1  7802100001893  Cerveza lata 470 cc +\$17\.820 +21,48 %  A$'
expect_out_has '^   1  Bebidas +\$23\.800 +28,68 %$'
expect_out_has '^weekdays: best Wednesday \(\$25\.744 on 1 day\), worst Saturday'
expect_out_has '^peak hour: 10:00-10:59 \(\$15\.120\)$'
expect_out_has "^benchmark: not available: $R has not opted in"

# a quarter: the same whole-period numbers as --level quarter
run --format csv report --period 2025-Q4
check "quarter revenue" test "$(field revenue),$(field prev_period),$(field prev_revenue)" = "82972.11,2025-Q3,62407.94"

# a period without sales is a report that says so
run --format table report --period 2024-01
expect_rc 0
expect_out_has '^no sales in 2024-01 \(latest sale: 2025-10-[0-9]{2}\)$'

# --- --html: a file, written atomically, with the same numbers ---
run report --period 2025-10 --html "$T/r.html"
expect_rc 0
expect_out ""
expect_err "ayni: report of $R for 2025-10 written to '$T/r.html'"
check "html mode 0600" test "$(stat -c %a "$T/r.html")" = 600
check "html revenue" grep -q 'data-k="revenue" data-v="82972.11">\$82.972<' "$T/r.html"
check "html previous revenue" grep -q 'data-k="prev_revenue" data-v="62407.94"' "$T/r.html"
check "html pareto" grep -q 'data-k="pareto_products" data-v="8"' "$T/r.html"
check "html has svg charts" test "$(grep -c '<svg ' "$T/r.html")" = 3
check "html has no script" sh -c "! grep -qi '<script' '$T/r.html'"
check "html fetches nothing" sh -c "! grep -qiE '(src|href)=|url\\(|@import' '$T/r.html'"
check "html prints on A4" grep -q '@page{size:A4' "$T/r.html"
ln -s "$T/r.html" "$T/link.html"
run report --period 2025-10 --html "$T/link.html"
expect_rc 73
check "no temporary files left" test "$(ls "$T" | grep -c '^\.\?r\.html\..\|tmp')" = 0
run report --period 2025-10 --html "$T/nodir/r.html"
expect_rc 73

# --- on a terminal, company data starts with a caption; not in a pipe ---
script -qec "'$AYNI' aggregate --from 2025-10-01" /dev/null >"$T/pty.out" 2>&1
check "caption on a terminal" test "$(head -1 "$T/pty.out" | tr -d '\r')" = \
    "Minimarket Uno  $R  2025-10-01 to last sale"
script -qec "'$AYNI' aggregate" /dev/null >"$T/pty.out" 2>&1
check "caption: all dates" test "$(head -1 "$T/pty.out" | tr -d '\r')" = \
    "Minimarket Uno  $R  all dates"
script -qec "'$AYNI' report --period 2025-10" /dev/null >"$T/pty.out" 2>&1
check "the report has its own head, no caption" test \
    "$(head -1 "$T/pty.out" | tr -d '\r')" = \
    "Minimarket Uno  $R  2025-10 (2025-10-01 to 2025-10-31)"
run --format table aggregate
check "no caption in a pipe" test "$(printf '%s\n' "$out" | head -1 | cut -c1-6)" = period
# whoami: the company commands would use, and the role in it
run --format csv whoami
expect_out_has "^root@example.cl,,1,session,,[0-9: -]+,$R,Minimarket Uno,owner"

# --- usage ---
run report --period 2025-13
expect_rc 64
expect_err_has "^ayni: invalid period '2025-13': expected a month \(2025-10\), a quarter \(2025-Q4\) or a year \(2025\)$"
run report extra
expect_rc 64

# --- roles: a viewer reads the text; csv and json are an export ---
run_in "$PW" user add --email viewer@x.cl --password-stdin
run company member add "$R" --email viewer@x.cl --role viewer
expect_rc 0
XDG_CONFIG_HOME="$T/cfg-viewer"
run_in "$PW" login --email viewer@x.cl --password-stdin
run report --period 2025-10
expect_rc 0
expect_out_has '^revenue +\$82\.972'
run --format csv report --period 2025-10
expect_rc 77
expect_err "ayni: permission denied: a viewer of '$R' cannot export: use --format table"
run logout
run report
expect_rc 77
expect_out ""

done_testing
