// One suite of storage guarantees, run against every engine (sqlite.test.ts, postgres.test.ts): what each
// repository promises in types.ts, including under concurrency from two stores on one database (two app
// instances).
import type { AttemptStep } from '@coursekit/quiz-engine';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ClassroomStore, GradedSubmission, Learner, SubmitAttemptInput } from './types';

export interface EngineUnderTest {
  /** A fresh, migrated, empty database; `open` gives stores on it (two calls: two instances). */
  freshDatabase(): Promise<{ open(): Promise<ClassroomStore>; drop(): Promise<void> }>;
}

export function storeConformance(engine: string, under: EngineUnderTest): void {
  let store: ClassroomStore;
  let database: Awaited<ReturnType<EngineUnderTest['freshDatabase']>>;
  const others: ClassroomStore[] = [];

  /** Another instance on the same database. */
  async function secondInstance(): Promise<ClassroomStore> {
    const other = await database.open();
    others.push(other);
    return other;
  }

  beforeEach(async () => {
    database = await under.freshDatabase();
    store = await database.open();
  });

  afterEach(async () => {
    for (const other of others.splice(0)) await other.close();
    await store.close();
    await database.drop();
  });

  describe(`${engine} store`, () => {
    const student: Learner = { kind: 'student', id: 'stu_1', classId: 'cls_1' };

    async function seedClassAndStudent() {
      await store.classes.create({ id: 'cls_1', name: 'Period 3', joinCode: 'ABC234', createdAt: 1 });
      await store.classes.createStudent({
        id: 'stu_1',
        classId: 'cls_1',
        displayName: 'Ada',
        nameKey: 'ada',
        resumeCodeHash: 'hash-ada',
        createdAt: 2,
      });
    }

    function graded(percent: number, items: GradedSubmission['items'] = []): GradedSubmission {
      return {
        seed: 'seed-1',
        steps: [{ action: 'answer', questionId: 'q1', response: percent }, { action: 'submit' }],
        score: percent / 10,
        maxScore: 10,
        percent,
        passed: percent >= 70,
        items,
      };
    }

    function submission(overrides: Partial<SubmitAttemptInput> = {}): SubmitAttemptInput {
      return {
        learner: student,
        quizId: 'rupture-and-upswing',
        idempotencyKey: 'key-00000001',
        requestHash: 'h1',
        maxAttempts: undefined,
        expectedAttemptNumber: undefined,
        now: 1000,
        grade: () => graded(80),
        ...overrides,
      };
    }

    describe('classes and students', () => {
      it('refuses a second class with the same join code and keeps the first', async () => {
        await seedClassAndStudent();
        const clash = await store.classes.create({
          id: 'cls_2',
          name: 'Other',
          joinCode: 'ABC234',
          createdAt: 3,
        });
        expect(clash).toBe('join-code-taken');
        expect(await store.classes.findByJoinCode('ABC234')).toMatchObject({ id: 'cls_1', name: 'Period 3' });
        expect(await store.classes.list()).toEqual([
          { id: 'cls_1', name: 'Period 3', joinCode: 'ABC234', createdAt: 1, studentCount: 1 },
        ]);
      });

      it('refuses a display name already used in the class, but not in another class', async () => {
        await seedClassAndStudent();
        await store.classes.create({ id: 'cls_2', name: 'Other', joinCode: 'XYZ789', createdAt: 3 });
        const base = { displayName: 'ADA', nameKey: 'ada', createdAt: 4 };
        expect(
          await store.classes.createStudent({ ...base, id: 'stu_2', classId: 'cls_1', resumeCodeHash: 'h2' }),
        ).toBe('name-taken');
        expect(
          await store.classes.createStudent({ ...base, id: 'stu_3', classId: 'cls_2', resumeCodeHash: 'h3' }),
        ).toEqual({
          id: 'stu_3',
          classId: 'cls_2',
          displayName: 'ADA',
          createdAt: 4,
        });
        expect((await store.classes.listStudents('cls_1')).map((s) => s.id)).toEqual(['stu_1']);
        expect(await store.classes.findStudentByResumeCodeHash('h3')).toMatchObject({ id: 'stu_3' });
      });
    });

    describe('submitAttempt', () => {
      beforeEach(seedClassAndStudent);

      it('numbers attempts 1, 2, 3 and stores the grade result', async () => {
        const first = await store.attempts.submit(submission());
        const second = await store.attempts.submit(submission({ idempotencyKey: 'key-00000002', now: 2000 }));
        expect(first).toMatchObject({
          status: 'created',
          attempt: { attemptNumber: 1, percent: 80, passed: true },
        });
        expect(second).toMatchObject({ status: 'created', attempt: { attemptNumber: 2, submittedAt: 2000 } });
        const listed = await store.attempts.listByLearner('stu_1');
        expect(listed.map((a) => [a.attemptNumber, a.classId, a.seed, a.steps])).toEqual([
          [1, 'cls_1', 'seed-1', graded(80).steps],
          [2, 'cls_1', 'seed-1', graded(80).steps],
        ]);
      });

      it('returns the stored attempt for a replayed key without grading or storing again', async () => {
        const first = await store.attempts.submit(submission());
        let gradings = 0;
        const replay = await store.attempts.submit(
          submission({
            grade: () => {
              gradings++;
              return graded(10);
            },
          }),
        );
        expect(replay.status).toBe('replayed');
        expect(replay.status === 'replayed' && replay.attempt).toEqual(
          first.status === 'created' && first.attempt,
        );
        expect(gradings).toBe(0);
        expect(await store.attempts.count('stu_1', 'rupture-and-upswing')).toBe(1);
      });

      it('stores concurrent duplicates once', async () => {
        const outcomes = await Promise.all(
          Array.from({ length: 5 }, () => store.attempts.submit(submission())),
        );
        expect(outcomes.map((o) => o.status).sort()).toEqual([
          'created',
          'replayed',
          'replayed',
          'replayed',
          'replayed',
        ]);
        expect(await store.attempts.count('stu_1', 'rupture-and-upswing')).toBe(1);
      });

      it('commits concurrent submissions together, failing only the one whose grading throws', async () => {
        const results = await Promise.allSettled([
          store.attempts.submit(submission({ idempotencyKey: 'key-batch-1' })),
          store.attempts.submit(
            submission({
              idempotencyKey: 'key-batch-2',
              grade: () => {
                throw new Error('unreadable');
              },
            }),
          ),
          store.attempts.submit(submission({ idempotencyKey: 'key-batch-3' })),
        ]);
        expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
        const numbers = (await store.attempts.listByLearner('stu_1')).map((a) => [
          a.idempotencyKey,
          a.attemptNumber,
        ]);
        expect(numbers).toEqual([
          ['key-batch-1', 1],
          ['key-batch-3', 2],
        ]);
      });

      it('refuses a reused key with a different submission', async () => {
        await store.attempts.submit(submission());
        const outcome = await store.attempts.submit(submission({ requestHash: 'different' }));
        expect(outcome.status).toBe('idempotency-conflict');
        expect(await store.attempts.count('stu_1', 'rupture-and-upswing')).toBe(1);
      });

      it('stops at maxAttempts, while a replay of an earlier attempt still answers', async () => {
        await store.attempts.submit(submission({ maxAttempts: 1 }));
        const over = await store.attempts.submit(
          submission({ maxAttempts: 1, idempotencyKey: 'key-00000002' }),
        );
        expect(over).toEqual({ status: 'max-attempts', used: 1 });
        expect((await store.attempts.submit(submission({ maxAttempts: 1 }))).status).toBe('replayed');
      });

      it('refuses a submission for an attempt number that is no longer current', async () => {
        await store.attempts.submit(submission());
        const stale = await store.attempts.submit(
          submission({ idempotencyKey: 'key-00000002', expectedAttemptNumber: 1 }),
        );
        expect(stale).toEqual({ status: 'stale-attempt', current: 2 });
        expect(await store.attempts.count('stu_1', 'rupture-and-upswing')).toBe(1);
      });

      it('stores nothing when grading throws', async () => {
        await expect(
          store.attempts.submit(
            submission({
              grade: () => {
                throw new Error('responses do not fit the quiz');
              },
            }),
          ),
        ).rejects.toThrow('responses do not fit the quiz');
        expect(await store.attempts.count('stu_1', 'rupture-and-upswing')).toBe(0);
        expect(await store.attempts.itemStatistics('cls_1')).toEqual([]);
      });

      it('hands the open attempt to grading and closes it', async () => {
        await store.attempts.updateOpen({
          learner: student,
          quizId: 'rupture-and-upswing',
          maxAttempts: undefined,
          now: 10,
          update: () => ({ seed: 'seed-1', steps: [{ action: 'check', questionId: 'q1' }], value: null }),
        });
        let seen: unknown;
        await store.attempts.submit(
          submission({
            grade: ({ open }) => {
              seen = open?.steps;
              return graded(50);
            },
          }),
        );
        expect(seen).toEqual([{ action: 'check', questionId: 'q1' }]);
        expect(await store.attempts.getOpen('stu_1', 'rupture-and-upswing')).toBeUndefined();
      });
    });

    describe('open attempts', () => {
      it('refuses to open an attempt beyond maxAttempts', async () => {
        await seedClassAndStudent();
        await store.attempts.submit(submission());
        const outcome = await store.attempts.updateOpen({
          learner: student,
          quizId: 'rupture-and-upswing',
          maxAttempts: 1,
          now: 10,
          update: () => ({ seed: 's', steps: [], value: 1 }),
        });
        expect(outcome).toEqual({ status: 'max-attempts', used: 1 });
        expect(await store.attempts.getOpen('stu_1', 'rupture-and-upswing')).toBeUndefined();
      });

      it('stores the state for the next attempt number and leaves it alone when update returns null', async () => {
        const update = (steps: AttemptStep[] | null) => ({
          learner: student,
          quizId: 'q',
          maxAttempts: 3,
          now: 10,
          update: () => ({ seed: 'seed-q', steps, value: 'ok' }),
        });
        expect(await store.attempts.updateOpen(update([{ action: 'check', questionId: 'a' }]))).toEqual({
          status: 'updated',
          attemptNumber: 1,
          value: 'ok',
        });
        await store.attempts.updateOpen(update(null));
        expect(await store.attempts.getOpen('stu_1', 'q')).toEqual({
          attemptNumber: 1,
          seed: 'seed-q',
          steps: [{ action: 'check', questionId: 'a' }],
          revision: 1,
          updatedAt: 10,
        });
      });
    });

    describe('completions and item statistics', () => {
      beforeEach(seedClassAndStudent);

      it('keeps the first completion time', async () => {
        const base = {
          learnerId: 'stu_1',
          studentId: 'stu_1',
          classId: 'cls_1',
          lessonId: 'rupture-and-upswing',
        };
        expect((await store.completions.record({ ...base, completedAt: 5 })).created).toBe(true);
        const again = await store.completions.record({ ...base, completedAt: 9 });
        expect(again).toEqual({ completion: { ...base, completedAt: 5 }, created: false });
        expect(await store.completions.listByClass('cls_1')).toHaveLength(1);
        expect(await store.completions.listByClass('cls_other')).toEqual([]);
      });

      it('counts correct answers and finds the most chosen wrong answer per question, for one class only', async () => {
        const item = (answer: string, correct: boolean, score = correct ? 2 : 0) => ({
          questionId: 'summit-city',
          score,
          maxScore: 2,
          correct,
          answer,
        });
        // Pyongyang earns half the points: partial credit counts its share, but not as correct.
        const answers: [string, boolean, number?][] = [
          ['Vladivostok', true],
          ['Hanoi', false],
          ['Pyongyang', false, 1],
          ['Hanoi', false],
        ];
        for (const [i, [answer, correct, score]] of answers.entries()) {
          await store.attempts.submit(
            submission({
              idempotencyKey: `key-0000000${i}`,
              grade: () => graded(0, [item(answer, correct, score)]),
            }),
          );
        }
        await store.attempts.submit(
          submission({
            learner: { kind: 'anonymous', id: 'anon_9' },
            grade: () => graded(0, [item('Pyongyang', false), { ...item('x', false), questionId: 'other' }]),
          }),
        );
        expect(await store.attempts.itemStatistics('cls_1')).toEqual([
          {
            quizId: 'rupture-and-upswing',
            questionId: 'summit-city',
            responses: 4,
            correct: 1,
            credit: 1.5,
            topWrongAnswer: 'Hanoi',
            topWrongCount: 2,
          },
        ]);
      });
    });

    describe('limits', () => {
      it('allows up to the limit in a window and starts counting again in the next', async () => {
        const hits = [];
        for (let i = 0; i < 4; i++) hits.push(await store.limits.hit('login:1.2.3.4', 3, 1000, 100 + i));
        expect(hits.map((h) => [h.allowed, h.count])).toEqual([
          [true, 1],
          [true, 2],
          [true, 3],
          [false, 4],
        ]);
        expect(hits[3]?.resetAt).toBe(1100);
        expect(await store.limits.hit('login:1.2.3.4', 3, 1000, 1100)).toEqual({
          allowed: true,
          count: 1,
          resetAt: 2100,
        });
        expect((await store.limits.hit('login:5.6.7.8', 3, 1000, 1100)).count).toBe(1);
        expect(await store.limits.peek('login:1.2.3.4', 1000, 1500)).toEqual({ count: 1, resetAt: 2100 });
        expect(await store.limits.peek('login:1.2.3.4', 1000, 2100)).toEqual({ count: 0, resetAt: 3100 });
        expect(await store.limits.peek('never-hit', 1000, 1500)).toEqual({ count: 0, resetAt: 2500 });
        await store.limits.clear('login:1.2.3.4');
        expect((await store.limits.hit('login:1.2.3.4', 3, 1000, 1101)).count).toBe(1);
      });
    });

    describe('settings', () => {
      it('keeps the first value written for a key', async () => {
        expect(await store.settings.getOrInsert('secret', () => 'one')).toEqual({
          value: 'one',
          inserted: true,
        });
        expect(await store.settings.getOrInsert('secret', () => 'two')).toEqual({
          value: 'one',
          inserted: false,
        });
        expect(await store.settings.get('secret')).toBe('one');
        expect(await store.settings.get('missing')).toBeUndefined();
      });
    });

    describe('across two instances on one database', () => {
      beforeEach(seedClassAndStudent);

      it('stores concurrent duplicates of one key once, whichever instance each reaches', async () => {
        const other = await secondInstance();
        const outcomes = await Promise.all(
          Array.from({ length: 12 }, (_, i) => (i % 2 === 0 ? store : other).attempts.submit(submission())),
        );
        expect(outcomes.filter((o) => o.status === 'created')).toHaveLength(1);
        expect(outcomes.filter((o) => o.status === 'replayed')).toHaveLength(11);
        expect(await other.attempts.count('stu_1', 'rupture-and-upswing')).toBe(1);
      });

      it('numbers concurrent submissions 1, 2, 3 … without gaps or repeats', async () => {
        const other = await secondInstance();
        const outcomes = await Promise.all(
          Array.from({ length: 16 }, (_, i) =>
            (i % 2 === 0 ? store : other).attempts.submit(submission({ idempotencyKey: `key-gapless-${i}` })),
          ),
        );
        expect(outcomes.every((o) => o.status === 'created')).toBe(true);
        const numbers = (await store.attempts.listByLearner('stu_1'))
          .map((a) => a.attemptNumber)
          .sort((a, b) => a - b);
        expect(numbers).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
      });

      it('holds maxAttempts against concurrent submissions', async () => {
        const other = await secondInstance();
        const outcomes = await Promise.all(
          Array.from({ length: 10 }, (_, i) =>
            (i % 2 === 0 ? store : other).attempts.submit(
              submission({ idempotencyKey: `key-limit-${i}`, maxAttempts: 3 }),
            ),
          ),
        );
        expect(outcomes.filter((o) => o.status === 'created')).toHaveLength(3);
        expect(outcomes.filter((o) => o.status === 'max-attempts')).toHaveLength(7);
        expect(await store.attempts.count('stu_1', 'rupture-and-upswing')).toBe(3);
      });

      it('loses no concurrent check: every update sees the one before (tries cannot be spent twice)', async () => {
        const other = await secondInstance();
        const tries = 3;
        const outcomes = await Promise.all(
          Array.from({ length: 8 }, (_, i) =>
            (i % 2 === 0 ? store : other).attempts.updateOpen({
              learner: student,
              quizId: 'q',
              maxAttempts: undefined,
              now: 10 + i,
              update: ({ open }) => {
                const used = open?.steps.length ?? 0;
                // A check is allowed only while tries remain, as the quiz engine's interactive behaviour says.
                if (used >= tries) return { seed: 's', steps: null, value: 'no-tries-left' };
                return {
                  seed: 's',
                  steps: [...(open?.steps ?? []), { action: 'check', questionId: `try-${i}` }],
                  value: 'checked',
                };
              },
            }),
          ),
        );
        const values = outcomes.map((o) => (o.status === 'updated' ? o.value : o.status));
        expect(values.filter((v) => v === 'checked')).toHaveLength(tries);
        expect(values.filter((v) => v === 'no-tries-left')).toHaveLength(8 - tries);
        const open = await other.attempts.getOpen('stu_1', 'q');
        expect(open?.steps).toHaveLength(tries);
        expect(open?.revision).toBe(tries);
      });

      it('grades again when a check lands between grading and storing, so the stored steps include it', async () => {
        const other = await secondInstance();
        let gradings = 0;
        let late: Promise<unknown> | undefined;
        const outcome = await store.attempts.submit(
          submission({
            grade: ({ open }) => {
              gradings++;
              if (gradings === 1) {
                // Another instance records a check while this submission is being graded.
                late = other.attempts.updateOpen({
                  learner: student,
                  quizId: 'rupture-and-upswing',
                  maxAttempts: undefined,
                  now: 20,
                  update: () => ({
                    seed: 's',
                    steps: [{ action: 'check', questionId: 'late' }],
                    value: null,
                  }),
                });
              }
              return { ...graded(70), steps: [...(open?.steps ?? []), { action: 'submit' }] };
            },
          }),
        );
        expect(outcome.status).toBe('created');
        await late;
        const [stored] = await store.attempts.listByLearner('stu_1');
        if (gradings > 1)
          expect(stored?.steps).toEqual([{ action: 'check', questionId: 'late' }, { action: 'submit' }]);
        else expect(stored?.steps).toEqual([{ action: 'submit' }]);
      });

      it('keeps the first value of a setting when instances race to write it', async () => {
        const other = await secondInstance();
        const results = await Promise.all([
          store.settings.getOrInsert('session_secret', () => 'from-a'),
          other.settings.getOrInsert('session_secret', () => 'from-b'),
        ]);
        expect(results.filter((r) => r.inserted)).toHaveLength(1);
        expect(new Set(results.map((r) => r.value)).size).toBe(1);
      });

      it('counts rate-limit hits from both instances in one window', async () => {
        const other = await secondInstance();
        const hits = await Promise.all(
          Array.from({ length: 10 }, (_, i) =>
            (i % 2 === 0 ? store : other).limits.hit('login:x', 5, 60_000, 1000),
          ),
        );
        expect(hits.filter((h) => h.allowed)).toHaveLength(5);
        expect(hits.map((h) => h.count).sort((a, b) => a - b)).toEqual(
          Array.from({ length: 10 }, (_, i) => i + 1),
        );
      });
    });
  });
}
