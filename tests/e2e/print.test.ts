// The lesson as a printed handout: the print stylesheet hides the site's navigation and keeps the text
// with its citations and bibliography.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchChromium } from '../support/browser';
import { type RunningServer, startServer } from '../support/server';
import { lessonWithRichestQuiz, readCourseFacts } from './course-facts';

let server: RunningServer;
let browser: Browser;
let page: Page;
const { lesson } = lessonWithRichestQuiz(readCourseFacts());

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchChromium()]);
  page = await browser.newPage({ baseURL: server.url });
  await page.goto(`/lessons/${lesson.id}`);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** What the print stylesheet must hide, and what it must keep. */
const navigation = {
  'the skip link': '.skip-link',
  'the header navigation': 'header nav',
  'the footer': 'footer',
  'the table of contents': '.lesson-aside nav',
  'the previous/next lesson links': 'nav[aria-label="Previous and next lesson"]',
};

async function shown(page: Page, selectors: Record<string, string>): Promise<string[]> {
  const visible: string[] = [];
  for (const [name, selector] of Object.entries(selectors)) {
    if (await page.locator(selector).first().isVisible()) visible.push(name);
  }
  return visible;
}

it('shows the navigation on screen', async () => {
  await page.emulateMedia({ media: 'screen' });
  const { 'the skip link': _offscreenUntilFocused, ...onScreen } = navigation;
  expect(await shown(page, onScreen)).toEqual(Object.keys(onScreen));
});

it('hides the navigation in print and keeps the lesson, its citations and its bibliography', async () => {
  await page.emulateMedia({ media: 'print' });
  expect(await shown(page, navigation)).toEqual([]);
  await expect(page.getByRole('heading', { level: 1, name: lesson.title }).isVisible()).resolves.toBe(true);
  const citations = page.locator('.lesson-body .citation');
  expect(await citations.count()).toBeGreaterThan(0);
  expect(await citations.first().isVisible()).toBe(true);
  expect(await page.locator('.lesson-body .citation [role="tooltip"]').first().isVisible()).toBe(false);
  expect(await page.getByRole('heading', { name: 'Bibliography', exact: true }).isVisible()).toBe(true);
  const entries = page.locator('#lesson-bibliography ~ .bibliography-list li');
  expect(await entries.count()).toBeGreaterThan(0);
  expect(await entries.first().isVisible()).toBe(true);
});
