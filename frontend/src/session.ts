// Who is logged in, and what the navigation offers each role.
//
// The session API (POST/DELETE /api/v1/session, GET /api/v1/me) sets an
// HttpOnly cookie; the page keeps only the CSRF token it is given.

import { API, ApiError, request, setCsrfToken } from './api';

export type Role = 'admin' | 'curator' | 'coordinator' | 'teacher' | 'inspector';

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'beheerder',
  curator: 'catalogusbeheerder',
  coordinator: 'coördinator',
  teacher: 'leraar',
  inspector: 'inspecteur',
};

export interface Membership {
  schoolId: string;
  schoolName: string | null;
  role: Role;
}

export interface Me {
  id: string;
  email: string;
  displayName: string;
  roles: Role[];
  memberships: Membership[];
}

const ROLES = Object.keys(ROLE_LABELS) as Role[];

function isRole(r: unknown): r is Role {
  return typeof r === 'string' && (ROLES as string[]).includes(r);
}

type Json = Record<string, unknown>;

function str(o: Json, ...keys: string[]): string {
  for (const k of keys) if (typeof o[k] === 'string') return o[k] as string;
  return '';
}

/** The user in a GET /api/v1/me (or POST /session) answer. */
export function parseMe(body: unknown): Me | null {
  if (body === null || typeof body !== 'object') return null;
  let o = body as Json;
  // POST /session answers {session_id, expires_at, user: {…}, csrf_token, …}.
  if (o.user && typeof o.user === 'object') o = o.user as Json;
  const memberships: Membership[] = [];
  const list = Array.isArray(o.memberships) ? o.memberships : Array.isArray(o.schools) ? o.schools : [];
  for (const m of list as Json[]) {
    if (!m || typeof m !== 'object' || !isRole(m.role)) continue;
    const school = (m.school && typeof m.school === 'object' ? m.school : {}) as Json;
    memberships.push({
      schoolId: str(m, 'school_id', 'id') || str(school, 'id'),
      schoolName: str(m, 'school_name', 'name') || str(school, 'name') || null,
      role: m.role,
    });
  }
  const roles = new Set<Role>();
  for (const r of Array.isArray(o.roles) ? o.roles : []) if (isRole(r)) roles.add(r);
  for (const m of memberships) roles.add(m.role);
  const id = str(o, 'id', 'user_id');
  if (!id && roles.size === 0) return null;
  return {
    id,
    email: str(o, 'email'),
    displayName: str(o, 'display_name', 'name') || str(o, 'email'),
    roles: ROLES.filter((r) => roles.has(r)),
    memberships,
  };
}

export interface NavItem {
  href: string;
  label: string;
  /** Who sees it: 'all' (also without logging in) or these roles. */
  roles: 'all' | Role[];
}

/** The pages of the main navigation, in order, with the roles that see them. */
export const NAV_PAGES: NavItem[] = [
  { href: '#/lessen', label: 'Lessen zoeken', roles: 'all' },
  { href: '#/kaders', label: 'Leerdoelen', roles: 'all' },
  { href: '#/jaarplan', label: 'Jaarplanning', roles: ['coordinator', 'teacher', 'admin'] },
  { href: '#/leerlijn', label: 'Doorlopende leerlijn', roles: ['coordinator', 'teacher', 'admin'] },
  { href: '#/dekking', label: 'Dekking', roles: ['inspector', 'coordinator', 'admin'] },
];

/** The schools where the user has this role (coordinator or teacher). */
export function schoolsAs(me: Me | null, ...roles: Role[]): Membership[] {
  return me ? me.memberships.filter((m) => roles.includes(m.role)) : [];
}

/** May the user change this school's plans (admin; its coordinator)? */
export function canEditSchool(me: Me | null, schoolId: string): boolean {
  if (!me) return false;
  return me.roles.includes('admin') ||
    me.memberships.some((m) => m.role === 'coordinator' && m.schoolId === schoolId);
}

/** Does the user keep the catalogue (curator, admin)?  Only they see its research notes. */
export function isCurator(me: Me | null): boolean {
  return !!me && (me.roles.includes('curator') || me.roles.includes('admin'));
}

/** The navigation for a user (null: nobody logged in). */
export function navItems(me: Me | null, pages: NavItem[] = NAV_PAGES): NavItem[] {
  return pages.filter((p) => p.roles === 'all' || (me !== null && p.roles.some((r) => me.roles.includes(r))));
}

/** "Anna de Vries (leraar, Het Baken)" */
export function describeUser(me: Me): string {
  const parts = me.roles.map((r) => {
    const schools = me.memberships.filter((m) => m.role === r && m.schoolName).map((m) => m.schoolName);
    return schools.length ? `${ROLE_LABELS[r]}, ${schools.join(', ')}` : ROLE_LABELS[r];
  });
  return parts.length ? `${me.displayName} (${parts.join('; ')})` : me.displayName;
}

function csrfFrom(body: unknown, headers: Headers): string | null {
  const h = headers.get('x-csrf-token');
  if (h) return h;
  if (body && typeof body === 'object') {
    const o = body as Json;
    for (const k of ['csrf_token', 'csrf', 'csrfToken']) if (typeof o[k] === 'string') return o[k] as string;
  }
  return null;
}

// A hint that this browser has logged in (the session cookie itself is
// HttpOnly): without it the page does not ask GET /me, so an anonymous
// visitor's page load sends no request that is bound to fail (a 401 in
// the browser's console).  Set at login, removed at logout and when /me
// says the session has ended.
const HINT_KEY = 'leerlijn.session';

function sessionHint(): boolean {
  try {
    return localStorage.getItem(HINT_KEY) === '1';
  } catch {
    return true; // no storage: ask the server
  }
}

function setSessionHint(on: boolean): void {
  try {
    if (on) localStorage.setItem(HINT_KEY, '1');
    else localStorage.removeItem(HINT_KEY);
  } catch {
    /* storage unavailable: fetchMe asks the server every time */
  }
}

/** The logged-in user, or null (also while the server has no accounts). */
export async function fetchMe(signal?: AbortSignal): Promise<Me | null> {
  if (!sessionHint()) return null;
  try {
    const res = await request<unknown>(`${API}/me`, { signal });
    const token = csrfFrom(res.data, res.headers);
    if (token) setCsrfToken(token);
    return parseMe(res.data);
  } catch (err) {
    if (err instanceof ApiError && (err.status === 401 || err.status === 404)) {
      setSessionHint(false);
      return null;
    }
    throw err;
  }
}

/** Log in; resolves with the user, rejects with ApiError (Dutch message). */
export async function logIn(email: string, password: string): Promise<Me | null> {
  const res = await request<unknown>(`${API}/session`, { method: 'POST', body: { email, password } });
  setCsrfToken(csrfFrom(res.data, res.headers));
  setSessionHint(true);
  return parseMe(res.data) ?? (await fetchMe());
}

/** Log out (the session ends on the server, the token here). */
export async function logOut(): Promise<void> {
  try {
    await request<unknown>(`${API}/session`, { method: 'DELETE' });
  } finally {
    setCsrfToken(null);
    setSessionHint(false);
  }
}
