// Import of IMS CASE 1.0 packages: POST /api/v1/case/packages (curators)
// and `leerlijn-db case-import`.  The round trip into an empty database,
// idempotent re-imports, updates that remove what a newer package no
// longer has, and hostile packages that are refused with nothing changed.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { api, assertProblem, db, sh, scratchDatabase, curatorHeaders, login } from './lib.mjs';
import {
  CASE, dropFramework, getPackage, postPackage, samplePackage, schemaErrors, snapshot, withoutTimes,
} from './case_lib.mjs';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'leerlijn-case-'));
const created = [];
after(async () => {
  const c = await db();
  for (const id of created) await dropFramework(c, id);
  await c.end();
  fs.rmSync(tmp, { recursive: true, force: true });
});

async function frameworkIds(url) {
  const c = await db(url);
  const { rows } = await c.query('SELECT id, code FROM framework ORDER BY code');
  await c.end();
  return rows;
}

function writePackage(name, pkg) {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, JSON.stringify(pkg));
  return file;
}

// POST a package and check that it was refused with status and nothing
// changed; returns the problem document.
async function refused(pkg, status) {
  const c = await db();
  try {
    const before = await snapshot(c);
    const res = await postPackage(pkg, await curatorHeaders());
    assertProblem(assert, res, status);
    assert.deepEqual(await snapshot(c), before, 'nothing changed');
    return res.json;
  } finally {
    await c.end();
  }
}

test('re-importing what the provider serves changes nothing (API and command line)', async () => {
  const all = await frameworkIds();
  const c = await db();
  const before = await snapshot(c);
  const headers = await curatorHeaders();
  for (const f of all) {
    const pkg = await getPackage(f.id);
    const body = JSON.stringify(pkg);
    if (body.length > Number(process.env.LEERLIJN_BODY_MAX ?? 1048576)) {
      // too large for one request (SLO-LDK): the command line takes it
      const res = await sh('build/leerlijn-db', ['case-import', writePackage('big.json', pkg)]);
      assert.equal(res.code, 0, res.stderr);
      assert.equal(JSON.parse(res.stdout).changed, false, f.code);
      continue;
    }
    const res = await postPackage(body, headers);
    assert.equal(res.status, 200, `${f.code}: ${res.text.slice(0, 300)}`);
    assert.equal(res.json.changed, false, f.code);
    assert.equal(res.json.created, false);
    assert.deepEqual(res.json.items, { inserted: 0, updated: 0, deleted: 0 });
    assert.deepEqual(res.json.associations, { inserted: 0, updated: 0, deleted: 0 });
  }
  assert.deepEqual(await snapshot(c), before);
  await c.end();
});

test('a new package is created, served back valid with Markdown and UTF-8 intact, and re-import is a no-op', async () => {
  const { pkg, ids } = samplePackage();
  assert.deepEqual(schemaErrors(pkg), []);
  const headers = await curatorHeaders();
  const res = await postPackage(pkg, headers);
  assert.equal(res.status, 201, res.text);
  created.push(ids.doc);
  assert.equal(res.headers.get('location'), `${CASE}/CFPackages/${ids.doc}`);
  assert.equal(res.json.created, true);
  assert.deepEqual(res.json.items, { inserted: 3, updated: 0, deleted: 0 });
  assert.equal(res.json.associations.inserted, 2, 'precedes and the exemplar; isChildOf is the tree');
  assert.equal(res.json.definitions.inserted, 2, 'the subject and the grouping; the licence is shared');

  const served = await getPackage(ids.doc);
  assert.deepEqual(schemaErrors(served), []);
  for (const item of pkg.CFItems) {
    const got = served.CFItems.find((i) => i.identifier === item.identifier);
    assert.equal(got.fullStatement, item.fullStatement);
    assert.equal(got.abbreviatedStatement, item.abbreviatedStatement);
    assert.equal(got.notes, item.notes);
    assert.deepEqual(got.conceptKeywords, item.conceptKeywords);
    assert.equal(got.humanCodingScheme, item.humanCodingScheme);
  }
  const a = served.CFItems.find((i) => i.identifier === ids.a);
  assert.deepEqual(a.educationLevel, ['07', '08', 'nl-niveau:havo-1', 'nl-niveau:vwo-2']);
  const b = served.CFItems.find((i) => i.identifier === ids.b);
  assert.deepEqual(b.educationLevel, ['KG'], 'a value without a Dutch level is kept');
  assert.equal(served.CFDocument.title, pkg.CFDocument.title);
  assert.equal(served.CFDocument.adoptionStatus, 'Private Draft');
  assert.deepEqual(served.CFDocument.subject, ['Burgerschap']);
  const ex = served.CFAssociations.find((x) => x.associationType === 'exemplar');
  assert.deepEqual(ex.destinationNodeURI, pkg.CFAssociations[4].destinationNodeURI);
  const tree = served.CFAssociations.filter((x) => x.associationType === 'isChildOf'
    && x.destinationNodeURI.identifier === ids.a).sort((x, y) => x.sequenceNumber - y.sequenceNumber);
  assert.deepEqual(tree.map((x) => x.originNodeURI.identifier), [ids.b, ids.c]);
  assert.deepEqual(tree.map((x) => x.identifier),
    [pkg.CFAssociations[1].identifier, pkg.CFAssociations[2].identifier], 'their identifiers are kept');
  assert.deepEqual(tree[1].CFAssociationGroupingURI, pkg.CFAssociations[2].CFAssociationGroupingURI,
    'other members of a tree association are kept');
  const grouping = await api(`${CASE}/CFAssociationGroupings/${ids.grouping}`);
  assert.equal(grouping.status, 200);
  assert.equal(grouping.json.description, 'Doelen voor wie verder wil.');
  assert.equal(served.CFDefinitions.CFSubjects[0].title, 'Burgerschap');
  const subject = await api(`${CASE}/CFSubjects/${ids.subject}`);
  assert.equal(subject.status, 200);
  assert.equal(subject.json.hierarchyCode, '1');
  assert.equal((await api(`${CASE}/CFLicenses/${ids.license}`)).json.title, 'CC BY 4.0');

  // the catalogue API sees the new framework and its goal tree
  const goals = await api(`/api/v1/frameworks/${served.CFDocument.extensions.code}/goals`);
  assert.equal(goals.status, 200);
  assert.deepEqual(goals.json.goals.map((g) => g.code), ['W1']);
  assert.deepEqual(goals.json.goals[0].children.map((g) => g.code), ['W1.1', 'W1.2']);
  const goal = await api(`/api/v1/goals/${ids.a}`);
  assert.deepEqual(goal.json.levels.map((l) => l.code).sort(), ['havo-1', 'vwo-2']);

  const c = await db();
  const before = await snapshot(c);
  const again = await postPackage(pkg, headers);
  assert.equal(again.status, 200);
  assert.equal(again.json.changed, false);
  const servedAgain = await postPackage(served, headers);
  assert.equal(servedAgain.status, 200);
  assert.equal(servedAgain.json.changed, false);
  assert.deepEqual(await snapshot(c), before);
  await c.end();
});

test('a newer package updates by identifier and removes what it no longer has', async () => {
  const { pkg, ids } = samplePackage();
  const headers = await curatorHeaders();
  assert.equal((await postPackage(pkg, headers)).status, 201);
  created.push(ids.doc);
  const newer = structuredClone(pkg);
  newer.CFDocument.title = 'Proefkader, versie 2';
  newer.CFItems = newer.CFItems.filter((i) => i.identifier !== ids.c);
  newer.CFItems[1].fullStatement = 'Zegt **nee**.';
  newer.CFAssociations = newer.CFAssociations.filter((x) => x.originNodeURI.identifier !== ids.c
    && x.destinationNodeURI.identifier !== ids.c);
  const res = await postPackage(newer, headers);
  assert.equal(res.status, 200, res.text);
  assert.equal(res.json.changed, true);
  assert.deepEqual(res.json.items, { inserted: 0, updated: 1, deleted: 1 });
  assert.equal(res.json.associations.deleted, 2, 'the precedes and the exemplar of W1.2');
  const served = await getPackage(ids.doc);
  assert.equal(served.CFDocument.title, 'Proefkader, versie 2');
  assert.deepEqual(served.CFItems.map((i) => i.identifier).sort(), [ids.a, ids.b].sort());
  assert.equal(served.CFItems.find((i) => i.identifier === ids.b).fullStatement, 'Zegt **nee**.');
  assert.ok(!served.CFAssociations.some((x) => [x.originNodeURI.identifier,
    x.destinationNodeURI.identifier].includes(ids.c)));
  assert.equal((await api(`${CASE}/CFItems/${ids.c}`)).status, 404);
  const c = await db();
  assert.equal((await c.query('SELECT count(*)::int AS n FROM goal WHERE id = $1', [ids.c])).rows[0].n, 0);
  await c.end();
});

test('an identifier that belongs to another framework aborts the import', async () => {
  const c = await db();
  const slo = (await c.query(`SELECT g.id FROM goal g JOIN framework f ON f.id = g.framework_id
    WHERE f.code = 'SLO-KD-PO-2006' AND g.id_origin = 'slo' LIMIT 1`)).rows[0].id;
  const other = (await c.query(`SELECT id, code FROM framework WHERE code = 'CNU-DG-2019'`)).rows[0];
  await c.end();
  const { pkg } = samplePackage();
  const renamed = JSON.parse(JSON.stringify(pkg).replaceAll(pkg.CFItems[2].identifier, slo));
  const doc = await refused(renamed, 409);
  assert.ok(doc.errors.some((e) => e.field === 'CFItems[2].identifier' && e.message.includes('SLO-KD-PO-2006')),
    JSON.stringify(doc.errors));
  // a framework code another framework has
  const { pkg: p2 } = samplePackage();
  p2.CFDocument.extensions = { code: other.code };
  const doc2 = await refused(p2, 409);
  assert.ok(doc2.errors.some((e) => e.field === 'CFDocument.extensions.code'));
});

test('hostile packages are refused with the list of problems and nothing changes', async () => {
  // wrong types: the CASE schema refuses them too
  const { pkg: types } = samplePackage();
  types.CFItems[0].fullStatement = 42;
  types.CFItems[1].lastChangeDateTime = 'gisteren';
  types.CFAssociations[0].sequenceNumber = '1';
  types.CFAssociations[1].associationType = 'isParentOf';
  types.CFItems[2].identifier = 'niet-een-uuid';
  assert.ok(schemaErrors(types).length > 0);
  const t = await refused(types, 422);
  const fields = t.errors.map((e) => e.field);
  for (const f of ['CFItems[0].fullStatement', 'CFItems[1].lastChangeDateTime',
    'CFAssociations[0].sequenceNumber', 'CFAssociations[1].associationType', 'CFItems[2].identifier']) {
    assert.ok(fields.includes(f), `${f} in ${fields}`);
  }

  // a cycle in isChildOf: valid against the schema, refused by the importer
  const { pkg: cycle, ids } = samplePackage();
  const up = structuredClone(cycle.CFAssociations[1]);
  up.identifier = randomUUID();
  up.originNodeURI = { ...cycle.CFAssociations[1].destinationNodeURI };
  up.destinationNodeURI = { title: 'W1.1', identifier: ids.b, uri: `https://case.example.org/CFItems/${ids.b}` };
  cycle.CFAssociations.push(up);
  assert.deepEqual(schemaErrors(cycle), []);
  const cy = await refused(cycle, 422);
  assert.ok(cy.errors.some((e) => /kring/.test(e.message)), JSON.stringify(cy.errors));

  // associations that point nowhere: an origin outside the package, an
  // isChildOf to an unknown parent, a crosswalk to a goal nobody has
  const { pkg: dangling } = samplePackage();
  dangling.CFAssociations[3].originNodeURI.identifier = randomUUID();
  dangling.CFAssociations[2].destinationNodeURI.identifier = randomUUID();
  assert.deepEqual(schemaErrors(dangling), []);
  const d = await refused(dangling, 422);
  assert.ok(d.errors.some((e) => e.field === 'CFAssociations[3].originNodeURI.identifier'));
  assert.ok(d.errors.some((e) => e.field === 'CFAssociations[2].destinationNodeURI.identifier'));
  const { pkg: nowhere } = samplePackage();
  nowhere.CFAssociations[3].destinationNodeURI.identifier = randomUUID();
  const n = await refused(nowhere, 422);
  assert.ok(n.errors.some((e) => e.field === 'CFAssociations[3].destinationNodeURI'
    && /wijst naar niets/.test(e.message)), JSON.stringify(n.errors));

  // duplicate identifiers: within the items, and an item that is also an association
  const { pkg: dup } = samplePackage();
  dup.CFItems[2].identifier = dup.CFItems[1].identifier;
  dup.CFAssociations[4].identifier = dup.CFItems[0].identifier;
  const du = await refused(dup, 422);
  assert.ok(du.errors.filter((e) => /komt al voor/.test(e.message)).length >= 2, JSON.stringify(du.errors));

  // a level code this catalogue lacks is not an error (the value is kept),
  // but an unknown member of a closed object is
  const { pkg: closed } = samplePackage();
  closed.CFDefinitions.CFSubjects[0].colour = 'rood';
  closed.CFTrees = [];
  assert.ok(schemaErrors(closed).length > 0);
  const cl = await refused(closed, 422);
  assert.ok(cl.errors.some((e) => e.field === 'CFTrees'));
  assert.ok(cl.errors.some((e) => e.field === 'CFDefinitions.CFSubjects[0].colour'));

  // not JSON, not an object, the wrong content type
  await refused('{"CFDocument": ', 400);
  await refused('[]', 422);
  const c = await db();
  const before = await snapshot(c);
  const res = await api('/api/v1/case/packages', {
    method: 'POST', headers: { 'content-type': 'text/plain', ...(await curatorHeaders()) }, body: '{}',
  });
  assertProblem(assert, res, 415);
  assert.deepEqual(await snapshot(c), before);
  await c.end();
});

test('the importer and the CASE schema (ajv) agree on what is well-formed', async () => {
  const headers = await curatorHeaders();
  // [what, change, expected field of the importer's error or null]
  const cases = [
    ['statusStartDate null', (p) => { p.CFDocument.statusStartDate = null; }, null],
    ['a date as statusEndDate', (p) => { p.CFItems[0].statusEndDate = '2026-07-31'; }, null],
    ['educationLevel as one string', (p) => { p.CFItems[1].educationLevel = '09'; }, null],
    ['CFDefinitions as an empty list', (p) => { p.CFDefinitions = []; }, null],
    ['sequenceNumber 0', (p) => { p.CFAssociations[1].sequenceNumber = 0; }, null],
    ['an offset date-time', (p) => { p.CFItems[2].lastChangeDateTime = '2025-06-01T12:00:00.25+02:00'; }, null],
    ['no creator', (p) => { delete p.CFDocument.creator; }, 'CFDocument.creator'],
    ['no fullStatement', (p) => { delete p.CFItems[1].fullStatement; }, 'CFItems[1].fullStatement'],
    ['no uri', (p) => { delete p.CFAssociations[2].uri; }, 'CFAssociations[2].uri'],
    ['title a number', (p) => { p.CFDocument.title = 7; }, 'CFDocument.title'],
    ['subject an object', (p) => { p.CFDocument.subject = {}; }, 'CFDocument.subject'],
    ['a relative uri', (p) => { p.CFItems[0].uri = '/CFItems/1'; }, 'CFItems[0].uri'],
    ['a date without time', (p) => { p.CFItems[0].lastChangeDateTime = '2025-06-01'; }, 'CFItems[0].lastChangeDateTime'],
    ['an impossible date', (p) => { p.CFDocument.lastChangeDateTime = '2025-02-30T10:00:00Z'; }, 'CFDocument.lastChangeDateTime'],
    ['a time without zone', (p) => { p.CFDocument.lastChangeDateTime = '2025-06-01T10:00:00'; }, 'CFDocument.lastChangeDateTime'],
    ['an unknown association type', (p) => { p.CFAssociations[3].associationType = 'isCousinOf'; }, 'CFAssociations[3].associationType'],
    ['a fractional sequenceNumber', (p) => { p.CFAssociations[1].sequenceNumber = 1.5; }, 'CFAssociations[1].sequenceNumber'],
    ['a link without title', (p) => { delete p.CFAssociations[1].originNodeURI.title; }, 'CFAssociations[1].originNodeURI.title'],
    ['a link with an extra member', (p) => { p.CFDocument.licenseURI.x = 1; }, 'CFDocument.licenseURI.x'],
    ['a licence without text', (p) => { delete p.CFDefinitions.CFLicenses[0].licenseText; }, 'CFDefinitions.CFLicenses[0].licenseText'],
    ['CFItems an object', (p) => { p.CFItems = {}; }, 'CFItems'],
    ['CFDefinitions a non-empty list', (p) => { p.CFDefinitions = [1]; }, 'CFDefinitions'],
  ];
  for (const [what, change, field] of cases) {
    const { pkg, ids } = samplePackage();
    change(pkg);
    const ajvOk = schemaErrors(pkg).length === 0;
    assert.equal(ajvOk, field === null, `${what}: ajv ${ajvOk ? 'accepts' : 'refuses'}`);
    if (field === null) {
      const res = await postPackage(pkg, headers);
      assert.equal(res.status, 201, `${what}: ${res.text.slice(0, 300)}`);
      created.push(ids.doc);
    } else {
      const doc = await refused(pkg, 422);
      assert.ok(doc.errors.some((e) => e.field === field), `${what}: ${JSON.stringify(doc.errors)}`);
    }
  }
});

test('only curators and admins may import', async () => {
  const { pkg } = samplePackage();
  const c = await db();
  try {
    const before = await snapshot(c);
    assertProblem(assert, await postPackage(pkg), 401);
    for (const role of ['teacher', 'coordinator', 'inspector']) {
      assertProblem(assert, await postPackage(pkg, (await login(role)).headers), 403);
    }
    assert.deepEqual(await snapshot(c), before);
  } finally {
    await c.end();
  }
});

test('a package over the body limit is refused with a 413 problem document', async () => {
  const { pkg } = samplePackage();
  const limit = Number(process.env.LEERLIJN_BODY_MAX ?? 1048576);
  pkg.CFItems[0].notes = 'x'.repeat(limit + 10);
  await refused(pkg, 413);
});

test('the command line refuses an invalid package with its problems and changes nothing', async () => {
  const { pkg } = samplePackage();
  pkg.CFItems[0].uri = 'geen uri';
  delete pkg.CFDocument.creator;
  const c = await db();
  const before = await snapshot(c);
  const res = await sh('build/leerlijn-db', ['case-import', writePackage('bad.json', pkg)]);
  assert.equal(res.code, 1);
  assert.match(res.stderr, /CFItems\[0\]\.uri/);
  assert.match(res.stderr, /CFDocument\.creator: ontbreekt/);
  const missing = await sh('build/leerlijn-db', ['case-import', path.join(tmp, 'nope.json')]);
  assert.equal(missing.code, 1);
  assert.deepEqual(await snapshot(c), before);
  await c.end();
});

// Last: the slowest (the command line, on a scratch database).
test('round trip: export -> import into an empty database -> export gives the same packages', async () => {
  const scratch = await scratchDatabase('case_rt');
  try {
    const env = { DATABASE_URL: scratch.url };
    const mig = await sh('build/leerlijn-db', ['migrate', 'schema'], env);
    assert.equal(mig.code, 0, mig.stderr);
    const all = await frameworkIds();
    const exported = new Map();
    for (const f of all) exported.set(f.id, await getPackage(f.id));
    // Crosswalks point into other frameworks: import until every package
    // went in (a package whose destinations are not there yet is refused).
    let pending = all.map((f) => f.id);
    for (let round = 0; pending.length > 0 && round < 5; round++) {
      const next = [];
      for (const id of pending) {
        const file = writePackage(`${id}.json`, exported.get(id));
        const res = await sh('build/leerlijn-db', ['case-import', file], env);
        if (res.code !== 0) {
          assert.match(res.stderr, /wijst naar niets/, res.stderr);
          next.push(id);
        } else {
          assert.equal(JSON.parse(res.stdout).created, true);
        }
      }
      pending = next;
    }
    assert.deepEqual(pending, []);
    for (const f of all) {
      const res = await sh('build/leerlijn-db', ['case-export', f.id], env);
      assert.equal(res.code, 0, res.stderr);
      const again = JSON.parse(res.stdout);
      assert.deepEqual(schemaErrors(again), []);
      assert.deepEqual(withoutTimes(again), withoutTimes(exported.get(f.id)), f.code);
    }
  } finally {
    await scratch.drop();
  }
});
