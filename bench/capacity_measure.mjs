// bench/capacity_measure.mjs BASE_URL DATABASE_URL KORE_PID PG_PID LABEL
//
// The per-node inputs of the capacity model (docs/operations.md): for each
// kind of request, the rate one node reached here and the CPU time it cost
// the API (all kore processes) and the database (all PostgreSQL
// processes), read from /proc before and after.  CPU per request does not
// depend on how busy the machine is; the rate does.  Prints one JSON line
// per kind.
//
// Kinds: a catalogue read (the lesson finder by goal, anonymous), a plan
// edit (PATCH /api/v1/plans/{id} with If-Match, each client its own plan,
// as coordinator of demo school A), one school's coverage report (as that
// coordinator) and, when the database has generated schools, the
// inspector's aggregate over all of them (as admin).
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(new URL('../tests/package.json', import.meta.url));
const pg = require('pg');

const [BASE, DATABASE_URL, KORE_PID, PG_PID, LABEL = ''] = process.argv.slice(2);
const CLIENTS = Number(process.env.CAPACITY_CLIENTS ?? 8);
const SECONDS = Number(process.env.CAPACITY_SECONDS ?? 8);
const TICK = 100; // clock ticks per second (getconf CLK_TCK)
const SCHOOL_A = '00000000-0000-4000-a000-00000000000a';

// CPU seconds (user + system) of pid and all its descendants.
function treeCpu(root) {
  const procs = new Map();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      procs.set(Number(d), { ppid: Number(f[1]), cpu: (Number(f[11]) + Number(f[12])) / TICK });
    } catch { /* gone */ }
  }
  let sum = 0;
  const want = new Set([Number(root)]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, p] of procs) {
      if (!want.has(pid) && want.has(p.ppid)) { want.add(pid); grew = true; }
    }
  }
  for (const pid of want) sum += procs.get(pid)?.cpu ?? 0;
  return sum;
}

async function call(path, { method = 'GET', headers = {}, body } = {}) {
  const res = await fetch(BASE + path, {
    method, headers: body ? { 'content-type': 'application/json', ...headers } : headers,
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text };
}

async function token(email) {
  const r = await call('/api/v1/session', { method: 'POST', body: { email, password: 'leerlijn-demo' } });
  if (r.status !== 201) throw new Error(`login ${email}: ${r.status} ${r.text}`);
  return { authorization: `Bearer ${JSON.parse(r.text).token}` };
}

// Run CLIENTS loops of one() for SECONDS; one(client) resolves with a
// status.  Returns the JSON line.
async function measure(kind, setup, one, seconds = SECONDS, clients = CLIENTS) {
  const state = await setup();
  const kore0 = treeCpu(KORE_PID);
  const pg0 = treeCpu(PG_PID);
  const t0 = performance.now();
  const end = t0 + seconds * 1000;
  let n = 0;
  let bad = 0;
  const lat = [];
  await Promise.all(Array.from({ length: clients }, async (_, c) => {
    while (performance.now() < end) {
      const s = performance.now();
      const status = await one(state, c);
      lat.push(performance.now() - s);
      n++;
      if (status >= 300) bad++;
    }
  }));
  const wall = (performance.now() - t0) / 1000;
  const api = treeCpu(KORE_PID) - kore0;
  const db = treeCpu(PG_PID) - pg0;
  lat.sort((a, b) => a - b);
  const line = {
    label: LABEL, kind, clients, requests: n, errors: bad,
    req_per_s: +(n / wall).toFixed(1),
    p50_ms: +lat[Math.floor(lat.length * 0.5)].toFixed(1),
    p99_ms: +lat[Math.floor(lat.length * 0.99)].toFixed(1),
    api_cpu_ms: +((api * 1000) / n).toFixed(3),
    db_cpu_ms: +((db * 1000) / n).toFixed(3),
    req_per_api_core_s: api > 0 ? Math.round(n / api) : null,
    req_per_db_core_s: db > 0 ? Math.round(n / db) : null,
  };
  console.log(JSON.stringify(line));
  if (bad > 0) throw new Error(`${kind}: ${bad} answers were not 2xx`);
  return line;
}

const c = new pg.Client({ connectionString: DATABASE_URL });
await c.connect();
const goal = (await c.query("SELECT id FROM goal WHERE code = 'DG2.1' ORDER BY id LIMIT 1")).rows[0].id;
const generated = Number((await c.query("SELECT count(*) AS n FROM school")).rows[0].n);
const coordinator = await token('coordinator-a@demo.leerlijn.example');

await measure('catalogue read: GET /api/v1/lessons?goal=DG2.1', async () => null,
  async () => (await call(`/api/v1/lessons?goal=${goal}`)).status);

let plans;
await measure('plan edit: PATCH /api/v1/plans/{id} (If-Match)', async () => {
  const plans = [];
  for (let i = 0; i < CLIENTS; i++) {
    const r = await call(`/api/v1/schools/${SCHOOL_A}/plans`, {
      method: 'POST', headers: coordinator,
      body: { school_year: '2026-2027', title: `BENCH capacity ${process.pid} ${i}` },
    });
    if (r.status !== 201) throw new Error(`plan: ${r.status} ${r.text}`);
    plans.push({ id: JSON.parse(r.text).id, etag: r.headers.get('etag'), n: 0 });
  }
  return plans;
}, async (ps, i) => {
  plans = ps;
  const p = ps[i];
  const r = await call(`/api/v1/plans/${p.id}`, {
    method: 'PATCH', headers: { ...coordinator, 'if-match': p.etag },
    body: { note: `bewerking ${++p.n}` },
  });
  p.etag = r.headers.get('etag');
  return r.status;
});

await measure('plan read: GET /api/v1/plans/{id}', async () => null,
  async (_, i) => (await call(`/api/v1/plans/${plans[i].id}`, { headers: coordinator })).status);

await measure('school report: GET /api/v1/schools/{id}/coverage', async () => null,
  async () => (await call(`/api/v1/schools/${SCHOOL_A}/coverage`, { headers: coordinator })).status);

if (generated > 100) {
  const admin = await token('admin@demo.leerlijn.example');
  const { rows } = await c.query('SELECT id FROM school ORDER BY id LIMIT 200');
  await measure(`school report at ${generated} schools (random schools)`, async () => null,
    async () => {
      const id = rows[Math.floor(Math.random() * rows.length)].id;
      return (await call(`/api/v1/schools/${id}/coverage?years=2026-2027,2027-2028&framework=CNU-DG-2019`,
        { headers: admin })).status;
    });
  await measure(`national aggregate at ${generated} schools`, async () => null,
    async () => (await call('/api/v1/reports/coverage?framework=CNU-DG-2019', { headers: admin })).status,
    SECONDS * 2);
}
// Last and with two clients: argon2id holds the worker for tens of
// milliseconds, and other clients' idle connections would time out.
await measure('login: POST /api/v1/session (argon2id)', async () => null,
  async () => (await call('/api/v1/session', {
    method: 'POST', body: { email: 'teacher-a@demo.leerlijn.example', password: 'leerlijn-demo' },
  })).status, SECONDS, 2);
await c.end();
