// One lesson: what it is, its key messages, the "Veiligheid in de klas"
// checklist and — last of the sections, as the lesson pack asks — where
// pupils can get help; the alignments with their data-quality notices fold
// out below them.  Research notes of the catalogue (English, with file
// names of the sources) are for curators only.

import { apiPath } from '../api';
import { Loaded, PageTitle, Tag, useApi, useDocumentTitle } from '../components/common';
import { confidenceText, countText, durationText, levelsText, severityText } from '../format';
import { isCurator, type Me } from '../session';
import { href } from '../router';
import type { Alignment, HelpResource, KeyMessage, Lesson } from '../types';

function KeyMessageItem({ m }: { m: KeyMessage }) {
  return (
    <li class="key-message">
      <h3>{m.title}</h3>
      {m.text && <p>{m.text}</p>}
      {m.items && m.items.length > 0 && <ul>{m.items.map((t) => <li key={t}>{t}</li>)}</ul>}
      {m.closing && <p><strong>{m.closing}</strong></p>}
      {m.about_others && m.about_others.length > 0 && (
        <>
          <h4>{m.about_others_title ?? 'Over een ander'}</h4>
          <ul>{m.about_others.map((t) => <li key={t}>{t}</li>)}</ul>
        </>
      )}
    </li>
  );
}

function AlignmentItem({ a, curator }: { a: Alignment; curator: boolean }) {
  const label = a.published_label && a.published_label !== a.goal.title ? a.published_label : null;
  return (
    <li class={`alignment${a.warnings.some((w) => w.severity === 'warning') ? ' has-warning' : ''}`}>
      <h3>
        <a href={href({ name: 'goal', id: a.goal.id })}>
          {a.goal.code && <span class="code">{a.goal.code}</span>} {a.goal.title}
        </a>
        <span class="card-sub">{a.goal.framework}</span>
      </h3>
      <dl class="facts facts-compact">
        {label && <><dt>Zoals gepubliceerd</dt><dd><q>{label}</q></dd></>}
        {a.published_context && <><dt>In de bron</dt><dd>{a.published_context}</dd></>}
        {a.scope === 'programme' && <><dt>Geldt voor</dt><dd>het hele lespakket</dd></>}
        {confidenceText(a.confidence) && <><dt>Koppeling</dt><dd>{confidenceText(a.confidence)}</dd></>}
        {curator && a.note && <><dt>Notitie (catalogus)</dt><dd>{a.note}</dd></>}
      </dl>
      {a.warnings.length > 0 && (
        <ul class="warnings" aria-label={`Datakwaliteit van de koppeling met ${a.goal.code ?? a.goal.title}`}>
          {a.warnings.map((w) => (
            <li key={w.code} class={`warning warning-${w.severity}`}>
              <Tag kind={w.severity === 'warning' ? 'warning' : 'info'}>{severityText(w.severity)}</Tag> {w.message}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

function HelpItem({ h }: { h: HelpResource }) {
  return (
    <li>
      <strong>{h.name}</strong>
      {h.as_printed && (h.url
        ? <>: <a href={h.url} class="external">{h.as_printed}</a></>
        : <>: {h.as_printed}</>)}
      {h.description && <> — {h.description}</>}
    </li>
  );
}

function LessonBody({ l, curator }: { l: Lesson; curator: boolean }) {
  const warnings = l.warnings.filter((w) => w.severity === 'warning').length;
  const infos = l.warnings.length - warnings;
  return (
    <>
      <p class="meta">
        {l.programmes[0] && <span>{l.programmes[0].title}</span>}
        {l.title_is_placeholder && <Tag kind="note">titel niet gepubliceerd</Tag>}
        {l.sensitive_topic && <Tag kind="warning">gevoelig onderwerp</Tag>}
      </p>
      {l.title_is_placeholder && (curator && l.title_note
        ? <p class="small">{l.title_note}</p>
        : <p class="small">De bron noemt de titel van deze les niet; “{l.title}” is een werktitel.</p>)}
      {l.sensitive_topic && (
        <div class="notice notice-warning">
          <p>Dit is een gevoelig onderwerp. Lees de checklist <a href="#veiligheid" onClick={(e) => jump(e, 'veiligheid')}>Veiligheid in de klas</a> voordat
            je de les geeft, en eindig altijd met <a href="#hulp" onClick={(e) => jump(e, 'hulp')}>waar leerlingen terecht kunnen</a>.</p>
        </div>
      )}

      <section aria-labelledby="about">
        <h2 id="about">Over deze les</h2>
        {l.summary && <p>{l.summary}</p>}
        {curator && l.summary_note && <p class="small">{l.summary_note}</p>}
        <dl class="facts">
          <dt>Niveau</dt><dd>{levelsText(l.levels) || 'onbekend'}{curator && l.levels_as_published && <span class="small"> (in de bron: {l.levels_as_published})</span>}</dd>
          <dt>Duur</dt><dd>{durationText(l.duration_minutes)}{curator && l.duration_note && <span class="small"> — {l.duration_note}</span>}</dd>
          <dt>Thema's</dt><dd>{l.themes.join(', ') || 'geen opgegeven'}</dd>
          <dt>Erkenning</dt><dd>{l.evidence_level?.title ?? 'onbekend'}{curator && l.evidence_note && <span class="small"> — {l.evidence_note}</span>}</dd>
          {l.format && <><dt>Werkvorm</dt><dd>{l.format}</dd></>}
          {l.programmes.length > 0 && (
            <>
              <dt>Lespakket</dt>
              <dd>{l.programmes[0].title}{(l.programmes[0].providers ?? []).length > 0 && <> — {(l.programmes[0].providers ?? []).join(', ')}</>}</dd>
            </>
          )}
          {curator && l.note && <><dt>Notitie (catalogus)</dt><dd>{l.note}</dd></>}
        </dl>
        {l.teacher_preparation && <p>{l.teacher_preparation}</p>}
      </section>

      <section aria-labelledby="kernboodschappen">
        <h2 id="kernboodschappen">Kernboodschappen</h2>
        {l.key_messages.length === 0
          ? <p>De bron noemt geen kernboodschappen.</p>
          : <ol class="key-messages">{l.key_messages.map((m) => <KeyMessageItem key={m.number} m={m} />)}</ol>}
      </section>

      <section aria-labelledby="veiligheid" class="safety">
        <h2 id="veiligheid" tabIndex={-1}>Veiligheid in de klas</h2>
        {l.safety_intro && <p>{l.safety_intro}</p>}
        {l.safety_quote && <blockquote><p>{l.safety_quote}</p></blockquote>}
        {l.safety_checklist.length === 0 ? <p>De bron geeft geen checklist voor deze les.</p> : (
          <>
            <p class="small">Vink af wat je hebt voorbereid. Dit wordt nergens opgeslagen.</p>
            <ul class="checklist">
              {l.safety_checklist.map((c, i) => (
                <li key={c}>
                  <input type="checkbox" id={`check-${i}`} />
                  <label for={`check-${i}`}>{c}</label>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section aria-labelledby="hulp" class="help">
        <h2 id="hulp" tabIndex={-1}>Waar kunnen leerlingen terecht?</h2>
        {l.help_resources.length === 0
          ? <p>De bron noemt geen hulpbronnen voor deze les.</p>
          : <ul class="help-list">{l.help_resources.map((h) => <HelpItem key={h.name} h={h} />)}</ul>}
      </section>
      <details class="alignments-details">
        <summary>
          <span class="summary-title">Koppelingen met leerdoelen en datakwaliteit</span>{' '}
          <span class={warnings > 0 ? 'quality-summary has-warning' : 'quality-summary'}>
            ({countText(l.alignments.length, 'koppeling', 'koppelingen')};{' '}
            {l.warnings.length === 0 ? 'geen meldingen over de datakwaliteit'
              : `${countText(l.warnings.length, 'melding', 'meldingen')} over de datakwaliteit: ${countText(warnings, 'waarschuwing', 'waarschuwingen')}, ${infos} ter informatie`})
          </span>
        </summary>
        <ul class="alignments">{l.alignments.map((a) => <AlignmentItem key={a.id} a={a} curator={curator} />)}</ul>
      </details>
    </>
  );
}

/** In-page links: the page address holds the route, so move focus instead. */
function jump(e: Event, id: string) {
  e.preventDefault();
  const el = document.getElementById(id);
  if (el) {
    el.scrollIntoView();
    el.focus();
  }
}

export function LessonView({ id, me }: { id: string; me: Me | null }) {
  const load = useApi<Lesson>(apiPath(`/lessons/${encodeURIComponent(id)}`));
  const l = load.state === 'ok' ? load.data : null;
  useDocumentTitle(l ? l.title : 'Les');
  return (
    <article class="lesson">
      <nav aria-label="Kruimelpad" class="crumbs">
        <a href="#/lessen">Lessen zoeken</a> <span aria-hidden="true">›</span> <span>{l ? l.title : 'Les'}</span>
      </nav>
      <PageTitle>{l ? l.title : 'Les'}</PageTitle>
      <p class="no-print actions">
        <button type="button" class="button-secondary" onClick={() => window.print()}>Afdrukken</button>
      </p>
      <Loaded load={load} what="De les">{(d) => <LessonBody l={d} curator={isCurator(me)} />}</Loaded>
    </article>
  );
}
