// The add form of the year planner: kind, level, week and the unit
// (searched here among the catalogue's units and the school's own
// activities, or picked in the lesson finder and brought back).  Under
// it, a new own activity of the school: made and planned at once.

import { useEffect, useRef, useState } from 'preact/hooks';
import { apiPath, request } from '../../api';
import { emptyActivity } from '../../activity';
import { ActivityForm } from '../../components/ActivityForm';
import { Loaded, useApi } from '../../components/common';
import { newItemBody, planTitleText, savePick, weekNumber, type LessonPick } from '../../planning';
import { levelsText, unitKindText } from '../../format';
import { href } from '../../router';
import type { Activity, CalendarWeek, LessonPage, Plan } from '../../types';
import { LevelAndWeek, type Row } from './parts';
import type { Place } from './state';

export function AddItem({ plan, weeks, rows, place, onPlace, asked, onAdd, picked }: {
  plan: Plan; weeks: CalendarWeek[]; rows: Row[];
  /** The lesson picked in the lesson finder for this plan, if the user comes back from there. */
  picked: LessonPick | null;
  /** The level and week (kept by the page, so that the grid can set them). */
  place: Place; onPlace: (p: Place) => void;
  /** Bumped when a cell of the grid was picked: the form takes the focus. */
  asked: number;
  onAdd: (body: Record<string, unknown>, what: string) => void;
}) {
  const [kind, setKind] = useState<'les' | 'terugkommoment'>(picked?.kind ?? 'les');
  const { level, week } = place;
  const setLevel = (l: string) => onPlace({ level: l, week });
  const setWeek = (w: string) => onPlace({ level, week: w });
  const [q, setQ] = useState('');
  // The text searched for applies on Enter or "Lessen zoeken"; the level
  // filter applies at once, and follows the level chosen.
  const [searched, setSearched] = useState('');
  const [onlyLevel, setOnlyLevel] = useState(false);
  const [lesson, setLesson] = useState(picked?.lesson?.id ?? '');
  const fromFinder = () => {
    savePick({ planId: plan.id, planTitle: planTitleText(plan), kind, level, week });
    location.hash = href({ name: 'lessons', params: new URLSearchParams(level ? { niveau: level } : {}) });
  };
  const [invalid, setInvalid] = useState<string | null>(null);
  // Read again after a new activity was made, so that it is in the list.
  const [made, setMade] = useState(0);
  const found = useApi<LessonPage>(apiPath('/lessons',
    { q: searched, level: onlyLevel ? level : '', school: plan.school.id, limit: 50 }), made);
  const [adding, setAdding] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  const where = `${rows.find((r) => r.level === level)?.title ?? level}, week ${weekNumber(week)}`;
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (asked === 0) return;
    form.current?.scrollIntoView({ block: 'nearest' });
    document.getElementById('add-q')?.focus();
  }, [asked]);

  const doSearch = () => setSearched(q.trim());
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
    const title = kind === 'terugkommoment' ? (hit ? `Terugkommoment (${hit.title})` : 'Terugkommoment') : hit?.title ?? 'de les';
    onAdd(newItemBody(kind, place, lesson), `${title} toevoegen in ${where}`);
  };

  /** Make the activity, then plan it where the form points (as a lesson is planned). */
  const saveActivity = async (body: Record<string, unknown>) => {
    const act = (await request<Activity>(apiPath(`/schools/${plan.school.id}/activities`), { method: 'POST', body })).data;
    setAdding(false);
    setMade((n) => n + 1);
    onAdd(newItemBody('les', place, act.id), `${act.title} toevoegen in ${where}`);
  };
  const closeActivity = () => {
    setAdding(false);
    setTimeout(() => toggle.current?.focus(), 0);
  };

  return (
    <div class="add-column">
      <form class="add-item" onSubmit={submit} aria-labelledby="add-title" noValidate ref={form}>
        <h2 id="add-title">Les toevoegen</h2>
        {asked > 0 && <p class="small" role="status">In {rows.find((r) => r.level === level)?.title ?? level}, week {weekNumber(week)}: kies de les.</p>}
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
                      <span class="small"> ({unitKindText(l.kind)}; {levelsText(l.levels) || l.levels_as_published || 'niveau onbekend'})</span>
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
          <p class="small">
            Doet de school zelf iets dat er niet bij staat, zoals een gastles?{' '}
            <button type="button" class="link-button" ref={toggle} aria-expanded={adding}
              aria-controls={adding ? 'na' : undefined} onClick={() => setAdding(!adding)}>Eigen activiteit toevoegen</button>
          </p>
        </fieldset>
        <div class="actions">
          <button type="submit">Toevoegen</button>
        </div>
      </form>
      {adding && (
        <ActivityForm id="na" heading="Nieuwe eigen activiteit" create rows={rows} always={level}
          intro={`Alleen jouw school ziet deze activiteit. Je plant haar in ${where} (kies de plek hierboven of in het rooster); daarna vind je haar ook bij het zoeken.`}
          initial={emptyActivity()} submitLabel="Activiteit toevoegen en inplannen" onSave={saveActivity} onCancel={closeActivity} />
      )}
    </div>
  );
}

