// The continuous line (doorlopende leerlijn) of a school: a picture of the
// themes (down) over the levels (across) with every planned unit a mark and
// gaps and breaks visible, its table equivalent, and every level of the
// school per school year with its lessons and follow-up moments.

import { apiPath } from '../api';
import { Loaded, PageTitle, Tag, useApi, useDocumentTitle } from '../components/common';
import { itemTitle, ITEM_STATUS_TEXT, weekNumber } from '../planning';
import { lineMatrix, type LineMatrix } from '../line';
import { href } from '../router';
import type { Me } from '../session';
import type { Leerlijn } from '../types';
import { SchoolPicker, useSchoolChoice } from './Plans';

const CELL_W = 64;
const CELL_H = 30;
const LABEL_W = 230;
const HEAD_H = 44;

/** The picture: themes down the side, levels across, a dot per planned unit. */
function LinePicture({ m }: { m: LineMatrix }) {
  const width = LABEL_W + m.levels.length * CELL_W + 8;
  const height = HEAD_H + m.themes.length * CELL_H + 8;
  return (
    // On a narrow screen the picture scrolls sideways: focusable, so that
    // it can be scrolled with the arrow keys too.
    <figure class="line-picture" tabIndex={0} aria-label="Beeld van de doorlopende leerlijn (schuift opzij)">
      <svg role="img" aria-labelledby="line-pic-title line-pic-desc" viewBox={`0 0 ${width} ${height}`}
        width={width} height={height} class="line-svg">
        <title id="line-pic-title">Beeld van de doorlopende leerlijn</title>
        <desc id="line-pic-desc">Thema's van boven naar beneden, leerjaren van links naar rechts. Een stip is een
          geplande eenheid, grijs is niets gepland, rood gestreept is een onderbreking. De tabel eronder geeft hetzelfde.</desc>
        <defs>
          <pattern id="line-break" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="6" height="6" fill="#fdecea" />
            <line x1="0" y1="0" x2="0" y2="6" stroke="#b3261e" stroke-width="2" />
          </pattern>
        </defs>
        {m.levels.map((l, j) => (
          <text key={l.code} x={LABEL_W + j * CELL_W + CELL_W / 2} y={HEAD_H - 12} text-anchor="middle" class="line-svg-head">{l.title}</text>
        ))}
        {m.themes.map((t, i) => (
          <g key={t}>
            <text x={LABEL_W - 8} y={HEAD_H + i * CELL_H + CELL_H / 2 + 5} text-anchor="end" class="line-svg-label">{t}</text>
            {m.cells[i].map((c, j) => {
              const x = LABEL_W + j * CELL_W;
              const y = HEAD_H + i * CELL_H;
              return (
                <g key={j}>
                  <rect x={x + 1} y={y + 1} width={CELL_W - 2} height={CELL_H - 2} rx="3"
                    fill={c.state === 'planned' ? '#e8f1fb' : c.state === 'break' ? 'url(#line-break)' : '#eeeeee'}
                    stroke={c.state === 'break' ? '#b3261e' : '#c4c4c4'} stroke-dasharray={c.state === 'break' ? '4 2' : undefined} />
                  {c.units.slice(0, 4).map((u, k) => (
                    <circle key={u} cx={x + 12 + k * 13} cy={y + CELL_H / 2} r="5" fill="#1f5fa8" />
                  ))}
                  {c.units.length > 4 && <text x={x + CELL_W - 4} y={y + CELL_H / 2 + 4} text-anchor="end" class="line-svg-more">+{c.units.length - 4}</text>}
                </g>
              );
            })}
          </g>
        ))}
      </svg>
      <figcaption>Een stip per geplande eenheid; grijs: niets gepland; rood gestreept: een thema dat wegvalt en later terugkomt.</figcaption>
    </figure>
  );
}

/** The same as the picture, as a table (for screen readers and to read exactly). */
function LineTable({ m }: { m: LineMatrix }) {
  return (
    <div class="grid-scroll" role="region" aria-labelledby="line-themes-title" tabIndex={0}>
      <table class="data-table line-themes">
        <caption id="line-themes-title">Thema's per leerjaar: de geplande eenheden</caption>
        <thead>
          <tr><th scope="col">Thema</th>{m.levels.map((l) => <th key={l.code} scope="col">{l.title}</th>)}</tr>
        </thead>
        <tbody>
          {m.themes.map((t, i) => (
            <tr key={t}>
              <th scope="row">{t}</th>
              {m.cells[i].map((c, j) => (
                <td key={m.levels[j].code} class={`line-${c.state}`}>
                  {c.state === 'planned' ? c.units.join(', ') : c.state === 'break' ? 'onderbreking' : 'niets gepland'}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

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
          <p><a href={href({ name: 'proposal', params: new URLSearchParams({ school: d.school.id }) })}>Voorstel leerlijn maken</a>: eenheden voor elk leerjaar, met de reden.</p>
          <h2>Thema's over de leerjaren</h2>
          <LinePicture m={lineMatrix(d.levels)} />
          <LineTable m={lineMatrix(d.levels)} />
          <h2>Per leerjaar en schooljaar</h2>
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
