// Pure helpers of the coverage dashboard: the page address ↔ the API's
// query, the heat of a cell and whether an empty cell is a gap.

import { countText } from './format';
import type { AggregateCell, CoverageFramework, CoverageGoal, CoverageLevel, CoverageReport, SchoolCell } from './types';

export interface CoverageChoice {
  framework: string;
  school: string; // '' = all schools the user may read
  year: string; // '' = every school year
  via: string; // 'none' | 'exact' | 'all'
  type: string; // '' or PO, SO, VO, VSO, MBO (across schools only)
  region: string; // '' or noord, midden, zuid (across schools only)
  area: string; // '' = the whole framework, else a subject area (area=)
}

export const SCHOOL_TYPES = ['PO', 'SO', 'VO', 'VSO', 'MBO'];
export const REGIONS = ['noord', 'midden', 'zuid'];

export const VIA_TEXT: Record<string, string> = {
  none: 'alleen de eigen koppelingen van de lessen',
  exact: 'ook via gelijke doelen in andere kaders',
  all: 'ook via verwante doelen in andere kaders',
};

export function choiceFromParams(p: URLSearchParams, defaultFramework = 'CNU-DG-2019'): CoverageChoice {
  const via = p.get('verband') ?? 'none';
  const type = p.get('soort') ?? '';
  const region = p.get('regio') ?? '';
  return {
    framework: p.get('kader') || defaultFramework,
    school: p.get('school') ?? '',
    year: p.get('jaar') ?? '',
    via: via in VIA_TEXT ? via : 'none',
    type: SCHOOL_TYPES.includes(type) ? type : '',
    region: REGIONS.includes(region) ? region : '',
    area: p.get('vakgebied') ?? '',
  };
}

export function choiceToParams(c: CoverageChoice): URLSearchParams {
  const p = new URLSearchParams({ kader: c.framework });
  if (c.school) p.set('school', c.school);
  if (c.year) p.set('jaar', c.year);
  if (c.via !== 'none') p.set('verband', c.via);
  if (!c.school && c.type) p.set('soort', c.type);
  if (!c.school && c.region) p.set('regio', c.region);
  if (c.area) p.set('vakgebied', c.area);
  return p;
}

/** The query of GET /api/v1/reports/coverage (school= drills down). */
export function reportQuery(c: CoverageChoice, format?: 'csv' | 'html' | 'xlsx'): Record<string, string | undefined> {
  return {
    framework: c.framework,
    school: c.school || undefined,
    years: c.year || undefined,
    via: c.via === 'none' ? undefined : c.via,
    type: c.school ? undefined : c.type || undefined,
    region: c.school ? undefined : c.region || undefined,
    area: c.area || undefined,
    format,
  };
}

export function isSchoolCell(c: SchoolCell | AggregateCell): c is SchoolCell {
  return 'items' in c;
}

/** 0 (nothing) … 4 (much): the colour step of a cell. */
export function heat(c: SchoolCell | AggregateCell | undefined): number {
  if (!c) return 0;
  if (isSchoolCell(c)) return c.items <= 0 ? 0 : Math.min(4, c.items + 1);
  if (c.schools <= 0) return 0;
  return c.share >= 0.75 ? 4 : c.share >= 0.5 ? 3 : c.share >= 0.25 ? 2 : 1;
}

/**
 * Is the empty cell (goal, level) a gap?  A leaf goal without anything
 * planned at that level: in a school report only when the goal is meant
 * for the level's stage (the API's stage_gaps); across schools for every
 * leaf goal (the aggregate has no stages).
 */
export function isGap(report: CoverageReport, fw: CoverageFramework, goal: CoverageGoal, level: CoverageLevel): boolean {
  if (!goal.leaf || heat(goal.cells[level.code]) > 0) return false;
  if (report.scope.kind === 'schools') return true;
  const stage = fw.stage_gaps?.find((s) => s.stage === level.stage);
  return !!stage?.goals.some((g) => g.id === goal.id);
}

/** The leaf goals with nothing planned at any level. */
export function uncoveredGoals(fw: CoverageFramework): CoverageGoal[] {
  return fw.goals.filter((g) => g.leaf && Object.keys(g.cells).length === 0);
}

/** "33%" */
export function percent(share: number | undefined): string {
  return `${Math.round((share ?? 0) * 100)}%`;
}

/**
 * The plan items a report counts: "Telt mee voor de dekking: 2 onderdelen
 * op een niveau waarvoor ze bedoeld zijn, 1 gegeven.", and those at a
 * level their unit is not meant for.
 */
export function countedText(t: NonNullable<CoverageReport['totals']>): string {
  const out = t.items_out_of_level ?? 0;
  return `Telt mee voor de dekking: ${countText(t.items, 'onderdeel', 'onderdelen')} op een niveau waarvoor ${t.items === 1 ? 'het' : 'ze'} bedoeld ${t.items === 1 ? 'is' : 'zijn'}, ${t.items_given} gegeven.` +
    (out > 0 ? ` Buiten niveau (telt niet mee): ${countText(out, 'onderdeel', 'onderdelen')}.` : '');
}
