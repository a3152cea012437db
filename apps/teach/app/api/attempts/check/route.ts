import { NextResponse } from 'next/server';
import { checkQuestion, checkSchema } from '@/lib/server/attempts';
import { readJsonBody } from '@/lib/server/body';
import { notFound } from '@/lib/server/errors';
import { findQuiz } from '@/lib/server/quizzes';
import { apiRoute, methodNotAllowed } from '@/lib/server/route';
import { requireLearner } from '@/lib/server/sessions';

const CHECK_LIMIT_BYTES = 64 * 1024;

/** Checks one question `{ quizId, questionId, response }` of an immediate or interactive quiz. */
export const POST = apiRoute(async (request, context) => {
  const { learner } = await requireLearner(request, context);
  const body = await readJsonBody(request, checkSchema, { limitBytes: CHECK_LIMIT_BYTES });
  const quiz = await findQuiz(body.quizId);
  if (!quiz) throw notFound('unknown-quiz', `There is no quiz with id '${body.quizId.slice(0, 60)}'.`);
  return NextResponse.json(await checkQuestion(context, learner, quiz, body));
});

const otherMethods = methodNotAllowed('POST');

export { otherMethods as GET, otherMethods as PUT, otherMethods as PATCH, otherMethods as DELETE };
