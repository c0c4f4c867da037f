// A real SMTP server on loopback (npm smtp-server) that keeps what it
// receives, and a second kore that sends its mail there
// (LEERLIJN_SMTP_URL), against the same database as the main one.
import assert from 'node:assert/strict';
import { SMTPServer } from 'smtp-server';
import { freePort, startKore as startKoreWith } from './lib.mjs';

export { freePort };

// Decode a received message: headers, the Subject (RFC 2047 words) and the
// text body (base64 or 8bit).
export function parseMail(raw) {
  const [head, ...rest] = raw.split('\r\n\r\n');
  const headers = {};
  for (const line of head.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const i = line.indexOf(':');
    headers[line.slice(0, i).toLowerCase()] = line.slice(i + 1).trim();
  }
  const words = (s) => s.replace(/=\?UTF-8\?B\?([^?]*)\?=\s*/gi,
    (_, b) => Buffer.from(b, 'base64').toString('utf8')).trim();
  let body = rest.join('\r\n\r\n');
  if (/base64/i.test(headers['content-transfer-encoding'] ?? '')) {
    body = Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  }
  return { headers, subject: words(headers.subject ?? ''), body };
}

// Start the SMTP server; resolves with { port, messages, waitFor, close }.
export async function mailSink() {
  const messages = [];
  const waiters = [];
  const server = new SMTPServer({
    authOptional: true, disabledCommands: ['STARTTLS', 'AUTH'], logger: false,
    onData(stream, session, callback) {
      const chunks = [];
      stream.on('data', (c) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const msg = {
          from: session.envelope.mailFrom.address,
          to: session.envelope.rcptTo.map((r) => r.address),
          raw, ...parseMail(raw),
        };
        messages.push(msg);
        for (const w of waiters.splice(0)) w();
        callback();
      });
    },
  });
  const port = await freePort();
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  // The first message to address (after skip of them), within ms.
  async function waitFor(address, { skip = 0, ms = 10000 } = {}) {
    const deadline = Date.now() + ms;
    for (;;) {
      const hits = messages.filter((m) => m.to.includes(address));
      if (hits.length > skip) return hits[skip];
      if (Date.now() > deadline) throw new Error(`no mail to ${address} within ${ms} ms`);
      await new Promise((r) => { waiters.push(r); setTimeout(r, 200); });
    }
  }
  return { port, messages, waitFor, close: () => new Promise((r) => server.close(r)) };
}

// The invitation token in a mail's link.
export function tokenOf(mail) {
  const m = mail.body.match(/#\/uitnodiging\/([A-Za-z0-9_-]{43})/);
  assert.ok(m, `no invitation link in: ${mail.body}`);
  return m[1];
}

// Start a kore with extra environment (one worker unless that says
// otherwise): lib.mjs's startKore, { base, proc, log(), stop() }.
export async function startKore(extraEnv = {}) {
  return startKoreWith({ LEERLIJN_WORKERS: '1', ...extraEnv });
}
