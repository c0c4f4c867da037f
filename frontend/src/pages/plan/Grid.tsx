// The levels × weeks grid of a year plan, an ARIA grid: one Tab stop, the
// arrow keys (and Home, End) go from cell to cell.  Whoever may change the
// plan adds in a cell by clicking it (or Enter on an empty cell), moves an
// item by dragging it to another cell, or with the keyboard: Space picks
// the item up, the arrow keys carry it, Enter puts it down, Escape leaves
// it where it was.  Enter or a click on an item opens it.

import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { countText } from '../../format';
import { itemPlace, itemsByCell, ITEM_STATUS_TEXT, weekLabel, weekNumber } from '../../planning';
import type { CalendarWeek, Plan, PlanItem } from '../../types';
import type { Row } from './parts';
import type { Place } from './state';

/** The short visible name of an item in the grid: "L1" for MNOS-LES-1, "T" for a follow-up, "E" for an own activity. */
function chipCode(it: PlanItem): string {
  if (it.kind === 'terugkommoment') return 'T';
  if (it.lesson?.own || it.lesson?.kind === 'activiteit') return 'E';
  const code = it.lesson?.code ?? '';
  const n = /(\d+)$/.exec(code);
  return n ? `L${n[1]}` : 'L';
}

interface Cell { r: number; c: number }

const MOVES: Record<string, [number, number]> = {
  ArrowLeft: [0, -1], ArrowRight: [0, 1], ArrowUp: [-1, 0], ArrowDown: [1, 0],
};

function holidayClass(w: CalendarWeek): string | undefined {
  return w.holiday ? (w.holiday.optional ? 'maybe-holiday' : 'holiday') : undefined;
}

export function Grid({ plan, weeks, rows, selected, edit, addAt, onSelect, onAddAt, onMove }: {
  plan: Plan; weeks: CalendarWeek[]; rows: Row[];
  selected: string | null;
  /** May the user change the plan (add, move)? */
  edit: boolean;
  /** The cell the add form points at, marked in the grid (null: none). */
  addAt: Place | null;
  onSelect: (id: string) => void;
  onAddAt: (place: Place) => void;
  onMove: (item: PlanItem, to: Place) => void;
}) {
  const cells = useMemo(() => itemsByCell(plan.items, weeks), [plan, weeks]);
  const at = (cell: Cell) => cells.get(`${rows[cell.r]?.level}|${weeks[cell.c]?.week}`) ?? [];
  // The cell that has the grid's Tab stop: the one last focused, else the
  // first with an item, else the first school week of the first level.
  const [cursor, setCursor] = useState<Cell | null>(null);
  const first = useMemo<Cell>(() => {
    for (let r = 0; r < rows.length; r++) {
      for (let c = 0; c < weeks.length; c++) if (cells.has(`${rows[r].level}|${weeks[c].week}`)) return { r, c };
    }
    return { r: 0, c: Math.max(0, weeks.findIndex((w) => !w.holiday)) };
  }, [cells, rows, weeks]);
  const clamp = (cell: Cell): Cell => ({
    r: Math.min(Math.max(cell.r, 0), rows.length - 1),
    c: Math.min(Math.max(cell.c, 0), weeks.length - 1),
  });
  const active = clamp(cursor ?? first);
  // An item picked up with the keyboard, and where it would go.
  const [grab, setGrab] = useState<{ id: string; to: Cell } | null>(null);
  const [dropAt, setDropAt] = useState<string | null>(null);
  const [said, setSaid] = useState('');
  const dragged = useRef<string | null>(null);
  const wantFocus = useRef(false);

  // After an arrow key, the focus follows the Tab stop.
  useEffect(() => {
    if (!wantFocus.current) return;
    wantFocus.current = false;
    const td = document.querySelector<HTMLElement>(`table.planner [data-cell="${active.r}:${active.c}"]`);
    (td?.querySelector<HTMLElement>('button.chip') ?? td)?.focus();
  }, [active.r, active.c]);

  const placeOf = (cell: Cell): Place => ({ level: rows[cell.r].level, week: weeks[cell.c].week });
  const where = (cell: Cell) => `${rows[cell.r].title}, ${weekLabel(weeks[cell.c])}`;
  const item = (id: string) => plan.items.find((i) => i.id === id);

  const drop = (id: string, cell: Cell) => {
    const it = item(id);
    if (!it) return;
    const to = placeOf(cell);
    if (it.level === to.level && (it.week ?? '') === to.week) {
      setSaid('Niet verplaatst: dezelfde plek.');
      return;
    }
    onMove(it, to);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const move = MOVES[e.key] ?? (e.key === 'Home' ? [0, -weeks.length] : e.key === 'End' ? [0, weeks.length] : null);
    if (grab) {
      if (move) {
        e.preventDefault();
        const to = clamp({ r: grab.to.r + move[0], c: grab.to.c + move[1] });
        setGrab({ ...grab, to });
        setSaid(`Naar ${where(to)}.`);
      } else if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        setGrab(null);
        drop(grab.id, grab.to);
      } else if (e.key === 'Escape') {
        e.preventDefault();
        setGrab(null);
        setSaid('Verplaatsen afgebroken.');
      }
      return;
    }
    if (move) {
      e.preventDefault();
      wantFocus.current = true;
      setCursor(clamp({ r: active.r + move[0], c: active.c + move[1] }));
      return;
    }
    const chip = (e.target as HTMLElement).closest<HTMLElement>('button.chip');
    if (edit && e.key === ' ' && chip?.dataset.item) {
      e.preventDefault();
      const it = item(chip.dataset.item);
      if (!it) return;
      setGrab({ id: it.id, to: active });
      setSaid(`${itemPlace(it)} opgepakt. Verplaats met de pijltjestoetsen, zet neer met Enter, breek af met Escape.`);
    } else if (edit && e.key === 'Enter' && !chip) {
      e.preventDefault();
      onAddAt(placeOf(active));
    }
  };

  // Focus moved into a cell (Tab, a click): that cell gets the Tab stop.
  const onFocus = (e: FocusEvent) => {
    const td = (e.target as HTMLElement).closest<HTMLElement>('[data-cell]');
    const m = td ? /^(\d+):(\d+)$/.exec(td.dataset.cell ?? '') : null;
    if (m && (Number(m[1]) !== active.r || Number(m[2]) !== active.c)) setCursor({ r: Number(m[1]), c: Number(m[2]) });
  };

  const addKey = addAt ? `${addAt.level}|${addAt.week}` : null;
  return (
    <div class="grid-scroll" role="region" aria-labelledby="grid-title" tabIndex={0}>
      <table class={`planner${grab ? ' grabbing' : ''}`} role="grid" aria-labelledby="grid-title" aria-describedby="grid-help"
        aria-readonly={edit ? undefined : true} onKeyDown={onKeyDown} onFocusCapture={onFocus}>
        <caption id="grid-title">
          Jaarplanner {plan.school_year}: niveaus per week. Gearceerde weken zijn schoolvakanties van regio {plan.school.region}.
        </caption>
        <thead>
          <tr>
            <th scope="col" class="level-col">Niveau</th>
            {weeks.map((w) => (
              <th key={w.week} scope="col" class={holidayClass(w) ? `week ${holidayClass(w)}` : 'week'} title={weekLabel(w)}>
                <span aria-hidden="true">{weekNumber(w.week)}</span>
                <span class="sr-only">{weekLabel(w)}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, r) => (
            <tr key={row.level}>
              <th scope="row" class="level-col">{row.title}</th>
              {weeks.map((w, c) => {
                const here = at({ r, c });
                const key = `${row.level}|${w.week}`;
                const isActive = active.r === r && active.c === c;
                const classes = [holidayClass(w), edit ? 'can-add' : undefined,
                  grab && grab.to.r === r && grab.to.c === c ? 'drop-target' : undefined,
                  dropAt === key ? 'drop-target' : undefined,
                  addKey === key ? 'add-target' : undefined].filter(Boolean).join(' ');
                return (
                  <td key={w.week} data-cell={`${r}:${c}`} data-level={row.level} data-week={w.week} class={classes || undefined}
                    tabIndex={here.length === 0 ? (isActive ? 0 : -1) : undefined}
                    onClick={edit ? (e) => { if (!(e.target as HTMLElement).closest('button')) onAddAt({ level: row.level, week: w.week }); } : undefined}
                    onDragOver={edit ? (e) => { if (dragged.current) { e.preventDefault(); if (dropAt !== key) setDropAt(key); } } : undefined}
                    onDragLeave={edit ? () => setDropAt(null) : undefined}
                    onDrop={edit ? (e) => {
                      e.preventDefault();
                      setDropAt(null);
                      const id = dragged.current ?? e.dataTransfer?.getData('text/plain');
                      dragged.current = null;
                      if (id) drop(id, { r, c });
                    } : undefined}>
                    {here.length === 0 && isActive && edit && <span class="sr-only">leeg; Enter voegt hier een les toe</span>}
                    {here.map((it) => (
                      <button key={it.id} type="button" data-item={it.id} tabIndex={isActive ? 0 : -1} draggable={edit}
                        class={`chip chip-${it.status}${it.warnings.length ? ' has-warning' : ''}${selected === it.id ? ' chip-selected' : ''}${grab?.id === it.id ? ' chip-grabbed' : ''}`}
                        aria-pressed={selected === it.id} title={itemPlace(it)} onClick={() => onSelect(it.id)}
                        onDragStart={(e) => {
                          dragged.current = it.id;
                          if (e.dataTransfer) {
                            e.dataTransfer.setData('text/plain', it.id);
                            e.dataTransfer.effectAllowed = 'move';
                          }
                        }}
                        onDragEnd={() => { dragged.current = null; setDropAt(null); }}>
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
      <p class="sr-only" aria-live="assertive">{said}</p>
    </div>
  );
}

/** How the grid works, under it (the grid's aria-describedby). */
export function GridHelp({ edit }: { edit: boolean }) {
  return (
    <p class="small legend" id="grid-help">
      <span class="legend-swatch holiday" aria-hidden="true" /> schoolvakantie{' '}
      <span class="legend-swatch maybe-holiday" aria-hidden="true" /> mogelijk extra vakantieweek{' '}
      · L1, L2, … = de les met dat nummer in de lescode (de naam staat in de knop) · E = eigen activiteit van de school · T = terugkommoment · ✓ gegeven · ! waarschuwing.
      {' '}Pijltjestoetsen: van cel naar cel; Enter of klikken opent een les.
      {edit && ' Klik op een cel (of Enter op een lege cel) om daar een les toe te voegen. Sleep een les naar een andere week of een ander niveau, of: spatie pakt de les op, de pijltjestoetsen verplaatsen haar, Enter zet haar neer, Escape breekt af.'}
    </p>
  );
}
