import { NextResponse } from 'next/server';
import { clearCookie, TEACHER_COOKIE } from '@/lib/server/cookies';
import { apiRoute, methodNotAllowed } from '@/lib/server/route';
import { readTeacherSession } from '@/lib/server/sessions';

/** Ends the teacher session on the server (the cookie stops working everywhere) and clears the cookie. */
export const POST = apiRoute(async (request, context) => {
  const session = await readTeacherSession(request, context);
  if (session) await context.storage.revokeSession(session.id, context.now);
  const response = NextResponse.json({ ok: true });
  clearCookie(response, request, TEACHER_COOKIE);
  return response;
});

const otherMethods = methodNotAllowed('POST');

export { otherMethods as GET, otherMethods as PUT, otherMethods as PATCH, otherMethods as DELETE };
