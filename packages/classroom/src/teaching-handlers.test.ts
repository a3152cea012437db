// The teacher's loop through the route handlers: marking essays with the rubric, overrides with a reason,
// review options, due dates, extra attempts, drafts and word limits, with the fixture course.
import type { PublicQuiz } from '@coursekit/quiz-engine';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Classroom, createClassroom } from './api';
import type { SqliteStore } from './storage/sqlite';
import { apiCaller, type Browser, fixtureCourseDir, memoryStore } from './testing';

const PASSCODE = 'unit-test-passcode';
let store: SqliteStore;
let classroom: Classroom;

const { call, newBrowser } = apiCaller(() => classroom);

function choice(quiz: PublicQuiz, questionId: string, text: string): string {
  const question = quiz.questions.find((q) => q.id === questionId);
  const found = question && 'choices' in question ? question.choices.find((c) => c.text === text) : undefined;
  if (!found) throw new Error(`no choice ${text}`);
  return found.id;
}

async function submit(
  browser: Browser,
  quizId: string,
  responses: (quiz: PublicQuiz) => Record<string, unknown>,
) {
  const { body } = await call(browser, `/api/quizzes/${quizId}`);
  return call(browser, '/api/attempts', {
    quizId,
    idempotencyKey: crypto.randomUUID(),
    attemptNumber: body.attempt?.number,
    responses: responses(body.quiz),
  });
}

let teacher: Browser;
let ada: Browser;
let bea: Browser;
let classA: { id: string };
let classB: { id: string };
let adaId: string;

beforeAll(async () => {
  store = memoryStore();
  classroom = createClassroom({
    store,
    courseDir: fixtureCourseDir,
    env: { TEACHER_PASSCODE: PASSCODE },
    log: () => {},
  });
  teacher = await newBrowser();
  expect((await call(teacher, '/api/teacher/login', { passcode: PASSCODE })).status).toBe(200);
  const a = (await call(teacher, '/api/classes', { name: 'Period 3' })).body;
  const b = (await call(teacher, '/api/classes', { name: 'Period 5' })).body;
  classA = a;
  classB = b;
  ada = await newBrowser();
  adaId = (await call(ada, '/api/classes/join', { code: a.joinCode, displayName: 'Ada' })).body.student.id;
  bea = await newBrowser();
  await call(bea, '/api/classes/join', { code: b.joinCode, displayName: 'Bea' });
});

afterAll(async () => {
  await classroom.close();
});

describe('marking an essay', () => {
  let attemptId: string;

  it('shows a submitted essay as awaiting marking to the student, not as a final score', async () => {
    const submitted = await submit(ada, 'un-votes', () => ({
      'dprk-vote': true,
      reflect: 'Pyongyang voted against ES-11/1 with Moscow.',
    }));
    expect(submitted.status).toBe(201);
    attemptId = submitted.body.attempt.id;
    expect(submitted.body.attempt).toMatchObject({
      percentage: 33.33,
      passed: null,
      awaitingMarking: true,
      pendingMarks: 1,
    });
    const reflect = submitted.body.result.questions.find((q: { id: string }) => q.id === 'reflect');
    expect(reflect).toMatchObject({
      awaitingMarking: true,
      response: 'Pyongyang voted against ES-11/1 with Moscow.',
    });
    const progress = await call(ada, '/api/me/progress');
    expect(progress.body.quizzes['un-votes']).toMatchObject({
      attemptsUsed: 1,
      pendingMarks: 1,
      awaitingMarking: true,
    });
    const grid = await call(teacher, `/api/classes/${classA.id}/dashboard`);
    expect(grid.body.students[0].lessons['un-votes']).toMatchObject({
      pendingMarks: 1,
      awaitingMarking: true,
    });
    const csv = await call(teacher, `/api/classes/${classA.id}/gradebook.csv`);
    const [row] = parse(csv.body, { bom: true, columns: true }) as Record<string, string>[];
    expect(row).toMatchObject({
      Name: 'Ada',
      'UN votes: essays awaiting marking': '1',
      'Essays awaiting marking': '1',
    });
  });

  it('lists the essay for the teacher with its rubric levels and the text as typed', async () => {
    const listed = await call(teacher, `/api/classes/${classA.id}/marking?status=pending`);
    expect(listed.status).toBe(200);
    expect(listed.body.essays).toHaveLength(1);
    expect(listed.body.essays[0]).toMatchObject({
      attemptId,
      student: { id: adaId, displayName: 'Ada' },
      questionId: 'reflect',
      response: 'Pyongyang voted against ES-11/1 with Moscow.',
      wordCount: 7,
      maxWords: 60,
      status: 'pending',
      mark: null,
    });
    expect(listed.body.essays[0].rubric[0].levels.map((l: { label: string }) => l.label)).toEqual([
      'Secure',
      'Developing',
      'Missing',
    ]);
    expect(listed.body.byQuestion).toEqual([
      { quizId: 'un-votes', questionId: 'reflect', prompt: expect.any(String), pending: 1, marked: 0 },
    ]);
    expect((await call(teacher, `/api/classes/${classB.id}/marking`)).body.essays).toEqual([]);
    expect((await call(teacher, `/api/classes/${classA.id}/marking?status=soon`)).status).toBe(400);
  });

  it('refuses marks that do not fit the rubric, and changes nothing', async () => {
    const path = `/api/classes/${classA.id}/attempts/${attemptId}/marks`;
    const wrongLevel = await call(teacher, path, {
      questionId: 'reflect',
      rubric: [{ criterion: 0, level: 'Great' }],
    });
    expect(wrongLevel.status).toBe(400);
    expect(wrongLevel.body.error.code).toBe('invalid-rubric');
    expect(wrongLevel.body.error.issues[0].path).toBe('rubric.0.level');
    expect((await call(teacher, path, { questionId: 'reflect', score: 3 })).status).toBe(400);
    const objective = await call(teacher, path, { questionId: 'dprk-vote', score: 1 });
    expect([objective.status, objective.body.error.code]).toEqual([409, 'not-an-essay']);
    const elsewhere = await call(teacher, `/api/classes/${classB.id}/attempts/${attemptId}/marks`, {
      questionId: 'reflect',
      score: 1,
    });
    expect([elsewhere.status, elsewhere.body.error.code]).toEqual([404, 'unknown-attempt']);
    const student = await call(ada, path, { questionId: 'reflect', score: 2 });
    expect([student.status, student.body.error.code]).toEqual([401, 'teacher-login-required']);
    const noCsrf = await classroom.handle(
      teacher.request(path, { body: { questionId: 'reflect', score: 2 }, headers: { 'x-csrf-token': '' } }),
    );
    expect(noCsrf.status).toBe(403);
    expect(await store.marking.listByAttempt(attemptId)).toEqual([]);
  });

  it('stores a rubric mark with feedback and recomputes the score the student sees', async () => {
    const marked = await call(teacher, `/api/classes/${classA.id}/attempts/${attemptId}/marks`, {
      questionId: 'reflect',
      rubric: [{ criterion: 0, level: 'Developing' }],
      feedback: 'Say when the vote was.',
    });
    expect(marked.status).toBe(201);
    expect(marked.body.attempt).toMatchObject({
      score: 2,
      maxScore: 3,
      percentage: 66.67,
      passed: true,
      pendingMarks: 0,
    });
    expect(marked.body.grade).toMatchObject({
      kind: 'mark',
      score: 1,
      rubric: [{ criterion: 0, level: 'Developing', points: 1 }],
    });
    const progress = await call(ada, '/api/me/progress');
    const attempt = progress.body.attempts.find((a: { id: string }) => a.id === attemptId);
    expect(attempt).toMatchObject({ percentage: 66.67, passed: true, awaitingMarking: false });
    const reflect = attempt.result.questions.find((q: { id: string }) => q.id === 'reflect');
    expect(reflect).toMatchObject({
      score: 1,
      teacherGrade: { score: 1, feedback: 'Say when the vote was.' },
    });
    expect(progress.body.quizzes['un-votes']).toMatchObject({
      awaitingMarking: false,
      best: { percentage: 66.67 },
    });
    const pending = await call(teacher, `/api/classes/${classA.id}/marking?status=pending`);
    expect(pending.body.essays).toEqual([]);
    const grid = await call(teacher, `/api/classes/${classA.id}/dashboard`);
    expect(grid.body.students[0].lessons['un-votes']).toMatchObject({
      pendingMarks: 0,
      bestPercentage: 66.67,
    });
  });

  it('overrides a score only with a reason, kept in the audit trail the teacher reads', async () => {
    const path = `/api/classes/${classA.id}/attempts/${attemptId}/overrides`;
    const noReason = await call(teacher, path, { questionId: 'dprk-vote', score: 0, reason: '  ' });
    expect(noReason.status).toBe(400);
    const overridden = await call(teacher, path, {
      questionId: 'dprk-vote',
      score: 0,
      reason: 'Answer copied from a neighbour',
    });
    expect(overridden.status).toBe(201);
    expect(overridden.body.attempt).toMatchObject({ score: 1, percentage: 33.33 });
    const page = await call(teacher, `/api/classes/${classA.id}/students/${adaId}`);
    expect(page.status).toBe(200);
    expect(
      page.body.auditTrail.map((g: { kind: string; reason: string | null }) => [g.kind, g.reason]),
    ).toEqual([
      ['mark', null],
      ['override', 'Answer copied from a neighbour'],
    ]);
    const attempt = page.body.attempts.find((a: { id: string }) => a.id === attemptId);
    expect(attempt.result.questions.find((q: { id: string }) => q.id === 'dprk-vote')).toMatchObject({
      score: 0,
      correctAnswer: expect.anything(),
    });
    const mine = JSON.stringify((await call(ada, '/api/me/progress')).body);
    expect(mine).not.toContain('neighbour');
    expect((await call(teacher, `/api/classes/${classB.id}/students/${adaId}`)).status).toBe(404);
  });
});

describe('essay word limits', () => {
  it('refuses an essay over maxWords before grading and stores nothing', async () => {
    const long = Array.from({ length: 61 }, () => 'word').join(' ');
    const refused = await submit(bea, 'un-votes', () => ({ reflect: long }));
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('essay-word-limit');
    expect(refused.body.error.issues).toEqual([
      { path: 'responses.reflect', message: expect.stringMatching(/61 words.*at most 60/) },
    ]);
    const short = await submit(bea, 'un-votes', () => ({ reflect: 'Moscow.' }));
    expect(short.body.error.issues[0].message).toMatch(/at least 3/);
    expect((await call(bea, '/api/me/progress')).body.quizzes['un-votes'].attemptsUsed).toBe(0);
  });
});

describe('review options', () => {
  const responses = (quiz: PublicQuiz) => ({
    'summit-city': choice(quiz, 'summit-city', 'Hanoi'),
    'veto-2022': true,
  });

  it('holds correct answers back while attempts remain, and shows them after the last one', async () => {
    const first = await submit(ada, 'summits-and-workers', responses);
    expect(first.status).toBe(201);
    const city = first.body.result.questions.find((q: { id: string }) => q.id === 'summit-city');
    expect(city.status).toBe('incorrect');
    expect(city.correctAnswer).toBeUndefined();
    expect(city.explanation).toBeUndefined();
    expect(JSON.stringify(first.body)).not.toContain('Vladivostok');
    expect(first.body.result.review).toEqual({
      correctness: true,
      feedback: true,
      correctAnswer: false,
      explanation: false,
    });

    const last = await submit(ada, 'summits-and-workers', responses);
    const lastCity = last.body.result.questions.find((q: { id: string }) => q.id === 'summit-city');
    expect(lastCity.correctAnswer).toBeDefined();
    // course.yaml says explanations wait for the due date, and this class has none.
    expect(lastCity.explanation).toBeUndefined();
  });

  it('holds the correct answer of a finished check back while attempts remain', async () => {
    await call(ada, '/api/quizzes/treaty-years');
    const check = (response: number) =>
      call(ada, '/api/attempts/check', { quizId: 'treaty-years', questionId: 'putin-visit', response });
    await check(1999);
    const finished = await check(2001);
    expect(finished.body).toMatchObject({ finished: true, triesLeft: 0, result: { status: 'incorrect' } });
    expect(finished.body.result.correctAnswer).toBeUndefined();
    const reloaded = await call(ada, '/api/quizzes/treaty-years');
    expect(reloaded.body.attempt.questions['putin-visit'].result.correctAnswer).toBeUndefined();
    expect('correctAnswer' in reloaded.body.attempt.questions['putin-visit'].result).toBe(false);
  });

  it('follows the teacher’s options for the class', async () => {
    const put = await call(
      teacher,
      `/api/classes/${classA.id}/quizzes/summits-and-workers/settings`,
      { review: { correctness: 'never', explanation: 'immediately' } },
      'PUT',
    );
    expect(put.status).toBe(200);
    expect(put.body.review).toEqual({
      correctness: 'never',
      feedback: 'immediately',
      correctAnswer: 'after-last-attempt',
      explanation: 'immediately',
    });
    const attempts = (await call(ada, '/api/me/quizzes/summits-and-workers/attempts')).body.attempts;
    expect(attempts).toHaveLength(2);
    const city = attempts[0].result.questions.find((q: { id: string }) => q.id === 'summit-city');
    expect(city.status).toBeUndefined();
    expect(city.score).toBeUndefined();
    expect(city.explanation).toBe('They met in Vladivostok.');
    const bad = await call(
      teacher,
      `/api/classes/${classA.id}/quizzes/summits-and-workers/settings`,
      { review: { correctness: 'later' } },
      'PUT',
    );
    expect(bad.status).toBe(400);
  });
});

describe('dates and attempts', () => {
  const settings = (body: unknown) =>
    call(teacher, `/api/classes/${classB.id}/quizzes/treaty-years/settings`, body, 'PUT');

  it('refuses checks and submissions after the due date, or takes them marked late', async () => {
    expect(
      (await settings({ dueAt: new Date(Date.now() - 3_600_000).toISOString(), latePolicy: 'refuse' }))
        .status,
    ).toBe(200);
    const quiz = await call(bea, '/api/quizzes/treaty-years');
    expect(quiz.body.availability).toMatchObject({ open: false, latePolicy: 'refuse' });
    const refused = await submit(bea, 'treaty-years', () => ({ 'putin-visit': 2000 }));
    expect([refused.status, refused.body.error.code]).toEqual([409, 'quiz-closed']);
    const check = await call(bea, '/api/attempts/check', {
      quizId: 'treaty-years',
      questionId: 'putin-visit',
      response: 2000,
    });
    expect(check.body.error.code).toBe('quiz-closed');
    await settings({ latePolicy: 'mark-late' });
    const lateBody = {
      quizId: 'treaty-years',
      idempotencyKey: crypto.randomUUID(),
      attemptNumber: 1,
      responses: { 'putin-visit': 2000 },
    };
    const late = await call(bea, '/api/attempts', lateBody);
    expect(late.status).toBe(201);
    expect(late.body.attempt.late).toBe(true);
    // Past the due date, after-last-attempt options hold too.
    expect(late.body.result.review.correctAnswer).toBe(true);
    // Refusing late work again does not refuse the replay of a lost answer.
    await settings({ latePolicy: 'refuse' });
    const replayed = await call(bea, '/api/attempts', lateBody);
    expect([replayed.status, replayed.body.replayed]).toEqual([200, true]);
    expect((await submit(bea, 'treaty-years', () => ({}))).body.error.code).toBe('quiz-closed');
  });

  it('refuses work before the quiz opens, and bad dates', async () => {
    expect(
      (await settings({ opensAt: new Date(Date.now() + 3_600_000).toISOString(), dueAt: null })).status,
    ).toBe(200);
    const early = await submit(bea, 'treaty-years', () => ({}));
    expect(early.body.error.code).toBe('quiz-not-open');
    const draft = await call(bea, '/api/attempts/draft', { quizId: 'treaty-years', responses: {} }, 'PUT');
    expect(draft.body.error.code).toBe('quiz-not-open');
    expect((await settings({ dueAt: 'tomorrow' })).status).toBe(400);
    const backwards = await settings({ dueAt: new Date(Date.now()).toISOString() });
    expect([backwards.status, backwards.body.error.issues[0].path]).toEqual([400, 'dueAt']);
    await settings({ opensAt: null });
  });

  it('re-opens an attempt for a student who has used them all', async () => {
    expect((await call(ada, '/api/quizzes/un-votes')).body.attempt).toBeNull();
    const path = `/api/classes/${classA.id}/students/${adaId}/quizzes/un-votes/attempts`;
    const reopened = await call(teacher, path, { reopen: true });
    expect(reopened.status).toBe(201);
    expect(reopened.body).toMatchObject({ granted: 1, maxAttempts: 2, remaining: 1 });
    const reopenedQuiz = await call(ada, '/api/quizzes/un-votes');
    expect(reopenedQuiz.body).toMatchObject({
      attempt: {
        number: 2,
        remaining: 1,
      },
    });
    expect((await call(teacher, path, { reopen: true })).body.granted).toBe(0);
    expect((await call(teacher, path, { extraAttempts: 2 })).body.remaining).toBe(3);
    expect((await call(teacher, path, {})).status).toBe(400);
    const unlimited = await call(
      teacher,
      `/api/classes/${classA.id}/students/${adaId}/quizzes/treaty-years/attempts`,
      { extraAttempts: 1 },
    );
    expect(unlimited.body.error.code).toBe('attempts-unlimited');
  });
});

describe('drafts', () => {
  it('keeps a draft on the server, restores it on another device and grades it only when submitted', async () => {
    const cleo = await newBrowser();
    const joined = await call(cleo, '/api/classes/join', {
      code: (await store.classes.get(classB.id))?.joinCode,
      displayName: 'Cleo',
    });
    const { body } = await call(cleo, '/api/quizzes/summits-and-workers');
    const saved = await call(
      cleo,
      '/api/attempts/draft',
      {
        quizId: 'summits-and-workers',
        attemptNumber: body.attempt.number,
        responses: { 'resolution-number': '2397' },
      },
      'PUT',
    );
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ attemptNumber: 1, saved: ['resolution-number'] });
    const again = await call(
      cleo,
      '/api/attempts/draft',
      { quizId: 'summits-and-workers', responses: { 'resolution-number': '2397' } },
      'PUT',
    );
    expect(again.body.saved).toEqual([]);
    expect(await store.attempts.count(joined.body.student.id, 'summits-and-workers')).toBe(0);

    const phone = await newBrowser();
    await call(phone, '/api/classes/resume', { resumeCode: joined.body.resumeCode });
    const restored = await call(phone, '/api/quizzes/summits-and-workers');
    expect(restored.body.attempt.questions['resolution-number'].response).toBe('2397');

    const stale = await call(
      phone,
      '/api/attempts/draft',
      { quizId: 'summits-and-workers', attemptNumber: 2, responses: {} },
      'PUT',
    );
    expect([stale.status, stale.body.error.code]).toEqual([409, 'attempt-changed']);
    const unreadable = await call(
      phone,
      '/api/attempts/draft',
      { quizId: 'summits-and-workers', responses: { 'veto-2022': 'yes' } },
      'PUT',
    );
    expect([unreadable.status, unreadable.body.error.code]).toEqual([400, 'invalid-responses']);

    // The submission is what the student's page holds now: with the draft restored, both answers.
    const submitted = await submit(phone, 'summits-and-workers', () => ({
      'resolution-number': '2397',
      'veto-2022': true,
    }));
    expect(submitted.status).toBe(201);
    expect(submitted.body.attempt.score).toBe(2);
  });

  it('does not grade a drafted answer the student cleared before submitting', async () => {
    const dee = await newBrowser();
    await call(dee, '/api/classes/join', {
      code: (await store.classes.get(classB.id))?.joinCode,
      displayName: 'Dee',
    });
    const { body } = await call(dee, '/api/quizzes/summits-and-workers');
    const saved = await call(
      dee,
      '/api/attempts/draft',
      {
        quizId: 'summits-and-workers',
        attemptNumber: body.attempt.number,
        responses: { 'resolution-number': '2397' },
      },
      'PUT',
    );
    expect(saved.status).toBe(200);
    // The student empties the box and submits the other answer only.
    const submitted = await submit(dee, 'summits-and-workers', () => ({ 'veto-2022': true }));
    expect(submitted.status).toBe(201);
    expect(submitted.body.attempt.score).toBe(1);
    const cleared = submitted.body.result.questions.find((q: { id: string }) => q.id === 'resolution-number');
    expect(cleared.status).toBe('unanswered');
  });
});
