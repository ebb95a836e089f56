#!/bin/sh
# t030-company.sh - 'ayni company' for one user: add with every RUT
# spelling, validation messages, list/show in each format, edit, soft
# delete and restore, 'company use' and the only-company default.  Other
# users and roles: t031-members.sh and t032-permissions.sh.
. "$(dirname "$0")/lib.sh"

# runc: run, with csv's CRLF line ends made LF for the comparisons.
runc() {
	run "$@"
	out=$(printf '%s\n' "$out" | tr -d '\r')
}

new_db

# Help: one usage line per verb (the SYNOPSIS of ayni-company(1)).
run company --help
expect_rc 0
expect_out_has '^usage: ayni company add --rut RUT --name NAME \['
expect_out_has '^usage: ayni company member add RUT --email EMAIL --role owner\|admin\|manager\|analyst\|viewer$'
expect_out_has '^usage: ayni company member list RUT$'
# The manual's SYNOPSIS, read back from its mdoc source, is the same.
synopsis() {
	sed -n '/^\.Sh SYNOPSIS/,/^\.Sh /p' "$AYNI_SRC/man/ayni-company.1" | awk '
	    /^\.Nm / { if (l != "") print l; sub(/^\.Nm /, ""); l = $0; next }
	    /^\.Op / { sub(/^\.Op /, ""); gsub(/Fl /, "-"); gsub(/Ar /, "");
		l = l " [" $0 "]"; next }
	    /^\.Fl / { sub(/^\.Fl /, "-"); gsub(/ Ar /, " "); l = l " " $0
		next }
	    /^\.Ar / { sub(/^\.Ar /, ""); l = l " " $0 }
	    END { print l }'
}
check "SYNOPSIS of ayni-company(1) matches --help" test \
    "$(printf '%s\n' "$out" | sed -n 's/^usage: //p')" = "$(synopsis)"

# No company yet: a company-scoped command asks for one.
runc company show
expect_rc 64
expect_err_has "^ayni: you are not a member of any company: add one with 'ayni company add'"

# Add: the creator is the owner; dotted form displayed, canonical stored.
run company add --rut ' 76.123.456-0 ' --name '  Acme SpA ' --industry retail
expect_rc 0
expect_out ""
expect_err "ayni: added company '76.123.456-0': you are its owner"
check "canonical RUT stored, name trimmed" test \
    "$(sql "$AYNI_DB" 'SELECT rut, name, industry, size, benchmark FROM companies')" = \
    "76123456-0|Acme SpA|retail|micro|0"

# Unique whatever the spelling.
for r in 76123456-0 761234560 76.123.456-0; do
	run company add --rut "$r" --name Otra
	expect_rc 1
	expect_err "ayni: company '76.123.456-0' already exists"
done

# A wrong check digit names the expected one; bad shapes say what is wrong.
run company add --rut 76.123.456-K --name Otra
expect_rc 64
expect_err "ayni: invalid RUT '76.123.456-K': check digit should be '0', not 'K'
usage: ayni company add --rut RUT --name NAME [--industry CODE] [--size SIZE] [--benchmark on|off]"
run company add --rut 12.345.678-9 --name Otra
expect_rc 64
expect_err_has "check digit should be '5', not '9'"
run company add --rut 123.456.789-2 --name Otra
expect_rc 64
expect_err_has "must have 1 to 8 digits"
run company add --rut 76086A28-5 --name Otra
expect_rc 64
expect_err_has "^ayni: invalid RUT '76086A28-5': unexpected 'A'$"
run company add --rut 12.531.909-2 --name ' X '
expect_rc 64
expect_err_has "^ayni: invalid company name ' X ': at least 2 characters$"
run company add --rut 12.531.909-2 --name Beta --industry mining
expect_rc 64
expect_err_has "^ayni: unknown industry 'mining': use retail, food"
run company add --rut 12.531.909-2 --name Beta --size large
expect_rc 64
expect_err_has "^ayni: unknown size 'large': use micro, small or medium$"
run company add --rut 12.531.909-2 --name Beta --benchmark yes
expect_rc 64
expect_err_has "^ayni: invalid --benchmark 'yes': use on or off$"
run company add --name Beta
expect_rc 64
expect_err_has "^ayni: option '--rut' is required$"
check "nothing else was added" test \
    "$(sql "$AYNI_DB" 'SELECT count(*) FROM companies')" = 1

# The only company is the default.
runc company show
expect_rc 0
expect_out "rut,name,industry,size,benchmark,role
76.123.456-0,Acme SpA,retail,micro,0,owner"
run --format json company show
expect_out '{"rut": "76.123.456-0", "name": "Acme SpA", "industry": "retail", "size": "micro", "benchmark": false, "role": "owner"}'

# A second one, lower-case k: now a choice is needed.
run company add --rut 10.000.013-k --name Beta --size small --benchmark on --industry food
expect_rc 0
expect_err "ayni: added company '10.000.013-K': you are its owner"
run --format json company list
expect_rc 0
expect_out '[
  {"rut": "76.123.456-0", "name": "Acme SpA", "industry": "retail", "size": "micro", "benchmark": false, "role": "owner"},
  {"rut": "10.000.013-K", "name": "Beta", "industry": "food", "size": "small", "benchmark": true, "role": "owner"}
]'
run --format table company list
expect_out "rut           name      industry  size   benchmark  role
76.123.456-0  Acme SpA  retail    micro  no         owner
10.000.013-K  Beta      food      small  yes        owner"
runc company show
expect_rc 64
expect_err "ayni: you belong to several companies: choose one with --company RUT or 'ayni company use RUT'
usage: ayni company show [RUT]"
runc --company 10000013K company show
expect_rc 0
expect_out_has '^10.000.013-K,Beta,food,small,1,owner$'
runc company show 761234560 --company 10000013K
expect_out_has '^76.123.456-0,Acme SpA,'

# 'company use' stores the choice in this session.
run company use 10.000.013-K
expect_rc 0
expect_err "ayni: using company '10.000.013-K' by default in this session"
check "sessions.company_id set" test "$(sql "$AYNI_DB" \
    "SELECT c.rut FROM sessions s JOIN companies c ON c.id = s.company_id")" = 10000013-K
runc company show
expect_out_has '^10.000.013-K,Beta,'
runc --company 76.123.456-0 company show
expect_out_has '^76.123.456-0,Acme SpA,'
run company use 99.999.999-9
expect_rc 77
expect_err "ayni: no access to company '99.999.999-9': not a member, or no such company"

# Edit: only what is given changes.
run company edit 76123456-0 --name 'Acme Dos' --benchmark on
expect_rc 0
expect_err "ayni: changed company '76.123.456-0'"
runc company show 76123456-0
expect_out "rut,name,industry,size,benchmark,role
76.123.456-0,Acme Dos,retail,micro,1,owner"
run company edit 76123456-0
expect_rc 64
expect_err_has "^ayni: nothing to change: give --name, --industry, --size or --benchmark$"
run company edit 76123456-0 --size huge
expect_rc 64

# Remove: soft.  Gone from every listing and lookup, the row kept.
run company remove 10.000.013-K
expect_rc 0
expect_err "ayni: removed company '10.000.013-K': its data is kept, and a superuser can restore it"
runc company list
expect_out "rut,name,industry,size,benchmark,role
76.123.456-0,Acme Dos,retail,micro,1,owner"
runc company show 10.000.013-K
expect_rc 77
expect_err "ayni: no access to company '10.000.013-K': not a member, or no such company"
# The session's choice was the removed company: say so, do not fall back.
runc company show
expect_rc 77
expect_err_has "^ayni: no access to the company chosen with 'ayni company use'"
check "row and membership kept" test "$(sql "$AYNI_DB" \
    "SELECT c.is_active, m.role, m.is_active FROM companies c JOIN user_companies m ON m.company_id = c.id WHERE c.rut = '10000013-K'")" = "0|owner|1"
run company add --rut 10000013-K --name Gamma
expect_rc 1
expect_err "ayni: company '10.000.013-K' already exists but was removed: a superuser can restore it"
runc company list --all
expect_rc 0
expect_out "rut,name,industry,size,benchmark,role,active
76.123.456-0,Acme Dos,retail,micro,1,owner,1
10.000.013-K,Beta,food,small,1,owner,0"

# Restore (this user is the superuser): back as it was.
run company restore 10.000.013-k
expect_rc 0
expect_err "ayni: restored company '10.000.013-K'"
runc company show
expect_rc 0
expect_out_has '^10.000.013-K,Beta,food,small,1,owner$'
run company restore 10.000.013-K
expect_rc 1
expect_err "ayni: company '10.000.013-K' is not removed: nothing to restore"
run company restore 1.000.000-9
expect_rc 1
expect_err "ayni: no company '1.000.000-9'"
run company restore 1.000.000-0
expect_rc 64

# Not logged in: 77 before anything else.
run logout
runc company list
expect_rc 77
expect_err "ayni: not logged in: run 'ayni login'"

done_testing
