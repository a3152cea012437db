import { NextResponse } from 'next/server';
import { readJsonBody } from '@/lib/server/body';
import { LEARNER_COOKIE, setSessionCookie } from '@/lib/server/cookies';
import { clientAddress, enforceRateLimit, policies } from '@/lib/server/rate-limit';
import { apiRoute, methodNotAllowed } from '@/lib/server/route';
import { issueStudentSession } from '@/lib/server/sessions';
import { joinClass, joinSchema } from '@/lib/server/students';

/** `{ code, displayName }` → 201 with a student session cookie and the personal `resumeCode` (shown once). */
export const POST = apiRoute(async (request, context) => {
  const input = await readJsonBody(request, joinSchema);
  await enforceRateLimit(context.storage, policies.joinPerClient, clientAddress(request), context.now);
  const { student, classRecord, resumeCode } = await joinClass(context.storage, input, context.now);
  const { token, maxAgeSeconds } = await issueStudentSession(context, student);
  const response = NextResponse.json(
    {
      student: { id: student.id, displayName: student.displayName },
      class: { id: classRecord.id, name: classRecord.name },
      resumeCode,
    },
    { status: 201 },
  );
  setSessionCookie(response, request, LEARNER_COOKIE, token, maxAgeSeconds);
  return response;
});

const otherMethods = methodNotAllowed('POST');

export { otherMethods as GET, otherMethods as PUT, otherMethods as PATCH, otherMethods as DELETE };
