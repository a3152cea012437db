// Browser helper for the class-mode API: every state-changing request must carry the `ck_csrf` cookie's
// value in the `x-csrf-token` header (see packages/classroom/README.md). `postJson` does that for the pages.

export const CSRF_COOKIE = 'ck_csrf';
export const CSRF_HEADER = 'x-csrf-token';

/** What the server answered: `ok` for 2xx; `data` is the parsed JSON body (null when there is none). */
export interface JsonResponse<T = unknown> {
  ok: boolean;
  status: number;
  data: T | null;
}

/** The API's error body: `{ error: { code, message, issues? } }`. */
export interface ApiErrorBody {
  error: { code: string; message: string; issues?: { path: string; message: string }[] };
}

/** The `ck_csrf` cookie's value, or undefined when the browser has none yet. */
export function readCsrfCookie(cookies: string = document.cookie): string | undefined {
  for (const part of cookies.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === CSRF_COOKIE && rest.length > 0) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

async function fetchCsrfToken(): Promise<string> {
  const response = await fetch('/api/csrf', { credentials: 'same-origin', cache: 'no-store' });
  const data = (await response.json()) as { token?: unknown };
  if (typeof data.token !== 'string') throw new Error('The server did not return a CSRF token.');
  return data.token;
}

async function send(
  url: string,
  body: unknown,
  token: string,
  method = 'POST',
  keepalive = false,
): Promise<JsonResponse> {
  const response = await fetch(url, {
    method,
    keepalive,
    credentials: 'same-origin',
    cache: 'no-store',
    headers: { 'content-type': 'application/json', accept: 'application/json', [CSRF_HEADER]: token },
    body: JSON.stringify(body),
  });
  const data: unknown = await response.json().catch(() => null);
  return { ok: response.ok, status: response.status, data };
}

function isCsrfRefusal(result: JsonResponse): boolean {
  const code = (result.data as Partial<ApiErrorBody> | null)?.error?.code;
  return result.status === 403 && typeof code === 'string' && code.startsWith('csrf-');
}

/**
 * POSTs `body` as JSON with the CSRF header, fetching a token first when the browser has no `ck_csrf`
 * cookie yet (and once more if the server refused a stale one). Resolves with the status and parsed body
 * for any HTTP answer, errors included; rejects only when the server cannot be reached. `method` may be
 * `PUT`; `keepalive` lets the request outlive the page (sent while the page is being hidden).
 */
export async function postJson<T = unknown>(
  url: string,
  body: unknown,
  method = 'POST',
  keepalive = false,
): Promise<JsonResponse<T>> {
  const token = readCsrfCookie() ?? (await fetchCsrfToken());
  const result = await send(url, body, token, method, keepalive);
  if (!isCsrfRefusal(result)) return result as JsonResponse<T>;
  return (await send(url, body, await fetchCsrfToken(), method, keepalive)) as JsonResponse<T>;
}

/** The error message of a failed response, or `fallback` when the body has none. */
export function errorMessage(result: JsonResponse, fallback: string): string {
  const message = (result.data as Partial<ApiErrorBody> | null)?.error?.message;
  return typeof message === 'string' && message.length > 0 ? message : fallback;
}
