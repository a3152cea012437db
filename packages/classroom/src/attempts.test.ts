import type { PublicQuestion, PublicQuiz, Quiz } from '@coursekit/quiz-engine';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type AttemptContext,
  type CheckRequest,
  checkQuestion,
  quizForLearner,
  type Submission,
  submitAttempt,
} from './attempts';
import { ApiError } from './errors';
import { findQuiz } from './quizzes';
import type { SqliteStore } from './storage/sqlite';
import type { Learner } from './storage/types';
import { fixtureCourseDir, memoryStore } from './testing';

let store: SqliteStore;
let context: AttemptContext;
const ada: Learner = { kind: 'student', id: 'stu_ada', classId: 'cls_1' };
const ben: Learner = { kind: 'student', id: 'stu_ben', classId: 'cls_1' };

async function quiz(id: string): Promise<Quiz> {
  const found = await findQuiz(id, fixtureCourseDir);
  if (!found) throw new Error(`fixture quiz ${id} missing`);
  return found;
}

function question(publicQuiz: PublicQuiz, id: string): PublicQuestion {
  const found = publicQuiz.questions.find((q) => q.id === id);
  if (!found) throw new Error(`question ${id} not shown`);
  return found;
}

function choiceId(publicQuiz: PublicQuiz, questionId: string, text: string): string {
  const shown = question(publicQuiz, questionId);
  if (!('choices' in shown)) throw new Error(`${questionId} has no choices`);
  const choice = shown.choices.find((c) => c.text === text);
  if (!choice) throw new Error(`no choice '${text}'`);
  return choice.id;
}

async function rejection(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(error)}`);
  return error;
}

beforeEach(async () => {
  store = memoryStore();
  await store.classes.create({ id: 'cls_1', name: 'P3', joinCode: 'ABCDEF', createdAt: 0 });
  for (const [id, name] of [
    ['stu_ada', 'Ada'],
    ['stu_ben', 'Ben'],
  ] as const) {
    await store.classes.createStudent({
      id,
      classId: 'cls_1',
      displayName: name,
      nameKey: name.toLowerCase(),
      resumeCodeHash: `h-${id}`,
      createdAt: 0,
    });
  }
  context = { store, secret: 'x'.repeat(40), now: 1_000 };
});

afterEach(() => store.close());

describe('quizForLearner', () => {
  it('shows the public form only, the same layout for the same learner, another for another learner', async () => {
    const summits = await quiz('summits-and-workers');
    const first = await quizForLearner(context, ada, summits);
    const again = await quizForLearner(context, ada, summits);
    const other = await quizForLearner(context, ben, summits);
    const text = JSON.stringify(first);
    expect(text).not.toContain('correct');
    expect(text).not.toContain('"accept');
    expect(text).not.toContain('"answer"');
    expect(text).not.toContain('Yes, in Vladivostok');
    expect(again.quiz).toEqual(first.quiz);
    expect(choiceId(other.quiz, 'summit-city', 'Vladivostok')).not.toBe(
      choiceId(first.quiz, 'summit-city', 'Vladivostok'),
    );
    expect(first.attempt).toEqual({ number: 1, maxAttempts: 2, remaining: 2, questions: {} });
    expect(first.best).toBeNull();
  });
});

describe('submitAttempt', () => {
  async function correctSubmission(learner: Learner, key: string): Promise<Submission> {
    const view = await quizForLearner(context, learner, await quiz('summits-and-workers'));
    return {
      quizId: 'summits-and-workers',
      idempotencyKey: key,
      responses: {
        'summit-city': choiceId(view.quiz, 'summit-city', 'Vladivostok'),
        'resolution-number': 'Resolution 2397',
        'veto-2022': true,
        'deadline-months': '24',
      },
    };
  }

  it('grades with the seed of the learner’s attempt and stores the attempt', async () => {
    const summits = await quiz('summits-and-workers');
    const submitted = await submitAttempt(
      context,
      ada,
      summits,
      await correctSubmission(ada, 'key-ada-0001'),
    );
    expect(submitted.replayed).toBe(false);
    expect(submitted.attempt).toMatchObject({
      number: 1,
      percentage: 100,
      passed: true,
      score: 4,
      maxScore: 4,
    });
    expect(submitted.result.questions.find((q) => q.id === 'summit-city')?.feedback).toEqual([
      expect.objectContaining({ text: 'Yes, in Vladivostok.' }),
    ]);
    const view = await quizForLearner(context, ada, summits);
    expect(view.attempt?.number).toBe(2);
    expect(view.best).toEqual({ percentage: 100, passed: true });
  });

  it('does not accept another learner’s choice ids as correct answers', async () => {
    const summits = await quiz('summits-and-workers');
    const adasAnswers = await correctSubmission(ada, 'key-ben-0001');
    const error = await rejection(submitAttempt(context, ben, summits, adasAnswers));
    expect(error.status).toBe(400);
    expect(error.code).toBe('invalid-responses');
    expect(error.issues?.[0]?.path).toBe('responses.summit-city');
    expect(await store.attempts.count('stu_ben', 'summits-and-workers')).toBe(0);
  });

  it('returns the stored attempt for a replay and refuses the key for different answers', async () => {
    const summits = await quiz('summits-and-workers');
    const submission = await correctSubmission(ada, 'key-ada-0002');
    const first = await submitAttempt(context, ada, summits, submission);
    const replay = await submitAttempt({ ...context, now: 5_000 }, ada, summits, submission);
    expect(replay).toEqual({ ...first, replayed: true });
    const changed = { ...submission, responses: { ...submission.responses, 'veto-2022': false } };
    const error = await rejection(submitAttempt(context, ada, summits, changed));
    expect([error.status, error.code]).toEqual([409, 'idempotency-key-reused']);
    expect(await store.attempts.count('stu_ada', 'summits-and-workers')).toBe(1);
  });

  it('enforces maxAttempts on the server', async () => {
    const summits = await quiz('summits-and-workers');
    await submitAttempt(context, ada, summits, {
      quizId: summits.id,
      idempotencyKey: 'key-000001',
      responses: {},
    });
    await submitAttempt(context, ada, summits, {
      quizId: summits.id,
      idempotencyKey: 'key-000002',
      responses: {},
    });
    const error = await rejection(
      submitAttempt(context, ada, summits, {
        quizId: summits.id,
        idempotencyKey: 'key-000003',
        responses: {},
      }),
    );
    expect([error.status, error.code]).toEqual([409, 'no-attempts-left']);
    expect(error.message).toMatch(/all 2 of the 2 attempts/);
    const view = await quizForLearner(context, ada, summits);
    expect(view.attempt).toBeNull();
    expect(view.attemptsUsed).toBe(2);
  });

  it('refuses answers to an attempt that is no longer the current one', async () => {
    const summits = await quiz('summits-and-workers');
    await submitAttempt(context, ada, summits, {
      quizId: summits.id,
      idempotencyKey: 'key-000001',
      responses: {},
    });
    const error = await rejection(
      submitAttempt(context, ada, summits, {
        quizId: summits.id,
        idempotencyKey: 'key-000002',
        responses: {},
        attemptNumber: 1,
      }),
    );
    expect([error.status, error.code]).toEqual([409, 'attempt-changed']);
  });

  it('reports each malformed answer with its question and stores nothing', async () => {
    const summits = await quiz('summits-and-workers');
    const error = await rejection(
      submitAttempt(context, ada, summits, {
        quizId: summits.id,
        idempotencyKey: 'key-000001',
        responses: { 'deadline-months': 'two dozen', 'veto-2022': 'yes', 'no-such-question': 1 },
      }),
    );
    expect(error.status).toBe(400);
    expect(error.issues?.map((i) => i.path).sort()).toEqual([
      'responses',
      'responses.deadline-months',
      'responses.veto-2022',
    ]);
    expect(await store.attempts.count('stu_ada', 'summits-and-workers')).toBe(0);
  });
});

describe('checkQuestion (interactive: 2 tries, 50% penalty)', () => {
  it('reveals a hint after a failed try, applies the penalty, and keeps the finished score at submission', async () => {
    const treaties = await quiz('treaty-years');
    const view = await quizForLearner(context, ada, treaties);
    const wrong = choiceId(view.quiz, 'first-treaty', '1996');
    const right = choiceId(view.quiz, 'first-treaty', '1961');
    const check = (response: CheckRequest['response'], questionId = 'first-treaty') =>
      checkQuestion(context, ada, treaties, { quizId: treaties.id, questionId, response });

    const failed = await check(wrong);
    expect(failed).toMatchObject({ finished: false, triesLeft: 1, repeated: false, attemptNumber: 1 });
    expect(failed.hints).toEqual([
      'It was signed on 6 July, more than three decades before the treaty lapsed in 1996.',
    ]);
    expect(failed.result.correctAnswer).toBeUndefined();

    // The same wrong answer again is not a new try.
    expect(await check(wrong)).toMatchObject({ triesLeft: 1, repeated: true });

    const passed = await check(right);
    expect(passed).toMatchObject({ finished: true, triesLeft: 0, result: { score: 0.5 } });
    // Sending the last checked answer again (a retried request) gets the same outcome; a change is refused.
    expect(await check(right)).toMatchObject({ repeated: true, finished: true, result: { score: 0.5 } });
    const error = await rejection(check(wrong));
    expect([error.status, error.code]).toEqual([409, 'no-tries-left']);

    const reloaded = await quizForLearner(context, ada, treaties);
    expect(reloaded.attempt?.questions['first-treaty']).toMatchObject({
      finished: true,
      checks: 2,
      response: right,
    });

    const submitted = await submitAttempt(context, ada, treaties, {
      quizId: treaties.id,
      idempotencyKey: 'key-treaty-1',
      responses: { 'first-treaty': right, 'putin-visit': 2000 },
    });
    expect(submitted.result.questions.map((q) => [q.id, q.score])).toEqual([
      ['first-treaty', 0.5],
      ['putin-visit', 1],
    ]);
    expect((await quizForLearner(context, ada, treaties)).attempt).toMatchObject({
      number: 2,
      questions: {},
    });
  });

  it('finishes a question with no credit when the tries run out', async () => {
    const treaties = await quiz('treaty-years');
    const check = (response: CheckRequest['response']) =>
      checkQuestion(context, ada, treaties, { quizId: treaties.id, questionId: 'putin-visit', response });
    await check(1999);
    expect(await check(2001)).toMatchObject({ finished: true, triesLeft: 0, result: { score: 0 } });
    const error = await rejection(check(2000));
    expect([error.status, error.code]).toEqual([409, 'no-tries-left']);
  });

  it('refuses a malformed response without using a try', async () => {
    const treaties = await quiz('treaty-years');
    const error = await rejection(
      checkQuestion(context, ada, treaties, {
        quizId: treaties.id,
        questionId: 'putin-visit',
        response: 'soon',
      }),
    );
    expect([error.status, error.code]).toEqual([400, 'invalid-response']);
    expect(await store.attempts.getOpen('stu_ada', 'treaty-years')).toBeUndefined();
  });
});

describe('checkQuestion (other behaviours)', () => {
  it('checks an immediate question once', async () => {
    const votes = await quiz('un-votes');
    const check = () =>
      checkQuestion(context, ada, votes, { quizId: votes.id, questionId: 'dprk-vote', response: false });
    expect(await check()).toMatchObject({ finished: true, result: { score: 0 } });
    expect(await check()).toMatchObject({ repeated: true });
    const error = await rejection(
      checkQuestion(context, ada, votes, { quizId: votes.id, questionId: 'dprk-vote', response: true }),
    );
    expect(error.code).toBe('question-finished');
  });

  it('refuses checks on a deferred quiz', async () => {
    const summits = await quiz('summits-and-workers');
    const error = await rejection(
      checkQuestion(context, ada, summits, { quizId: summits.id, questionId: 'veto-2022', response: true }),
    );
    expect([error.status, error.code]).toEqual([409, 'check-not-available']);
  });
});
