#!/usr/bin/env bash
# The long fuzz run: every libFuzzer harness of tests/fuzz/ for FUZZ_RUNS
# executions (10,000,000) from its seed corpus, under ASan + UBSan.  Prints
# the executions and the time of each; stops at the first sanitizer report
# or broken invariant.  FUZZ_ONLY="fuzz_qs fuzz_utf8" runs some of them.
set -euo pipefail
. "$(dirname "$0")/../scripts/lib.sh"
cd "$ROOT"
"$ROOT/scripts/deps.sh" test
make -s fuzz
mkdir -p bench/results
out=bench/results/fuzz-$(date -u +%Y%m%dT%H%M%SZ).txt
bins=()
for b in build/fuzz/fuzz_*; do
	name=$(basename "$b")
	if [ -n "${FUZZ_ONLY:-}" ] && [[ " $FUZZ_ONLY " != *" $name "* ]]; then
		continue
	fi
	bins+=("$b")
done
{
	for b in "${bins[@]}"; do
		start=$(date +%s)
		scripts/fuzz.sh long "$b" 2>&1
		echo "$(basename "$b"): $(( $(date +%s) - start )) s"
	done
} | tee "$out"
cp "$out" bench/results/fuzz-latest.txt
