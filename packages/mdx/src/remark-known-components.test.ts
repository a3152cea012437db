import { describe, expect, it } from 'vitest';
import { runPlugins } from '../test/plugin-harness.js';
import { remarkKnownComponents } from './remark-known-components.js';

describe('remarkKnownComponents', () => {
  it('accepts coursekit components, HTML, imported and exported names and extra app components', async () => {
    const lesson = [
      "import { Chart } from './chart.js'",
      'export const Note = (props) => props.children',
      '',
      '<Quiz id="a" /> <Chart /> <Note>n</Note> <Map /> <div>html</div> <>fragment</>',
      '',
    ].join('\n');
    const run = await runPlugins(lesson, [[remarkKnownComponents, { components: ['Map'] }]]);
    expect(run.messages).toEqual([]);
  });

  it('reports a component nobody provides, with the closest name', async () => {
    const run = await runPlugins('Text.\n\n<Qiuz id="a" />\n', [remarkKnownComponents]);
    expect(run.messages).toEqual([
      "3:1  mdx/unknown-component  unknown component <Qiuz>; lessons can use <Citation>, <Term>, <Source>, <Instructor>, <Quiz>, <Objectives>, <KeyPoints>, <Discussion> (did you mean '<Quiz>'?)",
    ]);
  });
});
