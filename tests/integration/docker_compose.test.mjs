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

// The "scale" profile (Debian 12's docker-compose 1.29 knows profiles):
// nginx in front of two API nodes, the primary and a streaming standby.
test('docker-compose --profile scale config -q accepts the scale-out set-up', async () => {
  const q = await sh('docker-compose', ['-f', 'docker-compose.yml', '--profile', 'scale', 'config', '-q']);
  assert.equal(q.code, 0, q.stderr);
  const r = await sh('docker-compose', ['-f', 'docker-compose.yml', '--profile', 'scale', 'config']);
  assert.equal(r.code, 0, r.stderr);
  const services = r.stdout.split('\nvolumes:')[0];
  const block = (name) => {
    const m = services.match(new RegExp(`\\n  ${name}:\\n((?:    .*\\n|      .*\\n)+)`));
    assert.ok(m, `service ${name}`);
    return m[1];
  };
  for (const name of ['standby', 'api-1', 'api-2', 'nginx']) {
    assert.match(block(name), /profiles:\n\s+- scale/, name);
  }
  for (const name of ['db', 'api']) {
    assert.doesNotMatch(block(name), /profiles:/, `${name} runs without a profile`);
  }
  for (const name of ['db', 'standby', 'api-1', 'api-2']) {
    assert.match(block(name), /healthcheck:/, name);
  }
  assert.match(block('standby'), /pgstandby:\/var\/lib\/postgresql\/data/);
  assert.match(block('api-1'), /LEERLIJN_DATABASE_READ_URL: postgresql:\/\/leerlijn:[^@]+@172\.28\.0\.11:5432/);
  assert.match(block('api-2'), /LEERLIJN_TRUSTED_PROXIES: 172\.28\.0\.20/);
  assert.match(block('nginx'), /ipv4_address: 172\.28\.0\.20/);
  assert.match(block('nginx'), /dockerfile: deploy\/nginx\/Dockerfile/);
  assert.match(r.stdout, /volumes:\n\s+pgdata: \{\}\n\s+pgstandby: \{\}/);
  // The standby is a pg_basebackup -R of the primary; nginx's image has
  // the repository's configuration with the nodes as upstream and a
  // health check.
  const standby = await readFile(`${ROOT}/deploy/compose/standby.sh`, 'utf8');
  assert.match(standby, /pg_basebackup[^\n]*\\\n[^\n]*-R -X stream/);
  const nginx = await readFile(`${ROOT}/deploy/nginx/Dockerfile`, 'utf8');
  assert.match(nginx, /api-1:8888/);
  assert.match(nginx, /HEALTHCHECK/);
  assert.match(nginx, /libnginx-mod-http-brotli-filter/);
});
