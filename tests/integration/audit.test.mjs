// The audit log: a row for every kind of write, who did it, and who may
// read what.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { api, assertProblem, db, demoSchools, login } from './lib.mjs';
import { acceptInvitation, asAdmin, call, newAccount, sessionOf, unique, dbFor } from './accounts_lib.mjs';

const S = demoSchools();

test('every kind of account write leaves an audit row naming the actor', async (t) => {
  const admin = await login('admin');
  const coord = await login('coordinator', 'A');
  const c = await dbFor(t);
  const start = (await c.query('SELECT coalesce(max(id), 0) AS id FROM audit_log')).rows[0].id;

  // school insert + update
  const brin = `9${Math.floor(Math.random() * 10)}${unique().slice(0, 2).toUpperCase()}`;
  const school = await asAdmin('/api/v1/schools', 'POST', { brin, name: 'Auditschool', type: 'SO', region: 'noord' });
  assert.equal(school.status, 201);
  assert.equal((await asAdmin(`/api/v1/schools/${school.json.id}`, 'PATCH', { name: 'Auditschool 2' })).status, 200);
  // user insert (+ role, membership, inspector scope, invitation), update, accept, password
  const acc = await newAccount({
    roles: ['inspector'], inspector_schools: [school.json.id],
    memberships: [{ school_id: school.json.id, role: 'teacher' }],
  });
  assert.equal((await asAdmin(`/api/v1/users/${acc.id}`, 'PATCH', {
    display_name: 'Auditpersoon', roles: [], inspector_schools: [], memberships: [],
  })).status, 200);
  const s = await sessionOf(acc);
  assert.equal((await call(s, '/api/v1/me/password', 'PUT', {
    current_password: acc.password, new_password: 'het nieuwe auditwachtwoord',
  })).status, 204);
  assert.equal((await call(s, '/api/v1/session', 'DELETE')).status, 204);
  // a teacher invited and removed by a coordinator
  const added = await call(coord, `/api/v1/schools/${S.A}/teachers`, 'POST', {
    email: `audit-${unique()}@tests.example`, display_name: 'Audit leerkracht',
  });
  assert.equal(added.status, 201);
  const joined = await acceptInvitation(added);
  assert.equal((await call(coord, `/api/v1/schools/${S.A}/teachers/${joined.id}`, 'DELETE')).status, 204);
  // user delete
  assert.equal((await asAdmin(`/api/v1/users/${acc.id}`, 'DELETE')).status, 204);

  const got = (await c.query('SELECT * FROM audit_log WHERE id > $1 ORDER BY id', [start])).rows;
  const has = (entity, action, pred = () => true) => got.some((r) => r.entity === entity && r.action === action && pred(r));
  const kinds = [
    ['school', 'insert', (r) => r.entity_id === school.json.id && r.school_id === school.json.id && r.actor_id === admin.user_id],
    ['school', 'update', (r) => r.change.old.name === 'Auditschool' && r.change.new.name === 'Auditschool 2'],
    ['app_user', 'insert', (r) => r.entity_id === acc.id && r.actor_id === admin.user_id],
    ['app_user', 'update', (r) => r.entity_id === acc.id && r.change.new.display_name === 'Auditpersoon'],
    // accepting the invitation: the invited person acts, the hash is hidden
    ['app_user', 'update', (r) => r.actor_id === acc.id && r.change.new.password_hash === '[verborgen]'],
    ['user_role', 'insert', (r) => r.entity_id === `${acc.id}/inspector`],
    ['user_role', 'delete', (r) => r.entity_id === `${acc.id}/inspector`],
    ['membership', 'insert', (r) => r.school_id === school.json.id],
    ['membership', 'delete', (r) => r.school_id === school.json.id],
    // the coordinator invites; the membership comes with the acceptance
    ['invitation', 'insert', (r) => r.school_id === S.A && r.actor_id === coord.user_id],
    ['membership', 'insert', (r) => r.school_id === S.A && r.actor_id === joined.id],
    ['membership', 'delete', (r) => r.school_id === S.A && r.actor_id === coord.user_id],
    ['inspector_scope', 'insert', (r) => r.school_id === school.json.id],
    ['inspector_scope', 'delete', (r) => r.school_id === school.json.id],
    ['invitation', 'insert', (r) => r.change.new.token_hash === '[verborgen]'],
    ['invitation', 'delete'],
    ['user_session', 'login', (r) => r.actor_id === acc.id],
    ['user_session', 'logout', (r) => r.actor_id === acc.id],
    ['app_user', 'delete', (r) => r.entity_id === acc.id],
  ];
  for (const [entity, action, pred] of kinds) {
    assert.ok(has(entity, action, pred), `no audit row ${entity} ${action}`);
  }
  // The own password change is recorded with its actor, but never the hash.
  assert.ok(has('app_user', 'update', (r) => r.actor_id === acc.id && r.change.old.password_hash === '[verborgen]'));
  const text = JSON.stringify(got);
  assert.doesNotMatch(text, /\$argon2id\$/);
  assert.doesNotMatch(text, /\\\\x[0-9a-f]{64}/);
  await c.end();
});

test('catalogue tables carry the audit trigger; a curator\'s change is recorded', async (t) => {
  const c = await dbFor(t);
  const trig = await c.query(`SELECT c.relname FROM pg_trigger g JOIN pg_class c ON c.oid = g.tgrelid
    WHERE g.tgname = 'audit_row' ORDER BY 1`);
  const attached = trig.rows.map((r) => r.relname);
  for (const table of ['framework', 'goal', 'goal_level', 'goal_relation', 'lesson', 'lesson_level',
    'lesson_help_resource', 'alignment', 'school', 'app_user', 'membership', 'user_role',
    'inspector_scope', 'invitation']) {
    assert.ok(attached.includes(table), `no audit trigger on ${table}`);
  }
  // A real change inside a transaction as the API makes it (then undone).
  const curator = await login('curator');
  await c.query('BEGIN');
  await c.query(`SELECT set_config('leerlijn.actor', $1, true)`, [curator.user_id]);
  const lesson = (await c.query(`UPDATE lesson SET title = title || ' (test)'
    WHERE id = (SELECT id FROM lesson ORDER BY id LIMIT 1) RETURNING id, title`)).rows[0];
  const a = (await c.query(`SELECT * FROM audit_log WHERE entity = 'lesson' AND entity_id = $1
    ORDER BY id DESC LIMIT 1`, [lesson.id])).rows[0];
  assert.equal(a.actor_id, curator.user_id);
  assert.equal(a.action, 'update');
  assert.equal(a.change.new.title, lesson.title);
  await c.query('ROLLBACK');
  // The log is append-only.
  await assert.rejects(c.query('UPDATE audit_log SET action = action WHERE id = (SELECT max(id) FROM audit_log)'),
    /append-only/);
  await assert.rejects(c.query('DELETE FROM audit_log'), /append-only/);
  await c.end();
});

test('a curator\'s catalogue write through the API is recorded with the curator as actor', async () => {
  const curator = await login('curator');
  const code = `AUDIT-${unique().toUpperCase()}`;
  const res = await call(curator, '/api/v1/frameworks', 'POST', {
    code, title: 'Auditkader (test)', status: 'concept', source: 'test van het auditlog',
  });
  assert.equal(res.status, 201, res.text);
  const admin = await login('admin');
  const log = await call(admin, `/api/v1/audit?entity=framework&actor=${curator.user_id}&limit=100`);
  assert.equal(log.status, 200);
  const row = log.json.items.find((r) => r.change.new?.code === code);
  assert.ok(row, 'no audit row for the new framework');
  assert.equal(row.action, 'insert');
  assert.equal(row.actor, 'Demo curator');
  assert.equal(row.school_id, null);
});

test('GET /audit: admins read all of it, inspectors only their schools, with filters', async (t) => {
  const admin = await login('admin');
  const insp = await login('inspector');
  // A change on each demo school.
  for (const [key, m] of [['A', 'Groningen'], ['B', 'Maastricht']]) {
    assert.equal((await asAdmin(`/api/v1/schools/${S[key]}`, 'PATCH', { municipality: `${m} (x)` })).status, 200);
    assert.equal((await asAdmin(`/api/v1/schools/${S[key]}`, 'PATCH', { municipality: m })).status, 200);
  }
  let res = await call(admin, `/api/v1/audit?entity=school&entity_id=${S.B}&limit=5`);
  assert.equal(res.status, 200);
  assert.ok(res.json.total >= 2);
  assert.ok(res.json.items.every((r) => r.entity === 'school' && r.entity_id === S.B));
  assert.equal(res.json.items[0].actor, 'Demo beheerder');
  assert.equal(res.json.items[0].change.new.municipality, 'Maastricht');
  // Newest first.
  const ids = res.json.items.map((r) => r.id);
  assert.deepEqual([...ids].sort((a, b) => b - a), ids);

  res = await call(insp, '/api/v1/audit?limit=500');
  assert.equal(res.status, 200);
  assert.ok(res.json.items.length > 0);
  assert.ok(res.json.items.every((r) => r.school_id === S.A), 'an inspector of A sees A only');
  res = await call(insp, `/api/v1/audit?school=${S.B}`);
  assert.equal(res.json.total, 0);
  // Logins (no school) are for admins only.
  res = await call(admin, `/api/v1/audit?action=login&actor=${insp.user_id}`);
  assert.ok(res.json.total >= 1);
  res = await call(insp, '/api/v1/audit?action=login');
  assert.equal(res.json.total, 0);

  const today = new Date().toISOString().slice(0, 10);
  res = await call(admin, `/api/v1/audit?from=${today}&to=${today}&entity=school`);
  assert.ok(res.json.total >= 4);
  res = await call(admin, `/api/v1/audit?to=2000-01-01`);
  assert.equal(res.json.total, 0);
  for (const q of ['from=2026-02-31', 'from=gisteren', 'school=nope', 'action=read', 'limit=0', 'who=me']) {
    assertProblem(assert, await call(admin, `/api/v1/audit?${q}`), 400);
  }
  assertProblem(assert, await call(await login('coordinator', 'A'), '/api/v1/audit'), 403);
  assertProblem(assert, await api('/api/v1/audit'), 401);
});
