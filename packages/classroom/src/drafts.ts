// Drafts: what a student has typed so far, saved on the server as answer steps of the open attempt (the
// same record checks use), so a reload or another device restores it. Nothing is graded until the
// attempt is submitted; a submission grades what it sends (the page holds the restored draft), so an
// answer the student cleared is not graded from the draft.
import { type AttemptStep, answer, type Quiz, validateResponses } from '@coursekit/quiz-engine';
import { z } from 'zod';
import { type AttemptContext, type AttemptLimits, attemptError, attemptState, learnerSeed } from './attempts';
import { ApiError, type ApiIssue } from './errors';
import type { Learner } from './storage/types';

export const draftSchema = z.strictObject({
  quizId: z.string().min(1, 'Give the id of the quiz.').max(100),
  attemptNumber: z.int().positive().max(1000).optional(),
  responses: z.record(
    z.string().max(100),
    z.unknown(),
    'Send responses as an object of question id → answer.',
  ),
});
export type DraftRequest = z.infer<typeof draftSchema>;

/** Keys sorted at every level, so that equal responses compare equal. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
      a < b ? -1 : a > b ? 1 : 0,
    );
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${stableJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * Drops answer steps that a later answer to the same question replaces before any check of it, so a
 * draft saved every few seconds does not grow the record; replaying the rest gives the same state.
 */
export function compactSteps(steps: readonly AttemptStep[]): AttemptStep[] {
  const keep = steps.map(() => true);
  const lastAnswer = new Map<string, number>();
  steps.forEach((step, index) => {
    if (step.action === 'answer') {
      const earlier = lastAnswer.get(step.questionId);
      if (earlier !== undefined) keep[earlier] = false;
      lastAnswer.set(step.questionId, index);
    } else if (step.action === 'check') {
      lastAnswer.delete(step.questionId);
    }
  });
  return steps.filter((_, index) => keep[index]);
}

export interface SavedDraft {
  quizId: string;
  attemptNumber: number;
  /** Questions whose draft changed with this save. */
  saved: string[];
  savedAt: string;
}

/**
 * Saves the responses as the draft of the learner's current attempt. Questions finished by checks keep
 * their checked answer; an unchanged response is not stored again. A stale `attemptNumber` is a 409.
 */
export async function saveDraft(
  context: AttemptContext,
  learner: Learner,
  quiz: Quiz,
  draft: DraftRequest,
  limits: AttemptLimits,
): Promise<SavedDraft> {
  const seed = learnerSeed(context.secret, learner.id, quiz.id);
  const outcome = await context.store.attempts.updateOpen({
    learner,
    quizId: quiz.id,
    maxAttempts: limits.maxAttempts,
    now: context.now,
    update: ({ attemptNumber, open }) => {
      if (draft.attemptNumber !== undefined && draft.attemptNumber !== attemptNumber) {
        throw new ApiError(
          409,
          'attempt-changed',
          `This draft is for attempt ${draft.attemptNumber}, but attempt ${attemptNumber} is the current one ` +
            '(the quiz was submitted elsewhere). Reload the quiz; nothing was saved.',
        );
      }
      let state = attemptState(quiz, seed, attemptNumber, open);
      const validation = validateResponses(quiz, draft.responses, { seed: state.seed });
      if (!validation.ok) {
        const issues: ApiIssue[] = validation.issues.map((issue) => ({
          path: issue.questionId ? `responses.${issue.questionId}` : 'responses',
          message: issue.message,
        }));
        const [first] = issues;
        throw new ApiError(
          400,
          'invalid-responses',
          `Some answers cannot be read${first ? ` (${first.path}: ${first.message})` : ''}. The draft was not saved.`,
          { issues },
        );
      }
      const saved: string[] = [];
      for (const [questionId, response] of Object.entries(validation.responses)) {
        const question = state.questions[questionId];
        if (question?.finished) continue;
        if (question && 'response' in question && stableJson(question.response) === stableJson(response))
          continue;
        const next = answer(state, questionId, response);
        if (!next.ok) throw attemptError(next.error);
        state = next.state;
        saved.push(questionId);
      }
      return {
        seed: open?.seed ?? seed,
        steps: saved.length > 0 ? compactSteps(state.steps) : null,
        value: saved,
      };
    },
  });
  if (outcome.status === 'max-attempts') {
    throw new ApiError(
      409,
      'no-attempts-left',
      `You have used all ${outcome.used} attempts this quiz allows, so there is no attempt to save a draft for.`,
    );
  }
  return {
    quizId: quiz.id,
    attemptNumber: outcome.attemptNumber,
    saved: outcome.value,
    savedAt: new Date(context.now).toISOString(),
  };
}
