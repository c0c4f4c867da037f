// The inspector's journey in a real browser: log in, the coverage heatmap
// (goals × levels) across the schools in scope with the gaps highlighted,
// another framework, the drill-down to one school, the CSV download read
// back and compared with the API, the printable report and print styles;
// then the same with the keyboard alone.  Every page is checked with
// axe-core; what the page shows is compared with the API.
//
// The demo inspector sees school A only.  before() gives school A a plan
// for 2025-2026 (title "WEBTEST-COV …") with one lesson meant for groep 8
// and aligned to DG2.1 (a test lesson: an item only counts at a level its
// lesson is meant for); after() removes both.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { api, db, demoEmail, demoSchools, DEMO_PASSWORD } from './lib.mjs';
import { call as as } from './plans_lib.mjs';
import { removePlans } from './web_lib.mjs';
import {
  axeViolations, focused, logInAs, logInWithKeyboard, navLabels, openBrowser, screenshot, settle, tabTo, visit,
} from './browser.mjs';

const PREFIX = 'WEBTEST-COV ';
const { A, B } = demoSchools();
const FW = 'CNU-DG-2019';


const LESSON = 'WEBTEST-COV-1';

async function sql(text, params = []) {
  const c = await db();
  try {
    return (await c.query(text, params)).rows;
  } finally {
    await c.end();
  }
}

async function cleanup() {
  await removePlans(PREFIX);
  await sql("DELETE FROM plan_item WHERE lesson_id IN (SELECT id FROM lesson WHERE code = $1)", [LESSON]);
  await sql('DELETE FROM lesson WHERE code = $1', [LESSON]);
}

before(async () => {
  await cleanup();
  const [les1] = await sql(`INSERT INTO lesson (code, title, status, source)
    VALUES ($1, 'Veilig online (test, groep 8)', 'published', 'tests/integration/web_inspector.test.mjs')
    RETURNING id`, [LESSON]);
  await sql("INSERT INTO lesson_level (lesson_id, level_id) SELECT $1, id FROM level WHERE code = 'groep-8'", [les1.id]);
  await sql(`INSERT INTO alignment (lesson_id, goal_id, source, confidence)
    SELECT $1, g.id, 'tests/integration/web_inspector.test.mjs', 'inferred'
    FROM goal g JOIN framework f ON f.id = g.framework_id WHERE f.code = 'CNU-DG-2019' AND g.code = 'DG2.1'`, [les1.id]);
  const plan = await as('coordinator', 'POST', `/api/v1/schools/${A}/plans`, { body: { school_year: '2025-2026', title: `${PREFIX}dekking` } });
  assert.equal(plan.status, 201, plan.text);
  const item = await as('coordinator', 'POST', `/api/v1/plans/${plan.json.id}/items`,
    { body: { lesson_id: les1.id, level: 'groep-8', week: '2025-W45' }, ifMatch: plan.headers.get('etag') });
  assert.equal(item.status, 201, item.text);
});
after(cleanup);

async function report(query) {
  const res = await as('inspector', 'GET', `/api/v1/reports/coverage?${query}`);
  assert.equal(res.status, 200, res.text);
  return res.json;
}

// What the heatmap shows: per row its goal code and per level column the
// visible text and whether the cell is marked as a gap.
async function heatmap(page) {
  return page.evaluate(() => {
    const t = document.querySelector('table.heatmap');
    const levels = [...t.querySelectorAll('thead th')].slice(1).map((th) => th.textContent.trim());
    const rows = [...t.querySelectorAll('tbody tr')].map((tr) => ({
      goal: tr.dataset.goal,
      cells: [...tr.querySelectorAll('td')].map((td) => ({
        text: td.querySelector('[aria-hidden]')?.textContent ?? '',
        gap: td.classList.contains('gap'),
      })),
    }));
    return { levels, rows };
  });
}

function pct(share) {
  return `${Math.round(share * 100)}%`;
}

async function assertAccessible(page, what) {
  assert.deepEqual(await axeViolations(page), [], `WCAG 2.1 AA violations on ${what}`);
}

describe('inspector journey', () => {
  let b;
  before(async () => { b = await openBrowser(); });
  after(async () => { await b?.close(); });

  test('heatmap across schools, gaps, another framework, drill-down, CSV, print', async () => {
    const { page } = b;
    await logInAs(page, demoEmail('inspector'), DEMO_PASSWORD, '#/dekking');
    assert.deepEqual(await navLabels(page), ['Lessen zoeken', 'Leerdoelen', 'Dekking']);
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Dekking – alle scholen');

    // Across the schools in scope: every goal, every level, share or gap.
    const agg = await report(`framework=${FW}`);
    assert.equal(agg.scope.kind, 'schools');
    assert.equal(agg.scope.schools, 1, 'the demo inspector sees school A only');
    let shown = await heatmap(page);
    const fw = agg.frameworks[0];
    assert.deepEqual(shown.levels, agg.levels.map((l) => l.title));
    assert.deepEqual(shown.rows.map((r) => r.goal), fw.goals.map((g) => g.code));
    fw.goals.forEach((g, i) => agg.levels.forEach((l, j) => {
      const c = g.cells[l.code];
      const cell = shown.rows[i].cells[j];
      if (c && c.schools > 0) assert.equal(cell.text, pct(c.share), `${g.code} ${l.code}`);
      else assert.equal(cell.gap, g.leaf, `${g.code} ${l.code} is a gap exactly when it is a leaf goal`);
    }));
    const dg21 = shown.rows.find((r) => r.goal === 'DG2.1');
    assert.equal(dg21.cells[agg.levels.findIndex((l) => l.code === 'groep-8')].text, '100%');
    assert.ok(shown.rows.find((r) => r.goal === 'DG2.2').cells.every((c) => c.gap), 'DG2.2 is a gap');
    assert.match(await page.locator('tr[data-goal="DG2.2"] th').innerText(), /niet gedekt/);
    assert.match(await page.locator('.gaps').innerText(),
      new RegExp(`${fw.goals_covered} van de ${fw.goals_total} doelen zijn gedekt`));
    await assertAccessible(page, 'the coverage across schools');
    await screenshot(page, 'inspector-01-heatmap-all-schools');

    // Another framework from the selector.
    const frameworks = (await api('/api/v1/frameworks?limit=100')).json.items.filter((f) => f.kind === 'goals');
    const other = frameworks.find((f) => f.code === 'MNOS-LEERDOELEN') ?? frameworks.find((f) => f.code !== FW);
    await page.getByLabel('Kader').selectOption(other.code);
    await page.getByRole('button', { name: 'Tonen' }).click();
    await settle(page);
    assert.match(page.url(), new RegExp(`kader=${other.code}`));
    const otherReport = await report(`framework=${other.code}`);
    assert.equal(await page.locator('main h2').first().innerText(), otherReport.frameworks[0].title);
    if (otherReport.levels.length > 0) {
      shown = await heatmap(page);
      assert.deepEqual(shown.rows.map((r) => r.goal), otherReport.frameworks[0].goals.map((g) => g.code));
    } else {
      assert.match(await page.locator('main').innerText(), /Er is nog niets gepland/);
    }
    await assertAccessible(page, `the coverage of ${other.code}`);
    await page.getByLabel('Kader').selectOption(FW);
    await page.getByRole('button', { name: 'Tonen' }).click();
    await settle(page);

    // Narrowed to one kind of school: secondary schools (none in scope).
    await page.getByLabel('Soort school').selectOption('VO');
    await page.getByRole('button', { name: 'Tonen' }).click();
    await settle(page);
    const vo = await report(`framework=${FW}&type=VO`);
    assert.equal(vo.scope.schools, 0);
    assert.match(await page.locator('.report-scope').innerText(), /^0 scholen \(VO\)/);
    assert.equal(await page.locator('table.heatmap').count(), vo.levels.length > 0 ? 1 : 0);
    await page.getByLabel('Soort school').selectOption('');
    await page.getByRole('button', { name: 'Tonen' }).click();
    await settle(page);

    // Narrowed to one subject area of the framework (a domain), and back.
    assert.ok(agg.areas.length > 1, 'the framework has subject areas');
    const area = agg.areas.find((a) => fw.goals.some((g) => g.depth === 0 && g.title === a.title && g.code === 'DG2'))
      ?? agg.areas[0];
    await page.getByLabel('Vakgebied').selectOption(area.title);
    await page.getByRole('button', { name: 'Tonen' }).click();
    await settle(page);
    assert.match(page.url(), /vakgebied=/);
    const narrowed = await report(`framework=${FW}&area=${encodeURIComponent(area.title)}`);
    assert.equal(narrowed.area, area.title);
    shown = await heatmap(page);
    assert.deepEqual(shown.rows.map((r) => r.goal), narrowed.frameworks[0].goals.map((g) => g.code));
    assert.ok(shown.rows.length < fw.goals.length, 'fewer goals than the whole framework');
    assert.ok((await page.locator('.report-scope').innerText()).includes(`vakgebied ${area.title}`));
    assert.match(await page.getByRole('link', { name: 'Excel downloaden' }).getAttribute('href'), /area=/);
    await assertAccessible(page, 'the coverage of one subject area');
    await screenshot(page, 'inspector-01b-subject-area');
    await page.getByLabel('Vakgebied').selectOption('');
    await page.getByRole('button', { name: 'Tonen' }).click();
    await settle(page);
    assert.doesNotMatch(page.url(), /vakgebied=/);

    // Drill down to school A.
    await page.getByRole('region', { name: /Per school/ }).or(page.locator('section:has(#per-school)'))
      .getByRole('link', { name: /^Demoschool A/ }).click();
    await settle(page);
    assert.match(await page.getByRole('heading', { level: 1 }).innerText(), /^Dekking – Demoschool A/);
    const school = await report(`framework=${FW}&school=${A}`);
    assert.equal(school.scope.kind, 'school');
    shown = await heatmap(page);
    assert.deepEqual(shown.levels, school.levels.map((l) => l.title));
    assert.equal(shown.levels.length, 8, 'groep 1 to 8');
    const sfw = school.frameworks[0];
    let gaps = 0;
    sfw.goals.forEach((g, i) => school.levels.forEach((l, j) => {
      const c = g.cells[l.code];
      const cell = shown.rows[i].cells[j];
      if (c && c.items > 0) {
        assert.equal(cell.text, c.items_given ? `${c.items} (${c.items_given}✓)` : `${c.items}`, `${g.code} ${l.code}`);
        return;
      }
      const gap = g.leaf && sfw.stage_gaps.some((s) => s.stage === l.stage && s.goals.some((x) => x.id === g.id));
      assert.equal(cell.gap, gap, `${g.code} ${l.code}`);
      if (gap) gaps++;
    }));
    assert.ok(gaps > 0, 'some gaps are highlighted');
    const g8 = school.levels.findIndex((l) => l.code === 'groep-8');
    assert.ok(sfw.goals.find((g) => g.code === 'DG2.1').cells['groep-8'].items >= 1, 'the plan of before() counts');
    assert.equal(shown.rows.find((r) => r.goal === 'DG2.2').cells[g8].gap, true);
    await assertAccessible(page, 'the coverage of one school');
    await screenshot(page, 'inspector-02-drill-down-school-a');

    // The CSV download is the API's CSV, byte for byte.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'CSV downloaden' }).click(),
    ]);
    assert.equal(download.suggestedFilename(), 'dekking.csv');
    const csv = await readFile(await download.path(), 'utf8');
    const want = await as('inspector', 'GET', `/api/v1/reports/coverage?framework=${FW}&school=${A}&format=csv`);
    // fetch's text() drops the byte order mark that the file keeps.
    assert.ok(csv.startsWith('\uFEFF'), 'UTF-8 with BOM');
    assert.equal(csv.slice(1), want.text);
    const records = parse(csv.replace(/^\uFEFF/, ''), { columns: true });
    const dg21csv = records.find((r) => r.doel === 'DG2.1' && r.niveau === 'groep 8');
    assert.equal(dg21csv.items, String(sfw.goals.find((g) => g.code === 'DG2.1').cells['groep-8'].items));
    assert.equal(records.filter((r) => r.doel === 'DG2.2').every((r) => r.items === '0'), true);

    // The printable report of the API, and the page's own print styles.
    const printable = await page.getByRole('link', { name: 'Afdrukbaar rapport' }).getAttribute('href');
    assert.match(printable, /format=html/);
    const html = await as('inspector', 'GET', printable);
    assert.equal(html.status, 200);
    assert.match(html.type, /^text\/html/);
    assert.ok(html.text.includes('Demoschool A'), 'the report names the school');
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('.coverage-form').isVisible(), false);
    assert.equal(await page.locator('.site-header').isVisible(), false);
    assert.ok(await page.locator('table.heatmap').isVisible());
    await screenshot(page, 'inspector-03-print');
    await page.emulateMedia({ media: 'screen' });
    assert.deepEqual(b.problems, []);
  });

  test('a school outside the scope: the API\'s answer in Dutch', async () => {
    const { page } = b;
    const res = await as('inspector', 'GET', `/api/v1/reports/coverage?framework=${FW}&school=${B}`);
    assert.equal(res.status, 404);
    b.expectHttpError(404);
    await visit(page, `#/dekking?kader=${FW}&school=${B}`);
    const alert = await page.getByRole('alert').innerText();
    assert.ok(alert.includes(res.json.detail), alert);
    await assertAccessible(page, 'the coverage page with an error');
    assert.deepEqual(b.problems, []);
  });
});

describe('inspector, keyboard alone', () => {
  let b;
  before(async () => { b = await openBrowser(); });
  after(async () => { await b?.close(); });

  test('log in, choose a school, read the heatmap and download the CSV with the keyboard', async () => {
    const { page } = b;
    await logInWithKeyboard(page, demoEmail('inspector'), DEMO_PASSWORD, '#/dekking');
    assert.equal((await focused(page)).id, 'page-title');

    const f = await tabTo(page, (x) => x.id === 'cv-school');
    assert.notEqual(f.outline, 'none', 'focus is visible');
    await page.keyboard.press('ArrowDown');
    assert.equal(await page.locator('#cv-school').inputValue(), A);
    await tabTo(page, (x) => x.tag === 'button' && x.text === 'Tonen');
    await page.keyboard.press('Enter');
    await settle(page);
    assert.match(await page.getByRole('heading', { level: 1 }).innerText(), /^Dekking – Demoschool A/);

    // The table scrolls as a whole: its region is reachable with Tab.
    const region = await tabTo(page, (x) => x.tag === 'div' && x.text.startsWith('Dekking van'));
    assert.ok(region);
    await tabTo(page, (x) => x.tag === 'a' && x.text === 'CSV downloaden', { shift: true });
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    const csv = await readFile(await download.path(), 'utf8');
    const want = await as('inspector', 'GET', `/api/v1/reports/coverage?framework=${FW}&school=${A}&format=csv`);
    assert.equal(csv.replace(/^\uFEFF/, ''), want.text);
    await screenshot(page, 'inspector-04-keyboard', { fullPage: false });
    assert.deepEqual(b.problems, []);
  });
});
