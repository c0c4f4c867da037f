// A school's own activity in the planner, in a real browser with the
// keyboard alone: the demo coordinator of school A (a basisschool) opens
// "Eigen activiteit toevoegen" under the add form, meets the page's own
// check and an API 422 shown at its field, adds "Gastles wijkagent" for
// groep 7 (and 8) and plans it in groep 7 in a week in one go; the grid,
// the warnings (groep 7 no longer "krijgt geen preventieles") and the
// plan's coverage count it, and the add form's search lists it with its
// kind, as it lists a programme unit with its kind.  On the plans page
// the coordinator changes and, once it is no longer planned, removes it.
// Every state is checked with axe-core and against the API; another
// school's coordinator never finds it (API).
//
// The plan is titled "WEBOWN ..." (2025-2026), the activity's title ends
// in "WEBOWN"; after() removes both.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { api, demoEmail, demoSchools, DEMO_PASSWORD } from './lib.mjs';
import { call as as } from './plans_lib.mjs';
import { chosenWeek, gridCell, removePlans } from './web_lib.mjs';
import { axeViolations, focused, logInWithKeyboard, openBrowser, screenshot, settle, tabTo, visit } from './browser.mjs';

const YEAR = '2025-2026';
const PREFIX = 'WEBOWN ';
const TITLE = 'Gastles wijkagent WEBOWN';
const A = demoSchools().A;
const B = demoSchools().B;
const KIND = { les: 'les', module: 'module', programma: 'heel programma', project: 'project', activiteit: 'eigen activiteit' };

async function ownActivities() {
  const res = await as('coordinator', 'GET', `/api/v1/schools/${A}/activities`);
  assert.equal(res.status, 200, res.text);
  return res.json.items.filter((a) => a.title.endsWith('WEBOWN'));
}

// The plans first (their items point at the activities), then the activities.
async function cleanup() {
  await removePlans(PREFIX);
  for (const a of await ownActivities()) {
    const res = await as('coordinator', 'DELETE', `/api/v1/schools/${A}/activities/${a.id}`, { ifMatch: `"${a.version}"` });
    assert.equal(res.status, 204, res.text);
  }
}

async function planFromApi(id) {
  const res = await as('coordinator', 'GET', `/api/v1/plans/${id}`);
  assert.equal(res.status, 200);
  return res.json;
}

async function assertAccessible(page, what) {
  assert.deepEqual(await axeViolations(page), [], `WCAG 2.1 AA violations on ${what}`);
}

const withoutLesson = (plan, level) => plan.warnings.some((w) => w.code === 'level_without_lesson' && w.level === level);

before(cleanup);
after(cleanup);

describe('a school\'s own activity in the planner', () => {
  let b;
  before(async () => { b = await openBrowser(); });
  after(async () => {
    if (b) assert.deepEqual(b.problems, [], 'no console errors');
    await b?.close();
  });

  test('the coordinator adds and plans an own activity with the keyboard alone; another school never finds it', async () => {
    const { page } = b;
    const made = await as('coordinator', 'POST', `/api/v1/schools/${A}/plans`, { body: { school_year: YEAR, title: `${PREFIX}eigen activiteit` } });
    assert.equal(made.status, 201, made.text);
    const id = made.json.id;
    let plan = await planFromApi(id);
    assert.ok(withoutLesson(plan, 'groep-7'), 'an empty plan: groep 7 gets no lesson');
    const g7Warning = plan.warnings.find((w) => w.code === 'level_without_lesson' && w.level === 'groep-7').message;

    await logInWithKeyboard(page, demoEmail('coordinator', 'A'), DEMO_PASSWORD, `#/jaarplan/${id}`);
    assert.ok((await page.locator('main').innerText()).includes(g7Warning));

    // Level groep 7 and a week, in the add form.
    await tabTo(page, (f) => f.id === 'add-level');
    for (let i = 0; i < 10 && await page.locator('#add-level').inputValue() !== 'groep-7'; i++) await page.keyboard.press('ArrowDown');
    assert.equal(await page.locator('#add-level').inputValue(), 'groep-7');
    await page.keyboard.press('Tab');
    assert.match((await focused(page)).id, /^add-week-/);
    await page.keyboard.press('ArrowDown');
    const week = await chosenWeek(page, 'add');
    const weekNo = Number(week.slice(6));

    // "Eigen activiteit toevoegen" opens the form; Escape closes it and the focus returns.
    const toggle = await tabTo(page, (f) => f.tag === 'button' && f.text === 'Eigen activiteit toevoegen');
    assert.equal(toggle.expanded, 'false');
    await page.keyboard.press('Enter');
    await settle(page);
    assert.equal((await focused(page)).id, 'na-title', 'the title field has the focus');
    await page.keyboard.press('Escape');
    await settle(page);
    assert.equal(await page.locator('#na').count(), 0);
    const back = await focused(page);
    assert.deepEqual([back.text, back.expanded], ['Eigen activiteit toevoegen', 'false']);
    await page.keyboard.press('Enter');
    await settle(page);
    assert.equal((await focused(page)).id, 'na-title');
    assert.equal(await page.getByRole('button', { name: 'Eigen activiteit toevoegen' }).getAttribute('aria-expanded'), 'true');
    const intro = await page.locator('#na').innerText();
    assert.match(intro, new RegExp(`Je plant haar in groep 7, week ${weekNo}`));
    // Groep 7, where it is planned now, is ticked and fixed.
    assert.ok(await page.locator('#na-levels-groep-7').isChecked());
    assert.ok(await page.locator('#na-levels-groep-7').isDisabled());
    await assertAccessible(page, 'the planner with the own activity form open');
    await screenshot(page, 'own-activity-01-form');

    // Without a title: the page's own check, at the field, and nothing sent.
    await page.locator('#na-title').focus();
    await page.keyboard.press('Enter');
    await settle(page);
    assert.equal(await page.locator('#na-title-error').innerText(), 'Geef de activiteit een titel.');
    assert.equal(await page.locator('#na-title').getAttribute('aria-invalid'), 'true');
    assert.match(await page.locator('#na-title').getAttribute('aria-describedby'), /na-title-error/);
    assert.equal((await focused(page)).id, 'na-title');
    assert.deepEqual(await ownActivities(), []);

    // The fields, with the keyboard: title, groep 8 too, duration, themes, a
    // learning goal searched and chosen, notes, a link.
    await page.keyboard.type(TITLE);
    await tabTo(page, (f) => f.id === 'na-levels-groep-8');
    await page.keyboard.press('Space');
    await tabTo(page, (f) => f.id === 'na-duration_minutes');
    await page.keyboard.type('45');
    await page.keyboard.press('Tab');
    assert.equal((await focused(page)).id, 'na-themes');
    await page.keyboard.type('veiligheid, grenzen');
    await page.keyboard.press('Tab');
    assert.equal((await focused(page)).id, 'na-goals');
    await page.keyboard.type('privacy');
    await page.keyboard.press('Enter');
    await settle(page);
    const goalHits = (await api('/api/v1/goals?q=privacy&limit=10')).json.items;
    const dg22 = goalHits.find((g) => g.framework === 'CNU-DG-2019' && g.code === 'DG2.2');
    assert.ok(dg22, 'the goal search finds DG2.2');
    assert.equal(await page.getByRole('list', { name: 'Gevonden leerdoelen' }).getByRole('listitem').count(), goalHits.length,
      'the page lists what the API finds');
    const pick = `DG2.2 – ${dg22.title} (CNU-DG-2019)`;
    await tabTo(page, (f) => f.label === `${pick} kiezen`);
    await page.keyboard.press('Enter');
    assert.deepEqual(await page.getByRole('list', { name: 'Gekozen leerdoelen' }).getByRole('listitem').allInnerTexts(),
      [`${pick} weghalen`]);
    assert.equal(await page.getByRole('button', { name: `${pick} kiezen` }).isDisabled(), true, 'chosen once');
    await tabTo(page, (f) => f.id === 'na-notes');
    await page.keyboard.type('Met de wijkagent van de buurt.');
    await page.keyboard.press('Tab');
    assert.equal((await focused(page)).id, 'na-url');
    await page.keyboard.type('https://www.politie.nl/mijn-buurt');

    // The API's own 422, shown at its field: the request is changed on its
    // way (a link the page itself would refuse), the API answers as it
    // answers anyone.
    const refused = await as('coordinator', 'POST', `/api/v1/schools/${A}/activities`,
      { body: { title: TITLE, levels: ['groep-7'], url: 'ftp://politie.nl' } });
    assert.equal(refused.status, 422);
    const urlError = refused.json.errors.find((e) => e.field === 'url');
    assert.ok(urlError, refused.text);
    await page.route('**/api/v1/schools/*/activities', async (route) => {
      const body = JSON.parse(route.request().postData());
      await route.continue({ postData: JSON.stringify({ ...body, url: 'ftp://politie.nl' }) });
    }, { times: 1 });
    b.expectHttpError(422);
    await page.keyboard.press('Enter');
    await settle(page);
    const atUrl = await page.locator('#na-url-error').innerText();
    assert.equal(atUrl, urlError.message.charAt(0).toUpperCase() + urlError.message.slice(1));
    assert.equal(await page.locator('#na-url').getAttribute('aria-invalid'), 'true');
    assert.equal((await focused(page)).id, 'na-url', 'the field at fault has the focus');
    assert.ok((await page.locator('#na-error').innerText()).includes(refused.json.detail));
    assert.deepEqual(await ownActivities(), [], 'nothing was made');
    await assertAccessible(page, 'the own activity form with the API\'s problem at a field');
    await screenshot(page, 'own-activity-02-problem-at-field');

    // Send it as typed: the activity is made and planned in groep 7, in the week chosen.
    await page.keyboard.press('Enter');
    await settle(page);
    const [act] = await ownActivities();
    assert.ok(act, 'the activity was made');
    assert.deepEqual([act.title, act.levels, act.duration_minutes, act.themes, act.notes, act.url, act.planned],
      [TITLE, ['groep-7', 'groep-8'], 45, ['veiligheid', 'grenzen'], 'Met de wijkagent van de buurt.', 'https://www.politie.nl/mijn-buurt', 1]);
    assert.deepEqual(act.goals.map((g) => g.id), [dg22.id], 'with the goal chosen');
    plan = await planFromApi(id);
    assert.equal(plan.items.length, 1);
    const item = plan.items[0];
    assert.deepEqual([item.kind, item.lesson.id, item.lesson.kind, item.lesson.own, item.level, item.week],
      ['les', act.id, 'activiteit', true, 'groep-7', week]);
    assert.ok(!item.warnings.some((w) => w.code === 'level_mismatch'), 'it fits groep 7');
    assert.match(await page.locator('.notice-ok').innerText(), new RegExp(`^Toegevoegd: ${TITLE}, groep 7, week ${weekNo}\\.`));
    assert.equal(await page.locator('#na').count(), 0, 'the form is closed');
    assert.equal((await focused(page)).id, 'item-title', 'the new item\'s panel has the focus, as after any add');
    // In the grid: one chip "E" (eigen activiteit) in groep 7, that week.
    const chips = await gridCell(page, 'groep-7', week).locator('button.chip').allTextContents();
    assert.equal(chips.length, 1);
    assert.match(chips[0], new RegExp(`^E: ${TITLE}, groep 7, week ${weekNo}, gepland`));

    // Checked like any unit: groep 7 no longer lacks a lesson, the other groeps still do.
    assert.ok(!withoutLesson(plan, 'groep-7'));
    assert.ok(withoutLesson(plan, 'groep-6'));
    const main = await page.locator('main').innerText();
    assert.ok(!main.includes(g7Warning), 'the warning for groep 7 is gone');
    assert.match(await page.getByRole('heading', { name: /^Aandachtspunten/ }).innerText(), new RegExp(`\\(${plan.warnings.length}\\)`));
    // Counted in the plan's coverage as the API counts it.
    const cov = (await as('coordinator', 'GET', `/api/v1/plans/${id}/coverage`)).json;
    assert.equal(cov.totals.items, 1, 'the activity counts at groep 7');
    // and covers its goal there: DG2.2 is planned in groep 7.
    const dgCov = cov.frameworks.find((f) => f.code === 'CNU-DG-2019')?.goals.find((g) => g.code === 'DG2.2');
    assert.ok(dgCov, 'DG2.2 is in the plan\'s coverage');
    assert.equal(dgCov.cells['groep-7']?.items, 1, 'the activity covers DG2.2 in groep 7');
    assert.equal(await page.locator('.plan-counted').innerText(),
      'Telt mee voor de dekking: 1 onderdeel op een niveau waarvoor het bedoeld is, 0 gegeven.');
    await assertAccessible(page, 'the plan with the own activity');
    await screenshot(page, 'own-activity-03-planned');

    // The add form's search finds it, with its kind, and a programme unit with its kind.
    await tabTo(page, (f) => f.id === 'add-q');
    await page.keyboard.type(TITLE);
    await page.keyboard.press('Enter');
    await settle(page);
    assert.match(await page.locator(`label[for="pick-${act.id}"]`).innerText(), /\(eigen activiteit; groep 7–8\)/);
    const prog = (await api('/api/v1/lessons?kind=programma&limit=1')).json.items[0];
    assert.ok(prog, 'the catalogue has a whole programme to plan');
    await page.locator('#add-q').focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type(`"${prog.title}"`);
    await page.keyboard.press('Enter');
    await settle(page);
    assert.match(await page.locator(`label[for="pick-${prog.id}"]`).innerText(), new RegExp(`\\(${KIND.programma}; `));
    // Every unit the form lists says its kind, as the API's finder (with school=) gives them.
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Enter');
    await settle(page);
    const listed = (await as('coordinator', 'GET', `/api/v1/lessons?school=${A}&limit=50`)).json.items;
    assert.ok(listed.some((l) => l.id === act.id), 'the finder with school= lists the activity');
    const labels = await page.locator('.add-item .pick-list li label').allInnerTexts();
    assert.equal(labels.length, listed.length);
    listed.forEach((l, i) => assert.ok(labels[i].startsWith(l.title) && labels[i].includes(`(${KIND[l.kind]}; `), labels[i]));

    // Another school never finds it: not in its finder, not as a detail, not with school=A.
    const other = await as('coordinator/B', 'GET', `/api/v1/lessons?school=${B}&q=${encodeURIComponent('Gastles wijkagent')}&limit=100`);
    assert.equal(other.status, 200);
    assert.ok(!other.json.items.some((l) => l.id === act.id));
    assert.equal((await as('coordinator/B', 'GET', `/api/v1/lessons?school=${A}`)).status, 404);
    assert.equal((await as('coordinator/B', 'GET', `/api/v1/lessons/${act.id}`)).status, 404);
    assert.ok(!(await api(`/api/v1/lessons?q=${encodeURIComponent('Gastles wijkagent')}&limit=100`)).json.items.some((l) => l.id === act.id));

    // The plans page lists the school's own activities: change one, and remove one that is no longer planned.
    await visit(page, '#/jaarplan');
    const card = page.locator(`[data-activity="${act.id}"]`);
    assert.match(await card.innerText(), /Ingepland\s+1 keer/);
    assert.equal(await card.getByRole('button', { name: /verwijderen/ }).count(), 0, 'a planned activity cannot be removed');
    await assertAccessible(page, 'the plans page with the school\'s own activities');
    await page.locator('#page-title').focus();
    await tabTo(page, (f) => f.tag === 'button' && f.text === `${TITLE} wijzigen`);
    await page.keyboard.press('Enter');
    await settle(page);
    const edit = `ea-${act.id}`;
    assert.equal((await focused(page)).id, `${edit}-title`);
    assert.equal(await page.locator(`#${edit}-duration_minutes`).inputValue(), '45');
    await tabTo(page, (f) => f.id === `${edit}-duration_minutes`);
    await page.keyboard.press('Control+A');
    await page.keyboard.type('50');
    await page.keyboard.press('Enter');
    await settle(page);
    const [changed] = await ownActivities();
    assert.deepEqual([changed.duration_minutes, changed.levels, changed.version > act.version], [50, ['groep-7', 'groep-8'], true]);
    assert.match(await card.innerText(), /Duur\s+50 minuten/);
    assert.equal((await focused(page)).text, `${TITLE} wijzigen`, 'the focus returns to the button');

    await removePlans(PREFIX);
    await visit(page, '#/jaarplan');
    await page.locator('#page-title').focus();
    await tabTo(page, (f) => f.tag === 'button' && f.text === `${TITLE} verwijderen…`);
    await page.keyboard.press('Enter');
    await settle(page);
    assert.equal((await focused(page)).text, `Ja, ${TITLE} verwijderen`);
    await page.keyboard.press('Enter');
    await settle(page);
    assert.deepEqual(await ownActivities(), []);
    assert.equal(await page.locator(`[data-activity="${act.id}"]`).count(), 0);
    assert.equal((await focused(page)).id, 'activities-title');
    await assertAccessible(page, 'the plans page after removing the activity');
  });
});
