// Logging in with e-mail address and password.

import { useState } from 'preact/hooks';
import { ApiError } from '../api';
import { ErrorBox, PageTitle, toUserMessage, useDocumentTitle } from '../components/common';
import type { UserMessage } from '../problem';
import { logIn, type Me } from '../session';

/** What the login form says when the server refuses. */
export function loginMessage(err: unknown): UserMessage {
  if (err instanceof ApiError) {
    if (err.status === 404 || err.status === 405) {
      return { text: 'Inloggen is op deze server nog niet beschikbaar. De openbare pagina\u2019s kun je zonder account gebruiken.', fields: [] };
    }
    if (err.status === 401 && !err.problem?.detail) {
      return { text: 'Het e-mailadres of het wachtwoord klopt niet.', fields: [] };
    }
  }
  return toUserMessage(err).error;
}

export function Login({ me, next, onLogin }: { me: Me | null; next: string; onLogin: (me: Me | null, next: string) => void }) {
  useDocumentTitle('Inloggen');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<UserMessage | null>(null);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (!email.trim() || !password) {
      setError({ text: 'Vul je e-mailadres en je wachtwoord in.', fields: [] });
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const who = await logIn(email.trim(), password);
      setPassword('');
      onLogin(who, next);
    } catch (err) {
      setError(loginMessage(err));
      document.getElementById('login-email')?.focus();
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="narrow">
      <PageTitle>Inloggen</PageTitle>
      {me && <p>Je bent al ingelogd als {me.displayName}.</p>}
      <p>Log in met het account dat je school of je organisatie voor je heeft gemaakt.
        De leerdoelen en lessen kun je ook zonder account bekijken.</p>
      {error && <ErrorBox error={error} title="Inloggen lukte niet" />}
      <form class="login-form" onSubmit={submit} noValidate>
        <div class="field">
          <label for="login-email">E-mailadres</label>
          <input id="login-email" type="email" autoComplete="username" required value={email}
            maxLength={254} onInput={(e) => setEmail((e.target as HTMLInputElement).value)} />
        </div>
        <div class="field">
          <label for="login-password">Wachtwoord</label>
          <input id="login-password" type="password" autoComplete="current-password" required value={password}
            maxLength={1024} onInput={(e) => setPassword((e.target as HTMLInputElement).value)} />
        </div>
        <div class="actions">
          <button type="submit" disabled={busy}>{busy ? 'Bezig met inloggen…' : 'Inloggen'}</button>
        </div>
      </form>
    </div>
  );
}
