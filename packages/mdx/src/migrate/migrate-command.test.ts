import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { captureIo } from '../../test/cli-io.js';
import { runCli } from '../cli-program.js';
import { loadCourse } from '../load-course.js';
import { migrateCourse } from './migrate-course.js';
import type { CourseMigration } from './migrations.js';

const exampleCourse = new URL('../../test/fixtures/example-course/', import.meta.url).pathname;

let work = '';
let course = '';
beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'coursekit-migrate-'));
  course = join(work, 'course');
  await cp(exampleCourse, course, { recursive: true });
});
afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

const read = (file: string) => readFile(join(course, file), 'utf8');

describe('coursekit migrate', () => {
  it('removes afterArticle: false, keeps afterArticle: true and every other line, and says what it changed', async () => {
    const before = await read('timeline.yaml');
    const { io, output } = captureIo(work);
    expect(await runCli(['migrate', 'course'], io)).toBe(0);
    expect(output.stdout).toBe(
      [
        "course/timeline.yaml:12:1  removed afterArticle: false from event 'example-gauge-installed' (false is the default now)  timeline-after-article-default",
        'migrated: 1 change in course/timeline.yaml',
        '',
      ].join('\n'),
    );
    const after = await read('timeline.yaml');
    expect(after).toBe(before.replace('    afterArticle: false\n', ''));
    expect(after).toContain('    afterArticle: true');
    const loaded = await loadCourse(course);
    expect(loaded.issues).toEqual([]);
    expect(loaded.timeline?.events.map((event) => event.afterArticle)).toEqual([undefined, true]);
  });

  it('writes nothing with --dry-run, and prints the same changes', async () => {
    const before = await read('timeline.yaml');
    const { io, output } = captureIo(work);
    expect(await runCli(['migrate', 'course', '--dry-run'], io)).toBe(0);
    expect(output.stdout).toContain(
      "course/timeline.yaml:12:1  removed afterArticle: false from event 'example-gauge-installed'",
    );
    expect(output.stdout).toContain(
      'dry run: 1 change in course/timeline.yaml would be made; nothing was written',
    );
    expect(await read('timeline.yaml')).toBe(before);
  });

  it('says when there is nothing to do, and changes nothing the second time', async () => {
    expect(await runCli(['migrate', 'course'], captureIo(work).io)).toBe(0);
    const once = await read('timeline.yaml');
    const { io, output } = captureIo(course);
    expect(await runCli(['migrate'], io)).toBe(0);
    expect(output.stdout).toBe('nothing to migrate: this course is already in the current form\n');
    expect(await read('timeline.yaml')).toBe(once);
  });

  it('changes nothing when a file it reads is not valid YAML, and says where', async () => {
    const timeline = await read('timeline.yaml');
    const courseYaml = (await read('course.yaml')).replace('title: ', 'title: "');
    await writeFile(join(course, 'course.yaml'), courseYaml);
    const { io, output } = captureIo(work);
    expect(await runCli(['migrate', 'course'], io)).toBe(1);
    expect(output.stdout).toMatch(
      /^course\/course.yaml:\d+:\d+ {2}error {2}not valid YAML: the double quotation mark/,
    );
    expect(output.stdout).toContain(
      'nothing was changed; fix the problems above and run coursekit migrate again',
    );
    expect(await read('timeline.yaml')).toBe(timeline);
    expect(await read('course.yaml')).toBe(courseYaml);
  });

  it('leaves an afterArticle: false it cannot remove cleanly (inside { … }) as it is', async () => {
    const flow = `events:\n  - { id: a, date: "2020", precision: year, title: T, description: D, actors: [A], tags: [observations], afterArticle: false }\n`;
    await writeFile(join(course, 'timeline.yaml'), flow);
    expect(await migrateCourse(course)).toEqual({ changes: [], written: [], issues: [] });
    expect(await read('timeline.yaml')).toBe(flow);
  });

  it('writes nothing when a rewrite would make a valid file invalid', async () => {
    const timeline = await read('timeline.yaml');
    const removeEveryTitle: CourseMigration = {
      id: 'broken-migration',
      kind: 'timeline',
      summary: 'a migration with a bug',
      edits: (_document, text) =>
        [...text.matchAll(/^ {4}title: .*\n/gm)].map((match) => ({
          start: match.index,
          end: match.index + match[0].length,
          text: '',
          description: 'removed title',
        })),
    };
    const report = await migrateCourse(course, { migrations: [removeEveryTitle] });
    expect(report.written).toEqual([]);
    expect(report.issues).toMatchObject([{ file: 'timeline.yaml', ruleId: 'migrate/unsafe' }]);
    expect(await read('timeline.yaml')).toBe(timeline);
  });

  it('reports a folder that does not exist as a usage error', async () => {
    const { io, output } = captureIo(work);
    expect(await runCli(['migrate', 'nowhere'], io)).toBe(2);
    expect(output.stderr).toBe(
      'coursekit: nowhere is not a folder; give the course folder (the one with course.yaml)\n',
    );
  });
});
