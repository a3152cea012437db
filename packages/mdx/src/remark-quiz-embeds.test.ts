import { describe, expect, it } from 'vitest';
import { runPlugins } from '../test/plugin-harness.js';
import { remarkQuizEmbeds } from './remark-quiz-embeds.js';

const lesson = `Check yourself:

<Quiz id="water-cycle-check" />

Inline <Quiz id="water-cycle-chek" /> and <Quiz id={name} /> and <Quiz />.
`;

describe('remarkQuizEmbeds', () => {
  it('collects the ids of embedded quizzes in order', async () => {
    const run = await runPlugins('<Quiz id="a" />\n\n<Quiz id="b" />\n\n<Quiz id="a" />\n', [
      [remarkQuizEmbeds, { quizIds: ['a', 'b'] }],
    ]);
    expect(run.messages).toEqual([]);
    expect(run.file.data.quizzesEmbedded).toEqual(['a', 'b']);
  });

  it('reports unknown ids, ids written as expressions and missing ids where they are written', async () => {
    const run = await runPlugins(lesson, [[remarkQuizEmbeds, { quizIds: ['water-cycle-check'] }]]);
    expect(run.messages).toEqual([
      "5:8  quiz/unknown-id  unknown quiz id 'water-cycle-chek'; add quizzes/water-cycle-chek.yaml or use an existing id (did you mean 'water-cycle-check'?)",
      '5:43  quiz/missing-id  <Quiz id> must be a plain string (id="my-quiz"), not an expression',
      '5:66  quiz/missing-id  <Quiz> needs the id of a quiz in quizzes/, as in <Quiz id="my-quiz" />',
    ]);
  });
});
