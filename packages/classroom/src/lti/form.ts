import { LtiRefusal } from './refusal';

const FORM_LIMIT_BYTES = 64 * 1024;

/** The fields of a form POST (the LMS's launch, our own pages' forms), or the query of a GET. */
export async function readForm(request: Request): Promise<URLSearchParams> {
  const url = new URL(request.url);
  if (request.method === 'GET' || request.method === 'HEAD') return url.searchParams;
  const type = request.headers.get('content-type') ?? '';
  if (!type.startsWith('application/x-www-form-urlencoded')) {
    throw new LtiRefusal(
      'not-a-form',
      'Expected an HTML form post (application/x-www-form-urlencoded).',
      415,
    );
  }
  const body = await request.text();
  if (body.length > FORM_LIMIT_BYTES)
    throw new LtiRefusal('form-too-large', 'The form post is too large.', 413);
  const fields = new URLSearchParams(body);
  // OIDC login initiation may come as a GET or a POST; its query counts as well.
  for (const [name, value] of url.searchParams) if (!fields.has(name)) fields.set(name, value);
  return fields;
}

export function requiredField(fields: URLSearchParams, name: string, what: string): string {
  const value = fields.get(name);
  if (!value)
    throw new LtiRefusal(
      `missing-${name.replace(/_/g, '-')}`,
      `The LMS did not send ${what} (${name}).`,
      400,
    );
  if (value.length > 16 * 1024) throw new LtiRefusal('field-too-long', `The field ${name} is too long.`, 400);
  return value;
}
