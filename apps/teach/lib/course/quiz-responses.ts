import type { PublicQuestion } from '@coursekit/quiz-engine';

/** What a learner has entered for one question, in the shape `@coursekit/quiz-engine` grades. */
export type DraftResponse = string | boolean | string[] | Record<string, string> | undefined;

/** The starting value of each control: ordering lists start in the order shown, the rest empty. */
export function initialResponse(question: PublicQuestion): DraftResponse {
  switch (question.type) {
    case 'multiple':
      return [];
    case 'ordering':
      return question.items.map((item) => item.id);
    case 'matching':
    case 'categorise':
    case 'cloze':
      return {};
    default:
      return undefined;
  }
}

/** True when the learner has given an answer worth sending (an ordering list always is one). */
export function isAnswered(question: PublicQuestion, response: DraftResponse): boolean {
  if (response === undefined) return false;
  if (typeof response === 'boolean') return true;
  if (typeof response === 'string') return response.trim() !== '';
  if (Array.isArray(response)) return question.type === 'ordering' || response.length > 0;
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

/** A copy of `list` with the item at `from` moved to `to` (both clamped to the list). */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  const next = [...list];
  if (from < 0 || from >= next.length) return next;
  const target = Math.max(0, Math.min(next.length - 1, to));
  const [item] = next.splice(from, 1);
  next.splice(target, 0, item as T);
  return next;
}

/** Words as a teacher would count them: runs of letters or digits, apostrophes and hyphens inside. */
export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}
