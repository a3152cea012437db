import { NextResponse } from 'next/server';
import { submissionSchema, submitAttempt } from '@/lib/server/attempts';
import { readJsonBody } from '@/lib/server/body';
import { notFound } from '@/lib/server/errors';
import { findQuiz } from '@/lib/server/quizzes';
import { apiRoute, methodNotAllowed } from '@/lib/server/route';
import { requireLearner } from '@/lib/server/sessions';

/** Essays may be long (up to 50,000 characters each), so submissions get a larger cap than other bodies. */
const SUBMISSION_LIMIT_BYTES = 256 * 1024;

/**
 * Grades and stores a submission `{ quizId, responses, idempotencyKey, attemptNumber? }`: 201 with the
 * attempt and its result, durable before the response; 200 with the same for a replayed key.
 */
export const POST = apiRoute(async (request, context) => {
  const { learner } = await requireLearner(request, context);
  const submission = await readJsonBody(request, submissionSchema, { limitBytes: SUBMISSION_LIMIT_BYTES });
  const quiz = await findQuiz(submission.quizId);
  if (!quiz) throw notFound('unknown-quiz', `There is no quiz with id '${submission.quizId.slice(0, 60)}'.`);
  const submitted = await submitAttempt(context, learner, quiz, submission);
  return NextResponse.json(submitted, { status: submitted.replayed ? 200 : 201 });
});

const otherMethods = methodNotAllowed('POST');

export { otherMethods as GET, otherMethods as PUT, otherMethods as PATCH, otherMethods as DELETE };
