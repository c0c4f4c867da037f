// A small client of the Leerlijn API (same origin, /api/v1).
//
// Every failure becomes an ApiError whose `message` is plain Dutch for the
// user (see problem.ts); the raw problem document stays available for
// callers that act on it (a 412 that shows the newer version, a 400 with
// goal candidates).

import { NETWORK_MESSAGE, problemMessage, type Problem, type UserMessage } from './problem';

export const API = '/api/v1';

/** The header that carries the CSRF token on cookie-authenticated writes. */
export const CSRF_HEADER = 'X-CSRF-Token';
const CSRF_KEY = 'leerlijn.csrf';

export class ApiError extends Error {
  readonly status: number; // 0: no answer at all
  readonly problem: Problem | null;
  readonly user: UserMessage;

  constructor(status: number, problem: Problem | null, user: UserMessage) {
    super(user.text);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
    this.user = user;
  }
}

export interface ApiResult<T> {
  data: T;
  status: number;
  headers: Headers;
}

let csrfToken: string | null = null;

// Requests in flight, shown as <html data-pending="N"> so that tests (and
// anyone curious) can tell when the page has settled.
let pending = 0;
function markPending(delta: number): void {
  pending += delta;
  if (typeof document !== 'undefined') document.documentElement.dataset.pending = String(pending);
}
// Zero from the start: a page that asks the API nothing has settled too.
markPending(0);

/** Remember (or forget, with null) the CSRF token of the session. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
  try {
    if (token) sessionStorage.setItem(CSRF_KEY, token);
    else sessionStorage.removeItem(CSRF_KEY);
  } catch {
    /* storage may be unavailable (private mode); memory is enough */
  }
}

function currentCsrfToken(): string | null {
  if (csrfToken) return csrfToken;
  try {
    csrfToken = sessionStorage.getItem(CSRF_KEY);
  } catch {
    csrfToken = null;
  }
  return csrfToken;
}

/** An API path with query parameters; empty values are left out. */
export function apiPath(path: string, params?: Record<string, string | number | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params ?? {})) {
    if (v === undefined || v === null || v === '') continue;
    q.set(k, String(v));
  }
  const s = q.toString();
  return `${API}${path}${s ? `?${s}` : ''}`;
}

async function readBody(res: Response): Promise<unknown> {
  const type = res.headers.get('content-type') ?? '';
  if (res.status === 204 || res.status === 304) return null;
  if (!/json/.test(type)) return null;
  try {
    return await res.json();
  } catch (err) {
    // Aborted while the body was still arriving: the caller no longer
    // wants it, and must not take it for an empty answer.
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    return null;
  }
}

function asProblem(res: Response, body: unknown): Problem | null {
  const type = res.headers.get('content-type') ?? '';
  if (!type.startsWith('application/problem+json')) return null;
  if (body === null || typeof body !== 'object') return null;
  return body as Problem;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  ifMatch?: string;
  signal?: AbortSignal;
}

/** Send one request; resolves with the parsed JSON, rejects with ApiError. */
export async function request<T>(url: string, opts: RequestOptions = {}): Promise<ApiResult<T>> {
  const method = opts.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  if (opts.ifMatch) headers['if-match'] = opts.ifMatch;
  if (method !== 'GET') {
    const token = currentCsrfToken();
    if (token) headers[CSRF_HEADER] = token;
  }
  markPending(1);
  try {
    return await send<T>(url, method, headers, opts);
  } finally {
    markPending(-1);
  }
}

async function send<T>(url: string, method: string, headers: Record<string, string>,
  opts: RequestOptions): Promise<ApiResult<T>> {
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers,
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      credentials: 'same-origin',
      signal: opts.signal,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(0, null, { text: NETWORK_MESSAGE, fields: [] });
  }
  const body = await readBody(res);
  if (!res.ok) {
    const problem = asProblem(res, body);
    throw new ApiError(res.status, problem,
      problemMessage(res.status, problem, res.headers.get('retry-after')));
  }
  return { data: body as T, status: res.status, headers: res.headers };
}

export async function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  return (await request<T>(url, { signal })).data;
}
