#!/bin/sh
# t021-user.sh - 'ayni user ...': who may add users (a superuser, or a
# company admin adding a member), list/show, passwd, remove (deactivate and
# revoke), unlock, and the single-use reset and verification tokens (used
# or expired: 77; stored only as hashes).
. "$(dirname "$0")/lib.sh"

umask 022
new_db
DB=$AYNI_DB
q() { sql "$DB" "$1"; }
PW2='another horse 7'

# The token of a new login as $1 with password $2, in a token file of its
# own (a login ends the session its file held before).
login_token() {
	(XDG_CONFIG_HOME=$(mktemp -d "$T/cfg.XXXXXX"); export XDG_CONFIG_HOME
	printf '%s\n' "$2" | "$AYNI" login --email "$1" --password-stdin \
	    2>/dev/null && sed -n 's/^token //p' "$XDG_CONFIG_HOME"/ayni/session-*)
}

# A superuser adds users.
run_in "$PW" user add --email Bob@Example.CL --name Bob --password-stdin
expect_rc 0
expect_out ""
expect_err "ayni: created user 'bob@example.cl'"
run_in "$PW" user add --email bob@example.cl --password-stdin
expect_rc 1
expect_err "ayni: user 'bob@example.cl' already exists"
run_in "short" user add --email carl@example.cl --password-stdin
expect_rc 64
expect_err_has "^ayni: password too short: at least 8 characters$"
run_in "$PW" user add --email carl@example.cl --password "$PW"
expect_rc 64
expect_err_has "^ayni: unknown option '--password'$"
run user add --password-stdin </dev/null
expect_rc 64
expect_err_has "^ayni: option '--email' is required$"
check "bob is a plain user with a hash" \
    test "$(q "SELECT name, is_superuser, is_active, CAST(password_hash LIKE '\$argon2id\$%' AS INTEGER) FROM users WHERE email = 'bob@example.cl'")" = "Bob|0|1|1"

# Not logged in: 77.
(unset XDG_CONFIG_HOME; HOME=$T/nohome; export HOME
printf '%s\n' "$PW" | "$AYNI" user add --email x@example.cl --password-stdin >/dev/null 2>"$T/e"; echo $? >"$T/rc")
check "user add without a session exits 77" test "$(cat "$T/rc")" = 77
check "and says so" test "$(cat "$T/e")" = "ayni: not logged in: run 'ayni login'"

# A plain user cannot add users, list them or see others.
export AYNI_TOKEN=$(login_token bob@example.cl "$PW")
run_in "$PW" user add --email x@example.cl --password-stdin
expect_rc 77
expect_err "ayni: permission denied: 'ayni user add' is for superusers; a company admin adds a member with --company RUT --role ROLE"
run user list
expect_rc 77
expect_err "ayni: permission denied: 'ayni user list' is for superusers"
run user show root@example.cl
expect_rc 77
expect_err "ayni: permission denied: showing another user is for superusers"
run --format csv user show
expect_rc 0
expect_out_has '^bob@example.cl,Bob,0,1,0,0,,[0-9-]+ [0-9:]+,'
run user unlock root@example.cl
expect_rc 77
run user reset-request --email root@example.cl
expect_rc 77
expect_err "ayni: permission denied: 'ayni user reset-request' is for superusers"
unset AYNI_TOKEN

# A company admin adds a member to their company, not an owner.
run company add --rut 76.123.456-0 --name 'Tienda Uno'
expect_rc 0
run_in "$PW" --company 76123456-0 user add --email adm@example.cl --role admin --password-stdin
expect_rc 0
expect_err "ayni: created user 'adm@example.cl', admin of '76.123.456-0'"
export AYNI_TOKEN=$(login_token adm@example.cl "$PW")
run_in "$PW" user add --email vera@example.cl --role viewer --company 76.123.456-0 --password-stdin
expect_rc 0
expect_err "ayni: created user 'vera@example.cl', viewer of '76.123.456-0'"
check "vera is a viewer of the company" \
    test "$(q "SELECT m.role FROM user_companies m JOIN users u ON u.id = m.user_id WHERE u.email = 'vera@example.cl'")" = viewer
run_in "$PW" user add --email olga@example.cl --role owner --company 76123456-0 --password-stdin
expect_rc 77
expect_err "ayni: permission denied: only an owner of '76.123.456-0' adds an owner"
run_in "$PW" user add --email olga@example.cl --company 76123456-0 --password-stdin
expect_rc 64
expect_err_has "^ayni: give the new member's --role ROLE$"
run_in "$PW" user add --email bob@example.cl --role viewer --password-stdin
expect_rc 1
expect_err "ayni: user 'bob@example.cl' already exists: add them with 'ayni company member add'"
run_in "$PW" user add --email olga@example.cl --role viewer --company 77.777.777-7 --password-stdin
expect_rc 77
check "no user made by refused adds" \
    test "$(q "SELECT count(*) FROM users WHERE email = 'olga@example.cl'")" = 0
unset AYNI_TOKEN
export AYNI_TOKEN=$(login_token vera@example.cl "$PW")
run_in "$PW" user add --email olga@example.cl --role viewer --password-stdin
expect_rc 77
expect_err "ayni: permission denied: a viewer of '76.123.456-0' cannot manage users"
unset AYNI_TOKEN

# list and show for a superuser.
run --format csv user list
expect_rc 0
expect_out_has '^email,name,superuser,active,verified,failed_logins,locked_until,last_login,last_login_host,created_at'
check "list has 4 users" test "$(printf '%s\n' "$out" | wc -l)" = 5
run --format json user show bob@example.cl
expect_rc 0
expect_out_has '^\{"email": "bob@example.cl", "name": "Bob", "superuser": false, "active": true, "verified": false, "failed_logins": 0, "locked_until": null, '
run user show nobody@example.cl
expect_rc 1
expect_err "ayni: no user 'nobody@example.cl'"

# passwd: one's own asks the current password (stdin: current, then new).
export AYNI_TOKEN=$(login_token bob@example.cl "$PW")
other=$(login_token bob@example.cl "$PW")
run_in "wrong one here
$PW2" user passwd --password-stdin
expect_rc 77
expect_err "ayni: wrong current password"
check "a wrong current password counts as a failed login" \
    test "$(q "SELECT failed_login_attempts FROM users WHERE email = 'bob@example.cl'")" = 1
run_in "$PW
bob@example.cl" user passwd --password-stdin
expect_rc 64
expect_err_has "^ayni: password must not be the email address$"
run_in "$PW
$PW2" user passwd --password-stdin
expect_rc 0
expect_err "ayni: password changed; your other sessions are logged out"
run --format csv whoami
expect_rc 0
check "the other session is over" sh -c "AYNI_TOKEN=$other '$AYNI' whoami >/dev/null 2>&1; test \$? -eq 77"
run user passwd root@example.cl --password-stdin </dev/null
expect_rc 77
expect_err "ayni: permission denied: changing another user's password is for superusers"
unset AYNI_TOKEN
run_in "$PW" login --email bob@example.cl --password-stdin
expect_rc 77
run_in "$PW2" --db "$DB" login --email bob@example.cl --password-stdin
expect_rc 0
# (that login replaced root's session in the file: log root back in)
run_in "$PW" login --email root@example.cl --password-stdin
expect_rc 0

# A superuser sets another's password without the current one.
bobtok=$(login_token bob@example.cl "$PW2")
run_in "$PW" user passwd bob@example.cl --password-stdin
expect_rc 0
expect_err "ayni: password of 'bob@example.cl' changed; their sessions and tokens are revoked"
check "bob's session is over" sh -c "AYNI_TOKEN=$bobtok '$AYNI' whoami >/dev/null 2>&1; test \$? -eq 77"

# unlock.
q "UPDATE users SET failed_login_attempts = 5, lockout_until = '$(ts '+10 minutes')' WHERE email = 'bob@example.cl'"
check "bob is locked" sh -c "printf '%s\n' '$PW' | XDG_CONFIG_HOME='$T/u' '$AYNI' login --email bob@example.cl --password-stdin 2>&1 | grep -q 'try again in 10 minutes'"
run --format csv user show bob@example.cl
expect_out_has '^bob@example.cl,Bob,0,1,0,5,[0-9-]+ [0-9:]+,'
run user unlock bob@example.cl
expect_rc 0
expect_err "ayni: user 'bob@example.cl' unlocked"
check "unlocked" test "$(q "SELECT failed_login_attempts, CAST(lockout_until IS NULL AS INTEGER) FROM users WHERE email = 'bob@example.cl'")" = "0|1"
run user unlock nobody@example.cl
expect_rc 1
expect_err "ayni: no user 'nobody@example.cl'"

# remove deactivates and revokes; the last superuser stays; the last
# active owner of a company stays too, even for a superuser, naming it.
run company add --rut 11.111.111-1 --name 'Tienda Bob'
expect_rc 0
run company member add 11.111.111-1 --email bob@example.cl --role owner
expect_rc 0
run company member remove 11.111.111-1 --email root@example.cl
expect_rc 0
run user remove bob@example.cl
expect_rc 1
expect_err "ayni: cannot remove 'bob@example.cl': the last active owner of '11.111.111-1' (Tienda Bob): make another member owner first"
check "bob still active" test "$(q "SELECT is_active FROM users WHERE email = 'bob@example.cl'")" = 1
q "UPDATE user_companies SET is_active = 1 WHERE user_id = (SELECT id FROM users WHERE email = 'root@example.cl')"
q "DELETE FROM user_companies WHERE user_id = (SELECT id FROM users WHERE email = 'bob@example.cl')"
bobtok=$(login_token bob@example.cl "$PW")
run user remove bob@example.cl
expect_rc 0
expect_err "ayni: user 'bob@example.cl' deactivated; their sessions and tokens are revoked"
check "bob inactive, sessions revoked" \
    test "$(q "SELECT u.is_active, count(s.id) FROM users u LEFT JOIN sessions s ON s.user_id = u.id AND s.revoked_at IS NULL WHERE u.email = 'bob@example.cl' GROUP BY u.is_active")" = "0|0"
check "bob's token no longer works" sh -c "AYNI_TOKEN=$bobtok '$AYNI' whoami >/dev/null 2>&1; test \$? -eq 77"
run user remove bob@example.cl
expect_rc 1
expect_err "ayni: user 'bob@example.cl' is already inactive"
run user remove root@example.cl
expect_rc 77
expect_err "ayni: cannot remove 'root@example.cl': it is the last active superuser"
run user remove nobody@example.cl
expect_rc 1
# A superuser reactivates a removed user; old sessions stay revoked.
run user restore bob@example.cl
expect_rc 0
expect_err "ayni: user 'bob@example.cl' reactivated: they log in with their password"
check "bob active again" test "$(q "SELECT is_active FROM users WHERE email = 'bob@example.cl'")" = 1
check "bob's old token still dead" sh -c "AYNI_TOKEN=$bobtok '$AYNI' whoami >/dev/null 2>&1; test \$? -eq 77"
run user restore bob@example.cl
expect_rc 1
expect_err "ayni: user 'bob@example.cl' is already active"
run user remove bob@example.cl
expect_rc 0

# Password reset: a superuser makes a token, the user consumes it once.
run --format json user reset-request --email Vera@example.cl
expect_rc 0
expect_out_has '^\{"email": "vera@example.cl", "token": "[0-9a-f]{64}", "expires_at": "[0-9-]+ [0-9:]+"\}$'
rtok=$(printf '%s\n' "$out" | sed 's/.*"token": "\([0-9a-f]*\)".*/\1/')
check "reset token valid for 1 hour" \
    test "$(hours_between "$(q "SELECT created_at FROM password_reset_tokens")" "$(q "SELECT expires_at FROM password_reset_tokens")")" = 1
run user reset-request --email nobody@example.cl
expect_rc 1
expect_err "ayni: no user 'nobody@example.cl'"
run user reset-request --email bob@example.cl
expect_rc 77
expect_err "ayni: user 'bob@example.cl' is inactive"
run_in "$rtok
short" user reset --password-stdin
expect_rc 64
expect_err_has "^ayni: password too short"
run_in "$rtok
$PW2" user reset --password-stdin
expect_rc 0
expect_err "ayni: password of 'vera@example.cl' changed: log in with 'ayni login --email vera@example.cl'"
run_in "$rtok
$PW2" user reset --password-stdin
expect_rc 77
expect_err "ayni: password reset token is invalid, used or expired: ask a superuser for a new one ('ayni user reset-request')"
check "vera logs in with the new password" sh -c "printf '%s\n' '$PW2' | XDG_CONFIG_HOME='$T/v' '$AYNI' login --email vera@example.cl --password-stdin 2>/dev/null"
run --format csv user reset-request --email vera@example.cl
rtok2=$(printf '%s\n' "$out" | sed -n 's/^vera@example.cl,\([0-9a-f]*\),.*/\1/p')
check "csv has the token" test ${#rtok2} -eq 64
q "UPDATE password_reset_tokens SET expires_at = '$(ts '-1 second')' WHERE used = 0"
run_in "$rtok2
$PW" user reset --password-stdin
expect_rc 77
expect_err "ayni: password reset token is invalid, used or expired: ask a superuser for a new one ('ayni user reset-request')"
run_in "nonsense
$PW" user reset --password-stdin
expect_rc 77
run user reset --password-stdin </dev/null
expect_rc 64
expect_err_has "^ayni: no token given on standard input$"
# The token is never an argument: ps would show it.
run user reset --token "$rtok" --password-stdin
expect_rc 64
expect_err_has "^ayni: unknown option '--token'$"
run user verify --token "$rtok"
expect_rc 64
expect_err_has "^ayni: unknown option '--token'$"
# A token, then no password.
run_in "$rtok" user reset --password-stdin
expect_rc 64
expect_err_has "^ayni: no password given on standard input$"
# A newer request ends the older token.
run --format csv user reset-request --email vera@example.cl
old=$(printf '%s\n' "$out" | sed -n 's/^vera@example.cl,\([0-9a-f]*\),.*/\1/p')
run --format csv user reset-request --email vera@example.cl
run_in "$old
$PW" user reset --password-stdin
expect_rc 77

# Email verification: 24 hours, single use.
run --format json user verify-request --email vera@example.cl
expect_rc 0
expect_out_has '^\{"email": "vera@example.cl", "token": "[0-9a-f]{64}", "expires_at": "'
vtok=$(printf '%s\n' "$out" | sed 's/.*"token": "\([0-9a-f]*\)".*/\1/')
check "verification token valid for 24 hours" \
    test "$(hours_between "$(q "SELECT created_at FROM email_verification_tokens")" "$(q "SELECT expires_at FROM email_verification_tokens")")" = 24
run_in "$vtok" user verify
expect_rc 0
expect_err "ayni: email 'vera@example.cl' verified"
check "vera verified" test "$(q "SELECT is_email_verified FROM users WHERE email = 'vera@example.cl'")" = 1
run_in "$vtok" user verify
expect_rc 77
expect_err "ayni: email verification token is invalid, used or expired: ask a superuser for a new one ('ayni user verify-request')"
run --format csv user verify-request --email vera@example.cl
vtok2=$(printf '%s\n' "$out" | sed -n 's/^vera@example.cl,\([0-9a-f]*\),.*/\1/p')
q "UPDATE email_verification_tokens SET expires_at = '$(ts '-1 second')' WHERE verified = 0"
run_in "$vtok2" user verify
expect_rc 77

# No token or password in clear in the database.
for s in "$rtok" "$rtok2" "$vtok" "$vtok2" "correct horse" "another horse"; do
	check "'$s' not in the database" db_lacks "$DB" "$s"
done

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
run user --help
expect_rc 0
check "SYNOPSIS of ayni-user(1) matches --help" \
    test "$(printf '%s\n' "$out" | sed -n 's/^usage: //p')" = "$(synopsis ayni-user.1)"

done_testing
