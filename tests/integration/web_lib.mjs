// Helpers of the planner and coverage browser tests (web_planner,
// web_inspector); requests as a demo user are plans_lib.mjs's call().
import { fixtureWrite } from './lib.mjs';

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

// The cell of the planner grid for a level code and an ISO week.
export function gridCell(page, level, week) {
  return page.locator(`table.planner td[data-level="${level}"][data-week="${week}"]`);
}
