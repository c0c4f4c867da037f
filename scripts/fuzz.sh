#!/usr/bin/env bash
# scripts/fuzz.sh short|long HARNESS...: run libFuzzer harnesses from their
# seed corpus in tests/fuzz/corpus/<name>/ (never written to: new inputs
# go to a scratch directory).  short: FUZZ_SECONDS (3) each, for make test;
# long: FUZZ_RUNS (10,000,000) executions each, for bench/fuzz.sh.  Any
# sanitizer report or broken invariant stops with the crashing input.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
cd "$ROOT"
mode=$1
shift
scratch=$(mktemp -d /tmp/leerlijn-fuzz.XXXXXX)
trap 'rm -rf "$scratch"' EXIT
for bin in "$@"; do
	name=$(basename "$bin")
	corpus=tests/fuzz/corpus/$name
	mkdir -p "$scratch/$name"
	args=(-artifact_prefix="$scratch/$name-" -print_final_stats=1)
	[ -f "tests/fuzz/$name.dict" ] && args+=(-dict="tests/fuzz/$name.dict")
	if [ "$mode" = short ]; then
		args+=(-max_total_time="${FUZZ_SECONDS:-3}")
	else
		args+=(-runs="${FUZZ_RUNS:-10000000}")
	fi
	if ! "$bin" "${args[@]}" "$scratch/$name" "$corpus" \
	    >"$scratch/$name.log" 2>&1; then
		tail -40 "$scratch/$name.log" >&2
		for a in "$scratch/$name"-*; do
			[ -f "$a" ] && say "crashing input: $(od -An -c "$a" | head -5)"
		done
		die "fuzz: $name failed"
	fi
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$scratch/$name.log")
	say "fuzz: $name: $runs executions, no sanitizer report"
done
