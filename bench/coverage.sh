#!/usr/bin/env bash
# bench/coverage.sh: the coverage reports at national scale.
#
# Starts its own throwaway PostgreSQL and kore (like scripts/test.sh),
# grows the data set of bench/coverage_gen.sql in three steps — 500,
# 2,000 and 8,000 schools (1×, 4×, 16×; 16× is the full national size of
# about 3.3 million plan items) — and after each step measures with
# bench/coverage_measure.mjs: one school's report (GET
# /api/v1/schools/{id}/coverage?years=2026-2027,2027-2028&framework=
# CNU-DG-2019, random schools, sequential, p50/p95) and the inspector's
# aggregate over all schools (GET /api/v1/reports/coverage?framework=
# CNU-DG-2019, as admin), each also as the bare SQL call (the baseline).
# Results: one JSON line per step on stdout and in build/bench/coverage.jsonl.
# COVERAGE_STEPS="500 2000 8000" chooses other sizes.
set -euo pipefail
. "$(dirname "$0")/../scripts/lib.sh"
cd "$ROOT"

"$ROOT/scripts/deps.sh" test
make -s all
"$ROOT/scripts/frontend.sh"
(cd tests && npm ci --no-audit --no-fund --loglevel=error >/dev/null)

tmp_stack leerlijn-bench
tmp_stack_db 54500

apiport=$(free_port 8990)
export LEERLIJN_LISTEN=127.0.0.1:$apiport
export LEERLIJN_WEB_ROOT=$ROOT/frontend/dist
kore_start "$tmp/leerlijn.conf" "$tmp/kore.log"

mkdir -p build/bench
out=build/bench/coverage.jsonl
: >"$out"
from=1
for to in ${COVERAGE_STEPS:-500 2000 8000}; do
	say "generating schools $from..$to"
	start=$(date +%s)
	psql -X -q -v ON_ERROR_STOP=1 "$DATABASE_URL" -v from="$from" \
	    -v to="$to" -f bench/coverage_gen.sql >/dev/null
	say "generated in $(( $(date +%s) - start )) s; checking the aggregate"
	bad=$(psql -X -At "$DATABASE_URL" -c "SELECT (SELECT count(*) FROM coverage_check()) + (SELECT count(*) FROM coverage_bits_check())")
	[ "$bad" = 0 ] || die "coverage_fact differs from the plans in $bad rows"
	node bench/coverage_measure.mjs "http://$LEERLIJN_LISTEN" \
	    "$DATABASE_URL" "$to schools" | tee -a "$out"
	from=$((to + 1))
done
