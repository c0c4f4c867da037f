// User management, invitations, passwords and session lifetime.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { api, assertProblem, db, demoSchools, login, loginWith } from './lib.mjs';
import { asAdmin, call, invitationToken, clearLoginFailures, newAccount, sessionOf, unique, dbFor } from './accounts_lib.mjs';

const S = demoSchools();

test('an invited account chooses a password and can log in; the invitation works once', async (t) => {
  const email = `inv-${unique()}@tests.example`;
  const made = await asAdmin('/api/v1/users', 'POST', {
    email: email.toUpperCase(), display_name: 'Uitgenodigd', roles: ['curator'],
  });
  assert.equal(made.status, 201);
  assert.equal(made.headers.get('location'), `/api/v1/users/${made.json.user.id}`);
  assert.equal(made.json.user.email, email); // stored in lower case
  assert.equal(made.json.user.has_password, false);
  assert.deepEqual(made.json.user.roles, ['curator']);
  // No password yet: logging in fails like any wrong password.
  assertProblem(assert, await loginWith(email, 'wat dan ook maar'), 401);

  const accept = (password) => api('/api/v1/invitation', {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token: made.json.invitation.token, password }),
  });
  const short = await accept('kort');
  assertProblem(assert, short, 422);
  assert.equal(short.json.errors[0].field, 'password');
  const common = await accept('1q2w3e4r5t6y');
  assertProblem(assert, common, 422);
  assert.match(common.json.detail, /veelgebruikte/);
  const ok = await accept('mijn eigen lange wachtwoord');
  assert.equal(ok.status, 200);
  assert.equal(ok.json.has_password, true);
  assertProblem(assert, await accept('nog een ander wachtwoord'), 422);
  assert.equal((await loginWith(email, 'mijn eigen lange wachtwoord')).status, 201);

  const c = await dbFor(t);
  const row = await c.query('SELECT password_hash FROM app_user WHERE email = $1', [email]);
  assert.match(row.rows[0].password_hash, /^\$argon2id\$/);
  const inv = await c.query('SELECT count(*)::int AS n FROM invitation WHERE user_id = $1', [made.json.user.id]);
  assert.equal(inv.rows[0].n, 0);
  await c.end();
  await clearLoginFailures();
});

test('a password is any text: spaces at either end are part of it', async () => {
  const pw = '  spaties horen erbij  ';
  const acc = await newAccount({}, pw);
  assert.equal((await loginWith(acc.email, pw)).status, 201);
  assertProblem(assert, await loginWith(acc.email, pw.trim()), 401);
  for (const body of [{ email: acc.email, password: 12345678901 }, { email: acc.email }, { email: acc.email, password: '' }]) {
    const res = await api('/api/v1/session', {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body),
    });
    assertProblem(assert, res, 422);
    assert.equal(res.json.errors[0].field, 'password');
  }
  await clearLoginFailures();
});

test('bad user bodies change nothing', async (t) => {
  const c = await dbFor(t);
  const before = (await c.query('SELECT count(*)::int AS n FROM app_user')).rows[0].n;
  const cases = [
    [{ email: 'geen-adres', display_name: 'X' }, 422, 'email'],
    [{ email: `x-${unique()}@tests.example` }, 422, 'display_name'],
    [{ email: `x-${unique()}@tests.example`, display_name: 'X', roles: ['root'] }, 422, 'roles'],
    [{ email: `x-${unique()}@tests.example`, display_name: 'X', memberships: [{ school_id: 'nope', role: 'teacher' }] }, 422, 'memberships'],
    [{ email: `x-${unique()}@tests.example`, display_name: 'X', memberships: [{ school_id: '00000000-0000-4000-a000-0000000000ff', role: 'teacher' }] }, 422, 'memberships'],
    [{ email: `x-${unique()}@tests.example`, display_name: 'X', inspector_regions: ['west'] }, 422, 'inspector_regions'],
    [{ email: `x-${unique()}@tests.example`, display_name: 'X', password_hash: '$argon2id$x' }, 422, 'password_hash'],
    [{ email: 'admin@demo.leerlijn.example', display_name: 'Dubbel' }, 409, 'email'],
  ];
  for (const [body, status, field] of cases) {
    const res = await asAdmin('/api/v1/users', 'POST', body);
    assertProblem(assert, res, status);
    assert.ok(res.json.errors.some((e) => e.field === field), `${JSON.stringify(body)}: ${res.text}`);
  }
  const after = (await c.query('SELECT count(*)::int AS n FROM app_user')).rows[0].n;
  assert.equal(after, before);
  await c.end();
});

test('admins manage roles, memberships and inspector scope; disabling ends sessions', async (t) => {
  const acc = await newAccount();
  let s = await sessionOf(acc);
  assert.deepEqual((await call(s, '/api/v1/schools')).json.items, []);

  // An inspector of region zuid sees school B, not A.
  let res = await asAdmin(`/api/v1/users/${acc.id}`, 'PATCH', {
    roles: ['inspector'], inspector_regions: ['zuid'],
  });
  assert.equal(res.status, 200, res.text);
  assert.deepEqual(res.json.inspector_scope, { all_schools: false, schools: [], regions: ['zuid'] });
  assert.equal((await call(s, `/api/v1/schools/${S.B}`)).status, 200);
  assert.equal((await call(s, `/api/v1/schools/${S.A}`)).status, 404);
  assert.equal((await call(s, '/api/v1/audit')).status, 200);

  // Now a coordinator of A instead.
  res = await asAdmin(`/api/v1/users/${acc.id}`, 'PATCH', {
    roles: [], inspector_regions: [], memberships: [{ school_id: S.A, role: 'coordinator' }],
  });
  assert.equal(res.status, 200);
  assert.deepEqual(res.json.roles, ['coordinator']);
  assert.equal((await call(s, `/api/v1/schools/${S.A}/members`)).status, 200);
  assert.equal((await call(s, `/api/v1/schools/${S.B}`)).status, 404);
  assert.equal((await call(s, '/api/v1/audit')).status, 403);

  res = await asAdmin(`/api/v1/users/${acc.id}`, 'PATCH', { disabled: true });
  assert.equal(res.status, 200);
  assertProblem(assert, await call(s, '/api/v1/me'), 401);
  assertProblem(assert, await loginWith(acc.email, acc.password), 401);
  res = await asAdmin(`/api/v1/users/${acc.id}`, 'PATCH', { disabled: false });
  s = await sessionOf(acc);
  assert.equal((await call(s, '/api/v1/me')).status, 200);

  res = await asAdmin(`/api/v1/users/${acc.id}`, 'DELETE');
  assert.equal(res.status, 204);
  assertProblem(assert, await call(s, '/api/v1/me'), 401);
  assertProblem(assert, await asAdmin(`/api/v1/users/${acc.id}`), 404);
  assertProblem(assert, await asAdmin(`/api/v1/users/${acc.id}`, 'DELETE'), 404);
  await clearLoginFailures();
});

test('an admin cannot lock itself out', async (t) => {
  const admin = await newAccount({ roles: ['admin'] });
  const s = await sessionOf(admin);
  for (const body of [{ disabled: true }, { roles: ['curator'] }]) {
    const res = await call(s, `/api/v1/users/${admin.id}`, 'PATCH', body);
    assertProblem(assert, res, 422);
  }
  assertProblem(assert, await call(s, `/api/v1/users/${admin.id}`, 'DELETE'), 422);
  assert.equal((await call(s, '/api/v1/me')).status, 200);
});

test('users are listed and filtered by the admin', async (t) => {
  let res = await asAdmin(`/api/v1/users?school=${S.A}&role=teacher&limit=100`);
  assert.equal(res.status, 200);
  const emails = res.json.items.map((u) => u.email);
  assert.ok(emails.includes('teacher-a@demo.leerlijn.example'));
  assert.ok(emails.includes('teacher2-a@demo.leerlijn.example'));
  assert.ok(!emails.includes('teacher-b@demo.leerlijn.example'));
  assert.equal(res.json.total, res.json.items.length);
  res = await asAdmin('/api/v1/users?q=INSPECTEUR');
  assert.deepEqual(res.json.items.map((u) => u.email), ['inspector@demo.leerlijn.example']);
  for (const q of ['role=root', 'school=nope', 'limit=0', 'colour=red']) {
    assertProblem(assert, await asAdmin(`/api/v1/users?${q}`), 400);
  }
});

test('a coordinator invites a teacher of the own school, who logs in, and removes them', async (t) => {
  const coord = await login('coordinator', 'A');
  const email = `leerkracht-${unique()}@tests.example`;
  const res = await call(coord, `/api/v1/schools/${S.A}/teachers`, 'POST', {
    email, display_name: 'Nieuwe leerkracht',
  });
  assert.equal(res.status, 201, res.text);
  assert.equal(res.json.role, 'teacher');
  // The coordinator never sees the token: it goes to the address.
  assert.equal(res.json.status, 'invited');
  assert.doesNotMatch(res.text, /[A-Za-z0-9_-]{43}/);
  const token = await invitationToken(res.json.id);
  assert.match(token, /^[A-Za-z0-9_-]{43}$/);
  const accepted = await api('/api/v1/invitation', {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token, password: 'lessen geven is leuk' }),
  });
  assert.equal(accepted.status, 200);
  const teacher = await sessionOf({ email, password: 'lessen geven is leuk' });
  assert.equal((await call(teacher, `/api/v1/schools/${S.A}`)).status, 200);
  assert.deepEqual(teacher.user.memberships.map((m) => [m.school_id, m.role]), [[S.A, 'teacher']]);

  // Adding the same person again is refused; so is an existing teacher of A.
  const again = await call(coord, `/api/v1/schools/${S.A}/teachers`, 'POST', { email, display_name: 'Nog eens' });
  assertProblem(assert, again, 422);
  // An existing account (teacher of B) gets an invitation, not a membership.
  const both = await call(coord, `/api/v1/schools/${S.A}/teachers`, 'POST', {
    email: 'teacher-b@demo.leerlijn.example', display_name: 'Leerkracht B',
  });
  assert.equal(both.status, 201);
  assert.equal(both.json.status, 'invited');
  assert.equal(both.json.user_id, undefined);
  const pending = await call(coord, `/api/v1/schools/${S.A}/members`);
  assert.ok(!pending.json.items.some((m) => m.email === 'teacher-b@demo.leerlijn.example'));
  assert.equal((await call(coord, `/api/v1/schools/${S.A}/invitations/${both.json.id}`, 'DELETE')).status, 204);

  const members = await call(coord, `/api/v1/schools/${S.A}/members`);
  assert.ok(members.json.items.some((m) => m.email === email && m.role === 'teacher'));
  const gone = await call(coord, `/api/v1/schools/${S.A}/teachers/${teacher.user.id}`, 'DELETE');
  assert.equal(gone.status, 204);
  // Without any role left, school pages are refused (403, whatever the school).
  assert.equal((await call(teacher, `/api/v1/schools/${S.A}`)).status, 403);
  assert.equal((await call(teacher, '/api/v1/me')).status, 200);
  assertProblem(assert, await call(coord, `/api/v1/schools/${S.A}/teachers/${teacher.user.id}`, 'DELETE'), 404);
  // The coordinator cannot remove the other coordinator-level people this way.
  assertProblem(assert, await call(coord, `/api/v1/schools/${S.A}/teachers/${coord.user_id}`, 'DELETE'), 404);
});

test('changing one\'s own password ends the other sessions, not this one', async (t) => {
  const acc = await newAccount();
  const s1 = await sessionOf(acc);
  const s2 = await sessionOf(acc);
  let res = await call(s1, '/api/v1/me/password', 'PUT', {
    current_password: 'fout fout fout', new_password: 'een heel nieuw wachtwoord',
  });
  assertProblem(assert, res, 422);
  assert.equal(res.json.errors[0].field, 'current_password');
  res = await call(s1, '/api/v1/me/password', 'PUT', {
    current_password: acc.password, new_password: 'qwertyuiop',
  });
  assertProblem(assert, res, 422);
  assert.equal(res.json.errors[0].field, 'new_password');
  res = await call(s1, '/api/v1/me/password', 'PUT', {
    current_password: acc.password, new_password: 'een heel nieuw wachtwoord',
  });
  assert.equal(res.status, 204);
  assert.equal((await call(s1, '/api/v1/me')).status, 200);
  assertProblem(assert, await call(s2, '/api/v1/me'), 401);
  assertProblem(assert, await loginWith(acc.email, acc.password), 401);
  assert.equal((await loginWith(acc.email, 'een heel nieuw wachtwoord')).status, 201);
  await clearLoginFailures();
});

test('an admin issues a new invitation (password reset)', async (t) => {
  const acc = await newAccount();
  const res = await asAdmin(`/api/v1/users/${acc.id}/invitation`, 'POST');
  assert.equal(res.status, 201);
  const ok = await api('/api/v1/invitation', {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token: res.json.token, password: 'opnieuw gekozen wachtwoord' }),
  });
  assert.equal(ok.status, 200);
  assert.equal((await loginWith(acc.email, 'opnieuw gekozen wachtwoord')).status, 201);
});

test('sessions end after the idle timeout and at their expiry', async (t) => {
  const acc = await newAccount();
  const idle = await sessionOf(acc);
  const old = await sessionOf(acc);
  const c = await dbFor(t);
  const { createHash } = await import('node:crypto');
  const h = (t) => createHash('sha256').update(t).digest();
  await c.query(`UPDATE user_session SET last_seen = now() - interval '31 minutes' WHERE token_hash = $1`, [h(idle.token)]);
  await c.query(`UPDATE user_session SET expires_at = now() - interval '1 second' WHERE token_hash = $1`, [h(old.token)]);
  assertProblem(assert, await call(idle, '/api/v1/me'), 401);
  assertProblem(assert, await call(old, '/api/v1/me'), 401);
  // A session in use moves its last_seen forward.
  const live = await sessionOf(acc);
  await c.query(`UPDATE user_session SET last_seen = now() - interval '10 minutes' WHERE token_hash = $1`, [h(live.token)]);
  assert.equal((await call(live, '/api/v1/me')).status, 200);
  const seen = await c.query(`SELECT now() - last_seen < interval '1 minute' AS fresh FROM user_session WHERE token_hash = $1`, [h(live.token)]);
  assert.equal(seen.rows[0].fresh, true);
  await c.end();
});

test('schools: admins create and edit them, with checks and versions', async (t) => {
  const brin = `9${Math.floor(Math.random() * 10)}${unique().slice(0, 2).toUpperCase()}`;
  let res = await asAdmin('/api/v1/schools', 'POST', {
    brin, vestiging: '01', name: 'Testschool', type: 'VO', municipality: 'Utrecht',
    region: 'midden', first_level: 'havo-1', last_level: 'havo-5',
  });
  assert.equal(res.status, 201, res.text);
  const id = res.json.id;
  assert.equal(res.headers.get('location'), `/api/v1/schools/${id}`);
  assert.equal(res.headers.get('etag'), '"1"');
  res = await asAdmin(`/api/v1/schools/${id}`, 'PATCH', { name: 'Testschool (nieuw)' });
  assert.equal(res.status, 200);
  assert.equal(res.json.version, 2);
  res = await asAdmin(`/api/v1/schools/${id}`, 'PATCH', { name: 'Testschool (nieuw)' });
  assert.equal(res.json.version, 2); // no real change, no new version
  const { headers } = await login('admin');
  const stale = await api(`/api/v1/schools/${id}`, {
    method: 'PATCH', headers: { ...headers, 'content-type': 'application/json', 'if-match': '"1"' },
    body: JSON.stringify({ name: 'Te laat' }),
  });
  assertProblem(assert, stale, 412);
  const bad = [
    [{ brin: 'ab12', name: 'X', type: 'PO', region: 'noord' }, 422, 'brin'],
    [{ brin, vestiging: '01', name: 'X', type: 'PO', region: 'noord' }, 409, 'brin'],
    [{ brin: '98ZZ', name: 'X', type: 'HBO', region: 'noord' }, 422, 'type'],
    [{ brin: '98ZZ', name: 'X', type: 'PO', region: 'west' }, 422, 'region'],
    [{ brin: '98ZZ', name: 'X', type: 'PO', region: 'noord', first_level: 'groep-9' }, 422, 'first_level'],
    [{ brin: '98ZZ', name: 'X', type: 'PO', region: 'noord', first_level: 'groep-8', last_level: 'groep-1' }, 422, 'last_level'],
    [{ brin: '98ZZ', name: 'X', type: 'PO', region: 'noord', id: 'x' }, 422, 'id'],
  ];
  for (const [body, status, field] of bad) {
    const r = await asAdmin('/api/v1/schools', 'POST', body);
    assertProblem(assert, r, status);
    assert.ok(r.json.errors?.some((e) => e.field === field), r.text);
  }
  const c = await dbFor(t);
  assert.equal((await c.query(`SELECT count(*)::int AS n FROM school WHERE brin = '98ZZ'`)).rows[0].n, 0);
  await c.end();
  // Lists: region filter and paging.
  res = await asAdmin('/api/v1/schools?region=zuid&limit=1');
  assert.equal(res.status, 200);
  assert.ok(res.json.items.every((s) => s.region === 'zuid'));
  assert.equal(res.json.limit, 1);
  assertProblem(assert, await asAdmin('/api/v1/schools?region=west'), 400);
});
