#!/bin/sh
# t041-line-identity.sh - a line's key is (company, branch, document type,
# sale day, transaction id, product, occurrence): boletas and facturas
# sharing folios, tickets restarting every day, two cash registers with
# the same numbers all keep every line; a re-upload reports every line
# unchanged; replace by day, month and range; uploads delete with its
# question, --yes, --dry-run and the trace it leaves.  Exact numbers and
# 'aggregate verify' after every step.
. "$(dirname "$0")/lib.sh"

new_db
run company add --rut 76.123.456-0 --name 'Ferreteria Uno'
expect_rc 0
db=$AYNI_DB
C='--company 76.123.456-0'

lines() { sqlite3 "$db" "SELECT count(*) FROM raw_transactions"; }
sql() { sqlite3 "$db" "$1"; }
verified() {
	run $C aggregate verify
	expect_rc 0
}
# summary FIELDS: the csv summary's counts, inserted..skipped
counts() {
	printf '%s\n' "$out" | sed -n 2p | cut -d, -f4-9
}

# --- boletas, then facturas of the same month, sharing folios ---
cat >"$T/boletas.csv" <<'EOF'
fecha;tipo documento;folio;sku;cantidad;total;cliente
03-10-2025;Boleta;1200;A;1;1.000;
03-10-2025;Boleta;1201;A;2;2.000;
EOF
cat >"$T/facturas.csv" <<'EOF'
fecha;tipo documento;folio;sku;cantidad;total;cliente
03-10-2025;Factura;1200;A;5;50.000;76.086.428-5
EOF
run $C --format csv upload "$T/boletas.csv"
expect_rc 0
run $C --format csv upload "$T/facturas.csv"
expect_rc 0
check "factura 1200 inserted next to boleta 1200" test "$(counts)" = "1,0,0,0,0,0"
check "all three lines kept" test "$(lines)" = 3
check "both 1200s by document type" test "$(sql "SELECT group_concat(doc_type || ':' || price_total, ' ') FROM (SELECT * FROM raw_transactions WHERE transaction_id = '1200' ORDER BY doc_type)")" = "Boleta:100000 Factura:5000000"
run $C --format csv aggregate --level day
expect_rc 0
expect_out_has '^2025-10-03,53000,8,3,3,'
verified

# --- a POS whose tickets restart every day, uploaded nightly ---
printf 'fecha;ticket;sku;cantidad;total\n06-10-2025 10:00;1;B;1;700\n' >"$T/day1.csv"
printf 'fecha;ticket;sku;cantidad;total\n07-10-2025 09:00;1;B;1;900\n' >"$T/day2.csv"
run $C --format csv upload "$T/day1.csv"
expect_rc 0
run $C --format csv upload "$T/day2.csv"
expect_rc 0
check "day 2's ticket 1 is a new line" test "$(counts)" = "1,0,0,0,0,0"
expect_err "ayni: warning: $T/day2.csv: no date shows whether '07-10-2025 09:00' is day or month first; read day first (as in Chile); if not, give --date-format '%m-%d-%Y %H:%M'
ayni: warning: $T/day2.csv: 1 lines repeat a ticket and product stored on another day; if this file corrects dates, use --mode replace"
check "both ticket 1s kept" test "$(sql "SELECT count(*) FROM raw_transactions WHERE transaction_id = '1'")" = 2
run $C --format csv aggregate --level month
expect_out_has '^2025-10,54600,10,5,5,10920,'
verified
# replacing day 2 leaves day 1 alone
printf 'fecha;ticket;sku;cantidad;total\n07-10-2025 09:00;1;B;2;1.800\n' >"$T/day2b.csv"
run $C --format csv upload --mode replace "$T/day2b.csv"
expect_rc 0
check "replace of day 2: 1 inserted, 1 deleted" test "$(counts)" = "1,0,0,1,0,0"
check "day 1's ticket 1 untouched" test "$(sql "SELECT price_total FROM raw_transactions WHERE transaction_date LIKE '2025-10-06%'")" = 70000
verified

# --- two cash registers with the same ticket numbers ---
cat >"$T/cajas.csv" <<'EOF'
fecha;caja;ticket;sku;cantidad;total
08-10-2025;1;7;C;1;100
08-10-2025;2;7;C;1;100
08-10-2025;2;7;C;1;100
EOF
run $C --format csv upload "$T/cajas.csv"
expect_rc 0
check "three lines: two registers, one repeated line" test "$(counts)" = "3,0,0,0,0,0"
check "branches and occurrences" test "$(sql "SELECT group_concat(branch || '/' || occurrence, ' ') FROM (SELECT * FROM raw_transactions WHERE transaction_id = '7' ORDER BY branch, occurrence)")" = "1/1 2/1 2/2"
run $C --format csv aggregate --level day --from 2025-10-08 --to 2025-10-08
expect_out_has '^2025-10-08,300,3,2,3,150,'
verified

# --- the identical file again: every line unchanged ---
run $C --format csv upload "$T/cajas.csv"
expect_rc 0
check "re-upload: 3 unchanged, nothing else" test "$(counts)" = "0,0,3,0,0,0"
expect_err "ayni: warning: $T/cajas.csv: no date shows whether '08-10-2025' is day or month first; read day first (as in Chile); if not, give --date-format '%m-%d-%Y'"
run $C --format json upload "$T/boletas.csv"
expect_out_has '"rows_inserted": 0, "rows_updated": 0, "rows_unchanged": 2,'
# a corrected amount is an update, and only that line
sed 's/1201;A;2;2.000/1201;A;2;2.500/' "$T/boletas.csv" >"$T/boletas2.csv"
run $C --format csv upload "$T/boletas2.csv"
check "one updated, one unchanged" test "$(counts)" = "0,1,1,0,0,0"
run $C --format csv uploads list
expect_out_has '/boletas2.csv,completed,upsert,2,0,1,1,0,0,2025-10-03,2025-10-03,'
verified

# --- rows with no value at all are skipped and counted ---
printf 'fecha;ticket;sku;cantidad;total\n09-10-2025;9;D;1;10\n;;;;\n' >"$T/blank.csv"
run $C --format csv upload "$T/blank.csv"
expect_rc 0
expect_out_has '^[0-9]+,completed,2,1,0,0,0,0,1,2025-10-09,2025-10-09,'

# --- replace: by day (default), by month, by an explicit range ---
# October holds 3 lines on the 3rd, 1 on the 6th, 7th and 9th, 3 on the
# 8th; a corrected October without its last day:
printf 'fecha;ticket;sku;cantidad;total\n03-10-2025;50;E;1;100\n08-10-2025;51;E;1;100\n' >"$T/oct.csv"
before=$(lines)
run $C --format csv upload --mode replace --dry-run "$T/oct.csv"
expect_rc 0
# by day: 3 Oct .. 8 Oct: 3 + 1 + 1 + 3 = 8 lines, the 9th stays
check "dry run: replace by day removes 3..8 Oct" test "$(counts)" = "2,0,0,8,0,0"
check "dry run stored nothing" test "$(lines)" = "$before"
run $C --format csv upload --mode replace --period month "$T/oct.csv"
expect_rc 0
check "replace by month removes all of October" test "$(counts)" = "2,0,0,9,0,0"
check "October now holds the file's two lines" test "$(sql "SELECT count(*) FROM raw_transactions WHERE transaction_date LIKE '2025-10-%'")" = 2
run $C --format json uploads show "$(sql "SELECT max(id) FROM uploads")"
expect_out_has '"replace_from": "2025-10-01", "replace_to": "2025-10-31"'
expect_out_has '"action":"upload","period_type":"monthly","period":"2025-10","rows_before":9,"rows_after":2,"rows_added":2,"rows_updated":0,"rows_deleted":9'
verified
printf 'fecha;ticket;sku;cantidad;total\n15-10-2025;60;F;1;100\n' >"$T/mid.csv"
run $C --format csv upload --mode replace --from 2025-10-01 --to 2025-10-10 "$T/mid.csv"
expect_rc 65
expect_err "ayni: $T/mid.csv has lines from 2025-10-15 to 2025-10-15, outside --from 2025-10-01 --to 2025-10-10: widen the range; nothing was stored"
run $C --format csv upload --mode replace --from 2025-10-01 --to 2025-10-20 "$T/mid.csv"
expect_rc 0
check "range replace: 1 in, 2 out" test "$(counts)" = "1,0,0,2,0,0"
verified
run $C upload --from 2025-10-01 --to 2025-10-20 "$T/mid.csv"
expect_rc 64
expect_err_has '^ayni: --from goes with --mode replace$'
run $C upload --mode replace --period month --from 2025-10-01 --to 2025-10-20 "$T/mid.csv"
expect_rc 64
run $C upload --mode replace --from 2025-10-01 "$T/mid.csv"
expect_rc 64
expect_err_has '^ayni: --from and --to go together$'
run $C upload --mode replace --period week "$T/mid.csv"
expect_rc 64
expect_err_has "^ayni: invalid --period 'week': use day or month$"
run $C upload --mode replace --from 2025-02-30 --to 2025-03-01 "$T/mid.csv"
expect_rc 64
expect_err_has "^ayni: invalid --from '2025-02-30': use YYYY-MM-DD$"

# --- uploads delete: what it says, asks, does and leaves behind ---
printf 'fecha;ticket;sku;cantidad;total\n30-09-2025;70;G;1;100\n01-10-2025;71;G;1;100\n02-10-2025;72;G;1;100\n' >"$T/span.csv"
run $C --format csv upload "$T/span.csv"
expect_rc 0
id=$(sql "SELECT max(id) FROM uploads")
before=$(lines)
run $C --format csv uploads delete --dry-run "$id"
expect_rc 0
expect_out_has "^$id,$T/span.csv,dry-run,3,2025-09-30,2025-10-02,\"2025-09: 1, 2025-10: 2\""
check "dry run deleted nothing" test "$(lines)" = "$before"
run $C uploads delete "$id"
expect_rc 64
expect_err_has '^ayni: not asking without a terminal: add --yes to confirm$'
check "no terminal, no --yes: nothing deleted" test "$(lines)" = "$before"
if command -v script >/dev/null 2>&1; then
	# a person at a terminal says no, then yes
	printf 'n\n' | script -qec "'$AYNI' $C uploads delete $id" /dev/null >"$T/pty.out" 2>&1
	check "the question names the upload, its lines and months" \
	    grep -q "delete upload $id ('$T/span.csv') and its 3 lines (2025-09: 1, 2025-10: 2)? \[y/N\]" "$T/pty.out"
	check "'n' deletes nothing" grep -q "nothing deleted" "$T/pty.out"
	check "still there after 'n'" test "$(lines)" = "$before"
	printf 'y\n' | script -qec "'$AYNI' $C --format csv uploads delete $id" /dev/null >"$T/pty.out" 2>&1
	check "'y' deletes" grep -q "^$id,.*,deleted,3," "$T/pty.out"
	check "its 3 lines are gone" test "$(lines)" = $((before - 3))
else
	run $C --format csv uploads delete --yes "$id"
	expect_rc 0
fi
run $C --format csv uploads list
expect_out_has "^$id,$T/span.csv,deleted,upsert,3,3,0,0,0,0,2025-09-30,2025-10-02,root@example.cl,.*,[0-9]{4}-[0-9]{2}-[0-9]{2} "
run $C --format json uploads show "$id"
expect_out_has '"status": "deleted"'
expect_out_has '"deleted_by": "root@example.cl", "rows_removed": 3'
expect_out_has '"action":"delete","period_type":"monthly","period":"2025-09","rows_before":1,"rows_after":0,"rows_added":0,"rows_updated":0,"rows_deleted":1'
expect_out_has '"action":"delete","period_type":"monthly","period":"2025-10","rows_before":3,"rows_after":1,"rows_added":0,"rows_updated":0,"rows_deleted":2'
run $C uploads delete --yes "$id"
expect_rc 1
expect_err_has "^ayni: upload $id was already deleted on "
verified
check "integrity" test "$(sqlite3 "$db" 'PRAGMA integrity_check')" = ok

# --- the same sales again from an export with a document type column:
# new keys, so the upload says they may be stored already ---
printf 'fecha;ticket;sku;cantidad;total\n12-11-2025;5;K;1;100\n12-11-2025;6;K;1;100\n' >"$T/plain.csv"
printf 'fecha;tipo documento;ticket;sku;cantidad;total\n12-11-2025;Boleta;5;K;1;100\n12-11-2025;Boleta;6;K;1;100\n' >"$T/typed.csv"
run $C --format csv upload "$T/plain.csv"
expect_rc 0
run $C --format csv upload "$T/typed.csv"
expect_rc 0
expect_err "ayni: warning: $T/typed.csv: no date shows whether '12-11-2025' is day or month first; read day first (as in Chile); if not, give --date-format '%m-%d-%Y'
ayni: warning: $T/typed.csv: 2 lines match the day, ticket and product of stored lines that have no branch or document type; if this file holds the same sales with more columns, use --mode replace"
run $C --format csv upload --mode replace "$T/typed.csv"
expect_rc 0
check "replace leaves the typed lines only" test "$(sql "SELECT group_concat(doc_type || transaction_id, ' ') FROM raw_transactions WHERE transaction_date LIKE '2025-11-12%'")" = "Boleta5 Boleta6"
verified

# --- a key field may not hold U+001F, which txn_key uses to join ---
printf 'fecha;ticket;sku;cantidad;total\n01-11-2025;a\037b;H;1;100\n' >"$T/us.csv"
run $C upload "$T/us.csv"
expect_rc 65
expect_err_has "^ayni: $T/us.csv:2: field 'in_trans_id' \(header 'ticket'\): control character U\+001F in a key field$"

done_testing
