import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  benchCitations,
  benchItems,
  edgeCitations,
  edgeItems,
  selectedKeys,
  variedCitations,
} from '../bench/bench-data.mjs';
import { createCiteProcessor } from './cite-processor.js';
import { builtInStyles } from './styles.js';

// The output recorded before the renderer was optimised, in test/fixtures/output/. Every change to how
// citeproc-js is driven must leave it byte for byte the same. To record it anew (only for a deliberate change
// of output, such as a citeproc-js upgrade): `pnpm --filter @coursekit/citations snapshot:output`.
const noteStyle = readFileSync(new URL('../test/fixtures/test-note-style.csl', import.meta.url), 'utf8');
const styles: Array<[name: string, style: string]> = [
  ...builtInStyles.map((name): [string, string] => [name, name]),
  ['test-note-style', noteStyle],
];

/** JSON with one citation or entry a line, so that a difference shows where it is. */
function linePerEntry(output: Record<string, unknown[] | null>): string {
  const sections = Object.entries(output).map(
    ([name, list]) =>
      `${JSON.stringify(name)}: ${list ? `[\n${list.map((entry) => JSON.stringify(entry)).join(',\n')}\n]` : 'null'}`,
  );
  return `{\n${sections.join(',\n')}\n}\n`;
}

function renderAll(style: string) {
  const processor = createCiteProcessor({ items: benchItems, style });
  const varied = variedCitations.map((cluster) => processor.cite(cluster));
  processor.reset();
  const bench = benchCitations.map((cluster) => processor.cite(cluster));
  const hasBibliography = processor.style.hasBibliography;
  const edge = createCiteProcessor({ items: [...benchItems.slice(0, 10), ...edgeItems], style });
  return {
    citations: varied,
    benchCitations: bench,
    bibliography: hasBibliography ? processor.bibliography() : null,
    selectedBibliography: hasBibliography ? processor.bibliography(selectedKeys) : null,
    edgeCitations: edgeCitations.map((cluster) => edge.cite(cluster)),
    edgeBibliography: hasBibliography ? edge.bibliography() : null,
  };
}

describe('output on the bench data', () => {
  for (const [name, style] of styles) {
    // Rendering 1,300 citations in old versions of the package took a while.
    it(`is what it was before the optimisations in ${name}`, { timeout: 120_000 }, async () => {
      const output = linePerEntry(renderAll(style));
      expect(JSON.parse(output)).toBeTypeOf('object');
      await expect(output).toMatchFileSnapshot(`../test/fixtures/output/${name}.json`);
    });
  }
});
