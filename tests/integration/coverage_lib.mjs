// Fixtures of the coverage tests (coverage*.test.mjs): a small framework
// whose goals, levels and crosswalks are chosen so that every expected
// matrix can be worked out by hand, six lessons, and plans of demo
// schools A (primary, groep 1-8) and B (secondary) made through the API.
//
// TEST-COV (positions in brackets):
//   D1 (0)  domain      G1.1 (0) levels groep 5-8 (cnu-fase-2)
//                       G1.2 (1) no levels (meant for every stage)
//   D2 (1)  domain      G2.1 (0) levels groep 1-8 (po)
//   D3 (2)  domain      G3.1 (0) no levels
//   G3 (3)  a top-level goal without sub-goals, groep 1-4 (cnu-fase-1)
// TEST-COV-X: X1 exactMatchOf G2.1, X2 isRelatedTo G1.1.
// Lessons: L1 -> G1.1; L2 -> G1.1, G2.1; L3 -> X1; L4 -> G1.2;
//          L5 -> X2; L6 -> G3.1.
import { demoSchools, fixtureWrite } from './lib.mjs';
import { call } from './plans_lib.mjs';

export const YEAR = '2026-2027';
export const TITLE = 'TEST-COV ';
const SRC = 'tests/integration/coverage_lib.mjs';

const GOALS = [
  // code, framework, parent, position, level codes
  ['D1', 'TEST-COV', null, 0, []],
  ['G1.1', 'TEST-COV', 'D1', 0, ['cnu-fase-2']],
  ['G1.2', 'TEST-COV', 'D1', 1, []],
  ['D2', 'TEST-COV', null, 1, []],
  ['G2.1', 'TEST-COV', 'D2', 0, ['po']],
  ['D3', 'TEST-COV', null, 2, []],
  ['G3.1', 'TEST-COV', 'D3', 0, []],
  ['G3', 'TEST-COV', null, 3, ['cnu-fase-1']],
  ['X1', 'TEST-COV-X', null, 0, []],
  ['X2', 'TEST-COV-X', null, 1, []],
];
const ALIGN = { L1: ['G1.1'], L2: ['G1.1', 'G2.1'], L3: ['X1'], L4: ['G1.2'], L5: ['X2'], L6: ['G3.1'] };

// The items of school A's plan: [lesson, level, class, status, kind].
export const ITEMS_A = [
  ['L1', 'groep-5', '5A', 'gegeven'],
  ['L1', 'groep-5', '5B', 'gepland'],
  ['L2', 'groep-5', null, 'gepland'],
  ['L2', 'groep-6', null, 'gegeven'],
  ['L3', 'groep-2', null, 'gepland'],
  ['L4', 'groep-7', null, 'vervallen'],
  ['L4', 'groep-8', null, 'gegeven'],
  ['L1', 'groep-5', null, 'gepland', 'terugkommoment'],
  ['L5', 'groep-6', null, 'gepland'],
  ['L6', 'groep-1', null, 'gepland'],
  ['L6', 'havo-1', null, 'gepland'],
];
// School B: one lesson given in havo-2.
export const ITEMS_B = [['L1', 'havo-2', '2H', 'gegeven']];

export async function removeFixtures() {
  await fixtureWrite(async (c) => {
    await c.query('DELETE FROM plan WHERE title LIKE $1', [`${TITLE}%`]);
    await c.query("DELETE FROM plan_item WHERE lesson_id IN (SELECT id FROM lesson WHERE code LIKE 'TEST-COV-%')");
    await c.query("DELETE FROM alignment WHERE source = $1", [SRC]);
    await c.query("DELETE FROM lesson WHERE code LIKE 'TEST-COV-%'");
    await c.query(`DELETE FROM goal WHERE framework_id IN
      (SELECT id FROM framework WHERE code IN ('TEST-COV', 'TEST-COV-X'))`);
    await c.query("DELETE FROM framework WHERE code IN ('TEST-COV', 'TEST-COV-X')");
  });
}

// The catalogue part; returns { goal: {code: id}, lesson: {L1: id} }.
export async function catalogue() {
  await removeFixtures();
  return fixtureWrite(async (c) => {
    for (const code of ['TEST-COV', 'TEST-COV-X']) {
      await c.query(`INSERT INTO framework (code, title, status, source)
        VALUES ($1, $2, 'concept', $3)`, [code, `Testkader ${code}`, SRC]);
    }
    const goal = {};
    for (const [code, fw, parent, pos, levels] of GOALS) {
      const { rows } = await c.query(`INSERT INTO goal (id_origin, framework_id, code, kind, title,
          parent_id, position, source, confidence)
        VALUES ('manual', (SELECT id FROM framework WHERE code = $1), $2, $3, $4, $5, $6, $7, 'inferred')
        RETURNING id`, [fw, code, parent ? 'doel' : 'domein', `Testdoel ${code}`,
        parent ? goal[parent] : null, pos, SRC]);
      goal[code] = rows[0].id;
      for (const l of levels) {
        await c.query('INSERT INTO goal_level (goal_id, level_id) SELECT $1, id FROM level WHERE code = $2',
          [goal[code], l]);
      }
    }
    await c.query(`INSERT INTO goal_relation (origin_goal_id, relation_type, destination_goal_id, source, confidence)
      VALUES ($1, 'exactMatchOf', $2, $5, 'inferred'), ($3, 'isRelatedTo', $4, $5, 'inferred')`,
    [goal.X1, goal['G2.1'], goal.X2, goal['G1.1'], SRC]);
    const lesson = {};
    for (const [l, goals] of Object.entries(ALIGN)) {
      const { rows } = await c.query(`INSERT INTO lesson (code, title, status, source)
        VALUES ($1, $2, 'published', $3) RETURNING id`, [`TEST-COV-${l}`, `Testles ${l}`, SRC]);
      lesson[l] = rows[0].id;
      for (const g of goals) {
        await c.query(`INSERT INTO alignment (lesson_id, goal_id, source, confidence)
          VALUES ($1, $2, $3, 'inferred')`, [lesson[l], goal[g], SRC]);
      }
    }
    return { goal, lesson };
  });
}

// A plan of school made through the API with items; returns its id.
export async function planWith(who, school, title, items, lesson) {
  const res = await call(who, 'POST', `/api/v1/schools/${school}/plans`,
    { body: { school_year: YEAR, title: TITLE + title } });
  if (res.status !== 201) throw new Error(`create plan: ${res.status} ${res.text}`);
  const create = items.map(([l, level, cls, status, kind]) => {
    const it = { lesson_id: lesson[l], level, week: '2026-W42', status };
    if (cls) it.class_name = cls;
    if (kind) it.kind = kind;
    if (status === 'gegeven') it.given_on = '2026-10-14';
    return it;
  });
  const bulk = await call(who, 'POST', `/api/v1/plans/${res.json.id}/bulk`,
    { body: { create }, ifMatch: res.headers.get('etag') });
  if (bulk.status !== 200) throw new Error(`bulk: ${bulk.status} ${bulk.text}`);
  return res.json.id;
}

// Everything: catalogue, plan A (coordinator A), plan B (coordinator B).
export async function fixtures() {
  const cat = await catalogue();
  const schools = demoSchools();
  const planA = await planWith('coordinator/A', schools.A, 'A', ITEMS_A, cat.lesson);
  const planB = await planWith('coordinator/B', schools.B, 'B', ITEMS_B, cat.lesson);
  return { ...cat, schools, planA, planB };
}

// The cells of a report's framework as {goal code: {level: cell}}.
export function cells(doc, fw = 'TEST-COV') {
  const f = doc.frameworks.find((x) => x.code === fw);
  if (!f) throw new Error(`no framework ${fw} in the report`);
  return Object.fromEntries(f.goals.map((g) => [g.code, g.cells]));
}

export function framework(doc, fw = 'TEST-COV') {
  return doc.frameworks.find((x) => x.code === fw);
}
