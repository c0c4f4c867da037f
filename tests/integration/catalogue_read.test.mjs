// The published catalogue through the API, on the real seed data:
// frameworks, the goal tree, goals, levels, the lesson finder and lesson
// details with their data-quality warnings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { api, assertProblem, db, curatorHeaders } from './lib.mjs';

const PACK = ['MNOS-LES-1', 'MNOS-LES-2', 'MNOS-LES-3'];
const codes = (res) => res.json.items.map((l) => l.code).sort();

// The published units of seeds/units/units.json (those with a level)
// aligned to one of the given goals ("FRAMEWORK:CODE" or an SLO UUID):
// the oracle for what the finder adds to the pack.
const UNITS = JSON.parse(readFileSync(new URL('../../seeds/units/units.json', import.meta.url), 'utf8'))
  .programmes.flatMap((p) => p.units).filter((u) => u.levels.length > 0 && u.alignments.length > 0);
const unitsAligned = (...goals) => UNITS.filter((u) => u.alignments.some((a) =>
  goals.includes(`${a.framework}:${a.goal}`) || goals.includes(a.goal_id))).map((u) => u.code);
const sorted = (...lists) => [...new Set(lists.flat())].sort();

test('frameworks are listed with paging and a total', async () => {
  const all = await api('/api/v1/frameworks?limit=500');
  assert.equal(all.status, 200);
  const c = await db();
  const { rows } = await c.query('SELECT count(*)::int AS n FROM framework');
  await c.end();
  assert.equal(all.json.total, rows[0].n);
  const list = all.json.items.map((f) => f.code);
  for (const code of ['CNU-DG-2019', 'SLO-KD-PO-2006', 'SLO-21CS', 'MW-CM-2021', 'SLO-DG-KD-2025']) {
    assert.ok(list.includes(code), code);
  }
  assert.deepEqual(list, [...list].sort(), 'stable order by code');
  const page = await api('/api/v1/frameworks?limit=2&offset=1');
  assert.deepEqual(page.json.items.map((f) => f.code), list.slice(1, 3));
  assert.equal(page.json.total, all.json.total);
  assertProblem(assert, await api('/api/v1/frameworks?limit=0'), 400);
  assertProblem(assert, await api('/api/v1/frameworks?limit=x'), 400);
});

test('one framework with its top goals; an unknown one is 404', async () => {
  const res = await api('/api/v1/frameworks/CNU-DG-2019');
  assert.equal(res.status, 200);
  assert.equal(res.json.status, 'concept');
  const top = res.json.top_goals.map((g) => g.code);
  for (const code of ['DG1', 'DG2', 'DG3', 'DG4', 'DG5', 'DG6']) assert.ok(top.includes(code), code);
  assertProblem(assert, await api('/api/v1/frameworks/NOPE'), 404);
  assertProblem(assert, await api('/api/v1/frameworks/%27x'), 404);
});

test('the goal tree nests every goal of the framework under its parent', async () => {
  const res = await api('/api/v1/frameworks/CNU-DG-2019/goals');
  assert.equal(res.status, 200);
  let count = 0;
  const walk = (nodes, parent) => {
    for (const n of nodes) {
      count += 1;
      assert.ok(Array.isArray(n.children));
      if (parent && n.code) assert.ok(n.code.startsWith(parent.code), `${n.code} under ${parent.code}`);
      walk(n.children, n);
    }
  };
  walk(res.json.goals, null);
  const fw = await api('/api/v1/frameworks/CNU-DG-2019');
  assert.equal(count, fw.json.goal_count);
  const dg2 = res.json.goals.find((g) => g.code === 'DG2');
  assert.deepEqual(dg2.children.map((g) => g.code), ['DG2.1', 'DG2.2']);
  // SLO's kerndoelen: a large tree, every node once.
  const po = await api('/api/v1/frameworks/SLO-KD-PO-2006/goals');
  const ids = new Set();
  const collect = (nodes) => nodes.forEach((n) => { ids.add(n.id); collect(n.children); });
  collect(po.json.goals);
  const pofw = await api('/api/v1/frameworks/SLO-KD-PO-2006');
  assert.equal(ids.size, pofw.json.goal_count);
});

test('PO kerndoel 34 by its SLO UUID, with ancestors, levels and the pack', async () => {
  const res = await api('/api/v1/goals/82c7db22-1b7f-4890-8720-dd2aa8373b56');
  assert.equal(res.status, 200);
  assert.equal(res.json.framework.code, 'SLO-KD-PO-2006');
  assert.match(res.json.title, /Gezondheid|gezondheid/);
  assert.ok(res.json.ancestors.length >= 1);
  assert.deepEqual(res.json.levels.map((l) => l.code), ['po']);
  // the pack (through its programme) and the units aligned to it
  const units = unitsAligned('82c7db22-1b7f-4890-8720-dd2aa8373b56');
  assert.ok(units.length >= 1);
  const pack = res.json.lessons.filter((l) => /^Les [123]$/.test(l.title));
  assert.deepEqual(pack.map((l) => l.title).sort(), ['Les 1', 'Les 2', 'Les 3']);
  assert.ok(pack.every((l) => l.scope === 'programme'));
  assert.equal(res.json.lessons.length, 3 + units.length);
  assert.ok(res.json.lessons.filter((l) => !pack.includes(l)).every((l) => l.scope === 'lesson'));
  assertProblem(assert, await api('/api/v1/goals/00000000-0000-4000-8000-000000000000'), 404);
  assertProblem(assert, await api('/api/v1/goals/DG2.1'), 404);
});

test('goals are found by framework and code, and by Dutch text without accents', async () => {
  const res = await api('/api/v1/goals?framework=CNU-DG-2019&code=DG2.1');
  assert.equal(res.json.total, 1);
  assert.equal(res.json.items[0].title, 'Veiligheid in de digitale wereld');
  const text = await api('/api/v1/goals?q=orientatie%20op%20jezelf');
  assert.ok(text.json.total >= 1);
  assert.ok(text.json.items.some((g) => /Oriëntatie/.test(g.title)));
  assertProblem(assert, await api('/api/v1/goals?code=%27%3B'), 400);
});

test('levels run from groep 1 onward, grouped in stages', async () => {
  const res = await api('/api/v1/levels');
  assert.equal(res.status, 200);
  const plannable = res.json.levels.filter((l) => l.plannable);
  assert.equal(plannable[0].code, 'groep-1');
  const order = (code) => plannable.findIndex((l) => l.code === code);
  assert.ok(order('groep-8') < order('vwo-1'));
  assert.ok(order('groep-1') < order('groep-2'));
  assert.deepEqual(res.json.stages.slice(0, 2).map((s) => s.code), ['po-onderbouw', 'po-bovenbouw']);
});

test('lessons by goal: DG2.1 in Curriculum.nu gives the pack, through its descendants too', async () => {
  const res = await api('/api/v1/lessons?goal=DG2.1&framework=CNU-DG-2019&limit=100');
  assert.equal(res.status, 200);
  const dg21 = sorted(PACK, unitsAligned('CNU-DG-2019:DG2.1'));
  assert.ok(dg21.length > 3);
  assert.deepEqual(codes(res), dg21);
  assert.equal(res.json.total, dg21.length);
  assert.equal(res.json.goal.code, 'DG2.1');
  assert.ok(res.json.items.every((l) => l.matched.some((m) => m.goal.code === 'DG2.1' && m.via === 'goal')));
  // The parent DG2 counts its descendants.
  const parent = await api('/api/v1/lessons?goal=DG2&framework=CNU-DG-2019&limit=100');
  assert.deepEqual(codes(parent), sorted(PACK, unitsAligned('CNU-DG-2019:DG2', 'CNU-DG-2019:DG2.1',
    'CNU-DG-2019:DG2.2', 'CNU-DG-2019:DG2.3', 'CNU-DG-2019:DG2.4')));
  assert.ok(parent.json.items.every((l) => l.matched.some((m) => m.via === 'descendant')));
  // By id as well.
  const byId = await api(`/api/v1/lessons?goal=${res.json.goal.id}&limit=100`);
  assert.deepEqual(codes(byId), dg21);
});

test('an unknown goal is 404; an ambiguous bare code is 400 with the candidates', async () => {
  assertProblem(assert, await api('/api/v1/lessons?goal=DG9.9'), 404);
  const c = await db();
  const { rows } = await c.query(`SELECT g.code FROM goal g WHERE g.code IS NOT NULL
    GROUP BY g.code HAVING count(DISTINCT g.framework_id) > 1 ORDER BY g.code LIMIT 1`);
  await c.end();
  assert.equal(rows.length, 1, 'the seed has codes shared by frameworks');
  const res = await api(`/api/v1/lessons?goal=${encodeURIComponent(rows[0].code)}`);
  assertProblem(assert, res, 400);
  assert.ok(res.json.candidates.length >= 2);
  assert.ok(res.json.candidates.every((g) => g.code === rows[0].code && g.framework));
});

test('related=exact follows exactMatchOf; related=all also the researched crosswalks', async () => {
  const c = await db();
  // A goal of the 2025 concept kerndoelen on safety and privacy.
  const { rows: [target] } = await c.query(`SELECT g.id, g.code FROM goal g
    JOIN framework f ON f.id = g.framework_id
    WHERE f.code = 'SLO-DG-KD-2025' AND g.title ILIKE '%veiligheid%' ORDER BY g.code LIMIT 1`);
  assert.ok(target, 'SLO-DG-KD-2025 has a goal on veiligheid');
  const { rows: [dg21] } = await c.query(`SELECT g.id FROM goal g JOIN framework f ON f.id = g.framework_id
    WHERE f.code = 'CNU-DG-2019' AND g.code = 'DG2.1'`);
  const before = await api(`/api/v1/lessons?goal=${target.id}&limit=100`);
  const direct = codes(before);
  // A crosswalk made for this test (the researched ones are isRelatedTo).
  const { rows: [rel] } = await c.query(`INSERT INTO goal_relation
    (origin_goal_id, relation_type, destination_goal_id, source, confidence)
    VALUES ($1, 'exactMatchOf', $2, 'integratietest', 'inferred') RETURNING id`, [target.id, dg21.id]);
  try {
    const exact = await api(`/api/v1/lessons?goal=${target.id}&related=exact&limit=100`);
    assert.deepEqual(codes(exact), sorted(direct, PACK, unitsAligned('CNU-DG-2019:DG2.1')));
    const via = exact.json.items.find((l) => l.code === 'MNOS-LES-1').matched.find((m) => m.goal.id === dg21.id);
    assert.equal(via.via, 'exactMatchOf', 'the path shows where the match comes from');
    const plain = await api(`/api/v1/lessons?goal=${target.id}&limit=100`);
    assert.deepEqual(codes(plain), direct);
  } finally {
    await c.query('DELETE FROM goal_relation WHERE id = $1', [rel.id]);
  }
  // The researched crosswalks are isRelatedTo: only related=all follows them.
  const { rows: [x] } = await c.query(`SELECT r.origin_goal_id AS id FROM goal_relation r
    WHERE r.relation_type = 'isRelatedTo' AND r.destination_goal_id IN
      (SELECT goal_id FROM lesson_alignment)
    AND r.origin_goal_id NOT IN (SELECT goal_id FROM lesson_alignment) LIMIT 1`);
  await c.end();
  if (x) {
    assert.equal((await api(`/api/v1/lessons?goal=${x.id}&related=exact`)).json.total, 0);
    const all = await api(`/api/v1/lessons?goal=${x.id}&related=all`);
    assert.ok(all.json.total >= 1);
    assert.ok(all.json.items[0].matched.some((m) => m.via === 'isRelatedTo'));
  }
});

test('free-text search in Dutch: stems, accents and real words from the pack', async () => {
  for (const q of ['uitbuiting', 'loverboy', 'drugshandel', 'uitbu%C3%ADting', 'criminele%20uitbuiting']) {
    const res = await api(`/api/v1/lessons?q=${q}`);
    assert.equal(res.status, 200);
    assert.ok(res.json.total >= 1, `q=${q}`);
    // the pack speaks of all of these; so may units of units.json
    const all = await api(`/api/v1/lessons?q=${q}&limit=100`);
    assert.ok(PACK.every((code) => codes(all).includes(code)), `q=${q}: the pack`);
    assert.ok(codes(all).every((code) => PACK.includes(code) || UNITS.some((u) => u.code === code)), `q=${q}`);
  }
  assert.equal((await api('/api/v1/lessons?q=fotosynthese')).json.total, 0);
});

test('filters: level, stage, theme, programme, evidence, minutes', async () => {
  const count = async (qs) => (await api(`/api/v1/lessons?${qs}`)).json.total;
  // On the pack (programme=MNOS-LESPAKKET); the units of units.json by
  // level are checked in units.test.mjs.
  const pack = 'programme=MNOS-LESPAKKET';
  assert.equal(await count(`level=havo-2&${pack}`), 3);
  assert.equal(await count(`level=vmbo-kb-3&${pack}`), 3);
  assert.equal(await count(`level=groep-7&${pack}`), 0);
  assert.equal(await count(`stage=vo-onderbouw&${pack}`), 3);
  assert.equal(await count(`stage=po-bovenbouw&${pack}`), 0);
  assert.equal(await count('theme=mensenhandel'), 3);
  assert.equal(await count('theme=Mensenhandel'), 3);
  assert.equal(await count('programme=MNOS-LESPAKKET'), 3);
  assert.equal(await count(`evidence=unknown&goal=DG2.1&framework=CNU-DG-2019&${pack}`), 3);
  assert.ok(await count('level=groep-7') >= 2, 'units for groep 7');
  assert.ok(await count('stage=po-bovenbouw') >= 2, 'units in bovenbouw po');
  // The source gives no duration: a maximum excludes the pack.
  assert.equal(await count('max_minutes=50&programme=MNOS-LESPAKKET'), 0);
  const bad = await api('/api/v1/lessons?level=klas-9&stage=nope');
  assertProblem(assert, bad, 400);
  assert.deepEqual(bad.json.errors.map((e) => e.field).sort(), ['level', 'stage']);
  assertProblem(assert, await api('/api/v1/lessons?related=exact'), 400);
  assertProblem(assert, await api('/api/v1/lessons?max_minutes=0'), 400);
  assertProblem(assert, await api('/api/v1/lessons?sort=title'), 400);
});

test('paging of lessons is stable', async () => {
  const all = await api('/api/v1/lessons?programme=MNOS-LESPAKKET&limit=3');
  const pages = [];
  for (let off = 0; off < 3; off++) {
    pages.push((await api(`/api/v1/lessons?programme=MNOS-LESPAKKET&limit=1&offset=${off}`)).json.items[0].id);
  }
  assert.deepEqual(pages, all.json.items.map((l) => l.id));
});

test('a pack lesson in detail: placeholder title, key messages, safety, alignments with warnings, help last', async () => {
  const list = await api('/api/v1/lessons?programme=MNOS-LESPAKKET');
  const id = list.json.items.find((l) => l.code === 'MNOS-LES-1').id;
  const res = await api(`/api/v1/lessons/${id}`);
  assert.equal(res.status, 200);
  const l = res.json;
  assert.equal(res.headers.get('etag'), `"${l.version}"`);
  assert.equal(l.title, 'Les 1');
  assert.equal(l.title_is_placeholder, true);
  assert.equal(l.key_messages.length, 6);
  assert.ok(l.safety_checklist.length >= 3);
  assert.equal(l.sensitive_topic, true);
  const urls = l.help_resources.map((h) => [h.name, h.as_printed, h.url].join(' ')).join(' ');
  assert.match(urls, /chatmetfier\.nl/);
  assert.match(urls, /helpwanted\.nl/);
  assert.deepEqual(Object.keys(l).at(-1), 'help_resources', 'help for pupils comes last');

  const byCode = (code) => l.alignments.filter((a) => a.goal.code === code);
  const dg5 = l.alignments.find((a) => a.published_label === 'DG5.1 Digitale identiteit');
  assert.ok(dg5, 'the DG5.1 row as published');
  assert.ok(dg5.warnings.some((w) => w.code === 'label_title_mismatch'));
  for (const code of ['PO Kerndoel 34', 'PO Kerndoel 35']) {
    const [a] = l.alignments.filter((x) => x.goal.code === code || x.published_label?.startsWith(code.replace('PO ', '')));
    assert.ok(a, code);
    assert.ok(a.warnings.some((w) => w.code === 'level_mismatch'), code);
  }
  assert.ok(byCode('DG2.1').length === 1);
  assert.ok(l.warnings.filter((w) => w.severity === 'warning').length >= 3);
  assertProblem(assert, await api('/api/v1/lessons/00000000-0000-4000-8000-000000000000'), 404);
});

test('curators list every data-quality warning', async () => {
  const res = await api('/api/v1/alignment-warnings?limit=500', { headers: await curatorHeaders() });
  assert.equal(res.status, 200);
  const kinds = new Set(res.json.items.map((w) => w.code));
  assert.ok(kinds.has('label_title_mismatch'));
  assert.ok(kinds.has('level_mismatch'));
  assert.equal(res.json.items.length, res.json.total);
});
