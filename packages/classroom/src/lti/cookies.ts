// Cookies of an LTI launch. The launch arrives as a cross-site form POST inside the LMS's iframe, so the
// login state and the session it opens must be SameSite=None (hence Secure) to be sent at all, and
// Partitioned (CHIPS) so that browsers blocking third-party cookies keep them for this LMS.
import { serialize } from 'cookie';
import { isHttps, readCookie } from '../cookies';
import { sign, unsign } from '../signing';

const STATE_COOKIE_PREFIX = 'ck_lti_';
export const STATE_TTL_SECONDS = 10 * 60;

/** Browsers count http://localhost and loopback addresses as secure, so Secure cookies work there in tests. */
function secureContext(request: Request): boolean {
  if (isHttps(request)) return true;
  const host = new URL(request.url).hostname;
  return host === 'localhost' || host === '127.0.0.1' || host === '[::1]';
}

export function crossSiteCookie(
  request: Request,
  name: string,
  value: string,
  maxAgeSeconds: number,
  options: { readableByScript?: boolean } = {},
): string {
  const secure = secureContext(request);
  return serialize(name, value, {
    httpOnly: !options.readableByScript,
    path: '/',
    maxAge: maxAgeSeconds,
    // SameSite=None without Secure is refused by browsers; over plain HTTP fall back to Lax.
    sameSite: secure ? 'none' : 'lax',
    secure,
    partitioned: secure,
  });
}

/** The cookie that binds a login `state` to the browser that started the login. */
export function stateCookie(request: Request, state: string, secret: string): string {
  return crossSiteCookie(
    request,
    `${STATE_COOKIE_PREFIX}${state}`,
    sign(`lti-state:${state}`, secret),
    STATE_TTL_SECONDS,
  );
}

export function clearStateCookie(request: Request, state: string): string {
  return crossSiteCookie(request, `${STATE_COOKIE_PREFIX}${state}`, '', 0);
}

/** True when this browser holds the genuine cookie of `state`. */
export function hasStateCookie(request: Request, state: string, secret: string): boolean {
  const value = readCookie(request, `${STATE_COOKIE_PREFIX}${state}`);
  return value !== undefined && unsign(value, secret) === `lti-state:${state}`;
}
