// The year planner's state (pure: no Preact, no fetch), unit-tested in
// state.test.ts.  The page keeps it in one useReducer; the components get
// what they show and dispatch what the user does.

import type { UserMessage } from '../../problem';
import type { CalendarWeek, ItemStatus, Plan, PlanItem, PlanWarning } from '../../types';
import { todayIso, type LessonPick } from '../../planning';

/** A plan as the API gave it, with its ETag. */
export interface Loaded<T> { data: T; etag: string }

export interface Notice { kind: 'ok' | 'error'; title: string; text?: string; warnings?: PlanWarning[]; error?: UserMessage }
export interface Conflict { what: string; now: string | null; redo: () => void }

/** Where the add form puts a new item. */
export interface Place { level: string; week: string }

export interface PlanState {
  /** The plan shown, and the sequence number of the answer it came from. */
  plan: Loaded<Plan> | null;
  shownSeq: number;
  /** The last sequence number handed out to a request for the plan. */
  lastSeq: number;
  loadError: UserMessage | null;
  selected: string | null;
  notice: Notice | null;
  conflict: Conflict | null;
  busy: boolean;
  /** The add form's level and week (null: not chosen yet, the defaults apply). */
  place: Place | null;
  /** Bumped when the user picks a place in the grid, so that the form takes the focus. */
  placeAsked: number;
}

export type PlanAction =
  | { type: 'request'; seq: number }
  | { type: 'loaded'; seq: number; plan: Loaded<Plan> }
  | { type: 'load-failed'; seq: number; error: UserMessage }
  | { type: 'select'; id: string | null }
  | { type: 'busy'; busy: boolean }
  | { type: 'notice'; notice: Notice | null }
  | { type: 'conflict'; conflict: Conflict | null }
  | { type: 'place'; place: Place; fromGrid?: boolean };

export const initialPlanState: PlanState = {
  plan: null, shownSeq: 0, lastSeq: 0, loadError: null, selected: null, notice: null, conflict: null,
  busy: false, place: null, placeAsked: 0,
};

/**
 * Answers for the plan can arrive in another order than their requests
 * went out (a slow GET after a change, then a fast one).  An answer older
 * than the one shown is dropped: an older plan never replaces a newer one
 * on screen.  Nor does an answer with a lower version of the same plan.
 */
function isStale(s: PlanState, seq: number, plan?: Plan): boolean {
  if (seq < s.shownSeq) return true;
  const shown = s.plan?.data;
  return !!plan && !!shown && shown.id === plan.id && plan.version < shown.version;
}

export function planReducer(s: PlanState, a: PlanAction): PlanState {
  switch (a.type) {
    case 'request':
      return { ...s, lastSeq: Math.max(s.lastSeq, a.seq) };
    case 'loaded':
      if (isStale(s, a.seq, a.plan.data)) return s;
      return {
        ...s, plan: a.plan, shownSeq: a.seq, loadError: null,
        // A selected item that is gone (deleted elsewhere) is no longer selected.
        selected: s.selected && a.plan.data.items.some((i) => i.id === s.selected) ? s.selected : null,
      };
    case 'load-failed':
      if (isStale(s, a.seq)) return s;
      return { ...s, loadError: a.error };
    case 'select':
      return { ...s, selected: a.id };
    case 'busy':
      return { ...s, busy: a.busy };
    case 'notice':
      return { ...s, notice: a.notice };
    case 'conflict':
      return { ...s, conflict: a.conflict };
    case 'place':
      return { ...s, place: a.place, placeAsked: a.fromGrid ? s.placeAsked + 1 : s.placeAsked };
    default:
      return s;
  }
}

/** Back from the lesson finder with a lesson picked for plan `planId`? Takes it (once). */
export function takePick(planId: string, load: () => LessonPick | null, save: (p: null) => void): LessonPick | null {
  const p = load();
  if (!p || p.planId !== planId || !p.lesson) return null;
  save(null);
  return p;
}

// --- Defaults of the add form ---------------------------------------------------

/**
 * The week a new item goes in by default: the current school week when
 * today lies in the plan's school year and is not a holiday, otherwise the
 * next week that is not a holiday; before the year: its first school week
 * after the summer holiday.
 */
export function defaultWeek(weeks: CalendarWeek[], today: string = todayIso()): string {
  if (weeks.length === 0) return '';
  const school = weeks.filter((w) => !w.holiday);
  const current = [...weeks].reverse().find((w) => w.monday <= today);
  const inYear = current && today <= addDays(weeks[weeks.length - 1].monday, 6);
  if (inYear) {
    const next = school.find((w) => w.monday >= current.monday);
    if (next) return next.week;
  }
  // Before the year (or after it): the first school week after the summer holiday.
  return (school[0] ?? weeks[0]).week;
}

function addDays(iso: string, n: number): string {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** The add form's place: the chosen one, or the school's first level and defaultWeek. */
export function placeOrDefault(place: Place | null, rows: { level: string }[], weeks: CalendarWeek[], today?: string): Place {
  const level = place && rows.some((r) => r.level === place.level) ? place.level : rows[0]?.level ?? '';
  const week = place && weeks.some((w) => w.week === place.week) ? place.week : defaultWeek(weeks, today);
  return { level, week };
}

// --- The item panel's form ------------------------------------------------------

/** What the item panel's forms hold, for one version of the item. */
export interface ItemDraft {
  version: number;
  level: string;
  week: string;
  status: ItemStatus;
  givenOn: string;
  teacher: string;
  notes: string;
  confirm: boolean;
}

export function draftOf(item: PlanItem, weeks: CalendarWeek[], today: string = todayIso()): ItemDraft {
  return {
    version: item.version,
    level: item.level,
    week: item.week ?? weeks[0]?.week ?? '',
    status: item.status,
    givenOn: item.given_on ?? today,
    teacher: item.teacher?.id ?? '',
    notes: item.notes ?? '',
    confirm: false,
  };
}

/**
 * The draft to show: the user's edits while the item has the version they
 * started from; a newer version of the item (after a change or a 412)
 * starts afresh from it.
 */
export function currentDraft(draft: ItemDraft | null, item: PlanItem, weeks: CalendarWeek[]): ItemDraft {
  return draft && draft.version === item.version ? draft : draftOf(item, weeks);
}
