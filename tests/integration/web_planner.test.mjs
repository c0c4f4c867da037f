// The coordinator's journey in a real browser: log in, make the plan of a
// school year, add a lesson in a week (and see its warnings), move it,
// meet a 412 (someone else changed the plan first) and redo the change,
// set the status, copy the plan to the next year, remove a lesson, and
// read the continuous line.  Then the same with the keyboard alone, and a
// teacher marking an assigned lesson as given.  Every page is checked with
// axe-core; what the page shows is compared with the API.
//
// The plans are made for school year 2025-2026 (and copied to 2026-2027)
// with titles starting with "WEBTEST "; after() removes them again.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { api, demoEmail, demoSchools, DEMO_PASSWORD, login } from './lib.mjs';
import { call as as } from './plans_lib.mjs';
import { addWithKeyboard, chooseWeek, chosenWeek, planFromApi, removePlans } from './web_lib.mjs';
import {
  assertAccessible, describeInBrowser, focused, logInAs, logInWithKeyboard, navLabels, screenshot, settle, tabTo, visit,
} from './browser.mjs';

const YEAR = '2025-2026';
const NEXT = '2026-2027';
const PREFIX = 'WEBTEST ';
const A = demoSchools().A;

const cleanup = () => removePlans(PREFIX);


async function plansOfYear(year) {
  const res = await as('coordinator', 'GET', `/api/v1/schools/${A}/plans?school_year=${year}`);
  return res.json.plans.filter((p) => p.title.startsWith(PREFIX));
}

// The plan's id from the page address (#/jaarplan/{id}).
function planIdOf(page) {
  const m = /#\/jaarplan\/([0-9a-f-]{36})$/.exec(page.url());
  assert.ok(m, page.url());
  return m[1];
}

// Wait until the page shows a plan other than `from` (after a create or copy).
async function toPlanPage(page, from = null) {
  await page.waitForFunction((old) => {
    const m = /^#\/jaarplan\/([0-9a-f-]{36})$/.exec(location.hash);
    return m && m[1] !== old;
  }, from);
  await settle(page);
}

// The chips in one cell of the grid (level row, week column).
async function cellChips(page, levelTitle, week) {
  return page.evaluate(([lt, wk]) => {
    const table = document.querySelector('table.planner');
    const heads = [...table.querySelectorAll('thead th')];
    const col = heads.findIndex((th) => th.querySelector('[aria-hidden]')?.textContent === String(wk));
    const row = [...table.querySelectorAll('tbody tr')].find((tr) => tr.querySelector('th').textContent.trim() === lt);
    if (col < 0 || !row) return null;
    return [...row.children[col].querySelectorAll('button.chip')].map((b) => b.textContent);
  }, [levelTitle, week]);
}

let lessons;
before(async () => {
  await cleanup();
  lessons = (await api('/api/v1/lessons?limit=100')).json.items;
  assert.ok(lessons.some((l) => l.code === 'MNOS-LES-1'));
});
after(cleanup);

describeInBrowser('coordinator journey', (b) => {
  test('plan a school year: add, warn, move, 412 and redo, status, copy, remove, leerlijn', async () => {
    const { page } = b;
    const les1 = lessons.find((l) => l.code === 'MNOS-LES-1');
    await logInAs(page, demoEmail('coordinator', 'A'), DEMO_PASSWORD, '#/jaarplan');
    assert.deepEqual(await navLabels(page), ['Lessen zoeken', 'Leerdoelen', 'Jaarplanning', 'Doorlopende leerlijn', 'Dekking']);
    assert.match(await page.getByRole('heading', { level: 1 }).innerText(), /^Jaarplanning – Demoschool A/);
    await assertAccessible(page, 'the plan list');
    await screenshot(page, 'coordinator-01-plans');
    // The start page offers the coordinator's pages too.
    await visit(page, '#/');
    assert.deepEqual(await page.locator('.cards h2 a').allInnerTexts(),
      ['Jaarplanning', 'Doorlopende leerlijn', 'Dekking', 'Leerdoelen bekijken', 'Lessen zoeken']);
    await assertAccessible(page, 'the start page of a coordinator');
    await visit(page, '#/jaarplan');

    // Make the plan of 2025-2026.
    await page.getByLabel('Schooljaar').selectOption(YEAR);
    await page.getByLabel(/^Naam/).fill(`${PREFIX}preventie`);
    await page.getByRole('button', { name: 'Jaarplan maken' }).click();
    await toPlanPage(page);
    const id = planIdOf(page);
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), `${PREFIX}preventie ${YEAR}`);
    const made = await plansOfYear(YEAR);
    assert.deepEqual(made.map((p) => [p.id, p.status]), [[id, 'concept']]);

    // The holiday weeks of region noord are shaded, exactly as the calendar says.
    const cal = (await api(`/api/v1/calendar/${YEAR}?region=noord`)).json;
    const shaded = await page.locator('table.planner thead th.holiday, table.planner thead th.maybe-holiday').evaluateAll(
      (ths) => ths.map((th) => Number(th.querySelector('[aria-hidden]').textContent)));
    assert.deepEqual(shaded, cal.weeks.filter((w) => w.holiday).map((w) => Number(w.week.slice(6))));
    assert.equal(await page.locator('table.planner thead th.week').count(), cal.weeks.length);
    const herfst = cal.weeks.find((w) => w.holiday?.name === 'herfstvakantie');
    assert.match(await page.locator('table.planner thead th.holiday').first().innerText(), /herfstvakantie/);
    // Rows: the school's levels groep 1 to 8.
    assert.deepEqual(await page.locator('table.planner tbody th').allInnerTexts(),
      ['groep 1', 'groep 2', 'groep 3', 'groep 4', 'groep 5', 'groep 6', 'groep 7', 'groep 8']);
    await assertAccessible(page, 'an empty plan');
    await screenshot(page, 'coordinator-02-empty-plan');

    // Add Les 1 for groep 8 in the autumn holiday: the warnings show at once.
    await page.getByLabel('Niveau', { exact: true }).selectOption('groep-8');
    await chooseWeek(page, 'add', herfst.week);
    // The lesson is picked in the lesson finder, which offers it for this plan.
    await page.getByRole('button', { name: 'kies een les in de lessenzoeker' }).click();
    await settle(page);
    assert.match(page.url(), /#\/lessen\?niveau=groep-8$/);
    assert.match(await page.locator('.pick-banner').innerText(), new RegExp(`Je kiest een les voor het jaarplan ${PREFIX}preventie ${YEAR}`));
    // The finder lists the lessons for groep 8 as the API does (none of the pack's: it is for VO 2-3).
    const forG8 = (await api('/api/v1/lessons?level=groep-8&limit=20')).json;
    assert.equal(await page.locator('.lesson-list > li').count(), forG8.items.length);
    await page.getByRole('button', { name: 'Filters wissen' }).click();
    await settle(page);
    await assertAccessible(page, 'the lesson finder while picking for a plan');
    await screenshot(page, 'coordinator-03a-pick-in-finder');
    // The catalogue has units from groep 1 on: the pack's lesson is found by its title.
    await page.getByLabel('Zoeken in de tekst').fill(`"${les1.title}"`);
    await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
    await settle(page);
    await page.getByRole('button', { name: `${les1.title} kiezen voor het jaarplan` }).click();
    await settle(page);
    assert.equal(planIdOf(page), id);
    assert.equal(await page.locator('#add-level').inputValue(), 'groep-8', 'the form kept its level');
    assert.equal(await chosenWeek(page, 'add'), herfst.week, 'and its week');
    assert.ok(await page.getByLabel(/gekozen in de lessenzoeker/).isChecked());
    await page.getByRole('button', { name: 'Toevoegen', exact: true }).click();
    await settle(page);
    let plan = await planFromApi(id);
    assert.equal(plan.items.length, 1);
    let item = plan.items[0];
    assert.equal(item.week, herfst.week);
    assert.equal(item.level, 'groep-8');
    assert.equal(item.lesson.id, les1.id);
    const codes = item.warnings.map((w) => w.code);
    assert.ok(codes.includes('holiday') && codes.includes('level_mismatch'), codes.join());
    const added = await page.locator('.notice-ok').innerText();
    assert.match(added, new RegExp(`^Toegevoegd: ${les1.title}, groep 8, week ${Number(herfst.week.slice(6))}\\.`));
    for (const w of item.warnings) assert.ok(added.includes(w.message), `warning shown: ${w.message}`);
    const chips = await cellChips(page, 'groep 8', Number(herfst.week.slice(6)));
    assert.equal(chips.length, 1);
    assert.match(chips[0], new RegExp(`${item.warnings.length} waarschuwingen`));
    // The item's panel lists the same warnings; the plan's list has them too.
    const panel = page.locator('.item-panel');
    for (const w of item.warnings) assert.ok((await panel.innerText()).includes(w.message));
    assert.match(await page.getByRole('heading', { name: /^Aandachtspunten/ }).innerText(), new RegExp(`\\(${plan.warnings.length}\\)`));
    // The plan's coverage of the goals, as the API counts it.
    const cov = (await as('coordinator', 'GET', `/api/v1/plans/${id}/coverage`)).json;
    // Les 1 is a VO lesson: in groep 8 it is listed apart and covers nothing.
    assert.ok(cov.out_of_level.some((o) => o.lesson_id === les1.id && o.level === 'groep-8'), 'Les 1 in groep 8 is buiten niveau');
    assert.ok(cov.frameworks.every((f) => f.goals_covered === 0), 'a VO lesson in groep 8 covers no goal there');
    assert.deepEqual(await page.locator('.plan-coverage li').allInnerTexts(),
      cov.frameworks.map((f) => `${f.title}: ${f.goals_covered} van de ${f.goals_total} doelen gepland, ${f.goals_given} gegeven`));
    await assertAccessible(page, 'the plan with a lesson and its warnings');
    await screenshot(page, 'coordinator-03-added-with-warnings');

    // Move it out of the holiday to week 45.
    const w45 = cal.weeks.find((w) => w.week === '2025-W45');
    assert.equal(w45.holiday, null);
    await chooseWeek(page, 'mv', w45.week);
    await panel.getByRole('button', { name: 'Verplaatsen' }).click();
    await settle(page);
    item = (await planFromApi(id)).items[0];
    assert.equal(item.week, '2025-W45');
    assert.ok(!item.warnings.some((w) => w.code === 'holiday'), 'the holiday warning is gone');
    assert.deepEqual(await cellChips(page, 'groep 8', Number(herfst.week.slice(6))), []);
    assert.equal((await cellChips(page, 'groep 8', 45)).length, 1);
    assert.match(await page.locator('.notice-ok').innerText(), /^Opgeslagen: Les 1, groep 8, week 45/);

    // Someone else moves it to week 46 meanwhile (through the API) ...
    const other = await as('coordinator', 'PATCH', `/api/v1/plans/${id}/items/${item.id}`,
      { body: { week: '2025-W46' }, ifMatch: `"${item.version}"` });
    assert.equal(other.status, 200);
    // ... and this page, which still shows week 45, moves it to groep 7, week 47: 412.
    await panel.getByLabel('Niveau').selectOption('groep-7');
    await chooseWeek(page, 'mv', '2025-W47');
    b.expectHttpError(412);
    await panel.getByRole('button', { name: 'Verplaatsen' }).click();
    await settle(page);
    const alert = page.getByRole('alert').filter({ hasText: 'intussen gewijzigd' });
    const text = await alert.innerText();
    assert.match(text, /Iemand anders heeft dit jaarplan intussen gewijzigd/);
    assert.match(text, /niet uitgevoerd: Les 1 verplaatsen naar groep 7, week 47/);
    assert.match(text, /Nu staat er: Les 1, groep 8, week 46, gepland\./);
    // Nothing was overwritten; the page shows the newer version.
    item = (await planFromApi(id)).items[0];
    assert.deepEqual([item.level, item.week], ['groep-8', '2025-W46']);
    assert.equal((await cellChips(page, 'groep 8', 46)).length, 1);
    assert.deepEqual(await cellChips(page, 'groep 8', 45), []);
    assert.equal((await focused(page)).id, 'conflict-title');
    await assertAccessible(page, 'the plan with a conflict');
    await screenshot(page, 'coordinator-04-conflict-412');
    await alert.getByRole('button', { name: 'Mijn wijziging opnieuw uitvoeren' }).click();
    await settle(page);
    item = (await planFromApi(id)).items[0];
    assert.deepEqual([item.level, item.week], ['groep-7', '2025-W47']);
    assert.equal(await page.getByRole('alert').filter({ hasText: 'intussen gewijzigd' }).count(), 0);
    assert.equal((await cellChips(page, 'groep 7', 47)).length, 1);

    // The status workflow: concept → vastgesteld.
    await page.getByRole('button', { name: 'Vaststellen' }).click();
    await settle(page);
    assert.equal((await planFromApi(id)).status, 'vastgesteld');
    assert.match(await page.locator('.plan-meta').innerText(), /^vastgesteld/);
    assert.deepEqual(await page.locator('.plan-actions button').allInnerTexts(),
      ['Terug naar concept', 'Archiveren', `Kopiëren naar ${NEXT}`]);
    await screenshot(page, 'coordinator-05-vastgesteld');

    // Copy to 2026-2027: a new concept plan with the lesson in week 47.
    await page.getByRole('button', { name: `Kopiëren naar ${NEXT}` }).click();
    await toPlanPage(page, id);
    const copyId = planIdOf(page);
    assert.notEqual(copyId, id);
    const copy = await planFromApi(copyId);
    assert.equal(copy.school_year, NEXT);
    assert.equal(copy.status, 'concept');
    assert.equal(copy.copied_from, id);
    assert.deepEqual(copy.items.map((i) => [i.lesson.id, i.level, i.week, i.status]),
      [[les1.id, 'groep-7', '2026-W47', 'gepland']]);
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), `${PREFIX}preventie ${NEXT}`);
    assert.equal((await cellChips(page, 'groep 7', 47)).length, 1);
    await assertAccessible(page, 'the copied plan');
    await screenshot(page, 'coordinator-06-copied');

    // Remove the lesson from the copy.
    await page.locator('button.chip').first().click();
    await page.getByRole('button', { name: 'Verwijderen…' }).click();
    await page.getByRole('button', { name: 'Ja, verwijderen' }).click();
    await settle(page);
    assert.deepEqual((await planFromApi(copyId)).items, []);
    assert.equal(await page.locator('button.chip').count(), 0);
    assert.match(await page.locator('.notice-ok').innerText(), /^Verwijderd: Les 1, groep 7, week 47/);

    // Archive the first plan: it becomes read-only.
    await visit(page, `#/jaarplan/${id}`);
    await page.getByRole('button', { name: 'Archiveren' }).click();
    await settle(page);
    assert.equal((await planFromApi(id)).status, 'gearchiveerd');
    assert.match(await page.locator('main').innerText(), /gearchiveerd en kan niet meer veranderen/);
    assert.equal(await page.getByRole('button', { name: 'Toevoegen', exact: true }).count(), 0);

    // The continuous line shows the lesson at groep 7 in 2025-2026.
    await page.getByRole('link', { name: 'Doorlopende leerlijn' }).first().click();
    await settle(page);
    const line = (await as('coordinator', 'GET', `/api/v1/schools/${A}/leerlijn`)).json;
    const heads = await page.locator('table.leerlijn thead th').allInnerTexts();
    assert.deepEqual(heads, ['Niveau', ...line.school_years]);
    const g7 = line.levels.find((l) => l.level === 'groep-7');
    const col = line.school_years.indexOf(YEAR) + 2;
    const cell = await page.locator(`table.leerlijn tbody tr:has(th:text-is("groep 7")) td:nth-child(${col})`).innerText();
    const mine = g7.years.find((y) => y.school_year === YEAR).items.filter((i) => i.plan_id === id);
    assert.equal(mine.length, 1);
    assert.match(cell, /Les 1 · week 47 · gepland/);
    await assertAccessible(page, 'the continuous line');
    await screenshot(page, 'coordinator-07-leerlijn');
    assert.deepEqual(b.problems, []);
  });

  test('API errors are shown in Dutch', async () => {
    const { page } = b;
    const missing = await as('coordinator', 'GET', '/api/v1/plans/00000000-0000-4000-8000-000000000000');
    assert.equal(missing.status, 404);
    b.expectHttpError(404);
    await visit(page, '#/jaarplan/00000000-0000-4000-8000-000000000000');
    const alert = await page.getByRole('alert').innerText();
    assert.match(alert, /Het jaarplan kon niet worden geladen/);
    assert.ok(alert.includes(missing.json.detail), alert);
    // A plan of the same title and year twice: the API's 409 in words.
    await visit(page, '#/jaarplan');
    await page.getByLabel('Schooljaar').selectOption(YEAR);
    await page.getByLabel(/^Naam/).fill(`${PREFIX}preventie`);
    const dup = await as('coordinator', 'POST', `/api/v1/schools/${A}/plans`, { body: { school_year: YEAR, title: `${PREFIX}preventie` } });
    assert.ok(dup.status >= 400 && dup.status < 500, `${dup.status}`);
    b.expectHttpError(dup.status);
    await page.getByRole('button', { name: 'Jaarplan maken' }).click();
    await settle(page);
    const refused = await page.getByRole('alert').innerText();
    assert.match(refused, /Het jaarplan kon niet worden gemaakt/);
    assert.ok(refused.includes(dup.json.detail), refused);
    await assertAccessible(page, 'the plan list with an error');
    assert.deepEqual(b.problems, []);
  });
});

describeInBrowser('keyboard alone', (b) => {
  test('log in, make a plan, add a lesson, move it, set the status and copy it with the keyboard', async () => {
    const { page } = b;
    await logInWithKeyboard(page, demoEmail('coordinator', 'A'), DEMO_PASSWORD, '#/jaarplan');

    // The form: school year with the arrow keys, a name, Enter.
    const year = await tabTo(page, (f) => f.id === 'np-year');
    assert.notEqual(year.outline, 'none', 'focus is visible');
    while (await page.locator('#np-year').inputValue() !== YEAR) await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Tab');
    await page.keyboard.type(`${PREFIX}toetsenbord`);
    await page.keyboard.press('Enter');
    await toPlanPage(page);
    const id = planIdOf(page);
    assert.equal((await focused(page)).id, 'page-title');

    const les2 = lessons.find((l) => l.code === 'MNOS-LES-2');
    // Add Les 2 for groep 6 in the first week of the add form.  The form
    // starts at the school's first level.
    await tabTo(page, (f) => f.id === 'add-level');
    assert.equal(await page.locator('#add-level').inputValue(), 'groep-1');
    for (let i = 0; i < 10 && await page.locator('#add-level').inputValue() !== 'groep-6'; i++) await page.keyboard.press('ArrowDown');
    assert.equal(await page.locator('#add-level').inputValue(), 'groep-6');
    // Tab reaches the chosen week of the week picker; the arrow keys choose another.
    await page.keyboard.press('Tab');
    assert.match((await focused(page)).id, /^add-week-/);
    const week = await chosenWeek(page, 'add');
    await page.keyboard.press('ArrowDown');
    const firstWeek = await chosenWeek(page, 'add');
    assert.notEqual(firstWeek, week);
    await tabTo(page, (f) => f.id === 'add-q');
    await addWithKeyboard(page, 'Les 2', les2);
    let plan = await planFromApi(id);
    assert.deepEqual(plan.items.map((i) => [i.lesson.id, i.level, i.week]), [[les2.id, 'groep-6', firstWeek]]);
    // The new lesson's panel has the focus; move it one week on.
    assert.equal((await focused(page)).id, 'item-title');
    await tabTo(page, (f) => f.id.startsWith('mv-week-'));
    await page.keyboard.press('ArrowDown');
    const moved = await chosenWeek(page, 'mv');
    await tabTo(page, (f) => f.tag === 'button' && f.text === 'Verplaatsen');
    await page.keyboard.press('Enter');
    await settle(page);
    plan = await planFromApi(id);
    assert.equal(plan.items[0].week, moved);
    assert.notEqual(moved, firstWeek);

    // A 412 with the keyboard: someone else moves the lesson back first.
    const theirs = await as('coordinator', 'PATCH', `/api/v1/plans/${id}/items/${plan.items[0].id}`,
      { body: { week: firstWeek }, ifMatch: `"${plan.items[0].version}"` });
    assert.equal(theirs.status, 200);
    await tabTo(page, (f) => f.id.startsWith('mv-week-'), { shift: true });
    await page.keyboard.press('ArrowDown');
    const mine = await chosenWeek(page, 'mv');
    await tabTo(page, (f) => f.tag === 'button' && f.text === 'Verplaatsen');
    b.expectHttpError(412);
    await page.keyboard.press('Enter');
    await settle(page);
    assert.equal((await focused(page)).id, 'conflict-title', 'the conflict gets the focus');
    assert.equal((await planFromApi(id)).items[0].week, firstWeek, 'nothing was overwritten');
    await tabTo(page, (f) => f.tag === 'button' && f.text === 'Mijn wijziging opnieuw uitvoeren');
    await page.keyboard.press('Enter');
    await settle(page);
    assert.equal((await planFromApi(id)).items[0].week, mine, 'the redo is done');

    // Reach the lesson in the grid with Tab and open it with Enter.
    await visit(page, `#/jaarplan/${id}`);
    await page.locator('#page-title').focus();
    await tabTo(page, (f) => f.tag === 'button' && f.text.includes(`${les2.title}, groep 6`));
    await page.keyboard.press('Enter');
    await settle(page);
    assert.equal((await focused(page)).id, 'item-title');

    // Status and copy, from the toolbar.
    await page.locator('#page-title').focus();
    await tabTo(page, (f) => f.tag === 'button' && f.text === 'Vaststellen');
    await page.keyboard.press('Enter');
    await settle(page);
    assert.equal((await planFromApi(id)).status, 'vastgesteld');
    await page.locator('#page-title').focus();
    await tabTo(page, (f) => f.tag === 'button' && f.text === `Kopiëren naar ${NEXT}`);
    await page.keyboard.press('Enter');
    await toPlanPage(page, id);
    const copyId = planIdOf(page);
    const copy = await planFromApi(copyId);
    assert.equal(copy.copied_from, id);
    assert.equal(copy.items.length, 1);
    assert.equal((await focused(page)).id, 'page-title');
    await screenshot(page, 'coordinator-08-keyboard-copied', { fullPage: false });
    assert.deepEqual(b.problems, []);
  });
});

describeInBrowser('teacher', (b) => {
  test('sees the school plan read-only and marks an assigned lesson as given', async () => {
    const { page } = b;
    const teacher = await login('teacher', 'A');
    const made = await as('coordinator', 'POST', `/api/v1/schools/${A}/plans`, { body: { school_year: YEAR, title: `${PREFIX}leraar` } });
    assert.equal(made.status, 201);
    const les3 = lessons.find((l) => l.code === 'MNOS-LES-3');
    const it = await as('coordinator', 'POST', `/api/v1/plans/${made.json.id}/items`, {
      body: { lesson_id: les3.id, level: 'groep-8', week: '2025-W48', teacher_id: teacher.user_id },
      ifMatch: made.headers.get('etag'),
    });
    assert.equal(it.status, 201, it.text);

    await logInAs(page, demoEmail('teacher', 'A'), DEMO_PASSWORD, '#/jaarplan');
    assert.deepEqual(await navLabels(page), ['Lessen zoeken', 'Leerdoelen', 'Jaarplanning', 'Doorlopende leerlijn']);
    assert.equal(await page.getByRole('button', { name: 'Jaarplan maken' }).count(), 0, 'teachers make no plans');
    await page.getByRole('link', { name: `${PREFIX}leraar` }).click();
    await settle(page);
    assert.equal(await page.getByRole('heading', { name: 'Les toevoegen' }).count(), 0);
    assert.equal(await page.getByRole('button', { name: 'Vaststellen' }).count(), 0);
    // The lessons assigned to this teacher are listed; one opens from there.
    const mine = page.locator('section:has(#mine-title) li');
    assert.deepEqual(await mine.allInnerTexts(), [`${les3.title}, groep 8, week 48 gepland`]);
    await mine.getByRole('button').click();
    const panel = page.locator('.item-panel');
    assert.equal(await panel.getByRole('button', { name: 'Verplaatsen' }).count(), 0);
    await panel.getByLabel('Status van de les').selectOption('gegeven');
    await panel.getByLabel('Gegeven op').fill('2025-11-27');
    await panel.getByRole('button', { name: 'Status opslaan' }).click();
    await settle(page);
    const after = (await planFromApi(made.json.id)).items[0];
    assert.deepEqual([after.status, after.given_on], ['gegeven', '2025-11-27']);
    assert.match(await page.locator('.notice-ok').innerText(), /gegeven/);
    assert.match(await page.locator('button.chip').first().innerText(), /✓/);
    await assertAccessible(page, 'the plan as a teacher');
    await screenshot(page, 'teacher-planner-given');
    // On a tablet the grid scrolls inside its region; the page does not.
    await page.setViewportSize({ width: 768, height: 1024 });
    try {
      assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), true);
      assert.equal(await page.locator('.grid-scroll').evaluate((el) => el.scrollWidth > el.clientWidth), true);
      await screenshot(page, 'teacher-planner-tablet', { fullPage: false });
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
    assert.deepEqual(b.problems, []);
  });
});
