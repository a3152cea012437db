import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCourse } from '../bench/generate-course.js';
import { type BuiltLesson, buildCourse } from '../src/build-course.js';
import { loadCourse } from '../src/load-course.js';

/**
 * Compiled output of three courses (the bench's generated lessons and the two in the repository), recorded before the compile was optimised: every optimisation must leave
 * each lesson's student, teacher and instructor code, and what the lesson contains, exactly as they were.
 * After a deliberate change of output, record again with `RECORD_COMPILED_OUTPUT=1 pnpm test`.
 */
const fixtures = new URL('./fixtures/compiled-output/', import.meta.url).pathname;
const record = process.env.RECORD_COMPILED_OUTPUT === '1';
const formats = ['function-body', 'program'] as const;
const benchLessons = 200;

type Snapshot = Record<(typeof formats)[number], BuiltLesson[]>;

async function compiledOutput(dir: string): Promise<Snapshot> {
  const loaded = await loadCourse(dir);
  expect(loaded.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
  const snapshot: Partial<Snapshot> = {};
  for (const outputFormat of formats) {
    snapshot[outputFormat] = (await buildCourse(loaded, { variant: 'teacher', outputFormat })).lessons;
  }
  return snapshot as Snapshot;
}

async function expectRecorded(name: string, actual: Snapshot): Promise<void> {
  const file = join(fixtures, `${name}.json.gz`);
  if (record) {
    await mkdir(fixtures, { recursive: true });
    await writeFile(file, gzipSync(`${JSON.stringify(actual, null, 1)}\n`, { level: 9 }));
  }
  const expected = JSON.parse(gunzipSync(await readFile(file)).toString('utf8')) as Snapshot;
  for (const format of formats) {
    expect(actual[format].map((lesson) => lesson.file)).toEqual(
      expected[format].map((lesson) => lesson.file),
    );
    for (const [index, lesson] of actual[format].entries()) {
      // One lesson at a time, so a difference names the lesson and shows a readable diff.
      expect(lesson, `${format} ${lesson.file}`).toEqual(expected[format][index]);
    }
  }
}

describe('compiled output stays as recorded', () => {
  let bench: Awaited<ReturnType<typeof generateCourse>>;
  beforeAll(async () => {
    bench = await generateCourse(benchLessons);
  });
  afterAll(() => bench?.remove());

  it(`for the ${benchLessons} generated lessons of the bench course`, async () => {
    const output = await compiledOutput(bench.dir);
    expect(output.program).toHaveLength(benchLessons);
    await expectRecorded('bench-course', output);
  }, 120_000);

  it('for the two-peripheries course of the teach app', async () => {
    const dir = new URL('../../../apps/teach/content/two-peripheries/', import.meta.url).pathname;
    const output = await compiledOutput(dir);
    expect(output.program.length).toBeGreaterThan(0);
    await expectRecorded('two-peripheries', output);
  }, 60_000);

  it('for the gettysburg-address example course', async () => {
    const dir = new URL('../../../examples/gettysburg-address/', import.meta.url).pathname;
    const output = await compiledOutput(dir);
    expect(output.program.length).toBeGreaterThan(0);
    await expectRecorded('gettysburg-address', output);
  }, 60_000);
});
