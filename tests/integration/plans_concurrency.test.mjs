// Concurrency: many clients edit one plan at the same time.  Every write
// carries the version it read (If-Match); a stale one gets 412 and changes
// nothing, and the client reads again and retries.  At the end no update
// is lost, nothing is there twice, and every refused write was a 412.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { db, login } from './lib.mjs';
import { call, addItem, cleanup, fixtures, newPlan } from './plans_lib.mjs';

const CLIENTS = 24;
const PER_CLIENT = 3;
const MAX_TRIES = 200;

let F;
let H;
before(async () => {
  F = await fixtures();
  H = (await login('coordinator', 'A')).headers;
});
after(cleanup);

// A barrier: the first reads of all clients happen before any first write,
// so that the first round surely overlaps (all but one get 412).
function barrier(n) {
  let arrived = 0;
  let open;
  const opened = new Promise((resolve) => { open = resolve; });
  return async () => {
    if (++arrived === n) open();
    await opened;
  };
}

// Run fn(i) for CLIENTS clients at once.
const all = (fn) => Promise.all(Array.from({ length: CLIENTS }, (_, i) => fn(i)));

// Retry a read-modify-write until it is accepted; returns the statuses.
async function untilAccepted(attempt) {
  const seen = [];
  for (let t = 0; t < MAX_TRIES; t++) {
    const res = await attempt();
    seen.push(res.status);
    if (res.status !== 412) return seen;
    assert.equal(res.type, 'application/problem+json');
  }
  throw new Error(`no success after ${MAX_TRIES} tries`);
}

function tally(statuses) {
  const n = {};
  for (const s of statuses.flat()) n[s] = (n[s] ?? 0) + 1;
  return n;
}

test(`${CLIENTS} clients add items to one plan at once (If-Match of the plan)`, async (t) => {
  const p = await newPlan(H, F.schools.A, 'gelijktijdig toevoegen');
  const url = `/api/v1/plans/${p.id}`;
  const first = barrier(CLIENTS);
  const statuses = await all(async (c) => {
    const mine = [];
    for (let k = 0; k < PER_CLIENT; k++) {
      mine.push(...await untilAccepted(async () => {
        const cur = await call(H, 'GET', url);
        if (k === 0 && mine.length === 0) await first();
        return call(H, 'POST', `${url}/items`, {
          body: { lesson_id: F.lesson['TEST-PO-1'], level: 'groep-6', week: `2026-W${String(36 + (c % 10)).padStart(2, '0')}`, notes: `client ${c} item ${k}` },
          ifMatch: cur.headers.get('etag'),
        });
      }));
    }
    return mine;
  });
  const n = tally(statuses);
  t.diagnostic(`responses: ${JSON.stringify(n)}`);
  assert.deepEqual(Object.keys(n).sort(), ['201', '412'], JSON.stringify(n));
  assert.equal(n[201], CLIENTS * PER_CLIENT);
  assert.ok(n[412] >= CLIENTS - 1, 'the clients really overlapped');

  const plan = await call(H, 'GET', url);
  const notes = plan.json.items.map((i) => i.notes).sort();
  const want = [];
  for (let c = 0; c < CLIENTS; c++) for (let k = 0; k < PER_CLIENT; k++) want.push(`client ${c} item ${k}`);
  assert.deepEqual(notes, want.sort(), 'every item exactly once');
  // One version step per accepted write: nothing else changed the plan.
  assert.equal(plan.headers.get('etag'), `"${1 + CLIENTS * PER_CLIENT}"`);
  const c = await db();
  const { rows: [r] } = await c.query(
    "SELECT count(*)::int AS n FROM audit_log WHERE entity = 'plan_item' AND action = 'insert' AND change->'new'->>'plan_id' = $1",
    [p.id]);
  await c.end();
  assert.equal(r.n, CLIENTS * PER_CLIENT, 'every accepted write is in the audit log once');
});

test(`${CLIENTS} clients change the same item at once (item PATCH and bulk edits)`, async (t) => {
  const p = await newPlan(H, F.schools.A, 'gelijktijdig wijzigen');
  const it = await addItem(H, p.id, { lesson_id: F.lesson['TEST-PO-1'], level: 'groep-5', week: '2026-W40', notes: '-' });
  const plan = `/api/v1/plans/${p.id}`;
  const item = `${plan}/items/${it.id}`;
  // Each client appends its own mark to the notes: a lost update would
  // drop a mark.  Even clients PATCH the item (its ETag), odd ones send a
  // bulk edit of the plan (the plan's ETag and the item's version).
  const first = barrier(CLIENTS);
  let round = 0;
  const statuses = await all((c) => untilAccepted(async () => {
    const wait = round++ < CLIENTS ? first : async () => {};
    if (c % 2 === 0) {
      const cur = await call(H, 'GET', item);
      await wait();
      return call(H, 'PATCH', item, { body: { notes: `${cur.json.notes}[${c}]` }, ifMatch: cur.headers.get('etag') });
    }
    const cur = await call(H, 'GET', plan);
    const mine = cur.json.items[0];
    await wait();
    return call(H, 'POST', `${plan}/bulk`, {
      body: { update: [{ id: mine.id, version: mine.version, notes: `${mine.notes}[${c}]` }] },
      ifMatch: cur.headers.get('etag'),
    });
  }));
  const n = tally(statuses);
  t.diagnostic(`responses: ${JSON.stringify(n)}`);
  assert.deepEqual(Object.keys(n).sort(), ['200', '412'], JSON.stringify(n));
  assert.equal(n[200], CLIENTS);
  assert.ok(n[412] >= CLIENTS - 1, 'the clients really overlapped');

  const final = await call(H, 'GET', item);
  const marks = final.json.notes.match(/\[\d+\]/g).map((m) => Number(m.slice(1, -1))).sort((a, b) => a - b);
  assert.deepEqual(marks, Array.from({ length: CLIENTS }, (_, i) => i), 'no update lost, none applied twice');
  assert.equal(final.headers.get('etag'), `"${1 + CLIENTS}"`);
  const whole = await call(H, 'GET', plan);
  assert.equal(whole.json.items.length, 1);
  assert.equal(whole.headers.get('etag'), `"${2 + CLIENTS}"`, 'the plan: created, one item, then one step per change');
});
