#!/bin/sh
# rollups.sh - measure the rollup triggers and views on generated lines
# (the numbers quoted at the top of schema/0002_rollups.sql).
#   [VERIFY=1] sh bench/rollups.sh [LINES] [BUILD_DIR]
# Needs a build of libayni (cmake --build build).  Writes to a temp dir.
set -eu
lines=${1:-1000000}
build=${2:-build}
src=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cc -O2 -std=c11 -D_POSIX_C_SOURCE=200809L -I"$src/include" -I"$src/src/lib" \
    -o "$tmp/bench" "$src/bench/bench_rollups.c" "$build/libayni.a" \
    $(pkg-config --libs sqlite3 libpq libargon2 libcjson libpcre2-8) -lcsv -lm
for mode in raw trigger defer; do
	echo "== $mode, $lines lines"
	"$tmp/bench" "$tmp/$mode.db" "$mode" "$lines"
	if [ "$mode" = defer ]; then
		sqlite3 "$tmp/$mode.db" "SELECT name, sum(pgsize) / 1048576.0
		    AS mb FROM dbstat WHERE name LIKE 'agg%' OR name LIKE
		    'raw_transactions%' OR name LIKE 'sqlite_autoindex_raw%'
		    GROUP BY name ORDER BY 2 DESC" 2>/dev/null |
		    awk -F'|' '{ printf "size %-34s %8.1f MB\n", $1, $2 }' ||
		    true
	fi
done
