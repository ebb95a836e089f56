#!/bin/sh
# pg-test.sh - run a command against a private, throw-away PostgreSQL 15.
#
#   sh scripts/pg-test.sh [COMMAND [ARG...]]
#
# Makes a temporary directory, initdb's a cluster in it (as the postgres
# user when run as root), starts the server listening only on a Unix
# socket in that directory (no TCP), creates the database 'ayni', exports
#   AYNI_TEST_PG=postgresql:///ayni?host=DIR  PGHOST=DIR  PGPORT=5432
#   PGDATABASE=ayni  PGUSER=<you>  AYNI_PG_BIN=<server binaries, psql>
# and runs COMMAND (default: ctest --test-dir build -L pg
# --output-on-failure, from the top of the repository).  On exit, however
# it ends, the server is stopped and the directory removed; the command's
# exit status is passed through.  A test that needs a fresh database of
# its own runs scripts/pg-newdb.sh, which prints the new database's URL.
#
# The cluster is made for tests: encoding UTF8 and locale C (what
# schema/pg requires), trust authentication on the socket only, no fsync.
# Installs nothing when PostgreSQL 15 is there; else, as root, installs
# postgresql-15 and libpq-dev from Debian (scripts/deps.sh names them too).
# Not for production: nothing here is durable.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
bin=${AYNI_PG_BIN:-/usr/lib/postgresql/15/bin}

if [ ! -x "$bin/initdb" ]; then
	if [ "$(id -u)" -ne 0 ]; then
		echo "pg-test.sh: PostgreSQL 15 is not installed in '$bin';" \
		    "run as root or install postgresql-15" >&2
		exit 69
	fi
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq
	apt-get install -y -qq --no-install-recommends postgresql-15 \
	    libpq-dev >/dev/null
fi

# As root the server runs as postgres (it refuses to run as root); the
# superuser role is named after whoever runs this script, so that psql,
# libpq and ayni connect with their defaults.
me=$(id -un)
if [ "$(id -u)" -eq 0 ]; then
	# from the temporary directory: postgres may not enter the caller's
	as_pg() { (cd "$dir" && runuser -u postgres -- "$@"); }
else
	as_pg() { "$@"; }
fi

# A socket's path has at most 107 bytes: a deep TMPDIR falls back to /tmp.
tmp=${TMPDIR:-/tmp}
[ ${#tmp} -le 60 ] || tmp=/tmp
dir=$(mktemp -d "$tmp/ayni-pg.XXXXXX")
started=
cleanup() {
	if [ -n "$started" ]; then
		as_pg "$bin/pg_ctl" -D "$dir/data" -m immediate -s stop \
		    >/dev/null 2>&1 || true
	fi
	rm -rf "$dir"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
[ "$(id -u)" -ne 0 ] || chown postgres "$dir"

if ! as_pg "$bin/initdb" -D "$dir/data" -U "$me" -A trust -E UTF8 \
    --locale=C --no-sync >"$dir/initdb.log" 2>&1; then
	cat "$dir/initdb.log" >&2
	echo "pg-test.sh: initdb failed" >&2
	exit 69
fi
started=1	# even if pg_ctl gives up waiting, a server may be running
if ! as_pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -s \
    -o "-k $dir -p 5432 -c listen_addresses='' -c fsync=off \
    -c synchronous_commit=off -c full_page_writes=off" start; then
	cat "$dir/server.log" >&2
	echo "pg-test.sh: the server did not start" >&2
	exit 69
fi

# Whatever the caller's environment says, clients reach this server.
unset PGHOSTADDR PGSERVICE PGSERVICEFILE PGPASSWORD
PGHOST=$dir PGPORT=5432 PGUSER=$me PGDATABASE=ayni AYNI_PG_BIN=$bin
AYNI_TEST_PG="postgresql:///ayni?host=$dir"
export PGHOST PGPORT PGUSER PGDATABASE AYNI_PG_BIN AYNI_TEST_PG
"$bin/createdb" ayni

if [ $# -eq 0 ]; then
	set -- ctest --test-dir "$top/build" -L pg --output-on-failure
fi
set +e
"$@"
rc=$?
set -e
exit "$rc"
