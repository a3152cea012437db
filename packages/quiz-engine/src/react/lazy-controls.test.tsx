import { Suspense } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { prerenderToNodeStream } from 'react-dom/static';
import { describe, expect, it } from 'vitest';
import { builtInClientTypes, initialResponse } from '../client.js';
import { parseQuiz } from '../parse.js';
import { toPublicQuiz } from '../public.js';
import type { PublicQuestion } from '../types/registry.js';
import { builtInControls, loadQuestionControls, QuestionControl } from './index.js';

// Its own file, so that no other test has loaded the on-demand controls (ordering, cloze, essay) first.
const shown = toPublicQuiz(
  parseQuiz({
    id: 'on-demand',
    title: 'On demand',
    questions: [
      { id: 'single', type: 'single', prompt: 'P', choices: [{ text: 'A', correct: true }, { text: 'B' }] },
      { id: 'ordering', type: 'ordering', prompt: 'P', items: ['first', 'second'] },
      {
        id: 'cloze',
        type: 'cloze',
        text: 'Resolution {{res}} passed.',
        blanks: { res: { accept: ['2397'] } },
      },
      { id: 'essay', type: 'essay', prompt: 'P', rubric: [{ criterion: 'C', points: 1 }] },
    ],
  }),
  { seed: 'lazy' },
);

function question(id: string): PublicQuestion {
  const found = shown.questions.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no question ${id}`);
  return found;
}

const control = (question: PublicQuestion) => (
  <QuestionControl
    question={question}
    response={initialResponse(question)}
    labelledBy="h"
    promptId="p"
    disabled={false}
    onChange={() => undefined}
  />
);

async function prerender(element: React.ReactNode): Promise<string> {
  const { prelude } = await prerenderToNodeStream(element);
  let html = '';
  for await (const chunk of prelude) html += chunk;
  return html;
}

describe('controls loaded on demand', () => {
  it('renders the small controls at once, and suspends for a larger one not loaded yet', () => {
    expect(renderToStaticMarkup(control(question('single')))).toContain('type="radio"');
    expect(() => renderToStaticMarkup(control(question('ordering')))).toThrow(/suspended/);
  });

  it('renders a larger control once its chunk is in, whether loaded ahead or by suspending', async () => {
    // Without loading ahead: the lazy control suspends, then renders in full.
    const ordering = await prerender(<Suspense fallback="loading">{control(question('ordering'))}</Suspense>);
    expect(ordering.match(/aria-label="Move up: /g)).toHaveLength(2);
    // Suspending loaded it: from now on it renders at once.
    expect(renderToStaticMarkup(control(question('ordering')))).toContain('Move down: ');

    // Loading ahead; types without a chunk of their own, or unknown, are skipped.
    await loadQuestionControls(['cloze', 'essay', 'single', 'no-such-type']);
    expect(renderToStaticMarkup(control(question('cloze')))).toContain('aria-label="Blank 1 of 1"');
    expect(renderToStaticMarkup(control(question('essay')))).toContain('Your essay');
  });

  it('lists every built-in type among builtInControls', () => {
    const types = builtInClientTypes.map((type) => type.type).sort();
    expect(Object.keys(builtInControls).sort()).toEqual(types);
  });
});
