#!/usr/bin/env bash
# The soak (bench/soak.mjs): a mixed load for SOAK_MINUTES minutes (30) on
# its own kore and PostgreSQL, printing worker RSS, open descriptors and
# database connections per minute.  SOAK_MINUTES=2 for a short run.
set -euo pipefail
. "$(dirname "$0")/../scripts/lib.sh"
cd "$ROOT"
"$ROOT/scripts/deps.sh" run
make -s all
[ -d frontend/dist ] || "$ROOT/scripts/frontend.sh"
tmp_stack leerlijn-soak
tmp_stack_db 54700
apiport=$(free_port 8990)
export LEERLIJN_LISTEN=127.0.0.1:$apiport LEERLIJN_WEB_ROOT=$ROOT/frontend/dist
kore_start "$tmp/leerlijn.conf" "$tmp/kore.log"
mkdir -p bench/results
out=bench/results/soak-$(date -u +%Y%m%dT%H%M%SZ).txt
LEERLIJN_URL=http://127.0.0.1:$apiport KORE_PID=$kore_pid \
    PSQL="psql -X -q '$DATABASE_URL'" node bench/soak.mjs | tee "$out"
cp "$out" bench/results/soak-latest.txt
