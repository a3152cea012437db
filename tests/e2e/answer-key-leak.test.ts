// The answer key and the teacher's notes never reach a student's browser before grading: scan every built
// client chunk, and the HTML, the RSC payload and the public quiz API that a student gets, for each secret string.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Quiz } from '@coursekit/quiz-engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer, teachDir } from '../support/server';
import { courseDir, questionsOf, readCourseFacts } from './course-facts';

const facts = readCourseFacts();

// Authored fields that only the server may know before an attempt is graded.
const secretKeys = new Set([
  'feedback',
  'feedbackTrue',
  'feedbackFalse',
  'explanation',
  'hints',
  'guidance',
  'accept',
]);

function collectSecrets(value: unknown, underSecret: boolean, out: Set<string>): void {
  if (typeof value === 'string') {
    if (underSecret) out.add(value);
  } else if (Array.isArray(value)) {
    for (const item of value) collectSecrets(item, underSecret, out);
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value))
      collectSecrets(item, underSecret || secretKeys.has(key), out);
  }
}

/** Text that would appear as written in HTML and JS: no Markdown, citation or HTML-escaped characters. */
function searchable(text: string): string | undefined {
  const plain = text.replace(/\s+/g, ' ').trim();
  if (plain.length < 24 || /[*_`[\]@<>&"'{}\\]/.test(plain)) return undefined;
  return plain;
}

// A phrase that lesson prose or a public prompt also contains is not a leak when it shows up.
const publicText = readdirSync(join(courseDir, 'lessons'))
  .map((file) => readFileSync(join(courseDir, 'lessons', file), 'utf8'))
  .join('\n')
  .replace(/:::instructor[\s\S]*?\n:::/g, '')
  .replace(/\s+/g, ' ');

function quizSecrets(quiz: Quiz): string[] {
  const secrets = new Set<string>();
  for (const question of questionsOf(quiz)) collectSecrets(question, false, secrets);
  return [...secrets].map(searchable).filter((text): text is string => !!text && !publicText.includes(text));
}

function instructorSecrets(): string[] {
  const out: string[] = [];
  for (const file of readdirSync(join(courseDir, 'lessons'))) {
    const source = readFileSync(join(courseDir, 'lessons', file), 'utf8');
    for (const block of source.matchAll(/:::instructor\n([\s\S]*?)\n:::/g)) {
      for (const line of (block[1] ?? '').split('\n')) {
        const text = searchable(line.replace(/^\s*(?:[-*+]|\d+\.)\s+/, ''));
        if (text && !publicText.includes(text)) out.push(text);
      }
    }
  }
  return out;
}

const answerSecrets = [...facts.quizzes.values()].flatMap(quizSecrets);
const teacherSecrets = instructorSecrets();

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

function leaksIn(haystack: string, secrets: string[]): string[] {
  return secrets.filter((secret) => haystack.includes(secret));
}

describe('what a student downloads holds no answer key and no teacher notes', () => {
  let server: RunningServer;

  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('has secrets to look for (the scan would be empty otherwise)', () => {
    expect(answerSecrets.length).toBeGreaterThan(50);
    expect(teacherSecrets.length).toBeGreaterThan(20);
  });

  it('no client chunk of the production build contains a feedback, explanation, hint or note', () => {
    const chunks = filesUnder(join(teachDir, '.next', 'static')).filter((file) => file.endsWith('.js'));
    expect(chunks.length).toBeGreaterThan(0);
    const client = chunks.map((file) => readFileSync(file, 'utf8')).join('\n');
    expect(leaksIn(client, [...answerSecrets, ...teacherSecrets])).toEqual([]);
  });

  it.each(facts.lessons.map((lesson) => [lesson.id]))(
    'lesson %s: its HTML and RSC payload hold neither answers nor teacher notes',
    async (id) => {
      const html = await (await fetch(`${server.url}/lessons/${id}`)).text();
      const rsc = await (await fetch(`${server.url}/lessons/${id}`, { headers: { RSC: '1' } })).text();
      expect(html).toContain('<h1');
      expect(leaksIn(html, [...answerSecrets, ...teacherSecrets])).toEqual([]);
      expect(leaksIn(rsc, [...answerSecrets, ...teacherSecrets])).toEqual([]);
    },
  );

  it.each([...facts.quizzes.keys()].map((id) => [id]))(
    'GET /api/quizzes/%s gives the public form only',
    async (id) => {
      const response = await fetch(`${server.url}/api/quizzes/${id}`);
      expect(response.status).toBe(200);
      const body = await response.text();
      // `review` says which parts of a result the review options show now: four booleans, named like the
      // parts (feedback, explanation, ...), and nothing else. Everything else holds no key of the answer key.
      const { review, ...rest } = JSON.parse(body) as { review?: Record<string, unknown> };
      expect(Object.values(review ?? {}).every((value) => typeof value === 'boolean')).toBe(true);
      expect(Object.keys(review ?? {}).sort()).toEqual([
        'correctAnswer',
        'correctness',
        'explanation',
        'feedback',
      ]);
      expect(JSON.stringify(rest)).not.toMatch(
        /"(correct|accept|feedback|explanation|tolerance|guidance)"\s*:/,
      );
      expect(leaksIn(body, answerSecrets)).toEqual([]);
    },
  );
});
