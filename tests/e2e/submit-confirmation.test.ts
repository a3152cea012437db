// Submitting a quiz is a decision the student confirms: Enter in a text or number field never submits
// (in any behaviour; in an immediate or interactive quiz the Check answer button checks, not Enter), and
// Submit answers first says how many questions are unanswered. Runs on a deferred-feedback quiz of the
// course that has short-answer, numeric or cloze questions in its pools.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchChromium } from '../support/browser';
import { type RunningServer, startServer } from '../support/server';
import { questionsOf, questionsPerAttempt, readCourseFacts } from './course-facts';

const facts = readCourseFacts();
const lesson = facts.lessons.find((candidate) => {
  const quiz = candidate.quiz ? facts.quizzes.get(candidate.quiz) : undefined;
  return (
    quiz?.behaviour === 'deferred' &&
    questionsOf(quiz).some((question) => ['short', 'numeric', 'cloze'].includes(question.type))
  );
});
const quiz = lesson?.quiz ? facts.quizzes.get(lesson.quiz) : undefined;
if (!lesson || !quiz) throw new Error('the course has no deferred quiz with a text or number field');
const questionCount = questionsPerAttempt(quiz);
const TEXT_FIELDS = '.quiz input[type=text], .quiz input[type=number]';

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
/** Every attempt the page sent to the server. */
const submissions: string[] = [];

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchChromium()]);
  // Each new learner draws from the quiz's pools; take the first whose draw has a text or number field.
  for (let learner = 0; learner < 20; learner++) {
    context = await browser.newContext({ baseURL: server.url });
    page = await context.newPage();
    await page.goto(`/lessons/${lesson.id}`);
    await page.getByRole('button', { name: 'Submit answers' }).waitFor();
    if ((await page.locator(TEXT_FIELDS).count()) > 0) break;
    await context.close();
  }
  page.on('request', (request) => {
    if (request.method() === 'POST' && new URL(request.url()).pathname === '/api/attempts') {
      submissions.push(request.url());
    }
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const squash = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();
const focusedText = () =>
  page.evaluate(() => document.activeElement?.textContent?.replace(/\s+/g, ' ').trim());
/** Lets the page handle what the last key press started (a React render, a fetch) before looking. */
const settle = () =>
  page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 50))));

it('does not submit when Enter is pressed in a short-answer, numeric or cloze field', async () => {
  const fields = page.locator(TEXT_FIELDS);
  const count = await fields.count();
  expect(count, `no learner of 20 drew a text or number field in quiz ${quiz.id}`).toBeGreaterThan(0);
  for (let index = 0; index < count; index++) {
    const field = fields.nth(index);
    await field.fill((await field.getAttribute('type')) === 'number' ? '2017' : 'Vladivostok');
    await field.press('Enter');
  }
  await settle();

  expect(submissions).toEqual([]);
  await expect(page.getByRole('heading', { name: /^Your result:/ }).count()).resolves.toBe(0);
  await expect(page.getByRole('button', { name: 'Submit answers' }).isEnabled()).resolves.toBe(true);
  // The answer typed is still there.
  await expect(fields.first().inputValue()).resolves.not.toBe('');
});

/** “3 of 6 answered” under the Submit answers button: the questions the student has answered. */
async function answeredCount(): Promise<number> {
  const text = squash(await page.locator('.quiz-actions .muted:not([role="status"])').textContent());
  const match = /^(\d+) of (\d+) answered/.exec(text);
  expect(match?.[2], text).toBe(String(questionCount));
  return Number(match?.[1]);
}

it('asks for confirmation, saying how many questions are unanswered, with the focus on the question', async () => {
  const unanswered = questionCount - (await answeredCount());
  expect(unanswered).toBeGreaterThan(0);
  await page.getByRole('button', { name: 'Submit answers' }).click();
  const confirmation = page.getByRole('group', { name: /Submit your answers now\?/ });
  await confirmation.waitFor();
  const questions = unanswered === 1 ? 'question is' : 'questions are';
  expect(squash(await confirmation.locator('legend').textContent())).toBe(
    `${unanswered} of ${questionCount} ${questions} unanswered and will score nothing. Submit your answers now? This uses attempt 1 of ${quiz.maxAttempts}.`,
  );
  await expect.poll(focusedText).toMatch(new RegExp(`^${unanswered} of ${questionCount} `));
  expect(submissions).toEqual([]);
});

it('cancels on Escape and on Keep answering, giving the focus back to Submit answers', async () => {
  await page.keyboard.press('Escape');
  await expect.poll(focusedText).toBe('Submit answers');
  await expect(page.getByRole('group', { name: /Submit your answers now\?/ }).count()).resolves.toBe(0);

  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Keep answering' }).click();
  await expect.poll(focusedText).toBe('Submit answers');
  expect(submissions).toEqual([]);
});

it('submits once the student confirms', async () => {
  await page.getByRole('button', { name: 'Submit answers' }).click();
  await page.getByRole('button', { name: 'Submit now' }).click();
  const result = page.getByRole('heading', { name: /^Your result:/ });
  await result.waitFor();
  expect(submissions).toHaveLength(1);
  await expect.poll(focusedText).toMatch(/^Your result:/);
  await expect(page.locator('.quiz-rules').textContent()).resolves.toContain(
    `Attempt 1 of ${quiz.maxAttempts}`,
  );
});
