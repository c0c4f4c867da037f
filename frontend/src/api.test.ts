import { afterEach, describe, expect, test, vi } from 'vitest';
import { getJson } from './api';

afterEach(() => { vi.unstubAllGlobals(); });

// A 200 JSON answer whose body is still arriving when the request is
// aborted: json() rejects with an AbortError.
function abortedWhileReading(): Response {
  return {
    ok: true, status: 200,
    headers: new Headers({ 'content-type': 'application/json' }),
    json: () => Promise.reject(new DOMException('aborted', 'AbortError')),
  } as unknown as Response;
}

describe('getJson', () => {
  test('an abort while the body arrives is an abort, not an empty answer', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => abortedWhileReading()));
    await expect(getJson('/api/v1/lessons')).rejects.toMatchObject({ name: 'AbortError' });
  });
  test('a complete answer is its JSON', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('{"total":0}',
      { status: 200, headers: { 'content-type': 'application/json' } })));
    await expect(getJson('/api/v1/lessons')).resolves.toEqual({ total: 0 });
  });
});
