// Part of the quiz's code comes after the page: the feedback and results on the first answer. When it cannot
// be downloaded, Check answer says so and sends nothing, so the question's one check is not used up unseen;
// once the code can be fetched again, a reload lets the learner check as usual.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchChromium } from '../support/browser';
import { type RunningServer, startServer } from '../support/server';
import { lessonWithRichestQuiz, readCourseFacts } from './course-facts';

const { lesson } = lessonWithRichestQuiz(readCourseFacts());

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
/** Requests to the check endpoint. */
const checks: string[] = [];
let scriptsBlocked = false;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchChromium()]);
  context = await browser.newContext({ baseURL: server.url });
  await context.route('**/_next/static/chunks/*.js', (route) =>
    scriptsBlocked ? route.abort('internetdisconnected') : route.continue(),
  );
  page = await context.newPage();
  page.on('request', (request) => {
    if (request.url().includes('/api/attempts/check')) checks.push(request.method());
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** The first question on the page, answered with its first choice. */
async function answerFirstQuestion() {
  const question = page.locator('.quiz section.question').first();
  await question.locator('input[type=radio], input[type=checkbox]').first().check();
  return question;
}

it('says that an answer was not checked when the feedback code cannot be downloaded', async () => {
  await page.goto(`/lessons/${lesson.id}`, { waitUntil: 'networkidle' });
  await page.getByRole('button', { name: 'Submit answers' }).waitFor();
  scriptsBlocked = true;
  const question = await answerFirstQuestion();
  await question.getByRole('button', { name: 'Check answer' }).click();
  const error = question.locator('.error-message');
  await error.waitFor();
  expect(await error.textContent()).toBe(
    'Your answer was not checked: part of the quiz’s code did not download. Check your connection and reload the page.',
  );
  expect(checks).toEqual([]);
  // The button is still there: the question has not used its check.
  expect(await question.getByRole('button', { name: 'Check answer' }).isVisible()).toBe(true);
});

it('checks the answer after a reload once the code can be downloaded again', async () => {
  scriptsBlocked = false;
  await page.reload({ waitUntil: 'networkidle' });
  await page.getByRole('button', { name: 'Submit answers' }).waitFor();
  const question = await answerFirstQuestion();
  await question.getByRole('button', { name: 'Check answer' }).click();
  await question.locator('.feedback').waitFor();
  expect(checks).toEqual(['POST']);
  expect(await question.locator('.feedback .verdict').first().textContent()).toMatch(
    /^(Correct|Incorrect|Partly correct)$/,
  );
});
