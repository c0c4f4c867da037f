// One goal: where it sits in its framework, its levels and relations, and
// the way to its lessons.

import { apiPath } from '../api';
import { Loaded, PageTitle, Tag, useApi, useDocumentTitle } from '../components/common';
import { confidenceText, levelsText, statusText } from '../format';
import { href, lessonsForGoal } from '../router';
import { isCurator, type Me } from '../session';
import type { GoalDetail, GoalRef } from '../types';

const RELATION: Record<string, [string, string]> = {
  // type: [outgoing, incoming]
  exactMatchOf: ['is gelijk aan', 'is gelijk aan'],
  isRelatedTo: ['is verwant aan', 'is verwant aan'],
  isPartOf: ['is deel van', 'heeft als deel'],
  isPeerOf: ['is nevengeschikt aan', 'is nevengeschikt aan'],
  replacedBy: ['is vervangen door', 'vervangt'],
  precedes: ['gaat vooraf aan', 'volgt op'],
};

function relationText(type: string, direction: 'incoming' | 'outgoing'): string {
  const r = RELATION[type];
  if (!r) return type;
  return direction === 'outgoing' ? r[0] : r[1];
}

function GoalName({ g }: { g: GoalRef }) {
  return <>{g.code ? <><span class="code">{g.code}</span> </> : null}{g.title}</>;
}

function Crumbs({ g }: { g: GoalDetail | null }) {
  return (
    <nav aria-label="Kruimelpad" class="crumbs">
      <a href="#/kaders">Leerdoelen</a>
      {g && <> <span aria-hidden="true">›</span> <a href={href({ name: 'framework', code: g.framework.code })}>{g.framework.code}</a></>}
      {g?.ancestors.map((a) => (
        <span key={a.id}> <span aria-hidden="true">›</span> <a href={href({ name: 'goal', id: a.id })}>{a.code ?? a.title}</a></span>
      ))}
    </nav>
  );
}

function GoalBody({ g, curator }: { g: GoalDetail; curator: boolean }) {
  return (
    <>
      <p class="meta">
        <span>{g.framework.title}</span>
        {g.kind && <span>{g.kind}</span>}
        {g.status !== 'current' && <Tag kind="note">{statusText(g.status)}</Tag>}
      </p>
      <p class="actions">
        <a class="button" href={lessonsForGoal(g.id)}>Lessen bij dit doel</a>
        <a class="button button-secondary" href={href({ name: 'lessons', params: new URLSearchParams({ doel: g.id, verwant: 'all' }) })}>
          Ook lessen bij verwante doelen
        </a>
      </p>
      {g.description && <p>{g.description}</p>}
      <dl class="facts">
        <dt>Niveaus</dt>
        <dd>{g.levels.length ? levelsText(g.levels) : 'niet opgegeven in de bron'}</dd>
        {confidenceText(g.confidence) && <><dt>Tekst</dt><dd>{confidenceText(g.confidence)}</dd></>}
        {g.source_url && <><dt>Bron</dt><dd><a href={g.source_url}>{g.source_url}</a></dd></>}
        {curator && g.note && <><dt>Notitie (catalogus)</dt><dd>{g.note}</dd></>}
      </dl>
      {g.children.length > 0 && (
        <section aria-labelledby="children-title">
          <h2 id="children-title">Onderliggende doelen</h2>
          <ul class="plain-list">
            {g.children.map((c) => <li key={c.id}><a href={href({ name: 'goal', id: c.id })}><GoalName g={c} /></a></li>)}
          </ul>
        </section>
      )}
      {g.relations.length > 0 && (
        <section aria-labelledby="relations-title">
          <h2 id="relations-title">Relaties met andere kaders</h2>
          <ul class="plain-list">
            {g.relations.map((r) => (
              <li key={r.id}>
                {relationText(r.type, r.direction)}{' '}
                <a href={href({ name: 'goal', id: r.goal.id })}><GoalName g={r.goal} /></a>{' '}
                <span class="small">({r.goal.framework}{r.confidence === 'inferred' ? '; koppeling afgeleid' : ''})</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

export function GoalPage({ id, me }: { id: string; me: Me | null }) {
  const load = useApi<GoalDetail>(apiPath(`/goals/${encodeURIComponent(id)}`));
  const g = load.state === 'ok' ? load.data : null;
  useDocumentTitle(g ? (g.code ? `${g.code} ${g.title}` : g.title) : 'Leerdoel');
  return (
    <>
      <Crumbs g={g} />
      <PageTitle>{g ? <GoalName g={{ ...g, framework: g.framework.code }} /> : 'Leerdoel'}</PageTitle>
      <Loaded load={load} what="Het leerdoel">
        {(d) => <GoalBody g={d} curator={isCurator(me)} />}
      </Loaded>
    </>
  );
}
