#!/bin/sh
# t046-real-exports.sh - the real-export corpus (tests/data/exports/):
# each file, uploaded with NO flags into a fresh company, gives exactly
# the monthly revenue, units, transactions, lines and returns of
# expected.csv (written by truth.py from the same data as the file, not
# by parsing it), and 'aggregate verify' passes.
# Files listed in pending.txt need a feature ayni lacks yet: their
# failure is printed as "pending" and not counted; a pending file that
# passes IS a failure ("now works: remove it from pending.txt"), so the
# list can only shrink.
. "$(dirname "$0")/lib.sh"

X="$AYNI_TEST_DATA/exports"
new_db

# rut N: a valid RUT with body N (mod 11, as src/lib/rut.c).
rut() {
	awk -v b="$1" 'BEGIN { s = 0; m = 2
	    for (i = length(b); i > 0; i--) {
		s += substr(b, i, 1) * m; m = m == 7 ? 2 : m + 1 }
	    r = 11 - s % 11
	    printf "%s-%s\n", b, r == 11 ? "0" : r == 10 ? "K" : r }'
}

# norm: CSV period rows -> "month,revenue,units,transactions,lines,returns"
# with numbers normalised (2 and 3 decimals).
# Empty units (a month without products) stay empty, not 0.000.
norm_actual() {
	awk -F, 'NR > 1 { printf "%s,%.2f,%s,%d,%d,%d\n", $1, $2,
	    $3 == "" ? "" : sprintf("%.3f", $3), $4, $5, $13 }'
}
norm_expected() {
	awk -F, -v f="$1" '$1 == f { printf "%s,%.2f,%s,%d,%d,%d\n", $2, $3,
	    $4 == "" ? "" : sprintf("%.3f", $4), $5, $6, $7 }' "$X/expected.csv"
}

is_pending() {
	grep -q "^$1\([[:space:]]\|$\)" "$X/pending.txt"
}

n=0
files=$(awk -F, 'NR > 1 && !seen[$1]++ { print $1 }' "$X/expected.csv")
for f in $files; do
	n=$((n + 1))
	r=$(rut $((77000000 + n)))
	C="--company $r"
	why=
	run company add --rut "$r" --name "Corpus $n"
	[ "$rc" -eq 0 ] || why="company add exit $rc: $err"
	if [ -z "$why" ]; then
		run $C upload "$X/$f"
		[ "$rc" -eq 0 ] || why="upload exit $rc: $err"
	fi
	if [ -z "$why" ]; then
		run $C --format csv aggregate --level month
		got=$(printf '%s\n' "$out" | norm_actual)
		want=$(norm_expected "$f")
		[ "$rc" -eq 0 ] && [ "$got" = "$want" ] ||
		    why="aggregate exit $rc; expected:
$want
got:
$got"
	fi
	if [ -z "$why" ]; then
		run $C aggregate verify
		[ "$rc" -eq 0 ] || why="aggregate verify exit $rc: $err"
	fi
	if is_pending "$f"; then
		if [ -z "$why" ]; then
			last="upload $f"
			not_ok "$f: now works: remove it from pending.txt"
		else
			printf 'pending %s: %s\n' "$f" \
			    "$(printf '%s' "$why" | head -n 1)"
		fi
	elif [ -z "$why" ]; then
		ok
	else
		last="upload $f"
		not_ok "$f: $why"
	fi
done
# every pending entry names a file of the corpus
for p in $(sed 's/[[:space:]].*//' "$X/pending.txt" | grep -v '^#'); do
	check "pending.txt names $p, which is in expected.csv" \
	    grep -q "^$p," "$X/expected.csv"
done
check "at least 20 files" test "$n" -ge 20
done_testing
