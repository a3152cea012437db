// The teacher-account repository's guarantees (owner, invites used once, revocation ending sessions) and
// the re-opened attempts' audit, run against every engine beside the main suite.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EngineUnderTest } from './conformance';
import type { ClassroomStore, TeacherInviteRecord } from './types';

export function teachersConformance(engine: string, under: EngineUnderTest): void {
  let store: ClassroomStore;
  let database: Awaited<ReturnType<EngineUnderTest['freshDatabase']>>;
  const others: ClassroomStore[] = [];

  beforeEach(async () => {
    database = await under.freshDatabase();
    store = await database.open();
    await store.teachers.ensureOwner({ name: 'Ms Rivera', nameKey: 'ms rivera', now: 1 });
  });

  afterEach(async () => {
    for (const other of others.splice(0)) await other.close();
    await store.close();
    await database.drop();
  });

  const invite = (id: string, overrides: Partial<TeacherInviteRecord> = {}) => ({
    id,
    tokenHash: `hash-${id}`,
    createdBy: 'owner',
    createdAt: 10,
    expiresAt: 1000,
    usedAt: null,
    usedBy: null,
    revokedAt: null,
    ...overrides,
  });
  const teacher = (id: string, name: string) => ({
    id,
    name,
    nameKey: name.toLowerCase(),
    passwordHash: `scrypt$${id}`,
  });

  describe(`${engine} teacher accounts`, () => {
    it('creates the owner once, whoever starts first', async () => {
      const other = await database.open();
      others.push(other);
      const again = await other.teachers.ensureOwner({
        name: 'Someone else',
        nameKey: 'someone else',
        now: 5,
      });
      expect(again).toEqual({
        id: 'owner',
        name: 'Ms Rivera',
        role: 'owner',
        invitedBy: null,
        createdAt: 1,
        revokedAt: null,
      });
      expect(await store.teachers.list()).toHaveLength(1);
      // The owner has no password: it logs in with the passcode only.
      expect(await store.teachers.findLogin('ms rivera')).toBeUndefined();
    });

    it('uses an invite once, even when two instances accept it at once', async () => {
      await store.teachers.createInvite(invite('inv_1'));
      const other = await database.open();
      others.push(other);
      const outcomes = await Promise.all([
        store.teachers.acceptInvite({ tokenHash: 'hash-inv_1', now: 20, teacher: teacher('tch_a', 'Amir') }),
        other.teachers.acceptInvite({ tokenHash: 'hash-inv_1', now: 20, teacher: teacher('tch_b', 'Bea') }),
      ]);
      expect(outcomes.map((o) => o.status).sort()).toEqual(['created', 'used']);
      const teachers = await store.teachers.list();
      expect(teachers.map((t) => t.role)).toEqual(['owner', 'teacher']);
      expect(teachers[1]).toMatchObject({ invitedBy: 'owner', createdAt: 20, revokedAt: null });
      const [stored] = await store.teachers.listInvites();
      expect(stored).toMatchObject({ usedAt: 20, usedBy: teachers[1]?.id });
      const login = await store.teachers.findLogin(teachers[1]?.name.toLowerCase() ?? '');
      expect(login?.passwordHash).toBe(`scrypt$${teachers[1]?.id}`);
    });

    it('refuses unknown, expired and withdrawn invites and a taken name, using nothing', async () => {
      await store.teachers.createInvite(invite('inv_1'));
      await store.teachers.createInvite(invite('inv_2'));
      const accept = (tokenHash: string, now: number, name = 'Amir') =>
        store.teachers.acceptInvite({ tokenHash, now, teacher: teacher(`tch_${now}`, name) });
      expect(await accept('hash-nope', 20)).toEqual({ status: 'unknown' });
      expect(await accept('hash-inv_1', 1000)).toEqual({ status: 'expired' });
      expect(await accept('hash-inv_1', 21, 'Ms Rivera')).toEqual({ status: 'name-taken' });
      expect((await store.teachers.listInvites())[0]?.usedAt).toBeNull();
      expect(await store.teachers.revokeInvite('inv_2', 30)).toBe(true);
      expect(await store.teachers.revokeInvite('inv_2', 31)).toBe(false);
      expect(await accept('hash-inv_2', 32)).toEqual({ status: 'revoked' });
      expect((await accept('hash-inv_1', 33)).status).toBe('created');
      expect(await store.teachers.revokeInvite('inv_1', 34)).toBe(false);
      expect(await store.teachers.list()).toHaveLength(2);
    });

    it("revokes an invited teacher with every session of theirs, never the owner's", async () => {
      await store.teachers.createInvite(invite('inv_1'));
      await store.teachers.acceptInvite({
        tokenHash: 'hash-inv_1',
        now: 20,
        teacher: teacher('tch_a', 'Amir'),
      });
      const session = (id: string, teacherId: string | null) => ({
        id,
        kind: 'teacher' as const,
        studentId: null,
        classId: null,
        createdAt: 30,
        expiresAt: 10_000,
        revokedAt: null,
        teacherId,
      });
      await store.sessions.create(session('ses_a1', 'tch_a'));
      await store.sessions.create(session('ses_a2', 'tch_a'));
      await store.sessions.create(session('ses_o', 'owner'));
      expect((await store.sessions.get('ses_a1'))?.teacherId).toBe('tch_a');
      expect(await store.teachers.revoke('owner', 40)).toBe('owner');
      expect(await store.teachers.revoke('tch_nope', 40)).toBe('unknown');
      expect(await store.teachers.revoke('tch_a', 40)).toBe('revoked');
      expect((await store.teachers.get('tch_a'))?.revokedAt).toBe(40);
      expect((await store.sessions.get('ses_a1'))?.revokedAt).toBe(40);
      expect((await store.sessions.get('ses_a2'))?.revokedAt).toBe(40);
      expect((await store.sessions.get('ses_o'))?.revokedAt).toBeNull();
    });

    it('keeps the audit of re-opened attempts per class', async () => {
      await store.classes.create({ id: 'cls_1', name: 'Period 3', joinCode: 'ABC234', createdAt: 1 });
      await store.classes.createStudent({
        id: 'stu_1',
        classId: 'cls_1',
        displayName: 'Ada',
        nameKey: 'ada',
        resumeCodeHash: 'hash-ada',
        createdAt: 2,
      });
      const outcome = await store.attempts.submit({
        learner: { kind: 'student', id: 'stu_1', classId: 'cls_1' },
        quizId: 'un-votes',
        idempotencyKey: 'key-00000001',
        requestHash: 'h1',
        maxAttempts: 1,
        expectedAttemptNumber: undefined,
        now: 100,
        grade: () => ({
          seed: 'seed-1',
          steps: [{ action: 'submit' }],
          score: 0,
          maxScore: 1,
          percent: 0,
          passed: false,
          items: [],
        }),
      });
      if (outcome.status !== 'created') throw new Error(outcome.status);
      const record = {
        id: 'rop_1',
        attemptId: outcome.attempt.id,
        classId: 'cls_1',
        studentId: 'stu_1',
        quizId: 'un-votes',
        draftAttemptNumber: 2,
        extraAttempts: 1,
        reason: 'Submitted by mistake',
        teacher: 'owner',
        createdAt: 200,
      };
      await store.marking.recordReopen(record);
      expect(await store.marking.listReopens('cls_1')).toEqual([record]);
      expect(await store.marking.listReopens('cls_2')).toEqual([]);
    });
  });
}
