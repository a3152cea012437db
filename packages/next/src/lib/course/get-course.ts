import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createCiteProcessor } from '@coursekit/citations';
import {
  type BuiltCourse,
  type BuiltLesson,
  buildCourse,
  type CitationRenderer,
  CourseContentError,
  type CourseIssue,
  formatIssue,
  loadCourse,
} from '@coursekit/mdx';
import { courseDir, courseIdentity } from '../server/course-identity.js';
import { builtInStyleLabel, type CourseStyle } from './bibliography-styles.js';

/** The course as the student pages use it: compiled lessons (student variant) and what renders text. */
export interface CourseData extends BuiltCourse {
  /** The course's references in its citation style, for citations in YAML text (key points, glossary). */
  citations: CitationRenderer;
  lessonById: ReadonlyMap<string, BuiltLesson>;
  /** The style the lessons cite in: the course's `citationStyleFile` when it has one, else `citationStyle`. */
  style: CourseStyle;
}

/** The course's own style: its CSL file (XML and the title the file gives itself), else the built-in name. */
async function courseStyleOf(dir: string, course: BuiltCourse['course']): Promise<CourseStyle> {
  if (!course.citationStyleFile) {
    return {
      id: course.citationStyle,
      label: builtInStyleLabel(course.citationStyle),
      style: course.citationStyle,
    };
  }
  // loadCourse has read and checked this file already (a course with a broken style does not get here).
  const xml = await readFile(join(dir, course.citationStyleFile), 'utf8');
  const { title } = createCiteProcessor({ items: [], style: xml }).style;
  return { id: 'course', label: title || course.citationStyleFile, style: xml };
}

/** The study pages the course has content for: each page, its nav link and its home-page entry exist only then. */
export function courseSections(course: CourseData): {
  reading: boolean;
  glossary: boolean;
  timeline: boolean;
  bibliography: boolean;
} {
  return {
    reading: course.reading !== undefined,
    glossary: (course.glossary?.terms.length ?? 0) > 0,
    timeline: (course.timeline?.events.length ?? 0) > 0,
    bibliography: course.references.length > 0,
  };
}

/** The course cannot be built; `issues` holds every problem, each with its file, line and column. */
export class CourseBuildError extends Error {
  readonly issues: CourseIssue[];

  constructor(dir: string, issues: readonly CourseIssue[]) {
    const errors = issues.filter((issue) => issue.severity === 'error');
    super(
      `The course in ${dir} has ${errors.length} error${errors.length === 1 ? '' : 's'}; no page is served ` +
        `until they are fixed (run \`coursekit check ${dir}\`):\n  ${errors.map(formatIssue).join('\n  ')}`,
    );
    this.name = 'CourseBuildError';
    this.issues = [...issues];
  }
}

// Where the course is read from is also what the build records (lib/server/course-identity.ts).
export { courseDir };

/**
 * Loads, checks and compiles the whole course. Any error in any file rejects with `CourseBuildError`
 * listing them all, so `next build` fails rather than publishing a half-built course.
 */
export async function loadCourseData(dir: string): Promise<CourseData> {
  const loaded = await loadCourse(dir);
  const citations = loaded.context.citations;
  if (!loaded.ok || !citations) throw new CourseBuildError(dir, loaded.issues);
  let built: BuiltCourse;
  try {
    built = await buildCourse(loaded, { variant: 'student' });
  } catch (error) {
    if (error instanceof CourseContentError) throw new CourseBuildError(dir, error.issues);
    throw error;
  }
  return {
    ...built,
    citations,
    lessonById: new Map(built.lessons.map((lesson) => [lesson.id, lesson])),
    style: await courseStyleOf(dir, built.course),
  };
}

let cached: { key: string; course: Promise<CourseData> } | undefined;
let reported: string | undefined;

/**
 * The course, loaded once per server process. In development (`next dev`) it is loaded again whenever a file of
 * its folder has changed (the folder's content hash), so that an edit shows on the next reload without a
 * restart; a course error is printed once in the terminal, with every problem at its file:line:col.
 */
export function getCourse(): Promise<CourseData> {
  const dir = courseDir();
  const development = process.env.NODE_ENV === 'development';
  const key = development ? `${dir}\0${courseIdentity(dir).hash}` : dir;
  if (cached?.key !== key) {
    const course = loadCourseData(dir);
    course.then(
      () => {
        reported = undefined;
      },
      (error: unknown) => {
        // A failed load is not kept: the next request tries again (and fails loudly again).
        if (cached?.course === course) cached = undefined;
        if (development && error instanceof CourseBuildError && reported !== error.message) {
          reported = error.message;
          console.error(`\ncoursekit: ${error.message}\n`);
        }
      },
    );
    cached = { key, course };
  }
  return cached.course;
}
