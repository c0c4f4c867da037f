// Coverage reports (issue 6): the matrix goals × levels of a plan and of a
// school, worked out by hand for the fixture of coverage_lib.mjs —
// planned versus given, roll-up along the goal tree, crosswalks, stage
// gaps, breaks in the continuous line, overlaps — and the CSV and HTML
// forms.  Reports are read only.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { assertProblem, BASE, db, login } from './lib.mjs';
import { call } from './plans_lib.mjs';
import { cells, fixtures, framework, removeFixtures } from './coverage_lib.mjs';

let F;
before(async () => { F = await fixtures(); });
after(async () => { await removeFixtures(); });

const COORD = 'coordinator/A';
const planUrl = (qs = '') => `/api/v1/plans/${F.planA}/coverage?framework=TEST-COV${qs}`;
const cell = (items, items_given, lessons, lessons_given, via_items = 0) =>
  ({ items, items_given, lessons, lessons_given, via_items });

// Worked out by hand from ITEMS_A (coverage_lib.mjs): cancelled items (L4
// in groep-7) and follow-up moments (terugkommoment L1) do not count; L3
// (aligned to X1 only) and L5 (X2 only) count only through crosswalks.
const EXPECTED_NONE = {
  D1: {},
  'G1.1': { 'groep-5': cell(3, 1, 2, 1), 'groep-6': cell(1, 1, 1, 1) },
  'G1.2': { 'groep-8': cell(1, 1, 1, 1) },
  D2: {},
  'G2.1': { 'groep-5': cell(1, 0, 1, 0), 'groep-6': cell(1, 1, 1, 1) },
  D3: {},
  'G3.1': { 'groep-1': cell(1, 0, 1, 0), 'havo-1': cell(1, 0, 1, 0) },
  G3: {},
};

test('plan coverage: the matrix goals × levels, planned versus given', async () => {
  const res = await call(COORD, 'GET', planUrl('&overlap=2'));
  assert.equal(res.status, 200, res.text);
  const doc = res.json;
  assert.equal(doc.scope.kind, 'plan');
  assert.deepEqual(doc.scope.school_years, ['2026-2027']);
  assert.deepEqual(doc.levels.map((l) => l.code),
    ['groep-1', 'groep-2', 'groep-3', 'groep-4', 'groep-5', 'groep-6', 'groep-7', 'groep-8', 'havo-1']);
  assert.deepEqual(doc.stages.map((s) => [s.code, s.levels]), [
    ['po-onderbouw', ['groep-1', 'groep-2', 'groep-3', 'groep-4']],
    ['po-bovenbouw', ['groep-5', 'groep-6', 'groep-7', 'groep-8']],
    ['vo-onderbouw', ['havo-1']],
  ]);
  assert.deepEqual(cells(doc), EXPECTED_NONE);
  const fw = framework(doc);
  assert.deepEqual(fw.goals.map((g) => g.code), ['D1', 'G1.1', 'G1.2', 'D2', 'G2.1', 'D3', 'G3.1', 'G3']);
  const g11 = fw.goals.find((g) => g.code === 'G1.1');
  assert.deepEqual(g11.levels_planned, ['groep-5', 'groep-6']);
  assert.deepEqual(g11.levels_given, ['groep-5', 'groep-6']);
  const g31 = fw.goals.find((g) => g.code === 'G3.1');
  assert.deepEqual(g31.levels_planned, ['groep-1', 'havo-1']);
  assert.deepEqual(g31.levels_given, []);
  // Leaf goals G1.1, G1.2, G2.1, G3.1, G3: 4 planned, 3 given.
  assert.deepEqual([fw.goals_total, fw.goals_covered, fw.goals_given, fw.share, fw.share_given],
    [5, 4, 3, 0.8, 0.6]);
  assert.deepEqual(doc.totals, { items: 9, items_given: 3, lessons: 6, lessons_given: 3, items_out_of_level: 0 });
});

test('roll-up along the goal tree: a domain counts its covered goals', async () => {
  const { json } = await call(COORD, 'GET', planUrl());
  const roll = Object.fromEntries(framework(json).goals.filter((g) => !g.leaf).map((g) => [g.code, g.rollup]));
  assert.deepEqual(roll, {
    D1: { goals_total: 2, goals_covered: 2, goals_given: 2, levels: {
      'groep-5': { goals_covered: 1, goals_given: 1 },
      'groep-6': { goals_covered: 1, goals_given: 1 },
      'groep-8': { goals_covered: 1, goals_given: 1 } } },
    D2: { goals_total: 1, goals_covered: 1, goals_given: 1, levels: {
      'groep-5': { goals_covered: 1, goals_given: 0 },
      'groep-6': { goals_covered: 1, goals_given: 1 } } },
    D3: { goals_total: 1, goals_covered: 1, goals_given: 0, levels: {
      'groep-1': { goals_covered: 1, goals_given: 0 },
      'havo-1': { goals_covered: 1, goals_given: 0 } } },
  });
  assert.ok(framework(json).goals.filter((g) => g.leaf).every((g) => g.rollup === null));
});

test('gaps per stage, breaks in the continuous line, overlaps', async () => {
  const { json } = await call(COORD, 'GET', planUrl('&overlap=2'));
  const fw = framework(json);
  // Meant for: G1.1 bovenbouw po; G2.1 po; G3 onderbouw po; G1.2 and
  // G3.1 (no levels) every stage.
  assert.deepEqual(fw.stage_gaps.map((s) => [s.stage, s.goals.map((g) => g.code)]), [
    ['po-onderbouw', ['G1.2', 'G2.1', 'G3']],
    ['po-bovenbouw', ['G3.1']],
    ['vo-onderbouw', ['G1.2']],
  ]);
  assert.deepEqual(fw.line_breaks.map((b) => [b.domain, b.stage, b.break]), [
    ['D1', 'po-onderbouw', false],
    ['D1', 'vo-onderbouw', false],
    ['D2', 'po-onderbouw', false],
    ['D3', 'po-bovenbouw', true], // groep 1 and havo 1, nothing in between
  ]);
  assert.deepEqual(fw.overlaps.map((o) => [o.goal, o.level, o.school_year, o.lessons, o.items]), [
    ['G1.1', 'groep-5', '2026-2027', 2, 3],
  ]);
  // The default threshold is 3 distinct lessons: no overlap here.
  const def = await call(COORD, 'GET', planUrl());
  assert.equal(def.json.overlap_threshold, 3);
  assert.deepEqual(framework(def.json).overlaps, []);
});

test('crosswalks: exactMatchOf with via=exact, isRelatedTo with via=all, with the path', async () => {
  const exact = await call(COORD, 'GET', planUrl('&via=exact&overlap=2'));
  assert.equal(exact.status, 200);
  assert.deepEqual(cells(exact.json), {
    ...EXPECTED_NONE,
    'G2.1': { 'groep-2': cell(1, 0, 1, 0, 1), 'groep-5': cell(1, 0, 1, 0), 'groep-6': cell(1, 1, 1, 1) },
  });
  const g21 = framework(exact.json).goals.find((g) => g.code === 'G2.1');
  assert.deepEqual(g21.paths.map((p) => [p.lesson, p.relation, p.via_framework, p.via_goal]),
    [['TEST-COV-L3', 'exactMatchOf', 'TEST-COV-X', 'X1']]);
  // G2.1 is now covered in onderbouw po, and D2 no longer misses it.
  const fx = framework(exact.json);
  assert.deepEqual(fx.stage_gaps[0].goals.map((g) => g.code), ['G1.2', 'G3']);
  assert.ok(!fx.line_breaks.some((b) => b.domain === 'D2'));

  const all = await call(COORD, 'GET', planUrl('&via=all&overlap=2'));
  assert.deepEqual(cells(all.json), {
    ...EXPECTED_NONE,
    'G1.1': { 'groep-5': cell(3, 1, 2, 1), 'groep-6': cell(2, 1, 2, 1, 1) },
    'G2.1': { 'groep-2': cell(1, 0, 1, 0, 1), 'groep-5': cell(1, 0, 1, 0), 'groep-6': cell(1, 1, 1, 1) },
  });
  const g11 = framework(all.json).goals.find((g) => g.code === 'G1.1');
  assert.deepEqual(g11.paths.map((p) => [p.lesson, p.relation, p.via_goal]),
    [['TEST-COV-L5', 'isRelatedTo', 'X2']]);
  assert.deepEqual(framework(all.json).overlaps.map((o) => [o.goal, o.level, o.lessons]),
    [['G1.1', 'groep-5', 2], ['G1.1', 'groep-6', 2]]);
  // Without a crosswalk nothing comes from one.
  const none = await call(COORD, 'GET', planUrl());
  assert.ok(framework(none.json).goals.every((g) => g.paths.length === 0));
});

test('school coverage over school years equals the plan coverage, from the maintained aggregate', async () => {
  const school = await call(COORD, 'GET',
    `/api/v1/schools/${F.schools.A}/coverage?years=2026-2027&framework=TEST-COV&via=all&overlap=2`);
  assert.equal(school.status, 200, school.text);
  assert.equal(school.json.scope.kind, 'school');
  assert.ok(school.json.scope.plans.some((p) => p.id === F.planA));
  const plan = await call(COORD, 'GET', planUrl('&via=all&overlap=2'));
  assert.deepEqual(school.json.frameworks, plan.json.frameworks);
  // Two years: nothing planned in 2027-2028, the same cells.
  const two = await call(COORD, 'GET',
    `/api/v1/schools/${F.schools.A}/coverage?years=2026-2027,2027-2028&framework=TEST-COV`);
  assert.deepEqual(two.json.scope.school_years, ['2026-2027', '2027-2028']);
  assert.deepEqual(cells(two.json), EXPECTED_NONE);
  // A year without plans: nothing covered.
  const empty = await call(COORD, 'GET',
    `/api/v1/schools/${F.schools.A}/coverage?years=2025-2026&framework=TEST-COV`);
  assert.ok(framework(empty.json).goals.every((g) => Object.keys(g.cells).length === 0));
  assert.equal(framework(empty.json).goals_covered, 0);
});

test('a change of the plan shows at once; a given lesson moves from planned to given', async () => {
  const c = await db();
  try {
    await c.query("UPDATE plan_item SET status = 'gegeven', given_on = '2026-10-15' WHERE plan_id = $1 AND class_name = '5B'", [F.planA]);
    const { json } = await call(COORD, 'GET', planUrl());
    assert.deepEqual(cells(json)['G1.1']['groep-5'], cell(3, 2, 2, 1));
    const s = await call(COORD, 'GET', `/api/v1/schools/${F.schools.A}/coverage?years=2026-2027&framework=TEST-COV`);
    assert.deepEqual(cells(s.json)['G1.1']['groep-5'], cell(3, 2, 2, 1));
  } finally {
    await c.query("UPDATE plan_item SET status = 'gepland', given_on = NULL WHERE plan_id = $1 AND class_name = '5B'", [F.planA]);
    await c.end();
  }
});

test('the inspector aggregate: per goal and level the number and share of schools', async () => {
  const c = await db();
  const { rows: [{ n }] } = await c.query('SELECT count(*)::int AS n FROM school');
  await c.end();
  const url = '/api/v1/reports/coverage?framework=TEST-COV&years=2026-2027';
  const admin = await call('admin', 'GET', url);
  assert.equal(admin.status, 200, admin.text);
  assert.equal(admin.json.scope.schools, n);
  const g11 = framework(admin.json).goals.find((g) => g.code === 'G1.1');
  // A cell's share is over the schools that teach its level (by their
  // levels, or because they plan something there), read independently.
  const teaching = async (level) => {
    const t = await db();
    try {
      return (await t.query(`SELECT count(*)::int AS n FROM school s WHERE
        EXISTS (SELECT 1 FROM plan_school_levels(s.id) sl WHERE sl.code = $1) OR
        EXISTS (SELECT 1 FROM coverage_fact f JOIN level l ON l.id = f.level_id
          WHERE f.school_id = s.id AND l.code = $1 AND f.school_year = '2026-2027'
            AND (NOT EXISTS (SELECT 1 FROM lesson_level ll WHERE ll.lesson_id = f.lesson_id)
              OR EXISTS (SELECT 1 FROM lesson_level ll JOIN level_span sp ON sp.level_id = ll.level_id
                WHERE ll.lesson_id = f.lesson_id AND sp.covered_level_id = f.level_id)))`,
      [level])).rows[0].n;
    } finally {
      await t.end();
    }
  };
  const cell = async (level, k) => {
    const t = await teaching(level);
    return { schools: k, schools_given: k, schools_teaching: t, share: Math.round((k / t) * 10000) / 10000 };
  };
  assert.equal(admin.json.share_of, 'schools_teaching_level');
  assert.deepEqual(g11.cells, {
    'groep-5': await cell('groep-5', 1),
    'groep-6': await cell('groep-6', 1),
    'havo-2': await cell('havo-2', 1),
  });
  assert.ok(await teaching('havo-2') < n, 'a school without havo 2 does not count for havo 2');
  assert.equal(g11.schools, 2);
  assert.equal(framework(admin.json).goals_covered, 4);
  // Filters: type VO is school B only, region noord school A only.
  const vo = await call('admin', 'GET', `${url}&type=VO`);
  const vg = framework(vo.json).goals.find((g) => g.code === 'G1.1');
  assert.deepEqual(Object.keys(vg.cells), ['havo-2']);
  const noord = await call('admin', 'GET', `${url}&region=noord`);
  assert.deepEqual(Object.keys(framework(noord.json).goals.find((g) => g.code === 'G1.1').cells).sort(),
    ['groep-5', 'groep-6']);
  // Drill down to one school: that school's report.
  const drill = await call('admin', 'GET', `/api/v1/reports/coverage?framework=TEST-COV&years=2026-2027&school=${F.schools.A}`);
  assert.equal(drill.json.scope.kind, 'school');
  assert.deepEqual(cells(drill.json), EXPECTED_NONE);
});

test('CSV: RFC 4180 with BOM, one record per goal and level, read back by csv-parse', async () => {
  const res = await call(COORD, 'GET', planUrl('&format=csv'));
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type'), /^text\/csv; charset=utf-8/);
  assert.match(res.headers.get('content-disposition'), /attachment; filename="dekking\.csv"/);
  // fetch's text() drops a BOM: look at the bytes.
  const raw = Buffer.from(await (await fetch(BASE + planUrl('&format=csv'),
    { headers: (await login('coordinator', 'A')).headers })).arrayBuffer());
  assert.deepEqual([...raw.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'starts with a UTF-8 BOM');
  assert.ok(raw.includes('\r\n'));
  const records = parse(raw, { bom: true, columns: true, skip_empty_lines: true });
  assert.equal(records.length, 8 * 9, '8 goals × 9 levels');
  const rec = (goal, level) => records.find((r) => r.doel === goal && r.niveau === level);
  assert.deepEqual(rec('G1.1', 'groep 5'), {
    kader: 'TEST-COV', doel: 'G1.1', doel_titel: 'Testdoel G1.1', diepte: '1', blad: 'ja',
    niveau: 'groep 5', items: '3', items_gegeven: '1', lessen: '2', lessen_gegeven: '1', items_via_verwant: '0',
    subdoelen_totaal: '', subdoelen_gedekt: '', subdoelen_gegeven: '', voorstellen: '',
  });
  assert.equal(rec('G1.1', 'groep 7').items, '0');
  assert.deepEqual([rec('D1', 'groep 8').subdoelen_totaal, rec('D1', 'groep 8').subdoelen_gedekt], ['2', '1']);
  assert.ok(records.every((r) => !/^[a-z]+-\d/.test(r.niveau)), 'levels as schools write them');
  // The aggregate as CSV: the share as a percentage.
  const agg = await call('admin', 'GET', '/api/v1/reports/coverage?framework=TEST-COV&years=2026-2027&format=csv');
  const ar = parse(agg.text, { bom: true, columns: true });
  const a = ar.find((r) => r.doel === 'G1.1' && r.niveau === 'havo 2');
  assert.equal(a.scholen, '1');
  assert.ok(Number(a.scholen_in_scope) >= 2);
  const json = await call('admin', 'GET', '/api/v1/reports/coverage?framework=TEST-COV&years=2026-2027');
  const cell = json.json.frameworks[0].goals.find((g) => g.code === 'G1.1').cells['havo-2'];
  assert.equal(a.aandeel_procent, (cell.share * 100).toFixed(1));
  // The same for a Dutch Excel: semicolons and a decimal comma.
  const nl = await call('admin', 'GET', '/api/v1/reports/coverage?framework=TEST-COV&years=2026-2027&format=csv&dialect=excel-nl');
  const nr = parse(nl.text, { bom: true, columns: true, delimiter: ';' });
  assert.equal(nr.length, ar.length);
  assert.equal(nr.find((r) => r.doel === 'G1.1' && r.niveau === 'havo 2').aandeel_procent, (cell.share * 100).toFixed(1).replace('.', ','));
  assertProblem(assert, await call('admin', 'GET', '/api/v1/reports/coverage?framework=TEST-COV&format=csv&dialect=excel'), 400);
});

test('XLSX: one sheet per framework, read by an independent reader (exceljs)', async () => {
  const load = async (who, url) => {
    const res = await fetch(BASE + url, { headers: (await login(...who.split('/'))).headers });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    assert.match(res.headers.get('content-disposition'), /filename="dekking\.xlsx"/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()));
    return wb;
  };
  // One plan: items per goal and level.
  const doc = (await call(COORD, 'GET', planUrl(''))).json;
  const wb = await load('coordinator/A', planUrl('&format=xlsx'));
  assert.deepEqual(wb.worksheets.map((w) => w.name), doc.frameworks.map((f) => f.code));
  const ws = wb.worksheets[0];
  assert.deepEqual(ws.getRow(1).values.slice(1), ['Code', 'Doel', ...doc.levels.map((l) => l.title)]);
  assert.equal(ws.views[0].state, 'frozen');
  const goals = doc.frameworks[0].goals;
  assert.equal(ws.rowCount, goals.length + 1);
  goals.forEach((g, i) => {
    const row = ws.getRow(i + 2);
    assert.equal(row.getCell(1).value, g.code);
    assert.equal(row.getCell(2).value.trim(), g.title);
    doc.levels.forEach((l, k) => {
      assert.equal(typeof row.getCell(3 + k).value, 'number');
      assert.equal(row.getCell(3 + k).value, g.cells[l.code]?.items ?? 0);
    });
  });
  // The aggregate: shares of schools as percentage cells.
  const url = '/api/v1/reports/coverage?framework=TEST-COV&years=2026-2027';
  const agg = (await call('admin', 'GET', url)).json;
  const aw = (await load('admin', `${url}&format=xlsx`)).getWorksheet('TEST-COV');
  agg.frameworks[0].goals.forEach((g, i) => {
    agg.levels.forEach((l, k) => {
      const c = aw.getRow(i + 2).getCell(3 + k);
      assert.equal(c.numFmt, '0%');
      assert.ok(Math.abs(c.value - (g.cells[l.code]?.share ?? 0)) < 1e-9);
    });
  });
  assertProblem(assert, await call('coordinator/B', 'GET', `${planUrl('&format=xlsx')}`), 404);
});

test('HTML: a printable report with scope, date, legend and a stylesheet file, no inline style or script', async () => {
  const res = await call(COORD, 'GET', planUrl('&format=html&via=exact&overlap=2'));
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type'), /^text\/html; charset=utf-8/);
  assert.match(res.headers.get('content-security-policy'), /default-src 'self'/);
  const html = res.text;
  assert.match(html, /^<!DOCTYPE html>/);
  assert.match(html, /<html lang="nl">/);
  assert.match(html, /<link rel="stylesheet" href="\/coverage-report.css">/);
  assert.doesNotMatch(html, /<style|style=|<script/i);
  assert.match(html, /Demoschool A/);
  assert.match(html, /<dt>Schooljaren<\/dt><dd>2026-2027<\/dd>/);
  assert.match(html, /<dt>Datum<\/dt><dd><time datetime="\d{4}-\d\d-\d\dT/);
  assert.match(html, /<h2>Legenda<\/h2>/);
  assert.match(html, /Gedekt: 4 van de 5 doelen \(80%\); gegeven: 3 \(60%\)/);
  // The G1.1 row: groep-5 3 planned / 1 given, 2 lessons.
  assert.match(html, /<span class="code">G1\.1<\/span> Testdoel G1\.1<\/th>(<td class="none">–<\/td>){4}<td class="given">3\/1<br><small>2 lessen<\/small><\/td>/);
  assert.match(html, /<td class="via">1\/0<br><small>1 les<\/small><\/td>/);
  assert.match(html, /<strong>onderbreking<\/strong>/);
  assert.match(html, /Herkomst via kruistabellen/);
  assert.match(html, /TEST-COV-L3 \(Testles L3\) is gekoppeld aan TEST-COV-X X1, dat exactMatchOf G2\.1 is/);
  const css = await call(null, 'GET', '/coverage-report.css');
  assert.equal(css.status, 200);
  assert.match(css.headers.get('content-type'), /^text\/css/);
  assert.match(css.text, /@media print/);
});

test('bad parameters answer 400 and name the parameter', async () => {
  const cases = [
    ['&via=some', 'via'], ['&overlap=1', 'overlap'], ['&format=pdf', 'format'],
    ['&framework=NO-SUCH-FW', 'framework'], ['&framework=a,,b', 'framework'],
  ];
  for (const [qs, field] of cases) {
    const res = await call(COORD, 'GET', `/api/v1/plans/${F.planA}/coverage?${qs.slice(1)}`);
    assertProblem(assert, res, 400);
    assert.equal(res.json.errors[0].field, field, qs);
  }
  const years = await call(COORD, 'GET', `/api/v1/schools/${F.schools.A}/coverage?years=2026`);
  assertProblem(assert, years, 400);
  const unknownYear = await call(COORD, 'GET', `/api/v1/schools/${F.schools.A}/coverage?years=2040-2041`);
  assertProblem(assert, unknownYear, 400);
  assert.equal(unknownYear.json.errors[0].field, 'years');
  const extra = await call(COORD, 'GET', `/api/v1/plans/${F.planA}/coverage?years=2026-2027`);
  assertProblem(assert, extra, 400);
  const agg = await call('admin', 'GET', '/api/v1/reports/coverage?type=XX&region=west');
  assertProblem(assert, agg, 400);
  assert.deepEqual(agg.json.errors.map((e) => e.field).sort(), ['region', 'type']);
  const missing = await call(COORD, 'GET', '/api/v1/plans/00000000-0000-4000-8000-000000000000/coverage');
  assertProblem(assert, missing, 404);
});

test('reports are read only: other methods answer 405', async () => {
  for (const path of [`/api/v1/plans/${F.planA}/coverage`, `/api/v1/schools/${F.schools.A}/coverage`, '/api/v1/reports/coverage']) {
    const res = await call(COORD, 'POST', path, { body: {} });
    assertProblem(assert, res, 405);
    assert.equal(res.headers.get('allow'), 'GET, HEAD');
  }
});
