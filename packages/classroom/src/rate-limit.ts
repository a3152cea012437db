import { ApiError } from './errors';
import type { ClassroomStore } from './storage/types';

export interface RateLimitPolicy {
  name: string;
  limit: number;
  windowMs: number;
}

const MINUTE = 60_000;

/**
 * Counters live in the database, so they survive restarts and hold across instances that share it. Per
 * client: the address `clientAddressOf` reads (the socket's, unless `TRUST_PROXY` says otherwise).
 */
export const policies = {
  loginPerClient: { name: 'login-client', limit: 10, windowMs: 15 * MINUTE },
  // Logins from browsers without a device cookie, together: forged addresses cannot make this bigger.
  loginGlobal: { name: 'login-global', limit: 100, windowMs: 15 * MINUTE },
  // A browser that has logged in before keeps its own allowance (OWASP's device cookies), so nobody
  // without the passcode can lock the teacher out by using up the limits above.
  loginPerDevice: { name: 'login-device', limit: 10, windowMs: 15 * MINUTE },
  // Only failed join and resume attempts count: a whole class joining from one school address is fine,
  // guessing codes is not.
  codeFailuresPerClient: { name: 'code-failures-client', limit: 20, windowMs: 10 * MINUTE },
  // Every failed join code together, whatever address it came from: with at most 100 wrong guesses per
  // 10 minutes among 30^6 codes, no mix of clients can find a class's code.
  codeFailuresGlobal: { name: 'code-failures-all', limit: 100, windowMs: 10 * MINUTE },
} satisfies Record<string, RateLimitPolicy>;

/** How far to believe `X-Forwarded-For` (the `TRUST_PROXY` setting). */
export type TrustProxy =
  | { kind: 'none' }
  | { kind: 'hops'; hops: number }
  | { kind: 'addresses'; addresses: ReadonlySet<string> };

/** `::ffff:10.0.0.7` and `10.0.0.7` are one address. */
function normaliseAddress(address: string): string {
  const trimmed = address.trim().toLowerCase();
  return trimmed.startsWith('::ffff:') && trimmed.includes('.') ? trimmed.slice('::ffff:'.length) : trimmed;
}

/**
 * `TRUST_PROXY`: unset (or `0`, `false`) trusts no proxy, so the client is the socket's address; a number
 * is how many proxies in front of the app append to `X-Forwarded-For`; a comma-separated list names the
 * proxies' addresses, skipped from the right.
 */
export function parseTrustProxy(value: string | undefined): TrustProxy {
  const raw = value?.trim() ?? '';
  if (raw === '' || raw === '0' || raw.toLowerCase() === 'false') return { kind: 'none' };
  if (/^\d+$/.test(raw)) return { kind: 'hops', hops: Number(raw) };
  const addresses = raw.split(',').map(normaliseAddress).filter(Boolean);
  if (addresses.some((address) => !/^[0-9a-f.:]+$/.test(address))) {
    throw new Error(
      `TRUST_PROXY must be a number of proxies (such as 1) or a comma-separated list of proxy addresses ` +
        `(such as 10.0.0.7,10.0.0.8); got "${raw.slice(0, 80)}".`,
    );
  }
  return { kind: 'addresses', addresses: new Set(addresses) };
}

/**
 * The client address for rate limiting. Without a trusted proxy it is the socket's address, whatever the
 * request's headers say, so rotating `X-Forwarded-For` buys nothing.
 */
export function clientAddressOf(
  request: Request,
  socketAddress: string | undefined,
  trust: TrustProxy,
): string {
  const socket = socketAddress ? normaliseAddress(socketAddress) : 'unknown';
  if (trust.kind === 'none') return socket;
  const forwarded = (request.headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map(normaliseAddress)
    .filter(Boolean);
  const chain = [...forwarded, socket];
  if (trust.kind === 'hops') return chain[Math.max(0, chain.length - 1 - trust.hops)] ?? socket;
  for (let index = chain.length - 1; index >= 0; index--) {
    const address = chain[index] as string;
    if (!trust.addresses.has(address)) return address;
  }
  return chain[0] ?? socket;
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
  store: ClassroomStore,
  policy: RateLimitPolicy,
  subject: string,
  now: number = Date.now(),
): Promise<void> {
  const result = await store.limits.hit(rateLimitKey(policy, subject), policy.limit, policy.windowMs, now);
  if (!result.allowed) throw tooMany(result.resetAt, now);
}

/**
 * For limits on failures only: throws 429 once `subject` has failed `policy.limit` times in the window,
 * and counts nothing itself. Call `countFailure` when the request then fails.
 */
export async function refuseAfterFailures(
  store: ClassroomStore,
  policy: RateLimitPolicy,
  subject: string,
  now: number = Date.now(),
): Promise<void> {
  const { count, resetAt } = await store.limits.peek(rateLimitKey(policy, subject), policy.windowMs, now);
  if (count >= policy.limit) throw tooMany(resetAt, now);
}

export async function countFailure(
  store: ClassroomStore,
  policy: RateLimitPolicy,
  subject: string,
  now: number = Date.now(),
): Promise<void> {
  await store.limits.hit(rateLimitKey(policy, subject), policy.limit, policy.windowMs, now);
}
