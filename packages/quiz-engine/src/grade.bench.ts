import { cpus, loadavg } from 'node:os';
import { bench, describe } from 'vitest';
import { sampleQuizData } from './fixtures/two-peripheries-quiz.js';
import { grade } from './grade.js';
import { layoutQuiz } from './layout.js';
import { parseQuiz } from './parse.js';
import { toPublicQuiz } from './public.js';
import type { PublicQuestion } from './types/registry.js';

const ATTEMPTS = 2_000;

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

const BATCH = 250;
const ROUNDS = 12;
const PARSES = 20;
const rates = new Map<string, number>();
let sink = 0;

/**
 * Best rate per second over many short batches, the contenders taking turns on the same batch: on a
 * shared machine the best batch is the one least disturbed, and taking turns lets each figure and the
 * floor meet the same conditions.
 */
function measureTogether(contenders: Record<string, (start: number, end: number) => number>): void {
  const best = new Map<string, number>();
  for (let round = 0; round < ROUNDS; round += 1) {
    for (let start = 0; start < ATTEMPTS; start += BATCH) {
      for (const [name, run] of Object.entries(contenders)) {
        const started = performance.now();
        const count = run(start, Math.min(ATTEMPTS, start + BATCH));
        const perSecond = count / ((performance.now() - started) / 1000);
        best.set(name, Math.max(best.get(name) ?? 0, perSecond));
      }
    }
  }
  for (const [name, perSecond] of best) rates.set(name, perSecond);
}

function each(
  start: number,
  end: number,
  work: (attempt: { seed: string; responses: unknown }) => void,
): number {
  for (let index = start; index < end; index += 1)
    work(attempts[index] as { seed: string; responses: unknown });
  return end - start;
}

function report(): void {
  // Reading the results keeps the measured calls from being optimised away.
  if (Number.isNaN(sink)) throw new Error('no results');
  const floor = rates.get('floor') ?? 0;
  const lines = [...rates].map(([name, perSecond]) => {
    const rate = Math.round(perSecond).toLocaleString('en').padStart(9);
    // parseQuiz counts quizzes, not attempts: a ratio to the floor would compare unlike things.
    const ratio =
      name === 'floor' || name === 'parseQuiz'
        ? ''
        : `  (${(floor / perSecond).toFixed(2)}× the floor's time)`;
    return `  ${name.padEnd(13)} ${rate} /s${ratio}`;
  });
  // The ratios are what the bench is for; the machine says how far the absolute figures can be compared.
  const cores = cpus();
  const machine = `${cores.length} × ${cores[0]?.model.trim() ?? 'unknown CPU'}, Node ${process.versions.node}, load average ${loadavg()
    .map((load) => load.toFixed(2))
    .join(' ')}`;
  process.stdout.write(
    `\n${quiz.questions.length}-question bench quiz, ${ATTEMPTS.toLocaleString('en')} seeded attempts (best batch of ${BATCH} over ${ROUNDS} rounds, taking turns):\n` +
      `  floor = the seeded arrangement alone (hash, shuffles, opaque ids) for each attempt\n${lines.join('\n')}\n` +
      `  (parseQuiz: quizzes parsed per second)\n  machine: ${machine}\n`,
  );
}

describe(`grade, toPublicQuiz and parseQuiz on the ${quiz.questions.length}-question bench quiz`, () => {
  bench(
    'grade, toPublicQuiz and parseQuiz beside the floor',
    () => {
      measureTogether({
        floor: (start, end) =>
          each(start, end, (attempt) => {
            sink += layoutQuiz(quiz, attempt.seed).length;
          }),
        grade: (start, end) =>
          each(start, end, (attempt) => {
            sink += grade(quiz, attempt.responses, { seed: attempt.seed }).score;
          }),
        toPublicQuiz: (start, end) =>
          each(start, end, (attempt) => {
            sink += toPublicQuiz(quiz, { seed: attempt.seed }).questions.length;
          }),
        parseQuiz: () => {
          for (let index = 0; index < PARSES; index += 1) sink += parseQuiz(benchData).questions.length;
          return PARSES;
        },
      });
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
