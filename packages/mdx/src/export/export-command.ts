import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import type { Writable } from 'node:stream';
import { closestMatches, createIssue, type Issue, toJsonPointer } from '@coursekit/issues';
import { exportQti, type QtiExportWarning, type Quiz } from '@coursekit/quiz-engine';
import type { Command } from 'commander';
import { strToU8, type Zippable, zipSync } from 'fflate';
import { formatTextReport } from '../format-report.js';
import { type LoadedCourse, loadCourse } from '../load-course.js';
import { parseYamlSource } from '../yaml-source.js';
import { buildCartridge, type CartridgeQuizzes } from './cartridge.js';
import { ccAssessment } from './cc-assessment.js';
import { checkCartridge } from './check-cartridge.js';
import { type ExportWarning, hastToXhtml, markdownToHast } from './static-html.js';

export interface ExportCommandContext {
  io: { stdout: Writable; stderr: Writable; cwd: string };
  setExit(code: number): void;
  /** The course folder named on the command line, checked to exist (throws the CLI's usage error). */
  courseFolder(dir: string): string;
}

/** A problem with the command line: one line on stderr, exit 2, nothing written. */
class ExportUsageError extends Error {}

const exit = { ok: 0, contentErrors: 1, usage: 2 } as const;

/** The quiz's file, for placing warnings: `quizzes/<id>.yaml`, `.yml` or `.gift`. */
function quizFile(dir: string, id: string): string {
  for (const extension of ['yaml', 'yml', 'gift']) {
    const file = `quizzes/${id}.${extension}`;
    if (existsSync(join(dir, file))) return file;
  }
  return `quizzes/${id}.yaml`;
}

async function placeQtiWarnings(dir: string, warnings: readonly QtiExportWarning[]): Promise<Issue[]> {
  const sources = new Map<string, ReturnType<typeof parseYamlSource> | undefined>();
  const issues: Issue[] = [];
  for (const warning of warnings) {
    const file = quizFile(dir, warning.quizId);
    if (!sources.has(file)) {
      sources.set(
        file,
        file.endsWith('.gift')
          ? undefined
          : parseYamlSource(await readFile(join(dir, file), 'utf8').catch(() => '')),
      );
    }
    const source = sources.get(file);
    const pointed = createIssue(file, warning.rule, warning.message, {
      pointer: toJsonPointer(warning.path),
      severity: 'warning',
      source: '@coursekit/mdx',
    });
    issues.push(
      source
        ? { ...source.place(pointed), severity: 'warning' }
        : createIssue(file, warning.rule, warning.message, {
            line: 1,
            column: 1,
            severity: 'warning',
            source: '@coursekit/mdx',
          }),
    );
  }
  return issues;
}

function asIssue(warning: ExportWarning): Issue {
  return createIssue(warning.file, warning.rule, warning.message, {
    line: warning.line ?? 1,
    column: warning.column ?? 1,
    severity: 'warning',
    source: '@coursekit/mdx',
  });
}

function zip(files: ReadonlyMap<string, string | Uint8Array>): Uint8Array {
  const entries: Zippable = {};
  // A fixed date, so that the same course gives the same bytes.
  const mtime = new Date('2000-01-01T00:00:00Z');
  for (const [path, content] of files)
    entries[path] = [typeof content === 'string' ? strToU8(content) : content, { mtime }];
  return zipSync(entries, { level: 6 });
}

async function loadForExport(context: ExportCommandContext, dir: string, out: string | undefined) {
  const { io } = context;
  const path = context.courseFolder(dir);
  const loaded = await loadCourse(path);
  if (!loaded.ok) {
    io.stdout.write(formatTextReport(loaded.issues, path, io.cwd));
    io.stdout.write(`nothing was written${out ? ` to ${out}` : ''}\n`);
    context.setExit(exit.contentErrors);
    return undefined;
  }
  return { path, loaded };
}

/** Markdown of quiz text as XHTML for QTI, citations in the course's style; warnings go to `warn`. */
function quizMarkdown(loaded: LoadedCourse, file: string, warn: (warning: ExportWarning) => void) {
  return (markdown: string) =>
    hastToXhtml(
      markdownToHast(markdown, loaded.context.citations, {
        file,
        links: { quizTitle: () => undefined },
        warn,
      }),
    );
}

async function writePackage(context: ExportCommandContext, out: string, bytes: Uint8Array): Promise<string> {
  const target = resolve(context.io.cwd, out);
  await mkdir(dirname(target), { recursive: true });
  await writeFile(target, bytes);
  return relative(context.io.cwd, target) || target;
}

function pickQuizzes(loaded: LoadedCourse, quizId: string | undefined): Quiz[] {
  const quizzes = Object.values(loaded.quizzes);
  if (quizId === undefined) return quizzes;
  const quiz = loaded.quizzes[quizId];
  if (!quiz) {
    const known = Object.keys(loaded.quizzes);
    const close = closestMatches(quizId, known);
    throw new ExportUsageError(
      `no quiz '${quizId}' in this course${close.length > 0 ? ` (did you mean '${close[0]}'?)` : ''}; it has ${known.join(', ') || 'none'}`,
    );
  }
  return [quiz];
}

async function exportQtiAction(
  context: ExportCommandContext,
  dir: string,
  options: { quiz?: string; out?: string },
): Promise<void> {
  const ready = await loadForExport(context, dir, options.out);
  if (!ready) return;
  const { path, loaded } = ready;
  const quizzes = pickQuizzes(loaded, options.quiz);
  if (quizzes.length === 0) throw new ExportUsageError(`${dir} has no quizzes to export`);
  const textWarnings: ExportWarning[] = [];
  const exported = exportQti(quizzes, {
    identifier: `qti-${loaded.course?.id ?? 'course'}`,
    renderMarkdown: quizMarkdown(loaded, 'quizzes', (warning) => textWarnings.push(warning)),
  });
  const issues = [...(await placeQtiWarnings(path, exported.warnings)), ...textWarnings.map(asIssue)];
  const out = options.out ?? `${options.quiz ?? loaded.course?.id ?? 'course'}-qti.zip`;
  const written = await writePackage(context, out, exported.zip());
  if (issues.length > 0) context.io.stdout.write(formatTextReport(issues, path, context.io.cwd));
  const items = [...exported.files.keys()].filter((file) => file.startsWith('items/')).length;
  context.io.stdout.write(
    `wrote ${written}: QTI 3.0 package with ${quizzes.length} test${quizzes.length === 1 ? '' : 's'} and ${items} items\n`,
  );
  context.setExit(exit.ok);
}

function launchUrlOf(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ExportUsageError(
      `--lti-url ${value} is not a URL; give the tool's launch URL, such as https://course.example.org/lti/launch`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new ExportUsageError(`--lti-url must be an http(s) URL (got ${url.protocol})`);
  return url.href;
}

async function exportCcAction(
  context: ExportCommandContext,
  dir: string,
  options: { ltiUrl?: string; qti?: boolean; out?: string },
): Promise<void> {
  if (options.ltiUrl !== undefined && options.qti)
    throw new ExportUsageError(
      'give either --lti-url (quizzes stay graded by the coursekit tool) or --qti, not both',
    );
  const ready = await loadForExport(context, dir, options.out);
  if (!ready) return;
  const { path, loaded } = ready;
  const hasQuizzes = Object.keys(loaded.quizzes).length > 0;
  if (hasQuizzes && options.ltiUrl === undefined && !options.qti)
    throw new ExportUsageError(
      'say how the quizzes go into the cartridge: --lti-url <the tool launch URL> (graded on the coursekit server) or --qti',
    );
  const textWarnings: ExportWarning[] = [];
  const assessmentWarnings: QtiExportWarning[] = [];
  const quizzes: CartridgeQuizzes = options.qti
    ? {
        as: 'qti',
        assessment: (quiz) => {
          const renderMarkdown = quizMarkdown(loaded, quizFile(path, quiz.id), (warning) =>
            textWarnings.push(warning),
          );
          const assessment = ccAssessment(quiz, { renderMarkdown });
          assessmentWarnings.push(...assessment.warnings);
          return assessment.xml;
        },
      }
    : { as: 'lti', launchUrl: launchUrlOf(options.ltiUrl ?? 'https://localhost/') };
  const cartridge = await buildCartridge(loaded, { quizzes });
  const problems = checkCartridge(cartridge.files);
  // A lesson's own link to a file the course does not ship is the author's to fix: a warning, not a failure.
  const brokenLinks = problems.filter((problem) => problem.rule === 'cc/webcontent-link');
  const broken = problems.filter((problem) => problem.rule !== 'cc/webcontent-link');
  if (broken.length > 0) {
    // The cartridge was built wrong: a bug in coursekit, not in the course.
    throw new Error(
      `the cartridge breaks Common Cartridge rules (${broken.map((p) => `${p.rule}: ${p.message}`).join('; ')})`,
    );
  }
  for (const problem of brokenLinks) {
    const lesson = loaded.lessons.find((candidate) => problem.path === `web/lessons/${candidate.id}.html`);
    textWarnings.push({
      file: lesson?.file ?? problem.path ?? 'imsmanifest.xml',
      message: `${problem.message}; the link will not work in the learning platform`,
      rule: problem.rule,
    });
  }
  const out = options.out ?? `${loaded.course?.id ?? 'course'}.imscc`;
  const written = await writePackage(context, out, zip(cartridge.files));
  const issues = [
    ...(await placeQtiWarnings(path, assessmentWarnings)),
    ...[...cartridge.warnings, ...textWarnings].map(asIssue),
  ];
  if (issues.length > 0) context.io.stdout.write(formatTextReport(issues, path, context.io.cwd));
  const quizCount = Object.keys(loaded.quizzes).length;
  context.io.stdout.write(
    `wrote ${written}: Common Cartridge 1.3 with ${loaded.lessons.length} lessons${loaded.glossary ? ', the glossary' : ''} and ${quizCount} quiz${quizCount === 1 ? '' : 'zes'}${quizCount > 0 ? (options.qti ? ' as QTI' : ' as LTI links') : ''}\n`,
  );
  context.setExit(exit.ok);
}

/** Runs an export action; a usage problem is one line on stderr and exit code 2. */
function guarded<A extends unknown[]>(context: ExportCommandContext, action: (...args: A) => Promise<void>) {
  return async (...args: A) => {
    try {
      await action(...args);
    } catch (error) {
      if (!(error instanceof ExportUsageError)) throw error;
      context.io.stderr.write(`coursekit: ${error.message}\n`);
      context.setExit(exit.usage);
    }
  };
}

/** `coursekit export qti|cc`: a course into the formats learning platforms import. */
export function addExportCommand(program: Command, context: ExportCommandContext): void {
  const command = program
    .command('export')
    .description('export a course for a learning platform (QTI 3.0, Common Cartridge 1.3)');
  command
    .command('qti')
    .description('write the quizzes as a QTI 3.0 package (zip): one item per question, one test per quiz')
    .argument('<dir>', 'the course folder')
    .option('--quiz <id>', 'export only this quiz')
    .option('--out <file>', 'the package to write (default <course-id>-qti.zip)')
    .action(
      guarded(context, (dir: string, options: { quiz?: string; out?: string }) =>
        exportQtiAction(context, dir, options),
      ),
    );
  command
    .command('cc')
    .description('write the course as an IMS Common Cartridge 1.3 (.imscc): lessons, glossary and quizzes')
    .argument('<dir>', 'the course folder')
    .option(
      '--lti-url <url>',
      "each quiz as an LTI 1.3 link to the coursekit tool's launch URL (graded on the server)",
    )
    .option('--qti', 'each quiz as a Common Cartridge QTI assessment instead (graded by the platform)')
    .option('--out <file>', 'the cartridge to write (default <course-id>.imscc)')
    .action(
      guarded(context, (dir: string, options: { ltiUrl?: string; qti?: boolean; out?: string }) =>
        exportCcAction(context, dir, options),
      ),
    );
}
