// The API's envelope: health, problem documents for 400/404/405/413,
// security headers, and the web page at "/".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { api, assertProblem, db } from './lib.mjs';

test('GET /api/v1/health reports the database and the schema version', async () => {
  const res = await api('/api/v1/health');
  assert.equal(res.status, 200);
  assert.equal(res.type, 'application/json');
  assert.equal(res.json.status, 'ok');
  assert.equal(res.json.database, 'reachable');
  const c = await db();
  const { rows } = await c.query('SELECT max(version) AS v FROM schema_migrations');
  await c.end();
  assert.equal(res.json.schema_version, rows[0].v);
  assert.ok(res.json.schema_version >= 1);
  assert.equal(res.headers.get('cache-control'), 'no-store');
});

test('HEAD on a GET route answers without a body', async () => {
  const res = await api('/api/v1/health', { method: 'HEAD' });
  assert.equal(res.status, 200);
  assert.equal(res.text, '');
});

test('every API response carries the security headers', async () => {
  for (const path of ['/api/v1/health', '/api/v1/no-such-thing']) {
    const res = await api(path);
    assert.match(res.headers.get('content-security-policy'), /frame-ancestors 'none'/);
    assert.match(res.headers.get('content-security-policy'), /default-src 'self'/);
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(res.headers.get('referrer-policy'), 'no-referrer');
  }
});

test('an unknown API route is a 404 problem document', async () => {
  for (const path of ['/api/v1/nope', '/api/v1/health/', '/api/v2/health', '/api/']) {
    const res = await api(path);
    assertProblem(assert, res, 404);
    assert.equal(res.json.type, '/api/v1/problems/not-found');
  }
});

test('a wrong method is a 405 problem document with Allow', async () => {
  for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
    const res = await api('/api/v1/health', {
      method, headers: { 'content-type': 'application/json' },
      body: method === 'DELETE' ? undefined : '{}',
    });
    assertProblem(assert, res, 405);
    assert.equal(res.headers.get('allow'), 'GET, HEAD');
  }
});

test('OPTIONS lists the allowed methods', async () => {
  const res = await api('/api/v1/health', { method: 'OPTIONS' });
  assert.equal(res.status, 204);
  assert.equal(res.headers.get('allow'), 'GET, HEAD');
});

test('a body over the limit is a 413 problem document', async () => {
  const limit = Number(process.env.LEERLIJN_BODY_MAX);
  assert.ok(limit > 0);
  const res = await api('/api/v1/health', {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: 'x'.repeat(limit + 1),
  });
  assertProblem(assert, res, 413);
  assert.equal(res.json.type, '/api/v1/problems/payload-too-large');
});

test('bad query parameters are 400 problem documents naming the parameter', async () => {
  const cases = [
    ['/api/v1/health?verbose=1', 'verbose'],
    ['/api/v1/health?a=%zz', null],
    ['/api/v1/health?a=%E9', null],
    ['/api/v1/health?a=1&a=2', 'a'],
  ];
  for (const [path, field] of cases) {
    const res = await api(path);
    assertProblem(assert, res, 400);
    if (field) assert.equal(res.json.errors[0].field, field);
  }
});

test('no database error text reaches a client', async () => {
  const res = await api('/api/v1/nope?x=%27%3B');
  assert.doesNotMatch(res.text, /postgres|SQLSTATE|syntax|libpq/i);
});

test('the web page is served at / with its assets and security headers', async () => {
  const page = await api('/');
  assert.equal(page.status, 200);
  assert.equal(page.type, 'text/html; charset=utf-8');
  assert.match(page.text, /<html lang="nl">/);
  assert.match(page.headers.get('content-security-policy'), /script-src 'self'/);
  assert.ok(page.headers.get('etag'));

  const again = await api('/', { headers: { 'if-none-match': page.headers.get('etag') } });
  assert.equal(again.status, 304);

  // The built page links its script and stylesheet as files of its own.
  const cssPath = page.text.match(/<link rel="stylesheet"[^>]* href="([^"]+\.css)"/)[1];
  const css = await api(cssPath);
  assert.equal(css.status, 200);
  assert.equal(css.type, 'text/css; charset=utf-8');
  const jsPath = page.text.match(/<script type="module"[^>]* src="([^"]+\.js)"/)[1];
  const js = await api(jsPath);
  assert.equal(js.status, 200);
  assert.equal(js.type, 'text/javascript; charset=utf-8');
  assert.doesNotMatch(page.text, /<script>|<style|style="/, 'no inline script or style');

  const missing = await api('/missing.js');
  assert.equal(missing.status, 404);

  const post = await api('/', { method: 'POST', body: 'x' });
  assert.equal(post.status, 405);
});
