import { NextResponse } from 'next/server';
import { z } from 'zod';
import { readJsonBody } from '@/lib/server/body';
import { readCookie, setSessionCookie, TEACHER_COOKIE } from '@/lib/server/cookies';
import { ApiError } from '@/lib/server/errors';
import { checkTeacherPasscode } from '@/lib/server/passcode';
import { clientAddress, enforceRateLimit, policies, rateLimitKey } from '@/lib/server/rate-limit';
import { apiRoute, methodNotAllowed } from '@/lib/server/route';
import { issueTeacherSession, teacherSessionFromToken } from '@/lib/server/sessions';

const loginSchema = z.strictObject({
  passcode: z.string('Enter the teacher passcode.').min(1, 'Enter the teacher passcode.').max(200),
});

/** `{ passcode }` → a teacher session cookie. Rate-limited per client and overall. */
export const POST = apiRoute(async (request, context) => {
  const { passcode } = await readJsonBody(request, loginSchema);
  const client = clientAddress(request);
  await enforceRateLimit(context.storage, policies.loginPerClient, client, context.now);
  await enforceRateLimit(context.storage, policies.loginGlobal, 'all', context.now);
  if (!(await checkTeacherPasscode(context.storage, passcode))) {
    throw new ApiError(401, 'wrong-passcode', 'That passcode is not right. Check it and try again.');
  }
  await context.storage.clearRateLimit(rateLimitKey(policies.loginPerClient, client));
  // A new session on every login, so a session id planted before login is worth nothing after it.
  const previous = await teacherSessionFromToken(readCookie(request, TEACHER_COOKIE), context);
  if (previous) await context.storage.revokeSession(previous.id, context.now);
  const { token, maxAgeSeconds } = await issueTeacherSession(context);
  const response = NextResponse.json({ ok: true });
  setSessionCookie(response, request, TEACHER_COOKIE, token, maxAgeSeconds);
  return response;
});

const otherMethods = methodNotAllowed('POST');

export { otherMethods as GET, otherMethods as PUT, otherMethods as PATCH, otherMethods as DELETE };
