// The continuous line (doorlopende leerlijn) of a school: every level of
// the school, per school year, with its lessons and follow-up moments.

import { apiPath } from '../api';
import { Loaded, PageTitle, Tag, useApi, useDocumentTitle } from '../components/common';
import { itemTitle, ITEM_STATUS_TEXT, weekNumber } from '../planning';
import { href } from '../router';
import type { Me } from '../session';
import type { Leerlijn } from '../types';
import { SchoolPicker, useSchoolChoice } from './Plans';

export function LeerlijnPage({ me, params }: { me: Me | null; params: URLSearchParams }) {
  useDocumentTitle('Doorlopende leerlijn');
  const school = useSchoolChoice(me, params);
  const load = useApi<Leerlijn>(school ? apiPath(`/schools/${school}/leerlijn`, { from: params.get('van'), to: params.get('tot') }) : null);
  if (!me) {
    return (
      <>
        <PageTitle>Doorlopende leerlijn</PageTitle>
        <p>Log in om de leerlijn van je school te zien. <a href={href({ name: 'login', next: '#/leerlijn' })}>Inloggen</a></p>
      </>
    );
  }
  if (!school) return <><PageTitle>Doorlopende leerlijn</PageTitle><SchoolPicker route="leerlijn" /></>;
  return (
    <>
      <PageTitle>Doorlopende leerlijn{load.state === 'ok' ? ` – ${load.data.school.name}` : ''}</PageTitle>
      <Loaded load={load} what="De leerlijn">
      {(d) => (
        <>
          <p>Alle niveaus van de school{d.school.first_level ? ` (${d.school.first_level.replaceAll('-', ' ')} tot en met ${(d.school.last_level ?? '').replaceAll('-', ' ')})` : ''},
            per schooljaar, met de geplande lessen en terugkommomenten uit alle jaarplannen. Vervallen lessen staan er niet in.</p>
          <div class="grid-scroll" role="region" aria-labelledby="line-title" tabIndex={0}>
            <table class="data-table leerlijn">
              <caption id="line-title">Lessen per niveau en schooljaar</caption>
              <thead>
                <tr>
                  <th scope="col">Niveau</th>
                  {d.school_years.map((y) => <th key={y} scope="col">{y}</th>)}
                </tr>
              </thead>
              <tbody>
                {d.levels.map((l) => (
                  <tr key={l.level} class={l.lessons === 0 ? 'line-empty' : undefined}>
                    <th scope="row">
                      {l.title}
                      {!l.of_school && <> <Tag kind="note">niet van deze school</Tag></>}
                    </th>
                    {d.school_years.map((y) => {
                      const items = l.years.find((x) => x.school_year === y)?.items ?? [];
                      return (
                        <td key={y}>
                          {items.length === 0 ? <span class="gap-text">geen les</span> : (
                            <ul class="line-items">
                              {items.map((it) => (
                                <li key={it.item_id}>
                                  <a href={href({ name: 'plan', id: it.plan_id })}>{itemTitle(it)}</a>
                                  <span class="small"> · {it.week ? `week ${weekNumber(it.week)}` : it.date} · {ITEM_STATUS_TEXT[it.status]}{it.class_name ? ` · klas ${it.class_name}` : ''}</span>
                                </li>
                              ))}
                            </ul>
                          )}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      </Loaded>
    </>
  );
}
