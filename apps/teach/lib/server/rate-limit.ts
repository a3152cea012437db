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
  // A whole class may join from one school address, so this is generous; codes are too sparse to guess.
  joinPerClient: { name: 'join-client', limit: 120, windowMs: 10 * MINUTE },
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
  if (result.allowed) return;
  const seconds = Math.max(1, Math.ceil((result.resetAt - now) / 1000));
  const minutes = Math.ceil(seconds / 60);
  throw new ApiError(
    429,
    'too-many-requests',
    `Too many attempts. Wait ${minutes === 1 ? 'a minute' : `${minutes} minutes`} and try again.`,
    { headers: { 'retry-after': String(seconds) } },
  );
}
