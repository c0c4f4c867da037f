#!/usr/bin/env bash
# The databases of the loopback scale-out test (tests/integration/
# scale_out.test.mjs): a PostgreSQL 15 primary and a streaming hot standby,
# both made with pg_basebackup, in DIR.
#
#   scripts/scale-stack.sh up DIR FROM_DIR FROM_PORT
#       the primary: a base backup of the running cluster FROM_DIR (as
#       lib.sh makes it: password in FROM_DIR/password), started on a free
#       port; the standby: `pg_basebackup -R` of that primary (standby.signal
#       and primary_conninfo), started on another.  Prints
#       "PRIMARY_PORT STANDBY_PORT" once the standby streams.
#   scripts/scale-stack.sh stop-standby|start-standby|down DIR
set -euo pipefail
. "$(dirname "$0")/lib.sh"

# backup DIR PORT PW TO [ARGS]: pg_basebackup of 127.0.0.1:PORT into TO/data.
backup() {
	local port=$1 pw=$2 to=$3
	shift 3
	mkdir -p "$to/run" "$to/log"
	[ "$(id -u)" = 0 ] && chown -R postgres:postgres "$to"
	as_pg env PGPASSWORD="$pw" "$PGBIN/pg_basebackup" -h 127.0.0.1 \
	    -p "$port" -U postgres -D "$to/data" -X stream -c fast --no-sync "$@" \
	    >"$to/log/basebackup.log" 2>&1 ||
	    { cat "$to/log/basebackup.log" >&2; die "pg_basebackup failed"; }
	cp "$(dirname "$to")/password" "$to/password"
}

cmd=${1:-}
dir=${2:-}
[ -n "$cmd" ] && [ -n "$dir" ] || die "usage: $0 up|stop-standby|start-standby|down DIR ..."

case $cmd in
up)
	from=$3 from_port=$4
	mkdir -p "$dir"
	chmod 755 "$dir"
	cp "$from/password" "$dir/password"
	pw=$(cat "$dir/password")
	pport=$(free_port 55400)
	backup "$from_port" "$pw" "$dir/primary"
	pg_start "$dir/primary" "$pport"
	echo "$pport" >"$dir/primary/port"
	sport=$(free_port $((pport + 1)))
	backup "$pport" "$pw" "$dir/standby" -R
	pg_start "$dir/standby" "$sport"
	echo "$sport" >"$dir/standby/port"
	# Wait until the primary sees the standby streaming.
	for _ in $(seq 1 100); do
		n=$(PGPASSWORD=$pw psql -XAtq -h 127.0.0.1 -p "$pport" \
		    -U postgres -d postgres -c "SELECT count(*) FROM \
		    pg_stat_replication WHERE state = 'streaming'")
		if [ "$n" = 1 ]; then
			echo "$pport $sport"
			exit 0
		fi
		sleep 0.1
	done
	die "the standby does not stream"
	;;
stop-standby)
	pg_stop "$dir/standby"
	;;
start-standby)
	pg_start "$dir/standby" "$(cat "$dir/standby/port")"
	;;
down)
	pg_stop "$dir/standby"
	pg_stop "$dir/primary"
	;;
*)
	die "unknown command $cmd"
	;;
esac
