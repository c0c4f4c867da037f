// The coverage dashboard: goals × levels of one framework, across the
// schools the user may read or for one school (drill-down), with the gaps
// highlighted; CSV download and a printable report.

import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { apiPath } from '../api';
import { Loaded, PageTitle, SelectField, Tag, useApi, useDocumentTitle } from '../components/common';
import {
  choiceFromParams, choiceToParams, heat, REGIONS, SCHOOL_TYPES, isGap, isSchoolCell, percent, reportQuery, uncoveredGoals, VIA_TEXT,
  type CoverageChoice,
} from '../coverage';
import { countText } from '../format';
import { offeredSchoolYears } from '../planning';
import { href } from '../router';
import type { Me } from '../session';
import type {
  AggregateCell, CoverageFramework, CoverageGoal, CoverageLevel, CoverageReport, Framework, Page, School, SchoolCell,
} from '../types';

function go(c: CoverageChoice) {
  location.hash = href({ name: 'coverage', params: choiceToParams(c) });
}

function cellText(c: SchoolCell | AggregateCell): { shown: string; said: string } {
  if (isSchoolCell(c)) {
    const given = c.items_given > 0 ? `, ${c.items_given} gegeven` : '';
    return {
      shown: `${c.items}${c.items_given > 0 ? ` (${c.items_given}✓)` : ''}`,
      said: `${countText(c.items, 'les', 'lessen')} gepland${given}${c.via_items ? `, ${c.via_items} via een ander kader` : ''}`,
    };
  }
  return {
    shown: percent(c.share),
    said: `${percent(c.share)} van de ${c.schools_teaching !== undefined ? `${c.schools_teaching} ` : ''}scholen met dit niveau (${c.schools}${c.schools_given ? `, ${c.schools_given} gegeven` : ''})`,
  };
}

function Cell({ report, fw, goal, level }: { report: CoverageReport; fw: CoverageFramework; goal: CoverageGoal; level: CoverageLevel }) {
  const c = goal.cells[level.code];
  if (c && heat(c) > 0) {
    const t = cellText(c);
    return (
      <td class={`heat heat-${heat(c)}`}>
        <span aria-hidden="true">{t.shown}</span><span class="sr-only">{t.said}</span>
      </td>
    );
  }
  if (isGap(report, fw, goal, level)) {
    return <td class="gap"><span aria-hidden="true">–</span><span class="sr-only">leemte</span></td>;
  }
  if (!goal.leaf && report.scope.kind !== 'schools') {
    return <td class="rollup"><span class="sr-only">samenvatting hieronder</span></td>;
  }
  return <td class="empty"><span class="sr-only">niets gepland</span></td>;
}

function Heatmap({ report, fw }: { report: CoverageReport; fw: CoverageFramework }) {
  if (report.levels.length === 0) {
    return <p role="status">Er is nog niets gepland{report.scope.kind === 'schools' ? ' in de scholen' : ''} voor dit kader: elk doel is een leemte.</p>;
  }
  return (
    <div class="grid-scroll" role="region" aria-labelledby={`hm-${fw.code}`} tabIndex={0}>
      <table class="heatmap">
        <caption id={`hm-${fw.code}`}>
          Dekking van {fw.title}: doelen per niveau{report.scope.kind === 'schools' ? ' (aandeel van de scholen)' : ' (aantal geplande lessen)'}
        </caption>
        <thead>
          <tr>
            <th scope="col">Doel</th>
            {report.levels.map((l) => <th key={l.code} scope="col" class="level-head">{l.title}</th>)}
          </tr>
        </thead>
        <tbody>
          {fw.goals.map((g) => (
            <tr key={g.id} class={g.leaf ? 'leaf' : 'domain'} data-goal={g.code ?? g.id}>
              <th scope="row" class={`goal-cell depth-${Math.min(g.depth, 4)}`}>
                <a href={href({ name: 'goal', id: g.id })}>{g.code ? <span class="code">{g.code}</span> : null} {g.title}</a>
                {g.leaf && Object.keys(g.cells).length === 0 && <> <Tag kind="warning">niet gedekt</Tag></>}
              </th>
              {report.levels.map((l) => <Cell key={l.code} report={report} fw={fw} goal={g} level={l} />)}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** "havo 2" for "havo-2", from the report's own list of levels. */
function levelTitle(report: CoverageReport, code: string): string {
  return report.levels.find((l) => l.code === code)?.title ?? code.replace(/-(\d+)$/, ' $1');
}

function Gaps({ report, fw }: { report: CoverageReport; fw: CoverageFramework }) {
  const none = uncoveredGoals(fw);
  return (
    <section aria-labelledby={`gaps-${fw.code}`} class="gaps">
      <h2 id={`gaps-${fw.code}`}>Leemtes</h2>
      <p>{fw.goals_covered} van de {fw.goals_total} doelen zijn gedekt
        {report.scope.kind !== 'schools' && fw.share !== undefined ? ` (${percent(fw.share)}; gegeven: ${fw.goals_given ?? 0})` : ''}.
        {' '}{countText(none.length, 'doel heeft', 'doelen hebben')} op geen enkel niveau een les.</p>
      {fw.stage_gaps && fw.stage_gaps.length > 0 && (
        <ul class="plain-list">
          {fw.stage_gaps.map((s) => (
            <li key={s.stage}>
              <strong>{s.stage_title}</strong>: {s.goals.map((g) => g.code ?? g.title).join(', ')}
            </li>
          ))}
        </ul>
      )}
      {fw.line_breaks && fw.line_breaks.some((b) => b.break) && (
        <>
          <h3>Onderbroken leerlijn</h3>
          <ul class="plain-list">
            {fw.line_breaks.filter((b) => b.break).map((b) => (
              <li key={`${b.domain}-${b.stage}`}>{b.domain} {b.domain_title}: niets in {b.stage_title}, wel ervoor en erna</li>
            ))}
          </ul>
        </>
      )}
      {fw.overlaps && fw.overlaps.length > 0 && (
        <>
          <h3>Overlap</h3>
          <ul class="plain-list">
            {fw.overlaps.map((o) => <li key={`${o.goal}-${o.level}-${o.school_year}`}>{o.goal} in {levelTitle(report, o.level)} ({o.school_year}): {o.lessons} verschillende lessen</li>)}
          </ul>
        </>
      )}
    </section>
  );
}

export function Coverage({ me, params }: { me: Me | null; params: URLSearchParams }) {
  const key = params.toString();
  const choice = useMemo(() => choiceFromParams(new URLSearchParams(key)), [key]);
  const [form, setForm] = useState<CoverageChoice>(choice);
  useEffect(() => setForm(choice), [choice]);
  const frameworks = useApi<Page<Framework>>(apiPath('/frameworks', { limit: 100 }));
  const schools = useApi<Page<School>>(me ? apiPath('/schools', { limit: 100 }) : null);
  const report = useApi<CoverageReport>(me ? apiPath('/reports/coverage', reportQuery(choice)) : null);
  const schoolName = schools.state === 'ok' ? schools.data.items.find((s) => s.id === choice.school)?.name : undefined;
  useDocumentTitle(choice.school ? `Dekking – ${schoolName ?? 'school'}` : 'Dekking');
  const years = offeredSchoolYears(new Date());
  // The subject areas of the chosen framework (the report lists them); another framework has others.
  // (Kept while the next report loads, so that the field does not flicker.)
  const known = useRef<{ framework: string; areas: { title: string }[] }>({ framework: '', areas: [] });
  if (report.state === 'ok') known.current = { framework: choice.framework, areas: report.data.areas ?? [] };
  const areas = known.current.framework === form.framework ? known.current.areas : [];

  if (!me) {
    return (
      <>
        <PageTitle>Dekking</PageTitle>
        <p>Log in om de dekking van de leerdoelen te zien. <a href={href({ name: 'login', next: '#/dekking' })}>Inloggen</a></p>
      </>
    );
  }
  const choose = <K extends keyof CoverageChoice>(k: K) => (v: string) => setForm({ ...form, [k]: v });
  const set = <K extends keyof CoverageChoice>(k: K) => (e: Event) => choose(k)((e.target as HTMLSelectElement).value);
  const setFramework = (e: Event) => setForm({ ...form, framework: (e.target as HTMLSelectElement).value, area: '' });

  return (
    <>
      <PageTitle>Dekking{choice.school ? ` – ${schoolName ?? 'één school'}` : ' – alle scholen'}</PageTitle>
      <p class="crumbs no-print">
        {choice.school ? <a href={href({ name: 'coverage', params: choiceToParams({ ...choice, school: '' }) })}>Alle scholen</a> : 'Alle scholen die je mag inzien'}
        {choice.school && <> › {schoolName ?? 'één school'}</>}
      </p>
      <form class="filters coverage-form" aria-label="Rapport kiezen" onSubmit={(e) => { e.preventDefault(); go(form); }}>
        <div class="field">
          <label for="cv-framework">Kader</label>
          <select id="cv-framework" value={form.framework} onChange={setFramework}>
            {frameworks.state === 'ok' && frameworks.data.items.filter((f) => f.kind === 'goals').map((f) => (
              <option key={f.code} value={f.code}>{f.title}</option>
            ))}
            {frameworks.state !== 'ok' && <option value={form.framework}>{form.framework}</option>}
          </select>
        </div>
        {(areas.length > 0 || form.area) && (
          <div class="field">
            <label for="cv-area">Vakgebied</label>
            <select id="cv-area" value={form.area} onChange={set('area')}>
              <option value="">het hele kader</option>
              {form.area && !areas.some((a) => a.title.toLowerCase() === form.area.toLowerCase()) && <option value={form.area}>{form.area}</option>}
              {areas.map((a) => <option key={a.title} value={a.title}>{a.title}</option>)}
            </select>
          </div>
        )}
        <div class="field">
          <label for="cv-school">Scholen</label>
          <select id="cv-school" value={form.school} onChange={set('school')}>
            <option value="">alle scholen (totaal)</option>
            {schools.state === 'ok' && schools.data.items.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
          </select>
        </div>
        {!form.school && (
          <>
            <SelectField id="cv-type" label="Soort school" value={form.type} all="alle soorten" options={SCHOOL_TYPES} onChange={choose('type')} />
            <SelectField id="cv-region" label="Regio" value={form.region} all="alle regio's" options={REGIONS} onChange={choose('region')} />
          </>
        )}
        <SelectField id="cv-year" label="Schooljaar" value={form.year} all="alle schooljaren" options={years} onChange={choose('year')} />
        <SelectField id="cv-via" label="Koppelingen" value={form.via} options={Object.entries(VIA_TEXT)} onChange={choose('via')} />
        <div class="actions"><button type="submit">Tonen</button></div>
      </form>

      <Loaded load={report} what="Het rapport">
        {(r) => (
          <>
            <p class="report-scope" role="status">
              {r.scope.kind === 'schools'
                ? `${countText(r.scope.schools ?? 0, 'school', 'scholen')}${r.scope.type ? ` (${r.scope.type})` : ''}${r.scope.region ? ` in regio ${r.scope.region}` : ''}`
                : r.scope.school?.name}
              {r.area ? ` · vakgebied ${r.area}` : ''}
              {' · '}schooljaren {r.scope.school_years.join(', ')}{' · '}{VIA_TEXT[r.via] ?? r.via}{' · '}stand van {r.generated_on}
              {r.share_of === 'schools_teaching_level' ? ' · percentages: van de scholen die het niveau hebben' : ''}
            </p>
            <div class="toolbar">
              <a class="button button-secondary" href={apiPath('/reports/coverage', reportQuery(choice, 'xlsx'))} download="dekking.xlsx">Excel downloaden</a>
              <a class="button button-secondary" href={apiPath('/reports/coverage', reportQuery(choice, 'csv'))} download="dekking.csv">CSV downloaden</a>
              <a class="button button-secondary" href={apiPath('/reports/coverage', reportQuery(choice, 'html'))} target="_blank" rel="noopener">Afdrukbaar rapport<span class="sr-only"> (opent in een nieuw tabblad)</span></a>
              <button type="button" class="button-secondary" onClick={() => window.print()}>Afdrukken</button>
            </div>
            {r.frameworks.length === 0 && <p>Geen doelen in dit kader.</p>}
            {r.frameworks.map((fw) => (
              <section key={fw.code} aria-labelledby={`fw-${fw.code}`}>
                <h2 id={`fw-${fw.code}`}>{fw.title}</h2>
                {fw.own_list && (
                  <p class="own-list">
                    De eigen doelenlijst van een lespakket: de lessen van het pakket dekken de doelen die de tabel van het
                    pakket zelf aan ze koppelt (vastgelegd als koppelingen, niet via een kruistabel).
                  </p>
                )}
                <p class="small legend">
                  <span class="legend-swatch heat-3" aria-hidden="true" /> gedekt (donkerder: meer){' '}
                  <span class="legend-swatch gap" aria-hidden="true" /> leemte: een doel zonder les op een niveau waarvoor het bedoeld is
                </p>
                <Heatmap report={r} fw={fw} />
                <Gaps report={r} fw={fw} />
              </section>
            ))}
            {r.out_of_level && r.out_of_level.length > 0 && (
              <section aria-labelledby="out-of-level">
                <h2 id="out-of-level">Buiten niveau</h2>
                <p>Deze lessen staan gepland op een niveau waarvoor ze niet bedoeld zijn. Ze tellen niet mee als dekking.</p>
                <ul class="plain-list">
                  {r.out_of_level.map((o) => (
                    <li key={`${o.lesson}-${o.level}-${o.school_year}`}>{o.lesson_title} in {o.level_title} ({o.school_year}): {countText(o.items, 'keer', 'keer')}</li>
                  ))}
                </ul>
              </section>
            )}
            {!choice.school && schools.state === 'ok' && schools.data.items.length > 0 && (
              <section aria-labelledby="per-school" class="no-print">
                <h2 id="per-school">Per school</h2>
                <ul class="plain-list">
                  {schools.data.items.filter((s) => (!choice.type || s.type === choice.type) && (!choice.region || s.region === choice.region)).map((s) => (
                    <li key={s.id}>
                      <a href={href({ name: 'coverage', params: choiceToParams({ ...choice, school: s.id }) })}>{s.name}</a>
                      <span class="small"> ({s.type}, {s.municipality ?? s.region})</span>
                    </li>
                  ))}
                </ul>
              </section>
            )}
          </>
        )}
      </Loaded>
    </>
  );
}
