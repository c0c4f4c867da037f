// The teacher's journey in a real browser: goal tree → lessons for DG2.1 →
// filters → a lesson with its key messages, data-quality warnings, safety
// checklist and, last, where pupils get help.  Every page is checked with
// axe-core (WCAG 2.1 AA), the journey is repeated with the keyboard alone,
// and what the page shows is compared with what the API answers.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { api } from './lib.mjs';
import {
  assertAccessible, axeViolations, focused, openBrowser, screenshot, settle, tabTo, visit,
} from './browser.mjs';

const DG21 = '/api/v1/lessons?goal=DG2.1&framework=CNU-DG-2019';
// A lesson of the pack (key messages, checklist, help, data-quality
// warnings): the finder lists the catalogue's other units for DG2.1 too.
const isPack = (l) => /^MNOS-LES-/.test(l.code ?? '');
const packLesson = async () => {
  const pack = (await api(DG21)).json.items.find(isPack);
  assert.ok(pack, 'a lesson of the pack is on the first page for DG2.1');
  return pack;
};

let b;
before(async () => { b = await openBrowser(); });
after(async () => { await b?.close(); });

function noProblems() {
  assert.deepEqual(b.problems, [], 'no page errors and no CSP refusals');
}

async function resultTitles(page) {
  return page.locator('.lesson-list h3 a').allInnerTexts();
}

describe('teacher journey', () => {
  test('the accessibility check can fail (axe sees a known violation)', async () => {
    const { page } = b;
    await visit(page, '#/');
    await page.evaluate(() => {
      const img = document.createElement('img');
      img.src = '/favicon.svg';
      document.querySelector('main').append(img);
    });
    const violations = await axeViolations(page);
    assert.ok(violations.some((v) => v.startsWith('image-alt')), violations.join('\n'));
  });

  test('from the start page through the goal tree to the lessons for DG2.1', async () => {
    const { page } = b;
    await visit(page, '#/');
    assert.equal(await page.title(), 'Leerlijn');
    await assertAccessible(page, 'the start page');
    await screenshot(page, 'teacher-01-start');

    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Leerdoelen' }).click();
    await settle(page);
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Leerdoelen');
    const frameworks = (await api('/api/v1/frameworks?limit=100')).json.items.filter((f) => f.kind === 'goals');
    assert.equal(await page.locator('.framework-list > li').count(), frameworks.length);
    await assertAccessible(page, 'the framework list');
    await screenshot(page, 'teacher-02-frameworks');

    const cnu = frameworks.find((f) => f.code === 'CNU-DG-2019');
    await page.getByRole('link', { name: cnu.title }).click();
    await settle(page);
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), cnu.title);
    // The tree shows every goal of the framework (small trees open fully).
    const tree = (await api('/api/v1/frameworks/CNU-DG-2019/goals')).json;
    const count = (nodes) => nodes.reduce((n, g) => n + 1 + count(g.children), 0);
    assert.equal(await page.locator('.tree-root .goal-link').count(), count(tree.goals));
    await assertAccessible(page, 'the goal tree');
    await screenshot(page, 'teacher-03-goal-tree');

    // Collapse and reopen DG2 with its toggle.
    const toggle = page.getByRole('button', { name: 'Onderliggende doelen van DG2', exact: true });
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
    await toggle.click();
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
    assert.equal(await page.getByRole('link', { name: 'DG2.1 Veiligheid in de digitale wereld' }).count(), 0);
    await toggle.click();

    await page.getByRole('link', { name: 'DG2.1 Veiligheid in de digitale wereld' }).click();
    await settle(page);
    assert.match(await page.getByRole('heading', { level: 1 }).innerText(), /^Lessen bij DG2\.1 Veiligheid in de digitale wereld$/);
    const expected = (await api(DG21)).json;
    assert.ok(expected.total >= 1, 'the catalogue has lessons for DG2.1');
    assert.equal(await page.getByRole('status').filter({ hasText: 'gevonden' }).innerText(),
      `${expected.total} ${expected.total === 1 ? 'les' : 'lessen'} gevonden bij DG2.1 Veiligheid in de digitale wereld.`);
    assert.deepEqual(await resultTitles(page), expected.items.map((l) => l.title));
    assert.equal(await page.title(), 'Lessen bij DG2.1 – Leerlijn');
    await assertAccessible(page, 'the lesson finder');
    await screenshot(page, 'teacher-04-lessons-dg21');
    noProblems();
  });

  test('the filters narrow the lessons exactly as the API does', async () => {
    const { page } = b;
    const goalId = (await api(DG21)).json.goal.id;
    await visit(page, `#/lessen?doel=${goalId}`);

    const cases = [
      { name: 'level havo 2', fill: async () => page.getByLabel('Niveau').selectOption('havo-2'), query: '&level=havo-2' },
      { name: 'stage po-bovenbouw', fill: async () => page.getByLabel('Niveau').selectOption('stage:po-bovenbouw'), query: '&stage=po-bovenbouw' },
      { name: 'theme', fill: async () => page.getByLabel('Thema').fill('seksuele uitbuiting'), query: '&theme=seksuele%20uitbuiting' },
      { name: 'free text', fill: async () => page.getByLabel('Zoeken in de tekst').fill('loverboys'), query: '&q=loverboys' },
      { name: 'evidence', fill: async () => page.getByLabel('Erkenning').selectOption('ERK-1'), query: '&evidence=ERK-1' },
      { name: 'duration', fill: async () => page.getByLabel('Maximale duur in minuten').fill('20'), query: '&max_minutes=20' },
    ];
    let some = false;
    let none = false;
    for (const c of cases) {
      await page.getByRole('button', { name: 'Filters wissen' }).click();
      await settle(page);
      await c.fill();
      await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
      await settle(page);
      const want = (await api(`/api/v1/lessons?goal=${goalId}${c.query}`)).json;
      assert.deepEqual(await resultTitles(page), want.items.map((l) => l.title), c.name);
      if (want.total === 0) {
        none = true;
        assert.match(await page.locator('.results').innerText(), /Geen lessen gevonden bij DG2\.1 met deze filters/, c.name);
      } else {
        some = true;
        assert.match(await page.locator('.result-count').innerText(), new RegExp(`^${want.total} les`), c.name);
      }
      if (c.name === 'duration') {
        // No unit takes 20 minutes or less and the pack's source gives no
        // duration: nothing is left, and the page says why.
        assert.equal((await api(`/api/v1/lessons?goal=${goalId}${c.query}`)).json.total, 0);
        assert.match(await page.locator('.results').innerText(), /vallen weg zodra je een maximale duur kiest/);
        await screenshot(page, 'teacher-05-filter-duration');
      }
    }
    assert.ok(some && none, 'the cases cover both hits and an empty result');
    // The filters are in the page address: Back returns to the previous search.
    await page.goBack();
    await settle(page);
    assert.equal(await page.getByLabel('Maximale duur in minuten').inputValue(), '');

    // Related goals: each hit says through which goal it was found.
    await page.getByRole('button', { name: 'Filters wissen' }).click();
    await settle(page);
    await page.getByLabel('Ook lessen bij verwante doelen in andere kaders').check();
    await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
    await settle(page);
    const related = (await api(`/api/v1/lessons?goal=${goalId}&related=all`)).json;
    assert.deepEqual(await resultTitles(page), related.items.map((l) => l.title));
    const first = await page.locator('.lesson-card').first().innerText();
    for (const m of related.items[0].matched) assert.ok(first.includes(m.goal.code), `${m.goal.code} in ${first}`);
    // a hit found only through a related goal says so (the catalogue's
    // other units for DG2.1 may come first)
    const i = related.items.findIndex((l) => l.matched.some((m) => m.via === 'isRelatedTo'));
    assert.ok(i >= 0, 'a lesson found through a related goal');
    const card = await page.locator('.lesson-card').nth(i).innerText();
    for (const m of related.items[i].matched) assert.ok(card.includes(m.goal.code), `${m.goal.code} in ${card}`);
    assert.match(card, /via een verwant leerdoel/);
    noProblems();
  });

  test('a typed goal code, an ambiguous code, and the search inside a framework', async () => {
    const { page } = b;
    await visit(page, '#/lessen');
    await page.getByLabel('Code van een leerdoel').fill('DG2.1');
    await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
    await settle(page);
    const want = (await api('/api/v1/lessons?goal=DG2.1')).json;
    assert.deepEqual(await resultTitles(page), want.items.map((l) => l.title));
    assert.match(await page.getByRole('heading', { level: 1 }).innerText(), /Lessen bij DG2\.1/);

    // A code that more than one framework uses: the page asks which one.
    const ambiguous = await api('/api/v1/lessons?goal=B');
    assert.equal(ambiguous.status, 400);
    assert.ok(ambiguous.json.candidates.length >= 2);
    b.expectHttpError(400);
    await visit(page, '#/lessen?doel=B');
    const alert = page.getByRole('alert');
    assert.match(await alert.innerText(), /komt in meer dan één kader voor/);
    const choices = alert.getByRole('link');
    assert.equal(await choices.count(), ambiguous.json.candidates.length);
    await assertAccessible(page, 'the finder asking which goal');
    await screenshot(page, 'teacher-06b-ambiguous-code');
    const pick = ambiguous.json.candidates[0];
    await choices.first().click();
    await settle(page);
    assert.ok(page.url().endsWith(`#/lessen?doel=${pick.id}`), page.url());
    const picked = (await api(`/api/v1/lessons?goal=${pick.id}`)).json;
    assert.equal(picked.goal.id, pick.id);
    assert.match(await page.getByRole('heading', { level: 1 }).innerText(), new RegExp(`^Lessen bij ${pick.code} `));

    // Searching the goals of one framework.
    await visit(page, '#/kaders/CNU-DG-2019');
    await page.getByLabel('Woorden uit het leerdoel').fill('veiligheid');
    await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
    await settle(page);
    const goals = (await api('/api/v1/goals?framework=CNU-DG-2019&q=veiligheid&limit=50')).json;
    assert.ok(goals.total >= 1);
    const found = page.locator('.goal-search .plain-list a');
    assert.deepEqual(await found.allInnerTexts(), goals.items.map((g) => `${g.code} ${g.title}`));
    await assertAccessible(page, 'the goal search');
    noProblems();
  });

  test('bad input is explained in Dutch, before and by the API', async () => {
    const { page } = b;
    await visit(page, '#/lessen');
    const before = page.url();
    await page.getByLabel('Maximale duur in minuten').fill('veel');
    await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
    assert.equal(await page.getByRole('alert').innerText(),
      'Maximale duur: vul een geheel aantal minuten in, van 1 tot en met 1440');
    assert.equal(page.url(), before, 'nothing was searched');
    assert.equal(await page.getByLabel('Maximale duur in minuten').getAttribute('aria-invalid'), 'true');
    await assertAccessible(page, 'the finder with a field error');

    // A level the API does not know: its problem document, in words.
    const refusal = await api('/api/v1/lessons?level=geen-niveau');
    const problem = refusal.json;
    b.expectHttpError(refusal.status);
    await visit(page, '#/lessen?niveau=geen-niveau');
    const alert = await page.getByRole('alert').innerText();
    assert.match(alert, /De lessen konden niet worden gezocht/);
    assert.ok(alert.includes(problem.detail), alert);
    assert.ok(alert.includes(`Niveau: ${problem.errors[0].message}`), alert);
    await assertAccessible(page, 'the finder with an API error');
    await screenshot(page, 'teacher-06-api-error');

    // A lesson that does not exist.
    b.expectHttpError(404);
    await visit(page, '#/lessen/00000000-0000-0000-0000-000000000000');
    const missing = (await api('/api/v1/lessons/00000000-0000-0000-0000-000000000000')).json;
    assert.match(await page.getByRole('alert').innerText(), new RegExp(missing.detail.replace(/[.()]/g, '\\$&')));
    noProblems();
  });

  test('a lesson shows its key messages, warnings, checklist and ends with help', async () => {
    const { page } = b;
    const first = await packLesson();
    const lesson = (await api(`/api/v1/lessons/${first.id}`)).json;
    const goalId = (await api(DG21)).json.goal.id;
    await visit(page, `#/lessen?doel=${goalId}`);
    await page.getByRole('link', { name: first.title, exact: true }).click();
    await settle(page);
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), lesson.title);
    if (lesson.title_is_placeholder) {
      assert.ok(await page.getByText('titel niet gepubliceerd').first().isVisible());
    }

    // Key messages: every title, in order.
    const km = page.locator('.key-messages > li > h3');
    assert.deepEqual(await km.allInnerTexts(), lesson.key_messages.map((m) => m.title));

    // Alignments and every data-quality warning, with its severity in words:
    // folded below the help section, opened with a click on their summary.
    assert.equal(await page.locator('.alignments-details').getAttribute('open'), null);
    await page.locator('.alignments-details summary').click();
    assert.equal(await page.locator('.alignments > li').count(), lesson.alignments.length);
    const text = await page.locator('.alignments').innerText();
    for (const a of lesson.alignments) {
      for (const w of a.warnings) assert.ok(text.includes(w.message), `warning shown: ${w.message}`);
    }
    const nWarn = lesson.warnings.filter((w) => w.severity === 'warning').length;
    assert.equal(await page.locator('.alignments .tag-warning').count(), nWarn);
    assert.ok(nWarn >= 1, 'the pack has warnings (DG5.1 label, PO kerndoelen on a VO pack)');
    assert.match(text, /DG5\.1 heet daar "De digitale burger"/);
    assert.match(await page.locator('.quality-summary').innerText(),
      new RegExp(`${lesson.warnings.length} meldingen over de datakwaliteit: ${nWarn} waarschuwing`));

    // The safety-in-class checklist.
    assert.deepEqual(await page.locator('.checklist label').allInnerTexts(), lesson.safety_checklist);
    const box = page.getByLabel(lesson.safety_checklist[0]);
    await box.check();
    assert.ok(await box.isChecked());

    // Help for pupils is the last section of the page, with the links as printed.
    const lastHeading = await page.locator('main h2').last().innerText();
    assert.equal(lastHeading, 'Waar kunnen leerlingen terecht?');
    const last = await page.evaluate(() => {
      const sections = [...document.querySelectorAll('main section')];
      return sections[sections.length - 1].querySelector('h2').id;
    });
    assert.equal(last, 'hulp');
    for (const h of lesson.help_resources.filter((r) => r.url)) {
      const link = page.getByRole('link', { name: h.as_printed, exact: true });
      assert.equal(await link.getAttribute('href'), h.url);
    }
    const help = await page.locator('.help').innerText();
    assert.match(help, /chatmetfier\.nl/);
    assert.match(help, /helpwanted\.nl/);

    await assertAccessible(page, 'the lesson page');
    await screenshot(page, 'teacher-07-lesson');
    await page.locator('#hulp').scrollIntoViewIfNeeded();
    await screenshot(page, 'teacher-08-lesson-help', { fullPage: false });
    noProblems();
  });

  test('the lesson prints without navigation and with its help section', async () => {
    const { page } = b;
    const first = await packLesson();
    await visit(page, `#/lessen/${first.id}`);
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('.site-header').isVisible(), false);
    assert.equal(await page.getByRole('button', { name: 'Afdrukken' }).isVisible(), false);
    assert.ok(await page.locator('.help').isVisible());
    const after = await page.evaluate(() => getComputedStyle(document.querySelector('.help a.external'), '::after').content);
    assert.match(after, /attr\(href\)|https?:/);
    await screenshot(page, 'teacher-09-lesson-print');
    await page.emulateMedia({ media: 'screen' });
  });

  test('the finder and the lesson work on a tablet', async () => {
    const { page } = b;
    await page.setViewportSize({ width: 768, height: 1024 });
    try {
      const goalId = (await api(DG21)).json.goal.id;
      await visit(page, `#/lessen?doel=${goalId}`);
      // One column: the results come below the filters, nothing scrolls sideways.
      const [form, results] = await Promise.all([
        page.locator('.filters').boundingBox(), page.locator('.results').boundingBox()]);
      assert.ok(results.y > form.y + form.height - 1, 'results below the filters');
      assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), true);
      await assertAccessible(page, 'the finder on a tablet');
      await screenshot(page, 'teacher-10-tablet-finder');
      const first = await packLesson();
      await visit(page, `#/lessen/${first.id}`);
      assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), true);
      await screenshot(page, 'teacher-11-tablet-lesson', { fullPage: false });
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });

  test('the whole journey with the keyboard alone', async () => {
    const { page } = b;
    await visit(page, '#/');
    await page.reload(); // a fresh page load: focus starts at the top
    await settle(page);
    // The skip link comes first and moves focus to the page's heading.
    let f = await tabTo(page, (x) => x.tag === 'a', { max: 1 });
    assert.equal(f.text, 'Naar de inhoud');
    await page.keyboard.press('Enter');
    f = await focused(page);
    assert.equal(f.id, 'page-title');

    f = await tabTo(page, (x) => x.tag === 'a' && x.text === 'Leerdoelen', { shift: true });
    assert.notEqual(f.outline, 'none', 'focus is visible');
    await page.keyboard.press('Enter');
    await settle(page);
    assert.equal((await focused(page)).id, 'page-title', 'focus moves to the new page');

    const cnu = (await api('/api/v1/frameworks/CNU-DG-2019')).json;
    await tabTo(page, (x) => x.tag === 'a' && x.text === cnu.title);
    await page.keyboard.press('Enter');
    await settle(page);

    // Close and open DG2 with Space, then follow DG2.1 with Enter.
    f = await tabTo(page, (x) => x.tag === 'button' && x.text === 'Onderliggende doelen van DG2');
    assert.equal(f.expanded, 'true');
    await page.keyboard.press('Space');
    assert.equal((await focused(page)).expanded, 'false');
    await page.keyboard.press('Space');
    assert.equal((await focused(page)).expanded, 'true');
    await tabTo(page, (x) => x.tag === 'a' && x.text === 'DG2.1 Veiligheid in de digitale wereld');
    await page.keyboard.press('Enter');
    await settle(page);
    const all = (await api(DG21)).json;
    assert.deepEqual(await resultTitles(page), all.items.map((l) => l.title));

    // Search the text with the keyboard: type and press Enter.
    await tabTo(page, (x) => x.tag === 'input' && x.id === 'f-q');
    await page.keyboard.type('loverboys');
    await page.keyboard.press('Enter');
    await settle(page);
    const want = (await api(`/api/v1/lessons?goal=${all.goal.id}&q=loverboys`)).json;
    assert.ok(want.total >= 1, 'the free text matches a key message');
    assert.deepEqual(await resultTitles(page), want.items.map((l) => l.title));

    // Choose a level with the arrow keys.
    await tabTo(page, (x) => x.tag === 'select' && x.id === 'f-level', { shift: true });
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const level = await page.locator('#f-level').inputValue();
    assert.notEqual(level, '');
    await tabTo(page, (x) => x.tag === 'button' && x.text === 'Zoeken');
    await page.keyboard.press('Enter');
    await settle(page);
    const q = level.startsWith('stage:') ? `stage=${level.slice(6)}` : `level=${level}`;
    const byLevel = (await api(`/api/v1/lessons?goal=${all.goal.id}&q=loverboys&${q}`)).json;
    assert.deepEqual(await resultTitles(page), byLevel.items.map((l) => l.title));

    // Open the first lesson and reach the help links at the end.
    await tabTo(page, (x) => x.tag === 'button' && x.text === 'Filters wissen');
    await page.keyboard.press('Enter');
    await settle(page);
    await tabTo(page, (x) => x.tag === 'a' && x.text === all.items.find(isPack).title);
    await page.keyboard.press('Enter');
    await settle(page);
    assert.equal((await focused(page)).id, 'page-title');
    await tabTo(page, (x) => x.tag === 'input' && x.label.startsWith('Zorg dat er voldoende tijd'), { max: 300 });
    await page.keyboard.press('Space');
    assert.ok(await page.locator('#check-0').isChecked());
    f = await tabTo(page, (x) => x.tag === 'a' && x.text === 'chatmetfier.nl', { max: 300 });
    assert.match(f.href, /fier\.nl/);
    await screenshot(page, 'teacher-12-keyboard-help', { fullPage: false });
    noProblems();
  });
});
