// The JSON bodies of the teacher's read routes (marking queue, one student's page), as types: the handlers
// build exactly these, and a server component reading the routes in the same process can name them.
import type { GradeResult, RubricCriterion } from '@coursekit/quiz-engine';
import type { RubricSelection } from './storage/types';

/** A mark or override as the teacher's audit trail gives it. */
export interface GradeView {
  id: string;
  attemptId: string;
  questionId: string;
  kind: 'mark' | 'override';
  score: number;
  feedback: string | null;
  reason: string | null;
  rubric: RubricSelection[] | null;
  /** A teacher account id (`owner` for the passcode account). */
  teacher: string;
  /** The teacher's account name (null when not known, or for an account that no longer exists). */
  teacherName: string | null;
  at: string;
}

/** An attempt a teacher re-opened (its answers became the draft of the student's next attempt). */
export interface AttemptReopenView {
  id: string;
  attemptId: string;
  studentId: string;
  quizId: string;
  draftAttemptNumber: number;
  extraAttempts: number;
  reason: string | null;
  teacher: string;
  teacherName: string | null;
  at: string;
}

/** One submitted essay of `GET /api/classes/:id/marking`. */
export interface EssayToMark {
  attemptId: string;
  attemptNumber: number;
  submittedAt: string;
  student: { id: string | null; displayName: string | null };
  quizId: string;
  quizTitle: string;
  questionId: string;
  prompt: string;
  maxScore: number;
  rubric: RubricCriterion[];
  guidance: string | null;
  minWords: number | null;
  maxWords: number | null;
  /** The student's text as typed. */
  response: string;
  wordCount: number;
  status: 'pending' | 'marked';
  /** The latest mark or override, or null. */
  mark: GradeView | null;
}

/** The body of `GET /api/classes/:id/marking`. */
export interface MarkingList {
  class: { id: string; name: string };
  essays: EssayToMark[];
  byQuestion: { quizId: string; questionId: string; prompt: string; pending: number; marked: number }[];
  byStudent: { studentId: string | null; displayName: string | null; pending: number; marked: number }[];
}

/** One submitted attempt of `GET /api/classes/:id/students/:studentId`. */
export interface StudentDetailAttempt {
  id: string;
  quizId: string;
  /** Null when the quiz is no longer in the course folder. */
  quizTitle: string | null;
  number: number;
  submittedAt: string;
  late: boolean;
  score: number;
  maxScore: number;
  percentage: number;
  passed: boolean | null;
  pendingMarks: number;
  /** The whole grade result: the teacher sees every answer, feedback and explanation. */
  result: GradeResult | null;
  grades: GradeView[];
  /** When a teacher last re-opened this attempt, or null. */
  reopenedAt: string | null;
}

/** The body of `GET /api/classes/:id/students/:studentId`. */
export interface StudentDetail {
  student: { id: string; displayName: string; joinedAt: string };
  class: { id: string; name: string };
  attempts: StudentDetailAttempt[];
  completions: { lessonId: string; completedAt: string }[];
  allowances: { quizId: string; extraAttempts: number; updatedAt: string }[];
  auditTrail: GradeView[];
  /** Attempts a teacher re-opened, oldest first. */
  reopens: AttemptReopenView[];
}
