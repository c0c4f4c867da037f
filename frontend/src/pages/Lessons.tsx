// The lesson finder: lessons for a goal, narrowed by level, theme,
// duration, erkenning and free text.  The filters live in the page address,
// so a search can be bookmarked, shared and reached with Back.

import { useEffect, useMemo, useState } from 'preact/hooks';
import { ApiError, apiPath, getJson } from '../api';
import { ErrorBox, Loading, PageTitle, Tag, toUserMessage, useApi, useDocumentTitle } from '../components/common';
import { countText, dateText, durationText, evidenceTitle, EVIDENCE_LEVELS, groupLevels, levelName, levelsText, sourceHost, unitKindText, viaText } from '../format';
import {
  emptyFilters, filtersFromParams, filtersToParams, hasNarrowingFilters, lessonsApiQuery,
  pageCount, STAGE_PREFIX, validateFilters, type LessonFilters,
} from '../lessonQuery';
import { loadPick, savePick, type LessonPick } from '../planning';
import { problemMessage, type Problem } from '../problem';
import { href } from '../router';
import type { LessonHit, LessonPage, Levels, Page } from '../types';

function go(f: LessonFilters) {
  location.hash = href({ name: 'lessons', params: filtersToParams(f) });
}

function useThemes(): string[] {
  const load = useApi<Page<LessonHit>>(apiPath('/lessons', { limit: 100 }));
  return useMemo(() => {
    if (load.state !== 'ok') return [];
    const all = new Set<string>();
    for (const l of load.data.items) for (const t of l.themes) all.add(t);
    return [...all].sort((a, b) => a.localeCompare(b, 'nl'));
  }, [load]);
}

function LevelSelect({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  const load = useApi<Levels>(apiPath('/levels'));
  const groups = load.state === 'ok' ? groupLevels(load.data) : [];
  return (
    <div class="field">
      <label for="f-level">Niveau</label>
      <select id="f-level" value={value} onChange={(e) => onChange((e.target as HTMLSelectElement).value)}>
        <option value="">alle niveaus</option>
        {groups.map((g) => (
          <optgroup key={g.stage.code} label={g.stage.title}>
            <option value={STAGE_PREFIX + g.stage.code}>{`${g.stage.title} (alle)`}</option>
            {g.levels.map((l) => <option key={l.code} value={l.code}>{levelName(l.title)}</option>)}
          </optgroup>
        ))}
        {value && load.state === 'ok' && !groups.some((g) => STAGE_PREFIX + g.stage.code === value || g.levels.some((l) => l.code === value)) && (
          <option value={value}>{value}</option>
        )}
      </select>
      {load.state === 'error' && <p class="field-error">De niveaus konden niet worden geladen: {load.error.text}</p>}
    </div>
  );
}

type Results =
  | { state: 'loading' }
  | { state: 'ok'; data: LessonPage }
  | { state: 'error'; err: unknown };

function useLessons(f: LessonFilters): Results {
  const url = apiPath('/lessons', lessonsApiQuery(f));
  const [res, setRes] = useState<Results>({ state: 'loading' });
  useEffect(() => {
    const ctl = new AbortController();
    setRes({ state: 'loading' });
    getJson<LessonPage>(url, ctl.signal).then(
      (data) => { if (!ctl.signal.aborted) setRes({ state: 'ok', data }); },
      (err) => { if (!ctl.signal.aborted) setRes({ state: 'error', err }); },
    );
    return () => ctl.abort();
  }, [url]);
  return res;
}

function Candidates({ problem, f }: { problem: Problem; f: LessonFilters }) {
  const list = problem.candidates ?? [];
  if (list.length === 0) return null;
  return (
    <div class="notice notice-note" role="alert">
      <p class="notice-title">Deze code komt in meer dan één kader voor.</p>
      <p>Welk leerdoel bedoel je?</p>
      <ul class="plain-list">
        {list.map((c) => (
          <li key={c.id}>
            <a href={href({ name: 'lessons', params: filtersToParams({ ...f, goal: c.id, page: 1 }) })}>
              <span class="code">{c.code}</span> {c.title} ({c.framework})
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** "Kiezen voor het jaarplan": back to the plan with this lesson. */
function PickButton({ pick, l }: { pick: LessonPick; l: LessonHit }) {
  return (
    <button type="button" class="button-small" onClick={() => {
      savePick({ ...pick, lesson: { id: l.id, title: l.title } });
      location.hash = href({ name: 'plan', id: pick.planId });
    }}>
      {l.title} kiezen voor het jaarplan
    </button>
  );
}

function PickBanner({ pick }: { pick: LessonPick }) {
  return (
    <div class="notice notice-note pick-banner">
      <p>Je kiest een les voor het jaarplan <strong>{pick.planTitle}</strong>.{' '}
        <a href={href({ name: 'plan', id: pick.planId })} onClick={() => savePick(null)}>Terug zonder les</a></p>
    </div>
  );
}

function LessonCard({ l, pick }: { l: LessonHit; pick: LessonPick | null }) {
  return (
    <li class="card lesson-card">
      <h3>
        <a href={href({ name: 'lesson', id: l.id })}>{l.title}</a>
        {l.programme && <span class="card-sub">{l.programme.title}</span>}
      </h3>
      <p class="meta">
        {l.title_is_placeholder && <Tag kind="note">titel niet gepubliceerd</Tag>}
        {l.sensitive_topic && <Tag kind="warning">gevoelig onderwerp</Tag>}
      </p>
      {l.summary && <p>{l.summary}</p>}
      <dl class="facts facts-compact">
        {/* levels_as_published may be a research note (English): curators read it on the lesson page */}
        <dt>Niveau</dt><dd>{levelsText(l.levels) || 'onbekend'}</dd>
        <dt>Duur</dt><dd>{durationText(l.duration_minutes)}</dd>
        <dt>Thema's</dt><dd>{l.themes.length ? l.themes.join(', ') : 'geen opgegeven'}</dd>
        <dt>Erkenning</dt><dd>{evidenceTitle(l.evidence_level)}</dd>
        <dt>Soort</dt><dd>{unitKindText(l.kind)}</dd>
        <dt>Nagekeken</dt><dd>{l.reviewed_on ? dateText(l.reviewed_on) : 'onbekend'}</dd>
        <dt>Bron</dt><dd>{l.source_address ? <a href={l.source_address} rel="noopener noreferrer">Bron: {sourceHost(l.source_address)}</a> : 'geen bron opgegeven'}</dd>
        {l.matched && l.matched.length > 0 && (
          <>
            <dt>Past bij</dt>
            <dd>
              {l.matched.map((m, i) => (
                <span key={m.goal.id + m.via}>
                  {i > 0 && '; '}
                  {m.goal.code ?? m.goal.title} via {viaText(m.via)}{m.scope === 'programme' ? ' (koppeling geldt voor het hele lespakket)' : ''}
                </span>
              ))}
            </dd>
          </>
        )}
      </dl>
      {pick && <PickButton pick={pick} l={l} />}
    </li>
  );
}

function Pager({ f, total }: { f: LessonFilters; total: number }) {
  const pages = pageCount(total);
  if (pages <= 1) return null;
  const to = (page: number) => href({ name: 'lessons', params: filtersToParams({ ...f, page }) });
  return (
    <nav aria-label="Pagina's" class="pager">
      {f.page > 1 && <a href={to(f.page - 1)} rel="prev">Vorige pagina</a>}
      <span>Pagina {f.page} van {pages}</span>
      {f.page < pages && <a href={to(f.page + 1)} rel="next">Volgende pagina</a>}
    </nav>
  );
}

function ResultList({ f, res, pick }: { f: LessonFilters; res: Results; pick: LessonPick | null }) {
  if (res.state === 'loading') return <Loading what="De lessen" />;
  if (res.state === 'error') {
    const { error } = toUserMessage(res.err);
    const problem = res.err instanceof ApiError ? res.err.problem : null;
    // A code found in several frameworks: let the user pick instead of
    // showing the API's explanation.
    if (problem?.candidates?.length) return <Candidates problem={problem} f={f} />;
    return <ErrorBox error={error} title="De lessen konden niet worden gezocht" />;
  }
  const page = res.data;
  const goal = page.goal;
  if (page.total === 0) {
    return (
      <div role="status" class="notice notice-note">
        <p>Geen lessen gevonden{goal ? ` bij ${goal.code ?? goal.title}` : ''} met deze filters.</p>
        {f.maxMinutes && <p>Let op: lessen waarvan de bron geen duur noemt, vallen weg zodra je een maximale duur kiest.</p>}
        {hasNarrowingFilters(f) && <p><a href={href({ name: 'lessons', params: filtersToParams({ ...emptyFilters(), goal: f.goal, related: f.related }) })}>Filters wissen</a></p>}
      </div>
    );
  }
  return (
    <>
      <p role="status" class="result-count">
        {countText(page.total, 'les', 'lessen')} gevonden{goal ? ` bij ${goal.code ?? ''} ${goal.title}`.replace('  ', ' ') : ''}.
      </p>
      <ul class="cards lesson-list" aria-labelledby="results-title">
        {page.items.map((l) => <LessonCard key={l.id} l={l} pick={pick} />)}
      </ul>
      <Pager f={f} total={page.total} />
    </>
  );
}

export function Lessons({ params }: { params: URLSearchParams }) {
  const key = params.toString();
  const f = useMemo(() => filtersFromParams(new URLSearchParams(key)), [key]);
  const [form, setForm] = useState<LessonFilters>(f);
  const [invalid, setInvalid] = useState<string[]>([]);
  useEffect(() => { setForm(f); setInvalid([]); }, [f]);
  const res = useLessons(f);
  const themes = useThemes();
  const [pick] = useState(() => { const p = loadPick(); return p && !p.lesson ? p : null; });
  const goal = res.state === 'ok' ? res.data.goal : null;
  useDocumentTitle(goal ? `Lessen bij ${goal.code ?? goal.title}` : 'Lessen zoeken');

  const set = <K extends keyof LessonFilters>(k: K) => (v: LessonFilters[K]) => setForm({ ...form, [k]: v });
  // Choices (level, erkenning, related goals) apply as soon as they change;
  // typed text applies with Enter or "Zoeken".
  const apply = <K extends keyof LessonFilters>(k: K) => (v: LessonFilters[K]) => {
    const next = { ...form, [k]: v };
    setForm(next);
    if (validateFilters(next).length === 0) go({ ...next, page: 1 });
  };
  const val = (e: Event) => (e.target as HTMLInputElement).value;

  const submit = (e: Event) => {
    e.preventDefault();
    const errors = validateFilters(form);
    if (errors.length > 0) {
      setInvalid(problemMessage(400, { errors }).fields);
      document.getElementById('f-duration')?.focus();
      return;
    }
    setInvalid([]);
    go({ ...form, page: 1 });
  };

  return (
    <>
      <PageTitle>{goal ? <>Lessen bij <span class="code">{goal.code}</span> {goal.title}</> : 'Lessen zoeken'}</PageTitle>
      {pick && <PickBanner pick={pick} />}
      <div class="finder">
        <form class="filters" role="search" aria-label="Lessen filteren" onSubmit={submit} noValidate>
          <fieldset class="field goal-field">
            <legend>Leerdoel</legend>
            {f.goal ? (
              <>
                <p class="chosen-goal">
                  {goal ? <><span class="code">{goal.code}</span> {goal.title} <span class="small">({goal.framework})</span></> : f.goal}
                </p>
                <p class="small">
                  {goal && <><a href={href({ name: 'goal', id: goal.id })}>Over dit leerdoel</a>{' · '}</>}
                  <a href="#/kaders">Ander leerdoel kiezen</a>
                </p>
                <div class="check">
                  <input id="f-related" type="checkbox" checked={form.related === 'all'}
                    onChange={(e) => apply('related')((e.target as HTMLInputElement).checked ? 'all' : '')} />
                  <label for="f-related">Ook lessen bij verwante doelen in andere kaders</label>
                </div>
                <button type="button" class="button-secondary" onClick={() => go({ ...form, goal: '', related: '', page: 1 })}>
                  Zonder leerdoel zoeken
                </button>
              </>
            ) : (
              <>
                <label for="f-goal">Code van een leerdoel <span class="small">(bijvoorbeeld DG2.1)</span></label>
                <input id="f-goal" type="text" value={form.goal} maxLength={200} autoComplete="off"
                  onInput={(e) => set('goal')(val(e))} />
                <p class="small">Of <a href="#/kaders">kies een leerdoel in een kader</a>.</p>
              </>
            )}
          </fieldset>
          <LevelSelect value={form.level} onChange={apply('level')} />
          <div class="field">
            <label for="f-theme">Thema</label>
            <input id="f-theme" type="text" list="themes" value={form.theme} maxLength={200} autoComplete="off"
              onInput={(e) => set('theme')(val(e))} />
            <datalist id="themes">{themes.map((t) => <option key={t} value={t} />)}</datalist>
          </div>
          <div class="field">
            <label for="f-duration">Maximale duur in minuten</label>
            <input id="f-duration" type="text" inputMode="numeric" value={form.maxMinutes} maxLength={4}
              aria-describedby="f-duration-hint" aria-invalid={invalid.length > 0 ? true : undefined}
              onInput={(e) => set('maxMinutes')(val(e))} />
            <p id="f-duration-hint" class="small">Lessen waarvan de duur niet bekend is, vallen dan weg.</p>
            {invalid.map((m) => <p key={m} class="field-error" role="alert">{m}</p>)}
          </div>
          <div class="field">
            <label for="f-evidence">Erkenning</label>
            <select id="f-evidence" value={form.evidence} onChange={(e) => apply('evidence')((e.target as HTMLSelectElement).value)}>
              <option value="">alle</option>
              {EVIDENCE_LEVELS.map((x) => <option key={x.code} value={x.code}>{x.title}</option>)}
            </select>
          </div>
          <div class="field">
            <label for="f-q">Zoeken in de tekst</label>
            <input id="f-q" type="search" value={form.q} maxLength={200} onInput={(e) => set('q')(val(e))} />
          </div>
          <div class="actions">
            <button type="submit">Zoeken</button>
            <button type="button" class="button-secondary"
              onClick={() => go({ ...emptyFilters(), goal: f.goal, related: f.related })}>Filters wissen</button>
          </div>
        </form>
        <section class="results" aria-labelledby="results-title">
          <h2 id="results-title">Resultaten</h2>
          <ResultList f={f} res={res} pick={pick} />
        </section>
      </div>
    </>
  );
}
