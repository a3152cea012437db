import { describe, expect, it } from 'vitest';
import { type AttemptState, answer, check, createAttempt, submit } from './attempt.js';
import { sampleQuizData } from './fixtures/two-peripheries-quiz.js';
import { grade } from './grade.js';
import { parseQuiz } from './parse.js';
import { toPublicQuiz } from './public.js';
import type { Quiz } from './quiz.js';

// Attempt states remember their seed's layout from step to step. These tests make sure that what is
// remembered can never differ from laying the quiz out afresh, whatever a caller does with the states,
// the quiz or the results.

function answered(quiz: Quiz, student: string): AttemptState {
  const created = createAttempt(quiz, { seed: student });
  if (!created.ok) throw new Error(created.error.message);
  let state = created.state;
  const shown = toPublicQuiz(quiz, { seed: state.seed });
  for (const question of shown.questions) {
    const response =
      question.type === 'single' || question.type === 'multiple'
        ? question.type === 'single'
          ? question.choices[1]?.id
          : [question.choices[0]?.id]
        : question.type === 'ordering'
          ? question.items.map((item) => item.id)
          : question.type === 'matching'
            ? Object.fromEntries(question.left.map((left, index) => [left.id, question.right[index]?.id]))
            : undefined;
    if (response === undefined) continue;
    const next = answer(state, question.id, response);
    if (!next.ok) throw new Error(next.error.message);
    state = next.state;
  }
  return state;
}

function submitted(state: AttemptState, quiz: Quiz) {
  const done = submit(state, quiz);
  if (!done.ok) throw new Error(done.error.message);
  return done.result;
}

const interactive = { ...sampleQuizData(), behaviour: 'interactive', tries: 3, penalty: 0.25 };

describe('the layout an attempt remembers', () => {
  it('gives the results of a fresh layout after checks, for every question checked', () => {
    const quiz = parseQuiz(interactive);
    let state = answered(quiz, 'student-3');
    for (const id of state.questionIds) {
      if (!('response' in (state.questions[id] ?? {}))) continue;
      const checked = check(state, quiz, id);
      if (checked.ok) state = checked.state;
    }
    // A copy of the state knows no layout: it lays the quiz out afresh.
    const fresh = submitted(structuredClone(state), quiz);
    expect(submitted(state, quiz)).toEqual(fresh);
  });

  it('is not used for another seed, even when a caller changes the seed of a state', () => {
    const quiz = parseQuiz(sampleQuizData());
    const state = answered(quiz, 'student-4');
    submitted(state, quiz);
    const moved = state as { seed: string };
    moved.seed = 'student-5#1';
    const result = submitted(state, quiz);
    const stored = Object.fromEntries(
      Object.entries(state.questions).flatMap(([id, question]) =>
        'response' in question ? [[id, question.response]] : [],
      ),
    );
    expect(result).toEqual(grade(quiz, stored, { seed: 'student-5#1' }));
  });

  it('is not used for another quiz object, nor kept for a quiz that was not parsed', () => {
    const quiz = parseQuiz(sampleQuizData());
    const state = answered(quiz, 'student-6');
    const first = submitted(state, quiz);
    // The same data parsed again is another quiz; a hand-made copy can change between calls.
    expect(submitted(state, parseQuiz(sampleQuizData()))).toEqual(first);
    const copy = structuredClone(quiz) as Quiz & { shuffleChoices: boolean };
    const before = submitted(state, copy);
    expect(before).toEqual(first);
    copy.shuffleChoices = !copy.shuffleChoices;
    const after = submitted(state, copy);
    const stored = Object.fromEntries(
      Object.entries(state.questions).flatMap(([id, question]) =>
        'response' in question ? [[id, question.response]] : [],
      ),
    );
    expect(after).toEqual(grade(copy, stored, { seed: state.seed }));
  });

  it('cannot be changed through the results it helped build', () => {
    const quiz = parseQuiz(interactive);
    const state = answered(quiz, 'student-8');
    const first = submitted(state, quiz);
    const expected = structuredClone(first);
    // Scribble over everything the result hands out.
    const scribble = (value: unknown): void => {
      if (Array.isArray(value)) {
        for (const item of value) scribble(item);
        value.splice(0, value.length, 'x');
      } else if (value !== null && typeof value === 'object') {
        for (const key of Object.keys(value)) {
          scribble((value as Record<string, unknown>)[key]);
          (value as Record<string, unknown>)[key] = 'x';
        }
      }
    };
    scribble(first);
    expect(submitted(state, quiz)).toEqual(expected);
  });
});
