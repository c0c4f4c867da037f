#!/usr/bin/env bash
# bench/capacity.sh: the measured inputs of the capacity model in
# docs/operations.md ("Capacity").
#
# Starts its own throwaway PostgreSQL 15 and one kore node with ONE worker
# (so that "per core" means one worker), seeds the demo data, and runs
# bench/capacity_measure.mjs: a catalogue read, a plan edit and one
# school's coverage report, each for CAPACITY_SECONDS (8) with
# CAPACITY_CLIENTS (8) clients, reporting the rate, p50/p99 and the CPU
# milliseconds per request of the API and of the database (from /proc).
# Then it generates CAPACITY_SCHOOLS (500) schools with
# bench/coverage_gen.sql (about 420 plan items each), measures the
# database's size per school and plan item and runs the reports again at
# that size (one school's report; the national aggregate over all schools).
# Results: one JSON line per measurement on stdout and in
# build/bench/capacity.jsonl.
set -euo pipefail
. "$(dirname "$0")/../scripts/lib.sh"
cd "$ROOT"

"$ROOT/scripts/deps.sh" test
make -s all
# kore needs a built web app to start; its content does not matter here.
[ -f frontend/dist/index.html ] || "$ROOT/scripts/frontend.sh"
[ -d tests/node_modules/pg ] ||
    (cd tests && npm ci --no-audit --no-fund --loglevel=error >/dev/null)

tmp=$(mktemp -d /tmp/leerlijn-capacity.XXXXXX)
chmod 755 "$tmp"
kore_pid=
cleanup() {
	local rc=$?
	trap - EXIT INT TERM
	if [ -n "$kore_pid" ]; then
		kill -TERM "$kore_pid" 2>/dev/null || true
		wait "$kore_pid" 2>/dev/null || true
	fi
	pg_stop "$tmp/pg"
	rm -rf "$tmp"
	exit "$rc"
}
trap cleanup EXIT INT TERM

pgport=$(free_port 54520)
pg_ensure "$tmp/pg" "$pgport"
export DATABASE_URL
DATABASE_URL=$(pg_url "$tmp/pg" "$pgport")
build/leerlijn-db wait 30
build/leerlijn-db setup schema seeds

apiport=$(free_port 8995)
export LEERLIJN_LISTEN=127.0.0.1:$apiport LEERLIJN_WORKERS=1
export LEERLIJN_WEB_ROOT=$ROOT/frontend/dist
kore_start "$tmp/leerlijn.conf" "$tmp/kore.log"
pgpid=$(head -1 "$tmp/pg/data/postmaster.pid")

mkdir -p build/bench
out=build/bench/capacity.jsonl
: >"$out"
say "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
node bench/capacity_measure.mjs "http://$LEERLIJN_LISTEN" "$DATABASE_URL" \
    "$kore_pid" "$pgpid" "demo data" | tee -a "$out"

schools=${CAPACITY_SCHOOLS:-500}
say "generating $schools schools"
psql -X -q -v ON_ERROR_STOP=1 "$DATABASE_URL" -v from=1 -v to="$schools" \
    -f bench/coverage_gen.sql >/dev/null
psql -X -At -F' ' "$DATABASE_URL" -c "SELECT json_build_object(
    'label', 'database size', 'schools', (SELECT count(*) FROM school),
    'plan_items', (SELECT count(*) FROM plan_item),
    'database_bytes', pg_database_size(current_database()),
    'plan_bytes', pg_total_relation_size('plan_item')
      + pg_total_relation_size('plan') + pg_total_relation_size('coverage_fact'))" |
    tee -a "$out"
node bench/capacity_measure.mjs "http://$LEERLIJN_LISTEN" "$DATABASE_URL" \
    "$kore_pid" "$pgpid" "$schools schools" | tee -a "$out"
say "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
