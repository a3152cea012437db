import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { compile } from '@mdx-js/mdx';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import { afterAll, beforeAll, bench, describe } from 'vitest';
import { buildCourse } from '../src/build-course.js';
import { type CompileCache, createCompileCache } from '../src/compile-cache.js';
import { loadCourse } from '../src/load-course.js';
import { generateCourse, withoutInstructorBlocks } from './generate-course.js';

const lessonCount = 200;
// Whole-course runs are slow; a few runs give stable enough figures without taking minutes. The code is
// warmed up in beforeAll instead of in warm-up runs, so that every recorded run counts.
const runs = { iterations: 7, warmupIterations: 0, time: 0, warmupTime: 0 };

interface Sample {
  /** Wall-clock seconds. */
  wall: number;
  /** CPU seconds of the main thread, steadier than wall time on a shared machine. */
  cpu: number;
}

/**
 * CPU seconds used so far by the thread that compiles. On Linux from /proc (clock ticks of 10 ms), without
 * the time of V8's helper threads, which varies with how busy the machine is; elsewhere the whole process's.
 */
function cpuSeconds(): number {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    const usage = process.cpuUsage();
    return (usage.user + usage.system) / 1e6;
  }
}

const samples: Record<string, Sample[]> = {};
async function timed(name: string, run: () => Promise<unknown>): Promise<void> {
  const cpuStart = cpuSeconds();
  const start = performance.now();
  await run();
  const wall = (performance.now() - start) / 1000;
  const list = samples[name] ?? [];
  list.push({ wall, cpu: cpuSeconds() - cpuStart });
  samples[name] = list;
}
const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
const medianOf = (name: string, key: keyof Sample) => median((samples[name] ?? []).map((s) => s[key]));

let course: Awaited<ReturnType<typeof generateCourse>>;
let sources: string[] = [];
let bothPages: string[] = [];
let warmCache: CompileCache;
let cacheDir = '';
/** The machine's load average (1, 5, 15 minutes) when the runs started, printed beside the figures. */
let loadAtStart: number[] = [];
const formatLoad = (load: number[]) => load.map((value) => value.toFixed(2)).join(', ');

const plainOptions = { remarkPlugins: [remarkFrontmatter, remarkGfm, remarkDirective] };
/** The floor of issue 17: one plain compile per lesson, the one page a plain MDX site would build. */
const plainCompile = async () => {
  for (const source of sources) await compile(source, plainOptions);
};
/**
 * The floor for what the course compile writes, two pages per lesson: a plain compile of the student's page
 * (the lesson without its teacher-only block) and of the teacher's (the lesson as written).
 */
const plainCompileBoth = async () => {
  for (const source of bothPages) await compile(source, plainOptions);
};
/** What `coursekit build` does: check the whole course, then compile every lesson's three programs. */
const courseCompile = async (cache?: CompileCache) => {
  const loaded = await loadCourse(course.dir, { cache });
  if (!loaded.ok) throw new Error(`the generated course has errors:\n${loaded.issues.map((i) => i.message)}`);
  return buildCourse(loaded, { cache });
};

beforeAll(async () => {
  course = await generateCourse(lessonCount);
  sources = await Promise.all(course.files.map((file) => readFile(file, 'utf8')));
  bothPages = sources.flatMap((source) => [withoutInstructorBlocks(source), source]);
  for (const source of sources.slice(0, 20)) {
    await compile(source, { remarkPlugins: [remarkFrontmatter, remarkGfm, remarkDirective] });
  }
  await courseCompile();
  cacheDir = await mkdtemp(join(tmpdir(), 'coursekit-bench-cache-'));
  warmCache = createCompileCache({ dir: cacheDir });
  await courseCompile(warmCache);
  loadAtStart = loadavg();
}, 600_000);

/** The median of the ratios of runs made one after the other: a busy spell of the machine falls on both. */
function pairedRatio(name: string, floor: string, key: keyof Sample): number {
  const floorSamples = samples[floor] ?? [];
  return median(
    (samples[name] ?? []).map((sample, index) => sample[key] / (floorSamples[index]?.[key] ?? 0)),
  );
}

afterAll(async () => {
  const cold = medianOf('cold', 'wall');
  const rows = [
    ['plain @mdx-js/mdx compile (one page per lesson)', 'plain'],
    ['plain @mdx-js/mdx compile (student and teacher pages per lesson)', 'plain-both'],
    ['coursekit course compile (check + student, teacher, instructor)', 'cold'],
    ['coursekit rebuild, all cached in memory', 'memory'],
    ['coursekit rebuild, all cached on disk (new process)', 'disk'],
  ] as const;
  const lines = rows.map(([label, name]) => {
    const wall = medianOf(name, 'wall');
    return (
      `  ${label.padEnd(66)} ${wall.toFixed(2).padStart(6)} s  ${medianOf(name, 'cpu').toFixed(2).padStart(6)} s CPU` +
      `  ${(lessonCount / wall).toFixed(0).padStart(6)} lessons/s`
    );
  });
  console.log(
    `\n${lessonCount} generated lessons, Node ${process.versions.node}, ` +
      `${process.env.NODE_ENV === 'production' ? 'production' : 'development'} builds of dependencies ` +
      `(medians of ${runs.iterations} runs; each run compiles plain, both pages plain, then the course)\n` +
      `  load average ${formatLoad(loadAtStart)} at the start of the runs, ${formatLoad(loadavg())} at the end\n` +
      `${lines.join('\n')}\n` +
      `  course compile / plain compile, median of each run's ratio: ${pairedRatio('cold', 'plain', 'wall').toFixed(2)}x ` +
      `(CPU time ${pairedRatio('cold', 'plain', 'cpu').toFixed(2)}x; goal 1.6x, issue 17's floor)\n` +
      `  course compile / plain compile of both pages: ${pairedRatio('cold', 'plain-both', 'wall').toFixed(2)}x ` +
      `(CPU time ${pairedRatio('cold', 'plain-both', 'cpu').toFixed(2)}x; the floor for two pages per lesson)\n` +
      `  cached rebuild / course compile: in memory ${((100 * medianOf('memory', 'wall')) / cold).toFixed(1)}%, ` +
      `on disk ${((100 * medianOf('disk', 'wall')) / cold).toFixed(1)}%\n`,
  );
  await course.remove();
  await rm(cacheDir, { recursive: true, force: true });
}, 60_000);

describe(`compile ${lessonCount} lessons`, () => {
  // One run times both, one after the other, so that a busy moment of the machine falls on both.
  bench(
    'plain @mdx-js/mdx compile (one page, then both pages), then coursekit course compile (no cache)',
    async () => {
      await timed('plain', plainCompile);
      await timed('plain-both', plainCompileBoth);
      await timed('cold', () => courseCompile());
    },
    runs,
  );

  bench('coursekit rebuild (cached in memory)', () => timed('memory', () => courseCompile(warmCache)), runs);

  bench(
    'coursekit rebuild (cached on disk)',
    () => timed('disk', () => courseCompile(createCompileCache({ dir: cacheDir }))),
    runs,
  );
});
