// The curators' write API of the catalogue against the real kore and
// PostgreSQL: frameworks, goals, relations, lessons and alignments.
// Happy paths read back what they wrote; every write endpoint refuses bad
// input with a problem document, and after every refusal the catalogue
// tables are exactly as before (content and tuple versions).
//
// Everything this file creates belongs to the framework ZZ-TEST-WRITE or
// has a code starting with ZZT-; it is removed at the end and the final
// checksum must equal the first one, so that later test files see the
// seeded catalogue unchanged.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { api, assertProblem, db, curatorHeaders } from './lib.mjs';

const FW = 'ZZ-TEST-WRITE';
const SRC = 'integratietest catalogue_write';
const PO34 = '82c7db22-1b7f-4890-8720-dd2aa8373b56';
const NO_SUCH = '00000000-0000-4000-8000-000000000000';
const BODY_MAX = Number(process.env.LEERLIJN_BODY_MAX);

// The catalogue tables a curator's write can touch, and their neighbours.
const TABLES = ['framework', 'goal', 'goal_level', 'goal_relation',
  'goal_replaced_id', 'programme', 'lesson', 'lesson_level',
  'lesson_help_resource', 'alignment', 'level', 'evidence_level'];

let client;
const fx = {};	// the fixtures made in before()

// Row count and newest tuple version (xmin) of each table.  Any committed
// insert or update makes a tuple with a newer xmin, and a delete lowers
// the count, so two equal snapshots mean that nothing was written (a
// rolled-back transaction leaves no visible tuples).
async function snapshot() {
  const parts = TABLES.map((t) => `SELECT '${t}' AS t,
    count(*) || ':' || coalesce(max(r.xmin::text::bigint), 0) AS v FROM ${t} r`);
  const { rows } = await client.query(parts.join(' UNION ALL '));
  return Object.fromEntries(rows.map((r) => [r.t, r.v]));
}

// A request with the curator's headers; body objects are sent as JSON.
async function send(method, path, body, headers = {}) {
  const h = { ...(await curatorHeaders()), ...headers };
  let b = body;
  if (body !== undefined && typeof body !== 'string' && !(body instanceof Uint8Array)) {
    b = JSON.stringify(body);
  }
  if (b !== undefined && !('content-type' in h)) h['content-type'] = 'application/json';
  return api(path, { method, headers: h, body: b });
}

// Assert a refusal: status, problem document, the field named (when
// given), and nothing changed in the database.
async function refused(res, status, field, label) {
  assertProblem(assert, res, status);
  if (field !== undefined) {
    const fields = (res.json.errors ?? []).map((e) => e.field);
    assert.ok(fields.includes(field), `${label}: errors name ${field} (got ${JSON.stringify(res.json.errors)})`);
    for (const e of res.json.errors) assert.equal(typeof e.message, 'string');
  }
  assert.ok(!/violates|duplicate key|ERROR:|SQLSTATE|syntax error|pg_|jsonb/.test(res.text),
    `${label}: no database text in ${res.text}`);
  assert.deepEqual(await snapshot(), fx.before, `${label}: nothing changed`);
}

async function created(res, prefix) {
  assert.equal(res.status, 201, res.text);
  const loc = res.headers.get('location');
  assert.ok(loc && loc.startsWith(prefix), `Location ${loc}`);
  const back = await api(loc);
  assert.equal(back.status, 200);
  return { loc, body: res.json, back: back.json };
}

before(async () => {
  client = await db();
  fx.initial = await snapshot();
  // A framework with two goals, the first for groep 7, the second its child.
  let r = await send('POST', '/api/v1/frameworks', {
    code: FW, title: 'Testkader schrijf-API', status: 'concept', source: SRC,
    year: 2026, language: 'nl', source_url: 'https://example.org/kader',
  });
  const fw = await created(r, `/api/v1/frameworks/${FW}`);
  assert.deepEqual(fw.back, fw.body);
  fx.fw = fw.body;
  r = await send('POST', `/api/v1/frameworks/${FW}/goals`, {
    code: 'ZZ1', kind: 'doel', title: 'Weerbaarheid online', confidence: 'inferred',
    source: SRC, levels: ['groep-7', 'groep-8'],
  });
  fx.g1 = (await created(r, '/api/v1/goals/')).back;
  r = await send('POST', `/api/v1/frameworks/${FW}/goals`, {
    code: 'ZZ1.1', kind: 'bouwsteen', title: 'Grenzen aangeven', confidence: 'inferred',
    source: SRC, parent_id: fx.g1.id, position: 1,
  });
  fx.g2 = (await created(r, '/api/v1/goals/')).back;
  // A published VO lesson without alignment.
  r = await send('POST', '/api/v1/lessons', {
    code: 'ZZT-LES-1', title: 'Testles schrijf-API', source: SRC, status: 'published',
    programme: 'MNOS', levels: ['havo-2', 'vwo-2'], duration_minutes: 50,
    themes: ['weerbaarheid'], key_messages: [{ number: 1, title: 'Er is hulp' }],
    safety_checklist: ['Spreek af dat niemand wordt uitgelachen.'], sensitive_topic: true,
  });
  const les = await created(r, '/api/v1/lessons/');
  fx.lesson = les.back;
  fx.lessonEtag = r.headers.get('etag');
  fx.before = await snapshot();
});

after(async () => {
  try {
    await client.query(`DELETE FROM lesson WHERE code LIKE 'ZZT-%' OR source = $1`, [SRC]);
    await client.query(`DELETE FROM goal_relation WHERE source = $1`, [SRC]);
    await client.query(`DELETE FROM goal WHERE framework_id IN
      (SELECT id FROM framework WHERE code LIKE 'ZZ-TEST-%') AND parent_id IS NOT NULL`);
    await client.query(`DELETE FROM goal WHERE framework_id IN
      (SELECT id FROM framework WHERE code LIKE 'ZZ-TEST-%')`);
    await client.query(`DELETE FROM framework WHERE code LIKE 'ZZ-TEST-%'`);
    // Left as found: later test files count the seeded catalogue.
    assert.deepEqual(await snapshot(), fx.initial, 'the catalogue is as it was');
  } finally {
    await client.end();
  }
});

test('creates answer 201 with Location, and the resource reads back', async () => {
  assert.notDeepEqual(fx.before, fx.initial, 'the checksum sees the new rows');
  assert.equal(fx.fw.code, FW);
  assert.equal(fx.fw.year, 2026);
  assert.equal(fx.fw.source_url, 'https://example.org/kader');
  assert.deepEqual(fx.g1.levels.map((l) => l.code), ['groep-7', 'groep-8']);
  assert.equal(fx.g1.framework.code, FW);
  assert.deepEqual(fx.g2.ancestors.map((a) => a.id), [fx.g1.id]);
  const tree = await api(`/api/v1/frameworks/${FW}/goals`);
  assert.deepEqual(tree.json.goals.map((g) => [g.code, g.children.map((c) => c.code)]),
    [['ZZ1', ['ZZ1.1']]]);
  assert.equal(fx.lesson.code, 'ZZT-LES-1');
  assert.equal(fx.lesson.version, 1);
  assert.equal(fx.lessonEtag, '"1"');
  assert.deepEqual(fx.lesson.levels.map((l) => l.code), ['havo-2', 'vwo-2']);
  assert.deepEqual(fx.lesson.key_messages, [{ number: 1, title: 'Er is hulp' }]);
  assert.equal(fx.lesson.programmes[0].code, 'MNOS');
  assert.equal(fx.lesson.sensitive_topic, true);
  // The database holds what the API said.
  const { rows: [l] } = await client.query(
    `SELECT title, status, duration_minutes, themes FROM lesson WHERE id = $1`, [fx.lesson.id]);
  assert.deepEqual(l, { title: 'Testles schrijf-API', status: 'published', duration_minutes: 50,
    themes: ['weerbaarheid'] });
});

test('a new lesson gets data-quality warnings like the seeded ones', async () => {
  // Published without any alignment: flagged.
  let l = await api(`/api/v1/lessons/${fx.lesson.id}`);
  assert.deepEqual(l.json.warnings.map((w) => w.code), ['no_alignment']);
  let all = await api('/api/v1/alignment-warnings?limit=500', { headers: await curatorHeaders() });
  assert.ok(all.json.items.some((w) => w.code === 'no_alignment' && w.lesson?.id === fx.lesson.id));
  // Aligned to a groep 7-8 goal: the levels do not meet (havo 2, vwo 2).
  const r = await send('POST', `/api/v1/lessons/${fx.lesson.id}/alignments`, {
    goal_id: fx.g1.id, emphasis: 'introduce', confidence: 'inferred', source: SRC,
    published_label: 'ZZ1 Weerbaarheid online', published_code: 'ZZ1',
  });
  const a = await created(r, '/api/v1/alignments/');
  assert.equal(a.back.goal.id, fx.g1.id);
  assert.equal(a.back.lesson_id, fx.lesson.id);
  l = await api(`/api/v1/lessons/${fx.lesson.id}`);
  const codes = l.json.warnings.map((w) => w.code);
  assert.ok(!codes.includes('no_alignment'), 'aligned now');
  assert.ok(codes.includes('level_mismatch'), JSON.stringify(codes));
  const mine = l.json.alignments.find((x) => x.id === a.body.id);
  assert.match(mine.warnings.find((w) => w.code === 'level_mismatch').message, /groep 7/);
  // A published label that disagrees with the goal's title is flagged too.
  const r2 = await send('POST', `/api/v1/lessons/${fx.lesson.id}/alignments`, {
    goal_id: fx.g2.id, confidence: 'verbatim', source: SRC,
    published_label: 'ZZ1.1 Digitale identiteit', published_code: 'ZZ1.1',
  });
  const a2 = await created(r2, '/api/v1/alignments/');
  all = await api('/api/v1/alignment-warnings?limit=500', { headers: await curatorHeaders() });
  assert.ok(all.json.items.some((w) => w.code === 'label_title_mismatch' && w.alignment_id === a2.body.id));
  // DELETE: 204, then 404; the lesson is unaligned from g2 again.
  assert.equal((await send('DELETE', a2.loc)).status, 204);
  assertProblem(assert, await api(a2.loc), 404);
  assertProblem(assert, await send('DELETE', a2.loc), 404);
  fx.alignment = a.body;
  fx.before = await snapshot();
});

test('PATCH of a lesson needs its ETag in If-Match: 428, 412 stale, 200 fresh', async () => {
  const path = `/api/v1/lessons/${fx.lesson.id}`;
  const cur = await api(path);
  const etag = cur.headers.get('etag');
  await refused(await send('PATCH', path, { title: 'Nieuw' }), 428, undefined, 'no If-Match');
  await refused(await send('PATCH', path, { title: 'Nieuw' }, { 'if-match': '"99"' }), 412,
    undefined, 'stale');
  await refused(await send('PATCH', path, { title: 'Nieuw' }, { 'if-match': 'x' }), 400,
    undefined, 'bad If-Match');
  let r = await send('PATCH', path, { title: 'Testles, herzien', duration_minutes: null },
    { 'if-match': etag });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.title, 'Testles, herzien');
  assert.equal(r.json.duration_minutes, null);
  assert.equal(r.json.levels.length, 2, 'levels untouched');
  const etag2 = r.headers.get('etag');
  assert.notEqual(etag2, etag);
  assert.equal(etag2, `"${r.json.version}"`);
  // The old ETag is stale now.
  fx.before = await snapshot();
  await refused(await send('PATCH', path, { title: 'Weer' }, { 'if-match': etag }), 412,
    undefined, 'old ETag');
  // Changing only the levels changes the version too.
  r = await send('PATCH', path, { levels: ['havo-3'] }, { 'if-match': etag2 });
  assert.equal(r.status, 200, r.text);
  assert.deepEqual(r.json.levels.map((l) => l.code), ['havo-3']);
  assert.notEqual(r.headers.get('etag'), etag2);
  // Equal content leaves the version alone.
  const etag3 = r.headers.get('etag');
  r = await send('PATCH', path, { levels: ['havo-3'] }, { 'if-match': etag3 });
  assert.equal(r.headers.get('etag'), etag3);
  fx.before = await snapshot();
});

test('PATCH of frameworks and goals; the goal tree cannot get a cycle', async () => {
  let r = await send('PATCH', `/api/v1/frameworks/${FW}`, { publisher: 'Leerlijn-test', year: null });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.publisher, 'Leerlijn-test');
  assert.equal(r.json.year, null);
  assert.equal((await api(`/api/v1/frameworks/${FW}`)).json.publisher, 'Leerlijn-test');
  r = await send('PATCH', `/api/v1/goals/${fx.g2.id}`, { title: 'Grenzen aangeven online', levels: ['groep-8'] });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.title, 'Grenzen aangeven online');
  assert.deepEqual(r.json.levels.map((l) => l.code), ['groep-8']);
  fx.before = await snapshot();
  await refused(await send('PATCH', `/api/v1/goals/${fx.g1.id}`, { parent_id: fx.g2.id }), 422,
    'parent_id', 'cycle');
  await refused(await send('PATCH', `/api/v1/goals/${fx.g1.id}`, { parent_id: fx.g1.id }), 422,
    'parent_id', 'own parent');
  await refused(await send('PATCH', `/api/v1/goals/${fx.g2.id}`, { parent_id: PO34 }), 422,
    'parent_id', 'parent in another framework');
  await refused(await send('PATCH', '/api/v1/frameworks/NOPE-NOPE', { title: 'x' }), 404,
    undefined, 'unknown framework');
  await refused(await send('PATCH', `/api/v1/goals/${NO_SUCH}`, { title: 'x' }), 404,
    undefined, 'unknown goal');
  await refused(await send('POST', '/api/v1/frameworks/NOPE-NOPE/goals', {
    kind: 'doel', title: 'x', confidence: 'inferred', source: SRC }), 404, undefined,
  'goal in unknown framework');
});

test('relations: create, read, refuse duplicates and self, delete', async () => {
  const r = await send('POST', `/api/v1/goals/${fx.g2.id}/relations`, {
    type: 'isRelatedTo', goal_id: PO34, confidence: 'inferred', source: SRC,
  });
  const rel = await created(r, '/api/v1/relations/');
  assert.equal(rel.back.type, 'isRelatedTo');
  assert.equal(rel.back.origin.id, fx.g2.id);
  assert.equal(rel.back.destination.id, PO34);
  const g = await api(`/api/v1/goals/${PO34}`);
  assert.ok(g.json.relations.some((x) => x.id === rel.body.id && x.direction === 'incoming'));
  fx.before = await snapshot();
  await refused(await send('POST', `/api/v1/goals/${fx.g2.id}/relations`, {
    type: 'isRelatedTo', goal_id: PO34, confidence: 'inferred', source: SRC }), 409, 'goal_id',
  'duplicate relation');
  await refused(await send('POST', `/api/v1/goals/${fx.g2.id}/relations`, {
    type: 'isRelatedTo', goal_id: fx.g2.id, confidence: 'inferred', source: SRC }), 422, 'goal_id',
  'relation to itself');
  await refused(await send('POST', `/api/v1/goals/${NO_SUCH}/relations`, {
    type: 'isRelatedTo', goal_id: PO34, confidence: 'inferred', source: SRC }), 404, undefined,
  'relation of an unknown goal');
  assert.equal((await send('DELETE', rel.loc)).status, 204);
  assertProblem(assert, await api(rel.loc), 404);
  fx.before = await snapshot();
  await refused(await send('DELETE', rel.loc), 404, undefined, 'relation deleted twice');
  await refused(await api('/api/v1/relations/not-a-uuid'), 404, undefined, 'relation id');
});

// Bad input for every endpoint that takes a body: [body, status, field].
function endpoints() {
  const long = (n) => 'x'.repeat(n + 1);
  const ifm = async () => ({ 'if-match': (await api(`/api/v1/lessons/${fx.lesson.id}`)).headers.get('etag') });
  return [
    {
      name: 'POST frameworks', method: 'POST', path: '/api/v1/frameworks',
      valid: { code: 'ZZ-TEST-2', title: 'Tweede', status: 'concept', source: SRC },
      cases: [
        [{ title: 'x', status: 'concept', source: SRC }, 422, 'code'],
        [{ code: 'ZZ-TEST-2', status: 'concept', source: SRC }, 422, 'title'],
        [{ code: 'ZZ-TEST-2', title: 'x', source: SRC }, 422, 'status'],
        [{ code: 'ZZ-TEST-2', title: 'x', status: 'concept' }, 422, 'source'],
        [{ code: 'ZZ-TEST-2', title: 'x', status: 'gone', source: SRC }, 422, 'status'],
        [{ code: 'ZZ-TEST-2', title: 7, status: 'concept', source: SRC }, 422, 'title'],
        [{ code: 'ZZ-TEST-2', title: 'x', status: 'concept', source: SRC, year: '2020' }, 422, 'year'],
        [{ code: 'ZZ-TEST-2', title: 'x', status: 'concept', source: SRC, year: 1800 }, 422, 'year'],
        [{ code: 'ZZ-TEST-2', title: long(300), status: 'concept', source: SRC }, 422, 'title'],
        [{ code: 'ZZ-TEST-2', title: 'x', status: 'concept', source: SRC, source_url: 'javascript:alert(1)' }, 422, 'source_url'],
        [{ code: 'ZZ TEST 2', title: 'x', status: 'concept', source: SRC }, 422, 'code'],
        [{ code: 'ZZ-TEST-2', title: 'x', status: 'concept', source: SRC, language: 'NL' }, 422, 'language'],
        [{ code: FW, title: 'x', status: 'concept', source: SRC }, 409, 'code'],
        [{ code: 'CNU-DG-2019', title: 'x', status: 'concept', source: SRC }, 409, 'code'],
      ],
    },
    {
      name: 'PATCH frameworks/{code}', method: 'PATCH', path: `/api/v1/frameworks/${FW}`,
      valid: { title: 'Ander' },
      cases: [
        [{}, 422, ''],
        [{ code: 'ZZ-TEST-3' }, 422, 'code'],
        [{ title: null }, 422, 'title'],
        [{ status: 'adopted ' }, 422, 'status'],
        [{ note: long(4000) }, 422, 'note'],
        [{ title: ' Ander' }, 422, 'title'],
      ],
    },
    {
      name: 'POST frameworks/{code}/goals', method: 'POST', path: `/api/v1/frameworks/${FW}/goals`,
      valid: { code: 'ZZ2', kind: 'doel', title: 'Ander doel', confidence: 'inferred', source: SRC },
      cases: [
        [{ code: 'ZZ2', title: 'x', confidence: 'inferred', source: SRC }, 422, 'kind'],
        [{ code: 'ZZ2', kind: 'doel', title: 'x', source: SRC }, 422, 'confidence'],
        [{ code: 'ZZ2', kind: 'doel', title: 'x', confidence: 'sure', source: SRC }, 422, 'confidence'],
        [{ code: 'ZZ2', kind: 'doel', title: 'x', confidence: 'inferred', source: SRC, position: -1 }, 422, 'position'],
        [{ code: 'ZZ2', kind: 'doel', title: 'x', confidence: 'inferred', source: SRC, parent_id: 'abc' }, 422, 'parent_id'],
        [{ code: 'ZZ2', kind: 'doel', title: 'x', confidence: 'inferred', source: SRC, parent_id: NO_SUCH }, 422, 'parent_id'],
        [{ code: 'ZZ2', kind: 'doel', title: 'x', confidence: 'inferred', source: SRC, parent_id: PO34 }, 422, 'parent_id'],
        [{ code: 'ZZ2', kind: 'doel', title: 'x', confidence: 'inferred', source: SRC, levels: ['groep-9'] }, 422, 'levels'],
        [{ code: 'ZZ2', kind: 'doel', title: 'x', confidence: 'inferred', source: SRC, levels: 'groep-7' }, 422, 'levels'],
        [{ code: 'ZZ2', kind: 'doel', title: 'x', confidence: 'inferred', source: SRC, alt_titles: [1] }, 422, 'alt_titles'],
        [{ code: 'ZZ2', kind: 'doel', title: long(1000), confidence: 'inferred', source: SRC }, 422, 'title'],
        [{ code: 'ZZ1', kind: 'doel', title: 'x', confidence: 'inferred', source: SRC }, 409, 'code'],
      ],
    },
    {
      name: 'PATCH goals/{id}', method: 'PATCH', path: () => `/api/v1/goals/${fx.g2.id}`,
      valid: { title: 'Grenzen' },
      cases: [
        [{}, 422, ''],
        [{ code: 'ZZ1' }, 409, 'code'],
        [{ status: 'obsolete' }, 422, 'status'],
        [{ levels: ['groep-7', 'nope'] }, 422, 'levels'],
        [{ description: long(10000) }, 422, 'description'],
        [{ framework: 'CNU-DG-2019' }, 422, 'framework'],
        [{ parent_id: NO_SUCH }, 422, 'parent_id'],
      ],
    },
    {
      name: 'POST goals/{id}/relations', method: 'POST', path: () => `/api/v1/goals/${fx.g2.id}/relations`,
      valid: { type: 'isRelatedTo', goal_id: PO34, confidence: 'inferred', source: SRC },
      cases: [
        [{ goal_id: PO34, confidence: 'inferred', source: SRC }, 422, 'type'],
        [{ type: 'isFriendOf', goal_id: PO34, confidence: 'inferred', source: SRC }, 422, 'type'],
        [{ type: 'isRelatedTo', confidence: 'inferred', source: SRC }, 422, 'goal_id'],
        [{ type: 'isRelatedTo', goal_id: null, confidence: 'inferred', source: SRC }, 422, 'goal_id'],
        [{ type: 'isRelatedTo', goal_id: NO_SUCH, confidence: 'inferred', source: SRC }, 422, 'goal_id'],
        [{ type: 'isRelatedTo', goal_id: PO34, confidence: 'inferred', source: SRC, sequence_number: 1.5 }, 422, 'sequence_number'],
        [{ type: 'isRelatedTo', goal_id: PO34, confidence: 'inferred', source: long(500) }, 422, 'source'],
      ],
    },
    {
      name: 'POST lessons', method: 'POST', path: '/api/v1/lessons',
      valid: { code: 'ZZT-LES-2', title: 'Tweede testles', source: SRC },
      cases: [
        [{ code: 'ZZT-LES-2', source: SRC }, 422, 'title'],
        [{ code: 'ZZT-LES-2', title: 'x' }, 422, 'source'],
        [{ title: 'x', source: SRC, programme: 'NOPE' }, 422, 'programme'],
        [{ title: 'x', source: SRC, evidence_level: 'ERK-9' }, 422, 'evidence_level'],
        [{ title: 'x', source: SRC, levels: ['havo-7'] }, 422, 'levels'],
        [{ title: 'x', source: SRC, duration_minutes: 0 }, 422, 'duration_minutes'],
        [{ title: 'x', source: SRC, duration_minutes: '50' }, 422, 'duration_minutes'],
        [{ title: 'x', source: SRC, sensitive_topic: 'ja' }, 422, 'sensitive_topic'],
        [{ title: 'x', source: SRC, status: 'archived' }, 422, 'status'],
        [{ title: 'x', source: SRC, key_messages: 'wees lief' }, 422, 'key_messages'],
        [{ title: 'x', source: SRC, key_messages: ['wees lief'] }, 422, 'key_messages'],
        [{ title: 'x', source: SRC, themes: Array(31).fill('t') }, 422, 'themes'],
        [{ title: 'x', source: SRC, summary: long(10000) }, 422, 'summary'],
        [{ title: 'regel\u0007', source: SRC }, 422, 'title'],
        [{ title: 'x', source: SRC, version: 7 }, 422, 'version'],
        [{ title: 'x', source: SRC, code: 'MNOS-LES-1' }, 409, 'code'],
        [{ title: 'x', source: SRC, code: 'ZZT-LES-1' }, 409, 'code'],
      ],
    },
    {
      name: 'PATCH lessons/{id}', method: 'PATCH', path: () => `/api/v1/lessons/${fx.lesson.id}`,
      headers: ifm, valid: { title: 'Andere titel' },
      cases: [
        [{}, 422, ''],
        [{ title: null }, 422, 'title'],
        [{ source: '' }, 422, 'source'],
        [{ programme: 'NOPE' }, 422, 'programme'],
        [{ levels: ['vwo-2', 'x-1'] }, 422, 'levels'],
        [{ code: 'MNOS-LES-2' }, 409, 'code'],
        [{ language: 'dutch' }, 422, 'language'],
        [{ teacher_preparation: long(20000) }, 422, 'teacher_preparation'],
      ],
    },
    {
      name: 'POST lessons/{id}/alignments', method: 'POST', path: () => `/api/v1/lessons/${fx.lesson.id}/alignments`,
      valid: { goal_id: fx.g2.id, confidence: 'inferred', source: SRC },
      cases: [
        [{ confidence: 'inferred', source: SRC }, 422, 'goal_id'],
        [{ goal_id: NO_SUCH, confidence: 'inferred', source: SRC }, 422, 'goal_id'],
        [{ goal_id: 'DG2.1', confidence: 'inferred', source: SRC }, 422, 'goal_id'],
        [{ goal_id: fx.g2.id, confidence: 'inferred', source: SRC, emphasis: 'memorise' }, 422, 'emphasis'],
        [{ goal_id: fx.g2.id, confidence: 'inferred', source: SRC, published_code: 'ZZ1.1' }, 422, 'published_label'],
        [{ goal_id: fx.g2.id, confidence: 'inferred', source: SRC, published_label: long(1000) }, 422, 'published_label'],
        [{ goal_id: fx.g1.id, confidence: 'inferred', source: SRC }, 409, 'goal_id'],
      ],
    },
  ];
}

test('every write endpoint refuses bad input and changes nothing', async () => {
  fx.before = await snapshot();
  for (const ep of endpoints()) {
    const path = typeof ep.path === 'function' ? ep.path() : ep.path;
    // Refusals leave the version alone: one If-Match serves every case.
    const fixed = ep.headers ? await ep.headers() : {};
    const hdr = async () => fixed;
    const at = (what) => `${ep.name}: ${what}`;
    // Malformed JSON, not an object, no body, wrong content type, invalid
    // UTF-8 (inside a string and as a raw byte), too large.
    await refused(await send(ep.method, path, '{"title": ', await hdr()), 400, undefined, at('malformed'));
    await refused(await send(ep.method, path, '{"title": "x",}', await hdr()), 400, undefined, at('trailing comma'));
    await refused(await send(ep.method, path, '[]', await hdr()), 422, undefined, at('array'));
    await refused(await send(ep.method, path, '', await hdr()), 400, undefined, at('empty'));
    await refused(await send(ep.method, path, JSON.stringify(ep.valid),
      { ...(await hdr()), 'content-type': 'text/plain' }), 415, undefined, at('text/plain'));
    await refused(await send(ep.method, path, JSON.stringify(ep.valid),
      { ...(await hdr()), 'content-type': 'application/x-www-form-urlencoded' }), 415, undefined, at('form'));
    const bad = Buffer.concat([Buffer.from('{"title": "caf'), Buffer.from([0xc3, 0x28]), Buffer.from('"}')]);
    await refused(await send(ep.method, path, bad, await hdr()), 400, undefined, at('invalid UTF-8'));
    await refused(await send(ep.method, path, '{"title": "\\ud800"}', await hdr()), 400, undefined, at('lone surrogate'));
    await refused(await send(ep.method, path, '{"title": "a\\u0000b"}', await hdr()), 400, undefined, at('NUL'));
    await refused(await send(ep.method, path, '{"title": "a", "title": "b"}', await hdr()), 400, undefined, at('duplicate key'));
    await refused(await send(ep.method, path, JSON.stringify({ ...ep.valid, pad: 'x'.repeat(BODY_MAX) }),
      await hdr()), 413, undefined, at('too large'));
    // Unknown fields, and the endpoint's own cases.
    await refused(await send(ep.method, path, { ...ep.valid, evil: 1 }, await hdr()), 422, 'evil', at('unknown field'));
    for (const [body, status, field] of ep.cases) {
      await refused(await send(ep.method, path, body, await hdr()), status, field,
        at(JSON.stringify(body).slice(0, 80)));
    }
  }
});

// The refusals come from explicit checks (schema/functions/
// catalogue_write.sql) that raise SQLSTATE LL422 or LL409 with the field,
// not from the names PostgreSQL gives constraints: with every constraint
// these requests would otherwise meet renamed, each answer still names its
// field and says why.
test('each refusal names its field and reason, whatever the constraints are called', async () => {
  const constraints = ['framework_code_key', 'framework_code_check', 'framework_language_check',
    'goal_framework_code_key', 'goal_parent_id_fkey', 'goal_check',
    'goal_relation_destination_goal_id_fkey', 'goal_relation_check',
    'goal_relation_origin_goal_id_relation_type_destination_goal_key',
    'lesson_code_key', 'lesson_code_check', 'lesson_language_check',
    'alignment_goal_id_fkey', 'alignment_lesson_id_programme_id_goal_id_source_key',
    'alignment_check1'];
  const renames = [];
  for (const [i, name] of constraints.entries()) {
    const { rows } = await client.query(`
      SELECT format('ALTER TABLE %s RENAME CONSTRAINT %I TO %I', conrelid::regclass, conname, $2::text) AS go,
        format('ALTER TABLE %s RENAME CONSTRAINT %I TO %I', conrelid::regclass, $2::text, conname) AS back
      FROM pg_constraint WHERE conname = $1::text
      UNION ALL
      SELECT format('ALTER INDEX %I RENAME TO %I', relname, $2::text),
        format('ALTER INDEX %I RENAME TO %I', $2::text, relname)
      FROM pg_class WHERE relname = $1::text AND relkind = 'i'
        AND NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = $1::text)`, [name, `zz_renamed_${i}`]);
    assert.equal(rows.length, 1, `the constraint ${name} exists`);
    renames.push(rows[0]);
  }
  const [rel] = (await client.query(`SELECT origin_goal_id AS origin, relation_type AS type,
    destination_goal_id AS dest FROM goal_relation ORDER BY id LIMIT 1`)).rows;
  const ifm = { 'if-match': (await api(`/api/v1/lessons/${fx.lesson.id}`)).headers.get('etag') };
  const goal = (extra) => ({ kind: 'doel', title: 'x', confidence: 'inferred', source: SRC, ...extra });
  const rel1 = (extra) => ({ type: 'isRelatedTo', confidence: 'inferred', source: SRC, ...extra });
  const cases = [
    ['POST', '/api/v1/frameworks', { code: 'ZZ TEST 9', title: 'x', status: 'concept', source: SRC },
      422, 'code', /^moet beginnen met een letter of cijfer/],
    ['POST', '/api/v1/frameworks', { code: FW, title: 'x', status: 'concept', source: SRC },
      409, 'code', /^bestaat al$/],
    ['POST', '/api/v1/frameworks', { code: 'ZZ-TEST-9', title: 'x', status: 'concept', source: SRC, language: 'NL' },
      422, 'language', /^moet een taalcode van twee kleine letters zijn/],
    ['POST', `/api/v1/frameworks/${FW}/goals`, goal({ code: 'ZZ1' }), 409, 'code', /^bestaat al in dit kader$/],
    ['POST', `/api/v1/frameworks/${FW}/goals`, goal({ code: 'ZZ9', parent_id: NO_SUCH }),
      422, 'parent_id', /^verwijst naar een leerdoel dat niet bestaat$/],
    ['PATCH', `/api/v1/goals/${fx.g2.id}`, { parent_id: fx.g2.id },
      422, 'parent_id', /^een leerdoel kan niet boven zichzelf staan$/],
    ['POST', `/api/v1/goals/${fx.g2.id}/relations`, rel1({ goal_id: NO_SUCH }),
      422, 'goal_id', /^verwijst naar een leerdoel dat niet bestaat$/],
    ['POST', `/api/v1/goals/${fx.g2.id}/relations`, rel1({ goal_id: fx.g2.id }),
      422, 'goal_id', /^een leerdoel kan geen relatie met zichzelf hebben$/],
    ['POST', `/api/v1/goals/${rel.origin}/relations`, rel1({ type: rel.type, goal_id: rel.dest }),
      409, 'goal_id', /^deze relatie bestaat al$/],
    ['POST', '/api/v1/lessons', { title: 'x', source: SRC, code: 'MNOS-LES-1' }, 409, 'code', /^bestaat al$/],
    ['POST', '/api/v1/lessons', { title: 'x', source: SRC, code: '-ZZT' }, 422, 'code', /^moet beginnen/],
    ['PATCH', `/api/v1/lessons/${fx.lesson.id}`, { language: 'NL' }, 422, 'language', /taalcode/, ifm],
    ['POST', `/api/v1/lessons/${fx.lesson.id}/alignments`, { goal_id: NO_SUCH, confidence: 'inferred', source: SRC },
      422, 'goal_id', /^verwijst naar een leerdoel dat niet bestaat$/],
    ['POST', `/api/v1/lessons/${fx.lesson.id}/alignments`,
      { goal_id: fx.g2.id, confidence: 'inferred', source: SRC, published_code: 'ZZ1.1' },
      422, 'published_label', /^is verplicht als published_code is gegeven$/],
    ['POST', `/api/v1/lessons/${fx.lesson.id}/alignments`, { goal_id: fx.g1.id, confidence: 'inferred', source: SRC },
      409, 'goal_id', /^deze les is al met dit leerdoel gekoppeld/],
  ];
  fx.before = await snapshot();
  try {
    for (const r of renames) await client.query(r.go);
    for (const [method, path, body, status, field, message, headers] of cases) {
      const label = `${method} ${path} ${JSON.stringify(body)}`;
      const res = await send(method, path, body, headers);
      await refused(res, status, field, label);
      assert.match(res.json.errors.find((e) => e.field === field).message, message, label);
    }
  } finally {
    for (const r of renames) await client.query(r.back).catch(() => {});
  }
});

test('every error of a body is reported, each with its field', async () => {
  const r = await send('POST', '/api/v1/lessons', { title: 5, duration_minutes: -1, evil: true });
  await refused(r, 422, 'title', 'several errors');
  assert.deepEqual(r.json.errors.map((e) => e.field).sort(),
    ['duration_minutes', 'evil', 'source', 'title']);
});

test('DELETE: 204 then 404; 409 while in use; lessons need If-Match', async () => {
  // A goal with a child, or with an alignment, is in use.
  fx.before = await snapshot();
  await refused(await send('DELETE', `/api/v1/goals/${fx.g1.id}`), 409, undefined, 'goal with child and alignment');
  await refused(await send('DELETE', `/api/v1/goals/${NO_SUCH}`), 404, undefined, 'unknown goal');
  await refused(await send('DELETE', '/api/v1/goals/zz'), 404, undefined, 'goal id');
  await refused(await send('DELETE', `/api/v1/alignments/${NO_SUCH}`), 404, undefined, 'unknown alignment');
  const lpath = `/api/v1/lessons/${fx.lesson.id}`;
  const etag = (await api(lpath)).headers.get('etag');
  await refused(await send('DELETE', lpath), 428, undefined, 'lesson without If-Match');
  await refused(await send('DELETE', lpath, undefined, { 'if-match': '"999"' }), 412, undefined, 'stale lesson');
  // The alignment, then the lesson, then the goals.
  const apath = `/api/v1/alignments/${fx.alignment.id}`;
  assert.equal((await api(apath)).status, 200);
  assert.equal((await send('DELETE', apath)).status, 204);
  assertProblem(assert, await api(apath), 404);
  assertProblem(assert, await send('DELETE', apath), 404);
  assert.equal((await send('DELETE', lpath, undefined, { 'if-match': etag })).status, 204);
  assertProblem(assert, await api(lpath), 404);
  assertProblem(assert, await send('DELETE', lpath, undefined, { 'if-match': etag }), 404);
  const { rows } = await client.query('SELECT count(*)::int AS n FROM lesson_level WHERE lesson_id = $1',
    [fx.lesson.id]);
  assert.equal(rows[0].n, 0, 'its levels went with it');
  assert.equal((await send('DELETE', `/api/v1/goals/${fx.g2.id}`)).status, 204);
  assert.equal((await send('DELETE', `/api/v1/goals/${fx.g1.id}`)).status, 204);
  assertProblem(assert, await api(`/api/v1/goals/${fx.g1.id}`), 404);
  assert.equal((await api(`/api/v1/frameworks/${FW}`)).json.goal_count, 0);
});

test('write routes answer 405 with Allow for other methods', async () => {
  const r = await send('PUT', `/api/v1/lessons/${NO_SUCH}`, {});
  assertProblem(assert, r, 405);
  const allow = (res) => res.headers.get('allow').split(', ').sort();
  assert.deepEqual(allow(r), ['DELETE', 'GET', 'HEAD', 'PATCH']);
  const o = await api('/api/v1/frameworks', { method: 'OPTIONS' });
  assert.deepEqual(allow(o), ['GET', 'HEAD', 'POST']);
  const g = await api(`/api/v1/goals/${NO_SUCH}/relations`, { method: 'OPTIONS' });
  assert.deepEqual(allow(g), ['POST']);
});
