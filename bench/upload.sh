#!/bin/sh
# bench/upload.sh - how fast 'ayni upload' loads a POS export, against
# 'sqlite3 .import' of the same file in the same run, and whether its
# memory stays flat as the file grows.  Prints ratios; asserts nothing.
#
#   sh bench/upload.sh [ROWS]        (default 1000000; needs build/ayni)
#
# The baseline imports into an untyped table with no index; ayni parses
# every value, keeps a unique key and two indexes, upserts, and refreshes
# the rollups in the same transaction, so a ratio near 1 is the goal, not
# a given.
set -eu
cd "$(dirname "$0")/.."
rows=${1:-1000000}
ayni=${AYNI:-$PWD/build/ayni}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export HOME="$tmp" XDG_CONFIG_HOME="$tmp/cfg" AYNI_DB="$tmp/ayni.db"

measure() {	# measure OUTFILE CMD...: wall seconds, user seconds, max RSS KB
	out=$1
	shift
	/usr/bin/time -f '%e %U %M' -o "$out" "$@" >/dev/null 2>&1
}

"$ayni" sample --rows "$rows" --seed 42 >"$tmp/big.csv"
"$ayni" sample --rows $((rows / 4)) --seed 42 >"$tmp/quarter.csv"
size=$(wc -c <"$tmp/big.csv")

measure "$tmp/t.base" sqlite3 "$tmp/base.db" -cmd '.separator ;' \
    -cmd ".import $tmp/big.csv t" '.quit'

fresh() {
	rm -f "$AYNI_DB" "$AYNI_DB-wal" "$AYNI_DB-shm"
	echo 'bench-password-1' | "$ayni" -q init --email b@ayni.cl \
	    --password-stdin
	"$ayni" -q company add --rut 76.123.456-0 --name Bench
}
fresh
measure "$tmp/t.ayni" "$ayni" -q upload "$tmp/big.csv"
measure "$tmp/t.again" "$ayni" -q upload "$tmp/big.csv"
fresh
measure "$tmp/t.quarter" "$ayni" -q upload "$tmp/quarter.csv"

read -r bw bu bm <"$tmp/t.base"
read -r aw au am <"$tmp/t.ayni"
read -r rw ru rm_ <"$tmp/t.again"
read -r qw qu qm <"$tmp/t.quarter"
echo "rows: $rows ($(echo "$size" | awk '{printf "%.1f MB", $1/1e6}'))"
printf '%-28s %8s %8s %10s\n' "" "wall s" "user s" "max RSS"
printf '%-28s %8s %8s %8s KB\n' "sqlite3 .import" "$bw" "$bu" "$bm"
printf '%-28s %8s %8s %8s KB\n' "ayni upload" "$aw" "$au" "$am"
printf '%-28s %8s %8s %8s KB\n' "ayni upload, again (upsert)" "$rw" "$ru" "$rm_"
printf '%-28s %8s %8s %8s KB\n' "ayni upload, 1/4 of rows" "$qw" "$qu" "$qm"
awk -v a="$aw" -v b="$bw" -v r="$rw" -v m="$am" -v q="$qm" -v n="$rows" 'BEGIN {
	printf "ratio ayni/sqlite3 (wall):      %.2f\n", a / b
	printf "ratio re-upload/sqlite3 (wall): %.2f\n", r / b
	printf "rows/s ayni:                    %.0f\n", n / a
	printf "memory, full file / quarter:    %.2f (flat is 1)\n", m / q
}'
