// The Dutch school calendar: school years, ISO weeks and the official
// holidays per region, from seeds/calendar/schoolvakanties.json.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { api, assertProblem, db } from './lib.mjs';

const FILE = new URL('../../seeds/calendar/schoolvakanties.json', import.meta.url);

const holidayWeeks = (res) => Object.fromEntries(
  res.json.weeks.filter((w) => w.holiday && !w.holiday.optional).map((w) => [w.week, w.holiday.name]));

test('every holiday of the source file is imported, and a re-import changes nothing', async () => {
  const doc = JSON.parse(await readFile(FILE, 'utf8'));
  const expected = doc.school_years.reduce((n, y) => n + y.holidays.length + (y.extras?.length ?? 0), 0);
  const c = await db();
  const { rows: [{ n }] } = await c.query('SELECT count(*)::int AS n FROM school_holiday');
  assert.equal(n, expected);
  const { rows: [{ changed }] } = await c.query(
    'SELECT calendar_import_holidays($1::jsonb) AS changed', [JSON.stringify(doc)]);
  assert.equal(changed, 0);
  const { rows: years } = await c.query('SELECT code FROM school_year ORDER BY code');
  await c.end();
  assert.deepEqual(years.map((y) => y.code), ['2025-2026', '2026-2027', '2027-2028']);
});

test('the weeks of 2026-2027 in region noord, with its holidays', async () => {
  const res = await api('/api/v1/calendar/2026-2027?region=noord');
  assert.equal(res.status, 200);
  assert.equal(res.json.starts_on, '2026-08-01');
  assert.equal(res.json.ends_on, '2027-07-31');
  assert.equal(res.json.weeks[0].week, '2026-W32');
  assert.equal(res.json.weeks[0].monday, '2026-08-03');
  assert.equal(res.json.weeks.at(-1).week, '2027-W30');
  assert.equal(res.json.weeks.length, 52);
  assert.ok(res.json.weeks.some((w) => w.week === '2026-W53'), '2026 has an ISO week 53');
  assert.deepEqual(holidayWeeks(res), {
    '2026-W32': 'zomervakantie', '2026-W33': 'zomervakantie',   // the summer of 2025-2026
    '2026-W42': 'herfstvakantie',
    '2026-W52': 'kerstvakantie', '2026-W53': 'kerstvakantie',
    '2027-W08': 'voorjaarsvakantie',
    '2027-W17': 'meivakantie',
    '2027-W28': 'zomervakantie', '2027-W29': 'zomervakantie', '2027-W30': 'zomervakantie',
  });
  const may = res.json.weeks.find((w) => w.week === '2027-W16');
  assert.equal(may.holiday.optional, true, 'the advised extra May week is marked optional');
  assert.equal(res.json.weeks.find((w) => w.week === '2026-W42').holiday.status, 'advies');
  assert.equal(res.json.weeks.find((w) => w.week === '2027-W17').holiday.status, 'verplicht');
});

test('regions differ: zuid has herfst in week 43 and voorjaar in week 7', async () => {
  const res = await api('/api/v1/calendar/2026-2027?region=zuid');
  const weeks = holidayWeeks(res);
  assert.equal(weeks['2026-W43'], 'herfstvakantie');
  assert.equal(weeks['2026-W42'], undefined);
  assert.equal(weeks['2027-W07'], 'voorjaarsvakantie');
  assert.ok(res.json.holidays.every((h) => h.region === 'zuid' || h.region === null));
});

test('bad calendar requests are problem documents', async () => {
  assertProblem(assert, await api('/api/v1/calendar/2026-2027'), 400);
  assertProblem(assert, await api('/api/v1/calendar/2026-2027?region=oost'), 400);
  assertProblem(assert, await api('/api/v1/calendar/2030-2031?region=noord'), 404);
  assertProblem(assert, await api('/api/v1/calendar/2026-2028?region=noord'), 404);
  assertProblem(assert, await api('/api/v1/calendar/2026?region=noord'), 404);
});
