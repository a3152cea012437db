// Review options in Moodle's terms: what a student sees of a submitted attempt (correctness, feedback,
// correct answer, explanation) and from when. The server removes what is not yet allowed before anything
// leaves it, so the browser never holds an answer the options hold back.
import type { GradeResult, QuestionResult } from '@coursekit/quiz-engine';
import type { QuestionGradeRecord, ReviewOptions, ReviewWhen } from './storage/types';

/**
 * Used when neither the course file nor the teacher says otherwise: right or wrong and feedback at once,
 * correct answers and explanations only once no attempt is left (or the due date has passed), so a
 * retry cannot be copied from the review of the last one.
 */
export const DEFAULT_REVIEW: ReviewOptions = {
  correctness: 'immediately',
  feedback: 'immediately',
  correctAnswer: 'after-last-attempt',
  explanation: 'after-last-attempt',
};

/** The options that hold: the teacher's for the class, else the course file's, else `DEFAULT_REVIEW`. */
export function resolveReview(
  course: Partial<ReviewOptions> | undefined,
  teacher: Partial<ReviewOptions> | null | undefined,
): ReviewOptions {
  return { ...DEFAULT_REVIEW, ...stripUndefined(course), ...stripUndefined(teacher) };
}

function stripUndefined<T extends object>(value: T | null | undefined): Partial<T> {
  if (!value) return {};
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Which parts a student may see now. */
export interface ReviewVisibility {
  correctness: boolean;
  feedback: boolean;
  correctAnswer: boolean;
  explanation: boolean;
}

/**
 * `after-last-attempt` holds once the student has no attempt left, or the due date has passed;
 * `after-due-date` only once a due date is set and has passed.
 */
export function reviewVisibility(
  options: ReviewOptions,
  state: { attemptsLeft: number | null; dueAt: number | null; now: number },
): ReviewVisibility {
  const dueDatePassed = state.dueAt !== null && state.now > state.dueAt;
  const allowed = (when: ReviewWhen): boolean => {
    switch (when) {
      case 'immediately':
        return true;
      case 'after-last-attempt':
        return state.attemptsLeft === 0 || dueDatePassed;
      case 'after-due-date':
        return dueDatePassed;
      case 'never':
        return false;
    }
  };
  return {
    correctness: allowed(options.correctness),
    feedback: allowed(options.feedback),
    correctAnswer: allowed(options.correctAnswer),
    explanation: allowed(options.explanation),
  };
}

/** A teacher's mark or override as the student sees it: the score and the written feedback, no reason. */
export interface TeacherGrade {
  kind: QuestionGradeRecord['kind'];
  score: number;
  feedback: string | null;
  rubric: QuestionGradeRecord['rubric'];
  gradedAt: string;
}

/** One question of a reviewed attempt: what the options allow of the grade result. */
export type ReviewedQuestion = Pick<QuestionResult, 'id' | 'type' | 'maxScore' | 'objectives'> &
  Partial<
    Pick<
      QuestionResult,
      | 'status'
      | 'correct'
      | 'score'
      | 'feedback'
      | 'correctAnswer'
      | 'explanation'
      | 'response'
      | 'error'
      | 'rubric'
    >
  > & {
    /** True while an essay waits for the teacher's mark. */
    awaitingMarking: boolean;
    /** The teacher's latest mark or override of this question. */
    teacherGrade?: TeacherGrade;
  };

export interface ReviewedResult {
  quizId: string;
  score: number;
  maxScore: number;
  percentage: number;
  passMark: number;
  passed: boolean | null;
  /** Essays still waiting for the teacher, and the points they hold. */
  pendingMarks: number;
  pendingReview: number;
  awaitingMarking: boolean;
  /** What this view shows, so a page can say why an answer is not there. */
  review: ReviewVisibility;
  questions: ReviewedQuestion[];
  mastery?: GradeResult['mastery'];
  issues: GradeResult['issues'];
}

/**
 * The student's view of a grade result (the teacher's marks already applied): only what `visibility`
 * allows. The student's own response, the rubric and the teacher's feedback are always theirs to see.
 */
export function reviewedResult(
  result: GradeResult,
  visibility: ReviewVisibility,
  teacherGrades: ReadonlyMap<string, QuestionGradeRecord> = new Map(),
): ReviewedResult {
  const questions = result.questions.map((question): ReviewedQuestion => {
    const reviewed: ReviewedQuestion = {
      id: question.id,
      type: question.type,
      maxScore: question.maxScore,
      objectives: question.objectives,
      awaitingMarking: question.status === 'needs-review',
    };
    if ('response' in question) reviewed.response = question.response;
    if (question.error !== undefined) reviewed.error = question.error;
    if (question.rubric !== undefined) reviewed.rubric = question.rubric;
    const grade = teacherGrades.get(question.id);
    if (grade) {
      reviewed.teacherGrade = {
        kind: grade.kind,
        score: grade.score,
        feedback: grade.feedback,
        rubric: grade.rubric,
        gradedAt: new Date(grade.createdAt).toISOString(),
      };
    }
    // A marked essay's score is the teacher's decision, shown with it whatever the options say.
    if (visibility.correctness || (grade && question.type === 'essay')) {
      reviewed.status = question.status;
      reviewed.correct = question.correct;
      reviewed.score = question.score;
    }
    if (visibility.feedback) reviewed.feedback = question.feedback;
    if (visibility.correctAnswer && question.correctAnswer !== undefined)
      reviewed.correctAnswer = question.correctAnswer;
    if (visibility.explanation && question.explanation !== undefined)
      reviewed.explanation = question.explanation;
    return reviewed;
  });
  const pendingMarks = result.questions.filter((q) => q.status === 'needs-review').length;
  return {
    quizId: result.quizId,
    score: result.score,
    maxScore: result.maxScore,
    percentage: result.percentage,
    passMark: result.passMark,
    passed: result.passed,
    pendingMarks,
    pendingReview: result.pendingReview,
    awaitingMarking: pendingMarks > 0,
    review: visibility,
    questions,
    ...(visibility.correctness ? { mastery: result.mastery } : {}),
    issues: result.issues,
  };
}

/**
 * A checked question's result (immediate and interactive quizzes) without the correct answer and the
 * explanation while the review options hold them back: what a finished question reveals would otherwise
 * carry over to the next attempt. Right or wrong, the score and the hints stay: they are the check.
 */
export function reviewedCheckResult(result: QuestionResult, visibility: ReviewVisibility): QuestionResult {
  const copy: QuestionResult = { ...result };
  if (!visibility.correctAnswer) delete copy.correctAnswer;
  if (!visibility.explanation) delete copy.explanation;
  return copy;
}
