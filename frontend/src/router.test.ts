import { describe, expect, test } from 'vitest';
import { href, lessonsForGoal, parseHash, safeNext, type Route } from './router';

describe('parseHash', () => {
  const cases: [string, Route][] = [
    ['', { name: 'home' }],
    ['#/', { name: 'home' }],
    ['#/kaders', { name: 'frameworks' }],
    ['#/kaders/CNU-DG-2019', { name: 'framework', code: 'CNU-DG-2019' }],
    ['#/doelen/5788acac-14ce-379c-9123-c6508645d32f', { name: 'goal', id: '5788acac-14ce-379c-9123-c6508645d32f' }],
    ['#/lessen/abc', { name: 'lesson', id: 'abc' }],
    ['#/inloggen', { name: 'login', next: '#/' }],
    ['#/inloggen?terug=%23%2Flessen%3Fdoel%3Dx', { name: 'login', next: '#/lessen?doel=x' }],
    ['#/jaarplan/abc', { name: 'plan', id: 'abc' }],
    ['#/leerlijn/x', { name: 'notfound', path: '/leerlijn/x' }],
    ['#/voorstel/x', { name: 'notfound', path: '/voorstel/x' }],
    ['#/nergens', { name: 'notfound', path: '/nergens' }],
    ['#/kaders/a/b', { name: 'notfound', path: '/kaders/a/b' }],
    ['#/kaders/%E0%A4%A', { name: 'notfound', path: '/kaders/%E0%A4%A' }],
  ];
  for (const [hash, want] of cases) {
    test(hash || '(empty)', () => expect(parseHash(hash)).toEqual(want));
  }
  test('the planner and coverage pages keep their query', () => {
    const r = parseHash('#/dekking?kader=CNU-DG-2019&school=s');
    expect(r.name).toBe('coverage');
    if (r.name === 'coverage') expect(href(r)).toBe('#/dekking?kader=CNU-DG-2019&school=s');
    const p = parseHash('#/jaarplan?school=s');
    expect(p.name === 'plans' && p.params.get('school')).toBe('s');
    expect(href({ name: 'leerlijn', params: new URLSearchParams() })).toBe('#/leerlijn');
    const v = parseHash('#/voorstel?school=s');
    expect(v.name === 'proposal' && v.params.get('school')).toBe('s');
    expect(href({ name: 'proposal', params: new URLSearchParams({ school: 's' }) })).toBe('#/voorstel?school=s');
  });
  test('keeps the query of the lesson finder', () => {
    const r = parseHash('#/lessen?doel=DG2.1&niveau=havo-2');
    expect(r.name).toBe('lessons');
    if (r.name === 'lessons') expect(r.params.get('doel')).toBe('DG2.1');
  });
});

describe('href', () => {
  const routes: Route[] = [
    { name: 'home' }, { name: 'frameworks' }, { name: 'framework', code: 'SLO-KD-PO-2006' },
    { name: 'goal', id: 'x y' }, { name: 'lesson', id: 'abc' }, { name: 'login', next: '#/lessen?doel=1' },
  ];
  for (const r of routes) test(`${r.name} round-trips`, () => expect(parseHash(href(r))).toEqual(r));
  test('the finder for one goal', () => expect(lessonsForGoal('a/b')).toBe('#/lessen?doel=a%2Fb'));
});

describe('safeNext', () => {
  const cases: [string | null, string][] = [
    [null, '#/'], ['https://evil.example/', '#/'], ['//evil.example', '#/'], ['#//evil', '#/'],
    ['#/inloggen', '#/'], ['#/lessen/abc', '#/lessen/abc'],
  ];
  for (const [next, want] of cases) test(String(next), () => expect(safeNext(next)).toBe(want));
});
