#!/bin/sh
# t069-check.sh - 'ayni check': a sound database passes (exit 0, nothing
# on stdout in a table); each kind of problem gives one line naming it and
# its fix, and exit 65: a tampered rollup, a dangling foreign key, an
# upload whose process died, a database or token file others can read.
# It repairs nothing and needs a login.
. "$(dirname "$0")/lib.sh"

EX="$AYNI_SRC/examples"
R=76.123.456-0
new_db
run company add --rut "$R" --name 'Minimarket Uno'
run -q upload "$EX/ventas-minimarket-cp1252.csv"
db=$AYNI_DB
# csv rows end in CRLF; the regexes below anchor at the line's end
runc() {
	run "$@"
	out=$(printf '%s\n' "$out" | tr -d '\r')
}

run --format table check
expect_rc 0
expect_out ""
expect_err "ayni: check: no problems (integrity, foreign keys, rollups of 1 company, uploads, file modes)"
runc --format csv check
expect_rc 0
expect_out "check,subject,problem"

# a tampered rollup
sqlite3 "$db" "UPDATE agg_day SET revenue = revenue + 1 WHERE day = '2025-10-01'"
runc --format csv check
expect_rc 65
expect_out_has "^rollups,$R,\"daily_aggregations: company 1 period '2025-10-01': revenue expected [0-9]+, found [0-9]+ \([0-9]+ differences\): run 'ayni --company $R aggregate rebuild'\"$"
expect_err "ayni: check: 1 problem found"
run check
check "check repairs nothing" test "$rc" -eq 65
run aggregate rebuild
run check
expect_rc 0

# an upload whose process is gone
sqlite3 "$db" "INSERT INTO uploads (company_id, filename, status, pid, host, created_at, started_at) VALUES (1, 'x.csv', 'processing', 2147483646, '$(hostname)', datetime('now'), datetime('now'))"
runc --format csv check
expect_rc 65
expect_out_has "^uploads,upload 2 of $R,is 'processing' but its process 2147483646 is gone \(interrupted\): the next upload or 'ayni uploads list' marks it failed$"
# one on another host, a day old: stale
sqlite3 "$db" "UPDATE uploads SET host = 'elsewhere', started_at = datetime('now', '-2 days') WHERE id = 2"
runc --format csv check
expect_rc 65
expect_out_has "^uploads,upload 2 of $R,has been 'processing' since [0-9]+ seconds ago \(on host 'elsewhere'\): stale$"
sqlite3 "$db" "UPDATE uploads SET status = 'failed' WHERE id = 2"

# a dangling foreign key (written with foreign keys off, as a bad tool would)
sqlite3 "$db" "PRAGMA foreign_keys = OFF; UPDATE uploads SET user_id = 99 WHERE id = 1"
runc --format csv check
expect_rc 65
expect_out_has '^foreign_keys,uploads row 1,refers to a missing row of users$'
sqlite3 "$db" "UPDATE uploads SET user_id = 1 WHERE id = 1"

# loose modes: the database and the token files
chmod 644 "$db"
cfg=$XDG_CONFIG_HOME/ayni
tokf=$(ls "$cfg"/session-* | head -1)
chmod 640 "$tokf"
runc --format csv check
expect_rc 65
expect_out_has "^file_mode,$db,mode 0644 lets others read it: run 'chmod 600 $db'$"
expect_out_has "^file_mode,$tokf,mode 0640 lets others read it: run 'chmod 600 $tokf'$"
# (SQLite made the -wal and -shm with the database's mode)
chmod 600 "$db" "$db-wal" "$db-shm" "$tokf"
chmod 777 "$cfg"
runc --format csv check
expect_out_has "^file_mode,$cfg,mode 0777 lets others change it: run 'chmod 700 $cfg'$"
chmod 700 "$cfg"
run check
expect_rc 0

# only the caller's companies are verified; a login is needed
run_in "$PW" user add --email ana@x.cl --password-stdin
XDG_CONFIG_HOME="$T/cfg-ana"
run_in "$PW" login --email ana@x.cl --password-stdin
sqlite3 "$db" "UPDATE agg_day SET revenue = revenue + 1 WHERE day = '2025-10-01'"
run check
expect_rc 0
expect_err "ayni: check: no problems (integrity, foreign keys, rollups of 0 companies, uploads, file modes)"
run logout
run check
expect_rc 77
run check extra
expect_rc 64

done_testing
