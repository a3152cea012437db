// The teaching repositories' guarantees (quiz settings, allowances, marks and overrides), run against
// every engine beside the main suite (sqlite.test.ts, postgres.test.ts).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EngineUnderTest } from './conformance';
import type { ClassroomStore, QuestionGradeRecord } from './types';

export function teachingConformance(engine: string, under: EngineUnderTest): void {
  let store: ClassroomStore;
  let database: Awaited<ReturnType<EngineUnderTest['freshDatabase']>>;
  const others: ClassroomStore[] = [];

  beforeEach(async () => {
    database = await under.freshDatabase();
    store = await database.open();
    await store.classes.create({ id: 'cls_1', name: 'Period 3', joinCode: 'ABC234', createdAt: 1 });
    await store.classes.createStudent({
      id: 'stu_1',
      classId: 'cls_1',
      displayName: 'Ada',
      nameKey: 'ada',
      resumeCodeHash: 'hash-ada',
      createdAt: 2,
    });
  });

  afterEach(async () => {
    for (const other of others.splice(0)) await other.close();
    await store.close();
    await database.drop();
  });

  async function storedAttempt(): Promise<string> {
    const outcome = await store.attempts.submit({
      learner: { kind: 'student', id: 'stu_1', classId: 'cls_1' },
      quizId: 'un-votes',
      idempotencyKey: 'key-00000001',
      requestHash: 'h1',
      maxAttempts: undefined,
      expectedAttemptNumber: undefined,
      now: 1000,
      grade: () => ({
        seed: 'seed-1',
        steps: [{ action: 'answer', questionId: 'reflect', response: 'Because.' }, { action: 'submit' }],
        score: 1,
        maxScore: 3,
        percent: 33.33,
        passed: false,
        items: [],
      }),
    });
    if (outcome.status !== 'created') throw new Error(outcome.status);
    return outcome.attempt.id;
  }

  function grade(attemptId: string, overrides: Partial<QuestionGradeRecord> = {}): QuestionGradeRecord {
    return {
      id: 'grd_1',
      attemptId,
      classId: 'cls_1',
      questionId: 'reflect',
      kind: 'mark',
      score: 2,
      feedback: 'Good link to the vote.',
      reason: null,
      rubric: [{ criterion: 0, level: 'Secure', points: 2 }],
      teacher: 'owner',
      createdAt: 2000,
      ...overrides,
    };
  }

  describe(`${engine} teaching store`, () => {
    it('keeps quiz settings per class and quiz, replacing them on a second put', async () => {
      const first = {
        classId: 'cls_1',
        quizId: 'un-votes',
        opensAt: 100,
        dueAt: 5000,
        latePolicy: 'refuse' as const,
        review: { correctAnswer: 'after-due-date' as const },
        updatedAt: 10,
      };
      await store.quizSettings.put(first);
      expect(await store.quizSettings.get('cls_1', 'un-votes')).toEqual(first);
      const second = { ...first, dueAt: null, latePolicy: 'mark-late' as const, review: null, updatedAt: 11 };
      await store.quizSettings.put(second);
      expect(await store.quizSettings.listByClass('cls_1')).toEqual([second]);
      expect(await store.quizSettings.get('cls_1', 'other')).toBeUndefined();
    });

    it('adds granted attempts up, also when two instances grant at once', async () => {
      const other = await database.open();
      others.push(other);
      const input = { classId: 'cls_1', studentId: 'stu_1', quizId: 'un-votes', extraAttempts: 1, now: 5 };
      await Promise.all(
        Array.from({ length: 6 }, (_, i) => (i % 2 === 0 ? store : other).quizSettings.grantAttempts(input)),
      );
      expect(await store.quizSettings.getAllowance('stu_1', 'un-votes')).toMatchObject({ extraAttempts: 6 });
      expect((await store.quizSettings.grantAttempts({ ...input, extraAttempts: 2 })).extraAttempts).toBe(8);
      expect(await store.quizSettings.listAllowances('cls_1')).toHaveLength(1);
      expect(await store.quizSettings.getAllowance('stu_1', 'other')).toBeUndefined();
    });

    it('stores a mark with the totals it recomputes and keeps every grade as the audit trail', async () => {
      const attemptId = await storedAttempt();
      const seen: number[] = [];
      const { totals } = await store.marking.record({
        grade: grade(attemptId),
        recompute: (grades) => {
          seen.push(grades.length);
          return { score: 3, percent: 100, passed: true };
        },
      });
      expect(totals).toEqual({ score: 3, percent: 100, passed: true });
      await store.marking.record({
        grade: grade(attemptId, {
          id: 'grd_2',
          kind: 'override',
          score: 1,
          reason: 'Copied',
          createdAt: 3000,
        }),
        recompute: (grades) => {
          seen.push(grades.length);
          return { score: 2, percent: 66.67, passed: true };
        },
      });
      expect(seen).toEqual([1, 2]);
      expect(await store.marking.getAttempt(attemptId)).toMatchObject({
        score: 2,
        percent: 66.67,
        passed: true,
      });
      const trail = await store.marking.listByAttempt(attemptId);
      expect(trail.map((g) => [g.id, g.kind, g.score, g.reason])).toEqual([
        ['grd_1', 'mark', 2, null],
        ['grd_2', 'override', 1, 'Copied'],
      ]);
      expect(trail[0]?.rubric).toEqual([{ criterion: 0, level: 'Secure', points: 2 }]);
      expect((await store.marking.listByClass('cls_1')).map((g) => g.id)).toEqual(['grd_1', 'grd_2']);
      expect(await store.marking.listByClass('cls_other')).toEqual([]);
    });

    it('stores nothing when recomputing throws', async () => {
      const attemptId = await storedAttempt();
      await expect(
        store.marking.record({
          grade: grade(attemptId),
          recompute: () => {
            throw new Error('quiz changed');
          },
        }),
      ).rejects.toThrow('quiz changed');
      expect(await store.marking.listByAttempt(attemptId)).toEqual([]);
      expect(await store.marking.getAttempt(attemptId)).toMatchObject({ score: 1 });
    });

    it('sees every earlier grade when two instances mark one attempt at once', async () => {
      const attemptId = await storedAttempt();
      const other = await database.open();
      others.push(other);
      const counts = await Promise.all(
        Array.from({ length: 6 }, async (_, i) => {
          let count = 0;
          await (i % 2 === 0 ? store : other).marking.record({
            grade: grade(attemptId, { id: `grd_${i}`, questionId: `q${i}` }),
            recompute: (grades) => {
              count = grades.length;
              return { score: grades.length, percent: 0, passed: false };
            },
          });
          return count;
        }),
      );
      expect([...counts].sort()).toEqual([1, 2, 3, 4, 5, 6]);
      expect(await store.marking.getAttempt(attemptId)).toMatchObject({ score: 6 });
    });

    it('keeps identifiers unique per class, renames, removes and archives', async () => {
      await store.classes.createStudent({
        id: 'stu_2',
        classId: 'cls_1',
        displayName: 'Bea',
        nameKey: 'bea',
        resumeCodeHash: 'hash-bea',
        createdAt: 3,
      });
      expect(
        await store.roster.setIdentifier({ classId: 'cls_1', studentId: 'stu_1', identifier: 'S-001' }),
      ).toEqual({
        studentId: 'stu_1',
        classId: 'cls_1',
        identifier: 'S-001',
        removedAt: null,
      });
      expect(
        await store.roster.setIdentifier({ classId: 'cls_1', studentId: 'stu_2', identifier: 'S-001' }),
      ).toBe('identifier-taken');
      expect(await store.roster.renameStudent('stu_2', 'Ada', 'ada')).toBe('name-taken');
      expect(await store.roster.renameStudent('stu_2', 'Beatrice', 'beatrice')).toBe('renamed');
      expect((await store.classes.getStudent('stu_2'))?.displayName).toBe('Beatrice');

      await store.sessions.create({
        id: 'ses_1',
        kind: 'student',
        studentId: 'stu_1',
        classId: 'cls_1',
        createdAt: 1,
        expiresAt: 10_000,
        revokedAt: null,
      });
      await store.roster.removeStudent('stu_1', 'cls_1', 50);
      expect(await store.roster.get('stu_1')).toMatchObject({ identifier: 'S-001', removedAt: 50 });
      expect((await store.sessions.get('ses_1'))?.revokedAt).toBe(50);
      // The removed student's name is free for someone new.
      expect(await store.roster.renameStudent('stu_2', 'Ada', 'ada')).toBe('renamed');

      await store.roster.renameClass('cls_1', 'Period 4');
      expect((await store.classes.get('cls_1'))?.name).toBe('Period 4');
      expect(await store.roster.archivedAt('cls_1')).toBeNull();
      await store.roster.setArchived('cls_1', 70);
      expect(await store.roster.archivedAt('cls_1')).toBe(70);
      expect([...(await store.roster.listArchived())]).toEqual([['cls_1', 70]]);
      await store.roster.setArchived('cls_1', null);
      expect(await store.roster.listArchived()).toEqual(new Map());
      expect((await store.roster.listByClass('cls_1')).map((e) => e.studentId).sort()).toEqual(['stu_1']);
    });
  });
}
