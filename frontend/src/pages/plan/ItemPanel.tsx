// One item of the plan: its facts and warnings, and the forms that move
// it, set its status, keep notes, assign a teacher and remove it.

import { useEffect, useRef, useState } from 'preact/hooks';
import { href } from '../../router';
import { dateText } from '../../format';
import { itemTitle, ITEM_STATUS_TEXT, weekNumber } from '../../planning';
import type { CalendarWeek, ItemStatus, Member, PlanItem } from '../../types';
import { LevelAndWeek, WarningList, type Row } from './parts';
import { currentDraft, type ItemDraft } from './state';

export function ItemPanel({ item, weeks, rows, edit, mine, members, onChange, onDelete, onClose }: {
  item: PlanItem; weeks: CalendarWeek[]; rows: Row[];
  edit: boolean; mine: boolean; members: Member[];
  onChange: (patch: Record<string, unknown>, what: string) => void;
  onDelete: () => void;
  onClose: () => void;
}) {
  const [draft, setDraft] = useState<ItemDraft | null>(null);
  const d = currentDraft(draft, item, weeks);
  const set = (patch: Partial<ItemDraft>) => setDraft({ ...d, ...patch });
  const { level, week, status, givenOn, teacher, confirm } = d;
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => { heading.current?.focus(); }, [item.id]);
  const row = (l: string) => rows.find((r) => r.level === l)?.title ?? l;
  const teachers = members.filter((m) => !m.disabled && (m.role === 'teacher' || m.role === 'coordinator'));
  const statusWhat = (s: ItemStatus) => `${itemTitle(item)} (${item.level_title}) op “${ITEM_STATUS_TEXT[s]}” zetten`;

  return (
    <section class="item-panel" aria-labelledby="item-title">
      <h2 id="item-title" tabIndex={-1} ref={heading}>{itemTitle(item)}</h2>
      <dl class="facts facts-compact">
        <dt>Niveau</dt><dd>{item.level_title}{item.class_name ? `, klas ${item.class_name}` : ''}</dd>
        <dt>Week</dt><dd>{item.week ? `week ${weekNumber(item.week)} (${dateText(item.starts_on)} tot en met ${dateText(item.ends_on)})` : dateText(item.date)}</dd>
        <dt>Status</dt><dd>{ITEM_STATUS_TEXT[item.status]}{item.given_on ? ` op ${dateText(item.given_on)}` : ''}</dd>
        <dt>Leraar</dt><dd>{item.teacher?.display_name ?? 'nog niet gekozen'}</dd>
        <dt>Veiligheid in de klas</dt><dd>{item.safety_prepared ? 'voorbereiding bevestigd' : 'nog niet bevestigd'}</dd>
      </dl>
      {item.lesson && <p><a href={href({ name: 'lesson', id: item.lesson.id })}>Over deze les</a></p>}
      {item.warnings.length > 0 ? (
        <>
          <h3>Waarschuwingen</h3>
          <WarningList warnings={item.warnings} />
        </>
      ) : <p>Geen waarschuwingen.</p>}

      {edit && (
        <form class="panel-form" onSubmit={(e) => {
          e.preventDefault();
          onChange({ level, week }, `${itemTitle(item)} verplaatsen naar ${row(level)}, week ${weekNumber(week)}`);
        }}>
          <h3>Verplaatsen</h3>
          <div class="form-row">
            <LevelAndWeek prefix="mv" rows={rows} weeks={weeks} level={level} week={week} setLevel={(v) => set({ level: v })} setWeek={(v) => set({ week: v })} />
          </div>
          <button type="submit">Verplaatsen</button>
        </form>
      )}

      {(edit || mine) && (
        <form class="panel-form" onSubmit={(e) => {
          e.preventDefault();
          onChange(status === 'gegeven' ? { status, given_on: givenOn } : { status }, statusWhat(status));
        }}>
          <h3>Status</h3>
          <div class="form-row">
            <div class="field">
              <label for="it-status">Status van de les</label>
              <select id="it-status" value={status} onChange={(e) => set({ status: (e.target as HTMLSelectElement).value as ItemStatus })}>
                {(['gepland', 'gegeven', 'vervallen'] as ItemStatus[]).map((s) => <option key={s} value={s}>{ITEM_STATUS_TEXT[s]}</option>)}
              </select>
            </div>
            {status === 'gegeven' && (
              <div class="field">
                <label for="it-given">Gegeven op</label>
                <input id="it-given" type="date" value={givenOn} onInput={(e) => set({ givenOn: (e.target as HTMLInputElement).value })} />
              </div>
            )}
          </div>
          <button type="submit">Status opslaan</button>
          {!item.safety_prepared && (
            <button type="button" class="button-secondary" onClick={() => onChange({ safety_prepared: true },
              `de voorbereiding ‘veiligheid in de klas’ voor ${itemTitle(item)} bevestigen`)}>
              Voorbereiding veiligheid bevestigen
            </button>
          )}
        </form>
      )}

      {(edit || mine) && (
        <form class="panel-form" onSubmit={(e) => {
          e.preventDefault();
          const text = d.notes.trim();
          onChange({ notes: text || null }, `de notities bij ${itemTitle(item)} (${item.level_title}) opslaan`);
        }}>
          <h3><label for="it-notes">Notities bij deze les</label></h3>
          <textarea id="it-notes" rows={3} maxLength={4000} value={d.notes}
            onInput={(e) => set({ notes: (e.target as HTMLTextAreaElement).value })} />
          <button type="submit" class="button-secondary">Notities opslaan</button>
        </form>
      )}
      {!edit && !mine && item.notes && <p class="item-notes"><strong>Notities:</strong> {item.notes}</p>}

      {edit && teachers.length > 0 && (
        <form class="panel-form" onSubmit={(e) => {
          e.preventDefault();
          const who = teachers.find((t) => t.user_id === teacher)?.display_name ?? 'niemand';
          onChange({ teacher_id: teacher || null }, `${itemTitle(item)} toewijzen aan ${who}`);
        }}>
          <h3>Leraar</h3>
          <div class="inline-field">
            <label for="it-teacher" class="sr-only">Leraar</label>
            <select id="it-teacher" value={teacher} onChange={(e) => set({ teacher: (e.target as HTMLSelectElement).value })}>
              <option value="">niemand</option>
              {teachers.map((t) => <option key={t.user_id} value={t.user_id}>{t.display_name}</option>)}
            </select>
            <button type="submit" class="button-secondary">Toewijzen</button>
          </div>
        </form>
      )}

      <div class="actions">
        {edit && !confirm && <button type="button" class="button-danger" onClick={() => set({ confirm: true })}>Verwijderen…</button>}
        {edit && confirm && (
          <>
            <span role="status">Weet je het zeker?</span>
            <button type="button" class="button-danger" onClick={onDelete}>Ja, verwijderen</button>
            <button type="button" class="button-secondary" onClick={() => set({ confirm: false })}>Niet verwijderen</button>
          </>
        )}
        <button type="button" class="button-secondary" onClick={onClose}>Sluiten</button>
      </div>
    </section>
  );
}

