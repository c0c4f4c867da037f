// Helpers of the CASE tests: the CASE 1.0 CFPackage schema (ajv), database
// snapshots, hand-made packages.
import fs from 'node:fs';
import { randomUUID } from 'node:crypto';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { ROOT, BASE, api } from './lib.mjs';

export const CASE = '/ims/case/v1p0';

const schema = JSON.parse(fs.readFileSync(`${ROOT}tests/case/case-v1p0-cfpackage-schema.json`, 'utf8'));
// strict: false — the schema uses an object as additionalProperties
// (see tests/case/README.md).
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
export const validatePackage = ajv.compile(schema);

export function schemaErrors(pkg) {
  return validatePackage(pkg) ? [] : validatePackage.errors;
}

// The rows of every catalogue table the importer may touch, hashed: equal
// snapshots mean nothing changed (updated_at included).
export async function snapshot(client) {
  const out = {};
  for (const t of ['framework', 'goal', 'goal_level', 'goal_relation', 'goal_replaced_id',
    'alignment', 'case_definition', 'case_association', 'case_license']) {
    const { rows } = await client.query(
      `SELECT count(*)::int AS n, md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS h FROM ${t} x`);
    out[t] = rows[0];
  }
  return out;
}

// A package without the timestamps, for comparisons.
export function withoutTimes(v) {
  if (Array.isArray(v)) return v.map(withoutTimes);
  if (v && typeof v === 'object') {
    return Object.fromEntries(Object.entries(v)
      .filter(([k]) => k !== 'lastChangeDateTime').map(([k, x]) => [k, withoutTimes(x)]));
  }
  return v;
}

export async function getPackage(id) {
  const res = await api(`${CASE}/CFPackages/${id}`);
  if (res.status !== 200) throw new Error(`CFPackages/${id}: ${res.status}`);
  return res.json;
}

export function postPackage(pkg, headers = {}) {
  return api('/api/v1/case/packages', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof pkg === 'string' ? pkg : JSON.stringify(pkg),
  });
}

const NOW = '2025-06-01T10:00:00Z';
const link = (kind, id, title) => ({ title, identifier: id, uri: `https://case.example.org/${kind}/${id}` });

// A small package from "elsewhere": a document, a tree of three items with
// Markdown and UTF-8 in the statements, associations, definitions.
export function samplePackage() {
  const doc = randomUUID();
  const [a, b, c] = [randomUUID(), randomUUID(), randomUUID()];
  const subject = randomUUID();
  const license = randomUUID();
  const grouping = randomUUID();
  const item = (id, statement, extra = {}) => ({
    identifier: id, uri: `https://case.example.org/CFItems/${id}`,
    fullStatement: statement, lastChangeDateTime: NOW,
    CFDocumentURI: link('CFDocuments', doc, 'Proefkader'), ...extra,
  });
  const assoc = (type, from, to, extra = {}) => {
    const id = randomUUID();
    return {
      identifier: id, uri: `https://case.example.org/CFAssociations/${id}`,
      associationType: type, originNodeURI: link('CFItems', from.id, from.title),
      destinationNodeURI: to, lastChangeDateTime: NOW, ...extra,
    };
  };
  const pkg = {
    CFDocument: {
      identifier: doc, uri: `https://case.example.org/CFDocuments/${doc}`,
      creator: 'Proefuitgever', title: 'Proefkader — “weerbaarheid” & média',
      lastChangeDateTime: NOW, publisher: 'Proefuitgever', language: 'nl',
      adoptionStatus: 'Private Draft', description: 'Een kader van buiten.',
      subject: ['Burgerschap'], subjectURI: [link('CFSubjects', subject, 'Burgerschap')],
      licenseURI: link('CFLicenses', license, 'CC BY 4.0'),
    },
    CFItems: [
      item(a, '# Weerbaarheid\n\nDe leerling **herkent** signalen van _uitbuiting_ — ook online. 🙂',
        { humanCodingScheme: 'W1', CFItemType: 'Domein', abbreviatedStatement: 'Weerbaarheid',
          educationLevel: ['07', '08', 'nl-niveau:havo-1', 'nl-niveau:vwo-2'] }),
      item(b, 'Zegt “nee” tegen druk van leeftijdgenoten; weet waar hulp is (chatmetfier.nl).',
        { humanCodingScheme: 'W1.1', CFItemType: 'Doel', conceptKeywords: ['grenzen', 'hulp'],
          educationLevel: ['KG'] }),
      item(c, 'Ĳsberg, Œuvre, ñ, 中文, עברית — tekens die heel moeten blijven.',
        { humanCodingScheme: 'W1.2', CFItemType: 'Doel', notes: '- punt 1\n- punt 2' }),
    ],
    CFAssociations: [],
    CFDefinitions: {
      CFSubjects: [{ identifier: subject, uri: `https://case.example.org/CFSubjects/${subject}`,
        title: 'Burgerschap', hierarchyCode: '1', lastChangeDateTime: NOW }],
      CFLicenses: [{ identifier: license, uri: `https://case.example.org/CFLicenses/${license}`,
        title: 'CC BY 4.0', licenseText: 'https://creativecommons.org/licenses/by/4.0/', lastChangeDateTime: NOW }],
      CFAssociationGroupings: [{ identifier: grouping,
        uri: `https://case.example.org/CFAssociationGroupings/${grouping}`,
        title: 'Verdieping', description: 'Doelen voor wie verder wil.', lastChangeDateTime: NOW }],
      CFConcepts: [], CFItemTypes: [],
    },
  };
  const nodes = { a: { id: a, title: 'W1' }, b: { id: b, title: 'W1.1' }, c: { id: c, title: 'W1.2' } };
  pkg.CFAssociations.push(
    assoc('isChildOf', nodes.a, link('CFDocuments', doc, 'Proefkader'), { sequenceNumber: 1 }),
    assoc('isChildOf', nodes.b, link('CFItems', a, 'W1'), { sequenceNumber: 1 }),
    assoc('isChildOf', nodes.c, link('CFItems', a, 'W1'), { sequenceNumber: 2,
      CFAssociationGroupingURI: link('CFAssociationGroupings', grouping, 'Verdieping') }),
    assoc('precedes', nodes.b, link('CFItems', c, 'W1.2')),
    assoc('exemplar', nodes.c, { title: 'Lesmateriaal', identifier: 'les-42',
      uri: 'https://lessen.example.org/les/42' }),
  );
  return { pkg, ids: { doc, a, b, c, subject, license, grouping } };
}

// Remove a framework (and its goals) that a test imported.
export async function dropFramework(client, id) {
  await client.query('DELETE FROM goal WHERE framework_id = $1', [id]);
  await client.query('DELETE FROM framework WHERE id = $1', [id]);
  await client.query(`DELETE FROM case_license l WHERE l.source LIKE 'CASE-pakket %'
    AND NOT EXISTS (SELECT 1 FROM framework f WHERE f.case_license_id = l.id)`);
}

export { BASE };
