// The form of a school's own activity: title, levels, duration, themes,
// learning goals (searched here), notes and a link.  Used by the planner (a new activity, planned at once)
// and by the plans page (change one).  It checks what it can before
// asking the API, and shows the API's problems (422) at their fields.

import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, apiPath } from '../api';
import { ACTIVITY_FIELDS, activityBody, goalText, validateActivity, withGoal, withoutGoal, type ActivityDraft } from '../activity';
import { problemsAtFields, type FieldError, type UserMessage } from '../problem';
import type { GoalRef, Page } from '../types';
import { ErrorBox, Loaded, toUserMessage, useApi } from './common';

type Field = typeof ACTIVITY_FIELDS[number];

export function ActivityForm({ id, heading, intro, rows, always, initial, create, submitLabel, onSave, onCancel }: {
  /** The prefix of the form's element ids. */
  id: string;
  heading: string;
  intro?: string;
  /** The levels to choose from (code and name). */
  rows: { level: string; title: string }[];
  /** A level the activity has in any case (where the planner plans it now). */
  always?: string;
  initial: ActivityDraft;
  create: boolean;
  submitLabel: string;
  /** Send the body; rejects with the API's error (the form shows it). */
  onSave: (body: Record<string, unknown>) => Promise<void>;
  onCancel: () => void;
}) {
  const [d, setD] = useState<ActivityDraft>(initial);
  const [at, setAt] = useState<Partial<Record<Field, string[]>>>({});
  const [error, setError] = useState<UserMessage | null>(null);
  const [busy, setBusy] = useState(false);
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => { first.current?.focus(); }, []);
  // The goal search applies on Enter or "Zoeken".
  const [goalQ, setGoalQ] = useState('');
  const [goalSearched, setGoalSearched] = useState('');
  const found = useApi<Page<GoalRef>>(goalSearched ? apiPath('/goals', { q: goalSearched, limit: 10 }) : null);

  const fid = (f: Field) => `${id}-${f}`;
  const set = (patch: Partial<ActivityDraft>) => setD({ ...d, ...patch });
  const val = (e: Event) => (e.target as HTMLInputElement | HTMLTextAreaElement).value;

  /** Show these problems; the focus goes to the first field at fault (else the box above). */
  const show = (errors: readonly FieldError[] | null | undefined, box: UserMessage | null) => {
    const p = problemsAtFields(errors, ACTIVITY_FIELDS);
    setAt(p.at as Partial<Record<Field, string[]>>);
    setError(box && { text: box.text, fields: p.rest });
    const wrong = ACTIVITY_FIELDS.find((f) => p.at[f]);
    setTimeout(() => {
      const el = wrong === 'levels'
        ? document.querySelector<HTMLElement>(`#${fid('levels')} input:not([disabled])`)
        : wrong ? document.getElementById(fid(wrong)) : document.getElementById(`${id}-error`);
      el?.focus();
    }, 0);
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    const invalid = validateActivity(d, always);
    if (invalid.length > 0) {
      show(invalid, null);
      return;
    }
    setAt({});
    setError(null);
    setBusy(true);
    try {
      await onSave(activityBody(d, { create, always }));
    } catch (err) {
      show(err instanceof ApiError ? err.problem?.errors : null, toUserMessage(err).error);
    } finally {
      setBusy(false);
    }
  };

  /** The problems at a field, and the attributes that tie them to it. */
  const problems = (f: Field) => at[f]?.length ? (
    <div id={`${fid(f)}-error`}>
      {at[f]!.map((m) => <p key={m} class="field-error">{m}</p>)}
    </div>
  ) : null;
  const tie = (f: Field, hint?: string) => {
    const ids = [hint, at[f]?.length ? `${fid(f)}-error` : undefined].filter(Boolean).join(' ');
    return { 'aria-invalid': at[f]?.length ? true : undefined, 'aria-describedby': ids || undefined };
  };

  return (
    <form class="activity-form" id={id} aria-labelledby={`${id}-heading`} noValidate onSubmit={submit}
      onKeyDown={(e) => { if (e.key === 'Escape') { e.preventDefault(); onCancel(); } }}>
      <h3 id={`${id}-heading`}>{heading}</h3>
      {intro && <p class="small">{intro}</p>}
      {error && (
        <div id={`${id}-error`} tabIndex={-1}>
          <ErrorBox error={error} title="De activiteit kon niet worden bewaard" />
        </div>
      )}
      <div class="field">
        <label for={fid('title')}>Titel <span class="small">(verplicht)</span></label>
        <input id={fid('title')} ref={first} type="text" value={d.title} maxLength={200} autoComplete="off"
          {...tie('title')} onInput={(e) => set({ title: val(e) })} />
        {problems('title')}
      </div>
      <fieldset class="field activity-levels" id={fid('levels')} aria-describedby={tie('levels')['aria-describedby']}>
        <legend>Niveaus</legend>
        <div class="level-checks">
          {rows.map((r) => {
            const fixed = r.level === always;
            return (
              <div class="check" key={r.level}>
                <input type="checkbox" id={`${fid('levels')}-${r.level}`} checked={fixed || d.levels.includes(r.level)} disabled={fixed}
                  onChange={(e) => set({
                    levels: (e.target as HTMLInputElement).checked ? [...d.levels, r.level] : d.levels.filter((l) => l !== r.level),
                  })} />
                <label for={`${fid('levels')}-${r.level}`}>{r.title}{fixed && <span class="small"> (hier plan je de activiteit nu in)</span>}</label>
              </div>
            );
          })}
        </div>
        {problems('levels')}
      </fieldset>
      <div class="field">
        <label for={fid('duration_minutes')}>Duur in minuten <span class="small">(mag leeg blijven)</span></label>
        <input id={fid('duration_minutes')} type="text" inputMode="numeric" value={d.duration} maxLength={4} autoComplete="off"
          {...tie('duration_minutes')} onInput={(e) => set({ duration: val(e) })} />
        {problems('duration_minutes')}
      </div>
      <div class="field">
        <label for={fid('themes')}>Thema's <span class="small">(mag leeg blijven)</span></label>
        <input id={fid('themes')} type="text" value={d.themes} maxLength={2000} autoComplete="off"
          {...tie('themes', `${fid('themes')}-hint`)} onInput={(e) => set({ themes: val(e) })} />
        <p id={`${fid('themes')}-hint`} class="small">Gescheiden door komma's, bijvoorbeeld: weerbaarheid, grenzen.</p>
        {problems('themes')}
      </div>
      <fieldset class="field activity-goals" aria-describedby={tie('goals')['aria-describedby']}>
        <legend>Leerdoelen <span class="small">(mag leeg blijven; alleen met leerdoelen telt de activiteit mee in de dekking per leerdoel)</span></legend>
        {d.goals.length > 0 && (
          <ul class="chosen-goals" aria-label="Gekozen leerdoelen">
            {d.goals.map((g) => (
              <li key={g.id}>
                {goalText(g)}{' '}
                <button type="button" class="link-button" aria-label={`${goalText(g)} weghalen`}
                  onClick={() => set({ goals: withoutGoal(d.goals, g.id) })}>weghalen</button>
              </li>
            ))}
          </ul>
        )}
        <div class="inline-field">
          <label for={fid('goals')} class="sr-only">Zoek een leerdoel</label>
          <input id={fid('goals')} type="search" value={goalQ} maxLength={200} placeholder="Zoek een leerdoel, bijvoorbeeld grenzen"
            {...tie('goals')} onInput={(e) => setGoalQ(val(e))}
            onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); setGoalSearched(goalQ.trim()); } }} />
          <button type="button" class="button-secondary" onClick={() => setGoalSearched(goalQ.trim())}>Leerdoelen zoeken</button>
        </div>
        {goalSearched && (
          <Loaded load={found} what="De leerdoelen">
            {(page) => page.items.length === 0 ? <p role="status">Geen leerdoelen gevonden.</p> : (
              <ul class="pick-list" aria-label="Gevonden leerdoelen">
                {page.items.map((g) => {
                  const goal = { id: g.id, framework: g.framework, code: g.code ?? null, title: g.title };
                  const chosen = d.goals.some((x) => x.id === g.id);
                  return (
                    <li key={g.id}>
                      {goalText(goal)}{' '}
                      <button type="button" class="link-button" disabled={chosen} aria-label={`${goalText(goal)} kiezen`}
                        onClick={() => set({ goals: withGoal(d.goals, goal) })}>{chosen ? 'gekozen' : 'kiezen'}</button>
                    </li>
                  );
                })}
              </ul>
            )}
          </Loaded>
        )}
        {problems('goals')}
      </fieldset>
      <div class="field">
        <label for={fid('notes')}>Notities <span class="small">(mag leeg blijven)</span></label>
        <textarea id={fid('notes')} rows={3} maxLength={4000} value={d.notes}
          {...tie('notes')} onInput={(e) => set({ notes: val(e) })} />
        {problems('notes')}
      </div>
      <div class="field">
        <label for={fid('url')}>Link <span class="small">(een webadres; mag leeg blijven)</span></label>
        <input id={fid('url')} type="url" value={d.url} maxLength={500} autoComplete="off" placeholder="https://"
          {...tie('url')} onInput={(e) => set({ url: val(e) })} />
        {problems('url')}
      </div>
      <div class="actions">
        <button type="submit" disabled={busy}>{submitLabel}</button>
        <button type="button" class="button-secondary" onClick={onCancel}>Annuleren</button>
      </div>
    </form>
  );
}
