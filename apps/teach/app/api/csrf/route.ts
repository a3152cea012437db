import { NextResponse } from 'next/server';
import { csrfCookieOf, newCsrfToken, setCsrfCookie } from '@/lib/server/csrf';
import { apiRoute, methodNotAllowed } from '@/lib/server/route';

export const dynamic = 'force-dynamic';

/** `{ token }`: the CSRF token to send as `x-csrf-token`, also set as the `ck_csrf` cookie when missing. */
export const GET = apiRoute(async (request) => {
  const existing = csrfCookieOf(request);
  const token = existing ?? newCsrfToken();
  const response = NextResponse.json({ token });
  if (!existing) setCsrfCookie(request, response, token);
  return response;
});

const otherMethods = methodNotAllowed('GET');

export { otherMethods as POST, otherMethods as PUT, otherMethods as PATCH, otherMethods as DELETE };
