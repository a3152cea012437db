import { type JsonResponse, readCsrfCookie } from '@coursekit/react';

// @coursekit/react's postJson only POSTs, and the settings route is a PUT; this is its PUT twin, with the
// same CSRF header (x-csrf-token, the ck_csrf cookie's value, fetched first when the browser has none).
async function csrfToken(): Promise<string> {
  const cookie = readCsrfCookie();
  if (cookie) return cookie;
  const response = await fetch('/api/csrf', { credentials: 'same-origin', cache: 'no-store' });
  const data = (await response.json()) as { token?: unknown };
  if (typeof data.token !== 'string') throw new Error('The server did not return a CSRF token.');
  return data.token;
}

/** PUTs `body` as JSON; resolves with the status and parsed body, rejects only when the server is unreachable. */
export async function putJson<T>(url: string, body: unknown): Promise<JsonResponse<T>> {
  const response = await fetch(url, {
    method: 'PUT',
    credentials: 'same-origin',
    cache: 'no-store',
    headers: {
      'content-type': 'application/json',
      accept: 'application/json',
      'x-csrf-token': await csrfToken(),
    },
    body: JSON.stringify(body),
  });
  const data = (await response.json().catch(() => null)) as T | null;
  return { ok: response.ok, status: response.status, data };
}
