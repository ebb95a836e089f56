#!/bin/sh
# nightly.sh - upload last night's point-of-sale export into ayni and save
# (and optionally mail) the month's report.  Meant for cron: see crontab.
#
# It authenticates with an API token kept in a file of mode 0600, never
# with a password.  Create it once, logged in as a member of the shop who
# may upload (the bare token is what 'token create' prints into a file):
#	mkdir -p ~/.config/ayni
#	(umask 077; ayni token create --name cron >~/.config/ayni/cron.token)  It does not rotate tokens, fetch the export from the POS, or
# retry forever: a busy database gets one retry, anything else is reported
# and the exit status says what went wrong (docs/contract.md §2 exit codes).
#
# Settings (environment):
#	AYNI		the binary (default: ayni on PATH)
#	AYNI_DB		the database (ayni's own variable)
#	AYNI_COMPANY	RUT of the shop (default: the token owner's only one)
#	TOKEN_FILE	default: $HOME/.config/ayni/cron.token
#	EXPORT_DIR	where the POS drops ventas-YYYYMMDD.csv
#	REPORT_DIR	where reports, summaries and rejects go
#	MAILTO_REPORT	mail the report there (needs mail(1)); empty: don't
set -u

AYNI=${AYNI:-ayni}
TOKEN_FILE=${TOKEN_FILE:-$HOME/.config/ayni/cron.token}
EXPORT_DIR=${EXPORT_DIR:-/srv/pos/exports}
REPORT_DIR=${REPORT_DIR:-/var/lib/ayni/reports}
MAILTO_REPORT=${MAILTO_REPORT:-}

say() {
	printf '%s nightly: %s\n' "$(date '+%Y-%m-%d %H:%M:%S')" "$*" >&2
}

# The token is a credential: refuse one that others can read.
if [ ! -r "$TOKEN_FILE" ]; then
	say "cannot read token file '$TOKEN_FILE'"
	exit 77
fi
if [ -z "$(find "$TOKEN_FILE" -prune -perm 0600)" ]; then
	say "token file '$TOKEN_FILE' must have mode 0600"
	exit 77
fi
AYNI_TOKEN=$(cat "$TOKEN_FILE")
export AYNI_TOKEN

company_opt=
if [ -n "${AYNI_COMPANY:-}" ]; then
	company_opt="--company $AYNI_COMPANY"
fi

# Yesterday, local time.  GNU date first; the TZ trick is the portable
# fallback (right except around a daylight-saving change).
day=$(date -d yesterday +%Y%m%d 2>/dev/null) ||
    day=$(TZ=UTC+24 date +%Y%m%d)
month=$(printf '%s' "$day" | sed 's/^\(....\)\(..\).*/\1-\2/')
file=$EXPORT_DIR/ventas-$day.csv
summary=$REPORT_DIR/upload-$day.json

mkdir -p "$REPORT_DIR" || exit 73

upload() {
	# shellcheck disable=SC2086
	"$AYNI" $company_opt --format json -q upload "$file" >"$summary"
}

upload
rc=$?
if [ "$rc" -eq 75 ]; then
	# another upload of this shop, or the database is busy: try once more
	say "database busy, retrying in 5 minutes"
	sleep 300
	upload
	rc=$?
fi

case $rc in
0)
	say "uploaded '$file': $(cat "$summary")"
	;;
66)
	# no export: a holiday or the POS was off.  Not worth waking anyone.
	say "no export '$file' for $day: nothing uploaded"
	exit 0
	;;
65)
	# Bad rows: nothing was stored.  List every bad row for a person.
	rejects=$REPORT_DIR/rejects-$day.csv
	# shellcheck disable=SC2086
	"$AYNI" $company_opt -q upload "$file" --dry-run \
	    --max-errors 1000000 --rejects "$rejects" >/dev/null 2>&1
	say "'$file' has invalid rows, nothing stored; see '$rejects'"
	exit 65
	;;
77)
	say "not allowed: token expired or revoked? create a new one with" \
	    "'ayni token create --name cron' and store it in '$TOKEN_FILE'"
	exit 77
	;;
78)
	say "configuration error (database newer than this ayni?)"
	exit 78
	;;
*)
	say "upload of '$file' failed with status $rc"
	exit "$rc"
	;;
esac

report=$REPORT_DIR/report-$month.html
# shellcheck disable=SC2086
"$AYNI" $company_opt -q report --period "$month" --html "$report"
rc=$?
if [ "$rc" -ne 0 ]; then
	say "report for $month failed with status $rc"
	exit "$rc"
fi
say "report saved to '$report'"

if [ -n "$MAILTO_REPORT" ] && command -v mail >/dev/null 2>&1; then
	# shellcheck disable=SC2086
	"$AYNI" $company_opt --format table report --period "$month" |
	    mail -s "ayni: ventas $month (al $day)" "$MAILTO_REPORT" ||
	    say "could not mail the report to '$MAILTO_REPORT'"
fi
exit 0
