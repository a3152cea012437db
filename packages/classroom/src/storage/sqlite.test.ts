import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { storeConformance } from './conformance';
import { teachersConformance } from './conformance-teachers';
import { teachingConformance } from './conformance-teaching';
import { ltiConformance } from './lti-conformance';
import { initial } from './migrations/sqlite/001-initial';
import { migrate, openSqliteDatabase, SqliteStore } from './sqlite';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'coursekit-storage-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

let databases = 0;
const sqliteEngine = {
  async freshDatabase() {
    const path = join(dir, `db-${++databases}`, 'test.db');
    return { open: async () => SqliteStore.open(path), drop: async () => {} };
  },
};
storeConformance('SQLite', sqliteEngine);
teachingConformance('SQLite', sqliteEngine);
teachersConformance('SQLite', sqliteEngine);
ltiConformance('SQLite', sqliteEngine);

describe('SQLite migrations', () => {
  it('creates the file and its folder, records each migration once, and is safe to run again', async () => {
    const store = SqliteStore.open(join(dir, 'nested', 'test.db'));
    await store.close();
    const db = new Database(join(dir, 'nested', 'test.db'));
    const versions = db.prepare('SELECT version, name FROM schema_migrations').all();
    expect(versions).toEqual([
      { version: 1, name: 'initial' },
      { version: 2, name: 'attempt-steps' },
      { version: 3, name: 'teaching' },
      { version: 4, name: 'lti' },
      { version: 5, name: 'roster' },
      { version: 6, name: 'teachers' },
    ]);
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

  it('upgrades a database of the first schema with its class data intact', async () => {
    const path = join(dir, 'v1.db');
    const old = new Database(path);
    migrate(old, [initial]);
    old.exec(`
      INSERT INTO classes VALUES ('cls_1', 'Period 3', 'ABC234', 1);
      INSERT INTO students VALUES ('stu_1', 'cls_1', 'Ada', 'ada', 'hash-ada', 2);
      INSERT INTO attempts VALUES ('att_1', 'stu_1', 'stu_1', 'cls_1', 'quiz-a', 1, 'key-00000001', 'h1',
        '{"version":1,"quizId":"quiz-a","seed":"learner-seed#1","attemptNumber":1,"steps":[{"action":"answer","questionId":"q1","response":"x"},{"action":"submit"}]}',
        '{"percentage":50}', 1, 2, 50, 0, 100);
      INSERT INTO attempt_items VALUES ('att_1', 'q1', 1, 2, 0, 'x');
      INSERT INTO open_attempts VALUES ('stu_1', 'quiz-a', 2,
        '{"version":1,"quizId":"quiz-a","seed":"learner-seed#2","attemptNumber":2,"steps":[{"action":"check","questionId":"q1"}]}', 200);
      INSERT INTO completions VALUES ('stu_1', 'stu_1', 'cls_1', 'lesson-1', 300);
    `);
    old.close();

    const store = SqliteStore.open(path);
    expect(await store.classes.list()).toEqual([
      { id: 'cls_1', name: 'Period 3', joinCode: 'ABC234', createdAt: 1, studentCount: 1 },
    ]);
    const [attempt] = await store.attempts.listByClass('cls_1');
    expect(attempt).toMatchObject({
      id: 'att_1',
      attemptNumber: 1,
      seed: 'learner-seed',
      steps: [{ action: 'answer', questionId: 'q1', response: 'x' }, { action: 'submit' }],
      score: 1,
      percent: 50,
    });
    expect(await store.attempts.getOpen('stu_1', 'quiz-a')).toMatchObject({
      attemptNumber: 2,
      seed: 'learner-seed',
      steps: [{ action: 'check', questionId: 'q1' }],
      revision: 1,
    });
    expect(await store.attempts.itemStatistics('cls_1')).toHaveLength(1);
    expect(await store.completions.listByClass('cls_1')).toHaveLength(1);
    await store.close();
  });
});

describe('SQLite durability', () => {
  it('keeps an acknowledged attempt after the process drops the connection without closing it', async () => {
    const path = join(dir, 'durable.db');
    const writer = SqliteStore.open(path);
    await writer.attempts.submit({
      learner: { kind: 'anonymous', id: 'anon_1' },
      quizId: 'quiz-a',
      idempotencyKey: 'key-00000001',
      requestHash: 'h',
      maxAttempts: undefined,
      expectedAttemptNumber: undefined,
      now: 1,
      grade: () => ({
        seed: 's',
        steps: [{ action: 'submit' }],
        score: 0,
        maxScore: 1,
        percent: 0,
        passed: false,
        items: [],
      }),
    });
    // A second connection sees the committed row while the first is still open (no checkpoint yet).
    const reader = SqliteStore.open(path);
    expect(await reader.attempts.count('anon_1', 'quiz-a')).toBe(1);
    await reader.close();
    await writer.close();
  });

  it('answers a burst of submissions only after one flush of the WAL that started after their commit', async () => {
    const flushes: { fd: number; done: () => void }[] = [];
    const store = SqliteStore.open(join(dir, 'grouped.db'), {
      fsyncFile: (fd) => new Promise<void>((done) => flushes.push({ fd, done })),
    });
    const submit = (n: number) =>
      store.attempts.submit({
        learner: { kind: 'anonymous', id: `anon_${n}` },
        quizId: 'quiz-a',
        idempotencyKey: `key-0000000${n}`,
        requestHash: 'h',
        maxAttempts: undefined,
        expectedAttemptNumber: undefined,
        now: 1,
        grade: () => ({
          seed: 's',
          steps: [{ action: 'submit' }],
          score: 0,
          maxScore: 1,
          percent: 0,
          passed: false,
          items: [],
        }),
      });
    const answered: number[] = [];
    const burst = [1, 2, 3, 4, 5].map((n) => submit(n).then(() => answered.push(n)));
    const until = async (condition: () => boolean) => {
      while (!condition()) await new Promise((resolve) => setTimeout(resolve, 1));
    };
    // First the folder entry of the new WAL, then the WAL itself: nothing is answered before both.
    await until(() => flushes.length === 1);
    flushes[0]?.done();
    await until(() => flushes.length === 2);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(answered).toEqual([]);
    // The rows are committed meanwhile (a reader sees them); only the answers wait for the disk.
    const reader = new Database(join(dir, 'grouped.db'), { readonly: true });
    expect((reader.prepare('SELECT COUNT(*) AS n FROM attempts').get() as { n: number }).n).toBe(5);
    reader.close();
    // A resent submission is not answered from the committed row either until the flush is done.
    const resent = submit(3).then((outcome) => outcome.status);
    flushes[1]?.done();
    await Promise.all(burst);
    expect(answered.sort()).toEqual([1, 2, 3, 4, 5]);
    expect(await resent).toBe('replayed');
    expect(flushes).toHaveLength(2);
    await store.close();
  });

  it('starts a flush for a commit made while another flush runs, and answers each after a flush that followed it', async () => {
    const flushes: { fd: number; done: () => void }[] = [];
    const store = SqliteStore.open(join(dir, 'overlapping.db'), {
      fsyncFile: (fd) => new Promise<void>((done) => flushes.push({ fd, done })),
    });
    const answered: string[] = [];
    const submit = (name: string) =>
      store.attempts
        .submit({
          learner: { kind: 'anonymous', id: `anon_${name}` },
          quizId: 'quiz-a',
          idempotencyKey: `key-${name}-0000`,
          requestHash: 'h',
          maxAttempts: undefined,
          expectedAttemptNumber: undefined,
          now: 1,
          grade: () => ({
            seed: 's',
            steps: [{ action: 'submit' }],
            score: 0,
            maxScore: 1,
            percent: 0,
            passed: false,
            items: [],
          }),
        })
        .then(() => answered.push(name));
    const until = async (condition: () => boolean) => {
      while (!condition()) await new Promise((resolve) => setTimeout(resolve, 1));
    };
    const a = submit('a');
    await until(() => flushes.length === 1);
    flushes[0]?.done(); // the folder entry of the new WAL
    await until(() => flushes.length === 2); // a's flush
    const b = submit('b');
    // b's own flush starts while a's still runs.
    await until(() => flushes.length === 3);
    const c = submit('c');
    await new Promise((resolve) => setTimeout(resolve, 20));
    // Two flushes at a time: c waits for one of them to end, and nobody is answered yet.
    expect(flushes).toHaveLength(3);
    expect(answered).toEqual([]);
    // b's flush started after a's commit too: it answers both, and c's flush starts.
    flushes[2]?.done();
    await Promise.all([a, b]);
    expect(answered.sort()).toEqual(['a', 'b']);
    await until(() => flushes.length === 4);
    expect(answered).not.toContain('c');
    flushes[3]?.done();
    await c;
    expect(answered).toContain('c');
    flushes[1]?.done();
    await store.close();
  });

  it('copies committed writes into the database file itself, not only the WAL, without a commit doing it', async () => {
    const path = join(dir, 'checkpointed.db');
    const store = SqliteStore.open(path);
    // SQLite's own checkpoint (inside a commit, on the event loop) waits for a WAL of ~40 MB; these
    // writes are far below that, so only the checkpoint worker can have copied them.
    expect(store.db.pragma('wal_autocheckpoint', { simple: true })).toBe(10_000);
    for (let n = 0; n < 50; n++) {
      await store.classes.create({ id: `cls_${n}`, name: `P${n}`, joinCode: `QWE${100 + n}`, createdAt: n });
    }
    await store.checkpointsIdle();
    // The database file alone, as a backup that skipped the WAL would see it.
    copyFileSync(path, join(dir, 'file-only.db'));
    const fileOnly = new Database(join(dir, 'file-only.db'), { readonly: true });
    expect((fileOnly.prepare('SELECT COUNT(*) AS n FROM classes').get() as { n: number }).n).toBe(50);
    fileOnly.close();
    // The store keeps writing (the WAL restarts after a complete checkpoint) and keeps what it wrote.
    await store.classes.create({ id: 'cls_last', name: 'Last', joinCode: 'QWE999', createdAt: 99 });
    await store.close();
    const reopened = SqliteStore.open(path);
    expect(await reopened.classes.list()).toHaveLength(51);
    await reopened.close();
  });

  it('refuses writes with a clear error once the file is deleted under the running server', async () => {
    const path = join(dir, 'gone.db');
    const store = SqliteStore.open(path);
    await store.classes.create({ id: 'cls_1', name: 'P', joinCode: 'QWE234', createdAt: 1 });
    rmSync(path);
    await expect(
      store.classes.create({ id: 'cls_2', name: 'Q', joinCode: 'QWE235', createdAt: 2 }),
    ).rejects.toThrow(/was deleted while the server was running; writes are refused/);
    await store.close();
  });

  it('refuses writes once the file is replaced by another one', async () => {
    const path = join(dir, 'replaced.db');
    const store = SqliteStore.open(path);
    const other = join(dir, 'other.db');
    await SqliteStore.open(other).close();
    rmSync(path);
    writeFileSync(path, '');
    await expect(store.settings.getOrInsert('k', () => 'v')).rejects.toThrow(
      /was replaced while the server was running/,
    );
    await store.close();
    void other;
  });
});
