// Catalogue data: schema/migrations/0002_catalogue.sql, schema/functions/catalogue_import.sql
// and the seeds of seeds/manifest, checked against the seed files themselves.
//
// DATABASE_URL must point at a database where all schema files and the seed
// manifest have been applied. Every test that writes does so inside a
// transaction that it rolls back.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { filePool } from './lib.mjs';

const seeds = new URL('../../seeds/', import.meta.url);
const readJson = (rel) => JSON.parse(readFileSync(new URL(rel, seeds), 'utf8'));
const readText = (rel) => readFileSync(new URL(rel, seeds), 'utf8');

const PO34 = '82c7db22-1b7f-4890-8720-dd2aa8373b56';
const PO35 = '45dbe23d-61b7-4332-872d-a5280d7a17b0';

// Every catalogue table, for the "nothing changed" checksum.
const TABLES = [
	'source_document', 'evidence_level', 'stage', 'level', 'level_member',
	'level_alias', 'framework', 'slo_group', 'goal', 'goal_level',
	'goal_relation', 'goal_replaced_id', 'provider', 'programme',
	'programme_provider', 'programme_level', 'programme_mention',
	'help_resource', 'lesson', 'lesson_level', 'lesson_help_resource',
	'alignment',
];

const pool = filePool();

async function q(sql, params = []) {
	return (await pool.query(sql, params)).rows;
}

// Runs fn(client) in a transaction that is always rolled back.
async function inRollback(fn) {
	const client = await pool.connect();
	try {
		await client.query('BEGIN');
		return await fn(client);
	} finally {
		await client.query('ROLLBACK');
		client.release();
	}
}

// Content and tuple version (xmin) of every row of every catalogue table:
// a row that was rewritten, even with equal content, changes the checksum.
async function checksums(client) {
	const out = {};
	for (const t of TABLES) {
		const { rows } = await client.query(
		    `SELECT count(*)::int AS n,
			md5(coalesce(string_agg(r::text, '|' ORDER BY r::text), '')) AS content,
			md5(coalesce(string_agg(r::text || '@' || r.xmin::text, '|' ORDER BY r::text), '')) AS tuples
		     FROM ${t} r`);
		out[t] = rows[0];
	}
	return out;
}

function manifestLines() {
	return readText('manifest').split('\n')
	    .map((l) => l.trim())
	    .filter((l) => l !== '' && !l.startsWith('#'))
	    .map((l) => l.split(/\s+/));
}

test('the SLO importers hold exactly the objects of the SLO files', async () => {
	// The SLO files whose objects each table holds.
	const files = {
		level: ['niveaus', 'kerndoelen.uitstroomprofielen'],
		goal: ['kerndoelen.kerndoelen', 'ldk.vakleergebieden', 'ldk.vakkernen',
		    'ldk.vaksubkernen', 'ldk.vakinhouden'],
		slo_group: ['kerndoelen.domeinen', 'kerndoelen.vakleergebieden'],
	};
	const cases = Object.entries(files).flatMap(([table, names]) =>
	    names.map((name) => [`slo/${name}.json`, table]));
	for (const [file, table] of cases) {
		const objects = readJson(file);
		assert.ok(Array.isArray(objects) && objects.length > 0, file);
		const where = table === 'goal' ? 'source = $1 AND id_origin = \'slo\'' : 'source = $1';
		const rows = await q(`SELECT id::text FROM ${table} WHERE ${where}`, [file]);
		assert.equal(rows.length, objects.length, `${file}: rows in ${table}`);
		const ids = new Set(rows.map((r) => r.id));
		for (const o of objects)
			assert.ok(ids.has(o.id), `${file}: SLO UUID ${o.id} kept`);
	}

	// kerndoel levels and "replaces" as published
	const kd = readJson('slo/kerndoelen.kerndoelen.json');
	const [{ n: nLevels }] = await q(
	    `SELECT count(*)::int AS n FROM goal_level gl JOIN goal g ON g.id = gl.goal_id
	     WHERE g.source = 'slo/kerndoelen.kerndoelen.json'`);
	assert.equal(nLevels, kd.reduce((s, o) => s + o.niveau_id.length, 0));
	const [{ n: nRepl }] = await q(
	    `SELECT count(*)::int AS n FROM goal_replaced_id
	     WHERE source = 'slo/kerndoelen.kerndoelen.json'`);
	assert.equal(nRepl, kd.reduce((s, o) => s + (o.replaces ?? []).length, 0));

	// the three kerndoelen frameworks split by prefix
	const perFw = await q(
	    `SELECT f.code, count(*)::int AS n FROM goal g JOIN framework f ON f.id = g.framework_id
	     WHERE g.kind = 'kerndoel' GROUP BY f.code ORDER BY f.code`);
	const expect = { 'SLO-KD-PO-2006': 0, 'SLO-KD-SO-VSO': 0, 'SLO-KD-VO-2006': 0 };
	for (const o of kd) {
		if (o.prefix.startsWith('PO ')) expect['SLO-KD-PO-2006']++;
		else if (o.prefix.startsWith('VO ')) expect['SLO-KD-VO-2006']++;
		else expect['SLO-KD-SO-VSO']++;
	}
	assert.deepEqual(Object.fromEntries(perFw.map((r) => [r.code, r.n])), expect);
});

test('frameworks.json: every framework, and the goals of the non-SLO frameworks', async () => {
	const fws = readJson('curriculum/frameworks.json');
	const rows = await q('SELECT code FROM framework');
	const codes = new Set(rows.map((r) => r.code));
	for (const f of fws)
		assert.ok(codes.has(f.code), `framework ${f.code}`);
	for (const code of ['CNU-DG-2019', 'SLO-DG-CONCEPT-2024', 'SLO-21CS', 'MW-CM-2012', 'MNOS-LEERDOELEN']) {
		const f = fws.find((x) => x.code === code);
		const expected = f.items.filter((i) => i.title_nl !== null);
		const got = await q(
		    `SELECT g.code, g.title, g.confidence FROM goal g JOIN framework f ON f.id = g.framework_id
		     WHERE f.code = $1`, [code]);
		assert.equal(got.length, expected.length, code);
		for (const i of expected) {
			const g = got.find((x) => x.code === i.code);
			assert.ok(g, `${code} ${i.code}`);
			assert.equal(g.title, i.title_nl);
			assert.equal(g.confidence, i.confidence);
		}
	}
	// Curriculum.nu as published: DG5.1 is De digitale burger, DG5.2 Digitale identiteit
	const dg = await q(
	    `SELECT g.code, g.title FROM goal g JOIN framework f ON f.id = g.framework_id
	     WHERE f.code = 'CNU-DG-2019' AND g.code IN ('DG5.1', 'DG5.2') ORDER BY g.code`);
	assert.deepEqual(dg, [{ code: 'DG5.1', title: 'De digitale burger' },
	    { code: 'DG5.2', title: 'Digitale identiteit' }]);
});

test('PO kerndoel 34 "Gezondheid" is found by its SLO UUID', async () => {
	const rows = await q(
	    `SELECT g.code, g.title, g.description, g.id_origin, f.code AS framework,
		p.title AS parent, (SELECT array_agg(l.code ORDER BY l.code) FROM goal_level gl
		    JOIN level l ON l.id = gl.level_id WHERE gl.goal_id = g.id) AS levels
	     FROM goal g JOIN framework f ON f.id = g.framework_id
	     LEFT JOIN goal p ON p.id = g.parent_id
	     WHERE g.id = $1`, [PO34]);
	assert.equal(rows.length, 1);
	const g = rows[0];
	assert.equal(g.title, 'Gezondheid');
	assert.equal(g.code, 'PO Kerndoel 34');
	assert.equal(g.id_origin, 'slo');
	assert.equal(g.framework, 'SLO-KD-PO-2006');
	assert.equal(g.parent, 'Mens en samenleving');
	assert.deepEqual(g.levels, ['po']);
	assert.match(g.description, /lichamelijke en psychische gezondheid van henzelf en anderen/);
});

test('a second import of every json manifest line changes nothing', async () => {
	const lines = manifestLines().filter((l) => l[0] === 'json');
	assert.ok(lines.length >= 10);
	await inRollback(async (client) => {
		const before = await checksums(client);
		for (const [, fn, file] of lines) {
			assert.match(fn, /^[a-z_][a-z0-9_]*$/);
			await client.query(`SELECT ${fn}($1::jsonb)`, [readText(file)]);
		}
		const afterImport = await checksums(client);
		assert.deepEqual(afterImport, before);
	});
});

test('the pack\'s "Overzicht leerdoelen" is aligned exactly as published', async () => {
	const pack = readJson('curriculum/mnos-pack.json');
	const t = pack.learning_goals_table;
	const expected = [];
	for (const e of t.domein_curriculum_2021)
		expected.push({ label: `${e.code} ${e.title_as_published}`, code: e.code,
		    framework: 'CNU-DG-2019', goal_code: e.code });
	for (const e of t.leerdoelen_digitale_vaardigheden)
		for (const s of e.goals)
			expected.push({ label: s, code: null, framework: 'MNOS-LEERDOELEN', goal_title: s });
	for (const e of t.kerndoelen)
		expected.push({ label: e.goal, code: null, framework: 'SLO-KD-PO-2006',
		    goal_id: e.matches.match(/[0-9a-f-]{36}/)[0] });
	const skills = { Communiceren: '21CS-COM', 'Probleem oplossen': '21CS-PO', Zelfregulering: '21CS-ZR' };
	for (const e of t['21st_century_skills'])
		expected.push({ label: e.skill, code: null, framework: 'SLO-21CS', goal_code: skills[e.skill] });
	assert.equal(expected.length, 10);

	const rows = await q(
	    `SELECT a.published_label, a.published_code, a.note, a.lesson_id, a.source,
		g.id::text AS goal_id, g.code AS goal_code, g.title AS goal_title, f.code AS framework
	     FROM alignment a JOIN programme p ON p.id = a.programme_id
	     JOIN goal g ON g.id = a.goal_id JOIN framework f ON f.id = g.framework_id
	     WHERE p.code = 'MNOS-LESPAKKET' AND a.source = $1 ORDER BY a.position`,
	    [pack.source_document]);
	assert.equal(rows.length, expected.length);
	for (const [i, e] of expected.entries()) {
		const r = rows[i];
		assert.equal(r.published_label, e.label, `row ${i + 1} label`);
		assert.equal(r.published_code, e.code);
		assert.equal(r.framework, e.framework);
		if (e.goal_code) assert.equal(r.goal_code, e.goal_code);
		if (e.goal_title) assert.equal(r.goal_title, e.goal_title);
		if (e.goal_id) assert.equal(r.goal_id, e.goal_id);
		assert.equal(r.lesson_id, null, 'pack level: the source does not name the lesson');
		assert.match(r.note, /pakketniveau/);
		assert.equal(r.source, pack.source_document);
	}
	// as published: the pack's DG5.1 row is aligned to DG5.1, not silently to DG5.2
	const dg51 = rows.find((r) => r.published_label === 'DG5.1 Digitale identiteit');
	assert.equal(dg51.goal_code, 'DG5.1');
	assert.equal(dg51.goal_title, 'De digitale burger');
	assert.ok(rows.some((r) => r.goal_id === PO34));
	assert.ok(rows.some((r) => r.goal_id === PO35));

	// The pack's own goal list (MNOS-LEERDOELEN) restates rows of the table:
	// each such goal is tied to the pack as the table ties its row (seeds/
	// coverage_focus.sql), with the label the table printed.
	const restated = await q(
	    `SELECT a.published_label, g.title, f.code AS framework, a.source
	     FROM alignment a JOIN programme p ON p.id = a.programme_id
	     JOIN goal g ON g.id = a.goal_id JOIN framework f ON f.id = g.framework_id
	     WHERE p.code = 'MNOS-LESPAKKET' AND a.source <> $1`, [pack.source_document]);
	assert.equal(restated.length, 7);
	for (const r of restated) {
		assert.equal(r.framework, 'MNOS-LEERDOELEN');
		assert.equal(r.published_label, r.title);
		assert.equal(r.source, `${pack.source_document} (eigen doelenlijst)`);
		assert.ok(expected.some((e) => e.label === r.published_label), 'a row of the table');
	}

	// every lesson of the pack inherits the pack-level alignments: the ten
	// rows of the table and the seven restated goals of its own list
	const perLesson = await q(
	    `SELECT l.title, l.title_is_placeholder, count(la.*)::int AS n
	     FROM lesson l JOIN programme p ON p.id = l.programme_id
	     LEFT JOIN lesson_alignment la ON la.lesson_id = l.id
	     WHERE p.code = 'MNOS-LESPAKKET' GROUP BY l.id ORDER BY l.position`);
	assert.deepEqual(perLesson, [1, 2, 3].map((n) => ({ title: `Les ${n}`,
	    title_is_placeholder: true, n: 17 })));
});

test('the lessons carry the pack\'s key messages, safety checklist and help', async () => {
	const pack = readJson('curriculum/mnos-pack.json');
	const lessons = await q(
	    `SELECT l.id, l.key_messages, l.safety_checklist, l.sensitive_topic, l.status,
		l.evidence_level_code, l.title_note,
		(SELECT array_agg(l2.code ORDER BY l2.sort_order) FROM lesson_level ll
		    JOIN level l2 ON l2.id = ll.level_id WHERE ll.lesson_id = l.id) AS levels,
		(SELECT array_agg(h.url ORDER BY lh.position) FROM lesson_help_resource lh
		    JOIN help_resource h ON h.id = lh.help_resource_id WHERE lh.lesson_id = l.id) AS help
	     FROM lesson l JOIN programme p ON p.id = l.programme_id
	     WHERE p.code = 'MNOS-LESPAKKET'`);
	assert.equal(lessons.length, 3);
	for (const l of lessons) {
		assert.deepEqual(l.key_messages, pack.key_messages);
		assert.equal(l.key_messages.length, 6);
		assert.deepEqual(l.safety_checklist, pack.safety_in_class.checklist);
		assert.equal(l.sensitive_topic, true);
		assert.equal(l.status, 'published');
		assert.equal(l.evidence_level_code, 'unknown');
		assert.match(l.title_note, /plaatsaanduiding/);
		assert.deepEqual(l.levels, ['vmbo-bb-2', 'vmbo-kb-2', 'vmbo-gl-2', 'vmbo-tl-2',
		    'havo-2', 'vwo-2', 'vmbo-bb-3', 'vmbo-kb-3', 'vmbo-gl-3', 'vmbo-tl-3',
		    'havo-3', 'vwo-3']);
		assert.deepEqual(l.help, ['https://www.fier.nl/chat', 'http://www.helpwanted.nl', null]);
	}
});

test('data-quality warnings flag the DG5.1 label and the PO kerndoelen on VO 2-3', async () => {
	const rows = await q(
	    `SELECT w.code, w.severity, w.message, w.lesson_id, g.id::text AS goal_id, g.code AS goal_code
	     FROM alignment_warning w JOIN goal g ON g.id = w.goal_id
	     JOIN lesson l ON l.id = w.lesson_id JOIN programme p ON p.id = l.programme_id
	     WHERE p.code = 'MNOS-LESPAKKET'`);
	const lessons = new Set(rows.map((r) => r.lesson_id));
	assert.equal(lessons.size, 3);
	for (const lesson of lessons) {
		const mine = rows.filter((r) => r.lesson_id === lesson);
		const label = mine.filter((r) => r.code === 'label_title_mismatch');
		assert.equal(label.length, 1);
		assert.equal(label[0].goal_code, 'DG5.1');
		assert.equal(label[0].severity, 'warning');
		assert.match(label[0].message, /DG5\.1 Digitale identiteit/);
		assert.match(label[0].message, /De digitale burger/);
		assert.match(label[0].message, /DG5\.2/);
		const level = mine.filter((r) => r.code === 'level_mismatch').map((r) => r.goal_id).sort();
		assert.deepEqual(level, [PO34, PO35].sort());
		// the same through the per-lesson function
		const viaFn = await q('SELECT code, goal_id::text FROM lesson_warnings($1)', [lesson]);
		assert.ok(viaFn.some((w) => w.code === 'label_title_mismatch'));
		assert.equal(viaFn.filter((w) => w.code === 'level_mismatch').length, 2);
		assert.equal(viaFn[0].code === 'label_title_mismatch' || viaFn[0].code === 'level_mismatch', true,
		    'warnings come before infos');
	}
	// DG2.1 is published with its own code and title: no label warning for it
	assert.ok(!rows.some((r) => r.goal_code === 'DG2.1' && r.code.startsWith('label_')));
});

test('a published lesson without alignment and a deprecated goal are flagged', async () => {
	await inRollback(async (c) => {
		const { rows: [l] } = await c.query(
		    `INSERT INTO lesson (title, source, status) VALUES ('Testles', 'test', 'published')
		     RETURNING id`);
		const { rows: w } = await c.query(
		    'SELECT code FROM lesson_warnings($1)', [l.id]);
		assert.deepEqual(w.map((x) => x.code), ['no_alignment']);
		// a draft lesson is not checked
		await c.query(`UPDATE lesson SET status = 'draft' WHERE id = $1`, [l.id]);
		const { rows: w2 } = await c.query('SELECT code FROM lesson_warnings($1)', [l.id]);
		assert.equal(w2.length, 0);
	});
	// SLO "replaces": a new release replacing PO kerndoel 35 deprecates it
	await inRollback(async (c) => {
		const kd = readJson('slo/kerndoelen.kerndoelen.json');
		const old = kd.find((o) => o.id === PO35);
		const successor = { ...old, id: '00000000-0000-4000-8000-000000000035', replaces: [PO35] };
		const doc = kd.filter((o) => o.id !== PO35).concat([successor]);
		await c.query('SELECT catalogue_import_slo_kerndoelen($1::jsonb)', [JSON.stringify(doc)]);
		const { rows: [g] } = await c.query('SELECT status FROM goal WHERE id = $1', [PO35]);
		assert.equal(g.status, 'deprecated');
		const { rows: rel } = await c.query(
		    `SELECT destination_goal_id::text AS d FROM goal_relation
		     WHERE origin_goal_id = $1 AND relation_type = 'replacedBy'`, [PO35]);
		assert.deepEqual(rel, [{ d: successor.id }]);
		const { rows: w } = await c.query(
		    `SELECT message, lesson_id FROM alignment_warning WHERE code = 'goal_deprecated' AND goal_id = $1`, [PO35]);
		// every published lesson aligned to it: the pack's three and the
		// units of units.json
		const { rows: [al] } = await c.query(`SELECT count(*)::int AS n FROM lesson_alignment la
		    JOIN lesson l ON l.id = la.lesson_id WHERE la.goal_id = $1 AND l.status = 'published'`, [PO35]);
		assert.ok(al.n > 3);
		assert.equal(w.length, al.n);
		const { rows: pack } = await c.query(`SELECT id FROM lesson WHERE code LIKE 'MNOS-LES-%'`);
		assert.ok(pack.every((p) => w.some((x) => x.lesson_id === p.id)), 'the pack');
		assert.match(w[0].message, /vervangen door PO Kerndoel 35/);
	});
});

test('levels are ordered from groep 1 onward and grouped in stages', async () => {
	const rows = await q(
	    `SELECT code, year_ordinal, sort_order, stage_code, id::text FROM level
	     WHERE code IN ('groep-1', 'groep-8', 'vwo-1', 'havo-3', 'vmbo-bb-3', 'po')`);
	const by = Object.fromEntries(rows.map((r) => [r.code, r]));
	assert.ok(by['groep-1'].year_ordinal < by['groep-8'].year_ordinal);
	assert.ok(by['groep-8'].year_ordinal < by['vwo-1'].year_ordinal);
	assert.ok(by['groep-1'].sort_order < by['groep-8'].sort_order);
	assert.ok(by['groep-8'].sort_order < by['vwo-1'].sort_order);
	assert.equal(by['groep-1'].stage_code, 'po-onderbouw');
	assert.equal(by['groep-8'].stage_code, 'po-bovenbouw');
	assert.equal(by['havo-3'].stage_code, 'vo-onderbouw');
	assert.equal(by['vmbo-bb-3'].stage_code, 'vo-bovenbouw');
	// SLO's niveau UUIDs are kept
	const niveaus = readJson('slo/niveaus.json');
	assert.equal(by.po.id, niveaus.find((n) => n.title === 'po').id);
	assert.equal(by['groep-1'].id, niveaus.find((n) => n.title === 'groep 1').id);
	// "from groep 1 onward" is computable
	const [{ n }] = await q(
	    `SELECT count(*)::int AS n FROM level WHERE plannable AND year_ordinal >= 1`);
	assert.equal(n, 8 + 4 * 4 + 5 + 6);
});

test('full-text search finds lessons in Dutch, accent-insensitively', async () => {
	const rows = await q(
	    `SELECT code FROM lesson WHERE search @@ catalogue_tsquery($1) AND code LIKE 'MNOS-%' ORDER BY code`,
	    ['criminéle uitbuiting']);
	assert.deepEqual(rows.map((r) => r.code), ['MNOS-LES-1', 'MNOS-LES-2', 'MNOS-LES-3']);
	// units of units.json on criminal exploitation, too
	const units = await q(`SELECT code FROM lesson WHERE search @@ catalogue_tsquery($1)
	    AND source = 'units/units.json' AND 'criminele uitbuiting' = ANY (themes)`, ['criminéle uitbuiting']);
	assert.ok(units.length >= 1);
	const none = await q(`SELECT 1 FROM lesson WHERE search @@ catalogue_tsquery('vulkanen')`);
	assert.equal(none.length, 0);
	const goals = await q(
	    `SELECT code FROM goal WHERE search @@ catalogue_tsquery('oriëntatie gezondheid') AND code = 'PO Kerndoel 34'`);
	assert.equal(goals.length, 0, 'needs both words');
	const g2 = await q(`SELECT 1 FROM goal WHERE id = $1 AND search @@ catalogue_tsquery('gezondheid')`, [PO34]);
	assert.equal(g2.length, 1);
});

test('schema constraints refuse bad rows', async () => {
	const refuse = async (sql, params, sqlstate, what) => {
		await inRollback(async (c) => {
			await assert.rejects(c.query(sql, params), (err) => {
				assert.equal(err.code, sqlstate, `${what}: ${err.message}`);
				return true;
			}, what);
		});
	};
	const fw = (await q(`SELECT id FROM framework WHERE code = 'CNU-DG-2019'`))[0].id;
	const lesson = (await q(`SELECT id FROM lesson WHERE code = 'MNOS-LES-1'`))[0].id;
	await refuse(
	    `INSERT INTO goal (id_origin, framework_id, code, kind, title, source, confidence)
	     VALUES ('manual', $1, 'X1', 'doel', 'Test', 'test', 'guessed')`, [fw], '23514',
	    'bad confidence');
	await refuse(
	    `INSERT INTO goal (id_origin, framework_id, code, kind, title, source, confidence)
	     VALUES ('manual', $1, 'DG5.1', 'doel', 'Dubbel', 'test', 'verbatim')`, [fw], '23505',
	    'duplicate code in a framework');
	await refuse(
	    `INSERT INTO alignment (lesson_id, goal_id, source, confidence)
	     VALUES ($1, '00000000-0000-4000-8000-000000000000', 'test', 'verbatim')`, [lesson], '23503',
	    'alignment to a missing goal');
	await refuse(
	    `INSERT INTO alignment (lesson_id, programme_id, goal_id, source, confidence)
	     SELECT $1, l.programme_id, $2, 'test', 'verbatim' FROM lesson l WHERE l.id = $1`,
	    [lesson, PO34], '23514', 'alignment to a lesson and a programme at once');
	await refuse(
	    `INSERT INTO alignment (lesson_id, goal_id, source, confidence, emphasis)
	     VALUES ($1, $2, 'test', 'verbatim', 'memorise')`, [lesson, PO34], '23514',
	    'bad emphasis');
	await refuse(`UPDATE lesson SET status = 'archived' WHERE id = $1`, [lesson], '23514',
	    'bad lesson status');
	await refuse(`UPDATE lesson SET evidence_level_code = 'ERK-9' WHERE id = $1`, [lesson], '23503',
	    'unknown evidence level');
	await refuse(`INSERT INTO lesson (title, source) VALUES ('  ', 'test')`, [], '23514',
	    'blank lesson title');
	await refuse(`INSERT INTO goal_relation (origin_goal_id, relation_type, destination_goal_id, source, confidence)
	     VALUES ($1, 'sameAs', $1, 'test', 'inferred')`, [PO34], '23514', 'relation type outside CASE');
});

test('lesson version goes up on a real change only', async () => {
	await inRollback(async (c) => {
		const id = (await c.query(`SELECT id, version FROM lesson WHERE code = 'MNOS-LES-2'`)).rows[0];
		await c.query(`UPDATE lesson SET title = title WHERE id = $1`, [id.id]);
		let v = (await c.query(`SELECT version FROM lesson WHERE id = $1`, [id.id])).rows[0].version;
		assert.equal(v, id.version);
		await c.query(`UPDATE lesson SET duration_minutes = 50 WHERE id = $1`, [id.id]);
		v = (await c.query(`SELECT version FROM lesson WHERE id = $1`, [id.id])).rows[0].version;
		assert.equal(v, id.version + 1);
	});
});
