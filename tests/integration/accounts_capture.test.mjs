// Accounts that no school can capture (issue 16: M1, M2, L4, L5).
//
// An account belongs to whoever reads its address's mail: invitations go
// by SMTP to the address (a real SMTP server on loopback here), never to
// the coordinator who invited.  Adding an address to a school makes a
// pending membership that the account holder accepts; the answer is the
// same for a known and an unknown address.  A new password ends every
// session; the password may not be (or contain) the address; failed
// logins slow an account down but never lock its owner out.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { api, assertProblem, db, demoSchools, login, loginWith } from './lib.mjs';
import { asAdmin, call, clearLoginFailures, dbFor, newAccount, sessionOf, unique } from './accounts_lib.mjs';
import { mailSink, startKore, tokenOf } from './mail_lib.mjs';

const S = demoSchools();
let sink;
let mailer;

// A request against the kore that sends mail.
const at = (path, { method = 'GET', headers = {}, body } = {}) => fetch(mailer.base + path, {
  method,
  headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
  body: body === undefined ? undefined : JSON.stringify(body),
}).then(async (res) => {
  const text = await res.text();
  return { status: res.status, text, json: text && /json/.test(res.headers.get('content-type') ?? '') ? JSON.parse(text) : undefined };
});

const accept = (token, password) => api('/api/v1/invitation', {
  method: 'POST', headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ token, password }),
});

before(async () => {
  sink = await mailSink();
  mailer = await startKore({ LEERLIJN_SMTP_URL: `smtp://127.0.0.1:${sink.port}`, LEERLIJN_MAIL_FROM: 'leerlijn@school.example' });
});

after(async () => {
  await mailer?.stop();
  await sink?.close();
  const c = await db();
  try {
    await c.query("SELECT set_config('leerlijn.audit', 'off', false)");
    await c.query("DELETE FROM app_user WHERE email LIKE '%@capture.example'");
  } finally {
    await c.end();
  }
});

test('M1: a coordinator who adds an address never gets its token; the owner of the address does, by e-mail', async () => {
  const coordA = await login('coordinator', 'A');
  const victim = `slachtoffer-${unique()}@capture.example`;
  const res = await at(`/api/v1/schools/${S.A}/teachers`, { method: 'POST', headers: coordA.headers, body: { email: victim, display_name: 'Leerkracht B' } });
  assert.equal(res.status, 201, res.text);
  // No token anywhere in the answer, and nothing about the account.
  assert.equal(res.json.invitation, undefined);
  assert.doesNotMatch(res.text, /[A-Za-z0-9_-]{43}/);
  assert.equal(res.json.user_id, undefined);
  assert.equal(res.json.status, 'invited');

  // The mail reached the address, with a link that works once.
  const mail = await sink.waitFor(victim);
  assert.equal(mail.from, 'leerlijn@school.example');
  assert.match(mail.subject, /Uitnodiging als leerkracht van /);
  assert.match(mail.body, /Kies via deze link een wachtwoord/);
  const token = tokenOf(mail);
  // Until then the school has an invitation, not a member.
  const members = await call(coordA, `/api/v1/schools/${S.A}/members`);
  assert.ok(!members.json.items.some((m) => m.email === victim));
  assert.ok(members.json.invitations.some((i) => i.email === victim && i.display_name === 'Leerkracht B'));

  const password = `eigen wachtwoord ${unique()}`;
  const ok = await accept(token, password);
  assert.equal(ok.status, 200, ok.text);
  assert.ok(ok.json.memberships.some((m) => m.school_id === S.A && m.role === 'teacher'));
  assertProblem(assert, await accept(token, password), 422);
  assert.equal((await loginWith(victim, password)).status, 201);
});

test('M1: adding a known and an unknown address gives the same answer; a known account is never reused silently', async () => {
  const coordA = await login('coordinator', 'A');
  const known = await newAccount();
  const unknown = `nieuw-${unique()}@capture.example`;
  const a = await at(`/api/v1/schools/${S.A}/teachers`, { method: 'POST', headers: coordA.headers, body: { email: known.email, display_name: 'Bekend' } });
  const b = await at(`/api/v1/schools/${S.A}/teachers`, { method: 'POST', headers: coordA.headers, body: { email: unknown, display_name: 'Onbekend' } });
  assert.equal(a.status, 201, a.text);
  assert.equal(b.status, 201, b.text);
  assert.deepEqual(Object.keys(a.json).sort(), Object.keys(b.json).sort());
  for (const r of [a, b]) {
    assert.equal(r.json.user_id, undefined);
    assert.equal(r.json.status, 'invited');
  }
  // The known account is not a member until its holder accepts.
  const before = await sessionOf(known);
  assert.ok(!before.user.memberships.some((m) => m.school_id === S.A));
  const mail = await sink.waitFor(known.email);
  assert.match(mail.body, /Log in met je eigen account/);
  const token = tokenOf(mail);
  // Not with a (new) password, and not by anyone else who is logged in.
  assertProblem(assert, await accept(token, `overnemen ${unique()} nu`), 422);
  const other = await sessionOf(await newAccount());
  assertProblem(assert, await call(other, '/api/v1/me/memberships', 'POST', { token }), 422);
  // The holder, logged in, accepts.
  const ok = await call(before, '/api/v1/me/memberships', 'POST', { token });
  assert.equal(ok.status, 200, ok.text);
  assert.ok(ok.json.memberships.some((m) => m.school_id === S.A && m.role === 'teacher'));
  assert.equal((await loginWith(known.email, known.password)).status, 201, 'the password is unchanged');
});

test('M1: the takeover of the finding fails: school A cannot make an account that school B then reuses', async () => {
  const coordA = await login('coordinator', 'A');
  const coordB = await login('coordinator', 'B');
  const target = `leerkracht-${unique()}@capture.example`;
  // A "creates" the account: the answer has no token to set a password with.
  const made = await call(coordA, `/api/v1/schools/${S.A}/teachers`, 'POST', { email: target, display_name: 'Doelwit' });
  assert.equal(made.status, 201, made.text);
  assert.doesNotMatch(made.text, /[A-Za-z0-9_-]{43}/);
  assert.equal((await call(coordA, `/api/v1/schools/${S.A}/invitations/${made.json.id}`, 'DELETE')).status, 204);
  // B adds the same address: again an invitation, not a membership.
  const added = await call(coordB, `/api/v1/schools/${S.B}/teachers`, 'POST', { email: target, display_name: 'Leerkracht van B' });
  assert.equal(added.status, 201, added.text);
  const members = await call(coordB, `/api/v1/schools/${S.B}/members`);
  assert.ok(!members.json.items.some((m) => m.email === target));
  // Nobody has a password for the account, so nobody can log in.
  const c = await db();
  try {
    const { rows } = await c.query('SELECT password_hash FROM app_user WHERE email = $1', [target]);
    assert.equal(rows[0].password_hash, null);
  } finally {
    await c.end();
  }
});

test('without a mail relay only an admin sees a link: pending invitations and a new link for one', async () => {
  const coordA = await login('coordinator', 'A');
  const email = `zonder-relay-${unique()}@capture.example`;
  const made = await call(coordA, `/api/v1/schools/${S.A}/teachers`, 'POST', { email, display_name: 'Zonder relay' });
  assert.equal(made.status, 201, made.text);
  assert.doesNotMatch(made.text, /[A-Za-z0-9_-]{43}/);
  assertProblem(assert, await call(coordA, '/api/v1/invitations'), 403);
  const list = await asAdmin('/api/v1/invitations');
  assert.equal(list.status, 200);
  const inv = list.json.items.find((i) => i.email === email);
  assert.ok(inv);
  assert.equal(inv.school_id, S.A);
  assertProblem(assert, await call(coordA, `/api/v1/invitations/${inv.id}/link`, 'POST'), 403);
  const link = await asAdmin(`/api/v1/invitations/${inv.id}/link`, 'POST');
  assert.equal(link.status, 201, link.text);
  assert.equal(link.json.mailed, false);
  assert.ok(link.json.link.endsWith(`#/uitnodiging/${link.json.token}`));
  const ok = await accept(link.json.token, `het gekozen wachtwoord ${unique()}`);
  assert.equal(ok.status, 200, ok.text);
  assertProblem(assert, await asAdmin(`/api/v1/invitations/${inv.id}/link`, 'POST'), 404);
});

test('M2: a password chosen through a new invitation ends every session of the account', async () => {
  const acc = await newAccount();
  const s1 = await sessionOf(acc);
  const s2 = await sessionOf(acc);
  assert.equal((await call(s1, '/api/v1/me')).status, 200);
  const inv = await asAdmin(`/api/v1/users/${acc.id}/invitation`, 'POST');
  assert.equal(inv.status, 201);
  const password = `een nieuw wachtwoord ${unique()}`;
  assert.equal((await accept(inv.json.token, password)).status, 200);
  assertProblem(assert, await call(s1, '/api/v1/me'), 401);
  assertProblem(assert, await call(s2, '/api/v1/me'), 401);
  assert.equal((await loginWith(acc.email, password)).status, 201);
});

test('M2: the reset is mailed to the address when a relay is configured', async () => {
  const acc = await newAccount();
  const admin = await login('admin');
  const inv = await at(`/api/v1/users/${acc.id}/invitation`, { method: 'POST', headers: admin.headers });
  assert.equal(inv.status, 201, inv.text);
  const mail = await sink.waitFor(acc.email, { skip: 0 });
  assert.match(mail.subject, /Kies je wachtwoord/);
  assert.equal(tokenOf(mail), inv.json.token);
});

test('L4: the password may not be the e-mail address nor contain its local part', async () => {
  const email = `jan.jansen.${unique()}@capture.example`;
  const made = await asAdmin('/api/v1/users', 'POST', { email, display_name: 'Jan Jansen' });
  assert.equal(made.status, 201, made.text);
  const token = made.json.invitation.token;
  for (const pw of [email, email.toUpperCase(), `${email.split('@')[0]}-2026!!`]) {
    const res = await accept(token, pw);
    assertProblem(assert, res, 422);
    assert.equal(res.json.errors[0].field, 'password');
  }
  assert.equal((await accept(token, `iets heel anders ${unique()}`)).status, 200);
});

test('L5: failed logins from anywhere slow an account down but never lock its owner out', async (t) => {
  await clearLoginFailures();
  const acc = await newAccount();
  const c = await dbFor(t);
  // 200 failures from 200 addresses in the last quarter of an hour; the
  // last one a minute ago.
  await c.query(`INSERT INTO login_failure (email, address, at)
    SELECT $1, ('10.1.' || (i / 250) || '.' || (i % 250 + 1))::inet,
      now() - interval '60 seconds' - (i * interval '4 seconds')
    FROM generate_series(0, 199) AS i`, [acc.email]);
  let res = await loginWith(acc.email, acc.password);
  if (res.status === 429) {
    const wait = Number(res.headers.get('retry-after'));
    assert.ok(wait >= 1 && wait <= 60, `Retry-After ${wait}: at most a minute`);
    await new Promise((r) => setTimeout(r, wait * 1000 + 200));
    res = await loginWith(acc.email, acc.password);
  }
  assert.equal(res.status, 201, res.text);
  // A fresh burst of failures slows again, with a growing delay.
  await clearLoginFailures();
  const waits = [];
  for (let i = 0; i < 8; i++) {
    await c.query("INSERT INTO login_failure (email, at) VALUES ($1, now())", [acc.email]);
    const r = await loginWith(acc.email, acc.password);
    waits.push(r.status === 429 ? Number(r.headers.get('retry-after')) : 0);
    if (r.status === 201) await clearLoginFailures();
  }
  assert.deepEqual(waits.slice(0, 4), [0, 0, 0, 0]);
  for (let i = 5; i < waits.length; i++) assert.ok(waits[i] >= waits[i - 1], `growing: ${waits}`);
  assert.ok(waits.at(-1) <= 60, `${waits}`);
  await clearLoginFailures();
});

test('the coordinator of another school cannot withdraw an invitation, and a teacher cannot invite', async () => {
  const coordA = await login('coordinator', 'A');
  const made = await call(coordA, `/api/v1/schools/${S.A}/teachers`, 'POST', { email: `intrekken-${unique()}@capture.example`, display_name: 'Intrekken' });
  assert.equal(made.status, 201);
  const coordB = await login('coordinator', 'B');
  assertProblem(assert, await call(coordB, `/api/v1/schools/${S.A}/invitations/${made.json.id}`, 'DELETE'), 404);
  assertProblem(assert, await call(coordB, `/api/v1/schools/${S.B}/invitations/${made.json.id}`, 'DELETE'), 404);
  assertProblem(assert, await call(await login('teacher', 'A'), `/api/v1/schools/${S.A}/teachers`, 'POST', { email: `x-${unique()}@capture.example`, display_name: 'X' }), 403);
  assert.equal((await call(coordA, `/api/v1/schools/${S.A}/invitations/${made.json.id}`, 'DELETE')).status, 204);
});
