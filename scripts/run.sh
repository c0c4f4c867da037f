#!/usr/bin/env bash
# make run: packages, database, migrations, seeds, build, then serve.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
cd "$ROOT"

"$ROOT/scripts/deps.sh" run
make -s all
"$ROOT/scripts/frontend.sh"

own_cluster=0
if [ -z "${DATABASE_URL:-}" ]; then
	data=${LEERLIJN_DATA_DIR:-$ROOT/.data}
	mkdir -p "$data"
	data=$(cd "$data" && pwd)
	if ! pg_can_use "$data"; then
		die "the database user cannot use $data (a parent directory is
not searchable for it); set LEERLIJN_DATA_DIR to a directory it can use,
or DATABASE_URL to an existing server"
	fi
	port=${LEERLIJN_PG_PORT:-54329}
	if [ ! -f "$data/pg/data/PG_VERSION" ] &&
	    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
		die "port $port is in use; set LEERLIJN_PG_PORT"
	fi
	[ -f "$data/pg/port" ] && port=$(cat "$data/pg/port")
	pg_ensure "$data/pg" "$port"
	echo "$port" >"$data/pg/port"
	own_cluster=1
	DATABASE_URL=$(pg_url "$data/pg" "$port")
	export DATABASE_URL
	say "private PostgreSQL cluster in $data/pg (port $port)"
fi

stop_all() {
	trap - INT TERM EXIT
	if [ -n "${kore_pid:-}" ]; then
		kill -TERM "$kore_pid" 2>/dev/null || true
		wait "$kore_pid" 2>/dev/null || true
	fi
	if [ "$own_cluster" = 1 ]; then
		pg_stop "$data/pg"
		say "stopped the private PostgreSQL cluster"
	fi
}
trap stop_all INT TERM EXIT

build/leerlijn-db wait 30
build/leerlijn-db setup schema seeds
if [ "${LEERLIJN_MODE:-development}" = development ]; then
	say "demo accounts (development seed only), password: leerlijn-demo"
	build/leerlijn-db demo-accounts >&2
fi

export LEERLIJN_WEB_ROOT=${LEERLIJN_WEB_ROOT:-$ROOT/frontend/dist}
listen=${LEERLIJN_LISTEN:-127.0.0.1:8888}
url="http://$listen"
kore_start build/leerlijn.conf
say "Leerlijn runs at $url/  (API: $url/api/v1/health) — Ctrl-C stops it"
wait "$kore_pid"
