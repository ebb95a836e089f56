#!/bin/sh
# t022-token.sh - 'ayni token create|list|revoke': an API token is printed
# once, stored only as a hash, works through AYNI_TOKEN with its creator's
# rights (over the token file), expires, and stops at once when revoked.
. "$(dirname "$0")/lib.sh"

umask 022
new_db
DB=$AYNI_DB
q() { sql "$DB" "$1"; }

run --format json token create --name nightly --expires 10
expect_rc 0
expect_out_has '^\{"name": "nightly", "token": "[0-9a-f]{64}", "expires_at": "[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9:]{8}"\}$'
expect_err "ayni: token 'nightly' created: it is shown only this once; use it as AYNI_TOKEN"
tok=$(printf '%s\n' "$out" | sed 's/.*"token": "\([0-9a-f]*\)".*/\1/')
check "expires in 10 days" \
    test "$(days_between "$(q "SELECT created_at FROM sessions WHERE name = 'nightly'")" "$(q "SELECT expires_at FROM sessions WHERE name = 'nightly'")")" = 10
check "token not in the database" db_lacks "$DB" "$tok"

run token create --name nightly
expect_rc 1
expect_err "ayni: token 'nightly' already exists: revoke it with 'ayni token revoke nightly' or choose another name"
run token create --name 'bad name'
expect_rc 64
expect_err_has "^ayni: invalid token name 'bad name': use 1 to 64 letters, digits, '.', '_' or '-'$"
run token create --name x --expires 0
expect_rc 64
expect_err_has "^ayni: invalid --expires '0': use a whole number from 1 to 3650$"
run token create --name x --expires 10x
expect_rc 64
run token create
expect_rc 64
expect_err_has "^ayni: option '--name' is required$"
run --format csv token create --name default-life
expect_rc 0
check "default life is 365 days" \
    test "$(days_between "$(q "SELECT created_at FROM sessions WHERE name = 'default-life'")" "$(q "SELECT expires_at FROM sessions WHERE name = 'default-life'")")" = 365

# The token acts as its creator, and wins over the token file.
run logout
expect_rc 0
run whoami
expect_rc 77
export AYNI_TOKEN=$tok
run --format csv whoami
expect_rc 0
expect_out_has '^root@example.cl,,1,api,nightly,'
run --format csv user list
expect_rc 0
expect_out_has '^root@example.cl,'
check "last use recorded" test "$(q "SELECT CAST(last_used_at IS NOT NULL AS INTEGER) FROM sessions WHERE name = 'nightly'")" = 1
run token create --name another
expect_rc 77
expect_err "ayni: permission denied: an API token cannot create tokens; log in with 'ayni login'"
run logout
expect_rc 64
expect_err_has "^ayni: this is an API token, not a login session: end it with 'ayni token revoke NAME'$"
unset AYNI_TOKEN
run_in "$PW" login --email root@example.cl --password-stdin
AYNI_TOKEN=$tok; export AYNI_TOKEN
run --format csv whoami
expect_out_has '^root@example.cl,,1,api,nightly,'
unset AYNI_TOKEN

# list: live tokens of the caller, never the secret.
run --format csv token list
expect_rc 0
expect_out_has '^name,created_at,expires_at,last_used_at,status'
expect_out_has '^default-life,[0-9-]+ [0-9:]+,[0-9-]+ [0-9:]+,,active'
expect_out_has '^nightly,[0-9-]+ [0-9:]+,[0-9-]+ [0-9:]+,[0-9-]+ [0-9:]+,active'
expect_out_lacks "$tok"

# Expired: refused, and listed as expired.
q "UPDATE sessions SET expires_at = '$(ts '-1 second')' WHERE name = 'nightly'"
AYNI_TOKEN=$tok; export AYNI_TOKEN
run whoami
expect_rc 77
# its own message, with the day and what to do (docs/contract.md §8: a cron log
# says it)
expect_err "ayni: token 'nightly' expired on $(q "SELECT substr(expires_at, 1, 10) FROM sessions WHERE name = 'nightly'"): create a new one with 'ayni token create --name nightly'"
unset AYNI_TOKEN
run --format csv token list
expect_out_has '^nightly,.*,expired'
q "UPDATE sessions SET expires_at = '$(ts '+1 day')' WHERE name = 'nightly'"

# Revoked: refused at once; the name can be used again.
run token revoke nightly
expect_rc 0
expect_err "ayni: token 'nightly' revoked"
AYNI_TOKEN=$tok; export AYNI_TOKEN
run whoami
expect_rc 77
expect_err "ayni: token 'nightly' was revoked on $(q "SELECT substr(revoked_at, 1, 10) FROM sessions WHERE name = 'nightly'"): create a new one with 'ayni token create --name nightly'"
unset AYNI_TOKEN
# a token nobody issued is only "not logged in"
AYNI_TOKEN=$(printf '%064d' 7); export AYNI_TOKEN
run whoami
expect_rc 77
expect_err "ayni: not logged in: run 'ayni login'"
unset AYNI_TOKEN
run token revoke nightly
expect_rc 1
expect_err "ayni: no token 'nightly': see 'ayni token list'"
run token revoke
expect_rc 64
run --format csv token create --name nightly
expect_rc 0
run --format csv token list
check "two live tokens" test "$(printf '%s\n' "$out" | wc -l)" = 3

# Another user's tokens: not in my list, not mine to revoke; a
# deactivated user's tokens stop working.
run_in "$PW" user add --email ana@example.cl --password-stdin
anat=$( (XDG_CONFIG_HOME=$T/ana; export XDG_CONFIG_HOME
printf '%s\n' "$PW" | "$AYNI" login --email ana@example.cl --password-stdin 2>/dev/null &&
"$AYNI" --format csv token create --name cron 2>/dev/null) | sed -n 's/^cron,\([0-9a-f]*\),.*/\1/p')
check "ana has a token" test ${#anat} -eq 64
AYNI_TOKEN=$anat; export AYNI_TOKEN
run --format csv whoami
expect_out_has '^ana@example.cl,,0,api,cron,'
run token revoke nightly
expect_rc 1
unset AYNI_TOKEN
run --format csv token list
expect_out_lacks '^cron'
run user remove ana@example.cl
expect_rc 0
AYNI_TOKEN=$anat; export AYNI_TOKEN
run whoami
expect_rc 77
unset AYNI_TOKEN

# Usage lines.
run token create --help
expect_rc 0
expect_out_has '^usage: ayni token create --name NAME \[--expires DAYS\]$'
run token revoke --help
expect_out_has '^usage: ayni token revoke NAME$'

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
run token --help
expect_rc 0
check "SYNOPSIS of ayni-token(1) matches --help" \
    test "$(printf '%s\n' "$out" | sed -n 's/^usage: //p')" = "$(synopsis ayni-token.1)"

# Cron: with stdout not a terminal and no --format, the bare token, which
# 'AYNI_TOKEN=$(cat file)' uses as it is.
"$AYNI" token create --name bare >"$T/bare.token" 2>"$T/bare.err"
check "bare token exit 0" test $? -eq 0
check "bare token is one line of 64 hex digits" \
    test "$(grep -cE '^[0-9a-f]{64}$' "$T/bare.token")" = 1 -a \
    "$(wc -l <"$T/bare.token")" = 1
check "note on stderr" grep -q "token 'bare' created, valid until" "$T/bare.err"
AYNI_TOKEN=$(cat "$T/bare.token"); export AYNI_TOKEN
run --format csv whoami
expect_out_has '^root@example.cl,,1,api,bare,'
unset AYNI_TOKEN
# --format json: the object, for scripts that want the expiry too
run --format json token create --name bare-json
expect_out_has '^\{"name": "bare-json", "token": "[0-9a-f]{64}", "expires_at": "'

done_testing
