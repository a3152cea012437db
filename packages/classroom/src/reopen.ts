// Re-opening a submitted attempt for one student: the attempt's answers become the draft of the student's
// next attempt (granting one when none is left), so the student continues where they stopped. The
// submitted attempt stays as it was (scores, marks, audit trail); the re-opening is kept in the audit too.
import { randomBytes } from 'node:crypto';
import { type AttemptStep, attemptSeed, type Quiz, validateResponses } from '@coursekit/quiz-engine';
import { z } from 'zod';
import { learnerSeed, publicQuizFor } from './attempts';
import { readJsonBody } from './body';
import { loadCourseOutline } from './course';
import { saveDraft } from './drafts';
import { ApiError } from './errors';
import type { Handler } from './handlers';
import { quizPolicy } from './quiz-policy';
import type { AttemptReopenRecord, Learner } from './storage/types';
import { findClassOr404 } from './teacher';
import { requireTeacherAccount, teacherIdOf } from './teacher-accounts';
import type { AttemptReopenView } from './teacher-views';
import { attemptOfClass, quizOfCourse, studentOfClass } from './teaching-handlers';

const reopenSchema = z.strictObject({
  reason: z
    .string('Give the reason as text.')
    .transform((reason) => reason.trim())
    .pipe(z.string().max(500, 'Use at most 500 characters for the reason.'))
    .optional(),
});

/** The last answer the steps give each question (what the student had when they submitted). */
export function lastAnswers(steps: readonly AttemptStep[]): Record<string, unknown> {
  const answers: Record<string, unknown> = {};
  for (const step of steps) if (step.action === 'answer') answers[step.questionId] = step.response;
  return answers;
}

type Json = unknown;
const isObject = (value: Json): value is Record<string, Json> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);
const hasId = (value: Json): value is Record<string, Json> & { id: string } =>
  isObject(value) && typeof value.id === 'string';
/** What an item stands for without any opaque id in it (texts are unique within a list), in any order. */
function withoutIds(value: Json): Json {
  if (Array.isArray(value)) {
    const items = value.map(withoutIds);
    return value.every(hasId) ? items.map((item) => JSON.stringify(item)).sort() : items;
  }
  if (isObject(value)) {
    return Object.fromEntries(
      Object.entries(value).flatMap(([k, v]) => (k === 'id' ? [] : [[k, withoutIds(v)]])),
    );
  }
  return value;
}
const itemKey = (item: Record<string, Json>) => JSON.stringify(withoutIds(item));

/**
 * Pairs the opaque ids two layouts of one question give the same items: choices, ordering items, matching
 * prompts and answers are shown under ids that depend on the attempt's seed, so an answer given in one
 * attempt names other ids in the next. Lists of items with ids are paired by what each item shows.
 */
export function pairOpaqueIds(from: Json, to: Json, pairs = new Map<string, string>()): Map<string, string> {
  if (Array.isArray(from) && Array.isArray(to)) {
    if (from.length > 0 && from.every(hasId) && to.every(hasId)) {
      const byKey = new Map(to.map((item) => [itemKey(item), item]));
      for (const item of from) {
        const match = byKey.get(itemKey(item));
        if (match) {
          pairs.set(item.id, match.id);
          pairOpaqueIds(item, match, pairs);
        }
      }
    } else {
      for (const [index, item] of from.entries()) pairOpaqueIds(item, to[index], pairs);
    }
  } else if (isObject(from) && isObject(to)) {
    for (const [key, value] of Object.entries(from)) if (key !== 'id') pairOpaqueIds(value, to[key], pairs);
  }
  return pairs;
}

/** A response with every opaque id (as a value, an array item or an object key) renamed by `pairs`. */
export function renameIds(response: Json, pairs: ReadonlyMap<string, string>): Json {
  if (typeof response === 'string') return pairs.get(response) ?? response;
  if (Array.isArray(response)) return response.map((item) => renameIds(item, pairs));
  if (isObject(response)) {
    return Object.fromEntries(
      Object.entries(response).map(([key, value]) => [pairs.get(key) ?? key, renameIds(value, pairs)]),
    );
  }
  return response;
}

export function reopenView(
  record: AttemptReopenRecord,
  names: ReadonlyMap<string, string> = new Map(),
): AttemptReopenView {
  return {
    id: record.id,
    attemptId: record.attemptId,
    studentId: record.studentId,
    quizId: record.quizId,
    draftAttemptNumber: record.draftAttemptNumber,
    extraAttempts: record.extraAttempts,
    reason: record.reason,
    teacher: record.teacher,
    teacherName: names.get(record.teacher) ?? null,
    at: new Date(record.createdAt).toISOString(),
  };
}

/**
 * `POST /api/classes/:id/attempts/:attemptId/reopen`, `{ reason? }` → 201: the attempt's answers are the
 * draft of the student's next attempt (one attempt granted when none is left). 409 `attempt-in-progress`
 * when the student already has a draft or checked answers in that attempt (nothing is overwritten).
 */
export const postReopenAttempt: Handler = async (request, context) => {
  const { session } = await requireTeacherAccount(request, context);
  const classRecord = await findClassOr404(context.store, context.params.id ?? '');
  const body = await readJsonBody(request, reopenSchema);
  const attempt = await attemptOfClass(context.store, classRecord, context.params.attemptId ?? '');
  const student = await studentOfClass(context.store, classRecord, attempt.studentId ?? '');
  const quiz: Quiz = await quizOfCourse(context.courseDir, attempt.quizId);
  const learner: Learner = { kind: 'student', id: student.id, classId: classRecord.id };
  const outline = await loadCourseOutline(context.courseDir);
  const open = await context.store.attempts.getOpen(student.id, quiz.id);
  if (open && open.steps.length > 0) {
    throw new ApiError(
      409,
      'attempt-in-progress',
      `${student.displayName} has attempt ${open.attemptNumber} in progress already; nothing was changed. ` +
        'Re-open an attempt once they have submitted it, or let them continue.',
    );
  }
  const used = await context.store.attempts.count(student.id, quiz.id);
  let policy = await quizPolicy(context.store, learner, quiz, outline);
  const remaining = policy.maxAttempts === undefined ? Number.POSITIVE_INFINITY : policy.maxAttempts - used;
  const grant = remaining >= 1 ? 0 : 1 - remaining;
  // The answers, laid out again for the next attempt: only questions it shows (pools may draw others), with
  // the opaque ids of its layout; an answer that still does not fit is left for the student to give again.
  const seed = learnerSeed(context.secret, student.id, quiz.id);
  const nextSeed = attemptSeed(seed, used + 1);
  const before = new Map(
    publicQuizFor(quiz, attemptSeed(attempt.seed, attempt.attemptNumber)).questions.map((q) => [q.id, q]),
  );
  const after = new Map(publicQuizFor(quiz, nextSeed).questions.map((q) => [q.id, q]));
  const responses: Record<string, unknown> = {};
  const notRestored: string[] = [];
  for (const [questionId, response] of Object.entries(lastAnswers(attempt.steps))) {
    const shownBefore = before.get(questionId);
    const shownAfter = after.get(questionId);
    const renamed =
      shownBefore && shownAfter ? renameIds(response, pairOpaqueIds(shownBefore, shownAfter)) : undefined;
    if (renamed !== undefined && validateResponses(quiz, { [questionId]: renamed }, { seed: nextSeed }).ok) {
      responses[questionId] = renamed;
    } else {
      notRestored.push(questionId);
    }
  }
  if (grant > 0) {
    await context.store.quizSettings.grantAttempts({
      classId: classRecord.id,
      studentId: student.id,
      quizId: quiz.id,
      extraAttempts: grant,
      now: context.now,
    });
    policy = await quizPolicy(context.store, learner, quiz, outline);
  }
  const draft = await saveDraft(context, learner, quiz, { quizId: quiz.id, responses }, policy);
  const record: AttemptReopenRecord = {
    id: `rop_${randomBytes(12).toString('base64url')}`,
    attemptId: attempt.id,
    classId: classRecord.id,
    studentId: student.id,
    quizId: quiz.id,
    draftAttemptNumber: draft.attemptNumber,
    extraAttempts: grant,
    reason: body.reason ? body.reason : null,
    teacher: teacherIdOf(session),
    createdAt: context.now,
  };
  await context.store.marking.recordReopen(record);
  return Response.json(
    {
      reopen: reopenView(record),
      draft: { attemptNumber: draft.attemptNumber, restored: draft.saved, notRestored },
      attemptsUsed: used,
      maxAttempts: policy.maxAttempts ?? null,
    },
    { status: 201 },
  );
};
