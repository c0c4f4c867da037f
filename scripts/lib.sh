# Shared shell helpers for scripts/*.sh (sourced, not run).
# shellcheck shell=bash

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PGBIN=/usr/lib/postgresql/15/bin

say() { printf 'leerlijn: %s\n' "$*" >&2; }
die() { say "$*"; exit 1; }

# Run a command as the user that owns the private PostgreSQL cluster:
# PostgreSQL refuses to run as root, so root hands it to "postgres".
as_pg() {
	if [ "$(id -u)" = 0 ]; then
		runuser -u postgres -- "$@"
	else
		"$@"
	fi
}

# A TCP port on 127.0.0.1 that nothing listens on, from $1 upward.
free_port() {
	local p=$1
	while (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; do
		p=$((p + 1))
	done
	echo "$p"
}

# pg_init DIR PORT: create a cluster in DIR/data (once) with role and
# database "leerlijn"; the password is kept in DIR/password (mode 600).
pg_init() {
	local dir=$1 port=$2 pw
	if [ -f "$dir/data/PG_VERSION" ]; then
		return 0
	fi
	mkdir -p "$dir/data" "$dir/run" "$dir/log"
	chmod 700 "$dir/data"
	if [ "$(id -u)" = 0 ]; then
		chown -R postgres:postgres "$dir"
	fi
	pw=$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n')
	(umask 077; printf '%s\n' "$pw" >"$dir/password")
	local pwfile="$dir/run/initpw"
	(umask 077; printf '%s\n' "$pw" >"$pwfile")
	[ "$(id -u)" = 0 ] && chown postgres "$pwfile"
	as_pg "$PGBIN/initdb" -D "$dir/data" -U postgres --pwfile="$pwfile" \
	    --auth-local=peer --auth-host=scram-sha-256 -E UTF8 \
	    --locale=C.UTF-8 >"$dir/log/initdb.log" 2>&1 ||
	    { cat "$dir/log/initdb.log" >&2; die "initdb failed"; }
	rm -f "$pwfile"
	pg_start "$dir" "$port"
	PGPASSWORD=$pw psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" \
	    -U postgres -d postgres \
	    -v pw="$pw" <<'SQL' || die "cannot create the leerlijn role"
CREATE ROLE leerlijn LOGIN CREATEDB PASSWORD :'pw';
CREATE DATABASE leerlijn OWNER leerlijn ENCODING 'UTF8' TEMPLATE template0;
SQL
}

# pg_ensure DIR PORT: create the cluster if needed and make sure it runs.
pg_ensure() {
	local dir=$1 port=$2
	if [ ! -f "$dir/data/PG_VERSION" ]; then
		pg_init "$dir" "$port"
	elif ! as_pg "$PGBIN/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
		pg_start "$dir" "$port"
	fi
}

# pg_start DIR PORT / pg_stop DIR
pg_start() {
	local dir=$1 port=$2
	as_pg "$PGBIN/pg_ctl" -D "$dir/data" -l "$dir/log/postgres.log" -w \
	    -t 60 -o "-p $port -k $dir/run -c listen_addresses=127.0.0.1" \
	    start >/dev/null || { tail -20 "$dir/log/postgres.log" >&2;
	    die "PostgreSQL did not start"; }
}

# pg_start_free DIR FROM: start DIR's cluster on a free port from FROM
# upward and print the port.  Checking a port and binding it are two steps,
# so another cluster may take the port between them: on a bind failure the
# next port is tried (at most 20).
pg_start_free() {
	local dir=$1 p=$2 tries=0 log=$1/log/postgres.log seen
	while :; do
		p=$(free_port "$p")
		seen=$(cat "$log" 2>/dev/null | wc -l)
		if as_pg "$PGBIN/pg_ctl" -D "$dir/data" -l "$log" -w -t 60 \
		    -o "-p $p -k $dir/run -c listen_addresses=127.0.0.1" \
		    start >/dev/null; then
			echo "$p"
			return 0
		fi
		tries=$((tries + 1))
		if [ "$tries" -ge 20 ] ||
		    ! tail -n +"$((seen + 1))" "$log" |
		    grep -qE 'could not bind|already in use|lock file'; then
			tail -20 "$log" >&2
			die "PostgreSQL did not start"
		fi
		p=$((p + 1))
	done
}

pg_stop() {
	local dir=$1
	if [ -f "$dir/data/postmaster.pid" ]; then
		as_pg "$PGBIN/pg_ctl" -D "$dir/data" -m fast -w -t 60 stop \
		    >/dev/null 2>&1 || true
	fi
}

# pg_url DIR PORT: the DATABASE_URL of the cluster.
pg_url() {
	printf 'postgresql://leerlijn:%s@127.0.0.1:%s/leerlijn' \
	    "$(cat "$1/password")" "$2"
}

# Can the cluster's user use DIR (every parent must be searchable)?
pg_can_use() {
	if [ "$(id -u)" = 0 ]; then
		runuser -u postgres -- test -x "$1"
	else
		test -w "$1"
	fi
}

# kore_conf FILE: write the Kore configuration for the current environment.
kore_conf() {
	"$ROOT/build/leerlijn-db" kore-conf "$ROOT/api/conf/leerlijn.conf.in" \
	    "$ROOT/build/leerlijn.so" >"$1"
}

# kore_start CONF [LOG]: start kore in the background (kore_pid) with the
# configuration for $LEERLIJN_LISTEN, and wait until it accepts connections.
# Without LOG kore writes to this script's own standard output, whatever
# that is (never reopened by name: /dev/stdout fails for a socket or a
# file of another user).
kore_start() {
	local conf=$1 log=${2:-} listen=${LEERLIJN_LISTEN:-127.0.0.1:8888}
	kore_conf "$conf"
	if [ -n "$log" ]; then
		stdbuf -oL -eL kore -fnr -c "$conf" >>"$log" 2>&1 &
	else
		stdbuf -oL -eL kore -fnr -c "$conf" 2>&1 &
	fi
	kore_pid=$!
	for _ in $(seq 1 100); do
		(exec 3<>"/dev/tcp/${listen%:*}/${listen##*:}") 2>/dev/null &&
		    return 0
		kill -0 "$kore_pid" 2>/dev/null || die "kore did not start"
		sleep 0.1
	done
	die "kore does not accept connections on $listen"
}

# tmp_stack NAME: a temporary directory $tmp (/tmp/NAME.XXXXXX) for a
# throwaway cluster ($tmp/pg) and kore ($kore_pid, log $tmp/kore.log); on
# exit both are stopped and the directory removed, and on failure the end
# of the API log is shown.
tmp_stack() {
	tmp=$(mktemp -d "/tmp/$1.XXXXXX")
	chmod 755 "$tmp"
	kore_pid=
	trap tmp_stack_cleanup EXIT INT TERM
}

tmp_stack_cleanup() {
	local rc=$?
	trap - EXIT INT TERM
	if [ -n "$kore_pid" ]; then
		kill -TERM "$kore_pid" 2>/dev/null || true
		wait "$kore_pid" 2>/dev/null || true
	fi
	pg_stop "$tmp/pg"
	if [ "$rc" -ne 0 ] && [ -f "$tmp/kore.log" ]; then
		say "last lines of the API log:"
		tail -40 "$tmp/kore.log" >&2
	fi
	rm -rf "$tmp"
	exit "$rc"
}

# tmp_stack_db FROM: start the cluster of tmp_stack on a free port from FROM
# upward ($pgport), export its DATABASE_URL, migrate and seed it.
tmp_stack_db() {
	pgport=$(free_port "$1")
	pg_ensure "$tmp/pg" "$pgport"
	export DATABASE_URL
	DATABASE_URL=$(pg_url "$tmp/pg" "$pgport")
	"$ROOT/build/leerlijn-db" wait 30
	"$ROOT/build/leerlijn-db" setup schema seeds
}

# build_sqlcapture: build/bench/sqlcapture, the benchmarks' recorder of the
# SQL the lesson finder runs (bench/sqlcapture.c), from the API's own code.
build_sqlcapture() {
	mkdir -p "$ROOT/build/bench"
	(cd "$ROOT" && cc -std=c11 -D_GNU_SOURCE -Wall -Wextra -Wshadow \
	    -Wmissing-prototypes -Wstrict-prototypes -Wpointer-arith \
	    -Wformat=2 -Werror -O2 -Iapi -I/usr/include/postgresql \
	    -o build/bench/sqlcapture bench/sqlcapture.c \
	    api/catalogue/lessons_db.c api/catalogue/lesson_query.c \
	    api/core/params.c api/core/utf8.c api/core/qs.c \
	    api/db/db_call.c -ljansson -lpq)
}

# build_stallmeter: build/bench/stallmeter, the meter of the machine's own
# stalls that bench/reads.sh runs beside every measurement.
build_stallmeter() {
	mkdir -p "$ROOT/build/bench"
	(cd "$ROOT" && cc -std=c11 -D_GNU_SOURCE -Wall -Wextra -Wshadow \
	    -Wmissing-prototypes -Wstrict-prototypes -Wpointer-arith \
	    -Wformat=2 -Werror -O2 -pthread \
	    -o build/bench/stallmeter bench/stallmeter.c)
}
