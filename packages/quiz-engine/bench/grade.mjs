// `pnpm --filter @coursekit/quiz-engine bench`: the BUILT package (dist/index.js) in a plain Node process,
// so no test runner's module getters stand between the calls and what they time. Each figure is printed
// beside the floor measured in the same run: the seeded arrangement alone (seed hash, shuffles, opaque ids)
// for the same attempts, which any layout, public form or grading of an attempt has to do.
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { compiledOf, isSealed, layoutQuiz } from '../dist/bench-internal.js';
import { answer, createAttempt, grade, parseQuiz, submit, toPublicQuiz } from '../dist/index.js';

const ATTEMPTS = 2_000;
const BATCH = 250;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 12);
const PARSES = 20;

// Twenty questions: the ten question types of the sample quiz, each twice (bench-quiz.json; a test keeps it
// equal to the fixture `sampleQuizData` doubled).
const benchData = JSON.parse(readFileSync(new URL('./bench-quiz.json', import.meta.url), 'utf8'));
const quiz = parseQuiz(benchData);

/** What a learner might send: the first option everywhere, so some answers are right and some wrong. */
function firstOptionResponse(question) {
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
  return { student: `student-${index}`, seed, body: JSON.stringify(responses) };
}).map(({ student, seed, body }) => ({ student, seed, responses: JSON.parse(body) }));

// The floor must lay out the quiz `parseQuiz` compiled once, as `grade` does. dist/bench-internal.js shares
// dist/index.js's modules (one ESM build with shared chunks); were it a bundle of its own, its `compiledOf`
// would not know this quiz and would compile it again on every call, and the floor would read several times
// too slow. A quiz compiled afresh per call gives a new compiled form each time.
{
  const cached = compiledOf(quiz);
  const laidOut = layoutQuiz(quiz, attempts[0].seed);
  if (
    !isSealed(quiz) ||
    compiledOf(quiz) !== cached ||
    laidOut.some((question) => cached.byId.get(question.question.id) !== question.compiled)
  ) {
    throw new Error(
      'the floor would compile the quiz again on every call: dist/bench-internal.js does not share the ' +
        'modules of dist/index.js (build both in one ESM build with splitting, see tsup.config.ts)',
    );
  }
}

let sink = 0;

function each(start, end, work) {
  for (let index = start; index < end; index += 1) work(attempts[index]);
  return end - start;
}

/** A classroom submission: start the attempt, record each answer, submit (what `@coursekit/classroom` does). */
function answerAndSubmit(attempt) {
  const created = createAttempt(quiz, { seed: attempt.student, attemptNumber: 1 });
  if (!created.ok) throw new Error(created.error.message);
  let state = created.state;
  for (const [questionId, response] of Object.entries(attempt.responses)) {
    const next = answer(state, questionId, response);
    if (!next.ok) throw new Error(next.error.message);
    state = next.state;
  }
  const submitted = submit(state, quiz);
  if (!submitted.ok) throw new Error(submitted.error.message);
  return submitted.result.score;
}

const contenders = {
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
  'answer+submit': (start, end) =>
    each(start, end, (attempt) => {
      sink += answerAndSubmit(attempt);
    }),
  parseQuiz: () => {
    for (let index = 0; index < PARSES; index += 1) sink += parseQuiz(benchData).questions.length;
    return PARSES;
  },
};

// Both ways must grade alike, or the comparison means nothing.
for (const attempt of attempts.slice(0, 50)) {
  if (answerAndSubmit(attempt) !== grade(quiz, attempt.responses, { seed: attempt.seed }).score)
    throw new Error(`answer+submit and grade disagree for ${attempt.seed}`);
}

/**
 * Best rate per second over many short batches, the contenders taking turns on the same batch: on a
 * shared machine the best batch is the one least disturbed, and taking turns lets each figure and the
 * floor meet the same conditions. The first rounds double as the warm-up.
 */
const best = new Map();
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

// Reading the results keeps the measured calls from being optimised away.
if (Number.isNaN(sink)) throw new Error('no results');
const floor = best.get('floor');
const lines = [...best].map(([name, perSecond]) => {
  const rate = Math.round(perSecond).toLocaleString('en').padStart(9);
  // parseQuiz counts quizzes, not attempts: a ratio to the floor would compare unlike things.
  const ratio =
    name === 'floor' || name === 'parseQuiz' ? '' : `  (${(floor / perSecond).toFixed(2)}× the floor's time)`;
  return `  ${name.padEnd(13)} ${rate} /s${ratio}`;
});
// The ratios are what the bench is for; the machine says how far the absolute figures can be compared.
const cores = cpus();
const machine = `${cores.length} × ${cores[0]?.model.trim() ?? 'unknown CPU'}, Node ${process.versions.node}, load average ${loadavg()
  .map((load) => load.toFixed(2))
  .join(' ')}`;
process.stdout.write(
  `\n${quiz.questions.length}-question bench quiz, built package (dist), plain Node, ${ATTEMPTS.toLocaleString('en')} seeded attempts (best batch of ${BATCH} over ${ROUNDS} rounds, taking turns):\n` +
    `  floor = the seeded arrangement alone (hash, shuffles, opaque ids) for each attempt\n${lines.join('\n')}\n` +
    `  (answer+submit: createAttempt, answer per question, submit; parseQuiz: quizzes parsed per second)\n  machine: ${machine}\n`,
);
