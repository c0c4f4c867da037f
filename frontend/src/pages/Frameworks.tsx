// The curriculum frameworks, and one framework's goals as a tree.

import { useMemo, useState } from 'preact/hooks';
import { apiPath } from '../api';
import { Loaded, PageTitle, Tag, useApi, useDocumentTitle } from '../components/common';
import { countText, statusText } from '../format';
import { href, lessonsForGoal } from '../router';
import type { Framework, GoalNode, GoalRef, GoalTree, Page } from '../types';

export function Frameworks() {
  useDocumentTitle('Leerdoelen');
  const load = useApi<Page<Framework>>(apiPath('/frameworks', { limit: 100 }));
  return (
    <>
      <PageTitle>Leerdoelen</PageTitle>
      <p class="lead">Kies een kader en daarin een leerdoel; je ziet dan de lessen die erbij passen.</p>
      <Loaded load={load} what="De kaders">
        {(page) => (
          <ul class="framework-list">
            {page.items.filter((f) => f.kind === 'goals').map((f) => (
              <li key={f.code} class="card">
                <h2><a href={href({ name: 'framework', code: f.code })}>{f.title}</a></h2>
                <p class="meta">
                  <span>{f.code}</span>
                  {f.year !== null && <span>{f.year}</span>}
                  <span>{countText(f.goal_count, 'leerdoel', 'leerdoelen')}</span>
                  {f.status !== 'adopted' && <Tag kind="note">{statusText(f.status)}</Tag>}
                </p>
                {f.publisher && <p class="small">{f.publisher}</p>}
              </li>
            ))}
          </ul>
        )}
      </Loaded>
    </>
  );
}

function countNodes(nodes: GoalNode[]): number {
  return nodes.reduce((n, g) => n + 1 + countNodes(g.children), 0);
}

function allParents(nodes: GoalNode[], into = new Set<string>()): Set<string> {
  for (const g of nodes) {
    if (g.children.length > 0) {
      into.add(g.id);
      allParents(g.children, into);
    }
  }
  return into;
}

/** Trees up to this size open fully; larger ones (SLO's 1230 goals) start closed. */
const OPEN_UP_TO = 60;

function GoalLabel({ g }: { g: { code?: string | null; title: string } }) {
  return (
    <>
      {g.code && <span class="code">{g.code}</span>}
      {g.code && ' '}
      {g.title}
    </>
  );
}

function TreeNode({ g, open, toggle }: { g: GoalNode; open: Set<string>; toggle: (id: string) => void }) {
  const expanded = open.has(g.id);
  const hasChildren = g.children.length > 0;
  const name = g.code ?? g.title;
  return (
    <li>
      <div class="goal-row">
        {hasChildren ? (
          <button type="button" class="toggle" aria-expanded={expanded}
            aria-controls={expanded ? `sub-${g.id}` : undefined}
            onClick={() => toggle(g.id)}>
            <span aria-hidden="true" class="chevron" />
            <span class="sr-only">{`Onderliggende doelen van ${name}`}</span>
          </button>
        ) : <span class="toggle-spacer" />}
        <a class="goal-link" href={lessonsForGoal(g.id)}><GoalLabel g={g} /></a>
        {g.kind && <span class="kind">{g.kind}</span>}
        <a class="more" href={href({ name: 'goal', id: g.id })}>
          over dit doel<span class="sr-only">{`: ${name}`}</span>
        </a>
      </div>
      {hasChildren && expanded && (
        <ul id={`sub-${g.id}`} class="tree">
          {g.children.map((c) => <TreeNode key={c.id} g={c} open={open} toggle={toggle} />)}
        </ul>
      )}
    </li>
  );
}

function Tree({ tree }: { tree: GoalTree }) {
  const parents = useMemo(() => allParents(tree.goals), [tree]);
  const [open, setOpen] = useState<Set<string>>(
    () => (countNodes(tree.goals) <= OPEN_UP_TO ? new Set(parents) : new Set()));
  const toggle = (id: string) => setOpen((prev) => {
    const next = new Set(prev);
    if (next.has(id)) next.delete(id); else next.add(id);
    return next;
  });
  if (tree.goals.length === 0) return <p>Dit kader heeft geen leerdoelen.</p>;
  return (
    <>
      <div class="toolbar">
        <button type="button" class="button-secondary" onClick={() => setOpen(new Set(parents))}>Alles openklappen</button>
        <button type="button" class="button-secondary" onClick={() => setOpen(new Set())}>Alles dichtklappen</button>
      </div>
      <ul class="tree tree-root" aria-label={`Leerdoelen van ${tree.framework.code}`}>
        {tree.goals.map((g) => <TreeNode key={g.id} g={g} open={open} toggle={toggle} />)}
      </ul>
    </>
  );
}

function GoalSearch({ code }: { code: string }) {
  const [text, setText] = useState('');
  const [query, setQuery] = useState<string | null>(null);
  const load = useApi<Page<GoalRef>>(query === null ? null : apiPath('/goals', { framework: code, q: query, limit: 50 }));
  return (
    <section aria-labelledby="goal-search-title" class="goal-search">
      <h2 id="goal-search-title">Zoek een leerdoel in dit kader</h2>
      <form role="search" onSubmit={(e) => { e.preventDefault(); setQuery(text.trim() || null); }}>
        <label for="goal-q">Woorden uit het leerdoel</label>
        <div class="inline-field">
          <input id="goal-q" type="search" value={text} maxLength={200}
            onInput={(e) => setText((e.target as HTMLInputElement).value)} />
          <button type="submit">Zoeken</button>
        </div>
      </form>
      {query !== null && (
        <div aria-live="polite">
          <Loaded load={load} what="De leerdoelen">
            {(page) => page.total === 0 ? <p role="status">Geen leerdoelen gevonden met <q>{query}</q>.</p> : (
              <>
                <p role="status">{countText(page.total, 'leerdoel', 'leerdoelen')} gevonden{page.total > page.items.length ? `; de eerste ${page.items.length}` : ''}.</p>
                <ul class="plain-list">
                  {page.items.map((g) => (
                    <li key={g.id}><a href={lessonsForGoal(g.id)}><GoalLabel g={g} /></a></li>
                  ))}
                </ul>
              </>
            )}
          </Loaded>
        </div>
      )}
    </section>
  );
}

export function FrameworkPage({ code }: { code: string }) {
  const fw = useApi<Framework>(apiPath(`/frameworks/${encodeURIComponent(code)}`));
  const tree = useApi<GoalTree>(apiPath(`/frameworks/${encodeURIComponent(code)}/goals`));
  const title = fw.state === 'ok' ? fw.data.title : code;
  useDocumentTitle(title);
  return (
    <>
      <nav aria-label="Kruimelpad" class="crumbs">
        <a href="#/kaders">Leerdoelen</a> <span aria-hidden="true">›</span> <span>{code}</span>
      </nav>
      <PageTitle>{title}</PageTitle>
      {fw.state === 'ok' && (
        <div class="framework-info">
          <p class="meta">
            <span>{fw.data.code}</span>
            {fw.data.year !== null && <span>{fw.data.year}</span>}
            <Tag kind={fw.data.status === 'adopted' ? 'plain' : 'note'}>{statusText(fw.data.status)}</Tag>
          </p>
          {fw.data.publisher && <p class="small">Uitgever: {fw.data.publisher}</p>}
          {fw.data.source_url && <p class="small">Bron: <a href={fw.data.source_url}>{fw.data.source_url}</a></p>}
        </div>
      )}
      <p>Kies een leerdoel om de lessen te zien die erbij passen.</p>
      <Loaded load={tree} what="De leerdoelen">{(t) => <Tree tree={t} />}</Loaded>
      {tree.state === 'ok' && tree.data.goals.length > 0 && <GoalSearch code={code} />}
    </>
  );
}
