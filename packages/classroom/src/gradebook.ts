import { toSlug } from '@coursekit/issues';
import { stringify } from 'csv-stringify/sync';
import type { ClassDashboard } from './dashboard';

/** The score rule of every quiz column: the student's highest attempt counts (Moodle's "highest grade"). */
export const GRADEBOOK_SCORING_RULE = 'highest attempt';

const round2 = (value: number) => Math.round(value * 100) / 100;

/**
 * The gradebook as CSV: one row per student. Columns, named in the header row:
 *
 * - `Student key`: the student's id in class mode (stable; matches the API); `Identifier`: the school's
 *   identifier (blank when none was given); `Name`: their display name.
 * - per quiz, in lesson order: `<quiz>: best % (highest attempt, pass mark N)`, blank only when the student
 *   has not attempted it; `<quiz>: attempts used` (of the limit, when the quiz has one);
 *   `<quiz>: essays awaiting marking`.
 * - `Lessons completed`: completed lessons of the course's total, as `3 of 7`.
 * - `Essays awaiting marking`: over all quizzes; while it is above 0 the totals may still rise.
 * - `Course total % (weighted)`: the best percentages weighted as course.yaml `grading.weights` says
 *   (a quiz left out weighs 1), a quiz not attempted counting 0; blank when nothing was attempted.
 *
 * RFC 4180: CRLF line ends, fields with commas, quotes or line breaks quoted, quotes doubled. Cells starting
 * with = + - @ tab or CR get a leading `'` so that a spreadsheet shows them as text instead of running
 * them as formulas. A UTF-8 BOM lets Excel read accented names correctly.
 */
export function gradebookCsv(dashboard: ClassDashboard): string {
  const quizLessons = dashboard.lessons.filter((lesson) => lesson.quizId !== null);
  const header = [
    'Student key',
    'Identifier',
    'Name',
    ...quizLessons.flatMap((lesson) => {
      const name = lesson.quizTitle ?? lesson.title;
      const rule = `${GRADEBOOK_SCORING_RULE}${lesson.passMark !== null && lesson.passMark !== undefined ? `, pass mark ${lesson.passMark}` : ''}`;
      return [
        `${name}: best % (${rule})`,
        `${name}: attempts used${lesson.maxAttempts ? ` (of ${lesson.maxAttempts})` : ''}`,
        `${name}: essays awaiting marking`,
      ];
    }),
    'Lessons completed',
    'Essays awaiting marking',
    'Course total % (weighted)',
  ];
  const rows = dashboard.students.map((student) => {
    let weighted = 0;
    let weights = 0;
    let attempted = false;
    let pending = 0;
    const quizCells = quizLessons.flatMap((lesson) => {
      const cell = student.lessons[lesson.id];
      const best = cell?.bestPercentage ?? null;
      const weight = lesson.weight ?? 1;
      weights += weight;
      if (best !== null) {
        attempted = true;
        weighted += weight * best;
      }
      pending += cell?.pendingMarks ?? 0;
      return [
        best === null ? '' : String(best),
        String(cell?.attempts ?? 0),
        String(cell?.pendingMarks ?? 0),
      ];
    });
    const completed = dashboard.lessons.filter((lesson) => student.lessons[lesson.id]?.completed).length;
    return [
      student.id,
      student.identifier ?? '',
      student.displayName,
      ...quizCells,
      `${completed} of ${dashboard.lessons.length}`,
      String(pending),
      attempted && weights > 0 ? String(round2(weighted / weights)) : '',
    ];
  });
  return stringify([header, ...rows], {
    bom: true,
    record_delimiter: 'windows',
    escape_formulas: true,
    quoted_match: /[\r\n]/,
  });
}

/** A file name for the download: `gradebook-period-3-2025-11-26.csv`. */
export function gradebookFileName(className: string, now: Date): string {
  const slug = toSlug(className, { maxLength: 40 });
  return `gradebook-${slug || 'class'}-${now.toISOString().slice(0, 10)}.csv`;
}
