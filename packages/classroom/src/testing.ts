// Helpers for the unit tests: an in-memory database, the fixture course and a browser-like cookie jar for
// calling the handlers directly.
import { fileURLToPath } from 'node:url';
import type { Classroom } from './api';
import { openSqliteDatabase, SqliteStore } from './storage/sqlite';

export const fixtureCourseDir = fileURLToPath(new URL('../test/fixtures/course', import.meta.url));
export const realCourseDir = fileURLToPath(
  new URL('../../../apps/teach/content/two-peripheries', import.meta.url),
);

export function memoryStore(): SqliteStore {
  return new SqliteStore(openSqliteDatabase(':memory:'));
}

export const ORIGIN = 'http://127.0.0.1:3000';

/** Keeps the cookies a browser would keep, and sends them (with the CSRF header) like the pages do. */
export class Browser {
  readonly cookies = new Map<string, string>();
  /** The socket address this browser's requests come from (rate limits count per address). */
  address: string;

  constructor(address = '127.0.0.1') {
    this.address = address;
  }

  remember(response: Response): Response {
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = decodeURIComponent(pair.slice(eq + 1).trim());
      if (/max-age=0/i.test(line) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }

  cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${encodeURIComponent(value)}`).join('; ');
  }

  request(
    path: string,
    init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
  ): Request {
    const method = init.method ?? (init.body === undefined ? 'GET' : 'POST');
    const headers: Record<string, string> = { cookie: this.cookieHeader(), host: '127.0.0.1:3000' };
    if (method !== 'GET') {
      headers.origin = ORIGIN;
      headers['sec-fetch-site'] = 'same-origin';
      const csrf = this.cookies.get('ck_csrf');
      if (csrf) headers['x-csrf-token'] = csrf;
    }
    if (init.body !== undefined) headers['content-type'] = 'application/json';
    return new Request(`${ORIGIN}${path}`, {
      method,
      headers: { ...headers, ...init.headers },
      ...(init.body !== undefined
        ? { body: typeof init.body === 'string' ? init.body : JSON.stringify(init.body) }
        : {}),
    });
  }
}

/** What a test needs to talk to a classroom as browsers do: `call` sends a request and reads its answer. */
export function apiCaller(classroom: () => { handle: Classroom['handle'] }) {
  async function call(browser: Browser, path: string, body?: unknown, method?: string) {
    const response = browser.remember(
      await classroom().handle(browser.request(path, { body, ...(method ? { method } : {}) }), {
        remoteAddress: browser.address,
      }),
    );
    const text = await response.text();
    const type = response.headers.get('content-type') ?? '';
    return {
      status: response.status,
      body: type.includes('json') ? JSON.parse(text) : text,
      headers: response.headers,
    };
  }
  /** A browser that has fetched its CSRF cookie, as every page does first. */
  async function newBrowser(address?: string): Promise<Browser> {
    const browser = new Browser(address);
    await call(browser, '/api/csrf');
    return browser;
  }
  return { call, newBrowser };
}
