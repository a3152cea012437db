import { relative, resolve } from 'node:path';
import type { Writable } from 'node:stream';
import { InitProjectError, initProject, type PackageManager, packageManagers } from '@coursekit/mdx';
import { Command, CommanderError, Option } from 'commander';
import { installDependencies, packageManagerFromUserAgent } from './package-manager.js';
import { bundledSiteTemplate } from './site-template.js';

export interface CreateIo {
  stdout: Writable;
  stderr: Writable;
  cwd: string;
  /** `npm_config_user_agent`, which tells which package manager ran us. */
  userAgent?: string | undefined;
  /** Runs the install; tests pass their own. Default: `<package manager> install` in the project. */
  install?: (packageManager: PackageManager, dir: string) => Promise<number>;
}

/** Exit codes: 0 written (and installed), 1 the project could not be written or installed, 2 usage. */
export const exitCodes = { ok: 0, failed: 1, usage: 2 } as const;

class UsageError extends Error {}

interface CreateOptions {
  name?: string;
  install: boolean;
  packageManager?: PackageManager;
  siteTemplate?: string;
}

function nextSteps(where: string, packageManager: PackageManager, installed: boolean): string {
  const run = (script: string) =>
    packageManager === 'npm' ? `npm run ${script}` : `${packageManager} ${script}`;
  const start = packageManager === 'npm' ? 'npm start' : `${packageManager} start`;
  const lines = [
    '',
    'Next:',
    ...(where === '.' ? [] : [`  cd ${/\s/.test(where) ? `"${where}"` : where}`]),
    ...(installed ? [] : [`  ${packageManager} install`]),
    `  ${run('dev').padEnd(28)}preview the course; edits show on reload`,
    `  ${run('check').padEnd(28)}report every problem in course/ as file:line:col`,
    `  ${`${run('build')} && ${start}`.padEnd(28)}serve it for a class`,
    '',
  ];
  return lines.join('\n');
}

/**
 * Run `create-coursekit` with `argv` (without `node` and the script) and return the exit code. Problems are
 * printed as one line each, with what to do, never as a stack trace.
 */
export async function runCreate(argv: readonly string[], io: CreateIo): Promise<number> {
  let exitCode: number = exitCodes.ok;
  const write = (text: string) => io.stdout.write(text);
  const program = new Command('create-coursekit')
    .description('Write a new coursekit project: a course site with a starter course')
    .argument('[dir]', 'the folder for the new project; it must be new or empty')
    .option('--name <name>', 'the package name in package.json (default: the folder name)')
    .option('--no-install', 'write the files only; install the dependencies yourself')
    .addOption(
      new Option(
        '--package-manager <name>',
        'install with this one (default: the one running this command)',
      ).choices(packageManagers),
    )
    .option(
      '--site-template <dir>',
      "copy the site's app files from here instead of @coursekit/next's template",
    )
    .configureOutput({ writeOut: write, writeErr: (text) => io.stderr.write(text) })
    .showHelpAfterError('(run create-coursekit --help for usage)')
    .exitOverride()
    .action(async (dir: string | undefined, options: CreateOptions) => {
      if (!dir) {
        throw new UsageError(
          'give the folder for the new project, such as: npm create coursekit@latest my-course',
        );
      }
      const siteTemplateDir = options.siteTemplate
        ? resolve(io.cwd, options.siteTemplate)
        : bundledSiteTemplate();
      if (!siteTemplateDir) {
        throw new UsageError(
          "this copy of create-coursekit has no site template (it was built without @coursekit/next's); " +
            'install a published version, or pass --site-template <dir>',
        );
      }
      const packageManager = options.packageManager ?? packageManagerFromUserAgent(io.userAgent);
      const project = await initProject({
        dir: resolve(io.cwd, dir),
        cwd: io.cwd,
        name: options.name,
        siteTemplateDir,
        requireEmpty: true,
        packageManager,
      });
      // A folder outside the working directory reads better as its absolute path than as ../../...
      const fromCwd = relative(io.cwd, project.dir);
      const where = fromCwd.startsWith('..') ? project.dir : fromCwd || '.';
      write(
        `Wrote ${project.name} into ${where}: ${project.written.length} files, with a starter course in ${project.courseDir}/.\n`,
      );
      let installed = false;
      if (options.install) {
        write(`Installing the dependencies with ${packageManager} install…\n`);
        const code = await (io.install ?? installDependencies)(packageManager, project.dir);
        if (code !== 0) {
          io.stderr.write(
            `create-coursekit: the project is written, but ${packageManager} install failed (exit code ${code}); ` +
              `fix what it printed above, then run ${packageManager} install in ${where}\n`,
          );
          exitCode = exitCodes.failed;
          return;
        }
        installed = true;
      }
      write(nextSteps(where, packageManager, installed));
    });

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? exitCodes.ok : exitCodes.usage;
    if (error instanceof UsageError) {
      io.stderr.write(`create-coursekit: ${error.message}\n`);
      return exitCodes.usage;
    }
    if (error instanceof InitProjectError) {
      io.stderr.write(`create-coursekit: ${error.message}\n`);
      return exitCodes.failed;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`create-coursekit: unexpected problem: ${message}\n`);
    return exitCodes.failed;
  }
}
