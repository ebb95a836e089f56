#!/bin/sh
# bench/benchmark.sh - how fast 'ayni benchmark' answers in a database of
# many companies (docs/contract.md §7 / issue 11: 200 companies x 24 months,
# under 100 ms).  Builds the database with 'ayni sample --companies' and one
# upload per shop, all of one industry and opted in (the worst case: every
# company is read), then times the command.  Prints figures; asserts
# nothing.
#
#   sh bench/benchmark.sh [COMPANIES [ROWS]]   (default 200 and 3000 lines
#                                              for the first shop; needs
#                                              build/ayni)
#
# Set KEEP=DIR to build the database in DIR and keep it for another run.
set -eu
cd "$(dirname "$0")/.."
companies=${1:-200}
rows=${2:-3000}
ayni=${AYNI:-$PWD/build/ayni}
tmp=${KEEP:-$(mktemp -d)}
[ -n "${KEEP:-}" ] || trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp"
export HOME="$tmp" XDG_CONFIG_HOME="$tmp/cfg" AYNI_DB="$tmp/ayni.db"
unset AYNI_TOKEN AYNI_FORMAT

now_ms() { date +%s%3N; }

# rut N: a valid RUT for shop N (mod-11 check digit).
rut() {
	awk -v b="$((77000000 + $1))" 'BEGIN { s = 0; w = 2
	    for (i = length(b); i > 0; i--) {
		s += substr(b, i, 1) * w; w = w == 7 ? 2 : w + 1 }
	    d = 11 - s % 11
	    printf "%s-%s\n", b, d == 11 ? "0" : d == 10 ? "K" : d }'
}

if [ ! -e "$AYNI_DB" ]; then
	t0=$(now_ms)
	"$ayni" -q sample --companies "$companies" --out "$tmp/shops" \
	    --rows "$rows" --seed 11 --from 2024-01-01 --days 731 >/dev/null
	echo 'bench-password-1' | "$ayni" -q init --email b@ayni.cl \
	    --password-stdin
	i=1
	while [ "$i" -le "$companies" ]; do
		r=$(rut "$i")
		"$ayni" -q company add --rut "$r" --name "Tienda $i" \
		    --industry retail --benchmark on
		"$ayni" -q --company "$r" upload \
		    "$tmp/shops/company-$(printf %02d "$i").csv" >/dev/null
		i=$((i + 1))
	done
	t1=$(now_ms)
	echo "built: $companies companies, $(sqlite3 "$AYNI_DB" \
	    'SELECT count(*) FROM raw_transactions') lines, $(sqlite3 \
	    "$AYNI_DB" 'SELECT count(*) FROM agg_day') company-days in \
	    $(((t1 - t0) / 1000)) s"
fi

# time LABEL ARGS...: best and median of 11 runs, in ms
time_it() {
	label=$1
	shift
	n=0
	: >"$tmp/times"
	while [ $n -lt 11 ]; do
		t0=$(now_ms)
		"$ayni" --company "$(rut 1)" --format json benchmark "$@" \
		    >/dev/null
		t1=$(now_ms)
		echo $((t1 - t0)) >>"$tmp/times"
		n=$((n + 1))
	done
	sort -n "$tmp/times" | awk -v l="$label" '
	    { t[NR] = $1 } END { printf "%-40s best %3d ms, median %3d ms\n",
	    l, t[1], t[6] }'
}

time_it "ayni benchmark (latest month, 6 metrics)"
time_it "ayni benchmark --period 2025-Q3" --period 2025-Q3
time_it "ayni benchmark --period 2025" --period 2025
t0=$(now_ms)
"$ayni" -q benchmark refresh
t1=$(now_ms)
echo "ayni benchmark refresh: $((t1 - t0)) ms," \
    "$(sqlite3 "$AYNI_DB" 'SELECT count(*) FROM benchmarks') rows"
sleep 1	# stored rows count only when strictly newer than the data
time_it "ayni benchmark, stored statistics fresh"
# the floor of the process: open, migrate check, session, company
t0=$(now_ms)
n=0
while [ $n -lt 11 ]; do
	"$ayni" --company "$(rut 1)" --format json company show >/dev/null
	n=$((n + 1))
done
t1=$(now_ms)
echo "for scale, 'ayni company show': $(((t1 - t0) / 11)) ms mean"
