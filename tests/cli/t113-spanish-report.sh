#!/bin/sh
# t113-spanish-report.sh - the report a shop owner reads, in Spanish
# (issue 16, include/ayni/intl.h): with LANG=es_CL.UTF-8 the text report
# and the HTML page speak Chilean Spanish (labels, sentences, weekdays,
# margin bands, the benchmark, dates as dd-mm-yyyy), the page says
# lang="es-CL" and renders in a browser; and 'ayni report --format
# csv|json' gives scripts the same bytes as in the C locale.
. "$(dirname "$0")/lib.sh"

spanish

# lacks RE: stdout does not match the extended regex RE
lacks() {
	if printf '%s\n' "$out" | grep -Eq -- "$1"; then
		not_ok "stdout has /$1/"
	else
		ok
	fi
}

# --- the minimarket of t066: a real export, October against September ---
EX="$AYNI_SRC/examples"
R=76.123.456-0
new_db
run company add --rut "$R" --name 'Minimarket Uno'
expect_rc 0
es report
expect_rc 1
expect_err "ayni: $R aún no tiene ventas: primero cargue un archivo"
run -q upload "$EX/ventas-minimarket-cp1252.csv"
expect_rc 0

es --format table report --period 2025-10
expect_rc 0
check "head line: dates as dd-mm-yyyy" test "$(printf '%s\n' "$out" | head -1)" = \
    "Minimarket Uno  $R  2025-10 (del 01-10-2025 al 31-10-2025)"
expect_out_has '^ +2025-10 +2025-09 +variación +2024-10 +variación$'
expect_out_has '^ventas +\$82\.972 +\$62\.408 +\+32,95 % +- *$'
expect_out_has '^transacciones +10 +8 +\+25,00 %'
expect_out_has '^ticket promedio +\$8\.297 +\$7\.801 +\+6,36 %'
expect_out_has '^unidades +45,259 +23,786 '
expect_out_has '^clientes +4 +4 '
expect_out_has '^devoluciones +1 +1 '
# the numbers line up under their columns, whatever the label's length
check "columns aligned" test "$(printf '%s\n' "$out" | sed -n '4,9p' |
    awk '{ print index($0, "  -") }' | sort -u | wc -l)" = 1
expect_out_has '^margen: los datos no traen costos$'
expect_out_has '^devoluciones: 1 de 23 líneas$'
expect_out_has '^productos más vendidos \(14 en total\); ABC: A 7, B 4, C 3; 8 suman el 80 % de las ventas$'
expect_out_has '^   1  7802100001893  Cerveza lata 470 cc +\$17\.820 +21,48 %  A$'
expect_out_has '^categorías más vendidas \(8 en total\)$'
expect_out_has '^días de la semana: el mejor es el miércoles \(\$25\.744 en 1 día\), el peor el sábado \(\$17\.790 en 1 día\)$'
expect_out_has '^hora de más ventas: 10:00-10:59 \(\$15\.120\)$'
expect_out_has '^comparación con su rubro: no disponible: '
for word in revenue transactions 'avg ticket' units customers change \
    'top products' weekdays 'peak hour' 'benchmark:' margin: Wednesday; do
	lacks "$word"
done

# a period without sales, and the latest sale as dd-mm-yyyy
es --format table report --period 2024-01
expect_rc 0
expect_out_has '^Minimarket Uno  76\.123\.456-0  2024-01 \(del 01-01-2024 al 31-01-2024\)$'
expect_out_has '^sin ventas en 2024-01 \(última venta: [0-9]{2}-10-2025\)$'
en --format table report --period 2024-01
expect_out_has '^no sales in 2024-01 \(latest sale: 2025-10-[0-9]{2}\)$'

# --- the HTML page ----------------------------------------------------
es report --period 2025-10 --html "$T/es.html"
expect_rc 0
en report --period 2025-10 --html "$T/en.html"
expect_rc 0
check "html lang es-CL" grep -q '^<html lang="es-CL">$' "$T/es.html"
check "html lang en in the C locale" grep -q '^<html lang="en">$' "$T/en.html"
for h in Resumen 'Ventas diarias, 2025-10 comparado con 2025-09' \
    'Productos más vendidos' 'Categorías más vendidas' \
    'Ventas por día de la semana y hora' 'Comparación con su rubro'; do
	check "html heading '$h'" grep -q "<h2>$h</h2>" "$T/es.html"
done
check "html sub line" grep -q '&middot; ventas de <b data-k="period">2025-10</b> (del 01-10-2025 al 31-10-2025)</p>' "$T/es.html"
for t in '<th>Ventas</th>' '<th>Ticket promedio</th>' \
    '<th>Devoluciones (líneas)</th>' '<th class="num">variación</th>' \
    'aria-label="ventas diarias"' 'aria-label="productos más vendidos"' \
    'Mejor día de la semana: <b>miércoles</b>' \
    '<span>Devoluciones: 1 de 23 líneas</span>' \
    'productos suman el 80 % de las ventas.' \
    'text-anchor="end">mié</text>' '<th>descripción</th>' \
    'Hora de más ventas: <b data-k="peak_hour"' \
    'las cifras son las mismas de <code>ayni aggregate --from 2025-10-01 --to 2025-10-31</code>'; do
	check "html has '$t'" grep -qF "$t" "$T/es.html"
done
for t in '<h2>Summary' '<th>Revenue' 'Top products' 'aria-label="daily' \
    'Best weekday' 'numbers equal' '>Wed<'; do
	check "html lacks '$t'" sh -c "! grep -qF '$t' '$T/es.html'"
done
# the values scripts read from the page do not change with the language
sed -n 's/.*\(data-k="[a-z_]*" data-v="[^"]*"\).*/\1/p' "$T/es.html" >"$T/es.kv"
sed -n 's/.*\(data-k="[a-z_]*" data-v="[^"]*"\).*/\1/p' "$T/en.html" >"$T/en.kv"
check "html data-v values equal the C locale's" cmp -s "$T/es.kv" "$T/en.kv"
check "html data-v values there" test -s "$T/es.kv"

# --- scripts see the same bytes ------------------------------------------
for fmt in csv json; do
	for p in "" "--period 2025-10" "--period 2025-Q4" "--period 2024-01"; do
		# shellcheck disable=SC2086
		LANG=C "$AYNI" --format "$fmt" report $p >"$T/en.out" 2>/dev/null
		# shellcheck disable=SC2086
		LANG=es_CL.UTF-8 "$AYNI" --format "$fmt" report $p \
		    >"$T/es.out" 2>/dev/null
		check "$fmt of 'report $p' is the same in Spanish" \
		    cmp -s "$T/en.out" "$T/es.out"
	done
done
run --format csv report --period 2025-10
check "csv keeps English weekdays" sh -c "printf '%s' \"\$1\" | grep -q ',Wednesday,Saturday,10,'" sh "$out"

# --- an accountant's clients: no products, a benchmark of ten, margins -----
run --format csv sample --register --companies 20 --months 1 \
    --from 2025-09-01 --documents 30 --seed 11 --out "$T/rcv"
expect_rc 0
printf '%s\n' "$out" | tr -d '\r' | sed 1d |
    awk -F, '!seen[$2]++ { print $2 "," $3 "," $4 }' >"$T/clients.csv"
while IFS=, read -r rut cname industry; do
	"$AYNI" company add --rut "$rut" --name "$cname" \
	    --industry "$industry" --benchmark on >/dev/null 2>&1
done <"$T/clients.csv"
for f in "$T"/rcv/RCV_VENTA_*.csv; do
	"$AYNI" -q upload "$f" >/dev/null 2>&1
done
run benchmark refresh
expect_rc 0
C=$(head -1 "$T/clients.csv" | cut -d, -f1)
es --company "$C" --format table report --period 2025-09
expect_rc 0
expect_out_has '^productos: ninguno; '
lacks '^unidades '
expect_out_has '^comparación con su rubro: [a-z]+, 2025-09, 10 empresas$'
expect_out_has '^  ventas +percentil +[0-9]+  usted \$[0-9.]+, mediana \$[0-9.]+$'
expect_out_has '^  ticket promedio +percentil +[0-9]+  usted '
expect_out_has '^  margen % +no se muestra \(lo tienen 0 empresas\)$'
es --company "$C" report --period 2025-09 --html "$T/b.html"
expect_rc 0
check "html benchmark sentence" grep -qE '^<p>Entre 10 empresas del rubro &ldquo;[a-z]+&rdquo; que participan y tienen ventas en 2025-09; no se muestra el valor de ninguna otra empresa\.</p>$' "$T/b.html"
check "html benchmark headings" grep -qF '<th>indicador</th><th class="num">percentil</th><th class="num">usted</th>' "$T/b.html"
check "html no products section" grep -qF '<section><h2>Productos</h2>' "$T/b.html"
for fmt in csv json; do
	LANG=C "$AYNI" --company "$C" --format "$fmt" report --period 2025-09 \
	    >"$T/en.out" 2>/dev/null
	LANG=es_CL.UTF-8 "$AYNI" --company "$C" --format "$fmt" report \
	    --period 2025-09 >"$T/es.out" 2>/dev/null
	check "$fmt of a benchmarked report is the same in Spanish" \
	    cmp -s "$T/en.out" "$T/es.out"
done

# a bakery with costs: the margin and its band
S=76.086.428-5
run company add --rut "$S" --name 'Panadería La Espiga' --industry food
"$AYNI" sample --rows 3000 --seed 7 --from 2025-07-01 --days 92 \
    --profile panaderia >"$T/p.csv"
run --company "$S" -q upload "$T/p.csv"
expect_rc 0
es --company "$S" --format table report --period 2025-08
expect_rc 0
expect_out_has '^margen: \$[0-9.]+, [0-9]+,[0-9]+ % de las ventas de líneas con costo: (crítico|bajo|saludable|excelente)$'
run --company "$S" --format csv report --period 2025-08
check "csv band stays English" sh -c "printf '%s' \"\$1\" | grep -Eq ',(critical|low|healthy|excellent),'" sh "$out"
es --company "$S" report --period 2025-08 --html "$T/r.html"
expect_rc 0
check "html band in Spanish, class in English" grep -qE '<span class="band (critical|low|healthy|excellent)">(crítico|bajo|saludable|excelente)</span>' "$T/r.html"
check "html margin sentence" grep -qE 'Margen <b data-k="margin" data-v="[0-9.]+">\$[0-9.]+</b>, <b data-k="margin_pct" data-v="[0-9.]+">[0-9,]+ %</b> de las ventas de líneas con costo:' "$T/r.html"

# --- the Spanish page in a real browser (as t067), when there is one -------
browser=
for b in chromium chromium-browser; do
	command -v "$b" >/dev/null 2>&1 && browser=$b && break
done
if [ -z "$browser" ]; then
	printf 'skip: chromium not found: the Spanish page is not rendered\n'
	done_testing
fi
prof=$(mktemp -d "$T/chromium.XXXXXX")
timeout 120 "$browser" --headless --no-sandbox --disable-gpu \
    --disable-background-networking --disable-component-update \
    --disable-sync --no-first-run --user-data-dir="$prof" \
    --window-size=900,2400 --screenshot="$T/r.png" "file://$T/r.html" \
    >"$T/chromium.log" 2>&1
check "screenshot made" test -s "$T/r.png"
set -- $(python3 "$AYNI_SRC/tests/cli/pngstat.py" "$T/r.png")
check "screenshot size" test "$1x$2" = 900x2400
check "screenshot not blank (ink $3)" python3 -c "import sys; sys.exit(not float('$3') > 0.03)"
check "screenshot has colours ($4)" test "$4" -gt 50

done_testing
