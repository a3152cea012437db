import { formatIssue, type Issue } from '@coursekit/issues';
import { buildCourse, type LoadedCourse, loadCourse } from '@coursekit/mdx';
import type { Quiz } from '@coursekit/quiz-engine';
import { CourseFolderError } from './course-error';
import type { ReviewOptions } from './storage/types';

export { CourseFolderError, isCourseFolderError } from './course-error';

/** What the API and the teacher dashboard need to know about one lesson. */
export interface LessonOutline {
  id: string;
  title: string;
  order: number;
  quizId: string | undefined;
  /** Front matter `instructorNotes` (Markdown). */
  instructorNotes: string | undefined;
  /** The Markdown source inside each `:::instructor` block of the lesson body, in order. */
  instructorBlocks: string[];
}

export interface CourseOutline {
  id: string;
  title: string;
  /** In teaching order (course.yaml `lessons`). */
  lessons: LessonOutline[];
  /** Every quiz of the course by id, in secret form (answers included): keep them on the server. */
  quizzes: ReadonlyMap<string, Quiz>;
  /** Class-mode defaults from `course.yaml` `grading`: review options and quiz weights (absent: 1). */
  grading: { review: Partial<ReviewOptions>; weights: Readonly<Record<string, number>> };
  /** What `@coursekit/mdx` loaded, for compiling the teacher variant. */
  loaded: LoadedCourse;
}

function errorsOf(issues: readonly Issue[]): string[] {
  return issues.filter((issue) => issue.severity === 'error').map(formatIssue);
}

/**
 * The Markdown of every `:::instructor` container in an MDX body. A container closes at a fence of at least
 * as many colons as opened it, so nested directives written with fewer colons stay inside.
 */
export function instructorBlocksOf(body: string): string[] {
  const blocks: string[] = [];
  let open: { colons: number; lines: string[] } | undefined;
  for (const line of body.split(/\r?\n/)) {
    if (open) {
      const close = /^(:{3,})\s*$/.exec(line);
      if (close?.[1] && close[1].length >= open.colons) {
        blocks.push(open.lines.join('\n').trim());
        open = undefined;
      } else {
        open.lines.push(line);
      }
      continue;
    }
    const start = /^(:{3,})instructor(?:\[[^\]]*\])?(?:\{[^}]*\})?\s*$/.exec(line);
    if (start?.[1]) open = { colons: start[1].length, lines: [] };
  }
  return blocks.filter((block) => block.length > 0);
}

async function readCourse(dir: string): Promise<CourseOutline> {
  const loaded = await loadCourse(dir);
  const course = loaded.course;
  if (!loaded.ok || !course) throw new CourseFolderError(dir, errorsOf(loaded.issues));
  const lessons = loaded.lessons.flatMap((lesson): LessonOutline[] => {
    const front = lesson.frontmatter;
    if (!front || !course.lessons.includes(lesson.id)) return [];
    return [
      {
        id: lesson.id,
        title: front.title,
        order: front.order,
        quizId: front.quiz,
        instructorNotes: front.instructorNotes,
        instructorBlocks: instructorBlocksOf(lesson.body),
      },
    ];
  });
  return {
    id: course.id,
    title: course.title,
    lessons,
    quizzes: new Map(Object.entries(loaded.quizzes)),
    grading: { review: course.grading?.review ?? {}, weights: course.grading?.weights ?? {} },
    loaded,
  };
}

function cachedUnlessDevelopment<T>(load: (dir: string) => Promise<T>): (dir: string) => Promise<T> {
  const cache = new Map<string, Promise<T>>();
  return (dir) => {
    if (process.env.NODE_ENV === 'development') return load(dir);
    let value = cache.get(dir);
    if (!value) {
      value = load(dir);
      // A failed load is not kept: the next call tries again.
      value.catch(() => cache.delete(dir));
      cache.set(dir, value);
    }
    return value;
  };
}

const courseOutline = cachedUnlessDevelopment(readCourse);

/**
 * The course as `@coursekit/mdx` loads and checks it (`COURSE_DIR`, default `content/two-peripheries`
 * under the app's working directory): lessons in teaching order with their quiz and teacher notes, and
 * every quiz. A course with errors rejects with `CourseFolderError`. Loaded once per process (re-read on
 * every call under `next dev`).
 */
export function loadCourseOutline(dir: string): Promise<CourseOutline> {
  return courseOutline(dir);
}

const instructorCode = cachedUnlessDevelopment(async (dir: string) => {
  const built = await buildCourse((await courseOutline(dir)).loaded, { variant: 'teacher' });
  return new Map(
    built.lessons.flatMap((lesson) => (lesson.code.instructor ? [[lesson.id, lesson.code.instructor]] : [])),
  );
});

/**
 * Each lesson's teacher-only blocks compiled by `@coursekit/mdx` (code for `run()` from `@mdx-js/mdx`,
 * blocks wrapped in `<Instructor>`), by lesson id; lessons without such blocks are absent.
 */
export function loadInstructorCode(dir: string): Promise<ReadonlyMap<string, string>> {
  return instructorCode(dir);
}
