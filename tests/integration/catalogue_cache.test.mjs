// The catalogue from memory (api/http/cache_http.c, api/db/catalogue_gen.c,
// schema/functions/catalogue_generation.sql): public catalogue reads of
// anonymous callers come from each worker's response cache for the current
// catalogue generation.
//
// - equality: every cached answer equals the answer PostgreSQL gives, taken
//   from a second kore with the cache off (LEERLIJN_CACHE_BYTES=0), for every
//   seeded goal (the finder with related none, exact and all; the goal
//   itself), the finder's documented filters alone and combined, paging,
//   and every other cached route;
// - validators: ETag "cat-<generation>", Cache-Control: no-cache, 304 for
//   If-None-Match; never for a logged-in caller;
// - invalidation: a curator's write is read back at once through the same
//   connection (read-your-writes), and both workers of a kore with 2
//   workers answer with it within 100 ms (cross-worker, NOTIFY);
// - an answer one worker makes is kept by the other workers too (a Kore
//   message through the parent): the other worker's first answer is a hit;
// - a miss runs its reads on the asynchronous connections: while it waits
//   for PostgreSQL its worker answers hits and health.
import assert from 'node:assert/strict';
import http from 'node:http';
import { after, before, test } from 'node:test';
import { BASE, curatorHeaders, db, login, startKore } from './lib.mjs';

let sqlKore;
let pair;

before(async () => {
  // The same base URL: the CASE documents carry absolute links.
  sqlKore = await startKore({
    LEERLIJN_WORKERS: '1', LEERLIJN_CACHE_BYTES: '0', LEERLIJN_BASE_URL: BASE,
  });
  // Kore 4.1 gives every new connection to the worker holding its accept
  // lock until that worker has worker_max_connections: with 1, connections
  // alternate between the two workers.
  pair = await startKore({ LEERLIJN_WORKERS: '2', LEERLIJN_WORKER_CONNECTIONS: '1' });
});

after(async () => {
  await sqlKore?.stop();
  await pair?.stop();
});

async function get(base, path, headers = {}, ms = 60000) {
  const res = await fetch(base + path, { headers, signal: AbortSignal.timeout(ms) });
  return {
    status: res.status,
    headers: res.headers,
    text: await res.text(),
    cache: res.headers.get('x-cache') ?? '',
  };
}

// The main kore's answer from its cache (asked until a worker answers
// from memory), and the SQL answer of the kore without a cache.
async function compare(path) {
  let cached;
  for (let i = 0; i < 6 && !(cached?.cache.startsWith('hit')); i++) {
    cached = await get(BASE, path);
    if (cached.status !== 200) break;
  }
  const sql = await get(sqlKore.base, path);
  assert.equal(sql.cache, '', 'the kore without a cache answers from SQL');
  assert.equal(cached.status, sql.status, path);
  if (sql.status === 200) {
    assert.match(cached.cache, /^hit; worker=\d+$/, `${path} came from the cache`);
  }
  assert.equal(cached.headers.get('content-type'), sql.headers.get('content-type'), path);
  assert.equal(cached.headers.get('x-total-count'), sql.headers.get('x-total-count'), path);
  assert.equal(cached.text, sql.text, `${path}: the cached answer equals the SQL answer`);
  return sql;
}

// Run fn over items, n at a time.
async function pool(items, n, fn) {
  let next = 0;
  await Promise.all(Array.from({ length: n }, async () => {
    while (next < items.length) await fn(items[next++]);
  }));
}

test('every seeded goal: the finder equals SQL; with related=all and exact, and goals, too', async () => {
  const c = await db();
  const { rows } = await c.query('SELECT id FROM goal ORDER BY id');
  await c.end();
  assert.ok(rows.length > 1000, `the seed has its goals (${rows.length})`);
  const paths = [];
  rows.forEach(({ id }, i) => {
    paths.push(`/api/v1/lessons?goal=${id}`);
    if (i % 5 === 0) paths.push(`/api/v1/lessons?goal=${id}&related=all`);
    if (i % 10 === 0) paths.push(`/api/v1/lessons?goal=${id}&related=exact`, `/api/v1/goals/${id}`);
  });
  let withLessons = 0;
  await pool(paths, 8, async (p) => {
    const r = await compare(p);
    if (p.includes('lessons') && r.status === 200 && JSON.parse(r.text).total > 0) withLessons++;
  });
  assert.ok(withLessons > 10, `goals with lessons compared (${withLessons})`);
});

test('the finder: every documented filter, alone and combined, and paging, equal SQL', async () => {
  const levels = JSON.parse((await get(BASE, '/api/v1/levels')).text);
  const lessons = JSON.parse((await get(sqlKore.base, '/api/v1/lessons?limit=100')).text).items;
  assert.ok(lessons.length > 0);
  const l = lessons[0];
  const c = await db();
  const { rows: [reach] } = await c.query(
    'SELECT goal_id FROM lesson_goal_reach WHERE lesson_id = $1 LIMIT 1', [l.id]);
  await c.end();
  const filters = {
    goal: ['DG2.1&framework=CNU-DG-2019', reach.goal_id],
    related: ['none', 'exact', 'all'],
    level: [...new Set([...l.levels.map((x) => x.code), levels.levels[0].code])],
    stage: levels.stages.map((s) => s.code),
    theme: l.themes,
    evidence: [l.evidence_level, 'erkend-goed-onderbouwd'],
    programme: [l.programme.code],
    max_minutes: ['30', '240'],
    q: ['mensenhandel', 'loverboy OR uitbuiting', 'geen-treffer-xyz'],
  };
  const names = Object.keys(filters);
  const paths = ['/api/v1/lessons'];
  // Each filter alone, every pair, and every filter at once, with each
  // value; then paging.
  for (const a of names) for (const v of filters[a]) paths.push(`/api/v1/lessons?${a}=${v}`);
  for (let i = 0; i < names.length; i++) {
    for (let j = i + 1; j < names.length; j++) {
      for (const va of filters[names[i]]) {
        for (const vb of filters[names[j]]) {
          paths.push(`/api/v1/lessons?${names[i]}=${va}&${names[j]}=${vb}`);
        }
      }
    }
  }
  paths.push(`/api/v1/lessons?${names.map((n) => `${n}=${filters[n][0]}`).join('&')}`);
  for (const [limit, offset] of [[1, 0], [1, 1], [2, 1], [100, 0], [20, 500]]) {
    paths.push(`/api/v1/lessons?limit=${limit}&offset=${offset}`,
      `/api/v1/lessons?goal=DG2.1&framework=CNU-DG-2019&limit=${limit}&offset=${offset}`);
  }
  // A 400 is never cached, and still the same.
  paths.push('/api/v1/lessons?related=sometimes', '/api/v1/lessons?limit=0');
  await pool(paths.map((p) => encodeURI(p).replace(/%25/g, '%')), 4, compare);
  assert.ok(paths.length > 300, `${paths.length} requests compared`);
});

test('every other cached route equals SQL: frameworks, goal trees, levels, calendar, lessons, CASE', async () => {
  const fws = JSON.parse((await get(sqlKore.base, '/api/v1/frameworks?limit=500')).text).items;
  const lessons = JSON.parse((await get(sqlKore.base, '/api/v1/lessons?limit=100')).text).items;
  const docs = JSON.parse((await get(sqlKore.base, '/ims/case/v1p0/CFDocuments?limit=100')).text).CFDocuments;
  assert.ok(fws.length > 5 && docs.length > 5);
  const paths = ['/api/v1/frameworks', '/api/v1/frameworks?limit=2&offset=3', '/api/v1/levels',
    '/api/v1/goals?q=burgerschap', '/api/v1/goals?framework=CNU-DG-2019&code=DG2.1',
    '/api/v1/goals?framework=CNU-DG-2019&limit=5&offset=5', '/api/v1/alignment-warnings',
    '/api/v1/calendar/2026-2027?region=noord', '/api/v1/calendar/2025-2026?region=zuid',
    '/api/v1/calendar/2026-2027', '/ims/case/v1p0/CFDocuments',
    '/ims/case/v1p0/CFDocuments?limit=3&offset=2&sort=title&orderBy=desc',
    '/api/v1/frameworks/GEEN-KADER', '/api/v1/lessons/00000000-0000-4000-a000-000000000000'];
  for (const f of fws) paths.push(`/api/v1/frameworks/${f.code}`, `/api/v1/frameworks/${f.code}/goals`);
  for (const x of lessons) paths.push(`/api/v1/lessons/${x.id}`);
  for (const d of docs) {
    paths.push(`/ims/case/v1p0/CFDocuments/${d.identifier}`, `/ims/case/v1p0/CFPackages/${d.identifier}`);
  }
  await pool(paths, 4, compare);
});

test('ETag from the generation, Cache-Control: no-cache, 304 for If-None-Match', async () => {
  const c = await db();
  const { rows } = await c.query('SELECT generation FROM catalogue_generation');
  await c.end();
  for (const path of ['/api/v1/levels', '/api/v1/lessons?goal=DG2.1&framework=CNU-DG-2019',
    '/ims/case/v1p0/CFDocuments']) {
    const r = await get(BASE, path);
    assert.equal(r.status, 200);
    const etag = r.headers.get('etag');
    assert.match(etag, /^"cat-\d+"$/);
    assert.ok(Number(etag.slice(5, -1)) >= Number(rows[0].generation));
    assert.equal(r.headers.get('cache-control'), 'no-cache');
    const again = await get(BASE, path, { 'if-none-match': etag });
    assert.equal(again.status, 304, path);
    assert.equal(again.text, '');
    assert.equal(again.headers.get('etag'), etag);
    const list = await get(BASE, path, { 'if-none-match': `"x", W/${etag}` });
    assert.equal(list.status, 304, 'a weak match in a list');
    const stale = await get(BASE, path, { 'if-none-match': '"cat-1"' });
    assert.equal(stale.status, 200, 'an older generation gets the answer');
    assert.equal(stale.text, r.text);
  }
  // A cached answer carries its own request's id, once: never the id of
  // the request that filled the cache.
  let hit;
  let id;
  for (let i = 0; i < 6 && !(hit?.cache.startsWith('hit')); i++) {
    id = `cache-${i}`;
    hit = await get(BASE, '/api/v1/levels', { 'x-request-id': id });
  }
  assert.match(hit.cache, /^hit/);
  assert.equal(hit.headers.get('x-request-id'), id);
  // A lesson keeps its own ETag (its version, for If-Match).
  const lessons = JSON.parse((await get(BASE, '/api/v1/lessons')).text).items;
  const one = await get(BASE, `/api/v1/lessons/${lessons[0].id}`);
  assert.match(one.headers.get('etag'), /^"\d+"$/);
  // Logged in: straight from PostgreSQL, never shared, never stored.
  const { headers } = await login('teacher');
  const mine = await get(BASE, '/api/v1/levels', headers);
  assert.equal(mine.status, 200);
  assert.equal(mine.cache, '');
  assert.equal(mine.headers.get('cache-control'), 'no-store');
  assert.equal(mine.headers.get('etag'), null);
  // Health reports each worker's cache against its budget.
  const health = JSON.parse((await get(BASE, '/api/v1/health')).text);
  assert.equal(health.cache.budget_bytes, 16 * 1024 * 1024);
  assert.ok(health.cache.bytes <= health.cache.budget_bytes);
});

// One HTTP request on a new connection (Connection: close), so that both
// workers get requests: resolves with status, the worker and the body.
function closeRequest(base, path) {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const req = http.get(base + path, { agent: false, headers: { connection: 'close' } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => { body += d; });
      res.on('end', () => resolve({
        status: res.statusCode, started, body, cache: res.headers['x-cache'] ?? '',
        worker: /worker=(\d+)/.exec(res.headers['x-cache'] ?? '')?.[1],
      }));
    });
    req.on('error', reject);
  });
}

// Requests on one keep-alive connection: the writer's.
function keepAliveClient(base) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const send = (method, path, headers = {}, body) => new Promise((resolve, reject) => {
    const req = http.request(base + path, { method, agent, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d) => { text += d; });
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, text }));
    });
    req.on('error', reject);
    req.end(body);
  });
  return { send, close: () => agent.destroy() };
}

test('a write is read back at once by its worker, and by the other worker within 100 ms', async () => {
  const lessons = JSON.parse((await get(BASE, '/api/v1/lessons')).text).items;
  const path = `/api/v1/lessons/${lessons[1].id}`;
  const auth = { ...(await curatorHeaders()), 'content-type': 'application/json' };
  const original = JSON.parse((await get(BASE, path)).text).title;

  // Both workers hold the lesson in their caches.
  const warm = new Set();
  for (let i = 0; i < 200 && warm.size < 2; i++) {
    const r = await closeRequest(pair.base, path);
    assert.equal(r.status, 200);
    if (r.worker) warm.add(r.worker);
  }
  assert.equal(warm.size, 2, 'both workers answered');

  let writer;
  try {
    for (const title of [`${original} (herzien)`, original]) {
      writer = keepAliveClient(pair.base);
      const cur = await writer.send('GET', path);
      const w = await writer.send('PATCH', path, { ...auth, 'if-match': cur.headers.etag },
        JSON.stringify({ title }));
      assert.equal(w.status, 200, w.text);
      const written = Date.now();
      // Read-your-writes: the next request on the writer's connection.
      const own = await writer.send('GET', path);
      assert.equal(JSON.parse(own.text).title, title, 'the writer reads its own write at once');
      writer.close();

      // Every worker: any answer asked for 100 ms after the write has it.
      const fresh = new Map();
      const late = [];
      for (let i = 0; i < 400 && (fresh.size < 2 || Date.now() - written < 150); i++) {
        const r = await closeRequest(pair.base, path);
        assert.equal(r.status, 200);
        const seen = JSON.parse(r.body).title;
        if (seen === title && r.worker && !fresh.has(r.worker)) fresh.set(r.worker, r.started - written);
        if (seen !== title && r.started - written > 100) late.push({ worker: r.worker, ms: r.started - written });
      }
      assert.deepEqual(late, [], 'no stale answer 100 ms after the write');
      assert.equal(fresh.size, 2, `both workers answered with the write (${[...fresh]})`);
    }
  } finally {
    writer?.close();
  }
});

test('an answer one worker makes is a hit at the other worker, which never made it', async () => {
  // A request no one has asked yet: a page of the finder of its own.
  const path = `/api/v1/lessons?limit=7&offset=${1 + Math.floor(Math.random() * 1000)}`;
  const first = await closeRequest(pair.base, path);
  assert.equal(first.status, 200);
  assert.match(first.cache, /^miss; worker=[12]$/, 'the first answer is made by SQL');
  const other = first.worker === '1' ? '2' : '1';
  // The copy travels to the other worker through Kore's parent.
  await new Promise((r) => setTimeout(r, 100));
  let seen;
  for (let i = 0; i < 20 && !seen; i++) {
    const r = await closeRequest(pair.base, path);
    if (r.worker === other) seen = r;
  }
  assert.ok(seen, `worker ${other} answered`);
  assert.equal(seen.cache, `hit; worker=${other}`, 'its first answer to the request came from memory');
  assert.equal(seen.body, (await get(sqlKore.base, path)).text, 'and equals the SQL answer');
});

test('a change made in PostgreSQL directly (leerlijn-db, CASE import) reaches the cache', async () => {
  const path = '/api/v1/levels';
  const before = await get(BASE, path);
  const c = await db();
  try {
    const { rows: [gen] } = await c.query('SELECT generation FROM catalogue_generation');
    await c.query("UPDATE stage SET description = description || ' ' WHERE code = 'po-onderbouw'");
    const { rows: [after1] } = await c.query('SELECT generation FROM catalogue_generation');
    assert.equal(Number(after1.generation), Number(gen.generation) + 1, 'one bump');
    await new Promise((r) => setTimeout(r, 100));
    const changed = await get(BASE, path);
    assert.notEqual(changed.headers.get('etag'), before.headers.get('etag'));
    assert.match(JSON.parse(changed.text).stages.find((s) => s.code === 'po-onderbouw').description, / $/);
    // A transaction that rolls back changes nothing, not even the number.
    await c.query('BEGIN');
    await c.query("UPDATE stage SET description = 'weg' WHERE code = 'po-onderbouw'");
    await c.query('ROLLBACK');
    const { rows: [after2] } = await c.query('SELECT generation FROM catalogue_generation');
    assert.equal(after2.generation, after1.generation);
  } finally {
    await c.query("UPDATE stage SET description = rtrim(description) WHERE code = 'po-onderbouw'");
    await c.end();
  }
});

test('a miss waits for PostgreSQL without holding up its worker: hits and health answer meanwhile', async () => {
  const one = await startKore({ LEERLIJN_WORKERS: '1' });
  const c = await db();
  try {
    // A hit to come: /api/v1/levels does not read lesson_goal_reach.
    for (let i = 0; i < 3; i++) assert.equal((await get(one.base, '/api/v1/levels')).status, 200);
    await c.query('BEGIN');
    await c.query('LOCK TABLE lesson_goal_reach IN ACCESS EXCLUSIVE MODE');
    // A miss of the finder now waits for the lock, in PostgreSQL.
    let missDone = false;
    const miss = get(one.base, '/api/v1/lessons?goal=DG2.1&framework=CNU-DG-2019&limit=3&offset=1')
      .then((r) => { missDone = true; return r; });
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(missDone, false, 'the miss waits for the lock');
    const started = Date.now();
    const hit = await get(one.base, '/api/v1/levels', {}, 2000);
    const health = await get(one.base, '/api/v1/health', {}, 2000);
    assert.equal(hit.status, 200);
    assert.match(hit.cache, /^hit/);
    assert.equal(health.status, 200);
    assert.ok(Date.now() - started < 1000, `answered in ${Date.now() - started} ms`);
    assert.equal(missDone, false, 'the miss still waits');
    await c.query('ROLLBACK');
    const r = await miss;
    assert.equal(r.status, 200);
    assert.match(r.cache, /^miss/);
    assert.ok(JSON.parse(r.text).items.length > 0);
    // Kept: the next one is a hit with the same answer.
    const again = await get(one.base, '/api/v1/lessons?goal=DG2.1&framework=CNU-DG-2019&limit=3&offset=1');
    assert.match(again.cache, /^hit/);
    assert.equal(again.text, r.text);
  } finally {
    await c.query('ROLLBACK').catch(() => {});
    await c.end();
    await one.stop();
  }
});
