import { describe, expect, it } from 'vitest';
import { QuizValidationError } from './errors.js';
import { grade } from './grade.js';
import { parseQuiz } from './parse.js';
import { toPublicQuiz } from './public.js';
import type { Quiz } from './quiz.js';
import type { AuthoredQuestion, PublicQuestion } from './types/registry.js';

const seed = 'partial-credit';

function quizOf(question: AuthoredQuestion): Quiz {
  return parseQuiz({ id: 'partial', title: 'Partial credit', questions: [question] });
}

function shown(quiz: Quiz): PublicQuestion {
  return toPublicQuiz(quiz, { seed }).questions[0] as PublicQuestion;
}

function idsOf(options: readonly { id: string; text: string }[], texts: readonly string[]): string[] {
  return texts.map((text) => options.find((option) => option.text === text)?.id as string);
}

function choiceIds(quiz: Quiz, ...texts: string[]): string[] {
  const question = shown(quiz);
  if (question.type !== 'single' && question.type !== 'multiple') throw new Error('no choices');
  return idsOf(question.choices, texts);
}

function scored(quiz: Quiz, response: unknown) {
  const [result] = grade(quiz, { [shown(quiz).id]: response }, { seed }).questions;
  if (result === undefined) throw new Error('no result');
  return result;
}

function problems(question: Record<string, unknown>): string[] {
  try {
    parseQuiz({ id: 'partial', title: 'Partial credit', questions: [question] });
  } catch (error) {
    expect(error).toBeInstanceOf(QuizValidationError);
    return (error as QuizValidationError).issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  }
  throw new Error('expected a validation error');
}

describe('partial credit in quiz files', () => {
  it('weights single-choice answers: the picked choice earns its weight', () => {
    const quiz = quizOf({
      id: 'hometown',
      type: 'single',
      prompt: 'Jesus Christ was from',
      points: 4,
      choices: [
        { text: 'Nazareth', correct: true },
        { text: 'Galilee', weight: 50, feedback: 'Be more specific.' },
        { text: 'Bethlehem', weight: 25 },
        { text: 'Rome', weight: -50 },
      ],
    });
    expect(scored(quiz, choiceIds(quiz, 'Galilee')[0])).toMatchObject({
      score: 2,
      status: 'partial',
      correct: 'partial',
      feedback: [{ text: 'Be more specific.' }],
    });
    expect(scored(quiz, choiceIds(quiz, 'Bethlehem')[0]).score).toBe(1);
    expect(scored(quiz, choiceIds(quiz, 'Rome')[0])).toMatchObject({ score: 0, status: 'incorrect' });
    expect(scored(quiz, choiceIds(quiz, 'Nazareth')[0]).status).toBe('correct');
  });

  it('adds multiple-response weights, negative ones included, and clamps the total at 0', () => {
    const quiz = quizOf({
      id: 'tomb',
      type: 'multiple',
      prompt: "Who is entombed in Grant's tomb?",
      points: 2,
      choices: [
        { text: 'No one', weight: -100 },
        { text: 'Grant', weight: 50 },
        { text: "Grant's wife", weight: 50 },
        { text: "Grant's father", weight: -50 },
      ],
    });
    expect(scored(quiz, choiceIds(quiz, 'Grant', "Grant's wife")).score).toBe(2);
    expect(scored(quiz, choiceIds(quiz, 'Grant', "Grant's wife", "Grant's father")).score).toBe(1);
    expect(scored(quiz, choiceIds(quiz, 'Grant', 'No one')).score).toBe(0);
    expect(scored(quiz, choiceIds(quiz, 'No one', "Grant's father"))).toMatchObject({
      score: 0,
      status: 'incorrect',
    });
  });

  it('counts three thirds written as 33.33333% as full credit', () => {
    const quiz = quizOf({
      id: 'thirds',
      type: 'multiple',
      prompt: 'Pick the three',
      choices: [
        { text: 'A', weight: 33.33333 },
        { text: 'B', weight: 33.33333 },
        { text: 'C', weight: 33.33333 },
        { text: 'D', weight: -100 },
      ],
    });
    expect(scored(quiz, choiceIds(quiz, 'A', 'B', 'C'))).toMatchObject({ score: 1, status: 'correct' });
  });

  it('gives a short answer the weight of the first accepted answer it matches', () => {
    const quiz = quizOf({
      id: 'spelling',
      type: 'short',
      prompt: 'Where was he raised?',
      points: 4,
      accept: ['Nazareth', { text: 'Nazereth', weight: 75, feedback: 'Misspelled.' }],
    });
    expect(scored(quiz, 'nazareth').score).toBe(4);
    expect(scored(quiz, 'NAZERETH')).toMatchObject({ score: 3, feedback: [{ text: 'Misspelled.' }] });
    expect(scored(quiz, 'Rome').score).toBe(0);
  });

  it('accepts several numeric answers, each with its tolerance or range, weight and feedback', () => {
    const quiz = quizOf({
      id: 'born',
      type: 'numeric',
      prompt: 'When was Ulysses S. Grant born?',
      points: 2,
      answers: [
        { answer: 1822, feedback: 'Exactly.' },
        { answer: 1822, tolerance: 2, weight: 50, feedback: 'Close.' },
        { min: 1800, max: 1810, weight: 25 },
      ],
    });
    expect(scored(quiz, '1822')).toMatchObject({ score: 2, feedback: [{ text: 'Exactly.' }] });
    expect(scored(quiz, 1824)).toMatchObject({ score: 1, feedback: [{ text: 'Close.' }] });
    expect(scored(quiz, 1805).score).toBe(0.5);
    expect(scored(quiz, 1815).score).toBe(0);
    expect(scored(quiz, 1815).correctAnswer).toEqual({ text: '1822', response: 1822 });
  });

  it('scores ordering by longest subset (default), absolute position or all-or-nothing', () => {
    const items = ['first', 'second', 'third', 'fourth'];
    const question = { id: 'order', type: 'ordering' as const, prompt: 'Order them', points: 4, items };
    const swapped = ['second', 'first', 'third', 'fourth'];
    const response = (quiz: Quiz) => {
      const view = shown(quiz);
      if (view.type !== 'ordering') throw new Error('not ordering');
      return idsOf(view.items, swapped);
    };
    const longest = quizOf(question);
    expect(scored(longest, response(longest)).score).toBe(3);
    const absolute = quizOf({ ...question, scoring: 'absolute-position' });
    expect(scored(absolute, response(absolute)).score).toBe(2);
    const allOrNothing = quizOf({ ...question, scoring: 'all-or-nothing' });
    expect(scored(allOrNothing, response(allOrNothing)).score).toBe(0);
  });

  it('scores matching per pair (default) or all-or-nothing', () => {
    const question = {
      id: 'capitals',
      type: 'matching' as const,
      prompt: 'Match',
      points: 2,
      pairs: [
        { left: 'Canada', right: 'Ottawa' },
        { left: 'Italy', right: 'Rome' },
      ],
    };
    const halfRight = (quiz: Quiz) => {
      const view = shown(quiz);
      if (view.type !== 'matching') throw new Error('not matching');
      const [canada] = idsOf(view.left, ['Canada']);
      const [ottawa] = idsOf(view.right, ['Ottawa']);
      return { [canada as string]: ottawa };
    };
    const perItem = quizOf(question);
    expect(scored(perItem, halfRight(perItem)).score).toBe(1);
    const allOrNothing = quizOf({ ...question, scoring: 'all-or-nothing' });
    expect(scored(allOrNothing, halfRight(allOrNothing)).score).toBe(0);
  });

  it('explains weights that cannot work, at their path', () => {
    expect(
      problems({
        id: 'q',
        type: 'multiple',
        prompt: 'P',
        penalty: 0.5,
        choices: [
          { text: 'A', weight: 50 },
          { text: 'B', weight: 40 },
        ],
      }),
    ).toEqual([
      'questions.0.penalty: with choice weights, give wrong choices a negative weight instead of a penalty',
      'questions.0.choices: the positive weights add up to 90%; they must add up to 100%',
    ]);
    expect(
      problems({
        id: 'q',
        type: 'single',
        prompt: 'P',
        choices: [
          { text: 'A', weight: 50 },
          { text: 'B', correct: true, weight: 100 },
        ],
      }),
    ).toEqual([
      'questions.0.choices.1.correct: give either correct: true or a weight, not both (weight: 100 is a fully correct choice)',
    ]);
    expect(
      problems({ id: 'q', type: 'single', prompt: 'P', choices: [{ text: 'A', weight: 50 }, { text: 'B' }] }),
    ).toEqual([
      'questions.0.choices: one choice must earn full credit (correct: true or weight: 100); the other weights give partial credit',
    ]);
    expect(problems({ id: 'q', type: 'short', prompt: 'P', accept: [{ text: 'A', weight: 50 }] })).toEqual([
      'questions.0.accept: one accepted answer must earn full credit (leave its weight out or give weight: 100)',
    ]);
    expect(problems({ id: 'q', type: 'numeric', prompt: 'P', answer: 1, answers: [{ answer: 1 }] })).toEqual([
      'questions.0.answers: give either answer (and tolerance) or answers: [...], not both',
    ]);
    expect(
      problems({ id: 'q', type: 'numeric', prompt: 'P', answers: [{ answer: 1, min: 0, max: 2 }] }),
    ).toEqual(['questions.0.answers.0: give either answer (with an optional tolerance) or min and max']);
    expect(
      problems({
        id: 'q',
        type: 'single',
        prompt: 'P',
        choices: [{ text: 'A', weight: 150 }, { text: 'B' }],
      }),
    ).toContain('questions.0.choices.0.weight: must be a percentage from -100 to 100');
  });
});
