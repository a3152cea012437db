// The LTI 1.3 tool against the in-suite test platform (test/lti-platform.ts), over real sockets: dynamic
// registration, student and teacher launches, deep linking of a quiz, score passback through AGS, key
// rotation, and every hostile launch refused with a page, a log line and no session; on SQLite and on
// PostgreSQL (a throwaway cluster, as the storage tests use).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, startTestPlatform, type TestPlatform } from '../../test/lti-platform';
import { startTestPostgres, type TestPostgres } from '../../test/postgres-cluster';
import { type Classroom, createClassroom } from '../api';
import { toNodeListener } from '../node';
import { PostgresStore } from '../storage/postgres';
import type { ClassroomStore } from '../storage/types';
import { fixtureCourseDir, memoryStore } from '../testing';
import { publishQuizScore } from './ags';
import { ltiLog } from './routes';

let platform: TestPlatform;
let classroom: Classroom;
let store: ClassroomStore;
let server: Server;
let tool: string;
const logs: string[] = [];
const originalLog = ltiLog.write;

const ada = { sub: 'student-ada', name: 'Ada Lovelace', roles: [ROLES.learner] };
const grace = { sub: 'teacher-grace', name: 'Grace Hopper', roles: [ROLES.instructor] };

/** A browser: keeps cookies per name, follows nothing by itself, says where a request comes from. */
function browser() {
  const jar = new Map<string, string>();
  const remember = (response: Response) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (/max-age=0/i.test(line) || value === '') jar.delete(name);
      else jar.set(name, value);
    }
    return response;
  };
  const cookie = () => [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
  return {
    jar,
    /** A GET or a form POST; `from` is the page's origin (the LMS for its cross-site posts). */
    async send(url: string, form?: Record<string, string>, from?: string) {
      const headers: Record<string, string> = { cookie: cookie() };
      if (form) {
        headers['content-type'] = 'application/x-www-form-urlencoded';
        const origin = from ?? new URL(url).origin;
        headers.origin = origin;
        headers['sec-fetch-site'] = origin === new URL(url).origin ? 'same-origin' : 'cross-site';
      }
      return remember(
        await fetch(url, {
          method: form ? 'POST' : 'GET',
          headers,
          redirect: 'manual',
          ...(form ? { body: new URLSearchParams(form) } : {}),
        }),
      );
    },
    /** A JSON call to the classroom API like the site's pages make it. */
    async api(path: string, body?: unknown) {
      const headers: Record<string, string> = { cookie: cookie() };
      if (body !== undefined) {
        headers['content-type'] = 'application/json';
        headers.origin = tool;
        headers['sec-fetch-site'] = 'same-origin';
        headers['x-csrf-token'] = jar.get('ck_csrf') ?? '';
      }
      const response = remember(
        await fetch(`${tool}${path}`, {
          method: body === undefined ? 'GET' : 'POST',
          headers,
          ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        }),
      );
      return { status: response.status, body: await response.json() };
    },
  };
}
type Browser = ReturnType<typeof browser>;

/** The hidden fields of the first form of an HTML page and where it posts. */
function formOf(html: string, index = 0): { action: string; fields: Record<string, string> } {
  const forms = [...html.matchAll(/<form method="post"[^>]*action="([^"]*)"[^>]*>([\s\S]*?)<\/form>/g)];
  const form = forms[index];
  if (!form) throw new Error(`no form ${index} in ${html.slice(0, 300)}`);
  const decode = (value: string) =>
    value
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, '&');
  const fields: Record<string, string> = {};
  for (const input of (form[2] ?? '').matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
    fields[decode(input[1] ?? '')] = decode(input[2] ?? '');
  }
  return { action: decode(form[1] ?? ''), fields };
}

/** The OIDC login initiation as the LMS starts it; returns the platform's auto-post form of the id_token. */
async function loginAt(who: Browser, loginHint: string) {
  const started = await who.send(
    `${tool}/api/lti/login`,
    {
      iss: platform.issuer,
      login_hint: loginHint,
      target_link_uri: `${tool}/api/lti/launch`,
      client_id: 'coursekit-client-1',
      lti_deployment_id: 'deployment-1',
    },
    platform.issuer,
  );
  expect(started.status).toBe(302);
  const authorize = new URL(started.headers.get('location') ?? '');
  expect(authorize.origin).toBe(platform.issuer);
  return authorize;
}

async function launch(who: Browser, loginHint: string) {
  const authorize = await loginAt(who, loginHint);
  const answer = await who.send(authorize.href);
  expect(answer.status).toBe(200);
  const form = formOf(await answer.text());
  return who.send(form.action, form.fields, platform.issuer);
}

function sessionCookies(response: Response): string[] {
  return response.headers.getSetCookie().filter((line) => /^ck_(learner|teacher)=[^;]/.test(line));
}

async function until<T>(read: () => T | undefined, what: string): Promise<T> {
  for (let tries = 0; tries < 100; tries++) {
    const value = read();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** The whole flow on one storage engine: the store the tool keeps its LTI data in. */
function ltiSuite(engine: string, openStore: () => Promise<ClassroomStore>): void {
  describe(`the LTI 1.3 tool with a test platform, on ${engine}`, () => {
    beforeAll(async () => {
      logs.length = 0;
      ltiLog.write = (line) => logs.push(line);
      platform = await startTestPlatform();
      platform.users.set('ada', ada);
      platform.users.set('grace', grace);
      platform.users.set('grace-picks', { ...grace, message: 'deep-linking' });
      store = await openStore();
      classroom = createClassroom({
        store,
        courseDir: fixtureCourseDir,
        env: { TEACHER_PASSCODE: 'lti-teacher-passcode' },
        log: () => {},
      });
      await classroom.ready();
      server = createServer(toNodeListener(classroom));
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      tool = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });

    afterAll(async () => {
      ltiLog.write = originalLog;
      await new Promise((resolve) => server.close(resolve));
      await classroom.close();
      await platform.stop();
    });

    const teacher = browser();

    it('gives the teacher the registration URL, which the LMS uses to register the tool dynamically', async () => {
      expect((await teacher.api('/api/lti/registration-url')).status).toBe(401);
      await teacher.api('/api/csrf');
      expect((await teacher.api('/api/teacher/login', { passcode: 'lti-teacher-passcode' })).status).toBe(
        200,
      );
      const { body } = await teacher.api('/api/lti/registration-url');
      expect(body.registrationUrl).toMatch(new RegExp(`^${tool}/api/lti/register/[A-Za-z0-9_-]{32}$`));

      const wrongKey = await browser().send(
        platform.registrationLaunch(`${tool}/api/lti/register/${'x'.repeat(32)}`),
      );
      expect(wrongKey.status).toBe(403);
      expect(platform.registration).toBeUndefined();

      const registered = await browser().send(platform.registrationLaunch(body.registrationUrl));
      expect(registered.status).toBe(200);
      expect(await registered.text()).toContain("postMessage({ subject: 'org.imsglobal.lti.close' }, '*')");
      expect(platform.registration).toMatchObject({
        initiate_login_uri: `${tool}/api/lti/login`,
        redirect_uris: [`${tool}/api/lti/launch`],
        jwks_uri: `${tool}/api/lti/jwks.json`,
        token_endpoint_auth_method: 'private_key_jwt',
      });
      const [registeredPlatform] = await store.lti.findPlatforms(platform.issuer);
      expect(registeredPlatform).toMatchObject({ clientId: 'coursekit-client-1', name: 'test-lms' });
      expect(await store.lti.hasDeployment(registeredPlatform?.id ?? '', 'deployment-1')).toBe(true);
    });

    it('describes itself in a static configuration for platforms without dynamic registration', async () => {
      const config = await (await fetch(`${tool}/api/lti/config.json`)).json();
      expect(config).toMatchObject({
        oidc_initiation_url: `${tool}/api/lti/login`,
        target_link_uri: `${tool}/api/lti/launch`,
        public_jwk_url: `${tool}/api/lti/jwks.json`,
      });
      expect(config.scopes).toContain('https://purl.imsglobal.org/spec/lti-ags/scope/score');
    });

    it('lets a teacher deep-link a quiz: the signed response reaches the LMS and makes a line item', async () => {
      const picker = await launch(browser(), 'grace-picks');
      expect(picker.status).toBe(200);
      const page = await picker.text();
      expect(page).toContain('Quiz: Treaty years');
      expect(page).toContain('Lesson: Treaties');
      const forms = [...page.matchAll(/<form /g)].map((_, index) => formOf(page, index));
      const quizForm = forms.find((form) => form.fields.item === 'quiz:treaty-years');
      expect(quizForm).toBeDefined();
      const answer = await browser().send(quizForm?.action ?? '', quizForm?.fields ?? {});
      expect(answer.status).toBe(200);
      const handOff = formOf(await answer.text());
      expect(handOff.action).toBe(`${platform.issuer}/deep-link-return`);
      const returned = await fetch(handOff.action, {
        method: 'POST',
        body: new URLSearchParams(handOff.fields),
      });
      expect(returned.status).toBe(200);
      expect(platform.refusals).toEqual([]);
      const [received] = platform.deepLinks;
      expect(received?.payload).toMatchObject({
        'https://purl.imsglobal.org/spec/lti/claim/message_type': 'LtiDeepLinkingResponse',
        'https://purl.imsglobal.org/spec/lti/claim/deployment_id': 'deployment-1',
        'https://purl.imsglobal.org/spec/lti-dl/claim/data': 'platform-opaque-data',
        'https://purl.imsglobal.org/spec/lti-dl/claim/content_items': [
          {
            type: 'ltiResourceLink',
            title: 'Treaty years',
            url: `${tool}/api/lti/launch`,
            custom: { quiz_id: 'treaty-years' },
            lineItem: { scoreMaximum: 100, label: 'Treaty years', resourceId: 'treaty-years' },
          },
        ],
      });
      expect(platform.links).toEqual([
        expect.objectContaining({ id: 'link-2', custom: { quiz_id: 'treaty-years' } }),
      ]);
      expect(platform.lineItems).toHaveLength(1);
    });

    it('opens the linked quiz for a student in the class of the LMS course, and the LMS gets our score', async () => {
      const student = browser();
      const launched = await launch(student, 'ada|link-2');
      expect(launched.status).toBe(303);
      expect(launched.headers.get('location')).toBe(`${tool}/lessons/treaties`);
      const [sessionCookie] = sessionCookies(launched);
      expect(sessionCookie).toMatch(
        /^ck_learner=.*; HttpOnly; Partitioned; SameSite=None; Secure|SameSite=None/,
      );

      const quiz = await student.api('/api/quizzes/treaty-years');
      expect(quiz.body.learner).toEqual({ kind: 'student', displayName: 'Ada Lovelace' });
      const classes = (await teacher.api('/api/classes')).body.classes;
      expect(classes).toEqual([expect.objectContaining({ name: 'History 101', studentCount: 1 })]);

      const submitted = await student.api('/api/attempts', {
        quizId: 'treaty-years',
        idempotencyKey: crypto.randomUUID(),
        attemptNumber: quiz.body.attempt.number,
        responses: { 'putin-visit': 2000 },
      });
      expect(submitted.status).toBe(201);
      const score = await until(() => platform.scores[0], 'the score at the LMS');
      expect(score).toEqual({
        lineItem: platform.links[0]?.lineItem,
        userId: 'student-ada',
        scoreGiven: submitted.body.attempt.score,
        scoreMaximum: submitted.body.attempt.maxScore,
        activityProgress: 'Completed',
        gradingProgress: 'FullyGraded',
        timestamp: submitted.body.attempt.submittedAt,
      });
      expect(submitted.body.attempt.score).toBeGreaterThan(0);
      expect(platform.refusals).toEqual([]);

      // Launching again keeps the same student (the LMS user id is the key, not the name).
      const again = await launch(browser(), 'ada|link-2');
      expect(again.status).toBe(303);
      expect((await teacher.api('/api/classes')).body.classes[0].studentCount).toBe(1);
    });

    it('sends the score the gradebook counts: a worse later attempt leaves the LMS at the best one', async () => {
      const student = browser();
      expect((await launch(student, 'ada|link-2')).status).toBe(303);
      const lineItem = platform.links[0]?.lineItem;
      const before = platform.scores.filter((s) => s.lineItem === lineItem).length;
      const quiz = await student.api('/api/quizzes/treaty-years');
      const worse = await student.api('/api/attempts', {
        quizId: 'treaty-years',
        idempotencyKey: crypto.randomUUID(),
        attemptNumber: quiz.body.attempt.number,
        responses: { 'putin-visit': 1999 },
      });
      expect(worse.status).toBe(201);
      expect(worse.body.attempt.number).toBeGreaterThan(1);
      const sent = await until(
        () => platform.scores.filter((s) => s.lineItem === lineItem)[before],
        'the score after the worse attempt',
      );
      const best = platform.scores.filter((s) => s.lineItem === lineItem)[0];
      expect(sent.scoreGiven).toBeGreaterThan(worse.body.attempt.score);
      expect([sent.scoreGiven, sent.scoreMaximum]).toEqual([best?.scoreGiven, best?.scoreMaximum]);
    });

    it('makes the line item itself for a link without one (a cartridge import), once, and scores go there', async () => {
      platform.links.push({ id: 'link-cartridge', custom: { quiz_id: 'summits-and-workers' } });
      const student = browser();
      expect((await launch(student, 'ada|link-cartridge')).status).toBe(303);
      expect((await launch(browser(), 'ada|link-cartridge')).status).toBe(303);
      const made = platform.lineItems.filter((item) => item.resourceId === 'summits-and-workers');
      expect(made).toEqual([
        expect.objectContaining({
          label: 'Summits and workers',
          scoreMaximum: 100,
          resourceLinkId: 'link-cartridge',
        }),
      ]);
      const quiz = await student.api('/api/quizzes/summits-and-workers');
      const submitted = await student.api('/api/attempts', {
        quizId: 'summits-and-workers',
        idempotencyKey: crypto.randomUUID(),
        attemptNumber: quiz.body.attempt.number,
        responses: { 'veto-2022': true },
      });
      expect(submitted.status).toBe(201);
      const score = await until(() => platform.scores.find((s) => s.lineItem === made[0]?.id), 'the score');
      expect([score.scoreGiven, score.scoreMaximum]).toEqual([
        submitted.body.attempt.score,
        submitted.body.attempt.maxScore,
      ]);
    });

    it('marks a score with essays awaiting review as pending, and sends a marking through publishQuizScore', async () => {
      platform.links.push({
        id: 'link-essay',
        custom: { quiz_id: 'un-votes' },
        lineItem: `${platform.issuer}/courses/course-101/lineitems/essay`,
      });
      const student = browser();
      expect((await launch(student, 'ada|link-essay')).status).toBe(303);
      const quiz = await student.api('/api/quizzes/un-votes');
      const submitted = await student.api('/api/attempts', {
        quizId: 'un-votes',
        idempotencyKey: crypto.randomUUID(),
        attemptNumber: quiz.body.attempt.number,
        responses: { 'dprk-vote': true, reflect: 'Because of the vote on ES-11/1 and what followed.' },
      });
      expect(submitted.status).toBe(201);
      expect(submitted.body.result.pendingReview).toBeGreaterThan(0);
      const pending = await until(
        () => platform.scores.find((score) => score.lineItem.endsWith('/essay')),
        'the pending score',
      );
      expect(pending).toMatchObject({
        userId: 'student-ada',
        scoreGiven: submitted.body.attempt.score,
        gradingProgress: 'PendingManual',
      });

      // What the teacher's marking does once the essay has its points.
      const [lms] = await store.lti.findPlatforms(platform.issuer);
      const [historyClass] = await store.classes.list();
      const linked = await store.lti.findUser(lms?.id ?? '', 'student-ada', historyClass?.id ?? '');
      expect(linked).toBeDefined();
      // The platform forgot the token the tool holds: the tool gets a new one and the marking still arrives.
      platform.revokeTokens();
      const published = await publishQuizScore(store, {
        studentId: linked?.studentId ?? '',
        quizId: 'un-votes',
        score: submitted.body.attempt.maxScore,
        maxScore: submitted.body.attempt.maxScore,
        pendingReview: false,
        at: Date.now(),
        comment: 'Marked by the teacher',
      });
      expect(platform.refusals).toEqual([
        'ags: no valid token for /courses/course-101/lineitems/essay/scores',
      ]);
      platform.refusals.length = 0;
      expect(published).toEqual([
        {
          platform: 'test-lms',
          lineItem: `${platform.issuer}/courses/course-101/lineitems/essay`,
          status: 'posted',
        },
      ]);
      expect(platform.scores.filter((score) => score.lineItem.endsWith('/essay')).at(-1)).toMatchObject({
        scoreGiven: submitted.body.attempt.maxScore,
        gradingProgress: 'FullyGraded',
        comment: 'Marked by the teacher',
      });
      expect(
        await publishQuizScore(store, {
          studentId: 'stu_never_launched',
          quizId: 'un-votes',
          score: 1,
          maxScore: 2,
          pendingReview: false,
          at: 0,
        }),
      ).toEqual([]);
    });

    it('opens the class for an LMS instructor as the teacher, and fills the roster from NRPS', async () => {
      platform.members.push(
        { user_id: 'teacher-grace', name: 'Grace Hopper', roles: [ROLES.instructor] },
        { user_id: 'student-ada', name: 'Ada Lovelace', roles: [ROLES.learner] },
        { user_id: 'student-bob', name: 'Bob Kahn', roles: [ROLES.learner] },
        { user_id: 'student-gone', name: 'Left Early', roles: [ROLES.learner], status: 'Inactive' },
        { user_id: 'student-cy', name: 'Cy Young', roles: [ROLES.learner] },
      );
      const lmsTeacher = browser();
      const launched = await launch(lmsTeacher, 'grace|link-2');
      expect(launched.status).toBe(303);
      expect(sessionCookies(launched)[0]).toMatch(/^ck_teacher=/);
      const classes = await lmsTeacher.api('/api/classes');
      expect(classes.status).toBe(200);
      expect(classes.body.classes.map((c: { name: string }) => c.name)).toEqual(['History 101']);
      await until(
        () => logs.find((line) => line.startsWith('[coursekit] LTI roster of test-lms: 3 students')),
        'the roster sync',
      );
      const [historyClass] = await store.classes.list();
      const roster = await store.classes.listStudents(historyClass?.id ?? '');
      // Ada launched before and stays one student; the inactive member and the instructor are left out.
      expect(roster.map((student) => student.displayName).sort()).toEqual([
        'Ada Lovelace',
        'Bob Kahn',
        'Cy Young',
      ]);
    });

    it('publishes the previous key beside the new one after a rotation, and keeps sending scores', async () => {
      const before = (await (await fetch(`${tool}/api/lti/jwks.json`)).json()).keys;
      expect(before).toHaveLength(1);
      expect(before[0]).not.toHaveProperty('d');
      const rotated = await teacher.api('/api/lti/keys/rotate', {});
      expect(rotated.status).toBe(201);
      const after = (await (await fetch(`${tool}/api/lti/jwks.json`)).json()).keys;
      expect(after.map((key: { kid: string }) => key.kid)).toEqual([rotated.body.kid, before[0].kid]);

      // A deep-linking response after the rotation is signed with the new key and still verifies.
      const picker = await launch(browser(), 'grace-picks');
      const page = await picker.text();
      const forms = [...page.matchAll(/<form /g)].map((_, index) => formOf(page, index));
      const lessonForm = forms.find((form) => form.fields.item === 'lesson:treaties');
      const handOff = formOf(
        await (await browser().send(lessonForm?.action ?? '', lessonForm?.fields ?? {})).text(),
      );
      expect(
        (await fetch(handOff.action, { method: 'POST', body: new URLSearchParams(handOff.fields) })).status,
      ).toBe(200);
      expect(platform.deepLinks).toHaveLength(2);
    });

    it('registers a platform by hand for the teacher only, with its deployments', async () => {
      const manual = {
        issuer: 'https://canvas.example.edu',
        clientId: '10000000000042',
        authorizationEndpoint: 'https://sso.example.edu/api/lti/authorize_redirect',
        tokenEndpoint: 'https://canvas.example.edu/login/oauth2/token',
        jwksUri: 'https://sso.example.edu/api/lti/security/jwks',
        deploymentIds: ['42:abc'],
      };
      expect((await browser().api('/api/lti/platforms', manual)).status).toBe(403);
      const plain = await teacher.api('/api/lti/platforms', {
        ...manual,
        jwksUri: 'http://sso.example.edu/jwks',
      });
      expect(plain.status).toBe(400);
      expect(JSON.stringify(plain.body)).toContain('https://');
      const created = await teacher.api('/api/lti/platforms', manual);
      expect(created.status).toBe(201);
      expect(await store.lti.hasDeployment(created.body.id, '42:abc')).toBe(true);
      const [stored] = await store.lti.findPlatforms('https://canvas.example.edu');
      expect(stored?.tokenAudience).toBe(manual.tokenEndpoint);
    });

    it('refuses a registration whose OpenID configuration names another issuer, and says so on the page', async () => {
      const { body } = await teacher.api('/api/lti/registration-url');
      const url = new URL(body.registrationUrl);
      url.searchParams.set('openid_configuration', `${platform.issuer}/jwks`);
      const notConfig = await browser().send(url.href);
      expect(notConfig.status).toBe(502);
      expect(await notConfig.text()).toContain('<code>invalid-openid-configuration</code>');
      url.searchParams.set('openid_configuration', 'http://lms.example.org/.well-known/openid-configuration');
      const plainHttp = await browser().send(url.href);
      expect(plainHttp.status).toBe(400);
      platform.configurationIssuer = 'https://moodle.example.edu';
      const lying = await browser().send(platform.registrationLaunch(body.registrationUrl));
      platform.configurationIssuer = undefined;
      expect(lying.status).toBe(400);
      expect(await lying.text()).toContain('<code>issuer-mismatch</code>');
      expect(await store.lti.findPlatforms('https://moodle.example.edu')).toEqual([]);
      const opened = await browser().send(body.registrationUrl);
      expect(await opened.text()).toContain('<code>missing-openid-configuration</code>');
    });

    describe('refuses hostile launches with a page, a log line and no session', () => {
      /** A login started in `who`, then a token of our making posted back with its state. */
      async function hostile(
        make: (nonce: string) => Promise<string>,
        who: Browser = browser(),
      ): Promise<{ response: Response; html: string }> {
        const authorize = await loginAt(who, 'ada|link-2');
        const nonce = authorize.searchParams.get('nonce') ?? '';
        const state = authorize.searchParams.get('state') ?? '';
        const response = await who.send(
          `${tool}/api/lti/launch`,
          { id_token: await make(nonce), state },
          platform.issuer,
        );
        return { response, html: await response.text() };
      }

      const claims = (nonce: string, overrides: Record<string, unknown> = {}) =>
        platform.launchClaims(ada, nonce, {
          'https://purl.imsglobal.org/spec/lti/claim/custom': { quiz_id: 'treaty-years' },
          ...overrides,
        });
      const now = () => Math.floor(Date.now() / 1000);

      const cases: [string, string, (nonce: string) => Promise<string>][] = [
        [
          'an expired token',
          'token-expired',
          (n) => platform.signIdToken(claims(n, { iat: now() - 400, exp: now() - 100 })),
        ],
        [
          'a token for another tool',
          'wrong-audience',
          (n) => platform.signIdToken(claims(n, { aud: 'another-tool', azp: 'another-tool' })),
        ],
        [
          'a token naming another authorised party',
          'wrong-authorized-party',
          (n) =>
            platform.signIdToken(
              claims(n, { aud: ['coursekit-client-1', 'another-tool'], azp: 'another-tool' }),
            ),
        ],
        [
          'an unknown deployment',
          'unknown-deployment',
          (n) =>
            platform.signIdToken(
              claims(n, { 'https://purl.imsglobal.org/spec/lti/claim/deployment_id': 'deployment-x' }),
            ),
        ],
        ['alg: none', 'algorithm-not-allowed', (n) => platform.signIdToken(claims(n), { alg: 'none' })],
        [
          'a key not in the JWKS',
          'unknown-signing-key',
          (n) => platform.signIdToken(claims(n), { key: 'rogue' }),
        ],
        [
          'a rogue key under a known kid',
          'bad-signature',
          (n) => platform.signIdToken(claims(n), { key: 'rogue', kid: 'platform-key-1' }),
        ],
        [
          'a tampered payload',
          'bad-signature',
          async (n) => {
            const [header, , signature] = (await platform.signIdToken(claims(n))).split('.');
            const forged = Buffer.from(
              JSON.stringify(
                claims(n, { 'https://purl.imsglobal.org/spec/lti/claim/roles': [ROLES.instructor] }),
              ),
            ).toString('base64url');
            return `${header}.${forged}.${signature}`;
          },
        ],
        [
          'a nonce of another login',
          'nonce-mismatch',
          () => platform.signIdToken(claims('a-nonce-from-elsewhere')),
        ],
        [
          'a wrong LTI version',
          'unsupported-version',
          (n) =>
            platform.signIdToken(claims(n, { 'https://purl.imsglobal.org/spec/lti/claim/version': '1.1' })),
        ],
        [
          'a message type we do not handle',
          'unsupported-message-type',
          (n) =>
            platform.signIdToken(
              claims(n, {
                'https://purl.imsglobal.org/spec/lti/claim/message_type': 'LtiSubmissionReviewRequest',
              }),
            ),
        ],
      ];

      for (const [name, code, make] of cases) {
        it(`refuses ${name} (${code})`, async () => {
          const sessionsBefore = logs.length;
          const { response, html } = await hostile(make);
          expect(response.status).toBeGreaterThanOrEqual(400);
          expect(response.headers.get('content-type')).toContain('text/html');
          expect(response.headers.get('content-security-policy')).toMatch(
            /^default-src 'none'; script-src 'nonce-/,
          );
          expect(html).toContain(`<code>${code}</code>`);
          expect(sessionCookies(response)).toEqual([]);
          expect(logs.slice(sessionsBefore)).toEqual([
            expect.stringMatching(new RegExp(`^\\[coursekit\\] LTI launch refused \\(${code}\\): `)),
          ]);
        });
      }

      it('refuses a replayed launch: the same state again, or the old token with a fresh login', async () => {
        const who = browser();
        const authorize = await loginAt(who, 'ada|link-2');
        const form = formOf(await (await who.send(authorize.href)).text());
        expect((await who.send(form.action, form.fields, platform.issuer)).status).toBe(303);

        const replay = await who.send(form.action, form.fields, platform.issuer);
        expect(replay.status).toBe(401);
        expect(await replay.text()).toContain('<code>unknown-state</code>');
        expect(sessionCookies(replay)).toEqual([]);

        const fresh = await loginAt(who, 'ada|link-2');
        const replayed = await who.send(
          form.action,
          { id_token: form.fields.id_token ?? '', state: fresh.searchParams.get('state') ?? '' },
          platform.issuer,
        );
        expect(await replayed.text()).toContain('<code>nonce-mismatch</code>');
        expect(sessionCookies(replayed)).toEqual([]);
      });

      it('refuses a launch posted by a browser that did not start the login (no state cookie)', async () => {
        const authorize = await loginAt(browser(), 'ada|link-2');
        const form = formOf(await (await browser().send(authorize.href)).text());
        const elsewhere = await browser().send(form.action, form.fields, platform.issuer);
        expect(elsewhere.status).toBe(401);
        expect(await elsewhere.text()).toContain('<code>state-not-bound</code>');
        expect(sessionCookies(elsewhere)).toEqual([]);
      });

      it('accepts the platform storage only as read back by its own page, never from a cross-site post', async () => {
        const started = browser();
        const login = await started.send(
          `${tool}/api/lti/login`,
          {
            iss: platform.issuer,
            login_hint: 'ada|link-2',
            client_id: 'coursekit-client-1',
            lti_storage_target: '_parent',
          },
          platform.issuer,
        );
        // With a storage target the login is a page that stores state and nonce there, then goes on.
        expect(login.status).toBe(200);
        const page = await login.text();
        expect(page).toContain("subject: 'lti.put_data'");
        expect(page).toContain('window.location.replace(config.next)');
        const authorize = new URL(/"next":"([^"]+)"/.exec(page)?.[1]?.replace(/\\u0026/g, '&') ?? '');
        const form = formOf(await (await browser().send(authorize.href)).text());

        // A browser without the state cookie first gets the page that reads the state back.
        const check = await browser().send(form.action, form.fields, platform.issuer);
        expect(check.status).toBe(200);
        expect(await check.text()).toContain("subject: 'lti.get_data'");
        expect(sessionCookies(check)).toEqual([]);

        // Another site posting the "read back" state itself is refused: only the tool's own page may.
        const forged = await browser().send(
          form.action,
          { ...form.fields, lti_storage_state: form.fields.state ?? '' },
          platform.issuer,
        );
        expect(forged.status).toBe(401);
        expect(await forged.text()).toContain('<code>state-not-bound</code>');
        expect(sessionCookies(forged)).toEqual([]);

        // The tool's own page with the value the platform storage held gets the session.
        const ownPage = await browser().send(
          form.action,
          { ...form.fields, lti_storage_state: form.fields.state ?? '' },
          tool,
        );
        expect(ownPage.status).toBe(303);
        expect(sessionCookies(ownPage)).toHaveLength(1);
      });

      it('refuses deep linking to a learner, and a login from an unknown deployment', async () => {
        platform.users.set('ada-picks', { ...ada, message: 'deep-linking' });
        const picked = await launch(browser(), 'ada-picks');
        expect(picked.status).toBe(403);
        expect(await picked.text()).toContain('<code>teachers-only</code>');
        expect(sessionCookies(picked)).toEqual([]);
        const login = await browser().send(
          `${tool}/api/lti/login`,
          {
            iss: platform.issuer,
            login_hint: 'ada',
            client_id: 'coursekit-client-1',
            lti_deployment_id: 'deployment-x',
          },
          platform.issuer,
        );
        expect(login.status).toBe(401);
        expect(await login.text()).toContain('<code>unknown-deployment</code>');
        expect(login.headers.getSetCookie()).toEqual([]);
      });

      it('refuses a login from an LMS that is not registered', async () => {
        const refused = await browser().send(
          `${tool}/api/lti/login`,
          { iss: 'https://lms.example.org', login_hint: 'x' },
          'https://lms.example.org',
        );
        expect(refused.status).toBe(401);
        expect(await refused.text()).toContain('<code>unknown-platform</code>');
      });
    });
  });
}

ltiSuite('SQLite', async () => memoryStore());

let postgres: TestPostgres | undefined;
afterAll(async () => {
  await postgres?.stop();
});
ltiSuite('PostgreSQL', async () => {
  postgres = await startTestPostgres();
  return PostgresStore.open(await postgres.createDatabase());
});
