// Helpers of the planner and coverage browser tests (web_planner,
// web_inspector); requests as a demo user are plans_lib.mjs's call().
import assert from 'node:assert/strict';
import { settle, tabTo } from './browser.mjs';
import { fixtureWrite } from './lib.mjs';
import { call } from './plans_lib.mjs';

// A plan as the API gives it to the coordinator of school A.
export async function planFromApi(id) {
  const res = await call('coordinator', 'GET', `/api/v1/plans/${id}`);
  assert.equal(res.status, 200);
  return res.json;
}

// Remove every plan whose title starts with prefix (with its items).
export async function removePlans(prefix) {
  await fixtureWrite(async (c) => {
    await c.query('DELETE FROM plan WHERE title LIKE $1', [`${prefix}%`]);
  });
}

// Remove every programme template whose title starts with prefix.
export async function removeTemplates(prefix) {
  await fixtureWrite(async (c) => {
    await c.query('DELETE FROM plan_template WHERE title LIKE $1', [`${prefix}%`]);
  });
}

// The week picker of a form ("add", "mv"): choose a week, read the choice.
export async function chooseWeek(page, prefix, week) {
  await page.locator(`label[for="${prefix}-week-${week}"]`).click();
}

export async function chosenWeek(page, prefix) {
  return page.locator(`input[name="${prefix}-week"]:checked`).inputValue();
}

// With the focus in the add form's search field and the keyboard alone:
// search for text, pick the lesson and add it.
export async function addWithKeyboard(page, text, lesson) {
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
  await settle(page);
  await tabTo(page, (f) => f.tag === 'input' && f.id === `pick-${lesson.id}`);
  await page.keyboard.press('Space');
  await tabTo(page, (f) => f.tag === 'button' && f.text === 'Toevoegen');
  await page.keyboard.press('Enter');
  await settle(page);
}

// The cell of the planner grid for a level code and an ISO week.
export function gridCell(page, level, week) {
  return page.locator(`table.planner td[data-level="${level}"][data-week="${week}"]`);
}
