import { describe, expect, test } from 'vitest';
import { canEditSchool, describeUser, navItems, parseMe } from './session';

describe('parseMe', () => {
  test('reads a user with memberships and global roles', () => {
    const me = parseMe({
      id: 'u1', email: 'a@school.nl', display_name: 'Anna',
      roles: ['inspector', 'nonsense'],
      memberships: [{ school_id: 's1', school_name: 'Het Baken', role: 'teacher' }, { school_id: 's2', role: 'bogus' }],
    });
    expect(me).toEqual({
      id: 'u1', email: 'a@school.nl', displayName: 'Anna',
      roles: ['teacher', 'inspector'],
      memberships: [{ schoolId: 's1', schoolName: 'Het Baken', role: 'teacher' }],
    });
  });
  test('reads a user wrapped in {user: …} with nested schools', () => {
    const me = parseMe({
      session_id: 'not-the-user', csrf_token: 't',
      user: { user_id: 'u2', email: 'c@x.nl', memberships: [{ role: 'coordinator', school: { id: 's', name: 'De Linde' } }] },
    });
    expect(me?.id).toBe('u2');
    expect(me?.displayName).toBe('c@x.nl');
    expect(me?.memberships).toEqual([{ schoolId: 's', schoolName: 'De Linde', role: 'coordinator' }]);
  });
  test('nothing usable is no user', () => {
    expect(parseMe(null)).toBeNull();
    expect(parseMe('x')).toBeNull();
    expect(parseMe({})).toBeNull();
  });
});

test('describeUser names roles and schools in Dutch', () => {
  const me = parseMe({ id: 'u', display_name: 'Bo', roles: ['curator'], memberships: [{ school_id: 's', school_name: 'A', role: 'teacher' }] });
  expect(describeUser(me!)).toBe('Bo (catalogusbeheerder; leraar, A)');
});

test('everyone gets the public catalogue pages first', () => {
  expect(navItems(null).map((i) => i.href)).toEqual(['#/lessen', '#/kaders']);
});

test('role pages are shown to their roles only', () => {
  const pages = [
    { href: '#/a', label: 'A', roles: 'all' as const },
    { href: '#/plan', label: 'Plan', roles: ['coordinator' as const, 'admin' as const] },
    { href: '#/dekking', label: 'Dekking', roles: ['inspector' as const] },
  ];
  const as = (roles: string[]) => navItems(parseMe({ id: 'u', roles }), pages).map((i) => i.href);
  expect(navItems(null, pages).map((i) => i.href)).toEqual(['#/a']);
  expect(as(['teacher'])).toEqual(['#/a']);
  expect(as(['coordinator'])).toEqual(['#/a', '#/plan']);
  expect(as(['inspector', 'admin'])).toEqual(['#/a', '#/plan', '#/dekking']);
});

test('each role finds its pages in the navigation', () => {
  const hrefs = (body: unknown) => navItems(parseMe(body)).map((i) => i.href);
  const school = (role: string) => ({ id: 'u', roles: [], memberships: [{ role, school_id: 's', school_name: 'S' }] });
  expect(hrefs(school('coordinator'))).toEqual(['#/lessen', '#/kaders', '#/jaarplan', '#/leerlijn', '#/dekking']);
  expect(hrefs(school('teacher'))).toEqual(['#/lessen', '#/kaders', '#/jaarplan', '#/leerlijn']);
  expect(hrefs({ id: 'u', roles: ['inspector'] })).toEqual(['#/lessen', '#/kaders', '#/dekking']);
  expect(hrefs({ id: 'u', roles: ['curator'] })).toEqual(['#/lessen', '#/kaders']);
});

test('who may change a school\'s plans', () => {
  const coord = parseMe({ id: 'u', roles: [], memberships: [{ role: 'coordinator', school_id: 'a' }, { role: 'teacher', school_id: 'b' }] });
  expect(canEditSchool(coord, 'a')).toBe(true);
  expect(canEditSchool(coord, 'b')).toBe(false);
  expect(canEditSchool(parseMe({ id: 'u', roles: ['admin'] }), 'b')).toBe(true);
  expect(canEditSchool(null, 'a')).toBe(false);
});
