// The launch inside the LMS's iframe in a real Chromium: the LMS page (127.0.0.1) posts the login into an
// iframe of the tool (localhost, another site), the platform posts the id_token back across sites, and the
// lesson page in the iframe then reads the quiz with the session the launch set. Once with cookies, once
// with the cookies of the tool withheld from the launch so that only the platform storage
// (lti_storage_target) can prove the login was this browser's.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Browser, chromium, type Frame } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, startTestPlatform, type TestPlatform } from '../../test/lti-platform';
import { type Classroom, createClassroom } from '../api';
import { toNodeListener } from '../node';
import { fixtureCourseDir, memoryStore } from '../testing';
import { ltiLog } from './routes';

let platform: TestPlatform;
let classroom: Classroom;
let server: Server;
let browser: Browser;
let tool: string;
const logs: string[] = [];
const originalLog = ltiLog.write;

/** The site's lesson page, reduced to what the test needs: it reads the quiz with the browser's session. */
const lessonPage = `<!doctype html><title>Lesson</title><p id="learner">…</p><p id="submitted">…</p>
<script>
function cookie(name) {
  var match = document.cookie.match(new RegExp('(?:^|; )' + name + '=([^;]*)'));
  return match ? decodeURIComponent(match[1]) : '';
}
fetch('/api/quizzes/treaty-years', { credentials: 'same-origin' })
  .then(function (response) { return response.json(); })
  .then(function (body) {
    document.getElementById('learner').textContent =
      body.learner.kind === 'student' ? 'student: ' + body.learner.displayName : 'anonymous';
    // As the site's client does (apps/teach lib/client/api.ts): the cookie, else GET /api/csrf.
    var token = cookie('ck_csrf');
    var tokenRead = token
      ? Promise.resolve(token)
      : fetch('/api/csrf', { credentials: 'same-origin' }).then(function (r) { return r.json(); }).then(function (b) { return b.token; });
    return tokenRead.then(function (csrf) { return fetch('/api/attempts', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
      body: JSON.stringify({
        quizId: 'treaty-years',
        idempotencyKey: crypto.randomUUID(),
        attemptNumber: body.attempt.number,
        responses: { 'putin-visit': 2000 },
      }),
    }); });
  })
  .then(function (response) { return response.json().then(function (body) { return [response.status, body]; }); })
  .then(function (answer) {
    document.getElementById('submitted').textContent = answer[0] === 201
      ? 'score ' + answer[1].attempt.score + '/' + answer[1].attempt.maxScore
      : 'refused ' + answer[1].error.code;
  });
</script>`;

beforeAll(async () => {
  ltiLog.write = (line) => logs.push(line);
  platform = await startTestPlatform();
  platform.users.set('ada', { sub: 'student-ada', name: 'Ada Lovelace', roles: [ROLES.learner] });
  classroom = createClassroom({
    store: memoryStore(),
    courseDir: fixtureCourseDir,
    env: { TEACHER_PASSCODE: 'lti-browser-passcode' },
    log: () => {},
  });
  await classroom.ready();
  server = createServer(
    toNodeListener(classroom, (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(lessonPage);
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  // The tool is addressed as localhost, the LMS as 127.0.0.1: two different sites for the browser.
  tool = `http://localhost:${(server.address() as AddressInfo).port}`;

  const teacher = await fetch(`${tool}/api/csrf`);
  const csrf =
    teacher.headers
      .getSetCookie()
      .join('; ')
      .match(/ck_csrf=([^;]+)/)?.[1] ?? '';
  const login = await fetch(`${tool}/api/teacher/login`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      cookie: `ck_csrf=${csrf}`,
      'x-csrf-token': csrf,
      origin: tool,
    },
    body: JSON.stringify({ passcode: 'lti-browser-passcode' }),
  });
  const session =
    login.headers
      .getSetCookie()
      .join('; ')
      .match(/ck_teacher=([^;]+)/)?.[1] ?? '';
  const { registrationUrl } = await (
    await fetch(`${tool}/api/lti/registration-url`, { headers: { cookie: `ck_teacher=${session}` } })
  ).json();
  expect((await fetch(platform.registrationLaunch(registrationUrl))).status).toBe(200);
  platform.links.push({
    id: 'link-quiz',
    custom: { quiz_id: 'treaty-years' },
    lineItem: `${platform.issuer}/courses/course-101/lineitems/7`,
  });

  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}, 120_000);

afterAll(async () => {
  ltiLog.write = originalLog;
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
  await classroom?.close();
  await platform?.stop();
});

async function shownIn(frame: () => Frame | undefined, selector = '#learner'): Promise<string> {
  for (let tries = 0; tries < 100; tries++) {
    const current = frame();
    const text = current
      ? await current
          .locator(selector)
          .textContent({ timeout: 100 })
          .catch(() => null)
      : null;
    if (text && text !== '…') return text;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the lesson never showed a learner; log: ${logs.join(' | ')}`);
}

async function until<T>(read: () => T | undefined): Promise<T> {
  for (let tries = 0; tries < 100; tries++) {
    const value = read();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out; log: ${logs.join(' | ')}`);
}

describe('an LTI launch in the LMS iframe (Chromium, cross-site)', () => {
  it('survives the cross-site form post with SameSite=None cookies and opens the quiz as the student', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(platform.coursePageUrl('link-quiz', 'ada'));
    const toolFrame = () => page.frame({ name: 'tool' }) ?? undefined;
    expect(await shownIn(toolFrame)).toBe('student: Ada Lovelace');
    // The quiz page inside the iframe submits with the CSRF cookie the launch set, and the LMS gets the score.
    const submitted = await shownIn(toolFrame, '#submitted');
    expect(submitted).toMatch(/^score \d+(\.\d+)?\/\d+/);
    const score = await until(() => platform.scores[0]);
    expect(`score ${score.scoreGiven}/${score.scoreMaximum}`).toBe(submitted);
    expect(page.frame({ name: 'tool' })?.url()).toBe(`${tool}/lessons/treaties`);
    const cookies = await context.cookies(tool);
    expect(cookies.find((cookie) => cookie.name === 'ck_learner')).toMatchObject({
      sameSite: 'None',
      secure: true,
      httpOnly: true,
    });
    expect(platform.refusals).toEqual([]);
    await context.close();
  });

  it('falls back to the platform storage when the launch reaches the tool without its cookies', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    // As where third-party cookies are blocked: the state cookie the login set is gone by the launch.
    await page.route(`${platform.issuer}/auth?*`, async (route) => {
      await context.clearCookies({ name: /^ck_lti_/ });
      await route.continue();
    });
    let launches = 0;
    page.on('request', (request) => {
      if (request.url() === `${tool}/api/lti/launch`) launches++;
    });
    await page.goto(platform.coursePageUrl('link-quiz', 'ada', { storage: true }));
    expect(await shownIn(() => page.frame({ name: 'tool' }) ?? undefined)).toBe('student: Ada Lovelace');
    // The platform's post, then our page's post with the state read back from the platform storage.
    expect(launches).toBe(2);
    const stored = await page.evaluate(() =>
      Object.keys((window as unknown as { platformStorage: object }).platformStorage),
    );
    expect(stored).toEqual([expect.stringMatching(/ state_/), expect.stringMatching(/ nonce_/)]);
    await context.close();
  });
});
