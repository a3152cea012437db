// The roster: a school identifier per student (typed at join or matched from an uploaded roster CSV),
// renaming and removing students, renaming and archiving classes. Teacher routes, and the checks that
// joining and resuming make.
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { readJsonBody } from './body';
import { displayNameKey, displayNameProblem, normaliseDisplayName } from './codes';
import { ApiError, badRequest, conflict, notFound } from './errors';
import type { Handler } from './handlers';
import { jsonResponse } from './known-bodies';
import { requireTeacher } from './sessions';
import type { ClassroomStore, StudentRecord } from './storage/types';
import { createClassSchema, findClassOr404 } from './teacher';

/** A school identifier as typed, trimmed; letters, digits and . _ - / and spaces, at most 64 characters. */
export const identifierSchema = z
  .string('Give the student identifier as text.')
  .transform((value) => value.normalize('NFC').trim())
  .pipe(
    z
      .string()
      .min(1, 'The identifier is empty.')
      .max(64, 'Use at most 64 characters for an identifier.')
      .regex(/^[\p{L}\p{N}._\-/ ]+$/u, 'Use letters, digits, spaces and . _ - / in an identifier.'),
  );

/** Refuses joining an archived class. */
export async function assertClassOpen(store: ClassroomStore, classId: string): Promise<void> {
  if ((await store.roster.archivedAt(classId)) !== null) {
    throw conflict('class-archived', 'This class is archived and takes no new students. Ask your teacher.');
  }
}

/** Refuses an identifier another student of the class already has (before a student is created). */
export async function assertIdentifierFree(store: ClassroomStore, classId: string, identifier: string) {
  const taken = (await store.roster.listByClass(classId)).some(
    (entry) => entry.identifier === identifier && entry.removedAt === null,
  );
  if (taken) {
    throw conflict(
      'identifier-taken',
      'Another student of this class has that identifier. Check it with your teacher.',
    );
  }
}

async function studentOf(store: ClassroomStore, classId: string, studentId: string): Promise<StudentRecord> {
  const student = /^stu_[A-Za-z0-9_-]{1,40}$/.test(studentId)
    ? await store.classes.getStudent(studentId)
    : undefined;
  const entry = student ? await store.roster.get(student.id) : undefined;
  if (!student || student.classId !== classId || entry?.removedAt) {
    throw notFound('unknown-student', `This class has no student with id '${studentId.slice(0, 60)}'.`);
  }
  return student;
}

const json = jsonResponse;

/** `POST /api/classes/:id/rename` `{ name }`. */
export const postRenameClass: Handler = async (request, context) => {
  await requireTeacher(request, context);
  const classRecord = await findClassOr404(context.store, context.params.id ?? '');
  const { name } = await readJsonBody(request, createClassSchema);
  await context.store.roster.renameClass(classRecord.id, name);
  return json({ id: classRecord.id, name });
};

const archiveSchema = z.strictObject({ archived: z.boolean('Send archived: true or false.') });

/** `POST /api/classes/:id/archive` `{ archived }`: an archived class takes no new students; its data stays. */
export const postArchiveClass: Handler = async (request, context) => {
  await requireTeacher(request, context);
  const classRecord = await findClassOr404(context.store, context.params.id ?? '');
  const { archived } = await readJsonBody(request, archiveSchema);
  await context.store.roster.setArchived(classRecord.id, archived ? context.now : null);
  return json({ id: classRecord.id, archivedAt: archived ? new Date(context.now).toISOString() : null });
};

const renameStudentSchema = z.strictObject({
  displayName: z.string('Give the new name.').max(200, 'Use at most 40 characters for a name.'),
});

/** `POST /api/classes/:id/students/:studentId/rename` `{ displayName }`. */
export const postRenameStudent: Handler = async (request, context) => {
  await requireTeacher(request, context);
  const classRecord = await findClassOr404(context.store, context.params.id ?? '');
  const { displayName: typed } = await readJsonBody(request, renameStudentSchema);
  const student = await studentOf(context.store, classRecord.id, context.params.studentId ?? '');
  const displayName = normaliseDisplayName(typed);
  const problem = displayNameProblem(displayName);
  if (problem) throw badRequest('invalid-display-name', problem, [{ path: 'displayName', message: problem }]);
  const renamed = await context.store.roster.renameStudent(
    student.id,
    displayName,
    displayNameKey(displayName),
  );
  if (renamed === 'name-taken')
    throw conflict('display-name-taken', 'Another student of this class has that name.');
  return json({ id: student.id, displayName });
};

const setIdentifierSchema = z.strictObject({ identifier: identifierSchema.nullable() });

/** `POST /api/classes/:id/students/:studentId/identifier` `{ identifier }` (null clears it). */
export const postStudentIdentifier: Handler = async (request, context) => {
  await requireTeacher(request, context);
  const classRecord = await findClassOr404(context.store, context.params.id ?? '');
  const { identifier } = await readJsonBody(request, setIdentifierSchema);
  const student = await studentOf(context.store, classRecord.id, context.params.studentId ?? '');
  const set = await context.store.roster.setIdentifier({
    classId: classRecord.id,
    studentId: student.id,
    identifier,
  });
  if (set === 'identifier-taken')
    throw conflict('identifier-taken', 'Another student of this class has that identifier.');
  return json({ id: student.id, identifier: set.identifier });
};

/** `POST /api/classes/:id/students/:studentId/remove` `{}`: sessions end, name freed, attempts kept. */
export const postRemoveStudent: Handler = async (request, context) => {
  await requireTeacher(request, context);
  const classRecord = await findClassOr404(context.store, context.params.id ?? '');
  await readJsonBody(request, z.strictObject({}));
  const student = await studentOf(context.store, classRecord.id, context.params.studentId ?? '');
  await context.store.roster.removeStudent(student.id, classRecord.id, context.now);
  return json({ id: student.id, removedAt: new Date(context.now).toISOString() });
};

const ROSTER_LIMIT_BYTES = 64 * 1024;
const rosterSchema = z.strictObject({
  csv: z.string('Send the roster CSV as text in `csv`.').min(1, 'The roster CSV is empty.'),
});

/**
 * `POST /api/classes/:id/roster` `{ csv }`: a roster with an `identifier` and a `name` column (header row;
 * other columns ignored). Each row whose name matches a student of the class (as display names compare)
 * gives that student the identifier; nothing is changed when the file cannot be read.
 */
export const postRoster: Handler = async (request, context) => {
  await requireTeacher(request, context);
  const classRecord = await findClassOr404(context.store, context.params.id ?? '');
  const { csv } = await readJsonBody(request, rosterSchema, { limitBytes: ROSTER_LIMIT_BYTES });
  let records: Record<string, string>[];
  try {
    records = parse(csv, {
      bom: true,
      columns: (header: string[]) => header.map((name) => name.trim().toLowerCase()),
      skip_empty_lines: true,
      trim: true,
      max_record_size: 4096,
      to: 5000,
    }) as Record<string, string>[];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    const reason = error instanceof Error ? error.message : 'unreadable';
    throw badRequest(
      'invalid-csv',
      `The roster CSV cannot be read${line ? ` (line ${line})` : ''}: ${reason}`,
      [{ path: line ? `csv:${line}` : 'csv', message: reason }],
    );
  }
  const first = records[0];
  if (!first || !('identifier' in first) || !('name' in first)) {
    throw badRequest(
      'invalid-csv',
      'The roster CSV needs a header row with an "identifier" and a "name" column, then one row per student.',
      [{ path: 'csv:1', message: 'missing identifier or name column' }],
    );
  }
  const [students, entries] = await Promise.all([
    context.store.classes.listStudents(classRecord.id),
    context.store.roster.listByClass(classRecord.id),
  ]);
  const removed = new Set(entries.filter((e) => e.removedAt !== null).map((e) => e.studentId));
  const current = new Map(entries.map((e) => [e.studentId, e.identifier]));
  const byKey = new Map(
    students.filter((s) => !removed.has(s.id)).map((s) => [displayNameKey(s.displayName), s]),
  );
  const matched: { line: number; studentId: string; displayName: string; identifier: string }[] = [];
  const unchanged: { line: number; studentId: string; identifier: string }[] = [];
  const unmatched: { line: number; name: string; identifier: string; reason: string }[] = [];
  for (const [index, record] of records.entries()) {
    const line = index + 2;
    const name = record.name ?? '';
    const parsed = identifierSchema.safeParse(record.identifier ?? '');
    if (!parsed.success) {
      unmatched.push({
        line,
        name,
        identifier: record.identifier ?? '',
        reason: parsed.error.issues[0]?.message ?? 'invalid',
      });
      continue;
    }
    const student = byKey.get(displayNameKey(normaliseDisplayName(name)));
    if (!student) {
      unmatched.push({
        line,
        name,
        identifier: parsed.data,
        reason: 'no student of the class has this name',
      });
      continue;
    }
    if (current.get(student.id) === parsed.data) {
      unchanged.push({ line, studentId: student.id, identifier: parsed.data });
      continue;
    }
    const set = await context.store.roster.setIdentifier({
      classId: classRecord.id,
      studentId: student.id,
      identifier: parsed.data,
    });
    if (set === 'identifier-taken') {
      unmatched.push({
        line,
        name,
        identifier: parsed.data,
        reason: 'another student of the class has this identifier',
      });
      continue;
    }
    current.set(student.id, parsed.data);
    matched.push({ line, studentId: student.id, displayName: student.displayName, identifier: parsed.data });
  }
  return json({ matched, unchanged, unmatched });
};

/** A student removed from the class cannot resume it. */
export async function assertNotRemoved(store: ClassroomStore, studentId: string): Promise<void> {
  if ((await store.roster.get(studentId))?.removedAt) {
    throw new ApiError(
      403,
      'student-removed',
      'Your teacher removed you from this class. Ask them to add you again.',
    );
  }
}
