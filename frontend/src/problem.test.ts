import { describe, expect, test } from 'vitest';
import { NETWORK_MESSAGE, problemMessage, problemsAtFields, retryAfterText } from './problem';

describe('problemMessage', () => {
  const cases: { name: string; status: number; problem: object | null; retry?: string; text: string | RegExp; fields?: string[] }[] = [
    {
      name: 'uses the Dutch detail of a problem document',
      status: 404, problem: { type: '/api/v1/problems/not-found', title: 'Niet gevonden', status: 404, detail: 'Deze les bestaat niet.' },
      text: 'Deze les bestaat niet.',
    },
    {
      name: 'names the fields in Dutch',
      status: 400,
      problem: { status: 400, detail: 'Een of meer parameters zijn ongeldig.', errors: [{ field: 'level', message: 'onbekende code' }, { field: 'max_minutes', message: 'te groot' }] },
      text: 'Een of meer parameters zijn ongeldig.', fields: ['Niveau: onbekende code', 'Maximale duur: te groot'],
    },
    {
      name: 'keeps an unknown field name as it is',
      status: 400, problem: { detail: 'Onbekende parameter.', errors: [{ field: 'foo', message: 'Onbekende parameter.' }] },
      text: 'Onbekende parameter.', fields: ['foo: Onbekende parameter.'],
    },
    { name: 'falls back by status without a problem document (bare 413)', status: 413, problem: null, text: 'Wat je wilt versturen is te groot.' },
    { name: 'falls back for a 401', status: 401, problem: null, text: /niet \(meer\) ingelogd/ },
    { name: 'explains a 412 as a newer version', status: 412, problem: {}, text: /intussen gewijzigd/ },
    { name: 'any other 5xx is a server error', status: 507, problem: null, text: /Er ging iets mis op de server/ },
    { name: 'any other 4xx is a bad request', status: 418, problem: null, text: /Het verzoek klopt niet/ },
    { name: 'ignores an empty detail', status: 403, problem: { detail: '   ' }, text: 'Je hebt geen toegang tot deze gegevens.' },
    { name: 'ignores an overlong detail', status: 500, problem: { detail: 'x'.repeat(501) }, text: /Er ging iets mis/ },
    { name: 'says when to retry after a 429', status: 429, problem: null, retry: '120', text: 'Te veel pogingen achter elkaar. Probeer het over 2 minuten opnieuw.' },
    { name: 'does not repeat a retry hint the API gave', status: 429, problem: { detail: 'Te veel pogingen; probeer het over 5 minuten opnieuw.' }, retry: '300', text: 'Te veel pogingen; probeer het over 5 minuten opnieuw.' },
    { name: 'a 429 without Retry-After says to wait', status: 429, problem: null, text: /Wacht even/ },
    { name: 'skips malformed field errors', status: 422, problem: { errors: [null, { field: 1, message: 'x' }, { field: 'email', message: '' }, { field: 'email', message: 'ongeldig' }] }, text: /Niet alle gegevens/, fields: ['E-mailadres: ongeldig'] },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const m = problemMessage(c.status, c.problem as never, c.retry);
      if (typeof c.text === 'string') expect(m.text).toBe(c.text);
      else expect(m.text).toMatch(c.text);
      expect(m.fields).toEqual(c.fields ?? []);
    });
  }
  test('the network message is Dutch', () => {
    expect(NETWORK_MESSAGE).toMatch(/niet bereikbaar/);
  });
});

describe('retryAfterText', () => {
  const now = Date.parse('2026-12-01T10:00:00Z');
  const cases: [string | null, string | null][] = [
    [null, null], ['', null], ['abc', null],
    ['1', 'over 1 seconde'], ['30', 'over 30 seconden'], ['60', 'over 1 minuut'], ['61', 'over 2 minuten'],
    ['Tue, 01 Dec 2026 10:03:00 GMT', 'over 3 minuten'],
  ];
  for (const [value, want] of cases) {
    test(`${value} → ${want}`, () => expect(retryAfterText(value, now)).toBe(want));
  }
});

describe('problemsAtFields', () => {
  test('each field of the form gets its messages; the others go above the form with their Dutch label', () => {
    const p = problemsAtFields([
      { field: 'title', message: 'moet tekst zijn (niet leeg)' },
      { field: 'url', message: 'moet een http- of https-adres zijn' },
      { field: 'title', message: 'Is te lang.' },
      { field: 'goals', message: 'onbekend leerdoel: x' },
      { field: 'foo', message: 'onbekend veld' },
    ], ['title', 'levels', 'url']);
    expect(p.at).toEqual({ title: ['Moet tekst zijn (niet leeg)', 'Is te lang.'], url: ['Moet een http- of https-adres zijn'] });
    expect(p.rest).toEqual(['Leerdoelen: onbekend leerdoel: x', 'foo: onbekend veld']);
  });
  test('no errors, or errors that are no user text, give nothing', () => {
    expect(problemsAtFields(undefined, ['title'])).toEqual({ at: {}, rest: [] });
    expect(problemsAtFields([{ field: 'title', message: ' ' }, { field: 'title', message: 'x'.repeat(501) }], ['title'])).toEqual({ at: {}, rest: [] });
  });
});
