import { describe, expect, it } from 'vitest';
import { sampleQuizData } from './fixtures/two-peripheries-quiz.js';
import { questionIdsForAttempt } from './layout.js';
import { parseQuiz } from './parse.js';
import { toPublicQuiz } from './public.js';

const quiz = parseQuiz(sampleQuizData());

describe('toPublicQuiz', () => {
  it('shows prompts and choices but no answer data', () => {
    const json = JSON.stringify(toPublicQuiz(quiz, { seed: 'student-1/attempt-1' }));
    for (const secret of [
      'Yes: 27–28 February 2019.',
      'That was the year of Resolution 2397.',
      'The DPRK was one of five votes against.',
      'Right: the list was published on 7 March 2022.',
      'equidistance',
      'The Hanoi summit ended without agreement in February 2019',
      'It came two months before the Vladivostok meeting.',
      'Look for Russia pushing back on US influence',
      'Twice that.',
      'diplomatic equidistance',
      '"correct"',
      '"answer"',
      '"tolerance"',
      '"feedback',
      '"accept"',
      '"category"',
      '"pattern"',
    ]) {
      expect(json).not.toContain(secret);
    }
    expect(json).toContain('In which year did the Trump–Kim summit in Hanoi end without agreement?');
    expect(json).toContain('Before the article');
  });

  it('gives choices opaque ids that never repeat an author id', () => {
    const single = toPublicQuiz(quiz, { seed: 7 }).questions.find((question) => question.id === 'hanoi-year');
    expect(single?.type).toBe('single');
    if (single?.type !== 'single') return;
    expect(single.choices.map((choice) => choice.text).sort()).toEqual(['2017', '2019', '2022']);
    for (const choice of single.choices) {
      expect(choice.id).toMatch(/^c[0-9a-z]{6}$/);
      expect(choice.id).not.toContain('correct');
    }
  });

  it('gives the same layout for the same seed and another for another seed', () => {
    expect(toPublicQuiz(quiz, { seed: 'abc' })).toEqual(toPublicQuiz(quiz, { seed: 'abc' }));
    const orders = new Set(
      ['s1', 's2', 's3', 's4', 's5'].map((seed) => questionIdsForAttempt(quiz, seed).join(',')),
    );
    expect(orders.size).toBeGreaterThan(1);
  });

  it('never shows ordering items in their solution order', () => {
    const solution = sampleQuizData().questions.find((question) => question.id === 'order-events') as {
      items: string[];
    };
    for (let seed = 0; seed < 50; seed += 1) {
      const question = toPublicQuiz(quiz, { seed }).questions.find(
        (candidate) => candidate.id === 'order-events',
      );
      if (question?.type !== 'ordering') throw new Error('ordering question missing');
      expect(question.items.map((item) => item.text)).not.toEqual(solution.items);
    }
  });

  it('draws the configured number of questions from a pool, reproducibly per seed', () => {
    const pooled = parseQuiz({
      id: 'pooled',
      title: 'Pooled',
      questions: [
        {
          type: 'pool',
          id: 'years',
          draw: 2,
          questions: ['a', 'b', 'c', 'd'].map((id) => ({
            id,
            type: 'truefalse',
            prompt: `Statement ${id}`,
            answer: true,
          })),
        },
        { id: 'fixed', type: 'truefalse', prompt: 'Always asked', answer: false },
      ],
    });
    const drawn = questionIdsForAttempt(pooled, 'seed-9');
    expect(drawn).toHaveLength(3);
    expect(drawn.at(-1)).toBe('fixed');
    expect(questionIdsForAttempt(pooled, 'seed-9')).toEqual(drawn);
    expect(toPublicQuiz(pooled, { seed: 'seed-9' }).questions.map((question) => question.id)).toEqual(drawn);
    const draws = new Set(
      Array.from({ length: 20 }, (_, seed) => questionIdsForAttempt(pooled, seed).join(',')),
    );
    expect(draws.size).toBeGreaterThan(1);
  });
});
