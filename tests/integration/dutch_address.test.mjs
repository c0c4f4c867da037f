// One form of address: everything the API and the web app say to users
// addresses them with "je", never with the formal "u"/"uw".  Read from the
// sources of what users read: the API's C code and SQL functions (problem
// documents, warnings, reports) and the web app (pages, messages).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT } from './lib.mjs';

const FORMAL = [
  /\b(U|Uw) (kunt|hebt|heeft|bent|wilt|moet|kan|mag|ziet|vindt|krijgt|wordt)\b/,
  /\b(kunt|hebt|bent|wilt|moet|mag|kan|wordt) u\b(?![.\w])/,
  /\b(voor|aan|bij|met|van|naar|dan|door) u(?=[\s,!?'"]|\.(?![a-z])|$)/,
  /\b[Uu]w\b/,
];

function files(dir, ext) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (name === 'node_modules' || name === 'dist') continue;
    if (statSync(p).isDirectory()) out.push(...files(p, ext));
    else if (ext.some((e) => name.endsWith(e)) && !/\.test\.tsx?$/.test(name)) out.push(p);
  }
  return out;
}

function formalIn(text) {
  return text.split('\n').map((line, i) => [i + 1, line]).filter(([, line]) => FORMAL.some((re) => re.test(line)));
}

test('the check finds the formal form', () => {
  assert.equal(formalIn('"U hebt hiervoor niet de juiste rol."').length, 1);
  assert.equal(formalIn("'Deze school is niet zichtbaar voor u.'").length, 1);
  assert.equal(formalIn("'Je kunt uw eigen account niet verwijderen.'").length, 1);
  assert.equal(formalIn('FROM app_user u WHERE u.id = p_id; JOIN app_user u ON u.id = m.user_id').length, 0);
  assert.equal(formalIn('Je hebt hiervoor niet de juiste rol; zichtbaar voor jou.').length, 0);
});

test('the API and the web app say "je", never "u"', () => {
  const sources = [
    ...files(join(ROOT, 'api'), ['.c', '.h']),
    ...files(join(ROOT, 'schema', 'functions'), ['.sql']),
    ...files(join(ROOT, 'frontend', 'src'), ['.ts', '.tsx']),
    join(ROOT, 'frontend', 'index.html'),
  ];
  assert.ok(sources.length > 50);
  const found = sources.flatMap((f) => formalIn(readFileSync(f, 'utf8'))
    .map(([n, line]) => `${relative(ROOT, f)}:${n}: ${line.trim()}`));
  assert.deepEqual(found, []);
});
