// Text is cut on UTF-8 character boundaries everywhere: every bounded
// buffer the API fills with user text (warning messages, problem texts,
// iCal and CSV exports, CASE errors) gets 1- to 4-byte characters placed so
// that each of its cut points falls at every offset inside a character.
// Every answer must be valid UTF-8 and none may be a 500.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, db, login } from './lib.mjs';
import { call, cleanup, fixtures, newPlan, PREFIX, YEAR } from './plans_lib.mjs';
import { CASE, samplePackage } from './case_lib.mjs';

const COORD = 'coordinator/A';
const SRC = 'tests/integration/utf8_bounds.test.mjs';
const fatal = new TextDecoder('utf-8', { fatal: true });

// Texts of n code points: k ASCII letters, then characters of width bytes.
const CHARS = { 2: 'é', 3: '€', 4: '😀' };
const text = (k, width, n) => 'a'.repeat(k) + CHARS[width].repeat(n - k);
// Every (k, width) that moves a cut point to each offset in a character.
const SHAPES = [];
for (const width of [2, 3, 4]) for (let k = 0; k < width; k++) SHAPES.push({ k, width });

// GET or send as who; the raw bytes must be UTF-8 and the status no 5xx.
async function raw(who, method, path, body, extra = {}) {
  const headers = { ...(who ? (await login(...who.split('/'))).headers : {}), ...extra };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(BASE + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const bytes = new Uint8Array(await res.arrayBuffer());
  let decoded;
  assert.doesNotThrow(() => { decoded = fatal.decode(bytes); }, `${method} ${path}: invalid UTF-8`);
  assert.ok(res.status < 500, `${method} ${path}: ${res.status} ${decoded}`);
  return { status: res.status, text: decoded, headers: res.headers };
}

const ifMatch = async (plan) =>
  ({ 'if-match': (await call(COORD, 'GET', `/api/v1/plans/${plan}`)).headers.get('etag') });

let F;
const lessons = [];

before(async () => {
  F = await fixtures();
  for (const { k, width } of SHAPES) {
    // Titles of 300 code points: far above the 512 bytes of a warning.
    const res = await call('curator', 'POST', '/api/v1/lessons', {
      body: {
        code: `ZZU-${width}-${k}`, title: text(k, width, 300), source: SRC, status: 'published',
        levels: ['havo-2'], sensitive_topic: true, key_messages: [{ number: 1, title: text(k, width, 50) }],
      },
    });
    assert.equal(res.status, 201, res.text);
    lessons.push({ id: res.json.id, k, width });
  }
});

after(async () => {
  await cleanup();
  const c = await db();
  try {
    await c.query("SELECT set_config('leerlijn.audit', 'off', false)");
    await c.query("DELETE FROM plan_item WHERE lesson_id IN (SELECT id FROM lesson WHERE code LIKE 'ZZU-%')");
    await c.query("DELETE FROM lesson WHERE code LIKE 'ZZU-%'");
  } finally {
    await c.end();
  }
});

test('a lesson title of multi-byte characters keeps every plan readable (warnings, CSV, iCal)', async () => {
  const plan = await newPlan(COORD, F.schools.A, 'utf8 lessons');
  for (const l of lessons) {
    // groep-5 is not a level of the lesson: a warning quotes the title.
    const res = await raw(COORD, 'POST', `/api/v1/plans/${plan.id}/items`,
      { lesson_id: l.id, level: 'groep-5', week: '2026-W40' }, await ifMatch(plan.id));
    assert.equal(res.status, 201, res.text);
  }
  const read = await raw(COORD, 'GET', `/api/v1/plans/${plan.id}`);
  assert.equal(read.status, 200);
  const doc = JSON.parse(read.text);
  const messages = doc.items.flatMap((i) => (i.warnings ?? []).map((w) => w.message));
  assert.ok(messages.some((m) => m.includes('😀')), 'the warnings quote the titles');
  for (const p of ['calendar.ics', 'export.csv']) {
    const res = await raw(COORD, 'GET', `/api/v1/plans/${plan.id}/${p}`);
    assert.equal(res.status, 200, `${p}: ${res.text}`);
  }
});

test('a plan title of multi-byte characters gives a valid iCal calendar', async () => {
  for (const { k, width } of SHAPES) {
    const res = await call(COORD, 'POST', `/api/v1/schools/${F.schools.A}/plans`,
      { body: { school_year: YEAR, title: PREFIX + text(k, width, 200 - PREFIX.length) } });
    assert.equal(res.status, 201, res.text);
    await call(COORD, 'POST', `/api/v1/plans/${res.json.id}/items`,
      { body: { lesson_id: lessons[0].id, level: 'groep-5', week: '2026-W41' }, ifMatch: res.headers.get('etag') });
    const ics = await raw(COORD, 'GET', `/api/v1/plans/${res.json.id}/calendar.ics`);
    assert.equal(ics.status, 200);
    assert.match(ics.text, /X-WR-CALNAME:TEST-PLAN/);
  }
});

test('problem texts that quote a field name stay valid UTF-8', async () => {
  const plan = await newPlan(COORD, F.schools.A, 'utf8 fields');
  for (const { k, width } of SHAPES) {
    const res = await raw(COORD, 'POST', `/api/v1/plans/${plan.id}/items`,
      { lesson_id: lessons[0].id, level: 'groep-5', week: '2026-W40', [text(k, width, 60)]: 1 },
      await ifMatch(plan.id));
    assert.ok([400, 412, 422].includes(res.status), res.text);
  }
});

test('the CASE provider names an unknown parameter without cutting a character', async () => {
  for (const { k, width } of SHAPES) {
    for (const n of [30, 63, 64, 65, 200]) {
      const name = encodeURIComponent(text(k, width, n));
      const res = await raw(null, 'GET', `${CASE}/CFDocuments?${name}=1`);
      // A query string above Kore's limit is refused as too long.
      assert.ok([400, 414].includes(res.status), res.text);
      if (res.status === 400) assert.match(JSON.parse(res.text).imsx_description, /^Onbekende parameter/);
    }
  }
  // The finding: 63 letters and an é that falls on the old 64-byte cut.
  const res = await raw(null, 'GET', `${CASE}/CFDocuments?${'a'.repeat(63)}%C3%A9=1`);
  assert.equal(res.status, 400);
});

test('CASE import errors on long multi-byte keys and values stay valid UTF-8', async () => {
  for (const { k, width } of SHAPES) {
    const { pkg } = samplePackage();
    pkg.CFItems[0][text(k, width, 150)] = text(k, width, 150);
    pkg.CFItems[1].CFItemType = text(k, width, 300);
    pkg.CFDocument.title = 5;
    const res = await raw('curator', 'POST', '/api/v1/case/packages', pkg);
    assert.equal(res.status, 422, res.text);
    const doc = JSON.parse(res.text);
    assert.ok(doc.errors.length > 0);
  }
});
