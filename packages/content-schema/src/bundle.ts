import type { Issue } from '@coursekit/issues';
import type { Course } from './course-schema.js';
import type { Glossary } from './glossary-schema.js';
import type { LessonFrontmatter } from './lesson-frontmatter-schema.js';
import type { QuizSummary } from './quiz-summary.js';
import type { Timeline } from './timeline-schema.js';

/** One loaded file: its path relative to the course folder (as it should be printed) and its checked data. */
export interface BundleFile<T> {
  file: string;
  data: T;
}

/**
 * Every file of a course, already parsed and checked against its schema. Leave out a part whose file
 * could not be loaded: the checks that need it are skipped, so one broken file does not cause a flood of
 * follow-on issues.
 */
export interface Bundle {
  course: BundleFile<Course>;
  lessons: readonly BundleFile<LessonFrontmatter>[];
  glossary?: BundleFile<Glossary> | undefined;
  timeline?: BundleFile<Timeline> | undefined;
  quizzes?: readonly QuizSummary[] | undefined;
  /** Keys of the entries in the course bibliography. */
  referenceKeys?: Iterable<string> | undefined;
  /**
   * Ids of lessons whose files exist but could not be checked (their own problems are reported already):
   * a reference to one is not reported as a missing lesson.
   */
  brokenLessonIds?: Iterable<string> | undefined;
  /** Ids of quizzes whose files exist but could not be checked: a reference to one is not an unknown quiz. */
  brokenQuizIds?: Iterable<string> | undefined;
  /** Quiz ids that lesson bodies embed (`<Quiz id="…" />`): such a quiz is used. */
  embeddedQuizIds?: Iterable<string> | undefined;
}

export interface ValidationResult {
  /** `true` when no issue is an error (warnings alone leave a course valid). */
  ok: boolean;
  /** Every issue found, grouped by file. */
  issues: Issue[];
}
