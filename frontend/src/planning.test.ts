import { describe, expect, test } from 'vitest';
import {
  gridLevels, itemsByCell, itemTitle, newItemBody, nextSchoolYear, offeredSchoolYears, planTransitions,
  schoolYearOf, weekLabel, weekNumber,
} from './planning';
import type { CalendarWeek, PlanItem } from './types';

const item = (over: Partial<PlanItem>): PlanItem => ({
  id: 'i', plan_id: 'p', kind: 'les', lesson: { id: 'l', code: 'L', title: 'Les 1', programme: null, sensitive_topic: false },
  level: 'groep-8', level_title: 'groep 8', class_name: null, week: '2025-W43', date: null,
  starts_on: '2025-10-20', ends_on: '2025-10-24', teacher: null, status: 'gepland', given_on: null,
  notes: null, safety_prepared: false, version: 1, warnings: [], ...over,
});

describe('weeks and school years', () => {
  test('week numbers', () => {
    expect(weekNumber('2025-W43')).toBe(43);
    expect(weekNumber('2025-W3')).toBe(null);
    expect(weekNumber(null)).toBe(null);
  });
  test('a week label names the Monday and the holiday', () => {
    expect(weekLabel({ week: '2025-W43', monday: '2025-10-20', holiday: { name: 'herfstvakantie', status: 'verplicht', optional: false } }))
      .toBe('week 43 (20 oktober), herfstvakantie');
    expect(weekLabel({ week: '2025-W44', monday: '2025-10-27', holiday: null })).toBe('week 44 (27 oktober)');
  });
  test('the school year runs from 1 August', () => {
    expect(schoolYearOf(new Date('2026-07-31T12:00:00Z'))).toBe('2025-2026');
    expect(schoolYearOf(new Date('2026-08-01T12:00:00Z'))).toBe('2026-2027');
    expect(offeredSchoolYears(new Date('2026-12-01T12:00:00Z'))).toEqual(['2025-2026', '2026-2027', '2027-2028']);
    expect(nextSchoolYear('2025-2026')).toBe('2026-2027');
    expect(nextSchoolYear('2025-2027')).toBe(null);
  });
});

describe('the grid', () => {
  const weeks: CalendarWeek[] = [
    { week: '2025-W43', monday: '2025-10-20', holiday: null },
    { week: '2025-W44', monday: '2025-10-27', holiday: null },
  ];
  test('items go into their cell; a date into its week', () => {
    const m = itemsByCell([item({ id: 'a' }), item({ id: 'b', week: null, date: '2025-10-29', starts_on: '2025-10-29' })], weeks);
    expect(m.get('groep-8|2025-W43')?.map((i) => i.id)).toEqual(['a']);
    expect(m.get('groep-8|2025-W44')?.map((i) => i.id)).toEqual(['b']);
  });
  test('rows: the school levels and any other level with items, in order', () => {
    const order = new Map([['groep-7', 7], ['groep-8', 8], ['havo-2', 20]]);
    expect(gridLevels([{ level: 'groep-8', title: 'groep 8' }, { level: 'groep-7', title: 'groep 7' }],
      [item({ level: 'havo-2', level_title: 'havo 2' })], order).map((r) => r.level)).toEqual(['groep-7', 'groep-8', 'havo-2']);
  });
});

describe('status and words', () => {
  test('the plan workflow', () => {
    expect(planTransitions('concept').map((t) => t.to)).toEqual(['vastgesteld']);
    expect(planTransitions('vastgesteld').map((t) => t.to)).toEqual(['concept', 'gearchiveerd']);
    expect(planTransitions('gearchiveerd')).toEqual([]);
  });
  test('the body of a new item: a unit at a level in a week, or a follow-up moment', () => {
    const place = { level: 'groep-7', week: '2025-W45' };
    expect(newItemBody('les', place, 'a1')).toEqual({ kind: 'les', level: 'groep-7', week: '2025-W45', lesson_id: 'a1' });
    expect(newItemBody('terugkommoment', place)).toEqual({ kind: 'terugkommoment', level: 'groep-7', week: '2025-W45' });
    expect(newItemBody('terugkommoment', place, 'a1')).toEqual({ kind: 'terugkommoment', level: 'groep-7', week: '2025-W45', lesson_id: 'a1' });
  });
  test('item titles', () => {
    expect(itemTitle(item({}))).toBe('Les 1');
    expect(itemTitle(item({ kind: 'terugkommoment', lesson: null }))).toBe('Terugkommoment');
  });
});
