import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { type AttemptState, answer, check, createAttempt, replayAttempt, submit } from '../attempt.js';
import { sampleQuizData } from '../fixtures/two-peripheries-quiz.js';
import { grade } from '../grade.js';
import { parseQuiz } from '../parse.js';
import { toPublicQuiz } from '../public.js';
import type { Quiz } from '../quiz.js';
import { validateResponses } from '../responses.js';
import type { PublicQuestion } from '../types/registry.js';

// The whole output of the engine, byte for byte, for many seeds: public quizzes, grade results, validation,
// and attempts answered, checked and submitted. The digests in __digests__ were written by the code before
// the speed work of issue 13 (item 4); any change to what a caller gets back fails here, seed batch by batch.

const CONTENT = join(import.meta.dirname, '../../../../apps/teach/content/two-peripheries/quizzes');
const SEEDS = 240;
const BATCH = 40;

/** Responses a learner could send, well formed or not: shown ids, typed texts, junk and hostile keys. */
function responseFor(question: PublicQuestion, texts: readonly string[]): fc.Arbitrary<unknown> {
  const ids = (options: readonly { id: string }[]) => options.map((option) => option.id);
  const text = fc.constantFrom(...texts);
  const junk = fc.oneof(
    fc.constant(null),
    fc.integer(),
    fc.string(),
    fc.constant({ __proto__: null, x: 1 }),
    fc.constant(['x', 'x']),
    fc.constant({ constructor: 'c' }),
    fc.constant('x'.repeat(1001)),
  );
  const shaped = (() => {
    switch (question.type) {
      case 'single':
        return fc.constantFrom(...ids(question.choices));
      case 'multiple':
        return fc.subarray(ids(question.choices));
      case 'truefalse':
        return fc.boolean();
      case 'short':
      case 'essay':
        return text;
      case 'numeric':
        return fc.oneof(text, fc.integer({ min: 2010, max: 2026 }), fc.constant(Number.NaN));
      case 'ordering':
        return fc.oneof(
          fc.shuffledSubarray(ids(question.items), { minLength: question.items.length }),
          fc.subarray(ids(question.items)),
        );
      case 'matching':
        return fc.dictionary(fc.constantFrom(...ids(question.left)), fc.constantFrom(...ids(question.right)));
      case 'categorise':
        return fc.dictionary(
          fc.constantFrom(...ids(question.items)),
          fc.constantFrom(...ids(question.categories)),
        );
      case 'cloze':
        return fc.record(
          Object.fromEntries(
            question.blanks.map((blank) => [
              blank.id,
              blank.kind === 'choice' ? fc.constantFrom(...ids(blank.choices)) : text,
            ]),
          ),
          { requiredKeys: [] },
        );
      default:
        return fc.constant(undefined);
    }
  })();
  return fc.oneof({ arbitrary: shaped, weight: 6 }, { arbitrary: junk, weight: 1 });
}

/** Every text of a quiz's answer key and prompts: typed answers that are right, wrong or near misses. */
function textsOf(value: unknown, into: string[] = []): string[] {
  if (typeof value === 'string') into.push(value, value.toUpperCase(), `${value}x`);
  else if (typeof value === 'number') into.push(String(value), String(value + 1));
  else if (Array.isArray(value)) for (const item of value) textsOf(item, into);
  else if (value !== null && typeof value === 'object')
    for (const item of Object.values(value)) textsOf(item, into);
  return into;
}

/** An attempt answered with `input`, every other question checked where the behaviour allows, then submitted. */
function attemptOutput(quiz: Quiz, student: string, input: Record<string, unknown>): unknown[] {
  const out: unknown[] = [];
  const created = createAttempt(quiz, { seed: student, attemptNumber: 2 });
  if (!created.ok) return [created.error];
  let state: AttemptState = created.state;
  for (const [index, id] of state.questionIds.entries()) {
    if (!Object.hasOwn(input, id)) continue;
    const answered = answer(state, id, input[id]);
    out.push(answered.ok ? 'answered' : answered.error);
    if (answered.ok) state = answered.state;
    if (quiz.behaviour !== 'deferred' && index % 2 === 0) {
      const checked = check(state, quiz, id);
      out.push(checked.ok ? { ...checked, state: undefined } : checked.error);
      if (checked.ok) state = checked.state;
    }
  }
  const submitted = submit(state, quiz);
  out.push(submitted.ok ? submitted.result : submitted.error);
  if (submitted.ok) {
    const replayed = replayAttempt(quiz, { seed: student, attemptNumber: 2 }, submitted.state.steps);
    out.push(replayed.ok ? replayed.state : replayed.error);
  }
  return out;
}

function digests(quiz: Quiz, data: unknown): string[] {
  const texts = [...new Set(textsOf(data))].slice(0, 400);
  const lines: string[] = [];
  let hash = createHash('sha256');
  for (let index = 0; index < SEEDS; index += 1) {
    const student = `student-${index}`;
    const seed = `${student}#2`;
    const shown = toPublicQuiz(quiz, { seed });
    const responses = fc.record(
      Object.fromEntries(shown.questions.map((question) => [question.id, responseFor(question, texts)])),
      { requiredKeys: [] },
    );
    const [drawn] = fc.sample(responses, { seed: index, numRuns: 1 });
    // Some submissions carry junk besides: unknown question ids, a hostile key, or no object at all.
    const input: unknown =
      index % 11 === 5
        ? ['not', 'an', 'object']
        : index % 7 === 3
          ? { ...drawn, 'no-such-question': 1, ['__proto__']: 2 }
          : drawn;
    const graded = grade(quiz, input, { seed });
    const validation = validateResponses(quiz, input, { seed });
    const validatedAgainstView = validateResponses(shown, input);
    const attempt = attemptOutput(quiz, student, (drawn ?? {}) as Record<string, unknown>);
    hash.update(JSON.stringify({ shown, graded, validation, validatedAgainstView, attempt }));
    if ((index + 1) % BATCH === 0) {
      lines.push(`seeds ${index + 1 - BATCH}–${index}: ${hash.digest('hex')}`);
      hash = createHash('sha256');
    }
  }
  return lines;
}

const fixture = sampleQuizData();
const quizzes: [string, unknown][] = [
  ['fixture', fixture],
  [
    'bench-quiz',
    JSON.parse(readFileSync(join(import.meta.dirname, '../../bench/bench-quiz.json'), 'utf8')) as unknown,
  ],
  ...readdirSync(CONTENT)
    .filter((file) => file.endsWith('.yaml'))
    .sort()
    .map((file): [string, unknown] => [file, parseYaml(readFileSync(join(CONTENT, file), 'utf8'))]),
];

describe('the bench quiz is the fixture, each question twice', () => {
  it('matches sampleQuizData', () => {
    const doubled = {
      ...fixture,
      questions: [
        ...fixture.questions,
        ...fixture.questions.map((question) => ({ ...question, id: `${question.id}-again` })),
      ],
    };
    expect(quizzes[1]?.[1]).toEqual(JSON.parse(JSON.stringify(doubled)));
  });
});

describe('public quizzes, grades, validation and attempts are byte for byte what they were', () => {
  it.each(quizzes)('%s', async (name, data) => {
    const lines = digests(parseQuiz(data), data);
    await expect(`${lines.join('\n')}\n`).toMatchFileSnapshot(
      `./__digests__/${name.replace(/\.(yaml|json)$/, '')}.txt`,
    );
  });
});
