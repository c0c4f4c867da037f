// A school's own activity (docs/units.md, "A school's own activities"):
// what its form holds, the checks the page can make before asking the
// API, and the bodies of POST and PATCH /api/v1/schools/{id}/activities.
// Pure: unit-tested in activity.test.ts.

import type { FieldError } from './problem';
import type { Activity } from './types';

/** A learning goal the activity works on, as the form shows it. */
export interface ActivityGoal {
  id: string;
  framework: string;
  code: string | null;
  title: string;
}

/** The fields of the form, as typed. */
export interface ActivityDraft {
  title: string;
  /** Level codes ("groep-7"), in the order chosen. */
  levels: string[];
  /** Minutes, as typed ("" for none). */
  duration: string;
  /** Themes separated by commas. */
  themes: string;
  notes: string;
  url: string;
  /** The learning goals chosen, in the order chosen. */
  goals: ActivityGoal[];
}

/** The fields of the API the form has (for problems shown at their field). */
export const ACTIVITY_FIELDS = ['title', 'levels', 'duration_minutes', 'themes', 'goals', 'notes', 'url'] as const;

const MAX_TITLE = 200;
const MAX_NOTES = 4000;
const MAX_URL = 500;
const MAX_THEMES = 20;
const MAX_THEME = 100;
const MAX_GOALS = 50;

export function emptyActivity(levels: string[] = []): ActivityDraft {
  return { title: '', levels: [...levels], duration: '', themes: '', notes: '', url: '', goals: [] };
}

/** The form for an existing activity. */
export function draftOfActivity(a: Activity): ActivityDraft {
  return {
    title: a.title,
    levels: [...a.levels],
    duration: a.duration_minutes === null ? '' : String(a.duration_minutes),
    themes: a.themes.join(', '),
    notes: a.notes ?? '',
    url: a.url ?? '',
    goals: (a.goals ?? []).flatMap((g) => g.id ? [{ id: g.id, framework: g.framework ?? '', code: g.code ?? null, title: g.title ?? '' }] : []),
  };
}

/** The themes typed: split at commas, trimmed, empty ones and repeats left out. */
export function themeList(text: string): string[] {
  const out: string[] = [];
  for (const t of text.split(',')) {
    const theme = t.trim().replace(/\s+/g, ' ');
    if (theme && !out.some((o) => o.toLowerCase() === theme.toLowerCase())) out.push(theme);
  }
  return out;
}

/** The goals with g added at the end (once), or without it. */
export function withGoal(goals: ActivityGoal[], g: ActivityGoal): ActivityGoal[] {
  return goals.some((x) => x.id === g.id) ? goals : [...goals, g];
}
export function withoutGoal(goals: ActivityGoal[], id: string): ActivityGoal[] {
  return goals.filter((g) => g.id !== id);
}

/** A goal as a line of text: "DG2.1 – Title (CNU-DG-2019)". */
export function goalText(g: ActivityGoal): string {
  return `${g.code ? `${g.code} – ` : ''}${g.title}${g.framework ? ` (${g.framework})` : ''}`;
}

/** The levels of the activity: `always` (where it is planned now) first, then those chosen. */
export function activityLevels(d: ActivityDraft, always?: string): string[] {
  return [...new Set([...(always ? [always] : []), ...d.levels])];
}

/**
 * Problems the page can tell before asking the API, with the API's field
 * names; `always` is a level the activity gets in any case.
 */
export function validateActivity(d: ActivityDraft, always?: string): FieldError[] {
  const errors: FieldError[] = [];
  const title = d.title.trim();
  if (!title) errors.push({ field: 'title', message: 'Geef de activiteit een titel.' });
  else if ([...title].length > MAX_TITLE) errors.push({ field: 'title', message: `Een titel is ten hoogste ${MAX_TITLE} tekens lang.` });
  if (activityLevels(d, always).length === 0) errors.push({ field: 'levels', message: 'Kies ten minste één niveau.' });
  const minutes = d.duration.trim();
  if (minutes !== '' && (!/^\d{1,4}$/.test(minutes) || Number(minutes) < 1 || Number(minutes) > 1440)) {
    errors.push({ field: 'duration_minutes', message: 'Vul een geheel aantal minuten in, van 1 tot en met 1440 (of laat het leeg).' });
  }
  const themes = themeList(d.themes);
  if (themes.length > MAX_THEMES) errors.push({ field: 'themes', message: `Noem ten hoogste ${MAX_THEMES} thema's.` });
  else if (themes.some((t) => [...t].length > MAX_THEME)) errors.push({ field: 'themes', message: `Een thema is ten hoogste ${MAX_THEME} tekens lang.` });
  if (d.goals.length > MAX_GOALS) errors.push({ field: 'goals', message: `Kies ten hoogste ${MAX_GOALS} leerdoelen.` });
  if ([...d.notes.trim()].length > MAX_NOTES) errors.push({ field: 'notes', message: `Notities zijn ten hoogste ${MAX_NOTES} tekens lang.` });
  const url = d.url.trim();
  // As the API checks it: http or https, no spaces, quotes or angle brackets, at most 500 bytes.
  if (url !== '' && (!/^https?:\/\/[^\s"<>\\]+$/.test(url) || new TextEncoder().encode(url).length > MAX_URL)) {
    errors.push({ field: 'url', message: 'Vul een webadres in dat begint met http:// of https:// (of laat het leeg).' });
  }
  return errors;
}

/**
 * The body of POST (create: true; empty optional fields left out) or
 * PATCH (create: false; an emptied field is sent as null or [] so that
 * it is cleared) of an activity.
 */
export function activityBody(d: ActivityDraft, { create, always }: { create: boolean; always?: string }): Record<string, unknown> {
  const body: Record<string, unknown> = { title: d.title.trim(), levels: activityLevels(d, always) };
  const minutes = d.duration.trim();
  const themes = themeList(d.themes);
  const notes = d.notes.trim();
  const url = d.url.trim();
  const optional: [string, unknown, boolean][] = [
    ['duration_minutes', minutes ? Number(minutes) : null, minutes !== ''],
    ['themes', themes, themes.length > 0],
    ['goals', d.goals.map((g) => g.id), d.goals.length > 0],
    ['notes', notes || null, notes !== ''],
    ['url', url || null, url !== ''],
  ];
  for (const [field, value, set] of optional) if (set || !create) body[field] = value;
  return body;
}

