// bench/coverage_measure.mjs: latencies of the coverage reports over HTTP
// (kore) and, as the baseline of the same run, of the same SQL function
// called directly in PostgreSQL.  Prints one JSON line.
//   node bench/coverage_measure.mjs <api base> <database url> <label>
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(new URL('../tests/package.json', import.meta.url));
const pg = require('pg');
const [base, dbUrl, label] = process.argv.slice(2);
const SAMPLES = Number(process.env.COVERAGE_SAMPLES ?? 200);
const AGG_SAMPLES = Number(process.env.COVERAGE_AGG_SAMPLES ?? 5);
const SCHOOL_QS = 'years=2026-2027,2027-2028&framework=CNU-DG-2019';

function pct(xs, p) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
}
const r1 = (x) => Math.round(x * 10) / 10;

// CPU time (user + system, ms) of a process so far, from /proc: what a
// request costs the database regardless of how busy the machine is.
const TICK_MS = 1000 / 100;
function cpuMs(pid) {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(f[11]) + Number(f[12])) * TICK_MS;
  } catch {
    return NaN;
  }
}

const login = await fetch(`${base}/api/v1/session`, {
  method: 'POST', headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ email: 'admin@demo.leerlijn.example', password: 'leerlijn-demo' }),
});
if (login.status !== 201) throw new Error(`login ${login.status}`);
const auth = { authorization: `Bearer ${(await login.json()).token}` };

const c = new pg.Client({ connectionString: dbUrl });
await c.connect();
const { rows: schools } = await c.query('SELECT id FROM bench_school ORDER BY n');
const { rows: [counts] } = await c.query(`SELECT (SELECT count(*) FROM school)::int AS schools,
  (SELECT count(*) FROM plan_item)::int AS plan_items, (SELECT count(*) FROM coverage_fact)::int AS facts`);
const { rows: [admin] } = await c.query("SELECT id FROM app_user WHERE email = 'admin@demo.leerlijn.example'");
let seed = 42;
const pick = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return schools[seed % schools.length].id; };

async function timed(fn) {
  const t = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t) / 1e6;
}
async function get(path) {
  const res = await fetch(base + path, { headers: auth });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`${path}: ${res.status} ${text.slice(0, 200)}`);
  return text;
}

// Warm up each worker and the plan caches.
for (let i = 0; i < 20; i++) await get(`/api/v1/schools/${pick()}/coverage?${SCHOOL_QS}`);
const http = [];
for (let i = 0; i < SAMPLES; i++) http.push(await timed(() => get(`/api/v1/schools/${pick()}/coverage?${SCHOOL_QS}`)));
const { rows: [{ pid }] } = await c.query('SELECT pg_backend_pid() AS pid');
const sql = [];
for (let i = 0; i < 5; i++) await c.query("SELECT coverage_school_doc($1, '{2026-2027,2027-2028}', '{CNU-DG-2019}', 'none', 3, true, NULL)", [pick()]);
const cpu0 = cpuMs(pid);
for (let i = 0; i < SAMPLES; i++) {
  const id = pick();
  sql.push(await timed(() => c.query("SELECT coverage_school_doc($1, '{2026-2027,2027-2028}', '{CNU-DG-2019}', 'none', 3, true, NULL)::text", [id])));
}
const schoolCpu = (cpuMs(pid) - cpu0) / SAMPLES;
const agg = [];
await get('/api/v1/reports/coverage?framework=CNU-DG-2019');
for (let i = 0; i < AGG_SAMPLES; i++) agg.push(await timed(() => get('/api/v1/reports/coverage?framework=CNU-DG-2019')));
const agg1 = [];
for (let i = 0; i < AGG_SAMPLES; i++) agg1.push(await timed(() => get('/api/v1/reports/coverage?framework=CNU-DG-2019&years=2026-2027')));
const aggSql = [];
const cpu1 = cpuMs(pid);
for (let i = 0; i < AGG_SAMPLES; i++) {
  aggSql.push(await timed(() => c.query("SELECT coverage_aggregate_doc($1, NULL, '{CNU-DG-2019}', 'none', NULL, NULL)::text", [admin.id])));
}
const aggCpu = (cpuMs(pid) - cpu1) / AGG_SAMPLES;
const load = readFileSync('/proc/loadavg', 'utf8').split(' ')[0];
await c.end();
console.log(JSON.stringify({
  label, ...counts,
  school_http_ms: { p50: r1(pct(http, 50)), p95: r1(pct(http, 95)), max: r1(pct(http, 100)), n: http.length },
  school_sql_ms: { p50: r1(pct(sql, 50)), p95: r1(pct(sql, 95)), cpu_mean: r1(schoolCpu) },
  aggregate_all_years_http_ms: { median: r1(pct(agg, 50)), max: r1(pct(agg, 100)), n: agg.length },
  aggregate_one_year_http_ms: { median: r1(pct(agg1, 50)), max: r1(pct(agg1, 100)) },
  aggregate_sql_ms: { median: r1(pct(aggSql, 50)), cpu_mean: r1(aggCpu) },
  load_average: Number(load),
  ratio_http_to_sql_p95: r1(pct(http, 95) / pct(sql, 95)),
}));
