// One whole process with @coursekit/citations (the built dist): node bench/run-package.mjs <task> <data dir> [cache dir]
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCitationCache, createCiteProcessor } from '../dist/index.js';

const [task, dataDir, cacheDir] = process.argv.slice(2);
const items = JSON.parse(readFileSync(join(dataDir, 'items.json'), 'utf8'));
const cache = cacheDir ? createCitationCache({ dir: cacheDir }) : undefined;
const processor = createCiteProcessor({ items, style: 'chicago-author-date', cache });
let output;
if (task === 'bibliography') {
  output = processor.bibliography().map((entry) => entry.html);
} else {
  const citations = JSON.parse(readFileSync(join(dataDir, 'citations.json'), 'utf8'));
  output = citations.map((cluster) => processor.cite(cluster).html);
}
// A digest of the HTML, so that the runner can check that every contender did the same work.
process.stdout.write(createHash('sha256').update(JSON.stringify(output)).digest('hex'));
