// Kills the production server with SIGKILL while submissions are in flight, restarts it on the same
// database, and checks that every acknowledged submission is there, and none twice.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ApiClient } from '../support/api-client';
import { fixtureCourseBuild } from '../support/course-build';
import {
  fixtureCourseDir,
  makeTempDir,
  type RunningServer,
  removeTempDir,
  startServer,
} from '../support/server';

const LEARNERS = 40;
const QUIZ = 'treaty-years'; // no attempt limit, so every learner can keep submitting

let dir: string;
let server: RunningServer | undefined;
let distDir: string;

beforeAll(async () => {
  dir = makeTempDir('coursekit-durability-');
  distDir = await fixtureCourseBuild();
});

afterAll(async () => {
  await server?.stop();
  removeTempDir(dir);
});

interface Sent {
  learner: number;
  key: string;
  /** The attempt id when the server answered 2xx; undefined when the answer was lost in the crash. */
  attemptId?: string;
}

it('keeps every acknowledged submission through a SIGKILL, and none twice', async () => {
  const databasePath = `${dir}/durable.db`;
  server = await startServer({ databasePath, courseDir: fixtureCourseDir, distDir });
  const first = server;
  const learners = await Promise.all(
    Array.from({ length: LEARNERS }, async () => {
      const client = await new ApiClient(first.url).start();
      expect((await client.get(`/api/quizzes/${QUIZ}`)).status).toBe(200); // anonymous session + seed
      return client;
    }),
  );

  const sent: Sent[] = [];
  let stopping = false;
  const loops = learners.map(async (client, learner) => {
    while (!stopping) {
      const entry: Sent = { learner, key: crypto.randomUUID() };
      sent.push(entry);
      try {
        const response = await client.post('/api/attempts', {
          quizId: QUIZ,
          idempotencyKey: entry.key,
          responses: {},
        });
        if (response.status === 201 || response.status === 200) entry.attemptId = response.body.attempt.id;
        else throw new Error(`unexpected ${response.status}: ${JSON.stringify(response.body)}`);
      } catch (error) {
        if (!stopping) throw error;
        return; // the connection died with the server: this submission's outcome is unknown
      }
    }
  });

  // Let a good number of submissions be acknowledged, then crash the server mid-stream.
  while (sent.filter((s) => s.attemptId).length < 150) await new Promise((wait) => setTimeout(wait, 10));
  stopping = true;
  await first.kill();
  await Promise.all(loops);
  const acknowledged = sent.filter((s) => s.attemptId);
  const unknown = sent.filter((s) => !s.attemptId);
  expect(acknowledged.length).toBeGreaterThanOrEqual(150);

  server = await startServer({ databasePath, courseDir: fixtureCourseDir, distDir });
  const second = server;
  for (const client of learners) client.baseUrl = second.url;

  // Every acknowledged attempt is there, exactly once, with gapless attempt numbers per learner.
  const stored = await Promise.all(
    learners.map(async (client) => (await client.get('/api/me/progress')).body.attempts),
  );
  for (const [learner, attempts] of stored.entries()) {
    const ids = attempts.map((a: { id: string }) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(attempts.map((a: { number: number }) => a.number)).toEqual(
      ids.map((_: string, i: number) => i + 1),
    );
    for (const entry of acknowledged.filter((s) => s.learner === learner))
      expect(ids).toContain(entry.attemptId);
  }

  // Sending any key again never makes a second copy: acknowledged ones replay the stored attempt, and
  // those whose answer was lost are either replayed (they were committed) or stored now for the first time.
  for (const entry of acknowledged) {
    const client = learners[entry.learner] as ApiClient;
    const again = await client.post('/api/attempts', {
      quizId: QUIZ,
      idempotencyKey: entry.key,
      responses: {},
    });
    expect([again.status, again.body.attempt.id]).toEqual([200, entry.attemptId]);
  }
  let storedBefore = stored.reduce((sum, attempts) => sum + attempts.length, 0);
  for (const entry of unknown) {
    const client = learners[entry.learner] as ApiClient;
    const again = await client.post('/api/attempts', {
      quizId: QUIZ,
      idempotencyKey: entry.key,
      responses: {},
    });
    expect([200, 201]).toContain(again.status);
    if (again.status === 201) storedBefore += 1;
  }
  console.info(
    `durability: ${acknowledged.length} acknowledged, ${unknown.length} in flight at the kill ` +
      `(${storedBefore - stored.reduce((sum, attempts) => sum + attempts.length, 0)} of those stored on resend)`,
  );
  const after = await Promise.all(
    learners.map(async (client) => (await client.get('/api/me/progress')).body.attempts),
  );
  expect(after.reduce((sum, attempts) => sum + attempts.length, 0)).toBe(storedBefore);
  expect(storedBefore).toBeLessThanOrEqual(sent.length);
});
