import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from './errors';
import {
  clientAddressOf,
  countFailure,
  enforceRateLimit,
  parseTrustProxy,
  refuseAfterFailures,
} from './rate-limit';
import type { SqliteStore } from './storage/sqlite';
import { memoryStore } from './testing';

let store: SqliteStore;
beforeEach(() => {
  store = memoryStore();
});
afterEach(() => store.close());

describe('enforceRateLimit', () => {
  const policy = { name: 'test', limit: 2, windowMs: 60_000 };

  it('lets the limit through, then answers 429 with Retry-After until the window ends', async () => {
    await enforceRateLimit(store, policy, '10.0.0.1', 0);
    await enforceRateLimit(store, policy, '10.0.0.1', 1_000);
    const error = await enforceRateLimit(store, policy, '10.0.0.1', 15_000).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(429);
    expect((error as ApiError).headers['retry-after']).toBe('45');
    expect((error as ApiError).message).toBe('Too many attempts. Wait a minute and try again.');
    await enforceRateLimit(store, policy, '10.0.0.2', 15_000);
    await enforceRateLimit(store, policy, '10.0.0.1', 60_000);
  });

  it('keeps counting across storage instances that share the database (restarts, other instances)', async () => {
    await enforceRateLimit(store, policy, 'x', 0);
    await enforceRateLimit(store, policy, 'x', 0);
    const again = new (store.constructor as typeof SqliteStore)(store.db);
    await expect(enforceRateLimit(again, policy, 'x', 10)).rejects.toMatchObject({ status: 429 });
  });
});

describe('refuseAfterFailures / countFailure', () => {
  it('lets any number of successes through and refuses once the failures reach the limit', async () => {
    const policy = { name: 'codes', limit: 2, windowMs: 60_000 };
    for (let i = 0; i < 5; i++) await refuseAfterFailures(store, policy, 'school', i);
    await countFailure(store, policy, 'school', 10);
    await refuseAfterFailures(store, policy, 'school', 11);
    await countFailure(store, policy, 'school', 12);
    await expect(refuseAfterFailures(store, policy, 'school', 13)).rejects.toMatchObject({ status: 429 });
    await refuseAfterFailures(store, policy, 'school', 60_010);
  });
});

describe('clientAddressOf', () => {
  const request = (forwarded?: string) =>
    new Request('http://h/', { headers: forwarded ? { 'x-forwarded-for': forwarded } : {} });

  it('uses the socket address by default, so a forged or rotating X-Forwarded-For changes nothing', () => {
    const none = parseTrustProxy(undefined);
    expect(clientAddressOf(request('203.0.113.9'), '198.51.100.4', none)).toBe('198.51.100.4');
    expect(clientAddressOf(request('203.0.113.10, 10.0.0.1'), '198.51.100.4', none)).toBe('198.51.100.4');
    expect(clientAddressOf(request(), '::ffff:198.51.100.4', none)).toBe('198.51.100.4');
    expect(clientAddressOf(request('1.2.3.4'), undefined, parseTrustProxy('false'))).toBe('unknown');
  });

  it('with a hop count, takes the address that many proxies before the socket', () => {
    const oneProxy = parseTrustProxy('1');
    // The proxy at 10.0.0.7 appended the address it saw; anything the client wrote before it is ignored.
    expect(clientAddressOf(request('6.6.6.6, 203.0.113.9'), '10.0.0.7', oneProxy)).toBe('203.0.113.9');
    expect(clientAddressOf(request('203.0.113.9, 10.0.0.8'), '10.0.0.7', parseTrustProxy('2'))).toBe(
      '203.0.113.9',
    );
    expect(clientAddressOf(request(), '203.0.113.9', oneProxy)).toBe('203.0.113.9');
  });

  it('with a list of proxies, skips them from the right and stops at the first other address', () => {
    const listed = parseTrustProxy('10.0.0.7, 10.0.0.8');
    expect(clientAddressOf(request('6.6.6.6, 203.0.113.9, 10.0.0.8'), '10.0.0.7', listed)).toBe(
      '203.0.113.9',
    );
    // A client talking to the app directly is not a listed proxy: its header is not believed.
    expect(clientAddressOf(request('6.6.6.6'), '198.51.100.4', listed)).toBe('198.51.100.4');
  });

  it('explains a TRUST_PROXY value it cannot read', () => {
    expect(() => parseTrustProxy('yes please')).toThrow(/TRUST_PROXY must be a number of proxies/);
  });
});
