// The planner as a work surface, in a real browser: the add form's
// defaults, adding by clicking a cell of the levels × weeks grid, moving an
// item by dragging it and with the keyboard (Space, arrows, Enter, Escape,
// as the ARIA grid pattern does), the week picker, plan and item notes,
// templates saved and applied in the page, filters that apply when
// changed; then the same with the keyboard alone.  Every state is checked
// against the API, with axe-core, and without a single console error.
// Screenshots go to tests/artifacts/web/.
//
// Plans are made for school year 2025-2026 with titles starting with
// "WEBGRID "; after() removes them and the templates of that name.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { api, demoEmail, demoSchools, DEMO_PASSWORD } from './lib.mjs';
import { call as as } from './plans_lib.mjs';
import {
  addWithKeyboard, chooseWeek, chosenWeek, gridCell, planFromApi, removePlans, removeTemplates,
} from './web_lib.mjs';
import {
  assertAccessible, describeInBrowser, focused, logInAs, logInWithKeyboard, screenshot, settle, tabTo, visit,
} from './browser.mjs';

const YEAR = '2025-2026';
const PREFIX = 'WEBGRID ';
const A = demoSchools().A;

const cleanup = async () => {
  await removePlans(PREFIX);
  await removeTemplates(PREFIX);
};

async function newPlan(title) {
  const res = await as('coordinator', 'POST', `/api/v1/schools/${A}/plans`, { body: { school_year: YEAR, title: `${PREFIX}${title}` } });
  assert.equal(res.status, 201, res.text);
  return res.json;
}

let lessons;
let cal;
before(async () => {
  await cleanup();
  lessons = (await api('/api/v1/lessons?limit=100')).json.items;
  cal = (await api(`/api/v1/calendar/${YEAR}?region=noord`)).json;
});
after(cleanup);

// The week `n` columns after `week` in the school year.
const weekAfter = (week, n) => cal.weeks[cal.weeks.findIndex((w) => w.week === week) + n].week;

describeInBrowser('coordinator, with mouse and keyboard', (b) => {
  test('add in a cell, drag, carry with the keys, notes, templates', async () => {
    const { page } = b;
    const les1 = lessons.find((l) => l.code === 'MNOS-LES-1');
    const plan = await newPlan('werkblad');
    await logInAs(page, demoEmail('coordinator', 'A'), DEMO_PASSWORD, `#/jaarplan/${plan.id}`);

    // Defaults: the school's first level; for a past school year its first school week.
    assert.equal(await page.locator('#add-level').inputValue(), 'groep-1');
    assert.equal(await chosenWeek(page, 'add'), cal.weeks.find((w) => !w.holiday).week);
    // The week picker shows every week of the year with its Monday, holidays shaded.
    assert.equal(await page.locator('input[name="add-week"]').count(), cal.weeks.length);
    const herfst = cal.weeks.find((w) => w.holiday?.name === 'herfstvakantie');
    assert.match(await page.locator(`label[for="add-week-${herfst.week}"]`).getAttribute('class'), /holiday/);
    assert.match(await page.locator(`label[for="add-week-${herfst.week}"]`).innerText(), new RegExp(`^${Number(herfst.week.slice(6))}\\s+${Number(herfst.monday.slice(8))}`));
    await chooseWeek(page, 'add', herfst.week);
    assert.match(await page.locator('.add-item .wp-chosen').innerText(), /herfstvakantie/);
    await screenshot(page, 'grid-01-empty-plan');

    // Click an empty cell: the form takes its level and week and the focus.
    const w40 = '2025-W40';
    await gridCell(page, 'groep-3', w40).click();
    await settle(page);
    assert.equal(await page.locator('#add-level').inputValue(), 'groep-3');
    assert.equal(await chosenWeek(page, 'add'), w40);
    assert.equal((await focused(page)).id, 'add-q');
    assert.match(await gridCell(page, 'groep-3', w40).getAttribute('class'), /add-target/);
    // "Alleen lessen voor het gekozen niveau" applies when ticked, and unticking brings all back.
    const all = (await api('/api/v1/lessons?limit=50')).json;
    const forG3 = (await api('/api/v1/lessons?level=groep-3&limit=50')).json;
    assert.notEqual(all.items.length, forG3.items.length, 'the filter narrows');
    await page.getByLabel('Alleen lessen voor het gekozen niveau').check();
    await settle(page);
    assert.equal(await page.locator('.add-item .pick-list li').count(), forG3.items.length);
    await page.getByLabel('Alleen lessen voor het gekozen niveau').uncheck();
    await settle(page);
    assert.equal(await page.locator('.add-item .pick-list li').count(), all.items.length);
    await page.locator('#add-q').fill('Les 1');
    await page.keyboard.press('Enter');
    await settle(page);
    await page.locator(`#pick-${les1.id}`).check();
    await page.getByRole('button', { name: 'Toevoegen', exact: true }).click();
    await settle(page);
    let item = (await planFromApi(plan.id)).items[0];
    assert.deepEqual([item.level, item.week, item.lesson.id], ['groep-3', w40, les1.id]);
    assert.equal(await gridCell(page, 'groep-3', w40).locator('button.chip').count(), 1);
    await assertAccessible(page, 'the plan after adding in a cell');
    await screenshot(page, 'grid-02-added-in-cell');

    // Drag it to groep 4, week 42.
    const w42 = '2025-W42';
    await gridCell(page, 'groep-3', w40).locator('button.chip').dragTo(gridCell(page, 'groep-4', w42));
    await settle(page);
    item = (await planFromApi(plan.id)).items[0];
    assert.deepEqual([item.level, item.week], ['groep-4', w42]);
    assert.equal(await gridCell(page, 'groep-3', w40).locator('button.chip').count(), 0);
    assert.equal(await gridCell(page, 'groep-4', w42).locator('button.chip').count(), 1);
    assert.match(await page.locator('.notice-ok').innerText(), /^Verplaatst: Les 1, groep 4, week 42/);
    await screenshot(page, 'grid-03-dragged');

    // With the keyboard: Space picks it up, two weeks on and one level down, Enter puts it down.
    const chip = gridCell(page, 'groep-4', w42).locator('button.chip');
    await chip.focus();
    await page.keyboard.press('Space');
    await settle(page);
    assert.match(await chip.getAttribute('class'), /chip-grabbed/);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowDown');
    await settle(page);
    const target = weekAfter(w42, 2);
    assert.match(await gridCell(page, 'groep-5', target).getAttribute('class'), /drop-target/);
    await page.keyboard.press('Enter');
    await settle(page);
    item = (await planFromApi(plan.id)).items[0];
    assert.deepEqual([item.level, item.week], ['groep-5', target]);
    const f = await focused(page);
    assert.ok(f.tag === 'button' && f.text.includes('groep 5'), `the focus follows the item: ${JSON.stringify(f)}`);
    // The warnings of the new place are shown, as for every change.
    const notice = await page.locator('.notice-ok').innerText();
    for (const w of item.warnings) assert.ok(notice.includes(w.message), `warning shown: ${w.message}`);
    // Escape leaves it where it was.
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Escape');
    await settle(page);
    assert.equal((await planFromApi(plan.id)).items[0].version, item.version, 'nothing changed');
    // The arrow keys go from cell to cell (the focus moves after the next
    // render); Enter on an empty cell adds there.
    await page.keyboard.press('ArrowLeft');
    await settle(page);
    const left = await focused(page);
    assert.equal(left.tag, 'td');
    await page.keyboard.press('Enter');
    await settle(page);
    assert.equal(await page.locator('#add-level').inputValue(), 'groep-5');
    assert.equal(await chosenWeek(page, 'add'), weekAfter(target, -1));
    assert.equal((await focused(page)).id, 'add-q');
    await assertAccessible(page, 'the plan after moving with the keyboard');

    // Notes of the plan and of the item, in the page.
    await page.locator('#plan-note').fill('Ouderavond over de lessen in week 40.');
    await page.locator('.plan-notes').getByRole('button', { name: 'Notities opslaan' }).click();
    await settle(page);
    assert.equal((await planFromApi(plan.id)).note, 'Ouderavond over de lessen in week 40.');
    await gridCell(page, 'groep-5', target).locator('button.chip').click();
    await page.locator('#it-notes').fill('Eerst de veiligheidschecklist met de mentor doornemen.');
    await page.locator('.item-panel').getByRole('button', { name: 'Notities opslaan' }).click();
    await settle(page);
    assert.equal((await planFromApi(plan.id)).items[0].notes, 'Eerst de veiligheidschecklist met de mentor doornemen.');
    assert.equal(await page.locator('#it-notes').inputValue(), 'Eerst de veiligheidschecklist met de mentor doornemen.');
    await screenshot(page, 'grid-04-notes');

    // Save the plan as a template; apply it to another plan.
    await page.locator('#tpl-title').fill(`${PREFIX}preventie groep 5`);
    await page.getByRole('button', { name: 'Als sjabloon bewaren' }).click();
    await settle(page);
    const templates = (await as('coordinator', 'GET', `/api/v1/schools/${A}/templates`)).json.templates;
    const tpl = templates.find((t) => t.title === `${PREFIX}preventie groep 5`);
    assert.ok(tpl, 'the template exists');
    assert.match(await page.locator('.notice-ok').innerText(), /Bewaard als sjabloon/);
    const other = await newPlan('uit sjabloon');
    await visit(page, `#/jaarplan/${other.id}`);
    await page.locator('#tpl-apply').selectOption(tpl.id);
    await page.getByRole('button', { name: 'Sjabloon toepassen' }).click();
    await settle(page);
    const applied = await planFromApi(other.id);
    assert.deepEqual(applied.items.map((i) => [i.lesson?.id, i.level, i.week]), [[les1.id, 'groep-5', target]]);
    assert.match(await page.locator('.notice-ok').innerText(), new RegExp(`Sjabloon ${PREFIX}preventie groep 5 toegepast: 1 onderdeel toegevoegd`));
    assert.equal(await gridCell(page, 'groep-5', target).locator('button.chip').count(), 1);
    await assertAccessible(page, 'the plan after applying a template');
    await screenshot(page, 'grid-05-template-applied');
    assert.deepEqual(b.problems, []);
  });
});

describeInBrowser('keyboard alone', (b) => {
  test('add in a cell, carry the item and apply a template with the keyboard', async () => {
    const { page } = b;
    const les2 = lessons.find((l) => l.code === 'MNOS-LES-2');
    const plan = await newPlan('toetsen');
    await logInWithKeyboard(page, demoEmail('coordinator', 'A'), DEMO_PASSWORD, `#/jaarplan/${plan.id}`);

    // Tab into the grid (an empty plan: the first school week of groep 1), then arrows.
    const firstWeek = cal.weeks.find((w) => !w.holiday).week;
    await tabTo(page, (x) => x.tag === 'td');
    assert.deepEqual(await page.evaluate(() => [document.activeElement.dataset.level, document.activeElement.dataset.week]),
      ['groep-1', firstWeek]);
    await page.keyboard.press('ArrowDown');
    await settle(page);
    await page.keyboard.press('ArrowRight');
    await settle(page);
    const week = weekAfter(firstWeek, 1);
    await page.keyboard.press('Enter');
    await settle(page);
    assert.equal((await focused(page)).id, 'add-q');
    assert.equal(await page.locator('#add-level').inputValue(), 'groep-2');
    assert.equal(await chosenWeek(page, 'add'), week);
    await addWithKeyboard(page, 'Les 2', les2);
    let item = (await planFromApi(plan.id)).items[0];
    assert.deepEqual([item.lesson.id, item.level, item.week], [les2.id, 'groep-2', week]);

    // Back to the grid: its Tab stop is now the item; carry it a level down.
    await page.locator('#page-title').focus();
    await tabTo(page, (x) => x.tag === 'button' && x.text.includes(`${les2.title}, groep 2`));
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await settle(page);
    item = (await planFromApi(plan.id)).items[0];
    assert.deepEqual([item.level, item.week], ['groep-3', week]);
    assert.ok((await focused(page)).text.includes('groep 3'));

    // Save it as a template and apply that to a second plan, keys only.
    await tabTo(page, (x) => x.id === 'tpl-title');
    await page.keyboard.type(`${PREFIX}toetsenbord`);
    await page.keyboard.press('Enter');
    await settle(page);
    const tpl = (await as('coordinator', 'GET', `/api/v1/schools/${A}/templates`)).json.templates
      .find((t) => t.title === `${PREFIX}toetsenbord`);
    assert.ok(tpl);
    const other = await newPlan('toetsen twee');
    await visit(page, `#/jaarplan/${other.id}`);
    await page.locator('#page-title').focus();
    await tabTo(page, (x) => x.id === 'tpl-apply');
    while (await page.locator('#tpl-apply').inputValue() !== tpl.id) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await settle(page);
    assert.deepEqual((await planFromApi(other.id)).items.map((i) => [i.level, i.week]), [['groep-3', week]]);
    await screenshot(page, 'grid-06-keyboard-template', { fullPage: false });
    assert.deepEqual(b.problems, []);
  });
});

describeInBrowser('on a phone (390 × 844)', (b) => {
  // Every page fits the width (only the grids scroll, inside their region)
  // and the header stays small.
  async function checkPhone(page, what) {
    const header = await page.locator('.site-header').boundingBox();
    assert.ok(header.height <= 120, `${what}: the header is ${header.height} px tall`);
    // What sticks out on the right, if anything (outside scrolling regions).
    const wide = await page.evaluate(() => [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 0.5 && !el.closest('.grid-scroll, .sr-only'))
      .slice(0, 5).map((el) => `${el.tagName.toLowerCase()}.${el.className} (${Math.round(el.getBoundingClientRect().right)} px)`));
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
      `${what}: no sideways scrolling; too wide: ${wide.join(', ')}`);
    await assertAccessible(page, `${what} on a phone`);
  }

  test('anonymous: the menu folds into a button; no console errors', async () => {
    const { page } = b;
    const lesson = lessons.find((l) => l.code === 'MNOS-LES-1');
    for (const [hash, name] of [['#/', 'home'], ['#/lessen', 'lessons'], [`#/lessen/${lesson.id}`, 'lesson'], ['#/kaders', 'frameworks']]) {
      await visit(page, hash);
      await checkPhone(page, hash);
      await screenshot(page, `phone-anon-${name}`, { fullPage: false });
    }
    const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
    assert.equal(await nav.isVisible(), false, 'the menu is folded');
    const button = page.getByRole('button', { name: /^Menu/ });
    assert.equal(await button.getAttribute('aria-expanded'), 'false');
    await button.click();
    assert.equal(await button.getAttribute('aria-expanded'), 'true');
    assert.ok(await nav.isVisible());
    await assertAccessible(page, 'the open menu on a phone');
    await screenshot(page, 'phone-menu-open', { fullPage: false });
    await nav.getByRole('link', { name: 'Lessen zoeken' }).click();
    await settle(page);
    assert.match(page.url(), /#\/lessen$/);
    assert.equal(await nav.isVisible(), false, 'the menu folds again after a choice');
    // The lesson page keeps key messages, checklist and help together; alignments fold below.
    await visit(page, `#/lessen/${lesson.id}`);
    const order = await page.evaluate(() => [...document.querySelectorAll('main h2, main details > summary')]
      .map((el) => el.id || el.className || el.tagName.toLowerCase()));
    const km = order.indexOf('kernboodschappen');
    assert.deepEqual(order.slice(km, km + 3), ['kernboodschappen', 'veiligheid', 'hulp']);
    assert.equal(order[km + 3], 'summary', 'the alignments come after help, folded');
    assert.equal(await page.locator('.alignments-details').getAttribute('open'), null);
    assert.deepEqual(b.problems, []);
  });

  test('a coordinator plans on a phone', async () => {
    const { page } = b;
    const plan = await newPlan('telefoon');
    await logInAs(page, demoEmail('coordinator', 'A'), DEMO_PASSWORD, `#/jaarplan/${plan.id}`);
    await checkPhone(page, 'the plan');
    await screenshot(page, 'phone-plan', { fullPage: false });
    // The grid scrolls inside its region; a cell can still be tapped to add there.
    assert.ok(await page.locator('.grid-scroll').evaluate((el) => el.scrollWidth > el.clientWidth));
    const week = cal.weeks.find((w) => !w.holiday).week;
    await gridCell(page, 'groep-2', week).click();
    await settle(page);
    assert.equal(await page.locator('#add-level').inputValue(), 'groep-2');
    assert.equal(await chosenWeek(page, 'add'), week);
    await screenshot(page, 'phone-plan-add', { fullPage: false });
    for (const [hash, name] of [['#/jaarplan', 'plans'], ['#/leerlijn', 'leerlijn'], ['#/dekking', 'coverage']]) {
      await visit(page, hash);
      await checkPhone(page, hash);
      await screenshot(page, `phone-${name}`, { fullPage: false });
    }
    assert.deepEqual(b.problems, []);
  });
}, { width: 390, height: 844 });

describeInBrowser('Dutch for teachers', (b) => {
  // The catalogue's research notes (English, with file names of the
  // sources) of a lesson and its alignments.
  function notesOf(lesson) {
    return [lesson.title_note, lesson.summary_note, lesson.duration_note, lesson.evidence_note, lesson.note,
      ...lesson.alignments.map((a) => a.note)].filter((n) => typeof n === 'string' && n.length > 0);
  }

  test('a teacher sees no research notes; a curator does', async () => {
    const { page } = b;
    const withNotes = [];
    for (const l of lessons) {
      const full = (await api(`/api/v1/lessons/${l.id}`)).json;
      if (notesOf(full).length > 0) withNotes.push(full);
      if (withNotes.length === 3) break;
    }
    assert.ok(withNotes.length > 0, 'the catalogue has lessons with research notes');
    const textOf = async () => {
      const open = page.locator('.alignments-details:not([open]) summary');
      if (await open.count()) await open.click();
      return page.locator('main').innerText();
    };
    await logInAs(page, demoEmail('teacher', 'A'), DEMO_PASSWORD, '#/lessen');
    for (const l of withNotes) {
      await visit(page, `#/lessen/${l.id}`);
      const text = await textOf();
      for (const n of notesOf(l)) assert.ok(!text.includes(n), `a teacher is shown the note "${n}" of ${l.code}`);
      assert.doesNotMatch(text, /programmes\.json|NOTES\.md|frameworks\.json/);
      assert.doesNotMatch(text, /\b[a-z]+-\d\b/, 'no level codes such as havo-2');
    }
    await screenshot(page, 'teacher-lesson-without-notes');
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await settle(page);
    await logInAs(page, demoEmail('curator', 'A'), DEMO_PASSWORD, '#/lessen');
    await visit(page, `#/lessen/${withNotes[0].id}`);
    const text = await textOf();
    assert.ok(notesOf(withNotes[0]).some((n) => text.includes(n)), 'the curator sees the notes');
    assert.deepEqual(b.problems, []);
  });

  test('the lesson finder applies a level at once, without "Zoeken"', async () => {
    const { page } = b;
    await visit(page, '#/lessen');
    const g8 = (await api('/api/v1/lessons?level=groep-8&limit=20')).json;
    await page.locator('#f-level').selectOption('groep-8');
    await settle(page);
    assert.match(page.url(), /niveau=groep-8/);
    assert.equal(await page.locator('.lesson-list > li').count(), g8.items.length);
    assert.deepEqual(b.problems, []);
  });
});
