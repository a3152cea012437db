import type { z } from 'zod';
import { ApiError, type ApiIssue, badRequest } from './errors';
import { knownRequestBody } from './known-bodies';

/** Default cap for JSON request bodies; submissions pass their own, larger cap. */
export const DEFAULT_BODY_LIMIT_BYTES = 8 * 1024;

function formatLimit(bytes: number): string {
  return bytes >= 1024 ? `${Math.round(bytes / 1024)} KiB` : `${bytes} bytes`;
}

function tooLarge(limit: number): ApiError {
  return new ApiError(
    413,
    'body-too-large',
    `The request body is larger than ${formatLimit(limit)}. Send less data in one request.`,
  );
}

/** Reads the body as text, refusing (413) before or as soon as it passes `limit` bytes. */
export async function readBodyText(request: Request, limit: number): Promise<string> {
  const declared = request.headers.get('content-length');
  if (declared !== null && Number(declared) > limit) throw tooLarge(limit);
  const known = knownRequestBody(request);
  if (known) {
    if (known.byteLength > limit) throw tooLarge(limit);
    return new TextDecoder('utf-8', { fatal: false }).decode(known);
  }
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > limit) {
      await reader.cancel().catch(() => {});
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  return new TextDecoder('utf-8', { fatal: false }).decode(Buffer.concat(chunks));
}

/** How deeply arrays and objects may nest in a request body; every answer shape fits in 4. */
export const MAX_JSON_DEPTH = 16;

/**
 * The deepest nesting of arrays and objects in JSON text, found by one pass over its characters (strings
 * skipped), before anything parses or walks the value; stops counting once past `limit`.
 */
export function jsonDepth(text: string, limit: number = MAX_JSON_DEPTH): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const char = text.charCodeAt(index);
    if (inString) {
      if (char === 0x5c)
        index++; // backslash: skip the escaped character
      else if (char === 0x22) inString = false;
    } else if (char === 0x22) inString = true;
    else if (char === 0x5b || char === 0x7b) {
      depth++;
      if (depth > deepest) {
        deepest = depth;
        if (deepest > limit) return deepest;
      }
    } else if (char === 0x5d || char === 0x7d) depth--;
  }
  return deepest;
}

/** Turns Zod issues into located, readable ones: `responses.q1: Expected string, received number`. */
export function zodIssues(error: z.ZodError): ApiIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.length > 0 ? issue.path.map(String).join('.') : '(body)',
    message: issue.message,
  }));
}

/**
 * Parses a JSON request body against `schema`. Every failure is a 4xx ApiError that names the problem:
 * wrong content type (415), too large (413), malformed JSON (400, with the parser's position), or
 * fields of the wrong shape (400, one issue per field).
 */
export async function readJsonBody<Schema extends z.ZodType>(
  request: Request,
  schema: Schema,
  options: { limitBytes?: number } = {},
): Promise<z.output<Schema>> {
  const limit = options.limitBytes ?? DEFAULT_BODY_LIMIT_BYTES;
  const contentType = request.headers.get('content-type') ?? '';
  if (!/^application\/json\s*(;|$)/i.test(contentType)) {
    throw new ApiError(
      415,
      'unsupported-media-type',
      'Send the request body as JSON with the header "Content-Type: application/json".',
    );
  }
  const text = await readBodyText(request, limit);
  if (text.trim() === '') throw badRequest('invalid-json', 'The request body is empty; send a JSON object.');
  if (jsonDepth(text) > MAX_JSON_DEPTH) {
    throw badRequest(
      'too-deeply-nested',
      `The request body nests arrays or objects more than ${MAX_JSON_DEPTH} levels deep; no answer needs that many.`,
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof SyntaxError ? error.message : 'unreadable JSON';
    throw badRequest('invalid-json', `The request body is not valid JSON (${detail}).`);
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const issues = zodIssues(parsed.error);
    const first = issues[0];
    const summary = first
      ? `${first.path}: ${first.message.replace(/[.!?]$/, '')}`
      : 'the body does not match';
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
    throw badRequest(
      'invalid-body',
      `The request body is not what this endpoint expects: ${summary}${more}.`,
      issues,
    );
  }
  return parsed.data;
}
