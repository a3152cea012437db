// The class-mode API against the production server (`next start`) with a fresh database and the fixture
// course: teacher and student flows, authorisation, idempotency, attempt limits and bad input.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, choiceId } from '../support/api-client';
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
  // TRUST_PROXY=1: the tests stand in for one proxy that appends each simulated client's address.
  server = await startServer({
    databasePath: `${dir}/class-mode.db`,
    courseDir: fixtureCourseDir,
    distDir: await fixtureCourseBuild(),
    env: { TRUST_PROXY: '1' },
  });
});

afterAll(async () => {
  await server?.stop();
  removeTempDir(dir);
});

async function teacher(): Promise<ApiClient> {
  const client = await new ApiClient(server.url).start();
  const login = await client.post('/api/teacher/login', { passcode: DEFAULT_TEACHER_PASSCODE });
  expect(login.status).toBe(200);
  return client;
}

async function student(joinCode: string, displayName: string): Promise<ApiClient> {
  const client = await new ApiClient(server.url).start();
  const joined = await client.post('/api/classes/join', { code: joinCode, displayName });
  expect(joined.status).toBe(201);
  return client;
}

async function correctSummitAnswers(client: ApiClient) {
  const { body } = await client.get('/api/quizzes/summits-and-workers');
  return {
    attemptNumber: body.attempt.number as number,
    responses: {
      'summit-city': choiceId(body.quiz, 'summit-city', 'Vladivostok'),
      'resolution-number': '2397',
      'veto-2022': true,
      'deadline-months': 24,
    },
  };
}

describe('a class from creation to gradebook', () => {
  let owner: ApiClient;
  let classA: { id: string; name: string; joinCode: string };
  let classB: { id: string; name: string; joinCode: string };

  beforeAll(async () => {
    owner = await teacher();
    classA = (await owner.post('/api/classes', { name: 'Period 3' })).body;
    classB = (await owner.post('/api/classes', { name: 'Period 5' })).body;
  });

  it('creates classes with short join codes', () => {
    expect(classA).toEqual({
      id: expect.stringMatching(/^cls_/),
      name: 'Period 3',
      joinCode: expect.any(String),
    });
    expect(classA.joinCode).toMatch(/^[A-HJKMNP-Z2-9]{6}$/);
    expect(classB.joinCode).not.toBe(classA.joinCode);
  });

  it('grades on the server, stores once per idempotency key, and shows the result to the teacher', async () => {
    const ada = await student(classA.joinCode, 'Ada');
    const answers = await correctSummitAnswers(ada);
    const body = { quizId: 'summits-and-workers', idempotencyKey: crypto.randomUUID(), ...answers };

    // The same submission sent ten times at once (a double click, a retrying network): stored once.
    const results = await Promise.all(Array.from({ length: 10 }, () => ada.post('/api/attempts', body)));
    expect(results.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 201]);
    expect(new Set(results.map((r) => r.body.attempt.id)).size).toBe(1);
    const created = results.find((r) => r.status === 201)?.body;
    expect(created.attempt).toMatchObject({ number: 1, percentage: 100, passed: true });
    expect(created.result.questions.map((q: { status: string }) => q.status)).toEqual([
      'correct',
      'correct',
      'correct',
      'correct',
    ]);

    const progress = await ada.get('/api/me/progress');
    expect(progress.body.attempts).toHaveLength(1);

    const dashboard = await owner.get(`/api/classes/${classA.id}/dashboard`);
    expect(dashboard.body.students).toEqual([
      expect.objectContaining({
        displayName: 'Ada',
        lessons: expect.objectContaining({
          'summits-and-workers': {
            completed: false,
            completedAt: null,
            bestPercentage: 100,
            attempts: 1,
            pendingMarks: 0,
            awaitingMarking: false,
          },
        }),
      }),
    ]);
    const csv = await owner.get(`/api/classes/${classA.id}/gradebook.csv`);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    // (fetch's text() drops the UTF-8 BOM that lets Excel read accents; the raw bytes keep it.)
    const [header = '', row = '', ...rest] = csv.body.split('\r\n');
    expect(header).toMatch(
      /^Student key,Identifier,Name,"Summits and workers: best % \(highest attempt, pass mark \d+\)",/i,
    );
    expect(row).toMatch(/^stu_[\w-]+,,Ada,100,1,0,,0,0,,0,0,0 of 3,0,/);
    expect(rest).toEqual(['']);
    const raw = await fetch(`${server.url}/api/classes/${classA.id}/gradebook.csv`, {
      headers: { cookie: owner.cookieHeader() },
    });
    expect([...new Uint8Array(await raw.arrayBuffer()).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('enforces the quiz’s maximum number of attempts', async () => {
    const ben = await student(classA.joinCode, 'Ben');
    for (let attempt = 1; attempt <= 2; attempt++) {
      const sent = await ben.post('/api/attempts', {
        quizId: 'summits-and-workers',
        idempotencyKey: crypto.randomUUID(),
        responses: {},
      });
      expect(sent.status).toBe(201);
    }
    const third = await ben.post('/api/attempts', {
      quizId: 'summits-and-workers',
      idempotencyKey: crypto.randomUUID(),
      responses: {},
    });
    expect(third.status).toBe(409);
    expect(third.body.error.code).toBe('no-attempts-left');
    expect((await ben.get('/api/me/progress')).body.attempts).toHaveLength(2);
  });

  it('applies the interactive rules on the server: tries, hints and the penalty', async () => {
    const cy = await student(classA.joinCode, 'Cy');
    const { body } = await cy.get('/api/quizzes/treaty-years');
    const check = (text: string) =>
      cy.post('/api/attempts/check', {
        quizId: 'treaty-years',
        questionId: 'first-treaty',
        response: choiceId(body.quiz, 'first-treaty', text),
      });
    const first = await check('2000');
    expect(first.body).toMatchObject({ finished: false, triesLeft: 1 });
    expect(first.body.hints).toHaveLength(1);
    expect((await check('1961')).body).toMatchObject({ finished: true, result: { score: 0.5 } });
    // Submitting the right answer again cannot undo the penalty.
    const submitted = await cy.post('/api/attempts', {
      quizId: 'treaty-years',
      idempotencyKey: crypto.randomUUID(),
      responses: { 'first-treaty': choiceId(body.quiz, 'first-treaty', '1961') },
    });
    expect(submitted.body.result.questions[0]).toMatchObject({ id: 'first-treaty', score: 0.5 });
  });

  it('keeps each class’s view to itself', async () => {
    const bea = await student(classB.joinCode, 'Bea');
    expect((await bea.get(`/api/classes/${classA.id}/dashboard`)).status).toBe(401);
    expect((await bea.get(`/api/classes/${classB.id}/gradebook.csv`)).status).toBe(401);
    const dashboardB = await owner.get(`/api/classes/${classB.id}/dashboard`);
    expect(dashboardB.body.students.map((s: { displayName: string }) => s.displayName)).toEqual(['Bea']);
    expect((await bea.get('/api/me/progress')).body.attempts).toEqual([]);
  });

  it('continues a student on another device with the resume code', async () => {
    const laptop = await new ApiClient(server.url).start();
    const joined = await laptop.post('/api/classes/join', { code: classA.joinCode, displayName: 'Dee' });
    const phone = await new ApiClient(server.url).start();
    const resumed = await phone.post('/api/classes/resume', { resumeCode: joined.body.resumeCode });
    expect(resumed.status).toBe(200);
    await phone.post('/api/completions', { lessonId: 'treaties' });
    expect((await laptop.get('/api/me/progress')).body.completions).toEqual([
      { lessonId: 'treaties', completedAt: expect.any(String) },
    ]);
  });
});

describe('bad input gets a 4xx JSON error and changes nothing', () => {
  let client: ApiClient;
  beforeAll(async () => {
    client = await new ApiClient(server.url).start();
    await client.get('/api/quizzes/summits-and-workers');
  });

  const cases: [string, string, number, string][] = [
    ['malformed JSON', '{"quizId": "summits-and-workers",', 400, 'invalid-json'],
    ['wrong types', '{"quizId": 7, "responses": [], "idempotencyKey": true}', 400, 'invalid-body'],
    [
      'an unknown quiz',
      '{"quizId":"nope","responses":{},"idempotencyKey":"key-unknown-quiz"}',
      404,
      'unknown-quiz',
    ],
    [
      'an unknown question',
      '{"quizId":"summits-and-workers","responses":{"nope":1},"idempotencyKey":"key-unknown-q"}',
      400,
      'invalid-responses',
    ],
  ];
  for (const [what, body, status, code] of cases) {
    it(what, async () => {
      const response = await client.post('/api/attempts', body);
      expect(response.status).toBe(status);
      expect(response.body.error.code).toBe(code);
      expect(typeof response.body.error.message).toBe('string');
      expect(JSON.stringify(response.body)).not.toMatch(/\bat \S+ \(|node_modules/);
    });
  }

  it('an oversized body', async () => {
    const response = await client.post('/api/attempts', {
      quizId: 'summits-and-workers',
      idempotencyKey: 'key-oversized',
      responses: { 'resolution-number': 'x'.repeat(400_000) },
    });
    expect([response.status, response.body.error.code]).toEqual([413, 'body-too-large']);
  });

  it('a missing CSRF token and a cross-site origin', async () => {
    const body = { quizId: 'summits-and-workers', idempotencyKey: 'key-csrf-0001', responses: {} };
    const noToken = await client.post('/api/attempts', body, { 'x-csrf-token': '' });
    expect(noToken.status).toBe(403);
    const crossSite = await client.post('/api/attempts', body, { origin: 'https://evil.example' });
    expect([crossSite.status, crossSite.body.error.code]).toEqual([403, 'cross-site-request']);
    expect((await client.get('/api/me/progress')).body.attempts).toEqual([]);
  });

  it('an unknown endpoint and an unsupported method', async () => {
    expect((await client.get('/api/does-not-exist')).body.error.code).toBe('unknown-endpoint');
    const deleted = await client.request('DELETE', '/api/attempts');
    expect([deleted.status, deleted.body.error.code]).toEqual([405, 'method-not-allowed']);
  });
});

describe('guessing', () => {
  it('is limited for join codes once a client has failed 20 times', async () => {
    const guesser = await new ApiClient(server.url, { 'x-forwarded-for': '198.51.100.99' }).start();
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) {
      statuses.push(
        (await guesser.post('/api/classes/join', { code: 'ZZZZZZ', displayName: `G${i}` })).status,
      );
    }
    expect(statuses.slice(0, 20).every((status) => status === 404)).toBe(true);
    expect(statuses[20]).toBe(429);
  });

  it('is limited for the teacher passcode after 10 tries per client address', async () => {
    const attacker = await new ApiClient(server.url, { 'x-forwarded-for': '198.51.100.23' }).start();
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      statuses.push((await attacker.post('/api/teacher/login', { passcode: `guess-${i}` })).status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 429]);
    const locked = await attacker.post('/api/teacher/login', { passcode: DEFAULT_TEACHER_PASSCODE });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another address is unaffected.
    await teacher();
  });
});
