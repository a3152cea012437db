import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { runPlugins } from '../test/plugin-harness.js';
import { exampleRenderer } from '../test/references.js';
import { remarkCitations } from './remark-citations.js';
import { remarkCourseDirectives } from './remark-course-directives.js';

const fixtures = new URL('../test/fixtures/plugins/citations/', import.meta.url);
const fixture = (name: string) => readFile(new URL(name, fixtures), 'utf8');

describe('remarkCitations', async () => {
  const renderer = await exampleRenderer();

  it('renders pandoc citations in the course style with the full references, and quotations with their source', async () => {
    const run = await runPlugins(await fixture('input.mdx'), [
      remarkCourseDirectives,
      [remarkCitations, { renderer }],
    ]);
    expect(run.messages).toEqual([]);
    await expect(run.output).toMatchFileSnapshot(new URL('output.mdx', fixtures).pathname);
  });

  it('collects the keys used, in order, marking those cited only in teacher-only blocks', async () => {
    const run = await runPlugins(
      '[@example-water-primer, para. 1]\n\n:::instructor\n[@example-field-notes]\n:::\n',
      [remarkCourseDirectives, [remarkCitations, { renderer }]],
    );
    expect(run.file.data.citationsUsed).toEqual([
      { key: 'example-water-primer', teacherOnly: false },
      { key: 'example-field-notes', teacherOnly: true },
    ]);
  });

  it('reports unknown keys at the key itself, with the closest known key', async () => {
    const run = await runPlugins(await fixture('broken.mdx'), [
      remarkCourseDirectives,
      [remarkCitations, { renderer }],
    ]);
    expect(run.messages).toEqual([
      "1:17  citation/unknown-key  unknown citation key 'example-water-primr'; add it to the references or fix the key (did you mean 'example-water-primer'?)",
      "1:72  citation/unknown-key  unknown citation key 'nobody-2020'; add it to the references or fix the key",
      "3:11  citation/unknown-key  unknown citation key 'exmaple-field-notes'; add it to the references or fix the key (did you mean 'example-field-notes'?)",
    ]);
  });

  it('leaves prose alone when the course has no references to check against', async () => {
    const run = await runPlugins('As [@anyone, p. 2] says.\n', [remarkCitations]);
    expect(run.messages).toEqual([]);
    expect(run.output).toBe('As \\[@anyone, p. 2] says.\n');
  });
});
