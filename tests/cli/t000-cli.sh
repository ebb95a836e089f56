#!/bin/sh
# t000-cli.sh - the driver: help, version, unknown commands and options,
# global options anywhere, the database path rules, output errors.
. "$(dirname "$0")/lib.sh"

run help
expect_rc 0
expect_out_has '^usage: ayni '
expect_out_has '^  init +create a database'
expect_out_has '^  help +show help'

run
expect_rc 64
expect_err_has '^usage: ayni '

run --version
expect_rc 0
expect_out_has '^ayni [0-9]+\.[0-9]+\.[0-9]+ \(schema [0-9]+\)$'

run frobnicate
expect_rc 64
expect_err "ayni: unknown command 'frobnicate': see 'ayni help'"

# Exact names only: a prefix is not a command (cron scripts must not break).
run ini
expect_rc 64

run init --frob
expect_rc 64
expect_err_has "^ayni: unknown option '--frob'$"
expect_err_has '^usage: ayni init '

run init --email
expect_rc 64
expect_err_has "needs a value"

run init extra-arg
expect_rc 64
expect_err_has "unexpected argument 'extra-arg'"

# --help anywhere, from the same spec as the parser.
run init --help
expect_rc 0
expect_out_has '^usage: ayni init \[--email EMAIL\] \[--name NAME\] \[--password-stdin\]$'
run help init
expect_rc 0
expect_out_has '^usage: ayni init '

# stdout is checked at exit: a full disk is an I/O error (74).
"$AYNI" help >/dev/full 2>"$T/.err"
rc=$?
err=$(cat "$T/.err")
last="help >/dev/full"
expect_rc 74
expect_err_has '^ayni: cannot write to standard output'

# Global options may come before or after the command.
run_in "$PW" init --db "$T/a.db" --email a@example.cl --password-stdin
expect_rc 0
check "database created with --db after the command" test -f "$T/a.db"
run_in "$PW" --db="$T/b.db" init --email=b@example.cl --password-stdin
expect_rc 0
check "database created with --db= before the command" test -f "$T/b.db"
AYNI_DB="$T/c.db"
export AYNI_DB
run_in "$PW" -q init --email c@example.cl --password-stdin
expect_rc 0
expect_err ""
check "AYNI_DB names the database" test -f "$T/c.db"
unset AYNI_DB
# --db beats AYNI_DB
AYNI_DB="$T/never.db" run_in "$PW" init --db "$T/d.db" --email d@example.cl --password-stdin
check "--db beats AYNI_DB" test -f "$T/d.db"
check "AYNI_DB not used when --db is given" test ! -e "$T/never.db"

# Unknown --format is a usage error.
run --format xml init
expect_rc 64
expect_err_has "^ayni: invalid --format 'xml': use table, csv or json$"

# libpq is loaded only to open a PostgreSQL database (src/lib/sql_pg.c):
# the binary does not need it, nor the libraries it brings, to start.
if command -v readelf >/dev/null 2>&1; then
	needed=$(readelf -d "$AYNI" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')
	check "ayni needs sqlite3 ($needed)" sh -c "printf '%s\n' \"\$1\" | grep -q '^libsqlite3'" sh "$needed"
	check "ayni does not need libpq ($needed)" sh -c "! printf '%s\n' \"\$1\" | grep -q '^libpq'" sh "$needed"
fi

done_testing
