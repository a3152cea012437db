// The teacher's marking loop in two browsers: a student submits an essay; the teacher finds it on the
// marking page, marks it with the rubric and feedback, and the student's score is recomputed; then the
// teacher overrides the score on the student's page with a reason that the audit trail lists.
import type { Question } from '@coursekit/quiz-engine';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchChromium } from '../support/browser';
import { type RunningServer, startServer } from '../support/server';
import { type CourseFacts, questionsOf, readCourseFacts } from './course-facts';
import { questionSection, questionsInPageOrder } from './visible-answers';

let server: RunningServer;
let browser: Browser;
let teacher: Page;
let student: Page;
const facts: CourseFacts = readCourseFacts();

// A lesson whose quiz has an essay with a levelled rubric and word limits.
const lesson = facts.lessons.find((candidate) => {
  const candidateQuiz = candidate.quiz ? facts.quizzes.get(candidate.quiz) : undefined;
  return (
    candidateQuiz &&
    questionsOf(candidateQuiz).some(
      (question) => question.type === 'essay' && question.rubric.some((criterion) => criterion.levels),
    )
  );
});
const quiz = lesson?.quiz ? facts.quizzes.get(lesson.quiz) : undefined;
if (!lesson || !quiz) throw new Error('the course has no quiz with a rubric-marked essay');

const studentName = 'Grace Hopper';
// Two paragraphs, inside the essay's word limits; the teacher must see it exactly as typed.
const paragraph =
  'Paragraph four claims that strengthening Pyongyang will undermine US interests, and the strongest ' +
  'case draws on the officials’ signals reported earlier in the article. ';
function essayOf(words: number): string {
  const sentence = paragraph.trim().split(/\s+/);
  const out: string[] = [];
  while (out.length < words) out.push(sentence[out.length % sentence.length] ?? 'word');
  const half = Math.floor(words / 2);
  return `${out.slice(0, half).join(' ')}\n\n${out.slice(half).join(' ')}`;
}
let essay: Question & { type: 'essay' };
let essayText = '';
let maxScore = 0;
let classId = '';
const squash = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchChromium()]);
  const open = async () => (await browser.newContext({ baseURL: server.url })).newPage();
  [teacher, student] = await Promise.all([open(), open()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** The student's best percentage and pending marks for the quiz, as the server tells the student. */
async function studentProgress(): Promise<{ percentage: number | null; pendingMarks: number }> {
  const response = await student.request.get('/api/me/progress');
  expect(response.status()).toBe(200);
  const body = await response.json();
  const entry = body.quizzes[quiz?.id ?? ''];
  return { percentage: entry.best?.percentage ?? null, pendingMarks: entry.pendingMarks };
}

it('lets a student submit an essay, which then awaits marking', async () => {
  await teacher.goto('/teacher');
  await teacher.getByLabel('Teacher passcode').fill(server.teacherPasscode ?? '');
  await teacher.getByRole('button', { name: 'Log in' }).click();
  await teacher.getByRole('heading', { name: 'Your classes' }).waitFor();
  await teacher.getByLabel('Class name').fill('Essay seminar');
  await teacher.getByRole('button', { name: 'Create class' }).click();
  const created = teacher.getByRole('status').filter({ hasText: 'Created Essay seminar' });
  await created.waitFor();
  const joinCode = /with the code (\S+)\.$/.exec(squash(await created.textContent()))?.[1] ?? '';

  await student.goto('/join');
  await student.getByLabel('Join code').fill(joinCode);
  await student.getByLabel('Your name').fill(studentName);
  await student.getByRole('button', { name: 'Join class' }).click();
  await student.getByText(`Welcome, ${studentName}.`).waitFor();

  await student.goto(`/lessons/${lesson.id}`);
  await student.getByRole('button', { name: 'Submit answers' }).waitFor();
  const shown = await questionsInPageOrder(student, questionsOf(quiz));
  const found = shown.find((question) => question.type === 'essay' && question.rubric.length > 0);
  if (found?.type !== 'essay') throw new Error('the attempt shows no essay with a rubric');
  essay = found;
  maxScore = shown.reduce((sum, question) => sum + question.points, 0);
  essayText = essayOf(Math.max(essay.minWords ?? 0, 20) + 10);
  await questionSection(student, essay).getByRole('textbox').fill(essayText);
  await student.getByRole('button', { name: 'Submit answers' }).click();
  await student.getByRole('button', { name: 'Submit now' }).click();
  await student.getByRole('heading', { name: /^Your result:/ }).waitFor();
  await expect(studentProgress()).resolves.toEqual({ percentage: 0, pendingMarks: 1 });

  await teacher.getByRole('link', { name: 'Essay seminar' }).click();
  await teacher.waitForURL(/\/teacher\/classes\/[^/]+$/);
  classId = decodeURIComponent(new URL(teacher.url()).pathname.split('/').pop() ?? '');
  await teacher.getByRole('link', { name: 'Mark essays (1 awaiting marking)' }).click();
  await teacher.getByRole('heading', { name: 'Marking', level: 1 }).waitFor();
  await teacher.getByText('1 essay is awaiting marking.').waitFor();
});

it('shows the essay as typed with its rubric, and marks it by level with feedback', async () => {
  // Filtering by the student keeps the essay; the question filter lists it with one pending.
  await teacher.getByLabel('Student', { exact: true }).selectOption({ label: `${studentName} (1 pending)` });
  await teacher.getByRole('button', { name: 'Show' }).click();
  await teacher.waitForURL(/student=/);
  const item = teacher.getByRole('article', { name: `${studentName} — ${quiz.title}, attempt 1` });
  await item.getByText('Awaiting marking').waitFor();
  expect(await item.locator('blockquote').evaluate((node) => (node as HTMLElement).textContent)).toBe(
    essayText,
  );

  const levelled = essay.rubric;
  const chosen = levelled.map((criterion, index) => {
    const levels = criterion.levels ?? [];
    // The top level of the first criterion, the second-best of the others (when there is one).
    return index === 0 ? levels[0] : (levels[1] ?? levels[0]);
  });
  const points = chosen.reduce((sum, level) => sum + (level?.points ?? 0), 0);
  const groups = item.locator('fieldset');
  await expect(groups.count()).resolves.toBe(levelled.length);
  // The first criterion by pointer, the others by keyboard: arrow keys move through a criterion's levels.
  for (const [index, level] of chosen.entries()) {
    const radio = groups.nth(index).getByRole('radio', { name: new RegExp(`^${level?.label} \\(`) });
    if (index === 0) {
      await radio.check();
      continue;
    }
    await groups.nth(index).getByRole('radio').first().focus();
    await teacher.keyboard.press('Space');
    if (level !== levelled[index]?.levels?.[0]) await teacher.keyboard.press('ArrowDown');
    expect(await radio.isChecked(), `criterion ${index + 1}: ${level?.label}`).toBe(true);
  }
  await item.getByLabel('Feedback for the student').fill('A fair steel-man; name the premises.');
  await item.getByRole('button', { name: 'Save mark' }).press('Enter');
  const status = item.getByRole('status');
  await status.getByText(`Marked: ${points} of ${essay.points} points.`).waitFor();
  const percentage = Math.round((points / maxScore) * 10000) / 100;
  expect(squash(await status.textContent())).toContain(`Attempt score now ${points} of ${maxScore}`);
  // Focus goes to the status message so that it is read out.
  expect(await teacher.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('status');

  await expect(studentProgress()).resolves.toEqual({
    percentage: expect.closeTo(percentage, 1),
    pendingMarks: 0,
  });
  await teacher.reload();
  await item.getByText(`Marked: ${points} of ${essay.points} points`).waitFor();
  await teacher.getByText('Every submitted essay is marked.').waitFor();
});

it('overrides the score on the student’s page with a reason that the audit trail lists', async () => {
  await teacher.goto(`/teacher/classes/${encodeURIComponent(classId)}`);
  await teacher.getByRole('link', { name: studentName }).click();
  await teacher.getByRole('heading', { name: studentName, level: 1 }).waitFor();
  const answer = teacher.locator('li', { has: teacher.locator('blockquote') });
  expect(await answer.locator('blockquote').evaluate((node) => (node as HTMLElement).textContent)).toBe(
    essayText,
  );
  await answer.getByText('Teacher’s feedback: A fair steel-man; name the premises.').waitFor();

  await answer.locator('summary').click();
  // The reason is required: without it nothing is saved.
  await answer.getByLabel(/^New score/).fill(String(essay.points));
  await answer.getByRole('button', { name: 'Save override' }).click();
  await answer
    .getByRole('alert')
    .getByText(/^Say why the score is overridden/)
    .waitFor();

  const reason = 'Second reading: the last sentence names what would falsify the claim.';
  await answer.getByLabel(/^Reason/).fill(reason);
  await answer.getByRole('button', { name: 'Save override' }).click();
  await answer
    .getByRole('status')
    .getByText(`Overridden: ${essay.points} of ${essay.points} points.`)
    .waitFor();
  expect(await teacher.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('status');

  const trail = teacher.getByRole('table', { name: /^Every mark and override/ });
  await trail.getByRole('cell', { name: reason }).waitFor();
  await expect(trail.locator('tbody tr').count()).resolves.toBe(2);
  await expect(studentProgress()).resolves.toEqual({
    percentage: expect.closeTo(Math.round((essay.points / maxScore) * 10000) / 100, 1),
    pendingMarks: 0,
  });
});
