import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { courseSchema, lessonFrontmatterSchema } from '@coursekit/content-schema';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { courseDirectory } from './config';

/** What the teacher dashboard needs to know about one lesson. */
export interface LessonOutline {
  id: string;
  title: string;
  order: number;
  quizId: string | undefined;
  /** Front matter `instructorNotes` (Markdown). */
  instructorNotes: string | undefined;
  /** The Markdown inside each `:::instructor` block of the lesson body, in order. */
  instructorBlocks: string[];
}

export interface CourseOutline {
  id: string;
  title: string;
  /** In teaching order (course.yaml `lessons`). */
  lessons: LessonOutline[];
}

/** The course folder cannot be read as a course; `problems` says which file and what. */
export class CourseFolderError extends Error {
  readonly problems: string[];
  constructor(dir: string, problems: string[]) {
    super(
      `The course folder ${dir} has problems:\n  ${problems.join('\n  ')}\nRun \`coursekit check ${dir}\`.`,
    );
    this.name = 'CourseFolderError';
    this.problems = problems;
  }
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;

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

function describeIssues(file: string, error: z.ZodError): string[] {
  return error.issues.map((issue) => `${file}: ${issue.path.join('.') || '(top)'}: ${issue.message}`);
}

async function readCourseOutline(dir: string): Promise<CourseOutline> {
  const problems: string[] = [];
  let courseData: unknown;
  try {
    courseData = parseYaml(await readFile(join(dir, 'course.yaml'), 'utf8'));
  } catch (error) {
    throw new CourseFolderError(dir, [`course.yaml: ${(error as Error).message}`]);
  }
  const course = courseSchema.safeParse(courseData);
  if (!course.success) throw new CourseFolderError(dir, describeIssues('course.yaml', course.error));

  const files = (await readdir(join(dir, 'lessons')).catch(() => [] as string[]))
    .filter((name) => name.endsWith('.mdx'))
    .sort();
  const lessons = new Map<string, LessonOutline>();
  for (const name of files) {
    const file = `lessons/${name}`;
    const source = await readFile(join(dir, file), 'utf8');
    const match = FRONT_MATTER.exec(source);
    if (!match) {
      problems.push(`${file}: no YAML front matter between --- lines at the top`);
      continue;
    }
    let data: unknown;
    try {
      data = parseYaml(match[1] ?? '');
    } catch (error) {
      problems.push(`${file}: ${(error as Error).message}`);
      continue;
    }
    const front = lessonFrontmatterSchema.safeParse(data);
    if (!front.success) {
      problems.push(...describeIssues(file, front.error));
      continue;
    }
    lessons.set(front.data.id, {
      id: front.data.id,
      title: front.data.title,
      order: front.data.order,
      quizId: front.data.quiz,
      instructorNotes: front.data.instructorNotes,
      instructorBlocks: instructorBlocksOf(source.slice(match[0].length)),
    });
  }
  const ordered: LessonOutline[] = [];
  for (const id of course.data.lessons) {
    const lesson = lessons.get(id);
    if (lesson) ordered.push(lesson);
    else problems.push(`course.yaml: lessons lists '${id}', but no lessons/NN-${id}.mdx has that id`);
  }
  if (problems.length > 0) throw new CourseFolderError(dir, problems);
  return { id: course.data.id, title: course.data.title, lessons: ordered };
}

const cache = new Map<string, Promise<CourseOutline>>();

/**
 * The course's lessons (ids, titles, quiz ids, teacher notes) from `course.yaml` and the lesson front
 * matter. Read once per process in production; re-read on every call in development.
 */
export function loadCourseOutline(dir: string = courseDirectory()): Promise<CourseOutline> {
  if (process.env.NODE_ENV !== 'production') return readCourseOutline(dir);
  let outline = cache.get(dir);
  if (!outline) {
    outline = readCourseOutline(dir);
    outline.catch(() => cache.delete(dir));
    cache.set(dir, outline);
  }
  return outline;
}
