// Shared helpers of the integration tests: the API under test, the
// database behind it, and the repository's commands.  scripts/test.sh
// starts a real PostgreSQL and a real kore and passes their addresses in
// the environment.
import { execFile, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { after } from 'node:test';
import pg from 'pg';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BASE = process.env.LEERLIJN_URL;
export const DATABASE_URL = process.env.DATABASE_URL;

if (!BASE || !DATABASE_URL) {
  throw new Error('run the integration tests through `make test`');
}

const run = promisify(execFile);

// An HTTP request to the API; resolves with status, headers, text and
// (for JSON media types) the parsed body.
export async function api(path, { method = 'GET', headers = {}, body } = {}) {
  const res = await fetch(BASE + path, { method, headers, body });
  const text = await res.text();
  const type = res.headers.get('content-type') ?? '';
  let json;
  if (/json/.test(type) && text.length > 0) json = JSON.parse(text);
  return { status: res.status, headers: res.headers, text, json, type };
}

// A connected pg client for url (default: the application's database).
export async function db(url = DATABASE_URL) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}

// A pool of (at most max) connections to the application's database for
// the tests of one file, ended after them; a pool connects when used.
export function filePool(max = 2) {
  const pool = new pg.Pool({ connectionString: DATABASE_URL, max });
  after(() => pool.end());
  return pool;
}

// Test data written straight into the application's database: fn(c) runs
// in one transaction with the audit trail off (these are no user's changes)
// that is committed when fn resolves; resolves with fn's result.
export async function fixtureWrite(fn) {
  const c = await db();
  try {
    await c.query('BEGIN');
    await c.query("SELECT set_config('leerlijn.audit', 'off', true)");
    const result = await fn(c);
    await c.query('COMMIT');
    return result;
  } finally {
    await c.end();
  }
}

// The rows of one statement, on a connection to url of its own.
export async function query(url, sql, params = []) {
  const c = await db(url);
  try {
    return (await c.query(sql, params)).rows;
  } finally {
    await c.end();
  }
}

// Run a command from the repository root; never throws, reports the code.
export async function sh(file, args, env = {}) {
  try {
    const { stdout, stderr } = await run(file, args, {
      cwd: ROOT, env: { ...process.env, ...env }, maxBuffer: 16 << 20,
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    return { code: err.code ?? 1, stdout: err.stdout ?? '', stderr: err.stderr ?? '' };
  }
}

// Create an empty scratch database; returns its URL and a drop function.
export async function scratchDatabase(prefix) {
  const name = `${prefix}_${process.pid}_${Date.now()}`;
  const admin = await db();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE template0`);
  await admin.end();
  const url = new URL(DATABASE_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    // FORCE cannot end a backend of another role (an autovacuum worker
    // on a busy machine): then wait and try again.  The client is always
    // closed, so that a failure fails the test instead of hanging it.
    async drop() {
      const c = await db();
      try {
        for (let i = 0; ; i++) {
          try {
            await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
            return;
          } catch (err) {
            if (err.code !== '42501' || i >= 10) throw err;
            await new Promise((r) => setTimeout(r, 1000));
          }
        }
      } finally {
        await c.end();
      }
    },
  };
}

// A free TCP port on 127.0.0.1.
export async function freePort() {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

// Write the kore configuration of this build for the environment env into
// the file conf (leerlijn-db kore-conf); throws with the tool's errors.
export async function writeKoreConf(conf, env) {
  const gen = await sh('sh', ['-c',
    `build/leerlijn-db kore-conf api/conf/leerlijn.conf.in "${ROOT}build/leerlijn.so" > "${conf}"`], env);
  if (gen.code !== 0) throw new Error(`kore-conf: ${gen.stderr}`);
}

// Start kore in the foreground with the configuration conf and the
// environment env (which names its LEERLIJN_LISTEN); at once, without
// waiting for it to answer: { proc, log(), exited }, exited resolving
// with its exit code.
export function spawnKore(conf, env) {
  const proc = spawn('kore', ['-fnr', '-c', conf], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  proc.stdout.on('data', (d) => { log += d; });
  proc.stderr.on('data', (d) => { log += d; });
  const exited = new Promise((resolve) => proc.on('exit', resolve));
  return { proc, log: () => log, exited };
}

// A second kore of this build with extra environment (a setting under
// test), against the test database; resolves once it answers
// GET /api/v1/health with { base, proc, log(), stop() }, and fails at once
// when it stops by itself before that.
export async function startKore(extraEnv = {}) {
  const port = await freePort();
  const dir = await mkdtemp(join(tmpdir(), 'leerlijn-kore-'));
  const env = { ...process.env, LEERLIJN_LISTEN: `127.0.0.1:${port}`, ...extraEnv };
  const conf = join(dir, 'leerlijn.conf');
  await writeKoreConf(conf, env);
  const { proc, log, exited } = spawnKore(conf, env);
  const base = `http://127.0.0.1:${port}`;
  const stop = async () => {
    proc.kill('SIGTERM');
    await exited;
    await rm(dir, { recursive: true, force: true });
  };
  for (const deadline = Date.now() + 15000; Date.now() < deadline && proc.exitCode === null;) {
    try {
      if ((await fetch(`${base}/api/v1/health`)).status === 200) {
        return { base, proc, log, stop };
      }
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  await stop();
  throw new Error(`kore did not start:\n${log()}`);
}

// Assert the members every problem document must have.
export function assertProblem(assert, res, status) {
  assert.equal(res.status, status);
  assert.equal(res.type, 'application/problem+json');
  assert.equal(res.json.status, status);
  assert.match(res.json.type, /^\/api\/v1\/problems\/[a-z-]+$/);
  assert.equal(typeof res.json.title, 'string');
  assert.ok(res.json.title.length > 0);
}

// --- Accounts: the demo users of the development seed ----------------------
// (seeds/demo/accounts.sql; every demo account has the password below).

export const DEMO_PASSWORD = 'leerlijn-demo';
const DEMO_SCHOOLS = {
  A: '00000000-0000-4000-a000-00000000000a',
  B: '00000000-0000-4000-a000-00000000000b',
};
export const DEMO_EMAILS = {
  admin: 'admin@demo.leerlijn.example',
  curator: 'curator@demo.leerlijn.example',
  inspector: 'inspector@demo.leerlijn.example',
  'coordinator/A': 'coordinator-a@demo.leerlijn.example',
  'teacher/A': 'teacher-a@demo.leerlijn.example',
  'teacher2/A': 'teacher2-a@demo.leerlijn.example',
  'coordinator/B': 'coordinator-b@demo.leerlijn.example',
  'teacher/B': 'teacher-b@demo.leerlijn.example',
};

// The e-mail address of a demo user ('teacher', 'A' -> teacher-a@...).
export function demoEmail(role, school = 'A') {
  const key = ['admin', 'curator', 'inspector'].includes(role) ? role : `${role}/${school}`;
  const email = DEMO_EMAILS[key];
  if (!email) throw new Error(`no demo user ${key}`);
  return email;
}

// { A: uuid, B: uuid }: the two demo schools.
export function demoSchools() {
  return { ...DEMO_SCHOOLS };
}

// Log in with a password; resolves with the API's answer.
export async function loginWith(email, password, headers = {}) {
  return api('/api/v1/session', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ email, password }),
  });
}

const sessions = new Map();

// { headers, user_id, token, csrf_token }: Bearer headers of the demo user
// with that role ('admin' | 'curator' | 'coordinator' | 'teacher' |
// 'teacher2' | 'inspector'); school 'A' or 'B' for coordinator and teacher.
// One session per user and test file, reused.
export async function login(role, school = 'A') {
  const email = demoEmail(role, school);
  if (!sessions.has(email)) {
    const res = await loginWith(email, DEMO_PASSWORD);
    if (res.status !== 201) {
      throw new Error(`login as ${email}: ${res.status} ${res.text}`);
    }
    sessions.set(email, {
      headers: { authorization: `Bearer ${res.json.token}` },
      user_id: res.json.user.id,
      token: res.json.token,
      csrf_token: res.json.csrf_token,
    });
  }
  const s = sessions.get(email);
  return { ...s, headers: { ...s.headers } };
}

// Forget the cached sessions (after a test ended them).
export function forgetSessions() {
  sessions.clear();
}

// Headers that authenticate a curator for catalogue writes.
export async function curatorHeaders() {
  return (await login('curator')).headers;
}

// A small deterministic generator (mulberry32), so that a failure can be
// replayed with the seed it reports: next() in [0, 1), int(n) in [0, n),
// pick(xs) one of xs.
export function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n) => Math.floor(next() * n);
  return { next, int, pick: (xs) => xs[int(xs.length)] };
}

// A series of `steps` random SQL edits on one connection of pool, inside a
// transaction that is always rolled back. edit(c, r) makes one edit with
// the generator r (seeded with seed; PostgreSQL's random() is seeded too)
// and returns its label; an edit the schema refuses is undone to its
// savepoint. check(c, label) runs after every step, refused or not, and
// finish(c, done) once after the series, still inside the transaction.
// Resolves with done: how many edits of each label were applied.
export async function editSeries(pool, { seed, steps, edit, check, finish }) {
  const r = rng(seed);
  const c = await pool.connect();
  const done = {};
  try {
    await c.query('BEGIN');
    // ORDER BY random() in the edits: the same series for the same seed
    await c.query('SELECT setseed($1)', [(seed % 1000) / 1000]);
    for (let i = 0; i < steps; i++) {
      await c.query('SAVEPOINT edit');
      let label;
      try {
        label = await edit(c, r);
        await c.query('RELEASE SAVEPOINT edit');
        done[label] = (done[label] ?? 0) + 1;
      } catch (err) {
        // a refused edit (unique key, check, cycle) changes nothing
        await c.query('ROLLBACK TO SAVEPOINT edit');
        label = `refused: ${err.message}`;
      }
      await check(c, `seed ${seed}, edit ${i} (${label})`);
    }
    await finish?.(c, done);
  } finally {
    await c.query('ROLLBACK').finally(() => c.release());
  }
  return done;
}

// Catalogue edits that several random series make (editSeries' edit): each
// runs one statement with the rows and values its caller drew, in the
// caller's order so that a seed replays, and resolves with its label.
export const catalogueEdit = {
  async lessonTitle(c, lesson, title) {
    await c.query('UPDATE lesson SET title = $2 WHERE id = $1', [lesson, title]);
    return 'lesson title';
  },
  async lessonProgramme(c, lesson, programme) {
    await c.query('UPDATE lesson SET programme_id = $2, position = NULL WHERE id = $1',
      [lesson, programme]);
    return 'lesson programme';
  },
  async alignmentGoal(c, goal) {
    await c.query(`UPDATE alignment SET goal_id = $1 WHERE id =
      (SELECT id FROM alignment ORDER BY random() LIMIT 1)`, [goal]);
    return 'alignment goal';
  },
  // an alignment of a lesson moves to another lesson
  async alignmentMoves(c, lesson) {
    await c.query(`UPDATE alignment SET lesson_id = $1 WHERE id =
      (SELECT id FROM alignment WHERE lesson_id IS NOT NULL ORDER BY random() LIMIT 1)`,
      [lesson]);
    return 'alignment moves';
  },
  async deleteAlignments(c, n) {
    await c.query(`DELETE FROM alignment WHERE id IN
      (SELECT id FROM alignment ORDER BY random() LIMIT $1)`, [n]);
    return 'delete alignment';
  },
  // a programme without children of its own gets another parent (or none)
  async programmeParent(c, programme, parent) {
    await c.query(`UPDATE programme SET parent_id = $2 WHERE id = $1
      AND NOT EXISTS (SELECT 1 FROM programme c WHERE c.parent_id = $1)`,
      [programme, parent]);
    return 'programme parent';
  },
};
