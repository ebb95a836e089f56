# lib.sh - shared helpers for the CLI tests (tests/cli/tNNN-*.sh).
#
# Each test runs ayni in a fresh temporary directory with its own HOME and
# XDG_CONFIG_HOME, so sessions never leak between tests or into the real
# home.  ctest sets AYNI (the binary), AYNI_SRC and AYNI_TEST_DATA.
#
#   run ARGS...          run ayni; sets $out, $err (file contents) and $rc
#   expect_rc N          the last run exited N
#   expect_out TEXT      stdout was exactly TEXT (a trailing newline added)
#   expect_err TEXT      stderr was exactly TEXT
#   expect_out_has RE    stdout matches the extended regex RE
#   expect_err_has RE    stderr matches RE
#   new_db [EMAIL]       init a database as superuser EMAIL (default
#                        root@example.cl, password $PW) and log in
#
# The backend.  A suite registered twice (CMakeLists.txt) runs once on
# SQLite files and once, label pg, with AYNI_TEST_BACKEND=pg on fresh
# PostgreSQL databases of the server scripts/pg-test.sh started (skipped,
# 77, without one).  The assertions are the same for both; only where a
# database is and how it is read differ, through these:
#   db_new NAME          print where init makes a database: a file $T/NAME.db
#                        not there yet, or a fresh empty PostgreSQL database
#   db_missing NAME      print a database that does not exist (a file, a URL)
#   db_absent TARGET     true if TARGET still does not exist
#   db_blank TARGET      true if TARGET holds nothing: no file or an empty
#                        one, an empty PostgreSQL database
#   sql TARGET QUERY     run QUERY; rows as sqlite3 prints them (a|b, NULL
#                        empty), psql -XAtq on PostgreSQL: write the query
#                        in the SQL both accept (CAST(x AS INTEGER) for a
#                        truth, no SQLite date functions: see ts)
#   db_bytes TARGET      every byte the database keeps (the file and its
#                        WAL, or pg_dump), to grep for a secret
#   db_lacks TARGET TEXT true if TEXT is nowhere in db_bytes
#   ts [DATE]            a 'YYYY-MM-DD HH:MM:SS' UTC text as the schema
#                        keeps times, of date(1)'s DATE ('now', '-1 second')
#   hours_between A B    the hours from time A to time B, rounded (days_between
#                        the days), for what SQLite's julianday() did
#   sqlite_only WHAT     false, with a visible "skip" line, on PostgreSQL:
#                        for checks of files, modes, WAL and headers
#   done_testing         print the summary line and exit non-zero on failure
#   spanish              go on in both languages: es/es_in, en/en_in
#                        (skips the test, 77, without an es_CL locale)

set -u
: "${AYNI:?AYNI must point to the ayni binary}"
AYNI_SRC=${AYNI_SRC:-$(cd "$(dirname "$0")/../.." && pwd)}
AYNI_TEST_DATA=${AYNI_TEST_DATA:-$AYNI_SRC/tests/data}

T=$(mktemp -d "${TMPDIR:-/tmp}/ayni-test.XXXXXX")
trap 'rm -rf "$T"' EXIT
cd "$T" || exit 1
export HOME="$T/home" XDG_CONFIG_HOME="$T/home/.config"
mkdir -p "$HOME"
unset AYNI_DB AYNI_TOKEN AYNI_FORMAT
# Messages in English, whatever the locale of whoever runs the tests: a
# test that wants Spanish says LANG=es_CL.UTF-8 (t110, t111).
LANG=C
export LANG
unset LC_ALL LC_MESSAGES LANGUAGE
PW='correct horse 42'
export PW

passed=0
failed=0
name=${0##*/}

ok() {
	passed=$((passed + 1))
}

not_ok() {
	failed=$((failed + 1))
	printf 'FAIL %s: %s\n' "$name" "$*" >&2
	printf '  command: ayni %s\n  exit: %s\n  stdout: %s\n  stderr: %s\n' \
	    "$last" "$rc" "$out" "$err" >&2
}

run() {
	last="$*"
	"$AYNI" "$@" >"$T/.out" 2>"$T/.err"
	rc=$?
	out=$(cat "$T/.out")
	err=$(cat "$T/.err")
}

# run_in INPUT ARGS...: like run, with INPUT on standard input.
run_in() {
	input=$1
	shift
	last="$* <<< $input"
	printf '%s\n' "$input" | "$AYNI" "$@" >"$T/.out" 2>"$T/.err"
	rc=$?
	out=$(cat "$T/.out")
	err=$(cat "$T/.err")
}

expect_rc() {
	if [ "$rc" -eq "$1" ]; then ok; else not_ok "expected exit $1, got $rc"; fi
}

expect_out() {
	if [ "$out" = "$1" ]; then ok; else not_ok "stdout differs; expected: $1"; fi
}

expect_err() {
	if [ "$err" = "$1" ]; then ok; else not_ok "stderr differs; expected: $1"; fi
}

expect_out_has() {
	if printf '%s\n' "$out" | grep -Eq -- "$1"; then ok
	else not_ok "stdout lacks /$1/"; fi
}

expect_err_has() {
	if printf '%s\n' "$err" | grep -Eq -- "$1"; then ok
	else not_ok "stderr lacks /$1/"; fi
}

expect_out_lacks() {
	if printf '%s\n' "$out" | grep -Eq -- "$1"; then
		not_ok "stdout has /$1/"
	else ok; fi
}

# check DESCRIPTION COMMAND...: a shell condition that must hold.
check() {
	d=$1
	shift
	if "$@"; then ok; else not_ok "$d"; fi
}

BACKEND=${AYNI_TEST_BACKEND:-sqlite}
if [ "$BACKEND" = pg ] && [ -z "${AYNI_TEST_PG:-}" ]; then
	printf 'skip: %s: no PostgreSQL test server (scripts/pg-test.sh)\n' \
	    "$name"
	exit 77
fi
PSQL=${AYNI_PG_BIN:-/usr/lib/postgresql/15/bin}/psql
PG_DUMP=${AYNI_PG_BIN:-/usr/lib/postgresql/15/bin}/pg_dump

db_new() {
	if [ "$BACKEND" = pg ]; then
		sh "$AYNI_SRC/scripts/pg-newdb.sh"
	else
		printf '%s\n' "$T/$1.db"
	fi
}

db_missing() {
	if [ "$BACKEND" = pg ]; then
		printf 'postgresql:///%s_missing_%s?host=%s\n' "$1" "$$" "$PGHOST"
	else
		printf '%s\n' "$T/$1.db"
	fi
}

# pg_name URL: the database name in a URL of db_new or db_missing.
pg_name() {
	n=${1#postgresql:///}
	printf '%s\n' "${n%%\?*}"
}

db_absent() {
	if [ "$BACKEND" = pg ]; then
		test "$(sql "$AYNI_TEST_PG" "SELECT count(*) FROM pg_database
		    WHERE datname = '$(pg_name "$1")'")" = 0
	else
		test ! -e "$1"
	fi
}

db_blank() {
	if [ "$BACKEND" = pg ]; then
		test "$(sql "$1" "SELECT count(*) FROM pg_class c JOIN
		    pg_namespace n ON n.oid = c.relnamespace
		    WHERE n.nspname = 'public'")" = 0
	else
		test ! -s "$1"
	fi
}

sql() {
	case $1 in
	postgresql://*|postgres://*)
		"$PSQL" -XAtq -v ON_ERROR_STOP=1 -d "$1" -c "$2" ;;
	*)	sqlite3 -batch "$1" "$2" ;;
	esac
}

db_bytes() {
	if [ "$BACKEND" = pg ]; then
		"$PG_DUMP" -d "$1"
	else
		cat "$1" 2>/dev/null
		cat "$1-wal" 2>/dev/null
		true
	fi
}

db_lacks() {
	! db_bytes "$1" | grep -qaF -- "$2"
}

ts() {
	date -u -d "${1:-now}" '+%Y-%m-%d %H:%M:%S'
}

secs_between() {
	echo $(( $(date -u -d "$2" +%s) - $(date -u -d "$1" +%s) ))
}
hours_between() {
	echo $(( ($(secs_between "$1" "$2") + 1800) / 3600 ))
}
days_between() {
	echo $(( ($(secs_between "$1" "$2") + 43200) / 86400 ))
}

sqlite_only() {
	[ "$BACKEND" = pg ] || return 0
	printf 'skip: %s: %s (SQLite only)\n' "$name" "$1"
	return 1
}

new_db() {
	email=${1:-root@example.cl}
	AYNI_DB=$(db_new ayni)
	export AYNI_DB
	run_in "$PW" init --email "$email" --password-stdin
	if [ "$rc" -ne 0 ]; then
		not_ok "new_db: init failed"
		done_testing
	fi
}

done_testing() {
	printf '%s: %d passed, %d failed\n' "$name" "$passed" "$failed"
	[ "$failed" -eq 0 ]
	exit $?
}

# spanish: the test goes on in both languages: es/es_in run ayni in
# Chilean Spanish (LANG=es_CL.UTF-8), en/en_in in the C locale.  The
# locale is the tests' own compiled es_CL.UTF-8 (CMakeLists.txt exports
# its directory as AYNI_LOCPATH) or an installed one; with neither the
# test is skipped (77, which ctest reports as skipped, not passed).
spanish() {
	LOCPATH=${AYNI_LOCPATH:-}
	export LOCPATH
	if LANG=es_CL.UTF-8 LC_ALL= locale 2>&1 | grep -q 'Cannot set'; then
		printf 'skip: no es_CL.UTF-8 locale\n'
		exit 77
	fi
}
es() { LANG=es_CL.UTF-8 LC_ALL= LANGUAGE= run "$@"; }
es_in() { LANG=es_CL.UTF-8 LC_ALL= LANGUAGE= run_in "$@"; }
en() { LANG=C LC_ALL= LANGUAGE= run "$@"; }
en_in() { LANG=C LC_ALL= LANGUAGE= run_in "$@"; }
