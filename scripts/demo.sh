#!/bin/sh
# demo.sh - the main job: build ayni, create demo/ayni.db, load the example
# exports and a synthetic quarter of a shop, print a monthly report, and
# compare twelve synthetic shops of one industry (ayni benchmark), load an
# accountant's twenty clients' SII sales registers in one loop, and end
# with the report of one of them, as text and as demo/report.html.
# Leaves demo/ behind to explore: ayni --db demo/ayni.db ..., or sqlite3.
set -eu
cd "$(dirname "$0")/.."
sh scripts/deps.sh
cmake -S . -B build >/dev/null
cmake --build build -j"$(nproc 2>/dev/null || echo 2)" >/dev/null
ayni=$PWD/build/ayni

rm -rf demo
mkdir -p demo
export AYNI_DB="$PWD/demo/ayni.db"
# The demo's own config directory, so its session does not touch yours.
export XDG_CONFIG_HOME="$PWD/demo/config"
unset AYNI_TOKEN AYNI_FORMAT

step() { printf '\n== %s\n' "$*"; }

step "a database and its first user"
echo 'demo-password-1' | "$ayni" init --email demo@ayni.cl --name Demo \
    --password-stdin

step "three companies"
"$ayni" company add --rut 76.086.428-5 --name 'Minimarket Los Andes' \
    --industry retail --size small
"$ayni" company add --rut 12.531.909-2 --name 'Almacén Don Pepe' \
    --industry retail
"$ayni" company add --rut 76.123.456-0 --name 'Panadería La Espiga' \
    --industry food --size small

step "real-looking exports, no flags (Windows-1252 and ';'; UTF-8 BOM POS)"
"$ayni" --company 76.086.428-5 upload examples/ventas-minimarket-cp1252.csv
"$ayni" --company 12.531.909-2 upload examples/ventas-pos-bom.csv
"$ayni" --company 12.531.909-2 upload examples/ventas-multilinea.csv

step "a synthetic quarter of a bakery (ayni sample), uploaded twice: nothing doubles"
"$ayni" sample --rows 20000 --seed 7 --from 2025-07-01 --days 92 \
    --profile panaderia >demo/panaderia.csv
"$ayni" --company 76.123.456-0 upload demo/panaderia.csv
"$ayni" --company 76.123.456-0 upload demo/panaderia.csv

step "monthly report: Panadería La Espiga"
"$ayni" --company 76.123.456-0 --format table aggregate --level month
step "top products by revenue"
"$ayni" --company 76.123.456-0 --format table aggregate --level product --top 8
step "rollups agree with the raw lines"
"$ayni" --company 76.123.456-0 aggregate verify

step "twelve retail shops that opted in to benchmarks (ayni sample --companies)"
"$ayni" -q sample --companies 12 --out demo/shops --rows 1500 --seed 3 \
    --from 2025-07-01 --days 92 >/dev/null
n=0
for rut in 78101111-8 78102222-5 78103333-2 78104444-K 78105555-7 \
    78106666-4 78107777-1 78108888-9 78109999-6 78111110-4 78112221-1 \
    78113332-9; do
	n=$((n + 1))
	"$ayni" -q company add --rut "$rut" --name "Tienda $n" \
	    --industry retail --benchmark on
	"$ayni" -q --company "$rut" upload "demo/shops/company-$(printf %02d $n).csv" \
	    >/dev/null
done
printf 'uploaded %d shops\n' "$n"
step "where Tienda 1 stands among them (its latest full month)"
"$ayni" --company 78101111-8 --format table benchmark

step "an accountant's quarter: twenty clients' SII sales registers, one loop"
"$ayni" -q --format csv sample --register --companies 20 --months 3 \
    --from 2025-08-01 --out demo/registros | sed 1d |
    awk -F, '!seen[$2]++ { print $2 "," $3 "," $4 }' |
while IFS=, read -r rut name industry; do
	"$ayni" -q company add --rut "$rut" --name "$name" \
	    --industry "$industry" --benchmark on
done
for f in demo/registros/RCV_VENTA_*.csv; do
	"$ayni" -q upload "$f" >/dev/null
done
printf 'uploaded %d registers (the company from each file name)\n' \
    "$(ls demo/registros | wc -l)"
AYNI="$ayni" sh examples/contadora.sh demo/registros | head -n 6
printf '... (sh examples/contadora.sh demo/registros for all twenty)\n'

step "Tienda 1's report for its latest full month, with its benchmark"
"$ayni" -q --company 78101111-8 report --html demo/report.html
"$ayni" --company 78101111-8 --format table report
printf '\nThe same report as a page: demo/report.html (try: ayni report --help)\n'
