import type { CslItem } from '@coursekit/citations';
import { CitationsError, CslStyleError } from '@coursekit/citations';
import {
  type Bundle,
  type Course,
  cslStylePathSchema,
  type Glossary,
  type LessonFrontmatter,
  parseContent,
  summariseQuiz,
  type Timeline,
  validateCourse,
} from '@coursekit/content-schema';
import { createIssue, hasErrors, type Issue, sortIssues } from '@coursekit/issues';
import type { Quiz } from '@coursekit/quiz-engine';
import { type CitationRenderer, createCitationRenderer } from './citation-renderer.js';
import { type CompileCache, createCompileCache } from './compile-cache.js';
import { analyzeLesson, type LessonContext, type LessonMeta } from './compile-lesson.js';
import { fileIssue, listCourseFolder, type ReadResult, readCourseFile } from './course-files.js';
import { extractFrontMatter } from './front-matter.js';
import { lessonIdFromFileName } from './lesson-files.js';
import { loadQuizzes } from './load-quizzes.js';
import { loadReferences } from './load-references.js';
import { unknownCitationKeysIn } from './text-citations.js';
import { parseYamlSource, type SourcePoint, type YamlSource } from './yaml-source.js';

export interface LoadCourseOptions {
  /** Reuse the results of unchanged lessons (see `createCompileCache`). */
  cache?: CompileCache | undefined;
  /** Components the app provides beyond coursekit's own, which lessons may use. */
  components?: readonly string[] | undefined;
  /** Called after each lesson is checked, for progress output. */
  onLesson?: ((file: string, done: number, total: number) => void) | undefined;
}

export interface LoadedLesson {
  /** The lesson id (front matter `id`, or the file name's slug when the front matter is broken). */
  id: string;
  /** Path relative to the course folder: `lessons/01-evaporation.mdx`. */
  file: string;
  /** Checked front matter with defaults applied; undefined when it has errors. */
  frontmatter: LessonFrontmatter | undefined;
  /** The whole file. */
  source: string;
  /** The MDX after the front matter. */
  body: string;
  /** What the lesson contains; undefined when its MDX could not be parsed. */
  meta: LessonMeta | undefined;
}

/** The course's primary source, shown with numbered paragraphs. */
export interface CourseReadingText {
  file: string;
  /** Citation key of the source. */
  cite: string;
  /** Paragraphs in order; paragraph N is `paragraphs[N - 1]`. */
  paragraphs: string[];
}

export interface LoadedCourse {
  /** The course folder as given. */
  dir: string;
  /** `course.yaml`, checked; undefined when it is missing or has errors. */
  course: Course | undefined;
  /** Lessons in the order of `course.yaml`, then any it does not list, by file name. */
  lessons: LoadedLesson[];
  /** Parsed quizzes by id (secret form: answers included; see `toPublicQuiz`). */
  quizzes: Record<string, Quiz>;
  /** The bibliography as CSL items (empty when it could not be read). */
  references: CslItem[];
  glossary: Glossary | undefined;
  timeline: Timeline | undefined;
  reading: CourseReadingText | undefined;
  /** Every problem in the course, by file, line and column. */
  issues: Issue[];
  /** True when no issue is an error. */
  ok: boolean;
  /** What the lessons were checked against; `buildCourse` compiles them against the same. */
  context: LessonContext;
  /** The cache the lessons were checked with (the caller's, or one for this load); `buildCourse` reuses it. */
  cache: CompileCache;
}

/** Lesson files read at once ahead of the one being checked (a few, to keep open files few). */
const lessonsReadAhead = 8;

const defaultFiles = { bibliography: 'references.bib', glossary: 'glossary.yaml', timeline: 'timeline.yaml' };

interface YamlFile<T> {
  file: string;
  data: T | undefined;
  source: YamlSource | undefined;
}

/** Read a YAML file and check it against a content-schema kind, placing every issue in the file. */
async function loadYamlFile<K extends 'course' | 'glossary' | 'timeline'>(
  dir: string,
  file: string,
  kind: K,
  issues: Issue[],
  missing: { message: string; at?: { file: string; place: SourcePoint } | undefined },
) {
  const read = await readCourseFile(dir, file);
  if (!read.ok) {
    const at = missing.at ?? { file, place: { line: 1, column: 1 } };
    issues.push(
      fileIssue(
        at.file,
        read.missing ? missing.message : `${file} cannot be read: ${read.reason}`,
        'file/missing',
        at.place,
      ),
    );
    return { file, data: undefined, source: undefined };
  }
  const source = parseYamlSource(read.text);
  for (const error of source.errors)
    issues.push(fileIssue(file, `not valid YAML: ${error.message}`, 'yaml/syntax', error));
  if (source.errors.length > 0) return { file, data: undefined, source };
  const checked = parseContent(kind, source.data, file);
  if (!checked.ok) {
    issues.push(...checked.issues.map((issue) => source.place(issue)));
    return { file, data: undefined, source };
  }
  return { file, data: checked.data, source };
}

function paragraphsOf(text: string): string[] {
  return text
    .split(/\r?\n[ \t]*\r?\n/)
    .map((paragraph) => paragraph.trim().replace(/\s*\r?\n\s*/g, ' '))
    .filter((paragraph) => paragraph.length > 0);
}

/** Where course.yaml writes a field (for "file missing" issues), or the file's start. */
function placeInCourse(
  course: YamlFile<Course>,
  pointer: string,
): { file: string; place: SourcePoint } | undefined {
  if (!course.source) return undefined;
  const placed = course.source.place(createIssue(course.file, 'file/missing', '', { pointer }));
  return { file: course.file, place: { line: placed.line ?? 1, column: placed.column ?? 1 } };
}

/**
 * The course's citation style: the XML of its `citationStyleFile` in the course folder when it names one,
 * else the built-in `citationStyle` name (`undefined` for the default; a file that cannot be read is
 * reported, and the built-in style stands in so the lessons are still checked).
 */
async function loadCitationStyle(
  dir: string,
  course: YamlFile<Course>,
  issues: Issue[],
): Promise<{ xml: string; file?: string } | undefined> {
  const rawCourse = course.source?.data;
  const builtIn = course.data?.citationStyle ?? stringField(rawCourse, 'citationStyle');
  const fallback = builtIn === undefined ? undefined : { xml: builtIn };
  const file = course.data ? course.data.citationStyleFile : stringField(rawCourse, 'citationStyleFile');
  // Only a path the schema accepts is read, so a broken course.yaml cannot point outside the folder.
  if (file === undefined || !cslStylePathSchema.safeParse(file).success) return fallback;
  const read = await readCourseFile(dir, file);
  if (read.ok) return { xml: read.text, file };
  const at = placeInCourse(course, '/citationStyleFile') ?? {
    file: course.file,
    place: { line: 1, column: 1 },
  };
  issues.push(
    fileIssue(
      at.file,
      read.missing
        ? `citation style file ${file} not found; put the .csl file there (relative to course.yaml), or remove citationStyleFile to use citationStyle (${builtIn ?? 'chicago-author-date'})`
        : `citation style file ${file} cannot be read: ${read.reason}`,
      'course/citation-style',
      at.place,
    ),
  );
  return fallback;
}

function stringField(data: unknown, key: string): string | undefined {
  const value = (data as Record<string, unknown> | undefined)?.[key];
  return typeof value === 'string' ? value : undefined;
}

/**
 * Load a course folder and check everything in it: `course.yaml`, every lesson (front matter, MDX syntax,
 * citations, glossary terms, quiz embeds, directives), quizzes, the bibliography, glossary and timeline,
 * and the references between them (`validateCourse`). Never throws for bad content: every problem is in
 * `issues`, with its file, line and column.
 */
export async function loadCourse(dir: string, options: LoadCourseOptions = {}): Promise<LoadedCourse> {
  const issues: Issue[] = [];
  // Without a cache of the caller's, one for this load lets `buildCourse` reuse the lessons checked here.
  const cache = options.cache ?? createCompileCache();
  const course = await loadYamlFile(dir, 'course.yaml', 'course', issues, {
    message: `no course.yaml in ${dir}; every course folder starts with one (see docs/course-format.md of @coursekit/mdx)`,
  });
  const courseData = course.data;
  const rawCourse = course.source?.data;
  const pathOf = (key: keyof typeof defaultFiles) =>
    courseData?.[key] ?? stringField(rawCourse, key) ?? defaultFiles[key];

  const glossary = await loadYamlFile(dir, pathOf('glossary'), 'glossary', issues, {
    message: `glossary ${pathOf('glossary')} not found; create it or fix the glossary path in course.yaml`,
    at: placeInCourse(course, '/glossary'),
  });
  const timeline = await loadYamlFile(dir, pathOf('timeline'), 'timeline', issues, {
    message: `timeline ${pathOf('timeline')} not found; create it or fix the timeline path in course.yaml`,
    at: placeInCourse(course, '/timeline'),
  });
  const references = await loadReferences(
    dir,
    pathOf('bibliography'),
    placeInCourse(course, '/bibliography'),
  );
  issues.push(...references.issues);

  let citations: CitationRenderer | undefined;
  if (references.items) {
    const style = await loadCitationStyle(dir, course, issues);
    try {
      citations = createCitationRenderer({ items: references.items, style: style?.xml, cache });
    } catch (error) {
      if (!(error instanceof CitationsError)) throw error;
      if (style?.file && error instanceof CslStyleError) {
        issues.push(
          fileIssue(
            style.file,
            `${error.message}; fix the style, or use an independent style from the CSL styles repository`,
            'course/citation-style',
            { line: error.line ?? 1, column: 1 },
          ),
        );
      } else {
        const at = placeInCourse(course, '/citationStyle') ?? {
          file: course.file,
          place: { line: 1, column: 1 },
        };
        issues.push(fileIssue(at.file, error.message, error.ruleId, at.place));
      }
    }
  }
  if (citations) {
    for (const loaded of [glossary, timeline]) {
      if (!loaded.source || loaded.source.data === undefined) continue;
      const source = loaded.source;
      issues.push(
        ...unknownCitationKeysIn(source.data, loaded.file, citations).map(({ issue, text }) =>
          source.place(issue, text),
        ),
      );
    }
  }
  const quizzes = await loadQuizzes(dir, citations);
  issues.push(...quizzes.issues);

  const context: LessonContext = {
    glossary: glossary.data?.terms,
    quizIds: quizzes.quizzes.map((quiz) => quiz.id).concat([...quizzes.brokenIds]),
    citations,
    language: courseData?.language ?? stringField(rawCourse, 'language'),
    components: options.components,
  };

  const lessons = await loadLessons(dir, context, issues, { ...options, cache });
  const reading = await loadReading(dir, course, issues);

  if (courseData) {
    const lessonFiles = lessons.filter((lesson) => lesson.frontmatter);
    const bundle: Bundle = {
      course: { file: course.file, data: courseData },
      lessons: lessonFiles.map((lesson) => ({
        file: lesson.file,
        data: lesson.frontmatter as LessonFrontmatter,
      })),
      glossary: glossary.data ? { file: glossary.file, data: glossary.data } : undefined,
      timeline: timeline.data ? { file: timeline.file, data: timeline.data } : undefined,
      quizzes: quizzes.quizzes.map((quiz) => summariseQuiz(quiz.file, quiz.quiz)),
      referenceKeys: references.items?.map((item) => item.id),
      // Files that exist but could not be checked are reported already; nothing follows from them.
      brokenLessonIds: lessons.filter((lesson) => !lesson.frontmatter).map((lesson) => lesson.id),
      brokenQuizIds: quizzes.brokenIds,
      embeddedQuizIds: lessons.flatMap((lesson) => lesson.meta?.quizzes ?? []),
    };
    const sources = new Map<string, YamlSource | undefined>([
      [course.file, course.source],
      [glossary.file, glossary.source],
      [timeline.file, timeline.source],
      ...quizzes.quizzes.map((quiz) => [quiz.file, quiz.source] as const),
    ]);
    for (const issue of validateCourse(bundle).issues) issues.push(placeIssue(issue, sources, lessons));
  }

  const sorted = sortIssues(issues);
  return {
    dir,
    course: courseData,
    lessons: orderLessons(lessons, courseData),
    quizzes: Object.fromEntries(quizzes.quizzes.map((quiz) => [quiz.id, quiz.quiz])),
    references: references.items ?? [],
    glossary: glossary.data,
    timeline: timeline.data,
    reading,
    issues: sorted,
    ok: !hasErrors(sorted),
    context,
    cache,
  };
}

/** Place a `validateCourse` issue: in YAML files by its pointer, in lessons inside their front matter. */
function placeIssue(
  issue: Issue,
  sources: Map<string, YamlSource | undefined>,
  lessons: readonly LoadedLesson[],
): Issue {
  const known = sources.get(issue.file);
  if (known) return known.place(issue);
  const lesson = lessons.find((candidate) => candidate.file === issue.file);
  if (lesson) {
    const found = extractFrontMatter(lesson.source);
    if (found.ok) {
      return parseYamlSource(found.frontMatter.yaml, { firstLine: found.frontMatter.firstLine }).place(issue);
    }
  }
  return { ...issue, line: 1, column: 1 };
}

async function loadLessons(
  dir: string,
  context: LessonContext,
  issues: Issue[],
  options: LoadCourseOptions,
): Promise<LoadedLesson[]> {
  const names = await listCourseFolder(dir, 'lessons');
  if (!names) {
    issues.push(
      fileIssue('lessons', 'no lessons/ folder; lessons are lessons/NN-id.mdx files', 'file/missing'),
    );
    return [];
  }
  const files = names.filter((name) => name.endsWith('.mdx'));
  for (const name of names) {
    if (name.endsWith('.mdx') || name.startsWith('.')) continue;
    issues.push(
      fileIssue(
        `lessons/${name}`,
        `only .mdx files are lessons; '${name}' is not read`,
        'lesson/not-mdx',
        undefined,
        'warning',
      ),
    );
  }
  const lessons: LoadedLesson[] = [];
  // Reading ahead while lessons are checked: a read waits on the disk and the thread pool, a check does not.
  const reads = files.map(() => undefined as Promise<ReadResult> | undefined);
  const readAt = (index: number) => {
    const name = files[index];
    if (name !== undefined) reads[index] ??= readCourseFile(dir, `lessons/${name}`);
    return reads[index];
  };
  for (const [index, name] of files.entries()) {
    const file = `lessons/${name}`;
    for (let ahead = index; ahead < index + lessonsReadAhead; ahead++) readAt(ahead);
    const read = (await readAt(index)) as ReadResult;
    reads[index] = undefined;
    if (!read.ok) {
      issues.push(fileIssue(file, `cannot be read: ${read.reason}`, 'file/unreadable'));
      continue;
    }
    const analyzed = await analyzeLesson(read.text, { ...context, path: file, cache: options.cache });
    issues.push(...analyzed.issues);
    lessons.push({
      id: analyzed.frontmatter?.id ?? lessonIdFromFileName(name) ?? name.replace(/\.mdx$/, ''),
      file,
      frontmatter: analyzed.frontmatter,
      source: read.text,
      body: analyzed.body,
      meta: analyzed.meta,
    });
    options.onLesson?.(file, index + 1, files.length);
  }
  return lessons;
}

async function loadReading(
  dir: string,
  course: YamlFile<Course>,
  issues: Issue[],
): Promise<CourseReadingText | undefined> {
  const reading = course.data?.reading;
  if (!reading) return undefined;
  const read = await readCourseFile(dir, reading.file);
  if (!read.ok) {
    const at = placeInCourse(course, '/reading/file') ?? { file: course.file, place: { line: 1, column: 1 } };
    const message = read.missing
      ? `reading ${reading.file} not found; create it or fix reading.file in course.yaml`
      : `reading ${reading.file} cannot be read: ${read.reason}`;
    issues.push(fileIssue(at.file, message, 'file/missing', at.place));
    return undefined;
  }
  return { file: reading.file, cite: reading.cite, paragraphs: paragraphsOf(read.text) };
}

/** Lessons in the order course.yaml lists them, then unlisted ones by file name. */
function orderLessons(lessons: LoadedLesson[], course: Course | undefined): LoadedLesson[] {
  if (!course) return lessons;
  const position = new Map(course.lessons.map((id, index) => [id, index]));
  return [...lessons].sort(
    (a, b) =>
      (position.get(a.id) ?? Number.MAX_SAFE_INTEGER) - (position.get(b.id) ?? Number.MAX_SAFE_INTEGER),
  );
}
