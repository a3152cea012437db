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

describe('remarkCourseDirectives on a container that is never closed', () => {
  it('reports it where it opens, with what to do, so the next heading does not vanish into it', async () => {
    const lesson = [
      '## The summit',
      '',
      ':::source{cite="@rinna-two-peripheries" locator="para. 2"}',
      'Moscow and Pyongyang drew closer.',
      '',
      '## What followed',
      '',
      'Text after the quotation.',
      '',
    ].join('\n');
    const run = await runPlugins(lesson, [remarkCourseDirectives]);
    expect(run.messages).toEqual([
      '3:1  directive/unclosed  :::source is opened here but never closed, so everything after it (the next heading too) ends up inside it; add a line with only ::: where the source block ends',
    ]);
  });

  // micromark gives the only closing line to the outer container; the inner one runs to it, unclosed.
  it('points at the nested one when only one closing line is written for two', async () => {
    const lesson = [
      ':::discussion',
      'Prompt.',
      '',
      ':::source{cite="@a" locator="p. 1"}',
      'Quote.',
      ':::',
      '',
    ];
    const run = await runPlugins(lesson.join('\n'), [remarkCourseDirectives]);
    expect(run.messages.filter((message) => message.includes('directive/unclosed'))).toEqual([
      '4:1  directive/unclosed  :::source is opened here, inside :::discussion (line 1), but never closed: the ::: on line 6 closes :::discussion; add a line with only ::: where the source block ends (or, if :::discussion was meant to end earlier, close it there)',
    ]);
  });

  it('accepts closed containers, nested ones and longer fences, inside quotations and at the end of a file', async () => {
    const lessons = [
      ':::objectives\n- One\n:::\n',
      ':::objectives\n- One\n:::',
      '::::discussion\nPrompt.\n\n:::source{cite="@a" locator="p. 1"}\nQuote.\n:::\n::::\n',
      '> :::keypoints\n> - One\n> :::\n',
      ':::keypoints\n- One\n:::   \n\n## Next\n',
    ];
    for (const lesson of lessons) {
      const run = await runPlugins(lesson, [remarkCourseDirectives]);
      expect(
        run.messages.filter((message) => message.includes('directive/unclosed')),
        lesson,
      ).toEqual([]);
    }
  });
});
