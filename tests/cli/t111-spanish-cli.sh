#!/bin/sh
# t111-spanish-cli.sh - the command line in Spanish (issue 16): usage,
# --help, 'ayni help', the option parser's errors, notes, the question of
# 'uploads delete' and table headings and dates read in Spanish under
# LANG=es_CL.UTF-8; csv and json stay byte for byte what scripts see in
# the C locale; the bash completion still reads the English help.
. "$(dirname "$0")/lib.sh"

spanish

# --- help ---------------------------------------------------------------
es --help
expect_rc 0
expect_out_has '^uso: ayni \[--db PATH\] \[--company RUT\] \[--format table\|csv\|json\] \[-q\] \[-v\] COMMAND \[ARGS\]$'
expect_out_has '^comandos:$'
expect_out_has '^  upload     cargar un archivo de ventas, todo o nada$'
expect_out_has '^  help       mostrar la ayuda de un comando$'
expect_out_lacks 'usage|commands:'
en_help=$(LANG=C "$AYNI" --help)
check "'ayni --help' in C is English" \
    sh -c "printf '%s\n' \"\$1\" | grep -q '^usage: ayni '" sh "$en_help"
es help
check "'ayni help' is 'ayni --help'" test "$out" = "$(LANG=es_CL.UTF-8 "$AYNI" --help)"

es upload --help
expect_rc 0
expect_out_has '^uso: ayni upload FILE\|- \[--mapping NAME\] '
expect_out_has '^cargar en la empresa un archivo de ventas, todo o nada\.$'
expect_out_has '^opciones:$'
expect_out_has '^  -n, --dry-run              hacer todo menos guardar \(simulación\)$'
expect_out_has '^  --max-errors N             guardar las filas válidas si hay a lo más N inválidas \(de 0 a 1000000000\)$'
expect_out_has '^opciones globales: --db PATH, --company RUT, --format table\|csv\|json, -q, -v$'
expect_out_has '^vea también: man ayni-upload$'
es company add --help
expect_out_has '^  --rut RUT  +el RUT de la empresa, p\. ej\. 76\.123\.456-0 \(obligatoria\)$'
es help company
expect_out_has '^ayni company: empresas, miembros y roles$'
es aggregate --help
expect_out_has '^además:$'
expect_out_has '^  ayni aggregate verify       recalcular cada nivel desde las líneas originales y comparar$'

# --- the parser's errors: exit 64, Spanish, then the usage line ---------
es upload --max-errors muchos ventas.csv
expect_rc 64
expect_err "ayni: valor de --max-errors inválido 'muchos': use un número entero de 0 a 1000000000
uso: ayni upload FILE|- [--mapping NAME] [--map FIELD=HEADER ...] [--delimiter C] [--encoding ENC] [--decimal ,|.] [--date-format FMT] [--mode upsert|replace] [--period day|month] [--from DATE] [--to DATE] [--returns REGEX] [--max-errors N] [--rejects FILE] [--dry-run] [--wait SECONDS]"
es aggregate --level mes
expect_rc 64
expect_err_has "^ayni: valor de --level inválido 'mes': use day, week, month, quarter, year, product, customer o category$"
es aggregate --from 2025-02-30
expect_rc 64
expect_err_has "^ayni: valor de --from inválido '2025-02-30': use AAAA-MM-DD$"
es company add --rut 76.086.428-5
expect_rc 64
expect_err_has "^ayni: la opción '--name' es obligatoria$"
expect_err_has '^uso: ayni company add --rut RUT --name NAME '
es company add --rut
expect_rc 64
expect_err_has "^ayni: la opción '--rut' necesita un valor \(RUT\)$"
es whoami --nada
expect_rc 64
expect_err_has "^ayni: opción desconocida '--nada'$"
es nada
expect_rc 64
expect_err "ayni: comando desconocido 'nada': vea 'ayni help'"
es help nada
expect_rc 64
expect_err "ayni: comando desconocido 'nada': vea 'ayni help'"
es company member
expect_rc 64
expect_err_has "^ayni: 'ayni company member' necesita un comando: add, list, role o remove$"
es --db '' whoami
expect_rc 64
expect_err "ayni: la opción '--db' necesita un valor, no uno vacío"
# the same lines in the C locale stay English
run upload --max-errors muchos ventas.csv
expect_err_has "^ayni: invalid --max-errors 'muchos': use a whole number from 0 to 1000000000$"
expect_err_has '^usage: ayni upload '

# --- notes and tables ----------------------------------------------------
new_db
es company add --rut 76.086.428-5 --name 'Almacén Uno'
expect_rc 0
expect_err "ayni: se agregó la empresa '76.086.428-5': usted es su dueño"
run upload "$AYNI_SRC/examples/ventas-pos-bom.csv" --format csv
expect_rc 0
"$AYNI" sample --rows 20 --seed 7 --from 2025-09-01 --days 3 >"$T/s.csv"
run upload "$T/s.csv" --format csv
expect_rc 0

es --format table aggregate --level day --from 2025-10-29 --top 2
expect_rc 0
expect_out_has '^período  +ventas  +unidades  +transacciones  +líneas  +ticket promedio  +clientes  +productos  +costo  +margen  +margen %  +descuento  +devoluciones$'
expect_out_has '^29-10-2025  '
expect_out_lacks '2025-10-29'
run --format table aggregate --level day --from 2025-10-29 --top 2
expect_out_has '^period  +revenue  +units  '
expect_out_has '^2025-10-29  '
# Headings wider in Spanish, some not ASCII ("período"): widths are
# counted in characters, so the columns align.  The last column is a
# number, right-aligned: every line is as long as the heading line.
widths() {	# the length in characters of each line of $1
	printf '%s\n' "$1" | while IFS= read -r line; do
		printf '%s' "$line" | LANG=es_CL.UTF-8 LC_ALL= wc -m
	done | sort -u | wc -l
}
check "aggregate's table aligns in Spanish ($out)" test "$(widths "$out")" -eq 1
es --format table aggregate --level category
expect_out_has '^categoría  +ventas  +unidades  +productos  +transacciones  +margen  +margen %  +participación %$'
check "category table aligns in Spanish ($out)" test "$(widths "$out")" -eq 1
es --format table uploads show 1
expect_rc 0
expect_out_has '^filas leídas: +36$'
expect_out_has '^desde: +29-10-2025$'
expect_out_has '^creación: +[0-9]{2}-[0-9]{2}-[0-9]{4} [0-9]{2}:[0-9]{2}:[0-9]{2}$'
es --format table whoami
expect_out_has '^superusuario: +sí$'
expect_out_has '^rol: +owner$'
es --format table company list
expect_out_has '^RUT  +nombre  +rubro  +tamaño  +comparación  +rol$'
expect_out_has '^76\.086\.428-5  Almacén Uno  other  micro  +no  +owner$'

# --- scripts see the same bytes ------------------------------------------
for fmt in csv json; do
	for what in "aggregate --level day" "aggregate --level product" \
	    "aggregate --level customer" "uploads list" "uploads show 1" \
	    "company list" "company show" "whoami" "user list" "token list" \
	    "mapping list" "user show"; do
		# shellcheck disable=SC2086
		LANG=C "$AYNI" --format "$fmt" $what >"$T/en.out" 2>/dev/null
		# shellcheck disable=SC2086
		LANG=es_CL.UTF-8 "$AYNI" --format "$fmt" $what >"$T/es.out" \
		    2>/dev/null
		check "$fmt of '$what' is the same in Spanish" \
		    cmp -s "$T/en.out" "$T/es.out"
	done
done
# whose columns are not empty: a non-trivial comparison
LANG=es_CL.UTF-8 "$AYNI" --format csv uploads list >"$T/es.out"
check "csv keeps the column names" \
    grep -q '^upload_id,filename,status,mode,rows_read,' "$T/es.out"
check "csv keeps ISO dates" grep -q ',2025-10-29,2025-11-03,' "$T/es.out"

# --- messages with counts and whole sentences ---------------------------
es check
expect_rc 0
expect_err "ayni: check: sin problemas (integridad, claves foráneas, resúmenes de 1 empresa, cargas, permisos de archivos)"
es uploads delete 1
expect_rc 64
expect_err_has '^ayni: no se puede preguntar sin una terminal: agregue --yes para confirmar$'
es uploads delete cero
expect_rc 64
expect_err_has "^ayni: número de carga inválido 'cero': debe ser un número positivo$"

# --- uploads delete asks, and takes 's' and 'sí' -------------------------
if command -v script >/dev/null 2>&1; then
	LANG=es_CL.UTF-8
	export LANG
	printf 'n\n' | script -qec "'$AYNI' uploads delete 1" /dev/null \
	    >"$T/pty.out" 2>&1
	check "the question is Spanish ($(cat "$T/pty.out"))" grep -q \
	    "¿eliminar la carga 1 ('$AYNI_SRC/examples/ventas-pos-bom.csv') y sus 36 líneas (2025-10: 22, 2025-11: 14)? \[s/N\]" \
	    "$T/pty.out"
	check "'n' deletes nothing" grep -q "no se eliminó nada" "$T/pty.out"
	printf 's\n' | script -qec "'$AYNI' --format csv uploads delete 1" \
	    /dev/null >"$T/pty.out" 2>&1
	check "'s' deletes ($(cat "$T/pty.out"))" \
	    grep -q '^1,.*,deleted,36,' "$T/pty.out"
	printf 'Sí\n' | script -qec "'$AYNI' --format csv uploads delete 2" \
	    /dev/null >"$T/pty.out" 2>&1
	check "'Sí' deletes ($(cat "$T/pty.out"))" \
	    grep -q '^2,.*,deleted,' "$T/pty.out"
	LANG=C
	export LANG
else
	printf 'skip: no script(1) for a terminal\n'
fi

# --- completion reads the English help whatever the locale --------------
if command -v bash >/dev/null 2>&1; then
	comp() {
		LANG=es_CL.UTF-8 bash -c '
			. "$1"; shift
			COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1))
			_ayni
			printf "%s\n" "${COMPREPLY[@]}" | sort | tr "\n" " "
		' sh "$AYNI_SRC/scripts/ayni.bash-completion" "$@"
	}
	out=$(comp "$AYNI" upload --ma)
	last="complete 'ayni upload --ma' in Spanish"; rc=0; err=
	expect_out "--map --mapping --max-errors "
	out=$(comp "$AYNI" --format cs)
	last="complete 'ayni --format cs' in Spanish"
	expect_out "csv "
	out=$(comp "$AYNI" company me)
	last="complete 'ayni company me' in Spanish"
	expect_out "member "
fi

done_testing
