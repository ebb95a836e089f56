#!/bin/sh
# contadora.sh - an accountant's month with ayni: every client's SII sales
# register, as downloaded from the SII (RCV_VENTA_<RUT>_<YYYYMM>.csv), in
# one folder; each uploaded with no flags (the company comes from the RUT
# in the file name, and a register replaces the month it covers, so a
# month downloaded again after a late credit note is simply uploaded
# again); then one line per client for the month: net sales, documents,
# credit notes, customers, and where the client's sales stand among the
# opted-in companies of its industry.
#
#   sh contadora.sh DIR [YYYY-MM]     (default: the latest month in DIR)
#
# Needs a session (ayni login) or AYNI_TOKEN, and each client created
# once with 'ayni company add --rut RUT --name NAME --industry CODE'.
# Exit status: 0 all loaded; 1 some upload failed (ayni said why, the
# others are loaded); 66 no register in DIR.
set -u
AYNI=${AYNI:-ayni}
dir=${1:?usage: contadora.sh DIR [YYYY-MM]}
month=${2:-}

set -- "$dir"/RCV_VENTA_*_[0-9][0-9][0-9][0-9][0-9][0-9].csv
if [ ! -e "$1" ]; then
	echo "contadora.sh: no RCV_VENTA_<RUT>_<YYYYMM>.csv in $dir" >&2
	exit 66
fi

status=0
for f; do
	"$AYNI" -q upload "$f" >/dev/null || status=1
done
"$AYNI" -q benchmark refresh || status=1

# the month: the latest in the file names unless given
if [ -z "$month" ]; then
	month=$(for f; do b=${f##*_}; echo "${b%.csv}"; done | sort | tail -n 1)
	month=$(echo "$month" | sed 's/^\(....\)\(..\)$/\1-\2/')
fi

# the name last: its accents would upset the columns' widths
printf '%-12s %7s %14s %5s %4s %5s %-18s %s\n' RUT MES 'VENTA NETA' DOCS \
    NC CLIEN PERCENTIL CLIENTE
for f; do
	b=${f##*/RCV_VENTA_}
	echo "${b%%_*}"
done | sort -u | while read -r rut; do
	# period,revenue,units,transactions,lines,avg_ticket,customers,...,returns
	row=$("$AYNI" --company "$rut" --format csv aggregate --level month \
	    2>/dev/null | tr -d '\r' |
	    awk -F, -v m="$month" '$1 == m { print $2 "," $4 "," $13 "," $7 }')
	[ -n "$row" ] || row="0,0,0,0"
	name=$("$AYNI" --format csv company show "$rut" 2>/dev/null |
	    tr -d '\r' | awk -F, 'NR == 2 { print $2 }')
	pct=$("$AYNI" --company "$rut" --format csv benchmark --period "$month" \
	    --metric revenue 2>/dev/null | tr -d '\r' |
	    awk -F, 'NR == 2 && $10 != "" { print "p" $10 " (" $4 " empresas)" }')
	IFS=, read -r rev docs nc cust <<EOF
$row
EOF
	# pesos as Chileans write them: 1.234.567
	rev=$(echo "$rev" | awk '{ s = sprintf("%.0f", $1); n = s < 0
		if (n) s = substr(s, 2); o = ""
		while (length(s) > 3) {
			o = "." substr(s, length(s) - 2) o
			s = substr(s, 1, length(s) - 3) }
		print (n ? "-" : "") s o }')
	printf '%-12s %7s %14s %5s %4s %5s %-18s %s\n' "$rut" "$month" "$rev" \
	    "$docs" "$nc" "$cust" "${pct:--}" "$name"
done
exit "$status"
