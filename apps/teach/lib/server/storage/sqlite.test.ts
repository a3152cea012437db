import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate, openSqliteDatabase, SqliteStorage } from './sqlite';
import type { GradedSubmission, Learner, SubmitAttemptInput } from './types';

let dir: string;
let storage: SqliteStorage;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'coursekit-storage-'));
  storage = SqliteStorage.open(join(dir, 'nested', 'test.db'));
});

afterEach(async () => {
  await storage.close();
  rmSync(dir, { recursive: true, force: true });
});

const student: Learner = { kind: 'student', id: 'stu_1', classId: 'cls_1' };

async function seedClassAndStudent() {
  await storage.createClass({ id: 'cls_1', name: 'Period 3', joinCode: 'ABC234', createdAt: 1 });
  await storage.createStudent({
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
    state: '{}',
    result: JSON.stringify({ percent }),
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

describe('migrations', () => {
  it('creates the file and its folder, records each migration once, and is safe to run again', () => {
    const db = new Database(join(dir, 'nested', 'test.db'));
    const versions = db.prepare('SELECT version, name FROM schema_migrations').all();
    expect(versions).toEqual([{ version: 1, name: 'initial' }]);
    expect(migrate(db)).toEqual([]);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('runs only the migrations that are missing, in order, inside one transaction', () => {
    const db = new Database(':memory:');
    const applied = migrate(db, [
      { version: 2, name: 'second', sql: 'CREATE TABLE b (x INTEGER)' },
      { version: 1, name: 'first', sql: 'CREATE TABLE a (x INTEGER)' },
    ]);
    expect(applied).toEqual([1, 2]);
    expect(() => migrate(db, [{ version: 3, name: 'broken', sql: 'CREATE TABLE a (x INTEGER)' }])).toThrow(
      /already exists/,
    );
    // The failed migration left no record behind, so fixing it and starting again applies it.
    expect(db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get()).toEqual({ v: 2 });
    db.close();
  });

  it('refuses a database written by a newer version of the app', () => {
    const db = new Database(':memory:');
    migrate(db, [{ version: 7, name: 'future', sql: 'SELECT 1' }]);
    expect(() => migrate(db)).toThrow(/schema version 7, newer than this app knows/);
    db.close();
  });

  it('explains a database path it cannot open', () => {
    const blocker = join(dir, 'not-a-folder');
    writeFileSync(blocker, '');
    expect(() => openSqliteDatabase(join(blocker, 'course.db'))).toThrow(
      /Cannot open the database file .*not-a-folder\/course\.db \(.*\)\. Set DATABASE_URL to a writable file path\./,
    );
  });
});

describe('classes and students', () => {
  it('refuses a second class with the same join code and keeps the first', async () => {
    await seedClassAndStudent();
    const clash = await storage.createClass({ id: 'cls_2', name: 'Other', joinCode: 'ABC234', createdAt: 3 });
    expect(clash).toBe('join-code-taken');
    expect(await storage.findClassByJoinCode('ABC234')).toMatchObject({ id: 'cls_1', name: 'Period 3' });
    expect(await storage.listClasses()).toEqual([
      { id: 'cls_1', name: 'Period 3', joinCode: 'ABC234', createdAt: 1, studentCount: 1 },
    ]);
  });

  it('refuses a display name already used in the class, but not in another class', async () => {
    await seedClassAndStudent();
    await storage.createClass({ id: 'cls_2', name: 'Other', joinCode: 'XYZ789', createdAt: 3 });
    const base = { displayName: 'ADA', nameKey: 'ada', createdAt: 4 };
    expect(
      await storage.createStudent({ ...base, id: 'stu_2', classId: 'cls_1', resumeCodeHash: 'h2' }),
    ).toBe('name-taken');
    expect(
      await storage.createStudent({ ...base, id: 'stu_3', classId: 'cls_2', resumeCodeHash: 'h3' }),
    ).toEqual({
      id: 'stu_3',
      classId: 'cls_2',
      displayName: 'ADA',
      createdAt: 4,
    });
    expect((await storage.listStudents('cls_1')).map((s) => s.id)).toEqual(['stu_1']);
    expect(await storage.findStudentByResumeCodeHash('h3')).toMatchObject({ id: 'stu_3' });
  });
});

describe('submitAttempt', () => {
  beforeEach(seedClassAndStudent);

  it('numbers attempts 1, 2, 3 and stores the grade result', async () => {
    const first = await storage.submitAttempt(submission());
    const second = await storage.submitAttempt(submission({ idempotencyKey: 'key-00000002', now: 2000 }));
    expect(first).toMatchObject({
      status: 'created',
      attempt: { attemptNumber: 1, percent: 80, passed: true },
    });
    expect(second).toMatchObject({ status: 'created', attempt: { attemptNumber: 2, submittedAt: 2000 } });
    const listed = await storage.listAttemptsByLearner('stu_1');
    expect(listed.map((a) => [a.attemptNumber, a.classId, JSON.parse(a.result)])).toEqual([
      [1, 'cls_1', { percent: 80 }],
      [2, 'cls_1', { percent: 80 }],
    ]);
  });

  it('returns the stored attempt for a replayed key without grading or storing again', async () => {
    const first = await storage.submitAttempt(submission());
    let gradings = 0;
    const replay = await storage.submitAttempt(
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
    expect(await storage.countAttempts('stu_1', 'rupture-and-upswing')).toBe(1);
  });

  it('stores concurrent duplicates once', async () => {
    const outcomes = await Promise.all(Array.from({ length: 5 }, () => storage.submitAttempt(submission())));
    expect(outcomes.map((o) => o.status).sort()).toEqual([
      'created',
      'replayed',
      'replayed',
      'replayed',
      'replayed',
    ]);
    expect(await storage.countAttempts('stu_1', 'rupture-and-upswing')).toBe(1);
  });

  it('commits concurrent submissions together, failing only the one whose grading throws', async () => {
    const results = await Promise.allSettled([
      storage.submitAttempt(submission({ idempotencyKey: 'key-batch-1' })),
      storage.submitAttempt(
        submission({
          idempotencyKey: 'key-batch-2',
          grade: () => {
            throw new Error('unreadable');
          },
        }),
      ),
      storage.submitAttempt(submission({ idempotencyKey: 'key-batch-3' })),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const numbers = (await storage.listAttemptsByLearner('stu_1')).map((a) => [
      a.idempotencyKey,
      a.attemptNumber,
    ]);
    expect(numbers).toEqual([
      ['key-batch-1', 1],
      ['key-batch-3', 2],
    ]);
  });

  it('refuses a reused key with a different submission', async () => {
    await storage.submitAttempt(submission());
    const outcome = await storage.submitAttempt(submission({ requestHash: 'different' }));
    expect(outcome.status).toBe('idempotency-conflict');
    expect(await storage.countAttempts('stu_1', 'rupture-and-upswing')).toBe(1);
  });

  it('stops at maxAttempts, while a replay of an earlier attempt still answers', async () => {
    await storage.submitAttempt(submission({ maxAttempts: 1 }));
    const over = await storage.submitAttempt(submission({ maxAttempts: 1, idempotencyKey: 'key-00000002' }));
    expect(over).toEqual({ status: 'max-attempts', used: 1 });
    expect((await storage.submitAttempt(submission({ maxAttempts: 1 }))).status).toBe('replayed');
  });

  it('refuses a submission for an attempt number that is no longer current', async () => {
    await storage.submitAttempt(submission());
    const stale = await storage.submitAttempt(
      submission({ idempotencyKey: 'key-00000002', expectedAttemptNumber: 1 }),
    );
    expect(stale).toEqual({ status: 'stale-attempt', current: 2 });
    expect(await storage.countAttempts('stu_1', 'rupture-and-upswing')).toBe(1);
  });

  it('stores nothing when grading throws', async () => {
    await expect(
      storage.submitAttempt(
        submission({
          grade: () => {
            throw new Error('responses do not fit the quiz');
          },
        }),
      ),
    ).rejects.toThrow('responses do not fit the quiz');
    expect(await storage.countAttempts('stu_1', 'rupture-and-upswing')).toBe(0);
    expect(await storage.itemStatistics('cls_1')).toEqual([]);
  });

  it('hands the open attempt to grading and closes it', async () => {
    await storage.updateOpenAttempt({
      learner: student,
      quizId: 'rupture-and-upswing',
      maxAttempts: undefined,
      now: 10,
      update: () => ({ state: '{"tries":1}', value: null }),
    });
    let seen: string | undefined;
    await storage.submitAttempt(
      submission({
        grade: ({ open }) => {
          seen = open?.state;
          return graded(50);
        },
      }),
    );
    expect(seen).toBe('{"tries":1}');
    expect(await storage.getOpenAttempt('stu_1', 'rupture-and-upswing')).toBeUndefined();
  });

  it('keeps an acknowledged attempt after the process drops the connection without closing it', async () => {
    const path = join(dir, 'durable.db');
    const writer = SqliteStorage.open(path);
    await writer.createClass({ id: 'cls_1', name: 'P', joinCode: 'QWE234', createdAt: 1 });
    await writer.submitAttempt(submission({ learner: { kind: 'anonymous', id: 'anon_1' } }));
    // A second connection sees the committed row while the first is still open (no checkpoint yet).
    const reader = SqliteStorage.open(path);
    expect(await reader.countAttempts('anon_1', 'rupture-and-upswing')).toBe(1);
    await reader.close();
    await writer.close();
  });
});

describe('open attempts', () => {
  it('refuses to open an attempt beyond maxAttempts', async () => {
    await seedClassAndStudent();
    await storage.submitAttempt(submission());
    const outcome = await storage.updateOpenAttempt({
      learner: student,
      quizId: 'rupture-and-upswing',
      maxAttempts: 1,
      now: 10,
      update: () => ({ state: '{}', value: 1 }),
    });
    expect(outcome).toEqual({ status: 'max-attempts', used: 1 });
    expect(await storage.getOpenAttempt('stu_1', 'rupture-and-upswing')).toBeUndefined();
  });

  it('stores the state for the next attempt number and leaves it alone when update returns null', async () => {
    const update = (state: string | null) => ({
      learner: student,
      quizId: 'q',
      maxAttempts: 3,
      now: 10,
      update: () => ({ state, value: 'ok' }),
    });
    expect(await storage.updateOpenAttempt(update('{"a":1}'))).toEqual({
      status: 'updated',
      attemptNumber: 1,
      value: 'ok',
    });
    await storage.updateOpenAttempt(update(null));
    expect(await storage.getOpenAttempt('stu_1', 'q')).toEqual({
      attemptNumber: 1,
      state: '{"a":1}',
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
    expect((await storage.recordCompletion({ ...base, completedAt: 5 })).created).toBe(true);
    const again = await storage.recordCompletion({ ...base, completedAt: 9 });
    expect(again).toEqual({ completion: { ...base, completedAt: 5 }, created: false });
    expect(await storage.listCompletionsByClass('cls_1')).toHaveLength(1);
    expect(await storage.listCompletionsByClass('cls_other')).toEqual([]);
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
      await storage.submitAttempt(
        submission({
          idempotencyKey: `key-0000000${i}`,
          grade: () => graded(0, [item(answer, correct, score)]),
        }),
      );
    }
    await storage.submitAttempt(
      submission({
        learner: { kind: 'anonymous', id: 'anon_9' },
        grade: () => graded(0, [item('Pyongyang', false), { ...item('x', false), questionId: 'other' }]),
      }),
    );
    expect(await storage.itemStatistics('cls_1')).toEqual([
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

describe('hitRateLimit', () => {
  it('allows up to the limit in a window and starts counting again in the next', async () => {
    const hits = [];
    for (let i = 0; i < 4; i++) hits.push(await storage.hitRateLimit('login:1.2.3.4', 3, 1000, 100 + i));
    expect(hits.map((h) => [h.allowed, h.count])).toEqual([
      [true, 1],
      [true, 2],
      [true, 3],
      [false, 4],
    ]);
    expect(hits[3]?.resetAt).toBe(1100);
    expect(await storage.hitRateLimit('login:1.2.3.4', 3, 1000, 1100)).toEqual({
      allowed: true,
      count: 1,
      resetAt: 2100,
    });
    expect((await storage.hitRateLimit('login:5.6.7.8', 3, 1000, 1100)).count).toBe(1);
    expect(await storage.peekRateLimit('login:1.2.3.4', 1000, 1500)).toEqual({ count: 1, resetAt: 2100 });
    expect(await storage.peekRateLimit('login:1.2.3.4', 1000, 2100)).toEqual({ count: 0, resetAt: 3100 });
    expect(await storage.peekRateLimit('never-hit', 1000, 1500)).toEqual({ count: 0, resetAt: 2500 });
    await storage.clearRateLimit('login:1.2.3.4');
    expect((await storage.hitRateLimit('login:1.2.3.4', 3, 1000, 1101)).count).toBe(1);
  });
});

describe('settings', () => {
  it('keeps the first value written for a key', async () => {
    expect(await storage.getOrInsertSetting('secret', () => 'one')).toEqual({ value: 'one', inserted: true });
    expect(await storage.getOrInsertSetting('secret', () => 'two')).toEqual({
      value: 'one',
      inserted: false,
    });
    expect(await storage.getSetting('secret')).toBe('one');
    expect(await storage.getSetting('missing')).toBeUndefined();
  });
});
