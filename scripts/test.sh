#!/usr/bin/env bash
# make test: the same bootstrap as make run against a throwaway cluster,
# then the unit tests (cmocka, under ASan/UBSan) and the integration tests
# (node:test against a real kore and a real PostgreSQL over loopback).
set -euo pipefail
. "$(dirname "$0")/lib.sh"
cd "$ROOT"

"$ROOT/scripts/deps.sh" test
make -s all unit
"$ROOT/scripts/frontend.sh" lint

# The benchmarks' recorder of the finder's SQL links the API's own code
# (bench/sqlcapture.c): it must keep building and recording.
say "benchmark tools"
build_sqlcapture
"$ROOT/build/bench/sqlcapture" "goal=DG2.1&framework=CNU-DG-2019" \
    00000000-0000-4000-8000-000000000000 -json "$ROOT/build/bench/check.json"
node -e 'const s = JSON.parse(require("fs").readFileSync(process.argv[1]));
process.exit(s.length === 2 && /lessons_find_goal/.test(s[1].text) ? 0 : 1)' \
    "$ROOT/build/bench/check.json" ||
    die "sqlcapture did not record the goal lookup and the finder"
# The stall meter (bench/stallmeter.c): one thread per CPU, one line.
build_stallmeter
"$ROOT/build/bench/stallmeter" 0.2 10 | grep -Eqx "STALL max_ms=[0-9.]+ \
over=[0-9]+ at=[0-9.]+ fifo=[01] cpus=$(nproc)" ||
    die "stallmeter did not report one line for $(nproc) CPUs"

say "unit tests"
make -s test-unit

say "fuzz harnesses (libFuzzer, ASan + UBSan; a few seconds each)"
make -s test-fuzz

say "web app unit tests (vitest)"
(cd frontend && node_modules/.bin/vitest run)

tmp_stack leerlijn-test

tmp_stack_db 54400

apiport=$(free_port 8900)
export LEERLIJN_LISTEN=127.0.0.1:$apiport
export LEERLIJN_WEB_ROOT=$ROOT/frontend/dist
export LEERLIJN_BODY_MAX=${LEERLIJN_BODY_MAX:-1048576}
kore_start "$tmp/leerlijn.conf" "$tmp/kore.log"

say "integration tests"
(cd tests && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
export LEERLIJN_URL=http://127.0.0.1:$apiport
export LEERLIJN_PG_DIR=$tmp/pg LEERLIJN_PG_PORT=$pgport
export LEERLIJN_KORE_LOG=$tmp/kore.log
rm -rf tests/artifacts/web
# LEERLIJN_TESTS="coverage plans_export" (or a glob, "web_*") runs only those
# files (a developer's shortcut; CI and a plain `make test` run them all).
files=(tests/integration/*.test.mjs)
if [ -n "${LEERLIJN_TESTS:-}" ]; then
	files=()
	for t in $LEERLIJN_TESTS; do files+=(tests/integration/$t.test.mjs); done
fi
node --test --test-concurrency=1 --test-reporter=spec "${files[@]}"
