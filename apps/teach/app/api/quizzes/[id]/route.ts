import { NextResponse } from 'next/server';
import { quizForLearner } from '@/lib/server/attempts';
import { LEARNER_COOKIE, setSessionCookie } from '@/lib/server/cookies';
import { notFound } from '@/lib/server/errors';
import { findQuiz } from '@/lib/server/quizzes';
import { apiRoute, methodNotAllowed } from '@/lib/server/route';
import { issueAnonymousSession, readLearner } from '@/lib/server/sessions';

export const dynamic = 'force-dynamic';

/**
 * The public form of a quiz for this learner's current attempt (seeded per learner and attempt), with
 * progress kept on the server. A browser without a valid learner session gets an anonymous one.
 */
export const GET = apiRoute<{ id: string }>(async (request, context) => {
  const quiz = await findQuiz(context.params.id);
  if (!quiz) throw notFound('unknown-quiz', `There is no quiz with id '${context.params.id.slice(0, 60)}'.`);
  const lookup = await readLearner(request, context);
  const session = lookup.status === 'ok' ? undefined : issueAnonymousSession(context);
  const learner = lookup.status === 'ok' ? lookup.learner : (session as NonNullable<typeof session>).learner;
  const view = await quizForLearner(context, learner, quiz);
  const response = NextResponse.json({
    learner:
      lookup.status === 'ok' && lookup.student
        ? { kind: 'student', displayName: lookup.student.displayName }
        : { kind: 'anonymous' },
    ...view,
  });
  if (session) setSessionCookie(response, request, LEARNER_COOKIE, session.token, session.maxAgeSeconds);
  return response;
});

const otherMethods = methodNotAllowed('GET');

export { otherMethods as POST, otherMethods as PUT, otherMethods as PATCH, otherMethods as DELETE };
