// The proposed leerlijn (issue 13, item 4): POST /api/v1/schools/{id}/proposal
// and /proposal/apply, on the demo schools with the units of
// seeds/units/units.json.  Plans made here are titled "TEST-PLAN ..." and
// removed at the end.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { api, db, demoSchools, login } from './lib.mjs';

const SCHOOLS = demoSchools();
const RANGE = { from: '2026-2027', to: '2027-2028' };

async function post(role, school, path, body) {
  const { headers } = await login(role, school);
  return api(`/api/v1/schools/${SCHOOLS[school]}${path}`, {
    method: 'POST', headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

after(async () => {
  const c = await db();
  await c.query("DELETE FROM plan WHERE title LIKE 'TEST-PLAN voorstel%'");
  await c.query("DELETE FROM plan_template WHERE title LIKE 'TEST-PLAN voorstel%'");
  await c.end();
});

// The holidays of a region as [first, last] dates; a week is free when no
// holiday touches its Monday to Friday.
async function holidayWeeks(region) {
  const c = await db();
  const { rows } = await c.query(`SELECT to_char(d, 'IYYY-"W"IW') AS week
    FROM school_holiday h, generate_series(h.starts_on, h.ends_on, interval '1 day') d
    WHERE (h.region IS NULL OR h.region = $1) AND extract(isodow FROM d) <= 5`, [region]);
  await c.end();
  return new Set(rows.map((r) => r.week));
}

async function unitFacts(ids) {
  const c = await db();
  const { rows } = await c.query(`SELECT l.id, l.themes, l.target_groups, l.status,
      (SELECT array_agg(DISTINCT c.code) FROM lesson_level ll JOIN level_span sp ON sp.level_id = ll.level_id
       JOIN level c ON c.id = sp.covered_level_id WHERE ll.lesson_id = l.id) AS levels
    FROM lesson l WHERE l.id = ANY ($1::uuid[])`, [ids]);
  await c.end();
  return Object.fromEntries(rows.map((r) => [r.id, r]));
}

const STEP3 = ['grooming en sextortion', 'loverboys en seksuele uitbuiting', 'criminele uitbuiting'];

function checkProposal(p, region, holidays, facts, stages) {
  assert.deepEqual(p.school_years, ['2026-2027', '2027-2028']);
  assert.ok(p.items.length > 0);
  assert.deepEqual(p.stages.map((s) => s.code), stages);
  for (const s of p.stages) assert.ok(s.units >= 1, `${s.code}: units`);
  for (const it of p.items) {
    assert.ok(it.reason && it.reason.length > 20, `a reason: ${JSON.stringify(it)}`);
    assert.ok(!holidays.has(it.week), `${it.week} is outside the holidays of ${region}`);
    assert.ok(['les', 'terugkommoment'].includes(it.kind));
    const f = facts[it.lesson.id];
    assert.equal(f.status, 'published');
    assert.ok(f.levels.includes(it.level), `${it.lesson.title} fits ${it.level}`);
    if (it.kind === 'les') {
      assert.ok(it.reason.startsWith(it.stage_title), it.reason);
      assert.match(it.reason, /thema-opbouw stap [123] van 3/);
      if (['po-onderbouw', 'po-middenbouw'].includes(it.stage)) {
        assert.ok(!f.themes.some((t) => STEP3.includes(t)), `${it.lesson.title}: no step-3 theme in ${it.stage}`);
      }
      // a follow-up moment after every sensitive unit, later that year
      if (it.lesson.sensitive_topic) {
        assert.ok(p.items.some((x) => x.kind === 'terugkommoment' && x.lesson.id === it.lesson.id
          && x.level === it.level && x.school_year === it.school_year && x.week > it.week),
        `a follow-up after ${it.lesson.title} (${it.level}, ${it.school_year})`);
      }
    }
  }
  // the line builds up: per level and year the steps do not go down
  const groups = {};
  for (const it of p.items.filter((x) => x.kind === 'les')) {
    (groups[`${it.school_year}/${it.level}`] ??= []).push(it);
  }
  for (const [k, list] of Object.entries(groups)) {
    const steps = list.sort((a, b) => a.week.localeCompare(b.week)).map((x) => x.step);
    assert.deepEqual(steps, [...steps].sort(), `${k}: steps ${steps}`);
  }
}

// Items of the proposal in the form the apply route takes.
const applyItems = (p) => p.items.map((it) => ({
  school_year: it.school_year, level: it.level, week: it.week, kind: it.kind,
  lesson_id: it.lesson.id, reason: it.reason,
}));

// The levels with planned coverage in a plan's coverage report.
async function plannedLevels(role, school, plan) {
  const { headers } = await login(role, school);
  const res = await api(`/api/v1/plans/${plan}/coverage`, { headers });
  assert.equal(res.status, 200, res.text);
  const levels = new Set();
  for (const fw of res.json.frameworks) {
    for (const g of fw.goals) for (const l of g.levels_planned) levels.add(l);
  }
  return levels;
}

// Gap suggestions (item 5) in a plan's coverage report: JSON, HTML, CSV.
async function checkSuggestions(plan) {
  const { headers } = await login('coordinator', 'A');
  const url = `/api/v1/plans/${plan}/coverage?framework=CNU-DG-2019,MW-CM-2021`;
  const res = await api(url, { headers });
  assert.equal(res.status, 200);
  const gaps = res.json.frameworks.flatMap((fw) => [...fw.stage_gaps, ...fw.line_breaks]);
  assert.ok(gaps.length > 0, 'the plan leaves gaps');
  assert.ok(gaps.every((g) => Array.isArray(g.suggestions)));
  const withSuggestion = gaps.filter((g) => g.suggestions.length > 0);
  assert.ok(withSuggestion.length > 0, 'some gap has a suggestion');
  const stageLevels = Object.fromEntries(res.json.stages.map((s) => [s.code, s.levels]));
  for (const g of withSuggestion) {
    assert.ok(g.suggestions.length <= 3);
    const counts = g.suggestions.map((u) => u.goals.length);
    assert.deepEqual(counts, [...counts].sort((a, b) => b - a), 'best first');
    for (const u of g.suggestions) {
      assert.ok(u.reason.length > 20 && u.levels.length > 0, JSON.stringify(u));
      assert.ok(u.levels.every((l) => stageLevels[g.stage].includes(l)), 'meant for the stage');
      if (g.goals) assert.ok(u.goals.every((c) => g.goals.some((x) => x.code === c)), 'covers goals of the gap');
    }
  }
  const html = await api(`${url}&format=html`, { headers });
  assert.match(html.text, /<ol class="suggestions" aria-label="Voorstellen"><li>/);
  const csv = await api(`${url}&format=csv`, { headers });
  assert.match(csv.text.split('\r\n')[0], /,voorstellen$/);
  assert.ok(csv.text.split('\r\n').slice(1).some((line) => /: Hiaat in /.test(line)), 'a CSV record with a suggestion');
}

for (const [school, region, stages, phases] of [
  ['A', 'noord', ['po-onderbouw', 'po-middenbouw', 'po-bovenbouw'],
    { onderbouw: ['groep-1', 'groep-2'], middenbouw: ['groep-3', 'groep-4', 'groep-5'],
      bovenbouw: ['groep-6', 'groep-7', 'groep-8'] }],
  ['B', 'zuid', ['vo-onderbouw', 'vo-bovenbouw'],
    { onderbouw: ['havo-1', 'havo-2', 'havo-3', 'vwo-1', 'vwo-2', 'vwo-3'],
      bovenbouw: ['havo-4', 'havo-5', 'vwo-4', 'vwo-5', 'vwo-6'] }],
]) {
  test(`demo school ${school}: the proposal for 2026-2027 to 2027-2028, applied, covers every stage, every item with its reason`, async () => {
    const res = await post('coordinator', school, '/proposal', RANGE);
    assert.equal(res.status, 200, res.text);
    const p = res.json;
    const facts = await unitFacts([...new Set(p.items.map((i) => i.lesson.id))]);
    checkProposal(p, region, await holidayWeeks(region), facts, stages);
    // deterministic
    const again = await post('coordinator', school, '/proposal', RANGE);
    assert.deepEqual(again.json, p);
    // a teacher may look at it, too
    assert.equal((await post('teacher', school, '/proposal', RANGE)).status, 200);

    const title = `TEST-PLAN voorstel ${randomBytes(3).toString('hex')}`;
    const applied = await post('coordinator', school, '/proposal/apply', { as: 'plans', title, items: applyItems(p) });
    assert.equal(applied.status, 201, applied.text);
    assert.deepEqual(applied.json.plans.map((x) => x.school_year), ['2026-2027', '2027-2028']);
    const { headers } = await login('coordinator', school);
    for (const made of applied.json.plans) {
      const plan = await api(`/api/v1/plans/${made.id}`, { headers });
      assert.equal(plan.status, 200);
      assert.equal(plan.json.items.length, p.items.filter((i) => i.school_year === made.school_year).length);
      assert.ok(plan.json.items.every((i) => i.reason && i.reason.length > 20), 'every item carries its reason');
      assert.ok(!plan.json.warnings.some((w) => ['no_follow_up', 'holiday', 'possible_holiday', 'level_mismatch',
        'duplicate_lesson', 'level_not_at_school'].includes(w.code)),
      JSON.stringify(plan.json.warnings.filter((w) => w.code !== 'safety_not_prepared').slice(0, 3)));
      const levels = await plannedLevels('coordinator', school, made.id);
      for (const [phase, list] of Object.entries(phases)) {
        assert.ok(list.some((l) => levels.has(l)), `${made.school_year}: planned coverage in ${phase}`);
      }
    }
    // the coverage report of the first plan suggests units for its gaps
    if (school === 'A') await checkSuggestions(applied.json.plans[0].id);
    // the same title again is a conflict and changes nothing
    const twice = await post('coordinator', school, '/proposal/apply', { as: 'plans', title, items: applyItems(p) });
    assert.equal(twice.status, 409);
  });
}

test('the proposal as a template; per_level and frameworks change it; bad input is refused', async () => {
  const one = await post('coordinator', 'A', '/proposal', { from: '2026-2027', per_level: 1, frameworks: ['CNU-DG-2019'] });
  assert.equal(one.status, 200, one.text);
  assert.deepEqual(one.json.frameworks, ['CNU-DG-2019']);
  const lessons = one.json.items.filter((i) => i.kind === 'les');
  assert.equal(new Set(lessons.map((i) => i.level)).size, lessons.length, 'one unit per level');
  const t = await post('coordinator', 'A', '/proposal/apply', {
    as: 'template', title: `TEST-PLAN voorstel ${randomBytes(3).toString('hex')}`, items: applyItems(one.json),
  });
  assert.equal(t.status, 201, t.text);
  assert.equal(t.json.template.items, one.json.items.length);
  const { headers } = await login('coordinator', 'A');
  const tpl = await api(`/api/v1/templates/${t.json.template.id}`, { headers });
  assert.equal(tpl.status, 200);
  assert.ok(tpl.json.items.every((i) => i.reason && i.reason.length > 20), 'template items keep their reason');
  // applied to a school year, the plan's items keep it too
  const plan = await api(`/api/v1/templates/${t.json.template.id}/apply`, {
    method: 'POST', headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({ school_year: '2027-2028', title: `TEST-PLAN voorstel ${randomBytes(3).toString('hex')}` }),
  });
  assert.equal(plan.status, 201, plan.text);
  assert.ok(plan.json.items.length > 0 && plan.json.items.every((i) => i.reason), 'plan items from the template');

  for (const [body, field] of [
    [{ from: '1999-2000' }, 'from'], [{ from: '2026-2027', to: '2025-2026' }, 'to'],
    [{ from: '2026-2027', per_level: 9 }, 'per_level'], [{ from: '2026-2027', frameworks: ['NOPE'] }, 'frameworks'],
    [{ from: '2026-2027', colour: 'rood' }, 'colour'],
  ]) {
    const res = await post('coordinator', 'A', '/proposal', body);
    assert.equal(res.status, 422, JSON.stringify(body));
    assert.equal(res.json.errors[0].field, field);
  }
  const bad = await post('coordinator', 'A', '/proposal/apply', { as: 'plans', items: [{ school_year: '2026-2027', level: 'groep-7', week: 'W40', kind: 'les' }] });
  assert.equal(bad.status, 422);
  assert.equal(bad.json.errors[0].field, 'items[1].week');
  // a teacher does not apply; another school's coordinator does not see it
  assert.equal((await post('teacher', 'A', '/proposal/apply', { as: 'plans', items: [] })).status, 403);
  const b = await login('coordinator', 'B');
  const other = await api(`/api/v1/schools/${SCHOOLS.A}/proposal`, {
    method: 'POST', headers: { ...b.headers, 'content-type': 'application/json' }, body: JSON.stringify(RANGE),
  });
  assert.equal(other.status, 404);
});
