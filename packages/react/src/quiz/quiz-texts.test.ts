import { parseQuiz, toPublicQuiz } from '@coursekit/quiz-engine';
import { describe, expect, it } from 'vitest';
import { allStrings, publicQuizTexts, splitClozeText } from './quiz-texts.js';

const quiz = parseQuiz({
  id: 'sample',
  title: 'Sample',
  questions: [
    {
      id: 'pick',
      type: 'single',
      prompt: 'Which *year*?',
      explanation: 'Because [@rinna-two-peripheries, para. 2].',
      choices: [
        { text: '2019', correct: true, feedback: 'Right: the April summit.' },
        { text: '2017', feedback: 'No: that is Resolution 2397.' },
      ],
    },
    {
      id: 'fill',
      type: 'cloze',
      text: 'Resolution {{res}} required states to send workers home within {{months}} months.',
      blanks: {
        res: { accept: ['2397'] },
        months: { choices: [{ text: '24', correct: true }, { text: '12' }] },
      },
    },
  ],
});

describe('splitClozeText', () => {
  it('splits a passage at its blanks, keeping the text around them', () => {
    expect(splitClozeText('A {{b1}} and {{ b2 }}.')).toEqual([
      { type: 'text', value: 'A ' },
      { type: 'blank', id: 'b1' },
      { type: 'text', value: ' and ' },
      { type: 'blank', id: 'b2' },
      { type: 'text', value: '.' },
    ]);
  });
});

describe('publicQuizTexts', () => {
  const texts = publicQuizTexts(toPublicQuiz(quiz, { seed: 'page' }));

  it('collects prompts, choices and the cloze passage around its blanks', () => {
    expect(texts.block).toEqual(['Which *year*?']);
    expect(texts.inline).toEqual(
      expect.arrayContaining([
        '2019',
        '2017',
        'Resolution',
        'required states to send workers home within',
        'months.',
        '24',
        '12',
      ]),
    );
  });

  it('never collects feedback, explanations or accepted answers', () => {
    const all = [...texts.block, ...texts.inline].join('\n');
    expect(all).not.toMatch(/April summit|Resolution 2397|rinna|2397/);
  });
});

describe('allStrings', () => {
  it('finds feedback and explanations in the secret form', () => {
    const strings = allStrings(quiz);
    expect(strings.has('Right: the April summit.')).toBe(true);
    expect(strings.has('Because [@rinna-two-peripheries, para. 2].')).toBe(true);
  });
});
