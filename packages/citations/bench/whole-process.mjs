// `pnpm --filter @coursekit/citations bench`: whole processes, each figure beside its floor measured in the
// same run: @coursekit/citations against citeproc-js used directly (and `pandoc --citeproc` when it is
// installed) for a 200-entry bibliography and 1,000 citations in chicago-author-date, and a rebuild from the
// citation cache against the cold build that filled it. Medians of alternating runs (BENCH_RUNS, default 5).
import { execFileSync, spawnSync } from 'node:child_process';
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

/** Runs one whole process; returns its wall time in seconds and what it printed. */
function timed(command, args) {
  const start = performance.now();
  const output = execFileSync(command, args, { encoding: 'utf8', cwd: here, maxBuffer: 1 << 26 });
  return { seconds: (performance.now() - start) / 1000, output };
}

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

function measure(task) {
  const list = contenders(task);
  const times = Object.fromEntries(Object.keys(list).map((name) => [name, []]));
  const digests = new Set();
  for (let run = 0; run < runs; run += 1) {
    for (const [name, runOnce] of Object.entries(list)) {
      const { seconds, output } = runOnce();
      times[name].push(seconds);
      if (!name.startsWith('pandoc')) digests.add(output);
    }
  }
  if (digests.size !== 1) throw new Error(`${task}: the package and citeproc-js gave different HTML`);
  return Object.fromEntries(Object.entries(times).map(([name, values]) => [name, median(values)]));
}

function measureCache() {
  const cold = [];
  const cached = [];
  for (let run = 0; run < runs; run += 1) {
    const cacheDir = mkdtempSync(join(tmpdir(), 'citations-cache-'));
    try {
      const first = timed('node', ['run-package.mjs', 'citations', dataDir, cacheDir]);
      const again = timed('node', ['run-package.mjs', 'citations', dataDir, cacheDir]);
      if (first.output !== again.output) throw new Error('the cached rebuild gave different HTML');
      cold.push(first.seconds);
      cached.push(again.seconds);
    } finally {
      rmSync(cacheDir, { recursive: true, force: true });
    }
  }
  return { cold: median(cold), cached: median(cached) };
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
    console.log(`\n${label}, chicago-author-date`);
    for (const [name, seconds] of Object.entries(times))
      console.log(`  ${name.padEnd(22)} ${format(seconds)}`);
    console.log(`  package / citeproc-js directly: ${(ours / floor).toFixed(2)}× (goal ≤ 1.15×)`);
    if (times['pandoc --citeproc'])
      console.log(`  package / pandoc --citeproc:    ${(ours / times['pandoc --citeproc']).toFixed(2)}×`);
  }
  const imports = measureImports();
  const bare = imports['node, nothing loaded'];
  console.log('\nimport time (whole process, less a node process that loads nothing)');
  for (const [name, seconds] of Object.entries(imports)) {
    if (name !== 'node, nothing loaded')
      console.log(`  ${name.padEnd(26)} ${((seconds - bare) * 1000).toFixed(0)} ms`);
  }
  const { cold, cached } = measureCache();
  console.log('\n1,000 citations with a citation cache folder (createCitationCache({ dir }))');
  console.log(`  cold build, filling the cache ${format(cold)}`);
  console.log(`  rebuild from the cache        ${format(cached)}`);
  console.log(`  rebuild / cold: ${((cached / cold) * 100).toFixed(1)}% (goal < 5%)`);
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
