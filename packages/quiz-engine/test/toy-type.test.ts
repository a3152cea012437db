import { describe, expect, it } from 'vitest';
import { z } from 'zod';
// Only the package's public entry: what an app defining its own question type can use.
import {
  answer as answerAttempt,
  builtInQuestionTypes,
  createAttempt,
  createQuizEngine,
  defineQuestionType,
  grade,
  mustBe,
  normaliseBase,
  type PublicQuestionBase,
  parseQuiz,
  publicBase,
  type QuestionBase,
  QuizValidationError,
  questionBaseShape,
  rejectResponse,
  submit,
  textSchema,
  toPublicQuiz,
} from '../src/index.js';

/** A toy type: pick a whole number on a scale; the answer key stays on the server. */
interface ScaleQuestion extends QuestionBase {
  type: 'scale';
  low: number;
  high: number;
  answer: number;
}

interface PublicScaleQuestion extends PublicQuestionBase {
  type: 'scale';
  low: number;
  high: number;
}

const whole = z.number({ error: mustBe('a number') }).int({ error: 'must be a whole number' });

const scale = defineQuestionType<ScaleQuestion, undefined, PublicScaleQuestion, number>({
  type: 'scale',
  schema: z
    .strictObject({
      ...questionBaseShape,
      type: z.literal('scale'),
      prompt: textSchema,
      low: whole,
      high: whole,
      answer: whole,
    })
    .superRefine((question, ctx) => {
      if (question.answer < question.low || question.answer > question.high) {
        ctx.addIssue({
          code: 'custom',
          path: ['answer'],
          message: `must be from ${question.low} to ${question.high}`,
        });
      }
    }),
  normalise: (authored: { id: string; prompt: string; low: number; high: number; answer: number }) => ({
    ...normaliseBase(authored),
    type: 'scale',
    low: authored.low,
    high: authored.high,
    answer: authored.answer,
  }),
  arrange: () => undefined,
  view: (question) => ({ ...publicBase(question), type: 'scale', low: question.low, high: question.high }),
  checkResponse(view, value) {
    if (typeof value !== 'number' || !Number.isInteger(value))
      return rejectResponse('wrong-type', 'expected a whole number');
    if (value < view.low || value > view.high)
      return rejectResponse('unknown-id', `pick from ${view.low} to ${view.high}`);
    return { ok: true, value };
  },
  // One step off earns half.
  grade: (question, _arrangement, response) => ({
    fraction: response === question.answer ? 1 : Math.abs(response - question.answer) === 1 ? 0.5 : 0,
    feedback: [],
  }),
  correctAnswer: (question) => ({ text: String(question.answer), response: question.answer }),
  describeResponse: (_view, response) => `${response} on the scale`,
});

const engine = createQuizEngine({ types: [...builtInQuestionTypes, scale] });
const data = {
  id: 'toy',
  title: 'Toy type',
  questions: [
    { id: 'how-sure', type: 'scale', prompt: 'How many summits?', low: 1, high: 5, answer: 3, points: 2 },
    { id: 'year', type: 'numeric', prompt: 'Which year?', answer: 2019 },
  ],
};

describe('a question type defined outside the package', () => {
  it('is validated by the engine that knows it, and refused by one that does not', () => {
    expect(() => parseQuiz(data)).toThrow(QuizValidationError);
    let caught: unknown;
    try {
      engine.parseQuiz({ ...data, questions: [{ ...data.questions[0], answer: 9 }] });
    } catch (error) {
      caught = error;
    }
    expect((caught as QuizValidationError).issues).toEqual([
      { path: ['questions', 0, 'answer'], message: 'must be from 1 to 5' },
    ]);
  });

  it('is shown without its answer, and graded with partial credit', () => {
    const quiz = engine.parseQuiz(data);
    const shown = toPublicQuiz(quiz, { seed: 's' });
    expect(shown.questions[0]).toEqual({
      id: 'how-sure',
      type: 'scale',
      prompt: 'How many summits?',
      points: 2,
      hintCount: 0,
      low: 1,
      high: 5,
    });
    expect(JSON.stringify(shown)).not.toContain('"answer"');
    const result = grade(quiz, { 'how-sure': 4, year: '2019' }, { seed: 's' });
    expect(result.questions.map((question) => [question.id, question.score, question.status])).toEqual([
      ['how-sure', 1, 'partial'],
      ['year', 1, 'correct'],
    ]);
    expect(grade(quiz, { 'how-sure': 9 }, { seed: 's' }).questions[0]).toMatchObject({
      status: 'invalid',
      error: { message: 'pick from 1 to 5' },
    });
  });

  it('works in validation, attempts and item analysis', () => {
    const quiz = engine.parseQuiz(data);
    const shown = toPublicQuiz(quiz, { seed: 's' });
    expect(engine.validateResponses(shown, { 'how-sure': 0 }).issues).toEqual([
      { questionId: 'how-sure', code: 'unknown-id', message: 'pick from 1 to 5' },
    ]);
    expect(engine.validateResponses(quiz, { 'how-sure': 3 }, { seed: 's' }).ok).toBe(true);
    const state = createAttempt(quiz, { seed: 'learner' });
    if (!state.ok) throw new Error(state.error.message);
    const answered = answerAttempt(state.state, 'how-sure', 3);
    if (!answered.ok) throw new Error(answered.error.message);
    const submitted = submit(answered.state, quiz);
    expect(submitted.ok && submitted.result.score).toBe(2);
    expect(
      engine.describeResponse(shown.questions[0] as { type: string; id: string; prompt: string }, 3),
    ).toBe('3 on the scale');
  });
});
