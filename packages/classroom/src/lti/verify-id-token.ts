// Checks a launch's id_token the way LTI 1.3 (IMS Security Framework) requires: signed by a key in the
// platform's JWKS with an asymmetric algorithm, from a registered issuer to our client id (azp when there
// are several audiences), fresh, carrying the nonce of this browser's login once only, from a known
// deployment, of a message type and version we handle.
import {
  createRemoteJWKSet,
  decodeJwt,
  errors,
  type JWTPayload,
  type JWTVerifyGetKey,
  jwtVerify,
} from 'jose';
import type { ClassroomStore, LtiLoginStateRecord, LtiPlatformRecord } from '../storage/types';
import { CLAIM, LTI_VERSION, MESSAGE } from './claims';
import { LtiRefusal } from './refusal';

const ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384'];
/** An id_token older than this is refused even before it expires (it is meant for one hand-off). */
const MAX_TOKEN_AGE_SECONDS = 10 * 60;
const CLOCK_TOLERANCE_SECONDS = 30;

const keySets = new Map<string, JWTVerifyGetKey>();

/** The platform's JWKS, fetched when needed and cached by jose (refetched when an unknown kid arrives). */
function platformKeys(jwksUri: string): JWTVerifyGetKey {
  let keys = keySets.get(jwksUri);
  if (!keys) {
    keys = createRemoteJWKSet(new URL(jwksUri), { timeoutDuration: 5000, cooldownDuration: 10_000 });
    keySets.set(jwksUri, keys);
  }
  return keys;
}

export interface VerifiedLaunch {
  platform: LtiPlatformRecord;
  claims: JWTPayload & Record<string, unknown>;
  messageType: string;
  deploymentId: string;
}

function readUnverified(idToken: string): JWTPayload {
  try {
    return decodeJwt(idToken);
  } catch {
    throw new LtiRefusal('malformed-id-token', 'The LMS sent a launch token that is not a JWT.', 400);
  }
}

/** The registered platform this token names: its issuer and one of its audiences (our client id). */
async function platformOf(store: ClassroomStore, payload: JWTPayload): Promise<LtiPlatformRecord> {
  const issuer = typeof payload.iss === 'string' ? payload.iss : '';
  const candidates = issuer ? await store.lti.findPlatforms(issuer) : [];
  if (candidates.length === 0) {
    throw new LtiRefusal(
      'unknown-platform',
      `The LMS ${issuer.slice(0, 200) || '(no issuer)'} is not registered with this course. Ask its administrator to register coursekit first.`,
    );
  }
  const audiences = typeof payload.aud === 'string' ? [payload.aud] : (payload.aud ?? []);
  const platform = candidates.find((candidate) => audiences.includes(candidate.clientId));
  if (!platform) {
    throw new LtiRefusal(
      'wrong-audience',
      'The launch token was issued for another tool (its audience is not ours).',
    );
  }
  return platform;
}

function refusalOf(error: unknown): LtiRefusal {
  if (error instanceof LtiRefusal) return error;
  if (error instanceof errors.JWTExpired) {
    return new LtiRefusal('token-expired', 'The launch token has expired. Open the link in the LMS again.');
  }
  if (error instanceof errors.JOSEAlgNotAllowed) {
    return new LtiRefusal(
      'algorithm-not-allowed',
      'The launch token is not signed with an allowed algorithm.',
    );
  }
  if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys) {
    return new LtiRefusal(
      'unknown-signing-key',
      "The launch token is signed with a key that is not in the LMS's key set.",
    );
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) {
    return new LtiRefusal('bad-signature', 'The launch token was altered or signed by someone else.');
  }
  if (error instanceof errors.JWTClaimValidationFailed) {
    const claim = error.claim;
    if (claim === 'aud')
      return new LtiRefusal('wrong-audience', 'The launch token was issued for another tool.');
    if (claim === 'iat' || claim === 'nbf') {
      return new LtiRefusal(
        'token-not-fresh',
        'The launch token is too old or not valid yet. Open the link again.',
      );
    }
    return new LtiRefusal(
      'invalid-claim',
      `The launch token's "${claim}" claim is not acceptable (${error.reason}).`,
    );
  }
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid) {
    return new LtiRefusal(
      'platform-keys-unavailable',
      "The LMS's key set could not be read. Try again shortly.",
      503,
    );
  }
  if (error instanceof errors.JOSEError) {
    return new LtiRefusal('invalid-id-token', `The launch token is not valid (${error.code}).`);
  }
  if (error instanceof TypeError && /fetch/i.test(error.message)) {
    return new LtiRefusal(
      'platform-keys-unavailable',
      "The LMS's key set could not be read. Try again shortly.",
      503,
    );
  }
  throw error;
}

/**
 * Verifies the id_token of a launch whose login state the caller has taken (single use). The nonce is
 * claimed only after the signature checks out, so a forged token cannot burn a genuine nonce.
 */
export async function verifyIdToken(
  store: ClassroomStore,
  idToken: string,
  login: LtiLoginStateRecord,
  now: number,
): Promise<VerifiedLaunch> {
  try {
    const platform = await platformOf(store, readUnverified(idToken));
    if (platform.id !== login.platformId) {
      throw new LtiRefusal('state-mismatch', 'This launch belongs to a login started by another LMS.');
    }
    const { payload } = await jwtVerify(idToken, platformKeys(platform.jwksUri), {
      issuer: platform.issuer,
      audience: platform.clientId,
      algorithms: ALGORITHMS,
      maxTokenAge: MAX_TOKEN_AGE_SECONDS,
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
      currentDate: new Date(now),
      requiredClaims: ['exp', 'iat', 'nonce'],
    });
    const claims = payload as VerifiedLaunch['claims'];
    const audiences = typeof claims.aud === 'string' ? [claims.aud] : (claims.aud ?? []);
    if ((audiences.length > 1 || claims.azp !== undefined) && claims.azp !== platform.clientId) {
      throw new LtiRefusal(
        'wrong-authorized-party',
        'The launch token names another tool as its authorised party (azp).',
      );
    }
    if (claims.nonce !== login.nonce) {
      throw new LtiRefusal(
        'nonce-mismatch',
        'The launch token does not answer the login this browser started.',
      );
    }
    const expiresAt = ((claims.exp as number) + CLOCK_TOLERANCE_SECONDS) * 1000;
    if (!(await store.lti.claimNonce(platform.id, claims.nonce as string, expiresAt, now))) {
      throw new LtiRefusal(
        'nonce-replayed',
        'This launch token was used before. Open the link in the LMS again.',
      );
    }
    const deploymentId = claims[CLAIM.deploymentId];
    if (typeof deploymentId !== 'string' || !(await store.lti.hasDeployment(platform.id, deploymentId))) {
      throw new LtiRefusal(
        'unknown-deployment',
        `The LMS launched from a deployment this course does not know (${String(deploymentId).slice(0, 100)}). Ask the administrator to register the deployment.`,
      );
    }
    if (claims[CLAIM.version] !== LTI_VERSION) {
      throw new LtiRefusal('unsupported-version', `Only LTI ${LTI_VERSION} launches are accepted.`, 400);
    }
    const messageType = claims[CLAIM.messageType];
    if (messageType !== MESSAGE.resourceLink && messageType !== MESSAGE.deepLinkingRequest) {
      throw new LtiRefusal(
        'unsupported-message-type',
        `This course handles resource-link and deep-linking launches, not ${String(messageType).slice(0, 60)}.`,
        400,
      );
    }
    return { platform, claims, messageType, deploymentId };
  } catch (error) {
    throw refusalOf(error);
  }
}
