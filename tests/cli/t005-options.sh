#!/bin/sh
# t005-options.sh - the typed option tables: a missing required option, a
# number out of range, a bad choice and a second value are refused with
# exit 64 and one style of message, before any database is opened; every
# command's --help shows its required options without brackets; no
# command option hides a global one.
. "$(dirname "$0")/lib.sh"

# No database exists here: each refusal comes from the parser (64), not
# from opening one (66).
run token create --expires 30
expect_rc 64
expect_err "ayni: option '--name' is required
usage: ayni token create --name NAME [--expires DAYS]"
run company member add 76.123.456-0 --role viewer
expect_rc 64
expect_err_has "^ayni: option '--email' is required$"

run token create --name x --expires 3651
expect_rc 64
expect_err_has "^ayni: invalid --expires '3651': use a whole number from 1 to 3650$"
run token create --name x --expires=' 5'
expect_rc 64
expect_err_has "^ayni: invalid --expires ' 5': use a whole number from 1 to 3650$"
run aggregate --top 0
expect_rc 64
expect_err_has "^ayni: invalid --top '0': use a positive whole number$"
run upload --wait 86401 x.csv
expect_rc 64
expect_err_has "^ayni: invalid --wait '86401': use a whole number from 0 to 86400$"

run upload --mode merge x.csv
expect_rc 64
expect_err_has "^ayni: invalid --mode 'merge': use upsert or replace$"
run company member role 76.123.456-0 --email a@x.cl --role boss
expect_rc 64
expect_err_has "^ayni: invalid --role 'boss': use owner, admin, manager, analyst or viewer$"
run upload --from 2025-13-01 x.csv
expect_rc 64
expect_err_has "^ayni: invalid --from '2025-13-01': use YYYY-MM-DD$"

# A second value of a single-valued option is refused (git would take
# the last; a script that says two things means one of them by mistake);
# a flag twice says the same thing once; a repeatable option keeps all.
run token create --name a --name b
expect_rc 64
expect_err_has "^ayni: option '--name' given twice$"
run sample --rows 1 --rows 2
expect_rc 64
expect_err_has "^ayni: option '--rows' given twice$"
run sample --rows 1 -q -q
expect_rc 0
run sample --out d --companies 1 --out e
expect_rc 64
# A global one: the last wins, as before.
run --format json --format csv sample --rows 1
expect_rc 0
expect_out_has '^Fecha'

# -h anywhere wins over a bad line, as before.
run token create --expires 0 --frob -h
expect_rc 0
expect_out_has '^usage: ayni token create --name NAME \[--expires DAYS\]$'

# Every command's --help: required options (help line says so) appear in
# the usage line without brackets; no option is a global one.
run help
groups=$(printf '%s\n' "$out" |
    sed -n '/^commands:$/,/^$/s/^  \([a-z][a-z0-9-]*\)  .*/\1/p')
for g in $groups; do
	[ "$g" = help ] && continue
	run help "$g"
	printf '%s\n' "$out" | sed -n "s/^usage: ayni $g //p" |
	    sed 's/ [A-Z[].*//; s/ --.*//' >"$T/verbs"
	while read -r v; do
		case $v in -*|[A-Z]*|\[*) v= ;; esac
		run $g $v --help
		expect_rc 0
		usage=$(printf '%s\n' "$out" | sed -n 's/^usage: //p')
		for o in $(printf '%s\n' "$out" |
		    sed -n 's/^  \(-., \)\{0,1\}\(--[a-z-]*\).*(required)$/\2/p'); do
			check "'ayni $g $v': $o without brackets in '$usage'" \
			    sh -c 'case " $1 " in *" $2 "*) ! case " $1 " in *"[$2"*) true;; *) false;; esac;; *) false;; esac' \
			    sh "$usage" "$o"
		done
		for o in --db --company --format --quiet --verbose --help \
		    --version; do
			check "'ayni $g $v' has no option $o of its own" \
			    sh -c '! printf "%s\n" "$1" | grep -q "^  \(-., \)\{0,1\}$2[ =]"' \
			    sh "$out" "$o"
		done
	done <"$T/verbs"
done
# The required options that exist today are among those checked.
run company member add --help
expect_out_has '^usage: ayni company member add RUT --email EMAIL --role owner\|admin\|manager\|analyst\|viewer$'
expect_out_has '^  --email EMAIL +the user to add \(required\)$'

done_testing
