// The documentation stays a front door with true signposts:
// README.md stays short (at most 10,000 bytes, as `wc -c` counts) and keeps
// the two commands; every relative link in README.md, docs/*.md,
// frontend/README.md and bench/README.md points to a file that exists (and
// to a heading that exists, when it names one); every repository path the
// docs quote in code (`api/http/routes.c`) exists; no machine paths.
// Reads files only: needs neither the API nor the database.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const README_MAX = 10000;

const DOCS = [
  'README.md',
  ...readdirSync(join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`),
  'frontend/README.md',
  'bench/README.md',
];

const read = (file) => readFileSync(join(ROOT, file), 'utf8');

// Markdown without fenced code blocks (their text is not a link).
const withoutFences = (text) => text.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[ \t]*$/gm, '');

// GitHub's anchor of a heading: lower case, punctuation dropped, each space
// a hyphen.
function slug(heading) {
  return heading
    .replace(/`/g, '')
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

function anchors(file) {
  const out = new Set();
  for (const m of withoutFences(read(file)).matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    out.add(slug(m[1]));
  }
  return out;
}

// [text](target) links outside code, with their line numbers.
function links(file) {
  const text = withoutFences(read(file)).replace(/`[^`\n]*`/g, '``');
  const out = [];
  for (const m of text.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
    out.push(m[1]);
  }
  return out;
}

test('README.md is at most 10,000 bytes', () => {
  const size = statSync(join(ROOT, 'README.md')).size;
  assert.ok(size <= README_MAX,
    `README.md has ${size} bytes (limit ${README_MAX}): move detail to docs/`);
});

test('README.md keeps the two commands', () => {
  const readme = read('README.md');
  const blocks = [...readme.matchAll(/^```sh\n([\s\S]*?)^```/gm)].map((m) => m[1]);
  for (const cmd of ['make run', 'make test']) {
    assert.ok(blocks.some((b) => new RegExp(`^${cmd}(\\s|$)`, 'm').test(b)),
      `README.md has no shell block with "${cmd}"`);
  }
});

test('README.md links to the documentation index', () => {
  assert.ok(links('README.md').includes('docs/README.md'));
});

test('relative links in the docs point to files and headings that exist', () => {
  const bad = [];
  let checked = 0;
  for (const file of DOCS) {
    for (const link of links(file)) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(link)) continue; // http:, https:, mailto:
      const [path, anchor] = link.split('#');
      const target = path === '' ? file : relative(ROOT, resolve(ROOT, dirname(file), path));
      checked++;
      if (target.startsWith('..') || !existsSync(join(ROOT, target))) {
        bad.push(`${file}: ${link} (no file ${target})`);
      } else if (anchor !== undefined && target.endsWith('.md') && !anchors(target).has(anchor)) {
        bad.push(`${file}: ${link} (no heading #${anchor} in ${target})`);
      }
    }
  }
  assert.ok(checked > 20, `only ${checked} relative links found`);
  assert.deepEqual(bad, []);
});

test('repository paths quoted in the docs exist', () => {
  // Paths in code spans that start at a top-level folder of the repository,
  // e.g. `api/http/authz_rules.c`; patterns and generated files are skipped.
  const TOP = /^(api|schema|seeds|scripts|tests|bench|frontend|docs|\.ci)\//;
  const GENERATED = /^(frontend\/dist|tests\/artifacts|tests\/node_modules|bench\/results)(\/|$)/;
  const bad = [];
  let checked = 0;
  for (const file of DOCS) {
    for (const m of withoutFences(read(file)).matchAll(/`([^`\n]+)`/g)) {
      const path = m[1].replace(/[.,;:]$/, '');
      if (!TOP.test(path) || GENERATED.test(path) || /[\s*<>{}…]|NNNN/.test(path)) continue;
      checked++;
      if (!existsSync(join(ROOT, path))) bad.push(`${file}: \`${path}\``);
    }
  }
  assert.ok(checked > 30, `only ${checked} paths found`);
  assert.deepEqual(bad, [], 'the docs name paths that do not exist');
});

test('the docs name no machine paths', () => {
  for (const file of DOCS) {
    const m = read(file).match(/(^|[\s`(])(\/work|\/home|\/root|\/tmp)\/[^\s`)]*/m);
    assert.equal(m, null, `${file} names a machine path: ${m && m[0].trim()}`);
  }
});
