// Shared helpers of the integration tests: the API under test, the
// database behind it, and the repository's commands.  scripts/test.sh
// starts a real PostgreSQL and a real kore and passes their addresses in
// the environment.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
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
    async drop() {
      const c = await db();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
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

// Headers that authenticate a curator for catalogue writes.
export async function curatorHeaders() {
  return {};
}
