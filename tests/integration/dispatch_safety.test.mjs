// The dispatcher's safety net and handlers that must always answer: a
// handler that meets an answer of the database it does not expect still
// replies (a 500 problem document, logged) and changes nothing.  The
// database answers are made up by replacing one SQL function for the
// duration of a test and restoring its definition afterwards (the tests
// run one file at a time).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { api, assertProblem, curatorHeaders, db, login } from './lib.mjs';
import { call, cleanup, fixtures, newPlan } from './plans_lib.mjs';
import { postPackage, samplePackage, snapshot } from './case_lib.mjs';

let F;
before(async () => {
  F = await fixtures();
});
after(cleanup);

// Run fn while the SQL function signature answers with body (SQL of the
// same result type); its own definition is restored afterwards.
async function withFunction(signature, body, fn) {
  const c = await db();
  const { rows } = await c.query('SELECT pg_get_functiondef($1::regprocedure) AS def', [signature]);
  const { rows: [{ result }] } = await c.query(
    'SELECT pg_get_function_result($1::regprocedure) AS result', [signature]);
  const args = (await c.query(
    'SELECT pg_get_function_arguments($1::regprocedure) AS a', [signature])).rows[0].a;
  const name = signature.slice(0, signature.indexOf('('));
  try {
    await c.query(`CREATE OR REPLACE FUNCTION ${name}(${args}) RETURNS ${result}
      LANGUAGE sql AS $fake$ ${body} $fake$`);
    return await fn();
  } finally {
    await c.query(rows[0].def);
    await c.end();
  }
}

// A request that gets no answer at all fails here rather than hanging.
async function within(promise, ms = 5000) {
  let timer;
  const late = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}

async function logSince(offset) {
  await new Promise((r) => setTimeout(r, 200));
  const log = await readFile(process.env.LEERLIJN_KORE_LOG, 'utf8');
  return log.slice(offset);
}

async function logLength() {
  return (await readFile(process.env.LEERLIJN_KORE_LOG, 'utf8')).length;
}

test('a calendar feed whose document names no plan gets a 500 problem document, not silence', async () => {
  const coordinator = await login('coordinator', 'A');
  const plan = await newPlan(coordinator.headers, F.schools.A, 'feed zonder jaarplan');
  const made = await call(coordinator.headers, 'POST', `/api/v1/plans/${plan.id}/feeds`);
  assert.equal(made.status, 201);
  const path = new URL(made.json.url).pathname;
  assert.equal((await api(path)).status, 200);

  const from = await logLength();
  const res = await withFunction('plan_feed_open(bytea)',
    "SELECT jsonb_build_object('teacher_id', NULL)", () => within(api(path)));
  assertProblem(assert, res, 500);
  assert.match(await logSince(from), /calendar feed without a plan/);
  // The feed works again once the database answers as it should.
  assert.equal((await api(path)).status, 200);
});

test('a CASE import that the database answers without a status is a 500 and changes nothing', async () => {
  const headers = await curatorHeaders();
  const { pkg } = samplePackage();
  const c = await db();
  try {
    const before = await snapshot(c);
    const res = await withFunction('case_import(text, jsonb)', "SELECT '{}'::jsonb",
      () => within(postPackage(pkg, headers)));
    assertProblem(assert, res, 500);
    assert.deepEqual(await snapshot(c), before, 'nothing changed');
    // An answer that is not a refusal either: still a 500.
    const odd = await withFunction('case_import(text, jsonb)',
      `SELECT '{"status": "maybe", "errors": [{"field": "x"}]}'::jsonb`,
      () => within(postPackage(pkg, headers)));
    assertProblem(assert, odd, 500);
    assert.deepEqual(await snapshot(c), before, 'nothing changed');
  } finally {
    await c.end();
  }
});
