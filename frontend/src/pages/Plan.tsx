// One year plan: the levels × weeks grid with the holiday weeks of the
// school's region shaded, adding, moving and removing lessons, the
// planning warnings inline, the status workflow and the copy to next year.
// The parts live in plan/: the grid, the add form, the item panel and the
// planner's state (a reducer, unit-tested).
//
// Every change sends the version it was based on (If-Match).  When someone
// else changed the plan first (412), the page loads the newer version,
// shows it, and offers to do the user's change again on top of it:
// nothing is overwritten without the user seeing what is there now.

import { useEffect, useMemo, useState } from 'preact/hooks';
import { ApiError, apiPath, request } from '../api';
import { ErrorBox, Loading, PageTitle, Tag, toUserMessage, useApi, useDocumentTitle } from '../components/common';
import { countText } from '../format';
import {
  etagOf, gridLevels, itemPlace, itemTitle, loadPick, planTitleText, savePick, ITEM_STATUS_TEXT, nextSchoolYear,
  planTransitions, PLAN_STATUS_TEXT, warningTag, weekLabel, weekNumber,
} from '../planning';
import { href } from '../router';
import { canEditSchool, type Me } from '../session';
import type { Leerlijn, Levels, Member, Plan, PlanItem, PlanStatus, SchoolCalendar, TemplateSummary } from '../types';
import { AddItem } from './plan/AddItem';
import { Grid, GridHelp } from './plan/Grid';
import { ItemPanel } from './plan/ItemPanel';
import { WarningList } from './plan/parts';
import { PlanCoverage } from './plan/PlanCoverage';
import { PlanNotes, Templates } from './plan/PlanExtras';
import { placeOrDefault, takePick, type Loaded, type Notice, type Place } from './plan/state';
import { usePlan } from './plan/usePlan';

export function PlanPage({ id, me }: { id: string; me: Me | null }) {
  const [picked] = useState(() => takePick(id, loadPick, savePick));
  const { state, dispatch, reload, latest } = usePlan(id, picked ? { place: { level: picked.level, week: picked.week } } : {});
  const { plan, loadError: error, selected, notice, conflict, busy } = state;
  const p = plan?.data;
  useDocumentTitle(p ? planTitleText(p) : 'Jaarplan');
  const calendar = useApi<SchoolCalendar>(p ? apiPath(`/calendar/${p.school_year}`, { region: p.school.region }) : null);
  const line = useApi<Leerlijn>(p ? apiPath(`/schools/${p.school.id}/leerlijn`, { from: p.school_year, to: p.school_year }) : null);
  const levels = useApi<Levels>(apiPath('/levels'));
  const edit = !!p && canEditSchool(me, p.school.id) && p.status !== 'gearchiveerd';
  const members = useApi<{ items: Member[] }>(p && canEditSchool(me, p.school.id) ? apiPath(`/schools/${p.school.id}/members`) : null);
  const setSelected = (sel: string | null) => dispatch({ type: 'select', id: sel });
  const setNotice = (n: Notice | null) => dispatch({ type: 'notice', notice: n });
  const setBusy = (b: boolean) => dispatch({ type: 'busy', busy: b });
  const [templatesSaved, setTemplatesSaved] = useState(0);

  useEffect(() => { if (conflict) document.getElementById('conflict-title')?.focus(); }, [conflict]);

  const order = useMemo(() => new Map(levels.state === 'ok' ? levels.data.levels.map((l) => [l.code, l.sort_order]) : []), [levels]);
  const rows = useMemo(() => {
    if (!p) return [];
    const school = line.state === 'ok' ? line.data.levels.filter((l) => l.of_school).map((l) => ({ level: l.level, title: l.title })) : [];
    return gridLevels(school, p.items, order);
  }, [p, line, order]);

  // The same first elements while loading and after, so that the heading
  // (which has the focus after a navigation) stays the same element.
  const crumbs = <p class="crumbs"><a href={href({ name: 'plans', params: new URLSearchParams() })}>Jaarplanning</a>{p && <> › {p.school.name}</>}</p>;
  if (error && !p) {
    return (
      <div class="plan-page">
        {crumbs}
        <PageTitle>Jaarplan</PageTitle>
        <ErrorBox error={error} title="Het jaarplan kon niet worden geladen" />
      </div>
    );
  }
  if (!p) return <div class="plan-page">{crumbs}<PageTitle>Jaarplan</PageTitle><Loading what="Het jaarplan" /></div>;

  const weeks = calendar.state === 'ok' ? calendar.data.weeks : [];
  const place = placeOrDefault(state.place, rows, weeks);
  const item = p.items.find((i) => i.id === selected) ?? null;

  /**
   * Do one change.  op gets the newest plan and its ETag each time it
   * runs, so a redo after a 412 is based on what the user now sees.
   */
  const run = async (what: string, op: (cur: Loaded<Plan>) => Promise<unknown>,
    done?: (result: unknown, fresh: Loaded<Plan> | null) => void, describeNow?: (fresh: Plan) => string | null) => {
    const cur = latest.current.plan;
    if (!cur) return;
    setBusy(true);
    setNotice(null);
    try {
      const result = await op(cur);
      dispatch({ type: 'conflict', conflict: null });
      const fresh = await reload();
      done?.(result, fresh);
    } catch (err) {
      if (err instanceof ApiError && err.status === 412) {
        const fresh = await reload();
        dispatch({ type: 'conflict', conflict: {
          what,
          now: fresh && describeNow ? describeNow(fresh.data) : null,
          redo: () => void run(what, op, done, describeNow),
        } });
      } else {
        setNotice({ kind: 'error', title: `Dat lukte niet: ${what}`, error: toUserMessage(err).error });
        await reload();
      }
    } finally {
      setBusy(false);
    }
  };

  const itemNow = (itemId: string) => (fresh: Plan) => {
    const it = fresh.items.find((i) => i.id === itemId);
    return it ? `Nu staat er: ${itemPlace(it)}, ${ITEM_STATUS_TEXT[it.status]}.` : 'Deze les is intussen uit het jaarplan verwijderd.';
  };

  const addItem = (body: Record<string, unknown>, what: string) => void run(what,
    async (cur) => (await request<PlanItem>(apiPath(`/plans/${id}/items`), { method: 'POST', body, ifMatch: cur.etag })).data,
    (result) => {
      const it = result as PlanItem;
      setSelected(it.id);
      setNotice({ kind: 'ok', title: `Toegevoegd: ${itemPlace(it)}.`, warnings: it.warnings });
    });

  const changeItem = (itemId: string) => (patch: Record<string, unknown>, what: string) => void run(what,
    async (cur) => {
      const it = cur.data.items.find((i) => i.id === itemId);
      if (!it) throw new ApiError(404, null, { text: 'Deze les staat niet meer in het jaarplan.', fields: [] });
      return (await request<PlanItem>(apiPath(`/plans/${id}/items/${itemId}`), { method: 'PATCH', body: patch, ifMatch: etagOf(it.version) })).data;
    },
    (result) => {
      const it = result as PlanItem;
      setNotice({ kind: 'ok', title: `Opgeslagen: ${itemPlace(it)}, ${ITEM_STATUS_TEXT[it.status]}.`, warnings: it.warnings });
    },
    itemNow(itemId));

  /** Move an item to another cell (dragged, or carried with the keyboard); the focus follows it. */
  const moveItem = (it: PlanItem, to: Place) => {
    const row = rows.find((r) => r.level === to.level)?.title ?? to.level;
    void run(`${itemTitle(it)} verplaatsen naar ${row}, week ${weekNumber(to.week)}`,
      async (cur) => {
        const now = cur.data.items.find((i) => i.id === it.id);
        if (!now) throw new ApiError(404, null, { text: 'Deze les staat niet meer in het jaarplan.', fields: [] });
        return (await request<PlanItem>(apiPath(`/plans/${id}/items/${it.id}`),
          { method: 'PATCH', body: { level: to.level, week: to.week }, ifMatch: etagOf(now.version) })).data;
      },
      (result) => {
        const moved = result as PlanItem;
        setNotice({ kind: 'ok', title: `Verplaatst: ${itemPlace(moved)}.`, warnings: moved.warnings });
        setTimeout(() => document.querySelector<HTMLElement>(`button.chip[data-item="${moved.id}"]`)?.focus(), 0);
      },
      itemNow(it.id));
  };

  const savePlanNote = (note: string | null) => void run('de notities bij het jaarplan opslaan',
    async (cur) => (await request<Plan>(apiPath(`/plans/${id}`), { method: 'PATCH', body: { note }, ifMatch: cur.etag })).data,
    () => setNotice({ kind: 'ok', title: note ? 'De notities bij het jaarplan zijn opgeslagen.' : 'De notities bij het jaarplan zijn gewist.' }),
    (fresh) => fresh.note ? `De notities zijn nu: “${fresh.note}”.` : 'Er staan nu geen notities bij het jaarplan.');

  const applyTemplate = (t: TemplateSummary) => void run(`het sjabloon ${t.title} toepassen`,
    async (cur) => (await request<{ items?: PlanItem[] }>(apiPath(`/templates/${t.id}/apply`),
      { method: 'POST', body: { plan_id: id }, ifMatch: cur.etag })).data,
    (result) => {
      const added = (result as { items?: PlanItem[] } | null)?.items ?? [];
      setNotice({
        kind: 'ok', title: `Sjabloon ${t.title} toegepast: ${countText(added.length, 'onderdeel', 'onderdelen')} toegevoegd.`,
        warnings: added.flatMap((i) => i.warnings),
      });
    },
    (fresh) => `Het jaarplan heeft nu ${countText(fresh.items.length, 'onderdeel', 'onderdelen')}.`);

  const saveTemplate = async (title: string) => {
    setBusy(true);
    setNotice(null);
    try {
      await request(apiPath(`/schools/${p.school.id}/templates`), { method: 'POST', body: { title, from_plan: id } });
      setTemplatesSaved((n) => n + 1);
      setNotice({ kind: 'ok', title: `Bewaard als sjabloon: ${title}.` });
    } catch (err) {
      setNotice({ kind: 'error', title: `Het sjabloon ${title} kon niet worden bewaard`, error: toUserMessage(err).error });
    } finally {
      setBusy(false);
    }
  };

  const deleteItem = (itemId: string) => {
    const it = p.items.find((i) => i.id === itemId);
    void run(`${it ? itemPlace(it) : 'de les'} verwijderen`,
      async (cur) => {
        const now = cur.data.items.find((i) => i.id === itemId);
        if (!now) return null;
        await request(apiPath(`/plans/${id}/items/${itemId}`), { method: 'DELETE', ifMatch: etagOf(now.version) });
        return null;
      },
      () => {
        setSelected(null);
        setNotice({ kind: 'ok', title: `Verwijderd: ${it ? itemPlace(it) : 'de les'}.` });
        setTimeout(() => document.getElementById('grid-title')?.closest<HTMLElement>('.grid-scroll')?.focus(), 0);
      },
      itemNow(itemId));
  };

  const setStatus = (to: PlanStatus, label: string) => void run(`het jaarplan ${label.toLowerCase()} (${PLAN_STATUS_TEXT[to]})`,
    async (cur) => (await request<Plan>(apiPath(`/plans/${id}`), { method: 'PATCH', body: { status: to }, ifMatch: cur.etag })).data,
    () => setNotice({ kind: 'ok', title: `Het jaarplan is nu ${PLAN_STATUS_TEXT[to]}.` }),
    (fresh) => `Het jaarplan is nu ${PLAN_STATUS_TEXT[fresh.status]} en heeft ${countText(fresh.items.length, 'onderdeel', 'onderdelen')}.`);

  const next = nextSchoolYear(p.school_year);
  const copy = async () => {
    if (!next) return;
    setBusy(true);
    setNotice(null);
    try {
      const body: Record<string, string> = { school_year: next };
      if (p.title.includes(p.school_year)) body.title = p.title.split(p.school_year).join(next);
      const res = await request<Plan>(apiPath(`/plans/${id}/copy`), { method: 'POST', body });
      location.hash = href({ name: 'plan', id: res.data.id });
    } catch (err) {
      setNotice({ kind: 'error', title: `Het jaarplan kon niet naar ${next} worden gekopieerd`, error: toUserMessage(err).error });
    } finally {
      setBusy(false);
    }
  };

  const mineItem = (it: PlanItem) => !!me && it.teacher?.id === me.id && p.status !== 'gearchiveerd';
  const planWarnings = p.warnings.filter((w) => !w.item_id);

  return (
    <div class="plan-page">
      {crumbs}
      <PageTitle>{p.title}{!p.title.includes(p.school_year) && <> <span class="subtitle">{p.school_year}</span></>}</PageTitle>
      <p class="plan-meta">
        <Tag kind={p.status === 'vastgesteld' ? 'info' : 'plain'}>{PLAN_STATUS_TEXT[p.status]}</Tag>{' '}
        {p.school.name} · regio {p.school.region} · {countText(p.items.length, 'onderdeel', 'onderdelen')} · versie {p.version}
        {p.copied_from && <> · <a href={href({ name: 'plan', id: p.copied_from })}>gekopieerd van een eerder jaarplan</a></>}
      </p>
      {!edit && p.status !== 'gearchiveerd' && (
        <p class="notice notice-note">Je kunt dit jaarplan bekijken{me?.roles.includes('teacher') ? '; lessen die aan jou zijn toegewezen kun je als gegeven markeren' : ''}.</p>
      )}
      {p.status === 'gearchiveerd' && <p class="notice notice-note">Dit jaarplan is gearchiveerd en kan niet meer veranderen.</p>}

      {conflict && (
        <div class="notice notice-warning conflict" role="alert" aria-labelledby="conflict-title">
          <h2 id="conflict-title" tabIndex={-1}>Iemand anders heeft dit jaarplan intussen gewijzigd</h2>
          <p>Je wijziging is <strong>niet</strong> uitgevoerd: {conflict.what}.</p>
          <p>Hieronder zie je de nieuwste versie (versie {p.version}). {conflict.now}</p>
          <div class="actions">
            <button type="button" disabled={busy} onClick={conflict.redo}>Mijn wijziging opnieuw uitvoeren</button>
            <button type="button" class="button-secondary" onClick={() => dispatch({ type: 'conflict', conflict: null })}>Laten zoals het nu is</button>
          </div>
        </div>
      )}
      <div aria-live="polite" class="live">
        {notice?.kind === 'ok' && (
          <div class="notice notice-ok">
            <p class="notice-title">{notice.title}</p>
            {notice.warnings && notice.warnings.length > 0 && (
              <>
                <p>Let op, {countText(notice.warnings.length, 'waarschuwing', 'waarschuwingen')}:</p>
                <WarningList warnings={notice.warnings} />
              </>
            )}
          </div>
        )}
      </div>
      {notice?.kind === 'error' && notice.error && <ErrorBox error={notice.error} title={notice.title} />}

      <div class="toolbar plan-actions">
        {edit && planTransitions(p.status).map((t) => (
          <button key={t.to} type="button" disabled={busy} class={t.to === 'gearchiveerd' ? 'button-secondary' : undefined}
            onClick={() => setStatus(t.to, t.label)}>{t.label}</button>
        ))}
        {canEditSchool(me, p.school.id) && next && (
          <button type="button" class="button-secondary" disabled={busy} onClick={copy}>Kopiëren naar {next}</button>
        )}
        <a class="button button-secondary" href={apiPath(`/plans/${id}/export.xlsx`)} download>Excel downloaden</a>
        <a class="button button-secondary" href={apiPath(`/plans/${id}/export.csv`)} download>CSV downloaden</a>
        <a class="button button-secondary" href={apiPath(`/plans/${id}/calendar.ics`)} download>Agenda (iCal)</a>
        <a href={href({ name: 'leerlijn', params: new URLSearchParams({ school: p.school.id }) })}>Doorlopende leerlijn</a>
      </div>

      {calendar.state === 'error' && <ErrorBox error={calendar.error} title="De schoolweken konden niet worden geladen" />}
      {calendar.state === 'loading' ? <Loading what="De schoolweken" /> : weeks.length > 0 && (
        <>
          <Grid plan={p} weeks={weeks} rows={rows} selected={selected} edit={edit} onSelect={setSelected}
            addAt={edit && state.placeAsked > 0 ? place : null}
            onAddAt={(at) => dispatch({ type: 'place', place: at, fromGrid: true })} onMove={moveItem} />
          <GridHelp edit={edit} />
          <div class="plan-columns">
            {item && (
              <ItemPanel key={item.id} item={item} weeks={weeks} rows={rows} edit={edit}
                mine={mineItem(item)} members={members.state === 'ok' ? members.data.items : []}
                onChange={changeItem(item.id)} onDelete={() => deleteItem(item.id)} onClose={() => setSelected(null)} />
            )}
            {edit && rows.length > 0 && (
              <AddItem plan={p} weeks={weeks} rows={rows} picked={picked} onAdd={addItem}
                place={place} asked={state.placeAsked} onPlace={(at) => dispatch({ type: 'place', place: at })} />
            )}
          </div>
        </>
      )}

      {me && p.items.some((it) => it.teacher?.id === me.id) && (
        <section aria-labelledby="mine-title">
          <h2 id="mine-title">Jouw lessen in dit jaarplan</h2>
          <ul class="plain-list">
            {p.items.filter((it) => it.teacher?.id === me.id).map((it) => (
              <li key={it.id}>
                <button type="button" class="link-button" onClick={() => setSelected(it.id)}>{itemPlace(it)}</button>
                {' '}<Tag kind={it.status === 'gegeven' ? 'info' : 'plain'}>{ITEM_STATUS_TEXT[it.status]}</Tag>
              </li>
            ))}
          </ul>
        </section>
      )}
      <PlanNotes plan={p} edit={edit} busy={busy} onSave={savePlanNote} />
      {edit && <Templates plan={p} busy={busy} saved={templatesSaved} onApply={applyTemplate} onSaveAs={(t) => void saveTemplate(t)} />}
      <PlanCoverage plan={p} />
      <section aria-labelledby="warnings-title">
        <h2 id="warnings-title">Aandachtspunten ({p.warnings.length})</h2>
        {p.warnings.length === 0 ? <p>Geen waarschuwingen.</p> : (
          <ul class="plan-warnings">
            {planWarnings.map((w, i) => <li key={`p${i}`}><Tag kind="warning">{warningTag(w)}</Tag> {w.message}</li>)}
            {p.items.filter((it) => it.warnings.length > 0).map((it) => (
              <li key={it.id}>
                <button type="button" class="link-button" onClick={() => setSelected(it.id)}>{itemPlace(it)}</button>
                <WarningList warnings={it.warnings} />
              </li>
            ))}
          </ul>
        )}
      </section>
      {calendar.state === 'ok' && (
        <section aria-labelledby="holidays-title">
          <h2 id="holidays-title">Vakanties regio {p.school.region}</h2>
          <ul class="plain-list">
            {weeks.filter((w) => w.holiday).map((w) => <li key={w.week}>{weekLabel(w)}</li>)}
          </ul>
          <p class="small">Een adviesdatum is de week die de overheid adviseert; de school kan ervan afwijken.</p>
        </section>
      )}
    </div>
  );
}
