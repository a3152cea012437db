import type { LessonFrontmatter } from '@coursekit/content-schema';
import { createProcessor } from '@mdx-js/mdx';
import type { Root as HastRoot } from 'hast';
import type { Root } from 'mdast';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { VFileMessage } from 'vfile-message';
import { checkFrontMatter } from './check-front-matter.js';
import type { CitationRenderer, ReferenceEntry } from './citation-renderer.js';
import { type CompileCache, contentHash } from './compile-cache.js';
import { CourseContentError, type CourseIssue, hasErrors, issueFromMessage, sortIssues } from './issue.js';
import type { CitationUse, ReadingTime, TermUse, TocEntry } from './lesson-data.js';
import {
  findInstructorBlocks,
  hastFromTeacher,
  type InstructorBlocks,
  instructorTree,
  type LessonVariant,
  variantTree,
} from './lesson-variants.js';
import { type HastShare, lessonBuildOptions, withHastShare } from './mdx-to-hast.js';
import { parseLessonTree } from './parse-lesson.js';
import { readingTime } from './reading-time.js';
import { remarkCitations } from './remark-citations.js';
import { remarkCourseDirectives } from './remark-course-directives.js';
import { type GlossaryEntry, remarkGlossaryTerms } from './remark-glossary-terms.js';
import { remarkHeadingIds } from './remark-heading-ids.js';
import { remarkKnownComponents } from './remark-known-components.js';
import { remarkQuizEmbeds } from './remark-quiz-embeds.js';
import { reportProblem } from './report.js';

/** What a lesson is checked against: the rest of its course. Parts left out are not checked. */
export interface LessonContext {
  /** Glossary entries that `[[id]]` and `<Term id>` may name. */
  glossary?: readonly GlossaryEntry[] | undefined;
  /** Ids of the quizzes that `<Quiz id>` may name. */
  quizIds?: readonly string[] | undefined;
  /** The course's references, to check keys and render citations. */
  citations?: CitationRenderer | undefined;
  /** BCP 47 language of the course, for counting words. Default `en`. */
  language?: string | undefined;
  /** Components the app provides beyond coursekit's own (`Citation`, `Term`, …). */
  components?: readonly string[] | undefined;
}

export interface CompileLessonOptions extends LessonContext {
  /** The lesson's path relative to the course folder, used in issues. Default `lesson.mdx`. */
  path?: string | undefined;
  /**
   * `function-body` (default) for `run(code, {...runtime, baseUrl})` from `@mdx-js/mdx`;
   * `program` for an ES module that imports the JSX runtime.
   */
  outputFormat?: 'function-body' | 'program' | undefined;
  /** Reuse results for unchanged lessons. */
  cache?: CompileCache | undefined;
}

/** What a lesson contains, found while compiling it. */
export interface LessonMeta {
  toc: TocEntry[];
  /** Citation keys in order of first use. */
  citations: CitationUse[];
  /** Glossary ids in order of first use. */
  terms: TermUse[];
  /** Ids of quizzes embedded with `<Quiz id>`, in order. */
  quizzes: string[];
  readingTime: ReadingTime;
  /** The references the lesson cites, as a student and as a teacher sees the page. */
  bibliography: Record<LessonVariant, ReferenceEntry[]>;
  /** True when the lesson has teacher-only blocks. */
  hasInstructorBlocks: boolean;
}

export interface AnalyzedLesson {
  path: string;
  /** The front matter, checked, with defaults applied; undefined when it has errors (see `issues`). */
  frontmatter: LessonFrontmatter | undefined;
  /** The MDX after the front matter. */
  body: string;
  /** Undefined when the MDX could not be parsed. */
  meta: LessonMeta | undefined;
  issues: CourseIssue[];
  /** Hash of the source and everything it was checked against. */
  hash: string;
}

export interface CompiledLessonCode {
  /** The page a student sees: teacher-only blocks are not in it. */
  student: string;
  /** The page a teacher sees: teacher-only blocks as `<Instructor>`. */
  teacher: string;
  /** The teacher-only blocks alone (as `<Instructor>`), for a teacher dashboard; null when there are none. */
  instructor: string | null;
}

export interface CompiledLesson extends AnalyzedLesson {
  meta: LessonMeta;
  outputFormat: 'function-body' | 'program';
  code: CompiledLessonCode;
}

const generators = {
  'function-body': createProcessor({
    format: 'mdx',
    outputFormat: 'function-body',
    ...lessonBuildOptions,
  }),
  program: createProcessor({
    format: 'mdx',
    outputFormat: 'program',
    ...lessonBuildOptions,
  }),
};

let lastContext: { parts: readonly unknown[]; fingerprint: string } | undefined;

/**
 * A hash of the context. Callers pass each lesson a new options object around the same context objects
 * (`{ ...loaded.context, path }`), so the hash is kept for the parts it was computed from, compared by identity.
 */
function contextFingerprint(options: CompileLessonOptions): string {
  const parts = [
    options.glossary ?? null,
    options.quizIds ?? null,
    options.citations?.fingerprint ?? null,
    options.language ?? 'en',
    options.components ?? null,
  ];
  const last = lastContext;
  if (last && parts.every((part, index) => part === last.parts[index])) return last.fingerprint;
  const fingerprint = contentHash(...parts);
  lastContext = { parts, fingerprint };
  return fingerprint;
}

/** Some MDX errors at the end of a file carry their place only in the text: `… for \`<Quiz>\` (44:1-44:29)`. */
function placeInReason(reason: string): { line: number; column: number } | undefined {
  const match = /\((\d+):(\d+)(?:-\d+:\d+)?\)/.exec(reason);
  return match ? { line: Number(match[1]), column: Number(match[2]) } : undefined;
}

function bodyOf(source: string): string {
  const match = /^\uFEFF?---[ \t]*\r?\n[\s\S]*?\r?\n?^---[ \t]*(?:\r?\n|$)/m.exec(source);
  return match && match.index === 0 ? source.slice(match[0].length) : source;
}

interface Analysis {
  lesson: AnalyzedLesson;
  /** The transformed tree, kept while in memory so compiling does not parse again. */
  tree: Root | undefined;
  /** Where the tree's teacher-only blocks are (found with `meta`), for building its variants. */
  blocks: InstructorBlocks | undefined;
  file: VFile;
}

async function analyze(source: string, options: CompileLessonOptions, hash: string): Promise<Analysis> {
  const path = options.path ?? 'lesson.mdx';
  const file = new VFile({ path, value: source });
  const frontmatter = checkFrontMatter(file, options.citations).data;
  let tree: Root | undefined;
  try {
    tree = parseLessonTree(file);
  } catch (error) {
    if (!(error instanceof VFileMessage)) throw error;
    // An unclosed element is reported where its block ends; the opening tag, named in the reason, is what to fix.
    const opening = error.reason.startsWith('Expected a closing tag for')
      ? placeInReason(error.reason)
      : undefined;
    reportProblem(file, error.reason, {
      place: opening ?? error.place ?? placeInReason(error.reason),
      rule: 'mdx/syntax',
    });
  }
  let meta: LessonMeta | undefined;
  let blocks: InstructorBlocks | undefined;
  if (tree) {
    const transformer = unified()
      .use(remarkCourseDirectives)
      .use(remarkCitations, { renderer: options.citations })
      .use(remarkGlossaryTerms, { terms: options.glossary })
      .use(remarkQuizEmbeds, { quizIds: options.quizIds })
      .use(remarkKnownComponents, { components: options.components })
      .use(remarkHeadingIds);
    tree = (await transformer.run(tree, file)) as Root;
    const citations = file.data.citationsUsed ?? [];
    blocks = findInstructorBlocks(tree);
    const studentKeys = citations.filter((use) => !use.teacherOnly).map((use) => use.key);
    meta = {
      toc: file.data.toc ?? [],
      citations,
      terms: file.data.termsUsed ?? [],
      quizzes: file.data.quizzesEmbedded ?? [],
      readingTime: readingTime(tree, options.language),
      bibliography: {
        student: options.citations?.references(studentKeys) ?? [],
        teacher: options.citations?.references(citations.map((use) => use.key)) ?? [],
      },
      hasInstructorBlocks: blocks.found,
    };
  }
  const issues = sortIssues(file.messages.map((message) => issueFromMessage(message, path)));
  return { lesson: { path, frontmatter, body: bodyOf(source), meta, issues, hash }, tree, blocks, file };
}

function lessonHash(source: string, options: CompileLessonOptions): string {
  return contentHash(source, options.path ?? 'lesson.mdx', contextFingerprint(options));
}

/**
 * Check a lesson (front matter, MDX syntax, citations, glossary terms, quiz embeds, directives) and find
 * what it contains, without generating code. Problems are returned as `issues`, never thrown.
 */
export async function analyzeLesson(
  source: string,
  options: CompileLessonOptions = {},
): Promise<AnalyzedLesson> {
  const hash = lessonHash(source, options);
  const key = `analysis-${hash}`;
  const cached = await options.cache?.get<AnalyzedLesson>(key);
  if (cached) return cached;
  const analysis = await analyze(source, options, hash);
  await options.cache?.set(key, analysis.lesson);
  // Held per path, so a long-lived cache keeps at most one tree per lesson.
  options.cache?.hold?.(`tree-${analysis.lesson.path}`, analysis);
  return analysis.lesson;
}

async function generate(
  tree: Root,
  file: VFile,
  outputFormat: 'function-body' | 'program',
  share?: HastShare,
): Promise<string> {
  const generator = generators[outputFormat];
  const build = async () => {
    // The processor's types expect its own parse output; an mdast root is what that output is.
    const estree = await generator.run(tree as never, file);
    return String(generator.stringify(estree, file));
  };
  return share ? withHastShare(file, share, build) : build();
}

/** The build of a hast made by another build: from an empty mdast, which the hast stands in for. */
const fromHast = (hast: HastRoot, file: VFile, outputFormat: 'function-body' | 'program') =>
  generate({ type: 'root', children: [] }, file, outputFormat, { use: hast });

/**
 * The three programs of a lesson with teacher-only blocks. When the lesson allows it (`sharesTeacherHast`),
 * its mdast is turned into hast once, for the teacher page, and the student page and teacher-only blocks are
 * built from that hast without them (`hastFromTeacher`); otherwise each is built from its own tree.
 */
async function generateVariants(
  tree: Root,
  instructor: Root,
  sharesHast: boolean,
  file: VFile,
  outputFormat: 'function-body' | 'program',
): Promise<CompiledLessonCode> {
  let made: ReturnType<typeof hastFromTeacher>;
  const take = (hast: HastRoot) => {
    made = hastFromTeacher(hast);
  };
  const teacher = await generate(
    variantTree(tree, 'teacher'),
    file,
    outputFormat,
    sharesHast ? { take } : undefined,
  );
  return {
    student: made
      ? await fromHast(made.student, file, outputFormat)
      : await generate(variantTree(tree, 'student'), file, outputFormat),
    teacher,
    instructor: made
      ? await fromHast(made.instructor, file, outputFormat)
      : await generate(instructor, file, outputFormat),
  };
}

/**
 * Compile a lesson (`---` front matter, then MDX) into code for a student page, a teacher page and the
 * teacher-only blocks, plus what the lesson contains. Throws `CourseContentError` listing every problem
 * when the lesson has errors, so broken content never becomes a page.
 */
export async function compileLesson(
  source: string,
  options: CompileLessonOptions = {},
): Promise<CompiledLesson> {
  const outputFormat = options.outputFormat ?? 'function-body';
  const hash = lessonHash(source, options);
  const key = `compiled-${outputFormat}-${hash}`;
  const cached = await options.cache?.get<CompiledLesson>(key);
  if (cached) return cached;

  const held = options.cache?.take?.<Analysis>(`tree-${options.path ?? 'lesson.mdx'}`);
  const analyzedHere = held?.lesson.hash !== hash;
  const { lesson, tree, blocks, file } = analyzedHere ? await analyze(source, options, hash) : held;
  if (!tree || !blocks || !lesson.meta || hasErrors(lesson.issues)) {
    throw new CourseContentError(lesson.issues, `${lesson.path} cannot be compiled`);
  }
  const instructor = blocks.found ? instructorTree(tree) : null;
  let code: CompiledLessonCode;
  if (instructor)
    code = await generateVariants(tree, instructor, blocks.sharesTeacherHast, file, outputFormat);
  else {
    // Without teacher-only blocks both variants are the same tree, so they are the same program.
    const student = await generate(variantTree(tree, 'student'), file, outputFormat);
    code = { student, teacher: student, instructor: null };
  }
  const compiled: CompiledLesson = { ...lesson, meta: lesson.meta, outputFormat, code };
  await options.cache?.set(key, compiled);
  // A held analysis was stored when it was made (`analyzeLesson`).
  if (analyzedHere) await options.cache?.set(`analysis-${hash}`, lesson);
  return compiled;
}
