// Small building blocks shared by the pages.

import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, getJson } from '../api';
import { NETWORK_MESSAGE, type UserMessage } from '../problem';

export type Load<T> =
  | { state: 'loading' }
  | { state: 'ok'; data: T }
  | { state: 'error'; error: UserMessage; status: number };

export function toUserMessage(err: unknown): { error: UserMessage; status: number } {
  if (err instanceof ApiError) return { error: err.user, status: err.status };
  return { error: { text: NETWORK_MESSAGE, fields: [] }, status: 0 };
}

/**
 * GET url (null: nothing yet); a newer url cancels the older request.  A
 * change of `again` reads the same url anew (after a change of what it
 * lists); what is shown stays until the answer, so the focus stays put.
 */
export function useApi<T>(url: string | null, again = 0): Load<T> {
  const [load, setLoad] = useState<Load<T>>({ state: 'loading' });
  const asked = useRef<string | null>(null);
  useEffect(() => {
    if (url === null) return undefined;
    const ctl = new AbortController();
    if (asked.current !== url) setLoad({ state: 'loading' });
    asked.current = url;
    getJson<T>(url, ctl.signal).then(
      (data) => setLoad({ state: 'ok', data }),
      (err) => {
        if (ctl.signal.aborted) return;
        setLoad({ state: 'error', ...toUserMessage(err) });
      },
    );
    return () => ctl.abort();
  }, [url, again]);
  return load;
}

/** The page's heading: focused after each navigation (see App). */
export function PageTitle({ children }: { children: ComponentChildren }) {
  return <h1 id="page-title" tabIndex={-1}>{children}</h1>;
}

/** Sets the document title ("… – Leerlijn"). */
export function useDocumentTitle(title: string) {
  useEffect(() => {
    document.title = title ? `${title} – Leerlijn` : 'Leerlijn';
  }, [title]);
}

export function ErrorBox({ error, title = 'Dat lukte niet' }: { error: UserMessage; title?: string }) {
  return (
    <div class="notice notice-error" role="alert">
      <p class="notice-title">{title}</p>
      <p>{error.text}</p>
      {error.fields.length > 0 && (
        <ul>
          {error.fields.map((f) => <li key={f}>{f}</li>)}
        </ul>
      )}
    </div>
  );
}

export function Loading({ what }: { what: string }) {
  return <p class="loading" role="status">{what} worden geladen…</p>;
}

/** Loading, error or content of a Load. */
export function Loaded<T>({ load, what, children }: {
  load: Load<T>;
  what: string;
  children: (data: T) => ComponentChildren;
}) {
  if (load.state === 'loading') return <Loading what={what} />;
  if (load.state === 'error') return <ErrorBox error={load.error} />;
  return <>{children(load.data)}</>;
}

/** A short tag such as "concept" or "gevoelig onderwerp". */
export function Tag({ kind = 'plain', children }: { kind?: 'plain' | 'warning' | 'info' | 'note'; children: ComponentChildren }) {
  return <span class={`tag tag-${kind}`}>{children}</span>;
}

/**
 * A labelled choice in a form (div.field, label, select): options as
 * values or [value, text]; `all` is the text of a first option "" (no
 * choice: all of them).
 */
export function SelectField({ id, label, value, options, all, onChange }: {
  id: string; label: string; value: string; options: (string | [string, string])[]; all?: string;
  onChange: (value: string) => void;
}) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange((e.target as HTMLSelectElement).value)}>
        {all !== undefined && <option value="">{all}</option>}
        {options.map((o) => {
          const [v, text] = typeof o === 'string' ? [o, o] : o;
          return <option key={v} value={v}>{text}</option>;
        })}
      </select>
    </div>
  );
}
