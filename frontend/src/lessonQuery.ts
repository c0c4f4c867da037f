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

function text(p: URLSearchParams, key: string): string {
  return (p.get(key) ?? '').trim().slice(0, MAX_TEXT);
}

/** The filters in a page address's query (unknown keys are ignored). */
export function filtersFromParams(p: URLSearchParams): LessonFilters {
  const f = emptyFilters();
  f.goal = text(p, 'doel');
  const related = text(p, 'verwant');
  f.related = related === 'exact' || related === 'all' ? related : '';
  const stage = text(p, 'fase');
  f.level = stage ? STAGE_PREFIX + stage : text(p, 'niveau');
  f.theme = text(p, 'thema');
  f.maxMinutes = text(p, 'duur');
  f.evidence = text(p, 'erkenning');
  f.q = text(p, 'zoek');
  const page = Number(p.get('pagina'));
  f.page = Number.isInteger(page) && page >= 1 && page <= 10000 ? page : 1;
  return f;
}

/** The page address's query for these filters (empty ones left out). */
export function filtersToParams(f: LessonFilters): URLSearchParams {
  const p = new URLSearchParams();
  const put = (k: string, v: string) => { if (v.trim() !== '') p.set(k, v.trim()); };
  put('doel', f.goal);
  put('verwant', f.related);
  if (f.level.startsWith(STAGE_PREFIX)) put('fase', f.level.slice(STAGE_PREFIX.length));
  else put('niveau', f.level);
  put('thema', f.theme);
  put('duur', f.maxMinutes);
  put('erkenning', f.evidence);
  put('zoek', f.q);
  if (f.page > 1) p.set('pagina', String(f.page));
  return p;
}

/** Problems the page can tell before asking the API (field keys as the API's). */
export function validateFilters(f: LessonFilters): FieldError[] {
  const errors: FieldError[] = [];
  if (f.maxMinutes.trim() !== '') {
    const s = f.maxMinutes.trim();
    const n = Number(s);
    if (!/^\d+$/.test(s) || n < 1 || n > 1440) {
      errors.push({ field: 'max_minutes', message: 'vul een geheel aantal minuten in, van 1 tot en met 1440' });
    }
  }
  return errors;
}

/** The query of GET /api/v1/lessons for these filters. */
export function lessonsApiQuery(f: LessonFilters): Record<string, string> {
  const q: Record<string, string> = {};
  const put = (k: string, v: string) => { if (v.trim() !== '') q[k] = v.trim(); };
  put('goal', f.goal);
  if (f.goal) put('related', f.related);
  if (f.level.startsWith(STAGE_PREFIX)) put('stage', f.level.slice(STAGE_PREFIX.length));
  else put('level', f.level);
  put('theme', f.theme);
  put('max_minutes', f.maxMinutes);
  put('evidence', f.evidence);
  put('q', f.q);
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
