import { describe, expect, it } from 'vitest';
import { exampleRenderer } from '../test/references.js';
import { renderCitationsInText, unknownCitationKeysIn } from './text-citations.js';

describe('citations in plain text', async () => {
  const renderer = await exampleRenderer();

  it('splits a key point into text and rendered citations for the app', () => {
    const segments = renderCitationsInText('Heat lifts water [@example-water-primer, para. 1].', renderer);
    expect(segments).toEqual([
      { type: 'text', value: 'Heat lifts water ' },
      {
        type: 'citation',
        keys: ['example-water-primer'],
        text: '(Example 2024, para. 1)',
        html: '(Example 2024, para. 1)',
        references: [expect.objectContaining({ key: 'example-water-primer' })],
      },
      { type: 'text', value: '.' },
    ]);
  });

  it('finds unknown keys anywhere in authored data, with a pointer to the string', () => {
    const quiz = { questions: [{ explanation: 'See [@example-water-primr].' }, { prompt: 'No citation.' }] };
    expect(unknownCitationKeysIn(quiz, 'quizzes/q.yaml', renderer)).toEqual([
      {
        issue: {
          file: 'quizzes/q.yaml',
          pointer: '/questions/0/explanation',
          message: "unknown citation key 'example-water-primr'; add it to the references or fix the key",
          ruleId: 'citation/unknown-key',
          severity: 'error',
          expected: ['example-water-primer'],
        },
        text: '@example-water-primr',
      },
    ]);
  });
});
