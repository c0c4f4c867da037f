// The lesson finder's filters: one object, read from and written to the
// page address (#/lessen?…) and turned into the API query of
// GET /api/v1/lessons.

import type { FieldError } from './problem';

export interface LessonFilters {
  goal: string;
  related: '' | 'exact' | 'all';
  /** A level code ("havo-2") or a stage ("stage:vo-onderbouw"). */
  level: string;
  theme: string;
  maxMinutes: string;
  evidence: string;
  q: string;
  page: number; // 1-based
}

export const PAGE_SIZE = 20;
export const STAGE_PREFIX = 'stage:';
const MAX_TEXT = 200;

export function emptyFilters(): LessonFilters {
  return { goal: '', related: '', level: '', theme: '', maxMinutes: '', evidence: '', q: '', page: 1 };
}

type Key = 'goal' | 'related' | 'level' | 'stage' | 'theme' | 'maxMinutes' | 'evidence' | 'q';

/** The name of each filter in the page address (Dutch) and in the API. */
const PAGE_KEYS: Record<Key, string> = {
  goal: 'doel', related: 'verwant', level: 'niveau', stage: 'fase',
  theme: 'thema', maxMinutes: 'duur', evidence: 'erkenning', q: 'zoek',
};
const API_KEYS: Record<Key, string> = {
  goal: 'goal', related: 'related', level: 'level', stage: 'stage',
  theme: 'theme', maxMinutes: 'max_minutes', evidence: 'evidence', q: 'q',
};

/** The filters that are set, trimmed; "related" only counts with a goal. */
function setFilters(f: LessonFilters): [Key, string][] {
  const stage = f.level.startsWith(STAGE_PREFIX);
  const all: [Key, string][] = [
    ['goal', f.goal], ['related', f.goal.trim() ? f.related : ''],
    stage ? ['stage', f.level.slice(STAGE_PREFIX.length)] : ['level', f.level],
    ['theme', f.theme], ['maxMinutes', f.maxMinutes], ['evidence', f.evidence], ['q', f.q],
  ];
  return all.map(([k, v]): [Key, string] => [k, v.trim()]).filter(([, v]) => v !== '');
}

/** The filters in a page address's query (unknown keys are ignored). */
export function filtersFromParams(p: URLSearchParams): LessonFilters {
  const get = (k: Key) => (p.get(PAGE_KEYS[k]) ?? '').trim().slice(0, MAX_TEXT);
  const f = emptyFilters();
  f.goal = get('goal');
  const related = get('related');
  f.related = related === 'exact' || related === 'all' ? related : '';
  f.level = get('stage') ? STAGE_PREFIX + get('stage') : get('level');
  f.theme = get('theme');
  f.maxMinutes = get('maxMinutes');
  f.evidence = get('evidence');
  f.q = get('q');
  const page = Number(p.get('pagina'));
  f.page = Number.isInteger(page) && page >= 1 && page <= 10000 ? page : 1;
  return f;
}

/** The page address's query for these filters (empty ones left out). */
export function filtersToParams(f: LessonFilters): URLSearchParams {
  const p = new URLSearchParams(setFilters(f).map(([k, v]) => [PAGE_KEYS[k], v]));
  if (f.page > 1) p.set('pagina', String(f.page));
  return p;
}

/** Problems the page can tell before asking the API (field keys as the API's). */
export function validateFilters(f: LessonFilters): FieldError[] {
  const errors: FieldError[] = [];
  const s = f.maxMinutes.trim();
  if (s !== '' && (!/^\d+$/.test(s) || Number(s) < 1 || Number(s) > 1440)) {
    errors.push({ field: API_KEYS.maxMinutes, message: 'vul een geheel aantal minuten in, van 1 tot en met 1440' });
  }
  return errors;
}

/** The query of GET /api/v1/lessons for these filters. */
export function lessonsApiQuery(f: LessonFilters): Record<string, string> {
  const q: Record<string, string> = Object.fromEntries(setFilters(f).map(([k, v]) => [API_KEYS[k], v]));
  q.limit = String(PAGE_SIZE);
  if (f.page > 1) q.offset = String((f.page - 1) * PAGE_SIZE);
  return q;
}

/** How many pages `total` results fill. */
export function pageCount(total: number): number {
  return Math.max(1, Math.ceil(total / PAGE_SIZE));
}

/** Are any filters besides the goal and the page set? */
export function hasNarrowingFilters(f: LessonFilters): boolean {
  return [f.level, f.theme, f.maxMinutes, f.evidence, f.q].some((v) => v.trim() !== '');
}
