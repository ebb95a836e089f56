#!/bin/sh
# t095-examples.sh - every script in examples/ runs as shipped, the way
# cron runs it: no terminal (setsid, stdin from /dev/null), an environment
# holding only what the crontab line sets plus HOME and PATH, and an API
# token read from a 0600 file.  examples/crontab's own line is run, with
# its paths moved into the test directory.  Also the failures nightly.sh
# handles: no export, bad rows, an expired token.
. "$(dirname "$0")/lib.sh"

EX="$AYNI_SRC/examples"
R=76.123.456-0

# A script added to examples/ must be run here too.
for f in "$EX"/*.sh; do
	case ${f##*/} in
	nightly.sh | contadora.sh) ok ;;
	*) not_ok "examples/${f##*/} is not run by t095" ;;
	esac
done

new_db
run company add --rut "$R" --name 'Minimarket Uno'
expect_rc 0
mkdir -p "$HOME/.config/ayni"
(umask 077; "$AYNI" token create --name cron >"$HOME/.config/ayni/cron.token") 2>/dev/null
check "token file is the bare token" grep -qE '^[0-9a-f]{64}$' "$HOME/.config/ayni/cron.token"
check "token file 0600" test "$(stat -c %a "$HOME/.config/ayni/cron.token")" = 600
run logout
expect_rc 0

# The crontab line, its paths moved under $T; 'ayni' and 'mail' on PATH
# (mail is a stand-in that keeps what it would send).
mkdir -p "$T/bin" "$T/var/lib/ayni" "$T/var/log" "$T/srv/pos/exports" \
    "$T/usr/local/share/ayni"
ln -s "$AYNI" "$T/bin/ayni"
ln -s "$EX" "$T/usr/local/share/ayni/examples"
cat >"$T/bin/mail" <<EOF
#!/bin/sh
{ printf 'to: %s\n' "\$*"; cat; } >"$T/mail.out"
EOF
chmod +x "$T/bin/mail"
mv "$AYNI_DB" "$T/var/lib/ayni/ayni.db"
line=$(grep -v '^#' "$EX/crontab" | grep -v '^$')
check "crontab has one line" test "$(printf '%s\n' "$line" | wc -l)" = 1
cmd=$(printf '%s\n' "$line" | cut -d' ' -f6- | sed "s#/var/#$T/var/#g; s#/srv/#$T/srv/#g; s#/usr/local/#$T/usr/local/#g")

yday=$(date -d yesterday +%Y-%m-%d)
ymd=$(echo "$yday" | tr -d -)
month=$(echo "$yday" | cut -c1-7)
AYNI_DB="$T/var/lib/ayni/ayni.db" "$AYNI" sample --rows 300 --seed 5 \
    --from "$yday" --days 1 >"$T/srv/pos/exports/ventas-$ymd.csv"

cron() {
	env -i HOME="$HOME" PATH="$T/bin:/usr/bin:/bin" LANG=C \
	    setsid sh -c "$cmd" </dev/null >/dev/null 2>&1
	rc=$?
	log=$(cat "$T/var/log/ayni-nightly.log" 2>/dev/null)
}

cron
check "nightly exit 0 (log: $log)" test "$rc" -eq 0
check "upload summary saved" grep -q '"rows_inserted": 300' "$T/var/lib/ayni/reports/upload-$ymd.json"
check "html report saved" test -s "$T/var/lib/ayni/reports/report-$month.html"
check "log says so" sh -c "printf '%s' \"\$1\" | grep -q \"report saved to '$T/var/lib/ayni/reports/report-$month.html'\"" _ "$log"
export AYNI_DB="$T/var/lib/ayni/ayni.db"
AYNI_TOKEN=$(cat "$HOME/.config/ayni/cron.token"); export AYNI_TOKEN
run --format csv aggregate --level month
rev=$(printf '%s\n' "$out" | tr -d '\r' | grep "^$month," | cut -d, -f2)
check "report revenue = aggregate ($rev)" grep -q "data-k=\"revenue\" data-v=\"$rev\"" "$T/var/lib/ayni/reports/report-$month.html"
check "the report was mailed, as text" grep -q "^to: -s ayni: ventas $month (al $ymd) gerencia@example.cl" "$T/mail.out"
check "mailed text has the revenue" grep -qE '^revenue +\$' "$T/mail.out"
unset AYNI_TOKEN

# The same night again: nothing doubles.
cron
check "rerun exit 0" test "$rc" -eq 0
check "rerun changes nothing" grep -q '"rows_unchanged": 300' "$T/var/lib/ayni/reports/upload-$ymd.json"

# No export (a holiday): quiet success.
mv "$T/srv/pos/exports/ventas-$ymd.csv" "$T/saved.csv"
cron
check "no export: exit 0" test "$rc" -eq 0
check "no export: said" sh -c "printf '%s' \"\$1\" | grep -q 'nothing uploaded'" _ "$log"

# Bad rows: nothing stored, exit 65, the rejects listed for a person.
{ head -1 "$T/saved.csv"; sed -n 2p "$T/saved.csv" | sed 's/^[^;]*;/31-02-2026 10:00;/'; } \
    >"$T/srv/pos/exports/ventas-$ymd.csv"
cron
check "bad rows: exit 65" test "$rc" -eq 65
check "bad rows: rejects file" test -s "$T/var/lib/ayni/reports/rejects-$ymd.csv"

# An expired token: exit 77 and ayni's own reason in the log.
mv "$T/saved.csv" "$T/srv/pos/exports/ventas-$ymd.csv"
sqlite3 "$AYNI_DB" "UPDATE sessions SET expires_at = '2026-01-31 00:00:00' WHERE name = 'cron'"
cron
check "expired token: exit 77" test "$rc" -eq 77
check "expired token: reason in the log" sh -c "printf '%s' \"\$1\" | grep -q \"token 'cron' expired on 2026-01-31: create a new one\"" _ "$log"

# A token file others can read is refused before any use.
chmod 644 "$HOME/.config/ayni/cron.token"
cron
check "loose token file: exit 77" test "$rc" -eq 77

# examples/contadora.sh: an accountant's folder of SII registers, run with
# no terminal and a token, as from cron.
unset AYNI_TOKEN
new_db
mkdir -p "$T/rcv"
"$AYNI" --format csv sample --register --companies 20 --months 2 \
    --from 2025-09-01 --documents 30 --seed 4 --out "$T/rcv" |
    tr -d '\r' | sed 1d | awk -F, '!seen[$2]++ { print $2 "," $3 "," $4 }' \
    >"$T/clients.csv"
while IFS=, read -r rut cname industry; do
	run company add --rut "$rut" --name "$cname" --industry "$industry" \
	    --benchmark on
	expect_rc 0
done <"$T/clients.csv"
(umask 077; "$AYNI" token create --name contadora >"$T/conta.token") 2>/dev/null
conta() {
	env -i HOME="$HOME" PATH="/usr/bin:/bin" LANG=C AYNI="$AYNI" \
	    AYNI_DB="$AYNI_DB" AYNI_TOKEN="$(cat "$T/conta.token")" \
	    setsid sh "$EX/contadora.sh" "$@" </dev/null >"$T/conta.out" \
	    2>"$T/conta.err"
	rc=$?
}
conta "$T/rcv"
check "contadora: exit 0 ($(cat "$T/conta.err"))" test "$rc" -eq 0
check "contadora: a line per client and a header" \
    test "$(wc -l <"$T/conta.out")" = 21
first=$(sed -n 1p "$T/clients.csv" | cut -d, -f1)
AYNI_TOKEN=$(cat "$T/conta.token") "$AYNI" --company "$first" --format csv \
    aggregate --level month 2>/dev/null | tr -d '\r' >"$T/m.csv"
rev=$(awk -F, '$1 == "2025-10" { print $2 }' "$T/m.csv" |
    sed ':a; s/\([0-9]\)\([0-9]\{3\}\)\($\|\.\)/\1.\2\3/; ta')
check "contadora: the latest month's net sales ($rev) as aggregate has them" \
    grep -q "^$first .* 2025-10 *$rev " "$T/conta.out"
check "contadora: a percentile among the industry's clients" \
    grep -Eq "^$first .* p[0-9]+ \(10 empresas\) " "$T/conta.out"
conta "$T/rcv" 2025-09
check "contadora: a month given" test "$(grep -c ' 2025-09 ' "$T/conta.out")" = 20
# a client nobody created: the others load, the status says one failed
cp "$T/rcv/RCV_VENTA_${first}_202509.csv" "$T/rcv/RCV_VENTA_11111111-1_202509.csv"
conta "$T/rcv"
check "contadora: a stranger's register fails alone: exit 1" test "$rc" -eq 1
check "contadora: and ayni says why" grep -q "no such company" "$T/conta.err"
mkdir "$T/empty"
conta "$T/empty"
check "contadora: no register: exit 66" test "$rc" -eq 66

done_testing
