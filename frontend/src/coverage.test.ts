import { describe, expect, test } from 'vitest';
import { choiceFromParams, choiceToParams, countedText, heat, isGap, reportQuery, uncoveredGoals } from './coverage';
import type { CoverageFramework, CoverageGoal, CoverageReport } from './types';

const goal = (over: Partial<CoverageGoal>): CoverageGoal => ({ id: 'g', code: 'G', title: 't', kind: null, depth: 1, leaf: true, cells: {}, ...over });

describe('the page address and the API query', () => {
  test('round trip with defaults left out', () => {
    const c = choiceFromParams(new URLSearchParams('kader=SLO&school=s1&jaar=2025-2026&verband=exact'));
    expect(c).toEqual({ framework: 'SLO', school: 's1', year: '2025-2026', via: 'exact', type: '', region: '', area: '' });
    const all = choiceFromParams(new URLSearchParams('soort=PO&regio=noord'));
    expect(choiceToParams(all).toString()).toBe('kader=CNU-DG-2019&soort=PO&regio=noord');
    expect(reportQuery(all).type).toBe('PO');
    // One school: type and region do not apply.
    expect(reportQuery({ ...all, school: 's' }).region).toBe(undefined);
    expect(choiceFromParams(new URLSearchParams('soort=XX&regio=west'))).toMatchObject({ type: '', region: '' });
    expect(choiceToParams(c).toString()).toBe('kader=SLO&school=s1&jaar=2025-2026&verband=exact');
    expect(choiceToParams(choiceFromParams(new URLSearchParams(''))).toString()).toBe('kader=CNU-DG-2019');
    expect(choiceFromParams(new URLSearchParams('verband=alles')).via).toBe('none');
  });
  test('the report query', () => {
    expect(reportQuery({ framework: 'F', school: '', year: '', via: 'none', type: '', region: '', area: '' }, 'csv'))
      .toEqual({ framework: 'F', school: undefined, years: undefined, via: undefined, type: undefined, region: undefined, area: undefined, format: 'csv' });
  });
  test('a subject area: vakgebied= in the address, area= for the API', () => {
    const c = choiceFromParams(new URLSearchParams('kader=SLO-KD-PO-2006&vakgebied=Ori%C3%ABntatie+op+jezelf+en+de+wereld'));
    expect(c.area).toBe('Oriëntatie op jezelf en de wereld');
    expect(choiceToParams(c).get('vakgebied')).toBe('Oriëntatie op jezelf en de wereld');
    expect(reportQuery(c).area).toBe('Oriëntatie op jezelf en de wereld');
    expect(reportQuery({ ...c, school: 's' }, 'xlsx').area).toBe('Oriëntatie op jezelf en de wereld');
  });
});

describe('heat and gaps', () => {
  test('heat of school and aggregate cells', () => {
    expect(heat(undefined)).toBe(0);
    expect(heat({ items: 1, items_given: 0, lessons: 1, lessons_given: 0, via_items: 0 })).toBe(2);
    expect(heat({ items: 9, items_given: 0, lessons: 1, lessons_given: 0, via_items: 0 })).toBe(4);
    expect(heat({ schools: 1, schools_given: 0, share: 0.2 })).toBe(1);
    expect(heat({ schools: 3, schools_given: 0, share: 1 })).toBe(4);
  });
  const level = { code: 'groep-8', title: 'groep 8', stage: 'po-bovenbouw' };
  const g1 = goal({ id: 'a' });
  const g2 = goal({ id: 'b', cells: { 'groep-8': { items: 1, items_given: 0, lessons: 1, lessons_given: 0, via_items: 0 } } });
  const fw: CoverageFramework = { code: 'F', title: 'F', goals_total: 2, goals_covered: 1, goals: [g1, g2, goal({ id: 'c', leaf: false })],
    stage_gaps: [{ stage: 'po-bovenbouw', stage_title: 'Bovenbouw po', goals: [{ id: 'a', code: 'A', title: 'a' }] }] };
  const school = { scope: { kind: 'school', school_years: [] }, levels: [level], frameworks: [fw] } as unknown as CoverageReport;
  test('a school report: empty leaf cells of goals meant for the stage', () => {
    expect(isGap(school, fw, g1, level)).toBe(true);
    expect(isGap(school, fw, g2, level)).toBe(false);
    expect(isGap(school, fw, fw.goals[2], level)).toBe(false);
    expect(isGap(school, { ...fw, stage_gaps: [] }, g1, level)).toBe(false);
  });
  test('across schools: every empty leaf cell', () => {
    const agg = { ...school, scope: { kind: 'schools', school_years: [] } } as CoverageReport;
    expect(isGap(agg, { ...fw, stage_gaps: undefined }, g1, level)).toBe(true);
    expect(uncoveredGoals(fw).map((g) => g.id)).toEqual(['a']);
  });
});

test('the items a report counts, and those out of level', () => {
  expect(countedText({ items: 0, items_given: 0, lessons: 0, lessons_given: 0, items_out_of_level: 0 }))
    .toBe('Telt mee voor de dekking: 0 onderdelen op een niveau waarvoor ze bedoeld zijn, 0 gegeven.');
  expect(countedText({ items: 1, items_given: 0, lessons: 1, lessons_given: 0 }))
    .toBe('Telt mee voor de dekking: 1 onderdeel op een niveau waarvoor het bedoeld is, 0 gegeven.');
  expect(countedText({ items: 3, items_given: 1, lessons: 2, lessons_given: 1, items_out_of_level: 1 }))
    .toBe('Telt mee voor de dekking: 3 onderdelen op een niveau waarvoor ze bedoeld zijn, 1 gegeven. Buiten niveau (telt niet mee): 1 onderdeel.');
});
