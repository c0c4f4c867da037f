#!/usr/bin/env bash
# Benchmark: the lesson finder by goal, GET /api/v1/lessons?goal=&framework=,
# on a national-scale catalogue (bench/catalogue_gen.sql), against pgbench
# running the very same SQL as the ceiling, in the same run.
#
#   bash bench/lessons_by_goal.sh        (make bench runs it)
#
# Everything runs on loopback in a throwaway PostgreSQL cluster and kore,
# removed on exit.  Environment (all optional):
#   BENCH_DURATION   measured seconds per tool (20)
#   BENCH_WARMUP     warm-up seconds per tool (5)
#   BENCH_ROUNDS     the measured time is split in rounds, wrk and pgbench
#                    alternating (4)
#   BENCH_CONNECTIONS  concurrent connections (32); BENCH_THREADS (2)
#   LEERLIJN_WORKERS Kore workers (2, as the default of make run)
# Targets: API req/s >= 0.5 x pgbench tps, API p99 < 20 ms.  Prints a report,
# writes it to bench/results/, and exits 1 when a target or a check fails.
set -euo pipefail
. "$(dirname "$0")/../scripts/lib.sh"
cd "$ROOT"

duration=${BENCH_DURATION:-20}
warmup=${BENCH_WARMUP:-5}
rounds=${BENCH_ROUNDS:-4}
conns=${BENCH_CONNECTIONS:-32}
threads=${BENCH_THREADS:-2}
export LEERLIJN_WORKERS=${LEERLIJN_WORKERS:-2}
ratio_min=0.5
p99_max_ms=20

"$ROOT/scripts/deps.sh" bench
make -s all
mkdir -p build/bench bench/results
# The API's own query-string, parameter and SQL code, with a recorder for
# db_text(): see bench/sqlcapture.c.
build_sqlcapture

tmp_stack leerlijn-bench

# ---------------------------------------------------------------------------
# Database: migrations, seeds, the generated catalogue
# ---------------------------------------------------------------------------
tmp_stack_db 54500 >/dev/null
say "generating the catalogue (bench/catalogue_gen.sql)"
gen_start=$(date +%s)
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
psql -X -q -v ON_ERROR_STOP=1 -f bench/catalogue_gen.sql "$DATABASE_URL" \
    2>&1 | grep -v '^$' >&2 || true
psql -X -q -At -v ON_ERROR_STOP=1 "$DATABASE_URL" >"$tmp/size" <<'SQL'
SELECT (SELECT count(*) FROM lesson), (SELECT count(*) FROM lesson
    WHERE status = 'published'), (SELECT count(*) FROM alignment),
    (SELECT count(*) FROM goal), (SELECT count(DISTINCT goal_id)
    FROM alignment),
    (SELECT count(*) FROM framework WHERE kind = 'goals');
SQL
IFS='|' read -r n_lessons n_published n_align n_goals n_used n_fw <"$tmp/size"
[ "$n_lessons" -ge 20000 ] && [ "$n_align" -ge 100000 ] ||
    die "the generator made $n_lessons lessons, $n_align alignments"
say "catalogue: $n_lessons lessons ($n_published published), $n_align" \
    "alignments on $n_used of $n_goals goals in $n_fw frameworks" \
    "($(($(date +%s) - gen_start)) s)"

# ---------------------------------------------------------------------------
# The requests: one query string per sampled goal, and for each the pgbench
# script with the SQL the API runs for it
# ---------------------------------------------------------------------------
urlencode() {
	local LC_ALL=C s=$1 out='' c i
	for ((i = 0; i < ${#s}; i++)); do
		c=${s:i:1}
		case $c in
		[A-Za-z0-9._~-]) out+=$c ;;
		*) printf -v c '%%%02X' "'$c"; out+=$c ;;
		esac
	done
	printf '%s' "$out"
}

psql -X -q -At -F '|' -v ON_ERROR_STOP=1 -f bench/goal_sample.sql \
    "$DATABASE_URL" >"$tmp/goals.tsv"
# pgbench cannot send SQL NULL from a variable it has set, but sends NULL for
# a variable that was never set.  So the requests are grouped by which of
# their parameters are NULL; each group gets one script (the same text for
# all its requests), whose variables have a prefix of their own, and a table
# bench_req_pK with one row of parameter values per request, read with \gset.
mkdir "$tmp/pgb"
declare -A group_of=()
groups=0
n=0
while IFS='|' read -r id fw code deep; do
	n=$((n + 1))
	if [ -n "$code" ]; then
		qs="goal=$(urlencode "$code")&framework=$(urlencode "$fw")"
	else
		qs="goal=$id&framework=$(urlencode "$fw")"
	fi
	printf '%s\t%s\t%s\n' "$qs" "$id" "$deep" >>"$tmp/requests.tsv"
	echo "/api/v1/lessons?$qs" >>"$tmp/lessons.paths"
	build/bench/sqlcapture "$qs" "$id" x "$tmp/pgb/x.sql" "$tmp/pgb/x.defs"
	pattern=$(cut -d= -f1 "$tmp/pgb/x.defs" | paste -sd, -)
	if [ -z "${group_of[$pattern]:-}" ]; then
		groups=$((groups + 1))
		group_of[$pattern]=$groups
	fi
	k=${group_of[$pattern]}
	build/bench/sqlcapture "$qs" "$id" "p$k" "$tmp/pgb/p$k.body" \
	    "$tmp/pgb/p$k.defs"
	cut -d= -f2- "$tmp/pgb/p$k.defs" | paste -sd $'\t' - >>"$tmp/pgb/p$k.rows"
done <"$tmp/goals.tsv"
pgb_args=()
lookup_args=()
for ((k = 1; k <= groups; k++)); do
	cols=$(cut -d= -f1 "$tmp/pgb/p$k.defs" | paste -sd, -)
	rows=$(wc -l <"$tmp/pgb/p$k.rows")
	psql -X -q -v ON_ERROR_STOP=1 "$DATABASE_URL" <<SQL
CREATE TABLE bench_req_p$k (r serial PRIMARY KEY,
    $(sed 's/,/ text, /g; s/$/ text/' <<<"$cols"));
\copy bench_req_p$k ($cols) FROM '$tmp/pgb/p$k.rows'
VACUUM ANALYZE bench_req_p$k;
SQL
	{
		echo "\\set r random(1, $rows)"
		echo "SELECT $cols FROM bench_req_p$k WHERE r = :r \\gset"
		cat "$tmp/pgb/p$k.body"
	} >"$tmp/pgb/p$k.sql"
	pgb_args+=(-f "$tmp/pgb/p$k.sql@$rows")
	head -2 "$tmp/pgb/p$k.sql" >"$tmp/pgb/lookup$k.sql"
	lookup_args+=(-f "$tmp/pgb/lookup$k.sql@$rows")
done
[ "$n" -ge 64 ] || die "only $n goals in the sample"
n_deep=$(grep -c $'\tt$' "$tmp/requests.tsv" || true)


# ---------------------------------------------------------------------------
# The API
# ---------------------------------------------------------------------------
apiport=$(free_port 8950)
export LEERLIJN_LISTEN=127.0.0.1:$apiport LEERLIJN_LOG_LEVEL=warning
# The benchmark does not need the web page: an empty one will do.
mkdir "$tmp/www"
echo '<!doctype html><title>Leerlijn</title>' >"$tmp/www/index.html"
export LEERLIJN_WEB_ROOT=$tmp/www
kore_start "$tmp/leerlijn.conf" "$tmp/kore.log"
base=http://127.0.0.1:$apiport

# Checks before measuring: every request answers 200, and the API's total
# for a goal with descendants and for a leaf goal equals an independent count in
# SQL (published lessons aligned to the goal or a descendant, directly or
# through their programme).
while IFS=$'\t' read -r qs id deep; do
	code=$(curl -s -m 10 -o /dev/null -w '%{http_code}' "$base/api/v1/lessons?$qs")
	[ "$code" = 200 ] || die "GET /api/v1/lessons?$qs answered $code"
done <"$tmp/requests.tsv"
check_total() {
	local qs=$1 id=$2 api sql
	api=$(curl -sf -m 10 "$base/api/v1/lessons?$qs" | jq -e '.total') ||
	    die "no total for $qs"
	sql=$(psql -X -q -At -v ON_ERROR_STOP=1 -v id="$id" "$DATABASE_URL" <<'SQL'
WITH RECURSIVE d (id, depth) AS (
	SELECT :'id'::uuid, 0
	UNION SELECT e.child, d.depth + 1 FROM d JOIN (
		SELECT id AS child, parent_id AS parent FROM goal
		UNION ALL SELECT origin_goal_id, destination_goal_id
		FROM goal_relation WHERE relation_type = 'isChildOf') e
	    ON e.parent = d.id WHERE d.depth < 32)
SELECT count(DISTINCT l.id) FROM lesson l
JOIN lesson_alignment la ON la.lesson_id = l.id
WHERE l.status = 'published' AND la.goal_id IN (SELECT id FROM d);
SQL
)
	[ "$api" = "$sql" ] && [ "$api" -gt 0 ] ||
	    die "check failed for $qs: the API says $api lessons, SQL $sql"
	say "check: $qs: $api lessons, as in SQL"
}
read -r qs id _ < <(grep $'\tt$' "$tmp/requests.tsv" | head -1)
check_total "$qs" "$id"
read -r qs id _ < <(grep $'\tf$' "$tmp/requests.tsv" | head -1)
check_total "$qs" "$id"

# ---------------------------------------------------------------------------
# Measure: wrk against the API, then pgbench with the same SQL
# ---------------------------------------------------------------------------
# Other processes on the machine take CPU time from both, so the two
# alternate in $rounds rounds of duration/rounds seconds each: both see the
# same background.  Throughput is summed over the rounds; each latency
# percentile is the worst round's.
round_s=$(((duration + rounds - 1) / rounds))
say "wrk: $conns connections, $threads threads; pgbench: the same" \
    "statements, -M prepared, $conns clients; ${warmup} s warm-up each," \
    "then $rounds rounds of $round_s s each; $n goals ($n_deep with" \
    "descendants), $LEERLIJN_WORKERS Kore workers"
# The API's connections run with jit=off (api/db/db.c): so do pgbench's.
export PGOPTIONS="-c jit=off"
pgbench=("$PGBIN/pgbench" -n -M prepared -c "$conns" -j "$threads"
    --random-seed=42)
run_wrk() {
	WRK_PATHS="$tmp/lessons.paths" wrk -c "$conns" -t "$threads" \
	    -d "${1}s" --timeout 5s -s bench/reads.lua "$base/" >"$tmp/wrk.out" ||
	    { cat "$tmp/wrk.out" >&2;
	    die "wrk failed"; }
}
run_pgbench() {
	"${pgbench[@]}" "${@:2}" -T "$1" "$DATABASE_URL" >"$tmp/pgb.out" \
	    2>"$tmp/pgb.err" || { cat "$tmp/pgb.err" >&2; die "pgbench failed"; }
	sed -n 's/^tps = \([0-9.]*\) (without initial connection time)$/\1/p' \
	    "$tmp/pgb.out"
}
run_wrk "$warmup"
run_pgbench "$warmup" "${pgb_args[@]}" >/dev/null
declare -A w=([requests]=0 [duration_us]=0 [status_errors]=0 [sock]=0
    [p50_us]=0 [p90_us]=0 [p99_us]=0 [max_us]=0)
non2xx=0 tps_sum=0 pgb_failed=0 pgb_lat_sum=0
for ((r = 1; r <= rounds; r++)); do
	run_wrk "$round_s"
	line=$(grep '^BENCH ' "$tmp/wrk.out") || { cat "$tmp/wrk.out" >&2;
	    die "wrk gave no result"; }
	declare -A x=()
	for kv in ${line#BENCH }; do
		x[${kv%%=*}]=${kv#*=}
	done
	w[requests]=$((w[requests] + x[requests]))
	w[duration_us]=$((w[duration_us] + x[duration_us]))
	w[status_errors]=$((w[status_errors] + x[status_errors]))
	w[sock]=$((w[sock] + x[sock_errors]))
	for q in p50_us p90_us p99_us max_us; do
		[ "${x[$q]}" -gt "${w[$q]}" ] && w[$q]=${x[$q]}
	done
	v=$(sed -n 's/^ *Non-2xx or 3xx responses: *//p' "$tmp/wrk.out")
	non2xx=$((non2xx + ${v:-0}))

	t=$(run_pgbench "$round_s" "${pgb_args[@]}")
	[ -n "$t" ] || { cat "$tmp/pgb.out" >&2; die "no tps from pgbench"; }
	tps_sum=$(awk -v a="$tps_sum" -v b="$t" 'BEGIN { print a + b }')
	v=$(sed -n 's/^number of failed transactions: \([0-9]*\).*/\1/p' \
	    "$tmp/pgb.out")
	pgb_failed=$((pgb_failed + ${v:-0}))
	v=$(sed -n 's/^latency average = \([0-9.]*\) ms$/\1/p' "$tmp/pgb.out")
	pgb_lat_sum=$(awk -v a="$pgb_lat_sum" -v b="$v" 'BEGIN { print a + b }')
	say "round $r: API $(awk -v r="${x[requests]}" -v d="${x[duration_us]}" \
	    'BEGIN { printf "%.1f", r / (d / 1e6) }') req/s (p99" \
	    "$((x[p99_us] / 1000)) ms), pgbench $t tps"
done
sock_err=${w[sock]}
tps=$(awk -v s="$tps_sum" -v n="$rounds" 'BEGIN { printf "%.1f", s / n }')
pgb_lat=$(awk -v s="$pgb_lat_sum" -v n="$rounds" 'BEGIN { printf "%.2f", s / n }')
# What the parameter lookup alone costs pgbench (the API has no such step).
lookup_tps=$(run_pgbench "$warmup" "${lookup_args[@]}")

# ---------------------------------------------------------------------------
# Report
# ---------------------------------------------------------------------------
rps=$(awk -v r="${w[requests]}" -v d="${w[duration_us]}" \
    'BEGIN { printf "%.1f", r / (d / 1e6) }')
ratio=$(awk -v a="$rps" -v b="$tps" 'BEGIN { printf "%.2f", a / b }')
ms() { awk -v u="$1" 'BEGIN { printf "%.2f", u / 1000 }'; }
p50=$(ms "${w[p50_us]}") p90=$(ms "${w[p90_us]}") p99=$(ms "${w[p99_us]}")
verdict=PASS
reasons=()
if awk -v r="$ratio" -v m="$ratio_min" 'BEGIN { exit !(r < m) }'; then
	verdict=FAIL; reasons+=("ratio $ratio < $ratio_min")
fi
if awk -v p="$p99" -v m="$p99_max_ms" 'BEGIN { exit !(p >= m) }'; then
	verdict=FAIL; reasons+=("p99 $p99 ms >= $p99_max_ms ms")
fi
if [ "$non2xx" != 0 ] || [ "${w[status_errors]}" != 0 ] ||
    [ "$sock_err" != 0 ] || [ "${pgb_failed:-0}" != 0 ]; then
	verdict=FAIL
	reasons+=("errors: $non2xx non-2xx, $sock_err socket errors," \
	    "${pgb_failed:-0} failed pgbench transactions")
fi

stamp=$(date -u +%Y%m%dT%H%M%SZ)
report=bench/results/lessons_by_goal-$stamp.txt
{
	echo "lessons_by_goal $stamp"
	echo "machine: $(nproc) cores, $(uname -sr), load before: $load_before"
	echo "catalogue: $n_lessons lessons ($n_published published), $n_align alignments, $n_goals goals, $n_fw frameworks"
	echo "requests: GET /api/v1/lessons?goal=&framework= over $n goals ($n_deep with descendants)"
	echo "load: $conns connections, $threads threads, $rounds rounds of $round_s s after ${warmup} s warm-up, wrk and pgbench alternating; Kore workers $LEERLIJN_WORKERS"
	echo "API (wrk):       ${rps} req/s  p50 ${p50} ms  p90 ${p90} ms  p99 ${p99} ms (worst round)  (${w[requests]} requests, $non2xx non-2xx, $sock_err socket errors)"
	echo "SQL (pgbench):   ${tps} tps  latency avg ${pgb_lat} ms  (${pgb_failed} failed; its parameter lookup alone: ${lookup_tps} tps)"
	echo "ratio API/pgbench: $ratio (target >= $ratio_min)"
	echo "API p99: $p99 ms (target < $p99_max_ms ms)"
	if [ "$verdict" = PASS ]; then
		echo "PASS"
	else
		echo "FAIL: ${reasons[*]}"
	fi
} | tee "$report"
cp "$report" bench/results/lessons_by_goal-latest.txt
[ "$verdict" = PASS ]
