#!/bin/sh
# bench/all.sh - every row of the performance table (issue 14) that can be
# measured here, in one run: 'ayni upload' against 'sqlite3 .import' (and
# DuckDB's read_csv_auto when duckdb is installed) of the same file, a
# re-upload, peak memory with the sample's keys and with every product and
# customer distinct, the report and the aggregate levels, rebuild and
# verify.  Measures and prints; asserts nothing about time.
#
#   sh bench/all.sh [SIZE...]        (default 100000 1000000)
#   sh bench/all.sh --smoke          (2,000 lines once: the harness works)
#
# Environment: AYNI (the binary; default build-rel/ayni, else build/ayni),
# REPS (runs of each measurement, default 3; the median is printed),
# RESULTS (where the table goes, default bench/results.md; the smoke run
# writes none).  Each repetition runs the baselines and ayni one after
# the other, so a change in the machine's load hits both.
set -eu
cd "$(dirname "$0")/.."
here=$PWD/bench
smoke=0
if [ "${1:-}" = --smoke ]; then
	smoke=1
	shift
fi
if [ $smoke = 1 ]; then
	set -- 2000
	reps=1
	results=
else
	[ $# -gt 0 ] || set -- 100000 1000000
	reps=${REPS:-3}
	results=${RESULTS:-$PWD/bench/results.md}
fi
if [ -n "${AYNI:-}" ]; then
	ayni=$AYNI
elif [ -x build-rel/ayni ]; then
	ayni=$PWD/build-rel/ayni
else
	ayni=$PWD/build/ayni
fi
for tool in sqlite3 awk; do
	if ! command -v $tool >/dev/null 2>&1; then
		echo "all.sh: $tool is not installed" >&2
		exit 77
	fi
done
duckdb=$(command -v duckdb 2>/dev/null || true)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export HOME="$tmp" XDG_CONFIG_HOME="$tmp/cfg" AYNI_DB="$tmp/ayni.db"
load0=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')

# run OUT CMD...: append "wall_ms user_s max_rss_kb" of CMD to OUT.  Wall
# in ms from date(1) (time(1) rounds to 10 ms); user time and peak RSS
# from /usr/bin/time, else from python3's getrusage, else '-'.
run() {
	out=$1
	shift
	t0=$(date +%s%N)
	if [ -x /usr/bin/time ]; then
		/usr/bin/time -f '%U %M' -o "$tmp/rusage" "$@" >/dev/null \
		    2>"$tmp/stderr" || { cat "$tmp/stderr" >&2; exit 1; }
	elif command -v python3 >/dev/null 2>&1; then
		python3 -c 'import os, sys
pid = os.fork()
if pid == 0:
    fd = os.open(os.devnull, os.O_WRONLY)
    os.dup2(fd, 1)
    os.execvp(sys.argv[2], sys.argv[2:])
_, st, ru = os.wait4(pid, 0)
open(sys.argv[1], "w").write("%.2f %d\n" % (ru.ru_utime, ru.ru_maxrss))
sys.exit(os.waitstatus_to_exitcode(st))' "$tmp/rusage" "$@" \
		    2>"$tmp/stderr" || { cat "$tmp/stderr" >&2; exit 1; }
	else
		"$@" >/dev/null 2>"$tmp/stderr" ||
		    { cat "$tmp/stderr" >&2; exit 1; }
		echo '- -' >"$tmp/rusage"
	fi
	t1=$(date +%s%N)
	read -r u m <"$tmp/rusage"
	echo "$(( (t1 - t0) / 1000000 )) $u $m" >>"$out"
}

# steps OUT: append the seconds of the steps that 'ayni -v upload' gave
# on its last line (reading, storing, rollups, commit) to OUT.
steps() {
	sed -n 's/^ayni: time: reading \([0-9.]*\) s, storing \([0-9.]*\) s,'\
' rollups \([0-9.]*\) s, commit \([0-9.]*\) s$/\1 \2 \3 \4/p' \
	    "$tmp/stderr" >>"$1"
}

# med FILE COL: the median of column COL (1 wall ms, 2 user s, 3 RSS KB).
med() {
	[ -s "$1" ] || { echo -; return; }
	cut -d' ' -f"$2" "$1" | sort -n | awk '{ v[NR] = $1 }
	    END { if (v[1] == "-") print "-";
		else if (NR % 2) print v[(NR + 1) / 2];
		else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

fresh() {
	rm -f "$AYNI_DB" "$AYNI_DB-wal" "$AYNI_DB-shm"
	echo 'bench-password-1' | "$ayni" -q init --email b@ayni.cl \
	    --password-stdin
	"$ayni" -q company add --rut 76.123.456-0 --name Bench
}


for n in "$@"; do
	d=$tmp/$n
	mkdir -p "$d"
	f=$tmp/lines.csv
	"$ayni" sample --rows "$n" --seed 42 >"$f"
	# The same lines with every product and customer distinct: memory
	# must not follow the number of keys.
	awk -F';' -v OFS=';' 'NR > 1 { $5 = "C" NR; $6 = "P" NR } 1' "$f" \
	    >"$tmp/distinct.csv"
	wc -c <"$f" >"$d/bytes"
	i=0
	while [ $i -lt $reps ]; do
		i=$((i + 1))
		rm -f "$tmp/base.db"
		run "$d/import" sqlite3 "$tmp/base.db" -cmd '.separator ;' \
		    -cmd ".import $f t" '.quit'
		if [ -n "$duckdb" ]; then
			rm -f "$tmp/duck.db" "$tmp/duck.db.wal"
			run "$d/duckdb" "$duckdb" "$tmp/duck.db" "CREATE TABLE t AS
			    SELECT * FROM read_csv_auto('$f', delim = ';',
			    header = true)"
		fi
		fresh
		run "$d/upload" "$ayni" -v upload "$f"
		steps "$d/upload.steps"
		run "$d/again" "$ayni" -v upload "$f"
		steps "$d/again.steps"
	done
	fresh
	run "$d/distinct" "$ayni" -q upload "$tmp/distinct.csv"
	# what SQLite alone needs to store these lines (bench/floor.sh), once
	AYNI=$ayni sh "$here/floor.sh" "$f" | awk -F': ' -v d="$d" '
	    /^INSERT/ { split($2, a, " "); print a[1], "-", "-" >>(d "/floor") }
	    /^SELECT/ { split($2, a, " "); print a[1], "-", "-" >>(d "/lookups") }'
	fresh
	"$ayni" -q upload "$f" >/dev/null
	i=0
	while [ $i -lt $reps ]; do
		i=$((i + 1))
		run "$d/report" "$ayni" -q report --period 2025-02
		run "$d/month" "$ayni" -q aggregate --level month
		run "$d/product" "$ayni" -q aggregate --level product
		run "$d/category" "$ayni" -q aggregate --level category
		run "$d/customer" "$ayni" -q aggregate --level customer
		run "$d/rebuild" "$ayni" -q aggregate rebuild
		run "$d/verify" "$ayni" -q aggregate verify
	done
	rm -f "$f" "$tmp/distinct.csv"
done
load1=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')
# before results.md is opened for writing, which would make it "dirty"
rev=$(git describe --always --dirty 2>/dev/null || echo '?')

# ms FILE: the median wall time; ratio A B: A's median over B's.
ms() { med "$1" 1; }
ratio() {
	awk -v a="$(ms "$1")" -v b="$(ms "$2")" 'BEGIN {
	    if (a == "-" || b == "-" || b == 0) print "-";
	    else printf "%.2fx\n", a / b }'
}
mb() {
	awk -v k="$(med "$1" 3)" 'BEGIN {
	    if (k == "-") print "-"; else printf "%.0f MB\n", k / 1024 }'
}
# split FILE: the median seconds of each step, "r / s / u / c s".
split() {
	[ -s "$1" ] || { echo -; return; }
	printf '%s / %s / %s / %s s\n' "$(med "$1" 1)" "$(med "$1" 2)" \
	    "$(med "$1" 3)" "$(med "$1" 4)"
}
sec() {
	awk -v v="$(ms "$1")" 'BEGIN {
	    if (v == "-") print "-"; else if (v >= 1000)
	    printf "%.2f s\n", v / 1000; else printf "%d ms\n", v }'
}

table() {
	printf '| | goal'
	for n in "$@"; do printf ' | %s lines' "$n"; done
	printf ' |\n|---|---'
	for n in "$@"; do printf '|---'; done
	printf '|\n'
	row() {	# row LABEL GOAL FUNC FILE [FILE2]
		label=$1 goal=$2 fn=$3 a=$4 b=${5:-}
		printf '| %s | %s' "$label" "$goal"
		for n in $sizes; do
			if [ -n "$b" ]; then
				v=$($fn "$tmp/$n/$a" "$tmp/$n/$b")
			else
				v=$($fn "$tmp/$n/$a")
			fi
			printf ' | %s' "$v"
		done
		printf ' |\n'
	}
	row 'sqlite3 .import, wall' '' sec import
	[ -z "$duckdb" ] || row 'duckdb read_csv_auto, wall' '' sec duckdb
	row '`ayni upload`, wall' '' sec upload
	row '`ayni upload` / sqlite3 .import' '<= 1.0x (0.5x)' ratio \
	    upload import
	row 'its steps (`-v`): reading / storing / rollups / commit' '' \
	    split upload.steps
	[ -z "$duckdb" ] || row '`ayni upload` / duckdb' '' ratio upload duckdb
	row 'SQLite alone: the lines INSERTed into raw_transactions (bench/floor.sh)' '' sec floor
	row 'that / sqlite3 .import' '' ratio floor import
	row 'identical re-upload, wall' '' sec again
	row 're-upload / sqlite3 .import' '<= 0.7x' ratio again import
	row 'its steps (`-v`): reading / storing / rollups / commit' '' \
	    split again.steps
	row 'SQLite alone: each line found by its key and compared (bench/floor.sh)' '' sec lookups
	row 'that / sqlite3 .import' '' ratio lookups import
	row 'peak RSS, upload' '<= 64 MB, flat' mb upload
	row 'peak RSS, re-upload' '<= 64 MB, flat' mb again
	row 'peak RSS, upload, all keys distinct' '<= 64 MB, flat' mb \
	    distinct
	row 'peak RSS, sqlite3 .import' '' mb import
	row 'month report (`report --period 2025-02`)' '< 50 ms at 4M' sec \
	    report
	row 'month level all time' '' sec month
	row 'product level all time' '< 100 ms at 1M' sec product
	row 'category level all time' '< 100 ms' sec category
	row 'customer level all time' '< 100 ms' sec customer
	row 'aggregate rebuild' '' sec rebuild
	row 'rebuild / upload' '<= 1.0x' ratio rebuild upload
	row 'aggregate verify' '' sec verify
	row 'verify / upload' '<= 0.5x' ratio verify upload
}
sizes="$*"
out=$(table "$@")
echo "$out"
if [ $smoke = 1 ]; then
	# The harness works when every row has a value for the one size.
	if echo "$out" | grep -q ' | - |'; then
		echo "all.sh: a row was not measured" >&2
		exit 1
	fi
	exit 0
fi
{
	echo "# bench/all.sh results"
	echo
	echo "Written by \`sh bench/all.sh $*\` (REPS=$reps, medians of"
	echo "wall time; each process's wall time includes opening the"
	echo "database).  Files: \`ayni sample --rows N --seed 42\`; \"all keys"
	echo "distinct\" gives every line its own product and customer."
	echo
	echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC')"
	echo "- ayni: $rev"
	echo "- machine: $(nproc) cores, Linux $(uname -r)," \
	    "$(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' \
	    /proc/meminfo 2>/dev/null)"
	echo "- sqlite3: $(sqlite3 --version | cut -d' ' -f1)" \
	    "(CLI and library)${duckdb:+; duckdb $("$duckdb" --version)}"
	echo "- load average before / after: $load0 / $load1"
	echo
	echo "$out"
	cat <<'EOF'

How to read the goals that are not met.  The two "SQLite alone" rows
are floors measured in the same run (bench/floor.sh): storing the
lines into raw_transactions with its line key and indexes, and finding
each line again by that key, with no CSV read and no rollups.  An upload
cannot store faster than the first, a re-upload of the same file cannot
look its lines up faster than the second, and `sqlite3 .import` does
neither: it appends to a table with no index.  The "its steps" rows say
where the rest goes: reading and checking the whole file (the evidence
of every value is needed before the first one is interpreted), the
rollups, and the commit, which in WAL mode writes every page a second
time when SQLite checkpoints.  bench/README.md has the profiles and what
was tried.
EOF
} >"$results"
echo "written: $results"
