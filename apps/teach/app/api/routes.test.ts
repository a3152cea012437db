// The API's authorisation rules, exercised through the route handlers themselves with an in-memory
// database and the fixture course. (tests/class-mode runs the same API against `next start`.)
import type { PublicQuiz } from '@coursekit/quiz-engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setStorage } from '@/lib/server/storage/index';
import type { SqliteStorage } from '@/lib/server/storage/sqlite';
import { Browser, fixtureCourseDir, memoryStorage } from '@/lib/server/testing';
import { POST as check } from './attempts/check/route';
import { POST as submit } from './attempts/route';
import { GET as dashboard } from './classes/[id]/dashboard/route';
import { GET as gradebook } from './classes/[id]/gradebook.csv/route';
import { POST as join } from './classes/join/route';
import { POST as resume } from './classes/resume/route';
import { POST as createClass, DELETE as deleteClasses, GET as listClasses } from './classes/route';
import { POST as complete } from './completions/route';
import { GET as csrf } from './csrf/route';
import { GET as progress } from './me/progress/route';
import { GET as getQuiz } from './quizzes/[id]/route';
import { POST as login } from './teacher/login/route';
import { POST as logout } from './teacher/logout/route';

const PASSCODE = 'unit-test-passcode';
let storage: SqliteStorage;

// Promise<never> fits every route's params type, so one helper can call them all.
type Handler = (request: Request, segment: { params: Promise<never> }) => Promise<Response>;

async function call(browser: Browser, handler: Handler, path: string, body?: unknown, params = {}) {
  const response = browser.remember(
    await handler(browser.request(path, { body }), { params: Promise.resolve(params) as Promise<never> }),
  );
  const text = await response.text();
  const type = response.headers.get('content-type') ?? '';
  return {
    status: response.status,
    body: type.includes('json') ? JSON.parse(text) : text,
    headers: response.headers,
  };
}

async function newBrowser(): Promise<Browser> {
  const browser = new Browser();
  await call(browser, csrf, '/api/csrf');
  return browser;
}

async function teacherBrowser(): Promise<Browser> {
  const browser = await newBrowser();
  expect((await call(browser, login, '/api/teacher/login', { passcode: PASSCODE })).status).toBe(200);
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
  process.env.COURSE_DIR = fixtureCourseDir;
  process.env.TEACHER_PASSCODE = PASSCODE;
  storage = memoryStorage();
  setStorage(storage);
  teacher = await teacherBrowser();
  classA = (await call(teacher, createClass, '/api/classes', { name: 'Period 3' })).body;
  classB = (await call(teacher, createClass, '/api/classes', { name: 'Period 5' })).body;
  ada = await newBrowser();
  const joined = await call(ada, join, '/api/classes/join', { code: classA.joinCode, displayName: 'Ada' });
  expect(joined.status).toBe(201);
  adaResumeCode = joined.body.resumeCode;
  bea = await newBrowser();
  await call(bea, join, '/api/classes/join', { code: classB.joinCode.toLowerCase(), displayName: 'Bea' });

  for (const [browser, answer, extra] of [
    [ada, 'Hanoi', {}],
    [bea, 'Pyongyang', { 'resolution-number': '2397' }],
  ] as const) {
    const { body } = await call(browser, getQuiz, '/api/quizzes/summits-and-workers', undefined, {
      id: 'summits-and-workers',
    });
    const submitted = await call(browser, submit, '/api/attempts', {
      quizId: 'summits-and-workers',
      idempotencyKey: crypto.randomUUID(),
      attemptNumber: body.attempt.number,
      responses: { 'summit-city': choice(body.quiz, 'summit-city', answer), 'veto-2022': true, ...extra },
    });
    expect(submitted.status).toBe(201);
  }
});

afterAll(async () => {
  setStorage(undefined);
  await storage.close();
});

describe('teacher routes', () => {
  it('refuse a student session and a browser without one', async () => {
    for (const browser of [ada, await newBrowser()]) {
      const result = await call(browser, dashboard, `/api/classes/${classA.id}/dashboard`, undefined, {
        id: classA.id,
      });
      expect(result.status).toBe(401);
      expect(result.body.error.code).toBe('teacher-login-required');
      expect((await call(browser, gradebook, '/x', undefined, { id: classA.id })).status).toBe(401);
      expect((await call(browser, createClass, '/api/classes', { name: 'Mine' })).status).toBe(401);
      expect((await call(browser, listClasses, '/api/classes')).status).toBe(401);
    }
    expect((await storage.listClasses()).length).toBe(2);
  });

  it('show one class’s students and answers only', async () => {
    const a = await call(teacher, dashboard, '/x', undefined, { id: classA.id });
    expect(a.body.students.map((s: { displayName: string }) => s.displayName)).toEqual(['Ada']);
    expect(a.body.students[0].lessons['summits-and-workers']).toEqual({
      completed: false,
      completedAt: null,
      bestPercentage: 25,
      attempts: 1,
    });
    const summitCity = a.body.itemAnalysis[0].questions.find(
      (q: { questionId: string }) => q.questionId === 'summit-city',
    );
    expect(summitCity).toMatchObject({ responses: 1, correct: 0, correctShare: 0, topWrongAnswer: 'Hanoi' });

    const b = await call(teacher, dashboard, '/x', undefined, { id: classB.id });
    expect(b.body.students.map((s: { displayName: string }) => s.displayName)).toEqual(['Bea']);
    expect(JSON.stringify(b.body)).not.toContain('Ada');
  });

  it('answer 404 in JSON for an unknown class', async () => {
    const result = await call(teacher, dashboard, '/x', undefined, { id: 'cls_nope' });
    expect(result.status).toBe(404);
    expect(result.body.error).toEqual({
      code: 'unknown-class',
      message: "There is no class with id 'cls_nope'.",
    });
  });

  it('download the gradebook as CSV', async () => {
    const result = await call(teacher, gradebook, '/x', undefined, { id: classA.id });
    expect(result.status).toBe(200);
    expect(result.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(result.headers.get('content-disposition')).toMatch(/^attachment; filename="gradebook-period-3-/);
    expect(result.body.split('\r\n')[1]).toBe('Ada,25,,');
  });

  it('stop working everywhere after logout', async () => {
    const other = await teacherBrowser();
    const stolen = other.cookies.get('ck_teacher') ?? '';
    expect((await call(other, logout, '/api/teacher/logout', {})).status).toBe(200);
    expect(other.cookies.has('ck_teacher')).toBe(false);
    const replay = await newBrowser();
    replay.cookies.set('ck_teacher', stolen);
    expect((await call(replay, listClasses, '/api/classes')).status).toBe(401);
  });

  it('require the CSRF header for login', async () => {
    const browser = await newBrowser();
    const response = await login(
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
    const mine = await call(ada, progress, '/api/me/progress');
    expect(mine.body.learner).toMatchObject({
      kind: 'student',
      displayName: 'Ada',
      class: { name: 'Period 3' },
    });
    // Bea (class B) scored 50%; Ada sees only her own 25%.
    expect(mine.body.attempts).toHaveLength(1);
    expect(mine.body.attempts[0]).toMatchObject({ quizId: 'summits-and-workers', number: 1, percentage: 25 });
    const nobody = await call(new Browser(), progress, '/api/me/progress');
    expect(nobody.body).toEqual({ learner: null, attempts: [], completions: [] });
  });

  it('continue on another device with the resume code', async () => {
    const phone = await newBrowser();
    const resumed = await call(phone, resume, '/api/classes/resume', {
      resumeCode: adaResumeCode.toLowerCase().replaceAll('-', ' '),
    });
    expect(resumed.status).toBe(200);
    expect(resumed.body.student.displayName).toBe('Ada');
    const mine = await call(phone, progress, '/api/me/progress');
    expect(mine.body.attempts).toHaveLength(1);
    expect((await call(phone, resume, '/api/classes/resume', { resumeCode: 'AAAA-BBBB-CCCC' })).status).toBe(
      404,
    );
  });

  it('refuse an altered session cookie and store nothing', async () => {
    const forged = await newBrowser();
    const cookie = ada.cookies.get('ck_learner') ?? '';
    forged.cookies.set('ck_learner', `${cookie.slice(0, -2)}xx`);
    const before = await storage.countAttempts('anything', 'summits-and-workers');
    const result = await call(forged, submit, '/api/attempts', {
      quizId: 'summits-and-workers',
      idempotencyKey: crypto.randomUUID(),
      responses: {},
    });
    expect(result.status).toBe(401);
    expect(result.body.error.code).toBe('session-invalid');
    expect(await storage.countAttempts('anything', 'summits-and-workers')).toBe(before);
  });

  it('keep display names as typed (pages escape them) and refuse a name taken in the class', async () => {
    const eve = await newBrowser();
    const name = '<img src=x onerror=alert(1)>';
    const joined = await call(eve, join, '/api/classes/join', { code: classA.joinCode, displayName: name });
    expect(joined.body.student.displayName).toBe(name);
    const again = await call(await newBrowser(), join, '/api/classes/join', {
      code: classA.joinCode,
      displayName: ' ada ',
    });
    expect([again.status, again.body.error.code]).toEqual([409, 'display-name-taken']);
    const bad = await call(await newBrowser(), join, '/api/classes/join', {
      code: 'I0I0I0',
      displayName: 'Cy',
    });
    expect([bad.status, bad.body.error.code]).toEqual([400, 'invalid-join-code']);
    const unknown = await call(await newBrowser(), join, '/api/classes/join', {
      code: 'ZZZZZZ',
      displayName: 'Cy',
    });
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'unknown-join-code']);
  });

  it('refuse a submission before the browser has a session, and an oversized one', async () => {
    const fresh = await newBrowser();
    const early = await call(fresh, submit, '/api/attempts', {
      quizId: 'summits-and-workers',
      idempotencyKey: crypto.randomUUID(),
      responses: {},
    });
    expect([early.status, early.body.error.code]).toEqual([401, 'session-required']);
    const huge = await call(ada, submit, '/api/attempts', {
      quizId: 'summits-and-workers',
      idempotencyKey: crypto.randomUUID(),
      responses: { 'resolution-number': 'x'.repeat(300 * 1024) },
    });
    expect([huge.status, huge.body.error.code]).toEqual([413, 'body-too-large']);
    expect(
      await storage.countAttempts(
        (await storage.listStudents(classA.id))[0]?.id ?? '',
        'summits-and-workers',
      ),
    ).toBe(1);
  });

  it('let an anonymous browser take a quiz, check an interactive question and record a completion', async () => {
    const visitor = await newBrowser();
    const quiz = await call(visitor, getQuiz, '/api/quizzes/treaty-years', undefined, { id: 'treaty-years' });
    expect(quiz.body.learner).toEqual({ kind: 'anonymous' });
    expect(visitor.cookies.has('ck_learner')).toBe(true);
    const checked = await call(visitor, check, '/api/attempts/check', {
      quizId: 'treaty-years',
      questionId: 'first-treaty',
      response: choice(quiz.body.quiz, 'first-treaty', '1961'),
    });
    expect(checked.body).toMatchObject({ finished: true, result: { score: 1 } });
    const done = await call(visitor, complete, '/api/completions', { lessonId: 'treaties' });
    expect(done.status).toBe(201);
    expect((await call(visitor, complete, '/api/completions', { lessonId: 'treaties' })).status).toBe(200);
    const missing = await call(visitor, complete, '/api/completions', { lessonId: 'no-such-lesson' });
    expect([missing.status, missing.body.error.code]).toEqual([404, 'unknown-lesson']);
    const unknownQuiz = await call(visitor, getQuiz, '/api/quizzes/nope', undefined, { id: 'nope' });
    expect([unknownQuiz.status, unknownQuiz.body.error.code]).toEqual([404, 'unknown-quiz']);
  });
});

describe('every route', () => {
  it('answers unsupported methods with a JSON 405 naming the allowed ones', async () => {
    const response = await deleteClasses(
      new Request('http://127.0.0.1:3000/api/classes', { method: 'DELETE' }),
    );
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, POST');
    expect(await response.json()).toEqual({
      error: { code: 'method-not-allowed', message: 'DELETE is not supported here; use GET or POST.' },
    });
  });
});
