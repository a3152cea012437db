import { bench, describe } from 'vitest';
import { sampleQuizData } from './fixtures/two-peripheries-quiz.js';
import { grade } from './grade.js';
import { layoutQuiz } from './layout.js';
import { parseQuiz } from './parse.js';
import { toPublicQuiz } from './public.js';
import type { PublicQuestion } from './types/registry.js';

const ATTEMPTS = 5_000;

// Twenty questions: the ten question types of the sample quiz, each twice.
const data = sampleQuizData();
const benchData = {
  ...data,
  questions: [
    ...data.questions,
    ...data.questions.map((question) => ({ ...question, id: `${question.id}-again` })),
  ],
};
const quiz = parseQuiz(benchData);

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

// Responses arrive as JSON, as from a request body: fresh objects, not the ones the layout made.
const attempts = Array.from({ length: ATTEMPTS }, (_, index) => {
  const seed = `student-${index}#1`;
  const responses = Object.fromEntries(
    toPublicQuiz(quiz, { seed }).questions.map((question) => [question.id, firstOptionResponse(question)]),
  );
  return { seed, body: JSON.stringify(responses) };
}).map(({ seed, body }) => ({ seed, responses: JSON.parse(body) as unknown }));

const PARSES = 200;
const rates = new Map<string, number>();
let sink = 0;

/** Runs `work` over every attempt, `rounds` times, and records the best rate in attempts per second. */
function measure(name: string, rounds: number, work: (index: number) => void, count = ATTEMPTS): void {
  let best = 0;
  for (let round = 0; round < rounds; round += 1) {
    const started = performance.now();
    for (let index = 0; index < count; index += 1) work(index);
    const perSecond = count / ((performance.now() - started) / 1000);
    best = Math.max(best, perSecond);
  }
  rates.set(name, best);
}

function report(): void {
  // Reading the results keeps the measured calls from being optimised away.
  if (Number.isNaN(sink)) throw new Error('no results');
  const floor = rates.get('floor') ?? 0;
  const lines = [...rates].map(([name, perSecond]) => {
    const rate = Math.round(perSecond).toLocaleString('en').padStart(9);
    const ratio = name === 'floor' ? '' : `  (${(floor / perSecond).toFixed(2)}× the floor's time)`;
    return `  ${name.padEnd(13)} ${rate} /s${ratio}`;
  });
  process.stdout.write(
    `\n${quiz.questions.length}-question bench quiz, ${ATTEMPTS.toLocaleString('en')} seeded attempts (best of 5 rounds):\n` +
      `  floor = the seeded arrangement alone (hash, shuffles, opaque ids) for each attempt\n${lines.join('\n')}\n` +
      `  (parseQuiz: quizzes parsed per second, beside the floor's attempts per second)\n`,
  );
}

describe(`grade, toPublicQuiz and parseQuiz on the ${quiz.questions.length}-question bench quiz`, () => {
  bench(
    'grade beside the floor',
    () => {
      // Interleaved in one run, so that the floor and the figures share the machine's state.
      for (let cycle = 0; cycle < 2; cycle += 1) {
        measure('floor', 5, (index) => {
          const attempt = attempts[index] as { seed: string };
          sink += layoutQuiz(quiz, attempt.seed).length;
        });
        measure('grade', 5, (index) => {
          const attempt = attempts[index] as { seed: string; responses: unknown };
          sink += grade(quiz, attempt.responses, { seed: attempt.seed }).score;
        });
        measure('toPublicQuiz', 5, (index) => {
          sink += toPublicQuiz(quiz, { seed: (attempts[index] as { seed: string }).seed }).questions.length;
        });
        measure(
          'parseQuiz',
          5,
          () => {
            sink += parseQuiz(benchData).questions.length;
          },
          PARSES,
        );
      }
    },
    {
      iterations: 1,
      warmupIterations: 0,
      warmupTime: 0,
      time: 0,
      teardown: (_task, mode) => {
        if (mode === 'run') report();
      },
    },
  );
});
