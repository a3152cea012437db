import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LEARNER_COOKIE, TEACHER_COOKIE } from './cookies';
import {
  issueAnonymousSession,
  issueStudentSession,
  issueTeacherSession,
  readLearner,
  readTeacherSession,
  type SessionContext,
  TEACHER_SESSION_MS,
} from './sessions';
import type { SqliteStore } from './storage/sqlite';
import type { StudentRecord } from './storage/types';
import { memoryStore } from './testing';

let store: SqliteStore;
let context: SessionContext;
let student: StudentRecord;

function withCookie(name: string, value: string): Request {
  return new Request('http://127.0.0.1:3000/', {
    headers: { cookie: `${name}=${encodeURIComponent(value)}` },
  });
}

beforeEach(async () => {
  store = memoryStore();
  context = { store, secret: 's'.repeat(40), now: 1_000_000 };
  await store.classes.create({ id: 'cls_a', name: 'A', joinCode: 'AAAAAA', createdAt: 0 });
  await store.classes.create({ id: 'cls_b', name: 'B', joinCode: 'BBBBBB', createdAt: 0 });
  const created = await store.classes.createStudent({
    id: 'stu_1',
    classId: 'cls_a',
    displayName: 'Ada',
    nameKey: 'ada',
    resumeCodeHash: 'h',
    createdAt: 0,
  });
  if (created === 'name-taken') throw new Error('unexpected');
  student = created;
});

afterEach(() => store.close());

describe('teacher sessions', () => {
  it('are valid until they expire or are revoked', async () => {
    const { token } = await issueTeacherSession(context);
    const request = withCookie(TEACHER_COOKIE, token);
    const session = await readTeacherSession(request, context);
    expect(session?.kind).toBe('teacher');
    expect(
      await readTeacherSession(request, { ...context, now: context.now + TEACHER_SESSION_MS }),
    ).toBeUndefined();
    await store.sessions.revoke(session?.id ?? '', context.now);
    expect(await readTeacherSession(request, context)).toBeUndefined();
  });

  it('cannot be made from a student or anonymous cookie, or signed with another secret', async () => {
    const anonymous = issueAnonymousSession(context);
    expect(await readTeacherSession(withCookie(TEACHER_COOKIE, anonymous.token), context)).toBeUndefined();
    const { token } = await issueTeacherSession({ ...context, secret: 'o'.repeat(40) });
    expect(await readTeacherSession(withCookie(TEACHER_COOKIE, token), context)).toBeUndefined();
  });
});

describe('learner sessions', () => {
  it('identify a student with their class', async () => {
    const { token } = await issueStudentSession(context, student);
    const lookup = await readLearner(withCookie(LEARNER_COOKIE, token), context);
    expect(lookup).toMatchObject({
      status: 'ok',
      learner: { kind: 'student', id: 'stu_1', classId: 'cls_a' },
    });
  });

  it('stop counting when the student no longer belongs to the class the session was issued for', async () => {
    const { token } = await issueStudentSession(context, student);
    store.db.prepare("UPDATE students SET class_id = 'cls_b' WHERE id = 'stu_1'").run();
    expect(await readLearner(withCookie(LEARNER_COOKIE, token), context)).toEqual({ status: 'invalid' });
  });

  it('identify an anonymous browser without any database row', async () => {
    const anonymous = issueAnonymousSession(context);
    const lookup = await readLearner(withCookie(LEARNER_COOKIE, anonymous.token), context);
    expect(lookup).toEqual({
      status: 'ok',
      learner: anonymous.learner,
      student: undefined,
      sessionId: undefined,
    });
    expect(anonymous.learner.id).toMatch(/^anon_/);
  });

  it('report no cookie as none and a teacher or garbled cookie as invalid', async () => {
    expect(await readLearner(new Request('http://127.0.0.1:3000/'), context)).toEqual({ status: 'none' });
    const teacher = await issueTeacherSession(context);
    expect(await readLearner(withCookie(LEARNER_COOKIE, teacher.token), context)).toEqual({
      status: 'invalid',
    });
    expect(await readLearner(withCookie(LEARNER_COOKIE, 'e30.nope'), context)).toEqual({ status: 'invalid' });
  });
});
