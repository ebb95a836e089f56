#!/bin/sh
# t032-permissions.sh - every cell of the permission matrix of docs/contract.md
# §4 for every company-scoped command, generated from two tables below: the
# matrix (role -> permissions) and the commands (command -> permission it
# needs).  Each command is run as each of the five roles, as a member of
# another company and as a superuser who is not a member; the expected
# outcome is derived, never written by hand.
#
# Adding a command: add a row to 'commands'.  Fields, '|' separated:
#   command      arguments after 'ayni --company $R' ($R: the company's RUT)
#   permission   what it needs, as in the matrix (export: csv/json of data)
#   undo         WHO:COMMAND run after an allowed run to put things back
#                (WHO: owner or root), or empty
. "$(dirname "$0")/lib.sh"

# docs/contract.md §4, one line per role.
matrix='owner view upload export manage_users delete_data manage_company
admin view upload export manage_users
manager view upload export
analyst view export
viewer view'

commands='company show $R|view|
company member list $R|view|
company use $R|view|
company edit $R --industry retail|manage_company|
company member add $R --email new@x.cl --role viewer|manage_users|owner:company member remove $R --email new@x.cl
company member role $R --email target@x.cl --role analyst|manage_users|owner:company member role $R --email target@x.cl --role viewer
company member remove $R --email target@x.cl|manage_users|owner:company member add $R --email target@x.cl --role viewer
upload $F|upload|
upload --dry-run $F|upload|
uploads list|view|
uploads show 1|view|
uploads list --format json|export|
mapping save m --map in_dt=fecha|upload|owner:mapping remove m
mapping list|view|
aggregate|view|
aggregate --level product --format csv|export|
aggregate --level customer|view|
aggregate verify|view|
aggregate rebuild|upload|
company remove $R|manage_company|root:company restore $R'

R=76123456-0	# the company
RD=76.123.456-0	# as messages show it
O=12531909-2	# another company, for the outsider

# run_as WHO ARGS...: run ayni as WHO, whose session lives in its own
# config directory.  XDG_CONFIG_HOME is exported, and a prefix assignment
# before a shell function is not portable: set it and restore it.
run_as() {
	save=$XDG_CONFIG_HOME
	XDG_CONFIG_HOME="$T/cfg-$1"
	shift
	run "$@"
	XDG_CONFIG_HOME=$save
}

new_db root@x.cl
mkdir -p "$T/cfg-root"
cp -r "$XDG_CONFIG_HOME/ayni" "$T/cfg-root/"
for u in owner admin manager analyst viewer outsider target new; do
	run_in "$PW" user add --email "$u@x.cl" --password-stdin
	expect_rc 0
	save=$XDG_CONFIG_HOME
	XDG_CONFIG_HOME="$T/cfg-$u"
	run_in "$PW" login --email "$u@x.cl" --password-stdin
	expect_rc 0
	XDG_CONFIG_HOME=$save
done
run_as owner company add --rut 76.123.456-0 --name Acme
expect_rc 0
for r in admin manager analyst viewer; do
	run_as owner company member add $R --email "$r@x.cl" --role $r
	expect_rc 0
done
run_as owner company member add $R --email target@x.cl --role viewer
expect_rc 0
run_as outsider company add --rut 12.531.909-2 --name Otra
expect_rc 0

# Sales data for the data commands: upload 1 exists before the rows run.
F="$T/ventas.csv"
printf 'fecha;boleta;sku;cantidad;total\n01-10-2025;1;A;1;100\n' >"$F"
# On PostgreSQL the data commands (upload, uploads, aggregate) come in part
# 2: they refuse any database there (69), before roles are looked at, and
# their rows of the matrix are skipped, each with a skip line.
part2='^(upload|uploads|aggregate)[ |]'
if [ "$BACKEND" = pg ]; then
	printf '%s\n' "$commands" | grep -E "$part2" | while IFS='|' read -r cmd x; do
		printf 'skip: %s: %s (part 2 on PostgreSQL)\n' "$name" "$cmd"
	done
	run_as owner --company $R upload "$F"
	expect_rc 69
	expect_err "ayni: 'ayni upload' does not run on PostgreSQL yet: it comes in part 2; use a SQLite database"
	commands=$(printf '%s\n' "$commands" | grep -Ev "$part2")
else
	run_as owner --company $R upload "$F"
	expect_rc 0
fi

can() {		# can ROLE PERM: the matrix says yes
	printf '%s\n' "$matrix" | grep -q "^$1 \(.* \)\{0,1\}$2\( \|$\)"
}

rows=0
printf '%s\n' "$commands" | {
while IFS='|' read -r cmd perm undo; do
	rows=$((rows + 1))
	eval "args=\"$cmd\""
	eval "undo=\"$undo\""
	permtext=$(printf '%s' "$perm" | tr _ ' ')
	for role in owner admin manager analyst viewer; do
		# shellcheck disable=SC2086
		run_as $role --company $R $args
		if can $role "$perm"; then
			expect_rc 0
			if [ -n "$undo" ]; then
				# shellcheck disable=SC2086
				run_as "${undo%%:*}" ${undo#*:}
				expect_rc 0
			fi
		else
			expect_rc 77
			case $role in admin|owner|analyst) a=an ;; *) a=a ;; esac
			hint=
			[ "$perm" = export ] && hint=': use --format table'
			expect_err "ayni: permission denied: $a $role of '$RD' cannot $permtext$hint"
		fi
	done
	# Not a member: 77, and the same words as for a RUT nobody has.
	for who in outsider root; do
		# shellcheck disable=SC2086
		run_as $who --company $R $args
		expect_rc 77
		expect_err_has "^ayni: no access to (company '$R'|the company chosen)"
		mine=$err
		# shellcheck disable=SC2086
		run_as $who --company 1-9 $(printf '%s\n' "$args" | sed "s/$R/1-9/")
		check "'$cmd' as $who: same message as for no such company" \
		    test "$(printf '%s' "$mine" | sed "s/$R/RUT/")" = \
		    "$(printf '%s' "$err" | sed "s/1-9/RUT/")"
	done
done
if [ "$BACKEND" = pg ]; then
	check "every command row ran" test "$rows" -ge 9
	done_testing
fi
check "every command row ran" test "$rows" -ge 20

# uploads delete needs delete-data: only the owner.
for role in admin manager analyst viewer; do
	run_as $role --company $R uploads delete --yes 1
	expect_rc 77
	case $role in admin|analyst) a=an ;; *) a=a ;; esac
	expect_err "ayni: permission denied: $a $role of '$RD' cannot delete data"
done
run_as owner --company $R uploads delete --yes 1
expect_rc 0
done_testing
}
