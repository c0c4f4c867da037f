// School-year planning: plans and items, ETag/If-Match, the planning
// checks, holidays per region, roles, copying to the next year, the
// continuous line, programme templates and bulk edits (issue 5).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { assertProblem, db, login } from './lib.mjs';
import { call, addItem, cleanup, codes, fixtures, newPlan, NEXT, PREFIX, YEAR } from './plans_lib.mjs';
import { acceptInvitation } from './accounts_lib.mjs';

let F;
before(async () => { F = await fixtures(); });
after(cleanup);

const A = () => F.schools.A;
const COORD = 'coordinator/A';

async function count(sql, params) {
  const c = await db();
  try {
    const { rows: [{ n }] } = await c.query(sql, params);
    return n;
  } finally {
    await c.end();
  }
}

test('a plan: create, read, list, change with If-Match, status, delete', async () => {
  const res = await call(COORD, 'POST', `/api/v1/schools/${A()}/plans`,
    { body: { school_year: YEAR, title: `${PREFIX}crud`, note: 'Preventie in groep 5 tot en met 8' } });
  assert.equal(res.status, 201);
  assert.equal(res.headers.get('location'), `/api/v1/plans/${res.json.id}`);
  assert.equal(res.headers.get('etag'), '"1"');
  assert.equal(res.json.status, 'concept');
  assert.equal(res.json.school_year, YEAR);
  assert.equal(res.json.school.region, 'noord');
  assert.deepEqual(res.json.items, []);
  const id = res.json.id;
  // Groep 1 to 8 of demo school A each get a "no lesson this year" warning.
  assert.deepEqual(res.json.warnings.map((w) => w.level),
    ['groep-1', 'groep-2', 'groep-3', 'groep-4', 'groep-5', 'groep-6', 'groep-7', 'groep-8']);
  assert.ok(res.json.warnings.every((w) => w.code === 'level_without_lesson' && /preventieles/.test(w.message)));

  const list = await call(COORD, 'GET', `/api/v1/schools/${A()}/plans?school_year=${YEAR}`);
  assert.equal(list.status, 200);
  assert.ok(list.json.plans.some((p) => p.id === id && p.items === 0));
  assert.equal(list.json.total, list.json.plans.length);

  // Without If-Match 428, with a stale one 412; neither changes anything.
  assertProblem(assert, await call(COORD, 'PATCH', `/api/v1/plans/${id}`, { body: { title: `${PREFIX}x` } }), 428);
  assertProblem(assert, await call(COORD, 'PATCH', `/api/v1/plans/${id}`,
    { body: { title: `${PREFIX}x` }, ifMatch: '"7"' }), 412);
  assertProblem(assert, await call(COORD, 'PATCH', `/api/v1/plans/${id}`,
    { body: { title: `${PREFIX}x` }, ifMatch: 'zeven' }), 400);
  let got = await call(COORD, 'GET', `/api/v1/plans/${id}`);
  assert.equal(got.json.title, `${PREFIX}crud`);
  assert.equal(got.headers.get('etag'), '"1"');

  const up = await call(COORD, 'PATCH', `/api/v1/plans/${id}`,
    { body: { title: `${PREFIX}crud 2`, status: 'vastgesteld' }, ifMatch: '"1"' });
  assert.equal(up.status, 200);
  assert.equal(up.headers.get('etag'), '"2"');
  assert.equal(up.json.status, 'vastgesteld');
  // The old ETag is stale now.
  assertProblem(assert, await call(COORD, 'DELETE', `/api/v1/plans/${id}`, { ifMatch: '"1"' }), 412);
  assertProblem(assert, await call(COORD, 'DELETE', `/api/v1/plans/${id}`), 428);
  assert.equal((await call(COORD, 'DELETE', `/api/v1/plans/${id}`, { ifMatch: '"2"' })).status, 204);
  assertProblem(assert, await call(COORD, 'GET', `/api/v1/plans/${id}`), 404);
});

test('bad plan input is refused and changes nothing', async () => {
  const before = await count('SELECT count(*)::int AS n FROM plan');
  const url = `/api/v1/schools/${A()}/plans`;
  const bad = [
    [{ title: `${PREFIX}a` }, 422, 'school_year'],
    [{ school_year: '2026/2027', title: `${PREFIX}a` }, 422, 'school_year'],
    [{ school_year: '2031-2032', title: `${PREFIX}a` }, 422, 'school_year'],
    [{ school_year: YEAR, title: '' }, 422, 'title'],
    [{ school_year: YEAR, title: 'x'.repeat(201) }, 422, 'title'],
    [{ school_year: YEAR, title: `${PREFIX}a`, status: 'klaar' }, 422, 'status'],
    [{ school_year: YEAR, title: `${PREFIX}a`, colour: 'rood' }, 422, 'colour'],
    [{ school_year: YEAR, title: 7 }, 422, 'title'],
  ];
  for (const [body, status, field] of bad) {
    const res = await call(COORD, 'POST', url, { body });
    assertProblem(assert, res, status);
    assert.ok(res.json.errors.some((e) => e.field === field), `${JSON.stringify(body)}: ${res.text}`);
  }
  const h = { ...(await login('coordinator', 'A')).headers, 'content-type': 'application/json' };
  const plain = await fetch(process.env.LEERLIJN_URL + url, {
    method: 'POST', headers: { ...h, 'content-type': 'text/plain' }, body: JSON.stringify({ school_year: YEAR, title: `${PREFIX}t` }),
  });
  assert.equal(plain.status, 415);
  assertProblem(assert, await call(h, 'POST', url), 400);   // no body
  const broken = await fetch(process.env.LEERLIJN_URL + url, { method: 'POST', headers: h, body: '{"title": ' });
  assert.equal(broken.status, 400);
  const bin = await fetch(process.env.LEERLIJN_URL + url, { method: 'POST', headers: h, body: Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x7d]) });
  assert.equal(bin.status, 400);
  // The same title twice in one school year: 409.
  await newPlan(COORD, A(), 'dubbel');
  const dup = await call(COORD, 'POST', url, { body: { school_year: YEAR, title: `${PREFIX}dubbel` } });
  assertProblem(assert, dup, 409);
  assert.equal(await count('SELECT count(*)::int AS n FROM plan'), before + 1);
});

test('items: weeks and dates in the school year, If-Match of the plan, versions', async () => {
  const p = await newPlan(COORD, A(), 'items');
  const url = `/api/v1/plans/${p.id}/items`;
  const item = { lesson_id: F.lesson['TEST-PO-1'], level: 'groep-6', week: '2026-W45', class_name: '6B' };
  assertProblem(assert, await call(COORD, 'POST', url, { body: item }), 428);
  assertProblem(assert, await call(COORD, 'POST', url, { body: item, ifMatch: '"9"' }), 412);
  const res = await call(COORD, 'POST', url, { body: item, ifMatch: p.etag });
  assert.equal(res.status, 201);
  assert.equal(res.headers.get('location'), `${url}/${res.json.id}`);
  assert.equal(res.headers.get('etag'), '"1"');
  assert.equal(res.json.week, '2026-W45');
  assert.equal(res.json.starts_on, '2026-11-02');
  assert.equal(res.json.ends_on, '2026-11-06');
  assert.equal(res.json.status, 'gepland');
  assert.equal(res.json.lesson.code, 'TEST-PO-1');
  assert.deepEqual(res.json.warnings, []);
  // The plan's version went up with the item: the old plan ETag is stale.
  assertProblem(assert, await call(COORD, 'POST', url,
    { body: { ...item, week: '2026-W46' }, ifMatch: p.etag }), 412);
  const plan = await call(COORD, 'GET', `/api/v1/plans/${p.id}`);
  assert.equal(plan.headers.get('etag'), '"2"');
  assert.equal(plan.json.items.length, 1);

  const dated = await addItem(COORD, p.id, { lesson_id: F.lesson['TEST-PO-1'], level: 'groep-5', date: '2027-03-10' });
  assert.equal(dated.week, null);
  assert.equal(dated.starts_on, '2027-03-10');
  assert.equal(dated.ends_on, '2027-03-10');

  const before = await count('SELECT count(*)::int AS n FROM plan_item WHERE plan_id = $1', [p.id]);
  const etag = (await call(COORD, 'GET', `/api/v1/plans/${p.id}`)).headers.get('etag');
  const bad = [
    [{ ...item, week: '2027-W53' }, 'week'],               // 2027 has 52 weeks
    [{ ...item, week: '2026-W30' }, 'week'],               // before 1 August
    [{ ...item, week: '2027-W31' }, 'week'],               // after 31 July
    [{ ...item, date: '2027-08-01', week: undefined }, 'date'],
    [{ ...item, date: '2027-02-30', week: undefined }, 'date'],
    [{ ...item, date: '2026-10-14' }, 'date'],             // week and date
    [{ lesson_id: F.lesson['TEST-PO-1'], level: 'groep-6' }, 'week'],
    [{ ...item, level: 'po' }, 'level'],                   // not one school year
    [{ ...item, level: 'groep-9' }, 'level'],
    [{ ...item, lesson_id: '00000000-0000-4000-8000-000000000000' }, 'lesson_id'],
    [{ ...item, lesson_id: 'les-1' }, 'lesson_id'],
    [{ ...item, lesson_id: undefined }, 'lesson_id'],
    [{ ...item, teacher_id: (await login('teacher', 'B')).user_id }, 'teacher_id'],
    [{ ...item, status: 'klaar' }, 'status'],
    [{ ...item, class_name: 'x'.repeat(41) }, 'class_name'],
    [{ ...item, given_on: '2026-11-03' }, 'given_on'],     // not given
    [{ ...item, extra: 1 }, 'extra'],
  ];
  for (const [body, field] of bad) {
    const res2 = await call(COORD, 'POST', url, { body: JSON.parse(JSON.stringify(body)), ifMatch: etag });
    assertProblem(assert, res2, 422);
    assert.ok(res2.json.errors.some((e) => e.field === field), `${field}: ${res2.text}`);
  }
  assert.equal(await count('SELECT count(*)::int AS n FROM plan_item WHERE plan_id = $1', [p.id]), before);
  assert.equal((await call(COORD, 'GET', `/api/v1/plans/${p.id}`)).headers.get('etag'), etag, 'nothing changed');

  // PATCH and DELETE of an item use the item's own version.
  const iurl = `${url}/${res.json.id}`;
  assertProblem(assert, await call(COORD, 'PATCH', iurl, { body: { week: '2026-W47' } }), 428);
  assertProblem(assert, await call(COORD, 'PATCH', iurl, { body: { week: '2026-W47' }, ifMatch: '"2"' }), 412);
  const moved = await call(COORD, 'PATCH', iurl, { body: { week: '2026-W47', notes: 'na de herfst' }, ifMatch: '"1"' });
  assert.equal(moved.status, 200);
  assert.equal(moved.headers.get('etag'), '"2"');
  assert.equal(moved.json.week, '2026-W47');
  assert.equal(moved.json.notes, 'na de herfst');
  const toDate = await call(COORD, 'PATCH', iurl, { body: { date: '2026-11-18' }, ifMatch: '"2"' });
  assert.equal(toDate.json.week, null);
  assert.equal(toDate.json.date, '2026-11-18');
  assertProblem(assert, await call(COORD, 'PATCH', `${url}/00000000-0000-4000-8000-000000000000`,
    { body: { notes: 'x' }, ifMatch: '"1"' }), 404);
  assertProblem(assert, await call(COORD, 'DELETE', iurl, { ifMatch: '"2"' }), 412);
  assert.equal((await call(COORD, 'DELETE', iurl, { ifMatch: '"3"' })).status, 204);
  assertProblem(assert, await call(COORD, 'GET', iurl), 404);
});

test('planning checks: level, duplicates, follow-up, safety, levels without a lesson', async () => {
  const p = await newPlan(COORD, A(), 'checks');
  const mnos = await addItem(COORD, p.id, { lesson_id: F.lesson['MNOS-LES-1'], level: 'groep-7', week: '2026-W40' });
  assert.deepEqual(codes(mnos.warnings), ['level_mismatch', 'no_follow_up', 'safety_not_prepared'].sort());
  assert.match(mnos.warnings.find((w) => w.code === 'level_mismatch').message, /Les 1 is niet bedoeld voor groep-7/);

  const a = await addItem(COORD, p.id, { lesson_id: F.lesson['TEST-PO-1'], level: 'groep-5', week: '2026-W39' });
  const b = await addItem(COORD, p.id, { lesson_id: F.lesson['TEST-PO-1'], level: 'groep-5', week: '2026-W48' });
  assert.deepEqual(codes(b.warnings), ['duplicate_lesson']);
  assert.equal(b.warnings[0].other_item_id, a.id);
  assert.match(b.warnings[0].message, /ook gepland in 2026-W39/);
  // Another class of the same level is not a duplicate.
  const c6 = await addItem(COORD, p.id, { lesson_id: F.lesson['TEST-PO-1'], level: 'groep-6', class_name: '6A', week: '2026-W39' });
  const c6b = await addItem(COORD, p.id, { lesson_id: F.lesson['TEST-PO-1'], level: 'groep-6', class_name: '6B', week: '2026-W39' });
  assert.deepEqual(c6b.warnings, []);

  const s = await addItem(COORD, p.id, { lesson_id: F.lesson['TEST-PO-2'], level: 'groep-8', week: '2026-W41' });
  assert.deepEqual(codes(s.warnings), ['no_follow_up', 'safety_not_prepared']);
  let plan = (await call(COORD, 'GET', `/api/v1/plans/${p.id}`)).json;
  assert.deepEqual(plan.warnings.filter((w) => w.code === 'level_without_lesson').map((w) => w.level),
    ['groep-1', 'groep-2', 'groep-3', 'groep-4']);
  assert.ok(plan.warnings.some((w) => w.code === 'duplicate_lesson' && w.item_id === a.id));
  assert.ok(plan.warnings.every((w) => typeof w.message === 'string' && w.message.length > 10));

  // A follow-up moment in a later week answers no_follow_up; the teacher's
  // acknowledgement of the preparation answers safety_not_prepared.
  const f = await addItem(COORD, p.id, { kind: 'terugkommoment', level: 'groep-8', week: '2026-W47' });
  assert.deepEqual(f.warnings, []);
  const up = await call(COORD, 'PATCH', `/api/v1/plans/${p.id}/items/${s.id}`,
    { body: { safety_prepared: true }, ifMatch: `"${s.version}"` });
  assert.equal(up.status, 200);
  assert.equal(up.json.safety_prepared, true);
  assert.deepEqual(up.json.warnings, []);
  // A follow-up in the same week is too soon.
  const same = await call(COORD, 'PATCH', `/api/v1/plans/${p.id}/items/${f.id}`,
    { body: { week: '2026-W41' }, ifMatch: `"${f.version}"` });
  assert.equal(same.status, 200);
  plan = (await call(COORD, 'GET', `/api/v1/plans/${p.id}`)).json;
  assert.deepEqual(codes(plan.items.find((i) => i.id === s.id).warnings), ['no_follow_up']);
  // A later lesson of the same programme counts as coming back to it.
  await addItem(COORD, p.id, { lesson_id: F.lesson['TEST-PO-3'], level: 'groep-8', week: '2027-W05' });
  plan = (await call(COORD, 'GET', `/api/v1/plans/${p.id}`)).json;
  assert.deepEqual(plan.items.find((i) => i.id === s.id).warnings, []);
  // Cancelling a duplicate removes the warning; a level outside the school is flagged.
  await call(COORD, 'PATCH', `/api/v1/plans/${p.id}/items/${b.id}`, { body: { status: 'vervallen' }, ifMatch: '"1"' });
  const vo = await addItem(COORD, p.id, { lesson_id: F.lesson['MNOS-LES-2'], level: 'havo-2', week: '2027-W06' });
  assert.ok(codes(vo.warnings).includes('level_not_at_school'));
  plan = (await call(COORD, 'GET', `/api/v1/plans/${p.id}`)).json;
  assert.deepEqual(plan.items.find((i) => i.id === a.id).warnings, []);
  assert.ok(c6.id && plan.items.length === 9);
});

// Each region's own holiday weeks in 2026-2027 (seeds/calendar): herfst
// noord W42, midden and zuid W43; voorjaar noord and midden W08, zuid W07;
// the advised extra May week W16 is optional everywhere.
test('holiday warnings follow the region of the school: noord, midden, zuid', async () => {
  const expect = {
    A: { region: 'noord', holiday: ['2026-W42', '2027-W08', '2027-W17'], free: ['2026-W43', '2027-W07'] },
    C: { region: 'midden', holiday: ['2026-W43', '2027-W08', '2027-W17'], free: ['2026-W42', '2027-W07'] },
    B: { region: 'zuid', holiday: ['2026-W43', '2027-W07', '2027-W17'], free: ['2026-W42', '2027-W08'] },
  };
  for (const [key, e] of Object.entries(expect)) {
    const who = key === 'B' ? 'coordinator/B' : key === 'A' ? COORD : 'admin';
    const p = await newPlan(who, F.schools[key], `vakanties ${e.region}`);
    assert.equal(p.json.school.region, e.region);
    const level = key === 'B' ? 'havo-2' : 'groep-6';
    const lesson = key === 'B' ? F.lesson['MNOS-LES-1'] : F.lesson['TEST-PO-1'];
    const weeks = [...e.holiday, ...e.free, '2027-W16'];
    const { status, json } = await call(who, 'POST', `/api/v1/plans/${p.id}/bulk`, {
      body: { create: weeks.map((week, i) => ({ lesson_id: lesson, level, week, class_name: `k${i}` })) },
      ifMatch: p.etag,
    });
    assert.equal(status, 200, JSON.stringify(json));
    for (const it of json.items) {
      const hol = it.warnings.filter((w) => w.code === 'holiday');
      if (e.holiday.includes(it.week)) {
        assert.equal(hol.length, 1, `${e.region} ${it.week}`);
        assert.match(hol[0].message, /vakantie/);
      } else {
        assert.equal(hol.length, 0, `${e.region} ${it.week} is no holiday`);
      }
      if (it.week === '2027-W16') assert.ok(it.warnings.some((w) => w.code === 'possible_holiday'));
    }
    const herfst = json.items.find((i) => i.week === e.holiday[0]).warnings.find((w) => w.code === 'holiday');
    assert.equal(herfst.holiday, 'herfstvakantie');
    assert.match(herfst.message, /adviesdatum/, 'the herfstvakantie dates are advised');
    const mei = json.items.find((i) => i.week === '2027-W17').warnings.find((w) => w.code === 'holiday');
    assert.equal(mei.message, 'Dit valt in de meivakantie van de regio van de school.', 'the meivakantie is fixed');
  }
});

test('roles: coordinators edit their school, teachers their own items, inspectors read', async () => {
  const p = await newPlan(COORD, A(), 'rollen');
  const teacher = await login('teacher', 'A');
  const teacher2 = await login('teacher2', 'A');
  const mine = await addItem(COORD, p.id, { lesson_id: F.lesson['TEST-PO-2'], level: 'groep-7', week: '2026-W38', teacher_id: teacher.user_id });
  const other = await addItem(COORD, p.id, { lesson_id: F.lesson['TEST-PO-1'], level: 'groep-6', week: '2026-W38', teacher_id: teacher2.user_id });
  assert.equal(mine.teacher.id, teacher.user_id);
  const plan = `/api/v1/plans/${p.id}`;
  const etag = (await call(COORD, 'GET', plan)).headers.get('etag');

  // The teacher reads the plan and marks their own lesson given, with a note.
  assert.equal((await call(teacher.headers, 'GET', plan)).status, 200);
  const given = await call(teacher.headers, 'PATCH', `${plan}/items/${mine.id}`,
    { body: { status: 'gegeven', notes: 'Goed gesprek; de klas wil er later op terugkomen.', safety_prepared: true }, ifMatch: '"1"' });
  assert.equal(given.status, 200, given.text);
  assert.equal(given.json.status, 'gegeven');
  assert.equal(given.json.given_on, new Date().toISOString().slice(0, 10));
  assert.equal(given.json.safety_prepared, true);
  assert.equal(given.json.safety_prepared_by.id, teacher.user_id, 'acknowledged by the teacher');
  // ... but nothing else, and not another teacher's item.
  assertProblem(assert, await call(teacher.headers, 'PATCH', `${plan}/items/${mine.id}`,
    { body: { week: '2026-W39' }, ifMatch: '"2"' }), 403);
  assertProblem(assert, await call(teacher.headers, 'PATCH', `${plan}/items/${other.id}`,
    { body: { notes: 'x' }, ifMatch: '"1"' }), 403);
  assertProblem(assert, await call(teacher.headers, 'PATCH', plan, { body: { title: 'x' }, ifMatch: etag }), 403);
  assertProblem(assert, await call(teacher.headers, 'POST', `${plan}/items`,
    { body: { lesson_id: F.lesson['TEST-PO-1'], level: 'groep-6', week: '2026-W39' }, ifMatch: etag }), 403);
  assertProblem(assert, await call(teacher.headers, 'DELETE', `${plan}/items/${other.id}`, { ifMatch: '"1"' }), 403);
  assertProblem(assert, await call(teacher.headers, 'POST', `/api/v1/schools/${A()}/plans`,
    { body: { school_year: YEAR, title: `${PREFIX}leraar` } }), 403);
  const o = await call(COORD, 'GET', `${plan}/items/${other.id}`);
  assert.equal(o.json.notes, null);

  // The inspector (school A in scope) reads but never writes.
  const insp = await login('inspector');
  assert.equal((await call(insp.headers, 'GET', plan)).status, 200);
  assert.equal((await call(insp.headers, 'GET', `${plan}/export.csv`)).status, 200);
  assertProblem(assert, await call(insp.headers, 'PATCH', `${plan}/items/${other.id}`,
    { body: { notes: 'x' }, ifMatch: '"1"' }), 403);
  assertProblem(assert, await call(insp.headers, 'DELETE', plan, { ifMatch: etag }), 403);

  // School B's people do not even learn that the plan exists.
  for (const who of ['coordinator/B', 'teacher/B']) {
    assertProblem(assert, await call(who, 'GET', plan), 404);
    assertProblem(assert, await call(who, 'GET', `${plan}/calendar.ics`), 404);
    assertProblem(assert, await call(who, 'GET', `/api/v1/schools/${A()}/plans`), 404);
  }
  assertProblem(assert, await call('coordinator/B', 'PATCH', plan, { body: { title: 'x' }, ifMatch: etag }), 404);
  // A teacher may change plans nowhere: refused before the plan is looked up.
  assertProblem(assert, await call('teacher/B', 'PATCH', plan, { body: { title: 'x' }, ifMatch: etag }), 403);
  const pb = await newPlan('coordinator/B', F.schools.B, 'rollen B');
  assertProblem(assert, await call(insp.headers, 'GET', `/api/v1/plans/${pb.id}`), 404);
  assertProblem(assert, await call(COORD, 'GET', `/api/v1/plans/${pb.id}`), 404);
  // The curator has no business here; without a session: 401.
  assertProblem(assert, await call('curator', 'GET', plan), 403);
  assertProblem(assert, await call(null, 'GET', plan), 401);
  assertProblem(assert, await call(null, 'GET', `/api/v1/schools/${A()}/plans`), 401);
  // The admin may do everything everywhere.
  const adm = await call('admin', 'PATCH', `/api/v1/plans/${pb.id}`, { body: { note: 'door beheer' }, ifMatch: pb.etag });
  assert.equal(adm.status, 200);
  // Every write is in the audit log, with who did it.
  const c = await db();
  const { rows } = await c.query(
    "SELECT actor_id::text, action, school_id::text FROM audit_log WHERE entity = 'plan_item' AND entity_id = $1 ORDER BY id",
    [mine.id]);
  await c.end();
  assert.deepEqual(rows.map((r) => r.action), ['insert', 'update']);
  assert.equal(rows[1].actor_id, teacher.user_id);
  assert.equal(rows[0].school_id, A());
});

test('copy to the next school year: same ISO weeks, items kept, statuses reset', async () => {
  const p = await newPlan(COORD, A(), 'kopie');
  const teacher = await login('teacher', 'A');
  const w = await addItem(COORD, p.id, { lesson_id: F.lesson['TEST-PO-2'], level: 'groep-7', week: '2026-W40', class_name: '7A', teacher_id: teacher.user_id, notes: 'met de mentor' });
  await addItem(COORD, p.id, { lesson_id: F.lesson['TEST-PO-1'], level: 'groep-5', date: '2027-03-10' });   // a Wednesday
  await addItem(COORD, p.id, { kind: 'terugkommoment', level: 'groep-7', week: '2026-W53' });
  // A teacher who leaves the school before the copy.
  const leaver = await call(COORD, 'POST', `/api/v1/schools/${A()}/teachers`,
    { body: { email: `vertrekt-${Date.now()}@plans.example`, display_name: 'Vertrekkende leerkracht' } });
  assert.equal(leaver.status, 201, leaver.text);
  const left = await acceptInvitation(leaver);
  await addItem(COORD, p.id, { lesson_id: F.lesson['TEST-PO-1'], level: 'groep-8', week: '2026-W45', teacher_id: left.id });
  assert.equal((await call(COORD, 'DELETE', `/api/v1/schools/${A()}/teachers/${left.id}`)).status, 204);
  const gone = await addItem(COORD, p.id, { lesson_id: F.lesson['TEST-PO-1'], level: 'groep-6', week: '2026-W44' });
  await call(COORD, 'PATCH', `/api/v1/plans/${p.id}/items/${gone.id}`, { body: { status: 'vervallen' }, ifMatch: '"1"' });
  await call(teacher.headers, 'PATCH', `/api/v1/plans/${p.id}/items/${w.id}`, { body: { status: 'gegeven', safety_prepared: true }, ifMatch: '"1"' });

  const res = await call(COORD, 'POST', `/api/v1/plans/${p.id}/copy`);
  assert.equal(res.status, 201, res.text);
  assert.equal(res.headers.get('location'), `/api/v1/plans/${res.json.id}`);
  assert.equal(res.json.school_year, NEXT);
  assert.equal(res.json.title, `${PREFIX}kopie`);
  assert.equal(res.json.copied_from, p.id);
  assert.equal(res.json.status, 'concept');
  const items = res.json.items.map((i) => [i.kind, i.lesson?.code ?? null, i.level, i.class_name, i.week, i.date, i.status]);
  assert.deepEqual(items, [
    ['les', 'TEST-PO-2', 'groep-7', '7A', '2027-W40', null, 'gepland'],
    ['les', 'TEST-PO-1', 'groep-8', null, '2027-W45', null, 'gepland'],
    ['terugkommoment', null, 'groep-7', null, '2027-W52', null, 'gepland'],   // 2027 has no week 53
    ['les', 'TEST-PO-1', 'groep-5', null, null, '2028-03-08', 'gepland'],     // Wednesday of week 10
  ]);
  const copied = res.json.items[0];
  assert.equal(copied.teacher.id, teacher.user_id);
  assert.equal(copied.notes, 'met de mentor');
  assert.equal(copied.given_on, null);
  assert.equal(copied.safety_prepared, false);
  assert.equal(res.json.items[1].teacher, null, 'the teacher who left is not copied');
  // The original is untouched.
  const orig = (await call(COORD, 'GET', `/api/v1/plans/${p.id}`)).json;
  assert.equal(orig.items.length, 5);
  assert.equal(orig.items.find((i) => i.id === w.id).status, 'gegeven');
  // Copying again into the same year needs another title; a year the
  // calendar does not know is refused.
  assertProblem(assert, await call(COORD, 'POST', `/api/v1/plans/${p.id}/copy`), 409);
  const again = await call(COORD, 'POST', `/api/v1/plans/${p.id}/copy`, { body: { title: `${PREFIX}kopie 2` } });
  assert.equal(again.status, 201);
  const far = await call(COORD, 'POST', `/api/v1/plans/${res.json.id}/copy`);
  assertProblem(assert, far, 422);
  assert.equal(far.json.errors[0].field, 'school_year');
});

test('the continuous line: every level of the school across the school years', async () => {
  const p = await newPlan(COORD, A(), 'leerlijn');
  await addItem(COORD, p.id, { lesson_id: F.lesson['TEST-PO-1'], level: 'groep-5', week: '2026-W40' });
  await addItem(COORD, p.id, { lesson_id: F.lesson['TEST-PO-2'], level: 'groep-8', week: '2026-W41' });
  const cancelled = await addItem(COORD, p.id, { lesson_id: F.lesson['TEST-PO-1'], level: 'groep-6', week: '2026-W41' });
  await call(COORD, 'PATCH', `/api/v1/plans/${p.id}/items/${cancelled.id}`, { body: { status: 'vervallen' }, ifMatch: '"1"' });
  const next = await newPlan(COORD, A(), 'leerlijn', NEXT);
  await addItem(COORD, next.id, { lesson_id: F.lesson['TEST-PO-1'], level: 'groep-6', week: '2027-W40' });

  const res = await call('teacher/A', 'GET', `/api/v1/schools/${A()}/leerlijn?from=${YEAR}&to=${NEXT}`);
  assert.equal(res.status, 200);
  assert.deepEqual(res.json.levels.filter((l) => l.of_school).map((l) => l.level),
    ['groep-1', 'groep-2', 'groep-3', 'groep-4', 'groep-5', 'groep-6', 'groep-7', 'groep-8']);
  assert.ok(res.json.school_years.includes(YEAR) && res.json.school_years.includes(NEXT));
  const lessons = (lvl, year) => res.json.levels.find((l) => l.level === lvl).years
    .find((y) => y.school_year === year).items.filter((i) => i.plan_title.startsWith(`${PREFIX}leerlijn`))
    .map((i) => i.lesson.code);
  assert.deepEqual(lessons('groep-5', YEAR), ['TEST-PO-1']);
  assert.deepEqual(lessons('groep-6', YEAR), [], 'cancelled items are not part of the line');
  assert.deepEqual(lessons('groep-6', NEXT), ['TEST-PO-1']);
  assert.deepEqual(lessons('groep-8', YEAR), ['TEST-PO-2']);
  assert.deepEqual(lessons('groep-1', NEXT), []);
  assertProblem(assert, await call('teacher/A', 'GET', `/api/v1/schools/${A()}/leerlijn?from=2026`), 400);
  assertProblem(assert, await call('coordinator/B', 'GET', `/api/v1/schools/${A()}/leerlijn`), 404);
  // School B (havo-1 .. vwo-6): havo 1-5 and vwo 1-6, no vmbo.
  const b = await call('coordinator/B', 'GET', `/api/v1/schools/${F.schools.B}/leerlijn`);
  assert.deepEqual(b.json.levels.map((l) => l.level).sort(),
    ['havo-1', 'havo-2', 'havo-3', 'havo-4', 'havo-5', 'vwo-1', 'vwo-2', 'vwo-3', 'vwo-4', 'vwo-5', 'vwo-6']);
});

test('programme templates: several levels, applied to a new school year', async () => {
  const url = `/api/v1/schools/${A()}/templates`;
  const body = {
    title: `${PREFIX}Weerbaar groep 5-8`,
    description: 'Elk jaar een les, groep 7 en 8 ook over grenzen',
    items: [
      { lesson_id: F.lesson['TEST-PO-1'], level: 'groep-5', week: 40 },
      { lesson_id: F.lesson['TEST-PO-1'], level: 'groep-6', week: 41 },
      { lesson_id: F.lesson['TEST-PO-2'], level: 'groep-7', week: 45 },
      { kind: 'terugkommoment', level: 'groep-7', week: 5, notes: 'kom terug op de les' },
      { lesson_id: F.lesson['TEST-PO-2'], level: 'groep-8', week: 45 },
      { lesson_id: F.lesson['TEST-PO-3'], level: 'groep-8', week: 10 },
    ],
  };
  assertProblem(assert, await call('teacher/A', 'POST', url, { body }), 403);
  const bad = await call(COORD, 'POST', url, { body: { ...body, items: [...body.items, { level: 'groep-5', week: 60, lesson_id: F.lesson['TEST-PO-1'] }] } });
  assertProblem(assert, bad, 422);
  assert.equal(bad.json.errors[0].field, 'items[6].week');
  const bad2 = await call(COORD, 'POST', url, { body: { ...body, items: [{ level: 'po', week: 6, lesson_id: F.lesson['TEST-PO-1'] }] } });
  assertProblem(assert, bad2, 422);
  assert.equal(bad2.json.errors[0].field, 'items[0].level');
  const res = await call(COORD, 'POST', url, { body });
  assert.equal(res.status, 201, res.text);
  assert.equal(res.headers.get('etag'), '"1"');
  assert.deepEqual(res.json.levels, ['groep-5', 'groep-6', 'groep-7', 'groep-8']);
  const list = await call('teacher/A', 'GET', url);
  assert.ok(list.json.templates.some((t) => t.id === res.json.id && t.items === 6));

  // Applied to 2027-2028: a new plan with every item in its week.
  const applied = await call(COORD, 'POST', `/api/v1/templates/${res.json.id}/apply`, { body: { school_year: NEXT } });
  assert.equal(applied.status, 201, applied.text);
  assert.equal(applied.json.school_year, NEXT);
  assert.equal(applied.json.template_id, res.json.id);
  assert.deepEqual(applied.json.items.map((i) => [i.level, i.week]).sort(), [
    ['groep-5', '2027-W40'], ['groep-6', '2027-W41'], ['groep-7', '2027-W45'], ['groep-7', '2028-W05'],
    ['groep-8', '2027-W45'], ['groep-8', '2028-W10'],
  ]);
  const g7 = applied.json.items.find((i) => i.level === 'groep-7' && i.kind === 'les');
  assert.ok(!g7.warnings.some((w) => w.code === 'no_follow_up'), 'the template carries the follow-up');
  // Into an existing plan: If-Match of that plan.
  const target = await newPlan(COORD, A(), 'sjabloon doel');
  assertProblem(assert, await call(COORD, 'POST', `/api/v1/templates/${res.json.id}/apply`, { body: { plan_id: target.id } }), 428);
  const into = await call(COORD, 'POST', `/api/v1/templates/${res.json.id}/apply`, { body: { plan_id: target.id }, ifMatch: target.etag });
  assert.equal(into.status, 200);
  assert.equal(into.json.items.length, 6);
  assert.equal(into.json.items[0].week.slice(0, 4), '2026');
  // A template from a plan; deleting needs its version.
  const fromPlan = await call(COORD, 'POST', url, { body: { title: `${PREFIX}uit plan`, from_plan: target.id } });
  assert.equal(fromPlan.status, 201);
  assert.equal(fromPlan.json.items.length, 6);
  assertProblem(assert, await call(COORD, 'DELETE', `/api/v1/templates/${fromPlan.json.id}`), 428);
  assert.equal((await call(COORD, 'DELETE', `/api/v1/templates/${fromPlan.json.id}`, { ifMatch: '"1"' })).status, 204);
  assertProblem(assert, await call('coordinator/B', 'GET', `/api/v1/templates/${res.json.id}`), 404);
});

test('bulk edit: one transaction, all or nothing', async () => {
  const p = await newPlan(COORD, A(), 'bulk');
  const a = await addItem(COORD, p.id, { lesson_id: F.lesson['TEST-PO-1'], level: 'groep-5', week: '2026-W40' });
  const b = await addItem(COORD, p.id, { lesson_id: F.lesson['TEST-PO-1'], level: 'groep-6', week: '2026-W40' });
  const url = `/api/v1/plans/${p.id}/bulk`;
  let etag = (await call(COORD, 'GET', `/api/v1/plans/${p.id}`)).headers.get('etag');
  const body = {
    create: [
      { lesson_id: F.lesson['TEST-PO-1'], level: 'groep-7', week: '2026-W46' },
      { lesson_id: F.lesson['TEST-PO-1'], level: 'groep-8', week: '2026-W47' },
    ],
    update: [{ id: a.id, version: 1, week: '2026-W41', notes: 'verschoven' }],
    delete: [{ id: b.id }],
  };
  // One bad element refuses everything.
  const bad = await call(COORD, 'POST', url, {
    body: { ...body, create: [...body.create, { lesson_id: F.lesson['TEST-PO-1'], level: 'groep-8', week: '2027-W31' }] }, ifMatch: etag,
  });
  assertProblem(assert, bad, 422);
  assert.equal(bad.json.errors[0].field, 'create[2].week');
  const bad2 = await call(COORD, 'POST', url, { body: { ...body, update: [{ id: a.id, version: 1, weak: 'x' }] }, ifMatch: etag });
  assertProblem(assert, bad2, 422);
  assert.equal(bad2.json.errors[0].field, 'update[0].weak');
  const bad3 = await call(COORD, 'POST', url, { body: { ...body, update: [{ id: a.id, version: 4, notes: 'x' }] }, ifMatch: etag });
  assertProblem(assert, bad3, 412);
  const bad4 = await call(COORD, 'POST', url, { body: { ...body, delete: [{ id: '00000000-0000-4000-8000-000000000000' }] }, ifMatch: etag });
  assertProblem(assert, bad4, 422);
  assert.equal(bad4.json.errors[0].field, 'delete[0].id');
  let plan = await call(COORD, 'GET', `/api/v1/plans/${p.id}`);
  assert.equal(plan.headers.get('etag'), etag, 'the refused bulk edits changed nothing');
  assert.equal(plan.json.items.length, 2);
  assertProblem(assert, await call(COORD, 'POST', url, { body }), 428);
  assertProblem(assert, await call(COORD, 'POST', url, { body, ifMatch: '"1"' }), 412);

  const ok = await call(COORD, 'POST', url, { body, ifMatch: etag });
  assert.equal(ok.status, 200, ok.text);
  assert.deepEqual(ok.json.items.map((i) => [i.level, i.week, i.notes]), [
    ['groep-5', '2026-W41', 'verschoven'], ['groep-7', '2026-W46', null], ['groep-8', '2026-W47', null],
  ]);
  assert.notEqual(ok.headers.get('etag'), etag);
  etag = ok.headers.get('etag');
  // An archived plan is read-only.
  const arch = await call(COORD, 'PATCH', `/api/v1/plans/${p.id}`, { body: { status: 'gearchiveerd' }, ifMatch: etag });
  assert.equal(arch.status, 200);
  const frozen = await call(COORD, 'POST', url, { body: { create: [body.create[0]] }, ifMatch: arch.headers.get('etag') });
  assertProblem(assert, frozen, 422);
  assertProblem(assert, await call(COORD, 'PATCH', `/api/v1/plans/${p.id}`, { body: { status: 'concept' }, ifMatch: arch.headers.get('etag') }), 422);
  assertProblem(assert, await call(COORD, 'DELETE', `/api/v1/plans/${p.id}`, { ifMatch: arch.headers.get('etag') }), 422);
  plan = await call(COORD, 'GET', `/api/v1/plans/${p.id}`);
  assert.equal(plan.json.items.length, 3);
});

test('the schema itself refuses invalid plans and items, whoever writes', async () => {
  const p = await newPlan(COORD, A(), 'schema');
  const c = await db();
  const refused = async (sql, params, code) => {
    await c.query('SAVEPOINT s');
    try {
      await c.query(sql, params);
      assert.fail(`accepted: ${sql}`);
    } catch (err) {
      assert.equal(err.code, code, `${sql}: ${err.message}`);
    } finally {
      await c.query('ROLLBACK TO SAVEPOINT s');
    }
  };
  try {
    await c.query('BEGIN');
    const lesson = F.lesson['TEST-PO-1'];
    const level = "(SELECT id FROM level WHERE code = 'groep-6')";
    const ins = (cols, vals) => `INSERT INTO plan_item (plan_id, school_id, level_id, lesson_id, starts_on, ends_on${cols})
      VALUES ($1, $2, ${level}, $3, '2026-10-05', '2026-10-05'${vals})`;
    await refused(ins(', iso_year, iso_week, on_date', ", 2026, 41, '2026-10-05'"), [p.id, A(), lesson], '23514');
    await refused(ins('', ''), [p.id, A(), lesson], 'LL422');   // neither week nor date
    await refused(ins(', on_date', ", '2026-10-05'"), [p.id, F.schools.B, lesson], '23503');   // another school
    await refused(ins(', on_date, status, given_on', ", '2026-10-05', 'gepland', '2026-10-05'"), [p.id, A(), lesson], '23514');
    await refused(`INSERT INTO plan_item (plan_id, school_id, level_id, on_date, starts_on, ends_on)
      VALUES ($1, $2, ${level}, '2026-10-05', '2026-10-05', '2026-10-05')`, [p.id, A()], '23514');   // a lesson item without lesson
    await refused(`INSERT INTO plan_item (plan_id, school_id, level_id, lesson_id, on_date, starts_on, ends_on)
      VALUES ($1, $2, (SELECT id FROM level WHERE code = 'po'), $3, '2026-10-05', '2026-10-05', '2026-10-05')`,
    [p.id, A(), lesson], 'LL422');
    await refused(ins(', on_date', ", '2027-08-02'"), [p.id, A(), lesson], 'LL422');   // after the school year
    await refused("INSERT INTO plan (school_id, school_year, title) VALUES ($1, '2031-2032', 'x')", [A()], '23503');
    await refused("INSERT INTO plan (school_id, school_year, title) VALUES ($1, '2026-2027', ' ')", [A()], '23514');
    await refused("UPDATE plan SET status = 'klaar' WHERE id = $1", [p.id], '23514');
    await c.query("UPDATE plan SET status = 'gearchiveerd' WHERE id = $1", [p.id]);
    await refused("UPDATE plan SET title = 'anders' WHERE id = $1", [p.id], 'LL422');
    await refused(ins(', on_date', ", '2026-10-05'"), [p.id, A(), lesson], 'LL422');   // archived
  } finally {
    await c.query('ROLLBACK');
    await c.end();
  }
});
