#!/bin/sh
# t010-init.sh - 'ayni init': a 0600 database at the latest schema with a
# superuser whose password is an argon2id hash; bad input leaves no file.
. "$(dirname "$0")/lib.sh"

umask 022
run_in "$PW" --db "$T/x.db" init --email A@Example.CL --name 'Ana' --password-stdin
expect_rc 0
expect_out ""
expect_err "ayni: created database '$T/x.db' with superuser 'a@example.cl' (logged in)"
check "database mode is 0600" test "$(stat -c %a "$T/x.db")" = 600
latest=$("$AYNI" --version | sed 's/.*schema \([0-9]*\).*/\1/')
check "user_version is the latest migration" \
    test "$(sqlite3 "$T/x.db" 'PRAGMA user_version')" = "$latest"
check "email stored lower-case, argon2id hash, superuser" \
    test "$(sqlite3 "$T/x.db" "SELECT email, name, is_superuser, password_hash LIKE '\$argon2id\$v=19\$m=%' FROM users")" = "a@example.cl|Ana|1|1"
check "no password in clear in the database" \
    sh -c "! grep -q 'correct horse' '$T/x.db'"
check "session token file is 0600" \
    test "$(stat -c %a "$XDG_CONFIG_HOME"/ayni/session-*)" = 600
check "token is not stored in clear" \
    sh -c "! grep -q \"\$(sed -n 's/^token //p' '$XDG_CONFIG_HOME'/ayni/session-*)\" '$T/x.db'"

# The schema loads in sqlite3 and every table of the data model exists.
for t in users password_reset_tokens email_verification_tokens companies \
    user_companies uploads column_mappings raw_transactions data_updates \
    benchmarks sessions; do
	check "table $t exists" test "$(sqlite3 "$T/x.db" \
	    "SELECT count(*) FROM sqlite_schema WHERE name = '$t'")" = 1
done

# Running init again only migrates.
run --db "$T/x.db" init
expect_rc 0
expect_err "ayni: database '$T/x.db' is at schema version $latest"
check "still one user" test "$(sqlite3 "$T/x.db" 'SELECT count(*) FROM users')" = 1

# Password policy: nothing is created when it fails.
run_in "short" --db "$T/y.db" init --email a@example.cl --password-stdin
expect_rc 64
expect_err_has "^ayni: password too short: at least 8 characters$"
check "no file after a refused password" test ! -e "$T/y.db"
run_in "12345678901" --db "$T/y.db" init --email a@example.cl --password-stdin
expect_rc 64
expect_err_has "^ayni: password must not be all digits$"
run_in "a@example.cl" --db "$T/y.db" init --email a@example.cl --password-stdin
expect_rc 64
expect_err_has "^ayni: password must not be the email address$"
run_in "$PW" --db "$T/y.db" init --email not-an-email --password-stdin
expect_rc 64
expect_err_has "^ayni: invalid email 'not-an-email'"
run --db "$T/y.db" init --password-stdin
expect_rc 64
expect_err_has "needs its first user: give --email"
check "still no file" test ! -e "$T/y.db"

# No terminal and no --password-stdin: a clear usage error, not a hang.
run --db "$T/y.db" init --email a@example.cl </dev/null
expect_rc 64
check "no file without a password" test ! -e "$T/y.db"

# There is no option that takes a password in argv.
run --db "$T/y.db" init --email a@example.cl --password secret123
expect_rc 64
expect_err_has "unknown option '--password'"

# A database newer than this binary is refused with 78.
sqlite3 "$T/x.db" "PRAGMA user_version = 9999"
run --db "$T/x.db" init
expect_rc 78
expect_err_has "has schema version 9999 but this ayni knows only up to $latest: use a newer ayni"

# A file that is not a database: init never replaces it (73); other
# commands say it is not a database (65).
echo "fecha;total" >"$T/ventas.csv"
run --db "$T/ventas.csv" init --email a@example.cl
expect_rc 73
expect_err "ayni: cannot create database '$T/ventas.csv': a file that is not a database is in the way"
check "the file is kept" test "$(cat "$T/ventas.csv")" = "fecha;total"
run --db "$T/ventas.csv" whoami
expect_rc 65
expect_err_has "is not an ayni database"
run --db "$T" init --email a@example.cl
expect_rc 73
expect_err "ayni: cannot create database '$T': a directory is in the way"

# An empty file (touch, or a mktemp) is a fresh init: --email is used.
: >"$T/empty.db"
chmod 644 "$T/empty.db"
run_in "$PW" --db "$T/empty.db" init --email e@example.cl --password-stdin
expect_rc 0
expect_err "ayni: created database '$T/empty.db' with superuser 'e@example.cl' (logged in)"
check "the user exists" test "$(sqlite3 "$T/empty.db" 'SELECT email FROM users')" = e@example.cl
check "made private" test "$(stat -c %a "$T/empty.db")" = 600
check "marked as ayni's" test "$(sqlite3 "$T/empty.db" 'PRAGMA application_id')" = 1635348073
: >"$T/empty2.db"
run_in short --db "$T/empty2.db" init --email e@example.cl --password-stdin
expect_rc 64
check "a failed init leaves the empty file empty" test ! -s "$T/empty2.db"

# Another application's SQLite file: refused (65), not changed at all.
sqlite3 "$T/other.sqlite" 'CREATE TABLE notes (x); INSERT INTO notes VALUES (1)'
sum=$(sha256sum <"$T/other.sqlite")
run_in "$PW" --db "$T/other.sqlite" init --email a@example.cl --password-stdin
expect_rc 65
expect_err "ayni: '$T/other.sqlite' is not an ayni database: it is a SQLite file of another application (application_id 0, 1 objects); nothing was changed"
check "foreign file unchanged" test "$(sha256sum <"$T/other.sqlite")" = "$sum"
check "still in rollback-journal mode" test "$(sqlite3 "$T/other.sqlite" 'PRAGMA journal_mode')" = delete

done_testing
