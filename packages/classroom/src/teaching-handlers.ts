// The routes of the teacher's loop (marking, overrides, one student's page, per class and quiz settings,
// extra attempts) and the learner's drafts and past attempts. `api.ts` routes requests to them.
import { randomBytes } from 'node:crypto';
import { countWords, type Quiz } from '@coursekit/quiz-engine';
import { z } from 'zod';
import { gradedResult } from './attempt-review';
import { storedResult } from './attempts';
import { readJsonBody } from './body';
import { loadCourseOutline } from './course';
import { questionsOf } from './dashboard';
import { draftSchema, saveDraft } from './drafts';
import { ApiError, badRequest, notFound } from './errors';
import type { Handler } from './handlers';
import { jsonResponse } from './known-bodies';
import { reviewedAttemptsOf } from './learner-review';
import { applyGrades, latestGrades, pendingMarksOf, totalsOf } from './marking';
import { assertQuizOpen, isLate, quizPolicy } from './quiz-policy';
import { passBackQuizScore } from './quiz-score';
import { reopenView } from './reopen';
import { resolveReview } from './review';
import { requireLearner, requireTeacher } from './sessions';
import { REVIEW_WHEN } from './storage/teaching-records';
import type {
  AttemptRecord,
  ClassRecord,
  ClassroomStore,
  QuestionGradeRecord,
  QuizSettingsRecord,
  RubricSelection,
} from './storage/types';
import { findClassOr404 } from './teacher';
import { requireTeacherAccount, teacherIdOf } from './teacher-accounts';
import type {
  EssayToMark,
  GradeView,
  MarkingList,
  StudentDetail,
  StudentDetailAttempt,
} from './teacher-views';

const json = jsonResponse;
function iso(time: number): string;
function iso(time: number | null): string | null;
function iso(time: number | null): string | null {
  return time === null ? null : new Date(time).toISOString();
}

export async function quizOfCourse(courseDir: string, quizId: string): Promise<Quiz> {
  const quiz = (await loadCourseOutline(courseDir)).quizzes.get(quizId);
  if (!quiz) throw notFound('unknown-quiz', `There is no quiz with id '${quizId.slice(0, 60)}'.`);
  return quiz;
}

export async function studentOfClass(store: ClassroomStore, classRecord: ClassRecord, studentId: string) {
  const student = /^stu_[A-Za-z0-9_-]{1,40}$/.test(studentId)
    ? await store.classes.getStudent(studentId)
    : undefined;
  if (!student || student.classId !== classRecord.id) {
    throw notFound(
      'unknown-student',
      `Class '${classRecord.name}' has no student with id '${studentId.slice(0, 60)}'.`,
    );
  }
  return student;
}

export async function attemptOfClass(store: ClassroomStore, classRecord: ClassRecord, attemptId: string) {
  const attempt = /^att_[A-Za-z0-9_-]{1,40}$/.test(attemptId)
    ? await store.marking.getAttempt(attemptId)
    : undefined;
  if (!attempt || attempt.classId !== classRecord.id) {
    throw notFound(
      'unknown-attempt',
      `Class '${classRecord.name}' has no attempt with id '${attemptId.slice(0, 60)}'.`,
    );
  }
  return attempt;
}

/** A grade as the teacher's audit trail shows it (with the teacher's name when `names` has it). */
function gradeView(grade: QuestionGradeRecord, names: ReadonlyMap<string, string> = new Map()): GradeView {
  return {
    id: grade.id,
    attemptId: grade.attemptId,
    questionId: grade.questionId,
    kind: grade.kind,
    score: grade.score,
    feedback: grade.feedback,
    reason: grade.reason,
    rubric: grade.rubric,
    teacher: grade.teacher,
    teacherName: names.get(grade.teacher) ?? null,
    at: iso(grade.createdAt),
  };
}

// ---- Marking ----

const markingQuerySchema = z.strictObject({
  quizId: z.string().max(100).optional(),
  questionId: z.string().max(100).optional(),
  studentId: z.string().max(100).optional(),
  status: z.enum(['pending', 'marked', 'all'], 'Use status=pending, marked or all.').optional(),
});

function queryOf<T>(request: Request, schema: z.ZodType<T>): T {
  const parsed = schema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => ({
      path: issue.path.join('.') || 'query',
      message: issue.message,
    }));
    throw badRequest(
      'invalid-query',
      `The query string is not valid (${issues[0]?.path}: ${issues[0]?.message}).`,
      issues,
    );
  }
  return parsed.data;
}

/**
 * `GET /api/classes/:id/marking`: every submitted essay of the class, by question and by student, with
 * the question's rubric, guidance and word limits, the student's text as typed and the latest mark.
 */
export const getMarking: Handler = async (request, context) => {
  await requireTeacher(request, context);
  const classRecord = await findClassOr404(context.store, context.params.id ?? '');
  const query = queryOf(request, markingQuerySchema);
  const outline = await loadCourseOutline(context.courseDir);
  const [students, attempts, grades] = await Promise.all([
    context.store.classes.listStudents(classRecord.id),
    context.store.attempts.listByClass(classRecord.id),
    context.store.marking.listByClass(classRecord.id),
  ]);
  const names = new Map(students.map((s) => [s.id, s.displayName]));
  const gradesByAttempt = new Map<string, QuestionGradeRecord[]>();
  for (const grade of grades)
    gradesByAttempt.set(grade.attemptId, [...(gradesByAttempt.get(grade.attemptId) ?? []), grade]);
  const essays: EssayToMark[] = [];
  for (const attempt of attempts) {
    if (query.quizId && attempt.quizId !== query.quizId) continue;
    if (query.studentId && attempt.studentId !== query.studentId) continue;
    const quiz = outline.quizzes.get(attempt.quizId);
    const result = storedResult(quiz, attempt);
    if (!quiz || !result) continue;
    const latest = latestGrades(gradesByAttempt.get(attempt.id) ?? []);
    const byId = new Map(questionsOf(quiz).map((q) => [q.id, q]));
    for (const question of result.questions) {
      const authored = byId.get(question.id);
      if (authored?.type !== 'essay' || question.status === 'unanswered') continue;
      if (query.questionId && question.id !== query.questionId) continue;
      const mark = latest.get(question.id);
      const status: EssayToMark['status'] = mark ? 'marked' : 'pending';
      if (query.status && query.status !== 'all' && query.status !== status) continue;
      const text = typeof question.response === 'string' ? question.response : '';
      essays.push({
        attemptId: attempt.id,
        attemptNumber: attempt.attemptNumber,
        submittedAt: iso(attempt.submittedAt),
        student: { id: attempt.studentId, displayName: names.get(attempt.studentId ?? '') ?? null },
        quizId: quiz.id,
        quizTitle: quiz.title,
        questionId: question.id,
        prompt: authored.prompt,
        maxScore: question.maxScore,
        rubric: authored.rubric,
        guidance: authored.guidance ?? null,
        minWords: authored.minWords ?? null,
        maxWords: authored.maxWords ?? null,
        response: text,
        wordCount: countWords(text),
        status,
        mark: mark ? gradeView(mark) : null,
      });
    }
  }
  const byQuestion = new Map<
    string,
    { quizId: string; questionId: string; prompt: string; pending: number; marked: number }
  >();
  for (const essay of essays) {
    const key = `${essay.quizId}\u0000${essay.questionId}`;
    const entry = byQuestion.get(key) ?? {
      quizId: essay.quizId,
      questionId: essay.questionId,
      prompt: essay.prompt,
      pending: 0,
      marked: 0,
    };
    entry[essay.status === 'marked' ? 'marked' : 'pending']++;
    byQuestion.set(key, entry);
  }
  const byStudent = new Map<
    string,
    { studentId: string | null; displayName: string | null; pending: number; marked: number }
  >();
  for (const essay of essays) {
    const key = essay.student.id ?? '';
    const entry = byStudent.get(key) ?? {
      studentId: essay.student.id,
      displayName: essay.student.displayName,
      pending: 0,
      marked: 0,
    };
    entry[essay.status === 'marked' ? 'marked' : 'pending']++;
    byStudent.set(key, entry);
  }
  const body: MarkingList = {
    class: { id: classRecord.id, name: classRecord.name },
    essays,
    byQuestion: [...byQuestion.values()],
    byStudent: [...byStudent.values()],
  };
  return json(body);
};

const feedbackSchema = z
  .string('Write the feedback as text.')
  .max(5000, 'Keep feedback to at most 5,000 characters.')
  .transform((text) => text.normalize('NFC').trim());

const markSchema = z.strictObject({
  questionId: z.string('Give the id of the essay question.').min(1).max(100),
  score: z.number('Give the mark as a number of points.').min(0, 'A mark cannot be below 0.').optional(),
  rubric: z
    .array(
      z.strictObject({
        criterion: z.int('Name the criterion by its index in the rubric (0 for the first).').nonnegative(),
        level: z.string().max(200).optional(),
        points: z.number().min(0).optional(),
      }),
    )
    .max(50)
    .optional(),
  feedback: feedbackSchema.optional(),
});

const overrideSchema = z.strictObject({
  questionId: z.string('Give the id of the question.').min(1).max(100),
  score: z.number('Give the new score as a number of points.').min(0, 'A score cannot be below 0.'),
  reason: z
    .string('Say why the score is overridden; it is kept in the audit trail.')
    .transform((text) => text.normalize('NFC').trim())
    .pipe(
      z
        .string()
        .min(1, 'Say why the score is overridden; it is kept in the audit trail.')
        .max(500, 'Keep the reason to at most 500 characters.'),
    ),
  feedback: feedbackSchema.optional(),
});

/** The rubric levels chosen, checked against the quiz file's rubric; their points add up to the mark. */
function rubricScore(
  rubric: readonly { criterion: string; points: number; levels?: { label: string; points: number }[] }[],
  chosen: z.infer<typeof markSchema>['rubric'] & {},
): { selections: RubricSelection[]; score: number } {
  const issues: { path: string; message: string }[] = [];
  const selections: RubricSelection[] = [];
  const seen = new Set<number>();
  chosen.forEach((choice, index) => {
    const criterion = rubric[choice.criterion];
    if (!criterion) {
      issues.push({
        path: `rubric.${index}.criterion`,
        message: `there is no criterion ${choice.criterion}; the rubric has ${rubric.length}`,
      });
      return;
    }
    if (seen.has(choice.criterion)) {
      issues.push({
        path: `rubric.${index}.criterion`,
        message: `criterion ${choice.criterion} is chosen twice`,
      });
      return;
    }
    seen.add(choice.criterion);
    if (criterion.levels) {
      const level = criterion.levels.find((l) => l.label === choice.level);
      if (!level) {
        issues.push({
          path: `rubric.${index}.level`,
          message: `choose one of the levels ${criterion.levels.map((l) => `'${l.label}'`).join(', ')}`,
        });
        return;
      }
      selections.push({ criterion: choice.criterion, level: level.label, points: level.points });
    } else {
      if (choice.points === undefined || choice.points > criterion.points) {
        issues.push({
          path: `rubric.${index}.points`,
          message: `give 0 to ${criterion.points} points for '${criterion.criterion}'`,
        });
        return;
      }
      selections.push({ criterion: choice.criterion, level: null, points: choice.points });
    }
  });
  rubric.forEach((criterion, index) => {
    if (!seen.has(index))
      issues.push({ path: 'rubric', message: `criterion ${index} ('${criterion.criterion}') is not marked` });
  });
  if (issues.length > 0) {
    throw badRequest(
      'invalid-rubric',
      `The rubric marks do not fit the question's rubric (${issues[0]?.path}: ${issues[0]?.message}). Nothing was saved.`,
      issues,
    );
  }
  return { selections, score: Math.round(selections.reduce((sum, s) => sum + s.points, 0) * 1e6) / 1e6 };
}

async function recordGrade(
  context: Parameters<Handler>[1],
  teacherId: string,
  classRecord: ClassRecord,
  attempt: AttemptRecord,
  quiz: Quiz,
  grade: Omit<QuestionGradeRecord, 'id' | 'attemptId' | 'classId' | 'teacher' | 'createdAt'>,
) {
  const base = storedResult(quiz, attempt);
  if (!base) {
    throw new ApiError(
      409,
      'attempt-unreadable',
      'This attempt can no longer be rebuilt against the current quiz, so it cannot be marked.',
    );
  }
  const { grade: stored, totals } = await context.store.marking.record({
    grade: {
      ...grade,
      id: `grd_${randomBytes(12).toString('base64url')}`,
      attemptId: attempt.id,
      classId: classRecord.id,
      teacher: teacherId,
      createdAt: context.now,
    },
    recompute: (grades) => totalsOf(applyGrades(quiz, base, grades)),
  });
  const result = applyGrades(quiz, base, await context.store.marking.listByAttempt(attempt.id));
  if (attempt.studentId) {
    // The LMS gets the recomputed score too (no-op for a student who never launched from one).
    void passBackQuizScore(context.store, quiz, attempt.studentId, context.now).catch((error: unknown) =>
      console.error('[coursekit] LTI score passback failed:', error),
    );
  }
  return json(
    {
      grade: gradeView(stored),
      attempt: {
        id: attempt.id,
        score: totals.score,
        maxScore: result.maxScore,
        percentage: totals.percent,
        passed: result.passed,
        pendingMarks: pendingMarksOf(result),
      },
    },
    { status: 201 },
  );
}

/** `POST /api/classes/:id/attempts/:attemptId/marks`: an essay's mark (rubric levels or points) and feedback. */
export const postMark: Handler = async (request, context) => {
  const { session } = await requireTeacherAccount(request, context);
  const classRecord = await findClassOr404(context.store, context.params.id ?? '');
  const body = await readJsonBody(request, markSchema);
  const attempt = await attemptOfClass(context.store, classRecord, context.params.attemptId ?? '');
  const quiz = await quizOfCourse(context.courseDir, attempt.quizId);
  const question = questionsOf(quiz).find((q) => q.id === body.questionId);
  const inAttempt = storedResult(quiz, attempt)?.questions.some((q) => q.id === body.questionId);
  if (!question || !inAttempt)
    throw notFound('unknown-question', `This attempt has no question '${body.questionId.slice(0, 60)}'.`);
  if (question.type !== 'essay') {
    throw new ApiError(
      409,
      'not-an-essay',
      `'${question.id}' is graded automatically; use POST …/overrides with a reason to change its score.`,
    );
  }
  let score = body.score;
  let selections: RubricSelection[] | null = null;
  if (body.rubric) {
    const fromRubric = rubricScore(question.rubric, body.rubric);
    if (score !== undefined && Math.abs(score - fromRubric.score) > 1e-9) {
      throw badRequest(
        'invalid-body',
        `The score ${score} does not match the rubric levels chosen (${fromRubric.score}); send one of them.`,
      );
    }
    score = fromRubric.score;
    selections = fromRubric.selections;
  }
  if (score === undefined)
    throw badRequest('invalid-body', 'Give the mark: a score, or rubric levels for every criterion.', [
      { path: 'score', message: 'missing' },
    ]);
  if (score > question.points)
    throw badRequest(
      'invalid-body',
      `The mark ${score} is more than the question's ${question.points} points.`,
      [{ path: 'score', message: `at most ${question.points}` }],
    );
  return recordGrade(context, teacherIdOf(session), classRecord, attempt, quiz, {
    questionId: question.id,
    kind: 'mark',
    score,
    feedback: body.feedback || null,
    reason: null,
    rubric: selections,
  });
};

/** `POST /api/classes/:id/attempts/:attemptId/overrides`: a new score for one question, with a reason. */
export const postOverride: Handler = async (request, context) => {
  const { session } = await requireTeacherAccount(request, context);
  const classRecord = await findClassOr404(context.store, context.params.id ?? '');
  const body = await readJsonBody(request, overrideSchema);
  const attempt = await attemptOfClass(context.store, classRecord, context.params.attemptId ?? '');
  const quiz = await quizOfCourse(context.courseDir, attempt.quizId);
  const question = storedResult(quiz, attempt)?.questions.find((q) => q.id === body.questionId);
  if (!question)
    throw notFound('unknown-question', `This attempt has no question '${body.questionId.slice(0, 60)}'.`);
  if (body.score > question.maxScore) {
    throw badRequest(
      'invalid-body',
      `The score ${body.score} is more than the question's ${question.maxScore} points.`,
      [{ path: 'score', message: `at most ${question.maxScore}` }],
    );
  }
  return recordGrade(context, teacherIdOf(session), classRecord, attempt, quiz, {
    questionId: question.id,
    kind: 'override',
    score: body.score,
    feedback: body.feedback || null,
    reason: body.reason,
    rubric: null,
  });
};

// ---- One student's page ----

/** `GET /api/classes/:id/students/:studentId`: every attempt with responses, scores, feedback and the audit trail. */
export const getStudent: Handler = async (request, context) => {
  await requireTeacher(request, context);
  const classRecord = await findClassOr404(context.store, context.params.id ?? '');
  const student = await studentOfClass(context.store, classRecord, context.params.studentId ?? '');
  const outline = await loadCourseOutline(context.courseDir);
  const [attempts, completions, grades, allowances, settings, teachers, reopens] = await Promise.all([
    context.store.attempts.listByLearner(student.id),
    context.store.completions.listByLearner(student.id),
    context.store.marking.listByClass(classRecord.id),
    context.store.quizSettings.listAllowances(classRecord.id),
    context.store.quizSettings.listByClass(classRecord.id),
    context.store.teachers.list(),
    context.store.marking.listReopens(classRecord.id),
  ]);
  const names = new Map(teachers.map((t) => [t.id, t.name]));
  const dueAt = new Map(settings.map((s) => [s.quizId, s.dueAt]));
  const ids = new Set(attempts.map((a) => a.id));
  const own = grades.filter((g) => ids.has(g.attemptId));
  const body: StudentDetail = {
    student: { id: student.id, displayName: student.displayName, joinedAt: iso(student.createdAt) },
    class: { id: classRecord.id, name: classRecord.name },
    attempts: attempts.map((attempt): StudentDetailAttempt => {
      const quiz = outline.quizzes.get(attempt.quizId);
      const attemptGrades = own.filter((g) => g.attemptId === attempt.id);
      const result = gradedResult(quiz, attempt, attemptGrades);
      return {
        id: attempt.id,
        quizId: attempt.quizId,
        quizTitle: quiz?.title ?? null,
        number: attempt.attemptNumber,
        submittedAt: iso(attempt.submittedAt),
        late: isLate({ dueAt: dueAt.get(attempt.quizId) ?? null }, attempt),
        score: attempt.score,
        maxScore: attempt.maxScore,
        percentage: attempt.percent,
        passed: result ? result.passed : attempt.passed,
        pendingMarks: pendingMarksOf(result),
        /** The whole grade result: the teacher sees every answer, feedback and explanation. */
        result,
        grades: attemptGrades.map((g) => gradeView(g, names)),
        reopenedAt: iso(reopens.findLast((r) => r.attemptId === attempt.id)?.createdAt ?? null),
      };
    }),
    completions: completions.map((c) => ({ lessonId: c.lessonId, completedAt: iso(c.completedAt) })),
    allowances: allowances
      .filter((a) => a.studentId === student.id)
      .map((a) => ({ quizId: a.quizId, extraAttempts: a.extraAttempts, updatedAt: iso(a.updatedAt) })),
    auditTrail: own.map((g) => gradeView(g, names)),
    /** Attempts a teacher re-opened (their answers became a draft), oldest first. */
    reopens: reopens.filter((r) => r.studentId === student.id).map((r) => reopenView(r, names)),
  };
  return json(body);
};

// ---- Per class and quiz settings ----

const reviewWhen = z.enum(REVIEW_WHEN, `Use one of: ${REVIEW_WHEN.join(', ')}.`);
const isoTime = z.iso.datetime({
  offset: true,
  error: 'Give a date and time in ISO 8601 with a time zone, such as 2026-12-02T17:00:00Z.',
});

const settingsSchema = z.strictObject({
  opensAt: isoTime.nullable().optional(),
  dueAt: isoTime.nullable().optional(),
  latePolicy: z.enum(['refuse', 'mark-late'], "Use 'refuse' or 'mark-late'.").optional(),
  review: z
    .strictObject({
      correctness: reviewWhen.optional(),
      feedback: reviewWhen.optional(),
      correctAnswer: reviewWhen.optional(),
      explanation: reviewWhen.optional(),
    })
    .nullable()
    .optional(),
});

function settingsView(
  record: QuizSettingsRecord | undefined,
  courseReview: Parameters<typeof resolveReview>[0],
) {
  return {
    opensAt: iso(record?.opensAt ?? null),
    dueAt: iso(record?.dueAt ?? null),
    latePolicy: record?.latePolicy ?? 'refuse',
    /** The teacher's own choices (null: the course file's defaults hold). */
    reviewOverrides: record?.review ?? null,
    /** What holds: the teacher's choices over the course file's over the built-in defaults. */
    review: resolveReview(courseReview, record?.review),
    updatedAt: iso(record?.updatedAt ?? null),
  };
}

/** `GET /api/classes/:id/quizzes/:quizId/settings`. */
export const getQuizSettings: Handler = async (request, context) => {
  await requireTeacher(request, context);
  const classRecord = await findClassOr404(context.store, context.params.id ?? '');
  const quiz = await quizOfCourse(context.courseDir, context.params.quizId ?? '');
  const outline = await loadCourseOutline(context.courseDir);
  const record = await context.store.quizSettings.get(classRecord.id, quiz.id);
  return json({ quizId: quiz.id, ...settingsView(record, outline.grading.review) });
};

/** `PUT /api/classes/:id/quizzes/:quizId/settings`: changes the fields sent; `null` clears one. */
export const putQuizSettings: Handler = async (request, context) => {
  await requireTeacher(request, context);
  const classRecord = await findClassOr404(context.store, context.params.id ?? '');
  const quiz = await quizOfCourse(context.courseDir, context.params.quizId ?? '');
  const body = await readJsonBody(request, settingsSchema);
  const outline = await loadCourseOutline(context.courseDir);
  const current = await context.store.quizSettings.get(classRecord.id, quiz.id);
  const time = (value: string | null | undefined, was: number | null | undefined) =>
    value === undefined ? (was ?? null) : value === null ? null : Date.parse(value);
  const next: QuizSettingsRecord = {
    classId: classRecord.id,
    quizId: quiz.id,
    opensAt: time(body.opensAt, current?.opensAt),
    dueAt: time(body.dueAt, current?.dueAt),
    latePolicy: body.latePolicy ?? current?.latePolicy ?? 'refuse',
    review: body.review === undefined ? (current?.review ?? null) : body.review,
    updatedAt: context.now,
  };
  if (next.opensAt !== null && next.dueAt !== null && next.opensAt >= next.dueAt) {
    throw badRequest('invalid-body', 'The quiz must open before it is due; nothing was saved.', [
      { path: 'dueAt', message: `is not after opensAt (${iso(next.opensAt)})` },
    ]);
  }
  await context.store.quizSettings.put(next);
  return json({ quizId: quiz.id, ...settingsView(next, outline.grading.review) });
};

const grantSchema = z
  .strictObject({
    extraAttempts: z
      .int('Give a whole number of attempts.')
      .min(1, 'Grant at least 1 attempt.')
      .max(20, 'Grant at most 20 attempts at once.')
      .optional(),
    reopen: z.literal(true, 'Send reopen: true to give back one attempt.').optional(),
  })
  .refine(
    (body) => (body.extraAttempts === undefined) !== (body.reopen === undefined),
    'Send either extraAttempts or reopen: true.',
  );

/**
 * `POST /api/classes/:id/students/:studentId/quizzes/:quizId/attempts`: `{ extraAttempts }` more attempts
 * for one student, or `{ reopen: true }`: exactly one attempt available again when none is left.
 */
export const postGrantAttempts: Handler = async (request, context) => {
  await requireTeacher(request, context);
  const classRecord = await findClassOr404(context.store, context.params.id ?? '');
  const student = await studentOfClass(context.store, classRecord, context.params.studentId ?? '');
  const quiz = await quizOfCourse(context.courseDir, context.params.quizId ?? '');
  const body = await readJsonBody(request, grantSchema);
  if (quiz.maxAttempts === undefined) {
    throw new ApiError(
      409,
      'attempts-unlimited',
      `'${quiz.title}' allows unlimited attempts; there is nothing to grant.`,
    );
  }
  const learner = { kind: 'student' as const, id: student.id, classId: classRecord.id };
  const policy = await quizPolicy(context.store, learner, quiz, await loadCourseOutline(context.courseDir));
  const used = await context.store.attempts.count(student.id, quiz.id);
  const remaining = (policy.maxAttempts ?? 0) - used;
  const grant = body.reopen ? Math.max(0, 1 - remaining) : (body.extraAttempts ?? 0);
  const allowance =
    grant > 0
      ? await context.store.quizSettings.grantAttempts({
          classId: classRecord.id,
          studentId: student.id,
          quizId: quiz.id,
          extraAttempts: grant,
          now: context.now,
        })
      : await context.store.quizSettings.getAllowance(student.id, quiz.id);
  const extra = allowance?.extraAttempts ?? 0;
  return json(
    {
      studentId: student.id,
      quizId: quiz.id,
      granted: grant,
      extraAttempts: extra,
      maxAttempts: quiz.maxAttempts + extra,
      attemptsUsed: used,
      remaining: quiz.maxAttempts + extra - used,
    },
    { status: grant > 0 ? 201 : 200 },
  );
};

// ---- The learner's drafts and past attempts ----

/** Essays may be long, so drafts get the submission's cap. */
const DRAFT_LIMIT_BYTES = 256 * 1024;

/** `PUT /api/attempts/draft`: `{ quizId, attemptNumber?, responses }` saved as the current attempt's draft. */
export const putDraft: Handler = async (request, context) => {
  const { learner } = await requireLearner(request, context);
  const body = await readJsonBody(request, draftSchema, { limitBytes: DRAFT_LIMIT_BYTES });
  const quiz = await quizOfCourse(context.courseDir, body.quizId);
  const policy = await quizPolicy(context.store, learner, quiz, await loadCourseOutline(context.courseDir));
  assertQuizOpen(policy, context.now);
  return json(await saveDraft(context, learner, quiz, body, policy));
};

/** `GET /api/me/quizzes/:quizId/attempts`: this learner's attempts at one quiz, as the review options allow. */
export const getMyAttempts: Handler = async (request, context) => {
  const { learner } = await requireLearner(request, context);
  const quiz = await quizOfCourse(context.courseDir, context.params.quizId ?? '');
  const policy = await quizPolicy(context.store, learner, quiz, await loadCourseOutline(context.courseDir));
  return json({
    quizId: quiz.id,
    attempts: await reviewedAttemptsOf(context, learner, quiz, quiz.id, policy),
  });
};
