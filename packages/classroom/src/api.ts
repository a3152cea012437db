import { courseDirectory, type Env, isConfigurationError } from './config';
import { readCookie, TEACHER_COOKIE } from './cookies';
import { isCourseFolderError } from './course-error';
import { ensureCsrfCookie, verifyCsrf } from './csrf';
import type { ClassDashboard } from './dashboard';
import { ApiError, notFound } from './errors';
import type { Handler } from './handlers';
import * as handlers from './handlers';
import { jsonResponse } from './known-bodies';
import { ltiRoutes } from './lti/routes';
import { clientAddressOf, parseTrustProxy, type TrustProxy } from './rate-limit';
import * as reopen from './reopen';
import * as roster from './roster';
import { getSessionSecret } from './secrets';
import { teacherSessionFromToken } from './sessions';
import { startClassroom } from './startup';
import { openStore, StoreUnavailableError } from './storage/index';
import type { ClassroomStore, SessionRecord } from './storage/types';
import { loadDashboard } from './teacher';
import * as accounts from './teacher-accounts';
import * as teaching from './teaching-handlers';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The JSON answer for an ApiError: `{ error: { code, message, issues? } }` with its status. */
export function jsonError(error: ApiError): Response {
  return jsonResponse(error.toBody(), {
    status: error.status,
    headers: { 'cache-control': 'no-store', ...error.headers },
  });
}

interface Route {
  method: 'GET' | 'POST' | 'PUT';
  /** Segments after `/api/`; `:name` matches one segment. */
  pattern: string[];
  handler: Handler;
  /** Reached by cross-site form posts (LTI), which check their own proofs instead of the CSRF header. */
  crossSite?: true;
}

const route = (method: Route['method'], path: string, handler: Handler, crossSite?: true): Route => ({
  method,
  pattern: path.split('/').filter(Boolean),
  handler,
  ...(crossSite ? { crossSite } : {}),
});

/** Every endpoint, under the mount's `/api` prefix. */
const routes: Route[] = [
  route('GET', 'csrf', handlers.getCsrf),
  route('GET', 'quizzes/:id', handlers.getQuiz),
  route('POST', 'attempts', handlers.postAttempt),
  route('POST', 'attempts/check', handlers.postCheck),
  route('POST', 'completions', handlers.postCompletion),
  route('GET', 'me/progress', handlers.getProgress),
  route('POST', 'classes/join', handlers.postJoin),
  route('POST', 'classes/resume', handlers.postResume),
  route('POST', 'teacher/login', handlers.postLogin),
  route('POST', 'teacher/logout', handlers.postLogout),
  route('GET', 'teacher/me', accounts.getTeacherMe),
  route('GET', 'teachers', accounts.getTeachers),
  route('POST', 'teachers/invites', accounts.postInvite),
  route('POST', 'teachers/invites/:inviteId/withdraw', accounts.postWithdrawInvite),
  route('POST', 'teachers/accept', accounts.postAcceptInvite),
  route('POST', 'teachers/:teacherId/revoke', accounts.postRevokeTeacher),
  route('GET', 'classes', handlers.getClasses),
  route('POST', 'classes', handlers.postClass),
  route('GET', 'classes/:id/dashboard', handlers.getDashboard),
  route('GET', 'classes/:id/gradebook.csv', handlers.getGradebook),
  route('PUT', 'attempts/draft', teaching.putDraft),
  route('GET', 'me/quizzes/:quizId/attempts', teaching.getMyAttempts),
  route('GET', 'classes/:id/marking', teaching.getMarking),
  route('POST', 'classes/:id/attempts/:attemptId/marks', teaching.postMark),
  route('POST', 'classes/:id/attempts/:attemptId/overrides', teaching.postOverride),
  route('POST', 'classes/:id/attempts/:attemptId/reopen', reopen.postReopenAttempt),
  route('GET', 'classes/:id/students/:studentId', teaching.getStudent),
  route('GET', 'classes/:id/quizzes/:quizId/settings', teaching.getQuizSettings),
  route('PUT', 'classes/:id/quizzes/:quizId/settings', teaching.putQuizSettings),
  route('POST', 'classes/:id/students/:studentId/quizzes/:quizId/attempts', teaching.postGrantAttempts),
  route('POST', 'classes/:id/rename', roster.postRenameClass),
  route('POST', 'classes/:id/archive', roster.postArchiveClass),
  route('POST', 'classes/:id/roster', roster.postRoster),
  route('POST', 'classes/:id/students/:studentId/rename', roster.postRenameStudent),
  route('POST', 'classes/:id/students/:studentId/identifier', roster.postStudentIdentifier),
  route('POST', 'classes/:id/students/:studentId/remove', roster.postRemoveStudent),
  ...ltiRoutes.map((lti) => route(lti.method, lti.path, lti.handler, lti.crossSite)),
];

function matchPath(pattern: string[], segments: string[]): Record<string, string> | undefined {
  if (pattern.length !== segments.length) return undefined;
  const params: Record<string, string> = {};
  for (const [index, part] of pattern.entries()) {
    const segment = segments[index] as string;
    if (part.startsWith(':')) params[part.slice(1)] = segment;
    else if (part !== segment) return undefined;
  }
  return params;
}

/** Percent-decodes each path segment; malformed encoding is the client's mistake, answered as such. */
function pathSegments(pathname: string, prefix: string): string[] | undefined {
  if (pathname !== prefix && !pathname.startsWith(`${prefix}/`)) return undefined;
  return pathname
    .slice(prefix.length)
    .split('/')
    .filter((segment) => segment !== '')
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        throw new ApiError(
          400,
          'invalid-path',
          `The path ${pathname.slice(0, 120)} has a malformed percent-encoding (such as %E0%A4%A); encode it with encodeURIComponent.`,
        );
      }
    });
}

export interface ClassroomOptions {
  /** The database: a `postgres://` URL for PostgreSQL, else an SQLite file. Default `env.DATABASE_URL`, else `./.data/coursekit.db`. */
  databaseUrl?: string;
  /** An open store to use instead of `databaseUrl` (tests pass an in-memory SQLite store). */
  store?: ClassroomStore;
  /** The course folder (as `@coursekit/mdx` loads it). Default `env.COURSE_DIR`, else `./course`. */
  courseDir?: string;
  /** Where the handlers are mounted. Default `/api`. */
  basePath?: string;
  /** Environment: `TEACHER_PASSCODE`, `SESSION_SECRET`, `TRUST_PROXY`, and the defaults above. Default `process.env`. */
  env?: Env;
  /** Where start-up messages go (the generated passcode, once). Default `console.log`. */
  log?: (line: string) => void;
}

/** What the server adapter knows about the connection, beyond the Fetch request. */
export interface ConnectionInfo {
  /** The socket's remote address (`req.socket.remoteAddress` in `node:http`). */
  remoteAddress?: string | undefined;
}

export interface Classroom {
  /** Answers one request under `basePath`: JSON for every outcome, errors included. */
  handle(request: Request, connection?: ConnectionInfo): Promise<Response>;
  /** Opens and migrates the database and makes sure a passcode and a signing secret exist. Idempotent. */
  ready(): Promise<ClassroomStore>;
  /** The teacher session a `ck_teacher` cookie value stands for (server-rendered teacher pages). */
  teacherSession(cookieHeaderOrToken: string | undefined): Promise<SessionRecord | undefined>;
  /** One class's dashboard (teacher pages); 404 ApiError for an unknown class. */
  dashboard(classId: string): Promise<ClassDashboard>;
  readonly courseDir: string;
  readonly basePath: string;
  /** Closes the database. */
  close(): Promise<void>;
}

/**
 * Class mode as Fetch-standard handlers: `handle(request)` answers every endpoint under `basePath`. Mount it
 * in a Next.js route handler, a `node:http` server or any framework that speaks `Request` and `Response`.
 */
export function createClassroom(options: ClassroomOptions = {}): Classroom {
  const env = options.env ?? process.env;
  const basePath = (options.basePath ?? '/api').replace(/\/+$/, '');
  const courseDir = options.courseDir ?? courseDirectory(env);
  const trustProxy: TrustProxy = parseTrustProxy(env.TRUST_PROXY);
  let started: Promise<ClassroomStore> | undefined;

  const ready = (): Promise<ClassroomStore> => {
    if (!started) {
      started = (async () => {
        const store = options.store ?? (await openStore(options.databaseUrl ?? env.DATABASE_URL));
        await startClassroom(store, env, options.log);
        return store;
      })();
      started.catch(() => {
        started = undefined;
      });
    }
    return started;
  };

  async function handle(request: Request, connection: ConnectionInfo = {}): Promise<Response> {
    const url = new URL(request.url);
    try {
      const segments = pathSegments(url.pathname, basePath);
      if (!segments)
        throw notFound('unknown-endpoint', `There is no API endpoint ${request.method} ${url.pathname}.`);
      const matching = routes
        .map((candidate) => ({ candidate, params: matchPath(candidate.pattern, segments) }))
        .filter((found) => found.params !== undefined);
      if (matching.length === 0) {
        throw notFound('unknown-endpoint', `There is no API endpoint ${request.method} ${url.pathname}.`);
      }
      const method = request.method === 'HEAD' ? 'GET' : request.method;
      const found = matching.find((m) => m.candidate.method === method);
      if (!found) {
        const allowed = [...new Set(matching.map((m) => m.candidate.method))];
        throw new ApiError(
          405,
          'method-not-allowed',
          `${request.method} is not supported here; use ${allowed.join(' or ')}.`,
          { headers: { allow: allowed.join(', ') } },
        );
      }
      const mutation = !SAFE_METHODS.has(request.method);
      if (mutation && !found.candidate.crossSite) verifyCsrf(request);
      const store = await ready();
      const secret = await getSessionSecret(store, env);
      const response = await found.candidate.handler(request, {
        store,
        secret,
        now: Date.now(),
        params: found.params ?? {},
        courseDir,
        clientAddress: clientAddressOf(request, connection.remoteAddress, trustProxy),
        env,
        basePath,
      });
      if (!mutation) ensureCsrfCookie(request, response);
      if (!response.headers.has('cache-control')) response.headers.set('cache-control', 'no-store');
      return response;
    } catch (error) {
      return errorResponse(request, url, error);
    }
  }

  return {
    handle,
    ready,
    courseDir,
    basePath,
    async teacherSession(cookieHeaderOrToken) {
      if (!cookieHeaderOrToken) return undefined;
      const token = cookieHeaderOrToken.includes('=')
        ? readCookie(new Request('http://x/', { headers: { cookie: cookieHeaderOrToken } }), TEACHER_COOKIE)
        : cookieHeaderOrToken;
      const store = await ready();
      const secret = await getSessionSecret(store, env);
      return teacherSessionFromToken(token, { store, secret, now: Date.now() });
    },
    async dashboard(classId) {
      return loadDashboard(await ready(), classId, courseDir);
    },
    async close() {
      const store = started ? await started.catch(() => undefined) : undefined;
      started = undefined;
      await store?.close();
    },
  };
}

/**
 * Every failure as JSON: ApiErrors with their own status; a broken course folder or a database that cannot
 * take writes as 503 (details in the server log); anything unexpected as a 500 without its details.
 */
function errorResponse(request: Request, url: URL, error: unknown): Response {
  if (error instanceof ApiError) return jsonError(error);
  if (isCourseFolderError(error)) {
    console.error(`[coursekit] ${error.message}`);
    return jsonError(
      new ApiError(503, 'course-unavailable', 'The course content has errors, so this cannot be served yet.'),
    );
  }
  if (isConfigurationError(error)) {
    console.error(`[coursekit] cannot serve ${request.method} ${url.pathname}: ${error.message}`);
    return jsonError(
      new ApiError(503, 'server-misconfigured', 'The server is not set up correctly yet; tell your teacher.'),
    );
  }
  if (error instanceof StoreUnavailableError) {
    console.error(`[coursekit] ${request.method} ${url.pathname} refused: ${error.message}`);
    return jsonError(
      new ApiError(
        503,
        'storage-unavailable',
        'The server cannot save anything right now, so nothing was saved. Tell your teacher; try again later.',
        { headers: { 'retry-after': '30' } },
      ),
    );
  }
  console.error(`[coursekit] ${request.method} ${url.pathname} failed:`, error);
  return jsonError(
    new ApiError(
      500,
      'internal-error',
      'The server could not complete this request. Try again; if it keeps happening, tell your teacher.',
    ),
  );
}
