import { hasErrors } from '@coursekit/issues';
import type { Bundle, ValidationResult } from './bundle.js';
import { checkCitations } from './check-citations.js';
import { checkCourseLevel } from './check-course-level.js';
import { checkGlossary } from './check-glossary.js';
import { checkLessons } from './check-lessons.js';
import { checkObjectives } from './check-objectives.js';
import { checkOutcomes } from './check-outcomes.js';
import { checkPrerequisites } from './check-prerequisites.js';
import { checkQuizzes } from './check-quizzes.js';
import { checkTimeline } from './check-timeline.js';
import { buildCourseIndex } from './course-index.js';

/**
 * Check the references between the files of a course (each already checked against its schema) and
 * return every issue found, never only the first: lessons listed and present exactly once, prerequisites
 * without loops, key terms, outcomes, quizzes, objectives and citation keys that exist, objectives that
 * start with an observable verb, real timeline dates in lanes and groups the course defines, and no id
 * used twice.
 */
export function validateCourse(bundle: Bundle): ValidationResult {
  const index = buildCourseIndex(bundle);
  const found = [
    ...checkCourseLevel(bundle),
    ...checkLessons(bundle, index),
    ...checkObjectives(bundle),
    ...checkPrerequisites(bundle, index),
    ...checkOutcomes(bundle),
    ...checkGlossary(bundle),
    ...checkTimeline(bundle),
    ...checkCitations(bundle),
    ...checkQuizzes(bundle),
  ];
  // Grouped by file (stable, so each file keeps the order its checks found things in).
  const order = new Map<string, number>();
  for (const file of [bundle.course.file, ...bundle.lessons.map((lesson) => lesson.file)]) {
    if (!order.has(file)) order.set(file, order.size);
  }
  const rank = (file: string) => order.get(file) ?? order.size;
  const issues = found
    .map((issue, position) => ({ issue, position }))
    .sort(
      (a, b) =>
        rank(a.issue.file) - rank(b.issue.file) ||
        a.issue.file.localeCompare(b.issue.file) ||
        a.position - b.position,
    )
    .map(({ issue }) => issue);
  return { ok: !hasErrors(issues), issues };
}
