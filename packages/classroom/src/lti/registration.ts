// IMS LTI Dynamic Registration: the LMS administrator pastes the registration URL; the LMS opens it with
// its OpenID configuration and a one-time token; the tool registers itself at the platform's registration
// endpoint and stores the client id and deployment it gets back.
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { ClassroomStore } from '../storage/types';
import { LtiRefusal } from './refusal';
import { dynamicRegistrationRequest, type ToolUrls } from './tool-config';

const FETCH_TIMEOUT_MS = 10_000;

const platformConfigurationSchema = z.object({
  issuer: z.string().url(),
  authorization_endpoint: z.string().url(),
  token_endpoint: z.string().url(),
  jwks_uri: z.string().url(),
  registration_endpoint: z.string().url(),
  authorization_server: z.string().optional(),
  'https://purl.imsglobal.org/spec/lti-platform-configuration': z
    .object({ product_family_code: z.string().optional() })
    .passthrough()
    .optional(),
});

const registrationResponseSchema = z.object({
  client_id: z.string().min(1),
  'https://purl.imsglobal.org/spec/lti-tool-configuration': z
    .object({ deployment_id: z.string().min(1).optional() })
    .passthrough()
    .optional(),
});

/** HTTPS, except on this machine's loopback addresses (a test platform, a local LMS). */
export function acceptablePlatformUrl(raw: string): URL | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return undefined;
  }
  if (url.protocol === 'https:') return url;
  const loopback = url.hostname === 'localhost' || url.hostname === '127.0.0.1' || url.hostname === '[::1]';
  return url.protocol === 'http:' && loopback ? url : undefined;
}

async function fetchJson(url: string, init: RequestInit, what: string): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, {
      ...init,
      redirect: 'error',
      signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new LtiRefusal('platform-unreachable', `Could not reach the LMS for ${what} (${reason}).`, 502);
  }
  if (!response.ok) {
    const detail = (await response.text().catch(() => '')).slice(0, 300);
    throw new LtiRefusal(
      'platform-refused',
      `The LMS answered ${response.status} to ${what}${detail ? `: ${detail}` : ''}.`,
      502,
    );
  }
  try {
    return await response.json();
  } catch {
    throw new LtiRefusal('platform-bad-answer', `The LMS's answer to ${what} is not JSON.`, 502);
  }
}

export interface RegisteredPlatform {
  platformId: string;
  name: string;
  clientId: string;
  deploymentId: string | undefined;
}

/** Registers the tool with the platform whose OpenID configuration URL the LMS gave. */
export async function registerDynamically(
  store: ClassroomStore,
  urls: ToolUrls,
  courseTitle: string,
  input: { openidConfiguration: string; registrationToken: string | undefined },
  now: number,
): Promise<RegisteredPlatform> {
  const configurationUrl = acceptablePlatformUrl(input.openidConfiguration);
  if (!configurationUrl) {
    throw new LtiRefusal(
      'invalid-openid-configuration',
      'The openid_configuration parameter must be an https:// URL of the LMS.',
      400,
    );
  }
  const parsed = platformConfigurationSchema.safeParse(
    await fetchJson(
      configurationUrl.href,
      { headers: { accept: 'application/json' } },
      'its OpenID configuration',
    ),
  );
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new LtiRefusal(
      'invalid-openid-configuration',
      `The LMS's OpenID configuration lacks a valid ${issue?.path.join('.') ?? 'field'} (${issue?.message ?? 'invalid'}).`,
      502,
    );
  }
  const configuration = parsed.data;
  // The configuration must come from the issuer it names, or anyone could speak for any LMS.
  if (!configurationUrl.href.startsWith(configuration.issuer.replace(/\/*$/, ''))) {
    throw new LtiRefusal(
      'issuer-mismatch',
      `The OpenID configuration at ${configurationUrl.origin} names another issuer (${configuration.issuer.slice(0, 200)}).`,
      400,
    );
  }
  for (const endpoint of [configuration.registration_endpoint, configuration.authorization_endpoint]) {
    if (!acceptablePlatformUrl(endpoint)) {
      throw new LtiRefusal(
        'invalid-openid-configuration',
        `The LMS endpoint ${endpoint} is not https://.`,
        502,
      );
    }
  }
  const registered = registrationResponseSchema.safeParse(
    await fetchJson(
      configuration.registration_endpoint,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          ...(input.registrationToken ? { authorization: `Bearer ${input.registrationToken}` } : {}),
        },
        body: JSON.stringify(dynamicRegistrationRequest(urls, courseTitle)),
      },
      'the registration',
    ),
  );
  if (!registered.success) {
    throw new LtiRefusal('platform-bad-answer', "The LMS's registration answer has no client_id.", 502);
  }
  const product =
    configuration['https://purl.imsglobal.org/spec/lti-platform-configuration']?.product_family_code;
  const platform = await store.lti.savePlatform({
    id: `plt_${randomBytes(12).toString('base64url')}`,
    issuer: configuration.issuer,
    clientId: registered.data.client_id,
    authorizationEndpoint: configuration.authorization_endpoint,
    tokenEndpoint: configuration.token_endpoint,
    tokenAudience: configuration.authorization_server || configuration.token_endpoint,
    jwksUri: configuration.jwks_uri,
    name: product || new URL(configuration.issuer).host,
    createdAt: now,
  });
  const deploymentId =
    registered.data['https://purl.imsglobal.org/spec/lti-tool-configuration']?.deployment_id;
  if (deploymentId) await store.lti.addDeployment(platform.id, deploymentId, now);
  return { platformId: platform.id, name: platform.name, clientId: platform.clientId, deploymentId };
}
