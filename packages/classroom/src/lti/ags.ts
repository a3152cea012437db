// Assignment and Grade Services 2.0: the tool gets an access token with the OAuth 2 client-credentials
// grant, authenticating with a JWT signed by its own key (RFC 7523), finds or creates the line item of a
// linked quiz, and posts each score there.
import { randomBytes } from 'node:crypto';
import { SignJWT } from 'jose';
import { z } from 'zod';
import type { ClassroomStore, LtiPlatformRecord, LtiResourceLinkRecord } from '../storage/types';
import { AGS_SCOPE } from './claims';
import { signingKey, TOOL_KEY_ALG } from './keys';

const FETCH_TIMEOUT_MS = 10_000;
/** Our line items count in percent; each score carries its own maximum, which the LMS scales. */
export const LINE_ITEM_MAXIMUM = 100;

const tokens = new Map<string, { accessToken: string; expiresAt: number }>();

const tokenResponseSchema = z.object({
  access_token: z.string().min(1),
  expires_in: z.coerce.number().optional(),
});

export class AgsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AgsError';
  }
}

async function expectOk(response: Response, what: string): Promise<Response> {
  if (response.ok) return response;
  const detail = (await response.text().catch(() => '')).slice(0, 300);
  throw new AgsError(`${what} answered ${response.status}${detail ? `: ${detail}` : ''}`);
}

const tokenCacheKey = (platform: LtiPlatformRecord, scopes: readonly string[]) =>
  `${platform.id} ${[...scopes].sort().join(' ')}`;

/** Drops the cached token for `scopes`, so the next call asks the platform for a new one. */
export function forgetAccessToken(platform: LtiPlatformRecord, scopes: readonly string[]): void {
  tokens.delete(tokenCacheKey(platform, scopes));
}

/** A bearer token for `scopes` on the platform, reused until a minute before it expires. */
export async function accessToken(
  store: ClassroomStore,
  platform: LtiPlatformRecord,
  scopes: readonly string[],
  now: number = Date.now(),
): Promise<string> {
  const scope = [...scopes].sort().join(' ');
  const cacheKey = tokenCacheKey(platform, scopes);
  const cached = tokens.get(cacheKey);
  if (cached && cached.expiresAt - 60_000 > now) return cached.accessToken;
  const { kid, key } = await signingKey(store, now);
  const assertion = await new SignJWT({})
    .setProtectedHeader({ alg: TOOL_KEY_ALG, kid, typ: 'JWT' })
    .setIssuer(platform.clientId)
    .setSubject(platform.clientId)
    .setAudience(platform.tokenAudience)
    .setJti(randomBytes(16).toString('base64url'))
    .setIssuedAt(Math.floor(now / 1000))
    .setExpirationTime(Math.floor(now / 1000) + 300)
    .sign(key);
  const response = await expectOk(
    await fetch(platform.tokenEndpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
        client_assertion: assertion,
        scope,
      }),
      signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
    }),
    `The token endpoint of ${platform.name}`,
  );
  const parsed = tokenResponseSchema.safeParse(await response.json());
  if (!parsed.success) throw new AgsError(`The token endpoint of ${platform.name} sent no access_token.`);
  tokens.set(cacheKey, {
    accessToken: parsed.data.access_token,
    expiresAt: now + (parsed.data.expires_in ?? 3600) * 1000,
  });
  return parsed.data.access_token;
}

/** `<line item>/scores`, keeping the line item URL's query (some platforms put ids there). */
export function scoresUrl(lineItemUrl: string): string {
  const url = new URL(lineItemUrl);
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/scores`;
  return url.href;
}

const lineItemSchema = z.object({ id: z.string().url(), resourceId: z.string().optional() });

/**
 * The line item of a quiz link: the one the platform made for the link (deep linking asks for one), else
 * one found by the quiz id as `resourceId`, else a new one. Returns its URL.
 */
export async function ensureLineItem(
  store: ClassroomStore,
  platform: LtiPlatformRecord,
  link: LtiResourceLinkRecord & { quizId: string; lineItemsUrl: string },
  label: string,
): Promise<string> {
  const token = await accessToken(store, platform, [AGS_SCOPE.lineItem]);
  const headers = { authorization: `Bearer ${token}` };
  const search = new URL(link.lineItemsUrl);
  search.searchParams.set('resource_link_id', link.resourceLinkId);
  search.searchParams.set('resource_id', link.quizId);
  const found = await expectOk(
    await fetch(search, {
      headers: { ...headers, accept: 'application/vnd.ims.lis.v2.lineitemcontainer+json' },
      signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
    }),
    `The line items of ${platform.name}`,
  );
  const existing = z.array(lineItemSchema).safeParse(await found.json());
  const match = existing.success ? existing.data.find((item) => item.resourceId === link.quizId) : undefined;
  if (match) return match.id;
  const created = await expectOk(
    await fetch(link.lineItemsUrl, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/vnd.ims.lis.v2.lineitem+json' },
      body: JSON.stringify({
        scoreMaximum: LINE_ITEM_MAXIMUM,
        label,
        resourceId: link.quizId,
        resourceLinkId: link.resourceLinkId,
      }),
      signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
    }),
    `Creating a line item on ${platform.name}`,
  );
  const item = lineItemSchema.safeParse(await created.json());
  if (!item.success) throw new AgsError(`${platform.name} created a line item without an id.`);
  return item.data.id;
}

export interface QuizScore {
  studentId: string;
  quizId: string;
  score: number;
  maxScore: number;
  /** True while essays await a teacher's marking: the LMS shows the score as not final. */
  pendingReview: boolean;
  /** When the score was given (submission, marking or override). */
  at: number;
  /** A note for the LMS (a teacher's override reason). */
  comment?: string;
}

export interface PublishedScore {
  platform: string;
  lineItem: string;
  status: 'posted' | 'failed';
  error?: string;
}

/**
 * Posts a student's quiz score to every LMS line item linked to that quiz in the student's class. Call it
 * after each submission, essay marking or override; a student who never launched from an LMS has no
 * targets. Failures are logged and reported, never thrown: the score stays ours and the next one retries.
 */
export async function publishQuizScore(
  store: ClassroomStore,
  score: QuizScore,
  log: (line: string) => void = console.warn,
): Promise<PublishedScore[]> {
  const targets = await store.lti.scoreTargets(score.studentId, score.quizId);
  const published: PublishedScore[] = [];
  for (const target of targets) {
    const lineItem = target.link.lineItemUrl as string;
    try {
      const body = JSON.stringify({
        userId: target.userId,
        scoreGiven: score.score,
        scoreMaximum: score.maxScore,
        activityProgress: 'Completed',
        gradingProgress: score.pendingReview ? 'PendingManual' : 'FullyGraded',
        timestamp: new Date(score.at).toISOString(),
        ...(score.comment ? { comment: score.comment } : {}),
      });
      const post = async () =>
        fetch(scoresUrl(lineItem), {
          method: 'POST',
          headers: {
            authorization: `Bearer ${await accessToken(store, target.platform, [AGS_SCOPE.score])}`,
            'content-type': 'application/vnd.ims.lis.v1.score+json',
          },
          body,
          signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
        });
      let response = await post();
      // A token the platform revoked or forgot before its time: get a new one and try once more.
      if (response.status === 401) {
        forgetAccessToken(target.platform, [AGS_SCOPE.score]);
        response = await post();
      }
      await expectOk(response, `The score service of ${target.platform.name}`);
      published.push({ platform: target.platform.name, lineItem, status: 'posted' });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      log(`[coursekit] LTI score for quiz ${score.quizId} not sent to ${target.platform.name}: ${reason}`);
      published.push({ platform: target.platform.name, lineItem, status: 'failed', error: reason });
    }
  }
  return published;
}
