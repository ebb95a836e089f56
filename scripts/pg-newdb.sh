#!/bin/sh
# pg-newdb.sh - create a fresh, empty database on the server that
# scripts/pg-test.sh started, and print its URL.
#
#   url=$(sh scripts/pg-newdb.sh [NAME])
#
# NAME defaults to a unique one (t<pid>_<n>).  The database is UTF8 with
# locale C, as schema/pg requires, and goes away with the server: nothing
# to drop.  Exits 77 (a skipped test, for ctest) outside pg-test.sh.
set -eu
if [ -z "${AYNI_TEST_PG:-}" ] || [ -z "${PGHOST:-}" ]; then
	echo "pg-newdb.sh: no test server (run under scripts/pg-test.sh)" >&2
	exit 77
fi
bin=${AYNI_PG_BIN:-/usr/lib/postgresql/15/bin}
if [ $# -gt 0 ]; then
	"$bin/createdb" -T template0 -E UTF8 --locale=C "$1"
	name=$1
else
	n=0
	# Two tests may pick a name at once: createdb refuses the second.
	until name=t$$_$n && "$bin/createdb" -T template0 -E UTF8 \
	    --locale=C "$name" 2>/dev/null; do
		n=$((n + 1))
		if [ "$n" -gt 20 ]; then
			echo "pg-newdb.sh: cannot create a database" \
			    "on '$PGHOST'" >&2
			exit 69
		fi
	done
fi
printf 'postgresql:///%s?host=%s\n' "$name" "$PGHOST"
