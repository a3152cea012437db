// The launch: the platform's form POST of the id_token. The login state must be this browser's (its
// cookie, or the platform's storage read back by our own page), the token must verify, and then the
// launching user gets a class-mode session in the class of the LMS course, or, for deep linking, the
// teacher gets the picker.
import { CSRF_COOKIE, LEARNER_COOKIE, TEACHER_COOKIE } from '../cookies';
import { type CourseOutline, loadCourseOutline } from '../course';
import { csrfCookieOf, newCsrfToken } from '../csrf';
import { issueStudentSession, issueTeacherSession, type SessionContext } from '../sessions';
import type { ClassroomStore, LtiPlatformRecord, StudentRecord } from '../storage/types';
import { createClass } from '../teacher';
import { ensureLineItem } from './ags';
import { AGS_SCOPE, CLAIM, classroomRole, MESSAGE } from './claims';
import { clearStateCookie, crossSiteCookie, hasStateCookie } from './cookies';
import { deepLinkingPicker } from './deep-linking';
import { requiredField } from './form';
import { displayNameOf, lmsStudent } from './lms-students';
import { syncRoster } from './nrps';
import { escapeHtml, htmlPage, scriptJson } from './pages';
import { LtiRefusal } from './refusal';
import type { ToolUrls } from './tool-config';
import { type VerifiedLaunch, verifyIdToken } from './verify-id-token';

export interface LaunchContext extends SessionContext {
  urls: ToolUrls;
  courseDir: string;
  log: (line: string) => void;
}

/** True for a POST our own page sent (browsers set these headers; another site cannot forge them). */
function sameOriginPost(request: Request, urls: ToolUrls): boolean {
  const site = request.headers.get('sec-fetch-site');
  const origin = request.headers.get('origin');
  return (
    (site === null || site === 'same-origin') && origin !== null && origin === new URL(urls.launch).origin
  );
}

/** Reads the state and nonce back from the platform's storage, then posts the launch again with them. */
function platformStorageCheckPage(
  target: string,
  platformOrigin: string,
  fields: { idToken: string; state: string },
  launchUrl: string,
) {
  const config = scriptJson({ target, origin: platformOrigin, state: fields.state });
  return htmlPage(
    'Opening the course…',
    `<p id="status">Opening the course…</p>
<form method="post" action="${escapeHtml(launchUrl)}">
<input type="hidden" name="id_token" value="${escapeHtml(fields.idToken)}">
<input type="hidden" name="state" value="${escapeHtml(fields.state)}">
<input type="hidden" name="lti_storage_state" value="">
</form>
<script>
(function () {
  var config = ${config};
  function storageFrame() {
    var platform = window.opener || window.parent;
    if (config.target === '_parent') return platform;
    try { return platform.frames[config.target] || platform; } catch (e) { return platform; }
  }
  var id = Math.random().toString(36).slice(2);
  var timer = setTimeout(function () {
    document.getElementById('status').textContent =
      'Your browser kept no trace of this login. Open the link in the LMS again.';
  }, 3000);
  window.addEventListener('message', function answer(event) {
    var data = event.data || {};
    if (event.origin !== config.origin || data.subject !== 'lti.get_data.response' || data.message_id !== id) return;
    clearTimeout(timer);
    window.removeEventListener('message', answer);
    var form = document.forms[0];
    form.elements.lti_storage_state.value = data.value || '';
    form.submit();
  });
  storageFrame().postMessage({ subject: 'lti.get_data', message_id: id, key: 'state_' + config.state }, config.origin);
})();
</script>`,
  );
}

async function classOfContext(
  store: ClassroomStore,
  platform: LtiPlatformRecord,
  claims: VerifiedLaunch['claims'],
  now: number,
): Promise<{ classId: string; contextId: string }> {
  const context = claims[CLAIM.context] as { id?: unknown; title?: unknown; label?: unknown } | undefined;
  const contextId = typeof context?.id === 'string' ? context.id : undefined;
  if (!contextId) {
    throw new LtiRefusal(
      'no-course-context',
      'The LMS launched without a course (context claim), so there is no class to join.',
      400,
    );
  }
  const known = await store.lti.findContext(platform.id, contextId);
  if (known) return { classId: known.classId, contextId };
  const title =
    [context?.title, context?.label].find(
      (value): value is string => typeof value === 'string' && value.trim() !== '',
    ) ?? `${platform.name} course`;
  const created = await createClass(store, title.trim().slice(0, 80), now);
  const linked = await store.lti.linkContext({
    platformId: platform.id,
    contextId,
    classId: created.id,
    title,
  });
  return { classId: linked.classId, contextId };
}

async function studentOf(
  store: ClassroomStore,
  platform: LtiPlatformRecord,
  claims: VerifiedLaunch['claims'],
  classId: string,
  now: number,
): Promise<StudentRecord> {
  const sub = typeof claims.sub === 'string' && claims.sub !== '' ? claims.sub : undefined;
  if (!sub) {
    throw new LtiRefusal(
      'anonymous-launch',
      'The LMS launched without a user id (sub), so no score could be kept.',
      400,
    );
  }
  const student = await lmsStudent(
    store,
    { platformId: platform.id, sub, classId, name: displayNameOf(claims) },
    now,
  );
  if (!student) throw new LtiRefusal('name-clash', 'Could not give this LMS user a name in the class.', 409);
  return student;
}

/** Where a launch lands: the lesson of the linked quiz or lesson, else the course's home page. */
function landingUrl(
  urls: ToolUrls,
  outline: CourseOutline,
  target: { quizId?: string; lessonId?: string },
): string {
  const lesson = target.lessonId
    ? outline.lessons.find((l) => l.id === target.lessonId)
    : target.quizId
      ? outline.lessons.find((l) => l.quizId === target.quizId)
      : undefined;
  return lesson ? `${urls.origin}/lessons/${encodeURIComponent(lesson.id)}` : `${urls.origin}/`;
}

function customTarget(claims: VerifiedLaunch['claims'], outline: CourseOutline) {
  const custom = (claims[CLAIM.custom] ?? {}) as Record<string, unknown>;
  const quizId =
    typeof custom.quiz_id === 'string' && outline.quizzes.has(custom.quiz_id) ? custom.quiz_id : undefined;
  const lessonId =
    typeof custom.lesson_id === 'string' && outline.lessons.some((l) => l.id === custom.lesson_id)
      ? custom.lesson_id
      : undefined;
  return { quizId, lessonId };
}

/** Records the resource link (and, for a quiz with AGS, its line item) so scores can follow. */
async function recordResourceLink(
  context: LaunchContext,
  launch: VerifiedLaunch,
  classId: string,
  contextId: string,
  quizId: string | undefined,
  outline: CourseOutline,
): Promise<void> {
  const link = launch.claims[CLAIM.resourceLink] as { id?: unknown } | undefined;
  if (typeof link?.id !== 'string') {
    throw new LtiRefusal('no-resource-link', 'The LMS launched without a resource link id.', 400);
  }
  const ags = (launch.claims[CLAIM.ags] ?? {}) as {
    scope?: unknown;
    lineitems?: unknown;
    lineitem?: unknown;
  };
  const scopes = Array.isArray(ags.scope) ? ags.scope.filter((s): s is string => typeof s === 'string') : [];
  const record = {
    platformId: launch.platform.id,
    deploymentId: launch.deploymentId,
    contextId,
    resourceLinkId: link.id,
    classId,
    quizId: quizId ?? null,
    lineItemUrl: typeof ags.lineitem === 'string' ? ags.lineitem : null,
    lineItemsUrl: typeof ags.lineitems === 'string' ? ags.lineitems : null,
    agsScopes: scopes.join(' '),
    updatedAt: context.now,
  };
  if (quizId && !record.lineItemUrl && record.lineItemsUrl && scopes.includes(AGS_SCOPE.lineItem)) {
    try {
      const title = outline.quizzes.get(quizId)?.title ?? quizId;
      record.lineItemUrl = await ensureLineItem(
        context.store,
        launch.platform,
        { ...record, quizId, lineItemsUrl: record.lineItemsUrl },
        title,
      );
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      context.log(
        `[coursekit] LTI line item for quiz ${quizId} not made on ${launch.platform.name}: ${reason}`,
      );
    }
  }
  await context.store.lti.saveResourceLink(record);
}

/** Answers the launch POST: a session and a redirect, the deep-linking picker, or a refusal. */
export async function handleLaunch(
  request: Request,
  fields: URLSearchParams,
  context: LaunchContext,
): Promise<Response> {
  const idToken = requiredField(fields, 'id_token', 'a launch token');
  const state = requiredField(fields, 'state', 'the login state');
  const pending = await context.store.lti.getLoginState(state, context.now);
  if (!pending) {
    throw new LtiRefusal(
      'unknown-state',
      'This launch does not belong to a login started here, or it took too long. Open the link in the LMS again.',
    );
  }
  if (!hasStateCookie(request, state, context.secret)) {
    const stored = fields.get('lti_storage_state');
    if (!pending.storageTarget) {
      throw new LtiRefusal(
        'state-not-bound',
        'This browser did not start this login (its login cookie is missing). Allow cookies for this site, or open the link in a new window.',
      );
    }
    if (stored === null) {
      const platform = await context.store.lti.getPlatform(pending.platformId);
      if (!platform)
        throw new LtiRefusal('unknown-platform', 'The LMS of this login is no longer registered.');
      return platformStorageCheckPage(
        pending.storageTarget,
        new URL(platform.authorizationEndpoint).origin,
        { idToken, state },
        context.urls.launch,
      );
    }
    if (!sameOriginPost(request, context.urls) || stored !== state) {
      throw new LtiRefusal(
        'state-not-bound',
        "This browser did not start this login (the LMS's storage does not hold it).",
      );
    }
  }
  const login = await context.store.lti.takeLoginState(state, context.now);
  if (!login)
    throw new LtiRefusal('unknown-state', 'This launch was already used. Open the link in the LMS again.');
  const launch = await verifyIdToken(context.store, idToken, login, context.now);

  const roles = launch.claims[CLAIM.roles];
  const role = classroomRole(
    Array.isArray(roles) ? roles.filter((r): r is string => typeof r === 'string') : [],
  );
  if (!role) {
    throw new LtiRefusal(
      'no-usable-role',
      'Only teachers and students of the LMS course can open it here.',
      403,
    );
  }
  const outline = await loadCourseOutline(context.courseDir);
  const { classId, contextId } = await classOfContext(
    context.store,
    launch.platform,
    launch.claims,
    context.now,
  );

  if (launch.messageType === MESSAGE.deepLinkingRequest) {
    if (role !== 'teacher')
      throw new LtiRefusal('teachers-only', 'Only a teacher can add course content to the LMS.', 403);
    const response = deepLinkingPicker(launch, outline, context);
    response.headers.append('set-cookie', clearStateCookie(request, state));
    context.log(`[coursekit] LTI deep-linking request from ${launch.platform.name} (class ${classId})`);
    return response;
  }

  const target = customTarget(launch.claims, outline);
  await recordResourceLink(context, launch, classId, contextId, target.quizId, outline);
  const headers = new Headers({
    location: landingUrl(context.urls, outline, target),
    'cache-control': 'no-store',
  });
  headers.append('set-cookie', clearStateCookie(request, state));
  if (role === 'teacher') {
    const roster = launch.claims[CLAIM.nrps] as { context_memberships_url?: unknown } | undefined;
    if (typeof roster?.context_memberships_url === 'string') {
      // In the background: a large course's roster must not hold up the teacher's launch.
      const platform = launch.platform;
      void syncRoster(context.store, platform, roster.context_memberships_url, classId, context.now).then(
        ({ learners }) =>
          context.log(`[coursekit] LTI roster of ${platform.name}: ${learners} students in class ${classId}`),
        (error: unknown) =>
          context.log(
            `[coursekit] LTI roster of ${platform.name} not read: ${error instanceof Error ? error.message : String(error)}`,
          ),
      );
    }
    const session = await issueTeacherSession(context);
    headers.append(
      'set-cookie',
      crossSiteCookie(request, TEACHER_COOKIE, session.token, session.maxAgeSeconds),
    );
  } else {
    const student = await studentOf(context.store, launch.platform, launch.claims, classId, context.now);
    const session = await issueStudentSession(context, student);
    headers.append(
      'set-cookie',
      crossSiteCookie(request, LEARNER_COOKIE, session.token, session.maxAgeSeconds),
    );
  }
  // The site's pages send the CSRF cookie back as a header; inside the LMS's iframe only a cross-site
  // cookie reaches them, so the launch sets one (the token stays the browser's own when it has one).
  const csrf = csrfCookieOf(request) ?? newCsrfToken();
  headers.append(
    'set-cookie',
    crossSiteCookie(request, CSRF_COOKIE, csrf, 365 * 24 * 60 * 60, { readableByScript: true }),
  );
  context.log(`[coursekit] LTI launch from ${launch.platform.name}: ${role} in class ${classId}`);
  return new Response(null, { status: 303, headers });
}
