#!/bin/sh
# t010-init.sh - 'ayni init': a 0600 database at the latest schema with a
# superuser whose password is an argon2id hash; bad input leaves no file.
# On PostgreSQL (AYNI_TEST_BACKEND=pg) the same on an empty database, which
# bad input leaves empty; the file's modes and headers are SQLite's only.
. "$(dirname "$0")/lib.sh"

umask 022
X=$(db_new x)
Y=$(db_new y)
run_in "$PW" --db "$X" init --email A@Example.CL --name 'Ana' --password-stdin
expect_rc 0
expect_out ""
expect_err "ayni: created database '$X' with superuser 'a@example.cl' (logged in)"
if sqlite_only "database mode"; then
	check "database mode is 0600" test "$(stat -c %a "$X")" = 600
fi
latest=$("$AYNI" --version | sed 's/.*schema \([0-9]*\).*/\1/')
if [ "$BACKEND" = pg ]; then
	latest=$(ls "$AYNI_SRC"/schema/pg/[0-9]*.sql | wc -l)
	version="SELECT max(version) FROM ayni_schema_version"
else
	version="PRAGMA user_version"
fi
check "the schema version is the latest migration" \
    test "$(sql "$X" "$version")" = "$latest"
check "email stored lower-case, argon2id hash, superuser" \
    test "$(sql "$X" "SELECT email, name, is_superuser, CAST(password_hash LIKE '\$argon2id\$v=19\$m=%' AS INTEGER) FROM users")" = "a@example.cl|Ana|1|1"
check "no password in clear in the database" \
    db_lacks "$X" 'correct horse'
check "session token file is 0600" \
    test "$(stat -c %a "$XDG_CONFIG_HOME"/ayni/session-*)" = 600
tok=$(sed -n 's/^token //p' "$XDG_CONFIG_HOME"/ayni/session-*)
check "token is not stored in clear" db_lacks "$X" "$tok"

# The schema loads and every table of the data model exists.
for t in users password_reset_tokens email_verification_tokens companies \
    user_companies uploads column_mappings raw_transactions data_updates \
    benchmarks sessions; do
	check "table $t exists" test "$(sql "$X" \
	    "SELECT count(*) FROM $t WHERE 0 = 1")" = 0
done

# Running init again only migrates.
run --db "$X" init
expect_rc 0
expect_err "ayni: database '$X' is at schema version $latest"
check "still one user" test "$(sql "$X" 'SELECT count(*) FROM users')" = 1

# Password policy: nothing is created when it fails.
run_in "short" --db "$Y" init --email a@example.cl --password-stdin
expect_rc 64
expect_err_has "^ayni: password too short: at least 8 characters$"
check "nothing made after a refused password" db_blank "$Y"
run_in "12345678901" --db "$Y" init --email a@example.cl --password-stdin
expect_rc 64
expect_err_has "^ayni: password must not be all digits$"
run_in "a@example.cl" --db "$Y" init --email a@example.cl --password-stdin
expect_rc 64
expect_err_has "^ayni: password must not be the email address$"
run_in "$PW" --db "$Y" init --email not-an-email --password-stdin
expect_rc 64
expect_err_has "^ayni: invalid email 'not-an-email'"
run --db "$Y" init --password-stdin
expect_rc 64
expect_err_has "needs its first user: give --email"
check "still nothing made" db_blank "$Y"

# No terminal and no --password-stdin: a clear usage error, not a hang.
run --db "$Y" init --email a@example.cl </dev/null
expect_rc 64
check "nothing made without a password" db_blank "$Y"

# There is no option that takes a password in argv.
run --db "$Y" init --email a@example.cl --password secret123
expect_rc 64
expect_err_has "unknown option '--password'"

# A database newer than this binary is refused with 78.
if [ "$BACKEND" = pg ]; then
	sql "$X" "INSERT INTO ayni_schema_version VALUES (9999,
	    '9999_future.sql', '2030-01-01 00:00:00')"
else
	sql "$X" "PRAGMA user_version = 9999"
fi
run --db "$X" init
expect_rc 78
expect_err_has "has schema version 9999 but this ayni knows only up to $latest: use a newer ayni"

# A failed init is all or nothing: here the session file cannot be
# written (its directory is a file), after the schema is in and the user
# made; nothing stays, not even the schema in an empty PostgreSQL database.
Z=$(db_new z)
: >"$T/notadir"
xdg=$XDG_CONFIG_HOME
XDG_CONFIG_HOME=$T/notadir
run_in "$PW" --db "$Z" init --email z@example.cl --password-stdin
XDG_CONFIG_HOME=$xdg
expect_rc 73
expect_err_has "^ayni: .*'$T/notadir/ayni'"
check "a failed init leaves nothing" db_blank "$Z"

# Another application's PostgreSQL database: refused (65), not changed.
if [ "$BACKEND" = pg ]; then
	O=$(db_new other)
	sql "$O" 'CREATE TABLE notes (x integer); INSERT INTO notes VALUES (1)'
	run_in "$PW" --db "$O" init --email a@example.cl --password-stdin
	expect_rc 65
	expect_err "ayni: '$O' is not an ayni database: it has 1 tables and no ayni schema; nothing was changed"
	check "foreign database unchanged" test "$(sql "$O" "SELECT
	    string_agg(tablename, ' ') FROM pg_tables WHERE schemaname = 'public'")" = notes
fi

if sqlite_only "files in the way, empty files, other applications' files"
then
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
check "the user exists" test "$(sql "$T/empty.db" 'SELECT email FROM users')" = e@example.cl
check "made private" test "$(stat -c %a "$T/empty.db")" = 600
check "marked as ayni's" test "$(sql "$T/empty.db" 'PRAGMA application_id')" = 1635348073
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
check "still in rollback-journal mode" test "$(sql "$T/other.sqlite" 'PRAGMA journal_mode')" = delete

fi

done_testing
