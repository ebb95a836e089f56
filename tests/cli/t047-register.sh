#!/bin/sh
# t047-register.sh - an accountant's month (docs/contract.md §5
# "Document-level files", "The SII sales register", "The company from the
# file name"): twenty clients' SII sales registers uploaded by one loop
# with no flags, each month's net sales, documents, credit notes and
# customers equal to what Python computes from the same files; a month
# downloaded again after a credit note was added replaces the old one;
# a stranger's RUT in a file name is refused and changes nothing; the
# product levels and the report say there are no products; the
# benchmark compares the clients.
. "$(dirname "$0")/lib.sh"

new_db
R="$T/registros"

# --- twenty clients, three months each --------------------------------
run --format csv sample --register --companies 20 --months 3 \
    --from 2025-08-01 --documents 40 --seed 11 --out "$R"
expect_rc 0
printf '%s\n' "$out" | tr -d '\r' >"$T/summary.csv"
check "60 registers written" test "$(ls "$R" | grep -c '^RCV_VENTA_[0-9]*-[0-9K]_2025\(08\|09\|10\)\.csv$')" = 60
check "summary lists them" test "$(sed 1d "$T/summary.csv" | wc -l)" = 60

# the accountant's companies: one per client, opted in to benchmarks
sed 1d "$T/summary.csv" | awk -F, '!seen[$2]++ { print $2 "," $3 "," $4 }' \
    >"$T/clients.csv"
check "twenty clients" test "$(wc -l <"$T/clients.csv")" = 20
while IFS=, read -r rut cname industry; do
	run company add --rut "$rut" --name "$cname" --industry "$industry" \
	    --benchmark on
	expect_rc 0
done <"$T/clients.csv"

# --- one loop, no flags ------------------------------------------------
fails=0
for f in "$R"/RCV_VENTA_*.csv; do
	"$AYNI" --format csv upload "$f" >"$T/u.out" 2>"$T/u.err" ||
	    fails=$((fails + 1))
	cat "$T/u.err" >>"$T/loop.err"
done
check "every upload of the loop exits 0" test "$fails" = 0
check "each says which company its file name chose" \
    test "$(grep -c 'from the file name' "$T/loop.err")" = 60
check "each says the register replaces its month" \
    test "$(grep -c 'the SII sales register replaces the months it covers' "$T/loop.err")" = 60
check "dispatch guides are said to be skipped" \
    grep -q 'dispatch guides\? (guía de despacho, 52) skipped: not sales' "$T/loop.err"

# --- the truth, from the files, by Python ------------------------------
# Per client and month: revenue = Monto Neto + Monto Exento, credit notes
# (61, 112) subtracted; dispatch guides (52) left out; transactions and
# lines = documents; returns = credit notes; customers = distinct RUTs.
truth() {
	python3 - "$R" <<'EOF'
import csv, glob, os, sys
out = []
for path in sorted(glob.glob(os.path.join(sys.argv[1], "RCV_VENTA_*.csv"))):
    rut = os.path.basename(path).split("_")[2]
    with open(path, encoding="cp1252", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter=";"))
    month = {}
    for r in rows:
        if r["Tipo Doc"] == "52":
            continue
        d, m, y = r["Fecha Docto"].split("/")
        k = "%s-%s" % (y, m)
        t = month.setdefault(k, dict(rev=0, docs=set(), lines=0, ret=0,
                                     cust=set()))
        amount = int(r["Monto Neto"]) + int(r["Monto Exento"])
        credit = r["Tipo Doc"] in ("61", "112")
        t["rev"] += -amount if credit else amount
        t["docs"].add((r["Tipo Doc"], r["Folio"], r["Fecha Docto"]))
        t["lines"] += 1
        t["ret"] += credit
        t["cust"].add(r["Rut cliente"])
    for k in sorted(month):
        t = month[k]
        out.append("%s,%s,%d,%d,%d,%d,%d" % (rut, k, t["rev"],
                   len(t["docs"]), t["lines"], t["ret"], len(t["cust"])))
print("\n".join(out))
EOF
}
# ayni's: period,revenue,units,transactions,lines,avg_ticket,customers,
# products,cost,margin,margin_pct,discount,returns
actual() {
	while IFS=, read -r rut cname industry; do
		"$AYNI" --company "$rut" --format csv aggregate --level month \
		    2>/dev/null |
		    tr -d '\r' | awk -F, -v r="$rut" 'NR > 1 {
			if ($3 != "" || $8 != "") print "units or products not empty: " $0
			printf "%s,%s,%d,%d,%d,%d,%d\n", r, $1, $2, $4, $5, $13, $7 }'
	done <"$T/clients.csv" | sort
}
truth | sort >"$T/want"
actual >"$T/got"
check "truth has 60 client-months" test "$(wc -l <"$T/want")" = 60
check "monthly net sales, documents, credit notes and customers exact" \
    cmp -s "$T/want" "$T/got"
[ "$failed" -eq 0 ] || diff "$T/want" "$T/got" | head -20 >&2

# --- the same folder again: nothing changes ----------------------------
before=$(sqlite3 "$AYNI_DB" "SELECT count(*), sum(net_revenue) FROM raw_transactions")
for f in "$R"/RCV_VENTA_*.csv; do "$AYNI" -q upload "$f" >/dev/null 2>&1; done
check "a second loop leaves the same sales" \
    test "$(sqlite3 "$AYNI_DB" "SELECT count(*), sum(net_revenue) FROM raw_transactions")" = "$before"

# --- a month downloaded again after a credit note was added ------------
first=$(sed -n 1p "$T/clients.csv" | cut -d, -f1)
f="$R/RCV_VENTA_${first}_202509.csv"
# a credit note for the whole of the month's first factura
python3 - "$f" >/dev/null <<'EOF'
import sys
path = sys.argv[1]
raw = open(path, "rb").read().decode("cp1252")
lines = raw.rstrip("\r\n").split("\r\n")
head = lines[0].split(";")
rows = [l.split(";") for l in lines[1:]]
fac = next(r for r in rows if r[1] == "33")
nc = list(fac)
nc[0] = str(len(rows) + 1)
nc[1] = "61"
nc[5] = "999001"
nc[6] = "30/09/2025"
nc[7] = "30/09/2025 17:00:00"
nc[24] = "33"
nc[25] = fac[5]
lines.append(";".join(nc))
open(path, "wb").write(("\r\n".join(lines) + "\r\n").encode("cp1252"))
print(int(fac[10]) + int(fac[11]))
EOF
month_rev() {
	"$AYNI" --company "$first" --format csv aggregate --level month \
	    --from 2025-09-01 --to 2025-09-30 | tr -d '\r' |
	    awk -F, 'NR == 2 { print $2 "," $13 }'
}
old=$(month_rev)
fac=$(python3 -c "
import sys
rows=[l.split(';') for l in open(sys.argv[1],encoding='cp1252').read().splitlines()[1:]]
f=next(r for r in rows if r[1]=='33'); print(int(f[10])+int(f[11]))" "$f")
run --format csv upload "$f"
expect_rc 0
expect_err_has 'replaces the months it covers, 2025-09'
new=$(month_rev)
check "September loses the credit note's amount and gains a return" \
    test "$new" = "$((${old%,*} - fac)),$((${old#*,} + 1))"
truth | sort >"$T/want"
actual >"$T/got"
check "and every month still equals the files" cmp -s "$T/want" "$T/got"

# --- a stranger's RUT in the file name ---------------------------------
run_in "$PW" user add --email ana@example.cl --password-stdin
expect_rc 0
run company member add "$first" --email ana@example.cl --role manager
expect_rc 0
second=$(sed -n 2p "$T/clients.csv" | cut -d, -f1)
snap=$(sqlite3 "$AYNI_DB" "SELECT count(*), sum(net_revenue) FROM raw_transactions")
run_in "$PW" login --email ana@example.cl --password-stdin
expect_rc 0
run upload "$R/RCV_VENTA_${second}_202508.csv"
expect_rc 77
expect_err_has "not a member, or no such company \(the RUT in the file name 'RCV_VENTA_${second}_202508.csv'; choose with --company\)"
run upload "$R/RCV_VENTA_${first}_202508.csv"
expect_rc 0
expect_err_has "from the file name 'RCV_VENTA_${first}_202508.csv'"
check "the refused upload stored nothing" \
    test "$(sqlite3 "$AYNI_DB" "SELECT count(*), sum(net_revenue) FROM raw_transactions")" = "$snap"
cp "$R/RCV_VENTA_${first}_202508.csv" "$T/RCV_${first}_${second}.csv"
run upload "$T/RCV_${first}_${second}.csv"
expect_rc 64
expect_err_has 'holds more than one RUT'
# --company wins over the name
run --company "$first" upload "$R/RCV_VENTA_${second}_202508.csv"
expect_rc 0
check "--company chose the company, not the name" \
    test -z "$(printf '%s' "$err" | grep 'from the file name')"
run_in "$PW" login --email root@example.cl --password-stdin
expect_rc 0

# --- no products: said, not printed as zeros ---------------------------
for level in product category; do
	run --company "$second" --format csv aggregate --level "$level"
	expect_rc 0
	check "$level level has no rows" test "$(printf '%s\n' "$out" | wc -l)" = 1
	expect_err_has "this company's data has no products"
done
run --company "$second" --format table report --period 2025-09
expect_rc 0
expect_out_has "products: none; this company's data has no products"
check "the report shows no units line" \
    test -z "$(printf '%s\n' "$out" | grep '^units ')"
expect_out_has '^customers '
run --company "$second" --format json report --period 2025-09
expect_rc 0
expect_out_has '"units": ?null'

# --- where they stand: ten services clients are a benchmark ------------
run benchmark refresh
expect_rc 0
run --company "$second" --format csv benchmark --period 2025-09 --metric revenue
expect_rc 0
expect_out_has '^[a-z]+,2025-09,revenue,10,'

# units are not compared for a company without products, and say why
run --company "$second" benchmark --period 2025-09 --metric units
expect_rc 69
expect_err_has "has no units in 2025-09 \(no lines with a product\): nothing to compare"

run --company "$second" aggregate verify
expect_rc 0

# --- --mode upsert: a register is then matched line by line -------------
f="$R/RCV_VENTA_${second}_202510.csv"
n=$(($(grep -c . "$f") - 1 - $(cut -d';' -f2 "$f" | grep -c '^52$')))
run --format csv upload --mode upsert "$f"
expect_rc 0
expect_out_has "^[0-9]+,completed,[0-9]+,0,0,$n,0,0,"
check "no replacing said with --mode upsert" \
    test -z "$(printf '%s' "$err" | grep 'replaces the months')"

# --- any invoice list: no product, no quantity, no signature -------------
C2=$(sed -n 3p "$T/clients.csv" | cut -d, -f1)
printf 'Fecha;Folio;Cliente;Total neto;Total exento\n%s\n%s\n%s\n' \
    '03/11/2025;10;Juan;100.000;5.000' '04/11/2025;11;Ana;50.000;' \
    '05/11/2025;12;Ana;-20.000;' >"$T/facturas.csv"
run --company "$C2" --format csv upload "$T/facturas.csv"
expect_rc 0
expect_out_has '^[0-9]+,completed,3,3,0,0,0,0,0,2025-11-03,2025-11-05,'
expect_err_has 'no product or quantity column: one line per document;'
run --company "$C2" --format csv upload "$T/facturas.csv"
expect_rc 0
expect_out_has '^[0-9]+,completed,3,0,0,3,0,0,0,'
run --company "$C2" --format csv aggregate --level month --from 2025-11-01
expect_rc 0
expect_out_has '^2025-11,135000,,3,3,45000,2,,,,,,1'
# no product and no customer: such months have no distinct counts at all,
# on the bulk path, after a rebuild and through the triggers alike
C3=$(sed -n 4p "$T/clients.csv" | cut -d, -f1)
printf 'Fecha;Folio;Total\n%s\n%s\n' '03/12/2025;1;1.000' \
    '04/12/2025;2;2.000' >"$T/anon.csv"
run --company "$C3" --format csv upload "$T/anon.csv"
expect_rc 0
run --company "$C3" aggregate verify
expect_rc 0
run --company "$C3" --format csv aggregate --level month --from 2025-12-01
expect_rc 0
expect_out_has '^2025-12,3000,,2,2,1500,,,,,,,0'
run --company "$C3" aggregate rebuild
expect_rc 0
run --company "$C3" aggregate verify
expect_rc 0
id=$(sqlite3 "$AYNI_DB" "SELECT max(id) FROM uploads")
run --company "$C3" uploads delete "$id" --yes
expect_rc 0
run --company "$C3" aggregate verify
expect_rc 0

# a company with products too: a month of documents only has no units,
# in the report as in aggregate (not 0)
run --company "$C2" upload "$AYNI_SRC/examples/ventas-pos-bom.csv"
expect_rc 0
run --company "$C2" --format table report --period 2025-08
expect_rc 0
expect_out_has '^units +- +'
run --company "$C2" --format json report --period 2025-08
expect_rc 0
expect_out_has '"units": ?null'
expect_out_has '"top_product": ?null'

# a file with a quantity but no product column is still refused
printf 'Fecha;Folio;Cantidad;Total\n03/11/2025;10;1;100\n' >"$T/cant.csv"
run --company "$C2" upload "$T/cant.csv"
expect_rc 65
expect_err_has "missing required fields 'in_product_id'"

done_testing
