/** A refused LTI step: answered with a page (never a session) and one log line. */
export class LtiRefusal extends Error {
  readonly code: string;
  readonly status: number;

  constructor(code: string, message: string, status = 401) {
    super(message);
    this.name = 'LtiRefusal';
    this.code = code;
    this.status = status;
  }
}

export function isLtiRefusal(error: unknown): error is LtiRefusal {
  return error instanceof LtiRefusal;
}
