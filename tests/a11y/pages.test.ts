// axe-core with the WCAG 2.0/2.1/2.2 A and AA rules in every page type of the app, in its light and its
// dark theme: zero violations. Pages with islands are audited once the island has drawn itself.
import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerByPointer } from '../e2e/answer-by-pointer';
import { type CourseFacts, questionsOf, readCourseFacts } from '../e2e/course-facts';
import { correctAnswer, questionSection, questionsInPageOrder, wrongAnswer } from '../e2e/visible-answers';
import { ApiClient } from '../support/api-client';
import { axeViolations, describeViolations, launchChromium } from '../support/browser';
import { DEFAULT_TEACHER_PASSCODE, type RunningServer, startServer } from '../support/server';

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const facts: CourseFacts = readCourseFacts();
const lesson = facts.lessons.find(
  (candidate) => candidate.quiz && facts.quizzes.get(candidate.quiz)?.behaviour === 'deferred',
);
const quiz = lesson?.quiz ? facts.quizzes.get(lesson.quiz) : undefined;
if (!lesson || !quiz) throw new Error('the course has no lesson with a deferred-feedback quiz');

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchChromium()]);
  context = await browser.newContext({ baseURL: server.url });
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Violations in the light and the dark theme, described for the assertion message ('' when none). */
async function audit(page: Page): Promise<string> {
  const reports: string[] = [];
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const violations = await axeViolations(page);
    if (violations.length > 0) reports.push(`${colorScheme} theme:\n${describeViolations(violations)}`);
  }
  await page.emulateMedia({ colorScheme: null });
  return reports.join('\n');
}

async function open(path: string): Promise<void> {
  await page.goto(path);
  await page.waitForLoadState('networkidle');
}

describe('student pages', () => {
  it('course home', async () => {
    await open('/');
    await page.locator('.progress-summary').waitFor();
    expect(await audit(page)).toBe('');
  });

  it('lesson, with its quiz before grading', async () => {
    await open(`/lessons/${lesson.id}`);
    await page.getByRole('button', { name: 'Submit answers' }).waitFor();
    expect(await audit(page)).toBe('');
  });

  it('lesson, with its quiz after grading (correct, wrong and unanswered questions)', async () => {
    // Right, wrong and unanswered answers, so that every kind of feedback is on the page.
    // Of the questions this attempt drew from the quiz's pools, as the page shows them.
    const [right, wrong] = (await questionsInPageOrder(page, questionsOf(quiz))).filter(
      (question) => question.type === 'single' || question.type === 'truefalse',
    );
    if (!right || !wrong) throw new Error(`quiz ${quiz.id} needs two choice questions`);
    await answerByPointer(questionSection(page, right), correctAnswer(right));
    await answerByPointer(questionSection(page, wrong), wrongAnswer(wrong));
    await page.getByRole('button', { name: 'Submit answers' }).click();
    // The confirmation step before submitting is audited too.
    await page.getByRole('button', { name: 'Submit now' }).waitFor();
    expect(await audit(page)).toBe('');
    await page.getByRole('button', { name: 'Submit now' }).click();
    await page.getByRole('heading', { name: /^Your result:/ }).waitFor();
    await questionSection(page, wrong).locator('.feedback.incorrect').waitFor();
    await page.waitForLoadState('networkidle');
    expect(await audit(page)).toBe('');
  });

  it('lesson, with its past attempts reviewed after a reload', async () => {
    await open(`/lessons/${lesson.id}`);
    await page.locator('.past-attempts > summary').click();
    await page.locator('.past-attempt').first().waitFor();
    expect(await audit(page)).toBe('');
  });

  for (const [name, path] of [
    ['glossary', '/glossary'],
    ['timeline', '/timeline'],
    ['bibliography', '/bibliography'],
    ['reading', '/reading'],
    ['join a class', '/join'],
  ] as const) {
    it(name, async () => {
      await open(path);
      expect(await audit(page)).toBe('');
    });
  }
});

describe('teacher pages', () => {
  let classPage = '';

  beforeAll(async () => {
    // A class with a student who has submitted an attempt, so the dashboard has rows and item analysis.
    const owner = await new ApiClient(server.url).start();
    expect((await owner.post('/api/teacher/login', { passcode: DEFAULT_TEACHER_PASSCODE })).status).toBe(200);
    const created = await owner.post('/api/classes', { name: 'Period 3' });
    const pupil = await new ApiClient(server.url).start();
    await pupil.post('/api/classes/join', { code: created.body.joinCode, displayName: 'Ada' });
    const view = await pupil.get(`/api/quizzes/${quiz.id}`);
    // One answer to a question this attempt drew from the quiz's pools (its public form names them).
    const drawn = (
      view.body.quiz.questions as { id: string; type: string; choices?: { id: string }[] }[]
    ).find((question) => question.type === 'truefalse' || question.type === 'single');
    if (!drawn) throw new Error(`quiz ${quiz.id} drew no choice question`);
    const submitted = await pupil.post('/api/attempts', {
      quizId: quiz.id,
      responses: { [drawn.id]: drawn.type === 'truefalse' ? true : drawn.choices?.[0]?.id },
      idempotencyKey: randomUUID(),
      attemptNumber: view.body.attempt.number,
    });
    expect(submitted.status).toBe(201);
    // An essay for the marking page: the first quiz with one, answered within its word limits.
    const essayQuiz = [...facts.quizzes.values()].find((candidate) =>
      questionsOf(candidate).some((question) => question.type === 'essay'),
    );
    if (!essayQuiz) throw new Error('the course has no quiz with an essay');
    const essayView = await pupil.get(`/api/quizzes/${essayQuiz.id}`);
    const essay = (essayView.body.quiz.questions as { id: string; type: string; minWords?: number }[]).find(
      (question) => question.type === 'essay',
    );
    if (!essay) throw new Error(`quiz ${essayQuiz.id} drew no essay`);
    const words = Array.from({ length: (essay.minWords ?? 0) + 10 }, (_, index) => `word${index}`);
    const withEssay = await pupil.post('/api/attempts', {
      quizId: essayQuiz.id,
      responses: { [essay.id]: words.join(' ') },
      idempotencyKey: randomUUID(),
      attemptNumber: essayView.body.attempt.number,
    });
    expect(withEssay.status).toBe(201);
  });

  it('teacher login', async () => {
    await open('/teacher');
    await page.getByLabel('Teacher passcode').waitFor();
    expect(await audit(page)).toBe('');
  });

  it('class list', async () => {
    await page.getByLabel('Teacher passcode').fill(DEFAULT_TEACHER_PASSCODE);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('heading', { name: 'Your classes' }).waitFor();
    // After the login's client-side navigation the new page's <title> can land a moment after its content.
    await page.waitForFunction(() => document.title !== '');
    expect(await audit(page)).toBe('');
  });

  it('class dashboard', async () => {
    await page.getByRole('link', { name: 'Period 3' }).click();
    await page.getByRole('rowheader', { name: 'Ada' }).waitFor();
    classPage = page.url();
    expect(await audit(page)).toBe('');
  });

  it('quiz settings, at 1280 and 390 px', async () => {
    await page.getByRole('link', { name: `Settings of ${quiz.title}` }).click();
    await page.getByRole('heading', { name: 'Attempts by student' }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(await audit(page)).toBe('');
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await audit(page)).toBe('');
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  /** Audits the page at 1280 and at 390 px, where it must not scroll sideways. */
  async function auditWideAndPhone(): Promise<void> {
    expect(await audit(page)).toBe('');
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      expect(await audit(page)).toBe('');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    } finally {
      await page.setViewportSize({ width: 1280, height: 720 });
    }
  }

  it('marking page, with an essay awaiting marking', async () => {
    await page.goto(classPage);
    await page.getByRole('link', { name: 'Mark essays (1 awaiting marking)' }).click();
    await page.getByRole('heading', { name: 'Marking', level: 1 }).waitFor();
    await page.getByText('Awaiting marking', { exact: true }).waitFor();
    await auditWideAndPhone();
  });

  it('one student’s page, with an override form open', async () => {
    await page.getByRole('link', { name: 'All of Ada’s attempts' }).click();
    await page.getByRole('heading', { name: 'Ada', level: 1 }).waitFor();
    await page.locator('summary').first().click();
    await auditWideAndPhone();
  });

  it('one student’s page, with the re-open form open', async () => {
    await page
      .locator('summary', { hasText: /^Re-open / })
      .first()
      .click();
    await page.getByRole('button', { name: 'Re-open attempt' }).first().waitFor();
    await auditWideAndPhone();
  });

  let inviteLink = '';

  it('teachers page, with a new invite link', async () => {
    await open('/teacher/teachers');
    await page.getByRole('button', { name: 'Invite' }).click();
    inviteLink = await page.getByLabel('Invite link (shown only now)').inputValue();
    await auditWideAndPhone();
  });

  it('invite acceptance page', async () => {
    await open(new URL(inviteLink).pathname + new URL(inviteLink).hash);
    await page.getByRole('button', { name: 'Create my teacher account' }).waitFor();
    await auditWideAndPhone();
  });
});
