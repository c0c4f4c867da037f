// Logging in and out, GET /api/v1/me, and what the database keeps of it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readFile } from 'node:fs/promises';
import {
  api, assertProblem, db, demoEmail, demoSchools, login, loginWith,
  DEMO_PASSWORD,
} from './lib.mjs';

test('a demo user logs in and gets a Bearer token, a cookie and a CSRF token', async () => {
  const res = await loginWith(demoEmail('coordinator', 'A'), DEMO_PASSWORD);
  assert.equal(res.status, 201);
  assert.equal(res.json.token_type, 'Bearer');
  assert.match(res.json.token, /^[A-Za-z0-9_-]{43}$/);
  assert.match(res.json.csrf_token, /^[A-Za-z0-9_-]{43}$/);
  assert.notEqual(res.json.csrf_token, res.json.token);
  assert.equal(res.json.user.email, demoEmail('coordinator', 'A'));
  assert.deepEqual(res.json.user.roles, ['coordinator']);
  assert.equal(res.json.user.memberships[0].school_id, demoSchools().A);
  assert.ok(Date.parse(res.json.expires_at) > Date.now());
  const cookie = res.headers.get('set-cookie');
  assert.match(cookie, new RegExp(`^leerlijn_session=${res.json.token};`));
  assert.match(cookie, /HttpOnly/);
  assert.match(cookie, /SameSite=Strict/);
  assert.doesNotMatch(cookie, /Secure/); // the test API runs on plain http
  assert.match(cookie, /Max-Age=43200/);
  assert.equal(res.json.lifetime_seconds, 43200);
  assert.equal(res.json.idle_timeout_seconds, 1800);

  const me = await api('/api/v1/me', {
    headers: { authorization: `Bearer ${res.json.token}` },
  });
  assert.equal(me.status, 200);
  assert.equal(me.json.id, res.json.user.id);
  assert.equal(me.json.csrf_token, undefined); // Bearer clients need none
});

test('the cookie authenticates too, and /me hands the page its CSRF token', async () => {
  const res = await loginWith(demoEmail('teacher', 'A'), DEMO_PASSWORD);
  const me = await api('/api/v1/me', {
    headers: { cookie: `leerlijn_session=${res.json.token}` },
  });
  assert.equal(me.status, 200);
  assert.equal(me.json.email, demoEmail('teacher', 'A'));
  assert.equal(me.json.csrf_token, res.json.csrf_token);
});

test('wrong password, unknown account and malformed bodies are refused', async () => {
  const wrong = await loginWith(demoEmail('admin'), 'not-the-password');
  assertProblem(assert, wrong, 401);
  const unknown = await loginWith('nobody@demo.leerlijn.example', DEMO_PASSWORD);
  assertProblem(assert, unknown, 401);
  assert.equal(unknown.json.detail, wrong.json.detail);
  const extra = await api('/api/v1/session', {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: demoEmail('admin'), password: DEMO_PASSWORD, remember: true }),
  });
  assertProblem(assert, extra, 422);
  const bad = await api('/api/v1/session', {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"email":',
  });
  assertProblem(assert, bad, 400);
  const c = await db();
  await c.query('DELETE FROM login_failure');
  await c.end();
});

test('GET /me without a session is 401 with WWW-Authenticate; a bad token too', async () => {
  const anon = await api('/api/v1/me');
  assertProblem(assert, anon, 401);
  assert.match(anon.headers.get('www-authenticate'), /^Bearer/);
  const bad = await api('/api/v1/me', { headers: { authorization: 'Bearer ' + 'x'.repeat(43) } });
  assertProblem(assert, bad, 401);
  const basic = await api('/api/v1/me', { headers: { authorization: 'Basic YTpi' } });
  assertProblem(assert, basic, 401);
  // On public routes a stale token is no obstacle: reading, logging in.
  const stale = { authorization: `Bearer ${'x'.repeat(43)}` };
  assert.equal((await api('/api/v1/levels', { headers: stale })).status, 200);
  assert.equal((await loginWith(demoEmail('teacher', 'A'), DEMO_PASSWORD, stale)).status, 201);
});

test('stored password hashes are argon2id and no token is stored in clear', async () => {
  const s = await login('inspector');
  const c = await db();
  const users = await c.query('SELECT password_hash FROM app_user WHERE password_hash IS NOT NULL');
  assert.ok(users.rows.length >= 8);
  for (const u of users.rows) assert.match(u.password_hash, /^\$argon2id\$v=19\$m=65536,t=2,p=1\$/);
  const mine = await c.query(
    `SELECT encode(token_hash, 'hex') AS h FROM user_session WHERE user_id = $1`, [s.user_id]);
  assert.ok(mine.rows.length >= 1);
  const { createHash } = await import('node:crypto');
  const expected = createHash('sha256').update(s.token).digest('hex');
  assert.ok(mine.rows.some((r) => r.h === expected));
  // The token itself appears nowhere in the sessions, the audit log or failures.
  const leak = await c.query(
    `SELECT (SELECT count(*) FROM user_session WHERE position($1 in encode(token_hash, 'escape')) > 0
              OR position($1 in encode(token_hash, 'hex')) > 0)
          + (SELECT count(*) FROM audit_log WHERE position($1 in change::text) > 0) AS n`, [s.token]);
  assert.equal(Number(leak.rows[0].n), 0);
  await c.end();
});

test('logout ends the session: the token no longer works', async () => {
  const res = await loginWith(demoEmail('teacher', 'B'), DEMO_PASSWORD);
  const h = { authorization: `Bearer ${res.json.token}` };
  const out = await api('/api/v1/session', { method: 'DELETE', headers: h });
  assert.equal(out.status, 204);
  assert.match(out.headers.get('set-cookie'), /^leerlijn_session=; .*Max-Age=0/);
  const after = await api('/api/v1/me', { headers: h });
  assertProblem(assert, after, 401);
});

test('neither passwords nor tokens reach the API log', async () => {
  const wrong = 'geheim-fout-wachtwoord-42';
  assertProblem(assert, await loginWith(demoEmail('curator'), wrong), 401);
  const res = await loginWith(demoEmail('curator'), DEMO_PASSWORD);
  assert.equal(res.status, 201);
  const h = { authorization: `Bearer ${res.json.token}` };
  assert.equal((await api('/api/v1/me', { headers: h })).status, 200);
  assertProblem(assert, await api('/api/v1/me', { headers: { authorization: `Bearer ${'Z'.repeat(43)}` } }), 401);
  await new Promise((r) => setTimeout(r, 200));
  const log = await readFile(process.env.LEERLIJN_KORE_LOG, 'utf8');
  assert.ok(log.includes('failed login from 127.0.0.1'), 'the log has the failed login');
  for (const secret of [wrong, DEMO_PASSWORD, res.json.token, res.json.csrf_token, 'Z'.repeat(43)]) {
    assert.ok(!log.includes(secret), 'a secret in the log');
  }
  const c = await db();
  await c.query('DELETE FROM login_failure');
  await c.end();
});
