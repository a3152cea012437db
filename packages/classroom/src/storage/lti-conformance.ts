// The LTI repository's guarantees, run against every engine beside the store's own suite.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EngineUnderTest } from './conformance';
import type { LtiKeyRecord, LtiPlatformRecord, LtiResourceLinkRecord } from './lti-types';
import type { ClassroomStore } from './types';

const key = (kid: string, createdAt: number): LtiKeyRecord => ({
  kid,
  privateJwk: `{"kid":"${kid}","d":"secret"}`,
  publicJwk: `{"kid":"${kid}"}`,
  createdAt,
  retiredAt: null,
});

const platform = (overrides: Partial<LtiPlatformRecord> = {}): LtiPlatformRecord => ({
  id: 'plt_1',
  issuer: 'https://moodle.example.edu',
  clientId: 'client-1',
  authorizationEndpoint: 'https://moodle.example.edu/mod/lti/auth.php',
  tokenEndpoint: 'https://moodle.example.edu/mod/lti/token.php',
  tokenAudience: 'https://moodle.example.edu/mod/lti/token.php',
  jwksUri: 'https://moodle.example.edu/mod/lti/certs.php',
  name: 'Moodle',
  createdAt: 10,
  ...overrides,
});

export function ltiConformance(engine: string, under: EngineUnderTest): void {
  let database: Awaited<ReturnType<EngineUnderTest['freshDatabase']>>;
  let store: ClassroomStore;
  const others: ClassroomStore[] = [];

  beforeEach(async () => {
    database = await under.freshDatabase();
    store = await database.open();
  });
  afterEach(async () => {
    for (const other of others.splice(0)) await other.close();
    await store.close();
    await database.drop();
  });

  async function secondInstance(): Promise<ClassroomStore> {
    const other = await database.open();
    others.push(other);
    return other;
  }

  async function seedClassAndStudent() {
    await store.classes.create({ id: 'cls_1', name: 'History 101', joinCode: 'LTI234', createdAt: 1 });
    await store.classes.createStudent({
      id: 'stu_1',
      classId: 'cls_1',
      displayName: 'Ada',
      nameKey: 'ada',
      resumeCodeHash: 'hash-ada',
      createdAt: 2,
    });
  }

  describe(`${engine} LTI repository`, () => {
    it('keeps the first key when two instances start together, and rotates to a new signing key', async () => {
      const other = await secondInstance();
      const [a, b] = await Promise.all([
        store.lti.addFirstKey(key('k1', 100)),
        other.lti.addFirstKey(key('k2', 100)),
      ]);
      expect(a.map((k) => k.kid)).toEqual(b.map((k) => k.kid));
      expect(a).toHaveLength(1);
      const first = a[0]?.kid as string;
      await store.lti.rotateKey(key('k3', 200), 200);
      const keys = await other.lti.listKeys();
      expect(keys.map((k) => [k.kid, k.retiredAt])).toEqual([
        ['k3', null],
        [first, 200],
      ]);
      expect(keys[0]?.privateJwk).toBe('{"kid":"k3","d":"secret"}');
    });

    it('updates a platform registered again under the same issuer and client id, keeping its id', async () => {
      const stored = await store.lti.savePlatform(platform());
      expect(stored).toEqual(platform());
      const again = await store.lti.savePlatform(
        platform({ id: 'plt_2', jwksUri: 'https://moodle.example.edu/keys', createdAt: 20 }),
      );
      expect(again.id).toBe('plt_1');
      expect(again.jwksUri).toBe('https://moodle.example.edu/keys');
      await store.lti.savePlatform(platform({ id: 'plt_3', clientId: 'client-2', createdAt: 30 }));
      expect((await store.lti.findPlatforms('https://moodle.example.edu')).map((p) => p.id)).toEqual([
        'plt_1',
        'plt_3',
      ]);
      expect(await store.lti.getPlatform('plt_2')).toBeUndefined();
    });

    it('knows only the deployments recorded for that platform', async () => {
      await store.lti.savePlatform(platform());
      await store.lti.addDeployment('plt_1', 'dep-1', 5);
      await store.lti.addDeployment('plt_1', 'dep-1', 6);
      expect(await store.lti.hasDeployment('plt_1', 'dep-1')).toBe(true);
      expect(await store.lti.hasDeployment('plt_1', 'dep-2')).toBe(false);
      expect(await store.lti.hasDeployment('plt_2', 'dep-1')).toBe(false);
    });

    it('hands a login state to exactly one of two instances, and never after it expired', async () => {
      await store.lti.savePlatform(platform());
      const record = {
        state: 's1',
        nonce: 'n1',
        platformId: 'plt_1',
        storageTarget: '_parent',
        createdAt: 100,
        expiresAt: 200,
      };
      await store.lti.saveLoginState(record);
      expect(await store.lti.getLoginState('s1', 150)).toEqual(record);
      expect(await store.lti.getLoginState('s1', 200)).toBeUndefined();
      const other = await secondInstance();
      const taken = await Promise.all([
        store.lti.takeLoginState('s1', 150),
        other.lti.takeLoginState('s1', 150),
      ]);
      expect(taken.filter(Boolean)).toEqual([record]);
      await store.lti.saveLoginState({ ...record, state: 's2', storageTarget: null });
      expect(await store.lti.takeLoginState('s2', 200)).toBeUndefined();
      expect(await store.lti.takeLoginState('unknown', 150)).toBeUndefined();
    });

    it('accepts a nonce once, also across instances, and forgets it after it expired', async () => {
      const other = await secondInstance();
      const claims = await Promise.all([
        store.lti.claimNonce('plt_1', 'n1', 500, 100),
        other.lti.claimNonce('plt_1', 'n1', 500, 100),
      ]);
      expect(claims.sort()).toEqual([false, true]);
      expect(await store.lti.claimNonce('plt_2', 'n1', 500, 100)).toBe(true);
      expect(await store.lti.claimNonce('plt_1', 'n1', 900, 600)).toBe(true);
    });

    it('maps one LMS course to one class and one LMS user to one student (first writer wins)', async () => {
      await seedClassAndStudent();
      await store.classes.create({ id: 'cls_2', name: 'Other', joinCode: 'LTI567', createdAt: 1 });
      await store.lti.savePlatform(platform());
      const first = await store.lti.linkContext({
        platformId: 'plt_1',
        contextId: 'course-7',
        classId: 'cls_1',
        title: 'History 101',
      });
      const second = await store.lti.linkContext({
        platformId: 'plt_1',
        contextId: 'course-7',
        classId: 'cls_2',
        title: 'History 101',
      });
      expect(second).toEqual(first);
      expect((await store.lti.findContext('plt_1', 'course-7'))?.classId).toBe('cls_1');
      expect(await store.lti.findContext('plt_1', 'course-8')).toBeUndefined();
      const user = { platformId: 'plt_1', sub: 'u-42', classId: 'cls_1', studentId: 'stu_1' };
      expect(await store.lti.linkUser(user)).toEqual(user);
      expect(await store.lti.findUser('plt_1', 'u-42', 'cls_1')).toEqual(user);
      expect(await store.lti.findUser('plt_1', 'u-42', 'cls_2')).toBeUndefined();
    });

    it("finds where a student's quiz score goes: the links of their class with a line item", async () => {
      await seedClassAndStudent();
      await store.lti.savePlatform(platform());
      await store.lti.linkContext({ platformId: 'plt_1', contextId: 'c', classId: 'cls_1', title: 'H' });
      await store.lti.linkUser({ platformId: 'plt_1', sub: 'u-42', classId: 'cls_1', studentId: 'stu_1' });
      const link: LtiResourceLinkRecord = {
        platformId: 'plt_1',
        deploymentId: 'dep-1',
        contextId: 'c',
        resourceLinkId: 'rl-1',
        classId: 'cls_1',
        quizId: 'treaty-years',
        lineItemUrl: null,
        lineItemsUrl: 'https://moodle.example.edu/lineitems',
        agsScopes: 'https://purl.imsglobal.org/spec/lti-ags/scope/score',
        updatedAt: 50,
      };
      await store.lti.saveResourceLink(link);
      expect(await store.lti.scoreTargets('stu_1', 'treaty-years')).toEqual([]);
      await store.lti.saveResourceLink({ ...link, lineItemUrl: 'https://moodle.example.edu/lineitems/9' });
      // A later launch without a line item keeps the one already known.
      await store.lti.saveResourceLink({ ...link, updatedAt: 60 });
      const targets = await store.lti.scoreTargets('stu_1', 'treaty-years');
      expect(targets).toEqual([
        {
          platform: platform(),
          userId: 'u-42',
          link: { ...link, lineItemUrl: 'https://moodle.example.edu/lineitems/9', updatedAt: 60 },
        },
      ]);
      expect(await store.lti.scoreTargets('stu_1', 'un-votes')).toEqual([]);
    });
  });
}
