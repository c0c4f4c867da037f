// The IMS CASE 1.0 provider (/ims/case/v1p0) on the real seed data: every
// package validates against the CASE 1.0 CFPackage schema, identifiers and
// uris, the goal tree, crosswalks, lesson alignments, levels, the
// CFDocuments list and the imsx_StatusInfo errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { api, db, BASE, ROOT } from './lib.mjs';
import { CASE, getPackage, schemaErrors } from './case_lib.mjs';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function assertImsx(res, status, minor) {
  assert.equal(res.status, status);
  assert.match(res.type, /^application\/json/);
  assert.equal(res.json.imsx_codeMajor, 'failure');
  assert.equal(res.json.imsx_severity, 'error');
  assert.equal(typeof res.json.imsx_description, 'string');
  assert.equal(res.json.imsx_CodeMinor.imsx_codeMinorField[0].imsx_codeMinorFieldValue, minor);
}

async function frameworks() {
  const c = await db();
  const { rows } = await c.query('SELECT id, code FROM framework ORDER BY code');
  await c.end();
  return rows;
}

test('every framework in the database is served as a valid CASE 1.0 CFPackage', async () => {
  const all = await frameworks();
  assert.ok(all.length >= 13);
  for (const f of all) {
    const pkg = await getPackage(f.id);
    assert.deepEqual(schemaErrors(pkg), [], `${f.code}: ${JSON.stringify(schemaErrors(pkg).slice(0, 3))}`);
    assert.equal(pkg.CFDocument.identifier, f.id);
    assert.equal(pkg.CFDocument.extensions.code, f.code);
    // identifiers: lower-case UUIDs, unique; every uri absolute on our base
    const ids = [pkg.CFDocument, ...pkg.CFItems, ...pkg.CFAssociations,
      ...pkg.CFDefinitions.CFItemTypes].map((x) => x.identifier);
    for (const id of ids) assert.match(id, UUID, `${f.code}: ${id}`);
    assert.equal(new Set(ids).size, ids.length, `${f.code}: identifiers are unique`);
    for (const x of [pkg.CFDocument, ...pkg.CFItems, ...pkg.CFAssociations]) {
      assert.ok(x.uri.startsWith(`${BASE}${CASE}/`), x.uri);
    }
    for (const a of pkg.CFAssociations) {
      assert.ok(a.originNodeURI.uri.startsWith(`${BASE}/`), a.originNodeURI.uri);
      assert.ok(a.destinationNodeURI.uri.startsWith(`${BASE}/`), a.destinationNodeURI.uri);
    }
  }
});

test('SLO goals keep SLO\'s own UUIDs; the others have stable ones', async () => {
  const kerndoelen = JSON.parse(fs.readFileSync(`${ROOT}seeds/slo/kerndoelen.kerndoelen.json`, 'utf8'));
  const po = kerndoelen.filter((k) => /^PO /.test(k.prefix)).map((k) => k.id);
  assert.ok(po.length >= 50);
  const c = await db();
  const fw = (await c.query(`SELECT id FROM framework WHERE code = 'SLO-KD-PO-2006'`)).rows[0].id;
  const cnu = (await c.query(`SELECT id FROM framework WHERE code = 'CNU-DG-2019'`)).rows[0].id;
  await c.end();
  const pkg = await getPackage(fw);
  const served = new Set(pkg.CFItems.map((i) => i.identifier));
  for (const id of po) assert.ok(served.has(id), `SLO kerndoel ${id}`);
  const a = await getPackage(cnu);
  const b = await getPackage(cnu);
  assert.deepEqual(b.CFItems.map((i) => i.identifier), a.CFItems.map((i) => i.identifier));
  assert.deepEqual(b.CFAssociations.map((i) => i.identifier), a.CFAssociations.map((i) => i.identifier));
});

test('frameworks built from SLO\'s open data carry its MIT licence', async () => {
  const license = fs.readFileSync(`${ROOT}seeds/slo/LICENSE`, 'utf8');
  const c = await db();
  const { rows } = await c.query(`SELECT id, code, case_license_id IS NOT NULL AS licensed FROM framework`);
  await c.end();
  const slo = rows.filter((r) => ['SLO-KD-PO-2006', 'SLO-KD-VO-2006', 'SLO-KD-SO-VSO', 'SLO-LDK'].includes(r.code));
  assert.equal(slo.length, 4);
  for (const f of rows) {
    const doc = (await api(`${CASE}/CFDocuments/${f.id}`)).json;
    if (!slo.includes(f)) {
      assert.equal(doc.licenseURI, undefined, `${f.code}: no licence is claimed`);
      continue;
    }
    const pkg = await getPackage(f.id);
    assert.equal(pkg.CFDefinitions.CFLicenses.length, 1);
    const lic = pkg.CFDefinitions.CFLicenses[0];
    assert.equal(doc.licenseURI.identifier, lic.identifier);
    assert.match(lic.title, /MIT/);
    assert.ok(license.includes(lic.licenseText), 'the text of seeds/slo/LICENSE');
    assert.match(lic.licenseText, /Copyright \(c\) SLO/);
    const got = await api(new URL(doc.licenseURI.uri).pathname);
    assert.equal(got.status, 200);
    assert.deepEqual(got.json, lic);
  }
});

test('the goal tree is isChildOf associations with sequenceNumber', async () => {
  const c = await db();
  const { rows } = await c.query(`SELECT g.id, g.parent_id, g.position, g.code FROM goal g
    JOIN framework f ON f.id = g.framework_id WHERE f.code = 'CNU-DG-2019'`);
  const fw = await c.query(`SELECT id FROM framework WHERE code = 'CNU-DG-2019'`);
  await c.end();
  const pkg = await getPackage(fw.rows[0].id);
  for (const g of rows) {
    const up = pkg.CFAssociations.filter((a) => a.associationType === 'isChildOf'
      && a.originNodeURI.identifier === g.id);
    assert.equal(up.length, 1, g.code);
    assert.equal(up[0].destinationNodeURI.identifier, g.parent_id ?? fw.rows[0].id, g.code);
    assert.equal(up[0].sequenceNumber, g.position + 1, g.code);
  }
  const dg2 = rows.find((g) => g.code === 'DG2');
  const children = pkg.CFAssociations
    .filter((a) => a.associationType === 'isChildOf' && a.destinationNodeURI.identifier === dg2.id)
    .sort((x, y) => x.sequenceNumber - y.sequenceNumber)
    .map((a) => pkg.CFItems.find((i) => i.identifier === a.originNodeURI.identifier).humanCodingScheme);
  assert.deepEqual(children, ['DG2.1', 'DG2.2']);
});

test('crosswalk relations are associations, with the researcher\'s confidence kept', async () => {
  const c = await db();
  const { rows } = await c.query(`SELECT r.id, r.relation_type, r.origin_goal_id, r.destination_goal_id, r.confidence
    FROM goal_relation r JOIN goal o ON o.id = r.origin_goal_id JOIN framework f ON f.id = o.framework_id
    WHERE f.code = 'MNOS-LEERDOELEN'`);
  const fw = await c.query(`SELECT id FROM framework WHERE code = 'MNOS-LEERDOELEN'`);
  await c.end();
  assert.ok(rows.length >= 20);
  const pkg = await getPackage(fw.rows[0].id);
  for (const r of rows) {
    const a = pkg.CFAssociations.find((x) => x.identifier === r.id);
    assert.ok(a, r.id);
    assert.equal(a.associationType, r.relation_type);
    assert.equal(a.originNodeURI.identifier, r.origin_goal_id);
    assert.equal(a.destinationNodeURI.identifier, r.destination_goal_id);
    assert.equal(a.extensions.confidence, r.confidence);
    // the destination (another framework's goal) is served too
    const d = await api(new URL(a.destinationNodeURI.uri).pathname);
    assert.equal(d.status, 200);
    assert.equal(d.json.identifier, r.destination_goal_id);
  }
});

test('lesson alignments are exemplar associations from the goal to the lesson', async () => {
  const c = await db();
  const { rows } = await c.query(`SELECT DISTINCT la.goal_id, la.lesson_id, g.framework_id
    FROM lesson_alignment la JOIN goal g ON g.id = la.goal_id
    JOIN lesson l ON l.id = la.lesson_id WHERE l.school_id IS NULL AND l.status = 'published'`);
  // a school's own activities and lessons in draft are no part of the
  // published frameworks
  const { rows: own } = await c.query(`SELECT DISTINCT la.goal_id, la.lesson_id, g.framework_id
    FROM lesson_alignment la JOIN goal g ON g.id = la.goal_id
    JOIN lesson l ON l.id = la.lesson_id WHERE l.school_id IS NOT NULL OR l.status <> 'published'`);
  await c.end();
  assert.ok(rows.length >= 3);
  const packages = new Map();
  const lessons = new Map();
  for (const r of rows) {
    if (!packages.has(r.framework_id)) packages.set(r.framework_id, await getPackage(r.framework_id));
    const ex = packages.get(r.framework_id).CFAssociations.filter((a) => a.associationType === 'exemplar'
      && a.originNodeURI.identifier === r.goal_id && a.destinationNodeURI.identifier === r.lesson_id);
    assert.equal(ex.length, 1, `${r.goal_id} -> ${r.lesson_id}`);
    assert.equal(ex[0].destinationNodeURI.uri, `${BASE}/api/v1/lessons/${r.lesson_id}`);
    const path = new URL(ex[0].destinationNodeURI.uri).pathname;
    if (!lessons.has(path)) lessons.set(path, await api(path));
    assert.equal(lessons.get(path).status, 200);
    assert.equal(ex[0].destinationNodeURI.title, lessons.get(path).json.title);
  }
  for (const r of own) {
    if (!packages.has(r.framework_id)) packages.set(r.framework_id, await getPackage(r.framework_id));
    assert.ok(!packages.get(r.framework_id).CFAssociations.some((a) => a.destinationNodeURI?.identifier === r.lesson_id),
      `own activity or draft ${r.lesson_id} is not published`);
  }
});

test('levels: CEDS grades of the school years plus the Dutch level code', async () => {
  const c = await db();
  const { rows } = await c.query(`SELECT g.id, g.framework_id,
      array_agg(l.code ORDER BY l.sort_order NULLS LAST, l.code) AS codes,
      (SELECT array_agg(DISTINCT y.year_ordinal ORDER BY y.year_ordinal)
       FROM goal_level gl2 JOIN level_span s ON s.level_id = gl2.level_id
       JOIN level y ON y.id = s.covered_level_id
       WHERE gl2.goal_id = g.id AND y.year_ordinal IS NOT NULL) AS years
    FROM goal g JOIN goal_level gl ON gl.goal_id = g.id JOIN level l ON l.id = gl.level_id
    JOIN framework f ON f.id = g.framework_id WHERE f.code IN ('SLO-KD-VO-2006', 'CNU-DG-2019')
    GROUP BY g.id, g.framework_id ORDER BY g.id LIMIT 40`);
  await c.end();
  assert.ok(rows.length > 0);
  const ceds = ['PK', 'KG', '01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12'];
  for (const r of rows) {
    const item = await api(`${CASE}/CFItems/${r.id}`);
    assert.equal(item.status, 200);
    const want = [...(r.years ?? []).map((y) => ceds[y - 1]), ...r.codes.map((x) => `nl-niveau:${x}`)];
    assert.deepEqual(item.json.educationLevel, want, r.id);
  }
  // a vo onderbouw kerndoel covers leerjaar 1-3: grades 07-09
  const vo = rows.find((r) => r.codes.includes('ob-vo'));
  if (vo) {
    const item = await api(`${CASE}/CFItems/${vo.id}`);
    for (const g of ['07', '08', '09', 'nl-niveau:ob-vo']) assert.ok(item.json.educationLevel.includes(g), g);
  }
});

test('CFDocuments: paging, sort, orderBy and filter', async () => {
  const all = await frameworks();
  const res = await api(`${CASE}/CFDocuments?limit=1000`);
  assert.equal(res.status, 200);
  assert.equal(Number(res.headers.get('x-total-count')), all.length);
  assert.equal(res.json.CFDocuments.length, all.length);
  const titles = res.json.CFDocuments.map((d) => d.title);
  assert.deepEqual(titles, [...titles].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)), 'default: by title');
  const page = await api(`${CASE}/CFDocuments?limit=3&offset=2`);
  assert.deepEqual(page.json.CFDocuments.map((d) => d.identifier),
    res.json.CFDocuments.slice(2, 5).map((d) => d.identifier));
  assert.equal(Number(page.headers.get('x-total-count')), all.length);
  const desc = await api(`${CASE}/CFDocuments?sort=title&orderBy=desc&limit=1000`);
  assert.deepEqual(desc.json.CFDocuments.map((d) => d.title), [...titles].reverse());
  const byCreator = await api(`${CASE}/CFDocuments?sort=creator&limit=1000`);
  const creators = byCreator.json.CFDocuments.map((d) => d.creator);
  assert.deepEqual(creators, [...creators].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));

  const q = encodeURIComponent("title~'kerndoelen' AND adoptionStatus='Adopted'");
  const f = await api(`${CASE}/CFDocuments?filter=${q}&limit=1000`);
  assert.equal(f.status, 200);
  const want = res.json.CFDocuments.filter((d) => d.title.toLowerCase().includes('kerndoelen')
    && d.adoptionStatus === 'Adopted').map((d) => d.identifier);
  assert.ok(want.length >= 2);
  assert.deepEqual(f.json.CFDocuments.map((d) => d.identifier), want);
  assert.equal(Number(f.headers.get('x-total-count')), want.length);
  const or = await api(`${CASE}/CFDocuments?filter=${encodeURIComponent("adoptionStatus='Draft' OR adoptionStatus='Deprecated'")}`);
  assert.deepEqual(or.json.CFDocuments.map((d) => d.adoptionStatus).sort(),
    res.json.CFDocuments.map((d) => d.adoptionStatus).filter((s) => s !== 'Adopted').sort());
  const none = await api(`${CASE}/CFDocuments?filter=${encodeURIComponent("title='nope'")}`);
  assert.deepEqual(none.json.CFDocuments, []);

  assertImsx(await api(`${CASE}/CFDocuments?sort=password`), 400, 'invalid_sort_field');
  assertImsx(await api(`${CASE}/CFDocuments?orderBy=up`), 400, 'invalid_sort_field');
  assertImsx(await api(`${CASE}/CFDocuments?filter=${encodeURIComponent("secret='x'")}`), 400, 'invalid_selection_field');
  assertImsx(await api(`${CASE}/CFDocuments?filter=title`), 400, 'invalid_selection_field');
  assertImsx(await api(`${CASE}/CFDocuments?limit=0`), 400, 'invalid_selection_field');
  assertImsx(await api(`${CASE}/CFDocuments?offset=-1`), 400, 'invalid_selection_field');
  assertImsx(await api(`${CASE}/CFDocuments?fields=title`), 400, 'invalid_selection_field');
});

test('single objects by identifier, and imsx errors with the right status', async () => {
  const c = await db();
  const fw = (await c.query(`SELECT id FROM framework WHERE code = 'SLO-21CS'`)).rows[0].id;
  const rel = (await c.query(`SELECT r.id FROM goal_relation r JOIN goal o ON o.id = r.origin_goal_id
    WHERE o.framework_id = $1 LIMIT 1`, [fw])).rows[0].id;
  await c.end();
  const pkg = await getPackage(fw);

  const doc = await api(`${CASE}/CFDocuments/${fw}`);
  assert.equal(doc.status, 200);
  assert.deepEqual(doc.json, pkg.CFDocument);
  assert.equal(doc.json.CFPackageURI.uri, `${BASE}${CASE}/CFPackages/${fw}`);

  const item = pkg.CFItems[0];
  assert.deepEqual((await api(`${CASE}/CFItems/${item.identifier}`)).json, item);
  assert.deepEqual((await api(`${CASE}/CFItems/${item.identifier.toUpperCase()}`)).json, item);
  for (const a of [pkg.CFAssociations.find((x) => x.associationType === 'isChildOf'),
    pkg.CFAssociations.find((x) => x.identifier === rel),
    pkg.CFAssociations.find((x) => x.associationType === 'exemplar')]) {
    assert.ok(a);
    const got = await api(`${CASE}/CFAssociations/${a.identifier}`);
    assert.equal(got.status, 200, a.identifier);
    assert.deepEqual(got.json, a);
  }
  const ia = await api(`${CASE}/CFItemAssociations/${item.identifier}`);
  assert.equal(ia.status, 200);
  assert.deepEqual(ia.json.CFItem, item);
  const mine = pkg.CFAssociations.filter((a) => a.originNodeURI.identifier === item.identifier
    || a.destinationNodeURI.identifier === item.identifier).map((a) => a.identifier).sort();
  assert.deepEqual(ia.json.CFAssociations.map((a) => a.identifier).sort(), mine);

  const type = pkg.CFDefinitions.CFItemTypes[0];
  const t = await api(`${CASE}/CFItemTypes/${type.identifier}`);
  assert.equal(t.status, 200);
  assert.equal(t.json.title, type.title);
  assert.equal(new URL(item.CFItemTypeURI.uri).pathname, `${CASE}/CFItemTypes/${item.CFItemTypeURI.identifier}`);

  const nobody = '00000000-0000-4000-8000-000000000000';
  for (const kind of ['CFDocuments', 'CFPackages', 'CFItems', 'CFAssociations', 'CFItemAssociations',
    'CFAssociationGroupings', 'CFConcepts', 'CFSubjects', 'CFItemTypes', 'CFLicenses', 'CFRubrics']) {
    assertImsx(await api(`${CASE}/${kind}/${nobody}`), 404, 'unknownobject');
    assertImsx(await api(`${CASE}/${kind}/not-a-uuid`), 400, 'invalid_uuid');
  }
  assertImsx(await api(`${CASE}/CFTrees/${nobody}`), 404, 'unknownobject');
  assertImsx(await api('/ims/case/v1p1/CFDocuments'), 404, 'unknownobject');
  const post = await api(`${CASE}/CFDocuments`, { method: 'POST', body: '{}' });
  assertImsx(post, 405, 'unsupported');
  assert.match(post.headers.get('allow'), /GET/);
  assert.equal((await api(`${CASE}/CFDocuments`, { method: 'HEAD' })).status, 200);
  // the rest of the site still works
  assert.equal((await api('/api/v1/health')).status, 200);
  assert.equal((await api('/')).status, 200);
});
