// Named teacher accounts. The owner's account is made at the first start and logs in with the teacher
// passcode (`TEACHER_PASSCODE`, or the generated one), as before; the owner invites other teachers by a
// one-time link (expiring, used once, only its hash stored), who choose a name and a password. Each
// teacher's sessions are their own: revoking a teacher ends them all.
import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { readJsonBody } from './body';
import { displayNameKey, nameCharacterProblem, normaliseDisplayName } from './codes';
import type { Env } from './config';
import { setSessionCookie, TEACHER_COOKIE } from './cookies';
import { ApiError, forbidden, notFound } from './errors';
import type { Handler } from './handlers';
import { hashPasscode, MIN_PASSCODE_LENGTH, verifyPasscode } from './passcode';
import { countFailure, policies, refuseAfterFailures } from './rate-limit';
import { issueTeacherSession, requireTeacher, type SessionContext } from './sessions';
import type { ClassroomStore, SessionRecord, TeacherInviteRecord, TeacherRecord } from './storage/types';

export const OWNER_ID = 'owner';
const DAY = 24 * 60 * 60 * 1000;
export const INVITE_DEFAULT_DAYS = 7;
export const MAX_TEACHER_NAME_LENGTH = 60;
export const MIN_PASSWORD_LENGTH = MIN_PASSCODE_LENGTH;

/** The teacher account a teacher session belongs to (sessions from before accounts: the owner). */
export function teacherIdOf(session: SessionRecord): string {
  return session.teacherId ?? OWNER_ID;
}

/** The owner's name: `TEACHER_NAME`, else "Owner". */
export function ownerName(env: Env): string {
  const name = normaliseDisplayName(env.TEACHER_NAME ?? '');
  return name.length > 0 && [...name].length <= MAX_TEACHER_NAME_LENGTH && !nameCharacterProblem(name)
    ? name
    : 'Owner';
}

/** Makes sure the owner's account exists (the first start makes it). */
export function ensureOwnerAccount(store: ClassroomStore, env: Env, now: number): Promise<TeacherRecord> {
  const name = ownerName(env);
  return store.teachers.ensureOwner({ name, nameKey: displayNameKey(name), now });
}

/** Only a hash of an invite's token is stored: the token itself is high-entropy, so SHA-256 is enough. */
export function hashInviteToken(token: string): string {
  return createHash('sha256').update(`teacher-invite:${token}`).digest('hex');
}

export const teacherNameSchema = z
  .string('Enter your name as your colleagues will see it, such as "Mr Okafor".')
  .transform(normaliseDisplayName)
  .pipe(
    z
      .string()
      .min(1, 'Enter your name as your colleagues will see it, such as "Mr Okafor".')
      .refine(
        (name) => [...name].length <= MAX_TEACHER_NAME_LENGTH,
        `Use at most ${MAX_TEACHER_NAME_LENGTH} characters for your name.`,
      )
      .refine(
        (name) => nameCharacterProblem(name) === undefined,
        'Your name contains invisible or control characters; type it again with letters, digits and spaces.',
      ),
  );

export const passwordSchema = z
  .string('Choose a password.')
  .min(MIN_PASSWORD_LENGTH, `Choose a password of at least ${MIN_PASSWORD_LENGTH} characters.`)
  .max(200, 'Use at most 200 characters for the password.');

/** `{ name, password }`: an invited teacher's login. */
export const accountLoginSchema = z.strictObject({
  name: z.string('Enter your name.').min(1, 'Enter your name.').max(200),
  password: z.string('Enter your password.').min(1, 'Enter your password.').max(200),
});

/** A hash to compare with when no account has the name, so a wrong name takes as long as a wrong password. */
let decoyHash: Promise<string> | undefined;

/** The invited teacher with this name and password, or undefined (always one scrypt). */
export async function checkTeacherPassword(
  store: ClassroomStore,
  name: string,
  password: string,
): Promise<TeacherRecord | undefined> {
  const found = await store.teachers.findLogin(displayNameKey(normaliseDisplayName(name)));
  if (!found) {
    decoyHash ??= hashPasscode(randomBytes(16).toString('hex'));
    await verifyPasscode(password, await decoyHash);
    return undefined;
  }
  const ok = await verifyPasscode(password, found.passwordHash);
  return ok && found.teacher.revokedAt === null ? found.teacher : undefined;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function teacherView(teacher: TeacherRecord) {
  return {
    id: teacher.id,
    name: teacher.name,
    role: teacher.role,
    invitedBy: teacher.invitedBy,
    createdAt: iso(teacher.createdAt),
    revokedAt: iso(teacher.revokedAt),
  };
}

function inviteView(invite: TeacherInviteRecord, now: number) {
  const status =
    invite.usedAt !== null
      ? 'used'
      : invite.revokedAt !== null
        ? 'withdrawn'
        : invite.expiresAt <= now
          ? 'expired'
          : 'pending';
  return {
    id: invite.id,
    status,
    createdBy: invite.createdBy,
    createdAt: iso(invite.createdAt),
    expiresAt: iso(invite.expiresAt),
    usedAt: iso(invite.usedAt),
    usedBy: invite.usedBy,
  };
}

/** The teacher of this request and their account; 401 without a live session. */
export async function requireTeacherAccount(
  request: Request,
  context: SessionContext,
): Promise<{ session: SessionRecord; teacher: TeacherRecord }> {
  const session = await requireTeacher(request, context);
  const id = teacherIdOf(session);
  const teacher = await context.store.teachers.get(id);
  if (!teacher || teacher.revokedAt !== null) {
    throw new ApiError(401, 'teacher-login-required', 'Your teacher account was revoked; ask the owner.');
  }
  return { session, teacher };
}

/** 403 unless the owner is logged in. */
export async function requireOwner(request: Request, context: SessionContext): Promise<TeacherRecord> {
  const { teacher } = await requireTeacherAccount(request, context);
  if (teacher.role !== 'owner') {
    throw forbidden(
      'owner-only',
      'Only the owner (who logs in with the teacher passcode) can manage teachers.',
    );
  }
  return teacher;
}

/** `GET /api/teacher/me`: the logged-in teacher's account. */
export const getTeacherMe: Handler = async (request, context) => {
  const { teacher } = await requireTeacherAccount(request, context);
  return Response.json({ teacher: teacherView(teacher) });
};

/** `GET /api/teachers` (owner): every account and every invite (never a token). */
export const getTeachers: Handler = async (request, context) => {
  await requireOwner(request, context);
  const [teachers, invites] = await Promise.all([
    context.store.teachers.list(),
    context.store.teachers.listInvites(),
  ]);
  return Response.json({
    teachers: teachers.map(teacherView),
    invites: invites.map((invite) => inviteView(invite, context.now)),
  });
};

const inviteSchema = z.strictObject({
  expiresInDays: z
    .int('Give the number of days as a whole number.')
    .min(1, 'An invite lasts at least 1 day.')
    .max(30, 'An invite lasts at most 30 days.')
    .optional(),
});

/**
 * `POST /api/teachers/invites` (owner), `{ expiresInDays? }` → 201 `{ invite, token }`. The token is shown
 * this once; the link to hand over is `/teacher/invite#<token>` (a fragment, so it never reaches a log).
 */
export const postInvite: Handler = async (request, context) => {
  const owner = await requireOwner(request, context);
  const { expiresInDays = INVITE_DEFAULT_DAYS } = await readJsonBody(request, inviteSchema);
  const token = randomBytes(24).toString('base64url');
  const invite: TeacherInviteRecord = {
    id: `inv_${randomBytes(9).toString('base64url')}`,
    createdBy: owner.id,
    createdAt: context.now,
    expiresAt: context.now + expiresInDays * DAY,
    usedAt: null,
    usedBy: null,
    revokedAt: null,
  };
  await context.store.teachers.createInvite({ ...invite, tokenHash: hashInviteToken(token) });
  return Response.json({ invite: inviteView(invite, context.now), token }, { status: 201 });
};

/** `POST /api/teachers/invites/:inviteId/withdraw` (owner): an unused invite stops working. */
export const postWithdrawInvite: Handler = async (request, context) => {
  await requireOwner(request, context);
  const id = context.params.inviteId ?? '';
  if (!(await context.store.teachers.revokeInvite(id, context.now))) {
    throw notFound('unknown-invite', `There is no unused invite '${id.slice(0, 60)}' to withdraw.`);
  }
  return Response.json({ ok: true });
};

/** `POST /api/teachers/:teacherId/revoke` (owner): the account stops working and its sessions end. */
export const postRevokeTeacher: Handler = async (request, context) => {
  await requireOwner(request, context);
  const id = context.params.teacherId ?? '';
  const outcome = await context.store.teachers.revoke(id, context.now);
  if (outcome === 'unknown') throw notFound('unknown-teacher', `There is no teacher '${id.slice(0, 60)}'.`);
  if (outcome === 'owner') {
    throw new ApiError(
      409,
      'cannot-revoke-owner',
      "The owner's account cannot be revoked; change TEACHER_PASSCODE instead.",
    );
  }
  return Response.json({ teacher: teacherView((await context.store.teachers.get(id)) as TeacherRecord) });
};

const acceptSchema = z.strictObject({
  token: z.string('Open the invite link again; it carries the invite.').min(1).max(200),
  name: teacherNameSchema,
  password: passwordSchema,
});

const INVITE_REFUSALS = {
  unknown: [
    404,
    'unknown-invite',
    'This invite link is not valid. Check that it was copied whole, or ask for a new one.',
  ],
  expired: [410, 'invite-expired', 'This invite link has expired. Ask the owner for a new one.'],
  used: [
    410,
    'invite-used',
    'This invite link has been used already. Log in, or ask the owner for a new one.',
  ],
  revoked: [410, 'invite-withdrawn', 'This invite link was withdrawn. Ask the owner for a new one.'],
  'name-taken': [409, 'name-taken', 'Another teacher already has that name; add an initial or a surname.'],
} as const;

/**
 * `POST /api/teachers/accept`, `{ token, name, password }` → 201 `{ teacher }` with a teacher session cookie.
 * Unknown tokens count towards the limits on guessing codes.
 */
export const postAcceptInvite: Handler = async (request, context) => {
  const body = await readJsonBody(request, acceptSchema);
  const client = context.clientAddress;
  await refuseAfterFailures(context.store, policies.codeFailuresPerClient, client, context.now);
  const passwordHash = await hashPasscode(body.password);
  const outcome = await context.store.teachers.acceptInvite({
    tokenHash: hashInviteToken(body.token),
    now: context.now,
    teacher: {
      id: `tch_${randomBytes(9).toString('base64url')}`,
      name: body.name,
      nameKey: displayNameKey(body.name),
      passwordHash,
    },
  });
  if (outcome.status !== 'created') {
    if (outcome.status === 'unknown') {
      await countFailure(context.store, policies.codeFailuresPerClient, client, context.now);
    }
    const [status, code, message] = INVITE_REFUSALS[outcome.status];
    throw new ApiError(status, code, message);
  }
  const { token, maxAgeSeconds } = await issueTeacherSession(context, outcome.teacher.id);
  const response = Response.json({ teacher: teacherView(outcome.teacher) }, { status: 201 });
  setSessionCookie(response, request, TEACHER_COOKIE, token, maxAgeSeconds);
  return response;
};
