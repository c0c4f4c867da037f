// Hash routes (#/lessen/…): the web server serves index.html for every
// page, and goal codes with dots ("DG2.1") stay out of the path.

export type Route =
  | { name: 'home' }
  | { name: 'frameworks' }
  | { name: 'framework'; code: string }
  | { name: 'goal'; id: string }
  | { name: 'lessons'; params: URLSearchParams }
  | { name: 'lesson'; id: string }
  | { name: 'login'; next: string }
  | { name: 'plans'; params: URLSearchParams }
  | { name: 'plan'; id: string }
  | { name: 'leerlijn'; params: URLSearchParams }
  | { name: 'proposal'; params: URLSearchParams }
  | { name: 'coverage'; params: URLSearchParams }
  | { name: 'notfound'; path: string };

function decode(s: string): string | null {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
}

/** The route of a location hash ("#/lessen?doel=…"). */
export function parseHash(hash: string): Route {
  const raw = hash.startsWith('#') ? hash.slice(1) : hash;
  if (raw === '' || raw === '/') return { name: 'home' };
  const qAt = raw.indexOf('?');
  const path = qAt === -1 ? raw : raw.slice(0, qAt);
  const params = new URLSearchParams(qAt === -1 ? '' : raw.slice(qAt + 1));
  const parts = path.split('/').filter((s) => s !== '').map(decode);
  if (parts.some((p) => p === null)) return { name: 'notfound', path };
  const [a, b, ...rest] = parts as string[];
  if (rest.length > 0) return { name: 'notfound', path };
  switch (a) {
    case 'kaders':
      return b === undefined ? { name: 'frameworks' } : { name: 'framework', code: b };
    case 'doelen':
      return b === undefined ? { name: 'frameworks' } : { name: 'goal', id: b };
    case 'lessen':
      return b === undefined ? { name: 'lessons', params } : { name: 'lesson', id: b };
    case 'jaarplan':
      return b === undefined ? { name: 'plans', params } : { name: 'plan', id: b };
    case 'leerlijn':
      return b === undefined ? { name: 'leerlijn', params } : { name: 'notfound', path };
    case 'voorstel':
      return b === undefined ? { name: 'proposal', params } : { name: 'notfound', path };
    case 'dekking':
      return b === undefined ? { name: 'coverage', params } : { name: 'notfound', path };
    case 'inloggen':
      return b === undefined ? { name: 'login', next: safeNext(params.get('terug')) } : { name: 'notfound', path };
    default:
      return { name: 'notfound', path };
  }
}

/** Only an address inside the app may be a place to return to after login. */
export function safeNext(next: string | null): string {
  if (!next || !next.startsWith('#/') || next.startsWith('#//') || next.startsWith('#/inloggen')) return '#/';
  return next;
}

const enc = encodeURIComponent;

function withQuery(base: string, params: URLSearchParams): string {
  const q = params.toString();
  return q ? `${base}?${q}` : base;
}

/** The hash of a route. */
export function href(route: Route): string {
  switch (route.name) {
    case 'home': return '#/';
    case 'frameworks': return '#/kaders';
    case 'framework': return `#/kaders/${enc(route.code)}`;
    case 'goal': return `#/doelen/${enc(route.id)}`;
    case 'lessons': {
      const q = route.params.toString();
      return `#/lessen${q ? `?${q}` : ''}`;
    }
    case 'lesson': return `#/lessen/${enc(route.id)}`;
    case 'login': return route.next && route.next !== '#/' ? `#/inloggen?terug=${enc(route.next)}` : '#/inloggen';
    case 'plans': return withQuery('#/jaarplan', route.params);
    case 'plan': return `#/jaarplan/${enc(route.id)}`;
    case 'leerlijn': return withQuery('#/leerlijn', route.params);
    case 'proposal': return withQuery('#/voorstel', route.params);
    case 'coverage': return withQuery('#/dekking', route.params);
    case 'notfound': return `#${route.path}`;
  }
}

/** The hash of the lesson finder for one goal. */
export function lessonsForGoal(goalId: string): string {
  return href({ name: 'lessons', params: new URLSearchParams({ doel: goalId }) });
}
