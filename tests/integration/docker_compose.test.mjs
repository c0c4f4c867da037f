// docker-compose.yml is valid (no Docker engine runs here, so the file is
// checked by docker-compose itself, not run).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { sh, ROOT } from './lib.mjs';

test('docker-compose config -q accepts the file', async () => {
  const r = await sh('docker-compose', ['-f', 'docker-compose.yml', 'config', '-q']);
  assert.equal(r.code, 0, r.stderr);
});

test('the compose file runs PostgreSQL 15 and the API with health checks and a volume', async () => {
  const r = await sh('docker-compose', ['-f', 'docker-compose.yml', 'config']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /image: postgres:15/);
  assert.match(r.stdout, /healthcheck:/);
  assert.match(r.stdout, /volumes:\n\s+pgdata:/);
  const dockerfile = await readFile(`${ROOT}/Dockerfile`, 'utf8');
  assert.match(dockerfile, /^FROM debian:bookworm/m);
  assert.match(dockerfile, /kore/);
});
