#!/bin/sh
# t031-members.sh - 'ayni company member': add, list, role, remove; owners
# made only by owners; the last owner kept; cross-company isolation; the
# superuser; 'company use' with an API token.  The full matrix of who may
# run what is t032-permissions.sh's.
. "$(dirname "$0")/lib.sh"

# run_as WHO ARGS...: run ayni as WHO (session in its own config dir).
run_as() {
	save=$XDG_CONFIG_HOME
	XDG_CONFIG_HOME="$T/cfg-$1"
	shift
	run "$@"
	XDG_CONFIG_HOME=$save
}

runc() {
	run "$@"
	out=$(printf '%s\n' "$out" | tr -d '\r')
}

runc_as() {
	run_as "$@"
	out=$(printf '%s\n' "$out" | tr -d '\r')
}

new_db root@x.cl
for u in own adm two out; do
	run_in "$PW" user add --email "$u@x.cl" --password-stdin
	save=$XDG_CONFIG_HOME
	XDG_CONFIG_HOME="$T/cfg-$u"
	run_in "$PW" login --email "$u@x.cl" --password-stdin
	expect_rc 0
	XDG_CONFIG_HOME=$save
done
A=76.123.456-0
B=12.531.909-2
run_as own company add --rut $A --name Acme
expect_rc 0
run_as out company add --rut $B --name Otra
expect_rc 0

# Add, list, duplicates, unknown users and roles.
run_as own company member add $A --email TWO@x.cl --role viewer
expect_rc 0
expect_err "ayni: 'TWO@x.cl' is now a viewer of '76.123.456-0'"
run_as own company member add $A --email two@x.cl --role analyst
expect_rc 1
expect_err "ayni: 'two@x.cl' is already a viewer of '76.123.456-0': use 'ayni company member role'"
run_as own company member add $A --email nobody@x.cl --role viewer
expect_rc 1
expect_err_has "^ayni: no user 'nobody@x.cl'"
run_as own company member add $A --email adm@x.cl --role boss
expect_rc 64
expect_err_has "^ayni: invalid --role 'boss': use owner, admin, manager, analyst or viewer$"
run_as own company member add $A --email adm@x.cl
expect_rc 64
expect_err_has "^ayni: option '--role' is required$"
run_as own company member list $A --role viewer
expect_rc 64
expect_err_has "^ayni: unknown option '--role'$"
run_as own company member frob $A
expect_rc 64
expect_err_has "^ayni: unknown command 'ayni company member frob': use add, list, role or remove$"
run_as own company member add $A --email adm@x.cl --role admin
expect_rc 0
runc_as own company member list $A
expect_rc 0
expect_out "email,name,role
own@x.cl,,owner
adm@x.cl,,admin
two@x.cl,,viewer"
run_as two --format json company list
expect_out '[
  {"rut": "76.123.456-0", "name": "Acme", "industry": "other", "size": "micro", "benchmark": false, "role": "viewer"}
]'

# The only company is the default, for a member too.
runc_as two company show
expect_rc 0
expect_out_has '^76.123.456-0,Acme,other,micro,0,viewer$'

# Roles change; an admin manages members but makes or unmakes no owner.
run_as adm company member role $A --email two@x.cl --role manager
expect_rc 0
expect_err "ayni: 'two@x.cl' is now a manager of '76.123.456-0'"
run_as adm company member role $A --email two@x.cl --role owner
expect_rc 77
expect_err "ayni: permission denied: only an owner of '76.123.456-0' makes or unmakes owners"
run_as adm company member role $A --email own@x.cl --role viewer
expect_rc 77
expect_err "ayni: permission denied: only an owner of '76.123.456-0' makes or unmakes owners"
run_as adm company member remove $A --email own@x.cl
expect_rc 77
run_as adm company member role $A --email out@x.cl --role viewer
expect_rc 1
expect_err "ayni: 'out@x.cl' is not a member of '76.123.456-0'"
run_as adm company remove $A
expect_rc 77
expect_err "ayni: permission denied: an admin of '76.123.456-0' cannot manage company"

# The last active owner is neither demoted nor removed.
run_as own company member role $A --email own@x.cl --role admin
expect_rc 77
expect_err "ayni: 'own@x.cl' is the last owner of '76.123.456-0': make another member owner first"
run_as own company member remove $A --email own@x.cl
expect_rc 77
expect_err "ayni: 'own@x.cl' is the last owner of '76.123.456-0': make another member owner first"
run_as own company member role $A --email adm@x.cl --role owner
expect_rc 0
run_as own company member role $A --email own@x.cl --role admin
expect_rc 0
run_as adm company member role $A --email adm@x.cl --role viewer
expect_rc 77
expect_err_has "'adm@x.cl' is the last owner"
check "roles stored" test "$(sql "$AYNI_DB" "SELECT u.email || '=' || m.role FROM user_companies m JOIN users u ON u.id = m.user_id JOIN companies c ON c.id = m.company_id WHERE c.rut = '76123456-0' ORDER BY u.email" | paste -sd ' ')" = \
    "adm@x.cl=owner own@x.cl=admin two@x.cl=manager"

# Remove: access ends at once; re-adding re-activates the same row.
run_as adm company member remove $A --email two@x.cl
expect_rc 0
expect_err "ayni: 'two@x.cl' is no longer a member of '76.123.456-0'"
run_as two company show $A
expect_rc 77
expect_err "ayni: no access to company '76.123.456-0': not a member, or no such company"
run_as two company show
expect_rc 64
expect_err_has "^ayni: you are not a member of any company"
run_as adm company member add $A --email two@x.cl --role analyst
expect_rc 0
check "one membership row for two" test "$(sql "$AYNI_DB" "SELECT count(*), min(role) FROM user_companies WHERE user_id = (SELECT id FROM users WHERE email = 'two@x.cl')")" = "1|analyst"

# Cross-company isolation: a member of A learns nothing about B, not even
# that it exists: the same exit and words as for a RUT nobody has.
for cmd in "company show" "company member list" "company use" "company edit --name X" "company remove"; do
	# shellcheck disable=SC2086
	run_as own $cmd $B
	expect_rc 77
	mine=$(printf '%s' "$err" | sed "s/$B/RUT/")
	# shellcheck disable=SC2086
	run_as own $cmd 99.999.999-9
	expect_rc 77
	check "'$cmd': no difference between B and no company" test \
	    "$mine" = "$(printf '%s' "$err" | sed "s/99.999.999-9/RUT/")"
done
run_as own company member add $B --email own@x.cl --role owner
expect_rc 77
run_as own --company $B company show
expect_rc 77
expect_err "ayni: no access to company '12.531.909-2': not a member, or no such company"

# The superuser administers companies but sees them only as a member.
run company show $A
expect_rc 77
run company member list $A
expect_rc 77
run_as adm company remove $A
expect_rc 0
run_as out company restore $A
expect_rc 77
expect_err "ayni: permission denied: 'ayni company restore' is for superusers"
run_as adm company list --all
expect_rc 77
runc_as adm company list
expect_out "rut,name,industry,size,benchmark,role"
run company restore $A
expect_rc 0
runc_as adm company list
expect_out "rut,name,industry,size,benchmark,role
76.123.456-0,Acme,other,micro,0,owner"

# 'company use' with an API token sets that token's default, for every
# command run with it; the login session of the same user is unchanged.
run_as out company member list $B
expect_rc 0
run_as adm company member add $A --email out@x.cl --role viewer
expect_rc 0
run_as out --format json token create --name cron
expect_rc 0
tok=$(printf '%s' "$out" | sed -n 's/.*"token": "\([0-9a-f]*\)".*/\1/p')
check "token printed" test ${#tok} -eq 64
export AYNI_TOKEN="$tok"
run company show
expect_rc 64
run company use $A
expect_rc 0
expect_err "ayni: using company '76.123.456-0' by default for every command run with this API token"
runc company show
expect_rc 0
expect_out_has '^76.123.456-0,Acme,other,micro,0,viewer$'
check "stored with the token" test "$(sql "$AYNI_DB" \
    "SELECT kind, name, CAST(company_id IS NOT NULL AS INTEGER) FROM sessions WHERE kind = 'api'")" = "api|cron|1"
unset AYNI_TOKEN
run_as out company show
expect_rc 64
expect_err_has "several companies"
done_testing
