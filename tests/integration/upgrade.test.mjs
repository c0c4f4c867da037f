// A database created by the previous layout of the SQL files (commit
// 205b928: functions, views and triggers written into the numbered
// migrations) upgrades in place to schema/migrations + schema/functions
// without losing data, and ends up with the same functions, views,
// triggers, tables, constraints and indexes as a database created fresh.
// The old leerlijn-db and its schema and seeds come from git.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { db, query, scratchDatabase, sh, ROOT } from './lib.mjs';

const OLD = '205b928';
const TOOL = 'build/leerlijn-db';

let missing = null;
let old;		// the checkout of OLD
let upgraded;		// made by the old tool, then upgraded
let fresh;		// made by today's tool

before(async () => {
  const r = await sh('git', ['cat-file', '-e', `${OLD}^{commit}`]);
  if (r.code !== 0) {
    missing = `commit ${OLD} is not in this clone (a shallow or exported copy): ` +
      'the upgrade from the earlier layout cannot be tested here';
    return;
  }
  old = await mkdtemp(join(tmpdir(), 'leerlijn-old-'));
  const x = await sh('bash', ['-c',
    `set -o pipefail; git archive ${OLD} api Makefile schema seeds tests/unit/deps.mk | tar -x -C "$0" && ` +
    'make -s -C "$0" build/leerlijn-db OPT=-O0', old]);
  assert.equal(x.code, 0, `building the leerlijn-db of ${OLD}: ${x.stderr}`);
  upgraded = await scratchDatabase('leerlijn_upgrade');
  fresh = await scratchDatabase('leerlijn_fresh');
});

after(async () => {
  if (upgraded) await upgraded.drop();
  if (fresh) await fresh.drop();
  if (old) await rm(old, { recursive: true, force: true });
});

// Every function, view and trigger of our own (with its definition as
// PostgreSQL prints it), and every relation, column, constraint and index.
const CATALOGUE = `
SELECT 'function ' || p.oid::regprocedure::text || E'\\n' || pg_get_functiondef(p.oid) AS x
FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
WHERE n.nspname = 'public' AND p.prokind <> 'a' AND NOT EXISTS (
  SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass
  AND d.objid = p.oid AND d.deptype = 'e')
UNION ALL
SELECT 'view ' || c.relname || E'\\n' || pg_get_viewdef(c.oid)
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = 'public' AND c.relkind IN ('v', 'm')
UNION ALL
SELECT 'trigger ' || t.tgrelid::regclass::text || ' ' || t.tgname || E'\\n' ||
  pg_get_triggerdef(t.oid)
FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = 'public' AND NOT t.tgisinternal
UNION ALL
SELECT 'column ' || c.relname || '.' || a.attname || ' ' ||
  format_type(a.atttypid, a.atttypmod) ||
  CASE WHEN a.attnotnull THEN ' not null' ELSE '' END ||
  coalesce(' default ' || pg_get_expr(d.adbin, d.adrelid), '') || ' ' ||
  a.attgenerated::text
FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'c', 'v', 'm')
  AND a.attnum > 0 AND NOT a.attisdropped
UNION ALL
SELECT 'constraint ' || coalesce(c.relname, t.typname) || ' ' || k.conname ||
  ' ' || pg_get_constraintdef(k.oid)
FROM pg_constraint k JOIN pg_namespace n ON n.oid = k.connamespace
LEFT JOIN pg_class c ON c.oid = k.conrelid LEFT JOIN pg_type t ON t.oid = k.contypid
WHERE n.nspname = 'public'
UNION ALL
SELECT 'index ' || pg_get_indexdef(i.indexrelid)
FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = 'public'
UNION ALL
SELECT 'relation ' || c.relname || ' ' || c.relkind::text || ' ' ||
  c.relpersistence::text
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'c')
UNION ALL
SELECT 'extension ' || extname FROM pg_extension
ORDER BY 1`;

const catalogue = async (url) => (await query(url, CATALOGUE)).map((r) => r.x);

// The columns of every table (name -> [column]), in their order.
async function columns(url) {
  const rows = await query(url, `
    SELECT c.relname AS t, array_agg(a.attname::text ORDER BY a.attnum) AS cols
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
    WHERE n.nspname = 'public' AND c.relkind = 'r' GROUP BY c.relname`);
  return Object.fromEntries(rows.map((r) => [r.t, r.cols]));
}

// The content of every table but the migration runner's own, as sorted
// rows of text; with cols (from columns()), a table named there is read in
// those columns only, so that a column a newer migration adds does not
// hide whether the earlier data stayed.  coverage_bits holds sets of
// schools as bit strings whose length is not part of the value
// (coverage_bits_fit pads or cuts them to the number of schools when
// read): compared without trailing zeros.
async function data(url, cols = {}) {
  const tables = await query(url, `
    SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind = 'r'
      AND c.relname NOT IN ('schema_migrations', 'schema_functions')
    ORDER BY 1`);
  const out = {};
  const c = await db(url);
  try {
    for (const { relname } of tables) {
      const row = relname === 'coverage_bits'
        ? "ROW(t.school_year, t.lesson_id, t.level_id, rtrim(t.planned::text, '0'), " +
          "rtrim(t.given::text, '0'))::text"
        : cols[relname] ? `ROW(${cols[relname].map((x) => `t.${JSON.stringify(x)}`).join(', ')})::text`
          : 't::text';
      const { rows } = await c.query(
        `SELECT coalesce(array_agg(${row} ORDER BY ${row}), '{}') AS rows FROM ${relname} t`);
      out[relname] = rows[0].rows;
    }
  } finally {
    await c.end();
  }
  return out;
}

const sha256 = (text) => createHash('sha256').update(text).digest('hex');

// How many rows derived by rules (warnings, coverage facts, goal reach) the
// lesson UPGRADE-1 of the earlier layout has in the database at url.
async function derivedOfUpgradeLesson(url) {
  const [counts] = await query(url, `
    SELECT (SELECT count(*) FROM lesson_warning w JOIN lesson l ON l.id = w.lesson_id
            WHERE l.code = 'UPGRADE-1')::int AS warnings,
           (SELECT count(*) FROM coverage_fact f JOIN lesson l ON l.id = f.lesson_id
            WHERE l.code = 'UPGRADE-1')::int AS facts,
           (SELECT count(*) FROM lesson_goal_reach r JOIN lesson l ON l.id = r.lesson_id
            WHERE l.code = 'UPGRADE-1')::int AS reach`);
  return counts;
}

test('a database of the earlier layout upgrades without loss to what a fresh one has', async (t) => {
  if (missing) {
    t.skip(missing);
    return;
  }
  // The earlier tool with the earlier schema and seeds.
  let r = await sh('bash', ['-c', 'cd "$0" && build/leerlijn-db setup schema seeds', old],
    { DATABASE_URL: upgraded.url });
  assert.equal(r.code, 0, r.stderr);
  const legacy = await query(upgraded.url,
    'SELECT version, name, checksum FROM schema_migrations ORDER BY version');
  assert.equal(legacy.at(-1).version, 61);

  // A lesson (aligned, with a level) and a plan with an item, through SQL.
  const c = await db(upgraded.url);
  try {
    await c.query('BEGIN');
    const lesson = (await c.query(`
      INSERT INTO lesson (code, title, source, status, summary)
      VALUES ('UPGRADE-1', 'Les van voor de nieuwe indeling', 'test', 'published',
        'Blijft bewaard.') RETURNING id`)).rows[0].id;
    await c.query(`INSERT INTO lesson_level (lesson_id, level_id)
      SELECT $1, id FROM level WHERE code = 'groep-8'`, [lesson]);
    await c.query(`INSERT INTO alignment (lesson_id, goal_id, source, confidence, published_label)
      SELECT $1, id, 'test', 'inferred', 'een ander label' FROM goal
      WHERE code IS NOT NULL AND code !~ '^[0-9]{4}-[0-9]{2}:' ORDER BY code, id LIMIT 1`, [lesson]);
    const school = (await c.query('SELECT id FROM school ORDER BY name LIMIT 1')).rows[0].id;
    const plan = (await c.query(`
      INSERT INTO plan (school_id, school_year, title)
      VALUES ($1, '2026-2027', 'Plan van voor de nieuwe indeling') RETURNING id`,
    [school])).rows[0].id;
    await c.query(`
      INSERT INTO plan_item (plan_id, school_id, lesson_id, level_id, iso_year, iso_week,
        starts_on, ends_on)
      SELECT $1, $2, $3, id, 2026, 40, '2026-09-28', '2026-10-02' FROM level
      WHERE code = 'groep-8'`, [plan, school, lesson]);
    await c.query('COMMIT');
  } finally {
    await c.end();
  }
  const counts = await derivedOfUpgradeLesson(upgraded.url);
  assert.ok(counts.warnings > 0 && counts.facts > 0 && counts.reach > 0,
    `the old triggers kept the derived rows: ${JSON.stringify(counts)}`);
  // Compared in the columns of the earlier layout (newer migrations add
  // columns; what they hold for earlier rows is checked below).
  const cols0 = await columns(upgraded.url);
  const before1 = await data(upgraded.url, cols0);

  // Today's migrations alone: no row of any table changes, except the rows
  // derived by rules, which follow today's rules (checked against a full
  // rebuild below).
  const DERIVED = new Set(['lesson_warning', 'coverage_fact', 'coverage_bits', 'lesson_goal_reach']);
  r = await sh(TOOL, ['migrate', 'schema'], { DATABASE_URL: upgraded.url });
  assert.equal(r.code, 0, r.stderr);
  // Only migrations newer than the earlier layout (0061) are applied.
  const newer = [...r.stderr.matchAll(/applied (\d{4})_[a-z0-9_]+\.sql/g)].map((m) => Number(m[1]));
  assert.ok(newer.every((v) => v > 61), `only new migrations: ${newer}`);
  assert.match(r.stderr, new RegExp(`${newer.length} applied, \\d+ in total; function files: \\d+ applied`));
  assert.match(r.stderr, /0002_catalogue\.sql was applied in the earlier layout/);
  const after0 = await data(upgraded.url, cols0);
  assert.deepEqual(Object.keys(before1).filter((t) => !(t in after0)), [], 'no table is lost');
  for (const table of Object.keys(before1).filter((t) => !DERIVED.has(t))) {
    assert.deepEqual(after0[table], before1[table], `the rows of ${table}`);
  }

  // The columns added since hold their defaults for the earlier rows.
  assert.deepEqual(await query(upgraded.url, `
    SELECT l.kind, l.school_id, l.target_groups, l.sources, i.reason
    FROM lesson l JOIN plan_item i ON i.lesson_id = l.id WHERE l.code = 'UPGRADE-1'`),
  [{ kind: 'les', school_id: null, target_groups: [], sources: [], reason: null }]);

  // Every migration row now carries the checksum of today's file.
  const files = (await readdir(join(ROOT, 'schema/migrations')))
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f)).sort();
  const rows = await query(upgraded.url,
    'SELECT name, checksum FROM schema_migrations ORDER BY version');
  assert.deepEqual(rows.map((x) => x.name), files);
  for (const row of rows) {
    const text = await readFile(join(ROOT, 'schema/migrations', row.name));
    assert.equal(row.checksum, sha256(text), row.name);
  }

  // Then setup as every start runs it; a second run has nothing to do.
  r = await sh(TOOL, ['setup', 'schema', 'seeds'], { DATABASE_URL: upgraded.url });
  assert.equal(r.code, 0, r.stderr);
  r = await sh(TOOL, ['setup', 'schema', 'seeds'], { DATABASE_URL: upgraded.url });
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /0 applied, \d+ in total; function files: 0 applied/);
  const after1 = await data(upgraded.url, cols0);
  // What people wrote is kept as it was; today's seeds may add lessons
  // (the units of seeds/units) but change none of the earlier ones.
  for (const table of ['plan', 'plan_item']) {
    assert.deepEqual(after1[table], before1[table], `the rows of ${table}`);
  }
  for (const table of ['lesson', 'lesson_level']) {
    const now = new Set(after1[table]);
    assert.deepEqual(before1[table].filter((x) => !now.has(x)), [], `no row of ${table} changed or lost`);
  }
  // Rows derived by rules follow today's rules (which may count more or
  // less than the earlier ones): rebuilding them all from scratch changes
  // nothing, and the lesson of the earlier layout still has each kind.
  await query(upgraded.url, `SELECT lesson_warning_refresh_all(),
    lesson_goal_reach_refresh_all(), coverage_rebuild()`);
  const rebuilt = await data(upgraded.url, cols0);
  for (const table of ['lesson_warning', 'coverage_fact', 'coverage_bits', 'lesson_goal_reach']) {
    assert.ok(after1[table].length > 0, `${table} has rows`);
    assert.deepEqual(after1[table], rebuilt[table], `the rows of ${table} are what the rules say`);
  }
  const kept1 = await derivedOfUpgradeLesson(upgraded.url);
  assert.ok(kept1.warnings > 0 && kept1.facts > 0 && kept1.reach > 0,
    `the lesson of the earlier layout keeps its derived rows: ${JSON.stringify(kept1)}`);
  // Today's seeds may add alignments; none of the earlier ones is lost.
  const kept = new Set(after1.alignment.map((x) => JSON.stringify(x)));
  assert.deepEqual(before1.alignment.filter((x) => !kept.has(JSON.stringify(x))), [], 'no alignment is lost');

  // The same schema as a database made fresh by today's tool.
  r = await sh(TOOL, ['setup', 'schema', 'seeds'], { DATABASE_URL: fresh.url });
  assert.equal(r.code, 0, r.stderr);
  const want = await catalogue(fresh.url);
  const got = await catalogue(upgraded.url);
  assert.ok(want.filter((x) => x.startsWith('function ')).length > 200);
  assert.ok(want.filter((x) => x.startsWith('trigger ')).length > 100);
  assert.deepEqual(got.filter((x) => !want.includes(x)), [], 'only in the upgraded database');
  assert.deepEqual(want.filter((x) => !got.includes(x)), [], 'only in the fresh database');
  assert.deepEqual(await query(upgraded.url, 'SELECT name, checksum FROM schema_functions ORDER BY name'),
    await query(fresh.url, 'SELECT name, checksum FROM schema_functions ORDER BY name'));

  // The derived rows are what the rules say, and the lesson is found.
  assert.deepEqual(await query(upgraded.url, 'SELECT * FROM coverage_check()'), []);
  assert.deepEqual(await query(upgraded.url, `
    SELECT w.lesson_id, w.alignment_id, w.goal_id, w.code, w.message
    FROM lesson_warning w JOIN lesson l ON l.id = w.lesson_id
    WHERE l.code = 'UPGRADE-1'
    EXCEPT SELECT w.lesson_id, w.alignment_id, w.goal_id, w.code, w.message FROM lesson l
    CROSS JOIN LATERAL alignment_warning_of(l.id) w
    WHERE l.code = 'UPGRADE-1'`), []);
});
