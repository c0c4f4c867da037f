// Small parts of the year planner: warnings, and the level and week fields.

import { Tag } from '../../components/common';
import { warningTag, weekLabel, weekNumber } from '../../planning';
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


/** The weeks of a school year by the month of their Monday: "oktober 2025". */
export function weeksByMonth(weeks: CalendarWeek[]): { key: string; label: string; short: string; weeks: CalendarWeek[] }[] {
  const out: { key: string; label: string; short: string; weeks: CalendarWeek[] }[] = [];
  for (const w of weeks) {
    const key = w.monday.slice(0, 7);
    let m = out[out.length - 1];
    if (!m || m.key !== key) {
      const d = new Date(`${key}-15T12:00:00Z`);
      m = {
        key,
        label: d.toLocaleDateString('nl-NL', { month: 'long', year: 'numeric', timeZone: 'UTC' }),
        short: d.toLocaleDateString('nl-NL', { month: 'short', timeZone: 'UTC' }).replace('.', ''),
        weeks: [],
      };
      out.push(m);
    }
    m.weeks.push(w);
  }
  return out;
}

function holidayClass(w: CalendarWeek): string {
  return w.holiday ? (w.holiday.optional ? ' maybe-holiday' : ' holiday') : '';
}

/**
 * The week picker: the school year's weeks as a small calendar, one line a
 * month, each week with its number and the date of its Monday, holiday
 * weeks shaded.  A radio group: Tab reaches the chosen week, the arrow
 * keys choose another.
 */
export function WeekPicker({ id, weeks, value, onChange }: { id: string; weeks: CalendarWeek[]; value: string; onChange: (v: string) => void }) {
  const chosen = weeks.find((w) => w.week === value);
  return (
    <fieldset class="week-picker" id={id}>
      <legend>Week</legend>
      <div class="wp-months">
        {weeksByMonth(weeks).map((m) => (
          <div class="wp-month" key={m.key}>
            <span class="wp-month-name" title={m.label} aria-hidden="true">{m.short}</span>
            {m.weeks.map((w) => (
              <span class="wp-week" key={w.week}>
                <input type="radio" name={id} id={`${id}-${w.week}`} value={w.week} checked={w.week === value}
                  onChange={() => onChange(w.week)} />
                <label for={`${id}-${w.week}`} class={`wp-label${holidayClass(w)}`} title={weekLabel(w)}>
                  <span class="wp-num" aria-hidden="true">{weekNumber(w.week)}</span>
                  <span class="wp-day" aria-hidden="true">{Number(w.monday.slice(8, 10))}</span>
                  <span class="sr-only">{weekLabel(w)}</span>
                </label>
              </span>
            ))}
          </div>
        ))}
      </div>
      <p class="small wp-chosen">{chosen ? `Gekozen: ${weekLabel(chosen)}` : 'Nog geen week gekozen'} · gearceerd: schoolvakantie; het kleine getal is de maandag</p>
    </fieldset>
  );
}

export function LevelSelect({ id, rows, value, onChange }: { id: string; rows: Row[]; value: string; onChange: (v: string) => void }) {
  return (
    <select id={id} value={value} onChange={(e) => onChange((e.target as HTMLSelectElement).value)}>
      {rows.map((r) => <option key={r.level} value={r.level}>{r.title}</option>)}
    </select>
  );
}

/** Where an item goes: the level and the week (ids `${prefix}-level`, `${prefix}-week-YYYY-Www`). */
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
      <WeekPicker id={`${prefix}-week`} weeks={weeks} value={week} onChange={setWeek} />
    </>
  );
}

