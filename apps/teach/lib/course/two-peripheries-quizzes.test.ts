import { readdirSync, readFileSync } from 'node:fs';
import { attemptSeed, parseQuiz, questionIdsForAttempt, toPublicQuiz } from '@coursekit/quiz-engine';
import { allStrings } from '@coursekit/react';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';

// The quizzes of the "Two Peripheries" course, read as authored: no question may be answered by another
// question that can appear in the same attempt, or by its own prompt; hints only where a try follows;
// pools so that a retake draws other questions; every lesson objective and course outcome assessed.
const course = new URL('../../content/two-peripheries/', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, course), 'utf8');

type Authored = Record<string, unknown> & { id: string; type: string };
interface AuthoredQuiz {
  id: string;
  behaviour?: string;
  tries?: number;
  questions: Authored[];
}

const quizFiles = readdirSync(new URL('quizzes/', course)).filter((name) => name.endsWith('.yaml'));
const quizzes = quizFiles.map((file) => ({ file, data: parseYaml(read(`quizzes/${file}`)) as AuthoredQuiz }));

interface Placed {
  question: Authored;
  /** The pool it is drawn from, when the pool draws only one of its questions. */
  exclusivePool?: string;
}

function placed(quiz: AuthoredQuiz): Placed[] {
  return quiz.questions.flatMap((entry): Placed[] => {
    if (entry.type !== 'pool') return [{ question: entry }];
    const members = entry.questions as Authored[];
    return members.map((question) =>
      entry.draw === 1 ? { question, exclusivePool: entry.id } : { question },
    );
  });
}

/** Lower case, curly quotes straight, citations, Markdown emphasis and spacing dropped: as a reader compares words. */
function normalise(text: string): string {
  return text
    .replace(/\[[^\]]*@[^\]]*\]/g, ' ') // citations render as author and date, not as their keys
    .toLowerCase()
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[*_`]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function contains(haystack: string, needle: string): boolean {
  const escaped = normalise(needle).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'u').test(normalise(haystack));
}

/** The answers a learner types or picks: accepted short and cloze answers, correct choice texts, numbers. */
function answersOf(question: Authored): string[] {
  const texts = (entries: unknown): string[] =>
    ((entries as unknown[] | undefined) ?? []).map((entry) =>
      typeof entry === 'string' ? entry : String((entry as { text: string }).text),
    );
  const correctChoices = (choices: unknown): string[] =>
    ((choices as { text: string; correct?: boolean }[] | undefined) ?? [])
      .filter((choice) => choice.correct)
      .map((choice) => choice.text);
  switch (question.type) {
    case 'single':
    case 'multiple':
      return correctChoices(question.choices);
    case 'short':
      return texts(question.accept);
    case 'numeric':
      return [String(question.answer)];
    case 'cloze':
      return Object.values(question.blanks as Record<string, Record<string, unknown>>).flatMap((blank) =>
        blank.accept ? texts(blank.accept) : correctChoices(blank.choices),
      );
    default:
      return [];
  }
}

/** What a learner reads of a question before answering it: its public form and its hints. */
function shownBefore(quiz: AuthoredQuiz, question: Authored): string[] {
  const single = parseQuiz({ id: quiz.id, title: 'one question', questions: [question] });
  const [view] = toPublicQuiz(single, { seed: 'giveaway' }).questions;
  const { id: _id, ...rest } = view as unknown as Record<string, unknown>;
  return [...allStrings(rest), ...((question.hints as string[] | undefined) ?? [])];
}

/** What a learner may read of a question once it is answered: explanation and feedback. */
function shownAfter(question: Authored): string[] {
  const feedback: unknown[] = [question.explanation, question.feedbackTrue, question.feedbackFalse];
  for (const choice of (question.choices as { feedback?: string }[] | undefined) ?? [])
    feedback.push(choice.feedback);
  for (const entry of (question.accept as unknown[] | undefined) ?? []) {
    if (entry && typeof entry === 'object') feedback.push((entry as { feedback?: string }).feedback);
  }
  return feedback.filter((text): text is string => typeof text === 'string');
}

describe.each(quizzes)('quiz $file', ({ data: quiz }) => {
  const questions = placed(quiz);

  it('is a valid quiz', () => {
    expect(() => parseQuiz(quiz)).not.toThrow();
  });

  it('gives away no answer in another question of the same attempt or in the question’s own prompt', () => {
    const giveaways: string[] = [];
    for (const { question, exclusivePool } of questions) {
      const answers = answersOf(question);
      const ownPrompt = [String(question.prompt ?? ''), ...((question.hints as string[] | undefined) ?? [])];
      if (question.type === 'cloze') {
        ownPrompt.push(String(question.text).replace(/\{\{[^}]*\}\}/g, ' '));
      }
      for (const answer of answers) {
        for (const text of ownPrompt) {
          if (contains(text, answer)) giveaways.push(`${question.id}: its own prompt contains “${answer}”`);
        }
      }
      for (const other of questions) {
        if (other.question === question) continue;
        if (exclusivePool && other.exclusivePool === exclusivePool) continue;
        const texts = [...shownBefore(quiz, other.question), ...shownAfter(other.question)];
        for (const answer of answers) {
          if (texts.some((text) => contains(text, answer))) {
            giveaways.push(`${question.id}: “${answer}” appears in ${other.question.id}`);
          }
        }
      }
    }
    expect(giveaways).toEqual([]);
  });

  it('explains and gives feedback without pointing at the order choices are shown in', () => {
    const byPosition =
      /\b(first|second|third|fourth|fifth|last|top|bottom|above|below)\b(\s+\w+){0,2}\s+(claims?|choices?|options?|statements?|answers?|items?)\b|\boption [a-f]\b/i;
    const pointing = questions.flatMap(({ question }) =>
      shownAfter(question)
        .filter((text) => byPosition.test(text))
        .map((text) => `${question.id}: ${text.slice(0, 80)}`),
    );
    expect(pointing).toEqual([]);
  });

  it('has hints only where a failed try is followed by another try', () => {
    const tries = quiz.behaviour === 'interactive' ? (quiz.tries ?? 3) : 1;
    const hinted = questions.filter(
      ({ question }) => ((question.hints as unknown[] | undefined) ?? []).length > 0,
    );
    if (tries < 2) expect(hinted.map(({ question }) => question.id)).toEqual([]);
    else expect(hinted.length).toBeGreaterThan(0);
  });

  it('draws every auto-marked question from a pool, so that a retake shows other questions', () => {
    const unpooled = quiz.questions.filter((entry) => entry.type !== 'pool' && entry.type !== 'essay');
    expect(unpooled.map((entry) => entry.id)).toEqual([]);
    for (const pool of quiz.questions.filter((entry) => entry.type === 'pool')) {
      expect(pool.draw as number).toBeLessThan((pool.questions as unknown[]).length);
    }
    const parsed = parseQuiz(quiz);
    let repeated = 0;
    let shown = 0;
    for (let learner = 0; learner < 50; learner += 1) {
      const first = questionIdsForAttempt(parsed, attemptSeed(`learner-${learner}`, 1));
      const second = new Set(questionIdsForAttempt(parsed, attemptSeed(`learner-${learner}`, 2)));
      shown += first.length;
      repeated += first.filter((id) => second.has(id)).length;
    }
    // Pools of two, one drawn: about half the auto-marked questions change; essays always return.
    expect(repeated / shown).toBeLessThan(0.7);
  });
});

// Course outcome → the lesson objectives whose questions assess it. Each objective belongs to a lesson that
// serves the outcome, and each is measured by at least one question of that lesson's quiz.
const outcomeMap: Record<string, string[]> = {
  'trace-relationship': ['describe-trajectory', 'outline-2018-2019', 'order-after-events'],
  'explain-interests': [
    'explain-pyongyang-aims',
    'explain-moscow-aims',
    'explain-economic-aim',
    'apply-stakeholder-views',
    'explain-russian-interest',
    'summarise-convergence',
  ],
  'analyse-sanctions-and-un': [
    'explain-workers-2397',
    'distinguish-claims-signals',
    'explain-charter-cover',
    'analyse-veto',
  ],
  'assess-argument': [
    'date-article',
    'assess-reliable-partner',
    'evaluate-paragraph-four',
    'audit-omissions',
    'explain-linked-regions',
    'distinguish-evidence',
    'evaluate-alternatives',
    'identify-falsifiers',
    'assess-later-events',
  ],
  'cite-sources': ['cite-paragraph-one', 'locate-support', 'argue-essay'],
};

interface LessonFront {
  id: string;
  quiz?: string;
  outcomes: string[];
  objectives: { id: string }[];
}

const lessons: LessonFront[] = readdirSync(new URL('lessons/', course))
  .filter((name) => name.endsWith('.mdx'))
  .map((file) => parseYaml(/^---\n([\s\S]*?)\n---/.exec(read(`lessons/${file}`))?.[1] ?? '') as LessonFront);

function assessedObjectives(quizId: string | undefined): Set<string> {
  const quiz = quizzes.find(({ data }) => data.id === quizId)?.data;
  if (!quiz) return new Set();
  return new Set(placed(quiz).flatMap(({ question }) => (question.objectives as string[] | undefined) ?? []));
}

describe('assessment of the Two Peripheries objectives and outcomes', () => {
  it('measures every objective of every lesson with a question of its quiz', () => {
    const unassessed = lessons.flatMap((lesson) => {
      const assessed = assessedObjectives(lesson.quiz);
      return lesson.objectives
        .filter((objective) => !assessed.has(objective.id))
        .map((o) => `${lesson.id}: ${o.id}`);
    });
    expect(unassessed).toEqual([]);
  });

  it('maps every course outcome to objectives of lessons that serve it', () => {
    const outcomes = (parseYaml(read('course.yaml')) as { outcomes: { id: string }[] }).outcomes.map(
      (o) => o.id,
    );
    expect(Object.keys(outcomeMap).sort()).toEqual([...outcomes].sort());
    const misplaced: string[] = [];
    for (const [outcome, objectives] of Object.entries(outcomeMap)) {
      for (const objective of objectives) {
        const lesson = lessons.find((l) => l.objectives.some((o) => o.id === objective));
        if (!lesson) misplaced.push(`${outcome}: no lesson has objective ${objective}`);
        else if (!lesson.outcomes.includes(outcome))
          misplaced.push(`${outcome}: ${lesson.id} does not serve it`);
        else if (!assessedObjectives(lesson.quiz).has(objective))
          misplaced.push(`${outcome}: ${objective} unassessed`);
      }
    }
    expect(misplaced).toEqual([]);
  });
});
