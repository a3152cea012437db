import type { Issue } from '@coursekit/issues';
import type { Bundle } from './bundle.js';
import { makeIssue } from './make-issue.js';
import type { QuizSummary } from './quiz-summary.js';
import { closestMatches } from './suggest.js';

/**
 * Quiz ids are unique, lessons use quizzes that exist, every quiz is used, and each question measures
 * objectives of the lesson (or lessons) that use its quiz.
 */
export function checkQuizzes(bundle: Bundle): Issue[] {
  const quizzes = bundle.quizzes;
  if (!quizzes) return [];
  const issues: Issue[] = [];
  const brokenQuizIds = new Set(bundle.brokenQuizIds);
  const embeddedQuizIds = new Set(bundle.embeddedQuizIds);
  const quizById = new Map<string, QuizSummary>();
  for (const quiz of quizzes) {
    const first = quizById.get(quiz.id);
    if (first) {
      issues.push(
        makeIssue(
          quiz.file,
          ['id'],
          'quiz/duplicate-id',
          `quiz id '${quiz.id}' is also used by ${first.file}; each quiz needs its own id`,
        ),
      );
    } else {
      quizById.set(quiz.id, quiz);
    }
  }

  // Quiz id -> the lessons that use it and, together, the objective ids they have.
  const usedBy = new Map<string, { lessons: string[]; objectives: Set<string> }>();
  for (const lesson of bundle.lessons) {
    const quizId = lesson.data.quiz;
    if (quizId === undefined) continue;
    if (!quizById.has(quizId)) {
      if (brokenQuizIds.has(quizId)) continue;
      issues.push(
        makeIssue(
          lesson.file,
          ['quiz'],
          'lesson/unknown-quiz',
          `unknown quiz '${quizId}': no quiz has this id`,
          {
            expected: closestMatches(quizId, quizById.keys()),
          },
        ),
      );
      continue;
    }
    const use = usedBy.get(quizId) ?? { lessons: [], objectives: new Set<string>() };
    use.lessons.push(lesson.data.id);
    for (const objective of lesson.data.objectives) use.objectives.add(objective.id);
    usedBy.set(quizId, use);
  }

  for (const quiz of quizById.values()) {
    const use = usedBy.get(quiz.id);
    if (!use) {
      if (embeddedQuizIds.has(quiz.id)) continue;
      issues.push(
        makeIssue(
          quiz.file,
          ['id'],
          'quiz/unused',
          `no lesson uses quiz '${quiz.id}'; set quiz: ${quiz.id} in a lesson's front matter or remove the quiz`,
          { severity: 'warning' },
        ),
      );
      continue;
    }
    const lessons = use.lessons.map((id) => `'${id}'`).join(' or ');
    for (const question of quiz.questions) {
      for (const [position, objective] of (question.objectives ?? []).entries()) {
        if (use.objectives.has(objective)) continue;
        issues.push({
          ...makeIssue(
            quiz.file,
            [],
            'quiz/unknown-objective',
            `question '${question.id}' measures objective '${objective}', which lesson ${lessons} does not have; its objectives are ${[...use.objectives].join(', ')}`,
            { expected: closestMatches(objective, use.objectives) },
          ),
          pointer: `${question.pointer}/objectives/${position}`,
        });
      }
    }
  }
  return issues;
}
