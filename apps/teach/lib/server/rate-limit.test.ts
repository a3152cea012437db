import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from './errors';
import { clientAddress, countFailure, enforceRateLimit, refuseAfterFailures } from './rate-limit';
import type { SqliteStorage } from './storage/sqlite';
import { memoryStorage } from './testing';

let storage: SqliteStorage;
beforeEach(() => {
  storage = memoryStorage();
});
afterEach(() => storage.close());

describe('enforceRateLimit', () => {
  const policy = { name: 'test', limit: 2, windowMs: 60_000 };

  it('lets the limit through, then answers 429 with Retry-After until the window ends', async () => {
    await enforceRateLimit(storage, policy, '10.0.0.1', 0);
    await enforceRateLimit(storage, policy, '10.0.0.1', 1_000);
    const error = await enforceRateLimit(storage, policy, '10.0.0.1', 15_000).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(429);
    expect((error as ApiError).headers['retry-after']).toBe('45');
    expect((error as ApiError).message).toBe('Too many attempts. Wait a minute and try again.');
    await enforceRateLimit(storage, policy, '10.0.0.2', 15_000);
    await enforceRateLimit(storage, policy, '10.0.0.1', 60_000);
  });

  it('keeps counting across storage instances that share the database (restarts, other instances)', async () => {
    await enforceRateLimit(storage, policy, 'x', 0);
    await enforceRateLimit(storage, policy, 'x', 0);
    const again = new (storage.constructor as typeof SqliteStorage)(storage.db);
    await expect(enforceRateLimit(again, policy, 'x', 10)).rejects.toMatchObject({ status: 429 });
  });
});

describe('refuseAfterFailures / countFailure', () => {
  it('lets any number of successes through and refuses once the failures reach the limit', async () => {
    const policy = { name: 'codes', limit: 2, windowMs: 60_000 };
    for (let i = 0; i < 5; i++) await refuseAfterFailures(storage, policy, 'school', i);
    await countFailure(storage, policy, 'school', 10);
    await refuseAfterFailures(storage, policy, 'school', 11);
    await countFailure(storage, policy, 'school', 12);
    await expect(refuseAfterFailures(storage, policy, 'school', 13)).rejects.toMatchObject({ status: 429 });
    await refuseAfterFailures(storage, policy, 'school', 60_010);
  });
});

describe('clientAddress', () => {
  it('takes the entry the nearest proxy added to x-forwarded-for', () => {
    const request = (headers: Record<string, string>) => new Request('http://h/', { headers });
    expect(clientAddress(request({ 'x-forwarded-for': '203.0.113.9, 10.0.0.7' }))).toBe('10.0.0.7');
    expect(clientAddress(request({ 'x-forwarded-for': '127.0.0.1' }))).toBe('127.0.0.1');
    expect(clientAddress(request({}))).toBe('unknown');
  });
});
