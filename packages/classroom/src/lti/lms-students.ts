// LMS users as students of the class that stands for their LMS course: one student per (platform, user id,
// class), named after the LMS's name for them, made unique in the class by a number when needed.
import { randomBytes } from 'node:crypto';
import { generateResumeCode, hashResumeCode, normaliseCode } from '../codes';
import type { ClassroomStore, StudentRecord } from '../storage/types';

/** A display name from OpenID-style name claims (`name`, else `given_name family_name`), at most 40 characters. */
export function displayNameOf(person: {
  name?: unknown;
  given_name?: unknown;
  family_name?: unknown;
  sub?: unknown;
}): string {
  const name = [person.name, [person.given_name, person.family_name].filter(Boolean).join(' ')]
    .map((value) => (typeof value === 'string' ? value.normalize('NFC').trim().replace(/\s+/gu, ' ') : ''))
    .find((value) => value.length > 0);
  return (name ?? `Learner ${String(person.sub ?? '').slice(0, 8)}`).slice(0, 40);
}

/** The student of an LMS user in a class, created on first sight; undefined when no name could be found. */
export async function lmsStudent(
  store: ClassroomStore,
  user: { platformId: string; sub: string; classId: string; name: string },
  now: number,
): Promise<StudentRecord | undefined> {
  const known = await store.lti.findUser(user.platformId, user.sub, user.classId);
  if (known) {
    const student = await store.classes.getStudent(known.studentId);
    if (student) return student;
  }
  for (let attempt = 1; attempt <= 20; attempt++) {
    const displayName = attempt === 1 ? user.name : `${user.name.slice(0, 34)} (${attempt})`;
    const created = await store.classes.createStudent({
      id: `stu_${randomBytes(12).toString('base64url')}`,
      classId: user.classId,
      displayName,
      nameKey: `lti:${displayName.toLocaleLowerCase('en')}`,
      // LMS students never type a resume code: the LMS signs them in. One is drawn only to keep the column unique.
      resumeCodeHash: hashResumeCode(normaliseCode(generateResumeCode())),
      createdAt: now,
    });
    if (created === 'name-taken') continue;
    const linked = await store.lti.linkUser({ ...user, studentId: created.id });
    return store.classes.getStudent(linked.studentId);
  }
  return undefined;
}
