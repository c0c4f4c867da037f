// Password hashing runs off the event loop in Kore's task threads, with a
// bounded queue per worker (api/accounts/password_task.c): when it is
// full, a login gets a 503 problem document with Retry-After, and once
// the queue has drained logins work again.  A second kore with one worker
// and LEERLIJN_HASH_QUEUE=1 makes the queue easy to fill.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertProblem, DEMO_PASSWORD, demoEmail, startKore } from './lib.mjs';

let kore;

before(async () => {
  kore = await startKore({ LEERLIJN_WORKERS: '1', LEERLIJN_HASH_QUEUE: '1' });
});

after(async () => {
  await kore?.stop();
});

async function loginAt(base, email, password) {
  const res = await fetch(`${base}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, type: res.headers.get('content-type'), json: JSON.parse(text) };
}

test('a full password queue answers 503 with a problem document, then recovers', async () => {
  const email = demoEmail('teacher');
  const answers = await Promise.all(Array.from({ length: 8 },
    () => loginAt(kore.base, email, DEMO_PASSWORD)));
  const ok = answers.filter((r) => r.status === 201);
  const busy = answers.filter((r) => r.status === 503);
  assert.equal(ok.length + busy.length, answers.length,
    `only 201 and 503: ${answers.map((r) => r.status)}`);
  assert.ok(ok.length >= 1, 'the first login gets through');
  assert.ok(busy.length >= 1, 'eight logins at once overflow a queue of one');
  for (const r of busy) {
    assertProblem(assert, r, 503);
    assert.match(r.json.detail, /probeer het over een paar seconden opnieuw/);
    assert.equal(r.headers.get('retry-after'), '2');
  }
  for (const r of ok) assert.equal(typeof r.json.token, 'string');
  // Drained: one at a time, every login works, and a wrong password is
  // still refused after its hash was checked.
  for (let i = 0; i < 3; i++) {
    assert.equal((await loginAt(kore.base, email, DEMO_PASSWORD)).status, 201);
  }
  const wrong = await loginAt(kore.base, demoEmail('coordinator'), 'niet-het-wachtwoord');
  assertProblem(assert, wrong, 401);
});
