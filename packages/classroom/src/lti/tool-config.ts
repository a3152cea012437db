// Where the tool's endpoints are and how it describes itself to a platform: the IMS Dynamic Registration
// tool configuration and the static JSON that Canvas developer keys (and platforms without dynamic
// registration) take.
import type { Env } from '../config';
import { AGS_SCOPE, MESSAGE, NRPS_SCOPE } from './claims';

export interface ToolUrls {
  /** The site's origin (`PUBLIC_URL`, else the request's): launches land on its lesson pages. */
  origin: string;
  login: string;
  launch: string;
  jwks: string;
  register: string;
  config: string;
  deepLink: string;
}

/**
 * The tool's URLs under the classroom's mount (`/api` by default): `PUBLIC_URL` when set, else the request's
 * origin (as `X-Forwarded-Proto` and `X-Forwarded-Host` give it when `TRUST_PROXY` is set).
 */
export function toolUrls(request: Request, basePath: string, env: Env): ToolUrls {
  const configured = env.PUBLIC_URL?.trim().replace(/\/+$/, '');
  let origin = configured || new URL(request.url).origin;
  // Forwarded headers count only behind a proxy the operator declared (TRUST_PROXY), as for client addresses.
  if (!configured && env.TRUST_PROXY?.trim()) {
    const proto = request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim();
    const host = request.headers.get('x-forwarded-host')?.split(',')[0]?.trim();
    if (proto && host) origin = `${proto}://${host}`;
  }
  const base = `${origin}${basePath}/lti`;
  return {
    origin,
    login: `${base}/login`,
    launch: `${base}/launch`,
    jwks: `${base}/jwks.json`,
    register: `${base}/register`,
    config: `${base}/config.json`,
    deepLink: `${base}/deep-link`,
  };
}

export const TOOL_NAME = 'coursekit';
const SCOPES = [
  AGS_SCOPE.lineItem,
  AGS_SCOPE.lineItemReadOnly,
  AGS_SCOPE.result,
  AGS_SCOPE.score,
  NRPS_SCOPE,
];

/** The OpenID client registration the tool sends in IMS Dynamic Registration. */
export function dynamicRegistrationRequest(urls: ToolUrls, courseTitle: string) {
  return {
    application_type: 'web',
    response_types: ['id_token'],
    grant_types: ['implicit', 'client_credentials'],
    initiate_login_uri: urls.login,
    redirect_uris: [urls.launch],
    client_name: `${courseTitle} (${TOOL_NAME})`,
    jwks_uri: urls.jwks,
    token_endpoint_auth_method: 'private_key_jwt',
    scope: SCOPES.join(' '),
    'https://purl.imsglobal.org/spec/lti-tool-configuration': {
      domain: new URL(urls.origin).host,
      target_link_uri: urls.launch,
      claims: ['iss', 'sub', 'name', 'given_name', 'family_name'],
      messages: [
        { type: MESSAGE.resourceLink, target_link_uri: urls.launch },
        {
          type: MESSAGE.deepLinkingRequest,
          target_link_uri: urls.launch,
          label: `Add a lesson or quiz from ${courseTitle}`,
          placements: ['link_selection', 'assignment_selection'],
          supported_types: ['ltiResourceLink'],
        },
      ],
      description: `Lessons and server-graded quizzes of ${courseTitle}; scores go to the LMS gradebook.`,
    },
  };
}

/** The static tool configuration in the JSON form of a Canvas LTI 1.3 developer key. */
export function staticConfiguration(urls: ToolUrls, courseTitle: string) {
  const domain = new URL(urls.origin).host;
  return {
    title: `${courseTitle} (${TOOL_NAME})`,
    description: `Lessons and server-graded quizzes of ${courseTitle}; scores go to the LMS gradebook.`,
    oidc_initiation_url: urls.login,
    target_link_uri: urls.launch,
    public_jwk_url: urls.jwks,
    scopes: SCOPES,
    extensions: [
      {
        platform: 'canvas.instructure.com',
        domain,
        privacy_level: 'name_only',
        settings: {
          placements: [
            {
              placement: 'link_selection',
              message_type: MESSAGE.deepLinkingRequest,
              target_link_uri: urls.launch,
            },
            {
              placement: 'assignment_selection',
              message_type: MESSAGE.deepLinkingRequest,
              target_link_uri: urls.launch,
            },
          ],
        },
      },
    ],
    custom_fields: {},
    // For platforms configured by hand (Moodle "Configure a tool manually", Blackboard, Brightspace).
    lti_1_3: {
      login_url: urls.login,
      launch_url: urls.launch,
      redirect_uris: [urls.launch],
      jwks_url: urls.jwks,
      deep_linking_url: urls.launch,
      registration_url: urls.register,
    },
  };
}
