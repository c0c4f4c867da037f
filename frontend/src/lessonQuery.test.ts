import { describe, expect, test } from 'vitest';
import {
  emptyFilters, filtersFromParams, filtersToParams, hasNarrowingFilters, lessonsApiQuery, pageCount,
  validateFilters, type LessonFilters,
} from './lessonQuery';

const f = (over: Partial<LessonFilters>): LessonFilters => ({ ...emptyFilters(), ...over });

describe('page address ↔ filters', () => {
  const cases: [string, LessonFilters][] = [
    ['', emptyFilters()],
    ['doel=DG2.1', f({ goal: 'DG2.1' })],
    ['doel=abc&verwant=all', f({ goal: 'abc', related: 'all' })],
    ['niveau=havo-2&thema=mensenhandel', f({ level: 'havo-2', theme: 'mensenhandel' })],
    ['fase=vo-onderbouw', f({ level: 'stage:vo-onderbouw' })],
    ['duur=45&erkenning=ERK-1&zoek=loverboy', f({ maxMinutes: '45', evidence: 'ERK-1', q: 'loverboy' })],
    ['pagina=3', f({ page: 3 })],
  ];
  for (const [query, want] of cases) {
    test(`reads "${query}"`, () => expect(filtersFromParams(new URLSearchParams(query))).toEqual(want));
    test(`writes "${query}" back`, () => expect(filtersToParams(want).toString()).toBe(query));
  }
  test('ignores bad pages, unknown relations and trims text', () => {
    const got = filtersFromParams(new URLSearchParams('pagina=-1&verwant=nope&zoek=%20x%20&other=1'));
    expect(got).toEqual(f({ q: 'x' }));
    expect(filtersFromParams(new URLSearchParams('pagina=1.5')).page).toBe(1);
  });
  test('cuts overlong text', () => {
    expect(filtersFromParams(new URLSearchParams(`zoek=${'a'.repeat(500)}`)).q).toHaveLength(200);
  });
});

describe('the API query', () => {
  const cases: [LessonFilters, Record<string, string>][] = [
    [emptyFilters(), { limit: '20' }],
    [f({ goal: 'DG2.1', related: 'all' }), { goal: 'DG2.1', related: 'all', limit: '20' }],
    [f({ related: 'all' }), { limit: '20' }], // related only counts with a goal
    [f({ level: 'stage:po-bovenbouw' }), { stage: 'po-bovenbouw', limit: '20' }],
    [f({ level: 'groep-7', theme: ' weerbaarheid ', maxMinutes: '50', evidence: 'unknown', q: 'chat', page: 3 }),
      { level: 'groep-7', theme: 'weerbaarheid', max_minutes: '50', evidence: 'unknown', q: 'chat', limit: '20', offset: '40' }],
  ];
  for (const [filters, want] of cases) {
    test(JSON.stringify(want), () => expect(lessonsApiQuery(filters)).toEqual(want));
  }
});

describe('validateFilters', () => {
  const cases: [string, boolean][] = [['', true], ['1', true], ['1440', true], ['0', false], ['1441', false], ['45.5', false], ['-3', false], ['abc', false], [' 30 ', true]];
  for (const [minutes, ok] of cases) {
    test(`duration "${minutes}" is ${ok ? 'valid' : 'refused'}`, () => {
      const errors = validateFilters(f({ maxMinutes: minutes }));
      expect(errors.length === 0).toBe(ok);
      if (!ok) expect(errors[0].field).toBe('max_minutes');
    });
  }
});

test('pageCount and hasNarrowingFilters', () => {
  expect(pageCount(0)).toBe(1);
  expect(pageCount(20)).toBe(1);
  expect(pageCount(21)).toBe(2);
  expect(hasNarrowingFilters(f({ goal: 'x', page: 2 }))).toBe(false);
  expect(hasNarrowingFilters(f({ q: 'x' }))).toBe(true);
});
