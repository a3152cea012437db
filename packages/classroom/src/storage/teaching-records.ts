// Row readers of the teaching tables, shared by both engines. Stored JSON is checked when read, like steps.
import { z } from 'zod';
import { num, optionalText, type Row, StoredDataError, text } from './records';
import type {
  AttemptAllowanceRecord,
  QuestionGradeRecord,
  QuizSettingsRecord,
  ReviewOptions,
  RubricSelection,
} from './types';

export const REVIEW_WHEN = ['immediately', 'after-last-attempt', 'after-due-date', 'never'] as const;

const reviewSchema = z.strictObject({
  correctness: z.enum(REVIEW_WHEN).optional(),
  feedback: z.enum(REVIEW_WHEN).optional(),
  correctAnswer: z.enum(REVIEW_WHEN).optional(),
  explanation: z.enum(REVIEW_WHEN).optional(),
});

const rubricSchema = z.array(
  z.strictObject({ criterion: z.int().nonnegative(), level: z.string().nullable(), points: z.number() }),
);

function readJson<T>(value: unknown, schema: z.ZodType<T>, where: string): T {
  let data = value;
  if (typeof value === 'string') {
    try {
      data = JSON.parse(value);
    } catch (error) {
      throw new StoredDataError(where, error instanceof Error ? error.message : 'not JSON');
    }
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new StoredDataError(where, `${issue?.path.join('.') || 'value'}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}

const optionalNum = (value: unknown) => (value === null || value === undefined ? null : Number(value));

export function toQuizSettings(row: Row): QuizSettingsRecord {
  const where = `settings of quiz ${text(row.quiz_id)} in class ${text(row.class_id)}`;
  return {
    classId: text(row.class_id),
    quizId: text(row.quiz_id),
    opensAt: optionalNum(row.opens_at),
    dueAt: optionalNum(row.due_at),
    latePolicy: row.late_policy === 'mark-late' ? 'mark-late' : 'refuse',
    review:
      row.review === null || row.review === undefined
        ? null
        : (readJson(row.review, reviewSchema, where) as Partial<ReviewOptions>),
    updatedAt: num(row.updated_at),
  };
}

export function toAllowance(row: Row): AttemptAllowanceRecord {
  return {
    classId: text(row.class_id),
    studentId: text(row.student_id),
    quizId: text(row.quiz_id),
    extraAttempts: num(row.extra_attempts),
    updatedAt: num(row.updated_at),
  };
}

export function toQuestionGrade(row: Row): QuestionGradeRecord {
  return {
    id: text(row.id),
    attemptId: text(row.attempt_id),
    classId: optionalText(row.class_id),
    questionId: text(row.question_id),
    kind: row.kind === 'override' ? 'override' : 'mark',
    score: num(row.score),
    feedback: optionalText(row.feedback),
    reason: optionalText(row.reason),
    rubric:
      row.rubric === null || row.rubric === undefined
        ? null
        : (readJson(row.rubric, rubricSchema, `grade ${text(row.id)}`) as RubricSelection[]),
    teacher: text(row.teacher),
    createdAt: num(row.created_at),
  };
}
