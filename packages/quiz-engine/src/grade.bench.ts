import { bench, describe } from 'vitest';
import { sampleQuizData } from './fixtures/two-peripheries-quiz.js';
import { grade } from './grade.js';
import { parseQuiz } from './parse.js';
import { toPublicQuiz } from './public.js';
import type { PublicQuestion } from './types/registry.js';

const ATTEMPTS = 10_000;

// Twenty questions: the ten question types of the sample quiz, each twice.
const data = sampleQuizData();
const quiz = parseQuiz({
  ...data,
  questions: [
    ...data.questions,
    ...data.questions.map((question) => ({ ...question, id: `${question.id}-again` })),
  ],
});

/** What a learner might send: the first option everywhere, so some answers are right and some wrong. */
function firstOptionResponse(question: PublicQuestion): unknown {
  switch (question.type) {
    case 'single':
      return question.choices[0]?.id;
    case 'multiple':
      return question.choices.slice(0, 2).map((choice) => choice.id);
    case 'truefalse':
      return true;
    case 'short':
      return 'Equidistance';
    case 'numeric':
      return '2017';
    case 'ordering':
      return question.items.map((item) => item.id);
    case 'matching':
      return Object.fromEntries(question.left.map((left, index) => [left.id, question.right[index]?.id]));
    case 'categorise':
      return Object.fromEntries(question.items.map((item) => [item.id, question.categories[0]?.id]));
    case 'cloze':
      return Object.fromEntries(
        question.blanks.map((blank) => [blank.id, blank.kind === 'choice' ? blank.choices[0]?.id : '2397']),
      );
    case 'essay':
      return 'Moscow wanted to push back against US influence.';
  }
}

const attempts = Array.from({ length: ATTEMPTS }, (_, index) => {
  const seed = `student-${index}#1`;
  const responses = Object.fromEntries(
    toPublicQuiz(quiz, { seed }).questions.map((question) => [question.id, firstOptionResponse(question)]),
  );
  return { seed, responses };
});

let gradedAttempts = 0;
let elapsed = 0;

describe(`grade ${ATTEMPTS.toLocaleString('en')} twenty-question attempts`, () => {
  bench(
    'grade',
    () => {
      const started = performance.now();
      for (const attempt of attempts) grade(quiz, attempt.responses, { seed: attempt.seed });
      elapsed += performance.now() - started;
      gradedAttempts += attempts.length;
    },
    {
      iterations: 5,
      warmupIterations: 1,
      time: 0,
      setup: (_task, mode) => {
        // Count only measured runs, not the warm-up.
        if (mode !== 'run') return;
        gradedAttempts = 0;
        elapsed = 0;
      },
      teardown: (_task, mode) => {
        if (mode !== 'run') return;
        const perSecond = Math.round(gradedAttempts / (elapsed / 1000));
        process.stdout.write(
          `\ngraded ${gradedAttempts.toLocaleString('en')} attempts of ${quiz.questions.length} questions in ${Math.round(elapsed)} ms: ${perSecond.toLocaleString('en')} attempts/s\n`,
        );
      },
    },
  );
});
