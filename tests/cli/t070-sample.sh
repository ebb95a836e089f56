#!/bin/sh
# t070-sample.sh - 'ayni sample': the exact header and row count, the same
# bytes for the same seed, strict option checking (64), --companies files
# and their summary, no database touched, and failed writes (73, 74).
. "$(dirname "$0")/lib.sh"

header='Fecha venta;N° doc. venta;Método pago;Tipo documento;Nombre cliente;SKU;Nombre;Categoría;Tipo unidad;Cantidad;Costo unitario;Total costo;Precio unitario;Total neto;Total descuento;Total comisión;Utilidad aprox.'

run sample --rows 0
expect_rc 0
expect_out "$header"
expect_err ""

run sample --rows 10
expect_rc 0
check "--rows 10 gives 11 lines" test "$(printf '%s\n' "$out" | wc -l)" = 11
check "header first" test "$(printf '%s\n' "$out" | head -n 1)" = "$header"
check "17 fields on every line" test "$(printf '%s\n' "$out" |
    awk -F';' 'NF != 17' | wc -l)" = 0
check "dates are dd-mm-yyyy HH:MM" test "$(printf '%s\n' "$out" | sed 1d |
    grep -Evc '^[0-3][0-9]-[01][0-9]-20[0-9][0-9] [0-2][0-9]:[0-5][0-9];')" = 0
check "no database is created" test ! -e ayni.db

# Deterministic: the seed alone decides the bytes.
sha() { "$AYNI" sample "$@" | sha256sum | cut -d' ' -f1; }
a=$(sha --rows 2000 --seed 7)
check "same seed, same bytes" test "$a" = "$(sha --rows 2000 --seed 7)"
check "different seed, different bytes" \
    test "$a" != "$(sha --rows 2000 --seed 8)"
check "default seed is 1" test "$(sha --rows 50)" = "$(sha --rows 50 --seed 1)"
check "profile by name or number" \
    test "$(sha --rows 50 --profile ferreteria)" = "$(sha --rows 50 --profile 2)"
check "profile names ignore case" \
    test "$(sha --rows 50 --profile Farmacia)" = "$(sha --rows 50 --profile 3)"
check "profiles differ" \
    test "$(sha --rows 50 --profile 0)" != "$(sha --rows 50 --profile 4)"
run sample --rows 3000 --seed 3 --from 2024-12-01 --days 31
check "returns are 'Nota de crédito' documents" test "$(printf '%s\n' "$out" |
    grep -c '^[^;]*;[^;]*;Nota de crédito;')" -gt 0
check "--from and --days bound the dates" test "$(printf '%s\n' "$out" |
    sed 1d | grep -Evc '^[0-3][0-9]-12-2024 ')" = 0

# Bad values: 64, naming the option and the value; nothing on stdout.
bad() {
	opt=$1 val=$2
	run sample "$opt" "$val"
	expect_rc 64
	expect_out ""
	expect_err_has "^ayni: invalid $opt '$val': use "
}
bad --rows abc
bad --rows 10x
bad --rows ''
bad --rows ' 5'
bad --rows -1
bad --rows 100000001
bad --rows 99999999999999999999
bad --seed -1
bad --seed 1.5
bad --seed 18446744073709551616
bad --days 0
bad --days 3661
bad --profile 6
bad --profile -1
bad --profile kiosko
bad --companies 0
bad --companies 1000
run sample --rows 12abc
expect_err_has "^ayni: invalid --rows '12abc': use a whole number from 0 to 100000000$"
expect_err_has "^usage: ayni sample "
run sample --from 2025-02-30
expect_rc 64
expect_out ""
expect_err_has "^ayni: invalid --from '2025-02-30': use YYYY-MM-DD$"
run sample --from 1-1-2025
expect_rc 64
run sample --rows 5 extra
expect_rc 64
run sample --out d
expect_rc 64
expect_err_has "^ayni: option '--out' needs '--companies K'"
run sample --companies 3
expect_rc 64
expect_err_has "^ayni: option '--companies' needs '--out DIR'"
check "no directory after refused options" test ! -e d

# --companies K --out DIR: K files of different shops of one industry (so
# that a benchmark can compare them), a summary on stdout.
run sample --companies 3 --out d --rows 100 --seed 5
expect_rc 0
expect_err ""
out=$(printf '%s\n' "$out" | tr -d '\r')	# RFC 4180 lines end in CRLF
expect_out "file,profile,industry,rows
d/company-01.csv,minimarket,retail,100
d/company-02.csv,botilleria,retail,40
d/company-03.csv,minimarket,retail,190"
check "three files and no more" test "$(ls d)" = "company-01.csv
company-02.csv
company-03.csv"
for f in 01:100 02:40 03:190; do
	check "company-${f%:*}.csv has ${f#*:} rows and the header" test \
	    "$(sed 1d "d/company-${f%:*}.csv" | wc -l) $(head -n 1 "d/company-${f%:*}.csv")" = \
	    "${f#*:} $header"
done
check "files differ" sh -c '! cmp -s d/company-01.csv d/company-02.csv'
cp d/company-02.csv before.csv
run sample --companies 3 --out d/ --rows 100 --seed 5 --format json
expect_rc 0
expect_out_has '"file": ?"d/company-01.csv"'
check "same seed, same files" cmp -s d/company-02.csv before.csv
check "no temporary file is left" test "$(ls -a d | grep -c tmp)" = 0
run sample --companies 2 --out d --rows 100 --seed 5 --profile cafe
expect_rc 0
out=$(printf '%s\n' "$out" | tr -d '\r')
expect_out "file,profile,industry,rows
d/company-01.csv,cafe,food,100
d/company-02.csv,panaderia,food,40"
# Files are replaced by rename, never written through a symbolic link.
rm d/company-01.csv
ln -s ../victim d/company-01.csv
: >victim
run sample --companies 1 --out d --rows 100
expect_rc 73
expect_err "ayni: refusing to write 'd/company-01.csv': it is a symbolic link"
check "the link's target is untouched" test ! -s victim
rm d/company-01.csv
run sample --companies 2 --out d --rows 100 --seed 5 --from 2025-13-01
expect_rc 64
run sample --companies 2 --out new --from 2025-13-01
expect_rc 64
check "a refused run leaves no directory" test ! -e new
check "no database is created" test ! -e ayni.db

# Cannot create: 73.  (Paths under a regular file fail even for root.)
: >plain
run sample --companies 2 --out plain
expect_rc 73
expect_err_has "^ayni: cannot create directory 'plain': a file is in the way"
run sample --companies 2 --out plain/sub
expect_rc 73
expect_err_has "^ayni: cannot create directory 'plain/sub': Not a directory"

# A write that fails is an I/O error: 74.
"$AYNI" sample --rows 100 >/dev/full 2>"$T/.err"
rc=$? err=$(cat "$T/.err") last="sample >/dev/full"
expect_rc 74
expect_err_has "^ayni: cannot write the sample: No space left on device$"
"$AYNI" sample --companies 1 --out full >/dev/full 2>"$T/.err"
rc=$? err=$(cat "$T/.err") last="sample --companies 1 --out full >/dev/full"
expect_rc 74

# --help's usage line is the manual's SYNOPSIS.
usage=$(sed -n '/^\.Sh SYNOPSIS/,/^\.Sh/p' "$AYNI_SRC/man/ayni-sample.1" |
    sed -n 's/^\.Nm /usage: /p; s/^\.Op Fl \(.*\)$/[-\1]/p' |
    sed 's/ Ar / /' | tr '\n' ' ' | sed 's/ $//')
run sample --help
expect_rc 0
check "--help usage matches SYNOPSIS: $usage" \
    test "$(printf '%s\n' "$out" | head -n 1)" = "$usage"

# --register: its own options, refused with the shop's and vice versa
run sample --register --rows 5
expect_rc 64
expect_err_has "option '--rows' is for shop exports, not with '--register'"
run sample --register --months 3
expect_rc 64
expect_err_has "'--months' needs '--companies K --out DIR'"
run sample --register --companies 2
expect_rc 64
expect_err_has "'--companies' and '--out' go together"
run sample --documents 5
expect_rc 64
expect_err_has "'--months' and '--documents' are for '--register'"
run sample --register --documents 0
expect_rc 64
run sample --register --documents 12 --from 2024-02-10
expect_rc 0
check "one month of a register: header and 12 documents" \
    test "$(printf '%s\n' "$out" | wc -l)" = 13
check "all of February 2024" \
    test "$(printf '%s\n' "$out" | sed 1d | cut -d';' -f7 | grep -vc '/02/2024$')" = 0
check "no database is created by --register" test ! -e ayni.db

done_testing
