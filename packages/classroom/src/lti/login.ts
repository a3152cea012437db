// OIDC third-party login initiation: the LMS names itself and the user; the tool starts a login with a
// fresh state (bound to this browser by a cookie, and by the platform's storage where it offers one) and
// nonce, and sends the browser to the platform's authorisation endpoint, which posts the id_token back.
import { randomBytes } from 'node:crypto';
import type { ClassroomStore, LtiPlatformRecord } from '../storage/types';
import { STATE_TTL_SECONDS, stateCookie } from './cookies';
import { requiredField } from './form';
import { escapeHtml, htmlPage, scriptJson } from './pages';
import { LtiRefusal } from './refusal';
import type { ToolUrls } from './tool-config';

async function platformForLogin(
  store: ClassroomStore,
  issuer: string,
  clientId: string | null,
): Promise<LtiPlatformRecord> {
  const platforms = await store.lti.findPlatforms(issuer);
  const platform = clientId
    ? platforms.find((p) => p.clientId === clientId)
    : platforms.length === 1
      ? platforms[0]
      : undefined;
  if (platform) return platform;
  if (platforms.length > 1 && !clientId) {
    throw new LtiRefusal(
      'ambiguous-platform',
      `Several registrations exist for ${issuer.slice(0, 200)}; the LMS must send client_id.`,
      400,
    );
  }
  throw new LtiRefusal(
    'unknown-platform',
    `The LMS ${issuer.slice(0, 200)}${clientId ? ` (client id ${clientId.slice(0, 100)})` : ''} is not registered with this course. Ask its administrator to register coursekit first.`,
  );
}

/** A page that stores the state and nonce in the platform's storage frame, then goes on to `next`. */
function platformStoragePage(
  target: string,
  platformOrigin: string,
  state: string,
  nonce: string,
  next: string,
) {
  const config = scriptJson({ target, origin: platformOrigin, state, nonce, next });
  return htmlPage(
    'Opening the course…',
    `<p>Opening the course… <a href="${escapeHtml(next)}">Continue</a></p>
<script>
(function () {
  var config = ${config};
  function storageFrame() {
    var platform = window.opener || window.parent;
    if (config.target === '_parent') return platform;
    try { return platform.frames[config.target] || platform; } catch (e) { return platform; }
  }
  function put(key, value) {
    return new Promise(function (resolve) {
      var id = Math.random().toString(36).slice(2);
      var timer = setTimeout(function () { resolve(false); }, 1500);
      window.addEventListener('message', function answer(event) {
        var data = event.data || {};
        if (event.origin !== config.origin || data.subject !== 'lti.put_data.response' || data.message_id !== id) return;
        clearTimeout(timer);
        window.removeEventListener('message', answer);
        resolve(!data.error);
      });
      storageFrame().postMessage({ subject: 'lti.put_data', message_id: id, key: key, value: value }, config.origin);
    });
  }
  Promise.all([put('state_' + config.state, config.state), put('nonce_' + config.nonce, config.nonce)])
    .then(function () { window.location.replace(config.next); });
})();
</script>`,
  );
}

/** Answers a login initiation (GET or POST): a redirect to the platform, the state cookie set. */
export async function initiateLogin(
  request: Request,
  fields: URLSearchParams,
  store: ClassroomStore,
  urls: ToolUrls,
  secret: string,
  now: number,
): Promise<Response> {
  const issuer = requiredField(fields, 'iss', 'its issuer');
  const loginHint = requiredField(fields, 'login_hint', 'the login hint');
  const platform = await platformForLogin(store, issuer, fields.get('client_id'));
  const deploymentId = fields.get('lti_deployment_id');
  if (deploymentId && !(await store.lti.hasDeployment(platform.id, deploymentId))) {
    throw new LtiRefusal(
      'unknown-deployment',
      `The LMS launched from a deployment this course does not know (${deploymentId.slice(0, 100)}). Ask the administrator to register the deployment.`,
    );
  }
  const target = fields.get('target_link_uri');
  if (target && !target.startsWith(`${urls.origin}/`)) {
    throw new LtiRefusal(
      'foreign-target',
      `The launch asks for ${target.slice(0, 200)}, which is not on this course site.`,
      400,
    );
  }
  const storageTarget = fields.get('lti_storage_target');
  const state = randomBytes(24).toString('base64url');
  const nonce = randomBytes(24).toString('base64url');
  await store.lti.saveLoginState({
    state,
    nonce,
    platformId: platform.id,
    storageTarget: storageTarget ? storageTarget.slice(0, 200) : null,
    createdAt: now,
    expiresAt: now + STATE_TTL_SECONDS * 1000,
  });
  const authorize = new URL(platform.authorizationEndpoint);
  const query: Record<string, string> = {
    scope: 'openid',
    response_type: 'id_token',
    response_mode: 'form_post',
    prompt: 'none',
    client_id: platform.clientId,
    redirect_uri: urls.launch,
    login_hint: loginHint,
    state,
    nonce,
  };
  const messageHint = fields.get('lti_message_hint');
  if (messageHint) query.lti_message_hint = messageHint;
  for (const [name, value] of Object.entries(query)) authorize.searchParams.set(name, value);

  const response = storageTarget
    ? platformStoragePage(storageTarget, authorize.origin, state, nonce, authorize.href)
    : new Response(null, { status: 302, headers: { location: authorize.href, 'cache-control': 'no-store' } });
  response.headers.append('set-cookie', stateCookie(request, state, secret));
  return response;
}
