import { NextResponse } from 'next/server';
import { z } from 'zod';
import { readJsonBody } from '@/lib/server/body';
import { LEARNER_COOKIE, setSessionCookie } from '@/lib/server/cookies';
import { loadCourseOutline } from '@/lib/server/course';
import { ApiError, notFound } from '@/lib/server/errors';
import { apiRoute, methodNotAllowed } from '@/lib/server/route';
import { issueAnonymousSession, readLearner } from '@/lib/server/sessions';

const completionSchema = z.strictObject({
  lessonId: z.string('Give the id of the lesson you completed.').max(100),
});

/** Records `{ lessonId }` as completed by this learner: 201 the first time, 200 after. */
export const POST = apiRoute(async (request, context) => {
  const lookup = await readLearner(request, context);
  if (lookup.status === 'invalid') {
    throw new ApiError(
      401,
      'session-invalid',
      'Your session is not valid here. Reload the page and try again.',
    );
  }
  const { lessonId } = await readJsonBody(request, completionSchema);
  const outline = await loadCourseOutline();
  if (!outline.lessons.some((lesson) => lesson.id === lessonId)) {
    throw notFound('unknown-lesson', `There is no lesson with id '${lessonId.slice(0, 60)}' in this course.`);
  }
  const session = lookup.status === 'ok' ? undefined : issueAnonymousSession(context);
  const learner = lookup.status === 'ok' ? lookup.learner : (session as NonNullable<typeof session>).learner;
  const { completion, created } = await context.storage.recordCompletion({
    learnerId: learner.id,
    studentId: learner.kind === 'student' ? learner.id : null,
    classId: learner.kind === 'student' ? learner.classId : null,
    lessonId,
    completedAt: context.now,
  });
  const response = NextResponse.json(
    { completion: { lessonId, completedAt: new Date(completion.completedAt).toISOString() } },
    { status: created ? 201 : 200 },
  );
  if (session) setSessionCookie(response, request, LEARNER_COOKIE, session.token, session.maxAgeSeconds);
  return response;
});

const otherMethods = methodNotAllowed('POST');

export { otherMethods as GET, otherMethods as PUT, otherMethods as PATCH, otherMethods as DELETE };
