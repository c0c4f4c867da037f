// Pure helpers of the year planner: weeks, school years, the grid, the
// status workflow and the Dutch words for the API's codes.

import type { CalendarWeek, ItemStatus, PlanItem, PlanStatus, PlanWarning } from './types';

/** 43 of "2025-W43"; null for anything else. */
export function weekNumber(week: string | null | undefined): number | null {
  const m = /^\d{4}-W(\d{2})$/.exec(week ?? '');
  return m ? Number(m[1]) : null;
}

/** "week 43 (20 oktober)" */
export function weekLabel(w: CalendarWeek): string {
  const n = weekNumber(w.week);
  const d = new Date(`${w.monday}T12:00:00Z`);
  const day = d.toLocaleDateString('nl-NL', { day: 'numeric', month: 'long', timeZone: 'UTC' });
  const hol = w.holiday ? `, ${holidayText(w.holiday)}` : '';
  return `week ${n} (${day})${hol}`;
}

export function holidayText(h: NonNullable<CalendarWeek['holiday']>): string {
  const extra = h.optional ? 'mogelijk extra vakantieweek' : h.name;
  return h.status === 'advies' && !h.optional ? `${extra} (adviesdatum)` : extra;
}

/** The school year a date lies in (1 August – 31 July): "2026-2027". */
export function schoolYearOf(d: Date): string {
  const y = d.getUTCFullYear();
  const start = d.getUTCMonth() >= 7 ? y : y - 1;
  return `${start}-${start + 1}`;
}

/** "2026-2027" → "2027-2028"; null when it is not a school year. */
export function nextSchoolYear(year: string): string | null {
  const m = /^(\d{4})-(\d{4})$/.exec(year);
  if (!m || Number(m[2]) !== Number(m[1]) + 1) return null;
  return `${Number(m[1]) + 1}-${Number(m[2]) + 1}`;
}

/** The school years the planner offers: last year, this year, next year. */
export function offeredSchoolYears(today: Date): string[] {
  const cur = schoolYearOf(today);
  const start = Number(cur.slice(0, 4));
  return [start - 1, start, start + 1].map((y) => `${y}-${y + 1}`);
}

/** Items by "level|week"; items on a date go into the ISO week of that date. */
export function itemsByCell(items: PlanItem[], weeks: CalendarWeek[]): Map<string, PlanItem[]> {
  const out = new Map<string, PlanItem[]>();
  for (const it of items) {
    const week = it.week ?? weekOfDate(it.starts_on, weeks);
    if (!week) continue;
    const key = `${it.level}|${week}`;
    const list = out.get(key) ?? [];
    list.push(it);
    out.set(key, list);
  }
  return out;
}

function weekOfDate(date: string, weeks: CalendarWeek[]): string | null {
  let found: string | null = null;
  for (const w of weeks) if (w.monday <= date) found = w.week;
  return found;
}

export const PLAN_STATUS_TEXT: Record<PlanStatus, string> = {
  concept: 'concept',
  vastgesteld: 'vastgesteld',
  gearchiveerd: 'gearchiveerd',
};

export const ITEM_STATUS_TEXT: Record<ItemStatus, string> = {
  gepland: 'gepland',
  gegeven: 'gegeven',
  vervallen: 'vervallen',
};

/** The status changes of a plan (concept ↔ vastgesteld → gearchiveerd). */
export function planTransitions(s: PlanStatus): { to: PlanStatus; label: string }[] {
  switch (s) {
    case 'concept': return [{ to: 'vastgesteld', label: 'Vaststellen' }];
    case 'vastgesteld': return [
      { to: 'concept', label: 'Terug naar concept' },
      { to: 'gearchiveerd', label: 'Archiveren' },
    ];
    default: return [];
  }
}

/** The body of POST /api/v1/plans/{id}/items: a unit (or a follow-up moment) at a level in a week. */
export function newItemBody(kind: PlanItem['kind'], place: { level: string; week: string }, lessonId?: string): Record<string, unknown> {
  const body: Record<string, unknown> = { kind, level: place.level, week: place.week };
  if (lessonId) body.lesson_id = lessonId;
  return body;
}

/** "Les 1" or "Terugkommoment (Les 2)". */
export function itemTitle(it: { kind: PlanItem['kind']; lesson: { title: string } | null }): string {
  if (it.kind === 'terugkommoment') return it.lesson ? `Terugkommoment (${it.lesson.title})` : 'Terugkommoment';
  return it.lesson?.title ?? 'Les';
}

/** "Les 1, groep 8, klas 8B, week 43" */
export function itemPlace(it: PlanItem): string {
  const when = it.week ? `week ${weekNumber(it.week)}` : it.date ? `op ${it.date}` : '';
  return [itemTitle(it), it.level_title || it.level, it.class_name ? `klas ${it.class_name}` : '', when]
    .filter(Boolean).join(', ');
}

const WARNING_KIND: Record<string, string> = {
  level_mismatch: 'niveau',
  level_not_at_school: 'niveau',
  duplicate_lesson: 'dubbel',
  no_follow_up: 'terugkommoment',
  safety_not_prepared: 'veiligheid',
  holiday: 'vakantie',
  possible_holiday: 'vakantie?',
  level_without_lesson: 'geen les',
};

/** A one-word tag for a warning code. */
export function warningTag(w: PlanWarning): string {
  return WARNING_KIND[w.code] ?? 'let op';
}

/** The grid's rows: the school's levels, then other levels with items, in school order. */
export function gridLevels(
  schoolLevels: { level: string; title: string }[],
  items: PlanItem[],
  order: Map<string, number>,
): { level: string; title: string }[] {
  const rows = new Map<string, string>();
  for (const l of schoolLevels) rows.set(l.level, l.title);
  for (const it of items) if (!rows.has(it.level)) rows.set(it.level, it.level_title || it.level);
  return [...rows.entries()]
    .map(([level, title]) => ({ level, title }))
    .sort((a, b) => (order.get(a.level) ?? 1e6) - (order.get(b.level) ?? 1e6));
}

/** "Preventie 2026-2027": the title with the school year, but never the year twice. */
export function planTitleText(p: { title: string; school_year: string }): string {
  return p.title.includes(p.school_year) ? p.title : `${p.title} ${p.school_year}`;
}

/** The ETag of a version number as the API writes it. */
export function etagOf(version: number): string {
  return `"${version}"`;
}

/** Today as YYYY-MM-DD in the Netherlands. */
export function todayIso(now = new Date()): string {
  return now.toLocaleDateString('sv-SE', { timeZone: 'Europe/Amsterdam' });
}

/**
 * A lesson being picked in the lesson finder for a plan: the add form
 * stores where the lesson goes, the finder offers "Kiezen voor het
 * jaarplan" on each lesson and returns with the lesson filled in.
 * Kept in sessionStorage (this tab only).
 */
export interface LessonPick {
  planId: string;
  planTitle: string;
  kind: 'les' | 'terugkommoment';
  level: string;
  week: string;
  lesson?: { id: string; title: string };
}

const PICK_KEY = 'leerlijn.pick';

export function loadPick(): LessonPick | null {
  try {
    const raw = sessionStorage.getItem(PICK_KEY);
    const v = raw ? JSON.parse(raw) as LessonPick : null;
    return v && typeof v.planId === 'string' ? v : null;
  } catch {
    return null;
  }
}

export function savePick(p: LessonPick | null): void {
  try {
    if (p) sessionStorage.setItem(PICK_KEY, JSON.stringify(p));
    else sessionStorage.removeItem(PICK_KEY);
  } catch {
    /* storage unavailable: the form's own search still works */
  }
}
