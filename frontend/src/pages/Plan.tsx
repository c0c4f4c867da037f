// One year plan: the levels × weeks grid with the holiday weeks of the
// school's region shaded, adding, moving and removing lessons, the
// planning warnings inline, the status workflow and the copy to next year.
//
// Every change sends the version it was based on (If-Match).  When someone
// else changed the plan first (412), the page loads the newer version,
// shows it, and offers to do the user's change again on top of it:
// nothing is overwritten without the user seeing what is there now.

import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ApiError, apiPath, getJson, request } from '../api';
import { ErrorBox, Loaded, Loading, PageTitle, Tag, toUserMessage, useApi, useDocumentTitle } from '../components/common';
import { countText } from '../format';
import {
  etagOf, gridLevels, itemPlace, loadPick, savePick, itemsByCell, itemTitle, ITEM_STATUS_TEXT, nextSchoolYear,
  planTransitions, PLAN_STATUS_TEXT, todayIso, warningTag, weekLabel, weekNumber,
} from '../planning';
import type { UserMessage } from '../problem';
import { href } from '../router';
import { canEditSchool, type Me } from '../session';
import type {
  CalendarWeek, CoverageReport, ItemStatus, Leerlijn, LessonPage, Levels, Member, Plan, PlanItem, PlanStatus, PlanWarning, SchoolCalendar,
} from '../types';

type Loaded<T> = { data: T; etag: string };

function usePlan(id: string) {
  const [plan, setPlan] = useState<Loaded<Plan> | null>(null);
  const [error, setError] = useState<UserMessage | null>(null);
  const ref = useRef<Loaded<Plan> | null>(null);
  const reload = async (): Promise<Loaded<Plan> | null> => {
    try {
      const res = await request<Plan>(apiPath(`/plans/${id}`));
      const next = { data: res.data, etag: res.headers.get('etag') ?? etagOf(res.data.version) };
      ref.current = next;
      setPlan(next);
      setError(null);
      return next;
    } catch (err) {
      setError(toUserMessage(err).error);
      return null;
    }
  };
  useEffect(() => { void reload(); }, [id]);
  return { plan, error, reload, ref };
}

interface Notice { kind: 'ok' | 'error'; title: string; text?: string; warnings?: PlanWarning[]; error?: UserMessage }
interface Conflict { what: string; now: string | null; redo: () => void }

function WarningList({ warnings, id }: { warnings: PlanWarning[]; id?: string }) {
  if (warnings.length === 0) return null;
  return (
    <ul class="plan-warnings" id={id}>
      {warnings.map((w, i) => (
        <li key={`${w.code}-${i}`}><Tag kind="warning">{warningTag(w)}</Tag> {w.message}</li>
      ))}
    </ul>
  );
}

function WeekSelect({ id, weeks, value, onChange }: { id: string; weeks: CalendarWeek[]; value: string; onChange: (v: string) => void }) {
  return (
    <select id={id} value={value} onChange={(e) => onChange((e.target as HTMLSelectElement).value)}>
      {weeks.map((w) => <option key={w.week} value={w.week}>{weekLabel(w)}</option>)}
    </select>
  );
}

function LevelSelect({ id, rows, value, onChange }: { id: string; rows: { level: string; title: string }[]; value: string; onChange: (v: string) => void }) {
  return (
    <select id={id} value={value} onChange={(e) => onChange((e.target as HTMLSelectElement).value)}>
      {rows.map((r) => <option key={r.level} value={r.level}>{r.title}</option>)}
    </select>
  );
}

/** Where an item goes: the level and the week (ids `${prefix}-level`, `${prefix}-week`). */
function LevelAndWeek({ prefix, rows, weeks, level, week, setLevel, setWeek }: {
  prefix: string; rows: { level: string; title: string }[]; weeks: CalendarWeek[];
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

// --- The grid ---------------------------------------------------------------

/** The short visible name of an item in the grid: "L1" for MNOS-LES-1, "T" for a follow-up. */
function chipCode(it: PlanItem): string {
  if (it.kind === 'terugkommoment') return 'T';
  const code = it.lesson?.code ?? '';
  const n = /(\d+)$/.exec(code);
  return n ? `L${n[1]}` : 'L';
}

function Grid({ plan, weeks, rows, selected, onSelect }: {
  plan: Plan; weeks: CalendarWeek[]; rows: { level: string; title: string }[];
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

// --- Adding an item -----------------------------------------------------------

function AddItem({ plan, weeks, rows, onAdd }: {
  plan: Plan; weeks: CalendarWeek[]; rows: { level: string; title: string }[];
  onAdd: (body: Record<string, unknown>, what: string) => void;
}) {
  // Back from the lesson finder with a lesson picked for this plan?
  const [picked] = useState(() => {
    const p = loadPick();
    if (!p || p.planId !== plan.id || !p.lesson) return null;
    savePick(null);
    return p;
  });
  const [kind, setKind] = useState<'les' | 'terugkommoment'>(picked?.kind ?? 'les');
  const [level, setLevel] = useState(picked && rows.some((r) => r.level === picked.level) ? picked.level : rows[rows.length - 1]?.level ?? '');
  const firstSchoolWeek = weeks.find((w) => !w.holiday && w.monday >= `${weeks[0]?.monday.slice(0, 4)}-09-01`) ?? weeks[0];
  const [week, setWeek] = useState(picked && weeks.some((w) => w.week === picked.week) ? picked.week : firstSchoolWeek?.week ?? '');
  const [q, setQ] = useState('');
  const [search, setSearch] = useState({ q: '', level: '' });
  const [onlyLevel, setOnlyLevel] = useState(false);
  const [lesson, setLesson] = useState(picked?.lesson?.id ?? '');
  const fromFinder = () => {
    savePick({ planId: plan.id, planTitle: `${plan.title} ${plan.school_year}`, kind, level, week });
    location.hash = href({ name: 'lessons', params: new URLSearchParams(level ? { niveau: level } : {}) });
  };
  const [invalid, setInvalid] = useState<string | null>(null);
  const found = useApi<LessonPage>(apiPath('/lessons', { q: search.q, level: search.level, limit: 50 }));

  const doSearch = () => setSearch({ q: q.trim(), level: onlyLevel ? level : '' });
  const submit = (e: Event) => {
    e.preventDefault();
    if (kind === 'les' && !lesson) {
      setInvalid('Kies een les uit de zoekresultaten.');
      document.getElementById('add-q')?.focus();
      return;
    }
    setInvalid(null);
    const hit = (found.state === 'ok' ? found.data.items.find((l) => l.id === lesson) : undefined) ??
      (picked?.lesson?.id === lesson ? picked.lesson : undefined);
    const body: Record<string, unknown> = { kind, level, week };
    if (lesson) body.lesson_id = lesson;
    const title = kind === 'terugkommoment' ? (hit ? `Terugkommoment (${hit.title})` : 'Terugkommoment') : hit?.title ?? 'de les';
    const row = rows.find((r) => r.level === level);
    onAdd(body, `${title} toevoegen in ${row?.title ?? level}, week ${weekNumber(week)}`);
  };

  return (
    <form class="add-item" onSubmit={submit} aria-labelledby="add-title" noValidate>
      <h2 id="add-title">Les toevoegen</h2>
      <div class="form-row">
        <div class="field">
          <label for="add-kind">Soort</label>
          <select id="add-kind" value={kind} onChange={(e) => setKind((e.target as HTMLSelectElement).value as 'les' | 'terugkommoment')}>
            <option value="les">les</option>
            <option value="terugkommoment">terugkommoment</option>
          </select>
        </div>
        <LevelAndWeek prefix="add" rows={rows} weeks={weeks} level={level} week={week} setLevel={setLevel} setWeek={setWeek} />
      </div>
      <fieldset class="lesson-pick">
        <legend>Les{kind === 'terugkommoment' ? ' (mag leeg blijven)' : ''}</legend>
        <div class="inline-field">
          <label for="add-q" class="sr-only">Zoek een les</label>
          <input id="add-q" type="search" value={q} maxLength={200} placeholder="Zoek een les"
            onInput={(e) => setQ((e.target as HTMLInputElement).value)}
            onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); doSearch(); } }} />
          <button type="button" class="button-secondary" onClick={doSearch}>Lessen zoeken</button>
        </div>
        <div class="check">
          <input id="add-only-level" type="checkbox" checked={onlyLevel}
            onChange={(e) => setOnlyLevel((e.target as HTMLInputElement).checked)} />
          <label for="add-only-level">Alleen lessen voor het gekozen niveau</label>
        </div>
        {invalid && <p class="field-error" role="alert">{invalid}</p>}
        {picked?.lesson && !(found.state === 'ok' && found.data.items.some((l) => l.id === picked.lesson?.id)) && (
          <div class="pick-list picked">
            <input type="radio" name="add-lesson" id={`pick-${picked.lesson.id}-finder`} value={picked.lesson.id}
              checked={lesson === picked.lesson.id} onChange={() => setLesson(picked.lesson!.id)} />
            <label for={`pick-${picked.lesson.id}-finder`}>{picked.lesson.title} <span class="small">(gekozen in de lessenzoeker)</span></label>
          </div>
        )}
        <Loaded load={found} what="De lessen">
          {(page) => page.items.length === 0 ? <p role="status">Geen lessen gevonden.</p> : (
            <ul class="pick-list" aria-label="Gevonden lessen">
              {page.items.map((l) => (
                <li key={l.id}>
                  <input type="radio" name="add-lesson" id={`pick-${l.id}`} value={l.id} checked={lesson === l.id}
                    onChange={() => setLesson(l.id)} />
                  <label for={`pick-${l.id}`}>
                    {l.title}{l.programme ? ` – ${l.programme.title}` : ''}
                    <span class="small"> ({l.levels_as_published ?? (l.levels.map((x) => x.title).join(', ') || 'niveau onbekend')})</span>
                    {picked?.lesson?.id === l.id && <span class="small"> (gekozen in de lessenzoeker)</span>}
                  </label>
                </li>
              ))}
            </ul>
          )}
        </Loaded>
        <p class="small">
          Of <button type="button" class="link-button" onClick={fromFinder}>kies een les in de lessenzoeker</button>,
          op leerdoel, niveau, thema en erkenning.
        </p>
      </fieldset>
      <div class="actions">
        <button type="submit">Toevoegen</button>
      </div>
    </form>
  );
}

// --- One item -----------------------------------------------------------------

function ItemPanel({ item, weeks, rows, edit, mine, members, onChange, onDelete, onClose }: {
  item: PlanItem; weeks: CalendarWeek[]; rows: { level: string; title: string }[];
  edit: boolean; mine: boolean; members: Member[];
  onChange: (patch: Record<string, unknown>, what: string) => void;
  onDelete: () => void;
  onClose: () => void;
}) {
  const [level, setLevel] = useState(item.level);
  const [week, setWeek] = useState(item.week ?? weeks[0]?.week ?? '');
  const [status, setStatus] = useState<ItemStatus>(item.status);
  const [givenOn, setGivenOn] = useState(item.given_on ?? todayIso());
  const [teacher, setTeacher] = useState(item.teacher?.id ?? '');
  const [confirm, setConfirm] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => { heading.current?.focus(); }, [item.id]);
  // A newer version of the item (after a change or a 412): start from it.
  useEffect(() => {
    setLevel(item.level);
    setWeek(item.week ?? weeks[0]?.week ?? '');
    setStatus(item.status);
    setGivenOn(item.given_on ?? todayIso());
    setTeacher(item.teacher?.id ?? '');
    setConfirm(false);
  }, [item.version]);
  const row = (l: string) => rows.find((r) => r.level === l)?.title ?? l;
  const teachers = members.filter((m) => !m.disabled && (m.role === 'teacher' || m.role === 'coordinator'));
  const statusWhat = (s: ItemStatus) => `${itemTitle(item)} (${item.level_title}) op “${ITEM_STATUS_TEXT[s]}” zetten`;

  return (
    <section class="item-panel" aria-labelledby="item-title">
      <h2 id="item-title" tabIndex={-1} ref={heading}>{itemTitle(item)}</h2>
      <dl class="facts facts-compact">
        <dt>Niveau</dt><dd>{item.level_title}{item.class_name ? `, klas ${item.class_name}` : ''}</dd>
        <dt>Week</dt><dd>{item.week ? `week ${weekNumber(item.week)} (${item.starts_on} tot en met ${item.ends_on})` : item.date}</dd>
        <dt>Status</dt><dd>{ITEM_STATUS_TEXT[item.status]}{item.given_on ? ` op ${item.given_on}` : ''}</dd>
        <dt>Leraar</dt><dd>{item.teacher?.display_name ?? 'nog niet gekozen'}</dd>
        <dt>Veiligheid in de klas</dt><dd>{item.safety_prepared ? 'voorbereiding bevestigd' : 'nog niet bevestigd'}</dd>
      </dl>
      {item.lesson && <p><a href={href({ name: 'lesson', id: item.lesson.id })}>Over deze les</a></p>}
      {item.warnings.length > 0 ? (
        <>
          <h3>Waarschuwingen</h3>
          <WarningList warnings={item.warnings} />
        </>
      ) : <p>Geen waarschuwingen.</p>}

      {edit && (
        <form class="panel-form" onSubmit={(e) => {
          e.preventDefault();
          onChange({ level, week }, `${itemTitle(item)} verplaatsen naar ${row(level)}, week ${weekNumber(week)}`);
        }}>
          <h3>Verplaatsen</h3>
          <div class="form-row">
            <LevelAndWeek prefix="mv" rows={rows} weeks={weeks} level={level} week={week} setLevel={setLevel} setWeek={setWeek} />
          </div>
          <button type="submit">Verplaatsen</button>
        </form>
      )}

      {(edit || mine) && (
        <form class="panel-form" onSubmit={(e) => {
          e.preventDefault();
          onChange(status === 'gegeven' ? { status, given_on: givenOn } : { status }, statusWhat(status));
        }}>
          <h3>Status</h3>
          <div class="form-row">
            <div class="field">
              <label for="it-status">Status van de les</label>
              <select id="it-status" value={status} onChange={(e) => setStatus((e.target as HTMLSelectElement).value as ItemStatus)}>
                {(['gepland', 'gegeven', 'vervallen'] as ItemStatus[]).map((s) => <option key={s} value={s}>{ITEM_STATUS_TEXT[s]}</option>)}
              </select>
            </div>
            {status === 'gegeven' && (
              <div class="field">
                <label for="it-given">Gegeven op</label>
                <input id="it-given" type="date" value={givenOn} onInput={(e) => setGivenOn((e.target as HTMLInputElement).value)} />
              </div>
            )}
          </div>
          <button type="submit">Status opslaan</button>
          {!item.safety_prepared && (
            <button type="button" class="button-secondary" onClick={() => onChange({ safety_prepared: true },
              `de voorbereiding ‘veiligheid in de klas’ voor ${itemTitle(item)} bevestigen`)}>
              Voorbereiding veiligheid bevestigen
            </button>
          )}
        </form>
      )}

      {edit && teachers.length > 0 && (
        <form class="panel-form" onSubmit={(e) => {
          e.preventDefault();
          const who = teachers.find((t) => t.user_id === teacher)?.display_name ?? 'niemand';
          onChange({ teacher_id: teacher || null }, `${itemTitle(item)} toewijzen aan ${who}`);
        }}>
          <h3>Leraar</h3>
          <div class="inline-field">
            <label for="it-teacher" class="sr-only">Leraar</label>
            <select id="it-teacher" value={teacher} onChange={(e) => setTeacher((e.target as HTMLSelectElement).value)}>
              <option value="">niemand</option>
              {teachers.map((t) => <option key={t.user_id} value={t.user_id}>{t.display_name}</option>)}
            </select>
            <button type="submit" class="button-secondary">Toewijzen</button>
          </div>
        </form>
      )}

      <div class="actions">
        {edit && !confirm && <button type="button" class="button-danger" onClick={() => setConfirm(true)}>Verwijderen…</button>}
        {edit && confirm && (
          <>
            <span role="status">Weet je het zeker?</span>
            <button type="button" class="button-danger" onClick={onDelete}>Ja, verwijderen</button>
            <button type="button" class="button-secondary" onClick={() => setConfirm(false)}>Niet verwijderen</button>
          </>
        )}
        <button type="button" class="button-secondary" onClick={onClose}>Sluiten</button>
      </div>
    </section>
  );
}

// --- The plan's coverage ---------------------------------------------------------

/** Per framework, how many of its goals the plan covers (GET /plans/{id}/coverage). */
function PlanCoverage({ plan }: { plan: Plan }) {
  const [load, setLoad] = useState<{ report: CoverageReport | null; error: UserMessage | null }>({ report: null, error: null });
  useEffect(() => {
    const ctl = new AbortController();
    getJson<CoverageReport>(apiPath(`/plans/${plan.id}/coverage`), ctl.signal).then(
      (report) => setLoad({ report, error: null }),
      (err) => { if (!ctl.signal.aborted) setLoad({ report: null, error: toUserMessage(err).error }); });
    return () => ctl.abort();
  }, [plan.id, plan.version]);
  return (
    <section aria-labelledby="plan-coverage">
      <h2 id="plan-coverage">Dekking van de leerdoelen</h2>
      {load.error && <ErrorBox error={load.error} title="De dekking kon niet worden berekend" />}
      {load.report && (load.report.frameworks.length === 0 ? <p>Dit jaarplan dekt nog geen leerdoelen.</p> : (
        <ul class="plain-list plan-coverage">
          {load.report.frameworks.map((fw) => (
            <li key={fw.code}>
              <a href={href({ name: 'coverage', params: new URLSearchParams({ kader: fw.code, school: plan.school.id, jaar: plan.school_year }) })}>{fw.title}</a>:
              {' '}{fw.goals_covered} van de {fw.goals_total} doelen gepland, {fw.goals_given ?? 0} gegeven
            </li>
          ))}
        </ul>
      ))}
    </section>
  );
}

// --- The page -------------------------------------------------------------------

export function PlanPage({ id, me }: { id: string; me: Me | null }) {
  const { plan, error, reload, ref } = usePlan(id);
  const p = plan?.data;
  useDocumentTitle(p ? `${p.title} ${p.school_year}` : 'Jaarplan');
  const calendar = useApi<SchoolCalendar>(p ? apiPath(`/calendar/${p.school_year}`, { region: p.school.region }) : null);
  const line = useApi<Leerlijn>(p ? apiPath(`/schools/${p.school.id}/leerlijn`, { from: p.school_year, to: p.school_year }) : null);
  const levels = useApi<Levels>(apiPath('/levels'));
  const edit = !!p && canEditSchool(me, p.school.id) && p.status !== 'gearchiveerd';
  const members = useApi<{ items: Member[] }>(p && canEditSchool(me, p.school.id) ? apiPath(`/schools/${p.school.id}/members`) : null);
  const [selected, setSelected] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => { if (conflict) document.getElementById('conflict-title')?.focus(); }, [conflict]);

  const order = useMemo(() => new Map(levels.state === 'ok' ? levels.data.levels.map((l) => [l.code, l.sort_order]) : []), [levels]);
  const rows = useMemo(() => {
    if (!p) return [];
    const school = line.state === 'ok' ? line.data.levels.filter((l) => l.of_school).map((l) => ({ level: l.level, title: l.title })) : [];
    return gridLevels(school, p.items, order);
  }, [p, line, order]);

  // The same first elements while loading and after, so that the heading
  // (which has the focus after a navigation) stays the same element.
  const crumbs = <p class="crumbs"><a href={href({ name: 'plans', params: new URLSearchParams() })}>Jaarplanning</a>{p && <> › {p.school.name}</>}</p>;
  if (error && !p) {
    return (
      <div class="plan-page">
        {crumbs}
        <PageTitle>Jaarplan</PageTitle>
        <ErrorBox error={error} title="Het jaarplan kon niet worden geladen" />
      </div>
    );
  }
  if (!p) return <div class="plan-page">{crumbs}<PageTitle>Jaarplan</PageTitle><Loading what="Het jaarplan" /></div>;

  const weeks = calendar.state === 'ok' ? calendar.data.weeks : [];
  const item = p.items.find((i) => i.id === selected) ?? null;

  /**
   * Do one change.  op gets the newest plan and its ETag each time it
   * runs, so a redo after a 412 is based on what the user now sees.
   */
  const run = async (what: string, op: (cur: Loaded<Plan>) => Promise<unknown>,
    done?: (result: unknown, fresh: Loaded<Plan> | null) => void, describeNow?: (fresh: Plan) => string | null) => {
    const cur = ref.current;
    if (!cur) return;
    setBusy(true);
    setNotice(null);
    try {
      const result = await op(cur);
      setConflict(null);
      const fresh = await reload();
      done?.(result, fresh);
    } catch (err) {
      if (err instanceof ApiError && err.status === 412) {
        const fresh = await reload();
        setConflict({
          what,
          now: fresh && describeNow ? describeNow(fresh.data) : null,
          redo: () => void run(what, op, done, describeNow),
        });
      } else {
        setNotice({ kind: 'error', title: `Dat lukte niet: ${what}`, error: toUserMessage(err).error });
        await reload();
      }
    } finally {
      setBusy(false);
    }
  };

  const itemNow = (itemId: string) => (fresh: Plan) => {
    const it = fresh.items.find((i) => i.id === itemId);
    return it ? `Nu staat er: ${itemPlace(it)}, ${ITEM_STATUS_TEXT[it.status]}.` : 'Deze les is intussen uit het jaarplan verwijderd.';
  };

  const addItem = (body: Record<string, unknown>, what: string) => void run(what,
    async (cur) => (await request<PlanItem>(apiPath(`/plans/${id}/items`), { method: 'POST', body, ifMatch: cur.etag })).data,
    (result) => {
      const it = result as PlanItem;
      setSelected(it.id);
      setNotice({ kind: 'ok', title: `Toegevoegd: ${itemPlace(it)}.`, warnings: it.warnings });
    });

  const changeItem = (itemId: string) => (patch: Record<string, unknown>, what: string) => void run(what,
    async (cur) => {
      const it = cur.data.items.find((i) => i.id === itemId);
      if (!it) throw new ApiError(404, null, { text: 'Deze les staat niet meer in het jaarplan.', fields: [] });
      return (await request<PlanItem>(apiPath(`/plans/${id}/items/${itemId}`), { method: 'PATCH', body: patch, ifMatch: etagOf(it.version) })).data;
    },
    (result) => {
      const it = result as PlanItem;
      setNotice({ kind: 'ok', title: `Opgeslagen: ${itemPlace(it)}, ${ITEM_STATUS_TEXT[it.status]}.`, warnings: it.warnings });
    },
    itemNow(itemId));

  const deleteItem = (itemId: string) => {
    const it = p.items.find((i) => i.id === itemId);
    void run(`${it ? itemPlace(it) : 'de les'} verwijderen`,
      async (cur) => {
        const now = cur.data.items.find((i) => i.id === itemId);
        if (!now) return null;
        await request(apiPath(`/plans/${id}/items/${itemId}`), { method: 'DELETE', ifMatch: etagOf(now.version) });
        return null;
      },
      () => {
        setSelected(null);
        setNotice({ kind: 'ok', title: `Verwijderd: ${it ? itemPlace(it) : 'de les'}.` });
        setTimeout(() => document.getElementById('grid-title')?.closest<HTMLElement>('.grid-scroll')?.focus(), 0);
      },
      itemNow(itemId));
  };

  const setStatus = (to: PlanStatus, label: string) => void run(`het jaarplan ${label.toLowerCase()} (${PLAN_STATUS_TEXT[to]})`,
    async (cur) => (await request<Plan>(apiPath(`/plans/${id}`), { method: 'PATCH', body: { status: to }, ifMatch: cur.etag })).data,
    () => setNotice({ kind: 'ok', title: `Het jaarplan is nu ${PLAN_STATUS_TEXT[to]}.` }),
    (fresh) => `Het jaarplan is nu ${PLAN_STATUS_TEXT[fresh.status]} en heeft ${countText(fresh.items.length, 'onderdeel', 'onderdelen')}.`);

  const next = nextSchoolYear(p.school_year);
  const copy = async () => {
    if (!next) return;
    setBusy(true);
    setNotice(null);
    try {
      const res = await request<Plan>(apiPath(`/plans/${id}/copy`), { method: 'POST', body: { school_year: next } });
      location.hash = href({ name: 'plan', id: res.data.id });
    } catch (err) {
      setNotice({ kind: 'error', title: `Het jaarplan kon niet naar ${next} worden gekopieerd`, error: toUserMessage(err).error });
    } finally {
      setBusy(false);
    }
  };

  const mineItem = (it: PlanItem) => !!me && it.teacher?.id === me.id && p.status !== 'gearchiveerd';
  const planWarnings = p.warnings.filter((w) => !w.item_id);

  return (
    <div class="plan-page">
      {crumbs}
      <PageTitle>{p.title} <span class="subtitle">{p.school_year}</span></PageTitle>
      <p class="plan-meta">
        <Tag kind={p.status === 'vastgesteld' ? 'info' : 'plain'}>{PLAN_STATUS_TEXT[p.status]}</Tag>{' '}
        {p.school.name} · regio {p.school.region} · {countText(p.items.length, 'onderdeel', 'onderdelen')} · versie {p.version}
        {p.copied_from && <> · <a href={href({ name: 'plan', id: p.copied_from })}>gekopieerd van een eerder jaarplan</a></>}
      </p>
      {!edit && p.status !== 'gearchiveerd' && (
        <p class="notice notice-note">Je kunt dit jaarplan bekijken{me?.roles.includes('teacher') ? '; lessen die aan jou zijn toegewezen kun je als gegeven markeren' : ''}.</p>
      )}
      {p.status === 'gearchiveerd' && <p class="notice notice-note">Dit jaarplan is gearchiveerd en kan niet meer veranderen.</p>}

      {conflict && (
        <div class="notice notice-warning conflict" role="alert" aria-labelledby="conflict-title">
          <h2 id="conflict-title" tabIndex={-1}>Iemand anders heeft dit jaarplan intussen gewijzigd</h2>
          <p>Je wijziging is <strong>niet</strong> uitgevoerd: {conflict.what}.</p>
          <p>Hieronder zie je de nieuwste versie (versie {p.version}). {conflict.now}</p>
          <div class="actions">
            <button type="button" disabled={busy} onClick={conflict.redo}>Mijn wijziging opnieuw uitvoeren</button>
            <button type="button" class="button-secondary" onClick={() => setConflict(null)}>Laten zoals het nu is</button>
          </div>
        </div>
      )}
      <div aria-live="polite" class="live">
        {notice?.kind === 'ok' && (
          <div class="notice notice-ok">
            <p class="notice-title">{notice.title}</p>
            {notice.warnings && notice.warnings.length > 0 && (
              <>
                <p>Let op, {countText(notice.warnings.length, 'waarschuwing', 'waarschuwingen')}:</p>
                <WarningList warnings={notice.warnings} />
              </>
            )}
          </div>
        )}
      </div>
      {notice?.kind === 'error' && notice.error && <ErrorBox error={notice.error} title={notice.title} />}

      <div class="toolbar plan-actions">
        {edit && planTransitions(p.status).map((t) => (
          <button key={t.to} type="button" disabled={busy} class={t.to === 'gearchiveerd' ? 'button-secondary' : undefined}
            onClick={() => setStatus(t.to, t.label)}>{t.label}</button>
        ))}
        {canEditSchool(me, p.school.id) && next && (
          <button type="button" class="button-secondary" disabled={busy} onClick={copy}>Kopiëren naar {next}</button>
        )}
        <a class="button button-secondary" href={apiPath(`/plans/${id}/export.csv`)} download>CSV downloaden</a>
        <a class="button button-secondary" href={apiPath(`/plans/${id}/calendar.ics`)} download>Agenda (iCal)</a>
        <a href={href({ name: 'leerlijn', params: new URLSearchParams({ school: p.school.id }) })}>Doorlopende leerlijn</a>
      </div>

      {calendar.state === 'error' && <ErrorBox error={calendar.error} title="De schoolweken konden niet worden geladen" />}
      {calendar.state === 'loading' ? <Loading what="De schoolweken" /> : weeks.length > 0 && (
        <>
          <Grid plan={p} weeks={weeks} rows={rows} selected={selected} onSelect={setSelected} />
          <p class="small legend">
            <span class="legend-swatch holiday" aria-hidden="true" /> schoolvakantie{' '}
            <span class="legend-swatch maybe-holiday" aria-hidden="true" /> mogelijk extra vakantieweek{' '}
            · L1, L2, … = de les met dat nummer in de lescode (de naam staat in de knop) · T = terugkommoment · ✓ gegeven · ! waarschuwing
          </p>
          <div class="plan-columns">
            {item && (
              <ItemPanel key={item.id} item={item} weeks={weeks} rows={rows} edit={edit}
                mine={mineItem(item)} members={members.state === 'ok' ? members.data.items : []}
                onChange={changeItem(item.id)} onDelete={() => deleteItem(item.id)} onClose={() => setSelected(null)} />
            )}
            {edit && rows.length > 0 && <AddItem plan={p} weeks={weeks} rows={rows} onAdd={addItem} />}
          </div>
        </>
      )}

      {me && p.items.some((it) => it.teacher?.id === me.id) && (
        <section aria-labelledby="mine-title">
          <h2 id="mine-title">Jouw lessen in dit jaarplan</h2>
          <ul class="plain-list">
            {p.items.filter((it) => it.teacher?.id === me.id).map((it) => (
              <li key={it.id}>
                <button type="button" class="link-button" onClick={() => setSelected(it.id)}>{itemPlace(it)}</button>
                {' '}<Tag kind={it.status === 'gegeven' ? 'info' : 'plain'}>{ITEM_STATUS_TEXT[it.status]}</Tag>
              </li>
            ))}
          </ul>
        </section>
      )}
      <PlanCoverage plan={p} />
      <section aria-labelledby="warnings-title">
        <h2 id="warnings-title">Aandachtspunten ({p.warnings.length})</h2>
        {p.warnings.length === 0 ? <p>Geen waarschuwingen.</p> : (
          <ul class="plan-warnings">
            {planWarnings.map((w, i) => <li key={`p${i}`}><Tag kind="warning">{warningTag(w)}</Tag> {w.message}</li>)}
            {p.items.filter((it) => it.warnings.length > 0).map((it) => (
              <li key={it.id}>
                <button type="button" class="link-button" onClick={() => setSelected(it.id)}>{itemPlace(it)}</button>
                <WarningList warnings={it.warnings} />
              </li>
            ))}
          </ul>
        )}
      </section>
      {calendar.state === 'ok' && (
        <section aria-labelledby="holidays-title">
          <h2 id="holidays-title">Vakanties regio {p.school.region}</h2>
          <ul class="plain-list">
            {weeks.filter((w) => w.holiday).map((w) => <li key={w.week}>{weekLabel(w)}</li>)}
          </ul>
          <p class="small">Een adviesdatum is de week die de overheid adviseert; de school kan ervan afwijken.</p>
        </section>
      )}
    </div>
  );
}
