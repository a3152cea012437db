import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect, it } from 'vitest';
import { benchItems } from '../bench/bench-data.mjs';

// Vitest runs each test file in a process of its own, so the modules loaded here are this file's doing.
const require = createRequire(import.meta.url);
const dependencies = [
  'citeproc',
  'zod',
  '@citation-js/core',
  '@citation-js/plugin-bibtex',
  'yaml',
  'jsonc-parser',
];
const loaded = () =>
  dependencies.filter((name) =>
    Object.keys(require.cache).some((path) => path.includes(`/node_modules/${name}/`)),
  );

it('loads each dependency only when a call needs it', { timeout: 60_000 }, async () => {
  const { createCiteProcessor, parseBibTeX, parseCslJson } = await import('./index.js');
  expect(loaded()).toEqual([]);

  const processor = createCiteProcessor({ items: benchItems.slice(0, 20) });
  processor.cite([{ key: 'test-ref-1', locator: '3', label: 'page' }]);
  processor.bibliography();
  // Items written in code and plainly valid need no schema library.
  expect(loaded()).toEqual(['citeproc']);

  parseCslJson(JSON.stringify([...benchItems, { id: 'dated', type: 'book', issued: '2017-12-22' }]));
  expect(loaded()).toEqual(['citeproc', 'zod', 'jsonc-parser']);

  parseBibTeX(readFileSync(new URL('../test/fixtures/references.bib', import.meta.url), 'utf8'));
  expect(loaded()).toEqual([
    'citeproc',
    'zod',
    '@citation-js/core',
    '@citation-js/plugin-bibtex',
    'jsonc-parser',
  ]);
});
