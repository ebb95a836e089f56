#!/bin/sh
# t048-postgresql.sh - the same commands on a SQLite file and on a fresh
# PostgreSQL database (label pg, under scripts/pg-test.sh) give the same
# csv, byte for byte once the clock's timestamps are masked (the two runs
# happen seconds apart), and the same exit codes: a duplicate company 1,
# no server 69, no such database 66, a newer schema 78, a command of part
# 2 69, a lock held too long 75.  A password in the URL is shown nowhere.
# Skipped (77) without a test server.
. "$(dirname "$0")/lib.sh"

[ -n "${AYNI_TEST_PG:-}" ] || { echo "$name: no AYNI_TEST_PG" >&2; exit 77; }
url=$(sh "$AYNI_SRC/scripts/pg-newdb.sh") || exit 77

# The same session of commands on one database; stdout of each into $2.
session() {
	export AYNI_DB="$1"
	o=$2
	: >"$o"
	run_in "$PW" init --email ana@example.cl --name Ana --password-stdin
	echo "init $rc" >>"$o"
	for c in "company add --rut 76.086.428-5 --name Minimarket --industry retail" \
	    "company add --rut 11.111.111-1 --name Ferreteria --size small" \
	    "company add --rut 76.086.428-5 --name Otra" \
	    "company edit 11.111.111-1 --benchmark on" \
	    "company member list 76.086.428-5" \
	    "mapping save pos --company 76.086.428-5 --map in_dt=Fch --map in_trans_id=Nro --default" \
	    "mapping list --company 76.086.428-5" \
	    "mapping show pos --company 76.086.428-5" \
	    "token create --name cron" \
	    "token list" "company list" "whoami"; do
		# shellcheck disable=SC2086
		run $c --format csv
		printf '== %s: %s\n%s\n' "$c" "$rc" "$out" >>"$o"
	done
	run_in 'otra clave larga 7' user add --email bo@example.cl --password-stdin
	echo "user add $rc" >>"$o"
	run company member add 76.086.428-5 --email bo@example.cl --role viewer
	echo "member add $rc" >>"$o"
	run company member list 76.086.428-5 --format csv
	printf '%s\n' "$out" >>"$o"
	run user list --format csv
	printf '%s\n' "$out" >>"$o"
	run upload "$AYNI_SRC/examples/ventas-mapeo.csv" --company 76.086.428-5
	echo "upload $rc" >"$o.upload"	# differs by design, until part 2
	run logout
	echo "logout $rc" >>"$o"
	run whoami
	echo "whoami $rc" >>"$o"
	# tokens and times differ by nature; everything else must not
	sed -E -i 's/[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}/TIME/g;
	    s/[0-9a-f]{64}/TOKEN/g' "$o"
}

session "$T/lite.db" "$T/lite.out"
session "$url" "$T/pg.out"
check "the same csv and exit codes on both (diff lite pg)" \
    diff "$T/lite.out" "$T/pg.out"
check "the session did what it says" grep -q \
    '^76.086.428-5,Minimarket,retail,micro,0,' "$T/pg.out"
check "a duplicate company is 1 on both" grep -q '^== company add --rut 76.086.428-5 --name Otra: 1$' "$T/pg.out"
check "upload is 69 on PostgreSQL" grep -q '^upload 69$' "$T/pg.out.upload"
check "upload works on SQLite" grep -q '^upload 0$' "$T/lite.out.upload"

# The error classes.  No server behind a socket directory: 69.
mkdir "$T/nosock"
run --db "postgresql:///x?host=$T/nosock" whoami
expect_rc 69
expect_err_has "^ayni: connecting: database server unavailable: "
# No such database: 66, as a missing file.
run --db "postgresql:///no_such_db_$$?host=$PGHOST" whoami
expect_rc 66
expect_err_has "^ayni: no database at 'postgresql:///no_such_db_"
run --db "$T/missing.db" whoami
expect_rc 66
# An empty database that is not given the schema: 66, until init.
url2=$(sh "$AYNI_SRC/scripts/pg-newdb.sh")
run --db "$url2" whoami
expect_rc 66
expect_err "ayni: no ayni schema in '$url2': run 'ayni init'"
# A password in the URL is never shown nor kept: not in messages, not in
# the session file (the test server trusts the socket, so any will do).
url3=$(sh "$AYNI_SRC/scripts/pg-newdb.sh")
db3=${url3#postgresql:///}
db3=${db3%%\?*}
secret="postgresql://$PGUSER:Pw-s3cret@/$db3?host=$PGHOST&password=Qs-s3cret"
shown="postgresql://$PGUSER@/$db3?host=$PGHOST"
run_in "$PW" --db "$secret" init --email pw@example.cl --password-stdin
expect_rc 0
expect_err "ayni: created database '$shown' with superuser 'pw@example.cl' (logged in)"
run --db "$secret" --format csv whoami
expect_rc 0
expect_out_has '^pw@example.cl,'
check "the session file names the database without the password" \
    grep -qxF "database $shown" "$XDG_CONFIG_HOME"/ayni/session-*
check "no password in any session file" \
    sh -c "! grep -q s3cret '$XDG_CONFIG_HOME'/ayni/session-*"
run --db "postgresql://$PGUSER:Pw-s3cret@/nodb_$$?host=$PGHOST" whoami
expect_rc 66
expect_err_has "^ayni: no database at 'postgresql://$PGUSER@/nodb_$$"
check "no password in the error" sh -c "! grep -q s3cret '$T/.err'"
run --db "postgresql://$PGUSER:Pw-s3cret@/x?host=$T/nosock" whoami
expect_rc 69
check "no password when the server is down" sh -c "! grep -q s3cret '$T/.err'"

# A lock held too long: 75, as for a busy SQLite file.  Another
# connection holds the companies table (until it is ended below); ayni
# waits its lock timeout (5 s), then gives up: first with a lock that
# lets it read, not write, then with one that lets it do neither.
lock() {
	"$PSQL" -XAtq -d "$shown" -c "BEGIN; LOCK TABLE companies IN $1
    MODE; SELECT pg_sleep(600)" >/dev/null 2>&1 &
locker=$!
n=0
until [ "$("$PSQL" -XAtq -d "$shown" -c "SELECT count(*) FROM pg_locks l
    JOIN pg_class c ON c.oid = l.relation WHERE c.relname = 'companies'
    AND l.mode = '$2' AND l.granted")" = 1 ]; do
	n=$((n + 1))
	[ "$n" -lt 600 ] || break
	sleep 0.1
done
}
unlock() {
"$PSQL" -XAtq -d "$shown" -c "SELECT pg_terminate_backend(pid) FROM
    pg_stat_activity WHERE query LIKE '%pg_sleep(600)%'
    AND pid <> pg_backend_pid()" >/dev/null
wait "$locker"
}
lock EXCLUSIVE ExclusiveLock
run --db "$shown" company add --rut 76.086.428-5 --name Bloqueada
expect_rc 75
expect_err "ayni: database '$shown' is locked by another process: adding the company; try again later"
unlock
lock 'ACCESS EXCLUSIVE' AccessExclusiveLock
run --db "$shown" company add --rut 76.086.428-5 --name Bloqueada
expect_rc 75
expect_err "ayni: database '$shown' is locked by another process: looking up the company; try again later"
unlock
run --db "$shown" company add --rut 76.086.428-5 --name Libre
expect_rc 0

# A newer schema: 78 on both.
"$AYNI_PG_BIN/psql" -q -d "$url" -c "INSERT INTO ayni_schema_version
    VALUES (99, '0099_future.sql', '2030-01-01 00:00:00')" >/dev/null
run --db "$url" whoami
expect_rc 78
expect_err_has "has schema version 99 but this ayni knows only up to"
sqlite3 "$T/lite.db" 'PRAGMA user_version = 99'
run --db "$T/lite.db" whoami
expect_rc 78
done_testing
