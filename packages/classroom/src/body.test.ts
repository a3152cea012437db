import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readJsonBody } from './body';
import { ApiError } from './errors';

const schema = z.strictObject({ name: z.string().max(10), count: z.int().optional() });

function jsonRequest(body: BodyInit | null, headers: Record<string, string> = {}): Request {
  return new Request('http://127.0.0.1:3000/api/x', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
    ...(body instanceof ReadableStream ? { duplex: 'half' } : {}),
  } as RequestInit);
}

async function failure(request: Request, limitBytes?: number): Promise<ApiError> {
  const error = await readJsonBody(request, schema, limitBytes ? { limitBytes } : {}).catch(
    (e: unknown) => e,
  );
  if (!(error instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(error)}`);
  return error;
}

describe('readJsonBody', () => {
  it('returns the parsed body when it matches the schema', async () => {
    expect(await readJsonBody(jsonRequest('{"name":"Ada","count":2}'), schema)).toEqual({
      name: 'Ada',
      count: 2,
    });
  });

  it('refuses other content types with 415', async () => {
    const error = await failure(
      jsonRequest('name=Ada', { 'content-type': 'application/x-www-form-urlencoded' }),
    );
    expect([error.status, error.code]).toEqual([415, 'unsupported-media-type']);
  });

  it('explains malformed and empty JSON with 400', async () => {
    const malformed = await failure(jsonRequest('{"name": "Ada",'));
    expect([malformed.status, malformed.code]).toEqual([400, 'invalid-json']);
    expect(malformed.message).toMatch(/^The request body is not valid JSON \(/);
    expect((await failure(jsonRequest(''))).message).toMatch(/empty/);
  });

  it('lists every field of the wrong type or unknown, by path', async () => {
    const error = await failure(jsonRequest('{"name": 42, "count": "two", "extra": true}'));
    expect([error.status, error.code]).toEqual([400, 'invalid-body']);
    expect(error.issues?.map((i) => i.path).sort()).toEqual(['(body)', 'count', 'name']);
    expect(error.message).toMatch(/and 2 more/);
  });

  it('refuses a body over the limit by its declared length, and a streamed one as it arrives', async () => {
    const declared = await failure(jsonRequest('{"name":"Ada"}', { 'content-length': '5000' }), 1024);
    expect([declared.status, declared.code]).toEqual([413, 'body-too-large']);
    expect(declared.message).toContain('1 KiB');

    const chunk = new TextEncoder().encode(`"${'x'.repeat(600)}`);
    let pulled = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        if (pulled > 50) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const streamed = await failure(jsonRequest(stream), 1024);
    expect(streamed.status).toBe(413);
    expect(pulled).toBeLessThan(10);
  });
});
