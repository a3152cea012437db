import type { CslItem } from '@coursekit/citations';
import type { Course, Glossary, LessonFrontmatter, Timeline } from '@coursekit/content-schema';
import type { Quiz } from '@coursekit/quiz-engine';
import type { CompileCache } from './compile-cache.js';
import { compileLesson, type LessonMeta } from './compile-lesson.js';
import { CourseContentError, type CourseIssue, hasErrors } from './issue.js';
import type { LessonVariant } from './lesson-variants.js';
import {
  type CourseReadingText,
  type LoadCourseOptions,
  type LoadedCourse,
  loadCourse,
} from './load-course.js';

export interface BuildCourseOptions {
  /** `student` leaves out everything teacher-only; `teacher` (default) keeps all of it. */
  variant?: LessonVariant | undefined;
  /** Code for `run()` from `@mdx-js/mdx` (`function-body`, default) or ES modules (`program`). */
  outputFormat?: 'function-body' | 'program' | undefined;
  /** Reuse compiled lessons that have not changed. Default: the cache the course was loaded with. */
  cache?: CompileCache | undefined;
  /** Called after each lesson is compiled, for progress output. */
  onLesson?: ((file: string, done: number, total: number) => void) | undefined;
}

/** Front matter as a student may see it: without `instructorNotes`. */
export type StudentFrontmatter = Omit<LessonFrontmatter, 'instructorNotes'>;

export interface BuiltLessonCode {
  /** The page a student sees. */
  student: string;
  /** The page a teacher sees (teacher variant only). */
  teacher?: string;
  /** The teacher-only blocks alone, null when there are none (teacher variant only). */
  instructor?: string | null;
}

export interface BuiltLesson {
  id: string;
  /** Path relative to the course folder. */
  file: string;
  frontmatter: StudentFrontmatter;
  /** `instructorNotes` from the front matter (teacher variant only). */
  instructorNotes?: string;
  meta: LessonMeta;
  code: BuiltLessonCode;
}

/** A whole course, compiled: what an app needs at build time. */
export interface BuiltCourse {
  variant: LessonVariant;
  outputFormat: 'function-body' | 'program';
  course: Course;
  /** In teaching order. */
  lessons: BuiltLesson[];
  /** Quizzes by id in their secret form (answers included): grade on the server, send `toPublicQuiz`. */
  quizzes: Record<string, Quiz>;
  references: CslItem[];
  glossary: Glossary | undefined;
  timeline: Timeline | undefined;
  reading: CourseReadingText | undefined;
}

function forStudents(meta: LessonMeta): LessonMeta {
  return {
    ...meta,
    citations: meta.citations.filter((use) => !use.teacherOnly),
    terms: meta.terms.filter((use) => !use.teacherOnly),
    // Deliberately the student's list for both: a student build carries no reference cited only in
    // teacher-only blocks, whichever list an app reads.
    bibliography: { student: meta.bibliography.student, teacher: meta.bibliography.student },
  };
}

/**
 * Compile every lesson of a loaded course, against the same glossary, quizzes and references it was
 * checked with. Throws `CourseContentError` listing every problem, and returns nothing, when the course or
 * any lesson has errors: a course is built whole or not at all.
 */
export async function buildCourse(
  loaded: LoadedCourse,
  options: BuildCourseOptions = {},
): Promise<BuiltCourse> {
  if (!loaded.ok || !loaded.course) {
    throw new CourseContentError(loaded.issues, `${loaded.dir} has errors; nothing was built`);
  }
  const variant = options.variant ?? 'teacher';
  const outputFormat = options.outputFormat ?? 'function-body';
  const lessons: BuiltLesson[] = [];
  const problems: CourseIssue[] = [];
  for (const [index, lesson] of loaded.lessons.entries()) {
    try {
      const compiled = await compileLesson(lesson.source, {
        ...loaded.context,
        path: lesson.file,
        outputFormat,
        cache: options.cache ?? loaded.cache,
      });
      const frontmatter = compiled.frontmatter ?? lesson.frontmatter;
      if (!frontmatter) continue;
      const { instructorNotes, ...studentFrontmatter } = frontmatter;
      lessons.push({
        id: lesson.id,
        file: lesson.file,
        frontmatter: studentFrontmatter,
        ...(variant === 'teacher' && instructorNotes !== undefined ? { instructorNotes } : {}),
        meta: variant === 'student' ? forStudents(compiled.meta) : compiled.meta,
        code:
          variant === 'student'
            ? { student: compiled.code.student }
            : {
                student: compiled.code.student,
                teacher: compiled.code.teacher,
                instructor: compiled.code.instructor,
              },
      });
    } catch (error) {
      if (!(error instanceof CourseContentError)) throw error;
      problems.push(...error.issues);
    }
    options.onLesson?.(lesson.file, index + 1, loaded.lessons.length);
  }
  if (hasErrors(problems))
    throw new CourseContentError(problems, `${loaded.dir} has errors; nothing was built`);
  return {
    variant,
    outputFormat,
    course: loaded.course,
    lessons,
    quizzes: loaded.quizzes,
    references: loaded.references,
    glossary: loaded.glossary,
    timeline: loaded.timeline,
    reading: loaded.reading,
  };
}

/** `loadCourse` then `buildCourse`: a course folder to compiled lessons, or `CourseContentError`. */
export async function compileCourse(
  dir: string,
  options: LoadCourseOptions & BuildCourseOptions = {},
): Promise<BuiltCourse> {
  const loaded = await loadCourse(dir, { cache: options.cache, components: options.components });
  return buildCourse(loaded, options);
}
