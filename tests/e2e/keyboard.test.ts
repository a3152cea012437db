// Keyboard only: a learner takes a quiz without touching the mouse. Every focus stop must show where the
// focus is (WCAG 2.4.7), and after grading the focus must land on the result, not fall back to the page.
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser';
import { type RunningServer, startServer } from '../support/server';
import {
  type CourseFacts,
  lessonWithRichestQuiz,
  questionsOf,
  questionsPerAttempt,
  readCourseFacts,
} from './course-facts';
import { KeyboardUser } from './keyboard-user';
import { correctAnswer, promptKey, questionSection, questionsInPageOrder } from './visible-answers';

let server: RunningServer;
let browser: Browser;
const facts: CourseFacts = readCourseFacts();

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchChromium()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const squash = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();

/** A fresh learner: new cookies (so a new anonymous session) and empty local storage. */
async function newLearner(): Promise<BrowserContext> {
  return browser.newContext({ baseURL: server.url });
}

describe('a quiz with deferred feedback, with the keyboard alone', () => {
  const lesson = facts.lessons.find(
    (candidate) => candidate.quiz && facts.quizzes.get(candidate.quiz)?.behaviour === 'deferred',
  );
  if (!lesson?.quiz) throw new Error('the course has no lesson with a deferred-feedback quiz');
  const quiz = facts.quizzes.get(lesson.quiz);
  if (!quiz) throw new Error(`quiz ${lesson.quiz} is missing`);

  it('is answered, submitted and reviewed without the mouse', async () => {
    const context = await newLearner();
    const page = await context.newPage();
    const keyboard = new KeyboardUser(page);
    await page.goto(`/lessons/${lesson.id}`);
    await page.getByRole('button', { name: 'Submit answers' }).waitFor();

    // The first Tab reaches the skip link, which takes the focus past the header to the content.
    const first = await keyboard.press('Tab');
    expect(first.description).toBe('a “Skip to main content”');
    await keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');

    const questions = await questionsInPageOrder(page, questionsOf(quiz));
    expect(questions).toHaveLength(questionsPerAttempt(quiz));
    expect(new Set(questions.map((question) => question.id)).size).toBe(questions.length);

    for (const question of questions) {
      await keyboard.answer(questionSection(page, question), question, correctAnswer(question));
    }
    await keyboard.tabTo((focused) => focused.name === 'Submit answers', 'the Submit answers button');
    await keyboard.press('Enter');
    // The confirmation takes the focus and says that nothing is left unanswered; Submit now is the next stop.
    await expect.poll(() => keyboard.focus()).toMatchObject({ tag: 'legend', indicated: true });
    expect(squash((await keyboard.focus()).name)).toMatch(
      /^All \d+ questions are answered\. Submit your answers now\?/,
    );
    const confirm = await keyboard.press('Tab');
    expect(confirm.description).toBe('button “Submit now”');
    await keyboard.press('Enter');

    // Every question shows its verdict and the total is full marks.
    const result = page.getByRole('heading', { name: /^Your result:/ });
    await result.waitFor();
    const verdicts = await Promise.all(
      questions.map(async (question) => ({
        question: question.id,
        feedback: squash(
          await questionSection(page, question).locator('.feedback > p').first().textContent(),
        ),
      })),
    );
    expect(verdicts).toEqual(
      questions.map((question) => ({
        question: question.id,
        feedback: `Correct — ${question.points} ${question.points === 1 ? 'point' : 'points'} of ${question.points}.`,
      })),
    );
    const total = questions.reduce((sum, question) => sum + question.points, 0);
    await expect(result.textContent()).resolves.toBe(`Your result: ${total} points of ${total} (100%)`);

    // Grading moved the focus to the result, visibly, and the next Tab reaches what to do next.
    await expect.poll(() => keyboard.focus()).toMatchObject({ tag: 'h3', indicated: true });
    expect((await keyboard.focus()).name).toMatch(/^Your result:/);
    const next = await keyboard.press('Tab');
    expect(next.description).toBe('button “Try again”');
    expect(keyboard.unseenFocus, 'focus stops without a visible focus indicator').toEqual([]);
    await context.close();
  });
});

describe('a quiz with immediate feedback, with the keyboard alone', () => {
  const { lesson, quiz } = lessonWithRichestQuiz(facts);

  it('keeps the focus in the question after Check answer, on its feedback', async () => {
    if (quiz.behaviour === 'deferred') throw new Error(`quiz ${quiz.id} has no Check answer button`);
    const context = await newLearner();
    const page = await context.newPage();
    const keyboard = new KeyboardUser(page);
    await page.goto(`/lessons/${lesson.id}`);
    await page.getByRole('button', { name: 'Check answer' }).first().waitFor();

    const [question] = await questionsInPageOrder(page, questionsOf(quiz));
    if (!question) throw new Error(`the page shows no question of quiz ${quiz.id}`);
    const section = questionSection(page, question);
    const atCheck = await keyboard.answer(section, question, correctAnswer(question));
    expect(atCheck.name).toBe('Check answer');
    await keyboard.press('Enter');
    await section.locator('.feedback').waitFor();

    // The Check answer button goes once the question is finished; the focus must stay in the question
    // (on its feedback, say), not fall back to the page.
    await expect
      .poll(() => keyboard.focus(), { timeout: 5_000 })
      .toMatchObject({ questionPrompt: expect.stringContaining(promptKey(question)) });
    expect(keyboard.unseenFocus, 'focus stops without a visible focus indicator').toEqual([]);
    await context.close();
  });
});
