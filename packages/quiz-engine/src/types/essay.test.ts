import { describe, expect, it } from 'vitest';
import { QuizValidationError } from '../errors.js';
import { parseQuiz } from '../parse.js';
import { toPublicQuiz } from '../public.js';

const levels = [
  { label: 'Secure', points: 2, descriptor: 'Quotes verbatim and gives every paragraph number.' },
  { label: 'Developing', points: 1, descriptor: 'Quotes with small slips or some numbers missing.' },
  { label: 'Missing', points: 0, descriptor: 'No quotation, or none with a number.' },
];

function essayQuiz(rubric: unknown[]): unknown {
  return {
    id: 'levels',
    title: 'Levelled rubric',
    questions: [
      {
        id: 'reflect',
        type: 'essay',
        prompt: 'Assess the conclusion of paragraph 6.',
        rubric,
        guidance: 'Exemplar (Secure): “no longer as disparate” (para. 6) …',
      },
    ],
  };
}

function issuesOf(data: unknown): { path: string; message: string }[] {
  try {
    parseQuiz(data);
  } catch (error) {
    expect(error).toBeInstanceOf(QuizValidationError);
    return (error as QuizValidationError).issues.map((issue) => ({
      path: issue.path.join('.'),
      message: issue.message,
    }));
  }
  throw new Error('expected parseQuiz to throw');
}

describe('essay rubric levels', () => {
  it('keeps levels on the criterion and shows them, but not the guidance, in the public form', () => {
    const quiz = parseQuiz(essayQuiz([{ criterion: 'Quotes accurately', points: 2, levels }]));
    const question = quiz.questions[0];
    expect(question?.type === 'essay' && question.rubric[0]?.levels).toEqual(levels);
    const view = toPublicQuiz(quiz, { seed: 1 }).questions[0];
    expect(view?.type === 'essay' && view.rubric).toEqual([
      { criterion: 'Quotes accurately', points: 2, levels },
    ]);
    expect(JSON.stringify(view)).not.toContain('Exemplar');
  });

  it('still accepts criteria without levels', () => {
    const quiz = parseQuiz(essayQuiz([{ criterion: 'Takes a position', points: 1 }]));
    const question = quiz.questions[0];
    expect(question?.type === 'essay' && question.rubric).toEqual([
      { criterion: 'Takes a position', points: 1 },
    ]);
  });

  it('rejects levels above the criterion, repeated labels and a rubric with no level at full points', () => {
    const issues = issuesOf(
      essayQuiz([
        {
          criterion: 'Quotes accurately',
          points: 2,
          levels: [
            { label: 'Secure', points: 3, descriptor: 'Too many points.' },
            { label: 'secure', points: 1, descriptor: 'Same label in other case.' },
          ],
        },
        {
          criterion: 'Takes a position',
          points: 2,
          levels: [
            { label: 'Clear', points: 1, descriptor: 'A position.' },
            { label: 'None', points: 0, descriptor: 'No position.' },
          ],
        },
      ]),
    );
    expect(issues).toEqual(
      expect.arrayContaining([
        {
          path: 'questions.0.rubric.0.levels.0.points',
          message: expect.stringMatching(/more than the criterion's 2/),
        },
        {
          path: 'questions.0.rubric.0.levels.1.label',
          message: expect.stringMatching(/also the label of level 1/),
        },
        {
          path: 'questions.0.rubric.1.levels',
          message: expect.stringMatching(/no level is worth the criterion's full 2/),
        },
      ]),
    );
  });

  it('rejects two levels at full points, a negative level and a single level', () => {
    const issues = issuesOf(
      essayQuiz([
        {
          criterion: 'Quotes accurately',
          points: 1,
          levels: [
            { label: 'A', points: 1, descriptor: 'Top.' },
            { label: 'B', points: 1, descriptor: 'Also top.' },
            { label: 'C', points: -1, descriptor: 'Below zero.' },
          ],
        },
        { criterion: 'Takes a position', points: 1, levels: [{ label: 'Only', points: 1, descriptor: 'x' }] },
      ]),
    );
    expect(issues).toEqual(
      expect.arrayContaining([
        {
          path: 'questions.0.rubric.0.levels',
          message: expect.stringMatching(/2 levels are worth the full 1/),
        },
        { path: 'questions.0.rubric.0.levels.2.points', message: expect.stringMatching(/0 or more/) },
        { path: 'questions.0.rubric.1.levels', message: expect.stringMatching(/at least two levels/) },
      ]),
    );
  });
});
