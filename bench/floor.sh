#!/bin/sh
# floor.sh [ROWS | FILE] - what SQLite alone needs to hold the lines the way ayni
# must: 'sqlite3 .import' of a generated export into a bare table (the
# baseline of bench/all.sh), then one INSERT ... SELECT of the same rows
# into raw_transactions, with its unique line key, its two indexes and its
# checks, the rollup triggers dropped (as the upload's store sets them
# aside) and foreign keys unchecked with the upload's 24 MiB cache (as
# the upload's transaction runs); then one SELECT that finds each of those
# rows again by its line key and compares its values, as a re-upload of
# the same file must.  No CSV parsing, no inference, no rollups in the
# second and third numbers: an upload and a re-upload cannot be cheaper
# than they on one core.  Prints all three and the ratios.  FILE: an
# export of 'ayni sample' (semicolons, dd-mm-yyyy) to use instead of
# generating ROWS lines.  Environment: AYNI (the binary; default
# build/ayni).
set -eu
arg=${1:-1000000}
case $arg in /*) ;; *) [ -f "$arg" ] && arg=$PWD/$arg ;; esac
cd "$(dirname "$0")/.."
ayni=${AYNI:-$PWD/build/ayni}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export HOME="$tmp" XDG_CONFIG_HOME="$tmp/cfg" AYNI_DB="$tmp/ayni.db"
if [ -f "$arg" ]; then
	ln -s "$arg" "$tmp/lines.csv"
	rows=$(($(wc -l <"$arg") - 1))
else
	rows=$arg
	"$ayni" sample --rows "$rows" --seed 42 >"$tmp/lines.csv"
fi
echo 'bench-password-1' | "$ayni" -q init --email b@ayni.cl --password-stdin
"$ayni" -q company add --rut 76.123.456-0 --name Bench

now() { date +%s%N; }
t0=$(now)
sqlite3 "$tmp/base.db" -cmd '.separator ;' -cmd ".import $tmp/lines.csv t" .quit
t1=$(now)
sqlite3 "$AYNI_DB" -cmd '.separator ;' -cmd ".import $tmp/lines.csv t" .quit
# the dates of 'ayni sample' are dd-mm-yyyy hh:mm; amounts are integers
d='"Fecha venta"'
sqlite3 "$AYNI_DB" "SELECT 'DROP TRIGGER \"' || name || '\";' FROM sqlite_schema
    WHERE type = 'trigger' AND tbl_name = 'raw_transactions'" >"$tmp/drop.sql"
sqlite3 "$AYNI_DB" <"$tmp/drop.sql"
t2=$(now)
sqlite3 "$AYNI_DB" <<SQL
PRAGMA foreign_keys = OFF;
PRAGMA cache_size = -24576;
BEGIN;
INSERT INTO uploads (id, company_id, filename, created_at)
    VALUES (1, 1, 'floor', '2026-01-01 00:00:00');
INSERT INTO raw_transactions (company_id, upload_id, line_no,
    transaction_date, branch, doc_type, transaction_id, product_id,
    occurrence, is_return, customer_id, description, category, unit_type,
    quantity, price_total, cost_unit, cost_total, price_unit,
    discount_total, commission_total, margin, processed_at)
SELECT 1, 1, rowid, substr($d, 7, 4) || '-' || substr($d, 4, 2) || '-' ||
    substr($d, 1, 2) || ' ' || substr($d, 12, 5) || ':00', '',
    "Tipo documento", "N° doc. venta", SKU, rowid, 0,
    nullif("Nombre cliente", ''), Nombre, "Categoría", "Tipo unidad",
    Cantidad * 1000, "Total neto" * 100, "Costo unitario" * 100,
    "Total costo" * 100, "Precio unitario" * 100, "Total descuento" * 100,
    "Total comisión" * 100, "Utilidad aprox." * 100, '2026-01-01 00:00:00'
FROM t;
COMMIT;
SQL
t3=$(now)
# each line found by its key, its stored values compared with the file's
sqlite3 "$AYNI_DB" <<SQL >/dev/null
PRAGMA cache_size = -24576;
SELECT count(*), sum(changed) FROM (SELECT (r.transaction_date,
    r.customer_id, r.description, r.category, r.unit_type, r.quantity,
    r.price_total, r.cost_unit, r.cost_total, r.price_unit,
    r.discount_total, r.commission_total, r.margin) IS NOT (
    substr($d, 7, 4) || '-' || substr($d, 4, 2) || '-' || substr($d, 1, 2)
    || ' ' || substr($d, 12, 5) || ':00', nullif("Nombre cliente", ''),
    Nombre, "Categoría", "Tipo unidad", Cantidad * 1000,
    "Total neto" * 100, "Costo unitario" * 100, "Total costo" * 100,
    "Precio unitario" * 100, "Total descuento" * 100,
    "Total comisión" * 100, "Utilidad aprox." * 100) AS changed
  FROM t JOIN raw_transactions r ON r.company_id = 1
    AND r.txn_key = char(31) || "Tipo documento" || char(31) ||
    "N° doc. venta" || char(31) || substr($d, 7, 4) || '-' ||
    substr($d, 4, 2) || '-' || substr($d, 1, 2)
    AND r.product_key = SKU AND r.occurrence = t.rowid);
SQL
t4=$(now)
imp=$(( (t1 - t0) / 1000000 ))
ins=$(( (t3 - t2) / 1000000 ))
sel=$(( (t4 - t3) / 1000000 ))
echo "rows: $rows"
echo "sqlite3 .import into a bare table: $imp ms"
echo "INSERT ... SELECT into raw_transactions (indexes, checks, no triggers): $ins ms"
echo "SELECT each line by its key and compare (a re-upload's lookups): $sel ms"
awk -v a="$ins" -v b="$imp" 'BEGIN { printf "insert / .import: %.2fx\n", a / b }'
awk -v a="$sel" -v b="$imp" 'BEGIN { printf "lookups / .import: %.2fx\n", a / b }'
