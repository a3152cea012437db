// Class mode under conditions found by testing, against the production server (`next start`): a course
// folder that gets an error while the server runs, malformed paths.
import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../support/api-client';
import { fixtureCourseBuild } from '../support/course-build';
import {
  DEFAULT_TEACHER_PASSCODE,
  fixtureCourseDir,
  makeTempDir,
  type RunningServer,
  removeTempDir,
  startServer,
} from '../support/server';

let server: RunningServer;
let dir: string;

beforeAll(async () => {
  dir = makeTempDir();
  const course = join(dir, 'course');
  cpSync(fixtureCourseDir, course, { recursive: true });
  // The server refuses to start on a course other than its build's, so the author breaks a quiz file while it
  // runs (before class mode first reads the course): the course has an error the author must fix.
  server = await startServer({
    databasePath: join(dir, 'hardening.db'),
    courseDir: course,
    distDir: await fixtureCourseBuild(),
  });
  writeFileSync(join(course, 'quizzes', 'treaty-years.yaml'), 'id: treaty-years\nquestions: [\n');
});

afterAll(async () => {
  await server?.stop();
  removeTempDir(dir);
});

describe('a course folder that gets an error while the server runs', () => {
  it('still shows the teacher login form at /teacher', async () => {
    const page = await fetch(`${server.url}/teacher`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Teacher login');
    expect(html).toMatch(/<input[^>]*type="password"/);
  });

  it('shows the course problems on the class dashboard, with file and line', async () => {
    const teacher = await new ApiClient(server.url).start();
    expect((await teacher.post('/api/teacher/login', { passcode: DEFAULT_TEACHER_PASSCODE })).status).toBe(
      200,
    );
    const created = await teacher.post('/api/classes', { name: 'Period 3' });
    expect(created.status).toBe(201);
    const page = await fetch(`${server.url}/teacher/classes/${created.body.id}`, {
      headers: { cookie: teacher.cookieHeader() },
    });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('The course has problems');
    expect(html).toMatch(/treaty-years\.yaml:\d+:\d+/);
  });
});

describe('malformed paths', () => {
  it('answers a malformed percent-encoding in an API path with a JSON 4xx', async () => {
    for (const path of ['/api/quizzes/%E0%A4%A', '/api/classes/%ZZ/dashboard']) {
      const response = await fetch(`${server.url}${path}`);
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
      expect(response.headers.get('content-type')).toMatch(/application\/json/);
      expect((await response.json()).error.code).toBe('invalid-path');
    }
  });
});

describe('client addresses without TRUST_PROXY', () => {
  // `next start` keeps an X-Forwarded-For the client sent, so the header alone cannot tell who is asking.
  it('counts join-code guesses by the socket, whatever X-Forwarded-For each request claims', async () => {
    const guesser = await new ApiClient(server.url).start();
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) {
      const guess = await guesser.request('POST', '/api/classes/join', {
        body: { code: 'ZZZZZZ', displayName: `Rotating ${i}` },
        headers: { 'x-forwarded-for': `203.0.113.${i + 1}` },
      });
      statuses.push(guess.status);
    }
    expect(statuses.slice(0, 20).every((status) => status === 404)).toBe(true);
    expect(statuses[20]).toBe(429);
  });
});
