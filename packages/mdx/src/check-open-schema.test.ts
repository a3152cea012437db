// `coursekit check` on what the open schema allows: other levels, other verbs, no afterArticle.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { captureIo } from '../test/cli-io.js';
import { runCli } from './cli-program.js';

const exampleCourse = new URL('../test/fixtures/example-course/', import.meta.url).pathname;

let work = '';
beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'coursekit-open-'));
  await cp(exampleCourse, join(work, 'course'), { recursive: true });
});
afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

async function edit(file: string, from: string | RegExp, to: string): Promise<void> {
  const path = join(work, 'course', file);
  const text = await readFile(path, 'utf8');
  const edited = text.replace(from, to);
  expect(edited, `${file} has ${String(from)}`).not.toBe(text);
  await writeFile(path, edited);
}

describe('coursekit check with the open schema', () => {
  it('passes a secondary-school course, "Calculate" objectives and events without afterArticle', async () => {
    await edit('course.yaml', 'level: introductory', 'level: secondary');
    await edit('lessons/01-evaporation.mdx', 'text: Describe how heat', 'text: Calculate how heat');
    await edit('timeline.yaml', /\n {4}afterArticle: (true|false)/g, '');
    const { io, output } = captureIo(work);
    expect(await runCli(['check', 'course'], io)).toBe(0);
    expect(output.stdout).toBe('no problems found\n');
  });

  it('warns about an objective that starts with "Understand", suggests a verb, and still exits 0', async () => {
    await edit('lessons/01-evaporation.mdx', 'text: Describe how heat', 'text: Understand how heat');
    const { io, output } = captureIo(work);
    expect(await runCli(['check', 'course'], io)).toBe(0);
    expect(output.stdout).toMatch(
      /^course\/lessons\/01-evaporation\.mdx:9:11 {2}warning {2}objective 'describe-evaporation' starts with "Understand", not a verb a teacher can observe; .* \(did you mean 'explain'\?\) {2}lesson\/objective-verb\n0 errors, 1 warning\n$/,
    );
  });

  it("takes the course's own verbs and severity from course.yaml", async () => {
    await edit('lessons/01-evaporation.mdx', 'text: Describe how heat', 'text: Sketch how heat');
    await edit(
      'course.yaml',
      'level: introductory',
      'level: introductory\nobjectiveVerbs:\n  severity: error',
    );
    const strict = captureIo(work);
    expect(await runCli(['check', 'course'], strict.io)).toBe(1);
    expect(strict.output.stdout).toContain('error  objective');
    await edit('course.yaml', 'severity: error', 'add: [sketch]\n  severity: error');
    const { io, output } = captureIo(work);
    expect(await runCli(['check', 'course'], io)).toBe(0);
    expect(output.stdout).toBe('no problems found\n');
  });
});
