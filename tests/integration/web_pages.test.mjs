// Every page of every journey — the anonymous visitor, the teacher, the
// coordinator (planner), the inspector and the curator — at desktop
// (1280 × 900) and phone (390 × 844) width:
//
// - axe-core finds no WCAG 2.1 AA violation (at desktop width) and the
//   console stays free of errors (a 401 for /api/v1/me of an anonymous
//   visitor included);
// - on a phone the header takes at most 120 px and nothing but a grid's own
//   scrolling region is wider than the screen;
// - a screenshot of each goes to tests/artifacts/web/ (pages-<journey>-
//   <desktop|phone>-<page>.png);
// - on the pages teachers, coordinators, inspectors and visitors see, no
//   English text from the API's answers that the page received is shown
//   (the research notes of the catalogue are English: a curator sees them,
//   which proves the check finds them), and no level code ("havo-2").
//
// before() gives school A a plan (title "WEBTEST-PAGES …") with the lesson
// pack's first lesson in groep 8, which it is not meant for, so that the
// plan shows a warning; after() removes it.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { api, demoEmail, demoSchools, DEMO_PASSWORD } from './lib.mjs';
import { call as as } from './plans_lib.mjs';
import { removePlans } from './web_lib.mjs';
import { axeViolations, logInAs, openBrowser, screenshot, visit } from './browser.mjs';

const PREFIX = 'WEBTEST-PAGES ';
const YEAR = '2026-2027';
const { A } = demoSchools();
const PHONE = { width: 390, height: 844 };

// Words of English prose that Dutch does not use.  A text is English when
// it has at least three words and two different ones of these.
const ENGLISH = new Set(['the', 'and', 'which', 'with', 'from', 'this', 'that', 'these', 'are', 'for', 'were',
  'source', 'sources', 'gives', 'verified', 'inconsistent', 'across', 'titles', 'contents', 'lesson', 'lessons',
  'goal', 'goals', 'framework', 'not', 'only', 'per-lesson', 'exact', 'unclear', 'listed', 'named']);
const DUTCH = new Set(['de', 'het', 'een', 'en', 'van', 'voor', 'niet', 'met', 'zijn', 'op', 'je', 'bij', 'naar']);

function isEnglish(text) {
  const words = text.toLowerCase().match(/[a-z][a-z-]*/g) ?? [];
  if (words.length < 3) return false;
  const en = new Set(words.filter((w) => ENGLISH.has(w)));
  const nl = words.filter((w) => DUTCH.has(w)).length;
  return en.size >= 2 && en.size > nl;
}

// Every string in a JSON value.
function strings(v, out = []) {
  if (typeof v === 'string') out.push(v);
  else if (Array.isArray(v)) v.forEach((x) => strings(x, out));
  else if (v && typeof v === 'object') Object.values(v).forEach((x) => strings(x, out));
  return out;
}

let ids;

before(async () => {
  await removePlans(PREFIX);
  const lessons = (await api('/api/v1/lessons?limit=100')).json.items;
  const lesson = lessons.find((l) => l.code === 'MNOS-LES-1');
  const goals = (await api('/api/v1/goals?framework=CNU-DG-2019&code=DG2.1')).json.items;
  const plan = await as('coordinator', 'POST', `/api/v1/schools/${A}/plans`,
    { body: { school_year: YEAR, title: `${PREFIX}jaarplan` } });
  assert.equal(plan.status, 201, plan.text);
  const item = await as('coordinator', 'POST', `/api/v1/plans/${plan.json.id}/items`,
    { body: { lesson_id: lesson.id, level: 'groep-8', week: '2026-W46' }, ifMatch: plan.headers.get('etag') });
  assert.equal(item.status, 201, item.text);
  assert.ok(item.json.warnings.some((w) => w.code === 'level_mismatch'));
  // A lesson whose catalogue record has English research notes.
  let noted;
  for (const l of lessons) {
    const full = (await api(`/api/v1/lessons/${l.id}`)).json;
    if (strings(full).some(isEnglish)) {
      noted = l.id;
      break;
    }
  }
  assert.ok(noted, 'the catalogue has a lesson with English notes');
  ids = { lesson: lesson.id, noted, goal: goals[0].id, plan: plan.json.id };
});
after(() => removePlans(PREFIX));

// The pages of each journey: [name, hash].  The anonymous visitor goes
// through the whole catalogue; the others through the pages their role
// adds or changes (the same components are not checked twice).
const JOURNEYS = ['anonymous', 'teacher', 'coordinator', 'inspector', 'curator'];

function journeys() {
  return [
    { name: 'anonymous', teacherFacing: true, pages: [['home', '#/'], ['frameworks', '#/kaders'],
      ['framework', '#/kaders/CNU-DG-2019'], ['goal', `#/doelen/${ids.goal}`],
      ['lessons', `#/lessen?doel=${ids.goal}`], ['lesson', `#/lessen/${ids.lesson}`],
      ['lesson-noted', `#/lessen/${ids.noted}`], ['login', '#/inloggen'], ['plans', '#/jaarplan'],
      ['coverage', '#/dekking'], ['not-found', '#/bestaat-niet']] },
    { name: 'teacher', role: 'teacher', teacherFacing: true, pages: [['home', '#/'],
      ['lesson-noted', `#/lessen/${ids.noted}`], ['plans', '#/jaarplan'], ['plan', `#/jaarplan/${ids.plan}`],
      ['leerlijn', '#/leerlijn'], ['coverage', '#/dekking']] },
    { name: 'coordinator', role: 'coordinator', teacherFacing: true, pages: [['plan', `#/jaarplan/${ids.plan}`],
      ['leerlijn', '#/leerlijn'], ['coverage-school', `#/dekking?school=${A}`]] },
    { name: 'inspector', role: 'inspector', teacherFacing: true, pages: [['coverage', '#/dekking'],
      ['coverage-school', `#/dekking?school=${A}`]] },
    { name: 'curator', role: 'curator', teacherFacing: false, pages: [['lesson-noted', `#/lessen/${ids.noted}`],
      ['goal', `#/doelen/${ids.goal}`]] },
  ];
}

async function checkPage(b, j, width, name, hash, answers) {
  const { page } = b;
  const what = `${j.name} ${width} ${hash}`;
  answers.length = 0;
  await visit(page, hash);
  await Promise.all(answers.map((a) => a.done));
  // What is folded is shown too when unfolded: read it all.
  await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
  // axe once per page (at desktop width; web_planner_grid runs it on a
  // phone too, where the menu folds into a button).
  if (width === 'desktop') assert.deepEqual(await axeViolations(page), [], `WCAG 2.1 AA violations on ${what}`);
  if (width === 'phone') {
    const header = await page.locator('.site-header').boundingBox();
    assert.ok(header.height <= 120, `${what}: the header is ${header.height} px tall`);
    // Wide content inside a region that scrolls sideways on its own (the
    // planner grid, the picture of the continuous line) is meant to.
    const wide = await page.evaluate(() => [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 0.5 && !el.closest('.grid-scroll, .line-picture, .sr-only'))
      .slice(0, 5).map((el) => `${el.tagName.toLowerCase()}.${el.className}`));
    assert.deepEqual(wide, [], `${what}: nothing sticks out on the right`);
  }
  await screenshot(page, `pages-${j.name}-${width}-${name}`, { fullPage: false });
  const text = await page.locator('body').innerText();
  const shown = [...new Set(answers.flatMap((a) => a.english))].filter((s) => text.includes(s));
  if (j.teacherFacing) {
    assert.deepEqual(shown, [], `${what} shows English from the API`);
    assert.doesNotMatch(text, /\b(groep|havo|vwo|vmbo|mbo|vso|so)(-[a-z]+)*-\d+\b/, `${what}: a level code`);
  }
  assert.deepEqual(b.problems, [], `${what}: console errors`);
  return shown;
}

test('the isEnglish check itself', () => {
  assert.ok(isEnglish('The source gives no titles or per-lesson contents; see programmes.json.'));
  assert.ok(isEnglish('Code DG2.1 verified. Exact title is inconsistent across sources.'));
  assert.ok(!isEnglish('Je leert wat grooming is en hoe je hulp vraagt.'));
  assert.ok(!isEnglish('Het gepubliceerde label noemt code DG2.1, maar het doel heeft een andere code.'));
});

describe('every page of every journey, at desktop and at phone width', () => {
  for (const name of JOURNEYS) {
    test(`${name}: axe, no console errors, no English from the data; on a phone the header at most 120 px`, async () => {
      const journey = journeys().find((x) => x.name === name);
      const b = await openBrowser();
      const answers = [];
      b.page.on('response', (r) => {
        if (!r.url().includes('/api/v1/') || !/json/.test(r.headers()['content-type'] ?? '')) return;
        const a = { english: [] };
        a.done = r.json().then((v) => { a.english = strings(v).filter(isEnglish); }, () => {});
        answers.push(a);
      });
      try {
        if (journey.role) await logInAs(b.page, demoEmail(journey.role, 'A'), DEMO_PASSWORD, '#/');
        const seen = [];
        for (const width of ['desktop', 'phone']) {
          if (width === 'phone') await b.page.setViewportSize(PHONE);
          for (const [page, hash] of journey.pages) seen.push(...await checkPage(b, journey, width, page, hash, answers));
        }
        if (!journey.teacherFacing) assert.ok(seen.length > 0, 'the curator sees the English research notes');
      } finally {
        await b.close();
      }
    });
  }
});
