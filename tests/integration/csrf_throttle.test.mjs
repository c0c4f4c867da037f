// CSRF protection of cookie-authenticated writes, and login throttling.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { api, assertProblem, db, demoEmail, demoSchools, loginWith, DEMO_PASSWORD } from './lib.mjs';
import { clearLoginFailures, newAccount, unique, dbFor } from './accounts_lib.mjs';

const S = demoSchools();

test('cookie writes need the session\'s X-CSRF-Token; Bearer writes and cookie reads do not', async (t) => {
  const login = await loginWith(demoEmail('admin'), DEMO_PASSWORD);
  const cookie = { cookie: `leerlijn_session=${login.json.token}` };
  const body = JSON.stringify({ municipality: 'Groningen' });
  const patch = (headers) => api(`/api/v1/schools/${S.A}`, {
    method: 'PATCH', headers: { 'content-type': 'application/json', ...headers }, body,
  });
  assert.equal((await api(`/api/v1/schools/${S.A}`, { headers: cookie })).status, 200);

  const none = await patch(cookie);
  assertProblem(assert, none, 403);
  assert.match(none.json.detail, /CSRF/);
  assertProblem(assert, await patch({ ...cookie, 'x-csrf-token': 'A'.repeat(43) }), 403);
  // The CSRF token of another session does not fit this one.
  const other = await loginWith(demoEmail('admin'), DEMO_PASSWORD);
  assertProblem(assert, await patch({ ...cookie, 'x-csrf-token': other.json.csrf_token }), 403);
  // The session token itself is not the CSRF token.
  assertProblem(assert, await patch({ ...cookie, 'x-csrf-token': login.json.token }), 403);
  assert.equal((await patch({ ...cookie, 'x-csrf-token': login.json.csrf_token })).status, 200);
  assert.equal((await patch({ authorization: `Bearer ${login.json.token}` })).status, 200);

  // Logging in again with the cookie set needs no CSRF token (public).
  const again = await api('/api/v1/session', {
    method: 'POST', headers: { 'content-type': 'application/json', ...cookie },
    body: JSON.stringify({ email: demoEmail('teacher', 'A'), password: DEMO_PASSWORD }),
  });
  assert.equal(again.status, 201);
  assert.equal(again.json.user.email, demoEmail('teacher', 'A'));

  // Logging out by cookie is a write too.
  const out = (headers) => api('/api/v1/session', { method: 'DELETE', headers });
  assertProblem(assert, await out(cookie), 403);
  assert.equal((await api('/api/v1/me', { headers: cookie })).status, 200);
  assert.equal((await out({ ...cookie, 'x-csrf-token': login.json.csrf_token })).status, 204);
  // A dead cookie is forgotten: anonymous, and the browser is told to drop it.
  const after = await api('/api/v1/levels', { headers: cookie });
  assert.equal(after.status, 200);
  assert.match(after.headers.get('set-cookie'), /^leerlijn_session=; .*Max-Age=0/);
  assertProblem(assert, await api('/api/v1/me', { headers: cookie }), 401);
});

test('failed logins are throttled per account (429 + Retry-After), kept in PostgreSQL', async (t) => {
  await clearLoginFailures();
  const acc = await newAccount();
  for (let i = 0; i < 5; i++) {
    assertProblem(assert, await loginWith(acc.email, `fout wachtwoord ${i}`), 401);
  }
  // Now even the right password waits.
  const refused = await loginWith(acc.email, acc.password);
  assertProblem(assert, refused, 429);
  const wait = Number(refused.headers.get('retry-after'));
  assert.ok(wait > 0 && wait <= 15 * 60, `Retry-After ${wait}`);
  // The same holds for the same address in any letter case.
  assertProblem(assert, await loginWith(acc.email.toUpperCase(), acc.password), 429);
  const c = await dbFor(t);
  const n = await c.query('SELECT count(*)::int AS n FROM login_failure WHERE email = $1', [acc.email]);
  assert.equal(n.rows[0].n, 5);
  // Unknown accounts are throttled just the same (no way to tell them apart).
  const ghost = `ghost-${unique()}@tests.example`;
  for (let i = 0; i < 5; i++) assertProblem(assert, await loginWith(ghost, 'x'.repeat(12)), 401);
  assertProblem(assert, await loginWith(ghost, 'x'.repeat(12)), 429);
  // Once the window has passed, the account may try again.
  await c.query(`UPDATE login_failure SET at = at - interval '16 minutes' WHERE email = $1`, [acc.email]);
  assert.equal((await loginWith(acc.email, acc.password)).status, 201);
  // A successful login forgets the account's failures.
  const left = await c.query('SELECT count(*)::int AS n FROM login_failure WHERE email = $1', [acc.email]);
  assert.equal(left.rows[0].n, 0);
  await c.end();
  await clearLoginFailures();
});

test('failed logins are throttled per client address too', async (t) => {
  await clearLoginFailures();
  for (let i = 0; i < 20; i++) {
    assertProblem(assert, await loginWith(`spray-${i}-${unique()}@tests.example`, 'x'.repeat(12)), 401);
  }
  const refused = await loginWith(demoEmail('curator'), DEMO_PASSWORD);
  assertProblem(assert, refused, 429);
  assert.ok(Number(refused.headers.get('retry-after')) > 0);
  const c = await dbFor(t);
  const rows = await c.query(`SELECT DISTINCT host(address) AS a FROM login_failure`);
  assert.deepEqual(rows.rows.map((r) => r.a), ['127.0.0.1']);
  await c.end();
  await clearLoginFailures();
  assert.equal((await loginWith(demoEmail('curator'), DEMO_PASSWORD)).status, 201);
});

test('a login takes as long for an unknown account as for a wrong password', async (t) => {
  const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const known = [];
  const unknown = [];
  for (let i = 0; i < 7; i++) {
    await clearLoginFailures();
    let t = performance.now();
    await loginWith(demoEmail('teacher', 'A'), 'verkeerd wachtwoord');
    known.push(performance.now() - t);
    t = performance.now();
    await loginWith(`niemand-${i}@tests.example`, 'verkeerd wachtwoord');
    unknown.push(performance.now() - t);
  }
  await clearLoginFailures();
  const k = median(known);
  const u = median(unknown);
  // Both verify one argon2id hash (tens of milliseconds); without the
  // dummy hash the unknown account would answer in about a millisecond.
  assert.ok(u > 0.5 * k && u < 2 * k, `known ${k.toFixed(1)} ms, unknown ${u.toFixed(1)} ms`);
  assert.ok(u > 10, `unknown ${u.toFixed(1)} ms`);
});
