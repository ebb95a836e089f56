#!/bin/sh
# t020-auth.sh - 'ayni login', 'logout', 'whoami': sessions in a 0600 token
# file per database, AYNI_TOKEN over the file, the lockout after 5 failures
# (its clock moved in the database, never through the binary), the same answer
# for an unknown email and a wrong password, and no secret in the database.
. "$(dirname "$0")/lib.sh"

umask 022
new_db
DB=$AYNI_DB
q() { sql "$DB" "$1"; }

# whoami after init (init logs in).
run --format csv whoami
expect_rc 0
expect_out_has '^root@example.cl,,1,session,,[0-9-]+ [0-9:]+'
run --format json whoami
expect_out_has '^\{"email": "root@example.cl", "name": "", "superuser": true, "kind": "session", "token_name": null, "expires_at": "'
check "session expires in 30 days" test "$(days_between \
    "$(q 'SELECT created_at FROM sessions')" \
    "$(q 'SELECT expires_at FROM sessions')")" = 30

# logout ends the session and removes the file; then nothing runs.
run logout
expect_rc 0
expect_err "ayni: logged out"
check "token file removed" sh -c "! ls '$XDG_CONFIG_HOME'/ayni/session-* 2>/dev/null"
check "session revoked in the database" test "$(q "SELECT count(*) FROM sessions WHERE revoked_at IS NOT NULL")" = 1
run whoami
expect_rc 77
expect_err "ayni: not logged in: run 'ayni login'"
run logout
expect_rc 0
expect_err "ayni: not logged in"

# login.
run_in "$PW" login --email ROOT@example.cl --password-stdin
expect_rc 0
expect_out ""
expect_err "ayni: logged in as 'root@example.cl' (for 30 days, or until 'ayni logout')"
check "token file is 0600" \
    test "$(stat -c %a "$XDG_CONFIG_HOME"/ayni/session-*)" = 600
check "token file directory is 0700" \
    test "$(stat -c %a "$XDG_CONFIG_HOME"/ayni)" = 700
if sqlite_only "database mode"; then
	check "database is 0600" test "$(stat -c %a "$DB")" = 600
fi
check "last_login and host recorded" \
    test "$(q "SELECT CAST(last_login IS NOT NULL AS INTEGER), CAST(last_login_host = '$(hostname)' AS INTEGER) FROM users")" = "1|1"
run --format csv whoami
expect_rc 0
tok=$(sed -n 's/^token //p' "$XDG_CONFIG_HOME"/ayni/session-*)
check "file token is 64 hex" sh -c "echo '$tok' | grep -Eq '^[0-9a-f]{64}\$'"
check "file names the database" grep -qx "database $DB" "$XDG_CONFIG_HOME"/ayni/session-*

# A second login replaces the file's session and ends the old one.
run_in "$PW" login --email root@example.cl --password-stdin
expect_rc 0
check "old session revoked on re-login" \
    test "$(q "SELECT count(*) FROM sessions WHERE revoked_at IS NULL AND kind = 'session'")" = 1
tok=$(sed -n 's/^token //p' "$XDG_CONFIG_HOME"/ayni/session-*)

# $XDG_CONFIG_HOME/ayni when set (lib.sh sets it to ~/.config, the default).
(XDG_CONFIG_HOME=$T/xdg; export XDG_CONFIG_HOME
printf '%s\n' "$PW" | "$AYNI" login --email root@example.cl --password-stdin 2>/dev/null)
check "token file under XDG_CONFIG_HOME/ayni" \
    test "$(stat -c %a "$T"/xdg/ayni/session-*)" = 600
check "default is ~/.config/ayni" test -f "$HOME"/.config/ayni/session-*

# One person, two databases: one session each.
B=$(db_new b)
printf '%s\n' "$PW" | "$AYNI" --db "$B" init --email bea@example.cl --password-stdin 2>/dev/null
run --db "$B" --format csv whoami
expect_out_has '^bea@example.cl,'
run --format csv whoami
expect_out_has '^root@example.cl,'

# AYNI_TOKEN wins over the file: a bad one is not rescued by the file.
export AYNI_TOKEN=ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff
run whoami
expect_rc 77
expect_err "ayni: not logged in: run 'ayni login'"
AYNI_TOKEN=nonsense
run whoami
expect_rc 77
btok=$(sed -n 's/^token //p' $(grep -l "^database $B\$" "$XDG_CONFIG_HOME"/ayni/session-*))
AYNI_TOKEN=$btok
run --db "$B" --format csv whoami
expect_rc 0
expect_out_has '^bea@example.cl,'
run --format csv whoami
expect_rc 77
expect_err "ayni: not logged in: run 'ayni login'"
unset AYNI_TOKEN

# An expired session is not a session; the message says since when.
q "UPDATE sessions SET expires_at = '$(ts '-1 second')' WHERE revoked_at IS NULL"
run whoami
expect_rc 77
expect_err "ayni: session expired on $(date -u -d '-1 second' +%Y-%m-%d): run 'ayni login'"

# No password in argv: the option does not exist (64).
run login --email root@example.cl --password "$PW"
expect_rc 64
expect_err "ayni: unknown option '--password'
usage: ayni login --email EMAIL [--password-stdin]"
run login --email root@example.cl --password="$PW"
expect_rc 64
run login --password-stdin </dev/null
expect_rc 64
expect_err_has "^ayni: option '--email' is required$"

# Unknown email and wrong password: same message, same status.
run_in "$PW" login --email nobody@example.cl --password-stdin
expect_rc 77
expect_err "ayni: wrong email or password"
unknown_err=$err
run_in "wrong password 1" login --email root@example.cl --password-stdin
expect_rc 77
expect_err "$unknown_err"

# Lockout: 5 consecutive failures (one done above) lock for 15 minutes.
for i in 2 3 4 5; do
	run_in "wrong password $i" login --email root@example.cl --password-stdin
	expect_rc 77
	expect_err "ayni: wrong email or password"
done
check "5 failures counted and locked" \
    test "$(q "SELECT failed_login_attempts, CAST(lockout_until > '$(ts '+14 minutes')' AS INTEGER) FROM users WHERE email = 'root@example.cl'")" = "5|1"
run_in "$PW" login --email root@example.cl --password-stdin
expect_rc 77
expect_err "ayni: account locked after 5 failed logins: try again in 15 minutes"
q "UPDATE users SET lockout_until = '$(ts '+50 seconds')' WHERE email = 'root@example.cl'"
run_in "$PW" login --email root@example.cl --password-stdin
expect_rc 77
expect_err "ayni: account locked after 5 failed logins: try again in 1 minute"

# When the lockout ends the count starts again: one failure does not relock.
q "UPDATE users SET lockout_until = '$(ts '-1 second')' WHERE email = 'root@example.cl'"
run_in "wrong password 6" login --email root@example.cl --password-stdin
expect_rc 77
expect_err "ayni: wrong email or password"
check "count restarted at 1, not locked" \
    test "$(q "SELECT failed_login_attempts, CAST(lockout_until IS NULL AS INTEGER) FROM users WHERE email = 'root@example.cl'")" = "1|1"
run_in "$PW" login --email root@example.cl --password-stdin
expect_rc 0
check "success resets the count" \
    test "$(q "SELECT failed_login_attempts FROM users WHERE email = 'root@example.cl'")" = 0

# Four failures, a success, four more: never locked (consecutive only).
for i in 1 2 3 4; do
	run_in "wrong password $i" login --email root@example.cl --password-stdin
done
run_in "$PW" login --email root@example.cl --password-stdin
expect_rc 0
run_in "wrong password" login --email root@example.cl --password-stdin
expect_err "ayni: wrong email or password"
check "count is 1 after a success" \
    test "$(q "SELECT failed_login_attempts FROM users WHERE email = 'root@example.cl'")" = 1

# An inactive user gets the generic answer.
q "UPDATE users SET is_active = 0 WHERE email = 'root@example.cl'"
run_in "$PW" login --email root@example.cl --password-stdin
expect_rc 77
expect_err "ayni: wrong email or password"
run whoami
expect_rc 77
expect_err "ayni: not logged in: run 'ayni login'"
q "UPDATE users SET is_active = 1 WHERE email = 'root@example.cl'"

# A missing database is not created by login.
NONE=$(db_missing none)
run_in "$PW" --db "$NONE" login --email root@example.cl --password-stdin
expect_rc 66
check "no database created" db_absent "$NONE"

# No password or token in clear anywhere in the database files.
run_in "$PW" login --email root@example.cl --password-stdin
tok=$(sed -n 's/^token //p' $(grep -l "^database $DB\$" "$XDG_CONFIG_HOME"/ayni/session-*))
check "no password in the database" db_lacks "$DB" 'correct horse'
check "no session token in the database" db_lacks "$DB" "$tok"

# The manual's SYNOPSIS, read back from its mdoc source, matches --help.
synopsis() {
	sed -n '/^\.Sh SYNOPSIS/,/^\.Sh /p' "$AYNI_SRC/man/$1" | awk '
	    /^\.Nm / { if (l != "") print l; sub(/^\.Nm /, ""); l = $0; next }
	    /^\.Op / { sub(/^\.Op /, ""); gsub(/Fl /, "-"); gsub(/Ar /, "");
		l = l " [" $0 "]"; next }
	    /^\.Fl / { sub(/^\.Fl /, "-"); gsub(/ Ar /, " "); l = l " " $0
		next }
	    /^\.Ar / { sub(/^\.Ar /, ""); l = l " " $0 }
	    END { print l }'
}
usage=$(for c in login logout whoami; do "$AYNI" $c --help | sed -n 's/^usage: //p'; done)
check "SYNOPSIS of ayni-login(1) matches --help" \
    test "$usage" = "$(synopsis ayni-login.1)"

done_testing
