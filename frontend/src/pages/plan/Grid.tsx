// The levels × weeks grid of a year plan.

import { useMemo } from 'preact/hooks';
import { countText } from '../../format';
import { itemPlace, itemsByCell, ITEM_STATUS_TEXT, weekLabel, weekNumber } from '../../planning';
import type { CalendarWeek, Plan, PlanItem } from '../../types';
import type { Row } from './parts';

/** The short visible name of an item in the grid: "L1" for MNOS-LES-1, "T" for a follow-up. */
function chipCode(it: PlanItem): string {
  if (it.kind === 'terugkommoment') return 'T';
  const code = it.lesson?.code ?? '';
  const n = /(\d+)$/.exec(code);
  return n ? `L${n[1]}` : 'L';
}

export function Grid({ plan, weeks, rows, selected, onSelect }: {
  plan: Plan; weeks: CalendarWeek[]; rows: Row[];
  selected: string | null; onSelect: (id: string) => void;
}) {
  const cells = useMemo(() => itemsByCell(plan.items, weeks), [plan, weeks]);
  return (
    <div class="grid-scroll" role="region" aria-labelledby="grid-title" tabIndex={0}>
      <table class="planner">
        <caption id="grid-title">
          Jaarplanner {plan.school_year}: niveaus per week. Gearceerde weken zijn schoolvakanties van regio {plan.school.region}.
        </caption>
        <thead>
          <tr>
            <th scope="col" class="level-col">Niveau</th>
            {weeks.map((w) => (
              <th key={w.week} scope="col" class={w.holiday ? (w.holiday.optional ? 'week maybe-holiday' : 'week holiday') : 'week'}
                title={weekLabel(w)}>
                <span aria-hidden="true">{weekNumber(w.week)}</span>
                <span class="sr-only">{weekLabel(w)}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.level}>
              <th scope="row" class="level-col">{r.title}</th>
              {weeks.map((w) => {
                const here = cells.get(`${r.level}|${w.week}`) ?? [];
                return (
                  <td key={w.week} class={w.holiday ? (w.holiday.optional ? 'maybe-holiday' : 'holiday') : undefined}>
                    {here.map((it) => (
                      <button key={it.id} type="button" data-item={it.id}
                        class={`chip chip-${it.status}${it.warnings.length ? ' has-warning' : ''}${selected === it.id ? ' chip-selected' : ''}`}
                        aria-pressed={selected === it.id} title={itemPlace(it)} onClick={() => onSelect(it.id)}>
                        {chipCode(it)}
                        <span class="sr-only">{`: ${itemPlace(it)}, ${ITEM_STATUS_TEXT[it.status]}${it.warnings.length ? `, ${countText(it.warnings.length, 'waarschuwing', 'waarschuwingen')}` : ''}`}</span>
                        {it.status === 'gegeven' && <span aria-hidden="true"> ✓</span>}
                        {it.warnings.length > 0 && <span aria-hidden="true" class="warn-mark"> !</span>}
                      </button>
                    ))}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

