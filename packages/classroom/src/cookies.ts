import { serialize } from 'cookie';

export const TEACHER_COOKIE = 'ck_teacher';
export const LEARNER_COOKIE = 'ck_learner';
export const CSRF_COOKIE = 'ck_csrf';
/** Marks a browser that has logged in as the teacher before (its own login allowance). */
export const DEVICE_COOKIE = 'ck_device';
export const CSRF_HEADER = 'x-csrf-token';

/** True when the browser reached the app over HTTPS (directly or through a proxy that says so). */
export function isHttps(request: Request): boolean {
  const forwarded = request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim();
  return forwarded ? forwarded === 'https' : new URL(request.url).protocol === 'https:';
}

/** Reads one cookie from the request's Cookie header. */
export function readCookie(request: Request, name: string): string | undefined {
  const header = request.headers.get('cookie');
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq === -1) continue;
    if (part.slice(0, eq).trim() !== name) continue;
    const raw = part.slice(eq + 1).trim();
    try {
      return decodeURIComponent(raw);
    } catch {
      return raw;
    }
  }
  return undefined;
}

/** Adds a `Set-Cookie` header: SameSite=Lax, path /, Secure over HTTPS. */
function setCookie(
  headers: Headers,
  request: Request,
  name: string,
  value: string,
  options: { httpOnly: boolean; maxAgeSeconds: number },
): void {
  headers.append(
    'set-cookie',
    serialize(name, value, {
      httpOnly: options.httpOnly,
      sameSite: 'lax',
      secure: isHttps(request),
      path: '/',
      maxAge: options.maxAgeSeconds,
    }),
  );
}

/** Sets a session cookie: httpOnly, SameSite=Lax, Secure over HTTPS. */
export function setSessionCookie(
  response: Response,
  request: Request,
  name: string,
  value: string,
  maxAgeSeconds: number,
): void {
  setCookie(response.headers, request, name, value, { httpOnly: true, maxAgeSeconds });
}

/** A cookie the page's script reads (the CSRF token): not httpOnly. */
export function setScriptCookie(
  response: Response,
  request: Request,
  name: string,
  value: string,
  maxAgeSeconds: number,
): void {
  setCookie(response.headers, request, name, value, { httpOnly: false, maxAgeSeconds });
}

export function clearCookie(response: Response, request: Request, name: string): void {
  setCookie(response.headers, request, name, '', { httpOnly: true, maxAgeSeconds: 0 });
}

/** The value a response sets for cookie `name`, if it sets one. */
export function responseCookie(response: Response, name: string): string | undefined {
  for (const line of response.headers.getSetCookie()) {
    const eq = line.indexOf('=');
    if (line.slice(0, eq).trim() === name) return line.slice(eq + 1).split(';')[0];
  }
  return undefined;
}
