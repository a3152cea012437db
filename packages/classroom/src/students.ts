import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import {
  displayNameKey,
  displayNameProblem,
  generateResumeCode,
  hashResumeCode,
  isJoinCode,
  isResumeCode,
  normaliseCode,
  normaliseDisplayName,
} from './codes';
import { ApiError, badRequest, conflict, notFound } from './errors';
import { assertClassOpen, assertIdentifierFree, assertNotRemoved, identifierSchema } from './roster';
import type { ClassRecord, ClassroomStore, StudentRecord } from './storage/types';

export const joinSchema = z.strictObject({
  code: z.string('Enter the join code your teacher gave you.').max(40, 'That is too long for a join code.'),
  displayName: z
    .string('Enter the name your teacher will see.')
    .max(200, 'Use at most 40 characters for your name.'),
  /** Optional: the identifier the school gave the student (a student number). */
  identifier: identifierSchema.optional(),
});

export const resumeSchema = z.strictObject({
  resumeCode: z.string('Enter your resume code.').max(60, 'That is too long for a resume code.'),
});

export interface JoinedClass {
  student: StudentRecord;
  classRecord: ClassRecord;
  /** Shown to the student once; only its hash is stored. */
  resumeCode: string;
}

/** Adds a student to the class whose join code this is. */
export async function joinClass(
  store: ClassroomStore,
  input: z.infer<typeof joinSchema>,
  now: number,
): Promise<JoinedClass> {
  const code = normaliseCode(input.code);
  if (!isJoinCode(code)) {
    throw badRequest(
      'invalid-join-code',
      'A join code is 6 letters and digits, like K7QM2X. Check the code your teacher gave you.',
      [{ path: 'code', message: 'not a join code' }],
    );
  }
  const displayName = normaliseDisplayName(input.displayName);
  const problem = displayNameProblem(displayName);
  if (problem) throw badRequest('invalid-display-name', problem, [{ path: 'displayName', message: problem }]);
  const classRecord = await store.classes.findByJoinCode(code);
  if (!classRecord) {
    throw notFound('unknown-join-code', `No class has the join code ${code}. Check it with your teacher.`);
  }
  await assertClassOpen(store, classRecord.id);
  if (input.identifier) await assertIdentifierFree(store, classRecord.id, input.identifier);
  const resumeCode = generateResumeCode();
  const student = await store.classes.createStudent({
    id: `stu_${randomBytes(12).toString('base64url')}`,
    classId: classRecord.id,
    displayName,
    nameKey: displayNameKey(displayName),
    resumeCodeHash: hashResumeCode(normaliseCode(resumeCode)),
    createdAt: now,
  });
  if (student === 'name-taken') {
    throw conflict(
      'display-name-taken',
      'Someone in this class already uses that name: add an initial to yours. If it is you on another ' +
        'device, continue with your resume code instead.',
    );
  }
  if (input.identifier) {
    // Checked free above; a student joining with the same identifier at this very moment loses it here.
    await store.roster.setIdentifier({
      classId: classRecord.id,
      studentId: student.id,
      identifier: input.identifier,
    });
  }
  return { student, classRecord, resumeCode };
}

/** Finds the student a resume code belongs to. */
export async function resumeStudent(
  store: ClassroomStore,
  input: z.infer<typeof resumeSchema>,
): Promise<{ student: StudentRecord; classRecord: ClassRecord }> {
  const code = normaliseCode(input.resumeCode);
  if (!isResumeCode(code)) {
    throw badRequest(
      'invalid-resume-code',
      'A resume code is 12 letters and digits in three groups, like K7QM-R2XD-9PWA.',
      [{ path: 'resumeCode', message: 'not a resume code' }],
    );
  }
  const student = await store.classes.findStudentByResumeCodeHash(hashResumeCode(code));
  const classRecord = student ? await store.classes.get(student.classId) : undefined;
  if (!student || !classRecord) {
    throw new ApiError(404, 'unknown-resume-code', 'No student has that resume code. Check each character.');
  }
  await assertNotRemoved(store, student.id);
  return { student, classRecord };
}
