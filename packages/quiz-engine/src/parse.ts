import type { z } from 'zod';
import { type QuizIssue, QuizValidationError } from './errors.js';
import {
  DEFAULT_INTERACTIVE_PENALTY,
  DEFAULT_INTERACTIVE_TRIES,
  DEFAULT_PASS_MARK,
  type Quiz,
  type QuizEntry,
  quizSchema,
} from './quiz.js';
import { isPlainRecord } from './types/common.js';
import { normaliseQuestion } from './types/registry.js';

const EXPECTED_NAMES: Record<string, string> = {
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping of keys to values',
};

/** Plain-language messages for the zod issues that our schemas do not word themselves. */
function issueMessage(issue: z.core.$ZodRawIssue): string | undefined {
  if (issue.code === 'invalid_type') {
    if (issue.input === undefined) return 'is required';
    return `must be ${EXPECTED_NAMES[issue.expected] ?? issue.expected}`;
  }
  return undefined;
}

function toQuizIssues(issues: readonly z.core.$ZodIssue[]): QuizIssue[] {
  return issues.flatMap((issue): QuizIssue[] => {
    const path = issue.path.map((part) => (typeof part === 'symbol' ? String(part) : part));
    switch (issue.code) {
      case 'unrecognized_keys':
        return issue.keys.map((key) => ({
          path: [...path, key],
          message: `unknown key '${key}' (keys are case-sensitive; check the spelling against the quiz format)`,
          target: 'key' as const,
        }));
      case 'invalid_union':
        if ('discriminator' in issue) {
          const options = (issue as { options?: unknown[] }).options ?? [];
          return [{ path, message: `must be one of: ${options.join(', ')}` }];
        }
        return [{ path, message: issue.message }];
      case 'invalid_key':
        return [
          { path, message: `is not a valid key: ${issue.issues.map((inner) => inner.message).join('; ')}` },
        ];
      default:
        return [{ path, message: issue.message }];
    }
  });
}

/** Question ids must be unique across the quiz, pools included; checked on the raw data so that it is always reported. */
function duplicateIdIssues(data: unknown): QuizIssue[] {
  if (!isPlainRecord(data) || !Array.isArray(data.questions)) return [];
  const seen = new Map<string, string>();
  const issues: QuizIssue[] = [];
  const visit = (entry: unknown, path: (string | number)[]) => {
    if (!isPlainRecord(entry) || typeof entry.id !== 'string') return;
    const where = path.map(String).join('.');
    const first = seen.get(entry.id);
    if (first === undefined) seen.set(entry.id, where);
    else
      issues.push({
        path: [...path, 'id'],
        message: `duplicate id '${entry.id}' (already used at ${first})`,
      });
  };
  data.questions.forEach((entry, index) => {
    visit(entry, ['questions', index]);
    if (isPlainRecord(entry) && entry.type === 'pool' && Array.isArray(entry.questions)) {
      entry.questions.forEach((inner, innerIndex) => {
        visit(inner, ['questions', index, 'questions', innerIndex]);
      });
    }
  });
  return issues;
}

/**
 * Validates authored quiz data (parsed YAML or JSON) and returns a `Quiz` with defaults applied and
 * choice ids derived. Throws `QuizValidationError` listing every problem with its path; never half-parses.
 */
export function parseQuiz(data: unknown): Quiz {
  const result = quizSchema.safeParse(data, { error: issueMessage });
  const issues = [...(result.success ? [] : toQuizIssues(result.error.issues)), ...duplicateIdIssues(data)];
  if (!result.success || issues.length > 0) {
    const id = isPlainRecord(data) && typeof data.id === 'string' ? `quiz '${data.id}'` : 'quiz';
    throw new QuizValidationError(issues, id);
  }
  const authored = result.data;
  const behaviour = authored.behaviour ?? 'deferred';
  const quiz: Quiz = {
    id: authored.id,
    title: authored.title,
    behaviour,
    tries: behaviour === 'interactive' ? (authored.tries ?? DEFAULT_INTERACTIVE_TRIES) : 1,
    penalty: behaviour === 'interactive' ? (authored.penalty ?? DEFAULT_INTERACTIVE_PENALTY) : 0,
    passMark: authored.passMark ?? DEFAULT_PASS_MARK,
    shuffleQuestions: authored.shuffleQuestions ?? false,
    shuffleChoices: authored.shuffleChoices ?? true,
    questions: authored.questions.map(
      (entry): QuizEntry =>
        entry.type === 'pool'
          ? {
              type: 'pool',
              id: entry.id,
              draw: entry.draw,
              questions: entry.questions.map(normaliseQuestion),
            }
          : normaliseQuestion(entry),
    ),
  };
  if (authored.maxAttempts !== undefined) quiz.maxAttempts = authored.maxAttempts;
  return quiz;
}
