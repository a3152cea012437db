import { describe, expect, it } from 'vitest';
import {
  type AttemptState,
  answer,
  answerAll,
  check,
  createAttempt,
  replayAttempt,
  submit,
} from './attempt.js';
import { parseQuiz } from './parse.js';
import { toPublicQuiz } from './public.js';
import type { Quiz } from './quiz.js';

function quizWith(settings: Record<string, unknown>): Quiz {
  return parseQuiz({
    id: 'summits',
    title: 'Summits',
    maxAttempts: 2,
    ...settings,
    questions: [
      {
        id: 'hanoi-year',
        type: 'single',
        prompt: 'When did the Hanoi summit end without agreement?',
        points: 2,
        hints: ['Two months before Vladivostok.', 'The year of Resolution 2397 plus two.'],
        choices: [{ text: '2019', correct: true }, { text: '2018' }, { text: '2017' }],
      },
      {
        id: 'vladivostok',
        type: 'short',
        prompt: 'Where did Kim and Putin meet in April 2019?',
        accept: ['Vladivostok'],
      },
    ],
  });
}

function started(quiz: Quiz): AttemptState {
  const created = createAttempt(quiz, { seed: 'student-7' });
  if (!created.ok) throw new Error(created.error.message);
  return created.state;
}

function choiceId(quiz: Quiz, state: AttemptState, text: string): string {
  const question = toPublicQuiz(quiz, { seed: state.seed }).questions.find(
    (item) => item.id === 'hanoi-year',
  );
  if (question?.type !== 'single') throw new Error('missing');
  const choice = question.choices.find((item) => item.text === text);
  if (choice === undefined) throw new Error(`no choice ${text}`);
  return choice.id;
}

function ok<T extends { ok: boolean }>(transition: T): Extract<T, { ok: true }> {
  if (!transition.ok) throw new Error(JSON.stringify(transition));
  return transition as Extract<T, { ok: true }>;
}

describe('deferred attempts', () => {
  const quiz = quizWith({ behaviour: 'deferred' });

  it('lets answers change until submit, then grades them', () => {
    let state = started(quiz);
    state = ok(answer(state, 'hanoi-year', choiceId(quiz, state, '2018'))).state;
    state = ok(answer(state, 'hanoi-year', choiceId(quiz, state, '2019'))).state;
    state = ok(answer(state, 'vladivostok', 'vladivostok ')).state;
    const submitted = ok(submit(state, quiz));
    expect(submitted.result.score).toBe(3);
    expect(submitted.state.status).toBe('submitted');
  });

  it('refuses a check and anything after submit, leaving the state unchanged', () => {
    const state = started(quiz);
    const refused = check(state, quiz, 'hanoi-year');
    expect(refused).toEqual({
      ok: false,
      error: { code: 'check-not-available', message: expect.any(String) },
    });
    const done = ok(submit(state, quiz)).state;
    const snapshot = structuredClone(done);
    expect(answer(done, 'hanoi-year', 'x')).toMatchObject({
      ok: false,
      error: { code: 'already-submitted' },
    });
    expect(submit(done, quiz)).toMatchObject({ ok: false, error: { code: 'already-submitted' } });
    expect(done).toEqual(snapshot);
  });

  it('refuses unknown questions and a quiz it does not belong to', () => {
    const state = started(quiz);
    expect(answer(state, '__proto__', 'x')).toMatchObject({ ok: false, error: { code: 'unknown-question' } });
    expect(submit(state, quizWith({ behaviour: 'deferred', id: 'other' }))).toMatchObject({
      ok: false,
      error: { code: 'wrong-quiz' },
    });
  });

  it('stops at maxAttempts and gives each attempt its own layout seed', () => {
    expect(createAttempt(quiz, { seed: 'student-7', attemptNumber: 3 })).toMatchObject({
      ok: false,
      error: { code: 'no-attempts-left' },
    });
    const first = ok(createAttempt(quiz, { seed: 'student-7', attemptNumber: 1 })).state;
    const second = ok(createAttempt(quiz, { seed: 'student-7', attemptNumber: 2 })).state;
    expect(first.seed).not.toBe(second.seed);
  });
});

describe('immediate attempts', () => {
  const quiz = quizWith({ behaviour: 'immediate' });

  it('checks each question once and then locks it', () => {
    let state = started(quiz);
    state = ok(answer(state, 'hanoi-year', choiceId(quiz, state, '2017'))).state;
    const checked = ok(check(state, quiz, 'hanoi-year'));
    expect(checked.result).toMatchObject({ status: 'incorrect', score: 0, correctAnswer: { text: '2019' } });
    expect(checked.finished).toBe(true);
    state = checked.state;
    expect(check(state, quiz, 'hanoi-year')).toMatchObject({
      ok: false,
      error: { code: 'question-finished' },
    });
    expect(answer(state, 'hanoi-year', choiceId(quiz, state, '2019'))).toMatchObject({
      ok: false,
      error: { code: 'question-finished' },
    });
    expect(ok(submit(state, quiz)).result.score).toBe(0);
  });

  it('refuses to check an unanswered or malformed answer without using it up', () => {
    let state = started(quiz);
    expect(check(state, quiz, 'vladivostok')).toMatchObject({ ok: false, error: { code: 'no-response' } });
    state = ok(answer(state, 'vladivostok', 42)).state;
    expect(check(state, quiz, 'vladivostok')).toMatchObject({
      ok: false,
      error: { code: 'invalid-response' },
    });
    state = ok(answer(state, 'vladivostok', 'Vladivostok')).state;
    expect(ok(check(state, quiz, 'vladivostok')).result.score).toBe(1);
  });
});

describe('interactive attempts', () => {
  const quiz = quizWith({ behaviour: 'interactive', tries: 3, penalty: 0.25 });

  it('reveals a hint per failed try, hides the answer meanwhile, and applies the penalty', () => {
    let state = started(quiz);
    state = ok(answer(state, 'hanoi-year', choiceId(quiz, state, '2017'))).state;
    const first = ok(check(state, quiz, 'hanoi-year'));
    expect(first).toMatchObject({ finished: false, triesLeft: 2, hints: ['Two months before Vladivostok.'] });
    expect(first.result.correctAnswer).toBeUndefined();
    state = ok(answer(first.state, 'hanoi-year', choiceId(quiz, state, '2019'))).state;
    const second = ok(check(state, quiz, 'hanoi-year'));
    expect(second).toMatchObject({ finished: true, result: { status: 'correct', score: 1.5 } });
    expect(check(second.state, quiz, 'hanoi-year')).toMatchObject({
      ok: false,
      error: { code: 'question-finished' },
    });
    expect(ok(submit(second.state, quiz)).result.score).toBe(1.5);
  });

  it('leaves essays to the teacher instead of spending tries on them', () => {
    const withEssay = parseQuiz({
      id: 'essay-quiz',
      title: 'Essay',
      behaviour: 'interactive',
      questions: [{ id: 'reflect', type: 'essay', prompt: 'Why did Moscow and Pyongyang draw closer?' }],
    });
    let state = ok(createAttempt(withEssay, { seed: 's' })).state;
    state = ok(answer(state, 'reflect', 'Because…')).state;
    expect(check(state, withEssay, 'reflect')).toMatchObject({
      ok: false,
      error: { code: 'check-not-available' },
    });
    expect(ok(submit(state, withEssay)).result).toMatchObject({ pendingReview: 1, passed: null });
  });

  it('refuses a check beyond the try limit', () => {
    let state = started(quiz);
    state = ok(answer(state, 'vladivostok', 'Pyongyang')).state;
    for (let tries = 0; tries < 3; tries += 1) state = ok(check(state, quiz, 'vladivostok')).state;
    const snapshot = structuredClone(state);
    expect(check(state, quiz, 'vladivostok')).toMatchObject({ ok: false, error: { code: 'no-tries-left' } });
    expect(state).toEqual(snapshot);
    expect(ok(submit(state, quiz)).result.score).toBe(0);
  });

  it('scores an unchecked answer at submit with the penalties already earned', () => {
    let state = started(quiz);
    state = ok(answer(state, 'vladivostok', 'Moscow')).state;
    state = ok(check(state, quiz, 'vladivostok')).state;
    state = ok(answer(state, 'vladivostok', 'Vladivostok')).state;
    expect(ok(submit(state, quiz)).result.questions.find((item) => item.id === 'vladivostok')?.score).toBe(
      0.75,
    );
  });

  it('replays stored steps to the same result, also after a JSON round trip', () => {
    let state = started(quiz);
    state = ok(answer(state, 'hanoi-year', choiceId(quiz, state, '2018'))).state;
    state = ok(check(state, quiz, 'hanoi-year')).state;
    state = JSON.parse(JSON.stringify(state)) as AttemptState;
    state = ok(answer(state, 'hanoi-year', choiceId(quiz, state, '2019'))).state;
    state = ok(check(state, quiz, 'hanoi-year')).state;
    state = ok(answer(state, 'vladivostok', 'Vladivostok')).state;
    const final = ok(submit(state, quiz)).state;
    const replayed = ok(replayAttempt(quiz, { seed: 'student-7' }, final.steps)).state;
    expect(replayed).toEqual(final);
    expect(replayed.result?.score).toBe(2.5);
  });

  it('never mutates the state it is given', () => {
    const state = started(quiz);
    Object.freeze(state);
    Object.freeze(state.questions);
    Object.freeze(state.steps);
    const next = ok(answer(state, 'vladivostok', 'Vladivostok')).state;
    expect(state.steps).toHaveLength(0);
    expect(next.steps).toHaveLength(1);
  });
});

describe('answering many questions at once', () => {
  const quiz = quizWith({ behaviour: 'interactive', tries: 1 });

  it('gives the state and steps of answering one by one, and the same graded submission', () => {
    const start = started(quiz);
    const responses = { vladivostok: 'Vladivostok', 'hanoi-year': choiceId(quiz, start, '2018') };
    let oneByOne = start;
    for (const [id, response] of Object.entries(responses))
      oneByOne = ok(answer(oneByOne, id, response)).state;
    const atOnce = ok(answerAll(start, responses)).state;
    expect(atOnce).toEqual(oneByOne);
    expect(atOnce.steps.map((step) => step.action)).toEqual(['answer', 'answer']);
    expect(ok(submit(atOnce, quiz)).result).toEqual(ok(submit(oneByOne, quiz)).result);
    const replayed = ok(replayAttempt(quiz, { seed: 'student-7' }, ok(submit(atOnce, quiz)).state.steps));
    expect(replayed.state.result).toEqual(ok(submit(oneByOne, quiz)).result);
    // Pairs work as well, and a question answered twice keeps the later response (two steps, like answer).
    const twice = ok(
      answerAll(start, [
        ['vladivostok', 'Moscow'],
        ['vladivostok', 'Vladivostok'],
      ]),
    ).state;
    expect(twice.questions.vladivostok).toMatchObject({ response: 'Vladivostok' });
    expect(twice.steps).toHaveLength(2);
  });

  it("copies the responses, so changing the caller's objects later changes nothing", () => {
    const start = started(quiz);
    const response = ['Vladivostok'];
    const state = ok(answerAll(start, { vladivostok: response })).state;
    response.push('Moscow');
    expect(state.questions.vladivostok).toMatchObject({ response: ['Vladivostok'] });
  });

  it('refuses the whole set, naming the question, when one response would be refused', () => {
    const start = started(quiz);
    const unknown = answerAll(start, { vladivostok: 'Vladivostok', 'no-such': 'x' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'unknown-question' } });
    expect(unknown.ok ? '' : unknown.error.message).toContain("'no-such'");
    const unserialisable = answerAll(start, { vladivostok: () => 'x' });
    expect(unserialisable).toMatchObject({ ok: false, error: { code: 'unserialisable-response' } });
    expect(unserialisable.ok ? '' : unserialisable.error.message).toContain("'vladivostok'");
    // A question finished by its check keeps its answer.
    const checked = ok(check(ok(answer(start, 'vladivostok', 'Moscow')).state, quiz, 'vladivostok')).state;
    const finished = answerAll(checked, { 'hanoi-year': choiceId(quiz, start, '2019'), vladivostok: 'x' });
    expect(finished).toMatchObject({ ok: false, error: { code: 'question-finished' } });
    const submitted = ok(submit(start, quiz)).state;
    expect(answerAll(submitted, { vladivostok: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'already-submitted' },
    });
    // Nothing was recorded on the states it was given.
    expect(start.steps).toEqual([]);
    expect(checked.steps).toHaveLength(2);
  });
});
