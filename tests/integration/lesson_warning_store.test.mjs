// Stored lesson warnings (schema/functions/lesson_warnings.sql): the table
// lesson_warning, kept by statement triggers, holds exactly the rows of the
// rules, alignment_warning_of(lesson) over every lesson, with the lesson's
// title and the goal's code as sort keys. Checked on the seeded catalogue,
// after each step of a long series of random edits made with SQL (inside a
// transaction that is rolled back), after an SLO re-import, and after each
// write through the curators' API (undone at the end, so that later test
// files see the seeded catalogue unchanged).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { api, catalogueEdit as edit, curatorHeaders, editSeries, ROOT, filePool } from './lib.mjs';

const SRC = 'integratietest lesson_warning_store';
const PO34 = '82c7db22-1b7f-4890-8720-dd2aa8373b56';
const PO35 = '45dbe23d-61b7-4332-872d-a5280d7a17b0';

const pool = filePool();

// The stored rows and the rules' rows, compared as multisets in SQL, all
// columns; returns the number of rows.
const STORED = `SELECT lesson_id, alignment_id, programme_id, goal_id, code,
    severity, message, lesson_title, goal_code FROM lesson_warning`;
// The store holds the shared catalogue: a school's own activities
// (school_id set) are no part of the public list (lesson_warning_refresh).
const LIVE = `SELECT l.id, w.alignment_id, w.programme_id, w.goal_id, w.code,
    w.severity, w.message, l.title, g.code
    FROM lesson l CROSS JOIN LATERAL alignment_warning_of(l.id) w
    LEFT JOIN goal g ON g.id = w.goal_id WHERE l.school_id IS NULL`;

async function assertStored(c, label) {
	// each side computed once (the rules run over every catalogue lesson)
	const { rows: [r] } = await c.query(`WITH stored AS MATERIALIZED (${STORED}),
	    live AS MATERIALIZED (${LIVE}) SELECT
	    (SELECT count(*) FROM stored)::int AS n,
	    (SELECT coalesce(json_agg(x), '[]') FROM (TABLE stored EXCEPT ALL TABLE live) x) AS extra,
	    (SELECT coalesce(json_agg(x), '[]') FROM (TABLE live EXCEPT ALL TABLE stored) x) AS missing`);
	assert.deepEqual({ extra: r.extra, missing: r.missing }, { extra: [], missing: [] },
	    `${label}: stored warnings = alignment_warning_of over all catalogue lessons`);
	return r.n;
}

test('seeded catalogue: the stored warnings are those of the rules', async () => {
	const n = await assertStored(pool, 'seed');
	assert.ok(n > 0, 'the seed has warnings');
	// the readers read the table
	const { rows: [v] } = await pool.query(`SELECT
	    (SELECT count(*) FROM alignment_warning)::int AS view,
	    (SELECT count(*) FROM lesson l, lesson_warnings(l.id))::int AS fn`);
	assert.deepEqual(v, { view: n, fn: n });
});

// One random edit through SQL; sometimes a bulk statement. Returns a label.
async function randomEdit(c, r) {
	const one = async (sql, params) => (await c.query(sql, params)).rows[0];
	const lesson = async () => (await one('SELECT id FROM lesson ORDER BY random() LIMIT 1')).id;
	const goal = async () => (await one('SELECT id, framework_id FROM goal ORDER BY random() LIMIT 1'));
	const aligned = async () => (await one(`SELECT goal_id AS id FROM alignment ORDER BY random() LIMIT 1`));
	const level = async () => (await one(`SELECT id FROM level WHERE plannable ORDER BY random() LIMIT 1`)).id;
	const programme = async () => (await one('SELECT id FROM programme ORDER BY random() LIMIT 1')).id;
	const word = () => r.pick(['Digitale identiteit', 'De digitale burger', 'Weerbaarheid',
	    'Grenzen aangeven', 'Mediawijsheid', 'Les 1']);
	switch (r.int(22)) {
	case 0: {
		const st = r.pick(['published', 'draft']);
		const p = r.int(2) ? await programme() : null;
		const l = await one(`INSERT INTO lesson (title, programme_id, source, status)
		    VALUES ($1, $2, $3, $4) RETURNING id`, [word(), p, SRC, st]);
		return 'insert lesson';
	}
	case 1:
		return edit.lessonTitle(c, await lesson(), word());
	case 2:
		await c.query(`UPDATE lesson SET status = CASE status WHEN 'draft' THEN 'published'
		    ELSE 'draft' END WHERE id = $1`, [await lesson()]);
		return 'lesson status';
	case 3:
		return edit.lessonProgramme(c, await lesson(), r.int(3) ? await programme() : null);
	case 4:
		await c.query(`UPDATE lesson SET levels_as_published = $2, summary = 'x' WHERE id = $1`,
		    [await lesson(), r.pick([null, 'VO 2', 'groep 7-8'])]);
		return 'lesson levels_as_published';
	case 5:
		await c.query(`INSERT INTO lesson_level VALUES ($1, $2) ON CONFLICT DO NOTHING`,
		    [await lesson(), await level()]);
		return 'lesson level +';
	case 6:
		await c.query(`DELETE FROM lesson_level WHERE ctid IN
		    (SELECT ctid FROM lesson_level ORDER BY random() LIMIT $1)`, [1 + r.int(3)]);
		return 'lesson level -';
	case 7: {
		const g = r.int(3) ? await goal() : await aligned();
		const code = (await one('SELECT code FROM goal WHERE id = $1', [g.id])).code;
		const label = r.pick([null, word(), `${code ?? 'X'} ${word()}`, `${r.pick(['DG5.1', 'XY9'])} ${word()}`]);
		const pcode = label && r.int(2) ? label.split(' ')[0] : null;
		const onProgramme = r.int(4) === 0;
		await c.query(`INSERT INTO alignment (lesson_id, programme_id, goal_id, published_label,
		    published_code, source, confidence) VALUES ($1, $2, $3, $4, $5, $6, 'inferred')`,
		    [onProgramme ? null : await lesson(), onProgramme ? await programme() : null,
		    g.id, label, pcode, `${SRC} ${r.next()}`]);
		return 'insert alignment';
	}
	case 8:
		return edit.alignmentGoal(c, (await goal()).id);
	case 9:
		await c.query(`UPDATE alignment SET published_label = $2, published_code = NULL WHERE id =
		    (SELECT id FROM alignment ORDER BY random() LIMIT 1)`, [word()]);
		return 'alignment label';
	case 10:
		return edit.alignmentMoves(c, await lesson());
	case 11:
		return edit.deleteAlignments(c, 1 + r.int(2));
	case 12:
		return edit.programmeParent(c, await programme(), r.int(2) ? await programme() : null);
	case 13: {
		const g = r.int(2) ? await aligned() : await goal();
		await c.query(`UPDATE goal SET title = $2 WHERE id = $1`, [g.id,
		    r.int(2) ? word() : (await one(`SELECT title FROM goal g2 WHERE g2.framework_id =
			(SELECT framework_id FROM goal WHERE id = $1) ORDER BY random() LIMIT 1`, [g.id])).title]);
		return 'goal title';
	}
	case 14:
		await c.query(`UPDATE goal SET status = CASE status WHEN 'current' THEN 'deprecated'
		    ELSE 'current' END WHERE id = $1`, [(await aligned()).id]);
		return 'goal status';
	case 15:
		await c.query(`UPDATE goal SET code = $2 WHERE id = $1 AND id_origin = 'slo'`,
		    [(await aligned()).id, r.pick(['DG5.1', 'XY9', null])]);
		return 'goal code';
	case 16:
		await c.query(`UPDATE goal SET alt_titles = alt_titles || $2::text,
		    description = CASE WHEN random() < 0.5 THEN $2 ELSE description END WHERE id = $1`,
		    [(await aligned()).id, word()]);
		return 'goal alt_titles';
	case 17: {
		const g = await aligned();
		const lv = await level();
		if (r.int(2))
			await c.query(`INSERT INTO goal_level VALUES ($1, $2) ON CONFLICT DO NOTHING`, [g.id, lv]);
		else
			await c.query(`DELETE FROM goal_level WHERE goal_id = $1`, [g.id]);
		return 'goal levels';
	}
	case 18: {
		const a = await aligned();
		const b = await goal();
		if (r.int(3))
			await c.query(`INSERT INTO goal_relation (origin_goal_id, relation_type,
			    destination_goal_id, source, confidence) VALUES ($1, 'replacedBy', $2, $3, 'inferred')
			    ON CONFLICT DO NOTHING`, [a.id, b.id, SRC]);
		else
			await c.query(`DELETE FROM goal_relation WHERE relation_type = 'replacedBy'
			    AND id IN (SELECT id FROM goal_relation WHERE relation_type = 'replacedBy'
			    ORDER BY random() LIMIT 1)`);
		return 'replacedBy';
	}
	case 19: {
		// a new goal whose title is an alignment's label text, in that framework
		const a = await one(`SELECT g.framework_id, a.published_label FROM alignment a
		    JOIN goal g ON g.id = a.goal_id WHERE a.published_code IS NOT NULL
		    ORDER BY random() LIMIT 1`);
		if (a === undefined)
			return 'no labelled alignment';
		const t = a.published_label.split(' ').slice(1).join(' ') || word();
		await c.query(`INSERT INTO goal (id_origin, framework_id, code, kind, title, source, confidence)
		    VALUES ('manual', $1, $2, 'doel', $3, $4, 'inferred')`,
		    [a.framework_id, `ZZW${r.int(1e6)}`, t, SRC]);
		return 'insert goal';
	}
	case 20:
		await c.query(`UPDATE level SET title = title || ' ', sort_order = sort_order
		    WHERE id = $1`, [await level()]);
		return 'level title';
	default: {
		const lv = await one(`SELECT id FROM level WHERE NOT plannable ORDER BY random() LIMIT 1`);
		if (r.int(2))
			await c.query(`INSERT INTO level_member VALUES ($1, $2) ON CONFLICT DO NOTHING`,
			    [lv.id, await level()]);
		else
			await c.query(`DELETE FROM level_member WHERE ctid IN
			    (SELECT ctid FROM level_member ORDER BY random() LIMIT 3)`);
		return 'level members';
	}
	}
}

test('after each of 150 random SQL edits the stored warnings are those of the rules', async () => {
	const seed = Number(process.env.LEERLIJN_TEST_SEED ?? 20261201);
	await editSeries(pool, { seed, steps: 150, edit: randomEdit, check: assertStored,
		finish: async (c, done) => {
			// bulk statements: many lessons, goals and alignments at once
			await c.query(`INSERT INTO lesson (title, source, status)
			    SELECT 'Bulkles ' || i, $1, 'published' FROM generate_series(1, 50) i`, [SRC]);
			await c.query(`INSERT INTO alignment (lesson_id, goal_id, source, confidence)
			    SELECT l.id, g.id, $1, 'inferred' FROM lesson l
			    CROSS JOIN (SELECT id FROM goal ORDER BY id LIMIT 3) g
			    WHERE l.title LIKE 'Bulkles %'`, [SRC]);
			await assertStored(c, 'bulk insert');
			await c.query(`UPDATE goal SET title = title || ' (bulk)' WHERE framework_id =
			    (SELECT id FROM framework WHERE code = 'CNU-DG-2019')`);
			await c.query(`UPDATE lesson SET status = 'draft' WHERE title LIKE 'Bulkles 1%'`);
			await assertStored(c, 'bulk update');
			await c.query(`DELETE FROM lesson WHERE source = $1`, [SRC]);
			await c.query(`DELETE FROM alignment WHERE source LIKE $1 || '%'`, [SRC]);
			await assertStored(c, 'bulk delete');
			for (const kind of ['insert alignment', 'goal title', 'lesson title', 'replacedBy'])
				assert.ok(done[kind] > 0, `the series made ${kind}: ${JSON.stringify(done)}`);
		},
	});
	await assertStored(pool, 'after the rollback');
});

test('an SLO re-import that deprecates a goal updates the stored warnings', async () => {
	const c = await pool.connect();
	try {
		await c.query('BEGIN');
		const kd = JSON.parse(await readFile(`${ROOT}seeds/slo/kerndoelen.kerndoelen.json`, 'utf8'));
		const old = kd.find((o) => o.id === PO35);
		assert.ok(old, 'PO kerndoel 35 is in the file');
		const successor = { ...old, id: '00000000-0000-4000-8000-0000000000aa', replaces: [old.id] };
		const doc = kd.filter((o) => o.id !== old.id).concat([successor]);
		await c.query('SELECT catalogue_import_slo_kerndoelen($1::jsonb)', [JSON.stringify(doc)]);
		await assertStored(c, 'after the re-import');
		const { rows: w } = await c.query(`SELECT message, lesson_id FROM lesson_warning
		    WHERE code = 'goal_deprecated' AND goal_id = $1`, [PO35]);
		// every published catalogue lesson aligned to it: the pack's three
		// and the units of units.json
		const { rows: [al] } = await c.query(`SELECT count(*)::int AS n FROM lesson_alignment la
		    JOIN lesson l ON l.id = la.lesson_id
		    WHERE la.goal_id = $1 AND l.status = 'published' AND l.school_id IS NULL`, [PO35]);
		assert.ok(al.n > 3);
		assert.equal(w.length, al.n, 'every lesson aligned to it');
		const { rows: pack } = await c.query(`SELECT id FROM lesson WHERE code LIKE 'MNOS-LES-%'`);
		assert.ok(pack.every((p) => w.some((x) => x.lesson_id === p.id)), 'the three lessons of the pack');
		assert.match(w[0].message, /vervangen door/);
	} finally {
		await c.query('ROLLBACK').finally(() => c.release());
	}
});

test('after each write through the API the stored warnings are those of the rules', async () => {
	const h = { ...(await curatorHeaders()), 'content-type': 'application/json' };
	const send = (method, path, body, extra = {}) => api(path, { method,
	    headers: { ...h, ...extra }, body: body === undefined ? undefined : JSON.stringify(body) });
	const check = (label) => assertStored(pool, `API: ${label}`);
	// Lessons that are not published are the curators' only (issue 16, L6).
	const etag = async (id) => (await api(`/api/v1/lessons/${id}`, { headers: h })).headers.get('etag');
	const goalBack = async (id) => (await api(`/api/v1/goals/${id}`)).json;
	// the seeded goals this test changes and puts back
	const { rows: [dg52] } = await pool.query(`SELECT g.id, g.title FROM goal g
	    JOIN framework f ON f.id = g.framework_id WHERE f.code = 'CNU-DG-2019' AND g.code = 'DG5.2'`);
	const po34 = await goalBack(PO34);
	const made = { lessons: [], goals: [], relations: [] };
	try {
		let r = await send('POST', '/api/v1/lessons', { title: 'Testles opgeslagen meldingen',
		    source: SRC, status: 'published', programme: 'MNOS', levels: ['havo-2'] });
		assert.equal(r.status, 201, r.text);
		const les = r.json.id;
		made.lessons.push(les);
		await check('POST lesson');
		r = await send('POST', '/api/v1/frameworks/CNU-DG-2019/goals', { code: 'ZZW.1',
		    kind: 'bouwsteen', title: 'Testdoel opgeslagen meldingen', confidence: 'inferred',
		    source: SRC, levels: ['groep-7'] });
		assert.equal(r.status, 201, r.text);
		const g = r.json.id;
		made.goals.push(g);
		await check('POST goal');
		r = await send('POST', `/api/v1/lessons/${les}/alignments`, { goal_id: g,
		    confidence: 'inferred', source: SRC, published_label: 'ZZW.1 Digitale identiteit',
		    published_code: 'ZZW.1' });
		assert.equal(r.status, 201, r.text);
		const al = r.json.id;
		await check('POST alignment');
		r = await send('POST', `/api/v1/lessons/${les}/alignments`, { goal_id: PO34,
		    confidence: 'inferred', source: SRC });
		assert.equal(r.status, 201, r.text);
		await check('POST alignment 2');
		for (const body of [{ title: 'Les 1' }, { levels: ['groep-7', 'havo-3'] },
		    { status: 'draft' }, { programme: 'VLAG-1' }, { programme: 'MNOS', status: 'published' },
		    { levels_as_published: 'groep 7 en havo 3' }, { summary: 'Alleen de samenvatting' }]) {
			r = await send('PATCH', `/api/v1/lessons/${les}`, body, { 'if-match': await etag(les) });
			assert.equal(r.status, 200, r.text);
			await check(`PATCH lesson ${JSON.stringify(body)}`);
		}
		// goal edits: the aligned goal, and a seeded goal whose title the
		// label "... Digitale identiteit" names
		for (const [id, body] of [[g, { title: 'Digitale identiteit' }], [g, { levels: ['havo-2'] }],
		    [g, { status: 'deprecated' }], [dg52.id, { title: 'Digitale identiteit (test)' }],
		    [dg52.id, { title: dg52.title }], [PO34, { levels: ['havo-2'] }],
		    [PO34, { levels: po34.levels.map((l) => l.code) }]]) {
			r = await send('PATCH', `/api/v1/goals/${id}`, body);
			assert.equal(r.status, 200, r.text);
			await check(`PATCH goal ${JSON.stringify(body)}`);
		}
		r = await send('POST', `/api/v1/goals/${g}/relations`, { type: 'replacedBy',
		    goal_id: dg52.id, confidence: 'inferred', source: SRC });
		assert.equal(r.status, 201, r.text);
		made.relations.push(r.json.id);
		await check('POST replacedBy');
		const { rows: [w] } = await pool.query(`SELECT message FROM lesson_warning
		    WHERE lesson_id = $1 AND code = 'goal_deprecated'`, [les]);
		assert.match(w.message, /vervangen door DG5\.2/);
		assert.equal((await send('DELETE', `/api/v1/relations/${made.relations.pop()}`)).status, 204);
		await check('DELETE relation');
		assert.equal((await send('DELETE', `/api/v1/alignments/${al}`)).status, 204);
		await check('DELETE alignment');
		// the listing and the lesson read the table
		const list = await send('GET', '/api/v1/alignment-warnings?limit=100');
		const { rows: [n] } = await pool.query('SELECT count(*)::int AS n FROM lesson_warning');
		assert.equal(list.json.total, n.n);
		const lesson = await api(`/api/v1/lessons/${les}`, { headers: h });
		const { rows: mine } = await pool.query(`SELECT code FROM alignment_warning_of($1)`, [les]);
		assert.deepEqual(lesson.json.warnings.map((x) => x.code).sort(), mine.map((x) => x.code).sort());
	} finally {
		for (const id of made.relations)
			await send('DELETE', `/api/v1/relations/${id}`);
		for (const id of made.lessons)
			await send('DELETE', `/api/v1/lessons/${id}`, undefined, { 'if-match': await etag(id) });
		for (const id of made.goals)
			await send('DELETE', `/api/v1/goals/${id}`);
		await send('PATCH', `/api/v1/goals/${dg52.id}`, { title: dg52.title });
		await send('PATCH', `/api/v1/goals/${PO34}`, { levels: po34.levels.map((l) => l.code) });
	}
	await check('after the clean-up');
	const { rows: left } = await pool.query(`SELECT 'lesson' AS t FROM lesson WHERE source = $1
	    UNION ALL SELECT 'goal' FROM goal WHERE source = $1
	    UNION ALL SELECT 'alignment' FROM alignment WHERE source = $1`, [SRC]);
	assert.deepEqual(left, [], 'nothing of this test is left');
	assert.deepEqual((await goalBack(PO34)).levels, po34.levels);
});
