import { existsSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Writable } from 'node:stream';
import { Command, CommanderError, Option } from 'commander';
import { type BuiltCourse, buildCourse } from './build-course.js';
import { createCompileCache } from './compile-cache.js';
import { courseOutputFiles } from './course-output.js';
import { addExportCommand } from './export/export-command.js';
import { formatJsonReport, formatTextReport } from './format-report.js';
import { addInitCommand } from './init/init-command.js';
import { InitProjectError } from './init/init-project.js';
import { CourseContentError } from './issue.js';
import { loadCourse } from './load-course.js';
import { addMigrateCommand } from './migrate/migrate-command.js';
import { createProgress } from './progress.js';
import { ScaffoldError, scaffoldLesson } from './scaffold-lesson.js';
import { OutputFolderError, writeOutputFolder } from './write-course.js';

export interface CliIo {
  stdout: Writable & { isTTY?: boolean; columns?: number };
  stderr: Writable;
  cwd: string;
}

/** Exit codes: 0 clean, 1 the content has errors, 2 the command could not run (usage, missing folder). */
export const exitCodes = { ok: 0, contentErrors: 1, usage: 2 } as const;

/** A problem with the command rather than the content: printed as one line, exit code 2. */
class UsageError extends Error {}

function courseFolder(io: CliIo, dir: string): string {
  const path = resolve(io.cwd, dir);
  if (!existsSync(path) || !statSync(path).isDirectory()) {
    throw new UsageError(`${dir} is not a folder; give the course folder (the one with course.yaml)`);
  }
  return path;
}

function defaultCacheDir(cwd: string): string | undefined {
  // The usual place for tool caches; without node_modules here, only this run's memory is used.
  return existsSync(join(cwd, 'node_modules')) ? join(cwd, 'node_modules', '.cache', 'coursekit') : undefined;
}

function createProgram(io: CliIo, setExit: (code: number) => void): Command {
  const write = (text: string) => io.stdout.write(text);
  const program = new Command('coursekit')
    .description('Check and build coursekit course folders')
    .configureOutput({ writeOut: write, writeErr: (text) => io.stderr.write(text) })
    .showHelpAfterError('(run coursekit --help for usage)')
    .exitOverride();

  program
    .command('check')
    .description('report every problem in a course folder as file:line:col  severity  message  rule')
    .argument('<dir>', 'the course folder')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (dir: string, options: { format: 'text' | 'json' }) => {
      const path = courseFolder(io, dir);
      const loaded = await loadCourse(path);
      write(
        options.format === 'json'
          ? formatJsonReport(loaded.issues, path)
          : formatTextReport(loaded.issues, path, io.cwd),
      );
      setExit(loaded.ok ? exitCodes.ok : exitCodes.contentErrors);
    });

  program
    .command('build')
    .description('check a course folder and, when it has no errors, write the compiled course')
    .argument('<dir>', 'the course folder')
    .requiredOption('--out <dir>', 'where to write the compiled course (replaced whole)')
    .addOption(
      new Option('--variant <variant>', 'student leaves out teacher-only content')
        .choices(['teacher', 'student'])
        .default('teacher'),
    )
    .addOption(
      new Option('--output-format <format>', 'ES modules, or function bodies for run() from @mdx-js/mdx')
        .choices(['program', 'function-body'])
        .default('program'),
    )
    .option(
      '--cache-dir <dir>',
      'keep compiled lessons here between builds (default node_modules/.cache/coursekit)',
    )
    .option('--no-cache', 'compile every lesson again')
    .action(
      async (
        dir: string,
        options: {
          out: string;
          variant: 'teacher' | 'student';
          outputFormat: 'program' | 'function-body';
          cacheDir?: string;
          cache: boolean;
        },
      ) => {
        const path = courseFolder(io, dir);
        const cacheDir = options.cache
          ? options.cacheDir
            ? resolve(io.cwd, options.cacheDir)
            : defaultCacheDir(io.cwd)
          : undefined;
        const cache = options.cache ? createCompileCache({ dir: cacheDir }) : undefined;
        const loaded = await loadCourse(path, { cache });
        if (!loaded.ok) {
          write(formatTextReport(loaded.issues, path, io.cwd));
          write(`nothing was written to ${options.out}\n`);
          setExit(exitCodes.contentErrors);
          return;
        }
        const progress = createProgress({ total: loaded.lessons.length, stream: io.stdout });
        let built: BuiltCourse;
        try {
          built = await buildCourse(loaded, {
            cache,
            variant: options.variant,
            outputFormat: options.outputFormat,
            onLesson: (file) => progress.tick(relative(io.cwd, join(path, file))),
          });
        } catch (error) {
          if (!(error instanceof CourseContentError)) throw error;
          write(formatTextReport(error.issues, path, io.cwd));
          write(`nothing was written to ${options.out}\n`);
          setExit(exitCodes.contentErrors);
          return;
        } finally {
          progress.done();
        }
        const out = resolve(io.cwd, options.out);
        await writeOutputFolder(out, courseOutputFiles(built), { label: options.out });
        // Warnings do not stop a build, but they are worth seeing.
        if (loaded.issues.length > 0) write(formatTextReport(loaded.issues, path, io.cwd));
        write(
          `built ${built.lessons.length} lessons of ${built.course.id} into ${relative(io.cwd, out) || '.'}\n`,
        );
        setExit(exitCodes.ok);
      },
    );

  const create = program.command('new').description('scaffold course files');
  create
    .command('lesson')
    .description('create lessons/NN-<slug>.mdx with valid front matter and list it in course.yaml')
    .argument('<slug>', 'the lesson id, such as water-vapour')
    .option('--dir <dir>', 'the course folder', '.')
    .option('--title <title>', 'the lesson title (default: the slug in words)')
    .action(async (slug: string, options: { dir: string; title?: string }) => {
      const path = courseFolder(io, options.dir);
      const lesson = await scaffoldLesson({ courseDir: path, slug, title: options.title });
      write(`created ${relative(io.cwd, join(path, lesson.file))}\n`);
      if (lesson.addedToCourse)
        write(`added '${slug}' to the lessons in ${relative(io.cwd, join(path, 'course.yaml'))}\n`);
      setExit(exitCodes.ok);
    });

  addExportCommand(program, { io, setExit, courseFolder: (dir) => courseFolder(io, dir) });
  addMigrateCommand(program, { io, setExit, courseFolder: (dir) => courseFolder(io, dir) });
  addInitCommand(program, { io, setExit });

  return program;
}

/**
 * Run the `coursekit` command line with `argv` (without `node` and the script) and return the exit code.
 * Problems are printed as one clear line each, never as a stack trace.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let exitCode: number = exitCodes.ok;
  const program = createProgram(io, (code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version end "successfully"; anything else commander rejects is a usage error.
      return error.exitCode === 0 ? exitCodes.ok : exitCodes.usage;
    }
    if (
      error instanceof UsageError ||
      error instanceof ScaffoldError ||
      error instanceof OutputFolderError ||
      error instanceof InitProjectError
    ) {
      io.stderr.write(`coursekit: ${error.message}\n`);
      return exitCodes.usage;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`coursekit: unexpected problem: ${message}\n`);
    return exitCodes.usage;
  }
}
