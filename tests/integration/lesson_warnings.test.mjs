// Per-lesson warnings (schema/functions/lesson_warnings.sql): the functions that
// compute one lesson's programme chain, alignments and data-quality
// warnings give, for every lesson, exactly the rows of the catalogue-wide
// views for that lesson, and the views are the union over all lessons.
// Checked on the seeded catalogue and on a catalogue extended (inside a
// transaction that is rolled back) with lessons that trigger every rule,
// and through the API.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { api, curatorHeaders, filePool } from './lib.mjs';

const PO34 = '82c7db22-1b7f-4890-8720-dd2aa8373b56';
const CODES = ['goal_deprecated', 'label_code_mismatch', 'label_text_differs',
	'label_title_mismatch', 'level_mismatch', 'level_partial', 'no_alignment'];

// Per-lesson function, catalogue-wide view, and the view's columns.
const PAIRS = [
	['lesson_warnings', 'alignment_warning',
	    'alignment_id, lesson_id, programme_id, goal_id, code, severity, message'],
	['lesson_alignment_of', 'lesson_alignment',
	    'alignment_id, lesson_id, goal_id, scope, programme_id, emphasis, ' +
	    'published_label, published_code, published_context, source, confidence, note'],
	['lesson_programme_chain_of', 'lesson_programme_chain',
	    'lesson_id, programme_id, depth'],
];

const pool = filePool();

// fn(client) inside a transaction that is always rolled back.
async function rolledBack(fn) {
	const client = await pool.connect();
	await client.query('BEGIN');
	try {
		return await fn(client);
	} finally {
		await client.query('ROLLBACK').finally(() => client.release());
	}
}

// Rows as a sorted list of JSON texts: equal lists are equal multisets.
function bag(rows) {
	return rows.map((r) => JSON.stringify(r)).sort();
}

// For every lesson: function rows = view rows of that lesson; and the view
// = the union of the function over all lessons. Returns the view's rows.
async function assertPerLessonEqualsView(c, fn, view, cols) {
	const { rows: lessons } = await c.query('SELECT id FROM lesson ORDER BY id');
	assert.ok(lessons.length > 0);
	const union = [];
	for (const { id } of lessons) {
		const { rows: mine } = await c.query(
		    `SELECT ${cols} FROM ${fn}($1)`, [id]);
		const { rows: listed } = await c.query(
		    `SELECT ${cols} FROM ${view} WHERE lesson_id = $1`, [id]);
		assert.deepEqual(bag(mine), bag(listed), `${fn}(${id}) = ${view} of that lesson`);
		for (const r of mine)
			assert.equal(r.lesson_id, id);
		union.push(...mine);
	}
	const { rows: all } = await c.query(`SELECT ${cols} FROM ${view}`);
	assert.deepEqual(bag(all), bag(union), `${view} = union of ${fn} over all lessons`);
	return all;
}

test('seeded catalogue: per-lesson functions equal the views, lesson by lesson', async () => {
	const c = await pool.connect();
	try {
		for (const [fn, view, cols] of PAIRS)
			await assertPerLessonEqualsView(c, fn, view, cols);
	} finally {
		c.release();
	}
});

test('every rule: per-lesson warnings equal the listing on an extended catalogue', async () => {
	await rolledBack(async (c) => {
		const one = async (sql, params) => (await c.query(sql, params)).rows[0];
		const level = async (code) => (await one('SELECT id FROM level WHERE code = $1', [code])).id;
		const top = await one(
		    `INSERT INTO programme (code, title, source, confidence)
		     VALUES ('TEST-TOP', 'Testprogramma', 'test', 'inferred') RETURNING id`);
		const sub = await one(
		    `INSERT INTO programme (code, parent_id, title, source, confidence)
		     VALUES ('TEST-SUB', $1, 'Testonderdeel', 'test', 'inferred') RETURNING id`, [top.id]);
		const lesson = async (title, programme, status, levels) => {
			const l = await one(
			    `INSERT INTO lesson (title, programme_id, source, status)
			     VALUES ($1, $2, 'test', $3) RETURNING id`, [title, programme, status]);
			for (const code of levels)
				await c.query('INSERT INTO lesson_level VALUES ($1, $2)', [l.id, await level(code)]);
			return l.id;
		};
		const a = await lesson('Les in onderdeel', sub.id, 'published', ['groep-8', 'havo-2']);
		const d = await lesson('Les in programma', top.id, 'published', ['havo-2']);
		const b = await lesson('Les zonder doelen', null, 'published', []);
		await lesson('Concept zonder doelen', null, 'draft', []);
		const dg = await one(
		    `SELECT g.id, g.code FROM goal g JOIN framework f ON f.id = g.framework_id
		     WHERE f.code = 'CNU-DG-2019' AND g.code = 'DG2.1'`);
		const align = (lessonId, programmeId, goal, label, code) => c.query(
		    `INSERT INTO alignment (lesson_id, programme_id, goal_id, published_label,
			published_code, source, confidence)
		     VALUES ($1, $2, $3, $4, $5, 'test ' || gen_random_uuid(), 'inferred')`,
		    [lessonId, programmeId, goal, label, code]);
		await align(a, null, dg.id, 'XY9 Iets anders', 'XY9');        // label_code_mismatch
		await align(a, null, dg.id, 'Een eigen formulering', null);    // label_text_differs
		await align(a, null, PO34, null, null);                        // level_partial
		await align(null, top.id, PO34, null, null);                   // level_mismatch for d, partial for a
		await align(null, sub.id, dg.id, null, null);
		await c.query(`UPDATE goal SET status = 'deprecated' WHERE id = $1`, [dg.id]);

		const all = await assertPerLessonEqualsView(c, ...PAIRS[0]);
		assert.deepEqual([...new Set(all.map((w) => w.code))].sort(), CODES,
		    'the check covers every rule');
		const codesOf = async (id) => (await c.query(
		    'SELECT code FROM lesson_warnings($1)', [id])).rows.map((w) => w.code);
		assert.deepEqual(await codesOf(b), ['no_alignment']);
		assert.deepEqual(await codesOf(d), ['level_mismatch'], 'inherited from the top programme only');
		const ofA = await codesOf(a);
		assert.deepEqual(ofA.slice(0, 4), ['goal_deprecated', 'goal_deprecated',
		    'goal_deprecated', 'label_code_mismatch']);
		assert.deepEqual(ofA.slice(4).sort(), ['label_text_differs', 'level_partial',
		    'level_partial']);
		// the chain of a lesson two programmes deep, and what it inherits
		const { rows: chain } = await c.query(
		    'SELECT programme_id, depth FROM lesson_programme_chain_of($1) ORDER BY depth', [a]);
		assert.deepEqual(chain, [{ programme_id: sub.id, depth: 0 },
		    { programme_id: top.id, depth: 1 }]);
		for (const p of PAIRS.slice(1))
			await assertPerLessonEqualsView(c, ...p);
	});
});

test('the API gives the same warnings as the functions and the listing', async () => {
	const h = await curatorHeaders();
	const { rows: all } = await pool.query(
	    'SELECT count(*)::int AS n FROM lesson l, LATERAL lesson_warnings(l.id)');
	const items = [];
	for (let offset = 0; ; offset += 100) {
		const page = await api(`/api/v1/alignment-warnings?limit=100&offset=${offset}`,
		    { headers: h });
		assert.equal(page.status, 200);
		assert.equal(page.json.total, all[0].n, 'the total is the union over all lessons');
		items.push(...page.json.items);
		if (page.json.items.length < 100)
			break;
	}
	assert.equal(items.length, all[0].n);
	// every lesson of the shared catalogue (a school's own activities are
	// a 404 for anonymous readers, and not in the public list)
	const { rows: lessons } = await pool.query('SELECT id FROM lesson WHERE school_id IS NULL ORDER BY id');
	const { rows: own } = await pool.query('SELECT id FROM lesson WHERE school_id IS NOT NULL ORDER BY id');
	for (const { id } of own) {
		assert.equal((await api(`/api/v1/lessons/${id}`)).status, 404);
		assert.ok(!items.some((w) => w.lesson.id === id));
	}
	for (const { id } of lessons) {
		// Drafts too: the curator sees every lesson (issue 16, L6).
		const res = await api(`/api/v1/lessons/${id}`, { headers: h });
		assert.equal(res.status, 200);
		const { rows: mine } = await pool.query(
		    `SELECT code, severity, message, alignment_id, goal_id
		     FROM lesson_warnings($1)`, [id]);
		assert.deepEqual(bag(res.json.warnings), bag(mine));
		const listed = items.filter((w) => w.lesson.id === id).map((w) => ({
		    code: w.code, severity: w.severity, message: w.message,
		    alignment_id: w.alignment_id, goal_id: w.goal?.id ?? null }));
		assert.deepEqual(bag(listed), bag(mine));
	}
});
