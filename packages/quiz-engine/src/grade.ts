import { compiledOf } from './compile.js';
import { type LaidOutQuestion, layoutQuiz } from './layout.js';
import type { Quiz } from './quiz.js';
import { checkSubmission, type ResponseIssue } from './responses.js';
import type { Seed } from './shuffle.js';
import type { CorrectAnswer, FeedbackItem, RawGrade, ResponseCheck, ResponseError } from './types/common.js';
import type { RubricCriterion } from './types/essay/essay.js';
import type { QuestionType } from './types/registry.js';

export type QuestionStatus = 'correct' | 'partial' | 'incorrect' | 'unanswered' | 'invalid' | 'needs-review';

export interface QuestionResult {
  id: string;
  type: QuestionType;
  status: QuestionStatus;
  score: number;
  maxScore: number;
  /** `'partial'` when some but not all credit was earned. */
  correct: boolean | 'partial';
  /** Per-choice (or per-answer) feedback for what the learner answered. */
  feedback: FeedbackItem[];
  /** The question's general feedback; may contain pandoc citations for the app to render. */
  explanation?: string;
  /** For showing after submission (essays have none). */
  correctAnswer?: CorrectAnswer;
  objectives: string[];
  /** The well-formed response that was graded (essays need it for review). */
  response?: unknown;
  /** Why a response was rejected (`status: 'invalid'`, 0 points). */
  error?: ResponseError;
  /** Essays: what the teacher will assess. */
  rubric?: RubricCriterion[];
}

export interface ObjectiveMastery {
  score: number;
  maxScore: number;
  /** 0–100. */
  percentage: number;
  questionIds: string[];
}

export interface GradeResult {
  quizId: string;
  questions: QuestionResult[];
  score: number;
  maxScore: number;
  /** 0–100, two decimals. */
  percentage: number;
  passMark: number;
  /** `null` while essays awaiting review could still change the outcome. */
  passed: boolean | null;
  /** Points held by essays awaiting a teacher. */
  pendingReview: number;
  /** Per lesson objective id, over the auto-graded questions that carry it. */
  mastery: Record<string, ObjectiveMastery>;
  /** Problems with the input as a whole and with individual answers. */
  issues: ResponseIssue[];
}

/** Removes binary noise (0.30000000000000004) from scores. */
export function roundScore(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

function statusOf(raw: RawGrade): QuestionStatus {
  if (raw.needsReview) return 'needs-review';
  if (raw.fraction >= 1) return 'correct';
  return raw.fraction > 0 ? 'partial' : 'incorrect';
}

function correctnessOf(status: QuestionStatus): boolean | 'partial' {
  if (status === 'correct') return true;
  return status === 'partial' ? 'partial' : false;
}

/**
 * @internal One question's result before any behaviour penalty, from its checked response (undefined when
 * unanswered). Built in its final shape at once: results of every type share a few hidden classes.
 */
export function resultFor(
  laidOut: LaidOutQuestion,
  check: ResponseCheck<unknown> | undefined,
): QuestionResult {
  const { question, arrangement, compiled: entry } = laidOut;
  let status: QuestionStatus = 'unanswered';
  let graded: RawGrade | undefined;
  if (check !== undefined) {
    if (!check.ok) status = 'invalid';
    else if (entry.needsHuman) status = 'needs-review';
    else {
      graded = entry.grade.call(
        entry.definition,
        question,
        arrangement,
        check.value,
        entry.prepared,
      ) as RawGrade;
      status = statusOf(graded);
    }
  }
  const score =
    graded === undefined ? 0 : roundScore(Math.min(1, Math.max(0, graded.fraction)) * entry.points);
  const result: QuestionResult = entry.needsHuman
    ? {
        id: entry.id,
        type: entry.type,
        status,
        score,
        maxScore: entry.points,
        correct: false,
        feedback: [],
        objectives: [...entry.objectives],
      }
    : {
        id: entry.id,
        type: entry.type,
        status,
        score,
        maxScore: entry.points,
        correct: correctnessOf(status),
        feedback: graded === undefined ? [] : graded.feedback,
        objectives: [...entry.objectives],
        correctAnswer: entry.correctAnswer.call(
          entry.definition,
          question,
          arrangement,
          entry.prepared,
          check?.ok ? check.value : undefined,
        ),
      };
  if (entry.explanation !== undefined) result.explanation = entry.explanation;
  if (entry.resultDetails !== undefined)
    Object.assign(result, entry.resultDetails.call(entry.definition, question));
  if (check !== undefined) {
    if (check.ok) result.response = check.value;
    else result.error = check.error;
  }
  return result;
}

/** @internal Totals, pass/fail and mastery over question results. */
export function summarise(quiz: Quiz, questions: QuestionResult[], issues: ResponseIssue[]): GradeResult {
  let score = 0;
  let maxScore = 0;
  let pendingReview = 0;
  // Objectives in the order the (shuffled) questions first name them, with their sums at the same index:
  // a quiz has a handful, and each mastery entry is built once, in its final shape, with its final values.
  const objectiveIds: string[] = [];
  const objectiveScores: number[] = [];
  const objectiveMaxScores: number[] = [];
  const objectiveQuestionIds: string[][] = [];
  for (let index = 0; index < questions.length; index += 1) {
    const result = questions[index] as QuestionResult;
    maxScore += result.maxScore;
    score += result.score;
    if (result.status === 'needs-review') {
      pendingReview += result.maxScore;
      continue;
    }
    const { objectives } = result;
    for (let position = 0; position < objectives.length; position += 1) {
      const objective = objectives[position] as string;
      let at = objectiveIds.indexOf(objective);
      if (at === -1) {
        at = objectiveIds.length;
        objectiveIds.push(objective);
        objectiveScores.push(0);
        objectiveMaxScores.push(0);
        objectiveQuestionIds.push([]);
      }
      objectiveScores[at] = (objectiveScores[at] as number) + result.score;
      objectiveMaxScores[at] = (objectiveMaxScores[at] as number) + result.maxScore;
      (objectiveQuestionIds[at] as string[]).push(result.id);
    }
  }
  const mastery: Record<string, ObjectiveMastery> = {};
  for (let at = 0; at < objectiveIds.length; at += 1) {
    const objectiveScore = roundScore(objectiveScores[at] as number);
    const objectiveMaxScore = roundScore(objectiveMaxScores[at] as number);
    mastery[objectiveIds[at] as string] = {
      score: objectiveScore,
      maxScore: objectiveMaxScore,
      percentage: percentageOf(objectiveScore, objectiveMaxScore),
      questionIds: objectiveQuestionIds[at] as string[],
    };
  }
  score = roundScore(score);
  maxScore = roundScore(maxScore);
  const percentage = percentageOf(score, maxScore);
  let passed: boolean | null = percentage >= quiz.passMark;
  if (!passed && pendingReview > 0 && percentageOf(score + pendingReview, maxScore) >= quiz.passMark)
    passed = null;
  return {
    quizId: quiz.id,
    questions,
    score,
    maxScore,
    percentage,
    passMark: quiz.passMark,
    passed,
    pendingReview: roundScore(pendingReview),
    mastery,
    issues,
  };
}

function percentageOf(score: number, maxScore: number): number {
  return maxScore > 0 ? Math.round((score / maxScore) * 10_000) / 100 : 0;
}

/**
 * Grades a submission on the server. `responses` is whatever the browser sent: malformed answers score
 * 0 with `status: 'invalid'` and an error, and nothing here throws on them or touches the quiz.
 */
export function grade(quiz: Quiz, responses: unknown, options: { seed: Seed }): GradeResult {
  const compiled = compiledOf(quiz);
  const laidOut = layoutQuiz(quiz, options.seed, compiled);
  const { checks, issues } = checkSubmission(laidOut, responses, compiled);
  const results: QuestionResult[] = [];
  for (let index = 0; index < laidOut.length; index += 1)
    results.push(resultFor(laidOut[index] as LaidOutQuestion, checks[index]));
  return summarise(quiz, results, issues);
}
