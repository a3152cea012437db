import { ApiError } from './errors';
import type { Storage } from './storage/types';

export interface RateLimitPolicy {
  name: string;
  limit: number;
  windowMs: number;
}

const MINUTE = 60_000;

/**
 * Counters live in the database, so they survive restarts and hold across instances that share it.
 * Per client: `x-forwarded-for` as Next.js passes it (its right-most entry, the one the nearest proxy
 * added). A client talking to the app directly can forge that header, which is why login also has a
 * global limit that no header changes.
 */
export const policies = {
  loginPerClient: { name: 'login-client', limit: 10, windowMs: 15 * MINUTE },
  loginGlobal: { name: 'login-global', limit: 100, windowMs: 15 * MINUTE },
  // Only failed join and resume attempts count: a whole class joining from one school address is fine,
  // guessing codes is not.
  codeFailuresPerClient: { name: 'code-failures-client', limit: 20, windowMs: 10 * MINUTE },
} satisfies Record<string, RateLimitPolicy>;

/** The client address for rate limiting. */
export function clientAddress(request: Request): string {
  const forwarded = request.headers.get('x-forwarded-for');
  const last = forwarded?.split(',').at(-1)?.trim();
  return last || request.headers.get('x-real-ip')?.trim() || 'unknown';
}

export function rateLimitKey(policy: RateLimitPolicy, subject: string): string {
  return `${policy.name}:${subject}`;
}

function tooMany(resetAt: number, now: number): ApiError {
  const seconds = Math.max(1, Math.ceil((resetAt - now) / 1000));
  const minutes = Math.ceil(seconds / 60);
  return new ApiError(
    429,
    'too-many-requests',
    `Too many attempts. Wait ${minutes === 1 ? 'a minute' : `${minutes} minutes`} and try again.`,
    { headers: { 'retry-after': String(seconds) } },
  );
}

/** Counts one request under `policy`; throws 429 with `Retry-After` once the limit is passed. */
export async function enforceRateLimit(
  storage: Storage,
  policy: RateLimitPolicy,
  subject: string,
  now: number = Date.now(),
): Promise<void> {
  const result = await storage.hitRateLimit(
    rateLimitKey(policy, subject),
    policy.limit,
    policy.windowMs,
    now,
  );
  if (!result.allowed) throw tooMany(result.resetAt, now);
}

/**
 * For limits on failures only: throws 429 once `subject` has failed `policy.limit` times in the window,
 * and counts nothing itself. Call `countFailure` when the request then fails.
 */
export async function refuseAfterFailures(
  storage: Storage,
  policy: RateLimitPolicy,
  subject: string,
  now: number = Date.now(),
): Promise<void> {
  const { count, resetAt } = await storage.peekRateLimit(rateLimitKey(policy, subject), policy.windowMs, now);
  if (count >= policy.limit) throw tooMany(resetAt, now);
}

export async function countFailure(
  storage: Storage,
  policy: RateLimitPolicy,
  subject: string,
  now: number = Date.now(),
): Promise<void> {
  await storage.hitRateLimit(rateLimitKey(policy, subject), policy.limit, policy.windowMs, now);
}
