// `pnpm --filter @coursekit/citations bench`: whole processes, each figure beside its floor measured in the
// same run: @coursekit/citations against citeproc-js used directly (and `pandoc --citeproc` when it is
// installed) for a 200-entry bibliography and 1,000 citations in chicago-author-date, and a rebuild from the
// citation cache against the cold build that filled it. Alternating runs (BENCH_RUNS, default 5): medians of
// wall time, of CPU time (with GNU time), and of each run's ratio to the floor run beside it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchCitations, benchItems } from './bench-data.mjs';

const runs = Number(process.env.BENCH_RUNS ?? 5);
const here = fileURLToPath(new URL('.', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'citations-bench-'));
const style = (
  await import(new URL('../node_modules/rehype-citation/dist/node/styles/chicago.js', import.meta.url))
).default;
const locale = createRequire(import.meta.url)('@citation-js/plugin-csl/lib/locales.json')['en-US'];
writeFileSync(join(dataDir, 'items.json'), JSON.stringify(benchItems));
writeFileSync(join(dataDir, 'citations.json'), JSON.stringify(benchCitations));
writeFileSync(join(dataDir, 'style.csl'), style);
writeFileSync(join(dataDir, 'locale.xml'), locale);
// pandoc reads the same items and style; citations as pandoc markdown, the bibliography through nocite.
writeFileSync(
  join(dataDir, 'citations.md'),
  `---\nsuppress-bibliography: true\n---\n\n${benchCitations
    .map(({ items: [item] }) => `Text [@${item.key}, p. ${item.locator}].`)
    .join('\n\n')}\n`,
);
writeFileSync(join(dataDir, 'bibliography.md'), "---\nnocite: '@*'\n---\n");

const hasPandoc = spawnSync('pandoc', ['--version'], { stdio: 'ignore' }).status === 0;

// GNU time, where installed, also gives each process's CPU time, which other work on a shared machine
// disturbs less than its wall time.
const gnuTime = spawnSync('/usr/bin/time', ['-f', '%U', 'true'], { stdio: 'ignore' }).status === 0;

/** Runs one whole process; returns its wall and CPU time in seconds and what it printed. */
function timed(command, args) {
  const start = performance.now();
  const result = gnuTime
    ? spawnSync('/usr/bin/time', ['-f', '\n%U %S', command, ...args], opts)
    : spawnSync(command, args, opts);
  const seconds = (performance.now() - start) / 1000;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${result.stderr}`);
  const [user, system] = gnuTime ? result.stderr.trim().split('\n').at(-1).split(' ').map(Number) : [];
  return { seconds, cpu: gnuTime ? user + system : undefined, output: result.stdout };
}
const opts = { encoding: 'utf8', cwd: here, maxBuffer: 1 << 26 };

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

function contenders(task) {
  const list = {
    '@coursekit/citations': () => timed('node', ['run-package.mjs', task, dataDir]),
    'citeproc-js directly': () => timed('node', ['run-citeproc.mjs', task, dataDir]),
  };
  if (hasPandoc) {
    list['pandoc --citeproc'] = () =>
      timed('pandoc', [
        '--citeproc',
        `--bibliography=${join(dataDir, 'items.json')}`,
        `--csl=${join(dataDir, 'style.csl')}`,
        '--to=html',
        '--output=/dev/null',
        join(dataDir, `${task}.md`),
      ]);
  }
  return list;
}

/** Medians of wall time, of CPU time, and of each run's ratio to citeproc-js used directly. */
function measure(task) {
  const list = contenders(task);
  const samples = Object.fromEntries(
    Object.keys(list).map((name) => [name, { wall: [], cpu: [], ratio: [] }]),
  );
  const digests = new Set();
  for (let run = 0; run < runs; run += 1) {
    const thisRun = {};
    for (const [name, runOnce] of Object.entries(list)) {
      thisRun[name] = runOnce();
      samples[name].wall.push(thisRun[name].seconds);
      if (thisRun[name].cpu !== undefined) samples[name].cpu.push(thisRun[name].cpu);
      if (!name.startsWith('pandoc')) digests.add(thisRun[name].output);
    }
    for (const name of Object.keys(list)) {
      samples[name].ratio.push(thisRun[name].seconds / thisRun['citeproc-js directly'].seconds);
    }
  }
  if (digests.size !== 1) throw new Error(`${task}: the package and citeproc-js gave different HTML`);
  return Object.fromEntries(
    Object.entries(samples).map(([name, { wall, cpu, ratio }]) => [
      name,
      { wall: median(wall), cpu: cpu.length > 0 ? median(cpu) : undefined, ratio: median(ratio) },
    ]),
  );
}

function measureCache() {
  const cold = [];
  const cached = [];
  const ratio = [];
  for (let run = 0; run < runs; run += 1) {
    const cacheDir = mkdtempSync(join(tmpdir(), 'citations-cache-'));
    try {
      const first = timed('node', ['run-package.mjs', 'citations', dataDir, cacheDir]);
      const again = timed('node', ['run-package.mjs', 'citations', dataDir, cacheDir]);
      if (first.output !== again.output) throw new Error('the cached rebuild gave different HTML');
      cold.push(first.seconds);
      cached.push(again.seconds);
      ratio.push(again.seconds / first.seconds);
    } finally {
      rmSync(cacheDir, { recursive: true, force: true });
    }
  }
  return { cold: median(cold), cached: median(cached), ratio: median(ratio) };
}

/** What importing the package costs: whole processes that only load it, beside one that loads nothing. */
function measureImports() {
  const list = {
    'node, nothing loaded': ['-e', ''],
    'import the package (ESM)': ['--input-type=module', '-e', "await import('../dist/index.js')"],
    'require the package (CJS)': ['-e', "require('../dist/index.cjs')"],
    'require citeproc-js alone': ['-e', "require('citeproc')"],
  };
  const times = Object.fromEntries(Object.keys(list).map((name) => [name, []]));
  for (let run = 0; run < runs * 2; run += 1) {
    for (const [name, args] of Object.entries(list)) times[name].push(timed('node', args).seconds);
  }
  return Object.fromEntries(Object.entries(times).map(([name, values]) => [name, median(values)]));
}

const format = (seconds) => `${seconds.toFixed(2)} s`;
try {
  console.log(`Node ${process.version}, ${runs} alternating runs each, medians of whole processes`);
  if (!hasPandoc) console.log('(pandoc is not installed: its floor is left out)');
  for (const [task, label] of [
    ['bibliography', 'a 200-entry bibliography'],
    ['citations', '1,000 citations'],
  ]) {
    const times = measure(task);
    const ours = times['@coursekit/citations'];
    const floor = times['citeproc-js directly'];
    console.log(`\n${label}, chicago-author-date: wall (CPU), median of runs`);
    for (const [name, { wall, cpu }] of Object.entries(times)) {
      console.log(`  ${name.padEnd(22)} ${format(wall)}${cpu === undefined ? '' : ` (${format(cpu)} CPU)`}`);
    }
    const cpuRatio = ours.cpu === undefined ? '' : `, CPU ${(ours.cpu / floor.cpu).toFixed(2)}×`;
    console.log(`  package / citeproc-js directly: wall ${ours.ratio.toFixed(2)}×${cpuRatio} (goal ≤ 1.15×)`);
    const pandoc = times['pandoc --citeproc'];
    if (pandoc)
      console.log(`  package / pandoc --citeproc:    wall ${(ours.ratio / pandoc.ratio).toFixed(2)}×`);
  }
  const imports = measureImports();
  const bare = imports['node, nothing loaded'];
  console.log('\nimport time (whole process, less a node process that loads nothing)');
  for (const [name, seconds] of Object.entries(imports)) {
    if (name !== 'node, nothing loaded')
      console.log(`  ${name.padEnd(26)} ${((seconds - bare) * 1000).toFixed(0)} ms`);
  }
  const { cold, cached, ratio } = measureCache();
  console.log('\n1,000 citations with a citation cache folder (createCitationCache({ dir }))');
  console.log(`  cold build, filling the cache ${format(cold)}`);
  console.log(`  rebuild from the cache        ${format(cached)}`);
  console.log(`  rebuild / cold: ${(ratio * 100).toFixed(1)}% (goal < 5%)`);
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
