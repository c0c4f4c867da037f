#!/usr/bin/env bash
# Run the cmocka unit tests (built with ASan and UBSan); fail if any fails.
set -uo pipefail
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
failed=0
total=0
for t in "$@"; do
	total=$((total + 1))
	"$t" || { echo "unit test failed: $t" >&2; failed=$((failed + 1)); }
done
[ "$failed" -eq 0 ] || echo "unit test programs that failed: $failed of $total" >&2
[ "$failed" -eq 0 ]
