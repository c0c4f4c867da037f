// Small parts of the year planner: warnings, and the level and week fields.

import { Tag } from '../../components/common';
import { warningTag, weekLabel } from '../../planning';
import type { CalendarWeek, PlanWarning } from '../../types';

/** A row of the grid: a level code and its name ("groep 8"). */
export interface Row { level: string; title: string }

export function WarningList({ warnings, id }: { warnings: PlanWarning[]; id?: string }) {
  if (warnings.length === 0) return null;
  return (
    <ul class="plan-warnings" id={id}>
      {warnings.map((w, i) => (
        <li key={`${w.code}-${i}`}><Tag kind="warning">{warningTag(w)}</Tag> {w.message}</li>
      ))}
    </ul>
  );
}


export function WeekSelect({ id, weeks, value, onChange }: { id: string; weeks: CalendarWeek[]; value: string; onChange: (v: string) => void }) {
  return (
    <select id={id} value={value} onChange={(e) => onChange((e.target as HTMLSelectElement).value)}>
      {weeks.map((w) => <option key={w.week} value={w.week}>{weekLabel(w)}</option>)}
    </select>
  );
}

export function LevelSelect({ id, rows, value, onChange }: { id: string; rows: Row[]; value: string; onChange: (v: string) => void }) {
  return (
    <select id={id} value={value} onChange={(e) => onChange((e.target as HTMLSelectElement).value)}>
      {rows.map((r) => <option key={r.level} value={r.level}>{r.title}</option>)}
    </select>
  );
}

/** Where an item goes: the level and the week (ids `${prefix}-level`, `${prefix}-week`). */
export function LevelAndWeek({ prefix, rows, weeks, level, week, setLevel, setWeek }: {
  prefix: string; rows: Row[]; weeks: CalendarWeek[];
  level: string; week: string; setLevel: (v: string) => void; setWeek: (v: string) => void;
}) {
  return (
    <>
      <div class="field">
        <label for={`${prefix}-level`}>Niveau</label>
        <LevelSelect id={`${prefix}-level`} rows={rows} value={level} onChange={setLevel} />
      </div>
      <div class="field">
        <label for={`${prefix}-week`}>Week</label>
        <WeekSelect id={`${prefix}-week`} weeks={weeks} value={week} onChange={setWeek} />
      </div>
    </>
  );
}

