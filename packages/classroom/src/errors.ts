/** One problem with a request, located by a path into the JSON body (`responses.q1`, `displayName`). */
export interface ApiIssue {
  path: string;
  message: string;
}

/** The JSON body of every error response: `{ error: { code, message, issues? } }`. */
export interface ApiErrorBody {
  error: { code: string; message: string; issues?: ApiIssue[] };
}

/**
 * An error meant for the client: a 4xx status, a stable machine-readable `code` and a message that says
 * what was wrong and what to do. Anything else thrown in a handler becomes a generic 500.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly issues: ApiIssue[] | undefined;
  readonly headers: Record<string, string>;

  constructor(
    status: number,
    code: string,
    message: string,
    options: { issues?: ApiIssue[]; headers?: Record<string, string> } = {},
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.issues = options.issues;
    this.headers = options.headers ?? {};
  }

  toBody(): ApiErrorBody {
    return {
      error: { code: this.code, message: this.message, ...(this.issues ? { issues: this.issues } : {}) },
    };
  }
}

export const badRequest = (code: string, message: string, issues?: ApiIssue[]) =>
  new ApiError(400, code, message, issues ? { issues } : {});
export const unauthorized = (message: string) => new ApiError(401, 'unauthorized', message);
export const forbidden = (code: string, message: string) => new ApiError(403, code, message);
export const notFound = (code: string, message: string) => new ApiError(404, code, message);
export const conflict = (code: string, message: string) => new ApiError(409, code, message);

/** True for an `ApiError`, also one thrown by another copy of this package (see `isCourseFolderError`). */
export function isApiError(error: unknown): error is ApiError {
  return (
    error instanceof ApiError ||
    (error instanceof Error &&
      error.name === 'ApiError' &&
      typeof (error as { status?: unknown }).status === 'number' &&
      typeof (error as { code?: unknown }).code === 'string')
  );
}
