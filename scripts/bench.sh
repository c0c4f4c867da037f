#!/usr/bin/env bash
# make bench: run every bench/*.sh in turn.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
cd "$ROOT"
shopt -s nullglob
benches=(bench/*.sh)
[ ${#benches[@]} -gt 0 ] || die "no benchmarks in bench/ yet"
for b in "${benches[@]}"; do
	say "benchmark $b"
	bash "$b"
done
