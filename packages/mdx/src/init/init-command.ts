import { relative, resolve } from 'node:path';
import type { Writable } from 'node:stream';
import { type Command, Option } from 'commander';
import { initProject } from './init-project.js';
import { type PackageManager, packageManagers, runCommand } from './project-manifest.js';
import { sitePackage } from './site-template.js';

export interface InitCommandContext {
  io: { stdout: Writable; cwd: string };
  setExit: (code: number) => void;
}

const files = (count: number) => `${count} ${count === 1 ? 'file' : 'files'}`;

/** Lists at most a few paths on one line, so that a folder of many skipped files stays readable. */
function listPaths(paths: readonly string[], most = 8): string {
  const shown = paths.slice(0, most).join(', ');
  return paths.length > most ? `${shown} and ${paths.length - most} more` : shown;
}

/** `coursekit init [dir]`: make a folder a coursekit project, adding the files it lacks and keeping the rest. */
export function addInitCommand(program: Command, { io, setExit }: InitCommandContext): void {
  program
    .command('init')
    .description(
      'add a coursekit project (package.json, the site, a starter course) to a folder, keeping its files',
    )
    .argument('[dir]', 'the project folder, created when missing', '.')
    .option('--name <name>', 'the package name in package.json (default: the folder name)')
    .option(
      '--site-template <dir>',
      `copy the site's app files from here (default: ${sitePackage}'s template)`,
    )
    .addOption(
      new Option('--package-manager <name>', 'the package manager named in the next steps')
        .choices(packageManagers)
        .default('npm'),
    )
    .action(
      async (
        dir: string,
        options: { name?: string; siteTemplate?: string; packageManager: PackageManager },
      ) => {
        const write = (text: string) => io.stdout.write(text);
        const project = await initProject({
          dir: resolve(io.cwd, dir),
          cwd: io.cwd,
          name: options.name,
          siteTemplateDir: options.siteTemplate,
          packageManager: options.packageManager,
        });
        // A folder outside the working directory reads better as its absolute path than as ../../...
        const fromCwd = relative(io.cwd, project.dir);
        const where = fromCwd.startsWith('..') ? project.dir : fromCwd || '.';
        write(`wrote ${files(project.written.length)} into ${where}\n`);
        if (project.skipped.length > 0) {
          write(
            `kept ${files(project.skipped.length)} that ${project.skipped.length === 1 ? 'was' : 'were'} there: ${listPaths(project.skipped)}\n`,
          );
        }
        if (project.manifestAdvice.length > 0) {
          write('package.json was kept; add these to it:\n');
          for (const line of project.manifestAdvice) write(`  ${line}\n`);
        }
        if (!project.siteTemplate) {
          write(
            `the site's app files were not written: ${sitePackage} is not installed here. ` +
              `Install the dependencies, then run coursekit init ${where} again to add them\n`,
          );
        }
        if (project.courseAtTop) {
          write(
            `this folder has a course.yaml at its top; the site reads the course from ${project.courseDir}/, ` +
              `so move your course files there (in place of the starter course)\n`,
          );
        }
        const pm = options.packageManager;
        write(`next: ${where === '.' ? '' : `cd ${where} && `}${pm} install && ${runCommand(pm, 'dev')}\n`);
        setExit(0);
      },
    );
}
