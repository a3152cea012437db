import type { NextResponse } from 'next/server';

export const TEACHER_COOKIE = 'ck_teacher';
export const LEARNER_COOKIE = 'ck_learner';
export const CSRF_COOKIE = 'ck_csrf';
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

/** Sets a session cookie: httpOnly, SameSite=Lax, Secure over HTTPS. */
export function setSessionCookie(
  response: NextResponse,
  request: Request,
  name: string,
  value: string,
  maxAgeSeconds: number,
): void {
  response.cookies.set(name, value, {
    httpOnly: true,
    sameSite: 'lax',
    secure: isHttps(request),
    path: '/',
    maxAge: maxAgeSeconds,
  });
}

export function clearCookie(response: NextResponse, request: Request, name: string): void {
  response.cookies.set(name, '', {
    httpOnly: true,
    sameSite: 'lax',
    secure: isHttps(request),
    path: '/',
    maxAge: 0,
  });
}
