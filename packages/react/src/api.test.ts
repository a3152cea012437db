import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { errorMessage, postJson, readCsrfCookie } from './api.js';

type Call = { url: string; init: RequestInit | undefined };
let calls: Call[];
let answers: Response[];

beforeEach(() => {
  calls = [];
  answers = [];
  vi.stubGlobal('document', { cookie: '' });
  vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
    calls.push({ url, init });
    const next = answers.shift();
    if (!next) throw new Error(`unexpected fetch ${url}`);
    return next;
  });
});

afterEach(() => {
  vi.unstubAllGlobals();
});

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const header = (call: Call | undefined, name: string) => new Headers(call?.init?.headers).get(name);

describe('readCsrfCookie', () => {
  it('finds ck_csrf among other cookies', () => {
    expect(readCsrfCookie('a=1; ck_csrf=tok%2Den; b=2')).toBe('tok-en');
    expect(readCsrfCookie('a=1')).toBeUndefined();
  });
});

describe('postJson', () => {
  it('sends the cookie’s token as x-csrf-token with a JSON body', async () => {
    vi.stubGlobal('document', { cookie: 'ck_csrf=abc' });
    answers.push(json(201, { id: 'cls_1' }));
    const result = await postJson('/api/classes', { name: 'P3' });
    expect(result).toEqual({ ok: true, status: 201, data: { id: 'cls_1' } });
    expect(calls).toHaveLength(1);
    expect(header(calls[0], 'x-csrf-token')).toBe('abc');
    expect(header(calls[0], 'content-type')).toBe('application/json');
    expect(calls[0]?.init?.body).toBe('{"name":"P3"}');
  });

  it('asks /api/csrf for a token when the browser has no cookie yet', async () => {
    answers.push(json(200, { token: 'fresh' }), json(200, { ok: true }));
    await postJson('/api/teacher/logout', {});
    expect(calls.map((c) => c.url)).toEqual(['/api/csrf', '/api/teacher/logout']);
    expect(header(calls[1], 'x-csrf-token')).toBe('fresh');
  });

  it('retries once with a new token when the server refuses a stale one', async () => {
    vi.stubGlobal('document', { cookie: 'ck_csrf=stale' });
    answers.push(
      json(403, { error: { code: 'csrf-token-mismatch', message: 'no' } }),
      json(200, { token: 'renewed' }),
      json(200, { ok: true }),
    );
    const result = await postJson('/api/completions', { lessonId: 'x' });
    expect(result.ok).toBe(true);
    expect(header(calls[2], 'x-csrf-token')).toBe('renewed');
  });

  it('resolves with the error body for other failures, without retrying', async () => {
    vi.stubGlobal('document', { cookie: 'ck_csrf=abc' });
    answers.push(json(409, { error: { code: 'display-name-taken', message: 'Add an initial.' } }));
    const result = await postJson('/api/classes/join', {});
    expect(result.status).toBe(409);
    expect(errorMessage(result, 'fallback')).toBe('Add an initial.');
    expect(calls).toHaveLength(1);
    answers.push(new Response('<html>', { status: 502 }));
    const broken = await postJson('/api/classes/join', {});
    expect(broken).toEqual({ ok: false, status: 502, data: null });
    expect(errorMessage(broken, 'fallback')).toBe('fallback');
  });
});
