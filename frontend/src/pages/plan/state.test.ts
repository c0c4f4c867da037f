import { describe, expect, test } from 'vitest';
import type { CalendarWeek, Plan, PlanItem } from '../../types';
import { currentDraft, defaultWeek, initialPlanState, placeOrDefault, planReducer, type Loaded, type PlanAction, type PlanState } from './state';
import { planLoader } from './usePlan';

const item = (over: Partial<PlanItem> = {}): PlanItem => ({
  id: 'i1', plan_id: 'p', kind: 'les', lesson: { id: 'l', code: 'L', title: 'Les 1', programme: null, sensitive_topic: false },
  level: 'groep-8', level_title: 'groep 8', class_name: null, week: '2025-W43', date: null,
  starts_on: '2025-10-20', ends_on: '2025-10-24', teacher: null, status: 'gepland', given_on: null,
  notes: null, safety_prepared: false, version: 1, warnings: [], ...over,
});

const plan = (version: number, items: PlanItem[] = []): Loaded<Plan> => ({
  etag: `"${version}"`,
  data: {
    id: 'p', title: 'Preventie', school: { id: 's', name: 'Demoschool A', region: 'noord' }, school_year: '2025-2026',
    status: 'concept', note: null, copied_from: null, version, items, warnings: [],
  },
});

/** A promise resolved from outside, to answer requests in any order. */
function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => { resolve = r; });
  return { promise, resolve };
}

describe('loading the plan', () => {
  test('an older answer arriving last does not replace the newer plan', async () => {
    let state: PlanState = initialPlanState;
    const dispatch = (a: PlanAction) => { state = planReducer(state, a); };
    const answers = [deferred<Loaded<Plan>>(), deferred<Loaded<Plan>>()];
    let n = 0;
    const reload = planLoader(() => answers[n++].promise, dispatch);
    const first = reload();   // asked before a change ...
    const second = reload();  // ... and after it
    answers[1].resolve(plan(3));
    await second;
    expect(state.plan?.data.version).toBe(3);
    answers[0].resolve(plan(2));
    expect((await first)?.data.version).toBe(2); // the caller still learns what the API said
    expect(state.plan?.data.version).toBe(3);    // but the screen keeps the newer plan
  });

  test('answers in order are all shown; a failure of an older request is not shown', async () => {
    let state: PlanState = initialPlanState;
    const dispatch = (a: PlanAction) => { state = planReducer(state, a); };
    const replies: (() => Promise<Loaded<Plan>>)[] = [async () => plan(1), async () => plan(2)];
    let n = 0;
    const reload = planLoader(() => replies[n++](), dispatch);
    await reload();
    expect(state.plan?.data.version).toBe(1);
    await reload();
    expect(state.plan?.data.version).toBe(2);
    state = planReducer(state, { type: 'load-failed', seq: 1, error: { text: 'weg', fields: [] } });
    expect(state.loadError).toBe(null);
  });

  test('a lower version of the same plan is not shown, even when it was asked last', () => {
    let state = planReducer(initialPlanState, { type: 'loaded', seq: 1, plan: plan(5) });
    state = planReducer(state, { type: 'loaded', seq: 2, plan: plan(4) });
    expect(state.plan?.data.version).toBe(5);
  });

  test('a selected item that has gone is no longer selected', () => {
    let state = planReducer(initialPlanState, { type: 'loaded', seq: 1, plan: plan(1, [item()]) });
    state = planReducer(state, { type: 'select', id: 'i1' });
    expect(state.selected).toBe('i1');
    state = planReducer(state, { type: 'loaded', seq: 2, plan: plan(2, []) });
    expect(state.selected).toBe(null);
  });
});

describe('the add form', () => {
  const weeks: CalendarWeek[] = [
    { week: '2025-W31', monday: '2025-07-28', holiday: { name: 'zomervakantie', status: 'verplicht', optional: false } },
    { week: '2025-W32', monday: '2025-08-04', holiday: { name: 'zomervakantie', status: 'verplicht', optional: false } },
    { week: '2025-W33', monday: '2025-08-11', holiday: null },
    { week: '2025-W34', monday: '2025-08-18', holiday: null },
    { week: '2025-W35', monday: '2025-08-25', holiday: { name: 'herfstvakantie', status: 'verplicht', optional: false } },
    { week: '2025-W36', monday: '2025-09-01', holiday: null },
  ];
  test('the default week: this school week, else the next one, else the first after the summer', () => {
    expect(defaultWeek(weeks, '2025-08-20')).toBe('2025-W34');
    expect(defaultWeek(weeks, '2025-08-27')).toBe('2025-W36');
    expect(defaultWeek(weeks, '2025-03-01')).toBe('2025-W33');
    expect(defaultWeek(weeks, '2026-12-01')).toBe('2025-W33');
    expect(defaultWeek([], '2025-08-20')).toBe('');
  });
  test('the default level is the school\'s first; a place picked in the grid wins', () => {
    const rows = [{ level: 'groep-1' }, { level: 'groep-2' }];
    expect(placeOrDefault(null, rows, weeks, '2025-08-20')).toEqual({ level: 'groep-1', week: '2025-W34' });
    expect(placeOrDefault({ level: 'groep-2', week: '2025-W36' }, rows, weeks)).toEqual({ level: 'groep-2', week: '2025-W36' });
    expect(placeOrDefault({ level: 'havo-2', week: '2030-W01' }, rows, weeks, '2025-08-20')).toEqual({ level: 'groep-1', week: '2025-W34' });
  });
  test('picking a cell in the grid asks the form to take the focus', () => {
    const s = planReducer(initialPlanState, { type: 'place', place: { level: 'groep-2', week: '2025-W36' }, fromGrid: true });
    expect(s.place).toEqual({ level: 'groep-2', week: '2025-W36' });
    expect(s.placeAsked).toBe(1);
    expect(planReducer(s, { type: 'place', place: { level: 'groep-1', week: '2025-W36' } }).placeAsked).toBe(1);
  });
});

describe('the item panel', () => {
  test('edits stay while the item keeps its version; a newer version starts afresh', () => {
    const it = item({ notes: 'oud' });
    const edited = { ...currentDraft(null, it, []), notes: 'nieuw' };
    expect(currentDraft(edited, it, []).notes).toBe('nieuw');
    expect(currentDraft(edited, item({ notes: 'van een ander', version: 2 }), []).notes).toBe('van een ander');
  });
});
