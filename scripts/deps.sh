#!/bin/sh
# deps.sh - install what ayni needs to build and test on Debian 12.
# Run as root (or with sudo).  Does nothing when everything is there.
set -eu
pkgs="build-essential cmake pkg-config libsqlite3-dev libargon2-dev
libcsv-dev libcjson-dev libpcre2-dev libcmocka-dev sqlite3 python3
hostname bsdutils diffutils chromium gettext locales postgresql-15
libpq-dev"
missing=
for p in $pkgs; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' ||
	    missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
	echo "deps.sh: missing packages:$missing; run as root" >&2
	exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# shellcheck disable=SC2086
apt-get install -y -qq --no-install-recommends $missing >/dev/null
