import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { DEVICE_COOKIE, LEARNER_COOKIE, readCookie, TEACHER_COOKIE } from './cookies';
import { ApiError } from './errors';
import { sign, unsign } from './signing';
import type { ClassroomStore, Learner, SessionRecord, StudentRecord } from './storage/types';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
export const TEACHER_SESSION_MS = 12 * HOUR;
export const STUDENT_SESSION_MS = 180 * DAY;
export const ANONYMOUS_SESSION_MS = 365 * DAY;

/** What a session cookie carries, signed: its kind, an id and when it was issued. */
const tokenSchema = z.strictObject({
  v: z.literal(1),
  k: z.enum(['teacher', 'student', 'anonymous']),
  id: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
  iat: z.number().int().nonnegative(),
});
type TokenPayload = z.infer<typeof tokenSchema>;

export interface SessionContext {
  store: ClassroomStore;
  secret: string;
  now: number;
}

function randomId(prefix: string): string {
  return `${prefix}_${randomBytes(16).toString('base64url')}`;
}

function encode(payload: TokenPayload, secret: string): string {
  return sign(Buffer.from(JSON.stringify(payload)).toString('base64url'), secret);
}

function verify(token: string, secret: string): TokenPayload | undefined {
  const value = unsign(token, secret);
  if (value === undefined) return undefined;
  try {
    const parsed = tokenSchema.safeParse(JSON.parse(Buffer.from(value, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Payloads of tokens whose signature was checked, by secret and token: a browser's cookie is verified once,
 * not on every request. Only genuine tokens are kept (made with the secret), so no client can fill it with
 * junk; the session row is still read on every request, so revocation and expiry hold at once.
 */
const verifiedTokens = new Map<string, Map<string, TokenPayload>>();
const VERIFIED_TOKENS_KEPT = 20_000;

function decode(token: string | undefined, secret: string): TokenPayload | undefined {
  if (!token || token.length > 512) return undefined;
  let bySecret = verifiedTokens.get(secret);
  const known = bySecret?.get(token);
  if (known) return known;
  const payload = verify(token, secret);
  if (!payload) return undefined;
  if (!bySecret) {
    if (verifiedTokens.size >= 4) verifiedTokens.clear();
    bySecret = new Map();
    verifiedTokens.set(secret, bySecret);
  }
  if (bySecret.size >= VERIFIED_TOKENS_KEPT) bySecret.delete(bySecret.keys().next().value as string);
  bySecret.set(token, payload);
  return payload;
}

/** Stores a session row and signs its cookie from one lifetime, so the row and the cookie expire together. */
async function issueStoredSession(
  context: SessionContext,
  kind: 'teacher' | 'student',
  student: StudentRecord | null,
  lifetimeMs: number,
  teacherId: string | null = null,
): Promise<{ token: string; maxAgeSeconds: number }> {
  const id = randomId('ses');
  await context.store.sessions.create({
    id,
    kind,
    studentId: student?.id ?? null,
    classId: student?.classId ?? null,
    createdAt: context.now,
    expiresAt: context.now + lifetimeMs,
    revokedAt: null,
    teacherId,
  });
  return {
    token: encode({ v: 1, k: kind, id, iat: context.now }, context.secret),
    maxAgeSeconds: lifetimeMs / 1000,
  };
}

/** A session for one teacher account (`owner` for the passcode login). */
export function issueTeacherSession(
  context: SessionContext,
  teacherId = 'owner',
): Promise<{ token: string; maxAgeSeconds: number }> {
  return issueStoredSession(context, 'teacher', null, TEACHER_SESSION_MS, teacherId);
}

export function issueStudentSession(
  context: SessionContext,
  student: StudentRecord,
): Promise<{ token: string; maxAgeSeconds: number }> {
  return issueStoredSession(context, 'student', student, STUDENT_SESSION_MS);
}

/** An anonymous learner needs no database row: the signed cookie is the whole session. */
export function issueAnonymousSession(context: SessionContext): {
  token: string;
  maxAgeSeconds: number;
  learner: Learner;
} {
  const id = randomId('anon');
  return {
    token: encode({ v: 1, k: 'anonymous', id, iat: context.now }, context.secret),
    maxAgeSeconds: ANONYMOUS_SESSION_MS / 1000,
    learner: { kind: 'anonymous', id },
  };
}

function liveSession(session: SessionRecord | undefined, now: number): session is SessionRecord {
  return session !== undefined && session.revokedAt === null && session.expiresAt > now;
}

/** The teacher session a `ck_teacher` cookie value stands for, or undefined (bad signature, revoked, expired). */
export async function teacherSessionFromToken(
  token: string | undefined,
  context: SessionContext,
): Promise<SessionRecord | undefined> {
  const payload = decode(token, context.secret);
  if (payload?.k !== 'teacher') return undefined;
  const session = await context.store.sessions.get(payload.id);
  return liveSession(session, context.now) && session.kind === 'teacher' ? session : undefined;
}

/** The teacher session of this request, or undefined. */
export function readTeacherSession(
  request: Request,
  context: SessionContext,
): Promise<SessionRecord | undefined> {
  return teacherSessionFromToken(readCookie(request, TEACHER_COOKIE), context);
}

export type LearnerLookup =
  | { status: 'none' }
  | { status: 'invalid' }
  | { status: 'ok'; learner: Learner; student: StudentRecord | undefined; sessionId: string | undefined };

/**
 * Who is learning in this request. A student cookie counts only while its session is live and its
 * student still belongs to the class the session was issued for; anything else is 'invalid'.
 */
export async function readLearner(request: Request, context: SessionContext): Promise<LearnerLookup> {
  const raw = readCookie(request, LEARNER_COOKIE);
  if (raw === undefined || raw === '') return { status: 'none' };
  const payload = decode(raw, context.secret);
  if (!payload || payload.k === 'teacher') return { status: 'invalid' };
  if (payload.k === 'anonymous') {
    if (!payload.id.startsWith('anon_') || payload.iat + ANONYMOUS_SESSION_MS <= context.now) {
      return { status: 'invalid' };
    }
    return {
      status: 'ok',
      learner: { kind: 'anonymous', id: payload.id },
      student: undefined,
      sessionId: undefined,
    };
  }
  const session = await context.store.sessions.get(payload.id);
  if (
    !liveSession(session, context.now) ||
    session.kind !== 'student' ||
    !session.studentId ||
    !session.classId
  ) {
    return { status: 'invalid' };
  }
  const student = await context.store.classes.getStudent(session.studentId);
  if (!student || student.classId !== session.classId) return { status: 'invalid' };
  return {
    status: 'ok',
    learner: { kind: 'student', id: student.id, classId: student.classId },
    student,
    sessionId: session.id,
  };
}

export async function requireTeacher(request: Request, context: SessionContext): Promise<SessionRecord> {
  const session = await readTeacherSession(request, context);
  if (!session) {
    throw new ApiError(
      401,
      'teacher-login-required',
      'Log in as the teacher first (POST /api/teacher/login).',
    );
  }
  return session;
}

/** The learner of a mutation: a session is required, because quiz seeds come from it. */
export async function requireLearner(
  request: Request,
  context: SessionContext,
): Promise<Extract<LearnerLookup, { status: 'ok' }>> {
  const lookup = await readLearner(request, context);
  if (lookup.status === 'ok') return lookup;
  if (lookup.status === 'invalid') {
    throw new ApiError(
      401,
      'session-invalid',
      'Your session is not valid here (it expired, was ended, or belongs to another class). Reload the page; ' +
        'to continue as a class member, use your resume code.',
    );
  }
  throw new ApiError(
    401,
    'session-required',
    'This browser has no session yet. Open the quiz first (GET /api/quizzes/:id) and then submit.',
  );
}

export const DEVICE_COOKIE_MS = 365 * DAY;

/** A signed id for a browser that has just logged in as the teacher. */
export function issueDeviceToken(secret: string): { id: string; token: string; maxAgeSeconds: number } {
  const id = randomId('dev');
  return { id, token: sign(`device:${id}`, secret), maxAgeSeconds: DEVICE_COOKIE_MS / 1000 };
}

/** The device id of a browser that logged in as the teacher before, when its cookie is genuine. */
export function readDevice(request: Request, secret: string): string | undefined {
  const token = readCookie(request, DEVICE_COOKIE);
  if (!token || token.length > 256) return undefined;
  const value = unsign(token, secret);
  return value?.startsWith('device:dev_') ? value.slice('device:'.length) : undefined;
}
