// Named teacher accounts and re-opened attempts through the route handlers: the owner's passcode login,
// one-time invites, each teacher's own sessions, revocation, and an attempt continued from its answers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Classroom, createClassroom } from './api';
import { ConfigurationError } from './config';
import { startClassroom } from './startup';
import type { SqliteStore } from './storage/sqlite';
import { hashInviteToken } from './teacher-accounts';
import { apiCaller, Browser, fixtureCourseDir, memoryStore, realCourseDir } from './testing';

const PASSCODE = 'unit-test-passcode';
let store: SqliteStore;
let classroom: Classroom;

const { call, newBrowser } = apiCaller(() => classroom);

let owner: Browser;

beforeAll(async () => {
  store = memoryStore();
  classroom = createClassroom({
    store,
    courseDir: fixtureCourseDir,
    env: { TEACHER_PASSCODE: PASSCODE, TEACHER_NAME: 'Ms Rivera' },
    log: () => {},
  });
  owner = await newBrowser();
  expect((await call(owner, '/api/teacher/login', { passcode: PASSCODE })).status).toBe(200);
});

afterAll(async () => {
  await classroom.close();
});

async function invite(): Promise<string> {
  const made = await call(owner, '/api/teachers/invites', {});
  expect(made.status).toBe(201);
  return made.body.token;
}

describe('teacher accounts', () => {
  it("keeps the passcode login as the owner's account, made at the first start", async () => {
    const me = await call(owner, '/api/teacher/me');
    expect(me.body.teacher).toMatchObject({ id: 'owner', name: 'Ms Rivera', role: 'owner' });
    const list = await call(owner, '/api/teachers');
    expect(list.body.teachers.map((t: { name: string }) => t.name)).toEqual(['Ms Rivera']);
  });

  it('invites a teacher by a one-time link whose token is stored only as a hash', async () => {
    const token = await invite();
    expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const rows = store.db.prepare('SELECT * FROM teacher_invites').all() as Record<string, unknown>[];
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(rows[0]?.token_hash).toBe(hashInviteToken(token));

    const amir = await newBrowser();
    const short = await call(amir, '/api/teachers/accept', { token, name: 'Mr Okafor', password: 'short' });
    expect([short.status, short.body.error.code]).toEqual([400, 'invalid-body']);
    const taken = await call(amir, '/api/teachers/accept', {
      token,
      name: 'ms rivera',
      password: 'long enough',
    });
    expect([taken.status, taken.body.error.code]).toEqual([409, 'name-taken']);
    const accepted = await call(amir, '/api/teachers/accept', {
      token,
      name: '  Mr   Okafor ',
      password: 'correct horse',
    });
    expect(accepted.status).toBe(201);
    expect(accepted.body.teacher).toMatchObject({ name: 'Mr Okafor', role: 'teacher', invitedBy: 'owner' });
    // Logged in at once, as themselves.
    expect((await call(amir, '/api/teacher/me')).body.teacher.name).toBe('Mr Okafor');
    expect((await call(amir, '/api/classes')).status).toBe(200);

    const again = await call(await newBrowser(), '/api/teachers/accept', {
      token,
      name: 'Someone',
      password: 'another password',
    });
    expect([again.status, again.body.error.code]).toEqual([410, 'invite-used']);
    const wrong = await call(await newBrowser(), '/api/teachers/accept', {
      token: 'x'.repeat(32),
      name: 'Someone',
      password: 'another password',
    });
    expect([wrong.status, wrong.body.error.code]).toEqual([404, 'unknown-invite']);
    const list = await call(owner, '/api/teachers');
    expect(list.body.invites.map((i: { status: string }) => i.status)).toEqual(['used']);
  });

  it('refuses an expired or withdrawn invite', async () => {
    const token = await invite();
    store.db
      .prepare('UPDATE teacher_invites SET expires_at = 1 WHERE token_hash = ?')
      .run(hashInviteToken(token));
    const expired = await call(await newBrowser(), '/api/teachers/accept', {
      token,
      name: 'Late',
      password: 'a long password',
    });
    expect([expired.status, expired.body.error.code]).toEqual([410, 'invite-expired']);
    const second = await call(owner, '/api/teachers/invites', { expiresInDays: 1 });
    const withdrawn = await call(owner, `/api/teachers/invites/${second.body.invite.id}/withdraw`, {});
    expect(withdrawn.status).toBe(200);
    const refused = await call(await newBrowser(), '/api/teachers/accept', {
      token: second.body.token,
      name: 'Late',
      password: 'a long password',
    });
    expect(refused.body.error.code).toBe('invite-withdrawn');
    expect((await call(owner, `/api/teachers/invites/${second.body.invite.id}/withdraw`, {})).status).toBe(
      404,
    );
    expect((await call(owner, '/api/teachers/invites', { expiresInDays: 90 })).status).toBe(400);
  });

  it('logs an invited teacher in by name and password, with sessions of their own', async () => {
    const laptop = await newBrowser();
    const wrong = await call(laptop, '/api/teacher/login', { name: 'Mr Okafor', password: 'wrong horse' });
    expect([wrong.status, wrong.body.error.code]).toEqual([401, 'wrong-login']);
    const nobody = await call(laptop, '/api/teacher/login', { name: 'Nobody', password: 'correct horse' });
    expect(nobody.body.error.code).toBe('wrong-login');
    const halfway = await call(laptop, '/api/teacher/login', { name: 'Mr Okafor' });
    expect(halfway.body.error.issues[0]).toMatchObject({ path: 'password' });
    expect(
      (await call(laptop, '/api/teacher/login', { name: 'mr okafor', password: 'correct horse' })).status,
    ).toBe(200);
    expect((await call(laptop, '/api/teacher/me')).body.teacher.name).toBe('Mr Okafor');
    // Not the owner: cannot manage teachers.
    const forbidden = await call(laptop, '/api/teachers');
    expect([forbidden.status, forbidden.body.error.code]).toEqual([403, 'owner-only']);
    expect((await call(laptop, '/api/teachers/invites', {})).status).toBe(403);
    // The owner's own login still works beside it.
    expect((await call(owner, '/api/teacher/me')).body.teacher.id).toBe('owner');
  });

  it('revokes a teacher: every session of theirs ends and they cannot log in again', async () => {
    const list = await call(owner, '/api/teachers');
    const okafor = list.body.teachers.find((t: { name: string }) => t.name === 'Mr Okafor');
    const tablet = await newBrowser();
    await call(tablet, '/api/teacher/login', { name: 'Mr Okafor', password: 'correct horse' });
    expect((await call(tablet, '/api/classes')).status).toBe(200);
    const cannot = await call(owner, '/api/teachers/owner/revoke', {});
    expect([cannot.status, cannot.body.error.code]).toEqual([409, 'cannot-revoke-owner']);
    const revoked = await call(owner, `/api/teachers/${okafor.id}/revoke`, {});
    expect(revoked.status).toBe(200);
    expect(revoked.body.teacher.revokedAt).not.toBeNull();
    expect((await call(tablet, '/api/classes')).status).toBe(401);
    const again = await call(tablet, '/api/teacher/login', { name: 'Mr Okafor', password: 'correct horse' });
    expect(again.body.error.code).toBe('wrong-login');
    expect((await call(owner, '/api/classes')).status).toBe(200);
    expect((await call(owner, '/api/teachers/tch_nope/revoke', {})).status).toBe(404);
  });

  it('refuses a TEACHER_PASSCODE shorter than 8 characters with a ConfigurationError saying what to do', async () => {
    const error = await startClassroom(memoryStore(), { TEACHER_PASSCODE: 'abc' }, () => {}).catch((e) => e);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error.message).toMatch(/^TEACHER_PASSCODE is 3 characters long, but it must have at least 8/);
    const misconfigured = createClassroom({
      store: memoryStore(),
      courseDir: fixtureCourseDir,
      env: { TEACHER_PASSCODE: 'abc' },
      log: () => {},
    });
    const response = await misconfigured.handle(new Request('http://127.0.0.1/api/classes'));
    expect(response.status).toBe(503);
    expect((await response.json()).error.code).toBe('server-misconfigured');
  });
});

describe('re-opening an attempt', () => {
  it("restores a submitted attempt's answers as the student's draft, audited", async () => {
    const { id: classId, joinCode } = (await call(owner, '/api/classes', { name: 'Period 7' })).body;
    const ada = await newBrowser();
    const adaId = (await call(ada, '/api/classes/join', { code: joinCode, displayName: 'Ada' })).body.student
      .id;
    const quiz = (await call(ada, '/api/quizzes/un-votes')).body;
    const submitted = await call(ada, '/api/attempts', {
      quizId: 'un-votes',
      idempotencyKey: crypto.randomUUID(),
      attemptNumber: quiz.attempt?.number,
      responses: { 'dprk-vote': true, reflect: 'Half an answer' },
    });
    expect(submitted.status).toBe(201);
    const attemptId = submitted.body.attempt.id;
    expect((await call(ada, '/api/quizzes/un-votes')).body.attempt).toBeNull();

    const path = `/api/classes/${classId}/attempts/${attemptId}/reopen`;
    expect((await call(ada, path, {})).status).toBe(401);
    expect((await call(owner, path, { reason: 'x'.repeat(501) })).status).toBe(400);
    const reopened = await call(owner, path, { reason: 'Submitted by mistake' });
    expect(reopened.status).toBe(201);
    expect(reopened.body).toMatchObject({
      reopen: {
        attemptId,
        draftAttemptNumber: 2,
        extraAttempts: 1,
        reason: 'Submitted by mistake',
        teacher: 'owner',
      },
      draft: { attemptNumber: 2 },
      maxAttempts: 2,
    });
    expect([...reopened.body.draft.restored].sort()).toEqual(['dprk-vote', 'reflect']);

    // The student continues with their answers, on any device.
    const continued = (await call(ada, '/api/quizzes/un-votes')).body;
    expect(continued.attempt.number).toBe(2);
    expect(continued.attempt.questions.reflect.response).toBe('Half an answer');
    expect(continued.attempt.questions['dprk-vote'].response).toBe(true);
    // A second re-open would overwrite the draft in progress: refused, nothing changes.
    const twice = await call(owner, path, {});
    expect([twice.status, twice.body.error.code]).toEqual([409, 'attempt-in-progress']);

    const page = await call(owner, `/api/classes/${classId}/students/${adaId}`);
    expect(page.body.reopens).toEqual([
      expect.objectContaining({ attemptId, teacherName: 'Ms Rivera', reason: 'Submitted by mistake' }),
    ]);
    expect(page.body.attempts[0].reopenedAt).not.toBeNull();
    const finished = await call(ada, '/api/attempts', {
      quizId: 'un-votes',
      idempotencyKey: crypto.randomUUID(),
      attemptNumber: 2,
      responses: { 'dprk-vote': true, reflect: 'The whole answer, now finished.' },
    });
    expect(finished.status).toBe(201);
    expect(finished.body.attempt.number).toBe(2);
  });

  it("refuses another class's attempt", async () => {
    const other = (await call(owner, '/api/classes', { name: 'Period 8' })).body;
    const attempts = await store.attempts.listByClass(
      (await store.classes.list()).find((c) => c.name === 'Period 7')?.id ?? '',
    );
    const refused = await call(owner, `/api/classes/${other.id}/attempts/${attempts[0]?.id}/reopen`, {});
    expect([refused.status, refused.body.error.code]).toEqual([404, 'unknown-attempt']);
  });
});

describe('re-opening an attempt of a quiz with shuffled choices and pools', () => {
  it('restores each answer under the ids the next attempt shows, by what was chosen', async () => {
    const real = createClassroom({
      store: memoryStore(),
      courseDir: realCourseDir,
      env: { TEACHER_PASSCODE: PASSCODE },
      log: () => {},
    });
    const ask = async (browser: Browser, path: string, body?: unknown) => {
      const response = browser.remember(await real.handle(browser.request(path, { body })));
      return { status: response.status, body: await response.json() };
    };
    const teacher = new Browser();
    await ask(teacher, '/api/csrf');
    await ask(teacher, '/api/teacher/login', { passcode: PASSCODE });
    const made = (await ask(teacher, '/api/classes', { name: 'Shuffled' })).body;
    // Pools draw questions per attempt: over four students, some answered questions come back in attempt 2.
    let compared = 0;
    for (const name of ['Ada', 'Bea', 'Cleo', 'Dan']) {
      const student = new Browser();
      await ask(student, '/api/csrf');
      await ask(student, '/api/classes/join', { code: made.joinCode, displayName: name });
      type Shown = {
        id: string;
        type: string;
        choices?: { id: string; text: string }[];
        items?: { id: string; text: string }[];
      };
      const first = (await ask(student, '/api/quizzes/equidistance-under-strain')).body;
      const questions = first.quiz.questions as Shown[];
      const responses: Record<string, unknown> = {};
      const chosen = new Map<string, string>();
      for (const question of questions) {
        if (question.type === 'single' && question.choices) {
          const choice = question.choices[question.choices.length - 1] as { id: string; text: string };
          responses[question.id] = choice.id;
          chosen.set(question.id, choice.text);
        } else if (question.type === 'essay') {
          responses[question.id] = Array.from({ length: 160 }, (_, i) => `word${i}`).join(' ');
        }
      }
      const submitted = await ask(student, '/api/attempts', {
        quizId: 'equidistance-under-strain',
        idempotencyKey: crypto.randomUUID(),
        attemptNumber: 1,
        responses,
      });
      expect(submitted.status).toBe(201);
      const reopened = await ask(
        teacher,
        `/api/classes/${made.id}/attempts/${submitted.body.attempt.id}/reopen`,
        {},
      );
      expect(reopened.status).toBe(201);
      const second = (await ask(student, '/api/quizzes/equidistance-under-strain')).body;
      expect(second.attempt.number).toBe(2);
      const drawnNow = (second.quiz.questions as Shown[]).map((q) => q.id);
      for (const id of reopened.body.draft.restored) expect(drawnNow, id).toContain(id);
      for (const question of second.quiz.questions as Shown[]) {
        const text = chosen.get(question.id);
        if (text === undefined) continue;
        const restored = second.attempt.questions[question.id]?.response;
        expect(question.choices?.find((c) => c.id === restored)?.text, question.id).toBe(text);
        compared++;
      }
      // Questions of the first attempt that the second does not draw are reported, not silently lost.
      const drawn = new Set((second.quiz.questions as Shown[]).map((q) => q.id));
      expect([...reopened.body.draft.notRestored].sort()).toEqual(
        Object.keys(responses)
          .filter((id) => !drawn.has(id))
          .sort(),
      );
    }
    expect(compared).toBeGreaterThan(0);
    await real.close();
  });
});
