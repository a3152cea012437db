import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { runPlugins } from '../test/plugin-harness.js';
import { remarkCourseDirectives } from './remark-course-directives.js';

const fixtures = new URL('../test/fixtures/plugins/directives/', import.meta.url);
const fixture = (name: string) => readFile(new URL(name, fixtures), 'utf8');

describe('remarkCourseDirectives', () => {
  it('turns the course directives into components and leaves prose with colons alone', async () => {
    const run = await runPlugins(await fixture('input.mdx'), [remarkCourseDirectives]);
    expect(run.messages).toEqual([]);
    await expect(run.output).toMatchFileSnapshot(new URL('output.mdx', fixtures).pathname);
  });

  it('keeps the prose of accidental text directives exactly as written', async () => {
    const run = await runPlugins('Meet at 10:30, see:this.\n', [remarkCourseDirectives]);
    expect(run.tree.children[0]).toMatchObject({
      type: 'paragraph',
      children: [{ type: 'text', value: 'Meet at 10:30, see:this.' }],
    });
  });

  it('reports unknown directives, unknown attributes and a source without key or locator where written', async () => {
    const run = await runPlugins(await fixture('broken.mdx'), [remarkCourseDirectives]);
    expect(run.messages).toEqual([
      "1:1  directive/unknown  unknown directive ':::objektives'; lessons use :::objectives, :::keypoints, :::discussion, :::source, :::instructor (did you mean ':::objectives'?)",
      '5:1  directive/missing-attribute  :::source needs the citation key of the quoted work, as in :::source{cite="@key" locator="para. 3"}',
      '9:1  directive/missing-attribute  :::source needs a locator saying where the quotation is (locator="para. 3"); a quotation must carry its place',
      "13:15  directive/unknown-attribute  unknown attribute 'class' on :::discussion; it takes none",
      "17:1  directive/unknown  unknown directive '::quiz'; lessons use :::objectives, :::keypoints, :::discussion, :::source, :::instructor",
    ]);
  });
});
