import type { GradeResult, RubricCriterion } from '@coursekit/quiz-engine';
import { cookies } from 'next/headers';
import { getClassroom } from '../../../../../lib/server/classroom.js';

/** A grade as the audit trail of `GET /api/classes/:id/students/:studentId` gives it. */
export interface GradeView {
  id: string;
  attemptId: string;
  questionId: string;
  kind: 'mark' | 'override';
  score: number;
  feedback: string | null;
  reason: string | null;
  rubric: { criterion: number; level: string | null; points: number }[] | null;
  teacher: string;
  /** The teacher's account name (null for an account that no longer exists). */
  teacherName?: string | null;
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
  response: string;
  wordCount: number;
  status: 'pending' | 'marked';
  mark: GradeView | null;
}

export interface MarkingList {
  class: { id: string; name: string };
  essays: EssayToMark[];
  byQuestion: { quizId: string; questionId: string; prompt: string; pending: number; marked: number }[];
  byStudent: { studentId: string | null; displayName: string | null; pending: number; marked: number }[];
}

export interface StudentAttempt {
  id: string;
  quizId: string;
  quizTitle: string | null;
  number: number;
  submittedAt: string;
  late: boolean;
  score: number;
  maxScore: number;
  percentage: number;
  passed: boolean | null;
  pendingMarks: number;
  result: GradeResult | null;
  grades: GradeView[];
  /** When a teacher last re-opened this attempt, or null. */
  reopenedAt?: string | null;
}

export interface StudentRecord {
  student: { id: string; displayName: string; joinedAt: string };
  class: { id: string; name: string };
  attempts: StudentAttempt[];
  completions: { lessonId: string; completedAt: string }[];
  allowances: { quizId: string; extraAttempts: number; updatedAt: string }[];
  auditTrail: GradeView[];
  reopens?: {
    id: string;
    attemptId: string;
    draftAttemptNumber: number;
    reason: string | null;
    teacher: string;
    teacherName: string | null;
    at: string;
  }[];
}

/**
 * Reads a teacher route of the class-mode API for a server component, with the page request's teacher
 * cookie: the pages show exactly what the documented API answers, checks included. `Classroom` has no
 * method for these reads, so the request goes through `handle` in the same process.
 */
export async function teacherApiGet<T>(
  path: string,
): Promise<{ status: number; data: T | undefined; message: string | undefined }> {
  const classroom = getClassroom();
  const token = (await cookies()).get('ck_teacher')?.value;
  const headers: Record<string, string> = {};
  if (token) headers.cookie = `ck_teacher=${token}`;
  const response = await classroom.handle(
    new Request(`http://127.0.0.1${classroom.basePath}${path}`, { headers }),
  );
  const body = (await response.json().catch(() => undefined)) as
    | (T & { error?: { message?: string } })
    | undefined;
  if (!response.ok) return { status: response.status, data: undefined, message: body?.error?.message };
  return { status: response.status, data: body, message: undefined };
}
