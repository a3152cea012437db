// Deep Linking 2.0: a teacher in the LMS picks a lesson or a quiz; the tool answers the platform with a
// signed LtiDeepLinkingResponse holding one LTI resource link (with a line item for a quiz, so the LMS
// makes the gradebook column the scores go to).
import { randomBytes } from 'node:crypto';
import { SignJWT } from 'jose';
import { z } from 'zod';
import type { CourseOutline } from '../course';
import { sign, unsign } from '../signing';
import type { ClassroomStore } from '../storage/types';
import { LINE_ITEM_MAXIMUM } from './ags';
import { CLAIM, LTI_VERSION, MESSAGE } from './claims';
import { requiredField } from './form';
import { signingKey, TOOL_KEY_ALG } from './keys';
import { autoPostPage, escapeHtml, htmlPage } from './pages';
import { LtiRefusal } from './refusal';
import type { ToolUrls } from './tool-config';
import type { VerifiedLaunch } from './verify-id-token';

const PICK_TTL_MS = 30 * 60 * 1000;

/** What the picker's form carries to the response, signed so that only a verified request leads to one. */
const pickSchema = z.strictObject({
  p: z.string(),
  d: z.string(),
  r: z.string().url(),
  data: z.string().optional(),
  exp: z.number(),
});

function encodePick(value: z.infer<typeof pickSchema>, secret: string): string {
  return sign(`dl.${Buffer.from(JSON.stringify(value)).toString('base64url')}`, secret);
}

function decodePick(token: string, secret: string, now: number): z.infer<typeof pickSchema> {
  const value = unsign(token, secret);
  const parsed = value?.startsWith('dl.')
    ? pickSchema.safeParse(
        (() => {
          try {
            return JSON.parse(Buffer.from(value.slice(3), 'base64url').toString('utf8'));
          } catch {
            return undefined;
          }
        })(),
      )
    : undefined;
  if (!parsed?.success)
    throw new LtiRefusal(
      'invalid-deep-linking-request',
      'This choice does not come from a deep-linking request of the LMS.',
      400,
    );
  if (parsed.data.exp <= now) {
    throw new LtiRefusal(
      'deep-linking-expired',
      'This choice waited too long. Start adding the content from the LMS again.',
      400,
    );
  }
  return parsed.data;
}

/** The page where the teacher picks what to add. */
export function deepLinkingPicker(
  launch: VerifiedLaunch,
  outline: CourseOutline,
  context: { urls: ToolUrls; secret: string; now: number },
): Response {
  const settings = (launch.claims[CLAIM.deepLinkingSettings] ?? {}) as {
    deep_link_return_url?: unknown;
    accept_types?: unknown;
    data?: unknown;
  };
  if (typeof settings.deep_link_return_url !== 'string') {
    throw new LtiRefusal(
      'no-return-url',
      'The LMS asked for content without saying where to send it (deep_link_return_url).',
      400,
    );
  }
  if (Array.isArray(settings.accept_types) && !settings.accept_types.includes('ltiResourceLink')) {
    throw new LtiRefusal(
      'no-accepted-type',
      'The LMS accepts no LTI resource links here, which is all this course offers.',
      400,
    );
  }
  const pick = encodePick(
    {
      p: launch.platform.id,
      d: launch.deploymentId,
      r: settings.deep_link_return_url,
      ...(typeof settings.data === 'string' ? { data: settings.data } : {}),
      exp: context.now + PICK_TTL_MS,
    },
    context.secret,
  );
  const option = (item: string, label: string) =>
    `<li><form method="post" action="${escapeHtml(context.urls.deepLink)}">
<input type="hidden" name="request" value="${escapeHtml(pick)}"><input type="hidden" name="item" value="${escapeHtml(item)}">
<button type="submit">${escapeHtml(label)}</button></form></li>`;
  const quizzes = [...outline.quizzes.values()].map((quiz) =>
    option(`quiz:${quiz.id}`, `Quiz: ${quiz.title}`),
  );
  const lessons = outline.lessons.map((lesson) => option(`lesson:${lesson.id}`, `Lesson: ${lesson.title}`));
  return htmlPage(
    `Add from ${outline.title}`,
    `<h1>Add from ${escapeHtml(outline.title)}</h1>
<p>A quiz gets its own column in the LMS gradebook; scores arrive there as students submit.</p>
<h2>Quizzes</h2><ul>${quizzes.join('\n')}</ul>
<h2>Lessons</h2><ul>${lessons.join('\n')}</ul>`,
  );
}

/** The signed response for the teacher's pick, posted to the platform's return URL. */
export async function deepLinkingResponse(
  fields: URLSearchParams,
  store: ClassroomStore,
  outline: CourseOutline,
  context: { urls: ToolUrls; secret: string; now: number },
): Promise<Response> {
  const pick = decodePick(
    requiredField(fields, 'request', 'the deep-linking request'),
    context.secret,
    context.now,
  );
  const [kind, id] = requiredField(fields, 'item', 'the chosen item').split(':', 2);
  const platform = await store.lti.getPlatform(pick.p);
  if (!platform) throw new LtiRefusal('unknown-platform', 'The LMS of this request is no longer registered.');
  const quiz = kind === 'quiz' && id ? outline.quizzes.get(id) : undefined;
  const lesson = kind === 'lesson' && id ? outline.lessons.find((l) => l.id === id) : undefined;
  if (!quiz && !lesson)
    throw new LtiRefusal(
      'unknown-item',
      `This course has no ${kind ?? 'item'} ${String(id).slice(0, 60)}.`,
      400,
    );
  const contentItem = quiz
    ? {
        type: 'ltiResourceLink',
        title: quiz.title,
        url: context.urls.launch,
        custom: { quiz_id: quiz.id },
        lineItem: { scoreMaximum: LINE_ITEM_MAXIMUM, label: quiz.title, resourceId: quiz.id },
      }
    : {
        type: 'ltiResourceLink',
        title: lesson?.title,
        url: context.urls.launch,
        custom: { lesson_id: lesson?.id },
      };
  const { kid, key } = await signingKey(store, context.now);
  const seconds = Math.floor(context.now / 1000);
  const jwt = await new SignJWT({
    nonce: randomBytes(16).toString('base64url'),
    [CLAIM.deploymentId]: pick.d,
    [CLAIM.messageType]: MESSAGE.deepLinkingResponse,
    [CLAIM.version]: LTI_VERSION,
    [CLAIM.contentItems]: [contentItem],
    ...(pick.data !== undefined ? { [CLAIM.data]: pick.data } : {}),
  })
    .setProtectedHeader({ alg: TOOL_KEY_ALG, kid, typ: 'JWT' })
    .setIssuer(platform.clientId)
    .setAudience(platform.issuer)
    .setIssuedAt(seconds)
    .setExpirationTime(seconds + 300)
    .sign(key);
  return autoPostPage(pick.r, { JWT: jwt }, 'Adding to the LMS…');
}
