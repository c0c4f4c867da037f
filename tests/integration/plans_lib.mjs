// Helpers of the planning tests (plans*.test.mjs): requests as a demo
// user, fixtures that the catalogue does not have (a few published lessons
// for primary school, a school in region midden) and their cleanup.
import { api, DATABASE_URL, demoSchools, fixtureWrite, login, query } from './lib.mjs';

export const YEAR = '2026-2027';
export const NEXT = '2027-2028';
// Every plan a test makes has a title starting with this: after() removes
// them again so that other test files see the demo schools as they were.
export const PREFIX = 'TEST-PLAN ';

// A request as role (or with explicit headers); body is sent as JSON.
export async function call(who, method, path, { body, ifMatch, headers = {} } = {}) {
  const h = { ...headers };
  if (who) Object.assign(h, typeof who === 'string' ? (await login(...who.split('/'))).headers : who);
  if (body !== undefined) h['content-type'] = 'application/json';
  if (ifMatch !== undefined) h['if-match'] = ifMatch;
  return api(path, { method, headers: h, body: body === undefined ? undefined : JSON.stringify(body) });
}

// Lessons for primary school, made here because the seeded pack is for VO
// 2-3 only: TEST-PO-1 (groep 5-8, not sensitive), TEST-PO-2 (groep 7-8,
// a sensitive topic, part of programme TEST-PO-PROG with TEST-PO-3).
export async function fixtures() {
  const ids = await fixtureWrite(async (c) => {
    await c.query(`INSERT INTO programme (code, title, source, confidence)
      VALUES ('TEST-PO-PROG', 'Testprogramma basisschool', 'tests/integration/plans_lib.mjs', 'inferred')
      ON CONFLICT (code) DO NOTHING`);
    const lessons = [
      ['TEST-PO-1', 'Weerbaar online (test)', false, null, ['groep-5', 'groep-6', 'groep-7', 'groep-8']],
      ['TEST-PO-2', 'Grenzen aangeven (test)', true, 'TEST-PO-PROG', ['groep-7', 'groep-8']],
      ['TEST-PO-3', 'Terug naar grenzen (test)', false, 'TEST-PO-PROG', ['groep-7', 'groep-8']],
    ];
    for (const [code, title, sensitive, prog, levels] of lessons) {
      await c.query(`INSERT INTO lesson (code, title, sensitive_topic, programme_id, status, source)
        VALUES ($1, $2, $3, (SELECT id FROM programme WHERE code = $4), 'published',
          'tests/integration/plans_lib.mjs') ON CONFLICT (code) DO NOTHING`, [code, title, sensitive, prog]);
      await c.query(`INSERT INTO lesson_level (lesson_id, level_id)
        SELECT l.id, v.id FROM lesson l, level v WHERE l.code = $1 AND v.code = ANY ($2)
        ON CONFLICT DO NOTHING`, [code, levels]);
    }
    const { rows } = await c.query(
      "SELECT code, id FROM lesson WHERE code IN ('TEST-PO-1', 'TEST-PO-2', 'TEST-PO-3', 'MNOS-LES-1', 'MNOS-LES-2', 'MNOS-LES-3')");
    return Object.fromEntries(rows.map((r) => [r.code, r.id]));
  });
  return { lesson: ids, schools: { ...demoSchools(), C: await middenSchool() } };
}

// A school in region midden (Utrecht lies in midden: seeds/calendar),
// made by the admin through the API; the demo schools are in noord and
// zuid.
const MIDDEN = { brin: '99XC', vestiging: '00', name: 'Testschool midden (fictief)', type: 'PO',
  municipality: 'Utrecht', region: 'midden', first_level: 'groep-1', last_level: 'groep-8' };

async function middenSchool() {
  const res = await call('admin', 'POST', '/api/v1/schools', { body: MIDDEN });
  if (res.status === 201) return res.json.id;
  const rows = await query(DATABASE_URL, "SELECT id FROM school WHERE brin = '99XC' AND vestiging = '00'");
  if (rows.length === 1) return rows[0].id;
  throw new Error(`cannot make the midden school: ${res.status} ${res.text}`);
}

// Remove what the tests made: their plans and templates, the fixture
// lessons, the midden school and the people made @plans.example.
export async function cleanup() {
  await fixtureWrite(async (c) => {
    await c.query('DELETE FROM plan WHERE title LIKE $1', [`${PREFIX}%`]);
    await c.query('DELETE FROM plan_template WHERE title LIKE $1', [`${PREFIX}%`]);
    await c.query("DELETE FROM plan_item WHERE lesson_id IN (SELECT id FROM lesson WHERE code LIKE 'TEST-PO-%')");
    await c.query("DELETE FROM lesson WHERE code LIKE 'TEST-PO-%'");
    await c.query("DELETE FROM programme WHERE code = 'TEST-PO-PROG'");
    await c.query("DELETE FROM school WHERE brin = '99XC' AND vestiging = '00'");
    await c.query("DELETE FROM app_user WHERE email LIKE '%@plans.example'");
  });
}

// Create a plan as who in school; returns {id, etag, json}.
export async function newPlan(who, school, title, year = YEAR) {
  const res = await call(who, 'POST', `/api/v1/schools/${school}/plans`,
    { body: { school_year: year, title: PREFIX + title } });
  if (res.status !== 201) throw new Error(`create plan: ${res.status} ${res.text}`);
  return { id: res.json.id, etag: res.headers.get('etag'), json: res.json };
}

// Add an item (with the plan's current ETag, fetched first).
export async function addItem(who, plan, item) {
  const cur = await call(who, 'GET', `/api/v1/plans/${plan}`);
  const res = await call(who, 'POST', `/api/v1/plans/${plan}/items`,
    { body: item, ifMatch: cur.headers.get('etag') });
  if (res.status !== 201) throw new Error(`add item: ${res.status} ${res.text}`);
  return res.json;
}

export const codes = (warnings) => warnings.map((w) => w.code).sort();
