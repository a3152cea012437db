import { readFile } from 'node:fs/promises';
import { parseBibTeX } from '@coursekit/citations';
import { createCitationRenderer } from '../src/citation-renderer.js';

/** The example course's (fictional) references, as lessons are checked against them. */
export async function exampleRenderer() {
  const bib = await readFile(new URL('./fixtures/example-course/references.bib', import.meta.url), 'utf8');
  return createCitationRenderer({ items: parseBibTeX(bib), style: 'chicago-author-date' });
}
