// The migration runner (build/leerlijn-db) against real, empty databases.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { db, scratchDatabase, sh, DATABASE_URL } from './lib.mjs';

const TOOL = 'build/leerlijn-db';
let scratch;
let dir;

before(async () => {
  scratch = await scratchDatabase('leerlijn_mig');
  dir = await mkdtemp(join(tmpdir(), 'leerlijn-schema-'));
  await writeFile(join(dir, '0001_first.sql'),
    'CREATE TABLE t1 (id integer PRIMARY KEY);\nINSERT INTO t1 VALUES (1);\n');
  await writeFile(join(dir, '0002_second.sql'),
    'CREATE TABLE t2 (id integer PRIMARY KEY REFERENCES t1);\n');
  await writeFile(join(dir, 'README.md'), 'not a migration\n');
});

after(async () => {
  await scratch.drop();
  await rm(dir, { recursive: true, force: true });
});

async function applied(url) {
  const c = await db(url);
  const { rows } = await c.query(
    'SELECT version, name, checksum, applied_at FROM schema_migrations ORDER BY version');
  await c.end();
  return rows;
}

const migrate = (url, schemaDir) => sh(TOOL, ['migrate', schemaDir], { DATABASE_URL: url });

test('a fresh database gets every migration, in order, with checksums', async () => {
  const r = await migrate(scratch.url, dir);
  assert.equal(r.code, 0, r.stderr);
  const rows = await applied(scratch.url);
  assert.deepEqual(rows.map((x) => x.name), ['0001_first.sql', '0002_second.sql']);
  for (const row of rows) assert.match(row.checksum, /^[0-9a-f]{64}$/);
});

test('running again is a no-op', async () => {
  const before1 = await applied(scratch.url);
  const r = await migrate(scratch.url, dir);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /0 applied/);
  assert.deepEqual(await applied(scratch.url), before1);
});

test('a changed applied migration is refused and nothing changes', async () => {
  const before1 = await applied(scratch.url);
  const file = join(dir, '0001_first.sql');
  await writeFile(file, 'CREATE TABLE t1 (id bigint PRIMARY KEY);\n');
  await writeFile(join(dir, '0003_third.sql'), 'CREATE TABLE t3 (id integer);\n');
  const r = await migrate(scratch.url, dir);
  assert.notEqual(r.code, 0);
  assert.match(r.stderr, /0001_first\.sql has changed/);
  assert.deepEqual(await applied(scratch.url), before1);
  const c = await db(scratch.url);
  const t3 = await c.query("SELECT to_regclass('t3') AS t");
  await c.end();
  assert.equal(t3.rows[0].t, null, 'the new migration must not run either');
  await writeFile(file, 'CREATE TABLE t1 (id integer PRIMARY KEY);\nINSERT INTO t1 VALUES (1);\n');
  await rm(join(dir, '0003_third.sql'));
});

test('a failing migration is rolled back whole and not recorded', async () => {
  await writeFile(join(dir, '0003_broken.sql'),
    'CREATE TABLE t3 (id integer);\nINSERT INTO t3 VALUES (1);\nSELECT 1/0;\n');
  const r = await migrate(scratch.url, dir);
  assert.notEqual(r.code, 0);
  assert.match(r.stderr, /0003_broken\.sql failed/);
  const c = await db(scratch.url);
  const t3 = await c.query("SELECT to_regclass('t3') AS t");
  await c.end();
  assert.equal(t3.rows[0].t, null);
  assert.equal((await applied(scratch.url)).length, 2);
  await rm(join(dir, '0003_broken.sql'));
});

test('concurrent starts apply each migration exactly once', async () => {
  const other = await scratchDatabase('leerlijn_race');
  try {
    await writeFile(join(dir, '0003_slow.sql'),
      'SELECT pg_sleep(0.3);\nCREATE TABLE t3 (id integer);\n');
    const runs = await Promise.all(Array.from({ length: 6 }, () => migrate(other.url, dir)));
    for (const r of runs) assert.equal(r.code, 0, r.stderr);
    const applies = runs.map((r) => (r.stderr.match(/applied 0/g) ?? []).length);
    assert.equal(applies.reduce((a, b) => a + b, 0), 3, 'three files, three applies in total');
    assert.equal((await applied(other.url)).length, 3);
  } finally {
    await other.drop();
    await rm(join(dir, '0003_slow.sql'), { force: true });
  }
});

test('the project schema and seeds re-run as a no-op on the live database', async () => {
  const before1 = await applied(DATABASE_URL);
  const r = await sh(TOOL, ['setup', 'schema', 'seeds']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /0 applied/);
  assert.deepEqual(await applied(DATABASE_URL), before1);
});
