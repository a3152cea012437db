import { describe, expect, it } from 'vitest';
import { ensureCsrfCookie, verifyCsrf } from './csrf';
import { ApiError } from './errors';

const token = 'A'.repeat(43);

function post(headers: Record<string, string>): Request {
  return new Request('http://127.0.0.1:3000/api/classes', {
    method: 'POST',
    headers: { host: '127.0.0.1:3000', ...headers },
  });
}

function refusal(request: Request): string | undefined {
  try {
    verifyCsrf(request);
    return undefined;
  } catch (error) {
    if (error instanceof ApiError && error.status === 403) return error.code;
    throw error;
  }
}

describe('verifyCsrf', () => {
  const good = {
    cookie: `ck_csrf=${token}`,
    'x-csrf-token': token,
    origin: 'http://127.0.0.1:3000',
    'sec-fetch-site': 'same-origin',
  };

  it('accepts a same-origin request whose header matches the cookie', () => {
    expect(refusal(post(good))).toBeUndefined();
    // Origin and Sec-Fetch-Site are checked only when the client sends them (curl sends neither).
    expect(refusal(post({ cookie: good.cookie, 'x-csrf-token': token }))).toBeUndefined();
  });

  it('refuses a missing cookie, a missing header, and a header that does not match', () => {
    expect(refusal(post({ ...good, cookie: '' }))).toBe('csrf-cookie-missing');
    expect(refusal(post({ ...good, 'x-csrf-token': '' }))).toBe('csrf-header-missing');
    expect(refusal(post({ ...good, 'x-csrf-token': 'B'.repeat(43) }))).toBe('csrf-token-mismatch');
  });

  it('refuses requests from other sites even with a matching token', () => {
    expect(refusal(post({ ...good, 'sec-fetch-site': 'cross-site' }))).toBe('cross-site-request');
    expect(refusal(post({ ...good, 'sec-fetch-site': 'same-site' }))).toBe('cross-site-request');
    expect(refusal(post({ ...good, origin: 'https://evil.example' }))).toBe('cross-site-request');
    expect(refusal(post({ ...good, origin: 'null' }))).toBe('cross-site-request');
  });
});

describe('ensureCsrfCookie', () => {
  it('sets a readable, SameSite=Lax cookie once and keeps an existing one', () => {
    const fresh = Response.json({});
    const issued = ensureCsrfCookie(new Request('http://127.0.0.1:3000/api/csrf'), fresh);
    expect(issued).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const header = fresh.headers.get('set-cookie') ?? '';
    expect(header).toContain(`ck_csrf=${issued}`);
    expect(header).toMatch(/SameSite=lax/i);
    expect(header).not.toMatch(/HttpOnly/i);

    const kept = Response.json({});
    const request = new Request('http://127.0.0.1:3000/', { headers: { cookie: `ck_csrf=${token}` } });
    expect(ensureCsrfCookie(request, kept)).toBe(token);
    expect(kept.headers.get('set-cookie')).toBeNull();
  });
});
