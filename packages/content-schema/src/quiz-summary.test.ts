import { describe, expect, it } from 'vitest';
import { summariseQuiz } from './quiz-summary.js';

describe('summariseQuiz', () => {
  it('lists every question with its objectives and place, including questions inside a pool', () => {
    const summary = summariseQuiz('quizzes/rupture-and-upswing.yaml', {
      id: 'rupture-and-upswing',
      questions: [
        { id: 'summit-year', objectives: ['explain-rupture'] },
        {
          id: 'pool-1',
          questions: [{ id: 'workers', objectives: ['explain-sanctions'] }, { id: 'veto' }],
        },
      ],
    });
    expect(summary).toEqual({
      id: 'rupture-and-upswing',
      file: 'quizzes/rupture-and-upswing.yaml',
      questions: [
        { id: 'summit-year', objectives: ['explain-rupture'], pointer: '/questions/0' },
        { id: 'pool-1', pointer: '/questions/1' },
        { id: 'workers', objectives: ['explain-sanctions'], pointer: '/questions/1/questions/0' },
        { id: 'veto', pointer: '/questions/1/questions/1' },
      ],
    });
  });
});
