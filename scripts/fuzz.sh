#!/bin/sh
# fuzz.sh [SECONDS] - build the harnesses in tests/fuzz/ with clang's
# libFuzzer, AddressSanitizer and UBSan, and run each for SECONDS (default
# 60), one process each, one after the other.  Not part of CI: ctest only
# replays the committed corpus (tests/fuzz/corpus/) without mutating.
#
# The working corpus grows in build-fuzz/corpus/<harness>/, seeded from
# the committed one; crashes land in build-fuzz/artifacts/.  To keep a
# finding, minimise it (<harness> -minimize_crash=1 -runs=10000 FILE), fix
# the bug with a unit test, and add the small input to the committed
# corpus.
set -eu
cd "$(dirname "$0")/.."
secs=${1:-60}
case $secs in
''|*[!0-9]*) echo "usage: scripts/fuzz.sh [SECONDS]" >&2; exit 64 ;;
esac
if ! command -v clang >/dev/null; then
	echo "fuzz.sh: clang is needed for libFuzzer" >&2
	exit 69
fi

# No -Werror: clang warns where gcc, which CI uses, does not.
cmake -S . -B build-fuzz -DCMAKE_C_COMPILER=clang -DAYNI_FUZZ=ON \
    -DAYNI_SANITIZE=ON -DAYNI_WERROR=OFF >/dev/null
harnesses=$(cd tests/fuzz && ls fuzz_*.c | sed 's/\.c$//')
# shellcheck disable=SC2086
cmake --build build-fuzz -j2 --target $harnesses

mkdir -p build-fuzz/artifacts
status=0
for h in $harnesses; do
	mkdir -p "build-fuzz/corpus/$h"
	echo "== $h: $secs s"
	# The upload harness does a whole upload per input: shorter inputs.
	case $h in
	fuzz_upload) maxlen=4096 ;;
	fuzz_parse|fuzz_header|fuzz_opt) maxlen=512 ;;
	fuzz_rut) maxlen=64 ;;
	*) maxlen=8192 ;;
	esac
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
	UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	    "build-fuzz/$h" -max_total_time="$secs" -max_len="$maxlen" \
	    -print_final_stats=1 -close_fd_mask=1 \
	    -artifact_prefix="build-fuzz/artifacts/$h-" \
	    "build-fuzz/corpus/$h" "tests/fuzz/corpus/$h" \
	    2>"build-fuzz/$h.log" || status=1
	grep -E '^#[0-9]+.*DONE|^stat::number_of_executed_units|ERROR|SUMMARY' \
	    "build-fuzz/$h.log" || true
done
[ $status -eq 0 ] || echo "fuzz.sh: findings in build-fuzz/artifacts/" >&2
exit $status
