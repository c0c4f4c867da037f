// The migration runner (build/leerlijn-db) against real, empty databases:
// numbered migrations (DIR/migrations) and repeatable function files
// (DIR/functions, in the order of DIR/functions/load-order).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtemp, mkdir, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { db, query, scratchDatabase, sh, DATABASE_URL } from './lib.mjs';

const TOOL = 'build/leerlijn-db';
let scratch;
let dir;
let mig;
let fns;

const FIRST = 'CREATE TABLE t1 (id integer PRIMARY KEY);\nINSERT INTO t1 VALUES (1);\n';
const F1 = 'CREATE OR REPLACE FUNCTION f1() RETURNS integer LANGUAGE sql AS $$ SELECT 1 $$;\n';
const F2 = 'CREATE OR REPLACE VIEW v2 AS SELECT f1() AS x, id FROM t1;\n';

before(async () => {
  scratch = await scratchDatabase('leerlijn_mig');
  dir = await mkdtemp(join(tmpdir(), 'leerlijn-schema-'));
  mig = join(dir, 'migrations');
  fns = join(dir, 'functions');
  await mkdir(mig);
  await mkdir(fns);
  await writeFile(join(mig, '0001_first.sql'), FIRST);
  await writeFile(join(mig, '0002_second.sql'),
    'CREATE TABLE t2 (id integer PRIMARY KEY REFERENCES t1);\n');
  await writeFile(join(mig, 'README.md'), 'not a migration\n');
  await writeFile(join(fns, 'load-order'), '# f1 first: v2 uses it\none.sql\ntwo.sql\n');
  await writeFile(join(fns, 'one.sql'), F1);
  await writeFile(join(fns, 'two.sql'), F2);
});

after(async () => {
  await scratch.drop();
  await rm(dir, { recursive: true, force: true });
});

const applied = (url) => query(url,
  'SELECT version, name, checksum, applied_at FROM schema_migrations ORDER BY version');
const functionsApplied = (url) => query(url,
  'SELECT name, checksum, applied_at FROM schema_functions ORDER BY name');

const migrate = (url, schemaDir = dir) => sh(TOOL, ['migrate', schemaDir], { DATABASE_URL: url });
const sha256 = (text) => createHash('sha256').update(text).digest('hex');

test('a fresh database gets every migration, in order, with checksums, then the function files', async () => {
  const r = await migrate(scratch.url);
  assert.equal(r.code, 0, r.stderr);
  const rows = await applied(scratch.url);
  assert.deepEqual(rows.map((x) => x.name), ['0001_first.sql', '0002_second.sql']);
  for (const row of rows) assert.match(row.checksum, /^[0-9a-f]{64}$/);
  assert.equal(rows[0].checksum, sha256(FIRST));
  const f = await functionsApplied(scratch.url);
  assert.deepEqual(f.map((x) => [x.name, x.checksum]),
    [['one.sql', sha256(F1)], ['two.sql', sha256(F2)]]);
  assert.deepEqual(await query(scratch.url, 'SELECT x, id FROM v2'), [{ x: 1, id: 1 }]);
  assert.ok(r.stderr.indexOf('applied functions/one.sql') > r.stderr.indexOf('applied 0002_second.sql'),
    'function files come after the migrations');
  assert.ok(r.stderr.indexOf('applied functions/two.sql') > r.stderr.indexOf('applied functions/one.sql'),
    'in load order');
});

test('running again is a no-op', async () => {
  const before1 = await applied(scratch.url);
  const before2 = await functionsApplied(scratch.url);
  const r = await migrate(scratch.url);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /0 applied, 2 in total; function files: 0 applied, 2 in total/);
  assert.deepEqual(await applied(scratch.url), before1);
  assert.deepEqual(await functionsApplied(scratch.url), before2);
});

test('a changed function file is applied again, alone, and its checksum recorded', async () => {
  const before2 = await functionsApplied(scratch.url);
  const f1b = F1.replace('SELECT 1', 'SELECT 2');
  await writeFile(join(fns, 'one.sql'), f1b);
  try {
    const r = await migrate(scratch.url);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /applied functions\/one\.sql/);
    assert.doesNotMatch(r.stderr, /functions\/two\.sql/);
    const after2 = await functionsApplied(scratch.url);
    assert.equal(after2[0].checksum, sha256(f1b));
    assert.ok(after2[0].applied_at > before2[0].applied_at);
    assert.deepEqual(after2[1], before2[1]);
    assert.deepEqual(await query(scratch.url, 'SELECT x FROM v2'), [{ x: 2 }]);
  } finally {
    await writeFile(join(fns, 'one.sql'), F1);
    assert.equal((await migrate(scratch.url)).code, 0);
  }
});

test('a new migration applies every function file again (it may have dropped what they define)', async () => {
  await writeFile(join(mig, '0003_third.sql'), 'DROP VIEW IF EXISTS v2;\nALTER TABLE t1 ADD COLUMN note text;\n');
  const r = await migrate(scratch.url);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /applied 0003_third\.sql/);
  assert.match(r.stderr, /applied functions\/one\.sql/);
  assert.match(r.stderr, /applied functions\/two\.sql/);
  assert.deepEqual(await query(scratch.url, 'SELECT x, id FROM v2'), [{ x: 1, id: 1 }]);
});

test('a failing function file rolls back the whole run, migrations included', async () => {
  const before1 = await applied(scratch.url);
  const before2 = await functionsApplied(scratch.url);
  await writeFile(join(mig, '0004_fourth.sql'), 'CREATE TABLE t4 (id integer);\n');
  await writeFile(join(fns, 'two.sql'), F2 + 'SELECT 1/0;\n');
  try {
    const r = await migrate(scratch.url);
    assert.notEqual(r.code, 0);
    assert.match(r.stderr, /function file two\.sql failed/);
    assert.deepEqual(await applied(scratch.url), before1);
    assert.deepEqual(await functionsApplied(scratch.url), before2);
    assert.deepEqual(await query(scratch.url, "SELECT to_regclass('t4') AS t"), [{ t: null }]);
  } finally {
    await writeFile(join(fns, 'two.sql'), F2);
    await rm(join(mig, '0004_fourth.sql'));
  }
});

test('a function file missing from the load order, or a load order naming a missing file, is refused', async () => {
  const before2 = await functionsApplied(scratch.url);
  await writeFile(join(fns, 'three.sql'), 'SELECT 1;\n');
  let r = await migrate(scratch.url);
  assert.notEqual(r.code, 0);
  assert.match(r.stderr, /three\.sql is not in the load order/);
  await rm(join(fns, 'three.sql'));
  await writeFile(join(fns, 'load-order'), 'one.sql\ntwo.sql\nthree.sql\n');
  r = await migrate(scratch.url);
  assert.notEqual(r.code, 0);
  assert.match(r.stderr, /cannot read .*three\.sql/);
  await writeFile(join(fns, 'load-order'), 'one.sql\ntwo.sql\n');
  assert.deepEqual(await functionsApplied(scratch.url), before2);
});

test('a changed applied migration is refused and nothing changes', async () => {
  const before1 = await applied(scratch.url);
  const file = join(mig, '0001_first.sql');
  await writeFile(file, 'CREATE TABLE t1 (id bigint PRIMARY KEY);\n');
  await writeFile(join(mig, '0004_fourth.sql'), 'CREATE TABLE t4 (id integer);\n');
  try {
    const r = await migrate(scratch.url);
    assert.notEqual(r.code, 0);
    assert.match(r.stderr, /0001_first\.sql has changed/);
    assert.deepEqual(await applied(scratch.url), before1);
    assert.deepEqual(await query(scratch.url, "SELECT to_regclass('t4') AS t"), [{ t: null }],
      'the new migration must not run either');
  } finally {
    await writeFile(file, FIRST);
    await rm(join(mig, '0004_fourth.sql'));
  }
});

test('duplicate, renamed, missing and too-low migrations are refused and nothing changes', async () => {
  const before1 = await applied(scratch.url);
  const SECOND = 'CREATE TABLE t2 (id integer PRIMARY KEY REFERENCES t1);\n';
  const refused = async (pattern) => {
    const r = await migrate(scratch.url);
    assert.notEqual(r.code, 0);
    assert.match(r.stderr, pattern);
    assert.deepEqual(await applied(scratch.url), before1);
  };
  await writeFile(join(mig, '0001_zero.sql'), 'SELECT 1;\n');
  await refused(/two migrations share version 0001/);
  await rm(join(mig, '0001_zero.sql'));

  await rm(join(mig, '0002_second.sql'));
  await writeFile(join(mig, '0002_between.sql'), SECOND);
  await refused(/0002_second\.sql was renamed to 0002_between\.sql/);
  await rm(join(mig, '0002_between.sql'));
  await refused(/0002_second\.sql is missing/);
  await writeFile(join(mig, '0002_second.sql'), SECOND);

  // A database that got 0001 and 0003 before 0002 was written.
  const other = await scratchDatabase('leerlijn_older');
  try {
    await rm(join(mig, '0002_second.sql'));
    let r = await migrate(other.url);
    assert.equal(r.code, 0, r.stderr);
    await writeFile(join(mig, '0002_second.sql'), SECOND);
    r = await migrate(other.url);
    assert.notEqual(r.code, 0);
    assert.match(r.stderr, /0002_second\.sql is older than the newest applied one \(0003\)/);
  } finally {
    await writeFile(join(mig, '0002_second.sql'), SECOND);
    await other.drop();
  }
});

test('a legacy checksum of the same version and name is accepted once and replaced', async () => {
  const old = 'CREATE TABLE t1 (id integer PRIMARY KEY); -- the earlier layout\n';
  const c = await db(scratch.url);
  await c.query("UPDATE schema_migrations SET checksum = $1 WHERE version = 1", [sha256(old)]);
  await c.end();
  let r = await migrate(scratch.url);
  assert.notEqual(r.code, 0, 'without the legacy list it is a changed migration');
  assert.match(r.stderr, /0001_first\.sql has changed/);

  await writeFile(join(mig, 'legacy.sha256'),
    `# the earlier layout\n${sha256('something else')}  0001_first.sql\n` +
    `${sha256(old)}  0002_second.sql\n`);
  r = await migrate(scratch.url);
  assert.notEqual(r.code, 0, 'another version\'s or another text\'s checksum does not count');

  await writeFile(join(mig, 'legacy.sha256'), `${sha256(old)}  0001_first.sql\n`);
  try {
    r = await migrate(scratch.url);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /0001_first\.sql was applied in the earlier layout/);
    assert.match(r.stderr, /applied functions\/one\.sql/);
    const rows = await applied(scratch.url);
    assert.equal(rows[0].checksum, sha256(FIRST));
    r = await migrate(scratch.url);
    assert.equal(r.code, 0, r.stderr);
    assert.doesNotMatch(r.stderr, /earlier layout/);
    assert.match(r.stderr, /0 applied, 3 in total; function files: 0 applied/);
  } finally {
    await rm(join(mig, 'legacy.sha256'));
  }
});

test('a failing migration is rolled back whole and not recorded', async () => {
  await writeFile(join(mig, '0004_broken.sql'),
    'CREATE TABLE t4 (id integer);\nINSERT INTO t4 VALUES (1);\nSELECT 1/0;\n');
  const r = await migrate(scratch.url);
  assert.notEqual(r.code, 0);
  assert.match(r.stderr, /0004_broken\.sql failed/);
  assert.deepEqual(await query(scratch.url, "SELECT to_regclass('t4') AS t"), [{ t: null }]);
  assert.equal((await applied(scratch.url)).length, 3);
  await rm(join(mig, '0004_broken.sql'));
});

test('concurrent starts apply each migration exactly once', async () => {
  const other = await scratchDatabase('leerlijn_race');
  try {
    await writeFile(join(mig, '0004_slow.sql'),
      'SELECT pg_sleep(0.3);\nCREATE TABLE t4 (id integer);\n');
    const runs = await Promise.all(Array.from({ length: 6 }, () => migrate(other.url)));
    for (const r of runs) assert.equal(r.code, 0, r.stderr);
    const applies = runs.map((r) => (r.stderr.match(/applied 0/g) ?? []).length);
    assert.equal(applies.reduce((a, b) => a + b, 0), 4, 'four files, four applies in total');
    const fnApplies = runs.map((r) => (r.stderr.match(/applied functions\//g) ?? []).length);
    assert.equal(fnApplies.reduce((a, b) => a + b, 0), 2, 'two function files, applied once');
    assert.equal((await applied(other.url)).length, 4);
  } finally {
    await other.drop();
    await rm(join(mig, '0004_slow.sql'), { force: true });
  }
});

test('the project schema and seeds re-run as a no-op on the live database', async () => {
  const before1 = await applied(DATABASE_URL);
  const before2 = await functionsApplied(DATABASE_URL);
  assert.ok(before2.length >= 10, 'the project has its function files recorded');
  const r = await sh(TOOL, ['setup', 'schema', 'seeds']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /0 applied, \d+ in total; function files: 0 applied/);
  assert.deepEqual(await applied(DATABASE_URL), before1);
  assert.deepEqual(await functionsApplied(DATABASE_URL), before2);
});
