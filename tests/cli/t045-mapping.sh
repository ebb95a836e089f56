#!/bin/sh
# t045-mapping.sh - 'ayni mapping': save, list, show and remove in every
# format, one default per company, replacing by name, bad pairs and option
# values, every exit status of ayni-mapping(1), the permissions of each
# role, and the manual's SYNOPSIS and EXAMPLES run as they are written.
. "$(dirname "$0")/lib.sh"

# runc: run, with csv's CRLF line ends made LF and times made TIME.
runc() {
	run "$@"
	out=$(printf '%s\n' "$out" | tr -d '\r' |
	    sed -E 's/[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}/TIME/g')
}

# role ROLE: the logged-in user's role in the first company becomes ROLE.
role() {
	sql "$AYNI_DB" "UPDATE user_companies SET role = '$1' WHERE company_id = 1"
}

new_db
MAN="$AYNI_SRC/man/ayni-mapping.1"

# Help: one usage line per verb, the SYNOPSIS of ayni-mapping(1).
run mapping --help
expect_rc 0
expect_out_has '^usage: ayni mapping save NAME \[--map FIELD=HEADER \.\.\.\] \[--date-format FMT\] \[--decimal C\] \[--encoding ENC\] \[--delimiter C\] \[--returns REGEX\] \[--default\] \[--from-upload ID\]$'
synopsis=$(sed -n '/^\.Sh SYNOPSIS/,/^\.Sh DESCRIPTION/p' "$MAN" | awk '
	/^\.Nm / { if (s != "") print s; sub(/^\.Nm /, ""); s = "usage: " $0 }
	/^\.Ar / { sub(/^\.Ar /, ""); s = s " " $0 }
	/^\.Op Fl / { sub(/^\.Op Fl /, ""); sub(/ Ar /, " "); s = s " [-" $0 "]" }
	END { print s }')
check "synopsis of ayni-mapping(1) matches --help" test \
    "$(printf '%s\n' "$out" | grep '^usage: ')" = "$synopsis"
run mapping
expect_rc 64
expect_err_has '^usage: ayni mapping list$'
run mapping rename a b
expect_rc 64
expect_err_has "^ayni: unknown command 'ayni mapping rename'"

# No database: 66, nothing created.
NONE=$(db_missing none)
run --db "$NONE" mapping list
expect_rc 66
check "no database created" db_absent "$NONE"

# No company yet: 64.
run mapping list
expect_rc 64
expect_err_has "^ayni: you are not a member of any company"

run company add --rut 76.123.456-0 --name 'Ferretería Ñuñoa'
expect_rc 0

# An empty list is a header (csv), an empty array (json).
runc mapping list
expect_rc 0
expect_out "name,fields,default,updated_at"
run --format json mapping list
expect_out "[]"

# Save: nothing on stdout, a note on stderr.
run mapping save pos --map in_dt=Fecha --map 'in_trans_id=N° Doc. Venta' \
    --map in_product_id=Código --map 'in_price_total=Total, neto' \
    --decimal , --delimiter tab --encoding LATIN1 --date-format '%d/%m/%Y' \
    --default
expect_rc 0
expect_out ""
expect_err "ayni: mapping 'pos' saved"
check "stored as JSON in field order, options as given" test \
    "$(sql "$AYNI_DB" 'SELECT mapping_name, mappings, formats, is_default FROM column_mappings')" = \
    'pos|{"in_dt":"Fecha","in_trans_id":"N° Doc. Venta","in_product_id":"Código","in_price_total":"Total, neto"}|{"date_format":"%d/%m/%Y","decimal":",","encoding":"latin1","delimiter":"\t"}|1'

runc mapping list
expect_out "name,fields,default,updated_at
pos,4,1,TIME"
runc --format table mapping list
expect_out "name  fields  default  updated_at
pos        4  yes      TIME"

runc mapping show pos
expect_rc 0
expect_out 'kind,name,value
field,in_dt,Fecha
field,in_trans_id,N° Doc. Venta
field,in_product_id,Código
field,in_price_total,"Total, neto"
option,date_format,%d/%m/%Y
option,decimal,","
option,encoding,latin1
option,delimiter,tab
option,returns,
option,default,yes'
run --format table mapping show pos
expect_out 'kind    name            value
field   in_dt           Fecha
field   in_trans_id     N° Doc. Venta
field   in_product_id   Código
field   in_price_total  Total, neto
option  date_format     %d/%m/%Y
option  decimal         ,
option  encoding        latin1
option  delimiter       tab
option  returns         
option  default         yes'
run --format json mapping show pos
expect_out '[
  {"kind": "field", "name": "in_dt", "value": "Fecha"},
  {"kind": "field", "name": "in_trans_id", "value": "N° Doc. Venta"},
  {"kind": "field", "name": "in_product_id", "value": "Código"},
  {"kind": "field", "name": "in_price_total", "value": "Total, neto"},
  {"kind": "option", "name": "date_format", "value": "%d/%m/%Y"},
  {"kind": "option", "name": "decimal", "value": ","},
  {"kind": "option", "name": "encoding", "value": "latin1"},
  {"kind": "option", "name": "delimiter", "value": "tab"},
  {"kind": "option", "name": "returns", "value": null},
  {"kind": "option", "name": "default", "value": "yes"}
]'

# A second default takes the flag: exactly one per company.
run mapping save excel --map in_dt=Date --default
expect_rc 0
expect_err "ayni: mapping 'excel' saved
ayni: mapping 'pos' is no longer the default"
runc mapping list
expect_out "name,fields,default,updated_at
excel,1,1,TIME
pos,4,0,TIME"
check "one default" test \
    "$(sql "$AYNI_DB" 'SELECT count(*) FROM column_mappings WHERE is_default = 1')" = 1

# Saving a name again replaces it as a whole, default flag included.
run mapping save excel --map in_dt=Fecha --map in_quantity=Qty
expect_rc 0
expect_err "ayni: mapping 'excel' updated
ayni: mapping 'excel' is no longer the default: the company has none (add --default to keep it)"
runc mapping list
expect_out "name,fields,default,updated_at
excel,2,0,TIME
pos,4,0,TIME"
run -q mapping save excel --map in_dt=Fecha --default
expect_rc 0
expect_err ""
runc mapping show excel
expect_out 'kind,name,value
field,in_dt,Fecha
option,date_format,
option,decimal,
option,encoding,
option,delimiter,
option,returns,
option,default,yes'

# Bad pairs and option values: 64, with the usage line, nothing stored.
before=$(sql "$AYNI_DB" 'SELECT mappings, formats FROM column_mappings ORDER BY id')
bad() {
	msg=$1
	shift
	run mapping save excel "$@"
	expect_rc 64
	expect_err "ayni: $msg
usage: ayni mapping save NAME [--map FIELD=HEADER ...] [--date-format FMT] [--decimal C] [--encoding ENC] [--delimiter C] [--returns REGEX] [--default] [--from-upload ID]"
}
bad "bad --map 'in_dt': expected FIELD=HEADER, e.g. in_dt=Fecha" --map in_dt
bad "bad --map '=Fecha': no field before '=', e.g. in_dt=Fecha" --map =Fecha
bad "bad --map 'in_dt=': empty header after '='" --map in_dt=
bad "field 'in_dt' mapped twice: to 'Fecha' and to 'Date'" \
    --map in_dt=Fecha --map in_dt=Date
bad "mapping 'excel' maps no field: give at least one --map FIELD=HEADER"
bad "mapping 'excel' maps no field: give at least one --map FIELD=HEADER" \
    --default
bad "bad decimal mark ';': use ',' or '.'" --map in_dt=F --decimal ';'
bad "unknown encoding 'ascii'; use utf-8, latin1, windows-1252, utf-16le or utf-16be" \
    --map in_dt=F --encoding ascii
bad "unsupported delimiter ':'; use ',', ';', '|' or tab" \
    --map in_dt=F --delimiter :
bad "date format '%d/%m' needs %d, %m and %Y or %y" \
    --map in_dt=F --date-format %d/%m
run mapping save excel --map fecha=Fecha
expect_rc 64
expect_err_has "^ayni: bad --map 'fecha=Fecha': unknown field 'fecha'"
run mapping save excel --map in_dt=F --decimal , --decimal .
expect_rc 64
expect_err_has "^ayni: option '--decimal' given twice$"
run mapping save "$(printf '%0101d' 0)" --map in_dt=F
expect_rc 64
expect_err_has "^ayni: mapping name '0{20}\.\.\.' is too long: at most 100 bytes$"
run mapping save --map in_dt=F
expect_rc 64
run mapping show
expect_rc 64
check "nothing changed by refused saves" test \
    "$(sql "$AYNI_DB" 'SELECT mappings, formats FROM column_mappings ORDER BY id')" = "$before"

# Not found: 1, nothing on stdout.
run mapping show nope
expect_rc 1
expect_out ""
expect_err "ayni: no mapping 'nope'"
run mapping remove nope
expect_rc 1
expect_err "ayni: no mapping 'nope'"
run mapping show POS
expect_rc 1

# Remove.
run mapping remove excel
expect_rc 0
expect_out ""
expect_err "ayni: mapping 'excel' removed; the company has no default mapping now"
run mapping remove pos
expect_rc 0
expect_err "ayni: mapping 'pos' removed"
runc mapping list
expect_out "name,fields,default,updated_at"

# A damaged row (written by another program) is bad data: 65.
sql "$AYNI_DB" "INSERT INTO column_mappings (company_id, mapping_name,
    mappings, formats, created_at, updated_at) VALUES (1, 'rota',
    '{\"in_fecha\":\"x\"}', NULL, '', '')"
run mapping show rota
expect_rc 65
expect_err "ayni: mapping 'rota' is damaged: unknown field 'in_fecha'; save it again"
run -q mapping save rota --map in_dt=Fecha
expect_rc 0
run mapping show rota
expect_rc 0
run -q mapping remove rota

# Roles: save and remove need "upload", list and show need "view".
run -q mapping save keep --map in_dt=Fecha
for r in viewer analyst; do
	role $r
	run mapping save x --map in_dt=F
	expect_rc 77
	expect_err_has "^ayni: permission denied: an? $r of '76\.?123\.?456-0' cannot upload$"
	run mapping remove keep
	expect_rc 77
	runc mapping list
	expect_rc 0
	expect_out "name,fields,default,updated_at
keep,1,0,TIME"
	run --format json mapping show keep
	expect_rc 0
	expect_out_has '"name": "in_dt", "value": "Fecha"'
done
for r in manager admin owner; do
	role $r
	run -q mapping save "by-$r" --map in_dt=F
	expect_rc 0
	run -q mapping remove "by-$r"
	expect_rc 0
done

# Another company's mappings are out of reach: 77, whatever exists there.
sql "$AYNI_DB" "INSERT INTO companies (rut, name, created_at, updated_at)
    VALUES ('11111111-1', 'Otra', '', '');
    INSERT INTO column_mappings (company_id, mapping_name, mappings,
    created_at, updated_at) VALUES (2, 'secret', '{\"in_dt\":\"x\"}', '', '')"
run --company 11.111.111-1 mapping show secret
expect_rc 77
expect_out ""
expect_err_has "^ayni: no access to company '11.111.111-1'"
run --company 11.111.111-1 mapping list
expect_rc 77
run mapping show secret
expect_rc 1

# Not logged in: 77.
XDG_CONFIG_HOME="$T/nobody" run mapping list
expect_rc 77
expect_err_has "^ayni: not logged in: run 'ayni login'"

# The manual's examples run as written (uploads are t040's business).
run -q mapping remove keep
sed -n '/^\.Sh EXAMPLES/,/^\.Sh SEE ALSO/p' "$MAN" |
    sed -e 's/\\(de/°/g' -e "s/\\\\('o/ó/g" -e 's/\\e/\\/g' >"$T/examples"
n=0
while IFS= read -r line; do
	case $line in '$ ayni'*) ;; *) continue ;; esac
	line=${line#\$ }
	# a trailing backslash continues the command on the next line
	while [ "${line%\\}" != "$line" ] && IFS= read -r more; do
		line="${line%\\} $more"
	done
	case $line in 'ayni upload'*) continue ;; esac
	n=$((n + 1))
	eval "run ${line#ayni }"
	expect_rc 0
	[ "$rc" -eq 0 ] || printf 'example: %s\n' "$line" >&2
done <"$T/examples"
check "five examples ran" test "$n" -eq 5
runc mapping list
expect_out "name,fields,default,updated_at
pos,5,1,TIME"
run mapping show pos
expect_out_has '^field,in_trans_id,N° Doc. Venta'
expect_out_has '^field,in_product_id,Código'

done_testing
