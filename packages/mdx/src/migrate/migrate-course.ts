import { rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type ContentKind, courseSchema, parseContent } from '@coursekit/content-schema';
import { createIssue, type Issue } from '@coursekit/issues';
import { parseDocument } from 'yaml';
import { fileIssue, readCourseFile } from '../course-files.js';
import { parseYamlSource } from '../yaml-source.js';
import { type CourseMigration, courseMigrations, type MigrationEdit } from './migrations.js';

/** One change `migrateCourse` made (or, in a dry run, would make). */
export interface MigrationChange {
  /** The file, relative to the course folder. */
  file: string;
  /** 1-based line and column where the change starts, in the file as it was. */
  line: number;
  column: number;
  /** What changed and why. */
  description: string;
  /** The id of the migration that made it. */
  migration: string;
}

export interface MigrateCourseOptions {
  /** Report what would change without writing anything. */
  dryRun?: boolean | undefined;
  /** The migrations to run (default: all of `courseMigrations`). */
  migrations?: readonly CourseMigration[] | undefined;
}

export interface MigrationReport {
  /** Every change, by file and place. */
  changes: MigrationChange[];
  /** Files rewritten (none in a dry run or when `issues` stopped the migration). */
  written: string[];
  /** Problems that stopped the migration; when there are any, nothing was written. */
  issues: Issue[];
}

function pointAt(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - (before.lastIndexOf('\n') + 1) + 1 };
}

function applyEdits(text: string, edits: readonly MigrationEdit[]): string {
  let result = text;
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) {
    result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  }
  return result;
}

interface PlannedFile {
  file: string;
  text: string;
  rewritten: string;
}

/** The timeline file course.yaml names, when it names a usable path; `timeline.yaml` otherwise. */
function timelineFileOf(course: unknown): string {
  const named = (course as { timeline?: unknown } | undefined)?.timeline;
  return courseSchema.shape.timeline.safeParse(named).success ? (named as string) : 'timeline.yaml';
}

/**
 * Rewrite a course folder written for an older coursekit into the current form, and say what changed.
 * All files are checked and rewritten in memory first: a file that cannot be read as YAML, or a rewrite
 * that would make a valid file invalid, stops the migration with nothing written.
 */
export async function migrateCourse(
  dir: string,
  options: MigrateCourseOptions = {},
): Promise<MigrationReport> {
  const migrations = options.migrations ?? courseMigrations;
  const report: MigrationReport = { changes: [], written: [], issues: [] };

  const courseRead = await readCourseFile(dir, 'course.yaml');
  if (!courseRead.ok) {
    report.issues.push(
      fileIssue(
        'course.yaml',
        courseRead.missing
          ? `no course.yaml in ${dir}; give the course folder (the one with course.yaml)`
          : `course.yaml cannot be read: ${courseRead.reason}`,
        'file/missing',
      ),
    );
    return report;
  }
  const courseSource = parseYamlSource(courseRead.text);
  const files: { file: string; kind: ContentKind & ('course' | 'timeline'); text: string }[] = [
    { file: 'course.yaml', kind: 'course', text: courseRead.text },
  ];
  const timelineFile = timelineFileOf(courseSource.data);
  const timelineRead = await readCourseFile(dir, timelineFile);
  if (timelineRead.ok) files.push({ file: timelineFile, kind: 'timeline', text: timelineRead.text });

  const planned: PlannedFile[] = [];
  for (const { file, kind, text } of files) {
    const source = file === 'course.yaml' ? courseSource : parseYamlSource(text);
    if (source.errors.length > 0) {
      for (const error of source.errors) {
        report.issues.push(fileIssue(file, `not valid YAML: ${error.message}`, 'yaml/syntax', error));
      }
      continue;
    }
    const document = parseDocument(text);
    const edits: { migration: string; edit: MigrationEdit }[] = [];
    for (const migration of migrations.filter((candidate) => candidate.kind === kind)) {
      for (const edit of migration.edits(document, text)) edits.push({ migration: migration.id, edit });
    }
    if (edits.length === 0) continue;
    const rewritten = applyEdits(
      text,
      edits.map(({ edit }) => edit),
    );
    // A rewrite must leave a file that was valid valid: anything else is a bug in a migration.
    const wasValid = parseContent(kind, source.data, file).ok;
    const after = parseYamlSource(rewritten);
    if (after.errors.length > 0 || (wasValid && !parseContent(kind, after.data, file).ok)) {
      report.issues.push(
        createIssue(
          file,
          'migrate/unsafe',
          `migrating ${file} would break it, so nothing was changed; please report this with the file`,
          { line: 1, column: 1 },
        ),
      );
      continue;
    }
    for (const { migration, edit } of edits) {
      report.changes.push({ file, ...pointAt(text, edit.start), description: edit.description, migration });
    }
    planned.push({ file, text, rewritten });
  }
  report.changes.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
  if (report.issues.length > 0 || options.dryRun) return report;

  // Each file is written beside itself and renamed over it, so none is ever left half written.
  for (const { file, rewritten } of planned) {
    const path = join(dir, file);
    const temporary = `${path}.coursekit-migrate`;
    await writeFile(temporary, rewritten);
    await rename(temporary, path);
    report.written.push(file);
  }
  return report;
}
