// Coverage that counts right (docs/coverage.md): an item counts only at a
// level its lesson is meant for (the rest is listed apart as "buiten
// niveau"); the share of schools is over the schools that teach the level;
// the lesson pack's own goal list is covered by the pack's lessons; the
// levels of the schools in scope show even when empty; withdrawn goals
// are never gaps; reports default to the prevention focus.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { DATABASE_URL, login, query } from './lib.mjs';
import { call } from './plans_lib.mjs';
import { catalogue, planWith, removeFixtures, TITLE, YEAR } from './coverage_lib.mjs';

const SRC = 'tests/integration/coverage_counting.test.mjs';
let F;
let schools;
let lesson;

// The rows of one statement on the application's database.
const q = (sql, params) => query(DATABASE_URL, sql, params);

before(async () => {
  F = await catalogue();
  schools = Object.fromEntries((await q(`SELECT CASE WHEN type = 'PO' THEN 'A' ELSE 'B' END AS k, id
    FROM school WHERE demo ORDER BY name`)).map((r) => [r.k, r.id]));
  // A lesson meant for havo 2 and havo 3 only, aligned to G1.1.
  const [l7] = await q(`INSERT INTO lesson (code, title, status, source)
    VALUES ('TEST-COV-L7', 'Testles L7 (havo 2-3)', 'published', $1) RETURNING id`, [SRC]);
  await q(`INSERT INTO lesson_level (lesson_id, level_id)
    SELECT $1, id FROM level WHERE code IN ('havo-2', 'havo-3')`, [l7.id]);
  await q(`INSERT INTO alignment (lesson_id, goal_id, source, confidence) VALUES ($1, $2, $3, 'inferred')`,
    [l7.id, F.goal['G1.1'], SRC]);
  const mnos = Object.fromEntries((await q(`SELECT code, id FROM lesson WHERE code LIKE 'MNOS-LES-%'`))
    .map((r) => [r.code, r.id]));
  lesson = { ...F.lesson, L7: l7.id, ...mnos };
});

after(async () => {
  await q('DELETE FROM plan WHERE title LIKE $1', [`${TITLE}%`]);
  await q("DELETE FROM plan_item WHERE lesson_id IN (SELECT id FROM lesson WHERE code = 'TEST-COV-L7')");
  await q('DELETE FROM alignment WHERE source = $1', [SRC]);
  await q("DELETE FROM lesson WHERE code = 'TEST-COV-L7'");
  await removeFixtures();
});

const fw = (doc, code) => doc.frameworks.find((f) => f.code === code);
const goal = (doc, code, fcode = 'TEST-COV') => fw(doc, fcode).goals.find((g) => g.code === code);

test('an item at a level its lesson is not meant for does not count, and is listed apart', async () => {
  // A secondary-school lesson planned in groep 8, next to one that fits.
  const plan = await planWith('coordinator/A', schools.A, 'buiten niveau',
    [['L7', 'groep-8', null, 'gepland'], ['L1', 'groep-8', null, 'gepland']], lesson);
  const doc = (await call('coordinator/A', 'GET', `/api/v1/plans/${plan}/coverage?framework=TEST-COV`)).json;
  // G1.1 in groep 8: only L1's item, not L7's.
  assert.deepEqual(goal(doc, 'G1.1').cells['groep-8'],
    { items: 1, items_given: 0, lessons: 1, lessons_given: 0, via_items: 0 });
  assert.deepEqual(doc.out_of_level.map((o) => [o.lesson, o.level, o.level_title, o.items]),
    [['TEST-COV-L7', 'groep-8', 'groep 8', 1]]);
  assert.equal(doc.totals.items, 1);
  assert.equal(doc.totals.items_out_of_level, 1);
  // Only L7 in groep 8: the goal is not covered at all.
  const only = await planWith('coordinator/A', schools.A, 'alleen buiten niveau',
    [['L7', 'groep-8', null, 'gepland']], lesson);
  const d2 = (await call('coordinator/A', 'GET', `/api/v1/plans/${only}/coverage?framework=TEST-COV`)).json;
  assert.equal(goal(d2, 'G1.1').covered, false);
  assert.deepEqual(goal(d2, 'G1.1').cells, {});
  // The school's report counts the same way, and so does the printable one.
  const school = (await call('coordinator/A', 'GET',
    `/api/v1/schools/${schools.A}/coverage?framework=TEST-COV&years=${YEAR}`)).json;
  assert.equal(goal(school, 'G1.1').cells['groep-8'].items, 1);
  assert.ok(school.out_of_level.some((o) => o.lesson === 'TEST-COV-L7' && o.items === 2));
  const html = await call('coordinator/A', 'GET', `/api/v1/plans/${plan}/coverage?framework=TEST-COV&format=html`);
  assert.match(html.text, /Buiten niveau/);
  assert.match(html.text, /Testles L7 \(havo 2-3\)/);
  // The aggregate does not count it either.
  const agg = (await call('admin', 'GET', `/api/v1/reports/coverage?framework=TEST-COV&years=${YEAR}`)).json;
  assert.equal(goal(agg, 'G1.1').cells['groep-8']?.schools ?? 0, 1, 'school A counts once, through L1');
});

// The schools (of ids, or all) that teach havo 2 in YEAR, counted
// independently of the API: by their levels, or because they plan a lesson
// meant for havo 2 (or one without levels) there.
async function teachingHavo2(ids = null) {
  const [{ n }] = await q(`SELECT count(*)::int AS n FROM school s
    WHERE ($2::uuid[] IS NULL OR s.id = ANY($2::uuid[])) AND (EXISTS (SELECT 1 FROM plan_school_levels(s.id) sl WHERE sl.code = 'havo-2')
       OR EXISTS (SELECT 1 FROM coverage_fact f JOIN level l ON l.id = f.level_id
         WHERE f.school_id = s.id AND l.code = 'havo-2' AND f.school_year = $1
           AND (NOT EXISTS (SELECT 1 FROM lesson_level ll WHERE ll.lesson_id = f.lesson_id)
             OR EXISTS (SELECT 1 FROM lesson_level ll JOIN level_span sp ON sp.level_id = ll.level_id
               WHERE ll.lesson_id = f.lesson_id AND sp.covered_level_id = f.level_id))))`, [YEAR, ids]);
  return n;
}

test('the share of schools is over the schools that teach the level', async () => {
  await planWith('coordinator/B', schools.B, 'havo 2', [['L7', 'havo-2', null, 'gepland']], lesson);
  const agg = (await call('admin', 'GET', `/api/v1/reports/coverage?framework=TEST-COV&years=${YEAR}`)).json;
  assert.equal(agg.share_of, 'schools_teaching_level');
  const havo2 = agg.levels.find((l) => l.code === 'havo-2');
  // Independently: the schools that teach havo 2 by their levels, or that
  // plan a lesson meant for havo 2 (or one without levels) there.
  const n = await teachingHavo2();
  const [{ all }] = await q('SELECT count(*)::int AS all FROM school');
  const [{ po }] = await q(`SELECT count(*)::int AS po FROM school s WHERE s.type = 'PO'
    AND NOT EXISTS (SELECT 1 FROM coverage_fact f JOIN level l ON l.id = f.level_id
      WHERE f.school_id = s.id AND l.code = 'havo-2')`);
  assert.ok(po >= 1 && all > n, 'a school that does not teach havo 2 is in scope and not counted');
  assert.equal(havo2.schools, n);
  const cell = goal(agg, 'G1.1').cells['havo-2'];
  assert.equal(cell.schools_teaching, n);
  assert.equal(cell.share, Number((cell.schools / n).toFixed(4)));
  if (n === 1) assert.equal(cell.share, 1, 'the only school with havo 2 covers it: 100%');
  assert.notEqual(cell.share, Number((cell.schools / all).toFixed(4)));
  // Exactly as an inspector meets it: a scope of one basisschool (A) and
  // one middelbare school (B) that covers havo 2: 100%, not 50%.
  const [insp] = await q("SELECT id FROM app_user WHERE email = 'inspector@demo.leerlijn.example'");
  await q('INSERT INTO inspector_scope (user_id, school_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [insp.id, schools.B]);
  try {
    const two = (await call('inspector', 'GET', `/api/v1/reports/coverage?framework=TEST-COV&years=${YEAR}`)).json;
    assert.equal(two.scope.schools, 2);
    // B teaches havo 2; A, a basisschool, only when an earlier test planned
    // something there for it (counted independently).
    const k = await teachingHavo2([schools.A, schools.B]);
    assert.ok(k >= 1 && k <= 2);
    assert.equal(two.levels.find((l) => l.code === 'havo-2').schools, k, 'the schools of the two that teach havo 2');
    const share = Number((1 / k).toFixed(4));
    assert.deepEqual(goal(two, 'G1.1').cells['havo-2'],
      { schools: 1, schools_given: 0, schools_teaching: k, share });
    const csv = await call('inspector', 'GET', `/api/v1/reports/coverage?framework=TEST-COV&years=${YEAR}&format=csv`);
    assert.ok(csv.text.includes(`\r\nTEST-COV,G1.1,`), csv.text.slice(0, 300));
    assert.match(csv.text, new RegExp(`\\r\\nTEST-COV,G1\\.1,[^\\r]*,havo 2,1,0,${k},${(100 / k).toFixed(1)},2\\r\\n`));
    // The workbook says it too: a last row with the schools per level.
    const res = await fetch(`${process.env.LEERLIJN_URL}/api/v1/reports/coverage?framework=TEST-COV&years=${YEAR}&format=xlsx`,
      { headers: (await login('inspector')).headers });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()));
    const ws = wb.getWorksheet('TEST-COV');
    const col = 3 + two.levels.findIndex((l) => l.code === 'havo-2');
    const g11 = fw(two, 'TEST-COV').goals.findIndex((g) => g.code === 'G1.1');
    assert.equal(ws.getRow(g11 + 2).getCell(col).value, share);
    assert.equal(ws.getRow(g11 + 2).getCell(col).numFmt, '0%');
    const last = ws.getRow(fw(two, 'TEST-COV').goals.length + 3);
    assert.equal(last.getCell(2).value, 'Scholen met dit niveau (= 100%)');
    assert.deepEqual(two.levels.map((l, k) => last.getCell(3 + k).value), two.levels.map((l) => l.schools));
  } finally {
    await q('DELETE FROM inspector_scope WHERE user_id = $1 AND school_id = $2', [insp.id, schools.B]);
  }
});

test('the lesson pack planned: every goal of its own goal list that its table ties to it is covered', async () => {
  const plan = await planWith('coordinator/B', schools.B, 'het lespakket',
    [['MNOS-LES-1', 'havo-2', null, 'gepland'], ['MNOS-LES-2', 'havo-2', null, 'gepland'],
      ['MNOS-LES-3', 'havo-2', null, 'gepland']], lesson);
  const doc = (await call('coordinator/B', 'GET', `/api/v1/plans/${plan}/coverage?framework=MNOS-LEERDOELEN`)).json;
  // The goals the pack's table ties to the pack, read from the catalogue.
  const tied = (await q(`SELECT DISTINCT g.code FROM alignment a
    JOIN goal g ON g.id = a.goal_id JOIN framework f ON f.id = g.framework_id
    JOIN lesson_programme_chain c ON c.programme_id = a.programme_id
    JOIN lesson l ON l.id = c.lesson_id
    WHERE f.code = 'MNOS-LEERDOELEN' AND l.code LIKE 'MNOS-LES-%'`)).map((r) => r.code).sort();
  const leaves = fw(doc, 'MNOS-LEERDOELEN').goals.filter((g) => g.leaf).map((g) => g.code).sort();
  assert.equal(tied.length, 10);
  assert.deepEqual(tied, leaves, 'the table ties every leaf of the list');
  for (const code of tied) {
    assert.equal(goal(doc, code, 'MNOS-LEERDOELEN').covered, true, `${code} covered`);
  }
  assert.equal(fw(doc, 'MNOS-LEERDOELEN').goals_covered, 10);
  assert.deepEqual(doc.out_of_level, []);
  // The report says how: from the pack's own table, not by crosswalks.
  assert.equal(fw(doc, 'MNOS-LEERDOELEN').own_list, true);
  assert.equal(doc.via, 'none');
  const other = (await call('coordinator/B', 'GET', `/api/v1/plans/${plan}/coverage?framework=CNU-DG-2019`)).json;
  assert.equal(fw(other, 'CNU-DG-2019').own_list, false);
  const html = await call('coordinator/B', 'GET', `/api/v1/plans/${plan}/coverage?framework=MNOS-LEERDOELEN&format=html`);
  assert.match(html.text, /De eigen doelenlijst van een lespakket: de lessen van het pakket dekken de doelen die de tabel/);
});

test('the levels of the schools in scope appear, also when nothing is planned there', async () => {
  const school = (await call('coordinator/A', 'GET',
    `/api/v1/schools/${schools.A}/coverage?framework=TEST-COV&years=${YEAR}`)).json;
  const groepen = ['groep-1', 'groep-2', 'groep-3', 'groep-4', 'groep-5', 'groep-6', 'groep-7', 'groep-8'];
  for (const g of groepen) assert.ok(school.levels.some((l) => l.code === g), g);
  const agg = (await call('admin', 'GET', `/api/v1/reports/coverage?framework=TEST-COV&years=${YEAR}`)).json;
  for (const g of groepen) assert.ok(agg.levels.some((l) => l.code === g), `${g} in the aggregate`);
  const empty = agg.levels.find((l) => l.code === 'groep-3');
  assert.ok(empty.schools >= 1);
  assert.ok(fw(agg, 'TEST-COV').goals.every((g) => !g.cells['groep-3']), 'nothing planned in groep 3');
});

test('withdrawn goals are never gaps, and reports default to the prevention focus', async () => {
  const doc = (await call('coordinator/A', 'GET',
    `/api/v1/schools/${schools.A}/coverage?years=${YEAR}`)).json;
  assert.equal(doc.focus, 'preventie');
  const focus = (await q(`SELECT f.code FROM coverage_focus_framework c
    JOIN framework f ON f.id = c.framework_id ORDER BY f.code`)).map((r) => r.code);
  assert.deepEqual(doc.frameworks.map((f) => f.code).sort(), focus);
  const gapIds = doc.frameworks.flatMap((f) => f.stage_gaps.flatMap((s) => s.goals.map((g) => g.id)));
  assert.ok(gapIds.length > 0);
  const withdrawn = await q("SELECT id FROM goal WHERE status <> 'current' AND id = ANY ($1::uuid[])", [gapIds]);
  assert.deepEqual(withdrawn, []);
  const cnu = fw(doc, 'CNU-DG-2019');
  assert.ok(cnu.goals.every((g) => g.code !== '2019-05:GO2'), 'the concept-version goal is withdrawn');
  // The PO kerndoelen: only the prevention goals by default, all on request.
  const kd = (await call('coordinator/A', 'GET',
    `/api/v1/schools/${schools.A}/coverage?years=${YEAR}&framework=SLO-KD-PO-2006`)).json;
  const codes = fw(kd, 'SLO-KD-PO-2006').goals.map((g) => g.code);
  assert.ok(codes.includes('PO Kerndoel 34') && codes.includes('PO Kerndoel 38'));
  assert.ok(!codes.includes('PO Kerndoel 47'), 'aardrijkskunde is not a prevention goal');
  const all = (await call('coordinator/A', 'GET',
    `/api/v1/schools/${schools.A}/coverage?years=${YEAR}&framework=SLO-KD-PO-2006&focus=alles`)).json;
  assert.equal(all.focus, 'alles');
  assert.ok(fw(all, 'SLO-KD-PO-2006').goals.some((g) => g.code === 'PO Kerndoel 47'));
  const bad = await call('coordinator/A', 'GET', `/api/v1/schools/${schools.A}/coverage?focus=soms`);
  assert.equal(bad.status, 400);
  assert.equal(bad.json.errors[0].field, 'focus');
});

test('reports can be narrowed to a subject area (area=), and list the areas they offer', async () => {
  const base = `/api/v1/schools/${schools.A}/coverage?years=${YEAR}&framework=SLO-KD-PO-2006&focus=alles`;
  const all = (await call('coordinator/A', 'GET', base)).json;
  assert.equal(all.area, null);
  // The subject areas: the top-level goals with sub-goals, read from the catalogue.
  const roots = (await q(`SELECT g.id, g.title FROM goal g JOIN framework f ON f.id = g.framework_id
    WHERE f.code = 'SLO-KD-PO-2006' AND g.parent_id IS NULL AND g.status = 'current'
      AND EXISTS (SELECT 1 FROM goal c WHERE c.parent_id = g.id AND c.status = 'current')`));
  assert.ok(roots.length > 1);
  assert.deepEqual(all.areas.map((a) => a.title).sort(), roots.map((r) => r.title).sort());
  assert.ok(all.areas.every((a) => a.frameworks.includes('SLO-KD-PO-2006')));
  // The area of the prevention goal PO Kerndoel 34, asked in other case.
  const [area] = await q(`WITH RECURSIVE up AS (
      SELECT g.id, g.parent_id, g.title FROM goal g JOIN framework f ON f.id = g.framework_id
      WHERE f.code = 'SLO-KD-PO-2006' AND g.code = 'PO Kerndoel 34'
      UNION ALL SELECT p.id, p.parent_id, p.title FROM goal p JOIN up ON p.id = up.parent_id)
    SELECT id, title FROM up WHERE parent_id IS NULL`);
  const one = (await call('coordinator/A', 'GET', `${base}&area=${encodeURIComponent(area.title.toLowerCase())}`)).json;
  assert.equal(one.area, area.title.toLowerCase());
  // Exactly that area's current goals, the rest of the framework gone.
  const want = (await q(`WITH RECURSIVE d AS (SELECT id FROM goal WHERE id = $1
      UNION ALL SELECT g.id FROM goal g JOIN d ON g.parent_id = d.id WHERE g.status = 'current')
    SELECT id FROM d`, [area.id])).map((r) => r.id).sort();
  const kd = fw(one, 'SLO-KD-PO-2006');
  assert.deepEqual(kd.goals.map((g) => g.id).sort(), want);
  assert.ok(kd.goals_total < fw(all, 'SLO-KD-PO-2006').goals_total);
  assert.ok(kd.goals.some((g) => g.code === 'PO Kerndoel 34'));
  // The default frameworks, narrowed: only those that have the area; the
  // aggregate, the CSV and the printable report as well.
  const agg = (await call('admin', 'GET', `/api/v1/reports/coverage?years=${YEAR}&area=${encodeURIComponent(area.title)}`)).json;
  assert.equal(agg.area, area.title);
  assert.ok(agg.frameworks.length >= 1);
  for (const f of agg.frameworks) {
    assert.ok(agg.areas.find((a) => a.title === area.title).frameworks.includes(f.code), f.code);
    const tops = f.goals.filter((g) => g.depth === 0).map((g) => g.title);
    assert.deepEqual(tops, [area.title], `${f.code} shows only the area`);
  }
  assert.ok(!agg.frameworks.some((f) => f.code === 'CNU-DG-2019'), 'Curriculum.nu has no such area');
  const csv = await call('coordinator/A', 'GET', `${base}&format=csv&area=${encodeURIComponent(area.title)}`);
  assert.equal(csv.status, 200);
  const goalsInCsv = new Set(csv.text.split('\r\n').slice(1).filter((l) => l).map((l) => l.split(',')[1]));
  const wantCodes = new Set(kd.goals.map((g) => g.code ?? ''));
  assert.deepEqual([...goalsInCsv].sort(), [...wantCodes].sort());
  const elsewhere = fw(all, 'SLO-KD-PO-2006').goals.find((g) => g.leaf && !want.includes(g.id));
  assert.ok(elsewhere && !goalsInCsv.has(elsewhere.code), 'a goal of another area is not in the CSV');
  const html = await call('coordinator/A', 'GET', `${base}&format=html&area=${encodeURIComponent(area.title)}`);
  assert.ok(html.text.includes(`<dt>Vakgebied</dt><dd>${area.title}</dd>`));
  // An area the chosen frameworks do not have is a 400 naming it.
  for (const bad of ['Sterrenkunde', '']) {
    const res = await call('coordinator/A', 'GET', `${base}&area=${encodeURIComponent(bad)}`);
    assert.equal(res.status, 400, bad);
    assert.equal(res.json.errors[0].field, 'area');
  }
  const cnu = await call('coordinator/A', 'GET',
    `/api/v1/schools/${schools.A}/coverage?framework=CNU-DG-2019&area=${encodeURIComponent(area.title)}`);
  assert.equal(cnu.status, 400);
});
