// A student without a class, in Chromium against the production build: opens the course, reads a lesson,
// follows a citation and a glossary term with the keyboard, answers the lesson's quiz (every question
// type it has), sees the feedback, and finds the progress kept after a reload.
import type { Question } from '@coursekit/quiz-engine';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchChromium } from '../support/browser';
import { type RunningServer, startServer } from '../support/server';
import { answerByPointer } from './answer-by-pointer';
import {
  type CourseFacts,
  lessonWithRichestQuiz,
  questionsOf,
  questionsPerAttempt,
  readCourseFacts,
} from './course-facts';
import { KeyboardUser } from './keyboard-user';
import { correctAnswer, questionSection, questionsInPageOrder, wrongAnswer } from './visible-answers';

let server: RunningServer;
let browser: Browser;
let page: Page;
const facts: CourseFacts = readCourseFacts();
const { lesson, quiz } = lessonWithRichestQuiz(facts);
// Every question the quiz may draw; the page shows one attempt's draw from its pools.
const questions = questionsOf(quiz);
const lessonNumber = facts.lessons.indexOf(lesson) + 1;
// Set once the page shows the attempt: the drawn questions decide the score to expect.
let totalPoints = 0;
let expectedScore = 0;
let expectedPercent = 0;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchChromium()]);
  page = await browser.newPage({ baseURL: server.url });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const squash = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();

/** The start of an authored text, before any Markdown or citation, as it reads on the page. */
const opening = (text: string, length = 60) => squash(text.split(/[*_`[\]]/)[0] ?? '').slice(0, length);

/** The number in a text such as “Best quiz score 92.9%”. */
function percentIn(text: string | null, pattern: RegExp): number {
  const match = pattern.exec(squash(text));
  if (!match?.[1]) throw new Error(`no ${pattern} in “${squash(text)}”`);
  return Number(match[1]);
}

function points(value: number): string {
  return `${value} ${value === 1 ? 'point' : 'points'}`;
}

it('opens the course and a lesson from the course home', async () => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(facts.title);
  await expect
    .poll(() => page.locator('.progress-summary').textContent())
    .toContain(`0 of ${facts.lessons.length} lessons completed`);
  await page.getByRole('link', { name: lesson.title, exact: true }).click();
  await page.waitForURL(`**/lessons/${lesson.id}`);
  await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(lesson.title);
  await expect(page.locator('.breadcrumb').textContent()).resolves.toContain(
    `Lesson ${lessonNumber} of ${facts.lessons.length}`,
  );
});

it('shows a citation’s reference on keyboard focus, hides it on Escape, and follows it to the paragraph', async () => {
  const keyboard = new KeyboardUser(page);
  const citation = page.locator('.lesson-body .citation').first();
  const link = citation.locator('> a');
  await keyboard.tabToElement(link, 'the first citation in the lesson');
  const popover = citation.getByRole('tooltip');
  await popover.waitFor({ state: 'visible' });
  const href = (await link.getAttribute('href')) ?? '';
  const paragraph = Number(/#para-(\d+)$/.exec(href)?.[1]);
  expect(paragraph, `the citation links to ${href}, a paragraph of the reading`).toBeGreaterThan(0);
  const shown = squash(await popover.textContent());
  expect(shown).toContain(facts.readingAuthor);
  expect(shown).toContain(`Opens paragraph ${paragraph} of the reading.`);

  await keyboard.press('Escape');
  await popover.waitFor({ state: 'hidden' });

  await page.keyboard.press('Enter'); // follows the link: nothing to read the focus of until it loads
  await page.waitForURL(`**/reading#para-${paragraph}`);
  const target = page.locator(`#para-${paragraph}`);
  await expect(target.textContent().then(squash)).resolves.toContain(
    facts.readingParagraphs[paragraph - 1]?.slice(0, 80),
  );
  await expect.poll(() => target.evaluate((element) => element.matches(':target'))).toBe(true);
  expect(keyboard.unseenFocus, 'focus stops without a visible focus indicator').toEqual([]);
  await page.goBack();
  await page.waitForURL(`**/lessons/${lesson.id}`);
});

it('shows a glossary term’s definition on keyboard focus and follows it to the glossary', async () => {
  const keyboard = new KeyboardUser(page);
  const term = page.locator('.lesson-body .term').first();
  const link = term.locator('> a');
  await keyboard.tabToElement(link, 'the first glossary term in the lesson');
  const id = /#term-([a-z0-9-]+)$/.exec((await link.getAttribute('href')) ?? '')?.[1];
  const entry = facts.glossary.find((candidate) => candidate.id === id);
  if (!entry) throw new Error(`the term links to glossary entry '${id}', which glossary.yaml does not have`);
  const popover = term.getByRole('tooltip');
  await popover.waitFor({ state: 'visible' });
  await expect(popover.locator('.popover-label').textContent()).resolves.toBe(entry.term);
  await expect(popover.textContent().then(squash)).resolves.toContain(opening(entry.definition));

  await page.keyboard.press('Enter'); // follows the link: nothing to read the focus of until it loads
  await page.waitForURL(`**/glossary#term-${entry.id}`);
  const target = page.locator(`#term-${entry.id}`);
  await expect(target.getByRole('heading').first().textContent()).resolves.toBe(entry.term);
  await expect.poll(() => target.evaluate((element) => element.matches(':target'))).toBe(true);
  expect(keyboard.unseenFocus, 'focus stops without a visible focus indicator').toEqual([]);
  await page.goBack();
  await page.waitForURL(`**/lessons/${lesson.id}`);
});

/** Everything a graded answer may reveal: per-choice and true/false feedback. */
function answerKeyTexts(question: Question): string[] {
  switch (question.type) {
    case 'single':
    case 'multiple':
      return question.choices.flatMap((choice) => (choice.feedback ? [opening(choice.feedback)] : []));
    case 'truefalse':
      return [question.feedbackTrue, question.feedbackFalse].flatMap((text) => (text ? [opening(text)] : []));
    default:
      return [];
  }
}

it(`answers the quiz, ${[...new Set(questions.map((question) => question.type))].join(', ')}, checking each answer`, async () => {
  await page.getByRole('button', { name: 'Check answer' }).first().waitFor();
  const shown = await questionsInPageOrder(page, questions);
  expect(shown).toHaveLength(questionsPerAttempt(quiz));
  expect(new Set(shown.map((question) => question.id)).size).toBe(shown.length);

  // One question is answered wrongly on purpose (its first wrong choice), to see what a wrong answer gets.
  const wronglyAnswered = shown.find((question) => question.type === 'single');
  if (wronglyAnswered?.type !== 'single')
    throw new Error(`the attempt of ${quiz.id} has no single-choice question`);
  const wrongChoice = wronglyAnswered.choices.find((choice) => !choice.correct);
  const rightChoice = wronglyAnswered.choices.find((choice) => choice.correct);
  if (!wrongChoice?.feedback || !rightChoice)
    throw new Error(`${wronglyAnswered.id} needs a wrong choice with feedback`);
  totalPoints = shown.reduce((sum, question) => sum + question.points, 0);
  expectedScore = totalPoints - wronglyAnswered.points;
  expectedPercent = (expectedScore / totalPoints) * 100;

  // Before any answer is checked, the page holds no feedback: the answer key stays on the server.
  const html = squash(await page.locator('main').textContent());
  for (const text of questions.flatMap(answerKeyTexts)) expect(html).not.toContain(text);

  for (const question of shown) {
    const section = questionSection(page, question);
    const answer = question === wronglyAnswered ? wrongAnswer(question) : correctAnswer(question);
    await answerByPointer(section, answer);
    await section.getByRole('button', { name: 'Check answer' }).click();
    const feedback = section.locator('.feedback');
    await feedback.waitFor();
    const first = squash(await feedback.locator('p').first().textContent());
    if (question === wronglyAnswered) {
      expect(first).toBe(`Incorrect — 0 points of ${question.points}.`);
      const text = squash(await feedback.textContent());
      expect(text).toContain(opening(wrongChoice.feedback ?? ''));
      // The course's review options (the built-in ones): correctness and feedback at once, the correct answer
      // and the explanation only after the last attempt, so attempt 1 of 2 cannot be copied into attempt 2.
      expect(text).not.toContain('Correct answer:');
    } else {
      expect(first, `question ${question.id} (${question.type})`).toBe(
        `Correct — ${points(question.points)} of ${question.points}.`,
      );
    }
    if (question.explanation && opening(question.explanation).length > 10) {
      await expect(feedback.textContent().then(squash)).resolves.not.toContain(opening(question.explanation));
    }
  }

  await page.getByRole('button', { name: 'Submit answers' }).click();
  await page.getByRole('button', { name: 'Submit now' }).click();
  const result = page.getByRole('heading', { name: /^Your result:/ });
  await result.waitFor();
  const heading = squash(await result.textContent());
  expect(heading).toContain(`Your result: ${points(expectedScore)} of ${totalPoints}`);
  expect(percentIn(heading, /\(([\d.]+)%\)/)).toBeCloseTo(expectedPercent, 1);
});

it('marks the lesson complete, and finds it and the quiz score kept after a reload', async () => {
  await page.getByRole('button', { name: 'Mark lesson complete' }).click();
  await page.getByText('You marked this lesson complete on').waitFor();

  await page.reload();
  await page.getByText('You marked this lesson complete on').waitFor();
  const rules = page.locator('.quiz-rules');
  await expect.poll(() => rules.textContent()).toContain('Your best score so far:');
  expect(percentIn(await rules.textContent(), /Your best score so far: ([\d.]+)%/)).toBeCloseTo(
    expectedPercent,
    1,
  );
  expect(squash(await rules.textContent())).toContain(`Attempt 2 of ${quiz.maxAttempts}`);

  await page.goto('/');
  await expect
    .poll(() => page.locator('.progress-summary').textContent())
    .toContain(`1 of ${facts.lessons.length} lessons completed`);
  const card = page.locator('.lesson-card').filter({ has: page.getByRole('link', { name: lesson.title }) });
  await expect(card.locator('.badge.done').textContent()).resolves.toBe('Completed');
  const badge = await card.locator('.badge.score').textContent();
  expect(percentIn(badge, /Best quiz score ([\d.]+)%/)).toBeCloseTo(expectedPercent, 0);
  expect(squash(badge).endsWith(', passed')).toBe(expectedPercent >= quiz.passMark);
});
