import { NextResponse } from 'next/server';
import { learnerProgress } from '@/lib/server/progress';
import { apiRoute, methodNotAllowed } from '@/lib/server/route';
import { readLearner } from '@/lib/server/sessions';

export const dynamic = 'force-dynamic';

/** This learner's own attempts and completions (`learner: null` without a session). */
export const GET = apiRoute(async (request, context) => {
  return NextResponse.json(await learnerProgress(context.storage, await readLearner(request, context)));
});

const otherMethods = methodNotAllowed('GET');

export { otherMethods as POST, otherMethods as PUT, otherMethods as PATCH, otherMethods as DELETE };
