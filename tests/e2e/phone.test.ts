// On a 390 px phone (touch, no hover): a glossary term opens its definition instead of leaving the lesson,
// the timeline chart scrolls sideways inside the page with its dates in view, and the teacher's pages fit
// the screen. After a quiz is submitted, the lesson page's ids stay unique and every aria-describedby names
// the element it should (a citation in feedback is described by its own reference, not by a lesson term).
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser';
import { type RunningServer, startServer } from '../support/server';
import { lessonWithRichestQuiz, readCourseFacts } from './course-facts';

const PHONE = { width: 390, height: 844 };

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const facts = readCourseFacts();

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchChromium()]);
  context = await browser.newContext({
    baseURL: server.url,
    viewport: PHONE,
    hasTouch: true,
    isMobile: true,
  });
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** How far the page scrolls sideways: 390 when it fits the phone. */
const pageScrollWidth = () => page.evaluate(() => document.scrollingElement?.scrollWidth ?? 0);

/** Ids used more than once, and aria-describedby / aria-labelledby references to ids not on the page. */
function idProblems(): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const counts = new Map<string, number>();
    for (const element of Array.from(document.querySelectorAll('[id]')))
      counts.set(element.id, (counts.get(element.id) ?? 0) + 1);
    for (const [id, count] of counts) if (count > 1) problems.push(`id "${id}" is used ${count} times`);
    for (const attribute of ['aria-describedby', 'aria-labelledby']) {
      for (const element of Array.from(document.querySelectorAll(`[${attribute}]`))) {
        for (const id of (element.getAttribute(attribute) ?? '').split(/\s+/).filter(Boolean)) {
          if (!counts.has(id)) problems.push(`${attribute}="${id}" names no element`);
        }
      }
    }
    // A popover link is described by its own popover, inside the same host.
    for (const link of Array.from(document.querySelectorAll('.popover-host > a[aria-describedby]'))) {
      const target = document.getElementById(link.getAttribute('aria-describedby') ?? '');
      if (target && target.parentElement !== link.parentElement) {
        problems.push(`“${link.textContent}” is described by “${target.textContent?.slice(0, 60)}”`);
      }
    }
    return problems;
  });
}

describe('a student on a 390 px phone', () => {
  const { lesson } = lessonWithRichestQuiz(facts);

  it('opens a glossary term’s definition with the first tap, and the glossary with the second', async () => {
    await page.goto(`/lessons/${lesson.id}`);
    const term = page.locator('.lesson-body .term').first();
    await term.locator('> a').tap();
    await term.getByRole('tooltip').waitFor({ state: 'visible' });
    expect(new URL(page.url()).pathname).toBe(`/lessons/${lesson.id}`);

    await term.locator('> a').tap();
    await page.waitForURL('**/glossary#term-*');
  });

  it('keeps ids unique after submitting the quiz, each link described by its own popover', async () => {
    await page.goto(`/lessons/${lesson.id}`);
    // Both attempts: the explanations (where the citations are) show after the last one, as the course's
    // review options say.
    for (let attempt = 1; attempt <= 2; attempt++) {
      if (attempt > 1) await page.getByRole('button', { name: 'Try again' }).click();
      await page.getByRole('button', { name: 'Submit answers' }).click();
      await page.getByRole('button', { name: 'Submit now' }).click();
      await page.getByRole('heading', { name: /^Your result:/ }).waitFor();
    }
    // The feedback's texts (with their citations) are rendered by the server after grading.
    const describedInFeedback = page.locator('.question-outcome .popover-host > a[aria-describedby]');
    await expect.poll(() => describedInFeedback.count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await page.waitForLoadState('networkidle');
    expect(await idProblems()).toEqual([]);
    expect(await pageScrollWidth()).toBeLessThanOrEqual(PHONE.width);
  });

  it('scrolls the timeline chart inside the page, its dates in view at either end', async () => {
    await page.goto('/timeline');
    expect(await pageScrollWidth()).toBeLessThanOrEqual(PHONE.width);
    const chart = page.locator('.timeline-scroll');
    const sideways = await chart.evaluate((element) => element.scrollWidth - element.clientWidth);
    expect(sideways).toBeGreaterThan(0);
    const firstDate = page.locator('.timeline-scroll .date-label').first();
    const inView = () =>
      firstDate.evaluate((label, width) => {
        const box = label.getBoundingClientRect();
        return box.left >= 0 && box.right <= width;
      }, PHONE.width);
    await expect(inView()).resolves.toBe(true);
    // Scrolled to the last lane, whose label is then on screen, the dates are still there.
    await chart.evaluate((element) => element.scrollTo({ left: element.scrollWidth }));
    const lastLane = page.locator('.timeline-scroll .lane-label').last();
    await expect
      .poll(() =>
        lastLane.evaluate((label, width) => label.getBoundingClientRect().right <= width, PHONE.width),
      )
      .toBe(true);
    await expect(inView()).resolves.toBe(true);
  });
});

describe('a teacher on a 390 px phone', () => {
  it('sees the class list and a class page with its progress grid without scrolling sideways', async () => {
    await page.goto('/teacher');
    await page.getByLabel('Teacher passcode').fill(server.teacherPasscode ?? '');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('heading', { name: 'Your classes' }).waitFor();
    await page.getByLabel('Class name').fill('Seminar group on phones');
    await page.getByRole('button', { name: 'Create class' }).click();
    const created = page.getByRole('status').filter({ hasText: 'Created Seminar group on phones' });
    await created.waitFor();
    expect(await pageScrollWidth()).toBeLessThanOrEqual(PHONE.width);

    // A student joins, so that the class page has its progress grid (a column per lesson) to fit.
    const joinCode = /with the code (\S+)\.$/.exec((await created.textContent())?.trim() ?? '')?.[1] ?? '';
    const studentContext = await browser.newContext({ baseURL: server.url, viewport: PHONE });
    const student = await studentContext.newPage();
    await student.goto('/join');
    await student.getByLabel('Join code').fill(joinCode);
    await student.getByLabel('Your name').fill('Grace Hopper');
    await student.getByRole('button', { name: 'Join class' }).click();
    await student.getByText('Welcome, Grace Hopper.', { exact: false }).waitFor();
    await studentContext.close();

    await page.getByRole('link', { name: 'Seminar group on phones' }).click();
    await page.waitForURL(/\/teacher\/classes\/[^/]+$/);
    await page.getByRole('heading', { level: 1, name: 'Seminar group on phones' }).waitFor();
    await page.getByRole('rowheader', { name: 'Grace Hopper' }).waitFor();
    expect(await pageScrollWidth()).toBeLessThanOrEqual(PHONE.width);
  });
});
