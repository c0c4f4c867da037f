// Helpers of the accounts tests: fresh accounts through the API itself.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { api, db, login, loginWith } from './lib.mjs';

export const unique = () => randomBytes(4).toString('hex');

// An API call as the demo admin with a JSON body.
export async function asAdmin(path, method = 'GET', body) {
  const { headers } = await login('admin');
  return api(path, {
    method,
    headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

export async function call(session, path, method = 'GET', body) {
  return api(path, {
    method,
    headers: body === undefined ? session.headers
      : { ...session.headers, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

// A new account made by the admin (extra: roles, memberships, ...),
// invited and with its password chosen; returns { id, email, password }.
export async function newAccount(extra = {}, password = `wachtwoord ${unique()} lang`) {
  const email = `acc-${unique()}@tests.example`;
  const made = await asAdmin('/api/v1/users', 'POST', { email, display_name: 'Testpersoon', ...extra });
  assert.equal(made.status, 201, made.text);
  const token = made.json.invitation.token;
  assert.match(token, /^[A-Za-z0-9_-]{43}$/);
  const accepted = await api('/api/v1/invitation', {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token, password }),
  });
  assert.equal(accepted.status, 200, accepted.text);
  return { id: made.json.user.id, email, password };
}

// Log in; returns { headers, token, csrf_token, user }.
export async function sessionOf(account) {
  const res = await loginWith(account.email, account.password);
  assert.equal(res.status, 201, res.text);
  return {
    headers: { authorization: `Bearer ${res.json.token}` },
    token: res.json.token, csrf_token: res.json.csrf_token, user: res.json.user,
  };
}

export async function clearLoginFailures() {
  const c = await db();
  await c.query('DELETE FROM login_failure');
  await c.end();
}

// A database client that is closed when test t ends, pass or fail (an
// open client would keep the test file from finishing).
export async function dbFor(t) {
  const c = await db();
  let open = true;
  const end = c.end.bind(c);
  c.end = async () => { if (open) { open = false; await end(); } };
  t.after(() => c.end());
  return c;
}

// The token of a pending invitation (id from the answer that made it): the
// API under test has no mail relay, so only an admin can hand out a link.
export async function invitationToken(invitationId) {
  const link = await asAdmin(`/api/v1/invitations/${invitationId}/link`, 'POST');
  assert.equal(link.status, 201, link.text);
  return link.json.token;
}

// A coordinator's invitation (the answer that made it) accepted with a
// password through an admin's link; resolves with the user document.
export async function acceptInvitation(invited, password = `wachtwoord ${unique()} lang`) {
  const token = await invitationToken(invited.json.id);
  const res = await api('/api/v1/invitation', {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token, password }),
  });
  assert.equal(res.status, 200, res.text);
  return { ...res.json, password };
}
