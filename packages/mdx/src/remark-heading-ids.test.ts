import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { runPlugins } from '../test/plugin-harness.js';
import { remarkCourseDirectives } from './remark-course-directives.js';
import { remarkGlossaryTerms } from './remark-glossary-terms.js';
import { remarkHeadingIds } from './remark-heading-ids.js';

const fixtures = new URL('../test/fixtures/plugins/headings/', import.meta.url);

describe('remarkHeadingIds', async () => {
  const run = await runPlugins(await readFile(new URL('input.mdx', fixtures), 'utf8'), [
    remarkCourseDirectives,
    [
      remarkGlossaryTerms,
      { terms: [{ id: 'condensation', term: 'Condensation', definition: 'Vapour to water.' }] },
    ],
    remarkHeadingIds,
  ]);

  it('gives every heading an id from its text, numbering repeats', () => {
    const ids = run.tree.children.flatMap((node) =>
      node.type === 'heading' ? [String(node.data?.hProperties?.id)] : [],
    );
    expect(ids).toEqual([
      'the-water-cycle',
      'evaporation',
      'what-heats-the-water',
      'evaporation-1',
      'too-deep-for-the-contents',
      'where-condensation-happens',
    ]);
  });

  it('lists the ## and ### headings a student sees as the table of contents', () => {
    expect(run.file.data.toc).toEqual([
      { depth: 2, id: 'evaporation', text: 'Evaporation' },
      { depth: 3, id: 'what-heats-the-water', text: 'What heats the water?' },
      { depth: 2, id: 'evaporation-1', text: 'Evaporation' },
      { depth: 2, id: 'where-condensation-happens', text: 'Where Condensation happens' },
    ]);
  });

  it('keeps ids stable when text elsewhere in the lesson changes', async () => {
    const edited = await runPlugins('Intro paragraph added.\n\n## Evaporation\n', [remarkHeadingIds]);
    expect(edited.file.data.toc).toEqual([{ depth: 2, id: 'evaporation', text: 'Evaporation' }]);
  });
});
