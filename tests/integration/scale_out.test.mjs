// Beyond one machine, on loopback: a PostgreSQL primary and a streaming hot
// standby (pg_basebackup -R, scripts/scale-stack.sh), two kore nodes on
// two ports, and Debian's nginx in front with deploy/nginx/leerlijn.conf.
// The primary is a base backup of the test cluster, so this file changes
// nothing the other files see.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { mkdtemp, readFile, rm, writeFile, mkdir, copyFile, chmod, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort, ROOT, sh, DEMO_PASSWORD, demoEmail } from './lib.mjs';

const MAX_LAG = 2;	// LEERLIJN_READ_MAX_LAG of the nodes
let dir;
let urls;		// { primary, standby }
const nodes = [];	// { port, conf, proc, exited, log }
let nginx;		// { port, proc, exited }
let web;		// nginx's base URL

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// An HTTP request with node:http (so that the client's own address can be
// chosen); resolves with status, headers, text and JSON when there is.
function req(base, path, { method = 'GET', headers = {}, body, localAddress } = {}) {
  return new Promise((resolve, reject) => {
    const u = new URL(path, base);
    const data = body === undefined ? undefined :
      Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
    const r = httpRequest({
      host: u.hostname, port: u.port, path: u.pathname + u.search, method,
      headers: data === undefined ? headers :
        { 'content-type': 'application/json', 'content-length': data.length, ...headers },
      localAddress, agent: false,
    }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const buf = Buffer.concat(chunks);
        const text = buf.toString('utf8');
        let json;
        if (/json/.test(res.headers['content-type'] ?? '') && text.length > 0 &&
            !res.headers['content-encoding']) json = JSON.parse(text);
        resolve({ status: res.statusCode, headers: res.headers, text, json, bytes: buf.length });
      });
    });
    r.on('error', reject);
    r.end(data);
  });
}

async function waitHealthy(base, proc) {
  const deadline = Date.now() + 20000;
  while (Date.now() < deadline) {
    if (proc && proc.exitCode !== null) throw new Error(`exited with ${proc.exitCode}`);
    try {
      const r = await req(base, '/api/v1/health');
      if (r.status === 200) return;
    } catch { /* not listening yet */ }
    await sleep(100);
  }
  throw new Error(`${base} did not become healthy`);
}

function nodeEnv(port) {
  return {
    ...process.env,
    DATABASE_URL: urls.primary,
    LEERLIJN_DATABASE_READ_URL: urls.standby,
    LEERLIJN_READ_MAX_LAG: String(MAX_LAG),
    LEERLIJN_TRUSTED_PROXIES: '127.0.0.1',
    LEERLIJN_LISTEN: `127.0.0.1:${port}`,
    LEERLIJN_WORKERS: '1',
    LEERLIJN_WEB_ROOT: join(ROOT, 'frontend/dist'),
  };
}

async function startNode(n) {
  n.log = n.log ?? '';
  // Line-buffered, so that the log can be read while it runs.
  const proc = spawn('stdbuf', ['-oL', '-eL', 'kore', '-fnr', '-c', n.conf],
    { cwd: ROOT, env: nodeEnv(n.port), stdio: ['ignore', 'pipe', 'pipe'] });
  proc.stdout.on('data', (d) => { n.log += d; });
  proc.stderr.on('data', (d) => { n.log += d; });
  n.proc = proc;
  n.exited = new Promise((resolve) => proc.on('exit', resolve));
  await waitHealthy(`http://127.0.0.1:${n.port}`, proc);
}

async function stopNode(n) {
  if (!n.proc || n.proc.exitCode !== null) return;
  n.proc.kill('SIGTERM');
  await n.exited;
}

const base = (i) => `http://127.0.0.1:${nodes[i].port}`;
const stack = (...args) => sh('scripts/scale-stack.sh', args);

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'leerlijn-scale-'));
  await chmod(dir, 0o755);
  const up = await stack('up', join(dir, 'db'), process.env.LEERLIJN_PG_DIR,
    process.env.LEERLIJN_PG_PORT);
  assert.equal(up.code, 0, up.stderr);
  const [pport, sport] = up.stdout.trim().split(' ');
  const pw = (await readFile(join(dir, 'db', 'password'), 'utf8')).trim();
  urls = {
    primary: `postgresql://leerlijn:${pw}@127.0.0.1:${pport}/leerlijn`,
    standby: `postgresql://leerlijn:${pw}@127.0.0.1:${sport}/leerlijn`,
    primaryAdmin: `postgresql://postgres:${pw}@127.0.0.1:${pport}/leerlijn`,
    standbyAdmin: `postgresql://postgres:${pw}@127.0.0.1:${sport}/leerlijn`,
  };

  for (let i = 0; i < 2; i++) {
    const port = await freePort();
    const conf = join(dir, `kore-${i + 1}.conf`);
    const gen = await sh('sh', ['-c',
      `build/leerlijn-db kore-conf api/conf/leerlijn.conf.in "${ROOT}build/leerlijn.so" > "${conf}"`],
    nodeEnv(port));
    assert.equal(gen.code, 0, gen.stderr);
    nodes.push({ port, conf });
  }
  await Promise.all(nodes.map(startNode));

  // nginx: the repository's site with this test's ports and paths.
  const ndir = join(dir, 'nginx');
  await mkdir(join(ndir, 'tmp'), { recursive: true });
  await mkdir(join(ndir, 'snippets'));
  // Debian's module configurations name their files relative to the prefix.
  await symlink('/usr/lib/nginx/modules', join(ndir, 'modules'));
  await copyFile(join(ROOT, 'deploy/nginx/leerlijn-proxy.conf'),
    join(ndir, 'snippets/leerlijn-proxy.conf'));
  const port = await freePort();
  let site = await readFile(join(ROOT, 'deploy/nginx/leerlijn.conf'), 'utf8');
  const fill = [
    ['server 127.0.0.1:8881 ', `server 127.0.0.1:${nodes[0].port} `],
    ['server 127.0.0.1:8882 ', `server 127.0.0.1:${nodes[1].port} `],
    ['listen\t\t80;', `listen\t\t127.0.0.1:${port};`],
    ['/srv/leerlijn/frontend/dist', join(ROOT, 'frontend/dist')],
    ['/var/log/nginx/leerlijn.access.log', join(ndir, 'access.log')],
  ];
  for (const [from, to] of fill) {
    assert.ok(site.includes(from), `deploy/nginx/leerlijn.conf has ${from}`);
    site = site.replace(from, to);
  }
  await writeFile(join(ndir, 'site.conf'), site);
  const main = (await readFile(join(ROOT, 'deploy/nginx/loopback.conf.in'), 'utf8'))
    .replaceAll('@DIR@', ndir);
  await writeFile(join(ndir, 'nginx.conf'), main);
  // Workers of an nginx started by root run as nobody: let them in.
  await chmod(ndir, 0o777);
  const check = await sh('nginx', ['-t', '-p', ndir, '-c', join(ndir, 'nginx.conf'),
    '-e', join(ndir, 'error.log')]);
  assert.equal(check.code, 0, check.stderr);
  const proc = spawn('nginx', ['-p', ndir, '-c', join(ndir, 'nginx.conf'),
    '-e', join(ndir, 'error.log'), '-g', 'daemon off;'], { stdio: 'ignore' });
  nginx = { port, proc, exited: new Promise((resolve) => proc.on('exit', resolve)), dir: ndir };
  web = `http://127.0.0.1:${port}`;
  await waitHealthy(web, proc);
});

after(async () => {
  if (nginx?.proc && nginx.proc.exitCode === null) {
    nginx.proc.kill('SIGQUIT');
    await nginx.exited;
  }
  await Promise.all(nodes.map(stopNode));
  if (dir) {
    await stack('down', join(dir, 'db'));
    await rm(dir, { recursive: true, force: true });
  }
});

async function loginAt(b, role, opts = {}) {
  const r = await req(b, '/api/v1/session', {
    method: 'POST', body: { email: demoEmail(role), password: DEMO_PASSWORD }, ...opts,
  });
  assert.equal(r.status, 201, r.text);
  return { authorization: `Bearer ${r.json.token}` };
}

test('a login through node 1 is valid through node 2 (sessions live in PostgreSQL)', async () => {
  const h = await loginAt(base(0), 'coordinator');
  const me1 = await req(base(0), '/api/v1/me', { headers: h });
  const me2 = await req(base(1), '/api/v1/me', { headers: h });
  assert.equal(me1.status, 200);
  assert.equal(me2.status, 200, me2.text);
  assert.equal(me2.json.email, demoEmail('coordinator'));
  assert.deepEqual(me2.json, me1.json);
  // Logging out through node 2 ends it on node 1 too.
  assert.equal((await req(base(1), '/api/v1/session', { method: 'DELETE', headers: h })).status, 204);
  assert.equal((await req(base(0), '/api/v1/me', { headers: h })).status, 401);
});

test('a catalogue change through node 1 is served by node 2 within 1 s', async () => {
  const h = await loginAt(base(0), 'curator');
  const made = await req(base(0), '/api/v1/frameworks', {
    method: 'POST', headers: h,
    body: { code: 'ZZ-SCALE', title: 'Schaaltest', status: 'concept', source: 'integratietest scale_out' },
  });
  assert.equal(made.status, 201, made.text);
  const seen = async (want) => {
    const t0 = Date.now();
    for (;;) {
      const r = await req(base(1), '/api/v1/frameworks/ZZ-SCALE');
      if (r.status === 200 && r.json.title === want) return Date.now() - t0;
      assert.ok(Date.now() - t0 < 1000, `node 2 still answers ${r.status} ${r.json?.title}`);
      await sleep(20);
    }
  };
  assert.ok(await seen('Schaaltest') < 1000);
  const changed = await req(base(0), '/api/v1/frameworks/ZZ-SCALE', {
    method: 'PATCH', headers: h, body: { title: 'Schaaltest, gewijzigd' },
  });
  assert.equal(changed.status, 200, changed.text);
  assert.ok(await seen('Schaaltest, gewijzigd') < 1000);
});

test('nginx serves the web app compressed, with the headers kore would send', async () => {
  const page = await req(web, '/planner', { headers: { 'accept-encoding': 'identity' } });
  assert.equal(page.status, 200);
  assert.match(page.headers['content-type'], /^text\/html/);
  assert.match(page.text, /<div id="app"|<script/);
  assert.match(page.headers['content-security-policy'], /default-src 'self'/);
  assert.equal(page.headers['x-content-type-options'], 'nosniff');
  assert.equal(page.headers['cache-control'], 'no-cache');
  const js = page.text.match(/src="(\/assets\/[^"]+\.js)"/)[1];
  const plain = await req(web, js, { headers: { 'accept-encoding': 'identity' } });
  const br = await req(web, js, { headers: { 'accept-encoding': 'br' } });
  const gz = await req(web, js, { headers: { 'accept-encoding': 'gzip' } });
  assert.equal(plain.status, 200);
  assert.equal(br.headers['content-encoding'], 'br');
  assert.equal(gz.headers['content-encoding'], 'gzip');
  assert.ok(br.bytes < plain.bytes / 2 && gz.bytes < plain.bytes / 2);
  assert.match(br.headers['cache-control'], /max-age=31536000/);
  assert.equal((await req(web, '/assets/nope.js')).status, 404);
  // API answers are compressed too.
  const fw = await req(web, '/api/v1/frameworks', { headers: { 'accept-encoding': 'gzip' } });
  assert.equal(fw.status, 200);
  assert.equal(fw.headers['content-encoding'], 'gzip');
});

test('request ids pass from nginx to kore; X-Forwarded-For counts only from nginx', async () => {
  const spoof = { 'x-forwarded-for': '203.0.113.9', 'x-request-id': 'made-up-by-client' };
  const bad = await req(web, '/api/v1/session', {
    method: 'POST', headers: spoof, localAddress: '127.0.0.3',
    body: { email: 'niemand-scale@demo.leerlijn.example', password: 'fout' },
  });
  assert.equal(bad.status, 401);
  const rid = bad.headers['x-request-id'];
  assert.match(rid, /^[0-9a-f]{32}$/, 'nginx replaced the id with its own');
  await sleep(200);
  const log = nodes.map((n) => n.log).join('');
  // The node logged the request under nginx's id, with the client's
  // address as nginx saw it (not the forged one).
  assert.match(log, new RegExp(`\\[${rid}\\] failed login from 127\\.0\\.0\\.3`));
  assert.doesNotMatch(log, /203\.0\.113\.9/);
  // Sent to a node directly, the header is not believed.
  const direct = await req(base(1), '/api/v1/session', {
    method: 'POST', headers: { 'x-forwarded-for': '198.51.100.7' }, localAddress: '127.0.0.4',
    body: { email: 'niemand-scale@demo.leerlijn.example', password: 'fout' },
  });
  assert.equal(direct.status, 401);
  await sleep(200);
  const log2 = nodes.map((n) => n.log).join('');
  assert.match(log2, /failed login from 127\.0\.0\.4/);
  assert.doesNotMatch(log2, /198\.51\.100\.7/);
  const access = await readFile(join(nginx.dir, 'access.log'), 'utf8');
  assert.match(access, new RegExp(`rid=${rid}`));
});

async function report(h) {
  const r = await req(web, '/api/v1/reports/coverage', { headers: h });
  assert.equal(r.status, 200, r.text);
  return r;
}

// Reports come from the standby again within ms milliseconds.
async function backOnStandby(h, ms) {
  const deadline = Date.now() + ms;
  let src;
  do {
    await sleep(100);
    src = (await report(h)).json.freshness.source;
  } while (src !== 'standby' && Date.now() < deadline);
  assert.equal(src, 'standby');
}

test('a coverage report is served from the standby and names its freshness', async () => {
  const h = await loginAt(web, 'inspector');
  const r = await report(h);
  const f = r.json.freshness;
  assert.equal(f.source, 'standby');
  assert.match(f.replayed_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  assert.equal(typeof f.lag_seconds, 'number');
  assert.ok(f.lag_seconds >= 0 && f.lag_seconds <= MAX_LAG);
  assert.match(r.headers['x-data-freshness'], /^source=standby; replayed_at=/);
  // The standby has what the primary committed before.
  const s = new pg.Client({ connectionString: urls.standby });
  await s.connect();
  try {
    const { rows } = await s.query('SELECT pg_is_in_recovery() AS standby');
    assert.equal(rows[0].standby, true);
  } finally {
    await s.end();
  }
  // The school's report and the plan's export go there too.
  const school = await req(web, '/api/v1/schools/00000000-0000-4000-a000-00000000000a/coverage',
    { headers: h });
  assert.equal(school.status, 200, school.text);
  assert.equal(school.json.freshness.source, 'standby');
});

test('a report waiting on the standby does not hold up its worker', async () => {
  const h = await loginAt(web, 'inspector');
  const p = new pg.Client({ connectionString: urls.primaryAdmin });
  const s = new pg.Client({ connectionString: urls.standbyAdmin });
  await p.connect();
  await s.connect();
  try {
    // The primary's ACCESS EXCLUSIVE lock is replayed on the standby, where
    // the report's reads of coverage_bits then wait for it.
    await p.query('BEGIN');
    await p.query('LOCK TABLE coverage_bits IN ACCESS EXCLUSIVE MODE');
    // A commit of another transaction sends the lock's WAL record on.
    const q = new pg.Client({ connectionString: urls.primaryAdmin });
    await q.connect();
    await q.query('BEGIN; SELECT txid_current(); COMMIT');
    await q.end();
    const deadline = Date.now() + 10000;
    let held = false;
    while (!held && Date.now() < deadline) {
      const { rows } = await s.query(`SELECT count(*)::int AS n FROM pg_locks
        WHERE relation = 'coverage_bits'::regclass AND mode = 'AccessExclusiveLock'`);
      held = rows[0].n > 0;
      if (!held) await sleep(50);
    }
    assert.ok(held, 'the lock reached the standby');
    let done = false;
    const slow = req(base(0), '/api/v1/reports/coverage', { headers: h })
      .then((r) => { done = true; return r; });
    await sleep(300);
    assert.equal(done, false, 'the report waits for the lock on the standby');
    // The node's one worker answers other requests meanwhile.
    // (A worker held up by the report would answer only after the lock
    // goes: the time limit turns that wait into a failure.)
    const within = (p, ms) => Promise.race([p, sleep(ms).then(() => {
      throw new Error(`no answer within ${ms} ms: the worker waits for the report`);
    })]);
    const started = Date.now();
    const health = await within(req(base(0), '/api/v1/health'), 3000);
    const levels = await within(req(base(0), '/api/v1/levels'), 3000);
    assert.equal(health.status, 200);
    assert.equal(levels.status, 200);
    assert.ok(Date.now() - started < 1000, `answered in ${Date.now() - started} ms`);
    assert.equal(done, false, 'the report still waits');
    await p.query('ROLLBACK');
    const r = await slow;
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.freshness.source, 'standby');
  } finally {
    await p.query('ROLLBACK').catch(() => {});
    await p.end();
    await s.end();
  }
});

test('a standby too far behind: reports come from the primary, and back', async () => {
  const h = await loginAt(web, 'inspector');
  const s = new pg.Client({ connectionString: urls.standbyAdmin });
  const p = new pg.Client({ connectionString: urls.primaryAdmin });
  await s.connect();
  await p.connect();
  try {
    await s.query('SELECT pg_wal_replay_pause()');
    await p.query('CREATE TABLE scale_lag_probe (x int); DROP TABLE scale_lag_probe');
    await sleep((MAX_LAG + 1) * 1000);
    for (let i = 0; i < 3; i++) {
      const r = await report(h);
      assert.equal(r.json.freshness.source, 'primary');
      assert.equal(r.json.freshness.replayed_at, null);
    }
    assert.match(nodes.map((n) => n.log).join(''), /standby [\d.]+ s behind \(at most 2\): reports read from the primary/);
    await s.query('SELECT pg_wal_replay_resume()');
    await backOnStandby(h, 5000);
  } finally {
    await s.query('SELECT pg_wal_replay_resume()').catch(() => {});
    await s.end();
    await p.end();
  }
});

test('stopping the standby moves reports to the primary with no failed request', async () => {
  const h = await loginAt(web, 'inspector');
  let stop = false;
  const seen = [];
  const load = (async () => {
    while (!stop) {
      const r = await req(web, '/api/v1/reports/coverage', { headers: h });
      seen.push(r.status === 200 ? r.json.freshness.source : `HTTP ${r.status}`);
    }
  })();
  await sleep(300);
  const down = await stack('stop-standby', join(dir, 'db'));
  assert.equal(down.code, 0, down.stderr);
  await sleep(1500);
  stop = true;
  await load;
  assert.ok(seen.length > 5);
  assert.deepEqual(seen.filter((x) => x.startsWith('HTTP')), []);
  assert.equal(seen[0], 'standby');
  assert.equal(seen.at(-1), 'primary');
  assert.match(nodes.map((n) => n.log).join(''), /standby unavailable: reports read from the primary/);
  // Started again, it takes the reports back by itself.
  const upAgain = await stack('start-standby', join(dir, 'db'));
  assert.equal(upAgain.code, 0, upAgain.stderr);
  await backOnStandby(h, 10000);
});

test('stopping node 1 under load loses no GET and no answered write; it comes back into rotation', async () => {
  const h = await loginAt(web, 'curator');
  let stop = false;
  const gets = [];
  const writes = [];
  const reader = async () => {
    while (!stop) {
      try {
        const r = await req(web, '/api/v1/frameworks?limit=5');
        gets.push(r.status);
      } catch (e) {
        gets.push(e.code ?? String(e));
      }
    }
  };
  const writer = async () => {
    for (let i = 0; !stop; i++) {
      const code = `ZZS${i}`;
      try {
        const r = await req(web, '/api/v1/frameworks/ZZ-SCALE/goals', {
          method: 'POST', headers: h,
          body: { code, kind: 'doel', title: `Schaaldoel ${i}`, confidence: 'inferred', source: 'scale_out' },
        });
        writes.push({ code, status: r.status });
      } catch (e) {
        writes.push({ code, status: e.code ?? String(e) });
      }
    }
  };
  const load = Promise.all([reader(), reader(), reader(), writer()]);
  await sleep(500);
  await stopNode(nodes[0]);
  await sleep(1500);
  stop = true;
  await load;

  assert.ok(gets.length > 20, `only ${gets.length} reads`);
  assert.deepEqual(gets.filter((s) => s !== 200), [], 'every GET answered 200');
  const answered = writes.filter((w) => w.status === 201).map((w) => w.code);
  assert.ok(answered.length > 3);
  // No write other than 201 or a 502 of a POST that was cut off.
  assert.deepEqual(writes.filter((w) => w.status !== 201 && w.status !== 502), []);
  const c = new pg.Client({ connectionString: urls.primary });
  await c.connect();
  try {
    const { rows } = await c.query(`SELECT g.code FROM goal g JOIN framework f ON f.id = g.framework_id
      WHERE f.code = 'ZZ-SCALE'`);
    const stored = new Set(rows.map((r) => r.code));
    assert.deepEqual(answered.filter((code) => !stored.has(code)), [], 'every answered write is stored');
  } finally {
    await c.end();
  }
  // nginx retried the reads that node 1 could not answer on node 2.
  const access = await readFile(join(nginx.dir, 'access.log'), 'utf8');
  assert.match(access, new RegExp(`up=127\\.0\\.0\\.1:${nodes[0].port}, 127\\.0\\.0\\.1:${nodes[1].port}`));

  // Node 1 again: after fail_timeout nginx sends it requests again.
  await startNode(nodes[0]);
  const mark = (await readFile(join(nginx.dir, 'access.log'), 'utf8')).length;
  const deadline = Date.now() + 15000;
  let back = false;
  while (!back && Date.now() < deadline) {
    const r = await req(web, '/api/v1/levels');
    assert.equal(r.status, 200);
    const recent = (await readFile(join(nginx.dir, 'access.log'), 'utf8')).slice(mark);
    back = new RegExp(`up=127\\.0\\.0\\.1:${nodes[0].port} us=200`).test(recent);
    await sleep(100);
  }
  assert.ok(back, 'node 1 answers requests again');
});
