#!/bin/sh
# demo.sh - the main job: build ayni, create a demo database, load the
# example exports and print a monthly report.  Leaves demo/ayni.db behind
# for you to explore (ayni --db demo/ayni.db ..., or sqlite3).
set -eu
cd "$(dirname "$0")/.."
sh scripts/deps.sh
cmake -S . -B build >/dev/null
cmake --build build -j"$(nproc 2>/dev/null || echo 2)" >/dev/null
ayni=$PWD/build/ayni

rm -rf demo
mkdir -p demo
export AYNI_DB="$PWD/demo/ayni.db"
# The demo's own home, so its session does not touch yours.
export XDG_CONFIG_HOME="$PWD/demo/config"
echo 'demo-password-1' | "$ayni" init --email demo@ayni.cl --name Demo \
    --password-stdin
echo "== database"
sqlite3 "$AYNI_DB" "SELECT 'schema version', user_version FROM pragma_user_version;
SELECT 'users', count(*) FROM users; SELECT 'companies', count(*) FROM companies;
SELECT 'sales lines', count(*) FROM raw_transactions;"
