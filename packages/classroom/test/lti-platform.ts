// A small LTI 1.3 platform for the tests, standing in for Moodle or Canvas: its own RSA keys and JWKS, an
// OpenID configuration and dynamic-registration endpoint, an OIDC authorisation endpoint that answers with
// an auto-posting id_token form, an OAuth 2 token endpoint that checks the tool's signed client assertion
// against the tool's JWKS, and AGS line-item and score endpoints that record what they receive. It listens
// on 127.0.0.1 on a free port; `stop()` closes it.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  createRemoteJWKSet,
  exportJWK,
  generateKeyPair,
  type JWK,
  type JWTPayload,
  jwtVerify,
  SignJWT,
} from 'jose';

export const CLIENT_ID = 'coursekit-client-1';
export const DEPLOYMENT_ID = 'deployment-1';
export const REGISTRATION_TOKEN = 'one-time-registration-token';
const LTI = 'https://purl.imsglobal.org/spec/lti/claim';

export const ROLES = {
  instructor: 'http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor',
  learner: 'http://purl.imsglobal.org/vocab/lis/v2/membership#Learner',
};

export interface LaunchUser {
  sub: string;
  name: string;
  roles: string[];
}

export interface RecordedScore {
  lineItem: string;
  userId: string;
  scoreGiven: number;
  scoreMaximum: number;
  gradingProgress: string;
  activityProgress: string;
}

export interface LineItem {
  id: string;
  label: string;
  scoreMaximum: number;
  resourceId?: string;
  resourceLinkId?: string;
}

/** What the tool sent in dynamic registration. */
export interface ToolRegistration {
  initiate_login_uri: string;
  redirect_uris: string[];
  jwks_uri: string;
  scope: string;
  [claim: string]: unknown;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function send(response: ServerResponse, status: number, body: unknown, type = 'application/json') {
  response.writeHead(status, { 'content-type': type });
  response.end(typeof body === 'string' ? body : JSON.stringify(body));
}

const escapeAttribute = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

export interface TestPlatform {
  issuer: string;
  /** The URL the LMS admin would open for the tool's registration URL (with openid_configuration added). */
  registrationLaunch(toolRegistrationUrl: string): string;
  registration: ToolRegistration | undefined;
  /** Sign an id_token as this platform (or with `key: 'rogue'`, a key outside the JWKS; `alg: 'none'`). */
  signIdToken(
    claims: JWTPayload,
    options?: { key?: 'platform' | 'rogue'; alg?: 'none'; kid?: string },
  ): Promise<string>;
  /** The claims of a resource-link launch for `user` in the course, with `overrides` applied. */
  launchClaims(user: LaunchUser, nonce: string, overrides?: Record<string, unknown>): JWTPayload;
  /** The users the authorisation endpoint launches, by login_hint; the message per login_hint. */
  users: Map<string, LaunchUser & { message?: 'deep-linking'; custom?: Record<string, string> }>;
  lineItems: LineItem[];
  scores: RecordedScore[];
  /** Content items received at the deep-linking return URL, verified against the tool's JWKS. */
  deepLinks: { payload: JWTPayload }[];
  /** Everything each endpoint refused, for assertions. */
  refusals: string[];
  /** A resource link the platform made from a deep link (id, custom parameters, line item). */
  links: { id: string; custom: Record<string, string>; lineItem?: string }[];
  /** The course's roster as NRPS serves it (two members a page); launches carry its URL. */
  members: { user_id: string; name: string; roles: string[]; status?: string }[];
  /** The HTML page of the LMS that embeds a link in an iframe (for the browser test). */
  coursePageUrl(linkId: string, loginHint: string, options?: { storage?: boolean }): string;
  /** The issuer its OpenID configuration names (normally its own; a test may make it lie). */
  configurationIssuer: string | undefined;
  /** Forgets every access token it issued (as a platform restart or a revocation does). */
  revokeTokens(): void;
  stop(): Promise<void>;
}

export async function startTestPlatform(options: { host?: string } = {}): Promise<TestPlatform> {
  const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
  const rogue = await generateKeyPair('RS256');
  const publicJwk: JWK = { ...(await exportJWK(publicKey)), kid: 'platform-key-1', alg: 'RS256', use: 'sig' };
  const tokens = new Map<string, string>();
  let toolKeys: ReturnType<typeof createRemoteJWKSet> | undefined;
  let server: Server | undefined;
  const host = options.host ?? '127.0.0.1';

  const platform: TestPlatform = {
    issuer: '',
    registration: undefined,
    users: new Map(),
    lineItems: [],
    scores: [],
    deepLinks: [],
    refusals: [],
    links: [],
    members: [],
    configurationIssuer: undefined,
    registrationLaunch(toolRegistrationUrl) {
      const url = new URL(toolRegistrationUrl);
      url.searchParams.set('openid_configuration', `${platform.issuer}/.well-known/openid-configuration`);
      url.searchParams.set('registration_token', REGISTRATION_TOKEN);
      return url.href;
    },
    async signIdToken(claims, signing = {}) {
      if (signing.alg === 'none') {
        const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
        return `${part({ alg: 'none', typ: 'JWT' })}.${part(claims)}.`;
      }
      const key = signing.key === 'rogue' ? rogue.privateKey : privateKey;
      return new SignJWT(claims)
        .setProtectedHeader({
          alg: 'RS256',
          kid: signing.kid ?? (signing.key === 'rogue' ? 'rogue-key' : 'platform-key-1'),
          typ: 'JWT',
        })
        .sign(key);
    },
    launchClaims(user, nonce, overrides = {}) {
      const now = Math.floor(Date.now() / 1000);
      return {
        iss: platform.issuer,
        aud: CLIENT_ID,
        azp: CLIENT_ID,
        sub: user.sub,
        name: user.name,
        iat: now,
        exp: now + 300,
        nonce,
        [`${LTI}/message_type`]: 'LtiResourceLinkRequest',
        [`${LTI}/version`]: '1.3.0',
        [`${LTI}/deployment_id`]: DEPLOYMENT_ID,
        [`${LTI}/target_link_uri`]: platform.registration?.redirect_uris[0],
        [`${LTI}/roles`]: user.roles,
        [`${LTI}/context`]: { id: 'course-101', title: 'History 101', label: 'HIST101' },
        [`${LTI}/resource_link`]: { id: 'link-1' },
        'https://purl.imsglobal.org/spec/lti-ags/claim/endpoint': {
          scope: [
            'https://purl.imsglobal.org/spec/lti-ags/scope/lineitem',
            'https://purl.imsglobal.org/spec/lti-ags/scope/score',
          ],
          lineitems: `${platform.issuer}/courses/course-101/lineitems`,
        },
        'https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice': {
          context_memberships_url: `${platform.issuer}/courses/course-101/memberships`,
          service_versions: ['2.0'],
        },
        ...overrides,
      };
    },
    coursePageUrl(linkId, loginHint, pageOptions = {}) {
      const query = new URLSearchParams({
        link: linkId,
        login_hint: loginHint,
        storage: pageOptions.storage ? '1' : '',
      });
      return `${platform.issuer}/course-page?${query}`;
    },
    revokeTokens() {
      tokens.clear();
    },
    async stop() {
      await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    },
  };

  /** The id_token for an authorisation request, as the platform issues it after its own checks. */
  async function authorize(
    query: URLSearchParams,
  ): Promise<{ action: string; fields: Record<string, string> } | string> {
    const registration = platform.registration;
    if (!registration) return 'the tool is not registered';
    if (query.get('client_id') !== CLIENT_ID) return 'wrong client_id';
    const redirect = query.get('redirect_uri') ?? '';
    if (!registration.redirect_uris.includes(redirect)) return `redirect_uri ${redirect} not registered`;
    if (query.get('response_type') !== 'id_token' || query.get('response_mode') !== 'form_post')
      return 'wrong response type';
    if (query.get('scope') !== 'openid' || query.get('prompt') !== 'none') return 'wrong scope or prompt';
    const nonce = query.get('nonce');
    const state = query.get('state');
    if (!nonce || !state) return 'no nonce or state';
    const [loginHint, linkId] = (query.get('login_hint') ?? '').split('|');
    const user = platform.users.get(loginHint ?? '');
    if (!user) return 'unknown login_hint';
    const link = platform.links.find((l) => l.id === linkId);
    const overrides: Record<string, unknown> =
      user.message === 'deep-linking'
        ? {
            [`${LTI}/message_type`]: 'LtiDeepLinkingRequest',
            [`${LTI}/resource_link`]: undefined,
            'https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings': {
              deep_link_return_url: `${platform.issuer}/deep-link-return`,
              accept_types: ['ltiResourceLink'],
              accept_presentation_document_targets: ['iframe', 'window'],
              data: 'platform-opaque-data',
            },
          }
        : link
          ? {
              [`${LTI}/resource_link`]: { id: link.id },
              [`${LTI}/custom`]: link.custom,
              'https://purl.imsglobal.org/spec/lti-ags/claim/endpoint': {
                scope: [
                  'https://purl.imsglobal.org/spec/lti-ags/scope/lineitem',
                  'https://purl.imsglobal.org/spec/lti-ags/scope/score',
                ],
                lineitems: `${platform.issuer}/courses/course-101/lineitems`,
                ...(link.lineItem ? { lineitem: link.lineItem } : {}),
              },
            }
          : {};
    const idToken = await platform.signIdToken(platform.launchClaims(user, nonce, overrides));
    return { action: redirect, fields: { id_token: idToken, state } };
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', platform.issuer);
    const path = url.pathname;
    if (path === '/.well-known/openid-configuration') {
      return send(response, 200, {
        issuer: platform.configurationIssuer ?? platform.issuer,
        authorization_endpoint: `${platform.issuer}/auth`,
        token_endpoint: `${platform.issuer}/token`,
        jwks_uri: `${platform.issuer}/jwks`,
        registration_endpoint: `${platform.issuer}/register`,
        token_endpoint_auth_methods_supported: ['private_key_jwt'],
        id_token_signing_alg_values_supported: ['RS256'],
        scopes_supported: ['openid'],
        response_types_supported: ['id_token'],
        'https://purl.imsglobal.org/spec/lti-platform-configuration': {
          product_family_code: 'test-lms',
          version: '1.0',
          messages_supported: [{ type: 'LtiResourceLinkRequest' }, { type: 'LtiDeepLinkingRequest' }],
        },
      });
    }
    if (path === '/jwks') return send(response, 200, { keys: [publicJwk] });
    if (path === '/register' && request.method === 'POST') {
      if (request.headers.authorization !== `Bearer ${REGISTRATION_TOKEN}`) {
        platform.refusals.push('register: wrong registration token');
        return send(response, 401, { error: 'invalid_token' });
      }
      const registration = JSON.parse(await readBody(request)) as ToolRegistration;
      platform.registration = registration;
      // Refetch at once on an unknown kid (a rotated tool key), as platforms that fetch per launch do.
      toolKeys = createRemoteJWKSet(new URL(registration.jwks_uri), { cooldownDuration: 0 });
      return send(response, 201, {
        ...registration,
        client_id: CLIENT_ID,
        'https://purl.imsglobal.org/spec/lti-tool-configuration': {
          ...(registration['https://purl.imsglobal.org/spec/lti-tool-configuration'] as object),
          deployment_id: DEPLOYMENT_ID,
        },
      });
    }
    if (path === '/auth') {
      const query =
        request.method === 'POST' ? new URLSearchParams(await readBody(request)) : url.searchParams;
      const outcome = await authorize(query);
      if (typeof outcome === 'string') {
        platform.refusals.push(`auth: ${outcome}`);
        return send(response, 400, outcome, 'text/plain');
      }
      const inputs = Object.entries(outcome.fields)
        .map(([name, value]) => `<input type="hidden" name="${name}" value="${escapeAttribute(value)}">`)
        .join('');
      return send(
        response,
        200,
        `<!doctype html><form method="post" action="${escapeAttribute(outcome.action)}">${inputs}</form><script>document.forms[0].submit()</script>`,
        'text/html',
      );
    }
    if (path === '/token' && request.method === 'POST') {
      const form = new URLSearchParams(await readBody(request));
      if (
        form.get('grant_type') !== 'client_credentials' ||
        form.get('client_assertion_type') !== 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer' ||
        !toolKeys
      ) {
        platform.refusals.push('token: wrong grant');
        return send(response, 400, { error: 'invalid_request' });
      }
      try {
        await jwtVerify(form.get('client_assertion') ?? '', toolKeys, {
          issuer: CLIENT_ID,
          subject: CLIENT_ID,
          audience: `${platform.issuer}/token`,
          requiredClaims: ['jti', 'exp', 'iat'],
        });
      } catch (error) {
        platform.refusals.push(`token: ${(error as Error).message}`);
        return send(response, 401, { error: 'invalid_client' });
      }
      const token = randomBytes(16).toString('hex');
      tokens.set(token, form.get('scope') ?? '');
      return send(response, 200, {
        access_token: token,
        token_type: 'Bearer',
        expires_in: 3600,
        scope: form.get('scope'),
      });
    }
    if (path.startsWith('/courses/course-101/lineitems')) {
      const scope = tokens.get((request.headers.authorization ?? '').replace(/^Bearer /, ''));
      if (scope === undefined) {
        platform.refusals.push(`ags: no valid token for ${path}`);
        return send(response, 401, { error: 'invalid_token' });
      }
      const scoresMatch = /^\/courses\/course-101\/lineitems\/([^/]+)\/scores$/.exec(path);
      if (scoresMatch && request.method === 'POST') {
        if (!scope.split(' ').includes('https://purl.imsglobal.org/spec/lti-ags/scope/score')) {
          platform.refusals.push('ags: score without the score scope');
          return send(response, 403, { error: 'insufficient_scope' });
        }
        if (request.headers['content-type'] !== 'application/vnd.ims.lis.v1.score+json') {
          platform.refusals.push('ags: wrong score media type');
          return send(response, 415, { error: 'unsupported media type' });
        }
        const score = JSON.parse(await readBody(request)) as Omit<RecordedScore, 'lineItem'>;
        platform.scores.push({
          lineItem: `${platform.issuer}/courses/course-101/lineitems/${scoresMatch[1]}`,
          ...score,
        });
        return send(response, 200, {});
      }
      if (path === '/courses/course-101/lineitems' && request.method === 'GET') {
        const resourceId = url.searchParams.get('resource_id');
        return send(
          response,
          200,
          platform.lineItems.filter((item) => !resourceId || item.resourceId === resourceId),
        );
      }
      if (path === '/courses/course-101/lineitems' && request.method === 'POST') {
        const body = JSON.parse(await readBody(request)) as Omit<LineItem, 'id'>;
        const item = {
          ...body,
          id: `${platform.issuer}/courses/course-101/lineitems/${platform.lineItems.length + 1}`,
        };
        platform.lineItems.push(item);
        return send(response, 201, item);
      }
    }
    if (path === '/courses/course-101/memberships') {
      const scope = tokens.get((request.headers.authorization ?? '').replace(/^Bearer /, ''));
      if (
        !scope
          ?.split(' ')
          .includes('https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly')
      ) {
        platform.refusals.push('nrps: no token with the membership scope');
        return send(response, 401, { error: 'invalid_token' });
      }
      const page = Number(url.searchParams.get('page') ?? '0');
      const members = platform.members.slice(page * 2, page * 2 + 2);
      if ((page + 1) * 2 < platform.members.length) {
        response.setHeader(
          'link',
          `<${platform.issuer}/courses/course-101/memberships?page=${page + 1}>; rel="next"`,
        );
      }
      return send(response, 200, { id: url.href, context: { id: 'course-101' }, members });
    }
    if (path === '/deep-link-return' && request.method === 'POST') {
      const form = new URLSearchParams(await readBody(request));
      try {
        if (!toolKeys) throw new Error('not registered');
        const { payload } = await jwtVerify(form.get('JWT') ?? '', toolKeys, {
          issuer: CLIENT_ID,
          audience: platform.issuer,
        });
        platform.deepLinks.push({ payload });
        const items = (payload['https://purl.imsglobal.org/spec/lti-dl/claim/content_items'] ?? []) as {
          custom?: Record<string, string>;
          lineItem?: Omit<LineItem, 'id'>;
        }[];
        for (const item of items) {
          const id = `link-${platform.links.length + 2}`;
          let lineItem: string | undefined;
          if (item.lineItem) {
            lineItem = `${platform.issuer}/courses/course-101/lineitems/${platform.lineItems.length + 1}`;
            platform.lineItems.push({ ...item.lineItem, id: lineItem, resourceLinkId: id });
          }
          platform.links.push({ id, custom: item.custom ?? {}, ...(lineItem ? { lineItem } : {}) });
        }
        return send(response, 200, '<!doctype html><p>Content added.</p>', 'text/html');
      } catch (error) {
        platform.refusals.push(`deep-link-return: ${(error as Error).message}`);
        return send(response, 400, 'bad deep-linking response', 'text/plain');
      }
    }
    if (path === '/course-page') {
      return send(response, 200, coursePage(url.searchParams), 'text/html');
    }
    send(response, 404, { error: `no ${request.method} ${path} on the test platform` });
  }

  /** An LMS course page: a login form that targets the iframe, and (optionally) the platform storage. */
  function coursePage(query: URLSearchParams): string {
    const registration = platform.registration;
    const fields: Record<string, string> = {
      iss: platform.issuer,
      login_hint: `${query.get('login_hint')}|${query.get('link')}`,
      target_link_uri: registration?.redirect_uris[0] ?? '',
      client_id: CLIENT_ID,
      lti_deployment_id: DEPLOYMENT_ID,
      ...(query.get('storage') ? { lti_storage_target: '_parent' } : {}),
    };
    const inputs = Object.entries(fields)
      .map(([name, value]) => `<input type="hidden" name="${name}" value="${escapeAttribute(value)}">`)
      .join('');
    return `<!doctype html><title>History 101</title>
<h1>History 101</h1>
<form method="post" target="tool" action="${escapeAttribute(registration?.initiate_login_uri ?? '')}">${inputs}</form>
<iframe name="tool" title="coursekit" style="width:100%;height:600px"></iframe>
<script>
  window.platformStorage = {};
  window.addEventListener('message', function (event) {
    var data = event.data || {};
    if (data.subject === 'lti.put_data') {
      window.platformStorage[event.origin + ' ' + data.key] = data.value;
      event.source.postMessage({ subject: 'lti.put_data.response', message_id: data.message_id, key: data.key, value: data.value }, event.origin);
    } else if (data.subject === 'lti.get_data') {
      event.source.postMessage({ subject: 'lti.get_data.response', message_id: data.message_id, key: data.key, value: window.platformStorage[event.origin + ' ' + data.key] }, event.origin);
    }
  });
  document.forms[0].submit();
</script>`;
  }

  server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      platform.refusals.push(`crash: ${(error as Error).message}`);
      send(response, 500, { error: 'test platform crashed' });
    });
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  platform.issuer = `http://${host}:${(server.address() as AddressInfo).port}`;
  return platform;
}
