// The soak: a mixed load against a running API for SOAK_MINUTES minutes
// (default 30): catalogue reads, logins, plan edits, coverage reports and
// exports from SOAK_CLIENTS clients.  Each minute it prints the requests,
// the errors, every worker's RSS and open file descriptors and the
// database's connections.  Documented answers that are not errors: 412/428
// (a stale or missing version: the client re-reads), 429 (throttled).
// Exit 1 on any other 4xx/5xx or a failed request.
//
//   LEERLIJN_URL, KORE_PID, PSQL (a psql command line) come from soak.sh.
import { readFileSync, readdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const BASE = process.env.LEERLIJN_URL;
const MINUTES = Number(process.env.SOAK_MINUTES ?? 30);
const CLIENTS = Number(process.env.SOAK_CLIENTS ?? 6);
const KORE = Number(process.env.KORE_PID);
const PW = 'leerlijn-demo';
const SCHOOL_A = '00000000-0000-4000-a000-00000000000a';
const YEAR = '2026-2027';

const counts = { requests: 0, errors: 0, documented: 0 };
const errors = new Map();

async function req(method, path, { token, body, ifMatch, ok = [200] } = {}) {
  const headers = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (ifMatch) headers['if-match'] = ifMatch;
  counts.requests++;
  let res;
  try {
    res = await fetch(BASE + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch (e) {
    counts.errors++;
    errors.set(`${method} ${path.split('?')[0]}: ${e.message}`, (errors.get(e.message) ?? 0) + 1);
    return { status: 0 };
  }
  const text = await res.text();
  if (!ok.includes(res.status)) {
    if ([412, 428, 429].includes(res.status)) counts.documented++;
    else {
      counts.errors++;
      const k = `${method} ${path.split('?')[0].replace(/[0-9a-f-]{36}/g, '{id}')} ${res.status}`;
      errors.set(k, (errors.get(k) ?? 0) + 1);
    }
  }
  let json;
  try { json = text && JSON.parse(text); } catch { /* not JSON */ }
  return { status: res.status, json, etag: res.headers.get('etag') };
}

async function login(email) {
  const r = await req('POST', '/api/v1/session', { body: { email, password: PW }, ok: [201] });
  return r.json?.token;
}

const pick = (xs) => xs[Math.floor(Math.random() * xs.length)];

async function client(i, until) {
  const coord = await login('coordinator-a@demo.leerlijn.example');
  const plan = await req('POST', `/api/v1/schools/${SCHOOL_A}/plans`, {
    token: coord, body: { school_year: YEAR, title: `SOAK ${i} ${Date.now()}` }, ok: [201] });
  const planId = plan.json?.id;
  const lessons = (await req('GET', '/api/v1/lessons?limit=50')).json?.items?.map((l) => l.id) ?? [];
  let n = 0;
  while (Date.now() < until) {
    n++;
    const kind = n % 10;
    if (kind <= 3) {
      await req('GET', pick(['/api/v1/frameworks', '/api/v1/frameworks/CNU-DG-2019/goals',
        '/api/v1/lessons?goal=DG2.1&framework=CNU-DG-2019', '/api/v1/lessons?limit=20',
        '/ims/case/v1p0/CFDocuments']));
    } else if (kind === 4 && n % 30 === 4) {
      // A login and logout (argon2id): one in thirty requests.
      const t = await login(pick(['teacher-a@demo.leerlijn.example', 'teacher-b@demo.leerlijn.example']));
      if (t) await req('DELETE', '/api/v1/session', { token: t, ok: [204] });
    } else if (kind <= 6 && planId && lessons.length > 0) {
      const cur = await req('GET', `/api/v1/plans/${planId}`, { token: coord });
      const items = cur.json?.items ?? [];
      if (items.length > 20) {
        await req('DELETE', `/api/v1/plans/${planId}/items/${items[0].id}`, { token: coord, ifMatch: cur.etag, ok: [204] });
      } else {
        const week = `2026-W${String(36 + Math.floor(Math.random() * 16)).padStart(2, '0')}`;
        await req('POST', `/api/v1/plans/${planId}/items`, {
          token: coord, ifMatch: cur.etag, ok: [201],
          body: { lesson_id: pick(lessons), level: pick(['havo-2', 'vwo-2', 'havo-3']), week } });
      }
    } else if (kind === 7) {
      await req('GET', pick([`/api/v1/schools/${SCHOOL_A}/coverage?years=${YEAR}`,
        '/api/v1/reports/coverage?years=' + YEAR, `/api/v1/schools/${SCHOOL_A}/leerlijn`]), { token: coord });
    } else if (planId) {
      await req('GET', pick([`/api/v1/plans/${planId}/calendar.ics`, `/api/v1/plans/${planId}/export.csv`,
        `/api/v1/plans/${planId}/coverage`]), { token: coord });
    }
  }
  if (planId) await req('DELETE', `/api/v1/plans/${planId}`, { token: coord, ok: [204, 412, 428] });
}

// Every worker of the kore parent: pid, RSS (kB) and open descriptors.
function workers() {
  const out = [];
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const st = readFileSync(`/proc/${d}/stat`, 'utf8');
      const ppid = Number(st.slice(st.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid !== KORE) continue;
      const rss = Number(readFileSync(`/proc/${d}/status`, 'utf8').match(/VmRSS:\s+(\d+)/)[1]);
      out.push({ pid: Number(d), rss, fds: readdirSync(`/proc/${d}/fd`).length });
    } catch { /* gone */ }
  }
  return out.sort((a, b) => a.pid - b.pid);
}

function pgConnections() {
  try {
    return Number(execFileSync('sh', ['-c', `${process.env.PSQL} -Atc "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"`]).toString().trim());
  } catch {
    return -1;
  }
}

function report(minute) {
  const w = workers();
  const line = `minute ${String(minute).padStart(2)}: requests ${counts.requests}, errors ${counts.errors}, ` +
    `documented ${counts.documented}; workers ${w.map((x) => `pid ${x.pid} rss ${x.rss} kB fds ${x.fds}`).join(', ')}; ` +
    `pg connections ${pgConnections()}`;
  console.log(line);
  return w;
}

const start = Date.now();
const until = start + MINUTES * 60000;
const first = report(0);
let minute = 0;
const timer = setInterval(() => report(++minute), 60000);
await Promise.all(Array.from({ length: CLIENTS }, (_, i) => client(i, until)));
clearInterval(timer);
const last = report(Math.round((Date.now() - start) / 60000));
for (const [k, v] of errors) console.log(`error: ${k} x${v}`);
const same = first.length === last.length && first.every((w, i) => w.pid === last[i].pid);
console.log(`soak: ${MINUTES} min, ${CLIENTS} clients, ${counts.requests} requests, ${counts.errors} errors, ` +
  `${counts.documented} documented (412/428/429); workers ${same ? 'the same processes' : 'RESTARTED'}`);
process.exit(counts.errors === 0 && same ? 0 : 1);
