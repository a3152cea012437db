// The class-mode endpoints, each from a Fetch `Request` (and its route context) to a `Response`. `api.ts`
// routes requests to them; nothing here knows which server or framework runs it.
import { z } from 'zod';
import { checkQuestion, checkSchema, quizForLearner, submissionSchema, submitAttempt } from './attempts';
import { readJsonBody } from './body';
import type { Env } from './config';
import {
  clearCookie,
  DEVICE_COOKIE,
  LEARNER_COOKIE,
  readCookie,
  setSessionCookie,
  TEACHER_COOKIE,
} from './cookies';
import { loadCourseOutline } from './course';
import { csrfCookieOf, newCsrfToken, setCsrfCookie } from './csrf';
import { ApiError, notFound } from './errors';
import { gradebookCsv, gradebookFileName } from './gradebook';
import { jsonResponse } from './known-bodies';
import { availabilityOf, hasStoredSubmission, reviewedSubmission } from './learner-review';
import { checkTeacherPasscode } from './passcode';
import { learnerProgress } from './progress';
import { assertQuizOpen, assertWordLimits, quizPolicy, visibilityFor } from './quiz-policy';
import { passBackQuizScore } from './quiz-score';
import { findQuiz } from './quizzes';
import { countFailure, enforceRateLimit, policies, rateLimitKey, refuseAfterFailures } from './rate-limit';
import { reviewedCheckResult } from './review';
import {
  issueAnonymousSession,
  issueDeviceToken,
  issueStudentSession,
  issueTeacherSession,
  readDevice,
  readLearner,
  readTeacherSession,
  requireLearner,
  requireTeacher,
  type SessionContext,
  teacherSessionFromToken,
} from './sessions';
import { joinClass, joinSchema, resumeSchema, resumeStudent } from './students';
import { createClass, createClassSchema, loadDashboard } from './teacher';
import { accountLoginSchema, checkTeacherPassword, OWNER_ID } from './teacher-accounts';
import { createTurns } from './turns';

/** What every handler gets besides the request. */
export interface HandlerContext extends SessionContext {
  /** Path parameters, percent-decoded (`:id`). */
  params: Record<string, string>;
  /** The course folder whose quizzes and lessons are served. */
  courseDir: string;
  /** The client's address for rate limits, as `TRUST_PROXY` says to read it. */
  clientAddress: string;
  /** The classroom's environment (`TEACHER_PASSCODE`). */
  env: Env;
  /** Where the handlers are mounted (`/api`): the LTI tool builds its own URLs from it. */
  basePath: string;
}

export type Handler = (request: Request, context: HandlerContext) => Promise<Response>;

const json = jsonResponse;

/** Essays may be long (up to 50,000 characters each), so submissions get a larger cap than other bodies. */
const SUBMISSION_LIMIT_BYTES = 256 * 1024;
const CHECK_LIMIT_BYTES = 64 * 1024;

/** Submissions and checks take turns, four per event-loop turn, so other requests are served during a burst. */
const gradingTurn = createTurns(4);

async function quizOr404(id: string, courseDir: string) {
  const quiz = await findQuiz(id, courseDir);
  if (!quiz) throw notFound('unknown-quiz', `There is no quiz with id '${id.slice(0, 60)}'.`);
  return quiz;
}

/** `{ token }`: the CSRF token to send as `x-csrf-token`, also set as the `ck_csrf` cookie when missing. */
export const getCsrf: Handler = async (request) => {
  const existing = csrfCookieOf(request);
  const token = existing ?? newCsrfToken();
  const response = json({ token });
  if (!existing) setCsrfCookie(request, response, token);
  return response;
};

/**
 * The public form of a quiz for this learner's current attempt (seeded per learner and attempt), with
 * progress kept on the server. A browser without a valid learner session gets an anonymous one.
 */
export const getQuiz: Handler = async (request, context) => {
  const quiz = await quizOr404(context.params.id ?? '', context.courseDir);
  const lookup = await readLearner(request, context);
  const session = lookup.status === 'ok' ? undefined : issueAnonymousSession(context);
  const learner = lookup.status === 'ok' ? lookup.learner : (session as NonNullable<typeof session>).learner;
  const policy = await quizPolicy(context.store, learner, quiz, await loadCourseOutline(context.courseDir));
  const view = await quizForLearner(context, learner, quiz, policy);
  if (view.attempt) {
    const visibility = visibilityFor(policy, view.attempt.number, context.now);
    for (const question of Object.values(view.attempt.questions)) {
      if (question.result) question.result = reviewedCheckResult(question.result, visibility);
    }
  }
  const response = json({
    learner:
      lookup.status === 'ok' && lookup.student
        ? { kind: 'student', displayName: lookup.student.displayName }
        : { kind: 'anonymous' },
    ...view,
    availability: availabilityOf(policy, context.now),
    review: visibilityFor(policy, view.attemptsUsed, context.now),
  });
  if (session) setSessionCookie(response, request, LEARNER_COOKIE, session.token, session.maxAgeSeconds);
  return response;
};

/**
 * Grades and stores a submission `{ quizId, responses, idempotencyKey, attemptNumber? }`: 201 with the
 * attempt and its result, durable before the response; 200 with the same for a replayed key.
 */
export const postAttempt: Handler = async (request, context) => {
  await gradingTurn();
  const { learner } = await requireLearner(request, context);
  const submission = await readJsonBody(request, submissionSchema, { limitBytes: SUBMISSION_LIMIT_BYTES });
  const quiz = await quizOr404(submission.quizId, context.courseDir);
  const policy = await quizPolicy(context.store, learner, quiz, await loadCourseOutline(context.courseDir));
  // Checks before grading: dates (a lost response's replay still answers) and essay word limits.
  try {
    assertQuizOpen(policy, context.now);
  } catch (closed) {
    if (!(await hasStoredSubmission(context, learner, quiz.id, submission.idempotencyKey))) throw closed;
  }
  assertWordLimits(quiz, submission.responses);
  const submitted = await submitAttempt(context, learner, quiz, submission, policy);
  if (learner.kind === 'student' && !submitted.replayed) {
    // Sent after the answer, never in its way: the score is ours whatever the LMS does with it.
    void passBackQuizScore(context.store, quiz, learner.id, context.now).catch((error: unknown) =>
      console.error('[coursekit] LTI score passback failed:', error),
    );
  }
  return json(await reviewedSubmission(context, quiz, policy, submitted), {
    status: submitted.replayed ? 200 : 201,
  });
};

/** Checks one question `{ quizId, questionId, response }` of an immediate or interactive quiz. */
export const postCheck: Handler = async (request, context) => {
  await gradingTurn();
  const { learner } = await requireLearner(request, context);
  const body = await readJsonBody(request, checkSchema, { limitBytes: CHECK_LIMIT_BYTES });
  const quiz = await quizOr404(body.quizId, context.courseDir);
  const policy = await quizPolicy(context.store, learner, quiz, await loadCourseOutline(context.courseDir));
  assertQuizOpen(policy, context.now);
  const checked = await checkQuestion(context, learner, quiz, body, policy);
  // This attempt counts as used: on the last one, after-last-attempt answers show at the check.
  const visibility = visibilityFor(policy, checked.attemptNumber, context.now);
  return json({ ...checked, result: reviewedCheckResult(checked.result, visibility) });
};

const completionSchema = z.strictObject({
  lessonId: z.string('Give the id of the lesson you completed.').max(100),
});

/** Records `{ lessonId }` as completed by this learner: 201 the first time, 200 after. */
export const postCompletion: Handler = async (request, context) => {
  const lookup = await readLearner(request, context);
  if (lookup.status === 'invalid') {
    throw new ApiError(
      401,
      'session-invalid',
      'Your session is not valid here. Reload the page and try again.',
    );
  }
  const { lessonId } = await readJsonBody(request, completionSchema);
  const outline = await loadCourseOutline(context.courseDir);
  if (!outline.lessons.some((lesson) => lesson.id === lessonId)) {
    throw notFound('unknown-lesson', `There is no lesson with id '${lessonId.slice(0, 60)}' in this course.`);
  }
  const session = lookup.status === 'ok' ? undefined : issueAnonymousSession(context);
  const learner = lookup.status === 'ok' ? lookup.learner : (session as NonNullable<typeof session>).learner;
  const { completion, created } = await context.store.completions.record({
    learnerId: learner.id,
    studentId: learner.kind === 'student' ? learner.id : null,
    classId: learner.kind === 'student' ? learner.classId : null,
    lessonId,
    completedAt: context.now,
  });
  const response = json(
    { completion: { lessonId, completedAt: new Date(completion.completedAt).toISOString() } },
    { status: created ? 201 : 200 },
  );
  if (session) setSessionCookie(response, request, LEARNER_COOKIE, session.token, session.maxAgeSeconds);
  return response;
};

/** This learner's own attempts and completions (`learner: null` without a session). */
export const getProgress: Handler = async (request, context) => {
  const lookup = await readLearner(request, context);
  const outline = lookup.status === 'ok' ? await loadCourseOutline(context.courseDir) : undefined;
  return json(await learnerProgress(context.store, lookup, outline, context.now));
};

/** Wrong or unknown codes count towards the limits on guessing. */
const JOIN_FAILURES = new Set(['invalid-join-code', 'unknown-join-code']);
const RESUME_FAILURES = new Set(['invalid-resume-code', 'unknown-resume-code']);

/** `{ code, displayName }` → 201 with a student session cookie and the personal `resumeCode` (shown once). */
export const postJoin: Handler = async (request, context) => {
  const input = await readJsonBody(request, joinSchema);
  const client = context.clientAddress;
  await refuseAfterFailures(context.store, policies.codeFailuresPerClient, client, context.now);
  await refuseAfterFailures(context.store, policies.codeFailuresGlobal, 'all', context.now);
  const joined = await joinClass(context.store, input, context.now).catch(async (error: unknown) => {
    if (error instanceof ApiError && JOIN_FAILURES.has(error.code)) {
      await countFailure(context.store, policies.codeFailuresPerClient, client, context.now);
      await countFailure(context.store, policies.codeFailuresGlobal, 'all', context.now);
    }
    throw error;
  });
  const { student, classRecord, resumeCode } = joined;
  const { token, maxAgeSeconds } = await issueStudentSession(context, student);
  const response = json(
    {
      student: { id: student.id, displayName: student.displayName },
      class: { id: classRecord.id, name: classRecord.name },
      resumeCode,
    },
    { status: 201 },
  );
  setSessionCookie(response, request, LEARNER_COOKIE, token, maxAgeSeconds);
  return response;
};

/** `{ resumeCode }` → a student session on this device for the student the code belongs to. */
export const postResume: Handler = async (request, context) => {
  const input = await readJsonBody(request, resumeSchema);
  const client = context.clientAddress;
  await refuseAfterFailures(context.store, policies.codeFailuresPerClient, client, context.now);
  const { student, classRecord } = await resumeStudent(context.store, input).catch(async (error: unknown) => {
    if (error instanceof ApiError && RESUME_FAILURES.has(error.code)) {
      await countFailure(context.store, policies.codeFailuresPerClient, client, context.now);
    }
    throw error;
  });
  const { token, maxAgeSeconds } = await issueStudentSession(context, student);
  const response = json({
    student: { id: student.id, displayName: student.displayName },
    class: { id: classRecord.id, name: classRecord.name },
  });
  setSessionCookie(response, request, LEARNER_COOKIE, token, maxAgeSeconds);
  return response;
};

const loginSchema = z
  .strictObject({
    passcode: z
      .string('Enter the teacher passcode.')
      .min(1, 'Enter the teacher passcode.')
      .max(200)
      .optional(),
    name: accountLoginSchema.shape.name.optional(),
    password: accountLoginSchema.shape.password.optional(),
  })
  .superRefine((body, issues) => {
    if (body.passcode !== undefined) {
      if (body.name !== undefined || body.password !== undefined) {
        issues.addIssue({
          code: 'custom',
          path: ['passcode'],
          message: 'Send a passcode, or a name and password, not both.',
        });
      }
      return;
    }
    if (body.name === undefined && body.password === undefined) {
      issues.addIssue({ code: 'custom', path: ['passcode'], message: 'Enter the teacher passcode.' });
    } else if (body.name === undefined) {
      issues.addIssue({ code: 'custom', path: ['name'], message: 'Enter your name.' });
    } else if (body.password === undefined) {
      issues.addIssue({ code: 'custom', path: ['password'], message: 'Enter your password.' });
    }
  });

/**
 * `{ passcode }` (the owner) or `{ name, password }` (an invited teacher) → a teacher session cookie. A browser that has logged in before (its `ck_device` cookie)
 * has its own allowance; every other attempt counts per client and against one overall limit, so wrong
 * passcodes sent from any number of addresses cannot lock the teacher out of a known browser.
 */
export const postLogin: Handler = async (request, context) => {
  const body = await readJsonBody(request, loginSchema);
  const client = context.clientAddress;
  const device = readDevice(request, context.secret);
  if (device) {
    await enforceRateLimit(context.store, policies.loginPerDevice, device, context.now);
  } else {
    await enforceRateLimit(context.store, policies.loginPerClient, client, context.now);
    await enforceRateLimit(context.store, policies.loginGlobal, 'all', context.now);
  }
  let teacherId = OWNER_ID;
  if (body.passcode !== undefined) {
    if (!(await checkTeacherPasscode(context.store, body.passcode, context.env))) {
      throw new ApiError(401, 'wrong-passcode', 'That passcode is not right. Check it and try again.');
    }
  } else {
    const teacher = await checkTeacherPassword(context.store, body.name ?? '', body.password ?? '');
    if (!teacher) {
      throw new ApiError(
        401,
        'wrong-login',
        'That name and password do not match a teacher account. Check them and try again.',
      );
    }
    teacherId = teacher.id;
  }
  await context.store.limits.clear(
    device ? rateLimitKey(policies.loginPerDevice, device) : rateLimitKey(policies.loginPerClient, client),
  );
  // A new session on every login, so a session id planted before login is worth nothing after it.
  const previous = await teacherSessionFromToken(readCookie(request, TEACHER_COOKIE), context);
  if (previous) await context.store.sessions.revoke(previous.id, context.now);
  const { token, maxAgeSeconds } = await issueTeacherSession(context, teacherId);
  const response = json({ ok: true });
  setSessionCookie(response, request, TEACHER_COOKIE, token, maxAgeSeconds);
  if (!device) {
    const issued = issueDeviceToken(context.secret);
    setSessionCookie(response, request, DEVICE_COOKIE, issued.token, issued.maxAgeSeconds);
  }
  return response;
};

/** Ends the teacher session on the server (the cookie stops working everywhere) and clears the cookie. */
export const postLogout: Handler = async (request, context) => {
  const session = await readTeacherSession(request, context);
  if (session) await context.store.sessions.revoke(session.id, context.now);
  const response = json({ ok: true });
  clearCookie(response, request, TEACHER_COOKIE);
  return response;
};

/** The teacher's classes: `{ classes: [{ id, name, joinCode, createdAt, studentCount }] }`. */
export const getClasses: Handler = async (request, context) => {
  await requireTeacher(request, context);
  const [classes, archived] = await Promise.all([
    context.store.classes.list(),
    context.store.roster.listArchived(),
  ]);
  return json({
    classes: classes.map((c) => {
      const archivedAt = archived.get(c.id);
      return {
        ...c,
        createdAt: new Date(c.createdAt).toISOString(),
        archivedAt: archivedAt === undefined ? null : new Date(archivedAt).toISOString(),
      };
    }),
  });
};

/** `{ name }` → 201 `{ id, name, joinCode }`. */
export const postClass: Handler = async (request, context) => {
  await requireTeacher(request, context);
  const { name } = await readJsonBody(request, createClassSchema);
  const created = await createClass(context.store, name, context.now);
  return json({ id: created.id, name: created.name, joinCode: created.joinCode }, { status: 201 });
};

/** The class's roster × lessons grid, item analysis and teacher notes (teacher only). */
export const getDashboard: Handler = async (request, context) => {
  await requireTeacher(request, context);
  return json(await loadDashboard(context.store, context.params.id ?? '', context.courseDir));
};

/** The class gradebook as a CSV download (teacher only). */
export const getGradebook: Handler = async (request, context) => {
  await requireTeacher(request, context);
  const dashboard = await loadDashboard(context.store, context.params.id ?? '', context.courseDir);
  const fileName = gradebookFileName(dashboard.class.name, new Date(context.now));
  return new Response(gradebookCsv(dashboard), {
    headers: {
      'content-type': 'text/csv; charset=utf-8; header=present',
      'content-disposition': `attachment; filename="${fileName}"`,
      'x-content-type-options': 'nosniff',
    },
  });
};
