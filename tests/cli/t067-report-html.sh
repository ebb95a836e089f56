#!/bin/sh
# t067-report-html.sh - the HTML report in a real browser: Debian's
# chromium, headless, renders the page of a synthetic bakery to a PNG that
# is not blank and to a PDF on A4; the numbers in the page (data-v) equal
# 'ayni aggregate' for the same period.  Skips (exit 77, ctest SKIP) when
# chromium is absent; scripts/deps.sh installs it, so CI runs it.
. "$(dirname "$0")/lib.sh"

browser=
for b in chromium chromium-browser; do
	command -v "$b" >/dev/null 2>&1 && browser=$b && break
done
if [ -z "$browser" ]; then
	echo "t067-report-html: chromium not found: skipped (scripts/deps.sh installs it)"
	exit 77
fi

new_db
run company add --rut 76.123.456-0 --name 'Panadería La Espiga' --industry food
"$AYNI" sample --rows 3000 --seed 7 --from 2025-07-01 --days 92 \
    --profile panaderia >"$T/p.csv"
run -q upload "$T/p.csv"
expect_rc 0
run report --period 2025-08 --html "$T/r.html"
expect_rc 0

# value of data-k KEY in the page
v() {
	sed -n "s/.*data-k=\"$1\" data-v=\"\([^\"]*\)\".*/\1/p" "$T/r.html" | head -1
}
run --format csv aggregate --level month
row=$(printf '%s\n' "$out" | tr -d '\r' | grep '^2025-08,')
prev=$(printf '%s\n' "$out" | tr -d '\r' | grep '^2025-07,')
col() { echo "$1" | cut -d, -f"$2"; }
check "revenue = aggregate" test "$(v revenue)" = "$(col "$row" 2)"
check "units = aggregate" test "$(v units)" = "$(col "$row" 3)"
check "transactions = aggregate" test "$(v transactions)" = "$(col "$row" 4)"
check "avg_ticket = aggregate" test "$(v avg_ticket)" = "$(col "$row" 6)"
check "customers = aggregate" test "$(v customers)" = "$(col "$row" 7)"
check "margin = aggregate" test "$(v margin)" = "$(col "$row" 10)"
check "margin_pct = aggregate" test "$(v margin_pct)" = "$(col "$row" 11)"
check "returns = aggregate" test "$(v returns)" = "$(col "$row" 13)"
check "previous revenue = aggregate" test "$(v prev_revenue)" = "$(col "$prev" 2)"
run --format csv aggregate --level product --from 2025-08-01 --to 2025-08-31 --top 1
top=$(printf '%s\n' "$out" | tr -d '\r' | sed -n 2p)
check "top product revenue = aggregate" test "$(v product_revenue)" = "$(col "$top" 4)"
check "values are there" test -n "$(v revenue)" -a -n "$(v product_revenue)"

# --- the browser: no network, no profile of the user's ---
prof=$(mktemp -d "$T/chromium.XXXXXX")
render() {
	timeout 120 "$browser" --headless --no-sandbox --disable-gpu \
	    --disable-background-networking --disable-component-update \
	    --disable-sync --no-first-run --user-data-dir="$prof" "$@" \
	    "file://$T/r.html" >"$T/chromium.log" 2>&1
}
render --window-size=900,2400 --screenshot="$T/r.png"
check "screenshot made" test -s "$T/r.png"
set -- $(python3 "$AYNI_SRC/tests/cli/pngstat.py" "$T/r.png")
check "screenshot size" test "$1x$2" = 900x2400
# a blank page has no ink and one colour; the report has text, lines,
# bars and a heat map in a few hundred shades
check "screenshot not blank (ink $3)" python3 -c "import sys; sys.exit(not float('$3') > 0.03)"
check "screenshot has colours ($4)" test "$4" -gt 50
render --print-to-pdf="$T/r.pdf" --no-pdf-header-footer
check "pdf made" test "$(head -c 5 "$T/r.pdf")" = "%PDF-"
pages=$(python3 -c "import re,sys; print(len(re.findall(rb'/Type\s*/Page[^s]', open(sys.argv[1],'rb').read())))" "$T/r.pdf")
check "pdf fits in 1 to 3 A4 pages ($pages)" test "$pages" -ge 1 -a "$pages" -le 3
check "pdf is A4 (595x842 pt)" sh -c "grep -aqE 'MediaBox ?\[0 0 59[45][.0-9]* 84[12][.0-9]*\]' '$T/r.pdf'"

done_testing
