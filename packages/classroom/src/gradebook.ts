import { toSlug } from '@coursekit/issues';
import { stringify } from 'csv-stringify/sync';
import type { ClassDashboard } from './dashboard';

/**
 * The gradebook as CSV: one row per student, one column per quiz (in lesson order) holding the student's
 * best percentage, empty when they have not attempted it. RFC 4180: CRLF line ends, fields with commas,
 * quotes or line breaks quoted, quotes doubled. Cells starting with = + - @ tab or CR get a leading `'`
 * so that a spreadsheet shows them as text instead of running them as formulas. A UTF-8 BOM lets Excel
 * read accented names correctly.
 */
export function gradebookCsv(dashboard: ClassDashboard): string {
  const quizLessons = dashboard.lessons.filter((lesson) => lesson.quizId !== null);
  const header = ['Student', ...quizLessons.map((lesson) => `${lesson.title} (%)`)];
  const rows = dashboard.students.map((student) => [
    student.displayName,
    ...quizLessons.map((lesson) => {
      const best = student.lessons[lesson.id]?.bestPercentage;
      return best === null || best === undefined ? '' : String(best);
    }),
  ]);
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
