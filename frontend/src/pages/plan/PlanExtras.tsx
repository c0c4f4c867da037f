// The plan's notes, and its templates: save this plan as a template of
// the school, or add a template's items to this plan.

import { useEffect, useState } from 'preact/hooks';
import { apiPath, getJson } from '../../api';
import { ErrorBox, toUserMessage } from '../../components/common';
import { countText } from '../../format';
import type { UserMessage } from '../../problem';
import type { Plan, TemplateSummary } from '../../types';

/** The plan's notes; editable by whoever may change the plan. */
export function PlanNotes({ plan, edit, busy, onSave }: {
  plan: Plan; edit: boolean; busy: boolean;
  onSave: (note: string | null) => void;
}) {
  // The user's text while the plan keeps the version it was typed on.
  const [draft, setDraft] = useState<{ version: number; text: string } | null>(null);
  const text = draft && draft.version === plan.version ? draft.text : plan.note ?? '';
  if (!edit) {
    return plan.note ? (
      <section aria-labelledby="plan-notes-title">
        <h2 id="plan-notes-title">Notities</h2>
        <p class="plan-note">{plan.note}</p>
      </section>
    ) : null;
  }
  return (
    <section aria-labelledby="plan-notes-title">
      <h2 id="plan-notes-title">Notities</h2>
      <form class="plan-notes" onSubmit={(e) => { e.preventDefault(); onSave(text.trim() || null); }}>
        <label for="plan-note">Notities bij dit jaarplan <span class="small">(voor iedereen van de school die het jaarplan ziet)</span></label>
        <textarea id="plan-note" rows={3} maxLength={4000} value={text}
          onInput={(e) => setDraft({ version: plan.version, text: (e.target as HTMLTextAreaElement).value })} />
        <div class="actions">
          <button type="submit" class="button-secondary" disabled={busy}>Notities opslaan</button>
        </div>
      </form>
    </section>
  );
}

/** The school's templates, reloaded when `n` changes. */
function useTemplates(schoolId: string, n: number) {
  const [load, setLoad] = useState<{ list: TemplateSummary[] | null; error: UserMessage | null }>({ list: null, error: null });
  useEffect(() => {
    const ctl = new AbortController();
    getJson<{ templates: TemplateSummary[] }>(apiPath(`/schools/${schoolId}/templates`), ctl.signal).then(
      (res) => setLoad({ list: res.templates, error: null }),
      (err) => { if (!ctl.signal.aborted) setLoad({ list: null, error: toUserMessage(err).error }); });
    return () => ctl.abort();
  }, [schoolId, n]);
  return load;
}

export function Templates({ plan, busy, saved, onApply, onSaveAs }: {
  plan: Plan; busy: boolean;
  /** Bumped after a template was saved: the list is read again. */
  saved: number;
  onApply: (t: TemplateSummary) => void;
  onSaveAs: (title: string) => void;
}) {
  const { list, error } = useTemplates(plan.school.id, saved);
  const [choice, setChoice] = useState('');
  const [title, setTitle] = useState('');
  const [invalid, setInvalid] = useState<string | null>(null);
  const chosen = list?.find((t) => t.id === choice) ?? list?.[0] ?? null;
  return (
    <section aria-labelledby="templates-title">
      <h2 id="templates-title">Sjablonen</h2>
      <p class="small">Een sjabloon is een reeks lessen per niveau en week die de school elk jaar terug laat komen.</p>
      {error && <ErrorBox error={error} title="De sjablonen konden niet worden geladen" />}
      {list && (list.length === 0 ? <p>De school heeft nog geen sjablonen.</p> : (
        <form class="inline-form" onSubmit={(e) => { e.preventDefault(); if (chosen) onApply(chosen); }}>
          <div class="field">
            <label for="tpl-apply">Sjabloon toepassen op dit jaarplan</label>
            <select id="tpl-apply" value={chosen?.id ?? ''} onChange={(e) => setChoice((e.target as HTMLSelectElement).value)}>
              {list.map((t) => (
                <option key={t.id} value={t.id}>{t.title}{t.items !== undefined ? ` (${countText(t.items, 'onderdeel', 'onderdelen')})` : ''}</option>
              ))}
            </select>
          </div>
          <div class="field">
            <button type="submit" disabled={busy || !chosen}>Sjabloon toepassen</button>
          </div>
        </form>
      ))}
      <form class="inline-form" noValidate onSubmit={(e) => {
        e.preventDefault();
        const t = title.trim();
        if (!t) {
          setInvalid('Geef het sjabloon een naam.');
          document.getElementById('tpl-title')?.focus();
          return;
        }
        setInvalid(null);
        onSaveAs(t);
        setTitle('');
      }}>
        <div class="field">
          <label for="tpl-title">Dit jaarplan bewaren als sjabloon, met de naam</label>
          <input id="tpl-title" type="text" maxLength={200} value={title} aria-invalid={invalid ? true : undefined}
            aria-describedby={invalid ? 'tpl-title-error' : undefined}
            onInput={(e) => setTitle((e.target as HTMLInputElement).value)} />
          {invalid && <p id="tpl-title-error" class="field-error" role="alert">{invalid}</p>}
        </div>
        <div class="field">
          <button type="submit" class="button-secondary" disabled={busy || plan.items.length === 0}>Als sjabloon bewaren</button>
        </div>
      </form>
    </section>
  );
}
