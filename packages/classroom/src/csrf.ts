import { randomBytes, timingSafeEqual } from 'node:crypto';
import { CSRF_COOKIE, CSRF_HEADER, readCookie, responseCookie, setScriptCookie } from './cookies';
import { ApiError } from './errors';

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{32,128}$/;
const CSRF_MAX_AGE_SECONDS = 60 * 60 * 24 * 365;

export function newCsrfToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The request's CSRF cookie when it is well formed. */
export function csrfCookieOf(request: Request): string | undefined {
  const token = readCookie(request, CSRF_COOKIE);
  return token && TOKEN_PATTERN.test(token) ? token : undefined;
}

/**
 * Gives the browser a CSRF cookie when it has none: readable by the page's script (not httpOnly), which
 * sends it back in the `x-csrf-token` header. Returns the token in force.
 */
export function ensureCsrfCookie(request: Request, response: Response): string {
  const existing = responseCookie(response, CSRF_COOKIE) ?? csrfCookieOf(request);
  if (existing) return existing;
  const token = newCsrfToken();
  setCsrfCookie(request, response, token);
  return token;
}

export function setCsrfCookie(request: Request, response: Response, token: string): void {
  setScriptCookie(response, request, CSRF_COOKIE, token, CSRF_MAX_AGE_SECONDS);
}

/** The host the browser addressed: the proxy's `x-forwarded-host`, else `host`. */
function requestHost(request: Request): string | undefined {
  const forwarded = request.headers.get('x-forwarded-host')?.split(',')[0]?.trim();
  return forwarded || request.headers.get('host') || undefined;
}

function refuse(code: string, message: string): ApiError {
  return new ApiError(403, code, message);
}

/**
 * Refuses a state-changing request unless it comes from this site: `Sec-Fetch-Site` (when sent) must be
 * `same-origin`, `Origin` (when sent) must name this host, and the `x-csrf-token` header must equal the
 * `ck_csrf` cookie (double submit).
 */
export function verifyCsrf(request: Request): void {
  const fetchSite = request.headers.get('sec-fetch-site');
  if (fetchSite !== null && fetchSite !== 'same-origin') {
    throw refuse('cross-site-request', 'This request came from another site and was refused.');
  }
  const origin = request.headers.get('origin');
  if (origin !== null) {
    let originHost: string | undefined;
    try {
      originHost = origin === 'null' ? undefined : new URL(origin).host;
    } catch {
      originHost = undefined;
    }
    if (originHost === undefined || originHost !== requestHost(request)) {
      throw refuse(
        'cross-site-request',
        `Requests from ${origin} are not accepted; use the course site itself.`,
      );
    }
  }
  const cookie = csrfCookieOf(request);
  const header = request.headers.get(CSRF_HEADER);
  if (!cookie) {
    throw refuse(
      'csrf-cookie-missing',
      'The security cookie is missing. Reload the page (or GET /api/csrf) and try again.',
    );
  }
  if (!header) {
    throw refuse('csrf-header-missing', `Send the ck_csrf cookie's value in the ${CSRF_HEADER} header.`);
  }
  const a = Buffer.from(cookie);
  const b = Buffer.from(header);
  if (a.length !== b.length || !timingSafeEqual(a, b)) {
    throw refuse('csrf-token-mismatch', 'The security token does not match. Reload the page and try again.');
  }
}
