import { parseQuiz } from '@coursekit/quiz-engine';
import { describe, expect, it } from 'vitest';
import { typesEveryAttemptShows } from './certain-types.js';

const essay = (id: string) => ({ type: 'essay', id, prompt: 'Explain.', points: 2 });
const single = (id: string) => ({
  type: 'single',
  id,
  prompt: 'Pick one.',
  choices: [
    { id: 'a', text: 'Right', correct: true },
    { id: 'b', text: 'Wrong' },
  ],
});

function quizOf(questions: unknown[]) {
  return parseQuiz({ id: 'q', title: 'Q', questions });
}

describe('typesEveryAttemptShows', () => {
  it('lists the types of fixed questions once each', () => {
    expect(typesEveryAttemptShows(quizOf([single('a'), single('b'), essay('c')])).sort()).toEqual([
      'essay',
      'single',
    ]);
  });

  it('leaves out a type only some draws of a pool show', () => {
    const quiz = quizOf([
      single('a'),
      { type: 'pool', id: 'p', draw: 1, questions: [single('b'), essay('c')] },
    ]);
    expect(typesEveryAttemptShows(quiz)).toEqual(['single']);
  });

  it('keeps the type of a pool whose members are all of it', () => {
    const quiz = quizOf([{ type: 'pool', id: 'p', draw: 1, questions: [essay('b'), essay('c')] }]);
    expect(typesEveryAttemptShows(quiz)).toEqual(['essay']);
  });
});
