// The school's year plans: the list (all school years) and, for its
// coordinator, a form to make the plan of a school year; then the
// school's own activities (Activities.tsx).

import { useState } from 'preact/hooks';
import { apiPath, request } from '../api';
import { ErrorBox, Loaded, PageTitle, Tag, toUserMessage, useApi, useDocumentTitle } from '../components/common';
import { offeredSchoolYears, PLAN_STATUS_TEXT } from '../planning';
import type { UserMessage } from '../problem';
import { href } from '../router';
import { canEditSchool, type Me } from '../session';
import type { Page, PlanSummary, School } from '../types';
import { SchoolActivities } from './Activities';

/** The school the planner pages are about: ?school=, else the user's first. */
export function useSchoolChoice(me: Me | null, params: URLSearchParams): string | null {
  const asked = params.get('school');
  if (asked) return asked;
  const m = me?.memberships.find((x) => x.role === 'coordinator') ?? me?.memberships[0];
  return m?.schoolId ?? null;
}

/** For users without a school of their own (admin): choose one. */
export function SchoolPicker({ route }: { route: 'plans' | 'leerlijn' | 'proposal' }) {
  const load = useApi<Page<School>>(apiPath('/schools', { limit: 100 }));
  return (
    <Loaded load={load} what="De scholen">
      {(page) => (
        <>
          <p>Kies een school.</p>
          <ul class="plain-list">
            {page.items.map((s) => (
              <li key={s.id}><a href={href({ name: route, params: new URLSearchParams({ school: s.id }) })}>{s.name}</a></li>
            ))}
          </ul>
        </>
      )}
    </Loaded>
  );
}

function CreatePlan({ school }: { school: string }) {
  const years = offeredSchoolYears(new Date());
  const [year, setYear] = useState(years[1]);
  const [title, setTitle] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<UserMessage | null>(null);

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const res = await request<{ id: string }>(apiPath(`/schools/${school}/plans`), {
        method: 'POST',
        body: { school_year: year, title: title.trim() || `Preventie ${year}` },
      });
      location.hash = href({ name: 'plan', id: res.data.id });
    } catch (err) {
      setError(toUserMessage(err).error);
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="new-plan">
      <h2 id="new-plan">Nieuw jaarplan</h2>
      {error && <ErrorBox error={error} title="Het jaarplan kon niet worden gemaakt" />}
      <form class="inline-form" onSubmit={submit}>
        <div class="field">
          <label for="np-year">Schooljaar</label>
          <select id="np-year" value={year} onChange={(e) => setYear((e.target as HTMLSelectElement).value)}>
            {years.map((y) => <option key={y} value={y}>{y}</option>)}
          </select>
        </div>
        <div class="field">
          <label for="np-title">Naam <span class="small">(leeg: “Preventie {year}”)</span></label>
          <input id="np-title" type="text" value={title} maxLength={200}
            onInput={(e) => setTitle((e.target as HTMLInputElement).value)} />
        </div>
        <div class="actions">
          <button type="submit" disabled={busy}>Jaarplan maken</button>
        </div>
      </form>
    </section>
  );
}

export function Plans({ me, params }: { me: Me | null; params: URLSearchParams }) {
  useDocumentTitle('Jaarplanning');
  const school = useSchoolChoice(me, params);
  const list = useApi<{ plans: PlanSummary[]; total: number }>(school ? apiPath(`/schools/${school}/plans`, { limit: 100 }) : null);
  const info = useApi<School>(school ? apiPath(`/schools/${school}`) : null);
  if (!me) {
    return (
      <>
        <PageTitle>Jaarplanning</PageTitle>
        <p>Log in om de jaarplanning van je school te zien. <a href={href({ name: 'login', next: '#/jaarplan' })}>Inloggen</a></p>
      </>
    );
  }
  const name = info.state === 'ok' ? info.data.name : me.memberships.find((m) => m.schoolId === school)?.schoolName;
  return (
    <>
      <PageTitle>Jaarplanning{name ? ` – ${name}` : ''}</PageTitle>
      {!school ? <SchoolPicker route="plans" /> : (
        <>
          <p>
            <a href={href({ name: 'leerlijn', params: new URLSearchParams(params.get('school') ? { school } : {}) })}>
              Doorlopende leerlijn van de school
            </a>
          </p>
          <section aria-labelledby="plan-list">
            <h2 id="plan-list">Jaarplannen</h2>
            <Loaded load={list} what="De jaarplannen">
              {(d) => d.plans.length === 0 ? <p role="status">Deze school heeft nog geen jaarplan.</p> : (
                <div class="grid-scroll" role="region" aria-labelledby="plan-list-caption" tabIndex={0}>
                <table class="data-table">
                  <caption class="sr-only" id="plan-list-caption">Jaarplannen van de school</caption>
                  <thead><tr><th scope="col">Schooljaar</th><th scope="col">Jaarplan</th><th scope="col">Status</th><th scope="col">Onderdelen</th></tr></thead>
                  <tbody>
                    {[...d.plans].sort((a, b) => b.school_year.localeCompare(a.school_year) || a.title.localeCompare(b.title, 'nl')).map((p) => (
                      <tr key={p.id}>
                        <td>{p.school_year}</td>
                        <td><a href={href({ name: 'plan', id: p.id })}>{p.title}</a></td>
                        <td><Tag kind={p.status === 'vastgesteld' ? 'info' : 'plain'}>{PLAN_STATUS_TEXT[p.status]}</Tag></td>
                        <td>{typeof p.items === 'number' ? p.items : ''}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                </div>
              )}
            </Loaded>
          </section>
          {canEditSchool(me, school) && <CreatePlan school={school} />}
          <SchoolActivities school={school} edit={canEditSchool(me, school)} />
        </>
      )}
    </>
  );
}
