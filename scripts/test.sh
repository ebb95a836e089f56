#!/bin/sh
# test.sh - build ayni with warnings as errors and run every test, then do
# it again under AddressSanitizer and UndefinedBehaviorSanitizer; last, the
# tests labeled pg of both builds against a private PostgreSQL server
# (scripts/pg-test.sh).  This is the command the README gives and .ci/run
# runs.
set -eu
cd "$(dirname "$0")/.."
sh scripts/deps.sh
jobs=$(nproc 2>/dev/null || echo 2)

cmake -S . -B build -DAYNI_WERROR=ON >/dev/null
cmake --build build -j"$jobs"
ctest --test-dir build --output-on-failure -j"$jobs"

cmake -S . -B build-asan -DAYNI_WERROR=ON -DAYNI_SANITIZE=ON \
    -DCMAKE_BUILD_TYPE=Debug >/dev/null
cmake --build build-asan -j"$jobs"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest --test-dir build-asan --output-on-failure -j"$jobs"

# A second compiler catches what the first does not warn about.
if command -v clang >/dev/null 2>&1; then
	CC=clang cmake -S . -B build-clang -DAYNI_WERROR=ON >/dev/null
	cmake --build build-clang -j"$jobs"
	ctest --test-dir build-clang --output-on-failure -j"$jobs" -R '^unit/'
fi

# Last, so that the SQLite suites above run as they always did: the tests
# labeled pg, which skipped above, against a throw-away PostgreSQL server.
sh scripts/pg-test.sh sh -c "ctest --test-dir build -L pg \
    --output-on-failure -j$jobs && \
    ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
    UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest --test-dir build-asan -L pg --output-on-failure -j$jobs"
