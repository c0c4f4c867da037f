// The coordinator's proposal journey (Voorstel leerlijn) in a real browser
// with the keyboard alone: from the continuous line to the proposal page,
// ask for 2026-2027 to 2027-2028, read every item with its reason (the
// same as the API's proposal), leave one item out, apply the rest as year
// plans and open one; the continuous line of those plans as a picture
// (themes down, levels across) with its table equivalent.  Every page is
// checked with axe-core.  The finder shows each unit's kind, source and
// review date.
//
// The plans made here are titled "WEBTEST voorstel ..."; after() removes
// them again.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { api, demoEmail, demoSchools, DEMO_PASSWORD } from './lib.mjs';
import { call as as } from './plans_lib.mjs';
import { removePlans } from './web_lib.mjs';
import {
  assertAccessible, focused, logInWithKeyboard, openBrowser, screenshot, settle, tabTo, visit,
} from './browser.mjs';

const PREFIX = 'WEBTEST voorstel ';
const FROM = '2026-2027';
const TO = '2027-2028';
const A = demoSchools().A;

after(() => removePlans(PREFIX));

// Choose value in the focused select with the arrow keys.
async function arrowTo(page, id, value) {
  for (const key of ['ArrowDown', 'ArrowUp']) {
    for (let i = 0; i < 8 && await page.locator(`#${id}`).inputValue() !== value; i++) {
      await page.keyboard.press(key);
    }
  }
  assert.equal(await page.locator(`#${id}`).inputValue(), value);
}

describe('the proposed leerlijn', () => {
  let b;
  before(async () => { b = await openBrowser(); });
  after(async () => {
    if (b) assert.deepEqual(b.problems, [], 'no console errors');
    await b?.close();
  });

  test('a coordinator asks for, reviews and applies a proposal with the keyboard alone', async () => {
    const { page } = b;
    await logInWithKeyboard(page, demoEmail('coordinator', 'A'), DEMO_PASSWORD, '#/leerlijn');
    await tabTo(page, (f) => f.tag === 'a' && f.text === 'Voorstel leerlijn maken');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => location.hash.startsWith('#/voorstel'));
    await settle(page);
    assert.equal((await focused(page))?.id, 'page-title');
    await assertAccessible(page, 'the proposal form');

    const from = await tabTo(page, (f) => f.id === 'pv-from');
    assert.notEqual(from.outline, 'none', 'focus is visible');
    await arrowTo(page, 'pv-from', FROM);
    await page.keyboard.press('Tab');
    await arrowTo(page, 'pv-to', TO);
    await page.keyboard.press('Tab');
    await arrowTo(page, 'pv-per', '2');
    await tabTo(page, (f) => f.tag === 'button' && f.text === 'Voorstel maken');
    await page.keyboard.press('Enter');
    await page.locator('table.proposal').first().waitFor();
    await settle(page);
    await screenshot(page, 'proposal-01-review');
    await assertAccessible(page, 'the proposal');

    // What the page shows is the API's proposal: every item with its reason.
    const want = await as('coordinator/A', 'POST', `/api/v1/schools/${A}/proposal`,
      { body: { from: FROM, to: TO, per_level: 2 } });
    assert.equal(want.status, 200, want.text);
    const rows = page.locator('table.proposal tbody tr');
    assert.equal(await rows.count(), want.json.items.length);
    const reasons = await page.locator('table.proposal tbody tr td:last-child').allInnerTexts();
    assert.deepEqual(reasons, want.json.items.map((it) => it.reason));
    for (const s of want.json.stages) {
      assert.ok(await page.getByText(`${s.title}: ${s.units}`).count() >= 1, s.title);
    }

    // Leave the first item out with Space.
    const box = await tabTo(page, (f) => f.tag === 'input' && f.id.startsWith('pv-item-'));
    assert.match(box.label, /^Opnemen: /);
    await page.keyboard.press('Space');
    await settle(page);
    assert.equal(await page.locator(`#${box.id}`).isChecked(), false);
    const n = want.json.items.length;
    await page.getByText(`${n - 1} van de ${n} onderdelen worden opgenomen.`).waitFor();

    // A name, then apply as year plans.
    const title = `${PREFIX}${randomBytes(3).toString('hex')}`;
    await tabTo(page, (f) => f.id === 'pv-title');
    await page.keyboard.press('Control+A');
    await page.keyboard.type(title);
    await tabTo(page, (f) => f.tag === 'button' && f.text === 'Voorstel toepassen');
    await page.keyboard.press('Enter');
    await page.getByText('Het voorstel is toegepast.').waitFor();
    await settle(page);
    await screenshot(page, 'proposal-02-applied');
    await assertAccessible(page, 'the applied proposal');

    // Two plans, one per school year, every item with its reason; the item
    // left out is not in them.
    const list = await as('coordinator/A', 'GET', `/api/v1/schools/${A}/plans`);
    const made = list.json.plans.filter((p) => p.title === title);
    assert.deepEqual(made.map((p) => p.school_year).sort(), [FROM, TO]);
    let total = 0;
    for (const p of made) {
      const plan = await as('coordinator/A', 'GET', `/api/v1/plans/${p.id}`);
      total += plan.json.items.length;
      assert.ok(plan.json.items.every((i) => i.reason && i.reason.length > 20), 'every item carries its reason');
    }
    assert.equal(total, n - 1);

    // The link to a plan opens it.
    await tabTo(page, (f) => f.tag === 'a' && f.text.startsWith(title));
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => /^#\/jaarplan\/[0-9a-f-]{36}$/.test(location.hash));
    await settle(page);
    assert.ok(made.some((p) => page.url().endsWith(p.id)));
  });

  test('the continuous line: a picture of themes over levels and the same as a table', async () => {
    const { page } = b;
    const line = await as('coordinator/A', 'GET', `/api/v1/schools/${A}/leerlijn?from=${FROM}&to=${TO}`);
    assert.equal(line.status, 200, line.text);
    await visit(page, `#/leerlijn?school=${A}&van=${FROM}&tot=${TO}`);
    const svg = page.locator('figure.line-picture svg[role="img"]');
    assert.equal(await svg.count(), 1);
    assert.ok(await svg.locator('circle').count() >= 1, 'a mark per planned unit');
    const table = page.locator('table.line-themes');
    const heads = await table.locator('thead th').allInnerTexts();
    const levels = line.json.levels.filter((l) => l.of_school);
    assert.deepEqual(heads.slice(1), levels.map((l) => l.title));
    // every planned unit is in the cell of each of its themes at its level
    let checked = 0;
    for (const [j, l] of levels.entries()) {
      for (const y of l.years) {
        for (const it of y.items.filter((x) => x.kind === 'les' && x.lesson)) {
          for (const t of it.lesson.themes) {
            const row = table.locator('tbody tr').filter({ has: page.getByRole('rowheader', { name: t, exact: true }) });
            const cell = await row.locator('td').nth(j).innerText();
            assert.ok(cell.includes(it.lesson.title), `${t} × ${l.title}: ${it.lesson.title} in "${cell}"`);
            checked += 1;
          }
        }
      }
    }
    assert.ok(checked > 0, 'the line has planned units');
    await screenshot(page, 'proposal-03-line');
    await assertAccessible(page, 'the continuous line');
  });

  test('the finder shows every unit with its kind, source and review date', async () => {
    const { page } = b;
    const want = (await api('/api/v1/lessons?level=groep-1&limit=20')).json;
    assert.ok(want.total >= 2);
    await visit(page, '#/lessen?niveau=groep-1');
    const first = want.items[0];
    const card = page.locator('li.lesson-card').filter({ has: page.getByRole('link', { name: first.title, exact: true }) }).first();
    await card.waitFor();
    const text = await card.innerText();
    assert.match(text, /Soort\s+(les|module|heel programma|project|eigen activiteit)/);
    assert.match(text, /Nagekeken\s+\d{1,2} \w+ \d{4}/);
    assert.equal(await card.getByRole('link', { name: /^Bron/ }).getAttribute('href'), first.source_address);
    await assertAccessible(page, 'the finder with units');
  });
});
