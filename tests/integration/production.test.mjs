// LEERLIJN_MODE=production: no demo data in the seed, and the API refuses
// to start while a demo account or a default password exists.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import {
  db, freePort, ROOT, scratchDatabase, sh, spawnKore, writeKoreConf, DATABASE_URL,
} from './lib.mjs';

let scratch;
let dir;

before(async () => {
  scratch = await scratchDatabase('leerlijn_prod');
  dir = await mkdtemp(join(tmpdir(), 'leerlijn-prod-'));
});

after(async () => {
  await scratch.drop();
  await rm(dir, { recursive: true, force: true });
});

// Start kore in production mode against url; resolves with
// { exited: code, log } when it stops by itself within the time, or
// { started: true, health } once it answers (and then stops it).
// With during(base), that runs against the started API before it stops.
async function startProduction(url, during, extraEnv = {}) {
  const port = await freePort();
  const env = {
    ...process.env, DATABASE_URL: url, LEERLIJN_MODE: 'production',
    LEERLIJN_LISTEN: `127.0.0.1:${port}`, LEERLIJN_WORKERS: '1', ...extraEnv,
  };
  const conf = join(dir, `kore-${port}.conf`);
  await writeKoreConf(conf, env);
  const { proc, log, exited } = spawnKore(conf, env);
  const deadline = Date.now() + 15000;
  let health;
  while (Date.now() < deadline && health === undefined) {
    const code = await Promise.race([exited, new Promise((r) => setTimeout(() => r(undefined), 200))]);
    if (code !== undefined) return { exited: code, log: log() };
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/v1/health`);
      if (res.status === 200) health = await res.json();
    } catch { /* not listening yet */ }
  }
  try {
    if (health === undefined) throw new Error(`kore neither started nor stopped:\n${log()}`);
    if (during) await during(`http://127.0.0.1:${port}`);
  } finally {
    proc.kill('SIGTERM');
    await exited;
  }
  return { started: true, health, log: log() };
}

test('production refuses to start while the demo accounts exist', async () => {
  const r = await startProduction(DATABASE_URL);
  assert.equal(r.started, undefined);
  assert.notEqual(r.exited, 0);
  assert.match(r.log, /refusing to start while \d+ demo account/);
  assert.match(r.log, /admin@demo\.leerlijn\.example \(demo account\)/);
  assert.doesNotMatch(r.log, /leerlijn-demo/); // no password in the log
});

test('a production seed has no demo data, and then the API starts', async (t) => {
  const setup = await sh('build/leerlijn-db', ['setup', 'schema', 'seeds'],
    { DATABASE_URL: scratch.url, LEERLIJN_MODE: 'production' });
  assert.equal(setup.code, 0, setup.stderr);
  const c = await db(scratch.url);
  t.after(() => c.end());
  const n = await c.query(`SELECT (SELECT count(*) FROM app_user)::int AS users,
    (SELECT count(*) FROM school)::int AS schools`);
  assert.deepEqual(n.rows[0], { users: 0, schools: 0 });
  const r = await startProduction(scratch.url);
  assert.equal(r.started, true, r.log);
  assert.equal(r.health.mode, 'production');

  // An account with a default password blocks it again.
  await c.query(`INSERT INTO app_user (email, display_name, default_password)
    VALUES ('eerste@school.example', 'Eerste beheerder', true)`);
  const again = await startProduction(scratch.url);
  assert.notEqual(again.exited, 0);
  assert.match(again.log, /eerste@school\.example \(default password\)/);
  // So does a demo account.
  await c.query(`UPDATE app_user SET default_password = false, demo = true`);
  const demo = await startProduction(scratch.url);
  assert.notEqual(demo.exited, 0);
  await c.query('DELETE FROM app_user');
  assert.equal((await startProduction(scratch.url)).started, true);

  // The first admin comes with an invitation, never a password.
  const inv = await sh('build/leerlijn-db', ['invite-admin', 'Beheer@School.example', 'Eerste beheerder'],
    { DATABASE_URL: scratch.url, LEERLIJN_MODE: 'production' });
  assert.equal(inv.code, 0, inv.stderr);
  const token = inv.stdout.trim();
  assert.match(token, /^[A-Za-z0-9_-]{43}$/);
  const { createHash } = await import('node:crypto');
  const row = await c.query(`SELECT u.email, u.password_hash, r.role
    FROM app_user u JOIN user_role r ON r.user_id = u.id
    JOIN invitation i ON i.user_id = u.id WHERE i.token_hash = $1`,
  [createHash('sha256').update(token).digest()]);
  assert.deepEqual(row.rows, [{ email: 'beheer@school.example', password_hash: null, role: 'admin' }]);
  // Behind TLS (an https base URL) the session cookie is Secure.
  const started = await startProduction(scratch.url, async (base) => {
    const post = (path, body) => fetch(base + path, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body),
    });
    const accepted = await post('/api/v1/invitation', { token, password: 'het eerste echte wachtwoord' });
    assert.equal(accepted.status, 200);
    const res = await post('/api/v1/session', { email: 'beheer@school.example', password: 'het eerste echte wachtwoord' });
    assert.equal(res.status, 201);
    assert.match(res.headers.get('set-cookie'), /HttpOnly; SameSite=Strict; Secure$/);
    const me = await (await fetch(base + '/api/v1/me', {
      headers: { authorization: `Bearer ${(await res.json()).token}` },
    })).json();
    assert.deepEqual(me.roles, ['admin']);
  }, { LEERLIJN_BASE_URL: 'https://leerlijn.school.example' });
  assert.equal(started.started, true, started.log);
});

test('make run lists the demo accounts of the development seed', async () => {
  const r = await sh('build/leerlijn-db', ['demo-accounts']);
  assert.equal(r.code, 0, r.stderr);
  const lines = r.stdout.trim().split('\n');
  assert.equal(lines.length, 8);
  assert.match(r.stdout, /admin@demo\.leerlijn\.example\s+admin/);
  assert.match(r.stdout, /teacher2-a@demo\.leerlijn\.example\s+teacher Demoschool A/);
  assert.match(r.stdout, /inspector@demo\.leerlijn\.example\s+inspector/);
  const run = await import('node:fs/promises').then((fs) => fs.readFile(`${ROOT}scripts/run.sh`, 'utf8'));
  assert.match(run, /leerlijn-db demo-accounts/);
});
