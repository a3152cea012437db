// Two class-mode instances on one PostgreSQL database (a real server: a throwaway cluster, or
// COURSEKIT_TEST_POSTGRES_URL): 300 students spread over both join, check and submit; attempt limits,
// tries and idempotency hold across the instances; sessions and the signing secret come from the
// database, so every student hops between instances; kill -9 of one instance in the middle of a burst
// loses no acknowledged submission.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPostgres, type TestPostgres } from '../../packages/classroom/test/postgres-cluster';
import { ApiClient, type ApiResponse } from '../support/api-client';
import { type ClassroomInstance, startClassroomInstance } from '../support/classroom-instance';
import { fixtureCourseDir } from '../support/server';

const STUDENTS = 300;
let postgres: TestPostgres;
let databaseUrl: string;
let instances: ClassroomInstance[] = [];

beforeAll(async () => {
  postgres = await startTestPostgres();
  databaseUrl = await postgres.createDatabase();
  // No TEACHER_PASSCODE and no SESSION_SECRET: both are generated once and kept in the database.
  const env = {
    DATABASE_URL: databaseUrl,
    COURSE_DIR: fixtureCourseDir,
    TEACHER_PASSCODE: '',
    SESSION_SECRET: '',
  };
  instances = await Promise.all([startClassroomInstance(env), startClassroomInstance(env)]);
});

afterAll(async () => {
  for (const instance of instances) await instance.stop();
  await postgres?.dropDatabase(databaseUrl).catch(() => {});
  await postgres?.stop();
});

const at = (client: ApiClient, instance: ClassroomInstance) => {
  client.baseUrl = instance.url;
  return client;
};

async function rows<T>(sql: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query(sql, values)).rows as T[];
  } finally {
    await client.end();
  }
}

/** Runs `task` for 0 … count-1 with at most `width` at once. */
async function pool<T>(count: number, width: number, task: (index: number) => Promise<T>): Promise<T[]> {
  const results: T[] = new Array(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < count) {
        const index = next++;
        results[index] = await task(index);
      }
    }),
  );
  return results;
}

describe('two instances on one PostgreSQL database', () => {
  let joinCode: string;
  const students: ApiClient[] = [];

  it('generates one teacher passcode for both, and a teacher session from one works on the other', async () => {
    const printed = instances
      .map(
        (instance) =>
          /\n {6}([A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4})\n/.exec(instance.output())?.[1],
      )
      .filter(Boolean);
    expect(printed).toHaveLength(1);
    const [a, b] = instances as [ClassroomInstance, ClassroomInstance];
    const teacher = await new ApiClient(a.url).start();
    expect((await teacher.post('/api/teacher/login', { passcode: printed[0] })).status).toBe(200);
    const created = await at(teacher, b).post('/api/classes', { name: 'Period 3' });
    expect(created.status).toBe(201);
    joinCode = created.body.joinCode;
    expect((await at(teacher, a).get('/api/classes')).body.classes).toHaveLength(1);
  });

  it(`lets ${STUDENTS} students join, check and submit across both, with limits, tries and idempotency holding`, async () => {
    const [a, b] = instances as [ClassroomInstance, ClassroomInstance];
    const outcomes = await pool(STUDENTS, 60, async (i) => {
      const [here, there] = i % 2 === 0 ? [a, b] : [b, a];
      const student = await new ApiClient(here.url).start();
      students[i] = student;
      const joined = await student.post('/api/classes/join', { code: joinCode, displayName: `Student ${i}` });
      if (joined.status !== 201)
        throw new Error(`join ${i}: ${joined.status} ${JSON.stringify(joined.body)}`);

      // Interactive, 2 tries: one wrong check, then two concurrent checks on different instances.
      await at(student, there).get('/api/quizzes/treaty-years');
      const first = await at(student, here).post('/api/attempts/check', {
        quizId: 'treaty-years',
        questionId: 'putin-visit',
        response: 1999,
      });
      const twin = new ApiClient(there.url);
      for (const [name, value] of student.cookies) twin.cookies.set(name, value);
      const racing = await Promise.all([
        at(student, here).post('/api/attempts/check', {
          quizId: 'treaty-years',
          questionId: 'putin-visit',
          response: 1998,
        }),
        twin.post('/api/attempts/check', {
          quizId: 'treaty-years',
          questionId: 'putin-visit',
          response: 1997,
        }),
      ]);

      // Deferred, at most 2 attempts: one key sent to both instances at once, two more keys racing it.
      await at(student, there).get('/api/quizzes/summits-and-workers');
      // No choice ids: the layout (and so the ids) of attempt 2 differs from attempt 1's.
      const responses = { 'veto-2022': true, 'deadline-months': 24 };
      const key = `dup-${i}-${crypto.randomUUID()}`;
      const submissions = await Promise.all([
        at(student, here).post('/api/attempts', {
          quizId: 'summits-and-workers',
          idempotencyKey: key,
          responses,
        }),
        twin.post('/api/attempts', { quizId: 'summits-and-workers', idempotencyKey: key, responses }),
        twin.post('/api/attempts', { quizId: 'summits-and-workers', idempotencyKey: `b-${key}`, responses }),
        at(student, here).post('/api/attempts', {
          quizId: 'summits-and-workers',
          idempotencyKey: `c-${key}`,
          responses,
        }),
      ]);
      return { i, first, racing, submissions };
    });

    for (const { i, first, racing, submissions } of outcomes) {
      expect(first.status, `student ${i}: first check`).toBe(200);
      expect(first.body.triesLeft).toBe(1);
      // Exactly one of the racing checks got the last try; the other was refused, on whichever instance.
      expect(racing.map((r) => r.status).sort(), `student ${i}: racing checks`).toEqual([200, 409]);
      const [dupA, dupB, other1, other2] = submissions as [
        ApiResponse,
        ApiResponse,
        ApiResponse,
        ApiResponse,
      ];
      expect(
        submissions.filter((s) => s.status === 201),
        `student ${i}: attempts created: ${JSON.stringify(submissions.map((s) => [s.status, s.body.error?.code]))}`,
      ).toHaveLength(2);
      // The same key on two instances: one attempt, the same one in both answers (or both refused).
      if (dupA.status < 300 || dupB.status < 300) {
        expect([dupA.status, dupB.status].sort()).toEqual([200, 201]);
        expect(dupA.body.attempt.id).toBe(dupB.body.attempt.id);
        expect([other1.status, other2.status].sort()).toEqual([201, 409]);
      } else {
        expect([dupA.status, dupB.status]).toEqual([409, 409]);
        expect([other1.status, other2.status]).toEqual([201, 201]);
      }
    }
    const perStudent = await rows<{ n: number; numbers: number[] }>(
      `SELECT COUNT(*)::int AS n, array_agg(attempt_number ORDER BY attempt_number) AS numbers
         FROM attempts WHERE quiz_id = 'summits-and-workers' GROUP BY learner_id`,
    );
    expect(perStudent).toHaveLength(STUDENTS);
    expect(perStudent.every((row) => row.n === 2 && row.numbers.join() === '1,2')).toBe(true);
    const checks = await rows<{ steps: { action: string }[] }>(
      "SELECT steps FROM open_attempts WHERE quiz_id = 'treaty-years'",
    );
    expect(checks).toHaveLength(STUDENTS);
    expect(checks.every((row) => row.steps.filter((s) => s.action === 'check').length === 2)).toBe(true);
  });

  it('loses no acknowledged submission when one instance is killed with SIGKILL mid-burst', async () => {
    const [a, b] = instances as [ClassroomInstance, ClassroomInstance];
    const acknowledged: string[] = [];
    let answered = 0;
    let killed: Promise<void> | undefined;
    await Promise.all(
      students.map(async (student, i) => {
        const key = `burst-${i}-${crypto.randomUUID()}`;
        try {
          const response = await at(student, i % 2 === 0 ? a : b).post('/api/attempts', {
            quizId: 'un-votes',
            idempotencyKey: key,
            responses: { 'dprk-vote': true, reflect: 'Recognition of the two entities.' },
          });
          if (response.status === 201 || response.status === 200) acknowledged.push(key);
          else if (response.status >= 500)
            throw new Error(`${response.status} ${JSON.stringify(response.body)}`);
        } catch (error) {
          // Requests to the killed instance fail without an answer: not acknowledged, so nothing is owed.
          if (!String(error).match(/fetch failed|ECONNRESET|socket|other side closed/i)) throw error;
        }
        if (++answered === 60) killed = b.kill();
      }),
    );
    await killed;
    expect(acknowledged.length).toBeGreaterThanOrEqual(STUDENTS / 2);
    const storedKeys = new Set(
      (
        await rows<{ idempotency_key: string }>(
          "SELECT idempotency_key FROM attempts WHERE quiz_id = 'un-votes'",
        )
      ).map((row) => row.idempotency_key),
    );
    const lost = acknowledged.filter((key) => !storedKeys.has(key));
    expect(lost).toEqual([]);
    // The surviving instance answered every request sent to it.
    const survivors = students.filter((_, i) => i % 2 === 0).length;
    expect(acknowledged.filter((key) => Number(key.split('-')[1]) % 2 === 0)).toHaveLength(survivors);
  });
});
