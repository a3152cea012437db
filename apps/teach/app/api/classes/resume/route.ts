import { NextResponse } from 'next/server';
import { readJsonBody } from '@/lib/server/body';
import { LEARNER_COOKIE, setSessionCookie } from '@/lib/server/cookies';
import { ApiError } from '@/lib/server/errors';
import { clientAddress, countFailure, policies, refuseAfterFailures } from '@/lib/server/rate-limit';
import { apiRoute, methodNotAllowed } from '@/lib/server/route';
import { issueStudentSession } from '@/lib/server/sessions';
import { resumeSchema, resumeStudent } from '@/lib/server/students';

/** Wrong or unknown codes count towards the per-client limit on guessing. */
const CODE_FAILURES = new Set(['invalid-resume-code', 'unknown-resume-code']);

/** `{ resumeCode }` → a student session on this device for the student the code belongs to. */
export const POST = apiRoute(async (request, context) => {
  const input = await readJsonBody(request, resumeSchema);
  const client = clientAddress(request);
  await refuseAfterFailures(context.storage, policies.codeFailuresPerClient, client, context.now);
  const { student, classRecord } = await resumeStudent(context.storage, input).catch(
    async (error: unknown) => {
      if (error instanceof ApiError && CODE_FAILURES.has(error.code)) {
        await countFailure(context.storage, policies.codeFailuresPerClient, client, context.now);
      }
      throw error;
    },
  );
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
