import { describe, expect, it } from 'vitest';
import { sampleQuizData } from './fixtures/two-peripheries-quiz.js';
import { grade } from './grade.js';
import { parseQuiz } from './parse.js';
import { toPublicQuiz } from './public.js';
import type { PublicQuestion } from './types/registry.js';

const quiz = parseQuiz(sampleQuizData());
const seed = 'student-42/attempt-1';
const shown = toPublicQuiz(quiz, { seed });

function question<T extends PublicQuestion['type']>(
  id: string,
  type: T,
): Extract<PublicQuestion, { type: T }> {
  const found = shown.questions.find((candidate) => candidate.id === id);
  if (found?.type !== type) throw new Error(`no ${type} question ${id}`);
  return found as Extract<PublicQuestion, { type: T }>;
}

/** Looks an option up by its visible text, as a learner clicking it would. */
function idOf(options: { id: string; text?: string; label?: string }[], text: string): string {
  const option = options.find((candidate) => (candidate.text ?? candidate.label) === text);
  if (option === undefined) throw new Error(`no option '${text}'`);
  return option.id;
}

function perfectResponses(): Record<string, unknown> {
  const ordering = question('order-events', 'ordering');
  const matchingQuestion = question('match-dates', 'matching');
  const sorting = question('sort-periods', 'categorise');
  const clozeQuestion = question('fill-in', 'cloze');
  const [resBlank, monthsBlank] = clozeQuestion.blanks;
  if (resBlank?.kind !== 'text' || monthsBlank?.kind !== 'choice') throw new Error('unexpected blanks');
  return {
    'hanoi-year': idOf(question('hanoi-year', 'single').choices, '2019'),
    'es-11-1-votes': ['DPRK', 'Russia', 'Eritrea'].map((text) =>
      idOf(question('es-11-1-votes', 'multiple').choices, text),
    ),
    'rok-unfriendly': true,
    'balancing-term': '  Équidistance! ',
    'resolution-year': '2017',
    'order-events': [
      'Treaty of Friendship, Cooperation and Mutual Assistance signed in Moscow',
      'Putin visits Pyongyang',
      'Hanoi summit ends without agreement',
      'Kim and Putin meet in Vladivostok',
    ].map((text) => idOf(ordering.items, text)),
    'match-dates': {
      [idOf(matchingQuestion.left, 'Resolution 2397 adopted')]: idOf(matchingQuestion.right, '2017'),
      [idOf(matchingQuestion.left, 'Vladivostok meeting')]: idOf(matchingQuestion.right, '2019'),
    },
    'sort-periods': {
      [idOf(sorting.items, 'Hanoi summit')]: idOf(sorting.categories, 'Before the article'),
      [idOf(sorting.items, 'Vostochny Cosmodrome meeting')]: idOf(sorting.categories, 'What happened next'),
    },
    'fill-in': { [resBlank.id]: '2397', [monthsBlank.id]: idOf(monthsBlank.choices, '24') },
    reflect: 'An essay for the teacher.',
  };
}

function resultOf(result: ReturnType<typeof grade>, id: string) {
  const found = result.questions.find((candidate) => candidate.id === id);
  if (found === undefined) throw new Error(`no result for ${id}`);
  return found;
}

describe('grade', () => {
  it('gives full marks for right answers typed or clicked the way a learner would', () => {
    const result = grade(quiz, perfectResponses(), { seed });
    expect(result.issues).toEqual([]);
    for (const item of result.questions.filter((candidate) => candidate.type !== 'essay')) {
      expect({ id: item.id, status: item.status, score: item.score }).toEqual({
        id: item.id,
        status: 'correct',
        score: item.maxScore,
      });
    }
    expect(result.score).toBe(13);
    expect(result.maxScore).toBe(17);
    expect(result.pendingReview).toBe(4);
    expect(result.percentage).toBe(76.47);
    expect(result.passed).toBe(true);
    expect(resultOf(result, 'reflect')).toMatchObject({ status: 'needs-review', score: 0, maxScore: 4 });
    expect(resultOf(result, 'reflect').rubric).toHaveLength(2);
  });

  it('returns per-choice feedback, the explanation with its citation and the correct answer', () => {
    const wrong = idOf(question('hanoi-year', 'single').choices, '2017');
    const result = resultOf(grade(quiz, { 'hanoi-year': wrong }, { seed }), 'hanoi-year');
    expect(result).toMatchObject({
      status: 'incorrect',
      correct: false,
      score: 0,
      feedback: [{ text: 'That was the year of Resolution 2397.', choiceId: wrong }],
      explanation: expect.stringContaining('[@rinna-two-peripheries, para. 2]'),
      correctAnswer: { text: '2019', response: idOf(question('hanoi-year', 'single').choices, '2019') },
    });
  });

  it('gives partial credit for multiple response, less a penalty per wrong pick, never below 0', () => {
    const choices = question('es-11-1-votes', 'multiple').choices;
    const pick = (...texts: string[]) =>
      resultOf(
        grade(quiz, { 'es-11-1-votes': texts.map((text) => idOf(choices, text)) }, { seed }),
        'es-11-1-votes',
      );
    expect(pick('DPRK', 'Russia').score).toBeCloseTo(4 / 3);
    expect(pick('DPRK', 'Russia').correct).toBe('partial');
    // Two right (2/3) less half of one right pick's credit (1/6) for the wrong one, times 2 points.
    expect(pick('DPRK', 'Russia', 'Republic of Korea').score).toBeCloseTo(1);
    expect(pick('Republic of Korea').score).toBe(0);
    expect(pick('DPRK', 'Republic of Korea').feedback.map((item) => item.text)).toEqual([
      'The DPRK was one of five votes against.',
      'Seoul joined the Western measures.',
    ]);
  });

  it('credits the longest run of events in the right order', () => {
    const items = question('order-events', 'ordering').items;
    const order = (...texts: string[]) =>
      resultOf(
        grade(quiz, { 'order-events': texts.map((text) => idOf(items, text)) }, { seed }),
        'order-events',
      );
    const [treaty, visit, hanoi, vladivostok] = [
      'Treaty of Friendship, Cooperation and Mutual Assistance signed in Moscow',
      'Putin visits Pyongyang',
      'Hanoi summit ends without agreement',
      'Kim and Putin meet in Vladivostok',
    ] as const;
    expect(order(visit, treaty, hanoi, vladivostok).score).toBeCloseTo(2.25);
    expect(order(vladivostok, hanoi, visit, treaty).score).toBe(0);
    expect(order(treaty, visit, hanoi, vladivostok).score).toBe(3);
  });

  it('credits matching per pair, categorising per item and cloze per blank', () => {
    const responses = perfectResponses();
    const matchingQuestion = question('match-dates', 'matching');
    const clozeQuestion = question('fill-in', 'cloze');
    const result = grade(
      quiz,
      {
        'match-dates': {
          [idOf(matchingQuestion.left, 'Resolution 2397 adopted')]: idOf(matchingQuestion.right, '2017'),
          [idOf(matchingQuestion.left, 'Vladivostok meeting')]: idOf(matchingQuestion.right, '2018'),
        },
        'sort-periods': {
          [idOf(question('sort-periods', 'categorise').items, 'Hanoi summit')]: Object.values(
            responses['sort-periods'] as Record<string, string>,
          )[0],
        },
        'fill-in': { [clozeQuestion.blanks[0]?.id as string]: '2379' },
      },
      { seed },
    );
    expect(resultOf(result, 'match-dates').score).toBe(1);
    expect(resultOf(result, 'sort-periods').score).toBe(0.5);
    expect(resultOf(result, 'fill-in').score).toBe(0);
  });

  it('reports mastery per objective over auto-graded questions', () => {
    const { mastery } = grade(quiz, { 'rok-unfriendly': true, 'balancing-term': 'balance' }, { seed });
    expect(mastery['describe-equidistance']).toEqual({
      score: 1,
      maxScore: 2,
      percentage: 50,
      questionIds: expect.arrayContaining(['rok-unfriendly', 'balancing-term']),
    });
    expect(mastery['explain-rupture']?.score).toBe(0);
  });

  it('leaves pass/fail open while an essay could still change it', () => {
    const result = grade(
      quiz,
      { ...perfectResponses(), 'order-events': undefined, 'match-dates': {} },
      { seed },
    );
    expect(result.score).toBe(8);
    expect(result.passed).toBeNull();
    expect(grade(quiz, {}, { seed }).passed).toBe(false);
  });
});

describe('grade on whatever a browser sends', () => {
  const hostile = [
    null,
    'all of them',
    42,
    [],
    JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}'),
    {
      'hanoi-year': 3,
      'es-11-1-votes': ['x', 'x'],
      'rok-unfriendly': 'true',
      'balancing-term': 'x'.repeat(1_000_000),
      'resolution-year': 'two thousand',
      'order-events': ['only-one'],
      'match-dates': [],
      'sort-periods': { nope: 'nope' },
      'fill-in': JSON.parse('{"__proto__": "2397"}'),
      reflect: 'y'.repeat(1_000_000),
    },
  ];

  it.each(hostile.map((input, index) => [index, input]))(
    'input %i scores zero with typed errors and never throws',
    (_, input) => {
      const before = structuredClone(quiz);
      const result = grade(quiz, input, { seed });
      expect(result.score).toBe(0);
      expect(result.issues.length).toBeGreaterThan(0);
      for (const issue of result.issues) expect(issue.message).not.toMatch(/\n\s+at /);
      expect(quiz).toEqual(before);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    },
  );

  it('names the problem with each malformed answer', () => {
    const result = grade(quiz, hostile[5], { seed });
    const errors = Object.fromEntries(result.questions.map((item) => [item.id, item.error?.code]));
    expect(errors).toEqual({
      'hanoi-year': 'wrong-type',
      'es-11-1-votes': 'unknown-id',
      'rok-unfriendly': 'wrong-type',
      'balancing-term': 'too-long',
      'resolution-year': 'not-a-number',
      'order-events': 'unknown-id',
      'match-dates': 'wrong-type',
      'sort-periods': 'unknown-id',
      'fill-in': 'unknown-id',
      reflect: 'too-long',
    });
    expect(result.questions.every((item) => item.status === 'invalid' && item.score === 0)).toBe(true);
  });

  it('rejects duplicated picks and incomplete orderings', () => {
    const choices = question('es-11-1-votes', 'multiple').choices;
    const dprk = idOf(choices, 'DPRK');
    const items = question('order-events', 'ordering').items.map((item) => item.id);
    const result = grade(quiz, { 'es-11-1-votes': [dprk, dprk], 'order-events': items.slice(1) }, { seed });
    expect(resultOf(result, 'es-11-1-votes').error?.code).toBe('duplicate');
    expect(resultOf(result, 'order-events').error?.code).toBe('incomplete');
  });

  it('does not accept ids from another attempt', () => {
    const other = toPublicQuiz(quiz, { seed: 'someone-else' });
    const single = other.questions.find((item) => item.id === 'hanoi-year');
    if (single?.type !== 'single') throw new Error('missing');
    const result = grade(quiz, { 'hanoi-year': single.choices[0]?.id }, { seed });
    expect(resultOf(result, 'hanoi-year').error?.code).toBe('unknown-id');
  });

  it('works on a frozen quiz', () => {
    const deepFreeze = (value: unknown): void => {
      if (typeof value === 'object' && value !== null) {
        Object.freeze(value);
        for (const inner of Object.values(value)) deepFreeze(inner);
      }
    };
    const frozen = parseQuiz(sampleQuizData());
    deepFreeze(frozen);
    expect(grade(frozen, perfectResponses(), { seed }).score).toBe(13);
  });
});

describe('what grading prepares once per quiz', () => {
  /** Changes every object and array a caller got back, as careless or hostile code might. */
  function scribble(value: unknown): void {
    if (typeof value !== 'object' || value === null) return;
    for (const inner of Object.values(value)) scribble(inner);
    if (Array.isArray(value)) value.push('scribbled');
    else Object.assign(value, { scribbled: true, text: 'scribbled', response: 'scribbled' });
  }

  it('cannot be changed by one caller for the next', () => {
    const first = grade(quiz, perfectResponses(), { seed });
    const before = structuredClone(first);
    scribble(first);
    expect(grade(quiz, perfectResponses(), { seed })).toEqual(before);
    // Other seeds are untouched too: each lays out its own ids and keys.
    const otherSeed = 'student-7/attempt-2';
    expect(grade(quiz, {}, { seed: otherSeed }).questions.map((item) => item.correctAnswer)).toEqual(
      grade(parseQuiz(sampleQuizData()), {}, { seed: otherSeed }).questions.map((item) => item.correctAnswer),
    );
  });

  it('keeps nothing a caller sent: changing the responses afterwards changes no result', () => {
    const responses = perfectResponses();
    const result = grade(quiz, responses, { seed });
    const before = structuredClone(result);
    scribble(responses);
    expect(result).toEqual(before);
  });

  it('refuses changes to the parsed quiz it was prepared from', () => {
    const single = quiz.questions.find((item) => item.id === 'hanoi-year');
    if (single?.type !== 'single') throw new Error('missing');
    expect(Reflect.set(single.choices[0] as object, 'weight', 1)).toBe(false);
    expect(Reflect.set(single, 'points', 100)).toBe(false);
    expect(grade(quiz, perfectResponses(), { seed }).score).toBe(13);
  });
});
