// A class member's work follows her to every device: answers of a deferred quiz are saved on the server as a
// draft while she works (restored after a reload and on a second device opened with her resume code, and
// graded only when she submits), and the home page shows the server's progress rather than this browser's.
import type { Question } from '@coursekit/quiz-engine';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchChromium } from '../support/browser';
import { type RunningServer, startServer } from '../support/server';
import { answerByPointer } from './answer-by-pointer';
import { type CourseFacts, lessonWithRichestQuiz, questionsOf, readCourseFacts } from './course-facts';
import { correctAnswer, questionSection, questionsInPageOrder } from './visible-answers';

let server: RunningServer;
let browser: Browser;
let teacher: Page;
/** The student's laptop and, later, her second device. */
let laptop: Page;
let phone: Page;
const facts: CourseFacts = readCourseFacts();

// A deferred quiz without ordering questions: an ordering question counts as answered (and is graded) in the
// order it is shown, so the answered count and the score below would depend on the questions drawn.
const lesson = facts.lessons.find((candidate) => {
  const candidateQuiz = candidate.quiz ? facts.quizzes.get(candidate.quiz) : undefined;
  return (
    candidateQuiz?.behaviour === 'deferred' &&
    !questionsOf(candidateQuiz).some((question) => question.type === 'ordering')
  );
});
const quiz = lesson?.quiz ? facts.quizzes.get(lesson.quiz) : undefined;
if (!lesson || !quiz)
  throw new Error('the course has no lesson with a deferred quiz without ordering questions');
const choiceTypes = ['single', 'truefalse'];

const studentName = 'Grace Hopper';
let joinCode = '';
let resumeCode = '';
/** The two questions she answers before submitting (the others stay unanswered). */
let drafted: Question[] = [];

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchChromium()]);
  const open = async () => (await browser.newContext({ baseURL: server.url })).newPage();
  [teacher, laptop, phone] = await Promise.all([open(), open(), open()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const squash = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();

/** The label of the radio button checked in a question, or null. */
async function checkedChoice(page: Page, question: Question): Promise<string | null> {
  const checked = questionSection(page, question).locator('input[type=radio]:checked');
  if ((await checked.count()) === 0) return null;
  return squash(
    await checked.evaluate((input) => (input as HTMLInputElement).labels?.[0]?.textContent ?? ''),
  );
}

it('has a student join a class', async () => {
  await teacher.goto('/teacher');
  await teacher.getByLabel('Teacher passcode').fill(server.teacherPasscode ?? '');
  await teacher.getByRole('button', { name: 'Log in' }).click();
  await teacher.getByRole('heading', { name: 'Your classes' }).waitFor();
  await teacher.getByLabel('Class name').fill('Drafts group');
  await teacher.getByRole('button', { name: 'Create class' }).click();
  const created = teacher.getByRole('status').filter({ hasText: 'Created Drafts group' });
  await created.waitFor();
  joinCode = /with the code (\S+)\.$/.exec(squash(await created.textContent()))?.[1] ?? '';

  await laptop.goto('/join');
  await laptop.getByLabel('Join code').fill(joinCode);
  await laptop.getByLabel('Your name').fill(studentName);
  await laptop.getByRole('button', { name: 'Join class' }).click();
  const welcome = laptop.getByRole('status').filter({ hasText: 'Your resume code is' });
  await welcome.waitFor();
  resumeCode = /Your resume code is (\S+)\./.exec(squash(await welcome.textContent()))?.[1] ?? '';
  expect(resumeCode).not.toBe('');
});

it('saves part of a deferred quiz as a draft and restores it after a reload', async () => {
  await laptop.goto(`/lessons/${lesson.id}`);
  await laptop.getByRole('button', { name: 'Submit answers' }).waitFor();
  const shown = await questionsInPageOrder(laptop, questionsOf(quiz));
  drafted = shown.filter((question) => choiceTypes.includes(question.type)).slice(0, 2);
  expect(drafted.length, 'the quiz shows two choice questions').toBe(2);
  const [first, second] = drafted as [Question, Question];

  // The first answer is saved a moment after it is given; the status says so in a polite live region.
  await answerByPointer(questionSection(laptop, first), correctAnswer(first));
  await laptop.getByRole('status').filter({ hasText: 'Draft saved' }).waitFor();
  // The second is given just before the page goes away: it is sent as the page is hidden (keepalive).
  await answerByPointer(questionSection(laptop, second), correctAnswer(second));
  await laptop.reload();
  await laptop.getByRole('button', { name: 'Submit answers' }).waitFor();
  for (const question of drafted) {
    const answer = correctAnswer(question);
    expect(await checkedChoice(laptop, question)).toBe(answer.kind === 'choose-one' ? answer.label : '');
  }
  expect(squash(await laptop.locator('.quiz-actions').textContent())).toContain(
    `2 of ${shown.length} answered`,
  );
});

it('shows the same draft on a second device opened with the resume code, and grades it on submission', async () => {
  await phone.goto('/join');
  await phone.getByLabel('Resume code').fill(resumeCode);
  await phone.getByRole('button', { name: 'Continue' }).click();
  await phone.getByText(`Welcome back, ${studentName}`).waitFor();

  await phone.goto(`/lessons/${lesson.id}`);
  await phone.getByRole('button', { name: 'Submit answers' }).waitFor();
  const shown = await questionsInPageOrder(phone, questionsOf(quiz));
  for (const question of drafted) {
    const answer = correctAnswer(question);
    expect(await checkedChoice(phone, question)).toBe(answer.kind === 'choose-one' ? answer.label : '');
  }
  // Nothing was graded while drafting: the attempt is still the first.
  expect(await phone.locator('.quiz-rules').textContent()).toContain('Attempt 1');

  await phone.getByRole('button', { name: 'Submit answers' }).click();
  await phone.getByRole('button', { name: 'Submit now' }).click();
  const result = phone.getByRole('heading', { name: /^Your result:/ });
  await result.waitFor();
  const maxScore = shown.reduce((sum, question) => sum + question.points, 0);
  const earned = drafted.reduce((sum, question) => sum + question.points, 0);
  const percent = Number(/\(([\d.]+)%\)/.exec(squash(await result.textContent()))?.[1]);
  expect(percent).toBeCloseTo((earned / maxScore) * 100, 1);
});

it('restores an answer not yet checked in an immediate-feedback quiz', async () => {
  const immediate = lessonWithRichestQuiz(facts);
  await laptop.goto(`/lessons/${immediate.lesson.id}`);
  await laptop.getByRole('button', { name: 'Submit answers' }).waitFor();
  const shown = await questionsInPageOrder(laptop, questionsOf(immediate.quiz));
  const question = shown.find((candidate) => choiceTypes.includes(candidate.type));
  if (!question) throw new Error('the immediate quiz shows no choice question');
  const answer = correctAnswer(question);
  await answerByPointer(questionSection(laptop, question), answer);
  await laptop.getByRole('status').filter({ hasText: 'Draft saved' }).waitFor();
  await laptop.reload();
  await laptop.getByRole('button', { name: 'Submit answers' }).waitFor();
  expect(await checkedChoice(laptop, question)).toBe(answer.kind === 'choose-one' ? answer.label : '');
  // Saving a draft used none of the question's checks: it can still be checked.
  await questionSection(laptop, question).getByRole('button', { name: 'Check answer' }).waitFor();
});

it("shows the server's progress on the home page of the other device", async () => {
  const [one, two, three] = facts.lessons;
  if (!one || !two || !three) throw new Error('the course has fewer than three lessons');
  for (const done of [one, two]) {
    await phone.goto(`/lessons/${done.id}`);
    await phone.getByRole('button', { name: 'Mark lesson complete' }).click();
    await phone.getByText('You marked this lesson complete').waitFor();
  }

  await laptop.goto('/');
  const summary = laptop.locator('.progress-summary');
  await expect
    .poll(async () => squash(await summary.textContent()))
    .toBe(
      `Your progress: 2 of ${facts.lessons.length} lessons completed (saved with your class, Drafts group)`,
    );
  await laptop.getByRole('link', { name: `Continue with lesson 3: ${three.title}` }).waitFor();
  for (const done of [one, two]) {
    const card = laptop.locator('.lesson-card', { has: laptop.getByRole('heading', { name: done.title }) });
    await card.getByText('Completed').waitFor();
  }
  const quizCard = laptop.locator('.lesson-card', {
    has: laptop.getByRole('heading', { name: lesson.title }),
  });
  await quizCard.getByText(/^Best quiz score [\d.]+%/).waitFor();

  // A visitor outside the class keeps the progress of this browser.
  const visitor = await (await browser.newContext({ baseURL: server.url })).newPage();
  await visitor.goto('/');
  await visitor.getByRole('link', { name: `Start with lesson 1: ${one.title}` }).waitFor();
  expect(squash(await visitor.locator('.progress-summary').textContent())).toBe(
    `Your progress: 0 of ${facts.lessons.length} lessons completed (kept in this browser)`,
  );
});
