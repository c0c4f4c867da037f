// Every route as every role (and anonymous), on its own school and on
// another one, with the exact status.  The table below must name every
// route of api/http/routes.c: a route added there without an entry here
// fails the first test.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { api, db, demoSchools, login, ROOT, DEMO_PASSWORD, demoEmail } from './lib.mjs';

const ROLES = ['anonymous', 'admin', 'curator', 'coordinator', 'teacher', 'inspector'];
const SCHOOLS = demoSchools();
// School A is "own" for the coordinator, the teacher and the inspector
// (whose scope is school A only); school B is "another school".
const OTHER = 'B';
const OWN = 'A';

const unique = () => randomBytes(4).toString('hex');

async function asAdmin(path, opts = {}) {
  const { headers } = await login('admin');
  const res = await api(path, { ...opts, headers: { ...headers, ...(opts.headers ?? {}) } });
  return res;
}

// A fresh account (no password) made by the admin; returns its id.
async function freshUser(extra = {}) {
  const res = await asAdmin('/api/v1/users', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: `m-${unique()}@matrix.example`, display_name: 'Matrix', ...extra }),
  });
  assert.equal(res.status, 201, res.text);
  return res.json.user.id;
}

// A fresh teacher of school key, made by the admin (who grants the
// membership directly); returns its id.
async function freshTeacher(key) {
  return freshUser({ memberships: [{ school_id: SCHOOLS[key], role: 'teacher' }] });
}

// A pending invitation of school key (an admin invites); returns its id.
async function freshInvitation(key) {
  const res = await asAdmin(`/api/v1/schools/${SCHOOLS[key]}/teachers`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: `t-${unique()}@matrix.example`, display_name: 'Matrix leerkracht' }),
  });
  assert.equal(res.status, 201, res.text);
  return res.json.id;
}

let ids;
async function catalogueIds() {
  if (!ids) {
    const c = await db();
    const q = async (sql) => (await c.query(sql)).rows[0]?.id ?? randomUuid();
    ids = {
      goal: await q(`SELECT id FROM goal ORDER BY id LIMIT 1`),
      lesson: await q(`SELECT id FROM lesson WHERE status = 'published' ORDER BY id LIMIT 1`),
      relation: await q(`SELECT id FROM goal_relation ORDER BY id LIMIT 1`),
      alignment: await q(`SELECT id FROM alignment ORDER BY id LIMIT 1`),
    };
    await c.end();
  }
  return ids;
}

function randomUuid() {
  const h = randomBytes(16).toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

// Expectations: a status for every role, or {A, B} for school routes.
const everyone = (s) => ({ anonymous: s, admin: s, curator: s, coordinator: s, teacher: s, inspector: s });
const users = (s) => ({ ...everyone(s), anonymous: 401 });
const only = (allowed, s) => Object.fromEntries(ROLES.map((r) =>
  [r, r === 'anonymous' ? 401 : allowed.includes(r) ? s : 403]));
// Catalogue writes: for curators and admins the handler itself answers the
// deliberately empty or dangling request (422 body refused, 404 nothing to
// delete, 428 no If-Match), which shows the table let them through.
const curation = (s) => only(['admin', 'curator'], s);
// A school's data: its members and the inspector in scope read it (ok),
// admins anywhere; another school's is hidden (404).
const school = (ok) => ({
  anonymous: 401, admin: ok, curator: 403, coordinator: { A: ok, B: 404 },
  teacher: { A: ok, B: 404 }, inspector: { A: ok, B: 404 },
});
// What a school's coordinators (and admins) change; teachers and the
// inspector may not (403).
const coordinator = (ok) => ({
  anonymous: 401, admin: ok, curator: 403, coordinator: { A: ok, B: 404 },
  teacher: 403, inspector: 403,
});

// Each case: path(school) and optional body(); setup() runs before each
// call (e.g. a fresh user to delete).
const CASES = {
  'GET /api/v1/health': { path: () => '/api/v1/health', expect: everyone(200) },
  'GET /api/v1/openapi.json': { path: () => '/api/v1/openapi.json', expect: everyone(200) },

  'GET /api/v1/frameworks': { path: () => '/api/v1/frameworks', expect: everyone(200) },
  'GET /api/v1/frameworks/{code}': { path: () => '/api/v1/frameworks/CNU-DG-2019', expect: everyone(200) },
  'GET /api/v1/frameworks/{code}/goals': { path: () => '/api/v1/frameworks/CNU-DG-2019/goals', expect: everyone(200) },
  'GET /api/v1/goals': { path: () => '/api/v1/goals?framework=CNU-DG-2019', expect: everyone(200) },
  'GET /api/v1/goals/{id}': { path: async () => `/api/v1/goals/${(await catalogueIds()).goal}`, expect: everyone(200) },
  'GET /api/v1/levels': { path: () => '/api/v1/levels', expect: everyone(200) },
  'GET /api/v1/lessons': { path: () => '/api/v1/lessons', expect: everyone(200) },
  'GET /api/v1/lessons/{id}': { path: async () => `/api/v1/lessons/${(await catalogueIds()).lesson}`, expect: everyone(200) },
  'GET /api/v1/alignment-warnings': { path: () => '/api/v1/alignment-warnings', expect: everyone(200) },
  'GET /api/v1/relations/{id}': { path: async () => `/api/v1/relations/${(await catalogueIds()).relation}`, expect: everyone(200) },
  'GET /api/v1/alignments/{id}': { path: async () => `/api/v1/alignments/${(await catalogueIds()).alignment}`, expect: everyone(200) },
  'GET /api/v1/calendar/{school_year}': { path: () => '/api/v1/calendar/2026-2027?region=noord', expect: everyone(200) },

  // Catalogue writes: curators and admins only.  The body is empty on
  // purpose: the role check comes before anything is read.
  'POST /api/v1/frameworks': { path: () => '/api/v1/frameworks', body: () => ({}), expect: curation(422) },
  'PATCH /api/v1/frameworks/{code}': { path: () => '/api/v1/frameworks/NO-SUCH-FRAMEWORK', body: () => ({}), expect: curation(422) },
  'POST /api/v1/frameworks/{code}/goals': { path: () => '/api/v1/frameworks/NO-SUCH-FRAMEWORK/goals', body: () => ({}), expect: curation(422) },
  'PATCH /api/v1/goals/{id}': { path: () => `/api/v1/goals/${randomUuid()}`, body: () => ({}), expect: curation(422) },
  'DELETE /api/v1/goals/{id}': { path: () => `/api/v1/goals/${randomUuid()}`, expect: curation(404) },
  'POST /api/v1/goals/{id}/relations': { path: () => `/api/v1/goals/${randomUuid()}/relations`, body: () => ({}), expect: curation(422) },
  'DELETE /api/v1/relations/{id}': { path: () => `/api/v1/relations/${randomUuid()}`, expect: curation(404) },
  'POST /api/v1/lessons': { path: () => '/api/v1/lessons', body: () => ({}), expect: curation(422) },
  'PATCH /api/v1/lessons/{id}': { path: () => `/api/v1/lessons/${randomUuid()}`, body: () => ({}), expect: curation(428) },
  'DELETE /api/v1/lessons/{id}': { path: () => `/api/v1/lessons/${randomUuid()}`, expect: curation(428) },
  'POST /api/v1/lessons/{id}/alignments': { path: () => `/api/v1/lessons/${randomUuid()}/alignments`, body: () => ({}), expect: curation(422) },
  'DELETE /api/v1/alignments/{id}': { path: () => `/api/v1/alignments/${randomUuid()}`, expect: curation(404) },
  // CASE package import: the empty body is not a CFPackage.
  'POST /api/v1/case/packages': { path: () => '/api/v1/case/packages', body: () => ({}), expect: curation(422) },

  // Sessions and one's own account.
  'POST /api/v1/session': {
    path: () => '/api/v1/session',
    body: () => ({ email: demoEmail('teacher', 'B'), password: DEMO_PASSWORD }),
    expect: everyone(201),
  },
  'DELETE /api/v1/session': { path: () => '/api/v1/session', fresh: true, expect: users(204) },
  'GET /api/v1/me': { path: () => '/api/v1/me', expect: users(200) },
  // A wrong current password: 422 proves the request got past the table.
  'PUT /api/v1/me/password': {
    path: () => '/api/v1/me/password',
    body: () => ({ current_password: 'niet-het-wachtwoord', new_password: 'een heel nieuw wachtwoord' }),
    expect: users(422),
    after: clearFailures,
  },
  'POST /api/v1/invitation': {
    path: () => '/api/v1/invitation',
    body: () => ({ token: 'A'.repeat(43), password: 'een heel nieuw wachtwoord' }),
    expect: everyone(422),
  },
  // An unknown token: 422 proves the request got past the table.
  'POST /api/v1/me/memberships': {
    path: () => '/api/v1/me/memberships',
    body: () => ({ token: 'A'.repeat(43) }),
    expect: users(422),
  },

  // Schools.
  'GET /api/v1/schools': { path: () => '/api/v1/schools', expect: users(200) },
  'POST /api/v1/schools': {
    path: () => '/api/v1/schools',
    body: () => ({
      brin: `9${Math.floor(Math.random() * 10)}${unique().slice(0, 2).toUpperCase()}`,
      vestiging: String(Math.floor(Math.random() * 100)).padStart(2, '0'),
      name: 'Matrixschool (test)', type: 'PO', region: 'midden',
    }),
    expect: only(['admin'], 201),
  },
  'GET /api/v1/schools/{id}': {
    school: true, path: (s) => `/api/v1/schools/${SCHOOLS[s]}`,
    expect: {
      anonymous: 401, admin: 200, curator: 403,
      coordinator: { A: 200, B: 404 }, teacher: { A: 200, B: 404 }, inspector: { A: 200, B: 404 },
    },
  },
  'PATCH /api/v1/schools/{id}': {
    school: true, path: (s) => `/api/v1/schools/${SCHOOLS[s]}`,
    body: (s) => ({ municipality: s === 'A' ? 'Groningen' : 'Maastricht' }),
    expect: only(['admin'], 200),
  },
  'GET /api/v1/schools/{id}/members': {
    school: true, path: (s) => `/api/v1/schools/${SCHOOLS[s]}/members`,
    expect: coordinator(200),
  },
  'POST /api/v1/schools/{id}/teachers': {
    school: true, path: (s) => `/api/v1/schools/${SCHOOLS[s]}/teachers`,
    body: () => ({ email: `n-${unique()}@matrix.example`, display_name: 'Nieuwe leerkracht' }),
    expect: coordinator(201),
  },
  'DELETE /api/v1/schools/{id}/invitations/{invitation}': {
    school: true,
    setup: async (s) => ({ invitation: await freshInvitation(s) }),
    path: (s, f) => `/api/v1/schools/${SCHOOLS[s]}/invitations/${f.invitation}`,
    expect: coordinator(204),
  },
  'DELETE /api/v1/schools/{id}/teachers/{user}': {
    school: true,
    setup: async (s) => ({ user: await freshTeacher(s) }),
    path: (s, f) => `/api/v1/schools/${SCHOOLS[s]}/teachers/${f.user}`,
    expect: coordinator(204),
  },

  // People.
  'GET /api/v1/users': { path: () => '/api/v1/users', expect: only(['admin'], 200) },
  'POST /api/v1/users': {
    path: () => '/api/v1/users',
    body: () => ({ email: `u-${unique()}@matrix.example`, display_name: 'Nieuw' }),
    expect: only(['admin'], 201),
  },
  'GET /api/v1/users/{id}': {
    setup: async () => ({ user: (await login('teacher', 'A')).user_id }),
    path: (s, f) => `/api/v1/users/${f.user}`, expect: only(['admin'], 200),
  },
  'PATCH /api/v1/users/{id}': {
    setup: async () => ({ user: await freshUser() }),
    path: (s, f) => `/api/v1/users/${f.user}`, body: () => ({ display_name: 'Gewijzigd' }),
    expect: only(['admin'], 200),
  },
  'DELETE /api/v1/users/{id}': {
    setup: async () => ({ user: await freshUser() }),
    path: (s, f) => `/api/v1/users/${f.user}`, expect: only(['admin'], 204),
  },
  'POST /api/v1/users/{id}/invitation': {
    setup: async () => ({ user: await freshUser() }),
    path: (s, f) => `/api/v1/users/${f.user}/invitation`, expect: only(['admin'], 201),
  },

  'GET /api/v1/invitations': { path: () => '/api/v1/invitations', expect: only(['admin'], 200) },
  'POST /api/v1/invitations/{id}/link': {
    setup: async () => ({ invitation: await freshInvitation('A') }),
    path: (s, f) => `/api/v1/invitations/${f.invitation}/link`, expect: only(['admin'], 201),
  },

  'GET /api/v1/audit': { path: () => '/api/v1/audit', expect: only(['admin', 'inspector'], 200) },

  // School-year planning (h_plans.c).  Changes need If-Match: 428 proves a
  // request got past the authorization (and changed nothing, so the plan of
  // the fixture stays).  Titles start with "TEST-PLAN " (removed by the
  // plans tests' cleanup).
  ...planningCases(),
  ...activityCases(),
};

// An own activity of school key (with a goal, offered to the catalogue),
// made once by the admin.
const activityFixtures = {};
async function activityFixture(key) {
  if (!activityFixtures[key]) {
    const { headers } = await login('admin');
    const res = await api(`/api/v1/schools/${SCHOOLS[key]}/activities`, {
      method: 'POST', headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({
        title: `TEST-ACT matrix ${key} ${unique()}`, levels: ['groep-7'],
        goals: [(await catalogueIds()).goal], offered: true,
      }),
    });
    assert.equal(res.status, 201, res.text);
    activityFixtures[key] = { activity: res.json.id, title: res.json.title };
  }
  return activityFixtures[key];
}

// A school's own activities: members read, coordinators change (without
// If-Match: 428 after the table let them through), another school never
// sees them (404); curators list the offered ones and adopt.
function activityCases() {
  const one = (expect, body) => ({
    school: true, setup: activityFixture, expect, body,
    path: (s, f) => `/api/v1/schools/${SCHOOLS[s]}/activities/${f.activity}`,
  });
  return {
    'GET /api/v1/schools/{id}/activities': { school: true, path: (s) => `/api/v1/schools/${SCHOOLS[s]}/activities`, expect: school(200) },
    'POST /api/v1/schools/{id}/activities': {
      school: true, path: (s) => `/api/v1/schools/${SCHOOLS[s]}/activities`,
      body: () => ({ title: `TEST-ACT matrix ${unique()}`, levels: ['groep-5'] }), expect: coordinator(201),
    },
    'GET /api/v1/schools/{id}/activities/{activity}': one(school(200)),
    'PATCH /api/v1/schools/{id}/activities/{activity}': one(coordinator(428), () => ({ notes: 'x' })),
    'DELETE /api/v1/schools/{id}/activities/{activity}': one(coordinator(428)),
    'GET /api/v1/activities/offered': { path: () => '/api/v1/activities/offered', expect: curation(200) },
    // The proposed leerlijn: computing it changes nothing (members, admins);
    // applying it is the coordinators' (an empty item list: 422 after the
    // table let them through).
    'POST /api/v1/schools/{id}/proposal': {
      school: true, path: (s) => `/api/v1/schools/${SCHOOLS[s]}/proposal`,
      body: () => ({ from: '2026-2027', per_level: 1 }),
      expect: { ...school(200), inspector: 403 },
    },
    'POST /api/v1/schools/{id}/proposal/apply': {
      school: true, path: (s) => `/api/v1/schools/${SCHOOLS[s]}/proposal/apply`,
      body: () => ({ as: 'plans', items: [] }), expect: coordinator(422),
    },
    'POST /api/v1/activities/{id}/adopt': {
      path: () => `/api/v1/activities/${randomUuid()}/adopt`,
      body: () => ({ source_url: 'https://example.org/bron' }), expect: curation(404),
    },
  };
}

// A plan with one item (for the teacher of that school) and a template in
// school key, made once by the admin.
const planFixtures = {};
async function planFixture(key) {
  if (!planFixtures[key]) {
    const { headers } = await login('admin');
    const h = { ...headers, 'content-type': 'application/json' };
    const post = async (path, body, more = {}) => {
      const res = await api(path, { method: 'POST', headers: { ...h, ...more }, body: JSON.stringify(body) });
      assert.ok([200, 201].includes(res.status), res.text);
      return res.json;
    };
    const lesson = (await catalogueIds()).lesson;
    const plan = await post(`/api/v1/schools/${SCHOOLS[key]}/plans`,
      { school_year: '2026-2027', title: `TEST-PLAN matrix ${unique()}` });
    const item = await post(`/api/v1/plans/${plan.id}/items`, {
      lesson_id: lesson, level: 'havo-2', week: '2026-W40', teacher_id: (await login('teacher', key)).user_id,
    }, { 'if-match': '"1"' });
    const template = await post(`/api/v1/schools/${SCHOOLS[key]}/templates`,
      { title: `TEST-PLAN matrix ${unique()}`, items: [{ lesson_id: lesson, level: 'havo-2', week: 40 }] });
    planFixtures[key] = { plan: plan.id, item: item.id, template: template.id };
  }
  return planFixtures[key];
}

function planningCases() {
  const member = (ok) => ({ ...school(ok), inspector: 403 });
  const onPlan = (suffix, expect, body) => ({
    school: true, setup: planFixture, expect, body,
    path: (s, f) => `/api/v1/plans/${f.plan}${suffix.replace('{item}', f.item)}`,
  });
  const title = () => ({ title: `TEST-PLAN matrix ${unique()}` });
  return {
    'GET /api/v1/schools/{id}/plans': { school: true, path: (s) => `/api/v1/schools/${SCHOOLS[s]}/plans`, expect: school(200) },
    'POST /api/v1/schools/{id}/plans': {
      school: true, path: (s) => `/api/v1/schools/${SCHOOLS[s]}/plans`,
      body: () => ({ school_year: '2026-2027', ...title() }), expect: coordinator(201),
    },
    'GET /api/v1/schools/{id}/leerlijn': { school: true, path: (s) => `/api/v1/schools/${SCHOOLS[s]}/leerlijn`, expect: school(200) },
    'GET /api/v1/schools/{id}/templates': { school: true, path: (s) => `/api/v1/schools/${SCHOOLS[s]}/templates`, expect: school(200) },
    'POST /api/v1/schools/{id}/templates': {
      school: true, path: (s) => `/api/v1/schools/${SCHOOLS[s]}/templates`,
      body: () => ({ ...title(), items: [] }), expect: coordinator(201),
    },
    'GET /api/v1/plans/{id}': onPlan('', school(200)),
    'PATCH /api/v1/plans/{id}': onPlan('', coordinator(428), () => ({ note: 'x' })),
    'DELETE /api/v1/plans/{id}': onPlan('', coordinator(428)),
    'POST /api/v1/plans/{id}/items': onPlan('/items', coordinator(428), () => ({ level: 'havo-2', week: '2026-W41', kind: 'terugkommoment' })),
    'GET /api/v1/plans/{id}/items/{item}': onPlan('/items/{item}', school(200)),
    'PATCH /api/v1/plans/{id}/items/{item}': onPlan('/items/{item}', member(428), () => ({ notes: 'x' })),
    'DELETE /api/v1/plans/{id}/items/{item}': onPlan('/items/{item}', coordinator(428)),
    'POST /api/v1/plans/{id}/bulk': onPlan('/bulk', coordinator(428), () => ({ create: [] })),
    'POST /api/v1/plans/{id}/copy': onPlan('/copy', coordinator(201), title),
    'GET /api/v1/plans/{id}/calendar.ics': onPlan('/calendar.ics', school(200)),
    'GET /api/v1/plans/{id}/export.csv': onPlan('/export.csv', school(200)),
    'GET /api/v1/plans/{id}/export.xlsx': onPlan('/export.xlsx', school(200)),
    'GET /api/v1/plans/{id}/coverage': onPlan('/coverage', school(200)),
    'GET /api/v1/schools/{id}/coverage': { school: true, path: (s) => `/api/v1/schools/${SCHOOLS[s]}/coverage`, expect: school(200) },
    'GET /api/v1/reports/coverage': { path: () => '/api/v1/reports/coverage', expect: only(['admin', 'coordinator', 'teacher', 'inspector'], 200) },
    'GET /api/v1/templates/{id}': {
      school: true, setup: planFixture, path: (s, f) => `/api/v1/templates/${f.template}`, expect: school(200),
    },
    'DELETE /api/v1/templates/{id}': {
      school: true, setup: planFixture, path: (s, f) => `/api/v1/templates/${f.template}`, expect: coordinator(428),
    },
    'POST /api/v1/plans/{id}/feeds': onPlan('/feeds', member(201)),
    'DELETE /api/v1/plans/{id}/feeds': onPlan('/feeds', member(204)),
    // A feed is opened by its token alone: an unknown one is 404 for all.
    'GET /api/v1/feeds/{token}/calendar.ics': {
      path: () => `/api/v1/feeds/${randomBytes(32).toString('base64url')}/calendar.ics`, expect: everyone(404),
    },
    'POST /api/v1/templates/{id}/apply': {
      school: true, setup: planFixture, path: (s, f) => `/api/v1/templates/${f.template}/apply`,
      body: () => ({ school_year: '2027-2028', ...title() }), expect: coordinator(201),
    },
  };
}

async function clearFailures() {
  const c = await db();
  await c.query('DELETE FROM login_failure');
  await c.end();
}

async function routesOfTheApplication() {
  const text = await readFile(`${ROOT}api/http/routes.c`, 'utf8');
  return [...text.matchAll(/\{\s*RM_(GET|POST|PUT|PATCH|DELETE),\s*"([^"]+)"/g)]
    .map((m) => `${m[1]} ${m[2]}`);
}

async function headersFor(role, fresh) {
  if (role === 'anonymous') return {};
  const name = role;
  if (fresh) {
    const res = await api('/api/v1/session', {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: demoEmail(name, 'A'), password: DEMO_PASSWORD }),
    });
    assert.equal(res.status, 201);
    return { authorization: `Bearer ${res.json.token}` };
  }
  return (await login(name, 'A')).headers;
}

test('the matrix names every route of routes.c, and nothing else', async () => {
  const routes = await routesOfTheApplication();
  assert.ok(routes.length >= 30);
  const missing = routes.filter((r) => !(r in CASES));
  assert.deepEqual(missing, [], 'routes without an entry in the authorization matrix');
});

test('every route as every role, on its own school and another one', async () => {
  const routes = new Set(await routesOfTheApplication());
  const failures = [];
  let calls = 0;
  for (const [key, c] of Object.entries(CASES)) {
    if (!routes.has(key)) continue; // routed on another part of the application
    const [method] = key.split(' ');
    for (const role of ROLES) {
      for (const school of c.school ? [OWN, OTHER] : [OWN]) {
        const fixture = c.setup ? await c.setup(school) : {};
        const path = await c.path(school, fixture);
        const headers = await headersFor(role, c.fresh);
        const opts = { method, headers };
        if (c.body) {
          opts.headers = { ...headers, 'content-type': 'application/json' };
          opts.body = JSON.stringify(c.body(school));
        }
        const res = await api(path, opts);
        calls++;
        let want = c.expect[role];
        if (typeof want === 'object') want = want[school];
        if (res.status !== want) failures.push(`${key} as ${role} on ${school}: ${res.status}, want ${want} (${res.text.slice(0, 120)})`);
        if (res.status >= 400) assert.equal(res.type, 'application/problem+json', `${key} as ${role}`);
        if (res.status === 401) assert.match(res.headers.get('www-authenticate') ?? '', /^Bearer/);
        if (c.after) await c.after();
      }
    }
  }
  assert.deepEqual(failures, []);
  const expected = [...routes].reduce((n, r) => n + ROLES.length * (CASES[r]?.school ? 2 : 1), 0);
  assert.equal(calls, expected);
  assert.ok(calls >= 200);
});

test('a coordinator or teacher of school B is refused on school A just the same', async () => {
  for (const role of ['coordinator', 'teacher']) {
    const { headers } = await login(role, 'B');
    const own = await api(`/api/v1/schools/${SCHOOLS.B}`, { headers });
    assert.equal(own.status, 200);
    const other = await api(`/api/v1/schools/${SCHOOLS.A}`, { headers });
    assert.equal(other.status, 404);
    const list = await api('/api/v1/schools', { headers });
    assert.deepEqual(list.json.items.map((s) => s.id), [SCHOOLS.B]);
  }
  // The second teacher of A sees A.
  const t2 = await login('teacher2', 'A');
  assert.equal((await api(`/api/v1/schools/${SCHOOLS.A}`, { headers: t2.headers })).status, 200);
  assert.equal((await api(`/api/v1/schools/${SCHOOLS.B}`, { headers: t2.headers })).status, 404);
});

test('a school id that is not a UUID or does not exist is 404 for everyone', async () => {
  for (const role of ['admin', 'coordinator', 'inspector']) {
    const { headers } = await login(role, 'A');
    for (const id of ['nope', randomUuid()]) {
      const res = await api(`/api/v1/schools/${id}`, { headers });
      assert.equal(res.status, 404, `${role} ${id}`);
    }
  }
});

test('a school never sees another school\'s own activities', async () => {
  const { activity, title } = await activityFixture(OWN);
  const words = encodeURIComponent(title);
  for (const role of ['coordinator', 'teacher']) {
    const other = (await login(role, OTHER)).headers;
    const own = (await login(role, OWN)).headers;
    // the detail and the finder: 404 for the other school, found for its own
    assert.equal((await api(`/api/v1/lessons/${activity}`, { headers: other })).status, 404);
    assert.equal((await api(`/api/v1/lessons/${activity}`, { headers: own })).status, 200);
    assert.equal((await api(`/api/v1/lessons/${activity}`)).status, 404, 'anonymous');
    assert.equal((await api(`/api/v1/lessons?school=${SCHOOLS[OWN]}`, { headers: other })).status, 404);
    const mine = await api(`/api/v1/lessons?school=${SCHOOLS[OWN]}&q=${words}&limit=100`, { headers: own });
    assert.equal(mine.status, 200);
    assert.ok(mine.json.items.some((i) => i.id === activity), `${role}: own activity in the finder`);
    const theirs = await api(`/api/v1/lessons?school=${SCHOOLS[OTHER]}&q=${words}&limit=100`, { headers: other });
    assert.equal(theirs.status, 200);
    assert.ok(!theirs.json.items.some((i) => i.id === activity), `${role}: not in the other school's finder`);
    const open = await api(`/api/v1/lessons?q=${words}&limit=100`, { headers: other });
    assert.ok(!open.json.items.some((i) => i.id === activity), 'not in the shared catalogue');
    const list = await api(`/api/v1/schools/${SCHOOLS[OTHER]}/activities`, { headers: other });
    assert.ok(!list.json.items.some((i) => i.id === activity));
  }
  // nor can it plan one: the same answer as for a lesson that does not exist
  const coordB = (await login('coordinator', OTHER)).headers;
  const plan = await api(`/api/v1/schools/${SCHOOLS[OTHER]}/plans`, {
    method: 'POST', headers: { ...coordB, 'content-type': 'application/json' },
    body: JSON.stringify({ school_year: '2026-2027', title: `TEST-PLAN matrix ${unique()}` }),
  });
  assert.equal(plan.status, 201, plan.text);
  const item = await api(`/api/v1/plans/${plan.json.id}/items`, {
    method: 'POST', headers: { ...coordB, 'content-type': 'application/json', 'if-match': `"${plan.json.version}"` },
    body: JSON.stringify({ lesson_id: activity, level: 'havo-2', week: '2026-W40' }),
  });
  assert.equal(item.status, 422);
  assert.equal(item.json.errors[0].field, 'lesson_id');
  // the public lists do not name it
  const warnings = await api('/api/v1/alignment-warnings?limit=500');
  assert.ok(!warnings.text.includes(activity));
});
