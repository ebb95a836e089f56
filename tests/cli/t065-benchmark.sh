#!/bin/sh
# t065-benchmark.sh - 'ayni benchmark' on ten tiny retail shops whose
# numbers are computed by hand: the 9/10 floor with its exact message,
# opt-in (a company that did not opt in sees nothing and counts for
# nothing), json and csv values, the table, each period kind, usage errors,
# who may see what, and 'benchmark refresh' writing anonymous rows that a
# later benchmark reads until the data changes.
. "$(dirname "$0")/lib.sh"

new_db
db=$AYNI_DB

# rut N: the RUT of shop N (body 77000000 + N, mod-11 check digit).
rut() {
	awk -v b="$((77000000 + $1))" 'BEGIN { s = 0; w = 2
	    for (i = length(b); i > 0; i--) {
		s += substr(b, i, 1) * w; w = w == 7 ? 2 : w + 1 }
	    d = 11 - s % 11
	    printf "%s-%s\n", b, d == 11 ? "0" : d == 10 ? "K" : d }'
}

# Shop N sells one ticket of N x $1.000 on 2025-10-10 and one of $100 on
# 2025-11-02: its latest full month is October.  No costs, no customers.
shop() {
	printf 'fecha;boleta;sku;cantidad;total\n10-10-2025;1;A;1;%d\n02-11-2025;2;B;2;100\n' \
	    "$(($1 * 1000))" >"shop$1.csv"
	run company add --rut "$(rut "$1")" --name "Tienda $1" --industry retail \
	    --benchmark "$2"
	expect_rc 0
	run -q --company "$(rut "$1")" upload "shop$1.csv"
	expect_rc 0
}

for i in 1 2 3 4 5 6 7 8 9; do
	shop "$i" on
done
# a food shop and a retail shop that did not opt in: never counted
shop 11 on
run company edit "$(rut 11)" --industry food
expect_rc 0
shop 10 off
R3=$(rut 3)

# --- below the floor: only the count ---
run --company "$R3" benchmark
expect_rc 69
expect_out ""
expect_err "ayni: needs 10 companies, has 9 (opted-in retail companies with sales in 2025-10)"
run --company "$R3" --format json benchmark --metric revenue --period 2025-Q4
expect_rc 69
expect_err "ayni: needs 10 companies, has 9 (opted-in retail companies with sales in 2025-Q4)"

# --- not opted in: no comparison, and a way out ---
run --company "$(rut 10)" benchmark
expect_rc 69
expect_out ""
expect_err "ayni: 77.000.010-6 has not opted in to benchmarks, so it is neither compared nor counted: run 'ayni company edit 77.000.010-6 --benchmark on' to take part"
run company edit "$(rut 10)" --benchmark on
expect_rc 0

# --- ten: revenue 1000 .. 10000; type 7 gives 3250, 5500, 7750 ---
run --company "$R3" --format json benchmark --metric revenue
expect_rc 0
expect_err ""
expect_out '{"industry": "retail", "period": "2025-10", "metric": "revenue", "companies": 10, "p25": 3250, "p50": 5500, "p75": 7750, "mean": 5500, "value": 3000, "percentile": 17}'
run --company "$(rut 1)" --format json benchmark --metric revenue
expect_out_has '"value": 1000, "percentile": 0}$'
run --company "$(rut 10)" --format json benchmark --metric revenue
expect_out_has '"value": 10000, "percentile": 100}$'
# every metric: an array; no costs and no customer ids: only the count (0)
run --company "$R3" --format json benchmark
expect_rc 0
expect_out '[
  {"industry": "retail", "period": "2025-10", "metric": "revenue", "companies": 10, "p25": 3250, "p50": 5500, "p75": 7750, "mean": 5500, "value": 3000, "percentile": 17},
  {"industry": "retail", "period": "2025-10", "metric": "transactions", "companies": 10, "p25": 1, "p50": 1, "p75": 1, "mean": 1, "value": 1, "percentile": 39},
  {"industry": "retail", "period": "2025-10", "metric": "avg_ticket", "companies": 10, "p25": 3250, "p50": 5500, "p75": 7750, "mean": 5500, "value": 3000, "percentile": 17},
  {"industry": "retail", "period": "2025-10", "metric": "margin_pct", "companies": 0, "p25": null, "p50": null, "p75": null, "mean": null, "value": null, "percentile": null},
  {"industry": "retail", "period": "2025-10", "metric": "customers", "companies": 0, "p25": null, "p50": null, "p75": null, "mean": null, "value": null, "percentile": null},
  {"industry": "retail", "period": "2025-10", "metric": "units", "companies": 10, "p25": 1, "p50": 1, "p75": 1, "mean": 1, "value": 1, "percentile": 39}
]'
run --company "$R3" --format csv benchmark --metric avg_ticket
expect_out_has '^industry,period,metric,companies,p25,p50,p75,mean,value,percentile'
expect_out_has '^retail,2025-10,avg_ticket,10,3250,5500,7750,5500,3000,17'
# asked alone, a metric nobody has is below the floor
run --company "$R3" benchmark --metric margin_pct
expect_rc 69
expect_err "ayni: 77.000.003-3 has no margin_pct in 2025-10 (no line with a cost): nothing to compare"

# --- the table, for people ---
run --company "$R3" --format table benchmark --metric revenue
expect_rc 0
expect_err "ayni: Tienda 3 (77.000.003-3) among the opted-in retail companies, 2025-10"
expect_out "metric   you     standing                p25     median  p75     mean
revenue  \$3.000  above 17 % of 9 others  \$3.250  \$5.500  \$7.750  \$5.500"
run --company "$(rut 10)" --format table benchmark
expect_out_has '^revenue +\$10\.000 +highest of 10 '
expect_out_has '^margin_pct +you have none: not compared *$'

# --- periods: the quarter and the year add November's $100 ---
run --company "$R3" --format csv benchmark --metric revenue --period 2025-Q4
expect_rc 0
expect_out_has '^retail,2025-Q4,revenue,10,3350,5600,7850,5600,3100,17'
run --company "$R3" --format csv benchmark --metric units --period 2025
expect_out_has '^retail,2025,units,10,3,3,3,3,3,39'
run --company "$R3" --format csv benchmark --metric revenue --period 2025-11
expect_out_has '^retail,2025-11,revenue,10,100,100,100,100,100,39'
run --company "$R3" benchmark --period 2025-09
expect_rc 69
expect_err "ayni: 77.000.003-3 has no sales in 2025-09: nothing to compare"

# --- usage ---
run --company "$R3" benchmark --period 2025-13
expect_rc 64
expect_err_has "^ayni: invalid period '2025-13': expected a month \(2025-10\), a quarter \(2025-Q4\) or a year \(2025\)$"
run --company "$R3" benchmark --metric profit
expect_rc 64
expect_err_has "^ayni: invalid --metric 'profit': use revenue, transactions, avg_ticket, margin_pct, customers or units$"
run --company "$R3" benchmark extra
expect_rc 64

# --- permissions: view for the table, export for csv and json ---
for u in viewer analyst outsider; do
	run_in "$PW" user add --email "$u@x.cl" --password-stdin
	expect_rc 0
done
run company member add "$R3" --email viewer@x.cl --role viewer
expect_rc 0
run company member add "$R3" --email analyst@x.cl --role analyst
expect_rc 0
root_cfg=$XDG_CONFIG_HOME
for u in viewer analyst outsider; do
	XDG_CONFIG_HOME="$T/cfg-$u"
	run_in "$PW" login --email "$u@x.cl" --password-stdin
	expect_rc 0
	case $u in
	viewer)
		run --company "$R3" benchmark --metric revenue
		expect_rc 0
		expect_out_has '^revenue +\$3\.000 +above 17 % of 9 others'
		run --company "$R3" --format json benchmark
		expect_rc 77
		expect_err "ayni: permission denied: a viewer of '77.000.003-3' cannot export: use --format table" ;;
	analyst)
		run --company "$R3" --format json benchmark --metric revenue
		expect_rc 0
		expect_out_has '"value": 3000, "percentile": 17}$' ;;
	outsider)
		run --company "$R3" benchmark
		expect_rc 77
		expect_out "" ;;
	esac
done
XDG_CONFIG_HOME=$root_cfg
run logout
expect_rc 0
run --company "$R3" benchmark
expect_rc 77
run benchmark refresh
expect_rc 77
run_in "$PW" login --email root@example.cl --password-stdin
expect_rc 0

# --- refresh: anonymous rows, read back until the data changes ---
run benchmark refresh
expect_rc 0
# retail: 2025-10, 2025-11, 2025-Q4, 2025 x revenue, transactions,
# avg_ticket, units (nobody has costs or customers)
expect_err "ayni: stored 16 benchmark rows"
check "benchmarks has no company column" test \
    "$(sqlite3 "$db" "SELECT group_concat(name, ' ') FROM pragma_table_info('benchmarks')")" = \
    "id industry metric_name period period_type sample_size value percentile_25 percentile_50 percentile_75 created_at updated_at"
check "benchmarks rows" test \
    "$(sqlite3 "$db" "SELECT industry, period_type, sample_size, value, percentile_25, percentile_50, percentile_75 FROM benchmarks WHERE metric_name = 'revenue' ORDER BY period")" = \
"retail|yearly|10|5600.0|3350.0|5600.0|7850.0
retail|monthly|10|5500.0|3250.0|5500.0|7750.0
retail|monthly|10|100.0|100.0|100.0|100.0
retail|quarterly|10|5600.0|3350.0|5600.0|7850.0"
# the refresh and this run may share a second: a stored row must be
# strictly newer than the data, so wait for the next one
sleep 1
run -v --company "$R3" --format csv benchmark --metric revenue
expect_rc 0
expect_err "ayni: statistics from the benchmarks table ('ayni benchmark refresh')"
expect_out_has '^retail,2025-10,revenue,10,3250,5500,7750,5500,3000,17'
# a new upload makes them stale: recomputed (shop 10 sells $20.000 more)
printf 'fecha;boleta;sku;cantidad;total\n11-10-2025;3;C;1;20000\n' >more.csv
run -q --company "$(rut 10)" upload more.csv
expect_rc 0
run -v --company "$R3" --format csv benchmark --metric revenue
expect_err "ayni: statistics computed now: none stored, or older than the data"
expect_out_has '^retail,2025-10,revenue,10,3250,5500,7750,7500,3000,17'
# and a company opting out is a change too: below the floor again
run company edit "$(rut 1)" --benchmark off
expect_rc 0
run --company "$R3" benchmark
expect_rc 69
expect_err "ayni: needs 10 companies, has 9 (opted-in retail companies with sales in 2025-10)"
run benchmark refresh
expect_err "ayni: stored 0 benchmark rows"
check "no rows below the floor" test \
    "$(sqlite3 "$db" "SELECT count(*) FROM benchmarks")" = 0

# --help's usage lines are the manual's SYNOPSIS (t090 checks the rest).
run benchmark --help
expect_rc 0
expect_out_has '^usage: ayni benchmark \[--period PERIOD\] \[--metric METRIC\]$'

done_testing
