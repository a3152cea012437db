import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { runPlugins } from '../test/plugin-harness.js';
import { remarkCourseDirectives } from './remark-course-directives.js';
import { type GlossaryEntry, remarkGlossaryTerms } from './remark-glossary-terms.js';

const fixtures = new URL('../test/fixtures/plugins/glossary/', import.meta.url);
const fixture = (name: string) => readFile(new URL(name, fixtures), 'utf8');

const terms: GlossaryEntry[] = [
  { id: 'evaporation', term: 'Evaporation', definition: 'Liquid water becoming vapour.' },
  { id: 'condensation', term: 'Condensation', definition: 'Vapour becoming liquid water.', aliases: ['dew'] },
];

describe('remarkGlossaryTerms', () => {
  it('links [[id]], [[id|label]] and <Term id> to their glossary entry', async () => {
    const run = await runPlugins(await fixture('input.mdx'), [
      remarkCourseDirectives,
      [remarkGlossaryTerms, { terms }],
    ]);
    expect(run.messages).toEqual([]);
    await expect(run.output).toMatchFileSnapshot(new URL('output.mdx', fixtures).pathname);
  });

  it('lists the terms used, marking those used only in teacher-only blocks', async () => {
    const run = await runPlugins('[[evaporation]]\n\n:::instructor\n[[condensation]]\n:::\n', [
      remarkCourseDirectives,
      [remarkGlossaryTerms, { terms }],
    ]);
    expect(run.file.data.termsUsed).toEqual([
      { id: 'evaporation', teacherOnly: false },
      { id: 'condensation', teacherOnly: true },
    ]);
  });

  it('reports unknown ids where they are written, with the closest ids or the id behind a term name', async () => {
    const run = await runPlugins(await fixture('broken.mdx'), [[remarkGlossaryTerms, { terms }]]);
    expect(run.messages).toEqual([
      "1:13  glossary/unknown-term  unknown glossary term 'evaporaton'; add it to glossary.yaml or use an existing id (did you mean 'evaporation'?)",
      "1:55  glossary/unknown-term  unknown glossary term 'Condensation'; add it to glossary.yaml or use an existing id (did you mean 'condensation'?)",
      "3:10  glossary/unknown-term  unknown glossary term 'runoff'; add it to glossary.yaml or use an existing id",
      '3:47  glossary/missing-id  <Term> needs the id of a glossary entry as a string, as in <Term id="my-term">',
    ]);
  });

  it('links terms without checking them when no glossary is given', async () => {
    const run = await runPlugins('See [[anything]].\n', [remarkGlossaryTerms]);
    expect(run.messages).toEqual([]);
    expect(run.output).toBe('See <Term id="anything">anything</Term>.\n');
  });
});
