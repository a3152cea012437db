// The LTI endpoints under `<basePath>/lti/`, mounted by the classroom's router. The LMS reaches login,
// launch and the deep-linking hand-off by cross-site form posts (so they carry no CSRF header); each step
// checks what LTI makes it check instead, and every refusal is a page and one log line, never a session.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { readJsonBody } from '../body';
import { loadCourseOutline } from '../course';
import type { Handler, HandlerContext } from '../handlers';
import { requireTeacher } from '../sessions';
import { deriveKey } from '../signing';
import { deepLinkingResponse } from './deep-linking';
import { readForm } from './form';
import { rotateToolKey, toolJwks } from './keys';
import { handleLaunch } from './launch';
import { initiateLogin } from './login';
import { refusalPage, registrationDonePage } from './pages';
import { isLtiRefusal, LtiRefusal } from './refusal';
import { acceptablePlatformUrl, registerDynamically } from './registration';
import { staticConfiguration, toolUrls } from './tool-config';

/** Where LTI log lines go; tests replace it. */
export const ltiLog = { write: (line: string) => console.warn(line) };

const urlsOf = (request: Request, context: HandlerContext) =>
  toolUrls(request, context.basePath, context.env);

/** The secret part of the registration URL: `LTI_REGISTRATION_KEY`, else derived from the session secret. */
export function registrationKey(context: Pick<HandlerContext, 'env' | 'secret'>): string {
  return (
    context.env.LTI_REGISTRATION_KEY?.trim() || deriveKey(context.secret, 'lti-registration').slice(0, 32)
  );
}

/** Runs an LTI step; a refusal (or any failure) becomes a page and a log line. */
function ltiStep(step: string, work: Handler): Handler {
  return async (request, context) => {
    try {
      return await work(request, context);
    } catch (error) {
      if (isLtiRefusal(error)) {
        ltiLog.write(`[coursekit] LTI ${step} refused (${error.code}): ${error.message}`);
        return refusalPage(error.status, error.code, error.message);
      }
      ltiLog.write(
        `[coursekit] LTI ${step} failed: ${error instanceof Error ? error.message : String(error)}`,
      );
      return refusalPage(
        500,
        'lti-internal-error',
        'The course site could not complete this step. Try again shortly.',
      );
    }
  };
}

const getJwks: Handler = async (_request, context) =>
  Response.json(await toolJwks(context.store, context.now), {
    headers: { 'cache-control': 'public, max-age=300' },
  });

const getConfiguration: Handler = async (request, context) => {
  const outline = await loadCourseOutline(context.courseDir);
  return Response.json(staticConfiguration(urlsOf(request, context), outline.title));
};

/** The registration URL and static configuration URL to give the LMS administrator (teacher only). */
const getRegistrationUrl: Handler = async (request, context) => {
  await requireTeacher(request, context);
  const urls = urlsOf(request, context);
  return Response.json({
    registrationUrl: `${urls.register}/${registrationKey(context)}`,
    configurationUrl: urls.config,
    jwksUrl: urls.jwks,
    loginUrl: urls.login,
    launchUrl: urls.launch,
  });
};

const getRegister = ltiStep('registration', async (request, context) => {
  const given = Buffer.from(context.params.key ?? '');
  const expected = Buffer.from(registrationKey(context));
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new LtiRefusal(
      'wrong-registration-url',
      'This registration URL is not (or no longer) valid. Ask the teacher for the current one.',
      403,
    );
  }
  const query = new URL(request.url).searchParams;
  const openidConfiguration = query.get('openid_configuration');
  if (!openidConfiguration) {
    throw new LtiRefusal(
      'missing-openid-configuration',
      'Paste this URL into the LMS as a dynamic registration (tool) URL; opened directly it does nothing.',
      400,
    );
  }
  const outline = await loadCourseOutline(context.courseDir);
  const registered = await registerDynamically(
    context.store,
    urlsOf(request, context),
    outline.title,
    { openidConfiguration, registrationToken: query.get('registration_token') ?? undefined },
    context.now,
  );
  ltiLog.write(
    `[coursekit] LTI registered with ${registered.name}: client ${registered.clientId}, deployment ${registered.deploymentId ?? '(none yet)'}`,
  );
  return registrationDonePage(registered.name, registered.clientId);
});

const login = ltiStep('login', async (request, context) =>
  initiateLogin(
    request,
    await readForm(request),
    context.store,
    urlsOf(request, context),
    context.secret,
    context.now,
  ),
);

const postLaunch = ltiStep('launch', async (request, context) =>
  handleLaunch(request, await readForm(request), {
    ...context,
    urls: urlsOf(request, context),
    log: ltiLog.write,
  }),
);

const postDeepLink = ltiStep('deep linking', async (request, context) =>
  deepLinkingResponse(await readForm(request), context.store, await loadCourseOutline(context.courseDir), {
    urls: urlsOf(request, context),
    secret: context.secret,
    now: context.now,
  }),
);

const platformUrl = (what: string) =>
  z.string(`Give the platform's ${what}.`).refine((value) => acceptablePlatformUrl(value) !== undefined, {
    message: `The ${what} must be an https:// URL.`,
  });

const platformSchema = z.strictObject({
  issuer: z.string('Give the platform issuer (iss).').min(1).max(500),
  clientId: z.string('Give the client id the LMS gave the tool.').min(1).max(500),
  authorizationEndpoint: platformUrl('OIDC authorisation endpoint'),
  tokenEndpoint: platformUrl('OAuth 2 token endpoint'),
  jwksUri: platformUrl('JWKS URL'),
  tokenAudience: platformUrl('token audience').optional(),
  name: z.string().min(1).max(80).optional(),
  deploymentIds: z.array(z.string().min(1).max(500)).max(50).default([]),
});

/** Registers a platform by hand (static configuration), or adds deployments to it (teacher only). */
const postPlatform: Handler = async (request, context) => {
  await requireTeacher(request, context);
  const input = await readJsonBody(request, platformSchema);
  const platform = await context.store.lti.savePlatform({
    id: `plt_${randomBytes(12).toString('base64url')}`,
    issuer: input.issuer,
    clientId: input.clientId,
    authorizationEndpoint: input.authorizationEndpoint,
    tokenEndpoint: input.tokenEndpoint,
    tokenAudience: input.tokenAudience ?? input.tokenEndpoint,
    jwksUri: input.jwksUri,
    name: input.name ?? new URL(input.authorizationEndpoint).host,
    createdAt: context.now,
  });
  for (const deploymentId of input.deploymentIds) {
    await context.store.lti.addDeployment(platform.id, deploymentId, context.now);
  }
  return Response.json(
    { id: platform.id, issuer: platform.issuer, clientId: platform.clientId },
    { status: 201 },
  );
};

/** Makes a new signing key; the JWKS publishes it beside the previous one (teacher only). */
const postRotateKey: Handler = async (request, context) => {
  await requireTeacher(request, context);
  return Response.json({ kid: await rotateToolKey(context.store, context.now) }, { status: 201 });
};

export interface LtiRoute {
  method: 'GET' | 'POST';
  path: string;
  handler: Handler;
  /** Reached by the LMS's cross-site form posts: LTI's own checks replace the CSRF header. */
  crossSite?: true;
}

export const ltiRoutes: LtiRoute[] = [
  { method: 'GET', path: 'lti/jwks.json', handler: getJwks },
  { method: 'GET', path: 'lti/config.json', handler: getConfiguration },
  { method: 'GET', path: 'lti/registration-url', handler: getRegistrationUrl },
  { method: 'GET', path: 'lti/register/:key', handler: getRegister },
  { method: 'GET', path: 'lti/login', handler: login },
  { method: 'POST', path: 'lti/login', handler: login, crossSite: true },
  { method: 'POST', path: 'lti/launch', handler: postLaunch, crossSite: true },
  { method: 'POST', path: 'lti/deep-link', handler: postDeepLink, crossSite: true },
  { method: 'POST', path: 'lti/platforms', handler: postPlatform },
  { method: 'POST', path: 'lti/keys/rotate', handler: postRotateKey },
];
