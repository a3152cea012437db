// The whole teacher's loop in Chromium, with a class of two: the owner invites a colleague by a one-time
// link; Ada drafts on her laptop, reloads and submits from her phone; Bea drafts, reloads and submits. The
// colleague marks Ada's essay with the rubric (the marking counts follow without a reload), the owner
// overrides one of Bea's scores, re-opens her attempt (her answers come back as a draft) and sets a due
// date with review options; each student sees exactly what those options allow, and the gradebook CSV
// says what the class page shows.
import type { Question } from '@coursekit/quiz-engine';
import { parse } from 'csv-parse/sync';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchChromium } from '../support/browser';
import { type RunningServer, startServer } from '../support/server';
import { answerByPointer } from './answer-by-pointer';
import { type CourseFacts, questionsOf, readCourseFacts } from './course-facts';
import {
  correctAnswer,
  promptKey,
  questionSection,
  questionsInPageOrder,
  wrongAnswer,
} from './visible-answers';

let server: RunningServer;
let browser: Browser;
let owner: Page;
let colleague: Page;
let adaLaptop: Page;
let adaPhone: Page;
let bea: Page;
const facts: CourseFacts = readCourseFacts();

// A deferred quiz with an essay marked by a levelled rubric and a limit of attempts.
const lesson = facts.lessons.find((candidate) => {
  const candidateQuiz = candidate.quiz ? facts.quizzes.get(candidate.quiz) : undefined;
  return (
    candidateQuiz?.behaviour === 'deferred' &&
    candidateQuiz.maxAttempts === 2 &&
    questionsOf(candidateQuiz).some(
      (question) => question.type === 'essay' && question.rubric.some((criterion) => criterion.levels),
    )
  );
});
const quiz = lesson?.quiz ? facts.quizzes.get(lesson.quiz) : undefined;
if (!lesson || !quiz)
  throw new Error('the course has no deferred quiz of 2 attempts with a rubric-marked essay');

const className = 'Whole loop';
const colleagueName = 'Mr Okafor';
const choiceTypes = ['single', 'truefalse'];
const squash = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();
let classId = '';
let adaResumeCode = '';
const adaWords =
  'Moscow weighed its ties to Seoul against its leverage in Pyongyang, and the article reads the summit as ' +
  'a signal to Washington more than a turn in policy; the evidence is the timing of the visits.';
const beaWords =
  'The argument rests on two premises: that the treaty changed what each side could promise, and that the ' +
  'officials quoted meant what they said. The second is the weaker one.';
let adaEssay = '';
let beaEssay = '';

/** The words given, repeated to the essay's minimum (or 20) and 10 more, in two paragraphs. */
function essayOf(question: Question, words: string): string {
  const base = words.split(/\s+/);
  const target = (question.type === 'essay' ? (question.minWords ?? 20) : 20) + 10;
  const out = Array.from({ length: target }, (_, index) => base[index % base.length] as string);
  const half = Math.floor(target / 2);
  return `${out.slice(0, half).join(' ')}\n\n${out.slice(half).join(' ')}`;
}

/** What each student answered, by question, as the page showed the attempt. */
let adaWrong: Question;
let beaWrong: Question;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchChromium()]);
  const open = async () => (await browser.newContext({ baseURL: server.url })).newPage();
  [owner, colleague, adaLaptop, adaPhone, bea] = await Promise.all([open(), open(), open(), open(), open()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** The essay question and the choice questions this attempt shows, in page order. */
async function shownQuestions(page: Page): Promise<{ essay: Question; choices: Question[] }> {
  const shown = await questionsInPageOrder(page, questionsOf(quiz as NonNullable<typeof quiz>));
  const essay = shown.find((question) => question.type === 'essay' && question.rubric.length > 0);
  if (!essay) throw new Error('the attempt shows no essay with a rubric');
  return { essay, choices: shown.filter((question) => choiceTypes.includes(question.type)) };
}

async function openLesson(page: Page): Promise<void> {
  await page.goto(`/lessons/${lesson?.id}`);
  await page.locator('.quiz-rules').waitFor();
  await page.waitForLoadState('networkidle');
}

async function submitQuiz(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Submit answers' }).click();
  await page.getByRole('button', { name: 'Submit now' }).click();
  await page.getByRole('heading', { name: /^Your result:/ }).waitFor();
}

/** Opens "Review your past attempts" and returns the section of one attempt once loaded. */
async function pastAttempt(page: Page, number: number): Promise<Locator> {
  await page.locator('.past-attempts > summary').click();
  const section = page.locator('.past-attempt', {
    has: page.getByRole('heading', { name: new RegExp(`^Attempt ${number}:`) }),
  });
  await section.waitFor();
  return section;
}

it('lets the owner invite a colleague by a one-time link', async () => {
  await owner.goto('/teacher');
  await owner.getByLabel('Teacher passcode').fill(server.teacherPasscode ?? '');
  await owner.getByRole('button', { name: 'Log in', exact: true }).click();
  await owner.getByRole('heading', { name: 'Your classes' }).waitFor();
  await owner.getByRole('link', { name: 'Teachers' }).click();
  await owner.getByRole('heading', { name: 'Teachers', level: 1 }).waitFor();
  await owner.getByRole('button', { name: 'Invite' }).click();
  const link = await owner.getByLabel('Invite link (shown only now)').inputValue();
  expect(link).toMatch(/\/teacher\/invite#[A-Za-z0-9_-]{32}$/);

  await colleague.goto(link);
  await colleague.getByLabel('Your name').fill(colleagueName);
  await colleague.getByLabel('Password').fill('a colleague’s password');
  await colleague.getByRole('button', { name: 'Create my teacher account' }).click();
  await colleague.getByRole('heading', { name: 'Your classes' }).waitFor();
  // Not the owner: no Teachers link.
  await expect(colleague.getByRole('link', { name: 'Teachers' }).count()).resolves.toBe(0);

  // The link works once.
  const again = await (await browser.newContext({ baseURL: server.url })).newPage();
  await again.goto(link);
  await again.getByLabel('Your name').fill('Someone else');
  await again.getByLabel('Password').fill('another password');
  await again.getByRole('button', { name: 'Create my teacher account' }).click();
  await again
    .getByRole('alert')
    .getByText(/has been used already/)
    .waitFor();

  await owner.reload();
  await owner.getByRole('rowheader', { name: colleagueName }).waitFor();

  // A second invite, withdrawn before anyone uses it: its link stops working.
  await owner.getByRole('button', { name: 'Invite' }).click();
  const unused = await owner.getByLabel('Invite link (shown only now)').inputValue();
  await owner.getByRole('button', { name: /^Withdraw open invite 1,/ }).click();
  await expect.poll(() => owner.getByRole('button', { name: /^Withdraw open invite/ }).count()).toBe(0);
  await again.goto(unused);
  await again.getByLabel('Your name').fill('Someone else');
  await again.getByLabel('Password').fill('another password');
  await again.getByRole('button', { name: 'Create my teacher account' }).click();
  await again
    .getByRole('alert')
    .getByText(/was withdrawn/)
    .waitFor();
});

it('has two students join, one of them on two devices', async () => {
  await owner.goto('/teacher');
  await owner.getByLabel('Class name').fill(className);
  await owner.getByRole('button', { name: 'Create class' }).click();
  const created = owner.getByRole('status').filter({ hasText: `Created ${className}` });
  await created.waitFor();
  const joinCode = /with the code (\S+)\.$/.exec(squash(await created.textContent()))?.[1] ?? '';

  for (const [page, name] of [
    [adaLaptop, 'Ada'],
    [bea, 'Bea'],
  ] as const) {
    await page.goto('/join');
    await page.getByLabel('Join code').fill(joinCode);
    await page.getByLabel('Your name').fill(name);
    await page.getByRole('button', { name: 'Join class' }).click();
    const welcome = page.getByRole('status').filter({ hasText: 'Your resume code is' });
    await welcome.waitFor();
    if (name === 'Ada')
      adaResumeCode = /Your resume code is (\S+)\./.exec(squash(await welcome.textContent()))?.[1] ?? '';
  }
  await adaPhone.goto('/join');
  await adaPhone.getByLabel('Resume code').fill(adaResumeCode);
  await adaPhone.getByRole('button', { name: 'Continue' }).click();
  await adaPhone.getByText('Welcome back, Ada').waitFor();
});

it('keeps Ada’s draft through a reload and on her phone, where she submits it', async () => {
  await openLesson(adaLaptop);
  const { essay, choices } = await shownQuestions(adaLaptop);
  const [right, wrong] = choices as [Question, Question];
  adaWrong = wrong;
  adaEssay = essayOf(essay, adaWords);
  await answerByPointer(questionSection(adaLaptop, right), correctAnswer(right));
  await answerByPointer(questionSection(adaLaptop, wrong), wrongAnswer(wrong));
  await questionSection(adaLaptop, essay).getByRole('textbox').fill(adaEssay);
  await adaLaptop.getByRole('status').filter({ hasText: 'Draft saved' }).waitFor();
  await adaLaptop.reload();
  await adaLaptop.getByRole('button', { name: 'Submit answers' }).waitFor();
  await expect(questionSection(adaLaptop, essay).getByRole('textbox').inputValue()).resolves.toBe(adaEssay);

  await openLesson(adaPhone);
  await expect(questionSection(adaPhone, essay).getByRole('textbox').inputValue()).resolves.toBe(adaEssay);
  expect(squash(await adaPhone.locator('.quiz-rules').textContent())).toContain('Attempt 1 of 2');
  await submitQuiz(adaPhone);
  // Attempt 1 of 2: right or wrong shows, the correct answer waits for the last attempt.
  const wrongShown = questionSection(adaPhone, wrong);
  await wrongShown.locator('.feedback.incorrect').waitFor();
  expect(squash(await adaPhone.locator('.quiz').textContent())).not.toContain('Correct answer:');
});

it('keeps Bea’s draft through a reload, and takes her submission', async () => {
  await openLesson(bea);
  const { essay, choices } = await shownQuestions(bea);
  beaWrong = choices[0] as Question;
  beaEssay = essayOf(essay, beaWords);
  await answerByPointer(questionSection(bea, beaWrong), wrongAnswer(beaWrong));
  await questionSection(bea, essay).getByRole('textbox').fill(beaEssay);
  await bea.getByRole('status').filter({ hasText: 'Draft saved' }).waitFor();
  await bea.reload();
  await bea.getByRole('button', { name: 'Submit answers' }).waitFor();
  await expect(questionSection(bea, essay).getByRole('textbox').inputValue()).resolves.toBe(beaEssay);
  await submitQuiz(bea);
});

it('lets the colleague mark Ada’s essay with the rubric; the counts follow without a reload', async () => {
  await colleague.reload();
  await colleague.getByRole('link', { name: className }).click();
  await colleague.waitForURL(/\/teacher\/classes\/[^/]+$/);
  classId = decodeURIComponent(new URL(colleague.url()).pathname.split('/').pop() ?? '');
  await colleague.getByRole('link', { name: 'Mark essays (2 awaiting marking)' }).click();
  await colleague.getByText('2 essays are awaiting marking.').waitFor();
  const item = colleague.getByRole('article', { name: `Ada — ${quiz.title}, attempt 1` });
  const groups = item.locator('fieldset');
  for (let index = 0; index < (await groups.count()); index++) {
    await groups.nth(index).getByRole('radio').first().check();
  }
  await item.getByLabel('Feedback for the student').fill('Name the visits you mean.');
  await item.getByRole('button', { name: 'Save mark' }).click();
  await item
    .getByRole('status')
    .getByText(/^Marked: /)
    .waitFor();
  // No reload: the page's own counts are read again.
  await colleague.getByText('1 essay is awaiting marking.').waitFor();
  await colleague.getByRole('option', { name: 'Ada (0 pending)' }).waitFor({ state: 'attached' });
});

it('lets the owner override one of Bea’s scores and re-open her attempt', async () => {
  await owner.goto(`/teacher/classes/${encodeURIComponent(classId)}`);
  await owner.getByRole('link', { name: 'Bea' }).click();
  await owner.getByRole('heading', { name: 'Bea', level: 1 }).waitFor();
  const attempt = owner.getByRole('region', { name: `${quiz.title}, attempt 1` });
  const answer = attempt.locator('li', { hasText: promptKey(beaWrong) });
  await answer.locator('summary').click();
  await answer.getByLabel(/^New score/).fill(String(beaWrong.points));
  const reason = 'The wording of the question allowed her reading.';
  await answer.getByLabel(/^Reason/).fill(reason);
  await answer.getByRole('button', { name: 'Save override' }).click();
  await answer
    .getByRole('status')
    .getByText(/^Overridden: /)
    .waitFor();
  const trail = owner.getByRole('table', { name: /^Every mark and override/ });
  await trail
    .getByRole('row', { name: new RegExp(reason) })
    .getByRole('cell', { name: 'Owner' })
    .waitFor();

  await attempt.locator('summary', { hasText: `Re-open ${quiz.title}, attempt 1` }).click();
  await attempt.getByLabel('Reason (optional)').fill('She ran out of time.');
  await attempt.getByRole('button', { name: 'Re-open attempt' }).click();
  await attempt
    .getByRole('status')
    .getByText(/^Re-opened as attempt 2 with \d+ answers? restored\./)
    .waitFor();
  await owner.getByText(/continued as attempt 2, by Owner \(She ran out of time\.\)/).waitFor();

  // Ada's page names the colleague who marked her essay.
  await owner.goto(`/teacher/classes/${encodeURIComponent(classId)}`);
  await owner.getByRole('link', { name: 'Ada' }).click();
  const adaTrail = owner.getByRole('table', { name: /^Every mark and override/ });
  await adaTrail.getByRole('cell', { name: colleagueName }).waitFor();
});

it('gives Bea her answers back as a draft, and after her last attempt the correct answers', async () => {
  await openLesson(bea);
  expect(squash(await bea.locator('.quiz-rules').textContent())).toContain('Attempt 2 of 2');
  const { essay } = await shownQuestions(bea);
  await expect(questionSection(bea, essay).getByRole('textbox').inputValue()).resolves.toBe(beaEssay);
  await submitQuiz(bea);
  // The last attempt: the built-in options show the correct answer of what she got wrong.
  await bea.locator('.quiz').getByText('Correct answer:').first().waitFor();
});

it('shows each student exactly what the review options allow, before and after the due date', async () => {
  // Ada after a reload: her marked essay with the colleague's feedback; no correct answers (1 of 2 used).
  await openLesson(adaLaptop);
  const adaFirst = await pastAttempt(adaLaptop, 1);
  await adaFirst.getByText('Your teacher’s feedback: Name the visits you mean.').waitFor();
  await adaFirst.locator('.feedback.incorrect').first().waitFor();
  expect(squash(await adaFirst.textContent())).not.toContain('Correct answer:');
  void adaWrong;

  // The owner: correct answers only after a due date (tomorrow), explanations never.
  await owner.goto(`/teacher/classes/${encodeURIComponent(classId)}`);
  await owner.getByRole('link', { name: `Settings of ${quiz.title}` }).click();
  const localTime = (offsetDays: number) =>
    owner.evaluate((days) => {
      const date = new Date(Date.now() + days * 24 * 3600 * 1000);
      const pad = (n: number) => String(n).padStart(2, '0');
      return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
    }, offsetDays);
  await owner
    .getByRole('group', { name: /^Correct answer/ })
    .getByLabel('After the due date')
    .check();
  await owner
    .getByRole('group', { name: /^Explanation/ })
    .getByLabel('Never')
    .check();
  await owner.getByLabel(/^Due at/).fill(await localTime(1));
  await owner.getByRole('button', { name: 'Save settings' }).click();
  await owner.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();

  await openLesson(bea);
  const beaBefore = await pastAttempt(bea, 2);
  await beaBefore.locator('.feedback.incorrect').first().waitFor();
  expect(squash(await beaBefore.textContent())).not.toContain('Correct answer:');

  // Past the due date: the correct answers show, the explanations still not.
  await owner.getByLabel(/^Due at/).fill(await localTime(-1));
  await owner.getByRole('button', { name: 'Save settings' }).click();
  await owner.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
  await openLesson(bea);
  const beaAfter = await pastAttempt(bea, 2);
  await beaAfter.getByText('Correct answer:').first().waitFor();
  expect(squash(await beaAfter.textContent())).not.toContain('Explanation');
  await openLesson(adaPhone);
  const adaAfter = await pastAttempt(adaPhone, 1);
  await adaAfter.getByText('Correct answer:').first().waitFor();
});

it('exports a gradebook CSV that says what the class page shows', async () => {
  await owner.goto(`/teacher/classes/${encodeURIComponent(classId)}`);
  const response = await owner.request.get(`/api/classes/${encodeURIComponent(classId)}/gradebook.csv`);
  expect(response.status()).toBe(200);
  const rows = parse((await response.text()).replace(/^\uFEFF/, ''), { columns: true }) as Record<
    string,
    string
  >[];
  const header = Object.keys(rows[0] ?? {});
  const bestColumn = header.find((name) => name.startsWith(`${quiz.title}: best %`));
  const attemptsColumn = header.find((name) => name.startsWith(`${quiz.title}: attempts used`));
  const pendingColumn = header.find((name) => name.startsWith(`${quiz.title}: essays awaiting marking`));
  if (!bestColumn || !attemptsColumn || !pendingColumn) throw new Error(`no columns for ${quiz.title}`);
  const lessonIndex = facts.lessons.findIndex((candidate) => candidate.id === lesson.id);
  let pending = 0;
  for (const name of ['Ada', 'Bea']) {
    const row = rows.find((candidate) => candidate.Name === name);
    if (!row) throw new Error(`no CSV row for ${name}`);
    const cell = owner
      .getByRole('row', { name: new RegExp(`^${name}\\b`) })
      .getByRole('cell')
      .nth(lessonIndex);
    const shown = squash(await cell.textContent());
    const match = /Best ([\d.]+)% · (\d+) attempts?/.exec(shown);
    expect(match, `${name}'s cell: ${shown}`).not.toBeNull();
    expect(Number(row[bestColumn])).toBeCloseTo(Number(match?.[1]), 2);
    expect(row[attemptsColumn]).toBe(match?.[2]);
    pending += Number(row[pendingColumn]);
  }
  // Bea's two essays (attempts 1 and 2) are not marked: two awaiting, on the page and in the CSV.
  expect(pending).toBe(2);
  await owner.getByRole('link', { name: 'Mark essays (2 awaiting marking)' }).waitFor();
});

it('shows a lesson Ada completed on her phone as completed on her laptop', async () => {
  await openLesson(adaPhone);
  await adaPhone.getByRole('button', { name: 'Mark lesson complete' }).click();
  await adaPhone.getByText('You marked this lesson complete').waitFor();
  // The laptop's browser storage knows nothing of it: the state comes from the server.
  await openLesson(adaLaptop);
  await adaLaptop.getByText('You marked this lesson complete').waitFor();
  await expect(adaLaptop.getByRole('button', { name: 'Mark lesson complete' }).count()).resolves.toBe(0);
});
