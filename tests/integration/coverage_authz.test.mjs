// Who may see which coverage report: an inspector only the schools in
// their scope (the demo inspector: school A), a coordinator or teacher
// only their own school, an admin every school; curators none (they keep
// the catalogue, not the schools' plans); without a session 401.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { assertProblem, db } from './lib.mjs';
import { call } from './plans_lib.mjs';
import { fixtures, framework, removeFixtures } from './coverage_lib.mjs';

let F;
before(async () => { F = await fixtures(); });
after(async () => { await removeFixtures(); });

const AGG = '/api/v1/reports/coverage?framework=TEST-COV&years=2026-2027';
const g11 = (doc) => framework(doc).goals.find((g) => g.code === 'G1.1');

test('the demo inspector is scoped to school A', async () => {
  const c = await db();
  try {
    const { rows } = await c.query(`SELECT s.school_id, s.region FROM inspector_scope s
      JOIN app_user u ON u.id = s.user_id WHERE u.email = 'inspector@demo.leerlijn.example'`);
    assert.deepEqual(rows, [{ school_id: F.schools.A, region: null }]);
  } finally {
    await c.end();
  }
});

test('inspector: the aggregate counts only the assigned school; another school is not found', async () => {
  const agg = await call('inspector', 'GET', AGG);
  assert.equal(agg.status, 200, agg.text);
  assert.equal(agg.json.scope.schools, 1);
  // School B's havo-2 lesson is not in it.
  assert.deepEqual(g11(agg.json).cells, {
    'groep-5': { schools: 1, schools_given: 1, schools_teaching: 1, share: 1 },
    'groep-6': { schools: 1, schools_given: 1, schools_teaching: 1, share: 1 },
  });
  assert.equal((await call('inspector', 'GET', `/api/v1/schools/${F.schools.A}/coverage`)).status, 200);
  assert.equal((await call('inspector', 'GET', `/api/v1/plans/${F.planA}/coverage`)).status, 200);
  assertProblem(assert, await call('inspector', 'GET', `/api/v1/schools/${F.schools.B}/coverage`), 404);
  assertProblem(assert, await call('inspector', 'GET', `/api/v1/plans/${F.planB}/coverage`), 404);
  assertProblem(assert, await call('inspector', 'GET', `${AGG}&school=${F.schools.B}`), 404);
  const drill = await call('inspector', 'GET', `${AGG}&school=${F.schools.A}`);
  assert.equal(drill.status, 200);
  assert.equal(drill.json.scope.school.id, F.schools.A);
  // Filtering on B's type gives nothing rather than B.
  const vo = await call('inspector', 'GET', `${AGG}&type=VO`);
  assert.equal(vo.json.scope.schools, 0);
  assert.equal(g11(vo.json).schools, 0);
});

test('inspector scoped to a region sees the schools of that region', async () => {
  const c = await db();
  try {
    await c.query(`UPDATE inspector_scope SET school_id = NULL, region = 'zuid'
      WHERE user_id = (SELECT id FROM app_user WHERE email = 'inspector@demo.leerlijn.example')`);
    const agg = await call('inspector', 'GET', AGG);
    const { rows: [{ n }] } = await c.query("SELECT count(*)::int AS n FROM school WHERE region = 'zuid'");
    assert.equal(agg.json.scope.schools, n);
    assert.deepEqual(Object.keys(g11(agg.json).cells), ['havo-2']);
    assertProblem(assert, await call('inspector', 'GET', `/api/v1/schools/${F.schools.A}/coverage`), 404);
  } finally {
    await c.query(`UPDATE inspector_scope SET school_id = $1, region = NULL
      WHERE user_id = (SELECT id FROM app_user WHERE email = 'inspector@demo.leerlijn.example')`, [F.schools.A]);
    await c.end();
  }
});

test('coordinator and teacher: only their own school', async () => {
  for (const who of ['coordinator/A', 'teacher/A']) {
    assert.equal((await call(who, 'GET', `/api/v1/schools/${F.schools.A}/coverage`)).status, 200, who);
    assert.equal((await call(who, 'GET', `/api/v1/plans/${F.planA}/coverage`)).status, 200, who);
    assertProblem(assert, await call(who, 'GET', `/api/v1/schools/${F.schools.B}/coverage`), 404);
    assertProblem(assert, await call(who, 'GET', `/api/v1/plans/${F.planB}/coverage?format=csv`), 404);
    assertProblem(assert, await call(who, 'GET', `${AGG}&school=${F.schools.B}`), 404);
    const agg = await call(who, 'GET', AGG);
    assert.equal(agg.status, 200);
    assert.equal(agg.json.scope.schools, 1, who);
    assert.deepEqual(Object.keys(g11(agg.json).cells).sort(), ['groep-5', 'groep-6'], who);
  }
  const b = await call('coordinator/B', 'GET', AGG);
  assert.equal(b.json.scope.schools, 1);
  assert.deepEqual(Object.keys(g11(b.json).cells), ['havo-2']);
  assertProblem(assert, await call('coordinator/B', 'GET', `/api/v1/plans/${F.planA}/coverage`), 404);
});

test('admin: every school', async () => {
  const c = await db();
  const { rows: [{ n }] } = await c.query('SELECT count(*)::int AS n FROM school');
  await c.end();
  const agg = await call('admin', 'GET', AGG);
  assert.equal(agg.json.scope.schools, n);
  assert.deepEqual(Object.keys(g11(agg.json).cells).sort(), ['groep-5', 'groep-6', 'havo-2']);
  for (const id of [F.schools.A, F.schools.B]) {
    assert.equal((await call('admin', 'GET', `/api/v1/schools/${id}/coverage`)).status, 200);
  }
  assert.equal((await call('admin', 'GET', `/api/v1/plans/${F.planB}/coverage`)).status, 200);
});

test('curator: 403 on every coverage report; anonymous: 401', async () => {
  for (const path of [`/api/v1/schools/${F.schools.A}/coverage`, `/api/v1/plans/${F.planA}/coverage`, AGG]) {
    assertProblem(assert, await call('curator', 'GET', path), 403);
    const anon = await call(null, 'GET', path);
    assertProblem(assert, anon, 401);
  }
});
