#!/usr/bin/env bash
# Benchmark: catalogue reads against their peers and under other load, in
# one run, on loopback, in a throwaway PostgreSQL cluster and kore:
#
#  1. seeded catalogue: the lesson finder by goal (the 96 requests of
#     goal_sample.sql), the API against a plain Node.js Fastify + pg
#     service (bench/node-peer/) running the very SQL the API would run
#     without its cache, with as many database connections as the API;
#     GET /api/v1/levels against GET /api/v1/health; catalogue reads alone
#     against catalogue reads while 4 clients log in over and over;
#  2. national catalogue (catalogue_gen.sql): the lesson finder against
#     the peer again; worker RSS and the cache's figures (/api/v1/health);
#  3. national planning data (coverage_gen.sql, BENCH_SCHOOLS schools):
#     catalogue reads alone against catalogue reads while one client asks
#     for the national aggregate coverage report in a loop.
#
# Each comparison alternates its two sides in rounds, so that both see the
# same background load; throughput is summed over the rounds, each latency
# percentile is the worst round's.
#
# The machine's own stalls: bench/stallmeter.c runs beside every round, a
# thread per CPU at real-time priority that only sleeps 1 ms at a time.
# When it wakes BENCH_STALL_MS (10) late or more, the CPUs were not there
# for anyone (a virtual machine held back by its host, the kernel busy
# with I/O), and the round measured the machine, not the program: it is
# run again, at most BENCH_STALL_RETRIES (3) times, and the report lists
# every such round with its figures.  wrk (4.x) corrects its latencies
# for coordinated omission, so one stall of the machine of 40 ms, with 32
# connections, already weighs as 1% of a 4 s round's requests.
#
#   bash bench/reads.sh        (make bench runs it)
#
# Environment (all optional): BENCH_DURATION measured seconds per side and
# comparison (12), BENCH_ROUNDS (3), BENCH_CONNECTIONS (32), BENCH_THREADS
# (2), BENCH_STALL_MS (10), BENCH_STALL_RETRIES (3), BENCH_SCHOOLS (8000;
# fewer for a quick run), LEERLIJN_WORKERS (the
# default of make run), BENCH_API_DB_CONNECTIONS (the API's database
# connections in all, the peer's pool size; default: 4 per worker),
# BENCH_PARTS (the parts to run, of "seeded national aggregate"; default
# all three: a short run is e.g. BENCH_PARTS=national BENCH_DURATION=6).
# Prints a report, writes it to bench/results/, exits 1 when a target or
# a check fails.
set -euo pipefail
. "$(dirname "$0")/../scripts/lib.sh"
cd "$ROOT"

duration=${BENCH_DURATION:-12}
rounds=${BENCH_ROUNDS:-3}
conns=${BENCH_CONNECTIONS:-32}
threads=${BENCH_THREADS:-2}
schools=${BENCH_SCHOOLS:-8000}
stall_ms=${BENCH_STALL_MS:-10}
stall_retries=${BENCH_STALL_RETRIES:-3}
export LEERLIJN_WORKERS=${LEERLIJN_WORKERS:-2}
# The API's database connections: per worker one synchronous, LISTEN,
# and LEERLIJN_DB_ASYNC (2) asynchronous ones.
db_conns=${BENCH_API_DB_CONNECTIONS:-$((LEERLIJN_WORKERS * (2 + ${LEERLIJN_DB_ASYNC:-2})))}
round_s=$(((duration + rounds - 1) / rounds))
parts=" ${BENCH_PARTS:-seeded national aggregate} "
part() { [[ $parts == *" $1 "* ]]; }

"$ROOT/scripts/deps.sh" bench
make -s all
mkdir -p build/bench bench/results
build_sqlcapture
build_stallmeter
(cd bench/node-peer && npm ci --no-audit --no-fund --loglevel=error >/dev/null)

tmp_stack leerlijn-reads
peer_pid=
reads_cleanup() {
	local rc=$?
	set +e
	[ -n "$peer_pid" ] && kill "$peer_pid" 2>/dev/null
	# tmp_stack_cleanup reads the exit status from $?.
	(exit "$rc")
	tmp_stack_cleanup
}
trap reads_cleanup EXIT INT TERM
tmp_stack_db 54600 >/dev/null

apiport=$(free_port 8960)
peerport=$(free_port $((apiport + 1)))
export LEERLIJN_LISTEN=127.0.0.1:$apiport LEERLIJN_LOG_LEVEL=warning
mkdir "$tmp/www"
echo '<!doctype html><title>Leerlijn</title>' >"$tmp/www/index.html"
export LEERLIJN_WEB_ROOT=$tmp/www
api=http://127.0.0.1:$apiport
peer=http://127.0.0.1:$peerport

api_stop() {
	kill -TERM "$kore_pid" 2>/dev/null || true
	wait "$kore_pid" 2>/dev/null || true
	kore_pid=
}
peer_start() {
	[ -n "$peer_pid" ] && { kill "$peer_pid"; wait "$peer_pid" || true; }
	PEER_CONNECTIONS=$db_conns node bench/node-peer/server.mjs "$peerport" \
	    "$tmp/peer.json" >"$tmp/peer.log" 2>&1 &
	peer_pid=$!
	for _ in $(seq 1 100); do
		curl -s -o /dev/null "$peer/" && return 0
		sleep 0.1
	done
	die "the Node.js peer did not start"
}

urlencode() { jq -rn --arg s "$1" '$s | @uri'; }

# The lesson-finder requests of goal_sample.sql: $tmp/lessons.paths, and
# for the peer $tmp/peer.json (path -> the API's statements, sqlcapture).
make_requests() {
	local id fw code deep qs sep='' n=0
	psql -X -q -At -F '|' -v ON_ERROR_STOP=1 -f bench/goal_sample.sql \
	    "$DATABASE_URL" >"$tmp/goals.tsv"
	: >"$tmp/lessons.paths"
	echo '{' >"$tmp/peer.json"
	while IFS='|' read -r id fw code deep; do
		if [ -n "$code" ]; then
			qs="goal=$(urlencode "$code")&framework=$(urlencode "$fw")"
		else
			qs="goal=$id&framework=$(urlencode "$fw")"
		fi
		echo "/api/v1/lessons?$qs" >>"$tmp/lessons.paths"
		build/bench/sqlcapture "$qs" "$id" -json "$tmp/st.json"
		printf '%s"/api/v1/lessons?%s":%s\n' "$sep" "$qs" \
		    "$(cat "$tmp/st.json")" >>"$tmp/peer.json"
		sep=,
		n=$((n + 1))
	done <"$tmp/goals.tsv"
	echo '}' >>"$tmp/peer.json"
	[ "$n" -ge 64 ] || die "only $n goals in the sample"
	# Catalogue reads: the finder, the vocabularies, a calendar.
	{ cat "$tmp/lessons.paths"; echo /api/v1/levels; echo /api/v1/frameworks
	  echo "/api/v1/calendar/2026-2027?region=midden"; } >"$tmp/catalogue.paths"
}

# Before measuring: every request answers 200 at both, with the same body.
check_equal() {
	local p a b bad=0
	while read -r p; do
		a=$(curl -sf -m 10 "$api$p") || die "GET $p failed at the API"
		b=$(curl -sf -m 10 "$peer$p") || die "GET $p failed at the peer"
		[ "$a" = "$b" ] || { bad=$((bad + 1)); say "differs: $p"; }
	done <"$tmp/lessons.paths"
	[ "$bad" = 0 ] || die "$bad answers of the API differ from the SQL's"
	say "check: $(wc -l <"$tmp/lessons.paths") answers of the API equal the SQL's"
}

declare -A acc=()
# wrk_exec OUT CONNS SECONDS PATHS URL [VAR=value ...]
wrk_exec() {
	local out=$1 c=$2 s=$3 paths=$4 url=$5 t
	shift 5
	t=$((c < threads ? c : threads))
	env WRK_PATHS="$paths" "$@" wrk -c "$c" -t "$t" -d "${s}s" \
	    --timeout 5s -s bench/reads.lua "$url" >"$out" 2>&1 ||
	    { cat "$out" >&2; die "wrk failed"; }
}
# wrk_add KEY OUT: add a wrk result to the sums of KEY.
wrk_add() {
	local key=$1 line kv q
	line=$(grep '^BENCH ' "$2") || { cat "$2" >&2; die "wrk gave no result"; }
	declare -A x=()
	for kv in ${line#BENCH }; do
		x[${kv%%=*}]=${kv#*=}
	done
	acc[$key.requests]=$((${acc[$key.requests]:-0} + x[requests]))
	acc[$key.duration_us]=$((${acc[$key.duration_us]:-0} + x[duration_us]))
	acc[$key.errors]=$((${acc[$key.errors]:-0} + x[status_errors] + x[sock_errors]))
	for q in p50_us p99_us max_us; do
		[ "${x[$q]}" -gt "${acc[$key.$q]:-0}" ] && acc[$key.$q]=${x[$q]}
	done
	return 0
}
# The machine's stalls during a round (see the top): meter_start SECONDS
# before it, meter_stalled after it: true (and $stall set to the meter's
# line) when the machine stalled for BENCH_STALL_MS or more.
meter_start() {
	build/bench/stallmeter "$1" "$stall_ms" >"$tmp/stall.out" &
	meter_pid=$!
}
meter_stalled() {
	wait "$meter_pid"
	stall=$(cat "$tmp/stall.out")
	awk -v m="$(sed -E 's/.*max_ms=([0-9.]+).*/\1/' <<<"$stall")" \
	    -v t="$stall_ms" 'BEGIN { exit !(m >= t) }'
}
# settle: before a round, wait (at most 30 s) until the database runs no
# statement but this one: a side's last requests (the peer's queries go on
# after wrk has hung up) or autovacuum must not weigh on the next side.
# $settled: how long it waited.
settle() {
	local t0 n i
	t0=$(date +%s.%N)
	for ((i = 0; i < 300; i++)); do
		n=$(psql -X -q -At "$DATABASE_URL" -c "SELECT count(*) FROM
		    pg_stat_activity WHERE state = 'active' AND
		    pid <> pg_backend_pid()")
		[ "$n" = 0 ] && break
		sleep 0.1
	done
	settled=$(awk -v a="$t0" -v b="$(date +%s.%N)" \
	    'BEGIN { printf "%.1f s", b - a }')
	[ "$n" = 0 ] || settled+=", still $n statements"
}
# us_ms OUT KEY: a wrk figure of OUT (BENCH line) in ms.
us_ms() { grep -o "$2=[0-9]*" "$1" | awk -F= '{ printf "%.2f", $2 / 1000 }'; }
# round_again KEY OUT TRY: note the round (TRY: runs before it); true when
# the machine stalled and the round is to be run again.
declare -a rounds_log=() stalled_log=()
round_again() {
	local line again=1 why=''
	if meter_stalled; then
		if [ "$3" -lt "$stall_retries" ]; then
			again=0 why='run again'
		else
			why="kept: the machine stalled in the $3 runs before too"
		fi
	fi
	line="$1: p99 $(us_ms "$2" p99_us) ms, max $(us_ms "$2" max_us) ms; settled in $settled; machine: ${stall#STALL }"
	rounds_log+=("$line")
	[ -z "$why" ] || stalled_log+=("$line ($why)")
	return "$again"
}
# measure KEY CONNS PATHS URL [VAR=value ...]: one round (run again while
# the machine stalled, see the top).
measure() {
	local try
	for ((try = 0; ; try++)); do
		settle
		meter_start "$round_s"
		wrk_exec "$tmp/wrk.out" "$2" "$round_s" "$3" "$4" "${@:5}"
		round_again "$1" "$tmp/wrk.out" "$try" || break
	done
	wrk_add "$1" "$tmp/wrk.out"
}
rate() { awk -v r="${acc[$1.requests]}" -v d="${acc[$1.duration_us]}" \
    'BEGIN { printf "%.0f", r / (d / 1e6) }'; }
ms() { awk -v u="${acc[$1.$2]}" 'BEGIN { printf "%.2f", u / 1000 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
summary() { echo "$(rate "$1") req/s, p50 $(ms "$1" p50_us) ms, p99 $(ms "$1" p99_us) ms, max $(ms "$1" max_us) ms, ${acc[$1.errors]} errors"; }

# With background load: start it, measure, stop it (bg_exec runs wrk on
# the background requests for the round plus a margin).
measure_under() {
	local key=$1 bgkey=$2 bgconns=$3 bgpaths=$4 try bg
	shift 4
	for ((try = 0; ; try++)); do
		settle
		wrk_exec "$tmp/bg.out" "$bgconns" $((round_s + 2)) "$bgpaths" \
		    "$api" "$@" &
		bg=$!
		sleep 1
		meter_start "$round_s"
		wrk_exec "$tmp/wrk.out" "$conns" "$round_s" \
		    "$tmp/catalogue.paths" "$api"
		wait "$bg"
		round_again "$key" "$tmp/wrk.out" "$try" || break
	done
	wrk_add "$key" "$tmp/wrk.out"
	wrk_add "$bgkey" "$tmp/bg.out"
}

worker_rss() {
	local pid kb hwm out=''
	for pid in $(pgrep -P "$kore_pid"); do
		kb=$(awk '/^VmRSS:/ { print $2 }' "/proc/$pid/status")
		hwm=$(awk '/^VmHWM:/ { print $2 }' "/proc/$pid/status")
		out+="$(tr -d '\0' <"/proc/$pid/cmdline" | cut -c1-24): RSS $((kb / 1024)) MB (peak $((hwm / 1024)) MB); "
	done
	echo "$out"
}
# The largest RSS of a worker now.  (The peak, VmHWM, includes argon2id's
# 64 MiB of working memory at the start of each worker, for the dummy
# hash, and during every login: freed again when the hash is done.)
max_worker_rss_mb() {
	local pid m=0 kb
	for pid in $(pgrep -P "$kore_pid"); do
		kb=$(awk '/^VmRSS:/ { print $2 }' "/proc/$pid/status")
		[ "$kb" -gt "$m" ] && m=$kb
	done
	echo $((m / 1024))
}
cache_info() { curl -s "$api/api/v1/health" | jq -c '.cache // "none"'; }

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
say "$LEERLIJN_WORKERS Kore workers, $db_conns API database connections" \
    "(the peer's pool), $conns connections, $rounds rounds of $round_s s"

# ---------------------------------------------------------------------------
# 1. The seeded catalogue
# ---------------------------------------------------------------------------
if part seeded; then
kore_start "$tmp/leerlijn.conf" "$tmp/kore.log"
make_requests
peer_start
check_equal
wrk_exec "$tmp/warm.out" "$conns" 3 "$tmp/catalogue.paths" "$api"
wrk_exec "$tmp/warm.out" "$conns" 3 "$tmp/lessons.paths" "$peer"
echo /api/v1/levels >"$tmp/levels.paths"
echo /api/v1/health >"$tmp/health.paths"
echo /api/v1/session >"$tmp/session.paths"
login_body='{"email":"teacher-a@demo.leerlijn.example","password":"leerlijn-demo"}'
for ((r = 1; r <= rounds; r++)); do
	measure seeded_api "$conns" "$tmp/lessons.paths" "$api"
	measure seeded_peer "$conns" "$tmp/lessons.paths" "$peer"
	measure levels "$conns" "$tmp/levels.paths" "$api"
	measure health "$conns" "$tmp/health.paths" "$api"
	measure reads_alone "$conns" "$tmp/catalogue.paths" "$api"
	measure_under reads_storm logins 4 "$tmp/session.paths" \
	    WRK_METHOD=POST WRK_BODY="$login_body"
	say "seeded round $r done"
done
api_stop
fi

# ---------------------------------------------------------------------------
# 2. The national catalogue
# ---------------------------------------------------------------------------
if part national || part aggregate; then
say "generating the national catalogue (bench/catalogue_gen.sql)"
start=$(date +%s)
psql -X -q -v ON_ERROR_STOP=1 -f bench/catalogue_gen.sql "$DATABASE_URL" \
    2>&1 | grep -v '^$' >&2 || true
say "generated in $(($(date +%s) - start)) s"
catalogue=$(psql -X -q -At -v ON_ERROR_STOP=1 "$DATABASE_URL" -c "SELECT
    (SELECT count(*) FROM lesson) || ' lessons, ' ||
    (SELECT count(*) FROM lesson_alignment) || ' lesson alignments, ' ||
    (SELECT count(*) FROM goal) || ' goals'")
kore_start "$tmp/leerlijn.conf" "$tmp/kore.log"
make_requests
peer_start
check_equal
rss_start=$(worker_rss)
wrk_exec "$tmp/warm.out" "$conns" 3 "$tmp/catalogue.paths" "$api"
wrk_exec "$tmp/warm.out" "$conns" 3 "$tmp/lessons.paths" "$peer"
if part national; then
for ((r = 1; r <= rounds; r++)); do
	measure national_api "$conns" "$tmp/lessons.paths" "$api"
	measure national_peer "$conns" "$tmp/lessons.paths" "$peer"
	say "national round $r done"
done
fi
rss_after=$(worker_rss)
rss_max=$(max_worker_rss_mb)
cache=$(cache_info)
fi

# ---------------------------------------------------------------------------
# 3. National planning data: the aggregate coverage report in a loop
# ---------------------------------------------------------------------------
if part aggregate; then
say "generating $schools schools' plans (bench/coverage_gen.sql)"
start=$(date +%s)
psql -X -q -v ON_ERROR_STOP=1 "$DATABASE_URL" -v from=1 -v to="$schools" \
    -f bench/coverage_gen.sql >/dev/null
say "generated in $(($(date +%s) - start)) s"
token=$(curl -sf "$api/api/v1/session" -H 'content-type: application/json' \
    -d '{"email":"admin@demo.leerlijn.example","password":"leerlijn-demo"}' |
    jq -r .token)
echo "/api/v1/reports/coverage?framework=CNU-DG-2019" >"$tmp/agg.paths"
wrk_exec "$tmp/warm.out" 1 3 "$tmp/agg.paths" "$api" WRK_AUTH="Bearer $token"
# coverage_gen.sql adds lessons: a new catalogue generation, whose answers
# are made again before "alone" is measured (else its first round would
# pay for them, and flatter the ratio).
wrk_exec "$tmp/warm.out" "$conns" 3 "$tmp/catalogue.paths" "$api"
for ((r = 1; r <= rounds; r++)); do
	measure agg_alone "$conns" "$tmp/catalogue.paths" "$api"
	measure_under reads_agg aggregate 1 "$tmp/agg.paths" \
	    WRK_AUTH="Bearer $token"
	say "aggregate round $r done"
done
fi

# ---------------------------------------------------------------------------
# Report
# ---------------------------------------------------------------------------
verdict=PASS
reasons=()
target() {	# target TEXT AWK-CONDITION-THAT-MUST-HOLD
	if awk "BEGIN { exit !($2) }"; then
		echo "  ok    $1"
	else
		echo "  MISS  $1"
		verdict=FAIL
		reasons+=("$1")
	fi
}
errors=0
for k in seeded_api seeded_peer levels health reads_alone reads_storm logins \
    national_api national_peer agg_alone reads_agg aggregate; do
	errors=$((errors + ${acc[$k.errors]:-0}))
done
stamp=$(date -u +%Y%m%dT%H%M%SZ)
report=bench/results/reads-$stamp.txt
{
	echo "reads $stamp"
	echo "machine: $(nproc) cores, $(uname -sr), load before: $load_before"
	echo "API: $LEERLIJN_WORKERS Kore workers, $db_conns database connections; peer: Node.js $(node -v) Fastify + pg, pool of $db_conns"
	echo "load: $conns connections, $threads threads, $rounds rounds of $round_s s per side"
	if part seeded; then
	r_seeded=$(ratio "$(rate seeded_api)" "$(rate seeded_peer)")
	r_levels=$(ratio "$(rate levels)" "$(rate health)")
	r_storm=$(ratio "$(rate reads_storm)" "$(rate reads_alone)")
	echo "seeded catalogue, GET /api/v1/lessons?goal= ($(wc -l <"$tmp/lessons.paths") goals):"
	echo "  API   $(summary seeded_api)"
	echo "  peer  $(summary seeded_peer)"
	echo "  ratio API/peer: $r_seeded"
	echo "GET /api/v1/levels: $(summary levels)"
	echo "GET /api/v1/health: $(summary health)"
	echo "  ratio levels/health: $r_levels"
	echo "catalogue reads alone:            $(summary reads_alone)"
	echo "catalogue reads, 4 clients login: $(summary reads_storm)"
	echo "  the logins: $(summary logins)"
	echo "  ratio storm/alone: $r_storm"
	fi
	if part national; then
	r_national=$(ratio "$(rate national_api)" "$(rate national_peer)")
	echo "national catalogue: $catalogue"
	echo "  API   $(summary national_api)"
	echo "  peer  $(summary national_peer)"
	echo "  ratio API/peer: $r_national"
	echo "  workers before: $rss_start"
	echo "  workers after:  $rss_after"
	echo "  cache: $cache"
	fi
	if part aggregate; then
	r_agg=$(ratio "$(ms reads_agg p99_us)" "$(ms agg_alone p99_us)")
	echo "national planning data, $schools schools:"
	echo "  catalogue reads alone:           $(summary agg_alone)"
	echo "  catalogue reads, aggregate loop: $(summary reads_agg)"
	echo "  the aggregate: $(summary aggregate)"
	echo "  ratio p99 loop/alone: $r_agg"
	fi
	echo "rounds (p99, max; the wait for the database to be idle before it; the machine's worst stall during it):"
	printf '  %s\n' "${rounds_log[@]}"
	if [ "${#stalled_log[@]}" -gt 0 ]; then
		echo "rounds in which the machine stalled for ${stall_ms} ms or more (run again at most $stall_retries times; only the last run counts):"
		printf '  %s\n' "${stalled_log[@]}"
	else
		echo "the machine never stalled for ${stall_ms} ms or more during a round"
	fi
	echo "targets (parts run:${parts% }):"
	if part seeded; then
	target "seeded: API >= 3x the peer ($r_seeded)" "$r_seeded >= 3"
	target "levels >= 0.5x health ($r_levels)" "$r_levels >= 0.5"
	target "reads during the login storm >= 0.5x alone ($r_storm)" \
	    "$r_storm >= 0.5"
	fi
	if part national; then
	target "national: API >= 3x the peer ($r_national)" "$r_national >= 3"
	target "national: p99 <= 20 ms ($(ms national_api p99_us) ms)" \
	    "$(ms national_api p99_us) <= 20"
	target "worker RSS <= 64 MB ($rss_max MB)" "$rss_max <= 64"
	fi
	if part aggregate; then
	target "reads p99 during the aggregate loop <= 2x alone ($r_agg)" \
	    "$r_agg <= 2"
	fi
	target "no errors ($errors)" "$errors == 0"
	if [ "$verdict" = PASS ]; then echo PASS; else echo "FAIL: ${reasons[*]}"; fi
} | tee "$report"
cp "$report" bench/results/reads-latest.txt
grep -qx PASS "$report"
