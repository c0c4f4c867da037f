// Exports of a plan: iCalendar (RFC 5545), parsed by ical.js, and CSV
// (RFC 4180, UTF-8 with BOM), parsed by csv-parse; both checked against
// the plan as the API returns it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import ICAL from 'ical.js';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { assertProblem, db, login } from './lib.mjs';
import { call, addItem, cleanup, fixtures, newPlan, PREFIX } from './plans_lib.mjs';
import { acceptInvitation } from './accounts_lib.mjs';

let F;
let plan;
let teacher;
const COORD = 'coordinator/A';
// Text that needs escaping in both formats, and non-ASCII letters.
const NOTES = 'Oriëntatie; "kernboodschappen", daarna napraten\nen een tweede regel \\ met backslash — ' +
  'en een lange zin zodat de regel van vijfenzeventig octetten zeker gevouwen moet worden: ééééééééé';

before(async () => {
  F = await fixtures();
  teacher = await login('teacher', 'A');
  const p = await newPlan(COORD, F.schools.A, 'export, met komma');
  await addItem(COORD, p.id, { lesson_id: F.lesson['TEST-PO-2'], level: 'groep-7', class_name: '7A', week: '2026-W42', teacher_id: teacher.user_id, notes: NOTES });
  await addItem(COORD, p.id, { lesson_id: F.lesson['TEST-PO-1'], level: 'groep-6', date: '2027-03-10', teacher_id: teacher.user_id });
  await addItem(COORD, p.id, { kind: 'terugkommoment', level: 'groep-7', class_name: '7A', week: '2027-W05', notes: '=HYPERLINK("x")' });
  const gone = await addItem(COORD, p.id, { lesson_id: F.lesson['TEST-PO-1'], level: 'groep-5', week: '2026-W50' });
  await call(COORD, 'PATCH', `/api/v1/plans/${p.id}/items/${gone.id}`, { body: { status: 'vervallen' }, ifMatch: '"1"' });
  plan = (await call(COORD, 'GET', `/api/v1/plans/${p.id}`)).json;
});
after(cleanup);

// X-WR-CALNAME is TEXT (RFC 5545 3.8.8.2: non-standard properties default
// to TEXT, so the writer escapes it); ical.js must be told to unescape it.
ICAL.design.defaultSet.property['x-wr-calname'] = { defaultType: 'text' };

function events(text) {
  const cal = new ICAL.Component(ICAL.parse(text));
  return { cal, events: cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v)) };
}

function dayAfter(iso) {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

test('the plan as iCalendar: one all-day event per item, as in the plan', async () => {
  const res = await call(COORD, 'GET', `/api/v1/plans/${plan.id}/calendar.ics`);
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type'), /^text\/calendar; charset=utf-8/);
  assert.match(res.headers.get('content-disposition'), /attachment; filename="jaarplan-2026-2027\.ics"/);
  // RFC 5545: CRLF line ends, no line longer than 75 octets.
  assert.ok(!/[^\r]\n/.test(res.text), 'every line ends in CRLF');
  for (const line of res.text.split('\r\n')) assert.ok(Buffer.byteLength(line) <= 75, line);
  const { cal, events: evs } = events(res.text);
  assert.equal(cal.getFirstPropertyValue('version'), '2.0');
  assert.equal(cal.getFirstPropertyValue('x-wr-calname'), `${plan.title} 2026-2027`);
  assert.equal(evs.length, plan.items.length);
  for (const it of plan.items) {
    const ev = evs.find((e) => e.uid === `${it.id}@leerlijn`);
    assert.ok(ev, `event for ${it.id}`);
    assert.equal(ev.startDate.isDate, true, 'all-day');
    assert.equal(ev.startDate.toString(), it.starts_on);
    assert.equal(ev.endDate.toString(), dayAfter(it.ends_on));
    assert.equal(ev.sequence, it.version);
    assert.ok(ev.summary.includes(it.level_title));
    if (it.lesson) assert.ok(ev.summary.startsWith(it.lesson.title), ev.summary);
    else assert.ok(ev.summary.startsWith('Terugkommoment'));
    assert.equal(ev.component.getFirstPropertyValue('status'), it.status === 'vervallen' ? 'CANCELLED' : 'CONFIRMED');
    assert.ok(ev.component.getFirstPropertyValue('dtstamp'));
    assert.equal(ev.location, plan.school.name);
  }
  const week = evs.find((e) => e.uid === `${plan.items.find((i) => i.week === '2026-W42').id}@leerlijn`);
  assert.equal(week.startDate.toString(), '2026-10-12');   // Monday
  assert.equal(week.endDate.toString(), '2026-10-17');     // after Friday
  // Escaped text comes back exactly (folded lines unfolded by the parser).
  assert.ok(week.description.includes(`Notities: ${NOTES}`), week.description);
  assert.ok(week.description.includes('Let op:'), 'warnings travel along');
  // The title names the unit and its programme, and the level by name.
  assert.equal(week.summary, 'Grenzen aangeven (test) · Testprogramma basisschool – groep 7 7A');
  assert.deepEqual(week.component.getFirstProperty('categories').getValues(), ['Leerlijn', 'groep 7']);
  // A lesson on a date is that one day; a week is the school week.
  const day = evs.find((e) => e.uid === `${plan.items.find((i) => i.date === '2027-03-10').id}@leerlijn`);
  assert.equal(day.startDate.toString(), '2027-03-10');
  assert.equal(day.endDate.toString(), '2027-03-11');
});

test('one teacher\'s calendar: ?teacher=me and ?teacher={id}', async () => {
  const mine = plan.items.filter((i) => i.teacher?.id === teacher.user_id).map((i) => `${i.id}@leerlijn`).sort();
  assert.equal(mine.length, 2);
  const me = await call(teacher.headers, 'GET', `/api/v1/plans/${plan.id}/calendar.ics?teacher=me`);
  assert.equal(me.status, 200);
  assert.deepEqual(events(me.text).events.map((e) => e.uid).sort(), mine);
  const byId = await call(COORD, 'GET', `/api/v1/plans/${plan.id}/calendar.ics?teacher=${teacher.user_id}`);
  assert.deepEqual(events(byId.text).events.map((e) => e.uid).sort(), mine);
  const none = await call(COORD, 'GET', `/api/v1/plans/${plan.id}/calendar.ics?teacher=me`);
  assert.equal(events(none.text).events.length, 0, 'the coordinator teaches none of these');
  assertProblem(assert, await call(COORD, 'GET', `/api/v1/plans/${plan.id}/calendar.ics?teacher=jan`), 400);
  assertProblem(assert, await call(COORD, 'GET', `/api/v1/plans/${plan.id}/calendar.ics?who=me`), 400);
  assertProblem(assert, await call(null, 'GET', `/api/v1/plans/${plan.id}/calendar.ics`), 401);
});

test('the plan as CSV: BOM, header, one record per item, as in the plan', async () => {
  const res = await fetch(`${process.env.LEERLIJN_URL}/api/v1/plans/${plan.id}/export.csv`,
    { headers: (await login('coordinator', 'A')).headers });
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type'), /^text\/csv; charset=utf-8/);
  const bytes = Buffer.from(await res.arrayBuffer());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte order mark');
  const text = bytes.toString('utf8');
  assert.ok(text.endsWith('\r\n'));
  const rows = parse(text, { bom: true, columns: true, record_delimiter: '\r\n' });
  assert.equal(rows.length, plan.items.length);
  assert.deepEqual(Object.keys(rows[0]), ['week', 'datum', 'van', 'tot', 'niveau', 'klas', 'soort', 'les_code',
    'les', 'leraar', 'status', 'gegeven_op', 'veiligheid_voorbereid', 'notities', 'waarschuwingen']);
  plan.items.forEach((it, i) => {
    const r = rows[i];
    assert.equal(r.week, it.week ?? '');
    assert.equal(r.datum, it.date ?? '');
    assert.equal(r.van, it.starts_on);
    assert.equal(r.tot, it.ends_on);
    assert.equal(r.niveau, it.level_title, 'the level as schools write it');
    assert.doesNotMatch(r.niveau, /^[a-z]+-\d/);
    assert.equal(r.klas, it.class_name ?? '');
    assert.equal(r.soort, it.kind);
    assert.equal(r.les_code, it.lesson?.code ?? '');
    assert.equal(r.les, it.lesson?.title ?? '');
    assert.equal(r.leraar, it.teacher?.display_name ?? '');
    assert.equal(r.status, it.status);
    assert.equal(r.veiligheid_voorbereid, it.safety_prepared ? 'ja' : 'nee');
    assert.equal(r.waarschuwingen, it.warnings.map((w) => w.message).join('; '));
    // A note that a spreadsheet would run as a formula is defused.
    assert.equal(r.notities, it.notes?.startsWith('=') ? `'${it.notes}` : it.notes ?? '');
  });
  assert.ok(rows.some((r) => r.notities === NOTES), 'quotes, commas and line breaks survive');
});

test('the plan as CSV for a Dutch Excel: the same records, separated by semicolons', async () => {
  const headers = (await login('coordinator', 'A')).headers;
  const get = async (q) => {
    const res = await fetch(`${process.env.LEERLIJN_URL}/api/v1/plans/${plan.id}/export.csv${q}`, { headers });
    assert.equal(res.status, 200);
    return res.text();
  };
  const comma = parse(await get(''), { bom: true, columns: true, record_delimiter: '\r\n' });
  const nl = await get('?dialect=excel-nl');
  assert.match(nl.split('\r\n')[0], /^\uFEFF?week;datum;van;tot;niveau;/);
  assert.deepEqual(parse(nl, { bom: true, columns: true, delimiter: ';', record_delimiter: '\r\n' }), comma);
  assert.deepEqual(parse(await get('?dialect=rfc4180'), { bom: true, columns: true, record_delimiter: '\r\n' }), comma);
  const bad = await call(COORD, 'GET', `/api/v1/plans/${plan.id}/export.csv?dialect=excel`);
  assertProblem(assert, bad, 400);
  assert.equal(bad.json.errors[0].field, 'dialect');
});

test('the plan as an Excel workbook, read by an independent reader (exceljs)', async () => {
  const res = await fetch(`${process.env.LEERLIJN_URL}/api/v1/plans/${plan.id}/export.xlsx`,
    { headers: (await login('coordinator', 'A')).headers });
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-type'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  assert.match(res.headers.get('content-disposition'), /filename="jaarplan-2026-2027\.xlsx"/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await res.arrayBuffer()));
  assert.deepEqual(wb.worksheets.map((w) => w.name), ['Jaarplan']);
  const ws = wb.getWorksheet('Jaarplan');
  assert.deepEqual(ws.getRow(1).values.slice(1), ['Week', 'Datum', 'Van', 'Tot', 'Niveau', 'Klas', 'Soort', 'Les',
    'Programma', 'Leraar', 'Status', 'Gegeven op', 'Veiligheid voorbereid', 'Notities', 'Waarschuwingen']);
  assert.equal(ws.views[0].state, 'frozen', 'the header row stays in view');
  assert.equal(ws.views[0].ySplit, 1);
  assert.equal(ws.rowCount, plan.items.length + 1);
  const day = (s) => new Date(`${s}T00:00:00Z`).getTime();
  plan.items.forEach((it, i) => {
    const v = (c) => ws.getRow(i + 2).getCell(c).value;
    assert.equal(v(1) ?? null, it.week ? `week ${Number(it.week.slice(6))}` : null);
    for (const [c, k] of [[2, 'date'], [3, 'starts_on'], [4, 'ends_on'], [12, 'given_on']]) {
      if (it[k]) {
        assert.ok(v(c) instanceof Date, `${k} is a date cell`);
        assert.equal(v(c).getTime(), day(it[k]));
        assert.equal(ws.getRow(i + 2).getCell(c).numFmt, 'dd-mm-yyyy');
      } else {
        assert.equal(v(c) ?? null, null);
      }
    }
    assert.equal(v(5), it.level_title);
    assert.equal(v(7), it.kind === 'les' ? 'Les' : 'Terugkommoment');
    assert.equal(v(8) ?? null, it.lesson?.title ?? null);
    assert.equal(v(10) ?? null, it.teacher?.display_name ?? null);
    assert.equal(v(11), it.status);
    assert.equal(v(13), it.safety_prepared ? 'ja' : 'nee');
    assert.equal(v(14) ?? null, it.notes ?? null, 'a formula-like note stays text in a typed cell');
    assert.equal(v(15) ?? null, it.warnings.length ? it.warnings.map((w) => w.message).join('\n') : null);
  });
  assertProblem(assert, await call('coordinator/B', 'GET', `/api/v1/plans/${plan.id}/export.xlsx`), 404);
  assertProblem(assert, await call(null, 'GET', `/api/v1/plans/${plan.id}/export.xlsx`), 401);
});

test('exports of a plan one may not read', async () => {
  assertProblem(assert, await call('coordinator/B', 'GET', `/api/v1/plans/${plan.id}/export.csv`), 404);
  assertProblem(assert, await call('coordinator/B', 'GET', `/api/v1/plans/${plan.id}/calendar.ics`), 404);
  assertProblem(assert, await call(COORD, 'GET', '/api/v1/plans/00000000-0000-4000-8000-000000000000/export.csv'), 404);
  assert.ok(plan.title.startsWith(PREFIX));
});

test('a calendar feed: a secret address a calendar app subscribes to without a login', async () => {
  // The teacher subscribes to their own lessons.
  const made = await call(teacher.headers, 'POST', `/api/v1/plans/${plan.id}/feeds`, { body: { teacher: 'me' } });
  assert.equal(made.status, 201, made.text);
  assert.equal(made.json.teacher_id, teacher.user_id);
  const url = new URL(made.json.url);
  assert.match(url.pathname, /^\/api\/v1\/feeds\/[A-Za-z0-9_-]{43}\/calendar\.ics$/);
  assert.equal(made.headers.get('location'), url.pathname);
  const feed = await call(null, 'GET', url.pathname);
  assert.equal(feed.status, 200);
  assert.match(feed.headers.get('content-type'), /^text\/calendar/);
  const mine = plan.items.filter((i) => i.teacher?.id === teacher.user_id).map((i) => `${i.id}@leerlijn`).sort();
  assert.deepEqual(events(feed.text).events.map((e) => e.uid).sort(), mine);
  // The database keeps only the token's hash.
  const c = await db();
  const token = url.pathname.split('/')[4];
  const { rows: [r] } = await c.query(`SELECT
      (SELECT count(*)::int FROM plan_feed WHERE token_hash = sha256(convert_to($1, 'UTF8'))) AS hashed,
      (SELECT count(*)::int FROM plan_feed f WHERE to_jsonb(f)::text LIKE '%' || $1 || '%') AS plain,
      (SELECT count(*)::int FROM audit_log a WHERE a.change::text LIKE '%' || $1 || '%') AS logged`, [token]);
  await c.end();
  assert.deepEqual(r, { hashed: 1, plain: 0, logged: 0 });

  // A feed of the whole plan follows the plan as it changes.
  const all = await call(COORD, 'POST', `/api/v1/plans/${plan.id}/feeds`);
  assert.equal(all.status, 201);
  assert.equal(all.json.teacher_id, null);
  const added = await addItem(COORD, plan.id, { kind: 'terugkommoment', level: 'groep-6', week: '2027-W10' });
  const whole = events((await call(null, 'GET', new URL(all.json.url).pathname)).text).events;
  assert.equal(whole.length, plan.items.length + 1);
  assert.ok(whole.some((e) => e.uid === `${added.id}@leerlijn`));
  await call(COORD, 'DELETE', `/api/v1/plans/${plan.id}/items/${added.id}`, { ifMatch: '"1"' });

  // Revoked feeds and made-up tokens are 404; so is a feed whose maker
  // can no longer read the school.
  assert.equal((await call(COORD, 'DELETE', `/api/v1/plans/${plan.id}/feeds`)).status, 204);
  assertProblem(assert, await call(null, 'GET', new URL(all.json.url).pathname), 404);
  assert.equal((await call(null, 'GET', url.pathname)).status, 200, 'another person\'s feed stays');
  assertProblem(assert, await call(null, 'GET', `/api/v1/feeds/${'A'.repeat(43)}/calendar.ics`), 404);
  assertProblem(assert, await call(null, 'GET', '/api/v1/feeds/kort/calendar.ics'), 404);
  assertProblem(assert, await call(COORD, 'POST', `/api/v1/plans/${plan.id}/feeds`, { body: { teacher: 'jan' } }), 422);
  assertProblem(assert, await call('coordinator/B', 'POST', `/api/v1/plans/${plan.id}/feeds`), 404);

  const email = `feed-${Date.now()}@plans.example`;
  const invited = await call(COORD, 'POST', `/api/v1/schools/${F.schools.A}/teachers`,
    { body: { email, display_name: 'Leerkracht met agenda' } });
  assert.equal(invited.status, 201, invited.text);
  const password = 'een agenda voor de lessen';
  const joined = await acceptInvitation(invited, password);
  const session = await call(null, 'POST', '/api/v1/session', { body: { email, password } });
  assert.equal(session.status, 201, session.text);
  const h = { authorization: `Bearer ${session.json.token}` };
  const leaving = await call(h, 'POST', `/api/v1/plans/${plan.id}/feeds`);
  assert.equal(leaving.status, 201);
  const path = new URL(leaving.json.url).pathname;
  assert.equal((await call(null, 'GET', path)).status, 200);
  assert.equal((await call(COORD, 'DELETE', `/api/v1/schools/${F.schools.A}/teachers/${joined.id}`)).status, 204);
  assertProblem(assert, await call(null, 'GET', path), 404);
});
