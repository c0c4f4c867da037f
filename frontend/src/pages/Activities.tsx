// The school's own activities on its plans page: the list for its
// members; its coordinators change or remove one (PATCH and DELETE with
// If-Match).  New ones are made in the planner, where they are planned
// at once.

import { useCallback, useEffect, useState } from 'preact/hooks';
import { ApiError, apiPath, getJson, request } from '../api';
import { draftOfActivity } from '../activity';
import { ActivityForm } from '../components/ActivityForm';
import { ErrorBox, Loaded, toUserMessage, useApi, type Load } from '../components/common';
import { countText, durationText, levelsText } from '../format';
import { etagOf, schoolYearOf } from '../planning';
import type { UserMessage } from '../problem';
import { href } from '../router';
import type { Activity, ActivityList, Leerlijn } from '../types';

type Row = { level: string; title: string };

/**
 * The school's activities, and a reload that a change awaits (so the
 * list is fresh before the focus moves, and a change and its reload are
 * one busy stretch of the page).
 */
function useActivities(school: string) {
  const [list, setList] = useState<Load<ActivityList>>({ state: 'loading' });
  const reload = useCallback(async () => {
    try {
      setList({ state: 'ok', data: await getJson<ActivityList>(apiPath(`/schools/${school}/activities`)) });
    } catch (err) {
      setList({ state: 'error', ...toUserMessage(err) });
    }
  }, [school]);
  useEffect(() => { void reload(); }, [reload]);
  return { list, reload };
}

export function SchoolActivities({ school, edit }: { school: string; edit: boolean }) {
  const { list, reload } = useActivities(school);
  const year = schoolYearOf(new Date());
  const line = useApi<Leerlijn>(apiPath(`/schools/${school}/leerlijn`, { from: year, to: year }));
  const [open, setOpen] = useState<string | null>(null);
  const [confirm, setConfirm] = useState<string | null>(null);
  const [said, setSaid] = useState<string>('');
  const [error, setError] = useState<{ title: string; error: UserMessage } | null>(null);
  const known: Row[] = line.state === 'ok' ? line.data.levels.map((l) => ({ level: l.level, title: l.title })) : [];
  const ofSchool: Row[] = line.state === 'ok' ? line.data.levels.filter((l) => l.of_school).map((l) => ({ level: l.level, title: l.title })) : [];
  const title = (code: string) => known.find((r) => r.level === code)?.title ?? code;
  /** The levels to choose from: the school's, and any other the activity has. */
  const rowsFor = (a: Activity): Row[] => [...ofSchool, ...a.levels.filter((c) => !ofSchool.some((r) => r.level === c)).map((c) => ({ level: c, title: title(c) }))];
  const summary = (a: Activity) => [a.title, levelsText(a.levels.map((c) => ({ title: title(c) }))), `duur ${durationText(a.duration_minutes)}`].join(', ');
  const focusLater = (sel: string) => setTimeout(() => document.querySelector<HTMLElement>(sel)?.focus(), 0);

  /** Someone else changed an activity while it was being edited here: its newer version, by id. */
  const [newer, setNewer] = useState<Record<string, Activity>>({});
  const forget = (id: string) => setNewer(Object.fromEntries(Object.entries(newer).filter(([k]) => k !== id)));
  const path = (a: Activity) => apiPath(`/schools/${school}/activities/${a.id}`);

  const save = (a: Activity) => async (body: Record<string, unknown>) => {
    const cur = newer[a.id] ?? a;
    const res = await request<Activity>(path(a), { method: 'PATCH', body, ifMatch: etagOf(cur.version) })
      .catch(async (err: unknown) => {
        // Changed meanwhile (412): the form keeps what the user typed and
        // says what is there now; "Opslaan" then saves on top of that.
        if (err instanceof ApiError && err.status === 412) {
          const now = await getJson<Activity>(path(a)).catch(() => null);
          if (now) setNewer({ ...newer, [a.id]: now });
        }
        throw err;
      });
    await reload();
    forget(a.id);
    setOpen(null);
    setSaid(`Opgeslagen: ${res.data.title}.`);
    focusLater(`[data-activity="${a.id}"] .edit-activity`);
  };
  const remove = async (a: Activity) => {
    setError(null);
    try {
      await request<unknown>(apiPath(`/schools/${school}/activities/${a.id}`), { method: 'DELETE', ifMatch: etagOf(a.version) });
      await reload();
      setConfirm(null);
      setSaid(`Verwijderd: ${a.title}.`);
      focusLater('#activities-title');
    } catch (err) {
      setConfirm(null);
      setError({ title: `${a.title} kon niet worden verwijderd`, error: toUserMessage(err).error });
      await reload();
    }
  };

  return (
    <section aria-labelledby="activities-title" class="activity-list">
      <h2 id="activities-title" tabIndex={-1}>Eigen activiteiten</h2>
      <p class="small">
        Wat de school zelf doet, zoals een gastles of een eigen methode. Alleen jouw school ziet ze.
        {edit && ' Een nieuwe voeg je toe in een jaarplan (onder “Les toevoegen”): ze wordt dan meteen ingepland.'}
      </p>
      <p class="sr-only" role="status">{said}</p>
      {error && <ErrorBox error={error.error} title={error.title} />}
      <Loaded load={list} what="De eigen activiteiten">
        {(d) => d.items.length === 0 ? <p>De school heeft nog geen eigen activiteiten.</p> : (
          <ul class="cards">
            {d.items.map((a) => (
              <li key={a.id} class="card" data-activity={a.id}>
                <h3><a href={href({ name: 'lesson', id: a.id })}>{a.title}</a></h3>
                <dl class="facts facts-compact">
                  <dt>Niveau</dt><dd>{levelsText(a.levels.map((c) => ({ title: title(c) })))}</dd>
                  <dt>Duur</dt><dd>{durationText(a.duration_minutes)}</dd>
                  <dt>Thema's</dt><dd>{a.themes.length ? a.themes.join(', ') : 'geen opgegeven'}</dd>
                  <dt>Ingepland</dt><dd>{a.planned > 0 ? countText(a.planned, 'keer', 'keer') : 'nog niet'}</dd>
                  {a.url && <><dt>Link</dt><dd><a href={a.url} rel="noopener noreferrer">{a.url}</a></dd></>}
                  {a.notes && <><dt>Notities</dt><dd>{a.notes}</dd></>}
                </dl>
                {edit && open !== a.id && (
                  <div class="actions">
                    <button type="button" class="button-secondary edit-activity" onClick={() => { setError(null); setOpen(a.id); setConfirm(null); }}>
                      {a.title} wijzigen
                    </button>
                    {a.planned > 0 ? (
                      <span class="small">Staat in een jaarplan: haal haar daar eerst weg om haar te verwijderen.</span>
                    ) : confirm === a.id ? (
                      <>
                        <button type="button" class="remove-activity" onClick={() => void remove(a)}>Ja, {a.title} verwijderen</button>
                        <button type="button" class="button-secondary" onClick={() => { setConfirm(null); focusLater(`[data-activity="${a.id}"] .ask-remove`); }}>Niet verwijderen</button>
                      </>
                    ) : (
                      <button type="button" class="button-secondary ask-remove"
                        onClick={() => { setConfirm(a.id); focusLater(`[data-activity="${a.id}"] .remove-activity`); }}>
                        {a.title} verwijderen…
                      </button>
                    )}
                  </div>
                )}
                {edit && open === a.id && (
                  <ActivityForm id={`ea-${a.id}`} heading={`${a.title} wijzigen`} create={false} rows={rowsFor(a)}
                    intro={newer[a.id] && `Iemand anders heeft deze activiteit intussen gewijzigd. Nu staat er: ${summary(newer[a.id])}. Met “Opslaan” bewaar je jouw versie daaroverheen; met “Annuleren” houd je die van de ander.`}
                    initial={draftOfActivity(a)} submitLabel="Opslaan" onSave={save(a)}
                    onCancel={() => {
                      if (newer[a.id]) void reload();
                      forget(a.id);
                      setOpen(null);
                      focusLater(`[data-activity="${a.id}"] .edit-activity`);
                    }} />
                )}
              </li>
            ))}
          </ul>
        )}
      </Loaded>
    </section>
  );
}
