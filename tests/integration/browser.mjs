// Browser helpers of the web app tests: Debian's chromium, headless,
// driven by playwright-core against the kore that scripts/test.sh started;
// axe-core for WCAG 2.1 AA; screenshots into tests/artifacts/web/.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe } from 'node:test';
import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { BASE, ROOT } from './lib.mjs';

export const CHROMIUM = process.env.LEERLIJN_CHROMIUM ?? '/usr/bin/chromium';
export const ARTIFACTS = join(ROOT, 'tests', 'artifacts', 'web');
export const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

const ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

// A fresh browser (own profile directory) with one page.  `problems`
// collects what must never happen: uncaught errors, CSP refusals and any
// error in the console — among them every failed request, such as a 401
// for /api/v1/me on an anonymous page load.  A test that makes the API
// refuse on purpose (a 412, a wrong password) says so first with
// expectHttpError(status): that one refusal is then not a problem.
export async function openBrowser({ width = 1280, height = 900 } = {}) {
  const profile = mkdtempSync(join(tmpdir(), 'leerlijn-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport: { width, height },
    locale: 'nl-NL',
    timezoneId: 'Europe/Amsterdam',
  });
  context.setDefaultTimeout(10_000);
  const page = context.pages()[0] ?? (await context.newPage());
  const problems = [];
  const expected = [];
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('console', (msg) => {
    const text = msg.text();
    if (/Content Security Policy|Refused to/i.test(text)) {
      problems.push(`CSP: ${text}`);
      return;
    }
    if (msg.type() !== 'error') return;
    const m = /status of (\d{3})/.exec(text);
    const i = m ? expected.indexOf(Number(m[1])) : -1;
    if (i >= 0) {
      expected.splice(i, 1);
      return;
    }
    problems.push(`console error on ${page.url()}: ${text} (${msg.location()?.url ?? ''})`);
  });
  mkdirSync(ARTIFACTS, { recursive: true });
  return {
    context,
    page,
    problems,
    /** The next failed request with this status is on purpose. */
    expectHttpError(status) {
      expected.push(status);
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

// A describe block whose tests share one fresh browser (openBrowser(size)):
// body(b) declares the tests; b holds the browser's page, problems,
// expectHttpError() and context once the block has started, and the
// browser is closed after the block's tests.
export function describeInBrowser(name, body, size = {}) {
  describe(name, () => {
    const b = {};
    before(async () => { Object.assign(b, await openBrowser(size)); });
    after(async () => { await b.close?.(); });
    body(b);
  });
}

// Load a page of the app ("#/lessen") afresh and wait until it has settled.
export async function visit(page, hash = '#/') {
  await page.goto('about:blank');
  await page.goto(`${BASE}/${hash}`);
  await settle(page);
}

// Wait until the app has rendered after the last action (two animation
// frames: Preact runs effects after paint), no API request is in flight
// and no "… worden geladen" indicator is left.
export async function settle(page) {
  await page.evaluate(() => new Promise((resolve) =>
    requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 0)))));
  await page.waitForFunction(() =>
    document.documentElement.dataset.pending === '0' && !document.querySelector('.loading'));
}

// Every WCAG 2.1 A/AA violation axe-core finds, as readable lines.
export async function axeViolations(page) {
  const result = await new AxeBuilder({ page }).withTags(WCAG_AA).analyze();
  return result.violations.map((v) =>
    `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

// No WCAG 2.1 A/AA violation on the page; `what` names it in the failure.
export async function assertAccessible(page, what) {
  assert.deepEqual(await axeViolations(page), [], `WCAG 2.1 AA violations on ${what}`);
}

export async function screenshot(page, name, { fullPage = true } = {}) {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage });
}

// What has the focus: tag, role-ish text and attributes, for assertions.
export async function focused(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    return {
      tag: el.tagName.toLowerCase(),
      id: el.id,
      text: (el.innerText ?? el.textContent ?? '').trim().replace(/\s+/g, ' '),
      label: el.getAttribute('aria-label') ?? (el.labels?.[0]?.innerText ?? ''),
      href: el.getAttribute('href'),
      expanded: el.getAttribute('aria-expanded'),
      outline: getComputedStyle(el).outlineStyle,
    };
  });
}

// Press Tab until the focused element matches; fails after `max` presses.
export async function tabTo(page, match, { max = 150, shift = false } = {}) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(shift ? 'Shift+Tab' : 'Tab');
    const f = await focused(page);
    if (f && match(f)) return f;
  }
  throw new Error(`no focusable element matched after ${max} presses of Tab`);
}

// Log in through the login page as a demo user, then go to `hash`.
export async function logInAs(page, email, password, hash = '#/') {
  await visit(page, `#/inloggen?terug=${encodeURIComponent(hash)}`);
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill(password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await settle(page);
  await page.waitForFunction((h) => location.hash === h, hash);
  await settle(page);
}

// The same with the keyboard alone: Tab to the e-mail field, type, Tab,
// type the password, Enter.
export async function logInWithKeyboard(page, email, password, hash) {
  await visit(page, `#/inloggen?terug=${encodeURIComponent(hash)}`);
  await page.reload(); // a fresh page load: focus starts at the top
  await settle(page);
  await tabTo(page, (f) => f.id === 'login-email');
  await page.keyboard.type(email);
  await page.keyboard.press('Tab');
  await page.keyboard.type(password);
  await page.keyboard.press('Enter');
  await settle(page);
  await page.waitForFunction((h) => location.hash === h, hash);
  await settle(page);
}

// The main navigation's link texts.
export async function navLabels(page) {
  return page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link').allInnerTexts();
}
