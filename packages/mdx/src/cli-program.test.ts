import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ruleIds } from '@coursekit/issues';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { captureIo } from '../test/cli-io.js';
import { runCli } from './cli-program.js';

const fixtures = new URL('../test/fixtures/', import.meta.url).pathname;

let work = '';
beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'coursekit-cli-'));
  await cp(join(fixtures, 'example-course'), join(work, 'course'), { recursive: true });
  await cp(join(fixtures, 'broken', 'all-at-once'), join(work, 'broken'), { recursive: true });
});
afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('coursekit check', () => {
  it('exits 0 and says so when the course is clean', async () => {
    const { io, output } = captureIo(work);
    expect(await runCli(['check', 'course'], io)).toBe(0);
    expect(output.stdout).toBe('no problems found\n');
  });

  it('prints every issue as file:line:col  severity  message  rule and exits 1', async () => {
    const { io, output } = captureIo(work);
    expect(await runCli(['check', 'broken'], io)).toBe(1);
    const lines = output.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(9);
    expect(lines[0]).toBe(
      'broken/course.yaml:26:11  error  timeline timelines.yaml not found; create it or fix the timeline path in course.yaml  file/missing',
    );
    expect(lines.at(-1)).toBe('8 errors, 0 warnings');
  });

  it('writes JSON for tools with --format json', async () => {
    const { io, output } = captureIo(work);
    expect(await runCli(['check', 'broken', '--format', 'json'], io)).toBe(1);
    const report = JSON.parse(output.stdout);
    expect(Object.keys(report)).toEqual(['dir', 'ok', 'errors', 'warnings', 'issues']);
    expect(report).toMatchObject({ dir: join(work, 'broken'), ok: false, errors: 8, warnings: 0 });
    expect(report.issues[1]).toEqual({
      file: 'lessons/01-evaporation.mdx',
      line: 6,
      column: 11,
      message: expect.stringContaining("'duration' must be a number"),
      ruleId: 'schema/wrong-type',
      source: '@coursekit/mdx',
      severity: 'error',
      url: 'https://unpkg.com/@coursekit/issues/docs/rules.md#schemawrong-type',
    });
    // Place first, then what and why, as documented.
    expect(Object.keys(report.issues[1])).toEqual([
      'file',
      'line',
      'column',
      'message',
      'ruleId',
      'source',
      'severity',
      'url',
    ]);
    // Every issue is placed, has a documented rule and says what is wrong.
    for (const issue of report.issues) {
      expect(issue).toMatchObject({ line: expect.any(Number), column: expect.any(Number) });
      expect(ruleIds).toContain(issue.ruleId);
      expect(issue.url).toMatch(/docs\/rules\.md#/);
    }
  });

  it('explains a folder that does not exist in one line and exits 2', async () => {
    const { io, output } = captureIo(work);
    expect(await runCli(['check', 'nowhere'], io)).toBe(2);
    expect(output.stderr).toBe(
      'coursekit: nowhere is not a folder; give the course folder (the one with course.yaml)\n',
    );
  });

  it('rejects an unknown format as a usage error', async () => {
    const { io, output } = captureIo(work);
    expect(await runCli(['check', 'course', '--format', 'xml'], io)).toBe(2);
    expect(output.stderr).toContain("option '--format <format>' argument 'xml' is invalid");
  });
});

describe('coursekit build', () => {
  it('writes the compiled course with plain progress lines when not on a terminal', async () => {
    const { io, output } = captureIo(work);
    expect(await runCli(['build', 'course', '--out', 'out', '--no-cache'], io)).toBe(0);
    expect(output.stdout).toBe(
      [
        'compiled course/lessons/01-evaporation.mdx (1/2)',
        'compiled course/lessons/02-condensation-and-rain.mdx (2/2)',
        'built 2 lessons of water-cycle into out',
        '',
      ].join('\n'),
    );
    expect((await readdir(join(work, 'out', 'lessons'))).sort()).toEqual([
      'condensation-and-rain.instructor.js',
      'condensation-and-rain.student.js',
      'condensation-and-rain.teacher.js',
      'evaporation.instructor.js',
      'evaporation.student.js',
      'evaporation.teacher.js',
    ]);
    const student = await readFile(join(work, 'out', 'lessons', 'evaporation.student.js'), 'utf8');
    expect(student).toContain('export default function MDXContent');
    expect(student).not.toContain('wet cloths');
    const manifest = JSON.parse(await readFile(join(work, 'out', 'manifest.json'), 'utf8'));
    expect(manifest.lessons.map((lesson: { id: string }) => lesson.id)).toEqual([
      'evaporation',
      'condensation-and-rain',
    ]);
    expect(JSON.stringify(manifest)).not.toContain('wet cloth');
    const teacher = JSON.parse(await readFile(join(work, 'out', 'teacher.json'), 'utf8'));
    expect(teacher.lessons.evaporation.instructorNotes).toBe(
      'Start with a wet cloth drying on a sunny windowsill.',
    );
  });

  it('draws a progress bar on a terminal', async () => {
    const { io, output } = captureIo(work, { tty: true });
    const ci = process.env.CI;
    delete process.env.CI;
    try {
      expect(await runCli(['build', 'course', '--out', 'out', '--no-cache'], io)).toBe(0);
    } finally {
      if (ci !== undefined) process.env.CI = ci;
    }
    expect(output.stdout).toContain(
      '\r\x1b[2K████████████░░░░░░░░░░░░ 1/2 course/lessons/01-evaporation.mdx',
    );
    expect(output.stdout).not.toContain('compiled course/');
  });

  it('writes nothing when check would fail, and leaves an earlier build as it was', async () => {
    const { io } = captureIo(work);
    expect(await runCli(['build', 'course', '--out', 'out', '--no-cache'], io)).toBe(0);
    const before = await readFile(join(work, 'out', 'manifest.json'), 'utf8');
    const failed = captureIo(work);
    expect(await runCli(['build', 'broken', '--out', 'out', '--no-cache'], failed.io)).toBe(1);
    expect(failed.output.stdout).toContain('lessons/03-storms.mdx:32:34  error');
    expect(failed.output.stdout.trimEnd().endsWith('nothing was written to out')).toBe(true);
    expect(await readFile(join(work, 'out', 'manifest.json'), 'utf8')).toBe(before);
    expect(await runCli(['build', 'broken', '--out', 'fresh', '--no-cache'], captureIo(work).io)).toBe(1);
    await expect(readdir(join(work, 'fresh'))).rejects.toThrow(/ENOENT/);
  });

  it('refuses to replace a folder that is not an earlier build', async () => {
    await mkdir(join(work, 'notes'));
    await writeFile(join(work, 'notes', 'keep.txt'), 'mine');
    const { io, output } = captureIo(work);
    expect(await runCli(['build', 'course', '--out', 'notes', '--no-cache'], io)).toBe(2);
    expect(output.stderr).toBe(
      'coursekit: notes is not empty and holds no earlier coursekit build; choose an empty or new folder for --out\n',
    );
    expect(await readFile(join(work, 'notes', 'keep.txt'), 'utf8')).toBe('mine');
  });

  it('leaves teacher-only content out of a student build', async () => {
    const { io } = captureIo(work);
    expect(await runCli(['build', 'course', '--out', 'out', '--variant', 'student', '--no-cache'], io)).toBe(
      0,
    );
    expect((await readdir(join(work, 'out'))).sort()).toEqual(['lessons', 'manifest.json', 'quizzes']);
    expect((await readdir(join(work, 'out', 'lessons'))).sort()).toEqual([
      'condensation-and-rain.student.js',
      'evaporation.student.js',
    ]);
  });
});

describe('coursekit new lesson', () => {
  it('scaffolds a lesson that passes check, numbered after the others and listed in course.yaml', async () => {
    const { io, output } = captureIo(work);
    expect(await runCli(['new', 'lesson', 'groundwater', '--dir', 'course'], io)).toBe(0);
    expect(output.stdout).toBe(
      "created course/lessons/03-groundwater.mdx\nadded 'groundwater' to the lessons in course/course.yaml\n",
    );
    const lesson = await readFile(join(work, 'course', 'lessons', '03-groundwater.mdx'), 'utf8');
    expect(lesson).toMatch(/^---\nid: groundwater\ntitle: Groundwater\n/);
    expect(lesson).toContain('order: 3\n');
    expect(await readFile(join(work, 'course', 'course.yaml'), 'utf8')).toContain(
      '  - condensation-and-rain\n  - groundwater\n',
    );
    // Valid as it stands: the only remark is that the course estimate no longer covers its lessons.
    const check = captureIo(work);
    expect(await runCli(['check', 'course'], check.io)).toBe(0);
    expect(check.output.stdout).toBe(
      'course/course.yaml:16:19  warning  the lessons add up to 135 minutes, more than estimatedMinutes (90); raise the estimate or shorten the lessons  course/estimate-below-lessons\n0 errors, 1 warning\n',
    );
  });

  it('refuses an id that is not a slug or already used, writing nothing', async () => {
    const { io, output } = captureIo(work);
    expect(await runCli(['new', 'lesson', 'Ground Water', '--dir', 'course'], io)).toBe(2);
    expect(output.stderr).toBe(
      "coursekit: 'Ground Water' is not a lesson id; use lower-case letters, digits and single hyphens, such as 'water-vapour'\n",
    );
    expect(await runCli(['new', 'lesson', 'evaporation', '--dir', 'course'], io)).toBe(2);
    expect(output.stderr).toContain("lessons/01-evaporation.mdx already has the id 'evaporation'");
    expect(await readdir(join(work, 'course', 'lessons'))).toHaveLength(2);
  });
});
