// Class mode outside Next.js: the README's plain `node:http` mount, exercised over real sockets.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Classroom, createClassroom } from './api';
import { toNodeListener } from './node';
import { fixtureCourseDir, memoryStore } from './testing';

let classroom: Classroom;
let server: Server;
let base: string;

beforeAll(async () => {
  classroom = createClassroom({
    store: memoryStore(),
    courseDir: fixtureCourseDir,
    env: { TEACHER_PASSCODE: 'node-http-passcode' },
    log: () => {},
  });
  await classroom.ready();
  server = createServer(
    toNodeListener(classroom, (_req, res) => {
      res.statusCode = 200;
      res.setHeader('content-type', 'text/plain');
      res.end('the rest of the site');
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await classroom.close();
});

/** A browser over HTTP: keeps cookies and sends the CSRF header and Origin on POSTs. */
function browser() {
  const jar = new Map<string, string>();
  return async (path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(`${base}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: {
        cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '),
        ...(body === undefined
          ? {}
          : { 'content-type': 'application/json', origin: base, 'x-csrf-token': jar.get('ck_csrf') ?? '' }),
        ...headers,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const eq = pair.indexOf('=');
      jar.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
    const type = response.headers.get('content-type') ?? '';
    return {
      status: response.status,
      body: type.includes('json') ? await response.json() : await response.text(),
    };
  };
}

describe('toNodeListener', () => {
  it('serves the whole class flow: teacher creates a class, a student joins, opens a quiz and submits', async () => {
    const teacher = browser();
    await teacher('/api/csrf');
    expect((await teacher('/api/teacher/login', { passcode: 'node-http-passcode' })).status).toBe(200);
    const created = await teacher('/api/classes', { name: 'Period 3' });
    expect(created.status).toBe(201);

    const student = browser();
    await student('/api/csrf');
    const joined = await student('/api/classes/join', { code: created.body.joinCode, displayName: 'Ada' });
    expect(joined.status).toBe(201);
    const quiz = await student('/api/quizzes/summits-and-workers');
    expect(quiz.status).toBe(200);
    expect(quiz.body.learner).toEqual({ kind: 'student', displayName: 'Ada' });
    const submitted = await student('/api/attempts', {
      quizId: 'summits-and-workers',
      idempotencyKey: 'node-http-key-1',
      attemptNumber: quiz.body.attempt.number,
      responses: { 'veto-2022': true },
    });
    expect(submitted.status).toBe(201);
    expect(submitted.body.attempt.number).toBe(1);

    const dashboard = await teacher(`/api/classes/${created.body.id}/dashboard`);
    expect(dashboard.body.students.map((s: { displayName: string }) => s.displayName)).toEqual(['Ada']);
  });

  it('answers outside the mount with the fallback, and JSON errors inside it', async () => {
    const anyone = browser();
    expect(await anyone('/lessons/one')).toEqual({ status: 200, body: 'the rest of the site' });
    const unknown = await anyone('/api/nowhere');
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'unknown-endpoint']);
    const malformed = await anyone('/api/quizzes/%E0%A4%A');
    expect([malformed.status, malformed.body.error.code]).toEqual([400, 'invalid-path']);
  });

  it('reads bodies whole or streamed alike, and refuses one over the limit with a JSON 413', async () => {
    const student = browser();
    await student('/api/csrf');
    const joined = await student('/api/classes/join', { code: 'ZZZZZZ', displayName: 'Ada' });
    expect([joined.status, joined.body.error.code]).toEqual([404, 'unknown-join-code']);
    // 20 KiB: read whole by the adapter (it declares its length), then refused by the 8 KiB cap of joins.
    const long = await student('/api/classes/join', { code: 'ZZZZZZ', displayName: 'x'.repeat(20_000) });
    expect([long.status, long.body.error.code]).toEqual([413, 'body-too-large']);
    // Sent in chunks without a declared length: streamed, and refused as soon as it passes the cap.
    const chunks = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(`{"code":"ZZZZZZ","displayName":"`));
        for (let i = 0; i < 10; i++) controller.enqueue(new TextEncoder().encode('y'.repeat(1000)));
        controller.enqueue(new TextEncoder().encode('"}'));
        controller.close();
      },
    });
    const { token } = (await (await fetch(`${base}/api/csrf`)).json()) as { token: string };
    const streamed = await fetch(`${base}/api/classes/join`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        origin: base,
        cookie: `ck_csrf=${token}`,
        'x-csrf-token': token,
      },
      body: chunks,
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
    expect(((await streamed.json()) as { error: { code: string } }).error.code).toBe('body-too-large');
  });

  it('counts guesses per socket address, whatever X-Forwarded-For says', async () => {
    const guesser = browser();
    await guesser('/api/csrf');
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const answer = await guesser(
        '/api/teacher/login',
        { passcode: 'not-it' },
        { 'x-forwarded-for': `203.0.113.${i}` },
      );
      statuses.push(answer.status);
    }
    expect(statuses.slice(10)).toEqual([429, 429]);
  });

  it('hands other handlers a complete Request and writes any Response from its stream', async () => {
    // A handler of its own (not the classroom's) reads the body through the Fetch API and answers with a
    // Response the package did not make: the adapter's shortcuts must not take either away.
    const echo = createServer(
      toNodeListener({
        basePath: '/echo',
        handle: async (request: Request) =>
          new Response(`${request.method} ${await request.text()}`, { status: 202 }),
      } as unknown as Classroom),
    );
    await new Promise<void>((resolve) => echo.listen(0, '127.0.0.1', resolve));
    try {
      const port = (echo.address() as AddressInfo).port;
      const answer = await fetch(`http://127.0.0.1:${port}/echo`, { method: 'POST', body: 'é: {"a":1}' });
      expect(answer.status).toBe(202);
      expect(await answer.text()).toBe('POST é: {"a":1}');
    } finally {
      await new Promise((resolve) => echo.close(resolve));
    }
  });
});
