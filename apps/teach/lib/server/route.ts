import { NextResponse } from 'next/server';
import { CourseFolderError } from './course-error';
import { ensureCsrfCookie, verifyCsrf } from './csrf';
import { ApiError } from './errors';
import { getSessionSecret } from './secrets';
import type { SessionContext } from './sessions';
import { startServer } from './startup';
import { getStorage } from './storage/index';

export interface RouteContext<Params> extends SessionContext {
  params: Params;
}

type Handler<Params> = (request: Request, context: RouteContext<Params>) => Promise<NextResponse>;

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function jsonError(error: ApiError): NextResponse {
  return NextResponse.json(error.toBody(), {
    status: error.status,
    headers: { 'cache-control': 'no-store', ...error.headers },
  });
}

/**
 * Wraps a route handler: runs start-up once, checks CSRF on every state-changing method, hands the
 * CSRF cookie to browsers on reads, and turns every failure into JSON `{ error: { code, message } }`:
 * ApiErrors with their own status, anything unexpected as a 500 whose details stay in the server log.
 */
export function apiRoute<Params extends Record<string, string | string[]> = Record<string, never>>(
  handler: Handler<Params>,
) {
  return async (request: Request, segment?: { params?: Promise<Params> }): Promise<Response> => {
    try {
      await startServer();
      const mutation = !SAFE_METHODS.has(request.method);
      if (mutation) verifyCsrf(request);
      const storage = getStorage();
      const secret = await getSessionSecret(storage);
      const params = ((await segment?.params) ?? {}) as Params;
      const response = await handler(request, { storage, secret, now: Date.now(), params });
      if (!mutation) ensureCsrfCookie(request, response);
      if (!response.headers.has('cache-control')) response.headers.set('cache-control', 'no-store');
      return response;
    } catch (error) {
      if (error instanceof ApiError) return jsonError(error);
      if (error instanceof CourseFolderError) {
        console.error(`[coursekit] ${error.message}`);
        return jsonError(
          new ApiError(
            503,
            'course-unavailable',
            'The course content has errors, so this cannot be served yet.',
          ),
        );
      }
      console.error(`[coursekit] ${request.method} ${new URL(request.url).pathname} failed:`, error);
      return jsonError(
        new ApiError(
          500,
          'internal-error',
          'The server could not complete this request. Try again; if it keeps happening, tell your teacher.',
        ),
      );
    }
  };
}

/** A JSON 405 for the methods a route does not implement (Next.js would answer with an empty body). */
export function methodNotAllowed(...allowed: string[]) {
  return async (request: Request): Promise<Response> =>
    jsonError(
      new ApiError(
        405,
        'method-not-allowed',
        `${request.method} is not supported here; use ${allowed.join(' or ')}.`,
        {
          headers: { allow: allowed.join(', ') },
        },
      ),
    );
}
