// Input checked to the leaf and the smaller findings of issue 16: L2, L3,
// L6, L8, e-mail addresses in the log, request smuggling, feeds of another
// school's teacher, deep goal trees, and `make run`
// with a standard output that cannot be reopened by name.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { readFile } from 'node:fs/promises';
import { api, assertProblem, BASE, db, demoSchools, login, sh } from './lib.mjs';
import { asAdmin, unique } from './accounts_lib.mjs';
import { samplePackage, postPackage } from './case_lib.mjs';
import { freePort } from './mail_lib.mjs';

const SRC = 'tests/integration/hardening_checks.test.mjs';
const S = demoSchools();

async function as(role, method, path, body, school) {
  const { headers } = await login(role, school);
  return api(path, {
    method,
    headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

after(async () => {
  const c = await db();
  try {
    await c.query("SELECT set_config('leerlijn.audit', 'off', false)");
    await c.query("DELETE FROM lesson WHERE source = $1", [SRC]);
    await c.query(`DELETE FROM goal WHERE framework_id IN (SELECT id FROM framework WHERE code LIKE 'ZZH-%')
      AND parent_id IS NOT NULL`);
    for (let i = 0; i < 70; i++) {
      const { rowCount } = await c.query(`DELETE FROM goal g WHERE framework_id IN
        (SELECT id FROM framework WHERE code LIKE 'ZZH-%') AND NOT EXISTS (SELECT 1 FROM goal c WHERE c.parent_id = g.id)`);
      if (rowCount === 0) break;
    }
    await c.query("DELETE FROM framework WHERE code LIKE 'ZZH-%'");
    await c.query("DELETE FROM app_user WHERE email LIKE '%@hardening.example'");
    await c.query("DELETE FROM plan WHERE title LIKE 'TEST-PLAN hardening%'");
  } finally {
    await c.end();
  }
});

// The id of the first goal of the tree of CNU-DG-2019.
async function firstGoal() {
  const tree = await api('/api/v1/frameworks/CNU-DG-2019/goals');
  assert.equal(tree.status, 200);
  return tree.json.goals[0].id;
}

async function draftLesson() {
  const res = await as('curator', 'POST', '/api/v1/lessons', {
    code: `ZZH-CONCEPT-${unique()}`, title: 'Conceptles (test)', source: SRC, status: 'draft',
    levels: ['havo-2'],
  });
  assert.equal(res.status, 201, res.text);
  return res.json;
}

test('L6: a draft lesson is the curators\' only: by id, in the warnings, on goal pages and in CASE', async () => {
  const lesson = await draftLesson();
  assertProblem(assert, await api(`/api/v1/lessons/${lesson.id}`), 404);
  assertProblem(assert, await as('teacher', 'GET', `/api/v1/lessons/${lesson.id}`), 404);
  assert.equal((await as('curator', 'GET', `/api/v1/lessons/${lesson.id}`)).status, 200);
  // Aligned to a goal for primary school (a level mismatch, so a stored
  // warning): the goal page and the warnings show it to curators only.
  const c = await db();
  const { rows } = await c.query(`SELECT g.id FROM goal g WHERE EXISTS (SELECT 1 FROM goal_level gl
    JOIN level v ON v.id = gl.level_id WHERE gl.goal_id = g.id AND v.code = 'po')
    AND NOT EXISTS (SELECT 1 FROM goal_level gl JOIN level v ON v.id = gl.level_id
    WHERE gl.goal_id = g.id AND v.code = 'havo-2') ORDER BY g.id LIMIT 1`);
  await c.end();
  const goalId = rows[0].id;
  const al = await as('curator', 'POST', `/api/v1/lessons/${lesson.id}/alignments`,
    { goal_id: goalId, source: SRC, confidence: 'inferred', published_code: 'ZZ9', published_label: 'ZZ9 Iets anders' });
  assert.equal(al.status, 201, al.text);
  const pub = await api(`/api/v1/goals/${goalId}`);
  assert.equal(pub.status, 200);
  assert.ok(!pub.json.lessons.some((l) => l.id === lesson.id), 'no draft on the public goal page');
  const cur = await as('curator', 'GET', `/api/v1/goals/${goalId}`);
  assert.ok(cur.json.lessons.some((l) => l.id === lesson.id));
  const all = async (who) => {
    const res = who ? await as(who, 'GET', '/api/v1/alignment-warnings?limit=500') : await api('/api/v1/alignment-warnings?limit=500');
    assert.equal(res.status, 200);
    return JSON.stringify(res.json);
  };
  assert.doesNotMatch(await all(null), new RegExp(lesson.id));
  assert.match(await all('curator'), new RegExp(lesson.id));
  // Nor is it an exemplar of the goal in the CASE provider, until it is
  // published.
  const exemplars = async () => {
    const res = await api(`/ims/case/v1p0/CFItemAssociations/${goalId}`);
    assert.equal(res.status, 200);
    return JSON.stringify(res.json);
  };
  assert.doesNotMatch(await exemplars(), new RegExp(lesson.id));
  const c2 = await db();
  await c2.query(`UPDATE lesson SET status = 'published' WHERE id = $1`, [lesson.id]);
  await c2.end();
  assert.match(await exemplars(), new RegExp(lesson.id));
});

test('L8: key messages are checked field by field', async () => {
  for (const km of [[{ number: 1 }], [{ number: 'een', title: 'x' }], [{ number: 1, title: 'x', extra: 1 }],
    [{ number: 1, title: 'x', items: [5] }], ['tekst']]) {
    const res = await as('curator', 'POST', '/api/v1/lessons', {
      code: `ZZH-KM-${unique()}`, title: 'Les met kernboodschap', source: SRC, key_messages: km,
    });
    assertProblem(assert, res, 422);
    assert.equal(res.json.errors[0].field, 'key_messages', JSON.stringify(km));
  }
  const ok = await as('curator', 'POST', '/api/v1/lessons', {
    code: `ZZH-KM-${unique()}`, title: 'Les met kernboodschap', source: SRC,
    key_messages: [{ number: 1, title: 'Er is hulp', text: 'Praat erover.', items: ['a', 'b'] }],
  });
  assert.equal(ok.status, 201, ok.text);
});

test('L2: a CASE package with a javascript: source URL is refused', async () => {
  const { pkg } = samplePackage();
  pkg.CFDocument.officialSourceURL = 'javascript:alert(1)';
  const res = await postPackage(pkg, (await login('curator')).headers);
  assertProblem(assert, res, 422);
  assert.ok(res.json.errors.some((e) => e.field === 'CFDocument.officialSourceURL'), res.text);
});

test('L3: a CASE association identifier of another framework is a conflict (409)', async () => {
  // An isChildOf association that the provider serves for CNU-DG-2019.
  const assoc = await api('/ims/case/v1p0/CFPackages/' +
    (await api('/ims/case/v1p0/CFDocuments')).json.CFDocuments.find((d) => /Curriculum\.nu|digitale geletterdheid/i.test(d.title))?.identifier);
  const foreign = assoc.json.CFAssociations.find((a) => a.associationType === 'isChildOf').identifier;
  const { pkg } = samplePackage();
  pkg.CFAssociations[0].identifier = foreign;
  pkg.CFAssociations[0].uri = `https://case.example.org/CFAssociations/${foreign}`;
  const res = await postPackage(pkg, (await login('curator')).headers);
  assertProblem(assert, res, 409);
  assert.ok(res.json.errors.some((e) => e.field === 'CFAssociations[0].identifier'), res.text);
});

test('e-mail addresses never reach the log through PostgreSQL DETAIL lines', async () => {
  const email = `dubbel-${unique()}@hardening.example`;
  const from = (await readFile(process.env.LEERLIJN_KORE_LOG, 'utf8')).length;
  assert.equal((await asAdmin('/api/v1/users', 'POST', { email, display_name: 'Eerste' })).status, 201);
  assertProblem(assert, await asAdmin('/api/v1/users', 'POST', { email, display_name: 'Tweede' }), 409);
  await new Promise((r) => setTimeout(r, 300));
  const log = (await readFile(process.env.LEERLIJN_KORE_LOG, 'utf8')).slice(from);
  assert.match(log, /acc_user_create failed \(23505\) on app_user_email_key/);
  assert.doesNotMatch(log, new RegExp(email.replace(/[.]/g, '\\.')));
  assert.doesNotMatch(log, /DETAIL/);
});

// A raw HTTP/1.1 exchange; resolves with the status line and the time.
function raw(text) {
  const url = new URL(BASE);
  return new Promise((resolve, reject) => {
    const t0 = Date.now();
    const s = connect(Number(url.port), url.hostname, () => s.write(text));
    let got = '';
    s.on('data', (d) => { got += d; if (/\r\n\r\n/.test(got)) { s.destroy(); resolve({ line: got.split('\r\n')[0], ms: Date.now() - t0 }); } });
    s.on('error', reject);
    s.on('close', () => resolve({ line: got.split('\r\n')[0], ms: Date.now() - t0 }));
    s.setTimeout(30000, () => s.destroy());
  });
}

test('a body framed by both Transfer-Encoding and Content-Length is refused at once (400)', async () => {
  const body = '{"email":"x@y.z","password":"abcdefghijkl"}';
  const chunked = `${body.length.toString(16)}\r\n${body}\r\n0\r\n\r\n`;
  const res = await raw(`POST /api/v1/session HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n` +
    `Transfer-Encoding: chunked\r\nContent-Length: ${chunked.length}\r\n\r\n${chunked}`);
  assert.match(res.line, /^HTTP\/1\.1 400/);
  assert.ok(res.ms < 2000, `${res.ms} ms`);
  // A body shorter than announced waits at most the body timeout.
  const short = await raw(`POST /api/v1/session HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n` +
    `Transfer-Encoding: chunked\r\nContent-Length: 500\r\n\r\n0\r\n\r\n`);
  assert.ok(short.ms < 20000, `${short.ms} ms`);
});

test('a calendar feed cannot be filtered on another school\'s teacher', async () => {
  const plan = await as('coordinator', 'POST', `/api/v1/schools/${S.A}/plans`,
    { school_year: '2026-2027', title: `TEST-PLAN hardening ${unique()}` }, 'A');
  assert.equal(plan.status, 201, plan.text);
  const other = (await login('teacher', 'B')).user_id;
  const res = await as('coordinator', 'POST', `/api/v1/plans/${plan.json.id}/feeds`, { teacher: other }, 'A');
  assertProblem(assert, res, 422);
  assert.equal(res.json.errors[0].field, 'teacher');
  const own = (await login('teacher', 'A')).user_id;
  assert.equal((await as('coordinator', 'POST', `/api/v1/plans/${plan.json.id}/feeds`, { teacher: own }, 'A')).status, 201);
});

test('/frameworks/{code}/goals shows a deep tree whole; a goal deeper than 64 levels is refused', async () => {
  const code = `ZZH-DIEP-${unique().slice(0, 4).toUpperCase()}`;
  const fw = await as('curator', 'POST', '/api/v1/frameworks', { code, title: 'Diep kader (test)', source: SRC, status: 'concept' });
  assert.equal(fw.status, 201, fw.text);
  let parent = null;
  for (let d = 1; d <= 64; d++) {
    const res = await as('curator', 'POST', `/api/v1/frameworks/${code}/goals`,
      { code: `D${d}`, kind: 'doel', title: `Niveau ${d}`, confidence: 'inferred', source: SRC, ...(parent ? { parent_id: parent } : {}) });
    assert.equal(res.status, 201, `${d}: ${res.text}`);
    parent = res.json.id;
  }
  const tooDeep = await as('curator', 'POST', `/api/v1/frameworks/${code}/goals`,
    { code: 'D65', kind: 'doel', title: 'Niveau 65', confidence: 'inferred', source: SRC, parent_id: parent });
  assertProblem(assert, tooDeep, 422);
  assert.equal(tooDeep.json.errors[0].field, 'parent_id');
  const tree = await api(`/api/v1/frameworks/${code}/goals`);
  assert.equal(tree.status, 200, tree.text);
  let depth = 0;
  let nodes = tree.json.goals;
  while (nodes && nodes.length > 0) {
    depth++;
    nodes = nodes[0].children;
  }
  assert.equal(depth, 64);
});

test('kore_start (make run) works when standard output cannot be reopened by name', async () => {
  const port = await freePort();
  // node gives the child a socket as standard output: /dev/stdout cannot
  // be opened on it.
  const r = await sh('bash', ['-c', `. scripts/lib.sh; export LEERLIJN_LISTEN=127.0.0.1:${port} LEERLIJN_WORKERS=1;
    conf=$(mktemp); kore_start "$conf" && echo STARTED; kill $kore_pid; wait $kore_pid 2>/dev/null; rm -f "$conf"`]);
  assert.match(r.stdout, /STARTED/, r.stderr);
});
