#!/bin/sh
# demo.sh - the main job: build ayni, create demo/ayni.db, load the example
# exports and a synthetic year of a shop, and print a monthly report.
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
