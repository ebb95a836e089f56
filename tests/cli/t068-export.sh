#!/bin/sh
# t068-export.sh - 'ayni export': raw lines and rollup levels in pesos,
# csv (RFC 4180) and json, --excel's dialect byte for byte (BOM, ';',
# decimal comma, CRLF), formula neutralisation of uploaded text, -o
# written atomically (0600, never through a symlink, never over the
# database), the export permission, usage errors.
. "$(dirname "$0")/lib.sh"

EX="$AYNI_SRC/examples"
R=76.123.456-0
new_db
run company add --rut "$R" --name 'Minimarket Uno'
run -q upload "$EX/ventas-minimarket-cp1252.csv"
expect_rc 0

# --- raw lines: pesos with their cents, never the stored cents ---
run export --from 2025-10-01 --to 2025-10-01
expect_rc 0
check "raw csv" test "$(printf '%s\n' "$out" | tr -d '\r' | head -3)" = \
"date,branch,doc_type,transaction_id,product_id,occurrence,trans_type,is_return,customer_id,description,category,unit_type,quantity,stock,price_total,cost_unit,cost_total,price_unit,discount_total,commission_total,margin,upload_id
2025-10-01 09:30:00,,,20459,7801610001196,1,Venta,0,,Leche entera 1 L,Lácteos,,6,,6900,,,1150,0,,,1
2025-10-01 09:30:00,,,20459,7809611700305,1,Venta,0,,Huevos blancos 12 un.,Huevos,,2,,6980,,,3490,0,,,1"
expect_out_has '^2025-10-01 12:18:00,,,20460,FIA05,1,Venta,0,Pedro Ñancupil,Queso gauda \(kg\),Fiambrería,,0\.312,,3740\.88,'
# every line once: 41 lines, and their sum is the file's revenue
run export
check "41 lines" test "$(printf '%s\n' "$out" | sed 1d | wc -l)" = 41
check "sum of price_total (returns subtracted) = 145380.05" test "$(printf '%s\n' "$out" | tr -d '\r' | python3 -c '
import csv, sys
from decimal import Decimal
t = sum((-1 if r["is_return"] == "1" else 1) * abs(Decimal(r["price_total"])) for r in csv.DictReader(sys.stdin))
print(t)')" = 145380.05

# --- a level: the same rows as aggregate ---
run export --what month
exp=$out
run --format csv aggregate --level month
check "export --what month = aggregate" test "$exp" = "$out"
run --format json export --what month
expect_out_has '^  \{"period": "2025-10", "revenue": 82972\.11, "units": 45\.259,'

# --- --excel: what Spanish-locale Excel opens with a double click ---
run export --what month --excel
expect_rc 0
printf '\357\273\277period;revenue;units;transactions;lines;avg_ticket;customers;products;cost;margin;margin_pct;discount;returns\r\n2025-09;62407,94;23,786;8;18;7800,99;4;14;;;;0;1\r\n2025-10;82972,11;45,259;10;23;8297,21;4;14;;;;0;1\r\n' >"$T/want.csv"
check "excel bytes" cmp -s "$T/.out" "$T/want.csv"
run --format json export --excel
expect_rc 64
expect_err_has "^ayni: --excel writes csv: drop --format json$"

# --- formulas in uploaded text never reach a spreadsheet as formulas ---
printf 'fecha,boleta,sku,descripcion,cantidad,total,categoria\n2025-11-03 10:00,1,=1+2,"=HYPERLINK(""http://x"")",1,100,@SUM(A1)\n2025-11-03 10:00,2,+P,-cmd|x;y,1,200,\tT\n' >"$T/evil.csv"
run -q upload "$T/evil.csv"
expect_rc 0
run export --from 2025-11-03 --excel
expect_out_has "^2025-11-03 10:00:00;;;1;'=1\+2;1;;0;;\"'=HYPERLINK\(\"\"http://x\"\"\)\";'@SUM\(A1\);;1;;100;"
# (upload trims the TAB: the category is a plain T)
expect_out_has "^2025-11-03 10:00:00;;;2;'\+P;1;;0;;\"'-cmd\|x;y\";T;;1;;200;"
run export --what product --from 2025-11-03
expect_out_has "^'=1\+2,\"'=HYPERLINK\(\"\"http://x\"\"\)\",'@SUM\(A1\),100,"
expect_out_has "^'\+P,'-cmd\|x;y,T,200,"
expect_out_lacks '^[=+@-]'

# --- -o FILE: atomic, private, never through a link or over the db ---
run export --what month
exp=$out
run export --what month -o "$T/m.csv"
expect_rc 0
expect_out ""
expect_err "ayni: exported 3 rows to '$T/m.csv'"
check "file mode 0600" test "$(stat -c %a "$T/m.csv")" = 600
check "file = stdout export" test "$(cat "$T/m.csv")" = "$exp"
echo keep >"$T/target"
ln -s "$T/target" "$T/link.csv"
run export -o "$T/link.csv"
expect_rc 73
check "link target untouched" test "$(cat "$T/target")" = keep
run export -o "$AYNI_DB"
expect_rc 73
run --format csv aggregate --level year
expect_rc 0
run export --output "$T/no/such/dir/x.csv"
expect_rc 73
check "no temporary files left" test -z "$(find "$T" -maxdepth 1 -name '*.tmp*' -o -maxdepth 1 -name '.*tmp*' | head -1)"

# --- usage ---
run export --what lines
expect_rc 64
expect_err_has "^ayni: invalid --what 'lines': use raw, day, week, month, quarter, year, product, customer or category$"
run export --from 2025-13-01
expect_rc 64
run --format table export
expect_rc 64

# --- permission: export; a viewer cannot ---
run_in "$PW" user add --email viewer@x.cl --password-stdin
run company member add "$R" --email viewer@x.cl --role viewer
run_in "$PW" user add --email analyst@x.cl --password-stdin
run company member add "$R" --email analyst@x.cl --role analyst
XDG_CONFIG_HOME="$T/cfg-viewer"
run_in "$PW" login --email viewer@x.cl --password-stdin
run export --what month
expect_rc 77
expect_out ""
expect_err "ayni: permission denied: a viewer of '$R' cannot export"
XDG_CONFIG_HOME="$T/cfg-analyst"
run_in "$PW" login --email analyst@x.cl --password-stdin
run export --what month
expect_rc 0

done_testing
