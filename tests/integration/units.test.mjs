// Plannable units (issue 13): seeds/units/units.json loaded by
// catalogue_import_units (schema/functions/catalogue_import.sql), the
// finder's unit fields and filters, the search for the words teachers
// type, and a school's own activities: planned, checked, counted in
// coverage, changed, offered and adopted.
//
// The loader's writes happen inside transactions that are rolled back;
// what the API makes is titled TEST-ACT or TEST-PLAN and removed.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { api, db, demoSchools, login } from './lib.mjs';

const seeds = new URL('../../seeds/', import.meta.url);
const UNITS = JSON.parse(readFileSync(new URL('units/units.json', seeds), 'utf8'));

let pool;
before(async () => { pool = await db(); });
after(async () => { await pool.end(); });

// A small document in the format of units.json: one existing programme
// (VLAG of programmes.json) and one new one; one unit without a source of
// its own (it takes its programme's) and one without an alignment.
const FIXTURE = {
	retrieved: '2026-12-07', about: 'test',
	programmes: [
		{ code: 'VLAG', title: 'Vlaggensysteem', provider: 'Rutgers', url: null,
		  summary: null, themes: ['lichaam en grenzen'], format: 'methodiek',
		  target_groups: ['regulier', 'lvb'],
		  evidence: { level: 'ERK-1', date: '2024-01-01', database: 'NJi', url: 'https://example.org/nji' },
		  sources: [{ url: 'https://example.org/vlag', excerpt: 'x', supports: 'titel' }],
		  units: [
			{ code: 'TEST-VLAG-BORDJE', kind: 'module', title: 'Testbordje', levels: ['groep-1', 'groep-2'],
			  levels_note: 'groep 1-2', levels_confidence: 'paraphrase', duration_minutes: 45, lessons_count: 4,
			  themes: ['lichaam en grenzen'], format: 'lessen', target_groups: ['lvb'], url: null,
			  summary: 'Praten over gedrag met vlaggen.', sensitive_topic: true, reviewed_on: '2026-11-01',
			  silent: ['duur per les'],
			  alignments: [{ framework: 'CNU-DG-2019', goal: 'DG2.1', confidence: 'inferred', rationale: 'Grenzen online en offline.' }] },
			{ code: 'TEST-VLAG-X', kind: 'les', title: 'Zonder koppeling', levels: ['groep-3'],
			  sources: [{ url: 'https://example.org/x', excerpt: 'e', supports: 's' }], alignments: [] },
		  ] },
		{ code: 'TEST-NIEUW', title: 'Nieuw testprogramma', provider: 'Aanbieder X', url: null, summary: 's',
		  themes: ['mediawijsheid'], format: null, target_groups: ['regulier'], evidence: null, sources: [],
		  units: [
			{ code: 'TEST-NIEUW-1', kind: 'programma', title: 'Testprogramma', levels: ['groep-7'],
			  duration_minutes: null, themes: ['mediawijsheid'], target_groups: [], url: 'https://example.org/n1',
			  sources: [{ url: 'https://example.org/n1', excerpt: 'e', supports: 's' }],
			  alignments: [{ framework: 'MW-CM-2021', goal: 'MW21-DOO', confidence: 'inferred', rationale: 'Doorgronden.' }] },
		  ] },
	],
};

test('the loader: units with their sources, levels, alignments and rationale; idempotent', async () => {
	const c = await db();
	try {
		await c.query('BEGIN');
		const { rows: [n] } = await c.query('SELECT catalogue_import_units($1::jsonb) AS n', [FIXTURE]);
		assert.equal(n.n, 5);
		const { rows } = await c.query(`SELECT l.code, l.kind, l.status, l.note, l.reviewed_on::text,
		    l.target_groups, l.source_urls, l.lessons_count, l.silent, l.evidence_level_code,
		    p.code AS programme, (SELECT array_agg(lv.code ORDER BY lv.sort_order) FROM lesson_level ll
			JOIN level lv ON lv.id = ll.level_id WHERE ll.lesson_id = l.id) AS levels,
		    (SELECT json_agg(json_build_object('goal', g.code, 'confidence', a.confidence,
			'rationale', a.rationale)) FROM alignment a JOIN goal g ON g.id = a.goal_id
			WHERE a.lesson_id = l.id) AS alignments
		    FROM lesson l JOIN programme p ON p.id = l.programme_id
		    WHERE l.code LIKE 'TEST-%' ORDER BY l.code`);
		const by = Object.fromEntries(rows.map((r) => [r.code, r]));
		const b = by['TEST-VLAG-BORDJE'];
		assert.equal(b.kind, 'module');
		assert.equal(b.status, 'published');
		assert.equal(b.programme, 'VLAG');
		assert.equal(b.reviewed_on, '2026-11-01');
		assert.deepEqual(b.levels, ['groep-1', 'groep-2']);
		assert.deepEqual(b.target_groups, ['lvb']);
		assert.deepEqual(b.source_urls, ['https://example.org/vlag'], 'the programme\'s source');
		assert.equal(b.lessons_count, 4);
		assert.deepEqual(b.silent, ['duur per les']);
		assert.equal(b.evidence_level_code, 'ERK-1');
		assert.deepEqual(b.alignments, [{ goal: 'DG2.1', confidence: 'inferred', rationale: 'Grenzen online en offline.' }]);
		const x = by['TEST-VLAG-X'];
		assert.equal(x.status, 'draft', 'no alignment: not published');
		assert.match(x.note, /Geen koppeling aan een leerdoel/);
		const nw = by['TEST-NIEUW-1'];
		assert.equal(nw.status, 'published');
		assert.equal(nw.evidence_level_code, 'unknown');
		const { rows: [pr] } = await c.query(`SELECT p.title, p.evidence_date::text,
		    (SELECT array_agg(pv.name) FROM programme_provider pp JOIN provider pv ON pv.id = pp.provider_id
			WHERE pp.programme_id = p.id) AS providers FROM programme p WHERE p.code = 'TEST-NIEUW'`);
		assert.equal(pr.title, 'Nieuw testprogramma');
		assert.deepEqual(pr.providers, ['Aanbieder X']);
		const { rows: [v] } = await c.query("SELECT evidence_date::text, evidence_database FROM programme WHERE code = 'VLAG'");
		assert.deepEqual(v, { evidence_date: '2024-01-01', evidence_database: 'NJi' });

		// a second run changes no row (an update would give it a new ctid)
		const snap = `SELECT coalesce(string_agg(x.id || '@' || x.ctid::text, '|' ORDER BY x.id), '') AS s FROM (
		    SELECT l.id::text, l.ctid FROM lesson l WHERE l.source = 'units/units.json'
		    UNION ALL SELECT a.id::text, a.ctid FROM alignment a WHERE a.source = 'units/units.json'
		    UNION ALL SELECT p.id::text, p.ctid FROM programme p WHERE p.code IN ('VLAG', 'TEST-NIEUW')
		    UNION ALL SELECT ll.lesson_id::text || ll.level_id::text, ll.ctid FROM lesson_level ll
			JOIN lesson l ON l.id = ll.lesson_id WHERE l.source = 'units/units.json') x`;
		const { rows: [s1] } = await c.query(snap);
		await c.query('SELECT catalogue_import_units($1::jsonb)', [FIXTURE]);
		const { rows: [s2] } = await c.query(snap);
		assert.ok(s1.s.length > 0);
		assert.equal(s2.s, s1.s, 'no row rewritten by a second run');

		// an unknown goal is refused, with the unit named
		const bad = structuredClone(FIXTURE);
		bad.programmes[0].units[0].alignments[0].goal = 'DG9.9';
		await c.query('SAVEPOINT s');
		await assert.rejects(c.query('SELECT catalogue_import_units($1::jsonb)', [bad]), /TEST-VLAG-BORDJE/);
		await c.query('ROLLBACK TO SAVEPOINT s');
	} finally {
		await c.query('ROLLBACK');
		await c.end();
	}
});

test('every unit of units.json is in the catalogue: published when it has a level, else a draft that says why', async () => {
	const units = UNITS.programmes.flatMap((p) => p.units);
	assert.ok(units.length >= 60, `${units.length} units`);
	const { rows } = await pool.query(`SELECT l.code, l.status, l.note FROM lesson l WHERE l.code = ANY ($1)`,
	    [units.map((u) => u.code)]);
	assert.equal(rows.length, units.length);
	const by = Object.fromEntries(rows.map((r) => [r.code, r]));
	for (const u of units) {
		if (u.levels.length > 0 && u.alignments.length > 0) {
			assert.equal(by[u.code].status, 'published', u.code);
		} else {
			assert.equal(by[u.code].status, 'draft', u.code);
			assert.match(by[u.code].note, /Niet gepubliceerd/, u.code);
		}
	}
	assert.ok(rows.filter((r) => r.status === 'published').length >= 60);
});

test('no published catalogue unit lacks a source or a goal alignment', async () => {
	const { rows } = await pool.query(`SELECT l.code, l.title,
	    unit_source_address(l.source_url, l.source_urls, l.source) IS NULL AS no_source,
	    NOT EXISTS (SELECT 1 FROM lesson_alignment la WHERE la.lesson_id = l.id) AS no_alignment
	    FROM lesson l WHERE l.status = 'published' AND l.school_id IS NULL`);
	assert.ok(rows.length >= 70);
	assert.deepEqual(rows.filter((r) => r.no_source).map((r) => r.code ?? r.title), [], 'without a source');
	assert.deepEqual(rows.filter((r) => r.no_alignment).map((r) => r.code ?? r.title), [], 'without an alignment');
});

const LEVELS = [
	...[1, 2, 3, 4, 5, 6, 7, 8].map((n) => `groep-${n}`),
	...['vmbo-tl', 'havo', 'vwo'].flatMap((s) => [1, 2, 3, 4].map((n) => `${s}-${n}`)),
];

test('every level from groep 1 to klas 4: at least two published units, each with an alignment and a source address', async () => {
	for (const level of LEVELS) {
		const res = await api(`/api/v1/lessons?level=${level}&limit=100`);
		assert.equal(res.status, 200, level);
		const items = res.json.items;
		assert.ok(items.length >= 2, `${level}: ${items.length} units`);
		for (const it of items) {
			assert.match(it.source_address ?? '', /^https?:\/\//, `${level}: ${it.title} has a source address`);
			assert.ok(['les', 'module', 'programma', 'project', 'activiteit'].includes(it.kind));
			assert.equal(it.school_id, null);
		}
		const { rows: [r] } = await pool.query(`SELECT count(DISTINCT la.lesson_id)::int AS n
		    FROM lesson_alignment la WHERE la.lesson_id = ANY ($1::uuid[])`, [items.map((i) => i.id)]);
		assert.equal(r.n, items.length, `${level}: every unit has a goal alignment`);
	}
});

test('the finder: kind and target_group filters, review date and sources in the items and the detail', async () => {
	const all = await api('/api/v1/lessons?limit=100&target_group=lvb');
	assert.equal(all.status, 200);
	assert.ok(all.json.total >= 1);
	for (const it of all.json.items) assert.ok(it.target_groups.includes('lvb'), it.title);
	const pro = await api('/api/v1/lessons?limit=100&target_group=pro&level=pro');
	assert.ok(pro.json.total >= 1);
	const modules = await api('/api/v1/lessons?limit=100&kind=module');
	assert.ok(modules.json.total >= 1);
	for (const it of modules.json.items) assert.equal(it.kind, 'module');
	const bad = await api('/api/v1/lessons?kind=cursus');
	assert.equal(bad.status, 400);
	assert.equal(bad.json.errors[0].field, 'kind');

	const it = modules.json.items[0];
	assert.match(it.reviewed_on, /^\d{4}-\d{2}-\d{2}$/);
	const one = await api(`/api/v1/lessons/${it.id}`);
	assert.equal(one.status, 200);
	assert.equal(one.json.kind, 'module');
	assert.equal(one.json.reviewed_on, it.reviewed_on);
	assert.ok(one.json.sources.length >= 1 && one.json.sources.every((s) => /^https?:/.test(s.url)));
	assert.ok(one.json.alignments.some((a) => a.rationale), 'alignments carry their rationale');

	// with a goal (the finder's fast path and its general statement)
	const g = await api('/api/v1/lessons?goal=DG2.1&framework=CNU-DG-2019&kind=module&limit=100');
	assert.equal(g.status, 200);
	for (const x of g.json.items) assert.equal(x.kind, 'module');
	const g2 = await api('/api/v1/lessons?goal=DG2.1&framework=CNU-DG-2019&limit=100');
	assert.ok(g2.json.total > g.json.total);
	assert.ok(g2.json.items.every((x) => 'reviewed_on' in x && 'source_address' in x));
});

test('the finder shows a school\'s own units only with school=, to those who may read it', async () => {
	const anon = await api('/api/v1/lessons?school=00000000-0000-4000-a000-00000000000a');
	assert.equal(anon.status, 401);
});

for (const word of ['mediawijsheid', 'grooming', 'sexting', 'loverboy', 'weerbaarheid', 'Vlaggensysteem']) {
	test(`search "${word}" finds units`, async () => {
		const res = await api(`/api/v1/lessons?q=${encodeURIComponent(word)}&limit=100`);
		assert.equal(res.status, 200);
		assert.ok(res.json.total >= 1, `${word}: ${res.json.total}`);
	});
}

test('search: a part of a compound word finds the compound; goals are searched too', async () => {
	// "loverboy" is inside "Loverboymethode"
	const res = await api('/api/v1/lessons?q=loverboy&limit=100');
	assert.ok(res.json.items.some((i) => /loverboymethode/i.test(i.title)), 'compound');
	const goals = await api('/api/v1/goals?q=mediawijsheid');
	assert.equal(goals.status, 200);
	assert.ok(goals.json.total >= 1);
});

// A school's own activities (item 2): a coordinator of demo school A adds
// one; it is planned, checked and counted in the plan's coverage like a
// catalogue unit; it changes with If-Match; it cannot go while planned; a
// curator adopts it into the shared catalogue with its source.  What is
// made here is titled TEST-ACT and removed at the end.
test('own activities: planned, checked, counted in coverage, changed, offered and adopted', async () => {
	const SCHOOLS = demoSchools();
	const tag = randomBytes(3).toString('hex');
	const coord = (await login('coordinator', 'A')).headers;
	const json = { ...coord, 'content-type': 'application/json' };
	const { rows: [goal] } = await pool.query(`SELECT g.id, g.code FROM goal g
		JOIN framework f ON f.id = g.framework_id
		WHERE f.code = 'MW-CM-2021' AND g.code = 'MW21-DOO'`);
	assert.ok(goal, 'the goal of the test');
	const base = `/api/v1/schools/${SCHOOLS.A}/activities`;
	const made = await api(base, { method: 'POST', headers: json, body: JSON.stringify({
		title: `TEST-ACT gastles wijkagent ${tag}`, levels: ['groep-5'], duration_minutes: 60,
		themes: ['online veiligheid'], goals: [goal.id], notes: 'Elk jaar in maart.',
		url: 'https://example.org/gastles', sensitive_topic: false,
	}) });
	assert.equal(made.status, 201, made.text);
	const act = made.json;
	assert.equal(made.headers.get('location'), `${base}/${act.id}`);
	assert.equal(made.headers.get('etag'), `"${act.version}"`);
	assert.equal(act.kind, 'activiteit');
	assert.deepEqual(act.levels, ['groep-5']);
	assert.deepEqual(act.goals.map((g) => g.id), [goal.id]);
	assert.equal(act.school_id, SCHOOLS.A);
	// bad input: a clear 422 naming the field, nothing made
	for (const [body, field] of [
		[{ levels: ['groep-5'] }, 'title'],
		[{ title: 'x', levels: ['groep-99'] }, 'levels'],
		[{ title: 'x', levels: ['groep-5'], goals: ['00000000-0000-4000-a000-000000000000'] }, 'goals'],
		[{ title: 'x', levels: ['groep-5'], url: 'ftp://x' }, 'url'],
		[{ title: 'x', levels: ['groep-5'], colour: 'rood' }, 'colour'],
	]) {
		const bad = await api(base, { method: 'POST', headers: json, body: JSON.stringify(body) });
		assert.equal(bad.status, 422, `${field}: ${bad.text}`);
		assert.ok(bad.json.errors.some((e) => e.field === field), bad.text);
	}
	const list = await api(base, { headers: coord });
	assert.equal(list.json.items.filter((i) => i.title.startsWith('TEST-ACT') && i.id === act.id).length, 1);

	// planned and checked like a catalogue unit
	const plan = await api(`/api/v1/schools/${SCHOOLS.A}/plans`, { method: 'POST', headers: json,
		body: JSON.stringify({ school_year: '2026-2027', title: `TEST-PLAN eigen activiteit ${tag}` }) });
	assert.equal(plan.status, 201, plan.text);
	let version = plan.json.version;
	const add = async (level, week) => {
		const res = await api(`/api/v1/plans/${plan.json.id}/items`, { method: 'POST',
			headers: { ...json, 'if-match': `"${version}"` },
			body: JSON.stringify({ lesson_id: act.id, level, week }) });
		assert.equal(res.status, 201, res.text);
		version += 1;
		return res.json;
	};
	const fit = await add('groep-5', '2026-W40');
	assert.equal(fit.lesson.own, true);
	assert.equal(fit.lesson.kind, 'activiteit');
	assert.ok(!fit.warnings.some((w) => w.code === 'level_mismatch'), JSON.stringify(fit.warnings));
	const misfit = await add('groep-8', '2026-W41');
	assert.ok(misfit.warnings.some((w) => w.code === 'level_mismatch'), JSON.stringify(misfit.warnings));
	const again = await add('groep-5', '2026-W42');
	assert.ok(again.warnings.some((w) => w.code === 'duplicate_lesson'), JSON.stringify(again.warnings));

	// counted in coverage at the level it is meant for; groep 8 is out of level
	const cov = await api(`/api/v1/plans/${plan.json.id}/coverage?framework=MW-CM-2021&focus=alles`, { headers: coord });
	assert.equal(cov.status, 200, cov.text);
	const g = cov.json.frameworks[0].goals.find((x) => x.id === goal.id || x.code === goal.code);
	assert.ok(g, 'the goal is in the report');
	assert.ok(g.levels_planned.includes('groep-5'), JSON.stringify(g));
	assert.ok(!g.levels_planned.includes('groep-8'), JSON.stringify(g));

	// changed with If-Match; a stale version is refused
	const url = `${base}/${act.id}`;
	const patched = await api(url, { method: 'PATCH', headers: { ...json, 'if-match': `"${act.version}"` },
		body: JSON.stringify({ levels: ['groep-5', 'groep-6'], offered: true }) });
	assert.equal(patched.status, 200, patched.text);
	assert.deepEqual(patched.json.levels, ['groep-5', 'groep-6']);
	assert.equal(patched.json.offered, true);
	assert.equal(patched.json.version, act.version + 1);
	const stale = await api(url, { method: 'PATCH', headers: { ...json, 'if-match': `"${act.version}"` },
		body: JSON.stringify({ notes: 'x' }) });
	assert.equal(stale.status, 412);
	// planned: it cannot go
	const gone = await api(url, { method: 'DELETE', headers: { ...coord, 'if-match': `"${patched.json.version}"` } });
	assert.equal(gone.status, 422, gone.text);
	assert.equal(gone.json.errors[0].field, 'id');

	// a curator sees the offer and adopts it with its source
	const cur = (await login('curator')).headers;
	const offered = await api('/api/v1/activities/offered', { headers: cur });
	assert.equal(offered.status, 200);
	assert.ok(offered.json.items.some((i) => i.id === act.id && i.school_name), 'offered to the curators');
	const noSource = await api(`/api/v1/activities/${act.id}/adopt`, { method: 'POST',
		headers: { ...cur, 'content-type': 'application/json' }, body: JSON.stringify({ kind: 'les' }) });
	assert.equal(noSource.status, 422);
	assert.ok(noSource.json.errors.some((e) => e.field === 'source_url'));
	const adopted = await api(`/api/v1/activities/${act.id}/adopt`, { method: 'POST',
		headers: { ...cur, 'content-type': 'application/json' },
		body: JSON.stringify({ source_url: 'https://example.org/gastles-bron', kind: 'les' }) });
	assert.equal(adopted.status, 201, adopted.text);
	const unit = await api(`/api/v1/lessons/${adopted.json.id}`);
	assert.equal(unit.status, 200, 'the adopted unit is in the shared catalogue');
	assert.equal(unit.json.school_id, null);
	assert.equal(unit.json.adopted_from, act.id);
	assert.equal(unit.json.source_address, 'https://example.org/gastles-bron');
	assert.ok(unit.json.alignments.some((a) => a.goal.id === goal.id));

	// clean up: the plan, then the activity (no longer planned: 204), the copy
	await pool.query('DELETE FROM plan WHERE id = $1', [plan.json.id]);
	const cur2 = await api(url, { headers: coord });
	const del = await api(url, { method: 'DELETE', headers: { ...coord, 'if-match': cur2.headers.get('etag') } });
	assert.equal(del.status, 204, del.text);
	assert.equal((await api(url, { headers: coord })).status, 404);
	await pool.query('DELETE FROM lesson WHERE id = $1', [adopted.json.id]);
});
