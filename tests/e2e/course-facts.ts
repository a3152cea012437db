// What the end-to-end tests know of the app's real course, read from its files the way the server reads
// them: lesson front matter, quizzes with their answer keys, glossary, reading and references.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseBibTeX } from '@coursekit/citations';
import { parseQuiz, type Question, type Quiz } from '@coursekit/quiz-engine';
import { parse as parseYaml } from 'yaml';
import { teachDir } from '../support/server';

export const courseDir = join(teachDir, 'content', 'two-peripheries');

export interface LessonFacts {
  id: string;
  title: string;
  quiz?: string;
}

export interface CourseFacts {
  title: string;
  /** In teaching order. */
  lessons: LessonFacts[];
  quizzes: Map<string, Quiz>;
  glossary: { id: string; term: string; definition: string }[];
  /** Paragraphs of the reading, paragraph 1 first. */
  readingParagraphs: string[];
  /** Family name of the reading's first author, as the references give it. */
  readingAuthor: string;
}

function readYaml(path: string): Record<string, unknown> {
  return parseYaml(readFileSync(path, 'utf8')) as Record<string, unknown>;
}

function frontMatter(path: string): Record<string, unknown> {
  const match = /^---\n([\s\S]*?)\n---/.exec(readFileSync(path, 'utf8'));
  if (!match?.[1]) throw new Error(`${path} has no YAML front matter`);
  return parseYaml(match[1]) as Record<string, unknown>;
}

/** Every question of a quiz, pool members included. */
export function questionsOf(quiz: Quiz): Question[] {
  return quiz.questions.flatMap((entry) => ('draw' in entry ? entry.questions : [entry]));
}

/** How many questions one attempt shows: each pool contributes its draw. */
export function questionsPerAttempt(quiz: Quiz): number {
  return quiz.questions.reduce((sum, entry) => sum + ('draw' in entry ? entry.draw : 1), 0);
}

export function readCourseFacts(): CourseFacts {
  const course = readYaml(join(courseDir, 'course.yaml')) as {
    title: string;
    lessons: string[];
    reading: { file: string; cite: string };
    bibliography: string;
  };
  const lessonFiles = readdirSync(join(courseDir, 'lessons')).filter((file) => file.endsWith('.mdx'));
  const byId = new Map(
    lessonFiles.map((file) => {
      const front = frontMatter(join(courseDir, 'lessons', file)) as unknown as LessonFacts;
      return [front.id, { id: front.id, title: front.title, ...(front.quiz ? { quiz: front.quiz } : {}) }];
    }),
  );
  const lessons = course.lessons.map((id) => {
    const lesson = byId.get(id);
    if (!lesson) throw new Error(`course.yaml lists lesson '${id}', which has no file`);
    return lesson;
  });
  const quizzes = new Map(
    readdirSync(join(courseDir, 'quizzes'))
      .filter((file) => file.endsWith('.yaml'))
      .map((file) => {
        const quiz = parseQuiz(readYaml(join(courseDir, 'quizzes', file)));
        return [quiz.id, quiz] as const;
      }),
  );
  const glossary = (readYaml(join(courseDir, 'glossary.yaml')) as { terms: CourseFacts['glossary'] }).terms;
  const readingParagraphs = readFileSync(join(courseDir, course.reading.file), 'utf8')
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  const source = parseBibTeX(readFileSync(join(courseDir, course.bibliography), 'utf8')).find(
    (item) => item.id === course.reading.cite,
  );
  const readingAuthor = (source?.author as { family?: string }[] | undefined)?.[0]?.family;
  if (!readingAuthor) throw new Error(`the references give no author for '${course.reading.cite}'`);
  return { title: course.title, lessons, quizzes, glossary, readingParagraphs, readingAuthor };
}

/** The lesson whose quiz gives immediate feedback (one check per question) and uses the most question types. */
export function lessonWithRichestQuiz(facts: CourseFacts): { lesson: LessonFacts; quiz: Quiz } {
  let best: { lesson: LessonFacts; quiz: Quiz; types: number } | undefined;
  for (const lesson of facts.lessons) {
    const quiz = lesson.quiz ? facts.quizzes.get(lesson.quiz) : undefined;
    if (quiz?.behaviour !== 'immediate') continue;
    const types = new Set(questionsOf(quiz).map((question) => question.type)).size;
    if (!best || types > best.types) best = { lesson, quiz, types };
  }
  if (!best) throw new Error('no lesson of the course has a quiz');
  return { lesson: best.lesson, quiz: best.quiz };
}
