// The printable coverage report rendered in a real browser: Debian's
// chromium, headless, driven by playwright-core.  The page must load its
// stylesheet under the API's CSP (no inline style or script), colour the
// cells, switch to the print layout, and print to PDF; the screenshots
// and the PDF go to tests/artifacts/coverage/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { BASE, ROOT, login } from './lib.mjs';
import { fixtures, removeFixtures } from './coverage_lib.mjs';

const CHROMIUM = process.env.LEERLIJN_CHROMIUM ?? '/usr/bin/chromium';
const ARTIFACTS = join(ROOT, 'tests', 'artifacts', 'coverage');
const skip = existsSync(CHROMIUM) ? false : `no browser at ${CHROMIUM}`;

let F;
before(async () => { if (!skip) F = await fixtures(); });
after(async () => { if (!skip) await removeFixtures(); });

test('the HTML report renders with its print stylesheet', { skip }, async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  const profile = mkdtempSync(join(tmpdir(), 'leerlijn-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM, headless: true, locale: 'nl-NL',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1400, height: 900 },
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const problems = [];
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('console', (m) => { if (/Content Security Policy|Refused/i.test(m.text())) problems.push(m.text()); });
    page.on('requestfailed', (r) => problems.push(`failed: ${r.url()}`));
    await page.setExtraHTTPHeaders((await login('coordinator', 'A')).headers);
    const res = await page.goto(`${BASE}/api/v1/plans/${F.planA}/coverage?framework=TEST-COV&via=exact&overlap=2&format=html`);
    assert.equal(res.status(), 200);
    await page.waitForLoadState('load');
    assert.equal(await page.title(), 'Dekkingsrapport: Demoschool A (fictief, basisschool)');
    assert.equal(await page.locator('h1').innerText(), 'Dekkingsrapport leerdoelen');
    assert.equal(await page.locator('table.matrix tbody tr').count(), 8);
    assert.equal(await page.locator('table.matrix thead th').count(), 1 + 9);
    // The stylesheet is applied: colours of the legend and the cells.
    const bg = (sel) => page.locator(sel).first().evaluate((el) => getComputedStyle(el).backgroundColor);
    assert.equal(await bg('td.given'), 'rgb(216, 240, 223)');
    assert.equal(await bg('td.planned'), 'rgb(255, 241, 194)');
    assert.equal(await bg('td.via'), 'rgb(227, 232, 251)');
    const indent = await page.locator('tr.depth-1 th').first().evaluate((el) => getComputedStyle(el).paddingLeft);
    assert.equal(indent, '19.2px');
    await page.screenshot({ path: join(ARTIFACTS, 'coverage-report.png'), fullPage: true });
    // The print layout: smaller type, colours kept.
    await page.emulateMedia({ media: 'print' });
    const size = await page.locator('body').evaluate((el) => getComputedStyle(el).fontSize);
    assert.equal(size, '11.3333px');
    assert.equal(await bg('td.given'), 'rgb(216, 240, 223)');
    await page.screenshot({ path: join(ARTIFACTS, 'coverage-report-print.png'), fullPage: true });
    await page.pdf({ path: join(ARTIFACTS, 'coverage-report.pdf'), format: 'A4', landscape: true, printBackground: true });
    assert.ok(statSync(join(ARTIFACTS, 'coverage-report.pdf')).size > 10_000);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
});
