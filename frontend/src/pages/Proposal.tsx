// The proposed leerlijn (Voorstel leerlijn): the coordinator asks for a
// proposal for a range of school years, reads why each unit is proposed,
// leaves out what the school does not want, and applies the rest as year
// plans or as a template (docs/units.md, "The proposed leerlijn").

import { useEffect, useRef, useState } from 'preact/hooks';
import { apiPath, request } from '../api';
import { ErrorBox, PageTitle, SelectField, Tag, toUserMessage, useDocumentTitle } from '../components/common';
import { evidenceTitle, unitKindText } from '../format';
import { offeredSchoolYears, weekNumber } from '../planning';
import type { UserMessage } from '../problem';
import { href } from '../router';
import { canEditSchool, type Me } from '../session';
import type { Proposal, ProposalApplied, ProposalItem } from '../types';
import { SchoolPicker, useSchoolChoice } from './Plans';

const itemKey = (it: ProposalItem) => `${it.school_year}|${it.level}|${it.week}|${it.kind}|${it.lesson.id}`;

function ProposalForm({ onAsk, busy }: {
  onAsk: (from: string, to: string, perLevel: number) => void; busy: boolean;
}) {
  const years = offeredSchoolYears(new Date());
  const [from, setFrom] = useState(years[1] ?? years[0]);
  const [to, setTo] = useState(years[2] ?? years[1] ?? years[0]);
  const [perLevel, setPerLevel] = useState(2);
  return (
    <form class="inline-form" onSubmit={(e) => { e.preventDefault(); onAsk(from, to < from ? from : to, perLevel); }}>
      <SelectField id="pv-from" label="Van schooljaar" value={from} options={years} onChange={setFrom} />
      <SelectField id="pv-to" label="Tot en met" value={to} options={years} onChange={setTo} />
      <SelectField id="pv-per" label="Eenheden per leerjaar" value={String(perLevel)} options={['1', '2', '3']} onChange={(v) => setPerLevel(Number(v))} />
      <div class="actions">
        <button type="submit" disabled={busy}>Voorstel maken</button>
      </div>
    </form>
  );
}

function ItemRow({ it, on, toggle }: { it: ProposalItem; on: boolean; toggle: () => void }) {
  const id = `pv-item-${itemKey(it).replace(/[^a-zA-Z0-9]/g, '-')}`;
  const what = it.kind === 'terugkommoment' ? `Terugkommoment: ${it.lesson.title}` : it.lesson.title;
  return (
    <tr class={on ? undefined : 'proposal-left-out'}>
      <td>
        <input type="checkbox" id={id} checked={on} onChange={toggle} />
        <label for={id} class="sr-only">{`Opnemen: ${what}, ${it.level_title}, week ${weekNumber(it.week)}`}</label>
      </td>
      <td>{weekNumber(it.week)}</td>
      <th scope="row">{it.level_title}</th>
      <td>
        <a href={href({ name: 'lesson', id: it.lesson.id })}>{what}</a>
        <span class="small"> · {it.kind === 'terugkommoment' ? 'terugkommoment' : unitKindText(it.lesson.kind)}
          {it.lesson.own ? ' · eigen activiteit' : ''}
          {it.lesson.evidence_level && it.lesson.evidence_level !== 'unknown' ? ` · ${evidenceTitle(it.lesson.evidence_level)}` : ''}</span>
        {it.lesson.sensitive_topic && it.kind === 'les' && <> <Tag kind="warning">gevoelig onderwerp</Tag></>}
      </td>
      <td>{it.reason}</td>
    </tr>
  );
}

function Applied({ result }: { result: ProposalApplied }) {
  // The form it replaces had the focus: give it to the result.
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => { ref.current?.focus(); }, []);
  return (
    <div class="notice notice-ok" role="status" tabIndex={-1} ref={ref}>
      {result.plans ? (
        <>
          <p>Het voorstel is toegepast. De jaarplannen:</p>
          <ul class="plain-list">
            {result.plans.map((p) => (
              <li key={p.id}><a href={href({ name: 'plan', id: p.id })}>{p.title} ({p.school_year}, {p.items} onderdelen)</a></li>
            ))}
          </ul>
        </>
      ) : result.template ? (
        <p>Het voorstel is bewaard als sjabloon “{result.template.title}” met {result.template.items} onderdelen.
          Je vindt het bij <a href={href({ name: 'plans', params: new URLSearchParams() })}>Jaarplanning</a>.</p>
      ) : null}
    </div>
  );
}

function ProposalView({ school, p }: { school: string; p: Proposal }) {
  const [off, setOff] = useState<Set<string>>(new Set());
  const [title, setTitle] = useState('Voorstel leerlijn');
  const [as, setAs] = useState<'plans' | 'template'>('plans');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<UserMessage | null>(null);
  const [done, setDone] = useState<ProposalApplied | null>(null);
  const chosen = p.items.filter((it) => !off.has(itemKey(it)));
  // A new proposal: the focus goes to its first heading.
  const top = useRef<HTMLHeadingElement>(null);
  useEffect(() => { top.current?.focus(); }, []);

  const toggle = (it: ProposalItem) => {
    const next = new Set(off);
    const k = itemKey(it);
    if (next.has(k)) next.delete(k); else next.add(k);
    setOff(next);
  };

  const apply = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const res = await request<ProposalApplied>(apiPath(`/schools/${school}/proposal/apply`), {
        method: 'POST',
        body: {
          as, title: title.trim() || 'Voorstel leerlijn',
          items: chosen.map((it) => ({
            school_year: it.school_year, level: it.level, week: it.week, kind: it.kind,
            lesson_id: it.lesson.id, reason: it.reason,
          })),
        },
      });
      setDone(res.data);
    } catch (err) {
      setError(toUserMessage(err).error);
    }
    setBusy(false);
  };

  return (
    <>
      <section aria-labelledby="pv-stages">
        <h2 id="pv-stages" tabIndex={-1} ref={top}>Fasen</h2>
        <ul class="plain-list">
          {p.stages.map((s) => <li key={s.code}>{s.title}: {s.units} {s.units === 1 ? 'eenheid' : 'eenheden'}</li>)}
        </ul>
        {p.gaps.length > 0 && (
          <>
            <h3>Waar de catalogus niets heeft</h3>
            <ul class="plain-list">{p.gaps.map((g) => <li key={g.level + g.reason}>{g.reason}</li>)}</ul>
          </>
        )}
      </section>
      {p.school_years.map((y) => {
        const items = p.items.filter((it) => it.school_year === y);
        return (
          <section key={y} aria-labelledby={`pv-year-${y}`}>
            <h2 id={`pv-year-${y}`}>Schooljaar {y}</h2>
            <div class="grid-scroll" role="region" aria-label={`Voorstel ${y}`} tabIndex={0}>
              <table class="data-table proposal">
                <caption>Voorgestelde onderdelen in {y}, met de reden</caption>
                <thead>
                  <tr>
                    <th scope="col">Opnemen</th><th scope="col">Week</th><th scope="col">Leerjaar</th>
                    <th scope="col">Onderdeel</th><th scope="col">Waarom</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((it) => <ItemRow key={itemKey(it)} it={it} on={!off.has(itemKey(it))} toggle={() => toggle(it)} />)}
                </tbody>
              </table>
            </div>
          </section>
        );
      })}
      <section aria-labelledby="pv-apply">
        <h2 id="pv-apply">Toepassen</h2>
        <p>{chosen.length} van de {p.items.length} onderdelen worden opgenomen.</p>
        {error && <ErrorBox error={error} title="Het voorstel kon niet worden toegepast" />}
        {done ? <Applied result={done} /> : (
          <form class="inline-form" onSubmit={apply}>
            <div class="field">
              <label for="pv-title">Naam</label>
              <input id="pv-title" type="text" value={title} maxLength={200}
                onInput={(e) => setTitle((e.target as HTMLInputElement).value)} />
            </div>
            <fieldset class="field">
              <legend>Toepassen als</legend>
              <label><input type="radio" name="pv-as" value="plans" checked={as === 'plans'} onChange={() => setAs('plans')} /> jaarplannen (een per schooljaar)</label>
              <label><input type="radio" name="pv-as" value="template" checked={as === 'template'} onChange={() => setAs('template')} /> sjabloon</label>
            </fieldset>
            <div class="actions">
              <button type="submit" disabled={busy || chosen.length === 0}>Voorstel toepassen</button>
            </div>
          </form>
        )}
      </section>
    </>
  );
}

export function ProposalPage({ me, params }: { me: Me | null; params: URLSearchParams }) {
  useDocumentTitle('Voorstel leerlijn');
  const school = useSchoolChoice(me, params);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<UserMessage | null>(null);
  const [proposal, setProposal] = useState<Proposal | null>(null);

  if (!me) {
    return (
      <>
        <PageTitle>Voorstel leerlijn</PageTitle>
        <p>Log in om een voorstel voor de leerlijn van je school te maken. <a href={href({ name: 'login', next: '#/voorstel' })}>Inloggen</a></p>
      </>
    );
  }
  if (!school) return <><PageTitle>Voorstel leerlijn</PageTitle><SchoolPicker route="proposal" /></>;

  const ask = async (from: string, to: string, perLevel: number) => {
    setBusy(true);
    setError(null);
    setProposal(null);
    try {
      const res = await request<Proposal>(apiPath(`/schools/${school}/proposal`), {
        method: 'POST', body: { from, to, per_level: perLevel },
      });
      setProposal(res.data);
    } catch (err) {
      setError(toUserMessage(err).error);
    }
    setBusy(false);
  };

  return (
    <>
      <PageTitle>Voorstel leerlijn</PageTitle>
      <p>Leerlijn stelt voor elk leerjaar van je school eenheden voor die passen bij het leerjaar en de doelgroep,
        in een opbouw van lichaam, grenzen en online veiligheid naar vriendschap, relaties en zelfbeeld en daarna
        grooming, loverboys en uitbuiting, met een terugkommoment na elk gevoelig onderwerp en buiten de vakanties.
        Bij elk onderdeel staat waarom. Haal weg wat je niet wilt en pas de rest toe.</p>
      <ProposalForm onAsk={ask} busy={busy} />
      {error && <ErrorBox error={error} title="Er kon geen voorstel worden gemaakt" />}
      {busy && <p role="status">Het voorstel wordt gemaakt…</p>}
      {proposal && (canEditSchool(me, school) ? <ProposalView key={JSON.stringify(proposal.school_years)} school={school} p={proposal} /> : (
        <>
          <p>Alleen de coördinator van de school kan een voorstel toepassen.</p>
          <ProposalReadOnly p={proposal} />
        </>
      ))}
    </>
  );
}

function ProposalReadOnly({ p }: { p: Proposal }) {
  return (
    <ul class="plain-list">
      {p.items.map((it) => <li key={itemKey(it)}>{it.school_year}, {it.level_title}, week {weekNumber(it.week)}: {it.lesson.title} ({it.reason})</li>)}
    </ul>
  );
}
