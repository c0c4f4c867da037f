// Logging in and out in a real browser with the demo accounts of the
// development seed: the login page (axe-checked), a refused password in
// plain Dutch, the role-aware header, the HttpOnly cookie and the CSRF token
// (a logout is a cookie-authenticated write), and the same with the
// keyboard alone.  What the page shows is checked against the API.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { api, BASE, db, demoEmail, DEMO_PASSWORD } from './lib.mjs';
import { axeViolations, focused, openBrowser, screenshot, settle, tabTo, visit } from './browser.mjs';

let b;
before(async () => { b = await openBrowser(); });
after(async () => {
  await b?.close();
  const c = await db();
  await c.query('DELETE FROM login_failure WHERE email LIKE $1', ['%@demo.leerlijn.example']);
  await c.end();
});

// The session cookie the browser holds (null when none).
async function sessionCookie() {
  const all = await b.context.cookies(BASE);
  return all.find((c) => c.name === 'leerlijn_session') ?? null;
}

async function meWith(cookie) {
  return api('/api/v1/me', { headers: { cookie: `${cookie.name}=${cookie.value}` } });
}

async function fillLogin(page, email, password) {
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill(password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await settle(page);
}

describe('login and logout', () => {
  test('the login page is accessible and refuses a wrong password in Dutch', async () => {
    const { page } = b;
    await visit(page, '#/');
    await page.getByRole('link', { name: 'Inloggen' }).click();
    await settle(page);
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Inloggen');
    assert.equal(await page.getByLabel('E-mailadres').getAttribute('autocomplete'), 'username');
    assert.equal(await page.getByLabel('Wachtwoord').getAttribute('autocomplete'), 'current-password');
    assert.deepEqual(await axeViolations(page), []);
    await screenshot(page, 'session-01-login');

    // Empty fields: said before anything is sent.
    await page.getByRole('button', { name: 'Inloggen' }).click();
    assert.match(await page.getByRole('alert').innerText(), /Vul je e-mailadres en je wachtwoord in/);

    const refused = await api('/api/v1/session', {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: demoEmail('teacher2', 'A'), password: 'niet-het-wachtwoord' }),
    });
    assert.equal(refused.status, 401);
    b.expectHttpError(401);
    await fillLogin(page, demoEmail('teacher2', 'A'), 'niet-het-wachtwoord');
    const alert = await page.getByRole('alert').innerText();
    assert.match(alert, /Inloggen lukte niet/);
    assert.ok(alert.includes(refused.json.detail), alert);
    assert.equal((await focused(page)).id, 'login-email', 'focus returns to the form');
    assert.equal(await sessionCookie(), null);
    assert.deepEqual(await axeViolations(page), []);
    await screenshot(page, 'session-02-refused');
  });

  test('a teacher logs in, stays logged in after a reload, and logs out', async () => {
    const { page } = b;
    const goal = (await api('/api/v1/lessons?goal=DG2.1&framework=CNU-DG-2019')).json.goal;
    await visit(page, `#/lessen?doel=${goal.id}`);
    await page.getByRole('link', { name: 'Inloggen' }).click();
    await settle(page);
    await fillLogin(page, demoEmail('teacher', 'A'), DEMO_PASSWORD);

    // Back where the teacher came from, with name, role and school in the header.
    assert.match(page.url(), new RegExp(`#/lessen\\?doel=${goal.id}$`));
    const cookie = await sessionCookie();
    assert.ok(cookie, 'the browser holds the session cookie');
    assert.equal(cookie.httpOnly, true);
    assert.equal(cookie.sameSite, 'Strict');
    const me = await meWith(cookie);
    assert.equal(me.status, 200);
    const school = me.json.memberships[0].school_name;
    const header = await page.locator('.user-area').innerText();
    assert.ok(header.includes(`${me.json.display_name} (leraar, ${school})`), header);
    assert.equal(await page.evaluate(() => document.cookie.includes('leerlijn_session')), false,
      'the page cannot read the session cookie');
    assert.deepEqual(await axeViolations(page), []);
    await screenshot(page, 'session-03-teacher-logged-in');

    await page.reload();
    await settle(page);
    assert.ok((await page.locator('.user-area').innerText()).includes(me.json.display_name));

    // Logging out is a cookie-authenticated write: it only works with the
    // CSRF token the page got from /me.
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await settle(page);
    assert.ok(await page.getByRole('link', { name: 'Inloggen' }).isVisible());
    assert.equal((await meWith(cookie)).status, 401, 'the old session no longer works');
    assert.equal(await sessionCookie(), null);
  });

  test('the header names each role; the navigation shows each role its pages', async () => {
    const { page } = b;
    const catalogue = ['Lessen zoeken', 'Leerdoelen'];
    const cases = [
      { role: 'coordinator', school: 'B', label: 'coördinator', nav: [...catalogue, 'Jaarplanning', 'Doorlopende leerlijn', 'Dekking'] },
      { role: 'inspector', school: 'A', label: 'inspecteur', nav: [...catalogue, 'Dekking'] },
      { role: 'curator', school: 'A', label: 'catalogusbeheerder', nav: catalogue },
    ];
    for (const c of cases) {
      await visit(page, '#/inloggen');
      await fillLogin(page, demoEmail(c.role, c.school), DEMO_PASSWORD);
      const me = await meWith(await sessionCookie());
      assert.equal(me.status, 200, c.role);
      const header = await page.locator('.user-area').innerText();
      assert.ok(header.includes(me.json.display_name) && header.includes(c.label), header);
      const nav = await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link').allInnerTexts();
      assert.deepEqual(nav, c.nav, c.role);
      if (c.role === 'coordinator') await screenshot(page, 'session-04-coordinator');
      await page.getByRole('button', { name: 'Uitloggen' }).click();
      await settle(page);
    }
  });

  test('logging in and out with the keyboard alone', async () => {
    const { page } = b;
    await visit(page, '#/');
    await page.reload();
    await settle(page);
    await tabTo(page, (x) => x.tag === 'a' && x.text === 'Inloggen');
    await page.keyboard.press('Enter');
    await settle(page);
    assert.equal((await focused(page)).id, 'page-title');
    await tabTo(page, (x) => x.id === 'login-email');
    await page.keyboard.type(demoEmail('teacher', 'B'));
    await page.keyboard.press('Tab');
    assert.equal((await focused(page)).id, 'login-password');
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press('Enter');
    await settle(page);
    const me = await meWith(await sessionCookie());
    assert.equal(me.status, 200);
    assert.equal(me.json.email, demoEmail('teacher', 'B'));
    assert.ok((await page.locator('.user-area').innerText()).includes(me.json.display_name));
    await tabTo(page, (x) => x.tag === 'button' && x.text === 'Uitloggen', { shift: true });
    await page.keyboard.press('Enter');
    await settle(page);
    assert.equal(await sessionCookie(), null);
    assert.deepEqual(b.problems, []);
  });
});
