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

new_db() {
	email=${1:-root@example.cl}
	export AYNI_DB="$T/ayni.db"
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
