import { relative, resolve } from 'node:path';
import type { Writable } from 'node:stream';
import type { Command } from 'commander';
import { formatTextReport } from '../format-report.js';
import { migrateCourse } from './migrate-course.js';
import { courseMigrations } from './migrations.js';

export interface MigrateCommandContext {
  io: { stdout: Writable; stderr: Writable; cwd: string };
  setExit(code: number): void;
  /** The course folder named on the command line, checked to exist (throws the CLI's usage error). */
  courseFolder(dir: string): string;
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** `coursekit migrate [dir] [--dry-run]`: rewrite a course folder into the current form, saying what changed. */
export function addMigrateCommand(program: Command, context: MigrateCommandContext): void {
  const { io, setExit } = context;
  program
    .command('migrate')
    .description(
      `rewrite a course folder written for an older coursekit into the current form and print each change (${courseMigrations.length} ${courseMigrations.length === 1 ? 'migration' : 'migrations'}; see the README)`,
    )
    .argument('[dir]', 'the course folder', '.')
    .option('--dry-run', 'print what would change and write nothing')
    .action(async (dir: string, options: { dryRun?: boolean }) => {
      const path = context.courseFolder(dir);
      const report = await migrateCourse(path, { dryRun: options.dryRun });
      const place = (file: string) => relative(io.cwd, resolve(path, file)) || file;
      if (report.issues.length > 0) {
        io.stdout.write(formatTextReport(report.issues, path, io.cwd));
        io.stdout.write('nothing was changed; fix the problems above and run coursekit migrate again\n');
        setExit(1);
        return;
      }
      for (const change of report.changes) {
        io.stdout.write(
          `${place(change.file)}:${change.line}:${change.column}  ${change.description}  ${change.migration}\n`,
        );
      }
      const files = [...new Set(report.changes.map((change) => place(change.file)))];
      if (report.changes.length === 0) {
        io.stdout.write(
          `nothing to migrate: ${place('.') === '.' ? 'this course' : place('.')} is already in the current form\n`,
        );
      } else if (options.dryRun) {
        io.stdout.write(
          `dry run: ${plural(report.changes.length, 'change')} in ${files.join(', ')} would be made; nothing was written\n`,
        );
      } else {
        io.stdout.write(`migrated: ${plural(report.changes.length, 'change')} in ${files.join(', ')}\n`);
      }
      setExit(0);
    });
}
