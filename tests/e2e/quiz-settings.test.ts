// One quiz's settings for one class, in two browsers: the teacher hides correct answers and explanations
// for good, sets a due date in the past that refuses late work, then takes late work marked late, clears
// the date and re-opens an attempt for a student who has used them all; the student sees each of these on
// the lesson page.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchChromium } from '../support/browser';
import { type RunningServer, startServer } from '../support/server';
import { answerByPointer } from './answer-by-pointer';
import { type CourseFacts, questionsOf, readCourseFacts } from './course-facts';
import { questionSection, questionsInPageOrder, wrongAnswer } from './visible-answers';

let server: RunningServer;
let browser: Browser;
let teacher: Page;
let student: Page;
const contexts: BrowserContext[] = [];
const facts: CourseFacts = readCourseFacts();

// A deferred-feedback quiz with a limit of attempts, so that the last attempt and a re-opened one exist.
const lesson = facts.lessons.find((candidate) => {
  const quiz = candidate.quiz ? facts.quizzes.get(candidate.quiz) : undefined;
  return quiz?.behaviour === 'deferred' && quiz.maxAttempts !== undefined;
});
const quiz = lesson?.quiz ? facts.quizzes.get(lesson.quiz) : undefined;
if (!lesson || !quiz?.maxAttempts)
  throw new Error('the course has no deferred quiz with a limit of attempts');
const maxAttempts = quiz.maxAttempts;

const className = 'Evening seminar';
const studentName = 'Grace Hopper';

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchChromium()]);
  const open = async () => {
    const context = await browser.newContext({ baseURL: server.url });
    contexts.push(context);
    return context.newPage();
  };
  [teacher, student] = await Promise.all([open(), open()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const squash = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();

/** The text of the element that has the focus. */
const focused = (page: Page) => page.evaluate(() => document.activeElement?.textContent ?? '');

/**
 * The due date as the form shows it, once the page knows the browser's time zone (it names it): the dates are
 * filled in then, and before that the date fields are disabled.
 */
async function shownDueAt(): Promise<string> {
  await teacher.getByText(/^Dates and times are in your time zone, \S+\./).waitFor();
  return teacher.getByLabel(/^Due at/).inputValue();
}

/** Saves the settings form and waits for its status message, which takes the focus. */
async function saveSettings(): Promise<void> {
  await teacher.getByRole('button', { name: 'Save settings' }).click();
  await teacher.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
  expect(squash(await focused(teacher))).toMatch(/^Saved\./);
}

/** One attempt from the lesson page: one choice question answered wrongly, then Submit answers, Submit now. */
const attemptQuiz = async (): Promise<void> => {
  await student.goto(`/lessons/${lesson.id}`);
  await student.getByRole('button', { name: 'Submit answers' }).waitFor();
  const [wrong] = (await questionsInPageOrder(student, questionsOf(quiz))).filter(
    (question) => question.type === 'single' || question.type === 'truefalse',
  );
  if (!wrong) throw new Error(`quiz ${quiz.id} drew no choice question`);
  await answerByPointer(questionSection(student, wrong), wrongAnswer(wrong));
  await student.getByRole('button', { name: 'Submit answers' }).click();
  await student.getByRole('button', { name: 'Submit now' }).click();
};

it('lets the teacher open the quiz’s settings from the class page', async () => {
  await teacher.goto('/teacher');
  await teacher.getByLabel('Teacher passcode').fill(server.teacherPasscode ?? '');
  await teacher.getByRole('button', { name: 'Log in' }).click();
  await teacher.getByLabel('Class name').fill(className);
  await teacher.getByRole('button', { name: 'Create class' }).click();
  const created = teacher.getByRole('status').filter({ hasText: `Created ${className}` });
  const joinCode = /with the code (\S+)\.$/.exec(squash(await created.textContent()))?.[1] ?? '';

  await student.goto('/join');
  await student.getByLabel('Join code').fill(joinCode);
  await student.getByLabel('Your name').fill(studentName);
  await student.getByRole('button', { name: 'Join class' }).click();
  await student.getByText(`Welcome, ${studentName}.`).waitFor();

  await teacher.getByRole('link', { name: className }).click();
  await teacher.getByRole('link', { name: `Settings of ${quiz.title}` }).click();
  await teacher.getByRole('heading', { level: 1, name: `${quiz.title}: settings` }).waitFor();
  // Without course.yaml review options, the built-in defaults hold, and the page marks them as the defaults.
  const correctAnswers = teacher.getByRole('group', { name: /^Correct answer/ });
  await expect(correctAnswers.getByLabel(/^After the last attempt/).isChecked()).resolves.toBe(true);
  await correctAnswers.getByLabel('After the last attempt (course default)', { exact: true }).waitFor();
  await teacher.getByText(`0 of ${maxAttempts} attempts used, ${maxAttempts} left.`).waitFor();
  await expect(shownDueAt()).resolves.toBe('');
});

it('fits a 390 px phone', async () => {
  await teacher.setViewportSize({ width: 390, height: 844 });
  const width = await teacher.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(390);
  await teacher.setViewportSize({ width: 1280, height: 800 });
});

it('refuses a submission after a past due date when late work is refused, with a message', async () => {
  await teacher
    .getByRole('group', { name: /^Correct answer/ })
    .getByLabel('Never')
    .check();
  await teacher
    .getByRole('group', { name: /^Explanation/ })
    .getByLabel('Never')
    .check();
  // Yesterday, as the browser's datetime-local field takes it (the browser's time zone).
  const yesterday = await teacher.evaluate(() => {
    const date = new Date(Date.now() - 24 * 3600 * 1000);
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
  });
  // A quiz that would open after it is due is refused, saying so, and names the field.
  await teacher
    .getByLabel(/^Opens at/)
    .fill(yesterday.replace(/^(\d{4})/, (year) => String(Number(year) + 1)));
  await teacher.getByLabel(/^Due at/).fill(yesterday);
  await teacher.getByRole('button', { name: 'Save settings' }).click();
  await teacher.getByRole('status').filter({ hasText: 'The quiz must open before it is due' }).waitFor();
  expect(squash(await focused(teacher))).toMatch(/nothing was saved/);
  await expect(teacher.getByLabel(/^Due at/).getAttribute('aria-invalid')).resolves.toBe('true');

  await teacher.getByLabel(/^Opens at/).fill('');
  await teacher.getByLabel('Refuse late submissions').check();
  await saveSettings();
  await expect(teacher.getByLabel(/^Due at/).getAttribute('aria-invalid')).resolves.toBeNull();

  await attemptQuiz();
  const refusal = student.getByRole('alert').filter({ hasText: 'takes no late submissions' });
  await refusal.waitFor();
  expect(squash(await refusal.textContent())).toMatch(/nothing was saved/);
  await expect(student.getByRole('heading', { name: /^Your result:/ }).count()).resolves.toBe(0);
});

it('takes the late submission once the teacher accepts late work', async () => {
  await teacher.getByLabel('Accept them and mark them late').check();
  await saveSettings();
  await attemptQuiz();
  await student.getByRole('heading', { name: /^Your result:/ }).waitFor();
});

it('keeps correct answers and explanations from the student’s last attempt when set to never', async () => {
  await teacher.reload();
  await expect(shownDueAt()).resolves.not.toBe('');
  await teacher.getByLabel(/^Due at/).fill('');
  await teacher.getByLabel('Refuse late submissions').check();
  await saveSettings();

  // The late attempt above was the first.
  for (let attempt = 2; attempt <= maxAttempts; attempt++) {
    await attemptQuiz();
    await student.getByRole('heading', { name: /^Your result:/ }).waitFor();
  }
  // The last attempt: the built-in options would show the answer key now; "never" keeps it back.
  const quizArea = student.locator('.quiz');
  await quizArea.locator('.feedback.incorrect').first().waitFor();
  const shown = squash(await quizArea.textContent());
  expect(shown).not.toContain('Correct answer:');
  expect(shown).not.toContain('Explanation');
  await expect(student.getByRole('button', { name: 'Try again' }).count()).resolves.toBe(0);
});

it('lets the teacher re-open an attempt, and the student submit again', async () => {
  await teacher.reload();
  const card = teacher
    .getByRole('listitem')
    .filter({ has: teacher.getByRole('heading', { name: studentName }) });
  await card.getByText(`${maxAttempts} of ${maxAttempts} attempts used, 0 left.`).waitFor();
  await card.getByRole('button', { name: 'Re-open one attempt' }).click();
  const granted = card.getByRole('status').filter({ hasText: 'Granted 1 more attempt' });
  await granted.waitFor();
  expect(squash(await focused(teacher))).toBe(
    `Granted 1 more attempt: ${studentName} has 1 attempt left (${maxAttempts} of ${maxAttempts + 1} used).`,
  );
  await card
    .getByText(`${maxAttempts} of ${maxAttempts + 1} attempts used, 1 left (1 extra granted).`)
    .waitFor();

  await attemptQuiz();
  await student.getByRole('heading', { name: /^Your result:/ }).waitFor();
});
