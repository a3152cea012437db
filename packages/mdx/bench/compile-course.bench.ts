import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compile } from '@mdx-js/mdx';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import { afterAll, beforeAll, bench, describe } from 'vitest';
import { buildCourse } from '../src/build-course.js';
import { type CompileCache, createCompileCache } from '../src/compile-cache.js';
import { type LoadedCourse, loadCourse } from '../src/load-course.js';
import { generateCourse } from './generate-course.js';

const lessonCount = 200;
// Whole-course runs are slow; a few runs give stable enough figures without taking minutes. The code is
// warmed up in beforeAll instead of in warm-up runs, so that every recorded run counts.
const runs = { iterations: 3, warmupIterations: 0, time: 0, warmupTime: 0 };

const seconds: Record<string, number[]> = {};
async function timed(name: string, run: () => Promise<unknown>): Promise<void> {
  const start = performance.now();
  await run();
  const samples = seconds[name] ?? [];
  samples.push((performance.now() - start) / 1000);
  seconds[name] = samples;
}
const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

let course: Awaited<ReturnType<typeof generateCourse>>;
let sources: string[] = [];
let loaded: LoadedCourse;
let warmCache: CompileCache;
let cacheDir = '';

beforeAll(async () => {
  course = await generateCourse(lessonCount);
  sources = await Promise.all(course.files.map((file) => readFile(file, 'utf8')));
  for (const source of sources.slice(0, 20)) {
    await compile(source, { remarkPlugins: [remarkFrontmatter, remarkGfm, remarkDirective] });
  }
  loaded = await loadCourse(course.dir);
  if (!loaded.ok)
    throw new Error(`the generated course has errors:\n${loaded.issues.map((i) => i.message).join('\n')}`);
  cacheDir = await mkdtemp(join(tmpdir(), 'coursekit-bench-cache-'));
  warmCache = createCompileCache({ dir: cacheDir });
  await buildCourse(await loadCourse(course.dir, { cache: warmCache }), { cache: warmCache });
}, 600_000);

afterAll(async () => {
  const plain = median(seconds.plain ?? []);
  const ours = median(seconds.coursekit ?? []);
  const rows = [
    ['plain @mdx-js/mdx compile (one page)', plain],
    ['coursekit buildCourse (student + teacher + instructor, checked)', ours],
    ['coursekit check + build, nothing cached', median(seconds.cold ?? [])],
    ['coursekit check + build, all cached in memory', median(seconds.memory ?? [])],
    ['coursekit check + build, all cached on disk (new process)', median(seconds.disk ?? [])],
  ] as const;
  const lines = rows.map(
    ([name, time]) =>
      `  ${name.padEnd(66)} ${time.toFixed(2).padStart(6)} s  ${(lessonCount / time).toFixed(0).padStart(6)} lessons/s`,
  );
  console.log(
    `\n${lessonCount} generated lessons (median of ${runs.iterations} runs)\n${lines.join('\n')}\n` +
      `  overhead of coursekit's plugins and three builds per lesson: ${(ours / plain).toFixed(2)}x plain compile\n`,
  );
  await course.remove();
  await rm(cacheDir, { recursive: true, force: true });
}, 60_000);

describe(`compile ${lessonCount} lessons`, () => {
  bench(
    'plain @mdx-js/mdx compile',
    () =>
      timed('plain', async () => {
        for (const source of sources) {
          await compile(source, { remarkPlugins: [remarkFrontmatter, remarkGfm, remarkDirective] });
        }
      }),
    runs,
  );

  bench(
    'coursekit buildCourse (no cache)',
    () => timed('coursekit', () => buildCourse(loaded, { cache: createCompileCache() })),
    runs,
  );

  bench(
    'coursekit check + build (no cache)',
    () => timed('cold', async () => buildCourse(await loadCourse(course.dir))),
    runs,
  );

  bench(
    'coursekit check + build (cached in memory)',
    () =>
      timed('memory', async () =>
        buildCourse(await loadCourse(course.dir, { cache: warmCache }), { cache: warmCache }),
      ),
    runs,
  );

  bench(
    'coursekit check + build (cached on disk)',
    () =>
      timed('disk', async () => {
        const cache = createCompileCache({ dir: cacheDir });
        return buildCourse(await loadCourse(course.dir, { cache }), { cache });
      }),
    runs,
  );
});
