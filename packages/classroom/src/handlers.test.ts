// The API's authorisation rules, exercised through the route handlers themselves with an in-memory
// database and the fixture course. (tests/class-mode runs the same API against `next start`.)
import type { PublicQuiz } from '@coursekit/quiz-engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Classroom, createClassroom } from './api';
import type { SqliteStore } from './storage/sqlite';
import { apiCaller, Browser, fixtureCourseDir, memoryStore } from './testing';

const PASSCODE = 'unit-test-passcode';
let store: SqliteStore;
let classroom: Classroom;

const { call, newBrowser } = apiCaller(() => classroom);

async function teacherBrowser(): Promise<Browser> {
  const browser = await newBrowser();
  expect((await call(browser, '/api/teacher/login', { passcode: PASSCODE })).status).toBe(200);
  return browser;
}

function choice(quiz: PublicQuiz, questionId: string, text: string): string {
  const question = quiz.questions.find((q) => q.id === questionId);
  const found = question && 'choices' in question ? question.choices.find((c) => c.text === text) : undefined;
  if (!found) throw new Error(`no choice ${text}`);
  return found.id;
}

let teacher: Browser;
let ada: Browser;
let bea: Browser;
let classA: { id: string; joinCode: string };
let classB: { id: string; joinCode: string };
let adaResumeCode: string;

beforeAll(async () => {
  store = memoryStore();
  classroom = createClassroom({
    store,
    courseDir: fixtureCourseDir,
    env: { TEACHER_PASSCODE: PASSCODE },
    log: () => {},
  });
  teacher = await teacherBrowser();
  classA = (await call(teacher, '/api/classes', { name: 'Period 3' })).body;
  classB = (await call(teacher, '/api/classes', { name: 'Period 5' })).body;
  ada = await newBrowser();
  const joined = await call(ada, '/api/classes/join', { code: classA.joinCode, displayName: 'Ada' });
  expect(joined.status).toBe(201);
  adaResumeCode = joined.body.resumeCode;
  bea = await newBrowser();
  await call(bea, '/api/classes/join', { code: classB.joinCode.toLowerCase(), displayName: 'Bea' });

  for (const [browser, answer, extra] of [
    [ada, 'Hanoi', {}],
    [bea, 'Pyongyang', { 'resolution-number': '2397' }],
  ] as const) {
    const { body } = await call(browser, '/api/quizzes/summits-and-workers');
    const submitted = await call(browser, '/api/attempts', {
      quizId: 'summits-and-workers',
      idempotencyKey: crypto.randomUUID(),
      attemptNumber: body.attempt.number,
      responses: { 'summit-city': choice(body.quiz, 'summit-city', answer), 'veto-2022': true, ...extra },
    });
    expect(submitted.status).toBe(201);
  }
});

afterAll(async () => {
  await classroom.close();
});

describe('teacher routes', () => {
  it('refuse a student session and a browser without one', async () => {
    for (const browser of [ada, await newBrowser()]) {
      const result = await call(browser, `/api/classes/${classA.id}/dashboard`);
      expect(result.status).toBe(401);
      expect(result.body.error.code).toBe('teacher-login-required');
      expect((await call(browser, `/api/classes/${classA.id}/gradebook.csv`)).status).toBe(401);
      expect((await call(browser, '/api/classes', { name: 'Mine' })).status).toBe(401);
      expect((await call(browser, '/api/classes')).status).toBe(401);
    }
    expect((await store.classes.list()).length).toBe(2);
  });

  it('show one class’s students and answers only', async () => {
    const a = await call(teacher, `/api/classes/${classA.id}/dashboard`);
    expect(a.body.students.map((s: { displayName: string }) => s.displayName)).toEqual(['Ada']);
    expect(a.body.students[0].lessons['summits-and-workers']).toEqual({
      completed: false,
      completedAt: null,
      bestPercentage: 25,
      attempts: 1,
      pendingMarks: 0,
      awaitingMarking: false,
    });
    const summitCity = a.body.itemAnalysis[0].questions.find(
      (q: { questionId: string }) => q.questionId === 'summit-city',
    );
    expect(summitCity).toMatchObject({ responses: 1, correct: 0, correctShare: 0, topWrongAnswer: 'Hanoi' });

    const b = await call(teacher, `/api/classes/${classB.id}/dashboard`);
    expect(b.body.students.map((s: { displayName: string }) => s.displayName)).toEqual(['Bea']);
    expect(JSON.stringify(b.body)).not.toContain('Ada');
  });

  it('answer 404 in JSON for an unknown class', async () => {
    const result = await call(teacher, `/api/classes/${'cls_nope'}/dashboard`);
    expect(result.status).toBe(404);
    expect(result.body.error).toEqual({
      code: 'unknown-class',
      message: "There is no class with id 'cls_nope'.",
    });
  });

  it('download the gradebook as CSV', async () => {
    const result = await call(teacher, `/api/classes/${classA.id}/gradebook.csv`);
    expect(result.status).toBe(200);
    expect(result.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(result.headers.get('content-disposition')).toMatch(/^attachment; filename="gradebook-period-3-/);
    expect(result.body.split('\r\n')[1]).toMatch(/^stu_[\w-]+,,Ada,25,1,0,,0,0,,0,0,0 of 3,0,12\.5$/);
  });

  it('stop working everywhere after logout', async () => {
    const other = await teacherBrowser();
    const stolen = other.cookies.get('ck_teacher') ?? '';
    expect((await call(other, '/api/teacher/logout', {})).status).toBe(200);
    expect(other.cookies.has('ck_teacher')).toBe(false);
    const replay = await newBrowser();
    replay.cookies.set('ck_teacher', stolen);
    expect((await call(replay, '/api/classes')).status).toBe(401);
  });

  it('require the CSRF header for login', async () => {
    const browser = await newBrowser();
    const response = await classroom.handle(
      browser.request('/api/teacher/login', {
        body: { passcode: PASSCODE },
        headers: { 'x-csrf-token': '' },
      }),
    );
    expect(response.status).toBe(403);
    expect(response.headers.getSetCookie()).toEqual([]);
  });
});

describe('student routes', () => {
  it('show a student their own attempts only', async () => {
    const mine = await call(ada, '/api/me/progress');
    expect(mine.body.learner).toMatchObject({
      kind: 'student',
      displayName: 'Ada',
      class: { name: 'Period 3' },
    });
    // Bea (class B) scored 50%; Ada sees only her own 25%.
    expect(mine.body.attempts).toHaveLength(1);
    expect(mine.body.attempts[0]).toMatchObject({ quizId: 'summits-and-workers', number: 1, percentage: 25 });
    const nobody = await call(new Browser(), '/api/me/progress');
    expect(nobody.body).toEqual({ learner: null, attempts: [], completions: [], quizzes: {} });
  });

  it('continue on another device with the resume code', async () => {
    const phone = await newBrowser();
    const resumed = await call(phone, '/api/classes/resume', {
      resumeCode: adaResumeCode.toLowerCase().replaceAll('-', ' '),
    });
    expect(resumed.status).toBe(200);
    expect(resumed.body.student.displayName).toBe('Ada');
    const mine = await call(phone, '/api/me/progress');
    expect(mine.body.attempts).toHaveLength(1);
    expect((await call(phone, '/api/classes/resume', { resumeCode: 'AAAA-BBBB-CCCC' })).status).toBe(404);
  });

  it('refuse an altered session cookie and store nothing', async () => {
    const forged = await newBrowser();
    const cookie = ada.cookies.get('ck_learner') ?? '';
    forged.cookies.set('ck_learner', `${cookie.slice(0, -2)}xx`);
    const before = await store.attempts.count('anything', 'summits-and-workers');
    const result = await call(forged, '/api/attempts', {
      quizId: 'summits-and-workers',
      idempotencyKey: crypto.randomUUID(),
      responses: {},
    });
    expect(result.status).toBe(401);
    expect(result.body.error.code).toBe('session-invalid');
    expect(await store.attempts.count('anything', 'summits-and-workers')).toBe(before);
  });

  it('keep display names as typed (pages escape them) and refuse a name taken in the class', async () => {
    const eve = await newBrowser();
    const name = '<img src=x onerror=alert(1)>';
    const joined = await call(eve, '/api/classes/join', { code: classA.joinCode, displayName: name });
    expect(joined.body.student.displayName).toBe(name);
    const again = await call(await newBrowser(), '/api/classes/join', {
      code: classA.joinCode,
      displayName: ' ada ',
    });
    expect([again.status, again.body.error.code]).toEqual([409, 'display-name-taken']);
    const bad = await call(await newBrowser(), '/api/classes/join', {
      code: 'I0I0I0',
      displayName: 'Cy',
    });
    expect([bad.status, bad.body.error.code]).toEqual([400, 'invalid-join-code']);
    const unknown = await call(await newBrowser(), '/api/classes/join', {
      code: 'ZZZZZZ',
      displayName: 'Cy',
    });
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'unknown-join-code']);
  });

  it('refuse a submission before the browser has a session, and an oversized one', async () => {
    const fresh = await newBrowser();
    const early = await call(fresh, '/api/attempts', {
      quizId: 'summits-and-workers',
      idempotencyKey: crypto.randomUUID(),
      responses: {},
    });
    expect([early.status, early.body.error.code]).toEqual([401, 'session-required']);
    const huge = await call(ada, '/api/attempts', {
      quizId: 'summits-and-workers',
      idempotencyKey: crypto.randomUUID(),
      responses: { 'resolution-number': 'x'.repeat(300 * 1024) },
    });
    expect([huge.status, huge.body.error.code]).toEqual([413, 'body-too-large']);
    expect(
      await store.attempts.count(
        (await store.classes.listStudents(classA.id))[0]?.id ?? '',
        'summits-and-workers',
      ),
    ).toBe(1);
  });

  it('let an anonymous browser take a quiz, check an interactive question and record a completion', async () => {
    const visitor = await newBrowser();
    const quiz = await call(visitor, '/api/quizzes/treaty-years');
    expect(quiz.body.learner).toEqual({ kind: 'anonymous' });
    expect(visitor.cookies.has('ck_learner')).toBe(true);
    const checked = await call(visitor, '/api/attempts/check', {
      quizId: 'treaty-years',
      questionId: 'first-treaty',
      response: choice(quiz.body.quiz, 'first-treaty', '1961'),
    });
    expect(checked.body).toMatchObject({ finished: true, result: { score: 1 } });
    const done = await call(visitor, '/api/completions', { lessonId: 'treaties' });
    expect(done.status).toBe(201);
    expect((await call(visitor, '/api/completions', { lessonId: 'treaties' })).status).toBe(200);
    const missing = await call(visitor, '/api/completions', { lessonId: 'no-such-lesson' });
    expect([missing.status, missing.body.error.code]).toEqual([404, 'unknown-lesson']);
    const unknownQuiz = await call(visitor, '/api/quizzes/nope');
    expect([unknownQuiz.status, unknownQuiz.body.error.code]).toEqual([404, 'unknown-quiz']);
  });
});

describe('every route', () => {
  it('answers unsupported methods with a JSON 405 naming the allowed ones', async () => {
    const response = await classroom.handle(
      new Request('http://127.0.0.1:3000/api/classes', { method: 'DELETE' }),
    );
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, POST');
    expect(await response.json()).toEqual({
      error: { code: 'method-not-allowed', message: 'DELETE is not supported here; use GET or POST.' },
    });
  });
});

describe('guessing and lockout', () => {
  /** A separate classroom per case, so the limits start from zero. */
  function fresh(): Classroom {
    return createClassroom({
      store: memoryStore(),
      courseDir: fixtureCourseDir,
      env: { TEACHER_PASSCODE: PASSCODE },
      log: () => {},
    });
  }

  async function send(room: Classroom, browser: Browser, path: string, body: unknown, forwarded?: string) {
    if (!browser.cookies.has('ck_csrf')) browser.remember(await room.handle(browser.request('/api/csrf')));
    const response = browser.remember(
      await room.handle(
        browser.request(path, { body, headers: forwarded ? { 'x-forwarded-for': forwarded } : {} }),
        { remoteAddress: browser.address },
      ),
    );
    return { status: response.status, body: await response.json() };
  }

  it('does not give a client more passcode guesses for rotating X-Forwarded-For', async () => {
    const room = fresh();
    const attacker = new Browser('198.51.100.66');
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      statuses.push(
        (await send(room, attacker, '/api/teacher/login', { passcode: 'wrong-guess' }, `203.0.113.${i}`))
          .status,
      );
    }
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
    await room.close();
  });

  it('lets the teacher log in from a known browser after 100 wrong passcodes from forged addresses', async () => {
    const room = fresh();
    const teacherLaptop = new Browser('192.0.2.10');
    expect((await send(room, teacherLaptop, '/api/teacher/login', { passcode: PASSCODE })).status).toBe(200);
    expect(teacherLaptop.cookies.has('ck_device')).toBe(true);
    for (let i = 0; i < 100; i++) {
      const forged = new Browser(`203.0.${Math.floor(i / 250)}.${i % 250}`);
      await send(room, forged, '/api/teacher/login', { passcode: `guess-${i}` });
    }
    // Strangers are now refused outright …
    expect(
      (await send(room, new Browser('203.0.113.200'), '/api/teacher/login', { passcode: PASSCODE })).status,
    ).toBe(429);
    // … but the browser the teacher logged in with before still gets in.
    expect((await send(room, teacherLaptop, '/api/teacher/login', { passcode: PASSCODE })).status).toBe(200);
    await room.close();
  });

  it('caps wrong join codes over all clients, so no mix of addresses can guess a class code', async () => {
    const room = fresh();
    const teacherBrowser = new Browser();
    await send(room, teacherBrowser, '/api/teacher/login', { passcode: PASSCODE });
    const created = await send(room, teacherBrowser, '/api/classes', { name: 'Period 3' });
    const statuses: number[] = [];
    for (let i = 0; i < 110; i++) {
      const guesser = new Browser(`203.0.113.${i}`);
      statuses.push(
        (await send(room, guesser, '/api/classes/join', { code: 'ZZZZZZ', displayName: `G${i}` })).status,
      );
    }
    expect(statuses.filter((s) => s === 404)).toHaveLength(100);
    expect(statuses.slice(100).every((s) => s === 429)).toBe(true);
    // Even the right code is refused until the window ends: guessing it gains nothing.
    const right = await send(room, new Browser('203.0.113.250'), '/api/classes/join', {
      code: created.body.joinCode,
      displayName: 'Lucky',
    });
    expect(right.status).toBe(429);
    await room.close();
  });
});

describe('names', () => {
  it.each([
    ['a lone surrogate', 'Ada \ud800'],
    // Hangul fillers are letters (Lo), not format characters: only the invisible-name check refuses them.
    ['only invisible characters', '\u3164\u115f \u3164'],
    ['a private-use character', 'Ada \ue000'],
    ['an unassigned code point', 'Ada \u0378'],
  ])('refuses a display name with %s', async (_what, name) => {
    const browser = await newBrowser();
    const result = await call(browser, '/api/classes/join', { code: classA.joinCode, displayName: name });
    expect(result.status).toBe(400);
    expect(result.body.error.code).toBe('invalid-display-name');
  });

  it.each([
    ['a lone surrogate', 'Period \udc00'],
    ['only invisible characters', '\u3164 \u1160\u115f'],
    ['a private-use character', 'Period \uf8ff'],
    ['an unassigned code point', 'Period \u0378'],
  ])('refuses a class name with %s', async (_what, name) => {
    const result = await call(teacher, '/api/classes', { name });
    expect(result.status).toBe(400);
    expect(result.body.error.code).toBe('invalid-body');
  });
});
