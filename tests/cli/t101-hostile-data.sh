#!/bin/sh
# t101-hostile-data.sh - a catalogue of hostile and clumsy input files for
# 'ayni upload' (issue 10, docs/contract.md §2 and §5): bad bytes, encodings,
# NUL bytes, binary files, quotes, sizes, field counts, impossible dates at the
# edges of 1900-2199, numbers past int64 cents, control characters, empty
# and header-only files, 'sep=' lines, duplicate headers, output and temp
# space that fail.  Each case asserts the exit code, the one message that
# names the file, line, field and value, and that the stored data did not
# change: same lines, same rollups, integrity check and 'aggregate verify'.
# Cases that must load use --dry-run, which does everything but commit.
. "$(dirname "$0")/lib.sh"

new_db
run company add --rut 76.123.456-0 --name 'Minimarket Uno'
expect_rc 0
db=$AYNI_DB
H='Fecha,Boleta,SKU,Cantidad,Total'
printf '%s\n01/10/2025,1,A,1,100\n02/10/2025,2,B,2,250\n' "$H" >"$T/good.csv"
run -q upload "$T/good.csv"
expect_rc 0

state() {
	sqlite3 "$db" "SELECT count(*), sum(price_total) FROM raw_transactions;
	    SELECT count(*), sum(revenue) FROM agg_day; PRAGMA integrity_check"
}
baseline=$(state)

# unchanged: the stored data is what it was, and verify agrees.
unchanged() {
	check "data unchanged after: $last" test "$(state)" = "$baseline"
	"$AYNI" aggregate verify >/dev/null 2>&1
	check "verify after: $last" test $? -eq 0
}

# up FILE [ARGS]: upload FILE as csv.
up() {
	f=$1
	shift
	run --format csv upload "$@" "$f"
}

# case FILE RC LINE [ARGS]: an upload that fails with exit RC and the
# error line LINE (exact), and leaves everything as it was.
fails() {
	f=$1 code=$2 line=$3
	shift 3
	up "$f" "$@"
	expect_rc "$code"
	if printf '%s\n' "$err" | grep -Fqx -- "$line"; then ok
	else not_ok "stderr lacks the line: $line"; fi
	unchanged
}

# loads FILE [ARGS]: a dry run that succeeds; nothing is stored.
loads() {
	f=$1
	shift
	up "$f" --dry-run "$@"
	expect_rc 0
	expect_out_has '^,dry-run,'
	unchanged
}

mk() { printf "$2" >"$T/$1"; }

# --- empty, blank, header only ---
mk empty.csv ''
fails "$T/empty.csv" 65 "ayni: $T/empty.csv: the file is empty; expected a header line"
mk blank.csv '\n  \n\n'
fails "$T/blank.csv" 65 "ayni: $T/blank.csv: no header line, only blank lines"
mk bom.csv '\357\273\277'
fails "$T/bom.csv" 65 "ayni: $T/bom.csv: no header line, only blank lines"
mk header.csv "$H\n"
up "$T/header.csv"
expect_rc 0
expect_err "ayni: no sales lines in $T/header.csv"
unchanged
mk delims.csv "$H\n,,,,\n , ,\n"
up "$T/delims.csv"
expect_rc 0
expect_err "ayni: no sales lines in $T/delims.csv"
unchanged

# --- sep= (Excel's delimiter hint) ---
mk sep.csv 'sep=;\r\nFecha;Boleta;SKU;Cantidad;Total\r\n01/10/2025;9;Z;1,5;100\r\n'
loads "$T/sep.csv"
expect_out_has '^,dry-run,1,'
mk sepbad.csv 'sep=x\nFecha\n'
fails "$T/sepbad.csv" 65 "ayni: $T/sepbad.csv:1: 'sep=x' names an unsupported delimiter; use ',', ';', '|' or tab"

# --- encodings and bad bytes ---
printf 'F\0e\0c\0h\0a\0,\0\n\0' >"$T/utf16.csv"
fails "$T/utf16.csv" 65 "ayni: $T/utf16.csv:1: NUL byte; the file looks like utf-16 or binary, save it as csv utf-8"
# UTF-16 with its byte order mark is converted (docs/contract.md §5):
printf '\377\376F\0e\0c\0h\0a\0\t\0B\0o\0l\0e\0t\0a\0\t\0S\0K\0U\0\t\0C\0a\0n\0t\0\t\0T\0o\0t\0a\0l\0\n\0' >"$T/utf16bom.csv"
printf '1\0003\0/\0001\0000\0/\0002\0000\0002\0005\0\t\0009\0\t\0A\0\t\0001\0\t\0001\0000\0\n\0' >>"$T/utf16bom.csv"
up "$T/utf16bom.csv" --dry-run
expect_rc 0
expect_out_has '^,dry-run,1,1,0,0,0,0,0,2025-10-13,2025-10-13,'
unchanged
mk nul.csv "$H\n01/10/2025,1,A\0,1,100\n"
fails "$T/nul.csv" 65 "ayni: $T/nul.csv:2: NUL byte; the file looks like utf-16 or binary, save it as csv utf-8"
head -c 3000 /dev/urandom | tr -d '\000' >"$T/random.bin"
printf '\0' >>"$T/random.bin"
up "$T/random.bin"
expect_rc 65
unchanged
mk bomlatin.csv "\357\273\277$H\n"
# the mark is skipped and --encoding says what the text is
up "$T/bomlatin.csv" --encoding latin1 --dry-run
expect_rc 0
unchanged
# utf-8 seen first, then a byte that is not utf-8 past the 64 KiB sample
{
	printf '%s,Desc\n' "$H"
	i=0
	while [ $i -lt 2000 ]; do
		printf '01/10/2025,%d,A,1,100,Ñandú con ají y más texto\n' $i
		i=$((i + 1))
	done
	printf '01/10/2025,x,A,1,100,caf\351\n'
} >"$T/mixed.csv"
fails "$T/mixed.csv" 65 "ayni: $T/mixed.csv:2002: invalid utf-8 (byte 0xe9); the file mixes encodings or is windows-1252: try --encoding windows-1252"

# --- line ends ---
mk cr.csv "$H\r01/10/2025,7,A,1,100\r02/10/2025,8,A,1,100\r"
loads "$T/cr.csv"
expect_out_has '^,dry-run,2,'

# --- quotes ---
mk stray.csv "$H,Desc\n01/10/2025,5,A,1,100,Clavos 2\"\n"
loads "$T/stray.csv"
mk afterquote.csv "$H\n01/10/2025,\"5\"x,A,1,100\n"
fails "$T/afterquote.csv" 65 "ayni: $T/afterquote.csv:2: misplaced quote in field 2: text after its closing quote; a quoted field must be quoted whole, with inner quotes doubled"
mk open.csv "$H\n01/10/2025,5,A,1,100\n01/10/2025,\"6,A,1,100\n01/10/2025,7,A,1,100\n"
fails "$T/open.csv" 65 "ayni: $T/open.csv:3: unterminated quoted field: the quote opened in this record is never closed"
mk quotednl.csv "$H,Desc\n01/10/2025,5,A,1,100,\"dos\nlineas\"\n"
loads "$T/quotednl.csv"

# --- field counts and sizes ---
mk many.csv "$H\n01/10/2025,1,A,1,100,x,y\n"
fails "$T/many.csv" 65 "ayni: $T/many.csv:2: expected 5 fields, found 7 ('x' after the last column)"
mk manyempty.csv "$H\n01/10/2025,,A,1,100,,\n"
fails "$T/manyempty.csv" 65 "ayni: $T/manyempty.csv:2: expected 5 fields, found 7 (field 'in_trans_id', header 'Boleta', is empty)"
mk few.csv "$H\n01/10/2025,1,A\n"
fails "$T/few.csv" 65 "ayni: $T/few.csv:2: expected 5 fields, found 3"
mk missing.csv 'Fecha,Boleta,SKU\n01/10/2025,1,A\n'
fails "$T/missing.csv" 65 "ayni: $T/missing.csv: missing required fields 'in_quantity', 'in_price_total'; headers found: 'Fecha', 'Boleta', 'SKU'; name them with --map FIELD=HEADER"
awk -v h="$H" 'BEGIN { printf "%s\n01/10/2025,1,", h;
    for (i = 0; i < 1100000; i++) printf "A"; printf ",1,100\n" }' >"$T/longline.csv"
fails "$T/longline.csv" 65 "ayni: $T/longline.csv:2: record longer than 1048576 bytes; is a quote left open?"
awk -v h="$H" 'BEGIN { printf "%s,Desc\n01/10/2025,1,A,1,100,", h;
    for (i = 0; i < 200000; i++) printf "x"; printf "\n" }' >"$T/hugefield.csv"
loads "$T/hugefield.csv"
awk -v h="$H" 'BEGIN { printf "%s", h; for (i = 0; i < 3000; i++)
    printf ",c%d", i; printf "\n01/10/2025,1,A,1,100";
    for (i = 0; i < 3000; i++) printf ","; printf "\n" }' >"$T/wide.csv"
loads "$T/wide.csv"
mk dup.csv 'Fecha,Boleta,SKU,Cantidad,Total,Total\n13/10/2025,99,A,1,100,200\n'
loads "$T/dup.csv"
expect_err "ayni: warning: $T/dup.csv: headers 'Total' and 'Total' both match in_price_total; using 'Total' (choose with --map in_price_total=HEADER)"

# --- dates: docs/contract.md §2, years 1900-2199 ---
mk y9999.csv "$H\n31/12/9999,1,A,1,100\n"
fails "$T/y9999.csv" 65 "ayni: $T/y9999.csv:2: field 'in_dt' (header 'Fecha'): '31/12/9999' is an impossible date: years 1900-2199 only"
mk y9999w.csv "$H\n28/12/9999,1,A,1,100\n"
fails "$T/y9999w.csv" 65 "ayni: $T/y9999w.csv:2: field 'in_dt' (header 'Fecha'): '28/12/9999' is an impossible date: years 1900-2199 only"
mk y0001.csv "$H\n01/01/0001,1,A,1,100\n"
fails "$T/y0001.csv" 65 "ayni: $T/y0001.csv:2: field 'in_dt' (header 'Fecha'): '01/01/0001' is an impossible date: years 1900-2199 only"
mk y1899.csv "$H\n1899-12-31,1,A,1,100\n"
fails "$T/y1899.csv" 65 "ayni: $T/y1899.csv:2: field 'in_dt' (header 'Fecha'): '1899-12-31' is an impossible date: years 1900-2199 only"
mk y2200.csv "$H\n2200-01-01 00:00,1,A,1,100\n"
fails "$T/y2200.csv" 65 "ayni: $T/y2200.csv:2: field 'in_dt' (header 'Fecha'): '2200-01-01 00:00' is an impossible date: years 1900-2199 only"
mk edges.csv "$H\n1900-01-01,1,A,1,100\n31/12/2199 23:59:59,2,A,1,100\n"
loads "$T/edges.csv"
expect_out_has '^,dry-run,2,.*,1900-01-01,2199-12-31,'
mk feb29.csv "$H\n29/02/2025,1,A,1,100\n"
fails "$T/feb29.csv" 65 "ayni: $T/feb29.csv:2: field 'in_dt' (header 'Fecha'): '29/02/2025' is an impossible date (year 2025, month 2, day 29)"
mk fmt9999.csv "$H\n9999-12-31,1,A,1,100\n"
fails "$T/fmt9999.csv" 65 "ayni: $T/fmt9999.csv:2: field 'in_dt' (header 'Fecha'): '9999-12-31' is an impossible date: years 1900-2199 only" --date-format %Y-%m-%d

# --- numbers ---
mk over.csv "$H\n01/10/2025,1,A,1,99999999999999999999\n"
fails "$T/over.csv" 65 "ayni: $T/over.csv:2: field 'in_price_total' (header 'Total'): '99999999999999999999' is too large"
mk overcents.csv "$H\n01/10/2025,1,A,1,92233720368547758.08\n"
fails "$T/overcents.csv" 65 "ayni: $T/overcents.csv:2: field 'in_price_total' (header 'Total'): '92233720368547758.08' is too large" --decimal .
mk nan.csv "$H\n01/10/2025,1,A,1,nan\n"
fails "$T/nan.csv" 65 "ayni: $T/nan.csv:2: field 'in_price_total' (header 'Total'): 'nan' is not a finite number"
mk inf.csv "$H\n01/10/2025,1,A,1e309,100\n"
fails "$T/inf.csv" 65 "ayni: $T/inf.csv:2: field 'in_quantity' (header 'Cantidad'): '1e309' is not a number"

# --- control characters: shown escaped, never sent to the terminal ---
mk esc.csv "$H\n01/10/2025,1,A,\0331;31mX\033[2J,100\n"
fails "$T/esc.csv" 65 "ayni: $T/esc.csv:2: field 'in_quantity' (header 'Cantidad'): '\\x1b1;31mX\\x1b[2J' is not a number"
check "no raw ESC in the message" sh -c "! grep -q \"\$(printf '\\033')\" '$T/.err'"
mk c1.csv "$H\n01/10/2025,1,A,\302\2332J,100\n"
fails "$T/c1.csv" 65 "ayni: $T/c1.csv:2: field 'in_quantity' (header 'Cantidad'): '\\u009b2J' is not a number"
mk bel.csv "$H\n01/10/2025,1,A,\007\010\177,100\n"
fails "$T/bel.csv" 65 "ayni: $T/bel.csv:2: field 'in_quantity' (header 'Cantidad'): '\\x07\\x08\\x7f' is not a number"

# --- --max-errors and --rejects ---
mk twobad.csv "$H\n01/10/2025,1,A,1,100\n31/12/9999,2,A,1,100\n01/10/2025,3,A,x,100\n"
up "$T/twobad.csv" --dry-run --max-errors 2 --rejects "$T/rej.csv"
expect_rc 0
expect_out_has '^,dry-run,3,.*,2,0,2025-10-01,2025-10-01,'
check "rejects written" test "$(grep -c '^' "$T/rej.csv")" = 3
unchanged
mkdir "$T/rejdir"
fails "$T/twobad.csv" 73 "ayni: cannot write '$T/rejdir': it is a directory" --max-errors 2 --rejects "$T/rejdir"

# --- inputs that are not files ---
fails "$T/rejdir" 66 "ayni: '$T/rejdir' is a directory, not a CSV file"
fails "$T/nope.csv" 66 "ayni: cannot open '$T/nope.csv': No such file or directory"

# --- temporary space: TMPDIR honoured and named; a file size limit ---
"$AYNI" sample --rows 30000 --seed 1 >"$T/sample.csv"
last="upload with TMPDIR=$T/no-such-dir"
TMPDIR="$T/no-such-dir" "$AYNI" --format csv upload "$T/sample.csv" \
    >"$T/.out" 2>"$T/.err"
rc=$?
err=$(cat "$T/.err")
expect_rc 73
expect_err "ayni: cannot create a temporary file in '$T/no-such-dir': No such file or directory (set TMPDIR to a writable directory)"
unchanged
mkdir "$T/tmp"
last="upload with TMPDIR=$T/tmp"
TMPDIR="$T/tmp" "$AYNI" --format csv upload --dry-run "$T/sample.csv" \
    >"$T/.out" 2>"$T/.err"
rc=$?
expect_rc 0
unchanged
# Past ulimit -f, writing fails with EFBIG: exit 74, not death by SIGXFSZ.
last="upload under ulimit -f"
(ulimit -f 2048 && exec "$AYNI" --format csv upload "$T/sample.csv") \
    >"$T/.out" 2>"$T/.err"
rc=$?
err=$(cat "$T/.err")
expect_rc 74
expect_err_has "^ayni: cannot write a temporary file in '[^']*': File too large \(set TMPDIR to a directory with room\)$"
unchanged

# --- stored text with controls: table output shows it escaped, csv keeps
# the bytes ---
mk escsku.csv "$H\n03/10/2025,9,\033]0;pwned\007Z,1,100\n"
up "$T/escsku.csv"
expect_rc 0
run --format table aggregate --level product
expect_rc 0
expect_out_has '^\\x1b\]0;pwned\\x07Z +\$100 '
check "no raw ESC in table output" sh -c "! grep -q \"\$(printf '\\033')\" '$T/.out'"
run --format csv aggregate --level product
check "csv keeps the bytes" grep -q "$(printf '\033]0;pwned\007Z')" "$T/.out"

# --- the catalogue leaves a sound database ---
check "integrity" test "$(sqlite3 "$db" 'PRAGMA integrity_check')" = ok
run aggregate verify
expect_rc 0
done_testing
