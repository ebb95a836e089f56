#!/bin/sh
# t040-upload.sh - 'ayni upload': real exports with no flags, exact
# totals, idempotent re-upload, replace, dry run, bad rows (exit 65,
# nothing stored), rejects, one active upload per company, interrupted
# uploads, and a kill -9 in the middle.
. "$(dirname "$0")/lib.sh"

EX="$AYNI_SRC/examples"
new_db
run company add --rut 76.123.456-0 --name 'Minimarket Uno'
expect_rc 0
db=$AYNI_DB

# sums SQL: monthly totals per upload, computed from raw lines.
months() {
	sqlite3 -csv "$db" "SELECT substr(transaction_date, 1, 7),
	    printf('%.2f', sum(CASE WHEN is_return THEN -abs(price_total)
	        ELSE price_total END) / 100.0),
	    printf('%.3f', sum(CASE WHEN is_return THEN -abs(quantity)
	        ELSE quantity END) / 1000.0),
	    count(DISTINCT transaction_id), count(*), sum(is_return)
	    FROM raw_transactions WHERE upload_id = $1 GROUP BY 1 ORDER BY 1"
}
lines() { sqlite3 "$db" "SELECT count(*) FROM raw_transactions"; }

# --- the examples load with no flags, and their totals are the ones
# computed independently in examples/README.md ---
run --format json upload "$EX/ventas-minimarket-cp1252.csv"
expect_rc 0
expect_out '{"upload_id": 1, "status": "completed", "rows_read": 41, "rows_inserted": 41, "rows_updated": 0, "rows_unchanged": 0, "rows_deleted": 0, "rows_rejected": 0, "rows_skipped": 0, "first_date": "2025-09-28", "last_date": "2025-10-04", "elapsed_s": '"$(printf '%s' "$out" | sed 's/.*"elapsed_s": //')"
check "cp1252 totals" test "$(months 1)" = "2025-09,62407.94,23.786,8,18,1
2025-10,82972.11,45.259,10,23,1"
check "cp1252 text converted to UTF-8" \
    test "$(sqlite3 "$db" "SELECT count(*) FROM raw_transactions WHERE description LIKE '%ñ%' OR description LIKE '%é%' OR description LIKE '%á%'")" -gt 0

run --format csv upload "$EX/ventas-pos-bom.csv"
expect_rc 0
check "BOM POS totals" test "$(months 2)" = "2025-10,106377.00,43.476,10,22,1
2025-11,59660.00,20.166,7,14,1"
run --format csv upload "$EX/ventas-multilinea.csv"
expect_rc 0
check "multi-line totals" test "$(months 3)" = "2025-07,82673.00,7.750,4,6,0
2025-08,150684.00,19.125,9,15,2"
check "quoted newline kept in a description" \
    test "$(sqlite3 "$db" "SELECT count(*) FROM raw_transactions WHERE upload_id = 3 AND instr(description, char(10)) > 0")" -gt 0

# -v prints the dialect that was guessed; it is stored with the upload.
run -v --format csv upload --dry-run "$EX/ventas-minimarket-cp1252.csv"
expect_rc 0
expect_err_has '^ayni: encoding: windows-1252 \(detected\)$'
expect_err_has "^ayni: delimiter: ';' \(detected\)$"
expect_err_has "^ayni: in_quantity <- 'Cantidad', decimal ','"
check "dialect stored with the upload" test "$(sqlite3 "$db" \
    "SELECT json_extract(dialect, '$.encoding') || json_extract(dialect, '$.delimiter') FROM uploads WHERE id = 1")" = "windows-1252;"

# The dialect guessed once becomes a mapping for the next export.
run mapping save minimarket --from-upload 1
expect_rc 0
expect_err "ayni: mapping 'minimarket' saved"
run --format csv mapping show minimarket
expect_out_has '^field,in_dt,Fecha'
expect_out_has '^option,encoding,windows-1252'
expect_out_has '^option,delimiter,;'
expect_out_has '^option,decimal,","'
run -v --format csv upload --dry-run --mapping minimarket "$EX/ventas-minimarket-cp1252.csv"
expect_rc 0
expect_err_has '^ayni: encoding: windows-1252 \(given\)$'
run mapping save nada --from-upload 999
expect_rc 1
expect_err "ayni: no upload 999 with a dialect in this company: see 'ayni uploads list'"
run mapping remove minimarket
expect_rc 0

# --- re-upload changes nothing, and says every line was updated ---
before=$(lines)
sum_before=$(sqlite3 "$db" "SELECT sum(price_total), sum(quantity) FROM raw_transactions")
run --format csv upload "$EX/ventas-pos-bom.csv"
expect_rc 0
expect_out_has '^[0-9]+,completed,36,0,0,36,0,0,0,2025-10-29,2025-11-03,'
check "same line count after re-upload" test "$(lines)" = "$before"
check "same sums after re-upload" test "$(sqlite3 "$db" "SELECT sum(price_total), sum(quantity) FROM raw_transactions")" = "$sum_before"

# --- stdin, and replace mode: the file's dates are replaced ---
last="upload --mode replace - <ventas-pos-bom.csv"
"$AYNI" --format csv upload --mode replace - <"$EX/ventas-pos-bom.csv" >"$T/.out" 2>"$T/.err"
rc=$?
out=$(cat "$T/.out")
err=$(cat "$T/.err")
expect_rc 0
expect_out_has '^[0-9]+,completed,36,36,0,0,36,0,0,2025-10-29,2025-11-03,'
check "replace keeps the count" test "$(lines)" = "$before"
check "stdin upload named <stdin>" test "$(sqlite3 "$db" "SELECT filename FROM uploads ORDER BY id DESC LIMIT 1")" = "<stdin>"
check "data_updates for every period type" test "$(sqlite3 "$db" \
    "SELECT group_concat(period_type || ':' || period || ':' || rows_before || '/' || rows_after || '/' || rows_added || '/' || rows_deleted, ' ') FROM (SELECT * FROM data_updates WHERE upload_id = (SELECT max(id) FROM uploads) AND period_type <> 'daily' ORDER BY period_type, period)")" = \
    "monthly:2025-10:45/45/22/22 monthly:2025-11:14/14/14/14 quarterly:2025-Q4:59/59/36/36 weekly:2025-W44:32/32/32/32 weekly:2025-W45:4/4/4/4 yearly:2025:98/98/36/36"

# --- dry run: the same summary, nothing stored ---
printf 'fecha;boleta;sku;cantidad;total\n01-03-2025;1;A;1;100\n' >"$T/one.csv"
uploads=$(sqlite3 "$db" "SELECT count(*) FROM uploads")
run --format csv upload --dry-run "$T/one.csv"
expect_rc 0
expect_out_has '^,dry-run,1,1,0,0,0,0,0,2025-03-01,2025-03-01,'
check "dry run stores no line" test "$(lines)" = "$before"
check "dry run leaves no upload record" test "$(sqlite3 "$db" "SELECT count(*) FROM uploads")" = "$uploads"

# --- bad rows: the whole upload fails, exit 65, nothing stored ---
cat >"$T/bad.csv" <<'EOF'
fecha;boleta;sku;cantidad;total
01-03-2025;1;A;1;100
31-02-2025;2;B;1;100
02-03-2025;3;C;x;100
03-03-2025;4;;1;100
EOF
run --format csv upload "$T/bad.csv"
expect_rc 65
expect_err "ayni: $T/bad.csv:3: field 'in_dt' (header 'fecha'): '31-02-2025' is an impossible date (year 2025, month 2, day 31)
ayni: $T/bad.csv:4: field 'in_quantity' (header 'cantidad'): 'x' is not a number
ayni: $T/bad.csv:5: field 'in_product_id' (header 'sku'): empty
ayni: $T/bad.csv: 3 of 4 rows are invalid; nothing was stored"
expect_out_has '^[0-9]+,failed,4,0,0,0,0,3,0,,,'
check "nothing stored after a bad file" test "$(lines)" = "$before"
check "the upload is recorded as failed with its errors" test "$(sqlite3 "$db" \
    "SELECT status, json_array_length(error_details) FROM uploads ORDER BY id DESC LIMIT 1")" = "failed|3"

# --max-errors stores the valid rows; --rejects gets line and reason.
run --format csv upload --max-errors 3 --rejects "$T/rej.csv" "$T/bad.csv"
expect_rc 0
expect_out_has '^[0-9]+,completed,4,1,0,0,0,3,0,2025-03-01,2025-03-01,'
check "one valid line stored" test "$(lines)" = "$((before + 1))"
check "rejects file has header, 3 rows" test "$(wc -l <"$T/rej.csv")" = 4
check "rejects header" test "$(head -1 "$T/rej.csv" | tr -d '\r')" = "fecha,boleta,sku,cantidad,total,line,reason"
check "rejects row" test "$(sed -n 3p "$T/rej.csv" | tr -d '\r')" = "02-03-2025,3,C,x,100,4,$T/bad.csv:4: field 'in_quantity' (header 'cantidad'): 'x' is not a number"
check "rejects file is 0600" test "$(stat -c %a "$T/rej.csv")" = 600
# The rejects file is never the input, and a clean upload leaves an
# existing file alone.
cp "$T/bad.csv" "$T/same.csv"
run upload --rejects "$T/same.csv" "$T/same.csv"
expect_rc 64
expect_err_has "^ayni: --rejects '$T/same.csv' is the file being uploaded$"
check "the input is untouched" cmp -s "$T/bad.csv" "$T/same.csv"
echo keep >"$T/keep.txt"
run --format csv upload --dry-run --rejects "$T/keep.txt" "$T/one.csv"
expect_rc 0
check "an existing rejects file survives a clean upload" \
    test "$(cat "$T/keep.txt")" = keep
check "no temporary rejects file left" \
    sh -c "! ls '$T'/keep.txt.*.tmp 2>/dev/null"
run --format csv upload --max-errors 2 "$T/bad.csv"
expect_rc 65
expect_err_has "3 of 4 rows are invalid \(more than --max-errors\); nothing was stored$"

# Missing required fields: the headers found and the fields missing.
printf 'fecha;glosa;monto\n01-03-2025;pan;100\n' >"$T/nohead.csv"
run upload "$T/nohead.csv"
expect_rc 65
expect_err_has "^ayni: $T/nohead.csv: missing required field"
expect_err_has "in_trans_id"
expect_err_has "fecha"

# An unterminated quote names its line.
printf 'fecha,boleta,sku,cantidad,total\n01-03-2025,1,A,1,100\n01-03-2025,"2,B,1,100\n' >"$T/quote.csv"
run upload "$T/quote.csv"
expect_rc 65
expect_err_has ":3: "

# Options are checked before anything is read.
run upload --mode merge "$T/one.csv"
expect_rc 64
expect_err_has "invalid --mode 'merge'"
run upload --max-errors -1 "$T/one.csv"
expect_rc 64
run upload --decimal x "$T/one.csv"
expect_rc 64
run upload --map in_foo=x "$T/one.csv"
expect_rc 64
run upload "$T/none.csv"
expect_rc 66
expect_err_has "cannot open '$T/none.csv'"
run upload --date-format '%Q' "$T/one.csv"
expect_rc 64

# --map names the columns automatic matching cannot know.
printf 'Fch|Nro|Art|Unid|Neto\n2025/10/01 10:00:00|9|X|2|1500\n' >"$T/map.csv"
run --format csv upload "$T/map.csv"
expect_rc 65
run --format csv upload --map in_dt=Fch --map in_trans_id=Nro \
    --map in_product_id=Art --map in_quantity=Unid --map in_price_total=Neto "$T/map.csv"
expect_rc 0
expect_out_has '^[0-9]+,completed,1,1,0,0,0,0,0,2025-10-01,2025-10-01,'

# --- one active upload per company: a second one exits 75 at once ---
# A live upload: it reads its file from a FIFO that stays open.
mkfifo "$T/fifo"
"$AYNI" -q upload - <"$T/fifo" >/dev/null 2>&1 &
live=$!
exec 9>"$T/fifo"
printf 'Fecha,Boleta,SKU,Cantidad,Total\n' >&9
i=0
while [ "$(sqlite3 "$db" "SELECT count(*) FROM uploads WHERE status = 'processing'")" = 0 ] && [ $i -lt 100 ]; do
	sleep 0.1
	i=$((i + 1))
done
run upload "$T/one.csv"
expect_rc 75
expect_err_has "^ayni: upload [0-9]+ \('<stdin>'\) is still processing for this company, since [0-9: -]+: wait for it to finish$"
kill -9 $live
wait $live 2>/dev/null
exec 9>&-
# Its process is gone: the next command marks it failed, "interrupted".
run --format csv uploads list
expect_rc 0
expect_out_has ",<stdin>,failed,.*interrupted"
run --format csv upload "$T/one.csv"
expect_rc 0

# An upload record left by a process of another host (a container) or
# whose pid now belongs to someone else: pid and host prove nothing, the
# upload's lock does (uplock.c).  Here the pid is alive and the host is
# another: it used to block the company forever.
sleep 60 &
other=$!
sqlite3 "$db" "INSERT INTO uploads (company_id, filename, status, pid, host, created_at, started_at) VALUES (1, 'otra.csv', 'processing', $other, 'container-7f3a', '2026-01-01 10:00:00', '2026-01-01 10:00:00')"
sqlite3 "$db" "INSERT INTO uploads (company_id, filename, status, pid, host, created_at, started_at) VALUES (2, 'propia.csv', 'processing', $$, '$(hostname)', '2026-01-01 10:00:00', '2026-01-01 10:00:00')" 2>/dev/null
run --format csv upload "$T/one.csv"
expect_rc 0
check "the forged upload is marked interrupted" test "$(sqlite3 "$db" "SELECT status || ' ' || error_message FROM uploads WHERE filename = 'otra.csv'")" = "failed interrupted: the process doing it ended before it finished"
check "no upload left processing" test "$(sqlite3 "$db" "SELECT count(*) FROM uploads WHERE status = 'processing'")" = 0
kill $other
wait $other 2>/dev/null

# --- kill -9 in the middle: all of it or none of it ---
"$AYNI" sample --rows 200000 --seed 3 >"$T/big.csv"
before=$(lines)
"$AYNI" -q upload "$T/big.csv" >/dev/null 2>&1 &
pid=$!
sleep 1
kill -9 $pid 2>/dev/null
wait $pid 2>/dev/null
after=$(lines)
check "after kill -9: none or all ($before -> $after)" \
    sh -c "[ $after -eq $before ] || [ $after -eq $((before + 200000)) ]"
run --format csv uploads list
expect_rc 0
check "no upload left processing after kill -9" \
    test "$(sqlite3 "$db" "SELECT count(*) FROM uploads WHERE status = 'processing'")" = 0
check "integrity after kill -9" test "$(sqlite3 "$db" 'PRAGMA integrity_check')" = ok

# --- Ctrl-C, SIGTERM, SIGHUP: rolled back, 'cancelled', 128 + signal ---
# While reading (a FIFO that stays open), then while writing a big file.
for sig in INT TERM HUP; do
	case $sig in INT) n=2 ;; TERM) n=15 ;; HUP) n=1 ;; esac
	before=$(lines)
	rm -f "$T/sigfifo"
	mkfifo "$T/sigfifo"
	"$AYNI" --format csv upload - <"$T/sigfifo" >"$T/sig.out" 2>"$T/sig.err" &
	p=$!
	exec 8>"$T/sigfifo"
	printf 'Fecha,Boleta,SKU,Cantidad,Total\n01/10/2025,1,A,1,100\n' >&8
	i=0
	while [ "$(sqlite3 "$db" "SELECT count(*) FROM uploads WHERE status = 'processing'")" = 0 ] && [ $i -lt 100 ]; do
		sleep 0.1
		i=$((i + 1))
	done
	kill -$sig $p
	wait $p
	r=$?
	exec 8>&-
	check "SIG$sig while reading: exit $((128 + n)) (got $r)" test $r -eq $((128 + n))
	check "SIG$sig: one clear message" test "$(cat "$T/sig.err")" = "ayni: <stdin>: interrupted; nothing was stored"
	check "SIG$sig: the upload is cancelled" test "$(sqlite3 "$db" "SELECT status FROM uploads ORDER BY id DESC LIMIT 1")" = cancelled
	check "SIG$sig: the summary says so" grep -q '^[0-9]*,cancelled,' "$T/sig.out"
	check "SIG$sig: nothing stored" test "$(lines)" = "$before"
done
before=$(lines)
"$AYNI" -q --format csv upload --mode replace "$T/big.csv" >"$T/sig.out" 2>"$T/sig.err" &
p=$!
# past reading: the lines are being written
i=0
while [ "$(sqlite3 "$db" "SELECT count(*) FROM uploads WHERE status = 'processing'")" = 0 ] && [ $i -lt 100 ]; do
	sleep 0.1
	i=$((i + 1))
done
sleep 1.5
kill -INT $p
wait $p
r=$?
check "SIGINT late: 130 or finished first (got $r)" sh -c "[ $r -eq 130 ] || [ $r -eq 0 ]"
if [ $r -eq 130 ]; then
	check "SIGINT late: nothing stored" test "$(lines)" = "$before"
	check "SIGINT late: cancelled" test "$(sqlite3 "$db" "SELECT status FROM uploads ORDER BY id DESC LIMIT 1")" = cancelled
fi
check "integrity after signals" test "$(sqlite3 "$db" 'PRAGMA integrity_check')" = ok
run aggregate verify
expect_rc 0

# --- uploads of two companies at the same time both land ---
run company add --rut 12.345.678-5 --name 'Panadería Dos'
expect_rc 0
"$AYNI" sample --rows 30000 --seed 4 >"$T/b.csv"
"$AYNI" -q --company 76.123.456-0 --format csv upload --mode replace "$T/big.csv" >"$T/a.out" 2>"$T/a.err" &
p1=$!
"$AYNI" -q --company 12.345.678-5 --format csv upload "$T/b.csv" >"$T/b.out" 2>"$T/b.err" &
p2=$!
wait $p1; r1=$?
wait $p2; r2=$?
check "first company's upload landed (exit $r1: $(cat "$T/a.err"))" test $r1 -eq 0
check "second company's upload landed (exit $r2: $(cat "$T/b.err"))" test $r2 -eq 0
check "second company has its lines" test "$(sqlite3 "$db" "SELECT count(*) FROM raw_transactions WHERE company_id = 2")" = 30000

# --- a busy database: the upload waits, says so, and lands ---
(echo 'BEGIN IMMEDIATE;'; sleep 3; echo 'COMMIT;') | sqlite3 "$db" &
locker=$!
sleep 0.5
run --company 76.123.456-0 --format csv upload --wait 1 "$T/one.csv"
expect_rc 75
expect_err_has "waiting up to 1 s"
expect_err_has "was still busy after 1 s: try again later or raise --wait$"
run --company 76.123.456-0 --format csv upload --wait 20 "$T/one.csv"
expect_rc 0
expect_err_has "^ayni: warning: database is busy \(another upload is writing\): waiting up to 20 s$"
wait $locker

# --- on a terminal, a progress bar on stderr; never with -q ---
if command -v script >/dev/null 2>&1; then
	script -qec "'$AYNI' --company 76.123.456-0 --format csv upload '$T/b.csv'" \
	    /dev/null >"$T/tty.out" 2>&1
	check "progress bar on a terminal" grep -q 'writing  .* rows' "$T/tty.out"
	script -qec "'$AYNI' -q --company 76.123.456-0 --format csv upload '$T/b.csv'" \
	    /dev/null >"$T/tty.out" 2>&1
	check "no progress bar with -q" sh -c "! grep -q 'writing  ' '$T/tty.out'"
fi
"$AYNI" --company 76.123.456-0 --format csv upload "$T/b.csv" >/dev/null 2>"$T/pipe.err"
check "no progress bar when stderr is not a terminal" \
    sh -c "! grep -q 'reading\|writing' '$T/pipe.err'"

# A proven month-first order is kept too (day-first is only a default).
printf 'date,ticket,sku,qty,total\n10/13/2025,M1,A,1,10.50\n' >"$T/us1.csv"
printf 'date,ticket,sku,qty,total\n11/02/2025,M3,A,1,10.50\n' >"$T/us2.csv"
run --company 76.123.456-0 --format csv upload "$T/us1.csv"
expect_rc 0
us=$(sqlite3 "$db" "SELECT max(id) FROM uploads")
run --company 76.123.456-0 mapping save us --from-upload "$us"
expect_rc 0
run --company 76.123.456-0 --format csv mapping show us
expect_out_has '^option,date_order,month-first'
run -v --company 76.123.456-0 --format csv upload --mapping us "$T/us2.csv"
expect_rc 0
expect_err_has '^ayni: dates: month first \(given\)$'
# -v also gives the wall time of each step, which together are at most
# the upload's elapsed_s (the last column of the summary)
expect_err_has '^ayni: time: reading [0-9]+\.[0-9]{2} s, storing [0-9]+\.[0-9]{2} s, rollups [0-9]+\.[0-9]{2} s, commit [0-9]+\.[0-9]{2} s$'
steps=$(printf '%s\n' "$err" | sed -n 's/^ayni: time: reading \([0-9.]*\) s, storing \([0-9.]*\) s, rollups \([0-9.]*\) s, commit \([0-9.]*\) s$/\1 \2 \3 \4/p')
total=$(printf '%s\n' "$out" | awk -F, 'NR == 2 { print $NF }')
check "the steps ($steps) fit in elapsed_s ($total)" awk -v s="$steps" \
    -v t="$total" 'BEGIN { n = split(s, a, " "); for (i = 1; i <= n; i++)
    sum += a[i]; exit !(n == 4 && t != "" && sum <= t + 0.02) }'
run --company 76.123.456-0 --format csv upload --dry-run --mapping us "$T/us2.csv"
expect_rc 0
check "no step times without -v" test -z "$(printf '%s\n' "$err" | grep '^ayni: time:')"
check "11/02/2025 read as November 2nd" test "$(sqlite3 "$db" \
    "SELECT transaction_date FROM raw_transactions WHERE transaction_id = 'M3'")" = "2025-11-02 00:00:00"
run --company 76.123.456-0 mapping remove us
expect_rc 0

# A ticket and product stored on another day: a different sale (the day
# is part of the key), added, with a warning in case the file corrects
# dates.
printf 'fecha;boleta;sku;cantidad;total\n05-03-2025;1;A;1;100\n' >"$T/moved.csv"
run --company 76.123.456-0 --format csv upload "$T/moved.csv"
expect_rc 0
expect_out_has '^[0-9]+,completed,1,1,0,0,0,0,0,2025-03-05,2025-03-05,'
expect_err_has "^ayni: warning: $T/moved.csv: 1 lines repeat a ticket and product stored on another day; if this file corrects dates, use --mode replace$"
run --company 76.123.456-0 --format csv upload "$T/one.csv"
expect_rc 0

# --- uploads show and delete ---
id=$(sqlite3 "$db" "SELECT max(id) FROM uploads WHERE company_id = 1 AND status = 'completed'")
run --company 76.123.456-0 --format json uploads show "$id"
expect_rc 0
expect_out_has '"data_updates": \[\{"action":"upload","period_type":"daily"'
run --company 76.123.456-0 uploads show 99999
expect_rc 1
expect_err "ayni: no upload 99999 in this company"
run --company 12.345.678-5 uploads delete "$id"
expect_rc 1
n=$(sqlite3 "$db" "SELECT count(*) FROM raw_transactions WHERE upload_id = $id")
run --company 76.123.456-0 uploads delete "$id"
expect_rc 64
expect_err_has "^ayni: not asking without a terminal: add --yes to confirm$"
run --company 76.123.456-0 --format csv uploads delete --yes "$id"
expect_rc 0
expect_out_has "^$id,.*,deleted,$n,"
check "its lines are gone" test "$(sqlite3 "$db" "SELECT count(*) FROM raw_transactions WHERE upload_id = $id")" = 0
run --company 76.123.456-0 uploads show abc
expect_rc 64

done_testing
