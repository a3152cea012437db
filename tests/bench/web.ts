// `pnpm bench:web`: what students download from the production build, measured in Chromium on 127.0.0.1.
// For each page type: the JavaScript it loads (every script response until the network is idle, re-gzipped
// at level 9 for a stable figure), how much of it is above the app's smallest page (the framework's floor),
// the HTML size, and the medians of time to first byte and full load over fresh (cold-cache) visits.
// Prints a table and a PASS/OVER line against the budget; it is a benchmark, not a test, and exits 0.
// Code the quiz loads later is listed too: what its first answer fetches (feedback and results), and what a
// lesson whose quiz uses the most question types loads (the larger controls come in chunks of their own).
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import {
  type CourseFacts,
  type LessonFacts,
  lessonWithRichestQuiz,
  questionsOf,
  readCourseFacts,
} from '../e2e/course-facts';
import { launchChromium } from '../support/browser';
import { startServer } from '../support/server';

/** Gzip JS a lesson page with its quiz may load above the floor. */
const BUDGET_KB = 8;
const RUNS = Number(process.env.BENCH_WEB_RUNS ?? 20);
const KB = 1024;

interface PageLoad {
  /** Script URL (path only) → gzip size in bytes. */
  scripts: Map<string, number>;
  /** Scripts fetched only after `then` ran (the learner's first answer). */
  later: Map<string, number>;
  htmlBytes: number;
  htmlGzipBytes: number;
}

interface Timing {
  ttfb: number;
  load: number;
}

const gzipped = (body: Buffer) => gzipSync(body, { level: 9 }).length;

/** Bytes of a URL as the server sends them (before any transfer compression). */
async function download(url: string): Promise<Buffer> {
  const response = await fetch(url, { headers: { 'accept-encoding': 'identity' } });
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return Buffer.from(await response.arrayBuffer());
}

/**
 * One cold visit: the scripts the page fetches until the network is idle, and its HTML. The bodies are
 * fetched again from the server (Chromium does not always keep them), then gzipped. Without `prefetch`,
 * Next.js's prefetches of linked routes (`?_rsc=` requests) are refused, so that only the JavaScript the
 * page needs for itself is counted, not the code of the pages it links to.
 */
async function measureDownload(
  browser: Browser,
  url: string,
  prefetch: boolean,
  then?: (page: Page) => Promise<void>,
): Promise<PageLoad> {
  const context = await browser.newContext();
  if (!prefetch) await context.route(/[?&]_rsc=/, (route) => route.abort());
  const page = await context.newPage();
  const scriptUrls = new Set<string>();
  let lastScriptAt = Date.now();
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script' && response.ok()) {
      scriptUrls.add(response.url());
      lastScriptAt = Date.now();
    }
  });
  const response = await page.goto(url, { waitUntil: 'networkidle' });
  if (!response?.ok()) throw new Error(`${url} answered ${response?.status()}`);
  const atLoad = new Set(scriptUrls);
  if (then) {
    await then(page);
    lastScriptAt = Date.now();
    // Until no script has arrived for a second (a benchmark's settling, not a test's assertion).
    while (Date.now() - lastScriptAt < 1000) await page.waitForTimeout(200);
  }
  await context.close();
  const load: PageLoad = { scripts: new Map(), later: new Map(), htmlBytes: 0, htmlGzipBytes: 0 };
  for (const scriptUrl of scriptUrls) {
    const into = atLoad.has(scriptUrl) ? load.scripts : load.later;
    into.set(new URL(scriptUrl).pathname, gzipped(await download(scriptUrl)));
  }
  const html = await download(url);
  load.htmlBytes = html.length;
  load.htmlGzipBytes = gzipped(html);
  return load;
}

/** One cold visit's navigation timing, in ms from the start of the navigation. */
async function measureTiming(browser: Browser, url: string): Promise<Timing> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  const timing = await page.waitForFunction(() => {
    const [entry] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
    return entry && entry.loadEventEnd > 0
      ? { ttfb: entry.responseStart - entry.startTime, load: entry.loadEventEnd - entry.startTime }
      : null;
  });
  const value = (await timing.jsonValue()) as Timing;
  await context.close();
  return value;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

const kb = (bytes: number) => (bytes / KB).toFixed(1);
const total = (scripts: Map<string, number>) => [...scripts.values()].reduce((sum, size) => sum + size, 0);

function table(header: string[], rows: string[][]): string {
  const widths = header.map((cell, column) =>
    Math.max(cell.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: string[]) =>
    `| ${cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join(' | ')} |`;
  const rule = `| ${widths.map((width, column) => (column === 0 ? '-'.repeat(width) : `${'-'.repeat(width - 1)}:`)).join(' | ')} |`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}

/** The lesson whose quiz uses the most question types, whatever its behaviour. */
function lessonWithMostTypes(facts: CourseFacts): LessonFacts {
  const typesOf = (lesson: LessonFacts) => {
    const quiz = lesson.quiz ? facts.quizzes.get(lesson.quiz) : undefined;
    return quiz ? new Set(questionsOf(quiz).map((question) => question.type)).size : 0;
  };
  const [most] = [...facts.lessons].sort((a, b) => typesOf(b) - typesOf(a));
  if (!most) throw new Error('the course has no lessons');
  return most;
}

/** The learner's first answer: the first choice of the quiz's first question. */
async function answerFirstQuestion(page: Page): Promise<void> {
  await page.locator('.quiz input[type=radio], .quiz input[type=checkbox]').first().check();
}

async function main(): Promise<void> {
  const facts = readCourseFacts();
  const { lesson } = lessonWithRichestQuiz(facts);
  const lessonPage = `lesson with quiz (/lessons/${lesson.id})`;
  const most = lessonWithMostTypes(facts);
  const mostPage = `most question types (/lessons/${most.id})`;
  const pages: [string, string][] = [
    ['course home (/)', '/'],
    [lessonPage, `/lessons/${lesson.id}`],
    ...(most.id === lesson.id ? [] : ([[mostPage, `/lessons/${most.id}`]] as [string, string][])),
    ['glossary', '/glossary'],
    ['timeline', '/timeline'],
    ['bibliography', '/bibliography'],
    ['reading', '/reading'],
    ['join a class', '/join'],
    ['teacher login', '/teacher'],
  ];

  const [server, browser] = await Promise.all([startServer(), launchChromium()]);
  try {
    const results: { name: string; load: PageLoad; withPrefetch: PageLoad; timings: Timing[] }[] = [];
    for (const [name, path] of pages) {
      const url = `${server.url}${path}`;
      const withPrefetch = await measureDownload(browser, url, true); // also warms the route's caches
      const load = await measureDownload(
        browser,
        url,
        false,
        name === lessonPage ? answerFirstQuestion : undefined,
      );
      const timings: Timing[] = [];
      for (let run = 0; run < RUNS; run++) timings.push(await measureTiming(browser, url));
      results.push({ name, load, withPrefetch, timings });
      process.stderr.write(`measured ${name}\n`);
    }

    const floor = results.reduce((smallest, result) =>
      total(result.load.scripts) < total(smallest.load.scripts) ? result : smallest,
    );
    const floorBytes = total(floor.load.scripts);
    const rows = results.map(({ name, load, withPrefetch, timings }) => [
      name === floor.name ? `${name} (floor)` : name,
      kb(total(load.scripts)),
      kb(total(load.scripts) - floorBytes),
      kb(total(withPrefetch.scripts)),
      kb(load.htmlGzipBytes),
      kb(load.htmlBytes),
      median(timings.map((timing) => timing.ttfb)).toFixed(1),
      median(timings.map((timing) => timing.load)).toFixed(1),
    ]);

    console.log(
      `Production build of apps/teach on 127.0.0.1, Chromium ${browser.version()}; cold cache; ` +
        `sizes in KB of 1024 bytes, gzip level 9; times are medians of ${RUNS} loads.\n` +
        'JS gzip KB: the scripts the page needs for itself (link prefetches refused); with link prefetch: ' +
        'also the code Next.js prefetches for the linked pages in view.\n',
    );
    console.log(
      table(
        [
          'page',
          'JS gzip KB',
          'above floor KB',
          'with link prefetch KB',
          'HTML gzip KB',
          'HTML KB',
          'TTFB median ms',
          'load median ms',
        ],
        rows,
      ),
    );

    const lessonResult = results.find((result) => result.name === lessonPage);
    if (!lessonResult) throw new Error('the lesson page was not measured');
    const extra = [...lessonResult.load.scripts].filter(([path]) => !floor.load.scripts.has(path));
    console.log(`\nScripts the lesson page loads beyond the floor (${floor.name}):`);
    for (const [path, bytes] of extra.sort((a, b) => b[1] - a[1]))
      console.log(`  ${kb(bytes).padStart(6)} KB  ${path}`);
    console.log('\nScripts the lesson page fetches after the first answer (feedback, results):');
    for (const [path, bytes] of [...lessonResult.load.later].sort((a, b) => b[1] - a[1]))
      console.log(`  ${kb(bytes).padStart(6)} KB  ${path}`);
    const above = (total(lessonResult.load.scripts) - floorBytes) / KB;
    console.log(
      `\n${above <= BUDGET_KB ? 'PASS' : 'OVER'}: the lesson page with its quiz loads ${above.toFixed(1)} KB of gzip ` +
        `JavaScript above the floor (budget ${BUDGET_KB} KB).`,
    );
  } finally {
    await browser.close();
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
