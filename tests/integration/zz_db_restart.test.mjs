// Health follows the database: 503 while PostgreSQL is down, 200 again
// once it is back, with the same API processes (no restart).  Runs last
// (file order) because it stops the shared database.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { api, assertProblem, login, sh } from './lib.mjs';

const pgctl = (what) => sh('bash', ['-c',
  `. scripts/lib.sh; pg_${what} "$LEERLIJN_PG_DIR" "$LEERLIJN_PG_PORT"`]);

async function workerPids() {
  const log = await readFile(process.env.LEERLIJN_KORE_LOG, 'utf8');
  return [...log.matchAll(/worker \d+ started \(cpu#\d+, pid#(\d+)\)/g)].map((m) => m[1]);
}

test('health is 503 while PostgreSQL is stopped and 200 after it restarts', async () => {
  const ok = await api('/api/v1/health');
  assert.equal(ok.status, 200);
  const admin = (await login('admin')).headers;
  assert.equal((await api('/api/v1/reports/coverage', { headers: admin })).status, 200);
  assert.equal((await api('/api/v1/levels')).status, 200);
  const pidsBefore = await workerPids();
  assert.ok(pidsBefore.length >= 1);

  const stopped = await pgctl('stop');
  assert.equal(stopped.code, 0, stopped.stderr);
  try {
    // Several requests so that every worker notices.
    for (let i = 0; i < 6; i++) {
      const res = await api('/api/v1/health');
      assertProblem(assert, res, 503);
      assert.equal(res.json.database, 'unreachable');
      assert.equal(res.headers.get('retry-after'), '5');
      assert.doesNotMatch(res.text, /connection|refused|127\.0\.0\.1|postgres/i);
      // Every server error is logged with the request id it answers with.
      const id = res.headers.get('x-request-id');
      assert.match(id ?? '', /^[0-9a-f]{32}$/);
      const log = await readFile(process.env.LEERLIJN_KORE_LOG, 'utf8');
      assert.match(log, new RegExp(`\\[${id}\\] GET /api/v1/health answered 503`));
      // A cached catalogue read cannot know its generation now: 503 too,
      // never a stale answer.
      const levels = await api('/api/v1/levels');
      assertProblem(assert, levels, 503);
      assert.equal(levels.headers.get('x-cache'), null);
      // A long read on the asynchronous connections: 503 as well.
      const report = await api('/api/v1/reports/coverage', { headers: admin });
      assertProblem(assert, report, 503);
    }
  } finally {
    const started = await pgctl('start');
    assert.equal(started.code, 0, started.stderr);
  }

  let res;
  const deadline = Date.now() + 15000;
  let healthy = 0;
  while (Date.now() < deadline && healthy < 6) {
    res = await api('/api/v1/health');
    healthy = res.status === 200 ? healthy + 1 : 0;
    if (healthy === 0) await new Promise((r) => setTimeout(r, 200));
  }
  assert.equal(healthy, 6, 'every worker answers 200 again');
  // The catalogue from memory and the long reads are back by themselves.
  let levels;
  for (let i = 0; i < 20 && levels?.headers.get('x-cache')?.startsWith('hit') !== true; i++) {
    levels = await api('/api/v1/levels');
    assert.equal(levels.status, 200);
  }
  assert.match(levels.headers.get('x-cache'), /^hit/);
  for (let i = 0; i < 4; i++) {
    assert.equal((await api('/api/v1/reports/coverage', { headers: admin })).status, 200);
  }
  assert.deepEqual(await workerPids(), pidsBefore, 'no worker was restarted');
});
