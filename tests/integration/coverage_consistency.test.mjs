// The maintained aggregates (coverage_fact and coverage_bits, schema/functions/coverage.sql)
// stay exactly equal to a computation from scratch over the plan items:
// random edits —
// inserts, updates of status, level, lesson and kind, deletes, multi-row
// statements, whole plans deleted, rolled-back transactions, two writers
// at once, and bulk edits through the API — then coverage_check() (the
// differences between the kept and the recomputed aggregate) must be
// empty, and a school's report from the aggregate must equal the report
// computed from its plan's items.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { db } from './lib.mjs';
import { call } from './plans_lib.mjs';
import { fixtures, planWith, removeFixtures, ITEMS_A, YEAR } from './coverage_lib.mjs';

let F;
before(async () => { F = await fixtures(); });
after(async () => { await removeFixtures(); });

// A small deterministic generator (so that a failure can be replayed).
function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

// The two schools share levels, so that their writers touch the same rows
// of coverage_bits at the same time.
const LEVELS_A = ['groep-1', 'groep-5', 'groep-6', 'havo-1', 'havo-2'];
const LEVELS_B = ['havo-1', 'havo-2', 'groep-5', 'vwo-3'];
const STATUS = ['gepland', 'gegeven', 'vervallen'];

// Differences of both maintained aggregates: coverage_fact against the
// plan items, coverage_bits against coverage_fact.
async function mismatches(c) {
  const { rows } = await c.query('SELECT * FROM coverage_check()');
  const { rows: bits } = await c.query('SELECT * FROM coverage_bits_check()');
  return [...rows, ...bits];
}

// One random transaction of writer c on the plans of school (ids kept in
// state.plans[school]); commits or (one in eight) rolls back.
async function randomTransaction(c, r, state, school, levels) {
  const lessons = Object.values(F.lesson);
  const pick = (a) => a[Math.floor(r() * a.length)];
  await c.query('BEGIN');
  await c.query("SELECT set_config('leerlijn.audit', 'off', true)");
  const plans = state.plans[school];
  const plan = pick(plans);
  await c.query('SELECT 1 FROM plan WHERE id = $1 FOR UPDATE', [plan]);
  const ops = 1 + Math.floor(r() * 4);
  for (let i = 0; i < ops; i++) {
    const op = r();
    if (op < 0.35) {
      const n = 1 + Math.floor(r() * 5);
      for (let k = 0; k < n; k++) {
        const kind = r() < 0.15 ? 'terugkommoment' : 'les';
        await c.query(`INSERT INTO plan_item (plan_id, school_id, kind, lesson_id, level_id, class_name,
            iso_year, iso_week, status)
          VALUES ($1, $2, $3, $4, (SELECT id FROM level WHERE code = $5), $6, 2026, $7, $8)`,
        [plan, school, kind, kind === 'les' || r() < 0.5 ? pick(lessons) : null, pick(levels),
          r() < 0.5 ? `k${Math.floor(r() * 3)}` : null, 40 + Math.floor(r() * 10), pick(STATUS)]);
      }
    } else if (op < 0.6) {
      const col = pick(['status', 'level', 'lesson', 'kind']);
      const { rows } = await c.query('SELECT id, lesson_id FROM plan_item WHERE plan_id = $1 ORDER BY id', [plan]);
      if (rows.length === 0) continue;
      const it = pick(rows);
      if (col === 'status') {
        await c.query(`UPDATE plan_item SET status = $2,
          given_on = CASE WHEN $2 = 'gegeven' THEN given_on END WHERE id = $1`, [it.id, pick(STATUS)]);
      } else if (col === 'level') {
        await c.query('UPDATE plan_item SET level_id = (SELECT id FROM level WHERE code = $2) WHERE id = $1',
          [it.id, pick(levels)]);
      } else if (col === 'lesson') {
        await c.query('UPDATE plan_item SET lesson_id = $2 WHERE id = $1', [it.id, pick(lessons)]);
      } else if (it.lesson_id) {
        await c.query(`UPDATE plan_item SET kind = CASE kind WHEN 'les' THEN 'terugkommoment' ELSE 'les' END
          WHERE id = $1`, [it.id]);
      }
    } else if (op < 0.75) {
      // Several rows in one statement: the statement trigger sees them all.
      await c.query(`UPDATE plan_item SET status = CASE status WHEN 'gepland' THEN 'gegeven'
          WHEN 'gegeven' THEN 'vervallen' ELSE 'gepland' END,
          given_on = NULL,
          level_id = CASE WHEN md5(id::text || $2) < '8' THEN level_id
            ELSE (SELECT id FROM level WHERE code = $3) END
        WHERE plan_id = $1 AND md5(id::text || $2) < 'a'`, [plan, String(r()), pick(levels)]);
    } else if (op < 0.9) {
      await c.query(`DELETE FROM plan_item WHERE plan_id = $1 AND md5(id::text || $2) < '5'`,
        [plan, String(r())]);
    } else if (op < 0.95 && plans.length > 1) {
      // A whole plan goes (its items by cascade); a new one comes.
      await c.query('DELETE FROM plan WHERE id = $1', [plan]);
      const { rows } = await c.query(`INSERT INTO plan (school_id, school_year, title)
        VALUES ($1, $2, $3) RETURNING id`, [school, YEAR, `TEST-COV random ${state.n++}`]);
      plans.splice(plans.indexOf(plan), 1, rows[0].id);
      break;
    } else {
      await c.query('DELETE FROM plan_item WHERE plan_id = $1 AND id = (SELECT min(id::text)::uuid FROM plan_item WHERE plan_id = $1)', [plan]);
    }
  }
  if (r() < 0.125) await c.query('ROLLBACK');
  else await c.query('COMMIT');
}

test('random edits by two writers at once keep coverage_fact equal to the plans', async () => {
  const a = await db();
  const b = await db();
  const check = await db();
  try {
    const state = { n: 0, plans: { [F.schools.A]: [F.planA], [F.schools.B]: [F.planB] } };
    for (const [school, i] of [[F.schools.A, 1], [F.schools.A, 2], [F.schools.B, 3]]) {
      const { rows } = await check.query(`INSERT INTO plan (school_id, school_year, title)
        VALUES ($1, $2, $3) RETURNING id`, [school, YEAR, `TEST-COV extra ${i}`]);
      state.plans[school].push(rows[0].id);
    }
    const ra = rng(20261201);
    const rb = rng(424242);
    let total = 0;
    for (let round = 0; round < 40; round++) {
      await Promise.all([
        randomTransaction(a, ra, state, F.schools.A, LEVELS_A),
        randomTransaction(b, rb, state, F.schools.B, LEVELS_B),
      ]);
      total += 2;
      if (round % 10 === 9) assert.deepEqual(await mismatches(check), [], `after ${total} transactions`);
    }
    assert.deepEqual(await mismatches(check), []);
    // The edits did reach the aggregate (not a trivially empty table).
    const { rows: [{ n }] } = await check.query(
      'SELECT count(*)::int AS n FROM coverage_fact WHERE school_id = ANY ($1)', [[F.schools.A, F.schools.B]]);
    assert.ok(n > 10, `${n} facts`);
  } finally {
    await a.end();
    await b.end();
    await check.end();
  }
});

test('bulk edits through the API keep it equal too; the school report equals the report from the items', async () => {
  const c = await db();
  try {
    // One school year, one plan: delete the others of school A first.
    await c.query("DELETE FROM plan WHERE school_id = $1 AND title LIKE 'TEST-COV %'", [F.schools.A]);
    const plan = await planWith('coordinator/A', F.schools.A, 'bulk', ITEMS_A, F.lesson);
    const r = rng(7);
    for (let round = 0; round < 6; round++) {
      const cur = await call('coordinator/A', 'GET', `/api/v1/plans/${plan}`);
      const items = cur.json.items;
      const update = items.filter(() => r() < 0.4).map((it) => ({ id: it.id, status: STATUS[Math.floor(r() * 2)] }))
        .map((u) => (u.status === 'gegeven' ? { ...u, given_on: '2026-10-20' } : { ...u, given_on: null }));
      const del = items.filter((it) => !update.some((u) => u.id === it.id) && r() < 0.2).map((it) => ({ id: it.id }));
      const create = [{ lesson_id: F.lesson.L2, level: LEVELS_A[round % LEVELS_A.length], week: '2026-W45' }];
      const res = await call('coordinator/A', 'POST', `/api/v1/plans/${plan}/bulk`,
        { body: { create, update, delete: del }, ifMatch: cur.headers.get('etag') });
      assert.equal(res.status, 200, res.text);
      assert.deepEqual(await mismatches(c), [], `after bulk ${round}`);
    }
    for (const via of ['none', 'exact', 'all']) {
      const school = await call('coordinator/A', 'GET',
        `/api/v1/schools/${F.schools.A}/coverage?years=${YEAR}&framework=TEST-COV,TEST-COV-X&via=${via}&overlap=2`);
      const fromItems = await call('coordinator/A', 'GET',
        `/api/v1/plans/${plan}/coverage?framework=TEST-COV,TEST-COV-X&via=${via}&overlap=2`);
      assert.equal(school.status, 200);
      assert.deepEqual(school.json.frameworks, fromItems.json.frameworks, via);
    }
  } finally {
    await c.end();
  }
});

test('a school that goes takes its bits with it; the aggregate counts it no more', async () => {
  const c = await db();
  try {
    const res = await call('admin', 'POST', '/api/v1/schools', { body: {
      brin: '99XD', vestiging: '00', name: 'Testschool dekking (fictief)', type: 'PO',
      municipality: 'Groningen', region: 'noord', first_level: 'groep-1', last_level: 'groep-8' } });
    assert.equal(res.status, 201, res.text);
    const school = res.json.id;
    const { rows: [p] } = await c.query(`INSERT INTO plan (school_id, school_year, title)
      VALUES ($1, $2, 'TEST-COV gone') RETURNING id`, [school, YEAR]);
    await c.query(`INSERT INTO plan_item (plan_id, school_id, lesson_id, level_id, iso_year, iso_week)
      VALUES ($1, $2, $3, (SELECT id FROM level WHERE code = 'groep-5'), 2026, 44)`, [p.id, school, F.lesson.L1]);
    const url = '/api/v1/reports/coverage?framework=TEST-COV&years=2026-2027';
    const before = await call('admin', 'GET', url);
    const g = (doc) => doc.frameworks[0].goals.find((x) => x.code === 'G1.1');
    const { rows: [{ n }] } = await c.query('SELECT count(*)::int AS n FROM school');
    assert.equal(before.json.scope.schools, n);
    const cellBefore = g(before.json).cells['groep-5']?.schools;
    assert.ok(cellBefore >= 1, JSON.stringify(g(before.json)));
    await c.query("SELECT set_config('leerlijn.audit', 'off', false)");
    await c.query('DELETE FROM school WHERE id = $1', [school]);
    assert.deepEqual(await mismatches(c), []);
    const after = await call('admin', 'GET', url);
    assert.equal(after.json.scope.schools, n - 1);
    assert.equal(g(after.json).cells['groep-5']?.schools ?? 0, cellBefore - 1);
  } finally {
    await c.query("DELETE FROM school WHERE brin = '99XD'");
    await c.end();
  }
});
