import type { DraftResponse, PublicQuestion } from '@coursekit/quiz-engine';

export type { DraftResponse } from '@coursekit/quiz-engine';
// From the browser helpers' entry: the pages that use these load no schemas, grading or GIFT code.
export { countWords, initialResponse, moveItem } from '@coursekit/quiz-engine/client';

/** True when the learner has given an answer worth sending (an ordering list, shown full, always is one). */
export function isAnswered(_question: PublicQuestion, response: DraftResponse): boolean {
  if (response === undefined) return false;
  if (typeof response === 'boolean') return true;
  if (typeof response === 'string') return response.trim() !== '';
  if (Array.isArray(response)) return response.length > 0;
  return Object.values(response).some((value) => value.trim() !== '');
}

/** The responses to send: unanswered questions and empty fields left out, so they count as unanswered. */
export function responsesToSend(
  questions: readonly PublicQuestion[],
  drafts: Readonly<Record<string, DraftResponse>>,
): Record<string, unknown> {
  const responses: Record<string, unknown> = {};
  for (const question of questions) {
    const draft = drafts[question.id];
    if (!isAnswered(question, draft)) continue;
    if (draft !== null && typeof draft === 'object' && !Array.isArray(draft)) {
      responses[question.id] = Object.fromEntries(
        Object.entries(draft).filter(([, value]) => value.trim() !== ''),
      );
    } else {
      responses[question.id] = draft;
    }
  }
  return responses;
}
