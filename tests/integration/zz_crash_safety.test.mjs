// Crash safety: 20 clients add plan items while a Kore worker is killed
// with SIGKILL, and while PostgreSQL is stopped and started again.  Every
// write answered 201 must be there, none half-written, and the plan's
// version and the coverage aggregates (coverage_check(),
// coverage_bits_check()) consistent.  Runs on its own kore (started here)
// and near the end (file order), because it stops the shared database.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { db, login, sh } from './lib.mjs';
import { cleanup, fixtures, PREFIX, YEAR } from './plans_lib.mjs';
import { startKore } from './mail_lib.mjs';

const CLIENTS = 20;
let kore;
let F;

before(async () => {
  F = await fixtures();
  kore = await startKore({ LEERLIJN_WORKERS: '2' });
});

after(async () => {
  await kore?.stop();
  await cleanup();
});

const pgctl = (what) => sh('bash', ['-c',
  `. scripts/lib.sh; pg_${what} "$LEERLIJN_PG_DIR" "$LEERLIJN_PG_PORT"`]);

function workers(parent) {
  const out = [];
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const st = readFileSync(`/proc/${d}/stat`, 'utf8');
      if (Number(st.slice(st.lastIndexOf(')') + 2).split(' ')[1]) === parent) out.push(Number(d));
    } catch { /* gone */ }
  }
  return out.sort();
}

async function call(headers, method, path, body, ifMatch) {
  const h = { ...headers };
  if (body !== undefined) h['content-type'] = 'application/json';
  if (ifMatch) h['if-match'] = ifMatch;
  try {
    const res = await fetch(kore.base + path, { method, headers: h, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    return { status: res.status, json: /json/.test(res.headers.get('content-type') ?? '') && text ? JSON.parse(text) : undefined, etag: res.headers.get('etag') };
  } catch {
    return { status: 0 };
  }
}

// CLIENTS clients add items for ms; during(ms) runs meanwhile.  Resolves
// with the ids answered 201 and the number of requests without an answer.
async function writeWhile(plan, ms, during) {
  const { headers } = await login('coordinator', 'A');
  const created = [];
  let lost = 0;
  const until = Date.now() + ms;
  const lessons = [F.lesson['TEST-PO-1'], F.lesson['TEST-PO-2']];
  const client = async (i) => {
    let n = 0;
    while (Date.now() < until) {
      n++;
      const cur = await call(headers, 'GET', `/api/v1/plans/${plan}`);
      if (cur.status !== 200) { await new Promise((r) => setTimeout(r, 100)); continue; }
      const week = `2026-W${String(36 + ((i + n) % 15)).padStart(2, '0')}`;
      const res = await call(headers, 'POST', `/api/v1/plans/${plan}/items`,
        { lesson_id: lessons[n % 2], level: 'groep-7', week, class_name: `C${i}-${n}` }, cur.etag);
      if (res.status === 201) created.push(res.json.id);
      else if (res.status === 0) lost++;
      else assert.ok([412, 503].includes(res.status), `unexpected ${res.status}`);
    }
  };
  await Promise.all([...Array.from({ length: CLIENTS }, (_, i) => client(i)), during()]);
  return { created, lost };
}

async function check(plan, created, lost, before) {
  const c = await db();
  try {
    const items = await c.query('SELECT id, lesson_id, level_id, class_name FROM plan_item WHERE plan_id = $1', [plan]);
    const ids = new Set(items.rows.map((r) => r.id));
    for (const id of created) assert.ok(ids.has(id), `item ${id} answered 201 is missing`);
    // Nothing beyond what was answered, except writes whose answer was lost.
    assert.ok(items.rows.length <= before + created.length + lost,
      `${items.rows.length} items for ${created.length} answers and ${lost} lost`);
    for (const r of items.rows) assert.ok(r.lesson_id && r.level_id && r.class_name, 'a half-written item');
    const p = await c.query('SELECT version FROM plan WHERE id = $1', [plan]);
    assert.equal(p.rows[0].version, 1 + items.rows.length, 'the plan version counts every item');
    assert.deepEqual((await c.query('SELECT * FROM coverage_check()')).rows, []);
    assert.deepEqual((await c.query('SELECT * FROM coverage_bits_check()')).rows, []);
    return items.rows.length;
  } finally {
    await c.end();
  }
}

async function newPlan(title) {
  const { headers } = await login('coordinator', 'A');
  const res = await call(headers, 'POST', `/api/v1/schools/${F.schools.A}/plans`, { school_year: YEAR, title: PREFIX + title });
  assert.equal(res.status, 201);
  return res.json.id;
}

test('a worker killed with SIGKILL while 20 clients write: restarted, no write lost or half-written', async () => {
  const plan = await newPlan(`crash ${Date.now()}`);
  const parent = kore.proc.pid;
  const before = workers(parent);
  assert.equal(before.length, 2);
  const { created, lost } = await writeWhile(plan, 12000, async () => {
    await new Promise((r) => setTimeout(r, 2500));
    process.kill(before[0], 'SIGKILL');
  });
  // The parent starts a new worker in its place.
  let now = [];
  for (let t = 0; t < 50; t++) {
    now = workers(parent);
    if (now.length === 2 && !now.includes(before[0])) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.equal(now.length, 2, 'two workers again');
  assert.ok(!now.includes(before[0]), 'the killed worker was replaced');
  assert.ok(created.length >= 1, `${created.length} writes answered 201`);
  await check(plan, created, lost, 0);
  // And the restarted API keeps answering writes.
  const after2 = await writeWhile(plan, 1500, async () => {});
  assert.ok(after2.created.length > 0);
});

test('PostgreSQL stopped and started while 20 clients write: no write lost or half-written', async () => {
  const plan = await newPlan(`pg stop ${Date.now()}`);
  const { created, lost } = await writeWhile(plan, 9000, async () => {
    await new Promise((r) => setTimeout(r, 2000));
    const stopped = await pgctl('stop');
    assert.equal(stopped.code, 0, stopped.stderr);
    await new Promise((r) => setTimeout(r, 1500));
    const started = await pgctl('start');
    assert.equal(started.code, 0, started.stderr);
  });
  assert.ok(created.length > 0);
  await check(plan, created, lost, 0);
});
