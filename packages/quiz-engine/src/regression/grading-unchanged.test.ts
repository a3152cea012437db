import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { sampleQuizData } from '../fixtures/two-peripheries-quiz.js';
import { grade } from '../grade.js';
import { parseQuiz } from '../parse.js';
import { toPublicQuiz } from '../public.js';
import type { Quiz } from '../quiz.js';
import type { PublicQuestion } from '../types/registry.js';

const CONTENT = join(import.meta.dirname, '../../../../apps/teach/content/two-peripheries/quizzes');

/** Responses a learner could send: every shown option id combination fast-check draws, plus typed texts. */
function responseFor(question: PublicQuestion, texts: readonly string[]): fc.Arbitrary<unknown> {
  const ids = (options: readonly { id: string }[]) => options.map((option) => option.id);
  const text = fc.constantFrom(...texts);
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
      return fc.oneof(text, fc.integer({ min: 2010, max: 2026 }));
    case 'ordering':
      return fc.shuffledSubarray(ids(question.items), { minLength: question.items.length });
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

/** Score and status of every question over 40 seeded attempts with drawn responses. */
function gradingTrace(quiz: Quiz, data: unknown): string[] {
  const texts = [...new Set(textsOf(data))].slice(0, 400);
  const lines: string[] = [];
  for (let attempt = 0; attempt < 40; attempt += 1) {
    const seed = `regression-${attempt}`;
    const shown = toPublicQuiz(quiz, { seed });
    const responses = fc.record(
      Object.fromEntries(shown.questions.map((question) => [question.id, responseFor(question, texts)])),
      { requiredKeys: [] },
    );
    const [input] = fc.sample(responses, { seed: attempt, numRuns: 1 });
    const result = grade(quiz, input, { seed });
    lines.push(
      `${seed} ${result.score}/${result.maxScore} ${result.passed} ${result.questions
        .map((question) => `${question.id}=${question.score}:${question.status}`)
        .join(' ')}`,
    );
  }
  return lines;
}

const quizzes: [string, unknown][] = [
  ['fixture', sampleQuizData()],
  ...readdirSync(CONTENT)
    .filter((file) => file.endsWith('.yaml'))
    .sort()
    .map((file): [string, unknown] => [file, parseYaml(readFileSync(join(CONTENT, file), 'utf8'))]),
];

describe("today's quiz files grade exactly as before partial credit", () => {
  it.each(quizzes)('%s', async (name, data) => {
    const trace = gradingTrace(parseQuiz(data), data);
    await expect(`${trace.join('\n')}\n`).toMatchFileSnapshot(
      `./__traces__/${name.replace(/\.yaml$/, '')}.txt`,
    );
  });
});
