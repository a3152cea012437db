import { describe, expect, it } from 'vitest';
import { sampleQuizData } from './fixtures/two-peripheries-quiz.js';
import { parseQuiz } from './parse.js';
import { toPublicQuiz } from './public.js';
import { validateResponses } from './responses.js';

const quiz = parseQuiz(sampleQuizData());
const seed = 'student-3#1';
const shown = toPublicQuiz(quiz, { seed });

describe('validateResponses', () => {
  it('keeps well-formed answers and reports each bad one with its question', () => {
    const input = JSON.parse(
      JSON.stringify({ 'rok-unfriendly': true, 'resolution-year': 'soon', 'hanoi-year': 'correct', nope: 1 }),
    );
    const checked = validateResponses(shown, input);
    expect(checked.ok).toBe(false);
    expect(checked.responses).toEqual({ 'rok-unfriendly': true });
    // Answer issues follow the attempt's (shuffled) question order.
    expect(checked.issues).toHaveLength(3);
    expect(checked.issues).toEqual(
      expect.arrayContaining([
        { code: 'unknown-question', message: "'nope' is not a question of this attempt" },
        {
          questionId: 'hanoi-year',
          code: 'unknown-id',
          message: "'correct' is not a choice of this question",
        },
        {
          questionId: 'resolution-year',
          code: 'not-a-number',
          message: expect.stringContaining("'soon' is not a number"),
        },
      ]),
    );
  });

  it('gives the same verdict from the quiz and the seed as from the public form', () => {
    const input = JSON.parse('{"__proto__": {"admin": true}, "balancing-term": "equidistance"}');
    const fromPublic = validateResponses(shown, input);
    expect(validateResponses(quiz, input, { seed })).toEqual(fromPublic);
    expect(fromPublic.responses).toEqual({ 'balancing-term': 'equidistance' });
    expect(fromPublic.issues).toEqual([
      { code: 'unknown-question', message: "'__proto__' is not a question of this attempt" },
    ]);
  });

  it('rejects input that is not an object of answers', () => {
    expect(validateResponses(shown, ['a'])).toEqual({
      ok: false,
      responses: {},
      issues: [
        { code: 'not-an-object', message: 'responses must be an object of question id → answer, got a list' },
      ],
    });
  });
});
