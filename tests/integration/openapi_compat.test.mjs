// The OpenAPI document changes only by additions against the document of
// the flat layout (commit 205b928, before the code was arranged by
// capability): every route, method, parameter, response, schema, property
// and enumerated value a client of that version could use is still there.
// Texts (descriptions, summaries, examples) may be reworded.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sh, ROOT } from './lib.mjs';

const OLD = '205b928';
const TEXT = new Set(['description', 'summary', 'example', 'examples', 'title']);

// An intended change that removes something, with its reason.
const CHANGED = {
  // Issue 16, finding M1: a coordinator who adds an address must learn
  // nothing about its account, so the answer no longer holds the user and
  // the invitation token (TeacherInvited instead).
  '/paths/~1api~1v1~1schools~1{id}~1teachers/post/responses/201/content/application~1json/schema':
    'M1: the answer to adding a teacher says nothing about the account',
};

// A local reference (#/components/...) resolved in its document.
function deref(doc, node, seen) {
  while (node && typeof node === 'object' && typeof node.$ref === 'string' &&
    node.$ref.startsWith('#/') && !seen.has(node.$ref)) {
    seen = new Set(seen).add(node.$ref);
    node = node.$ref.slice(2).split('/')
      .map((k) => k.replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce((o, k) => (o == null ? o : o[k]), doc);
  }
  return [node, seen];
}

// The places where old has something that now lacks, as JSON pointers;
// references are followed on both sides.
export function removals(old, now, docs = { old, now }, at = '', seen = new Set()) {
  if (at in CHANGED) return [];
  let so;
  let sn;
  [old, so] = deref(docs.old, old, seen);
  [now, sn] = deref(docs.now, now, seen);
  seen = new Set([...so, ...sn]);
  const down = (o, n, p) => removals(o, n, docs, p, seen);
  if (Array.isArray(old)) {
    if (!Array.isArray(now)) return [at];
    // Lists of values (enum, required, tags, type): each old value stays.
    if (old.every((x) => typeof x !== 'object' || x === null)) {
      return old.filter((x) => !now.includes(x)).map((x) => `${at}/${JSON.stringify(x)}`);
    }
    // Parameters are matched by name and place, other lists by position.
    const key = (x, d) => {
      const [v] = deref(d, x, new Set());
      return v && typeof v === 'object' && 'name' in v && 'in' in v ? `${v.in}:${v.name}` : null;
    };
    if (old.every((x) => key(x, docs.old) !== null)) {
      return old.flatMap((p) => {
        const k = key(p, docs.old);
        const q = now.find((x) => key(x, docs.now) === k);
        return q ? down(p, q, `${at}/${k}`) : [`${at}/${k}`];
      });
    }
    return old.flatMap((x, i) => (i < now.length ? down(x, now[i], `${at}/${i}`) : [`${at}/${i}`]));
  }
  if (old && typeof old === 'object') {
    if (!now || typeof now !== 'object' || Array.isArray(now)) return [at];
    return Object.keys(old).flatMap((k) => {
      if (TEXT.has(k)) return [];
      const p = `${at}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      return k in now ? down(old[k], now[k], p) : [p];
    });
  }
  // A scalar that is not text (a type, a format, a bound) stays as it was.
  return old === now ? [] : [at];
}

test('the comparison finds a removed route, parameter, property and enum value', () => {
  const old = {
    paths: { '/a': { get: { parameters: [{ name: 'q', in: 'query' }], responses: { 200: {} } } } },
    components: { schemas: { X: { properties: { a: { type: 'string', enum: ['x', 'y'] } } } } },
  };
  assert.deepEqual(removals(old, old), []);
  const now = structuredClone(old);
  now.paths['/a'].get.description = 'reworded';
  now.paths['/b'] = {};
  assert.deepEqual(removals(old, now), [], 'additions and texts are allowed');
  assert.deepEqual(removals(old, { ...old, paths: {} }), ['/paths/~1a']);
  const byRef = structuredClone(old);
  byRef.components.parameters = { Q: { name: 'q', in: 'query' } };
  byRef.paths['/a'].get.parameters = [{ name: 'page', in: 'query' }, { $ref: '#/components/parameters/Q' }];
  assert.deepEqual(removals(old, byRef), [], 'a parameter moved behind a reference is kept');
  const noParam = structuredClone(old);
  noParam.paths['/a'].get.parameters = [];
  assert.deepEqual(removals(old, noParam), ['/paths/~1a/get/parameters/query:q']);
  const noEnum = structuredClone(old);
  noEnum.components.schemas.X.properties.a.enum = ['x'];
  assert.deepEqual(removals(old, noEnum), ['/components/schemas/X/properties/a/enum/"y"']);
  const retyped = structuredClone(old);
  retyped.components.schemas.X.properties.a.type = 'integer';
  assert.deepEqual(removals(old, retyped), ['/components/schemas/X/properties/a/type']);
});

test('the OpenAPI document changes only by additions since the flat layout', async (t) => {
  const r = await sh('git', ['show', `${OLD}:api/openapi.json`]);
  if (r.code !== 0) {
    t.skip(`commit ${OLD} is not in this clone (a shallow or exported copy)`);
    return;
  }
  const old = JSON.parse(r.stdout);
  const now = JSON.parse(await readFile(join(ROOT, 'api/openapi.json'), 'utf8'));
  assert.ok(Object.keys(old.paths).length > 40, 'the earlier document is read whole');
  assert.deepEqual(removals(old, now), []);
});
