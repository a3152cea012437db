import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { initialResponse } from '../client.js';
import { parseQuiz } from '../parse.js';
import { toPublicQuiz } from '../public.js';
import type { DraftResponse } from '../types/definition.js';
import type { PublicQuestion } from '../types/registry.js';
import { loadQuestionControls, QuestionControl } from './index.js';

const quiz = parseQuiz({
  id: 'every-type',
  title: 'Every type',
  questions: [
    {
      id: 'single',
      type: 'single',
      prompt: 'P',
      choices: [{ text: 'Hanoi', correct: true }, { text: 'Vladivostok' }],
    },
    {
      id: 'multiple',
      type: 'multiple',
      prompt: 'P',
      choices: [{ text: 'DPRK', correct: true }, { text: 'ROK' }],
    },
    { id: 'truefalse', type: 'truefalse', prompt: 'P', answer: true },
    { id: 'short', type: 'short', prompt: 'P', accept: ['equidistance'] },
    { id: 'numeric', type: 'numeric', prompt: 'P', answer: 2017 },
    { id: 'ordering', type: 'ordering', prompt: 'P', items: ['first', 'second', 'third'] },
    {
      id: 'matching',
      type: 'matching',
      prompt: 'P',
      pairs: [
        { left: 'Moscow', right: 'Kremlin' },
        { left: 'Pyongyang', right: 'DPRK government' },
      ],
      distractors: ['Seoul'],
    },
    {
      id: 'categorise',
      type: 'categorise',
      prompt: 'P',
      categories: [
        { id: 'moscow', label: 'Moscow’s interest' },
        { id: 'pyongyang', label: 'Pyongyang’s interest' },
      ],
      items: [
        { text: 'Sanctions relief', category: 'pyongyang' },
        { text: 'Undermine US influence', category: 'moscow' },
      ],
    },
    {
      id: 'cloze',
      type: 'cloze',
      text: 'Resolution {{res}} set {{months}} months.',
      blanks: {
        res: { accept: ['2397'] },
        months: { choices: [{ text: '24', correct: true }, { text: '12' }] },
      },
    },
    {
      id: 'essay',
      type: 'essay',
      prompt: 'P',
      minWords: 150,
      rubric: [
        {
          criterion: 'Uses the article',
          points: 2,
          levels: [
            { label: 'Secure', points: 2, descriptor: 'Quotes with paragraph numbers throughout' },
            { label: 'Missing', points: 0, descriptor: 'No quotation from the article' },
          ],
        },
      ],
    },
    {
      id: 'brief',
      type: 'essay',
      prompt: 'P',
      minWords: 3,
      maxWords: 5,
      rubric: [{ criterion: 'C', points: 1 }],
    },
  ],
});
const shown = toPublicQuiz(quiz, { seed: 'controls' });

// The larger controls come in chunks of their own (lazy-controls.test.tsx): loaded here, they render at once.
beforeAll(() => loadQuestionControls(shown.questions.map((question) => question.type)));

function render(question: PublicQuestion, response: DraftResponse = initialResponse(question)): string {
  return renderToStaticMarkup(
    <QuestionControl
      question={question}
      response={response}
      labelledBy="heading prompt"
      promptId="prompt"
      disabled={false}
      onChange={() => undefined}
    />,
  );
}

function question(id: string): PublicQuestion {
  const found = shown.questions.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no question ${id}`);
  return found;
}

const count = (html: string, pattern: RegExp) => html.match(pattern)?.length ?? 0;

describe('QuestionControl', () => {
  it('offers one radio per choice, named by the question, for single choice and true/false', () => {
    const single = render(question('single'));
    expect(single).toContain('role="radiogroup" aria-labelledby="heading prompt"');
    expect(count(single, /type="radio"/g)).toBe(2);
    expect(single).toMatch(/<label class="choice"><input type="radio"[^>]*>.*Hanoi/);
    const truefalse = render(question('truefalse'));
    expect(count(truefalse, /type="radio"/g)).toBe(2);
    expect(truefalse).toContain('True');
    expect(truefalse).toContain('False');
  });

  it('offers checkboxes in a named group for multiple response', () => {
    const html = render(question('multiple'));
    expect(html).toContain('<fieldset aria-labelledby="heading prompt"');
    expect(count(html, /type="checkbox"/g)).toBe(2);
  });

  it('labels a text field for short answers and a number field for numeric ones', () => {
    const short = render(question('short'));
    expect(short).toMatch(/<label for="([^"]+)">Your answer<\/label><input id="\1" type="text"/);
    expect(short).toContain('aria-describedby="prompt"');
    expect(render(question('numeric'))).toMatch(/type="number"/);
  });

  it('gives every ordering item Move up and Move down buttons, disabled at the ends', () => {
    const html = render(question('ordering'));
    expect(count(html, /aria-label="Move up: /g)).toBe(3);
    expect(count(html, /aria-label="Move down: /g)).toBe(3);
    expect(count(html, /draggable="true"/g)).toBe(3);
    expect(count(html, /disabled=""/g)).toBe(2);
  });

  it('offers a labelled select per left item (matching) and per item (categorise)', () => {
    const matching = render(question('matching'));
    expect(count(matching, /<select /g)).toBe(2);
    // Each select lists the two right sides and the distractor after its prompt option.
    expect(count(matching, /<option /g)).toBe(2 * 4);
    expect(matching).toMatch(/<label for="[^"]+">Moscow<\/label>/);
    const categorise = render(question('categorise'));
    expect(count(categorise, /<select /g)).toBe(2);
    expect(categorise).toContain('Pyongyang’s interest');
  });

  it('puts a text field and a select into the cloze passage where its blanks are', () => {
    const html = render(question('cloze'));
    expect(html).toMatch(/Resolution <input type="text" aria-label="Blank 1 of 2"/);
    expect(html).toMatch(/ set <select aria-label="Blank 2 of 2"/);
    expect(html).toContain(' months.');
  });

  it('gives essays a labelled text area, a word count and the rubric', () => {
    const html = render(question('essay'));
    expect(html).toMatch(/<label for="([^"]+)">Your essay<\/label><textarea id="\1"/);
    expect(html).toContain('0 words (write at least 150 words)');
    expect(html).toContain('Uses the article');
    expect(html).toContain('<strong>Secure</strong> (2): Quotes with paragraph numbers throughout');
    expect(html).toContain('<strong>Missing</strong> (0): No quotation from the article');
  });
});

describe('the essay word count', () => {
  const brief = question('brief');
  const liveRegion = (html: string) =>
    /<p class="visually-hidden" aria-live="polite">([^<]*)<\/p>/.exec(html)?.[1];

  it('describes the text area with the count and the limits as the student types', () => {
    const html = render(brief, 'Two words');
    expect(html).toMatch(/<textarea[^>]*aria-describedby="prompt ([^"]+-count)"/);
    expect(html).toContain('2 words (write at least 3 and at most 5 words)');
    expect(liveRegion(html)).toBe('Fewer than the 3 words asked for.');
    expect(liveRegion(render(brief, 'One two three four'))).toBe('Within the word limit.');
  });

  it('says how far an essay is over its limit, and announces only the crossing, not the count', () => {
    const html = render(brief, 'one two three four five six seven');
    expect(html).toContain('class="field-hint over-limit"');
    expect(html).toContain('7 words: 2 over the limit of 5 words');
    expect(liveRegion(html)).toBe('Over the limit of 5 words.');
    expect(liveRegion(render(brief, 'one two three four five six seven eight'))).toBe(liveRegion(html));
  });

  it('has no live region when the quiz sets no word limit', () => {
    const unlimited = { ...brief, minWords: undefined, maxWords: undefined } as PublicQuestion;
    expect(render(unlimited, 'Some words')).not.toContain('aria-live');
  });
});

describe('QuestionControl for a type defined outside the package', () => {
  it('uses the control passed for it, and names a missing one', () => {
    const toy = { id: 'toy', type: 'scale', prompt: 'P', points: 1, hintCount: 0 };
    const html = renderToStaticMarkup(
      <QuestionControl
        question={toy}
        response={undefined}
        labelledBy="h"
        promptId="p"
        disabled={false}
        onChange={() => undefined}
        controls={{ scale: ({ name }: { name: string }) => <input type="range" id={name} /> }}
      />,
    );
    expect(html).toMatch(/<input type="range" id="[^"]+"\/>/);
    expect(() =>
      renderToStaticMarkup(
        <QuestionControl
          question={toy}
          response={undefined}
          labelledBy="h"
          promptId="p"
          disabled={false}
          onChange={() => undefined}
        />,
      ),
    ).toThrow(/no control for question type 'scale'/);
  });
});
