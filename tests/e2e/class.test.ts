// Class mode in two browsers: a teacher creates a class, a student joins it with the code in a second
// browser context and submits a quiz, and the teacher's grid and CSV download show that score. Students
// can open neither the dashboard nor another student's results.
import { readFile } from 'node:fs/promises';
import type { Question } from '@coursekit/quiz-engine';
import { parse as parseCsv } from 'csv-parse/sync';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchChromium } from '../support/browser';
import { type RunningServer, startServer } from '../support/server';
import { answerByPointer } from './answer-by-pointer';
import { type CourseFacts, questionsOf, readCourseFacts } from './course-facts';
import { correctAnswer, questionSection, questionsInPageOrder } from './visible-answers';

let server: RunningServer;
let browser: Browser;
let teacher: Page;
let student: Page;
const contexts: BrowserContext[] = [];
const facts: CourseFacts = readCourseFacts();

// The student answers some questions of a deferred-feedback quiz correctly and leaves the rest. An ordering
// list always counts as an answer (in the order shown), so the student puts every one in order.
const lesson = facts.lessons.find(
  (candidate) => candidate.quiz && facts.quizzes.get(candidate.quiz)?.behaviour === 'deferred',
);
const quiz = lesson?.quiz ? facts.quizzes.get(lesson.quiz) : undefined;
if (!lesson || !quiz) throw new Error('the course has no lesson with a deferred-feedback quiz');
const answerable = ['single', 'truefalse', 'ordering'];
// Set when the student sees the attempt: the questions drawn from the quiz's pools decide the score.
let expectedPercent = 0;

const className = 'Seminar group B';
const studentName = 'Ada Lovelace';
let joinCode = '';
let classId = '';

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchChromium()]);
  const open = async () => {
    const context = await browser.newContext({ baseURL: server.url, acceptDownloads: true });
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

/** A student's cell under a lesson in the teacher's progress grid. */
function gridCell(page: Page, student: string, lessonTitle: string): Promise<string> {
  return page.locator('table', { has: page.getByRole('columnheader', { name: lessonTitle }) }).evaluate(
    (table, [name, title]) => {
      const headers = Array.from(table.querySelectorAll('thead th'), (th) => th.textContent?.trim());
      const row = Array.from(table.querySelectorAll('tbody tr')).find(
        (tr) => tr.querySelector('th')?.textContent?.trim() === name,
      );
      const cell = row?.children[headers.indexOf(title)];
      return cell?.textContent ?? `no cell for ${name} under ${title}`;
    },
    [student, lessonTitle] as const,
  );
}

it('lets the teacher log in and create a class, showing its join code', async () => {
  await teacher.goto('/teacher');
  await teacher.getByLabel('Teacher passcode').fill(server.teacherPasscode ?? '');
  await teacher.getByRole('button', { name: 'Log in' }).click();
  await teacher.getByRole('heading', { name: 'Your classes' }).waitFor();

  await teacher.getByLabel('Class name').fill(className);
  await teacher.getByRole('button', { name: 'Create class' }).click();
  const created = teacher.getByRole('status').filter({ hasText: `Created ${className}` });
  await created.waitFor();
  joinCode = /with the code (\S+)\.$/.exec(squash(await created.textContent()))?.[1] ?? '';
  expect(joinCode).toMatch(/^[A-Z0-9]{4,12}$/);

  await teacher.getByRole('link', { name: className }).click();
  await teacher.waitForURL(/\/teacher\/classes\/[^/]+$/);
  classId = decodeURIComponent(new URL(teacher.url()).pathname.split('/').pop() ?? '');
  await expect(teacher.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(className);
  await teacher.getByText('No student has joined yet.').waitFor();
});

it('lets a student join with the code in another browser and submit a quiz', async () => {
  await student.goto('/join');
  await student.getByLabel('Join code').fill(joinCode);
  await student.getByLabel('Your name').fill(studentName);
  await student.getByRole('button', { name: 'Join class' }).click();
  await student.getByText(`Welcome, ${studentName}. You have joined ${className}.`).waitFor();

  await student.goto(`/lessons/${lesson.id}`);
  await student.getByRole('button', { name: 'Submit answers' }).waitFor();
  const shown = await questionsInPageOrder(student, questionsOf(quiz));
  const answered: Question[] = shown.filter((question) => answerable.includes(question.type));
  const maxScore = shown.reduce((sum, question) => sum + question.points, 0);
  expectedPercent = (answered.reduce((sum, question) => sum + question.points, 0) / maxScore) * 100;
  for (const question of answered) {
    await answerByPointer(questionSection(student, question), correctAnswer(question));
  }
  await student.getByRole('button', { name: 'Submit answers' }).click();
  await student.getByRole('button', { name: 'Submit now' }).click();
  const result = student.getByRole('heading', { name: /^Your result:/ });
  await result.waitFor();
  const percent = Number(/\(([\d.]+)%\)/.exec(squash(await result.textContent()))?.[1]);
  expect(percent).toBeCloseTo(expectedPercent, 1);
});

it('shows the score in the teacher’s grid and in the CSV gradebook', async () => {
  await teacher.reload();
  await teacher.getByRole('rowheader', { name: studentName }).waitFor();
  const cell = squash(await gridCell(teacher, studentName, lesson.title));
  const shown = Number(/Best ([\d.]+)% · 1 attempt$/.exec(cell)?.[1]);
  expect(shown, `grid cell “${cell}”`).toBeCloseTo(expectedPercent, 1);

  const [download] = await Promise.all([
    teacher.waitForEvent('download'),
    teacher.getByRole('link', { name: 'Download the gradebook (CSV)' }).click(),
  ]);
  const rows: string[][] = parseCsv(await readFile(await download.path(), 'utf8'), { bom: true });
  const [header = [], ...students] = rows;
  const column = header.findIndex((name) => name.startsWith(`${quiz?.title}: best % (`));
  expect(column, `gradebook columns: ${header.join(' | ')}`).toBeGreaterThan(0);
  const row = students.find((fields) => fields[header.indexOf('Name')] === studentName);
  expect(Number(row?.[column])).toBeCloseTo(expectedPercent, 1);
});

it('keeps the dashboard and every other student’s results from students', async () => {
  // A second student of the same class, who has submitted nothing.
  const context = await browser.newContext({ baseURL: server.url });
  contexts.push(context);
  const other = await context.newPage();
  await other.goto('/join');
  await other.getByLabel('Join code').fill(joinCode);
  await other.getByLabel('Your name').fill('Ben');
  await other.getByRole('button', { name: 'Join class' }).click();
  await other.getByText('Welcome, Ben.').waitFor();

  const own = await other.request.get('/api/me/progress');
  expect(await own.json()).toMatchObject({ learner: { displayName: 'Ben' }, attempts: [] });
  await other.goto(`/lessons/${lesson.id}`);
  await expect
    .poll(() => other.locator('.quiz-rules').textContent())
    .toContain(`Attempt 1 of ${quiz.maxAttempts}`);
  expect(await other.locator('.quiz-rules').textContent()).not.toContain('best score');

  for (const page of [student, other]) {
    await page.goto(`/teacher/classes/${encodeURIComponent(classId)}`);
    await page.getByRole('heading', { name: 'Teacher login' }).waitFor();
    expect(await page.locator('main').textContent()).not.toContain(studentName);
    for (const path of [`/api/classes/${classId}/dashboard`, `/api/classes/${classId}/gradebook.csv`]) {
      const response = await page.request.get(path);
      expect(response.status(), path).toBe(401);
      const body = await response.json();
      expect(body.error.code).toBe('teacher-login-required');
      expect(JSON.stringify(body)).not.toContain(studentName);
    }
  }
});
