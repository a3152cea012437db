import { NextResponse } from 'next/server';
import { readJsonBody } from '@/lib/server/body';
import { LEARNER_COOKIE, setSessionCookie } from '@/lib/server/cookies';
import { clientAddress, enforceRateLimit, policies } from '@/lib/server/rate-limit';
import { apiRoute, methodNotAllowed } from '@/lib/server/route';
import { issueStudentSession } from '@/lib/server/sessions';
import { resumeSchema, resumeStudent } from '@/lib/server/students';

/** `{ resumeCode }` → a student session on this device for the student the code belongs to. */
export const POST = apiRoute(async (request, context) => {
  const input = await readJsonBody(request, resumeSchema);
  await enforceRateLimit(context.storage, policies.joinPerClient, clientAddress(request), context.now);
  const { student, classRecord } = await resumeStudent(context.storage, input);
  const { token, maxAgeSeconds } = await issueStudentSession(context, student);
  const response = NextResponse.json({
    student: { id: student.id, displayName: student.displayName },
    class: { id: classRecord.id, name: classRecord.name },
  });
  setSessionCookie(response, request, LEARNER_COOKIE, token, maxAgeSeconds);
  return response;
});

const otherMethods = methodNotAllowed('POST');

export { otherMethods as GET, otherMethods as PUT, otherMethods as PATCH, otherMethods as DELETE };
