import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isSlug } from '@coursekit/issues';
import { isSeq, parseDocument, stringify } from 'yaml';
import { extractFrontMatter } from './front-matter.js';
import { lessonFileName } from './lesson-files.js';

/** A lesson cannot be scaffolded (bad slug, no course here, lesson exists); nothing was written. */
export class ScaffoldError extends Error {
  override readonly name = 'ScaffoldError';
}

export interface ScaffoldLessonOptions {
  /** The course folder (with `course.yaml`). */
  courseDir: string;
  /** The lesson id, a slug such as `evaporation`. */
  slug: string;
  /** Default: the slug in words (`water-vapour` -> `Water vapour`). */
  title?: string | undefined;
}

export interface ScaffoldedLesson {
  /** Path of the new lesson, relative to the course folder. */
  file: string;
  /** The new lesson's text. */
  source: string;
  /** True when the id was added to `lessons` in `course.yaml`. */
  addedToCourse: boolean;
}

function titleFromSlug(slug: string): string {
  const words = slug.replaceAll('-', ' ');
  return `${words[0]?.toUpperCase() ?? ''}${words.slice(1)}`;
}

/** The order after the highest one used by the existing lessons (by front matter or file number). */
async function nextOrder(lessonsDir: string, files: readonly string[]): Promise<number> {
  let highest = 0;
  for (const name of files) {
    const numbered = lessonFileName.exec(name);
    if (numbered) highest = Math.max(highest, Number(numbered[1]));
    const found = extractFrontMatter(await readFile(join(lessonsDir, name), 'utf8'));
    const order = found.ok ? /^order:\s*(\d+)\s*$/m.exec(found.frontMatter.yaml) : null;
    if (order) highest = Math.max(highest, Number(order[1]));
  }
  return highest + 1;
}

function lessonSource(slug: string, title: string, order: number, outcome: string): string {
  const frontMatter = {
    id: slug,
    title,
    summary: 'One or two sentences on what this lesson is about.',
    order,
    duration: 50,
    objectives: [{ id: `explain-${slug}`, text: `Explain ${title.toLowerCase()}.` }],
    framingQuestions: ['What question does this lesson answer?'],
    keyPoints: ['The main point a learner takes away.'],
    prerequisites: [],
    keyTerms: [],
    outcomes: [outcome],
  };
  return `---
${stringify(frontMatter).trimEnd()}
---

## ${title.replace(/[\\`*_{}[\]<>#]/g, '\\$&')}

Write the lesson here. Cite sources as \`[@key, para. 1]\`, link glossary terms as \`[[term-id]]\`,
and embed a quiz with \`<Quiz id="quiz-id" />\`.

:::instructor
Teacher-only notes: timings, answer guidance. Students never see this block.
:::
`;
}

/**
 * Create `lessons/NN-slug.mdx` with valid front matter (the next order, the course's first outcome) and
 * list the lesson in `course.yaml`. Throws `ScaffoldError` and writes nothing when it cannot.
 */
export async function scaffoldLesson(options: ScaffoldLessonOptions): Promise<ScaffoldedLesson> {
  const { courseDir, slug } = options;
  if (!isSlug(slug)) {
    throw new ScaffoldError(
      `'${slug}' is not a lesson id; use lower-case letters, digits and single hyphens, such as 'water-vapour'`,
    );
  }
  const coursePath = join(courseDir, 'course.yaml');
  let courseText: string;
  try {
    courseText = await readFile(coursePath, 'utf8');
  } catch {
    throw new ScaffoldError(
      `no course.yaml in ${courseDir}; run this in a course folder or pass --dir <course>`,
    );
  }
  const course = parseDocument(courseText);
  if (course.errors.length > 0) {
    throw new ScaffoldError(
      `course.yaml cannot be read (${course.errors[0]?.message.split('\n')[0]}); fix it first`,
    );
  }
  const outcome = course.getIn(['outcomes', 0, 'id']);
  if (typeof outcome !== 'string') {
    throw new ScaffoldError('course.yaml has no outcomes; add one (id and text) so the lesson can serve it');
  }

  const lessonsDir = join(courseDir, 'lessons');
  let files: string[] = [];
  try {
    files = (await readdir(lessonsDir)).filter((name) => name.endsWith('.mdx'));
  } catch {
    // No lessons yet: the first one creates the folder.
  }
  const existing = files.find((name) => lessonFileName.exec(name)?.[2] === slug);
  if (existing) throw new ScaffoldError(`lessons/${existing} already has the id '${slug}'; choose another`);

  const order = await nextOrder(lessonsDir, files);
  const title = options.title?.trim() || titleFromSlug(slug);
  const file = `lessons/${String(order).padStart(2, '0')}-${slug}.mdx`;
  const source = lessonSource(slug, title, order, outcome);

  const lessons = course.get('lessons');
  const listed = isSeq(lessons) && lessons.items.some((item) => String(item) === slug);
  const addedToCourse = !listed;
  if (addedToCourse) {
    if (isSeq(lessons)) lessons.add(slug);
    else course.set('lessons', [slug]);
  }

  await mkdir(lessonsDir, { recursive: true });
  await writeFile(join(courseDir, file), source, { flag: 'wx' });
  if (addedToCourse) await writeFile(coursePath, course.toString());
  return { file, source, addedToCourse };
}
